#include "timelimitsdialog.h"

#include "shelltr.h"

#include "base/whenfinished.h"
#include "module/modulemanager.h"
#include "module/platform.h"
#include "viewsupport.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hexhub::shell {

namespace {

// The units a length is typed in, in minutes.
constexpr qint64 kUnits[] = {1, 60, 24 * 60};

} // namespace

TimeLimitsDialog::TimeLimitsDialog(Platform& platform, QWidget* parent)
    : QDialog(parent)
    , m_platform(platform)
    , m_limits(platform.store(), platform.session(), platform.audit())
    , m_table(new QTableWidget(this))
    , m_length(new QSpinBox(this))
    , m_unit(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_default(new QPushButton(Tr::tr("Back to the &default"), this))
    , m_save(new QPushButton(Tr::tr("&Save the change"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("timeLimitsDialog"));
    setWindowTitle(Tr::tr("Time limits"));
    resize(1100, 560);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(Tr::tr("The time limits the centres keep, on the hub's deadline queue. A changed length applies to "
                                    "what starts after the change; limits already running keep their due time."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table->setObjectName(QStringLiteral("limits"));
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({Tr::tr("Centre"), Tr::tr("Time limit"), Tr::tr("Length"), Tr::tr("Default"), Tr::tr("Changed"),
                                        Tr::tr("Reason")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (const auto& [column, width] : {std::pair{0, 150}, {1, 300}, {2, 110}, {3, 90}, {4, 180}})
        m_table->setColumnWidth(column, width);
    layout->addWidget(m_table, 1);

    auto* form = new QFormLayout;
    auto* length = new QHBoxLayout;
    m_length->setObjectName(QStringLiteral("length"));
    m_length->setRange(1, int(TimeLimits::kMaxMinutes));
    m_unit->setObjectName(QStringLiteral("unit"));
    m_unit->addItems({Tr::tr("minutes"), Tr::tr("hours"), Tr::tr("days")});
    length->addWidget(m_length);
    length->addWidget(m_unit);
    length->addWidget(m_default);
    length->addStretch(1);
    auto* lengthLabel = new QLabel(Tr::tr("&Length"), this);
    lengthLabel->setBuddy(m_length);
    form->addRow(lengthLabel, length);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(Tr::tr("Why the limit changes; it goes on record with it"));
    form->addRow(Tr::tr("&Reason"), m_reason);
    layout->addLayout(form);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save->setObjectName(QStringLiteral("save"));
    m_default->setObjectName(QStringLiteral("toDefault"));
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &TimeLimitsDialog::save);
    connect(m_reason, &QLineEdit::returnPressed, this, &TimeLimitsDialog::save);
    connect(m_default, &QPushButton::clicked, this, [this] {
        if (const TimeLimit* rule = selected()) {
            for (int u = 2; u >= 0; --u)
                if (rule->defaultMinutes % kUnits[u] == 0) {
                    m_unit->setCurrentIndex(u);
                    m_length->setValue(int(rule->defaultMinutes / kUnits[u]));
                    break;
                }
            m_reason->setFocus();
        }
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this] { showSelected(); });
    connect(m_table, &QTableWidget::cellActivated, this, [this] { m_length->setFocus(); });
    m_save->setEnabled(false);
    m_default->setEnabled(false);

    // A change made at another desk shows here too.
    reloadOnEvents(platform.bus(), this, {QStringLiteral("time_limit.")}, 200, [this] {
        if (!m_busy)
            reload();
    });
    reload();
    m_table->setFocus();
}

const TimeLimit* TimeLimitsDialog::selected() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_rules.size() ? &m_rules[row] : nullptr;
}

void TimeLimitsDialog::reload()
{
    whenFinished(this, m_limits.list(), [this](QFuture<QList<TimeLimit>> done) {
        const QString current = selected() ? selected()->module + QLatin1Char('/') + selected()->rule : QString();
        try {
            m_rules = done.result();
        } catch (const std::exception& e) {
            m_message->setText(Tr::tr("The time limits cannot be read: %1").arg(QString::fromUtf8(e.what())));
            return;
        }
        m_table->setRowCount(int(m_rules.size()));
        int select = m_rules.isEmpty() ? -1 : 0;
        for (int i = 0; i < m_rules.size(); ++i) {
            const TimeLimit& r = m_rules[i];
            const QString changed = r.changedAt > 0
                                        ? Tr::tr("%1, %2").arg(r.changedBy, QDateTime::fromMSecsSinceEpoch(r.changedAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                        : Tr::tr("never");
            const QStringList cells{m_platform.modules().displayName(r.module), r.text(), TimeLimits::describe(r.minutes),
                                    TimeLimits::describe(r.defaultMinutes), changed, r.reason};
            for (int c = 0; c < cells.size(); ++c)
                m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
            if (r.minutes != r.defaultMinutes) {
                QFont bold = m_table->font();
                bold.setBold(true);
                m_table->item(i, 2)->setFont(bold);
                m_table->item(i, 2)->setToolTip(Tr::tr("Changed from the default"));
            }
            if (r.module + QLatin1Char('/') + r.rule == current)
                select = i;
        }
        if (select >= 0)
            m_table->setCurrentCell(select, 0);
        showSelected();
    });
}

void TimeLimitsDialog::showSelected()
{
    const TimeLimit* rule = selected();
    m_save->setEnabled(rule && !m_busy);
    m_default->setEnabled(rule);
    if (!rule)
        return;
    for (int u = 2; u >= 0; --u)
        if (rule->minutes % kUnits[u] == 0) {
            m_unit->setCurrentIndex(u);
            m_length->setValue(int(rule->minutes / kUnits[u]));
            break;
        }
}

qint64 TimeLimitsDialog::chosenMinutes() const
{
    return qint64(m_length->value()) * kUnits[std::clamp(m_unit->currentIndex(), 0, 2)];
}

void TimeLimitsDialog::save()
{
    const TimeLimit* rule = selected();
    if (!rule || m_busy)
        return;
    const qint64 minutes = chosenMinutes();
    if (minutes == rule->minutes) {
        m_message->setText(Tr::tr("That is the length in force already."));
        return;
    }
    m_busy = true;
    m_save->setEnabled(false);
    m_message->setText(Tr::tr("Saving..."));
    const QString title = rule->text();
    whenFinished(this, m_limits.change(rule->module, rule->rule, minutes, m_reason->text(), rule->version),
                 [this, title](QFuture<TimeLimit> done) {
                     m_busy = false;
                     try {
                         const TimeLimit changed = done.result();
                         m_message->setText(Tr::tr("%1: now %2 (on the journal and the audit trail).").arg(title, TimeLimits::describe(changed.minutes)));
                         m_reason->clear();
                         m_table->setFocus();
                     } catch (const std::exception& e) {
                         m_message->setText(QString::fromUtf8(e.what()));
                     }
                     reload();
                 });
}

} // namespace hexhub::shell
