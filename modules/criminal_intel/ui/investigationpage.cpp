#include "investigationpage.h"
#include "intelcontext.h"
#include "intelforms_p.h"
#include "intelviews_p.h"

#include "base/background.h"
#include "base/clock.h"
#include "base/error.h"
#include "base/whenfinished.h"
#include "hexhub/hub/unitservice.h"
#include "messageline.h"
#include "reportwriter.h"
#include "security/session.h"
#include "viewsupport.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QKeySequence>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>

namespace hexhub::criminalintel {

namespace {

QString stamp(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

// The centres a line or a member may be, in the language in use.
QList<QPair<QString, QString>> centreNames()
{
    QList<QPair<QString, QString>> out;
    for (const char* id : {"political_security", "basic_control", "criminal_intel", "bigdata_investigation", "case_management", "supervision"})
        out.append({QString::fromLatin1(id), centreName(QString::fromLatin1(id))});
    return out;
}

QString who(AssigneeKind kind, const QString& id)
{
    return kind == AssigneeKind::Unit ? InvestigationPage::tr("unit %1").arg(id) : centreName(id);
}

QTreeWidget* tree(QWidget* parent, const QString& name, const QStringList& headers)
{
    auto* t = new QTreeWidget(parent);
    t->setObjectName(name);
    t->setRootIsDecorated(false);
    t->setUniformRowHeights(false);
    t->setWordWrap(true);
    t->setHeaderLabels(headers);
    // Short columns as wide as what they hold (whatever the font: a wall's is larger), the last one the rest.
    t->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->header()->setStretchLastSection(true);
    return t;
}

// Whom a task goes to: the centres, then the units (read off the GUI thread).
QComboBox* assigneeBox(QWidget* parent, IntelContext& context, bool centres)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(QStringLiteral("who"));
    if (centres)
        for (const auto& [id, name] : centreNames())
            box->addItem(name, QStringList{QStringLiteral("centre"), id});
    whenFinished(box, UnitService(context.store, context.session, context.audit).units(), [box](QFuture<QList<Unit>> done) {
        try {
            for (const Unit& u : done.result())
                box->addItem(InvestigationPage::tr("Unit %1 (%2)").arg(u.callSign, unitKindName(u.kind)), QStringList{QStringLiteral("unit"), u.callSign});
        } catch (const std::exception&) {
            box->setToolTip(InvestigationPage::tr("The units cannot be read; tasks can go to the centres."));
        }
    });
    return box;
}

// Writes one intelligence package as a PDF at `path` (any thread); its pages.
int writePackage(const IntelPackage& p, const QString& path, const QStringList& words)
{
    // words: title, handling, target, what is known, linked, leads, action, masked note, headings...
    ReportWriter doc(path, words.value(0));
    if (!doc.isOpen())
        throw ValidationError(doc.errorString());
    doc.setTitle(words.value(1));
    doc.band(words.value(1), QColor(0xd3, 0x54, 0x00), Qt::white);
    doc.paragraph(words.value(2), 11, true);
    doc.paragraph(words.value(3));
    doc.heading(words.value(4));
    QList<QStringList> facts{{words.value(5), p.targetKind + QStringLiteral(": ") + p.targetLabel},
                             {words.value(6), p.action},
                             {words.value(7), p.place},
                             {words.value(8), words.value(9)}};
    for (auto it = p.targetAttributes.begin(); it != p.targetAttributes.end(); ++it)
        facts << QStringList{it.key(), it.value().toVariant().toString()};
    doc.table({words.value(10), words.value(11)}, facts, {0.3, 0.7});
    if (!p.linked.isEmpty()) {
        doc.heading(words.value(12));
        QList<QStringList> rows;
        for (const IntelPackage::Linked& l : p.linked)
            rows << QStringList{(l.outgoing ? QString() : QStringLiteral("← ")) + l.relation, l.kind, l.label, l.confidence, l.source};
        doc.table({words.value(13), words.value(14), words.value(15), words.value(16), words.value(17)}, rows, {0.18, 0.14, 0.26, 0.14, 0.28});
    }
    if (!p.handling.isEmpty()) {
        doc.heading(words.value(18));
        for (const QString& h : p.handling)
            doc.paragraph(h);
    }
    if (!p.leads.isEmpty()) {
        doc.heading(words.value(19));
        for (const QString& l : p.leads)
            doc.paragraph(l);
    }
    QString error;
    if (!doc.finish(&error))
        throw ValidationError(error);
    return doc.pages();
}

} // namespace

InvestigationPage::InvestigationPage(IntelContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("investigationPage"));
    m_list = tree(this, QStringLiteral("investigations"), {tr("Investigation"), tr("Status"), tr("Open tasks"), tr("Last report")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->setWordWrap(false);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("investigationHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_header->setTextFormat(Qt::RichText);
    m_members = tree(this, QStringLiteral("members"), {tr("Member"), tr("Kind"), tr("Role"), tr("Added")});
    m_division = tree(this, QStringLiteral("division"), {tr("Who"), tr("Task"), tr("Where"), tr("Due"), tr("Status"), tr("Report")});
    m_targets = tree(this, QStringLiteral("targets"), {tr("Target"), tr("Who acts"), tr("Action"), tr("Where"), tr("After go")});
    m_reports = tree(this, QStringLiteral("reports"), {tr("Day"), tr("By"), tr("Report")});
    m_timeline = tree(this, QStringLiteral("timeline"), {tr("When"), tr("Done by"), tr("What")});
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("investigationTabs"));
    m_tabs->addTab(m_members, tr("Members"));
    m_tabs->addTab(m_division, tr("Task division"));
    m_tabs->addTab(m_targets, tr("Targets"));
    m_tabs->addTab(m_reports, tr("Daily reports"));
    m_tabs->addTab(m_timeline, tr("Timeline"));
    auto* keys = new QLabel(tr("N new · M member · D task · T target (Shift+T many) · R today's report · O propose the operation · W withdraw · "
                               "S status · K packages · C chart · Delete remove · Alt+1-5 tabs"),
                            this);
    keys->setObjectName(QStringLiteral("keys"));
    keys->setWordWrap(true);
    QFont small = keys->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    keys->setFont(small);
    m_message = new QLabel(this);
    makeMessageLine(m_message, QStringLiteral("message"));

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_header);
    detailLayout->addWidget(m_tabs, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_list);
    split->addWidget(detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({560, 840});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split, 1);
    layout->addWidget(keys);
    layout->addWidget(m_message);
    setFocusProxy(m_list);

    const auto bind = [this](const QKeySequence& key, auto&& action) {
        auto* s = new QShortcut(key, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, action);
    };
    bind(QKeySequence(Qt::Key_N), [this] { openNew(); });
    bind(QKeySequence(Qt::Key_M), [this] { addMember(); });
    bind(QKeySequence(Qt::Key_D), [this] { divide(); });
    bind(QKeySequence(Qt::Key_T), [this] { setTarget(); });
    bind(QKeySequence(Qt::SHIFT | Qt::Key_T), [this] { setManyTargets(); });
    bind(QKeySequence(Qt::Key_R), [this] { writeReport(); });
    bind(QKeySequence(Qt::Key_O), [this] { propose(); });
    bind(QKeySequence(Qt::Key_W), [this] { withdraw(); });
    bind(QKeySequence(Qt::Key_S), [this] { changeStatus(); });
    bind(QKeySequence(Qt::Key_K), [this] { makePackages(); });
    bind(QKeySequence(Qt::Key_Delete), [this] { removeCurrent(); });
    bind(QKeySequence(Qt::Key_C), [this] {
        const Investigation* i = current();
        if (!i)
            return;
        whenFinished(this, m_context.investigations.candidates(i->id), [this, id = i->id, title = i->title, chart = i->latestChart](QFuture<QList<Entity>> done) {
            QList<qint64> ids;
            try {
                for (const Entity& e : done.result())
                    ids << e.id;
            } catch (const std::exception& e) {
                say(errorText(e));
                return;
            }
            Q_EMIT chartRequested(id, title, ids, chart);
        });
    });
    for (int tab = 0; tab < 5; ++tab)
        bind(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + tab)), [this, tab] {
            m_tabs->setCurrentIndex(tab);
            m_tabs->currentWidget()->setFocus(Qt::ShortcutFocusReason);
        });

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { showDetail(); });
    connect(&m_context.session, &Session::changed, this, [this] {
        say(QString()); // another operator: not the last one's messages
        reload();
    });
    reloadOnEvents(m_context.bus, this, {QStringLiteral("investigation."), QStringLiteral("lead."), QStringLiteral("chart.")}, 300,
                   [this] { reload(); });
    reload();
}

qint64 InvestigationPage::currentId() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

const Investigation* InvestigationPage::current() const
{
    const qint64 id = currentId();
    for (const Investigation& i : m_investigations)
        if (i.id == id)
            return &i;
    return nullptr;
}

const Investigation* InvestigationPage::managed()
{
    if (!mayManage())
        return nullptr;
    const Investigation* inv = current();
    if (!inv)
        say(tr("Choose an investigation first."));
    return inv;
}

void InvestigationPage::withCandidates(std::function<void(qint64 id, const QString& title, const QList<Entity>& candidates)> then)
{
    const Investigation* inv = managed();
    if (!inv)
        return;
    // The entities it may target first (its leads'), then what wants them.
    whenFinished(this, m_context.investigations.candidates(inv->id), [this, id = inv->id, title = inv->title, then](QFuture<QList<Entity>> f) {
        QList<Entity> candidates;
        try {
            candidates = f.result();
        } catch (const std::exception& e) {
            return say(errorText(e));
        }
        if (candidates.isEmpty())
            return say(tr("Its leads have no entities yet: chart a lead (C) and add them there."));
        then(id, title, candidates);
    });
}

bool InvestigationPage::mayManage()
{
    // The services refuse anyway (and audit it); this only spares a dialog that cannot be saved.
    if (m_context.session.can(QString::fromLatin1(InvestigationService::kManagePermission)))
        return true;
    say(tr("You may look at investigations; running them is the analysts' of criminal intelligence."));
    return false;
}

void InvestigationPage::say(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void InvestigationPage::restoreViewState(const QJsonObject& state)
{
    if (const qint64 id = qint64(state.value(QStringLiteral("investigation")).toDouble()); id > 0)
        select(id);
    if (state.contains(QStringLiteral("tab")))
        m_tabs->setCurrentIndex(std::clamp(state.value(QStringLiteral("tab")).toInt(), 0, m_tabs->count() - 1));
}

QJsonObject InvestigationPage::saveViewState() const
{
    return currentId() > 0 ? QJsonObject{{QStringLiteral("investigation"), double(currentId())}} : QJsonObject();
}

void InvestigationPage::select(qint64 id)
{
    m_wanted = id;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == id) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            m_wanted = 0;
            return;
        }
    }
}

void InvestigationPage::reload()
{
    const int generation = ++m_generation;
    whenFinished(this, m_context.investigations.investigations(), [this, generation](QFuture<QList<Investigation>> done) {
        if (generation != m_generation)
            return;
        try {
            m_investigations = done.result();
        } catch (const std::exception& e) {
            m_investigations.clear();
            m_list->clear();
            say(errorText(e));
            Q_EMIT loaded();
            return;
        }
        const qint64 keep = m_wanted > 0 ? m_wanted : currentId();
        {
            const QSignalBlocker quiet(m_list);
            m_list->clear();
            const QString today = QDateTime::fromMSecsSinceEpoch(m_context.clock.nowMs(), Qt::UTC).date().toString(Qt::ISODate);
            for (const Investigation& i : std::as_const(m_investigations)) {
                auto* item = new QTreeWidgetItem(m_list, {i.title, investigationStatusName(i.status), QString::number(i.openLines),
                                                          i.lastReportDay.isEmpty() ? tr("none yet") : i.lastReportDay});
                item->setData(0, Qt::UserRole, i.id);
                item->setToolTip(0, tr("%n lead(s)", nullptr, i.leads) + QStringLiteral(" · ") + tr("%n target(s)", nullptr, i.targets));
                if (i.status == InvestigationStatus::Open && i.lastReportDay != today)
                    item->setForeground(3, QColor(0xe6, 0x7e, 0x22)); // today's report not in yet
                if (i.status != InvestigationStatus::Open)
                    item->setForeground(1, QColor(0x95, 0xa5, 0xa6));
                if (i.id == keep)
                    m_list->setCurrentItem(item);
            }
        }
        if (m_list->currentItem() && m_list->currentItem()->data(0, Qt::UserRole).toLongLong() == m_wanted)
            m_wanted = 0;
        if (!m_list->currentItem() && m_list->topLevelItemCount() > 0 && m_wanted == 0)
            m_list->setCurrentItem(m_list->topLevelItem(0));
        showDetail();
    });
}

void InvestigationPage::showDetail()
{
    const Investigation* inv = current();
    const int generation = ++m_detailGeneration;
    if (!inv) {
        m_header->setText(m_investigations.isEmpty() ? tr("No investigations yet. N opens one; I on a lead opens one from it.") : QString());
        for (QTreeWidget* t : {m_members, m_division, m_targets, m_reports, m_timeline})
            t->clear();
        Q_EMIT loaded();
        return;
    }
    QString operation;
    if (inv->operationId > 0)
        operation = tr("Hub operation %1 approved from it.").arg(inv->operationId);
    else if (inv->proposalId > 0)
        operation = tr("Cluster operation proposed to the hub (proposal %1).").arg(inv->proposalId);
    m_header->setText(tr("<b>%1</b> · %2<br>%3<br>Opened by %4 on %5 · %n lead(s)", nullptr, inv->leads)
                          .arg(inv->title.toHtmlEscaped(), investigationStatusName(inv->status).toHtmlEscaped(),
                               (inv->summary + (inv->statusReason.isEmpty() ? QString() : QStringLiteral(" (") + inv->statusReason + QLatin1Char(')'))).toHtmlEscaped(),
                               inv->openedBy.toHtmlEscaped(), stamp(inv->openedAt))
                      + (operation.isEmpty() ? QString() : QStringLiteral("<br><b>") + operation.toHtmlEscaped() + QStringLiteral("</b>")));
    const qint64 id = inv->id;
    m_pendingDetail = 5;
    const auto part = [this, generation] {
        if (generation == m_detailGeneration && --m_pendingDetail == 0)
            Q_EMIT loaded();
    };
    whenFinished(this, m_context.investigations.members(id), [this, generation, part](QFuture<QList<InvestigationMember>> f) {
        if (generation != m_detailGeneration)
            return;
        const QString keep = m_members->currentItem() ? m_members->currentItem()->text(0) : QString();
        m_members->clear();
        try {
            m_memberRows = f.result();
            for (const InvestigationMember& m : std::as_const(m_memberRows)) {
                const QString name = m.kind == MemberKind::Centre ? who(AssigneeKind::Centre, m.member)
                                                                  : m.kind == MemberKind::Unit ? who(AssigneeKind::Unit, m.member) : m.member;
                auto* item = new QTreeWidgetItem(m_members, {name, memberKindName(m.kind), m.role, stamp(m.addedAt)});
                item->setData(0, Qt::UserRole, m.id);
                if (name == keep)
                    m_members->setCurrentItem(item);
            }
        } catch (const std::exception& e) {
            say(errorText(e));
        }
        part();
    });
    whenFinished(this, m_context.investigations.division(id), [this, generation, part](QFuture<QList<DivisionLine>> f) {
        if (generation != m_detailGeneration)
            return;
        m_division->clear();
        const qint64 now = m_context.clock.nowMs();
        try {
            for (const DivisionLine& l : f.result()) {
                QString status = l.taskStatus.isEmpty() ? (l.done ? taskStatusName(TaskStatus::Done) : taskStatusName(TaskStatus::Issued))
                                                        : taskStatusName(taskStatusFromId(l.taskStatus).value_or(TaskStatus::Issued));
                if (l.taskStatus == QLatin1String("in_progress"))
                    status += QStringLiteral(" %1%").arg(l.progress);
                auto* item = new QTreeWidgetItem(m_division, {who(l.assigneeKind, l.assignee), l.assignment, l.place, stamp(l.dueAt), status,
                                                              l.progressNote});
                item->setData(0, Qt::UserRole, l.id);
                if (l.done)
                    item->setForeground(4, QColor(0x27, 0xae, 0x60));
                else if (l.dueAt > 0 && l.dueAt < now)
                    item->setForeground(3, QColor(0xd6, 0x30, 0x31));
            }
        } catch (const std::exception& e) {
            say(errorText(e));
        }
        part();
    });
    whenFinished(this, m_context.investigations.targets(id), [this, generation, part](QFuture<QList<InvestigationTarget>> f) {
        if (generation != m_detailGeneration)
            return;
        const qint64 keep = m_targets->currentItem() ? m_targets->currentItem()->data(0, Qt::UserRole).toLongLong() : 0;
        m_targets->clear();
        try {
            m_targetRows = f.result();
            for (const InvestigationTarget& t : std::as_const(m_targetRows)) {
                auto* item = new QTreeWidgetItem(m_targets, {QStringLiteral("%1 %2").arg(entityKindName(t.entityKind), t.entityLabel),
                                                             who(t.assigneeKind, t.assignee), t.action, t.place,
                                                             t.afterGoMinutes > 0 ? tr("go + %1").arg(formatDuration(qint64(t.afterGoMinutes) * 60'000))
                                                                                  : tr("at go")});
                item->setData(0, Qt::UserRole, t.id);
                if (t.id == keep)
                    m_targets->setCurrentItem(item);
            }
        } catch (const std::exception& e) {
            say(errorText(e));
        }
        part();
    });
    whenFinished(this, m_context.investigations.reports(id), [this, generation, part](QFuture<QList<ProgressReport>> f) {
        if (generation != m_detailGeneration)
            return;
        m_reports->clear();
        try {
            for (const ProgressReport& r : f.result())
                new QTreeWidgetItem(m_reports, {r.day, r.author, r.body});
        } catch (const std::exception& e) {
            say(errorText(e));
        }
        part();
    });
    whenFinished(this, m_context.investigations.timeline(id), [this, generation, part](QFuture<QList<TimelineEntry>> f) {
        if (generation != m_detailGeneration)
            return;
        m_timeline->clear();
        try {
            for (const TimelineEntry& e : f.result())
                new QTreeWidgetItem(m_timeline, {stamp(e.at), e.actor, e.text()});
            m_timeline->scrollToBottom();
        } catch (const std::exception& e) {
            say(errorText(e));
        }
        part();
    });
}

template <typename T>
void InvestigationPage::afterSave(const QFuture<T>& saving, const QString& done)
{
    whenFinished(this, saving, [this, done](QFuture<T> f) {
        try {
            f.result();
            say(done);
            reload();
        } catch (const std::exception& e) {
            say(errorText(e));
        }
    });
}

void InvestigationPage::openNew(const QList<qint64>& leads)
{
    if (!mayManage())
        return;
    FormDialog d(this, QStringLiteral("investigationDialog"), tr("Open an investigation"));
    if (!leads.isEmpty()) {
        auto* from = new QLabel(tr("Opened from %n lead(s); they join it.", nullptr, int(leads.size())), &d.dialog);
        d.form->addRow(from);
    }
    QLineEdit* title = d.line(QStringLiteral("title"), tr("&Title"), tr("Operation ..."));
    auto* summary = new QPlainTextEdit(&d.dialog);
    summary->setObjectName(QStringLiteral("summary"));
    summary->setTabChangesFocus(true);
    summary->setMaximumHeight(90);
    d.form->addRow(tr("&Summary"), summary);
    title->setFocus();
    QFuture<Investigation> opened;
    d.run<Investigation>([&] {
        opened = m_context.investigations.open(title->text(), summary->toPlainText(), leads);
        return opened;
    });
    if (!opened.isValid())
        return;
    whenFinished(this, opened, [this](QFuture<Investigation> f) {
        try {
            const Investigation i = f.result();
            m_wanted = i.id;
            say(tr("%1 opened; you are its lead analyst.").arg(i.title));
            reload();
        } catch (...) {
        }
    });
}

void InvestigationPage::addMember()
{
    const Investigation* inv = managed();
    if (!inv)
        return;
    const qint64 id = inv->id;
    FormDialog d(this, QStringLiteral("memberDialog"), tr("A member of %1").arg(inv->title));
    QComboBox* kind = d.choice(QStringLiteral("kind"), tr("&Kind"));
    for (MemberKind k : {MemberKind::Unit, MemberKind::Centre, MemberKind::Analyst})
        kind->addItem(memberKindName(k), memberKindKey(k));
    QComboBox* member = assigneeBox(&d.dialog, m_context, true);
    member->setObjectName(QStringLiteral("member"));
    member->setEditable(true); // an analyst's user name is typed
    member->setInsertPolicy(QComboBox::NoInsert);
    member->setCurrentIndex(-1);
    d.form->addRow(tr("&Who"), member);
    QLineEdit* role = d.line(QStringLiteral("role"), tr("&Role"), tr("surveillance, financial checks ..."));
    kind->setFocus();
    d.run<InvestigationMember>([&] {
        const QStringList data = member->currentData().toStringList();
        const bool typed = member->currentText() != member->itemText(member->currentIndex()) || data.isEmpty();
        const QString whom = typed ? member->currentText().trimmed() : data.value(1);
        const auto k = memberKindFromKey(kind->currentData().toString()).value_or(MemberKind::Unit);
        auto saving = m_context.investigations.addMember(id, k, whom, role->text());
        afterSave(saving, tr("Member added."));
        return saving;
    });
}

void InvestigationPage::divide()
{
    const Investigation* inv = managed();
    if (!inv)
        return;
    const qint64 id = inv->id;
    FormDialog d(this, QStringLiteral("divideDialog"), tr("A task of %1's division").arg(inv->title));
    auto* intro = new QLabel(tr("The task goes to the hub's task list in this centre's name; what the unit or centre reports comes back here."),
                             &d.dialog);
    intro->setWordWrap(true);
    d.form->addRow(intro);
    QComboBox* to = assigneeBox(&d.dialog, m_context, true);
    d.form->addRow(tr("&Who"), to);
    QLineEdit* what = d.line(QStringLiteral("what"), tr("&Task"), tr("What to do"));
    QLineEdit* where = d.line(QStringLiteral("where"), tr("W&here"));
    auto* due = new QSpinBox(&d.dialog);
    due->setObjectName(QStringLiteral("dueHours"));
    due->setRange(0, 24 * 30);
    due->setValue(24);
    due->setSuffix(tr(" h"));
    due->setSpecialValueText(tr("no due time"));
    d.form->addRow(tr("&Due in"), due);
    QComboBox* priority = d.choice(QStringLiteral("priority"), tr("&Priority"));
    for (int p = 1; p <= 4; ++p)
        priority->addItem(tr("P%1").arg(p), p);
    priority->setCurrentIndex(2);
    to->setFocus();
    d.run<DivisionLine>([&] {
        const QStringList data = to->currentData().toStringList();
        NewDivisionLine line;
        line.assigneeKind = data.value(0) == QLatin1String("centre") ? AssigneeKind::Centre : AssigneeKind::Unit;
        line.assignee = data.value(1);
        line.assignment = what->text();
        line.place = where->text();
        line.dueAt = due->value() > 0 ? m_context.clock.nowMs() + qint64(due->value()) * 3600'000 : 0;
        line.priority = priority->currentData().toInt();
        auto saving = m_context.investigations.divide(id, line);
        afterSave(saving, tr("Task issued through the hub."));
        return saving;
    });
}

void InvestigationPage::setTarget()
{
    withCandidates([this](qint64 id, const QString& title, const QList<Entity>& candidates) {
        const InvestigationTarget* existing = nullptr;
        if (m_tabs->currentWidget() == m_targets && m_targets->currentItem())
            for (const InvestigationTarget& t : std::as_const(m_targetRows))
                if (t.id == m_targets->currentItem()->data(0, Qt::UserRole).toLongLong())
                    existing = &t;
        FormDialog d(this, QStringLiteral("targetDialog"), tr("A target of %1").arg(title));
        QComboBox* entity = d.choice(QStringLiteral("entity"), tr("&Target"));
        for (const Entity& e : std::as_const(candidates))
            entity->addItem(QStringLiteral("%1 %2").arg(entityKindName(entityKindKey(e.kind)), e.labelMasked), e.id);
        QComboBox* to = assigneeBox(&d.dialog, m_context, false);
        d.form->addRow(tr("&Who acts"), to);
        QLineEdit* action = d.line(QStringLiteral("action"), tr("&Action"), tr("Arrest, search, seize, watch ..."));
        QLineEdit* where = d.line(QStringLiteral("where"), tr("W&here"));
        auto* after = new QSpinBox(&d.dialog);
        after->setObjectName(QStringLiteral("afterGo"));
        after->setRange(0, 7 * 24 * 60);
        after->setSuffix(tr(" min after go"));
        d.form->addRow(tr("Wh&en"), after);
        QLineEdit* note = d.line(QStringLiteral("note"), tr("&Note"), tr("What the unit should know"));
        InvestigationTarget target;
        if (existing) {
            target = *existing;
            entity->setCurrentIndex(entity->findData(existing->entityId));
            action->setText(existing->action);
            where->setText(existing->place);
            after->setValue(existing->afterGoMinutes);
            note->setText(existing->note);
        }
        entity->setFocus();
        d.run<InvestigationTarget>([&] {
            const QStringList data = to->currentData().toStringList();
            target.entityId = entity->currentData().toLongLong();
            target.assigneeKind = AssigneeKind::Unit;
            target.assignee = data.value(1);
            target.action = action->text();
            target.place = where->text();
            target.afterGoMinutes = after->value();
            target.note = note->text();
            auto saving = m_context.investigations.setTarget(id, target);
            afterSave(saving, tr("Target set."));
            return saving;
        });
    });
}

void InvestigationPage::setManyTargets()
{
    withCandidates([this](qint64 id, const QString& title, const QList<Entity>& candidates) {
        FormDialog d(this, QStringLiteral("targetsDialog"), tr("Targets of %1, many at once").arg(title));
        QComboBox* kind = d.choice(QStringLiteral("kind"), tr("E&very"));
        for (EntityKind k : allEntityKinds()) {
            const int count = int(std::count_if(candidates.cbegin(), candidates.cend(), [k](const Entity& e) { return e.kind == k; }));
            if (count > 0)
                kind->addItem(tr("%1 (%2 of its leads)").arg(entityKindName(entityKindKey(k))).arg(count), entityKindKey(k));
        }
        kind->setCurrentIndex(std::max(0, kind->findData(entityKindKey(EntityKind::Person))));
        auto* units = new QListWidget(&d.dialog);
        units->setObjectName(QStringLiteral("units"));
        units->setMaximumHeight(160);
        d.form->addRow(tr("&Units, in turn"), units);
        whenFinished(units, UnitService(m_context.store, m_context.session, m_context.audit).units(), [units](QFuture<QList<Unit>> done) {
            try {
                for (const Unit& u : done.result()) {
                    auto* item = new QListWidgetItem(tr("Unit %1 (%2)").arg(u.callSign, unitKindName(u.kind)), units);
                    item->setData(Qt::UserRole, u.callSign);
                    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                    item->setCheckState(Qt::Unchecked);
                }
            } catch (const std::exception&) {
                units->setToolTip(tr("The units cannot be read."));
            }
        });
        QLineEdit* action = d.line(QStringLiteral("action"), tr("&Action"), tr("Arrest, search, seize, watch ..."));
        auto* after = new QSpinBox(&d.dialog);
        after->setObjectName(QStringLiteral("afterGo"));
        after->setRange(0, 7 * 24 * 60);
        after->setSuffix(tr(" min after go"));
        d.form->addRow(tr("Wh&en"), after);
        auto* hint = new QLabel(tr("Space ticks a unit. Entities that are targets already keep their line."), &d.dialog);
        d.form->addRow(hint);
        kind->setFocus();
        d.run<int>([&] {
            QList<qint64> ids;
            for (const Entity& e : std::as_const(candidates))
                if (entityKindKey(e.kind) == kind->currentData().toString())
                    ids << e.id;
            QStringList chosen;
            for (int i = 0; i < units->count(); ++i)
                if (units->item(i)->checkState() == Qt::Checked)
                    chosen << units->item(i)->data(Qt::UserRole).toString();
            auto saving = m_context.investigations.setTargets(id, ids, AssigneeKind::Unit, chosen, action->text(), after->value());
            whenFinished(this, saving, [this](QFuture<int> done) {
                try {
                    say(tr("%n target(s) added.", nullptr, done.result()));
                    reload();
                } catch (const std::exception& e) {
                    say(errorText(e));
                }
            });
            return saving;
        });
    });
}

void InvestigationPage::writeReport()
{
    const Investigation* inv = managed();
    if (!inv)
        return;
    const qint64 id = inv->id;
    FormDialog d(this, QStringLiteral("dailyReportDialog"), tr("Today's report on %1").arg(inv->title));
    auto* body = new QPlainTextEdit(&d.dialog);
    body->setObjectName(QStringLiteral("body"));
    body->setTabChangesFocus(true);
    body->setPlaceholderText(tr("What progressed today, what is planned for tomorrow"));
    d.form->addRow(body);
    auto* hint = new QLabel(tr("One report a day each; writing again today replaces yours. Ctrl+Enter saves."), &d.dialog);
    d.form->addRow(hint);
    auto* save = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), &d.dialog);
    connect(save, &QShortcut::activated, d.buttons->button(QDialogButtonBox::Ok), &QPushButton::click);
    body->setFocus();
    d.run<ProgressReport>([&] {
        auto saving = m_context.investigations.report(id, body->toPlainText());
        afterSave(saving, tr("Today's report saved."));
        return saving;
    });
}

void InvestigationPage::propose()
{
    const Investigation* inv = managed();
    if (!inv)
        return;
    const qint64 id = inv->id;
    FormDialog d(this, QStringLiteral("proposeDialog"), tr("Propose a cluster operation"));
    auto* intro = new QLabel(tr("The hub supervisor reviews it: one task per target (%n target(s)), each at its time after go.", nullptr, inv->targets),
                             &d.dialog);
    intro->setWordWrap(true);
    d.form->addRow(intro);
    QLineEdit* name = d.line(QStringLiteral("name"), tr("&Name"));
    name->setText(inv->title);
    QLineEdit* objective = d.line(QStringLiteral("objective"), tr("&Objective"));
    objective->setText(inv->summary.left(300));
    auto* suggest = new QCheckBox(tr("&Suggest a go time"), &d.dialog);
    suggest->setObjectName(QStringLiteral("suggestGo"));
    auto* go = new QDateTimeEdit(&d.dialog);
    go->setObjectName(QStringLiteral("goAt"));
    go->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    go->setDateTime(QDateTime::fromMSecsSinceEpoch(m_context.clock.nowMs() + 24 * 3600'000LL));
    go->setEnabled(false);
    connect(suggest, &QCheckBox::toggled, go, &QWidget::setEnabled);
    d.form->addRow(suggest, go);
    name->setFocus();
    d.run<OperationProposal>([&] {
        auto saving = m_context.investigations.proposeOperation(id, name->text(), objective->text(),
                                                                suggest->isChecked() ? go->dateTime().toMSecsSinceEpoch() : 0);
        afterSave(saving, tr("Proposed to the hub; its review comes back on the timeline."));
        return saving;
    });
}

void InvestigationPage::withdraw()
{
    const Investigation* inv = managed();
    if (!inv)
        return;
    const qint64 id = inv->id;
    FormDialog d(this, QStringLiteral("withdrawDialog"), tr("Withdraw the proposed operation"));
    QLineEdit* reason = d.line(QStringLiteral("reason"), tr("&Why"), tr("The hub reads it"));
    reason->setFocus();
    d.run<OperationProposal>([&] {
        auto saving = m_context.investigations.withdrawProposal(id, reason->text());
        afterSave(saving, tr("Proposal withdrawn."));
        return saving;
    });
}

void InvestigationPage::changeStatus()
{
    const Investigation* inv = managed();
    if (!inv)
        return;
    const qint64 id = inv->id;
    const int version = inv->version;
    FormDialog d(this, QStringLiteral("statusDialog"), tr("%1: suspend, reopen or close").arg(inv->title));
    QComboBox* status = d.choice(QStringLiteral("status"), tr("&Now"));
    for (InvestigationStatus s : {InvestigationStatus::Open, InvestigationStatus::Suspended, InvestigationStatus::Closed})
        if (s != inv->status)
            status->addItem(investigationStatusName(s), investigationStatusKey(s));
    QLineEdit* reason = d.line(QStringLiteral("reason"), tr("&Why"), tr("At least five characters; it goes on the timeline"));
    status->setFocus();
    d.run<Investigation>([&] {
        auto saving = m_context.investigations.setStatus(
            id, version, investigationStatusFromKey(status->currentData().toString()).value_or(InvestigationStatus::Open), reason->text());
        afterSave(saving, tr("Status changed."));
        return saving;
    });
}

void InvestigationPage::removeCurrent()
{
    const Investigation* inv = managed();
    if (!inv)
        return;
    const qint64 id = inv->id;
    const bool target = m_tabs->currentWidget() == m_targets;
    QTreeWidget* from = target ? m_targets : m_members;
    if ((!target && m_tabs->currentWidget() != m_members) || !from->currentItem())
        return say(tr("Delete takes the selected member or target off: choose one on those tabs."));
    const qint64 row = from->currentItem()->data(0, Qt::UserRole).toLongLong();
    FormDialog d(this, QStringLiteral("removeDialog"), target ? tr("Take the target off") : tr("Take the member off"));
    d.form->addRow(new QLabel(from->currentItem()->text(0), &d.dialog));
    QLineEdit* reason = d.line(QStringLiteral("reason"), tr("&Why"), tr("At least five characters; it goes on the timeline"));
    reason->setFocus();
    d.run<qint64>([&] {
        auto saving = target ? m_context.investigations.removeTarget(id, row, reason->text())
                             : m_context.investigations.removeMember(id, row, reason->text());
        afterSave(saving, tr("Taken off."));
        return saving;
    });
}

void InvestigationPage::makePackages()
{
    const Investigation* inv = managed();
    if (!inv)
        return;
    const qint64 id = inv->id;
    FormDialog d(this, QStringLiteral("packageDialog"), tr("Intelligence packages"));
    auto* intro = new QLabel(tr("A PDF for each target, for the unit that acts: what is known, the linked entities, the handling conditions. "
                                "Personal data is masked unless the unit's role may see it; then say why it is shown."),
                             &d.dialog);
    intro->setWordWrap(true);
    d.form->addRow(intro);
    QComboBox* which = d.choice(QStringLiteral("target"), tr("&For"));
    which->addItem(tr("every target"), 0);
    for (const InvestigationTarget& t : std::as_const(m_targetRows))
        which->addItem(tr("%1 (%2)").arg(t.entityLabel, who(t.assigneeKind, t.assignee)), t.id);
    QLineEdit* reason = d.line(QStringLiteral("reason"), tr("&Why shown"), tr("Only when a recipient may see personal data"));
    which->setFocus();
    QFuture<QList<IntelPackage>> made;
    d.run<QList<IntelPackage>>([&] {
        made = m_context.investigations.packages(id, which->currentData().toLongLong(), reason->text());
        return made;
    });
    if (!made.isValid())
        return;
    whenFinished(this, made, [this, id](QFuture<QList<IntelPackage>> f) {
        QList<IntelPackage> packages;
        try {
            packages = f.result();
        } catch (const std::exception&) {
            return; // said in the dialog
        }
        askReportPath(window(), this, tr("Save the intelligence packages"), packages.size() == 1 ? packages.first().fileName
                                                                                                  : QStringLiteral("package-%1.pdf").arg(id),
                      [this, packages](const QString& path) {
                          // What the packages say, in the language in use; written on a worker thread.
                          QList<std::pair<IntelPackage, QStringList>> jobs;
                          const QFileInfo chosen(path);
                          for (const IntelPackage& p : packages) {
                              const QString file = packages.size() == 1 ? path
                                                                        : chosen.dir().filePath(QStringLiteral("%1-%2.pdf").arg(chosen.completeBaseName()).arg(p.targetId));
                              const QString title = tr("Intelligence package: %1").arg(p.investigationTitle);
                              jobs.append({p, {tr("Hexhub · criminal intelligence · for %1 · %2").arg(who(p.recipientKind, p.recipient),
                                                                                                 p.personalDataShown ? tr("personal data shown") : tr("personal data masked")),
                                               title,
                                               tr("For %1: %2, %3").arg(who(p.recipientKind, p.recipient), p.action, tr("go + %1").arg(formatDuration(qint64(p.afterGoMinutes) * 60'000))),
                                               p.personalDataShown ? tr("Personal data is shown: the recipient's role may see it. Keep it to those who act.")
                                                                   : tr("Personal data is masked: the recipient's role may not see it."),
                                               tr("The target"), tr("Who or what"), tr("Action"), tr("Where"), tr("When"),
                                               tr("go + %1").arg(formatDuration(qint64(p.afterGoMinutes) * 60'000)), tr("What"), tr("Value"),
                                               tr("Linked entities"), tr("Relation"), tr("Kind"), tr("Label"), tr("Confidence"), tr("Source"),
                                               tr("Handling conditions"), tr("Leads"), file}});
                          }
                          QFuture<int> written = runInBackground([jobs]() -> int {
                              int pages = 0;
                              for (const auto& [package, words] : jobs)
                                  pages += writePackage(package, words.last(), words);
                              return pages;
                          });
                          sayWhenReportWritten(m_message, packages.size() == 1 ? path : chosen.dir().path(), written);
                      });
    });
}

} // namespace hexhub::criminalintel
