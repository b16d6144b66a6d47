// The address index the new-incident form resolves places with (issue 19 section 1): landmarks, street
// and number, crossings, coordinates and earlier incidents' addresses, from the bundled district and
// from another district's GeoJSON, and what it refuses.
#include "testsupport.h"

#include "shared/addressindex.h"

#include <QFile>

#include <catch2/catch.hpp>

using namespace hexhub;

namespace {

AddressIndex bundled()
{
    QFile file(QStringLiteral(HEXHUB_TEST_SOURCE_DIR "/resources/district/district.geojson"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QString error;
    auto index = AddressIndex::fromGeoJson(file.readAll(), &error);
    INFO(error.toStdString());
    REQUIRE(index);
    return *index;
}

QStringList texts(const QList<PlaceMatch>& matches)
{
    QStringList t;
    for (const PlaceMatch& m : matches)
        t << m.text;
    return t;
}

} // namespace

TEST_CASE("The bundled district's places are found as a caller says them", "[address][domain]")
{
    const AddressIndex index = bundled();

    SECTION("a landmark, by the start of its name or of a later word, in any case")
    {
        const auto tower = index.resolve(QStringLiteral("Harbour Tower"));
        REQUIRE(!tower.isEmpty());
        CHECK(tower.first().text == QStringLiteral("Harbour Tower"));
        CHECK(tower.first().kind == PlaceMatch::Kind::Landmark);
        CHECK(tower.first().point.distanceTo(GeoPoint{31.2304, 121.4737}) < 1);
        CHECK(texts(index.resolve(QStringLiteral("harb"))).startsWith(QStringLiteral("Harbour Tower")));
        CHECK(texts(index.resolve(QStringLiteral("harb"))).contains(QStringLiteral("Harbour Road")));
        CHECK(texts(index.resolve(QStringLiteral("TOWER"))).contains(QStringLiteral("Harbour Tower")));
        CHECK(texts(index.resolve(QStringLiteral("hosp"))) == QStringList{QStringLiteral("City Hospital")});
    }

    SECTION("a street and a house number, either way round, abbreviated or not")
    {
        const auto orchard = index.resolve(QStringLiteral("141 Orchard Road"));
        REQUIRE(!orchard.isEmpty());
        CHECK(orchard.first().text == QStringLiteral("141 Orchard Road"));
        CHECK(orchard.first().kind == PlaceMatch::Kind::Address);
        CHECK(orchard.first().estimated);
        // 141 is 70 x 20 m = 1,400 m from the street's west end (121.4548, 31.2448).
        const GeoPoint westEnd{31.2448, 121.4548};
        CHECK(orchard.first().point.distanceTo(westEnd) == Approx(1400).margin(2));
        CHECK(index.resolve(QStringLiteral("Orchard Rd 141")).first().point.distanceTo(orchard.first().point) < 0.01);
        CHECK(index.resolve(QStringLiteral("141 orch")).first().text == QStringLiteral("141 Orchard Road"));
        // A number past the street's end is no address on it.
        CHECK(index.resolve(QStringLiteral("9999 Orchard Road")).isEmpty());
        CHECK(AddressIndex::numberAt(AddressIndex::metresAlong(141)) == 141);
        CHECK(AddressIndex::metresAlong(141) == AddressIndex::metresAlong(142));
    }

    SECTION("a crossing of two streets, the second one still being typed")
    {
        const auto crossing = index.resolve(QStringLiteral("Elm Road / Mill Street"));
        REQUIRE(crossing.size() == 1);
        CHECK(crossing.first().kind == PlaceMatch::Kind::Crossing);
        CHECK(crossing.first().text == QStringLiteral("Elm Road / Mill Street"));
        // Mill Street runs north-south at 121.4737, Elm Road east-west near 31.2266.
        CHECK(crossing.first().point.distanceTo(GeoPoint{31.2266, 121.4737}) < 30);
        CHECK(texts(index.resolve(QStringLiteral("elm rd & mi"))) == QStringList{QStringLiteral("Elm Road / Mill Street")});
        CHECK(index.resolve(QStringLiteral("Elm Road and"), 20).size() == 9); // the nine streets across it
        CHECK(index.resolve(QStringLiteral("Elm Road and")).size() == 8);    // as many as asked
        // Two parallel streets never meet: nothing, rather than a made-up point.
        CHECK(index.resolve(QStringLiteral("Elm Road / Canal Road")).isEmpty());
    }

    SECTION("coordinates, and what is not a place")
    {
        const auto typed = index.resolve(QStringLiteral("31.2304, 121.4737"));
        REQUIRE(typed.size() == 1);
        CHECK(typed.first().kind == PlaceMatch::Kind::Coordinates);
        CHECK(typed.first().point.latitude == Approx(31.2304));
        CHECK(index.resolve(QStringLiteral("31.2304，121.4737")).size() == 1);
        CHECK(index.resolve(QStringLiteral("95, 121")).isEmpty()); // no such latitude, and no such name
        CHECK(index.resolve(QStringLiteral("Atlantis Boulevard")).isEmpty());
        CHECK(index.resolve(QStringLiteral("   ")).isEmpty());
        CHECK(index.resolve(QStringLiteral("Jade River")).isEmpty()); // a river is not a street
    }

    SECTION("the river is no street and the station areas no landmarks")
    {
        for (const AddressIndex::Street& s : index.streets())
            CHECK(s.name != QStringLiteral("Jade River"));
        CHECK(index.streets().size() == 18);
        CHECK(index.placeCount() == 8);
    }
}

TEST_CASE("Earlier incidents' addresses are found again where they were placed", "[address][domain]")
{
    AddressIndex index = bundled();
    index.addKnownPlace(QStringLiteral("22 Canal Road (rear yard)"), GeoPoint{31.2233, 121.4601});
    index.addKnownPlace(QStringLiteral("22 canal road (REAR yard)"), GeoPoint{0, 0}); // the first one wins
    index.addKnownPlace(QStringLiteral("Nowhere"), GeoPoint{200, 0});               // not a place: ignored
    index.finish();
    const auto found = index.resolve(QStringLiteral("22 Canal Road (r"));
    REQUIRE(!found.isEmpty());
    CHECK(found.first().text == QStringLiteral("22 Canal Road (rear yard)"));
    CHECK(found.first().kind == PlaceMatch::Kind::Known);
    CHECK(found.first().point.distanceTo(GeoPoint{31.2233, 121.4601}) < 0.01);
    CHECK(index.resolve(QStringLiteral("Nowhere")).isEmpty());
    // The address as typed exactly comes before the same number placed along the street.
    CHECK(index.resolve(QStringLiteral("22 canal road rear yard")).first().kind == PlaceMatch::Kind::Known);
}

TEST_CASE("Another district's GeoJSON: address points, a T junction, names in Chinese", "[address][domain]")
{
    const QByteArray other = R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "果园路", "highway": "primary"},
         "geometry": {"type": "LineString", "coordinates": [[116.30, 39.90], [116.32, 39.90]]}},
        {"type": "Feature", "properties": {"name": "Short Lane", "highway": "residential"},
         "geometry": {"type": "MultiLineString", "coordinates": [[[116.31, 39.91], [116.31, 39.9001]]]}},
        {"type": "Feature", "properties": {"name": "Canal", "waterway": "canal"},
         "geometry": {"type": "LineString", "coordinates": [[116.30, 39.905], [116.32, 39.905]]}},
        {"type": "Feature", "properties": {"addr:housenumber": "7", "addr:street": "果园路"},
         "geometry": {"type": "Point", "coordinates": [116.3055, 39.8999]}},
        {"type": "Feature", "properties": {"name": "Bell Tower"},
         "geometry": {"type": "Point", "coordinates": [116.311, 39.902]}},
        {"type": "Feature", "properties": {"name": "Broken"}, "geometry": {"type": "Point", "coordinates": ["x", 1]}}
    ]})";
    QString error;
    const auto index = AddressIndex::fromGeoJson(other, &error);
    INFO(error.toStdString());
    REQUIRE(index);
    CHECK(index->streets().size() == 2);
    // The mapped point of number 7, not one placed along the street.
    const auto seven = index->resolve(QStringLiteral("果园路7号"));
    REQUIRE(!seven.isEmpty());
    CHECK(seven.first().text == QStringLiteral("7 果园路"));
    CHECK_FALSE(seven.first().estimated);
    CHECK(seven.first().point.distanceTo(GeoPoint{39.8999, 116.3055}) < 0.01);
    // Number 9 is not mapped: along the street, 80 m from its start.
    const auto nine = index->resolve(QStringLiteral("9 果园路"));
    REQUIRE(!nine.isEmpty());
    CHECK(nine.first().estimated);
    CHECK(nine.first().point.distanceTo(GeoPoint{39.90, 116.30}) == Approx(80).margin(1));
    // Short Lane stops 11 m short of 果园路: a T junction, found as a crossing.
    const auto junction = index->resolve(QStringLiteral("short ln / 果园"));
    REQUIRE(junction.size() == 1);
    CHECK(junction.first().point.distanceTo(GeoPoint{39.90, 116.31}) < 2);
    CHECK(texts(index->resolve(QStringLiteral("bell"))) == QStringList{QStringLiteral("Bell Tower")});
    CHECK(index->resolve(QStringLiteral("canal")).isEmpty());
}

TEST_CASE("Streets in pieces, names ending in a number, numbered streets, letters after a number, a name typed to its end",
          "[address][domain]")
{
    // Elm Road in two pieces (as OpenStreetMap ways are), Mill Street crossing its second piece only;
    // "Route 9"; "5th Avenue"; "Ashbrook Road 2" beside "Ashbrook Road"; Station Street.
    const QByteArray city = R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Elm Road", "highway": "primary"},
         "geometry": {"type": "LineString", "coordinates": [[116.30, 39.90], [116.31, 39.90]]}},
        {"type": "Feature", "properties": {"name": "Elm Rd", "highway": "primary"},
         "geometry": {"type": "LineString", "coordinates": [[116.31, 39.90], [116.32, 39.90]]}},
        {"type": "Feature", "properties": {"name": "Mill Street", "highway": "residential"},
         "geometry": {"type": "LineString", "coordinates": [[116.315, 39.89], [116.315, 39.91]]}},
        {"type": "Feature", "properties": {"name": "Route 9", "highway": "trunk"},
         "geometry": {"type": "LineString", "coordinates": [[116.30, 39.92], [116.32, 39.92]]}},
        {"type": "Feature", "properties": {"name": "5th Avenue", "highway": "primary"},
         "geometry": {"type": "LineString", "coordinates": [[116.30, 39.93], [116.32, 39.93]]}},
        {"type": "Feature", "properties": {"name": "Ashbrook Road", "highway": "residential"},
         "geometry": {"type": "LineString", "coordinates": [[116.30, 39.94], [116.32, 39.94]]}},
        {"type": "Feature", "properties": {"name": "Ashbrook Road 2", "highway": "residential"},
         "geometry": {"type": "LineString", "coordinates": [[116.30, 39.95], [116.32, 39.95]]}},
        {"type": "Feature", "properties": {"name": "Station Street", "highway": "residential"},
         "geometry": {"type": "LineString", "coordinates": [[116.30, 39.96], [116.32, 39.96]]}}
    ]})";
    QString error;
    const auto index = AddressIndex::fromGeoJson(city, &error);
    INFO(error.toStdString());
    REQUIRE(index);
    // The crossing on Elm Road's second piece is Elm Road's.
    const auto crossing = index->resolve(QStringLiteral("Elm Road / Mill"));
    REQUIRE(crossing.size() == 1);
    CHECK(crossing.first().text == QStringLiteral("Elm Road / Mill Street"));
    CHECK(crossing.first().point.distanceTo(GeoPoint{39.90, 116.315}) < 2);
    // Number 71 is 700 m along: past the first piece (about 853 m long)? No: on it; number 101 is on the second.
    const auto far = index->resolve(QStringLiteral("101 Elm Road"));
    REQUIRE(!far.isEmpty());
    CHECK(far.first().point.longitude > 116.31);
    // A name that ends in a number is that street first, the number reading after it.
    const auto ashbrook = index->resolve(QStringLiteral("Ashbrook Road 2"));
    REQUIRE(ashbrook.size() >= 2);
    CHECK(ashbrook.first().text == QStringLiteral("Ashbrook Road 2"));
    CHECK(ashbrook.first().kind == PlaceMatch::Kind::Street);
    CHECK(texts(ashbrook).contains(QStringLiteral("2 Ashbrook Road")));
    CHECK(index->resolve(QStringLiteral("Route 9")).first().text == QStringLiteral("Route 9"));
    // A numbered street, and a letter after the number kept.
    CHECK(index->resolve(QStringLiteral("12 5th Ave")).first().text == QStringLiteral("12 5th Avenue"));
    CHECK(index->resolve(QStringLiteral("141b Ashbrook Road")).first().text == QStringLiteral("141B Ashbrook Road"));
    // A name typed to its end with a space after it is still that street.
    CHECK(index->resolve(QStringLiteral("Station Street ")).first().text == QStringLiteral("Station Street"));
    // "St" still being typed may be Station: not read as Street yet.
    CHECK(index->resolve(QStringLiteral("st")).first().text == QStringLiteral("Station Street"));
}

TEST_CASE("A file that is not a district is refused with the reason", "[address][domain]")
{
    QString error;
    CHECK_FALSE(AddressIndex::fromGeoJson("not json", &error));
    CHECK(error.contains(QStringLiteral("not JSON")));
    CHECK_FALSE(AddressIndex::fromGeoJson(R"({"type": "Feature"})", &error));
    CHECK(error.contains(QStringLiteral("FeatureCollection")));
    CHECK_FALSE(AddressIndex::fromGeoJson(R"({"type": "FeatureCollection", "features": [{"geometry": {"type": "Polygon"}}]})", &error));
    CHECK(error.contains(QStringLiteral("no named street")));
}
