// The escort team's board through the real window and plugin, by keyboard (issue 22 section 3): the
// page by Alt+O; a detained person's escort to the detention centre requested by wristband (N), a
// crew assigned (A), departed (D, Enter confirms), arrived with who received them (R); the transfer
// met, the person out of the suite, the crew free again; a crew put off duty (Space) and offered no
// more; a request for nobody in the suite refused in the form, which keeps what was typed; the hub's
// supervisor given no form.
#include "base/error.h"
#include "casedesk.h"
#include "hexhub/case_management/escorts.h"
#include "hubviewtest.h"

#include <QTabWidget>
#include <QTableWidget>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::cases;

namespace {

namespace hv = hexhub::test::hubviews;

void activateDialog(QDialog* dialog)
{
    QApplication::setActiveWindow(dialog);
    CHECK(QTest::qWaitForWindowActive(dialog));
}

void nextField(const char* expected)
{
    hv::key(QApplication::focusWidget(), Qt::Key_Tab);
    REQUIRE(QApplication::focusWidget());
    REQUIRE(QApplication::focusWidget()->objectName() == QString::fromLatin1(expected));
}

} // namespace

TEST_CASE("Escort board: a detained person's escort requested, assigned, departed and arrived by keyboard, the transfer met",
          "[case_management][escort][gui]")
{
    casedesk::Desk d;
    shell::Language english;
    REQUIRE(english.set(QStringLiteral("en")));
    const Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Theft at Canal Road"), QString()}));
    const Custody k = await(d.custody->checkIn(NewCustody{c.id,
                                                          QStringLiteral("Li Ming, ID 110101199202021234"),
                                                          QStringLiteral("W-0301"),
                                                          QStringLiteral("Suspected of the theft"),
                                                          QStringLiteral("Criminal Procedure Law art. 82"),
                                                          CustodyBasis::Detention,
                                                          false,
                                                          QStringLiteral("Sgt. Li Na"),
                                                          {}}));
    shell::MainWindow window(*d.tp);
    window.resize(1500, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    REQUIRE(window.showModule(QStringLiteral("case_management")));
    QWidget* centre = nullptr;
    REQUIRE(waitUntil([&] { return (centre = window.findChild<QWidget*>(QStringLiteral("case_management.desk"))) && centre->isVisible(); }));
    // Alt+O: the escort team's page.
    hv::key(QApplication::focusWidget() ? QApplication::focusWidget() : centre, Qt::Key_O, Qt::AltModifier);
    auto* desk = centre->findChild<QWidget*>(QStringLiteral("case_management.escorts"));
    REQUIRE(desk);
    REQUIRE(waitUntil([&] { return desk->isVisible(); }));
    auto* board = desk->findChild<QTableWidget*>(QStringLiteral("escorts"));
    auto* crews = desk->findChild<QTableWidget*>(QStringLiteral("crews"));
    auto* message = desk->findChild<QLabel*>(QStringLiteral("message"));
    REQUIRE(board);
    REQUIRE(crews);
    REQUIRE(message);
    REQUIRE(waitUntil([&] { return crews->rowCount() == 3; }));
    CHECK(board->rowCount() == 0);

    // N: nobody by that wristband: the form says so and keeps what was typed.
    whenModal(QStringLiteral("escortDialog"), [](QDialog* dialog) {
        activateDialog(dialog);
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("tag"));
        hv::type(QApplication::focusWidget(), QStringLiteral("W-9999"));
        nextField("destination");
        CHECK(qobject_cast<QComboBox*>(QApplication::focusWidget())->currentText() == QStringLiteral("detention centre"));
        nextField("place");
        hv::type(QApplication::focusWidget(), QStringLiteral("City Detention Centre No. 1"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
        auto* line = dialog->findChild<QLabel*>(QStringLiteral("message"));
        REQUIRE(waitUntil([&] { return line->text().contains(QStringLiteral("Nobody with wristband W-9999")); }));
        CHECK(dialog->findChild<QLineEdit*>(QStringLiteral("place"))->text() == QStringLiteral("City Detention Centre No. 1"));
        // The wristband put right; Enter again.
        auto* tag = dialog->findChild<QLineEdit*>(QStringLiteral("tag"));
        tag->setFocus();
        tag->selectAll();
        hv::type(tag, QStringLiteral("w-0301"));
        hv::key(tag, Qt::Key_Return);
    });
    board->setFocus();
    hv::key(board, Qt::Key_N);
    REQUIRE(waitUntil([&] { return d.count(QStringLiteral("SELECT COUNT(*) FROM cm_escorts")) == 1; }));
    hv::backToWindow(window);
    REQUIRE(waitUntil([&] { return board->rowCount() == 1 && board->item(0, 6)->text() == QStringLiteral("requested"); }));
    CHECK(board->item(0, 1)->text() == QStringLiteral("W-0301"));
    CHECK(board->item(0, 0)->text() == QStringLiteral("in 24 h 00 min")); // the transfer's own clock
    CHECK(message->text() == QStringLiteral("Escort of W-0301 to City Detention Centre No. 1 requested."));

    // Space on crew E-1: off duty; A offers the others only.
    crews->setFocus();
    crews->setCurrentCell(0, 0);
    hv::key(crews, Qt::Key_Space);
    REQUIRE(waitUntil([&] { return crews->item(0, 3)->text() == QStringLiteral("off duty"); }));
    whenModal(QStringLiteral("assignDialog"), [](QDialog* dialog) {
        activateDialog(dialog);
        auto* crew = qobject_cast<QComboBox*>(QApplication::focusWidget());
        REQUIRE(crew);
        CHECK(crew->count() == 2);
        CHECK(crew->currentText().startsWith(QStringLiteral("E-2")));
        hv::key(crew, Qt::Key_Return);
    });
    board->setFocus();
    hv::key(board, Qt::Key_A);
    REQUIRE(waitUntil([&] { return d.text(QStringLiteral("SELECT state FROM cm_escorts")) == QStringLiteral("assigned"); }));
    hv::backToWindow(window);
    REQUIRE(waitUntil([&] { return board->item(0, 4)->text() == QStringLiteral("E-2") && board->item(0, 5)->text() == QStringLiteral("Van 32"); }));
    REQUIRE(waitUntil([&] { return crews->item(1, 4)->text() == QStringLiteral("W-0301 to City Detention Centre No. 1"); }));

    // D: Enter confirms; the person leaves the suite with the crew.
    whenModal(QStringLiteral("departDialog"), [](QDialog* dialog) {
        activateDialog(dialog);
        CHECK(dialog->findChild<QLabel*>(QStringLiteral("what"))->text().startsWith(QStringLiteral("W-0301 leaves the suite with crew E-2")));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    board->setFocus();
    hv::key(board, Qt::Key_D);
    REQUIRE(waitUntil([&] { return d.text(QStringLiteral("SELECT state FROM cm_escorts")) == QStringLiteral("departed"); }));
    CHECK(d.text(QStringLiteral("SELECT state FROM cm_custody WHERE id = ?"), {k.id}) == QStringLiteral("transferred"));
    hv::backToWindow(window);
    REQUIRE(waitUntil([&] { return board->item(0, 6)->text() == QStringLiteral("on the way"); }));

    // R: who received them; Enter. The transfer is met, the crew free.
    whenModal(QStringLiteral("arriveDialog"), [](QDialog* dialog) {
        activateDialog(dialog);
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("receivedBy"));
        hv::type(QApplication::focusWidget(), QStringLiteral("Officer Gao"));
        hv::key(QApplication::focusWidget(), Qt::Key_Return);
    });
    board->setFocus();
    hv::key(board, Qt::Key_R);
    REQUIRE(waitUntil([&] { return d.text(QStringLiteral("SELECT state FROM cm_escorts")) == QStringLiteral("arrived"); }));
    CHECK(d.text(QStringLiteral("SELECT state FROM cm_case_limits WHERE custody_id = ? AND rule = 'detention.transfer'"), {k.id}) ==
          QStringLiteral("met"));
    hv::backToWindow(window);
    REQUIRE(waitUntil(
        [&] { return board->item(0, 0)->text().startsWith(QStringLiteral("arrived")) && crews->item(1, 4)->text() == QStringLiteral("free"); }));
    // X on an escort that arrived: the desk says why not.
    board->setFocus();
    hv::key(board, Qt::Key_X);
    CHECK(message->text() == QStringLiteral("The escort of W-0301 is arrived: one on its way or ended is not cancelled."));

    // The hub's supervisor may look; the keys give him no form.
    d.as(QStringLiteral("hugo"));
    board->setFocus();
    hv::key(board, Qt::Key_N);
    CHECK(message->text() == QStringLiteral("The escort team's work needs the escort permission; you may look."));
}
