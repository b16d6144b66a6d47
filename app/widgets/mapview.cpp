#include "mapview.h"

#include "mapview_p.h"

#include "widgetstr.h"

#include <QEvent>
#include <QGraphicsScene>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <cmath>

namespace hexhub {

namespace {

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
