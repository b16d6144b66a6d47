// The hub's video wall: cameras near an incident, snapshots and clips into its record, tiles on walls.
#include "hubviewtest.h"

#include "store/outbox.h"

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::shell;
using namespace hexhub::test::hubviews;

namespace {

// A P1 call: two people on the roof edge of the Harbour Tower.
NewIncident roofAtTower()
{
    NewIncident n;
    n.priority = 1;
    n.category = QStringLiteral("rooftop_rescue");
    n.summary = QStringLiteral("Two people on the roof edge");
    n.location = Location{QStringLiteral("Harbour Tower"), kTower};
    return n;
}

// The video panel as a floating window of a size to see it by, and its wall.
std::pair<QDockWidget*, VideoWall*> openVideo(MainWindow& window)
{
    QDockWidget* dock = window.openPanel(QStringLiteral("hub.video"));
    REQUIRE(dock);
    dock->setFloating(true);
    dock->resize(1000, 640);
    auto* wall = dock->findChild<VideoWall*>(QStringLiteral("wall"));
    REQUIRE(wall);
    return {dock, wall};
}

} // namespace

TEST_CASE("Hub video: a P1 incident fills the wall with the cameras near it, a snapshot goes into its record, the wall rides in the workspace", "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    CameraService cameras(tp->store(), tp->session(), tp->audit());
    const struct { const char* id; const char* name; double kmNorth; double heading; const char* scene; } cams[] = {
        {"CAM-0001", "Harbour Tower south", -0.15, 0, "rooftop"},  // south of the tower, looking north at it
        {"CAM-0002", "Elm Street east", 0.05, 180, "street"},       // just north, looking south
        {"CAM-0003", "Canal Road", 0.3, 0, "street"},               // north, looking away
        {"CAM-0009", "Far away", 5.0, 180, "street"},               // beyond 500 m
    };
    for (const auto& c : cams) {
        Camera camera;
        camera.id = QString::fromLatin1(c.id);
        camera.name = QString::fromLatin1(c.name);
        camera.position = GeoPoint{kTower.latitude + c.kmNorth / 111.32, kTower.longitude};
        camera.heading = c.heading;
        camera.fieldOfView = 60;
        camera.range = 300;
        camera.streamUrl = QStringLiteral("synthetic:%1?fps=10&w=320&h=180").arg(QString::fromLatin1(c.scene));
        camera.agency = QStringLiteral("City police");
        await(cameras.save(camera));
    }
    MainWindow window(*tp);
    showHub(window);
    auto [dock, wall] = openVideo(window);
    auto* list = dock->findChild<QListWidget*>(QStringLiteral("cameras"));
    REQUIRE(waitUntil([&] { return list->count() == 4; }));
    // The map shows them too, as a layer of their own.
    QDockWidget* mapDock = window.openPanel(QStringLiteral("hub.map"));
    REQUIRE(mapDock);
    auto* map = mapDock->findChild<MapView*>();
    REQUIRE(waitUntil([&] { return map->markerCount(QStringLiteral("cameras")) == 4; }));
    // Each with what it sees: a cone 60 degrees wide and 300 m long, towards its heading.
    const QList<MapSector> views = map->sectors(QStringLiteral("camera views"));
    REQUIRE(views.size() == 4);
    const auto viewOf = [&](const QString& id) {
        const auto it = std::find_if(views.begin(), views.end(), [&](const MapSector& v) { return v.id == id; });
        REQUIRE(it != views.end());
        return *it;
    };
    CHECK(viewOf(QStringLiteral("CAM-0002")).heading == 180);
    CHECK(viewOf(QStringLiteral("CAM-0002")).fieldOfView == 60);
    CHECK(viewOf(QStringLiteral("CAM-0002")).range == 300);
    // CAM-0001, south of the tower looking north, sees it on the map; CAM-0003, looking away, does not.
    CHECK(MapView::sectorPath(viewOf(QStringLiteral("CAM-0001"))).contains(MapView::toScene(kTower)));
    CHECK_FALSE(MapView::sectorPath(viewOf(QStringLiteral("CAM-0003"))).contains(MapView::toScene(kTower)));
    // A camera dragged from the map carries what the wall plays.
    {
        std::unique_ptr<QMimeData> drag(map->markerDragData(QStringLiteral("cameras"), QStringLiteral("CAM-0003")));
        REQUIRE(drag);
        const std::optional<TileSource> source = VideoWall::sourceFromMimeData(drag.get());
        REQUIRE(source);
        CHECK(source->cameraId == QStringLiteral("CAM-0003"));
        CHECK(source->name == QStringLiteral("Canal Road"));
        CHECK(source->url == QUrl(QStringLiteral("synthetic:street?fps=10&w=320&h=180")));
        CHECK_FALSE(map->markerDragData(QStringLiteral("incidents"), QStringLiteral("1")));
    }
    // A drone: its footprint (a disc of its range) follows its telemetry.
    {
        Camera drone;
        drone.id = QStringLiteral("DRONE-1");
        drone.name = QStringLiteral("Drone 1");
        drone.kind = CameraKind::Drone;
        drone.position = GeoPoint{kTower.latitude - 0.01, kTower.longitude};
        drone.range = 80;
        drone.fieldOfView = 90;
        drone.streamUrl = QStringLiteral("synthetic:drone?fps=10&w=320&h=180");
        await(cameras.save(drone));
        const auto droneView = [&]() -> std::optional<MapSector> {
            for (const MapSector& v : map->sectors(QStringLiteral("camera views"))) {
                if (v.id == QStringLiteral("DRONE-1"))
                    return v;
            }
            return std::nullopt;
        };
        REQUIRE(waitUntil([&] { return droneView().has_value(); }));
        CHECK(droneView()->fieldOfView == 360);
        CHECK(droneView()->range == 80);
        // (kept beyond 500 m of the tower, so the P1 incident below does not take it)
        const GeoPoint overCanal{kTower.latitude + 0.03, kTower.longitude};
        CHECK_FALSE(MapView::sectorPath(*droneView()).contains(MapView::toScene(overCanal)));
        await(cameras.reportTelemetry(QStringLiteral("DRONE-1"), overCanal, 90));
        REQUIRE(waitUntil([&] { return droneView() && droneView()->point.distanceTo(overCanal) < 1; }));
        CHECK(MapView::sectorPath(*droneView()).contains(MapView::toScene(overCanal)));
        CHECK(map->markerCount(QStringLiteral("cameras")) == 5);
        // A picture of the cameras' cones around the tower, for a person to look at.
        mapDock->setFloating(true);
        mapDock->resize(900, 700);
        map->centreOn(kTower, 2.5);
        QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
        REQUIRE(mapDock->widget()->grab().save(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/hub-map-cameras-day-en.png")));
    }
    mapDock->close();

    // A P1 incident at the tower: the three cameras within 500 m, those that see it first.
    IncidentService incidents(tp->store(), tp->session(), tp->audit());
    const Incident incident = await(incidents.create(roofAtTower()));
    REQUIRE(waitUntil([&] { return wall->cameraAt(0).cameraId == QStringLiteral("CAM-0002"); }));
    CHECK(wall->cameraAt(1).cameraId == QStringLiteral("CAM-0001"));
    CHECK(wall->cameraAt(2).cameraId == QStringLiteral("CAM-0003"));
    CHECK(wall->tileCount() == 4);
    CHECK(wall->cameraAt(3).cameraId.isEmpty());
    REQUIRE(waitUntil([&] { return wall->tileState(0) == VideoWall::TileState::Live && wall->tileState(1) == VideoWall::TileState::Live; }));

    // The snapshot of a tile goes into the incident selected on the board.
    auto* table = window.findChild<QTableView*>(QStringLiteral("board"));
    auto* model = qobject_cast<SqlPageModel*>(table->model());
    REQUIRE(waitUntil([&] { return model->rowOfId(incident.id) >= 0; }));
    table->selectRow(model->rowOfId(incident.id));
    // Opening it offers the cameras near it; one button fills the wall with them again.
    auto* nearby = window.findChild<QLabel*>(QStringLiteral("camerasNearby"));
    REQUIRE(nearby);
    REQUIRE(waitUntil([&] { return nearby->isVisible() && nearby->text().startsWith(QStringLiteral("3 camera")); }));
    CHECK(nearby->text().contains(QStringLiteral("2 of them")));
    auto* onWall = window.findChild<QPushButton*>(QStringLiteral("camerasOnWall"));
    REQUIRE(onWall);
    CHECK(onWall->isEnabled());
    wall->setLayoutKind(VideoWall::Layout::Single);
    wall->clearTile(0);
    onWall->click();
    REQUIRE(waitUntil([&] { return wall->tileCount() == 4 && wall->cameraAt(0).cameraId == QStringLiteral("CAM-0002"); }));
    CHECK(wall->cameraAt(1).cameraId == QStringLiteral("CAM-0001"));
    REQUIRE(waitUntil([&] { return wall->tileState(1) == VideoWall::TileState::Live; }));
    REQUIRE(wall->requestSnapshot(1));
    MediaService media(tp->store(), tp->session(), tp->audit());
    REQUIRE(waitUntil([&] { return await(media.mediaFor(incident.id)).size() == 1; }));
    const MediaItem item = await(media.mediaFor(incident.id)).first();
    CHECK(item.cameraId == QStringLiteral("CAM-0001"));
    bool onTimeline = false;
    for (const TimelineEntry& e : await(incidents.timeline(incident.id)))
        onTimeline = onTimeline || (e.topic == QStringLiteral("media.attached") && e.text.contains(QStringLiteral("CAM-0001")));
    CHECK(onTimeline);
    // ... and on the incident panel's timeline, which follows the bus.
    auto* timeline = window.findChild<QListWidget*>(QStringLiteral("timeline"));
    REQUIRE(timeline);
    const auto panelShowsSnapshot = [&] {
        for (int i = 0; i < timeline->count(); ++i) {
            if (timeline->item(i)->text().contains(QStringLiteral("CAM-0001")))
                return true;
        }
        return false;
    };
    CHECK(waitUntil(panelShowsSnapshot));

    // Ctrl+R records a clip of a tile for the selected incident; Ctrl+R again stops and attaches it.
    wall->setFocus();
    wall->setCurrentTile(0);
    QTest::keyClick(wall, Qt::Key_R, Qt::ControlModifier);
    REQUIRE(wall->isRecording(0));
    QElapsedTimer recording;
    recording.start();
    waitUntil([&] { return recording.elapsed() > 1200; }, 3000); // a clip of a second or so
    QTest::keyClick(wall, Qt::Key_R, Qt::ControlModifier);
    CHECK_FALSE(wall->isRecording(0));
    REQUIRE(waitUntil([&] { return await(media.mediaFor(incident.id)).size() == 2; }, 10000));
    const MediaItem clip = await(media.mediaFor(incident.id)).last();
    CHECK(clip.isClip());
    CHECK(clip.cameraId == QStringLiteral("CAM-0002"));
    CHECK(clip.frameCount >= 8);
    CHECK(clip.durationMs >= 800);

    // The panel's Media button lists both and plays the clip; Space pauses, Right steps.
    auto* mediaButton = window.findChild<QPushButton*>(QStringLiteral("media"));
    REQUIRE(mediaButton);
    REQUIRE(mediaButton->isEnabled());
    mediaButton->click();
    QDialog* viewer = nullptr;
    REQUIRE(waitUntil([&] { return (viewer = window.findChild<QDialog*>(QStringLiteral("mediaViewer"))) && viewer->isVisible(); }));
    auto* mediaList = viewer->findChild<QListWidget*>(QStringLiteral("media"));
    REQUIRE(waitUntil([&] { return mediaList->count() == 2; }));
    CHECK(mediaList->item(0)->text().contains(QStringLiteral("CAM-0001")));
    CHECK(mediaList->item(1)->text().contains(QStringLiteral("CAM-0002")));
    auto* picture = viewer->findChild<QLabel*>(QStringLiteral("picture"));
    REQUIRE(waitUntil([&] { return !picture->pixmap().isNull(); })); // the snapshot, first
    mediaList->setCurrentRow(1);
    auto* play = viewer->findChild<QPushButton*>(QStringLiteral("play"));
    REQUIRE(waitUntil([&] { return play->isEnabled() && !picture->pixmap().isNull(); }));
    const QImage first = picture->pixmap().toImage();
    REQUIRE(waitUntil([&] { return picture->pixmap().toImage() != first; })); // it plays
    mediaList->setFocus();
    QTest::keyClick(mediaList, Qt::Key_Space);
    CHECK(play->text().contains(QStringLiteral("Play")));
    const QImage paused = picture->pixmap().toImage();
    // Right steps a frame; two frames of a synthetic scene can be the same picture, so it steps on
    // (at most the clip's length) until one differs.
    bool stepped = false;
    for (int i = 0; i < clip.frameCount && !stepped; ++i) {
        QTest::keyClick(mediaList, Qt::Key_Right);
        stepped = picture->pixmap().toImage() != paused;
    }
    CHECK(stepped);
    CHECK(viewer->findChild<QLabel*>(QStringLiteral("error"))->text().isEmpty());
    QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
    REQUIRE(viewer->grab().save(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/hub-media-day-en.png")));
    viewer->reject();

    // The wall's layout and cameras are part of the workspace, and come back.
    wall->setLayoutKind(VideoWall::Layout::Grid3x3);
    const Workspace saved = window.captureWorkspace(QStringLiteral("video"));
    REQUIRE(saved.viewStates.contains(QStringLiteral("hub.video")));
    wall->setLayoutKind(VideoWall::Layout::Single);
    wall->clearTile(0);
    window.applyWorkspace(saved);
    wall = window.panelDock(QStringLiteral("hub.video"))->findChild<VideoWall*>(QStringLiteral("wall"));
    CHECK(wall->layoutKind() == VideoWall::Layout::Grid3x3);
    CHECK(wall->cameraAt(0).cameraId == QStringLiteral("CAM-0002"));
    QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
    REQUIRE(waitUntil([&] { return wall->tileState(0) == VideoWall::TileState::Live; }));
    QTest::qWait(200); // a few frames for the picture; the picture is for a person, not a check
    REQUIRE(dock->widget()->grab().save(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/hub-video-day-en.png")));
}

TEST_CASE("Hub video: a tile torn off goes onto the next screen, full screen there, and comes back with the workspace",
          "[hubviews][screens][screens3]")
{
    // Under screens-3.json: the desk (1920x1080, primary) and two 4K wall screens to its right.
    REQUIRE(QGuiApplication::screens().size() == 3);
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    CameraService cameras(tp->store(), tp->session(), tp->audit());
    Camera roof;
    roof.id = QStringLiteral("CAM-0101");
    roof.name = QStringLiteral("Harbour Tower roof");
    roof.position = kTower;
    roof.streamUrl = QStringLiteral("synthetic:rooftop?fps=10&w=320&h=180");
    await(cameras.save(roof));

    MainWindow window(*tp);
    window.resize(1400, 850);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.screen()->name() == QStringLiteral("desk"));
    REQUIRE(window.showModule(QStringLiteral("hub")));
    QDockWidget* dock = window.openPanel(QStringLiteral("hub.video"));
    REQUIRE(dock);
    auto* wall = dock->findChild<VideoWall*>(QStringLiteral("wall"));
    auto* list = dock->findChild<QListWidget*>(QStringLiteral("cameras"));
    REQUIRE(waitUntil([&] { return list->count() == 1; }));
    wall->setCurrentTile(0);
    list->setCurrentRow(0);
    Q_EMIT list->itemActivated(list->item(0));
    REQUIRE(wall->cameraAt(0).cameraId == QStringLiteral("CAM-0101"));

    const auto tornOff = [] {
        QList<QWidget*> found;
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (w->objectName() == QStringLiteral("tornOffTile") && w->isVisible())
                found << w;
        }
        return found;
    };
    // The tile's tear-off (its menu): the camera leaves the wall for a window on the first wall screen.
    Q_EMIT wall->tearOffRequested(0);
    REQUIRE(tornOff().size() == 1);
    QPointer<QWidget> torn = tornOff().first();
    CHECK(wall->cameraAt(0).isNull());
    CHECK(torn->screen()->name() == QStringLiteral("wall-left"));
    CHECK(isFullyOnScreen(torn));
    auto* tornWall = torn->findChild<VideoWall*>(QStringLiteral("wall"));
    REQUIRE(tornWall);
    CHECK(tornWall->cameraAt(0).cameraId == QStringLiteral("CAM-0101"));
    REQUIRE(waitUntil([&] { return tornWall->tileState(0) == VideoWall::TileState::Live; }));
    // F: full screen on that screen.
    tornWall->setFocus();
    QTest::keyClick(tornWall, Qt::Key_F);
    REQUIRE(waitUntil([&] { return torn->isFullScreen(); }));
    INFO("window " << torn->geometry().x() << "," << torn->geometry().y() << " " << torn->geometry().width() << "x" << torn->geometry().height());
    CHECK(torn->screen()->geometry().contains(torn->geometry()));
    REQUIRE(waitUntil([&] { return torn->geometry() == torn->screen()->geometry(); }));
    CHECK(torn->screen()->name() == QStringLiteral("wall-left"));

    // In the workspace, and back after it was closed.
    Workspace saved = window.captureWorkspace(QStringLiteral("torn"));
    const QJsonArray savedTorn = saved.viewStates.value(QStringLiteral("hub.video")).value(QStringLiteral("tornOff")).toArray();
    REQUIRE(savedTorn.size() == 1);
    CHECK(savedTorn[0].toObject().value(QStringLiteral("place")).toObject().value(QStringLiteral("screen")).toString()
          == QStringLiteral("wall-left"));
    torn->close();
    REQUIRE(waitUntil([&] { return torn.isNull(); }));
    CHECK(tornOff().isEmpty());
    window.applyWorkspace(saved);
    REQUIRE(waitUntil([&] { return tornOff().size() == 1; }));
    torn = tornOff().first();
    CHECK(torn->screen()->name() == QStringLiteral("wall-left"));
    REQUIRE(waitUntil([&] { return torn->isFullScreen(); }));

    // Saved on a screen that is not there now, far off: it comes back on the primary, all of it visible.
    QJsonObject state = saved.viewStates.value(QStringLiteral("hub.video"));
    QJsonObject entry = savedTorn[0].toObject();
    QJsonObject place = entry.value(QStringLiteral("place")).toObject();
    place.insert(QStringLiteral("screen"), QStringLiteral("projector"));
    place.insert(QStringLiteral("screenGeometry"), QJsonArray{9600, 0, 1920, 1080});
    place.insert(QStringLiteral("rect"), QJsonArray{10000, 300, 2600, 1400});
    place.insert(QStringLiteral("fullScreen"), false);
    entry.insert(QStringLiteral("place"), place);
    state.insert(QStringLiteral("tornOff"), QJsonArray{entry});
    saved.viewStates.insert(QStringLiteral("hub.video"), state);
    window.applyWorkspace(saved);
    REQUIRE(waitUntil([&] { return torn.isNull() && tornOff().size() == 1; }));
    torn = tornOff().first();
    CHECK(torn->screen()->name() == QStringLiteral("desk"));
    CHECK(isFullyOnScreen(torn));
    CHECK_FALSE(torn->isFullScreen());

    // A torn-off tile records clips for the incident selected on the board, as the wall does; closed
    // (Ctrl+W) while recording, it goes once its clip is in the record.
    IncidentService incidents(tp->store(), tp->session(), tp->audit());
    NewIncident n;
    n.priority = 2;
    n.category = QStringLiteral("rooftop_rescue");
    n.summary = QStringLiteral("A man on the roof edge");
    n.location = Location{QStringLiteral("Harbour Tower"), kTower};
    const Incident incident = await(incidents.create(n));
    auto* table = window.findChild<QTableView*>(QStringLiteral("board"));
    auto* model = qobject_cast<SqlPageModel*>(table->model());
    REQUIRE(waitUntil([&] { return model->rowOfId(incident.id) >= 0; }));
    table->selectRow(model->rowOfId(incident.id));
    tornWall = torn->findChild<VideoWall*>(QStringLiteral("wall"));
    REQUIRE(waitUntil([&] { return tornWall->tileState(0) == VideoWall::TileState::Live; }));
    tornWall->setFocus();
    QTest::keyClick(tornWall, Qt::Key_R, Qt::ControlModifier);
    REQUIRE(tornWall->isRecording(0));
    QElapsedTimer recording;
    recording.start();
    waitUntil([&] { return recording.elapsed() > 600; }, 2000); // a clip of half a second or so
    QTest::keyClick(tornWall, Qt::Key_W, Qt::ControlModifier);
    CHECK(tornOff().isEmpty());
    REQUIRE(waitUntil([&] { return torn.isNull(); }));
    MediaService media(tp->store(), tp->session(), tp->audit());
    REQUIRE(waitUntil([&] { return await(media.mediaFor(incident.id)).size() == 1; }));
    const QList<MediaItem> attached = await(media.mediaFor(incident.id));
    CHECK(attached.first().isClip());
    CHECK(attached.first().cameraId == QStringLiteral("CAM-0101"));
}

TEST_CASE("Hub views: a category change and a snapshot kept on the desk behind earlier work say so, in both themes "
          "and both languages", "[hubviews][pictures]")
{
    const QString folder = picturesFolder();
    inEveryLook([&](const QString& locale, const Theme& theme, const QString& suffix) {
        TestPlatform tp = startedPlatform();
        tp.start();
        signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
        IncidentService incidents(tp->store(), tp->session(), tp->audit());
        const Incident incident = await(incidents.create(roofAtTower()));
        const QList<IncidentCategory> categories = await(incidents.categories());
        REQUIRE(!categories.isEmpty());
        // Another operator's work on the first category and on the incident waits in this desk's
        // outbox for them to sign in: what the supervisor does to the same records goes behind it.
        OfflineCommand earlier;
        earlier.id = CommandId::make();
        earlier.operation = QStringLiteral("hub.incident.note");
        earlier.args = {{QStringLiteral("incident"), incident.id}, {QStringLiteral("text"), QStringLiteral("Ivy's note")}};
        earlier.records = {QStringLiteral("category:") + categories.first().id, QStringLiteral("incident:%1").arg(incident.id)};
        earlier.summary = QStringLiteral("Ivy's note");
        earlier.madeBy = QStringLiteral("ivy");
        earlier.source = QStringLiteral("hub");
        await(tp->outbox().keep(earlier));

        MainWindow window(*tp);
        window.setTheme(theme);
        showHub(window);

        // The taxonomy editor: the first category's target changed and saved.
        for (const Command& c : tp->modules().commands()) {
            if (c.id == QStringLiteral("hub.taxonomy.edit"))
                c.trigger();
        }
        auto* editor = modal<QDialog>(QStringLiteral("hub.taxonomy"));
        REQUIRE(editor);
        auto* list = editor->findChild<QListWidget*>(QStringLiteral("categories"));
        REQUIRE(waitUntil([&] { return list->count() == categories.size() && list->currentRow() == 0; }));
        auto* response = editor->findChild<QSpinBox*>(QStringLiteral("response"));
        response->setValue(response->value() + 1);
        auto* message = editor->findChild<QLabel*>(QStringLiteral("message"));
        editor->findChild<QPushButton*>(QStringLiteral("save"))->click();
        REQUIRE(waitUntil([&] { return !message->text().isEmpty(); }));
        if (locale == QLatin1String("en"))
            CHECK(message->text().contains(QStringLiteral("is kept on this desk behind earlier work")));
        CHECK(tp->outbox().waiting() == 2);
        QTest::qWait(50); // let it paint; the picture is for a person, not a check
        REQUIRE(editor->grab().save(QStringLiteral("%1/hub-taxonomy-kept-%2").arg(folder, suffix)));
        editor->reject();

        // The video panel: a snapshot for the incident selected on the board.
        auto* table = window.findChild<QTableView*>(QStringLiteral("board"));
        auto* model = qobject_cast<SqlPageModel*>(table->model());
        REQUIRE(waitUntil([&] { return model->rowOfId(incident.id) >= 0; }));
        table->selectRow(model->rowOfId(incident.id));
        auto [dock, wall] = openVideo(window);
        QImage frame(320, 180, QImage::Format_RGB32);
        frame.fill(QColor(40, 70, 110));
        Q_EMIT wall->snapshotRequested(0, frame, QStringLiteral("CAM-0001"), tp->clock().nowMs());
        auto* said = dock->findChild<QLabel*>(QStringLiteral("message"));
        REQUIRE(waitUntil([&] { return tp->outbox().waiting() == 3; }));
        if (locale == QLatin1String("en"))
            REQUIRE(waitUntil([&] { return said->text().contains(QStringLiteral("is kept on this desk behind earlier work")); }));
        QTest::qWait(50);
        REQUIRE(dock->widget()->grab().save(QStringLiteral("%1/hub-video-kept-%2").arg(folder, suffix)));
        dock->close();
    });
}
