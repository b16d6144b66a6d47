#pragma once
// The hub's events as typed payloads (ARCHITECTURE.md 2): what the hub publishes on the bus, for
// any module, the training engine and the review to subscribe to with ModuleContext::subscribe<T>()
// or read back with eventAs<T>(). Each has its topic, a schema version, toJson() and fromJson();
// fromJson() answers nothing for a payload that is not one (a wrong topic's, a damaged row's).
// Personal data never travels on the bus: an Incident's reporter contact is not in its JSON.

#include "hexhub/hub/hub_export.h"
#include "hexhub/hub/hubdomain.h"
#include "hexhub/hub/incident.h"
#include "shared/geo.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace hexhub {

//! `incident.created`: a new incident, as created (its reporter left out).
struct HEXHUB_HUB_EXPORT IncidentCreated
{
    static constexpr auto kTopic = "incident.created";
    static constexpr int kSchemaVersion = 1;
    Incident incident;

    QJsonObject toJson() const;
    static std::optional<IncidentCreated> fromJson(const QJsonObject& json);
};

//! `incident.updated`: an incident's details changed; `changed` names the fields.
struct HEXHUB_HUB_EXPORT IncidentUpdated
{
    static constexpr auto kTopic = "incident.updated";
    static constexpr int kSchemaVersion = 1;
    Incident incident;
    QStringList changed;

    QJsonObject toJson() const;
    static std::optional<IncidentUpdated> fromJson(const QJsonObject& json);
};

//! `incident.status`: an incident moved from one status to another, with the reason given.
struct HEXHUB_HUB_EXPORT IncidentStatusChanged
{
    static constexpr auto kTopic = "incident.status";
    static constexpr int kSchemaVersion = 1;
    qint64 incidentId = 0;
    QString number;
    IncidentStatus from = IncidentStatus::New;
    IncidentStatus to = IncidentStatus::New;
    QString reason;

    QJsonObject toJson() const;
    static std::optional<IncidentStatusChanged> fromJson(const QJsonObject& json);
};

//! `incident.note`: a note added to an incident.
struct HEXHUB_HUB_EXPORT IncidentNoteAdded
{
    static constexpr auto kTopic = "incident.note";
    static constexpr int kSchemaVersion = 1;
    qint64 incidentId = 0;
    QString number;
    QString text;

    QJsonObject toJson() const;
    static std::optional<IncidentNoteAdded> fromJson(const QJsonObject& json);
};

/*!
 * `incident.referred`: an incident sent to a centre to take in as its own record (to criminal
 * intelligence as a lead, `to` = "criminal_intel"), with what the sender asks it to look at. The
 * receiving centre takes it in, in the same transaction (its reaction), and links the incident to
 * what it made (`incident.linked`).
 */
struct HEXHUB_HUB_EXPORT IncidentReferred
{
    static constexpr auto kTopic = "incident.referred";
    static constexpr int kSchemaVersion = 1;
    qint64 incidentId = 0;
    QString number;
    QString to;
    QString note;

    QJsonObject toJson() const;
    static std::optional<IncidentReferred> fromJson(const QJsonObject& json);
};

//! `incident.linked`: an incident linked to a lead, a case, a complaint or another incident.
struct HEXHUB_HUB_EXPORT IncidentLinked
{
    static constexpr auto kTopic = "incident.linked";
    static constexpr int kSchemaVersion = 1;
    qint64 incidentId = 0;
    QString number;
    QString kind;
    QString ref;

    QJsonObject toJson() const;
    static std::optional<IncidentLinked> fromJson(const QJsonObject& json);
};

//! `incident.step`: a playbook step ticked (or unticked).
struct HEXHUB_HUB_EXPORT PlaybookStepTicked
{
    static constexpr auto kTopic = "incident.step";
    static constexpr int kSchemaVersion = 1;
    qint64 incidentId = 0;
    QString number;
    int step = 0;
    QString text;
    bool ticked = true;

    QJsonObject toJson() const;
    static std::optional<PlaybookStepTicked> fromJson(const QJsonObject& json);
};

//! `incident.dispatched`: units sent to an incident, by call sign.
struct HEXHUB_HUB_EXPORT UnitsDispatched
{
    static constexpr auto kTopic = "incident.dispatched";
    static constexpr int kSchemaVersion = 1;
    qint64 incidentId = 0;
    QString number;
    QStringList units;

    QJsonObject toJson() const;
    static std::optional<UnitsDispatched> fromJson(const QJsonObject& json);
};

//! `incident.unit_arrived`: a unit on scene.
struct HEXHUB_HUB_EXPORT UnitArrived
{
    static constexpr auto kTopic = "incident.unit_arrived";
    static constexpr int kSchemaVersion = 1;
    qint64 incidentId = 0;
    QString number;
    QString unit;

    QJsonObject toJson() const;
    static std::optional<UnitArrived> fromJson(const QJsonObject& json);
};

//! `incident.unit_cleared`: a unit left the incident and is available.
struct HEXHUB_HUB_EXPORT UnitCleared
{
    static constexpr auto kTopic = "incident.unit_cleared";
    static constexpr int kSchemaVersion = 1;
    qint64 incidentId = 0;
    QString number;
    QString unit;

    QJsonObject toJson() const;
    static std::optional<UnitCleared> fromJson(const QJsonObject& json);
};

//! `incident.merged`: a duplicate cancelled into the incident that stays.
struct HEXHUB_HUB_EXPORT IncidentsMerged
{
    static constexpr auto kTopic = "incident.merged";
    static constexpr int kSchemaVersion = 1;
    qint64 keep = 0;
    QString keepNumber;
    qint64 duplicate = 0;
    QString duplicateNumber;

    QJsonObject toJson() const;
    static std::optional<IncidentsMerged> fromJson(const QJsonObject& json);
};

//! `unit.status`: a unit's status changed; `incidentId` is the incident it went to or left (0: none).
struct HEXHUB_HUB_EXPORT UnitStatusChanged
{
    static constexpr auto kTopic = "unit.status";
    static constexpr int kSchemaVersion = 1;
    QString unit;
    UnitStatus from = UnitStatus::Available;
    UnitStatus to = UnitStatus::Available;
    qint64 incidentId = 0;

    QJsonObject toJson() const;
    static std::optional<UnitStatusChanged> fromJson(const QJsonObject& json);
};

//! `unit.registered`: a unit added to the registry or changed there.
struct HEXHUB_HUB_EXPORT UnitRegistered
{
    static constexpr auto kTopic = "unit.registered";
    static constexpr int kSchemaVersion = 1;
    Unit unit;

    QJsonObject toJson() const;
    static std::optional<UnitRegistered> fromJson(const QJsonObject& json);
};

//! `unit.position`: a unit's last known position, reported at `at` (Clock ms).
struct HEXHUB_HUB_EXPORT UnitMoved
{
    static constexpr auto kTopic = "unit.position";
    static constexpr int kSchemaVersion = 1;
    QString unit;
    GeoPoint point;
    qint64 at = 0;

    QJsonObject toJson() const;
    static std::optional<UnitMoved> fromJson(const QJsonObject& json);
};

//! `task.assigned`: a task issued to a centre or a unit; a centre subscribes to take it up.
struct HEXHUB_HUB_EXPORT TaskAssigned
{
    static constexpr auto kTopic = "task.assigned";
    static constexpr int kSchemaVersion = 1;
    Task task;

    QJsonObject toJson() const;
    static std::optional<TaskAssigned> fromJson(const QJsonObject& json);
};

//! `task.updated`: a task accepted, reported on, done, declined or cancelled.
struct HEXHUB_HUB_EXPORT TaskUpdated
{
    static constexpr auto kTopic = "task.updated";
    static constexpr int kSchemaVersion = 1;
    Task task;

    QJsonObject toJson() const;
    static std::optional<TaskUpdated> fromJson(const QJsonObject& json);
};

//! `operation.planned`: a cluster operation planned with its task division of `tasks` tasks.
struct HEXHUB_HUB_EXPORT OperationPlanned
{
    static constexpr auto kTopic = "operation.planned";
    static constexpr int kSchemaVersion = 1;
    Operation operation;
    int tasks = 0;

    QJsonObject toJson() const;
    static std::optional<OperationPlanned> fromJson(const QJsonObject& json);
};

//! `operation.started`: an operation running; planned with its go time come, `tasks` is its division's size.
struct HEXHUB_HUB_EXPORT OperationStarted
{
    static constexpr auto kTopic = "operation.started";
    static constexpr int kSchemaVersion = 1;
    Operation operation;
    int tasks = -1; //!< -1: started later than planned (see operation.planned for the division)

    QJsonObject toJson() const;
    static std::optional<OperationStarted> fromJson(const QJsonObject& json);
};

//! `operation.finished`: an operation completed or cancelled.
struct HEXHUB_HUB_EXPORT OperationFinished
{
    static constexpr auto kTopic = "operation.finished";
    static constexpr int kSchemaVersion = 1;
    Operation operation;

    QJsonObject toJson() const;
    static std::optional<OperationFinished> fromJson(const QJsonObject& json);
};

//! `operation.proposed`: a centre proposed a cluster operation for the hub supervisor's review.
struct HEXHUB_HUB_EXPORT OperationProposed
{
    static constexpr auto kTopic = "operation.proposed";
    static constexpr int kSchemaVersion = 1;
    OperationProposal proposal;

    QJsonObject toJson() const;
    static std::optional<OperationProposed> fromJson(const QJsonObject& json);
};

//! `operation.reviewed`: a proposal approved (its operation planned), rejected or withdrawn.
struct HEXHUB_HUB_EXPORT OperationReviewed
{
    static constexpr auto kTopic = "operation.reviewed";
    static constexpr int kSchemaVersion = 1;
    OperationProposal proposal;

    QJsonObject toJson() const;
    static std::optional<OperationReviewed> fromJson(const QJsonObject& json);
};

//! `category.saved`: a category of the taxonomy added or changed.
struct HEXHUB_HUB_EXPORT CategorySaved
{
    static constexpr auto kTopic = "category.saved";
    static constexpr int kSchemaVersion = 1;
    IncidentCategory category;

    QJsonObject toJson() const;
    static std::optional<CategorySaved> fromJson(const QJsonObject& json);
};

} // namespace hexhub
