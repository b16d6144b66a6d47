#include "incidentedit.h"

#include "base/error.h"
#include "base/whenfinished.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hexhub::hub {

namespace {

QString positionText(const std::optional<GeoPoint>& point)
{
    return point ? QStringLiteral("%1, %2").arg(point->latitude, 0, 'f', 5).arg(point->longitude, 0, 'f', 5) : QString();
}

} // namespace

QString linkKindName(const QString& kind)
{
    if (kind == QLatin1String("lead"))
        return IncidentEditDialog::tr("lead");
    if (kind == QLatin1String("case"))
        return IncidentEditDialog::tr("case");
    if (kind == QLatin1String("complaint"))
        return IncidentEditDialog::tr("complaint");
    if (kind == QLatin1String("incident"))
        return IncidentEditDialog::tr("incident");
    return kind;
}

IncidentEditDialog::IncidentEditDialog(HubContext& hub, const Incident& incident, QWidget* parent)
    : QDialog(parent)
    , m_hub(hub)
    , m_seen(incident)
{
    setObjectName(QStringLiteral("hub.incidentEdit"));
    setWindowTitle(tr("Change incident %1").arg(incident.number));
    auto* form = new QFormLayout;
    m_fields.addPriorityAndCategory(form, this);
    m_fields.addSummaryAndPlace(form, this);
    m_fields.addCentre(form, this);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("&Save"));
    m_buttons->button(QDialogButtonBox::Save)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &IncidentEditDialog::submit);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    fill(incident);
    m_fields.summary->setFocus();

    m_fields.loadCategories(m_hub, this, m_message, [this](const QList<IncidentCategory>&) {
        m_fields.category->setCurrentIndex(m_fields.category->findData(m_seen.category));
    });
}

void IncidentEditDialog::fill(const Incident& i)
{
    m_fields.priority->setCurrentIndex(m_fields.priority->findData(i.priority));
    if (m_fields.category->count() > 0)
        m_fields.category->setCurrentIndex(m_fields.category->findData(i.category));
    m_fields.summary->setText(i.summary);
    m_fields.address->setText(i.location.address);
    m_fields.position->setText(positionText(i.location.point));
    m_fields.centre->setCurrentIndex(m_fields.centre->findData(i.centre));
}

void IncidentEditDialog::submit()
{
    // Only what the operator changed from what they saw goes into the edit.
    IncidentEdit edit;
    if (m_fields.priority->currentData().toInt() != m_seen.priority)
        edit.priority = m_fields.priority->currentData().toInt();
    if (m_fields.category->isEnabled() && m_fields.category->currentData().toString() != m_seen.category)
        edit.category = m_fields.category->currentData().toString();
    if (m_fields.summary->text() != m_seen.summary)
        edit.summary = m_fields.summary->text();
    std::optional<GeoPoint> point;
    if (!m_fields.position->text().trimmed().isEmpty()) {
        point = parsePosition(m_fields.position->text());
        if (!point) {
            m_message->setText(tr("The position is not \"latitude, longitude\" in degrees."));
            m_fields.position->setFocus();
            return;
        }
    }
    if (m_fields.address->text() != m_seen.location.address || positionText(point) != positionText(m_seen.location.point)) {
        Location where = m_seen.location;
        where.address = m_fields.address->text().trimmed();
        where.point = point;
        edit.location = where;
    }
    if (m_fields.centre->currentData().toString() != m_seen.centre)
        edit.centre = m_fields.centre->currentData().toString();
    if (!edit.priority && !edit.category && !edit.summary && !edit.location && !edit.centre) {
        reject(); // nothing changed
        return;
    }
    m_buttons->setEnabled(false);
    m_message->clear();
    whenFinished(this, m_hub.incidents.edit(m_seen, edit), [this, edit](QFuture<Incident> done) {
        try {
            const Incident saved = done.result();
            Q_EMIT this->saved(saved);
            accept();
            return;
        } catch (const CommandQueued&) {
            accept(); // kept on the desk until the server is back: the desk says so
            return;
        } catch (const ConflictError&) {
            // Show what it is now; keep what this operator changed on top of it.
            whenFinished(this, m_hub.incidents.get(m_seen.id), [this, edit](QFuture<Incident> now) {
                m_buttons->setEnabled(true);
                try {
                    m_seen = now.result();
                } catch (const std::exception& e) {
                    m_message->setText(QString::fromUtf8(e.what()));
                    return;
                }
                const QString priority = m_fields.priority->currentText(), summary = m_fields.summary->text(), address = m_fields.address->text(),
                              position = m_fields.position->text();
                const int category = m_fields.category->currentIndex(), centre = m_fields.centre->currentIndex();
                fill(m_seen);
                if (edit.priority)
                    m_fields.priority->setCurrentText(priority);
                if (edit.category)
                    m_fields.category->setCurrentIndex(category);
                if (edit.summary)
                    m_fields.summary->setText(summary);
                if (edit.location) {
                    m_fields.address->setText(address);
                    m_fields.position->setText(position);
                }
                if (edit.centre)
                    m_fields.centre->setCurrentIndex(centre);
                m_message->setText(tr("Someone else changed this incident while you were editing it. The form now shows "
                                      "it as it is, with your changes on top; check them and save again."));
            });
            return;
        } catch (const std::exception& e) {
            m_message->setText(QString::fromUtf8(e.what()));
        }
        m_buttons->setEnabled(true);
    });
}

// ---------------------------------------------------------------------------------------------

LinkDialog::LinkDialog(HubContext& hub, qint64 incidentId, QWidget* parent)
    : QDialog(parent)
    , m_hub(hub)
    , m_id(incidentId)
{
    setObjectName(QStringLiteral("hub.linkDialog"));
    setWindowTitle(tr("Link the incident"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    for (const char* kind : {"lead", "case", "complaint", "incident"})
        m_kind->addItem(linkKindName(QString::fromLatin1(kind)), QString::fromLatin1(kind));
    m_ref = new QLineEdit(this);
    m_ref->setObjectName(QStringLiteral("reference"));
    m_ref->setMaxLength(64);
    m_ref->setPlaceholderText(tr("its number, e.g. L-2026-00042"));
    auto* form = new QFormLayout;
    form->addRow(tr("&To a:"), m_kind);
    form->addRow(tr("&Reference:"), m_ref);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Link"));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        closeWhenSaved(this, m_buttons, m_message, m_hub.incidents.link(m_id, m_kind->currentData().toString(), m_ref->text()));
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);
    m_ref->setFocus();
}

} // namespace hexhub::hub
