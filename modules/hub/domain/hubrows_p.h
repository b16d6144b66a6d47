#pragma once
// The hub domain's row mappers, loaders and shared writes: what its three services have in common.

#include "hexhub/hub/events.h"
#include "hexhub/hub/hubservices.h"

#include "bus/event.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

class QSqlQuery;

namespace hexhub {
class Sql;
class WriteTransaction;
}

namespace hexhub::hubrows {

extern const QString kHub;
extern const QString kIncidentColumns;
extern const QString kUnitColumns;
extern const QString kTaskColumns;
extern const QString kOperationColumns;
QVariant nullableId(qint64 id);
QVariant nullableMs(qint64 ms);
std::optional<GeoPoint> pointAt(const QSqlQuery& q, int latColumn);
Incident incidentFrom(const QSqlQuery& q);
Unit unitFrom(const QSqlQuery& q);
Task taskFrom(const QSqlQuery& q);
Operation operationFrom(const QSqlQuery& q);
Incident loadIncident(Sql& sql, qint64 id);
std::optional<Unit> findUnit(Sql& sql, const QString& callSign);
Unit loadUnit(Sql& sql, const QString& callSign);
Task loadTask(Sql& sql, qint64 id);
Operation loadOperation(Sql& sql, qint64 id);
IncidentCategory categoryFrom(const QSqlQuery& q);
extern const QString kCategoryColumns;
std::optional<IncidentCategory> findCategory(Sql& sql, const QString& id);
IncidentCategory loadCategory(Sql& sql, const QString& id);
//! Publishes a typed hub event and puts it on the timelines of `incidents`.
Event publishDraftFor(WriteTransaction& txn, const QList<qint64>& incidents, const EventDraft& draft);
template <EventPayload T>
Event publishFor(WriteTransaction& txn, const QList<qint64>& incidents, const T& payload)
{
    return publishDraftFor(txn, incidents, EventDraft::from(payload));
}
//! The incident a task or an operation belongs to, as a timeline list (empty: none).
inline QList<qint64> timelineOf(qint64 incidentId)
{
    return incidentId > 0 ? QList<qint64>{incidentId} : QList<qint64>{};
}
void setDeadline(WriteTransaction& txn, const QString& key, const QString& title, qint64 dueMs, const QString& subject);
void clearDeadline(WriteTransaction& txn, const QString& key);
QString responseKey(qint64 incident);
QString arrivalKey(const QString& callSign);
QString onSceneKey(const QString& callSign);
QString taskKey(qint64 task);
void writeStatus(WriteTransaction& txn, const Incident& incident, IncidentStatus to, const QString& reason);
void writeUnitStatus(WriteTransaction& txn, const Unit& unit, UnitStatus status, qint64 incidentId);
void releaseUnit(WriteTransaction& txn, const Unit& unit);
QList<Unit> unitsOn(Sql& sql, qint64 incidentId);
void validateSummary(const QString& summary);
void validatePriority(int priority);
void validateLocation(const Location& location);
QString requireText(const QString& text, const QString& whatIsMissing);

} // namespace hexhub::hubrows
