// The map's layers drawn: GeoJSON streets, rivers, areas and places; markers, clusters, labels.
#include "mapview_p.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

#include <cmath>

namespace hexhub {

void GeoLayer::paint(QPainter* painter)
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

QList<MapView::Drawn> MarkerLayer::bin(const QRectF& area, double cell) const
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

QList<MapView::Drawn> MarkerLayer::binView(const QRectF& visible, double pixelsPerMetre) const
{
    const double margin = kMarginPixels / pixelsPerMetre;
    return bin(visible.adjusted(-margin, -margin, margin, margin), MapView::kClusterPixels / pixelsPerMetre);
}

void MarkerLayer::clearSprites()
{
    m_markerSprites.clear();
    m_clusterSprites.clear();
    m_labels.clear();
}

void MarkerLayer::paint(QPainter* painter, const QRectF& exposedScene, const QRectF& visible)
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

QFont MarkerLayer::labelFont() const
{
    QFont f = m_spriteFont;
    f.setPixelSize(11);
    f.setBold(true);
    return f;
}

QPixmap MarkerLayer::newSprite(QSize size) const
{
    QPixmap p(size * m_spriteDpr);
    p.setDevicePixelRatio(m_spriteDpr);
    p.fill(Qt::transparent);
    return p;
}

const QPixmap& MarkerLayer::markerSprite(const MapMarker& m)
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

const QPixmap& MarkerLayer::clusterSprite(int count)
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

} // namespace hexhub
