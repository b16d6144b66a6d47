// Positions: distance and bearing (for ranking units and cameras), Web Mercator (for the map), and
// JSON that refuses what is not a position.
#include "testsupport.h"

#include "shared/geo.h"

#include <catch2/catch.hpp>

using namespace hexhub;

TEST_CASE("Distances, bearings and Web Mercator on known places", "[geo][domain]")
{
    const GeoPoint beijing{39.9042, 116.4074};
    const GeoPoint shanghai{31.2304, 121.4737};
    CHECK(beijing.distanceTo(shanghai) == Approx(1067311.6).margin(1.0));
    CHECK(shanghai.distanceTo(beijing) == Approx(beijing.distanceTo(shanghai)));
    CHECK(beijing.distanceTo(beijing) == 0.0);
    CHECK(beijing.bearingTo(shanghai) == Approx(153.0727).margin(0.001));
    CHECK(GeoPoint{0, 0}.bearingTo(GeoPoint{1, 0}) == Approx(0.0).margin(1e-9));   // due north
    CHECK(GeoPoint{0, 0}.bearingTo(GeoPoint{0, -1}) == Approx(270.0));            // due west
    // One degree of latitude is about 111.2 km anywhere; of longitude, that times cos(latitude).
    CHECK(GeoPoint{30, 120}.distanceTo(GeoPoint{31, 120}) == Approx(111195).margin(5));
    CHECK(GeoPoint{60, 10}.distanceTo(GeoPoint{60, 11}) == Approx(111195 * 0.5).margin(300));
    // Across the antimeridian the short way.
    CHECK(GeoPoint{0, 179.5}.distanceTo(GeoPoint{0, -179.5}) == Approx(111195).margin(5));

    CHECK(GeoPoint{0, 0}.toWebMercator().x() == Approx(0.0).margin(1e-6));
    CHECK(GeoPoint{0, 0}.toWebMercator().y() == Approx(0.0).margin(1e-6));
    CHECK(GeoPoint{0, 180}.toWebMercator().x() == Approx(20037508.34).margin(0.01));
    CHECK(beijing.toWebMercator().y() == Approx(4852030.63).margin(0.01));
    const GeoPoint back = GeoPoint::fromWebMercator(beijing.toWebMercator());
    CHECK(back.latitude == Approx(beijing.latitude).margin(1e-9));
    CHECK(back.longitude == Approx(beijing.longitude).margin(1e-9));
    // The poles are clamped to the map's edge, not infinite.
    CHECK(std::isfinite(GeoPoint{90, 0}.toWebMercator().y()));
    CHECK(GeoPoint{90, 0}.toWebMercator().y() == Approx(GeoPoint{0, 180}.toWebMercator().x()).margin(1));
}

TEST_CASE("Positions and locations in JSON, and what is refused", "[geo][domain]")
{
    const Location here{QStringLiteral("88 Riverside Road, 滨河区"), GeoPoint{31.2304, 121.4737}};
    const std::optional<Location> again = Location::fromJson(here.toJson());
    REQUIRE(again);
    CHECK(*again == here);
    const Location addressOnly{QStringLiteral("the old bridge"), std::nullopt};
    CHECK(Location::fromJson(addressOnly.toJson()) == addressOnly);
    CHECK_FALSE(addressOnly.isEmpty());
    CHECK(Location{}.isEmpty());

    QString error;
    CHECK_FALSE(GeoPoint::fromJson(QJsonObject{{QStringLiteral("lat"), QStringLiteral("31.2")}, {QStringLiteral("lon"), 121.0}}, &error));
    CHECK(error.contains(QStringLiteral("numbers")));
    CHECK_FALSE(GeoPoint::fromJson(QJsonObject{{QStringLiteral("lat"), 91.0}, {QStringLiteral("lon"), 0.0}}, &error));
    CHECK(error.contains(QStringLiteral("off the globe")));
    CHECK_FALSE(GeoPoint::fromJson(QJsonObject{{QStringLiteral("lat"), 0.0}, {QStringLiteral("lon"), -180.5}}, &error));
    CHECK_FALSE(Location::fromJson(QJsonObject{{QStringLiteral("address"), 12}}, &error));
    CHECK(error.contains(QStringLiteral("text")));
    CHECK_FALSE(Location::fromJson(QJsonObject{{QStringLiteral("point"), QJsonObject{{QStringLiteral("lat"), 1.0}}}}, &error));
    CHECK_FALSE(GeoPoint{std::nan(""), 0}.isValid());
}
