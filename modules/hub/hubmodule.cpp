#include "hubmodule.h"

#include "error.h"

namespace hexhub::hub {

bool HubModule::initialize(ModuleContext& context, QString& error)
{
    try {
        context.addBundledMigrations();
    } catch (const Error& e) {
        error = e.message();
        return false;
    }
    return true;
}

} // namespace hexhub::hub
