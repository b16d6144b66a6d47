// The map: GeoJSON layers with errors that say where, Web Mercator both ways, markers clustered
// when zoomed out and single when zoomed in, clicks that open a marker or zoom into a cluster.
#include "testsupport.h"

#include "mapview.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;

namespace {

const GeoPoint kCentre{31.2304, 121.4737};

QByteArray district()
{
    QFile f(QStringLiteral(":/hexhub/district/district.geojson"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

} // namespace

TEST_CASE("Map: the bundled district loads, and bad GeoJSON is refused saying where", "[widgets][map]")
{
    MapView map;
    QString error;
    REQUIRE(map.addGeoJson(QStringLiteral("district"), district(), &error));
    CHECK(map.layers() == QStringList{QStringLiteral("district")});

    CHECK_FALSE(map.addGeoJson(QStringLiteral("bad"), "{ not json", &error));
    CHECK(error.contains(QStringLiteral("bad: not GeoJSON")));
    CHECK_FALSE(map.addGeoJson(QStringLiteral("bad"),
                               R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[121.4,31.2]}},
                                   {"type":"Feature","geometry":{"type":"Curve","coordinates":[]}}]})",
                               &error));
    CHECK(error.contains(QStringLiteral("features[1].geometry.type")));
    CHECK(error.contains(QStringLiteral("Curve")));
    CHECK_FALSE(map.addGeoJson(QStringLiteral("bad"), R"({"type":"LineString","coordinates":[[121.4,31.2],[500,31.2]]})", &error));
    CHECK(error.contains(QStringLiteral("features[0].geometry.coordinates")));
    CHECK(map.layers() == QStringList{QStringLiteral("district")}); // nothing half-added
}

TEST_CASE("Map: places and pixels convert both ways in Web Mercator", "[widgets][map]")
{
    MapView map;
    map.resize(800, 600);
    map.show();
    REQUIRE(QTest::qWaitForWindowExposed(&map));
    map.centreOn(kCentre, 2.0);
    CHECK(map.metresPerPixel() == Approx(2.0));
    CHECK(map.centre().distanceTo(kCentre) < 3);
    const GeoPoint east{kCentre.latitude, kCentre.longitude + 0.01}; // about 950 m east
    const QPointF centrePixel = map.viewPointOf(kCentre);
    const QPointF eastPixel = map.viewPointOf(east);
    // Web Mercator stretches by 1/cos(latitude): 1,113 m of projection for 952 m of ground.
    CHECK(eastPixel.x() - centrePixel.x() == Approx(1113.2 / 2.0).margin(2));
    CHECK(eastPixel.y() == Approx(centrePixel.y()).margin(1));
    CHECK(map.geoPointAt(eastPixel).distanceTo(east) < 3);
    CHECK(MapView::fromScene(MapView::toScene(east)).distanceTo(east) < 0.01);
}

TEST_CASE("Map: ten thousand markers cluster when zoomed out and separate when zoomed in", "[widgets][map]")
{
    MapView map;
    map.resize(800, 600);
    map.show();
    REQUIRE(QTest::qWaitForWindowExposed(&map));
    QRandomGenerator random(42);
    QList<MapMarker> markers;
    for (int i = 0; i < 10000; ++i) {
        const GeoPoint p{kCentre.latitude + (random.generateDouble() - 0.5) * 0.02, kCentre.longitude + (random.generateDouble() - 0.5) * 0.02};
        markers.append({QString::number(i), p, Qt::red, QString(), MapMarker::Shape::Circle});
    }
    map.setMarkers(QStringLiteral("incidents"), markers);
    CHECK(map.markerCount(QStringLiteral("incidents")) == 10000);

    map.centreOn(kCentre, 20); // the whole 2 km square in 110 pixels
    const QList<MapView::Drawn> far = map.drawnMarkers(QStringLiteral("incidents"));
    int total = 0;
    for (const MapView::Drawn& d : far)
        total += d.count;
    CHECK(total == 10000);
    CHECK(far.size() < 100);
    // Zoomed in to a street corner: few enough to see one by one.
    map.centreOn(kCentre, 0.2);
    const QList<MapView::Drawn> near = map.drawnMarkers(QStringLiteral("incidents"));
    CHECK(near.size() < 200);
    CHECK(std::count_if(near.begin(), near.end(), [](const MapView::Drawn& d) { return d.count == 1; }) > near.size() / 2);
    // And it paints, zoomed out and in.
    map.centreOn(kCentre, 20);
    CHECK_FALSE(map.grab().isNull());
}

TEST_CASE("Map: a click opens a marker, a click on a cluster zooms into it", "[widgets][map]")
{
    MapView map;
    map.resize(800, 600);
    map.show();
    REQUIRE(QTest::qWaitForWindowExposed(&map));
    const GeoPoint lone{kCentre.latitude + 0.004, kCentre.longitude};
    map.setMarkers(QStringLiteral("incidents"),
                   {{QStringLiteral("7"), lone, Qt::red, QStringLiteral("2026-000007"), MapMarker::Shape::Circle},
                    {QStringLiteral("8"), kCentre, Qt::red, QString(), MapMarker::Shape::Circle},
                    {QStringLiteral("9"), GeoPoint{kCentre.latitude + 0.0001, kCentre.longitude}, Qt::red, QString(), MapMarker::Shape::Circle}});
    map.centreOn(kCentre, 5); // 7 is 90 px up; 8 and 9, 2 px apart, are one cluster
    QSignalSpy activated(&map, &MapView::markerActivated);
    QTest::mouseClick(map.viewport(), Qt::LeftButton, {}, map.viewPointOf(lone).toPoint());
    REQUIRE(activated.size() == 1);
    CHECK(activated.first().at(0).toString() == QStringLiteral("incidents"));
    CHECK(activated.first().at(1).toString() == QStringLiteral("7"));

    const double before = map.metresPerPixel();
    QTest::mouseClick(map.viewport(), Qt::LeftButton, {}, map.viewPointOf(kCentre).toPoint());
    CHECK(activated.size() == 1);
    CHECK(map.metresPerPixel() < before / 2);
    // Keys zoom too.
    map.setFocus();
    const double zoomedIn = map.metresPerPixel();
    QTest::keyClick(&map, Qt::Key_Minus);
    CHECK(map.metresPerPixel() > zoomedIn);
}
