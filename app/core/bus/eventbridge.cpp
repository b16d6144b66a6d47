#include "bus/eventbridge.h"

#include "base/clock.h"
#include "bus/eventbus.h"
#include "bus/journal.h"
#include "store/connectioncut.h"
#include "store/sql.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcBridge, "hexhub.bridge", QtInfoMsg)

namespace hexhub {

namespace detail {

//! What a bridge's worker shares with the bridge to be stopped, and outlives both.
struct BridgeStop
{
    std::atomic_bool stopping{false};
    ConnectionCut cut;
};

namespace {
constexpr int kPageSize = 1000;
constexpr int kHealthCheckMs = 1000;
// Every this many health checks the bridge asks the server to end the sessions that sit on locks
// others wait for (hexhub_end_lock_sitters, roles.postgresql.sql): 5 s.
constexpr int kSitterChecks = 5;
constexpr int kMinBackoffMs = 100;
constexpr int kMaxBackoffMs = 5000;
const QString kChannel = QStringLiteral("hexhub_events");
} // namespace

// Lives on the bridge's thread and owns the listening connection there (Qt SQL connections and
// their notifications belong to the thread that opened them).
class BridgeWorker final : public QObject
{
public:
    BridgeWorker(EventBridge& bridge, qint64 afterSeq, std::shared_ptr<BridgeStop> stop)
        : m_bridge(bridge)
        , m_stop(std::move(stop))
        , m_afterSeq(afterSeq)
        , m_connectionName(QStringLiteral("hexhub-bridge-") + QUuid::createUuid().toString(QUuid::Id128))
    {
        // Children, so they move to the bridge's thread with the worker.
        m_health = new QTimer(this);
        m_health->setInterval(kHealthCheckMs);
        connect(m_health, &QTimer::timeout, this, &BridgeWorker::checkHealth);
        m_retry = new QTimer(this);
        m_retry->setSingleShot(true);
        connect(m_retry, &QTimer::timeout, this, &BridgeWorker::connectToServer);
    }

    ~BridgeWorker() override { disconnectFromServer(); }

    void connectToServer()
    {
        if (m_stop->stopping)
            return;
        m_bridge.setState(m_everConnected ? EventBridge::State::Reconnecting : EventBridge::State::Connecting);
        disconnectFromServer();
        QSqlDatabase db;
        const StoreUrl url = m_bridge.m_url;
        try {
            db = openStoreConnection(PostgreSqlDialect(url.options), url, m_connectionName, false,
                                     QStringLiteral("application_name=hexhub-bridge"));
        } catch (const std::exception& e) {
            if (m_stop->stopping)
                return; // the bridge may be gone: touch nothing of it
            qCInfo(lcBridge) << "cannot listen yet:" << e.what();
            scheduleRetry();
            return;
        }
        // A stop that gave up on this thread while it connected left it to the process's exit, and
        // the bridge may be gone: nothing of it is touched again.
        if (m_stop->stopping)
            return;
        m_stop->cut.follow(db);
        if (!db.driver()->subscribeToNotification(kChannel)) {
            qCInfo(lcBridge) << "cannot listen yet:" << db.lastError().text();
            scheduleRetry();
            return;
        }
        // A notification only wakes the bridge: any login may NOTIFY, so what it carries is not
        // believed; the journal, read as this desk's login, says what there is.
        connect(db.driver(), &QSqlDriver::notification, this, [this](const QString& name) {
            if (name == kChannel)
                readNewEvents();
        });
        m_connected = true;
        m_backoffMs = kMinBackoffMs;
        {
            // A server prepared by --init-server has it (one made by an older Hexhub may not).
            QSqlQuery has(db);
            m_endsSitters = has.exec(QStringLiteral("SELECT to_regprocedure('hexhub_end_lock_sitters()') IS NOT NULL")) && has.next()
                && has.value(0).toBool();
        }
        if (!m_everConnected && m_afterSeq < 0) {
            // A desk that just started needs what happens from now on, not the whole history.
            QSqlQuery last(db);
            if (last.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events")) && last.next())
                m_bridge.m_lastSeen = last.value(0).toLongLong();
        } else if (!m_everConnected) {
            m_bridge.m_lastSeen = m_afterSeq;
        }
        m_everConnected = true;
        m_bridge.setState(EventBridge::State::Listening);
        m_health->start();
        readNewEvents(); // whatever was committed while we were not listening
    }

    void stop()
    {
        m_health->stop();
        m_retry->stop();
        disconnectFromServer(); // the bridge says Stopped itself: it may be gone by now (see EventBridge::stop())
    }

private:
    void disconnectFromServer()
    {
        m_connected = false;
        m_health->stop();
        m_sql.reset();
        m_stop->cut.follow(QSqlDatabase());
        if (!QSqlDatabase::contains(m_connectionName))
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            if (db.isOpen()) {
                db.driver()->unsubscribeFromNotification(kChannel);
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }

    void scheduleRetry()
    {
        m_connected = false;
        m_sql.reset(); // its statements belong to the connection that failed
        m_health->stop();
        m_bridge.setState(EventBridge::State::Reconnecting);
        m_retry->start(m_backoffMs);
        m_backoffMs = std::min(kMaxBackoffMs, m_backoffMs * 2);
    }

    void checkHealth()
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        QSqlQuery ping(db);
        // The bridge's connection waits on no lock: it is the one that can ask the server to end a
        // session that sits on a lock the desk's writer (or anyone's) waits for. The server decides.
        const bool sitters = m_endsSitters && ++m_checks % kSitterChecks == 0;
        if (sitters && ping.exec(QStringLiteral("SELECT hexhub_end_lock_sitters()")))
            return;
        if (sitters) {
            qCInfo(lcBridge) << "cannot ask the server to end sessions that sit on locks:" << ping.lastError().text();
            m_endsSitters = false; // said once; the ping below still tells whether the server is there
        }
        if (!ping.exec(QStringLiteral("SELECT 1"))) {
            qCInfo(lcBridge) << "lost the server:" << ping.lastError().text();
            scheduleRetry();
        }
    }

    //! Reads and delivers what was journaled after the last event seen.
    void readNewEvents()
    {
        if (!m_connected)
            return;
        const QString ownDesk = m_bridge.m_store.deskId();
        try {
            // One Sql for the connection's life: its prepared statements are reused notification after
            // notification instead of prepared and dropped each time (two round trips saved).
            if (!m_sql) {
                m_sql = std::make_unique<Sql>(QSqlDatabase::database(m_connectionName, false), m_dialect,
                                              m_bridge.m_store.clock());
            }
            Sql& sql = *m_sql;
            for (;;) {
                const QList<Event> page = journal::read(sql, EventRange::bySeq(m_bridge.m_lastSeen + 1, -1));
                sql.releaseStatements();
                if (page.isEmpty())
                    break;
                QList<Event> remote;
                for (Event event : page) {
                    if (event.origin == ownDesk) {
                        // Ours, delivered at commit, unless the commit's outcome was in doubt.
                        if (m_bridge.m_store.takeInDoubt(event.id))
                            remote << event; // remote stays false: it is this desk's own event
                        continue;
                    }
                    event.caughtUp = event.seq <= m_bridge.m_catchUpTo;
                    // What this desk journaled in an earlier run is its own, not another desk's.
                    event.remote = !(event.caughtUp && m_bridge.m_earlierOrigins.contains(event.origin));
                    remote << event;
                }
                if (!remote.isEmpty()) {
                    m_bridge.m_bus.deliver(remote);
                    m_bridge.m_delivered += quint64(remote.size());
                }
                m_bridge.m_lastSeen = page.last().seq;
                if (page.size() < EventRange{}.limit)
                    break;
            }
        } catch (const std::exception& e) {
            qCInfo(lcBridge) << "reading the journal failed:" << e.what();
            scheduleRetry();
            return;
        }
        Q_EMIT m_bridge.caughtUp(m_bridge.m_lastSeen);
        if (!m_bridge.m_catchUpFinished.exchange(true))
            Q_EMIT m_bridge.catchUpDone();
    }

    EventBridge& m_bridge;
    std::shared_ptr<BridgeStop> m_stop;
    qint64 m_afterSeq;
    QString m_connectionName;
    PostgreSqlDialect m_dialect{m_bridge.m_url.options};
    std::unique_ptr<Sql> m_sql;
    QTimer* m_health = nullptr;
    bool m_endsSitters = false;
    int m_checks = 0;
    QTimer* m_retry = nullptr;
    int m_backoffMs = kMinBackoffMs;
    bool m_connected = false;
    bool m_everConnected = false;
};

} // namespace detail

EventBridge::EventBridge(StoreUrl url, Store& store, EventBus& bus, QObject* parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_store(store)
    , m_bus(bus)
{
}

EventBridge::~EventBridge()
{
    stop();
}

void EventBridge::setCatchUp(qint64 upTo, const QStringList& earlierOrigins)
{
    Q_ASSERT(!m_worker);
    m_catchUpTo = upTo;
    m_earlierOrigins = QSet<QString>(earlierOrigins.begin(), earlierOrigins.end());
}

void EventBridge::start(qint64 afterSeq)
{
    if (m_worker)
        return;
    m_stop = std::make_shared<detail::BridgeStop>();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("hexhub-bridge"));
    m_worker = new detail::BridgeWorker(*this, afterSeq, m_stop);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &detail::BridgeWorker::connectToServer, Qt::QueuedConnection);
}

void EventBridge::stop()
{
    if (!m_worker)
        return;
    // The worker stops on its own thread, which then ends; a thread stuck on a silent server gets its
    // connection cut, so the wait ends with a connection error instead of TCP's minutes.
    m_stop->stopping = true; // no reconnecting from now on
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] {
        worker->stop();
        QThread::currentThread()->quit();
    }, Qt::QueuedConnection);
    bool ended = m_thread->wait(QDeadlineTimer(kStopDrainMs));
    if (!ended) {
        const bool cut = m_stop->cut.cut();
        qCWarning(lcBridge) << "still busy at stop;" << (cut ? "its connection was cut" : "it had no connection to cut");
        ended = m_thread->wait(QDeadlineTimer(kAfterCutMs));
    }
    if (ended) {
        delete m_thread; // the worker was deleted on it as it finished
    } else {
        // Only a connection attempt can still be running (see stop()); m_stop tells it to touch
        // nothing of this bridge when it returns, and it ends its thread. Never destroy a running
        // QThread: the thread is left to the process's exit.
        qCCritical(lcBridge) << "the listening thread did not end; it is left to the process's exit";
    }
    m_worker = nullptr;
    m_thread = nullptr;
    setState(State::Stopped);
}

void EventBridge::setState(State state)
{
    if (m_state.exchange(state) != state)
        Q_EMIT stateChanged(state);
}

} // namespace hexhub
