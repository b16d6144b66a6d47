// The live simulation of `hexhub --demo` (issue 7, section 1): incidents arriving with the day's
// rhythm, units driving the district's streets, arriving, clearing, incidents resolved and closed,
// tasks flowing to the centres and back; all through the hub's services on a simulated clock.
#include "testsupport.h"

#include "base/clock.h"
#include "module/demodata.h"
#include "module/modulemanager.h"
#include "demosimulation.h"
#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/model.h"
#include "hexhub/bigdata_investigation/modelservice.h"
#include "hexhub/bigdata_investigation/tradedemo.h"
#include "hexhub/criminal_intel/leads.h"
#include "hexhub/hub/hubservices.h"
#include "shared/roadgraph.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <functional>

using namespace hexhub;
using namespace hexhub::test;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;

QByteArray districtMap()
{
    QFile file(QStringLiteral(HEXHUB_TEST_SOURCE_DIR "/resources/district/district.geojson"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

DemoDistrict testDistrict()
{
    QString error;
    const auto district = DemoDistrict::fromGeoJson(districtMap(), &error);
    INFO(error.toStdString());
    REQUIRE(district);
    return *district;
}

RoadGraph testRoads()
{
    QString error;
    const auto roads = RoadGraph::fromGeoJson(districtMap(), &error);
    INFO(error.toStdString());
    REQUIRE(roads);
    return *roads;
}

//! A hub on a fresh store with a trainer signed in and a simulation over the district; everything
//! the simulation did, recorded from its signals.
struct Exercise
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    std::unique_ptr<IncidentService> incidents;
    std::unique_ptr<UnitService> units;
    std::unique_ptr<TaskService> tasks;
    DemoDistrict district = testDistrict();
    RoadGraph roads = testRoads();
    std::unique_ptr<DemoSimulation> sim;

    bool started = false;
    QList<std::pair<qint64, QString>> created; //!< incident id, category
    QHash<QString, QList<GeoPoint>> moved;     //!< reported positions by unit
    QStringList problems;
    QStringList log;

    explicit Exercise(quint64 seed, qint64 positionIntervalMs = 10 * 1000,
                      std::function<void(DemoSimulation::Options&)> tweak = {})
    {
        tp.start();
        signInAs(tp, QStringLiteral("coach"), QStringLiteral("trainer"));
        incidents = std::make_unique<IncidentService>(tp->store(), tp->session(), tp->audit());
        units = std::make_unique<UnitService>(tp->store(), tp->session(), tp->audit());
        tasks = std::make_unique<TaskService>(tp->store(), tp->session(), tp->audit());
        DemoSimulation::Options options;
        options.seed = seed;
        options.utcOffsetSeconds = 0; // the test's hours are UTC's
        options.positionIntervalMs = positionIntervalMs;
        // What the loaded modules bring: the hub's calls, the centres' follow-ups.
        options.shares = tp->modules().simulationShares();
        if (tweak)
            tweak(options);
        sim = std::make_unique<DemoSimulation>(tp->clock(), *incidents, *units, *tasks, district, roads, options);
        QObject::connect(sim.get(), &DemoSimulation::started, [this] { started = true; });
        QObject::connect(sim.get(), &DemoSimulation::incidentCreated,
                         [this](qint64 id, const QString& category, int) { created.append({id, category}); });
        QObject::connect(sim.get(), &DemoSimulation::unitMoved,
                         [this](const QString& callSign, const GeoPoint& p) { moved[callSign].append(p); });
        QObject::connect(sim.get(), &DemoSimulation::problem, [this](const QString& line) { problems << line; });
        QObject::connect(sim.get(), &DemoSimulation::logged, [this](const QString& line) { log << line; });
    }
    ~Exercise() { sim.reset(); }

    SimulatedClock& clock() { return static_cast<SimulatedClock&>(tp->clock()); }

    //! Every station gets patrol cars, a traffic car, liaison cars and a foot patrol, on the street
    //! by its building; plus one special response car and one drone at Central.
    void addUnits()
    {
        REQUIRE(!district.stations.isEmpty());
        for (const DemoDistrict::Station& station : std::as_const(district.stations)) {
            const auto at = roads.snap(station.position);
            REQUIRE(at);
            const QString s = station.name.left(1).toUpper();
            const auto add = [&](const QString& callSign, UnitKind kind, QStringList skills = {}) {
                Unit u;
                u.callSign = callSign;
                u.kind = kind;
                u.homeStation = station.name;
                u.crewSize = 2;
                u.skills = skills;
                u.position = at->point;
                await(units->save(u));
            };
            add(QStringLiteral("P-") + s + QStringLiteral("1"), UnitKind::PatrolCar, {QStringLiteral("negotiator")});
            add(QStringLiteral("P-") + s + QStringLiteral("2"), UnitKind::PatrolCar);
            add(QStringLiteral("P-") + s + QStringLiteral("3"), UnitKind::PatrolCar);
            add(QStringLiteral("T-%1").arg(s), UnitKind::Traffic);
            add(QStringLiteral("M-%1").arg(s), UnitKind::MedicalLiaison);
            add(QStringLiteral("F-%1").arg(s), UnitKind::FireLiaison);
            add(QStringLiteral("W-%1").arg(s), UnitKind::FootPatrol);
            if (station.name == district.stations.constFirst().name) {
                add(QStringLiteral("SR-1"), UnitKind::SpecialResponse);
                add(QStringLiteral("D-1"), UnitKind::Drone);
            }
        }
    }

    void start()
    {
        sim->start();
        REQUIRE(waitUntil([this] { return sim->pendingCalls() == 0; }, 20000));
    }

    //! Moves the clock on in steps, letting the simulation's calls finish after each (the store
    //! answers in real time, the clock stands still in between).
    void run(qint64 clockMs, qint64 stepMs = 20 * 1000)
    {
        for (qint64 done = 0; done < clockMs; done += stepMs) {
            clock().advance(std::min(stepMs, clockMs - done));
            if (!waitUntil([this] { return sim->pendingCalls() == 0; }, 30000))
                FAIL("the simulation's calls did not finish at " << clock().now().toString(Qt::ISODate).toStdString());
        }
    }

    int count(const QString& sql)
    {
        return await(tp->store().read([sql](Sql& q) { return q.scalar(sql).toInt(); }));
    }
    QStringList strings(const QString& sql)
    {
        return await(tp->store().read([sql](Sql& q) {
            QStringList out;
            QSqlQuery query = q.exec(sql);
            while (query.next())
                out << query.value(0).toString();
            return out;
        }));
    }
};

} // namespace

TEST_CASE("Simulation: incidents arrive more in the evening than at night, with a morning peak", "[simulation][domain]")
{
    const auto rate = [](int dayOfMonth, int hour, int minute = 0) {
        // March 2026: the 11th is a Wednesday, the 13th a Friday, the 14th a Saturday.
        return DemoSimulation::arrivalsPerHour(
            QDateTime(QDate(2026, 3, dayOfMonth), QTime(hour, minute), Qt::OffsetFromUTC, 8 * 3600));
    };
    CHECK(rate(11, 3) < rate(11, 19) / 4);
    CHECK(rate(11, 4) < rate(11, 9));
    CHECK(rate(11, 9) > rate(11, 6));   // the morning peak
    CHECK(rate(11, 19) > rate(11, 9));  // the evening one is higher
    CHECK(rate(11, 19) > rate(11, 14));
    CHECK(rate(13, 22) > rate(11, 22)); // Friday night is busier than Wednesday's
    CHECK(rate(14, 2) > rate(12, 2));   // ... and so is the small hours of Saturday
    // Smooth: no jump at the hour.
    CHECK(std::abs(rate(11, 17, 59) - rate(11, 18, 0)) < 0.05);

    double day = 0;
    for (int minute = 0; minute < 24 * 60; minute += 5)
        day += rate(11, minute / 60, minute % 60) * 5 / 60;
    CHECK(day > 70);
    CHECK(day < 100);
    for (int hour = 0; hour < 24; ++hour)
        CHECK(rate(11, hour) > 0);
}

TEST_CASE("Simulation: six hours of incidents, dispatches, units along the streets and tasks to the centres",
          "[simulation][sqlite]")
{
    Exercise ex(7);
    ex.addUnits();
    ex.start();
    REQUIRE(ex.started);
    ex.run(6 * kHour);

    const DemoSimulationStats stats = ex.sim->stats();
    INFO("log:\n" << ex.log.join(QLatin1Char('\n')).toStdString());
    CHECK(ex.problems.isEmpty());
    CHECK(stats.failures == 0);

    // Saturday 08:00 to 14:00: about 4 an hour expected.
    CHECK(stats.incidentsCreated >= 10);
    CHECK(stats.incidentsCreated <= 45);
    CHECK(ex.created.size() == stats.incidentsCreated);
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents")) == stats.incidentsCreated);
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE summary NOT LIKE 'EXERCISE: %'")) == 0);
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE latitude IS NULL OR address = ''")) == 0);
    // More than one kind of incident.
    QSet<QString> categories;
    for (const auto& [id, category] : std::as_const(ex.created))
        categories.insert(category);
    CHECK(categories.size() >= 4);

    // Units sent, on the move, there and back.
    CHECK(stats.dispatches > 0);
    CHECK(stats.unitsDispatched >= stats.dispatches);
    CHECK(stats.arrivals > 0);
    CHECK(stats.clearances > 0);
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_dispatches WHERE arrived_at IS NOT NULL")) == stats.arrivals);
    CHECK(stats.positionReports > 100);
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'unit.position'")) == stats.positionReports);

    // Every position a unit on the ground reported is on a street.
    int reports = 0;
    int offStreet = 0;
    QSet<QString> movedUnits;
    for (auto it = ex.moved.cbegin(); it != ex.moved.cend(); ++it) {
        if (it.key() == QLatin1String("D-1"))
            continue; // drones fly
        QSet<std::pair<double, double>> distinct;
        for (const GeoPoint& p : it.value()) {
            ++reports;
            const auto snap = ex.roads.snap(p);
            if (!snap || snap->offRoadMetres > 5)
                ++offStreet;
            distinct.insert({p.latitude, p.longitude});
        }
        if (distinct.size() > 3)
            movedUnits.insert(it.key());
    }
    CHECK(reports > 100);
    CHECK(offStreet == 0);
    CHECK(movedUnits.size() >= 5);
    // The store holds the last reported positions.
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_units WHERE position_at IS NOT NULL AND position_at > 0")) >= movedUnits.size());

    // Incidents flow through: resolved and closed, none stuck open but the last hour's.
    CHECK(stats.resolved > 0);
    CHECK(stats.closed > 0);
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE status = 'closed'")) == stats.closed);
    CHECK(stats.closed >= stats.incidentsCreated / 2);
    const qint64 hourAgo = ex.clock().nowMs() - 90 * kMinute;
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE status NOT IN ('closed', 'resolved') AND created_at < %1")
                       .arg(hourAgo)) == 0);
    CHECK(ex.sim->activeIncidents() == stats.incidentsCreated - stats.closed);
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_units WHERE status IN ('en_route', 'on_scene')"))
          <= 3 * ex.sim->activeIncidents() + 3);

    // Tasks to the centres, accepted and done by them.
    CHECK(stats.tasksIssued > 0);
    CHECK(stats.tasksAccepted > 0);
    CHECK(stats.tasksCompleted > 0);
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_tasks")) == stats.tasksIssued);
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_tasks WHERE status = 'done'")) == stats.tasksCompleted);
    const QStringList centres{QStringLiteral("political_security"), QStringLiteral("basic_control"),
                              QStringLiteral("criminal_intel"),     QStringLiteral("bigdata_investigation"),
                              QStringLiteral("case_management"),    QStringLiteral("supervision")};
    for (const QString& assignee : ex.strings(QStringLiteral("SELECT DISTINCT assignee FROM hub_tasks")))
        CHECK(centres.contains(assignee));
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_tasks WHERE incident_id IS NULL")) == 0);

    // Stopped, nothing more happens.
    ex.sim->stop();
    ex.run(30 * kMinute, 5 * kMinute);
    CHECK(ex.sim->stats().incidentsCreated == stats.incidentsCreated);
    CHECK(ex.sim->stats().positionReports == stats.positionReports);
}

TEST_CASE("Simulation: the modules' shares say which calls come in and which centre takes which follow-up",
          "[simulation][sqlite]")
{
    {
        // The loaded modules bring them: the hub its calls, each centre its follow-ups.
        Exercise ex(1);
        const SimulationShares shares = ex.tp->modules().simulationShares();
        QStringList withCalls;
        QStringList withFollowUps;
        for (const auto& [module, share] : shares) {
            if (!share.calls.isEmpty())
                withCalls << module;
            if (!share.followUps.isEmpty())
                withFollowUps << module;
        }
        CHECK(withCalls == QStringList{QStringLiteral("hub")});
        CHECK(withFollowUps.size() == 6);
        CHECK_FALSE(withFollowUps.contains(QStringLiteral("hub")));
    }
    // A share that makes every call a fire, with its own words, and one centre take every incident up.
    const auto tweak = [](DemoSimulation::Options& options) {
        SimulationShare share;
        share.calls = {SimulatedCall{QStringLiteral("fire"), 1e6, 1, [] { return QStringList{QStringLiteral("Kiln overheating")}; }, {}}};
        share.followUps = {SimulatedFollowUp{QStringLiteral("*"), 1.0, [](const QString& at) { return QStringLiteral("Look at ") + at; }}};
        options.shares = {{QStringLiteral("fx_centre"), share}};
    };
    Exercise ex(3, 60 * 1000, tweak);
    ex.addUnits();
    ex.start();
    REQUIRE(ex.started);
    ex.run(4 * kHour, 60 * 1000);
    const DemoSimulationStats stats = ex.sim->stats();
    REQUIRE(stats.incidentsCreated > 5);
    for (const auto& [id, category] : std::as_const(ex.created))
        CHECK(category == QStringLiteral("fire"));
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE summary <> 'EXERCISE: Kiln overheating'")) == 0);
    REQUIRE(stats.tasksIssued > 0);
    CHECK(ex.strings(QStringLiteral("SELECT DISTINCT assignee FROM hub_tasks")) == QStringList{QStringLiteral("fx_centre")});
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_tasks WHERE title NOT LIKE 'Look at %'")) == 0);

    // Without shares: calls of every category, by their names, and no centre is given anything.
    Exercise bare(3, 60 * 1000, [](DemoSimulation::Options& options) { options.shares.clear(); });
    bare.addUnits();
    bare.start();
    bare.run(4 * kHour, 60 * 1000);
    QSet<QString> categories;
    for (const auto& [id, category] : std::as_const(bare.created))
        categories.insert(category);
    CHECK(categories.size() >= 4);
    CHECK(bare.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE summary NOT LIKE 'EXERCISE: Caller reports: %'")) == 0);
    CHECK(bare.count(QStringLiteral("SELECT COUNT(*) FROM hub_tasks")) == 0);
}

TEST_CASE("Simulation: the same seed gives the same incidents - another seed others", "[simulation][sqlite]")
{
    const auto incidents = [](quint64 seed) {
        Exercise ex(seed, 60 * 1000);
        ex.addUnits();
        ex.start();
        ex.run(3 * kHour, kMinute);
        // Not created_at: the store stamps the clock's time when its writer runs the job, and during
        // a step of the test's clock that is any moment of the step.
        return ex.strings(QStringLiteral("SELECT category || ' ' || priority || ' ' || source || ' ' || address || ' ' "
                                         "|| latitude || ' ' || longitude || ' ' || summary FROM hub_incidents ORDER BY id"));
    };
    const QStringList first = incidents(42);
    CHECK(first.size() >= 5);
    CHECK(incidents(42) == first);
    CHECK(incidents(43) != first);
}

TEST_CASE("Simulation: without units it creates nothing and says so - with units it starts", "[simulation][sqlite]")
{
    Exercise ex(3);
    ex.start();
    CHECK_FALSE(ex.started);
    REQUIRE(ex.problems.size() == 1);
    CHECK(ex.problems.constFirst().contains(QStringLiteral("no units")));
    ex.run(2 * kHour, kMinute);
    CHECK(ex.problems.size() == 1); // said once, not at every look
    CHECK(ex.sim->stats().incidentsCreated == 0);
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents")) == 0);

    ex.addUnits();
    ex.run(DemoSimulation::kRecheckMs, kMinute);
    CHECK(ex.started);
    ex.run(2 * kHour);
    CHECK(ex.sim->stats().incidentsCreated > 0);
    CHECK(ex.sim->stats().arrivals > 0);
}

TEST_CASE("Simulation: no free unit makes the dispatcher wait - units taken over and incidents cancelled at the desk "
          "are let go",
          "[simulation][sqlite]")
{
    Exercise ex(11);
    ex.addUnits();
    const QList<Unit> all = await(ex.units->units());
    for (const Unit& u : all)
        await(ex.units->setStatus(u.callSign, UnitStatus::OffDuty));
    ex.start();
    REQUIRE(ex.started);
    ex.run(90 * kMinute);
    const DemoSimulationStats idle = ex.sim->stats();
    CHECK(idle.incidentsCreated > 0);
    CHECK(idle.dispatches == 0);
    CHECK(idle.failures == 0);
    CHECK(ex.log.filter(QStringLiteral("waits")).size() > 0);
    // Nobody could be sent for an hour: handled on the phone.
    CHECK(idle.resolved > 0);

    for (const Unit& u : all)
        await(ex.units->setStatus(u.callSign, UnitStatus::Available));
    // The next dispatch happens; then the desk cancels the incident while its units are on their way.
    qint64 taken = 0;
    QObject::connect(ex.sim.get(), &DemoSimulation::unitsDispatched, [&](qint64 id, const QStringList&) {
        if (taken == 0)
            taken = id;
    });
    for (int i = 0; i < 120 && taken == 0; ++i)
        ex.run(kMinute);
    REQUIRE(taken != 0);
    await(ex.incidents->moveTo(taken, IncidentStatus::Cancelled, QStringLiteral("caller rang back: false alarm")));
    ex.run(2 * kHour);
    const DemoSimulationStats after = ex.sim->stats();
    CHECK(after.dispatches > 1);
    CHECK(after.arrivals > 0);
    CHECK(after.closed > idle.closed);
    // The refusal for the cancelled incident's units was logged, and the simulation went on.
    CHECK(after.failures >= 1);
    CHECK(ex.sim->isRunning());
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_units WHERE incident_id = %1").arg(taken)) == 0);
}

TEST_CASE("Simulation: a jump of the clock is caught up in order", "[simulation][sqlite]")
{
    Exercise ex(5);
    ex.addUnits();
    ex.start();
    REQUIRE(ex.started);
    // Three hours at once: the arrivals on the way come in, and what follows them catches up.
    ex.clock().advance(3 * kHour);
    REQUIRE(waitUntil([&] { return ex.sim->pendingCalls() == 0; }, 30000));
    const int arrived = ex.sim->stats().incidentsCreated;
    CHECK(arrived >= 4);
    ex.run(2 * kHour);
    const DemoSimulationStats stats = ex.sim->stats();
    INFO("log:\n" << ex.log.join(QLatin1Char('\n')).toStdString());
    CHECK(stats.failures == 0);
    CHECK(stats.incidentsCreated > arrived);
    CHECK(stats.dispatches >= arrived);
    CHECK(stats.arrivals > 0);
    CHECK(stats.closed >= arrived);
}

TEST_CASE("Simulation: a route runs along the streets and is as long as the road distance", "[simulation][roads][domain]")
{
    const RoadGraph roads = testRoads();
    const DemoDistrict district = testDistrict();
    REQUIRE(district.streets.size() >= 2);
    const GeoPoint from = district.alongStreet(0, 0.3);
    const GeoPoint to = district.alongStreet(int(district.streets.size()) - 1, 0.8);
    const auto route = roads.route(from, to);
    REQUIRE(route);
    REQUIRE(route->size() >= 3);
    CHECK(route->constFirst().distanceTo(from) < 1);
    CHECK(route->constLast().distanceTo(to) < 1);
    double metres = 0;
    for (qsizetype i = 1; i < route->size(); ++i) {
        metres += route->at(i - 1).distanceTo(route->at(i));
        for (const double t : {0.25, 0.5, 0.75}) {
            const GeoPoint& a = route->at(i - 1);
            const GeoPoint& b = route->at(i);
            const GeoPoint p{a.latitude + (b.latitude - a.latitude) * t, a.longitude + (b.longitude - a.longitude) * t};
            const auto snap = roads.snap(p);
            REQUIRE(snap);
            CHECK(snap->offRoadMetres < RoadGraph::kJoinMetres);
        }
    }
    const auto distance = roads.distance(from, to);
    REQUIRE(distance);
    CHECK(metres == Approx(*distance).margin(2 * RoadGraph::kJoinMetres));
    CHECK(metres > from.distanceTo(to));

    // Along one street piece: straight there.
    const GeoPoint near = district.alongStreet(0, 0.31);
    const auto shortWay = roads.route(from, near);
    REQUIRE(shortWay);
    double shortMetres = 0;
    for (qsizetype i = 1; i < shortWay->size(); ++i)
        shortMetres += shortWay->at(i - 1).distanceTo(shortWay->at(i));
    CHECK(shortMetres == Approx(from.distanceTo(near)).margin(1));

    // Off the map: no route.
    CHECK_FALSE(roads.route(from, GeoPoint{31.5, 121.9}));
    CHECK_FALSE(RoadGraph().route(from, to));
}

TEST_CASE("Simulation: an incident found open with units on it is seen through", "[simulation][sqlite]")
{
    Exercise ex(9);
    ex.addUnits();
    const QString first = QStringLiteral("P-") + ex.district.stations.constFirst().name.left(1).toUpper() + QStringLiteral("1");
    const QString second = QStringLiteral("P-") + ex.district.stations.constFirst().name.left(1).toUpper() + QStringLiteral("2");
    NewIncident n;
    n.category = QStringLiteral("burglary");
    n.summary = QStringLiteral("EXERCISE: left open by the history");
    n.location = Location{QStringLiteral("7 Canal Road"), ex.district.alongStreet(1, 0.5)};
    const Incident open = await(ex.incidents->create(n));
    await(ex.incidents->dispatch(open.id, {first, second}));
    await(ex.incidents->unitArrived(open.id, first));

    ex.start();
    REQUIRE(ex.started);
    CHECK(ex.sim->stats().incidentsAdopted == 1);
    ex.run(2 * kHour);
    INFO("log:\n" << ex.log.join(QLatin1Char('\n')).toStdString());
    CHECK(ex.sim->stats().failures == 0);
    CHECK(await(ex.incidents->get(open.id)).status == IncidentStatus::Closed);
    CHECK(ex.count(QStringLiteral("SELECT COUNT(*) FROM hub_dispatches WHERE incident_id = %1 AND arrived_at IS NOT NULL "
                                  "AND cleared_at IS NOT NULL").arg(open.id)) == 2);
    CHECK(ex.moved.value(second).size() > 3); // it drove there
}

namespace {

// The trainer's simulation with every module's share, run `hours` of clock time in five-minute
// steps (each waiting for the calls it made), signed in as a trainer; its log lines in `log`.
DemoSimulationStats runWithColleagues(TestPlatform& tp, quint64 seed, int hours, QStringList& log)
{
    signInAs(tp, QStringLiteral("coach%1").arg(seed), QStringLiteral("trainer"));
    DemoSimulation::Options options;
    options.seed = seed;
    options.shares = tp->modules().simulationShares();
    DemoSimulation sim(*tp, options);
    QObject::connect(&sim, &DemoSimulation::logged, [&log](const QString& line) { log << line; });
    sim.start();
    auto& clock = static_cast<SimulatedClock&>(tp->clock());
    for (int minutes = 0; minutes < hours * 60; minutes += 5) {
        clock.advance(5 * kMinute);
        REQUIRE(waitUntil([&] { return sim.pendingCalls() == 0; }, 30000));
    }
    return sim.stats();
}

} // namespace

TEST_CASE("Simulation: a colleague at the big-data desk decides the weakest new hits, as the centre's demo user, on the record",
          "[simulation][sqlite][colleague]")
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    tp.start();
    // The centre's work waiting: a ring model run over the trade data, by an analyst.
    signInAs(tp, QStringLiteral("ana"), QStringLiteral("bigdata_investigation_operator"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trade.csv"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        hexhub::bigdata::writeTradeCsv(f, {.seed = 4, .rows = 3000, .ringSize = 70});
    }
    hexhub::bigdata::DatasetService datasets(tp->store(), tp->session(), tp->audit());
    hexhub::bigdata::ModelService models(tp->store(), tp->session(), tp->audit(), datasets);
    const auto trade = await(datasets.importFile(path, {}, hexhub::bigdata::makeTradeDemo({.seed = 1, .rows = 0, .ringSize = 0}, nullptr).columns,
                                                 {QStringLiteral("Listings"), QStringLiteral("Seizure"), QStringLiteral("CPL art. 141"),
                                                  tp->clock().nowMs() + 365 * 24 * kHour}),
                             60000);
    const auto rings = hexhub::bigdata::findModel(QStringLiteral("shared-identifier-rings"), nullptr);
    REQUIRE(rings);
    const auto run = await(models.run(*rings, {}, trade.id), 60000);
    REQUIRE(run.hitCount >= 2);
    const auto count = [&](const QString& sql) { return await(tp->store().read([sql](Sql& q) { return q.scalar(sql).toInt(); })); };

    // The trainer's simulation, with the modules' shares: the big-data desk's colleague works every
    // two hours of clock time or so.
    QStringList log;
    const DemoSimulationStats stats = runWithColleagues(tp, 9, 6, log);
    const int decided = count(QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE reviewed_by = 'demo.bigdata_investigation'"));
    CHECK(decided >= 2);
    // The other centres' colleagues work meanwhile: the big-data desk's lines are its decisions.
    CHECK(stats.colleagueActions >= decided);
    CHECK(stats.failures == 0);
    // The weakest first, the ring (the best) left for the trainee; each decision with its reason, audited.
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE rank = 1 AND status = 'new'")) == 1);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE reviewed_by = 'demo.bigdata_investigation' AND (reason IS NULL OR reason = '')")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'demo.bigdata_investigation' AND action = 'model_hit.reviewed'")) == decided);
    CHECK(log.filter(QStringLiteral("A colleague at the big-data desk")).size() == decided);
}

TEST_CASE("Simulation: a colleague at the leads desk records tips and grades the longest waiting lead, as the centre's demo user, on the record",
          "[simulation][sqlite][colleague]")
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    tp.start();
    // The centre's work waiting: three tips recorded by an analyst.
    signInAs(tp, QStringLiteral("ivy"), QStringLiteral("criminal_intel_operator"));
    hexhub::criminalintel::LeadService leads(tp->store(), tp->session(), tp->audit());
    for (const char* tip : {"Stolen phones sold at the night market", "Bicycles resold behind the depot", "Fraud calls traced to a flat"})
        await(leads.recordTip({QString::fromLatin1(tip), {}, QStringLiteral("Registered informant"), QStringLiteral("Investigation"), 365}));
    const auto count = [&](const QString& sql) { return await(tp->store().read([sql](Sql& q) { return q.scalar(sql).toInt(); })); };

    QStringList log;
    const DemoSimulationStats stats = runWithColleagues(tp, 5, 8, log);
    const int graded = count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE graded_by = 'demo.criminal_intel'"));
    const int tips = count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'demo.criminal_intel' AND action = 'lead.received'"));
    CHECK(graded + tips >= 3);
    CHECK(stats.colleagueActions >= graded + tips);
    CHECK(stats.failures == 0);
    // The longest waiting first, each grade with its reason; the newest lead left for the trainee.
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE graded_by = 'demo.criminal_intel' AND grade_reason = ''")) == 0);
    CHECK(count(QStringLiteral("SELECT status = 'new' FROM ci_leads ORDER BY received_at DESC, id DESC LIMIT 1")) == 1);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'demo.criminal_intel' AND action = 'lead.updated'")) == graded);
    CHECK(log.filter(QStringLiteral("A colleague at the leads desk graded")).size() == graded);
    CHECK(log.filter(QStringLiteral("A colleague at the leads desk recorded")).size() == tips);
}
