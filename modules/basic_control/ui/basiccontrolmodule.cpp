#include "basiccontrolmodule.h"

#include "hexhub/basic_control/demo.h"
#include "module/demodata.h"

namespace hexhub::basiccontrol {

bool BasicControlModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
    // Stations, beats, the duty roster and inspections of demo mode.
    context.setDemoData(&writeDemoData);
    context.setSimulationShare(simulationShare());
    return true;
}

QString BasicControlModule::displayName() const
{
    return tr("Basic control");
}

QString BasicControlModule::displayDescription() const
{
    return tr("Police stations, patrol beats, units and duty rosters, premises inspections.");
}

} // namespace hexhub::basiccontrol
