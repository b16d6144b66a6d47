#include "criminalintelmodule.h"

#include "hexhub/criminal_intel/demo.h"
#include "module/demodata.h"

namespace hexhub::criminalintel {

bool CriminalIntelModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
    // Leads, their links and joint investigations of demo mode.
    context.setDemoData(&writeDemoData);
    context.setSimulationShare(simulationShare());
    return true;
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
