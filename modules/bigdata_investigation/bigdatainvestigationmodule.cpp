#include "bigdatainvestigationmodule.h"

#include "error.h"

namespace hexhub::bigdata {

bool BigDataInvestigationModule::initialize(ModuleContext& context, QString& error)
{
    try {
        context.addBundledMigrations();
    } catch (const Error& e) {
        error = e.message();
        return false;
    }
    return true;
}

} // namespace hexhub::bigdata
