#pragma once

#include "geo.h"
#include "hexhubwidgets_export.h"

#include <QColor>
#include <QGraphicsView>
#include <QHash>
#include <QList>
#include <QString>

class QGraphicsScene;

namespace hexhub {

class GeoLayerItem;
class MarkerLayerItem;

//! One thing on the map: an incident, a unit, a camera.
struct HEXHUB_WIDGETS_EXPORT MapMarker
{
    QString id;       //!< what markerActivated() reports
    GeoPoint point;
    QColor colour;
    QString label;    //!< shown beside it when zoomed in
    enum class Shape { Circle, Square, Triangle } shape = Shape::Circle;
};

/*!
 * The map every module uses (issue 5, section 8): a QGraphicsView in Web Mercator, scene units in
 * metres (north up). It works offline on its own layers:
 *  - GeoJSON layers (addGeoJson()): LineString / MultiLineString features draw as streets or rivers
 *    (property "kind": "street", "river"; "major" streets wider), Polygon / MultiPolygon as areas,
 *    Point as landmarks with their "name";
 *  - marker layers (setMarkers()), drawn above, each marker a fixed size on screen. Zoomed out,
 *    markers closer than a few pixels cluster into one disc with their count; a click on a marker
 *    emits markerActivated(), a click on a cluster zooms in on it.
 * Markers are painted by one item per layer, which bins only what is exposed: thousands of markers
 * pan and zoom without an item each. The wheel zooms around the cursor; dragging pans; + and -
 * zoom, arrow keys pan.
 */
class HEXHUB_WIDGETS_EXPORT MapView final : public QGraphicsView
{
    Q_OBJECT
public:
    explicit MapView(QWidget* parent = nullptr);
    ~MapView() override;

    /*!
     * Adds (or replaces) a GeoJSON layer from a FeatureCollection, Feature or bare geometry. False,
     * with `error` naming the feature and field, when it is not GeoJSON this map can draw; nothing
     * is added then.
     */
    bool addGeoJson(const QString& layer, const QByteArray& json, QString* error = nullptr);
    //! Replaces the markers of `layer` (created on first use, drawn above earlier marker layers).
    void setMarkers(const QString& layer, const QList<MapMarker>& markers);
    QStringList layers() const;
    int markerCount(const QString& layer) const;

    //! Centres on `point` with `metresPerPixel` as the scale.
    void centreOn(const GeoPoint& point, double metresPerPixel);
    //! Shows everything of every layer.
    void showAll();
    double metresPerPixel() const;
    GeoPoint centre() const;
    //! Where a place is in the view (pixels) and back.
    QPointF viewPointOf(const GeoPoint& point) const;
    GeoPoint geoPointAt(const QPointF& viewPoint) const;

    //! Markers farther apart than this (pixels) stay single; closer ones cluster.
    static constexpr double kClusterPixels = 18;
    //! What the markers of `layer` look like at the current scale: single markers and clusters.
    struct Drawn
    {
        QPointF scenePoint;
        int count = 1;        //!< > 1: a cluster
        qsizetype marker = -1; //!< the marker's index when single
    };
    QList<Drawn> drawnMarkers(const QString& layer) const;

    static QPointF toScene(const GeoPoint& point);
    static GeoPoint fromScene(const QPointF& scene);

Q_SIGNALS:
    void markerActivated(const QString& layer, const QString& id);
    void scaleChanged(double metresPerPixel);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void zoomBy(double factor, const QPointF& viewAnchor);
    void updateColours();

    QGraphicsScene* m_scene;
    QHash<QString, GeoLayerItem*> m_geo;
    QHash<QString, MarkerLayerItem*> m_markers;
    QStringList m_markerOrder;
    QPoint m_pressAt;
};

} // namespace hexhub
