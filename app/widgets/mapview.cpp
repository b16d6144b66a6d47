#include "mapview.h"

#include "widgetstr.h"

#include <QBuffer>
#include <QCache>
#include <QApplication>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDrag>
#include <QEvent>
#include <QFontMetrics>
#include <QGraphicsScene>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QScrollBar>
#include <QSet>
#include <QStandardPaths>
#include <QTimer>
#include <QWheelEvent>
#include <QtMath>

#include <cmath>

namespace hexhub {

namespace {

constexpr double kWorld = 20037508.34; // half the Web Mercator world, metres

struct MapColours
{
    QColor land, street, major, river, areaFill, areaLine, text, halo;

    static MapColours of(bool dark)
    {
        if (dark)
            return {QColor(0x1b, 0x20, 0x27), QColor(0x4a, 0x52, 0x5e), QColor(0x7a, 0x82, 0x8e), QColor(0x2c, 0x5d, 0x8a),
                    QColor(0x3d, 0x6f, 0xb5, 28), QColor(0x5d, 0x8f, 0xd5, 190), QColor(0xd8, 0xdc, 0xe2), QColor(0x1b, 0x20, 0x27)};
        return {QColor(0xf2, 0xef, 0xe9), QColor(0xc8, 0xc2, 0xb8), QColor(0xa0, 0x98, 0x8c), QColor(0x9c, 0xc4, 0xe4),
                QColor(0x2e, 0x86, 0xde, 22), QColor(0x2e, 0x86, 0xde, 170), QColor(0x33, 0x33, 0x33), QColor(0xf2, 0xef, 0xe9)};
    }
};

/*!
 * Text with a halo, as labels on the map are: each text drawn once into a picture, then copied
 * (shaping text and drawing it five times over costs a hundred times more, and labels are drawn
 * every frame). The pictures go when the font, the colours or the screen change.
 */
class LabelSprites
{
public:
    struct Sprite
    {
        QPixmap pixmap;
        QPoint offset; //!< of its top left from where the text's baseline starts
    };

    void setStyle(const QFont& font, const QColor& text, const QColor& halo, qreal dpr)
    {
        if (font == m_font && text == m_text && halo == m_halo && dpr == m_dpr)
            return;
        m_cache.clear();
        m_font = font;
        m_text = text;
        m_halo = halo;
        m_dpr = dpr;
        const QFontMetrics metrics(m_font);
        m_ascent = metrics.ascent();
        m_height = metrics.height();
        m_charWidth = std::max(1, metrics.averageCharWidth());
    }

    void clear() { m_cache.clear(); }

    //! Draws `text` with its baseline starting at `baseline` (device pixels: no transform).
    void draw(QPainter* painter, const QPoint& baseline, const QString& text)
    {
        if (const Sprite* sprite = get(text))
            painter->drawPixmap(baseline + sprite->offset, sprite->pixmap);
    }

    //! About the width of `text` without drawing it: wide (CJK) characters count twice.
    int estimatedWidth(const QString& text) const
    {
        int units = 0;
        for (const QChar c : text)
            units += c.unicode() >= 0x1100 ? 2 : 1;
        return units * m_charWidth + 4;
    }
    int ascent() const { return m_ascent; }
    int height() const { return m_height; }

private:
    const Sprite* get(const QString& text)
    {
        if (const Sprite* cached = m_cache.object(text))
            return cached;
        const QFontMetrics metrics(m_font);
        const QSize size(metrics.horizontalAdvance(text) + 4, metrics.height() + 2);
        auto* sprite = new Sprite{QPixmap(size * m_dpr), QPoint(-2, -metrics.ascent() - 1)};
        sprite->pixmap.setDevicePixelRatio(m_dpr);
        sprite->pixmap.fill(Qt::transparent);
        QPainter p(&sprite->pixmap);
        p.setFont(m_font);
        const QPoint at(2, metrics.ascent() + 1);
        p.setPen(m_halo);
        for (const QPoint d : {QPoint(-1, 0), QPoint(1, 0), QPoint(0, -1), QPoint(0, 1)})
            p.drawText(at + d, text);
        p.setPen(m_text);
        p.drawText(at, text);
        p.end();
        const qint64 cost = qint64(size.width()) * size.height() * 4 * m_dpr * m_dpr;
        const Sprite* result = sprite;
        return m_cache.insert(text, sprite, cost) ? result : nullptr; // larger than the whole cache: not drawn
    }

    QCache<QString, Sprite> m_cache{8 << 20}; // bytes
    QFont m_font;
    QColor m_text, m_halo;
    qreal m_dpr = 0;
    int m_ascent = 11, m_height = 14, m_charWidth = 7;
};

std::optional<QPointF> position(const QJsonValue& value)
{
    const QJsonArray a = value.toArray();
    if (a.size() < 2 || !a.at(0).isDouble() || !a.at(1).isDouble())
        return std::nullopt;
    const GeoPoint p{a.at(1).toDouble(), a.at(0).toDouble()}; // GeoJSON is longitude, latitude
    if (!p.isValid())
        return std::nullopt;
    return MapView::toScene(p);
}

} // namespace

// ---------------------------------------------------------------------------------------------

//! One GeoJSON layer: streets, rivers, areas and landmarks, drawn in that order.
class GeoLayer
{
public:
    struct Line
    {
        QPainterPath path;
        QString kind;
        bool major = false;
        QString name;
    };
    struct Area
    {
        QPainterPath path;
        QString name;
    };
    struct Place
    {
        QPointF point;
        QString name;
    };

    QList<Line> lines;
    QList<Area> areas;
    QList<Place> places;
    QRectF bounds;
    MapColours colours = MapColours::of(false);

    //! Draws the layer with the painter's transform from scene to device (as a background).
    void paint(QPainter* painter)
    {
        const double pixelsPerMetre = painter->worldTransform().m11();
        painter->setRenderHint(QPainter::Antialiasing, pixelsPerMetre > 0.02);
        for (const Area& a : std::as_const(areas)) {
            // One pixel: Qt draws thin dashes fast, wider ones six times slower.
            QPen pen(colours.areaLine, 1, Qt::DashLine);
            pen.setCosmetic(true);
            painter->setPen(pen);
            painter->setBrush(colours.areaFill);
            painter->drawPath(a.path);
        }
        painter->setBrush(Qt::NoBrush);
        for (const Line& l : std::as_const(lines)) {
            const bool river = l.kind == QLatin1String("river");
            QPen pen(river ? colours.river : l.major ? colours.major : colours.street);
            // Streets are about 12 m wide (majors 20, the river 40), never thinner than a line.
            pen.setWidthF(std::max(1.0, (river ? 40.0 : l.major ? 20.0 : 12.0) * pixelsPerMetre));
            pen.setCosmetic(true);
            pen.setCapStyle(Qt::SquareCap); // round caps cost Qt's raster engine twenty times more
            painter->setPen(pen);
            painter->drawPath(l.path);
        }
        // Names only where they can be read.
        const bool streetNames = pixelsPerMetre > 1.0 / 6, placeNames = pixelsPerMetre > 1.0 / 12;
        if (!streetNames && !placeNames)
            return;
        const QTransform toDevice = painter->worldTransform();
        const qreal dpr = painter->device()->devicePixelRatioF();
        QFont f = painter->font();
        f.setPixelSize(11);
        m_streetNames.setStyle(f, colours.text, colours.halo, dpr);
        f.setPixelSize(12);
        f.setBold(true);
        m_placeNames.setStyle(f, colours.text, colours.halo, dpr);
        painter->save();
        painter->resetTransform();
        if (streetNames) {
            for (const Line& l : std::as_const(lines)) {
                if (!l.name.isEmpty() && l.path.elementCount() > 0)
                    m_streetNames.draw(painter, toDevice.map(l.path.pointAtPercent(0.1)).toPoint() + QPoint(2, -4), l.name);
            }
        }
        if (placeNames) {
            painter->setPen(colours.text);
            painter->setBrush(colours.halo);
            for (const Place& p : std::as_const(places)) {
                const QPoint d = toDevice.map(p.point).toPoint();
                painter->drawRect(QRect(d - QPoint(4, 4), QSize(8, 8)));
                m_placeNames.draw(painter, d + QPoint(8, 4), p.name);
            }
        }
        painter->restore();
    }

private:
    LabelSprites m_streetNames, m_placeNames;
};

/*!
 * Where labels are on screen, in cells of 24 x 16 pixels fixed to the map rather than the window
 * (panning keeps the choice): a label goes where none is yet, so labels do not overlap.
 */
class LabelGrid
{
public:
    LabelGrid(const QTransform& toDevice, const QRectF& view, double margin)
    {
        const QPointF origin = toDevice.map(QPointF(0, 0)); // cells are counted from the map's origin
        m_first = {qint64(std::floor((view.left() - margin - origin.x()) / kWidth)), qint64(std::floor((view.top() - margin - origin.y()) / kHeight))};
        m_columns = int(std::ceil((view.width() + 2 * margin) / kWidth)) + 2;
        m_rows = int(std::ceil((view.height() + 2 * margin) / kHeight)) + 2;
        m_origin = origin;
        m_cells.fill(false, qsizetype(m_columns) * m_rows);
    }

    //! Takes the cells of `label` (device pixels) when they are all free.
    bool place(const QRect& label)
    {
        const int x0 = column(label.left()), x1 = column(label.right());
        const int y0 = row(label.top()), y1 = row(label.bottom());
        if (x0 < 0 || y0 < 0 || x1 >= m_columns || y1 >= m_rows)
            return false; // beyond the margin round the view: not seen
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                if (m_cells.at(qsizetype(y) * m_columns + x))
                    return false;
            }
        }
        for (int y = y0; y <= y1; ++y)
            std::fill_n(m_cells.begin() + qsizetype(y) * m_columns + x0, x1 - x0 + 1, true);
        return true;
    }

private:
    static constexpr double kWidth = 24, kHeight = 16;

    int column(int x) const { return int(qint64(std::floor((x - m_origin.x()) / kWidth)) - m_first.first); }
    int row(int y) const { return int(qint64(std::floor((y - m_origin.y()) / kHeight)) - m_first.second); }

    QPointF m_origin;
    QPair<qint64, qint64> m_first;
    int m_columns = 0, m_rows = 0;
    QList<bool> m_cells;
};

//! One layer of markers, painted (and clustered) by this one item.
class MarkerLayer
{
public:
    QList<MapMarker> markers;
    QList<QPointF> points; //!< scene points, in the order of markers
    QRectF bounds;
    MapColours colours = MapColours::of(false);

    //! Groups the markers inside `area` into grid cells of `cell` scene units.
    QList<MapView::Drawn> bin(const QRectF& area, double cell) const
    {
        QHash<QPair<qint64, qint64>, int> index;
        QList<MapView::Drawn> drawn;
        QList<QPointF> sums;
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QPointF& p = points.at(i);
            if (!area.contains(p))
                continue;
            const QPair<qint64, qint64> key{qint64(std::floor(p.x() / cell)), qint64(std::floor(p.y() / cell))};
            const auto it = index.constFind(key);
            if (it == index.cend()) {
                index.insert(key, int(drawn.size()));
                drawn.append({p, 1, i});
                sums.append(p);
            } else {
                MapView::Drawn& d = drawn[*it];
                ++d.count;
                sums[*it] += p;
                d.scenePoint = sums[*it] / d.count;
                d.marker = -1;
            }
        }
        return drawn;
    }

    //! Room around the view for markers whose disc or label reaches into it (pixels).
    static constexpr double kMarginPixels = 160;
    //! A marker's picture: its shape (at most 8 pixels from its centre) and outline, no more.
    static constexpr int kMarkerSprite = 18;

    //! What is drawn with `visible` (scene units) in view at `pixelsPerMetre`: every paint of one
    //! view, whole or a scrolled-in strip, bins the same markers, so clusters and labels agree.
    QList<MapView::Drawn> binView(const QRectF& visible, double pixelsPerMetre) const
    {
        const double margin = kMarginPixels / pixelsPerMetre;
        return bin(visible.adjusted(-margin, -margin, margin, margin), MapView::kClusterPixels / pixelsPerMetre);
    }

    //! Forgets the pictures of markers and labels (colours, font or screen changed).
    void clearSprites()
    {
        m_markerSprites.clear();
        m_clusterSprites.clear();
        m_labels.clear();
    }

    //! Draws what of the layer is in `exposed` with `visible` in view (scene units), with the
    //! painter's transform from scene to device.
    void paint(QPainter* painter, const QRectF& exposedScene, const QRectF& visible)
    {
        const double pixelsPerMetre = painter->worldTransform().m11();
        if (pixelsPerMetre <= 0)
            return;
        const QTransform toDevice = painter->worldTransform();
        const QList<MapView::Drawn> drawn = binView(visible, pixelsPerMetre);
        const QRect exposed = toDevice.mapRect(exposedScene).toAlignedRect().adjusted(-1, -1, 1, 1);
        const qreal dpr = painter->device()->devicePixelRatioF();
        if (dpr != m_spriteDpr || painter->font() != m_spriteFont) {
            clearSprites();
            m_spriteDpr = dpr;
            m_spriteFont = painter->font();
        }
        m_labels.setStyle(labelFont(), colours.text, colours.halo, dpr);
        painter->save();
        painter->resetTransform();
        // Each marker, cluster and label is a picture drawn once and then copied: thousands of them
        // cost a copy each, not a shape and its text.
        const bool labels = pixelsPerMetre > 1.0 / 4;
        LabelGrid taken(toDevice, toDevice.mapRect(visible), kMarginPixels);
        for (const MapView::Drawn& d : drawn) {
            const QPointF at = toDevice.map(d.scenePoint);
            const QPoint centre(qRound(at.x()), qRound(at.y()));
            if (d.count > 1) {
                const QPixmap& sprite = clusterSprite(d.count);
                const QRect r(centre - QPoint(int(sprite.width() / dpr) / 2, int(sprite.height() / dpr) / 2), sprite.deviceIndependentSize().toSize());
                if (r.intersects(exposed))
                    painter->drawPixmap(r.topLeft(), sprite);
                continue;
            }
            const MapMarker& m = markers.at(d.marker);
            const QPixmap& sprite = markerSprite(m);
            if (QRect(centre - QPoint(kMarkerSprite / 2, kMarkerSprite / 2), QSize(kMarkerSprite, kMarkerSprite)).intersects(exposed))
                painter->drawPixmap(centre - QPoint(kMarkerSprite / 2, kMarkerSprite / 2), sprite);
            if (!labels || m.label.isEmpty())
                continue;
            // Labels in the order of the markers (the most important first) where there is room,
            // judged on an estimate of their size: a label's picture is made only when it is drawn.
            const QPoint baseline = centre + QPoint(10, 4);
            const QRect r(baseline + QPoint(-2, -m_labels.ascent() - 1), QSize(m_labels.estimatedWidth(m.label), m_labels.height() + 2));
            if (taken.place(r) && r.adjusted(0, 0, r.width(), 0).intersects(exposed))
                m_labels.draw(painter, baseline, m.label);
        }
        painter->restore();
    }

private:
    QFont labelFont() const
    {
        QFont f = m_spriteFont;
        f.setPixelSize(11);
        f.setBold(true);
        return f;
    }

    QPixmap newSprite(QSize size) const
    {
        QPixmap p(size * m_spriteDpr);
        p.setDevicePixelRatio(m_spriteDpr);
        p.fill(Qt::transparent);
        return p;
    }

    const QPixmap& markerSprite(const MapMarker& m)
    {
        const quint64 key = (quint64(m.colour.rgba()) << 8) | quint64(m.shape);
        auto it = m_markerSprites.find(key);
        if (it != m_markerSprites.end())
            return *it;
        QPixmap sprite = newSprite(QSize(kMarkerSprite, kMarkerSprite));
        QPainter p(&sprite);
        p.setRenderHint(QPainter::Antialiasing);
        p.translate(kMarkerSprite / 2, kMarkerSprite / 2);
        p.setPen(QPen(colours.halo, 2));
        p.setBrush(m.colour);
        switch (m.shape) {
        case MapMarker::Shape::Circle:
            p.drawEllipse(QPointF(0, 0), 7, 7);
            break;
        case MapMarker::Shape::Square:
            p.drawRect(QRectF(-6, -6, 12, 12));
            break;
        case MapMarker::Shape::Triangle: {
            const QPointF tri[3] = {QPointF(0, -8), QPointF(7, 6), QPointF(-7, 6)};
            p.drawPolygon(tri, 3);
            break;
        }
        }
        p.end();
        if (m_markerSprites.size() >= 4096)
            m_markerSprites.clear(); // a colour for each marker: pictures by the thousand, not more
        return *m_markerSprites.insert(key, sprite);
    }

    const QPixmap& clusterSprite(int count)
    {
        if (const QPixmap* cached = m_clusterSprites.object(count))
            return *cached;
        const int r = int(std::lround(9 + std::min(12.0, 3 * std::log2(double(count)))));
        auto* sprite = new QPixmap(newSprite(QSize(2 * r + 4, 2 * r + 4)));
        QPainter p(sprite);
        p.setRenderHint(QPainter::Antialiasing);
        p.setFont(labelFont());
        p.setPen(QPen(colours.halo, 2));
        p.setBrush(QColor(0x55, 0x5f, 0x6d, 220));
        p.drawEllipse(QPointF(r + 2, r + 2), r, r);
        p.setPen(Qt::white);
        p.drawText(QRectF(2, 2, 2 * r, 2 * r), Qt::AlignCenter, QString::number(count));
        p.end();
        const QPixmap& result = *sprite;
        m_clusterSprites.insert(count, sprite);
        return result;
    }

    QHash<quint64, QPixmap> m_markerSprites;                   //!< by colour and shape: usually a few
    QCache<int, QPixmap> m_clusterSprites{2000};               //!< by count
    LabelSprites m_labels;
    qreal m_spriteDpr = 0;
    QFont m_spriteFont;
};

// ---------------------------------------------------------------------------------------------

namespace {

constexpr int kTileRetryMs = 60 * 1000;            // a tile that failed is not asked for again sooner
constexpr int kTileTransferTimeoutMs = 15 * 1000;  // a server that stops answering
constexpr qint64 kMaxTileBytes = 4 * 1024 * 1024;  // no tile is this large
constexpr int kMaxTilePixels = 1024;               // nor this wide (512-pixel "retina" tiles are fine)
constexpr qint64 kTileDiskCacheBytes = 256LL * 1024 * 1024;
constexpr int kMaxTilesPerPaint = 1024;            // a wall of 4K screens needs a few hundred

struct TileId
{
    int z = 0, x = 0, y = 0;

    quint64 key() const { return (quint64(z) << 56) | (quint64(x) << 28) | quint64(y); }
    static TileId of(quint64 key) { return {int(key >> 56), int((key >> 28) & 0xfffffff), int(key & 0xfffffff)}; }
    QString name() const { return QStringLiteral("%1/%2/%3").arg(z).arg(x).arg(y); }
};

// The scene coordinate of tile edge `i` at zoom `z` (x from the west, y from the north).
double tileEdge(int z, int i)
{
    return -kWorld + i * (2 * kWorld / double(1 << z));
}

// Where a tile lands on the device, on whole pixels: neighbours share their edges, no seams.
QRect deviceRectOf(const QTransform& toDevice, const TileId& t)
{
    const QPointF a = toDevice.map(QPointF(tileEdge(t.z, t.x), tileEdge(t.z, t.y)));
    const QPointF b = toDevice.map(QPointF(tileEdge(t.z, t.x + 1), tileEdge(t.z, t.y + 1)));
    const QPoint topLeft(qRound(a.x()), qRound(a.y()));
    const QPoint bottomRight(qRound(b.x()), qRound(b.y()));
    return QRect(topLeft, QSize(bottomRight.x() - topLeft.x(), bottomRight.y() - topLeft.y()));
}

// The tiles at zoom `z` covering `scene` (clipped to the world), as an inclusive range.
struct TileRange
{
    int z = 0, x0 = 0, y0 = 0, x1 = -1, y1 = -1;

    static TileRange of(const QRectF& scene, int z)
    {
        const QRectF area = scene.intersected(QRectF(-kWorld, -kWorld, 2 * kWorld, 2 * kWorld));
        if (area.isEmpty())
            return {z};
        const int n = 1 << z;
        const double size = 2 * kWorld / n;
        const auto index = [&](double v) { return std::clamp(int(std::floor((v + kWorld) / size)), 0, n - 1); };
        // A right or bottom edge exactly on a tile's edge does not reach into that tile.
        return {z, index(area.left()), index(area.top()), index(std::nextafter(area.right(), -kWorld)),
                index(std::nextafter(area.bottom(), -kWorld))};
    }
    qint64 count() const { return qint64(x1 - x0 + 1) * (y1 - y0 + 1); }
};

// Errors of the connection or the server, not of the tile: a copy on disk, even stale, may stand in.
bool serverAway(QNetworkReply::NetworkError e)
{
    return (e > QNetworkReply::NoError && e < QNetworkReply::ContentAccessDenied)
           || (e >= QNetworkReply::InternalServerError && e <= QNetworkReply::UnknownServerError);
}

} // namespace

/*!
 * The raster tiles under one map: which tiles the view needs, fetching them (a few at a time,
 * aborting those scrolled away), the disk cache behind the network and the decoded tiles in memory.
 * Everything runs on the GUI thread without waiting: replies come as signals.
 */
class MapTiles final : public QObject
{
public:
    MapTiles(MapView& view, const QString& urlTemplate, const QString& cacheDirectory)
        : m_view(view)
        , urlTemplate(urlTemplate)
        , cacheDirectory(cacheDirectory)
        , memory(MapView::kMaxTilesInMemory)
    {
        m_network.setTransferTimeout(kTileTransferTimeoutMs);
        if (!cacheDirectory.isEmpty()) {
            m_disk = new QNetworkDiskCache(&m_network);
            m_disk->setCacheDirectory(cacheDirectory);
            m_disk->setMaximumCacheSize(kTileDiskCacheBytes);
            m_network.setCache(m_disk);
        }
        m_timer.setSingleShot(true);
        m_timer.setInterval(0);
        connect(&m_timer, &QTimer::timeout, this, &MapTiles::request);
        const QString version = QCoreApplication::applicationVersion();
        m_userAgent = version.isEmpty() ? QStringLiteral("Hexhub") : QStringLiteral("Hexhub/%1").arg(version);
    }

    ~MapTiles() override
    {
        for (QNetworkReply* reply : std::as_const(pending)) {
            reply->disconnect(this);
            reply->abort();
        }
    }

    //! Runs request() once the events at hand are handled (a burst of paints, one look).
    void schedule()
    {
        if (!m_timer.isActive())
            m_timer.start();
    }

    //! Draws the tiles of zoom `z` in `exposed` (scene units); while one is missing, a coarser or
    //! finer one already decoded stands in.
    void paint(QPainter* painter, const QRectF& exposed, int z)
    {
        const TileRange range = TileRange::of(exposed, z);
        if (range.count() <= 0 || range.count() > kMaxTilesPerPaint)
            return;
        const QTransform toDevice = painter->worldTransform();
        painter->save();
        painter->resetTransform();
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        bool missing = false;
        for (int y = range.y0; y <= range.y1; ++y) {
            for (int x = range.x0; x <= range.x1; ++x) {
                const TileId t{z, x, y};
                const QRect target = deviceRectOf(toDevice, t);
                if (const QPixmap* p = memory.object(t.key())) {
                    painter->drawPixmap(target, *p);
                } else {
                    if (!failedRecently(t.key()))
                        missing = true;
                    standIn(painter, t, target);
                }
                if (veil.alpha() > 0)
                    painter->fillRect(target, veil);
            }
        }
        painter->restore();
        if (missing)
            schedule();
    }

    //! Starts requests for the tiles in view that are neither here nor failed, nearest the middle
    //! first, up to kMaxTileRequests in flight; aborts those for tiles no longer in view.
    void request()
    {
        QList<quint64> wanted;
        if (m_view.isVisible()) {
            const int z = m_view.tileZoom();
            const QRectF visible = m_view.mapToScene(m_view.viewport()->rect()).boundingRect();
            const TileRange range = TileRange::of(visible, z);
            if (range.count() > 0 && range.count() <= kMaxTilesPerPaint) {
                const QPointF middle = visible.center();
                QList<QPair<double, quint64>> byDistance;
                for (int y = range.y0; y <= range.y1; ++y) {
                    for (int x = range.x0; x <= range.x1; ++x) {
                        const QPointF centre((tileEdge(z, x) + tileEdge(z, x + 1)) / 2, (tileEdge(z, y) + tileEdge(z, y + 1)) / 2);
                        byDistance.append({QLineF(middle, centre).length(), TileId{z, x, y}.key()});
                    }
                }
                std::sort(byDistance.begin(), byDistance.end());
                for (const auto& [distance, key] : std::as_const(byDistance))
                    wanted.append(key);
            }
        }
        // Tiles scrolled or zoomed away free their connections for those in view.
        const QSet<quint64> inView(wanted.cbegin(), wanted.cend());
        const QList<quint64> inFlight = pending.keys();
        for (const quint64 key : inFlight) {
            if (!inView.contains(key))
                pending.take(key)->abort();
        }
        for (const quint64 key : std::as_const(wanted)) {
            if (pending.size() >= MapView::kMaxTileRequests)
                break;
            if (!pending.contains(key) && !memory.contains(key) && !failedRecently(key))
                fetch(key, false);
        }
    }

    MapView& m_view;
    const QString urlTemplate;
    const QString cacheDirectory;
    QString lastError;
    QColor veil = Qt::transparent; //!< over the tiles: the night theme dims them
    QCache<quint64, QPixmap> memory;
    QHash<quint64, QNetworkReply*> pending;

private:
    bool failedRecently(quint64 key)
    {
        const auto it = m_failed.find(key);
        if (it == m_failed.end())
            return false;
        if (!it->hasExpired())
            return true;
        m_failed.erase(it);
        return false;
    }

    // A coarser tile already decoded, enlarged, or the four finer ones, reduced.
    void standIn(QPainter* painter, const TileId& t, const QRect& target)
    {
        for (int up = 1; up <= std::min(t.z, 6); ++up) {
            const QPixmap* p = memory.object(TileId{t.z - up, t.x >> up, t.y >> up}.key());
            if (!p)
                continue;
            const double part = double(p->width()) / (1 << up);
            const int mask = (1 << up) - 1;
            painter->drawPixmap(QRectF(target), *p, QRectF((t.x & mask) * part, (t.y & mask) * part, part, part));
            return;
        }
        if (t.z >= MapView::kMaxTileZoom)
            return;
        const QSize half(target.width() / 2, target.height() / 2);
        for (int dy = 0; dy < 2; ++dy) {
            for (int dx = 0; dx < 2; ++dx) {
                if (const QPixmap* p = memory.object(TileId{t.z + 1, 2 * t.x + dx, 2 * t.y + dy}.key())) {
                    const QPoint at(dx ? target.left() + half.width() : target.left(), dy ? target.top() + half.height() : target.top());
                    const QSize size(dx ? target.width() - half.width() : half.width(), dy ? target.height() - half.height() : half.height());
                    painter->drawPixmap(QRect(at, size), *p);
                }
            }
        }
    }

    QUrl urlOf(const TileId& t) const
    {
        QString url = urlTemplate;
        url.replace(QLatin1String("{z}"), QString::number(t.z))
            .replace(QLatin1String("{x}"), QString::number(t.x))
            .replace(QLatin1String("{y}"), QString::number(t.y));
        return QUrl(url);
    }

    // `cacheOnly`: the server is away, the copy on disk is taken however old.
    void fetch(quint64 key, bool cacheOnly)
    {
        QNetworkRequest request(urlOf(TileId::of(key)));
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                             cacheOnly ? QNetworkRequest::AlwaysCache : QNetworkRequest::PreferCache);
        request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
        QNetworkReply* reply = m_network.get(request);
        pending.insert(key, reply);
        connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
            if (received > kMaxTileBytes) {
                reply->setProperty("tooLarge", true);
                reply->abort();
            }
        });
        connect(reply, &QNetworkReply::finished, this, [this, reply, key, cacheOnly] { finished(reply, key, cacheOnly); });
    }

    void fail(quint64 key, const QString& message)
    {
        m_failed.insert(key, QDeadlineTimer(kTileRetryMs));
        lastError = message;
        Q_EMIT m_view.tileError(message);
    }

    void finished(QNetworkReply* reply, quint64 key, bool cacheOnly)
    {
        reply->deleteLater();
        if (pending.value(key) != reply)
            return; // aborted: no longer in view
        pending.remove(key);
        schedule(); // the next tiles in view
        const TileId t = TileId::of(key);
        const QUrl url = reply->request().url();
        const QString host = url.host();
        if (reply->property("tooLarge").toBool())
            return fail(key, widgets::Tr::tr("Map tile %1 from %2 is larger than a tile can be.").arg(t.name(), host));
        if (reply->error() == QNetworkReply::OperationCanceledError)
            return fail(key, widgets::Tr::tr("Map tile %1: %2 did not answer within %3 seconds.")
                                 .arg(t.name(), host).arg(kTileTransferTimeoutMs / 1000));
        if (reply->error() != QNetworkReply::NoError) {
            // The server is away: a tile still on disk, however old, is better than none.
            if (!cacheOnly && m_disk && serverAway(reply->error()) && m_disk->metaData(url).isValid())
                return fetch(key, true);
            return fail(key, widgets::Tr::tr("Map tile %1 did not come: %2").arg(t.name(), reply->errorString()));
        }
        QByteArray data = reply->readAll();
        QBuffer buffer(&data);
        QImageReader reader(&buffer);
        const QSize size = reader.size();
        QImage image;
        if (size.isValid() && size.width() <= kMaxTilePixels && size.height() <= kMaxTilePixels)
            image = reader.read();
        if (image.isNull()) {
            if (m_disk)
                m_disk->remove(url); // nor from the disk next time
            return fail(key, widgets::Tr::tr("Map tile %1 from %2 is not a tile image.").arg(t.name(), host));
        }
        // Counted in 256-pixel tiles: a 512-pixel one weighs four.
        const int cost = std::max(1, image.width() * image.height() / (MapView::kTileSize * MapView::kTileSize));
        memory.insert(key, new QPixmap(QPixmap::fromImage(std::move(image))), cost);
        m_view.invalidateScene(QRectF(QPointF(tileEdge(t.z, t.x), tileEdge(t.z, t.y)), QPointF(tileEdge(t.z, t.x + 1), tileEdge(t.z, t.y + 1))),
                               QGraphicsScene::BackgroundLayer);
        Q_EMIT m_view.tileLoaded(t.z, t.x, t.y);
    }

    QNetworkAccessManager m_network;
    QNetworkDiskCache* m_disk = nullptr; //!< owned by m_network
    QHash<quint64, QDeadlineTimer> m_failed;
    QTimer m_timer;
    QString m_userAgent;
};

// ---------------------------------------------------------------------------------------------

MapView::MapView(QWidget* parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
{
    setObjectName(QStringLiteral("map"));
    m_scene->setSceneRect(-kWorld, -kWorld, 2 * kWorld, 2 * kWorld);
    m_scene->setItemIndexMethod(QGraphicsScene::NoIndex); // no items: the map is drawn as the background
    setScene(m_scene);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setCacheMode(QGraphicsView::CacheBackground); // the land, tiles and GeoJSON layers: see drawBackground()
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(widgets::Tr::tr("Map"));
    updateColours();
    centreOn(GeoPoint{31.2304, 121.4737}, 10);
}

MapView::~MapView() = default;

void MapView::setTileSource(const QString& urlTemplate, const QString& cacheDirectory)
{
    if (m_tiles && m_tiles->urlTemplate == urlTemplate && m_tiles->cacheDirectory == cacheDirectory)
        return;
    m_tiles.reset(); // its requests are aborted
    m_badTileSource.clear();
    resetCachedContent();
    if (urlTemplate.isEmpty())
        return;
    const QUrl url(urlTemplate);
    if (!url.isValid() || url.scheme().isEmpty() || !urlTemplate.contains(QLatin1String("{z}"))
        || !urlTemplate.contains(QLatin1String("{x}")) || !urlTemplate.contains(QLatin1String("{y}"))) {
        m_badTileSource = widgets::Tr::tr("%1 is not a tile address: it needs {z}, {x} and {y}, as in "
                                          "https://tiles.example.org/{z}/{x}/{y}.png")
                              .arg(urlTemplate);
        Q_EMIT tileError(m_badTileSource);
        return;
    }
    m_tiles = std::make_unique<MapTiles>(*this, urlTemplate, cacheDirectory);
    updateColours();
}

QString MapView::tileSource() const
{
    return m_tiles ? m_tiles->urlTemplate : QString();
}

QString MapView::tileCacheDirectory() const
{
    return m_tiles ? m_tiles->cacheDirectory : QString();
}

QString MapView::defaultTileCacheDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("tiles"));
}

int MapView::tileZoom() const
{
    // Zoom z has 2^z tiles of kTileSize pixels across the world; the screen's pixels may be finer.
    const double deviceMetresPerPixel = metresPerPixel() / std::max(1.0, viewport()->devicePixelRatioF());
    const double z = std::log2(2 * kWorld / (kTileSize * deviceMetresPerPixel));
    return std::clamp(int(std::lround(z)), 0, kMaxTileZoom);
}

QString MapView::lastTileError() const
{
    return m_tiles ? m_tiles->lastError : m_badTileSource;
}

int MapView::cachedTileCount() const
{
    return m_tiles ? int(m_tiles->memory.size()) : 0;
}

int MapView::pendingTileCount() const
{
    return m_tiles ? int(m_tiles->pending.size()) : 0;
}

void MapView::drawBackground(QPainter* painter, const QRectF& rect)
{
    // The land, the tiles and the GeoJSON layers: all of it cached by the view in one picture,
    // which panning scrolls, drawing only the strip scrolled in (CacheBackground).
    QGraphicsView::drawBackground(painter, rect);
    if (m_tiles)
        m_tiles->paint(painter, rect, tileZoom());
    for (const auto& [name, layer] : m_geo) {
        painter->save();
        layer->paint(painter);
        painter->restore();
    }
    // What the cameras see, in metres on the ground: translucent, so streets and markers show through.
    const double pixel = metresPerPixel();
    for (const auto& [name, sectors] : m_sectors) {
        for (const MapSector& sector : sectors) {
            const QPainterPath path = sectorPath(sector);
            const QRectF bounds = path.boundingRect();
            if (!bounds.intersects(rect) || std::max(bounds.width(), bounds.height()) < 3 * pixel)
                continue; // out of the strip drawn, or a speck at this scale
            QColor fill = sector.colour;
            fill.setAlpha(48);
            QColor line = sector.colour;
            line.setAlpha(150);
            painter->setPen(QPen(line, 0)); // cosmetic: one pixel at any scale
            painter->setBrush(fill);
            painter->drawPath(path);
        }
    }
    // The markers too: they stay where they are while the map pans, and their clusters and labels
    // depend on the scale and the markers only (a new scale or new markers draw them all anew).
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    for (const QString& name : std::as_const(m_markerOrder)) {
        painter->save();
        m_markers.value(name)->paint(painter, rect, visible);
        painter->restore();
    }
}

QPointF MapView::toScene(const GeoPoint& point)
{
    const QPointF m = point.toWebMercator();
    return {m.x(), -m.y()};
}

GeoPoint MapView::fromScene(const QPointF& scene)
{
    return GeoPoint::fromWebMercator(QPointF(scene.x(), -scene.y()));
}

bool MapView::addGeoJson(const QString& layer, const QByteArray& json, QString* error)
{
    const auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (doc.isNull() || !doc.isObject())
        return fail(widgets::Tr::tr("%1: not GeoJSON: %2 at byte %3").arg(layer, parse.errorString()).arg(parse.offset));
    const QJsonObject root = doc.object();
    QJsonArray features;
    const QString type = root.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("FeatureCollection"))
        features = root.value(QStringLiteral("features")).toArray();
    else if (type == QLatin1String("Feature"))
        features.append(root);
    else
        features.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")}, {QStringLiteral("geometry"), root}});

    auto item = std::make_unique<GeoLayer>();
    QRectF bounds;
    const auto grow = [&bounds](const QRectF& r) { bounds = bounds.isNull() ? r : bounds.united(r); };
    for (qsizetype i = 0; i < features.size(); ++i) {
        const QJsonObject feature = features.at(i).toObject();
        const QJsonObject geometry = feature.value(QStringLiteral("geometry")).toObject();
        const QJsonObject props = feature.value(QStringLiteral("properties")).toObject();
        const QString gtype = geometry.value(QStringLiteral("type")).toString();
        const QJsonValue coords = geometry.value(QStringLiteral("coordinates"));
        const QString where = widgets::Tr::tr("%1: features[%2]").arg(layer).arg(i);
        const auto line = [&](const QJsonArray& points, QPainterPath& path) -> bool {
            for (qsizetype k = 0; k < points.size(); ++k) {
                const auto p = position(points.at(k));
                if (!p)
                    return false;
                k == 0 ? path.moveTo(*p) : path.lineTo(*p);
            }
            return points.size() >= 2;
        };
        if (gtype == QLatin1String("LineString") || gtype == QLatin1String("MultiLineString")) {
            QPainterPath path;
            const QJsonArray parts = gtype == QLatin1String("LineString") ? QJsonArray{coords} : coords.toArray();
            for (const QJsonValue& part : parts) {
                if (!line(part.toArray(), path))
                    return fail(widgets::Tr::tr("%1.geometry.coordinates: a line needs two or more [longitude, latitude] positions on the earth").arg(where));
            }
            item->lines.append({path, props.value(QStringLiteral("kind")).toString(QStringLiteral("street")),
                                props.value(QStringLiteral("major")).toBool(), props.value(QStringLiteral("name")).toString()});
            grow(path.boundingRect());
        } else if (gtype == QLatin1String("Polygon") || gtype == QLatin1String("MultiPolygon")) {
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            const QJsonArray polygons = gtype == QLatin1String("Polygon") ? QJsonArray{coords} : coords.toArray();
            for (const QJsonValue& polygon : polygons) {
                for (const QJsonValue& ring : polygon.toArray()) {
                    QPainterPath r;
                    if (!line(ring.toArray(), r))
                        return fail(widgets::Tr::tr("%1.geometry.coordinates: a ring needs [longitude, latitude] positions on the earth").arg(where));
                    r.closeSubpath();
                    path.addPath(r);
                }
            }
            item->areas.append({path, props.value(QStringLiteral("name")).toString()});
            grow(path.boundingRect());
        } else if (gtype == QLatin1String("Point")) {
            const auto p = position(coords);
            if (!p)
                return fail(widgets::Tr::tr("%1.geometry.coordinates: not a [longitude, latitude] position on the earth").arg(where));
            item->places.append({*p, props.value(QStringLiteral("name")).toString()});
            grow(QRectF(*p, QSizeF(1, 1)));
        } else {
            return fail(widgets::Tr::tr("%1.geometry.type: '%2' is not a geometry this map draws (LineString, Polygon, Point and their Multi forms)")
                            .arg(where, gtype));
        }
    }
    item->bounds = bounds;
    item->colours = MapColours::of(palette().color(QPalette::Window).lightness() < 128);
    const auto same = std::find_if(m_geo.begin(), m_geo.end(), [&layer](const auto& g) { return g.first == layer; });
    if (same != m_geo.end())
        same->second = std::move(item); // in its place among the layers
    else
        m_geo.emplace_back(layer, std::move(item));
    resetCachedContent(); // the layers are drawn with the background
    return true;
}

void MapView::setMarkers(const QString& layer, const QList<MapMarker>& markers)
{
    std::shared_ptr<MarkerLayer> item = m_markers.value(layer);
    if (!item) {
        item = std::make_shared<MarkerLayer>();
        item->colours = MapColours::of(palette().color(QPalette::Window).lightness() < 128);
        m_markers.insert(layer, item);
        m_markerOrder << layer;
    }
    item->markers = markers;
    item->points.clear();
    item->points.reserve(markers.size());
    QRectF bounds;
    for (const MapMarker& m : markers) {
        const QPointF p = toScene(m.point);
        item->points << p;
        bounds = bounds.isNull() ? QRectF(p, QSizeF(1, 1)) : bounds.united(QRectF(p, QSizeF(1, 1)));
    }
    item->bounds = bounds;
    resetCachedContent(); // the markers are drawn with the background
}

void MapView::setSectors(const QString& layer, const QList<MapSector>& sectors)
{
    const auto it = std::find_if(m_sectors.begin(), m_sectors.end(), [&](const auto& l) { return l.first == layer; });
    if (it != m_sectors.end())
        it->second = sectors;
    else
        m_sectors.emplace_back(layer, sectors);
    resetCachedContent(); // drawn with the background
}

QList<MapSector> MapView::sectors(const QString& layer) const
{
    const auto it = std::find_if(m_sectors.begin(), m_sectors.end(), [&](const auto& l) { return l.first == layer; });
    return it != m_sectors.end() ? it->second : QList<MapSector>();
}

QPainterPath MapView::sectorPath(const MapSector& sector)
{
    // Web Mercator stretches the ground by 1 / cos(latitude): a range in metres on the ground is
    // that much longer in the scene's metres.
    const QPointF centre = toScene(sector.point);
    const double stretch = 1.0 / std::max(0.01, std::cos(qDegreesToRadians(sector.point.latitude)));
    const double r = std::max(0.0, sector.range) * stretch;
    const QRectF box(centre.x() - r, centre.y() - r, 2 * r, 2 * r);
    QPainterPath path;
    if (sector.fieldOfView >= 360) {
        path.addEllipse(box);
        return path;
    }
    // Qt's angles go counter-clockwise from three o'clock (y down, as the scene's): a heading h
    // clockwise from north is the angle 90 - h; the cone spans heading +- fieldOfView / 2.
    const double fov = std::clamp(sector.fieldOfView, 1.0, 360.0);
    path.moveTo(centre);
    path.arcTo(box, 90.0 - sector.heading - fov / 2, fov);
    path.closeSubpath();
    return path;
}

void MapView::setMarkerDrag(const QString& layer, MarkerDragData data)
{
    if (data)
        m_markerDrag.insert(layer, std::move(data));
    else
        m_markerDrag.remove(layer);
}

QMimeData* MapView::markerDragData(const QString& layer, const QString& id) const
{
    const MarkerDragData data = m_markerDrag.value(layer);
    return data ? data(id) : nullptr;
}

std::pair<QString, QString> MapView::markerAt(const QPointF& viewPoint) const
{
    const std::optional<Hit> hit = hitAt(viewPoint);
    if (!hit || hit->drawn.count > 1)
        return {};
    return {hit->layer, m_markers.value(hit->layer)->markers.at(hit->drawn.marker).id};
}

std::optional<MapView::Hit> MapView::hitAt(const QPointF& viewPoint) const
{
    // The top-most layer first; the nearest drawn marker or cluster within 12 pixels.
    for (qsizetype l = m_markerOrder.size() - 1; l >= 0; --l) {
        const QString& layer = m_markerOrder.at(l);
        double best = 12;
        std::optional<Drawn> hit;
        for (const Drawn& d : drawnMarkers(layer)) {
            const QPointF at = mapFromScene(d.scenePoint);
            const double distance = std::hypot(at.x() - viewPoint.x(), at.y() - viewPoint.y());
            if (distance <= best) {
                best = distance;
                hit = d;
            }
        }
        if (hit)
            return Hit{layer, *hit};
    }
    return std::nullopt;
}

QStringList MapView::layers() const
{
    QStringList names;
    for (const auto& [name, layer] : m_geo)
        names << name;
    return names + m_markerOrder;
}

int MapView::markerCount(const QString& layer) const
{
    const std::shared_ptr<MarkerLayer> item = m_markers.value(layer);
    return item ? int(item->markers.size()) : 0;
}

void MapView::centreOn(const GeoPoint& point, double metresPerPixel)
{
    m_fitAll = false;
    const double scale = 1.0 / std::clamp(metresPerPixel, 0.05, 20000.0);
    setTransform(QTransform::fromScale(scale, scale));
    centerOn(toScene(point));
    Q_EMIT scaleChanged(this->metresPerPixel());
}

void MapView::showAll()
{
    QRectF all;
    for (const auto& [name, g] : m_geo)
        all = all.isNull() ? g->bounds : all.united(g->bounds);
    for (const std::shared_ptr<MarkerLayer>& m : std::as_const(m_markers))
        if (!m->bounds.isNull())
            all = all.isNull() ? m->bounds : all.united(m->bounds);
    if (all.isNull())
        return;
    fitInView(all.adjusted(-200, -200, 200, 200), Qt::KeepAspectRatio);
    m_fitAll = true;
    Q_EMIT scaleChanged(metresPerPixel());
}

void MapView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitAll)
        showAll();
}

double MapView::metresPerPixel() const
{
    return 1.0 / transform().m11();
}

GeoPoint MapView::centre() const
{
    return fromScene(mapToScene(viewport()->rect().center()));
}

QPointF MapView::viewPointOf(const GeoPoint& point) const
{
    return mapFromScene(toScene(point));
}

GeoPoint MapView::geoPointAt(const QPointF& viewPoint) const
{
    return fromScene(mapToScene(viewPoint.toPoint()));
}

QList<MapView::Drawn> MapView::drawnMarkers(const QString& layer) const
{
    const std::shared_ptr<MarkerLayer> item = m_markers.value(layer);
    if (!item)
        return {};
    // As painted: the markers around the view bin too, then what is in view is kept.
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    QList<Drawn> drawn = item->binView(visible, 1 / metresPerPixel());
    drawn.removeIf([&visible](const Drawn& d) { return !visible.contains(d.scenePoint); });
    return drawn;
}

void MapView::zoomBy(double factor, const QPointF& viewAnchor)
{
    m_fitAll = false;
    const double next = std::clamp(metresPerPixel() / factor, 0.05, 20000.0);
    const double applied = metresPerPixel() / next;
    const QPointF before = mapToScene(viewAnchor.toPoint());
    scale(applied, applied);
    const QPointF after = mapToScene(viewAnchor.toPoint());
    const QPointF shift = (after - before) * transform().m11();
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(std::round(shift.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - int(std::round(shift.y())));
    Q_EMIT scaleChanged(metresPerPixel());
}

void MapView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    zoomBy(std::pow(1.25, steps), event->position());
    event->accept();
}

void MapView::mousePressEvent(QMouseEvent* event)
{
    m_pressAt = event->pos();
    m_dragMarker = {};
    if (event->button() == Qt::LeftButton && !m_markerDrag.isEmpty()) {
        const auto [layer, id] = markerAt(event->position());
        if (!layer.isEmpty() && m_markerDrag.contains(layer)) {
            // A marker that can be dragged: the press is its, not the start of a pan.
            m_dragMarker = {layer, id};
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void MapView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragMarker.first.isEmpty()) {
        QGraphicsView::mouseMoveEvent(event);
        return;
    }
    if (!(event->buttons() & Qt::LeftButton)
        || (event->pos() - m_pressAt).manhattanLength() < QApplication::startDragDistance())
        return;
    const auto [layer, id] = std::exchange(m_dragMarker, {});
    QMimeData* mime = markerDragData(layer, id);
    if (!mime)
        return;
    auto* drag = new QDrag(this);
    drag->setMimeData(mime);
    drag->exec(Qt::CopyAction);
}

void MapView::mouseReleaseEvent(QMouseEvent* event)
{
    const bool pressedOnDraggable = !std::exchange(m_dragMarker, {}).first.isEmpty();
    if (!pressedOnDraggable)
        QGraphicsView::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && (event->pos() - m_pressAt).manhattanLength() > 4)
        m_fitAll = false; // a pan: the operator placed the map
    if (event->button() != Qt::LeftButton || (event->pos() - m_pressAt).manhattanLength() > 4)
        return; // a drag, not a click
    const std::optional<Hit> hit = hitAt(event->position());
    if (!hit)
        return;
    if (hit->drawn.count > 1) {
        centerOn(hit->drawn.scenePoint);
        zoomBy(3, viewport()->rect().center());
    } else {
        Q_EMIT markerActivated(hit->layer, m_markers.value(hit->layer)->markers.at(hit->drawn.marker).id);
    }
}

void MapView::keyPressEvent(QKeyEvent* event)
{
    const QPointF middle = viewport()->rect().center();
    const int step = std::max(40, viewport()->width() / 6);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.5, middle);
        return;
    case Qt::Key_Minus:
        zoomBy(1 / 1.5, middle);
        return;
    case Qt::Key_Left:
        m_fitAll = false;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - step);
        return;
    case Qt::Key_Right:
        m_fitAll = false;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + step);
        return;
    case Qt::Key_Up:
        m_fitAll = false;
        verticalScrollBar()->setValue(verticalScrollBar()->value() - step);
        return;
    case Qt::Key_Down:
        m_fitAll = false;
        verticalScrollBar()->setValue(verticalScrollBar()->value() + step);
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void MapView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateColours();
    QGraphicsView::changeEvent(event);
}

void MapView::hideEvent(QHideEvent* event)
{
    QGraphicsView::hideEvent(event);
    if (m_tiles)
        m_tiles->schedule(); // out of sight: its requests go (shown again, it paints and asks anew)
}

void MapView::updateColours()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const MapColours colours = MapColours::of(dark);
    setBackgroundBrush(colours.land);
    if (m_tiles) {
        // Bright tiles would glare in a dark control room and drown the streets drawn over them.
        QColor veil = colours.land;
        veil.setAlpha(dark ? 190 : 0);
        m_tiles->veil = veil;
    }
    for (const auto& [name, g] : m_geo)
        g->colours = colours;
    resetCachedContent();
    for (const std::shared_ptr<MarkerLayer>& m : std::as_const(m_markers)) {
        m->colours = colours;
        m->clearSprites();
    }
}

} // namespace hexhub
