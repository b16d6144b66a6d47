// The hub's cluster operations: planned by keyboard, started at go time, followed by the units' reports.
#include "hubviewtest.h"

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::shell;
using namespace hexhub::test::hubviews;

TEST_CASE("Hub operations: a cluster operation is planned by keyboard, goes at go time and follows the units' reports", "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    addUnits(tp);
    MainWindow window(*tp);
    QDockWidget* dock = showWithPanel(window, QStringLiteral("hub.operations"));
    dock->setFloating(true);
    dock->resize(1100, 700);
    auto* list = dock->findChild<QTreeWidget*>(QStringLiteral("operations"));
    REQUIRE(list);
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));

    // Ctrl+Shift+O: the planner, focus in the name.
    key(&window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    auto* planner = modal<QDialog>(QStringLiteral("hub.operationPlanner"));
    REQUIRE(planner);
    auto* name = planner->findChild<QLineEdit*>(QStringLiteral("name"));
    auto* what = planner->findChild<QLineEdit*>(QStringLiteral("what"));
    auto* where = planner->findChild<QLineEdit*>(QStringLiteral("where"));
    auto* planned = planner->findChild<QTreeWidget*>(QStringLiteral("division"));
    REQUIRE(waitUntil([&] { return name->hasFocus(); }));
    type(name, QStringLiteral("Operation Net"));
    key(name, Qt::Key_Tab);
    type(QApplication::focusWidget(), QStringLiteral("Detain the suspects at three addresses at once"));
    auto* who = planner->findChild<QComboBox*>(QStringLiteral("who"));
    REQUIRE(waitUntil([&] { return who->count() > 7; })); // the centres, then the units
    const struct { const char* id; const char* what; const char* where; } lines[] = {
        {"P-11", "Detain suspect A", "12 Canal Road"},
        {"P-12", "Detain suspect B", "3 Elm Street"},
        {"P-13", "a line added by mistake", ""},
        {"criminal_intel", "Search the seized phones", "Hub"},
    };
    for (const auto& l : lines) {
        REQUIRE(selectData(who, QString::fromLatin1(l.id)));
        who->setFocus();
        key(who, Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget() == what);
        type(what, QString::fromLatin1(l.what));
        key(what, Qt::Key_Tab);
        type(where, QString::fromLatin1(l.where));
        key(where, Qt::Key_Return); // adds the line, not the operation (the three lines stored below prove it)
    }
    CHECK(QApplication::activeModalWidget() == planner);
    REQUIRE(planned->topLevelItemCount() == 4);
    planned->setFocus();
    planned->setCurrentItem(planned->topLevelItem(2));
    key(planned, Qt::Key_Delete);
    REQUIRE(planned->topLevelItemCount() == 3);
    CHECK(planned->topLevelItem(2)->text(0) == QStringLiteral("Criminal intelligence"));
    key(planned, Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(waitUntil([&] { return QApplication::activeModalWidget() == nullptr; }));
    backToWindow(window);

    // Listed, planned, counting down to go; its division line by line.
    REQUIRE(waitUntil([&] { return list->topLevelItemCount() == 1 && list->topLevelItem(0)->text(0) == QStringLiteral("Operation Net"); }));
    CHECK(list->topLevelItem(0)->text(1) == QStringLiteral("planned"));
    CHECK(list->topLevelItem(0)->text(2).startsWith(QStringLiteral("in ")));
    auto* division = dock->findChild<QTreeWidget*>(QStringLiteral("division"));
    REQUIRE(waitUntil([&] { return division->topLevelItemCount() == 3; }));
    QStringList who3;
    for (int i = 0; i < 3; ++i)
        who3 << division->topLevelItem(i)->text(0);
    CHECK(who3.contains(QStringLiteral("unit P-11")));
    CHECK(who3.contains(QStringLiteral("Criminal intelligence")));

    auto* go = dock->findChild<QPushButton*>(QStringLiteral("go"));
    REQUIRE(go->isEnabled());
    go->click();
    REQUIRE(waitUntil([&] { return list->topLevelItemCount() == 1 && list->topLevelItem(0)->text(1) == QStringLiteral("running"); }));

    // P-11 reports over the radio: accepted, then done; the progress follows.
    auto* bar = dock->findChild<QProgressBar*>(QStringLiteral("progress"));
    int p11 = -1;
    REQUIRE(waitUntil([&] {
        for (int i = 0; i < division->topLevelItemCount(); ++i) {
            if (division->topLevelItem(i)->text(0) == QStringLiteral("unit P-11"))
                p11 = i;
        }
        return p11 >= 0;
    }));
    division->setCurrentItem(division->topLevelItem(p11));
    auto* accepted = dock->findChild<QPushButton*>(QStringLiteral("taskAccepted"));
    REQUIRE(waitUntil([&] { return accepted->isEnabled(); }));
    accepted->click();
    auto* done = dock->findChild<QPushButton*>(QStringLiteral("taskDone"));
    REQUIRE(waitUntil([&] { return done->isEnabled(); }));
    done->click();
    REQUIRE(waitUntil([&] { return bar->value() == 33; }));
    CHECK(list->topLevelItem(0)->text(3) == QStringLiteral("1 of 3 (33%)"));
    auto* summary = dock->findChild<QLabel*>(QStringLiteral("summary"));
    CHECK(summary->text().startsWith(QStringLiteral("3 tasks: 1 done")));
    QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
    QTest::qWait(30); // the picture is for a person, not a check
    REQUIRE(dock->widget()->grab().save(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/hub-operations-day-en.png")));

    // Completing with open tasks is refused with the count; cancelling asks, then cancels them.
    auto* complete = dock->findChild<QPushButton*>(QStringLiteral("complete"));
    REQUIRE(complete->isEnabled());
    complete->click();
    REQUIRE(waitUntil([&] {
        for (QLabel* l : dock->findChildren<QLabel*>()) {
            if (l->text().contains(QStringLiteral("2 open tasks")))
                return true;
        }
        return false;
    }));
    // A trainer sees the operation but does not command it.
    signInAs(tp, QStringLiteral("trainer1"), QStringLiteral("trainer"));
    REQUIRE(waitUntil([&] { return !dock->findChild<QPushButton*>(QStringLiteral("plan"))->isVisible(); }));
    CHECK_FALSE(complete->isEnabled());
    CHECK(list->topLevelItemCount() == 1);
}
