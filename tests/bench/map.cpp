// hexhub-bench map: the map's pan and zoom smoothness with 10,000 markers (issue 5, section 8),
// beside a plain QGraphicsView over 10,000 QGraphicsEllipseItems panned and zoomed the same way in
// the same run. The widgets run in a child process, hexhub-bench-map, found beside hexhub-bench.
#include "benchmarks.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

#include <stdexcept>

namespace hexhub::bench {

QList<Figure> mapSmoothness(bool quick)
{
    QProcess child;
    const QString program = QCoreApplication::applicationDirPath() + QStringLiteral("/hexhub-bench-map");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.start(program, quick ? QStringList{QStringLiteral("--quick")} : QStringList{});
    if (!child.waitForFinished(600000) || child.exitCode() != 0)
        throw std::runtime_error(QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(child.readAllStandardError())).toStdString());
    const QByteArray out = child.readAllStandardOutput();
    const QJsonObject json = QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
    if (json.isEmpty())
        throw std::runtime_error("hexhub-bench-map printed no figures: " + out.toStdString());

    const auto figure = [&](const QString& key, const QString& baselineKey, const QString& what, const QString& note) {
        Figure f;
        f.name = QStringLiteral("map, 10,000 markers: %1").arg(what);
        f.value = json.value(key).toDouble();
        f.baseline = json.value(baselineKey).toDouble();
        f.unit = QStringLiteral("ms");
        // Smooth: a frame well inside the 16.7 ms of 60 frames a second.
        f.target = QStringLiteral("< 16 ms a frame");
        f.met = f.value < 16;
        f.note = note;
        return f;
    };
    const QString plain = QStringLiteral("baseline: QGraphicsView, 10,000 QGraphicsEllipseItems, same steps; repaint of a "
                                         "1600 x 900 viewport after each step, offscreen");
    const QString tiles = QStringLiteral("with the district and 256-pixel tiles under the markers, panned east over new "
                                         "ground (%1 tiles fetched and decoded during the run); baseline: the plain view "
                                         "drawing the same tiles as its background over the same ground (%2 decoded)")
                              .arg(json.value(QStringLiteral("tilesDecoded")).toInt())
                              .arg(json.value(QStringLiteral("plainTilesDecoded")).toInt());
    return {figure(QStringLiteral("mapPanMedian"), QStringLiteral("plainPanMedian"), QStringLiteral("pan frame, median"), plain),
            figure(QStringLiteral("mapPanP90"), QStringLiteral("plainPanP90"), QStringLiteral("pan frame, 90th percentile"), plain),
            figure(QStringLiteral("mapZoomMedian"), QStringLiteral("plainZoomMedian"), QStringLiteral("zoom frame, median"), plain),
            figure(QStringLiteral("mapZoomP90"), QStringLiteral("plainZoomP90"), QStringLiteral("zoom frame, 90th percentile"), plain),
            figure(QStringLiteral("tilesPanMedian"), QStringLiteral("plainTilesPanMedian"), QStringLiteral("pan frame with tiles, median"), tiles),
            figure(QStringLiteral("tilesPanP90"), QStringLiteral("plainTilesPanP90"), QStringLiteral("pan frame with tiles, 90th percentile"), tiles)};
}

} // namespace hexhub::bench
