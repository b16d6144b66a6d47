#include "hubmodule.h"

namespace hexhub::hub {

bool HubModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
    return true;
}

QString HubModule::displayName() const
{
    return tr("Hub");
}

QString HubModule::displayDescription() const
{
    return tr("The command brain: every incident, dispatch, tasks to the centres, joint operations, the video wall.");
}

} // namespace hexhub::hub
