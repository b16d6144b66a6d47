// hexhub-bench video: decoding and showing N simultaneous 640x360 25 fps H.264 files looping through
// the wall (issue 6, section 5), for N = 1, 4, 9, 16, beside GStreamer's own gst-launch-1.0 decoding the
// same files into a fakesink in the same run: converted to RGB32 on the way, as the wall needs them to
// paint (the baseline the figure is judged against), and decoded alone. The clips are made for the run
// with GStreamer (videotestsrc, x264enc, mp4mux) in a temporary folder; the wall runs in a child
// process, hexhub-bench-video, found beside hexhub-bench.
#include "benchmarks.h"
#include "procstat.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <memory>
#include <stdexcept>
#include <unistd.h>

namespace hexhub::bench {

namespace {

constexpr int kFps = 25;

// Four moving pictures, so neighbouring tiles do not show (and decode) the same frames.
const char* const kPatterns[] = {"smpte horizontal-speed=4", "ball motion=wavy background-color=0xff305070",
                                 "zone-plate kx2=20 ky2=20 kt=1", "pinwheel horizontal-speed=3"};

std::runtime_error failure(const QString& what)
{
    return std::runtime_error(what.toStdString());
}

QString gstLaunch()
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("gst-launch-1.0"));
    if (program.isEmpty())
        throw failure(
            QStringLiteral("gst-launch-1.0 is not installed: the video benchmark makes its clips and its "
                           "baseline with it (Debian: gstreamer1.0-tools, gstreamer1.0-plugins-ugly, "
                           "gstreamer1.0-libav; packaging/install-deps.sh installs them)"));
    return program;
}

// The clips, `frames` frames each (640x360, 25 fps, 8-bit 4:2:0 H.264 as cameras send it, in MP4, about
// 1 Mbit/s), encoded side by side.
QStringList makeClips(const QString& gst, const QString& folder, int frames)
{
    QStringList clips;
    std::vector<std::unique_ptr<QProcess>> encoders;
    for (const char* pattern : kPatterns) {
        const QString spec = QString::fromLatin1(pattern);
        const QString path = QStringLiteral("%1/%2.mp4").arg(folder, spec.section(QLatin1Char(' '), 0, 0));
        QStringList args{QStringLiteral("-q"), QStringLiteral("videotestsrc"),
                         QStringLiteral("num-buffers=%1").arg(frames)};
        args << QStringLiteral("pattern=%1").arg(spec.section(QLatin1Char(' '), 0, 0))
             << spec.section(QLatin1Char(' '), 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        args << QStringLiteral("!")
             << QStringLiteral("video/x-raw,format=I420,width=640,height=360,framerate=%1/1").arg(kFps)
             << QStringLiteral("!") << QStringLiteral("x264enc") << QStringLiteral("speed-preset=veryfast")
             << QStringLiteral("bitrate=1000") << QStringLiteral("key-int-max=50") << QStringLiteral("!")
             << QStringLiteral("h264parse") << QStringLiteral("!") << QStringLiteral("mp4mux")
             << QStringLiteral("!") << QStringLiteral("filesink")
             << QStringLiteral("location=%1").arg(path);
        auto encoder = std::make_unique<QProcess>();
        encoder->start(gst, args);
        encoders.push_back(std::move(encoder));
        clips << path;
    }
    for (size_t i = 0; i < encoders.size(); ++i) {
        QProcess& encoder = *encoders[i];
        if (!encoder.waitForFinished(300000) || encoder.exitStatus() != QProcess::NormalExit ||
            encoder.exitCode() != 0 || QFileInfo(clips[qsizetype(i)]).size() == 0) {
            for (const auto& other : encoders) {
                other->kill();
                other->waitForFinished(5000);
            }
            throw failure(
                QStringLiteral(
                    "could not make the clip %1 with gst-launch-1.0 (are x264enc and mp4mux there? "
                    "Debian: gstreamer1.0-plugins-ugly, gstreamer1.0-plugins-good): %2 %3")
                    .arg(clips[qsizetype(i)],
                         QString::fromLocal8Bit(encoder.readAllStandardError()).trimmed(),
                         QString::fromLocal8Bit(encoder.readAllStandardOutput()).trimmed()));
        }
    }
    return clips;
}

// The wall with `tiles` tiles, in the child.
QJsonObject runWall(int tiles, const QStringList& clips, int warmupMs, int windowMs)
{
    QProcess child;
    const QString program = QCoreApplication::applicationDirPath() + QStringLiteral("/hexhub-bench-video");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.start(program, QStringList{QStringLiteral("--tiles"), QString::number(tiles),
                                     QStringLiteral("--warmup"), QString::number(warmupMs),
                                     QStringLiteral("--window"), QString::number(windowMs)}
                             << clips);
    if (!child.waitForFinished(180000) || child.exitStatus() != QProcess::NormalExit ||
        child.exitCode() != 0) {
        child.kill();
        child.waitForFinished();
        throw failure(QStringLiteral("%1 with %2 tiles failed: %3")
                          .arg(program)
                          .arg(tiles)
                          .arg(child.error() == QProcess::FailedToStart
                                   ? child.errorString()
                                   : QString::fromLocal8Bit(child.readAllStandardError()).trimmed()));
    }
    const QByteArray out = child.readAllStandardOutput();
    const QJsonObject json = QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
    if (json.isEmpty())
        throw failure(
            QStringLiteral("hexhub-bench-video printed no figures: %1").arg(QString::fromLocal8Bit(out)));
    return json;
}

// utime + stime of process `pid` (all its threads), in seconds; -1 when it is gone.
double cpuSecondsOf(qint64 pid)
{
    return cpuSecondsFromStat(QStringLiteral("/proc/%1/stat").arg(pid));
}

// The baseline: `streams` gst-launch-1.0 processes each decoding a clip (the same ones as the wall's
// tiles) in real time into a fakesink, `toRgb`: converted to the wall's RGB32 on the way; their CPU
// time over the window, in percent of one core per stream.
double runGstreamer(const QString& gst, int streams, const QStringList& clips, int warmupMs, int windowMs,
                    bool toRgb)
{
    std::vector<std::unique_ptr<QProcess>> players;
    const auto stopAll = [&] {
        for (const auto& player : players) {
            player->kill();
            player->waitForFinished(5000);
        }
    };
    for (int i = 0; i < streams; ++i) {
        auto player = std::make_unique<QProcess>();
        QStringList args{QStringLiteral("-q"),
                         QStringLiteral("filesrc"),
                         QStringLiteral("location=%1").arg(clips[i % clips.size()]),
                         QStringLiteral("!"),
                         QStringLiteral("qtdemux"),
                         QStringLiteral("!"),
                         QStringLiteral("h264parse"),
                         QStringLiteral("!"),
                         QStringLiteral("avdec_h264"),
                         QStringLiteral("!")};
        if (toRgb)
            args << QStringLiteral("videoconvert") << QStringLiteral("!")
                 << QStringLiteral("video/x-raw,format=BGRx") << QStringLiteral("!");
        args << QStringLiteral("fakesink") << QStringLiteral("sync=true");
        player->start(gst, args);
        const bool started = player->waitForStarted(30000);
        players.push_back(std::move(player));
        if (!started) {
            stopAll();
            throw failure(
                QStringLiteral("could not start gst-launch-1.0: %1").arg(players.back()->errorString()));
        }
    }
    runFor(warmupMs);
    const auto total = [&] {
        double sum = 0;
        for (const auto& player : players) {
            const double seconds = cpuSecondsOf(player->processId());
            if (player->state() != QProcess::Running || seconds < 0) {
                const QString error = QString::fromLocal8Bit(player->readAllStandardError()).trimmed();
                stopAll();
                throw failure(
                    QStringLiteral("gst-launch-1.0 decoding a clip ended before the measurement did: %1")
                        .arg(error.isEmpty() ? QStringLiteral("the clip is too short") : error));
            }
            sum += seconds;
        }
        return sum;
    };
    const double before = total();
    QElapsedTimer window;
    window.start();
    runFor(windowMs);
    const double cpu = total() - before;
    const double seconds = window.nsecsElapsed() / 1e9;
    stopAll();
    return 100 * cpu / seconds / streams;
}

// The baseline's frame rate: `streams` gst-launch-1.0 processes each decoding a clip into the wall's
// RGB32 in real time, their frames counted by fpsdisplaysink (its `rendered: N` reports on standard
// output); the lowest stream's frames a second over the window. Apart from the CPU run: the reports
// cost a little.
double measureGstreamerFps(const QString& gst, int streams, const QStringList& clips, int warmupMs, int windowMs)
{
    std::vector<std::unique_ptr<QProcess>> players;
    const auto stopAll = [&] {
        for (const auto& player : players) {
            player->kill();
            player->waitForFinished(5000);
        }
    };
    QList<QByteArray> outputs(streams);
    // Its reports go through stdio, fully buffered into a pipe: stdbuf (coreutils) makes them come
    // line by line, as they are made.
    const QString stdbuf = QStandardPaths::findExecutable(QStringLiteral("stdbuf"));
    for (int i = 0; i < streams; ++i) {
        auto player = std::make_unique<QProcess>();
        QStringList args{QStringLiteral("-v"), QStringLiteral("filesrc"),
                            QStringLiteral("location=%1").arg(clips[i % clips.size()]), QStringLiteral("!"),
                            QStringLiteral("qtdemux"), QStringLiteral("!"), QStringLiteral("h264parse"), QStringLiteral("!"),
                            QStringLiteral("avdec_h264"), QStringLiteral("!"), QStringLiteral("videoconvert"), QStringLiteral("!"),
                            QStringLiteral("video/x-raw,format=BGRx"), QStringLiteral("!"), QStringLiteral("fpsdisplaysink"),
                            QStringLiteral("video-sink=fakesink"), QStringLiteral("text-overlay=false"),
                            QStringLiteral("sync=true"), QStringLiteral("fps-update-interval=250")};
        if (stdbuf.isEmpty())
            player->start(gst, args);
        else
            player->start(stdbuf, QStringList{QStringLiteral("-oL"), gst} + args);
        const bool started = player->waitForStarted(30000);
        players.push_back(std::move(player));
        if (!started) {
            stopAll();
            throw failure(QStringLiteral("could not start gst-launch-1.0: %1").arg(players.back()->errorString()));
        }
    }
    static const QRegularExpression rendered(QStringLiteral("rendered: (\\d+)"));
    // The frames each stream has rendered so far, from the last report it printed.
    const auto counts = [&] {
        QList<qint64> n;
        for (int i = 0; i < streams; ++i) {
            outputs[i] += players[i]->readAllStandardOutput();
            qint64 last = -1;
            for (auto it = rendered.globalMatch(QString::fromUtf8(outputs[i])); it.hasNext();)
                last = it.next().captured(1).toLongLong();
            outputs[i] = outputs[i].right(4096); // the latest reports are enough
            n << last;
        }
        return n;
    };
    runFor(warmupMs);
    // Every stream reporting before the window opens (a loaded machine starts them slowly).
    QList<qint64> before = counts();
    QElapsedTimer starting;
    starting.start();
    while (std::any_of(before.begin(), before.end(), [](qint64 n) { return n < 0; }) && starting.elapsed() < 15000) {
        runFor(100);
        before = counts();
    }
    // Each stream's frames between its first and its last report in the window, over the time
    // between them: reports are read as they come (every 50 ms), so the window's edges do not
    // count a report interval too many or too few.
    struct Seen
    {
        qint64 firstCount = -1, lastCount = -1;
        qint64 firstMs = 0, lastMs = 0;
    };
    QList<Seen> seen(streams);
    QElapsedTimer window;
    window.start();
    while (window.elapsed() < windowMs) {
        runFor(50);
        const QList<qint64> now = counts();
        for (int i = 0; i < streams; ++i) {
            if (now[i] < 0 || now[i] == before[i] || now[i] == seen[i].lastCount)
                continue;
            if (seen[i].firstCount < 0) {
                seen[i].firstCount = now[i];
                seen[i].firstMs = window.elapsed();
            }
            seen[i].lastCount = now[i];
            seen[i].lastMs = window.elapsed();
        }
    }
    stopAll();
    double lowest = -1;
    for (int i = 0; i < streams; ++i) {
        if (seen[i].firstCount < 0 || seen[i].lastMs <= seen[i].firstMs)
            throw failure(QStringLiteral("gst-launch-1.0 printed too few frame counts in the window (is fpsdisplaysink "
                                         "there? Debian: gstreamer1.0-plugins-bad)"));
        const double fps = double(seen[i].lastCount - seen[i].firstCount) * 1000.0 / double(seen[i].lastMs - seen[i].firstMs);
        lowest = lowest < 0 ? fps : std::min(lowest, fps);
    }
    return lowest;
}

} // namespace

QList<Figure> videoWall(bool quick)
{
    const QString gst = gstLaunch();
    const int warmupMs = quick ? 1000 : 2000;
    const int windowMs = quick ? 2000 : 6000;
    // Long enough that the baseline's players (which do not loop) still decode at the window's end.
    const int clipSeconds = quick ? 8 : 15;
    QTemporaryDir folder;
    if (!folder.isValid())
        throw failure(QStringLiteral("no temporary folder: %1").arg(folder.errorString()));
    const QStringList clips = makeClips(gst, folder.path(), clipSeconds * kFps);

    QList<Figure> figures;
    for (const int tiles : quick ? QList<int>{1, 4} : QList<int>{1, 4, 9, 16}) {
        const QJsonObject wall = runWall(tiles, clips, warmupMs, windowMs);
        const double gstRgb = runGstreamer(gst, tiles, clips, warmupMs, windowMs, true);
        const double gstDecode = runGstreamer(gst, tiles, clips, warmupMs, windowMs, false);
        const double gstFps = measureGstreamerFps(gst, tiles, clips, warmupMs, windowMs);
        const bool issueTarget = tiles == 9;
        // On a 1920x1080 wall the 640x360 frames are scaled up 3 and 1.5 times on 1 and 4 tiles, copied
        // 1:1 on 9 and scaled down to 3/4 on 16.
        const QString scale = tiles == 1   ? QStringLiteral("frames scaled up 3 times")
                              : tiles == 4 ? QStringLiteral("frames scaled up 1.5 times")
                              : tiles == 9 ? QStringLiteral("frames copied 1:1")
                                           : QStringLiteral("frames scaled down to 3/4");

        Figure fps;
        fps.name = QStringLiteral("video, %1 tiles: frames shown a second, lowest tile").arg(tiles);
        fps.value = wall.value(QStringLiteral("paintedMin")).toDouble();
        fps.baseline = gstFps;
        fps.unit = QStringLiteral("fps");
        fps.higherIsBetter = true;
        fps.target = QStringLiteral("%1within 1 fps of GStreamer's own pipeline")
                         .arg(issueTarget ? QStringLiteral("9 tiles at full rate (issue 6), ") : QString());
        fps.met = fps.value >= gstFps - 1;
        fps.note = QStringLiteral(
                       "baseline: %6 gst-launch-1.0 ... ! videoconvert ! BGRx ! fpsdisplaysink (fakesink, sync) on "
                       "the same %7 fps clips, the lowest stream's frames counted over the window; median tile %1 fps, "
                       "decoded %2 fps (lowest tile); %3 tiles leaving live; a 1920x1080 wall, offscreen, %4, over %5 s")
                       .arg(wall.value(QStringLiteral("paintedMedian")).toDouble(), 0, 'f', 1)
                       .arg(wall.value(QStringLiteral("producedMin")).toDouble(), 0, 'f', 1)
                       .arg(wall.value(QStringLiteral("dropouts")).toInt())
                       .arg(scale)
                       .arg(wall.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1)
                       .arg(tiles)
                       .arg(kFps);
        figures << fps;

        Figure cpu;
        cpu.name = QStringLiteral("video, %1 tiles: CPU per stream").arg(tiles);
        cpu.value = wall.value(QStringLiteral("cpuPercentPerStream")).toDouble();
        cpu.baseline = gstRgb;
        cpu.unit = QStringLiteral("% of a core");
        cpu.target =
            QStringLiteral("%1at most 1.5x")
                .arg(issueTarget ? QStringLiteral("within 1.5x of the raw GStreamer pipeline (issue 6), ")
                                 : QString());
        cpu.met = cpu.ratio() <= 1.5;
        // The fair baseline makes the pictures the wall paints: decoded and converted to RGB32 (the wall
        // cannot paint YUV); decoding alone is given beside it.
        cpu.note =
            QStringLiteral(
                "the wall's process over %1 streams: GStreamer's threads %2, the players (Qt "
                "Multimedia's sink, YUV to RGB) %3, painting %4 (%5); baseline: %1 gst-launch-1.0 "
                "filesrc ! qtdemux ! h264parse ! avdec_h264 ! videoconvert ! video/x-raw,format=BGRx ! "
                "fakesink sync=true at once on the same clips, the pictures the wall paints; decoding "
                "alone (... avdec_h264 ! fakesink sync=true) %6, ratio %7")
                .arg(tiles)
                .arg(wall.value(QStringLiteral("gstreamerPercentPerStream")).toDouble(), 0, 'f', 2)
                .arg(wall.value(QStringLiteral("playersPercentPerStream")).toDouble(), 0, 'f', 2)
                .arg(wall.value(QStringLiteral("guiPercentPerStream")).toDouble(), 0, 'f', 2)
                .arg(scale)
                .arg(gstDecode, 0, 'f', 2)
                .arg(gstDecode > 0 ? cpu.value / gstDecode : 0, 0, 'f', 2);
        figures << cpu;
    }
    return figures;
}

} // namespace hexhub::bench
