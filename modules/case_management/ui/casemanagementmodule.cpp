#include "casemanagementmodule.h"
#include "hexhub/case_management/snapshot.h"

#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/demo.h"
#include "module/demodata.h"

namespace hexhub::cases {

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
