#include "politicalsecuritymodule.h"

#include "error.h"

namespace hexhub::politicalsecurity {

bool PoliticalSecurityModule::initialize(ModuleContext& context, QString& error)
{
    try {
        context.addBundledMigrations();
    } catch (const Error& e) {
        error = e.message();
        return false;
    }
    return true;
}

} // namespace hexhub::politicalsecurity
