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

namespace hexhub {
class AddressIndex;
class ChoiceField;
class MapView;
} // namespace hexhub

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
    //! The priority row alone (P1 to P4; digits and Alt+1 to Alt+4 set it, as the user's choice).
    void addPriority(QFormLayout* form, QWidget* owner, QWidget* row = nullptr);
    void addSummaryAndPlace(QFormLayout* form, QWidget* owner);
    void addCentre(QFormLayout* form, QWidget* owner);
    /*!
     * Reads the categories (off the GUI thread) into the category box (when there is one) and enables
     * it, then calls `then` with them; when they cannot be read, says why in `message`. Ends with `owner`.
     */
    void loadCategories(HubContext& hub, QObject* owner, QLabel* message,
                        std::function<void(const QList<IncidentCategory>&)> then = {});
};

/*!
 * The new-incident form (F2), for a call-taker on the keyboard (issue 19): the summary first, then the
 * category found by typing a few letters of its name or code (or suggested from the summary's words,
 * shown with them, taken only by moving onto it), the place as the caller says it (a landmark, a
 * street and number, a crossing, coordinates or an earlier incident's address, resolved by the
 * district's address index as it is typed and shown on a small map; an unknown place is allowed and
 * said), and the priority, which the category proposes and one key sets from anywhere in the form.
 * Every field is reachable by Tab; Enter creates. Before creating it asks
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
    QLineEdit* summaryEdit() const { return m_summary; }
    ChoiceField* categoryField() const { return m_category; }
    ChoiceField* placeField() const { return m_place; }

Q_SIGNALS:
    void created(qint64 incidentId);
    //! The server was away: the incident is kept on this desk and created when it is back.
    void queued();

private:
    void submit();
    void create(qint64 mergeInto);
    std::optional<NewIncident> collect();
    void setBusy(bool busy, const QString& message = {});

    void findCategories();
    void findPlaces();
    void placeChosen();
    void suggestCategory();
    void proposePriority();

    HubContext& m_hub;
    IncidentFields m_fields; // the priority and the centre
    QLineEdit* m_summary;
    ChoiceField* m_category;
    ChoiceField* m_place;
    QLineEdit* m_position;
    MapView* m_preview;
    QLabel* m_previewCaption;
    QLabel* m_priorityNote;
    QList<IncidentCategory> m_categories;
    std::shared_ptr<const AddressIndex> m_index;
    bool m_indexRead = false;
    bool m_priorityByHand = false;
    //! The place taken from the list, whose position is in Position (detail may be added to its
    //! text); empty once the position is typed by hand or the place typed over.
    QString m_placeTaken;
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
