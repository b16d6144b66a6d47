#pragma once

#include "hubcontext.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace hexhub::hub {

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
    QComboBox* priorityBox() const { return m_priority; }
    QLineEdit* summaryEdit() const { return m_summary; }

Q_SIGNALS:
    void created(qint64 incidentId);

private:
    void submit();
    void create(qint64 mergeInto);
    std::optional<NewIncident> collect();
    void setBusy(bool busy, const QString& message = {});

    HubContext& m_hub;
    QComboBox* m_priority;
    QComboBox* m_category;
    QComboBox* m_source;
    QLineEdit* m_summary;
    QLineEdit* m_address;
    QLineEdit* m_position;
    QLineEdit* m_contact;
    QComboBox* m_centre;
    QLabel* m_message;
    QListWidget* m_duplicates;
    QDialogButtonBox* m_buttons;
    QPushButton* m_create;
    QPushButton* m_merge;
    bool m_checkedDuplicates = false;
};

} // namespace hexhub::hub
