#include "unitpanel.h"

#include "base/clock.h"
#include "bus/eventbus.h"
#include "security/session.h"
#include "base/whenfinished.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace hexhub::hub {

UnitPanel::UnitPanel(HubContext& hub, QWidget* parent)
    : QWidget(parent)
    , m_hub(hub)
{
    setObjectName(QStringLiteral("hub.units"));
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("units"));
    m_table->setHorizontalHeaderLabels({tr("Call sign"), tr("Kind"), tr("Status"), tr("Station"), tr("Crew"), tr("Skills")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_add = new QPushButton(tr("&Add unit..."), this);
    m_add->setObjectName(QStringLiteral("add"));
    m_edit = new QPushButton(tr("&Change..."), this);
    m_available = new QPushButton(tr("A&vailable"), this);
    m_available->setObjectName(QStringLiteral("available"));
    m_busy = new QPushButton(tr("&Busy"), this);
    m_offDuty = new QPushButton(tr("&Off duty"), this);
    m_offDuty->setObjectName(QStringLiteral("offDuty"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_add, m_edit, m_available, m_busy, m_offDuty})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_add, &QPushButton::clicked, this, [this] { editUnit(true); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editUnit(false); });
    connect(m_available, &QPushButton::clicked, this, [this] { setStatus(UnitStatus::Available); });
    connect(m_busy, &QPushButton::clicked, this, [this] { setStatus(UnitStatus::Busy); });
    connect(m_offDuty, &QPushButton::clicked, this, [this] { setStatus(UnitStatus::OffDuty); });
    connect(m_table, &QTableWidget::currentCellChanged, this, &UnitPanel::updateButtons);
    connect(&m_hub.session, &Session::changed, this, &UnitPanel::reload);

    reloadOnEvents(m_hub.bus, this, {QStringLiteral("unit.")}, 300, [this] { reload(); });
    reload();
}

UnitPanel::~UnitPanel() = default;

void UnitPanel::reload()
{
    if (!m_hub.session.isSignedIn()) {
        m_units.clear();
        m_table->setRowCount(0);
        updateButtons();
        return;
    }
    whenFinished(this, m_hub.units.units(), [this](QFuture<QList<Unit>> done) {
        const QString keep = currentCallSign();
        try {
            m_units = done.result();
        } catch (const std::exception& e) {
            m_units.clear();
            m_table->setRowCount(0);
            m_message->setText(QString::fromUtf8(e.what()));
            updateButtons();
            return;
        }
        const qint64 now = m_hub.clock.nowMs();
        m_table->setRowCount(int(m_units.size()));
        for (int r = 0; r < m_units.size(); ++r) {
            const Unit& u = m_units.at(r);
            QStringList skills;
            for (const QString& s : u.skills)
                skills << skillName(s);
            const QStringList cells{u.callSign, unitKindName(u.kind),
                                    tr("%1, %2").arg(unitStatusName(u.status), formatDuration(now - u.statusSince)),
                                    u.homeStation, QString::number(u.crewSize), skills.join(QStringLiteral(", "))};
            for (int c = 0; c < cells.size(); ++c)
                m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
            if (u.callSign == keep)
                m_table->setCurrentCell(r, 0);
        }
        m_table->resizeColumnsToContents();
        updateButtons();
        Q_EMIT loaded();
    });
}

QString UnitPanel::currentCallSign() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_units.size() ? m_units.at(row).callSign : QString();
}

void UnitPanel::updateButtons()
{
    const int row = m_table->currentRow();
    const bool manage = m_hub.session.can(QStringLiteral("hub.unit.manage"));
    const bool dispatch = m_hub.session.can(QStringLiteral("hub.unit.dispatch"));
    m_add->setVisible(manage);
    m_edit->setVisible(manage);
    m_edit->setEnabled(row >= 0);
    // Units on an incident move with it (arrived, cleared), not by hand.
    const bool free = row >= 0 && row < m_units.size() && m_units.at(row).incidentId == 0;
    const UnitStatus status = free ? m_units.at(row).status : UnitStatus::EnRoute;
    m_available->setEnabled(dispatch && free && status != UnitStatus::Available);
    m_busy->setEnabled(dispatch && free && status != UnitStatus::Busy);
    m_offDuty->setEnabled(dispatch && free && status != UnitStatus::OffDuty);
}

void UnitPanel::setStatus(UnitStatus status)
{
    const QString callSign = currentCallSign();
    if (callSign.isEmpty())
        return;
    m_message->clear();
    whenFinished(this, m_hub.units.setStatus(callSign, status), [this](QFuture<Unit> done) {
        try {
            done.result();
        } catch (const std::exception& e) {
            m_message->setText(QString::fromUtf8(e.what()));
        }
    });
}

void UnitPanel::editUnit(bool adding)
{
    Unit unit;
    if (!adding) {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_units.size())
            return;
        unit = m_units.at(row);
    }
    auto* dialog = new QDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("hub.unitDialog"));
    dialog->setWindowTitle(adding ? tr("Add a unit") : tr("Change unit %1").arg(unit.callSign));
    auto* callSign = new QLineEdit(unit.callSign, dialog);
    callSign->setObjectName(QStringLiteral("callSign"));
    callSign->setReadOnly(!adding);
    auto* kind = new QComboBox(dialog);
    kind->setObjectName(QStringLiteral("kind"));
    for (UnitKind k : {UnitKind::PatrolCar, UnitKind::FootPatrol, UnitKind::Traffic, UnitKind::SpecialResponse, UnitKind::Drone,
                       UnitKind::FireLiaison, UnitKind::MedicalLiaison})
        kind->addItem(unitKindName(k), unitKindId(k));
    kind->setCurrentIndex(kind->findData(unitKindId(unit.kind)));
    auto* station = new QLineEdit(unit.homeStation, dialog);
    auto* crew = new QSpinBox(dialog);
    crew->setRange(0, 99);
    crew->setValue(unit.crewSize);
    auto* skills = new QLineEdit(unit.skills.join(QStringLiteral(", ")), dialog);
    skills->setPlaceholderText(knownSkills().join(QStringLiteral(", ")));
    auto* position = new QLineEdit(dialog);
    position->setPlaceholderText(tr("latitude, longitude (optional)"));
    if (unit.position)
        position->setText(QStringLiteral("%1, %2").arg(unit.position->latitude, 0, 'f', 5).arg(unit.position->longitude, 0, 'f', 5));
    auto* form = new QFormLayout;
    form->addRow(tr("Call &sign:"), callSign);
    form->addRow(tr("&Kind:"), kind);
    form->addRow(tr("Home s&tation:"), station);
    form->addRow(tr("C&rew:"), crew);
    form->addRow(tr("Sk&ills:"), skills);
    form->addRow(tr("P&osition:"), position);
    auto* message = new QLabel(dialog);
    message->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, dialog);
    auto* layout = new QVBoxLayout(dialog);
    layout->addLayout(form);
    layout->addWidget(message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [=, this] {
        Unit u = unit;
        u.callSign = callSign->text().trimmed();
        u.kind = unitKindFromId(kind->currentData().toString()).value_or(UnitKind::PatrolCar);
        u.homeStation = station->text().trimmed();
        u.crewSize = crew->value();
        u.skills.clear();
        for (const QString& s : skills->text().split(u',', Qt::SkipEmptyParts))
            u.skills << s.trimmed().toLower().replace(u' ', u'_');
        const QString where = position->text().trimmed();
        if (!where.isEmpty()) {
            const auto p = parsePosition(where);
            if (!p) {
                message->setText(tr("The position is two numbers, latitude and longitude, such as 31.2304, 121.4737."));
                return;
            }
            u.position = *p;
        }
        closeWhenSaved(dialog, buttons, message, m_hub.units.save(u));
    });
    (adding ? callSign : static_cast<QWidget*>(kind))->setFocus();
    dialog->open();
}

} // namespace hexhub::hub
