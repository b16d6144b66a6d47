#pragma once
// The id of one command to a module's service (ARCHITECTURE.md 3a): made where the command is
// issued, so sending it again (a retry after a timeout, a double press, an outbox replay) applies it
// once. The services record each applied id in `applied_commands` in the same transaction.

#include "base/hexhubcore_export.h"

#include <QString>
#include <QUuid>

namespace hexhub {

class HEXHUB_CORE_EXPORT CommandId
{
public:
    CommandId() = default;
    explicit CommandId(const QUuid& id) : m_id(id) {}

    //! A new id. A service's `command = CommandId::make()` default argument is made at the call.
    static CommandId make() { return CommandId(QUuid::createUuid()); }
    //! The id a form keeps for its draft: the same draft saved twice is one command.
    static CommandId fromString(const QString& text) { return CommandId(QUuid::fromString(text)); }

    bool isNull() const { return m_id.isNull(); }
    QUuid uuid() const { return m_id; }
    QString toString() const { return m_id.toString(QUuid::WithoutBraces); }

    friend bool operator==(const CommandId&, const CommandId&) = default;

private:
    QUuid m_id;
};

} // namespace hexhub
