#pragma once

#include "hubcontext.h"
#include "recorddetail.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace hexhub::hub {

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
    void link();
    //! The incident's snapshots and clips (MediaViewer).
    void showMedia();
    //! The cameras near the incident, and the button that puts them on the video wall.
    void showCamerasNearby(const Incident& incident, quint64 generation);
    void report(const QString& error);

    HubContext& m_hub;
    qint64 m_id = 0;
    LatestRead m_loads; //!< the incident's reads: an answer for an incident shown before is dropped
    Incident m_incident;
    QLabel* m_title;
    QLabel* m_details;
    MaskedField* m_contact;
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
    JournalTimeline* m_timeline;
    QLabel* m_error;
    bool m_filling = false;
};

} // namespace hexhub::hub
