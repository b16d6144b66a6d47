#pragma once

#include "hubcontext.h"

#include <QComboBox>
#include <QDialog>
#include <QWidget>

class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;
class QTreeWidget;

namespace hexhub::hub {

/*!
 * Whom a task goes to: the six centres, then every unit by call sign (read off the GUI thread; the
 * units arrive a moment after the box is shown). The current item's kind and id are assigneeKind()
 * and assignee().
 */
class AssigneeBox final : public QComboBox
{
    Q_OBJECT
public:
    AssigneeBox(HubContext& hub, QWidget* parent = nullptr);

    AssigneeKind assigneeKind() const;
    QString assignee() const;
    //! Selects a centre or unit by its id; false when it is not (yet) listed.
    bool select(AssigneeKind kind, const QString& id);
    //! Whom a task is for, in the user's language: a centre's name or a unit's call sign.
    static QString describe(AssigneeKind kind, const QString& assignee);

Q_SIGNALS:
    void unitsLoaded();
};

/*!
 * Plans a cluster operation (issue 5, section 5): its name, objective and go time, the incident it
 * belongs to, and the task division (who does what, where, when): lines composed above the list and
 * added with Enter, removed with Delete. Ctrl+Enter plans it; a go time already past starts it at
 * once.
 */
class OperationPlanner final : public QDialog
{
    Q_OBJECT
public:
    OperationPlanner(HubContext& hub, qint64 incidentId, QWidget* parent = nullptr);

    QLineEdit* nameEdit() const { return m_name; }
    AssigneeBox* whoBox() const { return m_who; }
    QLineEdit* whatEdit() const { return m_what; }
    QLineEdit* whereEdit() const { return m_where; }
    QSpinBox* startsBox() const { return m_starts; }
    QSpinBox* dueBox() const { return m_due; }
    QTreeWidget* division() const { return m_division; }
    QLabel* message() const { return m_message; }
    void addLine();
    void plan();

Q_SIGNALS:
    void planned(qint64 operationId);

private:
    HubContext& m_hub;
    qint64 m_incident;
    QLineEdit* m_name;
    QLineEdit* m_objective;
    QDateTimeEdit* m_goAt;
    AssigneeBox* m_who;
    QLineEdit* m_what;
    QLineEdit* m_where;
    QSpinBox* m_starts;
    QSpinBox* m_due;
    QComboBox* m_priority;
    QTreeWidget* m_division;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    const CommandId m_command = CommandId::make(); //!< one plan, one operation: a retry plans nothing twice
    QList<NewTask> m_tasks;
};

/*!
 * The operations a supervisor runs (view "hub.operations", for a desk or a wall): each planned or
 * running operation with its go time counting down or its running time, and how far its tasks are;
 * the selected one's task division live, line by line, as the units and centres report. From here
 * an operation is planned, started at go, completed or cancelled, and a unit's report recorded on
 * its task.
 */
class OperationsPanel final : public QWidget
{
    Q_OBJECT
public:
    OperationsPanel(HubContext& hub, std::function<qint64()> currentIncident, QWidget* parent = nullptr);
    ~OperationsPanel() override;

    QTreeWidget* operationList() const { return m_list; }
    QTreeWidget* division() const { return m_division; }
    QProgressBar* progressBar() const { return m_bar; }
    QLabel* summary() const { return m_summary; }
    void reload();
    void planNew();
    void goNow();
    void finish(OperationStatus how);
    //! A proposal awaiting review (a row "awaiting review" at the top of the list): approved at a
    //! go time the supervisor sets in a dialog (objectName "hub.approveOperation"), or rejected with
    //! a reason ("hub.rejectOperation").
    void approveProposal();
    void rejectProposal();

Q_SIGNALS:
    void loaded();

private:
    void loadOperations(int generation);
    qint64 currentOperation() const;
    qint64 currentProposal() const;
    qint64 currentTask() const;
    void showProposal(const OperationProposal& proposal);
    void showOperation();
    void refreshTimes();
    void updateButtons();
    void report(const QString& error);

    HubContext& m_hub;
    std::function<qint64()> m_currentIncident;
    QTreeWidget* m_list;
    QLabel* m_objective;
    QLabel* m_summary;
    QProgressBar* m_bar;
    QTreeWidget* m_division;
    QPushButton* m_plan;
    QPushButton* m_go;
    QPushButton* m_complete;
    QPushButton* m_cancel;
    QPushButton* m_approve;
    QPushButton* m_reject;
    QPushButton* m_taskAccept;
    QPushButton* m_taskDone;
    QPushButton* m_taskProgress;
    QPushButton* m_taskDecline;
    QLabel* m_message;
    QTimer* m_tick;
    QList<Operation> m_operations;
    QList<OperationProposal> m_proposals; //!< awaiting review, shown first
    QHash<qint64, OperationProgress> m_progress;
    QList<Task> m_tasks;
    int m_generation = 0;
    qint64 m_shownOperation = -1;
};

} // namespace hexhub::hub
