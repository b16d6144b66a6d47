#include "base/clock.h"

#include <QThread>

#include <cmath>

namespace hexhub {

namespace {
// The real timer is re-armed at least this often so a changed system clock is noticed.
constexpr qint64 kMaxRealWaitMs = 60 * 1000;
} // namespace

Clock::Clock(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Clock::onTimer);
}

Clock::~Clock() = default;

Clock::TimerId Clock::callAt(const QDateTime& at, QObject* context, std::function<void()> callback)
{
    return callAtMs(at.toMSecsSinceEpoch(), context, std::move(callback));
}

Clock::TimerId Clock::callAfter(qint64 clockMs, QObject* context, std::function<void()> callback)
{
    return callAtMs(nowMs() + std::max<qint64>(0, clockMs), context, std::move(callback));
}

Clock::TimerId Clock::callAtMs(qint64 atMs, QObject* context, std::function<void()> callback)
{
    TimerId id = 0;
    {
        QMutexLocker lock(&m_mutex);
        id = m_nextId++;
        m_queue.emplace(Key{atMs, id}, Entry{context, context != nullptr, std::move(callback)});
        m_dueById.insert(id, atMs);
    }
    rearm();
    return id;
}

bool Clock::cancel(TimerId id)
{
    QMutexLocker lock(&m_mutex);
    const auto due = m_dueById.find(id);
    if (due == m_dueById.end())
        return false;
    m_queue.erase(Key{due.value(), id});
    m_dueById.erase(due);
    return true;
}

int Clock::pendingCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_queue.size());
}

void Clock::fireDue(qint64 limitMs, const std::function<void(qint64)>& stepTo)
{
    for (;;) {
        Entry entry;
        qint64 dueMs = 0;
        {
            QMutexLocker lock(&m_mutex);
            if (m_queue.empty() || m_queue.begin()->first.first > limitMs)
                break;
            auto first = m_queue.begin();
            dueMs = first->first.first;
            m_dueById.remove(first->first.second);
            entry = std::move(first->second);
            m_queue.erase(first);
        }
        if (stepTo)
            stepTo(dueMs);
        if (entry.hasContext) {
            QObject* context = entry.context.data();
            if (!context)
                continue; // its owner is gone: nothing to tell
            if (context->thread() == QThread::currentThread())
                entry.callback();
            else
                QMetaObject::invokeMethod(context, std::move(entry.callback), Qt::QueuedConnection);
        } else {
            entry.callback();
        }
    }
}

void Clock::rearm()
{
    if (thread() == QThread::currentThread())
        rearmNow();
    else
        QMetaObject::invokeMethod(this, &Clock::rearmNow, Qt::QueuedConnection);
}

void Clock::rearmNow()
{
    qint64 firstDue = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (m_queue.empty()) {
            m_timer.stop();
            return;
        }
        firstDue = m_queue.begin()->first.first;
    }
    const qint64 wait = realMsUntil(firstDue);
    if (wait < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(wait, 0, kMaxRealWaitMs)));
}

void Clock::onTimer()
{
    fireDue(nowMs());
    rearmNow();
}

// ---------------------------------------------------------------------------------------------

SystemClock::SystemClock(QObject* parent)
    : Clock(parent)
{
}

qint64 SystemClock::nowMs() const
{
    // The one place in Hexhub that reads the wall clock.
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 SystemClock::realMsUntil(qint64 dueMs) const
{
    return std::max<qint64>(0, dueMs - nowMs());
}

// ---------------------------------------------------------------------------------------------

SimulatedClock::SimulatedClock(const QDateTime& start, Start how, QObject* parent)
    : Clock(parent)
    , m_baseMs(start.toMSecsSinceEpoch())
    , m_paused(how == Start::Paused)
{
    m_realSinceBase.start();
}

qint64 SimulatedClock::nowMsLocked() const
{
    if (m_paused)
        return m_baseMs;
    return m_baseMs + qint64(std::floor(double(m_realSinceBase.nsecsElapsed()) / 1e6 * m_rate));
}

void SimulatedClock::rebaseLocked(qint64 simMs)
{
    m_baseMs = simMs;
    m_realSinceBase.restart();
}

qint64 SimulatedClock::nowMs() const
{
    QMutexLocker lock(&m_stateMutex);
    return nowMsLocked();
}

double SimulatedClock::rate() const
{
    QMutexLocker lock(&m_stateMutex);
    return m_rate;
}

bool SimulatedClock::isPaused() const
{
    QMutexLocker lock(&m_stateMutex);
    return m_paused;
}

bool SimulatedClock::setRate(double rate)
{
    if (!(rate >= kMinRate && rate <= kMaxRate))
        return false;
    {
        QMutexLocker lock(&m_stateMutex);
        if (m_rate == rate)
            return true;
        rebaseLocked(nowMsLocked());
        m_rate = rate;
    }
    rearm();
    Q_EMIT rateChanged(rate);
    return true;
}

void SimulatedClock::pause()
{
    {
        QMutexLocker lock(&m_stateMutex);
        if (m_paused)
            return;
        rebaseLocked(nowMsLocked());
        m_paused = true;
    }
    rearm();
    Q_EMIT pausedChanged(true);
}

void SimulatedClock::resume()
{
    {
        QMutexLocker lock(&m_stateMutex);
        if (!m_paused)
            return;
        m_paused = false;
        rebaseLocked(m_baseMs);
    }
    rearm();
    Q_EMIT pausedChanged(false);
}

void SimulatedClock::jumpTo(const QDateTime& to)
{
    const qint64 targetMs = to.toMSecsSinceEpoch();
    const qint64 fromMs = nowMs();
    if (targetMs > fromMs) {
        fireDue(targetMs, [this](qint64 dueMs) {
            QMutexLocker lock(&m_stateMutex);
            rebaseLocked(dueMs);
        });
    }
    {
        QMutexLocker lock(&m_stateMutex);
        rebaseLocked(targetMs);
    }
    rearm();
    Q_EMIT jumped(QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC), to.toUTC());
}

void SimulatedClock::advance(qint64 clockMs)
{
    jumpTo(QDateTime::fromMSecsSinceEpoch(nowMs() + clockMs, Qt::UTC));
}

qint64 SimulatedClock::realMsUntil(qint64 dueMs) const
{
    QMutexLocker lock(&m_stateMutex);
    if (m_paused)
        return -1;
    const qint64 clockMs = dueMs - nowMsLocked();
    if (clockMs <= 0)
        return 0;
    return qint64(std::ceil(double(clockMs) / m_rate));
}

// ---------------------------------------------------------------------------------------------

ClockTimer::ClockTimer(Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
{
}

ClockTimer::~ClockTimer()
{
    stop();
}

void ClockTimer::start()
{
    stop();
    schedule(m_clock.nowMs() + m_intervalMs);
}

void ClockTimer::stop()
{
    if (m_id != 0)
        m_clock.cancel(m_id);
    m_id = 0;
}

void ClockTimer::schedule(qint64 dueMs)
{
    m_id = m_clock.callAtMs(dueMs, this, [this, dueMs] {
        m_id = 0;
        // Repeat from the due time, not from when we ran, so a repeating timer does not drift.
        if (!m_singleShot)
            schedule(dueMs + std::max<qint64>(1, m_intervalMs));
        Q_EMIT timeout();
    });
}

} // namespace hexhub
