#include "casemanagementmodule.h"

#include "error.h"

namespace hexhub::cases {

bool CaseManagementModule::initialize(ModuleContext& context, QString& error)
{
    try {
        context.addBundledMigrations();
    } catch (const Error& e) {
        error = e.message();
        return false;
    }
    return true;
}

} // namespace hexhub::cases
