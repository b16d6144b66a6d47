#pragma once

#include "hubcontext.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QTimer;

namespace hexhub {
class SqlPageModel;
}

namespace hexhub::hub {

class IncidentPanel;

/*!
 * The incident board: every incident, paged through SQL (SqlPageModel), filtered by status,
 * priority, category, centre and time, searched by full text, sorted by any column; the age and the
 * response target tick live on the Clock; rows coloured by priority and by how the response target
 * stands. Beside it, the selected incident (IncidentPanel).
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

    void newIncident();
    void dispatchCurrent();
    void noteCurrent();
    void editCurrent();

private:
    void applyFilter();
    void updateCount();
    QVariant format(const QVariantList& row, int column, int role) const;

    HubContext& m_hub;
    SqlPageModel* m_model;
    QTableView* m_table;
    IncidentPanel* m_panel;
    QLineEdit* m_search;
    QComboBox* m_status;
    QComboBox* m_priority;
    QComboBox* m_category;
    QComboBox* m_centre;
    QComboBox* m_time;
    QLabel* m_count;
    QTimer* m_tick;
    QTimer* m_searchDelay;
    QHash<QString, QString> m_categoryNames;
    qint64 m_pendingSelect = 0;
};

/*!
 * One incident: its details (the reporter's contact masked, revealed with a reason), the units on
 * it with their status and time in status, what the supervisor can do next, the playbook of its
 * category with the steps still open, and the timeline of everything that happened to it.
 */
class IncidentPanel final : public QWidget
{
    Q_OBJECT
public:
    IncidentPanel(HubContext& hub, QWidget* parent = nullptr);

    void show(qint64 incidentId);
    //! Opens the form that changes the incident's priority, category, summary, place and centre.
    void edit();
    qint64 incidentId() const { return m_id; }
    //! Reloads what it shows (an event about it arrived).
    void reload();
    QListWidget* timeline() const { return m_timeline; }
    QListWidget* playbook() const { return m_playbook; }
    QListWidget* unitList() const { return m_units; }
    QLabel* linksLabel() const { return m_links; }

Q_SIGNALS:
    void loaded(qint64 incidentId);

private:
    void moveTo(IncidentStatus status);
    void reveal();
    void link();
    //! The incident's snapshots and clips (MediaViewer).
    void showMedia();
    //! The cameras near the incident, and the button that puts them on the video wall.
    void showCamerasNearby(const Incident& incident, int generation);
    void report(const QString& error);

    HubContext& m_hub;
    qint64 m_id = 0;
    int m_loadGeneration = 0;
    Incident m_incident;
    QLabel* m_title;
    QLabel* m_details;
    QLabel* m_contact;
    QPushButton* m_reveal;
    QLabel* m_links;
    QPushButton* m_edit;
    QPushButton* m_link;
    QPushButton* m_media;
    QLabel* m_cameras;           //!< the cameras near the incident, when it has a position
    QPushButton* m_camerasOnWall;
    QListWidget* m_units;
    QPushButton* m_arrived;
    QPushButton* m_clear;
    QPushButton* m_resolve;
    QPushButton* m_close;
    QPushButton* m_cancel;
    QListWidget* m_playbook;
    QListWidget* m_timeline;
    QLabel* m_error;
    bool m_filling = false;
};

} // namespace hexhub::hub
