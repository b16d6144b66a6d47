#include "basiccontrolmodule.h"

namespace hexhub::basiccontrol {

bool BasicControlModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
    return true;
}

} // namespace hexhub::basiccontrol
