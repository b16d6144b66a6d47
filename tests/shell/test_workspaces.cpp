// Workspaces across monitors, torn-off panels, walls, screens unplugged and plugged back, the deadline
// count and the outbox panel. The multi-monitor cases run under the offscreen platform with the
// screens of shared/tools/screens-3.json and screens-1.json (see tests/shell/CMakeLists.txt).
#include "shelltest.h"

#include "base/clock.h"
#include "commandpalette.h"
#include "shared/deadlines.h"
#include "bus/eventbus.h"
#include "language.h"
#include "mainwindow.h"
#include "notifications.h"
#include "store/outbox.h"
#include "panels.h"
#include "screenfit.h"
#include "signindialog.h"
#include "store/store.h"
#include "theme.h"
#include "wallwindow.h"
#include "workspace.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTest>
#include <qpa/qplatformnativeinterface.h>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::shell;

namespace {

QJsonObject jsonFile(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString screensFile(const char* name)
{
    return QStringLiteral(HEXHUB_TEST_SOURCE_DIR "/tests/shell/") + QString::fromLatin1(name);
}

/*!
 * Plugs and unplugs screens at run time: the offscreen platform takes a new configuration (its
 * "setConfiguration" resource) and reports each screen added and removed as a real one would.
 */
void setScreens(const QString& path)
{
    QPlatformNativeInterface* native = QGuiApplication::platformNativeInterface();
    REQUIRE(native);
    using Get = QJsonObject (*)(QPlatformNativeInterface*);
    using Set = void (*)(const QJsonObject&, QPlatformNativeInterface*);
    auto get = reinterpret_cast<Get>(native->nativeResourceForIntegration("configuration"));
    auto set = reinterpret_cast<Set>(native->nativeResourceForIntegration("setConfiguration"));
    REQUIRE(get);
    REQUIRE(set);
    QJsonObject config = get(native);
    config.insert(QStringLiteral("screens"), jsonFile(path).value(QStringLiteral("screens")));
    set(config, native);
}

QStringList screenNames()
{
    QStringList names;
    for (const QScreen* s : QGuiApplication::screens())
        names << s->name();
    return names;
}

//! Every visible top-level window lies wholly on one screen.
bool everyWindowOnScreen()
{
    bool ok = true;
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && !isFullyOnScreen(w)) {
            UNSCOPED_INFO(w->metaObject()->className() << " " << w->objectName().toStdString() << " at "
                                                       << w->frameGeometry().x() << "," << w->frameGeometry().y() << " "
                                                       << w->frameGeometry().width() << "x" << w->frameGeometry().height());
            ok = false;
        }
    }
    return ok;
}

QString statusText(MainWindow& window, const char* name)
{
    auto* label = window.statusBar()->findChild<QLabel*>(QString::fromLatin1(name));
    return label ? label->text() : QString();
}

void publishDeadline(TestPlatform& tp, const QString& key, const QString& title, const QDateTime& due)
{
    await(tp->store().write(WriteContext{QStringLiteral("hub"), QStringLiteral("system"), {}}, [=](WriteTransaction& txn) {
        txn.publish(EventDraft{QStringLiteral("deadline.set"),
                               QJsonObject{{QStringLiteral("key"), key},
                                           {QStringLiteral("title"), title},
                                           {QStringLiteral("due"), due.toUTC().toString(Qt::ISODateWithMs)},
                                           {QStringLiteral("module"), QStringLiteral("hub")},
                                           {QStringLiteral("subject"), QStringLiteral("incident:1")}},
                               1, {}, {}, {}});
    }));
}

void clearDeadline(TestPlatform& tp, const QString& key)
{
    await(tp->store().write([=](WriteTransaction& txn) {
        txn.publish(EventDraft{QStringLiteral("deadline.cleared"), QJsonObject{{QStringLiteral("key"), key}}, 1, {}, {}, {}});
    }));
}

} // namespace

TEST_CASE("A window goes back on its own screen, or onto the primary, always fully visible", "[shell][workspace]")
{
    const QList<ScreenPlace> three{{QStringLiteral("desk"), QRect(0, 0, 1920, 1080), QRect(0, 0, 1920, 1040)},
                                   {QStringLiteral("wall-left"), QRect(1920, 0, 3840, 2160), QRect(1920, 0, 3840, 2160)},
                                   {QStringLiteral("wall-right"), QRect(5760, 0, 3840, 2160), QRect(5760, 0, 3840, 2160)}};
    // On its own screen, where it was.
    Placement p = placeWindow(QRect(2000, 100, 800, 600), QStringLiteral("wall-left"), QRect(1920, 0, 3840, 2160), three);
    CHECK(p.screen == QStringLiteral("wall-left"));
    CHECK(p.rect == QRect(2000, 100, 800, 600));
    CHECK_FALSE(p.fellBack);
    // Its screen moved (now left of the desk): the window moves with it.
    QList<ScreenPlace> moved = three;
    moved[1].geometry = moved[1].available = QRect(-3840, 0, 3840, 2160);
    p = placeWindow(QRect(2000, 100, 800, 600), QStringLiteral("wall-left"), QRect(1920, 0, 3840, 2160), moved);
    CHECK(p.rect == QRect(-3760, 100, 800, 600));
    // Its screen is gone: onto the primary, shrunk to fit and slid in.
    const QList<ScreenPlace> laptop{{QStringLiteral("laptop"), QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 740)}};
    p = placeWindow(QRect(7000, 600, 1400, 1200), QStringLiteral("wall-right"), QRect(5760, 0, 3840, 2160), laptop);
    CHECK(p.screen == QStringLiteral("laptop"));
    CHECK(p.fellBack);
    CHECK(p.rect == QRect(0, 0, 1366, 740));
    p = placeWindow(QRect(1200, 700, 400, 300), QStringLiteral("desk"), QRect(0, 0, 1920, 1080), laptop);
    CHECK(QRect(0, 0, 1366, 740).contains(p.rect));
    CHECK(p.rect.size() == QSize(400, 300));
    // Far off to the top left, from a screen nobody knows.
    p = placeWindow(QRect(-9000, -9000, 300, 200), QString(), QRect(), laptop);
    CHECK(p.rect == QRect(0, 0, 300, 200));
}

TEST_CASE("A workspace survives its JSON, and a damaged one is refused with the reason", "[shell][workspace]")
{
    const std::optional<Workspace> fixture = Workspace::fromJson(jsonFile(QStringLiteral(HEXHUB_TEST_SOURCE_DIR "/tests/shell/workspace-three-screens.json")));
    REQUIRE(fixture);
    CHECK(fixture->name == QStringLiteral("Night shift"));
    CHECK(fixture->walls.size() == 2);
    CHECK(fixture->floating.size() == 1);
    CHECK(fixture->floating[0].place.rect == QRect(7000, 600, 1400, 1200));
    const std::optional<Workspace> again = Workspace::fromJson(fixture->toJson());
    REQUIRE(again);
    CHECK(again->toJson() == fixture->toJson());
    // A view's own state (a video wall's layout and cameras) rides along, by view id.
    CHECK(again->viewStates.value(QStringLiteral("hub.video")).value(QStringLiteral("layout")).toString() == QStringLiteral("9"));

    QString error;
    CHECK_FALSE(Workspace::fromJson(QJsonObject{{QStringLiteral("format"), 7}, {QStringLiteral("name"), QStringLiteral("x")}}, &error));
    CHECK(error.contains(QStringLiteral("format 7")));
    CHECK_FALSE(Workspace::fromJson(QJsonObject{{QStringLiteral("format"), 1}}, &error));
    CHECK(error.contains(QStringLiteral("no name")));

    // In the settings file: names of any kind; a damaged entry is reported, not guessed at.
    TestPlatform tp;
    tp.start();
    WorkspaceStore store(tp->settings());
    Workspace w = *fixture;
    w.name = QStringLiteral("夜班 / desk #2");
    store.save(w);
    CHECK(store.names().contains(QStringLiteral("夜班 / desk #2")));
    CHECK(store.names().mid(0, 3) == Workspace::defaults());
    REQUIRE(store.load(w.name));
    CHECK(store.load(w.name)->walls == w.walls);
    tp->settings().setValue(QStringLiteral("workspaces/saved/")
                                + QString::fromLatin1(QByteArray("broken").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)),
                            QStringLiteral("{not json"));
    CHECK_FALSE(store.load(QStringLiteral("broken"), &error));
    CHECK_FALSE(error.isEmpty());
    store.remove(w.name);
    CHECK_FALSE(store.names().contains(w.name));
}

TEST_CASE("Workspaces: saved on three screens, restored on one with every window visible, walls following their screens",
          "[shell][screens][screens3]")
{
    INFO("runs under QT_QPA_PLATFORM=offscreen:configfile=tests/shell/screens-3.json (ctest sets it)");
    REQUIRE(screenNames() == QStringList{QStringLiteral("desk"), QStringLiteral("wall-left"), QStringLiteral("wall-right")});
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("hub_supervisor"));
    {
        MainWindow window(*tp);
        window.setTheme(Theme::day());
        window.restoreWorkspace(); // first time: the hub supervisor's three-screen workspace
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        CHECK(window.currentWorkspace() == Workspace::supervisorDefault());
        CHECK(window.currentModule() == QStringLiteral("hub"));
        CHECK(window.screen()->name() == QStringLiteral("desk"));
        CHECK(window.isMaximized());
        REQUIRE(window.walls().size() == 2);
        for (WallWindow* wall : window.walls()) {
            const QScreen* screen = screenNamed(wall->screenName());
            REQUIRE(screen);
            CHECK(wall->isFullScreen());
            CHECK(wall->geometry() == screen->geometry());
            CHECK(wall->windowFlags().testFlag(Qt::FramelessWindowHint));
            CHECK(wall->theme().kind() == Theme::Kind::Night); // though the desk is in the day theme
            CHECK(wall->typeSize() == 48);                     // 2160 lines: type to read across a room
            CHECK(wall->styleSheet().contains(QStringLiteral("font-size: 48px")));
        }
        CHECK(window.walls()[0]->screenName() == QStringLiteral("wall-left"));
        CHECK(window.walls()[0]->panels().contains(QStringLiteral("shell.deadlines")));

        // All by keyboard: the right wall goes, the outbox panel is torn off onto that screen.
        runPaletteCommand(window, QStringLiteral("close wall screen 3"));
        REQUIRE(window.walls().size() == 1);
        runPaletteCommand(window, QStringLiteral("move changes waiting screen 3"));
        QDockWidget* outbox = window.panelDock(QStringLiteral("shell.outbox"));
        REQUIRE(outbox);
        CHECK(outbox->isFloating());
        CHECK(outbox->isVisible());
        CHECK(outbox->screen()->name() == QStringLiteral("wall-right"));
        CHECK(everyWindowOnScreen());

        window.saveWorkspace(QStringLiteral("Night shift"));
        const std::optional<Workspace> saved = window.workspaceStore().load(QStringLiteral("Night shift"));
        REQUIRE(saved);
        CHECK(saved->main.screen == QStringLiteral("desk"));
        CHECK(saved->main.maximized);
        REQUIRE(saved->floating.size() == 1);
        CHECK(saved->floating[0].panel == QStringLiteral("shell.outbox"));
        CHECK(saved->floating[0].place.screen == QStringLiteral("wall-right"));
        REQUIRE(saved->walls.size() == 1);
        CHECK(saved->walls[0].screen == QStringLiteral("wall-left"));
        CHECK(saved->docked.contains(QStringLiteral("shell.deadlines")));

        // Unplugged: only a laptop screen is left. The wall is put away; the rest comes to the laptop.
        setScreens(screensFile("screens-1.json"));
        REQUIRE(screenNames() == QStringList{QStringLiteral("laptop")});
        CHECK(window.walls().isEmpty());
        REQUIRE(window.parkedWalls().size() == 1);
        CHECK(window.parkedWalls()[0].screen == QStringLiteral("wall-left"));
        REQUIRE(waitUntil([&] { return window.isVisible() && outbox->isVisible(); }));
        CHECK(everyWindowOnScreen());
        CHECK(window.notifications()->all().last().title == QStringLiteral("Screen disconnected"));

        // Plugged back: the wall returns to its screen by itself.
        setScreens(screensFile("screens-3.json"));
        REQUIRE(waitUntil([&] { return window.walls().size() == 1; }));
        CHECK(window.walls()[0]->screenName() == QStringLiteral("wall-left"));
        CHECK(window.walls()[0]->geometry() == screenNamed(QStringLiteral("wall-left"))->geometry());
        CHECK(window.parkedWalls().isEmpty());
        CHECK(everyWindowOnScreen());
    }

    // A desk started on the laptop alone restores what was saved on three screens.
    setScreens(screensFile("screens-1.json"));
    MainWindow window(*tp);
    REQUIRE(window.switchWorkspace(QStringLiteral("Night shift")));
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.screen()->name() == QStringLiteral("laptop"));
    QDockWidget* outbox = window.panelDock(QStringLiteral("shell.outbox"));
    REQUIRE(outbox);
    CHECK(outbox->isFloating());
    CHECK(outbox->isVisible());
    CHECK(window.walls().isEmpty());
    REQUIRE(window.parkedWalls().size() == 1);
    CHECK(everyWindowOnScreen());
    // And it came back to the user as the one last used.
    CHECK(window.workspaceStore().lastUsedBy(QStringLiteral("chief")) == QStringLiteral("Night shift"));
}

TEST_CASE("On one small screen a workspace from three screens fits, and that screen can be a wall",
          "[shell][screens][screens1]")
{
    INFO("runs under QT_QPA_PLATFORM=offscreen:configfile=tests/shell/screens-1.json (ctest sets it)");
    REQUIRE(screenNames() == QStringList{QStringLiteral("laptop")});
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("hub_supervisor"));
    Language language;
    MainWindow window(*tp, &language);
    const std::optional<Workspace> fixture = Workspace::fromJson(jsonFile(QStringLiteral(HEXHUB_TEST_SOURCE_DIR "/tests/shell/workspace-three-screens.json")));
    REQUIRE(fixture);
    CHECK(window.applyWorkspace(*fixture).isEmpty());
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(everyWindowOnScreen());
    CHECK(window.geometry().width() <= 1366);
    QDockWidget* outbox = window.panelDock(QStringLiteral("shell.outbox"));
    REQUIRE(outbox);
    CHECK(outbox->isFloating());
    CHECK(outbox->width() <= 1366);
    QDockWidget* deadlines = window.panelDock(QStringLiteral("shell.deadlines"));
    REQUIRE(deadlines);
    CHECK_FALSE(deadlines->isFloating());
    CHECK(deadlines->isVisible());
    CHECK(window.parkedWalls().size() == 2);

    // The only screen becomes a wall; Ctrl+W on the wall gives the screen back.
    WallWindow* wall = window.openWall(QGuiApplication::primaryScreen(), window.defaultWallPanels());
    REQUIRE(wall);
    REQUIRE(QTest::qWaitForWindowExposed(wall));
    CHECK(wall->isFullScreen());
    CHECK(wall->geometry() == QRect(0, 0, 1366, 768));
    CHECK(wall->typeSize() == 18);
    // The shell's panels, then the modules' wall views: the hub's map and dashboard.
    CHECK(wall->panels() == QStringList{QStringLiteral("shell.clock"), QStringLiteral("shell.deadlines"), QStringLiteral("shell.notifications"),
                                        QStringLiteral("hub.map"), QStringLiteral("hub.dashboard")});

    // The palette chooses what it shows.
    runPaletteCommand(window, QStringLiteral("take clock off wall"));
    REQUIRE(window.walls().size() == 1);
    wall = window.walls().first();
    CHECK(wall->panels() == QStringList{QStringLiteral("shell.deadlines"), QStringLiteral("shell.notifications"), QStringLiteral("hub.map"),
                                        QStringLiteral("hub.dashboard")});
    runPaletteCommand(window, QStringLiteral("show changes waiting panel on the wall"));
    wall = window.walls().first();
    CHECK(wall->panels() == QStringList{QStringLiteral("shell.deadlines"), QStringLiteral("shell.notifications"), QStringLiteral("hub.map"),
                                        QStringLiteral("hub.dashboard"), QStringLiteral("shell.outbox")});
    CHECK(wall->isFullScreen());
    runPaletteCommand(window, QStringLiteral("show clock panel on the wall"));
    wall = window.walls().first();
    REQUIRE(QTest::qWaitForWindowExposed(wall));
    // Its titles follow the language.
    auto* title = wall->findChildren<QLabel*>(QStringLiteral("wallPanelTitle")).value(0);
    REQUIRE(title);
    CHECK(title->text() == QStringLiteral("Deadlines"));
    REQUIRE(language.set(QStringLiteral("zh_CN")));
    REQUIRE(waitUntil([&] { return title->text() == QStringLiteral("时限"); }));
    REQUIRE(language.set(QStringLiteral("en")));
    // Locking the desk hides what the wall shows until someone signs in again.
    window.lock();
    CHECK_FALSE(wall->panel(QStringLiteral("shell.deadlines"))->isVisible());
    // A wall made while locked (its screen woke up at night) has nothing to show yet...
    window.closeWall(QStringLiteral("laptop"));
    wall = window.openWall(QGuiApplication::primaryScreen(), {QStringLiteral("shell.clock"), QStringLiteral("shell.deadlines")});
    REQUIRE(wall);
    CHECK(wall->unavailablePanels().size() == 2);
    // ...and shows its panels once someone signs in.
    SignInDialog* dialog = window.lockDialog();
    REQUIRE(dialog);
    auto* password = dialog->findChild<QLineEdit*>(QStringLiteral("password"));
    REQUIRE(waitUntil([&] { return password->isEnabled() && dialog->isVisible(); }));
    QTest::keyClicks(password, QStringLiteral("Desk-Passw0rd-42"));
    QTest::keyClick(password, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return !window.isLocked(); }));
    REQUIRE(window.walls().size() == 1);
    wall = window.walls().first();
    CHECK(wall->unavailablePanels().isEmpty());
    CHECK(qobject_cast<DeadlineList*>(wall->panel(QStringLiteral("shell.deadlines"))));
    QTest::keyClick(wall, Qt::Key_W, Qt::ControlModifier);
    CHECK(window.walls().isEmpty());
}

TEST_CASE("Deadlines of every module: counted in the status bar, listed soonest first, kept across a restart",
          "[shell][deadlines]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("hub_supervisor"));
    Language language; // English plurals ("1 deadline", "2 deadlines") come from hexhub_en
    REQUIRE(language.set(QStringLiteral("en")));
    const QDateTime now = tp->clock().now();
    publishDeadline(tp, QStringLiteral("hub.incident.1.response"), QStringLiteral("Response to incident 1"), now.addSecs(20 * 60));
    {
        MainWindow window(*tp);
        REQUIRE(waitUntil([&] { return window.deadlines()->isLoaded(); }));
        CHECK(statusText(window, "deadlineCount") == QStringLiteral("1 deadline within the hour"));
        publishDeadline(tp, QStringLiteral("case_management.case.7.custody"), QStringLiteral("Custody limit, case 7"), now.addSecs(-5 * 60));
        publishDeadline(tp, QStringLiteral("supervision.demand.3.sla"), QStringLiteral("12345 reply"), now.addSecs(3 * 3600));
        // Each publish is its own transaction: on a shared store they arrive one by one.
        REQUIRE(waitUntil([&] { return window.deadlines()->deadlines().size() == 3; }));
        CHECK(statusText(window, "deadlineCount") == QStringLiteral("2 deadlines within the hour"));
        QDockWidget* dock = window.openPanel(QStringLiteral("shell.deadlines"));
        REQUIRE(dock);
        auto* list = dock->widget()->findChild<QListWidget*>(QStringLiteral("deadlines"));
        REQUIRE(list);
        REQUIRE(list->count() == 3);
        CHECK(list->item(0)->text().startsWith(QStringLiteral("5 min overdue")));
        CHECK(list->item(0)->foreground().color() == Theme::day().danger());
        CHECK(list->item(1)->text().contains(QStringLiteral("Response to incident 1")));
        CHECK(list->item(2)->text().startsWith(QStringLiteral("in 3 h 00 min")));
        // The clock moves on: the 12345 reply comes within the hour.
        dynamic_cast<SimulatedClock&>(tp->clock()).advance(2 * 3600 * 1000 + 60 * 1000);
        REQUIRE(waitUntil([&] { return statusText(window, "deadlineCount") == QStringLiteral("3 deadlines within the hour"); }));
        clearDeadline(tp, QStringLiteral("case_management.case.7.custody"));
        REQUIRE(waitUntil([&] { return list->count() == 2; }));
        // A malformed deadline is left out, not shown at a wrong time (the valid one after it arrives).
        publishDeadline(tp, QStringLiteral("hub.bad"), QStringLiteral("bad"), QDateTime());
        publishDeadline(tp, QStringLiteral("hub.incident.2.response"), QStringLiteral("Response to incident 2"), now.addSecs(4 * 3600));
        REQUIRE(waitUntil([&] { return window.deadlines()->deadlines().size() == 3; }));
        const QList<Deadline> open = window.deadlines()->deadlines();
        CHECK(std::none_of(open.begin(), open.end(), [](const Deadline& d) { return d.key == QStringLiteral("hub.bad"); }));
        clearDeadline(tp, QStringLiteral("hub.incident.2.response"));
        REQUIRE(waitUntil([&] { return window.deadlines()->deadlines().size() == 2; }));
    }
    // A desk opened later reads them from the journal.
    DeadlineBoard board(tp->bus(), tp->clock());
    board.load();
    REQUIRE(waitUntil([&] { return board.isLoaded(); }));
    REQUIRE(board.deadlines().size() == 2);
    CHECK(board.deadlines()[0].key == QStringLiteral("hub.incident.1.response"));
    CHECK(board.deadlines()[1].subject == QStringLiteral("incident:1"));
}

TEST_CASE("Deadlines by the hundred: the panel lists the soonest and counts the rest, the board announces each missed one once",
          "[shell][deadlines]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("hub_supervisor"));
    Language language;
    REQUIRE(language.set(QStringLiteral("en")));
    const QDateTime now = tp->clock().now();
    const int many = DeadlineList::kShown + 50;
    // One transaction: minute by minute from 10 minutes on, the last published first.
    await(tp->store().write(WriteContext{QStringLiteral("hub"), QStringLiteral("system"), {}}, [=](WriteTransaction& txn) {
        for (int i = many - 1; i >= 0; --i)
            publishDeadline(txn, DeadlineSet{QStringLiteral("hub.bench.%1").arg(i), QStringLiteral("Deadline %1").arg(i), now.addSecs((10 + i) * 60),
                                             QStringLiteral("hub"), {}});
    }));
    MainWindow window(*tp);
    REQUIRE(waitUntil([&] { return window.deadlines()->isLoaded() && window.deadlines()->size() == many; }));
    QStringList missed, escalated;
    QObject::connect(window.deadlines(), &DeadlineBoard::missed, [&](const Deadline& d) { missed << d.key; });
    QObject::connect(window.deadlines(), &DeadlineBoard::escalated, [&](const Deadline& d) { escalated << d.key; });
    QDockWidget* dock = window.openPanel(QStringLiteral("shell.deadlines"));
    REQUIRE(dock);
    auto* list = dock->widget()->findChild<QListWidget*>(QStringLiteral("deadlines"));
    REQUIRE(list);
    REQUIRE(list->count() == DeadlineList::kShown + 1);
    CHECK(list->item(0)->text().contains(QStringLiteral("Deadline 0 ")));
    CHECK(list->item(DeadlineList::kShown - 1)->text().contains(QStringLiteral("Deadline %1 ").arg(DeadlineList::kShown - 1)));
    CHECK(list->item(DeadlineList::kShown)->text() == QStringLiteral("… and 50 more running later"));
    CHECK_FALSE(list->item(DeadlineList::kShown)->flags().testFlag(Qt::ItemIsSelectable));
    int total = 0;
    CHECK(window.deadlines()->soonest(3, {}, &total).size() == 3);
    CHECK(total == many);
    CHECK(window.deadlines()->soonest(3, [](const QString& module) { return module != QLatin1String("hub"); }, &total).isEmpty());
    CHECK(total == 0);
    // Deadline 0 moved after all the others: the list follows.
    publishDeadline(tp, QStringLiteral("hub.bench.0"), QStringLiteral("Deadline 0"), now.addSecs((10 + many) * 60));
    REQUIRE(waitUntil([&] { return list->item(0)->text().contains(QStringLiteral("Deadline 1 ")); }));
    // Twelve minutes on: deadlines 1 and 2 ran out (due at 11 and 12 minutes; 12 is due now, not yet missed).
    auto& clock = dynamic_cast<SimulatedClock&>(tp->clock());
    clock.advance(12 * 60 * 1000);
    CHECK(missed == QStringList{QStringLiteral("hub.bench.1")});
    clock.advance(60 * 1000);
    CHECK(missed == QStringList{QStringLiteral("hub.bench.1"), QStringLiteral("hub.bench.2")});
    CHECK(escalated.isEmpty());
    // Five minutes after they ran out, deadlines 1 and 2 escalate; nothing is announced twice.
    clock.advance(4 * 60 * 1000);
    CHECK(escalated == QStringList{QStringLiteral("hub.bench.1"), QStringLiteral("hub.bench.2")});
    CHECK(missed.size() == 6); // 1 to 6 (due at 11 to 16 minutes, now 17)
    // Within the hour of minute 17: deadlines 1 to 67 (due at 11 to 77 minutes).
    CHECK(statusText(window, "deadlineCount") == QStringLiteral("67 deadlines within the hour"));
    clearDeadline(tp, QStringLiteral("hub.bench.1"));
    REQUIRE(waitUntil([&] { return window.deadlines()->size() == many - 1; }));
    clock.advance(60 * 1000);
    CHECK(escalated.size() == 3);
    CHECK(escalated.last() == QStringLiteral("hub.bench.3"));
    CHECK(missed.size() == 7);
    // One set now into the long past (a desk that was away sends its own late) is still announced.
    publishDeadline(tp, QStringLiteral("hub.late"), QStringLiteral("Late"), clock.now().addSecs(-3600));
    REQUIRE(waitUntil([&] { return missed.size() == 8; }));
    CHECK(missed.last() == QStringLiteral("hub.late"));
    CHECK(escalated.last() == QStringLiteral("hub.late"));
}

TEST_CASE("Deadlines show only to those who may see their module's records", "[shell][deadlines]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    Language language;
    REQUIRE(language.set(QStringLiteral("en")));
    const QDateTime now = tp->clock().now();
    publishDeadline(tp, QStringLiteral("hub.incident.1.response"), QStringLiteral("Response to incident 1"), now.addSecs(600));
    await(tp->store().write(WriteContext{QStringLiteral("case_management"), QStringLiteral("system"), {}}, [=](WriteTransaction& txn) {
        txn.publish(EventDraft{QStringLiteral("deadline.set"),
                               QJsonObject{{QStringLiteral("key"), QStringLiteral("case_management.case.7.custody")},
                                           {QStringLiteral("title"), QStringLiteral("Custody limit, case 7")},
                                           {QStringLiteral("due"), now.addSecs(900).toString(Qt::ISODateWithMs)},
                                           {QStringLiteral("module"), QStringLiteral("case_management")}},
                               1, {}, {}, {}});
    }));
    signInAs(tp, QStringLiteral("clerk"), QStringLiteral("case_management_operator"));
    MainWindow window(*tp);
    REQUIRE(waitUntil([&] { return window.deadlines()->isLoaded(); }));
    CHECK(statusText(window, "deadlineCount") == QStringLiteral("1 deadline within the hour"));
    QDockWidget* dock = window.openPanel(QStringLiteral("shell.deadlines"));
    REQUIRE(dock);
    auto* list = dock->widget()->findChild<QListWidget*>(QStringLiteral("deadlines"));
    REQUIRE(list->count() == 1);
    CHECK(list->item(0)->text().contains(QStringLiteral("Custody limit, case 7")));
    // A hub supervisor sees every centre's, the hub's first (due sooner).
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("hub_supervisor"));
    REQUIRE(waitUntil([&] { return list->count() == 2; }));
    CHECK(list->item(0)->text().contains(QStringLiteral("incident 1")));
    CHECK(statusText(window, "deadlineCount") == QStringLiteral("2 deadlines within the hour"));
    // A basic control operator, none.
    signInAs(tp, QStringLiteral("beat"), QStringLiteral("basic_control_operator"));
    REQUIRE(waitUntil([&] { return list->count() == 0; }));
    // Nobody signed in: nothing.
    tp->session().clear();
    REQUIRE(waitUntil([&] { return statusText(window, "deadlineCount") == QStringLiteral("0 deadlines within the hour"); }));
}

TEST_CASE("The outbox panel shows a conflict and the operator decides it there", "[shell][outbox][sqlite]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("alice"), QStringLiteral("hub_supervisor"));
    MainWindow window(*tp);
    QDockWidget* dock = window.openPanel(QStringLiteral("shell.outbox"));
    REQUIRE(dock);
    auto* panel = qobject_cast<OutboxPanel*>(dock->widget());
    REQUIRE(panel);
    REQUIRE(waitUntil([&] { return panel->findChild<QLabel*>()->text().contains(QStringLiteral("on the server")); }));

    RowChange create;
    create.table = QStringLiteral("hub_incidents");
    create.values = {{QStringLiteral("number"), QStringLiteral("2026-77")}, {QStringLiteral("priority"), 2},
                     {QStringLiteral("category"), QStringLiteral("theft")}, {QStringLiteral("source"), QStringLiteral("call")},
                     {QStringLiteral("summary"), QStringLiteral("Bicycle")}, {QStringLiteral("created_at"), 0},
                     {QStringLiteral("updated_at"), 0}};
    create.topic = QStringLiteral("incident.created");
    create.summary = QStringLiteral("New incident 2026-77");
    const ChangeResult created = await(tp->outbox().submit(create));
    auto edit = [&](qint64 priority, const QString& actor) {
        RowChange change;
        change.table = QStringLiteral("hub_incidents");
        change.key = created.key;
        change.baseVersion = 1;
        change.values = {{QStringLiteral("priority"), priority}};
        change.topic = QStringLiteral("incident.updated");
        change.actor = actor;
        change.summary = QStringLiteral("Priority P%1 by %2").arg(priority).arg(actor);
        return change;
    };
    await(tp->outbox().submit(edit(1, QStringLiteral("bob"))));
    REQUIRE(await(tp->outbox().submit(edit(3, QStringLiteral("alice")))).outcome == ChangeResult::Outcome::Conflict);
    REQUIRE(waitUntil([&] { return panel->list()->count() == 1; }));
    CHECK(panel->list()->item(0)->text().contains(QStringLiteral("Priority P3 by alice")));
    CHECK(panel->list()->item(0)->text().contains(QStringLiteral("someone else changed it first")));
    REQUIRE(panel->keepButton()->isEnabled());
    // Someone else, not a supervisor, may not decide on alice's change.
    const Principal alice = tp->session().principal();
    signInAs(tp, QStringLiteral("dave"), QStringLiteral("basic_control_operator"));
    panel->refresh();
    REQUIRE(waitUntil([&] { return panel->list()->count() == 1 && !panel->keepButton()->isEnabled(); }));
    CHECK_FALSE(panel->discardButton()->isEnabled());
    CHECK(panel->keepButton()->toolTip().contains(QStringLiteral("alice")));
    tp->session().setPrincipal(alice);
    panel->refresh();
    REQUIRE(waitUntil([&] { return panel->keepButton()->isEnabled(); }));
    QTest::mouseClick(panel->keepButton(), Qt::LeftButton);
    REQUIRE(waitUntil([&] { return panel->list()->count() == 0; }));
    CHECK(tp->outbox().waiting() == 0);
    CHECK(await(tp->store().read([key = created.key](Sql& sql) {
              return sql.scalar(QStringLiteral("SELECT priority FROM hub_incidents WHERE id = ?"), {key});
          })).toInt()
          == 3);
}

TEST_CASE("Closing the desk keeps its arrangement, and the user's next desk comes back as it was", "[shell][workspace]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("clerk"), QStringLiteral("case_management_operator"));
    {
        MainWindow window(*tp);
        window.restoreWorkspace();
        CHECK(window.currentWorkspace() == Workspace::operatorDefault());
        REQUIRE(window.panelDock(QStringLiteral("shell.deadlines")));
        CHECK(window.panelDock(QStringLiteral("shell.deadlines"))->isVisible());
        window.panelDock(QStringLiteral("shell.deadlines"))->hide();
        REQUIRE(window.openPanel(QStringLiteral("shell.clock")));
        window.close();
    }
    MainWindow again(*tp);
    again.restoreWorkspace();
    CHECK(again.currentWorkspace() == Workspace::operatorDefault());
    REQUIRE(again.panelDock(QStringLiteral("shell.clock")));
    CHECK(again.panelDock(QStringLiteral("shell.clock"))->isVisible());
    CHECK((!again.panelDock(QStringLiteral("shell.deadlines")) || again.panelDock(QStringLiteral("shell.deadlines"))->isHidden()));
    // Reset from the palette: the built-in arrangement again.
    runPaletteCommand(again, QStringLiteral("reset workspace"));
    REQUIRE(again.panelDock(QStringLiteral("shell.deadlines")));
    CHECK(again.panelDock(QStringLiteral("shell.deadlines"))->isVisible());
    CHECK(again.panelDock(QStringLiteral("shell.clock"))->isHidden());
}
