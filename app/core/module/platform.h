#pragma once

#include "base/hexhubcore_export.h"
#include "security/password.h"
#include "store/storeurl.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

class QSettings;

namespace hexhub {

class AccessControl;
class AuditLog;
class Clock;
class EventBridge;
class EventBus;
class ModuleManager;
class Outbox;
class Session;
class Store;

struct HEXHUB_CORE_EXPORT PlatformOptions
{
    StoreUrl store;                      //!< default: defaultStoreUrl()
    QString auditKeyPath;                //!< default: AuditLog::defaultKeyPath()
    bool createAuditKey = true;          //!< false: a missing key is an error (verification)
    QString settingsPath;                //!< default: hexhub.conf in the user's config folder
    QStringList modulePaths;             //!< default: ModuleManager::defaultSearchPaths()
    QSet<QString> disabledModules;
    bool loadModules = true;
    QString origin;                      //!< "where from" in audit rows; default: host name
    std::optional<QDateTime> simulatedStart; //!< run on a SimulatedClock starting here (demo, tests)
    bool simulatedPaused = false;        //!< ... standing still until resumed
    //! Training (demo mode): every event is marked as an exercise, and the shell says so on every window.
    bool exercise = false;
    int passwordIterations = PasswordHasher::kDefaultIterations;
    int readers = 2;
    //! This desk's outbox of changes made while the server is away; default: beside an SQLite
    //! store, or in the user's data folder named after the server for a PostgreSQL one.
    QString outboxPath;
    /*!
     * Other desks' events (and the catch-up on what happened while this desk was closed) are
     * delivered only from Platform::releaseJournal() on: a desk releases it once its window, with
     * its notifications and views, is there to hear them. Nothing is missed meanwhile: the bridge
     * then reads from where it would have started.
     */
    bool holdJournal = false;
};

/*!
 * The composition root of the core: builds the clock, store, bus, session, audit log, access control
 * and module manager, wires them together through their constructors, and starts them in order (store,
 * core schema, modules). The executable, the tests and the benchmarks all assemble Hexhub through it.
 */
class HEXHUB_CORE_EXPORT Platform final : public QObject
{
    Q_OBJECT
public:
    explicit Platform(PlatformOptions options, QObject* parent = nullptr);
    ~Platform() override;

    static StoreUrl defaultStoreUrl();
    static QString defaultSettingsPath();
    static QString defaultOutboxPath(const StoreUrl& store);

    //! Opens the store, applies the core schema, starts listening to other desks (shared store)
    //! and, unless disabled, starts the modules.
    QFuture<void> start();
    /*!
     * On a shared PostgreSQL store, after start(): creates the application group role hexhub_app and
     * its grants, so the audit log and the journal are insert-only for every desk. Idempotent; run
     * by `hexhub --init-server` as the database owner.
     */
    QFuture<void> applyServerRules();
    /*!
     * Creates user `name` with Hexhub role `role`; on a shared PostgreSQL store also the desk's own
     * database login role (SCRAM password), a member of hexhub_app and of its centre's group role.
     * Both in one transaction. For `hexhub --add-user`, run as the database owner.
     */
    QFuture<qint64> addUser(const QString& name, const QString& role, const QString& password);
    //! Shuts the modules down and closes the store.
    void stop();
    //! After start(), with PlatformOptions::holdJournal: starts delivering other desks' events,
    //! the catch-up first. Does nothing otherwise, or again.
    void releaseJournal();

    const PlatformOptions& options() const { return m_options; }
    Clock& clock() const { return *m_clock; }
    Store& store() const { return *m_store; }
    EventBus& bus() const { return *m_bus; }
    Session& session() const { return *m_session; }
    AuditLog& audit() const { return *m_audit; }
    AccessControl& access() const { return *m_access; }
    ModuleManager& modules() const { return *m_modules; }
    Outbox& outbox() const { return *m_outbox; }
    //! The desk's settings file (appearance, session, workspaces; modules have their own groups).
    QSettings& settings() const { return *m_settings; }
    //! Carries other desks' events to this one; null on a single-desk (SQLite) store.
    EventBridge* bridge() const { return m_bridge.get(); }

private:
    PlatformOptions m_options;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<EventBus> m_bus;
    std::unique_ptr<EventBridge> m_bridge;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<AccessControl> m_access;
    std::unique_ptr<Outbox> m_outbox;
    bool m_started = false;          //!< start() finished
    //! Where the bridge starts, held until releaseJournal() (PlatformOptions::holdJournal).
    struct HeldJournal
    {
        qint64 from = -1;
        qint64 catchUpTo = -1;
        QStringList earlierDesks;
    };
    std::optional<HeldJournal> m_heldJournal;
    bool m_outboxMadeByStart = false; //!< start() created the outbox file (it opens beside the store)
    std::shared_ptr<QSettings> m_settings;
    std::unique_ptr<ModuleManager> m_modules;
};

} // namespace hexhub
