#include "criminalintelmodule.h"

#include "error.h"

namespace hexhub::criminalintel {

bool CriminalIntelModule::initialize(ModuleContext& context, QString& error)
{
    try {
        context.addBundledMigrations();
    } catch (const Error& e) {
        error = e.message();
        return false;
    }
    return true;
}

} // namespace hexhub::criminalintel
