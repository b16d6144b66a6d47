#include "casemanagementmodule.h"

#include "casecontext.h"
#include "casedesk.h"
#include "casepictures.h"
#include "centredesk.h"
#include "custodydashboard.h"
#include "custodydesk.h"
#include "escortdesk.h"
#include "custodywall.h"
#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/custody.h"
#include "hexhub/case_management/demo.h"
#include "hexhub/case_management/snapshot.h"
#include "module/demodata.h"
#include "module/extensions.h"
#include "recordtable.h"
#include "viewsupport.h"

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
    m_context = std::make_unique<CaseContext>(context.store(), context.bus(), context.clock(), context.session(), context.audit(), &context.outbox());
    m_context->openRecord = [ctx = &context](const QString& kind, const QString& ref) { return ctx->openRecord(kind, ref); };
    // How its events read on the hub's journal, a case's timeline and the after-action review.
    context.setEventDescriber(&describeCaseEvent);
    context.setPictures(casePictures());
    // On the rail: how many people are in the custody suite now.
    context.setRailBadge(custodyRailBadge());

    // A case ("case 42", a limit's subject "case:42") opens on the cases page from anywhere; a person
    // in custody ("custody 42", a check's subject "custody:42") on the custody suite's page.
    context.addRecordKind(RecordKind{QStringLiteral("case"), QStringLiteral("case_management.desk"), [](QWidget* view, const QString& ref) {
                                         auto* desk = qobject_cast<CentreDesk*>(view);
                                         bool isId = false;
                                         const qint64 id = ref.toLongLong(&isId);
                                         // "case:42" from a deadline; "case C-2026-000042" as people write it in a link.
                                         return desk && (isId ? desk->openCase(id) : desk->findCase(ref));
                                     }});
    context.addRecordKind(RecordKind{QStringLiteral("custody"), QStringLiteral("case_management.desk"), [](QWidget* view, const QString& ref) {
                                         auto* desk = qobject_cast<CentreDesk*>(view);
                                         return desk && desk->openCustody(ref.toLongLong());
                                     }});
    // An escort ("escort 7") on the escort team's board.
    context.addRecordKind(RecordKind{QStringLiteral("escort"), QStringLiteral("case_management.desk"), [](QWidget* view, const QString& ref) {
                                         auto* desk = qobject_cast<CentreDesk*>(view);
                                         if (!desk)
                                             return false;
                                         desk->openEscort(ref.toLongLong()); // made current once the board has read it
                                         return true;
                                     }});

    // The centre's desk: the cases, the soonest limit first, and the custody suite, the next check first.
    ViewFactory desk;
    desk.id = QStringLiteral("case_management.desk");
    desk.title = tr("Cases and custody");
    desk.translatedTitle = [] { return tr("Cases and custody"); };
    desk.icon = QStringLiteral(":/hexhub/icons/case_management.svg");
    desk.area = ViewFactory::Area::Central;
    desk.permission = QString::fromLatin1(CaseService::kViewPermission);
    desk.create = [this](QWidget* parent) -> QWidget* {
        auto* view = new CentreDesk(*m_context, parent);
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

    const auto command = [&context](const char* id, const QString& title, const char* shortcut, std::function<void()> trigger,
                                    const char* permission = CustodyService::kManagePermission) {
        Command c;
        c.id = QString::fromLatin1(id);
        c.title = title;
        c.shortcut = QString::fromLatin1(shortcut);
        c.permission = QString::fromLatin1(permission);
        c.trigger = std::move(trigger);
        context.addCommand(c);
    };
    // A custody command shows the custody page first (the desk opened when it is not in the window).
    const auto onDesk = [this, ctx = &context](std::function<void(CustodyDesk*)> action) {
        return [this, ctx, action] {
            if (!currentDesk())
                ctx->openRecord(QStringLiteral("custody"), QStringLiteral("0"));
            if (CentreDesk* d = currentDesk()) {
                d->showCustody();
                action(d->custody());
            }
        };
    };
    // A case command shows the cases page first.
    const auto onCases = [this, ctx = &context](std::function<void(CaseDesk*)> action) {
        return [this, ctx, action] {
            if (!currentDesk())
                ctx->openRecord(QStringLiteral("case"), QStringLiteral("0"));
            if (CentreDesk* d = currentDesk()) {
                d->showCases();
                action(d->cases());
            }
        };
    };
    // An escort command shows the escort team's board first.
    const auto onEscorts = [this, ctx = &context](std::function<void(EscortDesk*)> action) {
        return [this, ctx, action] {
            if (!currentDesk())
                ctx->openRecord(QStringLiteral("escort"), QStringLiteral("0"));
            if (CentreDesk* d = currentDesk()) {
                d->showEscorts();
                action(d->escorts());
            }
        };
    };
    const char* escort = EscortService::kManagePermission;
    command("case_management.escort_request", tr("Request an escort of a person in custody"), "", onEscorts([](EscortDesk* d) { d->requestEscort(); }),
            escort);
    command("case_management.escort_assign", tr("Assign a crew to the escort in view"), "", onEscorts([](EscortDesk* d) { d->assignCrew(); }), escort);
    command("case_management.escort_depart", tr("Record the escort in view as departed"), "", onEscorts([](EscortDesk* d) { d->depart(); }), escort);
    command("case_management.escort_arrive", tr("Record the escort in view as arrived"), "", onEscorts([](EscortDesk* d) { d->arrive(); }), escort);
    command("case_management.escort_cancel", tr("Cancel the escort in view"), "", onEscorts([](EscortDesk* d) { d->cancelEscort(); }), escort);
    command("case_management.escort_board", tr("Show the escort team's board"), "", onEscorts([](EscortDesk*) {}), CaseService::kViewPermission);
    const char* manage = CaseService::kManagePermission;
    command("case_management.open_case", tr("Open a case"), "", onCases([](CaseDesk* d) { d->openNew(); }), manage);
    command("case_management.case_next", tr("Move the case in view to its next stage"), "", onCases([](CaseDesk* d) { d->panel()->moveOn(); }),
            manage);
    command("case_management.case_close", tr("Close the case in view, with the reason"), "", onCases([](CaseDesk* d) { d->panel()->close(); }),
            manage);
    command("case_management.case_approve", tr("Approve a stage or an extension of the case in view"), "",
            onCases([](CaseDesk* d) { d->panel()->approve(); }), CaseService::kApprovePermission);
    command("case_management.case_start", tr("Start the limits of a summons, questioning, detention or an arrest request"), "",
            onCases([](CaseDesk* d) { d->panel()->startLimits(); }), manage);
    command("case_management.case_meet", tr("Record a limit of the case in view as met"), "", onCases([](CaseDesk* d) { d->panel()->meetLimit(); }),
            manage);
    command("case_management.case_extend", tr("Extend an arrest request or an administrative case's limit"), "",
            onCases([](CaseDesk* d) { d->panel()->extendLimit(); }), manage);
    command("case_management.case_file", tr("Save the case file of the case in view as a PDF"), "",
            onCases([](CaseDesk* d) { d->panel()->saveCaseFile(); }), CaseService::kViewPermission);
    command("case_management.case_fast_track", tr("Put the case in view on the 48-hour fast track"), "",
            onCases([](CaseDesk* d) { d->panel()->fastTrack(); }), manage);
    command("case_management.case_package", tr("Save the case file and status for the prosecution and the court"), "",
            onCases([](CaseDesk* d) { d->panel()->savePartnerPackage(); }), CaseService::kViewPermission);
    command("case_management.guidelines", tr("Open the guidelines library, the case in view's stage first"), "",
            onCases([](CaseDesk* d) { d->panel()->showGuidelines(); }), CaseService::kViewPermission);
    command("case_management.cases_csv", tr("Export the case list in view as CSV"), "", onCases([](CaseDesk* d) { d->list()->exportCsv(); }),
            CaseService::kViewPermission);
    command("case_management.check_in", tr("Book a person into the custody suite"), "Ctrl+Shift+B", onDesk([](CustodyDesk* d) { d->checkIn(); }));
    command("case_management.check", tr("Welfare check of the person in view"), "", onDesk([](CustodyDesk* d) { d->panel()->check(); }));
    command("case_management.move", tr("Take the person in view to another room"), "", onDesk([](CustodyDesk* d) { d->panel()->move(); }));
    command("case_management.interview", tr("Start or end the interview of the person in view"), "",
            onDesk([](CustodyDesk* d) { d->panel()->interview(); }));
    command("case_management.care", tr("Record a meal, rest or care given to the person in view"), "",
            onDesk([](CustodyDesk* d) { d->panel()->care(); }));
    command("case_management.risk", tr("Assess the risk of the person in view again"), "", onDesk([](CustodyDesk* d) { d->panel()->assessRisk(); }));
    command("case_management.apart", tr("Keep the person in view apart from another"), "", onDesk([](CustodyDesk* d) { d->panel()->keepApart(); }));
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

CentreDesk* CaseManagementModule::currentDesk() const
{
    return viewInActiveWindow(m_desks);
}

void CaseManagementModule::aboutToShutdown()
{
    for (const QPointer<CentreDesk>& desk : std::as_const(m_desks))
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
