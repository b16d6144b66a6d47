#pragma once

#include "module/module.h"

#include <QPointer>

#include <memory>

namespace hexhub::criminalintel {

struct IntelContext;
class LeadDesk;

/*!
 * Criminal intelligence: leads taken in (hits big-data hands on, tips), graded, triaged against
 * their limits, assigned, merged (issue 21). The leads desk is its view.
 */
class CriminalIntelModule final : public QObject, public hexhub::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hexhub.Module/1" FILE "../criminal_intel.json")
    Q_INTERFACES(hexhub::Module)
public:
    CriminalIntelModule();
    ~CriminalIntelModule() override;
    bool initialize(ModuleContext& context, QString& error) override;
    void aboutToShutdown() override;
    QString displayName() const override;
    QString displayDescription() const override;

private:
    //! The desk a command acts on: the one in the active window, else the one shown last.
    LeadDesk* currentDesk() const;

    std::unique_ptr<IntelContext> m_context;
    QList<QPointer<LeadDesk>> m_desks;
};

} // namespace hexhub::criminalintel
