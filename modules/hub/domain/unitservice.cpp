#include "hexhub/hub/unitservice.h"

#include "hubrows_p.h"
#include "hubreplay_p.h"
#include "hubservicesupport_p.h"

#include "security/audit.h"
#include "base/clock.h"
#include "base/coretr.h"
#include "base/error.h"
#include "security/session.h"
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

namespace hexhub {

using namespace hubrows;
using hubsupport::check;
using hubsupport::failNow;
using hubsupport::hubWrite;
using hubsupport::incidentRecord;
using hubsupport::keepWhenAway;
using hubsupport::offline;
using hubsupport::operationRecord;
using hubsupport::taskRecord;
using hubsupport::unitRecords;
using service::appliedBefore;
using service::recordApplied;

// ---------------------------------------------------------------------------------------------
// UnitService

UnitService::UnitService(Store& store, Session& session, AuditLog& audit, Outbox* outbox)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
    , m_outbox(outbox)
{
}

QFuture<Unit> UnitService::save(const Unit& in, const CommandId& command) const
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
    auto attempt = [&] { return m_store.write(hubWrite(actor), [in, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.unit.save");
        if (appliedBefore(txn, command, op))
            return loadUnit(txn, in.callSign);
        const qint64 now = txn.clock().nowMs();
        const QVariant lat = in.position ? QVariant(in.position->latitude) : QVariant();
        const QVariant lon = in.position ? QVariant(in.position->longitude) : QVariant();
        if (const std::optional<Unit> current = findUnit(txn, in.callSign)) {
            // At the version read here: a registry change racing another desk's is a conflict.
            service::requireUpdated(txn.exec(QStringLiteral("UPDATE hub_units SET kind = ?, home_station = ?, crew_size = ?, skills = ?, "
                                                            "version = version + 1 WHERE id = ? AND version = ?"),
                                             {unitKindId(in.kind), in.homeStation, in.crewSize, in.skills.join(u','), in.callSign,
                                              current->version}),
                                    Tr::tr("%1 was changed on another desk meanwhile; look at it again and retry.").arg(in.callSign));
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
        publishFor(txn, {}, UnitRegistered{saved});
        recordApplied(txn, command, op, saved.callSign);
        return saved;
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.unit.save"), command, {{QStringLiteral("unit"), in.toJson()}}, unitRecords({in.callSign}), Tr::tr("Save unit %1").arg(in.callSign), actor));
}

QFuture<Unit> UnitService::setStatus(const QString& callSign, UnitStatus status, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Unit>(m_audit, actor, QStringLiteral("hub.unit.dispatch"), Tr::tr("change a unit's status"),
                                   QStringLiteral("unit.status"), QStringLiteral("unit:") + callSign))
        return *refused;
    if (status == UnitStatus::EnRoute || status == UnitStatus::OnScene)
        return failNow<Unit>(Tr::tr("A unit goes en route or on scene by being dispatched to an incident."));
    auto attempt = [&] { return m_store.write(hubWrite(actor), [callSign, status, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.unit.status");
        if (appliedBefore(txn, command, op))
            return loadUnit(txn, callSign);
        const Unit unit = loadUnit(txn, callSign);
        if (unit.incidentId != 0)
            throw ValidationError(Tr::tr("%1 is on an incident: clear it from the incident first.").arg(callSign));
        if (unit.status != status)
            writeUnitStatus(txn, unit, status, 0);
        recordApplied(txn, command, op, callSign);
        return loadUnit(txn, callSign);
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.unit.status"), command, {{QStringLiteral("unit"), callSign}, {QStringLiteral("status"), unitStatusId(status)}}, unitRecords({callSign}), Tr::tr("%1: %2").arg(callSign, unitStatusName(status)), actor));
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
        publishFor(txn, {}, UnitMoved{callSign, point, now});
    });
}

QFuture<QList<Unit>> UnitService::units() const
{
    try {
        // The hub, and a centre that hands tasks to units (an investigation's task division).
        if (!m_session.can(QStringLiteral("hub.task.delegate")))
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

} // namespace hexhub
