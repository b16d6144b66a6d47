#include "casemanagementmodule.h"
#include "casecontext.h"
#include "casepictures.h"
#include "custodywall.h"
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
    return true;
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
