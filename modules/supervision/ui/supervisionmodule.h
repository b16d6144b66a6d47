#pragma once

#include "module/module.h"

namespace hexhub::supervision {

/*!
 * Supervision: public demands from many channels with routing, SLAs and escalation; oversight of service and law-enforcement quality.
 * This first version brings the module's schema and permissions; its screens arrive with later work.
 */
class SupervisionModule final : public QObject, public hexhub::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hexhub.Module/1" FILE "../supervision.json")
    Q_INTERFACES(hexhub::Module)
public:
    bool initialize(ModuleContext& context, QString& error) override;
    QString displayName() const override;
    QString displayDescription() const override;
};

} // namespace hexhub::supervision
