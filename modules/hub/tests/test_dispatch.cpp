// Unit recommendation: the nearest available units that fit the run card, ranked by travel time,
// each unit once, with a reason; what cannot be filled is said. The road graph the travel times are
// measured on: crossings, joins, snapping, what is off the map, malformed maps, the bundled district.
#include "testsupport.h"

#include "hexhub/hub/dispatch.h"
#include "shared/roadgraph.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointF>
#include <QRandomGenerator>

#include <cmath>
#include <numbers>

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

// A hand-made map on a plane of metres: x east, y north of 31.2 N, 121.5 E.
GeoPoint at(double x, double y)
{
    return GeoPoint{31.2 + y / 111195.0, 121.5 + x / (111195.0 * std::cos(31.2 * std::numbers::pi / 180))};
}

QJsonArray line(const QList<QPointF>& metres)
{
    QJsonArray positions;
    for (const QPointF& m : metres) {
        const GeoPoint p = at(m.x(), m.y());
        positions.append(QJsonArray{p.longitude, p.latitude});
    }
    return positions;
}

QJsonObject feature(const QString& kind, const QString& name, const QJsonObject& geometry)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                       {QStringLiteral("properties"),
                        QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("name"), name}}},
                       {QStringLiteral("geometry"), geometry}};
}

QJsonObject street(const QString& name, const QList<QPointF>& metres)
{
    return feature(QStringLiteral("street"), name,
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("LineString")},
                               {QStringLiteral("coordinates"), line(metres)}});
}

QByteArray collection(const QList<QJsonObject>& features)
{
    QJsonArray list;
    for (const QJsonObject& f : features)
        list.append(f);
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                                     {QStringLiteral("features"), list}})
        .toJson();
}

RoadGraph graphOf(const QByteArray& geoJson)
{
    QString error;
    const auto graph = RoadGraph::fromGeoJson(geoJson, &error);
    INFO(error.toStdString());
    REQUIRE(graph);
    return *graph;
}

/*
 * A river runs east-west at y = 500 with one bridge, at x = 2000. South bank: streets at y = 0, 200
 * and 400 from x = 0 to 2000, crossed by streets at x = 0, 1000 and 2000 (no shared vertex where they
 * cross in the middle; the streets at x = 1000 and 2000 end on the streets at y = 0 and 400, and
 * the corners at x = 0 are end to end). North bank: the same at y = 600, 800 and 1000. The bridge is
 * its own street from the south bank's corner to the north bank's. Far to the north, an island
 * street no bridge reaches.
 */
QByteArray riverTown()
{
    QList<QJsonObject> streets;
    for (double y : {0.0, 200.0, 400.0, 600.0, 800.0, 1000.0})
        streets << street(QStringLiteral("East-west %1").arg(y), {{0, y}, {2000, y}});
    for (double x : {0.0, 1000.0, 2000.0}) {
        streets << street(QStringLiteral("South %1").arg(x), {{x, 0}, {x, 400}});
        streets << street(QStringLiteral("North %1").arg(x), {{x, 600}, {x, 1000}});
    }
    streets << street(QStringLiteral("Bridge"), {{2000, 400}, {2000, 600}});
    streets << street(QStringLiteral("Island Lane"), {{0, 3000}, {500, 3000}});
    // The river and a landmark are on the map but are not streets.
    streets << feature(QStringLiteral("river"), QStringLiteral("River"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("LineString")},
                                   {QStringLiteral("coordinates"), line({{-100, 500}, {2100, 500}})}});
    streets << feature(QStringLiteral("landmark"), QStringLiteral("Tower"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("Point")}});
    return collection(streets);
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
    CHECK(r[0].reason == QStringLiteral("a unit with negotiator: nearest available patrol car, 3.0 km in a "
                                        "straight line, about 6 min"));
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

TEST_CASE("Road graph: streets that cross without a shared vertex are cut there, near ends are joined",
          "[dispatch][roads][domain]")
{
    // An X of two straight streets: four ends and the crossing.
    const RoadGraph x = graphOf(collection({street(QStringLiteral("A"), {{0, 0}, {1000, 1000}}),
                                            street(QStringLiteral("B"), {{0, 1000}, {1000, 0}})}));
    CHECK(x.nodeCount() == 5);
    CHECK(x.edgeCount() == 4);
    CHECK(x.componentCount() == 1);
    CHECK(x.totalMetres() == Approx(2 * std::sqrt(2.0) * 1000).epsilon(0.01));
    // From A's south-west end to B's south-east end: through the crossing, two half diagonals.
    REQUIRE(x.distance(at(0, 0), at(1000, 0)));
    CHECK(*x.distance(at(0, 0), at(1000, 0)) == Approx(std::sqrt(2.0) * 1000).epsilon(0.01));

    // A street that stops 3 m short of another is joined to it; 30 m short, it is not.
    const RoadGraph joined = graphOf(collection({street(QStringLiteral("Main"), {{0, 0}, {1000, 0}}),
                                                 street(QStringLiteral("Short"), {{500, 3}, {500, 400}})}));
    CHECK(joined.componentCount() == 1);
    CHECK(joined.nodeCount() == 4);
    REQUIRE(joined.distance(at(0, 0), at(500, 400)));
    CHECK(*joined.distance(at(0, 0), at(500, 400)) == Approx(500 + 397).margin(5));
    const RoadGraph apart = graphOf(collection({street(QStringLiteral("Main"), {{0, 0}, {1000, 0}}),
                                                street(QStringLiteral("Short"), {{500, 30}, {500, 400}})}));
    CHECK(apart.componentCount() == 2);
    CHECK_FALSE(apart.distance(at(0, 0), at(500, 400)));

    // End to end, 2 m apart: one street on. A bend (a polyline) is one street, not a crossing.
    const RoadGraph ends =
        graphOf(collection({street(QStringLiteral("West"), {{0, 0}, {500, 0}}),
                            street(QStringLiteral("East"), {{502, 0}, {1000, 0}, {1000, 500}})}));
    CHECK(ends.componentCount() == 1);
    CHECK(ends.nodeCount() == 4);
    REQUIRE(ends.distance(at(0, 0), at(1000, 500)));
    CHECK(*ends.distance(at(0, 0), at(1000, 500)) == Approx(1500).margin(5));
}

TEST_CASE("Road graph: points snap to the nearest street, and none off the map or on a cut-off street",
          "[dispatch][roads][domain]")
{
    const RoadGraph town = graphOf(riverTown());
    CHECK(town.componentCount() == 2); // the island

    // 50 m north of the middle of the street at y = 1000: snapped onto it.
    const auto snap = town.snap(at(500, 1050));
    REQUIRE(snap);
    CHECK(snap->offRoadMetres == Approx(50).margin(1));
    CHECK(snap->point.distanceTo(at(500, 1000)) < 1);
    // Between two streets, the nearer one.
    REQUIRE(town.snap(at(300, 730)));
    CHECK(town.snap(at(300, 730))->point.distanceTo(at(300, 800)) < 1);
    // The off-road legs count: 50 m to the street, 500 m along it, 0 m to the end.
    REQUIRE(town.distance(at(500, 1050), at(0, 1000)));
    CHECK(*town.distance(at(500, 1050), at(0, 1000)) == Approx(550).margin(3));
    // On the same piece of street: straight along it, not round by a crossing.
    REQUIRE(town.distance(at(300, 600), at(700, 600)));
    CHECK(*town.distance(at(300, 600), at(700, 600)) == Approx(400).margin(3));
    // Round the blocks: Manhattan distance on the south bank.
    REQUIRE(town.distance(at(0, 0), at(2000, 400)));
    CHECK(*town.distance(at(0, 0), at(2000, 400)) == Approx(2400).epsilon(0.01));

    // 400 m from every street: off the map (the limit is 300 m unless the graph is built with another).
    CHECK_FALSE(town.snap(at(500, 1400)));
    CHECK_FALSE(town.distance(at(0, 0), at(500, 1400)));
    CHECK_FALSE(town.distances(at(500, 1400), {at(0, 0), at(0, 1000)})[1]);
    const auto wide = RoadGraph::fromGeoJson(riverTown(), nullptr, 500);
    REQUIRE(wide);
    REQUIRE(wide->snap(at(500, 1400)));
    CHECK(wide->snap(at(500, 1400))->offRoadMetres == Approx(400).margin(2));
    // The island is on the map but no street leads there.
    REQUIRE(town.snap(at(250, 3000)));
    CHECK_FALSE(town.distance(at(0, 0), at(250, 3000)));
    // Bad points, and an empty graph, never crash.
    CHECK_FALSE(town.snap(GeoPoint{qQNaN(), 121.5}));
    CHECK_FALSE(RoadGraph().distance(at(0, 0), at(1, 1)));
    CHECK(RoadGraph().isEmpty());

    // One search for many points gives what one search per point gives.
    QRandomGenerator random(5);
    QList<GeoPoint> points;
    for (int i = 0; i < 200; ++i)
        points << at(-200 + random.generateDouble() * 2400, -200 + random.generateDouble() * 1400);
    const GeoPoint from = at(1500, 900);
    const QList<std::optional<double>> all = town.distances(from, points);
    REQUIRE(all.size() == points.size());
    int routed = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const std::optional<double> one = town.distance(from, points[i]);
        CHECK(all[i].has_value() == one.has_value());
        if (all[i] && one) {
            ++routed;
            CHECK(*all[i] == Approx(*one));
            CHECK(*all[i] >= from.distanceTo(points[i]) - 0.5); // never shorter than the straight line
        }
    }
    CHECK(routed > 150);
}

TEST_CASE("Recommendation on the road graph: across the river the nearest unit is not the closest one",
          "[dispatch][roads][domain]")
{
    const RoadGraph town = graphOf(riverTown());
    const GeoPoint incident = at(100, 600); // north bank, west end
    const RunCard card{QStringLiteral("burglary"), {RunCardNeed{UnitKind::PatrolCar, QString(), 1}}};
    const QList<UnitSnapshot> units{
        UnitSnapshot{QStringLiteral("SOUTH"),
                     UnitKind::PatrolCar,
                     {},
                     true,
                     at(100, 400)}, // 200 m, but the bridge is 2 km east
        UnitSnapshot{
            QStringLiteral("NORTH"), UnitKind::PatrolCar, {}, true, at(100, 1000)}, // 400 m, 600 m by road
    };

    // In straight lines the south bank's car is nearer.
    QList<Recommendation> r = recommendUnits(card, incident, units);
    REQUIRE(r.size() == 1);
    CHECK(r[0].callSign == QStringLiteral("SOUTH"));
    CHECK_FALSE(r[0].byRoad);
    CHECK(
        r[0].reason ==
        QStringLiteral("patrol car: nearest available patrol car, 0.2 km in a straight line, about 1 min"));

    // By road it must cross the bridge: 1900 + 200 + 1900 m; the north bank's car comes first.
    CHECK(*town.distance(incident, at(100, 400)) == Approx(4000).epsilon(0.01));
    r = recommendUnits(card, incident, units, kStreetDetour, &town);
    REQUIRE(r.size() == 1);
    CHECK(r[0].callSign == QStringLiteral("NORTH"));
    CHECK(r[0].byRoad);
    CHECK(r[0].metres == Approx(600).epsilon(0.01));
    CHECK(r[0].seconds == Approx(600 / (40 / 3.6)).epsilon(0.01)); // no detour on top of the road
    CHECK(r[0].reason ==
          QStringLiteral("patrol car: nearest available patrol car, 0.6 km by road, about 1 min"));

    // Drones fly: the straight line, no detour, even with a road graph. A car off the map, or on the
    // island, is reckoned in a straight line times the detour, and the reason says so.
    const RunCard more{QStringLiteral("search"),
                       {RunCardNeed{UnitKind::Drone, QString(), 1},
                        RunCardNeed{std::nullopt, QStringLiteral("diver"), 2}}};
    const QList<UnitSnapshot> others{
        UnitSnapshot{QStringLiteral("UAV"), UnitKind::Drone, {}, true, at(100, 300)},
        UnitSnapshot{
            QStringLiteral("FAR"), UnitKind::PatrolCar, {QStringLiteral("diver")}, true, at(100, 5000)},
        UnitSnapshot{
            QStringLiteral("ISLE"), UnitKind::PatrolCar, {QStringLiteral("diver")}, true, at(100, 3000)},
    };
    r = recommendUnits(more, incident, others, kStreetDetour, &town);
    REQUIRE(r.size() == 3);
    CHECK(r[0].callSign == QStringLiteral("UAV"));
    CHECK_FALSE(r[0].byRoad);
    CHECK(r[0].metres == Approx(300).epsilon(0.01));
    CHECK(r[0].seconds == Approx(300 / (60 / 3.6)).epsilon(0.01));
    CHECK(r[0].reason.contains(QStringLiteral("0.3 km in a straight line")));
    CHECK_FALSE(r[0].reason.contains(QStringLiteral("off the road map")));
    CHECK(r[1].callSign == QStringLiteral("ISLE"));
    CHECK(r[2].callSign == QStringLiteral("FAR"));
    for (int i : {1, 2}) {
        CHECK_FALSE(r[i].byRoad);
        CHECK(r[i].seconds == Approx(r[i].metres * kStreetDetour / (40 / 3.6)).epsilon(0.001));
        CHECK(r[i].reason.contains(QStringLiteral("in a straight line (off the road map)")));
    }

    // An incident off the road map: everyone in straight lines.
    r = recommendUnits(card, at(100, 8000), units, kStreetDetour, &town);
    REQUIRE(r.size() == 1);
    CHECK_FALSE(r[0].byRoad);
    CHECK(r[0].reason.contains(QStringLiteral("off the road map")));
}

TEST_CASE("Road graph: a malformed map is an error naming the feature, never a crash",
          "[dispatch][roads][domain]")
{
    const auto errorOf = [](const QByteArray& geoJson) {
        QString error;
        const auto graph = RoadGraph::fromGeoJson(geoJson, &error);
        CHECK_FALSE(graph);
        return error;
    };
    CHECK(
        errorOf("{\"type\": \"FeatureCollection\", \"features\": [").contains(QStringLiteral("not JSON")));
    CHECK(errorOf("[1, 2]").contains(QStringLiteral("not a GeoJSON FeatureCollection")));
    CHECK(errorOf(R"({"type": "Feature"})").contains(QStringLiteral("not a GeoJSON FeatureCollection")));
    CHECK(errorOf(R"({"type": "FeatureCollection", "features": 3})")
              .contains(QStringLiteral("\"features\" must be a list")));
    CHECK(errorOf(R"({"type": "FeatureCollection", "features": [7]})") ==
          QStringLiteral("features[0] is not a GeoJSON feature"));

    const QJsonObject good = street(QStringLiteral("Good Road"), {{0, 0}, {100, 0}});
    const auto withStreet = [&](const QJsonObject& geometry,
                                const QString& name = QStringLiteral("Elm Road")) {
        return collection({good, feature(QStringLiteral("street"), name, geometry)});
    };
    const QString point =
        errorOf(withStreet(QJsonObject{{QStringLiteral("type"), QStringLiteral("Point")},
                                       {QStringLiteral("coordinates"), QJsonArray{121.5, 31.2}}}));
    CHECK(point.contains(QStringLiteral("street \"Elm Road\" (features[1])")));
    CHECK(point.contains(QStringLiteral("LineString or a MultiLineString, not a Point")));
    CHECK(errorOf(withStreet(QJsonObject{}, QString())) ==
          QStringLiteral("features[1]: a street needs a geometry"));
    CHECK(errorOf(withStreet(QJsonObject{{QStringLiteral("type"), QStringLiteral("LineString")},
                                         {QStringLiteral("coordinates"), 5}}))
              .contains(QStringLiteral("a line's coordinates must be a list")));
    // A position that is not a pair of numbers, or is off the globe.
    for (const QJsonValue& bad :
         {QJsonValue(QJsonArray{121.5}), QJsonValue(QJsonArray{QStringLiteral("121.5"), 31.2}),
          QJsonValue(QJsonArray{121.5, 95.0}), QJsonValue(QStringLiteral("here"))}) {
        const QString why = errorOf(withStreet(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("LineString")},
                        {QStringLiteral("coordinates"), QJsonArray{QJsonArray{121.5, 31.2}, bad}}}));
        CHECK(why == QStringLiteral("street \"Elm Road\" (features[1]): position 1 is not a [longitude, "
                                    "latitude] pair on the globe"));
    }
    CHECK(errorOf(withStreet(QJsonObject{{QStringLiteral("type"), QStringLiteral("LineString")},
                                         {QStringLiteral("coordinates"),
                                          QJsonArray{QJsonArray{121.5, 31.2}, QJsonArray{121.5, 31.2}}}}))
              .contains(QStringLiteral("at least two different positions")));
    CHECK(errorOf(withStreet(QJsonObject{
                      {QStringLiteral("type"), QStringLiteral("MultiLineString")},
                      {QStringLiteral("coordinates"), QJsonArray{line({{0, 0}, {0, 100}}), 4}}}))
              .contains(QStringLiteral("Elm Road")));

    // What is not a street is not read: a river drawn as a polygon with junk in it is no error.
    QString error;
    const auto fine = RoadGraph::fromGeoJson(
        collection(
            {good,
             feature(QStringLiteral("river"), QStringLiteral("Canal"),
                     QJsonObject{{QStringLiteral("type"), 3}}),
             feature(QStringLiteral("street"), QStringLiteral("Ring"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("MultiLineString")},
                                 {QStringLiteral("coordinates"),
                                  QJsonArray{line({{0, 0}, {0, 100}}), line({{100, 0}, {100, 100}})}}})}),
        &error);
    INFO(error.toStdString());
    REQUIRE(fine);
    CHECK(fine->componentCount() == 1); // the two lines of the MultiLineString both touch Good Road
    CHECK(fine->edgeCount() == 3);
    // No streets at all: an empty graph, not an error.
    const auto empty = RoadGraph::fromGeoJson(collection({}), &error);
    REQUIRE(empty);
    CHECK(empty->isEmpty());
}

TEST_CASE("The bundled district's streets are one connected road graph", "[dispatch][roads][domain]")
{
    QFile file(QStringLiteral(HEXHUB_TEST_SOURCE_DIR "/resources/district/district.geojson"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const RoadGraph district = graphOf(file.readAll());
    // Nine east-west roads cross nine north-south streets (no shared vertices in the file): 81
    // crossings and 36 street ends; each street cut into ten pieces.
    CHECK(district.nodeCount() == 81 + 36);
    CHECK(district.edgeCount() == 18 * 10);
    CHECK(district.componentCount() == 1);
    // Every node is reached from the tower at Oak Road and Mill Street.
    const GeoPoint tower{31.2304, 121.4737};
    const QList<GeoPoint> nodes = district.nodes();
    const QList<std::optional<double>> metres = district.distances(tower, nodes);
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        INFO("node " << i);
        REQUIRE(metres[i]);
        CHECK(*metres[i] >= tower.distanceTo(nodes[i]) - 1);
    }
    // Along Mill Street (straight north-south), the road is the straight line.
    REQUIRE(district.distance(tower, GeoPoint{31.2412, 121.4737}));
    CHECK(*district.distance(tower, GeoPoint{31.2412, 121.4737}) ==
          Approx(tower.distanceTo(GeoPoint{31.2412, 121.4737})).epsilon(0.005));
}
