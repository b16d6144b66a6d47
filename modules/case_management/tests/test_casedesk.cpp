// The case desk through the real window and the real plugin, by keyboard (issue 22 section 1): a case
// opened (N), detention's limits started (S), one met (T), moved along its path (M), refused a stage
// that needs an approval until the hub's commander gives one, then moved on it; the arrest request
// extended on an approval (E); the timeline from the journal; a close without a reason refused in the
// dialog (X); the case opened from a limit's deadline subject ("case:<id>"). The hub's commander
// approves by keyboard (A) and is given no form to change the case, which the service refuses anyway.
#include "base/error.h"
#include "casedesk.h"
#include "hexhub/hub/incidentservice.h"
#include "hubviewtest.h"
#include "recorddetail.h"

#include <QFile>
#include <QJsonObject>
#include <QJsonDocument>
#include <QJsonArray>
#include <QCheckBox>
#include <QFileInfo>
#include <QListWidget>
#include <QTextBrowser>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QWindow>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::cases;

namespace {

namespace hv = hexhub::test::hubviews;

// The real window, active, on the centre's desk, which opens on its cases; the case desk.
QWidget* showCases(shell::MainWindow& window)
{
    window.resize(1500, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    REQUIRE(window.showModule(QStringLiteral("case_management")));
    QWidget* desk = nullptr;
    REQUIRE(waitUntil([&] { return (desk = window.findChild<QWidget*>(QStringLiteral("case_management.cases"))) != nullptr; }));
    REQUIRE(waitUntil([&] { return desk->isVisible(); }));
    return desk;
}

// The focus moves to the next field of the dialog in front, which is the one expected.
void next(const char* expected)
{
    hv::key(QApplication::focusWidget(), Qt::Key_Tab);
    REQUIRE(QApplication::focusWidget());
    REQUIRE(QApplication::focusWidget()->objectName() == QString::fromLatin1(expected));
}

void activate(QDialog* dialog)
{
    QApplication::setActiveWindow(dialog);
    CHECK(QTest::qWaitForWindowActive(dialog));
}

//! A session of its own for someone else at another desk (the hub's commander), over the same store.
struct OtherDesk
{
    Session session;
    std::unique_ptr<CaseService> cases;
    OtherDesk(casedesk::Desk& d, const QString& name)
    {
        const SignInResult result = await(d.tp->access().signIn(name, casedesk::kPassword));
        REQUIRE(result.principal.isValid());
        session.setPrincipal(result.principal);
        cases = std::make_unique<CaseService>(d.tp->store(), session, d.tp->audit());
    }
};

bool timelineHas(JournalTimeline* timeline, const QString& words)
{
    for (int i = 0; i < timeline->count(); ++i)
        if (timeline->item(i)->text().contains(words))
            return true;
    return false;
}

} // namespace

TEST_CASE("Case desk: a case opened, detention's limits started and one met, moved on an approval the hub gave, the arrest request extended, by "
          "keyboard",
          "[case_management][cases][gui]")
{
    casedesk::Desk d;
    shell::Language english; // English plural forms ("4 limits")
    REQUIRE(english.set(QStringLiteral("en")));
    shell::MainWindow window(*d.tp);
    QWidget* desk = showCases(window);
    auto* table = desk->findChild<QTableView*>(QStringLiteral("cases"));
    auto* panel = desk->findChild<QWidget*>(QStringLiteral("casePanel"));
    REQUIRE(table);
    REQUIRE(panel);
    auto* title = panel->findChild<QLabel*>(QStringLiteral("title"));
    auto* message = panel->findChild<QLabel*>(QStringLiteral("message"));
    auto* limits = panel->findChild<QTableWidget*>(QStringLiteral("limits"));
    auto* approvals = panel->findChild<QTableWidget*>(QStringLiteral("approvals"));
    auto* timeline = panel->findChild<JournalTimeline*>(QStringLiteral("timeline"));
    REQUIRE(limits);
    REQUIRE(approvals);
    REQUIRE(timeline);
    // Each fact with its name beside it.
    const auto named = [panel](const QString& text) {
        for (QLabel* label : panel->findChildren<QLabel*>())
            if (label->text() == text)
                return true;
        return false;
    };
    for (const char* fact : {"Path", "Opened", "Incident", "Next limit", "Last step", "People held"})
        CHECK(named(QString::fromLatin1(fact)));

    // N: the case, its path by arrow keys (criminal first), the title and summary; Enter saves.
    whenModal(QStringLiteral("openCaseDialog"), [](QDialog* dialog) {
        activate(dialog);
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("kind"));
        next("title");
        hv::type(QApplication::focusWidget(), QStringLiteral("Burglary at the Riverside pharmacy"));
        next("summary");
        hv::type(QApplication::focusWidget(), QStringLiteral("Back window forced at night, drugs taken"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_N);
    REQUIRE(waitUntil([&] { return d.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases")) == 1; }));
    const qint64 id = d.count(QStringLiteral("SELECT id FROM cm_cases"));
    const QString number = d.text(QStringLiteral("SELECT number FROM cm_cases WHERE id = ?"), {id});
    CHECK(d.text(QStringLiteral("SELECT kind FROM cm_cases WHERE id = ?"), {id}) == QStringLiteral("criminal"));
    hv::backToWindow(window);
    REQUIRE(waitUntil([&] { return title->text() == number + QStringLiteral(" · Burglary at the Riverside pharmacy"); }));
    CHECK(message->text() == QStringLiteral("Case %1 opened.").arg(number));
    REQUIRE(waitUntil([&] { return table->model()->rowCount() == 1 && table->model()->index(0, 1).data().toString() == number; }));
    CHECK(panel->findChild<QLabel*>(QStringLiteral("path"))->text().contains(QStringLiteral("<b>registered</b>")));

    // S: detention (the first event offered in a criminal case); a note; Enter. Four clocks run.
    whenModal(QStringLiteral("startDialog"), [](QDialog* dialog) {
        activate(dialog);
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("event"));
        CHECK(qobject_cast<QComboBox*>(QApplication::focusWidget())->currentText().startsWith(QStringLiteral("Criminal detention")));
        next("serious");
        next("note");
        hv::type(QApplication::focusWidget(), QStringLiteral("Detained at the scene by Sgt. Li"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_S);
    REQUIRE(
        waitUntil([&] { return d.count(QStringLiteral("SELECT COUNT(*) FROM cm_case_limits WHERE case_id = ? AND state = 'running'"), {id}) == 4; }));
    hv::backToWindow(window);
    REQUIRE(waitUntil([&] { return limits->rowCount() == 4; }));
    CHECK(message->text() == QStringLiteral("4 limits started for case %1.").arg(number));
    // The list's first column: the soonest limit, a day away.
    REQUIRE(waitUntil([&] { return table->model()->index(0, 0).data().toString() == QStringLiteral("in 24 h 00 min"); }));

    // T: the family told; the second running limit chosen by arrow key, what was done, Enter.
    whenModal(QStringLiteral("meetDialog"), [](QDialog* dialog) {
        activate(dialog);
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("limit"));
        auto* limit = qobject_cast<QComboBox*>(QApplication::focusWidget());
        while (!limit->currentText().contains(QStringLiteral("family")) && limit->currentIndex() + 1 < limit->count())
            hv::key(limit, Qt::Key_Down);
        REQUIRE(limit->currentText().contains(QStringLiteral("family")));
        next("note");
        hv::type(QApplication::focusWidget(), QStringLiteral("His wife told by phone at 02:10"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_T);
    REQUIRE(waitUntil([&] {
        return d.text(QStringLiteral("SELECT state FROM cm_case_limits WHERE case_id = ? AND rule = 'detention.family'"), {id}) ==
               QStringLiteral("met");
    }));
    CHECK(d.text(QStringLiteral("SELECT end_note FROM cm_case_limits WHERE case_id = ? AND rule = 'detention.family'"), {id}) ==
          QStringLiteral("His wife told by phone at 02:10"));
    hv::backToWindow(window);

    // M: on to the next stage, which needs no approval; the reason typed, Enter.
    whenModal(QStringLiteral("moveCaseDialog"), [](QDialog* dialog) {
        activate(dialog);
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("reason"));
        CHECK(dialog->findChild<QComboBox*>(QStringLiteral("stage"))->currentText() == QStringLiteral("under investigation"));
        CHECK(dialog->findChild<QLabel*>(QStringLiteral("needs"))->text() == QStringLiteral("No approval needed."));
        hv::type(QApplication::focusWidget(), QStringLiteral("Scene examined, witnesses found"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_M);
    REQUIRE(waitUntil([&] { return d.text(QStringLiteral("SELECT stage FROM cm_cases WHERE id = ?"), {id}) == QStringLiteral("investigating"); }));
    hv::backToWindow(window);
    // The panel has read the case at its new stage (the next M offers the stage after it).
    REQUIRE(waitUntil([&] { return panel->findChild<QLabel*>(QStringLiteral("path"))->text().contains(QStringLiteral("<b>under investigation</b>")); }));

    // M again: coercive measures need an approval someone else gave; refused in the dialog, which stays.
    QString refusal;
    whenModal(QStringLiteral("moveCaseDialog"), [&](QDialog* dialog) {
        activate(dialog);
        CHECK(dialog->findChild<QComboBox*>(QStringLiteral("stage"))->currentText() == QStringLiteral("coercive measures"));
        CHECK(dialog->findChild<QLabel*>(QStringLiteral("needs"))->text().startsWith(QStringLiteral("Needs an approval")));
        hv::type(QApplication::focusWidget(), QStringLiteral("Bail refused"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
        auto* line = dialog->findChild<QLabel*>(QStringLiteral("message"));
        REQUIRE(waitUntil([&] { return !line->text().isEmpty(); }));
        refusal = line->text();
        CHECK(dialog->isVisible());
        hv::key(QApplication::focusWidget(), Qt::Key_Escape);
    });
    table->setFocus();
    hv::key(table, Qt::Key_M);
    CHECK(refusal == QStringLiteral("Moving case %1 to coercive measures needs an approval first.").arg(number));
    CHECK(d.text(QStringLiteral("SELECT stage FROM cm_cases WHERE id = ?"), {id}) == QStringLiteral("investigating"));
    hv::backToWindow(window);

    // The hub's duty commander approves at his own desk; the approval reaches this one through the bus.
    OtherDesk hugo(d, QStringLiteral("hugo"));
    await(hugo.cases->approve(id, QStringLiteral("stage:measures"), QStringLiteral("Flight risk")));
    REQUIRE(waitUntil([&] { return approvals->rowCount() == 1 && approvals->item(0, 3)->text() == QStringLiteral("not yet"); }));
    CHECK(approvals->item(0, 1)->text() == QStringLiteral("hugo"));
    whenModal(QStringLiteral("moveCaseDialog"), [](QDialog* dialog) {
        activate(dialog);
        CHECK(dialog->findChild<QLabel*>(QStringLiteral("needs"))->text().startsWith(QStringLiteral("Approved by hugo")));
        hv::type(QApplication::focusWidget(), QStringLiteral("Detention continued"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_M);
    REQUIRE(waitUntil([&] { return d.text(QStringLiteral("SELECT stage FROM cm_cases WHERE id = ?"), {id}) == QStringLiteral("measures"); }));
    hv::backToWindow(window);
    REQUIRE(waitUntil([&] { return approvals->rowCount() == 1 && approvals->item(0, 3)->text() != QStringLiteral("not yet"); }));

    // E: the arrest request extended by two days on the commander's approval; the ground by default ordinary.
    const qint64 arrest = d.count(QStringLiteral("SELECT id FROM cm_case_limits WHERE case_id = ? AND rule = 'arrest.request'"), {id});
    const qint64 dueBefore = d.count(QStringLiteral("SELECT due_at FROM cm_case_limits WHERE id = ?"), {arrest});
    await(hugo.cases->approve(id, QStringLiteral("extend:%1").arg(arrest), QStringLiteral("Accomplices still sought")));
    REQUIRE(waitUntil([&] { return approvals->rowCount() == 2; }));
    whenModal(QStringLiteral("extendDialog"), [](QDialog* dialog) {
        activate(dialog);
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("limit"));
        CHECK(qobject_cast<QComboBox*>(QApplication::focusWidget())->currentText().endsWith(QStringLiteral(", approved")));
        next("days");
        hv::key(QApplication::focusWidget(), Qt::Key_Up);
        next("ground");
        next("reason");
        hv::type(QApplication::focusWidget(), QStringLiteral("Two accomplices still sought"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_E);
    REQUIRE(waitUntil([&] { return d.count(QStringLiteral("SELECT extended_minutes FROM cm_case_limits WHERE id = ?"), {arrest}) == 2 * 24 * 60; }));
    CHECK(d.count(QStringLiteral("SELECT due_at FROM cm_case_limits WHERE id = ?"), {arrest}) == dueBefore + 2 * casedesk::kDay);
    hv::backToWindow(window);

    // X: a close without a reason is refused in the dialog; Esc leaves the case as it was.
    QString why;
    whenModal(QStringLiteral("moveCaseDialog"), [&](QDialog* dialog) {
        activate(dialog);
        CHECK(dialog->findChild<QComboBox*>(QStringLiteral("stage"))->currentText() == QStringLiteral("closed"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
        auto* line = dialog->findChild<QLabel*>(QStringLiteral("message"));
        REQUIRE(waitUntil([&] { return !line->text().isEmpty(); }));
        why = line->text();
        hv::key(QApplication::focusWidget(), Qt::Key_Escape);
    });
    table->setFocus();
    hv::key(table, Qt::Key_X);
    CHECK(why == QStringLiteral("Say why the case is closed; it goes on record."));
    CHECK(d.text(QStringLiteral("SELECT stage FROM cm_cases WHERE id = ?"), {id}) == QStringLiteral("measures"));
    hv::backToWindow(window);

    // The timeline, from the journal: every step with who took it.
    REQUIRE(waitUntil([&] { return timelineHas(timeline, QStringLiteral("Limit extended in case %1").arg(number)); }));
    CHECK(timelineHas(timeline, QStringLiteral("Criminal case %1 opened: Burglary at the Riverside pharmacy").arg(number)));
    CHECK(timelineHas(timeline,
                      QStringLiteral("Limit met in case %1: A detained person's family notified: His wife told by phone at 02:10").arg(number)));
    CHECK(timelineHas(timeline, QStringLiteral("Case %1 moved from under investigation to coercive measures, approved by hugo").arg(number)));
    CHECK(timelineHas(timeline, QStringLiteral("Approved for case %1: the move to coercive measures: Flight risk").arg(number)));
    CHECK(timelineHas(timeline, QStringLiteral("(an ordinary extension), approved by hugo: Two accomplices still sought")));
    CHECK_FALSE(timelineHas(timeline, QStringLiteral("closed")));

    // Opened from a limit's deadline subject, from the custody page, whatever the filter showed.
    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("centrePages"));
    REQUIRE(pages);
    hv::key(table, Qt::Key_U, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return !table->isVisible(); }));
    auto* state = desk->findChild<QComboBox*>(QStringLiteral("state"));
    state->setCurrentIndex(3); // closed cases: none
    REQUIRE(d.tp->modules().openRecord(QStringLiteral("case"), QString::number(id)).isEmpty());
    REQUIRE(waitUntil([&] { return table->isVisible() && table->model()->rowCount() == 1; }));
    CHECK(title->text().startsWith(number));
    // By its number, as people write it in a link ("case C-2026-000001"), whatever the search held.
    desk->findChild<QLineEdit*>(QStringLiteral("search"))->setText(QStringLiteral("nothing like it"));
    REQUIRE(d.tp->modules().openRecord(QStringLiteral("case"), number).isEmpty());
    REQUIRE(waitUntil([&] { return table->model()->rowCount() == 1 && table->currentIndex().row() == 0; }));
    CHECK(title->text().startsWith(number));

    // P: the case file as one PDF: the case, its limits, approvals, people held and timeline.
    QTemporaryDir out;
    table->setFocus();
    hv::key(table, Qt::Key_P);
    const QString file = out.filePath(QStringLiteral("case-file.pdf"));
    hv::saveAsInDialog(window, QStringLiteral("reportDialog"), file);
    REQUIRE(waitUntil([&] { return message->text().startsWith(QStringLiteral("Report saved")); }, 30000));
    QFile pdf(file);
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    CHECK(pdf.read(5) == "%PDF-");
    CHECK(pdf.size() > 5'000);

    // Ctrl+Shift+E: the list as CSV, as the filter shows it. (The closed file dialog took the
    // activation with it; a window manager would give it back.)
    window.windowHandle()->requestActivate();
    hv::backToWindow(window);
    table->setFocus();
    hv::key(table, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    const QString listed = out.filePath(QStringLiteral("cases.csv"));
    hv::saveAsInDialog(window, QStringLiteral("exportDialog"), listed);
    REQUIRE(waitUntil([&] { return QFile::exists(listed) && QFileInfo(listed).size() > 0; }));
    QFile csv(listed);
    REQUIRE(csv.open(QIODevice::ReadOnly));
    const QString written = QString::fromUtf8(csv.readAll());
    CHECK(written.contains(number));
    CHECK(written.contains(QStringLiteral("Burglary at the Riverside pharmacy")));
    CHECK(written.contains(QStringLiteral("coercive measures")));
}

TEST_CASE("Case desk: the hub's duty commander approves by keyboard, is given no form to change the case, and the service refuses him anyway",
          "[case_management][cases][gui]")
{
    casedesk::Desk d;
    // The incident the case came from, reported at the hub.
    d.as(QStringLiteral("hugo"));
    NewIncident report;
    report.priority = 3;
    report.category = QStringLiteral("other");
    report.summary = QStringLiteral("Stall holders say they were paid in forged notes");
    report.location.point = hv::kTower;
    const Incident incident = await(IncidentService(d.tp->store(), d.tp->session(), d.tp->audit()).create(report));
    d.as(QStringLiteral("carol"));
    Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Fraud at the Eastgate market"), QString(), incident.id}));
    c = await(d.cases->move(c.id, c.version, QStringLiteral("investigating"), QString()));
    const Custody held = await(d.custody->checkIn(NewCustody{c.id,
                                                             QStringLiteral("Qian Bo, ID 110101198505056666"),
                                                             QStringLiteral("W-0511"),
                                                             QStringLiteral("Suspected of the fraud"),
                                                             QStringLiteral("Art. 119"),
                                                             CustodyBasis::Summons,
                                                             false,
                                                             QStringLiteral("Sgt. Li Na"),
                                                             {}}));
    d.as(QStringLiteral("hugo"));
    shell::MainWindow window(*d.tp);
    QWidget* desk = showCases(window);
    auto* table = desk->findChild<QTableView*>(QStringLiteral("cases"));
    auto* panel = desk->findChild<QWidget*>(QStringLiteral("casePanel"));
    REQUIRE(waitUntil([&] { return table->model()->rowCount() == 1; }));
    table->setFocus();
    table->selectRow(0);
    REQUIRE(waitUntil([&] { return panel->findChild<QLabel*>(QStringLiteral("title"))->text().startsWith(c.number); }));
    for (const char* button : {"moveOn", "close", "start", "meet", "extend"})
        CHECK_FALSE(panel->findChild<QPushButton*>(QString::fromLatin1(button))->isEnabled());
    CHECK(panel->findChild<QPushButton*>(QStringLiteral("approve"))->isEnabled());
    // The keys that change the case open nothing, and say why.
    for (Qt::Key k : {Qt::Key_M, Qt::Key_X, Qt::Key_S, Qt::Key_N}) {
        hv::key(table, k);
        CHECK(QApplication::activeModalWidget() == nullptr);
    }
    CHECK(panel->findChild<QLabel*>(QStringLiteral("message"))->text() == QStringLiteral("Opening a case needs the case permission."));
    hv::key(table, Qt::Key_M);
    CHECK(panel->findChild<QLabel*>(QStringLiteral("message"))->text() == QStringLiteral("Changing a case needs the case permission; you may look."));

    // A: the move to coercive measures offered first; a note; Enter.
    whenModal(QStringLiteral("approveDialog"), [](QDialog* dialog) {
        activate(dialog);
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("what"));
        CHECK(qobject_cast<QComboBox*>(QApplication::focusWidget())->currentText() == QStringLiteral("The move to coercive measures"));
        next("note");
        hv::type(QApplication::focusWidget(), QStringLiteral("Flight risk: no fixed address"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_A);
    REQUIRE(waitUntil([&] {
        return d.count(QStringLiteral("SELECT COUNT(*) FROM cm_approvals WHERE case_id = ? AND what = 'stage:measures' AND approved_by = 'hugo'"),
                       {c.id}) == 1;
    }));
    hv::backToWindow(window);
    // The person held for the case is a link to the custody page, which opens with them in view.
    auto* people = panel->findChild<QLabel*>(QStringLiteral("people"));
    REQUIRE(waitUntil([&] { return people->text().contains(QStringLiteral("W-0511")); }));
    const QString href = QStringLiteral("custody:%1").arg(held.id);
    CHECK(people->text().contains(href));
    Q_EMIT people->linkActivated(href); // as a click or Enter on the link does
    auto* custodyPanel = window.findChild<QWidget*>(QStringLiteral("custodyPanel"));
    REQUIRE(waitUntil([&] {
        return custodyPanel->isVisible() &&
               custodyPanel->findChild<QLabel*>(QStringLiteral("title"))->text().startsWith(QStringLiteral("Wristband W-0511"));
    }));
    CHECK_FALSE(table->isVisible());
    // The incident it came from is a link to the hub's board.
    hv::key(custodyPanel, Qt::Key_S, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return table->isVisible(); }));
    auto* link = panel->findChild<QLabel*>(QStringLiteral("incident"));
    REQUIRE(link->text().contains(QStringLiteral("incident:%1").arg(incident.id)));
    Q_EMIT link->linkActivated(QStringLiteral("incident:%1").arg(incident.id));
    REQUIRE(waitUntil([&] { return window.currentModule() == QStringLiteral("hub"); }));

    // Hiding the forms is not the control: the service refuses his move, and his own approval is not for him to use.
    CHECK_THROWS_AS(await(d.cases->move(c.id, c.version, QStringLiteral("measures"), QStringLiteral("Mine"))), PermissionDenied);
    CHECK(d.text(QStringLiteral("SELECT stage FROM cm_cases WHERE id = ?"), {c.id}) == QStringLiteral("investigating"));
}

TEST_CASE("Case desk: an approval of one's own does not count, the form says so, and the hub's commander's approval then moves the case",
          "[case_management][cases][gui]")
{
    casedesk::Desk d;
    Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Assault at the night market"), QString()}));
    c = await(d.cases->move(c.id, c.version, QStringLiteral("investigating"), QString()));
    // Dora keeps cases and may approve: she approves the measures herself.
    d.as(QStringLiteral("dora"));
    shell::MainWindow window(*d.tp);
    QWidget* desk = showCases(window);
    auto* table = desk->findChild<QTableView*>(QStringLiteral("cases"));
    auto* panel = desk->findChild<QWidget*>(QStringLiteral("casePanel"));
    auto* approvals = panel->findChild<QTableWidget*>(QStringLiteral("approvals"));
    REQUIRE(waitUntil([&] { return table->model()->rowCount() == 1; }));
    table->setFocus();
    table->selectRow(0);
    REQUIRE(waitUntil([&] { return panel->findChild<QLabel*>(QStringLiteral("title"))->text().startsWith(c.number); }));
    whenModal(QStringLiteral("approveDialog"), [](QDialog* dialog) {
        activate(dialog);
        next("note");
        hv::type(QApplication::focusWidget(), QStringLiteral("Flight risk, no fixed address"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    hv::key(table, Qt::Key_A);
    REQUIRE(waitUntil([&] { return approvals->rowCount() == 1; }));
    hv::backToWindow(window);

    // M: the form says her own approval is none, and the service refuses the move.
    QString needs, refusal;
    whenModal(QStringLiteral("moveCaseDialog"), [&](QDialog* dialog) {
        activate(dialog);
        needs = dialog->findChild<QLabel*>(QStringLiteral("needs"))->text();
        hv::type(QApplication::focusWidget(), QStringLiteral("Detention continued"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
        auto* line = dialog->findChild<QLabel*>(QStringLiteral("message"));
        REQUIRE(waitUntil([&] { return !line->text().isEmpty(); }));
        refusal = line->text();
        hv::key(QApplication::focusWidget(), Qt::Key_Escape);
    });
    table->setFocus();
    hv::key(table, Qt::Key_M);
    CHECK(needs.startsWith(QStringLiteral("Your own approval does not count")));
    CHECK(refusal == QStringLiteral("You approved this yourself; someone else must approve what you then do."));
    hv::backToWindow(window);

    // The hub's commander approves at his own desk; the form now names his approval, and the move uses it.
    OtherDesk hugo(d, QStringLiteral("hugo"));
    await(hugo.cases->approve(c.id, QStringLiteral("stage:measures"), QStringLiteral("Flight risk confirmed")));
    REQUIRE(waitUntil([&] { return approvals->rowCount() == 2; }));
    whenModal(QStringLiteral("moveCaseDialog"), [](QDialog* dialog) {
        activate(dialog);
        CHECK(dialog->findChild<QLabel*>(QStringLiteral("needs"))->text().startsWith(QStringLiteral("Approved by hugo")));
        hv::type(QApplication::focusWidget(), QStringLiteral("Detention continued"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_M);
    REQUIRE(waitUntil([&] { return d.text(QStringLiteral("SELECT stage FROM cm_cases WHERE id = ?"), {c.id}) == QStringLiteral("measures"); }));
    CHECK(d.text(QStringLiteral("SELECT used_by FROM cm_approvals WHERE approved_by = 'hugo'")) == QStringLiteral("dora"));
}

TEST_CASE("Case desk: a minor case opened straight onto the fast track, another put on it by F, and the partners' package saved by G, by keyboard",
          "[case_management][cases][gui][fast_track]")
{
    casedesk::Desk d;
    shell::Language english;
    REQUIRE(english.set(QStringLiteral("en")));
    shell::MainWindow window(*d.tp);
    QWidget* desk = showCases(window);
    auto* table = desk->findChild<QTableView*>(QStringLiteral("cases"));
    auto* panel = desk->findChild<QWidget*>(QStringLiteral("casePanel"));
    REQUIRE(table);
    REQUIRE(panel);
    auto* title = panel->findChild<QLabel*>(QStringLiteral("title"));
    auto* message = panel->findChild<QLabel*>(QStringLiteral("message"));
    auto* limits = panel->findChild<QTableWidget*>(QStringLiteral("limits"));
    auto* fastButton = panel->findChild<QPushButton*>(QStringLiteral("fastTrack"));
    REQUIRE(fastButton);

    // N: the fast track chosen asks for its grounds; without the plea the form says why and stays.
    whenModal(QStringLiteral("openCaseDialog"), [](QDialog* dialog) {
        activate(dialog);
        auto* sentence = dialog->findChild<QCheckBox*>(QStringLiteral("sentence"));
        REQUIRE(sentence);
        CHECK_FALSE(sentence->isEnabled()); // not asked for until the fast track is chosen
        next("title");
        hv::type(QApplication::focusWidget(), QStringLiteral("Scooter theft on Canal Road"));
        next("summary");
        next("incident");
        next("fastTrack");
        hv::key(QApplication::focusWidget(), Qt::Key_Space);
        CHECK(sentence->isEnabled());
        next("sentence");
        hv::key(QApplication::focusWidget(), Qt::Key_Space);
        next("plea");
        next("grounds");
        hv::type(QApplication::focusWidget(), QStringLiteral("Caught in the act; scooter recovered; confession"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
        auto* line = dialog->findChild<QLabel*>(QStringLiteral("message"));
        REQUIRE(waitUntil([&] { return line->text().contains(QStringLiteral("guilty plea")); }));
        CHECK(dialog->isVisible());
        dialog->findChild<QCheckBox*>(QStringLiteral("plea"))->setFocus();
        hv::key(QApplication::focusWidget(), Qt::Key_Space);
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_N);
    REQUIRE(waitUntil([&] { return d.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases WHERE fast_track = 1")) == 1; }));
    const qint64 fastId = d.count(QStringLiteral("SELECT id FROM cm_cases"));
    const QString fastNumber = d.text(QStringLiteral("SELECT number FROM cm_cases WHERE id = ?"), {fastId});
    hv::backToWindow(window);
    REQUIRE(waitUntil([&] { return title->text().startsWith(fastNumber) && limits->rowCount() == 3; }));
    CHECK(panel->findChild<QLabel*>(QStringLiteral("kind"))->text().contains(QStringLiteral("on the 48-hour fast track since")));
    CHECK(limits->item(0, 0)->text().contains(QStringLiteral("investigated and referred")));
    CHECK_FALSE(fastButton->isEnabled());
    // F on it: the desk says why not, and no form comes.
    table->setFocus();
    hv::key(table, Qt::Key_F);
    CHECK(message->text() == QStringLiteral("Case %1 is on the fast track already.").arg(fastNumber));

    // Another case, criminal, opened the ordinary way, then F: both grounds and the note; Enter.
    const Case later = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Shoplifting at the mall"), QString()}));
    REQUIRE(d.tp->modules().openRecord(QStringLiteral("case"), QString::number(later.id)).isEmpty());
    REQUIRE(waitUntil([&] { return title->text().startsWith(later.number) && fastButton->isEnabled(); }));
    whenModal(QStringLiteral("fastTrackDialog"), [](QDialog* dialog) {
        activate(dialog);
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("sentence"));
        hv::key(QApplication::focusWidget(), Qt::Key_Space);
        next("plea");
        hv::key(QApplication::focusWidget(), Qt::Key_Space);
        next("note");
        hv::type(QApplication::focusWidget(), QStringLiteral("Caught on camera; goods returned; confession"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_F);
    REQUIRE(waitUntil([&] { return d.count(QStringLiteral("SELECT fast_track FROM cm_cases WHERE id = ?"), {later.id}) == 1; }));
    hv::backToWindow(window);
    REQUIRE(waitUntil([&] { return message->text().startsWith(QStringLiteral("Case %1 is on the fast track").arg(later.number)); }));
    REQUIRE(waitUntil([&] { return limits->rowCount() == 3; }));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_case_limits WHERE case_id = ? AND rule LIKE 'fasttrack.%'"), {later.id}) == 3);

    // G: the package for the prosecution and the court: the case file and its status beside it.
    QTemporaryDir out;
    table->setFocus();
    hv::key(table, Qt::Key_G);
    const QString file = out.filePath(QStringLiteral("package.pdf"));
    hv::saveAsInDialog(window, QStringLiteral("reportDialog"), file);
    REQUIRE(waitUntil([&] { return message->text().startsWith(QStringLiteral("Report saved")); }, 30000));
    QFile pdf(file);
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    CHECK(pdf.read(5) == "%PDF-");
    QFile json(out.filePath(QStringLiteral("package-status.json")));
    REQUIRE(json.open(QIODevice::ReadOnly));
    const QJsonObject status = QJsonDocument::fromJson(json.readAll()).object();
    CHECK(status.value(QStringLiteral("schema")).toString() == QStringLiteral("hexhub.case-status"));
    CHECK(status.value(QStringLiteral("case")).toObject().value(QStringLiteral("number")).toString() == later.number);
    CHECK(status.value(QStringLiteral("fastTrack")).toObject().value(QStringLiteral("milestones")).toArray().size() == 3);
    // A folder that cannot be written: the desk says so, and nothing is lost.
    window.windowHandle()->requestActivate();
    hv::backToWindow(window);
    table->setFocus();
    hv::key(table, Qt::Key_G);
    hv::saveAsInDialog(window, QStringLiteral("reportDialog"), out.filePath(QStringLiteral("no-such-folder/package.pdf")));
    REQUIRE(waitUntil([&] { return !message->text().isEmpty() && !message->text().startsWith(QStringLiteral("Report saved")); }, 30000));
    CHECK_FALSE(QFile::exists(out.filePath(QStringLiteral("no-such-folder/package-status.json"))));
}

TEST_CASE("Case desk: H opens the guidelines library, the case's stage first, searched as one types", "[case_management][cases][gui][guidelines]")
{
    casedesk::Desk d;
    shell::Language english;
    REQUIRE(english.set(QStringLiteral("en")));
    const Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Burglary at the Riverside pharmacy"), QString()}));
    shell::MainWindow window(*d.tp);
    QWidget* desk = showCases(window);
    auto* table = desk->findChild<QTableView*>(QStringLiteral("cases"));
    auto* panel = desk->findChild<QWidget*>(QStringLiteral("casePanel"));
    REQUIRE(d.tp->modules().openRecord(QStringLiteral("case"), QString::number(c.id)).isEmpty());
    REQUIRE(waitUntil([&] { return panel->findChild<QLabel*>(QStringLiteral("title"))->text().startsWith(c.number); }));
    QStringList first, found;
    QString text;
    whenModal(QStringLiteral("guidelinesDialog"), [&](QDialog* dialog) {
        activate(dialog);
        auto* list = dialog->findChild<QListWidget*>(QStringLiteral("guidelines"));
        auto* view = dialog->findChild<QTextBrowser*>(QStringLiteral("guidelineText"));
        REQUIRE(list);
        REQUIRE(view);
        REQUIRE(waitUntil([&] { return list->count() == 8; }));
        first << list->item(0)->text() << view->toPlainText().section(QLatin1Char('\n'), 0, 0);
        // The search has the focus: typed, the list follows a moment later.
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("search"));
        hv::type(QApplication::focusWidget(), QStringLiteral("interrogation"));
        REQUIRE(waitUntil([&] { return list->count() == 1; }));
        found << list->item(0)->text();
        text = view->toPlainText();
        hv::key(QApplication::focusWidget(), Qt::Key_Escape);
    });
    table->setFocus();
    hv::key(table, Qt::Key_H);
    REQUIRE(first.size() == 2);
    CHECK(first[0] == QStringLiteral("G-01 · Registering a criminal case (this stage)"));
    CHECK(first[1] == QStringLiteral("G-01 · Registering a criminal case"));
    CHECK(found == QStringList{QStringLiteral("G-03 · Criminal detention: the 24-hour duties")});
    CHECK(text.contains(QStringLiteral("the first interrogation")));
    CHECK(text.contains(QStringLiteral("Rests on: Criminal Procedure Law, detention")));
}
