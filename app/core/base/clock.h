#pragma once

#include "base/hexhubcore_export.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <map>

namespace hexhub {

/*!
 * The one source of "now" for everything that keeps time in Hexhub: SLAs, custody limits, case
 * deadlines, task due times, unit timers, charts. Live desks use SystemClock; demo mode and tests use
 * SimulatedClock, which can pause, run at 1x-60x and jump. Nothing else reads the wall clock.
 *
 * Callbacks can be scheduled at a clock time (callAt) or after a clock duration (callAfter). They run
 * on the thread of the context object given, and never after that object is destroyed. Scheduling and
 * now() are thread-safe; the clock object itself lives on the thread that created it, which fires the
 * callbacks (queued onto their context's thread when that differs).
 */
class HEXHUB_CORE_EXPORT Clock : public QObject
{
    Q_OBJECT
public:
    using TimerId = quint64;

    explicit Clock(QObject* parent = nullptr);
    ~Clock() override;

    //! Current clock time, always in UTC with millisecond precision.
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
    virtual qint64 nowMs() const = 0;
    virtual bool isSimulated() const = 0;
    //! How many clock milliseconds pass per real millisecond (1 for the system clock).
    virtual double rate() const { return 1.0; }
    virtual bool isPaused() const { return false; }

    TimerId callAt(const QDateTime& at, QObject* context, std::function<void()> callback);
    TimerId callAtMs(qint64 atMs, QObject* context, std::function<void()> callback);
    TimerId callAfter(qint64 clockMs, QObject* context, std::function<void()> callback);
    //! Cancels a scheduled callback; returns false when it already ran or never existed.
    bool cancel(TimerId id);
    int pendingCount() const;

Q_SIGNALS:
    //! Time moved discontinuously (a simulated jump): views that show elapsed time should refresh.
    void jumped(const QDateTime& from, const QDateTime& to);
    void rateChanged(double rate);
    void pausedChanged(bool paused);

protected:
    //! Real milliseconds until clock time dueMs is reached, or -1 when time does not advance.
    virtual qint64 realMsUntil(qint64 dueMs) const = 0;
    //! Runs every callback due at or before limitMs, in due order. When stepTo is set it is called
    //! with each callback's due time first, so a callback sees now() equal to the time it was set for.
    void fireDue(qint64 limitMs, const std::function<void(qint64)>& stepTo = {});
    //! Recomputes the real timer after now() or the rate changed. Safe from any thread.
    void rearm();

private:
    struct Entry
    {
        QPointer<QObject> context;
        bool hasContext = false;
        std::function<void()> callback;
    };
    using Key = std::pair<qint64, TimerId>;

    void rearmNow();
    void onTimer();

    mutable QMutex m_mutex;
    std::map<Key, Entry> m_queue;
    QHash<TimerId, qint64> m_dueById;
    TimerId m_nextId = 1;
    QTimer m_timer;
};

//! Live time: the system's UTC clock.
class HEXHUB_CORE_EXPORT SystemClock final : public Clock
{
    Q_OBJECT
public:
    explicit SystemClock(QObject* parent = nullptr);
    qint64 nowMs() const override;
    bool isSimulated() const override { return false; }

protected:
    qint64 realMsUntil(qint64 dueMs) const override;
};

/*!
 * Time for demo mode and tests: starts at a given moment, runs at a rate of 1x to 60x, pauses, and
 * jumps. A jump forward (advance or jumpTo) runs the callbacks that fall due on the way, in order, each
 * seeing now() equal to its own due time, so a test can advance an hour and check what happened.
 */
class HEXHUB_CORE_EXPORT SimulatedClock final : public Clock
{
    Q_OBJECT
public:
    static constexpr double kMinRate = 1.0;
    static constexpr double kMaxRate = 60.0;

    enum class Start { Running, Paused };
    explicit SimulatedClock(const QDateTime& start, Start how = Start::Running, QObject* parent = nullptr);

    qint64 nowMs() const override;
    bool isSimulated() const override { return true; }
    double rate() const override;
    bool isPaused() const override;

    //! Sets the speed; returns false (and changes nothing) outside 1x-60x.
    bool setRate(double rate);
    void pause();
    void resume();
    //! Moves time to `to`. Forward jumps run due callbacks on the way; backward jumps run none.
    void jumpTo(const QDateTime& to);
    void advance(qint64 clockMs);

protected:
    qint64 realMsUntil(qint64 dueMs) const override;

private:
    qint64 nowMsLocked() const;
    void rebaseLocked(qint64 simMs);

    mutable QMutex m_stateMutex;
    qint64 m_baseMs;
    QElapsedTimer m_realSinceBase;
    double m_rate = 1.0;
    bool m_paused = false;
};

/*!
 * A repeating or single-shot timer in clock time, the Clock's counterpart of QTimer: a unit timer
 * or an SLA countdown ticking at simulated speed in demo mode.
 */
class HEXHUB_CORE_EXPORT ClockTimer final : public QObject
{
    Q_OBJECT
public:
    explicit ClockTimer(Clock& clock, QObject* parent = nullptr);
    ~ClockTimer() override;

    void setInterval(qint64 clockMs) { m_intervalMs = clockMs; }
    qint64 interval() const { return m_intervalMs; }
    void setSingleShot(bool singleShot) { m_singleShot = singleShot; }
    bool isActive() const { return m_id != 0; }
    void start();
    void stop();

Q_SIGNALS:
    void timeout();

private:
    void schedule(qint64 dueMs);

    Clock& m_clock;
    qint64 m_intervalMs = 1000;
    bool m_singleShot = false;
    Clock::TimerId m_id = 0;
};

} // namespace hexhub
