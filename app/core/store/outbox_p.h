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
//! The maker's seal on an entry kept at `position` as `stored` (its JSON text in the file) carrying `content`.
QByteArray entrySeal(const QByteArray& key, OutboxEntry::Kind kind, qint64 position, const QByteArray& stored,
                     const QByteArray& content);
//! The maker's seal on an entry's state (a conflict or refusal with what the server said).
QByteArray stateSeal(const QByteArray& key, const OutboxEntry& entry);
//! The JSON text an entry is kept as.
QByteArray storedText(const QJsonObject& json);
/*!
 * For the operator `who` signed in with `key`: a state of their own entry that their desk did not
 * seal (a conflict or refusal written into the file by someone else) is not trusted; the entry is
 * taken as waiting to be sent, so keep mine never overrides what the server did not say.
 */
void trustState(OutboxEntry& entry, const QString& who, const QByteArray& key);
//! Seals `entry`'s state with the maker's `key` (none without a key).
void sealState(OutboxEntry& entry, const QByteArray& key);
//! Writes `entry`'s state (Conflict or Failed, what the server said, its seal) to its row.
void saveState(WriteTransaction& txn, const OutboxEntry& entry);

} // namespace detail

// The outbox's files use these unqualified, as they did when it was one file.
using detail::entryFrom;
using detail::kEntryColumns;
using detail::kFirstBackoffMs;
using detail::mapToJson;
using detail::recordName;
using detail::entrySeal;
using detail::stateName;
using detail::storedText;
using detail::saveState;
using detail::sealState;
using detail::trustState;

} // namespace hexhub
