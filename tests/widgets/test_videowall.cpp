// The video wall: synthetic feeds that keep their frame rate, the layouts and their geometry, a
// wall saved and restored, broken streams that go offline and are tried again later and later while
// the GUI thread keeps running, a stream that comes back, snapshots, drops, keys; and a picture of
// a nine-tile wall in demo mode.
#include "syntheticfeed.h"
#include "testsupport.h"
#include "videowall.h"
#include "videowallstream.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>
#include <cmath>
#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;

namespace {

const QDateTime kDemoTime(QDate(2024, 5, 18), QTime(14, 32, 5), Qt::UTC);

VideoWall::TimeSource demoClock()
{
    // The simulated clock of a demo, advancing with real time from a fixed start.
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    return [started] { return kDemoTime.addMSecs(started->elapsed()); };
}

TileSource synthetic(const QString& id, const QString& name, const QString& scene, int fps = 25)
{
    return {id, name, QUrl(QStringLiteral("synthetic:%1?fps=%2&w=320&h=180").arg(scene).arg(fps))};
}

bool rectsOverlap(const QList<QRect>& rects)
{
    for (int i = 0; i < rects.size(); ++i) {
        for (int j = i + 1; j < rects.size(); ++j) {
            if (rects[i].intersects(rects[j]))
                return true;
        }
    }
    return false;
}

// How different two pictures are: the share of sampled pixels that differ.
double changedShare(const QImage& a, const QImage& b)
{
    if (a.size() != b.size())
        return 1;
    int changed = 0;
    int samples = 0;
    for (int y = 0; y < a.height(); y += 4) {
        for (int x = 0; x < a.width(); x += 4, ++samples)
            changed += a.pixel(x, y) != b.pixel(x, y);
    }
    return double(changed) / samples;
}

} // namespace

TEST_CASE("Synthetic feed: addresses are read with their defaults and refused when wrong",
          "[widgets][videowall]")
{
    auto spec = SyntheticFeed::Spec::fromUrl(QUrl(QStringLiteral("synthetic:drone")));
    REQUIRE(spec);
    CHECK(spec->scene == QStringLiteral("drone"));
    CHECK(spec->fps == 25);
    CHECK(spec->size == QSize(640, 360));
    spec = SyntheticFeed::Spec::fromUrl(QUrl(QStringLiteral("synthetic:rooftop?fps=12&w=320&h=240")));
    REQUIRE(spec);
    CHECK(spec->fps == 12);
    CHECK(spec->size == QSize(320, 240));
    CHECK(SyntheticFeed::Spec::fromUrl(spec->toUrl())->size == QSize(320, 240));
    CHECK(SyntheticFeed::scenes() ==
          QStringList{QStringLiteral("street"), QStringLiteral("rooftop"), QStringLiteral("drone")});

    QString error;
    CHECK_FALSE(SyntheticFeed::Spec::fromUrl(QUrl(QStringLiteral("synthetic:harbour")), &error));
    CHECK(error.contains(QStringLiteral("harbour")));
    CHECK_FALSE(SyntheticFeed::Spec::fromUrl(QUrl(QStringLiteral("synthetic:street?fps=0")), &error));
    CHECK(error.contains(QStringLiteral("fps")));
    CHECK_FALSE(SyntheticFeed::Spec::fromUrl(QUrl(QStringLiteral("synthetic:street?w=10000")), &error));
    CHECK_FALSE(SyntheticFeed::Spec::fromUrl(QUrl(QStringLiteral("rtsp://camera/street")), &error));
}

TEST_CASE("Synthetic feed: moving frames at the stream's rate, with the clock's time",
          "[widgets][videowall]")
{
    const QString scene =
        GENERATE(QStringLiteral("street"), QStringLiteral("rooftop"), QStringLiteral("drone"));
    INFO(scene.toStdString());
    const int fps = 25;
    int timeAsked = 0;
    SyntheticFeed feed(*SyntheticFeed::Spec::fromUrl(
                           QUrl(QStringLiteral("synthetic:%1?fps=%2&w=320&h=180").arg(scene).arg(fps))),
                       QStringLiteral("Camera 7"), [&] {
                           ++timeAsked;
                           return kDemoTime;
                       });
    QVideoSink sink;
    feed.setVideoSink(&sink);
    QList<qint64> arrivals;
    QList<QVideoFrame> frames;
    QElapsedTimer clock;
    QObject::connect(&sink, &QVideoSink::videoFrameChanged, [&](const QVideoFrame& frame) {
        arrivals << clock.elapsed();
        if (frames.size() < 2 || arrivals.size() == 40)
            frames << frame;
    });
    clock.start();
    feed.start();
    REQUIRE(waitUntil([&] { return arrivals.size() >= 40; }, 15000));
    feed.stop();

    // 39 periods of 40 ms: never faster than the rate (a loaded machine's timers only make it
    // slower, which the frames' own times say, not the wall clock).
    const double rate = 39 * 1000.0 / double(arrivals.last() - arrivals.first());
    INFO("frames per second: " << rate);
    CHECK(rate <= fps * 1.1);
    CHECK(feed.framesSent() >= 40);
    CHECK(timeAsked >= 40);
    // Each frame is stamped on the stream's timeline: whole periods of 1/fps, later each time.
    const qint64 period = 1000000 / fps;
    REQUIRE(frames.size() >= 3);
    for (const QVideoFrame& frame : std::as_const(frames)) {
        CHECK(frame.startTime() % period == 0);
        CHECK(frame.endTime() == frame.startTime() + period);
    }
    CHECK(frames[1].startTime() > frames[0].startTime());
    CHECK(frames.last().startTime() >= frames[1].startTime() + 38 * period);

    const QVideoFrame& first = frames.first();
    CHECK(first.size() == QSize(320, 180));
    CHECK(first.pixelFormat() == QVideoFrameFormat::pixelFormatFromImageFormat(QImage::Format_RGB32));
    CHECK(first.startTime() == 0);
    // frame n starts n periods in (a very late timer skips numbers rather than send a burst)
    CHECK(frames[1].startTime() > 0);
    CHECK(frames[1].startTime() % 40000 == 0);
    // Things move: the picture a second and a half later is not the same one.
    CHECK(changedShare(first.toImage(), frames.last().toImage()) > 0.002);
}

TEST_CASE("Video wall: each layout has its tiles, side by side, filling the wall", "[widgets][videowall]")
{
    VideoWall wall(demoClock());
    wall.resize(1202, 677);
    using Layout = VideoWall::Layout;
    const QList<std::pair<Layout, int>> layouts = {{Layout::Single, 1},
                                                   {Layout::Grid2x2, 4},
                                                   {Layout::Grid3x3, 9},
                                                   {Layout::Grid4x4, 16},
                                                   {Layout::OneLargeFiveSmall, 6}};
    QSignalSpy changed(&wall, &VideoWall::layoutChanged);
    for (const auto& [layout, count] : layouts) {
        INFO(VideoWall::layoutName(layout).toStdString());
        wall.setLayoutKind(layout);
        CHECK(wall.layoutKind() == layout);
        CHECK(wall.tileCount() == count);
        CHECK(VideoWall::layoutFromName(VideoWall::layoutName(layout)) == layout);
        QList<QRect> rects;
        qint64 area = 0;
        for (int i = 0; i < count; ++i) {
            const QRect r = wall.tileGeometry(i);
            CHECK(!r.isEmpty());
            CHECK(wall.rect().contains(r));
            CHECK(wall.tileWidget(i)->geometry() == r);
            CHECK_FALSE(wall.tileWidget(i)->isHidden());
            CHECK(wall.tileAt(r.center()) == i);
            rects << r;
            area += qint64(r.width()) * r.height();
        }
        CHECK_FALSE(rectsOverlap(rects));
        // Only the thin gaps between tiles are not video.
        CHECK(double(area) / (wall.width() * wall.height()) > 0.97);
        CHECK(wall.tileGeometry(count).isEmpty());
        for (int i = count; i < VideoWall::kMaxTiles; ++i)
            CHECK(wall.tileWidget(i)->isHidden());
        if (layout != Layout::OneLargeFiveSmall) {
            const int n = int(std::sqrt(count));
            for (const QRect& r : rects) {
                CHECK(std::abs(r.width() - (wall.width() - (n - 1) * 2) / n) <= 1);
                CHECK(std::abs(r.height() - (wall.height() - (n - 1) * 2) / n) <= 1);
            }
        } else {
            // the large one top left, twice as wide and high as the small ones round it
            CHECK(rects[0].topLeft() == QPoint(0, 0));
            for (int i = 1; i < 6; ++i) {
                CHECK(std::abs(rects[0].width() - 2 * rects[i].width()) <= 3);
                CHECK(std::abs(rects[0].height() - 2 * rects[i].height()) <= 3);
            }
            CHECK(rects[1].left() > rects[0].right());
            CHECK(rects[3].top() > rects[0].bottom());
            CHECK(rects[5].bottomRight() == wall.rect().bottomRight());
        }
    }
    CHECK(changed.count() == layouts.size()); // from 2x2, the first layout of a wall
    CHECK_FALSE(VideoWall::layoutFromName(QStringLiteral("5x5")));
}

TEST_CASE("Video wall: the layout and the cameras are saved and restored", "[widgets][videowall]")
{
    VideoWall wall(demoClock());
    wall.setLayoutKind(VideoWall::Layout::Grid3x3);
    const TileSource roof =
        synthetic(QStringLiteral("cam-roof"), QStringLiteral("Tower B roof"), QStringLiteral("rooftop"));
    const TileSource street{QStringLiteral("cam-5th"), QStringLiteral("5th & Harbour"),
                            QUrl(QStringLiteral("rtsp://10.0.4.21:554/stream1"))};
    const TileSource drone =
        synthetic(QStringLiteral("drone-1"), QStringLiteral("Drone 1"), QStringLiteral("drone"));
    CHECK(wall.setCamera(0, roof));
    CHECK(wall.setCamera(4, street));
    CHECK(wall.setCamera(8, drone));
    CHECK_FALSE(wall.setCamera(9, drone)); // not in a 3x3 wall
    wall.setCurrentTile(4);
    const QJsonObject state = wall.saveState();
    CHECK(state.value(QStringLiteral("layout")).toString() == QStringLiteral("3x3"));
    CHECK(state.value(QStringLiteral("tiles")).toArray().size() == 3);

    // Through text, as a workspace stores it, into a wall that showed something else.
    const QJsonObject stored = QJsonDocument::fromJson(QJsonDocument(state).toJson()).object();
    VideoWall other(demoClock());
    other.setLayoutKind(VideoWall::Layout::Grid4x4);
    other.setCamera(12, street);
    other.setCamera(1, roof);
    QSignalSpy cameras(&other, &VideoWall::cameraChanged);
    REQUIRE(other.restoreState(stored));
    CHECK(other.layoutKind() == VideoWall::Layout::Grid3x3);
    CHECK(other.currentTile() == 4);
    CHECK(other.cameraAt(0) == roof);
    CHECK(other.cameraAt(1).isNull());
    CHECK(other.cameraAt(4) == street);
    CHECK(other.cameraAt(8) == drone);
    CHECK(other.saveState() == state);
    CHECK(cameras.count() >= 3);
    // The camera on tile 12 went with the old layout: back to 4x4, it is not there again.
    other.setLayoutKind(VideoWall::Layout::Grid4x4);
    CHECK(other.cameraAt(12).isNull());

    // A full-screen tile is part of the state.
    wall.setFullScreenTile(8);
    VideoWall third(demoClock());
    REQUIRE(third.restoreState(wall.saveState()));
    CHECK(third.fullScreenTile() == 8);

    // What is not a wall's state changes nothing.
    const QJsonObject before = other.saveState();
    CHECK_FALSE(other.restoreState(QJsonObject{{QStringLiteral("layout"), QStringLiteral("5x5")}}));
    CHECK_FALSE(other.restoreState(QJsonObject{}));
    CHECK_FALSE(other.restoreState(
        QJsonObject{{QStringLiteral("layout"), QStringLiteral("1")}, {QStringLiteral("tiles"), 3}}));
    CHECK(other.saveState() == before);
}

TEST_CASE(
    "Video wall: broken streams go offline without blocking the GUI and are tried again later and later",
    "[widgets][videowall]")
{
    VideoWall wall(demoClock());
    VideoWall::RetryPolicy policy;
    policy.firstDelayMs = 100;
    policy.maxDelayMs = 800;
    policy.connectTimeoutMs = 3000;
    policy.staleAfterMs = 1000;
    wall.setRetryPolicy(policy);
    wall.resize(800, 450);
    wall.show();

    QMap<int, QList<int>> delays;
    QMap<int, QList<qint64>> attempts; // when each tile started connecting
    QElapsedTimer since;
    since.start();
    QObject::connect(&wall, &VideoWall::retryScheduled,
                     [&](int tile, int delayMs) { delays[tile] << delayMs; });
    QObject::connect(&wall, &VideoWall::tileStateChanged, [&](int tile, VideoWall::TileState state) {
        if (state == VideoWall::TileState::Connecting)
            attempts[tile] << since.elapsed();
    });

    GuiHeartbeat heartbeat;
    wall.setCamera(0, {QStringLiteral("rtsp-dead"), QStringLiteral("RTSP, nobody there"),
                       QUrl(QStringLiteral("rtsp://127.0.0.1:9/none"))});
    wall.setCamera(1, {QStringLiteral("http-dead"), QStringLiteral("HTTP, nobody there"),
                       QUrl(QStringLiteral("http://127.0.0.1:9/x.mp4"))});
    wall.setCamera(2, {QStringLiteral("file-gone"), QStringLiteral("Missing file"),
                       QUrl::fromLocalFile(QStringLiteral("/nonexistent/clip.mp4"))});
    wall.setCamera(3, {QStringLiteral("ftp"), QStringLiteral("Not a stream"),
                       QUrl(QStringLiteral("ftp://127.0.0.1/x.mp4"))});
    // Nothing waited for a connection: every stream is still being tried when the calls return.
    for (int tile : {0, 1, 2})
        CHECK(wall.tileState(tile) == VideoWall::TileState::Connecting);

    REQUIRE(waitUntil(
        [&] { return delays[0].size() >= 5 && delays[1].size() >= 5 && delays[2].size() >= 5; }, 30000));
    INFO("longest GUI stall (10 ms ticks, waiting for a CPU not counted): " << heartbeat.longestStallMs() << " ms");
    // A player waiting on the GUI thread holds it for a second (waiting for a CPU is not counted).
    CHECK(heartbeat.longestStallMs() < 500);
    for (int tile : {0, 1, 2}) {
        INFO("tile " << tile);
        CHECK(delays[tile].mid(0, 5) == QList<int>{100, 200, 400, 800, 800});
        CHECK(wall.tileState(tile) != VideoWall::TileState::Live);
        CHECK_FALSE(wall.lastFrameTime(tile).isValid());
        // The tries really are further apart each time: 100, 200, 400 ms after each failure (a
        // coarse timer may fire up to 5% early).
        REQUIRE(attempts[tile].size() >= 4);
        for (int i = 1; i < 4; ++i)
            CHECK(attempts[tile][i] - attempts[tile][i - 1] >= delays[tile][i - 1] * 0.94);
    }
    REQUIRE(waitUntil([&] { return wall.tileState(0) == VideoWall::TileState::Offline; }, 5000));
    CHECK_FALSE(wall.offlineReason(0).isEmpty());
    // An address nothing can play is offline at once, with the reason, and not tried again.
    CHECK(wall.tileState(3) == VideoWall::TileState::Offline);
    CHECK(wall.offlineReason(3).contains(QStringLiteral("ftp://")));
    CHECK(delays[3].isEmpty());
    // Clearing a tile while its player may be busy empties it at once, without waiting for it.
    for (int tile = 0; tile < 4; ++tile)
        wall.clearTile(tile);
    for (int tile = 0; tile < 4; ++tile)
        CHECK(wall.tileState(tile) == VideoWall::TileState::Empty);
}

TEST_CASE("Video wall: a server that takes the connection and sends nothing goes offline at the timeout",
          "[widgets][videowall]")
{
    // Connections complete in the kernel's backlog; the request is never answered.
    QTcpServer silent;
    REQUIRE(silent.listen(QHostAddress::LocalHost));
    VideoWall wall(demoClock());
    VideoWall::RetryPolicy policy;
    policy.firstDelayMs = 300;
    policy.connectTimeoutMs = 600;
    wall.setRetryPolicy(policy);
    QSignalSpy retries(&wall, &VideoWall::retryScheduled);
    GuiHeartbeat heartbeat;
    QElapsedTimer since;
    since.start();
    wall.setCamera(0, {QStringLiteral("mute"), QStringLiteral("Says nothing"),
                       QUrl(QStringLiteral("http://127.0.0.1:%1/live.mp4").arg(silent.serverPort()))});
    REQUIRE(waitUntil([&] { return retries.count() >= 2; }, 10000));
    CHECK(since.elapsed() >= 2 * 600 + 300 - 60);
    CHECK(wall.offlineReason(0).contains(QStringLiteral("0.6")));
    INFO("longest GUI stall (10 ms ticks, waiting for a CPU not counted): " << heartbeat.longestStallMs() << " ms");
    CHECK(heartbeat.longestStallMs() < 500);
    // Its player is still waiting on the network, on its own thread: clearing does not wait for it.
    const qint64 clearing = stallMsOf([&] { wall.clearTile(0); });
    INFO("clearing held the GUI thread for " << clearing << " ms");
    CHECK(clearing < 250);
}

TEST_CASE("Video wall: a file stream that appears goes live on the next try", "[widgets][videowall]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("still.png"));
    VideoWall wall(demoClock());
    VideoWall::RetryPolicy policy;
    policy.firstDelayMs = 200;
    policy.maxDelayMs = 400;
    wall.setRetryPolicy(policy);
    wall.resize(640, 360);
    wall.show();
    QSignalSpy retries(&wall, &VideoWall::retryScheduled);
    wall.setCamera(0, {QStringLiteral("file"), QStringLiteral("Recorded"), QUrl::fromLocalFile(path)});
    REQUIRE(waitUntil([&] { return retries.count() >= 1; }, 10000));

    QImage picture(320, 240, QImage::Format_RGB32);
    picture.fill(QColor(0x20, 0x80, 0xe0));
    REQUIRE(picture.save(path));
    REQUIRE(waitUntil([&] { return wall.tileState(0) == VideoWall::TileState::Live; }, 15000));
    CHECK(wall.offlineReason(0).isEmpty());
    const QImage frame = wall.grabFrame(0);
    REQUIRE(frame.size() == QSize(320, 240));
    CHECK(QColor(frame.pixel(160, 120)).blue() > 180);
    // and the tile paints it, as GStreamer decoded it
    const QPoint centre = wall.tileGeometry(0).center();
    REQUIRE(waitUntil([&] { return QColor(wall.grab().toImage().pixel(centre)).blue() > 180; }, 5000));
}

TEST_CASE("Video wall: a snapshot carries the tile's last frame, its camera and the frame's time",
          "[widgets][videowall]")
{
    const QDateTime fixed = kDemoTime;
    VideoWall wall([fixed] { return fixed; });
    wall.resize(800, 450);
    const TileSource roof =
        synthetic(QStringLiteral("cam-roof"), QStringLiteral("Tower B roof"), QStringLiteral("rooftop"));
    wall.setCamera(1, roof);
    QSignalSpy snapshots(&wall, &VideoWall::snapshotRequested);
    CHECK_FALSE(wall.requestSnapshot(0)); // nothing on it
    REQUIRE(waitUntil([&] { return wall.tileState(1) == VideoWall::TileState::Live; }));
    CHECK(wall.lastFrameTime(1) == fixed);

    wall.setCurrentTile(1);
    QTest::keyClick(&wall, Qt::Key_S, Qt::ControlModifier);
    REQUIRE(snapshots.count() == 1);
    const QList<QVariant> args = snapshots.takeFirst();
    CHECK(args[0].toInt() == 1);
    const QImage frame = args[1].value<QImage>();
    CHECK(frame.size() == QSize(320, 180));
    CHECK(args[2].toString() == QStringLiteral("cam-roof"));
    CHECK(args[3].toLongLong() == fixed.toMSecsSinceEpoch());
    // a picture, not a black frame: the sky is light
    CHECK(QColor(frame.pixel(160, 20)).value() > 100);
    CHECK(frame.size() == wall.grabFrame(1).size());

    // The frames are counted where they are made, taken by the GUI and painted (on a wall shown).
    wall.show();
    const VideoWall::FrameCounts before = wall.frameCounts(1);
    REQUIRE(waitUntil([&] { return wall.frameCounts(1).painted >= before.painted + 5; }));
    const VideoWall::FrameCounts counts = wall.frameCounts(1);
    CHECK(counts.produced >= counts.received);
    CHECK(counts.received >= counts.painted);
    CHECK(counts.painted > before.painted);
    CHECK(wall.frameCounts(0).produced == 0);
    CHECK(wall.frameCounts(99).produced == 0);
    wall.clearTile(1);
    CHECK(wall.frameCounts(1).received == 0);
}

TEST_CASE("Video wall: a camera dropped on a tile plays there", "[widgets][videowall]")
{
    VideoWall wall(demoClock());
    wall.resize(800, 450);
    const TileSource street =
        synthetic(QStringLiteral("cam-12"), QStringLiteral("Harbour Rd"), QStringLiteral("street"));
    // As a drag does it: enter, move, drop (Qt delivers the drop only to who took the enter).
    auto drop = [&](const QPoint& at, QMimeData* data) {
        const Qt::DropActions actions = Qt::CopyAction | Qt::MoveAction;
        QDragEnterEvent enter(at, actions, data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&wall, &enter);
        QDragMoveEvent move(at, actions, data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&wall, &move);
        QDropEvent event(QPointF(at), actions, data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&wall, &event);
        delete data;
        return event.isAccepted();
    };

    QSignalSpy cameras(&wall, &VideoWall::cameraChanged);
    CHECK(drop(wall.tileGeometry(3).center(), VideoWall::mimeDataFor(street)));
    CHECK(wall.cameraAt(3) == street);
    CHECK(wall.currentTile() == 3);
    CHECK(cameras.count() == 1);
    REQUIRE(waitUntil([&] { return wall.tileState(3) == VideoWall::TileState::Live; }));

    // The drag data as any view may write it: {id, name, url}.
    auto* raw = new QMimeData;
    raw->setData(QStringLiteral("application/x-hexhub-camera"),
                 R"({"id":"drone-1","name":"Drone 1","url":"synthetic:drone?fps=10"})");
    CHECK(drop(wall.tileGeometry(0).center(), raw));
    CHECK(wall.cameraAt(0).cameraId == QStringLiteral("drone-1"));
    CHECK(wall.cameraAt(0).url == QUrl(QStringLiteral("synthetic:drone?fps=10")));

    // Not a camera, or between tiles: nothing changes.
    auto* text = new QMimeData;
    text->setText(QStringLiteral("synthetic:street"));
    CHECK_FALSE(drop(wall.tileGeometry(1).center(), text));
    auto* broken = new QMimeData;
    broken->setData(VideoWall::cameraMimeType(), "{not json");
    CHECK_FALSE(drop(wall.tileGeometry(1).center(), broken));
    const QPoint gap(wall.tileGeometry(0).right() + 1, wall.tileGeometry(0).center().y());
    CHECK(wall.tileAt(gap) == -1);
    CHECK_FALSE(drop(gap, VideoWall::mimeDataFor(street)));
    CHECK(wall.cameraAt(1).isNull());
    CHECK(cameras.count() == 2);
}

TEST_CASE("Video wall: keys move between tiles, go full screen, clear and come back",
          "[widgets][videowall]")
{
    VideoWall wall(demoClock());
    wall.resize(900, 600);
    wall.setLayoutKind(VideoWall::Layout::Grid3x3);
    QSignalSpy activated(&wall, &VideoWall::tileActivated);
    QSignalSpy fullScreen(&wall, &VideoWall::fullScreenRequested);
    CHECK(wall.currentTile() == 0);
    QTest::keyClick(&wall, Qt::Key_Right);
    CHECK(wall.currentTile() == 1);
    QTest::keyClick(&wall, Qt::Key_Down);
    CHECK(wall.currentTile() == 4);
    QTest::keyClick(&wall, Qt::Key_Down);
    QTest::keyClick(&wall, Qt::Key_Down); // the edge: stays
    CHECK(wall.currentTile() == 7);
    QTest::keyClick(&wall, Qt::Key_Left);
    CHECK(wall.currentTile() == 6);
    CHECK(activated.count() == 4);

    // One large and five small: the keys follow where the tiles are.
    wall.setLayoutKind(VideoWall::Layout::OneLargeFiveSmall);
    wall.setCurrentTile(0);
    QTest::keyClick(&wall, Qt::Key_Right);
    CHECK(wall.currentTile() == 1);
    QTest::keyClick(&wall, Qt::Key_Down);
    CHECK(wall.currentTile() == 2);
    QTest::keyClick(&wall, Qt::Key_Down);
    CHECK(wall.currentTile() == 5);
    QTest::keyClick(&wall, Qt::Key_Left);
    CHECK(wall.currentTile() == 4);
    QTest::keyClick(&wall, Qt::Key_Up);
    CHECK(wall.currentTile() == 0);

    wall.setCamera(4, synthetic(QStringLiteral("c4"), QStringLiteral("Four"), QStringLiteral("street")));
    wall.setCurrentTile(4);
    QTest::keyClick(&wall, Qt::Key_Return);
    CHECK(fullScreen.count() == 1);
    CHECK(fullScreen.first().first().toInt() == 4);
    CHECK(wall.fullScreenTile() == 4);
    CHECK(wall.tileGeometry(4) == wall.rect());
    CHECK(wall.tileWidget(4)->geometry() == wall.rect());
    CHECK(wall.tileWidget(0)->isHidden());
    QTest::keyClick(&wall, Qt::Key_F);
    CHECK(wall.fullScreenTile() == -1);
    CHECK(wall.tileGeometry(4).width() < wall.width() / 2);
    QTest::keyClick(&wall, Qt::Key_F);
    CHECK(wall.fullScreenTile() == 4);
    QTest::keyClick(&wall, Qt::Key_Escape);
    CHECK(wall.fullScreenTile() == -1);
    CHECK(fullScreen.count() == 2);

    QTest::keyClick(&wall, Qt::Key_Delete);
    CHECK(wall.cameraAt(4).isNull());
    CHECK(wall.tileState(4) == VideoWall::TileState::Empty);

    // A click picks the tile.
    QTest::mouseClick(wall.tileWidget(2), Qt::LeftButton);
    CHECK(wall.currentTile() == 2);
    CHECK(activated.last().first().toInt() == 2);
}

TEST_CASE("Video wall: nine demo cameras render to a picture", "[widgets][videowall][pictures]")
{
    VideoWall wall(demoClock());
    wall.setLayoutKind(VideoWall::Layout::Grid3x3);
    wall.resize(1280, 720);
    wall.show();
    const QList<TileSource> cameras = {
        {QStringLiteral("cam-101"), QStringLiteral("Harbour Rd / 5th St"),
         QUrl(QStringLiteral("synthetic:street?fps=25"))},
        {QStringLiteral("cam-214"), QStringLiteral("Tower B roof, east"),
         QUrl(QStringLiteral("synthetic:rooftop?fps=25"))},
        {QStringLiteral("drone-1"), QStringLiteral("Drone 1, overhead"),
         QUrl(QStringLiteral("synthetic:drone?fps=25"))},
        {QStringLiteral("cam-215"), QStringLiteral("Tower B roof, west"),
         QUrl(QStringLiteral("synthetic:rooftop?fps=15"))},
        {QStringLiteral("cam-102"), QStringLiteral("Market St crossing"),
         QUrl(QStringLiteral("synthetic:street?fps=25"))},
        {QStringLiteral("cam-330"), QStringLiteral("Pier 3 gate"),
         QUrl(QStringLiteral("rtsp://127.0.0.1:9/pier3"))},
        {QStringLiteral("drone-2"), QStringLiteral("Drone 2, north"),
         QUrl(QStringLiteral("synthetic:drone?fps=25&w=480&h=270"))},
        {QStringLiteral("cam-118"), QStringLiteral("Canal St bridge"),
         QUrl(QStringLiteral("synthetic:street?fps=25&w=480&h=270"))},
    };
    for (int i = 0; i < cameras.size(); ++i)
        wall.setCamera(i, cameras[i]);
    wall.setFocus();
    wall.setCurrentTile(4);
    auto ready = [&] {
        for (int i = 0; i < cameras.size(); ++i) {
            const bool offline = i == 5;
            if (wall.tileState(i) != (offline ? VideoWall::TileState::Offline : VideoWall::TileState::Live))
                return false;
        }
        return true;
    };
    REQUIRE(waitUntil(ready, 15000));
    // Let the pictures move on a little from their first frame.
    QElapsedTimer settle;
    settle.start();
    waitUntil([&] { return settle.elapsed() > 1500; }, 3000);

    const QString folder = QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures");
    QDir().mkpath(folder);
    const QImage picture = wall.grab().toImage();
    REQUIRE(picture.save(folder + QStringLiteral("/video-wall-9.png")));
    CHECK(picture.size() == QSize(1280, 720));
    // The live tiles show pictures, not black.
    for (int i : {0, 1, 2, 4}) {
        const QRect r = wall.tileGeometry(i);
        CHECK(QColor(picture.pixel(r.center())).value() > 40);
    }
}
