#pragma once

#include "module/module.h"

#include <QPointer>
#include <memory>

namespace hexhub::cases {

struct CaseContext;
class CentreDesk;

/*!
 * Case management: case lifecycle, people in custody with safety timers, seized property and appraisal, fast track, deadlines.
 * Its views so far: the centre's desk (cases, and the custody suite), the suite's wall and dashboard (the case file, the
 * escort team, seized property and the fast track follow with issue 22).
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
    void aboutToShutdown() override;

private:
    //! The centre's desk a palette command acts on (viewInActiveWindow()).
    CentreDesk* currentDesk() const;

    std::unique_ptr<CaseContext> m_context;
    QList<QPointer<CentreDesk>> m_desks;
};

} // namespace hexhub::cases
