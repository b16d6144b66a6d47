#pragma once

#include "module.h"

namespace hexhub::hub {

/*!
 * Hub: the command brain: every incident, dispatch, tasks to the centres, joint operations, the video wall.
 * This first version brings the module's schema and permissions; its screens arrive with later work.
 */
class HubModule final : public QObject, public hexhub::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hexhub.Module/1" FILE "hub.json")
    Q_INTERFACES(hexhub::Module)
public:
    bool initialize(ModuleContext& context, QString& error) override;
    QString displayName() const override;
    QString displayDescription() const override;
};

} // namespace hexhub::hub
