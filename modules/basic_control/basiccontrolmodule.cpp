#include "basiccontrolmodule.h"

namespace hexhub::basiccontrol {

bool BasicControlModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
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
