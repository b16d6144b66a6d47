// The custody suite's desk (custodydesk.h).
#include "custodydesk.h"

#include "base/background.h"
#include "base/clock.h"
#include "base/error.h"
#include "base/whenfinished.h"
#include "casecontext.h"
#include "custodywall.h"
#include "deskparts.h"
#include "formdialog.h"
#include "messageline.h"
#include "recorddetail.h"
#include "recordtable.h"
#include "reportwriter.h"
#include "security/session.h"
#include "sqlpagemodel.h"
#include "store/sqldialect.h"

#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace hexhub::cases {

using namespace parts;

namespace {

constexpr qint64 kMinute = 60'000;

QString riskText(const CustodyRisk& risk)
{
    QStringList seen;
    if (risk.intoxicated)
        seen << CustodyDesk::tr("intoxicated");
    if (risk.injured)
        seen << CustodyDesk::tr("injured");
    if (risk.medicalNeeds)
        seen << CustodyDesk::tr("medical needs");
    if (risk.selfHarm)
        seen << CustodyDesk::tr("risk of self-harm");
    QString text = riskLevelName(risk.level());
    if (!seen.isEmpty())
        text = CustodyDesk::tr("%1: %2").arg(text, seen.join(QStringLiteral(", ")));
    if (!risk.notes.isEmpty())
        text = CustodyDesk::tr("%1. %2", "a risk and what was seen").arg(text, risk.notes);
    return text;
}

QString stateText(const QString& state)
{
    if (state == QLatin1String("in"))
        return CustodyDesk::tr("in the suite");
    const auto kind = releaseKindFromKey(state);
    return kind ? releaseKindName(*kind) : state;
}

QString riskKeyText(const QString& key)
{
    for (RiskLevel level : {RiskLevel::Standard, RiskLevel::Elevated, RiskLevel::Highest}) {
        if (riskLevelKey(level) == key)
            return riskLevelName(level);
    }
    return key;
}

//! "in 12 min", "MISSED 3 min ago"; nothing once the person has left.
QString nextCheckText(const QString& state, qint64 due, qint64 now)
{
    if (state != QLatin1String("in") || due <= 0)
        return QString();
    return due < now ? CustodyDesk::tr("MISSED %1 ago").arg(formatDuration(now - due)) : CustodyDesk::tr("in %1").arg(formatDuration(due - now));
}

template <typename T> QFuture<T> refused(const QString& why)
{
    return QtFuture::makeExceptionalFuture<T>(std::make_exception_ptr(ValidationError(why)));
}

} // namespace

// ---------------------------------------------------------------------------------------------

CustodyPanel::CustodyPanel(CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("custodyPanel"));
    auto* inner = new QWidget;
    auto* layout = new QVBoxLayout(inner);
    m_title = titleLabel(inner);
    m_person = new MaskedField(QStringLiteral("%1"), QString(), inner);
    m_person->setObjectName(QStringLiteral("person"));
    m_facts = new QFormLayout;
    auto* facts = m_facts;
    m_case = wrapped(inner, QStringLiteral("case"));
    m_basis = wrapped(inner, QStringLiteral("basis"));
    m_cause = wrapped(inner, QStringLiteral("cause"));
    m_officer = wrapped(inner, QStringLiteral("officer"));
    m_risk = wrapped(inner, QStringLiteral("risk"));
    m_where = wrapped(inner, QStringLiteral("where"));
    m_held = wrapped(inner, QStringLiteral("held"));
    m_next = wrapped(inner, QStringLiteral("nextCheck"));
    m_left = wrapped(inner, QStringLiteral("left"));
    facts->addRow(new QLabel(inner), m_case);
    facts->addRow(new QLabel(inner), m_basis);
    facts->addRow(new QLabel(inner), m_cause);
    facts->addRow(new QLabel(inner), m_officer);
    facts->addRow(new QLabel(inner), m_risk);
    facts->addRow(new QLabel(inner), m_where);
    facts->addRow(new QLabel(inner), m_held);
    facts->addRow(new QLabel(inner), m_next);
    facts->addRow(new QLabel(inner), m_left);

    auto* buttons = new QGridLayout;
    const auto action = [this, inner, buttons](const QString& name, void (CustodyPanel::*slot)()) {
        addActionButton(this, inner, buttons, m_actions, 4, name, slot);
    };
    // The keys are the list's (C, M, I, ... on a person), not mnemonics that would take the desk's Alt keys.
    action(QStringLiteral("check"), &CustodyPanel::check);
    action(QStringLiteral("move"), &CustodyPanel::move);
    action(QStringLiteral("interview"), &CustodyPanel::interview);
    action(QStringLiteral("care"), &CustodyPanel::care);
    action(QStringLiteral("risk"), &CustodyPanel::assessRisk);
    action(QStringLiteral("apart"), &CustodyPanel::keepApart);
    action(QStringLiteral("release"), &CustodyPanel::release);
    action(QStringLiteral("ledger"), &CustodyPanel::saveRecord);

    m_message = new QLabel(inner);
    makeMessageLine(m_message, QStringLiteral("message"));
    connect(m_person, &MaskedField::failed, this, [this](const QString& why) { m_message->setText(why); });
    m_record = new JournalTimeline(inner);
    m_record->setObjectName(QStringLiteral("custodyRecord"));

    layout->addWidget(m_title);
    layout->addWidget(m_person);
    layout->addLayout(facts);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    m_recordTitle = new QLabel(inner);
    m_recordTitle->setBuddy(m_record);
    layout->addWidget(m_recordTitle);
    layout->addWidget(m_record, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    retranslate();
}

void CustodyPanel::retranslate()
{
    m_person->setCaption(tr("Person: %1"), tr("the person in custody"));
    const QList<std::pair<QLabel*, QString>> facts{{m_case, tr("Case")},       {m_basis, tr("Held on")},   {m_cause, tr("Cause")},
                                                   {m_officer, tr("Officer")}, {m_risk, tr("Risk")},       {m_where, tr("Where")},
                                                   {m_held, tr("Held for")},   {m_next, tr("Next check")}, {m_left, tr("Left")}};
    for (const auto& [field, label] : facts)
        if (auto* name = qobject_cast<QLabel*>(m_facts->labelForField(field)))
            name->setText(label);
    const QStringList texts{tr("Check (C)"),   tr("Move (M)"),      m_running ? tr("End interview (I)") : tr("Interview (I)"),
                            tr("Care (F)"),    tr("Risk (K)"),      tr("Keep apart (A)"),
                            tr("Release (X)"), tr("Record PDF (P)")};
    for (int i = 0; i < m_actions.size() && i < texts.size(); ++i)
        m_actions[i]->setText(texts[i]);
    m_recordTitle->setText(tr("Custody record"));
    showCustody(m_custody);
}

void CustodyPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void CustodyPanel::show(qint64 id)
{
    m_asked = id;
    showWhenRead<Custody>(
        this, m_loads, id, [this, id] { return m_context.custody.custodyOf(id); }, m_message,
        [this](const Custody& custody) { showCustody(custody); }, [this, id] { Q_EMIT loaded(id); });
}

void CustodyPanel::showCustody(const Custody& custody)
{
    const bool same = custody.id == m_custody.id;
    m_custody = custody;
    if (!same) {
        m_entries.clear();
        m_running.reset();
        m_message->clear();
    }
    const bool any = custody.id > 0;
    const bool mayManage = m_context.session.can(QString::fromLatin1(CustodyService::kManagePermission));
    for (QPushButton* b : std::as_const(m_actions))
        b->setEnabled(any && mayManage && custody.inSuite());
    // The record prints for whoever may read it, in the suite or gone.
    if (QPushButton* ledger = findChild<QPushButton*>(QStringLiteral("ledger")))
        ledger->setEnabled(any);
    if (!any) {
        m_title->setText(tr("Nobody in view"));
        for (QLabel* l : {m_case, m_basis, m_cause, m_officer, m_risk, m_where, m_held, m_next, m_left})
            l->clear();
        m_person->clear();
        m_record->setEntries({});
        return;
    }
    const qint64 now = m_context.clock.nowMs();
    m_title->setText(custody.inSuite() ? tr("Wristband %1 · %2").arg(custody.tag, custodyRoomName(custody.roomName))
                                       : tr("Wristband %1 · %2").arg(custody.tag, stateText(custody.state)));
    const qint64 id = custody.id;
    m_person->setValue(id, custody.personMasked,
                       mayManage ? MaskedField::Reveal([this, id](const QString& why) { return m_context.custody.revealPerson(id, why); })
                                 : MaskedField::Reveal());
    m_case->setText(custody.caseNumber);
    QString basis = custodyBasisName(custody.basis);
    if (custody.serious)
        basis = tr("%1 (extended: serious, or detention likely)").arg(basis);
    m_basis->setText(tr("%1 · %2").arg(basis, custody.legalBasis));
    m_cause->setText(custody.cause);
    m_officer->setText(tr("%1 · booked in by %2").arg(custody.officer, custody.checkedInBy));
    m_risk->setText(riskText(custody.risk));
    m_where->setText(tr("%1 (%2)").arg(custodyRoomName(custody.roomName), custodyStageName(custody.stage)));
    const qint64 end = custody.inSuite() ? now : custody.releasedAt;
    const qint64 toLimit = custody.limitAt - end;
    m_held->setText(tr("%1 since %2; limit %3 (%4)")
                        .arg(formatDuration(end - custody.startedAt), stamp(custody.startedAt), stamp(custody.limitAt),
                             toLimit < 0 ? tr("run out %1 ago").arg(formatDuration(-toLimit)) : tr("%1 left").arg(formatDuration(toLimit))));
    m_next->setText(custody.inSuite() ? tr("%1, at %2").arg(nextCheckText(custody.state, custody.nextCheckAt, now), stamp(custody.nextCheckAt))
                                      : tr("no more checks"));
    const int level = custody.inSuite() ? CustodyWall::checkLevel(custody.nextCheckAt, now) : 0;
    m_next->setStyleSheet(level == 2   ? QStringLiteral("color: #c0392b; font-weight: bold;")
                          : level == 1 ? QStringLiteral("color: #d98c00; font-weight: bold;")
                                       : QString());
    m_left->setText(
        custody.inSuite()
            ? tr("not yet")
            : tr("%1 at %2, taken by %3 (%4)").arg(stateText(custody.state), stamp(custody.releasedAt), custody.releaseTo, custody.releasedBy));
    whenFinished(this, m_context.custody.record(id), [this, id](QFuture<QList<CustodyEntry>> done) {
        if (m_custody.id != id)
            return;
        try {
            m_entries = done.result();
            QList<JournalTimeline::Entry> lines;
            for (const CustodyEntry& e : std::as_const(m_entries))
                lines << JournalTimeline::Entry{QDateTime::fromMSecsSinceEpoch(e.at), e.by, e.text, QString()};
            m_record->setEntries(lines);
        } catch (const std::exception& e) {
            m_record->setProblem(errorText(e));
        }
    });
    if (custody.inSuite()) {
        whenFinished(this, m_context.custody.interviews(id), [this, id](QFuture<QList<Interview>> done) {
            if (m_custody.id != id)
                return;
            m_running.reset();
            try {
                for (const Interview& i : done.result()) {
                    if (i.running())
                        m_running = i;
                }
            } catch (const std::exception&) {
                // The interview button asks again when pressed.
            }
            if (QPushButton* b = findChild<QPushButton*>(QStringLiteral("interview")))
                b->setText(m_running ? tr("End interview (I)") : tr("Interview (I)"));
        });
    }
}

bool CustodyPanel::may(const char* button) const
{
    const QPushButton* b = findChild<QPushButton*>(QString::fromLatin1(button));
    // The row chosen and the person shown are one: a key pressed while another person is on the way acts on nobody.
    return m_custody.id > 0 && m_asked == m_custody.id && b && b->isEnabled();
}

void CustodyPanel::check()
{
    if (!may("check"))
        return;
    const Custody k = m_custody;
    FormDialog f(this, QStringLiteral("checkDialog"), tr("Welfare check of %1").arg(k.tag));
    QComboBox* condition = f.choice(QStringLiteral("condition"), tr("&Condition"));
    for (WelfareCondition c : {WelfareCondition::Well, WelfareCondition::AsleepRoused, WelfareCondition::Concern})
        condition->addItem(welfareConditionName(c), welfareConditionKey(c));
    QLineEdit* observed = f.line(QStringLiteral("observed"), tr("&Observed"), tr("What was seen and said (needed for a concern)"));
    const qint64 now = m_context.clock.nowMs();
    f.form->insertRow(
        0, new QLabel(k.nextCheckAt < now
                          ? tr("Due %1: MISSED %2 ago. It is recorded as late.").arg(stamp(k.nextCheckAt), formatDuration(now - k.nextCheckAt))
                          : tr("Due %1, in %2.").arg(stamp(k.nextCheckAt), formatDuration(k.nextCheckAt - now)),
                      &f.dialog));
    observed->setFocus();
    if (f.run<WelfareCheck>([this, k, condition, observed] {
            const auto c = welfareConditionFromKey(condition->currentData().toString());
            return m_context.custody.check(k.id, c.value_or(WelfareCondition::Well), observed->text().trimmed());
        })) {
        m_message->setText(tr("Welfare check of %1 recorded.").arg(k.tag));
        reload();
        Q_EMIT changed(k.id);
    }
}

void CustodyPanel::move()
{
    if (!may("move"))
        return;
    const Custody k = m_custody;
    whenFinished(this, m_context.custody.rooms(), [this, k](QFuture<QList<Room>> done) {
        QList<Room> rooms;
        try {
            rooms = done.result();
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
            return;
        }
        FormDialog f(this, QStringLiteral("moveDialog"), tr("Take %1 to another room").arg(k.tag));
        QComboBox* room = f.choice(QStringLiteral("room"), tr("&Room"));
        for (const Room& r : std::as_const(rooms)) {
            if (r.id == k.roomId || !canMoveInSuite(k.stage, r.kind))
                continue;
            const bool full = r.occupants.size() >= r.capacity;
            room->addItem(tr("%1 · %2 (%3 of %4)%5")
                              .arg(custodyRoomName(r.name), custodyStageName(r.kind))
                              .arg(r.occupants.size())
                              .arg(r.capacity)
                              .arg(full ? tr(", full") : QString()),
                          r.id);
        }
        if (room->count() == 0) {
            m_message->setText(tr("No room further along the route for %1.").arg(k.tag));
            return;
        }
        QLineEdit* note = f.line(QStringLiteral("note"), tr("&Note"), tr("Why, when the move skips a step of the route"));
        room->setFocus();
        if (f.run<Custody>([this, k, room, note, rooms] {
                return m_context.custody.moveTo(k.id, k.version, room->currentData().toLongLong(), note->text().trimmed());
            })) {
            m_message->setText(tr("%1 taken to %2.").arg(k.tag, room->currentText().section(QStringLiteral(" · "), 0, 0)));
            reload();
            Q_EMIT changed(k.id);
        }
    });
}

void CustodyPanel::interview()
{
    if (!may("interview"))
        return;
    const Custody k = m_custody;
    whenFinished(this, m_context.custody.interviews(k.id), [this, k](QFuture<QList<Interview>> done) {
        std::optional<Interview> running;
        try {
            for (const Interview& i : done.result()) {
                if (i.running())
                    running = i;
            }
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
            return;
        }
        if (running) {
            const Interview i = *running;
            FormDialog f(this, QStringLiteral("endInterviewDialog"), tr("End the interview of %1").arg(k.tag));
            f.form->addRow(new QLabel(
                tr("Started %1 in %2 by %3, recording %4.").arg(stamp(i.startedAt), custodyRoomName(i.roomName), i.officers, i.recordingRef),
                &f.dialog));
            QLineEdit* note = f.line(QStringLiteral("note"), tr("&Note"), tr("How it ended (optional)"));
            note->setFocus();
            if (f.run<Interview>([this, i, note] { return m_context.custody.endInterview(i.id, note->text().trimmed()); })) {
                m_message->setText(tr("The interview of %1 ended.").arg(k.tag));
                reload();
                Q_EMIT changed(k.id);
            }
            return;
        }
        whenFinished(this, m_context.custody.rooms(), [this, k](QFuture<QList<Room>> read) {
            QList<Room> rooms;
            try {
                rooms = read.result();
            } catch (const std::exception& e) {
                m_message->setText(errorText(e));
                return;
            }
            FormDialog f(this, QStringLiteral("interviewDialog"), tr("Interview %1").arg(k.tag));
            QComboBox* room = f.choice(QStringLiteral("room"), tr("&Room"));
            for (const Room& r : std::as_const(rooms)) {
                if (r.kind == QLatin1String("interview"))
                    room->addItem(
                        r.occupants.isEmpty() || r.id == k.roomId ? custodyRoomName(r.name) : tr("%1 (in use)").arg(custodyRoomName(r.name)), r.id);
            }
            QLineEdit* officers = f.line(QStringLiteral("officers"), tr("O&fficers"), tr("Who interviews (two officers)"));
            QLineEdit* recording = f.line(QStringLiteral("recording"), tr("Re&cording"), tr("The recording's reference"));
            officers->setFocus();
            if (f.run<Interview>([this, k, room, officers, recording] {
                    return m_context.custody.startInterview(k.id, k.version, room->currentData().toLongLong(), officers->text().trimmed(),
                                                            recording->text().trimmed());
                })) {
                m_message->setText(tr("The interview of %1 started.").arg(k.tag));
                reload();
                Q_EMIT changed(k.id);
            }
        });
    });
}

void CustodyPanel::care()
{
    if (!may("care"))
        return;
    const Custody k = m_custody;
    FormDialog f(this, QStringLiteral("careDialog"), tr("Care given to %1").arg(k.tag));
    QComboBox* kind = f.choice(QStringLiteral("kind"), tr("&Given"));
    for (CareKind c : {CareKind::Meal, CareKind::Drink, CareKind::Rest, CareKind::Medication, CareKind::Medical, CareKind::PhoneCall})
        kind->addItem(careKindName(c), careKindKey(c));
    QSpinBox* minutes = f.number(QStringLiteral("minutes"), tr("M&inutes"), 0, 24 * 60, tr(" min"));
    minutes->setToolTip(tr("How long a rest period lasted"));
    QLineEdit* note = f.line(QStringLiteral("note"), tr("&Note"), tr("What exactly (optional)"));
    kind->setFocus();
    if (f.run<void>([this, k, kind, minutes, note] {
            const auto c = careKindFromKey(kind->currentData().toString());
            return m_context.custody.care(k.id, c.value_or(CareKind::Meal), minutes->value(), note->text().trimmed());
        })) {
        m_message->setText(tr("%1 given to %2 recorded.").arg(kind->currentText(), k.tag));
        reload();
        Q_EMIT changed(k.id);
    }
}

void CustodyPanel::assessRisk()
{
    if (!may("risk"))
        return;
    const Custody k = m_custody;
    FormDialog f(this, QStringLiteral("riskDialog"), tr("Assess the risk of %1 again").arg(k.tag));
    QCheckBox* intoxicated = f.check(QStringLiteral("intoxicated"), tr("I&ntoxicated"), tr("Seen"));
    QCheckBox* injured = f.check(QStringLiteral("injured"), tr("In&jured"));
    QCheckBox* medical = f.check(QStringLiteral("medical"), tr("&Medical needs"));
    QCheckBox* selfHarm = f.check(QStringLiteral("selfHarm"), tr("Risk of &self-harm"));
    intoxicated->setChecked(k.risk.intoxicated);
    injured->setChecked(k.risk.injured);
    medical->setChecked(k.risk.medicalNeeds);
    selfHarm->setChecked(k.risk.selfHarm);
    QLineEdit* notes = f.line(QStringLiteral("notes"), tr("&What was seen"));
    notes->setText(k.risk.notes);
    QLineEdit* reason = f.line(QStringLiteral("reason"), tr("&Reason"), tr("Why the risk is assessed again"));
    intoxicated->setFocus();
    if (f.run<Custody>([this, k, intoxicated, injured, medical, selfHarm, notes, reason] {
            CustodyRisk risk;
            risk.intoxicated = intoxicated->isChecked();
            risk.injured = injured->isChecked();
            risk.medicalNeeds = medical->isChecked();
            risk.selfHarm = selfHarm->isChecked();
            risk.notes = notes->text().trimmed();
            return m_context.custody.assessRisk(k.id, k.version, risk, reason->text().trimmed());
        })) {
        m_message->setText(tr("The risk of %1 assessed again.").arg(k.tag));
        reload();
        Q_EMIT changed(k.id);
    }
}

void CustodyPanel::keepApart()
{
    if (!may("apart"))
        return;
    const Custody k = m_custody;
    FormDialog f(this, QStringLiteral("apartDialog"), tr("Keep %1 apart from another person").arg(k.tag));
    QLineEdit* other = f.line(QStringLiteral("other"), tr("&Wristband"), tr("The other person's wristband"));
    QLineEdit* reason = f.line(QStringLiteral("reason"), tr("&Reason"), tr("Why they must not share a room"));
    other->setFocus();
    if (f.run<void>([this, k, other, reason, dialog = &f.dialog] {
            const QString tag = other->text().trimmed();
            if (tag.isEmpty())
                return refused<void>(tr("Name the other person by their wristband."));
            CustodyFilter filter;
            filter.text = tag;
            filter.limit = 20;
            const QString why = reason->text().trimmed();
            return m_context.custody.people(filter)
                .then(dialog,
                      [this, k, tag, why](const QList<Custody>& found) -> QFuture<void> {
                          for (const Custody& p : found) {
                              if (p.tag.compare(tag, Qt::CaseInsensitive) == 0 && p.id != k.id)
                                  return m_context.custody.keepApart(k.id, p.id, why);
                          }
                          return refused<void>(tr("Nobody in the suite wears wristband %1.").arg(tag));
                      })
                .unwrap();
        })) {
        m_message->setText(tr("%1 and %2 are kept apart.").arg(k.tag, other->text().trimmed()));
        reload();
        Q_EMIT changed(k.id);
    }
}

void CustodyPanel::release()
{
    if (!may("release"))
        return;
    const Custody k = m_custody;
    FormDialog f(this, QStringLiteral("releaseDialog"), tr("%1 leaves the suite").arg(k.tag));
    QComboBox* kind = f.choice(QStringLiteral("kind"), tr("&How"));
    for (ReleaseKind r : {ReleaseKind::Released, ReleaseKind::Transferred, ReleaseKind::HandedOver})
        kind->addItem(releaseKindName(r), releaseKindKey(r));
    QLineEdit* takenBy = f.line(QStringLiteral("takenBy"), tr("&Taken by"), tr("Who took the person (escort, hospital, court, family)"));
    QLineEdit* note = f.line(QStringLiteral("note"), tr("&Note"), tr("The decision or receipt (optional)"));
    kind->setFocus();
    if (f.run<Custody>([this, k, kind, takenBy, note] {
            const auto r = releaseKindFromKey(kind->currentData().toString());
            return m_context.custody.release(k.id, k.version, r.value_or(ReleaseKind::Released), takenBy->text().trimmed(), note->text().trimmed());
        })) {
        m_message->setText(tr("%1 has left the suite: %2.").arg(k.tag, kind->currentText()));
        reload();
        Q_EMIT changed(k.id);
    }
}

void CustodyPanel::saveRecord()
{
    if (m_custody.id <= 0) {
        m_message->setText(tr("Choose a person first."));
        return;
    }
    askReportPath(window(), this, tr("Save the custody record as a PDF"), tr("custody-record-%1.pdf").arg(m_custody.tag),
                  [this](const QString& path) { exportRecord(path); });
}

QFuture<int> CustodyPanel::exportRecord(const QString& path)
{
    if (m_custody.id <= 0)
        return refused<int>(tr("Choose a person first."));
    // What the ledger says, read here in the language in use; the record read again (it grows while
    // the person is held) and written on a worker thread.
    const Custody k = m_custody;
    const QString title = tr("Custody record: wristband %1").arg(k.tag);
    const QList<QStringList> facts{{tr("Person"), tr("%1 (masked)").arg(k.personMasked)},
                                   {tr("Case"), m_case->text()},
                                   {tr("Held on"), m_basis->text()},
                                   {tr("Cause"), m_cause->text()},
                                   {tr("Officer"), m_officer->text()},
                                   {tr("Risk"), m_risk->text()},
                                   {tr("Where"), m_where->text()},
                                   {tr("Held for"), m_held->text()},
                                   {tr("Next check"), m_next->text()},
                                   {tr("Left"), m_left->text()}};
    const QString footer = tr("Hexhub · case management · custody record %1 · personal data masked").arg(k.tag);
    const QStringList headings{tr("The person held"), tr("Every step of the stay"), tr("What"), tr("Value"), tr("When"), tr("Who")};
    QFuture<int> written = m_context.custody.record(k.id).then(QtFuture::Launch::Async, [=](const QList<CustodyEntry>& entries) -> int {
        QList<QStringList> lines;
        for (const CustodyEntry& e : entries)
            lines << QStringList{stamp(e.at), e.by, e.text};
        ReportWriter doc(path, footer);
        if (!doc.isOpen())
            throw ValidationError(doc.errorString());
        doc.setTitle(title);
        doc.band(title, QColor(0x2c, 0x3e, 0x50), Qt::white);
        doc.heading(headings[0]);
        doc.table({headings[2], headings[3]}, facts, {0.25, 0.75});
        doc.heading(headings[1]);
        doc.table({headings[4], headings[5], headings[2]}, lines, {0.2, 0.2, 0.6});
        QString error;
        if (!doc.finish(&error))
            throw ValidationError(error);
        return doc.pages();
    });
    sayWhenReportWritten(m_message, path, written);
    return written;
}

// ---------------------------------------------------------------------------------------------

CustodyDesk::CustodyDesk(CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("case_management.custody"));
    m_list = new RecordTable(context.store, this);
    m_list->setTableName(QStringLiteral("custody"));
    m_state = m_list->addFilter(
        QStringLiteral("state"),
        {{QString(), QStringLiteral("in")}, {QString(), QStringLiteral("due")}, {QString(), QStringLiteral("left")}, {QString(), QString()}});
    m_list->setCountText([](int rows) { return tr("%n person(s)", nullptr, rows); });
    PagedQuery q;
    q.from = QStringLiteral("cm_custody c JOIN cm_cases k ON k.id = c.case_id LEFT JOIN cm_rooms r ON r.id = c.room_id");
    q.idColumn = QStringLiteral("c.id");
    // The next check sorts first: whoever is due soonest is at the top, those who left after everyone held.
    q.columns = {
        {QStringLiteral("next"),
         tr("Next check"),
         QStringLiteral("c.next_check_at"),
         {QStringLiteral("CASE WHEN c.state = 'in' THEN 0 ELSE 1 END"), QStringLiteral("c.next_check_at")}},
        {QStringLiteral("tag"), tr("Wristband"), QStringLiteral("c.tag"), {QStringLiteral("c.tag")}},
        {QStringLiteral("person"), tr("Person (masked)"), QStringLiteral("c.person_ref_masked"), {}},
        {QStringLiteral("case"), tr("Case"), QStringLiteral("k.number"), {QStringLiteral("k.number")}},
        {QStringLiteral("where"), tr("Where"), QStringLiteral("coalesce(r.name, '')"), {QStringLiteral("coalesce(r.name, '')")}},
        {QStringLiteral("basis"), tr("Held on"), QStringLiteral("c.basis"), {QStringLiteral("c.basis")}},
        {QStringLiteral("risk"),
         tr("Risk"),
         QStringLiteral("c.risk_level"),
         {QStringLiteral("CASE c.risk_level WHEN 'highest' THEN 0 WHEN 'elevated' THEN 1 ELSE 2 END")}},
        // Held for: since when while in the suite, how long once gone.
        {QStringLiteral("held"),
         tr("Held for"),
         QStringLiteral("CASE WHEN c.state = 'in' THEN c.started_at ELSE coalesce(c.released_at, c.started_at) - c.started_at END"),
         {QStringLiteral("c.started_at")}},
        {QStringLiteral("limit"), tr("Limit"), QStringLiteral("c.limit_at"), {QStringLiteral("c.limit_at")}},
        {QStringLiteral("state"), tr("State"), QStringLiteral("c.state"), {QStringLiteral("c.state")}},
    };
    q.sortColumn = 0;
    q.order = Qt::AscendingOrder;
    Clock* clock = &context.clock;
    m_list->model()->setFormatter([clock](const QVariantList& row, int column, int role) -> QVariant {
        const QString state = row.value(9).toString();
        const qint64 now = clock->nowMs();
        if (role == Qt::ForegroundRole && column == 0 && state == QLatin1String("in")) {
            const int level = CustodyWall::checkLevel(row.value(0).toLongLong(), now);
            return level == 2 ? QVariant(QColor(0xc0, 0x39, 0x2b)) : level == 1 ? QVariant(QColor(0xd9, 0x8c, 0x00)) : QVariant();
        }
        if (role == Qt::FontRole && column == 0 && state == QLatin1String("in") && row.value(0).toLongLong() - now <= 15 * kMinute) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role != Qt::DisplayRole)
            return QVariant();
        switch (column) {
        case 0:
            return nextCheckText(state, row.value(0).toLongLong(), now);
        case 4:
            return state == QLatin1String("in") ? custodyRoomName(row.value(4).toString()) : QString();
        case 5: {
            const auto basis = custodyBasisFromKey(row.value(5).toString());
            return basis ? custodyBasisName(*basis) : row.value(5);
        }
        case 6:
            return riskKeyText(row.value(6).toString());
        case 7:
            return formatDuration(state == QLatin1String("in") ? now - row.value(7).toLongLong() : row.value(7).toLongLong());
        case 8: {
            if (state != QLatin1String("in"))
                return QString();
            const qint64 left = row.value(8).toLongLong() - now;
            return left < 0 ? tr("run out %1 ago").arg(formatDuration(-left)) : tr("%1 left").arg(formatDuration(left));
        }
        case 9:
            return stateText(state);
        default:
            return row.value(column);
        }
    });
    m_list->model()->setQuery(q);
    m_list->table()->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_list->setLiveCells(true);
    const QFontMetrics fm = m_list->table()->fontMetrics();
    m_list->table()->setColumnWidth(0, fm.horizontalAdvance(QStringLiteral("MISSED 12 h 00 min ago")) + 16);
    m_list->table()->setColumnWidth(1, fm.horizontalAdvance(QStringLiteral("W-00000")) + 16);
    m_list->table()->setColumnWidth(2, std::max(fm.horizontalAdvance(QLatin1Char('x')) * 12, fm.horizontalAdvance(tr("Person (masked)")) + 24));
    m_list->table()->setColumnWidth(3, fm.horizontalAdvance(QStringLiteral("C-2026-000000")) + 16);
    m_panel = new CustodyPanel(context, this);
    m_list->setDetail(m_panel, 440);
    m_list->enableCsvExport(QStringLiteral("custody"));
    connect(m_list, &RecordTable::filtersChanged, this, &CustodyDesk::applyFilter);
    connect(m_list, &RecordTable::currentRecordChanged, this, [this](qint64 id) {
        if (id != m_panel->askedId())
            m_panel->show(id);
    });
    connect(m_panel, &CustodyPanel::changed, this, [this] { m_list->model()->refresh(); });
    m_list->addRowKey(QKeySequence(Qt::Key_C), [this] { m_panel->check(); });
    m_list->addRowKey(QKeySequence(Qt::Key_M), [this] { m_panel->move(); });
    m_list->addRowKey(QKeySequence(Qt::Key_I), [this] { m_panel->interview(); });
    m_list->addRowKey(QKeySequence(Qt::Key_F), [this] { m_panel->care(); });
    m_list->addRowKey(QKeySequence(Qt::Key_K), [this] { m_panel->assessRisk(); });
    m_list->addRowKey(QKeySequence(Qt::Key_A), [this] { m_panel->keepApart(); });
    m_list->addRowKey(QKeySequence(Qt::Key_X), [this] { m_panel->release(); });
    m_list->addRowKey(QKeySequence(Qt::Key_P), [this] { m_panel->saveRecord(); });
    m_list->addRowKey(QKeySequence(Qt::Key_R), [this] { m_panel->person()->reveal(); });
    m_list->addRowKey(QKeySequence(Qt::Key_N), [this] { checkIn(); });
    // Two pages: the people, and the suite's rooms along the route with who is in each now.
    m_rooms = new QTableWidget(0, 4, this);
    m_rooms->setObjectName(QStringLiteral("rooms"));
    m_rooms->verticalHeader()->hide();
    m_rooms->horizontalHeader()->setStretchLastSection(true);
    m_rooms->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rooms->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("deskPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_list, QString());
    m_pages->addTab(m_rooms, QString());
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        QWidget* focus = page == 1 ? static_cast<QWidget*>(m_rooms) : static_cast<QWidget*>(m_list->table());
        setFocusProxy(focus);
        focus->setFocus(Qt::OtherFocusReason);
        if (page == 1)
            reloadRooms();
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    setFocusProxy(m_list->table());
    reloadOnEvents(context.bus, this, {QStringLiteral("custody."), QStringLiteral("case.")}, 300, [this] {
        m_list->model()->refresh();
        if (m_panel->askedId() > 0)
            m_panel->reload();
        if (m_pages->currentWidget() == m_rooms)
            reloadRooms();
    });
    // "Due within 15 minutes" is measured from now: read again each minute of clock time.
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

void CustodyDesk::showRooms()
{
    m_pages->setCurrentWidget(m_rooms);
}

void CustodyDesk::reloadRooms()
{
    whenLatest(this, m_roomRead, m_context.custody.rooms(), [this](QFuture<QList<Room>> done) {
        QList<Room> rooms;
        try {
            rooms = done.result();
        } catch (const std::exception& e) {
            m_rooms->setRowCount(1);
            m_rooms->setItem(0, 0, new QTableWidgetItem(errorText(e)));
            return;
        }
        m_rooms->setRowCount(int(rooms.size()));
        for (int row = 0; row < rooms.size(); ++row) {
            const Room& r = rooms[row];
            const bool full = r.occupants.size() >= r.capacity;
            const QStringList cells{custodyRoomName(r.name), custodyStageName(r.kind), tr("%1 of %2").arg(r.occupants.size()).arg(r.capacity),
                                    r.occupants.isEmpty() ? tr("empty") : r.occupants.join(QStringLiteral(", "))};
            for (int column = 0; column < cells.size(); ++column) {
                auto* item = new QTableWidgetItem(cells[column]);
                if (column == 2 && full)
                    item->setForeground(QColor(0xd9, 0x8c, 0x00));
                m_rooms->setItem(row, column, item);
            }
        }
    });
}

void CustodyDesk::retranslate()
{
    m_pages->setTabText(0, tr("&People"));
    m_pages->setTabText(1, tr("&Rooms"));
    m_rooms->setHorizontalHeaderLabels({tr("Room"), tr("On the route"), tr("Places"), tr("Who is in it (wristbands)")});
    if (m_pages->currentWidget() == m_rooms)
        reloadRooms();
    m_list->setSearchPlaceholder(tr("Search by wristband, case number or cause (Ctrl+F)"));
    const QStringList states{tr("In the suite"), tr("Checks due within 15 minutes or missed"), tr("Left the suite"), tr("Everyone")};
    for (int i = 0; i < m_state->count() && i < states.size(); ++i)
        m_state->setItemText(i, states[i]);
    m_list->updateCount();
    m_list->model()->setHeaders({tr("Next check"), tr("Wristband"), tr("Person (masked)"), tr("Case"), tr("Where"), tr("Held on"), tr("Risk"),
                                 tr("Held for"), tr("Limit"), tr("State")});
}

void CustodyDesk::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void CustodyDesk::applyFilter()
{
    QStringList where;
    QVariantList binds;
    const QString state = m_state->currentData().toString();
    if (state == QLatin1String("in")) {
        where << QStringLiteral("c.state = 'in'");
    } else if (state == QLatin1String("due")) {
        where << QStringLiteral("c.state = 'in' AND c.next_check_at <= ?");
        binds << m_context.clock.nowMs() + 15 * kMinute;
    } else if (state == QLatin1String("left")) {
        where << QStringLiteral("c.state <> 'in'");
    }
    const QString text = m_list->search()->text().trimmed();
    if (!text.isEmpty()) {
        const QString pattern = likePattern(text);
        where << QStringLiteral("(lower(c.tag) LIKE lower(?) ESCAPE '\\' OR lower(k.number) LIKE lower(?) ESCAPE '\\' "
                                "OR lower(c.cause) LIKE lower(?) ESCAPE '\\')");
        binds << pattern << pattern << pattern;
    }
    m_list->model()->setFilter({where.join(QStringLiteral(" AND ")), binds});
}

bool CustodyDesk::openCustody(qint64 id)
{
    if (id <= 0)
        return false;
    m_pages->setCurrentWidget(m_list);
    m_state->setCurrentIndex(m_state->count() - 1);
    m_list->search()->clear();
    applyFilter();
    m_list->selectRecord(id);
    m_panel->show(id);
    return true;
}

void CustodyDesk::checkIn()
{
    if (!m_context.session.can(QString::fromLatin1(CustodyService::kManagePermission))) {
        m_panel->message()->setText(tr("Booking people in needs the custody permission."));
        return;
    }
    FormDialog f(this, QStringLiteral("checkInDialog"), tr("Book a person in"));
    QLineEdit* caseNumber = f.line(QStringLiteral("case"), tr("&Case"), tr("The open case's number, C-2026-000042"));
    QLineEdit* person = f.line(QStringLiteral("person"), tr("&Person"), tr("Name and ID number (masked wherever it is read)"));
    QLineEdit* tag = f.line(QStringLiteral("tag"), tr("&Wristband"), tr("The wristband or tag number"));
    QLineEdit* cause = f.line(QStringLiteral("cause"), tr("Ca&use"), tr("Why the person is brought in"));
    QComboBox* basis = f.choice(QStringLiteral("basis"), tr("Held &on"));
    for (CustodyBasis b : {CustodyBasis::Summons, CustodyBasis::Questioning, CustodyBasis::Detention})
        basis->addItem(custodyBasisName(b), custodyBasisKey(b));
    QCheckBox* serious = f.check(QStringLiteral("serious"), tr("Approved as serious, or detention likely (24 hours)"));
    QLineEdit* legalBasis = f.line(QStringLiteral("legalBasis"), tr("&Legal basis"), tr("The article or decision"));
    QLineEdit* officer = f.line(QStringLiteral("officer"), tr("O&fficer"), tr("The officer responsible"));
    QCheckBox* intoxicated = f.check(QStringLiteral("intoxicated"), tr("I&ntoxicated"), tr("Risk seen"));
    QCheckBox* injured = f.check(QStringLiteral("injured"), tr("In&jured"));
    QCheckBox* medical = f.check(QStringLiteral("medical"), tr("&Medical needs"));
    QCheckBox* selfHarm = f.check(QStringLiteral("selfHarm"), tr("Risk of &self-harm"));
    QLineEdit* notes = f.line(QStringLiteral("riskNotes"), tr("W&hat was seen"), tr("What was seen and asked at intake"));
    caseNumber->setFocus();
    QString booked;
    if (f.run<Custody>(
            [this, &f, &booked, caseNumber, person, tag, cause, basis, serious, legalBasis, officer, intoxicated, injured, medical, selfHarm, notes] {
                NewCustody draft;
                draft.personRef = person->text().trimmed();
                draft.tag = tag->text().trimmed();
                draft.cause = cause->text().trimmed();
                draft.legalBasis = legalBasis->text().trimmed();
                draft.basis = custodyBasisFromKey(basis->currentData().toString()).value_or(CustodyBasis::Detention);
                draft.serious = serious->isChecked();
                draft.officer = officer->text().trimmed();
                draft.risk.intoxicated = intoxicated->isChecked();
                draft.risk.injured = injured->isChecked();
                draft.risk.medicalNeeds = medical->isChecked();
                draft.risk.selfHarm = selfHarm->isChecked();
                draft.risk.notes = notes->text().trimmed();
                const QString number = caseNumber->text().trimmed();
                if (number.isEmpty())
                    return refused<Custody>(tr("Name the open case the person is brought in for."));
                CaseFilter filter;
                filter.text = number;
                filter.openOnly = true;
                filter.limit = 20;
                // The case by its number, then the booking: one save, off the GUI thread throughout.
                return m_context.cases.cases(filter)
                    .then(&f.dialog,
                          [this, draft, number, &booked](const QList<Case>& found) mutable -> QFuture<Custody> {
                              for (const Case& c : found) {
                                  if (c.number.compare(number, Qt::CaseInsensitive) == 0) {
                                      draft.caseId = c.id;
                                      booked = draft.tag;
                                      return m_context.custody.checkIn(draft);
                                  }
                              }
                              return refused<Custody>(tr("No open case is numbered %1.").arg(number));
                          })
                    .unwrap();
            })) {
        m_panel->message()->setText(tr("%1 booked in at the intake desk.").arg(booked));
        m_state->setCurrentIndex(0);
        m_list->search()->setText(booked);
        applyFilter();
    }
}

} // namespace hexhub::cases
