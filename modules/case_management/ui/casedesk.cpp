// The case desk (casedesk.h).
#include "casedesk.h"

#include "base/background.h"
#include "base/clock.h"
#include "base/error.h"
#include "base/whenfinished.h"
#include "casecontext.h"
#include "deskparts.h"
#include "formdialog.h"
#include "guidelinesdialog.h"
#include "messageline.h"
#include "recorddetail.h"
#include "recordtable.h"
#include "reportwriter.h"
#include "security/session.h"
#include "sqlpagemodel.h"
#include "store/sqldialect.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>
#include <memory>

namespace hexhub::cases {

using namespace parts;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;

//! A time in a narrow column: "07-16 14:30".
QString shortStamp(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("MM-dd HH:mm")) : QString();
}

QString kindName(CaseKind kind)
{
    return kind == CaseKind::Criminal ? CaseDesk::tr("criminal") : CaseDesk::tr("administrative");
}

QString eventName(CaseEvent event)
{
    switch (event) {
    case CaseEvent::Summoned:
        return CaseDesk::tr("A summons (12 hours; 24 approved as serious)");
    case CaseEvent::Questioned:
        return CaseDesk::tr("Administrative questioning (8 hours; 24 when detention is likely)");
    case CaseEvent::Detained:
        return CaseDesk::tr("Criminal detention (transfer, family, first interrogation: 24 hours each; the arrest request: 3 days)");
    case CaseEvent::ArrestRequested:
        return CaseDesk::tr("The arrest requested (the procuratorate decides within 7 days)");
    }
    return QString();
}

QString groundName(ExtensionGround ground)
{
    switch (ground) {
    case ExtensionGround::Ordinary:
        return CaseDesk::tr("Ordinary (1 to 4 days)");
    case ExtensionGround::Roving:
        return CaseDesk::tr("A roving suspect (to 30 days in all)");
    case ExtensionGround::Repeat:
        return CaseDesk::tr("A repeat suspect (to 30 days in all)");
    case ExtensionGround::Gang:
        return CaseDesk::tr("A gang suspect (to 30 days in all)");
    }
    return QString();
}

QString limitStateName(const QString& state)
{
    if (state == QLatin1String("running"))
        return CaseDesk::tr("running");
    if (state == QLatin1String("met"))
        return CaseDesk::tr("met");
    if (state == QLatin1String("cancelled"))
        return CaseDesk::tr("cancelled");
    return state;
}

//! "in 5 h 10 min", "RUN OUT 2 h ago"; nothing when no limit runs.
QString dueText(qint64 due, qint64 now)
{
    if (due <= 0)
        return QString();
    return due < now ? CaseDesk::tr("RUN OUT %1 ago").arg(formatDuration(now - due)) : CaseDesk::tr("in %1").arg(formatDuration(due - now));
}

//! 2: run out; 1: due within two hours; 0: otherwise.
int dueLevel(qint64 due, qint64 now)
{
    if (due <= 0)
        return 0;
    return due < now ? 2 : due - now <= 2 * kHour ? 1 : 0;
}

QString levelStyle(int level)
{
    return level == 2   ? QStringLiteral("color: #c0392b; font-weight: bold;")
           : level == 1 ? QStringLiteral("color: #d98c00; font-weight: bold;")
                        : QString();
}

//! The stage after `stage` on the path of `kind` (closed after the last); empty for a closed case.
QString nextStage(CaseKind kind, const QString& stage)
{
    const QStringList stages = caseStages(kind);
    const auto at = stages.indexOf(stage);
    if (stage == QLatin1String("closed") || at < 0 || at + 1 >= stages.size())
        return QString();
    return stages.at(at + 1);
}

bool extendable(const CaseLimit& l)
{
    return l.state == QLatin1String("running") && (l.rule == QLatin1String("arrest.request") || l.rule == QLatin1String("admin.close"));
}

} // namespace

// ---------------------------------------------------------------------------------------------

CasePanel::CasePanel(CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("casePanel"));
    auto* inner = new QWidget;
    auto* layout = new QVBoxLayout(inner);
    m_title = titleLabel(inner);
    m_path = new QLabel(inner);
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setWordWrap(true);
    m_path->setTextFormat(Qt::RichText);
    m_facts = new QFormLayout;
    m_kind = wrapped(inner, QStringLiteral("kind"));
    m_opened = wrapped(inner, QStringLiteral("opened"));
    m_incident = new QLabel(inner);
    m_incident->setObjectName(QStringLiteral("incident"));
    m_incident->setTextFormat(Qt::RichText);
    m_incident->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_due = wrapped(inner, QStringLiteral("due"));
    m_reason = wrapped(inner, QStringLiteral("stageReason"));
    m_people = new QLabel(inner);
    m_people->setObjectName(QStringLiteral("people"));
    m_people->setWordWrap(true);
    m_people->setTextFormat(Qt::RichText);
    m_people->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    for (QLabel* field : {m_kind, m_opened, m_incident, m_due, m_reason, m_people})
        m_facts->addRow(new QLabel(inner), field);
    const auto link = [this](const QString& href) {
        const QString kind = href.section(QLatin1Char(':'), 0, 0);
        Q_EMIT linkActivated(kind, href.section(QLatin1Char(':'), 1));
    };
    connect(m_incident, &QLabel::linkActivated, this, link);
    connect(m_people, &QLabel::linkActivated, this, link);

    auto* buttons = new QGridLayout;
    const auto action = [this, inner, buttons](const QString& name, void (CasePanel::*slot)()) {
        addActionButton(this, inner, buttons, m_actions, 3, name, slot);
    };
    // The keys are the list's (M, X, A, ... on a case), not mnemonics that would take the desk's Alt keys.
    action(QStringLiteral("moveOn"), &CasePanel::moveOn);
    action(QStringLiteral("close"), &CasePanel::close);
    action(QStringLiteral("approve"), &CasePanel::approve);
    action(QStringLiteral("start"), &CasePanel::startLimits);
    action(QStringLiteral("meet"), &CasePanel::meetLimit);
    action(QStringLiteral("extend"), &CasePanel::extendLimit);
    action(QStringLiteral("caseFile"), &CasePanel::saveCaseFile);
    action(QStringLiteral("fastTrack"), &CasePanel::fastTrack);
    action(QStringLiteral("partnerPackage"), &CasePanel::savePartnerPackage);
    action(QStringLiteral("guidelines"), &CasePanel::showGuidelines);

    m_message = new QLabel(inner);
    makeMessageLine(m_message, QStringLiteral("message"));

    const auto table = [inner](const QString& name, int columns) {
        auto* t = new QTableWidget(0, columns, inner);
        t->setObjectName(name);
        t->verticalHeader()->hide();
        t->horizontalHeader()->setStretchLastSection(true);
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setSelectionMode(QAbstractItemView::SingleSelection);
        t->setMinimumHeight(120);
        return t;
    };
    m_limits = table(QStringLiteral("limits"), 2);
    m_approvals = table(QStringLiteral("approvals"), 4);
    // What it is (or was approved for) takes the width left, wrapped; times and states their own.
    for (QTableWidget* t : {m_limits, m_approvals}) {
        t->setWordWrap(true);
        t->horizontalHeader()->setStretchLastSection(false);
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        t->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        t->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }
    m_limits->setMinimumHeight(160);
    m_approvals->setMinimumHeight(90);
    m_approvals->setMaximumHeight(160);
    m_timeline = new JournalTimeline(inner);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setMinimumHeight(220);
    m_limitsTitle = new QLabel(inner);
    m_limitsTitle->setBuddy(m_limits);
    m_approvalsTitle = new QLabel(inner);
    m_approvalsTitle->setBuddy(m_approvals);
    m_timelineTitle = new QLabel(inner);
    m_timelineTitle->setBuddy(m_timeline);

    layout->addWidget(m_title);
    layout->addWidget(m_path);
    layout->addLayout(m_facts);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_limitsTitle);
    layout->addWidget(m_limits);
    layout->addWidget(m_approvalsTitle);
    layout->addWidget(m_approvals);
    layout->addWidget(m_timelineTitle);
    layout->addWidget(m_timeline, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    retranslate();
}

void CasePanel::retranslate()
{
    const QList<std::pair<QLabel*, QString>> facts{{m_kind, tr("Path")},      {m_opened, tr("Opened")},    {m_incident, tr("Incident")},
                                                   {m_due, tr("Next limit")}, {m_reason, tr("Last step")}, {m_people, tr("People held")}};
    for (const auto& [field, label] : facts)
        if (auto* name = qobject_cast<QLabel*>(m_facts->labelForField(field)))
            name->setText(label);
    const QStringList texts{tr("Next stage (M)"), tr("Close (X)"),         tr("Approve (A)"),    tr("Start limits (S)"),        tr("Limit met (T)"),
                            tr("Extend (E)"),     tr("Case file PDF (P)"), tr("Fast track (F)"), tr("Package for partners (G)"),
                            tr("Guidelines (H)")};
    for (int i = 0; i < m_actions.size() && i < texts.size(); ++i)
        m_actions[i]->setText(texts[i]);
    m_limitsTitle->setText(tr("Statutory limits"));
    m_approvalsTitle->setText(tr("Approvals"));
    m_timelineTitle->setText(tr("Timeline"));
    m_limits->setHorizontalHeaderLabels({tr("Limit"), tr("Due, or how it ended")});
    m_approvals->setHorizontalHeaderLabels({tr("For"), tr("Given by"), tr("When"), tr("Used")});
    showCase(m_case);
}

void CasePanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void CasePanel::show(qint64 id)
{
    // Another case asked for: what the desk said of the last one goes (a read of the same case keeps it).
    if (id != m_asked)
        m_message->clear();
    m_asked = id;
    showWhenRead<Case>(
        this, m_loads, id, [this, id] { return m_context.cases.caseOf(id); }, m_message, [this](const Case& c) { showCase(c); },
        [this, id] { Q_EMIT loaded(id); });
}

void CasePanel::showCase(const Case& c)
{
    if (c.id != m_case.id) {
        m_limitRows.clear();
        m_approvalRows.clear();
        m_tags.clear();
    }
    m_case = c;
    const bool any = c.id > 0;
    const bool open = any && c.stage != QLatin1String("closed");
    const bool mayManage = m_context.session.can(QString::fromLatin1(CaseService::kManagePermission));
    const bool mayApprove = m_context.session.can(QString::fromLatin1(CaseService::kApprovePermission));
    for (QPushButton* b : std::as_const(m_actions))
        b->setEnabled(open && (b->objectName() == QLatin1String("approve") ? mayApprove : mayManage));
    // The case file and the partners' package print for whoever may read the case, open or closed;
    // the guidelines open with a case in view or without (as H and the palette do).
    for (const char* name : {"caseFile", "partnerPackage"})
        if (QPushButton* file = findChild<QPushButton*>(QString::fromLatin1(name)))
            file->setEnabled(any);
    if (QPushButton* guidelines = findChild<QPushButton*>(QStringLiteral("guidelines")))
        guidelines->setEnabled(true);
    // The fast track is taken by a criminal case before its referral, once.
    if (QPushButton* fast = findChild<QPushButton*>(QStringLiteral("fastTrack"))) {
        const QStringList path = caseStages(CaseKind::Criminal);
        fast->setEnabled(open && mayManage && c.kind == CaseKind::Criminal && !c.fastTrack &&
                         path.indexOf(c.stage) < path.indexOf(QStringLiteral("referred")));
    }
    if (!any) {
        m_title->setText(tr("No case in view"));
        m_path->clear();
        for (QLabel* l : {m_kind, m_opened, m_incident, m_due, m_reason, m_people})
            l->clear();
        m_limits->setRowCount(0);
        m_approvals->setRowCount(0);
        m_timeline->setEntries({});
        return;
    }
    const qint64 now = m_context.clock.nowMs();
    m_title->setText(tr("%1 · %2").arg(c.number, c.title));
    // The path, the stage it is at in bold; the stages behind in grey.
    QStringList steps;
    const QStringList stages = caseStages(c.kind);
    const auto at = stages.indexOf(c.stage);
    for (int i = 0; i < stages.size(); ++i) {
        const QString name = caseStageName(stages[i]).toHtmlEscaped();
        steps << (i == at ? QStringLiteral("<b>%1</b>").arg(name) : i < at ? QStringLiteral("<span style=\"color:gray\">%1</span>").arg(name) : name);
    }
    m_path->setText(steps.join(QStringLiteral(" › ")));
    m_kind->setText(c.fastTrack ? tr("%1 case · on the 48-hour fast track since %2: %3").arg(kindName(c.kind), stamp(c.fastTrackAt), c.fastTrackNote)
                                : tr("%1 case").arg(kindName(c.kind)));
    m_opened->setText(tr("%1 by %2").arg(stamp(c.openedAt), c.openedBy.isEmpty() ? tr("the demo") : c.openedBy));
    m_incident->setText(c.incidentId > 0 ? QStringLiteral("<a href=\"incident:%1\">%2</a>").arg(c.incidentId).arg(tr("incident %1").arg(c.incidentId))
                                         : tr("none"));
    m_due->setText(c.dueAt > 0 ? tr("%1, at %2").arg(dueText(c.dueAt, now), stamp(c.dueAt)) : tr("no limit running"));
    m_due->setStyleSheet(levelStyle(dueLevel(c.dueAt, now)));
    m_reason->setText(c.stageReason.isEmpty() ? tr("%1 since %2").arg(caseStageName(c.stage), stamp(c.updatedAt))
                                              : tr("%1 since %2: %3").arg(caseStageName(c.stage), stamp(c.updatedAt), c.stageReason));
    const qint64 id = c.id;
    whenLatest(this, m_limitRead, m_context.cases.limits(id), [this, id](QFuture<QList<CaseLimit>> done) {
        if (m_case.id != id)
            return;
        try {
            m_limitRows = done.result();
        } catch (const std::exception& e) {
            m_limitRows.clear();
            m_message->setText(errorText(e));
        }
        showLimits();
    });
    whenLatest(this, m_approvalRead, m_context.cases.approvals(id), [this, id](QFuture<QList<CaseApproval>> done) {
        if (m_case.id != id)
            return;
        try {
            m_approvalRows = done.result();
        } catch (const std::exception& e) {
            m_approvalRows.clear();
            m_message->setText(errorText(e));
        }
        m_approvals->setRowCount(int(m_approvalRows.size()));
        for (int row = 0; row < m_approvalRows.size(); ++row) {
            const CaseApproval& a = m_approvalRows[row];
            const QString what = a.what.section(QLatin1Char(':'), 1);
            const QString text = a.what.startsWith(QLatin1String("stage:")) ? tr("the move to %1").arg(caseStageName(what))
                                                                            : tr("the extension of limit %1").arg(what);
            const QStringList cells{a.note.isEmpty() ? text : tr("%1: %2").arg(text, a.note), a.approvedBy, shortStamp(a.approvedAt),
                                    a.usedAt > 0 ? shortStamp(a.usedAt) : tr("not yet")};
            for (int column = 0; column < cells.size(); ++column)
                m_approvals->setItem(row, column, new QTableWidgetItem(cells[column]));
        }
    });
    // The people held for the case, each a link to the custody desk.
    CustodyFilter held;
    held.inSuiteOnly = false;
    held.text = c.number;
    held.limit = 50;
    const QString number = c.number;
    whenLatest(this, m_peopleRead, m_context.custody.people(held), [this, id, number](QFuture<QList<Custody>> done) {
        if (m_case.id != id)
            return;
        QStringList links;
        m_tags.clear();
        try {
            for (const Custody& k : done.result()) {
                if (k.caseNumber != number)
                    continue;
                m_tags.insert(k.id, k.tag);
                const QString where = k.inSuite() ? tr("in the suite") : tr("left");
                links << QStringLiteral("<a href=\"custody:%1\">%2</a> (%3)").arg(k.id).arg(k.tag.toHtmlEscaped(), where);
            }
        } catch (const std::exception& e) {
            links << errorText(e).toHtmlEscaped();
        }
        m_people->setText(links.isEmpty() ? tr("nobody") : links.join(QStringLiteral(", ")));
        showLimits(); // each person's limits named by their wristband
    });
    whenLatest(this, m_timelineRead, m_context.cases.timeline(id), [this, id](QFuture<QList<CaseTimelineEntry>> done) {
        if (m_case.id != id)
            return;
        try {
            QList<JournalTimeline::Entry> lines;
            for (const CaseTimelineEntry& e : done.result())
                lines << JournalTimeline::Entry{QDateTime::fromMSecsSinceEpoch(e.at), e.actor, e.text, QString()};
            m_timeline->setEntries(lines);
        } catch (const std::exception& e) {
            m_timeline->setProblem(errorText(e));
        }
    });
}

void CasePanel::showLimits()
{
    const qint64 now = m_context.clock.nowMs();
    const QTableWidgetItem* current = m_limits->currentRow() >= 0 ? m_limits->item(m_limits->currentRow(), 0) : nullptr;
    const qint64 chosen = current ? current->data(Qt::UserRole).toLongLong() : 0;
    m_limits->setRowCount(int(m_limitRows.size()));
    for (int row = 0; row < m_limitRows.size(); ++row) {
        const CaseLimit& l = m_limitRows[row];
        const bool running = l.state == QLatin1String("running");
        // Running: when it is due and how long is left; ended: how and when.
        QString state =
            running ? tr("%1 · %2").arg(shortStamp(l.dueAt), dueText(l.dueAt, now)) : tr("%1 %2").arg(limitStateName(l.state), shortStamp(l.endedAt));
        if (l.extendedMinutes > 0)
            state = tr("%1 · extended by %2").arg(state, formatDuration(l.extendedMinutes * kMinute));
        const QString tag = m_tags.value(l.custodyId);
        const QStringList cells{tag.isEmpty() ? l.title() : tr("%1 · %2", "a limit and the wristband of whom it runs for").arg(l.title(), tag),
                                state};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setToolTip(tr("Started %1 by %2; due %3").arg(stamp(l.startedAt), l.startedBy, stamp(l.dueAt)) +
                             (l.endNote.isEmpty() ? QString() : QStringLiteral("\n") + l.endNote));
            if (column == 0)
                item->setData(Qt::UserRole, l.id);
            if (column == 1 && running) {
                const int level = dueLevel(l.dueAt, now);
                if (level > 0)
                    item->setForeground(level == 2 ? QColor(0xc0, 0x39, 0x2b) : QColor(0xd9, 0x8c, 0x00));
            }
            if (!running)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_limits->setItem(row, column, item);
        }
        if (l.id == chosen)
            m_limits->setCurrentCell(row, 0);
    }
    const bool open = m_case.id > 0 && m_case.stage != QLatin1String("closed");
    const bool mayManage = m_context.session.can(QString::fromLatin1(CaseService::kManagePermission));
    const bool anyRunning =
        std::any_of(m_limitRows.begin(), m_limitRows.end(), [](const CaseLimit& l) { return l.state == QLatin1String("running"); });
    if (QPushButton* b = findChild<QPushButton*>(QStringLiteral("meet")))
        b->setEnabled(open && mayManage && anyRunning);
    if (QPushButton* b = findChild<QPushButton*>(QStringLiteral("extend")))
        b->setEnabled(open && mayManage && std::any_of(m_limitRows.begin(), m_limitRows.end(), extendable));
}

bool CasePanel::may(const char* button) const
{
    const QPushButton* b = findChild<QPushButton*>(QString::fromLatin1(button));
    if (m_case.id <= 0)
        return false;
    // The row chosen and the case shown are one: a key pressed while another case is on its way acts on nothing.
    if (m_asked != m_case.id) {
        m_message->setText(tr("The case chosen is still being read; press the key again in a moment."));
        return false;
    }
    if (b && b->isEnabled())
        return true;
    // Say why the key does nothing, rather than nothing.
    if (m_case.stage == QLatin1String("closed"))
        m_message->setText(tr("Case %1 is closed.").arg(m_case.number));
    else if (qstrcmp(button, "approve") == 0 && !m_context.session.can(QString::fromLatin1(CaseService::kApprovePermission)))
        m_message->setText(tr("Approving needs the hub's approval permission."));
    else if (!m_context.session.can(QString::fromLatin1(CaseService::kManagePermission)))
        m_message->setText(tr("Changing a case needs the case permission; you may look."));
    else if (qstrcmp(button, "meet") == 0)
        m_message->setText(tr("No limit of case %1 is running.").arg(m_case.number));
    else if (qstrcmp(button, "extend") == 0)
        m_message->setText(tr("Only a running arrest request or an administrative case's 30 days are extended."));
    else if (qstrcmp(button, "fastTrack") == 0)
        m_message->setText(m_case.fastTrack ? tr("Case %1 is on the fast track already.").arg(m_case.number)
                                            : tr("Only a criminal case not yet referred to the procuratorate takes the fast track."));
    return false;
}

void CasePanel::moveOn()
{
    if (!may("moveOn"))
        return;
    const QString next = nextStage(m_case.kind, m_case.stage);
    moveTo(next.isEmpty() ? QStringLiteral("closed") : next);
}

void CasePanel::close()
{
    if (!may("close"))
        return;
    moveTo(QStringLiteral("closed"));
}

void CasePanel::moveTo(const QString& stage)
{
    const Case c = m_case;
    FormDialog f(this, QStringLiteral("moveCaseDialog"), tr("Move case %1").arg(c.number));
    f.form->addRow(new QLabel(tr("Now %1.").arg(caseStageName(c.stage)), &f.dialog));
    QComboBox* to = f.choice(QStringLiteral("stage"), tr("&To"));
    const QString next = nextStage(c.kind, c.stage);
    if (!next.isEmpty() && next != QLatin1String("closed"))
        to->addItem(caseStageName(next), next);
    to->addItem(caseStageName(QStringLiteral("closed")), QStringLiteral("closed"));
    to->setCurrentIndex(std::max(0, to->findData(stage)));
    auto* needs = new QLabel(&f.dialog);
    needs->setObjectName(QStringLiteral("needs"));
    needs->setWordWrap(true);
    f.form->addRow(needs);
    QLineEdit* reason = f.line(QStringLiteral("reason"), tr("&Reason"), tr("Why (needed to close the case)"));
    const QList<CaseApproval> approvals = m_approvalRows;
    const QString me = m_context.session.principal().name;
    const auto explain = [needs, to, c, approvals, me] {
        const QString chosen = to->currentData().toString();
        if (!stageNeedsApproval(c.kind, chosen)) {
            needs->setText(tr("No approval needed."));
            return;
        }
        // Four eyes, as the service counts them: an approval of one's own is no approval.
        const QString what = QStringLiteral("stage:") + chosen;
        const auto unused = [&](const CaseApproval& a) { return a.what == what && a.usedAt == 0; };
        const auto given = std::find_if(approvals.begin(), approvals.end(), [&](const CaseApproval& a) { return unused(a) && a.approvedBy != me; });
        const bool mine = std::any_of(approvals.begin(), approvals.end(), [&](const CaseApproval& a) { return unused(a) && a.approvedBy == me; });
        needs->setText(given != approvals.end() ? tr("Approved by %1 at %2; the move uses it.").arg(given->approvedBy, stamp(given->approvedAt))
                       : mine                   ? tr("Your own approval does not count: someone else must approve (A, the hub's duty commander).")
                                                : tr("Needs an approval someone else gave first (A, by the hub's duty commander)."));
    };
    connect(to, &QComboBox::currentIndexChanged, &f.dialog, explain);
    explain();
    reason->setFocus();
    QString chosen;
    if (f.run<Case>([this, c, to, reason, &chosen] {
            chosen = to->currentData().toString();
            return m_context.cases.move(c.id, c.version, chosen, reason->text().trimmed());
        })) {
        said(f, chosen == QLatin1String("closed") ? tr("Case %1 is closed.").arg(c.number)
                                                  : tr("Case %1 is now %2.").arg(c.number, caseStageName(chosen)));
        reload();
        Q_EMIT changed(c.id);
    }
}

void CasePanel::said(const FormDialog& form, const QString& done)
{
    m_message->setText(form.queued ? tr("Kept on this desk until the server is back; it is sent then.") : done);
}

void CasePanel::approve()
{
    if (!may("approve"))
        return;
    const Case c = m_case;
    // What waits is offered even when approved already (an approval by the one who would use it is
    // none); the form says by whom.
    const auto given = [this](const QString& what) {
        QStringList by;
        for (const CaseApproval& a : std::as_const(m_approvalRows))
            if (a.what == what && a.usedAt == 0)
                by << a.approvedBy;
        return by.isEmpty() ? QString() : tr(" (approved already by %1)").arg(by.join(QStringLiteral(", ")));
    };
    FormDialog f(this, QStringLiteral("approveDialog"), tr("Approve for case %1").arg(c.number));
    QComboBox* what = f.choice(QStringLiteral("what"), tr("&Approve"));
    const QString next = nextStage(c.kind, c.stage);
    for (const QString& stage : {next, QStringLiteral("closed")}) {
        if (stage.isEmpty() || !stageNeedsApproval(c.kind, stage) || what->findData(QStringLiteral("stage:") + stage) >= 0)
            continue;
        what->addItem(tr("The move to %1").arg(caseStageName(stage)) + given(QStringLiteral("stage:") + stage), QStringLiteral("stage:") + stage);
    }
    for (const CaseLimit& l : std::as_const(m_limitRows)) {
        const QString key = QStringLiteral("extend:%1").arg(l.id);
        if (extendable(l))
            what->addItem(tr("Extending: %1 (due %2)").arg(l.title(), stamp(l.dueAt)) + given(key), key);
    }
    if (what->count() == 0) {
        m_message->setText(tr("Nothing of case %1 waits for an approval now.").arg(c.number));
        return;
    }
    QLineEdit* note = f.line(QStringLiteral("note"), tr("&Note"), tr("What the approval rests on"));
    f.form->addRow(new QLabel(tr("Someone else uses it: four eyes."), &f.dialog));
    what->setFocus();
    if (f.run<CaseApproval>(
            [this, c, what, note] { return m_context.cases.approve(c.id, what->currentData().toString(), note->text().trimmed()); })) {
        said(f, tr("Approved for case %1: %2.").arg(c.number, what->currentText()));
        reload();
        Q_EMIT changed(c.id);
    }
}

void CasePanel::startLimits()
{
    if (!may("start"))
        return;
    const Case c = m_case;
    FormDialog f(this, QStringLiteral("startDialog"), tr("Start the limits of case %1").arg(c.number));
    QComboBox* event = f.choice(QStringLiteral("event"), tr("&What happened"));
    const QList<CaseEvent> events = c.kind == CaseKind::Criminal
                                        ? QList<CaseEvent>{CaseEvent::Detained, CaseEvent::Summoned, CaseEvent::ArrestRequested}
                                        : QList<CaseEvent>{CaseEvent::Questioned};
    for (CaseEvent e : events)
        event->addItem(eventName(e), caseEventKey(e));
    QCheckBox* serious = f.check(QStringLiteral("serious"), tr("Approved as serious, or detention likely (24 hours)"));
    QLineEdit* note = f.line(QStringLiteral("note"), tr("&Note"), tr("Who, and on what decision"));
    event->setFocus();
    // What the save answered, kept past the dialog (a continuation may outlive it).
    auto started = std::make_shared<int>(0);
    if (f.run<QList<CaseLimit>>([this, c, event, serious, note, started] {
            const auto e = caseEventFromKey(event->currentData().toString());
            return m_context.cases.start(c.id, e.value_or(CaseEvent::Detained), serious->isChecked(), 0, note->text().trimmed())
                .then([started](const QList<CaseLimit>& limits) {
                    *started = int(limits.size());
                    return limits;
                });
        })) {
        said(f, tr("%n limit(s) started for case %1.", nullptr, *started).arg(c.number));
        reload();
        Q_EMIT changed(c.id);
    }
}

void CasePanel::meetLimit()
{
    if (!may("meet"))
        return;
    const Case c = m_case;
    const qint64 chosen = m_limits->currentRow() >= 0 && m_limits->item(m_limits->currentRow(), 0)
                              ? m_limits->item(m_limits->currentRow(), 0)->data(Qt::UserRole).toLongLong()
                              : 0;
    FormDialog f(this, QStringLiteral("meetDialog"), tr("A limit of case %1 met").arg(c.number));
    QComboBox* limit = f.choice(QStringLiteral("limit"), tr("&Limit"));
    QList<CaseLimit> running;
    for (const CaseLimit& l : std::as_const(m_limitRows)) {
        if (l.state != QLatin1String("running"))
            continue;
        running << l;
        limit->addItem(tr("%1 (due %2)").arg(l.title(), stamp(l.dueAt)), l.id);
    }
    limit->setCurrentIndex(std::max(0, limit->findData(chosen)));
    QLineEdit* note = f.line(QStringLiteral("note"), tr("&Done"), tr("What was done, and when"));
    limit->setFocus();
    QString title;
    if (f.run<CaseLimit>([this, limit, note, running, &title] {
            const qint64 id = limit->currentData().toLongLong();
            const auto l = std::find_if(running.begin(), running.end(), [id](const CaseLimit& r) { return r.id == id; });
            if (l == running.end())
                return QtFuture::makeExceptionalFuture<CaseLimit>(std::make_exception_ptr(ValidationError(tr("Choose a running limit."))));
            title = l->title();
            return m_context.cases.meet(l->id, l->version, note->text().trimmed());
        })) {
        said(f, tr("Met: %1.").arg(title));
        reload();
        Q_EMIT changed(c.id);
    }
}

void CasePanel::extendLimit()
{
    if (!may("extend"))
        return;
    const Case c = m_case;
    FormDialog f(this, QStringLiteral("extendDialog"), tr("Extend a limit of case %1").arg(c.number));
    QComboBox* limit = f.choice(QStringLiteral("limit"), tr("&Limit"));
    QList<CaseLimit> candidates;
    for (const CaseLimit& l : std::as_const(m_limitRows)) {
        if (!extendable(l))
            continue;
        candidates << l;
        const QString me = m_context.session.principal().name;
        const bool approved = std::any_of(m_approvalRows.begin(), m_approvalRows.end(), [&](const CaseApproval& a) {
            return a.what == QStringLiteral("extend:%1").arg(l.id) && a.usedAt == 0 && a.approvedBy != me;
        });
        limit->addItem(tr("%1 (due %2)%3").arg(l.title(), stamp(l.dueAt), approved ? tr(", approved") : tr(", not approved yet")), l.id);
    }
    QSpinBox* days = f.number(QStringLiteral("days"), tr("&By"), 1, 30, tr(" days", "the suffix of a number of days, 1 to 30"));
    QComboBox* ground = f.choice(QStringLiteral("ground"), tr("&Ground"));
    for (ExtensionGround g : {ExtensionGround::Ordinary, ExtensionGround::Roving, ExtensionGround::Repeat, ExtensionGround::Gang})
        ground->addItem(groundName(g), extensionGroundKey(g));
    QLineEdit* reason = f.line(QStringLiteral("reason"), tr("&Reason"), tr("Why the limit is extended"));
    limit->setFocus();
    auto due = std::make_shared<qint64>(0);
    if (f.run<CaseLimit>([this, limit, days, ground, reason, candidates, due] {
            const qint64 id = limit->currentData().toLongLong();
            const auto l = std::find_if(candidates.begin(), candidates.end(), [id](const CaseLimit& r) { return r.id == id; });
            if (l == candidates.end())
                return QtFuture::makeExceptionalFuture<CaseLimit>(std::make_exception_ptr(ValidationError(tr("Choose a limit to extend."))));
            return m_context.cases
                .extend(l->id, l->version, qint64(days->value()) * 24 * 60,
                        extensionGroundFromKey(ground->currentData().toString()).value_or(ExtensionGround::Ordinary), reason->text().trimmed())
                .then([due](const CaseLimit& after) {
                    *due = after.dueAt;
                    return after;
                });
        })) {
        said(f, tr("Extended: now due %1.").arg(stamp(*due)));
        reload();
        Q_EMIT changed(c.id);
    }
}

void CasePanel::saveCaseFile()
{
    if (m_case.id <= 0) {
        m_message->setText(tr("Choose a case first."));
        return;
    }
    askReportPath(window(), this, tr("Save the case file as a PDF"), tr("case-file-%1.pdf").arg(m_case.number),
                  [this](const QString& path) { exportCaseFile(path); });
}

QFuture<int> CasePanel::exportCaseFile(const QString& path)
{
    QFuture<int> written = writeCaseFile(path);
    sayWhenReportWritten(m_message, path, written);
    return written;
}

QFuture<int> CasePanel::writeCaseFile(const QString& path)
{
    if (m_case.id <= 0)
        return QtFuture::makeExceptionalFuture<int>(std::make_exception_ptr(ValidationError(tr("Choose a case first."))));
    // Everything read afresh, the reads started here (as whoever is signed in now) and waited for
    // on a worker thread, which writes the file.
    const qint64 id = m_case.id;
    const QFuture<Case> caseRead = m_context.cases.caseOf(id);
    const QFuture<QList<CaseLimit>> limitsRead = m_context.cases.limits(id);
    const QFuture<QList<CaseApproval>> approvalsRead = m_context.cases.approvals(id);
    const QFuture<QList<CaseTimelineEntry>> timelineRead = m_context.cases.timeline(id);
    CustodyFilter held;
    held.inSuiteOnly = false;
    held.text = m_case.number;
    held.limit = 1000;
    const QFuture<QList<Custody>> peopleRead = m_context.custody.people(held);
    const QStringList headings{tr("The case"),  tr("Statutory limits"),
                               tr("Approvals"), tr("People held (masked)"),
                               tr("Timeline"),  tr("What"),
                               tr("Value"),     tr("Limit"),
                               tr("Started"),   tr("Due"),
                               tr("State"),     tr("For"),
                               tr("Given by"),  tr("When"),
                               tr("Used"),      tr("Wristband"),
                               tr("Person"),    tr("Cause"),
                               tr("Who")};
    const qint64 now = m_context.clock.nowMs();
    QFuture<int> written = runInBackground([=]() -> int {
        const Case c = QFuture<Case>(caseRead).result();
        const QString title = tr("Case file %1: %2").arg(c.number, c.title);
        const QString footer = tr("Hexhub · case management · case file %1 · personal data masked").arg(c.number);
        const QList<QStringList> facts{
            {tr("Number"), c.number},
            {tr("Title"), c.title},
            {tr("Path"), c.fastTrack ? tr("%1 case · on the 48-hour fast track").arg(kindName(c.kind)) : tr("%1 case").arg(kindName(c.kind))},
            {tr("Stage"), c.stageReason.isEmpty() ? caseStageName(c.stage) : tr("%1: %2").arg(caseStageName(c.stage), c.stageReason)},
            {tr("Opened"), tr("%1 by %2").arg(stamp(c.openedAt), c.openedBy)},
            {tr("Incident"), c.incidentId > 0 ? tr("incident %1").arg(c.incidentId) : tr("none")},
            {tr("Summary"), c.summary},
        };
        QList<QStringList> people;
        QHash<qint64, QString> tags;
        for (const Custody& k : QFuture<QList<Custody>>(peopleRead).result()) {
            if (k.caseNumber != c.number)
                continue;
            tags.insert(k.id, k.tag);
            people << QStringList{k.tag, k.personMasked, k.cause, k.inSuite() ? tr("in the suite") : tr("left %1").arg(stamp(k.releasedAt))};
        }
        QList<QStringList> limits;
        for (const CaseLimit& l : QFuture<QList<CaseLimit>>(limitsRead).result()) {
            QString state = l.state == QLatin1String("running") ? tr("%1 · %2").arg(limitStateName(l.state), dueText(l.dueAt, now))
                                                                : tr("%1 %2").arg(limitStateName(l.state), stamp(l.endedAt));
            if (!l.endNote.isEmpty())
                state = tr("%1: %2").arg(state, l.endNote);
            if (l.extendedMinutes > 0)
                state = tr("%1 · extended by %2").arg(state, formatDuration(l.extendedMinutes * kMinute));
            const QString tag = tags.value(l.custodyId);
            limits << QStringList{tag.isEmpty() ? l.title() : tr("%1 · %2", "a limit and the wristband of whom it runs for").arg(l.title(), tag),
                                  stamp(l.startedAt), stamp(l.dueAt), state};
        }
        QList<QStringList> approvals;
        for (const CaseApproval& a : QFuture<QList<CaseApproval>>(approvalsRead).result()) {
            const QString what = a.what.section(QLatin1Char(':'), 1);
            const QString text = a.what.startsWith(QLatin1String("stage:")) ? tr("the move to %1").arg(caseStageName(what))
                                                                            : tr("the extension of limit %1").arg(what);
            approvals << QStringList{a.note.isEmpty() ? text : tr("%1: %2").arg(text, a.note), a.approvedBy, stamp(a.approvedAt),
                                     a.usedAt > 0 ? stamp(a.usedAt) : tr("not yet")};
        }
        QList<QStringList> lines;
        for (const CaseTimelineEntry& e : QFuture<QList<CaseTimelineEntry>>(timelineRead).result())
            lines << QStringList{stamp(e.at), e.actor, e.text};

        ReportWriter doc(path, footer);
        if (!doc.isOpen())
            throw ValidationError(doc.errorString());
        doc.setTitle(title);
        doc.band(title, QColor(0x2c, 0x3e, 0x50), Qt::white);
        doc.heading(headings[0]);
        doc.table({headings[5], headings[6]}, facts, {0.25, 0.75});
        doc.heading(headings[1]);
        if (limits.isEmpty())
            doc.paragraph(tr("No limit has run for this case."));
        else
            doc.table({headings[7], headings[8], headings[9], headings[10]}, limits, {0.4, 0.17, 0.17, 0.26});
        doc.heading(headings[2]);
        if (approvals.isEmpty())
            doc.paragraph(tr("No approval was given."));
        else
            doc.table({headings[11], headings[12], headings[13], headings[14]}, approvals, {0.5, 0.16, 0.17, 0.17});
        doc.heading(headings[3]);
        if (people.isEmpty())
            doc.paragraph(tr("Nobody was held for this case."));
        else
            doc.table({headings[15], headings[16], headings[17], headings[10]}, people, {0.15, 0.3, 0.3, 0.25});
        doc.heading(headings[4]);
        doc.table({headings[13], headings[18], headings[5]}, lines, {0.18, 0.14, 0.68});
        QString error;
        if (!doc.finish(&error))
            throw ValidationError(error);
        return doc.pages();
    });
    return written;
}

void CasePanel::fastTrack()
{
    if (!may("fastTrack"))
        return;
    const Case c = m_case;
    FormDialog f(this, QStringLiteral("fastTrackDialog"), tr("Put case %1 on the 48-hour fast track").arg(c.number));
    QCheckBox* sentence = f.check(QStringLiteral("sentence"), tr("The likely &sentence is within three years"));
    QCheckBox* plea = f.check(QStringLiteral("plea"), tr("The suspect's guilty &plea was accepted"));
    QLineEdit* note = f.line(QStringLiteral("note"), tr("&Grounds"), tr("The facts, the evidence, the plea: on record"));
    sentence->setFocus();
    if (f.run<Case>([this, c, sentence, plea, note] {
            return m_context.cases.putOnFastTrack(c.id, c.version,
                                                  FastTrackGrounds{sentence->isChecked(), plea->isChecked(), note->text().trimmed()});
        })) {
        said(f, tr("Case %1 is on the fast track: investigated, prosecuted and tried within 48 hours.").arg(c.number));
        reload();
        Q_EMIT changed(c.id);
    }
}

void CasePanel::showGuidelines()
{
    const QString stage = m_case.id > 0 ? m_case.stage : QString();
    GuidelinesDialog dialog(m_context.guidelines, stage, stage.isEmpty() ? QString() : caseStageName(stage), this);
    dialog.exec();
}

void CasePanel::savePartnerPackage()
{
    if (m_case.id <= 0) {
        m_message->setText(tr("Choose a case first."));
        return;
    }
    askReportPath(window(), this, tr("Save the package for the prosecution and the court"), tr("case-package-%1.pdf").arg(m_case.number),
                  [this](const QString& path) { exportPartnerPackage(path); });
}

QString CasePanel::statusPathFor(const QString& pdfPath)
{
    const QFileInfo pdf(pdfPath);
    return pdf.dir().filePath(pdf.completeBaseName() + QStringLiteral("-status.json"));
}

QFuture<int> CasePanel::exportPartnerPackage(const QString& pdfPath)
{
    if (m_case.id <= 0)
        return QtFuture::makeExceptionalFuture<int>(std::make_exception_ptr(ValidationError(tr("Choose a case first."))));
    // The status read now, as whoever is signed in; written beside the case file once that is.
    const QFuture<QJsonObject> statusRead = m_context.cases.partnerStatus(m_case.id);
    const QString statusPath = statusPathFor(pdfPath);
    // Once the case file is written, on a worker thread (the status read is the store's own).
    // A package is both files or neither: the case file goes again when its status cannot be had.
    QFuture<int> written = writeCaseFile(pdfPath).then(QtFuture::Launch::Async, [statusRead, statusPath, pdfPath](int pages) {
        try {
            const QJsonObject status = QFuture<QJsonObject>(statusRead).result();
            QSaveFile file(statusPath);
            if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(status).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
                throw ValidationError(
                    tr("The status document could not be written to %1: %2").arg(QDir::toNativeSeparators(statusPath), file.errorString()));
        } catch (...) {
            QFile::remove(pdfPath);
            throw;
        }
        return pages;
    });
    sayWhenReportWritten(m_message, pdfPath, written);
    return written;
}

// ---------------------------------------------------------------------------------------------

CaseDesk::CaseDesk(CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("case_management.cases"));
    m_list = new RecordTable(context.store, this);
    m_list->setTableName(QStringLiteral("cases"));
    m_state = m_list->addFilter(QStringLiteral("state"), {{QString(), QStringLiteral("open")},
                                                          {QString(), QStringLiteral("due")},
                                                          {QString(), QStringLiteral("fast")},
                                                          {QString(), QStringLiteral("closed")},
                                                          {QString(), QString()}});
    m_list->setCountText([](int rows) { return tr("%n case(s)", nullptr, rows); });
    PagedQuery q;
    q.from = QStringLiteral("cm_cases k");
    q.idColumn = QStringLiteral("k.id");
    // The soonest running limit first: whatever runs out next is at the top; cases without one after.
    q.columns = {
        {QStringLiteral("due"),
         tr("Next limit"),
         QStringLiteral("coalesce(k.due_at, 0)"),
         {QStringLiteral("CASE WHEN k.due_at IS NULL OR k.stage = 'closed' THEN 1 ELSE 0 END"), QStringLiteral("coalesce(k.due_at, 0)")}},
        {QStringLiteral("number"), tr("Number"), QStringLiteral("k.number"), {QStringLiteral("k.number")}},
        {QStringLiteral("title"), tr("Title"), QStringLiteral("k.title"), {QStringLiteral("k.title")}},
        {QStringLiteral("kind"), tr("Path"), QStringLiteral("k.kind"), {QStringLiteral("k.kind")}},
        {QStringLiteral("stage"), tr("Stage"), QStringLiteral("k.stage"), {QStringLiteral("k.stage")}},
        {QStringLiteral("fast"), tr("Fast track"), QStringLiteral("k.fast_track"), {QStringLiteral("k.fast_track")}},
        {QStringLiteral("opened"), tr("Opened"), QStringLiteral("k.opened_at"), {QStringLiteral("k.opened_at")}},
    };
    q.sortColumn = 0;
    q.order = Qt::AscendingOrder;
    Clock* clock = &context.clock;
    m_list->model()->setFormatter([clock](const QVariantList& row, int column, int role) -> QVariant {
        const bool closed = row.value(4).toString() == QLatin1String("closed");
        const qint64 now = clock->nowMs();
        const qint64 due = closed ? 0 : row.value(0).toLongLong();
        if (role == Qt::ForegroundRole && column == 0) {
            const int level = dueLevel(due, now);
            return level == 2 ? QVariant(QColor(0xc0, 0x39, 0x2b)) : level == 1 ? QVariant(QColor(0xd9, 0x8c, 0x00)) : QVariant();
        }
        if (role == Qt::FontRole && column == 0 && dueLevel(due, now) > 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role != Qt::DisplayRole)
            return QVariant();
        switch (column) {
        case 0:
            return dueText(due, now);
        case 3: {
            const auto kind = caseKindFromKey(row.value(3).toString());
            return kind ? kindName(*kind) : row.value(3);
        }
        case 4:
            return caseStageName(row.value(4).toString());
        case 5:
            return row.value(5).toInt() != 0 ? tr("48 h") : QString();
        case 6:
            return stamp(row.value(6).toLongLong());
        default:
            return row.value(column);
        }
    });
    m_list->model()->setQuery(q);
    m_list->table()->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_list->setLiveCells(true);
    const QFontMetrics fm = m_list->table()->fontMetrics();
    m_list->table()->setColumnWidth(0, fm.horizontalAdvance(dueText(1, 12 * kHour + 1)) + 16); // the widest the column says
    m_list->table()->setColumnWidth(1, fm.horizontalAdvance(QStringLiteral("C-2026-000000")) + 16);
    m_list->table()->setColumnWidth(2, fm.horizontalAdvance(QLatin1Char('x')) * 30);
    m_panel = new CasePanel(context, this);
    m_list->setDetail(m_panel, 460);
    m_list->enableCsvExport(QStringLiteral("cases"));
    connect(m_list, &RecordTable::filtersChanged, this, &CaseDesk::applyFilter);
    connect(m_list, &RecordTable::currentRecordChanged, this, [this](qint64 id) {
        if (id != m_panel->askedId())
            m_panel->show(id);
    });
    connect(m_panel, &CasePanel::changed, this, [this] { m_list->model()->refresh(); });
    connect(m_panel, &CasePanel::linkActivated, this, &CaseDesk::linkActivated);
    m_list->addRowKey(QKeySequence(Qt::Key_N), [this] { openNew(); });
    m_list->addRowKey(QKeySequence(Qt::Key_M), [this] { m_panel->moveOn(); });
    m_list->addRowKey(QKeySequence(Qt::Key_X), [this] { m_panel->close(); });
    m_list->addRowKey(QKeySequence(Qt::Key_A), [this] { m_panel->approve(); });
    m_list->addRowKey(QKeySequence(Qt::Key_S), [this] { m_panel->startLimits(); });
    m_list->addRowKey(QKeySequence(Qt::Key_T), [this] { m_panel->meetLimit(); });
    m_list->addRowKey(QKeySequence(Qt::Key_E), [this] { m_panel->extendLimit(); });
    m_list->addRowKey(QKeySequence(Qt::Key_P), [this] { m_panel->saveCaseFile(); });
    m_list->addRowKey(QKeySequence(Qt::Key_F), [this] { m_panel->fastTrack(); });
    m_list->addRowKey(QKeySequence(Qt::Key_G), [this] { m_panel->savePartnerPackage(); });
    m_list->addRowKey(QKeySequence(Qt::Key_H), [this] { m_panel->showGuidelines(); });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    setFocusProxy(m_list->table());
    reloadOnEvents(context.bus, this, {QStringLiteral("case."), QStringLiteral("custody.")}, 300, [this] {
        m_list->model()->refresh();
        if (m_panel->askedId() > 0)
            m_panel->reload();
    });
    // "Due within a day" is measured from now: read again each minute of clock time.
    auto* minute = new ClockTimer(context.clock, this);
    minute->setInterval(kMinute);
    connect(minute, &ClockTimer::timeout, this, [this] {
        if (m_state->currentData().toString() == QLatin1String("due"))
            applyFilter();
    });
    minute->start();
    retranslate();
    applyFilter();
}

void CaseDesk::retranslate()
{
    m_list->setSearchPlaceholder(tr("Search by case number or title (Ctrl+F)"));
    const QStringList states{tr("Open cases"), tr("A limit due within a day, or run out"), tr("On the fast track"), tr("Closed"), tr("Every case")};
    for (int i = 0; i < m_state->count() && i < states.size(); ++i)
        m_state->setItemText(i, states[i]);
    m_list->updateCount();
    m_list->model()->setHeaders({tr("Next limit"), tr("Number"), tr("Title"), tr("Path"), tr("Stage"), tr("Fast track"), tr("Opened")});
}

void CaseDesk::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void CaseDesk::applyFilter()
{
    QStringList where;
    QVariantList binds;
    const QString state = m_state->currentData().toString();
    if (state == QLatin1String("open")) {
        where << QStringLiteral("k.stage <> 'closed'");
    } else if (state == QLatin1String("due")) {
        where << QStringLiteral("k.stage <> 'closed' AND k.due_at IS NOT NULL AND k.due_at <= ?");
        binds << m_context.clock.nowMs() + 24 * kHour;
    } else if (state == QLatin1String("fast")) {
        where << QStringLiteral("k.stage <> 'closed' AND k.fast_track = 1");
    } else if (state == QLatin1String("closed")) {
        where << QStringLiteral("k.stage = 'closed'");
    }
    const QString text = m_list->search()->text().trimmed();
    if (!text.isEmpty()) {
        const QString pattern = likePattern(text);
        where << QStringLiteral("(lower(k.number) LIKE lower(?) ESCAPE '\\' OR lower(k.title) LIKE lower(?) ESCAPE '\\')");
        binds << pattern << pattern;
    }
    m_list->model()->setFilter({where.join(QStringLiteral(" AND ")), binds});
}

bool CaseDesk::openCase(qint64 id)
{
    if (id <= 0)
        return false;
    m_state->setCurrentIndex(m_state->count() - 1);
    m_list->search()->clear();
    applyFilter();
    m_list->selectRecord(id);
    m_panel->show(id);
    return true;
}

bool CaseDesk::findCase(const QString& number)
{
    const QString words = number.trimmed();
    if (words.isEmpty())
        return false;
    m_state->setCurrentIndex(m_state->count() - 1);
    m_list->search()->setText(words);
    applyFilter();
    m_list->table()->setFocus(Qt::OtherFocusReason);
    return true;
}

void CaseDesk::openNew()
{
    if (!m_context.session.can(QString::fromLatin1(CaseService::kManagePermission))) {
        m_panel->message()->setText(tr("Opening a case needs the case permission."));
        return;
    }
    FormDialog f(this, QStringLiteral("openCaseDialog"), tr("Open a case"));
    QComboBox* kind = f.choice(QStringLiteral("kind"), tr("&Path"));
    kind->addItem(tr("Criminal"), caseKindKey(CaseKind::Criminal));
    kind->addItem(tr("Administrative"), caseKindKey(CaseKind::Administrative));
    QLineEdit* title = f.line(QStringLiteral("title"), tr("&Title"), tr("What happened, where (3 to 200 characters)"));
    QLineEdit* summary = f.line(QStringLiteral("summary"), tr("&Summary"), tr("What is known so far"));
    QSpinBox* incident = f.number(QStringLiteral("incident"), tr("&Incident"), 0, std::numeric_limits<int>::max());
    incident->setSpecialValueText(tr("none"));
    QCheckBox* fast = f.check(QStringLiteral("fastTrack"), tr("&Fast track: a minor case with a guilty plea (48 hours)"));
    QCheckBox* sentence = f.check(QStringLiteral("sentence"), tr("The likely s&entence is within three years"));
    QCheckBox* plea = f.check(QStringLiteral("plea"), tr("The suspect's guilty &plea was accepted"));
    QLineEdit* grounds = f.line(QStringLiteral("grounds"), tr("&Grounds"), tr("The facts, the evidence, the plea: on record"));
    // The grounds belong to the fast track: asked for only when it is chosen, of a criminal case.
    const auto follow = [kind, fast, sentence, plea, grounds] {
        const bool criminal = kind->currentData().toString() == caseKindKey(CaseKind::Criminal);
        fast->setEnabled(criminal);
        if (!criminal)
            fast->setChecked(false);
        for (QWidget* w : std::initializer_list<QWidget*>{sentence, plea, grounds})
            w->setEnabled(fast->isChecked());
    };
    connect(fast, &QCheckBox::toggled, fast, follow);
    connect(kind, &QComboBox::currentIndexChanged, kind, follow);
    follow();
    kind->setFocus();
    auto opened = std::make_shared<Case>();
    if (f.run<Case>([this, kind, title, summary, incident, fast, sentence, plea, grounds, opened] {
            NewCase draft;
            draft.kind = caseKindFromKey(kind->currentData().toString()).value_or(CaseKind::Criminal);
            draft.title = title->text().trimmed();
            draft.summary = summary->text().trimmed();
            draft.incidentId = incident->value();
            draft.fastTrack = fast->isChecked();
            if (draft.fastTrack)
                draft.grounds = FastTrackGrounds{sentence->isChecked(), plea->isChecked(), grounds->text().trimmed()};
            return m_context.cases.open(draft).then([opened](const Case& c) {
                *opened = c;
                return c;
            });
        })) {
        if (f.queued) {
            m_panel->message()->setText(tr("The case is kept on this desk until the server is back; it is opened then."));
            return;
        }
        m_state->setCurrentIndex(0);
        m_list->search()->clear();
        applyFilter();
        m_list->selectRecord(opened->id);
        m_panel->show(opened->id);
        m_panel->message()->setText(tr("Case %1 opened.").arg(opened->number));
    }
}

} // namespace hexhub::cases
