// Live video in the core (issue 6): the camera registry and who may see which camera, which cameras
// see a place (distance and view cone), and snapshots attached to an incident's record, on SQLite and
// PostgreSQL: the rules, the refusals, the journal and the audit.
#include "testsupport.h"

#include "audit.h"
#include "camera.h"
#include "clock.h"
#include "error.h"
#include "event.h"
#include "hubservices.h"
#include "session.h"
#include "store.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonDocument>

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
    CHECK(await(v.media->mediaImage(item.id)) == image);
    CHECK(v.audit().count(QStringLiteral("media.viewed/success media:%1").arg(item.id)) == 1);
    CHECK_THROWS_AS(await(v.media->mediaImage(99999)), NotFoundError);

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
    CHECK(await(v.media->mediaImage(open.id)) == good);
    CHECK(failureOf(v.media->mediaImage(hidden.id)).contains(QStringLiteral("hub.camera.manage")));
    CHECK_THROWS_AS(await(v.media->mediaImage(hidden.id)), PermissionDenied);
    const QStringList audit = v.audit();
    CHECK(audit.count(QStringLiteral("media.viewed/denied media:%1").arg(hidden.id)) == 2);
    CHECK(audit.count(QStringLiteral("media.viewed/success media:%1").arg(open.id)) == 1);

    // Without hub.video.view nothing is shown, and the attempt is on record.
    v.signIn(QStringLiteral("aud"), QStringLiteral("auditor"));
    CHECK_THROWS_AS(await(v.media->mediaImage(open.id)), PermissionDenied);
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
