#include "shared/roadgraph.h"

#include "base/coretr.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QPointF>
#include <QtNumeric>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <queue>
#include <span>
#include <unordered_set>
#include <utility>
#include <vector>

namespace hexhub {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// A grid never gets more cells than this: a larger map gets larger cells.
constexpr qint64 kMaxGridCells = qint64(1) << 21;
// Cell sizes, metres: for finding crossings among the streets as given, and for snapping points to
// the street pieces (about a third of the off-road limit, so a snap looks at a few rings of cells).
constexpr double kCrossingCell = 200;
constexpr double kSnapCell = 100;

double cross(const QPointF& a, const QPointF& b)
{
    return a.x() * b.y() - a.y() * b.x();
}

double dot(const QPointF& a, const QPointF& b)
{
    return a.x() * b.x() + a.y() * b.y();
}

double norm(const QPointF& v)
{
    return std::hypot(v.x(), v.y());
}

//! The parameter (0..1) of the point of segment a-b nearest to p.
double nearestOnSegment(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const QPointF ab = b - a;
    const double length2 = dot(ab, ab);
    if (length2 <= 0)
        return 0;
    return std::clamp(dot(p - a, ab) / length2, 0.0, 1.0);
}

/*!
 * A plane for the geometry (crossings, snapping, the grids): Web Mercator scaled by the cosine of
 * the map's latitude, which is metres on the ground to a fraction of a per cent over a city.
 * Distances that are reported are measured on the globe (GeoPoint::distanceTo), not here.
 */
struct Plane
{
    double scale = 1;

    QPointF toPlane(const GeoPoint& p) const { return p.toWebMercator() * scale; }
    GeoPoint toGeo(const QPointF& p) const { return GeoPoint::fromWebMercator(p / scale); }
};

/*!
 * A uniform grid over segments: each segment is listed in every cell it passes within `margin` of
 * (not in its whole bounding box, so a long diagonal street costs a line of cells, not a square).
 */
class SegmentGrid
{
public:
    template <typename Segments> void build(const Segments& segments, double cellSize, double margin)
    {
        m_margin = margin;
        if (segments.empty())
            return;
        double minX = kInfinity, minY = kInfinity, maxX = -kInfinity, maxY = -kInfinity;
        for (const auto& [a, b] : segments) {
            minX = std::min({minX, a.x(), b.x()});
            minY = std::min({minY, a.y(), b.y()});
            maxX = std::max({maxX, a.x(), b.x()});
            maxY = std::max({maxY, a.y(), b.y()});
        }
        m_origin = QPointF(minX - margin, minY - margin);
        const double width = maxX - minX + 2 * margin;
        const double height = maxY - minY + 2 * margin;
        m_cell = std::max(cellSize, 1.0);
        while ((qint64(width / m_cell) + 1) * (qint64(height / m_cell) + 1) > kMaxGridCells)
            m_cell *= 2;
        m_columns = int(width / m_cell) + 1;
        m_rows = int(height / m_cell) + 1;

        // Count, then fill: one flat list of segment indices, cell by cell.
        m_start.assign(std::size_t(m_columns) * m_rows + 1, 0);
        for (const auto& [a, b] : segments)
            forCells(a, b, [this](std::size_t cell) { ++m_start[cell + 1]; });
        for (std::size_t i = 1; i < m_start.size(); ++i)
            m_start[i] += m_start[i - 1];
        m_items.resize(m_start.back());
        std::vector<int> fill(m_start.begin(), m_start.end() - 1);
        int index = 0;
        for (const auto& [a, b] : segments) {
            forCells(a, b, [&](std::size_t cell) { m_items[fill[cell]++] = index; });
            ++index;
        }
    }

    bool isEmpty() const { return m_columns == 0; }
    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    double cellSize() const { return m_cell; }
    QPointF origin() const { return m_origin; }

    std::span<const int> cell(int column, int row) const
    {
        const std::size_t c = std::size_t(row) * m_columns + column;
        return {m_items.data() + m_start[c], m_items.data() + m_start[c + 1]};
    }

    //! The cells holding at least two segments, for finding pairs.
    template <typename F> void forEachCell(F&& f) const
    {
        for (int row = 0; row < m_rows; ++row) {
            for (int column = 0; column < m_columns; ++column) {
                const auto items = cell(column, row);
                if (items.size() > 1)
                    f(items);
            }
        }
    }

private:
    int columnOf(double x) const
    {
        return std::clamp(int(std::floor((x - m_origin.x()) / m_cell)), 0, m_columns - 1);
    }
    int rowOf(double y) const
    {
        return std::clamp(int(std::floor((y - m_origin.y()) / m_cell)), 0, m_rows - 1);
    }

    // Row by row: the part of the segment within the row's band (widened by the margin) gives the
    // columns.
    template <typename F> void forCells(const QPointF& a, const QPointF& b, F&& f) const
    {
        const double dx = b.x() - a.x();
        const double dy = b.y() - a.y();
        const int firstRow = rowOf(std::min(a.y(), b.y()) - m_margin);
        const int lastRow = rowOf(std::max(a.y(), b.y()) + m_margin);
        for (int row = firstRow; row <= lastRow; ++row) {
            double t0 = 0;
            double t1 = 1;
            if (std::abs(dy) > 1e-9) {
                const double bandLow = m_origin.y() + row * m_cell - m_margin;
                const double bandHigh = bandLow + m_cell + 2 * m_margin;
                t0 = (bandLow - a.y()) / dy;
                t1 = (bandHigh - a.y()) / dy;
                if (t0 > t1)
                    std::swap(t0, t1);
                t0 = std::max(t0, 0.0);
                t1 = std::min(t1, 1.0);
                if (t0 > t1)
                    continue;
            }
            const double x0 = a.x() + t0 * dx;
            const double x1 = a.x() + t1 * dx;
            const int firstColumn = columnOf(std::min(x0, x1) - m_margin);
            const int lastColumn = columnOf(std::max(x0, x1) + m_margin);
            for (int column = firstColumn; column <= lastColumn; ++column)
                f(std::size_t(row) * m_columns + column);
        }
    }

    QPointF m_origin;
    double m_cell = 1;
    double m_margin = 0;
    int m_columns = 0;
    int m_rows = 0;
    std::vector<int> m_start;
    std::vector<int> m_items;
};

struct UnionFind
{
    std::vector<int> parent;

    int add()
    {
        parent.push_back(int(parent.size()));
        return parent.back();
    }
    int find(int x)
    {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
    void unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            parent[std::max(a, b)] = std::min(a, b);
    }
};

//! A street's lines as read from the GeoJSON, in degrees.
using Polyline = std::vector<GeoPoint>;

QString featureLabel(int index, const QJsonObject& feature)
{
    const QString name =
        feature.value(QStringLiteral("properties")).toObject().value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        return Tr::tr("features[%1]").arg(index);
    return Tr::tr("street \"%1\" (features[%2])").arg(name).arg(index);
}

bool readLine(const QJsonValue& value, Polyline* line, const QString& label, QString* error)
{
    if (!value.isArray()) {
        *error = Tr::tr("%1: a line's coordinates must be a list of positions").arg(label);
        return false;
    }
    const QJsonArray positions = value.toArray();
    for (qsizetype i = 0; i < positions.size(); ++i) {
        const QJsonArray pair = positions[i].toArray();
        const GeoPoint p{pair.size() >= 2 ? pair[1].toDouble(qQNaN()) : qQNaN(),
                         pair.size() >= 2 ? pair[0].toDouble(qQNaN()) : qQNaN()};
        if (!positions[i].isArray() || !p.isValid()) {
            *error = Tr::tr("%1: position %2 is not a [longitude, latitude] pair on the globe")
                         .arg(label)
                         .arg(i);
            return false;
        }
        if (line->empty() || !(line->back() == p)) // a repeated position adds nothing
            line->push_back(p);
    }
    if (line->size() < 2) {
        *error = Tr::tr("%1: a line needs at least two different positions").arg(label);
        return false;
    }
    return true;
}

//! The street lines of a FeatureCollection, or false with `error` set.
bool readStreets(const QByteArray& geoJson, std::vector<Polyline>* streets, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(geoJson, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Tr::tr("the road map is not JSON: %1 at byte %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    const QJsonObject root = document.object();
    if (!document.isObject() ||
        root.value(QStringLiteral("type")).toString() != QLatin1String("FeatureCollection")) {
        *error = Tr::tr("the road map is not a GeoJSON FeatureCollection");
        return false;
    }
    const QJsonValue features = root.value(QStringLiteral("features"));
    if (!features.isArray()) {
        *error = Tr::tr("the road map's \"features\" must be a list");
        return false;
    }
    const QJsonArray list = features.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list[i].isObject()) {
            *error = Tr::tr("features[%1] is not a GeoJSON feature").arg(i);
            return false;
        }
        const QJsonObject feature = list[i].toObject();
        if (feature.value(QStringLiteral("properties"))
                .toObject()
                .value(QStringLiteral("kind"))
                .toString() != QLatin1String("street"))
            continue;
        const QString label = featureLabel(int(i), feature);
        const QJsonObject geometry = feature.value(QStringLiteral("geometry")).toObject();
        const QString type = geometry.value(QStringLiteral("type")).toString();
        const QJsonValue coordinates = geometry.value(QStringLiteral("coordinates"));
        if (type == QLatin1String("LineString")) {
            Polyline line;
            if (!readLine(coordinates, &line, label, error))
                return false;
            streets->push_back(std::move(line));
        } else if (type == QLatin1String("MultiLineString")) {
            if (!coordinates.isArray() || coordinates.toArray().isEmpty()) {
                *error = Tr::tr("%1: a MultiLineString's coordinates must be a list of lines").arg(label);
                return false;
            }
            for (const QJsonValue& part : coordinates.toArray()) {
                Polyline line;
                if (!readLine(part, &line, label, error))
                    return false;
                streets->push_back(std::move(line));
            }
        } else {
            *error = type.isEmpty()
                         ? Tr::tr("%1: a street needs a geometry").arg(label)
                         : Tr::tr("%1: a street must be a LineString or a MultiLineString, not a %2")
                               .arg(label, type);
            return false;
        }
    }
    return true;
}

} // namespace

struct RoadGraph::Data
{
    struct Edge
    {
        int from = 0;
        int to = 0;
        double metres = 0;
        QPointF a; //!< on the plane, at `from`'s end
        QPointF b;
    };
    //! Where a point meets a street piece.
    struct Hit
    {
        int edge = -1;
        double t = 0; //!< along the edge, 0 at `from`
        GeoPoint point;
        double offRoad = 0;
    };

    Plane plane;
    double maxOffRoad = kMaxOffRoadMetres;
    std::vector<GeoPoint> nodes;
    std::vector<Edge> edges;
    // Compressed adjacency: node n's neighbours are neighbour[first[n]] .. neighbour[first[n + 1] - 1].
    std::vector<int> first;
    std::vector<int> neighbour;
    std::vector<double> weight;
    SegmentGrid grid; // of the edges, for snapping
    int components = 0;
    double totalMetres = 0;

    std::optional<Hit> snap(const GeoPoint& point) const;
};

std::optional<RoadGraph::Data::Hit> RoadGraph::Data::snap(const GeoPoint& point) const
{
    if (grid.isEmpty() || !point.isValid())
        return std::nullopt;
    const QPointF p = plane.toPlane(point);
    const double cell = grid.cellSize();
    const double reach = maxOffRoad * 1.01 + 1; // the plane is metres to well under a per cent
    const double fx = (p.x() - grid.origin().x()) / cell;
    const double fy = (p.y() - grid.origin().y()) / cell;
    const double slack = reach / cell + 1;
    if (fx < -slack || fy < -slack || fx > grid.columns() + slack || fy > grid.rows() + slack)
        return std::nullopt; // nowhere near the map
    const int cx = int(std::floor(fx));
    const int cy = int(std::floor(fy));
    const int maxRing = int(std::ceil(reach / cell)) + 1;

    Hit best;
    double bestSquared = kInfinity; // squared distances on the plane, compared
    const auto visit = [&](int column, int row) {
        if (column < 0 || row < 0 || column >= grid.columns() || row >= grid.rows())
            return;
        for (int e : grid.cell(column, row)) {
            const Edge& edge = edges[std::size_t(e)];
            const double t = nearestOnSegment(p, edge.a, edge.b);
            const QPointF off = p - (edge.a + (edge.b - edge.a) * t);
            const double squared = dot(off, off);
            if (squared < bestSquared) {
                bestSquared = squared;
                best.edge = e;
                best.t = t;
            }
        }
    };
    // Ring by ring outwards: a street first listed in ring r + 1 is at least r cells away.
    for (int ring = 0; ring <= maxRing; ++ring) {
        if (ring == 0) {
            visit(cx, cy);
        } else {
            for (int i = -ring; i <= ring; ++i) {
                visit(cx + i, cy - ring);
                visit(cx + i, cy + ring);
            }
            for (int i = -ring + 1; i <= ring - 1; ++i) {
                visit(cx - ring, cy + i);
                visit(cx + ring, cy + i);
            }
        }
        if (bestSquared <= (ring * cell) * (ring * cell))
            break;
    }
    if (best.edge < 0 || bestSquared > reach * reach)
        return std::nullopt;
    const Edge& edge = edges[std::size_t(best.edge)];
    best.point = plane.toGeo(edge.a + (edge.b - edge.a) * best.t);
    best.offRoad = point.distanceTo(best.point);
    if (best.offRoad > maxOffRoad)
        return std::nullopt;
    return best;
}

RoadGraph::RoadGraph()
    : d(std::make_shared<const Data>())
{}

RoadGraph::RoadGraph(std::shared_ptr<const Data> data)
    : d(std::move(data))
{}

std::optional<RoadGraph> RoadGraph::fromGeoJson(const QByteArray& geoJson, QString* error,
                                                double maxOffRoadMetres)
{
    std::vector<Polyline> streets;
    QString why;
    if (!readStreets(geoJson, &streets, &why)) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    auto data = std::make_shared<Data>();
    data->maxOffRoad = std::max(0.0, maxOffRoadMetres);
    if (streets.empty())
        return RoadGraph(std::move(data));

    // The plane, true to scale at the map's mean latitude.
    double latitudes = 0;
    std::size_t count = 0;
    for (const Polyline& line : streets) {
        for (const GeoPoint& p : line)
            latitudes += p.latitude;
        count += line.size();
    }
    data->plane.scale = std::cos(latitudes / double(count) * std::numbers::pi / 180);
    const Plane& plane = data->plane;

    // Points (the streets' positions, and the crossings found below) and the segments between them.
    std::vector<QPointF> xy;
    std::vector<GeoPoint> geo;
    UnionFind joined; // points that are one junction
    const auto addPoint = [&](const QPointF& planar, const GeoPoint& where) {
        xy.push_back(planar);
        geo.push_back(where);
        return joined.add();
    };
    struct Segment
    {
        int a;
        int b;
    };
    std::vector<Segment> segments;
    for (const Polyline& line : streets) {
        int previous = addPoint(plane.toPlane(line.front()), line.front());
        for (std::size_t i = 1; i < line.size(); ++i) {
            const int next = addPoint(plane.toPlane(line[i]), line[i]);
            if (norm(xy[std::size_t(next)] - xy[std::size_t(previous)]) > 1e-6)
                segments.push_back({previous, next});
            else
                joined.unite(previous, next);
            previous = next;
        }
    }
    // Where each segment is cut: (parameter along it, point).
    std::vector<std::vector<std::pair<double, int>>> cuts(segments.size());

    // The end of segment s near parameter t (within tolerance tol), or -1.
    const auto endNear = [&](const Segment& s, double t, double tol) {
        if (t <= 0.5)
            return t < tol ? s.a : -1;
        return t > 1 - tol ? s.b : -1;
    };
    // Point `end` (a segment's end) lies within the join distance of segment `s`: join or cut there.
    const auto touch = [&](int end, std::size_t s) {
        const Segment& seg = segments[s];
        const QPointF a = xy[std::size_t(seg.a)];
        const QPointF b = xy[std::size_t(seg.b)];
        const double t = nearestOnSegment(xy[std::size_t(end)], a, b);
        if (norm(xy[std::size_t(end)] - (a + (b - a) * t)) > kJoinMetres)
            return;
        const int other = endNear(seg, t, kJoinMetres / norm(b - a));
        if (other >= 0)
            joined.unite(end, other);
        else
            cuts[s].push_back({t, end});
    };
    // Two segments that cross are cut at the crossing; ends that nearly meet are joined.
    const auto meet = [&](std::size_t s1, std::size_t s2) {
        const Segment& one = segments[s1];
        const Segment& two = segments[s2];
        const QPointF p = xy[std::size_t(one.a)];
        const QPointF r = xy[std::size_t(one.b)] - p;
        const QPointF q = xy[std::size_t(two.a)];
        const QPointF s = xy[std::size_t(two.b)] - q;
        const double lengthR = norm(r);
        const double lengthS = norm(s);
        const double tol1 = kJoinMetres / lengthR;
        const double tol2 = kJoinMetres / lengthS;
        const double denominator = cross(r, s);
        if (std::abs(denominator) > 1e-9 * lengthR * lengthS) {
            const double t = cross(q - p, s) / denominator;
            const double u = cross(q - p, r) / denominator;
            if (t >= -tol1 && t <= 1 + tol1 && u >= -tol2 && u <= 1 + tol2) {
                const int end1 = endNear(one, t, tol1);
                const int end2 = endNear(two, u, tol2);
                if (end1 >= 0 && end2 >= 0) {
                    joined.unite(end1, end2);
                } else if (end1 >= 0) {
                    cuts[s2].push_back({std::clamp(u, 0.0, 1.0), end1});
                } else if (end2 >= 0) {
                    cuts[s1].push_back({std::clamp(t, 0.0, 1.0), end2});
                } else {
                    const QPointF crossing = p + r * t;
                    const int point = addPoint(crossing, plane.toGeo(crossing));
                    cuts[s1].push_back({t, point});
                    cuts[s2].push_back({u, point});
                }
                return;
            }
        }
        // Parallel, or their lines cross away from them: an end may still touch the other one.
        touch(one.a, s2);
        touch(one.b, s2);
        touch(two.a, s1);
        touch(two.b, s1);
    };

    {
        std::vector<std::pair<QPointF, QPointF>> planar;
        planar.reserve(segments.size());
        for (const Segment& s : segments)
            planar.emplace_back(xy[std::size_t(s.a)], xy[std::size_t(s.b)]);
        SegmentGrid crossings;
        crossings.build(planar, kCrossingCell, kJoinMetres);
        std::unordered_set<std::uint64_t> seen; // a pair shares several cells: met once
        crossings.forEachCell([&](std::span<const int> items) {
            for (std::size_t i = 0; i < items.size(); ++i) {
                for (std::size_t j = i + 1; j < items.size(); ++j) {
                    const auto [low, high] = std::minmax(items[i], items[j]);
                    if (seen.insert((std::uint64_t(std::uint32_t(low)) << 32) | std::uint32_t(high)).second)
                        meet(std::size_t(low), std::size_t(high));
                }
            }
        });
    }

    // Nodes: one per junction (its first point's position); edges: the segments between cuts.
    std::vector<int> nodeOf(xy.size(), -1);
    const auto node = [&](int point) {
        const int root = joined.find(point);
        if (nodeOf[std::size_t(root)] < 0) {
            nodeOf[std::size_t(root)] = int(data->nodes.size());
            data->nodes.push_back(geo[std::size_t(root)]);
        }
        return nodeOf[std::size_t(root)];
    };
    for (std::size_t s = 0; s < segments.size(); ++s) {
        auto& along = cuts[s];
        along.push_back({0.0, segments[s].a});
        along.push_back({1.0, segments[s].b});
        std::sort(along.begin(), along.end());
        for (std::size_t i = 1; i < along.size(); ++i) {
            const int from = along[i - 1].second;
            const int to = along[i].second;
            const int fromNode = node(from);
            const int toNode = node(to);
            if (fromNode == toNode)
                continue;
            const double metres = geo[std::size_t(from)].distanceTo(geo[std::size_t(to)]);
            data->edges.push_back({fromNode, toNode, metres, xy[std::size_t(from)], xy[std::size_t(to)]});
            data->totalMetres += metres;
        }
    }

    // Adjacency, both ways (streets are not one-way here), and the pieces the graph falls into.
    const std::size_t nodeCount = data->nodes.size();
    data->first.assign(nodeCount + 1, 0);
    for (const Data::Edge& e : data->edges) {
        ++data->first[std::size_t(e.from) + 1];
        ++data->first[std::size_t(e.to) + 1];
    }
    for (std::size_t i = 1; i <= nodeCount; ++i)
        data->first[i] += data->first[i - 1];
    data->neighbour.resize(std::size_t(data->first.back()));
    data->weight.resize(std::size_t(data->first.back()));
    std::vector<int> fill(data->first.begin(), data->first.end() - 1);
    UnionFind pieces;
    for (std::size_t i = 0; i < nodeCount; ++i)
        pieces.add();
    for (const Data::Edge& e : data->edges) {
        data->neighbour[std::size_t(fill[std::size_t(e.from)])] = e.to;
        data->weight[std::size_t(fill[std::size_t(e.from)]++)] = e.metres;
        data->neighbour[std::size_t(fill[std::size_t(e.to)])] = e.from;
        data->weight[std::size_t(fill[std::size_t(e.to)]++)] = e.metres;
        pieces.unite(e.from, e.to);
    }
    for (std::size_t i = 0; i < nodeCount; ++i)
        data->components += pieces.find(int(i)) == int(i) ? 1 : 0;

    std::vector<std::pair<QPointF, QPointF>> planar;
    planar.reserve(data->edges.size());
    for (const Data::Edge& e : data->edges)
        planar.emplace_back(e.a, e.b);
    data->grid.build(planar, kSnapCell, 0);
    return RoadGraph(std::move(data));
}

bool RoadGraph::isEmpty() const
{
    return d->edges.empty();
}

int RoadGraph::nodeCount() const
{
    return int(d->nodes.size());
}

int RoadGraph::edgeCount() const
{
    return int(d->edges.size());
}

QList<GeoPoint> RoadGraph::nodes() const
{
    return QList<GeoPoint>(d->nodes.begin(), d->nodes.end());
}

int RoadGraph::componentCount() const
{
    return d->components;
}

double RoadGraph::totalMetres() const
{
    return d->totalMetres;
}

double RoadGraph::maxOffRoadMetres() const
{
    return d->maxOffRoad;
}

std::optional<RoadGraph::Snap> RoadGraph::snap(const GeoPoint& point) const
{
    const auto hit = d->snap(point);
    if (!hit)
        return std::nullopt;
    return Snap{hit->point, hit->offRoad};
}

QList<std::optional<double>> RoadGraph::distances(const GeoPoint& from, const QList<GeoPoint>& to) const
{
    QList<std::optional<double>> result(to.size());
    const auto source = d->snap(from);
    if (!source)
        return result;
    const Data::Edge& start = d->edges[std::size_t(source->edge)];

    // Snap every point first: the search stops once the ends of all their street pieces are settled.
    std::vector<std::optional<Data::Hit>> hits(std::size_t(to.size()));
    std::vector<char> wanted(d->nodes.size(), 0);
    std::size_t stillWanted = 0;
    for (qsizetype i = 0; i < to.size(); ++i) {
        hits[std::size_t(i)] = d->snap(to[i]);
        if (!hits[std::size_t(i)])
            continue;
        const Data::Edge& e = d->edges[std::size_t(hits[std::size_t(i)]->edge)];
        for (int n : {e.from, e.to}) {
            if (!wanted[std::size_t(n)]) {
                wanted[std::size_t(n)] = 1;
                ++stillWanted;
            }
        }
    }

    // Dijkstra from the incident's point on its street, both ways along that street, on an indexed
    // 4-ary heap (each node in it at most once, moved up when a shorter way to it is found).
    const std::size_t nodeCount = d->nodes.size();
    std::vector<double> best(nodeCount, kInfinity);
    std::vector<int> slot(nodeCount, -1); // where a node is in the heap; -2 once settled
    std::vector<int> heap;
    heap.reserve(nodeCount);
    const auto place = [&](std::size_t at, int n) {
        heap[at] = n;
        slot[std::size_t(n)] = int(at);
    };
    const auto up = [&](std::size_t at) {
        const int n = heap[at];
        while (at > 0) {
            const std::size_t parent = (at - 1) / 4;
            if (best[std::size_t(heap[parent])] <= best[std::size_t(n)])
                break;
            place(at, heap[parent]);
            at = parent;
        }
        place(at, n);
    };
    const auto down = [&](std::size_t at) {
        const int n = heap[at];
        const std::size_t size = heap.size();
        for (;;) {
            const std::size_t child = 4 * at + 1;
            if (child >= size)
                break;
            std::size_t smallest = child;
            const std::size_t last = std::min(child + 4, size);
            for (std::size_t c = child + 1; c < last; ++c) {
                if (best[std::size_t(heap[c])] < best[std::size_t(heap[smallest])])
                    smallest = c;
            }
            if (best[std::size_t(heap[smallest])] >= best[std::size_t(n)])
                break;
            place(at, heap[smallest]);
            at = smallest;
        }
        place(at, n);
    };
    const auto reach = [&](int n, double metres) {
        const std::size_t i = std::size_t(n);
        if (slot[i] == -2 || metres >= best[i])
            return;
        best[i] = metres;
        if (slot[i] < 0) {
            heap.push_back(n);
            slot[i] = int(heap.size() - 1);
        }
        up(std::size_t(slot[i]));
    };
    reach(start.from, source->offRoad + source->t * start.metres);
    reach(start.to, source->offRoad + (1 - source->t) * start.metres);
    const int* first = d->first.data();
    const int* neighbour = d->neighbour.data();
    const double* weight = d->weight.data();
    while (!heap.empty() && stillWanted > 0) {
        const int n = heap.front();
        slot[std::size_t(n)] = -2;
        const int last = heap.back();
        heap.pop_back();
        if (!heap.empty()) {
            place(0, last);
            down(0);
        }
        if (wanted[std::size_t(n)])
            --stillWanted;
        const double metres = best[std::size_t(n)];
        for (int i = first[n]; i < first[n + 1]; ++i)
            reach(neighbour[i], metres + weight[i]);
    }

    for (qsizetype i = 0; i < to.size(); ++i) {
        const auto& hit = hits[std::size_t(i)];
        if (!hit)
            continue;
        const Data::Edge& e = d->edges[std::size_t(hit->edge)];
        double metres = std::min(best[std::size_t(e.from)] + hit->t * e.metres,
                                 best[std::size_t(e.to)] + (1 - hit->t) * e.metres);
        if (hit->edge == source->edge) // on the incident's own street piece: straight along it
            metres = std::min(metres, source->offRoad + std::abs(source->t - hit->t) * e.metres);
        if (std::isfinite(metres))
            result[i] = metres + hit->offRoad;
    }
    return result;
}

std::optional<double> RoadGraph::distance(const GeoPoint& from, const GeoPoint& to) const
{
    return distances(from, {to}).constFirst();
}

std::optional<QList<GeoPoint>> RoadGraph::route(const GeoPoint& from, const GeoPoint& to) const
{
    const auto source = d->snap(from);
    const auto target = d->snap(to);
    if (!source || !target)
        return std::nullopt;
    const Data::Edge& start = d->edges[std::size_t(source->edge)];
    const Data::Edge& end = d->edges[std::size_t(target->edge)];

    // Dijkstra from the start point (both ways along its street piece), remembering where each
    // node was reached from (-1: straight from the start point), until both ends of the target's
    // piece are settled.
    const std::size_t nodeCount = d->nodes.size();
    std::vector<double> best(nodeCount, kInfinity);
    std::vector<int> previous(nodeCount, -1);
    std::vector<char> settled(nodeCount, 0);
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    const auto reach = [&](int n, double metres, int via) {
        if (settled[std::size_t(n)] || metres >= best[std::size_t(n)])
            return;
        best[std::size_t(n)] = metres;
        previous[std::size_t(n)] = via;
        queue.push({metres, n});
    };
    reach(start.from, source->t * start.metres, -1);
    reach(start.to, (1 - source->t) * start.metres, -1);
    int wanted = end.from == end.to ? 1 : 2;
    while (!queue.empty() && wanted > 0) {
        const auto [metres, n] = queue.top();
        queue.pop();
        if (settled[std::size_t(n)])
            continue;
        settled[std::size_t(n)] = 1;
        if (n == end.from || n == end.to)
            --wanted;
        for (int i = d->first[std::size_t(n)]; i < d->first[std::size_t(n) + 1]; ++i)
            reach(d->neighbour[std::size_t(i)], metres + d->weight[std::size_t(i)], n);
    }

    const double viaFrom = best[std::size_t(end.from)] + target->t * end.metres;
    const double viaTo = best[std::size_t(end.to)] + (1 - target->t) * end.metres;
    const double direct = source->edge == target->edge ? std::abs(source->t - target->t) * end.metres : kInfinity;
    const double shortest = std::min({viaFrom, viaTo, direct});
    if (!std::isfinite(shortest))
        return std::nullopt;

    QList<GeoPoint> points;
    points << source->point;
    if (shortest < direct) {
        QList<GeoPoint> junctions;
        for (int n = viaFrom <= viaTo ? end.from : end.to; n >= 0; n = previous[std::size_t(n)])
            junctions.prepend(d->nodes[std::size_t(n)]);
        points << junctions;
    }
    points << target->point;
    return points;
}

} // namespace hexhub
