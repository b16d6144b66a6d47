#include "module/platform.h"

#include "base/coretr.h"

#include "security/accesscontrol.h"
#include "security/audit.h"
#include "base/clock.h"
#include "base/error.h"
#include "bus/eventbridge.h"
#include "bus/eventbus.h"
#include "bus/journal.h"
#include "store/migration.h"
#include "module/modulemanager.h"
#include "module/serveraccess.h"
#include "store/outbox.h"
#include "security/session.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QLoggingCategory>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcPlatform, "hexhub.platform", QtInfoMsg)

namespace hexhub {

namespace {
//! A desk closed for a long time catches up on at most this many journal entries at start.
constexpr qint64 kMaxCatchUp = 20000;
} // namespace


StoreUrl Platform::defaultStoreUrl()
{
    return StoreUrl::sqlite(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                .filePath(QStringLiteral("hexhub.db")));
}

QString Platform::defaultSettingsPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath(QStringLiteral("hexhub.conf"));
}

QString Platform::defaultOutboxPath(const StoreUrl& store)
{
    if (store.kind == StoreUrl::Kind::Sqlite)
        return store.path + QStringLiteral(".outbox");
    // One outbox per server and database this desk works on; the name never carries the password.
    const QByteArray where = QStringLiteral("%1@%2:%3/%4").arg(store.user, store.host).arg(store.port).arg(store.database).toUtf8();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("outbox-%1.db").arg(QString::fromLatin1(QCryptographicHash::hash(where, QCryptographicHash::Sha256).toHex().left(16))));
}

Platform::Platform(PlatformOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (m_options.store.kind == StoreUrl::Kind::Sqlite && m_options.store.path.isEmpty())
        m_options.store = defaultStoreUrl();
    if (m_options.auditKeyPath.isEmpty())
        m_options.auditKeyPath = AuditLog::defaultKeyPath();
    if (m_options.settingsPath.isEmpty())
        m_options.settingsPath = defaultSettingsPath();
    if (m_options.origin.isEmpty())
        m_options.origin = QSysInfo::machineHostName();
    if (m_options.modulePaths.isEmpty())
        m_options.modulePaths = ModuleManager::defaultSearchPaths(QCoreApplication::applicationDirPath());

    if (m_options.simulatedStart)
        m_clock = std::make_unique<SimulatedClock>(*m_options.simulatedStart, m_options.simulatedPaused
                                                       ? SimulatedClock::Start::Paused
                                                       : SimulatedClock::Start::Running);
    else
        m_clock = std::make_unique<SystemClock>();
    m_store = std::make_unique<Store>(Store::Options{m_options.store, m_options.readers, m_options.exercise}, *m_clock);
    m_bus = std::make_unique<EventBus>(*m_store);
    if (m_options.store.kind == StoreUrl::Kind::PostgreSql)
        m_bridge = std::make_unique<EventBridge>(m_options.store, *m_store, *m_bus);
    if (m_bridge) {
        Store* store = m_store.get();
        connect(m_bridge.get(), &EventBridge::stateChanged, store, [store](EventBridge::State state) {
            store->setDegraded(state == EventBridge::State::Reconnecting);
        }, Qt::DirectConnection);
    }
    m_session = std::make_unique<Session>();

    // The key is a 65-byte file read once at start-up, like the settings file below.
    if (!m_options.createAuditKey && !QFileInfo::exists(m_options.auditKeyPath))
        throw Error(Tr::tr("The audit key %1 does not exist; without it the audit log cannot be verified.")
                        .arg(m_options.auditKeyPath));
    m_audit = std::make_unique<AuditLog>(*m_store, *m_clock, AuditLog::loadOrCreateKey(m_options.auditKeyPath),
                                         m_options.origin);
    m_access = std::make_unique<AccessControl>(*m_store, *m_clock, *m_audit, *m_session,
                                               PasswordHasher(m_options.passwordIterations));
    if (m_options.outboxPath.isEmpty())
        m_options.outboxPath = defaultOutboxPath(m_options.store);
    m_outbox = std::make_unique<Outbox>(*m_store, *m_clock, m_audit.get(), m_options.outboxPath);
    // Commands kept while the server was away replay under the operator who made them, once signed in.
    connect(m_session.get(), &Session::changed, m_outbox.get(), [outbox = m_outbox.get(), session = m_session.get()] {
        const Principal who = session->principal();
        outbox->setOperator(session->isSignedIn() ? who.name : QString(), session->isSignedIn() ? who.deskKey : QByteArray());
    });
    m_settings = std::make_shared<QSettings>(m_options.settingsPath, QSettings::IniFormat);
    m_modules = std::make_unique<ModuleManager>(
        CoreServices{*m_store, *m_bus, *m_clock, *m_session, *m_audit, *m_access, m_settings, *m_outbox});
    m_modules->setSearchPaths(m_options.modulePaths);
    m_modules->setDisabled(m_options.disabledModules);
}

Platform::~Platform()
{
    stop();
}

QFuture<void> Platform::start()
{
    // Three things at once: the store opens on its threads, and so does this desk's outbox beside
    // it, while this thread loads and initializes the modules (which register and need no store).
    QFuture<void> store = m_store->open();
    m_outboxMadeByStart = !QFileInfo::exists(m_options.outboxPath);
    m_outbox->holdReplay(true); // until the core's migrations ran and other desks are listened to
    QFuture<void> outbox = m_outbox->open();
    if (m_options.loadModules) {
        m_modules->discover();
        m_modules->prepare();
    }
    return store
        .then(this, [this] {
            Migrator core(*m_store);
            core.add(Migration::fromFolder(QStringLiteral("core"), QStringLiteral(":/hexhub/core/sql"),
                                           m_store->dialect().name()));
            return core.apply();
        })
        .unwrap()
        .then(this, [this](const MigrationReport& report) {
            if (!report.failures.isEmpty())
                throw MigrationError(report.failures.value(QStringLiteral("core")));
            // Listen to other desks from the journal's end as it is now, before anything else runs;
            // and which database this is.
            return m_store->read([](Sql& sql) {
                return std::pair<qint64, QString>{journal::lastSeq(sql),
                                                  sql.scalar(QStringLiteral("SELECT id FROM deployment")).toString()};
            });
        })
        .unwrap()
        .then(this, [this, outbox](std::pair<qint64, QString> journalNow) {
            const auto [lastSeq, deployment] = journalNow;
            // A desk that was closed catches up from the last entry it saw (remembered beside its
            // outbox), so its subscribers hear what happened while it was away: at most the last
            // kMaxCatchUp entries, and never from a journal that is not the one it saw (another
            // database, or a newer number than this one has). Its own entries of earlier runs are its own.
            QFuture<void> opened = outbox;
            return opened.then(this, [this] { return m_outbox->rememberedJournal(); })
                .unwrap()
                .then(this, [this, lastSeq, deployment](const Outbox::SeenJournal& seen) {
                    qint64 from = lastSeq;
                    const bool sameJournal = seen.deployment.isEmpty() || seen.deployment == deployment;
                    if (!sameJournal)
                        qCWarning(lcPlatform) << "this desk last saw another database under this name (recreated or "
                                                 "restored): it starts from the journal's end, catching up on nothing";
                    else if (seen.seq >= 0 && seen.seq <= lastSeq)
                        from = std::max(seen.seq, lastSeq - kMaxCatchUp);
                    if (from < lastSeq)
                        qCInfo(lcPlatform) << "catching up" << (lastSeq - from) << "journal entries made while this desk was closed";
                    const QStringList earlierDesks = sameJournal ? seen.desks : QStringList();
                    return m_outbox->rememberRun(deployment, m_store->deskId())
                        .then(this, [this, from, lastSeq, earlierDesks](QFuture<void> remembered) {
                            try {
                                remembered.waitForFinished();
                            } catch (const std::exception& e) {
                                // The desk works; its next start may take this run's entries for another desk's.
                                qCWarning(lcPlatform) << "cannot remember this run beside the outbox:" << e.what();
                            }
                            if (m_bridge) {
                                connect(m_bridge.get(), &EventBridge::caughtUp, m_outbox.get(), &Outbox::rememberSeenSeq,
                                        Qt::UniqueConnection);
                                m_outbox->rememberSeenSeq(from);
                                m_heldJournal = HeldJournal{from, lastSeq, earlierDesks};
                                if (!m_options.holdJournal)
                                    releaseJournal();
                            }
                        });
                })
                .unwrap();
        })
        .unwrap()
        .then(this, [this] {
            // Changes an earlier run kept while the server was away replay from here on.
            m_outbox->holdReplay(false);
            if (!m_options.loadModules)
                return QtFuture::makeReadyFuture();
            return m_modules->start();
        })
        .unwrap()
        .then(this, [this] { m_started = true; });
}

void Platform::releaseJournal()
{
    if (!m_bridge || !m_heldJournal)
        return;
    const HeldJournal held = *std::exchange(m_heldJournal, std::nullopt);
    m_bridge->setCatchUp(held.catchUpTo, held.earlierDesks);
    m_bridge->start(held.from);
}

QFuture<void> Platform::applyServerRules()
{
    if (m_options.store.kind != StoreUrl::Kind::PostgreSql) {
        return QtFuture::makeExceptionalFuture(std::make_exception_ptr(
            StoreError(Tr::tr("Server rules apply to a shared PostgreSQL store, not to %1.")
                           .arg(m_options.store.toDisplayString()))));
    }
    // The core's roles and helpers first; then the grants every module declares, table by table
    // (sql/server/tables.json); then each loaded module's own rules in load order
    // (sql/server/*.postgresql.sql in the module's resources, row-level security), all in one
    // transaction.
    QStringList scripts;
    QStringList declarations{QStringLiteral(":/hexhub/core/sql/server/tables.json")};
    for (const ModuleSpec* spec : m_modules->loadOrder()) {
        if (spec->state != ModuleSpec::State::Loaded)
            continue;
        const QDir folder(QStringLiteral(":/hexhub/%1/sql/server").arg(spec->id));
        for (const QString& name : folder.entryList({QStringLiteral("*.postgresql.sql")}, QDir::Files, QDir::Name))
            scripts << folder.filePath(name);
        if (folder.exists(QStringLiteral("tables.json")))
            declarations << folder.filePath(QStringLiteral("tables.json"));
    }
    QList<TableGrant> grants;
    for (const QString& path : declarations) {
        QFile file(path);
        QJsonParseError parseError;
        const QJsonDocument json = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &parseError)
                                                                   : QJsonDocument();
        QString error;
        const auto declared = json.isObject() ? serveraccess::parse(json.object(), path, &error) : std::nullopt;
        if (!declared) {
            return QtFuture::makeExceptionalFuture(std::make_exception_ptr(StoreError(
                error.isEmpty() ? Tr::tr("Cannot read the table access %1: %2")
                                      .arg(path, file.error() != QFile::NoError ? file.errorString() : parseError.errorString())
                                : error)));
        }
        grants << *declared;
    }
    QByteArray auditKey;
    const QString keyPath = m_options.auditKeyPath;
    try {
        auditKey = AuditLog::loadOrCreateKey(keyPath);
    } catch (...) {
        return QtFuture::makeExceptionalFuture(std::current_exception());
    }
    return m_store->write([scripts, grants, auditKey, keyPath](WriteTransaction& txn) {
        if (const QString lock = txn.dialect().exclusiveLock(SqlDialect::SchemaLock); !lock.isEmpty())
            txn.exec(lock);
        auto run = [&txn](const QString& path) {
            QFile script(path);
            if (!script.open(QIODevice::ReadOnly))
                throw StoreError(Tr::tr("Cannot read the server rules %1: %2").arg(path, script.errorString()));
            const QString text = QString::fromUtf8(script.readAll());
            // Roles are the whole server's: another database's --init-server, or a desk's transaction
            // here, can meet this one in a deadlock (or a lock wait the server cuts short), and the
            // server then ends one of them. Ended here, the script is taken back to before it and run
            // again, at most four times (the other has its locks by then).
            for (int attempt = 1;; ++attempt) {
                txn.exec(QStringLiteral("SAVEPOINT hexhub_server_rules"));
                try {
                    txn.execScript(text);
                    txn.exec(QStringLiteral("RELEASE SAVEPOINT hexhub_server_rules"));
                    return;
                } catch (const StoreUnavailable& e) {
                    txn.exec(QStringLiteral("ROLLBACK TO SAVEPOINT hexhub_server_rules"));
                    if (attempt >= 4)
                        throw StoreError(Tr::tr("The server rules %1 failed: %2").arg(path, e.message()));
                } catch (const StoreError& e) {
                    throw StoreError(Tr::tr("The server rules %1 failed: %2").arg(path, e.message()));
                }
            }
        };
        run(QStringLiteral(":/hexhub/core/sql/server/roles.postgresql.sql"));
        // The audit chain's key goes to the server, from the owner's key file: the server signs
        // from now on, and the key file still verifies the whole chain. A server that already keeps
        // another key is not changed: the chain would no longer verify with either.
        const QVariant same = txn.scalar(QStringLiteral("SELECT key = decode(?, 'hex') FROM hexhub_audit_key WHERE id = 1"),
                                         {QString::fromLatin1(auditKey.toHex())});
        if (same.isValid() && !same.toBool()) {
            throw StoreError(Tr::tr("The server signs its audit log with another key than %1: run --init-server with "
                                    "the --audit-key the log was written with.").arg(keyPath));
        }
        if (!same.isValid()) {
            txn.exec(QStringLiteral("INSERT INTO hexhub_audit_key (id, key) VALUES (1, decode(?, 'hex'))"),
                     {QString::fromLatin1(auditKey.toHex())});
        }
        QStringList tables;
        QSqlQuery q = txn.exec(QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"));
        while (q.next())
            tables << q.value(0).toString();
        // A table nobody declared would be either unusable or, granted by hand, unguarded: refuse.
        if (const QStringList missing = serveraccess::undeclared(grants, tables); !missing.isEmpty()) {
            throw StoreError(Tr::tr("No module declares who may use the tables %1 (sql/server/tables.json); the "
                                    "server was left as it was.").arg(missing.join(QStringLiteral(", "))));
        }
        for (const QString& statement : serveraccess::statements(grants, tables))
            txn.exec(statement);
        for (const QString& path : scripts)
            run(path);
    });
}

QFuture<qint64> Platform::addUser(const QString& name, const QString& role, const QString& password)
{
    if (!AccessControl::builtinRoles().contains(role)) {
        return QtFuture::makeExceptionalFuture<qint64>(std::make_exception_ptr(ValidationError(
            Tr::tr("There is no role '%1'; the roles are: %2.").arg(role, AccessControl::builtinRoles().join(QStringLiteral(", "))))));
    }
    std::function<void(WriteTransaction&)> databaseRole;
    if (m_options.store.kind == StoreUrl::Kind::PostgreSql) {
        const QStringList groups{serveraccess::databaseGroup(QStringLiteral("*")), serveraccess::databaseGroup(role)};
        databaseRole = [name, password, groups](WriteTransaction& txn) {
            // Role names and passwords cannot be bound parameters in DDL: let the server quote them.
            const QString create = txn.scalar(QStringLiteral("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', ?::text, ?::text)"),
                                              {name, password}).toString();
            txn.exec(create);
            // Limits the server keeps for this login whatever its desk does: no statement runs for
            // ever, no transaction idles holding locks.
            for (const char* setting : {"statement_timeout = '60s'", "idle_in_transaction_session_timeout = '15s'"}) {
                txn.exec(txn.scalar(QStringLiteral("SELECT format('ALTER ROLE %I SET ' || ?::text, ?::text)"),
                                    {QString::fromLatin1(setting), name}).toString());
            }
            for (const QString& group : groups) {
                const QString grant = txn.scalar(QStringLiteral("SELECT format('GRANT %I TO %I', ?::text, ?::text)"), {group, name}).toString();
                txn.exec(grant);
            }
        };
    }
    return m_access->createUserBySystem(NewUser{name, name, password, {role}}, databaseRole);
}

void Platform::stop()
{
    // The bridge first (bounded: a silent server's connection is cut), then what it already handed
    // over, in the order it did: the deliveries reach the subscribers, still there, and after them
    // the outbox hears (caughtUp) the last entry delivered and remembers it. The modules unsubscribe
    // only after that, so nothing is remembered as seen that no subscriber had.
    if (m_bridge)
        m_bridge->stop();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
    if (m_modules)
        m_modules->shutdown();
    // Every step is bounded, so a desk cut off from a silent server does not hang its window. What
    // was submitted settles while the server store is open; then the store closes, and a command
    // still waiting on the server fails as on a lost connection; the outbox, still open, keeps it
    // for the next start as it closes.
    if (m_outbox)
        m_outbox->settle();
    if (m_store)
        m_store->close();
    if (m_outbox)
        m_outbox->close();
    // A start that stopped (a store refused and "left untouched") leaves no outbox it made beside it.
    if (m_outbox && m_outboxMadeByStart && !m_started && m_outbox->waiting() == 0) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(m_options.outboxPath + QLatin1String(suffix));
        m_outboxMadeByStart = false;
    }
}

} // namespace hexhub
