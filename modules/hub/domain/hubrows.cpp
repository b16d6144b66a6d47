#include "hubrows_p.h"
#include "hubservicesupport_p.h"



#include "security/audit.h"
#include "base/clock.h"
#include "base/coretr.h"
#include "base/error.h"
#include "security/session.h"
#include "shared/deadlines.h"
#include "store/sql.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlQuery>

#include <cmath>
#include <numbers>

namespace hexhub::hubrows {

using hubsupport::check;
using hubsupport::failNow;
using hubsupport::hubWrite;


const QString kHub = QStringLiteral("hub");

// The reporter's contact is read masked, as the store keeps it beside the contact (migration 0009):
// the contact itself is read only to reveal it (IncidentService::revealContact()), and a desk of a
// shared server may not read it at all except through the server's hexhub_reveal().
const QString kIncidentColumns = QStringLiteral(
    "id, number, status, priority, category, source, summary, address, latitude, longitude, reporter_contact_masked, "
    "centre, created_at, updated_at, arrived_at, merged_into, version");

const QString kUnitColumns = QStringLiteral(
    "id, kind, status, home_station, crew_size, skills, latitude, longitude, position_at, incident_id, "
    "status_since, version");

const QString kTaskColumns = QStringLiteral(
    "id, assignee_kind, assignee, title, detail, priority, status, progress, progress_note, decline_reason, "
    "starts_at, due_at, place, latitude, longitude, incident_id, operation_id, created_by, created_at, "
    "updated_at, version, origin");

const QString kOperationColumns = QStringLiteral(
    "id, name, objective, status, go_at, incident_id, created_by, created_at, updated_at, version, origin, origin_ref");


QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

QVariant nullableMs(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : QVariant();
}

std::optional<GeoPoint> pointAt(const QSqlQuery& q, int latColumn)
{
    if (q.value(latColumn).isNull() || q.value(latColumn + 1).isNull())
        return std::nullopt;
    return GeoPoint{q.value(latColumn).toDouble(), q.value(latColumn + 1).toDouble()};
}

Incident incidentFrom(const QSqlQuery& q)
{
    Incident i;
    i.id = q.value(0).toLongLong();
    i.number = q.value(1).toString();
    i.status = incidentStatusFromId(q.value(2).toString()).value_or(IncidentStatus::New);
    i.priority = q.value(3).toInt();
    i.category = q.value(4).toString();
    i.source = incidentSourceFromId(q.value(5).toString()).value_or(IncidentSource::Call);
    i.summary = q.value(6).toString();
    i.location.address = q.value(7).toString();
    i.location.point = pointAt(q, 8);
    i.reporterContact = q.value(10).toString();
    i.centre = q.value(11).toString();
    i.createdAt = q.value(12).toLongLong();
    i.updatedAt = q.value(13).toLongLong();
    i.arrivedAt = q.value(14).toLongLong();
    i.mergedInto = q.value(15).toLongLong();
    i.version = q.value(16).toLongLong();
    return i;
}

Unit unitFrom(const QSqlQuery& q)
{
    Unit u;
    u.callSign = q.value(0).toString();
    u.kind = unitKindFromId(q.value(1).toString()).value_or(UnitKind::PatrolCar);
    u.status = unitStatusFromId(q.value(2).toString()).value_or(UnitStatus::OffDuty);
    u.homeStation = q.value(3).toString();
    u.crewSize = q.value(4).toInt();
    u.skills = q.value(5).toString().split(u',', Qt::SkipEmptyParts);
    u.position = pointAt(q, 6);
    u.positionAt = q.value(8).toLongLong();
    u.incidentId = q.value(9).toLongLong();
    u.statusSince = q.value(10).toLongLong();
    u.version = q.value(11).toLongLong();
    return u;
}

Task taskFrom(const QSqlQuery& q)
{
    Task t;
    t.id = q.value(0).toLongLong();
    t.assigneeKind = q.value(1).toString() == QLatin1String("unit") ? AssigneeKind::Unit : AssigneeKind::Centre;
    t.assignee = q.value(2).toString();
    t.title = q.value(3).toString();
    t.detail = q.value(4).toString();
    t.priority = q.value(5).toInt();
    t.status = taskStatusFromId(q.value(6).toString()).value_or(TaskStatus::Issued);
    t.progress = q.value(7).toInt();
    t.progressNote = q.value(8).toString();
    t.declineReason = q.value(9).toString();
    t.startsAt = q.value(10).toLongLong();
    t.dueAt = q.value(11).toLongLong();
    t.place = q.value(12).toString();
    t.point = pointAt(q, 13);
    t.incidentId = q.value(15).toLongLong();
    t.operationId = q.value(16).toLongLong();
    t.createdBy = q.value(17).toString();
    t.createdAt = q.value(18).toLongLong();
    t.updatedAt = q.value(19).toLongLong();
    t.version = q.value(20).toLongLong();
    t.origin = q.value(21).toString();
    return t;
}

Operation operationFrom(const QSqlQuery& q)
{
    Operation o;
    o.id = q.value(0).toLongLong();
    o.name = q.value(1).toString();
    o.objective = q.value(2).toString();
    o.status = operationStatusFromId(q.value(3).toString()).value_or(OperationStatus::Planned);
    o.goAt = q.value(4).toLongLong();
    o.incidentId = q.value(5).toLongLong();
    o.createdBy = q.value(6).toString();
    o.createdAt = q.value(7).toLongLong();
    o.updatedAt = q.value(8).toLongLong();
    o.version = q.value(9).toLongLong();
    o.origin = q.value(10).toString();
    o.originRef = q.value(11).toString();
    return o;
}

Incident loadIncident(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kIncidentColumns + QStringLiteral(" FROM hub_incidents WHERE id = ?"), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("Incident %1 does not exist.").arg(id));
    return incidentFrom(q);
}

std::optional<Unit> findUnit(Sql& sql, const QString& callSign)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kUnitColumns + QStringLiteral(" FROM hub_units WHERE id = ?"), {callSign});
    if (!q.next())
        return std::nullopt;
    return unitFrom(q);
}

Unit loadUnit(Sql& sql, const QString& callSign)
{
    if (auto unit = findUnit(sql, callSign))
        return *unit;
    throw NotFoundError(Tr::tr("There is no unit %1.").arg(callSign));
}

Task loadTask(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kTaskColumns + QStringLiteral(" FROM hub_tasks WHERE id = ?"), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("Task %1 does not exist.").arg(id));
    return taskFrom(q);
}

Operation loadOperation(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kOperationColumns + QStringLiteral(" FROM hub_operations WHERE id = ?"), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("Operation %1 does not exist.").arg(id));
    return operationFrom(q);
}

IncidentCategory categoryFrom(const QSqlQuery& q)
{
    IncidentCategory c;
    c.id = q.value(0).toString();
    c.name = q.value(1).toString();
    c.responseTargetMs = q.value(2).toLongLong() * 1000;
    c.onSceneLimitMs = q.value(3).toLongLong() * 1000;
    // A malformed run card or playbook reads as empty; the administrator's editor validates them.
    c.runCard = IncidentCategory::runCardFromJson(c.id, QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array())
                    .value_or(RunCard{c.id, {}});
    for (const QJsonValue& step : QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array())
        c.playbook << step.toString();
    c.sortOrder = q.value(6).toInt();
    c.version = q.value(7).toLongLong();
    c.defaultPriority = std::clamp(q.value(8).toInt(), 1, 4);
    c.keywords = q.value(9).toString();
    return c;
}

const QString kCategoryColumns = QStringLiteral(
    "id, name, response_target_s, on_scene_limit_s, run_card, playbook, sort_order, version, default_priority, keywords");

std::optional<IncidentCategory> findCategory(Sql& sql, const QString& id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kCategoryColumns + QStringLiteral(" FROM hub_categories WHERE id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return categoryFrom(q);
}

IncidentCategory loadCategory(Sql& sql, const QString& id)
{
    if (auto c = findCategory(sql, id))
        return *c;
    throw ValidationError(Tr::tr("'%1' is not an incident category.").arg(id));
}

// Publishes an event that belongs to incidents' timelines.
Event publishDraftFor(WriteTransaction& txn, const QList<qint64>& incidents, const EventDraft& draft)
{
    return hubsupport::publishOnTimelines(txn, incidents, draft);
}

void setDeadline(WriteTransaction& txn, const QString& key, const QString& title, qint64 dueMs, const QString& subject)
{
    publishDeadline(txn, DeadlineSet{key, title, QDateTime::fromMSecsSinceEpoch(dueMs, Qt::UTC), kHub, subject});
}

void clearDeadline(WriteTransaction& txn, const QString& key)
{
    publishDeadlineCleared(txn, key);
}

QString responseKey(qint64 incident)
{
    return QStringLiteral("hub.incident.%1.response").arg(incident);
}
QString arrivalKey(const QString& callSign)
{
    return QStringLiteral("hub.unit.%1.arrival").arg(callSign);
}
QString onSceneKey(const QString& callSign)
{
    return QStringLiteral("hub.unit.%1.on_scene").arg(callSign);
}
QString taskKey(qint64 task)
{
    return QStringLiteral("hub.task.%1.due").arg(task);
}

// Writes the incident's status and bumps its version; publishes incident.status on its timeline.
void writeStatus(WriteTransaction& txn, const Incident& incident, IncidentStatus to, const QString& reason)
{
    const qint64 now = txn.clock().nowMs();
    // At the version read: an incident another desk moved meanwhile is a conflict, not overwritten.
    service::requireUpdated(txn.exec(QStringLiteral("UPDATE hub_incidents SET status = ?, updated_at = ?, version = version + 1 "
                                                    "WHERE id = ? AND version = ?"),
                                     {incidentStatusId(to), now, incident.id, incident.version}),
                            Tr::tr("Incident %1 was changed by someone else meanwhile; look at it again and retry.")
                                .arg(incident.number));
    publishFor(txn, {incident.id}, IncidentStatusChanged{incident.id, incident.number, incident.status, to, reason});
}

// Moves a unit to a status (and assignment), publishing unit.status.
void writeUnitStatus(WriteTransaction& txn, const Unit& unit, UnitStatus status, qint64 incidentId)
{
    const qint64 now = txn.clock().nowMs();
    // At the version read: a unit another desk moved meanwhile is a conflict, not overwritten.
    const QSqlQuery q = txn.exec(QStringLiteral("UPDATE hub_units SET status = ?, incident_id = ?, status_since = ?, "
                                                "version = version + 1 WHERE id = ? AND version = ?"),
                                 {unitStatusId(status), nullableId(incidentId), now, unit.callSign, unit.version});
    if (q.numRowsAffected() != 1)
        throw ConflictError(Tr::tr("%1 was changed on another desk meanwhile; look at it again and retry.").arg(unit.callSign));
    const QList<qint64> timelines = incidentId > 0 ? QList<qint64>{incidentId}
                                    : unit.incidentId > 0 ? QList<qint64>{unit.incidentId} : QList<qint64>{};
    publishFor(txn, timelines, UnitStatusChanged{unit.callSign, unit.status, status, incidentId > 0 ? incidentId : unit.incidentId});
}

// Recalls a unit from its incident: available again, its dispatch row cleared, its timers gone.
void releaseUnit(WriteTransaction& txn, const Unit& unit)
{
    const qint64 now = txn.clock().nowMs();
    txn.exec(QStringLiteral("UPDATE hub_dispatches SET cleared_at = ? WHERE unit_id = ? AND cleared_at IS NULL"),
             {now, unit.callSign});
    writeUnitStatus(txn, unit, UnitStatus::Available, 0);
    if (unit.status == UnitStatus::EnRoute)
        clearDeadline(txn, arrivalKey(unit.callSign));
    if (unit.status == UnitStatus::OnScene)
        clearDeadline(txn, onSceneKey(unit.callSign));
}

QList<Unit> unitsOn(Sql& sql, qint64 incidentId)
{
    QList<Unit> units;
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kUnitColumns + QStringLiteral(" FROM hub_units WHERE incident_id = ? ORDER BY id"),
                           {incidentId});
    while (q.next())
        units << unitFrom(q);
    return units;
}

void validateSummary(const QString& summary)
{
    if (summary.trimmed().isEmpty())
        throw ValidationError(Tr::tr("Say in a few words what happened."));
    if (summary.size() > 500)
        throw ValidationError(Tr::tr("The summary is %1 characters long; keep it to 500 and put the rest in a note.")
                                  .arg(summary.size()));
}

void validatePriority(int priority)
{
    if (!Incident::isValidPriority(priority))
        throw ValidationError(Tr::tr("The priority must be P1, P2, P3 or P4."));
}

void validateLocation(const Location& location)
{
    if (location.point && !location.point->isValid())
        throw ValidationError(Tr::tr("The position %1, %2 is not on the earth.")
                                  .arg(location.point->latitude)
                                  .arg(location.point->longitude));
}

QString requireText(const QString& text, const QString& whatIsMissing)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        throw ValidationError(whatIsMissing);
    return trimmed;
}


} // namespace hexhub::hubrows
