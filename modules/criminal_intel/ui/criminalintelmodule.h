#pragma once

#include "module/module.h"

namespace hexhub::criminalintel {

/*!
 * Criminal intelligence: leads intake and triage, link analysis, joint investigations with a task division across units.
 * This first version brings the module's schema and permissions; its screens arrive with later work.
 */
class CriminalIntelModule final : public QObject, public hexhub::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hexhub.Module/1" FILE "../criminal_intel.json")
    Q_INTERFACES(hexhub::Module)
public:
    bool initialize(ModuleContext& context, QString& error) override;
    QString displayName() const override;
    QString displayDescription() const override;
};

} // namespace hexhub::criminalintel
