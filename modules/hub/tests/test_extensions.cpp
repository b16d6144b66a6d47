// The hub through the extension points the shell and the training use without knowing it: its rail
// badge, and how its events read on timelines, in notifications and in a scenario's record.
#include "testsupport.h"
#include "shelltest.h"

#include "bus/eventbus.h"
#include "commandpalette.h"
#include "hexhub/hub/camera.h"
#include "hexhub/hub/hubservices.h"
#include "mainwindow.h"
#include "modulerail.h"
#include "module/modulemanager.h"
#include "notifications.h"
#include "railbadges.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStatusBar>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::shell;

namespace {

const GeoPoint kTower{31.2304, 121.4737};

Incident report(TestPlatform& tp, int priority, const QString& summary)
{
    IncidentService incidents(tp->store(), tp->session(), tp->audit());
    NewIncident n;
    n.priority = priority;
    n.category = QStringLiteral("rooftop_rescue");
    n.summary = summary;
    n.location.point = kTower;
    return await(incidents.create(n));
}

} // namespace

TEST_CASE("Hub rail badge: the incidents waiting for a unit, kept live, and only for those who may see them",
          "[hubviews][extensions]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    UnitService units(tp->store(), tp->session(), tp->audit());
    await(units.save(unitNear(QStringLiteral("P-11"), UnitKind::PatrolCar, kTower, 0.8)));
    MainWindow window(*tp);
    RailBadges* badges = window.railBadges();
    REQUIRE(badges);
    QList<std::pair<QString, int>> seen;
    QObject::connect(badges, &RailBadges::updated, badges,
                     [&seen](const QString& id, int count) { seen.append({id, count}); });
    // The hub's latest count (the centres' badges update too).
    const auto hubBadgeIs = [&](int expected) {
        return waitUntil([&] {
            for (qsizetype i = seen.size() - 1; i >= 0; --i)
                if (seen[i].first == QLatin1String("hub"))
                    return seen[i].second == expected;
            return false;
        });
    };
    REQUIRE(waitUntil([&] { return badges->applied() > 0; }));
    CHECK(hubBadgeIs(0));

    // Two calls come in: two incidents wait; one is dispatched: one waits.
    const Incident first = report(tp, 1, QStringLiteral("Two people on a roof edge"));
    report(tp, 3, QStringLiteral("Bicycle stolen"));
    CHECK(hubBadgeIs(2));
    IncidentService incidents(tp->store(), tp->session(), tp->audit());
    await(incidents.dispatch(first.id, {QStringLiteral("P-11")}));
    CHECK(hubBadgeIs(1));

    // A centre's operator may not see the hub's incidents: no count for them.
    signInAs(tp, QStringLiteral("cases1"), QStringLiteral("case_management_operator"));
    CHECK(hubBadgeIs(0));
    // Back to a supervisor: the count comes back without any new event.
    signInAs(tp, QStringLiteral("sup2"), QStringLiteral("hub_supervisor"));
    CHECK(hubBadgeIs(1));
    // What the operator sees: the number on the hub's rail button.
    auto* rail = window.findChild<ModuleRail*>();
    REQUIRE(rail);
    CHECK(rail->badge(QStringLiteral("hub")) == 1);
}

TEST_CASE("Hub events read through the module manager: timelines, notifications and a scenario's record",
          "[hubviews][extensions]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    NotificationCenter notes(tp->bus(), tp->store(), tp->outbox(), tp->modules());
    QList<Event> created;
    tp->bus().subscribe(QStringLiteral("incident.created"), &notes, [&created](const Event& e) { created << e; });

    const Incident p1 = report(tp, 1, QStringLiteral("Two people on a roof edge"));
    REQUIRE(waitUntil([&] { return !created.isEmpty() && !notes.all().isEmpty(); }));
    const EventDescription described = tp->modules().describe(created.first());
    CHECK(described.text == QStringLiteral("Incident %1 created: P1, Two people on a roof edge").arg(p1.number));
    CHECK(described.notify == EventDescription::Notify::Priority);
    const Notification& priority = notes.all().last();
    CHECK(priority.level == Notification::Level::Priority);
    CHECK(priority.title == QStringLiteral("Priority 1 incident %1").arg(p1.number));
    CHECK(priority.text == QStringLiteral("Two people on a roof edge"));

    // A P3 is worth a notification, not an alarm.
    const Incident p3 = report(tp, 3, QStringLiteral("Bicycle stolen"));
    REQUIRE(waitUntil([&] { return notes.all().size() == 2; }));
    CHECK(notes.all().last().level == Notification::Level::Important);
    CHECK(notes.all().last().title == QStringLiteral("New incident %1").arg(p3.number));

    // A note is on the timeline, described, but no notification.
    IncidentService incidents(tp->store(), tp->session(), tp->audit());
    await(incidents.addNote(p3.id, QStringLiteral("Caller rang again")));
    const QList<TimelineEntry> timeline = await(incidents.timeline(p3.id));
    REQUIRE(timeline.size() >= 2);
    CHECK(std::all_of(timeline.begin(), timeline.end(), [](const TimelineEntry& e) { return !e.text.isEmpty(); }));
    QTest::qWait(50);
    CHECK(notes.all().size() == 2);

    // An event whose source module does not describe it (or is not there) reads as nothing here:
    // the caller falls back to its topic.
    Event foreign;
    foreign.topic = QStringLiteral("property.seized"); // not (yet) one the centre describes
    foreign.source = QStringLiteral("case_management");
    CHECK(tp->modules().describe(foreign).isEmpty());
    foreign.source = QStringLiteral("no_such_module");
    CHECK(tp->modules().describe(foreign).isEmpty());

    // An exercise inject names the module that handles it by its name, not its id.
    await(tp->store().write(WriteContext{QStringLiteral("training"), QStringLiteral("trainer"), {}}, [](WriteTransaction& txn) {
        txn.publish(EventDraft{QStringLiteral("training.injected"),
                               QJsonObject{{QStringLiteral("label"), QStringLiteral("Custody check overdue")},
                                           {QStringLiteral("handledBy"), QStringLiteral("case_management")}},
                               1, {}, {}, {}});
    }));
    REQUIRE(waitUntil([&] { return notes.all().size() == 3; }));
    CHECK(notes.all().last().title == QStringLiteral("Exercise: Custody check overdue"));
    CHECK(notes.all().last().text == QStringLiteral("Handled by: Case management"));
}

TEST_CASE("Hub records open from anywhere: Ctrl+K finds an incident by its number or its words, Enter opens it on the board",
          "[hubviews][extensions]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    const Incident roof = report(tp, 1, QStringLiteral("Two people on a roof edge"));
    const Incident bike = report(tp, 3, QStringLiteral("Bicycle stolen outside the library"));
    MainWindow window(*tp);
    window.resize(1400, 850);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);

    // By its number, typed in the palette: the hit comes after the commands, Enter opens it.
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    CommandPalette* palette = window.palette();
    REQUIRE(waitUntil([&] { return palette->isVisible(); }));
    auto* filter = palette->findChild<QLineEdit*>(QStringLiteral("filter"));
    REQUIRE(filter);
    QTest::keyClicks(filter, bike.number);
    const QString bikeTitle = QStringLiteral("Incident %1 - P3, new: Bicycle stolen outside the library").arg(bike.number);
    REQUIRE(waitUntil([&] { return palette->shownTitles().contains(bikeTitle); }));
    CHECK(palette->shownTitles().filter(QStringLiteral("Incident ")).size() == 1);
    auto* list = palette->findChild<QListWidget*>(QStringLiteral("commands"));
    for (int i = 0; i < list->count() && list->currentItem()->text() != bikeTitle; ++i)
        QTest::keyClick(filter, Qt::Key_Down); // past the commands whose titles match too
    REQUIRE(list->currentItem()->text() == bikeTitle);
    QTest::keyClick(filter, Qt::Key_Return);
    QLabel* title = nullptr;
    REQUIRE(waitUntil([&] {
        auto* panel = window.findChild<QWidget*>(QStringLiteral("hub.incidentPanel"));
        title = panel ? panel->findChild<QLabel*>(QStringLiteral("title")) : nullptr;
        return title != nullptr;
    }));
    REQUIRE(waitUntil([&] { return title->text().contains(bike.number); }));

    // By its words: the newest matching incident first.
    window.showPalette();
    filter->setText(QStringLiteral("roof edge"));
    const QString roofTitle = QStringLiteral("Incident %1 - P1, new: Two people on a roof edge").arg(roof.number);
    REQUIRE(waitUntil([&] { return palette->shownTitles().contains(roofTitle); }));
    CHECK_FALSE(palette->shownTitles().contains(bikeTitle));
    filter->setText(QStringLiteral("no such words anywhere"));
    REQUIRE(waitUntil([&] { return palette->searchesAnswered() >= 3; }));
    CHECK(palette->shownTitles().filter(QStringLiteral("Incident ")).isEmpty());
    QTest::keyClick(filter, Qt::Key_Escape);

    // Opened through the module manager, as a link on another module's record opens it.
    CHECK(tp->modules().openRecord(QStringLiteral("incident"), roof.number).isEmpty());
    REQUIRE(waitUntil([&] { return title->text().contains(roof.number); }));
    // A kind no module here owns, and an incident that is not there, say why.
    CHECK(tp->modules().openRecord(QStringLiteral("seized_item"), QStringLiteral("2026-0042")).contains(QStringLiteral("'seized_item'")));
    CHECK_FALSE(window.openRecord(QStringLiteral("incident"), QStringLiteral("not a number")));
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("Hub")));

    // Someone who may not see incidents finds none.
    signInAs(tp, QStringLiteral("cases1"), QStringLiteral("case_management_operator"));
    CHECK(await(tp->store().read([n = roof.number, viewer = tp->session().principal()](Sql& sql) {
              return searchIncidents(sql, n, viewer, 8);
          })).isEmpty());
}

TEST_CASE("Hub pictures: --screenshots gets the video wall from the hub, cameras registered through its service",
          "[hubviews][extensions]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    // The hub's among the modules' pictures (a centre brings its own).
    auto pictures = tp->modules().pictures();
    pictures.removeIf([](const auto& p) { return p.first != QLatin1String("hub"); });
    REQUIRE(pictures.size() == 1);
    const QList<ModulePicture> made = pictures.first().second.prepare(tp->store(), tp->session(), tp->audit());
    REQUIRE(made.size() == 1);
    const ModulePicture& wall = made.first();
    CHECK(wall.name == QStringLiteral("video-wall-9"));
    CHECK(wall.panels == QStringList{QStringLiteral("hub.video")});
    const QJsonObject state = wall.viewStates.value(QStringLiteral("hub.video"));
    CHECK(state.value(QStringLiteral("layout")).toString() == QStringLiteral("3x3"));
    CHECK(state.value(QStringLiteral("tiles")).toArray().size() == 9);
    // Registered as a supervisor would, through the camera service: saved, journaled and audited.
    CameraService cameras(tp->store(), tp->session(), tp->audit());
    CHECK(await(cameras.cameras()).size() == 9);
    CHECK(await(tp->store().read([](Sql& sql) {
              return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'camera.saved'")).toInt();
          })) == 9);
    // Asked again (the next language), the same cameras are renamed, not added twice.
    pictures.first().second.prepare(tp->store(), tp->session(), tp->audit());
    CHECK(await(cameras.cameras()).size() == 9);

    // The view takes the state the picture gives it.
    MainWindow window(*tp);
    window.show();
    QWidget* video = window.openView(QStringLiteral("hub.video"));
    REQUIRE(video);
    CHECK(QMetaObject::invokeMethod(video, "restoreViewState", Q_ARG(QJsonObject, state)));
}
