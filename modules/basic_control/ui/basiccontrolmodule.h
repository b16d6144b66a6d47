#pragma once

#include "module/module.h"

namespace hexhub::basiccontrol {

/*!
 * Basic control: police stations, patrol beats, units and duty rosters, premises inspections.
 * This first version brings the module's schema and permissions; its screens arrive with later work.
 */
class BasicControlModule final : public QObject, public hexhub::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hexhub.Module/1" FILE "../basic_control.json")
    Q_INTERFACES(hexhub::Module)
public:
    bool initialize(ModuleContext& context, QString& error) override;
    QString displayName() const override;
    QString displayDescription() const override;
};

} // namespace hexhub::basiccontrol
