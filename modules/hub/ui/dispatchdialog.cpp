#include "dispatchdialog.h"

#include "hexhub/hub/dispatch.h"
#include "base/whenfinished.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace hexhub::hub {

namespace {

struct Picture
{
    Incident incident;
    IncidentCategory category;
    QList<Unit> units;
};

} // namespace

DispatchDialog::DispatchDialog(HubContext& hub, qint64 incidentId, QWidget* parent)
    : QDialog(parent)
    , m_hub(hub)
    , m_incidentId(incidentId)
{
    setWindowTitle(tr("Dispatch"));
    setObjectName(QStringLiteral("hub.dispatchDialog"));
    m_header = new QLabel(tr("Working out the nearest fitting units..."), this);
    m_header->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("units"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(this);
    m_dispatch = buttons->addButton(tr("&Dispatch"), QDialogButtonBox::AcceptRole);
    m_dispatch->setObjectName(QStringLiteral("dispatch"));
    m_dispatch->setDefault(true);
    m_dispatch->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_dispatch, &QPushButton::clicked, this, &DispatchDialog::dispatchTicked);
    // Space ticks and unticks the current unit; Enter dispatches.
    connect(m_list, &QListWidget::itemActivated, this, [this] { dispatchTicked(); });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(640, 420);
    load();
}

void DispatchDialog::load()
{
    // Starts building the district's road graph, the first time: it is there long before the
    // store's answers below, or else this recommendation is in straight lines.
    m_hub.districtRoads();
    auto picture = std::make_shared<Picture>();
    const qint64 id = m_incidentId;
    whenFinished(this, m_hub.incidents.get(id), [this, picture](QFuture<Incident> got) {
        try {
            picture->incident = got.result();
        } catch (const std::exception& e) {
            m_header->setText(QString::fromUtf8(e.what()));
            return;
        }
        whenFinished(this, m_hub.incidents.categories(), [this, picture](QFuture<QList<IncidentCategory>> cats) {
            try {
                for (const IncidentCategory& c : cats.result()) {
                    if (c.id == picture->incident.category)
                        picture->category = c;
                }
            } catch (const std::exception& e) {
                m_header->setText(QString::fromUtf8(e.what()));
                return;
            }
            whenFinished(this, m_hub.units.units(), [this, picture](QFuture<QList<Unit>> units) {
                try {
                    picture->units = units.result();
                } catch (const std::exception& e) {
                    m_header->setText(QString::fromUtf8(e.what()));
                    return;
                }
                const Incident& incident = picture->incident;
                m_header->setText(tr("%1  P%2  %3: %4").arg(incident.number).arg(incident.priority)
                                      .arg(picture->category.displayName(), incident.summary));
                QList<UnitSnapshot> snapshots;
                for (const Unit& u : std::as_const(picture->units))
                    snapshots << u.snapshot();
                m_list->clear();
                QSet<QString> listed; // the recommended ones, ticked, come first
                if (!incident.location.point) {
                    m_message->setText(tr("The incident has no position: no travel times. Tick units by hand."));
                } else {
                    const std::shared_ptr<const RoadGraph> roads =
                        m_hub.districtRoads(); // null: not built yet
                    const QList<Recommendation> recs =
                        recommendUnits(picture->category.runCard, *incident.location.point, snapshots,
                                       kStreetDetour, roads.get());
                    QStringList shortfalls;
                    for (const Recommendation& r : recs) {
                        if (r.callSign.isEmpty()) {
                            shortfalls << r.reason;
                            continue;
                        }
                        auto* item = new QListWidgetItem(
                            tr("%1  %2 min  -  %3").arg(r.callSign).arg(qMax(1, qRound(r.seconds / 60))).arg(r.reason), m_list);
                        item->setData(Qt::UserRole, r.callSign);
                        item->setCheckState(Qt::Checked);
                        listed.insert(r.callSign);
                    }
                    if (!shortfalls.isEmpty())
                        m_message->setText(shortfalls.join(u'\n'));
                }
                // The other available units, unticked, for the operator who knows better.
                for (const Unit& u : std::as_const(picture->units)) {
                    if (u.status != UnitStatus::Available || listed.contains(u.callSign))
                        continue;
                    auto* item = new QListWidgetItem(tr("%1  %2, %3").arg(u.callSign, unitKindName(u.kind), u.homeStation), m_list);
                    item->setData(Qt::UserRole, u.callSign);
                    item->setCheckState(Qt::Unchecked);
                }
                if (m_list->count() == 0)
                    m_message->setText(tr("No unit is available."));
                m_list->setCurrentRow(0);
                m_list->setFocus();
                m_dispatch->setEnabled(m_list->count() > 0);
                m_ready = true;
                Q_EMIT ready();
                // Typed ahead: Enter pressed before the list was there dispatches what is recommended
                // (ticked), as it would have a moment later. Nothing recommended: the list waits.
                if (m_dispatchWhenReady) {
                    m_dispatchWhenReady = false;
                    dispatchTicked();
                }
            });
        });
    });
}

void DispatchDialog::keyPressEvent(QKeyEvent* event)
{
    if (!m_ready && !(event->modifiers() & ~Qt::KeypadModifier) && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        dispatchTicked();
        return;
    }
    QDialog::keyPressEvent(event);
}

void DispatchDialog::dispatchTicked()
{
    if (!m_ready) {
        m_dispatchWhenReady = true;
        m_message->setText(tr("The recommendation is dispatched as soon as it is worked out."));
        return;
    }
    if (!m_dispatch->isEnabled())
        return; // a dispatch is on its way, or no unit to send
    QStringList callSigns;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            callSigns << m_list->item(i)->data(Qt::UserRole).toString();
    }
    if (callSigns.isEmpty()) {
        m_message->setText(tr("Tick at least one unit (Space)."));
        return;
    }
    m_dispatch->setEnabled(false);
    whenFinished(this, m_hub.incidents.dispatch(m_incidentId, callSigns, m_command), [this, callSigns](QFuture<QList<Unit>> done) {
        try {
            done.result();
        } catch (const CommandQueued&) {
            accept(); // kept on the desk until the server is back: the desk says so
            return;
        } catch (const std::exception& e) {
            m_message->setText(QString::fromUtf8(e.what()));
            m_dispatch->setEnabled(true);
            return;
        }
        Q_EMIT dispatched(m_incidentId, callSigns);
        accept();
    });
}

} // namespace hexhub::hub
