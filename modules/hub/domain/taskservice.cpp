#include "hexhub/hub/taskservice.h"

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
    publishFor(txn, timelineOf(task.incidentId), TaskAssigned{task});
    if (task.dueAt > 0)
        setDeadline(txn, taskKey(id), Tr::tr("Task for %1: %2").arg(task.assignee, task.title), task.dueAt,
                    QStringLiteral("task:%1").arg(id));
    return task;
}

// A task command applied once: `move` runs the first time; again, the task as it is now.
template <typename Move>
Task onceForTask(WriteTransaction& txn, const CommandId& command, const QString& op, qint64 id, Move&& move)
{
    if (appliedBefore(txn, command, op))
        return loadTask(txn, id);
    const Task after = move();
    recordApplied(txn, command, op, QString::number(id));
    return after;
}

// Moves a task; publishes task.updated; clears its deadline when it is finished.
Task moveTask(WriteTransaction& txn, qint64 id, TaskStatus to, int progress, const QString& note, const QString& reason)
{
    const Task before = loadTask(txn, id);
    if (const QString why = whyTaskCannotMove(before.status, to); !why.isEmpty())
        throw ValidationError(why);
    // At the version read: two desks answering the same task at once cannot both win.
    service::requireUpdated(
        txn.exec(QStringLiteral("UPDATE hub_tasks SET status = ?, progress = ?, progress_note = ?, decline_reason = ?, updated_at = ?, "
                                "version = version + 1 WHERE id = ? AND version = ?"),
                 {taskStatusId(to), progress < 0 ? before.progress : progress, note.isNull() ? before.progressNote : note,
                  reason.isNull() ? before.declineReason : reason, txn.clock().nowMs(), id, before.version}),
        Tr::tr("The task '%1' was changed on another desk meanwhile; look at it again and retry.").arg(before.title));
    const Task after = loadTask(txn, id);
    publishFor(txn, timelineOf(after.incidentId), TaskUpdated{after});
    if (!after.isOpen() && before.dueAt > 0)
        clearDeadline(txn, taskKey(id));
    return after;
}

QString operationConflict(const Operation& op)
{
    return Tr::tr("Operation %1 was changed on another desk meanwhile; look at it again and retry.").arg(op.name);
}

QJsonArray divisionJson(const QList<NewTask>& division)
{
    QJsonArray tasks;
    for (const NewTask& task : division)
        tasks << hubreplay::toJson(task);
    return tasks;
}

} // namespace

TaskService::TaskService(Store& store, Session& session, AuditLog& audit, Outbox* outbox)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
    , m_outbox(outbox)
{
}

QFuture<Task> TaskService::issue(const NewTask& task, const CommandId& command) const
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
    auto attempt = [&] { return m_store.write(hubWrite(actor), [task, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.task.issue");
        if (const auto earlier = appliedBefore(txn, command, op))
            return loadTask(txn, earlier->toLongLong());
        const Task issued = insertTask(txn, task, 0, name);
        recordApplied(txn, command, op, QString::number(issued.id));
        return issued;
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.task.issue"), command, hubreplay::toJson(task), {}, Tr::tr("Task to %1: %2").arg(task.assignee, task.title.trimmed()), actor));
}

QFuture<Task> TaskService::accept(qint64 id, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Task>(m_audit, actor, QStringLiteral("hub.task.respond"), Tr::tr("accept a task"),
                                   QStringLiteral("task.updated"), QStringLiteral("task:%1").arg(id)))
        return *refused;
    auto attempt = [&] { return m_store.write(hubWrite(actor), [id, command](WriteTransaction& txn) {
        return onceForTask(txn, command, QStringLiteral("hub.task.accept"), id,
                           [&] { return moveTask(txn, id, TaskStatus::Accepted, -1, {}, {}); });
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.task.accept"), command, {{QStringLiteral("id"), id}}, {taskRecord(id)}, Tr::tr("Accept task %1").arg(id), actor));
}

QFuture<Task> TaskService::reportProgress(qint64 id, int percent, const QString& note, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Task>(m_audit, actor, QStringLiteral("hub.task.respond"), Tr::tr("report on a task"),
                                   QStringLiteral("task.updated"), QStringLiteral("task:%1").arg(id)))
        return *refused;
    if (percent < 0 || percent > 100)
        return failNow<Task>(Tr::tr("Progress is 0 to 100 percent."));
    auto attempt = [&] { return m_store.write(hubWrite(actor), [id, percent, note, command](WriteTransaction& txn) {
        return onceForTask(txn, command, QStringLiteral("hub.task.progress"), id,
                           [&] { return moveTask(txn, id, TaskStatus::InProgress, percent, note.trimmed(), {}); });
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.task.progress"), command, {{QStringLiteral("id"), id}, {QStringLiteral("percent"), percent}, {QStringLiteral("note"), note}}, {taskRecord(id)}, Tr::tr("Task %1 at %2%").arg(id).arg(percent), actor));
}

QFuture<Task> TaskService::complete(qint64 id, const QString& note, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Task>(m_audit, actor, QStringLiteral("hub.task.respond"), Tr::tr("complete a task"),
                                   QStringLiteral("task.updated"), QStringLiteral("task:%1").arg(id)))
        return *refused;
    auto attempt = [&] { return m_store.write(hubWrite(actor), [id, note, command](WriteTransaction& txn) {
        return onceForTask(txn, command, QStringLiteral("hub.task.complete"), id, [&] {
            return moveTask(txn, id, TaskStatus::Done, 100, note.trimmed().isEmpty() ? QString() : note.trimmed(), {});
        });
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.task.complete"), command, {{QStringLiteral("id"), id}, {QStringLiteral("note"), note}}, {taskRecord(id)}, Tr::tr("Complete task %1").arg(id), actor));
}

QFuture<Task> TaskService::decline(qint64 id, const QString& reason, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Task>(m_audit, actor, QStringLiteral("hub.task.respond"), Tr::tr("decline a task"),
                                   QStringLiteral("task.updated"), QStringLiteral("task:%1").arg(id)))
        return *refused;
    if (reason.trimmed().isEmpty())
        return failNow<Task>(Tr::tr("Say why the task is declined."));
    auto attempt = [&] { return m_store.write(hubWrite(actor), [id, reason, command](WriteTransaction& txn) {
        return onceForTask(txn, command, QStringLiteral("hub.task.decline"), id,
                           [&] { return moveTask(txn, id, TaskStatus::Declined, -1, {}, reason.trimmed()); });
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.task.decline"), command, {{QStringLiteral("id"), id}, {QStringLiteral("reason"), reason}}, {taskRecord(id)}, Tr::tr("Decline task %1").arg(id), actor));
}

QFuture<Task> TaskService::cancel(qint64 id, const QString& reason, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Task>(m_audit, actor, QStringLiteral("hub.task.assign"), Tr::tr("cancel a task"),
                                   QStringLiteral("task.updated"), QStringLiteral("task:%1").arg(id)))
        return *refused;
    auto attempt = [&] { return m_store.write(hubWrite(actor), [id, reason, command](WriteTransaction& txn) {
        return onceForTask(txn, command, QStringLiteral("hub.task.cancel"), id,
                           [&] { return moveTask(txn, id, TaskStatus::Cancelled, -1, {}, reason.trimmed()); });
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.task.cancel"), command, {{QStringLiteral("id"), id}, {QStringLiteral("reason"), reason}}, {taskRecord(id)}, Tr::tr("Cancel task %1").arg(id), actor));
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

QFuture<Operation> TaskService::plan(const Operation& op, const QList<NewTask>& division, const CommandId& command) const
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
    auto attempt = [&] { return m_store.write(hubWrite(actor), [this, op, division, command, name = actor.name](WriteTransaction& txn) {
        const QString opName = QStringLiteral("hub.operation.plan");
        if (const auto earlier = appliedBefore(txn, command, opName))
            return loadOperation(txn, earlier->toLongLong());
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
        if (goNow)
            publishFor(txn, timelineOf(op.incidentId), OperationStarted{saved, int(division.size())});
        else
            publishFor(txn, timelineOf(op.incidentId), OperationPlanned{saved, int(division.size())});
        m_audit.append(txn, {name, QStringLiteral("operation.planned"), QStringLiteral("operation:%1").arg(id),
                             QStringLiteral("%1 tasks, go %2").arg(division.size()).arg(QDateTime::fromMSecsSinceEpoch(op.goAt, Qt::UTC).toString(Qt::ISODate)),
                             QStringLiteral("success")});
        recordApplied(txn, command, opName, QString::number(id));
        return saved;
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.operation.plan"), command, {{QStringLiteral("operation"), op.toJson()}, {QStringLiteral("division"), divisionJson(division)}}, {}, Tr::tr("Plan operation %1").arg(op.name.trimmed()), actor));
}

QFuture<Operation> TaskService::start(qint64 operationId, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Operation>(m_audit, actor, QStringLiteral("hub.operation.command"), Tr::tr("start an operation"),
                                        QStringLiteral("operation.started"), QStringLiteral("operation:%1").arg(operationId)))
        return *refused;
    auto attempt = [&] { return m_store.write(hubWrite(actor), [operationId, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.operation.start");
        if (appliedBefore(txn, command, op))
            return loadOperation(txn, operationId);
        const Operation before = loadOperation(txn, operationId);
        if (before.status != OperationStatus::Planned)
            throw ValidationError(Tr::tr("Operation %1 is %2; only a planned operation starts.")
                                      .arg(before.name, operationStatusName(before.status)));
        // Started before its planned go time: the go time is when it went.
        const qint64 now = txn.clock().nowMs();
        service::requireUpdated(txn.exec(QStringLiteral("UPDATE hub_operations SET status = 'running', go_at = ?, updated_at = ?, "
                                                        "version = version + 1 WHERE id = ? AND version = ?"),
                                         {std::min(before.goAt, now), now, operationId, before.version}),
                                operationConflict(before));
        const Operation after = loadOperation(txn, operationId);
        publishFor(txn, timelineOf(after.incidentId), OperationStarted{after});
        recordApplied(txn, command, op, QString::number(operationId));
        return after;
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.operation.start"), command, {{QStringLiteral("id"), operationId}}, {operationRecord(operationId)}, Tr::tr("Start operation %1").arg(operationId), actor));
}

QFuture<Operation> TaskService::finish(qint64 operationId, OperationStatus how, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Operation>(m_audit, actor, QStringLiteral("hub.operation.command"), Tr::tr("finish an operation"),
                                        QStringLiteral("operation.finished"), QStringLiteral("operation:%1").arg(operationId)))
        return *refused;
    if (how != OperationStatus::Completed && how != OperationStatus::Cancelled)
        return failNow<Operation>(Tr::tr("An operation finishes completed or cancelled."));
    auto attempt = [&] { return m_store.write(hubWrite(actor), [operationId, how, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.operation.finish");
        if (appliedBefore(txn, command, op))
            return loadOperation(txn, operationId);
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
        service::requireUpdated(txn.exec(QStringLiteral("UPDATE hub_operations SET status = ?, updated_at = ?, version = version + 1 "
                                                        "WHERE id = ? AND version = ?"),
                                         {operationStatusId(how), txn.clock().nowMs(), operationId, before.version}),
                                operationConflict(before));
        const Operation after = loadOperation(txn, operationId);
        publishFor(txn, timelineOf(after.incidentId), OperationFinished{after});
        recordApplied(txn, command, op, QString::number(operationId));
        return after;
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.operation.finish"), command, {{QStringLiteral("id"), operationId}, {QStringLiteral("how"), operationStatusId(how)}}, {operationRecord(operationId)}, Tr::tr("Finish operation %1: %2").arg(operationId).arg(operationStatusName(how)), actor));
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
