// hexhub-bench cases, the deadline engine (issue 22, section 6): 100,000 running statutory limits and
// welfare checks on the hub's deadline queue, kept current through a one-hour jump of the simulated
// clock, against recomputing every limit from its rule in SQL in the same run.
//
// The store is made for the run: cases with their limits (summons, questioning, detention, arrest
// request, the administrative 30 days; due over the next week) and people in custody with their last
// welfare check (due within the hour at the interval their risk sets), each limit and check
// published on the deadline queue in the transaction that wrote it, as the services do.
//
// The engine's side is what every desk runs: the DeadlineBoard reads the queue from the journal,
// then the clock jumps an hour. On the way it ticks once a minute of clock time (60 ticks and the
// jump), and each tick announces what ran out and escalated and recounts the status bar's "due
// within the hour", as the main window does. The baseline reads every running limit and person in
// custody once, at the end of the hour, and works out each due time from its rule (time_limits, the
// extension, the last check and the risk) and how far it has run out: one recompute where the engine
// keeps current 61 times.
#include "shared/deadlines.h"

#include "base/clock.h"
#include "base/waitforfuture.h"
#include "benchmarks.h"
#include "hexhub/case_management/cases.h"
#include "liststore.h"
#include "module/platform.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <stdexcept>

namespace hexhub::bench {

namespace {

struct Rule
{
    const char* key;
    qint64 minutes;
};
// The case module's limit rules at their defaults (time_limits), the long ones most often.
const Rule kRules[] = {{"summons", 720},
                       {"questioning", 480},
                       {"detention.transfer", 1440},
                       {"detention.family", 1440},
                       {"detention.interrogation", 1440},
                       {"arrest.request", 4320},
                       {"arrest.request", 4320},
                       {"procuratorate.decision", 10080},
                       {"admin.close", 43200},
                       {"admin.close", 43200}};
const char* const kRisk[] = {"standard", "standard", "elevated", "highest"};

struct Generated
{
    double seconds = 0;
    int limits = 0, checks = 0;
};

// `running` deadlines in all: a twentieth welfare checks of people in custody, the rest limits of
// cases (four to a case), each published on the queue as its service does.
Generated generate(const QString& path, int running)
{
    removeBenchStore(path);
    QTemporaryDir side;
    const PlatformOptions options = benchStoreOptions(path, side);
    Platform platform(options);
    startBenchPlatform(platform);
    QElapsedTimer timer;
    timer.start();
    const qint64 now = options.simulatedStart->toMSecsSinceEpoch();
    Generated out;
    out.checks = running / 20;
    out.limits = running - out.checks;
    const int cases = (out.limits + 3) / 4;
    constexpr int kBatch = 2000; // cases a transaction, with their limits and deadlines
    for (int from = 0; from < cases; from += kBatch) {
        const int to = std::min(cases, from + kBatch);
        QFuture<void> batch = platform.store().write([from, to, now, &out](WriteTransaction& txn) {
            QRandomGenerator random(quint32(20260601 + from));
            for (int i = from; i < to; ++i) {
                const QString number = QStringLiteral("C-2026-%1").arg(i + 1, 7, 10, QLatin1Char('0'));
                const qint64 caseId =
                    txn.insert(QStringLiteral("INSERT INTO cm_cases (number, title, kind, status, stage, opened_at, updated_at, opened_by) "
                                              "VALUES (?, 'Bench case', 'criminal', 'investigating', 'investigating', ?, ?, 'bench')"),
                               {number, now - 3 * 24 * 3600 * 1000LL, now});
                for (int j = 0; j < 4 && i * 4 + j < out.limits; ++j) {
                    const Rule& rule = kRules[random.bounded(int(std::size(kRules)))];
                    // Due over the next week, a minute apart at the least; so started that long before.
                    const qint64 due = now + 60'000 + qint64(random.bounded(7 * 24 * 60)) * 60'000;
                    const qint64 extended = rule.minutes < 10080 ? 0 : qint64(random.bounded(3)) * 24 * 60;
                    const qint64 startedAt = due - (rule.minutes + extended) * 60'000;
                    const qint64 limitId =
                        txn.insert(QStringLiteral("INSERT INTO cm_case_limits (case_id, rule, started_at, due_at, base_minutes, extended_minutes, "
                                                  "started_by) VALUES (?, ?, ?, ?, ?, ?, 'bench')"),
                                   {caseId, QLatin1String(rule.key), startedAt, due, rule.minutes, extended});
                    publishDeadline(txn, DeadlineSet{QStringLiteral("case_management.limit.%1").arg(limitId),
                                                     QStringLiteral("%1: %2").arg(number, QLatin1String(rule.key)),
                                                     QDateTime::fromMSecsSinceEpoch(due, Qt::UTC), QStringLiteral("case_management"),
                                                     QStringLiteral("case:%1").arg(caseId)});
                }
                txn.execCached(QStringLiteral("UPDATE cm_cases SET due_at = (SELECT MIN(due_at) FROM cm_case_limits WHERE case_id = ?) WHERE id = ?"),
                               {caseId, caseId});
            }
        });
        if (!waitForFuture(batch, 600000))
            throw std::runtime_error("writing the limits took too long");
        resultOf(batch);
    }
    QFuture<void> custody = platform.store().write([now, &out](WriteTransaction& txn) {
        QRandomGenerator random(20260602);
        const QHash<QString, qint64> interval{{QStringLiteral("standard"), 60}, {QStringLiteral("elevated"), 30}, {QStringLiteral("highest"), 15}};
        for (int i = 0; i < out.checks; ++i) {
            const QString risk = QLatin1String(kRisk[random.bounded(4)]);
            const qint64 every = interval.value(risk) * 60'000;
            const qint64 startedAt = now - 6 * 3600 * 1000LL;
            // Last checked within the interval, so the next is due within it (the jump passes them all).
            const qint64 last = now - every + 60'000 + random.bounded(int(every / 60'000) - 1) * 60'000LL;
            const qint64 custodyId = txn.insert(
                QStringLiteral("INSERT INTO cm_custody (case_id, person_ref, legal_basis, started_at, limit_at, next_check_at, retain_until, "
                               "tag, cause, basis, risk_level, stage, state, updated_at) VALUES (?, 'synthetic', 'detention', ?, ?, ?, ?, ?, "
                               "'bench', 'detention', ?, 'holding', 'in', ?)"),
                {1 + i % 1000, startedAt, startedAt + 24 * 3600 * 1000LL, last + every, startedAt + 365 * 24 * 3600 * 1000LL,
                 QStringLiteral("W-%1").arg(i + 1, 6, 10, QLatin1Char('0')), risk, now});
            txn.execCached(QStringLiteral("INSERT INTO cm_welfare_checks (custody_id, due_at, done_at, recorded_at, done_by, condition) "
                                          "VALUES (?, ?, ?, ?, 'bench', 'well')"),
                           {custodyId, last, last, last});
            publishDeadline(txn, DeadlineSet{QStringLiteral("case_management.custody.%1.check").arg(custodyId),
                                             QStringLiteral("Welfare check: W-%1").arg(i + 1, 6, 10, QLatin1Char('0')),
                                             QDateTime::fromMSecsSinceEpoch(last + every, Qt::UTC), QStringLiteral("case_management"),
                                             QStringLiteral("custody:%1").arg(custodyId)});
        }
    });
    if (!waitForFuture(custody, 600000))
        throw std::runtime_error("writing the people in custody took too long");
    resultOf(custody);
    out.seconds = timer.elapsed() / 1000.0;
    platform.stop();
    return out;
}

struct Recomputed
{
    int running = 0, overdue = 0, dueSoon = 0;
};

// Every running limit and person in custody, each due time worked out from its rule, and how far it
// has run out at `now`.
Recomputed recompute(Sql& sql, qint64 now)
{
    Recomputed out;
    const auto count = [&](qint64 due) {
        ++out.running;
        if (due < now)
            ++out.overdue;
        else if (due - now <= Deadline::kDueSoonMs)
            ++out.dueSoon;
    };
    QSqlQuery limits = sql.exec(QStringLiteral("SELECT l.started_at + (COALESCE(t.minutes, l.base_minutes) + l.extended_minutes) * 60000 "
                                               "FROM cm_case_limits l LEFT JOIN time_limits t ON t.module = 'case_management' AND t.rule = l.rule "
                                               "WHERE l.state = 'running'"));
    while (limits.next())
        count(limits.value(0).toLongLong());
    QSqlQuery checks = sql.exec(QStringLiteral(
        "SELECT MAX(k.started_at, COALESCE((SELECT MAX(w.done_at) FROM cm_welfare_checks w WHERE w.custody_id = k.id), k.started_at)) "
        "+ t.minutes * 60000 FROM cm_custody k JOIN time_limits t ON t.module = 'case_management' AND t.rule = 'welfare.' || k.risk_level "
        "WHERE k.state = 'in'"));
    while (checks.next())
        count(checks.value(0).toLongLong());
    return out;
}

} // namespace

QList<Figure> deadlineEngine(int running)
{
    const QString path = QDir::temp().filePath(QStringLiteral("hexhub-bench-deadlines-%1.db").arg(running));
    const Generated generated = generate(path, running);

    QTemporaryDir side;
    const PlatformOptions options = benchStoreOptions(path, side);
    Platform platform(options);
    startBenchPlatform(platform);
    auto& clock = dynamic_cast<SimulatedClock&>(platform.clock());
    clock.pause();
    clock.jumpTo(*options.simulatedStart);

    DeadlineBoard board(platform.bus(), clock);
    QElapsedTimer loadTimer;
    loadTimer.start();
    board.load();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (board.isLoaded())
            loop.quit();
    });
    poll.start(5);
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    loop.exec();
    if (!board.isLoaded())
        throw std::runtime_error("the deadline board did not load");
    const double loadMs = loadTimer.elapsed();
    if (board.size() != generated.limits + generated.checks)
        throw std::runtime_error("the deadline board did not read every deadline");

    // What the main window does on each change: the status bar's count, and it hears what ran out.
    int missed = 0, escalated = 0, ticks = 0, withinHour = 0;
    QObject::connect(&board, &DeadlineBoard::missed, &board, [&] { ++missed; });
    QObject::connect(&board, &DeadlineBoard::escalated, &board, [&] { ++escalated; });
    QObject::connect(&board, &DeadlineBoard::changed, &board, [&] {
        ++ticks;
        withinHour = board.dueWithin(60 * 60 * 1000);
    });
    QElapsedTimer jump;
    jump.start();
    clock.advance(60 * 60 * 1000);
    const double engineMs = jump.nsecsElapsed() / 1e6;
    const qint64 end = clock.nowMs();

    // The baseline: every limit and check recomputed from its rule in SQL, once, at the hour's end.
    QElapsedTimer sqlTimer;
    sqlTimer.start();
    const Recomputed again = resultOf(platform.store().read([end](Sql& sql) { return recompute(sql, end); }));
    const double sqlMs = sqlTimer.nsecsElapsed() / 1e6;
    platform.stop();
    removeBenchStore(path);

    // Both sides must agree on what ran out, or the figure means nothing.
    if (again.running != board.size() || again.overdue != missed)
        throw std::runtime_error(QStringLiteral("the engine and the recompute disagree: %1 running and %2 overdue against %3 and %4 announced")
                                     .arg(again.running)
                                     .arg(again.overdue)
                                     .arg(board.size())
                                     .arg(missed)
                                     .toStdString());

    const QString what = QStringLiteral("%1 limits and %2 welfare checks").arg(generated.limits).arg(generated.checks);
    Figure jumpFigure;
    jumpFigure.name = QStringLiteral("deadline engine, %1: kept current through a one-hour clock jump").arg(what);
    jumpFigure.value = engineMs;
    jumpFigure.baseline = sqlMs;
    jumpFigure.unit = QStringLiteral("ms");
    jumpFigure.target = QStringLiteral("<= 50 ms");
    jumpFigure.met = engineMs <= 50;
    jumpFigure.note =
        QStringLiteral("%1 ticks, %2 ran out and were announced, %3 escalated, %4 due within the hour after; baseline: every limit and check "
                       "recomputed from its rule in SQL once, at the hour's end; store generated in %5 s")
            .arg(ticks)
            .arg(missed)
            .arg(escalated)
            .arg(withinHour)
            .arg(generated.seconds, 0, 'f', 1);
    Figure loadFigure;
    loadFigure.name = QStringLiteral("deadline engine, %1: read from the journal when a desk opens").arg(what);
    loadFigure.value = loadMs;
    loadFigure.baseline = sqlMs;
    loadFigure.unit = QStringLiteral("ms");
    loadFigure.note = QStringLiteral("informative: the queue is read once, off the GUI thread, a page of 2,000 at a time");
    return {jumpFigure, loadFigure};
}

} // namespace hexhub::bench
