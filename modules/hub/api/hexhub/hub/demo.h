#pragma once

#include "hexhub/hub/hub_export.h"

#include "shared/geo.h"

#include <QList>
#include <QString>

#include <optional>

namespace hexhub {
struct SimulationShare;
class DemoContext;
class Sql;
}

/*!
 * What the other modules' demo hooks and the training engine may ask of the hub's records: the
 * hub's tables stay the hub's (no other module names them in SQL), these read them. Each takes the
 * Sql of the caller's transaction (a demo hook's DemoContext::txn(), a Store::read()).
 */
namespace hexhub::hub {

//! A unit of the hub's registry as the centres' demo data uses it.
struct HEXHUB_HUB_EXPORT UnitRef
{
    QString callSign;
    QString homeStation;
    int crewSize = 0;
};

//! An incident as a case or a demand written after it sees it.
struct HEXHUB_HUB_EXPORT IncidentBrief
{
    qint64 id = 0;
    QString category;
    QString summary;
    qint64 createdAtMs = 0;
};

//! Every unit of the registry, in call-sign order.
HEXHUB_HUB_EXPORT QList<UnitRef> registeredUnits(Sql& sql);
//! The lowest and highest incident id, or nothing when there is no incident.
HEXHUB_HUB_EXPORT std::optional<std::pair<qint64, qint64>> incidentIdRange(Sql& sql);
//! One incident's category, summary and creation time; nothing when there is no such incident.
HEXHUB_HUB_EXPORT std::optional<IncidentBrief> incidentBrief(Sql& sql, qint64 id);
//! How many incidents and units the store holds (0 when the hub's tables are not there yet).
HEXHUB_HUB_EXPORT qint64 incidentCount(Sql& sql);
HEXHUB_HUB_EXPORT qint64 unitCount(Sql& sql);
//! The table the hub keeps its incidents in: the key of a demo report's incident count.
HEXHUB_HUB_EXPORT QString incidentTable();

//! The nine cameras of a demo's video wall (stream URLs synthetic:street, :rooftop, :drone).
struct HEXHUB_HUB_EXPORT DemoCamera
{
    const char* id;
    const char* name;  //!< English; QT_TRANSLATE_NOOP("hexhub", ...) for a display
    const char* kind;  //!< fixed, ptz, body_worn, drone
    const char* url;
    GeoPoint position; //!< invalid (0, 0) for a body-worn camera
    double heading;
};
HEXHUB_HUB_EXPORT QList<DemoCamera> demoCameras();

//! The hub's demo hook (ModuleContext::setDemoData()): units, cameras, incidents, dispatches, tasks
//! and operations of the synthetic history, written before every other module's.
HEXHUB_HUB_EXPORT void writeDemoData(DemoContext& demo);
//! The hub's share of the live demo simulation (ModuleContext::setSimulationShare()): the calls of
//! the built-in taxonomy, with their weights, priorities, what callers say and how some come in.
HEXHUB_HUB_EXPORT SimulationShare simulationShare();

} // namespace hexhub::hub
