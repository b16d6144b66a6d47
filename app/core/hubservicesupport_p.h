#pragma once

// Internal to hexhub-core: what the hub's services (hubservices.cpp, camera.cpp) share to check
// permissions, refuse on record and write as the hub. Not installed, not API.

#include "audit.h"
#include "error.h"
#include "event.h"
#include "session.h"
#include "sql.h"
#include "store.h"

#include <QFuture>

#include <exception>
#include <optional>

namespace hexhub::hubsupport {

//! Refusals are on record before the caller hears of them: the future fails after the audit row commits.
template <typename T>
QFuture<T> refuse(const AuditLog& audit, const Principal& actor, const QString& action, const QString& object,
                  const QString& permission, std::exception_ptr error)
{
    return audit
        .record({actor.isValid() ? actor.name : QStringLiteral("system"), action, object,
                 QStringLiteral("missing ") + permission, QStringLiteral("denied")})
        .then([error](qint64) -> T { std::rethrow_exception(error); });
}

//! Checks the permission; on refusal returns the failing future (audited), else nothing.
template <typename T>
std::optional<QFuture<T>> check(const AuditLog& audit, const Principal& actor, const QString& permission,
                                const QString& what, const QString& action, const QString& object)
{
    try {
        Session::require(actor, permission, what);
    } catch (const PermissionDenied&) {
        return refuse<T>(audit, actor, action, object, permission, std::current_exception());
    }
    return std::nullopt;
}

//! A future that has failed with `message` as a ValidationError.
template <typename T>
QFuture<T> failNow(const QString& message)
{
    return QtFuture::makeExceptionalFuture<T>(std::make_exception_ptr(ValidationError(message)));
}

//! A write in the hub's name by `actor`.
inline WriteContext hubWrite(const Principal& actor)
{
    return WriteContext{QStringLiteral("hub"), actor.name, {}};
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

} // namespace hexhub::hubsupport
