// The road graph's queries: points snapped to the streets, distances along them and the shortest way.
#include "shared/roadgraph.h"

#include "shared/roadgraph_p.h"

#include <QList>

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

namespace hexhub {

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
