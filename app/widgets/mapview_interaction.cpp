// The map under the pointer and the keys: markers hit and dragged, zooming and panning.
#include "mapview.h"

#include "mapview_p.h"

#include <QApplication>
#include <QDrag>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace hexhub {

std::pair<QString, QString> MapView::markerAt(const QPointF& viewPoint) const
{
    const std::optional<Hit> hit = hitAt(viewPoint);
    if (!hit || hit->drawn.count > 1)
        return {};
    return {hit->layer, m_markers.value(hit->layer)->markers.at(hit->drawn.marker).id};
}

std::optional<MapView::Hit> MapView::hitAt(const QPointF& viewPoint) const
{
    // The top-most layer first; the nearest drawn marker or cluster within 12 pixels.
    for (qsizetype l = m_markerOrder.size() - 1; l >= 0; --l) {
        const QString& layer = m_markerOrder.at(l);
        double best = 12;
        std::optional<Drawn> hit;
        for (const Drawn& d : drawnMarkers(layer)) {
            const QPointF at = mapFromScene(d.scenePoint);
            const double distance = std::hypot(at.x() - viewPoint.x(), at.y() - viewPoint.y());
            if (distance <= best) {
                best = distance;
                hit = d;
            }
        }
        if (hit)
            return Hit{layer, *hit};
    }
    return std::nullopt;
}

void MapView::zoomBy(double factor, const QPointF& viewAnchor)
{
    m_fitAll = false;
    const double next = std::clamp(metresPerPixel() / factor, 0.05, 20000.0);
    const double applied = metresPerPixel() / next;
    const QPointF before = mapToScene(viewAnchor.toPoint());
    scale(applied, applied);
    const QPointF after = mapToScene(viewAnchor.toPoint());
    const QPointF shift = (after - before) * transform().m11();
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(std::round(shift.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - int(std::round(shift.y())));
    Q_EMIT scaleChanged(metresPerPixel());
}

void MapView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    zoomBy(std::pow(1.25, steps), event->position());
    event->accept();
}

void MapView::mousePressEvent(QMouseEvent* event)
{
    m_pressAt = event->pos();
    m_dragMarker = {};
    if (event->button() == Qt::LeftButton && !m_markerDrag.isEmpty()) {
        const auto [layer, id] = markerAt(event->position());
        if (!layer.isEmpty() && m_markerDrag.contains(layer)) {
            // A marker that can be dragged: the press is its, not the start of a pan.
            m_dragMarker = {layer, id};
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void MapView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragMarker.first.isEmpty()) {
        QGraphicsView::mouseMoveEvent(event);
        return;
    }
    if (!(event->buttons() & Qt::LeftButton)
        || (event->pos() - m_pressAt).manhattanLength() < QApplication::startDragDistance())
        return;
    const auto [layer, id] = std::exchange(m_dragMarker, {});
    QMimeData* mime = markerDragData(layer, id);
    if (!mime)
        return;
    auto* drag = new QDrag(this);
    drag->setMimeData(mime);
    drag->exec(Qt::CopyAction);
}

void MapView::mouseReleaseEvent(QMouseEvent* event)
{
    const bool pressedOnDraggable = !std::exchange(m_dragMarker, {}).first.isEmpty();
    if (!pressedOnDraggable)
        QGraphicsView::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && (event->pos() - m_pressAt).manhattanLength() > 4)
        m_fitAll = false; // a pan: the operator placed the map
    if (event->button() != Qt::LeftButton || (event->pos() - m_pressAt).manhattanLength() > 4)
        return; // a drag, not a click
    const std::optional<Hit> hit = hitAt(event->position());
    if (!hit)
        return;
    if (hit->drawn.count > 1) {
        centerOn(hit->drawn.scenePoint);
        zoomBy(3, viewport()->rect().center());
    } else {
        Q_EMIT markerActivated(hit->layer, m_markers.value(hit->layer)->markers.at(hit->drawn.marker).id);
    }
}

void MapView::keyPressEvent(QKeyEvent* event)
{
    const QPointF middle = viewport()->rect().center();
    const int step = std::max(40, viewport()->width() / 6);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.5, middle);
        return;
    case Qt::Key_Minus:
        zoomBy(1 / 1.5, middle);
        return;
    case Qt::Key_Left:
        m_fitAll = false;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - step);
        return;
    case Qt::Key_Right:
        m_fitAll = false;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + step);
        return;
    case Qt::Key_Up:
        m_fitAll = false;
        verticalScrollBar()->setValue(verticalScrollBar()->value() - step);
        return;
    case Qt::Key_Down:
        m_fitAll = false;
        verticalScrollBar()->setValue(verticalScrollBar()->value() + step);
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

} // namespace hexhub
