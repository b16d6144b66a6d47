#include "hubservices.h"

#include "hubservicesupport_p.h"

#include "audit.h"
#include "clock.h"
#include "coretr.h"
#include "error.h"
#include "session.h"
#include "sql.h"
#include "sqldialect.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlQuery>

#include <cmath>
#include <numbers>

namespace hexhub {

namespace {

const QString kHub = QStringLiteral("hub");

const QString kIncidentColumns = QStringLiteral(
    "id, number, status, priority, category, source, summary, address, latitude, longitude, reporter_contact, "
    "centre, created_at, updated_at, arrived_at, merged_into, version");

const QString kUnitColumns = QStringLiteral(
    "id, kind, status, home_station, crew_size, skills, latitude, longitude, position_at, incident_id, "
    "status_since, version");

const QString kTaskColumns = QStringLiteral(
    "id, assignee_kind, assignee, title, detail, priority, status, progress, progress_note, decline_reason, "
    "starts_at, due_at, place, latitude, longitude, incident_id, operation_id, created_by, created_at, "
    "updated_at, version");

const QString kOperationColumns = QStringLiteral(
    "id, name, objective, status, go_at, incident_id, created_by, created_at, updated_at, version");

using hubsupport::check;
using hubsupport::failNow;
using hubsupport::hubWrite;

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
    return c;
}

const QString kCategoryColumns = QStringLiteral(
    "id, name, response_target_s, on_scene_limit_s, run_card, playbook, sort_order");

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
Event publishFor(WriteTransaction& txn, const QList<qint64>& incidents, const QString& topic, const QJsonObject& payload)
{
    EventDraft draft;
    draft.topic = topic;
    draft.payload = payload;
    return hubsupport::publishOnTimelines(txn, incidents, draft);
}

Event publish(WriteTransaction& txn, const QString& topic, const QJsonObject& payload)
{
    return publishFor(txn, {}, topic, payload);
}

void setDeadline(WriteTransaction& txn, const QString& key, const QString& title, qint64 dueMs, const QString& subject)
{
    publish(txn, QStringLiteral("deadline.set"),
            {{QStringLiteral("key"), key},
             {QStringLiteral("title"), title},
             {QStringLiteral("due"), QDateTime::fromMSecsSinceEpoch(dueMs, Qt::UTC).toString(Qt::ISODateWithMs)},
             {QStringLiteral("module"), kHub},
             {QStringLiteral("subject"), subject}});
}

void clearDeadline(WriteTransaction& txn, const QString& key)
{
    publish(txn, QStringLiteral("deadline.cleared"), {{QStringLiteral("key"), key}});
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
    txn.exec(QStringLiteral("UPDATE hub_incidents SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?"),
             {incidentStatusId(to), now, incident.id});
    publishFor(txn, {incident.id}, QStringLiteral("incident.status"),
               {{QStringLiteral("incident"), incident.id},
                {QStringLiteral("number"), incident.number},
                {QStringLiteral("from"), incidentStatusId(incident.status)},
                {QStringLiteral("to"), incidentStatusId(to)},
                {QStringLiteral("reason"), reason}});
}

// Moves a unit to a status (and assignment), publishing unit.status.
void writeUnitStatus(WriteTransaction& txn, const Unit& unit, UnitStatus status, qint64 incidentId)
{
    const qint64 now = txn.clock().nowMs();
    txn.exec(QStringLiteral("UPDATE hub_units SET status = ?, incident_id = ?, status_since = ?, version = version + 1 "
                            "WHERE id = ?"),
             {unitStatusId(status), nullableId(incidentId), now, unit.callSign});
    const QList<qint64> timelines = incidentId > 0 ? QList<qint64>{incidentId}
                                    : unit.incidentId > 0 ? QList<qint64>{unit.incidentId} : QList<qint64>{};
    publishFor(txn, timelines, QStringLiteral("unit.status"),
               {{QStringLiteral("unit"), unit.callSign},
                {QStringLiteral("from"), unitStatusId(unit.status)},
                {QStringLiteral("to"), unitStatusId(status)},
                {QStringLiteral("incident"), incidentId > 0 ? incidentId : unit.incidentId}});
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

} // namespace

QString maskContact(const QString& contact)
{
    const QString c = contact.trimmed();
    if (c.isEmpty())
        return {};
    const qsizetype at = c.indexOf(u'@');
    if (at > 0)
        return c.left(1) + QStringLiteral("***") + c.mid(at);
    if (c.size() <= 4)
        return QString(c.size(), u'*');
    const qsizetype keepHead = c.size() >= 11 ? 3 : 1;
    const qsizetype keepTail = c.size() >= 8 ? 4 : 2;
    return c.left(keepHead) + QString(c.size() - keepHead - keepTail, u'*') + c.right(keepTail);
}

QString describeHubEvent(const QString& topic, const QJsonObject& p)
{
    const auto str = [&p](const char* key) { return p.value(QLatin1String(key)).toString(); };
    if (topic == QLatin1String("incident.created"))
        return Tr::tr("Incident %1 created: P%2, %3").arg(str("number")).arg(p.value(QStringLiteral("priority")).toInt()).arg(str("summary"));
    if (topic == QLatin1String("incident.updated"))
        return Tr::tr("Details changed: %1").arg(p.value(QStringLiteral("changed")).toVariant().toStringList().join(QStringLiteral(", ")));
    if (topic == QLatin1String("incident.status")) {
        const auto from = incidentStatusFromId(str("from"));
        const auto to = incidentStatusFromId(str("to"));
        const QString move = Tr::tr("Status %1 to %2")
                                 .arg(from ? incidentStatusName(*from) : str("from"), to ? incidentStatusName(*to) : str("to"));
        return str("reason").isEmpty() ? move : Tr::tr("%1: %2").arg(move, str("reason"));
    }
    if (topic == QLatin1String("incident.note"))
        return Tr::tr("Note: %1").arg(str("text"));
    if (topic == QLatin1String("incident.dispatched"))
        return Tr::tr("Dispatched %1").arg(p.value(QStringLiteral("units")).toVariant().toStringList().join(QStringLiteral(", ")));
    if (topic == QLatin1String("incident.unit_arrived"))
        return Tr::tr("%1 arrived on scene").arg(str("unit"));
    if (topic == QLatin1String("incident.unit_cleared"))
        return Tr::tr("%1 cleared from the incident").arg(str("unit"));
    if (topic == QLatin1String("incident.merged"))
        return Tr::tr("Incident %1 merged into %2").arg(str("duplicateNumber"), str("keepNumber"));
    if (topic == QLatin1String("incident.linked"))
        return Tr::tr("Linked to %1 %2").arg(str("kind"), str("ref"));
    if (topic == QLatin1String("incident.step")) {
        return p.value(QStringLiteral("ticked")).toBool() ? Tr::tr("Playbook step done: %1").arg(translateTaxonomyText(str("text")))
                                                          : Tr::tr("Playbook step reopened: %1").arg(translateTaxonomyText(str("text")));
    }
    if (topic == QLatin1String("unit.status")) {
        const auto to = unitStatusFromId(str("to"));
        return Tr::tr("%1 is %2").arg(str("unit"), to ? unitStatusName(*to) : str("to"));
    }
    if (topic == QLatin1String("task.assigned"))
        return Tr::tr("Task to %1: %2").arg(str("assignee"), str("title"));
    if (topic == QLatin1String("task.updated")) {
        const auto to = taskStatusFromId(str("status"));
        return Tr::tr("Task %1 is %2").arg(str("title"), to ? taskStatusName(*to) : str("status"));
    }
    if (topic == QLatin1String("media.attached")) {
        if (str("kind") == QLatin1String("clip")) {
            const QString seconds = QLocale().toString(double(p.value(QStringLiteral("durationMs")).toInteger()) / 1000, 'f', 1);
            return Tr::tr("Clip from camera %1 (%2) attached, %3 s").arg(str("cameraName"), str("cameraId"), seconds);
        }
        return Tr::tr("Snapshot from camera %1 (%2) attached").arg(str("cameraName"), str("cameraId"));
    }
    return topic;
}

// ---------------------------------------------------------------------------------------------
// IncidentService

IncidentService::IncidentService(Store& store, Session& session, AuditLog& audit)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
{
}

QFuture<QList<IncidentCategory>> IncidentService::categories() const
{
    return m_store.read([](Sql& sql) {
        QList<IncidentCategory> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kCategoryColumns + QStringLiteral(" FROM hub_categories ORDER BY sort_order, id"));
        while (q.next())
            out << categoryFrom(q);
        return out;
    });
}

QFuture<Incident> IncidentService::create(const NewIncident& in) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Incident>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("create an incident"),
                                       QStringLiteral("incident.created"), QStringLiteral("incident:new")))
        return *refused;
    try {
        validatePriority(in.priority);
        validateSummary(in.summary);
        validateLocation(in.location);
    } catch (...) {
        return QtFuture::makeExceptionalFuture<Incident>(std::current_exception());
    }
    return m_store.write(hubWrite(actor), [in](WriteTransaction& txn) {
        const IncidentCategory category = loadCategory(txn, in.category);
        const qint64 now = txn.clock().nowMs();
        const QVariant lat = in.location.point ? QVariant(in.location.point->latitude) : QVariant();
        const QVariant lon = in.location.point ? QVariant(in.location.point->longitude) : QVariant();
        // The number is the year and the row id; a placeholder keeps the UNIQUE column filled until then.
        const qint64 id = txn.insert(
            QStringLiteral("INSERT INTO hub_incidents (number, status, priority, category, source, summary, address, latitude, "
                           "longitude, reporter_contact, centre, created_at, updated_at) "
                           "VALUES (?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {QUuid::createUuid().toString(QUuid::WithoutBraces), in.priority, in.category, incidentSourceId(in.source),
             in.summary.trimmed(), in.location.address.trimmed(), lat, lon,
             in.reporterContact.trimmed().isEmpty() ? QVariant() : QVariant(in.reporterContact.trimmed()),
             in.centre.isEmpty() ? kHub : in.centre, now, now});
        const QString number = QStringLiteral("%1-%2")
                                   .arg(txn.clock().now().date().year())
                                   .arg(id, 6, 10, QLatin1Char('0'));
        txn.exec(QStringLiteral("UPDATE hub_incidents SET number = ? WHERE id = ?"), {number, id});
        Incident incident = loadIncident(txn, id);
        publishFor(txn, {id}, QStringLiteral("incident.created"), incident.toJson());
        setDeadline(txn, responseKey(id),
                    Tr::tr("Response %1: %2").arg(number, category.displayName()), now + category.responseTargetMs,
                    QStringLiteral("incident:%1").arg(id));
        incident.reporterContact = maskContact(incident.reporterContact);
        return incident;
    });
}

QFuture<Incident> IncidentService::get(qint64 id) const
{
    const Principal actor = m_session.principal();
    try {
        Session::require(actor, QStringLiteral("hub.incident.view"), Tr::tr("see an incident"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<Incident>(std::current_exception());
    }
    return m_store.read([id](Sql& sql) {
        Incident incident = loadIncident(sql, id);
        incident.reporterContact = maskContact(incident.reporterContact);
        return incident;
    });
}

QFuture<Incident> IncidentService::edit(qint64 id, qint64 expectedVersion, const IncidentEdit& change) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Incident>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("change an incident"),
                                       QStringLiteral("incident.updated"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    try {
        if (change.priority)
            validatePriority(*change.priority);
        if (change.summary)
            validateSummary(*change.summary);
        if (change.location)
            validateLocation(*change.location);
    } catch (...) {
        return QtFuture::makeExceptionalFuture<Incident>(std::current_exception());
    }
    return m_store.write(hubWrite(actor), [id, expectedVersion, change](WriteTransaction& txn) {
        const Incident before = loadIncident(txn, id);
        if (before.version != expectedVersion)
            throw ConflictError(Tr::tr("Incident %1 was changed by someone else while you edited it; "
                                       "reload it and make your change again.").arg(before.number));
        if (before.status == IncidentStatus::Closed || before.status == IncidentStatus::Cancelled)
            throw ValidationError(Tr::tr("Incident %1 is %2: it can no longer be changed.")
                                      .arg(before.number, incidentStatusName(before.status)));
        QStringList sets;
        QVariantList binds;
        QStringList changed;
        if (change.priority && *change.priority != before.priority) {
            sets << QStringLiteral("priority = ?");
            binds << *change.priority;
            changed << QStringLiteral("priority");
        }
        if (change.category && *change.category != before.category) {
            loadCategory(txn, *change.category);
            sets << QStringLiteral("category = ?");
            binds << *change.category;
            changed << QStringLiteral("category");
        }
        if (change.summary && change.summary->trimmed() != before.summary) {
            sets << QStringLiteral("summary = ?");
            binds << change.summary->trimmed();
            changed << QStringLiteral("summary");
        }
        if (change.location && *change.location != before.location) {
            sets << QStringLiteral("address = ?") << QStringLiteral("latitude = ?") << QStringLiteral("longitude = ?");
            binds << change.location->address.trimmed()
                  << (change.location->point ? QVariant(change.location->point->latitude) : QVariant())
                  << (change.location->point ? QVariant(change.location->point->longitude) : QVariant());
            changed << QStringLiteral("location");
        }
        if (change.centre && *change.centre != before.centre && !change.centre->isEmpty()) {
            sets << QStringLiteral("centre = ?");
            binds << *change.centre;
            changed << QStringLiteral("centre");
        }
        if (sets.isEmpty()) {
            Incident same = before;
            same.reporterContact = maskContact(same.reporterContact);
            return same;
        }
        binds << txn.clock().nowMs() << id;
        txn.exec(QStringLiteral("UPDATE hub_incidents SET ") + sets.join(QStringLiteral(", "))
                     + QStringLiteral(", updated_at = ?, version = version + 1 WHERE id = ?"),
                 binds);
        Incident after = loadIncident(txn, id);
        QJsonObject payload = after.toJson();
        payload.insert(QStringLiteral("incident"), id);
        payload.insert(QStringLiteral("changed"), QJsonArray::fromStringList(changed));
        publishFor(txn, {id}, QStringLiteral("incident.updated"), payload);
        after.reporterContact = maskContact(after.reporterContact);
        return after;
    });
}

QFuture<Incident> IncidentService::moveTo(qint64 id, IncidentStatus to, const QString& reason) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Incident>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("change an incident's status"),
                                       QStringLiteral("incident.status"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    if (to == IncidentStatus::Cancelled && reason.trimmed().isEmpty())
        return failNow<Incident>(Tr::tr("Say why the incident is cancelled."));
    return m_store.write(hubWrite(actor), [id, to, reason](WriteTransaction& txn) {
        const Incident before = loadIncident(txn, id);
        if (const QString why = whyIncidentCannotMove(before.status, to); !why.isEmpty())
            throw ValidationError(why);
        const QList<Unit> assigned = unitsOn(txn, id);
        if (to == IncidentStatus::Closed && !assigned.isEmpty())
            throw ValidationError(Tr::tr("Clear the units still on incident %1 before closing it: %2.")
                                      .arg(before.number, [&] {
                                          QStringList cs;
                                          for (const Unit& u : assigned)
                                              cs << u.callSign;
                                          return cs.join(QStringLiteral(", "));
                                      }()));
        if (to == IncidentStatus::New && !assigned.isEmpty())
            throw ValidationError(Tr::tr("Units are still assigned to incident %1; clear them first.").arg(before.number));
        if (to == IncidentStatus::OnScene && before.status == IncidentStatus::Dispatched)
            throw ValidationError(Tr::tr("An incident goes on scene when its first unit arrives; mark the unit arrived."));
        if (to == IncidentStatus::Cancelled) {
            for (const Unit& unit : assigned)
                releaseUnit(txn, unit);
        }
        writeStatus(txn, before, to, reason.trimmed());
        if (to == IncidentStatus::Resolved || to == IncidentStatus::Closed || to == IncidentStatus::Cancelled)
            clearDeadline(txn, responseKey(id));
        Incident after = loadIncident(txn, id);
        after.reporterContact = maskContact(after.reporterContact);
        return after;
    });
}

QFuture<void> IncidentService::addNote(qint64 id, const QString& text) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("add a note to an incident"),
                                   QStringLiteral("incident.note"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    const QString note = text.trimmed();
    if (note.isEmpty())
        return failNow<void>(Tr::tr("The note is empty."));
    if (note.size() > 4000)
        return failNow<void>(Tr::tr("The note is %1 characters long; keep it to 4,000.").arg(note.size()));
    return m_store.write(hubWrite(actor), [id, note](WriteTransaction& txn) {
        const Incident incident = loadIncident(txn, id);
        txn.exec(QStringLiteral("UPDATE hub_incidents SET notes = CASE WHEN notes = '' THEN ? ELSE notes || ? || ? END, "
                                "updated_at = ?, version = version + 1 WHERE id = ?"),
                 {note, QStringLiteral("\n"), note, txn.clock().nowMs(), id});
        publishFor(txn, {id}, QStringLiteral("incident.note"),
                   {{QStringLiteral("incident"), id}, {QStringLiteral("number"), incident.number}, {QStringLiteral("text"), note}});
    });
}

QFuture<void> IncidentService::link(qint64 id, const QString& kind, const QString& ref) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("link an incident"),
                                   QStringLiteral("incident.linked"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    static const QStringList kinds{QStringLiteral("lead"), QStringLiteral("case"), QStringLiteral("complaint"),
                                   QStringLiteral("incident")};
    if (!kinds.contains(kind))
        return failNow<void>(Tr::tr("'%1' is not something an incident links to: lead, case, complaint or incident.").arg(kind));
    const QString reference = ref.trimmed();
    if (reference.isEmpty() || reference.size() > 64)
        return failNow<void>(Tr::tr("Give the reference of the %1 to link.").arg(kind));
    return m_store.write(hubWrite(actor), [id, kind, reference, name = actor.name](WriteTransaction& txn) {
        const Incident incident = loadIncident(txn, id);
        if (txn.scalar(QStringLiteral("SELECT 1 FROM hub_incident_links WHERE incident_id = ? AND kind = ? AND ref = ?"),
                       {id, kind, reference}).isValid())
            return;
        txn.exec(QStringLiteral("INSERT INTO hub_incident_links (incident_id, kind, ref, created_by, created_at) VALUES (?, ?, ?, ?, ?)"),
                 {id, kind, reference, name, txn.clock().nowMs()});
        publishFor(txn, {id}, QStringLiteral("incident.linked"),
                   {{QStringLiteral("incident"), id}, {QStringLiteral("number"), incident.number},
                    {QStringLiteral("kind"), kind}, {QStringLiteral("ref"), reference}});
    });
}

QFuture<QList<IncidentLink>> IncidentService::links(qint64 id) const
{
    try {
        m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see an incident"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<IncidentLink>>(std::current_exception());
    }
    return m_store.read([id](Sql& sql) {
        QSqlQuery q = sql.exec(QStringLiteral("SELECT kind, ref, created_by, created_at FROM hub_incident_links "
                                              "WHERE incident_id = ? ORDER BY created_at, kind, ref"),
                               {id});
        QList<IncidentLink> out;
        while (q.next())
            out << IncidentLink{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()};
        return out;
    });
}

QFuture<IncidentCategory> IncidentService::saveCategory(const IncidentCategory& in) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<IncidentCategory>(m_audit, actor, QStringLiteral("hub.taxonomy.manage"), Tr::tr("change the incident taxonomy"),
                                               QStringLiteral("category.saved"), QStringLiteral("category:%1").arg(in.id)))
        return *refused;
    IncidentCategory c = in;
    try {
        c.id = c.id.trimmed();
        c.name = c.name.trimmed();
        static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
        if (!idPattern.match(c.id).hasMatch())
            throw ValidationError(Tr::tr("A category's id is 1 to 40 lower-case letters, digits or '_', starting with a letter."));
        if (c.name.isEmpty() || c.name.size() > 80)
            throw ValidationError(Tr::tr("Give the category a name of at most 80 characters."));
        if (c.responseTargetMs < 60000 || c.responseTargetMs > qint64(24) * 3600 * 1000)
            throw ValidationError(Tr::tr("The response target is between 1 minute and 24 hours."));
        if (c.onSceneLimitMs < 60000 || c.onSceneLimitMs > qint64(7) * 24 * 3600 * 1000)
            throw ValidationError(Tr::tr("The on-scene limit is between 1 minute and 7 days."));
        // The run card goes through the same reader incidents use, so what is saved reads back.
        QString error;
        if (!IncidentCategory::runCardFromJson(c.id, IncidentCategory::runCardToJson(c.runCard), &error))
            throw ValidationError(error);
        QStringList steps;
        for (const QString& step : std::as_const(c.playbook)) {
            const QString s = step.trimmed();
            if (s.size() > 200)
                throw ValidationError(Tr::tr("Playbook step %1 is longer than 200 characters.").arg(steps.size() + 1));
            if (!s.isEmpty())
                steps << s;
        }
        if (steps.size() > 50)
            throw ValidationError(Tr::tr("A playbook has at most 50 steps."));
        c.playbook = steps;
        c.runCard.category = c.id;
    } catch (...) {
        return QtFuture::makeExceptionalFuture<IncidentCategory>(std::current_exception());
    }
    return m_store.write(hubWrite(actor), [this, c, name = actor.name](WriteTransaction& txn) {
        const std::optional<IncidentCategory> before = findCategory(txn, c.id);
        const QString runCard = QString::fromUtf8(QJsonDocument(IncidentCategory::runCardToJson(c.runCard)).toJson(QJsonDocument::Compact));
        const QString playbook = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(c.playbook)).toJson(QJsonDocument::Compact));
        if (before) {
            txn.exec(QStringLiteral("UPDATE hub_categories SET name = ?, response_target_s = ?, on_scene_limit_s = ?, run_card = ?, "
                                    "playbook = ?, sort_order = ? WHERE id = ?"),
                     {c.name, c.responseTargetMs / 1000, c.onSceneLimitMs / 1000, runCard, playbook, c.sortOrder, c.id});
        } else {
            txn.exec(QStringLiteral("INSERT INTO hub_categories (id, name, response_target_s, on_scene_limit_s, run_card, playbook, sort_order) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                     {c.id, c.name, c.responseTargetMs / 1000, c.onSceneLimitMs / 1000, runCard, playbook, c.sortOrder});
        }
        const IncidentCategory saved = loadCategory(txn, c.id);
        publish(txn, QStringLiteral("category.saved"),
                {{QStringLiteral("id"), saved.id}, {QStringLiteral("name"), saved.name},
                 {QStringLiteral("responseTargetS"), saved.responseTargetMs / 1000},
                 {QStringLiteral("onSceneLimitS"), saved.onSceneLimitMs / 1000},
                 {QStringLiteral("runCard"), IncidentCategory::runCardToJson(saved.runCard)},
                 {QStringLiteral("playbook"), QJsonArray::fromStringList(saved.playbook)}});
        m_audit.append(txn, {name, QStringLiteral("category.saved"), QStringLiteral("category:%1").arg(saved.id),
                             before ? QStringLiteral("changed") : QStringLiteral("added"), QStringLiteral("success")});
        return saved;
    });
}

QFuture<void> IncidentService::tickStep(qint64 id, int step, bool ticked) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("tick a playbook step"),
                                   QStringLiteral("incident.step"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    return m_store.write(hubWrite(actor), [id, step, ticked, name = actor.name](WriteTransaction& txn) {
        const Incident incident = loadIncident(txn, id);
        const IncidentCategory category = loadCategory(txn, incident.category);
        if (step < 0 || step >= category.playbook.size())
            throw ValidationError(Tr::tr("The playbook of %1 has no step %2.").arg(category.displayName()).arg(step + 1));
        const bool was = txn.scalar(QStringLiteral("SELECT 1 FROM hub_playbook_ticks WHERE incident_id = ? AND step = ?"),
                                    {id, step}).isValid();
        if (was == ticked)
            return;
        if (ticked)
            txn.exec(QStringLiteral("INSERT INTO hub_playbook_ticks (incident_id, step, ticked_by, ticked_at) VALUES (?, ?, ?, ?)"),
                     {id, step, name, txn.clock().nowMs()});
        else
            txn.exec(QStringLiteral("DELETE FROM hub_playbook_ticks WHERE incident_id = ? AND step = ?"), {id, step});
        publishFor(txn, {id}, QStringLiteral("incident.step"),
                   {{QStringLiteral("incident"), id}, {QStringLiteral("number"), incident.number},
                    {QStringLiteral("step"), step}, {QStringLiteral("text"), category.playbook.at(step)},
                    {QStringLiteral("ticked"), ticked}});
    });
}

QFuture<QList<int>> IncidentService::tickedSteps(qint64 id) const
{
    try {
        m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see an incident"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<int>>(std::current_exception());
    }
    return m_store.read([id](Sql& sql) {
        QList<int> steps;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT step FROM hub_playbook_ticks WHERE incident_id = ? ORDER BY step"), {id});
        while (q.next())
            steps << q.value(0).toInt();
        return steps;
    });
}

QFuture<QList<Unit>> IncidentService::dispatch(qint64 id, const QStringList& callSigns) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<QList<Unit>>(m_audit, actor, QStringLiteral("hub.unit.dispatch"), Tr::tr("dispatch units"),
                                          QStringLiteral("unit.dispatched"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    if (callSigns.isEmpty())
        return failNow<QList<Unit>>(Tr::tr("Choose at least one unit to dispatch."));
    return m_store.write(hubWrite(actor), [this, id, callSigns, actor](WriteTransaction& txn) {
        const Incident incident = loadIncident(txn, id);
        if (incident.status != IncidentStatus::New && incident.status != IncidentStatus::Dispatched
            && incident.status != IncidentStatus::OnScene)
            throw ValidationError(Tr::tr("Incident %1 is %2: units are no longer sent to it.")
                                      .arg(incident.number, incidentStatusName(incident.status)));
        const IncidentCategory category = loadCategory(txn, incident.category);
        QList<Unit> units;
        for (const QString& callSign : callSigns) {
            const Unit unit = loadUnit(txn, callSign);
            if (unit.status != UnitStatus::Available)
                throw ValidationError(Tr::tr("%1 is %2, not available: nothing was dispatched.")
                                          .arg(unit.callSign, unitStatusName(unit.status)));
            units << unit;
        }
        const qint64 now = txn.clock().nowMs();
        QStringList sent;
        for (const Unit& unit : std::as_const(units)) {
            txn.exec(QStringLiteral("INSERT INTO hub_dispatches (incident_id, unit_id, dispatched_at, dispatched_by) VALUES (?, ?, ?, ?)"),
                     {id, unit.callSign, now, actor.name});
            writeUnitStatus(txn, unit, UnitStatus::EnRoute, id);
            setDeadline(txn, arrivalKey(unit.callSign), Tr::tr("%1 to arrive at %2").arg(unit.callSign, incident.number),
                        now + category.responseTargetMs, QStringLiteral("incident:%1").arg(id));
            m_audit.append(txn, {actor.name, QStringLiteral("unit.dispatched"), QStringLiteral("unit:") + unit.callSign,
                                 QStringLiteral("incident %1").arg(incident.number), QStringLiteral("success")});
            sent << unit.callSign;
        }
        if (incident.status == IncidentStatus::New)
            writeStatus(txn, incident, IncidentStatus::Dispatched, {});
        publishFor(txn, {id}, QStringLiteral("incident.dispatched"),
                   {{QStringLiteral("incident"), id}, {QStringLiteral("number"), incident.number},
                    {QStringLiteral("units"), QJsonArray::fromStringList(sent)}});
        QList<Unit> after;
        for (const QString& callSign : std::as_const(sent))
            after << loadUnit(txn, callSign);
        return after;
    });
}

QFuture<void> IncidentService::unitArrived(qint64 id, const QString& callSign) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.unit.dispatch"), Tr::tr("record a unit's arrival"),
                                   QStringLiteral("unit.arrived"), QStringLiteral("unit:") + callSign))
        return *refused;
    return m_store.write(hubWrite(actor), [id, callSign](WriteTransaction& txn) {
        const Incident incident = loadIncident(txn, id);
        const Unit unit = loadUnit(txn, callSign);
        if (unit.incidentId != id || unit.status != UnitStatus::EnRoute)
            throw ValidationError(Tr::tr("%1 is not on its way to incident %2.").arg(callSign, incident.number));
        const qint64 now = txn.clock().nowMs();
        const IncidentCategory category = loadCategory(txn, incident.category);
        txn.exec(QStringLiteral("UPDATE hub_dispatches SET arrived_at = ? WHERE unit_id = ? AND incident_id = ? AND cleared_at IS NULL"),
                 {now, callSign, id});
        writeUnitStatus(txn, unit, UnitStatus::OnScene, id);
        clearDeadline(txn, arrivalKey(callSign));
        setDeadline(txn, onSceneKey(callSign), Tr::tr("%1 on scene at %2").arg(callSign, incident.number),
                    now + category.onSceneLimitMs, QStringLiteral("incident:%1").arg(id));
        publishFor(txn, {id}, QStringLiteral("incident.unit_arrived"),
                   {{QStringLiteral("incident"), id}, {QStringLiteral("number"), incident.number}, {QStringLiteral("unit"), callSign}});
        if (incident.arrivedAt == 0) {
            txn.exec(QStringLiteral("UPDATE hub_incidents SET arrived_at = ? WHERE id = ?"), {now, id});
            clearDeadline(txn, responseKey(id));
        }
        if (incident.status == IncidentStatus::Dispatched)
            writeStatus(txn, incident, IncidentStatus::OnScene, {});
    });
}

QFuture<void> IncidentService::unitCleared(const QString& callSign) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.unit.dispatch"), Tr::tr("clear a unit"),
                                   QStringLiteral("unit.cleared"), QStringLiteral("unit:") + callSign))
        return *refused;
    return m_store.write(hubWrite(actor), [callSign](WriteTransaction& txn) {
        const Unit unit = loadUnit(txn, callSign);
        if (unit.incidentId == 0)
            throw ValidationError(Tr::tr("%1 is not on an incident.").arg(callSign));
        const Incident incident = loadIncident(txn, unit.incidentId);
        releaseUnit(txn, unit);
        publishFor(txn, {incident.id}, QStringLiteral("incident.unit_cleared"),
                   {{QStringLiteral("incident"), incident.id}, {QStringLiteral("number"), incident.number},
                    {QStringLiteral("unit"), callSign}});
        if (incident.status == IncidentStatus::Dispatched && unitsOn(txn, incident.id).isEmpty())
            writeStatus(txn, incident, IncidentStatus::New, Tr::tr("every unit recalled"));
    });
}

QFuture<QList<DuplicateCandidate>> IncidentService::duplicatesOf(const NewIncident& in) const
{
    try {
        m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see incidents"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<DuplicateCandidate>>(std::current_exception());
    }
    return m_store.read([in](Sql& sql) {
        const qint64 since = sql.clock().nowMs() - kDuplicateWindowMs;
        QString where = QStringLiteral("category = ? AND status IN ('new', 'dispatched', 'on_scene') AND created_at >= ?");
        QVariantList binds{in.category, since};
        if (in.location.point) {
            // A box around the point on indexed-free columns; the exact distance is checked below.
            const double dLat = kDuplicateRadiusMetres / 111'320.0;
            const double dLon = dLat / std::max(0.01, std::cos(in.location.point->latitude * std::numbers::pi / 180));
            where += QStringLiteral(" AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?");
            binds << in.location.point->latitude - dLat << in.location.point->latitude + dLat
                  << in.location.point->longitude - dLon << in.location.point->longitude + dLon;
        } else if (!in.location.address.trimmed().isEmpty()) {
            where += QStringLiteral(" AND lower(address) = lower(?)");
            binds << in.location.address.trimmed();
        } else {
            return QList<DuplicateCandidate>{};
        }
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kIncidentColumns + QStringLiteral(" FROM hub_incidents WHERE ") + where
                                   + QStringLiteral(" ORDER BY created_at DESC LIMIT 20"),
                               binds);
        QList<DuplicateCandidate> out;
        while (q.next()) {
            Incident incident = incidentFrom(q);
            incident.reporterContact = maskContact(incident.reporterContact);
            double metres = -1;
            if (in.location.point) {
                if (!incident.location.point)
                    continue;
                metres = in.location.point->distanceTo(*incident.location.point);
                if (metres > kDuplicateRadiusMetres)
                    continue;
            }
            out << DuplicateCandidate{incident, metres};
        }
        std::sort(out.begin(), out.end(), [](const DuplicateCandidate& a, const DuplicateCandidate& b) { return a.metres < b.metres; });
        return out;
    });
}

QFuture<void> IncidentService::merge(qint64 keep, qint64 duplicate) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("merge incidents"),
                                   QStringLiteral("incident.merged"), QStringLiteral("incident:%1").arg(duplicate)))
        return *refused;
    if (keep == duplicate)
        return failNow<void>(Tr::tr("An incident cannot be merged into itself."));
    return m_store.write(hubWrite(actor), [this, keep, duplicate, actor](WriteTransaction& txn) {
        const Incident kept = loadIncident(txn, keep);
        const Incident dup = loadIncident(txn, duplicate);
        if (dup.mergedInto != 0)
            throw ValidationError(Tr::tr("Incident %1 is merged already.").arg(dup.number));
        if (kept.status == IncidentStatus::Closed || kept.status == IncidentStatus::Cancelled)
            throw ValidationError(Tr::tr("Incident %1 is %2: merge into an open incident.")
                                      .arg(kept.number, incidentStatusName(kept.status)));
        if (!canMoveIncident(dup.status, IncidentStatus::Cancelled))
            throw ValidationError(Tr::tr("Incident %1 is %2: only a new or dispatched incident can be merged away.")
                                      .arg(dup.number, incidentStatusName(dup.status)));
        // Its units go over to the incident that stays.
        for (const Unit& unit : unitsOn(txn, duplicate)) {
            txn.exec(QStringLiteral("UPDATE hub_units SET incident_id = ?, version = version + 1 WHERE id = ?"), {keep, unit.callSign});
            txn.exec(QStringLiteral("UPDATE hub_dispatches SET incident_id = ? WHERE unit_id = ? AND incident_id = ? AND cleared_at IS NULL"),
                     {keep, unit.callSign, duplicate});
        }
        writeStatus(txn, dup, IncidentStatus::Cancelled, Tr::tr("merged into %1").arg(kept.number));
        txn.exec(QStringLiteral("UPDATE hub_incidents SET merged_into = ? WHERE id = ?"), {keep, duplicate});
        clearDeadline(txn, responseKey(duplicate));
        if (kept.status == IncidentStatus::New && !unitsOn(txn, keep).isEmpty())
            writeStatus(txn, kept, IncidentStatus::Dispatched, Tr::tr("units of %1 taken over").arg(dup.number));
        publishFor(txn, {keep, duplicate}, QStringLiteral("incident.merged"),
                   {{QStringLiteral("keep"), keep}, {QStringLiteral("keepNumber"), kept.number},
                    {QStringLiteral("duplicate"), duplicate}, {QStringLiteral("duplicateNumber"), dup.number}});
        m_audit.append(txn, {actor.name, QStringLiteral("incident.merged"), QStringLiteral("incident:%1").arg(duplicate),
                             QStringLiteral("into %1").arg(kept.number), QStringLiteral("success")});
    });
}

QFuture<QList<TimelineEntry>> IncidentService::timeline(qint64 id) const
{
    try {
        m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see an incident's timeline"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<TimelineEntry>>(std::current_exception());
    }
    return m_store.read([id](Sql& sql) {
        QSqlQuery q = sql.exec(
            QStringLiteral("SELECT e.seq, e.occurred_at, e.actor, e.topic, e.payload, x.incident_id "
                           "FROM hub_incident_events x JOIN events e ON e.seq = x.event_seq "
                           "WHERE x.incident_id = ? OR x.incident_id IN (SELECT id FROM hub_incidents WHERE merged_into = ?) "
                           "ORDER BY e.seq"),
            {id, id});
        QList<TimelineEntry> out;
        qint64 lastSeq = -1;
        while (q.next()) {
            TimelineEntry e;
            e.seq = q.value(0).toLongLong();
            if (e.seq == lastSeq)
                continue; // an event on both merged timelines shows once
            lastSeq = e.seq;
            e.at = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
            e.actor = q.value(2).toString();
            e.topic = q.value(3).toString();
            e.payload = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
            e.incidentId = q.value(5).toLongLong();
            e.text = describeHubEvent(e.topic, e.payload);
            out << e;
        }
        return out;
    });
}

QFuture<QString> IncidentService::revealContact(qint64 id, const QString& reason) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("incident:%1:reporter_contact").arg(id);
    if (auto refused = check<QString>(m_audit, actor, QStringLiteral("hub.incident.contact"),
                                      Tr::tr("see a reporter's contact"), QStringLiteral("personal_data.revealed"), object))
        return *refused;
    const QString why = reason.trimmed();
    if (why.size() < 5)
        return failNow<QString>(Tr::tr("Give the reason you need the reporter's contact; it goes on record."));
    return m_store.write(hubWrite(actor), [this, id, why, object, name = actor.name](WriteTransaction& txn) {
        const Incident incident = loadIncident(txn, id);
        m_audit.append(txn, {name, QStringLiteral("personal_data.revealed"), object, why, QStringLiteral("success")});
        return incident.reporterContact;
    });
}

// ---------------------------------------------------------------------------------------------
// UnitService

UnitService::UnitService(Store& store, Session& session, AuditLog& audit)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
{
}

QFuture<Unit> UnitService::save(const Unit& in) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Unit>(m_audit, actor, QStringLiteral("hub.unit.manage"), Tr::tr("change the unit registry"),
                                   QStringLiteral("unit.registered"), QStringLiteral("unit:") + in.callSign))
        return *refused;
    if (!Unit::isValidCallSign(in.callSign))
        return failNow<Unit>(Tr::tr("'%1' is not a call sign: use 2 to 16 letters, digits, '-' or '/'.").arg(in.callSign));
    if (in.crewSize < 0 || in.crewSize > 99)
        return failNow<Unit>(Tr::tr("A crew is 0 to 99 people."));
    for (const QString& skill : in.skills) {
        if (skill.isEmpty() || skill.contains(u','))
            return failNow<Unit>(Tr::tr("'%1' is not a skill id.").arg(skill));
    }
    return m_store.write(hubWrite(actor), [in](WriteTransaction& txn) {
        const qint64 now = txn.clock().nowMs();
        const QVariant lat = in.position ? QVariant(in.position->latitude) : QVariant();
        const QVariant lon = in.position ? QVariant(in.position->longitude) : QVariant();
        if (findUnit(txn, in.callSign)) {
            txn.exec(QStringLiteral("UPDATE hub_units SET kind = ?, home_station = ?, crew_size = ?, skills = ?, "
                                    "version = version + 1 WHERE id = ?"),
                     {unitKindId(in.kind), in.homeStation, in.crewSize, in.skills.join(u','), in.callSign});
            // A position given with the change is the unit's last known one from now.
            const Unit before = loadUnit(txn, in.callSign);
            if (in.position && in.position != before.position)
                txn.exec(QStringLiteral("UPDATE hub_units SET latitude = ?, longitude = ?, position_at = ? WHERE id = ?"),
                         {in.position->latitude, in.position->longitude, now, in.callSign});
        } else {
            txn.exec(QStringLiteral("INSERT INTO hub_units (id, kind, status, home_station, crew_size, skills, latitude, longitude, "
                                    "position_at, status_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {in.callSign, unitKindId(in.kind), unitStatusId(in.status == UnitStatus::EnRoute || in.status == UnitStatus::OnScene
                                                                       ? UnitStatus::Available : in.status),
                      in.homeStation, in.crewSize, in.skills.join(u','), lat, lon, in.position ? QVariant(now) : QVariant(), now});
        }
        const Unit saved = loadUnit(txn, in.callSign);
        publish(txn, QStringLiteral("unit.registered"), saved.toJson());
        return saved;
    });
}

QFuture<Unit> UnitService::setStatus(const QString& callSign, UnitStatus status) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Unit>(m_audit, actor, QStringLiteral("hub.unit.dispatch"), Tr::tr("change a unit's status"),
                                   QStringLiteral("unit.status"), QStringLiteral("unit:") + callSign))
        return *refused;
    if (status == UnitStatus::EnRoute || status == UnitStatus::OnScene)
        return failNow<Unit>(Tr::tr("A unit goes en route or on scene by being dispatched to an incident."));
    return m_store.write(hubWrite(actor), [callSign, status](WriteTransaction& txn) {
        const Unit unit = loadUnit(txn, callSign);
        if (unit.incidentId != 0)
            throw ValidationError(Tr::tr("%1 is on an incident: clear it from the incident first.").arg(callSign));
        if (unit.status != status)
            writeUnitStatus(txn, unit, status, 0);
        return loadUnit(txn, callSign);
    });
}

QFuture<void> UnitService::reportPosition(const QString& callSign, const GeoPoint& point) const
{
    const Principal actor = m_session.principal();
    try {
        Session::require(actor, QStringLiteral("hub.unit.dispatch"), Tr::tr("report a unit's position"));
        if (!point.isValid())
            throw ValidationError(Tr::tr("The position %1, %2 is not on the earth.").arg(point.latitude).arg(point.longitude));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<void>(std::current_exception());
    }
    return m_store.write(hubWrite(actor), [callSign, point](WriteTransaction& txn) {
        loadUnit(txn, callSign);
        const qint64 now = txn.clock().nowMs();
        txn.execCached(QStringLiteral("UPDATE hub_units SET latitude = ?, longitude = ?, position_at = ? WHERE id = ?"),
                       {point.latitude, point.longitude, now, callSign});
        publish(txn, QStringLiteral("unit.position"),
                {{QStringLiteral("unit"), callSign}, {QStringLiteral("point"), point.toJson()}, {QStringLiteral("at"), now}});
    });
}

QFuture<QList<Unit>> UnitService::units() const
{
    try {
        m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see the units"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<Unit>>(std::current_exception());
    }
    return m_store.read([](Sql& sql) {
        QList<Unit> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kUnitColumns + QStringLiteral(" FROM hub_units ORDER BY id"));
        while (q.next())
            out << unitFrom(q);
        return out;
    });
}

// ---------------------------------------------------------------------------------------------
// TaskService

namespace {

void validateNewTask(const NewTask& t)
{
    if (t.assignee.trimmed().isEmpty())
        throw ValidationError(Tr::tr("Say which centre or unit the task is for."));
    requireText(t.title, Tr::tr("Give the task a title."));
    if (t.title.size() > 200)
        throw ValidationError(Tr::tr("Keep the task's title to 200 characters; put the rest in its detail."));
    validatePriority(t.priority);
    if (t.point && !t.point->isValid())
        throw ValidationError(Tr::tr("The task's position is not on the earth."));
    if (t.startsAt > 0 && t.dueAt > 0 && t.dueAt < t.startsAt)
        throw ValidationError(Tr::tr("The task is due before it starts."));
}

Task insertTask(WriteTransaction& txn, const NewTask& t, qint64 operationId, const QString& by)
{
    if (t.assigneeKind == AssigneeKind::Unit)
        loadUnit(txn, t.assignee);
    if (t.incidentId > 0)
        loadIncident(txn, t.incidentId);
    const qint64 now = txn.clock().nowMs();
    const qint64 id = txn.insert(
        QStringLiteral("INSERT INTO hub_tasks (assignee_kind, assignee, title, detail, priority, status, starts_at, due_at, place, "
                       "latitude, longitude, incident_id, operation_id, created_by, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, 'issued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {t.assigneeKind == AssigneeKind::Unit ? QStringLiteral("unit") : QStringLiteral("centre"), t.assignee.trimmed(),
         t.title.trimmed(), t.detail.trimmed(), t.priority, nullableMs(t.startsAt), nullableMs(t.dueAt), t.place.trimmed(),
         t.point ? QVariant(t.point->latitude) : QVariant(), t.point ? QVariant(t.point->longitude) : QVariant(),
         nullableId(t.incidentId), nullableId(operationId), by, now, now});
    const Task task = loadTask(txn, id);
    publishFor(txn, task.incidentId > 0 ? QList<qint64>{task.incidentId} : QList<qint64>{}, QStringLiteral("task.assigned"),
               task.toJson());
    if (task.dueAt > 0)
        setDeadline(txn, taskKey(id), Tr::tr("Task for %1: %2").arg(task.assignee, task.title), task.dueAt,
                    QStringLiteral("task:%1").arg(id));
    return task;
}

// Moves a task; publishes task.updated; clears its deadline when it is finished.
Task moveTask(WriteTransaction& txn, qint64 id, TaskStatus to, int progress, const QString& note, const QString& reason)
{
    const Task before = loadTask(txn, id);
    if (const QString why = whyTaskCannotMove(before.status, to); !why.isEmpty())
        throw ValidationError(why);
    txn.exec(QStringLiteral("UPDATE hub_tasks SET status = ?, progress = ?, progress_note = ?, decline_reason = ?, updated_at = ?, "
                            "version = version + 1 WHERE id = ?"),
             {taskStatusId(to), progress < 0 ? before.progress : progress, note.isNull() ? before.progressNote : note,
              reason.isNull() ? before.declineReason : reason, txn.clock().nowMs(), id});
    const Task after = loadTask(txn, id);
    publishFor(txn, after.incidentId > 0 ? QList<qint64>{after.incidentId} : QList<qint64>{}, QStringLiteral("task.updated"),
               after.toJson());
    if (!after.isOpen() && before.dueAt > 0)
        clearDeadline(txn, taskKey(id));
    return after;
}

} // namespace

TaskService::TaskService(Store& store, Session& session, AuditLog& audit)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
{
}

QFuture<Task> TaskService::issue(const NewTask& task) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Task>(m_audit, actor, QStringLiteral("hub.task.assign"), Tr::tr("issue a task"),
                                   QStringLiteral("task.assigned"), QStringLiteral("task:new")))
        return *refused;
    try {
        validateNewTask(task);
    } catch (...) {
        return QtFuture::makeExceptionalFuture<Task>(std::current_exception());
    }
    return m_store.write(hubWrite(actor), [task, name = actor.name](WriteTransaction& txn) { return insertTask(txn, task, 0, name); });
}

QFuture<Task> TaskService::accept(qint64 id) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Task>(m_audit, actor, QStringLiteral("hub.task.respond"), Tr::tr("accept a task"),
                                   QStringLiteral("task.updated"), QStringLiteral("task:%1").arg(id)))
        return *refused;
    return m_store.write(hubWrite(actor), [id](WriteTransaction& txn) { return moveTask(txn, id, TaskStatus::Accepted, -1, {}, {}); });
}

QFuture<Task> TaskService::reportProgress(qint64 id, int percent, const QString& note) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Task>(m_audit, actor, QStringLiteral("hub.task.respond"), Tr::tr("report on a task"),
                                   QStringLiteral("task.updated"), QStringLiteral("task:%1").arg(id)))
        return *refused;
    if (percent < 0 || percent > 100)
        return failNow<Task>(Tr::tr("Progress is 0 to 100 percent."));
    return m_store.write(hubWrite(actor), [id, percent, note](WriteTransaction& txn) {
        return moveTask(txn, id, TaskStatus::InProgress, percent, note.trimmed(), {});
    });
}

QFuture<Task> TaskService::complete(qint64 id, const QString& note) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Task>(m_audit, actor, QStringLiteral("hub.task.respond"), Tr::tr("complete a task"),
                                   QStringLiteral("task.updated"), QStringLiteral("task:%1").arg(id)))
        return *refused;
    return m_store.write(hubWrite(actor), [id, note](WriteTransaction& txn) {
        return moveTask(txn, id, TaskStatus::Done, 100, note.trimmed().isEmpty() ? QString() : note.trimmed(), {});
    });
}

QFuture<Task> TaskService::decline(qint64 id, const QString& reason) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Task>(m_audit, actor, QStringLiteral("hub.task.respond"), Tr::tr("decline a task"),
                                   QStringLiteral("task.updated"), QStringLiteral("task:%1").arg(id)))
        return *refused;
    if (reason.trimmed().isEmpty())
        return failNow<Task>(Tr::tr("Say why the task is declined."));
    return m_store.write(hubWrite(actor), [id, reason](WriteTransaction& txn) {
        return moveTask(txn, id, TaskStatus::Declined, -1, {}, reason.trimmed());
    });
}

QFuture<Task> TaskService::cancel(qint64 id, const QString& reason) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Task>(m_audit, actor, QStringLiteral("hub.task.assign"), Tr::tr("cancel a task"),
                                   QStringLiteral("task.updated"), QStringLiteral("task:%1").arg(id)))
        return *refused;
    return m_store.write(hubWrite(actor), [id, reason](WriteTransaction& txn) {
        return moveTask(txn, id, TaskStatus::Cancelled, -1, {}, reason.trimmed());
    });
}

QFuture<QList<Task>> TaskService::openTasks(const QString& assignee) const
{
    try {
        // The hub sees every task; whoever answers tasks sees those of one assignee.
        if (assignee.isEmpty() || !m_session.can(QStringLiteral("hub.task.respond")))
            m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see tasks"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<Task>>(std::current_exception());
    }
    return m_store.read([assignee](Sql& sql) {
        QString where = QStringLiteral("status IN ('issued', 'accepted', 'in_progress')");
        QVariantList binds;
        if (!assignee.isEmpty()) {
            where += QStringLiteral(" AND assignee = ?");
            binds << assignee;
        }
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kTaskColumns + QStringLiteral(" FROM hub_tasks WHERE ") + where
                                   + QStringLiteral(" ORDER BY priority, due_at IS NULL, due_at, id LIMIT 500"),
                               binds);
        QList<Task> out;
        while (q.next())
            out << taskFrom(q);
        return out;
    });
}

QFuture<Operation> TaskService::plan(const Operation& op, const QList<NewTask>& division) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Operation>(m_audit, actor, QStringLiteral("hub.operation.command"), Tr::tr("plan an operation"),
                                        QStringLiteral("operation.planned"), QStringLiteral("operation:new")))
        return *refused;
    try {
        requireText(op.name, Tr::tr("Give the operation a name."));
        if (op.goAt <= 0)
            throw ValidationError(Tr::tr("Give the operation its go time."));
        if (division.isEmpty())
            throw ValidationError(Tr::tr("An operation needs its task division: who does what, where, when."));
        for (qsizetype i = 0; i < division.size(); ++i) {
            try {
                validateNewTask(division.at(i));
            } catch (const ValidationError& e) {
                throw ValidationError(Tr::tr("Task %1 of the division: %2").arg(i + 1).arg(e.message()));
            }
        }
    } catch (...) {
        return QtFuture::makeExceptionalFuture<Operation>(std::current_exception());
    }
    return m_store.write(hubWrite(actor), [this, op, division, name = actor.name](WriteTransaction& txn) {
        const qint64 now = txn.clock().nowMs();
        const bool goNow = op.goAt <= now;
        const qint64 id = txn.insert(
            QStringLiteral("INSERT INTO hub_operations (name, objective, status, go_at, incident_id, created_by, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {op.name.trimmed(), op.objective.trimmed(), operationStatusId(goNow ? OperationStatus::Running : OperationStatus::Planned),
             op.goAt, nullableId(op.incidentId), name, now, now});
        for (NewTask task : division) {
            if (task.startsAt == 0)
                task.startsAt = op.goAt;
            if (task.incidentId == 0)
                task.incidentId = op.incidentId;
            insertTask(txn, task, id, name);
        }
        const Operation saved = loadOperation(txn, id);
        QJsonObject payload = saved.toJson();
        payload.insert(QStringLiteral("tasks"), division.size());
        publishFor(txn, op.incidentId > 0 ? QList<qint64>{op.incidentId} : QList<qint64>{},
                   goNow ? QStringLiteral("operation.started") : QStringLiteral("operation.planned"), payload);
        m_audit.append(txn, {name, QStringLiteral("operation.planned"), QStringLiteral("operation:%1").arg(id),
                             QStringLiteral("%1 tasks, go %2").arg(division.size()).arg(QDateTime::fromMSecsSinceEpoch(op.goAt, Qt::UTC).toString(Qt::ISODate)),
                             QStringLiteral("success")});
        return saved;
    });
}

QFuture<Operation> TaskService::start(qint64 operationId) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Operation>(m_audit, actor, QStringLiteral("hub.operation.command"), Tr::tr("start an operation"),
                                        QStringLiteral("operation.started"), QStringLiteral("operation:%1").arg(operationId)))
        return *refused;
    return m_store.write(hubWrite(actor), [operationId](WriteTransaction& txn) {
        const Operation before = loadOperation(txn, operationId);
        if (before.status != OperationStatus::Planned)
            throw ValidationError(Tr::tr("Operation %1 is %2; only a planned operation starts.")
                                      .arg(before.name, operationStatusName(before.status)));
        // Started before its planned go time: the go time is when it went.
        const qint64 now = txn.clock().nowMs();
        txn.exec(QStringLiteral("UPDATE hub_operations SET status = 'running', go_at = ?, updated_at = ?, version = version + 1 WHERE id = ?"),
                 {std::min(before.goAt, now), now, operationId});
        const Operation after = loadOperation(txn, operationId);
        publishFor(txn, after.incidentId > 0 ? QList<qint64>{after.incidentId} : QList<qint64>{}, QStringLiteral("operation.started"),
                   after.toJson());
        return after;
    });
}

QFuture<Operation> TaskService::finish(qint64 operationId, OperationStatus how) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Operation>(m_audit, actor, QStringLiteral("hub.operation.command"), Tr::tr("finish an operation"),
                                        QStringLiteral("operation.finished"), QStringLiteral("operation:%1").arg(operationId)))
        return *refused;
    if (how != OperationStatus::Completed && how != OperationStatus::Cancelled)
        return failNow<Operation>(Tr::tr("An operation finishes completed or cancelled."));
    return m_store.write(hubWrite(actor), [operationId, how](WriteTransaction& txn) {
        const Operation before = loadOperation(txn, operationId);
        if (before.status == OperationStatus::Completed || before.status == OperationStatus::Cancelled)
            throw ValidationError(Tr::tr("Operation %1 is %2 already.").arg(before.name, operationStatusName(before.status)));
        QList<qint64> open;
        QSqlQuery q = txn.exec(QStringLiteral("SELECT id FROM hub_tasks WHERE operation_id = ? AND status IN ('issued', 'accepted', 'in_progress')"),
                               {operationId});
        while (q.next())
            open << q.value(0).toLongLong();
        if (how == OperationStatus::Completed && !open.isEmpty())
            throw ValidationError(Tr::tr("Operation %1 still has %2 open tasks; they must be done, declined or cancelled first.")
                                      .arg(before.name).arg(open.size()));
        for (qint64 task : std::as_const(open))
            moveTask(txn, task, TaskStatus::Cancelled, -1, {}, Tr::tr("operation cancelled"));
        txn.exec(QStringLiteral("UPDATE hub_operations SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?"),
                 {operationStatusId(how), txn.clock().nowMs(), operationId});
        const Operation after = loadOperation(txn, operationId);
        publishFor(txn, after.incidentId > 0 ? QList<qint64>{after.incidentId} : QList<qint64>{}, QStringLiteral("operation.finished"),
                   after.toJson());
        return after;
    });
}

QFuture<QList<Task>> TaskService::operationTasks(qint64 operationId) const
{
    try {
        m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see an operation"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<Task>>(std::current_exception());
    }
    return m_store.read([operationId](Sql& sql) {
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kTaskColumns
                                   + QStringLiteral(" FROM hub_tasks WHERE operation_id = ? ORDER BY starts_at, assignee, id"),
                               {operationId});
        QList<Task> out;
        while (q.next())
            out << taskFrom(q);
        return out;
    });
}

QFuture<QList<Operation>> TaskService::operations(qint64 finishedWithinMs) const
{
    try {
        m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see the operations"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<Operation>>(std::current_exception());
    }
    return m_store.read([finishedWithinMs](Sql& sql) {
        const qint64 since = sql.clock().nowMs() - finishedWithinMs;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kOperationColumns
                                   + QStringLiteral(" FROM hub_operations WHERE status IN ('planned', 'running') OR updated_at >= ? "
                                                    "ORDER BY CASE status WHEN 'running' THEN 0 WHEN 'planned' THEN 1 ELSE 2 END, "
                                                    "CASE WHEN status IN ('planned', 'running') THEN go_at ELSE -updated_at END, id LIMIT 500"),
                               {since});
        QList<Operation> out;
        while (q.next())
            out << operationFrom(q);
        return out;
    });
}

QFuture<OperationProgress> TaskService::progress(qint64 operationId) const
{
    try {
        m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see an operation"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<OperationProgress>(std::current_exception());
    }
    return m_store.read([operationId](Sql& sql) {
        OperationProgress p;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT status, COUNT(*) FROM hub_tasks WHERE operation_id = ? GROUP BY status"),
                               {operationId});
        while (q.next()) {
            const int n = q.value(1).toInt();
            p.total += n;
            switch (taskStatusFromId(q.value(0).toString()).value_or(TaskStatus::Issued)) {
            case TaskStatus::Issued: p.issued += n; break;
            case TaskStatus::Accepted: p.accepted += n; break;
            case TaskStatus::InProgress: p.inProgress += n; break;
            case TaskStatus::Done: p.done += n; break;
            case TaskStatus::Declined: p.declined += n; break;
            case TaskStatus::Cancelled: p.cancelled += n; break;
            }
        }
        return p;
    });
}

} // namespace hexhub
