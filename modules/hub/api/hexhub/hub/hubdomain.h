#pragma once

#include "hexhub/hub/dispatch.h"
#include "shared/geo.h"
#include "hexhub/hub/hub_export.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hexhub {

// The hub's shared domain beside Incident (incident.h) and the recommendation (dispatch.h): units,
// tasks, operations and the incident categories. Every id below is the store's.

//! Where a unit is in its shift.
enum class UnitStatus { Available, EnRoute, OnScene, Busy, OffDuty };

HEXHUB_HUB_EXPORT QString unitStatusId(UnitStatus status);
HEXHUB_HUB_EXPORT std::optional<UnitStatus> unitStatusFromId(const QString& id);
HEXHUB_HUB_EXPORT QString unitStatusName(UnitStatus status);

//! A unit in the registry: patrol car, foot patrol, traffic, special response, drone, liaison.
struct HEXHUB_HUB_EXPORT Unit
{
    QString callSign;
    UnitKind kind = UnitKind::PatrolCar;
    UnitStatus status = UnitStatus::Available;
    QString homeStation;
    int crewSize = 1;
    QStringList skills;
    std::optional<GeoPoint> position; //!< last known
    qint64 positionAt = 0;            //!< Clock ms of that position
    qint64 incidentId = 0;            //!< the incident it is assigned to; 0: none
    qint64 statusSince = 0;           //!< Clock ms
    qint64 version = 1;

    //! What the recommendation needs to know of it.
    UnitSnapshot snapshot() const;
    QJsonObject toJson() const;
    static std::optional<Unit> fromJson(const QJsonObject& json, QString* error = nullptr);
    //! A call sign is 2 to 16 letters, digits, '-' or '/', starting with a letter or digit.
    static bool isValidCallSign(const QString& callSign);
};

//! Where a task is. Issued -> accepted -> in progress -> done; declined (with a reason) or cancelled
//! (by the hub) before it is done.
enum class TaskStatus { Issued, Accepted, InProgress, Done, Declined, Cancelled };

HEXHUB_HUB_EXPORT QString taskStatusId(TaskStatus status);
HEXHUB_HUB_EXPORT std::optional<TaskStatus> taskStatusFromId(const QString& id);
HEXHUB_HUB_EXPORT QString taskStatusName(TaskStatus status);
HEXHUB_HUB_EXPORT bool canMoveTask(TaskStatus from, TaskStatus to);
HEXHUB_HUB_EXPORT QString whyTaskCannotMove(TaskStatus from, TaskStatus to);

//! Who a task goes to: a centre (its module id) or a unit (its call sign).
enum class AssigneeKind { Centre, Unit };

//! A task the hub hands to a centre or a unit; within an operation, one line of its task division.
struct HEXHUB_HUB_EXPORT Task
{
    qint64 id = 0;
    AssigneeKind assigneeKind = AssigneeKind::Centre;
    QString assignee;
    QString title;
    QString detail;
    int priority = 3;
    TaskStatus status = TaskStatus::Issued;
    int progress = 0;       //!< percent
    QString progressNote;
    QString declineReason;
    qint64 startsAt = 0;    //!< Clock ms; 0: none (within an operation: when)
    qint64 dueAt = 0;       //!< Clock ms; 0: none
    QString place;          //!< within an operation: where
    std::optional<GeoPoint> point;
    qint64 incidentId = 0;
    qint64 operationId = 0;
    //! The centre that asked for it (an investigation's task division: "criminal_intel"); empty:
    //! the hub's own. That centre's desks follow it as well as the assignee's.
    QString origin;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 version = 1;

    bool isOpen() const;
    QJsonObject toJson() const;
    static std::optional<Task> fromJson(const QJsonObject& json, QString* error = nullptr);
};

enum class OperationStatus { Planned, Running, Completed, Cancelled };

HEXHUB_HUB_EXPORT QString operationStatusId(OperationStatus status);
HEXHUB_HUB_EXPORT std::optional<OperationStatus> operationStatusFromId(const QString& id);
HEXHUB_HUB_EXPORT QString operationStatusName(OperationStatus status);

//! A cluster operation: many tasks across units under one go time.
struct HEXHUB_HUB_EXPORT Operation
{
    qint64 id = 0;
    QString name;
    QString objective;
    OperationStatus status = OperationStatus::Planned;
    qint64 goAt = 0; //!< Clock ms
    qint64 incidentId = 0;
    //! The centre whose proposal it was approved from, and its record there ("investigation:12");
    //! empty: planned at the hub.
    QString origin;
    QString originRef;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 version = 1;

    QJsonObject toJson() const;
    static std::optional<Operation> fromJson(const QJsonObject& json, QString* error = nullptr);
};

/*!
 * One line of a proposed operation's task division: who does what, where, and when after the go
 * time the supervisor fixes on approval.
 */
struct HEXHUB_HUB_EXPORT ProposedTask
{
    AssigneeKind assigneeKind = AssigneeKind::Unit;
    QString assignee;
    QString title;          //!< the action
    QString detail;
    int priority = 2;
    QString place;
    std::optional<GeoPoint> point;
    qint64 afterGoMs = 0;   //!< starts this long after go
    qint64 forMs = 0;       //!< due this long after it starts; 0: no due time

    QJsonObject toJson() const;
    static std::optional<ProposedTask> fromJson(const QJsonObject& json, QString* error = nullptr);
};

//! Proposed -> approved (an operation planned from it) or rejected with a reason, or withdrawn by
//! the centre that proposed it.
enum class ProposalStatus { Proposed, Approved, Rejected, Withdrawn };

HEXHUB_HUB_EXPORT QString proposalStatusId(ProposalStatus status);
HEXHUB_HUB_EXPORT std::optional<ProposalStatus> proposalStatusFromId(const QString& id);
HEXHUB_HUB_EXPORT QString proposalStatusName(ProposalStatus status);

/*!
 * A cluster operation a centre proposes (criminal intelligence, from an investigation's targets):
 * the hub supervisor reviews it and approves it with a go time, which plans the operation with its
 * task division, or rejects it with a reason.
 */
struct HEXHUB_HUB_EXPORT OperationProposal
{
    qint64 id = 0;
    QString name;
    QString objective;
    qint64 goAt = 0;        //!< the go time suggested (Clock ms); 0: none, the supervisor sets it
    qint64 incidentId = 0;
    QString origin;         //!< the proposing centre's module id
    QString originRef;      //!< its record there ("investigation:12")
    QList<ProposedTask> division;
    ProposalStatus status = ProposalStatus::Proposed;
    QString proposedBy;
    qint64 proposedAt = 0;
    QString reviewedBy;
    qint64 reviewedAt = 0;
    QString reviewNote;     //!< the reason of a rejection or a withdrawal, the approver's remark
    qint64 operationId = 0; //!< the operation approval planned
    qint64 version = 1;

    QJsonObject toJson() const;
    static std::optional<OperationProposal> fromJson(const QJsonObject& json, QString* error = nullptr);
};

//! How far an operation has got: its tasks by state.
struct HEXHUB_HUB_EXPORT OperationProgress
{
    int total = 0;
    int done = 0;
    int inProgress = 0;
    int accepted = 0;
    int issued = 0;
    int declined = 0;
    int cancelled = 0;
    //! Percent of the tasks that still count (not cancelled) that are done.
    int percentDone() const;
};

/*!
 * An incident category from the configurable taxonomy (`hub_categories`): the response target (first
 * unit on scene), the limit for a unit on scene, the run card and the playbook.
 *
 * Run card JSON: `[{"kind": "drone", "skill": "negotiator", "count": 1}, ...]` (kind and/or skill).
 * Playbook JSON: `["step", ...]`.
 */
struct HEXHUB_HUB_EXPORT IncidentCategory
{
    QString id;
    QString name;                //!< as stored (English for the built-in ones)
    qint64 responseTargetMs = 0;
    qint64 onSceneLimitMs = 0;
    RunCard runCard;
    QStringList playbook;
    int sortOrder = 100;
    qint64 version = 0;          //!< raised by each change; 0 for one not saved yet
    int defaultPriority = 3;     //!< what the new-incident form proposes when the category is chosen
    QString keywords;            //!< words of a caller's account that suggest it, comma separated, as stored

    //! The keywords as stored and, for built-in ones, in the user's language, folded to lower case.
    QStringList keywordList() const;

    //! The name in the user's language: built-in names are translated, others shown as stored.
    QString displayName() const;
    //! A playbook step in the user's language, the same way.
    QString displayStep(int index) const;

    static std::optional<RunCard> runCardFromJson(const QString& category, const QJsonArray& json,
                                                  QString* error = nullptr);
    static QJsonArray runCardToJson(const RunCard& card);
};

//! A category suggested by the words of a caller's account, and the words that suggested it.
struct HEXHUB_HUB_EXPORT CategorySuggestion
{
    QString category;       //!< empty when no category's words are in the text, or two tie
    QStringList matched;    //!< the keywords found, as they are in the category
};

/*!
 * The category whose keywords (and name) occur most in `summary`: a keyword in Latin letters counts
 * at the start of a word, one in Chinese anywhere. Nothing when none occurs or the best two tie: a
 * suggestion is shown to the call-taker with its words, never taken for them.
 */
HEXHUB_HUB_EXPORT CategorySuggestion suggestCategory(const QList<IncidentCategory>& categories, const QString& summary);

//! Translates a name or step of the built-in taxonomy; other text comes back as it is.
HEXHUB_HUB_EXPORT QString translateTaxonomyText(const QString& english);

} // namespace hexhub
