#pragma once
// What the outbox's files share: how an entry is kept in the desk's outbox file, and a record's name.

#include "store/outbox.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QString>
#include <QVariant>
#include <QVariantMap>

class QSqlQuery;

Q_DECLARE_LOGGING_CATEGORY(lcOutbox)

namespace hexhub {

namespace detail {

constexpr int kFirstBackoffMs = 200;

QJsonObject mapToJson(const QVariantMap& map);
QString stateName(OutboxEntry::State state);
//! The columns entryFrom() reads, in its order.
extern const QString kEntryColumns;
// Reads an entry; a row whose change cannot be read any more is reported as Failed, never dropped.
OutboxEntry entryFrom(QSqlQuery& q);
QString recordName(const RowChange& change, const QVariant& key);

} // namespace detail

// The outbox's files use these unqualified, as they did when it was one file.
using detail::entryFrom;
using detail::kEntryColumns;
using detail::kFirstBackoffMs;
using detail::mapToJson;
using detail::recordName;
using detail::stateName;

} // namespace hexhub
