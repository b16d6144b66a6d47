#pragma once

#include "module/module.h"

namespace hexhub::bigdata {

/*!
 * Big-data investigation: analytic models over imported records that flag patterns and hand explainable leads to the hub.
 * This first version brings the module's schema and permissions; its screens arrive with later work.
 */
class BigDataInvestigationModule final : public QObject, public hexhub::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hexhub.Module/1" FILE "../bigdata_investigation.json")
    Q_INTERFACES(hexhub::Module)
public:
    bool initialize(ModuleContext& context, QString& error) override;
    QString displayName() const override;
    QString displayDescription() const override;
};

} // namespace hexhub::bigdata
