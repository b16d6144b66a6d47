// hexhub-bench cases: the case desk's list over 1,000,000 cases in an SQLite store, against a plain
// QSqlQueryModel + QTableView over the same table in the same run (issue 22, section 6): the first
// page (the open cases, the soonest running limit first), a sort by number, the filter of limits due
// within a day, the closed cases, and memory; the same targets as the incident board. The store is
// made for each run (synthetic cases over two years, a quarter still open); each side runs in its own
// process (hexhub-bench-board ... cases), so each one's memory is its own.
#include "hexhub/case_management/cases.h"

#include "base/waitforfuture.h"
#include "benchmarks.h"
#include "liststore.h"
#include "module/platform.h"
#include "store/sql.h"
#include "store/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <stdexcept>

namespace hexhub::bench {

namespace {

const char* const kWhat[] = {"Burglary at a corner shop",        "Assault outside a bar",
                             "Fraud at a market stall",          "Theft of a bicycle",
                             "Criminal damage to a bus shelter", "Drunk and disorderly at a station",
                             "Shoplifting at the mall",          "Noise complaint at a night market",
                             "Pickpocketing on the metro",       "Phone scam on the elderly"};
const char* const kPlaces[] = {"Harbour Road", "Canal Street", "Lantern Lane", "Quarry Row",
                               "Mill Walk",    "Ferry Place",  "Jetty Way",    "Orchard Court"};

// Writes `total` synthetic cases opened over the two years before 2026-06-01 08:00: the older closed,
// the newer open at a stage of their path, most of those with a limit running (some run out).
double generate(const QString& path, int total)
{
    removeBenchStore(path);
    QTemporaryDir side;
    const PlatformOptions options = benchStoreOptions(path, side);
    Platform platform(options);
    startBenchPlatform(platform);
    QElapsedTimer timer;
    timer.start();
    const qint64 now = options.simulatedStart->toMSecsSinceEpoch();
    const qint64 span = qint64(730) * 24 * 3600 * 1000;
    constexpr int kBatch = 50000;
    for (int from = 0; from < total; from += kBatch) {
        const int to = std::min(total, from + kBatch);
        QFuture<void> batch = platform.store().write([from, to, now, span, total](WriteTransaction& txn) {
            QRandomGenerator random(quint32(20260601 + from));
            for (int i = from; i < to; ++i) {
                const qint64 opened = now - span + span * i / total + random.bounded(60000);
                const bool criminal = random.bounded(10) < 7;
                const hexhub::cases::CaseKind kind = criminal ? hexhub::cases::CaseKind::Criminal : hexhub::cases::CaseKind::Administrative;
                const QStringList stages = hexhub::cases::caseStages(kind);
                // The last quarter of the two years still open, at any stage of the path but closed.
                const bool open = i >= total * 3 / 4 && random.bounded(10) < 8;
                const QString stage = open ? stages.at(random.bounded(int(stages.size()) - 1)) : QStringLiteral("closed");
                const QVariant due = open && random.bounded(10) < 7
                                         ? QVariant(now - 2 * 24 * 3600 * 1000 + qint64(random.bounded(32 * 24 * 60)) * 60'000)
                                         : QVariant();
                txn.execCached(QStringLiteral("INSERT INTO cm_cases (number, title, kind, fast_track, status, stage, opened_at, updated_at, due_at, "
                                              "opened_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench')"),
                               {QStringLiteral("C-2026-%1").arg(i + 1, 7, 10, QLatin1Char('0')),
                                QStringLiteral("%1, %2").arg(QLatin1String(kWhat[random.bounded(10)]), QLatin1String(kPlaces[random.bounded(8)])),
                                hexhub::cases::caseKindKey(kind), random.bounded(20) == 0 ? 1 : 0, hexhub::cases::caseStatusOf(stage), stage, opened,
                                opened, due});
            }
        });
        if (!waitForFuture(batch, 600000))
            throw std::runtime_error("writing the cases took too long");
        resultOf(batch);
    }
    const double seconds = timer.elapsed() / 1000.0;
    QFuture<void> analyse = platform.store().write([](WriteTransaction& txn) { txn.exec(QStringLiteral("ANALYZE")); });
    waitForFuture(analyse, 600000);
    platform.stop();
    return seconds;
}

} // namespace

QList<Figure> caseList(int cases)
{
    const QString path = QDir::temp().filePath(QStringLiteral("hexhub-bench-cases-%1.db").arg(cases));
    const double seconds = generate(path, cases);
    const QJsonObject model = runListChild({path, QStringLiteral("model"), QStringLiteral("cases")});
    const QJsonObject plain = runListChild({path, QStringLiteral("plain"), QStringLiteral("cases")});
    removeBenchStore(path);
    const auto figure = [&](const QString& key, const QString& what, double targetValue, const QString& unit) {
        Figure f;
        f.name = QStringLiteral("case list, %1 cases: %2").arg(cases).arg(what);
        f.value = model.value(key).toDouble();
        f.baseline = plain.value(key).toDouble();
        f.unit = unit;
        f.target = QStringLiteral("<= %1 %2").arg(targetValue).arg(unit);
        f.met = f.value <= targetValue;
        f.note =
            QStringLiteral("baseline: QSqlQueryModel + QTableView, same queries, on the GUI thread; store generated in %1 s").arg(seconds, 0, 'f', 1);
        return f;
    };
    // The incident board's targets: the first page within 100 ms, a sort or a filter within 300 ms.
    return {figure(QStringLiteral("firstPage"), QStringLiteral("first page (open cases, soonest limit first)"), 100, QStringLiteral("ms")),
            figure(QStringLiteral("firstPagePainted"), QStringLiteral("first page painted"), 100, QStringLiteral("ms")),
            figure(QStringLiteral("sort"), QStringLiteral("sort by number"), 300, QStringLiteral("ms")),
            figure(QStringLiteral("sortPainted"), QStringLiteral("sort by number, painted"), 300, QStringLiteral("ms")),
            figure(QStringLiteral("filter"), QStringLiteral("a limit due within a day"), 300, QStringLiteral("ms")),
            figure(QStringLiteral("filterPainted"), QStringLiteral("a limit due within a day, painted"), 300, QStringLiteral("ms")),
            figure(QStringLiteral("closed"), QStringLiteral("closed cases"), 300, QStringLiteral("ms")),
            figure(QStringLiteral("closedPainted"), QStringLiteral("closed cases, painted"), 300, QStringLiteral("ms")),
            figure(QStringLiteral("rssMb"), QStringLiteral("resident memory"), 250, QStringLiteral("MB"))};
}

} // namespace hexhub::bench
