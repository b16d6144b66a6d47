#include "mapview.h"

#include "widgetstr.h"

#include <QEvent>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>

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
                    QColor(0x3d, 0x6f, 0xb5, 28), QColor(0x5d, 0x8f, 0xd5, 140), QColor(0xd8, 0xdc, 0xe2), QColor(0x1b, 0x20, 0x27)};
        return {QColor(0xf2, 0xef, 0xe9), QColor(0xc8, 0xc2, 0xb8), QColor(0xa0, 0x98, 0x8c), QColor(0x9c, 0xc4, 0xe4),
                QColor(0x2e, 0x86, 0xde, 22), QColor(0x2e, 0x86, 0xde, 120), QColor(0x33, 0x33, 0x33), QColor(0xf2, 0xef, 0xe9)};
    }
};

// Draws text at a scene point in screen pixels, whatever the zoom.
void drawLabel(QPainter* painter, const QPointF& scene, const QString& text, const MapColours& c, const QPoint& offset = {8, 4})
{
    const QPointF device = painter->worldTransform().map(scene);
    painter->save();
    painter->resetTransform();
    const QPointF at = device + offset;
    painter->setPen(c.halo);
    for (const QPoint d : {QPoint(-1, 0), QPoint(1, 0), QPoint(0, -1), QPoint(0, 1)})
        painter->drawText(at + d, text);
    painter->setPen(c.text);
    painter->drawText(at, text);
    painter->restore();
}

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
class GeoLayerItem final : public QGraphicsItem
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

    QRectF boundingRect() const override { return bounds.adjusted(-50, -50, 50, 50); }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        const double pixelsPerMetre = painter->worldTransform().m11();
        painter->setRenderHint(QPainter::Antialiasing, pixelsPerMetre > 0.02);
        for (const Area& a : std::as_const(areas)) {
            QPen pen(colours.areaLine, 1.5, Qt::DashLine);
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
            pen.setCapStyle(Qt::RoundCap);
            painter->setPen(pen);
            painter->drawPath(l.path);
        }
        // Names only where they can be read.
        if (pixelsPerMetre > 1.0 / 6) {
            QFont f = painter->font();
            f.setPixelSize(11);
            painter->setFont(f);
            for (const Line& l : std::as_const(lines)) {
                if (!l.name.isEmpty() && l.path.elementCount() > 0)
                    drawLabel(painter, l.path.pointAtPercent(0.1), l.name, colours, {2, -4});
            }
        }
        if (pixelsPerMetre > 1.0 / 12) {
            QFont f = painter->font();
            f.setPixelSize(12);
            f.setBold(true);
            painter->setFont(f);
            for (const Place& p : std::as_const(places)) {
                const QPointF d = painter->worldTransform().map(p.point);
                painter->save();
                painter->resetTransform();
                painter->setPen(colours.text);
                painter->setBrush(colours.halo);
                painter->drawRect(QRectF(d - QPointF(4, 4), QSizeF(8, 8)));
                painter->restore();
                drawLabel(painter, p.point, p.name, colours);
            }
        }
    }
};

//! One layer of markers, painted (and clustered) by this one item.
class MarkerLayerItem final : public QGraphicsItem
{
public:
    QList<MapMarker> markers;
    QList<QPointF> points; //!< scene points, in the order of markers
    QRectF bounds;
    MapColours colours = MapColours::of(false);

    void willChange() { prepareGeometryChange(); }

    QRectF boundingRect() const override
    {
        // Markers are a fixed size on screen: leave room for them at any zoom out to city scale.
        return bounds.isNull() ? QRectF() : bounds.adjusted(-2000, -2000, 2000, 2000);
    }

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

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override
    {
        const double pixelsPerMetre = painter->worldTransform().m11();
        if (pixelsPerMetre <= 0)
            return;
        const QRectF exposed = option->exposedRect.adjusted(-2000, -2000, 2000, 2000);
        const QList<MapView::Drawn> drawn = bin(exposed, MapView::kClusterPixels / pixelsPerMetre);
        const QTransform toDevice = painter->worldTransform();
        painter->save();
        painter->resetTransform();
        painter->setRenderHint(QPainter::Antialiasing);
        QFont f = painter->font();
        f.setPixelSize(11);
        f.setBold(true);
        painter->setFont(f);
        const bool labels = pixelsPerMetre > 1.0 / 4;
        for (const MapView::Drawn& d : drawn) {
            const QPointF at = toDevice.map(d.scenePoint);
            if (d.count > 1) {
                const double r = 9 + std::min(12.0, 3 * std::log2(double(d.count)));
                painter->setPen(QPen(colours.halo, 2));
                painter->setBrush(QColor(0x55, 0x5f, 0x6d, 220));
                painter->drawEllipse(at, r, r);
                painter->setPen(Qt::white);
                painter->drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QString::number(d.count));
                continue;
            }
            const MapMarker& m = markers.at(d.marker);
            painter->setPen(QPen(colours.halo, 2));
            painter->setBrush(m.colour);
            switch (m.shape) {
            case MapMarker::Shape::Circle:
                painter->drawEllipse(at, 7, 7);
                break;
            case MapMarker::Shape::Square:
                painter->drawRect(QRectF(at - QPointF(6, 6), QSizeF(12, 12)));
                break;
            case MapMarker::Shape::Triangle: {
                const QPointF tri[3] = {at + QPointF(0, -8), at + QPointF(7, 6), at + QPointF(-7, 6)};
                painter->drawPolygon(tri, 3);
                break;
            }
            }
            if (labels && !m.label.isEmpty()) {
                painter->setPen(colours.halo);
                for (const QPoint o : {QPoint(-1, 0), QPoint(1, 0), QPoint(0, -1), QPoint(0, 1)})
                    painter->drawText(at + QPointF(10, 4) + o, m.label);
                painter->setPen(colours.text);
                painter->drawText(at + QPointF(10, 4), m.label);
            }
        }
        painter->restore();
    }
};

// ---------------------------------------------------------------------------------------------

MapView::MapView(QWidget* parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
{
    setObjectName(QStringLiteral("map"));
    m_scene->setSceneRect(-kWorld, -kWorld, 2 * kWorld, 2 * kWorld);
    m_scene->setItemIndexMethod(QGraphicsScene::NoIndex); // a few large items
    setScene(m_scene);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(widgets::Tr::tr("Map"));
    updateColours();
    centreOn(GeoPoint{31.2304, 121.4737}, 10);
}

MapView::~MapView() = default;

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

    auto item = std::make_unique<GeoLayerItem>();
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
    item->setZValue(0);
    if (GeoLayerItem* old = m_geo.take(layer))
        delete old;
    m_scene->addItem(item.get());
    m_geo.insert(layer, item.release());
    return true;
}

void MapView::setMarkers(const QString& layer, const QList<MapMarker>& markers)
{
    MarkerLayerItem* item = m_markers.value(layer);
    if (!item) {
        item = new MarkerLayerItem;
        item->colours = MapColours::of(palette().color(QPalette::Window).lightness() < 128);
        item->setZValue(10 + m_markerOrder.size());
        m_scene->addItem(item);
        m_markers.insert(layer, item);
        m_markerOrder << layer;
    }
    item->willChange();
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
    item->update();
}

QStringList MapView::layers() const
{
    return m_geo.keys() + m_markerOrder;
}

int MapView::markerCount(const QString& layer) const
{
    const MarkerLayerItem* item = m_markers.value(layer);
    return item ? int(item->markers.size()) : 0;
}

void MapView::centreOn(const GeoPoint& point, double metresPerPixel)
{
    const double scale = 1.0 / std::clamp(metresPerPixel, 0.05, 20000.0);
    setTransform(QTransform::fromScale(scale, scale));
    centerOn(toScene(point));
    Q_EMIT scaleChanged(this->metresPerPixel());
}

void MapView::showAll()
{
    QRectF all;
    for (const GeoLayerItem* g : std::as_const(m_geo))
        all = all.isNull() ? g->bounds : all.united(g->bounds);
    for (const MarkerLayerItem* m : std::as_const(m_markers))
        if (!m->bounds.isNull())
            all = all.isNull() ? m->bounds : all.united(m->bounds);
    if (all.isNull())
        return;
    fitInView(all.adjusted(-200, -200, 200, 200), Qt::KeepAspectRatio);
    Q_EMIT scaleChanged(metresPerPixel());
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
    const MarkerLayerItem* item = m_markers.value(layer);
    if (!item)
        return {};
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    return item->bin(visible, kClusterPixels * metresPerPixel());
}

void MapView::zoomBy(double factor, const QPointF& viewAnchor)
{
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
    QGraphicsView::mousePressEvent(event);
}

void MapView::mouseReleaseEvent(QMouseEvent* event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || (event->pos() - m_pressAt).manhattanLength() > 4)
        return; // a drag, not a click
    // The top-most layer first; the nearest drawn marker or cluster within 12 pixels.
    for (qsizetype l = m_markerOrder.size() - 1; l >= 0; --l) {
        const QString& layer = m_markerOrder.at(l);
        double best = 12;
        std::optional<Drawn> hit;
        for (const Drawn& d : drawnMarkers(layer)) {
            const QPointF at = mapFromScene(d.scenePoint);
            const double distance = std::hypot(at.x() - event->position().x(), at.y() - event->position().y());
            if (distance <= best) {
                best = distance;
                hit = d;
            }
        }
        if (!hit)
            continue;
        if (hit->count > 1) {
            centerOn(hit->scenePoint);
            zoomBy(3, viewport()->rect().center());
        } else {
            Q_EMIT markerActivated(layer, m_markers.value(layer)->markers.at(hit->marker).id);
        }
        return;
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
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - step);
        return;
    case Qt::Key_Right:
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + step);
        return;
    case Qt::Key_Up:
        verticalScrollBar()->setValue(verticalScrollBar()->value() - step);
        return;
    case Qt::Key_Down:
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

void MapView::updateColours()
{
    const MapColours colours = MapColours::of(palette().color(QPalette::Window).lightness() < 128);
    setBackgroundBrush(colours.land);
    for (GeoLayerItem* g : std::as_const(m_geo)) {
        g->colours = colours;
        g->update();
    }
    for (MarkerLayerItem* m : std::as_const(m_markers)) {
        m->colours = colours;
        m->update();
    }
}

} // namespace hexhub
