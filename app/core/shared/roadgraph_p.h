#pragma once
// What the road graph's files share: the plane for its geometry, the grid of street pieces, its data.

#include "shared/roadgraph.h"

#include <QPointF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <vector>

namespace hexhub {

namespace detail {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// A grid never gets more cells than this: a larger map gets larger cells.
constexpr qint64 kMaxGridCells = qint64(1) << 21;

inline double dot(const QPointF& a, const QPointF& b)
{
    return a.x() * b.x() + a.y() * b.y();
}

//! The parameter (0..1) of the point of segment a-b nearest to p.
inline double nearestOnSegment(const QPointF& p, const QPointF& a, const QPointF& b)
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

} // namespace detail

// The road graph's files use these unqualified, as they did when it was one file.
using detail::dot;
using detail::kInfinity;
using detail::nearestOnSegment;
using detail::Plane;
using detail::SegmentGrid;

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

} // namespace hexhub
