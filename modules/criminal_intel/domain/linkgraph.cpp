// The link chart's analysis: breadth-first searches for neighbours, paths, components and
// closeness; Brandes for betweenness; power iteration for eigenvector centrality; bin-sorted
// peeling for core numbers; Louvain for communities; Fruchterman-Reingold on a grid for the layout.
#include "hexhub/criminal_intel/linkgraph.h"

#include <QHash>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <thread>
#include <vector>

namespace hexhub::criminalintel {

namespace {

// Runs work(begin, end, slot) over [0, n) split into one range per core, each with its own slot.
void acrossCores(int n, const std::function<void(int begin, int end, int slot)>& work, int& slots)
{
    slots = std::clamp(QThread::idealThreadCount(), 1, 8);
    if (n < 64)
        slots = 1;
    std::vector<std::thread> threads;
    const int chunk = (n + slots - 1) / slots;
    for (int s = 1; s < slots; ++s) {
        const int begin = s * chunk, end = std::min(n, begin + chunk);
        if (begin < end)
            threads.emplace_back(work, begin, end, s);
    }
    work(0, std::min(n, chunk), 0);
    for (auto& t : threads)
        t.join();
}

} // namespace

LinkGraph::LinkGraph(int nodes)
    : m_adjacent(std::max(0, nodes))
    , m_weight(std::max(0, nodes))
{
}

int LinkGraph::addNode()
{
    m_adjacent.append(QList<int>());
    m_weight.append(QList<double>());
    return int(m_adjacent.size()) - 1;
}

void LinkGraph::addLink(int a, int b)
{
    if (a == b || a < 0 || b < 0 || a >= nodeCount() || b >= nodeCount())
        return;
    ++m_links;
    const qsizetype at = m_adjacent[a].indexOf(b);
    if (at >= 0) {
        m_weight[a][at] += 1;
        m_weight[b][m_adjacent[b].indexOf(a)] += 1;
        return;
    }
    m_adjacent[a].append(b);
    m_weight[a].append(1);
    m_adjacent[b].append(a);
    m_weight[b].append(1);
}

QList<int> LinkGraph::expand(const QList<int>& seeds, int steps) const
{
    QList<int> out;
    std::vector<char> seen(static_cast<size_t>(nodeCount()), 0);
    for (int s : seeds)
        if (s >= 0 && s < nodeCount() && !seen[size_t(s)]) {
            seen[size_t(s)] = 1;
            out << s;
        }
    qsizetype levelStart = 0;
    for (int step = 0; step < steps; ++step) {
        const qsizetype levelEnd = out.size();
        for (qsizetype i = levelStart; i < levelEnd; ++i)
            for (int m : m_adjacent.at(out.at(i)))
                if (!seen[size_t(m)]) {
                    seen[size_t(m)] = 1;
                    out << m;
                }
        if (out.size() == levelEnd)
            break;
        levelStart = levelEnd;
    }
    return out;
}

QList<int> LinkGraph::shortestPath(int from, int to) const
{
    if (from < 0 || to < 0 || from >= nodeCount() || to >= nodeCount())
        return {};
    if (from == to)
        return {from};
    // Breadth-first from both ends, the smaller frontier grown each time.
    std::vector<int> parentA(static_cast<size_t>(nodeCount()), -1), parentB(static_cast<size_t>(nodeCount()), -1);
    parentA[size_t(from)] = from;
    parentB[size_t(to)] = to;
    QList<int> frontA{from}, frontB{to};
    int meet = -1;
    while (!frontA.isEmpty() && !frontB.isEmpty() && meet < 0) {
        const bool growA = frontA.size() <= frontB.size();
        QList<int>& front = growA ? frontA : frontB;
        std::vector<int>& mine = growA ? parentA : parentB;
        const std::vector<int>& theirs = growA ? parentB : parentA;
        QList<int> next;
        for (int n : std::as_const(front)) {
            for (int m : m_adjacent.at(n)) {
                if (mine[size_t(m)] >= 0)
                    continue;
                mine[size_t(m)] = n;
                if (theirs[size_t(m)] >= 0) {
                    meet = m;
                    break;
                }
                next << m;
            }
            if (meet >= 0)
                break;
        }
        front = next;
    }
    if (meet < 0)
        return {};
    QList<int> path;
    for (int n = meet; n != from; n = parentA[size_t(n)])
        path.prepend(n);
    path.prepend(from);
    for (int n = meet; n != to;) {
        n = parentB[size_t(n)];
        path.append(n);
    }
    return path;
}

QList<int> LinkGraph::components() const
{
    const int n = nodeCount();
    QList<int> raw(n, -1);
    QList<int> sizes;
    for (int s = 0; s < n; ++s) {
        if (raw[s] >= 0)
            continue;
        const int c = int(sizes.size());
        int size = 0;
        QList<int> stack{s};
        raw[s] = c;
        while (!stack.isEmpty()) {
            const int v = stack.takeLast();
            ++size;
            for (int m : m_adjacent.at(v))
                if (raw[m] < 0) {
                    raw[m] = c;
                    stack << m;
                }
        }
        sizes << size;
    }
    // Renumbered by size, the largest 0 (ties: the one found first).
    QList<int> order(sizes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return sizes[a] > sizes[b]; });
    QList<int> rank(sizes.size());
    for (int i = 0; i < order.size(); ++i)
        rank[order[i]] = i;
    for (int& c : raw)
        c = rank[c];
    return raw;
}

QList<int> LinkGraph::degree() const
{
    QList<int> out;
    out.reserve(nodeCount());
    for (const QList<int>& a : m_adjacent)
        out << int(a.size());
    return out;
}

QList<double> LinkGraph::betweenness() const
{
    const int n = nodeCount();
    int slots = 1;
    std::vector<std::vector<double>> partial(8, std::vector<double>());
    acrossCores(n, [&](int begin, int end, int slot) {
        std::vector<double>& bc = partial[size_t(slot)];
        bc.assign(static_cast<size_t>(n), 0.0);
        const size_t count = static_cast<size_t>(n);
        std::vector<int> order, dist(count);
        std::vector<double> sigma(count), delta(count);
        std::vector<std::vector<int>> preds(count);
        order.reserve(static_cast<size_t>(n));
        for (int s = begin; s < end; ++s) {
            order.clear();
            std::fill(dist.begin(), dist.end(), -1);
            std::fill(sigma.begin(), sigma.end(), 0.0);
            std::fill(delta.begin(), delta.end(), 0.0);
            for (auto& p : preds)
                p.clear();
            dist[size_t(s)] = 0;
            sigma[size_t(s)] = 1;
            order.push_back(s);
            for (size_t head = 0; head < order.size(); ++head) {
                const int v = order[head];
                for (int w : m_adjacent.at(v)) {
                    if (dist[size_t(w)] < 0) {
                        dist[size_t(w)] = dist[size_t(v)] + 1;
                        order.push_back(w);
                    }
                    if (dist[size_t(w)] == dist[size_t(v)] + 1) {
                        sigma[size_t(w)] += sigma[size_t(v)];
                        preds[size_t(w)].push_back(v);
                    }
                }
            }
            for (size_t i = order.size(); i-- > 1;) {
                const int w = order[i];
                for (int v : preds[size_t(w)])
                    delta[size_t(v)] += sigma[size_t(v)] / sigma[size_t(w)] * (1 + delta[size_t(w)]);
                bc[size_t(w)] += delta[size_t(w)];
            }
        }
    }, slots);
    QList<double> out(n, 0.0);
    // Each pair was counted from both ends; normalised by the (n-1)(n-2)/2 pairs a node can sit between.
    const double scale = n > 2 ? 1.0 / (double(n - 1) * double(n - 2)) : 0.0;
    for (int s = 0; s < slots; ++s)
        if (!partial[size_t(s)].empty())
            for (int i = 0; i < n; ++i)
                out[i] += partial[size_t(s)][size_t(i)] * scale;
    return out;
}

QList<double> LinkGraph::closeness() const
{
    const int n = nodeCount();
    QList<double> out(n, 0.0);
    double* result = out.data(); // each core writes its own range
    int slots = 1;
    acrossCores(n, [&](int begin, int end, int) {
        std::vector<int> dist(static_cast<size_t>(n)), queue;
        queue.reserve(static_cast<size_t>(n));
        for (int s = begin; s < end; ++s) {
            std::fill(dist.begin(), dist.end(), -1);
            queue.clear();
            dist[size_t(s)] = 0;
            queue.push_back(s);
            double sum = 0;
            for (size_t head = 0; head < queue.size(); ++head) {
                const int v = queue[head];
                sum += dist[size_t(v)];
                for (int w : m_adjacent.at(v))
                    if (dist[size_t(w)] < 0) {
                        dist[size_t(w)] = dist[size_t(v)] + 1;
                        queue.push_back(w);
                    }
            }
            const double reached = double(queue.size()) - 1;
            result[s] = (sum > 0 && n > 1) ? (reached / double(n - 1)) * (reached / sum) : 0.0;
        }
    }, slots);
    return out;
}

QList<double> LinkGraph::eigenvector(int iterations) const
{
    const int n = nodeCount();
    QList<double> x(n, 1.0), next(n);
    for (int i = 0; i < n; ++i)
        if (m_adjacent.at(i).isEmpty())
            x[i] = 0;
    for (int it = 0; it < iterations; ++it) {
        double top = 0;
        for (int i = 0; i < n; ++i) {
            // (A + I)x: the same leading eigenvector as A, without A's swing on a two-sided graph.
            double v = x[i];
            const QList<int>& a = m_adjacent.at(i);
            for (qsizetype k = 0; k < a.size(); ++k)
                v += m_weight.at(i).at(k) * x[a[k]];
            next[i] = m_adjacent.at(i).isEmpty() ? 0.0 : v;
            top = std::max(top, next[i]);
        }
        if (top <= 0)
            return QList<double>(n, 0.0);
        double change = 0;
        for (int i = 0; i < n; ++i) {
            next[i] /= top;
            change = std::max(change, std::abs(next[i] - x[i]));
        }
        std::swap(x, next);
        if (change < 1e-9)
            break;
    }
    return x;
}

QList<int> LinkGraph::coreNumbers() const
{
    const int n = nodeCount();
    QList<int> deg = degree();
    const int maxDeg = n ? *std::max_element(deg.begin(), deg.end()) : 0;
    QList<int> bin(maxDeg + 1, 0), pos(n), vert(n);
    for (int d : std::as_const(deg))
        ++bin[d];
    for (int d = 0, start = 0; d <= maxDeg; ++d) {
        const int count = bin[d];
        bin[d] = start;
        start += count;
    }
    for (int v = 0; v < n; ++v) {
        pos[v] = bin[deg[v]];
        vert[pos[v]] = v;
        ++bin[deg[v]];
    }
    for (int d = maxDeg; d > 0; --d)
        bin[d] = bin[d - 1];
    if (maxDeg >= 0 && !bin.isEmpty())
        bin[0] = 0;
    for (int i = 0; i < n; ++i) {
        const int v = vert[i];
        for (int u : m_adjacent.at(v)) {
            if (deg[u] > deg[v]) {
                const int du = deg[u], pu = pos[u], pw = bin[du], w = vert[pw];
                if (u != w) {
                    pos[u] = pw;
                    vert[pu] = w;
                    pos[w] = pu;
                    vert[pw] = u;
                }
                ++bin[du];
                --deg[u];
            }
        }
    }
    return deg;
}

namespace {

// One level of the Louvain method's graph: weighted links, and what each node holds inside.
struct Level
{
    std::vector<std::vector<std::pair<int, double>>> links;
    std::vector<double> inside; // weight of links inside the node, each counted from both ends
};

double levelDegree(const Level& g, int i)
{
    double k = g.inside[size_t(i)];
    for (const auto& [j, w] : g.links[size_t(i)])
        k += w;
    return k;
}

} // namespace

QList<int> LinkGraph::communities() const
{
    const int n = nodeCount();
    Level g;
    g.links.resize(static_cast<size_t>(n));
    g.inside.assign(static_cast<size_t>(n), 0.0);
    for (int i = 0; i < n; ++i)
        for (qsizetype k = 0; k < m_adjacent.at(i).size(); ++k)
            g.links[size_t(i)].emplace_back(m_adjacent.at(i).at(k), m_weight.at(i).at(k));
    std::vector<int> member(static_cast<size_t>(n)); // original node -> node of the current level
    std::iota(member.begin(), member.end(), 0);
    double m2 = 0;
    for (int i = 0; i < n; ++i)
        m2 += levelDegree(g, i);
    if (m2 <= 0) {
        QList<int> alone(n);
        std::iota(alone.begin(), alone.end(), 0);
        return alone;
    }
    for (int level = 0; level < 32; ++level) {
        const int size = int(g.links.size());
        std::vector<int> comm(static_cast<size_t>(size));
        std::iota(comm.begin(), comm.end(), 0);
        std::vector<double> k(static_cast<size_t>(size)), tot(static_cast<size_t>(size));
        for (int i = 0; i < size; ++i)
            tot[size_t(i)] = k[size_t(i)] = levelDegree(g, i);
        bool movedAny = false;
        std::vector<double> toComm(static_cast<size_t>(size), 0.0);
        std::vector<int> touched;
        for (int pass = 0; pass < 100; ++pass) {
            bool moved = false;
            for (int i = 0; i < size; ++i) {
                const int own = comm[size_t(i)];
                touched.clear();
                for (const auto& [j, w] : g.links[size_t(i)]) {
                    const int c = comm[size_t(j)];
                    if (toComm[size_t(c)] == 0.0)
                        touched.push_back(c);
                    toComm[size_t(c)] += w;
                }
                tot[size_t(own)] -= k[size_t(i)];
                int best = own;
                double bestGain = toComm[size_t(own)] - tot[size_t(own)] * k[size_t(i)] / m2;
                std::sort(touched.begin(), touched.end());
                for (int c : touched) {
                    const double gain = toComm[size_t(c)] - tot[size_t(c)] * k[size_t(i)] / m2;
                    if (gain > bestGain + 1e-12) {
                        bestGain = gain;
                        best = c;
                    }
                }
                tot[size_t(best)] += k[size_t(i)];
                for (int c : touched)
                    toComm[size_t(c)] = 0.0;
                if (best != own) {
                    comm[size_t(i)] = best;
                    moved = movedAny = true;
                }
            }
            if (!moved)
                break;
        }
        if (!movedAny)
            break;
        // Fold: each community one node of the next level.
        std::vector<int> renumber(static_cast<size_t>(size), -1);
        int count = 0;
        for (int i = 0; i < size; ++i)
            if (renumber[size_t(comm[size_t(i)])] < 0)
                renumber[size_t(comm[size_t(i)])] = count++;
        Level next;
        next.links.resize(static_cast<size_t>(count));
        next.inside.assign(static_cast<size_t>(count), 0.0);
        std::vector<QHash<int, double>> merged(static_cast<size_t>(count));
        for (int i = 0; i < size; ++i) {
            const int ci = renumber[size_t(comm[size_t(i)])];
            next.inside[size_t(ci)] += g.inside[size_t(i)];
            for (const auto& [j, w] : g.links[size_t(i)]) {
                const int cj = renumber[size_t(comm[size_t(j)])];
                if (ci == cj)
                    next.inside[size_t(ci)] += w;
                else
                    merged[size_t(ci)][cj] += w;
            }
        }
        for (int c = 0; c < count; ++c) {
            for (auto it = merged[size_t(c)].cbegin(); it != merged[size_t(c)].cend(); ++it)
                next.links[size_t(c)].emplace_back(it.key(), it.value());
            std::sort(next.links[size_t(c)].begin(), next.links[size_t(c)].end());
        }
        for (int& m : member)
            m = renumber[size_t(comm[size_t(m)])];
        g = std::move(next);
        if (count == size)
            break;
    }
    // Numbered by size, the largest 0 (ties: the one holding the lowest node).
    QHash<int, int> sizes, first;
    for (int i = 0; i < n; ++i) {
        ++sizes[member[size_t(i)]];
        if (!first.contains(member[size_t(i)]))
            first.insert(member[size_t(i)], i);
    }
    QList<int> ids = sizes.keys();
    std::sort(ids.begin(), ids.end(), [&](int a, int b) { return sizes[a] != sizes[b] ? sizes[a] > sizes[b] : first[a] < first[b]; });
    QHash<int, int> rank;
    for (int i = 0; i < ids.size(); ++i)
        rank.insert(ids[i], i);
    QList<int> out(n);
    for (int i = 0; i < n; ++i)
        out[i] = rank.value(member[size_t(i)]);
    return out;
}

double LinkGraph::modularity(const QList<int>& community) const
{
    const int n = nodeCount();
    if (community.size() != n)
        return 0;
    double m2 = 0;
    QHash<int, double> tot, in;
    for (int i = 0; i < n; ++i) {
        double k = 0;
        for (qsizetype a = 0; a < m_adjacent.at(i).size(); ++a) {
            const double w = m_weight.at(i).at(a);
            k += w;
            if (community[m_adjacent.at(i).at(a)] == community[i])
                in[community[i]] += w;
        }
        tot[community[i]] += k;
        m2 += k;
    }
    if (m2 <= 0)
        return 0;
    double q = 0;
    for (auto it = tot.cbegin(); it != tot.cend(); ++it)
        q += in.value(it.key()) / m2 - (it.value() / m2) * (it.value() / m2);
    return q;
}

QList<QPointF> LinkGraph::forceLayout(const QList<QPointF>& start, const QList<bool>& pinned, int iterations, double spacing) const
{
    const int n = nodeCount();
    QList<QPointF> pos(n);
    // Nodes without a place start on a spiral (deterministic), the placed ones where they are.
    for (int i = 0; i < n; ++i) {
        if (i < start.size() && !std::isnan(start[i].x())) {
            pos[i] = start[i];
        } else {
            const double r = spacing * std::sqrt(double(i) + 1), a = double(i) * 2.39996323;
            pos[i] = QPointF(r * std::cos(a), r * std::sin(a));
        }
    }
    const auto isPinned = [&](int i) { return i < pinned.size() && pinned[i]; };
    const double k = spacing, k2 = k * k, cell = 2 * k;
    double temperature = spacing * std::sqrt(double(std::max(n, 1))) / 4;
    std::vector<QPointF> shift(static_cast<size_t>(n));
    for (int it = 0; it < iterations; ++it) {
        std::fill(shift.begin(), shift.end(), QPointF());
        // Repulsion from the nodes in the neighbouring grid cells only: the far ones push too little to matter.
        QHash<qint64, QList<int>> grid;
        const auto cellOf = [&](const QPointF& p) {
            return (qint64(std::floor(p.x() / cell)) << 32) ^ (qint64(std::floor(p.y() / cell)) & 0xffffffffLL);
        };
        for (int i = 0; i < n; ++i)
            grid[cellOf(pos[i])] << i;
        for (int i = 0; i < n; ++i) {
            const qint64 cx = qint64(std::floor(pos[i].x() / cell)), cy = qint64(std::floor(pos[i].y() / cell));
            for (qint64 dx = -1; dx <= 1; ++dx)
                for (qint64 dy = -1; dy <= 1; ++dy) {
                    const auto found = grid.constFind(((cx + dx) << 32) ^ ((cy + dy) & 0xffffffffLL));
                    if (found == grid.cend())
                        continue;
                    for (int j : *found) {
                        if (j == i)
                            continue;
                        QPointF d = pos[i] - pos[j];
                        double dist2 = QPointF::dotProduct(d, d);
                        if (dist2 < 1e-6) {
                            d = QPointF(double((i * 7919) % 13) - 6, double((i * 104729) % 11) - 5);
                            dist2 = QPointF::dotProduct(d, d) + 1e-3;
                        }
                        if (dist2 < cell * cell)
                            shift[size_t(i)] += d * (k2 / dist2);
                    }
                }
        }
        for (int i = 0; i < n; ++i)
            for (int j : m_adjacent.at(i)) {
                const QPointF d = pos[i] - pos[j];
                const double dist = std::sqrt(QPointF::dotProduct(d, d));
                shift[size_t(i)] -= d * (dist / k);
            }
        for (int i = 0; i < n; ++i) {
            if (isPinned(i))
                continue;
            const QPointF s = shift[size_t(i)];
            const double len = std::sqrt(QPointF::dotProduct(s, s));
            if (len > 0)
                pos[i] += s * (std::min(len, temperature) / len);
        }
        temperature = std::max(temperature * 0.95, spacing / 50);
    }
    return pos;
}

QList<QPointF> LinkGraph::hierarchicalLayout(const QList<int>& roots, const QList<QPointF>& start, const QList<bool>& pinned, double spacing) const
{
    const int n = nodeCount();
    QList<int> layer(n, -1);
    QList<int> comp = components();
    QList<int> chosen;
    for (int r : roots)
        if (r >= 0 && r < n)
            chosen << r;
    // Every component gets a root: the one given in it, else its node with the most links.
    QHash<int, int> rootOf;
    for (int r : std::as_const(chosen))
        if (!rootOf.contains(comp[r]))
            rootOf.insert(comp[r], r);
    const QList<int> deg = degree();
    for (int i = 0; i < n; ++i)
        if (!rootOf.contains(comp[i]) || (!chosen.contains(rootOf[comp[i]]) && deg[i] > deg[rootOf[comp[i]]]))
            rootOf.insert(comp[i], i);
    QList<int> seeds = rootOf.values();
    std::sort(seeds.begin(), seeds.end());
    QList<int> queue;
    for (int r : std::as_const(seeds)) {
        layer[r] = 0;
        queue << r;
    }
    for (qsizetype head = 0; head < queue.size(); ++head)
        for (int m : m_adjacent.at(queue[head]))
            if (layer[m] < 0) {
                layer[m] = layer[queue[head]] + 1;
                queue << m;
            }
    // Components one below the other; within one, a column per layer, the nodes in the order found.
    QHash<int, int> compRows; // component -> its widest layer
    QHash<qint64, int> used;  // (component, layer) -> nodes placed
    for (int v : std::as_const(queue)) {
        const int c = comp[v];
        compRows[c] = std::max(compRows.value(c), ++used[(qint64(c) << 32) | layer[v]]);
    }
    QHash<int, double> top;
    double y = 0;
    const int comps = comp.isEmpty() ? 0 : *std::max_element(comp.begin(), comp.end()) + 1;
    for (int c = 0; c < comps; ++c) {
        top.insert(c, y);
        y += (compRows.value(c) + 1) * spacing;
    }
    used.clear();
    QList<QPointF> pos(n);
    for (int v : std::as_const(queue)) {
        const int row = used[(qint64(comp[v]) << 32) | layer[v]]++;
        pos[v] = QPointF(layer[v] * spacing * 2, top.value(comp[v]) + row * spacing);
    }
    for (int i = 0; i < n; ++i)
        if (i < pinned.size() && pinned[i] && i < start.size())
            pos[i] = start[i];
    return pos;
}

QList<QPointF> LinkGraph::circularLayout(const QList<QPointF>& start, const QList<bool>& pinned, double spacing) const
{
    const int n = nodeCount();
    const QList<int> comp = components();
    const QList<int> comm = communities();
    const int comps = comp.isEmpty() ? 0 : *std::max_element(comp.begin(), comp.end()) + 1;
    QList<QList<int>> members(comps);
    for (int i = 0; i < n; ++i)
        members[comp[i]] << i;
    QList<QPointF> pos(n);
    double x = 0;
    for (QList<int>& ring : members) {
        std::stable_sort(ring.begin(), ring.end(), [&](int a, int b) { return comm[a] < comm[b]; });
        const double radius = ring.size() < 2 ? 0.0 : spacing * double(ring.size()) / (2 * M_PI);
        const QPointF centre(x + radius, radius);
        for (qsizetype i = 0; i < ring.size(); ++i) {
            const double a = 2 * M_PI * double(i) / double(ring.size());
            pos[ring[i]] = centre + QPointF(radius * std::cos(a), radius * std::sin(a));
        }
        x += 2 * radius + spacing;
    }
    for (int i = 0; i < n; ++i)
        if (i < pinned.size() && pinned[i] && i < start.size())
            pos[i] = start[i];
    return pos;
}

} // namespace hexhub::criminalintel
