// hexhub-bench startup: the time from starting `hexhub --startup-probe` (a desk's start with every
// module, signed in by the flag) to its main window on screen, beside a bare Qt program that shows
// an empty QMainWindow (hexhub-bench-bare-mainwindow) and that window with text in it
// (hexhub-bench-text-mainwindow), started in turn in the same run.
#include "benchmarks.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <stdexcept>

namespace hexhub::bench {

namespace {

struct Run
{
    double shownMs = 0;   //!< from QProcess::start() to the `shown` line
    double exitedMs = 0;  //!< ... to the process's exit
    QString shownLine;    //!< `shown`, and from the probe `modules=7 setup=12 platform=80 ...`
};

double percentileOf(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(index);
}

double medianOf(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 == 1 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

QString programBesideMe(const QString& name)
{
    const QString path = QDir(QCoreApplication::applicationDirPath()).filePath(name);
    if (!QFileInfo(path).isExecutable())
        throw std::runtime_error(QStringLiteral("%1 is missing: build it first").arg(path).toStdString());
    return path;
}

// Starts `program`, and measures the wall time until it writes its `shown` line and until it exits.
// Waiting is blocking on the pipe and the process (no polling).
Run runOnce(const QString& program, const QStringList& arguments)
{
    constexpr int kTimeoutMs = 60000;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setReadChannel(QProcess::StandardOutput);
    Run run;
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    auto fail = [&](const QString& what) {
        process.kill();
        process.waitForFinished(5000);
        throw std::runtime_error(QStringLiteral("%1 %2: %3 (%4)")
                                     .arg(program, arguments.join(u' '), what,
                                          QString::fromLocal8Bit(process.readAllStandardError()).trimmed())
                                     .toStdString());
    };
    if (!process.waitForStarted(kTimeoutMs))
        fail(QStringLiteral("did not start"));
    while (run.shownLine.isEmpty()) {
        while (process.canReadLine() && run.shownLine.isEmpty()) {
            const QString line = QString::fromUtf8(process.readLine()).trimmed();
            if (line.startsWith(QLatin1String("shown"))) {
                run.shownMs = double(clock.nsecsElapsed()) / 1e6;
                run.shownLine = line;
            }
        }
        if (!run.shownLine.isEmpty())
            break;
        if (process.state() == QProcess::NotRunning)
            fail(QStringLiteral("exited without showing its window"));
        if (!process.waitForReadyRead(kTimeoutMs) && process.state() != QProcess::NotRunning)
            fail(QStringLiteral("showed no window within %1 s").arg(kTimeoutMs / 1000));
    }
    if (!process.waitForFinished(kTimeoutMs))
        fail(QStringLiteral("did not exit after showing its window"));
    run.exitedMs = double(clock.nsecsElapsed()) / 1e6;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        fail(QStringLiteral("exited with %1").arg(process.exitCode()));
    return run;
}

} // namespace

QList<Figure> startupTime(int runs)
{
    const QString hexhub = programBesideMe(QStringLiteral("hexhub"));
    const QString bare = programBesideMe(QStringLiteral("hexhub-bench-bare-mainwindow"));
    const QString text = programBesideMe(QStringLiteral("hexhub-bench-text-mainwindow"));
    // A desk opens the store it has: the warm-up makes it (and the trainer) in `desk`, the measured
    // runs open it. A first start on a new store is measured beside it, each in a folder of its own.
    QTemporaryDir folders;
    const QString desk = folders.filePath(QStringLiteral("desk"));
    const QStringList probeArguments{QStringLiteral("--startup-probe"), desk};
    int firstStarts = 0;
    auto firstStartArguments = [&] {
        return QStringList{QStringLiteral("--startup-probe"), folders.filePath(QStringLiteral("new-%1").arg(++firstStarts))};
    };

    // One of each first, unmeasured: the page cache, font and plugin caches warm for both.
    runOnce(bare, {});
    runOnce(text, {});
    runOnce(hexhub, probeArguments);

    QList<double> bareShown, bareExited, hexhubShown, hexhubExited, newStoreShown, textShown;
    // The probe's phases (each one's length), after the time from QProcess::start() to the probe's start.
    QStringList phaseNames{QStringLiteral("exec, libraries and QApplication")};
    QHash<QString, QList<double>> phaseLengths;
    QString modules;
    for (int i = 0; i < runs; ++i) {
        // In turn, each first every third time, so none always follows another.
        for (int k = 0; k < 3; ++k) {
            if ((i + k) % 3 == 2) {
                textShown << runOnce(text, {}).shownMs;
            } else if ((i + k) % 3 == 0) {
                const Run r = runOnce(bare, {});
                bareShown << r.shownMs;
                bareExited << r.exitedMs;
            } else {
                const Run r = runOnce(hexhub, probeArguments);
                hexhubShown << r.shownMs;
                hexhubExited << r.exitedMs;
                double previous = 0;
                for (const QString& field : r.shownLine.split(u' ', Qt::SkipEmptyParts).mid(1)) {
                    const QString key = field.section(u'=', 0, 0);
                    const QString value = field.section(u'=', 1);
                    if (key == QLatin1String("modules")) {
                        modules = value;
                        continue;
                    }
                    if (!phaseNames.contains(key))
                        phaseNames << key;
                    phaseLengths[key] << value.toDouble() - previous;
                    previous = value.toDouble();
                }
                phaseLengths[phaseNames.first()] << r.shownMs - previous;
                if (i % 3 == 0) // fewer of these: each leaves a store behind
                    newStoreShown << runOnce(hexhub, firstStartArguments()).shownMs;
            }
        }
    }

    const double median = medianOf(hexhubShown);
    const double baseline = medianOf(bareShown);
    QStringList phases;
    for (const QString& phase : std::as_const(phaseNames))
        phases << QStringLiteral("%1 %2").arg(phase).arg(medianOf(phaseLengths.value(phase)), 0, 'f', 1);
    const QString note = QStringLiteral("%1 runs of each, in turn, offscreen; %2 modules; median ms per phase: %3")
                             .arg(runs)
                             .arg(modules, phases.join(QStringLiteral(", ")));
    return {
        Figure{QStringLiteral("startup: to the main window, median"), median, baseline, QStringLiteral("ms"),
               QStringLiteral("<= 2x the bare program: %1").arg(median <= 2 * baseline ? QStringLiteral("met") : QStringLiteral("NOT met")),
               false, note},
        Figure{QStringLiteral("startup: first start on a new store, median"), medianOf(newStoreShown), baseline, QStringLiteral("ms"),
               QStringLiteral("informative"), false,
               QStringLiteral("%1 runs: the store made and migrated, the trainer created, then as above").arg(newStoreShown.size())},
        Figure{QStringLiteral("startup: a QMainWindow of 1280x800 with a line of text, median"), medianOf(textShown), baseline,
               QStringLiteral("ms"), QStringLiteral("informative"), false,
               QStringLiteral("hexhub-bench-text-mainwindow: what the fonts and a full-size first frame cost any desk")},
        Figure{QStringLiteral("startup: to the main window, p90"), percentileOf(hexhubShown, 0.9), percentileOf(bareShown, 0.9),
               QStringLiteral("ms"), QStringLiteral("informative"), false, note},
        Figure{QStringLiteral("startup: to the process's exit, median"), medianOf(hexhubExited), medianOf(bareExited),
               QStringLiteral("ms"), QStringLiteral("informative"), false,
               QStringLiteral("the window shown, then shut down (the modules stopped, the store closed)")},
    };
}

} // namespace hexhub::bench
