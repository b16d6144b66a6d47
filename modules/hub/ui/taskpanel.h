#pragma once

#include "hubcontext.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTimer;

namespace hexhub::hub {

//! What the receiving side answers to a task.
enum class TaskResponse { Accept, Progress, Done, Decline };

/*!
 * Answers a task through TaskService: progress asks how far and what was done, declining asks for
 * the reason (both in dialogs over `parent`); an error goes to `report`.
 */
void respondToTask(QWidget* parent, HubContext& hub, qint64 taskId, TaskResponse what, std::function<void(const QString&)> report);

/*!
 * Tasks (issue 5, section 5), a panel for both sides: a hub supervisor issues a task to a centre
 * (for the incident selected on the board, when there is one) and sees every open task; a centre's
 * operator sees the tasks for their centre and accepts, reports progress, completes or declines
 * them with a reason. Everything goes through TaskService (checked, journaled); the list follows the
 * bus.
 */
class TaskPanel final : public QWidget
{
    Q_OBJECT
public:
    TaskPanel(HubContext& hub, std::function<qint64()> currentIncident, QWidget* parent = nullptr);
    ~TaskPanel() override;

    QListWidget* list() const { return m_list; }
    void reload();
    void issue();

Q_SIGNALS:
    void loaded();

private:
    //! The centre whose tasks this operator answers for; empty for the hub (every open task).
    QString ownCentre() const;
    qint64 currentTask() const;
    void act(TaskResponse what);
    void report(const QString& error);
    void updateButtons();

    HubContext& m_hub;
    std::function<qint64()> m_currentIncident;
    QListWidget* m_list;
    QPushButton* m_issue;
    QPushButton* m_accept;
    QPushButton* m_progress;
    QPushButton* m_done;
    QPushButton* m_decline;
    QLabel* m_message;
    QList<Task> m_tasks;
    QString m_shownFor; //!< whose tasks the list shows
};

} // namespace hexhub::hub
