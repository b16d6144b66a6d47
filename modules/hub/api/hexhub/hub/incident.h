#pragma once

#include "shared/geo.h"
#include "hexhub/hub/hub_export.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace hexhub {

/*!
 * Where an incident is in its life (issue 5, shared domain):
 *
 *     new ──> dispatched ──> on_scene ──> resolved ──> closed
 *      │  ^       │                         │  ^
 *      │  └───────┘ (every unit recalled)   │  └ (reopened: back on scene)
 *      ├──> resolved (handled without a unit, e.g. on the phone)
 *      └──> cancelled   (also from dispatched: a false alarm)
 *
 * Closed and cancelled are final. The ids are the store's (`hub_incidents.status`).
 */
enum class IncidentStatus { New, Dispatched, OnScene, Resolved, Closed, Cancelled };

HEXHUB_HUB_EXPORT QString incidentStatusId(IncidentStatus status);
HEXHUB_HUB_EXPORT std::optional<IncidentStatus> incidentStatusFromId(const QString& id);
//! The status as people say it, in the current language.
HEXHUB_HUB_EXPORT QString incidentStatusName(IncidentStatus status);
//! Whether an incident may go from `from` to `to`.
HEXHUB_HUB_EXPORT bool canMoveIncident(IncidentStatus from, IncidentStatus to);
//! Why it may not (translated), or an empty string when it may.
HEXHUB_HUB_EXPORT QString whyIncidentCannotMove(IncidentStatus from, IncidentStatus to);

//! How an incident came in. The ids are the store's (`hub_incidents.source`).
enum class IncidentSource { Call, Video, PublicComplaint, ModelAlert, Centre };

HEXHUB_HUB_EXPORT QString incidentSourceId(IncidentSource source);
HEXHUB_HUB_EXPORT std::optional<IncidentSource> incidentSourceFromId(const QString& id);
HEXHUB_HUB_EXPORT QString incidentSourceName(IncidentSource source);

/*!
 * An incident as it travels on the bus and between modules. The reporter's contact is personal data:
 * it is never part of the JSON (a payload is journaled and seen by every desk); whoever may see it
 * reads it from the store, with a reason, audited.
 */
struct HEXHUB_HUB_EXPORT Incident
{
    qint64 id = 0;
    QString number;  //!< the human reference, e.g. 2026-000123
    IncidentStatus status = IncidentStatus::New;
    int priority = 3; //!< 1 (most urgent) to 4
    QString category; //!< from the configurable taxonomy
    IncidentSource source = IncidentSource::Call;
    QString summary;
    Location location;
    QString reporterContact; //!< personal data: not in toJson()
    QString centre = QStringLiteral("hub"); //!< module id of the centre handling it
    qint64 createdAt = 0;    //!< Clock ms
    qint64 updatedAt = 0;
    qint64 arrivedAt = 0;    //!< when the first unit arrived on scene; 0: not yet
    qint64 mergedInto = 0;   //!< the incident this one was merged into; 0: none
    qint64 version = 1;

    static bool isValidPriority(int priority) { return priority >= 1 && priority <= 4; }
    //! An incident number as people type it: the year, a dash, six digits or more ("2026-000123").
    static bool isValidNumber(const QString& text);

    QJsonObject toJson() const;
    //! Nullopt with `error` set (naming the field) when `json` is not an incident.
    static std::optional<Incident> fromJson(const QJsonObject& json, QString* error = nullptr);
};

} // namespace hexhub
