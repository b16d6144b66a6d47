#pragma once
// What every module's services do the same way (ARCHITECTURE.md 3a): check the permission in the
// service and put a refusal on record before the caller hears of it, fail a future with a
// validation error, write in the module's name, and parse JSON into an optional with a reason.

#include "base/error.h"
#include "module/command.h"
#include "security/audit.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/outbox.h"
#include "store/store.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QString>

#include <exception>
#include <functional>
#include <optional>
#include <type_traits>

namespace hexhub::service {

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

/*!
 * Checks `permission` (`what` says the action in the user's words); on refusal returns the failing
 * future, the refusal audited as `action` on `object`; nothing when the actor may.
 */
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

//! The refusal when `actor` lacks `permission`, not audited (for reads that audit nothing); else null.
inline std::exception_ptr requireNow(const Principal& actor, const QString& permission, const QString& what)
{
    try {
        Session::require(actor, permission, what);
    } catch (...) {
        return std::current_exception();
    }
    return nullptr;
}

//! A future that has failed with `message` as a ValidationError.
template <typename T>
QFuture<T> failNow(const QString& message)
{
    return QtFuture::makeExceptionalFuture<T>(std::make_exception_ptr(ValidationError(message)));
}

//! A future that has failed with `error`.
template <typename T>
QFuture<T> failWith(std::exception_ptr error)
{
    return QtFuture::makeExceptionalFuture<T>(error);
}

/*!
 * The result of a job that may find, inside its transaction, that the actor may not do part of it:
 * the refusal is audited and committed with the transaction, and only then reported (thrown by
 * unwrapRefusal() on the way out), so the audit row is not rolled back with the job.
 */
template <typename T>
struct Guarded
{
    T value{};
    std::exception_ptr refusal;
};

template <typename T>
QFuture<T> unwrapRefusal(QFuture<Guarded<T>> future)
{
    return future.then([](const Guarded<T>& result) {
        if (result.refusal)
            std::rethrow_exception(result.refusal);
        return result.value;
    });
}

//! Null when `actor` holds `permission`, else the refusal, audited in `txn` (see Guarded).
inline std::exception_ptr refuseInTransaction(WriteTransaction& txn, const AuditLog& audit, const Principal& actor,
                                              const QString& permission, const QString& what, const QString& action,
                                              const QString& object)
{
    try {
        Session::require(actor, permission, what);
        return nullptr;
    } catch (const PermissionDenied&) {
        audit.append(txn, {actor.name, action, object, QStringLiteral("missing ") + permission, QStringLiteral("denied")});
        return std::current_exception();
    }
}

/*!
 * A command on shared rows that works while the server is away (ARCHITECTURE.md 3a): when `attempt()`
 * (starts the command's write) fails because the server cannot be reached, `command` (the same id, what to
 * send again) is kept in the desk's outbox and the future fails with CommandQueued, which a view shows
 * as waiting. Without an outbox, or when it cannot keep it, the outage is reported as it was. Call
 * after the service's own permission check and validation, so what is kept is what the operator
 * could do; the replay checks both again under whoever is signed in then. A command on a record
 * that still has earlier work waiting in the outbox is kept behind it without trying the server, so
 * each record's commands reach the server in the order they were made.
 */
namespace detail {
template <typename F>
struct FutureValue;
template <typename T>
struct FutureValue<QFuture<T>>
{
    using type = T;
};
} // namespace detail

template <typename Attempt>
auto keepWhenAway(Outbox* outbox, Attempt&& attempt, OfflineCommand command) -> decltype(attempt())
{
    using Future = decltype(attempt());
    using T = typename detail::FutureValue<Future>::type;
    if (!outbox)
        return attempt();
    // Behind earlier work on the same record that is not on the server yet: after it, in order.
    if (outbox->canKeep() && !outbox->isReplaying(command.id) && outbox->waitsOn(command.records)) {
        return outbox->keep(command).then([command]() -> T { throw Outbox::queuedError(command, false); });
    }
    return attempt()
        .then(outbox,
              [outbox, command = std::move(command)](Future done) -> Future {
                  try {
                      done.waitForFinished();
                  } catch (const StoreUnavailable&) {
                      if (!outbox->canKeep())
                          return done;
                      return outbox->keep(command).then([command]() -> T { throw Outbox::queuedError(command, true); });
                  } catch (...) {
                  }
                  return done;
              })
        .unwrap();
}

//! What a service keeps for keepWhenAway(): `operation` with its arguments, on `records`, in `module`'s name.
inline OfflineCommand offlineCommand(const QString& module, const QString& operation, const CommandId& id, QJsonObject args,
                                     QStringList records, QString summary, const Principal& actor)
{
    OfflineCommand command;
    command.id = id;
    command.operation = operation;
    command.args = std::move(args);
    command.records = std::move(records);
    command.summary = std::move(summary);
    command.madeBy = actor.name;
    command.source = module;
    return command;
}

/*!
 * What a kept command does to the versions of records, as a keeper sees it (Outbox::addKeeper()):
 * made from a view of `record` at version `readAt` (raising it by one when it goes), or raising
 * `record`'s version without reading it (no `readAt`: a lead joining an investigation, the entity
 * a duplicate is merged into).
 */
struct VersionTouch
{
    QString record;
    std::optional<qint64> readAt;
};
using VersionTouches = std::function<QList<VersionTouch>(const QString& operation, const QJsonObject& args)>;

/*!
 * Registers with `outbox` keepers for `operations`, each of which carries the version it was made
 * from as its argument "version" and names that record first in `touches`: a command kept behind
 * the same desk's earlier kept commands on that record was made from a view that could not show
 * them, so the version it read is taken to be the one they leave when they go. A desk's own kept
 * changes of one record never conflict with each other; someone else's change meanwhile still does.
 */
HEXHUB_CORE_EXPORT void keepOwnVersions(Outbox& outbox, const QStringList& operations, VersionTouches touches);

/*!
 * A reason a change goes on record with ("Why is this lead closed?"): trimmed; empty when it is
 * given (five characters or more, at most 2,000), else what is wrong, `missing` when it is too short.
 * Checked before a command is kept (it would fail when sent) and again in its transaction.
 */
HEXHUB_CORE_EXPORT QString reasonProblem(const QString& reason, const QString& missing);
//! The reason trimmed, or a ValidationError saying what reasonProblem() says.
HEXHUB_CORE_EXPORT QString requireReason(const QString& reason, const QString& missing);

//! A command's future without its result: what an outbox replayer answers (Outbox::Replayer).
template <typename T>
QFuture<void> voidOf(QFuture<T> future)
{
    if constexpr (std::is_void_v<T>)
        return future;
    else
        return future.then([](const T&) {});
}

/*!
 * A versioned command sent again by its replayer: `apply(version)` at the version it was kept with,
 * or, when the operator chose to keep theirs over a change made meanwhile (`overrideConflict`), at
 * the version `current()` (a QFuture<int>) reads now.
 */
template <typename Current, typename Apply>
QFuture<void> sendAtVersion(bool overrideConflict, int keptVersion, Current current, Apply apply)
{
    if (!overrideConflict)
        return voidOf(apply(keptVersion));
    return current().then([apply](int now) { return voidOf(apply(now)); }).unwrap();
}

//! A write in module `moduleId`'s name by `actor`.
inline WriteContext writeAs(const QString& moduleId, const Principal& actor)
{
    return WriteContext{moduleId, actor.name, {}};
}

/*!
 * Commands apply once (ARCHITECTURE.md 3a). Inside the command's write transaction, before changing
 * anything: the result key recorded when `command` was applied before, else nothing. A command id
 * used before for another operation is refused with a ValidationError.
 */
HEXHUB_CORE_EXPORT std::optional<QString> appliedBefore(Sql& sql, const CommandId& command, const QString& operation);
/*!
 * Records `command` as applied, in the transaction that applied it, with the key of what it made or
 * changed (appliedBefore() gives it back). A null command id is refused: every change carries one.
 */
HEXHUB_CORE_EXPORT void recordApplied(WriteTransaction& txn, const CommandId& command, const QString& operation,
                                      const QString& resultKey);

/*!
 * For an `UPDATE ... WHERE id = ? AND version = ?`: the row was at the version the command read,
 * else another desk changed it meanwhile and `conflict` is thrown as a ConflictError, so the
 * transaction rolls back instead of overwriting that change.
 */
HEXHUB_CORE_EXPORT void requireUpdated(const QSqlQuery& update, const QString& conflict);

//! For fromJson() and parsers that answer with an optional: sets `error` (when given) to `why`.
template <typename T>
std::optional<T> failed(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

} // namespace hexhub::service
