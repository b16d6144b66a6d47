#pragma once

#include "hubcontext.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace hexhub {
class RecordTable;
class SqlPageModel;
}

namespace hexhub::hub {

class IncidentPanel;

/*!
 * The incident board: every incident, paged through SQL (SqlPageModel), filtered by status,
 * priority, category, centre and time, searched by full text, sorted by any column; the age and the
 * response target tick live on the Clock; rows coloured by priority and by how the response target
 * stands. Beside it, the selected incident (IncidentPanel). Built on the record table + detail
 * pattern every module's lists use (RecordTable).
 *
 * Keyboard: F2 new incident (the hub's command, window-wide), Enter opens the selected incident in
 * the panel, D dispatches the recommendation, N adds a note, E changes the incident, Ctrl+F searches,
 * F5 reloads.
 */
class IncidentBoard final : public QWidget
{
    Q_OBJECT
public:
    enum Column { Number, Priority, Status, Category, Summary, Address, Centre, Received, Response, ColumnCount };

    IncidentBoard(HubContext& hub, QWidget* parent = nullptr);
    ~IncidentBoard() override;

    QTableView* table() const { return m_table; }
    SqlPageModel* model() const { return m_model; }
    IncidentPanel* panel() const { return m_panel; }
    //! The selected incident, or 0.
    qint64 currentIncident() const;
    //! Selects the incident when it is among the loaded rows (after creating one, for example).
    void selectIncident(qint64 id);
    //! Opens incident `number` ("2026-000123") beside the board, found off the GUI thread; false for
    //! what is not an incident number. Says on the board when there is no such incident.
    bool openNumber(const QString& number);

    void newIncident();
    void dispatchCurrent();
    void noteCurrent();
    //! I: sends the current incident to criminal intelligence, asking what it should look at.
    void sendCurrentToIntelligence();
    void editCurrent();

private:
    void applyFilter();
    QVariant format(const QVariantList& row, int column, int role) const;

    HubContext& m_hub;
    RecordTable* m_records;
    SqlPageModel* m_model;
    QTableView* m_table;
    IncidentPanel* m_panel;
    QLineEdit* m_search;
    QComboBox* m_status;
    QComboBox* m_priority;
    QComboBox* m_category;
    QComboBox* m_centre;
    QComboBox* m_time;
    QHash<QString, QString> m_categoryNames;
};

} // namespace hexhub::hub
