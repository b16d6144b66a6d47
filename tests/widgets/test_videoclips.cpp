// Clips from the video wall: the Motion-JPEG AVI writer (read back by the core's check of a clip),
// a tile recording its camera at a steady 10 frames a second off the GUI thread, the ways a recording
// ends (the key, the time limit, the size limit, a new camera), and the recorded file playing back on
// a wall tile through GStreamer.
#include "shared/mediaclip.h"
#include "mjpegavi.h"
#include "testsupport.h"
#include "videowall.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;

namespace {

const QDateTime kStart(QDate(2024, 5, 18), QTime(14, 32, 5), Qt::UTC);

TileSource street(const QString& id = QStringLiteral("cam-12"))
{
    return {id, QStringLiteral("Harbour Rd"), QUrl(QStringLiteral("synthetic:street?fps=25&w=320&h=180"))};
}

// Lets real time pass while the event loop runs (recording is about time going by).
void runFor(int ms)
{
    QElapsedTimer since;
    since.start();
    waitUntil([&] { return since.elapsed() >= ms; }, ms + 5000);
}

struct Clip
{
    int tile = -1;
    QByteArray avi;
    QString cameraId;
    qint64 startedAtMs = 0;
    qint64 durationMs = 0;
};

Clip clipFrom(const QList<QVariant>& args)
{
    return {args[0].toInt(), args[1].toByteArray(), args[2].toString(), args[3].toLongLong(),
            args[4].toLongLong()};
}

ClipInfo readClip(const QByteArray& avi)
{
    QString why;
    const std::optional<ClipInfo> info = mjpegAviInfo(avi, &why);
    INFO("the clip: " << why.toStdString());
    REQUIRE(info.has_value());
    return *info;
}

} // namespace

TEST_CASE("Clip writer: a Motion-JPEG AVI of the pictures given, read back frame for frame",
          "[widgets][videowall]")
{
    MjpegAviWriter writer(QSize(64, 48), 10);
    CHECK(writer.frameCount() == 0);
    CHECK(writer.fileSize() == writer.file().size());
    const QList<QColor> colours = {Qt::red, Qt::green, Qt::blue};
    for (const QColor& colour : colours) {
        QImage image(64, 48, QImage::Format_ARGB32);
        image.fill(colour);
        REQUIRE(writer.addFrame(image));
    }
    // Another size is scaled to the clip's; a JPEG of the right size goes in as it is.
    QImage large(640, 480, QImage::Format_RGB32);
    large.fill(Qt::white);
    REQUIRE(writer.addFrame(large));
    QImage grey(64, 48, QImage::Format_RGB32);
    grey.fill(Qt::gray);
    const QByteArray jpeg = MjpegAviWriter::encodeJpeg(grey, 90);
    CHECK(jpegImageSize(jpeg) == QSize(64, 48));
    REQUIRE(writer.addJpeg(jpeg));
    REQUIRE(writer.repeatLastFrame(2));
    QString error;
    CHECK_FALSE(writer.addJpeg(MjpegAviWriter::encodeJpeg(large), &error));
    CHECK(error.contains(QStringLiteral("640")));
    CHECK_FALSE(writer.addJpeg(QByteArray("not a picture"), &error));
    CHECK_FALSE(writer.addFrame(QImage(), 80, &error));
    CHECK(writer.frameCount() == 7);
    CHECK(writer.durationMs() == 700);

    const QByteArray avi = writer.file();
    CHECK(avi.size() == writer.fileSize());
    CHECK(avi.startsWith("RIFF"));
    CHECK(avi.mid(8, 4) == "AVI ");
    const ClipInfo info = readClip(avi);
    CHECK(info.size == QSize(64, 48));
    CHECK(info.frames == 7);
    CHECK(info.fps == Approx(10));
    CHECK(info.durationMs == 700);
    for (int i = 0; i < 3; ++i) {
        INFO("frame " << i);
        const QImage frame = QImage::fromData(info.frame(avi, i), "JPEG");
        REQUIRE(frame.size() == QSize(64, 48));
        const QColor centre = frame.pixelColor(32, 24);
        CHECK(std::abs(centre.red() - colours[i].red()) < 24);
        CHECK(std::abs(centre.green() - colours[i].green()) < 24);
        CHECK(std::abs(centre.blue() - colours[i].blue()) < 24);
    }
    CHECK(info.frame(avi, 4) == jpeg);
    CHECK(info.frame(avi, 6) == jpeg);
    // Adding after taking the file goes on from there.
    REQUIRE(writer.addFrame(grey));
    CHECK(readClip(writer.file()).frames == 8);
}

TEST_CASE("Video wall: a tile records a clip at 10 frames a second while the GUI keeps turning",
          "[widgets][videowall]")
{
    VideoWall wall([] { return kStart; });
    wall.resize(800, 450);
    wall.show();
    QSignalSpy changed(&wall, &VideoWall::recordingChanged);
    QSignalSpy clips(&wall, &VideoWall::clipRecorded);
    CHECK_FALSE(wall.startRecording(0)); // no camera
    CHECK_FALSE(wall.startRecording(7)); // not in a 2x2 wall
    wall.setCamera(0, street());
    REQUIRE(waitUntil([&] { return wall.tileState(0) == VideoWall::TileState::Live; }));

    GuiHeartbeat heartbeat;
    QElapsedTimer recording;
    recording.start();
    REQUIRE(wall.startRecording(0));
    CHECK(wall.isRecording(0));
    CHECK(wall.startRecording(0)); // already: goes on as it was
    REQUIRE(changed.count() == 1);
    CHECK(changed[0] == QList<QVariant>{0, true});
    // The tile's bar says so, in red, with the time recorded (and stops saying it after).
    const auto redInBar = [&] {
        const QRect tile = wall.tileGeometry(0);
        const QImage bar = wall.grab(QRect(tile.left(), tile.bottom() - tile.height() / 8, tile.width(),
                                           tile.height() / 8))
                               .toImage();
        int red = 0;
        for (int y = 0; y < bar.height(); ++y) {
            for (int x = 0; x < bar.width(); ++x) {
                const QColor c = bar.pixelColor(x, y);
                red += c.red() > 200 && c.green() < 60 && c.blue() < 60;
            }
        }
        return red;
    };
    runFor(1500);
    CHECK(redInBar() > 50);
    wall.stopRecording(0);
    const qint64 recordedMs = recording.elapsed();
    CHECK_FALSE(wall.isRecording(0));
    REQUIRE(changed.count() == 2);
    CHECK(changed[1] == QList<QVariant>{0, false});
    CHECK(redInBar() == 0);
    REQUIRE(waitUntil([&] { return clips.count() == 1; }));
    INFO("longest GUI stall (10 ms ticks, waiting for a CPU not counted): " << heartbeat.longestStallMs() << " ms");
    CHECK(heartbeat.longestStallMs() < 500);

    const Clip clip = clipFrom(clips.takeFirst());
    CHECK(clip.tile == 0);
    CHECK(clip.cameraId == QStringLiteral("cam-12"));
    CHECK(clip.startedAtMs == kStart.toMSecsSinceEpoch());
    const ClipInfo info = readClip(clip.avi);
    INFO("recorded for " << recordedMs << " ms, " << info.frames << " frames");
    CHECK(info.size == QSize(320, 180));
    CHECK(info.fps == Approx(10));
    // A frame for each 100 ms of real time, however late the timer came.
    CHECK(std::abs(info.frames - int(recordedMs / 100)) <= 2);
    CHECK(clip.durationMs == info.durationMs);
    CHECK(clip.durationMs == info.frames * 100);
    const QImage first = QImage::fromData(info.frame(clip.avi, 0), "JPEG");
    const QImage last = QImage::fromData(info.frame(clip.avi, info.frames - 1), "JPEG");
    REQUIRE(first.size() == QSize(320, 180));
    REQUIRE(last.size() == QSize(320, 180));
    CHECK(QColor(first.pixel(160, 20)).value() > 100); // the street's sky, not a black frame
    CHECK(first != last);                              // it moves
}

TEST_CASE("Video wall: Ctrl+R starts and stops recording the current tile", "[widgets][videowall]")
{
    VideoWall wall([] { return kStart; });
    wall.resize(800, 450);
    QSignalSpy clips(&wall, &VideoWall::clipRecorded);
    wall.setCamera(2, street(QStringLiteral("cam-2")));
    REQUIRE(waitUntil([&] { return wall.tileState(2) == VideoWall::TileState::Live; }));
    wall.setCurrentTile(1); // nothing on it: nothing to record
    QTest::keyClick(&wall, Qt::Key_R, Qt::ControlModifier);
    CHECK_FALSE(wall.isRecording(1));
    wall.setCurrentTile(2);
    QTest::keyClick(&wall, Qt::Key_R, Qt::ControlModifier);
    CHECK(wall.isRecording(2));
    runFor(300);
    QTest::keyClick(&wall, Qt::Key_R, Qt::ControlModifier);
    CHECK_FALSE(wall.isRecording(2));
    REQUIRE(waitUntil([&] { return clips.count() == 1; }));
    const Clip clip = clipFrom(clips.takeFirst());
    CHECK(clip.tile == 2);
    CHECK(clip.cameraId == QStringLiteral("cam-2"));
    CHECK(readClip(clip.avi).frames >= 3);
}

TEST_CASE("Video wall: a recording ends with its time, its size, a new camera or the tile cleared",
          "[widgets][videowall]")
{
    VideoWall wall([] { return kStart; });
    wall.resize(800, 450);
    QSignalSpy changed(&wall, &VideoWall::recordingChanged);
    QSignalSpy clips(&wall, &VideoWall::clipRecorded);
    for (int tile = 0; tile < 4; ++tile)
        wall.setCamera(tile, street(QStringLiteral("cam-%1").arg(tile)));
    REQUIRE(waitUntil([&] {
        for (int tile = 0; tile < 4; ++tile) {
            if (wall.tileState(tile) != VideoWall::TileState::Live)
                return false;
        }
        return true;
    }));

    SECTION("the time limit")
    {
        REQUIRE(wall.startRecording(0, 500));
        REQUIRE(waitUntil([&] { return clips.count() == 1; }));
        CHECK_FALSE(wall.isRecording(0));
        CHECK(changed.last() == QList<QVariant>{0, false});
        const Clip clip = clipFrom(clips.takeFirst());
        CHECK(readClip(clip.avi).frames == 5);
        CHECK(clip.durationMs == 500);
    }
    SECTION("the size limit")
    {
        wall.setMaxClipBytes(60 * 1024); // a few frames of 320x180
        REQUIRE(wall.startRecording(1));
        REQUIRE(waitUntil([&] { return clips.count() == 1; }));
        CHECK_FALSE(wall.isRecording(1));
        const Clip clip = clipFrom(clips.takeFirst());
        CHECK(clip.avi.size() <= 60 * 1024);
        CHECK(readClip(clip.avi).frames >= 1);
        CHECK(clip.durationMs < 30000);
    }
    SECTION("a new camera on the tile, or none")
    {
        REQUIRE(wall.startRecording(2));
        REQUIRE(wall.startRecording(3));
        runFor(300);
        wall.setCamera(2, street(QStringLiteral("cam-other")));
        CHECK_FALSE(wall.isRecording(2));
        wall.clearTile(3);
        CHECK_FALSE(wall.isRecording(3));
        REQUIRE(waitUntil([&] { return clips.count() == 2; }));
        QStringList cameras;
        for (const QList<QVariant>& args : clips) {
            const Clip clip = clipFrom(args);
            cameras << QStringLiteral("%1:%2").arg(clip.tile).arg(clip.cameraId);
            CHECK(readClip(clip.avi).frames >= 3);
        }
        cameras.sort();
        // The clips are of the cameras recorded, not of what the tiles show now.
        CHECK(cameras == QStringList{QStringLiteral("2:cam-2"), QStringLiteral("3:cam-3")});
        // Off the layout: the recording ends too.
        REQUIRE(waitUntil([&] { return wall.tileState(2) == VideoWall::TileState::Live; }));
        REQUIRE(wall.startRecording(2));
        wall.setLayoutKind(VideoWall::Layout::Single);
        CHECK_FALSE(wall.isRecording(2));
        REQUIRE(waitUntil([&] { return clips.count() == 3; }));
    }
}

TEST_CASE("Video wall: a wide camera is recorded 640 pixels wide", "[widgets][videowall]")
{
    VideoWall wall([] { return kStart; });
    QSignalSpy clips(&wall, &VideoWall::clipRecorded);
    wall.setCamera(0, {QStringLiteral("wide"), QStringLiteral("Wide"),
                       QUrl(QStringLiteral("synthetic:drone?fps=25&w=1280&h=720"))});
    REQUIRE(waitUntil([&] { return wall.tileState(0) == VideoWall::TileState::Live; }));
    REQUIRE(wall.startRecording(0, 300));
    REQUIRE(waitUntil([&] { return clips.count() == 1; }));
    const QByteArray avi = clips.first()[1].toByteArray();
    const ClipInfo info = readClip(avi);
    CHECK(info.size == QSize(VideoWall::kClipMaxWidth, 360));
    CHECK(info.frames == 3);
    CHECK(QImage::fromData(info.frame(avi, 2), "JPEG").size() == QSize(640, 360));
}

TEST_CASE("Video wall: a wall closed while recording drops the clip and is gone at once",
          "[widgets][videowall]")
{
    QObject receiver;
    int clips = 0;
    auto wall = std::make_unique<VideoWall>([] { return kStart; });
    QObject::connect(wall.get(), &VideoWall::clipRecorded, &receiver, [&] { ++clips; });
    wall->setCamera(0, street());
    REQUIRE(waitUntil([&] { return wall->tileState(0) == VideoWall::TileState::Live; }));
    REQUIRE(wall->startRecording(0));
    runFor(300);
    // Its recorder's worker ends on its own thread; the wall waits only for that.
    const qint64 closing = stallMsOf([&] { wall.reset(); });
    INFO("closing held the GUI thread for " << closing << " ms");
    CHECK(closing < 1000);
    runFor(200);
    CHECK(clips == 0);
}

TEST_CASE("Video wall: a recorded clip plays back on a tile, as GStreamer reads it", "[widgets][videowall]")
{
    VideoWall wall([] { return kStart; });
    wall.resize(800, 450);
    wall.show();
    QSignalSpy clips(&wall, &VideoWall::clipRecorded);
    wall.setCamera(0, street());
    REQUIRE(waitUntil([&] { return wall.tileState(0) == VideoWall::TileState::Live; }));
    REQUIRE(wall.startRecording(0, 1000));
    REQUIRE(waitUntil([&] { return clips.count() == 1; }));
    const Clip clip = clipFrom(clips.takeFirst());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clip.avi"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(clip.avi) == clip.avi.size());
    file.close();
    wall.setCamera(1, {QStringLiteral("clip"), QStringLiteral("Recorded clip"), QUrl::fromLocalFile(path)});
    REQUIRE(waitUntil([&] { return wall.tileState(1) == VideoWall::TileState::Live; }, 15000));
    CHECK(wall.offlineReason(1).isEmpty());
    const QImage frame = wall.grabFrame(1);
    CHECK(frame.size() == QSize(320, 180));
    // The street's sky as recorded (give or take JPEG and the decoder's colour conversion), not black.
    const QImage recorded = QImage::fromData(readClip(clip.avi).frame(clip.avi, 0), "JPEG");
    const int sky = QColor(recorded.pixel(160, 20)).value();
    CHECK(sky > 80);
    CHECK(std::abs(QColor(frame.pixel(160, 20)).value() - sky) < 30);
}
