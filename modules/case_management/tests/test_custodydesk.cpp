// The custody desk through the real window and the real plugin, by keyboard (issue 22 section 2): a
// person booked in against an open case (N), checked (C), taken along the route (M), their name
// revealed with a reason (R), released to who took them (X), the custody record printed as the
// centre's ledger (P); the suite's dashboard; the person opened from a deadline's subject ("custody:<id>"); the list's keys
// do nothing for a hub supervisor who may only look, and the service refuses them whatever the desk shows.
#include "base/error.h"
#include "casedesk.h"
#include "hubviewtest.h"
#include "recorddetail.h"
#include "shared/deadlines.h"

#include <QCheckBox>
#include <QFile>
#include <QTemporaryDir>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::cases;

namespace {

namespace hv = hexhub::test::hubviews;

// The real window, active, on the centre's custody page; the custody desk.
QWidget* showDesk(shell::MainWindow& window)
{
    window.resize(1500, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    REQUIRE(window.showModule(QStringLiteral("case_management")));
    QWidget* desk = nullptr;
    REQUIRE(waitUntil([&] { return (desk = window.findChild<QWidget*>(QStringLiteral("case_management.custody"))) != nullptr; }));
    // The centre's desk opens on its cases; Alt+U turns to the custody suite's page.
    hv::key(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_U, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return desk->isVisible(); }));
    return desk;
}

// Tab to the next field of the dialog in front, checking it is the one expected.
void next(const char* expected)
{
    hv::key(QApplication::focusWidget(), Qt::Key_Tab);
    REQUIRE(QApplication::focusWidget());
    REQUIRE(QApplication::focusWidget()->objectName() == QString::fromLatin1(expected));
}

} // namespace

TEST_CASE("Custody desk: a person booked in, checked, moved, revealed with a reason, released and the record printed, by keyboard",
          "[case_management][custody][gui]")
{
    casedesk::Desk d;
    const Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Fight outside the Harbour Bar"), QString()}));
    shell::MainWindow window(*d.tp);
    QWidget* desk = showDesk(window);
    auto* table = desk->findChild<QTableView*>(QStringLiteral("custody"));
    auto* panel = desk->findChild<QWidget*>(QStringLiteral("custodyPanel"));
    REQUIRE(table);
    REQUIRE(panel);
    auto* title = panel->findChild<QLabel*>(QStringLiteral("title"));
    auto* message = panel->findChild<QLabel*>(QStringLiteral("message"));
    // Each fact with its name beside it.
    const auto named = [panel](const QString& text) {
        for (QLabel* label : panel->findChildren<QLabel*>())
            if (label->text() == text)
                return true;
        return false;
    };
    for (const char* fact : {"Case", "Held on", "Cause", "Officer", "Risk", "Where", "Held for", "Next check", "Left"})
        CHECK(named(QString::fromLatin1(fact)));

    // N: the booking, field after field with Tab; the basis by arrow keys; Enter on the last box saves.
    whenModal(QStringLiteral("checkInDialog"), [&](QDialog* dialog) {
        QApplication::setActiveWindow(dialog);
        CHECK(QTest::qWaitForWindowActive(dialog));
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("case"));
        hv::type(QApplication::focusWidget(), c.number.toLower()); // the number as typed, in any case
        next("person");
        hv::type(QApplication::focusWidget(), QStringLiteral("Zhao Lei, ID 110101199202023333"));
        next("tag");
        hv::type(QApplication::focusWidget(), QStringLiteral("W-0701"));
        next("cause");
        hv::type(QApplication::focusWidget(), QStringLiteral("Suspected of the assault"));
        next("basis");
        hv::key(QApplication::focusWidget(), Qt::Key_Down);
        hv::key(QApplication::focusWidget(), Qt::Key_Down);
        next("serious");
        next("legalBasis");
        hv::type(QApplication::focusWidget(), QStringLiteral("Criminal Procedure Law art. 82"));
        next("officer");
        hv::type(QApplication::focusWidget(), QStringLiteral("Sgt. Li Na"));
        next("intoxicated");
        hv::key(QApplication::focusWidget(), Qt::Key_Space);
        next("injured");
        next("medical");
        next("selfHarm");
        next("riskNotes");
        hv::type(QApplication::focusWidget(), QStringLiteral("Unsteady, smells of alcohol"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_N);
    REQUIRE(waitUntil([&] { return d.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE tag = 'W-0701'")) == 1; }));
    const qint64 id = d.count(QStringLiteral("SELECT id FROM cm_custody WHERE tag = 'W-0701'"));
    CHECK(d.text(QStringLiteral("SELECT basis FROM cm_custody WHERE id = ?"), {id}) == QStringLiteral("detention"));
    CHECK(d.text(QStringLiteral("SELECT risk_level FROM cm_custody WHERE id = ?"), {id}) == QStringLiteral("elevated"));
    CHECK(d.count(QStringLiteral("SELECT case_id FROM cm_custody WHERE id = ?"), {id}) == c.id);
    hv::backToWindow(window);
    REQUIRE(waitUntil([&] { return title->text() == QStringLiteral("Wristband W-0701 · Intake desk"); }));
    // Masked in the list and the panel; the next check at the elevated risk's 30 minutes.
    REQUIRE(waitUntil([&] { return table->model()->rowCount() == 1 && table->model()->index(0, 1).data().toString() == QStringLiteral("W-0701"); }));
    CHECK_FALSE(table->model()->index(0, 2).data().toString().contains(QStringLiteral("Zhao")));
    CHECK(table->model()->index(0, 0).data().toString() == QStringLiteral("in 30 min"));
    auto* person = panel->findChild<MaskedField*>(QStringLiteral("person"));
    REQUIRE(person);
    CHECK_FALSE(person->valueLabel()->text().contains(QStringLiteral("Zhao")));

    // C: a check; what was seen, Enter.
    whenModal(QStringLiteral("checkDialog"), [](QDialog* dialog) {
        QApplication::setActiveWindow(dialog);
        CHECK(QTest::qWaitForWindowActive(dialog));
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("observed"));
        hv::type(QApplication::focusWidget(), QStringLiteral("Awake, asked for water"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_C);
    REQUIRE(waitUntil([&] {
        return d.count(QStringLiteral("SELECT COUNT(*) FROM cm_welfare_checks WHERE custody_id = ? AND observed = 'Awake, asked for water'"), {id}) ==
               1;
    }));
    hv::backToWindow(window);

    // M: the next room along the route is offered first (the search room); Enter takes the person there.
    whenModal(QStringLiteral("moveDialog"), [](QDialog* dialog) {
        QApplication::setActiveWindow(dialog);
        CHECK(QTest::qWaitForWindowActive(dialog));
        auto* room = dialog->findChild<QComboBox*>(QStringLiteral("room"));
        REQUIRE(room);
        CHECK(room->currentText().contains(QStringLiteral("Search")));
        // Nothing back along the route: the intake desk is not offered.
        CHECK(room->findText(QStringLiteral("Intake"), Qt::MatchContains) < 0);
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_M);
    REQUIRE(waitUntil([&] { return d.text(QStringLiteral("SELECT stage FROM cm_custody WHERE id = ?"), {id}) == QStringLiteral("search"); }));
    hv::backToWindow(window);
    REQUIRE(waitUntil([&] { return title->text().startsWith(QStringLiteral("Wristband W-0701 · Search")); }));
    // Alt+R: the rooms along the route, who is in each now; Alt+P back to the people.
    hv::key(table, Qt::Key_R, Qt::AltModifier);
    auto* rooms = desk->findChild<QTableWidget*>(QStringLiteral("rooms"));
    REQUIRE(rooms);
    REQUIRE(waitUntil([&] {
        for (int row = 0; row < rooms->rowCount(); ++row)
            if (rooms->item(row, 0) && rooms->item(row, 0)->text() == QStringLiteral("Search room"))
                return rooms->item(row, 3)->text() == QStringLiteral("W-0701") && rooms->item(row, 2)->text() == QStringLiteral("1 of 1");
        return false;
    }));
    CHECK(rooms->isVisible());
    hv::key(rooms, Qt::Key_P, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return table->isVisible() && table->hasFocus(); }));

    // R: the name, with a reason, on the audit trail.
    whenModal(QStringLiteral("reasonDialog"), [](QDialog* dialog) {
        QApplication::setActiveWindow(dialog);
        CHECK(QTest::qWaitForWindowActive(dialog));
        hv::type(QApplication::focusWidget(), QStringLiteral("Family asking at the front desk"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_R);
    REQUIRE(waitUntil([&] { return person->valueLabel()->text().contains(QStringLiteral("Zhao Lei")); }));
    CHECK(d.count(QStringLiteral(
              "SELECT COUNT(*) FROM audit_log WHERE action = 'personal_data.revealed' AND detail = 'Family asking at the front desk'")) == 1);
    hv::backToWindow(window);

    // X: released to whoever took the person; the checks stop.
    whenModal(QStringLiteral("releaseDialog"), [](QDialog* dialog) {
        QApplication::setActiveWindow(dialog);
        CHECK(QTest::qWaitForWindowActive(dialog));
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("kind"));
        next("takenBy");
        hv::type(QApplication::focusWidget(), QStringLiteral("His brother, Zhao Min"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    hv::key(table, Qt::Key_X);
    REQUIRE(waitUntil([&] { return d.text(QStringLiteral("SELECT state FROM cm_custody WHERE id = ?"), {id}) == QStringLiteral("released"); }));
    CHECK(d.text(QStringLiteral("SELECT release_to FROM cm_custody WHERE id = ?"), {id}) == QStringLiteral("His brother, Zhao Min"));
    hv::backToWindow(window);
    // Gone from the suite's list; the panel still shows them, now without actions but the record.
    REQUIRE(waitUntil([&] { return table->model()->rowCount() == 0; }));
    REQUIRE(waitUntil([&] { return title->text().contains(QStringLiteral("Released")); }));
    CHECK_FALSE(panel->findChild<QPushButton*>(QStringLiteral("check"))->isEnabled());
    CHECK(panel->findChild<QPushButton*>(QStringLiteral("ledger"))->isEnabled());
    auto* record = panel->findChild<JournalTimeline*>(QStringLiteral("custodyRecord"));
    REQUIRE(waitUntil([&] { return record->count() >= 4; }));

    // The dashboard over the last 30 days: one booked in, nobody in the suite now, one check made, none late.
    QDockWidget* dock = window.openPanel(QStringLiteral("case_management.dashboard"));
    REQUIRE(dock);
    auto* dashboard = dock->findChild<QWidget*>(QStringLiteral("case_management.dashboard"));
    REQUIRE(dashboard);
    REQUIRE(waitUntil([&] {
        auto* tile = dashboard->findChild<QLabel*>(QStringLiteral("tile0"));
        return tile && tile->text() == QStringLiteral("1");
    }));
    CHECK(dashboard->findChild<QLabel*>(QStringLiteral("tile1"))->text() == QStringLiteral("0"));
    CHECK(dashboard->findChild<QLabel*>(QStringLiteral("tile4"))->text() == QStringLiteral("0 of 1"));
    hv::backToWindow(window);

    // The person opened from a deadline's subject: every state, the record in view.
    d.tp->modules().openRecord(QStringLiteral("custody"), QString::number(id));
    REQUIRE(waitUntil([&] { return table->model()->rowCount() == 1; }));

    // P: the custody record as the centre's ledger, a PDF, never the name.
    QTemporaryDir out;
    table->setFocus();
    hv::key(table, Qt::Key_P);
    const QString ledger = out.filePath(QStringLiteral("custody.pdf"));
    hv::saveAsInDialog(window, QStringLiteral("reportDialog"), ledger);
    REQUIRE(waitUntil([&] { return message->text().startsWith(QStringLiteral("Report saved")); }, 30000));
    QFile pdf(ledger);
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    CHECK(pdf.read(5) == "%PDF-");
}

TEST_CASE("Custody desk: a booking against a case that is not open is refused in the dialog, which keeps what was typed",
          "[case_management][custody][gui]")
{
    casedesk::Desk d;
    shell::MainWindow window(*d.tp);
    QWidget* desk = showDesk(window);
    auto* table = desk->findChild<QTableView*>(QStringLiteral("custody"));
    QString said;
    whenModal(QStringLiteral("checkInDialog"), [&](QDialog* dialog) {
        QApplication::setActiveWindow(dialog);
        CHECK(QTest::qWaitForWindowActive(dialog));
        hv::type(QApplication::focusWidget(), QStringLiteral("C-2026-999999"));
        next("person");
        hv::type(QApplication::focusWidget(), QStringLiteral("Sun Li, ID 110101199303034444"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
        auto* line = dialog->findChild<QLabel*>(QStringLiteral("message"));
        REQUIRE(waitUntil([&] { return !line->text().isEmpty(); }));
        said = line->text();
        CHECK(dialog->isVisible());
        CHECK(dialog->findChild<QLineEdit*>(QStringLiteral("person"))->text() == QStringLiteral("Sun Li, ID 110101199303034444"));
        dialog->reject();
    });
    table->setFocus();
    hv::key(table, Qt::Key_N);
    CHECK(said == QStringLiteral("No open case is numbered C-2026-999999."));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody")) == 0);
}

TEST_CASE("Custody desk: a hub supervisor who may only look gets no form, and the service refuses the command anyway",
          "[case_management][custody][gui]")
{
    casedesk::Desk d;
    const Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Shoplifting at the mall"), QString()}));
    const Custody k = await(d.custody->checkIn(NewCustody{c.id,
                                                          QStringLiteral("Sun Li, ID 110101199303034444"),
                                                          QStringLiteral("W-0801"),
                                                          QStringLiteral("Suspected of the theft"),
                                                          QStringLiteral("Art. 82"),
                                                          CustodyBasis::Detention,
                                                          false,
                                                          QStringLiteral("Sgt. Li Na"),
                                                          {}}));
    d.as(QStringLiteral("hugo"));
    shell::MainWindow window(*d.tp);
    QWidget* desk = showDesk(window);
    auto* table = desk->findChild<QTableView*>(QStringLiteral("custody"));
    auto* panel = desk->findChild<QWidget*>(QStringLiteral("custodyPanel"));
    REQUIRE(waitUntil([&] { return table->model()->rowCount() == 1; }));
    table->setFocus();
    table->selectRow(0);
    REQUIRE(waitUntil([&] { return panel->findChild<QLabel*>(QStringLiteral("title"))->text().startsWith(QStringLiteral("Wristband W-0801")); }));
    for (const char* button : {"check", "move", "interview", "care", "risk", "apart", "release"})
        CHECK_FALSE(panel->findChild<QPushButton*>(QString::fromLatin1(button))->isEnabled());
    CHECK_FALSE(panel->findChild<MaskedField*>(QStringLiteral("person"))->revealButton()->isEnabled());
    // The keys open nothing: no dialog comes up (each would be modal and active at once).
    for (Qt::Key k : {Qt::Key_C, Qt::Key_M, Qt::Key_X, Qt::Key_N}) {
        hv::key(table, k);
        CHECK(QApplication::activeModalWidget() == nullptr);
    }
    // Hiding the buttons is not the control: the service refuses the supervisor's check.
    CHECK_THROWS_AS(await(d.custody->check(k.id, WelfareCondition::Well, QString())), PermissionDenied);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_welfare_checks")) == 0);
}

TEST_CASE("Custody desk: a welfare check missed alarms the suite's desk at its minute, and goes up to the hub's supervisor unacknowledged",
          "[case_management][custody][gui]")
{
    casedesk::Desk d;
    const Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Fight outside the Harbour Bar"), QString()}));
    CustodyRisk drunk;
    drunk.intoxicated = true;
    drunk.notes = QStringLiteral("Unsteady, smells of alcohol");
    await(d.custody->checkIn(NewCustody{c.id, QStringLiteral("Zhao Lei, ID 110101199202023333"), QStringLiteral("W-0901"),
                                        QStringLiteral("Suspected of the assault"), QStringLiteral("Art. 82"), CustodyBasis::Detention, false,
                                        QStringLiteral("Sgt. Li Na"), drunk}));
    const auto alarms = [](shell::MainWindow& window, const QString& title) {
        int n = 0;
        for (const shell::Notification& note : window.notifications()->all())
            n += note.title.startsWith(title) && note.title.contains(QStringLiteral("W-0901"));
        return n;
    };
    // The suite's desk: nothing at first; 31 minutes on the clock (the check at 30, intoxicated), one alarm.
    shell::MainWindow suite(*d.tp);
    showDesk(suite);
    REQUIRE(waitUntil([&] { return suite.deadlines()->isLoaded(); }));
    CHECK(alarms(suite, QStringLiteral("Deadline missed")) == 0);
    d.advance(31 * 60'000);
    REQUIRE(waitUntil([&] { return alarms(suite, QStringLiteral("Deadline missed")) == 1; }));
    // Five minutes more and nobody acknowledged it: the hub's supervisor is alerted as a priority.
    d.as(QStringLiteral("hugo"));
    shell::MainWindow hub(*d.tp);
    hub.show();
    REQUIRE(QTest::qWaitForWindowExposed(&hub));
    REQUIRE(waitUntil([&] { return hub.deadlines()->isLoaded(); }));
    d.advance(5 * 60'000);
    REQUIRE(waitUntil([&] { return alarms(hub, QStringLiteral("Escalated")) == 1; }));
}
