#pragma once

#include "bus/event.h"
#include "base/hexhubcore_export.h"
#include "store/sql.h"
#include "store/storeurl.h"

#include <QFuture>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QSet>
#include <QUuid>

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <variant>

class QTimer;

namespace hexhub {

class Clock;
class SqlDialect;

namespace detail {
class SqlThread;
}

/*!
 * Hexhub's SQL store. All SQL runs on the store's own threads, one connection each, as Qt SQL
 * requires: one writer thread that runs write jobs one after another in transactions, and reader
 * threads (WAL readers on SQLite) for queries. Callers hand in a job and get a QFuture back; nobody
 * waits on disk on the GUI thread. Failures arrive as exceptions in the future (StoreError and kin).
 *
 * Events a write job publishes are journaled in its transaction; after the commit the store hands
 * them to its commit observers (the EventBus) in commit order.
 */
class HEXHUB_CORE_EXPORT Store final : public QObject
{
    Q_OBJECT
    Q_PROPERTY(hexhub::Store::State state READ state NOTIFY stateChanged)
public:
    /*!
     * Open: connected and working. Degraded: working, but other desks' events are not arriving
     * (the listening connection is down). Offline: the server cannot be reached; jobs fail with a
     * StoreError until it is back, and the store reconnects with backoff. Failed: could not open.
     */
    enum class State { Closed, Opening, Open, Degraded, Offline, Failed };
    Q_ENUM(State)

    struct Options
    {
        StoreUrl url;
        int readers = 2;
        //! A training store: every event journaled through it is marked `"exercise": true`.
        bool exercise = false;
    };

    Store(Options options, const Clock& clock, QObject* parent = nullptr);
    ~Store() override;

    //! Opens the connections and prepares the store's own bookkeeping tables. Refuses, with a clear
    //! StoreError and without touching it, a file that is not a database, is read-only, or was
    //! written by a newer Hexhub. Creates a missing SQLite file (and its folder) with mode 0600.
    QFuture<void> open();
    /*!
     * Finishes queued jobs, then closes every connection, in bounded time: what is still waiting on
     * the server after kCloseDrainMs has its connection cut and fails with StoreUnavailable (what is
     * left then is a connection attempt, bounded by its connect_timeout, or SQLite's busy timeout).
     */
    void close();
    static constexpr int kCloseDrainMs = 3000;

    State state() const { return m_state.load(); }
    //! Marks the store degraded while the cross-desk listener is down (the Platform tells it).
    void setDegraded(bool degraded);
    const StoreUrl& url() const { return m_options.url; }
    const SqlDialect& dialect() const { return *m_dialect; }
    const Clock& clock() const { return m_clock; }
    //! This store connection's identity, written into the events it journals (their origin), so a
    //! desk can tell its own events from other desks' ones.
    QString deskId() const { return m_deskId; }

    //! The storage format this build writes; a store with a higher one is refused.
    static constexpr int kFormatVersion = 1;

    //! Runs `job(Sql&)` on a reader connection.
    template <typename F>
    auto read(F&& job) -> QFuture<std::invoke_result_t<F&, Sql&>>;

    //! Runs `job(WriteTransaction&)` in one transaction on the writer connection. The future
    //! resolves after the commit, with the job's result; a throwing job rolls back whole.
    template <typename F>
    auto write(WriteContext context, F&& job) -> QFuture<std::invoke_result_t<F&, WriteTransaction&>>;
    template <typename F>
    auto write(F&& job)
    {
        return write(WriteContext{}, std::forward<F>(job));
    }

    /*!
     * True once for an event of this desk whose transaction lost its connection during COMMIT, so
     * that no commit observer saw it: if it did commit, the cross-desk bridge finds it in the journal
     * and delivers it here after all. Thread-safe.
     */
    bool takeInDoubt(const QUuid& eventId);

    using CommitObserver = std::function<void(const QList<Event>&)>;
    //! Called on the writer thread, in commit order, with each committed transaction's events.
    //! Returns an id for removeCommitObserver().
    int addCommitObserver(CommitObserver observer);
    void removeCommitObserver(int id);

    /*!
     * Runs `react` inside every write transaction that journals an event matching `pattern`, right
     * after the event is journaled (WriteTransaction::Reaction): what it writes commits or rolls back
     * with the change that caused it, and an exception it throws refuses that change. Called on the
     * writer thread. Returns an id for removeReaction().
     */
    int addReaction(const QString& pattern, WriteTransaction::Reaction react);
    void removeReaction(int id);

Q_SIGNALS:
    void stateChanged(hexhub::Store::State state);

private:
    struct WriteJob
    {
        WriteContext context;
        std::function<void(WriteTransaction&)> body;
        std::function<void()> succeed;
        std::function<void(std::exception_ptr)> fail;
    };
    struct ReadJob
    {
        std::function<void(Sql&)> body;
        std::function<void(std::exception_ptr)> fail;
    };

    void enqueueWrite(WriteJob job);
    void enqueueRead(ReadJob job);
    void runWrite(WriteJob& job, QSqlDatabase& db);
    QList<Event> runWriteOnce(WriteJob& job, QSqlDatabase& db, bool& commitSent);
    void ensureConnected(QSqlDatabase& db, bool writer);
    bool connectionAlive(QSqlDatabase& db) const;
    void reconnect(QSqlDatabase& db, bool writer);
    //! Marks this thread's connection lost and throws StoreUnavailable(message).
    [[noreturn]] void goOffline(const QString& message);
    QSqlDatabase openWriter(const QString& connectionName);
    void setState(State state);

    template <typename R>
    using Slot = std::conditional_t<std::is_void_v<R>, std::monostate, std::optional<R>>;

    Options m_options;
    const Clock& m_clock;
    const QString m_deskId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<SqlDialect> m_dialect;
    // Set by open() and cleared by close() on the owner's thread; enqueueRead() and enqueueWrite(),
    // which any thread calls, take their own reference under m_threadsMutex.
    mutable QMutex m_threadsMutex;
    std::shared_ptr<detail::SqlThread> m_writer;
    std::vector<std::shared_ptr<detail::SqlThread>> m_readers;
    std::atomic<unsigned> m_nextReader{0};
    QMutex m_observersMutex;
    QMap<int, CommitObserver> m_observers;
    int m_nextObserverId = 1;
    QMap<int, WriteTransaction::ReactionEntry> m_reactions; // under m_observersMutex
    std::atomic<State> m_state{State::Closed};
    static constexpr int kOfflineProbeMs = 2000;
    QTimer* m_probe = nullptr; //!< offline: tries the server again now and then
    bool m_probing = false;    //!< a probe is on its way (GUI thread)
    quint64 m_openGeneration = 0; //!< GUI thread: which open() the queued state change answers
    QList<Event> m_attempted; // writer thread only
    QMutex m_inDoubtMutex;
    QSet<QUuid> m_inDoubt;
};

template <typename F>
auto Store::read(F&& job) -> QFuture<std::invoke_result_t<F&, Sql&>>
{
    using R = std::invoke_result_t<F&, Sql&>;
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    enqueueRead(ReadJob{
        [promise, job = std::forward<F>(job)](Sql& sql) mutable {
            if constexpr (std::is_void_v<R>) {
                job(sql);
            } else {
                promise->addResult(job(sql));
            }
            promise->finish();
        },
        [promise](std::exception_ptr error) {
            promise->setException(error);
            promise->finish();
        }});
    return future;
}

template <typename F>
auto Store::write(WriteContext context, F&& job) -> QFuture<std::invoke_result_t<F&, WriteTransaction&>>
{
    using R = std::invoke_result_t<F&, WriteTransaction&>;
    auto promise = std::make_shared<QPromise<R>>();
    auto result = std::make_shared<Slot<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    enqueueWrite(WriteJob{
        std::move(context),
        [result, job = std::forward<F>(job)](WriteTransaction& txn) mutable {
            if constexpr (std::is_void_v<R>)
                job(txn);
            else
                result->emplace(job(txn));
        },
        [promise, result] {
            if constexpr (!std::is_void_v<R>)
                promise->addResult(std::move(**result));
            promise->finish();
        },
        [promise](std::exception_ptr error) {
            promise->setException(error);
            promise->finish();
        }});
    return future;
}

} // namespace hexhub
