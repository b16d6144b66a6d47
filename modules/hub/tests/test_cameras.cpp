// Live video in the core (issue 6): the camera registry and who may see which camera, which cameras
// see a place (distance and view cone), and snapshots and clips attached to an incident's record, on
// SQLite and PostgreSQL: the rules, the refusals, the journal and the audit, and a store from before
// clips brought forward with its snapshots.
#include "testsupport.h"

#include "security/audit.h"
#include "hexhub/hub/camera.h"
#include "base/clock.h"
#include "base/error.h"
#include "bus/event.h"
#include "hexhub/hub/hubservices.h"
#include "shared/mediaclip.h"
#include "store/migration.h"
#include "mjpegavi.h"
#include "security/session.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonDocument>
#include <QPainter>

#include <cmath>
#include <numbers>

using namespace hexhub;
using namespace hexhub::test;

namespace {

const GeoPoint kTower{31.2304, 121.4737};

// A point `north` and `east` metres from `from` (good enough within a few kilometres).
GeoPoint offset(const GeoPoint& from, double north, double east)
{
    constexpr double metresPerDegree = 6371008.8 * std::numbers::pi / 180;
    return GeoPoint{from.latitude + north / metresPerDegree,
                    from.longitude + east / (metresPerDegree * std::cos(from.latitude * std::numbers::pi / 180))};
}

Camera camera(const QString& id, CameraKind kind, std::optional<GeoPoint> at, double heading = 0, double fov = 60,
              double range = 200)
{
    Camera c;
    c.id = id;
    c.name = QStringLiteral("Camera ") + id;
    c.kind = kind;
    c.position = at;
    c.heading = heading;
    c.fieldOfView = fov;
    c.range = range;
    c.streamUrl = QStringLiteral("synthetic:") + id.toLower();
    c.agency = QStringLiteral("District police");
    return c;
}

QStringList ids(const QList<NearbyCamera>& cameras)
{
    QStringList out;
    for (const NearbyCamera& n : cameras)
        out << n.camera.id;
    return out;
}

QStringList ids(const QList<Camera>& cameras)
{
    QStringList out;
    for (const Camera& c : cameras)
        out << c.id;
    return out;
}

QByteArray png(int width = 64, int height = 36)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(20, 90, 160));
    for (int x = 0; x < width; ++x)
        image.setPixelColor(x, x * height / width, Qt::white);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(image.save(&buffer, "PNG"));
    return bytes;
}

// A clip as the video wall records them: `frames` pictures of a bar moving across, at `fps`.
QByteArray clip(int frames = 15, QSize size = QSize(160, 90), int fps = 10)
{
    MjpegAviWriter writer(size, fps);
    for (int i = 0; i < frames; ++i) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(QColor(40, 70, 110));
        QPainter painter(&image);
        painter.fillRect(QRect(i * size.width() / std::max(1, frames), 0, size.width() / 8, size.height()), Qt::yellow);
        painter.end();
        REQUIRE(writer.addFrame(image));
    }
    return writer.file();
}

quint32 le32At(const QByteArray& bytes, qsizetype at)
{
    return quint32(quint8(bytes[at])) | (quint32(quint8(bytes[at + 1])) << 8) | (quint32(quint8(bytes[at + 2])) << 16)
           | (quint32(quint8(bytes[at + 3])) << 24);
}

void setLe32(QByteArray& bytes, qsizetype at, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        bytes[at + i] = char((value >> (8 * i)) & 0xff);
}

struct Video
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    std::unique_ptr<IncidentService> incidents;
    std::unique_ptr<CameraService> cameras;
    std::unique_ptr<MediaService> media;

    explicit Video(const QString& role = QStringLiteral("hub_supervisor"))
    {
        tp.start();
        signInAs(tp, QStringLiteral("sup"), role);
        incidents = std::make_unique<IncidentService>(tp->store(), tp->session(), tp->audit());
        cameras = std::make_unique<CameraService>(tp->store(), tp->session(), tp->audit());
        media = std::make_unique<MediaService>(tp->store(), tp->session(), tp->audit());
    }
    SimulatedClock& clock() { return static_cast<SimulatedClock&>(tp->clock()); }
    void signIn(const QString& name, const QString& role) { signInAs(tp, name, role); }

    Incident createIncident()
    {
        NewIncident n;
        n.priority = 1;
        n.category = QStringLiteral("rooftop_rescue");
        n.summary = QStringLiteral("Person on the roof edge");
        n.location = Location{QStringLiteral("Harbour Tower"), kTower};
        return await(incidents->create(n));
    }
    QStringList audit()
    {
        QStringList out;
        for (const AuditRecord& r : await(tp->audit().page(0, 1000)))
            out << r.entry.action + u'/' + r.entry.outcome + u' ' + r.entry.object;
        return out;
    }
    QList<QJsonObject> journal(const QString& topic)
    {
        return await(tp->store().read([topic](Sql& sql) {
            QList<QJsonObject> out;
            QSqlQuery q = sql.exec(QStringLiteral("SELECT payload FROM events WHERE topic = ? ORDER BY seq"), {topic});
            while (q.next())
                out << QJsonDocument::fromJson(q.value(0).toByteArray()).object();
            return out;
        }));
    }
    int count(const QString& table)
    {
        return await(tp->store().read([table](Sql& sql) {
            return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table).toInt();
        }));
    }
};

} // namespace

TEST_CASE("Cameras: the registry's rules and the JSON form", "[cameras][domain]")
{
    Camera c = camera(QStringLiteral("CAM-0012"), CameraKind::Fixed, kTower, 45, 70, 150);
    c.lastFrameAt = 1234;
    c.positionAt = 99;
    CHECK(c.problem().isEmpty());
    const auto back = Camera::fromJson(c.toJson());
    REQUIRE(back.has_value());
    CHECK(*back == c);
    CHECK(cameraKindFromId(QStringLiteral("body_worn")) == CameraKind::BodyWorn);
    CHECK(cameraKindId(CameraKind::Ptz) == QStringLiteral("ptz"));
    CHECK(cameraKindName(CameraKind::Drone) == QStringLiteral("drone camera"));
    CHECK(cameraHealthId(CameraHealth::Offline) == QStringLiteral("offline"));
    QString why;
    CHECK_FALSE(Camera::fromJson(QJsonObject{{QStringLiteral("id"), QStringLiteral("CAM-1")},
                                             {QStringLiteral("kind"), QStringLiteral("satellite")}},
                                 &why));
    CHECK(why.contains(QStringLiteral("kind")));

    const auto problemWith = [&c](auto change) {
        Camera changed = c;
        change(changed);
        return changed.problem();
    };
    CHECK(problemWith([](Camera& x) { x.id = QStringLiteral("C"); }).contains(QStringLiteral("not a camera id")));
    CHECK(problemWith([](Camera& x) { x.id = QStringLiteral("CAM 12"); }).contains(QStringLiteral("not a camera id")));
    CHECK(problemWith([](Camera& x) { x.name = QStringLiteral("  "); }).contains(QStringLiteral("name")));
    CHECK(problemWith([](Camera& x) { x.position.reset(); }).contains(QStringLiteral("needs its position")));
    CHECK(problemWith([](Camera& x) { x.position = GeoPoint{95, 0}; }).contains(QStringLiteral("not on the earth")));
    CHECK(problemWith([](Camera& x) { x.heading = 360; }).contains(QStringLiteral("heading")));
    CHECK(problemWith([](Camera& x) { x.fieldOfView = 0; }).contains(QStringLiteral("field of view")));
    CHECK(problemWith([](Camera& x) { x.range = -5; }).contains(QStringLiteral("range")));
    CHECK(problemWith([](Camera& x) { x.viewPermission = QStringLiteral("Video"); }).contains(QStringLiteral("permission")));
    // A body-worn camera or a drone on the ground has no position of its own.
    CHECK(problemWith([](Camera& x) { x.kind = CameraKind::BodyWorn; x.position.reset(); }).isEmpty());

    for (const char* good : {"rtsp://10.0.0.7:554/stream1", "rtsps://cam.example/live", "http://cam.example/hls/index.m3u8",
                             "https://user:secret@cam.example/live", "file:///srv/clips/roof.mp4", "synthetic:rooftop-drone"})
        CHECK(Camera::isValidStreamUrl(QString::fromLatin1(good)));
    for (const char* bad : {"", "ftp://cam.example/x", "rtsp://", "http:///path", "file:roof.mp4", "synthetic:",
                            "javascript:alert(1)", " rtsp://cam.example/x", "cam.example/live"})
        CHECK_FALSE(Camera::isValidStreamUrl(QString::fromLatin1(bad)));
    CHECK(problemWith([](Camera& x) { x.streamUrl = QStringLiteral("ftp://cam/x"); }).contains(QStringLiteral("rtsp://")));
}

TEST_CASE("Cameras nearby: those that see the place first, then by distance", "[cameras][domain]")
{
    const GeoPoint p = kTower;
    QList<Camera> all{
        // 50 m north, facing north: close, but looks away from the place.
        camera(QStringLiteral("CAM-AWAY"), CameraKind::Fixed, offset(p, 50, 0), 0, 60, 200),
        // 150 m east, facing west: farther, but the place is in its cone.
        camera(QStringLiteral("CAM-FACING"), CameraKind::Fixed, offset(p, 0, 150), 270, 60, 200),
        // 100 m south, facing south: a PTZ camera turns to any direction.
        camera(QStringLiteral("CAM-PTZ"), CameraKind::Ptz, offset(p, -100, 0), 180, 60, 200),
        // 300 m west, facing east: the right way, but it sees only 200 m.
        camera(QStringLiteral("CAM-FAR"), CameraKind::Fixed, offset(p, 0, -300), 90, 60, 200),
        // Drones see the ground within their footprint, whichever way they face.
        camera(QStringLiteral("DRONE-1"), CameraKind::Drone, offset(p, 120, 0), 0, 90, 150),
        camera(QStringLiteral("DRONE-2"), CameraKind::Drone, offset(p, -200, 0), 0, 90, 150),
        // Beyond the search radius, and without a position: not listed.
        camera(QStringLiteral("CAM-OTHER"), CameraKind::Ptz, offset(p, 800, 0)),
        camera(QStringLiteral("BODY-1"), CameraKind::BodyWorn, std::nullopt),
    };
    const QList<NearbyCamera> near = camerasNearby(p, all, 500);
    CHECK(ids(near) == QStringList{QStringLiteral("CAM-PTZ"), QStringLiteral("DRONE-1"), QStringLiteral("CAM-FACING"),
                                   QStringLiteral("CAM-AWAY"), QStringLiteral("DRONE-2"), QStringLiteral("CAM-FAR")});
    REQUIRE(near.size() == 6);
    CHECK(near[0].sees);
    CHECK(near[0].metres == Approx(100).margin(0.5));
    CHECK(near[0].reason.contains(QStringLiteral("any direction")));
    CHECK(near[1].sees);
    CHECK(near[1].reason.contains(QStringLiteral("Inside the drone's footprint")));
    CHECK(near[2].sees);
    CHECK(near[2].metres == Approx(150).margin(0.5));
    CHECK(near[2].reason.contains(QStringLiteral("Faces the place")));
    CHECK_FALSE(near[3].sees);
    CHECK(near[3].metres == Approx(50).margin(0.5));
    CHECK(near[3].reason.contains(QStringLiteral("Faces away")));
    CHECK(near[3].reason.contains(QStringLiteral("180")));
    CHECK_FALSE(near[4].sees);
    CHECK(near[4].reason.contains(QStringLiteral("Outside the drone's footprint")));
    CHECK_FALSE(near[5].sees);
    CHECK(near[5].reason.contains(QStringLiteral("Out of range")));

    // The cone's edge: 25 degrees off a 60-degree view is in, 35 degrees off is out.
    const GeoPoint east = offset(p, 0, 100);
    Camera edge = camera(QStringLiteral("CAM-EDGE"), CameraKind::Fixed, east, 270 + 25, 60, 200);
    CHECK(camerasNearby(p, {edge}, 500).value(0).sees);
    edge.heading = 270 - 35;
    CHECK_FALSE(camerasNearby(p, {edge}, 500).value(0).sees);
    // Across north: heading 350 sees a place at bearing 10.
    Camera north = camera(QStringLiteral("CAM-N"), CameraKind::Fixed, offset(p, -100, -17.6), 350, 60, 200);
    CHECK(camerasNearby(p, {north}, 500).value(0).sees);
    CHECK(camerasNearby(p, {north}, 50).isEmpty());
}

TEST_CASE("Cameras: the registry lists only what the user may watch, and changes need hub.camera.manage", "[cameras]")
{
    Video v;
    Camera open = camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270);
    open.streamUrl = QStringLiteral("rtsp://viewer:s3cret@10.0.0.7/stream1");
    Camera restricted = camera(QStringLiteral("CAM-0002"), CameraKind::Ptz, offset(kTower, 60, 0));
    restricted.viewPermission = QStringLiteral("hub.camera.manage"); // the hub's supervisors only
    const Camera saved = await(v.cameras->save(open));
    CHECK(saved.version == 1);
    CHECK(saved.health == CameraHealth::Unknown);
    CHECK(saved.streamUrl == open.streamUrl);
    await(v.cameras->save(restricted));
    CHECK(ids(await(v.cameras->cameras())) == QStringList{QStringLiteral("CAM-0001"), QStringLiteral("CAM-0002")});

    // Changed: audited with what changed; the journal never carries the stream's password.
    open.name = QStringLiteral("Harbour Tower east");
    CHECK(await(v.cameras->save(open)).version == 2);
    CHECK(v.audit().count(QStringLiteral("camera.saved/success camera:CAM-0001")) == 2);
    const QList<QJsonObject> events = v.journal(QStringLiteral("camera.saved"));
    REQUIRE(events.size() == 3);
    CHECK(events[2].value(QStringLiteral("name")).toString() == QStringLiteral("Harbour Tower east"));
    CHECK(events[2].value(QStringLiteral("streamUrl")).toString() == QStringLiteral("rtsp://viewer@10.0.0.7/stream1"));
    QStringList details;
    for (const AuditRecord& r : await(v.tp->audit().page(0, 1000))) {
        if (r.entry.action == QStringLiteral("camera.saved"))
            details << r.entry.detail;
    }
    REQUIRE(details.size() == 3);
    CHECK(details[2] == QStringLiteral("changed: name"));
    CHECK_FALSE(details.join(u' ').contains(QStringLiteral("s3cret")));

    // Rules break before anything is written; the view permission must exist.
    Camera bad = camera(QStringLiteral("CAM-0003"), CameraKind::Fixed, kTower);
    bad.streamUrl = QStringLiteral("smb://share/cam");
    CHECK_THROWS_AS(await(v.cameras->save(bad)), ValidationError);
    bad = camera(QStringLiteral("CAM-0003"), CameraKind::Fixed, kTower);
    bad.viewPermission = QStringLiteral("hub.video.secret");
    CHECK(failureOf(v.cameras->save(bad)).contains(QStringLiteral("no permission 'hub.video.secret'")));
    CHECK(v.count(QStringLiteral("hub_cameras")) == 2);

    // An operator watches the open camera only, here and nearby, and may not change the registry.
    v.signIn(QStringLiteral("op"), QStringLiteral("basic_control_operator"));
    CHECK(ids(await(v.cameras->cameras())) == QStringList{QStringLiteral("CAM-0001")});
    CHECK(ids(await(v.cameras->nearby(kTower, 500))) == QStringList{QStringLiteral("CAM-0001")});
    CHECK(failureOf(v.cameras->save(open)).contains(QStringLiteral("hub.camera.manage")));
    CHECK_THROWS_AS(await(v.cameras->save(open)), PermissionDenied);
    CHECK(v.audit().count(QStringLiteral("camera.saved/denied camera:CAM-0001")) == 2);
    CHECK(await(v.tp->store().read([](Sql& sql) {
              return sql.scalar(QStringLiteral("SELECT name FROM hub_cameras WHERE id = 'CAM-0001'")).toString();
          }))
          == QStringLiteral("Harbour Tower east"));

    // Someone without hub.video.view sees no cameras at all.
    v.signIn(QStringLiteral("aud"), QStringLiteral("auditor"));
    CHECK_THROWS_AS(await(v.cameras->cameras()), PermissionDenied);
    CHECK_THROWS_AS(await(v.cameras->nearby(kTower, 500)), PermissionDenied);
}

TEST_CASE("Cameras: health reports and drone telemetry", "[cameras]")
{
    Video v;
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));
    await(v.cameras->save(camera(QStringLiteral("DRONE-1"), CameraKind::Drone, std::nullopt, 0, 90, 120)));
    const qint64 t0 = v.clock().nowMs();

    await(v.cameras->reportHealth(QStringLiteral("CAM-0001"), true, t0));
    await(v.cameras->reportHealth(QStringLiteral("CAM-0001"), true, t0 + 5000));
    await(v.cameras->reportHealth(QStringLiteral("CAM-0001"), true, t0 + 1000)); // late, out of order
    Camera cam = await(v.cameras->cameras()).value(0);
    CHECK(cam.health == CameraHealth::Online);
    CHECK(cam.lastFrameAt == t0 + 5000);
    CHECK(cam.version == 1);
    await(v.cameras->reportHealth(QStringLiteral("CAM-0001"), false, 0));
    // Journaled when the health changes, not on every report.
    const QList<QJsonObject> health = v.journal(QStringLiteral("camera.health"));
    REQUIRE(health.size() == 2);
    CHECK(health[0].value(QStringLiteral("health")).toString() == QStringLiteral("online"));
    CHECK(health[1].value(QStringLiteral("health")).toString() == QStringLiteral("offline"));
    CHECK(health[1].value(QStringLiteral("lastFrameAt")).toInteger() == t0 + 5000);
    CHECK_THROWS_AS(await(v.cameras->reportHealth(QStringLiteral("CAM-9999"), true, t0)), NotFoundError);

    // A drone moves with its telemetry, and sees what is below it.
    CHECK(ids(await(v.cameras->nearby(kTower, 500))) == QStringList{QStringLiteral("CAM-0001")});
    await(v.cameras->reportTelemetry(QStringLiteral("DRONE-1"), offset(kTower, 50, 0), -90));
    const QList<NearbyCamera> near = await(v.cameras->nearby(kTower, 500));
    CHECK(ids(near) == QStringList{QStringLiteral("DRONE-1"), QStringLiteral("CAM-0001")});
    CHECK(near[0].sees);
    CHECK(near[0].camera.heading == Approx(270));
    CHECK(near[0].camera.positionAt == v.clock().nowMs());
    const QList<QJsonObject> moved = v.journal(QStringLiteral("camera.position"));
    REQUIRE(moved.size() == 1);
    CHECK(moved[0].value(QStringLiteral("camera")).toString() == QStringLiteral("DRONE-1"));
    // Renaming the drone from an older copy of its entry does not put it back where it was.
    Camera stale = camera(QStringLiteral("DRONE-1"), CameraKind::Drone, offset(kTower, -400, 0), 0, 90, 120);
    stale.name = QStringLiteral("Drone one");
    const Camera renamed = await(v.cameras->save(stale));
    CHECK(renamed.name == QStringLiteral("Drone one"));
    CHECK(renamed.position == near[0].camera.position);
    CHECK(renamed.heading == Approx(270));
    CHECK(failureOf(v.cameras->reportTelemetry(QStringLiteral("CAM-0001"), kTower, 0)).contains(QStringLiteral("registry")));
    CHECK_THROWS_AS(await(v.cameras->reportTelemetry(QStringLiteral("DRONE-1"), GeoPoint{0, 200}, 0)), ValidationError);

    // An auditor may not report.
    v.signIn(QStringLiteral("aud"), QStringLiteral("auditor"));
    CHECK_THROWS_AS(await(v.cameras->reportHealth(QStringLiteral("CAM-0001"), true, t0)), PermissionDenied);
}

TEST_CASE("Snapshots: attached to the incident's record with hash and camera, journaled and audited", "[cameras]")
{
    Video v;
    const Incident incident = v.createIncident();
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));
    Camera restricted = camera(QStringLiteral("CAM-0002"), CameraKind::Ptz, offset(kTower, 60, 0));
    restricted.viewPermission = QStringLiteral("hub.camera.manage");
    await(v.cameras->save(restricted));

    const QByteArray image = png(64, 36);
    const qint64 takenAt = v.clock().nowMs() - 2000;
    const MediaItem item = await(v.media->attachSnapshot(incident.id, QStringLiteral("CAM-0001"), image, takenAt));
    CHECK(item.id > 0);
    CHECK(item.incidentId == incident.id);
    CHECK(item.sha256 == QString::fromLatin1(QCryptographicHash::hash(image, QCryptographicHash::Sha256).toHex()));
    CHECK(item.size == QSize(64, 36));
    CHECK(item.bytes == image.size());
    CHECK(item.takenAt == takenAt);
    CHECK(item.createdBy == QStringLiteral("sup"));
    const MediaItem second = await(v.media->attachSnapshot(incident.id, QStringLiteral("CAM-0002"), png(32, 32), takenAt + 500));

    // On the incident's timeline, and audited.
    const QList<TimelineEntry> timeline = await(v.incidents->timeline(incident.id));
    QStringList attached;
    for (const TimelineEntry& e : timeline) {
        if (e.topic == QStringLiteral("media.attached"))
            attached << e.text;
    }
    CHECK(attached == QStringList{QStringLiteral("Snapshot from camera Camera CAM-0001 (CAM-0001) attached"),
                                  QStringLiteral("Snapshot from camera Camera CAM-0002 (CAM-0002) attached")});
    Event journaled;
    journaled.topic = QStringLiteral("media.attached");
    journaled.payload = v.journal(QStringLiteral("media.attached")).value(0);
    const auto payload = payloadAs<MediaAttached>(journaled);
    REQUIRE(payload.has_value());
    CHECK(payload->media.sha256 == item.sha256);
    CHECK(payload->incidentNumber == incident.number);
    CHECK(v.audit().contains(QStringLiteral("media.attached/success media:%1").arg(item.id)));

    // Listed without the bytes; the bytes come back whole, and each viewing is audited.
    const QList<MediaItem> listed = await(v.media->mediaFor(incident.id));
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].id == item.id);
    CHECK(listed[0].cameraName == QStringLiteral("Camera CAM-0001"));
    CHECK(listed[0].sha256 == item.sha256);
    CHECK(listed[1].id == second.id);
    CHECK(await(v.media->mediaContent(item.id)) == image);
    CHECK(v.audit().count(QStringLiteral("media.viewed/success media:%1").arg(item.id)) == 1);
    CHECK_THROWS_AS(await(v.media->mediaContent(99999)), NotFoundError);

    // Evidence stays as attached: the store refuses to change or delete it.
    CHECK_THROWS_AS(await(v.tp->store().write([](WriteTransaction& txn) {
                        txn.exec(QStringLiteral("UPDATE hub_media SET sha256 = ?"), {QString(64, u'0')});
                    })),
                    StoreError);
    CHECK_THROWS_AS(await(v.tp->store().write([](WriteTransaction& txn) { txn.exec(QStringLiteral("DELETE FROM hub_media")); })),
                    StoreError);
    CHECK(v.count(QStringLiteral("hub_media")) == 2);
}

TEST_CASE("Snapshots: what is not a PNG is refused, and so is what the user may not take or see", "[cameras]")
{
    Video v;
    const Incident incident = v.createIncident();
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));
    Camera restricted = camera(QStringLiteral("CAM-0002"), CameraKind::Ptz, offset(kTower, 60, 0));
    restricted.viewPermission = QStringLiteral("hub.camera.manage");
    await(v.cameras->save(restricted));
    const qint64 now = v.clock().nowMs();
    const QString cam = QStringLiteral("CAM-0001");

    // Not a PNG, a cut-off PNG, a damaged one, one too large: each refused with the reason.
    CHECK(failureOf(v.media->attachSnapshot(incident.id, cam, QByteArray("GIF89a....", 10), now)).contains(QStringLiteral("not a PNG")));
    const QByteArray good = png();
    CHECK(failureOf(v.media->attachSnapshot(incident.id, cam, good.left(good.size() - 20), now)).contains(QStringLiteral("cut short")));
    QByteArray damaged = good;
    damaged[damaged.size() - 20] = char(damaged[damaged.size() - 20] ^ 0x55); // in the image data
    CHECK(failureOf(v.media->attachSnapshot(incident.id, cam, damaged, now)).contains(QStringLiteral("checksum")));
    CHECK(failureOf(v.media->attachSnapshot(incident.id, cam, good + QByteArray("tail"), now)).contains(QStringLiteral("after its end")));
    QByteArray huge = good;
    huge.append(QByteArray(MediaService::kMaxImageBytes, '\0'));
    CHECK(failureOf(v.media->attachSnapshot(incident.id, cam, huge, now)).contains(QStringLiteral("at most 20 MB")));
    CHECK_THROWS_AS(await(v.media->attachSnapshot(incident.id, cam, QByteArray(), now)), ValidationError);
    CHECK_THROWS_AS(await(v.media->attachSnapshot(incident.id + 100, cam, good, now)), NotFoundError);
    CHECK_THROWS_AS(await(v.media->attachSnapshot(incident.id, QStringLiteral("CAM-9999"), good, now)), NotFoundError);
    CHECK(v.count(QStringLiteral("hub_media")) == 0);

    const MediaItem open = await(v.media->attachSnapshot(incident.id, cam, good, now));
    const MediaItem hidden = await(v.media->attachSnapshot(incident.id, QStringLiteral("CAM-0002"), good, now));

    // An operator watches video but takes no snapshots; the refusal is audited.
    v.signIn(QStringLiteral("op"), QStringLiteral("basic_control_operator"));
    CHECK(failureOf(v.media->attachSnapshot(incident.id, cam, good, now)).contains(QStringLiteral("hub.video.snapshot")));
    CHECK(v.audit().contains(QStringLiteral("media.attached/denied incident:%1").arg(incident.id)));
    // They see the media of the cameras they may watch, and no other.
    const QList<MediaItem> listed = await(v.media->mediaFor(incident.id));
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].id == open.id);
    CHECK(await(v.media->mediaContent(open.id)) == good);
    CHECK(failureOf(v.media->mediaContent(hidden.id)).contains(QStringLiteral("hub.camera.manage")));
    CHECK_THROWS_AS(await(v.media->mediaContent(hidden.id)), PermissionDenied);
    const QStringList audit = v.audit();
    CHECK(audit.count(QStringLiteral("media.viewed/denied media:%1").arg(hidden.id)) == 2);
    CHECK(audit.count(QStringLiteral("media.viewed/success media:%1").arg(open.id)) == 1);

    // Without hub.video.view nothing is shown, and the attempt is on record.
    v.signIn(QStringLiteral("aud"), QStringLiteral("auditor"));
    CHECK_THROWS_AS(await(v.media->mediaContent(open.id)), PermissionDenied);
    CHECK_THROWS_AS(await(v.media->mediaFor(incident.id)), PermissionDenied);
    CHECK(v.audit().count(QStringLiteral("media.viewed/denied media:%1").arg(open.id)) == 1);
}

TEST_CASE("Snapshots: nothing more is attached to a closed or cancelled incident", "[cameras]")
{
    Video v;
    const Incident incident = v.createIncident();
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));
    await(v.incidents->moveTo(incident.id, IncidentStatus::Cancelled, QStringLiteral("False alarm, nobody on the roof")));
    CHECK(failureOf(v.media->attachSnapshot(incident.id, QStringLiteral("CAM-0001"), png(), v.clock().nowMs()))
              .contains(QStringLiteral("nothing more is attached")));
    CHECK(v.count(QStringLiteral("hub_media")) == 0);
}

TEST_CASE("Clips: a Motion-JPEG AVI is read whole, and what is not one is refused with the reason", "[cameras][domain]")
{
    const QByteArray avi = clip(15, QSize(160, 90), 10);
    QString why;
    const std::optional<ClipInfo> info = mjpegAviInfo(avi, &why);
    INFO(why.toStdString());
    REQUIRE(info.has_value());
    CHECK(info->size == QSize(160, 90));
    CHECK(info->frames == 15);
    CHECK(info->fps == Approx(10));
    CHECK(info->durationMs == 1500);
    REQUIRE(info->frameSpans.size() == 15);
    const QImage first = QImage::fromData(info->frame(avi, 0), "JPEG");
    CHECK(first.size() == QSize(160, 90));
    CHECK(QColor(first.pixel(100, 45)).blue() > 80); // the background, not the bar

    const auto refusal = [](const QByteArray& bytes) {
        QString error;
        CHECK_FALSE(mjpegAviInfo(bytes, &error).has_value());
        CHECK_FALSE(error.isEmpty());
        return error;
    };
    CHECK(refusal(QByteArray()).contains(QStringLiteral("empty")));
    CHECK(refusal(QByteArray("RIFF\x04\x00\x00\x00WAVE", 12)).contains(QStringLiteral("not an AVI")));
    CHECK(refusal(avi.left(avi.size() - 100)).contains(QStringLiteral("cut short")));
    CHECK(refusal(avi + QByteArray("tail")).contains(QStringLiteral("after its end")));

    // The main header: RIFF (12), LIST hdrl (8 + 4), then avih (8); its frame count 16 bytes in.
    const qsizetype avih = 12 + 12 + 8;
    REQUIRE(avi.mid(avih - 8, 4) == "avih");
    REQUIRE(le32At(avi, avih + 16) == 15);
    QByteArray miscounted = avi;
    setLe32(miscounted, avih + 16, 14);
    CHECK(refusal(miscounted).contains(QStringLiteral("do not add up")));

    // Not Motion-JPEG: the stream format's compression says another codec.
    QByteArray h264 = avi;
    const qsizetype strf = h264.indexOf("strf");
    REQUIRE(strf > 0);
    h264.replace(strf + 8 + 16, 4, "H264");
    CHECK(refusal(h264).contains(QStringLiteral("not Motion-JPEG")));
    QByteArray audio = avi;
    const qsizetype strh = audio.indexOf("strh");
    audio.replace(strh + 8, 4, "auds");
    CHECK(refusal(audio).contains(QStringLiteral("not video")));

    // A frame that is not a JPEG picture, a chunk that runs past its list, an index that points
    // elsewhere.
    QByteArray notJpeg = avi;
    notJpeg[info->frameSpans[3].offset] = '\0';
    CHECK(refusal(notJpeg).contains(QStringLiteral("Frame 4 of the clip is not a JPEG picture")));
    QByteArray overrun = avi;
    setLe32(overrun, info->frameSpans[0].offset - 4, 0x7ffffff0u);
    CHECK(refusal(overrun).contains(QStringLiteral("runs past its end")));
    QByteArray misindexed = avi;
    const qsizetype idx1 = misindexed.lastIndexOf("idx1");
    REQUIRE(idx1 > 0);
    setLe32(misindexed, idx1 + 8 + 16 * 2 + 8, le32At(misindexed, idx1 + 8 + 16 * 2 + 8) + 2);
    CHECK(refusal(misindexed).contains(QStringLiteral("index does not point at frame 3")));
    QByteArray noIndex = avi;
    noIndex.replace(idx1, 4, "JUNK");
    CHECK(refusal(noIndex).contains(QStringLiteral("no index")));
    // A JPEG of another size than the stream's.
    MjpegAviWriter other(QSize(160, 90), 10);
    QImage small(80, 45, QImage::Format_RGB32);
    small.fill(Qt::gray);
    CHECK_FALSE(other.addJpeg(MjpegAviWriter::encodeJpeg(small)));
    CHECK(other.frameCount() == 0);
}

TEST_CASE("Clips: attached to the incident's record with kind, duration and hash, journaled and audited", "[cameras]")
{
    Video v;
    const Incident incident = v.createIncident();
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));

    const QByteArray avi = clip(15);
    const qint64 startedAt = v.clock().nowMs() - 5000;
    const MediaItem item = await(v.media->attachClip(incident.id, QStringLiteral("CAM-0001"), avi, startedAt));
    CHECK(item.id > 0);
    CHECK(item.kind == QStringLiteral("clip"));
    CHECK(item.isClip());
    CHECK(item.contentType == QStringLiteral("video/x-msvideo"));
    CHECK(item.takenAt == startedAt);
    CHECK(item.durationMs == 1500);
    CHECK(item.frameCount == 15);
    CHECK(item.size == QSize(160, 90));
    CHECK(item.bytes == avi.size());
    CHECK(item.sha256 == QString::fromLatin1(QCryptographicHash::hash(avi, QCryptographicHash::Sha256).toHex()));
    CHECK(item.cameraName == QStringLiteral("Camera CAM-0001"));
    const MediaItem snapshot = await(v.media->attachSnapshot(incident.id, QStringLiteral("CAM-0001"), png(), startedAt + 1000));

    // Listed with the snapshot, oldest first, each saying what it is.
    const QList<MediaItem> listed = await(v.media->mediaFor(incident.id));
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].id == item.id);
    CHECK(listed[0].kind == QStringLiteral("clip"));
    CHECK(listed[0].contentType == QStringLiteral("video/x-msvideo"));
    CHECK(listed[0].durationMs == 1500);
    CHECK(listed[0].frameCount == 15);
    CHECK(listed[0].sha256 == item.sha256);
    CHECK(listed[0].size == QSize(160, 90));
    CHECK(listed[1].id == snapshot.id);
    CHECK(listed[1].kind == QStringLiteral("snapshot"));
    CHECK(listed[1].contentType == QStringLiteral("image/png"));
    CHECK(listed[1].durationMs == 0);
    CHECK(listed[1].frameCount == 1);
    // Through JSON and back, as the bus carries it.
    const std::optional<MediaItem> copied = MediaItem::fromJson(listed[0].toJson());
    REQUIRE(copied.has_value());
    CHECK(copied->durationMs == 1500);
    CHECK(copied->frameCount == 15);
    CHECK(copied->contentType == QStringLiteral("video/x-msvideo"));

    // On the incident's timeline, journaled with its kind, and audited.
    QStringList attached;
    for (const TimelineEntry& e : await(v.incidents->timeline(incident.id))) {
        if (e.topic == QStringLiteral("media.attached"))
            attached << e.text;
    }
    CHECK(attached == QStringList{QStringLiteral("Clip from camera Camera CAM-0001 (CAM-0001) attached, 1.5 s"),
                                  QStringLiteral("Snapshot from camera Camera CAM-0001 (CAM-0001) attached")});
    Event journaled;
    journaled.topic = QStringLiteral("media.attached");
    journaled.payload = v.journal(QStringLiteral("media.attached")).value(0);
    const auto payload = payloadAs<MediaAttached>(journaled);
    REQUIRE(payload.has_value());
    CHECK(payload->media.kind == QStringLiteral("clip"));
    CHECK(payload->media.durationMs == 1500);
    CHECK(payload->media.sha256 == item.sha256);
    CHECK(payload->incidentNumber == incident.number);
    CHECK(v.audit().contains(QStringLiteral("media.attached/success media:%1").arg(item.id)));

    // The bytes come back whole, still a clip, and the viewing is audited.
    const QByteArray back = await(v.media->mediaContent(item.id));
    CHECK(back == avi);
    CHECK(mjpegAviInfo(back).value_or(ClipInfo{}).frames == 15);
    CHECK(v.audit().count(QStringLiteral("media.viewed/success media:%1").arg(item.id)) == 1);

    // Evidence stays as attached, clips as snapshots; and the store holds each kind to its own rules.
    CHECK_THROWS_AS(await(v.tp->store().write([](WriteTransaction& txn) {
                        txn.exec(QStringLiteral("UPDATE hub_media SET duration_ms = 1 WHERE kind = 'clip'"));
                    })),
                    StoreError);
    CHECK_THROWS_AS(await(v.tp->store().write([](WriteTransaction& txn) {
                        txn.exec(QStringLiteral("DELETE FROM hub_media WHERE kind = 'clip'"));
                    })),
                    StoreError);
    const auto insert = [&](const QString& kind, const QString& type, const QVariant& duration) {
        return failureOf(v.tp->store().write([=, &incident](WriteTransaction& txn) {
            txn.exec(QStringLiteral("INSERT INTO hub_media (incident_id, camera_id, kind, content_type, taken_at, duration_ms, "
                                    "frame_count, sha256, width, height, byte_size, content, created_by, created_at) "
                                    "VALUES (?, 'CAM-0001', ?, ?, 1, ?, 1, ?, 1, 1, 3, ?, 'x', 1)"),
                     {incident.id, kind, type, duration, QString(64, u'0'), QByteArray("abc")});
        }));
    };
    CHECK_FALSE(insert(QStringLiteral("clip"), QStringLiteral("image/png"), 100).isEmpty());
    CHECK_FALSE(insert(QStringLiteral("snapshot"), QStringLiteral("image/png"), 100).isEmpty());
    CHECK_FALSE(insert(QStringLiteral("clip"), QStringLiteral("video/x-msvideo"), QVariant()).isEmpty());
    CHECK_FALSE(insert(QStringLiteral("film"), QStringLiteral("video/x-msvideo"), 100).isEmpty());
    CHECK(v.count(QStringLiteral("hub_media")) == 2);
}

TEST_CASE("Clips: what is not a whole Motion-JPEG AVI is refused and nothing is stored", "[cameras]")
{
    Video v;
    const Incident incident = v.createIncident();
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));
    const QString cam = QStringLiteral("CAM-0001");
    const qint64 now = v.clock().nowMs();
    const QByteArray good = clip(5);

    CHECK(failureOf(v.media->attachClip(incident.id, cam, QByteArray(), now)).contains(QStringLiteral("empty")));
    CHECK(failureOf(v.media->attachClip(incident.id, cam, png(), now)).contains(QStringLiteral("not an AVI")));
    const QString cut = failureOf(v.media->attachClip(incident.id, cam, good.left(good.size() / 2), now));
    CHECK(cut.contains(QStringLiteral("The clip cannot be attached")));
    CHECK(cut.contains(QStringLiteral("cut short")));
    QByteArray notMjpeg = good;
    notMjpeg.replace(notMjpeg.indexOf("strf") + 8 + 16, 4, "XVID");
    CHECK(failureOf(v.media->attachClip(incident.id, cam, notMjpeg, now)).contains(QStringLiteral("not Motion-JPEG")));
    CHECK_THROWS_AS(await(v.media->attachClip(incident.id, cam, good + QByteArray("x"), now)), ValidationError);
    QByteArray huge = good;
    huge.append(QByteArray(MediaService::kMaxClipBytes, '\0'));
    CHECK(failureOf(v.media->attachClip(incident.id, cam, huge, now)).contains(QStringLiteral("at most 64 MB")));
    huge.clear();
    CHECK_THROWS_AS(await(v.media->attachClip(incident.id, cam, good, 0)), ValidationError);
    CHECK(failureOf(v.media->attachClip(incident.id, cam, good, now + 3600 * 1000)).contains(QStringLiteral("future")));
    CHECK_THROWS_AS(await(v.media->attachClip(incident.id + 100, cam, good, now)), NotFoundError);
    CHECK_THROWS_AS(await(v.media->attachClip(incident.id, QStringLiteral("CAM-9999"), good, now)), NotFoundError);
    CHECK(v.count(QStringLiteral("hub_media")) == 0);
    CHECK(v.journal(QStringLiteral("media.attached")).isEmpty());
}

TEST_CASE("Clips: refused without the snapshot permission or the camera's, and on a closed incident", "[cameras]")
{
    Video v;
    const Incident incident = v.createIncident();
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));
    Camera restricted = camera(QStringLiteral("CAM-0002"), CameraKind::Ptz, offset(kTower, 60, 0));
    restricted.viewPermission = QStringLiteral("hub.camera.manage");
    await(v.cameras->save(restricted));
    const qint64 now = v.clock().nowMs();
    const QByteArray avi = clip(3);

    // An operator watches video but attaches nothing; the refusal is on record.
    v.signIn(QStringLiteral("op"), QStringLiteral("basic_control_operator"));
    CHECK(failureOf(v.media->attachClip(incident.id, QStringLiteral("CAM-0001"), avi, now)).contains(QStringLiteral("hub.video.snapshot")));
    CHECK(v.audit().contains(QStringLiteral("media.attached/denied incident:%1").arg(incident.id)));
    // A trainer may attach, but not from a camera they may not watch.
    v.signIn(QStringLiteral("trn"), QStringLiteral("trainer"));
    const QString hidden = failureOf(v.media->attachClip(incident.id, QStringLiteral("CAM-0002"), avi, now));
    CHECK(hidden.contains(QStringLiteral("hub.camera.manage")));
    CHECK(v.audit().count(QStringLiteral("media.attached/denied incident:%1").arg(incident.id)) == 2);
    CHECK(v.count(QStringLiteral("hub_media")) == 0);
    const MediaItem open = await(v.media->attachClip(incident.id, QStringLiteral("CAM-0001"), avi, now));
    CHECK(open.createdBy == QStringLiteral("trn"));

    // A cancelled incident takes nothing more.
    v.signIn(QStringLiteral("sup2"), QStringLiteral("hub_supervisor"));
    await(v.incidents->moveTo(incident.id, IncidentStatus::Cancelled, QStringLiteral("False alarm, nobody on the roof")));
    CHECK(failureOf(v.media->attachClip(incident.id, QStringLiteral("CAM-0001"), avi, now)).contains(QStringLiteral("nothing more is attached")));
    CHECK(v.count(QStringLiteral("hub_media")) == 1);
}

TEST_CASE("Hub migration 0006: a store with snapshots from before clips keeps them, append-only", "[cameras][migrations]")
{
    // A store as the build before clips left it: the core's migrations and the hub's first five,
    // read from the source folder (the same files the hub module carries, so their checksums match).
    SimulatedClock clock(TestPlatform::simulatedStart());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("before-clips.db"));
    const StoreUrl url = onPostgres() ? createTestDatabase() : StoreUrl::sqlite(path);
    const QByteArray image = png(48, 27);
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(image, QCryptographicHash::Sha256).toHex());
    qint64 incidentId = 0;
    QList<qint64> snapshots;
    {
        Store old(Store::Options{url, 1}, clock);
        await(old.open());
        const QString dialect = old.dialect().name();
        Migrator migrator(old);
        migrator.add(Migration::fromFolder(QStringLiteral("core"), QStringLiteral(":/hexhub/core/sql"), dialect));
        const QList<Migration> hub =
            Migration::fromFolder(QStringLiteral("hub"), QStringLiteral(HEXHUB_TEST_SOURCE_DIR "/modules/hub/sql"), dialect);
        REQUIRE(hub.size() >= 6);
        REQUIRE(hub[4].name == QStringLiteral("cameras_media"));
        migrator.add(hub.mid(0, 5));
        const MigrationReport report = await(migrator.apply());
        REQUIRE(report.failures.isEmpty());
        const qint64 t = clock.nowMs();
        incidentId = await(old.write([t](WriteTransaction& txn) {
            return txn.insert(QStringLiteral("INSERT INTO hub_incidents (number, priority, category, source, summary, created_at, "
                                             "updated_at) VALUES ('2026-000001', 1, 'rooftop_rescue', 'call', 'Before clips', ?, ?)"),
                              {t, t});
        }));
        snapshots = await(old.write([&, t](WriteTransaction& txn) {
            txn.exec(QStringLiteral("INSERT INTO hub_cameras (id, name, kind, latitude, longitude, heading, field_of_view, range_m, "
                                    "stream_url, created_at, updated_at) VALUES ('CAM-0001', 'Old camera', 'fixed', ?, ?, 0, 90, "
                                    "100, 'synthetic:street', ?, ?)"),
                     {kTower.latitude, kTower.longitude, t, t});
            QList<qint64> ids;
            for (int i = 0; i < 2; ++i) {
                ids << txn.insert(QStringLiteral("INSERT INTO hub_media (incident_id, camera_id, kind, taken_at, sha256, width, height, "
                                                 "byte_size, png, created_by, created_at) VALUES (?, 'CAM-0001', 'snapshot', ?, ?, "
                                                 "48, 27, ?, ?, 'sup', ?)"),
                                  {incidentId, t - 1000 + i, sha256, qint64(image.size()), image, t});
            }
            return ids;
        }));
    }

    // This build opens it: the hub's migration 0006 runs.
    TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
    if (onPostgres())
        config.store = url;
    else
        config.storePath = path;
    TestPlatform tp(config);
    if (onPostgres())
        tp.database = url; // dropped with the platform
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    CHECK(await(tp->store().read([](Sql& sql) {
              return sql.scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations WHERE module = 'hub'")).toInt();
          })) >= 6);

    MediaService media(tp->store(), tp->session(), tp->audit());
    const QList<MediaItem> kept = await(media.mediaFor(incidentId));
    REQUIRE(kept.size() == 2);
    for (int i = 0; i < 2; ++i) {
        CHECK(kept[i].id == snapshots[i]);
        CHECK(kept[i].kind == QStringLiteral("snapshot"));
        CHECK(kept[i].contentType == QStringLiteral("image/png"));
        CHECK(kept[i].durationMs == 0);
        CHECK(kept[i].frameCount == 1);
        CHECK(kept[i].size == QSize(48, 27));
        CHECK(kept[i].sha256 == sha256);
        CHECK(kept[i].createdBy == QStringLiteral("sup"));
    }
    CHECK(await(media.mediaContent(snapshots[1])) == image);

    // New media take new ids, after the old ones; a clip goes in beside the snapshots.
    const MediaItem added = await(media.attachClip(incidentId, QStringLiteral("CAM-0001"), clip(4), tp->clock().nowMs()));
    CHECK(added.id > snapshots[1]);
    CHECK(await(media.mediaFor(incidentId)).size() == 3);

    // Still append-only, old rows and new; the indexes are there again.
    for (const QString& statement : {QStringLiteral("UPDATE hub_media SET created_by = 'someone else'"),
                                     QStringLiteral("UPDATE hub_media SET sha256 = '%1' WHERE id = %2").arg(QString(64, u'0')).arg(snapshots[0]),
                                     QStringLiteral("DELETE FROM hub_media WHERE id = %1").arg(snapshots[0]),
                                     QStringLiteral("DELETE FROM hub_media")}) {
        INFO(statement.toStdString());
        CHECK_THROWS_AS(await(tp->store().write([statement](WriteTransaction& txn) { txn.exec(statement); })), StoreError);
    }
    const int count = await(tp->store().read([](Sql& sql) { return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_media")).toInt(); }));
    CHECK(count == 3);
    const QStringList indexes = await(tp->store().read([](Sql& sql) {
        QStringList out;
        QSqlQuery q = sql.exec(sql.dialect().name() == QStringLiteral("sqlite")
                                   ? QStringLiteral("SELECT name FROM sqlite_master WHERE tbl_name = 'hub_media' AND type = 'index' "
                                                    "AND name NOT LIKE 'sqlite_%' ORDER BY name")
                                   : QStringLiteral("SELECT indexname FROM pg_indexes WHERE tablename = 'hub_media' "
                                                    "AND indexname <> 'hub_media_pkey' ORDER BY indexname"));
        while (q.next())
            out << q.value(0).toString();
        return out;
    }));
    CHECK(indexes == QStringList{QStringLiteral("hub_media_camera"), QStringLiteral("hub_media_incident")});
}
