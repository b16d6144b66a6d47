#include "criminalintelmodule.h"

#include "hexhub/criminal_intel/demo.h"
#include "hexhub/criminal_intel/investigations.h"
#include "hexhub/criminal_intel/leads.h"
#include "hexhub/criminal_intel/offline.h"
#include "intelcontext.h"
#include "inteldashboard.h"
#include "intelpictures.h"
#include "intelwall.h"
#include "investigationpage.h"
#include "leaddesk.h"
#include "linkchart.h"
#include "module/demodata.h"
#include "recordtable.h"
#include "viewsupport.h"

#include <QApplication>
#include <QLabel>

namespace hexhub::criminalintel {

CriminalIntelModule::CriminalIntelModule() = default;
CriminalIntelModule::~CriminalIntelModule() = default;

bool CriminalIntelModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
    // Leads, their links and joint investigations of demo mode.
    context.setDemoData(&writeDemoData);
    context.setSimulationShare(simulationShare());
    context.setEventDescriber(&describeIntelEvent);
    context.setRailBadge(intelRailBadge());
    context.setRecordSearch(&searchLeads);
    context.setPictures(intelPictures());
    // A hit big-data hands on to this centre is its lead in the same transaction.
    context.addReaction(QStringLiteral("model_hit.handed_on"), &takeInHandedOnHit);
    // An incident the hub sends to intelligence is its lead in the hub's transaction, linked back.
    context.addReaction(QStringLiteral("incident.referred"), &takeInReferredIncident);
    // A lead another centre refers is this centre's lead in that centre's transaction.
    context.addReaction(QStringLiteral("lead.referred"), &takeInReferral);
    // What the hub reports on an investigation's tasks, its operation and its proposal reaches the
    // investigation's lines and timeline in the hub's transaction.
    context.addReaction(QStringLiteral("task.updated"), &detail::followHubProgress);
    context.addReaction(QStringLiteral("operation.*"), &detail::followHubProgress);
    // The centre's commands wait in the desk's outbox while the server is away, and go from there.
    registerIntelReplayers(context.outbox(), context.store(), context.session(), context.audit());
    m_context =
        std::make_unique<IntelContext>(context.store(), context.bus(), context.clock(), context.session(), context.audit(), &context.outbox());
    m_context->openRecord = [ctx = &context](const QString& kind, const QString& ref) { return ctx->openRecord(kind, ref); };
    // A lead ("lead 42", a limit's subject "lead:42") opens on the desk from anywhere.
    context.addRecordKind(RecordKind{QStringLiteral("lead"), QStringLiteral("criminal_intel.desk"), [](QWidget* view, const QString& ref) {
                                         auto* desk = qobject_cast<LeadDesk*>(view);
                                         // "42", or a reference "L-2026-00042" (its number is the lead's id).
                                         return desk && desk->openLead(ref.section(QLatin1Char('-'), -1).toLongLong());
                                     }});

    ViewFactory desk;
    desk.id = QStringLiteral("criminal_intel.desk");
    desk.title = tr("Leads");
    desk.translatedTitle = [] { return tr("Leads"); };
    desk.icon = QStringLiteral(":/hexhub/icons/criminal_intel.svg");
    desk.area = ViewFactory::Area::Central;
    desk.permission = QString::fromLatin1(LeadService::kViewPermission);
    desk.create = [this](QWidget* parent) -> QWidget* {
        auto* view = new LeadDesk(*m_context, parent);
        m_desks.removeAll(nullptr);
        m_desks << view;
        return view;
    };
    context.addView(desk);
    // The wall: what a supervisor watches across the room.
    ViewFactory wall;
    wall.id = QStringLiteral("criminal_intel.wall");
    wall.title = tr("Intelligence wall");
    wall.translatedTitle = [] { return tr("Intelligence wall"); };
    wall.icon = QStringLiteral(":/hexhub/icons/criminal_intel.svg");
    wall.area = ViewFactory::Area::Wall;
    wall.permission = QString::fromLatin1(LeadService::kViewPermission);
    wall.create = [this](QWidget* parent) -> QWidget* { return new IntelWall(*m_context, parent); };
    wall.onDefaultWall = false; // a hub supervisor's default wall stays the hub's; the palette adds it
    context.addView(wall);
    // The link chart as a panel of its own: a second chart beside the desk's, or on another screen.
    ViewFactory chart;
    chart.id = QStringLiteral("criminal_intel.chart");
    chart.title = tr("Link chart");
    chart.translatedTitle = [] { return tr("Link chart"); };
    chart.icon = QStringLiteral(":/hexhub/icons/criminal_intel.svg");
    chart.area = ViewFactory::Area::Dock;
    chart.permission = QString::fromLatin1(LeadService::kViewPermission);
    chart.create = [this](QWidget* parent) -> QWidget* {
        auto* view = new LinkChart(*m_context, parent);
        view->setObjectName(QStringLiteral("criminal_intel.chart"));
        return view;
    };
    chart.onDefaultWall = false;
    context.addView(chart);
    // Joint investigations as a panel of their own (the desk's third page, for another screen).
    ViewFactory investigations;
    investigations.id = QStringLiteral("criminal_intel.investigations");
    investigations.title = tr("Joint investigations");
    investigations.translatedTitle = [] { return tr("Joint investigations"); };
    investigations.icon = QStringLiteral(":/hexhub/icons/criminal_intel.svg");
    investigations.area = ViewFactory::Area::Dock;
    investigations.permission = QString::fromLatin1(LeadService::kViewPermission);
    investigations.create = [this, ctx = &context](QWidget* parent) -> QWidget* {
        auto* view = new InvestigationPage(*m_context, parent);
        view->setObjectName(QStringLiteral("criminal_intel.investigations"));
        // C charts it on the desk's link chart.
        connect(view, &InvestigationPage::chartRequested, view,
                [this, ctx](qint64 id, const QString& title, const QList<qint64>& entities, qint64 saved) {
                    if (!currentDesk())
                        ctx->openRecord(QStringLiteral("lead"), QStringLiteral("0"));
                    if (LeadDesk* desk = currentDesk()) {
                        desk->showChart();
                        desk->chart()->chartInvestigation(id, title, entities, saved);
                    }
                });
        return view;
    };
    investigations.onDefaultWall = false;
    context.addView(investigations);
    // The dashboard: the centre's few numbers over a period the analyst picks.
    ViewFactory dashboard;
    dashboard.id = QStringLiteral("criminal_intel.dashboard");
    dashboard.title = tr("Intelligence dashboard");
    dashboard.translatedTitle = [] { return tr("Intelligence dashboard"); };
    dashboard.icon = QStringLiteral(":/hexhub/icons/criminal_intel.svg");
    dashboard.area = ViewFactory::Area::Dock;
    dashboard.permission = QString::fromLatin1(LeadService::kViewPermission);
    dashboard.create = [this](QWidget* parent) -> QWidget* {
        CentreDashboardSpec spec;
        spec.objectName = QStringLiteral("criminal_intel.dashboard");
        spec.store = &m_context->store;
        spec.bus = &m_context->bus;
        spec.clock = &m_context->clock;
        spec.reloadOn = {QStringLiteral("lead.")};
        spec.read = &readIntelDashboard;
        return centreDashboardOrWhy(spec, parent);
    };
    context.addView(dashboard);

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
    const auto onDesk = [this, ctx = &context](std::function<void(LeadDesk*)> action) {
        return [this, ctx, action] {
            if (!currentDesk())
                ctx->openRecord(QStringLiteral("lead"), QStringLiteral("0"));
            if (LeadDesk* desk = currentDesk())
                action(desk);
        };
    };
    command("criminal_intel.tip", tr("Record a tip as a lead"), LeadService::kTriagePermission, "Ctrl+Shift+T",
            onDesk([](LeadDesk* d) { d->recordTip(); }));
    command("criminal_intel.grade", tr("Grade the lead in view"), LeadService::kTriagePermission, "",
            onDesk([](LeadDesk* d) { d->panel()->grade(); }));
    command("criminal_intel.assign", tr("Assign the lead in view to an analyst"), LeadService::kTriagePermission, "",
            onDesk([](LeadDesk* d) { d->panel()->assign(); }));
    command("criminal_intel.move", tr("Move the lead in view (assessing, developing, actioned, closed)"), LeadService::kTriagePermission, "",
            onDesk([](LeadDesk* d) { d->panel()->move(); }));
    command("criminal_intel.merge", tr("Merge the lead in view into the lead it repeats"), LeadService::kTriagePermission, "",
            onDesk([](LeadDesk* d) { d->panel()->merge(); }));
    command("criminal_intel.report", tr("Save the lead in view as a PDF report"), LeadService::kViewPermission, "",
            onDesk([](LeadDesk* d) { d->panel()->saveReport(); }));
    command("criminal_intel.export", tr("Export the leads in view as CSV"), LeadService::kViewPermission, "",
            onDesk([](LeadDesk* d) { d->queue()->exportCsv(); }));
    command("criminal_intel.chart", tr("Chart the lead in view (its entities, one step out)"), LeadService::kViewPermission, "",
            onDesk([](LeadDesk* d) { d->chartLead(); }));
    command("criminal_intel.charts", tr("Open a saved link chart"), LeadService::kViewPermission, "", onDesk([](LeadDesk* d) {
                d->showChart();
                d->chart()->openSaved();
            }));
    command("criminal_intel.investigations", tr("Joint investigations"), LeadService::kViewPermission, "",
            onDesk([](LeadDesk* d) { d->showInvestigations(); }));
    command("criminal_intel.investigate", tr("Investigate the lead in view (its investigation, or a new one)"),
            InvestigationService::kManagePermission, "", onDesk([](LeadDesk* d) {
                d->showLeads();
                d->investigateLead();
            }));
    command("criminal_intel.scheme", tr("Choose the grading scheme (admiralty or 3x5x2)"), LeadService::kSettingsPermission, "",
            onDesk([](LeadDesk* d) { d->chooseScheme(); }));
    return true;
}

LeadDesk* CriminalIntelModule::currentDesk() const
{
    return viewInActiveWindow(m_desks);
}

void CriminalIntelModule::aboutToShutdown()
{
    for (const QPointer<LeadDesk>& desk : std::as_const(m_desks))
        delete desk.data();
    m_desks.clear();
}

QString CriminalIntelModule::displayName() const
{
    return tr("Criminal intelligence");
}

QString CriminalIntelModule::displayDescription() const
{
    return tr("Leads intake and triage, link analysis, joint investigations with a task division across units.");
}

} // namespace hexhub::criminalintel
