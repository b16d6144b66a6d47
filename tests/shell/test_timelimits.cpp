// The centres' time limits for an administrator: opened from the palette, a rule chosen by keyboard,
// its length typed with a reason and saved (the store and the journal checked); an operator has no
// such command and is refused by the service; pictures in both themes and both languages.
#include "shelltest.h"

#include "commandpalette.h"
#include "mainwindow.h"
#include "theme.h"
#include "timelimitsdialog.h"

#include "security/session.h"
#include "store/store.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::shell;

namespace {

qint64 scalar(TestPlatform& tp, const QString& sql)
{
    return await(tp->store().read([sql](Sql& s) { return s.scalar(sql).toLongLong(); }));
}

TimeLimitsDialog* openedDialog()
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* d = qobject_cast<TimeLimitsDialog*>(w); d && d->isVisible())
            return d;
    return nullptr;
}

} // namespace

TEST_CASE("An administrator changes a centre's time limit from the palette, by keyboard, with a reason", "[shell][timelimits]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("administrator"));
    MainWindow window(*tp);
    window.resize(1200, 800);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    runPaletteCommand(window, QStringLiteral("Time limits"));
    REQUIRE(waitUntil([] { return openedDialog() != nullptr; }));
    TimeLimitsDialog* dialog = openedDialog();
    QApplication::setActiveWindow(dialog); // no window manager here to do it
    auto* table = dialog->table();
    REQUIRE(waitUntil([&] { return table->rowCount() >= 3; }));
    // The big-data centre's review rule, found by keyboard: Down until it is the current row.
    table->setFocus();
    int row = -1;
    for (int i = 0; i < table->rowCount(); ++i)
        if (table->item(i, 1)->text() == QStringLiteral("Hits of a model run reviewed"))
            row = i;
    REQUIRE(row >= 0);
    CHECK(table->item(row, 0)->text() == QStringLiteral("Big-data investigation"));
    CHECK(table->item(row, 2)->text().startsWith(QStringLiteral("3 day")));
    for (int i = table->currentRow(); i < row; ++i)
        QTest::keyClick(table, Qt::Key_Down);
    REQUIRE(table->currentRow() == row);
    auto* length = dialog->findChild<QSpinBox*>(QStringLiteral("length"));
    auto* unit = dialog->findChild<QComboBox*>(QStringLiteral("unit"));
    CHECK(length->value() == 3);
    CHECK(unit->currentIndex() == 2);
    // Alt+L to the length, 36, Tab to the unit, hours; Alt+R to the reason, Enter saves.
    QTest::keyClick(table, Qt::Key_L, Qt::AltModifier);
    REQUIRE(QApplication::focusWidget() == length);
    QTest::keyClick(length, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(length, QStringLiteral("36"));
    QTest::keyClick(length, Qt::Key_Tab);
    REQUIRE(QApplication::focusWidget() == unit);
    QTest::keyClick(unit, Qt::Key_Up);
    CHECK(unit->currentIndex() == 1);
    QTest::keyClick(unit, Qt::Key_R, Qt::AltModifier);
    auto* reason = dialog->findChild<QLineEdit*>(QStringLiteral("reason"));
    REQUIRE(QApplication::focusWidget() == reason);
    QTest::keyClicks(reason, QStringLiteral("A day and a half while the operation runs"));
    QTest::keyClick(reason, Qt::Key_Return);
    REQUIRE(waitUntil([&] {
        return scalar(tp, QStringLiteral("SELECT minutes FROM time_limits WHERE module = 'bigdata_investigation' AND rule = 'hits.review'")) == 36 * 60;
    }));
    auto* message = dialog->findChild<QLabel*>(QStringLiteral("message"));
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("now 1 day")); }));
    REQUIRE(waitUntil([&] { return table->item(row, 4)->text().startsWith(QStringLiteral("chief")); }));
    CHECK(table->item(row, 5)->text() == QStringLiteral("A day and a half while the operation runs"));
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'time_limit.changed'")) == 1);
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'time_limit.changed' AND actor = 'chief'")) == 1);
    // Saving again without a change says so; a reason too short is refused with the service's words.
    QTest::keyClick(reason, Qt::Key_Return);
    CHECK(message->text().contains(QStringLiteral("in force already")));
    length->setValue(2);
    reason->setText(QStringLiteral("why"));
    QTest::keyClick(reason, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("reason")); }));
    CHECK(scalar(tp, QStringLiteral("SELECT minutes FROM time_limits WHERE module = 'bigdata_investigation' AND rule = 'hits.review'")) == 36 * 60);

    SECTION("pictures")
    {
        dialog->reject();
        inEveryLook([&](const QString&, const Theme& theme, const QString& suffix) {
            window.setTheme(theme);
            TimeLimitsDialog pictured(*tp, &window);
            pictured.show();
            REQUIRE(QTest::qWaitForWindowExposed(&pictured));
            REQUIRE(waitUntil([&] { return pictured.table()->rowCount() >= 3; }));
            CHECK(pictured.grab().save(picturesFolder() + QStringLiteral("/timelimits-") + suffix));
        });
    }
}

TEST_CASE("An operator has no time limits to change: no command, and the service refuses a forged call", "[shell][timelimits]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("ana"), QStringLiteral("bigdata_investigation_operator"));
    MainWindow window(*tp);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.showTimeLimits() == nullptr);
    TimeLimits limits(tp->store(), tp->session(), tp->audit());
    CHECK(failureOf(limits.change(QStringLiteral("bigdata_investigation"), QStringLiteral("hits.review"), 60,
                                  QStringLiteral("I want it sooner"), 1))
              .contains(QStringLiteral("core.time_limits.manage")));
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'time_limit.changed' AND outcome = 'denied'")) == 1);
}
