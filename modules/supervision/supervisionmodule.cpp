#include "supervisionmodule.h"

#include "error.h"

namespace hexhub::supervision {

bool SupervisionModule::initialize(ModuleContext& context, QString& error)
{
    try {
        context.addBundledMigrations();
    } catch (const Error& e) {
        error = e.message();
        return false;
    }
    return true;
}

} // namespace hexhub::supervision
