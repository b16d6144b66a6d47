#pragma once
// The link chart's analysis (issue 21 section 2), on the items and links the chart holds in memory:
// neighbours n steps out, the shortest path between two items, connected components, the network
// measures analysts rank by (degree, betweenness, closeness, eigenvector centrality), k-cores,
// communities, and the three layouts (force-directed, hierarchical, circular) that keep pinned items
// still. Nodes are numbered 0..n-1 by the caller; links are taken as undirected for every measure
// (a call from A to B ties them either way), the direction being the chart's to draw.
#include "hexhub/criminal_intel/criminal_intel_export.h"

#include <QList>
#include <QPointF>

namespace hexhub::criminalintel {

class HEXHUB_CRIMINAL_INTEL_EXPORT LinkGraph
{
public:
    explicit LinkGraph(int nodes = 0);

    int addNode();
    //! A link between nodes a and b (a loop or a node out of range is ignored; a second link between the same two adds weight).
    void addLink(int a, int b);
    int nodeCount() const { return int(m_adjacent.size()); }
    int linkCount() const { return m_links; }
    //! The distinct nodes linked to `node`.
    const QList<int>& neighbours(int node) const { return m_adjacent.at(node); }

    //! The nodes at most `steps` links from any seed (the seeds included), nearest first.
    QList<int> expand(const QList<int>& seeds, int steps) const;
    //! The fewest links from `from` to `to`, both ends included; empty when they are not connected.
    QList<int> shortestPath(int from, int to) const;
    //! A component number per node: 0 the largest component, 1 the next, ...
    QList<int> components() const;

    //! Distinct neighbours per node.
    QList<int> degree() const;
    /*!
     * Betweenness centrality by Brandes' algorithm (exact, unweighted, every node a source, the
     * sources shared across the machine's cores), normalised to 0..1 by (n-1)(n-2)/2: the share of
     * shortest paths between other pairs that pass through the node.
     */
    QList<double> betweenness() const;
    /*!
     * Closeness centrality, Wasserman and Faust's form for a graph in pieces: (r-1)/(n-1) times
     * (r-1) over the sum of distances to the r-1 nodes it reaches; 0 for a node alone.
     */
    QList<double> closeness() const;
    //! Eigenvector centrality by power iteration (at most `iterations`), the largest 1; 0 for a node alone.
    QList<double> eigenvector(int iterations = 200) const;
    //! The core number per node (Batagelj and Zaversnik): a node is in the k-core when its number is at least k.
    QList<int> coreNumbers() const;
    /*!
     * Communities by the Louvain method (local moving, then the communities folded into nodes, until
     * modularity stops rising), numbered 0 for the largest; deterministic for the same graph.
     */
    QList<int> communities() const;
    //! Newman's modularity of a division of the nodes.
    double modularity(const QList<int>& community) const;

    /*!
     * Fruchterman-Reingold force-directed layout from `start` (one point per node; new nodes may sit
     * anywhere), `iterations` steps; pinned nodes do not move. Deterministic.
     */
    QList<QPointF> forceLayout(const QList<QPointF>& start, const QList<bool>& pinned, int iterations = 150, double spacing = 80) const;
    //! Layers by distance from `roots` (or from each component's highest-degree node), left to right; pinned nodes stay.
    QList<QPointF> hierarchicalLayout(const QList<int>& roots, const QList<QPointF>& start, const QList<bool>& pinned, double spacing = 80) const;
    //! One circle per component, ordered by community; pinned nodes stay.
    QList<QPointF> circularLayout(const QList<QPointF>& start, const QList<bool>& pinned, double spacing = 80) const;

private:
    QList<QList<int>> m_adjacent;
    QList<QList<double>> m_weight; // parallel to m_adjacent: how many links tie the two
    int m_links = 0;
};

} // namespace hexhub::criminalintel
