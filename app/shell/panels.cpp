#include "panels.h"

#include "shelltr.h"

#include "base/clock.h"
#include "shared/deadlines.h"
#include "base/error.h"
#include "store/outbox.h"
#include "security/session.h"

#include <QEvent>
#include <QFontInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

namespace hexhub::shell {

namespace {

QString timeLeft(qint64 ms)
{
    const bool over = ms < 0;
    const qint64 minutes = std::abs(ms) / 60000;
    const QString span = minutes >= 60 ? Tr::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'))
                                       : Tr::tr("%n min", nullptr, int(minutes));
    return over ? Tr::tr("%1 overdue").arg(span) : Tr::tr("in %1").arg(span);
}

} // namespace

DeadlineList::DeadlineList(DeadlineBoard& board, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_board(board)
    , m_clock(clock)
    , m_empty(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_repaint(new QTimer(this))
{
    setObjectName(QStringLiteral("deadlineList"));
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(4, 4, 4, 4);
    column->addWidget(m_empty);
    column->addWidget(m_list, 1);
    m_empty->setWordWrap(true);
    m_ackButton = new QPushButton(Tr::tr("Ac&knowledge"), this);
    m_ackButton->setObjectName(QStringLiteral("acknowledge"));
    m_ackButton->setToolTip(Tr::tr("I have seen it and am on it (Space). It stays until its owner clears it."));
    m_ackButton->hide();
    column->addWidget(m_ackButton);
    connect(m_ackButton, &QPushButton::clicked, this, [this] {
        if (auto* item = m_list->currentItem(); item && m_acknowledge)
            m_acknowledge(item->data(Qt::UserRole).toString());
    });
    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(space, &QShortcut::activated, m_ackButton, &QPushButton::click);
    m_list->setObjectName(QStringLiteral("deadlines"));
    connect(&m_board, &DeadlineBoard::changed, this, &DeadlineList::refresh);
    // Time left changes by the minute even when nothing else does.
    m_repaint->setInterval(15000);
    connect(m_repaint, &QTimer::timeout, this, &DeadlineList::refresh);
    m_repaint->start();
    refresh();
}

void DeadlineList::setTheme(const Theme& theme)
{
    m_theme = theme;
    refresh();
}

void DeadlineList::refresh()
{
    // The soonest only: a centre may have tens of thousands running, and the list is rebuilt each
    // minute of clock time; the rest are counted below it.
    int total = 0;
    const QList<Deadline> deadlines = m_board.soonest(kShown, m_visible, &total);
    m_empty->setText(deadlines.isEmpty() ? Tr::tr("Nothing is running out.") : QString());
    m_empty->setVisible(deadlines.isEmpty());
    const int row = m_list->currentRow();
    m_list->clear();
    const qint64 now = m_clock.nowMs();
    for (const Deadline& d : deadlines) {
        const qint64 left = d.due.toMSecsSinceEpoch() - now;
        QString text = QStringLiteral("%1 · %2 · %3").arg(timeLeft(left), d.title, m_moduleNames.value(d.module, d.module));
        if (!d.acknowledgedBy.isEmpty())
            text += QStringLiteral(" · ") + Tr::tr("acknowledged by %1").arg(d.acknowledgedBy);
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, d.key);
        item->setToolTip(QLocale().toString(d.due.toLocalTime(), QLocale::ShortFormat));
        // Coloured by escalation level; an escalated one (missed, nobody on it) also stands out bold.
        switch (d.levelAt(now)) {
        case Deadline::Level::Running:
            break;
        case Deadline::Level::DueSoon:
            item->setForeground(m_theme.warning());
            break;
        case Deadline::Level::Missed:
            item->setForeground(m_theme.danger());
            break;
        case Deadline::Level::Escalated: {
            item->setForeground(m_theme.danger());
            QFont bold = m_list->font();
            bold.setBold(true);
            item->setFont(bold);
            item->setToolTip(item->toolTip() + u'\n' + Tr::tr("Missed and nobody has acknowledged it: escalated to the hub supervisor."));
            break;
        }
        }
    }
    if (total > deadlines.size()) {
        auto* more = new QListWidgetItem(Tr::tr("… and %n more running later", nullptr, int(total - deadlines.size())), m_list);
        more->setFlags(Qt::NoItemFlags);
        more->setForeground(m_theme.palette().color(QPalette::Disabled, QPalette::Text));
    }
    if (row >= 0 && row < m_list->count())
        m_list->setCurrentRow(row);
}

void DeadlineList::setAcknowledge(std::function<void(const QString& key)> acknowledge)
{
    m_acknowledge = std::move(acknowledge);
    m_ackButton->setVisible(bool(m_acknowledge));
}

void DeadlineList::showError(const QString& message)
{
    m_empty->setText(message);
    m_empty->setVisible(true);
}

void DeadlineList::setFilter(std::function<bool(const QString& module)> visible)
{
    m_visible = std::move(visible);
    refresh();
}

void DeadlineList::setModuleNames(const QHash<QString, QString>& names)
{
    m_moduleNames = names;
    refresh();
}

void DeadlineList::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

BigClock::BigClock(const Clock& clock, QWidget* parent)
    : QLabel(parent)
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("bigClock"));
    setAlignment(Qt::AlignCenter);
    setTextFormat(Qt::RichText);
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &BigClock::refresh);
    m_timer->start();
    refresh();
}

void BigClock::refresh()
{
    const QDateTime now = m_clock.now().toLocalTime();
    const QString time = QLocale().toString(now.time(), QStringLiteral("HH:mm:ss"));
    // Three times the label's own type (a wall's is large already).
    const int size = QFontInfo(font()).pixelSize() * 3;
    QString text = QStringLiteral("<div style='font-size:%1px; font-weight:bold'>%2</div><div>%3</div>")
                       .arg(size)
                       .arg(time, QLocale().toString(now.date(), QLocale::LongFormat).toHtmlEscaped());
    if (m_clock.isSimulated())
        text += QStringLiteral("<div>%1</div>").arg(Tr::tr("Simulated time").toHtmlEscaped());
    setText(text);
}

void BigClock::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        refresh();
    QLabel::changeEvent(event);
}

OutboxPanel::OutboxPanel(Outbox& outbox, Session& session, QWidget* parent)
    : QWidget(parent)
    , m_outbox(outbox)
    , m_session(session)
    , m_empty(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_keep(new QPushButton(this))
    , m_discard(new QPushButton(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("outboxPanel"));
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(4, 4, 4, 4);
    column->addWidget(m_empty);
    column->addWidget(m_list, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_keep);
    buttons->addWidget(m_discard);
    buttons->addStretch(1);
    column->addLayout(buttons);
    column->addWidget(m_problem);
    m_empty->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("outboxProblem"));
    m_list->setObjectName(QStringLiteral("outboxEntries"));
    m_list->setWordWrap(true);
    connect(m_keep, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_discard, &QPushButton::clicked, this, [this] { decide(false); });
    connect(m_list, &QListWidget::currentRowChanged, this, &OutboxPanel::updateButtons);
    connect(&m_outbox, &Outbox::waitingChanged, this, &OutboxPanel::refresh);
    connect(&m_outbox, &Outbox::attentionNeeded, this, &OutboxPanel::refresh);
    connect(&m_outbox, &Outbox::drained, this, &OutboxPanel::refresh);
    changeEvent(nullptr);
    refresh();
}

void OutboxPanel::changeEvent(QEvent* event)
{
    if (!event || event->type() == QEvent::LanguageChange) {
        m_keep->setText(Tr::tr("&Keep mine"));
        m_keep->setToolTip(Tr::tr("Apply my change over the server's version"));
        m_discard->setText(Tr::tr("&Discard mine"));
        m_discard->setToolTip(Tr::tr("Keep the server's version and drop my change"));
        if (event)
            refresh();
    }
    if (event)
        QWidget::changeEvent(event);
}

void OutboxPanel::refresh()
{
    // One read at a time; a change during a read reads again after it.
    if (m_reading) {
        m_again = true;
        return;
    }
    m_reading = true;
    auto* watcher = new QFutureWatcher<QList<OutboxEntry>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_reading = false;
        QList<OutboxEntry> entries;
        bool readable = true;
        try {
            entries = watcher->result();
        } catch (const std::exception& e) {
            readable = false;
            m_problem->setText(Tr::tr("The outbox cannot be read: %1").arg(QString::fromUtf8(e.what())));
        }
        if (readable && std::exchange(m_readFailed, false))
            m_problem->clear();
        m_readFailed = !readable;
        const QUuid selected = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toUuid() : QUuid();
        m_list->clear();
        for (const OutboxEntry& e : std::as_const(entries)) {
            QString state;
            switch (e.state) {
            case OutboxEntry::State::Queued:
                state = e.heldBack      ? Tr::tr("waiting behind a change to the same record that needs a decision")
                        : e.awaitsMaker ? Tr::tr("waiting for %1, who made it, to sign in").arg(e.madeBy())
                                        : Tr::tr("waiting for the server");
                break;
            case OutboxEntry::State::Conflict:
                if (e.kind == OutboxEntry::Kind::Command)
                    state = Tr::tr("conflict: %1").arg(e.problem);
                else
                    state = e.theirVersion == 0 ? Tr::tr("conflict: the record was deleted on the server")
                                                : Tr::tr("conflict: someone else changed it first");
                break;
            default:
                state = Tr::tr("refused by the server: %1").arg(e.problem);
                break;
            }
            auto* item = new QListWidgetItem(QStringLiteral("%1\n%2 · %3").arg(e.summary(), state, e.madeBy()), m_list);
            item->setData(Qt::UserRole, e.id());
            // Decided on: what waits for a decision, and a command waiting for the operator who made it.
            item->setData(Qt::UserRole + 1, e.state != OutboxEntry::State::Queued || e.awaitsMaker);
            item->setData(Qt::UserRole + 2, e.madeBy());
            if (e.id() == selected)
                m_list->setCurrentItem(item);
        }
        if (!m_list->currentItem()) {
            for (int i = 0; i < m_list->count(); ++i) {
                if (m_list->item(i)->data(Qt::UserRole + 1).toBool()) {
                    m_list->setCurrentRow(i);
                    break;
                }
            }
        }
        // Said only when known: after a failed read the problem says why nothing is listed.
        m_empty->setText(readable && entries.isEmpty() ? Tr::tr("Every change this desk made is on the server.") : QString());
        m_empty->setVisible(readable && entries.isEmpty());
        updateButtons();
        Q_EMIT refreshed();
        if (std::exchange(m_again, false))
            refresh();
    });
    watcher->setFuture(m_outbox.entries());
}

bool OutboxPanel::mayDecide(const QListWidgetItem* item) const
{
    // Whoever made the change decides on it; a supervisor or an administrator may decide for them.
    const Principal who = m_session.principal();
    if (!item || !who.isValid() || !item->data(Qt::UserRole + 1).toBool())
        return false;
    return item->data(Qt::UserRole + 2).toString() == who.name || who.roles.contains(QStringLiteral("hub_supervisor"))
           || who.roles.contains(QStringLiteral("administrator"));
}

void OutboxPanel::updateButtons()
{
    const bool decidable = mayDecide(m_list->currentItem());
    m_keep->setEnabled(decidable);
    m_discard->setEnabled(decidable);
    if (m_list->currentItem() && m_list->currentItem()->data(Qt::UserRole + 1).toBool() && !decidable)
        m_keep->setToolTip(Tr::tr("Only %1, who made this change, or a supervisor decides on it.")
                               .arg(m_list->currentItem()->data(Qt::UserRole + 2).toString()));
    else
        m_keep->setToolTip(Tr::tr("Apply my change over the server's version"));
}

void OutboxPanel::decide(bool keep)
{
    QListWidgetItem* item = m_list->currentItem();
    if (!mayDecide(item))
        return;
    m_keep->setEnabled(false);
    m_discard->setEnabled(false);
    auto* watcher = new QFutureWatcher<ChangeResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        try {
            watcher->waitForFinished();
            m_problem->clear();
        } catch (const Error& e) {
            m_problem->setText(e.message());
        } catch (const std::exception& e) {
            m_problem->setText(QString::fromUtf8(e.what()));
        }
        refresh();
    });
    watcher->setFuture(m_outbox.resolve(item->data(Qt::UserRole).toUuid(),
                                        keep ? Outbox::Resolution::KeepMine : Outbox::Resolution::DiscardMine,
                                        m_session.principal().name));
}

} // namespace hexhub::shell
