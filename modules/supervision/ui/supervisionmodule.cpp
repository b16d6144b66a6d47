#include "supervisionmodule.h"
#include "hexhub/supervision/snapshot.h"

#include "hexhub/supervision/demo.h"
#include "module/demodata.h"

namespace hexhub::supervision {

bool SupervisionModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
    // Public demands and their history of demo mode.
    context.setDemoData(&writeDemoData);
    // Its records for analysis (the big-data centre takes them as a dataset).
    context.addSnapshotSource(demandSnapshotSource());
    context.setSimulationShare(simulationShare());
    return true;
}

QString SupervisionModule::displayName() const
{
    return tr("Supervision");
}

QString SupervisionModule::displayDescription() const
{
    return tr("Public demands from many channels with routing, SLAs and escalation; oversight of service and law-enforcement quality.");
}

} // namespace hexhub::supervision
