#pragma once

#include "module/module.h"

#include <QPointer>

#include <memory>

namespace hexhub::hub {

struct HubContext;
class IncidentBoard;

/*!
 * Hub: the command brain: every incident, dispatch, tasks to the centres, joint operations. Brings
 * the hub's schema and permissions, the incident board (its central view) and the window-wide
 * F2 command for a new incident.
 */
class HubModule final : public QObject, public hexhub::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hexhub.Module/1" FILE "../hub.json")
    Q_INTERFACES(hexhub::Module)
public:
    HubModule();
    ~HubModule() override;
    bool initialize(ModuleContext& context, QString& error) override;
    QString displayName() const override;
    QString displayDescription() const override;
    void aboutToShutdown() override;

private:
    void newIncident();
    //! The incident selected on the board; 0 without a board or a selection.
    qint64 currentIncident() const;

    std::unique_ptr<HubContext> m_hub;
    QPointer<IncidentBoard> m_board;
};

} // namespace hexhub::hub
