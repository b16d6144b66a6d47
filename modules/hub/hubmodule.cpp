#include "hubmodule.h"

#include "chartsloader.h"
#include "hubcontext.h"
#include "hubmap.h"
#include "taskpanel.h"
#include "unitpanel.h"
#include "incidentboard.h"
#include "incidentform.h"
#include "operations.h"
#include "taxonomy.h"

#include <QApplication>
#include <QLabel>

namespace hexhub::hub {

HubModule::HubModule() = default;
HubModule::~HubModule() = default;

bool HubModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
    m_hub = std::make_unique<HubContext>(context.store(), context.bus(), context.clock(), context.session(), context.audit());

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
    view("hub.dashboard", QT_TR_NOOP("Dashboard"), ViewFactory::Area::Wall, "hub.incident.view", [this](QWidget* parent) -> QWidget* {
        QString error;
        if (QWidget* dashboard = createDashboard(*m_hub, parent, &error))
            return dashboard;
        auto* missing = new QLabel(tr("The dashboard cannot be shown: %1").arg(error), parent);
        missing->setWordWrap(true);
        return missing;
    });
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
    view("hub.tasks", QT_TR_NOOP("Tasks"), ViewFactory::Area::Dock, "hub.task.respond", [this](QWidget* parent) -> QWidget* {
        return new TaskPanel(*m_hub, [this] { return m_board ? m_board->currentIncident() : 0; }, parent);
    });
    view("hub.units", QT_TR_NOOP("Units"), ViewFactory::Area::Dock, "hub.incident.view",
         [this](QWidget* parent) -> QWidget* { return new UnitPanel(*m_hub, parent); });
    view("hub.video", QT_TR_NOOP("Video"), ViewFactory::Area::Dock, "hub.video.view", [this](QWidget* parent) -> QWidget* {
        QString error;
        if (QWidget* video = createVideoPanel(*m_hub, [this] { return m_board ? m_board->currentIncident() : 0; }, parent, &error))
            return video;
        auto* missing = new QLabel(tr("The video cannot be shown: %1").arg(error), parent);
        missing->setWordWrap(true);
        return missing;
    });
    view("hub.operations", QT_TR_NOOP("Operations"), ViewFactory::Area::Dock, "hub.incident.view", [this](QWidget* parent) -> QWidget* {
        return new OperationsPanel(*m_hub, [this] { return m_board ? m_board->currentIncident() : 0; }, parent);
    });

    Command create;
    create.id = QStringLiteral("hub.incident.new");
    create.title = tr("New incident");
    create.shortcut = QStringLiteral("F2");
    create.permission = QStringLiteral("hub.incident.manage");
    create.trigger = [this] { newIncident(); };
    context.addCommand(create);

    Command dispatch;
    dispatch.id = QStringLiteral("hub.incident.dispatch");
    dispatch.title = tr("Dispatch units to the selected incident");
    dispatch.permission = QStringLiteral("hub.unit.dispatch");
    dispatch.trigger = [this] {
        if (m_board)
            m_board->dispatchCurrent();
    };
    context.addCommand(dispatch);

    Command note;
    note.id = QStringLiteral("hub.incident.note");
    note.title = tr("Add a note to the selected incident");
    note.permission = QStringLiteral("hub.incident.manage");
    note.trigger = [this] {
        if (m_board)
            m_board->noteCurrent();
    };
    context.addCommand(note);

    Command edit;
    edit.id = QStringLiteral("hub.incident.edit");
    edit.title = tr("Change the selected incident");
    edit.permission = QStringLiteral("hub.incident.manage");
    edit.trigger = [this] {
        if (m_board)
            m_board->editCurrent();
    };
    context.addCommand(edit);

    Command plan;
    plan.id = QStringLiteral("hub.operation.plan");
    plan.title = tr("Plan a cluster operation");
    plan.shortcut = QStringLiteral("Ctrl+Shift+O");
    plan.permission = QStringLiteral("hub.operation.command");
    plan.trigger = [this] {
        auto* planner = new OperationPlanner(*m_hub, m_board ? m_board->currentIncident() : 0, QApplication::activeWindow());
        planner->setAttribute(Qt::WA_DeleteOnClose);
        planner->open();
    };
    context.addCommand(plan);

    Command taxonomy;
    taxonomy.id = QStringLiteral("hub.taxonomy.edit");
    taxonomy.title = tr("Edit the incident taxonomy");
    taxonomy.permission = QStringLiteral("hub.taxonomy.manage");
    taxonomy.trigger = [this] {
        auto* editor = new TaxonomyDialog(*m_hub, QApplication::activeWindow());
        editor->setAttribute(Qt::WA_DeleteOnClose);
        editor->open();
    };
    context.addCommand(taxonomy);
    return true;
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
