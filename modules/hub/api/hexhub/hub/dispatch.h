#pragma once

#include "shared/geo.h"
#include "hexhub/hub/hub_export.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hexhub {

class RoadGraph;

//! What kind of unit it is (issue 5, unit registry).
enum class UnitKind { PatrolCar, FootPatrol, Traffic, SpecialResponse, Drone, FireLiaison, MedicalLiaison };

HEXHUB_HUB_EXPORT QString unitKindId(UnitKind kind);
HEXHUB_HUB_EXPORT std::optional<UnitKind> unitKindFromId(const QString& id);
HEXHUB_HUB_EXPORT QString unitKindName(UnitKind kind);
//! The speed a unit of this kind is reckoned to make through the district, km/h.
HEXHUB_HUB_EXPORT double unitKindSpeedKmh(UnitKind kind);

//! A skill's name in the user's language (the built-in skills; others come back as their id).
HEXHUB_HUB_EXPORT QString skillName(const QString& id);
//! The skills Hexhub knows by name, by id.
HEXHUB_HUB_EXPORT QStringList knownSkills();

//! A unit as the recommendation sees it: where it is and whether it is free.
struct HEXHUB_HUB_EXPORT UnitSnapshot
{
    QString callSign;
    UnitKind kind = UnitKind::PatrolCar;
    QStringList skills; //!< e.g. "negotiator", "air_cushion"
    bool available = false;
    std::optional<GeoPoint> position; //!< last known
};

//! One line of a run card: so many units of a kind, or with a skill, or both.
struct HEXHUB_HUB_EXPORT RunCardNeed
{
    std::optional<UnitKind> kind;
    QString skill;
    int count = 1;

    bool fits(const UnitSnapshot& unit) const;
};

//! Which units an incident category wants (a rooftop rescue: a negotiator, a drone, fire liaison
//! for the air cushion, medical standby).
struct HEXHUB_HUB_EXPORT RunCard
{
    QString category;
    QList<RunCardNeed> needs;
};

//! One recommended unit for one line of the run card, or a line that cannot be filled.
struct HEXHUB_HUB_EXPORT Recommendation
{
    int need = 0;        //!< index into RunCard::needs
    QString callSign;    //!< empty: no available unit fits
    double metres = 0;   //!< by road when `byRoad`, else in a straight line
    double seconds = 0;  //!< estimated travel time
    QString reason;      //!< translated, shown beside the recommendation
    bool byRoad = false; //!< `metres` and `seconds` were reckoned along the road graph's streets
};

//! How much longer than the straight line a way through the streets is reckoned when there is no
//! road graph to measure it on.
inline constexpr double kStreetDetour = 1.3;

/*!
 * The nearest available units that fit `card`, line by line, each unit at most once, ranked by
 * estimated travel time over the speed of the unit's kind.
 *
 * With `roads`, the distance is the way through its streets (RoadGraph::distances, one search from
 * the incident for all units). Without it, and for a unit or an incident off the road map (or not
 * connected to the other), the distance is the straight line times `detour` (streets are not
 * straight). Drones fly: always the straight line, no detour. Each reason says which it was.
 *
 * A line that cannot be filled gets an entry without a call sign that says so. Units without a
 * known position are left out (and said to be, when that leaves a line short).
 */
HEXHUB_HUB_EXPORT QList<Recommendation> recommendUnits(const RunCard& card, const GeoPoint& incident,
                                                        const QList<UnitSnapshot>& units,
                                                        double detour = kStreetDetour,
                                                        const RoadGraph* roads = nullptr);

} // namespace hexhub
