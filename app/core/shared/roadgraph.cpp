#include "shared/roadgraph.h"

#include "shared/roadgraph_p.h"

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
#include <numbers>
#include <span>
#include <unordered_set>
#include <utility>
#include <vector>

namespace hexhub {

namespace {

// Cell sizes, metres: for finding crossings among the streets as given, and for snapping points to
// the street pieces (about a third of the off-road limit, so a snap looks at a few rings of cells).
constexpr double kCrossingCell = 200;
constexpr double kSnapCell = 100;

double cross(const QPointF& a, const QPointF& b)
{
    return a.x() * b.y() - a.y() * b.x();
}

double norm(const QPointF& v)
{
    return std::hypot(v.x(), v.y());
}

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

} // namespace hexhub
