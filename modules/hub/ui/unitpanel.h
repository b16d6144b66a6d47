#pragma once

#include "hubcontext.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace hexhub::hub {

/*!
 * The unit registry (issue 5, section 4) as a panel: every unit with its kind, status and time in
 * status, home station, crew and skills; a unit is added or changed (hub.unit.manage) and set
 * available, busy or off duty (hub.unit.dispatch; en route and on scene come from dispatching).
 * Live on the bus.
 */
class UnitPanel final : public QWidget
{
    Q_OBJECT
public:
    UnitPanel(HubContext& hub, QWidget* parent = nullptr);
    ~UnitPanel() override;

    QTableWidget* table() const { return m_table; }
    void reload();
    void editUnit(bool adding);

Q_SIGNALS:
    void loaded();

private:
    QString currentCallSign() const;
    void setStatus(UnitStatus status);
    void updateButtons();

    HubContext& m_hub;
    QTableWidget* m_table;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_available;
    QPushButton* m_busy;
    QPushButton* m_offDuty;
    QLabel* m_message;
    QList<Unit> m_units;
};

} // namespace hexhub::hub
