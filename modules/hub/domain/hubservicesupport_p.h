#pragma once

// Internal to the hub's domain: how its services write as the hub and put events on incidents'
// timelines, beside the helpers every module's services share (module/servicesupport.h).

#include "module/servicesupport.h"
#include "security/audit.h"
#include "base/error.h"
#include "bus/event.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>

#include <exception>
#include <optional>

namespace hexhub::hubsupport {

using service::check;
using service::failNow;
using service::refuse;

//! A write in the hub's name by `actor`.
inline WriteContext hubWrite(const Principal& actor)
{
    return service::writeAs(QStringLiteral("hub"), actor);
}

/*!
 * Publishes `draft` and puts the event on the timelines of `incidents` (the index
 * IncidentService::timeline() reads).
 */
inline Event publishOnTimelines(WriteTransaction& txn, const QList<qint64>& incidents, const EventDraft& draft)
{
    const Event event = txn.publish(draft);
    for (qint64 id : incidents)
        txn.execCached(QStringLiteral("INSERT INTO hub_incident_events (incident_id, event_seq) VALUES (?, ?)"), {id, event.seq});
    return event;
}

using service::keepWhenAway;

//! A hub command kept in the desk's outbox while the server is away (servicesupport.h keepWhenAway()).
inline OfflineCommand offline(const QString& operation, const CommandId& command, QJsonObject args, QStringList records,
                              QString summary, const Principal& actor)
{
    return service::offlineCommand(QStringLiteral("hub"), operation, command, std::move(args), std::move(records),
                                   std::move(summary), actor);
}

// The records a kept command changes: one waiting for a decision holds back later ones on the same.
inline QString incidentRecord(qint64 id) { return QStringLiteral("incident:%1").arg(id); }
inline QString taskRecord(qint64 id) { return QStringLiteral("task:%1").arg(id); }
inline QString operationRecord(qint64 id) { return QStringLiteral("operation:%1").arg(id); }
inline QStringList unitRecords(const QStringList& callSigns)
{
    QStringList records;
    for (const QString& callSign : callSigns)
        records << QStringLiteral("unit:") + callSign;
    return records;
}

} // namespace hexhub::hubsupport
