// Unit recommendation: the nearest available units that fit the run card, ranked by travel time,
// each unit once, with a reason; what cannot be filled is said.
#include "testsupport.h"

#include "dispatch.h"

#include <catch2/catch.hpp>

using namespace hexhub;

namespace {

// About 111 m per 0.001 degree of latitude.
GeoPoint north(double km)
{
    return GeoPoint{31.2 + km / 111.195, 121.5};
}

UnitSnapshot unit(const QString& callSign, UnitKind kind, double kmNorth, QStringList skills = {}, bool available = true)
{
    return UnitSnapshot{callSign, kind, std::move(skills), available, north(kmNorth)};
}

} // namespace

TEST_CASE("The rooftop rescue's run card gets the nearest fitting units, ranked by travel time", "[dispatch][domain]")
{
    const GeoPoint incident = north(0);
    const RunCard rooftop{QStringLiteral("rooftop_rescue"),
                          {RunCardNeed{std::nullopt, QStringLiteral("negotiator"), 1},
                           RunCardNeed{UnitKind::Drone, QString(), 1},
                           RunCardNeed{UnitKind::FireLiaison, QString(), 1},
                           RunCardNeed{UnitKind::MedicalLiaison, QString(), 1},
                           RunCardNeed{UnitKind::PatrolCar, QString(), 2}}};
    const QList<UnitSnapshot> units{
        unit(QStringLiteral("P-11"), UnitKind::PatrolCar, 1.0),
        unit(QStringLiteral("P-12"), UnitKind::PatrolCar, 3.0, {QStringLiteral("negotiator")}),
        unit(QStringLiteral("P-13"), UnitKind::PatrolCar, 0.5, {}, false), // busy: never chosen
        unit(QStringLiteral("P-14"), UnitKind::PatrolCar, 2.0),
        unit(QStringLiteral("F-2"), UnitKind::FootPatrol, 0.8, {QStringLiteral("negotiator")}),
        unit(QStringLiteral("D-1"), UnitKind::Drone, 6.0),
        unit(QStringLiteral("D-2"), UnitKind::Drone, 9.0),
        unit(QStringLiteral("FL-1"), UnitKind::FireLiaison, 4.0),
    };
    const QList<Recommendation> r = recommendUnits(rooftop, incident, units);
    REQUIRE(r.size() == 6);
    // Negotiator: the foot patrol 0.8 km off walks it in ~12 min; the car 3 km off drives it in ~6.
    CHECK(r[0].need == 0);
    CHECK(r[0].callSign == QStringLiteral("P-12"));
    CHECK(r[0].seconds == Approx(3000 * 1.3 / (40 / 3.6)).epsilon(0.01));
    CHECK(r[0].reason == QStringLiteral("a unit with negotiator: nearest available patrol car, 3.0 km away, about 6 min"));
    CHECK(r[1].callSign == QStringLiteral("D-1"));
    CHECK(r[2].callSign == QStringLiteral("FL-1"));
    // Nobody for medical standby: said, not skipped.
    CHECK(r[3].need == 3);
    CHECK(r[3].callSign.isEmpty());
    CHECK(r[3].reason == QStringLiteral("medical liaison: 1 more wanted, no available unit fits"));
    // Two patrol cars: P-12 went as negotiator, P-13 is busy, so P-11 and P-14, nearest first.
    CHECK(r[4].callSign == QStringLiteral("P-11"));
    CHECK(r[5].callSign == QStringLiteral("P-14"));
    CHECK(r[4].seconds < r[5].seconds);
}

TEST_CASE("Recommendation: ties, units without a position, and an empty card", "[dispatch][domain]")
{
    const GeoPoint incident = north(0);
    const RunCard twoCars{QStringLiteral("traffic_accident"), {RunCardNeed{UnitKind::PatrolCar, QString(), 2}}};
    QList<UnitSnapshot> units{unit(QStringLiteral("P-2"), UnitKind::PatrolCar, 1.0), unit(QStringLiteral("P-1"), UnitKind::PatrolCar, 1.0)};
    units.append(UnitSnapshot{QStringLiteral("P-9"), UnitKind::PatrolCar, {}, true, std::nullopt});
    QList<Recommendation> r = recommendUnits(twoCars, incident, units);
    REQUIRE(r.size() == 2);
    CHECK(r[0].callSign == QStringLiteral("P-1")); // the same time: by call sign, the same every time
    CHECK(r[1].callSign == QStringLiteral("P-2"));

    const RunCard threeCars{QStringLiteral("riot"), {RunCardNeed{UnitKind::PatrolCar, QString(), 3}}};
    r = recommendUnits(threeCars, incident, units);
    REQUIRE(r.size() == 3);
    CHECK(r[2].callSign.isEmpty());
    CHECK(r[2].reason.contains(QStringLiteral("position is not known")));

    CHECK(recommendUnits(RunCard{}, incident, units).isEmpty());
    CHECK(unitKindFromId(unitKindId(UnitKind::MedicalLiaison)) == UnitKind::MedicalLiaison);
    CHECK_FALSE(unitKindFromId(QStringLiteral("tank")));
}
