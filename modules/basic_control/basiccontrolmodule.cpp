#include "basiccontrolmodule.h"

#include "error.h"

namespace hexhub::basiccontrol {

bool BasicControlModule::initialize(ModuleContext& context, QString& error)
{
    try {
        context.addBundledMigrations();
    } catch (const Error& e) {
        error = e.message();
        return false;
    }
    return true;
}

} // namespace hexhub::basiccontrol
