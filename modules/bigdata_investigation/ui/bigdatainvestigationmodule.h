#pragma once

#include "module/module.h"

#include <QPointer>

#include <memory>

namespace hexhub::bigdata {

struct BigDataContext;
class AnalystDesk;

/*!
 * Big-data investigation: datasets imported with their provenance, declarative models run over them,
 * and the hits a person reviews and hands on as leads (issue 20). The analyst's desk is its view.
 */
class BigDataInvestigationModule final : public QObject, public hexhub::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hexhub.Module/1" FILE "../bigdata_investigation.json")
    Q_INTERFACES(hexhub::Module)
public:
    BigDataInvestigationModule();
    ~BigDataInvestigationModule() override;
    bool initialize(ModuleContext& context, QString& error) override;
    void aboutToShutdown() override;
    QString displayName() const override;
    QString displayDescription() const override;

private:
    //! The desk a command acts on: the one in the active window, else the one shown last.
    AnalystDesk* currentDesk() const;

    std::unique_ptr<BigDataContext> m_context;
    //! Every open desk (a window per monitor may hold one each).
    QList<QPointer<AnalystDesk>> m_desks;
};

} // namespace hexhub::bigdata
