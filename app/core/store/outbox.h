#pragma once

#include "base/hexhubcore_export.h"
#include "base/error.h"
#include "module/command.h"

#include <QFuture>
#include <QHash>
#include <QSet>
#include <QStringList>
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

/*!
 * A module service's command made while the server was away (ARCHITECTURE.md 3a): what to run again
 * (the operation a module registered with Outbox::addReplayer() and its arguments) under the command
 * id it was made with, so it applies once however often it is sent.
 */
struct HEXHUB_CORE_EXPORT OfflineCommand
{
    CommandId id;
    QString operation;   //!< "hub.incident.create": the replayer that sends it
    QJsonObject args;    //!< the replayer's arguments
    QStringList records; //!< what it changes ("incident:12"): a command held for a decision holds back later ones on these
    QString summary;     //!< one line the operator recognises it by, in their language
    QString madeBy;      //!< the operator who made it
    QString source;      //!< the module whose service it is
    qint64 madeAt = 0;   //!< Clock ms; set by Outbox::keep() when zero
    /*!
     * Bytes the command carries (a snapshot, a clip): kept beside its arguments in the outbox file,
     * not in them, and read back only to send it. Empty in OutboxEntry lists; contentBytes says how
     * many there are.
     */
    QByteArray content;
    qint64 contentBytes = 0; //!< content's size, also when the entry was read without it
    QJsonObject toJson() const;
    //! Throws ValidationError naming what is wrong with a stored command.
    static OfflineCommand fromJson(const QJsonObject& json);
};

//! A change or command waiting in the outbox, and why it waits.
struct HEXHUB_CORE_EXPORT OutboxEntry
{
    enum class Kind {
        Change,  //!< a RowChange (submit())
        Command, //!< an OfflineCommand (keep())
    };
    enum class State {
        Queued,   //!< waiting for the server
        Conflict, //!< the row changed on the server since the operator saw it: the operator decides
        Failed,   //!< the server refused it (a rule, a permission): the operator decides
    };
    qint64 position = 0;
    Kind kind = Kind::Change;
    RowChange change;        //!< Kind::Change
    OfflineCommand command;  //!< Kind::Command
    State state = State::Queued;
    qint64 theirVersion = 0;  //!< Conflict: the row's version on the server (0: the row is gone)
    QVariantMap theirs;       //!< Conflict: the server's values of the columns the change sets
    QString problem;          //!< Failed: the server's reason
    bool heldBack = false;    //!< Queued behind a change or command on the same record that waits for a decision
    bool awaitsMaker = false; //!< waits for the operator who made it to sign in (OutboxEntry::madeBy())
    /*!
     * The entry exactly as the outbox file holds it (its JSON text), and the maker's seals on it:
     * HMAC-SHA256 with the maker's desk key (Principal::deskKey) over that text and its content's
     * SHA-256, made as it was kept, and over its state after the replay set one (a conflict or a
     * refusal), so what is sent under the maker, and what keep mine overrides, is what the maker's
     * own desk recorded. Empty seals: the maker had no key (or an older Hexhub kept it).
     */
    QByteArray stored;
    QByteArray seal;
    QByteArray stateSeal;
    //! Whether it carries the seal of `key` over `content` (its bytes as kept; empty for none). Never without a key.
    bool sealHolds(const QByteArray& key, const QByteArray& content) const;
    //! Whether its state (Conflict or Failed, with what the server said) carries the seal of `key`.
    bool stateSealHolds(const QByteArray& key) const;

    QUuid id() const { return kind == Kind::Command ? command.id.uuid() : change.id; }
    QString summary() const { return kind == Kind::Command ? command.summary : change.summary; }
    QString madeBy() const { return kind == Kind::Command ? command.madeBy : change.actor; }
    qint64 madeAt() const { return kind == Kind::Command ? command.madeAt : change.madeAt; }
    //! The records it changes: the dependency that holds later entries back.
    QStringList records() const;
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
 * Module services keep their commands here the same way (keep()): a service whose write finds the
 * server away keeps the command with its id and arguments, and the caller hears CommandQueued. Commands
 * replay only while the operator who made them is signed in (setOperator()), through the replayer the module
 * registered, which calls the service again: it runs under the signed-in operator, with the permission
 * checked again.
 *
 * A replayed change or command whose row changed meanwhile is not applied blindly: it waits for the
 * operator (attentionNeeded()), who keeps theirs over the newer one or discards it (resolve()); the
 * decision is journaled as `change.conflict_resolved` and audited. One the server refuses waits the same
 * way. Only what touches the same record waits behind it (OutboxEntry::records()); the rest replays in
 * order. Nothing in the outbox is dropped without an operator's decision.
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
     * Settles what was already submitted while the server store is still open: each is applied on
     * the server or kept in the local file, waiting up to kSettleMs with the event loop running.
     * What is not settled then stays in the local file for the next start. The outbox still keeps
     * commands until close().
     */
    void settle();
    /*!
     * Settles (when settle() was not called), keeps what the closing server store just failed,
     * fails anything still queued, and closes the local file. The platform calls settle(), closes
     * the server store (in bounded time), then calls close().
     */
    void close();
    static constexpr int kSettleMs = 5000;

    //! Applies `change` now or queues it; fails (ValidationError, StoreError) only when it cannot
    //! even be kept, and then nothing was changed anywhere.
    QFuture<ChangeResult> submit(RowChange change);

    /*!
     * Sends a kept command again: calls the module's service with `args` under `id`. `overrideConflict`
     * is the operator's "keep mine" after a conflict: the replayer applies the command over the newer
     * row (for example, an edit against the row's current version). Runs on this object's thread.
     */
    using Replayer = std::function<QFuture<void>(const QJsonObject& args, const CommandId& id, bool overrideConflict)>;
    //! Registers the replayer of `operation` (a module does at initialize()).
    void addReplayer(const QString& operation, Replayer replayer);
    //! A replayer of a command that carries bytes (OfflineCommand::content): they are read back from
    //! the outbox file, checked against their size, and handed over with the arguments.
    using ContentReplayer = std::function<QFuture<void>(const QJsonObject& args, const QByteArray& content, const CommandId& id,
                                                        bool overrideConflict)>;
    void addContentReplayer(const QString& operation, ContentReplayer replayer);
    /*!
     * Lets the module that keeps `operation` adjust a command's arguments as it is kept, in view of
     * the commands already kept on the same records (oldest first): an edit made from a view that
     * could not show the operator's own earlier kept edits says what that view would have shown.
     * Runs on the outbox file's thread, so it must be a function of its arguments alone.
     */
    using Keeper = std::function<QJsonObject(const QJsonObject& args, const QList<OfflineCommand>& earlier)>;
    void addKeeper(const QString& operation, Keeper keeper);
    /*!
     * Keeps a service's command made while the server is away; durable in the local file when the
     * future finishes. The same command id kept again is kept once. Fails (StoreError) when this desk has
     * no outbox or it is closed: then the caller reports the outage as it was.
     */
    QFuture<void> keep(OfflineCommand command);
    //! Whether commands can be kept at all (a desk on a server, its outbox open).
    bool canKeep() const;
    /*!
     * Commands replay only while the operator who made them is signed in, under that operator (the
     * permission checked again by the service): a desk shared by several operators sends nobody's
     * work in another's name. Another operator's commands wait for them (anyone signed in may
     * discard them). `deskKey` (Principal::deskKey) seals what this operator keeps, and what is sent
     * under them must carry their seal: work put in the file in their name by someone else is
     * refused and waits for their decision. The platform says who is signed in (Session::changed);
     * empty: nobody. Changes (submit()) are kept, sealed and sent the same way, under their actor.
     */
    void setOperator(const QString& name, const QByteArray& deskKey = {});
    /*!
     * The desk key of an operator (Principal::deskKey): PBKDF2-HMAC-SHA256 of their password, salted
     * with their name, `iterations` rounds. Only someone who knows the password makes it; sealing
     * with it means nobody else at this desk (another operator under the same system account) can
     * put work in the outbox that is sent in that operator's name.
     */
    static QByteArray deskKey(const QString& name, const QString& password, int iterations);
    /*!
     * Builds the CommandQueued a service reports for `command`, for the caller to show it as waiting.
     */
    static CommandQueued queuedError(const OfflineCommand& command, bool serverAway);
    //! Whether earlier work on any of `records` waits here (a new command on them goes behind it).
    bool waitsOn(const QStringList& records) const;
    //! Whether `command` is the one being sent again now.
    bool isReplaying(const CommandId& command) const { return !command.isNull() && command.uuid() == m_replaying; }
    //! The operator's decision on a change or command in Conflict or Failed state. KeepMine applies it over the
    //! newer row (Conflict) or tries it again (Failed); DiscardMine drops it. Journaled and audited.
    //! `actor` is the operator signed in at this desk (setOperator()); anyone else is refused.
    enum class Resolution { KeepMine, DiscardMine };
    QFuture<ChangeResult> resolve(const QUuid& changeId, Resolution resolution, const QString& actor);

    //! Everything in the outbox, in replay order.
    QFuture<QList<OutboxEntry>> entries() const;
    int waiting() const { return m_waiting; }
    bool blocked() const { return m_blocked; }

    /*!
     * The last journal entry this desk saw (the event bridge's), remembered in the local file so a
     * desk that was closed catches up at start from there: its subscribers get what happened while
     * it was away. Written a few seconds after it changes, and at close. -1 when none is remembered.
     */
    void rememberSeenSeq(qint64 seq);
    //! What this desk remembers of the journal it saw: the last entry, which database that was (its
    //! deployment id), and the desk ids of its recent runs (the origins of its own entries).
    struct SeenJournal
    {
        qint64 seq = -1;       //!< -1: none remembered
        QString deployment;    //!< empty: not known
        QStringList desks;     //!< newest last
    };
    QFuture<SeenJournal> rememberedJournal() const;
    /*!
     * Remembers, durably before the future finishes, that this run of the desk (store desk id
     * `deskId`) works on the database `deployment`. Another database than the one remembered starts
     * the memory afresh: its numbers and desk ids mean nothing here.
     */
    QFuture<void> rememberRun(const QString& deployment, const QString& deskId);
    static constexpr int kRunsRemembered = 16;

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
    //! A service's command was kept while the server is away (keep()).
    void commandKept(const hexhub::OfflineCommand& command);

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
    void replayEntry(const OutboxEntry& entry);
    void replayCommand(const OutboxEntry& entry);
    //! Notes what became of a replayed entry; `key`: the maker's, as the sending began (seals its state).
    void settleReplayed(OutboxEntry entry, bool applied, const QByteArray& key);
    void keepNow(OfflineCommand command, std::shared_ptr<QPromise<void>> promise);
    void resolveCommand(OutboxEntry entry, Resolution resolution, QString actor,
                        std::shared_ptr<QPromise<ChangeResult>> promise);
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
    QString m_operator; //!< who is signed in at this desk; empty: nobody
    QByteArray m_operatorKey; //!< their desk key (seals what they keep, checks what is sent under them)
    bool m_nothingToReplay = false; //!< the last look found nothing that may replay yet: wait for a change
    QUuid m_replaying;              //!< the command being sent again (keep() of it is a no-op)
    QSet<QUuid> m_announced;        //!< entries attentionNeeded() was emitted for in this run
    QHash<QString, int> m_waitingRecords; //!< how many waiting entries touch each record
    void countRecords(const QStringList& records, int delta);
    void saveSeenSeq();
    qint64 m_seenSeq = -1;          //!< the last journal entry seen (rememberSeenSeq())
    qint64 m_savedSeenSeq = -1;     //!< ... as written to the local file
    QFuture<void> m_savingSeen;     //!< the write of it in flight
    QTimer* m_saveSeen = nullptr;
    QHash<QString, ContentReplayer> m_replayers;
    //! Sends `command` through its replayer, with its content read back from the file first.
    QFuture<void> sendKept(const OutboxEntry& entry, bool overrideConflict);
    QHash<QString, Keeper> m_keepers;
    QTimer* m_retry = nullptr;
    int m_backoffMs = 200;
};

} // namespace hexhub

Q_DECLARE_METATYPE(hexhub::OutboxEntry)
Q_DECLARE_METATYPE(hexhub::OfflineCommand)
