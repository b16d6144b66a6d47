#include "store/store.h"

#include "base/coretr.h"

#include "base/clock.h"
#include "base/error.h"
#include "store/sqldialect.h"
#include "store/store_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStore, "hexhub.store", QtInfoMsg)

namespace hexhub {

namespace detail {

SqlThread::SqlThread(QString connectionName, Opener open, ReadyCallback ready)
    : m_connectionName(std::move(connectionName))
    , m_open(std::move(open))
    , m_ready(std::move(ready))
{
    setObjectName(m_connectionName);
}

SqlThread::~SqlThread()
{
    // Store::close() ended the thread; this is for a thread whose store never closed, which
    // finishes its queue first.
    if (isRunning()) {
        requestStop(std::make_exception_ptr(StoreUnavailable(Tr::tr("The store was closed before this was done."))));
        wait();
    }
}

SqlThread* SqlThread::current()
{
    return dynamic_cast<SqlThread*>(QThread::currentThread());
}

void SqlThread::post(Job job)
{
    QMutexLocker lock(&m_mutex);
    if (m_ended) {
        lock.unlock();
        job.fail(m_left ? m_left : std::make_exception_ptr(StoreUnavailable(Tr::tr("The store is closed."))));
        return;
    }
    m_jobs.push_back(std::move(job));
    m_wake.wakeOne();
}

void SqlThread::requestStop(std::exception_ptr left)
{
    QMutexLocker lock(&m_mutex);
    m_stopping = true;
    m_left = std::move(left);
    m_wake.wakeOne();
}

bool SqlThread::abandon()
{
    m_abandon = true;
    return m_cut.cut();
}

void SqlThread::run()
{
    {
        QSqlDatabase db;
        std::exception_ptr openError;
        try {
            db = m_open(m_connectionName);
        } catch (...) {
            openError = std::current_exception();
        }
        m_ready(openError);

        for (;;) {
            Job job;
            {
                QMutexLocker lock(&m_mutex);
                while (m_jobs.empty() && !m_stopping)
                    m_wake.wait(&m_mutex);
                if (m_jobs.empty()) {
                    m_ended = true; // what is posted from now on fails at once (post())
                    break;
                }
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            if (openError || m_abandon) {
                job.fail(openError ? openError : m_left);
                continue;
            }
            try {
                job.run(db);
            } catch (...) {
                job.fail(std::current_exception());
            }
        }
        m_cut.follow(QSqlDatabase()); // forgets the socket before the connection closes
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

} // namespace detail

namespace {

constexpr char kSqliteHeader[] = "SQLite format 3";

//! On a store thread, right after its connection opened: a close may cut it from now on, and a
//! close that already gave up on the thread refuses to go on with it.
void followOpened(const QSqlDatabase& db)
{
    detail::SqlThread* thread = detail::SqlThread::current();
    if (!thread)
        return;
    thread->followConnection(db);
    if (thread->abandoning())
        throw StoreUnavailable(Tr::tr("The store was closed before this was done."));
}

void rollback(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCDebug(lcStore) << "rollback:" << query.lastError().text();
}

// The file's mode bits, not whether this process could write anyway (root can write a 0444 file):
// a store somebody marked read-only stays untouched.
bool anyWriteBit(QFileDevice::Permissions permissions)
{
    return permissions & (QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther);
}

// Checks an SQLite store file before SQLite touches it, and creates it (0600) when missing.
void prepareSqliteFile(const QString& path)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!QFileInfo::exists(folder) && !QDir().mkpath(folder))
        throw StoreError(Tr::tr("Cannot create the store folder %1.").arg(folder));
    if (!QFileInfo(folder).isWritable())
        throw StoreError(Tr::tr("The store folder %1 is not writable; Hexhub keeps its write-ahead log "
                            "beside the store file. Choose another location with --store.")
                             .arg(folder));
    if (info.exists()) {
        if (!info.isFile())
            throw StoreError(Tr::tr("The store path %1 is not a file.").arg(path));
        if (!info.isWritable() || !anyWriteBit(info.permissions()))
            throw StoreError(Tr::tr("The store file %1 is read-only. Hexhub needs to write to it; it was "
                                "left untouched. Make it writable or choose another file with --store.")
                                 .arg(path));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw StoreError(Tr::tr("Cannot read the store file %1: %2").arg(path, file.errorString()));
        const QByteArray header = file.read(16);
        if (!header.isEmpty() && !header.startsWith(QByteArray(kSqliteHeader)))
            throw StoreError(Tr::tr("The file %1 is not a Hexhub store (it is not an SQLite database). It "
                                "was left untouched; choose another file with --store.")
                                 .arg(path));
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        throw StoreError(Tr::tr("Cannot create the store file %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace

Store::Store(Options options, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(clock)
{
    qRegisterMetaType<Event>();
    qRegisterMetaType<QList<Event>>();
    if (m_options.url.kind == StoreUrl::Kind::Sqlite)
        m_dialect = std::make_unique<SqliteDialect>();
    else
        m_dialect = std::make_unique<PostgreSqlDialect>(m_options.url.options);
    // Offline, a desk that does nothing would not notice the server back: a light read every few
    // seconds reconnects (and says Open), so the outbox replays and the status bar clears by itself.
    m_probe = new QTimer(this);
    m_probe->setInterval(kOfflineProbeMs);
    connect(m_probe, &QTimer::timeout, this, [this] {
        if (state() != State::Offline || m_probing)
            return;
        m_probing = true;
        read([](Sql& sql) { return sql.exec(QStringLiteral("SELECT 1")).next(); }).then(this, [this](QFuture<bool> answered) {
            m_probing = false;
            try {
                answered.waitForFinished();
            } catch (const std::exception&) {
                return; // still away
            }
            // A reader answered: the server is there, even if the connection that failed was another.
            State expected = State::Offline;
            if (m_state.compare_exchange_strong(expected, State::Open))
                Q_EMIT stateChanged(State::Open);
        });
    });
    // The state now, not the one signalled: two store threads may signal Offline and Open out of order.
    connect(this, &Store::stateChanged, this, [this] {
        if (state() == State::Offline)
            m_probe->start();
        else
            m_probe->stop();
    });
}

Store::~Store()
{
    close();
}

void Store::setState(State state)
{
    if (m_state.exchange(state) != state)
        Q_EMIT stateChanged(state);
}

void Store::setDegraded(bool degraded)
{
    State expected = degraded ? State::Open : State::Degraded;
    if (m_state.compare_exchange_strong(expected, degraded ? State::Degraded : State::Open))
        Q_EMIT stateChanged(degraded ? State::Degraded : State::Open);
}

namespace {
// Each store thread keeps its own connection's health: after a lost connection it retries with
// backoff instead of hammering a server that is down.
struct ConnectionHealth
{
    bool broken = false;
    int backoffMs = 100;
    QElapsedTimer sinceAttempt;
};
thread_local ConnectionHealth t_health;
constexpr int kMaxBackoffMs = 5000;
} // namespace

bool Store::connectionAlive(QSqlDatabase& db) const
{
    if (m_options.url.kind == StoreUrl::Kind::Sqlite)
        return true; // a file does not go away like a server
    QSqlQuery probe(db);
    return probe.exec(QStringLiteral("SELECT 1"));
}

void Store::reconnect(QSqlDatabase& db, bool writer)
{
    detail::SqlThread* thread = detail::SqlThread::current();
    if (thread && thread->abandoning())
        throw StoreUnavailable(Tr::tr("The store was closed before this was done."));
    t_health.sinceAttempt.start();
    db.close();
    if (!db.open()) {
        t_health.broken = true;
        t_health.backoffMs = std::min(kMaxBackoffMs, t_health.backoffMs * 2);
        setState(State::Offline);
        throw StoreUnavailable(Tr::tr("The store %1 cannot be reached: %2. Hexhub keeps trying.")
                             .arg(m_options.url.toDisplayString(), db.lastError().text()));
    }
    if (thread)
        thread->followConnection(db);
    m_dialect->configure(db, writer);
    t_health = ConnectionHealth{};
    qCInfo(lcStore) << "reconnected to" << m_options.url.toDisplayString();
    State expected = State::Offline;
    if (m_state.compare_exchange_strong(expected, State::Open))
        Q_EMIT stateChanged(State::Open);
}

void Store::goOffline(const QString& message)
{
    // This thread's connection is gone: back off before the next attempt, and say so.
    t_health.broken = true;
    t_health.sinceAttempt.start();
    setState(State::Offline);
    throw StoreUnavailable(message);
}

void Store::ensureConnected(QSqlDatabase& db, bool writer)
{
    if (!t_health.broken)
        return;
    if (t_health.sinceAttempt.isValid() && t_health.sinceAttempt.elapsed() < t_health.backoffMs)
        throw StoreUnavailable(Tr::tr("The store %1 is offline; Hexhub keeps trying to reconnect.")
                             .arg(m_options.url.toDisplayString()));
    reconnect(db, writer);
}

int Store::addCommitObserver(CommitObserver observer)
{
    QMutexLocker lock(&m_observersMutex);
    const int id = m_nextObserverId++;
    m_observers.insert(id, std::move(observer));
    return id;
}

void Store::removeCommitObserver(int id)
{
    QMutexLocker lock(&m_observersMutex);
    m_observers.remove(id);
}

int Store::addReaction(const QString& pattern, WriteTransaction::Reaction react)
{
    TopicPattern topic(pattern);
    if (!topic.isValid())
        throw ValidationError(Tr::tr("'%1' is not a topic a reaction can follow.").arg(pattern));
    QMutexLocker lock(&m_observersMutex);
    const int id = m_nextObserverId++;
    m_reactions.insert(id, {std::move(topic), std::move(react)});
    return id;
}

void Store::removeReaction(int id)
{
    QMutexLocker lock(&m_observersMutex);
    m_reactions.remove(id);
}

QFuture<void> Store::open()
{
    if (m_writer) {
        return QtFuture::makeExceptionalFuture(
            std::make_exception_ptr(StoreError(Tr::tr("The store is already open."))));
    }
    setState(State::Opening);

    struct Opening
    {
        QMutex mutex;
        int remaining = 0;
        std::exception_ptr error;
        QPromise<void> promise;
        std::shared_ptr<QPromise<void>> writerReady = std::make_shared<QPromise<void>>();
        quint64 generation = 0;
    };
    auto opening = std::make_shared<Opening>();
    opening->generation = ++m_openGeneration;
    const int readers = std::max(1, m_options.readers);
    opening->remaining = 1 + readers;
    opening->promise.start();
    opening->writerReady->start();
    QFuture<void> writerReady = opening->writerReady->future();
    QFuture<void> done = opening->promise.future();

    // Runs on whichever store thread finishes last; state is published through a queued call.
    auto onReady = [this, opening](std::exception_ptr error) {
        QMutexLocker lock(&opening->mutex);
        if (error && !opening->error)
            opening->error = error;
        if (--opening->remaining > 0)
            return;
        const bool failed = bool(opening->error);
        if (failed)
            opening->promise.setException(opening->error);
        opening->promise.finish();
        // An answer from an opening that close() (or a later open) has superseded changes nothing:
        // a closed store never turns Open or Failed behind the caller's back.
        QMetaObject::invokeMethod(this, [this, failed, generation = opening->generation] {
            if (generation == m_openGeneration)
                setState(failed ? State::Failed : State::Open);
        }, Qt::QueuedConnection);
    };

    const QString base = QStringLiteral("hexhub-store-%1-").arg(QUuid::createUuid().toString(QUuid::Id128));
    QMutexLocker threadsLock(&m_threadsMutex);
    m_writer = std::make_shared<detail::SqlThread>(
        base + QStringLiteral("writer"),
        [this](const QString& name) { return openWriter(name); },
        [onReady, opening](std::exception_ptr error) {
            if (error)
                opening->writerReady->setException(error);
            opening->writerReady->finish();
            onReady(error);
        });
    for (int i = 0; i < readers; ++i) {
        auto thread = std::make_shared<detail::SqlThread>(
            base + QStringLiteral("reader%1").arg(i),
            [this, writerReady](const QString& name) mutable {
                writerReady.waitForFinished(); // rethrows the writer's error: readers fail with it
                QSqlDatabase db = openStoreConnection(*m_dialect, m_options.url, name, false);
                followOpened(db);
                m_dialect->configure(db, false);
                return db;
            },
            onReady);
        m_readers.push_back(std::move(thread));
    }
    threadsLock.unlock();
    m_writer->start();
    for (auto& reader : m_readers)
        reader->start();
    return done;
}

QSqlDatabase Store::openWriter(const QString& name)
{
    // Runs on the writer thread.
    const StoreUrl& url = m_options.url;
    if (url.kind == StoreUrl::Kind::Sqlite)
        prepareSqliteFile(url.path);
    QSqlDatabase db = openStoreConnection(*m_dialect, url, name, true);
    followOpened(db);
    Sql sql(db, *m_dialect, m_clock);

    // Read-only look first: refuse what is not ours before writing anything.
    const QStringList tables = db.tables();
    if (tables.contains(QStringLiteral("store_meta"))) {
        const int format = sql.scalar(QStringLiteral("SELECT value FROM store_meta WHERE key = ?"),
                                      {QStringLiteral("format")})
                               .toInt();
        if (format > kFormatVersion)
            throw StoreError(Tr::tr("The store %1 was written by a newer Hexhub (storage format %2; this "
                                "build reads up to %3). It was left untouched; update Hexhub.")
                                 .arg(url.toDisplayString())
                                 .arg(format)
                                 .arg(kFormatVersion));
    } else if (!tables.isEmpty()) {
        throw StoreError(Tr::tr("The database %1 holds tables that are not Hexhub's. It was left untouched; "
                            "choose another file with --store.")
                             .arg(url.toDisplayString()));
    }

    m_dialect->configure(db, true);
    QSqlQuery begin(db);
    if (!begin.exec(m_dialect->beginWrite()))
        throw StoreError(Tr::tr("Cannot write to the store: %1").arg(begin.lastError().text()));
    try {
        // Another desk may be creating the same tables right now. A login that may create nothing
        // (a desk of a prepared shared server) has nothing to wait for, and does not queue behind
        // an advisory lock that any login could hold.
        const bool mayCreate = m_dialect->name() != QLatin1String("postgresql")
            || sql.scalar(QStringLiteral("SELECT has_schema_privilege('public', 'CREATE')")).toBool();
        if (const QString lock = m_dialect->exclusiveLock(SqlDialect::SchemaLock); !lock.isEmpty() && mayCreate)
            sql.exec(lock);
        // A desk's own database role may not create tables (on a shared server only the owner
        // does), so the bookkeeping is made only where it is missing.
        if (!db.tables().contains(QStringLiteral("schema_migrations"))) {
            sql.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
            sql.exec(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version INTEGER NOT NULL, "
                "name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL, "
                "PRIMARY KEY (module, version))"));
        }
        if (!sql.scalar(QStringLiteral("SELECT value FROM store_meta WHERE key = 'format'")).isValid()) {
            sql.exec(QStringLiteral("INSERT INTO store_meta (key, value) VALUES ('format', ?), ('created_at', ?) "
                                    "ON CONFLICT (key) DO NOTHING"),
                     {QString::number(kFormatVersion), QString::number(m_clock.nowMs())});
        }
        QSqlQuery commit(db);
        if (!commit.exec(QStringLiteral("COMMIT")))
            throw StoreError(Tr::tr("Cannot write to the store: %1").arg(commit.lastError().text()));
    } catch (...) {
        rollback(db);
        throw;
    }
    return db;
}

void Store::close()
{
    // A window closes in bounded time: the store's threads get kCloseDrainMs together to finish what
    // was submitted; a thread still waiting on the server then has its connection cut, and its job
    // fails with StoreUnavailable like any lost connection (a command kept for an outage goes to the
    // outbox for the next start).
    // From here on nothing new reaches these threads: a job posted from now fails at once.
    std::vector<std::shared_ptr<detail::SqlThread>> owned;
    {
        QMutexLocker lock(&m_threadsMutex);
        if (m_writer)
            owned.push_back(std::move(m_writer));
        for (auto& reader : m_readers)
            owned.push_back(std::move(reader));
        m_writer.reset();
        m_readers.clear();
    }
    std::vector<detail::SqlThread*> threads;
    for (const auto& thread : owned)
        threads.push_back(thread.get());
    const auto left = std::make_exception_ptr(StoreUnavailable(Tr::tr("The store was closed before this was done.")));
    for (detail::SqlThread* thread : threads)
        thread->requestStop(left);
    const QDeadlineTimer drain(kCloseDrainMs);
    bool allEnded = true;
    for (detail::SqlThread* thread : threads)
        allEnded = thread->waitUntil(drain) && allEnded;
    if (!allEnded) {
        // Still busy, most likely waiting on a server that went silent: every such thread's
        // connection is cut at once, instead of waiting for TCP to notice.
        for (detail::SqlThread* thread : threads) {
            if (thread->isRunning()) {
                const bool cut = thread->abandon();
                qCWarning(lcStore) << thread->objectName() << "was still busy when the store closed;"
                                   << (cut ? "its connection was cut" : "it has no connection to cut");
            }
        }
        // What is left can only be a connection attempt (its connect_timeout, 5 s unless the URL
        // says otherwise) or SQLite's own file I/O: the jobs hold this store, so it is waited for.
        for (detail::SqlThread* thread : threads)
            thread->wait();
    }
    ++m_openGeneration; // whatever the last opening still has to say is out of date now
    if (m_state != State::Closed)
        setState(State::Closed);
}

void Store::enqueueRead(ReadJob job)
{
    std::shared_ptr<detail::SqlThread> reader;
    {
        QMutexLocker lock(&m_threadsMutex);
        if (!m_readers.empty())
            reader = m_readers[m_nextReader.fetch_add(1, std::memory_order_relaxed) % m_readers.size()];
    }
    if (!reader) {
        job.fail(std::make_exception_ptr(StoreUnavailable(Tr::tr("The store is not open."))));
        return;
    }
    reader->post(detail::SqlThread::Job{
        [this, body = std::move(job.body)](QSqlDatabase& db) {
            ensureConnected(db, false);
            try {
                Sql sql(db, *m_dialect, m_clock);
                body(sql);
            } catch (const StoreError&) {
                if (connectionAlive(db))
                    throw;
                // The server went away under us: reading again is harmless.
                t_health.broken = true;
                reconnect(db, false);
                try {
                    Sql sql(db, *m_dialect, m_clock);
                    body(sql);
                } catch (const StoreError& again) {
                    if (connectionAlive(db))
                        throw;
                    goOffline(again.message());
                }
            }
        },
        std::move(job.fail)});
}

void Store::enqueueWrite(WriteJob job)
{
    std::shared_ptr<detail::SqlThread> writer;
    {
        QMutexLocker lock(&m_threadsMutex);
        writer = m_writer;
    }
    if (!writer) {
        job.fail(std::make_exception_ptr(StoreUnavailable(Tr::tr("The store is not open."))));
        return;
    }
    auto shared = std::make_shared<WriteJob>(std::move(job));
    writer->post(detail::SqlThread::Job{[this, shared](QSqlDatabase& db) { runWrite(*shared, db); },
                                          [shared](std::exception_ptr error) { shared->fail(error); }});
}

QList<Event> Store::runWriteOnce(WriteJob& job, QSqlDatabase& db, bool& commitSent)
{
    WriteTransaction txn(db, *m_dialect, m_clock, m_deskId);
    txn.setExercise(m_options.exercise);
    txn.setSource(job.context.source);
    txn.setActor(job.context.actor);
    txn.setCorrelationId(job.context.correlationId);
    {
        QMutexLocker lock(&m_observersMutex);
        if (!m_reactions.isEmpty())
            txn.setReactions(m_reactions.values());
    }
    {
        QSqlQuery begin(db);
        if (!begin.exec(m_dialect->beginWrite()))
            throw StoreError(Tr::tr("Cannot start a write transaction: %1").arg(begin.lastError().text()));
    }
    try {
        job.body(txn);
        txn.releaseStatements();
        commitSent = true;
        QSqlQuery commit(db);
        if (!commit.exec(QStringLiteral("COMMIT")))
            throw StoreError(Tr::tr("The store could not commit: %1").arg(commit.lastError().text()));
    } catch (...) {
        if (commitSent)
            m_attempted = txn.events(); // the outcome may be unknown: see runWrite()
        txn.releaseStatements();
        rollback(db);
        throw;
    }
    return txn.events();
}

bool Store::takeInDoubt(const QUuid& eventId)
{
    QMutexLocker lock(&m_inDoubtMutex);
    return m_inDoubt.remove(eventId);
}

void Store::runWrite(WriteJob& job, QSqlDatabase& db)
{
    QList<Event> events;
    m_attempted.clear();
    try {
        ensureConnected(db, true);
        bool commitSent = false;
        try {
            events = runWriteOnce(job, db, commitSent);
        } catch (const StoreError& e) {
            // A lost connection before COMMIT rolled the transaction back on the server: reconnect and
            // run it again. Lost during COMMIT, the outcome is unknown, so it is not repeated: the
            // caller hears StoreUnavailable and decides (the outbox's changes are idempotent).
            if (connectionAlive(db))
                throw;
            t_health.broken = true;
            if (commitSent) {
                // If the COMMIT did land, these events are in the journal but no observer saw them:
                // the bridge delivers them here when it reads them back (see takeInDoubt()).
                {
                    QMutexLocker lock(&m_inDoubtMutex);
                    for (const Event& e : std::as_const(m_attempted))
                        m_inDoubt.insert(e.id);
                }
                goOffline(Tr::tr("The connection to %1 was lost while committing; whether the change was saved "
                                 "is not known: %2")
                              .arg(m_options.url.toDisplayString(), e.message()));
            }
            reconnect(db, true);
            commitSent = false;
            try {
                events = runWriteOnce(job, db, commitSent);
            } catch (const StoreError& again) {
                if (connectionAlive(db))
                    throw;
                goOffline(again.message());
            }
        }
    } catch (...) {
        job.fail(std::current_exception());
        return;
    }
    if (!events.isEmpty()) {
        // Observers are called under the lock, so one being removed is never called afterwards.
        QMutexLocker lock(&m_observersMutex);
        for (const CommitObserver& observer : std::as_const(m_observers)) {
            try {
                observer(events);
            } catch (const std::exception& e) {
                qCWarning(lcStore) << "commit observer failed:" << e.what();
            }
        }
    }
    job.succeed();
}

} // namespace hexhub
