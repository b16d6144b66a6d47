#include "chartcanvas.h"

#include <QKeyEvent>
#include <QLineF>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QWheelEvent>

#include <algorithm>
#include <cstring>
#include <cmath>

namespace hexhub::criminalintel {

QColor ChartCanvas::paletteColour(int index)
{
    // Twelve hues apart, readable on the day and the night theme alike.
    static const QColor colours[] = {QColor(0x1f77b4), QColor(0xd62728), QColor(0x2ca02c), QColor(0x9467bd), QColor(0xff7f0e), QColor(0x17becf),
                                     QColor(0xe377c2), QColor(0x8c564b), QColor(0xbcbd22), QColor(0x7f7f7f), QColor(0x393b79), QColor(0x637939)};
    return index < 0 ? QColor(0x7f7f7f) : colours[index % 12];
}

// ---------------------------------------------------------------------------------------------
// ChartCanvas

ChartCanvas::ChartCanvas(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chartCanvas"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 240);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Link chart"));
    m_sharpen.setSingleShot(true);
    m_sharpen.setInterval(150);
    connect(&m_sharpen, &QTimer::timeout, this, &ChartCanvas::redrawSharp);
}

QString ChartCanvas::kindGlyph(EntityKind kind)
{
    // Symbols every desk's font has (DejaVu Sans, Noto): two kinds never share one.
    switch (kind) {
    case EntityKind::Person:
        return QStringLiteral("P");
    case EntityKind::Phone:
        return QString(QChar(0x260E)); // ☎
    case EntityKind::Vehicle:
        return QStringLiteral("V");
    case EntityKind::Account:
        return QStringLiteral("¥");
    case EntityKind::Address:
        return QString(QChar(0x2302)); // ⌂
    case EntityKind::Organisation:
        return QStringLiteral("O");
    case EntityKind::Event:
        return QStringLiteral("E");
    case EntityKind::Document:
        return QStringLiteral("D");
    case EntityKind::Device:
        return QStringLiteral("M");
    }
    return {};
}

QColor ChartCanvas::kindColour(EntityKind kind)
{
    return paletteColour(int(kind));
}

void ChartCanvas::setCurrent(int node)
{
    if (node < -1 || node >= nodes.size())
        node = -1;
    if (node == m_current)
        return;
    m_current = node;
    update();
    Q_EMIT currentChanged(node);
}

void ChartCanvas::setMarked(int node)
{
    m_marked = (node >= 0 && node < nodes.size()) ? node : -1;
    update();
}

void ChartCanvas::setView(QPointF centre, double zoom)
{
    m_centre = centre;
    m_zoom = std::clamp(zoom, 0.02, 8.0);
    m_autoFit = false;
    update();
}

void ChartCanvas::resizeEvent(QResizeEvent*)
{
    // Fitted before it had its size (a chart opened as the view appears): fitted again now.
    if (m_autoFit)
        fit();
}

void ChartCanvas::fit()
{
    QRectF box;
    for (const Node& n : std::as_const(nodes))
        if (n.visible)
            box |= QRectF(n.pos - QPointF(100, 40), QSizeF(200, 90)); // the label under it too
    for (const Note& note : std::as_const(notes))
        box |= QRectF(note.pos, QSizeF(200, 60));
    if (box.isEmpty()) {
        setView({}, 1);
        return;
    }
    const double zoom = std::min(double(width()) / box.width(), double(height()) / box.height());
    setView(box.center(), std::min(zoom, 2.0));
    m_autoFit = true;
}

void ChartCanvas::zoomBy(double factor)
{
    setView(m_centre, m_zoom * factor);
}

void ChartCanvas::panBy(QPointF widgetDelta)
{
    setView(m_centre - widgetDelta / m_zoom, m_zoom);
}

QPointF ChartCanvas::toScene(QPointF widgetPoint) const
{
    return (widgetPoint - QRectF(rect()).center()) / m_zoom + m_centre;
}

int ChartCanvas::nodeAt(QPointF widgetPoint) const
{
    const QPointF p = toScene(widgetPoint);
    for (int i = int(nodes.size()) - 1; i >= 0; --i) {
        const Node& n = nodes[i];
        const double r = std::max(n.radius, 6.0 / m_zoom);
        if (n.visible && QLineF(n.pos, p).length() <= r)
            return i;
    }
    return -1;
}

void ChartCanvas::stepTo(QPointF direction)
{
    // The nearest visible item within 60 degrees of the direction asked, from the current one (or
    // from the view's centre).
    const QPointF from = m_current >= 0 ? nodes[m_current].pos : m_centre;
    int best = -1;
    double bestScore = 0;
    for (int i = 0; i < nodes.size(); ++i) {
        if (i == m_current || !nodes[i].visible)
            continue;
        const QPointF d = nodes[i].pos - from;
        const double len = std::hypot(d.x(), d.y());
        if (len < 1e-6)
            continue;
        const double cos = (d.x() * direction.x() + d.y() * direction.y()) / len;
        if (cos < 0.5)
            continue;
        const double score = len * (2 - cos);
        if (best < 0 || score < bestScore) {
            best = i;
            bestScore = score;
        }
    }
    if (best >= 0) {
        setCurrent(best);
        // Keep it in view.
        const QPointF w = (nodes[best].pos - m_centre) * m_zoom + QRectF(rect()).center();
        if (!QRectF(rect()).adjusted(30, 30, -30, -30).contains(w))
            setView(nodes[best].pos, m_zoom);
    }
}

void ChartCanvas::keyPressEvent(QKeyEvent* event)
{
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const double step = 60;
    switch (event->key()) {
    case Qt::Key_Left:
        shift ? panBy({step, 0}) : stepTo({-1, 0});
        return;
    case Qt::Key_Right:
        shift ? panBy({-step, 0}) : stepTo({1, 0});
        return;
    case Qt::Key_Up:
        shift ? panBy({0, step}) : stepTo({0, -1});
        return;
    case Qt::Key_Down:
        shift ? panBy({0, -step}) : stepTo({0, 1});
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        return;
    case Qt::Key_0:
        fit();
        return;
    case Qt::Key_Home:
        for (int i = 0; i < nodes.size(); ++i)
            if (nodes[i].visible) {
                setCurrent(i);
                break;
            }
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void ChartCanvas::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    m_lastMouse = event->position();
    const int hit = nodeAt(event->position());
    if (hit >= 0) {
        setCurrent(hit);
        m_dragging = hit;
    } else {
        m_panning = true;
    }
}

void ChartCanvas::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF delta = event->position() - m_lastMouse;
    m_lastMouse = event->position();
    if (m_dragging >= 0) {
        nodes[m_dragging].pos += delta / m_zoom;
        nodes[m_dragging].pinned = true; // where the analyst put it, it stays
        update();
    } else if (m_panning) {
        panBy(delta);
    }
}

void ChartCanvas::mouseReleaseEvent(QMouseEvent*)
{
    if (m_dragging >= 0)
        Q_EMIT nodeMoved(m_dragging);
    m_dragging = -1;
    m_panning = false;
}

void ChartCanvas::wheelEvent(QWheelEvent* event)
{
    const QPointF before = toScene(event->position());
    m_zoom = std::clamp(m_zoom * std::pow(1.0015, event->angleDelta().y()), 0.02, 8.0);
    // The point under the mouse stays under it.
    m_centre += before - toScene(event->position());
    update();
}

quint64 ChartCanvas::fingerprint() const
{
    // What the drawing depends on, folded into 64 bits: a change anywhere draws the chart again.
    quint64 h = 1469598103934665603ULL;
    const auto mix = [&h](quint64 v) {
        h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    };
    const auto real = [&mix](double v) {
        quint64 bits;
        std::memcpy(&bits, &v, sizeof bits);
        mix(bits);
    };
    mix(quint64(nodes.size()));
    for (const Node& n : nodes) {
        real(n.pos.x());
        real(n.pos.y());
        real(n.radius);
        mix(quint64(n.visible) | quint64(n.pinned) << 1 | quint64(n.changed) << 2 | quint64(int(n.entity.kind)) << 3);
        mix(n.colour.isValid() ? n.colour.rgba() : 0);
        mix(n.badge.isEmpty() ? 0 : qHash(n.badge));
        mix(qHash(n.revealed.isEmpty() ? n.entity.labelMasked : n.revealed));
    }
    mix(quint64(edges.size()));
    for (const Edge& e : edges)
        mix(quint64(quint32(e.a)) | ((quint64(quint32(e.b)) << 32) ^ (quint64(e.visible) | quint64(e.onPath) << 1 | quint64(e.changed) << 2 |
                                                                    quint64(e.link.directed) << 3 | quint64(int(e.link.confidence)) << 4)));
    for (const Note& note : notes) {
        real(note.pos.x());
        real(note.pos.y());
        mix(qHash(note.text));
    }
    mix(m_ground.rgba());
    mix(palette().color(QPalette::WindowText).rgba());
    return h;
}

void ChartCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    // The ground under the chart's ink: the window's where they contrast, dark where a style sheet
    // (a wall's) made the ink light on a light palette.
    const QColor ink = palette().color(QPalette::WindowText);
    const QColor ground = palette().color(QPalette::Window);
    m_ground = std::abs(ink.lightness() - ground.lightness()) >= 100 ? ground : (ink.lightness() > 128 ? QColor(0x1b1f27) : QColor(Qt::white));
    painter.fillRect(rect(), m_ground);
    const QRectF view(toScene(QPointF(0, 0)), toScene(QPointF(width(), height())));

    // The chart is drawn once into a picture of the view and a margin round it, and that picture
    // shown while only the view moves: a pan, or a zoom step (scaled, then drawn sharp again once the
    // zooming stops). What the picture lacks at its edges is drawn when the moving stops too. A
    // change to what is on the chart draws it again at once.
    const double dpr = devicePixelRatioF();
    const quint64 print = fingerprint();
    const bool sameChart = !m_cache.isNull() && print == m_cachePrint && m_cacheDpr == dpr;
    if (!sameChart) {
        const QRectF area = view.adjusted(-view.width() / 4, -view.height() / 4, view.width() / 4, view.height() / 4);
        m_cache = QPixmap((area.size() * m_zoom * dpr).toSize().expandedTo(QSize(1, 1)));
        m_cache.fill(m_ground);
        {
            QPainter p(&m_cache);
            p.scale(dpr, dpr);
            p.setRenderHint(QPainter::Antialiasing, nodes.size() < 2000);
            p.scale(m_zoom, m_zoom);
            p.translate(-area.topLeft());
            paintChart(p, area, m_zoom, false, false);
        }
        m_cacheScene = area;
        m_cacheZoom = m_zoom;
        m_cachePrint = print;
        m_cacheDpr = dpr;
    } else if (m_cacheZoom != m_zoom || !m_cacheScene.contains(view)) {
        m_sharpen.start();
    }
    const QRectF source((view.topLeft() - m_cacheScene.topLeft()) * m_cacheZoom * dpr, view.size() * m_cacheZoom * dpr);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_cacheZoom != m_zoom);
    painter.drawPixmap(QRectF(rect()), m_cache, source);

    // The current and the marked item over the picture: they move with the keys.
    painter.save();
    painter.translate(QRectF(rect()).center());
    painter.scale(m_zoom, m_zoom);
    painter.translate(-m_centre);
    painter.setRenderHint(QPainter::Antialiasing);
    paintSelection(painter, m_zoom);
    painter.restore();
    if (nodes.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Nothing on the chart yet. Find an item (Ctrl+F: a phone, an account, a plate, a name as written), "
                            "chart a lead from the leads page (C), or open a saved chart (Ctrl+O)."));
    }
    if (hasFocus()) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.drawRect(rect().adjusted(1, 1, -2, -2));
    }
}

void ChartCanvas::redrawSharp()
{
    m_cache = QPixmap();
    update();
}

void ChartCanvas::paintSelection(QPainter& painter, double scale)
{
    const QColor highlight = palette().color(QPalette::Highlight);
    const double onePixel = 1.0 / std::max(scale, 0.05);
    if (m_marked >= 0 && m_marked < nodes.size() && nodes[m_marked].visible) {
        QPen dashed(highlight, 2.5, Qt::DashLine);
        dashed.setCosmetic(true);
        painter.setPen(dashed);
        painter.setBrush(Qt::NoBrush);
        const double r = nodes[m_marked].radius + 9 * onePixel;
        painter.drawEllipse(nodes[m_marked].pos, r, r);
    }
    if (m_current >= 0 && m_current < nodes.size() && nodes[m_current].visible) {
        QPen current(highlight, 3.5);
        current.setCosmetic(true);
        painter.setPen(current);
        painter.setBrush(Qt::NoBrush);
        const double r = nodes[m_current].radius + 3 * onePixel;
        painter.drawEllipse(nodes[m_current].pos, r, r);
    }
}

void ChartCanvas::paintAll(QPainter& painter, const QRectF& target)
{
    QRectF box;
    for (const Node& n : std::as_const(nodes))
        if (n.visible)
            box |= QRectF(n.pos - QPointF(60, 60), QSizeF(120, 140));
    for (const Note& note : std::as_const(notes))
        box |= QRectF(note.pos, QSizeF(220, 80));
    if (box.isEmpty())
        box = QRectF(-100, -100, 200, 200);
    const double scale = std::min(target.width() / box.width(), target.height() / box.height());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(target.center());
    painter.scale(scale, scale);
    painter.translate(-box.center());
    paintChart(painter, box, std::max(scale, 0.6), true, true);
    painter.restore();
}

void ChartCanvas::paintChart(QPainter& painter, const QRectF& sceneRect, double scale, bool forPrint, bool withSelection)
{
    // Two passes: the shapes in chart coordinates (the painter's transform), then every word in
    // device pixels at one font (each glyph drawn once into the cache, reused every frame; labels
    // elided once and kept with their item). Everything outside the view is skipped.
    const QPalette pal = palette();
    const QColor text = forPrint ? QColor(Qt::black) : pal.color(QPalette::WindowText);
    const QColor highlight = forPrint ? QColor(0x1f77b4) : pal.color(QPalette::Highlight);
    const QColor changedColour(0xff8c00);
    const QRectF cull = sceneRect.adjusted(-80, -80, 80, 80);
    const bool labels = scale >= 0.55;
    const bool edgeLabels = scale >= 0.9 && edges.size() < 600;
    const QTransform toDevice = painter.transform();
    const double onePixel = 1.0 / std::max(scale, 0.05);

    // Links, batched by how they are drawn: thin cosmetic lines take the rasterizer's fast path,
    // dashes included; an arrow is two short strokes, drawn where it can be seen.
    QList<int> visibleEdges;
    QList<QLineF> batches[3][3]; // [normal, changed, on the path][confirmed, unconfirmed, tentative]
    QList<QLineF> arrows[3];
    const bool showArrows = scale >= 0.3;
    for (int k = 0; k < edges.size(); ++k) {
        const Edge& e = edges[k];
        if (!e.visible || e.a < 0 || e.b < 0)
            continue;
        const QPointF a = nodes[e.a].pos, b = nodes[e.b].pos;
        if (!cull.intersects(QRectF(a, b).normalized().adjusted(-1, -1, 1, 1)))
            continue;
        visibleEdges << k;
        const int look = e.onPath ? 2 : e.changed ? 1 : 0;
        batches[look][int(e.link.confidence)] << QLineF(a, b);
        if (e.link.directed && showArrows) {
            const QLineF line(a, b);
            const double r = nodes[e.b].radius;
            if (line.length() > r * 2) {
                const QPointF tip = line.pointAt(1 - r / line.length());
                const double angle = std::atan2(a.y() - b.y(), a.x() - b.x());
                const double size = 9 * onePixel;
                arrows[look] << QLineF(tip, tip + QPointF(std::cos(angle + 0.4) * size, std::sin(angle + 0.4) * size))
                             << QLineF(tip, tip + QPointF(std::cos(angle - 0.4) * size, std::sin(angle - 0.4) * size));
            }
        }
    }
    for (int look = 0; look < 3; ++look) {
        QColor c = look == 2 ? highlight : look == 1 ? changedColour : text;
        if (look == 0) {
            // The ink softened toward the ground, opaque: the rasterizer's fastest lines.
            const QColor under = forPrint ? QColor(Qt::white) : m_ground;
            c = QColor::fromRgbF(0.6 * c.redF() + 0.4 * under.redF(), 0.6 * c.greenF() + 0.4 * under.greenF(), 0.6 * c.blueF() + 0.4 * under.blueF());
        }
        QPen pen(c, look == 2 ? 3.5 : look == 1 ? 2.5 : 1.0);
        pen.setCosmetic(true);
        for (int style = 0; style < 3; ++style) {
            if (batches[look][style].isEmpty())
                continue;
            pen.setStyle(style == 0 ? Qt::SolidLine : style == 1 ? Qt::DashLine : Qt::DotLine);
            painter.setPen(pen);
            painter.drawLines(batches[look][style]);
        }
        if (!arrows[look].isEmpty()) {
            pen.setStyle(Qt::SolidLine);
            pen.setWidthF(look == 0 ? 1.5 : pen.widthF());
            painter.setPen(pen);
            painter.drawLines(arrows[look]);
        }
    }

    // Items: a disc in the kind's colour (or the formatting's), its size by the measure chosen,
    // drawn from a picture of that disc made once per colour and size.
    QList<int> shown;
    const double dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    for (int i = 0; i < nodes.size(); ++i) {
        const Node& n = nodes[i];
        if (!n.visible || !cull.contains(n.pos))
            continue;
        shown << i;
    }
    if (forPrint) {
        QPen outline(text, 1.2);
        outline.setCosmetic(true);
        for (int i : std::as_const(shown)) {
            const Node& n = nodes[i];
            painter.setPen(outline);
            painter.setBrush(n.colour.isValid() ? n.colour : kindColour(n.entity.kind));
            painter.drawEllipse(n.pos, n.radius, n.radius);
        }
    } else {
        painter.save();
        painter.resetTransform();
        for (int i : std::as_const(shown)) {
            const Node& n = nodes[i];
            const int px = std::max(2, int(std::lround(n.radius * scale)));
            const QColor fill = n.colour.isValid() ? n.colour : kindColour(n.entity.kind);
            const QString key = QStringLiteral("%1/%2/%3/%4").arg(fill.rgba()).arg(text.rgba()).arg(px).arg(dpr);
            QPixmap disc = m_discs.value(key);
            if (disc.isNull()) {
                disc = QPixmap(QSize(2 * px + 4, 2 * px + 4) * dpr);
                disc.setDevicePixelRatio(dpr);
                disc.fill(Qt::transparent);
                QPainter d(&disc);
                d.setRenderHint(QPainter::Antialiasing);
                d.setPen(QPen(text, 1.2));
                d.setBrush(fill);
                d.drawEllipse(QPointF(px + 2, px + 2), px, px);
                d.end();
                if (m_discs.size() > 2000)
                    m_discs.clear();
                m_discs.insert(key, disc);
            }
            const QPointF at = toDevice.map(n.pos);
            painter.drawPixmap(QPointF(at.x() - px - 2, at.y() - px - 2), disc);
        }
        painter.restore();
    }
    for (int i : std::as_const(shown)) {
        const Node& n = nodes[i];
        const double r = n.radius;
        if (n.changed) {
            QPen ring(changedColour, 3);
            ring.setCosmetic(true);
            painter.setPen(ring);
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(n.pos, r + 5 * onePixel, r + 5 * onePixel);
        }
        if (withSelection && i == m_marked) {
            QPen dashed(highlight, 2.5, Qt::DashLine);
            dashed.setCosmetic(true);
            painter.setPen(dashed);
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(n.pos, r + 9 * onePixel, r + 9 * onePixel);
        }
        if (withSelection && i == m_current && !forPrint) {
            QPen current(highlight, 3.5);
            current.setCosmetic(true);
            painter.setPen(current);
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(n.pos, r + 3 * onePixel, r + 3 * onePixel);
        }
        if (n.pinned) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(text);
            painter.drawRect(QRectF(n.pos + QPointF(-r, -r), QSizeF(5 * onePixel, 5 * onePixel)));
        }
    }
    m_drawn = int(shown.size());
    for (const Note& note : std::as_const(notes)) {
        if (!cull.contains(note.pos))
            continue;
        painter.setPen(QPen(QColor(0xb7950b), 0));
        painter.setBrush(QColor(0xfff3b0));
        painter.drawRect(QRectF(note.pos, QSizeF(200, 60)));
    }

    // The words, in device pixels.
    painter.save();
    painter.resetTransform();
    QFont labelFont = font();
    labelFont.setPointSizeF(8.5);
    QFont glyphFont = font();
    glyphFont.setBold(true);
    glyphFont.setPointSizeF(10);
    QFont badgeFont = labelFont;
    badgeFont.setPointSizeF(7.5);
    painter.setFont(glyphFont);
    const QFontMetricsF glyphMetrics(glyphFont);
    painter.setPen(Qt::white);
    for (int i : std::as_const(shown)) {
        const Node& n = nodes[i];
        if (n.radius * scale < 9)
            continue;
        const QString glyph = kindGlyph(n.entity.kind);
        const QPointF at = toDevice.map(n.pos);
        painter.drawText(at + QPointF(-glyphMetrics.horizontalAdvance(glyph) / 2, glyphMetrics.ascent() / 2 - 1), glyph);
    }
    const QFontMetricsF labelMetrics(labelFont);
    if (labels) {
        painter.setFont(labelFont);
        painter.setPen(text);
        for (int i : std::as_const(shown)) {
            const Node& n = nodes[i];
            const QString& label = n.revealed.isEmpty() ? n.entity.labelMasked : n.revealed;
            if (n.shownFor != label) {
                n.shownFor = label;
                n.shownLabel = labelMetrics.elidedText(label, Qt::ElideMiddle, 220);
                n.shownWidth = labelMetrics.horizontalAdvance(n.shownLabel);
            }
            const QPointF at = toDevice.map(n.pos + QPointF(0, n.radius));
            painter.drawText(at + QPointF(-n.shownWidth / 2, 2 + labelMetrics.ascent()), n.shownLabel);
        }
    }
    if (edgeLabels) {
        painter.setFont(badgeFont);
        painter.setPen(text);
        for (int k : std::as_const(visibleEdges)) {
            const Edge& e = edges[k];
            painter.drawText(toDevice.map(QLineF(nodes[e.a].pos, nodes[e.b].pos).pointAt(0.5)) + QPointF(4, -4), relationName(e.link.relation));
        }
    }
    painter.setFont(badgeFont);
    const QFontMetricsF badgeMetrics(badgeFont);
    for (int i : std::as_const(shown)) {
        const Node& n = nodes[i];
        if (n.badge.isEmpty() || n.radius * scale < 6)
            continue;
        const QPointF at = toDevice.map(n.pos + QPointF(n.radius * 0.6, -n.radius));
        const QRectF badge(at - QPointF(0, 12), QSizeF(badgeMetrics.horizontalAdvance(n.badge) + 8, 14));
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xc0392b));
        painter.drawRoundedRect(badge, 4, 4);
        painter.setPen(Qt::white);
        painter.drawText(badge.topLeft() + QPointF(4, 2 + badgeMetrics.ascent()), n.badge);
    }
    painter.setFont(labelFont);
    painter.setPen(Qt::black);
    for (const Note& note : std::as_const(notes)) {
        if (!cull.contains(note.pos))
            continue;
        const QRectF box = toDevice.mapRect(QRectF(note.pos, QSizeF(200, 60)));
        painter.drawText(box.adjusted(6, 4, -6, -4), Qt::TextWordWrap, note.text);
    }
    painter.restore();
}

} // namespace hexhub::criminalintel
