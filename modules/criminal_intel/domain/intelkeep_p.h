#pragma once
// Internal to the centre's domain: what its commands keep in the desk's outbox while the server is
// away (servicesupport.h keepWhenAway()), on which records, and their arguments as the replayers
// (intelreplay.cpp) read them back to send again under the operator signed in then.
#include "hexhub/criminal_intel/entities.h"
#include "hexhub/criminal_intel/investigations.h"
#include "hexhub/criminal_intel/leads.h"
#include "module/servicesupport.h"
#include "store/outbox.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <utility>

namespace hexhub::criminalintel::intelkeep {

//! A command of this centre kept while the server is away: `operation` is its replayer's name.
inline OfflineCommand offline(const QString& operation, const CommandId& command, QJsonObject args, QStringList records, QString summary,
                              const Principal& actor)
{
    return service::offlineCommand(QStringLiteral("criminal_intel"), operation, command, std::move(args), std::move(records), std::move(summary),
                                   actor);
}

/*!
 * Runs `attempt` (the command's write), or keeps `command` in `outbox` when the server cannot be
 * reached or earlier work on its records still waits there (keepWhenAway()). Call after the
 * command's permission check and the validation it can do without the store.
 */
template <typename Attempt> auto kept(Outbox* outbox, OfflineCommand command, Attempt&& attempt)
{
    return service::keepWhenAway(outbox, std::forward<Attempt>(attempt), std::move(command));
}

// The records a kept command changes: later commands on one of them wait behind it, in order.
inline QString leadRecord(qint64 id)
{
    return QStringLiteral("criminal_intel/lead:%1").arg(id);
}
inline QString entityRecord(qint64 id)
{
    return QStringLiteral("criminal_intel/entity:%1").arg(id);
}
inline QString linkRecord(qint64 id)
{
    return QStringLiteral("criminal_intel/link:%1").arg(id);
}
inline QString chartRecord(qint64 id)
{
    return QStringLiteral("criminal_intel/chart:%1").arg(id);
}
inline QString investigationRecord(qint64 id)
{
    return QStringLiteral("criminal_intel/investigation:%1").arg(id);
}
inline QString settingsRecord()
{
    return QStringLiteral("criminal_intel/settings");
}
inline QStringList leadRecords(const QList<qint64>& ids)
{
    QStringList records;
    for (qint64 id : ids)
        records << leadRecord(id);
    return records;
}

/*!
 * A reason that must be given, checked before anything is kept (as the command checks it again in
 * its transaction): null when it is, else the command's refusal.
 */
template <typename T> std::optional<QFuture<T>> missingReason(const QString& reason, const QString& message)
{
    if (const QString problem = service::reasonProblem(reason, message); !problem.isEmpty())
        return service::failNow<T>(problem);
    return std::nullopt;
}

// The arguments' JSON, both ways (a kept command that cannot be read back is refused with why).
// Personal data kept with a command (a tip's source, an entity's label) goes under a key starting
// "protected", which `hexhub --outbox` prints masked as it does a reporter's contact.
QJsonObject toJson(const NewTip& tip);
NewTip newTipFrom(const QJsonObject& json);
QJsonObject toJson(const LeadGrade& grade);
LeadGrade gradeFrom(const QJsonObject& json);
QJsonObject toJson(const NewEntity& entity);
NewEntity newEntityFrom(const QJsonObject& json);
QJsonObject toJson(const NewLink& link);
NewLink newLinkFrom(const QJsonObject& json);
QJsonObject toJson(const NewDivisionLine& line);
NewDivisionLine newLineFrom(const QJsonObject& json);
QJsonObject toJson(const InvestigationTarget& target);
InvestigationTarget targetFrom(const QJsonObject& json);
QJsonArray idsJson(const QList<qint64>& ids);

} // namespace hexhub::criminalintel::intelkeep
