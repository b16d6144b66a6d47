#pragma once

#include "hubcontext.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QLabel;
class QMimeData;
class QSettings;
class QTimer;

namespace hexhub {
class MapView;
struct MapSector;
} // namespace hexhub

namespace hexhub::hub {

/*!
 * The hub's map: the synthetic district, every open incident with a position (by priority) and
 * every unit with a known position (by status), live on hub events. Clicking an incident opens it
 * on the board. Under them, when the desk's settings name a tile server (useSettings()), raster
 * tiles; a tile server that fails is said under the map, which works on without it.
 */
class HubMap final : public QWidget
{
    Q_OBJECT
public:
    HubMap(HubContext& hub, QWidget* parent = nullptr);
    ~HubMap() override;

    MapView* map() const { return m_map; }
    void reload();
    //! The cameras layer (triangles) and what each sees ("camera views": cones, drones' footprints),
    //! from the registry; read again on every camera event, so drones move with their telemetry.
    void showCameras();
    //! What the map draws of what `camera` sees.
    static MapSector viewOf(const Camera& camera);
    //! The drag data of a camera, in the video wall's format.
    static QMimeData* cameraDragData(const Camera& camera);
    bool isLoaded() const { return m_loaded; }

    /*!
     * Takes the map tiles from the desk's settings file: the XYZ address under tileUrlKey() (the
     * shell's settings dialog writes it; empty or missing: no tiles), kept on disk in
     * MapView::defaultTileCacheDirectory(). Read now and again whenever a setting changes, so a
     * saved address applies to the open map.
     */
    void useSettings(std::shared_ptr<QSettings> settings);
    //! "map/tileUrl", a desk-wide key (no module's group): every map of the desk uses the same tiles.
    static QString tileUrlKey() { return QStringLiteral("map/tileUrl"); }
    //! What the map says of its tiles when they fail (hidden while they come).
    QLabel* tileProblem() const { return m_tileProblem; }

Q_SIGNALS:
    void incidentActivated(qint64 id);
    void loaded();
    //! The cameras layer was drawn anew from the registry.
    void camerasShown();

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyTileSettings();

    HubContext& m_hub;
    MapView* m_map;
    QLabel* m_legend;
    QLabel* m_tileProblem;
    std::shared_ptr<QSettings> m_settings;
    QString m_tileUrl; //!< as last read from the settings
    QHash<QString, Camera> m_cameras; //!< on the map, by id: what a drag carries
    bool m_loaded = false;
    bool m_busy = false;
    bool m_again = false;
    bool m_fitted = false;
};

} // namespace hexhub::hub
