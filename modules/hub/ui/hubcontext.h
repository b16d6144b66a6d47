#pragma once

#include "hexhub/hub/camera.h"
#include "hexhub/hub/hubservices.h"
#include "shared/addressindex.h"
#include "shared/roadgraph.h"

#include <functional>
#include <memory>
#include <optional>

#include <QPointer>
#include <QStringList>

class QObject;

#include "base/whenfinished.h"
#include "viewsupport.h" // formatDuration, reloadOnEvents, closeWhenSaved, LatestRead

#include <QDialog>
#include <QLabel>

namespace hexhub {
class AuditLog;
class Clock;
class EventBus;
class Outbox;
class Session;
class Store;
} // namespace hexhub

namespace hexhub::hub {

//! What the hub's views work with: the core's services and the hub's domain services over them.
struct HubContext
{
    Store& store;
    EventBus& bus;
    Clock& clock;
    Session& session;
    IncidentService incidents;
    UnitService units;
    TaskService tasks;
    CameraService cameras;
    MediaService media;
    //! The incident categories as read last (GUI thread): a form opened while the server is away
    //! offers these, so a call can still be taken and kept on the desk.
    QList<IncidentCategory> knownCategories;

    /*!
     * The video wall that "Cameras on the wall" in an opened incident fills: set by a video panel
     * while it is open (the newest one), which fills its wall with the cameras near the incident.
     */
    struct CameraWall
    {
        QPointer<QObject> owner;
        std::function<void(qint64 incidentId)> showCamerasNear;
        bool isOpen() const { return owner && showCamerasNear; }
    } cameraWall;

    //! Opens another record (a case, a lead, an incident) in its module's view: empty when it opened,
    //! else why not (ModuleContext::openRecord()).
    std::function<QString(const QString& kind, const QString& ref)> openRecord;

    //! `outbox`: where the hub's commands wait while the server is away.
    HubContext(Store& s, EventBus& b, Clock& c, Session& session, AuditLog& audit, Outbox* outbox = nullptr)
        : store(s), bus(b), clock(c), session(session), incidents(s, session, audit, outbox), units(s, session, audit, outbox),
          tasks(s, session, audit, outbox), cameras(s, session, audit, outbox),
          media(s, session, audit, outbox)
    {
    }

    /*!
     * The district's road graph, for travel times by road (issue 5, section 4). The first call
     * starts building it from the district map (:/hexhub/district/district.geojson) on a background
     * thread and returns null; later calls return it once it is built, the same graph every time.
     * Null while it is being built, and for good if the map cannot be read (said in the log): the
     * caller reckons in straight lines meanwhile. GUI thread only.
     */
    std::shared_ptr<const RoadGraph> districtRoads();

    /*!
     * The places a call-taker types (issue 19): the district map's streets, house numbers and
     * landmarks, and the addresses of earlier incidents (the latest 50,000 with a position), built
     * on a background thread the first time it is asked for and shared from then on. The map's part
     * needs no store: when the incidents cannot be read (the server away) the index has the map
     * alone, said in the log. Null in the result, said in the log, only when the map cannot be read;
     * a build that gave nothing is tried again at the next call, and so is one made stale.
     */
    QFuture<std::shared_ptr<const AddressIndex>> addressIndex();
    //! The last index built, at once (null before the first is done): a form opened while a newer
    //! one is being built uses this meanwhile.
    std::shared_ptr<const AddressIndex> builtAddressIndex();
    //! The next addressIndex() builds a new index, with the incidents created since (the old one
    //! stays with whoever holds it).
    void addressIndexStale() { m_addressIndexStale = true; }

    //! A build still running finishes first: its code lives in this module's library.
    ~HubContext()
    {
        if (m_districtRoadsStarted)
            m_districtRoads.waitForFinished();
        if (m_addressIndexStarted)
            m_addressIndex.waitForFinished();
    }

private:
    QFuture<std::shared_ptr<const AddressIndex>> m_addressIndex;
    std::shared_ptr<const AddressIndex> m_builtAddressIndex;
    bool m_addressIndexStarted = false;
    bool m_addressIndexStale = false;

    QFuture<std::shared_ptr<const RoadGraph>> m_districtRoads; //!< started by the first districtRoads()
    bool m_districtRoadsStarted = false;
};

//! The centres an incident can be handled by, as (module id, name in the user's language).
QList<QPair<QString, QString>> centres();
//! The colour of a priority on the board and the map: P1 red, P2 orange, P3 blue, P4 grey.
QColor priorityColour(int priority);
//! "31.2304, 121.4737" (a comma, a Chinese comma or a space between) as a place; nullopt otherwise.
std::optional<GeoPoint> parsePosition(const QString& text);

} // namespace hexhub::hub
