#include "taskpanel.h"

#include "operations.h"

#include "base/clock.h"
#include "bus/eventbus.h"
#include "security/session.h"
#include "base/whenfinished.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QShortcut>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace hexhub::hub {

TaskPanel::TaskPanel(HubContext& hub, std::function<qint64()> currentIncident, QWidget* parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_currentIncident(std::move(currentIncident))
{
    setObjectName(QStringLiteral("hub.tasks"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("tasks"));
    m_list->setWordWrap(true);
    m_issue = new QPushButton(tr("&Issue a task..."), this);
    m_issue->setObjectName(QStringLiteral("issue"));
    // Keys on the list rather than mnemonics: the panel sits beside any centre's desk, whose own
    // Alt keys (its pages) it must not take.
    m_accept = new QPushButton(tr("Accept (A)"), this);
    m_progress = new QPushButton(tr("Progress... (P)"), this);
    m_done = new QPushButton(tr("Done (D)"), this);
    m_decline = new QPushButton(tr("Decline... (L)"), this);
    m_accept->setObjectName(QStringLiteral("accept"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_done->setObjectName(QStringLiteral("done"));
    m_decline->setObjectName(QStringLiteral("decline"));
    const auto listKey = [this](Qt::Key key, TaskResponse what) {
        auto* shortcut = new QShortcut(QKeySequence(key), m_list, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, what] { act(what); });
    };
    listKey(Qt::Key_A, TaskResponse::Accept);
    listKey(Qt::Key_P, TaskResponse::Progress);
    listKey(Qt::Key_D, TaskResponse::Done);
    listKey(Qt::Key_L, TaskResponse::Decline);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_accept, m_progress, m_done, m_decline})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_issue);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_issue, &QPushButton::clicked, this, &TaskPanel::issue);
    connect(m_accept, &QPushButton::clicked, this, [this] { act(TaskResponse::Accept); });
    connect(m_progress, &QPushButton::clicked, this, [this] { act(TaskResponse::Progress); });
    connect(m_done, &QPushButton::clicked, this, [this] { act(TaskResponse::Done); });
    connect(m_decline, &QPushButton::clicked, this, [this] { act(TaskResponse::Decline); });
    connect(m_list, &QListWidget::currentRowChanged, this, &TaskPanel::updateButtons);
    connect(&m_hub.session, &Session::changed, this, &TaskPanel::reload);

    reloadOnEvents(m_hub.bus, this, {QStringLiteral("task.")}, 300, [this] { reload(); });
    reload();
}

TaskPanel::~TaskPanel() = default;

QString TaskPanel::ownCentre() const
{
    const Principal who = m_hub.session.principal();
    if (who.can(QStringLiteral("hub.task.assign")))
        return {};
    for (const auto& [id, name] : centres()) {
        if (who.hasRole(id + QStringLiteral("_operator")))
            return id;
    }
    return QStringLiteral("-"); // nobody's: an empty list
}

void TaskPanel::reload()
{
    m_issue->setVisible(m_hub.session.can(QStringLiteral("hub.task.assign")));
    // Another operator signed in: the last one's tasks go at once, not when the new list arrives.
    if (m_hub.session.actorName() != m_shownFor) {
        m_shownFor = m_hub.session.actorName();
        m_tasks.clear();
        m_list->clear();
        m_message->clear();
    }
    const QString centre = ownCentre();
    if (centre == QLatin1String("-") || !m_hub.session.isSignedIn()) {
        m_tasks.clear();
        m_list->clear();
        updateButtons();
        return;
    }
    whenFinished(this, m_hub.tasks.openTasks(centre), [this](QFuture<QList<Task>> done) {
        const qint64 keep = currentTask();
        try {
            m_tasks = done.result();
        } catch (const std::exception& e) {
            m_tasks.clear();
            m_list->clear();
            updateButtons();
            report(QString::fromUtf8(e.what()));
            return;
        }
        m_list->clear();
        const qint64 now = m_hub.clock.nowMs();
        for (const Task& t : std::as_const(m_tasks)) {
            const QString who = AssigneeBox::describe(t.assigneeKind, t.assignee);
            QString text = tr("P%1  %2 for %3: %4").arg(t.priority).arg(taskStatusName(t.status), who, t.title);
            if (t.status == TaskStatus::InProgress)
                text += tr(" (%1%)").arg(t.progress);
            if (t.dueAt > 0)
                text += u'\n' + (t.dueAt < now ? tr("overdue %1").arg(formatDuration(now - t.dueAt))
                                               : tr("due in %1").arg(formatDuration(t.dueAt - now)));
            auto* item = new QListWidgetItem(text, m_list);
            item->setData(Qt::UserRole, t.id);
            if (t.dueAt > 0 && t.dueAt < now)
                item->setForeground(QColor(0xd6, 0x30, 0x31));
            if (t.id == keep)
                m_list->setCurrentItem(item);
        }
        if (!m_list->currentItem() && m_list->count() > 0)
            m_list->setCurrentRow(0);
        updateButtons();
        Q_EMIT loaded();
    });
}

qint64 TaskPanel::currentTask() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void TaskPanel::updateButtons()
{
    const qint64 id = currentTask();
    TaskStatus status = TaskStatus::Done;
    for (const Task& t : std::as_const(m_tasks)) {
        if (t.id == id)
            status = t.status;
    }
    const bool respond = id != 0 && m_hub.session.can(QStringLiteral("hub.task.respond"));
    m_accept->setEnabled(respond && canMoveTask(status, TaskStatus::Accepted));
    m_progress->setEnabled(respond && canMoveTask(status, TaskStatus::InProgress));
    m_done->setEnabled(respond && canMoveTask(status, TaskStatus::Done));
    m_decline->setEnabled(respond && canMoveTask(status, TaskStatus::Declined));
}

void TaskPanel::report(const QString& error)
{
    m_message->setText(error);
}

void TaskPanel::act(TaskResponse what)
{
    const qint64 id = currentTask();
    if (id == 0)
        return;
    m_message->clear();
    respondToTask(this, m_hub, id, what, [this](const QString& error) { report(error); });
}

void respondToTask(QWidget* parent, HubContext& hub, qint64 id, TaskResponse what, std::function<void(const QString&)> report)
{
    QFuture<Task> future;
    switch (what) {
    case TaskResponse::Accept:
        future = hub.tasks.accept(id);
        break;
    case TaskResponse::Done:
        future = hub.tasks.complete(id);
        break;
    case TaskResponse::Progress: {
        bool ok = false;
        const int percent = QInputDialog::getInt(parent, TaskPanel::tr("Progress"), TaskPanel::tr("How far is it (percent)?"), 50, 0, 100, 10, &ok);
        if (!ok)
            return;
        const QString note = QInputDialog::getText(parent, TaskPanel::tr("Progress"), TaskPanel::tr("What has been done (optional):"),
                                                   QLineEdit::Normal, {}, &ok);
        if (!ok)
            return;
        future = hub.tasks.reportProgress(id, percent, note);
        break;
    }
    case TaskResponse::Decline: {
        bool ok = false;
        const QString reason = QInputDialog::getText(parent, TaskPanel::tr("Decline the task"),
                                                     TaskPanel::tr("Why is it declined? The hub sees the reason."), QLineEdit::Normal, {}, &ok);
        if (!ok)
            return;
        future = hub.tasks.decline(id, reason);
        break;
    }
    }
    whenFinished(parent, future, [report = std::move(report)](QFuture<Task> done) {
        try {
            done.result();
        } catch (const std::exception& e) {
            report(QString::fromUtf8(e.what()));
        }
    });
}

void TaskPanel::issue()
{
    auto* dialog = new QDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("hub.issueTask"));
    dialog->setWindowTitle(tr("Issue a task"));
    auto* form = new QFormLayout;
    auto* to = new AssigneeBox(m_hub, dialog);
    to->setObjectName(QStringLiteral("assignee"));
    auto* title = new QLineEdit(dialog);
    title->setObjectName(QStringLiteral("title"));
    title->setMaxLength(200);
    auto* priority = new QComboBox(dialog);
    for (int p = 1; p <= 4; ++p)
        priority->addItem(tr("P%1").arg(p), p);
    priority->setCurrentIndex(2);
    auto* due = new QSpinBox(dialog);
    due->setRange(0, 7 * 24 * 60);
    due->setValue(30);
    due->setSuffix(tr(" min"));
    due->setSpecialValueText(tr("no due time"));
    const qint64 incident = m_currentIncident ? m_currentIncident() : 0;
    auto* about = new QLabel(incident > 0 ? tr("For the incident selected on the board.") : tr("Not tied to an incident."), dialog);
    form->addRow(tr("&To:"), to);
    form->addRow(tr("&Task:"), title);
    form->addRow(tr("&Priority:"), priority);
    form->addRow(tr("D&ue in:"), due);
    form->addRow(about);
    auto* message = new QLabel(dialog);
    message->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Issue"));
    auto* layout = new QVBoxLayout(dialog);
    layout->addLayout(form);
    layout->addWidget(message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    // The dialog is one draft: Issue pressed again after a lost answer issues no second task.
    connect(buttons, &QDialogButtonBox::accepted, dialog, [=, this, command = CommandId::make()] {
        NewTask t;
        t.assigneeKind = to->assigneeKind();
        t.assignee = to->assignee();
        t.title = title->text();
        t.priority = priority->currentData().toInt();
        t.dueAt = due->value() > 0 ? m_hub.clock.nowMs() + qint64(due->value()) * 60000 : 0;
        t.incidentId = incident;
        closeWhenSaved(dialog, buttons, message, m_hub.tasks.issue(t, command));
    });
    title->setFocus();
    dialog->open();
}

} // namespace hexhub::hub
