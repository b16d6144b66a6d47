// The map: GeoJSON layers with errors that say where, Web Mercator both ways, markers clustered
// when zoomed out and single when zoomed in, clicks that open a marker or zoom into a cluster;
// raster tiles from a tile server in the test, from its disk cache when the server is gone, and a
// map that keeps working when the server answers garbage or nothing.
#include "testsupport.h"

#include "mapview.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QMimeData>
#include <QMouseEvent>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QtMath>

#include <cmath>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;

namespace Catch {
template <>
struct StringMaker<QColor>
{
    static std::string convert(const QColor& value) { return value.name().toStdString(); }
};
} // namespace Catch

namespace {

const GeoPoint kCentre{31.2304, 121.4737};

QByteArray district()
{
    QFile f(QStringLiteral(":/hexhub/district/district.geojson"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// Slippy-map tile arithmetic as tile servers define it (OpenStreetMap's wiki), independent of
// MapView's scene: 256-pixel tiles, 2^z across the world, x from 180 W, y from 85.05 N.
constexpr double kPi = 3.14159265358979323846;
constexpr double kEquator = 40075016.686; // metres round the Web Mercator equator

double metresPerPixelAt(int z)
{
    return kEquator / (256.0 * std::pow(2.0, z));
}

QString tileAt(const GeoPoint& p, int z)
{
    const double n = std::pow(2.0, z);
    const double lat = p.latitude * kPi / 180;
    const int x = int(std::floor((p.longitude + 180) / 360 * n));
    const int y = int(std::floor((1 - std::asinh(std::tan(lat)) / kPi) / 2 * n));
    return QStringLiteral("%1/%2/%3").arg(z).arg(x).arg(y);
}

// The north-west corner of tile x/y.
GeoPoint tileCorner(int z, int x, int y)
{
    const double n = std::pow(2.0, z);
    return {std::atan(std::sinh(kPi * (1 - 2 * y / n))) * 180 / kPi, x / n * 360 - 180};
}

// The tiles ("z/x/y") the map's viewport shows at zoom z.
QSet<QString> visibleTiles(const MapView& map, int z)
{
    const QStringList nw = tileAt(map.geoPointAt(QPointF(0, 0)), z).split(QLatin1Char('/'));
    const QStringList se = tileAt(map.geoPointAt(QPointF(map.viewport()->width(), map.viewport()->height())), z).split(QLatin1Char('/'));
    QSet<QString> tiles;
    for (int x = nw[1].toInt(); x <= se[1].toInt(); ++x) {
        for (int y = nw[2].toInt(); y <= se[2].toInt(); ++y)
            tiles.insert(QStringLiteral("%1/%2/%3").arg(z).arg(x).arg(y));
    }
    return tiles;
}

/*!
 * A tile server of one port on 127.0.0.1 answering GET /z/x/y.png, each tile one colour
 * (colourOf()), cacheable for a day; or answering garbage; or reading requests and never answering.
 * It counts the requests and the connections the client closed.
 */
class TileServer final : public QObject
{
public:
    enum class Answer { Tiles, Garbage, Nothing };

    explicit TileServer(Answer answer = Answer::Tiles)
        : m_answer(answer)
    {
        REQUIRE(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    ++closedByClient;
                    m_buffers.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }

    ~TileServer() override { close(); } // no socket reports to a server half gone

    QString urlTemplate() const { return QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(m_server.serverPort()); }

    //! Stops listening and drops every connection: from now on connections are refused.
    void close()
    {
        m_server.close();
        for (QTcpSocket* socket : m_server.findChildren<QTcpSocket*>()) {
            socket->disconnect(this);
            socket->abort();
        }
    }

    static QColor colourOf(int z, int x, int y) { return QColor(QColor::fromHsv((x * 47 + y * 101 + z * 7) % 360, 170, 230).rgb()); }
    static QColor colourOf(const QString& tile)
    {
        const QStringList zxy = tile.split(QLatin1Char('/'));
        return colourOf(zxy[0].toInt(), zxy[1].toInt(), zxy[2].toInt());
    }

    QStringList requests; //!< "z/x/y", in the order they came
    int closedByClient = 0;

private:
    void serve(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (qsizetype end = buffer.indexOf("\r\n\r\n"); end >= 0; end = buffer.indexOf("\r\n\r\n")) {
            const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
            buffer.remove(0, end + 4);
            QString path = QString::fromLatin1(requestLine.value(1));
            path.remove(0, 1).chop(4); // "/z/x/y.png"
            requests << path;
            if (m_answer == Answer::Nothing)
                continue;
            QByteArray body = "<html><body>Sorry, no tiles today.</body></html>";
            if (m_answer == Answer::Tiles) {
                QImage tile(256, 256, QImage::Format_RGB32);
                tile.fill(colourOf(path));
                QBuffer png(&body);
                body.clear();
                png.open(QIODevice::WriteOnly);
                tile.save(&png, "PNG");
            }
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nCache-Control: public, max-age=86400\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        }
    }

    Answer m_answer;
    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

QImage viewportImage(MapView& map)
{
    return map.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

void showMap(MapView& map)
{
    map.resize(800, 600);
    map.show();
    REQUIRE(QTest::qWaitForWindowExposed(&map));
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

TEST_CASE("Map: the whole district stays in view as the map grows, until the operator zooms or pans", "[widgets][map]")
{
    MapView map;
    REQUIRE(map.addGeoJson(QStringLiteral("district"), district()));
    map.resize(160, 120); // a dock as the wall is being laid out
    map.show();
    REQUIRE(QTest::qWaitForWindowExposed(&map));
    map.showAll();
    const double small = map.metresPerPixel();
    // The district's middle (Harbour Tower) is near the middle of the view, not in a corner of it.
    const auto centred = [&map] {
        const QRect view = map.viewport()->rect();
        const QPointF offset = map.viewPointOf(kCentre) - QPointF(view.center());
        return std::abs(offset.x()) < view.width() / 4.0 && std::abs(offset.y()) < view.height() / 4.0;
    };
    CHECK(centred());

    // The wall goes full screen: the district fills it, not a corner of it.
    map.resize(1800, 1000);
    REQUIRE(waitUntil([&] { return map.viewport()->width() > 1700; }));
    CHECK(map.fitsAll());
    CHECK(map.metresPerPixel() < small / 5);
    CHECK(centred());
    const double large = map.metresPerPixel();

    // Once the operator zooms, a resize leaves the map where they put it.
    QTest::keyClick(&map, Qt::Key_Plus);
    CHECK_FALSE(map.fitsAll());
    const double zoomed = map.metresPerPixel();
    CHECK(zoomed < large);
    map.resize(900, 500);
    REQUIRE(waitUntil([&] { return map.viewport()->width() < 1000; }));
    CHECK(map.metresPerPixel() == Approx(zoomed));
    // Asked again, it fits again.
    map.showAll();
    CHECK(map.fitsAll());
    CHECK(map.metresPerPixel() > zoomed);
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

TEST_CASE("Map: cameras' cones and discs cover what they see, in metres on the ground", "[widgets][map]")
{
    // 100 m north of the centre, and 100 m east, 100 m south, 100 m west (1 degree of latitude is
    // about 111.2 km; a degree of longitude that times cos(latitude)).
    const double dLat = 100 / 111195.0;
    const double dLon = dLat / std::cos(qDegreesToRadians(kCentre.latitude));
    const GeoPoint north{kCentre.latitude + dLat, kCentre.longitude};
    const GeoPoint east{kCentre.latitude, kCentre.longitude + dLon};
    const GeoPoint south{kCentre.latitude - dLat, kCentre.longitude};
    const GeoPoint west{kCentre.latitude, kCentre.longitude - dLon};
    const auto covers = [](const MapSector& s, const GeoPoint& p) { return MapView::sectorPath(s).contains(MapView::toScene(p)); };

    const MapSector northward{QStringLiteral("c1"), kCentre, 0, 60, 150, Qt::blue};
    CHECK(covers(northward, north));
    CHECK_FALSE(covers(northward, east));
    CHECK_FALSE(covers(northward, south));
    CHECK_FALSE(covers(northward, west));
    const MapSector eastward{QStringLiteral("c2"), kCentre, 90, 60, 150, Qt::blue};
    CHECK(covers(eastward, east));
    CHECK_FALSE(covers(eastward, north));
    CHECK_FALSE(covers(eastward, west));
    // The range is metres on the ground, not Web Mercator metres (1.17 times longer at 31 degrees).
    const MapSector shortWest{QStringLiteral("c3"), kCentre, 270, 40, 95, Qt::blue};
    CHECK_FALSE(covers(shortWest, west));
    CHECK(covers({QStringLiteral("c3"), kCentre, 270, 40, 105, Qt::blue}, west));
    // A field of view of 360: a disc (a PTZ camera, a drone's footprint).
    const MapSector footprint{QStringLiteral("d1"), kCentre, 0, 360, 150, Qt::red};
    for (const GeoPoint& p : {north, east, south, west})
        CHECK(covers(footprint, p));

    // Drawn under the markers, translucent, and replaced as a whole.
    MapView map;
    map.resize(600, 600);
    map.show();
    REQUIRE(QTest::qWaitForWindowExposed(&map));
    map.centreOn(kCentre, 1);
    const QImage bare = map.grab().toImage();
    map.setSectors(QStringLiteral("views"), {northward});
    CHECK(map.sectors(QStringLiteral("views")).size() == 1);
    const QImage drawn = map.grab().toImage();
    const QPoint inside = map.viewPointOf(GeoPoint{kCentre.latitude + dLat / 2, kCentre.longitude}).toPoint();
    const QPoint outside = map.viewPointOf(GeoPoint{kCentre.latitude - dLat / 2, kCentre.longitude}).toPoint();
    CHECK(drawn.pixelColor(inside) != bare.pixelColor(inside));
    CHECK(drawn.pixelColor(inside).blue() > drawn.pixelColor(inside).red());
    CHECK(drawn.pixelColor(outside) == bare.pixelColor(outside));
    map.setSectors(QStringLiteral("views"), {eastward});
    const QImage moved = map.grab().toImage();
    CHECK(moved.pixelColor(inside) == bare.pixelColor(inside));
}

TEST_CASE("Map: a draggable marker is dragged, not panned, and still opens on a click", "[widgets][map]")
{
    MapView map;
    map.resize(800, 600);
    map.show();
    REQUIRE(QTest::qWaitForWindowExposed(&map));
    const GeoPoint camera{kCentre.latitude + 0.002, kCentre.longitude};
    map.setMarkers(QStringLiteral("cameras"), {{QStringLiteral("CAM-1"), camera, Qt::blue, QStringLiteral("Gate"), MapMarker::Shape::Triangle}});
    map.centreOn(kCentre, 2);
    QStringList asked;
    map.setMarkerDrag(QStringLiteral("cameras"), [&](const QString& id) -> QMimeData* {
        asked << id;
        return nullptr; // (a real drag would start here; this one only says it was asked)
    });
    CHECK(map.markerAt(map.viewPointOf(camera)) == std::pair(QStringLiteral("cameras"), QStringLiteral("CAM-1")));
    CHECK(map.markerAt(map.viewPointOf(kCentre)).first.isEmpty());

    const QPoint at = map.viewPointOf(camera).toPoint();
    const GeoPoint centreBefore = map.centre();
    QTest::mousePress(map.viewport(), Qt::LeftButton, {}, at);
    QMouseEvent move(QEvent::MouseMove, QPointF(at + QPoint(60, 40)), map.viewport()->mapToGlobal(QPointF(at + QPoint(60, 40))),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(map.viewport(), &move);
    QTest::mouseRelease(map.viewport(), Qt::LeftButton, {}, at + QPoint(60, 40));
    CHECK(asked == QStringList{QStringLiteral("CAM-1")});
    CHECK(map.centre().distanceTo(centreBefore) < 0.5); // not panned

    // A click (no move) still opens it; elsewhere, a drag still pans.
    QSignalSpy activated(&map, &MapView::markerActivated);
    QTest::mouseClick(map.viewport(), Qt::LeftButton, {}, at);
    REQUIRE(activated.size() == 1);
    CHECK(activated.first().at(1).toString() == QStringLiteral("CAM-1"));
    map.setMarkerDrag(QStringLiteral("cameras"), {});
    CHECK_FALSE(map.markerDragData(QStringLiteral("cameras"), QStringLiteral("CAM-1")));
}

TEST_CASE("Map: tiles come for the view only, at the zoom of its scale, lined up under the layers", "[widgets][map][tiles]")
{
    TileServer server;
    QTemporaryDir cache;
    MapView map;
    showMap(map);
    // Between two zoom levels' scales: z16 tiles, each shown 197 pixels wide.
    map.centreOn(kCentre, metresPerPixelAt(16) * 1.3);
    CHECK(map.tileZoom() == 16);
    QSignalSpy errors(&map, &MapView::tileError);
    map.setTileSource(server.urlTemplate(), cache.path());
    CHECK(map.tileSource() == server.urlTemplate());

    const QSet<QString> z16 = visibleTiles(map, 16);
    REQUIRE(z16.size() >= 12);
    REQUIRE(waitUntil([&] { return map.cachedTileCount() == z16.size() && map.pendingTileCount() == 0; }));
    CHECK(QSet<QString>(server.requests.begin(), server.requests.end()) == z16);
    CHECK(server.requests.size() == z16.size()); // each once
    CHECK(errors.isEmpty());

    // Each tile is where the tile arithmetic puts it: its colour just inside its corners.
    const QImage shown = viewportImage(map);
    int checked = 0;
    for (const QString& tile : z16) {
        const QStringList zxy = tile.split(QLatin1Char('/'));
        const int x = zxy[1].toInt(), y = zxy[2].toInt();
        const QPointF nw = map.viewPointOf(tileCorner(16, x, y));
        const QPointF se = map.viewPointOf(tileCorner(16, x + 1, y + 1));
        for (const QPointF& inside : {nw + QPointF(3, 3), se - QPointF(3, 3), (nw + se) / 2}) {
            if (!shown.rect().contains(inside.toPoint()))
                continue;
            INFO("tile " << tile.toStdString() << " at " << inside.x() << ", " << inside.y());
            CHECK(QColor(shown.pixel(inside.toPoint())) == TileServer::colourOf(tile));
            ++checked;
        }
    }
    CHECK(checked > 30);

    // A layer draws over the tiles: a river through the middle.
    const GeoPoint west{kCentre.latitude, kCentre.longitude - 0.01};
    const GeoPoint east{kCentre.latitude, kCentre.longitude + 0.01};
    REQUIRE(map.addGeoJson(QStringLiteral("river"),
                           QStringLiteral(R"({"type":"Feature","properties":{"kind":"river"},"geometry":{"type":"LineString","coordinates":[[%1,%2],[%3,%4]]}})")
                               .arg(west.longitude, 0, 'f', 6).arg(west.latitude, 0, 'f', 6).arg(east.longitude, 0, 'f', 6).arg(east.latitude, 0, 'f', 6)
                               .toUtf8()));
    const QImage withRiver = viewportImage(map);
    const QPoint onRiver = map.viewPointOf(kCentre).toPoint();
    CHECK(QColor(withRiver.pixel(onRiver)) == QColor(0x9c, 0xc4, 0xe4));
    const QPoint offRiver = (map.viewPointOf(kCentre) + QPointF(0, 120)).toPoint();
    CHECK(QColor(withRiver.pixel(offRiver)) == TileServer::colourOf(tileAt(map.geoPointAt(offRiver), 16)));

    // Zoomed out to z14's scale: z14 tiles for the view, nothing else.
    const qsizetype before = server.requests.size();
    map.centreOn(kCentre, metresPerPixelAt(14) * 0.9);
    CHECK(map.tileZoom() == 14);
    const QSet<QString> z14 = visibleTiles(map, 14);
    REQUIRE(waitUntil([&] { return server.requests.size() == before + z14.size() && map.pendingTileCount() == 0; }));
    const QStringList after = server.requests.mid(before);
    CHECK(QSet<QString>(after.begin(), after.end()) == z14);
    CHECK(QColor(viewportImage(map).pixel(QPoint(5, 5))) == TileServer::colourOf(tileAt(map.geoPointAt(QPointF(5, 5)), 14)));

    // Tiles off: the land again.
    map.setTileSource(QString());
    CHECK(map.tileSource().isEmpty());
    CHECK(QColor(viewportImage(map).pixel(QPoint(5, 5))) == QColor(0xf2, 0xef, 0xe9));
}

TEST_CASE("Map: tiles on disk show in another map after the server is gone", "[widgets][map][tiles]")
{
    auto server = std::make_unique<TileServer>();
    QTemporaryDir cache;
    QSet<QString> tiles;
    {
        MapView first;
        showMap(first);
        first.centreOn(kCentre, metresPerPixelAt(16));
        first.setTileSource(server->urlTemplate(), cache.path());
        tiles = visibleTiles(first, 16);
        REQUIRE(waitUntil([&] { return first.cachedTileCount() == tiles.size() && first.pendingTileCount() == 0; }));
    }
    const QString urlTemplate = server->urlTemplate();
    const qsizetype served = server->requests.size();
    server->close();

    MapView second;
    showMap(second);
    second.centreOn(kCentre, metresPerPixelAt(16));
    QSignalSpy errors(&second, &MapView::tileError);
    second.setTileSource(urlTemplate, cache.path());
    REQUIRE(waitUntil([&] { return second.cachedTileCount() == tiles.size() && second.pendingTileCount() == 0; }));
    CHECK(errors.isEmpty());
    CHECK(server->requests.size() == served);
    const QPoint middle = second.viewport()->rect().center();
    CHECK(QColor(viewportImage(second).pixel(middle)) == TileServer::colourOf(tileAt(second.geoPointAt(middle), 16)));

    // Without the disk cache the same tiles do not come: the server is gone.
    MapView third;
    showMap(third);
    third.centreOn(kCentre, metresPerPixelAt(16));
    QSignalSpy thirdErrors(&third, &MapView::tileError);
    third.setTileSource(urlTemplate);
    REQUIRE(thirdErrors.wait(10000));
    CHECK(third.cachedTileCount() == 0);
}

TEST_CASE("Map: a tile server answering garbage, refusing or not there leaves the map as it was, with the error",
          "[widgets][map][tiles]")
{
    MapView map;
    showMap(map);
    REQUIRE(map.addGeoJson(QStringLiteral("district"), district()));
    map.setMarkers(QStringLiteral("incidents"), {{QStringLiteral("1"), kCentre, Qt::red, QString(), MapMarker::Shape::Circle}});
    map.centreOn(kCentre, 3);
    const QImage without = viewportImage(map);
    const QPoint marker = map.viewPointOf(kCentre).toPoint();
    REQUIRE(QColor(without.pixel(marker)) == QColor(Qt::red));

    QTemporaryDir cache;
    QSignalSpy errors(&map, &MapView::tileError);

    SECTION("garbage")
    {
        TileServer server(TileServer::Answer::Garbage);
        map.setTileSource(server.urlTemplate(), cache.path());
        REQUIRE(errors.wait(10000));
        CHECK(errors.first().first().toString().contains(QStringLiteral("is not a tile image")));
        CHECK(map.lastTileError().contains(QStringLiteral("is not a tile image")));
        REQUIRE(waitUntil([&] { return map.pendingTileCount() == 0; }));
        CHECK(map.cachedTileCount() == 0);
        CHECK(viewportImage(map) == without); // the streets and the marker, as without tiles
    }
    SECTION("refused")
    {
        QTcpServer gone;
        REQUIRE(gone.listen(QHostAddress::LocalHost));
        const quint16 port = gone.serverPort();
        gone.close();
        map.setTileSource(QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(port), cache.path());
        REQUIRE(errors.wait(10000));
        CHECK(errors.first().first().toString().contains(QStringLiteral("did not come")));
        REQUIRE(waitUntil([&] { return map.pendingTileCount() == 0; }));
        CHECK(map.cachedTileCount() == 0);
        CHECK(viewportImage(map) == without);
    }
    SECTION("not a tile address")
    {
        map.setTileSource(QStringLiteral("tiles please"));
        CHECK(errors.size() == 1);
        CHECK(map.lastTileError().contains(QStringLiteral("{z}, {x} and {y}")));
        CHECK(map.tileSource().isEmpty());
        CHECK(viewportImage(map) == without);
    }
}

TEST_CASE("Map: a few tile requests at a time, and those for tiles scrolled away are aborted", "[widgets][map][tiles]")
{
    TileServer server(TileServer::Answer::Nothing);
    MapView map;
    showMap(map);
    map.centreOn(kCentre, metresPerPixelAt(16));
    const QSet<QString> here = visibleTiles(map, 16);
    REQUIRE(here.size() > MapView::kMaxTileRequests);
    map.setTileSource(server.urlTemplate());
    REQUIRE(waitUntil([&] { return server.requests.size() == MapView::kMaxTileRequests; }));
    CHECK(map.pendingTileCount() == MapView::kMaxTileRequests);
    for (const QString& tile : std::as_const(server.requests))
        CHECK(here.contains(tile));
    // The middle first.
    CHECK(server.requests.contains(tileAt(map.geoPointAt(map.viewport()->rect().center()), 16)));

    // Fifty kilometres away: the requests still waiting for the old place go, new ones come.
    map.centreOn(GeoPoint{31.6, 121.9}, metresPerPixelAt(16));
    const QSet<QString> there = visibleTiles(map, 16);
    REQUIRE(waitUntil([&] { return server.closedByClient >= MapView::kMaxTileRequests
                                   && server.requests.size() == 2 * MapView::kMaxTileRequests; }));
    CHECK(map.pendingTileCount() == MapView::kMaxTileRequests);
    for (const QString& tile : server.requests.mid(MapView::kMaxTileRequests))
        CHECK(there.contains(tile));
    // Never more in flight than the cap: the server holds every request it has not seen closed.
    CHECK(server.requests.size() - server.closedByClient <= MapView::kMaxTileRequests);

    // A map hidden (a dock tab in the background) drops what it asked for.
    map.hide();
    REQUIRE(waitUntil([&] { return map.pendingTileCount() == 0 && server.closedByClient == 2 * MapView::kMaxTileRequests; }));
    CHECK(server.requests.size() == 2 * MapView::kMaxTileRequests);
}
