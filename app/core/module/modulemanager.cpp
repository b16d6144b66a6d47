#include "module/modulemanager.h"
#include "shared/timelimits.h"

#include "base/coretr.h"

#include "base/error.h"
#include "store/migration.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcModules, "hexhub.modules", QtInfoMsg)

namespace hexhub {

QString ModuleSpec::stateName(State state)
{
    switch (state) {
    case State::Discovered: return QStringLiteral("discovered");
    case State::Loaded: return QStringLiteral("loaded");
    case State::Failed: return QStringLiteral("failed");
    case State::Disabled: return QStringLiteral("disabled");
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

ModuleContext::ModuleContext(const ModuleMetadata& metadata, CoreServices services)
    : m_metadata(metadata)
    , m_services(std::move(services))
    , m_settings(m_services.settingsFile, QStringLiteral("modules/") + metadata.id)
{
}

WriteContext ModuleContext::writeContext() const
{
    return WriteContext{m_metadata.id, m_services.session.actorName(), {}};
}

void ModuleContext::addMigrations(const QList<Migration>& migrations)
{
    for (Migration migration : migrations) {
        migration.module = m_metadata.id;
        m_migrations << migration;
    }
}

void ModuleContext::addBundledMigrations()
{
    addMigrations(Migration::fromFolder(m_metadata.id, QStringLiteral(":/hexhub/%1/sql").arg(m_metadata.id),
                                        m_services.store.dialect().name()));
}

void ModuleContext::addPermission(const PermissionDefinition& permission)
{
    PermissionDefinition p = permission;
    p.module = m_metadata.id;
    m_permissions << p;
}

EventBus::SubscriptionId ModuleContext::subscribe(const QString& pattern, QObject* receiver, EventBus::Handler handler)
{
    const auto id = m_services.bus.subscribe(pattern, receiver, std::move(handler));
    if (id != 0)
        m_subscriptions << id;
    return id;
}

int ModuleContext::addReaction(const QString& pattern, WriteTransaction::Reaction react)
{
    const int id = m_services.store.addReaction(pattern, std::move(react));
    m_reactions << id;
    return id;
}

void ModuleContext::endSubscriptions()
{
    for (const auto id : std::as_const(m_subscriptions))
        m_services.bus.unsubscribe(id);
    m_subscriptions.clear();
    for (const int id : std::as_const(m_reactions))
        m_services.store.removeReaction(id);
    m_reactions.clear();
}

void ModuleContext::addView(const ViewFactory& view)
{
    m_views << view;
}

void ModuleContext::addCommand(const Command& command)
{
    m_commands << command;
}

Module::~Module() = default;

// ---------------------------------------------------------------------------------------------

ModuleManager::ModuleManager(CoreServices services, QObject* parent)
    : QObject(parent)
    , m_services(std::move(services))
{
}

ModuleManager::~ModuleManager()
{
    shutdown();
}

QStringList ModuleManager::defaultSearchPaths(const QString& applicationDir)
{
    QStringList paths;
    // bin/hexhub -> lib/hexhub/modules, in the build tree and in an installed prefix alike.
    const QDir prefix(applicationDir + QStringLiteral("/.."));
    const QStringList candidates{QStringLiteral(HEXHUB_LIBDIR "/hexhub/modules"), QStringLiteral("lib/hexhub/modules")};
    for (const QString& candidate : candidates) {
        const QString path = QDir::cleanPath(prefix.absoluteFilePath(candidate));
        if (QFileInfo::exists(path) && !paths.contains(path))
            paths << path;
    }
    const QString extra = qEnvironmentVariable("HEXHUB_MODULE_PATH");
    for (const QString& path : extra.split(QLatin1Char(':'), Qt::SkipEmptyParts))
        paths << QDir::cleanPath(path);
    return paths;
}

ModuleSpec* ModuleManager::byId(const QString& id) const
{
    for (const auto& spec : m_specs) {
        if (spec->id == id && spec->state != ModuleSpec::State::Failed)
            return spec.get();
    }
    for (const auto& spec : m_specs) {
        if (spec->id == id)
            return spec.get();
    }
    return nullptr;
}

void ModuleManager::discover()
{
    m_specs.clear();
    m_prepared = false;
    for (const QString& folder : std::as_const(m_searchPaths)) {
        const QDir dir(folder);
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        for (const QString& file : files) {
            const QString path = dir.absoluteFilePath(file);
            if (QLibrary::isLibrary(path))
                readSpec(path);
        }
    }
}

void ModuleManager::readSpec(const QString& path)
{
    auto spec = std::make_unique<ModuleSpec>();
    spec->path = path;
    spec->id = QFileInfo(path).completeBaseName();
    spec->loader = std::make_unique<QPluginLoader>(path);
    auto invalid = [&](const QString& reason) {
        spec->state = ModuleSpec::State::Failed;
        spec->reason = reason;
        qCWarning(lcModules) << path << reason;
        m_specs.push_back(std::move(spec));
    };

    const QJsonObject raw = spec->loader->metaData();
    if (raw.isEmpty())
        return invalid(Tr::tr("not a Hexhub module: no plugin metadata found (%1). A module whose JSON file is not "
                          "valid JSON is built without metadata.").arg(spec->loader->errorString()));
    const QString iid = raw.value(QStringLiteral("IID")).toString();
    if (iid != QLatin1String(kModuleIid))
        return invalid(Tr::tr("wrong plugin interface '%1' (a Hexhub module declares %2)").arg(iid, QLatin1String(kModuleIid)));
    const QJsonValue metaValue = raw.value(QStringLiteral("MetaData"));
    if (!metaValue.isObject() || metaValue.toObject().isEmpty())
        return invalid(Tr::tr("the module's metadata is missing or is not valid JSON"));
    QString error;
    const auto metadata = ModuleMetadata::fromJson(metaValue.toObject(), &error);
    if (!metadata)
        return invalid(error);
    spec->metadata = *metadata;
    spec->id = metadata->id;
    for (const auto& other : m_specs) {
        if (other->id == spec->id && other->state != ModuleSpec::State::Failed)
            return invalid(Tr::tr("duplicate module id '%1', also provided by %2").arg(spec->id, other->path));
    }
    if (m_disabled.contains(spec->id)) {
        spec->state = ModuleSpec::State::Disabled;
        spec->reason = Tr::tr("disabled in the settings");
    }
    m_specs.push_back(std::move(spec));
}

void ModuleManager::fail(ModuleSpec* spec, const QString& reason)
{
    if (spec->state == ModuleSpec::State::Failed)
        return;
    spec->state = ModuleSpec::State::Failed;
    spec->reason = reason;
    qCWarning(lcModules) << spec->id << "failed:" << reason;
}

bool ModuleManager::visit(ModuleSpec* spec, QList<ModuleSpec*>& stack)
{
    if (m_visited.contains(spec))
        return spec->state == ModuleSpec::State::Discovered || spec->state == ModuleSpec::State::Loaded;
    if (const qsizetype at = stack.indexOf(spec); at >= 0) {
        QStringList chain;
        for (qsizetype i = at; i < stack.size(); ++i)
            chain << stack.at(i)->id;
        chain << spec->id;
        const QString reason = Tr::tr("dependency cycle: %1").arg(chain.join(QStringLiteral(" -> ")));
        for (qsizetype i = at; i < stack.size(); ++i)
            fail(stack.at(i), reason);
        return false;
    }
    if (spec->state != ModuleSpec::State::Discovered) {
        m_visited.insert(spec);
        return false;
    }

    stack << spec;
    for (const ModuleDependency& dep : std::as_const(spec->metadata.dependencies)) {
        ModuleSpec* provider = byId(dep.id);
        QString problem;
        if (!provider) {
            problem = Tr::tr("missing dependency '%1' (version %2)").arg(dep.id, dep.version);
        } else if (compareVersions(provider->metadata.version, dep.version) < 0 ||
                   compareVersions(provider->metadata.compatVersion, dep.version) > 0) {
            problem = Tr::tr("needs '%1' version %2, but version %3 (compatible back to %4) is installed")
                          .arg(dep.id, dep.version, provider->metadata.version, provider->metadata.compatVersion);
        } else if (!visit(provider, stack)) {
            if (spec->state == ModuleSpec::State::Failed) // we are part of a cycle found below
                break;
            problem = provider->state == ModuleSpec::State::Disabled
                ? Tr::tr("depends on '%1', which is disabled").arg(dep.id)
                : Tr::tr("depends on '%1', which failed: %2").arg(dep.id, provider->reason);
        }
        if (problem.isEmpty())
            continue;
        if (dep.optional) {
            spec->notes << Tr::tr("optional dependency unavailable: %1").arg(problem);
            continue;
        }
        fail(spec, problem);
        break;
    }
    stack.removeLast();
    m_visited.insert(spec);
    if (spec->state != ModuleSpec::State::Discovered)
        return false;
    m_order << spec;
    return true;
}

void ModuleManager::resolve()
{
    m_order.clear();
    m_visited.clear();
    QList<ModuleSpec*> stack;
    QList<ModuleSpec*> all;
    for (const auto& spec : m_specs)
        all << spec.get();
    std::sort(all.begin(), all.end(), [](const ModuleSpec* a, const ModuleSpec* b) { return a->id < b->id; });
    for (ModuleSpec* spec : std::as_const(all))
        visit(spec, stack);
}

void ModuleManager::failDependents()
{
    // The order is topological, so one pass carries a failure down to every dependent.
    for (ModuleSpec* spec : std::as_const(m_order)) {
        if (spec->state == ModuleSpec::State::Failed)
            continue;
        for (const ModuleDependency& dep : std::as_const(spec->metadata.dependencies)) {
            ModuleSpec* provider = byId(dep.id);
            if (!provider || provider->state != ModuleSpec::State::Failed)
                continue;
            if (dep.optional) {
                spec->notes << Tr::tr("optional dependency '%1' failed: %2").arg(dep.id, provider->reason);
                continue;
            }
            fail(spec, Tr::tr("depends on '%1', which failed: %2").arg(dep.id, provider->reason));
            break;
        }
    }
}

void ModuleManager::loadAndInitialize(ModuleSpec* spec)
{
    QObject* object = spec->loader->instance();
    if (!object)
        return fail(spec, Tr::tr("cannot load the library: %1").arg(spec->loader->errorString()));
    spec->instance = qobject_cast<Module*>(object);
    if (!spec->instance)
        return fail(spec, Tr::tr("the plugin does not implement hexhub::Module"));
    spec->context = std::make_unique<ModuleContext>(spec->metadata, m_services);
    spec->context->setRecordOpener([this](const QString& kind, const QString& ref) { return openRecord(kind, ref); });
    spec->context->setSnapshotDirectory([this] {
        QList<SnapshotSource> all;
        for (const ModuleSpec* loaded : loadOrder())
            if (loaded->state == ModuleSpec::State::Loaded && loaded->context)
                for (const SnapshotSource& source : loaded->context->snapshotSources())
                    all << source;
        return all;
    });
    QString error;
    bool ok = false;
    try {
        ok = spec->instance->initialize(*spec->context, error);
        if (!ok && error.isEmpty())
            error = Tr::tr("initialize() failed without saying why");
    } catch (const Error& e) {
        error = e.message();
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
    } catch (...) {
        error = Tr::tr("initialize() threw an unknown exception");
    }
    if (!ok) {
        spec->context->endSubscriptions();
        spec->instance = nullptr;
        fail(spec, Tr::tr("initialization failed: %1").arg(error));
    }
}

void ModuleManager::prepare()
{
    if (m_prepared)
        return;
    m_prepared = true;
    resolve();
    for (ModuleSpec* spec : std::as_const(m_order)) {
        failDependents();
        if (spec->state == ModuleSpec::State::Discovered)
            loadAndInitialize(spec);
    }
    failDependents();
}

QFuture<void> ModuleManager::start()
{
    prepare();

    Migrator migrator(m_services.store);
    for (ModuleSpec* spec : std::as_const(m_order)) {
        if (spec->state == ModuleSpec::State::Discovered)
            migrator.add(spec->context->migrations());
    }
    return migrator.apply()
        .then(this, [this](const MigrationReport& report) {
            for (auto it = report.failures.cbegin(); it != report.failures.cend(); ++it) {
                if (ModuleSpec* spec = byId(it.key()))
                    fail(spec, it.value());
            }
            failDependents();
            QList<PermissionDefinition> permissions;
            for (ModuleSpec* spec : std::as_const(m_order)) {
                if (spec->state == ModuleSpec::State::Failed) {
                    if (spec->instance) {
                        spec->context->endSubscriptions();
                        spec->instance->aboutToShutdown();
                        spec->instance = nullptr;
                    }
                    continue;
                }
                permissions << spec->metadata.permissions << spec->context->permissions();
            }
            return m_services.access.registerPermissions(permissions);
        })
        .unwrap()
        .then(this, [this] {
            for (ModuleSpec* spec : std::as_const(m_order)) {
                if (spec->state != ModuleSpec::State::Discovered)
                    continue;
                spec->state = ModuleSpec::State::Loaded;
                spec->instance->modulesInitialized();
            }
            Q_EMIT started();
        });
}

void ModuleManager::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    for (auto it = m_order.crbegin(); it != m_order.crend(); ++it) {
        ModuleSpec* spec = *it;
        // Loaded, or initialized by prepare() when the start stopped before their migrations.
        if ((spec->state == ModuleSpec::State::Loaded || spec->state == ModuleSpec::State::Discovered) && spec->instance) {
            spec->context->endSubscriptions();
            spec->instance->aboutToShutdown();
        }
    }
}

QList<const ModuleSpec*> ModuleManager::modules() const
{
    QList<const ModuleSpec*> result;
    for (const ModuleSpec* spec : m_order)
        result << spec;
    QList<const ModuleSpec*> rest;
    for (const auto& spec : m_specs) {
        if (!m_order.contains(spec.get()))
            rest << spec.get();
    }
    std::sort(rest.begin(), rest.end(), [](const ModuleSpec* a, const ModuleSpec* b) { return a->id < b->id; });
    return result << rest;
}

QList<const ModuleSpec*> ModuleManager::loadOrder() const
{
    QList<const ModuleSpec*> result;
    for (const ModuleSpec* spec : m_order) {
        if (spec->state == ModuleSpec::State::Loaded)
            result << spec;
    }
    return result;
}

const ModuleSpec* ModuleManager::module(const QString& id) const
{
    return byId(id);
}

QList<ViewFactory> ModuleManager::views() const
{
    QList<ViewFactory> result;
    for (const ModuleSpec* spec : loadOrder())
        result << spec->context->views();
    return result;
}

QList<Command> ModuleManager::commands() const
{
    QList<Command> result;
    for (const ModuleSpec* spec : loadOrder())
        result << spec->context->commands();
    return result;
}

EventDescription ModuleManager::describe(const Event& event) const
{
    const auto describedBy = [&event](const ModuleSpec* spec) -> EventDescription {
        if (!spec || spec->state != ModuleSpec::State::Loaded || !spec->context || !spec->context->eventDescriber())
            return {};
        return spec->context->eventDescriber()(event);
    };
    if (EventDescription d = describedBy(byId(event.source)); !d.isEmpty())
        return d;
    // Published by someone else in a module's words (a training scenario's inject of an
    // incident.created): the module whose topic it is describes it.
    for (const ModuleSpec* spec : loadOrder()) {
        if (spec->id == event.source)
            continue;
        if (EventDescription d = describedBy(spec); !d.isEmpty())
            return d;
    }
    // The core's own that a person reads on the journal.
    if (const auto changed = payloadAs<TimeLimitChanged>(event)) {
        EventDescription d;
        d.text = Tr::tr("Time limit \"%1\" of %2 changed from %3 to %4: %5")
                     .arg(changed->limit.text(), displayName(changed->limit.module), TimeLimits::describe(changed->from),
                          TimeLimits::describe(changed->limit.minutes), changed->limit.reason);
        return d;
    }
    return {};
}

QString ModuleManager::displayName(const QString& id) const
{
    const ModuleSpec* spec = byId(id);
    if (!spec)
        return id;
    if (spec->state == ModuleSpec::State::Loaded && spec->instance) {
        if (const QString name = spec->instance->displayName(); !name.isEmpty())
            return name;
    }
    return spec->metadata.name.isEmpty() ? id : spec->metadata.name;
}

std::optional<std::pair<QString, RecordKind>> ModuleManager::recordKind(const QString& kind) const
{
    for (const ModuleSpec* spec : loadOrder()) {
        for (const RecordKind& k : spec->context->recordKinds()) {
            if (k.kind == kind)
                return std::pair{spec->id, k};
        }
    }
    return std::nullopt;
}

QList<std::pair<QString, RecordSearch>> ModuleManager::recordSearches() const
{
    QList<std::pair<QString, RecordSearch>> searches;
    for (const ModuleSpec* spec : loadOrder()) {
        if (spec->context->recordSearch())
            searches.append({spec->id, spec->context->recordSearch()});
    }
    return searches;
}

SimulationShares ModuleManager::simulationShares() const
{
    SimulationShares shares;
    for (const ModuleSpec* spec : loadOrder()) {
        if (!spec->context->simulationShare().isEmpty())
            shares.append({spec->id, spec->context->simulationShare()});
    }
    return shares;
}

QList<std::pair<QString, ModulePictures>> ModuleManager::pictures() const
{
    QList<std::pair<QString, ModulePictures>> out;
    for (const ModuleSpec* spec : loadOrder()) {
        if (spec->context->pictures().prepare)
            out.append({spec->id, spec->context->pictures()});
    }
    return out;
}

QString ModuleManager::openRecord(const QString& kind, const QString& ref) const
{
    const auto owner = recordKind(kind);
    if (!owner)
        return Tr::tr("No module here opens a record of the kind '%1'.").arg(kind);
    const auto& [moduleId, recordKind] = *owner;
    QWidget* view = m_viewOpener ? m_viewOpener(recordKind.viewId) : nullptr;
    if (!view)
        return Tr::tr("%1 cannot show its records here (you may not open its view).").arg(displayName(moduleId));
    if (!recordKind.open || !recordKind.open(view, ref))
        return Tr::tr("%1 has no %2 %3.").arg(displayName(moduleId), kind, ref);
    return {};
}

} // namespace hexhub
