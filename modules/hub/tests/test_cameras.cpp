// Live video in the core (issue 6): the camera registry and who may see which camera, which cameras
// see a place (distance and view cone), health reports and drone telemetry, on SQLite and PostgreSQL:
// the rules, the refusals, the journal and the audit. Snapshots and clips are in test_media.cpp.
#include "hubtestsupport.h"

#include "security/audit.h"
#include "hexhub/hub/camera.h"
#include "base/clock.h"
#include "base/error.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QJsonObject>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::hubtest;

namespace {

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
