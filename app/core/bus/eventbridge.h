#pragma once

#include "base/hexhubcore_export.h"
#include "store/storeurl.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <memory>

namespace hexhub {

class EventBus;
class Store;

namespace detail {
class BridgeWorker;
struct BridgeStop;
}

/*!
 * Carries events between desks that share a PostgreSQL store. Every event insert notifies channel
 * `hexhub_events` at commit (a trigger in the core schema); the bridge LISTENs on its own connection
 * and thread, reads the rows after the last sequence number it has seen, in order, and hands other
 * desks' events to the local bus marked remote (this desk's own were delivered at commit). The
 * schema hands out sequence numbers in commit order, so "after the last one seen" never skips a
 * late committer. When the connection drops the bridge reconnects with backoff and catches up from
 * the last sequence number: nothing is missed, nothing is delivered twice.
 */
class HEXHUB_CORE_EXPORT EventBridge final : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Connecting, Listening, Reconnecting };
    Q_ENUM(State)

    EventBridge(StoreUrl url, Store& store, EventBus& bus, QObject* parent = nullptr);
    ~EventBridge() override;

    //! Starts listening; events after `afterSeq` are delivered (-1: from the journal's current end).
    void start(qint64 afterSeq = -1);
    /*!
     * Before start(): the entries up to `upTo` are a catch-up on what happened while this desk was
     * closed (Event::caughtUp). Those journaled by this desk's earlier runs (`earlierOrigins`, the
     * store's desk ids then) are its own: delivered without Event::remote.
     */
    void setCatchUp(qint64 upTo, const QStringList& earlierOrigins);
    /*!
     * Stops listening, in bounded time: when the bridge's thread is still waiting on the server
     * after kStopDrainMs, its connection is cut; a thread that even then does not end (it can only be
     * in a connection attempt, bounded by the URL's connect_timeout) is left to the process's exit.
     */
    void stop();
    static constexpr int kStopDrainMs = 2000;
    static constexpr int kAfterCutMs = 15000;

    State state() const { return m_state.load(); }
    //! Whether the journal has been read to its end once since start(): the catch-up is all delivered.
    bool catchUpFinished() const { return m_catchUpFinished.load(); }
    qint64 lastSeenSeq() const { return m_lastSeen.load(); }
    quint64 deliveredCount() const { return m_delivered.load(); }

Q_SIGNALS:
    void stateChanged(hexhub::EventBridge::State state);
    //! Emitted after each read of the journal, with the last sequence number seen.
    void caughtUp(qint64 lastSeq);
    //! Emitted once, after the first read of the journal to its end: everything up to the catch-up's
    //! end (setCatchUp()) is delivered, in however many pages it took.
    void catchUpDone();

private:
    friend class detail::BridgeWorker;
    void setState(State state);

    StoreUrl m_url;
    Store& m_store;
    EventBus& m_bus;
    QThread* m_thread = nullptr;
    detail::BridgeWorker* m_worker = nullptr;
    std::shared_ptr<detail::BridgeStop> m_stop;
    std::atomic<State> m_state{State::Stopped};
    std::atomic<qint64> m_lastSeen{0};
    std::atomic<quint64> m_delivered{0};
    std::atomic<bool> m_catchUpFinished{false};
    qint64 m_catchUpTo = -1;         //!< set before the worker's thread starts, read only there
    QSet<QString> m_earlierOrigins;  //!< ditto
};

} // namespace hexhub
