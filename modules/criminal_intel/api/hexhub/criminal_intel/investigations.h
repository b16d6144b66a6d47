#pragma once
// Joint investigations (issue 21 section 3): an investigation groups leads, entities and charts,
// has members from several centres and units, hands out its task division as hub tasks (each line
// followed here as the hub reports it), keeps a daily progress report and its own timeline, and
// proposes a cluster operation to the hub from its targets (one line per target: the unit, the
// action, the place, the time after go), which the hub supervisor approves or rejects; what the hub
// reports on the operation comes back on the timeline. Intelligence packages: a PDF per target for
// the unit that acts, personal data masked unless the recipient's role may see it.
// Every change goes through InvestigationService (ARCHITECTURE.md 3a).
#include "hexhub/criminal_intel/criminal_intel_export.h"
#include "hexhub/criminal_intel/entities.h"

#include "hexhub/hub/hubdomain.h"
#include "module/command.h"
#include "shared/geo.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hexhub {
class AuditLog;
class Outbox;
class Event;
class Session;
class Store;
class WriteTransaction;
} // namespace hexhub

namespace hexhub::criminalintel {

enum class InvestigationStatus { Open, Suspended, Closed };
HEXHUB_CRIMINAL_INTEL_EXPORT QString investigationStatusKey(InvestigationStatus status);
HEXHUB_CRIMINAL_INTEL_EXPORT std::optional<InvestigationStatus> investigationStatusFromKey(const QString& key);
HEXHUB_CRIMINAL_INTEL_EXPORT QString investigationStatusName(InvestigationStatus status);

struct HEXHUB_CRIMINAL_INTEL_EXPORT Investigation
{
    qint64 id = 0;
    QString title, summary;
    qint64 leadId = 0; //!< the lead it was opened from
    InvestigationStatus status = InvestigationStatus::Open;
    QString statusReason;
    QString openedBy;
    qint64 openedAt = 0, updatedAt = 0;
    qint64 proposalId = 0;  //!< the hub's operation proposal, once proposed
    qint64 operationId = 0; //!< the hub operation approved from it
    int version = 1;
    // Counts for lists.
    int leads = 0, members = 0, lines = 0, openLines = 0, targets = 0, charts = 0;
    QString lastReportDay; //!< yyyy-MM-dd of the latest progress report; empty: none yet
    qint64 latestChart = 0; //!< the chart saved with it most recently; 0: none
};

//! A centre's name in the language in use ("basic_control": "Basic control"); another id as it is.
HEXHUB_CRIMINAL_INTEL_EXPORT QString centreName(const QString& id);

enum class MemberKind { Centre, Unit, Analyst };
HEXHUB_CRIMINAL_INTEL_EXPORT QString memberKindKey(MemberKind kind);
HEXHUB_CRIMINAL_INTEL_EXPORT std::optional<MemberKind> memberKindFromKey(const QString& key);
HEXHUB_CRIMINAL_INTEL_EXPORT QString memberKindName(MemberKind kind);

struct HEXHUB_CRIMINAL_INTEL_EXPORT InvestigationMember
{
    qint64 id = 0;
    MemberKind kind = MemberKind::Unit;
    QString member; //!< a centre's module id, a unit's call sign, an analyst's user name
    QString role;   //!< "lead analyst", "surveillance", in the members' words
    QString addedBy;
    qint64 addedAt = 0;
};

//! One line of the task division: who does what, where, by when, as the hub task it became.
struct HEXHUB_CRIMINAL_INTEL_EXPORT DivisionLine
{
    qint64 id = 0;
    AssigneeKind assigneeKind = AssigneeKind::Unit;
    QString assignee, assignment, place;
    qint64 startsAt = 0, dueAt = 0;
    qint64 taskId = 0;       //!< the hub task; 0 for lines from before tasks were issued
    QString taskStatus;      //!< the hub task's status as last reported (taskStatusId)
    int progress = 0;
    QString progressNote;
    bool done = false;
    QString createdBy;
    qint64 createdAt = 0;
};

struct HEXHUB_CRIMINAL_INTEL_EXPORT NewDivisionLine
{
    AssigneeKind assigneeKind = AssigneeKind::Unit;
    QString assignee;   //!< a unit's call sign or a centre's module id
    QString assignment; //!< what to do (the hub task's title)
    QString detail;
    QString place;
    qint64 startsAt = 0, dueAt = 0;
    int priority = 3;
};

//! Who acts on a target when the investigation becomes a cluster operation.
struct HEXHUB_CRIMINAL_INTEL_EXPORT InvestigationTarget
{
    qint64 id = 0;
    qint64 entityId = 0;
    QString entityKind;     //!< entityKindKey
    QString entityLabel;    //!< masked
    AssigneeKind assigneeKind = AssigneeKind::Unit;
    QString assignee, action, place;
    std::optional<GeoPoint> point;
    int afterGoMinutes = 0;
    QString note;
    int version = 1;
};

struct HEXHUB_CRIMINAL_INTEL_EXPORT ProgressReport
{
    qint64 id = 0;
    QString day; //!< yyyy-MM-dd (UTC, the Clock's)
    QString author, body;
    qint64 createdAt = 0, updatedAt = 0;
    int version = 1;
};

/*!
 * One entry of the investigation's timeline. `kind`: opened, status, lead_joined, member_added,
 * member_removed, line_issued, task (the hub reported on a line's task), target_set, targets_set
 * (many at once), target_removed, report, proposed, withdrawn, reviewed (approved or rejected at the hub),
 * operation (the hub reported on its operation: started, finished). `data` as the kind has it.
 */
struct HEXHUB_CRIMINAL_INTEL_EXPORT TimelineEntry
{
    qint64 id = 0;
    qint64 at = 0;
    QString actor, kind;
    QJsonObject data;
    //! The entry in words, in the language in use.
    QString text() const;
};

//! `investigation.changed`: an investigation opened or changed (`change` says what: the timeline kind).
struct HEXHUB_CRIMINAL_INTEL_EXPORT InvestigationChanged
{
    static constexpr auto kTopic = "investigation.changed";
    static constexpr int kSchemaVersion = 1;
    qint64 investigation = 0;
    QString change;
    QJsonObject toJson() const;
    static std::optional<InvestigationChanged> fromJson(const QJsonObject& json);
};

//! An intelligence package for the unit that acts on one target: its content; the desk writes it as a PDF.
struct HEXHUB_CRIMINAL_INTEL_EXPORT IntelPackage
{
    struct Linked
    {
        QString relation;   //!< relationName, in the language in use
        bool outgoing = true;
        QString kind;       //!< entityKindName
        QString label;      //!< masked unless personalDataShown
        QString confidence; //!< linkConfidenceName
        QString source;     //!< where the link came from
    };
    qint64 investigationId = 0, targetId = 0;
    QString investigationTitle;
    AssigneeKind recipientKind = AssigneeKind::Unit;
    QString recipient;              //!< the target line's assignee
    bool personalDataShown = false; //!< the recipient's role may see personal data
    QString targetKind, targetLabel;
    QJsonObject targetAttributes;
    QString action, place;
    int afterGoMinutes = 0;
    QStringList handling;           //!< each lead's reference, grade and handling conditions
    QStringList leads;              //!< each lead's reference and summary
    QList<Linked> linked;
    QString fileName;               //!< suggested: "package-<investigation>-<target>.pdf"
};

class HEXHUB_CRIMINAL_INTEL_EXPORT InvestigationService
{
public:
    static constexpr auto kViewPermission = "criminal_intel.lead.view";
    static constexpr auto kManagePermission = "criminal_intel.investigation.manage";

    //! `outbox`: where the commands wait while the server is away (offline.h); none: an outage fails them.
    InvestigationService(Store& store, Session& session, AuditLog& audit, Outbox* outbox = nullptr);
    Q_DISABLE_COPY_MOVE(InvestigationService)

    //! criminal_intel.lead.view. Investigations, open and suspended first, newest first; `status` empty: all.
    QFuture<QList<Investigation>> investigations(const QString& status = {}, int limit = 500) const;
    QFuture<Investigation> investigation(qint64 id) const;
    /*!
     * criminal_intel.investigation.manage. Opens an investigation from `leads` (the first is the one
     * it is opened from; each joins it unless it is in another already), the opener its first
     * member. Publishes investigation.opened.
     */
    QFuture<Investigation> open(const QString& title, const QString& summary, const QList<qint64>& leads,
                                const CommandId& command = CommandId::make()) const;
    //! criminal_intel.investigation.manage. Suspends, reopens or closes with a reason.
    QFuture<Investigation> setStatus(qint64 id, int version, InvestigationStatus status, const QString& reason,
                                     const CommandId& command = CommandId::make()) const;
    //! criminal_intel.investigation.manage. A lead joins (a lead in another investigation is refused).
    QFuture<Investigation> joinLead(qint64 id, qint64 lead, const CommandId& command = CommandId::make()) const;

    QFuture<QList<InvestigationMember>> members(qint64 id) const;
    //! criminal_intel.investigation.manage. A unit must be in the hub's registry.
    QFuture<InvestigationMember> addMember(qint64 id, MemberKind kind, const QString& member, const QString& role,
                                           const CommandId& command = CommandId::make()) const;
    QFuture<qint64> removeMember(qint64 id, qint64 memberId, const QString& reason, const CommandId& command = CommandId::make()) const;

    QFuture<QList<DivisionLine>> division(qint64 id) const;
    /*!
     * criminal_intel.investigation.manage and hub.task.delegate. Issues the line as a hub task (its
     * origin this centre) in the same transaction; a line to a unit or centre that is not a member
     * makes it one. Progress the hub reports comes back on the line and the timeline.
     */
    QFuture<DivisionLine> divide(qint64 id, const NewDivisionLine& line, const CommandId& command = CommandId::make()) const;

    QFuture<QList<InvestigationTarget>> targets(qint64 id) const;
    //! criminal_intel.lead.view. What may be a target: the entities of its leads (masked), not merged, at most 500.
    QFuture<QList<Entity>> candidates(qint64 id) const;
    //! criminal_intel.investigation.manage. One line per target entity (set again: changed at the version read).
    QFuture<InvestigationTarget> setTarget(qint64 id, const InvestigationTarget& target, const CommandId& command = CommandId::make()) const;
    QFuture<qint64> removeTarget(qint64 id, qint64 targetId, const QString& reason, const CommandId& command = CommandId::make()) const;
    /*!
     * criminal_intel.investigation.manage. Many targets at once, for a cluster operation of many
     * suspects: each of `entities` not yet a target gets a line, the `assignees` (units by call
     * sign, or centres) taken in turn, all with `action` at `afterGoMinutes`. One transaction; the
     * number of targets added.
     */
    QFuture<int> setTargets(qint64 id, const QList<qint64>& entities, AssigneeKind kind, const QStringList& assignees, const QString& action,
                            int afterGoMinutes, const CommandId& command = CommandId::make()) const;

    QFuture<QList<ProgressReport>> reports(qint64 id, int limit = 60) const;
    //! criminal_intel.investigation.manage. Today's report by the signed-in analyst (again today: replaced).
    QFuture<ProgressReport> report(qint64 id, const QString& body, const CommandId& command = CommandId::make()) const;

    //! criminal_intel.lead.view. The timeline, oldest first, at most `limit` of the latest.
    QFuture<QList<TimelineEntry>> timeline(qint64 id, int limit = 500) const;

    /*!
     * criminal_intel.investigation.manage and hub.operation.propose. Proposes a cluster operation to
     * the hub from the targets (one line per target), with the go time suggested (0: the supervisor
     * sets it). One proposal awaits review at a time.
     */
    QFuture<OperationProposal> proposeOperation(qint64 id, const QString& name, const QString& objective, qint64 goAt,
                                                const CommandId& command = CommandId::make()) const;
    QFuture<OperationProposal> withdrawProposal(qint64 id, const QString& reason, const CommandId& command = CommandId::make()) const;

    /*!
     * criminal_intel.investigation.manage. The intelligence package for each target (or the one of
     * `targetId`): what is known of the target, the entities linked to it, the handling conditions
     * of the investigation's leads, personal data masked unless the recipient's role (a unit's:
     * basic control's operators; a centre's: its operators) may reveal it, in which case `reason`
     * is required and the reveal is audited. The desk writes each as a PDF (writeIntelPackage()).
     */
    QFuture<QList<IntelPackage>> packages(qint64 id, qint64 targetId = 0, const QString& reason = {}) const;

private:
    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
    Outbox* m_outbox = nullptr;
};

namespace detail {
//! Reaction to the hub's task.updated, operation.started/finished and operation.reviewed: what it
//! says of this centre's tasks, operation or proposal goes on the investigation's line and timeline.
HEXHUB_CRIMINAL_INTEL_EXPORT void followHubProgress(WriteTransaction& txn, const Event& event);
} // namespace detail

} // namespace hexhub::criminalintel
