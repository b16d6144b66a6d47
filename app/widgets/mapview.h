#pragma once

#include "shared/geo.h"
#include "hexhubwidgets_export.h"

#include <QColor>
#include <QGraphicsView>
#include <QHash>
#include <QList>
#include <QPainterPath>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QGraphicsScene;
class QMimeData;

namespace hexhub {

class GeoLayer;
class MapTiles;
class MarkerLayer;

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
 * What a camera sees, drawn on the ground in metres under the markers: a cone from `point` towards
 * `heading` (degrees clockwise from north), `fieldOfView` wide, `range` long; a field of view of 360
 * (a PTZ camera, a drone's footprint) is a disc.
 */
struct HEXHUB_WIDGETS_EXPORT MapSector
{
    QString id;
    GeoPoint point;
    double heading = 0;
    double fieldOfView = 90;
    double range = 100; //!< metres on the ground
    QColor colour;
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
 * Each marker layer bins only what is in view, each marker, cluster and label a picture drawn once
 * and copied: thousands of markers without an item each. Labels go where there is room, in the
 * markers' order (the first, the most important). The land, the tiles, the GeoJSON layers and the
 * markers are the view's background, one picture the view keeps: panning scrolls it and draws only
 * the strip scrolled in; a new scale or new markers draw it anew. The wheel zooms around the cursor;
 * dragging pans; + and - zoom, arrow keys pan. Sector layers (setSectors()), cameras' views in metres on
 * the ground, are drawn between the GeoJSON layers and the markers. A marker layer can be made
 * draggable (setMarkerDrag()): dragging one of its markers starts a drag and drop with its data
 * instead of panning.
 *
 * Under the layers it can draw raster tiles from an XYZ tile server (setTileSource()); they are an
 * addition, never a need: without them, or with the server away, the map works as before.
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
    //! Replaces the sectors of `layer` (created on first use; sector layers draw in their order).
    void setSectors(const QString& layer, const QList<MapSector>& sectors);
    QList<MapSector> sectors(const QString& layer) const;
    //! The outline of `sector` in scene coordinates (Web Mercator metres, y to the south).
    static QPainterPath sectorPath(const MapSector& sector);
    //! The drag data of a marker of `layer` by its id (nullptr: that one cannot be dragged); an
    //! empty function makes the layer's markers clickable only again.
    using MarkerDragData = std::function<QMimeData*(const QString& id)>;
    void setMarkerDrag(const QString& layer, MarkerDragData data);
    //! What dragging marker `id` of `layer` carries (the caller owns it); nullptr when it cannot be dragged.
    QMimeData* markerDragData(const QString& layer, const QString& id) const;
    //! The single marker drawn within 12 pixels of `viewPoint`, top-most layer first: {layer, id};
    //! empty when there is none (or only a cluster).
    std::pair<QString, QString> markerAt(const QPointF& viewPoint) const;

    //! Centres on `point` with `metresPerPixel` as the scale.
    void centreOn(const GeoPoint& point, double metresPerPixel);
    /*!
     * Shows everything of every layer, and keeps doing so as the view is resized (a dock growing, a
     * wall going full screen) until the operator zooms or pans.
     */
    void showAll();
    //! Whether the view still follows showAll() on resizes (no zoom or pan since).
    bool fitsAll() const { return m_fitAll; }
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

    /*!
     * Draws raster tiles under the layers from `urlTemplate`, an XYZ address with {z}, {x} and {y}
     * (e.g. "https://tiles.example.org/{z}/{x}/{y}.png": 256-pixel Web Mercator tiles, y from the
     * north); an empty template turns tiles off. Only the tiles in view are fetched, at the zoom level
     * of the current scale, asynchronously and a few at a time; requests for tiles scrolled out of view
     * are aborted. Tiles are kept on disk in `cacheDirectory` (empty: no disk cache) and taken from
     * there before the network, so a cached tile shows with the server away; the last ones decoded are
     * kept in memory. A tile that does not come (no server, an HTTP error, data that is not an image)
     * stays blank, is reported by tileError() and is asked for again a minute later at the earliest.
     * A template that is not an address with the three placeholders draws no tiles and is reported.
     */
    void setTileSource(const QString& urlTemplate, const QString& cacheDirectory = QString());
    QString tileSource() const;
    QString tileCacheDirectory() const;
    //! Where a desk keeps its tiles: "tiles" in the user's cache folder.
    static QString defaultTileCacheDirectory();
    //! The tile zoom level for the current scale: the one whose pixels are nearest the screen's.
    int tileZoom() const;
    //! The last tile error since the source was set; empty when none failed.
    QString lastTileError() const;
    //! Tiles decoded in memory; tile requests in flight.
    int cachedTileCount() const;
    int pendingTileCount() const;

    static constexpr int kTileSize = 256;          //!< pixels
    static constexpr int kMaxTileZoom = 19;        //!< closer in, z19 tiles are enlarged
    static constexpr int kMaxTilesInMemory = 256;  //!< decoded tiles kept, in 256-pixel tiles (256 KiB each)
    static constexpr int kMaxTileRequests = 6;     //!< tile requests in flight at once

Q_SIGNALS:
    void markerActivated(const QString& layer, const QString& id);
    void scaleChanged(double metresPerPixel);
    //! Tile `z`/`x`/`y` arrived and is drawn.
    void tileLoaded(int z, int x, int y);
    //! A tile did not come: `message` says which and why, in the user's language.
    void tileError(const QString& message);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    struct Hit
    {
        QString layer;
        Drawn drawn;
    };
    std::optional<Hit> hitAt(const QPointF& viewPoint) const;
    void zoomBy(double factor, const QPointF& viewAnchor);
    void updateColours();

    QGraphicsScene* m_scene;
    std::unique_ptr<MapTiles> m_tiles; //!< null without a tile source
    QString m_badTileSource;           //!< why the tile source given is not one
    std::vector<std::pair<QString, std::unique_ptr<GeoLayer>>> m_geo; //!< in the order they are drawn
    QHash<QString, std::shared_ptr<MarkerLayer>> m_markers;
    QStringList m_markerOrder;
    std::vector<std::pair<QString, QList<MapSector>>> m_sectors; //!< in the order they are drawn
    QHash<QString, MarkerDragData> m_markerDrag;
    bool m_fitAll = false; //!< showAll() again on each resize (until a zoom or pan)
    QPoint m_pressAt;
    std::pair<QString, QString> m_dragMarker; //!< the draggable marker pressed on: {layer, id}
};

} // namespace hexhub
