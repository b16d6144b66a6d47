#include "shared/deadlines.h"

#include "base/clock.h"
#include "bus/event.h"
#include "bus/eventbus.h"
#include "module/servicesupport.h"
#include "store/sql.h"
#include "store/store.h"

#include <QFutureWatcher>

#include <algorithm>

namespace hexhub {

Deadline::Level Deadline::levelAt(qint64 nowMs) const
{
    const qint64 left = due.toMSecsSinceEpoch() - nowMs;
    if (left > kDueSoonMs)
        return Level::Running;
    if (left >= 0)
        return Level::DueSoon;
    return acknowledgedBy.isEmpty() && -left >= kEscalateAfterMs ? Level::Escalated : Level::Missed;
}

QFuture<void> acknowledgeDeadline(Store& store, const QString& key, const QString& actor, const CommandId& command)
{
    return store.write(WriteContext{QStringLiteral("core"), actor, {}}, [key, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("core.deadline.acknowledge");
        if (service::appliedBefore(txn, command, op))
            return;
        txn.publish(EventDraft{QStringLiteral("deadline.acknowledged"), QJsonObject{{QStringLiteral("key"), key}}, 1, {}, {}, {}});
        service::recordApplied(txn, command, op, key);
    });
}

DeadlineBoard::DeadlineBoard(EventBus& bus, Clock& clock, QObject* parent)
    : QObject(parent)
    , m_bus(bus)
    , m_clock(clock)
    , m_tick(new ClockTimer(clock, this))
{
    m_bus.subscribe(QStringLiteral("deadline.*"), this, [this](const Event& event) {
        if (m_loading) {
            m_early << event;
            return;
        }
        apply(event);
        announce(false);
        Q_EMIT changed();
    });
    m_tick->setInterval(60 * 1000);
    const auto tick = [this] {
        announce(!m_loaded);
        Q_EMIT changed();
    };
    connect(m_tick, &ClockTimer::timeout, this, tick);
    connect(&m_clock, &Clock::jumped, this, tick);
    m_tick->start();
}

DeadlineBoard::~DeadlineBoard() = default;

void DeadlineBoard::load()
{
    if (m_loading || m_loaded)
        return;
    m_loading = true;
    loadFrom(1);
}

void DeadlineBoard::loadFrom(qint64 seq)
{
    EventRange range = EventRange::bySeq(seq);
    range.topicPattern = QStringLiteral("deadline.*");
    range.limit = 2000;
    auto* watcher = new QFutureWatcher<QList<Event>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, limit = range.limit] {
        watcher->deleteLater();
        QList<Event> page;
        try {
            page = watcher->result();
        } catch (const std::exception&) {
            // The store is away: what arrives live still counts; the journal is read again on the
            // next load().
            m_loading = false;
            for (const Event& e : std::exchange(m_early, {}))
                apply(e);
            Q_EMIT changed();
            return;
        }
        for (const Event& e : std::as_const(page))
            apply(e);
        if (page.size() == limit) {
            loadFrom(page.last().seq + 1);
            return;
        }
        m_loading = false;
        m_loaded = true;
        for (const Event& e : std::exchange(m_early, {})) {
            if (e.seq == 0 || e.seq > m_lastSeq)
                apply(e);
        }
        // What was overdue before this desk looked is listed, not announced again.
        announce(true);
        Q_EMIT changed();
    });
    watcher->setFuture(m_bus.replay(range));
}

QJsonObject DeadlineSet::toJson() const
{
    return {{QStringLiteral("key"), key},
            {QStringLiteral("title"), title},
            {QStringLiteral("due"), due.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("module"), module},
            {QStringLiteral("subject"), subject}};
}

std::optional<DeadlineSet> DeadlineSet::fromJson(const QJsonObject& json)
{
    DeadlineSet d;
    d.key = json.value(QStringLiteral("key")).toString();
    d.due = QDateTime::fromString(json.value(QStringLiteral("due")).toString(), Qt::ISODateWithMs);
    if (d.key.isEmpty() || !d.due.isValid())
        return std::nullopt; // a malformed deadline is left out rather than shown at a wrong time
    d.due = d.due.toUTC();
    d.title = json.value(QStringLiteral("title")).toString();
    d.module = json.value(QStringLiteral("module")).toString();
    d.subject = json.value(QStringLiteral("subject")).toString();
    return d;
}

QJsonObject DeadlineCleared::toJson() const
{
    return {{QStringLiteral("key"), key}};
}

std::optional<DeadlineCleared> DeadlineCleared::fromJson(const QJsonObject& json)
{
    const QString key = json.value(QStringLiteral("key")).toString();
    if (key.isEmpty())
        return std::nullopt;
    return DeadlineCleared{key};
}

void publishDeadline(WriteTransaction& txn, const DeadlineSet& deadline)
{
    txn.publish(deadline);
}

void publishDeadlineCleared(WriteTransaction& txn, const QString& key)
{
    txn.publish(DeadlineCleared{key});
}

void DeadlineBoard::apply(const Event& event)
{
    if (event.seq > 0)
        m_lastSeq = std::max(m_lastSeq, event.seq);
    const QString key = event.payload.value(QStringLiteral("key")).toString();
    if (key.isEmpty())
        return;
    if (const auto cleared = payloadAs<DeadlineCleared>(event)) {
        removeOpen(key);
        m_missedSeen.remove(key);
        m_escalatedSeen.remove(key);
        return;
    }
    if (event.topic == QLatin1String("deadline.acknowledged")) {
        const auto it = m_open.find(key);
        if (it != m_open.end() && it->acknowledgedBy.isEmpty()) {
            it->acknowledgedBy = event.actor;
            it->acknowledgedAt = event.occurredAt;
        }
        return;
    }
    const std::optional<DeadlineSet> set = payloadAs<DeadlineSet>(event);
    if (!set)
        return; // another topic, or a malformed deadline: left out rather than shown at a wrong time
    Deadline d{set->key, set->title, set->due, set->module.isEmpty() ? event.source : set->module, set->subject, {}, {}};
    if (const auto old = m_open.constFind(key); old != m_open.cend() && old->due == d.due) {
        d.acknowledgedBy = old->acknowledgedBy; // renamed, not moved: still acknowledged
        d.acknowledgedAt = old->acknowledgedAt;
    } else {
        // Moved: it may run out (and be announced) again.
        m_missedSeen.remove(key);
        m_escalatedSeen.remove(key);
    }
    insertOpen(d);
}

void DeadlineBoard::insertOpen(const Deadline& d)
{
    removeOpen(d.key);
    const qint64 dueMs = d.due.toMSecsSinceEpoch();
    m_byDue.emplace(dueMs, d.key);
    m_settledBefore = std::min(m_settledBefore, dueMs); // set or moved into the settled past: looked at again
    m_open.insert(d.key, d);
}

void DeadlineBoard::removeOpen(const QString& key)
{
    const auto it = m_open.constFind(key);
    if (it == m_open.cend())
        return;
    m_byDue.erase({it->due.toMSecsSinceEpoch(), key});
    m_open.erase(it);
}

void DeadlineBoard::announce(bool quiet)
{
    if (m_loading)
        return;
    const qint64 now = m_clock.nowMs();
    QList<Deadline> missedNow, escalatedNow;
    // What ran out more than the escalation delay before the last look is settled: announced as
    // missed, and escalated unless acknowledged (which never undoes). Only what came after can cross.
    for (auto it = m_byDue.lower_bound({m_settledBefore, QString()}); it != m_byDue.end(); ++it) {
        const auto& [dueMs, key] = *it;
        if (dueMs >= now)
            break; // this one and all after it are still running or due soon: nothing to announce
        const Deadline& d = *m_open.constFind(key);
        if (!m_missedSeen.contains(key)) {
            m_missedSeen.insert(key);
            missedNow << d;
        }
        if (d.levelAt(now) == Deadline::Level::Escalated && !m_escalatedSeen.contains(key)) {
            m_escalatedSeen.insert(key);
            escalatedNow << d;
        }
    }
    if (now > m_lastLook) {
        m_lastLook = now;
        m_settledBefore = std::max(m_settledBefore, now - Deadline::kEscalateAfterMs);
    }
    if (quiet)
        return;
    // Announced after the walk: a slot may publish and so change what is open.
    for (const Deadline& d : std::as_const(missedNow))
        Q_EMIT missed(d);
    for (const Deadline& d : std::as_const(escalatedNow))
        Q_EMIT escalated(d);
}

QList<Deadline> DeadlineBoard::deadlines() const
{
    QList<Deadline> list;
    list.reserve(m_open.size());
    for (const auto& entry : m_byDue)
        list << m_open.value(entry.second);
    return list;
}

QList<Deadline> DeadlineBoard::soonest(int count, const std::function<bool(const QString& module)>& visible, int* total) const
{
    QList<Deadline> list;
    int accepted = 0;
    for (const auto& entry : m_byDue) {
        const Deadline& d = *m_open.constFind(entry.second);
        if (visible && !visible(d.module))
            continue;
        ++accepted;
        if (list.size() < count)
            list << d;
        else if (!total || !visible)
            break; // the total is known without counting on
    }
    if (total)
        *total = visible ? accepted : int(m_open.size());
    return list;
}

int DeadlineBoard::dueWithin(qint64 ms, const std::function<bool(const QString& module)>& visible) const
{
    const qint64 limit = m_clock.nowMs() + ms;
    int n = 0;
    for (const auto& [dueMs, key] : m_byDue) {
        if (dueMs > limit)
            break;
        if (!visible || visible(m_open.constFind(key)->module))
            ++n;
    }
    return n;
}

} // namespace hexhub
