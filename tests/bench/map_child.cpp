// hexhub-bench-map [--quick]: the child side of `hexhub-bench map`, a widget program (hexhub-bench
// itself links only the core). Pans and zooms the map with 10,000 markers and times each step with
// the repaint of the whole viewport after it; then does the same on the baseline, a plain QGraphicsView over a
// QGraphicsScene of 10,000 QGraphicsEllipseItems (a fixed size on screen, as the markers are). Then
// the map with the district and raster tiles under the markers panned eastward over new ground
// (every few steps a column of tiles never seen, fetched and decoded), against the same plain view
// drawing the same tiles as its background over the same ground (each tile decoded once, when it
// first shows). Prints one JSON line of figures in ms per frame.
#include "mapview.h"

#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsEllipseItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHash>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

using namespace hexhub;

namespace {

const GeoPoint kCentre{31.2304, 121.4737};
constexpr int kMarkers = 10000;
constexpr double kPanMetresPerPixel = 2.0; // the district's streets readable, most markers in view

struct Frames
{
    QList<double> ms;

    double percentile(double p) const
    {
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.isEmpty() ? 0 : sorted[std::min<qsizetype>(sorted.size() - 1, qsizetype(p * sorted.size()))];
    }
};

// The same 10,000 places every run: a 4 km square around the district's middle.
QList<GeoPoint> places()
{
    QRandomGenerator random(20261129);
    QList<GeoPoint> points;
    for (int i = 0; i < kMarkers; ++i)
        points << GeoPoint{kCentre.latitude + (random.generateDouble() - 0.5) * 0.036,
                           kCentre.longitude + (random.generateDouble() - 0.5) * 0.042};
    return points;
}

// One frame: the step, then the whole viewport repainted at once (the most a frame can cost: a
// real scroll repaints only the strip scrolled in). What the step left for the event loop runs
// after, outside the frame.
double frame(QGraphicsView& view, const std::function<void()>& step)
{
    QElapsedTimer timer;
    timer.start();
    step();
    view.viewport()->repaint();
    const double ms = timer.nsecsElapsed() / 1e6;
    QCoreApplication::processEvents();
    return ms;
}

// Steps of a pan round a square of kPanSide steps a side (right, down, left, up) and back where it
// started, through the scroll bars as dragging and the arrow keys do: the markers stay in view.
constexpr int kPanSide = 8;

void panStep(QGraphicsView& view, int i, int pixels)
{
    const int leg = (i / kPanSide) % 4;
    QScrollBar* bar = leg % 2 == 0 ? view.horizontalScrollBar() : view.verticalScrollBar();
    bar->setValue(bar->value() + (leg < 2 ? pixels : -pixels));
}

// Eastward in a straight line: each step scrolls `pixels` of ground never shown before into view.
Frames panEast(QGraphicsView& view, int steps, int pixels)
{
    Frames frames;
    for (int i = 0; i < steps; ++i)
        frames.ms << frame(view, [&] {
            view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + pixels);
        });
    return frames;
}

Frames pan(QGraphicsView& view, int steps, int pixels)
{
    Frames frames;
    for (int i = 0; i < steps; ++i)
        frames.ms << frame(view, [&] { panStep(view, i, pixels); });
    return frames;
}

// Zooms in from 20 m to 0.5 m per pixel and back out in steps of 1.25, on the middle of the district,
// `rounds` times after one round untimed (the pictures of labels and clusters made).
Frames zoom(const std::function<void(double)>& scaleTo, QGraphicsView& view, int rounds)
{
    QList<double> scales;
    for (double mpp = 20; mpp > 0.5; mpp /= 1.25)
        scales << mpp;
    for (qsizetype i = scales.size() - 2; i > 0; --i)
        scales << scales[i];
    Frames frames;
    for (int r = 0; r <= rounds; ++r) {
        for (const double mpp : std::as_const(scales)) {
            const double ms = frame(view, [&] { scaleTo(mpp); });
            if (r > 0)
                frames.ms << ms;
        }
    }
    return frames;
}

void put(QJsonObject& out, const QString& key, const Frames& frames)
{
    out.insert(key + QStringLiteral("Median"), frames.percentile(0.5));
    out.insert(key + QStringLiteral("P90"), frames.percentile(0.9));
}

QByteArray district()
{
    QFile f(QStringLiteral(":/hexhub/district/district.geojson"));
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("the district is not in the resources");
    return f.readAll();
}

// One 256-pixel tile with some detail (a grid and a diagonal), as a data: URL every tile address
// resolves to: tiles without a server or files, decoded as any other.
QString tileTemplate()
{
    QImage tile(256, 256, QImage::Format_RGB32);
    tile.fill(QColor(0xe8, 0xe4, 0xdc));
    QPainter p(&tile);
    p.setPen(QColor(0xc0, 0xb8, 0xa8));
    for (int i = 0; i < 256; i += 32) {
        p.drawLine(i, 0, i, 255);
        p.drawLine(0, i, 255, i);
    }
    p.drawLine(0, 0, 255, 255);
    p.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    tile.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,%1#{z}/{x}/{y}").arg(QString::fromLatin1(png.toBase64()));
}

// Until the tiles in view are decoded (a data: URL answers at once; bounded all the same).
void settleTiles(MapView& map)
{
    QElapsedTimer waited;
    waited.start();
    do {
        QCoreApplication::processEvents();
        map.viewport()->repaint();
        QCoreApplication::processEvents();
    } while (map.pendingTileCount() > 0 && waited.elapsed() < 10000);
}

// The tiles of a slippy map as a plain QGraphicsView would draw them: the 256-pixel tiles of the
// zoom level that fits the scale, each decoded from the same PNG bytes the map gets the first time it
// shows and kept, drawn as the view's background under the markers.
class TiledView final : public QGraphicsView
{
public:
    TiledView(QGraphicsScene* scene, QByteArray png)
        : QGraphicsView(scene)
        , m_png(std::move(png))
    {
    }
    int decoded() const { return int(m_tiles.size()); }

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override
    {
        constexpr double kWorld = 2 * 20037508.34;
        const double metresPerPixel = 1.0 / transform().m11();
        const int z = std::clamp(int(std::lround(std::log2(kWorld / 256.0 / metresPerPixel))), 0, 22);
        const double span = kWorld / double(1 << z);
        const int x0 = int(std::floor((rect.left() + kWorld / 2) / span));
        const int x1 = int(std::floor((rect.right() + kWorld / 2) / span));
        const int y0 = int(std::floor((rect.top() + kWorld / 2) / span));
        const int y1 = int(std::floor((rect.bottom() + kWorld / 2) / span));
        for (int x = x0; x <= x1; ++x) {
            for (int y = y0; y <= y1; ++y) {
                const quint64 key = (quint64(z) << 48) | (quint64(quint32(x)) << 24) | quint32(y);
                auto it = m_tiles.find(key);
                if (it == m_tiles.end())
                    it = m_tiles.insert(key, QImage::fromData(m_png, "PNG"));
                painter->drawImage(QRectF(x * span - kWorld / 2, y * span - kWorld / 2, span, span), *it);
            }
        }
    }

private:
    QByteArray m_png;
    QHash<quint64, QImage> m_tiles;
};

// The PNG behind tileTemplate()'s data: URL.
QByteArray tilePng()
{
    const QString url = tileTemplate();
    const qsizetype from = url.indexOf(u',') + 1;
    return QByteArray::fromBase64(url.mid(from, url.indexOf(u'#') - from).toLatin1());
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const bool quick = QCoreApplication::arguments().contains(QStringLiteral("--quick"));
    const int panSteps = quick ? 4 * kPanSide : 40 * kPanSide;
    const int zoomRounds = quick ? 1 : 8;
    const QSize size(1600, 900);
    const QList<GeoPoint> points = places();
    QJsonObject out;
    try {
        // The map, markers only.
        {
            MapView map;
            map.resize(size);
            map.show();
            QList<MapMarker> markers;
            for (int i = 0; i < points.size(); ++i)
                markers.append({QString::number(i), points[i], i % 7 == 0 ? QColor(0xd6, 0x30, 0x31) : QColor(0xe6, 0x7e, 0x22),
                                QStringLiteral("2026-%1").arg(i, 7, 10, QLatin1Char('0')), MapMarker::Shape::Circle});
            map.setMarkers(QStringLiteral("incidents"), markers);
            map.centreOn(kCentre, kPanMetresPerPixel);
            pan(map, 4 * kPanSide, 40); // warm-up: the labels' pictures made
            put(out, QStringLiteral("mapPan"), pan(map, panSteps, 40));
            put(out, QStringLiteral("mapZoom"), zoom([&](double mpp) { map.centreOn(kCentre, mpp); }, map, zoomRounds));

            // With the district and tiles under the markers, eastward over new ground: the tiles in
            // view at the start are there, every one after comes during the timed run.
            map.addGeoJson(QStringLiteral("district"), district());
            map.setTileSource(tileTemplate());
            map.centreOn(kCentre, kPanMetresPerPixel);
            settleTiles(map);
            const int before = map.cachedTileCount();
            put(out, QStringLiteral("tilesPan"), panEast(map, panSteps, 40));
            settleTiles(map);
            if (!map.lastTileError().isEmpty())
                throw std::runtime_error("tiles: " + map.lastTileError().toStdString());
            out.insert(QStringLiteral("tilesDecoded"), map.cachedTileCount() - before);
        }
        // The baseline: one QGraphicsEllipseItem per marker.
        {
            QGraphicsScene scene;
            scene.setSceneRect(-20037508.34, -20037508.34, 2 * 20037508.34, 2 * 20037508.34);
            for (int i = 0; i < points.size(); ++i) {
                auto* item = scene.addEllipse(QRectF(-7, -7, 14, 14), QPen(Qt::white, 2),
                                              i % 7 == 0 ? QColor(0xd6, 0x30, 0x31) : QColor(0xe6, 0x7e, 0x22));
                item->setFlag(QGraphicsItem::ItemIgnoresTransformations);
                item->setPos(MapView::toScene(points[i]));
            }
            QGraphicsView view(&scene);
            view.setRenderHint(QPainter::Antialiasing);
            view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            view.setBackgroundBrush(QColor(0xf2, 0xef, 0xe9));
            view.resize(size);
            view.show();
            const auto scaleTo = [&](double mpp) {
                view.setTransform(QTransform::fromScale(1 / mpp, 1 / mpp));
                view.centerOn(MapView::toScene(kCentre));
            };
            scaleTo(kPanMetresPerPixel);
            pan(view, 4 * kPanSide, 40);
            put(out, QStringLiteral("plainPan"), pan(view, panSteps, 40));
            put(out, QStringLiteral("plainZoom"), zoom(scaleTo, view, zoomRounds));
        }
        // The baseline with tiles: the same markers over the same tiles, eastward over the same ground.
        {
            QGraphicsScene scene;
            scene.setSceneRect(-20037508.34, -20037508.34, 2 * 20037508.34, 2 * 20037508.34);
            for (int i = 0; i < points.size(); ++i) {
                auto* item = scene.addEllipse(QRectF(-7, -7, 14, 14), QPen(Qt::white, 2),
                                              i % 7 == 0 ? QColor(0xd6, 0x30, 0x31) : QColor(0xe6, 0x7e, 0x22));
                item->setFlag(QGraphicsItem::ItemIgnoresTransformations);
                item->setPos(MapView::toScene(points[i]));
            }
            TiledView view(&scene, tilePng());
            view.setRenderHint(QPainter::Antialiasing);
            view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            view.setCacheMode(QGraphicsView::CacheNone);
            view.resize(size);
            view.show();
            view.setTransform(QTransform::fromScale(1 / kPanMetresPerPixel, 1 / kPanMetresPerPixel));
            view.centerOn(MapView::toScene(kCentre));
            view.viewport()->repaint();
            const int before = view.decoded();
            put(out, QStringLiteral("plainTilesPan"), panEast(view, panSteps, 40));
            out.insert(QStringLiteral("plainTilesDecoded"), view.decoded() - before);
        }
    } catch (const std::exception& e) {
        QTextStream(stderr) << e.what() << "\n";
        return 1;
    }
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}
