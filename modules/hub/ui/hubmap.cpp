#include "hubmap.h"

#include "bus/eventbus.h"
#include "mapview.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"
#include "base/whenfinished.h"

#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QResizeEvent>
#include <QSettings>
#include <QSqlQuery>
#include <QTimer>
#include <QVBoxLayout>

namespace hexhub::hub {

namespace {

struct Picture
{
    QList<MapMarker> incidents;
    QList<Unit> units;
};

QColor unitColour(UnitStatus s)
{
    switch (s) {
    case UnitStatus::Available:
        return QColor(0x27, 0xae, 0x60);
    case UnitStatus::EnRoute:
        return QColor(0xe6, 0x7e, 0x22);
    case UnitStatus::OnScene:
        return QColor(0xd6, 0x30, 0x31);
    case UnitStatus::Busy:
        return QColor(0x8e, 0x44, 0xad);
    case UnitStatus::OffDuty:
        return QColor(0x8a, 0x93, 0x9b);
    }
    return Qt::gray;
}

} // namespace

HubMap::HubMap(HubContext& hub, QWidget* parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_map(new MapView(this))
    , m_legend(new QLabel(this))
    , m_tileProblem(new QLabel(this))
{
    setObjectName(QStringLiteral("hub.map"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_map, 1);
    layout->addWidget(m_legend);
    layout->addWidget(m_tileProblem);
    m_legend->setWordWrap(true);
    m_tileProblem->setObjectName(QStringLiteral("tileProblem"));
    m_tileProblem->setWordWrap(true);
    m_tileProblem->hide();
    connect(m_map, &MapView::tileError, this, [this](const QString& message) {
        m_tileProblem->setText(tr("%1 The map draws its own streets without the tiles.").arg(message));
        m_tileProblem->show();
    });
    connect(m_map, &MapView::tileLoaded, m_tileProblem, &QLabel::hide);
    QFile district(QStringLiteral(":/hexhub/district/district.geojson"));
    QString error;
    if (!district.open(QIODevice::ReadOnly) || !m_map->addGeoJson(QStringLiteral("district"), district.readAll(), &error))
        m_legend->setText(tr("The district map cannot be drawn: %1").arg(error.isEmpty() ? district.errorString() : error));
    connect(m_map, &MapView::markerActivated, this, [this](const QString& layer, const QString& id) {
        if (layer == QLatin1String("incidents"))
            Q_EMIT incidentActivated(id.toLongLong());
    });

    m_map->setMarkerDrag(QStringLiteral("cameras"), [this](const QString& id) -> QMimeData* {
        const auto it = m_cameras.constFind(id);
        return it != m_cameras.cend() ? cameraDragData(*it) : nullptr;
    });

    reloadOnEvents(m_hub.bus, this, {QStringLiteral("incident."), QStringLiteral("unit.")}, 1000, [this] { reload(); });
    // Drones report where they are every second or so: only the cameras are read again for them.
    reloadOnEvents(m_hub.bus, this, {QStringLiteral("camera.")}, 500, [this] {
        if (m_loaded)
            showCameras();
    });
    reload();
}

HubMap::~HubMap() = default;

void HubMap::useSettings(std::shared_ptr<QSettings> settings)
{
    if (m_settings)
        m_settings->removeEventFilter(this);
    m_settings = std::move(settings);
    if (m_settings)
        m_settings->installEventFilter(this);
    applyTileSettings();
}

bool HubMap::eventFilter(QObject* watched, QEvent* event)
{
    // QSettings posts itself an UpdateRequest after each change, to write the file: the saved
    // settings dialog (or anything else) changed a setting, maybe the tiles.
    if (m_settings && watched == m_settings.get() && event->type() == QEvent::UpdateRequest)
        applyTileSettings();
    return QWidget::eventFilter(watched, event);
}

void HubMap::applyTileSettings()
{
    const QString url = m_settings ? m_settings->value(tileUrlKey()).toString().trimmed() : QString();
    if (url == m_tileUrl)
        return;
    m_tileUrl = url;
    m_tileProblem->hide();
    m_map->setTileSource(url, MapView::defaultTileCacheDirectory());
}

void HubMap::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // The district fills the map once the map has a real size (a dock, a wall); MapView keeps it
    // filling it through later resizes until the operator zooms or pans.
    if (!m_fitted && m_map->viewport()->width() > 100 && m_map->viewport()->height() > 100) {
        m_fitted = true;
        m_map->showAll();
    }
}

void HubMap::reload()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    // At most 10,000 open incidents, the most urgent first; clustering keeps them readable.
    whenFinished(this, m_hub.store.read([](Sql& sql) {
                     QList<MapMarker> markers;
                     QSqlQuery q = sql.exec(QStringLiteral(
                         "SELECT id, number, priority, latitude, longitude FROM hub_incidents "
                         "WHERE status IN ('new', 'dispatched', 'on_scene') AND latitude IS NOT NULL AND longitude IS NOT NULL "
                         "ORDER BY priority, created_at DESC LIMIT 10000"));
                     while (q.next()) {
                         const GeoPoint p{q.value(3).toDouble(), q.value(4).toDouble()};
                         if (!p.isValid())
                             continue;
                         markers.append({q.value(0).toString(), p, priorityColour(q.value(2).toInt()),
                                         QStringLiteral("%1 P%2").arg(q.value(1).toString()).arg(q.value(2).toInt()),
                                         MapMarker::Shape::Circle});
                     }
                     return markers;
                 }),
                 [this](QFuture<QList<MapMarker>> incidents) {
                     whenFinished(this, m_hub.units.units(), [this, incidents](QFuture<QList<Unit>> units) {
                         m_busy = false;
                         try {
                             m_map->setMarkers(QStringLiteral("incidents"), incidents.result());
                             QList<MapMarker> markers;
                             for (const Unit& u : units.result()) {
                                 if (u.position && u.status != UnitStatus::OffDuty)
                                     markers.append({u.callSign, *u.position, unitColour(u.status), u.callSign, MapMarker::Shape::Square});
                             }
                             m_map->setMarkers(QStringLiteral("units"), markers);
                             m_legend->setText(tr("%1 open incidents (circles, by priority), %2 units (squares: green available, "
                                                  "orange en route, red on scene, purple busy), cameras (triangles, with what they see). Wheel or "
                                                  "+/- zooms, drag pans, click opens; drag a camera onto a video wall.")
                                                   .arg(m_map->markerCount(QStringLiteral("incidents")))
                                                   .arg(markers.size()));
                             showCameras();
                         } catch (const std::exception& e) {
                             m_legend->setText(tr("The map cannot be read: %1").arg(QString::fromUtf8(e.what())));
                         }
                         m_loaded = true;
                         Q_EMIT loaded();
                         if (std::exchange(m_again, false))
                             reload();
                     });
                 });
}

QMimeData* HubMap::cameraDragData(const Camera& camera)
{
    // The video wall's drag format (VideoWall::cameraMimeType(), which this plugin does not link:
    // the wall loads with the video panel): JSON {id, name, url}.
    auto* mime = new QMimeData;
    mime->setData(QStringLiteral("application/x-hexhub-camera"),
                  QJsonDocument(QJsonObject{{QStringLiteral("id"), camera.id},
                                            {QStringLiteral("name"), camera.name},
                                            {QStringLiteral("url"), camera.streamUrl}})
                      .toJson(QJsonDocument::Compact));
    mime->setText(camera.name);
    return mime;
}

MapSector HubMap::viewOf(const Camera& camera)
{
    // Fixed and body-worn cameras see a cone; a PTZ camera turns to see anything within its range,
    // and a drone sees the ground within its range of the point below it (its footprint): discs.
    QColor colour = camera.kind == CameraKind::Drone ? QColor(0xe6, 0x7e, 0x22) : QColor(0x29, 0x80, 0xb9);
    if (camera.health == CameraHealth::Offline)
        colour = QColor(0x95, 0xa5, 0xa6);
    return {camera.id, camera.position.value_or(GeoPoint{}), camera.heading,
            camera.seesAllAround() ? 360.0 : camera.fieldOfView, camera.range, colour};
}

void HubMap::showCameras()
{
    // The cameras this operator may watch, as triangles (blue online, orange drones, grey offline or
    // not known) over what each one sees; dragged onto a video wall, a camera plays there.
    if (!m_hub.session.can(QStringLiteral("hub.video.view"))) {
        m_cameras.clear();
        m_map->setMarkers(QStringLiteral("cameras"), {});
        m_map->setSectors(QStringLiteral("camera views"), {});
        return;
    }
    whenFinished(this, m_hub.cameras.cameras(), [this](QFuture<QList<Camera>> done) {
        QList<MapMarker> markers;
        QList<MapSector> views;
        QHash<QString, Camera> cameras;
        try {
            for (const Camera& c : done.result()) {
                if (!c.position)
                    continue;
                const MapSector view = viewOf(c);
                QColor colour = c.health == CameraHealth::Online ? view.colour : QColor(0x95, 0xa5, 0xa6);
                markers.append({c.id, *c.position, colour, c.name, MapMarker::Shape::Triangle});
                views.append(view);
                cameras.insert(c.id, c);
            }
        } catch (const std::exception&) {
            return; // the incidents and units stay; the registry's reason shows in the video panel
        }
        m_cameras = std::move(cameras);
        m_map->setSectors(QStringLiteral("camera views"), views);
        m_map->setMarkers(QStringLiteral("cameras"), markers);
        Q_EMIT camerasShown();
    });
}

} // namespace hexhub::hub
