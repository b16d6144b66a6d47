#include "incidentpanel.h"

#include "base/clock.h"
#include "dispatchdialog.h"
#include "bus/eventbus.h"
#include "incidentedit.h"
#include "incidentform.h"
#include "mediaviewer.h"
#include "security/session.h"
#include "store/store.h"
#include "base/whenfinished.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace hexhub::hub {

namespace {

QString errorOf(const std::exception& e)
{
    return QString::fromUtf8(e.what());
}

} // namespace

IncidentPanel::IncidentPanel(HubContext& hub, QWidget* parent)
    : QWidget(parent)
    , m_hub(hub)
{
    setObjectName(QStringLiteral("hub.incidentPanel"));
    m_title = new QLabel(tr("Select an incident."), this);
    m_title->setObjectName(QStringLiteral("title"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The reporter's contact comes masked from the service, which reveals it only with the
    // permission and a reason, audited (MaskedField keeps it to the incident it was revealed for).
    m_contact = new MaskedField(tr("Reporter: %1"), tr("the reporter's contact"), this);
    m_contact->setObjectName(QStringLiteral("contact"));
    m_contact->setEmptyText(tr("No reporter's contact."));
    m_links = new QLabel(this);
    m_links->setObjectName(QStringLiteral("links"));
    m_links->setWordWrap(true);
    m_links->setTextFormat(Qt::RichText);
    m_links->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_links->hide();
    // A link opens the record in the module that owns it (a case in case management, an incident here).
    connect(m_links, &QLabel::linkActivated, this, [this](const QString& href) {
        const QString kind = href.section(QLatin1Char(':'), 0, 0);
        const QString ref = href.section(QLatin1Char(':'), 1);
        const QString why = m_hub.openRecord ? m_hub.openRecord(kind, ref) : QString();
        if (!why.isEmpty())
            report(why);
    });
    m_edit = new QPushButton(tr("&Edit..."), this);
    m_edit->setObjectName(QStringLiteral("edit"));
    m_edit->setToolTip(tr("Change the priority, category, summary, place or centre (E on the board)"));
    m_link = new QPushButton(tr("Lin&k..."), this);
    m_link->setObjectName(QStringLiteral("link"));
    m_link->setToolTip(tr("Link the incident to a lead, a case, a complaint or another incident"));
    m_media = new QPushButton(tr("&Media..."), this);
    m_media->setObjectName(QStringLiteral("media"));
    m_media->setToolTip(tr("The snapshots and clips attached to the incident"));
    m_cameras = new QLabel(this);
    m_cameras->setObjectName(QStringLiteral("camerasNearby"));
    m_cameras->setWordWrap(true);
    m_cameras->hide();
    m_camerasOnWall = new QPushButton(tr("Cameras on the &wall"), this);
    m_camerasOnWall->setObjectName(QStringLiteral("camerasOnWall"));
    m_camerasOnWall->hide();
    auto* camerasRow = new QHBoxLayout;
    camerasRow->addWidget(m_cameras, 1);
    camerasRow->addWidget(m_camerasOnWall);
    auto* editRow = new QHBoxLayout;
    editRow->addWidget(m_edit);
    editRow->addWidget(m_link);
    editRow->addWidget(m_media);
    editRow->addStretch(1);

    m_units = new QListWidget(this);
    m_units->setObjectName(QStringLiteral("units"));
    m_units->setMaximumHeight(m_units->fontMetrics().height() * 4 + 10);
    m_arrived = new QPushButton(tr("&Arrived"), this);
    m_clear = new QPushButton(tr("C&lear unit"), this);
    m_resolve = new QPushButton(tr("&Resolve"), this);
    m_close = new QPushButton(tr("Cl&ose"), this);
    m_cancel = new QPushButton(tr("Ca&ncel..."), this);
    // Two rows, so they fit a narrow panel on a 1366-pixel screen: the units', then the incident's.
    auto* actions = new QVBoxLayout;
    auto* unitActions = new QHBoxLayout;
    unitActions->addWidget(m_arrived);
    unitActions->addWidget(m_clear);
    unitActions->addStretch(1);
    auto* incidentActions = new QHBoxLayout;
    for (QPushButton* b : {m_resolve, m_close, m_cancel})
        incidentActions->addWidget(b);
    incidentActions->addStretch(1);
    actions->addLayout(unitActions);
    actions->addLayout(incidentActions);

    m_playbook = new QListWidget(this);
    m_playbook->setObjectName(QStringLiteral("playbook"));
    m_playbook->setWordWrap(true);
    m_timeline = new JournalTimeline(this);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d63031;"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_contact);
    layout->addWidget(m_links);
    layout->addLayout(camerasRow);
    layout->addLayout(editRow);
    layout->addWidget(new QLabel(tr("Units"), this));
    layout->addWidget(m_units);
    layout->addLayout(actions);
    layout->addWidget(new QLabel(tr("Playbook"), this));
    layout->addWidget(m_playbook, 1);
    layout->addWidget(new QLabel(tr("Timeline"), this));
    layout->addWidget(m_timeline, 2);
    layout->addWidget(m_error);

    connect(m_contact, &MaskedField::failed, this, &IncidentPanel::report);
    connect(m_edit, &QPushButton::clicked, this, &IncidentPanel::edit);
    connect(m_link, &QPushButton::clicked, this, &IncidentPanel::link);
    connect(m_media, &QPushButton::clicked, this, &IncidentPanel::showMedia);
    connect(m_camerasOnWall, &QPushButton::clicked, this, [this] {
        if (m_id != 0 && m_hub.cameraWall.isOpen())
            m_hub.cameraWall.showCamerasNear(m_id);
    });
    connect(m_arrived, &QPushButton::clicked, this, [this] {
        if (auto* item = m_units->currentItem())
            whenFinished(this, m_hub.incidents.unitArrived(m_id, item->data(Qt::UserRole).toString()),
                         [this](QFuture<void> f) {
                             try { f.waitForFinished(); } catch (const std::exception& e) { report(errorOf(e)); }
                         });
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (auto* item = m_units->currentItem())
            whenFinished(this, m_hub.incidents.unitCleared(item->data(Qt::UserRole).toString()), [this](QFuture<void> f) {
                try { f.waitForFinished(); } catch (const std::exception& e) { report(errorOf(e)); }
            });
    });
    connect(m_resolve, &QPushButton::clicked, this, [this] { moveTo(IncidentStatus::Resolved); });
    connect(m_close, &QPushButton::clicked, this, [this] { moveTo(IncidentStatus::Closed); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { moveTo(IncidentStatus::Cancelled); });
    connect(m_playbook, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (m_filling || m_id == 0)
            return;
        whenFinished(this, m_hub.incidents.tickStep(m_id, item->data(Qt::UserRole).toInt(), item->checkState() == Qt::Checked),
                     [this](QFuture<void> f) {
                         try {
                             f.waitForFinished();
                         } catch (const CommandQueued& kept) {
                             report(kept.message()); // ticked here, sent when the server is back
                         } catch (const std::exception& e) {
                             report(errorOf(e));
                             reload();
                         }
                     });
    });
    for (QWidget* w : {static_cast<QWidget*>(m_contact->revealButton()), static_cast<QWidget*>(m_edit), static_cast<QWidget*>(m_link), static_cast<QWidget*>(m_arrived), static_cast<QWidget*>(m_clear),
                       static_cast<QWidget*>(m_resolve), static_cast<QWidget*>(m_close), static_cast<QWidget*>(m_cancel)})
        w->setEnabled(false);
}

void IncidentPanel::edit()
{
    if (m_id == 0 || m_incident.id != m_id || !m_edit->isEnabled())
        return;
    auto* dialog = new IncidentEditDialog(m_hub, m_incident, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // What was saved shows at once: the next edit starts from it, not from the row before it.
    connect(dialog, &IncidentEditDialog::saved, this, [this](const Incident&) { reload(); });
    dialog->open();
}

void IncidentPanel::showCamerasNearby(const Incident& incident, quint64 generation)
{
    // Opening an incident offers the cameras near it (by distance and view cone, as the video panel
    // ranks them), and one button fills the open video wall with them.
    if (!incident.location.point || !m_hub.session.can(QStringLiteral("hub.video.view"))) {
        m_cameras->hide();
        m_camerasOnWall->hide();
        return;
    }
    whenFinished(this, m_hub.cameras.nearby(*incident.location.point), [this, generation](QFuture<QList<NearbyCamera>> done) {
        if (!m_loads.isLatest(generation))
            return;
        QList<NearbyCamera> found;
        try {
            found = done.result();
        } catch (const std::exception& e) {
            report(errorOf(e));
            return;
        }
        const auto seeing = std::count_if(found.begin(), found.end(), [](const NearbyCamera& c) { return c.sees; });
        m_cameras->setText(found.isEmpty() ? tr("No camera within 500 m.")
                                           : tr("%n camera(s) within 500 m, %1 of them looking at the place.", nullptr, int(found.size()))
                                                 .arg(seeing));
        m_cameras->show();
        const bool wall = m_hub.cameraWall.isOpen();
        m_camerasOnWall->setVisible(!found.isEmpty());
        m_camerasOnWall->setEnabled(wall);
        m_camerasOnWall->setToolTip(wall ? tr("Fills the video wall with them, those looking at the place first")
                                         : tr("Open the Video panel first (the palette's \"Show the Video panel\")"));
    });
}

void IncidentPanel::showMedia()
{
    if (m_id == 0 || !m_media->isEnabled())
        return;
    auto* dialog = new MediaViewer(m_hub, m_id, m_incident.number, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void IncidentPanel::link()
{
    if (m_id == 0 || !m_link->isEnabled())
        return;
    auto* dialog = new LinkDialog(m_hub, m_id, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void IncidentPanel::report(const QString& error)
{
    m_error->setText(error);
}

void IncidentPanel::show(qint64 incidentId)
{
    if (incidentId != m_id)
        m_contact->clear(); // a revealed contact never carries over to another incident
    m_id = incidentId;
    reload();
}

void IncidentPanel::reload()
{
    if (m_id == 0)
        return;
    const quint64 generation = m_loads.next();
    const qint64 id = m_id;
    m_error->clear();
    whenFinished(this, m_hub.incidents.get(id), [this, generation, id](QFuture<Incident> got) {
        if (!m_loads.isLatest(generation))
            return;
        try {
            m_incident = got.result();
        } catch (const std::exception& e) {
            report(errorOf(e));
            return;
        }
        const Incident& i = m_incident;
        m_title->setText(tr("%1  P%2  %3").arg(i.number).arg(i.priority).arg(incidentStatusName(i.status)));
        QString details = i.summary.toHtmlEscaped();
        if (!i.location.address.isEmpty())
            details += QStringLiteral("<br>") + i.location.address.toHtmlEscaped();
        if (i.location.point)
            details += QStringLiteral("<br>%1, %2").arg(i.location.point->latitude, 0, 'f', 5).arg(i.location.point->longitude, 0, 'f', 5);
        else // a place the district's map did not know: marked until someone sets it by hand
            details += QStringLiteral("<br><b>%1</b>")
                           .arg(tr("No position: not on the map and no units ranked by distance. Set it with Edit (E).").toHtmlEscaped());
        details += QStringLiteral("<br>") + tr("Received %1 ago by %2")
                                                 .arg(formatDuration(m_hub.clock.nowMs() - i.createdAt), incidentSourceName(i.source));
        if (i.mergedInto != 0)
            details += QStringLiteral("<br>") + tr("Merged into another incident.");
        m_details->setText(details);
        MaskedField::Reveal reveal;
        if (m_hub.session.can(QStringLiteral("hub.incident.contact")))
            reveal = [this, id](const QString& reason) { return m_hub.incidents.revealContact(id, reason); };
        m_contact->setValue(id, i.reporterContact, std::move(reveal));
        const bool manage = m_hub.session.can(QStringLiteral("hub.incident.manage"));
        m_resolve->setEnabled(manage && canMoveIncident(i.status, IncidentStatus::Resolved));
        m_close->setEnabled(manage && canMoveIncident(i.status, IncidentStatus::Closed));
        m_cancel->setEnabled(manage && canMoveIncident(i.status, IncidentStatus::Cancelled));
        const bool finished = i.status == IncidentStatus::Closed || i.status == IncidentStatus::Cancelled || i.mergedInto != 0;
        m_edit->setEnabled(manage && !finished);
        m_link->setEnabled(manage);
        m_media->setEnabled(m_hub.session.can(QStringLiteral("hub.video.view")));
        showCamerasNearby(i, generation);

        whenFinished(this, m_hub.incidents.links(id), [this, generation](QFuture<QList<IncidentLink>> links) {
            if (!m_loads.isLatest(generation))
                return;
            try {
                QStringList shown;
                for (const IncidentLink& l : links.result())
                    shown << QStringLiteral("<a href=\"%1:%2\">%3</a>")
                                 .arg(l.kind.toHtmlEscaped(), l.ref.toHtmlEscaped(),
                                      tr("%1 %2").arg(linkKindName(l.kind), l.ref).toHtmlEscaped());
                m_links->setText(shown.isEmpty() ? QString() : tr("Linked to: %1").arg(shown.join(tr(", "))));
                m_links->setVisible(!shown.isEmpty());
            } catch (const std::exception& e) {
                report(errorOf(e));
            }
        });

        whenFinished(this, m_hub.units.units(), [this, generation, id](QFuture<QList<Unit>> units) {
            if (!m_loads.isLatest(generation))
                return;
            m_units->clear();
            try {
                const qint64 now = m_hub.clock.nowMs();
                for (const Unit& u : units.result()) {
                    if (u.incidentId != id)
                        continue;
                    auto* item = new QListWidgetItem(tr("%1  %2, %3 for %4")
                                                         .arg(u.callSign, unitKindName(u.kind), unitStatusName(u.status),
                                                              formatDuration(now - u.statusSince)),
                                                     m_units);
                    item->setData(Qt::UserRole, u.callSign);
                }
            } catch (const std::exception& e) {
                report(errorOf(e));
            }
            const bool dispatch = m_hub.session.can(QStringLiteral("hub.unit.dispatch"));
            m_arrived->setEnabled(dispatch && m_units->count() > 0);
            m_clear->setEnabled(dispatch && m_units->count() > 0);
            if (m_units->count() > 0 && !m_units->currentItem())
                m_units->setCurrentRow(0);
        });

        whenFinished(this, m_hub.incidents.categories(), [this, generation, id](QFuture<QList<IncidentCategory>> cats) {
            if (!m_loads.isLatest(generation))
                return;
            IncidentCategory category;
            try {
                for (const IncidentCategory& c : cats.result()) {
                    if (c.id == m_incident.category)
                        category = c;
                }
            } catch (const std::exception& e) {
                report(errorOf(e));
            }
            whenFinished(this, m_hub.incidents.tickedSteps(id), [this, generation, category](QFuture<QList<int>> ticks) {
                if (!m_loads.isLatest(generation))
                    return;
                QList<int> done;
                try {
                    done = ticks.result();
                } catch (const std::exception& e) {
                    report(errorOf(e));
                }
                m_filling = true;
                m_playbook->clear();
                for (int s = 0; s < category.playbook.size(); ++s) {
                    auto* item = new QListWidgetItem(category.displayStep(s), m_playbook);
                    item->setData(Qt::UserRole, s);
                    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                   | (m_hub.session.can(QStringLiteral("hub.incident.manage")) ? Qt::ItemIsUserCheckable : Qt::NoItemFlags));
                    item->setCheckState(done.contains(s) ? Qt::Checked : Qt::Unchecked);
                }
                m_filling = false;
            });
        });

        whenFinished(this, m_hub.incidents.timeline(id), [this, generation, id](QFuture<QList<TimelineEntry>> entries) {
            if (!m_loads.isLatest(generation))
                return;
            try {
                QList<JournalTimeline::Entry> lines;
                for (const TimelineEntry& e : entries.result())
                    lines << JournalTimeline::Entry{e.at, e.actor, e.text,
                                                    e.incidentId != id ? tr("From an incident merged into this one") : QString()};
                m_timeline->setEntries(lines);
            } catch (const std::exception& e) {
                m_timeline->setProblem(errorOf(e));
                report(errorOf(e));
            }
            Q_EMIT loaded(id);
        });
    });
}

void IncidentPanel::moveTo(IncidentStatus status)
{
    if (m_id == 0)
        return;
    QString reason;
    if (status == IncidentStatus::Cancelled) {
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Cancel the incident"), tr("Why is it cancelled?"), QLineEdit::Normal, {}, &ok);
        if (!ok)
            return;
    }
    whenFinished(this, m_hub.incidents.moveTo(m_id, status, reason), [this](QFuture<Incident> f) {
        try {
            f.result();
        } catch (const std::exception& e) {
            report(errorOf(e));
        }
    });
}

} // namespace hexhub::hub
