#include "base/clock.h"

#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>

#include <QThread>

using namespace hexhub;
using hexhub::test::waitUntil;

namespace {
QDateTime at(int h, int m, int s = 0)
{
    return QDateTime(QDate(2026, 3, 14), QTime(h, m, s), Qt::UTC);
}
} // namespace

TEST_CASE("Simulated clock starts where told and pauses", "[clock]")
{
    SimulatedClock clock(at(8, 0));
    clock.pause();
    CHECK(clock.now() == at(8, 0));
    CHECK(clock.isSimulated());
    CHECK(clock.isPaused());
    clock.advance(90 * 1000);
    CHECK(clock.now() == at(8, 1, 30));
    CHECK(clock.now().timeSpec() == Qt::UTC);
}

TEST_CASE("Simulated clock runs at the rate set, within 1x-60x", "[clock]")
{
    SimulatedClock clock(at(8, 0));
    CHECK_FALSE(clock.setRate(0.5));
    CHECK_FALSE(clock.setRate(61));
    CHECK(clock.rate() == 1.0);
    REQUIRE(clock.setRate(60));
    QElapsedTimer real;
    real.start();
    const qint64 startMs = clock.nowMs();
    REQUIRE(waitUntil([&] { return real.elapsed() >= 50; }));
    const qint64 clockElapsed = clock.nowMs() - startMs;
    const qint64 realElapsed = real.elapsed();
    // At 60x, 50 ms of real time is at least 3 s of clock time, and never more than 60x what passed.
    CHECK(clockElapsed >= 50 * 60);
    CHECK(clockElapsed <= (realElapsed + 1) * 60);
}

TEST_CASE("Jumping forward runs due callbacks in order, each at its own time", "[clock]")
{
    SimulatedClock clock(at(8, 0));
    clock.pause();
    QObject context;
    QList<QPair<QString, QDateTime>> fired;
    clock.callAt(at(8, 30), &context, [&] { fired << qMakePair(QStringLiteral("b"), clock.now()); });
    clock.callAt(at(8, 10), &context, [&] { fired << qMakePair(QStringLiteral("a"), clock.now()); });
    clock.callAt(at(9, 30), &context, [&] { fired << qMakePair(QStringLiteral("late"), clock.now()); });
    QSignalSpy jumped(&clock, &Clock::jumped);
    clock.jumpTo(at(9, 0));
    REQUIRE(fired.size() == 2);
    CHECK(fired[0].first == QStringLiteral("a"));
    CHECK(fired[0].second == at(8, 10));
    CHECK(fired[1].first == QStringLiteral("b"));
    CHECK(fired[1].second == at(8, 30));
    CHECK(clock.now() == at(9, 0));
    CHECK(jumped.count() == 1);
    CHECK(clock.pendingCount() == 1);
}

TEST_CASE("Jumping backward runs nothing", "[clock]")
{
    SimulatedClock clock(at(8, 0));
    clock.pause();
    QObject context;
    int fired = 0;
    clock.callAt(at(8, 5), &context, [&] { ++fired; });
    clock.jumpTo(at(7, 0));
    CHECK(fired == 0);
    CHECK(clock.now() == at(7, 0));
    clock.advance(65 * 60 * 1000);
    CHECK(fired == 1);
}

TEST_CASE("Cancelled callbacks and callbacks of destroyed contexts do not run", "[clock]")
{
    SimulatedClock clock(at(8, 0));
    clock.pause();
    int fired = 0;
    auto context = std::make_unique<QObject>();
    QObject keeper;
    const auto cancelled = clock.callAfter(1000, &keeper, [&] { fired += 100; });
    clock.callAfter(1000, context.get(), [&] { fired += 10; });
    clock.callAfter(1000, &keeper, [&] { fired += 1; });
    CHECK(clock.cancel(cancelled));
    CHECK_FALSE(clock.cancel(cancelled));
    context.reset();
    clock.advance(2000);
    CHECK(fired == 1);
}

TEST_CASE("A paused clock fires nothing in real time, a running one does", "[clock]")
{
    SimulatedClock clock(at(8, 0));
    QObject context;
    bool fired = false;
    REQUIRE(clock.setRate(60));
    clock.callAfter(6000, &context, [&] { fired = true; }); // 100 ms of real time at 60x
    clock.pause();
    QElapsedTimer real;
    real.start();
    waitUntil([&] { return fired || real.elapsed() > 300; });
    CHECK_FALSE(fired);
    clock.resume();
    CHECK(waitUntil([&] { return fired; }, 5000));
    CHECK(clock.nowMs() >= at(8, 0).toMSecsSinceEpoch() + 6000);
}

TEST_CASE("Callbacks run on their context's thread", "[clock]")
{
    SimulatedClock clock(at(8, 0));
    clock.pause();
    QThread worker;
    worker.start();
    QObject context;
    context.moveToThread(&worker);
    std::atomic<QThread*> ranOn{nullptr};
    clock.callAfter(10, &context, [&] { ranOn = QThread::currentThread(); });
    clock.advance(10);
    CHECK(waitUntil([&] { return ranOn.load() != nullptr; }));
    CHECK(ranOn.load() == &worker);
    worker.quit();
    worker.wait();
}

TEST_CASE("ClockTimer repeats on clock time without drifting", "[clock]")
{
    SimulatedClock clock(at(8, 0));
    clock.pause();
    ClockTimer timer(clock);
    timer.setInterval(60 * 1000);
    QList<QDateTime> ticks;
    QObject::connect(&timer, &ClockTimer::timeout, [&] { ticks << clock.now(); });
    timer.start();
    clock.advance(5 * 60 * 1000 + 30 * 1000);
    REQUIRE(ticks.size() == 5);
    for (int i = 0; i < 5; ++i)
        CHECK(ticks[i] == at(8, i + 1));
    timer.stop();
    clock.advance(10 * 60 * 1000);
    CHECK(ticks.size() == 5);

    ClockTimer once(clock);
    once.setSingleShot(true);
    once.setInterval(1000);
    int onceCount = 0;
    QObject::connect(&once, &ClockTimer::timeout, [&] { ++onceCount; });
    once.start();
    clock.advance(10 * 1000);
    CHECK(onceCount == 1);
    CHECK_FALSE(once.isActive());
}

TEST_CASE("System clock tells UTC time and fires callbacks in real time", "[clock]")
{
    SystemClock clock;
    CHECK_FALSE(clock.isSimulated());
    CHECK(clock.now().timeSpec() == Qt::UTC);
    QObject context;
    bool fired = false;
    clock.callAfter(20, &context, [&] { fired = true; });
    CHECK(waitUntil([&] { return fired; }, 5000));
}
