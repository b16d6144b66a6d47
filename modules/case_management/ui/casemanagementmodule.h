#pragma once

#include "module/module.h"

namespace hexhub::cases {

/*!
 * Case management: case lifecycle, people in custody with safety timers, seized property and appraisal, fast track, deadlines.
 * This first version brings the module's schema and permissions; its screens arrive with later work.
 */
class CaseManagementModule final : public QObject, public hexhub::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hexhub.Module/1" FILE "../case_management.json")
    Q_INTERFACES(hexhub::Module)
public:
    bool initialize(ModuleContext& context, QString& error) override;
    QString displayName() const override;
    QString displayDescription() const override;
};

} // namespace hexhub::cases
