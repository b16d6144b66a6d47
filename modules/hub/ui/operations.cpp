#include "operations.h"

#include "base/clock.h"
#include "bus/eventbus.h"
#include "security/session.h"
#include "taskpanel.h"
#include "base/whenfinished.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hexhub::hub {

namespace {

constexpr int KindRole = Qt::UserRole + 1;
constexpr int ProposalRole = Qt::UserRole + 2; //!< on the operation list: a proposal's row

QString errorOf(const std::exception& e)
{
    return QString::fromUtf8(e.what());
}

QString clockTime(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toLocalTime(), QLocale::ShortFormat);
}

QColor taskColour(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Done: return QColor(0x27, 0xae, 0x60);
    case TaskStatus::InProgress: return QColor(0x29, 0x80, 0xb9);
    case TaskStatus::Declined: return QColor(0xd6, 0x30, 0x31);
    case TaskStatus::Cancelled: return QColor(0x95, 0xa5, 0xa6);
    case TaskStatus::Accepted:
    case TaskStatus::Issued: break;
    }
    return {};
}

} // namespace

// ---------------------------------------------------------------------------------------------

AssigneeBox::AssigneeBox(HubContext& hub, QWidget* parent)
    : QComboBox(parent)
{
    for (const auto& [id, name] : centres()) {
        if (id == QLatin1String("hub"))
            continue;
        addItem(name, id);
        setItemData(count() - 1, int(AssigneeKind::Centre), KindRole);
    }
    whenFinished(this, hub.units.units(), [this](QFuture<QList<Unit>> done) {
        try {
            const QList<Unit> units = done.result();
            if (!units.isEmpty())
                insertSeparator(count());
            for (const Unit& u : units) {
                addItem(tr("Unit %1 (%2, %3)").arg(u.callSign, unitKindName(u.kind), unitStatusName(u.status)), u.callSign);
                setItemData(count() - 1, int(AssigneeKind::Unit), KindRole);
            }
        } catch (const std::exception&) {
            // Without the registry the centres are still there; the unit list is what is missing.
            setToolTip(tr("The units cannot be read; tasks can go to the centres."));
        }
        Q_EMIT unitsLoaded();
    });
}

AssigneeKind AssigneeBox::assigneeKind() const
{
    return AssigneeKind(currentData(KindRole).toInt());
}

QString AssigneeBox::assignee() const
{
    return currentData().toString();
}

bool AssigneeBox::select(AssigneeKind kind, const QString& id)
{
    for (int i = 0; i < count(); ++i) {
        if (itemData(i).toString() == id && itemData(i, KindRole).toInt() == int(kind)) {
            setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

QString AssigneeBox::describe(AssigneeKind kind, const QString& assignee)
{
    if (kind == AssigneeKind::Unit)
        return tr("unit %1").arg(assignee);
    for (const auto& [id, name] : centres()) {
        if (id == assignee)
            return name;
    }
    return assignee;
}

// ---------------------------------------------------------------------------------------------

OperationPlanner::OperationPlanner(HubContext& hub, qint64 incidentId, QWidget* parent)
    : QDialog(parent)
    , m_hub(hub)
    , m_incident(incidentId)
{
    setObjectName(QStringLiteral("hub.operationPlanner"));
    setWindowTitle(tr("Plan a cluster operation"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setMaxLength(120);
    m_objective = new QLineEdit(this);
    m_objective->setObjectName(QStringLiteral("objective"));
    m_objective->setMaxLength(500);
    m_goAt = new QDateTimeEdit(this);
    m_goAt->setObjectName(QStringLiteral("goAt"));
    m_goAt->setCalendarPopup(true);
    m_goAt->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_goAt->setDateTime(QDateTime::fromMSecsSinceEpoch(m_hub.clock.nowMs() + 30 * 60000, Qt::UTC).toLocalTime());
    auto* head = new QFormLayout;
    head->addRow(tr("&Name:"), m_name);
    head->addRow(tr("&Objective:"), m_objective);
    head->addRow(tr("&Go at:"), m_goAt);
    head->addRow(new QLabel(incidentId > 0 ? tr("For the incident selected on the board.") : tr("Not tied to an incident."), this));

    // One line of the division at a time: who, what, where, when.
    m_who = new AssigneeBox(hub, this);
    m_who->setObjectName(QStringLiteral("who"));
    m_what = new QLineEdit(this);
    m_what->setObjectName(QStringLiteral("what"));
    m_what->setMaxLength(200);
    m_what->setPlaceholderText(tr("what they do, e.g. detain the suspect at the address"));
    m_where = new QLineEdit(this);
    m_where->setObjectName(QStringLiteral("where"));
    m_where->setMaxLength(200);
    m_starts = new QSpinBox(this);
    m_starts->setObjectName(QStringLiteral("starts"));
    m_starts->setRange(0, 24 * 60);
    m_starts->setSuffix(tr(" min after go"));
    m_starts->setSpecialValueText(tr("at go"));
    m_due = new QSpinBox(this);
    m_due->setObjectName(QStringLiteral("due"));
    m_due->setRange(0, 7 * 24 * 60);
    m_due->setValue(60);
    m_due->setSuffix(tr(" min after go"));
    m_due->setSpecialValueText(tr("no due time"));
    m_priority = new QComboBox(this);
    for (int p = 1; p <= 4; ++p)
        m_priority->addItem(tr("P%1").arg(p), p);
    m_priority->setCurrentIndex(1);
    auto* add = new QPushButton(tr("&Add to the division"), this);
    add->setObjectName(QStringLiteral("add"));
    auto* line = new QFormLayout;
    line->addRow(tr("&Who:"), m_who);
    line->addRow(tr("W&hat:"), m_what);
    line->addRow(tr("Wh&ere:"), m_where);
    line->addRow(tr("&Starts:"), m_starts);
    line->addRow(tr("&Due:"), m_due);
    line->addRow(tr("P&riority:"), m_priority);
    line->addRow(QString(), add);

    m_division = new QTreeWidget(this);
    m_division->setObjectName(QStringLiteral("division"));
    m_division->setRootIsDecorated(false);
    m_division->setHeaderLabels({tr("Who"), tr("What"), tr("Where"), tr("Starts"), tr("Due"), tr("P")});
    m_division->setMinimumHeight(160);
    auto* remove = new QShortcut(QKeySequence::Delete, m_division, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, [this] {
        const int row = m_division->indexOfTopLevelItem(m_division->currentItem());
        if (row < 0)
            return;
        delete m_division->takeTopLevelItem(row);
        m_tasks.removeAt(row);
    });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    // Enter adds a line of the division; only Ctrl+Enter (or the button) plans the whole. So the
    // plan button has no accept role, which would make it the default for Enter.
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* planButton = m_buttons->addButton(tr("&Plan (Ctrl+Enter)"), QDialogButtonBox::ActionRole);
    planButton->setObjectName(QStringLiteral("planIt"));
    for (QPushButton* b : findChildren<QPushButton*>()) {
        b->setAutoDefault(false);
        b->setDefault(false);
    }
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(planButton, &QPushButton::clicked, this, &OperationPlanner::plan);
    connect(add, &QPushButton::clicked, this, &OperationPlanner::addLine);
    for (QLineEdit* e : {m_what, m_where})
        connect(e, &QLineEdit::returnPressed, this, &OperationPlanner::addLine);
    for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* s = new QShortcut(keys, this);
        connect(s, &QShortcut::activated, this, &OperationPlanner::plan);
    }

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(head);
    auto* divisionTitle = new QLabel(tr("Task division: who does what, where, when"), this);
    QFont bold = divisionTitle->font();
    bold.setBold(true);
    divisionTitle->setFont(bold);
    layout->addWidget(divisionTitle);
    layout->addLayout(line);
    layout->addWidget(m_division, 1);
    layout->addWidget(new QLabel(tr("Delete removes the selected line."), this));
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(720, 640);
    m_name->setFocus();
}

void OperationPlanner::addLine()
{
    NewTask t;
    t.assigneeKind = m_who->assigneeKind();
    t.assignee = m_who->assignee();
    t.title = m_what->text().trimmed();
    t.place = m_where->text().trimmed();
    t.priority = m_priority->currentData().toInt();
    t.incidentId = m_incident;
    if (t.title.isEmpty()) {
        m_message->setText(tr("Say what this line of the division does."));
        m_what->setFocus();
        return;
    }
    // The times are offsets from go until the plan is made; plan() turns them into clock times.
    t.startsAt = m_starts->value();
    t.dueAt = m_due->value();
    m_tasks << t;
    auto* item = new QTreeWidgetItem(m_division, {AssigneeBox::describe(t.assigneeKind, t.assignee), t.title, t.place,
                                                  m_starts->value() == 0 ? tr("at go") : tr("go + %1 min").arg(m_starts->value()),
                                                  m_due->value() == 0 ? tr("none") : tr("go + %1 min").arg(m_due->value()),
                                                  tr("P%1").arg(t.priority)});
    m_division->setCurrentItem(item);
    m_message->setText(tr("%n line(s) in the division.", nullptr, int(m_tasks.size())));
    m_what->clear();
    m_where->clear();
    m_who->setFocus();
}

void OperationPlanner::plan()
{
    if (!m_buttons->isEnabled())
        return;
    Operation op;
    op.name = m_name->text();
    op.objective = m_objective->text();
    op.goAt = m_goAt->dateTime().toMSecsSinceEpoch();
    op.incidentId = m_incident;
    QList<NewTask> division = m_tasks;
    for (NewTask& t : division) {
        t.startsAt = op.goAt + t.startsAt * 60000;
        t.dueAt = t.dueAt > 0 ? op.goAt + t.dueAt * 60000 : 0;
    }
    m_buttons->setEnabled(false);
    whenFinished(this, m_hub.tasks.plan(op, division, m_command), [this](QFuture<Operation> done) {
        try {
            const Operation planned = done.result();
            Q_EMIT this->planned(planned.id);
            accept();
        } catch (const CommandQueued&) {
            accept(); // kept on the desk until the server is back: the desk says so
        } catch (const std::exception& e) {
            m_message->setText(errorOf(e));
            m_buttons->setEnabled(true);
        }
    });
}

// ---------------------------------------------------------------------------------------------

OperationsPanel::OperationsPanel(HubContext& hub, std::function<qint64()> currentIncident, QWidget* parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_currentIncident(std::move(currentIncident))
{
    setObjectName(QStringLiteral("hub.operations"));
    m_plan = new QPushButton(tr("&Plan an operation..."), this);
    m_plan->setObjectName(QStringLiteral("plan"));
    m_go = new QPushButton(tr("&Go now"), this);
    m_go->setObjectName(QStringLiteral("go"));
    m_complete = new QPushButton(tr("Co&mplete"), this);
    m_complete->setObjectName(QStringLiteral("complete"));
    m_cancel = new QPushButton(tr("Cancel the operati&on..."), this);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_approve = new QPushButton(tr("Appro&ve..."), this);
    m_approve->setObjectName(QStringLiteral("approve"));
    m_approve->setToolTip(tr("Approve the proposed operation at a go time you set: it is planned with its task division"));
    m_reject = new QPushButton(tr("Re&ject..."), this);
    m_reject->setObjectName(QStringLiteral("reject"));
    auto* top = new QHBoxLayout;
    for (QPushButton* b : {m_plan, m_go, m_complete, m_cancel, m_approve, m_reject})
        top->addWidget(b);
    top->addStretch(1);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("operations"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Operation"), tr("Status"), tr("Go"), tr("Tasks done")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);

    m_objective = new QLabel(this);
    m_objective->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("progress"));
    m_bar->setRange(0, 100);
    m_bar->setValue(0);
    m_division = new QTreeWidget(this);
    m_division->setObjectName(QStringLiteral("division"));
    m_division->setRootIsDecorated(false);
    m_division->setWordWrap(true);
    m_division->setHeaderLabels({tr("Who"), tr("Task"), tr("Where"), tr("When"), tr("Status"), tr("Note")});
    m_division->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_taskAccept = new QPushButton(tr("A&ccepted"), this);
    m_taskAccept->setObjectName(QStringLiteral("taskAccepted"));
    m_taskProgress = new QPushButton(tr("&Report progress..."), this);
    m_taskDone = new QPushButton(tr("Task &done"), this);
    m_taskDone->setObjectName(QStringLiteral("taskDone"));
    m_taskDecline = new QPushButton(tr("D&eclined..."), this);
    m_taskProgress->setToolTip(tr("Record what a unit reports for its line of the division"));
    auto* taskButtons = new QHBoxLayout;
    for (QPushButton* b : {m_taskAccept, m_taskProgress, m_taskDone, m_taskDecline})
        taskButtons->addWidget(b);
    taskButtons->addStretch(1);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #d63031;"));

    auto* details = new QWidget(this);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_objective);
    detailsLayout->addWidget(m_bar);
    detailsLayout->addWidget(m_summary);
    detailsLayout->addWidget(m_division, 1);
    detailsLayout->addLayout(taskButtons);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(details);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);

    connect(m_plan, &QPushButton::clicked, this, &OperationsPanel::planNew);
    connect(m_go, &QPushButton::clicked, this, &OperationsPanel::goNow);
    connect(m_complete, &QPushButton::clicked, this, [this] { finish(OperationStatus::Completed); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { finish(OperationStatus::Cancelled); });
    connect(m_approve, &QPushButton::clicked, this, &OperationsPanel::approveProposal);
    connect(m_reject, &QPushButton::clicked, this, &OperationsPanel::rejectProposal);
    const auto respond = [this](TaskResponse what) {
        if (const qint64 id = currentTask())
            respondToTask(this, m_hub, id, what, [this](const QString& e) { report(e); });
    };
    connect(m_taskAccept, &QPushButton::clicked, this, [respond] { respond(TaskResponse::Accept); });
    connect(m_taskProgress, &QPushButton::clicked, this, [respond] { respond(TaskResponse::Progress); });
    connect(m_taskDone, &QPushButton::clicked, this, [respond] { respond(TaskResponse::Done); });
    connect(m_taskDecline, &QPushButton::clicked, this, [respond] { respond(TaskResponse::Decline); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        showOperation();
        updateButtons();
    });
    connect(m_division, &QTreeWidget::currentItemChanged, this, &OperationsPanel::updateButtons);
    connect(&m_hub.session, &Session::changed, this, &OperationsPanel::reload);

    // The go countdown and running times move with the Clock; the rest follows the bus.
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshTimes();
    });
    m_tick->start();
    reloadOnEvents(m_hub.bus, this, {QStringLiteral("operation."), QStringLiteral("task.")}, 300, [this] { reload(); });
    reload();
}

OperationsPanel::~OperationsPanel() = default;

qint64 OperationsPanel::currentOperation() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item && !item->data(0, ProposalRole).toBool() ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

qint64 OperationsPanel::currentProposal() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item && item->data(0, ProposalRole).toBool() ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

qint64 OperationsPanel::currentTask() const
{
    const QTreeWidgetItem* item = m_division->currentItem();
    return item ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

void OperationsPanel::report(const QString& error)
{
    m_message->setText(error);
}

void OperationsPanel::reload()
{
    m_plan->setVisible(m_hub.session.can(QStringLiteral("hub.operation.command")));
    updateButtons(); // another operator: their permissions at once, not when the list comes back
    if (!m_hub.session.can(QStringLiteral("hub.incident.view"))) {
        m_operations.clear();
        m_list->clear();
        m_division->clear();
        updateButtons();
        return;
    }
    const int generation = ++m_generation;
    // The proposals awaiting review first (they wait on this supervisor), then the operations.
    whenFinished(this, m_hub.tasks.proposals(), [this, generation](QFuture<QList<OperationProposal>> done) {
        if (generation != m_generation)
            return;
        m_proposals.clear();
        try {
            for (const OperationProposal& p : done.result())
                if (p.status == ProposalStatus::Proposed)
                    m_proposals << p;
        } catch (const std::exception& e) {
            report(errorOf(e));
        }
        loadOperations(generation);
    });
}

void OperationsPanel::loadOperations(int generation)
{
    whenFinished(this, m_hub.tasks.operations(), [this, generation](QFuture<QList<Operation>> done) {
        if (generation != m_generation)
            return;
        QList<Operation> operations;
        try {
            operations = done.result();
        } catch (const std::exception& e) {
            report(errorOf(e));
            return;
        }
        // The progress of each listed operation, then the list in one go (no half-filled rows).
        auto pending = std::make_shared<int>(int(operations.size()));
        auto progress = std::make_shared<QHash<qint64, OperationProgress>>();
        const auto fill = [this, generation, operations, progress] {
            if (generation != m_generation)
                return;
            const qint64 keep = currentOperation();
            const qint64 keepProposal = currentProposal();
            m_operations = operations;
            m_progress = *progress;
            // Rebuilt quietly; showOperation() below sees the same operation again, not a change.
            const QSignalBlocker quiet(m_list);
            m_list->clear();
            for (const OperationProposal& p : std::as_const(m_proposals)) {
                auto* item = new QTreeWidgetItem(m_list);
                item->setData(0, Qt::UserRole, p.id);
                item->setData(0, ProposalRole, true);
                item->setText(0, p.name);
                item->setText(1, proposalStatusName(p.status));
                item->setForeground(1, QColor(0xe6, 0x7e, 0x22));
                item->setText(2, p.goAt > 0 ? tr("proposed %1").arg(clockTime(p.goAt)) : tr("go time not set"));
                item->setText(3, tr("%n task(s) proposed", nullptr, int(p.division.size())));
                if (p.id == keepProposal)
                    m_list->setCurrentItem(item);
            }
            for (const Operation& op : std::as_const(m_operations)) {
                auto* item = new QTreeWidgetItem(m_list);
                item->setData(0, Qt::UserRole, op.id);
                item->setText(0, op.name);
                item->setText(1, operationStatusName(op.status));
                if (op.status == OperationStatus::Running)
                    item->setForeground(1, QColor(0x29, 0x80, 0xb9));
                if (op.id == keep)
                    m_list->setCurrentItem(item);
            }
            if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
                m_list->setCurrentItem(m_list->topLevelItem(0));
            refreshTimes();
            m_list->resizeColumnToContents(1);
            m_list->resizeColumnToContents(2);
            showOperation();
            updateButtons();
        };
        if (operations.isEmpty()) {
            fill();
            return;
        }
        for (const Operation& op : std::as_const(operations)) {
            whenFinished(this, m_hub.tasks.progress(op.id), [this, id = op.id, pending, progress, fill](QFuture<OperationProgress> p) {
                try {
                    progress->insert(id, p.result());
                } catch (const std::exception& e) {
                    report(errorOf(e));
                }
                if (--*pending == 0)
                    fill();
            });
        }
    });
}

void OperationsPanel::refreshTimes()
{
    const qint64 now = m_hub.clock.nowMs();
    const int first = int(m_proposals.size()); // the proposals' rows come first
    for (int i = 0; first + i < m_list->topLevelItemCount() && i < m_operations.size(); ++i) {
        const Operation& op = m_operations.at(i);
        QTreeWidgetItem* item = m_list->topLevelItem(first + i);
        QString go;
        switch (op.status) {
        case OperationStatus::Planned:
            go = op.goAt > now ? tr("in %1").arg(formatDuration(op.goAt - now)) : tr("due %1 ago").arg(formatDuration(now - op.goAt));
            break;
        case OperationStatus::Running:
            go = tr("running %1").arg(formatDuration(now - op.goAt));
            break;
        default:
            go = clockTime(op.goAt);
        }
        item->setText(2, go);
        const OperationProgress p = m_progress.value(op.id);
        item->setText(3, tr("%1 of %2 (%3%)").arg(p.done).arg(p.total - p.cancelled).arg(p.percentDone()));
    }
}

void OperationsPanel::showOperation()
{
    const qint64 id = currentOperation();
    // The same operation again (a report came in): keep its lines and the selected one until the
    // new ones arrive, so the view does not flicker and the operator's place is kept.
    if (id != m_shownOperation) {
        m_division->clear();
        m_tasks.clear();
        m_shownOperation = id;
    }
    if (const qint64 proposal = currentProposal()) {
        m_shownOperation = -1;
        for (const OperationProposal& p : std::as_const(m_proposals))
            if (p.id == proposal)
                showProposal(p);
        Q_EMIT loaded();
        return;
    }
    if (id == 0) {
        m_objective->setText(m_operations.isEmpty() && m_proposals.isEmpty() ? tr("No operations. A supervisor plans one with its task division.") : QString());
        m_summary->clear();
        m_bar->setValue(0);
        Q_EMIT loaded();
        return;
    }
    m_bar->setVisible(true);
    for (const Operation& op : std::as_const(m_operations)) {
        if (op.id != id)
            continue;
        m_objective->setText(tr("<b>%1</b>: %2<br>Go %3, planned by %4")
                                 .arg(op.name.toHtmlEscaped(), op.objective.toHtmlEscaped(), clockTime(op.goAt), op.createdBy.toHtmlEscaped()));
        const OperationProgress p = m_progress.value(id);
        m_bar->setValue(p.percentDone());
        m_summary->setText(tr("%1 tasks: %2 done, %3 in progress, %4 accepted, %5 not yet accepted, %6 declined, %7 cancelled")
                               .arg(p.total).arg(p.done).arg(p.inProgress).arg(p.accepted).arg(p.issued).arg(p.declined).arg(p.cancelled));
    }
    const int generation = m_generation;
    whenFinished(this, m_hub.tasks.operationTasks(id), [this, id, generation](QFuture<QList<Task>> done) {
        if (generation != m_generation || id != currentOperation())
            return;
        const qint64 keep = currentTask(); // what the operator selected by now
        try {
            m_tasks = done.result();
        } catch (const std::exception& e) {
            report(errorOf(e));
            return;
        }
        m_division->clear();
        const qint64 now = m_hub.clock.nowMs();
        for (const Task& t : std::as_const(m_tasks)) {
            QString when = clockTime(t.startsAt);
            if (t.dueAt > 0)
                when += u'\n' + (t.isOpen() && t.dueAt < now ? tr("overdue %1").arg(formatDuration(now - t.dueAt))
                                                             : tr("due %1").arg(clockTime(t.dueAt)));
            QString status = taskStatusName(t.status);
            if (t.status == TaskStatus::InProgress)
                status += tr(" (%1%)").arg(t.progress);
            const QString note = t.status == TaskStatus::Declined ? t.declineReason : t.progressNote;
            auto* item = new QTreeWidgetItem(m_division, {AssigneeBox::describe(t.assigneeKind, t.assignee), t.title, t.place, when, status, note});
            item->setData(0, Qt::UserRole, t.id);
            if (const QColor c = taskColour(t.status); c.isValid())
                item->setForeground(4, c);
            if (t.isOpen() && t.dueAt > 0 && t.dueAt < now)
                item->setForeground(3, QColor(0xd6, 0x30, 0x31));
            if (t.id == keep)
                m_division->setCurrentItem(item);
        }
        for (int c : {0, 2, 3, 4})
            m_division->resizeColumnToContents(c);
        updateButtons();
        Q_EMIT loaded();
    });
}

void OperationsPanel::updateButtons()
{
    OperationStatus status = OperationStatus::Completed;
    const qint64 id = currentOperation();
    for (const Operation& op : std::as_const(m_operations)) {
        if (op.id == id)
            status = op.status;
    }
    const bool command = id != 0 && m_hub.session.can(QStringLiteral("hub.operation.command"));
    const bool review = currentProposal() != 0 && m_hub.session.can(QStringLiteral("hub.operation.command"));
    m_approve->setEnabled(review);
    m_reject->setEnabled(review);
    m_approve->setVisible(m_hub.session.can(QStringLiteral("hub.operation.command")));
    m_reject->setVisible(m_approve->isVisibleTo(this));
    m_go->setEnabled(command && status == OperationStatus::Planned);
    m_complete->setEnabled(command && status == OperationStatus::Running);
    m_cancel->setEnabled(command && (status == OperationStatus::Planned || status == OperationStatus::Running));
    TaskStatus task = TaskStatus::Done;
    const qint64 taskId = currentTask();
    for (const Task& t : std::as_const(m_tasks)) {
        if (t.id == taskId)
            task = t.status;
    }
    const bool respond = taskId != 0 && m_hub.session.can(QStringLiteral("hub.task.respond"));
    m_taskAccept->setEnabled(respond && canMoveTask(task, TaskStatus::Accepted));
    m_taskProgress->setEnabled(respond && canMoveTask(task, TaskStatus::InProgress));
    m_taskDone->setEnabled(respond && canMoveTask(task, TaskStatus::Done));
    m_taskDecline->setEnabled(respond && canMoveTask(task, TaskStatus::Declined));
}

void OperationsPanel::planNew()
{
    if (!m_hub.session.can(QStringLiteral("hub.operation.command")))
        return;
    auto* planner = new OperationPlanner(m_hub, m_currentIncident ? m_currentIncident() : 0, window());
    planner->setAttribute(Qt::WA_DeleteOnClose);
    connect(planner, &OperationPlanner::planned, this, [this](qint64 id) {
        // Select it when the list comes back with it.
        m_list->setCurrentItem(nullptr);
        auto* placeholder = new QTreeWidgetItem(m_list, {tr("Planning...")});
        placeholder->setData(0, Qt::UserRole, id);
        m_list->setCurrentItem(placeholder);
        reload();
    });
    planner->open();
}

void OperationsPanel::showProposal(const OperationProposal& p)
{
    m_division->clear();
    m_tasks.clear();
    // "investigation:12" as "investigation 12"; another centre's kind of record as it says it.
    const QString record = p.originRef.section(QLatin1Char(':'), 0, 0) == QLatin1String("investigation")
                               ? tr("investigation %1").arg(p.originRef.section(QLatin1Char(':'), 1))
                               : p.originRef;
    m_objective->setText(tr("<b>%1</b>: %2<br>Proposed by %3 of %4 (%5), %6; awaiting your review")
                             .arg(p.name.toHtmlEscaped(), p.objective.toHtmlEscaped(), p.proposedBy.toHtmlEscaped(),
                                  AssigneeBox::describe(AssigneeKind::Centre, p.origin).toHtmlEscaped(), record.toHtmlEscaped(),
                                  clockTime(p.proposedAt)));
    m_bar->setVisible(false); // nothing done yet: nothing to measure
    m_summary->setText(p.goAt > 0 ? tr("%n line(s); go proposed for %1", nullptr, int(p.division.size())).arg(clockTime(p.goAt))
                                  : tr("%n line(s); no go time proposed: set it when approving", nullptr, int(p.division.size())));
    for (const ProposedTask& line : p.division) {
        const QString when = line.afterGoMs > 0 ? tr("go + %1").arg(formatDuration(line.afterGoMs)) : tr("at go");
        auto* item = new QTreeWidgetItem(m_division, {AssigneeBox::describe(line.assigneeKind, line.assignee), line.title, line.place, when,
                                                      proposalStatusName(p.status), line.detail});
        item->setData(0, Qt::UserRole, 0);
    }
    for (int c : {0, 2, 3, 4})
        m_division->resizeColumnToContents(c);
    updateButtons();
}

void OperationsPanel::approveProposal()
{
    const qint64 id = currentProposal();
    const OperationProposal* proposal = nullptr;
    for (const OperationProposal& p : std::as_const(m_proposals))
        if (p.id == id)
            proposal = &p;
    if (!proposal || !m_hub.session.can(QStringLiteral("hub.operation.command")))
        return;
    auto* dialog = new QDialog(window());
    dialog->setObjectName(QStringLiteral("hub.approveOperation"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Approve %1").arg(proposal->name));
    auto* go = new QDateTimeEdit(dialog);
    go->setObjectName(QStringLiteral("goAt"));
    go->setCalendarPopup(true);
    go->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    const qint64 proposed = proposal->goAt > m_hub.clock.nowMs() ? proposal->goAt : m_hub.clock.nowMs() + 3600'000LL;
    go->setDateTime(QDateTime::fromMSecsSinceEpoch(proposed, Qt::UTC).toLocalTime());
    auto* note = new QLineEdit(dialog);
    note->setObjectName(QStringLiteral("note"));
    note->setPlaceholderText(tr("A remark for the centre (optional)"));
    auto* form = new QFormLayout;
    form->addRow(new QLabel(tr("%n line(s) of task division are planned at this go time, each at its time after go.", nullptr,
                               int(proposal->division.size())), dialog));
    form->addRow(tr("&Go at:"), go);
    form->addRow(tr("&Remark:"), note);
    // The incident it answers: the one on the board, for a proposal that names none.
    QCheckBox* forIncident = nullptr;
    const qint64 boardIncident = proposal->incidentId == 0 && m_currentIncident ? m_currentIncident() : 0;
    if (boardIncident > 0) {
        forIncident = new QCheckBox(tr("For the incident selected on the board (%1): the operation joins its timeline").arg(boardIncident), dialog);
        forIncident->setObjectName(QStringLiteral("forIncident"));
        forIncident->setChecked(true);
        form->addRow(forIncident);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Approve"));
    auto* layout = new QVBoxLayout(dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, go, note, id, forIncident, boardIncident] {
        m_message->clear();
        whenFinished(this, m_hub.tasks.approve(id, go->dateTime().toMSecsSinceEpoch(), note->text(),
                                               forIncident && forIncident->isChecked() ? boardIncident : 0),
                     [this](QFuture<OperationProposal> done) {
                         try {
                             const OperationProposal approved = done.result();
                             // Select the operation it planned when the list comes back with it.
                             m_list->setCurrentItem(nullptr);
                             auto* placeholder = new QTreeWidgetItem(m_list, {tr("Planning...")});
                             placeholder->setData(0, Qt::UserRole, approved.operationId);
                             m_list->setCurrentItem(placeholder);
                             reload();
                         } catch (const std::exception& e) {
                             report(errorOf(e));
                         }
                     });
        dialog->accept();
    });
    dialog->open();
}

void OperationsPanel::rejectProposal()
{
    const qint64 id = currentProposal();
    if (id == 0 || !m_hub.session.can(QStringLiteral("hub.operation.command")))
        return;
    auto* ask = new QInputDialog(window());
    ask->setObjectName(QStringLiteral("hub.rejectOperation"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Reject the proposed operation"));
    ask->setLabelText(tr("Why is it rejected? The proposing centre reads it on its investigation."));
    connect(ask, &QInputDialog::textValueSelected, this, [this, id](const QString& reason) {
        m_message->clear();
        whenFinished(this, m_hub.tasks.reject(id, reason), [this](QFuture<OperationProposal> done) {
            try {
                done.result();
                reload();
            } catch (const std::exception& e) {
                report(errorOf(e));
            }
        });
    });
    ask->open();
}

void OperationsPanel::goNow()
{
    const qint64 id = currentOperation();
    if (id == 0)
        return;
    m_message->clear();
    whenFinished(this, m_hub.tasks.start(id), [this](QFuture<Operation> done) {
        try {
            done.result();
        } catch (const std::exception& e) {
            report(errorOf(e));
        }
    });
}

void OperationsPanel::finish(OperationStatus how)
{
    const qint64 id = currentOperation();
    if (id == 0)
        return;
    const auto run = [this, id, how] {
        m_message->clear();
        whenFinished(this, m_hub.tasks.finish(id, how), [this](QFuture<Operation> done) {
            try {
                done.result();
            } catch (const std::exception& e) {
                report(errorOf(e));
            }
        });
    };
    if (how != OperationStatus::Cancelled) {
        run();
        return;
    }
    auto* ask = new QMessageBox(QMessageBox::Question, tr("Cancel the operation"),
                                tr("Cancel the operation? Its open tasks are cancelled with it."),
                                QMessageBox::Yes | QMessageBox::No, window());
    ask->setObjectName(QStringLiteral("hub.cancelOperation"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setDefaultButton(QMessageBox::No);
    connect(ask, &QMessageBox::finished, this, [run](int answer) {
        if (answer == QMessageBox::Yes)
            run();
    });
    ask->open();
}

} // namespace hexhub::hub
