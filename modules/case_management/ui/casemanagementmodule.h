#pragma once

#include "module/module.h"

#include <memory>

namespace hexhub::cases {

struct CaseContext;

/*!
 * Case management: case lifecycle, people in custody with safety timers, seized property and appraisal, fast track, deadlines.
 * Its views so far: the custody suite's wall (the desk, the case file and the rest follow with issue 22).
 */
class CaseManagementModule final : public QObject, public hexhub::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hexhub.Module/1" FILE "../case_management.json")
    Q_INTERFACES(hexhub::Module)
public:
    CaseManagementModule();
    ~CaseManagementModule() override;
    bool initialize(ModuleContext& context, QString& error) override;
    QString displayName() const override;
    QString displayDescription() const override;

private:
    std::unique_ptr<CaseContext> m_context;
};

} // namespace hexhub::cases
