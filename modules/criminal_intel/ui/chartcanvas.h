#pragma once
// The link chart's drawing (issue 21 section 2): items and links in chart coordinates, panned and
// zoomed, culled to the view; links styled by confidence (confirmed solid, unconfirmed dashed,
// tentative dotted) with arrows where they have a direction; keyboard and mouse.
#include "hexhub/criminal_intel/entities.h"

#include <QColor>
#include <QHash>
#include <QPixmap>
#include <QList>
#include <QPointF>
#include <QTimer>
#include <QWidget>

class QPainter;

namespace hexhub::criminalintel {

//! The drawing: items and links in chart coordinates, panned and zoomed; keyboard and mouse.
class ChartCanvas final : public QWidget
{
    Q_OBJECT
public:
    struct Node
    {
        Entity entity;
        QPointF pos;
        bool pinned = false;
        bool changed = false; //!< added or changed elsewhere since the chart was opened
        bool visible = true;
        double radius = 14;
        QColor colour;
        QString badge;
        QString revealed; //!< the label, once revealed with a reason
        // The label as drawn (elided to fit), kept until the label changes.
        mutable QString shownFor, shownLabel;
        mutable double shownWidth = 0;
    };
    struct Edge
    {
        Link link;
        int a = -1, b = -1;
        bool changed = false;
        bool visible = true;
        bool onPath = false;
    };
    struct Note
    {
        QString text;
        QPointF pos;
    };

    explicit ChartCanvas(QWidget* parent = nullptr);

    QList<Node> nodes;
    QList<Edge> edges;
    QList<Note> notes;

    int current() const { return m_current; }
    void setCurrent(int node);
    int marked() const { return m_marked; }
    void setMarked(int node);
    //! Every visible item in view.
    void fit();
    void zoomBy(double factor);
    void panBy(QPointF widgetDelta);
    double zoom() const { return m_zoom; }
    QPointF centre() const { return m_centre; }
    void setView(QPointF centre, double zoom);
    //! Draws the chart into `target` (an export, a picture): everything visible, fitted.
    void paintAll(QPainter& painter, const QRectF& target);
    //! The number of nodes drawn in the last frame (culled to the view).
    int drawnLastFrame() const { return m_drawn; }
    static QColor kindColour(EntityKind kind);
    //! Twelve hues apart, readable on the day and the night theme alike (communities, components, attributes).
    static QColor paletteColour(int index);
    static QString kindGlyph(EntityKind kind);

Q_SIGNALS:
    void currentChanged(int node);
    void nodeMoved(int node);

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void paintChart(QPainter& painter, const QRectF& sceneRect, double scale, bool forPrint, bool withSelection);
    void paintSelection(QPainter& painter, double scale);
    quint64 fingerprint() const;
    void redrawSharp();
    QPointF toScene(QPointF widgetPoint) const;
    int nodeAt(QPointF widgetPoint) const;
    void stepTo(QPointF direction);

    QPointF m_centre;
    double m_zoom = 1;
    int m_current = -1, m_marked = -1;
    int m_dragging = -1;
    bool m_panning = false;
    QPointF m_lastMouse;
    int m_drawn = 0;
    QColor m_ground = Qt::white; //!< what the chart is drawn on
    QHash<QString, QPixmap> m_discs; //!< a disc per colour and size in pixels, drawn once
    QPixmap m_cache;                 //!< the chart drawn round the view (see paintEvent())
    QRectF m_cacheScene;
    double m_cacheZoom = 0, m_cacheDpr = 0;
    quint64 m_cachePrint = 0;
    QTimer m_sharpen; //!< drawn sharp again once the view stops moving
    bool m_autoFit = false; //!< fitted, not moved since: a resize fits again
};

} // namespace hexhub::criminalintel
