#include "leaddesk.h"
#include "intelcontext.h"
#include "intelviews_p.h"
#include "intelforms_p.h"
#include "investigationpage.h"
#include "linkchart.h"

#include "base/background.h"
#include "base/clock.h"
#include "base/error.h"
#include "base/whenfinished.h"
#include "messageline.h"
#include "recorddetail.h"
#include "recordtable.h"
#include "reportwriter.h"
#include "security/session.h"
#include "sqlpagemodel.h"
#include "store/sqldialect.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTreeWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace hexhub::criminalintel {

namespace {


QString stamp(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString statusText(const QString& key)
{
    const auto s = leadStatusFromKey(key);
    return s ? leadStatusName(*s) : key;
}

QString sourceText(const QString& key)
{
    const auto s = leadSourceFromKey(key);
    return s ? leadSourceName(*s) : key;
}

QLabel* wrapped(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

// ---------------------------------------------------------------------------------------------

LeadPanel::LeadPanel(IntelContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("leadPanel"));
    auto* inner = new QWidget;
    auto* layout = new QVBoxLayout(inner);
    m_title = wrapped(inner, QStringLiteral("title"));
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_title->setFont(big);
    m_summary = wrapped(inner, QStringLiteral("summary"));
    m_handling = wrapped(inner, QStringLiteral("handling"));
    QFont bold = m_handling->font();
    bold.setBold(true);
    m_handling->setFont(bold);
    m_handling->setFrameShape(QFrame::StyledPanel);
    m_handling->setMargin(6);
    auto* facts = new QFormLayout;
    m_source = wrapped(inner, QStringLiteral("source"));
    m_grade = wrapped(inner, QStringLiteral("grade"));
    m_status = wrapped(inner, QStringLiteral("status"));
    m_due = wrapped(inner, QStringLiteral("due"));
    m_tipSource = new MaskedField(tr("Protected source: %1"), tr("the tip's protected source"), inner);
    m_tipSource->setObjectName(QStringLiteral("tipSource"));
    facts->addRow(tr("Came from"), m_source);
    facts->addRow(tr("Grade"), m_grade);
    facts->addRow(tr("Status"), m_status);
    facts->addRow(tr("Limit"), m_due);
    m_details = wrapped(inner, QStringLiteral("details"));
    m_evidence = wrapped(inner, QStringLiteral("evidence"));

    auto* buttons = new QGridLayout;
    const auto action = [this, inner, buttons](const QString& name, const QString& text, void (LeadPanel::*slot)()) {
        auto* b = new QPushButton(text, inner);
        b->setObjectName(name);
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b, int(m_actions.size()) / 3, int(m_actions.size()) % 3);
        m_actions << b;
    };
    // The keys are the queue's (G, A, S, M, R on the list), not mnemonics that would take the desk's Alt keys.
    action(QStringLiteral("grade"), tr("Grade (G)"), &LeadPanel::grade);
    action(QStringLiteral("assign"), tr("Assign (A)"), &LeadPanel::assign);
    action(QStringLiteral("move"), tr("Status (S)"), &LeadPanel::move);
    action(QStringLiteral("merge"), tr("Merge (M)"), &LeadPanel::merge);
    connect(m_tipSource, &MaskedField::failed, this, [this](const QString& why) { m_message->setText(why); });

    m_message = new QLabel(inner);
    makeMessageLine(m_message, QStringLiteral("message"));
    m_duplicates = new QListWidget(inner);
    m_duplicates->setObjectName(QStringLiteral("duplicates"));
    m_duplicates->setMaximumHeight(90);
    m_duplicates->setWordWrap(true);
    m_duplicates->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_entities = new QListWidget(inner);
    m_entities->setObjectName(QStringLiteral("entities"));
    m_entities->setMaximumHeight(90);
    m_entities->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_timeline = new JournalTimeline(inner);
    m_timeline->setObjectName(QStringLiteral("timeline"));

    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_handling);
    layout->addLayout(facts);
    layout->addWidget(m_tipSource);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_details);
    layout->addWidget(m_evidence);
    auto* entityTitle = new QLabel(tr("Linked to"), inner);
    entityTitle->setBuddy(m_entities);
    layout->addWidget(entityTitle);
    layout->addWidget(m_entities);
    auto* dupTitle = new QLabel(tr("May repeat (M merges)"), inner);
    dupTitle->setBuddy(m_duplicates);
    layout->addWidget(dupTitle);
    layout->addWidget(m_duplicates);
    auto* timeTitle = new QLabel(tr("Timeline"), inner);
    layout->addWidget(timeTitle);
    layout->addWidget(m_timeline, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    showLead(Lead{});
}

void LeadPanel::show(qint64 id)
{
    showWhenRead<Lead>(
        this, m_loads, id, [this, id] { return m_context.leads.lead(id); }, m_message, [this](const Lead& lead) { showLead(lead); },
        [this, id] { Q_EMIT loaded(id); });
}

void LeadPanel::showLead(const Lead& lead)
{
    const bool same = lead.id == m_lead.id;
    m_lead = lead;
    if (!same) {
        m_leadEntities.clear();
        m_leadTimeline.clear();
    }
    const bool any = lead.id > 0;
    const bool mayTriage = m_context.session.can(QString::fromLatin1(LeadService::kTriagePermission));
    for (QPushButton* b : std::as_const(m_actions))
        b->setEnabled(any && mayTriage && lead.status != LeadStatus::Closed);
    if (QPushButton* move = findChild<QPushButton*>(QStringLiteral("move")))
        move->setEnabled(any && mayTriage);
    if (!same)
        m_message->clear();
    if (!any) {
        m_title->setText(tr("No lead in view"));
        m_summary->setText(tr("Pick a lead from the queue, or record a tip (T)."));
        for (QLabel* l : {m_handling, m_source, m_grade, m_status, m_due, m_details, m_evidence})
            l->clear();
        m_handling->hide();
        m_tipSource->clear();
        m_tipSource->hide();
        m_duplicates->clear();
        m_entities->clear();
        m_timeline->setEntries({});
        return;
    }
    m_title->setText(tr("Lead %1").arg(lead.reference));
    m_summary->setText(lead.summary);
    // Handling conditions show wherever the lead is: first, in bold, before anything else about it.
    m_handling->setVisible(true);
    m_handling->setText(tr("Handling: %1").arg(lead.handlingText()));
    QString from = leadSourceName(lead.source);
    if (!lead.sourceRecord.isEmpty())
        from = tr("%1 (%2)").arg(from, lead.sourceRecord);
    m_source->setText(tr("%1, received %2").arg(from, stamp(lead.receivedAt)));
    m_grade->setText(lead.grade ? tr("%1: %2. Graded by %3: %4").arg(lead.grade->code(), lead.grade->meaning(), lead.gradedBy, lead.gradeReason)
                                : tr("not graded yet"));
    QString status = leadStatusName(lead.status);
    if (!lead.statusReason.isEmpty())
        status = tr("%1: %2").arg(status, lead.statusReason);
    status += lead.assignedTo.isEmpty() ? tr(" · nobody assigned") : tr(" · assigned to %1").arg(lead.assignedTo);
    m_status->setText(status);
    const qint64 now = m_context.clock.nowMs();
    m_due->setText(lead.dueAt <= 0           ? tr("none running")
                   : lead.dueAt < now        ? tr("missed: was due %1").arg(stamp(lead.dueAt))
                                             : tr("due %1 (in %2)").arg(stamp(lead.dueAt), formatDuration(lead.dueAt - now)));
    const bool mayReveal = m_context.session.can(QString::fromLatin1(LeadService::kRevealPermission));
    const qint64 id = lead.id;
    m_tipSource->setVisible(!lead.sourceDetailMasked.isEmpty());
    m_tipSource->setValue(lead.id, lead.sourceDetailMasked,
                          mayReveal ? MaskedField::Reveal([this, id](const QString& why) { return m_context.leads.revealSource(id, why); })
                                    : MaskedField::Reveal());
    m_details->setText(lead.details.isEmpty() ? QString() : tr("Details: %1").arg(lead.details));
    if (!lead.evidence.isEmpty()) {
        const QJsonObject e = lead.evidence;
        m_evidence->setText(tr("Evidence: model %1 version %2, score %3, %n row(s) behind it (masked).", nullptr,
                               int(e.value(QStringLiteral("rows")).toArray().size()))
                                .arg(e.value(QStringLiteral("model")).toString())
                                .arg(e.value(QStringLiteral("version")).toInt())
                                .arg(e.value(QStringLiteral("score")).toDouble(), 0, 'f', 3));
    } else {
        m_evidence->clear();
    }
    whenFinished(this, m_context.leads.likelyDuplicates(id), [this, id](QFuture<QList<Lead>> done) {
        if (m_lead.id != id)
            return;
        m_duplicates->clear();
        try {
            for (const Lead& other : done.result()) {
                auto* item = new QListWidgetItem(tr("%1 · %2 · %3").arg(other.reference, other.summary, leadStatusName(other.status)), m_duplicates);
                item->setData(Qt::UserRole, other.id);
            }
            if (m_duplicates->count() == 0)
                new QListWidgetItem(tr("No likely duplicate."), m_duplicates);
        } catch (const std::exception& e) {
            new QListWidgetItem(errorText(e), m_duplicates);
        }
    });
    whenFinished(this, m_context.leads.entities(id), [this, id](QFuture<QList<LeadEntity>> done) {
        if (m_lead.id != id)
            return;
        m_entities->clear();
        try {
            m_leadEntities = done.result();
            for (const LeadEntity& e : std::as_const(m_leadEntities))
                new QListWidgetItem(tr("%1 · %2").arg(entityKindName(e.kind), e.labelMasked), m_entities);
            if (m_entities->count() == 0)
                new QListWidgetItem(tr("Nothing linked yet."), m_entities);
        } catch (const std::exception& e) {
            new QListWidgetItem(errorText(e), m_entities);
        }
    });
    whenFinished(this, m_context.leads.timeline(id), [this, id](QFuture<QList<LeadTimelineEntry>> done) {
        if (m_lead.id != id)
            return;
        try {
            QList<JournalTimeline::Entry> lines;
            m_leadTimeline = done.result();
            for (const LeadTimelineEntry& e : std::as_const(m_leadTimeline))
                lines << JournalTimeline::Entry{e.at, e.actor, e.text, QString()};
            m_timeline->setEntries(lines);
        } catch (const std::exception& e) {
            m_timeline->setProblem(errorText(e));
        }
    });
}

void LeadPanel::saved(const QFuture<Lead>& saving, const QString& done)
{
    whenFinished(this, saving, [this, done](QFuture<Lead> f) {
        try {
            const Lead after = f.result();
            if (m_lead.id == after.id)
                showLead(after);
            m_message->setText(done.arg(after.reference));
            Q_EMIT changed(after.id);
        } catch (...) {
            // The dialog said why; it stayed open.
        }
    });
}

bool LeadPanel::may(const char* button) const
{
    const QPushButton* b = findChild<QPushButton*>(QString::fromLatin1(button));
    return m_lead.id > 0 && b && b->isEnabled();
}

void LeadPanel::grade()
{
    if (!may("grade"))
        return;
    const Lead lead = m_lead;
    // The deployment's scheme decides the form; it is read first, off the GUI thread.
    whenFinished(this, m_context.leads.scheme(), [this, lead](QFuture<std::pair<GradingScheme, int>> f) {
        GradingScheme scheme = GradingScheme::Admiralty;
        try {
            scheme = f.result().first;
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
            return;
        }
        if (m_lead.id != lead.id)
            return;
        FormDialog d(this, QStringLiteral("gradeDialog"), tr("Grade lead %1").arg(lead.reference));
        auto* intro = new QLabel(tr("Graded in the %1. Grade the source and the information separately.").arg(gradingSchemeName(scheme)), &d.dialog);
        intro->setWordWrap(true);
        d.form->addRow(intro);
        QComboBox* source = d.choice(QStringLiteral("sourceGrade"),
                                     scheme == GradingScheme::Admiralty ? tr("Source reliability") : tr("Source evaluation"));
        for (const QString& g : LeadGrade::sourceGrades(scheme))
            source->addItem(tr("%1: %2").arg(g, LeadGrade::sourceGradeMeaning(scheme, g)), g);
        QComboBox* info = d.choice(QStringLiteral("infoGrade"),
                                   scheme == GradingScheme::Admiralty ? tr("Information credibility") : tr("Intelligence assessment"));
        for (const QString& g : LeadGrade::informationGrades(scheme))
            info->addItem(tr("%1: %2").arg(g, LeadGrade::informationGradeMeaning(scheme, g)), g);
        QComboBox* handling = nullptr;
        if (scheme == GradingScheme::ThreeByFiveByTwo) {
            handling = d.choice(QStringLiteral("handlingCode"), tr("Handling code"));
            handling->addItem(tr("P: lawful sharing permitted"), QStringLiteral("P"));
            handling->addItem(tr("C: conditions apply (say which)"), QStringLiteral("C"));
        }
        if (lead.grade && lead.grade->scheme == scheme) {
            source->setCurrentIndex(source->findData(lead.grade->source));
            info->setCurrentIndex(info->findData(lead.grade->information));
            if (handling)
                handling->setCurrentIndex(handling->findData(lead.grade->handling));
        } else {
            source->setCurrentIndex(source->count() - 1); // cannot be judged / untested until someone says otherwise
            info->setCurrentIndex(info->count() - 1);
        }
        QLineEdit* conditions = d.line(QStringLiteral("conditions"), tr("Handling conditions"), tr("Who may see it, what may be done with it"));
        if (lead.grade)
            conditions->setText(lead.grade->conditions);
        QLineEdit* reason = d.line(QStringLiteral("reason"), tr("Why this grade"), tr("At least five characters; it goes on record"));
        source->setFocus();
        const qint64 id = lead.id;
        const int version = lead.version;
        QFuture<Lead> last;
        d.run<Lead>([&, id, version, scheme] {
            LeadGrade g{scheme, source->currentData().toString(), info->currentData().toString(),
                        handling ? handling->currentData().toString() : QString(), conditions->text()};
            last = m_context.leads.grade(id, version, g, reason->text());
            return last;
        });
        if (last.isValid())
            saved(last, tr("%1 graded."));
    });
}

void LeadPanel::assign()
{
    if (!may("assign"))
        return;
    const Lead lead = m_lead;
    whenFinished(this, m_context.leads.analysts(), [this, lead](QFuture<QStringList> f) {
        QStringList analysts;
        try {
            analysts = f.result();
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
            return;
        }
        if (m_lead.id != lead.id)
            return;
        FormDialog d(this, QStringLiteral("assignDialog"), tr("Assign lead %1").arg(lead.reference));
        QComboBox* who = d.choice(QStringLiteral("analyst"), tr("Analyst"));
        who->addItem(tr("Nobody"), QString());
        for (const QString& name : analysts)
            who->addItem(name, name);
        const QString me = m_context.session.principal().name;
        who->setCurrentIndex(std::max(0, who->findData(lead.assignedTo.isEmpty() ? me : lead.assignedTo)));
        who->setFocus();
        QFuture<Lead> last;
        d.run<Lead>([&] {
            last = m_context.leads.assign(lead.id, lead.version, who->currentData().toString());
            return last;
        });
        if (last.isValid())
            saved(last, tr("%1 assigned."));
    });
}

void LeadPanel::move()
{
    if (!may("move"))
        return;
    const Lead lead = m_lead;
    FormDialog d(this, QStringLiteral("moveDialog"), tr("Status of lead %1").arg(lead.reference));
    QComboBox* to = d.choice(QStringLiteral("status"), tr("Move to"));
    for (const LeadStatus s : {LeadStatus::Assessing, LeadStatus::Developing, LeadStatus::Actioned, LeadStatus::Closed})
        if (canMoveLead(lead.status, s, lead.grade.has_value()))
            to->addItem(leadStatusName(s), leadStatusKey(s));
    if (to->count() == 0) {
        m_message->setText(tr("%1 cannot move from %2; grade it first.").arg(lead.reference, leadStatusName(lead.status)));
        return;
    }
    QLineEdit* reason = d.line(QStringLiteral("reason"), tr("Reason"), tr("Needed to close or to open again; it goes on record"));
    to->setFocus();
    QFuture<Lead> last;
    d.run<Lead>([&] {
        last = m_context.leads.move(lead.id, lead.version, *leadStatusFromKey(to->currentData().toString()), reason->text());
        return last;
    });
    if (last.isValid())
        saved(last, tr("%1 moved."));
}

void LeadPanel::merge()
{
    if (!may("merge"))
        return;
    const Lead lead = m_lead;
    FormDialog d(this, QStringLiteral("mergeDialog"), tr("Merge lead %1 into another").arg(lead.reference));
    auto* intro = new QLabel(tr("%1 is closed as a repeat; what it knows passes to the lead you choose.").arg(lead.reference), &d.dialog);
    intro->setWordWrap(true);
    d.form->addRow(intro);
    QComboBox* into = d.choice(QStringLiteral("into"), tr("Into"));
    for (int i = 0; i < m_duplicates->count(); ++i)
        if (const qint64 other = m_duplicates->item(i)->data(Qt::UserRole).toLongLong(); other > 0)
            into->addItem(m_duplicates->item(i)->text(), other);
    into->setEditable(true); // or a lead's number typed
    into->setInsertPolicy(QComboBox::NoInsert);
    QLineEdit* reason = d.line(QStringLiteral("reason"), tr("Why they are the same"), tr("At least five characters; it goes on record on both"));
    into->setFocus();
    QFuture<Lead> last;
    d.run<Lead>([&] {
        qint64 target = into->currentData().toLongLong();
        if (into->currentIndex() < 0 || into->currentText() != into->itemText(into->currentIndex()))
            target = into->currentText().trimmed().section(QLatin1Char('-'), -1).toLongLong();
        last = m_context.leads.merge(lead.id, lead.version, target, reason->text());
        return last;
    });
    if (last.isValid())
        saved(last, tr("%1 merged."));
}

void LeadPanel::revealSource()
{
    if (m_lead.id > 0 && !m_lead.sourceDetailMasked.isEmpty())
        m_tipSource->reveal();
}

void LeadPanel::saveReport()
{
    if (m_lead.id <= 0) {
        m_message->setText(tr("Choose a lead first."));
        return;
    }
    askReportPath(window(), this, tr("Save the lead as a PDF report"), QStringLiteral("%1.pdf").arg(m_lead.reference),
                  [this](const QString& path) { exportReport(path); });
}

QFuture<int> LeadPanel::exportReport(const QString& path)
{
    if (m_lead.id <= 0)
        return QtFuture::makeExceptionalFuture<int>(std::make_exception_ptr(ValidationError(tr("Choose a lead first."))));
    // What the report says, read here in the language in use; written on a worker thread.
    const Lead lead = m_lead;
    const QString title = tr("Lead %1: %2").arg(lead.reference, lead.summary);
    const QString handling = tr("Handling: %1").arg(lead.handlingText());
    QList<QStringList> facts{{tr("Came from"), m_source->text()},
                             {tr("Grade"), m_grade->text()},
                             {tr("Status"), m_status->text()},
                             {tr("Limit"), m_due->text()},
                             {tr("Legal basis"), lead.legalBasis},
                             {tr("Kept until"), stamp(lead.retainUntil)}};
    if (!lead.sourceDetailMasked.isEmpty())
        facts << QStringList{tr("Protected source"), tr("withheld (revealed only at the desk, with a reason)")};
    const QString details = lead.details;
    const QString evidence = m_evidence->text();
    QList<QStringList> linked;
    for (const LeadEntity& e : std::as_const(m_leadEntities))
        linked << QStringList{entityKindName(e.kind), e.labelMasked};
    QList<QStringList> timeline;
    for (const LeadTimelineEntry& e : std::as_const(m_leadTimeline))
        timeline << QStringList{e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), e.actor, e.text};
    const QString footer = tr("Hexhub · criminal intelligence · %1 · %2 · personal data masked").arg(lead.reference, lead.handlingText());
    const QStringList headings{tr("About the lead"), tr("Details"), tr("Linked to (masked)"), tr("Timeline"), tr("What"), tr("Value"),
                               tr("Kind"), tr("When"), tr("Who")};
    QFuture<int> written = runInBackground([=]() -> int {
        ReportWriter doc(path, footer);
        if (!doc.isOpen())
            throw ValidationError(doc.errorString());
        doc.setTitle(title);
        doc.band(title, QColor(0xd3, 0x54, 0x00), Qt::white);
        doc.paragraph(handling, 11, true);
        doc.heading(headings[0]);
        doc.table({headings[4], headings[5]}, facts, {0.25, 0.75});
        if (!details.isEmpty() || !evidence.isEmpty()) {
            doc.heading(headings[1]);
            if (!details.isEmpty())
                doc.paragraph(details);
            if (!evidence.isEmpty())
                doc.paragraph(evidence);
        }
        if (!linked.isEmpty()) {
            doc.heading(headings[2]);
            doc.table({headings[6], headings[5]}, linked, {0.3, 0.7});
        }
        if (!timeline.isEmpty()) {
            doc.heading(headings[3]);
            doc.table({headings[7], headings[8], headings[4]}, timeline, {0.2, 0.2, 0.6});
        }
        QString error;
        if (!doc.finish(&error))
            throw ValidationError(error);
        return doc.pages();
    });
    sayWhenReportWritten(m_message, path, written);
    return written;
}

// ---------------------------------------------------------------------------------------------

LeadDesk::LeadDesk(IntelContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("criminal_intel.desk"));
    m_queue = new RecordTable(context.store, this);
    m_queue->setTableName(QStringLiteral("leads"));
    m_queue->setSearchPlaceholder(tr("Search leads by words or reference (Ctrl+F)"));
    m_status = m_queue->addFilter(QStringLiteral("status"), {{tr("To triage: new and assessing"), QStringLiteral("triage")},
                                                             {tr("Open: not closed"), QStringLiteral("open")},
                                                             {tr("Assigned to me"), QStringLiteral("mine")},
                                                             {tr("Past their limit"), QStringLiteral("overdue")},
                                                             {leadStatusName(LeadStatus::New), QStringLiteral("new")},
                                                             {leadStatusName(LeadStatus::Assessing), QStringLiteral("assessing")},
                                                             {leadStatusName(LeadStatus::Developing), QStringLiteral("developing")},
                                                             {leadStatusName(LeadStatus::Actioned), QStringLiteral("actioned")},
                                                             {leadStatusName(LeadStatus::Closed), QStringLiteral("closed")},
                                                             {tr("Every status"), QString()}});
    m_source = m_queue->addFilter(QStringLiteral("source"), {{tr("Every source"), QString()},
                                                             {leadSourceName(LeadSource::BigData), QStringLiteral("big_data")},
                                                             {leadSourceName(LeadSource::Incident), QStringLiteral("incident")},
                                                             {leadSourceName(LeadSource::Centre), QStringLiteral("centre")},
                                                             {leadSourceName(LeadSource::Tip), QStringLiteral("tip")}});
    m_queue->setCountText([](int rows) { return tr("%n lead(s)", nullptr, rows); });
    PagedQuery q;
    q.from = QStringLiteral("ci_leads l");
    q.idColumn = QStringLiteral("l.id");
    // The limit sorts first: what runs out soonest is at the top; leads with none after them.
    q.columns = {
        {QStringLiteral("due"), tr("Limit"), QStringLiteral("l.due_at"), {QStringLiteral("coalesce(l.due_at, 9000000000000)")}},
        {QStringLiteral("reference"), tr("Lead"), QStringLiteral("l.reference"), {QStringLiteral("l.id")}},
        {QStringLiteral("grade"), tr("Grade"),
         QStringLiteral("CASE WHEN l.scheme IS NULL THEN '' WHEN l.scheme = 'admiralty' THEN l.source_grade || l.info_grade "
                        "ELSE l.source_grade || '/' || l.info_grade || '/' || l.handling END"),
         {QStringLiteral("coalesce(l.source_grade, 'Z')"), QStringLiteral("coalesce(l.info_grade, 'Z')")}},
        {QStringLiteral("handling"), tr("Handling"), QStringLiteral("l.conditions"), {}},
        {QStringLiteral("status"), tr("Status"), QStringLiteral("l.status"), {QStringLiteral("l.status")}},
        {QStringLiteral("summary"), tr("Summary"), QStringLiteral("l.summary"), {QStringLiteral("l.summary")}},
        {QStringLiteral("source"), tr("Source"), QStringLiteral("l.source_kind"), {QStringLiteral("l.source_kind")}},
        {QStringLiteral("assigned"), tr("Analyst"), QStringLiteral("coalesce(l.assigned_to, '')"), {QStringLiteral("coalesce(l.assigned_to, '')")}},
        {QStringLiteral("received"), tr("Received"), QStringLiteral("l.received_at"), {QStringLiteral("l.received_at")}},
    };
    q.sortColumn = 0;
    q.order = Qt::AscendingOrder;
    Clock* clock = &context.clock;
    m_queue->model()->setFormatter([clock](const QVariantList& row, int column, int role) -> QVariant {
        if (role == Qt::ToolTipRole && column == 3)
            return row.value(3);
        if (role != Qt::DisplayRole)
            return QVariant();
        switch (column) {
        case 0: {
            const qint64 due = row.value(0).toLongLong();
            if (due <= 0)
                return QString();
            const qint64 left = due - clock->nowMs();
            return left < 0 ? tr("missed %1 ago").arg(formatDuration(-left)) : formatDuration(left);
        }
        case 2:
            return row.value(2).toString().isEmpty() ? tr("not graded") : row.value(2);
        case 4:
            return statusText(row.value(4).toString());
        case 6:
            return sourceText(row.value(6).toString());
        case 8:
            return stamp(row.value(8).toLongLong());
        default:
            return row.value(column);
        }
    });
    m_queue->model()->setQuery(q);
    m_queue->table()->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_queue->setLiveCells(true);
    const QFontMetrics fm = m_queue->table()->fontMetrics();
    m_queue->table()->setColumnWidth(0, fm.horizontalAdvance(QStringLiteral("missed 12 h 00 min ago")) + 16);
    m_queue->table()->setColumnWidth(1, fm.horizontalAdvance(QStringLiteral("L-2026-000000")) + 16);
    m_queue->table()->setColumnWidth(3, fm.horizontalAdvance(QLatin1Char('x')) * 16);
    m_queue->table()->setColumnWidth(5, fm.horizontalAdvance(QLatin1Char('x')) * 36);
    m_panel = new LeadPanel(context, this);
    m_queue->setDetail(m_panel, 420);
    m_queue->enableCsvExport(QStringLiteral("leads"));
    connect(m_queue, &RecordTable::filtersChanged, this, &LeadDesk::applyFilter);
    connect(m_queue, &RecordTable::currentRecordChanged, this, [this](qint64 id) {
        if (id != m_panel->leadId())
            m_panel->show(id);
    });
    connect(m_panel, &LeadPanel::changed, this, [this] { m_queue->model()->refresh(); });
    m_queue->addRowKey(QKeySequence(Qt::Key_G), [this] { m_panel->grade(); });
    m_queue->addRowKey(QKeySequence(Qt::Key_A), [this] { m_panel->assign(); });
    m_queue->addRowKey(QKeySequence(Qt::Key_S), [this] { m_panel->move(); });
    m_queue->addRowKey(QKeySequence(Qt::Key_M), [this] { m_panel->merge(); });
    m_queue->addRowKey(QKeySequence(Qt::Key_R), [this] { m_panel->revealSource(); });
    m_queue->addRowKey(QKeySequence(Qt::Key_T), [this] { recordTip(); });
    m_queue->addRowKey(QKeySequence(Qt::Key_P), [this] { m_panel->saveReport(); });
    m_queue->addRowKey(QKeySequence(Qt::Key_C), [this] { chartLead(); });
    // Two pages: the leads, and the link chart the analysis is drawn on.
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("deskPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_queue, tr("&Leads"));
    m_chart = new LinkChart(context, m_pages);
    m_pages->addTab(m_chart, tr("Link &chart"));
    m_investigations = new InvestigationPage(context, m_pages);
    m_pages->addTab(m_investigations, tr("&Investigations"));
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        QWidget* focus = page == 1 ? static_cast<QWidget*>(m_chart->canvas()) : page == 2 ? static_cast<QWidget*>(m_investigations->list())
                                                                                            : static_cast<QWidget*>(m_queue->table());
        setFocusProxy(focus);
        focus->setFocus(Qt::OtherFocusReason);
    });
    connect(m_investigations, &InvestigationPage::chartRequested, this,
            [this](qint64 investigation, const QString& title, const QList<qint64>& entities, qint64 saved) {
                showChart();
                m_chart->chartInvestigation(investigation, title, entities, saved);
            });
    m_queue->addRowKey(QKeySequence(Qt::Key_I), [this] { investigateLead(); });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    setFocusProxy(m_queue->table());
    reloadOnEvents(context.bus, this, {QStringLiteral("lead."), QStringLiteral("intel_settings.")}, 300, [this] {
        m_queue->model()->refresh();
        if (m_panel->leadId() > 0)
            m_panel->reload();
    });
    applyFilter();
}

LeadDesk::~LeadDesk() = default;

void LeadDesk::applyFilter()
{
    QStringList where;
    QVariantList binds;
    const QString status = m_status->currentData().toString();
    if (status == QLatin1String("triage")) {
        where << QStringLiteral("l.status IN ('new', 'assessing')");
    } else if (status == QLatin1String("open")) {
        where << QStringLiteral("l.status <> 'closed'");
    } else if (status == QLatin1String("mine")) {
        where << QStringLiteral("l.assigned_to = ? AND l.status <> 'closed'");
        binds << m_context.session.principal().name;
    } else if (status == QLatin1String("overdue")) {
        where << QStringLiteral("l.due_at < ?");
        binds << m_context.clock.nowMs();
    } else if (!status.isEmpty()) {
        where << QStringLiteral("l.status = ?");
        binds << status;
    }
    if (const QString source = m_source->currentData().toString(); !source.isEmpty()) {
        where << QStringLiteral("l.source_kind = ?");
        binds << source;
    }
    const QString text = m_queue->search()->text().trimmed();
    if (!text.isEmpty()) {
        where << QStringLiteral("(lower(l.summary) LIKE lower(?) ESCAPE '\\' OR lower(l.details) LIKE lower(?) ESCAPE '\\' OR l.reference = ?)");
        binds << likePattern(text) << likePattern(text) << text.toUpper();
    }
    m_queue->model()->setFilter({where.join(QStringLiteral(" AND ")), binds});
}

bool LeadDesk::openLead(qint64 id)
{
    if (id <= 0)
        return false;
    showLeads();
    m_status->setCurrentIndex(m_status->count() - 1);
    m_source->setCurrentIndex(0);
    m_queue->search()->clear();
    applyFilter();
    m_queue->selectRecord(id);
    m_panel->show(id);
    return true;
}

void LeadDesk::showChart()
{
    m_pages->setCurrentWidget(m_chart);
}

void LeadDesk::showLeads()
{
    m_pages->setCurrentWidget(m_queue);
}

void LeadDesk::showInvestigations()
{
    m_pages->setCurrentWidget(m_investigations);
}

void LeadDesk::investigateLead()
{
    const qint64 lead = m_panel->leadId();
    if (lead <= 0)
        return;
    whenFinished(this, m_context.leads.lead(lead), [this, lead](QFuture<Lead> f) {
        try {
            const Lead l = f.result();
            showInvestigations();
            if (l.investigationId > 0)
                m_investigations->select(l.investigationId);
            else
                m_investigations->openNew({lead});
        } catch (const std::exception& e) {
            m_panel->message()->setText(errorText(e));
        }
    });
}

void LeadDesk::chartLead()
{
    if (m_panel->leadId() <= 0)
        return;
    showChart();
    m_chart->chartLead(m_panel->leadId());
}

void LeadDesk::recordTip()
{
    FormDialog d(this, QStringLiteral("tipDialog"), tr("Record a tip"));
    QLineEdit* summary = d.line(QStringLiteral("summary"), tr("What it is about"), tr("One line"));
    auto* details = new QPlainTextEdit(&d.dialog);
    details->setObjectName(QStringLiteral("details"));
    details->setTabChangesFocus(true);
    details->setMaximumHeight(100);
    d.form->addRow(tr("Details"), details);
    QLineEdit* source = d.line(QStringLiteral("source"), tr("Who or what gave it"), tr("Protected: masked everywhere, revealed only with a reason"));
    QLineEdit* basis = d.line(QStringLiteral("legalBasis"), tr("Legal basis"));
    basis->setText(tr("Investigation of reported offences"));
    auto* days = new QSpinBox(&d.dialog);
    days->setObjectName(QStringLiteral("retentionDays"));
    days->setRange(1, 3660);
    days->setValue(5 * 365);
    days->setSuffix(tr(" days"));
    d.form->addRow(tr("Kept for"), days);
    summary->setFocus();
    QFuture<Lead> last;
    d.run<Lead>([&] {
        last = m_context.leads.recordTip({summary->text(), details->toPlainText(), source->text(), basis->text(), days->value()});
        return last;
    });
    if (!last.isValid())
        return;
    whenFinished(this, last, [this](QFuture<Lead> f) {
        try {
            const Lead lead = f.result();
            openLead(lead.id);
            m_panel->message()->setText(tr("%1 recorded; it is to be graded within the assess limit.").arg(lead.reference));
        } catch (...) {
        }
    });
}

void LeadDesk::chooseScheme()
{
    whenFinished(this, m_context.leads.scheme(), [this](QFuture<std::pair<GradingScheme, int>> f) {
        std::pair<GradingScheme, int> now;
        try {
            now = f.result();
        } catch (const std::exception& e) {
            m_panel->message()->setText(errorText(e));
            return;
        }
        FormDialog d(this, QStringLiteral("schemeDialog"), tr("Grading scheme"));
        auto* intro = new QLabel(tr("New grades are given in the scheme chosen here; leads graded before keep theirs."), &d.dialog);
        intro->setWordWrap(true);
        d.form->addRow(intro);
        QComboBox* scheme = d.choice(QStringLiteral("scheme"), tr("Scheme"));
        for (const GradingScheme s : {GradingScheme::Admiralty, GradingScheme::ThreeByFiveByTwo})
            scheme->addItem(gradingSchemeName(s), gradingSchemeKey(s));
        scheme->setCurrentIndex(scheme->findData(gradingSchemeKey(now.first)));
        QLineEdit* reason = d.line(QStringLiteral("reason"), tr("Reason"), tr("At least five characters; it goes on record"));
        scheme->setFocus();
        d.run<GradingScheme>([&] {
            return m_context.leads.setScheme(*gradingSchemeFromKey(scheme->currentData().toString()), reason->text(), now.second);
        });
    });
}

} // namespace hexhub::criminalintel
