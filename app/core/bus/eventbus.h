#pragma once

#include "bus/event.h"
#include "base/hexhubcore_export.h"

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace hexhub {

class Store;

/*!
 * The in-process event bus. Events enter through the store (WriteTransaction::publish journals them
 * in the transaction of the change they describe) and the bus delivers them after the commit, in
 * commit order, to every matching subscriber, queued onto the thread that owns the subscriber's
 * receiver object. Each delivery is independent: a subscriber that throws is logged and skipped; a
 * slow subscriber on its own thread holds up nobody else.
 */
class HEXHUB_CORE_EXPORT EventBus final : public QObject
{
    Q_OBJECT
public:
    using SubscriptionId = quint64;
    using Handler = std::function<void(const Event&)>;

    explicit EventBus(Store& store, QObject* parent = nullptr);
    ~EventBus() override;

    /*!
     * Calls `handler` for each event whose topic matches `pattern` ("incident.created",
     * "incident.*", "*"), on `receiver`'s thread. The subscription ends with unsubscribe() or when
     * the receiver is destroyed. Returns 0 for an invalid pattern.
     */
    SubscriptionId subscribe(const QString& pattern, QObject* receiver, Handler handler);

    //! Typed subscription: the handler receives the decoded payload and the event around it.
    template <EventPayload T>
    SubscriptionId subscribe(QObject* receiver, std::function<void(const T&, const Event&)> handler)
    {
        return subscribe(QString::fromLatin1(T::kTopic), receiver,
                         [handler = std::move(handler)](const Event& event) {
                             if (const auto payload = payloadAs<T>(event))
                                 handler(*payload, event);
                         });
    }

    bool unsubscribe(SubscriptionId id);
    int subscriberCount() const;

    //! Delivers committed events to subscribers. The store calls this after each commit; the
    //! cross-desk bridge calls it with events read from other desks (marked remote).
    void deliver(const QList<Event>& events);

    //! Reads journaled events back: one page of `range` (page on with fromSeq = last seq + 1).
    QFuture<QList<Event>> replay(const EventRange& range) const;

    quint64 deliveredCount() const;
    quint64 failedDeliveries() const;

Q_SIGNALS:
    //! A subscriber threw; emitted on that subscriber's thread.
    void subscriberFailed(const QString& pattern, const QString& error);

private:
    struct Subscription
    {
        SubscriptionId id = 0;
        TopicPattern pattern;
        QPointer<QObject> receiver;
        Handler handler;
        std::atomic<bool> active{true};
    };
    using SubscriptionPtr = std::shared_ptr<Subscription>;

    QList<SubscriptionPtr> matching(const QString& topic);
    void invoke(const SubscriptionPtr& subscription, const Event& event);

    Store& m_store;
    int m_observerId = 0;
    mutable QMutex m_mutex;
    QHash<SubscriptionId, SubscriptionPtr> m_subscriptions;
    QHash<QString, QList<SubscriptionPtr>> m_matchCache; // topic -> subscribers, rebuilt lazily
    SubscriptionId m_nextId = 1;
    std::atomic<quint64> m_delivered{0};
    std::atomic<quint64> m_failed{0};
};

} // namespace hexhub
