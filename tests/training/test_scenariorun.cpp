// Training scenario runs (issue 7, sections 3 and 5): each bundled scenario run on a real store with
// the hub loaded, a scripted trainee acting through the hub's services on the simulated clock, scored
// met / late / missed; the trainer's injects and who may start a run.
#include "base/clock.h"
#include "bus/eventbus.h"
#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/modelservice.h"
#include "hexhub/bigdata_investigation/tradedemo.h"
#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/custody.h"
#include "hexhub/case_management/escorts.h"
#include "hexhub/criminal_intel/entities.h"
#include "hexhub/criminal_intel/investigations.h"
#include "hexhub/criminal_intel/leads.h"
#include "hexhub/hub/hubservices.h"
#include "scenario.h"
#include "scenariorun.h"
#include "scenariotest.h"
#include "security/accesscontrol.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <type_traits>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::scenariotest;

namespace {

NewTask centreTask(const QString& centre, const QString& title, qint64 incidentId = 0)
{
    NewTask t;
    t.assigneeKind = AssigneeKind::Centre;
    t.assignee = centre;
    t.title = title;
    t.incidentId = incidentId;
    return t;
}

/*!
 * A training desk: the hub loaded, a trainer ("coach") who starts the run, then the trainee
 * ("alice", a hub supervisor) signed in, acting through the real services. Time moves only when
 * the test moves it, stopping at every moment the run has something due.
 */
// A training store (every event marked as an exercise), as the demo desk has: runs refuse any other.
TestPlatform::Config trainingConfig()
{
    auto config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
    config.exercise = true;
    return config;
}

struct Drill
{
    TestPlatform tp{trainingConfig()};
    std::unique_ptr<IncidentService> incidents;
    std::unique_ptr<UnitService> units;
    std::unique_ptr<TaskService> tasks;
    std::unique_ptr<ScenarioRun> run;
    QObject receiver;
    qint64 seen = 0;     // the last journal seq delivered on the bus
    qint64 startSeq = 0; // the journal before the run
    qint64 startMs = 0;

    Drill()
    {
        tp.start();
        signInAs(tp, QStringLiteral("coach"), QStringLiteral("trainer"));
        incidents = std::make_unique<IncidentService>(tp->store(), tp->session(), tp->audit());
        units = std::make_unique<UnitService>(tp->store(), tp->session(), tp->audit());
        tasks = std::make_unique<TaskService>(tp->store(), tp->session(), tp->audit());
        tp->bus().subscribe(QStringLiteral("*"), &receiver, [this](const Event& e) { seen = std::max(seen, e.seq); });
    }
    SimulatedClock& clock() { return static_cast<SimulatedClock&>(tp->clock()); }

    void addUnit(const QString& callSign, UnitKind kind, const GeoPoint& near, QStringList skills = {})
    {
        await(units->save(unitNear(callSign, kind, near, 0.8, skills)));
    }

    void begin(const Scenario& scenario, const QString& trainee = QStringLiteral("alice"),
               const QStringList& roles = {QStringLiteral("hub_supervisor")})
    {
        REQUIRE(clock().setRate(60));
        startSeq = lastSeq();
        run = std::make_unique<ScenarioRun>(*tp, scenario);
        run->setTrainee(trainee);
        run->setLanguage(QStringLiteral("en"));
        REQUIRE(run->start());
        startMs = clock().nowMs();
        settle();
        await(tp->access().createUserBySystem(NewUser{trainee, trainee, QStringLiteral("Desk-Passw0rd-42"), roles}));
        tp->session().setPrincipal(await(tp->access().signIn(trainee, QStringLiteral("Desk-Passw0rd-42"))).principal);
        settle();
    }

    qint64 lastSeq()
    {
        return await(tp->store().read([](Sql& sql) { return sql.scalar(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events")).toLongLong(); }));
    }

    // Until the run has written what it started and seen every event journaled so far.
    void settle()
    {
        for (int round = 0; round < 20; ++round) {
            REQUIRE(waitUntil([this] { return !run->isBusy(); }));
            const qint64 last = lastSeq();
            REQUIRE(waitUntil([this, last] { return seen >= last; }));
            QCoreApplication::sendPostedEvents(); // deliveries to the run posted with the last one
            if (!run->isBusy() && lastSeq() == last)
                return;
        }
        FAIL("the run did not settle");
    }

    void to(qint64 offsetMs)
    {
        const qint64 target = startMs + offsetMs;
        settle();
        while (clock().nowMs() < target) {
            qint64 next = target;
            if (const auto due = run->nextDue())
                next = std::min(next, std::max(due->toMSecsSinceEpoch(), clock().nowMs() + 1));
            clock().jumpTo(QDateTime::fromMSecsSinceEpoch(next, Qt::UTC));
            settle();
        }
        REQUIRE(clock().nowMs() == target);
    }

    template <typename T> T act(QFuture<T> future)
    {
        if constexpr (std::is_void_v<T>) {
            await(future);
            settle();
        } else {
            T result = await(future);
            settle();
            return result;
        }
    }

    qint64 incident(const QString& ref)
    {
        const qint64 id = run->incidentId(ref);
        REQUIRE(id > 0);
        return id;
    }

    // The journal since the run began, as the review reads it: the run's own events (injects by
    // id, scores by outcome) and the trainee's and trainer's hub actions by actor.
    QStringList sequence()
    {
        static const QStringList hubTopics{
            QStringLiteral("incident.created"), QStringLiteral("incident.dispatched"), QStringLiteral("incident.step"),
            QStringLiteral("incident.status"), QStringLiteral("incident.linked"), QStringLiteral("task.assigned"),
            QStringLiteral("operation.planned"), QStringLiteral("operation.started"), QStringLiteral("operation.proposed"),
            // The big-data desk's actions (the stolen personal data scenario starts there).
            QStringLiteral("model_run.finished"), QStringLiteral("model_hit.reviewed"), QStringLiteral("model_hit.handed_on")};
        const qint64 from = startSeq;
        const QList<Event> events = await(tp->bus().replay(EventRange::bySeq(from + 1)));
        QStringList out;
        for (const Event& e : events) {
            if (e.source == QLatin1String("training")) {
                CHECK(e.payload.value(QStringLiteral("exercise")) == QJsonValue(true));
                CHECK(e.actor == QStringLiteral("coach"));
                CHECK(e.correlationId == run->runId());
                if (e.topic == QLatin1String("training.injected"))
                    out << e.topic + u':' + e.payload.value(QStringLiteral("inject")).toString();
                else if (e.topic == QLatin1String("training.scored"))
                    out << e.topic + u':' + e.payload.value(QStringLiteral("expectation")).toString() + u'=' +
                               e.payload.value(QStringLiteral("outcome")).toString();
                else
                    out << e.topic;
            } else if (hubTopics.contains(e.topic)) {
                out << e.topic + u'@' + e.actor;
            }
        }
        return out;
    }

    ScenarioScore score(const QString& id)
    {
        for (const ScenarioScore& s : run->report().scores) {
            if (s.expectationId == id)
                return s;
        }
        FAIL("no expectation " << id.toStdString());
        return {};
    }

    QStringList timeline(ScenarioTimelineEntry::Kind kind)
    {
        QStringList out;
        for (const ScenarioTimelineEntry& e : run->report().timeline) {
            if (e.kind == kind)
                out << e.id + u'@' + formatScenarioDuration(e.offsetMs);
        }
        return out;
    }
};

QStringList injectsAndScores(QStringList sequence)
{
    sequence.removeIf([](const QString& s) { return s.startsWith(QLatin1String("demand.received")); });
    return sequence;
}

} // namespace

TEST_CASE("Scenario run: rooftop rescue at 60x with a trainee who is quick, then slow - met, late, branches, the trainer's inject and note",
          "[scenario]")
{
    Drill d;
    d.addUnit(QStringLiteral("D1"), UnitKind::Drone, kTower);
    d.addUnit(QStringLiteral("N1"), UnitKind::PatrolCar, kTower, {QStringLiteral("negotiator")});
    d.addUnit(QStringLiteral("M1"), UnitKind::MedicalLiaison, kTower);
    d.begin(loadBundled(QStringLiteral("rooftop-rescue")));
    QSignalSpy scoredSpy(d.run.get(), &ScenarioRun::scored);
    QSignalSpy actions(d.run.get(), &ScenarioRun::actionSeen);
    QSignalSpy finished(d.run.get(), &ScenarioRun::finished);
    const qint64 rooftop = d.incident(QStringLiteral("rooftop"));
    const Incident incident = await(d.incidents->get(rooftop));
    CHECK(incident.category == QStringLiteral("rooftop_rescue"));
    CHECK(incident.priority == 1);
    CHECK(incident.location.point == kTower);
    CHECK(incident.summary.contains(QStringLiteral("Harbour Tower")));

    d.to(90 * kSecond);
    d.act(d.incidents->dispatch(rooftop, {QStringLiteral("D1")}));
    d.to(2 * kMinute);
    d.act(d.incidents->tickStep(rooftop, 2, true));
    d.to(4 * kMinute);
    d.act(d.incidents->dispatch(rooftop, {QStringLiteral("N1")}));
    d.to(5 * kMinute);
    CHECK(d.run->annotate(QStringLiteral("Slow on the medical standby")));
    d.to(10 * kMinute);
    CHECK(d.score(QStringLiteral("medical")).outcome == ScenarioOutcome::Missed); // for now
    d.act(d.incidents->unitArrived(rooftop, QStringLiteral("D1")));
    d.to(12 * kMinute + 30 * kSecond);
    d.act(d.incidents->dispatch(rooftop, {QStringLiteral("M1")}));
    d.to(15 * kMinute);
    CHECK(d.run
              ->injectNow(QJsonObject{{QStringLiteral("id"), QStringLiteral("crowd")},
                                      {QStringLiteral("kind"), QStringLiteral("event")},
                                      {QStringLiteral("topic"), QStringLiteral("scene.reported")},
                                      {QStringLiteral("handledBy"), QStringLiteral("hub")},
                                      {QStringLiteral("label"), QStringLiteral("A crowd gathers below")},
                                      {QStringLiteral("payload"), QJsonObject{{QStringLiteral("incident"), QStringLiteral("@rooftop")}}}})
              .isEmpty());
    d.to(35 * kMinute);
    d.act(d.incidents->moveTo(rooftop, IncidentStatus::Resolved));
    d.to(45 * kMinute);

    CHECK(d.run->state() == ScenarioRun::State::Finished);
    CHECK(finished.size() == 1);
    CHECK(d.sequence() == QStringList{
                              QStringLiteral("training.started"),
                              QStringLiteral("incident.created@coach"),
                              QStringLiteral("training.injected:call"),
                              QStringLiteral("scene.reported"),
                              QStringLiteral("training.injected:negotiators-requested"),
                              QStringLiteral("incident.status@alice"),
                              QStringLiteral("incident.dispatched@alice"),
                              QStringLiteral("training.scored:drone=met"),
                              QStringLiteral("incident.step@alice"),
                              QStringLiteral("training.scored:cushion-asked=met"),
                              QStringLiteral("scene.reported"),
                              QStringLiteral("training.injected:drone-overhead"),
                              QStringLiteral("scene.reported"),
                              QStringLiteral("training.injected:heat"),
                              QStringLiteral("incident.dispatched@alice"),
                              QStringLiteral("training.scored:negotiator=met"),
                              QStringLiteral("training.annotated"),
                              QStringLiteral("scene.reported"),
                              QStringLiteral("training.injected:cushion"),
                              QStringLiteral("training.scored:medical=missed"),
                              QStringLiteral("incident.status@alice"),
                              QStringLiteral("scene.reported"),
                              QStringLiteral("training.injected:persuasion"),
                              QStringLiteral("incident.dispatched@alice"),
                              QStringLiteral("training.scored:medical=late"),
                              QStringLiteral("scene.reported"),
                              QStringLiteral("training.injected:crowd"),
                              QStringLiteral("scene.reported"),
                              QStringLiteral("training.injected:heatstroke"),
                              QStringLiteral("scene.reported"),
                              QStringLiteral("training.injected:water"),
                              QStringLiteral("scene.reported"),
                              QStringLiteral("training.injected:rescued"),
                              QStringLiteral("incident.status@alice"),
                              QStringLiteral("training.scored:resolved=met"),
                              QStringLiteral("training.finished"),
                          });

    const ScenarioReport report = d.run->report();
    CHECK(report.finished);
    CHECK(report.trainee == QStringLiteral("alice"));
    CHECK(report.trainer == QStringLiteral("coach"));
    CHECK(report.endedAt.toMSecsSinceEpoch() - report.startedAt.toMSecsSinceEpoch() == 45 * kMinute);
    CHECK(d.score(QStringLiteral("drone")).outcome == ScenarioOutcome::Met);
    CHECK(d.score(QStringLiteral("drone")).responseMs == 90 * kSecond);
    CHECK(d.score(QStringLiteral("drone")).actionTopic == QStringLiteral("incident.dispatched"));
    CHECK(d.score(QStringLiteral("cushion-asked")).responseMs == 2 * kMinute);
    CHECK(d.score(QStringLiteral("negotiator")).outcome == ScenarioOutcome::Met);
    CHECK(d.score(QStringLiteral("negotiator")).responseMs == 3 * kMinute); // from the request at 1m
    CHECK(d.score(QStringLiteral("negotiator")).windowFromMs == kMinute);
    CHECK(d.score(QStringLiteral("negotiator")).windowToMs == 6 * kMinute);
    CHECK(d.score(QStringLiteral("medical")).outcome == ScenarioOutcome::Late);
    CHECK(d.score(QStringLiteral("medical")).responseMs == 8 * kMinute + 30 * kSecond);
    CHECK(d.score(QStringLiteral("resolved")).outcome == ScenarioOutcome::Met);
    CHECK(d.score(QStringLiteral("resolved")).responseMs == 2 * kMinute);
    CHECK(report.met == 4);
    CHECK(report.late == 1);
    CHECK(report.missed == 0);
    CHECK(report.scorePercent == Approx(90.0));
    CHECK(scoredSpy.size() == 6); // five, and the medical standby twice: missed, then late

    CHECK(d.timeline(ScenarioTimelineEntry::Kind::BranchInject) == QStringList{QStringLiteral("drone-overhead@3m30s")});
    CHECK(d.timeline(ScenarioTimelineEntry::Kind::ManualInject) == QStringList{QStringLiteral("crowd@15m")});
    CHECK(d.timeline(ScenarioTimelineEntry::Kind::FailedInject).isEmpty());
    CHECK(d.timeline(ScenarioTimelineEntry::Kind::Inject).size() == 8);
    REQUIRE(report.annotations.size() == 1);
    CHECK(report.annotations.first().text == QStringLiteral("Slow on the medical standby"));
    CHECK(report.annotations.first().offsetMs == 5 * kMinute);
    CHECK(report.annotations.first().actor == QStringLiteral("coach"));
    // Every action in the timeline is the trainee's, as seen live.
    int actionEntries = 0;
    for (const ScenarioTimelineEntry& e : report.timeline) {
        if (e.kind == ScenarioTimelineEntry::Kind::Action) {
            ++actionEntries;
            CHECK(e.actor == QStringLiteral("alice"));
        }
    }
    CHECK(actionEntries == actions.size());
    CHECK(actionEntries >= 5);
    // The timeline is in time order; the manual inject's payload has its ref resolved.
    for (qsizetype i = 1; i < report.timeline.size(); ++i)
        CHECK(report.timeline.at(i - 1).offsetMs <= report.timeline.at(i).offsetMs);
    for (const ScenarioTimelineEntry& e : report.timeline) {
        if (e.id == QLatin1String("crowd"))
            CHECK(e.payload.value(QStringLiteral("incident")).toInteger() == rooftop);
    }

    const QJsonObject json = report.toJson();
    CHECK(json.value(QStringLiteral("scenario")).toString() == QStringLiteral("rooftop-rescue"));
    CHECK(json.value(QStringLiteral("scorePercent")).toDouble() == Approx(90.0));
    CHECK(json.value(QStringLiteral("scores")).toArray().size() == 5);
    CHECK(json.value(QStringLiteral("scores")).toArray().at(3).toObject().value(QStringLiteral("outcome")).toString() == QStringLiteral("late"));
    CHECK(json.value(QStringLiteral("annotations")).toArray().size() == 1);
    CHECK(json.value(QStringLiteral("timeline")).toArray().size() == report.timeline.size());

    // After the end nothing more is run or counted.
    d.act(d.incidents->addNote(rooftop, QStringLiteral("Debrief at 16:00")));
    CHECK(d.run->report().timeline.size() == report.timeline.size());
    CHECK_FALSE(d.run->nextDue().has_value());
}

TEST_CASE("Scenario run: a trainee who does nothing misses everything, and the missed branch fires", "[scenario]")
{
    Drill d;
    d.begin(loadBundled(QStringLiteral("rooftop-rescue")));
    d.to(45 * kMinute);
    const ScenarioReport report = d.run->report();
    CHECK(report.finished);
    CHECK(report.met == 0);
    CHECK(report.late == 0);
    CHECK(report.missed == 5);
    CHECK(report.scorePercent == Approx(0.0));
    for (const ScenarioScore& s : report.scores) {
        CHECK(s.outcome == ScenarioOutcome::Missed);
        CHECK(s.responseMs == -1);
    }
    CHECK(d.timeline(ScenarioTimelineEntry::Kind::BranchInject) == QStringList{QStringLiteral("no-drone@3m")});
    CHECK(d.timeline(ScenarioTimelineEntry::Kind::Action).isEmpty());
    const QStringList seq = d.sequence();
    CHECK(seq.indexOf(QStringLiteral("training.scored:drone=missed")) + 2 == seq.indexOf(QStringLiteral("training.injected:no-drone")));
    CHECK_FALSE(seq.contains(QStringLiteral("training.injected:drone-overhead")));
    CHECK(seq.last() == QStringLiteral("training.finished"));
}

TEST_CASE("Scenario run: stolen personal data, from the analysts' desk to a cluster operation", "[scenario]")
{
    Drill d;
    // Before the run: the seized export is on the big-data desk, imported by a colleague.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("marketplace-export.csv"));
    bigdata::TradeDemo planted;
    {
        QFile f(csv);
        REQUIRE(f.open(QIODevice::WriteOnly));
        planted = bigdata::writeTradeCsv(f, {.seed = 5, .rows = 3000, .ringSize = 70});
    }
    signInAs(d.tp, QStringLiteral("clerk"), QStringLiteral("bigdata_investigation_operator"));
    bigdata::DatasetService datasets(d.tp->store(), d.tp->session(), d.tp->audit());
    bigdata::ModelService models(d.tp->store(), d.tp->session(), d.tp->audit(), datasets);
    const bigdata::Dataset trade =
        await(datasets.importFile(csv, {}, planted.columns,
                                  {QStringLiteral("Marketplace listings, seized server export"), QStringLiteral("Seizure W-DEMO-0147"),
                                   QStringLiteral("CPL art. 141"), d.clock().nowMs() + 365 * 24 * kHour}),
              60000);
    d.tp->session().setPrincipal(await(d.tp->access().signIn(QStringLiteral("coach"), QStringLiteral("Desk-Passw0rd-42"))).principal);

    // The trainee works the desk: the ring model, the ring confirmed with a reason, handed on.
    d.begin(loadBundled(QStringLiteral("stolen-personal-data")), QStringLiteral("alice"),
            {QStringLiteral("hub_supervisor"), QStringLiteral("bigdata_investigation_operator"), QStringLiteral("criminal_intel_operator")});
    d.to(5 * kMinute);
    QList<bigdata::ModelProblem> problems;
    const auto rings = bigdata::findModel(QStringLiteral("shared-identifier-rings"), &problems);
    REQUIRE(rings);
    d.act(models.run(*rings, {}, trade.id));
    d.to(12 * kMinute);
    const bigdata::StoredHit ring = await(models.queue()).first();
    CHECK(ring.evidence.value(QStringLiteral("members")).toArray().size() == 70);
    d.act(models.review(ring.id, ring.version, bigdata::HitStatus::Confirmed, QStringLiteral("Seventy accounts on shared devices and proxies")));
    d.to(15 * kMinute);
    d.act(models.handOn(ring.id, QStringLiteral("criminal_intel")));

    // At criminal intelligence's desk: the ring's lead graded.
    criminalintel::LeadService leads(d.tp->store(), d.tp->session(), d.tp->audit());
    criminalintel::EntityService entities(d.tp->store(), d.tp->session(), d.tp->audit());
    criminalintel::InvestigationService investigations(d.tp->store(), d.tp->session(), d.tp->audit());
    d.to(20 * kMinute);
    const qint64 leadId = await(d.tp->store().read(
        [](Sql& sql) { return sql.scalar(QStringLiteral("SELECT id FROM ci_leads WHERE source_kind = 'big_data'")).toLongLong(); }));
    REQUIRE(leadId > 0);
    d.act(leads.grade(leadId, await(leads.lead(leadId)).version,
                      {criminalintel::GradingScheme::Admiralty, QStringLiteral("B"), QStringLiteral("2"), QString(), QString()},
                      QStringLiteral("The model's ring, confirmed by the analyst on its evidence")));

    // The lead reaches the hub; the hub tasks intelligence, links the lead, plans the operation.
    d.to(45 * kMinute);
    const qint64 gang = d.incident(QStringLiteral("gang"));
    CHECK(await(d.incidents->get(gang)).source == IncidentSource::ModelAlert);
    d.to(48 * kMinute);
    d.act(d.tasks->issue(centreTask(QStringLiteral("criminal_intel"), QStringLiteral("Investigate lead L-0147"), gang)));
    d.to(49 * kMinute);
    d.act(d.incidents->link(gang, QStringLiteral("lead"), QStringLiteral("L-0147")));
    // The ring charted: its members and the identifiers that tie them become entities; an
    // investigation of the lead with the 70 account holders as targets, arrest teams of two centres
    // in turn; the cluster operation proposed to the hub.
    d.to(98 * kMinute);
    d.act(entities.takeInEvidence(leadId));
    const criminalintel::Investigation inv =
        d.act(investigations.open(QStringLiteral("Operation Datastream"), QStringLiteral("Bring the 70 suspects under control"), {leadId}));
    QList<qint64> holders;
    for (const criminalintel::Entity& e : await(investigations.candidates(inv.id)))
        if (e.kind == criminalintel::EntityKind::Account)
            holders << e.id;
    CHECK(holders.size() == 70);
    CHECK(d.act(investigations.setTargets(inv.id, holders, AssigneeKind::Centre, {QStringLiteral("criminal_intel"), QStringLiteral("basic_control")},
                                          QStringLiteral("Arrest the account holder"), 0)) == 70);
    d.to(105 * kMinute);
    d.act(investigations.proposeOperation(inv.id, QString(), QString(), 0));
    // The hub supervisor approves it for the incident on the board, go in half an hour.
    d.to(108 * kMinute);
    const QList<OperationProposal> proposals = await(d.tasks->proposals());
    REQUIRE(proposals.size() == 1);
    CHECK(proposals.first().division.size() == 70);
    const OperationProposal approved = d.act(d.tasks->approve(proposals.first().id, d.clock().nowMs() + 30 * kMinute, QString(), gang));
    CHECK(await(d.tasks->operationTasks(approved.operationId)).size() == 70);
    d.to(3 * kHour);

    CHECK(d.sequence() ==
          QStringList{
              QStringLiteral("training.started"),
              QStringLiteral("model_alert.raised"),
              QStringLiteral("training.injected:alert"),
              QStringLiteral("model_run.finished@alice"),
              QStringLiteral("training.scored:ran=met"),
              QStringLiteral("model_hit.reviewed@alice"),
              QStringLiteral("training.scored:confirmed=met"),
              QStringLiteral("model_hit.handed_on@alice"),
              QStringLiteral("training.scored:handed=met"),
              QStringLiteral("training.scored:graded=met"),
              QStringLiteral("incident.created@coach"),
              QStringLiteral("training.injected:lead"),
              QStringLiteral("task.assigned@alice"),
              QStringLiteral("training.scored:intel-task=met"),
              QStringLiteral("incident.linked@alice"),
              QStringLiteral("training.scored:linked=met"),
              QStringLiteral("lead.received"),
              QStringLiteral("training.injected:received"),
              QStringLiteral("lead.updated"),
              QStringLiteral("training.injected:triaged"),
              QStringLiteral("operation.proposed@alice"),
              QStringLiteral("training.scored:proposed=met"),
          } + QStringList(70, QStringLiteral("task.assigned@alice")) +
              QStringList{
                  QStringLiteral("operation.planned@alice"),
                  QStringLiteral("training.scored:operation=met"),
                  QStringLiteral("investigation.opened"),
                  QStringLiteral("training.injected:controlled"),
                  QStringLiteral("training.finished"),
              });
    CHECK(d.score(QStringLiteral("ran")).responseMs >= 5 * kMinute);
    CHECK(d.score(QStringLiteral("confirmed")).responseMs == 12 * kMinute);
    CHECK(d.score(QStringLiteral("handed")).responseMs == 15 * kMinute);
    CHECK(d.score(QStringLiteral("intel-task")).responseMs == 3 * kMinute);
    CHECK(d.score(QStringLiteral("linked")).responseMs == 4 * kMinute);
    CHECK(d.score(QStringLiteral("graded")).responseMs == 20 * kMinute);
    CHECK(d.score(QStringLiteral("proposed")).responseMs == 17 * kMinute);
    CHECK(d.score(QStringLiteral("operation")).responseMs == 20 * kMinute);
    CHECK(d.run->report().scorePercent == Approx(100.0));
    // The lead's reference came from the desk's alert ("@alert.lead").
    const QList<Event> received = await(d.tp->bus().replay(EventRange::bySeq(d.startSeq + 1)));
    bool found = false;
    int taken = 0;
    for (const Event& e : received) {
        if (e.topic == QLatin1String("lead.received") && e.source == QLatin1String("training")) {
            found = true;
            CHECK(e.payload.value(QStringLiteral("lead")).toString() == QStringLiteral("L-0147"));
            CHECK(e.payload.value(QStringLiteral("incident")).toInteger() == gang);
        } else if (e.topic == QLatin1String("lead.received")) {
            // The hit the trainee handed on is criminal intelligence's lead, in the same transaction.
            ++taken;
            CHECK(e.source == QStringLiteral("bigdata_investigation"));
            CHECK(e.actor == QStringLiteral("alice"));
            CHECK(e.payload.value(QStringLiteral("source")).toString() == QStringLiteral("big_data"));
        }
    }
    CHECK(found);
    CHECK(taken == 1);
}

TEST_CASE("Scenario run: minor case fast track, 48 hours at 60x - a real case carried through its milestones, an escort tasked late", "[scenario]")
{
    Drill d;
    d.addUnit(QStringLiteral("P1"), UnitKind::PatrolCar, GeoPoint{31.2262, 121.4668});
    // The trainee runs the case desk and the hub; the duty commander who approves is someone else.
    d.begin(loadBundled(QStringLiteral("minor-case-fast-track")), QStringLiteral("alice"),
            {QStringLiteral("hub_supervisor"), QStringLiteral("case_management_operator")});
    await(d.tp->access().createUserBySystem(
        NewUser{QStringLiteral("hugo"), QStringLiteral("hugo"), QStringLiteral("Desk-Passw0rd-42"), {QStringLiteral("hub_supervisor")}}));
    Session commanderSession;
    commanderSession.setPrincipal(await(d.tp->access().signIn(QStringLiteral("hugo"), QStringLiteral("Desk-Passw0rd-42"))).principal);
    const cases::CaseService cases(d.tp->store(), d.tp->session(), d.tp->audit());
    const cases::CaseService commander(d.tp->store(), commanderSession, d.tp->audit());

    const qint64 theft = d.incident(QStringLiteral("theft"));
    d.to(5 * kMinute);
    d.act(d.incidents->dispatch(theft, {QStringLiteral("P1")}));
    d.to(30 * kMinute);
    d.act(d.tasks->issue(centreTask(QStringLiteral("case_management"), QStringLiteral("Open the fast-track case file"), theft)));
    // An hour after the call (48 minutes after the arrest): the case, straight onto the fast track.
    d.to(kHour);
    cases::NewCase draft{cases::CaseKind::Criminal,
                         QStringLiteral("Scooter theft on Canal Road"),
                         QStringLiteral("Owner held the thief"),
                         theft,
                         true,
                         cases::FastTrackGrounds{true, true, QStringLiteral("Caught in the act; scooter recovered; full confession")}};
    cases::Case c = d.act(cases.open(draft));
    c = d.act(cases.move(c.id, c.version, QStringLiteral("investigating"), QString()));
    d.act(commander.approve(c.id, QStringLiteral("stage:measures"), QStringLiteral("Detention lawful and necessary")));
    c = d.act(cases.move(c.id, c.version, QStringLiteral("measures"), QStringLiteral("Detained")));
    // The evidence in at 3 hours; referred an hour later, on the commander's approval.
    d.to(3 * kHour + 30 * kMinute);
    d.act(commander.approve(c.id, QStringLiteral("stage:referred"), QStringLiteral("File complete for the procuratorate")));
    d.to(4 * kHour);
    c = d.act(cases.move(c.id, c.version, QStringLiteral("referred"), QStringLiteral("Evidence complete")));
    // The procuratorate prosecutes at 20 hours, recorded half an hour later.
    d.to(20 * kHour + 30 * kMinute);
    c = d.act(cases.move(c.id, c.version, QStringLiteral("prosecuted"), QStringLiteral("Fast-track prosecution filed")));
    d.to(33 * kHour);
    d.act(d.tasks->issue(centreTask(QStringLiteral("basic_control"), QStringLiteral("Escort to court at 09:00"), theft)));
    // The judgment at 46 hours, recorded twenty minutes later: inside the case's 48 hours.
    d.to(46 * kHour + 20 * kMinute);
    c = d.act(cases.move(c.id, c.version, QStringLiteral("tried"), QStringLiteral("Six months, suspended")));
    d.to(48 * kHour);

    QStringList seq = d.sequence();
    seq.removeIf([](const QString& s) { return !s.startsWith(QLatin1String("training.")); });
    CHECK(seq == QStringList{
                     QStringLiteral("training.started"),
                     QStringLiteral("training.injected:call"),
                     QStringLiteral("training.scored:patrol=met"),
                     QStringLiteral("training.injected:arrested"),
                     QStringLiteral("training.scored:case-task=met"),
                     QStringLiteral("training.injected:custody"),
                     QStringLiteral("training.scored:fast-track=met"),
                     QStringLiteral("training.injected:evidence"),
                     QStringLiteral("training.scored:referred=met"),
                     QStringLiteral("training.injected:prosecution"),
                     QStringLiteral("training.scored:prosecuted=met"),
                     QStringLiteral("training.injected:trial-scheduled"),
                     QStringLiteral("training.scored:escort=missed"),
                     QStringLiteral("training.scored:escort=late"),
                     QStringLiteral("training.injected:tried"),
                     QStringLiteral("training.scored:tried=met"),
                     QStringLiteral("training.finished"),
                 });
    CHECK(d.score(QStringLiteral("patrol")).responseMs == 5 * kMinute);
    CHECK(d.score(QStringLiteral("case-task")).responseMs == 18 * kMinute);
    CHECK(d.score(QStringLiteral("fast-track")).responseMs == 48 * kMinute);
    CHECK(d.score(QStringLiteral("referred")).responseMs == kHour);
    CHECK(d.score(QStringLiteral("prosecuted")).responseMs == 30 * kMinute);
    CHECK(d.score(QStringLiteral("tried")).responseMs == 20 * kMinute);
    CHECK(d.score(QStringLiteral("escort")).outcome == ScenarioOutcome::Late);
    CHECK(d.score(QStringLiteral("escort")).responseMs == 3 * kHour);
    const ScenarioReport report = d.run->report();
    CHECK(report.met == 6);
    CHECK(report.late == 1);
    CHECK(report.scorePercent == Approx(650.0 / 7));
    CHECK(report.endedAt.toMSecsSinceEpoch() - report.startedAt.toMSecsSinceEpoch() == 48 * kHour);
    // The real case went through its milestones, each met at its stage within the 48 hours.
    const QList<cases::CaseLimit> limits = await(cases.limits(c.id));
    REQUIRE(limits.size() == 3);
    for (const cases::CaseLimit& l : limits) {
        INFO(l.rule.toStdString());
        CHECK(l.state == QStringLiteral("met"));
        CHECK(l.endedAt <= l.dueAt);
    }
    CHECK(c.stage == QStringLiteral("tried"));
    CHECK(c.dueAt == 0);
}

TEST_CASE("Scenario run: a night in the custody suite at 60x - a drunk man checked every half hour, an interview rested, a transfer made in time",
          "[scenario]")
{
    Drill d;
    d.begin(loadBundled(QStringLiteral("night-in-custody")), QStringLiteral("alice"), {QStringLiteral("case_management_operator")});
    const cases::CaseService cases(d.tp->store(), d.tp->session(), d.tp->audit());
    const cases::CustodyService suite(d.tp->store(), d.tp->session(), d.tp->audit());
    const cases::EscortService escorts(d.tp->store(), d.tp->session(), d.tp->audit());
    const auto roomOfKind = [&](const QString& kind) {
        for (const cases::Room& r : await(suite.rooms()))
            if (r.kind == kind && r.occupants.size() < r.capacity)
                return r.id;
        FAIL("no free room of kind " << kind.toStdString());
        return qint64(0);
    };
    const auto bookIn = [&](qint64 caseId, const QString& tag, bool drunk) {
        cases::CustodyRisk risk;
        risk.intoxicated = drunk;
        risk.notes = drunk ? QStringLiteral("Smells of alcohol, cannot stand unaided") : QString();
        return d.act(suite.checkIn(cases::NewCustody{caseId, QStringLiteral("Synthetic Person %1").arg(tag), tag, QStringLiteral("Detained"),
                                                     QStringLiteral("Criminal Procedure Law art. 82"), cases::CustodyBasis::Detention, false,
                                                     QStringLiteral("Sgt. Li Na"), risk}));
    };
    const auto check = [&](qint64 custody) {
        d.act(suite.check(custody, cases::WelfareCondition::AsleepRoused, QStringLiteral("Roused, answered")));
    };

    // The night, in clock order: the drunk man booked in at 22:05, assessed as intoxicated, and
    // checked every half hour until he leaves; the fraud suspect booked in, walked along the route
    // and interviewed; the camera's picture at 00:55 answered at 01:00; a meal in the long
    // interview; the transfer asked for, crewed, away and delivered.
    cases::Custody drunk, woman;
    qint64 interviewId = 0;
    cases::Escort e;
    QList<std::pair<qint64, std::function<void()>>> night{
        {5 * kMinute,
         [&] {
             const cases::Case fight = d.act(cases.open({cases::CaseKind::Criminal, QStringLiteral("Fight at the Harbour Bar"), QString()}));
             drunk = bookIn(fight.id, QStringLiteral("W-0901"), true);
             CHECK(drunk.risk.level() == cases::RiskLevel::Elevated);
         }},
        {kHour + 10 * kMinute,
         [&] {
             const cases::Case fraud = d.act(cases.open({cases::CaseKind::Criminal, QStringLiteral("Phone fraud on the elderly"), QString()}));
             woman = bookIn(fraud.id, QStringLiteral("W-0902"), false);
             for (const QString& kind :
                  {QStringLiteral("search"), QStringLiteral("property"), QStringLiteral("biometrics"), QStringLiteral("medical")})
                 woman = d.act(suite.moveTo(woman.id, woman.version, roomOfKind(kind), QString()));
         }},
        {kHour + 20 * kMinute,
         [&] {
             interviewId = d.act(suite.startInterview(woman.id, woman.version, roomOfKind(QStringLiteral("interview")),
                                                      QStringLiteral("DC Wu, DC Qian"), QStringLiteral("REC-0902")))
                               .id;
         }},
        {5 * kHour + 15 * kMinute, [&] { d.act(suite.care(woman.id, cases::CareKind::Meal, 20, QStringLiteral("Rice and tea"))); }},
        {5 * kHour + 20 * kMinute, [&] { d.act(suite.endInterview(interviewId, QStringLiteral("Statement taken; resting"))); }},
        {6 * kHour + 20 * kMinute,
         [&] {
             e = d.act(escorts.request({drunk.id, cases::EscortDestination::DetentionCentre, QStringLiteral("City Detention Centre No. 1"),
                                        QStringLiteral("Detained"), 0}));
         }},
        {6 * kHour + 40 * kMinute, [&] { e = d.act(escorts.assign(e.id, e.version, await(escorts.crews()).first().id, QString())); }},
        {7 * kHour + 10 * kMinute, [&] { e = d.act(escorts.depart(e.id, e.version)); }},
        {7 * kHour + 50 * kMinute, [&] { e = d.act(escorts.arrive(e.id, e.version, QStringLiteral("Duty officer Gao"))); }},
    };
    for (qint64 at = 30 * kMinute; at <= 7 * kHour; at += 30 * kMinute)
        night.append({at, [&] { check(drunk.id); }});
    std::stable_sort(night.begin(), night.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [at, action] : night) {
        d.to(at);
        action();
    }
    d.to(10 * kHour);

    CHECK(d.score(QStringLiteral("booked-at-risk")).responseMs == 5 * kMinute);
    CHECK(d.score(QStringLiteral("first-check")).responseMs == 30 * kMinute);
    CHECK(d.score(QStringLiteral("check-now")).responseMs == 5 * kMinute);
    CHECK(d.score(QStringLiteral("interview")).responseMs == 20 * kMinute);
    CHECK(d.score(QStringLiteral("rest")).responseMs == 15 * kMinute);
    CHECK(d.score(QStringLiteral("escort")).responseMs == 20 * kMinute);
    CHECK(d.score(QStringLiteral("delivered")).responseMs == kHour + 50 * kMinute);
    const ScenarioReport report = d.run->report();
    CHECK(report.met == 7);
    CHECK(report.scorePercent == Approx(100.0));
    CHECK(d.timeline(ScenarioTimelineEntry::Kind::BranchInject).isEmpty());
    // Nobody's check was late, and the transfer was met inside its 24 hours.
    CHECK(await(d.tp->store().read([](Sql& sql) {
              return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_welfare_checks WHERE done_at > due_at")).toLongLong();
          })) == 0);
    CHECK(await(d.tp->store().read([id = drunk.id](Sql& sql) {
              return sql.scalar(QStringLiteral("SELECT state FROM cm_case_limits WHERE custody_id = ? AND rule = 'detention.transfer'"), {id})
                  .toString();
          })) == QStringLiteral("met"));
}

TEST_CASE("Scenario run: a night in the custody suite - a check missed sounds the alarm inject", "[scenario]")
{
    Drill d;
    d.begin(loadBundled(QStringLiteral("night-in-custody")), QStringLiteral("alice"), {QStringLiteral("case_management_operator")});
    const cases::CaseService cases(d.tp->store(), d.tp->session(), d.tp->audit());
    const cases::CustodyService suite(d.tp->store(), d.tp->session(), d.tp->audit());
    d.to(10 * kMinute);
    const cases::Case fight = d.act(cases.open({cases::CaseKind::Criminal, QStringLiteral("Fight at the Harbour Bar"), QString()}));
    cases::CustodyRisk risk; // not assessed as drunk: checked every hour, which the scenario does not accept
    d.act(suite.checkIn(cases::NewCustody{fight.id, QStringLiteral("Synthetic Person W-0901"), QStringLiteral("W-0901"), QStringLiteral("Detained"),
                                          QStringLiteral("Criminal Procedure Law art. 82"), cases::CustodyBasis::Detention, false,
                                          QStringLiteral("Sgt. Li Na"), risk}));
    d.to(90 * kMinute);
    CHECK(d.score(QStringLiteral("booked-at-risk")).outcome == ScenarioOutcome::Missed);
    CHECK(d.score(QStringLiteral("first-check")).outcome == ScenarioOutcome::Missed);
    CHECK(d.timeline(ScenarioTimelineEntry::Kind::BranchInject) == QStringList{QStringLiteral("check-missed@45m")});
}

TEST_CASE("Scenario run: 12345 hotline surge - the incident in time, the task to basic control late", "[scenario]")
{
    Drill d;
    d.begin(loadBundled(QStringLiteral("hotline-surge")));
    d.to(25 * kMinute);
    NewIncident n;
    n.category = QStringLiteral("public_disturbance");
    n.priority = 3;
    n.source = IncidentSource::PublicComplaint;
    n.summary = QStringLiteral("Night construction noise at the Mill Street site: 6 hotline calls");
    n.location = Location{QStringLiteral("Mill Street, by Market Hall"), GeoPoint{31.2347, 121.4691}};
    const Incident incident = d.act(d.incidents->create(n));
    d.to(40 * kMinute);
    d.act(d.tasks->issue(centreTask(QStringLiteral("basic_control"), QStringLiteral("Stop the night work"), incident.id)));
    d.to(90 * kMinute);

    const QStringList seq = d.sequence();
    CHECK(seq.count(QStringLiteral("demand.received")) == 12);
    CHECK(injectsAndScores(seq) == QStringList{
                                       QStringLiteral("training.started"),
                                       QStringLiteral("training.injected:demand-1"),
                                       QStringLiteral("training.injected:demand-2"),
                                       QStringLiteral("training.injected:demand-3"),
                                       QStringLiteral("training.injected:demand-4"),
                                       QStringLiteral("training.injected:demand-5"),
                                       QStringLiteral("training.injected:demand-6"),
                                       QStringLiteral("demand.escalated"),
                                       QStringLiteral("training.injected:cluster"),
                                       QStringLiteral("training.injected:demand-7"),
                                       QStringLiteral("incident.created@alice"),
                                       QStringLiteral("training.scored:incident=met"),
                                       QStringLiteral("training.injected:demand-8"),
                                       QStringLiteral("training.injected:demand-9"),
                                       QStringLiteral("training.scored:basic-control-task=missed"),
                                       QStringLiteral("demand.escalated"),
                                       QStringLiteral("training.injected:mayor-mailbox"),
                                       QStringLiteral("task.assigned@alice"),
                                       QStringLiteral("training.scored:basic-control-task=late"),
                                       QStringLiteral("training.injected:demand-10"),
                                       QStringLiteral("training.injected:demand-11"),
                                       QStringLiteral("training.injected:demand-12"),
                                       QStringLiteral("training.finished"),
                                   });
    CHECK(d.score(QStringLiteral("incident")).responseMs == 5 * kMinute);
    CHECK(d.score(QStringLiteral("basic-control-task")).responseMs == 20 * kMinute);
    CHECK(d.run->report().scorePercent == Approx(75.0));
    CHECK(d.timeline(ScenarioTimelineEntry::Kind::BranchInject) == QStringList{QStringLiteral("mayor-mailbox@35m")});
}

TEST_CASE("Scenario run: the trainer's inject is validated like a file's - only a trainer starts a run", "[scenario]")
{
    Drill d;
    d.begin(loadBundled(QStringLiteral("rooftop-rescue")));
    QStringList problems;
    for (const ScenarioProblem& p :
         d.run->injectNow(QJsonObject{{QStringLiteral("kind"), QStringLiteral("event")},
                                      {QStringLiteral("topic"), QStringLiteral("task.assigned")},
                                      {QStringLiteral("handledBy"), QStringLiteral("hub")},
                                      {QStringLiteral("label"), QStringLiteral("Fake")},
                                      {QStringLiteral("payload"), QJsonObject{{QStringLiteral("incident"), QStringLiteral("@nowhere")}}}}))
        problems << p.toString();
    CHECK(problems == QStringList{
                          QStringLiteral("topic: task.assigned is written by Hexhub's own services with their data; an inject cannot publish it "
                                         "(an incident inject creates incidents)"),
                          QStringLiteral("payload.incident: \"@nowhere\" names no inject before this one"),
                      });
    // The rooftop is known by now; an id of the scenario's own is not free.
    problems.clear();
    for (const ScenarioProblem& p :
         d.run->injectNow(QJsonObject{{QStringLiteral("id"), QStringLiteral("heat")},
                                      {QStringLiteral("kind"), QStringLiteral("event")},
                                      {QStringLiteral("topic"), QStringLiteral("scene.reported")},
                                      {QStringLiteral("handledBy"), QStringLiteral("hub")},
                                      {QStringLiteral("label"), QStringLiteral("Hot")},
                                      {QStringLiteral("payload"), QJsonObject{{QStringLiteral("incident"), QStringLiteral("@rooftop")}}}}))
        problems << p.toString();
    CHECK(problems == QStringList{QStringLiteral("id: duplicate id \"heat\"")});
    d.settle();
    CHECK(d.timeline(ScenarioTimelineEntry::Kind::ManualInject).isEmpty());

    // Stopped early: the rest is missed, the later injects never run.
    d.to(2 * kMinute);
    d.run->stop();
    d.settle();
    const ScenarioReport report = d.run->report();
    CHECK(report.finished);
    CHECK(report.endedAt.toMSecsSinceEpoch() - report.startedAt.toMSecsSinceEpoch() == 2 * kMinute);
    CHECK(report.missed == 3);  // drone, cushion, negotiator: their windows had opened
    CHECK(report.skipped == 2); // medical and resolved: what they follow never happened
    d.to(45 * kMinute);
    CHECK(d.timeline(ScenarioTimelineEntry::Kind::Inject).size() == 2);
    CHECK(d.timeline(ScenarioTimelineEntry::Kind::BranchInject).isEmpty()); // the drone's "missed" came with the stop
    CHECK(d.sequence().last() == QStringLiteral("training.finished"));

    // The trainee (a hub supervisor) cannot start a run.
    ScenarioRun other(*d.tp, loadBundled(QStringLiteral("hotline-surge")));
    CHECK_FALSE(other.start());
    CHECK(other.error() == QStringLiteral("Only a signed-in trainer can run a training scenario."));
    CHECK(other.state() == ScenarioRun::State::Ready);

    // Nor does a trainer on a live store: injects must never reach live data.
    TestPlatform live(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
    live.start();
    signInAs(live, QStringLiteral("coach"), QStringLiteral("trainer"));
    ScenarioRun onLive(*live, loadBundled(QStringLiteral("rooftop-rescue")));
    CHECK_FALSE(onLive.start());
    CHECK(onLive.error().contains(QStringLiteral("never reach live data")));
    CHECK(await(live->store().read([](Sql& sql) { return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_incidents")).toLongLong(); })) == 0);
}
