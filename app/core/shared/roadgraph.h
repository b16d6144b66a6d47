#pragma once

#include "shared/geo.h"
#include "base/hexhubcore_export.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace hexhub {

/*!
 * The streets of a map as a graph, for travel distances on the ground (issue 5, section 4: units are
 * ranked by travel time, "the map's road graph when present").
 *
 * Built from GeoJSON: the LineString and MultiLineString features whose property "kind" is "street".
 * Maps seldom share a vertex where two streets cross, so the graph finds the crossings itself and
 * splits the streets there; a street that ends within joinMetres() of another street (or of another
 * street's end) is joined to it. Every other feature (landmarks, areas, rivers) is left out.
 *
 * A query snaps each point to the nearest point of the nearest street (the leg off the road counts
 * as a straight line) and walks the streets from there. Points farther than maxOffRoadMetres() from
 * every street, and points the streets do not connect, get no road distance: the caller reckons
 * those in a straight line.
 *
 * The graph is immutable once built: copies share it, and it may be queried from several threads at
 * once.
 */
class HEXHUB_CORE_EXPORT RoadGraph
{
public:
    //! End points (and street ends near another street) this close are one junction, metres.
    static constexpr double kJoinMetres = 5;
    //! A point farther than this from every street is not on the road map, metres.
    static constexpr double kMaxOffRoadMetres = 300;

    //! Where a point meets the road map.
    struct Snap
    {
        GeoPoint point;           //!< the nearest point on a street
        double offRoadMetres = 0; //!< from the point given to `point`, in a straight line
    };

    //! An empty graph: every distance is unknown.
    RoadGraph();

    /*!
     * The street graph of a GeoJSON FeatureCollection. Nullopt with `error` set (translated, naming
     * the feature by its number and, when it has one, its name) when the text is not GeoJSON or a
     * street's geometry is malformed. A collection without streets gives an empty graph.
     * `maxOffRoadMetres` is how far from the streets a point may be and still be routed.
     */
    static std::optional<RoadGraph> fromGeoJson(const QByteArray& geoJson, QString* error = nullptr,
                                                double maxOffRoadMetres = kMaxOffRoadMetres);

    bool isEmpty() const;
    //! Junctions and street ends.
    int nodeCount() const;
    //! Street pieces between two nodes.
    int edgeCount() const;
    //! The positions of the nodes, by node index.
    QList<GeoPoint> nodes() const;
    //! How many pieces the graph falls into: 1 when every street can be reached from every other.
    int componentCount() const;
    //! The length of all streets, metres.
    double totalMetres() const;
    double maxOffRoadMetres() const;

    //! The nearest point on a street, or nullopt when there is none within maxOffRoadMetres().
    std::optional<Snap> snap(const GeoPoint& point) const;

    /*!
     * Travel distances in metres from `from` to each of `to` (the same order): the leg from `from`
     * to its street, along the streets (the shortest way), and the leg from the street to the
     * point. Nullopt for a point off the road map or one the streets do not connect to `from`; all
     * nullopt when `from` is off the road map. One shortest-path search, however many points.
     */
    QList<std::optional<double>> distances(const GeoPoint& from, const QList<GeoPoint>& to) const;

    //! The same, for one point.
    std::optional<double> distance(const GeoPoint& from, const GeoPoint& to) const;

    /*!
     * The shortest way along the streets from `from` to `to`, as the points a vehicle passes: the
     * point of `from`'s street nearest to it, the junctions on the way, and the point of `to`'s
     * street nearest to it (the legs off the road are left to the caller). Every straight piece
     * between two consecutive points lies along a street (to within kJoinMetres at a joined end).
     * Nullopt for a point off the road map or when the streets do not connect the two.
     */
    std::optional<QList<GeoPoint>> route(const GeoPoint& from, const GeoPoint& to) const;

private:
    struct Data;
    explicit RoadGraph(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> d;
};

} // namespace hexhub
