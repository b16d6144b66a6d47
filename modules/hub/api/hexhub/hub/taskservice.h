#pragma once
// Tasks to the centres and units, and cluster operations with their task division.

#include "hexhub/hub/hub_export.h"
#include "hexhub/hub/hubdomain.h"
#include "hexhub/hub/incident.h"
#include "module/command.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hexhub {

class AuditLog;
class Outbox;
class Session;
class Sql;
class Store;
class WriteTransaction;

// Every change follows the rules of the hub's services (hubservices.h).

//! Tasks to the centres and units, and cluster operations.
struct HEXHUB_HUB_EXPORT NewTask
{
    AssigneeKind assigneeKind = AssigneeKind::Centre;
    QString assignee;
    QString title;
    QString detail;
    int priority = 3;
    qint64 startsAt = 0;
    qint64 dueAt = 0;
    QString place;
    std::optional<GeoPoint> point;
    qint64 incidentId = 0;
    QString origin; //!< the centre that asks for it (Task::origin); empty: the hub
};

class HEXHUB_HUB_EXPORT TaskService
{
public:
    //! `outbox`: where commands wait while the server is away (servicesupport.h keepWhenAway());
    //! without one, an outage fails the command.
    TaskService(Store& store, Session& session, AuditLog& audit, Outbox* outbox = nullptr);

    //! hub.task.assign. Publishes task.assigned and, with a due time, its deadline.
    QFuture<Task> issue(const NewTask& task, const CommandId& command = CommandId::make()) const;
    //! hub.task.respond.
    QFuture<Task> accept(qint64 id, const CommandId& command = CommandId::make()) const;
    //! hub.task.respond. 0 to 100 percent with a note; a report on an accepted task starts it.
    QFuture<Task> reportProgress(qint64 id, int percent, const QString& note, const CommandId& command = CommandId::make()) const;
    //! hub.task.respond.
    QFuture<Task> complete(qint64 id, const QString& note = {}, const CommandId& command = CommandId::make()) const;
    //! hub.task.respond. A reason is required.
    QFuture<Task> decline(qint64 id, const QString& reason, const CommandId& command = CommandId::make()) const;
    //! hub.task.assign.
    QFuture<Task> cancel(qint64 id, const QString& reason, const CommandId& command = CommandId::make()) const;
    //! Open tasks of one assignee (hub.task.respond or hub.incident.view), or every open task when
    //! `assignee` is empty (hub.incident.view).
    QFuture<QList<Task>> openTasks(const QString& assignee = {}) const;

    /*!
     * hub.operation.command. A cluster operation with its task division (who does what, where,
     * when) under one go time, all in one transaction; started (running) at once when `goAt` has
     * come. Audited.
     */
    QFuture<Operation> plan(const Operation& operation, const QList<NewTask>& division, const CommandId& command = CommandId::make()) const;
    //! hub.operation.command. Planned -> running; started before its go time, the go time becomes now.
    QFuture<Operation> start(qint64 operationId, const CommandId& command = CommandId::make()) const;
    //! hub.operation.command. Running -> completed (every task done, declined or cancelled) or
    //! cancelled (its open tasks are cancelled with it).
    QFuture<Operation> finish(qint64 operationId, OperationStatus how, const CommandId& command = CommandId::make()) const;
    //! hub.incident.view. The operation's tasks and how far it has got.
    QFuture<QList<Task>> operationTasks(qint64 operationId) const;
    /*!
     * hub.incident.view. The operations a supervisor follows: every planned or running one, and
     * those finished in the last `finishedWithinMs`, running first, then planned by go time, then
     * finished, newest first.
     */
    QFuture<QList<Operation>> operations(qint64 finishedWithinMs = qint64(7) * 24 * 3600 * 1000) const;
    QFuture<OperationProgress> progress(qint64 operationId) const;

    /*!
     * Operations the centres propose (proposeOperationIn()): every one awaiting review and those
     * reviewed in the last `reviewedWithinMs`, awaiting first (oldest first), then newest reviewed.
     * hub.incident.view sees all; a centre's desk holding hub.operation.propose those of `origin`
     * (its own centre, which it must name).
     */
    QFuture<QList<OperationProposal>> proposals(const QString& origin = {},
                                                qint64 reviewedWithinMs = qint64(7) * 24 * 3600 * 1000) const;
    /*!
     * hub.operation.command. Approves a proposal: plans its operation (origin kept) with the task
     * division at `goAt` (0: the go time proposed; each line starts its time after go later), in the
     * same transaction; `note` is the approver's remark; `incidentId`, for a proposal that names
     * none, the incident the operation answers (on the board when the supervisor approves: the
     * operation joins its timeline). Publishes operation.reviewed and operation.planned (or
     * started). Audited.
     */
    QFuture<OperationProposal> approve(qint64 proposalId, qint64 goAt, const QString& note = {}, qint64 incidentId = 0,
                                       const CommandId& command = CommandId::make()) const;
    //! hub.operation.command. Rejects a proposal with a reason. Publishes operation.reviewed. Audited.
    QFuture<OperationProposal> reject(qint64 proposalId, const QString& reason, const CommandId& command = CommandId::make()) const;
    /*!
     * The tasks of `ids` as they are now: hub.incident.view, or hub.task.delegate for tasks a centre
     * asked for (their origin is `origin`; the others are left out).
     */
    QFuture<QList<Task>> tasks(const QList<qint64>& ids, const QString& origin = {}) const;
    //! The operation as it is now, with the same rights as tasks().
    QFuture<Operation> operation(qint64 operationId, const QString& origin = {}) const;

private:
    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
    Outbox* m_outbox = nullptr;
};

/*!
 * For another centre's service, inside its own write transaction (an investigation's task division
 * issued with the investigation's record): issues `task` (its origin required) as `by`. The caller
 * has checked hub.task.delegate (or hub.task.assign). Publishes task.assigned and its deadline.
 */
HEXHUB_HUB_EXPORT Task issueTaskIn(WriteTransaction& txn, const NewTask& task, const QString& by);
/*!
 * For another centre's service, inside its own write transaction: proposes `proposal` (origin and
 * its record required, division validated line by line, units checked) as `by`; the caller has
 * checked hub.operation.propose. Publishes operation.proposed.
 */
HEXHUB_HUB_EXPORT OperationProposal proposeOperationIn(WriteTransaction& txn, const OperationProposal& proposal, const QString& by);
//! Withdraws a proposal still awaiting review, with a reason, for the centre that proposed it.
HEXHUB_HUB_EXPORT OperationProposal withdrawProposalIn(WriteTransaction& txn, qint64 proposalId, const QString& origin,
                                                       const QString& reason, const QString& by);
//! A unit of the registry, for another centre's service inside its transaction (NotFoundError when there is none).
HEXHUB_HUB_EXPORT Unit loadUnitIn(Sql& sql, const QString& callSign);
//! A proposal as stored (NotFoundError when there is none).
HEXHUB_HUB_EXPORT OperationProposal loadProposalIn(Sql& sql, qint64 proposalId);

} // namespace hexhub
