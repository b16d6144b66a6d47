#pragma once

#include "base/hexhubcore_export.h"
#include "module/module.h"
#include "module/modulemetadata.h"

#include <QFuture>
#include <QObject>
#include <QPluginLoader>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace hexhub {

//! One module the manager found: where, what its metadata says, and how far it got.
struct HEXHUB_CORE_EXPORT ModuleSpec
{
    enum class State { Discovered, Loaded, Failed, Disabled };

    QString path;
    QString id;              //!< from the metadata, or the file name when the metadata is unreadable
    ModuleMetadata metadata;
    State state = State::Discovered;
    QString reason;          //!< why it failed or is disabled
    QStringList notes;       //!< e.g. an optional dependency that is missing

    std::unique_ptr<QPluginLoader> loader;
    Module* instance = nullptr;
    std::unique_ptr<ModuleContext> context;

    static QString stateName(State state);
};

/*!
 * Finds, checks, orders, loads and starts Hexhub's modules, in the manner of Qt Creator's plugin
 * manager. Metadata is read without loading code and validated; dependencies are resolved depth-first
 * (optional ones may be missing); a cycle is reported as a chain ("a -> b -> a"); every dependent of
 * a module that failed fails too, with the reason. A bad plugin never brings the program down: it is
 * reported and the rest load.
 */
class HEXHUB_CORE_EXPORT ModuleManager final : public QObject
{
    Q_OBJECT
public:
    explicit ModuleManager(CoreServices services, QObject* parent = nullptr);
    ~ModuleManager() override;

    //! The module folder of an installed or built Hexhub next to `applicationDir`, then
    //! every folder in HEXHUB_MODULE_PATH (':'-separated).
    static QStringList defaultSearchPaths(const QString& applicationDir);

    void setSearchPaths(const QStringList& paths) { m_searchPaths = paths; }
    void setDisabled(const QSet<QString>& ids) { m_disabled = ids; }

    //! Reads and validates every plugin's metadata; loads no code.
    void discover();
    /*!
     * Resolves, loads and initializes the discovered modules, on the calling (GUI) thread. Needs no
     * open store: a desk does it while its store opens. start() does it when it was not done.
     */
    void prepare();
    /*!
     * prepare() when not done yet; then applies the modules' migrations (on the store's thread),
     * records their permissions, and calls modulesInitialized(). The future fails only for what
     * must stop start-up (a changed migration, a newer store); a failing module does not.
     */
    QFuture<void> start();
    //! aboutToShutdown() in reverse order. Safe to call more than once.
    void shutdown();

    //! Loaded modules in load order, then the rest by id.
    QList<const ModuleSpec*> modules() const;
    const ModuleSpec* module(const QString& id) const;
    QList<const ModuleSpec*> loadOrder() const;
    QList<ViewFactory> views() const;
    QList<Command> commands() const;
    /*!
     * How `event` reads to people: its source module's description (ModuleContext::setEventDescriber());
     * for an event published in another's words (a scenario's inject), the first module that
     * describes it; an empty description when none does.
     */
    EventDescription describe(const Event& event) const;
    //! A module's name in the user's language (its displayName(), else its metadata's), or `id` itself.
    QString displayName(const QString& id) const;

    //! The module that owns record kind `kind` and how it opens it; nothing when no loaded module does.
    std::optional<std::pair<QString, RecordKind>> recordKind(const QString& kind) const;
    //! Every loaded module's palette search, by module id.
    QList<std::pair<QString, RecordSearch>> recordSearches() const;
    //! Every loaded module's share of the live demo simulation, by module id, in load order.
    SimulationShares simulationShares() const;
    //! Every loaded module's pictures for `hexhub --screenshots`, by module id, in load order.
    QList<std::pair<QString, ModulePictures>> pictures() const;
    /*!
     * Where views are shown (the shell's main window): makes or finds view `viewId`, shows it and
     * returns its widget; null when it cannot (not allowed, no such view).
     */
    using ViewOpener = std::function<QWidget*(const QString& viewId)>;
    void setViewOpener(ViewOpener opener) { m_viewOpener = std::move(opener); }
    /*!
     * Opens record `ref` of `kind` in the view of the module that owns it, from anywhere. Returns
     * an empty string when it opened, else why not in the user's language (no module owns that kind
     * here, its view may not be shown, the record is not there).
     */
    QString openRecord(const QString& kind, const QString& ref) const;

Q_SIGNALS:
    void started();

private:
    void readSpec(const QString& path);
    void resolve();
    bool visit(ModuleSpec* spec, QList<ModuleSpec*>& stack);
    void fail(ModuleSpec* spec, const QString& reason);
    void failDependents();
    void loadAndInitialize(ModuleSpec* spec);
    ModuleSpec* byId(const QString& id) const;

    CoreServices m_services;
    QStringList m_searchPaths;
    QSet<QString> m_disabled;
    std::vector<std::unique_ptr<ModuleSpec>> m_specs;
    QList<ModuleSpec*> m_order;
    QSet<ModuleSpec*> m_visited;
    ViewOpener m_viewOpener;
    bool m_prepared = false;
    bool m_shutDown = false;
};

} // namespace hexhub
