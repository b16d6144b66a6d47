#pragma once

#include "security/accesscontrol.h"
#include "bus/eventbus.h"
#include "module/extensions.h"
#include "base/hexhubcore_export.h"
#include "store/migration.h"
#include "module/modulemetadata.h"
#include "base/settings.h"
#include "store/sql.h"

#include <QObject>
#include <QtPlugin>

#include <functional>

class QWidget;

namespace hexhub {

class AuditLog;
class Clock;
class DemoContext;
class Outbox;
class Session;
class Store;

//! The services the core hands to modules. References only: the Platform owns them.
struct HEXHUB_CORE_EXPORT CoreServices
{
    Store& store;
    EventBus& bus;
    Clock& clock;
    Session& session;
    AuditLog& audit;
    AccessControl& access;
    std::shared_ptr<QSettings> settingsFile;
    Outbox& outbox;
};

//! A screen a module offers; the shell decides where it lives.
struct HEXHUB_CORE_EXPORT ViewFactory
{
    enum class Area { Central, Dock, Wall };
    QString id;          //!< "<module>.<view>"
    QString title;       //!< translated when registered
    //! The title in the language now in use (it can change at run time); when set, shown instead of `title`.
    std::function<QString()> translatedTitle;
    QString icon;        //!< resource path of an SVG
    Area area = Area::Central;
    QString permission;  //!< needed to open it; empty: any signed-in user
    std::function<QWidget*(QWidget* parent)> create;
    //! A wall view: put on a new wall unasked (MainWindow::defaultWallPanels()). A centre's wall that
    //! many may see opts out, so that a default wall stays readable across the room; the palette puts
    //! it on a wall ("show ... on the wall").
    bool onDefaultWall = true;
};

//! An action for the command palette and shortcuts.
struct HEXHUB_CORE_EXPORT Command
{
    QString id;          //!< "<module>.<verb>"
    QString title;       //!< translated when registered
    //! The title in the language now in use (it can change at run time); when set, shown instead of `title`.
    std::function<QString()> translatedTitle;
    QString shortcut;    //!< portable text of a QKeySequence, e.g. "Ctrl+Shift+N"
    QString permission;
    std::function<void()> trigger;
};

/*!
 * What a module receives in initialize(): the core's services, and the places to register its
 * migrations, permissions, bus subscriptions, views and commands. One context per module; it knows
 * the module's id, so the events a module writes name it as their source.
 */
class HEXHUB_CORE_EXPORT ModuleContext
{
public:
    ModuleContext(const ModuleMetadata& metadata, CoreServices services);

    const ModuleMetadata& metadata() const { return m_metadata; }
    QString moduleId() const { return m_metadata.id; }

    Store& store() const { return m_services.store; }
    EventBus& bus() const { return m_services.bus; }
    Clock& clock() const { return m_services.clock; }
    Session& session() const { return m_services.session; }
    AuditLog& audit() const { return m_services.audit; }
    AccessControl& access() const { return m_services.access; }
    //! Changes to shared rows that survive the server being away (see Outbox).
    Outbox& outbox() const { return m_services.outbox; }
    //! The desk's settings file (shared with the shell): for desk-wide keys such as `map/tileUrl`.
    std::shared_ptr<QSettings> settingsFile() const { return m_services.settingsFile; }
    Settings& settings() { return m_settings; }

    //! Source and actor for this module's writes: the module id and the signed-in user.
    WriteContext writeContext() const;

    void addMigrations(const QList<Migration>& migrations);
    //! Registers the migrations compiled into the module at :/hexhub/<id>/sql.
    void addBundledMigrations();
    void addPermission(const PermissionDefinition& permission);
    EventBus::SubscriptionId subscribe(const QString& pattern, QObject* receiver, EventBus::Handler handler);
    //! A typed subscription to the events of payload struct T (T::kTopic), ended with the module.
    template <typename T>
    EventBus::SubscriptionId subscribe(QObject* receiver, std::function<void(const T&, const Event&)> handler)
    {
        const EventBus::SubscriptionId id = bus().subscribe<T>(receiver, std::move(handler));
        m_subscriptions << id;
        return id;
    }
    /*!
     * What the module writes in the same transaction when another module journals an event matching
     * `pattern` (Store::addReaction()): for hand-overs that must not exist without their record (a
     * hit handed to criminal intelligence is its lead in the same commit). Ended with the module.
     */
    int addReaction(const QString& pattern, WriteTransaction::Reaction react);
    //! Ends the module's bus subscriptions and reactions (the module manager, as the module stops).
    void endSubscriptions();
    void addView(const ViewFactory& view);
    void addCommand(const Command& command);
    /*!
     * Registers the module's demo hook (demodata.h): `hexhub --generate-demo` and demo mode call it,
     * after the hooks of the modules it depends on (the hub's first), to write the module's share
     * of a synthetic history into its own tables through DemoContext::txn(). It must draw every
     * random number from DemoContext::random(), so the same seed gives the same rows, and keep
     * its counts in proportion with DemoContext::scaled(). Runs on the store's writer thread.
     */
    void setDemoData(std::function<void(DemoContext&)> generate) { m_demoData = std::move(generate); }
    const std::function<void(DemoContext&)>& demoData() const { return m_demoData; }

    /*!
     * How the module's events read on timelines, in notifications and in the after-action review
     * (ModuleManager::describe()), and which of them a desk notifies its operator of.
     */
    void setEventDescriber(EventDescriber describer) { m_describer = std::move(describer); }
    const EventDescriber& eventDescriber() const { return m_describer; }
    //! The count of the module's pending items on its rail button, kept live by the shell.
    void setRailBadge(RailBadge badge) { m_railBadge = std::move(badge); }
    const RailBadge& railBadge() const { return m_railBadge; }
    //! A kind of record the module owns and opens: a link to it, or a palette hit, opens its view.
    void addRecordKind(const RecordKind& kind) { m_recordKinds << kind; }
    const QList<RecordKind>& recordKinds() const { return m_recordKinds; }
    /*!
     * Opens record `ref` of `kind` (another module's, or its own) in the view of the module that owns
     * it: an empty string when it opened, else why not (ModuleManager::openRecord()).
     */
    QString openRecord(const QString& kind, const QString& ref) const
    {
        return m_recordOpener ? m_recordOpener(kind, ref) : QString();
    }
    //! Set by the module manager: how openRecord() reaches the module that owns a kind.
    void setRecordOpener(std::function<QString(const QString&, const QString&)> opener) { m_recordOpener = std::move(opener); }
    //! The module's records offered as snapshots for analysis (SnapshotSource).
    void addSnapshotSource(const SnapshotSource& source) { m_snapshotSources << source; }
    const QList<SnapshotSource>& snapshotSources() const { return m_snapshotSources; }
    //! Every loaded module's snapshot sources (set by the module manager; empty before it is).
    QList<SnapshotSource> allSnapshotSources() const { return m_allSnapshots ? m_allSnapshots() : QList<SnapshotSource>(); }
    void setSnapshotDirectory(std::function<QList<SnapshotSource>()> all) { m_allSnapshots = std::move(all); }
    //! The module's records for the command palette's search.
    void setRecordSearch(RecordSearch search) { m_recordSearch = std::move(search); }
    const RecordSearch& recordSearch() const { return m_recordSearch; }
    /*!
     * The module's share of the live demo simulation (demo mode, training): the calls it makes up
     * for its categories, the follow-up tasks it takes after incidents. The simulation knows no
     * module's taxonomy or centres but through these.
     */
    void setSimulationShare(SimulationShare share) { m_simulationShare = std::move(share); }
    const SimulationShare& simulationShare() const { return m_simulationShare; }
    //! The module's pictures for `hexhub --screenshots`, besides its main view the shell renders anyway.
    void setPictures(ModulePictures pictures) { m_pictures = std::move(pictures); }
    const ModulePictures& pictures() const { return m_pictures; }

    const QList<Migration>& migrations() const { return m_migrations; }
    const QList<PermissionDefinition>& permissions() const { return m_permissions; }
    const QList<ViewFactory>& views() const { return m_views; }
    const QList<Command>& commands() const { return m_commands; }

private:
    ModuleMetadata m_metadata;
    CoreServices m_services;
    Settings m_settings;
    QList<Migration> m_migrations;
    QList<PermissionDefinition> m_permissions;
    QList<ViewFactory> m_views;
    QList<Command> m_commands;
    QList<EventBus::SubscriptionId> m_subscriptions;
    QList<int> m_reactions;
    std::function<void(DemoContext&)> m_demoData;
    EventDescriber m_describer;
    RailBadge m_railBadge;
    QList<RecordKind> m_recordKinds;
    RecordSearch m_recordSearch;
    SimulationShare m_simulationShare;
    ModulePictures m_pictures;
    std::function<QString(const QString&, const QString&)> m_recordOpener;
    QList<SnapshotSource> m_snapshotSources;
    std::function<QList<SnapshotSource>()> m_allSnapshots;
};

/*!
 * The interface every Hexhub module implements: one final QObject class per shared library,
 * declared with Q_PLUGIN_METADATA(IID "org.hexhub.Module/1" FILE "<id>.json").
 *
 * Lifecycle, driven by the ModuleManager in dependency order:
 *  1. initialize(): register migrations, permissions, subscriptions, views and commands. Return false
 *     with `error` set to fail the module (its dependents fail with it). A desk calls it while its
 *     store is still opening: register here, read and write from modulesInitialized() on.
 *  2. modulesInitialized(): every module is initialized and every migration applied; the store has the
 *     module's tables. Called in dependency order.
 *  3. aboutToShutdown(): called in reverse order before the modules are unloaded.
 */
class HEXHUB_CORE_EXPORT Module
{
public:
    virtual ~Module();
    virtual bool initialize(ModuleContext& context, QString& error) = 0;
    virtual void modulesInitialized() {}
    //! The module's name and one-line purpose in the user's language (its own translation context);
    //! empty: the English ones from its metadata.
    virtual QString displayName() const { return {}; }
    virtual QString displayDescription() const { return {}; }
    virtual void aboutToShutdown() {}
};

} // namespace hexhub

Q_DECLARE_INTERFACE(hexhub::Module, "org.hexhub.Module/1")
