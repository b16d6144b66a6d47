#include "hubmodule.h"
#include "hexhub/hub/snapshot.h"

#include "chartsloader.h"
#include "hubcontext.h"
#include "hubmap.h"
#include "hubpictures.h"
#include "taskpanel.h"
#include "unitpanel.h"
#include "incidentboard.h"
#include "incidentpanel.h"
#include "incidentform.h"
#include "operations.h"
#include "taxonomy.h"

#include "hexhub/hub/demo.h"
#include "module/demodata.h"

#include <QApplication>
#include <QLabel>

namespace hexhub::hub {


namespace {

// A view from a library loaded on first use (chartsloader.h), or what says why it cannot be shown.
QWidget* loadedOrWhy(QWidget* loaded, const QString& why, QWidget* parent)
{
    if (loaded)
        return loaded;
    auto* missing = new QLabel(why, parent);
    missing->setWordWrap(true);
    return missing;
}

} // namespace

HubModule::HubModule() = default;
HubModule::~HubModule() = default;

bool HubModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
    // Units, cameras, the incident history with its dispatches, tasks and operations of demo mode.
    context.setDemoData(&writeDemoData);
    context.setSimulationShare(simulationShare());
    // Its pictures for --screenshots: the video wall of nine demo cameras.
    context.setPictures(hubPictures());
    // How its events read on timelines, in notifications and in the review; its rail badge.
    context.setEventDescriber([](const Event& event) { return describeHubEvent(event); });
    context.setRailBadge(hubRailBadge());
    // Incidents open from anywhere by their number (a link on a case, a palette hit) on the board.
    context.setRecordSearch(&searchIncidents);
    // A period's incidents for analysis (the big-data centre takes them as a dataset).
    context.addSnapshotSource(incidentSnapshotSource());
    context.addRecordKind(RecordKind{QStringLiteral("incident"), QStringLiteral("hub.incidents"),
                                     [](QWidget* view, const QString& ref) {
                                         auto* board = qobject_cast<IncidentBoard*>(view);
                                         return board && board->openNumber(ref);
                                     }});
    m_hub = std::make_unique<HubContext>(context.store(), context.bus(), context.clock(), context.session(), context.audit(),
                                         &context.outbox());
    // Commands made while the server was away are sent again through these services (copies, over
    // the platform's store, session and audit, which outlive the outbox; modules are never unloaded).
    registerHubReplayers(context.outbox(), m_hub->incidents, m_hub->tasks, m_hub->units, m_hub->cameras, m_hub->media);
    m_hub->openRecord = [ctx = &context](const QString& kind, const QString& ref) { return ctx->openRecord(kind, ref); };

    // The hub's views: the board in the middle; the dashboard and the map for walls and docks; the
    // tasks as a panel. Titles are marked for translation here and translated when shown.
    const auto view = [&context](const char* id, const char* title, ViewFactory::Area area, const char* permission,
                                 std::function<QWidget*(QWidget*)> create) {
        ViewFactory v;
        v.id = QString::fromLatin1(id);
        v.title = tr(title);
        v.translatedTitle = [title] { return tr(title); };
        v.icon = QStringLiteral(":/hexhub/icons/hub.svg");
        v.area = area;
        v.permission = QString::fromLatin1(permission);
        v.create = std::move(create);
        context.addView(v);
    };
    view("hub.incidents", QT_TR_NOOP("Incidents"), ViewFactory::Area::Central, "hub.incident.view", [this](QWidget* parent) -> QWidget* {
        auto* board = new IncidentBoard(*m_hub, parent);
        m_board = board;
        return board;
    });
    // On a wall the last panel takes the rest of the row: the map, square like the district, goes
    // before the dashboard, which lays its tiles and charts side by side in the wider place.
    view("hub.map", QT_TR_NOOP("Map"), ViewFactory::Area::Wall, "hub.incident.view", [this, settings = context.settingsFile()](QWidget* parent) -> QWidget* {
        auto* map = new HubMap(*m_hub, parent);
        map->useSettings(settings); // the tile server, when the desk names one
        // A click on an incident opens it on the board, when there is one.
        connect(map, &HubMap::incidentActivated, map, [this](qint64 id) {
            if (m_board)
                m_board->selectIncident(id);
        });
        return map;
    });
    view("hub.dashboard", QT_TR_NOOP("Dashboard"), ViewFactory::Area::Wall, "hub.incident.view", [this](QWidget* parent) -> QWidget* {
        QString error;
        QWidget* dashboard = createDashboard(*m_hub, parent, &error);
        return loadedOrWhy(dashboard, tr("The dashboard cannot be shown: %1").arg(error), parent);
    });
    view("hub.tasks", QT_TR_NOOP("Tasks"), ViewFactory::Area::Dock, "hub.task.respond", [this](QWidget* parent) -> QWidget* {
        return new TaskPanel(*m_hub, [this] { return currentIncident(); }, parent);
    });
    view("hub.units", QT_TR_NOOP("Units"), ViewFactory::Area::Dock, "hub.incident.view",
         [this](QWidget* parent) -> QWidget* { return new UnitPanel(*m_hub, parent); });
    view("hub.video", QT_TR_NOOP("Video"), ViewFactory::Area::Dock, "hub.video.view", [this](QWidget* parent) -> QWidget* {
        QString error;
        QWidget* video = createVideoPanel(*m_hub, [this] { return currentIncident(); }, parent, &error);
        return loadedOrWhy(video, tr("The video cannot be shown: %1").arg(error), parent);
    });
    view("hub.operations", QT_TR_NOOP("Operations"), ViewFactory::Area::Dock, "hub.incident.view", [this](QWidget* parent) -> QWidget* {
        return new OperationsPanel(*m_hub, [this] { return currentIncident(); }, parent);
    });

    // Commands for the palette (and their shortcuts), each needing a permission.
    const auto command = [&context](const char* id, const QString& title, const char* permission, const char* shortcut,
                                    std::function<void()> trigger) {
        Command c;
        c.id = QString::fromLatin1(id);
        c.title = title;
        c.shortcut = QString::fromLatin1(shortcut);
        c.permission = QString::fromLatin1(permission);
        c.trigger = std::move(trigger);
        context.addCommand(c);
    };
    // What the board does to its selected incident, when there is a board.
    const auto onBoard = [this](void (IncidentBoard::*action)()) {
        return [this, action] {
            if (m_board)
                (m_board->*action)();
        };
    };
    command("hub.incident.new", tr("New incident"), "hub.incident.manage", "F2", [this] { newIncident(); });
    command("hub.incident.dispatch", tr("Dispatch units to the selected incident"), "hub.unit.dispatch", "",
            onBoard(&IncidentBoard::dispatchCurrent));
    command("hub.incident.note", tr("Add a note to the selected incident"), "hub.incident.manage", "",
            onBoard(&IncidentBoard::noteCurrent));
    command("hub.incident.edit", tr("Change the selected incident"), "hub.incident.manage", "",
            onBoard(&IncidentBoard::editCurrent));
    command("hub.operation.plan", tr("Plan a cluster operation"), "hub.operation.command", "Ctrl+Shift+O", [this] {
        auto* planner = new OperationPlanner(*m_hub, currentIncident(), QApplication::activeWindow());
        planner->setAttribute(Qt::WA_DeleteOnClose);
        planner->open();
    });
    command("hub.taxonomy.edit", tr("Edit the incident taxonomy"), "hub.taxonomy.manage", "", [this] {
        auto* editor = new TaxonomyDialog(*m_hub, QApplication::activeWindow());
        editor->setAttribute(Qt::WA_DeleteOnClose);
        editor->open();
    });
    return true;
}

qint64 HubModule::currentIncident() const
{
    return m_board ? m_board->currentIncident() : 0;
}

void HubModule::newIncident()
{
    if (m_board && m_board->isVisible()) {
        m_board->newIncident();
        return;
    }
    auto* form = new IncidentForm(*m_hub, QApplication::activeWindow());
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->open();
}

void HubModule::aboutToShutdown()
{
    delete m_board; // its subscriptions and reads end before the services go
}

QString HubModule::displayName() const
{
    return tr("Hub");
}

QString HubModule::displayDescription() const
{
    return tr("The command brain: every incident, dispatch, tasks to the centres, joint operations, the video wall.");
}

} // namespace hexhub::hub
