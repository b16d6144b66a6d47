#pragma once

#include "base/hexhubcore_export.h"

#include <QFuture>
#include <QJsonObject>
#include <QLockFile>
#include <QObject>
#include <QPromise>
#include <QTimer>
#include <QUuid>
#include <QVariantMap>

#include <deque>
#include <functional>
#include <memory>

namespace hexhub {

class AuditLog;
class Clock;
class Store;
class WriteTransaction;

/*!
 * One change an operator made to a shared row: a new row (no key) or new values for some columns of
 * the row `key` as it was at `baseVersion`. Every shared table has an integer `id` and a `version`
 * that each change raises by one. The change carries the event it publishes when applied; the
 * row's key and new version are added to that event's payload.
 */
struct HEXHUB_CORE_EXPORT RowChange
{
    QUuid id;                 //!< assigned by Outbox::submit() when null; applied at most once
    QString table;
    QVariant key;             //!< null: insert a new row
    qint64 baseVersion = 0;   //!< the version the operator edited (ignored for a new row)
    QVariantMap values;       //!< column -> new value
    QString topic;            //!< event published with the change
    QJsonObject payload;
    QString actor = QStringLiteral("system");
    QString source = QStringLiteral("core");
    QString summary;          //!< one line the operator recognises the change by
    qint64 madeAt = 0;        //!< Clock ms; set by submit()

    QJsonObject toJson() const;
    //! Throws ValidationError naming what is wrong with a stored or received change.
    static RowChange fromJson(const QJsonObject& json);
};

//! A change waiting in the outbox, and why it waits.
struct HEXHUB_CORE_EXPORT OutboxEntry
{
    enum class State {
        Queued,   //!< waiting for the server
        Conflict, //!< the row changed on the server since the operator saw it: the operator decides
        Failed,   //!< the server refused it (a rule, a permission): the operator decides
    };
    qint64 position = 0;
    RowChange change;
    State state = State::Queued;
    qint64 theirVersion = 0;  //!< Conflict: the row's version on the server (0: the row is gone)
    QVariantMap theirs;       //!< Conflict: the server's values of the columns the change sets
    QString problem;          //!< Failed: the server's reason
};

struct HEXHUB_CORE_EXPORT ChangeResult
{
    enum class Outcome {
        Applied,  //!< committed on the server
        Queued,   //!< the server is unreachable: kept in the outbox, applied when it is back
        Conflict, //!< kept in the outbox for the operator to resolve
    };
    Outcome outcome = Outcome::Applied;
    QVariant key;      //!< Applied: the row's key
    qint64 version = 0; //!< Applied: the row's new version
};

/*!
 * Changes to shared rows, made safely from a desk whose server may be away. A change is applied on
 * the server straight away when it can be: in one transaction the row is updated only if it still has
 * the version the operator saw, the change's id is recorded (so it never applies twice), and its event
 * is journaled. When the server cannot be reached, the change goes into a local SQLite outbox on this
 * desk, durable before submit() answers, and the outbox is replayed in order once the server is back.
 *
 * A replayed change whose row changed meanwhile is not applied blindly: it stops the replay and waits
 * for the operator (attentionNeeded()), who keeps their change over the newer one or discards it
 * (resolve()); the decision is journaled as `change.conflict_resolved` and audited. A change the server
 * refuses waits the same way. Nothing in the outbox is dropped without an operator's decision.
 *
 * Lives on the thread that created it (the GUI thread); every SQL runs on the stores' threads.
 */
class HEXHUB_CORE_EXPORT Outbox final : public QObject
{
    Q_OBJECT
public:
    //! `localPath`: the desk's outbox file; empty for a store that cannot be unreachable (SQLite).
    Outbox(Store& server, const Clock& clock, const AuditLog* audit, QString localPath, QObject* parent = nullptr);
    ~Outbox() override;

    //! Opens (creating) the local outbox and, unless held, starts replaying what an earlier run left.
    QFuture<void> open();
    /*!
     * While held, nothing an earlier run left is replayed, neither when open() is done nor when the
     * server comes back: the platform opens the outbox beside the server store and holds the replay
     * until the core's migrations ran and other desks are listened to, where it began before. Releasing
     * replays what waits.
     */
    void holdReplay(bool held);
    /*!
     * Settles what was already submitted (applied on the server or kept in the local file, waiting
     * up to ten seconds with the event loop running), fails anything still queued, and closes the
     * local file. Call before the server store closes.
     */
    void close();

    //! Applies `change` now or queues it; fails (ValidationError, StoreError) only when it cannot
    //! even be kept, and then nothing was changed anywhere.
    QFuture<ChangeResult> submit(RowChange change);
    //! The operator's decision on a change in Conflict or Failed state. KeepMine applies it over the
    //! newer row (Conflict) or tries it again (Failed); DiscardMine drops it. Journaled and audited.
    enum class Resolution { KeepMine, DiscardMine };
    QFuture<ChangeResult> resolve(const QUuid& changeId, Resolution resolution, const QString& actor);

    //! Everything in the outbox, in replay order.
    QFuture<QList<OutboxEntry>> entries() const;
    int waiting() const { return m_waiting; }
    bool blocked() const { return m_blocked; }

    //! The local file's path, for the operator's information.
    QString localPath() const { return m_localPath; }

    /*!
     * Applies one change in `txn` on the server; what submit() and the replay both run. Public for
     * tools and tests. `overrideVersion` applies an update whatever the row's version (an operator's
     * "keep mine").
     */
    struct Applied
    {
        enum class Kind { Applied, AlreadyApplied, Conflict } kind = Kind::Applied;
        QVariant key;
        qint64 version = 0;
        qint64 theirVersion = 0;
        QVariantMap theirs;
    };
    static Applied apply(WriteTransaction& txn, const RowChange& change, bool overrideVersion);

Q_SIGNALS:
    //! The number of changes waiting in the outbox changed.
    void waitingChanged(int waiting);
    //! A change needs the operator: a conflict, or the server refused it. Replay waits behind it.
    void attentionNeeded(const hexhub::OutboxEntry& entry);
    //! The outbox emptied: every change made offline is on the server.
    void drained();

private:
    struct Operation
    {
        std::function<void()> run;
        std::function<void(std::exception_ptr)> fail;
    };
    enum class State { Closed, Opening, Open, Closing, Failed };
    void enqueue(std::function<void()> run, std::function<void(std::exception_ptr)> fail);
    void failQueued(const QString& why);
    void finishOperation();
    void pump();
    void submitNow(RowChange change, std::shared_ptr<QPromise<ChangeResult>> promise);
    void keepLocally(RowChange change, OutboxEntry::State state, const Applied& conflict, const QString& problem,
                     std::shared_ptr<QPromise<ChangeResult>> promise);
    void replayOne();
    void resolveNow(QUuid changeId, Resolution resolution, QString actor,
                    std::shared_ptr<QPromise<ChangeResult>> promise);
    void backOff();
    void setWaiting(int waiting);
    bool serverReachable() const;

    Store& m_server;
    const Clock& m_clock;
    const AuditLog* m_audit;
    QString m_localPath;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<Store> m_local;
    std::deque<Operation> m_operations;
    bool m_busy = false;
    State m_state = State::Closed;
    int m_waiting = 0;
    bool m_blocked = false;
    bool m_replayHeld = false;
    QTimer* m_retry = nullptr;
    int m_backoffMs = 200;
};

} // namespace hexhub

Q_DECLARE_METATYPE(hexhub::OutboxEntry)
