// Demo and training mode on the desk: the banner on every window, exercise marks, the demo store,
// the role switcher, the trainer console and the after-action review with its PDF.
#include "shelltest.h"

#include "demodesk.h"
#include "mainwindow.h"
#include "notifications.h"
#include "review.h"
#include "trainerconsole.h"
#include "trainingbanner.h"

#include "security/accesscontrol.h"
#include "base/clock.h"
#include "demosimulation.h"
#include "demostore.h"
#include "module/demodata.h"
#include "hexhub/hub/hubservices.h"
#include "scenariorun.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <QComboBox>
#include <QDir>
#include <QSqlQuery>
#include <QDialog>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;

namespace {

// Pages in a PDF file: its page objects ("/Type /Page", not "/Pages").
int pdfPages(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray pdf = f.readAll();
    if (!pdf.startsWith("%PDF-"))
        return -1;
    return int(QString::fromLatin1(pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?![s\\w])"))));
}

// An incident reported at the district's centre by whoever is signed in.
Incident report(TestPlatform& tp, int priority, const QString& summary)
{
    IncidentService incidents(tp->store(), tp->session(), tp->audit());
    NewIncident n;
    n.priority = priority;
    n.category = QStringLiteral("rooftop_rescue");
    n.summary = summary;
    n.location.point = GeoPoint{31.2304, 121.4737};
    return await(incidents.create(n));
}

// The payload of the first incident.created event in the journal.
QString firstCreatedPayload(TestPlatform& tp)
{
    return await(tp->store().read([](Sql& sql) {
        return sql.scalar(QStringLiteral("SELECT payload FROM events WHERE topic = 'incident.created' ORDER BY seq")).toString();
    }));
}

ScenarioReport syntheticReport(int actions)
{
    ScenarioReport r;
    r.scenarioId = QStringLiteral("rooftop-rescue");
    r.title.en = QStringLiteral("Rooftop rescue");
    r.title.translations.insert(QStringLiteral("zh_CN"), QStringLiteral("天台救援"));
    r.trainee = QStringLiteral("demo.hub_supervisor");
    r.trainer = QStringLiteral("demo.trainer");
    r.startedAt = QDateTime(QDate(2026, 7, 14), QTime(14, 0), Qt::UTC);
    r.endedAt = r.startedAt.addSecs(1800);
    r.durationMs = 1800 * 1000;
    r.finished = true;
    const ScenarioOutcome outcomes[] = {ScenarioOutcome::Met, ScenarioOutcome::Late, ScenarioOutcome::Missed};
    for (int i = 0; i < 3; ++i) {
        ScenarioScore s;
        s.expectationId = QStringLiteral("e%1").arg(i);
        s.label.en = QStringLiteral("Expected response %1").arg(i);
        s.outcome = outcomes[i];
        s.windowFromMs = i * 60000;
        s.windowToMs = s.windowFromMs + 180000;
        s.responseMs = s.outcome == ScenarioOutcome::Missed ? -1 : (i + 1) * 120000;
        r.scores << s;
    }
    r.met = r.late = r.missed = 1;
    r.scorePercent = 50;
    for (int i = 0; i < actions; ++i) {
        ScenarioTimelineEntry e;
        e.kind = i % 3 == 0 ? ScenarioTimelineEntry::Kind::Inject : ScenarioTimelineEntry::Kind::Action;
        e.offsetMs = qint64(i) * 1800 * 1000 / std::max(1, actions);
        e.topic = QStringLiteral("incident.note");
        e.text = QStringLiteral("Step %1 of the exercise").arg(i);
        e.actor = QStringLiteral("demo.hub_supervisor");
        r.timeline << e;
    }
    ScenarioTimelineEntry note;
    note.kind = ScenarioTimelineEntry::Kind::Annotation;
    note.offsetMs = 600000;
    note.text = QStringLiteral("Drone late: the pilot was on another call");
    note.actor = r.trainer;
    r.annotations << note;
    r.timeline << note;
    return r;
}

} // namespace

TEST_CASE("Demo mode puts the training banner on every window and none on popups", "[shell][training]")
{
    shell::TrainingBanner banner;
    QMainWindow main;
    main.show();
    QDialog dialog;
    dialog.setStyleSheet(QStringLiteral("* { color: #f0f0f0; }")); // light type, as on a wall
    auto* column = new QVBoxLayout(&dialog);
    column->addWidget(new QLabel(QStringLiteral("content")));
    dialog.show();
    QWidget bare;
    bare.resize(400, 300);
    bare.show();
    QMenu menu;
    menu.addAction(QStringLiteral("one"));
    menu.popup(QPoint(10, 10));

    for (QWidget* w : std::initializer_list<QWidget*>{&main, &dialog, &bare}) {
        shell::TrainingStrip* strip = shell::TrainingBanner::stripOf(w);
        REQUIRE(strip);
        CHECK(strip->text() == QStringLiteral("Training - synthetic data"));
        CHECK(strip->isVisible());
    }
    CHECK(main.menuWidget() == shell::TrainingBanner::stripOf(&main));
    CHECK(column->itemAt(0)->widget() == shell::TrainingBanner::stripOf(&dialog));
    // Dark on amber even where the window's style sheet makes type light.
    auto* text = shell::TrainingBanner::stripOf(&dialog)->findChild<QLabel*>(QStringLiteral("trainingStripText"));
    REQUIRE(text);
    text->ensurePolished();
    CHECK(text->palette().color(QPalette::WindowText).lightness() < 60);
    // A band over a window without a column: as wide as the window, and it follows its size.
    bare.resize(640, 300);
    QCoreApplication::processEvents();
    CHECK(shell::TrainingBanner::stripOf(&bare)->width() == 640);
    CHECK(shell::TrainingBanner::stripOf(&menu) == nullptr);

    // A panel torn off the main window gets the strip on top of its content while it floats.
    auto* dock = new QDockWidget(QStringLiteral("panel"), &main);
    auto* content = new QWidget;
    auto* inner = new QVBoxLayout(content);
    inner->addWidget(new QLabel(QStringLiteral("panel content")));
    dock->setWidget(content);
    main.addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->show();
    CHECK(shell::TrainingBanner::stripOf(dock) == nullptr);
    dock->setFloating(true);
    REQUIRE(waitUntil([&] { return shell::TrainingBanner::stripOf(dock) && shell::TrainingBanner::stripOf(dock)->isVisible(); }));
    CHECK(inner->itemAt(0)->widget() == shell::TrainingBanner::stripOf(dock));
    dock->setFloating(false);
    REQUIRE(waitUntil([&] { return !shell::TrainingBanner::stripOf(dock)->isVisible(); }));
}

TEST_CASE("On a training store every event is marked as an exercise, and so is the notification", "[shell][training]")
{
    auto config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
    config.exercise = true;
    TestPlatform tp(config);
    tp.start();
    signInAs(tp, QStringLiteral("desk1"), QStringLiteral("hub_supervisor"));
    shell::NotificationCenter notes(tp->bus(), tp->store(), tp->outbox(), tp->modules());
    const Incident made = report(tp, 1, QStringLiteral("Two people on a roof edge"));
    REQUIRE(waitUntil([&] { return !notes.all().isEmpty(); }));
    CHECK(notes.all().last().title.startsWith(QStringLiteral("Exercise: ")));
    CHECK(firstCreatedPayload(tp).contains(QStringLiteral("\"exercise\":true")));
    CHECK(made.id > 0);
}

TEST_CASE("A live store's events carry no exercise mark", "[shell][training]")
{
    TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
    tp.start();
    signInAs(tp, QStringLiteral("desk1"), QStringLiteral("hub_supervisor"));
    report(tp, 3, QStringLiteral("Bicycle stolen"));
    CHECK_FALSE(firstCreatedPayload(tp).contains(QStringLiteral("exercise")));
}

TEST_CASE("The demo store is made on first use, found again after, and live data is refused", "[shell][training]")
{
    SECTION("an empty store becomes a demo store with a demo user per role")
    {
        TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
        tp.start();
        const DemoStoreState first = await(DemoStore::open(*tp, 300, 7), 120000);
        CHECK(first.generated);
        CHECK(first.incidents == 300);
        CHECK(await(DemoStore::isDemoStore(*tp)));
        const qint64 count = await(tp->store().read([](Sql& sql) {
            return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_incidents")).toLongLong();
        }));
        CHECK(count == 300);
        const DemoStoreState again = await(DemoStore::open(*tp, 300, 7), 60000);
        CHECK_FALSE(again.generated);
        CHECK(again.seed == 7);
        CHECK(again.resumeAt >= first.resumeAt);
        for (const QString& role : AccessControl::builtinRoles()) {
            const Principal p = await(DemoStore::signIn(*tp, role));
            CHECK(p.isValid());
            CHECK(p.roles.contains(role));
        }
    }
    SECTION("the demo keeps its own time: what a first start records is stamped with the demo's clock, and the next "
            "start takes up from there, not from the machine's date")
    {
        TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
        tp.start();
        // The machine's date is long after the demo's history ends (as on a desk started today).
        auto& clock = static_cast<SimulatedClock&>(tp->clock());
        clock.jumpTo(DemoOptions::defaultEnd().addDays(187));
        const DemoStoreState first = await(DemoStore::open(*tp, 50, 11), 120000);
        REQUIRE(first.generated);
        CHECK(first.resumeAt == DemoOptions::defaultEnd());
        const auto latest = [&](const QString& sql) {
            return QDateTime::fromMSecsSinceEpoch(await(tp->store().read([sql](Sql& q) { return q.scalar(sql).toLongLong(); })), Qt::UTC);
        };
        // The demo's making and its users' creation, journaled and audited, at the demo's time.
        CHECK(latest(QStringLiteral("SELECT MAX(occurred_at) FROM events")) < first.resumeAt.addSecs(3600));
        CHECK(latest(QStringLiteral("SELECT MAX(at) FROM audit_log")) < first.resumeAt.addSecs(3600));
        // A second start takes up where the first left off.
        clock.jumpTo(DemoOptions::defaultEnd().addDays(200));
        const DemoStoreState again = await(DemoStore::open(*tp, 50, 11), 60000);
        CHECK(again.resumeAt < first.resumeAt.addSecs(3600));
        CHECK(again.resumeAt >= first.resumeAt);
    }
    SECTION("a store set up for live work is refused even before its first incident")
    {
        TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
        tp.start();
        signInAs(tp, QStringLiteral("chief"), QStringLiteral("administrator"));
        CHECK(failureOf(DemoStore::open(*tp, 100, 1)).contains(QStringLiteral("set up for live work")));
        CHECK_FALSE(await(DemoStore::isDemoStore(*tp)));
        CHECK(await(tp->store().read([](Sql& sql) {
            return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE name LIKE 'demo.%'")).toLongLong();
        })) == 0);
    }
    SECTION("a store with incidents and no demo mark is refused, untouched")
    {
        TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
        tp.start();
        signInAs(tp, QStringLiteral("desk1"), QStringLiteral("hub_supervisor"));
        report(tp, 3, QStringLiteral("A live incident"));
        const QString why = failureOf(DemoStore::open(*tp, 100, 1));
        CHECK(why.contains(QStringLiteral("not a demo store")));
        const qint64 count = await(tp->store().read([](Sql& sql) {
            return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_incidents")).toLongLong();
        }));
        CHECK(count == 1);
        CHECK_FALSE(await(DemoStore::isDemoStore(*tp)));
    }
}

TEST_CASE("The role switcher shows the desk through another role's eyes", "[shell][training]")
{
    TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
    tp.start();
    await(DemoStore::open(*tp, 50, 3), 120000);
    tp->session().setPrincipal(await(DemoStore::signIn(*tp, QStringLiteral("trainer"))));
    shell::MainWindow window(*tp);
    window.show();
    shell::RoleSwitcher switcher(*tp);
    QSignalSpy switched(&switcher, &shell::RoleSwitcher::switched);
    switcher.switchTo(QStringLiteral("supervision_operator"));
    REQUIRE(waitUntil([&] { return switched.count() == 1; }));
    CHECK(tp->session().principal().name == DemoStore::userName(QStringLiteral("supervision_operator")));
    CHECK(switcher.currentData().toString() == QStringLiteral("supervision_operator"));
    // The windows stay; what the new role may not use is closed to it.
    CHECK_FALSE(window.showModule(QStringLiteral("hub")));
    CHECK(window.showModule(QStringLiteral("supervision")));
    switcher.switchTo(QStringLiteral("hub_supervisor"));
    REQUIRE(waitUntil([&] { return switched.count() == 2; }));
    CHECK(window.showModule(QStringLiteral("hub")));
}

TEST_CASE("The after-action review exports a PDF whose pages hold the whole run", "[shell][training]")
{
    QTemporaryDir dir;
    const QString shortPath = dir.filePath(QStringLiteral("short.pdf"));
    QString error;
    const int shortPages = training::exportReviewPdf(syntheticReport(6), shortPath, &error);
    INFO(error.toStdString());
    REQUIRE(shortPages >= 1);
    CHECK(pdfPages(shortPath) == shortPages);
    // A long exercise runs over more pages, each counted in the file.
    const QString longPath = dir.filePath(QStringLiteral("long.pdf"));
    const int longPages = training::exportReviewPdf(syntheticReport(240), longPath, &error);
    CHECK(longPages > shortPages);
    CHECK(pdfPages(longPath) == longPages);
    // A folder that cannot be written: a message, and nothing left behind.
    const QString bad = dir.filePath(QStringLiteral("missing/folder/review.pdf"));
    CHECK(training::exportReviewPdf(syntheticReport(6), bad, &error) == 0);
    CHECK_FALSE(error.isEmpty());
    CHECK_FALSE(QFile::exists(bad));

    training::ReviewView view(syntheticReport(6));
    CHECK(view.scores()->rowCount() == 3);
    CHECK(view.scores()->item(0, 3)->text() == scenarioOutcomeName(ScenarioOutcome::Met));
    CHECK(view.scores()->item(2, 3)->text() == scenarioOutcomeName(ScenarioOutcome::Missed));
    CHECK(view.timeline()->rowCount() == 7);
    CHECK(view.exportPdfTo(dir.filePath(QStringLiteral("view.pdf"))));
    // The button's way: the pages written by a worker, the view told when they are.
    QSignalSpy exported(&view, &training::ReviewView::exported);
    view.exportPdfInBackground(dir.filePath(QStringLiteral("background.pdf")));
    REQUIRE(waitUntil([&] { return exported.count() == 1; }, 20000));
    CHECK(exported.first().at(0).toInt() == pdfPages(dir.filePath(QStringLiteral("background.pdf"))));
    CHECK(exported.first().at(0).toInt() >= 1);
}

TEST_CASE("The trainer console runs a scenario: start, speed, jumps, injects, notes and the review", "[shell][training]")
{
    auto config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
    config.exercise = true; // a training store: runs refuse any other
    TestPlatform tp(config);
    tp.start();
    signInAs(tp, QStringLiteral("desk1"), QStringLiteral("hub_supervisor"));
    const Principal trainee = tp->session().principal();
    signInAs(tp, QStringLiteral("coach"), QStringLiteral("trainer"));
    auto* clock = qobject_cast<SimulatedClock*>(&tp->clock());
    REQUIRE(clock);

    training::TrainerConsole console(*tp);
    console.resize(900, 700);
    console.show();
    REQUIRE(console.loadScenario(QStringLiteral(":/hexhub/scenarios/rooftop-rescue.json")));
    REQUIRE(waitUntil([&] { return console.traineeBox()->findData(QStringLiteral("desk1")) >= 0; }));
    console.setTrainee(QStringLiteral("desk1"));
    console.setSpeed(60);
    CHECK(clock->rate() == 60);
    REQUIRE(console.startRun());
    ScenarioRun* run = console.run();
    REQUIRE(run);

    // The first injects arrive as the clock is moved on.
    console.jump(5 * 60 * 1000);
    REQUIRE(waitUntil([&] { return !run->isBusy() && console.timeline()->rowCount() >= 2; }, 20000));
    CHECK(console.expectations()->rowCount() == run->scenario().expectations.size());

    // The trainer's own inject, bad then good: problems are said, nothing runs; then it runs.
    const int before = console.timeline()->rowCount();
    CHECK_FALSE(console.injectJson(QStringLiteral("{\"kind\": \"event\", \"at\": \"soon\"}")));
    CHECK(console.message()->text().contains(QStringLiteral("topic")));
    const bool injected = console.injectJson(QStringLiteral(
        "{\"kind\": \"event\", \"topic\": \"weather.changed\", \"payload\": {\"temperature\": 38}, \"label\": \"Heat rises to 38 degrees\", \"handledBy\": \"hub\"}"));
    INFO(console.message()->text().toStdString());
    CHECK(injected);
    REQUIRE(waitUntil([&] { return !run->isBusy() && console.timeline()->rowCount() > before; }));

    // A trainee's action shows up as it happens.
    const qint64 rooftop = run->incidentId(QStringLiteral("rooftop"));
    if (rooftop > 0) {
        const Principal coach = tp->session().principal();
        tp->session().setPrincipal(trainee);
        IncidentService incidents(tp->store(), tp->session(), tp->audit());
        await(incidents.addNote(rooftop, QStringLiteral("Negotiators on their way")));
        tp->session().setPrincipal(coach);
        REQUIRE(waitUntil([&] {
            for (int r = 0; r < console.timeline()->rowCount(); ++r) {
                if (console.timeline()->item(r, 3)->text() == QStringLiteral("desk1"))
                    return true;
            }
            return false;
        }));
    }
    CHECK(console.annotate(QStringLiteral("Good call on the air cushion")));
    CHECK(run->report().annotations.size() == 1);

    console.jumpToNext();
    console.jump(60 * 60 * 1000);
    REQUIRE(waitUntil([&] { return run->state() == ScenarioRun::State::Finished && !run->isBusy(); }, 30000));
    // One jump far past the end: every inject due before the end still ran, in order.
    const ScenarioReport report = run->report();
    for (const ScenarioInject& inject : run->scenario().injects) {
        CHECK(std::any_of(report.timeline.begin(), report.timeline.end(),
                          [&](const ScenarioTimelineEntry& e) { return e.id == inject.id; }));
    }
    training::ReviewDialog* review = console.openReview();
    REQUIRE(review);
    CHECK(review->view()->scores()->rowCount() == run->scenario().expectations.size());
    QTemporaryDir dir;
    CHECK(review->view()->exportPdfTo(dir.filePath(QStringLiteral("rooftop.pdf"))));
    CHECK(pdfPages(dir.filePath(QStringLiteral("rooftop.pdf"))) >= 1);
    review->close();
}

TEST_CASE("hexhub --demo: the demo desk opens its own store, the banner, the console and a live simulation", "[shell][training]")
{
    QTemporaryDir folder;
    PlatformOptions options = shell::DemoFolder::in(folder.path()).apply({});
    options.modulePaths = {QStringLiteral(HEXHUB_MODULE_DIR)};
    CHECK(options.exercise);
    CHECK(options.store.path == QDir(folder.path()).filePath(QStringLiteral("demo.db")));
    auto platform = std::make_unique<Platform>(options);
    auto desk = std::make_unique<shell::DemoDesk>(*platform, nullptr, shell::Theme::night(), shell::DeskSettings{}, 400);
    QSignalSpy ready(desk.get(), &shell::DemoDesk::ready);
    QSignalSpy failed(desk.get(), &shell::DemoDesk::failed);
    desk->start();
    REQUIRE(waitUntil([&] { return ready.count() + failed.count() > 0; }, 120000));
    REQUIRE(failed.isEmpty());
    CHECK(desk->state().generated);
    CHECK(platform->session().principal().name == DemoStore::userName(QStringLiteral("trainer")));

    shell::MainWindow* window = desk->window();
    REQUIRE(window);
    shell::TrainingStrip* strip = shell::TrainingBanner::stripOf(window);
    REQUIRE(strip);
    CHECK(strip->isAncestorOf(desk->roles()));
    CHECK(strip->isAncestorOf(desk->indicator()));
    QDockWidget* console = window->panelDock(QStringLiteral("training.console"));
    REQUIRE(console);
    CHECK(console->widget()->objectName() == QStringLiteral("trainerConsole")); // loaded from hexhub_training.so

    // The clock runs; two simulated hours later the district has been busy, all of it exercise.
    auto* clock = qobject_cast<SimulatedClock*>(&platform->clock());
    REQUIRE(clock);
    CHECK_FALSE(clock->isPaused());
    clock->pause();
    const qint64 before = await(platform->store().read([](Sql& sql) {
        return sql.scalar(QStringLiteral("SELECT MAX(seq) FROM events")).toLongLong();
    }));
    for (int step = 0; step < 24; ++step) {
        clock->advance(5 * 60 * 1000);
        REQUIRE(waitUntil([&] { return desk->simulation()->pendingCalls() == 0; }, 20000));
    }
    const DemoSimulationStats stats = desk->simulation()->stats();
    CHECK(stats.incidentsCreated + stats.incidentsAdopted > 0);
    CHECK(stats.dispatches > 0);
    CHECK(desk->indicator()->text().contains(QString::number(stats.incidentsCreated)));
    const QList<QString> payloads = await(platform->store().read([before](Sql& sql) {
        QList<QString> all;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT payload FROM events WHERE seq > ?"), {before});
        while (q.next())
            all << q.value(0).toString();
        return all;
    }));
    REQUIRE_FALSE(payloads.isEmpty());
    for (const QString& p : payloads)
        CHECK(p.contains(QStringLiteral("\"exercise\":true")));

    // Opened again, it picks up where it left off: no second history, the same store.
    const QDateTime left = clock->now();
    desk.reset();
    platform.reset();
    platform = std::make_unique<Platform>(options);
    desk = std::make_unique<shell::DemoDesk>(*platform, nullptr, shell::Theme::night(), shell::DeskSettings{}, 400);
    QSignalSpy again(desk.get(), &shell::DemoDesk::ready);
    desk->start();
    REQUIRE(waitUntil([&] { return again.count() > 0; }, 60000));
    CHECK_FALSE(desk->state().generated);
    CHECK(desk->state().resumeAt >= left.addSecs(-5 * 60));
    CHECK(platform->clock().now() >= desk->state().resumeAt);
    desk.reset();
}
