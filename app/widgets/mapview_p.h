#pragma once
// What the map's files share: its colours, labels as pictures, the layers and tiles it draws.

#include "mapview.h"

#include <QCache>
#include <QColor>
#include <QDeadlineTimer>
#include <QFont>
#include <QFontMetrics>
#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QTimer>

class QNetworkDiskCache;
class QNetworkReply;
class QUrl;

namespace hexhub {

namespace detail {

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

struct TileId
{
    int z = 0, x = 0, y = 0;

    quint64 key() const { return (quint64(z) << 56) | (quint64(x) << 28) | quint64(y); }
    static TileId of(quint64 key) { return {int(key >> 56), int((key >> 28) & 0xfffffff), int(key & 0xfffffff)}; }
    QString name() const { return QStringLiteral("%1/%2/%3").arg(z).arg(x).arg(y); }
};

} // namespace detail

// The map's files use these unqualified, as they did when the map was one file.
using detail::kWorld;
using detail::LabelSprites;
using detail::MapColours;
using detail::TileId;

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
    void paint(QPainter* painter);

private:
    LabelSprites m_streetNames, m_placeNames;
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
    QList<MapView::Drawn> bin(const QRectF& area, double cell) const;

    //! Room around the view for markers whose disc or label reaches into it (pixels).
    static constexpr double kMarginPixels = 160;
    //! A marker's picture: its shape (at most 8 pixels from its centre) and outline, no more.
    static constexpr int kMarkerSprite = 18;

    //! What is drawn with `visible` (scene units) in view at `pixelsPerMetre`: every paint of one
    //! view, whole or a scrolled-in strip, bins the same markers, so clusters and labels agree.
    QList<MapView::Drawn> binView(const QRectF& visible, double pixelsPerMetre) const;

    //! Forgets the pictures of markers and labels (colours, font or screen changed).
    void clearSprites();

    //! Draws what of the layer is in `exposed` with `visible` in view (scene units), with the
    //! painter's transform from scene to device.
    void paint(QPainter* painter, const QRectF& exposedScene, const QRectF& visible);

private:
    QFont labelFont() const;
    QPixmap newSprite(QSize size) const;
    const QPixmap& markerSprite(const MapMarker& m);
    const QPixmap& clusterSprite(int count);

    QHash<quint64, QPixmap> m_markerSprites;                   //!< by colour and shape: usually a few
    QCache<int, QPixmap> m_clusterSprites{2000};               //!< by count
    LabelSprites m_labels;
    qreal m_spriteDpr = 0;
    QFont m_spriteFont;
};

/*!
 * The raster tiles under one map: which tiles the view needs, fetching them (a few at a time,
 * aborting those scrolled away), the disk cache behind the network and the decoded tiles in memory.
 * Everything runs on the GUI thread without waiting: replies come as signals.
 */
class MapTiles final : public QObject
{
public:
    MapTiles(MapView& view, const QString& urlTemplate, const QString& cacheDirectory);
    ~MapTiles() override;

    //! Runs request() once the events at hand are handled (a burst of paints, one look).
    void schedule();

    //! Draws the tiles of zoom `z` in `exposed` (scene units); while one is missing, a coarser or
    //! finer one already decoded stands in.
    void paint(QPainter* painter, const QRectF& exposed, int z);

    //! Starts requests for the tiles in view that are neither here nor failed, nearest the middle
    //! first, up to kMaxTileRequests in flight; aborts those for tiles no longer in view.
    void request();

    MapView& m_view;
    const QString urlTemplate;
    const QString cacheDirectory;
    QString lastError;
    QColor veil = Qt::transparent; //!< over the tiles: the night theme dims them
    QCache<quint64, QPixmap> memory;
    QHash<quint64, QNetworkReply*> pending;

private:
    bool failedRecently(quint64 key);
    void standIn(QPainter* painter, const TileId& t, const QRect& target);
    QUrl urlOf(const TileId& t) const;
    void fetch(quint64 key, bool cacheOnly);
    void fail(quint64 key, const QString& message);
    void finished(QNetworkReply* reply, quint64 key, bool cacheOnly);

    QNetworkAccessManager m_network;
    QNetworkDiskCache* m_disk = nullptr; //!< owned by m_network
    QHash<quint64, QDeadlineTimer> m_failed;
    QTimer m_timer;
    QString m_userAgent;
};

} // namespace hexhub
