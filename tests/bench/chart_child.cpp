// hexhub-bench-chart [--quick]: the child side of the chart figure of `hexhub-bench intel`, a widget
// program. A link chart of 5,000 items and their links (the graph laid out by the chart's own
// force-directed layout) panned and zoomed on the chart's canvas, each step timed with the repaint
// of the whole canvas after it (the canvas shows a picture of the chart drawn round the view while
// only the view moves, and draws it again when the chart changes: that frame is timed too); then
// the same steps on the baseline, a plain QGraphicsView over a QGraphicsScene of as many
// QGraphicsEllipseItems and QGraphicsLineItems at the same places. Prints one JSON line of figures
// in ms per frame.
#include "chartcanvas.h"

#include "hexhub/criminal_intel/linkgraph.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace hexhub::criminalintel;

namespace {

double percentile(QList<double> ms, double p)
{
    std::sort(ms.begin(), ms.end());
    return ms.isEmpty() ? 0 : ms[std::min<qsizetype>(ms.size() - 1, qsizetype(p * double(ms.size())))];
}

// One frame: the step, then the whole canvas repainted at once; what the step left for the event
// loop runs after, outside the frame.
double frame(QWidget* surface, const std::function<void()>& step)
{
    QElapsedTimer timer;
    timer.start();
    step();
    surface->repaint();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    QCoreApplication::processEvents();
    return ms;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int items = 5000;
    const int links = quick ? 8000 : 13000;
    const int steps = quick ? 40 : 160;

    // The chart: phones, accounts, people; each tied to a few near it and now and then far.
    QRandomGenerator random(5000);
    LinkGraph graph(items);
    QList<std::pair<int, int>> pairs;
    while (graph.linkCount() < links) {
        const int a = int(random.bounded(items));
        const int b = random.bounded(5) == 0 ? int(random.bounded(items)) : (a + 1 + int(random.bounded(6))) % items;
        if (a == b)
            continue;
        graph.addLink(a, b);
        pairs.append({a, b});
    }
    const QList<QPointF> places = graph.forceLayout({}, {}, 40, 80);

    ChartCanvas canvas;
    canvas.resize(1600, 900);
    for (int i = 0; i < items; ++i) {
        ChartCanvas::Node n;
        n.entity.id = i + 1;
        n.entity.kind = EntityKind(i % 3 == 0 ? 1 : i % 3 == 1 ? 3 : 0);
        n.entity.labelMasked = QStringLiteral("*******%1").arg(1000 + i % 9000);
        n.pos = places[i];
        n.radius = 10 + (i % 7) * 3;
        canvas.nodes << n;
    }
    for (qsizetype k = 0; k < pairs.size(); ++k) {
        ChartCanvas::Edge e;
        e.link.id = k + 1;
        e.link.from = pairs[k].first + 1;
        e.link.to = pairs[k].second + 1;
        e.link.relation = QStringLiteral("calls");
        e.link.confidence = LinkConfidence(k % 3);
        e.a = pairs[k].first;
        e.b = pairs[k].second;
        canvas.edges << e;
    }
    canvas.show();
    canvas.fit();
    const QPointF middle = canvas.centre();
    // Panned where an analyst reads (labels shown at zoom 0.6), round a square about the middle.
    QList<double> chartPan, chartZoom, plainPan, plainZoom;
    canvas.setView(middle, 0.6);
    for (int i = 0; i < steps; ++i) {
        const int leg = (i / 10) % 4;
        const QPointF d = leg == 0 ? QPointF(-40, 0) : leg == 1 ? QPointF(0, -40) : leg == 2 ? QPointF(40, 0) : QPointF(0, 40);
        chartPan << frame(&canvas, [&] { canvas.panBy(d); });
    }
    // Zoomed from the whole chart in to reading distance and out again, by 1.25.
    canvas.fit();
    const double whole = canvas.zoom();
    for (int round = 0; round < (quick ? 1 : 3); ++round) {
        double z = whole;
        while (z < 1.5) {
            z *= 1.25;
            chartZoom << frame(&canvas, [&] { canvas.zoomBy(1.25); });
        }
        while (z > whole) {
            z /= 1.25;
            chartZoom << frame(&canvas, [&] { canvas.zoomBy(0.8); });
        }
    }
    // A change to what is on the chart (an item pinned) draws the picture again: the frame a
    // change costs, at reading distance.
    QList<double> redraw;
    canvas.setView(middle, 0.6);
    for (int i = 0; i < (quick ? 5 : 20); ++i)
        redraw << frame(&canvas, [&] { canvas.nodes[i].pinned = !canvas.nodes[i].pinned; });
    canvas.hide();

    // The baseline: the same places and lines as plain graphics items.
    QGraphicsScene scene;
    for (const auto& [a, b] : std::as_const(pairs))
        scene.addLine(QLineF(places[a], places[b]), QPen(Qt::gray, 0));
    for (int i = 0; i < items; ++i) {
        const double r = 10 + (i % 7) * 3;
        scene.addEllipse(QRectF(places[i] - QPointF(r, r), QSizeF(2 * r, 2 * r)), QPen(Qt::black, 0), QBrush(Qt::blue));
    }
    QGraphicsView view(&scene);
    view.resize(1600, 900);
    view.show();
    view.setTransform(QTransform::fromScale(0.6, 0.6));
    view.centerOn(middle);
    for (int i = 0; i < steps; ++i) {
        const int leg = (i / 10) % 4;
        const QPointF d = leg == 0 ? QPointF(40, 0) : leg == 1 ? QPointF(0, 40) : leg == 2 ? QPointF(-40, 0) : QPointF(0, -40);
        plainPan << frame(view.viewport(), [&] { view.centerOn(view.mapToScene(view.viewport()->rect().center()) + d / 0.6); });
    }
    view.fitInView(scene.sceneRect(), Qt::KeepAspectRatio);
    for (int round = 0; round < (quick ? 1 : 3); ++round) {
        double z = view.transform().m11();
        const double start = z;
        while (z < 1.5) {
            z *= 1.25;
            plainZoom << frame(view.viewport(), [&] { view.scale(1.25, 1.25); });
        }
        while (z > start) {
            z /= 1.25;
            plainZoom << frame(view.viewport(), [&] { view.scale(0.8, 0.8); });
        }
    }

    const QJsonObject out{{QStringLiteral("items"), items},
                          {QStringLiteral("links"), int(pairs.size())},
                          {QStringLiteral("drawn"), canvas.drawnLastFrame()},
                          {QStringLiteral("chartPanMedian"), percentile(chartPan, 0.5)},
                          {QStringLiteral("chartPanP90"), percentile(chartPan, 0.9)},
                          {QStringLiteral("chartZoomMedian"), percentile(chartZoom, 0.5)},
                          {QStringLiteral("chartZoomP90"), percentile(chartZoom, 0.9)},
                          {QStringLiteral("chartRedrawMedian"), percentile(redraw, 0.5)},
                          {QStringLiteral("chartRedrawP90"), percentile(redraw, 0.9)},
                          {QStringLiteral("plainPanMedian"), percentile(plainPan, 0.5)},
                          {QStringLiteral("plainPanP90"), percentile(plainPan, 0.9)},
                          {QStringLiteral("plainZoomMedian"), percentile(plainZoom, 0.5)},
                          {QStringLiteral("plainZoomP90"), percentile(plainZoom, 0.9)}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
