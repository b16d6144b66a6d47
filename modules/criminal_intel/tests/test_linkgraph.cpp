// The link chart's analysis on graphs whose answers are known by hand (issue 21 section 2): paths,
// neighbours, components, degree, betweenness, closeness, eigenvector centrality, k-cores,
// communities and the layouts that keep pinned items still.
#include "hexhub/criminal_intel/linkgraph.h"

#include <catch2/catch.hpp>

#include <QRandomGenerator>
#include <QSet>

#include <cmath>

using namespace hexhub::criminalintel;

namespace {

LinkGraph pathOf(int n)
{
    LinkGraph g(n);
    for (int i = 0; i + 1 < n; ++i)
        g.addLink(i, i + 1);
    return g;
}

// Two cliques of `size` joined by one link between node 0 and node `size`.
LinkGraph twoCliques(int size)
{
    LinkGraph g(2 * size);
    for (int side = 0; side < 2; ++side)
        for (int a = 0; a < size; ++a)
            for (int b = a + 1; b < size; ++b)
                g.addLink(side * size + a, side * size + b);
    g.addLink(0, size);
    return g;
}

double distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

TEST_CASE("criminal_intel: paths, neighbours and components on a chart's graph", "[criminal_intel][domain][linkgraph]")
{
    LinkGraph g = pathOf(7); // 0-1-2-3-4-5-6
    const int loner = g.addNode();
    g.addLink(2, 2);  // a loop is no link
    g.addLink(1, 99); // nor one to nowhere
    CHECK(g.linkCount() == 6);
    CHECK(g.shortestPath(0, 6) == QList<int>{0, 1, 2, 3, 4, 5, 6});
    CHECK(g.shortestPath(6, 0) == QList<int>{6, 5, 4, 3, 2, 1, 0});
    CHECK(g.shortestPath(3, 3) == QList<int>{3});
    CHECK(g.shortestPath(0, loner).isEmpty());
    // A shortcut is taken: 0-6 directly.
    g.addLink(0, 6);
    CHECK(g.shortestPath(1, 5) == QList<int>{1, 0, 6, 5});
    CHECK(g.expand({3}, 1) == QList<int>{3, 2, 4});
    const QList<int> twoSteps = g.expand({3}, 2);
    CHECK(QSet<int>(twoSteps.cbegin(), twoSteps.cend()) == QSet<int>{1, 2, 3, 4, 5});
    CHECK(g.expand({3}, 0) == QList<int>{3});
    CHECK(g.expand({loner}, 5) == QList<int>{loner});

    LinkGraph parts(9);
    parts.addLink(0, 1);      // two
    parts.addLink(2, 3);      // four
    parts.addLink(3, 4);
    parts.addLink(4, 5);
    const QList<int> comp = parts.components(); // 6, 7, 8 alone
    CHECK(comp[2] == 0);
    CHECK(comp[5] == 0);
    CHECK(comp[0] == 1);
    CHECK(comp[1] == 1);
    CHECK(QSet<int>{comp[6], comp[7], comp[8]} == QSet<int>{2, 3, 4});
}

TEST_CASE("criminal_intel: degree, betweenness, closeness and eigenvector centrality match their definitions",
          "[criminal_intel][domain][linkgraph]")
{
    // A path of five: the middle lies between 4 of the 6 pairs of the others, its neighbours between 3.
    const LinkGraph path = pathOf(5);
    CHECK(path.degree() == QList<int>{1, 2, 2, 2, 1});
    const QList<double> b = path.betweenness();
    CHECK(b[0] == Approx(0.0));
    CHECK(b[1] == Approx(3.0 / 6.0));
    CHECK(b[2] == Approx(4.0 / 6.0));
    CHECK(b[3] == Approx(3.0 / 6.0));
    // Closeness of the middle: 4 others at 2+1+1+2 = 6 links, so 4/6; of an end 4/(1+2+3+4).
    const QList<double> c = path.closeness();
    CHECK(c[2] == Approx(4.0 / 6.0));
    CHECK(c[0] == Approx(4.0 / 10.0));

    // A star: the centre lies on every path between leaves; its eigenvector score is the largest,
    // the leaves' equal and 1/sqrt(leaves) of it (the adjacency's leading eigenvector).
    LinkGraph star(6);
    for (int leaf = 1; leaf < 6; ++leaf)
        star.addLink(0, leaf);
    CHECK(star.betweenness()[0] == Approx(1.0));
    CHECK(star.betweenness()[3] == Approx(0.0));
    const QList<double> e = star.eigenvector();
    CHECK(e[0] == Approx(1.0));
    for (int leaf = 1; leaf < 6; ++leaf)
        CHECK(e[leaf] == Approx(1.0 / std::sqrt(5.0)).epsilon(1e-4));

    // In pieces: closeness counts only whom a node reaches, scaled by how many it reaches.
    LinkGraph pieces(4);
    pieces.addLink(0, 1);
    CHECK(pieces.closeness()[0] == Approx(1.0 / 3.0));
    CHECK(pieces.closeness()[2] == Approx(0.0));
    CHECK(pieces.eigenvector()[3] == Approx(0.0));

    // Betweenness over many cores is the same as over one: a random graph checked against a
    // by-hand count on a small one (a cycle of six: each node between 2 pairs at distance 2, and half
    // of the 3 pairs at distance 3... 1 + 1/2 * 2 = 2 of the 10 pairs of others).
    LinkGraph cycle = pathOf(6);
    cycle.addLink(5, 0);
    for (double v : cycle.betweenness())
        CHECK(v == Approx(2.0 / 10.0));
}

TEST_CASE("criminal_intel: k-cores and communities find the dense parts", "[criminal_intel][domain][linkgraph]")
{
    // A clique of four with a tail of two: the clique is the 3-core, the tail the 1-core.
    LinkGraph g(6);
    for (int a = 0; a < 4; ++a)
        for (int b = a + 1; b < 4; ++b)
            g.addLink(a, b);
    g.addLink(3, 4);
    g.addLink(4, 5);
    CHECK(g.coreNumbers() == QList<int>{3, 3, 3, 3, 1, 1});

    // Two cliques of five joined by one link: two communities, each a clique, modularity well above 0.
    const LinkGraph two = twoCliques(5);
    const QList<int> comm = two.communities();
    for (int i = 1; i < 5; ++i) {
        CHECK(comm[i] == comm[0]);
        CHECK(comm[5 + i] == comm[5]);
    }
    CHECK(comm[0] != comm[5]);
    CHECK(two.modularity(comm) > 0.4);
    CHECK(two.modularity(QList<int>(10, 0)) == Approx(0.0)); // one community is no division
    CHECK(two.communities() == comm);                         // the same graph, the same answer

    // A ring of 8 cliques of 6, each joined to the next by one link: 8 communities.
    LinkGraph ring(48);
    for (int c = 0; c < 8; ++c) {
        for (int a = 0; a < 6; ++a)
            for (int b = a + 1; b < 6; ++b)
                ring.addLink(c * 6 + a, c * 6 + b);
        ring.addLink(c * 6, ((c + 1) % 8) * 6 + 1);
    }
    const QList<int> rc = ring.communities();
    CHECK(QSet<int>(rc.cbegin(), rc.cend()).size() == 8);
    for (int c = 0; c < 8; ++c)
        for (int a = 1; a < 6; ++a)
            CHECK(rc[c * 6 + a] == rc[c * 6]);
}

TEST_CASE("criminal_intel: layouts keep pinned items still and draw linked items near", "[criminal_intel][domain][linkgraph]")
{
    const LinkGraph g = twoCliques(6);
    QList<QPointF> start(12, QPointF(qQNaN(), qQNaN()));
    QList<bool> pinned(12, false);
    start[3] = QPointF(500, -200);
    pinned[3] = true;
    const QList<QPointF> force = g.forceLayout(start, pinned, 200);
    CHECK(force[3] == QPointF(500, -200));
    CHECK(force == g.forceLayout(start, pinned, 200)); // deterministic
    // Within a clique closer than across the two.
    double inside = 0, across = 0;
    int nInside = 0, nAcross = 0;
    for (int a = 0; a < 12; ++a)
        for (int b = a + 1; b < 12; ++b) {
            if ((a < 6) == (b < 6)) {
                inside += distance(force[a], force[b]);
                ++nInside;
            } else {
                across += distance(force[a], force[b]);
                ++nAcross;
            }
        }
    CHECK(inside / nInside < across / nAcross);
    // No two items on top of each other.
    for (int a = 0; a < 12; ++a)
        for (int b = a + 1; b < 12; ++b)
            CHECK(distance(force[a], force[b]) > 5);

    // Hierarchical: the root in the first column, each step one column on.
    const LinkGraph chain = pathOf(4);
    const QList<QPointF> h = chain.hierarchicalLayout({0}, {}, {}, 80);
    CHECK(h[0].x() < h[1].x());
    CHECK(h[1].x() < h[2].x());
    CHECK(h[2].x() < h[3].x());
    QList<QPointF> pinnedStart(4);
    pinnedStart[2] = QPointF(-7, -7);
    CHECK(chain.hierarchicalLayout({0}, pinnedStart, {false, false, true, false})[2] == QPointF(-7, -7));

    // Circular: every item of a component at one distance from the circle's centre.
    const QList<QPointF> circle = g.circularLayout({}, {});
    QPointF centre;
    for (const QPointF& p : circle)
        centre += p / 12.0;
    for (const QPointF& p : circle)
        CHECK(distance(p, centre) == Approx(distance(circle[0], centre)).epsilon(1e-6));
}

TEST_CASE("criminal_intel: betweenness shared across cores equals Brandes on one", "[criminal_intel][domain][linkgraph]")
{
    // A random graph of 300 (large enough to be split across cores): each node's betweenness equals
    // the count of shortest paths through it, checked by brute force from all-pairs path counts.
    QRandomGenerator random(7);
    const int n = 300;
    LinkGraph g(n);
    for (int i = 0; i < 900; ++i)
        g.addLink(int(random.bounded(n)), int(random.bounded(n)));
    // All-pairs distances and path counts by breadth-first search.
    QList<QList<int>> dist(n, QList<int>(n, -1));
    QList<QList<double>> sigma(n, QList<double>(n, 0));
    for (int s = 0; s < n; ++s) {
        QList<int> queue{s};
        dist[s][s] = 0;
        sigma[s][s] = 1;
        for (qsizetype h = 0; h < queue.size(); ++h) {
            const int v = queue[h];
            for (int w : g.neighbours(v)) {
                if (dist[s][w] < 0) {
                    dist[s][w] = dist[s][v] + 1;
                    queue << w;
                }
                if (dist[s][w] == dist[s][v] + 1)
                    sigma[s][w] += sigma[s][v];
            }
        }
    }
    const QList<double> fast = g.betweenness();
    for (int v : {0, 17, 42, 150, 299}) {
        double through = 0;
        for (int s = 0; s < n; ++s)
            for (int t = s + 1; t < n; ++t)
                if (s != v && t != v && dist[s][t] > 0 && dist[s][v] > 0 && dist[v][t] > 0 && dist[s][v] + dist[v][t] == dist[s][t])
                    through += sigma[s][v] * sigma[v][t] / sigma[s][t];
        CHECK(fast[v] == Approx(through / ((n - 1.0) * (n - 2.0) / 2.0)).epsilon(1e-9));
    }
}
