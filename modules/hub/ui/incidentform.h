#pragma once

#include "hubcontext.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace hexhub::hub {

/*!
 * What an incident is about, as the new-incident form and the edit form both ask it: priority (P1 to
 * P4), category, summary, address, position and handling centre, each with its object name (for tests
 * and for what the board prefills). Each add* call puts its rows on the form, so a form can put its own
 * rows between them.
 */
struct IncidentFields
{
    QComboBox* priority = nullptr;
    QComboBox* category = nullptr; //!< disabled until loadCategories() fills it
    QLineEdit* summary = nullptr;
    QLineEdit* address = nullptr;
    QLineEdit* position = nullptr;
    QComboBox* centre = nullptr;

    void addPriorityAndCategory(QFormLayout* form, QWidget* owner);
    void addSummaryAndPlace(QFormLayout* form, QWidget* owner);
    void addCentre(QFormLayout* form, QWidget* owner);
    /*!
     * Reads the categories (off the GUI thread) into the category box and enables it, then calls
     * `then` with them; when they cannot be read, says why in `message`. Ends with `owner`.
     */
    void loadCategories(HubContext& hub, QObject* owner, QLabel* message,
                        std::function<void(const QList<IncidentCategory>&)> then = {});
};

/*!
 * The new-incident form (F2): every field reachable by Tab, Enter creates. Before creating it asks
 * for open incidents of the same category nearby in the last 30 minutes; when there are, it lists
 * them and offers to add the call to one of them (the new incident is created and merged into it,
 * so both timelines stay) or to create it anyway.
 */
class IncidentForm final : public QDialog
{
    Q_OBJECT
public:
    IncidentForm(HubContext& hub, QWidget* parent = nullptr);

    //! The form's fields, for tests and for the board to prefill.
    QComboBox* priorityBox() const { return m_fields.priority; }
    QLineEdit* summaryEdit() const { return m_fields.summary; }

Q_SIGNALS:
    void created(qint64 incidentId);
    //! The server was away: the incident is kept on this desk and created when it is back.
    void queued();

private:
    void submit();
    void create(qint64 mergeInto);
    std::optional<NewIncident> collect();
    void setBusy(bool busy, const QString& message = {});

    HubContext& m_hub;
    IncidentFields m_fields;
    QComboBox* m_source;
    QLineEdit* m_contact;
    QLabel* m_message;
    QListWidget* m_duplicates;
    QDialogButtonBox* m_buttons;
    QPushButton* m_create;
    QPushButton* m_merge;
    // One draft is one command: pressing Create again after a lost answer or a failed merge makes
    // no second incident.
    const CommandId m_createCommand = CommandId::make();
    const CommandId m_mergeCommand = CommandId::make();
    bool m_checkedDuplicates = false;
};

} // namespace hexhub::hub
