// hexhub-bench-video --tiles N --warmup MS --window MS [--size WxH] CLIP...: the child side of
// `hexhub-bench video`, a widget program (hexhub-bench itself links only the core). Shows a VideoWall
// of N tiles (the smallest grid that holds them) playing the clips in turn, as file cameras that loop;
// once every tile is live and the warm-up is over, counts over the window what each tile's stream
// decoded and what the tile painted, and the process's CPU time (every thread: GStreamer's decoders,
// the players, the GUI). Prints one JSON line: frames per second per tile (lowest and median), and the
// CPU time per stream in percent of one core, in all and by kind of thread.
#include "procstat.h"
#include "videowall.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <functional>
#include <stdexcept>
#include <sys/resource.h>
#include <unistd.h>

using namespace hexhub;
using hexhub::bench::cpuSecondsFromStat;
using hexhub::bench::runFor;

namespace {

// User and system CPU time of the whole process (all its threads), in seconds.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU seconds of each thread of this process by what it does: "gui" (the main thread, and Qt's pooled
// threads it paints with), "players" (the wall's player threads: Qt Multimedia's sink, the conversion
// to RGB) and "gstreamer" (the pipelines' own threads: demuxing, decoding).
QHash<qint64, QPair<QString, double>> threadSeconds()
{
    QHash<qint64, QPair<QString, double>> threads;
    const qint64 self = getpid();
    const QStringList tids =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& tid : tids) {
        QByteArray name;
        const double seconds = cpuSecondsFromStat(QStringLiteral("/proc/self/task/%1/stat").arg(tid), &name);
        if (seconds < 0)
            continue; // ended meanwhile
        // Qt's pooled threads help the GUI thread paint (scaled pictures are drawn in parallel parts).
        const QString kind = tid.toLongLong() == self || name == "Thread (pooled)" ? QStringLiteral("gui")
                             : name == "video player" ? QStringLiteral("players")
                                                      : QStringLiteral("gstreamer");
        threads.insert(tid.toLongLong(), {kind, seconds});
    }
    return threads;
}

// Runs the event loop until `done` holds (checked whenever the wall reports a state change, and
// every 50 ms) or `timeoutMs` passes; false on the timeout.
bool runUntil(VideoWall& wall, const std::function<bool()>& done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QObject::connect(&wall, &VideoWall::tileStateChanged, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start(50);
    loop.exec();
    return done();
}

VideoWall::Layout layoutFor(int tiles)
{
    for (const VideoWall::Layout layout : {VideoWall::Layout::Single, VideoWall::Layout::Grid2x2,
                                           VideoWall::Layout::Grid3x3, VideoWall::Layout::Grid4x4}) {
        if (VideoWall::tileCountOf(layout) >= tiles)
            return layout;
    }
    throw std::runtime_error("at most 16 tiles");
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    int tiles = 0;
    int warmupMs = 2000;
    int windowMs = 6000;
    QSize size(1920, 1080);
    QStringList clips;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--tiles"))
            tiles = args.value(++i).toInt();
        else if (args[i] == QLatin1String("--warmup"))
            warmupMs = args.value(++i).toInt();
        else if (args[i] == QLatin1String("--window"))
            windowMs = args.value(++i).toInt();
        else if (args[i] == QLatin1String("--size")) {
            const QStringList wh = args.value(++i).split(QLatin1Char('x'));
            size = QSize(wh.value(0).toInt(), wh.value(1).toInt());
        } else
            clips << args[i];
    }
    QTextStream err(stderr);
    if (tiles < 1 || tiles > VideoWall::kMaxTiles || clips.isEmpty() || windowMs <= 0 || size.isEmpty()) {
        err << "usage: hexhub-bench-video --tiles 1..16 [--warmup MS] [--window MS] [--size WxH] CLIP...\n";
        return 2;
    }
    for (const QString& clip : std::as_const(clips)) {
        if (!QFileInfo(clip).isReadable()) {
            err << "no clip at " << clip << "\n";
            return 2;
        }
    }

    QJsonObject out;
    try {
        VideoWall wall([] { return QDateTime::currentDateTimeUtc(); }); // as the clock gives it
        wall.setLayoutKind(layoutFor(tiles));
        wall.resize(size);
        wall.show();
        for (int tile = 0; tile < tiles; ++tile) {
            const QString clip = clips[tile % clips.size()];
            wall.setCamera(tile, {QStringLiteral("clip-%1").arg(tile), QFileInfo(clip).completeBaseName(),
                                  QUrl::fromLocalFile(clip)});
        }
        const auto allLive = [&] {
            for (int tile = 0; tile < tiles; ++tile) {
                if (wall.tileState(tile) != VideoWall::TileState::Live)
                    return false;
            }
            return true;
        };
        const auto anyOffline = [&] {
            for (int tile = 0; tile < tiles; ++tile) {
                if (wall.tileState(tile) == VideoWall::TileState::Offline)
                    return tile;
            }
            return -1;
        };
        QElapsedTimer starting;
        starting.start();
        if (!runUntil(
                wall, [&] { return allLive() || anyOffline() >= 0; }, 60000) ||
            !allLive()) {
            const int offline = anyOffline();
            throw std::runtime_error(offline >= 0 ? QStringLiteral("tile %1 went offline: %2")
                                                        .arg(offline + 1)
                                                        .arg(wall.offlineReason(offline))
                                                        .toStdString()
                                                  : "the tiles were not all live within 60 s");
        }
        out.insert(QStringLiteral("liveAfterMs"), double(starting.elapsed()));
        runFor(warmupMs);

        // A tile leaving Live during the window (a stream that stalled or failed) is counted.
        int dropouts = 0;
        const QMetaObject::Connection watch =
            QObject::connect(&wall, &VideoWall::tileStateChanged, [&](int, VideoWall::TileState state) {
                if (state != VideoWall::TileState::Live)
                    ++dropouts;
            });
        QList<VideoWall::FrameCounts> before;
        for (int tile = 0; tile < tiles; ++tile)
            before << wall.frameCounts(tile);
        const double cpuBefore = cpuSeconds();
        const auto threadsBefore = threadSeconds();
        QElapsedTimer window;
        window.start();
        runFor(windowMs);
        const double cpu = cpuSeconds() - cpuBefore;
        const double seconds = window.nsecsElapsed() / 1e9;
        QHash<QString, double> byKind;
        const auto threadsAfter = threadSeconds();
        for (auto it = threadsAfter.cbegin(); it != threadsAfter.cend(); ++it)
            byKind[it->first] += it->second - threadsBefore.value(it.key(), {it->first, 0.0}).second;
        QObject::disconnect(watch);

        QList<double> painted, produced, received;
        for (int tile = 0; tile < tiles; ++tile) {
            const VideoWall::FrameCounts after = wall.frameCounts(tile);
            painted << (after.painted - before[tile].painted) / seconds;
            produced << (after.produced - before[tile].produced) / seconds;
            received << (after.received - before[tile].received) / seconds;
        }
        out.insert(QStringLiteral("tiles"), tiles);
        out.insert(QStringLiteral("seconds"), seconds);
        out.insert(QStringLiteral("paintedMin"), *std::min_element(painted.cbegin(), painted.cend()));
        out.insert(QStringLiteral("paintedMedian"), median(painted));
        out.insert(QStringLiteral("producedMin"), *std::min_element(produced.cbegin(), produced.cend()));
        out.insert(QStringLiteral("producedMedian"), median(produced));
        out.insert(QStringLiteral("receivedMin"), *std::min_element(received.cbegin(), received.cend()));
        out.insert(QStringLiteral("cpuPercentPerStream"), 100 * cpu / seconds / tiles);
        out.insert(QStringLiteral("dropouts"), dropouts);
        for (const QString& kind :
             {QStringLiteral("gui"), QStringLiteral("players"), QStringLiteral("gstreamer")})
            out.insert(kind + QStringLiteral("PercentPerStream"),
                       100 * byKind.value(kind) / seconds / tiles);
    } catch (const std::exception& e) {
        err << e.what() << "\n";
        return 1;
    }
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}
