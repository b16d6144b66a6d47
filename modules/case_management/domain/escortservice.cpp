// The escort team's one write path (ARCHITECTURE.md 3a, issue 22 section 3): each command checks its
// permission here, checks the row's version, writes, journals, audits and keeps the escort's
// deadline on the hub's queue, in one transaction; the same command twice is applied once. On a
// prepared shared server the server holds the escort's order of steps again (sql/server/rules.postgresql.sql).
#include "base/clock.h"
#include "base/error.h"
#include "caselimits_p.h"
#include "hexhub/case_management/escorts.h"
#include "module/servicesupport.h"
#include "security/audit.h"
#include "security/session.h"
#include "shared/deadlines.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace hexhub::cases {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::cases::EscortService)
};

using service::failNow;
using namespace detail;

const QString kModule = QStringLiteral("case_management");

QString escortRef(qint64 id)
{
    return QStringLiteral("escort:%1").arg(id);
}

QString escortDeadlineKey(qint64 id)
{
    return QStringLiteral("case_management.escort.%1").arg(id);
}

const QString kEscortColumns = QStringLiteral(
    "e.id, e.custody_id, e.case_id, k.tag, c.number, e.destination_kind, e.destination, e.reason, e.deadline_at, e.limit_id, e.crew_id, "
    "w.call_sign, e.vehicle, e.state, e.requested_at, e.assigned_at, e.departed_at, e.arrived_at, e.requested_by, e.assigned_by, "
    "e.departed_by, e.arrived_by, e.note, e.version, e.cancelled_at, e.cancelled_by, e.received_by");
const QString kEscortFrom = QStringLiteral(" FROM cm_escorts e JOIN cm_custody k ON k.id = e.custody_id JOIN cm_cases c ON c.id = e.case_id "
                                           "LEFT JOIN cm_escort_crews w ON w.id = e.crew_id");

Escort escortFrom(const QSqlQuery& q)
{
    Escort e;
    e.id = q.value(0).toLongLong();
    e.custodyId = q.value(1).toLongLong();
    e.caseId = q.value(2).toLongLong();
    e.tag = q.value(3).toString();
    e.caseNumber = q.value(4).toString();
    e.destinationKind = q.value(5).toString();
    e.destination = q.value(6).toString();
    e.reason = q.value(7).toString();
    e.deadlineAt = q.value(8).toLongLong();
    e.limitId = q.value(9).toLongLong();
    e.crewId = q.value(10).toLongLong();
    e.crew = q.value(11).toString();
    e.vehicle = q.value(12).toString();
    e.state = q.value(13).toString();
    e.requestedAt = q.value(14).toLongLong();
    e.assignedAt = q.value(15).toLongLong();
    e.departedAt = q.value(16).toLongLong();
    e.arrivedAt = q.value(17).toLongLong();
    e.requestedBy = q.value(18).toString();
    e.assignedBy = q.value(19).toString();
    e.departedBy = q.value(20).toString();
    e.arrivedBy = q.value(21).toString();
    e.note = q.value(22).toString();
    e.version = q.value(23).toInt();
    e.cancelledAt = q.value(24).toLongLong();
    e.cancelledBy = q.value(25).toString();
    e.receivedBy = q.value(26).toString();
    return e;
}

Escort loadEscort(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kEscortColumns + kEscortFrom + QStringLiteral(" WHERE e.id = ?"), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No escort %1.").arg(id));
    return escortFrom(q);
}

// A crew and the escort it is assigned to or on: its columns, read by loadCrew() and crews() alike.
const QString kCrewSelect =
    QStringLiteral("SELECT w.id, w.call_sign, w.officers, w.vehicle, w.on_duty, "
                   "(SELECT MIN(e.id) FROM cm_escorts e WHERE e.crew_id = w.id AND e.state IN ('assigned', 'departed')) FROM cm_escort_crews w ");

EscortCrew crewFrom(const QSqlQuery& q)
{
    return EscortCrew{q.value(0).toLongLong(), q.value(1).toString(),   q.value(2).toString(),
                      q.value(3).toString(),   q.value(4).toInt() != 0, q.value(5).toLongLong()};
}

EscortCrew loadCrew(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(kCrewSelect + QStringLiteral("WHERE w.id = ?"), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No crew %1 on the escort team's roster.").arg(id));
    return crewFrom(q);
}

//! The escort at `version` in the state `from`, or why not.
Escort expect(Sql& sql, qint64 id, int version, const QStringList& from, const QString& refusal)
{
    const Escort e = loadEscort(sql, id);
    if (e.version != version)
        throw ConflictError(Tr::tr("Someone changed the escort of %1 meanwhile; look at it again.").arg(e.tag));
    if (!from.contains(e.state))
        throw ValidationError(refusal.arg(e.tag, escortStateName(e.state)));
    return e;
}

void journal(WriteTransaction& txn, const Escort& e, const QString& change, const QString& note)
{
    txn.publish(EscortChanged{e.id, e.custodyId, e.caseId, e.tag, change, e.destinationKind, e.crew, note});
}

void putOnQueue(WriteTransaction& txn, const Escort& e)
{
    // An escort driven by a statutory limit is on the queue as that limit; one given a time, as itself.
    if (e.limitId > 0)
        return;
    const auto kind = escortDestinationFromKey(e.destinationKind);
    publishDeadline(txn,
                    DeadlineSet{escortDeadlineKey(e.id),
                                Tr::tr("Escort of %1 to %2 (%3)").arg(e.tag, e.destination, kind ? escortDestinationName(*kind) : e.destinationKind),
                                QDateTime::fromMSecsSinceEpoch(e.deadlineAt, Qt::UTC), kModule, QStringLiteral("custody:%1").arg(e.custodyId)});
}

void takeOffQueue(WriteTransaction& txn, const Escort& e)
{
    if (e.limitId == 0)
        publishDeadlineCleared(txn, escortDeadlineKey(e.id));
}

struct DestinationRow
{
    EscortDestination destination;
    const char* key;
    const char* name;
};
const DestinationRow kDestinations[] = {
    {EscortDestination::DetentionCentre, "detention_centre", QT_TRANSLATE_NOOP("hexhub::cases::EscortService", "detention centre")},
    {EscortDestination::Hospital, "hospital", QT_TRANSLATE_NOOP("hexhub::cases::EscortService", "hospital")},
    {EscortDestination::Court, "court", QT_TRANSLATE_NOOP("hexhub::cases::EscortService", "court")},
    {EscortDestination::Unit, "unit", QT_TRANSLATE_NOOP("hexhub::cases::EscortService", "another unit")},
};

} // namespace

QString escortDestinationKey(EscortDestination destination)
{
    for (const DestinationRow& r : kDestinations)
        if (r.destination == destination)
            return QLatin1String(r.key);
    return {};
}

std::optional<EscortDestination> escortDestinationFromKey(const QString& key)
{
    for (const DestinationRow& r : kDestinations)
        if (key == QLatin1String(r.key))
            return r.destination;
    return std::nullopt;
}

QString escortDestinationName(EscortDestination destination)
{
    for (const DestinationRow& r : kDestinations)
        if (r.destination == destination)
            return QCoreApplication::translate("hexhub::cases::EscortService", r.name);
    return {};
}

QString escortStateName(const QString& state)
{
    if (state == QLatin1String("requested"))
        return Tr::tr("requested");
    if (state == QLatin1String("assigned"))
        return Tr::tr("crew assigned");
    if (state == QLatin1String("departed"))
        return Tr::tr("on the way");
    if (state == QLatin1String("arrived"))
        return Tr::tr("arrived");
    if (state == QLatin1String("cancelled"))
        return Tr::tr("cancelled");
    return state;
}

QJsonObject EscortChanged::toJson() const
{
    return {{QStringLiteral("escort"), double(escortId)},
            {QStringLiteral("custody"), double(custodyId)},
            {QStringLiteral("case"), double(caseId)},
            {QStringLiteral("tag"), tag},
            {QStringLiteral("change"), change},
            {QStringLiteral("destination"), destination},
            {QStringLiteral("crew"), crew},
            {QStringLiteral("note"), note}};
}

std::optional<EscortChanged> EscortChanged::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("escort")).isDouble() || !json.value(QStringLiteral("change")).isString())
        return std::nullopt;
    return EscortChanged{qint64(json.value(QStringLiteral("escort")).toDouble()), qint64(json.value(QStringLiteral("custody")).toDouble()),
                         qint64(json.value(QStringLiteral("case")).toDouble()),   json.value(QStringLiteral("tag")).toString(),
                         json.value(QStringLiteral("change")).toString(),         json.value(QStringLiteral("destination")).toString(),
                         json.value(QStringLiteral("crew")).toString(),           json.value(QStringLiteral("note")).toString()};
}

EscortService::EscortService(Store& store, Session& session, AuditLog& audit)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
{}

QFuture<QList<Escort>> EscortService::board(qint64 sinceMs) const
{
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see the escort team's board")))
        return service::failWith<QList<Escort>>(refused);
    return m_store.read([sinceMs](Sql& sql) {
        // Open ones first, the soonest deadline first; then the day's ended ones, the latest first.
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kEscortColumns + kEscortFrom +
                                   QStringLiteral(" WHERE e.state IN ('requested', 'assigned', 'departed') "
                                                  "OR COALESCE(e.arrived_at, e.cancelled_at, e.requested_at) >= ? "
                                                  "ORDER BY CASE WHEN e.state IN ('requested', 'assigned', 'departed') THEN 0 ELSE 1 END, "
                                                  "CASE WHEN e.state IN ('requested', 'assigned', 'departed') THEN e.deadline_at ELSE "
                                                  "-COALESCE(e.arrived_at, e.cancelled_at, e.requested_at) END, "
                                                  "e.id LIMIT 500"),
                               {sinceMs});
        QList<Escort> out;
        while (q.next())
            out << escortFrom(q);
        return out;
    });
}

QFuture<Escort> EscortService::escort(qint64 id) const
{
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see the escort team's board")))
        return service::failWith<Escort>(refused);
    return m_store.read([id](Sql& sql) { return loadEscort(sql, id); });
}

QFuture<QList<EscortCrew>> EscortService::crews() const
{
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see the escort team's board")))
        return service::failWith<QList<EscortCrew>>(refused);
    return m_store.read([](Sql& sql) {
        QList<EscortCrew> out;
        QSqlQuery q = sql.exec(kCrewSelect + QStringLiteral("ORDER BY w.call_sign"));
        while (q.next())
            out << crewFrom(q);
        return out;
    });
}

QFuture<Escort> EscortService::request(const NewEscort& draft, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<Escort>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("request escorts"),
                                              QStringLiteral("escort.requested"), QStringLiteral("custody:%1").arg(draft.custodyId)))
        return *refused;
    const QString place = draft.place.simplified();
    if (place.size() < 2 || place.size() > 200)
        return failNow<Escort>(Tr::tr("Say where to: which detention centre, hospital, court or unit (2 to 200 characters)."));
    if (draft.reason.size() > 2000)
        return failNow<Escort>(Tr::tr("Keep the reason under 2,000 characters."));
    return m_store.write(service::writeAs(kModule, actor), [this, draft, place, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("case_management.escort.request");
        if (auto done = service::appliedBefore(txn, command, op))
            return loadEscort(txn, done->toLongLong());
        const Custody k = loadCustodyRecord(txn, draft.custodyId);
        if (!k.inSuite())
            throw ValidationError(Tr::tr("%1 is no longer in the suite.").arg(k.tag));
        if (txn.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_escorts WHERE custody_id = ? AND state IN ('requested', 'assigned', 'departed')"),
                       {k.id})
                .toLongLong() > 0)
            throw ValidationError(Tr::tr("An escort of %1 is requested already.").arg(k.tag));
        const qint64 now = txn.clock().nowMs();
        qint64 deadline = draft.deadlineAt;
        QVariant limitId;
        if (draft.destination == EscortDestination::DetentionCentre) {
            // The person's 24-hour transfer drives it.
            for (const CaseLimit& l : runningLimitsFor(txn, k.id)) {
                if (l.rule == QLatin1String("detention.transfer")) {
                    deadline = l.dueAt;
                    limitId = l.id;
                }
            }
            if (limitId.isNull())
                throw ValidationError(
                    Tr::tr("%1 has no transfer to the detention centre running: only a detained person is taken there.").arg(k.tag));
        } else if (deadline <= now) {
            throw ValidationError(Tr::tr("Say by when the escort must arrive: a time still to come."));
        }
        const qint64 id =
            txn.insert(QStringLiteral("INSERT INTO cm_escorts (custody_id, case_id, destination_kind, destination, reason, deadline_at, "
                                      "limit_id, requested_at, requested_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {k.id, k.caseId, escortDestinationKey(draft.destination), place, draft.reason.trimmed(), deadline, limitId, now, name});
        const Escort e = loadEscort(txn, id);
        putOnQueue(txn, e);
        journal(txn, e, QStringLiteral("requested"), place);
        m_audit.append(txn, {name, QStringLiteral("escort.requested"), escortRef(id),
                             QStringLiteral("%1 to %2 %3").arg(k.tag, escortDestinationKey(draft.destination), place), QStringLiteral("success")});
        service::recordApplied(txn, command, op, QString::number(id));
        return e;
    });
}

QFuture<Escort> EscortService::assign(qint64 id, int version, qint64 crewId, const QString& vehicle, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<Escort>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("assign escort crews"),
                                              QStringLiteral("escort.assigned"), escortRef(id)))
        return *refused;
    if (vehicle.size() > 100)
        return failNow<Escort>(Tr::tr("Keep the vehicle under 100 characters."));
    return m_store.write(service::writeAs(kModule, actor), [this, id, version, crewId, vehicle, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("case_management.escort.assign");
        if (service::appliedBefore(txn, command, op))
            return loadEscort(txn, id);
        const Escort before =
            expect(txn, id, version, {QStringLiteral("requested")}, Tr::tr("The escort of %1 is %2: only a request is assigned a crew."));
        const EscortCrew crew = loadCrew(txn, crewId);
        if (!crew.onDuty)
            throw ValidationError(Tr::tr("Crew %1 is not on duty.").arg(crew.callSign));
        if (crew.busyWith > 0)
            throw ValidationError(Tr::tr("Crew %1 is on another escort.").arg(crew.callSign));
        const QString taken = vehicle.simplified().isEmpty() ? crew.vehicle : vehicle.simplified();
        const qint64 now = txn.clock().nowMs();
        service::requireUpdated(
            txn.exec(QStringLiteral("UPDATE cm_escorts SET state = 'assigned', crew_id = ?, vehicle = ?, assigned_at = ?, assigned_by = ?, "
                                    "version = version + 1 WHERE id = ? AND version = ?"),
                     {crewId, taken, now, name, id, version}),
            Tr::tr("Someone changed the escort of %1 meanwhile; look at it again.").arg(before.tag));
        const Escort e = loadEscort(txn, id);
        journal(txn, e, QStringLiteral("assigned"), taken);
        m_audit.append(txn, {name, QStringLiteral("escort.assigned"), escortRef(id), QStringLiteral("%1, %2").arg(crew.callSign, taken),
                             QStringLiteral("success")});
        service::recordApplied(txn, command, op, QString::number(id));
        return e;
    });
}

QFuture<Escort> EscortService::depart(qint64 id, int version, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<Escort>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("record escorts"),
                                              QStringLiteral("escort.departed"), escortRef(id)))
        return *refused;
    return m_store.write(service::writeAs(kModule, actor), [this, id, version, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("case_management.escort.depart");
        if (service::appliedBefore(txn, command, op))
            return loadEscort(txn, id);
        const Escort before =
            expect(txn, id, version, {QStringLiteral("assigned")}, Tr::tr("The escort of %1 is %2: a crew leaves once it is assigned."));
        const Custody k = loadCustodyRecord(txn, before.custodyId);
        if (!k.inSuite())
            throw ValidationError(Tr::tr("%1 is no longer in the suite.").arg(k.tag));
        if (txn.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_interviews WHERE custody_id = ? AND ended_at IS NULL"), {k.id}).toLongLong() > 0)
            throw ValidationError(Tr::tr("An interview of %1 is running; end it first.").arg(k.tag));
        const qint64 now = txn.clock().nowMs();
        // The person leaves the suite with the crew; the transfer is met when they arrive.
        const bool toDetention = before.destinationKind == QLatin1String("detention_centre");
        bookOut(txn, k, toDetention ? ReleaseKind::Transferred : ReleaseKind::HandedOver,
                Tr::tr("escort %1 to %2").arg(before.crew, before.destination), QString(), now, name, false);
        service::requireUpdated(
            txn.exec(QStringLiteral("UPDATE cm_escorts SET state = 'departed', departed_at = ?, departed_by = ?, version = version + 1 "
                                    "WHERE id = ? AND version = ?"),
                     {now, name, id, version}),
            Tr::tr("Someone changed the escort of %1 meanwhile; look at it again.").arg(before.tag));
        const Escort e = loadEscort(txn, id);
        journal(txn, e, QStringLiteral("departed"), e.vehicle);
        m_audit.append(txn, {name, QStringLiteral("escort.departed"), escortRef(id), QStringLiteral("%1 with %2").arg(e.tag, e.crew),
                             QStringLiteral("success")});
        service::recordApplied(txn, command, op, QString::number(id));
        return e;
    });
}

QFuture<Escort> EscortService::arrive(qint64 id, int version, const QString& receivedBy, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<Escort>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("record escorts"),
                                              QStringLiteral("escort.arrived"), escortRef(id)))
        return *refused;
    const QString receiver = receivedBy.simplified();
    if (receiver.size() < 2 || receiver.size() > 200)
        return failNow<Escort>(Tr::tr("Say who received the person at the destination."));
    return m_store.write(service::writeAs(kModule, actor), [this, id, version, receiver, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("case_management.escort.arrive");
        if (service::appliedBefore(txn, command, op))
            return loadEscort(txn, id);
        const Escort before = expect(txn, id, version, {QStringLiteral("departed")}, Tr::tr("The escort of %1 is %2: only one on its way arrives."));
        const qint64 now = txn.clock().nowMs();
        service::requireUpdated(txn.exec(QStringLiteral("UPDATE cm_escorts SET state = 'arrived', arrived_at = ?, arrived_by = ?, received_by = ?, "
                                                        "version = version + 1 WHERE id = ? AND version = ?"),
                                         {now, name, receiver, id, version}),
                                Tr::tr("Someone changed the escort of %1 meanwhile; look at it again.").arg(before.tag));
        // The transfer it was for is met now, if it still runs.
        if (before.limitId > 0) {
            const CaseLimit l = loadLimit(txn, before.limitId);
            if (l.state == QLatin1String("running")) {
                endLimit(txn, loadCase(txn, before.caseId), l, QStringLiteral("met"),
                         Tr::tr("Delivered to %1 by escort %2, received by %3").arg(before.destination, before.crew, receiver), now, name);
                refreshDue(txn, before.caseId);
            }
        }
        takeOffQueue(txn, before);
        const Escort e = loadEscort(txn, id);
        journal(txn, e, QStringLiteral("arrived"), receiver);
        m_audit.append(txn, {name, QStringLiteral("escort.arrived"), escortRef(id), QStringLiteral("%1 received by %2").arg(e.tag, receiver),
                             QStringLiteral("success")});
        service::recordApplied(txn, command, op, QString::number(id));
        return e;
    });
}

QFuture<Escort> EscortService::cancel(qint64 id, int version, const QString& reason, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<Escort>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("cancel escorts"),
                                              QStringLiteral("escort.cancelled"), escortRef(id)))
        return *refused;
    if (const QString problem = service::reasonProblem(reason, Tr::tr("Say why the escort is cancelled; it goes on record.")); !problem.isEmpty())
        return failNow<Escort>(problem);
    return m_store.write(service::writeAs(kModule, actor), [this, id, version, why = reason.trimmed().left(2000), command,
                                                            name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("case_management.escort.cancel");
        if (service::appliedBefore(txn, command, op))
            return loadEscort(txn, id);
        const Escort before = expect(txn, id, version, {QStringLiteral("requested"), QStringLiteral("assigned")},
                                     Tr::tr("The escort of %1 is %2: one on its way or ended is not cancelled."));
        service::requireUpdated(txn.exec(QStringLiteral("UPDATE cm_escorts SET state = 'cancelled', note = ?, cancelled_at = ?, cancelled_by = ?, "
                                                        "version = version + 1 WHERE id = ? AND version = ?"),
                                         {why, txn.clock().nowMs(), name, id, version}),
                                Tr::tr("Someone changed the escort of %1 meanwhile; look at it again.").arg(before.tag));
        takeOffQueue(txn, before);
        const Escort e = loadEscort(txn, id);
        journal(txn, e, QStringLiteral("cancelled"), why);
        m_audit.append(txn, {name, QStringLiteral("escort.cancelled"), escortRef(id), why.left(200), QStringLiteral("success")});
        service::recordApplied(txn, command, op, QString::number(id));
        return e;
    });
}

QFuture<EscortCrew> EscortService::setOnDuty(qint64 crewId, bool onDuty, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<EscortCrew>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("change the escort team's roster"),
                                                  QStringLiteral("escort.roster"), QStringLiteral("escort_crew:%1").arg(crewId)))
        return *refused;
    return m_store.write(service::writeAs(kModule, actor), [this, crewId, onDuty, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("case_management.escort.roster");
        if (service::appliedBefore(txn, command, op))
            return loadCrew(txn, crewId);
        const EscortCrew crew = loadCrew(txn, crewId);
        txn.exec(QStringLiteral("UPDATE cm_escort_crews SET on_duty = ?, version = version + 1 WHERE id = ?"), {onDuty ? 1 : 0, crewId});
        txn.publish(EscortChanged{0, 0, 0, QString(), onDuty ? QStringLiteral("crew_on_duty") : QStringLiteral("crew_off_duty"), QString(),
                                  crew.callSign, QString()});
        m_audit.append(txn, {name, QStringLiteral("escort.roster"), QStringLiteral("escort_crew:%1").arg(crewId),
                             QStringLiteral("%1 %2").arg(crew.callSign, onDuty ? QStringLiteral("on duty") : QStringLiteral("off duty")),
                             QStringLiteral("success")});
        service::recordApplied(txn, command, op, QString::number(crewId));
        return loadCrew(txn, crewId);
    });
}

} // namespace hexhub::cases
