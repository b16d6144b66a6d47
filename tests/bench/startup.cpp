// hexhub-bench startup: the time from starting `hexhub --startup-probe` (a desk's start with every
// module, on a store holding the demo's 20,000 incidents of history, signed in by the flag with the
// real password hashing, whose time is left out) to its main window on screen, judged against a bare
// Qt program's 1280x800 window with a line of text (hexhub-bench-text-mainwindow: the floor any desk
// that shows text pays here), with the empty QMainWindow (hexhub-bench-bare-mainwindow) beside it;
// all started in turn in the same run.
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

// The probe's phases that are password hashing (the trainer created, then signed in): the operator
// waits for them after typing the password, not at the start.
const QStringList kPasswordPhases{QStringLiteral("user"), QStringLiteral("signin")};

// The length of each phase of a probe's `shown` line: `setup=12 platform=80 user=81 ...` gives each
// phase's end from the probe's start.
QHash<QString, double> phaseLengthsOf(const QString& shownLine, QString* modules = nullptr)
{
    QHash<QString, double> lengths;
    double previous = 0;
    for (const QString& field : shownLine.split(u' ', Qt::SkipEmptyParts).mid(1)) {
        const QString key = field.section(u'=', 0, 0);
        const double value = field.section(u'=', 1).toDouble();
        if (key == QLatin1String("modules")) {
            if (modules)
                *modules = field.section(u'=', 1);
            continue;
        }
        lengths.insert(key, value - previous);
        previous = value;
    }
    return lengths;
}

double passwordMs(const QString& shownLine)
{
    const QHash<QString, double> lengths = phaseLengthsOf(shownLine);
    double ms = 0;
    for (const QString& phase : kPasswordPhases)
        ms += lengths.value(phase);
    return ms;
}

// The demo's history in the desk's store before its first start: `hexhub --generate-demo`, as a
// trainer's demo store holds it.
void generateHistory(const QString& hexhub, const QString& folder, int incidents)
{
    QDir().mkpath(folder);
    QProcess generate;
    generate.start(hexhub, {QStringLiteral("--generate-demo"), QString::number(incidents), QStringLiteral("--seed"),
                            QStringLiteral("1"), QStringLiteral("--store"),
                            QStringLiteral("sqlite://") + QDir(folder).absoluteFilePath(QStringLiteral("probe.db")),
                            QStringLiteral("--audit-key"), QDir(folder).absoluteFilePath(QStringLiteral("audit.key"))});
    if (!generate.waitForFinished(600000) || generate.exitStatus() != QProcess::NormalExit || generate.exitCode() != 0)
        throw std::runtime_error(QStringLiteral("hexhub --generate-demo %1 failed: %2")
                                     .arg(incidents)
                                     .arg(QString::fromLocal8Bit(generate.readAllStandardError()).trimmed())
                                     .toStdString());
}

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
    constexpr int kHistory = 20000;
    const QString hexhub = programBesideMe(QStringLiteral("hexhub"));
    const QString bare = programBesideMe(QStringLiteral("hexhub-bench-bare-mainwindow"));
    const QString text = programBesideMe(QStringLiteral("hexhub-bench-text-mainwindow"));
    // A desk opens the store it has: `desk` holds the demo's history, made before the warm-up, which
    // also makes the trainer; the measured runs open it. A first start on a new, empty store is
    // measured beside it, each in a folder of its own.
    QTemporaryDir folders;
    const QString desk = folders.filePath(QStringLiteral("desk"));
    generateHistory(hexhub, desk, kHistory);
    const QStringList probeArguments{QStringLiteral("--startup-probe"), desk};
    int firstStarts = 0;
    auto firstStartArguments = [&] {
        return QStringList{QStringLiteral("--startup-probe"), folders.filePath(QStringLiteral("new-%1").arg(++firstStarts))};
    };

    // One of each first, unmeasured: the page cache, font and plugin caches warm for all.
    runOnce(bare, {});
    runOnce(text, {});
    runOnce(hexhub, probeArguments);

    QList<double> bareShown, bareExited, hexhubShown, hexhubExited, newStoreShown, textShown, passwords;
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
                const double password = passwordMs(r.shownLine);
                passwords << password;
                hexhubShown << r.shownMs - password;
                hexhubExited << r.exitedMs - password;
                double probeTotal = 0;
                const QHash<QString, double> lengths = phaseLengthsOf(r.shownLine, &modules);
                for (const QString& field : r.shownLine.split(u' ', Qt::SkipEmptyParts).mid(1)) {
                    const QString key = field.section(u'=', 0, 0);
                    if (key == QLatin1String("modules"))
                        continue;
                    if (!phaseNames.contains(key))
                        phaseNames << key;
                    phaseLengths[key] << lengths.value(key);
                    probeTotal += lengths.value(key);
                }
                phaseLengths[phaseNames.first()] << r.shownMs - probeTotal;
                if (i % 3 == 0) { // fewer of these: each leaves a store behind
                    const Run fresh = runOnce(hexhub, firstStartArguments());
                    newStoreShown << fresh.shownMs - passwordMs(fresh.shownLine);
                }
            }
        }
    }

    const double median = medianOf(hexhubShown);
    const double textBaseline = medianOf(textShown);
    const double bareBaseline = medianOf(bareShown);
    QStringList phases;
    for (const QString& phase : std::as_const(phaseNames))
        phases << QStringLiteral("%1 %2").arg(phase).arg(medianOf(phaseLengths.value(phase)), 0, 'f', 1);
    const QString note = QStringLiteral("%1 runs of each, in turn, offscreen; %2 modules; a store with %3 incidents of demo "
                                        "history; password hashing (%4 ms, PBKDF2 at full cost) left out; median ms per "
                                        "phase: %5")
                             .arg(runs)
                             .arg(modules)
                             .arg(kHistory)
                             .arg(medianOf(passwords), 0, 'f', 0)
                             .arg(phases.join(QStringLiteral(", ")));
    Figure judged{QStringLiteral("startup: to the main window, median"), median, textBaseline, QStringLiteral("ms"),
                  QStringLiteral("<= 2.0x a 1280x800 window with a line of text"), false, note, median <= 2.0 * textBaseline};
    return {
        judged,
        Figure{QStringLiteral("startup: beside an empty QMainWindow, median"), median, bareBaseline, QStringLiteral("ms"),
               QStringLiteral("informative"), false,
               QStringLiteral("hexhub-bench-bare-mainwindow: no text, no font, its default size"), std::nullopt},
        Figure{QStringLiteral("startup: first start on a new store, median"), medianOf(newStoreShown), textBaseline,
               QStringLiteral("ms"), QStringLiteral("informative"), false,
               QStringLiteral("%1 runs: the store made and migrated, the trainer created, then as above").arg(newStoreShown.size()),
               std::nullopt},
        Figure{QStringLiteral("startup: a 1280x800 window with a line of text, median"), textBaseline, bareBaseline,
               QStringLiteral("ms"), QStringLiteral("informative"), false,
               QStringLiteral("hexhub-bench-text-mainwindow beside the empty QMainWindow: what fonts and a full-size first "
                              "frame cost any desk"),
               std::nullopt},
        Figure{QStringLiteral("startup: to the main window, p90"), percentileOf(hexhubShown, 0.9), percentileOf(textShown, 0.9),
               QStringLiteral("ms"), QStringLiteral("informative"), false, note, std::nullopt},
        Figure{QStringLiteral("startup: to the process's exit, median"), medianOf(hexhubExited), medianOf(bareExited),
               QStringLiteral("ms"), QStringLiteral("informative"), false,
               QStringLiteral("the window shown, then shut down (the modules stopped, the store closed)"), std::nullopt},
    };
}

} // namespace hexhub::bench
