#include "politicalsecuritymodule.h"

#include "hexhub/political_security/demo.h"
#include "module/demodata.h"

namespace hexhub::politicalsecurity {

bool PoliticalSecurityModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
    // Protected sites, security plans and posts of demo mode.
    context.setDemoData(&writeDemoData);
    context.setSimulationShare(simulationShare());
    return true;
}

QString PoliticalSecurityModule::displayName() const
{
    return tr("Political security joint control");
}

QString PoliticalSecurityModule::displayDescription() const
{
    return tr("Security for major events and protected sites: plans, perimeters, posts, joint agencies, live event picture.");
}

} // namespace hexhub::politicalsecurity
