#include "bigdatainvestigationmodule.h"

#include "hexhub/bigdata_investigation/demo.h"
#include "module/demodata.h"

namespace hexhub::bigdata {

bool BigDataInvestigationModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
    // Models, imported record sets and their alerts of demo mode.
    context.setDemoData(&writeDemoData);
    context.setSimulationShare(simulationShare());
    return true;
}

QString BigDataInvestigationModule::displayName() const
{
    return tr("Big-data investigation");
}

QString BigDataInvestigationModule::displayDescription() const
{
    return tr("Analytic models over imported records that flag patterns and hand explainable leads to the hub.");
}

} // namespace hexhub::bigdata
