#include "hubmodule.h"

#include "chartsloader.h"
#include "hubcontext.h"
#include "hubmap.h"
#include "taskpanel.h"
#include "incidentboard.h"
#include "incidentform.h"

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

    ViewFactory board;
    board.id = QStringLiteral("hub.incidents");
    board.title = tr("Incidents");
    board.translatedTitle = [] { return tr("Incidents"); };
    board.icon = QStringLiteral(":/hexhub/icons/hub.svg");
    board.area = ViewFactory::Area::Central;
    board.permission = QStringLiteral("hub.incident.view");
    board.create = [this](QWidget* parent) -> QWidget* {
        auto* view = new IncidentBoard(*m_hub, parent);
        m_board = view;
        return view;
    };
    context.addView(board);

    ViewFactory dashboard;
    dashboard.id = QStringLiteral("hub.dashboard");
    dashboard.title = tr("Dashboard");
    dashboard.translatedTitle = [] { return tr("Dashboard"); };
    dashboard.icon = QStringLiteral(":/hexhub/icons/hub.svg");
    dashboard.area = ViewFactory::Area::Wall;
    dashboard.permission = QStringLiteral("hub.incident.view");
    dashboard.create = [this](QWidget* parent) -> QWidget* {
        QString error;
        if (QWidget* view = createDashboard(*m_hub, parent, &error))
            return view;
        auto* missing = new QLabel(tr("The dashboard cannot be shown: %1").arg(error), parent);
        missing->setWordWrap(true);
        return missing;
    };
    context.addView(dashboard);

    ViewFactory map;
    map.id = QStringLiteral("hub.map");
    map.title = tr("Map");
    map.translatedTitle = [] { return tr("Map"); };
    map.icon = QStringLiteral(":/hexhub/icons/hub.svg");
    map.area = ViewFactory::Area::Wall;
    map.permission = QStringLiteral("hub.incident.view");
    map.create = [this](QWidget* parent) -> QWidget* {
        auto* view = new HubMap(*m_hub, parent);
        // A click on an incident opens it on the board, when there is one.
        connect(view, &HubMap::incidentActivated, view, [this](qint64 id) {
            if (m_board)
                m_board->selectIncident(id);
        });
        return view;
    };
    context.addView(map);

    ViewFactory tasks;
    tasks.id = QStringLiteral("hub.tasks");
    tasks.title = tr("Tasks");
    tasks.translatedTitle = [] { return tr("Tasks"); };
    tasks.icon = QStringLiteral(":/hexhub/icons/hub.svg");
    tasks.area = ViewFactory::Area::Dock;
    tasks.permission = QStringLiteral("hub.task.respond");
    tasks.create = [this](QWidget* parent) -> QWidget* {
        return new TaskPanel(*m_hub, [this] { return m_board ? m_board->currentIncident() : 0; }, parent);
    };
    context.addView(tasks);

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
