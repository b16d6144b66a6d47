// The main window: module rail, switching by keyboard and mouse, permissions, status bar; rendered
// to PNG in both themes and both languages for a person to look at.
#include "shelltest.h"

#include "bus/event.h"
#include "bus/eventbridge.h"
#include "bus/eventbus.h"
#include "security/accesscontrol.h"
#include "security/session.h"
#include "commandpalette.h"
#include "language.h"
#include "mainwindow.h"
#include "modulerail.h"
#include "notifications.h"
#include "railbadges.h"
#include "store/store.h"
#include "store/storeurl.h"
#include "signindialog.h"
#include "statusindicators.h"
#include "theme.h"

#include <QApplication>
#include <QUuid>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <QVBoxLayout>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::shell;

namespace {

QString statusText(MainWindow& window, const char* name)
{
    auto* label = window.statusBar()->findChild<QLabel*>(QString::fromLatin1(name));
    return label ? label->text() : QString();
}

} // namespace

TEST_CASE("The rail lists the hub and the six centres, and a role sees only its modules", "[shell]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    MainWindow window(*tp);
    const QStringList ids = window.rail()->ids();
    REQUIRE(ids.size() == 7);
    CHECK(ids.first() == QStringLiteral("hub"));
    CHECK(QSet<QString>(ids.begin(), ids.end())
          == QSet<QString>{QStringLiteral("hub"), QStringLiteral("political_security"), QStringLiteral("basic_control"),
                           QStringLiteral("criminal_intel"), QStringLiteral("bigdata_investigation"),
                           QStringLiteral("case_management"), QStringLiteral("supervision")});

    // Nobody signed in: every module grey, none current.
    for (const QString& id : ids)
        CHECK_FALSE(window.rail()->button(id)->isEnabled());
    CHECK(statusText(window, "userIndicator") == QStringLiteral("Not signed in"));

    signInAs(tp, QStringLiteral("clerk"), QStringLiteral("case_management_operator"));
    CHECK(window.rail()->button(QStringLiteral("case_management"))->isEnabled());
    CHECK_FALSE(window.rail()->button(QStringLiteral("criminal_intel"))->isEnabled());
    CHECK_FALSE(window.rail()->button(QStringLiteral("hub"))->isEnabled());
    CHECK(window.currentModule() == QStringLiteral("case_management"));
    CHECK_FALSE(window.showModule(QStringLiteral("criminal_intel")));
    CHECK(window.rail()->button(QStringLiteral("criminal_intel"))->toolTip().contains(QStringLiteral("Case management operator")));
    CHECK(statusText(window, "userIndicator").contains(QStringLiteral("Case management operator")));
}

TEST_CASE("Modules switch by Ctrl+number, by the arrow keys on the rail and by a click", "[shell]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("coach"), QStringLiteral("trainer")); // a role that may use every module
    MainWindow window(*tp);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    const QStringList ids = window.rail()->ids();
    CHECK(window.currentModule() == ids[0]);

    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    CHECK(window.currentModule() == ids[2]);
    CHECK(window.moduleView(ids[2])->isVisible());

    window.rail()->button(ids[2])->setFocus();
    QTest::keyClick(window.rail(), Qt::Key_Down);
    CHECK(window.currentModule() == ids[3]);
    QTest::keyClick(window.rail(), Qt::Key_Up);
    QTest::keyClick(window.rail(), Qt::Key_Up);
    CHECK(window.currentModule() == ids[1]);

    QTest::mouseClick(window.rail()->button(ids[6]), Qt::LeftButton);
    CHECK(window.currentModule() == ids[6]);
    CHECK(window.moduleView(ids[6])->isVisible());
    CHECK_FALSE(window.moduleView(ids[2])->isVisible());
}

TEST_CASE("Arrow keys skip the modules a role may not use", "[shell]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("hub_supervisor"));
    MainWindow window(*tp);
    const QStringList ids = window.rail()->ids();
    const int bigdata = int(ids.indexOf(QStringLiteral("bigdata_investigation")));
    REQUIRE(bigdata > 0);
    REQUIRE(bigdata + 1 < ids.size());
    CHECK_FALSE(window.rail()->button(ids[bigdata])->isEnabled()); // hub supervisors see no raw analytics
    REQUIRE(window.showModule(ids[bigdata - 1]));
    QTest::keyClick(window.rail(), Qt::Key_Down);
    CHECK(window.currentModule() == ids[bigdata + 1]);
}

TEST_CASE("The status bar shows the store's state and the simulated clock as such", "[shell]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    MainWindow window(*tp);
    CHECK(statusText(window, "storeIndicator").contains(QStringLiteral("Store connected")));
    CHECK(statusText(window, "clockIndicator").contains(QStringLiteral("simulated, paused")));
    window.rail()->setBadge(QStringLiteral("hub"), 3);
    CHECK(window.rail()->button(QStringLiteral("hub"))->accessibleName().contains(QStringLiteral("3 waiting")));
}

TEST_CASE("The main window renders in both themes and both languages", "[shell][pictures]")
{
    const QString folder = QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures");
    QDir().mkpath(folder);
    for (const QString& locale : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        Language language;
        REQUIRE(language.set(locale));
        for (const Theme::Kind kind : {Theme::Kind::Day, Theme::Kind::Night}) {
            TestPlatform tp = startedPlatform();
            tp.start();
            signInAs(tp, QStringLiteral("chief"), QStringLiteral("case_management_operator"));
            const Theme theme = Theme::of(kind);
            theme.apply(*qApp);
            MainWindow window(*tp);
            window.setTheme(theme);
            window.rail()->setBadge(QStringLiteral("case_management"), 4);
            window.resize(1280, 800);
            window.show();
            REQUIRE(QTest::qWaitForWindowExposed(&window));
            const QImage image = window.grab().toImage();
            const QString file = QStringLiteral("%1/main-window-%2-%3.png").arg(folder, Theme::name(kind), locale);
            REQUIRE(image.save(file));
            // The night theme really is dark and the day theme light, where the content is.
            const QColor background = image.pixelColor(image.width() / 2, image.height() / 2);
            CHECK((kind == Theme::Kind::Night ? background.lightness() < 80 : background.lightness() > 200));
            // No application style sheet (it slows every widget); the rail paints its own band
            // below its last button, and the status bar its line along the top.
            CHECK(qApp->styleSheet().isEmpty());
            const QWidget* rail = window.rail();
            const QPoint railFoot = rail->mapTo(&window, QPoint(rail->width() / 2, rail->height() - 3));
            CHECK(image.pixelColor(railFoot * image.devicePixelRatio()).rgb() == theme.railBackground().rgb());
            const QWidget* statusBar = window.statusBar();
            const QPoint statusTop = statusBar->mapTo(&window, QPoint(statusBar->width() / 2, 0));
            CHECK(image.pixelColor(statusTop * image.devicePixelRatio()).rgb() == theme.palette().color(QPalette::Mid).rgb());
            if (locale != QLatin1String("en"))
                CHECK(statusText(window, "userIndicator").contains(QStringLiteral("案件管理操作员")));

            window.showPalette();
            REQUIRE(window.palette()->grab().save(QStringLiteral("%1/palette-%2-%3.png").arg(folder, Theme::name(kind), locale)));
            window.palette()->hide();

            SignInDialog signIn(tp->access(), tp->session());
            bool ready = false;
            QObject::connect(&signIn, &SignInDialog::ready, &signIn, [&] { ready = true; });
            signIn.show();
            signIn.start();
            REQUIRE(waitUntil([&] { return ready; }));
            REQUIRE(signIn.grab().save(QStringLiteral("%1/sign-in-%2-%3.png").arg(folder, Theme::name(kind), locale)));
        }
    }
    Theme::day().apply(*qApp);
}

TEST_CASE("A status message shows beside the permanent items, never under them, in either direction", "[shell]")
{
    for (const Qt::LayoutDirection direction : {Qt::LeftToRight, Qt::RightToLeft}) {
        QWidget window;
        window.setLayoutDirection(direction);
        auto* layout = new QVBoxLayout(&window);
        layout->addStretch();
        auto* bar = new DeskStatusBar(&window);
        layout->addWidget(bar);
        bar->addWidget(new QLabel(QStringLiteral("item")));
        auto* permanent = new QLabel(QStringLiteral("Store connected"));
        bar->addPermanentWidget(permanent);
        window.resize(500, 80);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        const QImage before = bar->grab().toImage();
        bar->showMessage(QString(200, u'W')); // far longer than the bar
        const QImage after = bar->grab().toImage();
        REQUIRE(before.size() == after.size());
        const QRect kept = permanent->geometry().adjusted(-2, 0, 2, 0);
        int changedUnderPermanent = 0, changedElsewhere = 0;
        for (int y = 1; y < after.height(); ++y) {
            for (int x = 0; x < after.width(); ++x) {
                if (before.pixel(x, y) == after.pixel(x, y))
                    continue;
                (kept.contains(QPoint(x, y) / after.devicePixelRatio()) ? changedUnderPermanent : changedElsewhere)++;
            }
        }
        CHECK(changedElsewhere > 0);       // the message is drawn ...
        CHECK(changedUnderPermanent == 0); // ... and ends before the permanent item
    }
}

TEST_CASE("First run: the sign-in dialog creates the administrator, who is then signed in", "[shell][signin]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    SignInDialog dialog(tp->access(), tp->session());
    bool ready = false;
    QObject::connect(&dialog, &SignInDialog::ready, &dialog, [&] { ready = true; });
    dialog.start();
    REQUIRE(waitUntil([&] { return ready; }));
    REQUIRE(dialog.isSetupPage());

    auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("adminName"));
    auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("adminPassword"));
    auto* repeat = dialog.findChild<QLineEdit*>(QStringLiteral("adminRepeat"));
    name->setText(QStringLiteral("chief"));
    password->setText(QStringLiteral("Str0ng-Passphrase-77"));
    QTest::keyClicks(repeat, QStringLiteral("different-one"));
    ready = false;
    QTest::keyClick(repeat, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return ready; }));
    CHECK(dialog.error() == QStringLiteral("The two passwords differ."));

    // The core's own password rules speak through the dialog.
    password->setText(QStringLiteral("short"));
    repeat->setText(QStringLiteral("short"));
    ready = false;
    QTest::keyClick(repeat, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return ready; }));
    CHECK(dialog.error().contains(QStringLiteral("at least 12 characters")));
    CHECK_FALSE(tp->session().isSignedIn());

    password->setText(QStringLiteral("Str0ng-Passphrase-77"));
    repeat->setText(QStringLiteral("Str0ng-Passphrase-77"));
    QTest::keyClick(repeat, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return dialog.result() == QDialog::Accepted; }));
    CHECK(tp->session().principal().name == QStringLiteral("chief"));
    CHECK(tp->session().principal().hasRole(QStringLiteral("administrator")));
}

TEST_CASE("Signing in: a wrong password says so, and the keyboard alone signs in", "[shell][signin]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    await(tp->access().createUserBySystem(NewUser{QStringLiteral("desk7"), QStringLiteral("Desk 7"),
                                                  QStringLiteral("Desk-Passw0rd-42"), {QStringLiteral("hub_supervisor")}}));
    SignInDialog dialog(tp->access(), tp->session());
    bool ready = false;
    QObject::connect(&dialog, &SignInDialog::ready, &dialog, [&] { ready = true; });
    dialog.show();
    dialog.start();
    REQUIRE(waitUntil([&] { return ready; }));
    CHECK_FALSE(dialog.isSetupPage());

    auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("name"));
    auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("password"));
    QTest::keyClicks(name, QStringLiteral("desk7"));
    QTest::keyClick(name, Qt::Key_Return); // on to the password
    QTest::keyClicks(password, QStringLiteral("wrong-password-1"));
    ready = false;
    QTest::keyClick(password, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return ready; }));
    CHECK(dialog.error() == QStringLiteral("Unknown user name or wrong password."));
    CHECK(password->text().isEmpty());
    CHECK_FALSE(tp->session().isSignedIn());

    QTest::keyClicks(password, QStringLiteral("Desk-Passw0rd-42"));
    QTest::keyClick(password, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return dialog.result() == QDialog::Accepted; }));
    CHECK(tp->session().principal().name == QStringLiteral("desk7"));
}

TEST_CASE("Fuzzy matching ranks word starts and runs first", "[shell][palette]")
{
    CHECK(fuzzyScore(QStringLiteral("cm"), QStringLiteral("Go to Case management")) > 0);
    CHECK(fuzzyScore(QStringLiteral("xyz"), QStringLiteral("Go to Case management")) == -1);
    CHECK(fuzzyScore(QStringLiteral("CASE"), QStringLiteral("Go to Case management")) > 0); // any case
    CHECK(fuzzyScore(QStringLiteral("case"), QStringLiteral("Go to Case management"))
          > fuzzyScore(QStringLiteral("case"), QStringLiteral("Go to Criminal intelligence and some sea")));
    CHECK(fuzzyScore(QString(), QStringLiteral("anything")) == 0);
    CHECK(fuzzyScore(QStringLiteral("管理"), QStringLiteral("转到 案件管理")) > 0);
}

TEST_CASE("Ctrl+K opens the palette, and a few letters and Enter run a command", "[shell][palette]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("coach"), QStringLiteral("trainer"));
    MainWindow window(*tp);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    CommandPalette* palette = window.palette();
    REQUIRE(waitUntil([&] { return palette->isVisible(); }));
    // Every module and the theme switch are there, with their shortcuts.
    CHECK(palette->shownTitles().size() >= 8);
    auto* filter = palette->findChild<QLineEdit*>(QStringLiteral("filter"));
    QTest::keyClicks(filter, QStringLiteral("supervi"));
    REQUIRE(!palette->shownTitles().isEmpty());
    CHECK(palette->shownTitles().first() == QStringLiteral("Go to Supervision"));
    QTest::keyClick(filter, Qt::Key_Return);
    CHECK_FALSE(palette->isVisible());
    CHECK(window.currentModule() == QStringLiteral("supervision"));

    // The theme switch works at run time, without a restart.
    window.showPalette();
    QTest::keyClicks(filter, QStringLiteral("night"));
    QTest::keyClick(filter, Qt::Key_Return);
    CHECK(window.theme().kind() == Theme::Kind::Night);
    CHECK(qApp->palette().color(QPalette::Window).lightness() < 80);
    window.showPalette();
    QTest::keyClicks(filter, QStringLiteral("day theme"));
    QTest::keyClick(filter, Qt::Key_Escape);
    CHECK_FALSE(palette->isVisible());
    CHECK(window.theme().kind() == Theme::Kind::Night); // Escape ran nothing
    Theme::day().apply(*qApp);
}

TEST_CASE("An idle desk locks, hides its views, and the same or another operator signs in again", "[shell][lock]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("clerk"), QStringLiteral("case_management_operator"));
    await(tp->access().createUserBySystem(NewUser{QStringLiteral("chief"), QStringLiteral("Chief"),
                                                  QStringLiteral("Desk-Passw0rd-42"), {QStringLiteral("hub_supervisor")}}));
    MainWindow window(*tp);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QWidget* casesView = window.moduleView(QStringLiteral("case_management"));
    REQUIRE(casesView);
    CHECK(casesView->isVisible());

    window.setIdleLock(100); // no input from here on
    REQUIRE(waitUntil([&] { return window.isLocked(); }, 5000));
    CHECK_FALSE(tp->session().isSignedIn());
    CHECK_FALSE(casesView->isVisible());
    CHECK_FALSE(window.rail()->button(QStringLiteral("case_management"))->isEnabled());
    SignInDialog* dialog = window.lockDialog();
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("name"));
    auto* password = dialog->findChild<QLineEdit*>(QStringLiteral("password"));
    CHECK(name->text() == QStringLiteral("clerk"));

    SECTION("the same operator")
    {
        REQUIRE(waitUntil([&] { return password->isEnabled() && dialog->isVisible(); }));
        QTest::keyClicks(password, QStringLiteral("Desk-Passw0rd-42"));
        QTest::keyClick(password, Qt::Key_Return);
        REQUIRE(waitUntil([&] { return !window.isLocked(); }));
        CHECK(window.currentModule() == QStringLiteral("case_management"));
        CHECK(casesView->isVisible()); // the same view, kept
    }
    SECTION("another operator, whose roles are checked again")
    {
        REQUIRE(waitUntil([&] { return password->isEnabled() && dialog->isVisible(); }));
        name->setText(QStringLiteral("chief"));
        QTest::keyClicks(password, QStringLiteral("Desk-Passw0rd-42"));
        QTest::keyClick(password, Qt::Key_Return);
        REQUIRE(waitUntil([&] { return !window.isLocked(); }));
        CHECK(tp->session().principal().name == QStringLiteral("chief"));
        CHECK(window.rail()->button(QStringLiteral("hub"))->isEnabled());
        CHECK_FALSE(window.rail()->button(QStringLiteral("bigdata_investigation"))->isEnabled());
    }
    // Ctrl+Alt+L locks at once.
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier | Qt::AltModifier);
    CHECK(window.isLocked());
}

TEST_CASE("The language switches at run time, without a restart", "[shell][language]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("clerk"), QStringLiteral("case_management_operator"));
    Language language;
    MainWindow window(*tp, &language);
    // The centre's own count arrives first (nobody in custody); then something is shown waiting.
    bool counted = false;
    QObject::connect(window.railBadges(), &RailBadges::updated, &window, [&counted](const QString& id, int) {
        counted = counted || id == QStringLiteral("case_management");
    });
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(waitUntil([&] { return counted; }));
    window.rail()->setBadge(QStringLiteral("case_management"), 2);
    CHECK(window.rail()->button(QStringLiteral("case_management"))->text() == QStringLiteral("Case management"));

    window.showPalette();
    auto* filter = window.palette()->findChild<QLineEdit*>(QStringLiteral("filter"));
    filter->setText(QStringLiteral("中文")); // QTest types ASCII only
    QTest::keyClick(filter, Qt::Key_Return);
    CHECK(language.current() == QStringLiteral("zh_CN"));
    // Qt delivers LanguageChange to the widgets through the event loop.
    REQUIRE(waitUntil([&] { return window.rail()->button(QStringLiteral("case_management"))->text() == QStringLiteral("案件管理"); }));
    CHECK(window.rail()->badge(QStringLiteral("case_management")) == 2); // what was waiting stays
    CHECK(window.currentModule() == QStringLiteral("case_management"));
    CHECK(statusText(window, "storeIndicator").contains(QStringLiteral("数据存储已连接")));
    // The centre's desk follows: its list's columns and its panel in the new language.
    QWidget* desk = window.moduleView(QStringLiteral("case_management"));
    auto* list = desk->findChild<QTableView*>(QStringLiteral("custody"));
    REQUIRE(list);
    REQUIRE(waitUntil([&] { return list->model()->headerData(0, Qt::Horizontal).toString() == QStringLiteral("下次巡查"); }));
    auto* panel = desk->findChild<QWidget*>(QStringLiteral("custodyPanel"));
    CHECK(panel->findChild<QLabel*>(QStringLiteral("title"))->text() == QStringLiteral("未选择人员"));
    bool named = false;
    for (QLabel* label : panel->findChildren<QLabel*>())
        named = named || label->text() == QStringLiteral("在区时长"); // "Held for"
    CHECK(named);
    CHECK(desk->isVisible());
    // Its cases page too, and the pages' names.
    auto* cases = desk->findChild<QTableView*>(QStringLiteral("cases"));
    REQUIRE(cases);
    REQUIRE(waitUntil([&] { return cases->model()->headerData(0, Qt::Horizontal).toString() == QStringLiteral("下一时限"); }));
    CHECK(desk->findChild<QTabWidget*>(QStringLiteral("centrePages"))->tabText(0) == QStringLiteral("案件(&S)"));
    CHECK(desk->findChild<QWidget*>(QStringLiteral("casePanel"))->findChild<QLabel*>(QStringLiteral("title"))->text() == QStringLiteral("未选择案件"));

    window.showPalette();
    QTest::keyClicks(filter, QStringLiteral("English"));
    QTest::keyClick(filter, Qt::Key_Return);
    CHECK(language.current() == QStringLiteral("en"));
    REQUIRE(waitUntil([&] { return window.rail()->button(QStringLiteral("case_management"))->text() == QStringLiteral("Case management"); }));
    CHECK(statusText(window, "storeIndicator").contains(QStringLiteral("Store connected")));
    REQUIRE(waitUntil([&] { return list->model()->headerData(0, Qt::Horizontal).toString() == QStringLiteral("Next check"); }));
    CHECK(cases->model()->headerData(0, Qt::Horizontal).toString() == QStringLiteral("Next limit"));
    CHECK_FALSE(language.set(QStringLiteral("xx_YY"))); // no such translation: nothing changes
    CHECK(language.current() == QStringLiteral("en"));
}

TEST_CASE("A priority incident shows a toast, sounds where it can, and waits in the list to be acknowledged",
          "[shell][notifications]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("hub_supervisor"));
    Language english; // English plural forms
    REQUIRE(english.set(QStringLiteral("en")));
    MainWindow window(*tp);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    // As the hub publishes it (IncidentCreated's shape): the hub describes its events, and which of
    // them are notifications.
    qint64 nextId = 0;
    auto publish = [&](int priority, const QString& number, const QString& summary) {
        const qint64 id = ++nextId;
        await(tp->store().write(WriteContext{QStringLiteral("hub"), QStringLiteral("chief"), {}}, [=](WriteTransaction& txn) {
            txn.publish(EventDraft{QStringLiteral("incident.created"),
                                   {{QStringLiteral("id"), id}, {QStringLiteral("status"), QStringLiteral("new")},
                                    {QStringLiteral("source"), QStringLiteral("call")}, {QStringLiteral("priority"), priority},
                                    {QStringLiteral("number"), number}, {QStringLiteral("summary"), summary}},
                                   1, {}, {}, {}});
        }));
    };
    publish(1, QStringLiteral("N-7"), QStringLiteral("Two people on a roof edge"));
    REQUIRE(waitUntil([&] { return window.toast()->isVisible(); }));
    CHECK(window.toast()->text().contains(QStringLiteral("Priority 1 incident N-7")));
    CHECK(window.toast()->text().contains(QStringLiteral("roof edge")));
    // Heard where an audio output exists; without one (as in CI) shown only, and nothing fails.
    CHECK(window.notifications()->soundsPlayed() == (window.notifications()->canPlaySound() ? 1 : 0));
    publish(3, QStringLiteral("N-8"), QStringLiteral("Noise"));
    REQUIRE(waitUntil([&] { return window.notifications()->all().size() == 2; }));
    CHECK(window.notifications()->soundsPlayed() == (window.notifications()->canPlaySound() ? 1 : 0));
    CHECK(window.notifications()->unacknowledged() == 2);
    CHECK(statusText(window, "unacknowledged").contains(QStringLiteral("2 notifications")));
    CHECK(window.notificationList()->rows() == 2);

    auto* list = window.notificationList()->findChild<QListWidget*>(QStringLiteral("notifications"));
    // The operator goes to the list (the keyboard starts in the hub's board) and acknowledges the first.
    QApplication::setActiveWindow(&window);
    list->setFocus();
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Return);
    CHECK(window.notifications()->unacknowledged() == 1);
    window.notifications()->acknowledgeAll();
    CHECK(window.notifications()->unacknowledged() == 0);
    CHECK(statusText(window, "unacknowledged").isEmpty());
    CHECK(window.notificationList()->rows() == 2); // acknowledged ones stay on the list, quieter
}

namespace {

// Another desk's new incident, as the bridge delivers it to a desk catching up after it was closed.
Event caughtUpIncident(qint64 seq, int priority, const QString& number, const QString& summary)
{
    Event e;
    e.seq = seq;
    e.id = QUuid::createUuid();
    e.topic = QStringLiteral("incident.created");
    e.occurredAt = QDateTime::currentDateTimeUtc();
    e.source = QStringLiteral("hub");
    e.actor = QStringLiteral("sue");
    e.payload = {{QStringLiteral("id"), seq}, {QStringLiteral("status"), QStringLiteral("new")},
                 {QStringLiteral("source"), QStringLiteral("call")}, {QStringLiteral("priority"), priority},
                 {QStringLiteral("number"), number}, {QStringLiteral("summary"), summary}};
    e.origin = QStringLiteral("another-desk");
    e.remote = true;
    e.caughtUp = true;
    return e;
}

} // namespace

TEST_CASE("What a desk catches up on at start is one notification, most urgent first, not one per event",
          "[shell][notifications]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("hub_supervisor"));
    Language english;
    REQUIRE(english.set(QStringLiteral("en")));
    MainWindow window(*tp);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    // As the bridge delivers them after a desk was closed: other desks' incidents, two of them P1,
    // in pages (the catch-up reads the journal page by page).
    qint64 seq = 100;
    auto caughtUp = [&](int priority, const QString& number, const QString& summary) {
        return caughtUpIncident(++seq, priority, number, summary);
    };
    Event own = caughtUp(1, QStringLiteral("N-0"), QStringLiteral("This desk's own, from its last run"));
    own.remote = false; // not news to this desk: not counted
    tp->bus().deliver({own, caughtUp(3, QStringLiteral("N-1"), QStringLiteral("Noise")),
                       caughtUp(1, QStringLiteral("N-2"), QStringLiteral("Fire in a stairwell")),
                       caughtUp(3, QStringLiteral("N-3"), QStringLiteral("Parking"))});
    tp->bus().deliver({caughtUp(1, QStringLiteral("N-4"), QStringLiteral("Person on a roof edge")),
                       caughtUp(4, QStringLiteral("N-5"), QStringLiteral("Lost dog"))});
    REQUIRE(waitUntil([&] { return !window.notifications()->all().isEmpty(); }));
    REQUIRE(window.notifications()->all().size() == 1);
    const Notification& n = window.notifications()->all().first();
    CHECK(n.level == Notification::Level::Priority);
    CHECK(n.title == QStringLiteral("5 events while this desk was closed"));
    const QStringList lines = n.text.split(u'\n');
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == QStringLiteral("2 of them priority:"));
    CHECK(lines[1].contains(QStringLiteral("N-2")));
    CHECK(lines[2].contains(QStringLiteral("N-4")));
    CHECK(lines[3].contains(QStringLiteral("N-1")));
    CHECK(lines[4].startsWith(QStringLiteral("and 2 more")));
    // Heard once at most, however many priority events it stands for.
    CHECK(window.notifications()->soundsPlayed() == (window.notifications()->canPlaySound() ? 1 : 0));
    CHECK(window.toast()->text().contains(QStringLiteral("5 events while this desk was closed")));

    // A live event after it is shown as itself.
    Event live = caughtUp(2, QStringLiteral("N-6"), QStringLiteral("Brawl"));
    live.caughtUp = false;
    tp->bus().deliver({live});
    REQUIRE(waitUntil([&] { return window.notifications()->all().size() == 2; }));
    CHECK(window.notifications()->all().last().title.contains(QStringLiteral("N-6")));
}

TEST_CASE("The catch-up notification renders in both themes and both languages", "[shell][notifications][pictures]")
{
    const QString folder = picturesFolder();
    inEveryLook([&](const QString& locale, const Theme& theme, const QString& suffix) {
        TestPlatform tp = startedPlatform();
        tp.start();
        signInAs(tp, QStringLiteral("chief"), QStringLiteral("hub_supervisor"));
        MainWindow window(*tp);
        window.setTheme(theme);
        window.resize(1280, 800);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        qint64 seq = 300;
        QList<Event> page;
        const struct { int priority; const char* number; const char* summary; } calls[] = {
            {1, "2026-1201", "Person on a roof edge"}, {3, "2026-1202", "Noise from a bar"},
            {1, "2026-1203", "Fire in a stairwell"}, {2, "2026-1204", "Two cars collided"}, {4, "2026-1205", "Lost dog"}};
        for (const auto& c : calls)
            page << caughtUpIncident(++seq, c.priority, QString::fromLatin1(c.number), QString::fromLatin1(c.summary));
        tp->bus().deliver(page);
        REQUIRE(waitUntil([&] { return window.notifications()->all().size() == 1; }));
        if (locale == QLatin1String("en"))
            CHECK(window.notifications()->all().first().title == QStringLiteral("5 events while this desk was closed"));
        else
            CHECK(window.notifications()->all().first().title.contains(QStringLiteral("5")));
        // The toast is as tall as its lines need: none is cut off.
        const QList<QLabel*> toastLines = window.toast()->findChildren<QLabel*>();
        REQUIRE(toastLines.size() == 2);
        for (const QLabel* label : toastLines)
            CHECK(label->height() >= label->heightForWidth(label->width()));
        REQUIRE(window.openPanel(QStringLiteral("shell.notifications")));
        QTest::qWait(50); // let it paint; the picture is for a person, not a check
        REQUIRE(window.grab().save(QStringLiteral("%1/catch-up-%2").arg(folder, suffix)));
    });
}

TEST_CASE("A catch-up the bridge reads in slow pages, exercise injects included, is still one notification",
          "[shell][notifications]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    Language english;
    REQUIRE(english.set(QStringLiteral("en")));
    // A bridge as a desk on a server has, before it has read the journal to its end.
    EventBridge bridge(*StoreUrl::parse(QStringLiteral("postgresql://desk@127.0.0.1:1/hexhub")), tp->store(), tp->bus());
    NotificationCenter center(tp->bus(), tp->store(), tp->outbox(), tp->modules());
    center.followCatchUp(&bridge);
    qint64 seq = 200;
    auto caughtUp = [&](const QString& topic, const QJsonObject& payload) {
        Event e;
        e.seq = ++seq;
        e.id = QUuid::createUuid();
        e.topic = topic;
        e.occurredAt = QDateTime::currentDateTimeUtc();
        e.source = topic.startsWith(QLatin1String("training")) ? QStringLiteral("core") : QStringLiteral("hub");
        e.actor = QStringLiteral("sue");
        e.payload = payload;
        e.origin = QStringLiteral("another-desk");
        e.remote = true;
        e.caughtUp = true;
        return e;
    };
    auto incident = [&](int priority, const QString& number) {
        return caughtUp(QStringLiteral("incident.created"),
                        {{QStringLiteral("id"), seq + 1}, {QStringLiteral("status"), QStringLiteral("new")},
                         {QStringLiteral("source"), QStringLiteral("call")}, {QStringLiteral("priority"), priority},
                         {QStringLiteral("number"), number}, {QStringLiteral("summary"), QStringLiteral("Caught up")}});
    };
    tp->bus().deliver({incident(3, QStringLiteral("P-1")), incident(2, QStringLiteral("P-2"))});
    // The next page is slow to come: longer than the quiet the summary otherwise waits for. (The wait
    // is the condition under test, not a synchronisation.)
    QTest::qWait(700);
    CHECK(center.all().isEmpty());
    tp->bus().deliver({incident(1, QStringLiteral("P-3")),
                       caughtUp(QStringLiteral("training.injected"), {{QStringLiteral("label"), QStringLiteral("Smoke in the tunnel")},
                                                                      {QStringLiteral("handledBy"), QStringLiteral("hub")}})});
    Q_EMIT bridge.catchUpDone(); // the bridge has read the journal to its end
    REQUIRE(waitUntil([&] { return !center.all().isEmpty(); }));
    REQUIRE(center.all().size() == 1);
    CHECK(center.all().first().title == QStringLiteral("4 events while this desk was closed"));
    // The inject is counted in it (three incidents and the inject), not shown apart.
    CHECK(center.all().first().text.contains(QStringLiteral("and 1 more")));
    // A live inject after it is shown as itself.
    Event live = caughtUp(QStringLiteral("training.injected"), {{QStringLiteral("label"), QStringLiteral("Second fire")}});
    live.caughtUp = false;
    tp->bus().deliver({live});
    REQUIRE(waitUntil([&] { return center.all().size() == 2; }));
    CHECK(center.all().last().title == QStringLiteral("Exercise: Second fire"));
}

TEST_CASE("The store indicator warns of a connection to another machine that is not encrypted", "[shell]")
{
    CHECK(StoreIndicator::warnUnencrypted(QStringLiteral("db.example.org"), false));
    CHECK(StoreIndicator::warnUnencrypted(QStringLiteral("10.20.30.40"), false));
    CHECK(StoreIndicator::warnUnencrypted(QStringLiteral("2001:db8::5"), false));
    CHECK_FALSE(StoreIndicator::warnUnencrypted(QStringLiteral("db.example.org"), true));
    CHECK_FALSE(StoreIndicator::warnUnencrypted(QStringLiteral("127.0.0.1"), false));
    CHECK_FALSE(StoreIndicator::warnUnencrypted(QStringLiteral("::1"), false));
    CHECK_FALSE(StoreIndicator::warnUnencrypted(QStringLiteral("LocalHost"), false));
    CHECK_FALSE(StoreIndicator::warnUnencrypted(QStringLiteral("/var/run/postgresql"), false));
}
