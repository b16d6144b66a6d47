// The custody suite's wall (issue 22 section 2), made as the shell makes it (from the view the
// module registers, and as a supervisor puts it on a wall from the command palette): everyone in custody with where they are and their next check; a
// check that falls due turns amber and, missed, red with the figure counting it, at its minute of clock time with no event; a check made clears it.
// Rendered to PNG in both themes and both languages.
#include "casedesk.h"
#include "commandpalette.h"
#include "figuretiles.h"
#include "language.h"
#include "mainwindow.h"
#include "module/modulemanager.h"
#include "shelltest.h"
#include "theme.h"
#include "wallwindow.h"

#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QTableWidget>
#include <QTest>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::cases;
using namespace hexhub::test::casedesk;

namespace {

QWidget* makeWall(Desk& d, QWidget* parent)
{
    for (const ViewFactory& view : d.tp->modules().views())
        if (view.id == QStringLiteral("case_management.custody_wall")) {
            CHECK(view.permission == QStringLiteral("case_management.case.view"));
            return view.create(parent);
        }
    FAIL("the module registers no custody wall");
    return nullptr;
}

QString cell(QTableWidget* table, const QString& tag, int column)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0) && table->item(row, 0)->text() == tag)
            return table->item(row, column)->text();
    return {};
}

} // namespace

TEST_CASE("The custody wall shows everyone held and turns a check amber when due and red when missed, at its minute",
          "[case_management][custody][gui]")
{
    Desk d;
    const Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Fight outside the Harbour Bar"), QString()}));
    CustodyRisk drunk;
    drunk.intoxicated = true;
    drunk.notes = QStringLiteral("Unsteady, smells of alcohol");
    const Custody k = await(d.custody->checkIn(NewCustody{c.id, QStringLiteral("Zhao Lei, ID 110101199202023333"), QStringLiteral("W-0501"),
                                                          QStringLiteral("Suspected of the assault"), QStringLiteral("Art. 82"),
                                                          CustodyBasis::Detention, false, QStringLiteral("Sgt. Li Na"), drunk}));
    d.as(QStringLiteral("hugo")); // the suite's supervisor on the hub watches it
    QWidget host;
    host.resize(1400, 700);
    QWidget* wall = makeWall(d, &host);
    REQUIRE(wall);
    wall->resize(host.size());
    host.show();
    auto* people = wall->findChild<QTableWidget*>(QStringLiteral("wallPeople"));
    auto* figures = wall->findChild<FigureTiles*>();
    REQUIRE(people);
    REQUIRE(figures);
    REQUIRE(waitUntil([&] { return people->rowCount() == 1; }));
    CHECK(cell(people, QStringLiteral("W-0501"), 1).startsWith(QStringLiteral("Intake desk")));
    CHECK(cell(people, QStringLiteral("W-0501"), 4) == QStringLiteral("in 30 min"));
    CHECK(figures->value(0)->text() == QStringLiteral("1"));
    CHECK(figures->value(2)->text() == QStringLiteral("0"));
    // Nobody's name on the wall.
    for (int column = 0; column < people->columnCount(); ++column)
        CHECK(!people->item(0, column)->text().contains(QStringLiteral("Zhao")));

    // The clock runs on, no event: due within 15 minutes (amber), then missed (red, counted).
    d.advance(20 * 60'000);
    REQUIRE(waitUntil([&] { return figures->value(1)->text() == QStringLiteral("1"); }));
    CHECK(cell(people, QStringLiteral("W-0501"), 4) == QStringLiteral("in 10 min"));
    d.advance(15 * 60'000);
    REQUIRE(waitUntil([&] { return figures->value(2)->text() == QStringLiteral("1"); }));
    CHECK(cell(people, QStringLiteral("W-0501"), 4).startsWith(QStringLiteral("MISSED 5 min")));
    CHECK(wall->findChild<QLabel*>(QStringLiteral("wallStatus"))->text().contains(QStringLiteral("missed")));
    // Its pictures, the missed check in red, in both themes and both languages.
    inEveryLook([&](const QString&, const shell::Theme&, const QString& suffix) {
        QWidget look;
        look.resize(1400, 700);
        QWidget* shown = makeWall(d, &look);
        shown->resize(look.size());
        look.show();
        auto* tiles = shown->findChild<FigureTiles*>();
        REQUIRE(waitUntil([&] { return tiles->value(2)->text() == QStringLiteral("1"); }));
        CHECK(look.grab().save(picturesFolder() + QStringLiteral("/custody-wall-") + suffix));
    });

    // The check is made at the desk: the wall follows the bus.
    d.as(QStringLiteral("carol"));
    await(d.custody->check(k.id, WelfareCondition::AsleepRoused, QStringLiteral("Roused, answered his name")));
    REQUIRE(waitUntil([&] { return figures->value(2)->text() == QStringLiteral("0"); }));
    CHECK(cell(people, QStringLiteral("W-0501"), 4) == QStringLiteral("in 30 min"));
}

TEST_CASE("A supervisor puts the custody suite on a wall from the command palette", "[case_management][custody][gui]")
{
    Desk d;
    const Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Shoplifting at the mall"), QString()}));
    await(d.custody->checkIn(NewCustody{c.id,
                                        QStringLiteral("Sun Li, ID 110101199303034444"),
                                        QStringLiteral("W-0601"),
                                        QStringLiteral("Suspected of the theft"),
                                        QStringLiteral("Art. 82"),
                                        CustodyBasis::Detention,
                                        false,
                                        QStringLiteral("Sgt. Li Na"),
                                        {}}));
    d.as(QStringLiteral("hugo"));
    shell::MainWindow window(*d.tp);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    runPaletteCommand(window, QStringLiteral("make screen a wall"));
    REQUIRE(window.walls().size() == 1);
    CHECK_FALSE(window.walls().first()->panels().contains(QStringLiteral("case_management.custody_wall")));
    runPaletteCommand(window, QStringLiteral("show the custody suite panel on the wall"));
    REQUIRE(window.walls().size() == 1);
    shell::WallWindow* wall = window.walls().first();
    CHECK(wall->panels().contains(QStringLiteral("case_management.custody_wall")));
    QTableWidget* people = nullptr;
    REQUIRE(waitUntil([&] {
        people = wall->findChild<QTableWidget*>(QStringLiteral("wallPeople"));
        return people && people->rowCount() == 1;
    }));
    CHECK(cell(people, QStringLiteral("W-0601"), 1) == QStringLiteral("Intake desk"));
}
