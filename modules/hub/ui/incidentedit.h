#pragma once

#include "incidentform.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hexhub::hub {

/*!
 * Changes what an incident is about (E on the board): priority, category, summary, address, place,
 * handling centre. The change carries the version the operator saw; when someone else changed the
 * incident meanwhile, the form says so, shows the incident as it is now and keeps what the operator
 * typed in the fields they changed, so nothing is lost and nothing is overwritten unseen.
 */
class IncidentEditDialog final : public QDialog
{
    Q_OBJECT
public:
    IncidentEditDialog(HubContext& hub, const Incident& incident, QWidget* parent = nullptr);

    QComboBox* priorityBox() const { return m_fields.priority; }
    QLineEdit* summaryEdit() const { return m_fields.summary; }
    QLabel* message() const { return m_message; }

Q_SIGNALS:
    void saved(const Incident& incident);

private:
    void fill(const Incident& incident);
    void submit();

    HubContext& m_hub;
    Incident m_seen; //!< the incident as the operator last saw it
    IncidentFields m_fields;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
};

/*!
 * Links an incident to a lead, a case, a complaint or another incident by its reference (Alt+K in
 * the incident panel). The link goes on the incident's timeline.
 */
class LinkDialog final : public QDialog
{
    Q_OBJECT
public:
    LinkDialog(HubContext& hub, qint64 incidentId, QWidget* parent = nullptr);

    QComboBox* kindBox() const { return m_kind; }
    QLineEdit* referenceEdit() const { return m_ref; }

private:
    HubContext& m_hub;
    qint64 m_id;
    QComboBox* m_kind;
    QLineEdit* m_ref;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
};

//! A link's kind in the user's language: lead, case, complaint, incident.
QString linkKindName(const QString& kind);

} // namespace hexhub::hub
