#include "bus/eventbus.h"

#include "bus/journal.h"
#include "store/store.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcBus, "hexhub.bus", QtInfoMsg)

namespace hexhub {

EventBus::EventBus(Store& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
    m_observerId = m_store.addCommitObserver([this](const QList<Event>& events) { deliver(events); });
}

EventBus::~EventBus()
{
    m_store.removeCommitObserver(m_observerId);
    QMutexLocker lock(&m_mutex);
    for (const SubscriptionPtr& subscription : std::as_const(m_subscriptions))
        subscription->active = false;
}

EventBus::SubscriptionId EventBus::subscribe(const QString& pattern, QObject* receiver, Handler handler)
{
    TopicPattern topicPattern(pattern);
    if (!topicPattern.isValid() || !receiver || !handler) {
        qCWarning(lcBus) << "refused subscription to" << pattern;
        return 0;
    }
    auto subscription = std::make_shared<Subscription>();
    subscription->pattern = topicPattern;
    subscription->receiver = receiver;
    subscription->handler = std::move(handler);
    SubscriptionId id = 0;
    {
        QMutexLocker lock(&m_mutex);
        id = m_nextId++;
        subscription->id = id;
        m_subscriptions.insert(id, subscription);
        m_matchCache.clear();
    }
    // A destroyed receiver ends its subscriptions; the direct connection runs in the destructor.
    connect(receiver, &QObject::destroyed, this, [this, id] { unsubscribe(id); }, Qt::DirectConnection);
    return id;
}

bool EventBus::unsubscribe(SubscriptionId id)
{
    QMutexLocker lock(&m_mutex);
    const SubscriptionPtr subscription = m_subscriptions.take(id);
    if (!subscription)
        return false;
    subscription->active = false;
    m_matchCache.clear();
    return true;
}

int EventBus::subscriberCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_subscriptions.size());
}

QList<EventBus::SubscriptionPtr> EventBus::matching(const QString& topic)
{
    QMutexLocker lock(&m_mutex);
    auto cached = m_matchCache.constFind(topic);
    if (cached != m_matchCache.constEnd())
        return cached.value();
    QList<SubscriptionPtr> result;
    for (const SubscriptionPtr& subscription : std::as_const(m_subscriptions)) {
        if (subscription->pattern.matches(topic))
            result << subscription;
    }
    // Deliver in subscription order, so the order subscribers see is stable.
    std::sort(result.begin(), result.end(),
              [](const SubscriptionPtr& a, const SubscriptionPtr& b) { return a->id < b->id; });
    m_matchCache.insert(topic, result);
    return result;
}

void EventBus::deliver(const QList<Event>& events)
{
    for (const Event& event : events) {
        const QList<SubscriptionPtr> subscribers = matching(event.topic);
        for (const SubscriptionPtr& subscription : subscribers) {
            QObject* receiver = subscription->receiver.data();
            if (!receiver)
                continue;
            QMetaObject::invokeMethod(
                receiver, [this, subscription, event] { invoke(subscription, event); }, Qt::QueuedConnection);
        }
    }
}

void EventBus::invoke(const SubscriptionPtr& subscription, const Event& event)
{
    if (!subscription->active)
        return;
    try {
        subscription->handler(event);
        m_delivered.fetch_add(1, std::memory_order_relaxed);
        return;
    } catch (const std::exception& e) {
        m_failed.fetch_add(1, std::memory_order_relaxed);
        qCWarning(lcBus) << "subscriber to" << subscription->pattern.toString() << "failed on event"
                         << event.seq << event.topic << ":" << e.what();
        Q_EMIT subscriberFailed(subscription->pattern.toString(), QString::fromUtf8(e.what()));
    } catch (...) {
        m_failed.fetch_add(1, std::memory_order_relaxed);
        qCWarning(lcBus) << "subscriber to" << subscription->pattern.toString() << "failed on event"
                         << event.seq << event.topic;
        Q_EMIT subscriberFailed(subscription->pattern.toString(), QStringLiteral("unknown exception"));
    }
}

QFuture<QList<Event>> EventBus::replay(const EventRange& range) const
{
    return m_store.read([range](Sql& sql) { return journal::read(sql, range); });
}

quint64 EventBus::deliveredCount() const
{
    return m_delivered.load(std::memory_order_relaxed);
}

quint64 EventBus::failedDeliveries() const
{
    return m_failed.load(std::memory_order_relaxed);
}

} // namespace hexhub
