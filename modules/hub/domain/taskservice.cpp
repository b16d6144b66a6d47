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
                       "latitude, longitude, incident_id, operation_id, origin, created_by, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, 'issued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {t.assigneeKind == AssigneeKind::Unit ? QStringLiteral("unit") : QStringLiteral("centre"), t.assignee.trimmed(),
         t.title.trimmed(), t.detail.trimmed(), t.priority, nullableMs(t.startsAt), nullableMs(t.dueAt), t.place.trimmed(),
         t.point ? QVariant(t.point->latitude) : QVariant(), t.point ? QVariant(t.point->longitude) : QVariant(),
         nullableId(t.incidentId), nullableId(operationId), t.origin.isEmpty() ? QVariant() : QVariant(t.origin), by, now, now});
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

// Plans an operation with its division in `txn` as `by`: the operation and its tasks, its event.
Operation planIn(WriteTransaction& txn, const Operation& op, const QList<NewTask>& division, const QString& by)
{
    const qint64 now = txn.clock().nowMs();
    const bool goNow = op.goAt <= now;
    const qint64 id = txn.insert(
        QStringLiteral("INSERT INTO hub_operations (name, objective, status, go_at, incident_id, origin, origin_ref, created_by, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {op.name.trimmed(), op.objective.trimmed(), operationStatusId(goNow ? OperationStatus::Running : OperationStatus::Planned),
         op.goAt, nullableId(op.incidentId), op.origin.isEmpty() ? QVariant() : QVariant(op.origin),
         op.originRef.isEmpty() ? QVariant() : QVariant(op.originRef), by, now, now});
    for (NewTask task : division) {
        if (task.startsAt == 0)
            task.startsAt = op.goAt;
        if (task.incidentId == 0)
            task.incidentId = op.incidentId;
        if (task.origin.isEmpty())
            task.origin = op.origin;
        insertTask(txn, task, id, by);
    }
    const Operation saved = loadOperation(txn, id);
    if (goNow)
        publishFor(txn, timelineOf(op.incidentId), OperationStarted{saved, int(division.size())});
    else
        publishFor(txn, timelineOf(op.incidentId), OperationPlanned{saved, int(division.size())});
    return saved;
}

void validateDivision(const QList<NewTask>& division)
{
    for (qsizetype i = 0; i < division.size(); ++i) {
        try {
            validateNewTask(division.at(i));
        } catch (const ValidationError& e) {
            throw ValidationError(Tr::tr("Task %1 of the division: %2").arg(i + 1).arg(e.message()));
        }
    }
}

const QString kProposalColumns = QStringLiteral(
    "id, name, objective, go_at, incident_id, origin, origin_ref, division, status, proposed_by, proposed_at, "
    "reviewed_by, reviewed_at, review_note, operation_id, version");

OperationProposal proposalFrom(const QSqlQuery& q)
{
    OperationProposal p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.objective = q.value(2).toString();
    p.goAt = q.value(3).toLongLong();
    p.incidentId = q.value(4).toLongLong();
    p.origin = q.value(5).toString();
    p.originRef = q.value(6).toString();
    const QJsonArray lines = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).array();
    for (const QJsonValue& line : lines)
        if (const auto task = ProposedTask::fromJson(line.toObject()))
            p.division << *task;
    p.status = proposalStatusFromId(q.value(8).toString()).value_or(ProposalStatus::Proposed);
    p.proposedBy = q.value(9).toString();
    p.proposedAt = q.value(10).toLongLong();
    p.reviewedBy = q.value(11).toString();
    p.reviewedAt = q.value(12).toLongLong();
    p.reviewNote = q.value(13).toString();
    p.operationId = q.value(14).toLongLong();
    p.version = q.value(15).toLongLong();
    return p;
}

NewTask taskOfLine(const ProposedTask& line, qint64 goAt, const QString& origin)
{
    NewTask t;
    t.assigneeKind = line.assigneeKind;
    t.assignee = line.assignee;
    t.title = line.title;
    t.detail = line.detail;
    t.priority = line.priority;
    t.place = line.place;
    t.point = line.point;
    t.startsAt = goAt + line.afterGoMs;
    t.dueAt = line.forMs > 0 ? t.startsAt + line.forMs : 0;
    t.origin = origin;
    return t;
}

// Moves a proposal awaiting review to `to` at the version read; publishes operation.reviewed.
OperationProposal reviewProposal(WriteTransaction& txn, const OperationProposal& before, ProposalStatus to, const QString& note,
                                 qint64 operationId, const QString& by)
{
    service::requireUpdated(
        txn.exec(QStringLiteral("UPDATE hub_operation_proposals SET status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?, "
                                "operation_id = ?, version = version + 1 WHERE id = ? AND version = ? AND status = 'proposed'"),
                 {proposalStatusId(to), by, txn.clock().nowMs(), note.trimmed(), nullableId(operationId), before.id, before.version}),
        Tr::tr("The proposal '%1' was reviewed on another desk meanwhile; look at it again.").arg(before.name));
    const OperationProposal after = loadProposalIn(txn, before.id);
    publishFor(txn, timelineOf(after.incidentId), OperationReviewed{after});
    return after;
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
        validateDivision(division);
    } catch (...) {
        return QtFuture::makeExceptionalFuture<Operation>(std::current_exception());
    }
    auto attempt = [&] { return m_store.write(hubWrite(actor), [this, op, division, command, name = actor.name](WriteTransaction& txn) {
        const QString opName = QStringLiteral("hub.operation.plan");
        if (const auto earlier = appliedBefore(txn, command, opName))
            return loadOperation(txn, earlier->toLongLong());
        const Operation saved = planIn(txn, op, division, name);
        const qint64 id = saved.id;
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

namespace {

// Whether `actor` works at the desk of centre `origin` (its operator role; the server's centre role
// on a shared server).
bool isDeskOf(const Principal& actor, const QString& origin)
{
    return !origin.isEmpty() && actor.hasRole(origin + QStringLiteral("_operator"));
}

void validateProposal(const OperationProposal& p)
{
    requireText(p.name, Tr::tr("Give the operation a name."));
    if (p.name.trimmed().size() > 200)
        throw ValidationError(Tr::tr("Keep the operation's name to 200 characters."));
    if (p.origin.trimmed().isEmpty() || p.originRef.trimmed().isEmpty())
        throw ValidationError(Tr::tr("A proposal says which centre proposes it and from which of its records."));
    if (p.division.isEmpty())
        throw ValidationError(Tr::tr("An operation needs its task division: who does what, where, when."));
    if (p.division.size() > 500)
        throw ValidationError(Tr::tr("An operation of more than 500 tasks is several operations."));
    QList<NewTask> tasks;
    for (const ProposedTask& line : p.division) {
        if (line.afterGoMs < 0 || line.forMs < 0)
            throw ValidationError(Tr::tr("A line's time after go cannot be negative."));
        tasks << taskOfLine(line, 1, p.origin);
    }
    validateDivision(tasks);
}

} // namespace

Unit loadUnitIn(Sql& sql, const QString& callSign)
{
    return loadUnit(sql, callSign);
}

OperationProposal loadProposalIn(Sql& sql, qint64 proposalId)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kProposalColumns + QStringLiteral(" FROM hub_operation_proposals WHERE id = ?"),
                           {proposalId});
    if (!q.next())
        throw NotFoundError(Tr::tr("Operation proposal %1 does not exist.").arg(proposalId));
    return proposalFrom(q);
}

Task issueTaskIn(WriteTransaction& txn, const NewTask& task, const QString& by)
{
    if (task.origin.trimmed().isEmpty())
        throw ValidationError(Tr::tr("A task another centre asks for says which centre that is."));
    validateNewTask(task);
    return insertTask(txn, task, 0, by);
}

OperationProposal proposeOperationIn(WriteTransaction& txn, const OperationProposal& proposal, const QString& by)
{
    validateProposal(proposal);
    for (const ProposedTask& line : proposal.division)
        if (line.assigneeKind == AssigneeKind::Unit)
            loadUnit(txn, line.assignee);
    if (proposal.incidentId > 0)
        loadIncident(txn, proposal.incidentId);
    // One proposal awaiting review per record: a second replaces nothing silently.
    if (txn.scalar(QStringLiteral("SELECT id FROM hub_operation_proposals WHERE origin = ? AND origin_ref = ? AND status = 'proposed'"),
                   {proposal.origin, proposal.originRef}).isValid())
        throw ValidationError(Tr::tr("An operation proposed from %1 is awaiting review already; withdraw it first to propose another.")
                                  .arg(proposal.originRef));
    QJsonArray lines;
    for (const ProposedTask& line : proposal.division)
        lines << line.toJson();
    const qint64 now = txn.clock().nowMs();
    const qint64 id = txn.insert(
        QStringLiteral("INSERT INTO hub_operation_proposals (name, objective, go_at, incident_id, origin, origin_ref, division, status, "
                       "proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?)"),
        {proposal.name.trimmed(), proposal.objective.trimmed(), nullableMs(proposal.goAt), nullableId(proposal.incidentId),
         proposal.origin.trimmed(), proposal.originRef.trimmed(), QString::fromUtf8(QJsonDocument(lines).toJson(QJsonDocument::Compact)),
         by, now});
    const OperationProposal saved = loadProposalIn(txn, id);
    publishFor(txn, timelineOf(saved.incidentId), OperationProposed{saved});
    return saved;
}

OperationProposal withdrawProposalIn(WriteTransaction& txn, qint64 proposalId, const QString& origin, const QString& reason,
                                     const QString& by)
{
    requireText(reason, Tr::tr("Say why the proposal is withdrawn."));
    const OperationProposal before = loadProposalIn(txn, proposalId);
    if (before.origin != origin)
        throw PermissionDenied(Tr::tr("Only the centre that proposed an operation withdraws it."), QStringLiteral("hub.operation.propose"));
    if (before.status != ProposalStatus::Proposed)
        throw ValidationError(Tr::tr("The proposal '%1' is %2; only one awaiting review is withdrawn.")
                                  .arg(before.name, proposalStatusName(before.status)));
    return reviewProposal(txn, before, ProposalStatus::Withdrawn, reason, 0, by);
}

QFuture<QList<OperationProposal>> TaskService::proposals(const QString& origin, qint64 reviewedWithinMs) const
{
    const Principal actor = m_session.principal();
    try {
        if (!actor.can(QStringLiteral("hub.incident.view"))) {
            Session::require(actor, QStringLiteral("hub.operation.propose"), Tr::tr("see operation proposals"));
            if (!isDeskOf(actor, origin))
                throw PermissionDenied(Tr::tr("A centre's desk sees the proposals of its own centre."), QStringLiteral("hub.operation.propose"));
        }
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<OperationProposal>>(std::current_exception());
    }
    return m_store.read([origin, reviewedWithinMs](Sql& sql) {
        QString where = QStringLiteral("(status = 'proposed' OR reviewed_at >= ?)");
        QVariantList binds{sql.clock().nowMs() - reviewedWithinMs};
        if (!origin.isEmpty()) {
            where += QStringLiteral(" AND origin = ?");
            binds << origin;
        }
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kProposalColumns + QStringLiteral(" FROM hub_operation_proposals WHERE ") + where
                                   + QStringLiteral(" ORDER BY CASE status WHEN 'proposed' THEN 0 ELSE 1 END, "
                                                    "CASE WHEN status = 'proposed' THEN proposed_at ELSE -reviewed_at END, id LIMIT 200"),
                               binds);
        QList<OperationProposal> out;
        while (q.next())
            out << proposalFrom(q);
        return out;
    });
}

QFuture<OperationProposal> TaskService::approve(qint64 proposalId, qint64 goAt, const QString& note, qint64 incidentId,
                                               const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<OperationProposal>(m_audit, actor, QStringLiteral("hub.operation.command"), Tr::tr("approve an operation"),
                                                QStringLiteral("operation.approved"), QStringLiteral("proposal:%1").arg(proposalId)))
        return *refused;
    if (goAt < 0)
        return failNow<OperationProposal>(Tr::tr("Give the operation its go time."));
    auto attempt = [&] { return m_store.write(hubWrite(actor), [this, proposalId, goAt, note, incidentId, command, name = actor.name](WriteTransaction& txn) {
        const QString opName = QStringLiteral("hub.operation.approve");
        if (appliedBefore(txn, command, opName))
            return loadProposalIn(txn, proposalId);
        const OperationProposal before = loadProposalIn(txn, proposalId);
        if (before.status != ProposalStatus::Proposed)
            throw ValidationError(Tr::tr("The proposal '%1' is %2 already.").arg(before.name, proposalStatusName(before.status)));
        const qint64 go = goAt > 0 ? goAt : before.goAt;
        if (go <= 0)
            throw ValidationError(Tr::tr("Give the operation its go time."));
        Operation op;
        op.name = before.name;
        op.objective = before.objective;
        op.goAt = go;
        op.incidentId = before.incidentId > 0 ? before.incidentId : incidentId;
        if (op.incidentId > 0)
            loadIncident(txn, op.incidentId);
        op.origin = before.origin;
        op.originRef = before.originRef;
        QList<NewTask> division;
        for (const ProposedTask& line : before.division)
            division << taskOfLine(line, go, before.origin);
        validateDivision(division);
        const Operation planned = planIn(txn, op, division, name);
        const OperationProposal after = reviewProposal(txn, before, ProposalStatus::Approved, note, planned.id, name);
        m_audit.append(txn, {name, QStringLiteral("operation.approved"), QStringLiteral("proposal:%1").arg(proposalId),
                             QStringLiteral("operation %1 of %2 (%3), %4 tasks, go %5")
                                 .arg(planned.id).arg(before.origin, before.originRef).arg(division.size())
                                 .arg(QDateTime::fromMSecsSinceEpoch(go, Qt::UTC).toString(Qt::ISODate)),
                             QStringLiteral("success")});
        recordApplied(txn, command, opName, QString::number(proposalId));
        return after;
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.operation.approve"), command,
                                {{QStringLiteral("id"), proposalId}, {QStringLiteral("go_at"), goAt}, {QStringLiteral("note"), note},
                                 {QStringLiteral("incident"), incidentId}},
                                {QStringLiteral("proposal:%1").arg(proposalId)}, Tr::tr("Approve proposed operation %1").arg(proposalId), actor));
}

QFuture<OperationProposal> TaskService::reject(qint64 proposalId, const QString& reason, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<OperationProposal>(m_audit, actor, QStringLiteral("hub.operation.command"), Tr::tr("reject an operation"),
                                                QStringLiteral("operation.rejected"), QStringLiteral("proposal:%1").arg(proposalId)))
        return *refused;
    if (reason.trimmed().isEmpty())
        return failNow<OperationProposal>(Tr::tr("Say why the proposal is rejected."));
    auto attempt = [&] { return m_store.write(hubWrite(actor), [this, proposalId, reason, command, name = actor.name](WriteTransaction& txn) {
        const QString opName = QStringLiteral("hub.operation.reject");
        if (appliedBefore(txn, command, opName))
            return loadProposalIn(txn, proposalId);
        const OperationProposal before = loadProposalIn(txn, proposalId);
        if (before.status != ProposalStatus::Proposed)
            throw ValidationError(Tr::tr("The proposal '%1' is %2 already.").arg(before.name, proposalStatusName(before.status)));
        const OperationProposal after = reviewProposal(txn, before, ProposalStatus::Rejected, reason, 0, name);
        m_audit.append(txn, {name, QStringLiteral("operation.rejected"), QStringLiteral("proposal:%1").arg(proposalId),
                             reason.trimmed(), QStringLiteral("success")});
        recordApplied(txn, command, opName, QString::number(proposalId));
        return after;
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.operation.reject"), command,
                                {{QStringLiteral("id"), proposalId}, {QStringLiteral("reason"), reason}},
                                {QStringLiteral("proposal:%1").arg(proposalId)}, Tr::tr("Reject proposed operation %1").arg(proposalId), actor));
}

QFuture<QList<Task>> TaskService::tasks(const QList<qint64>& ids, const QString& origin) const
{
    const Principal actor = m_session.principal();
    const bool hub = actor.can(QStringLiteral("hub.incident.view"));
    try {
        if (!hub) {
            Session::require(actor, QStringLiteral("hub.task.delegate"), Tr::tr("follow the tasks a centre asked for"));
            if (!isDeskOf(actor, origin))
                throw PermissionDenied(Tr::tr("A centre's desk follows the tasks its own centre asked for."), QStringLiteral("hub.task.delegate"));
        }
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<Task>>(std::current_exception());
    }
    return m_store.read([ids, origin, hub](Sql& sql) {
        QList<Task> out;
        for (qsizetype from = 0; from < ids.size(); from += 200) {
            const QList<qint64> chunk = ids.mid(from, 200);
            QStringList marks;
            QVariantList binds;
            for (qint64 id : chunk) {
                marks << QStringLiteral("?");
                binds << id;
            }
            QString where = QStringLiteral("id IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
            if (!hub) {
                where += QStringLiteral(" AND origin = ?");
                binds << origin;
            }
            QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kTaskColumns + QStringLiteral(" FROM hub_tasks WHERE ") + where
                                       + QStringLiteral(" ORDER BY id"), binds);
            while (q.next())
                out << taskFrom(q);
        }
        return out;
    });
}

QFuture<Operation> TaskService::operation(qint64 operationId, const QString& origin) const
{
    const Principal actor = m_session.principal();
    const bool hub = actor.can(QStringLiteral("hub.incident.view"));
    try {
        if (!hub) {
            Session::require(actor, QStringLiteral("hub.operation.propose"), Tr::tr("follow an operation a centre proposed"));
            if (!isDeskOf(actor, origin))
                throw PermissionDenied(Tr::tr("A centre's desk follows the operations its own centre proposed."), QStringLiteral("hub.operation.propose"));
        }
    } catch (...) {
        return QtFuture::makeExceptionalFuture<Operation>(std::current_exception());
    }
    return m_store.read([operationId, origin, hub](Sql& sql) {
        const Operation op = loadOperation(sql, operationId);
        if (!hub && op.origin != origin)
            throw NotFoundError(Tr::tr("Operation %1 does not exist.").arg(operationId));
        return op;
    });
}

} // namespace hexhub
