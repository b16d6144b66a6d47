#include "casemanagementmodule.h"
#include "casecontext.h"
#include "casepictures.h"
#include "custodydashboard.h"
#include "custodydesk.h"
#include "custodywall.h"
#include "recordtable.h"
#include "viewsupport.h"
#include "hexhub/case_management/snapshot.h"

#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/custody.h"
#include "hexhub/case_management/demo.h"
#include "module/demodata.h"
#include "module/extensions.h"

namespace hexhub::cases {

CaseManagementModule::CaseManagementModule() = default;
CaseManagementModule::~CaseManagementModule() = default;

bool CaseManagementModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
    // Cases, custody and seized property of demo mode.
    context.setDemoData(&writeDemoData);
    // Its records for analysis (the big-data centre takes them as a dataset).
    context.addSnapshotSource(caseSnapshotSource());
    context.setSimulationShare(simulationShare());
    // The centre's commands wait in the desk's outbox while the server is away, and go from there.
    registerCaseReplayers(context.outbox(), context.store(), context.session(), context.audit());
    registerCustodyReplayers(context.outbox(), context.store(), context.session(), context.audit());
    m_context = std::make_unique<CaseContext>(context.store(), context.bus(), context.clock(), context.session(), context.audit(),
                                              &context.outbox());
    context.setPictures(casePictures());
    // On the rail: how many people are in the custody suite now.
    context.setRailBadge(custodyRailBadge());

    // A person in custody ("custody 42", a check's subject "custody:42") opens on the custody desk from anywhere.
    context.addRecordKind(RecordKind{QStringLiteral("custody"), QStringLiteral("case_management.custody"), [](QWidget* view, const QString& ref) {
                                         auto* desk = qobject_cast<CustodyDesk*>(view);
                                         return desk && desk->openCustody(ref.toLongLong());
                                     }});

    // The custody desk: everyone booked in, the next check first, the person in view with their record.
    ViewFactory desk;
    desk.id = QStringLiteral("case_management.custody");
    desk.title = tr("Custody");
    desk.translatedTitle = [] { return tr("Custody"); };
    desk.icon = QStringLiteral(":/hexhub/icons/case_management.svg");
    desk.area = ViewFactory::Area::Central;
    desk.permission = QString::fromLatin1(CustodyService::kViewPermission);
    desk.create = [this](QWidget* parent) -> QWidget* {
        auto* view = new CustodyDesk(*m_context, parent);
        m_desks.removeAll(nullptr);
        m_desks << view;
        return view;
    };
    context.addView(desk);

    // The custody suite on a big screen: everyone held, where, for how long, the next check.
    ViewFactory wall;
    wall.id = QStringLiteral("case_management.custody_wall");
    wall.title = tr("Custody suite");
    wall.translatedTitle = [] { return tr("Custody suite"); };
    wall.icon = QStringLiteral(":/hexhub/icons/case_management.svg");
    wall.area = ViewFactory::Area::Wall;
    wall.permission = QString::fromLatin1(CustodyService::kViewPermission);
    wall.create = [this](QWidget* parent) -> QWidget* { return new CustodyWall(*m_context, parent); };
    wall.onDefaultWall = false; // a hub supervisor's default wall stays the hub's; the palette adds it
    context.addView(wall);
    // The dashboard: the suite's few numbers over a period the supervisor picks.
    ViewFactory dashboard;
    dashboard.id = QStringLiteral("case_management.dashboard");
    dashboard.title = tr("Custody dashboard");
    dashboard.translatedTitle = [] { return tr("Custody dashboard"); };
    dashboard.icon = QStringLiteral(":/hexhub/icons/case_management.svg");
    dashboard.area = ViewFactory::Area::Dock;
    dashboard.permission = QString::fromLatin1(CustodyService::kViewPermission);
    dashboard.create = [this](QWidget* parent) -> QWidget* {
        CentreDashboardSpec spec;
        spec.objectName = QStringLiteral("case_management.dashboard");
        spec.store = &m_context->store;
        spec.bus = &m_context->bus;
        spec.clock = &m_context->clock;
        spec.reloadOn = {QStringLiteral("custody.")};
        spec.read = &readCustodyDashboard;
        return centreDashboardOrWhy(spec, parent);
    };
    dashboard.onDefaultWall = false;
    context.addView(dashboard);

    const auto command = [&context](const char* id, const QString& title, const char* shortcut, std::function<void()> trigger) {
        Command c;
        c.id = QString::fromLatin1(id);
        c.title = title;
        c.shortcut = QString::fromLatin1(shortcut);
        c.permission = QString::fromLatin1(CustodyService::kManagePermission);
        c.trigger = std::move(trigger);
        context.addCommand(c);
    };
    const auto onDesk = [this, ctx = &context](std::function<void(CustodyDesk*)> action) {
        return [this, ctx, action] {
            if (!currentDesk())
                ctx->openRecord(QStringLiteral("custody"), QStringLiteral("0"));
            if (CustodyDesk* d = currentDesk())
                action(d);
        };
    };
    command("case_management.check_in", tr("Book a person into the custody suite"), "Ctrl+Shift+B", onDesk([](CustodyDesk* d) { d->checkIn(); }));
    command("case_management.check", tr("Welfare check of the person in view"), "", onDesk([](CustodyDesk* d) { d->panel()->check(); }));
    command("case_management.move", tr("Take the person in view to another room"), "", onDesk([](CustodyDesk* d) { d->panel()->move(); }));
    command("case_management.interview", tr("Start or end the interview of the person in view"), "",
            onDesk([](CustodyDesk* d) { d->panel()->interview(); }));
    command("case_management.care", tr("Record a meal, rest or care given to the person in view"), "",
            onDesk([](CustodyDesk* d) { d->panel()->care(); }));
    command("case_management.risk", tr("Assess the risk of the person in view again"), "",
            onDesk([](CustodyDesk* d) { d->panel()->assessRisk(); }));
    command("case_management.apart", tr("Keep the person in view apart from another"), "",
            onDesk([](CustodyDesk* d) { d->panel()->keepApart(); }));
    command("case_management.release", tr("Release, transfer or hand over the person in view"), "",
            onDesk([](CustodyDesk* d) { d->panel()->release(); }));
    // Reading and printing need only the view permission.
    Command ledger;
    ledger.id = QStringLiteral("case_management.record");
    ledger.title = tr("Save the custody record of the person in view as a PDF");
    ledger.permission = QString::fromLatin1(CustodyService::kViewPermission);
    ledger.trigger = onDesk([](CustodyDesk* d) { d->panel()->saveRecord(); });
    context.addCommand(ledger);
    Command list;
    list.id = QStringLiteral("case_management.custody_csv");
    list.title = tr("Export the custody list in view as CSV");
    list.permission = QString::fromLatin1(CustodyService::kViewPermission);
    list.trigger = onDesk([](CustodyDesk* d) { d->list()->exportCsv(); });
    context.addCommand(list);
    return true;
}

CustodyDesk* CaseManagementModule::currentDesk() const
{
    return viewInActiveWindow(m_desks);
}

void CaseManagementModule::aboutToShutdown()
{
    for (const QPointer<CustodyDesk>& desk : std::as_const(m_desks))
        delete desk.data();
    m_desks.clear();
}

QString CaseManagementModule::displayName() const
{
    return tr("Case management");
}

QString CaseManagementModule::displayDescription() const
{
    return tr("Case lifecycle, people in custody with safety timers, seized property and appraisal, fast track, deadlines.");
}

} // namespace hexhub::cases
