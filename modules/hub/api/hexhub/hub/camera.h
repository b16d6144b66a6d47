#pragma once

#include "module/command.h"
#include "shared/geo.h"
#include "shared/mediaclip.h"
#include "hexhub/hub/hub_export.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QSize>
#include <QString>

#include <optional>

namespace hexhub {

class AuditLog;
class Outbox;
class Session;
class Store;

// Live video (issue 6), the shared part: the camera registry, which cameras see a place, and
// snapshots attached to an incident's record. The wall and the map build on these; playback is theirs.

enum class CameraKind { Fixed, Ptz, BodyWorn, Drone };

HEXHUB_HUB_EXPORT QString cameraKindId(CameraKind kind);
HEXHUB_HUB_EXPORT std::optional<CameraKind> cameraKindFromId(const QString& id);
HEXHUB_HUB_EXPORT QString cameraKindName(CameraKind kind);

//! What the desks last heard of a camera's stream.
enum class CameraHealth { Unknown, Online, Offline };

HEXHUB_HUB_EXPORT QString cameraHealthId(CameraHealth health);
HEXHUB_HUB_EXPORT std::optional<CameraHealth> cameraHealthFromId(const QString& id);
HEXHUB_HUB_EXPORT QString cameraHealthName(CameraHealth health);

/*!
 * A camera in the registry: where it is, where it looks and how far it sees, where its stream comes
 * from, whose it is and who may watch it. Fixed cameras and body-worn ones see a cone (heading +-
 * fieldOfView/2, up to range); a PTZ camera turns to any direction within its range; a drone sees
 * the ground within `range` of the point below it (its footprint), which moves with its telemetry.
 */
struct HEXHUB_HUB_EXPORT Camera
{
    //! The farthest a camera is said to see, and the widest search around a place, in metres.
    static constexpr double kMaxRangeMetres = 50000;

    QString id;                        //!< e.g. "CAM-0012"
    QString name;
    CameraKind kind = CameraKind::Fixed;
    std::optional<GeoPoint> position;  //!< required but for body-worn cameras and drones
    double heading = 0;                //!< degrees clockwise from north, 0 to < 360
    double fieldOfView = 90;           //!< degrees, > 0 to 360
    double range = 100;                //!< metres; a drone's footprint radius
    QString streamUrl;                 //!< rtsp(s)://, http(s)://, file:// or synthetic:<scene>
    QString agency;                    //!< the owner
    QString viewPermission = QStringLiteral("hub.video.view"); //!< what a viewer must hold
    CameraHealth health = CameraHealth::Unknown;
    qint64 lastFrameAt = 0;            //!< Clock ms of the last frame a desk reported; 0: never
    qint64 positionAt = 0;             //!< Clock ms of the position (telemetry); 0: as registered
    qint64 version = 0;                //!< raised by each registry change; 0: not read from the registry

    //! PTZ cameras and drones see all around them.
    bool seesAllAround() const;
    //! What breaks the registry's rules, in the user's language; empty when nothing does.
    QString problem() const;

    QJsonObject toJson() const;
    static std::optional<Camera> fromJson(const QJsonObject& json, QString* error = nullptr);
    //! 2 to 32 letters, digits, '-' or '_', starting with a letter or digit.
    static bool isValidId(const QString& id);
    //! rtsp://host..., rtsps://, http(s)://host..., file:///path or synthetic:<scene>.
    static bool isValidStreamUrl(const QString& url);

    bool operator==(const Camera&) const = default;
};

//! A camera near a place: how far it is and whether it sees the place, with the reason in words.
struct HEXHUB_HUB_EXPORT NearbyCamera
{
    Camera camera;
    double metres = 0;
    bool sees = false;
    QString reason;
};

/*!
 * The cameras within `radiusMetres` of `point`, those that see it first, then nearest first (then by
 * id). Cameras without a position are left out. A camera sees the point when it is within its range
 * and, unless it sees all around, within heading +- fieldOfView/2.
 */
HEXHUB_HUB_EXPORT QList<NearbyCamera> camerasNearby(const GeoPoint& point, const QList<Camera>& cameras,
                                                     double radiusMetres);

/*!
 * The camera registry. Needs the hub module's schema. Reads list only the cameras whose
 * viewPermission the signed-in user holds; changes to the registry are audited; health and
 * telemetry reports, which come often, are not.
 */
class HEXHUB_HUB_EXPORT CameraService
{
public:
    //! `outbox`: where a registry change is kept while the server is away (none: it fails then).
    CameraService(Store& store, Session& session, AuditLog& audit, Outbox* outbox = nullptr);

    //! hub.video.view. The cameras the user may watch, by id.
    QFuture<QList<Camera>> cameras() const;
    /*!
     * hub.camera.manage. Adds a camera or changes its registry entry. Health and last frame stay as
     * reported, and so do the position and heading of a drone or body-worn camera already in the
     * registry (its telemetry moves it). The view permission must exist. A `camera.version` above 0
     * is the version the change was made from: the entry changed since is a ConflictError. Audited;
     * published as `camera.saved`. While the server is away it is kept in the desk's outbox
     * (CommandQueued), stream address included, and sent when the server is back.
     */
    QFuture<Camera> save(const Camera& camera, const CommandId& command = CommandId::make()) const;
    /*!
     * hub.video.view and the camera's view permission (the desk watching it reports). Published as
     * `camera.health` when the health changes; a report that only moves the last frame time updates
     * the registry quietly, so walls reporting every few seconds do not flood the journal. The last
     * frame time never goes back.
     */
    QFuture<void> reportHealth(const QString& id, bool online, qint64 lastFrameAt) const;
    //! hub.video.view and the camera's view permission. Where a drone (or body-worn camera) is and
    //! looks now; published as `camera.position`. Fixed and PTZ cameras are moved by save().
    QFuture<void> reportTelemetry(const QString& id, const GeoPoint& point, double heading) const;
    //! hub.video.view. camerasNearby() over the cameras the user may watch.
    QFuture<QList<NearbyCamera>> nearby(const GeoPoint& point, double radiusMetres = 500) const;

private:
    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
    Outbox* m_outbox;
};

/*!
 * A snapshot (PNG) or a video clip (Motion-JPEG AVI, see mjpegAviInfo()) attached to an incident's
 * record; the bytes come from mediaContent().
 */
struct HEXHUB_HUB_EXPORT MediaItem
{
    static constexpr auto kSnapshot = "snapshot";
    static constexpr auto kClip = "clip";
    static constexpr auto kPng = "image/png";
    static constexpr auto kAvi = "video/x-msvideo";

    qint64 id = 0;
    qint64 incidentId = 0;
    QString cameraId;
    QString cameraName;
    QString kind = QStringLiteral("snapshot");     //!< "snapshot" or "clip"
    QString contentType = QStringLiteral("image/png"); //!< "image/png" or "video/x-msvideo"
    qint64 takenAt = 0;  //!< Clock ms of the frame (a clip's first)
    qint64 durationMs = 0; //!< a clip's; 0 for a snapshot
    int frameCount = 1;  //!< a clip's frames; 1 for a snapshot
    QString sha256;      //!< hex, of the bytes
    QSize size;          //!< pixels (of each frame of a clip)
    qint64 bytes = 0;
    QString createdBy;
    qint64 createdAt = 0;

    bool isClip() const { return kind == QLatin1String(kClip); }

    QJsonObject toJson() const;
    static std::optional<MediaItem> fromJson(const QJsonObject& json, QString* error = nullptr);
};

// The bus payloads of the registry and the media (typed: read them with payloadAs<T>(event)).

//! `camera.saved`: the registry entry as saved, its stream URL without a password (read the
//! registry for the URL to play).
struct HEXHUB_HUB_EXPORT CameraSaved
{
    static constexpr auto kTopic = "camera.saved";
    static constexpr int kSchemaVersion = 1;
    Camera camera;

    QJsonObject toJson() const;
    static std::optional<CameraSaved> fromJson(const QJsonObject& json);
};

//! `camera.health`: a camera went online or offline.
struct HEXHUB_HUB_EXPORT CameraHealthChanged
{
    static constexpr auto kTopic = "camera.health";
    static constexpr int kSchemaVersion = 1;
    QString cameraId;
    CameraHealth health = CameraHealth::Unknown;
    qint64 lastFrameAt = 0;

    QJsonObject toJson() const;
    static std::optional<CameraHealthChanged> fromJson(const QJsonObject& json);
};

//! `camera.position`: a drone's (or body-worn camera's) telemetry.
struct HEXHUB_HUB_EXPORT CameraMoved
{
    static constexpr auto kTopic = "camera.position";
    static constexpr int kSchemaVersion = 1;
    QString cameraId;
    GeoPoint point;
    double heading = 0;
    qint64 at = 0; //!< Clock ms

    QJsonObject toJson() const;
    static std::optional<CameraMoved> fromJson(const QJsonObject& json);
};

//! `media.attached`, on the incident's timeline.
struct HEXHUB_HUB_EXPORT MediaAttached
{
    static constexpr auto kTopic = "media.attached";
    static constexpr int kSchemaVersion = 1;
    MediaItem media;
    QString incidentNumber;

    QJsonObject toJson() const;
    static std::optional<MediaAttached> fromJson(const QJsonObject& json);
};

/*!
 * Snapshots and clips into the record: a frame from a camera attached to an incident as PNG, or a
 * clip as Motion-JPEG AVI, with its SHA-256, camera and time, journaled on the incident's timeline
 * and audited; every viewing is audited too. Attached media are append-only (the store refuses to
 * change or delete them).
 */
class HEXHUB_HUB_EXPORT MediaService
{
public:
    static constexpr qint64 kMaxImageBytes = qint64(20) * 1024 * 1024;
    static constexpr qint64 kMaxClipBytes = qint64(64) * 1024 * 1024;

    //! `outbox`: where an attachment is kept, bytes and all, while the server is away (none: it fails then).
    MediaService(Store& store, Session& session, AuditLog& audit, Outbox* outbox = nullptr);

    /*!
     * hub.video.snapshot and the camera's view permission. `png` must be a PNG image of at most
     * kMaxImageBytes (QImage::save into a QBuffer with "PNG" makes one); `takenAt` is the frame's
     * Clock ms. The incident must not be closed or cancelled. Published as `media.attached` on the
     * incident's timeline; audited. While the server is away it is kept in the desk's outbox with
     * its bytes (CommandQueued) and attached when the server is back, checked again then.
     */
    QFuture<MediaItem> attachSnapshot(qint64 incidentId, const QString& cameraId, const QByteArray& png,
                                      qint64 takenAt, const CommandId& command = CommandId::make()) const;
    /*!
     * hub.video.snapshot and the camera's view permission, as attachSnapshot(). `avi` must be a
     * Motion-JPEG AVI of at most kMaxClipBytes that mjpegAviInfo() accepts (the video wall records
     * them); `startedAt` is the Clock ms of its first frame. The clip is checked and hashed off the
     * caller's thread. Published as `media.attached` (kind "clip") on the incident's timeline; audited.
     */
    QFuture<MediaItem> attachClip(qint64 incidentId, const QString& cameraId, const QByteArray& avi,
                                  qint64 startedAt, const CommandId& command = CommandId::make()) const;
    //! hub.video.view. The media of the incident (and of those merged into it) from cameras the
    //! user may watch, oldest frame first, without their bytes.
    QFuture<QList<MediaItem>> mediaFor(qint64 incidentId) const;
    //! hub.video.view and the camera's view permission. The bytes of a snapshot (PNG) or a clip
    //! (AVI), as their item's contentType says, checked against their hash; audited as
    //! `media.viewed` (refusals too).
    QFuture<QByteArray> mediaContent(qint64 mediaId) const;

private:
    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
    Outbox* m_outbox;
};

} // namespace hexhub
