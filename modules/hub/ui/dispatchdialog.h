#pragma once

#include "hubcontext.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace hexhub::hub {

/*!
 * Dispatch (D on the board): the run card of the incident's category filled with the nearest
 * available units that fit, ranked by travel time (by road on the district's streets once their
 * graph is built, HubContext::districtRoads; in straight lines until then), each with its reason;
 * the lines that cannot be filled are said. Enter dispatches what is ticked (the recommendation,
 * unless changed); Enter typed ahead, before the recommendation is there, dispatches it when it is.
 */
class DispatchDialog final : public QDialog
{
    Q_OBJECT
public:
    DispatchDialog(HubContext& hub, qint64 incidentId, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    //! True once the recommendation is shown.
    bool isReady() const { return m_ready; }

Q_SIGNALS:
    void dispatched(qint64 incidentId, const QStringList& callSigns);
    void ready();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void load();
    void dispatchTicked();

    HubContext& m_hub;
    qint64 m_incidentId;
    QLabel* m_header;
    QListWidget* m_list;
    QLabel* m_message;
    QPushButton* m_dispatch;
    const CommandId m_command = CommandId::make(); //!< one dialog, one dispatch: a retry sends no unit twice
    bool m_ready = false;
    bool m_dispatchWhenReady = false; //!< Enter pressed while the recommendation was being worked out
};

} // namespace hexhub::hub
