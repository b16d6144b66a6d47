// The hub's services (issue 5): incidents, dispatch, units, tasks and operations through the real
// store, on SQLite and PostgreSQL: the rules, the permission refusals, the journal and the audit.
// The write path (versions, commands applied once, typed payloads) is in test_writepath.cpp.
#include "hubtestsupport.h"

#include "security/audit.h"
#include "base/clock.h"
#include "shared/deadlines.h"
#include "base/error.h"
#include "bus/eventbus.h"
#include "hexhub/hub/hubservices.h"
#include "security/session.h"
#include "store/sqldialect.h"
#include "store/sql.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QTranslator>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::hubtest;

TEST_CASE("Hub: an incident is created with a number, a masked contact, its response deadline and its timeline", "[hub]")
{
    Hub hub;
    const Incident incident = hub.create();
    CHECK(incident.id > 0);
    CHECK(incident.number == QStringLiteral("%1-%2").arg(hub.clock().now().date().year()).arg(incident.id, 6, 10, QLatin1Char('0')));
    CHECK(incident.status == IncidentStatus::New);
    CHECK(incident.reporterContact == QStringLiteral("*******5678"));
    CHECK(await(hub.incidents->get(incident.id)).reporterContact == QStringLiteral("*******5678"));
    CHECK(hub.topics(incident.id) == QStringList{QStringLiteral("incident.created")});
    CHECK(hub.journalTopics(QStringLiteral("deadline.%"))
          == QStringList{QStringLiteral("deadline.set hub.incident.%1.response").arg(incident.id)});

    // What an operator types wrong is refused with the reason, and nothing is written.
    NewIncident bad;
    bad.category = QStringLiteral("rooftop_rescue");
    bad.summary = QStringLiteral("  ");
    CHECK(refusal(hub.incidents->create(bad)).contains(QStringLiteral("what happened")));
    bad.summary = QStringLiteral("x");
    bad.priority = 5;
    CHECK(refusal(hub.incidents->create(bad)).contains(QStringLiteral("P1, P2, P3 or P4")));
    bad.priority = 2;
    bad.category = QStringLiteral("alien_landing");
    CHECK(refusal(hub.incidents->create(bad)).contains(QStringLiteral("not an incident category")));
    bad.category = QStringLiteral("other");
    bad.location.point = GeoPoint{123, 0};
    CHECK(refusal(hub.incidents->create(bad)).contains(QStringLiteral("not on the earth")));
    CHECK(await(hub.tp->store().read([](Sql& sql) { return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_incidents")).toInt(); })) == 1);
}

TEST_CASE("Hub: changes are refused without the permission, and each refusal is audited", "[hub]")
{
    Hub hub(QStringLiteral("basic_control_operator"));
    NewIncident n;
    n.category = QStringLiteral("other");
    n.summary = QStringLiteral("Noise");
    const QString why = refusal(hub.incidents->create(n));
    CHECK(why.contains(QStringLiteral("hub.incident.manage")));
    CHECK_THROWS_AS(await(hub.incidents->create(n)), PermissionDenied);
    CHECK_THROWS_AS(await(hub.incidents->dispatch(1, {QStringLiteral("P-1")})), PermissionDenied);
    CHECK_THROWS_AS(await(hub.incidents->revealContact(1, QStringLiteral("call back the reporter"))), PermissionDenied);
    CHECK_THROWS_AS(await(hub.tasks->issue(newTask(AssigneeKind::Centre, QStringLiteral("supervision"), QStringLiteral("t")))),
                    PermissionDenied);
    CHECK_THROWS_AS(await(hub.incidents->timeline(1)), PermissionDenied);
    const QStringList audit = hub.audit();
    CHECK(audit.count(QStringLiteral("incident.created/denied")) == 2);
    CHECK(audit.contains(QStringLiteral("unit.dispatched/denied")));
    CHECK(audit.contains(QStringLiteral("personal_data.revealed/denied")));
    CHECK(audit.contains(QStringLiteral("task.assigned/denied")));
    // The unit registry is theirs to keep, though.
    Unit u;
    u.callSign = QStringLiteral("P-7");
    CHECK(await(hub.units->save(u)).status == UnitStatus::Available);
}

TEST_CASE("Hub: dispatch, arrival and clearing move the units and the incident, with their timers", "[hub]")
{
    Hub hub;
    const Incident incident = hub.create();
    hub.addUnit(QStringLiteral("P-1"), UnitKind::PatrolCar, 1.0);
    hub.addUnit(QStringLiteral("D-1"), UnitKind::Drone, 2.0);
    hub.addUnit(QStringLiteral("P-2"), UnitKind::PatrolCar, 0.5);
    await(hub.units->setStatus(QStringLiteral("P-2"), UnitStatus::OffDuty));

    // One unit that is not available refuses the whole dispatch.
    const QString why = refusal(hub.incidents->dispatch(incident.id, {QStringLiteral("P-1"), QStringLiteral("P-2")}));
    CHECK(why.contains(QStringLiteral("P-2")));
    CHECK(why.contains(QStringLiteral("nothing was dispatched")));
    CHECK(hub.unit(QStringLiteral("P-1")).status == UnitStatus::Available);
    CHECK(await(hub.incidents->get(incident.id)).status == IncidentStatus::New);

    const QList<Unit> sent = await(hub.incidents->dispatch(incident.id, {QStringLiteral("P-1"), QStringLiteral("D-1")}));
    REQUIRE(sent.size() == 2);
    CHECK(sent[0].status == UnitStatus::EnRoute);
    CHECK(sent[0].incidentId == incident.id);
    CHECK(await(hub.incidents->get(incident.id)).status == IncidentStatus::Dispatched);
    CHECK(hub.audit().count(QStringLiteral("unit.dispatched/success")) == 2);

    // An incident that is dispatched goes on scene by a unit's arrival, not by hand.
    CHECK(refusal(hub.incidents->moveTo(incident.id, IncidentStatus::OnScene)).contains(QStringLiteral("arrives")));
    CHECK(refusal(hub.incidents->unitArrived(incident.id, QStringLiteral("P-2"))).contains(QStringLiteral("not on its way")));

    hub.clock().advance(5 * 60 * 1000);
    await(hub.incidents->unitArrived(incident.id, QStringLiteral("P-1")));
    const Incident onScene = await(hub.incidents->get(incident.id));
    CHECK(onScene.status == IncidentStatus::OnScene);
    CHECK(onScene.arrivedAt - onScene.createdAt == 5 * 60 * 1000);
    CHECK(hub.unit(QStringLiteral("P-1")).status == UnitStatus::OnScene);

    const QStringList deadlines = hub.journalTopics(QStringLiteral("deadline.%"));
    CHECK(deadlines.contains(QStringLiteral("deadline.cleared hub.incident.%1.response").arg(incident.id)));
    CHECK(deadlines.contains(QStringLiteral("deadline.cleared hub.unit.P-1.arrival")));
    CHECK(deadlines.contains(QStringLiteral("deadline.set hub.unit.P-1.on_scene")));
    CHECK_FALSE(deadlines.contains(QStringLiteral("deadline.cleared hub.unit.D-1.arrival")));

    // Closing waits for every unit to clear; resolving does not.
    await(hub.incidents->moveTo(incident.id, IncidentStatus::Resolved));
    CHECK(refusal(hub.incidents->moveTo(incident.id, IncidentStatus::Closed)).contains(QStringLiteral("Clear the units")));
    await(hub.incidents->unitCleared(QStringLiteral("P-1")));
    await(hub.incidents->unitCleared(QStringLiteral("D-1")));
    CHECK(hub.unit(QStringLiteral("D-1")).status == UnitStatus::Available);
    CHECK(hub.unit(QStringLiteral("D-1")).incidentId == 0);
    CHECK(await(hub.incidents->moveTo(incident.id, IncidentStatus::Closed)).status == IncidentStatus::Closed);
    CHECK(refusal(hub.incidents->moveTo(incident.id, IncidentStatus::OnScene)).contains(QStringLiteral("nothing more happens")));
    CHECK(refusal(hub.incidents->dispatch(incident.id, {QStringLiteral("P-1")})).contains(QStringLiteral("no longer")));

    CHECK(hub.topics(incident.id)
          == QStringList{QStringLiteral("incident.created"), QStringLiteral("unit.status"), QStringLiteral("unit.status"),
                         QStringLiteral("incident.status"), QStringLiteral("incident.dispatched"), QStringLiteral("unit.status"),
                         QStringLiteral("incident.unit_arrived"), QStringLiteral("incident.status"), QStringLiteral("incident.status"),
                         QStringLiteral("unit.status"), QStringLiteral("incident.unit_cleared"), QStringLiteral("unit.status"),
                         QStringLiteral("incident.unit_cleared"), QStringLiteral("incident.status")});
    const QList<TimelineEntry> timeline = await(hub.incidents->timeline(incident.id));
    CHECK(timeline.first().actor == QStringLiteral("sup"));
    CHECK(timeline.at(4).text == QStringLiteral("Dispatched P-1, D-1"));
}

TEST_CASE("Hub: the deadline board sees a unit late on the simulated clock", "[hub]")
{
    Hub hub;
    DeadlineBoard board(hub.tp->bus(), hub.clock());
    board.load();
    REQUIRE(waitUntil([&] { return board.isLoaded(); }));
    const Incident incident = hub.create(QStringLiteral("burglary")); // 15-minute target
    hub.addUnit(QStringLiteral("P-1"), UnitKind::PatrolCar, 1.0);
    await(hub.incidents->dispatch(incident.id, {QStringLiteral("P-1")}));
    REQUIRE(waitUntil([&] { return board.deadlines().size() == 2; }));
    CHECK(board.dueWithin(0) == 0);
    hub.clock().advance(14 * 60 * 1000);
    CHECK(board.dueWithin(0) == 0);
    CHECK(board.dueWithin(60 * 1000) == 2);
    hub.clock().advance(2 * 60 * 1000);
    CHECK(board.dueWithin(0) == 2); // overdue: the response and the unit's arrival
    await(hub.incidents->unitArrived(incident.id, QStringLiteral("P-1")));
    REQUIRE(waitUntil([&] { return board.deadlines().size() == 1; }));
    CHECK(board.deadlines().first().key == QStringLiteral("hub.unit.P-1.on_scene"));
    CHECK(board.dueWithin(0) == 0);
}

TEST_CASE("Hub: cancelling recalls the units - a recalled dispatch goes back to new", "[hub]")
{
    Hub hub;
    const Incident a = hub.create();
    const Incident b = hub.create(QStringLiteral("fire"), GeoPoint{31.3, 121.5}, QStringLiteral("Smoke from a kitchen"));
    hub.addUnit(QStringLiteral("P-1"), UnitKind::PatrolCar, 1.0);
    hub.addUnit(QStringLiteral("P-2"), UnitKind::PatrolCar, 1.0);
    await(hub.incidents->dispatch(a.id, {QStringLiteral("P-1")}));
    await(hub.incidents->dispatch(b.id, {QStringLiteral("P-2")}));
    CHECK(refusal(hub.incidents->moveTo(a.id, IncidentStatus::Cancelled)).contains(QStringLiteral("why")));
    CHECK(await(hub.incidents->moveTo(a.id, IncidentStatus::Cancelled, QStringLiteral("false alarm"))).status == IncidentStatus::Cancelled);
    CHECK(hub.unit(QStringLiteral("P-1")).status == UnitStatus::Available);
    await(hub.incidents->unitCleared(QStringLiteral("P-2")));
    CHECK(await(hub.incidents->get(b.id)).status == IncidentStatus::New);
}

TEST_CASE("Hub: a near incident of the same category is offered for merge - merging keeps both timelines", "[hub]")
{
    Hub hub;
    const Incident first = hub.create();
    hub.addUnit(QStringLiteral("P-1"), UnitKind::PatrolCar, 1.0);
    hub.clock().advance(10 * 60 * 1000);
    NewIncident again;
    again.priority = 1;
    again.category = QStringLiteral("rooftop_rescue");
    again.summary = QStringLiteral("Woman on a roof");
    again.location = Location{QStringLiteral("8 Elm Street"), GeoPoint{kTower.latitude + 0.001, kTower.longitude}}; // 111 m
    const QList<DuplicateCandidate> candidates = await(hub.incidents->duplicatesOf(again));
    REQUIRE(candidates.size() == 1);
    CHECK(candidates[0].incident.id == first.id);
    CHECK(candidates[0].metres == Approx(111).margin(2));

    // Not a duplicate: another category, too far, or too long ago.
    NewIncident other = again;
    other.category = QStringLiteral("fire");
    CHECK(await(hub.incidents->duplicatesOf(other)).isEmpty());
    other = again;
    other.location.point = GeoPoint{kTower.latitude + 0.004, kTower.longitude}; // 445 m
    CHECK(await(hub.incidents->duplicatesOf(other)).isEmpty());

    const Incident second = await(hub.incidents->create(again));
    await(hub.incidents->dispatch(second.id, {QStringLiteral("P-1")}));
    await(hub.incidents->addNote(second.id, QStringLiteral("caller is on the 30th floor")));
    await(hub.incidents->merge(first.id, second.id));

    const Incident merged = await(hub.incidents->get(second.id));
    CHECK(merged.status == IncidentStatus::Cancelled);
    CHECK(merged.mergedInto == first.id);
    CHECK(await(hub.incidents->get(first.id)).status == IncidentStatus::Dispatched); // took over P-1
    CHECK(hub.unit(QStringLiteral("P-1")).incidentId == first.id);
    const QStringList topics = hub.topics(first.id);
    CHECK(topics.count(QStringLiteral("incident.created")) == 2);
    CHECK(topics.contains(QStringLiteral("incident.note")));
    CHECK(topics.count(QStringLiteral("incident.merged")) == 1);
    CHECK(hub.audit().contains(QStringLiteral("incident.merged/success")));
    CHECK(refusal(hub.incidents->merge(first.id, second.id)).contains(QStringLiteral("merged already")));

    hub.clock().advance(31 * 60 * 1000);
    CHECK(await(hub.incidents->duplicatesOf(again)).isEmpty()); // the window has passed
}

TEST_CASE("Hub: notes are searchable, links and playbook steps go on the timeline", "[hub]")
{
    Hub hub;
    const Incident incident = hub.create();
    await(hub.incidents->addNote(incident.id, QStringLiteral("Air cushion laid at the north entrance")));
    await(hub.incidents->addNote(incident.id, QStringLiteral("谈判专家已到达")));
    CHECK(refusal(hub.incidents->addNote(incident.id, QStringLiteral("   "))).contains(QStringLiteral("empty")));
    const auto search = [&](const QString& text) {
        return await(hub.tp->store().read([text](Sql& sql) {
            const SqlFragment match = sql.dialect().textSearch(
                TextSearchTarget{QStringLiteral("hub_incidents"), {QStringLiteral("summary"), QStringLiteral("address"), QStringLiteral("notes")}, QString()},
                searchTerms(text));
            return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE ") + match.sql, match.binds).toInt();
        }));
    };
    CHECK(search(QStringLiteral("cushion")) == 1);
    CHECK(search(QStringLiteral("谈判")) == 1);
    CHECK(search(QStringLiteral("trampoline")) == 0);

    await(hub.incidents->link(incident.id, QStringLiteral("case"), QStringLiteral("C-2026-77")));
    await(hub.incidents->link(incident.id, QStringLiteral("case"), QStringLiteral("C-2026-77"))); // once
    CHECK(refusal(hub.incidents->link(incident.id, QStringLiteral("person"), QStringLiteral("x"))).contains(QStringLiteral("lead, case")));
    await(hub.incidents->link(incident.id, QStringLiteral("lead"), QStringLiteral("L-2026-00042")));
    const QList<IncidentLink> links = await(hub.incidents->links(incident.id));
    REQUIRE(links.size() == 2);
    CHECK(links[0].kind == QStringLiteral("case"));
    CHECK(links[0].ref == QStringLiteral("C-2026-77"));
    CHECK(links[1].ref == QStringLiteral("L-2026-00042"));
    CHECK(links[1].createdBy == QStringLiteral("sup"));

    await(hub.incidents->tickStep(incident.id, 1, true));
    await(hub.incidents->tickStep(incident.id, 3, true));
    await(hub.incidents->tickStep(incident.id, 3, false));
    CHECK(await(hub.incidents->tickedSteps(incident.id)) == QList<int>{1});
    CHECK(refusal(hub.incidents->tickStep(incident.id, 99, true)).contains(QStringLiteral("no step 100")));
    const QStringList topics = hub.topics(incident.id);
    CHECK(topics.count(QStringLiteral("incident.note")) == 2);
    CHECK(topics.count(QStringLiteral("incident.linked")) == 2);
    CHECK(topics.count(QStringLiteral("incident.step")) == 3);
    const QList<TimelineEntry> timeline = await(hub.incidents->timeline(incident.id));
    CHECK(timeline.last().text == QStringLiteral("Playbook step reopened: Negotiator in contact"));
}

TEST_CASE("Hub: a reporter's contact is revealed only with the permission and a reason, on record", "[hub]")
{
    Hub hub;
    const Incident incident = hub.create();
    CHECK(refusal(hub.incidents->revealContact(incident.id, QStringLiteral(""))).contains(QStringLiteral("reason")));
    CHECK(await(hub.incidents->revealContact(incident.id, QStringLiteral("call back: is the door open?"))) == QStringLiteral("13812345678"));
    const QList<AuditRecord> records = await(hub.tp->audit().page(0, 1000));
    REQUIRE_FALSE(records.isEmpty());
    CHECK(records.last().entry.action == QStringLiteral("personal_data.revealed"));
    CHECK(records.last().entry.detail == QStringLiteral("call back: is the door open?"));
    CHECK(records.last().entry.actor == QStringLiteral("sup"));
    // The bus never carried it.
    CHECK(hub.journalTopics(QStringLiteral("%")).join(u' ').contains(QStringLiteral("13812345678")) == false);
    CHECK(maskContact(QStringLiteral("li.wei@example.org")) == QStringLiteral("l***@example.org"));
    CHECK(maskContact(QStringLiteral("110101199003077777")) == QStringLiteral("**************7777"));
}

TEST_CASE("Hub: tasks go issued, accepted, in progress, done - declined with a reason - every step journaled", "[hub]")
{
    Hub hub;
    const Incident incident = hub.create();
    NewTask n = newTask(AssigneeKind::Centre, QStringLiteral("criminal_intel"), QStringLiteral("Check the caller's history"));
    n.incidentId = incident.id;
    n.dueAt = hub.clock().nowMs() + 10 * 60 * 1000;
    n.priority = 2;
    const Task task = await(hub.tasks->issue(n));
    CHECK(task.status == TaskStatus::Issued);
    CHECK(task.createdBy == QStringLiteral("sup"));
    CHECK(refusal(hub.tasks->complete(task.id)).contains(QStringLiteral("cannot become")));
    CHECK(await(hub.tasks->accept(task.id)).status == TaskStatus::Accepted);
    const Task half = await(hub.tasks->reportProgress(task.id, 50, QStringLiteral("two records found")));
    CHECK(half.status == TaskStatus::InProgress);
    CHECK(half.progress == 50);
    CHECK(refusal(hub.tasks->reportProgress(task.id, 120, {})).contains(QStringLiteral("0 to 100")));
    CHECK(refusal(hub.tasks->decline(task.id, QStringLiteral("busy"))).contains(QStringLiteral("cannot become")));
    const Task done = await(hub.tasks->complete(task.id, QStringLiteral("report sent")));
    CHECK(done.status == TaskStatus::Done);
    CHECK(done.progress == 100);
    CHECK(hub.journalTopics(QStringLiteral("deadline.%"))
              .contains(QStringLiteral("deadline.cleared hub.task.%1.due").arg(task.id)));
    CHECK(hub.topics(incident.id).count(QStringLiteral("task.updated")) == 3);

    const Task other = await(hub.tasks->issue(newTask(AssigneeKind::Centre, QStringLiteral("supervision"), QStringLiteral("Call the hotline back"))));
    CHECK(refusal(hub.tasks->decline(other.id, QStringLiteral(" "))).contains(QStringLiteral("why")));
    const Task declined = await(hub.tasks->decline(other.id, QStringLiteral("not ours: housing bureau")));
    CHECK(declined.declineReason == QStringLiteral("not ours: housing bureau"));
    CHECK(await(hub.tasks->openTasks()).isEmpty());
    CHECK(refusal(hub.tasks->issue(newTask(AssigneeKind::Unit, QStringLiteral("NOPE-9"), QStringLiteral("x")))).contains(QStringLiteral("no unit")));
}

TEST_CASE("Hub: a cluster operation issues its whole task division at once and counts its progress", "[hub]")
{
    Hub hub;
    for (int i = 1; i <= 6; ++i)
        hub.addUnit(QStringLiteral("P-%1").arg(i), UnitKind::PatrolCar, i * 0.3);
    Operation op;
    op.name = QStringLiteral("Operation Net");
    op.objective = QStringLiteral("Detain the suspects at six addresses at once");
    op.goAt = hub.clock().nowMs() + 60 * 60 * 1000;
    QList<NewTask> division;
    for (int i = 1; i <= 6; ++i) {
        NewTask t = newTask(AssigneeKind::Unit, QStringLiteral("P-%1").arg(i), QStringLiteral("Address %1").arg(i));
        t.place = QStringLiteral("%1 Canal Road").arg(i * 10);
        division << t;
    }
    division[2].title.clear();
    CHECK(refusal(hub.tasks->plan(op, division)).contains(QStringLiteral("Task 3 of the division")));
    division[2].title = QStringLiteral("Address 3");
    const Operation planned = await(hub.tasks->plan(op, division));
    CHECK(planned.status == OperationStatus::Planned);
    const QList<Task> tasks = await(hub.tasks->operationTasks(planned.id));
    REQUIRE(tasks.size() == 6);
    CHECK(tasks[0].startsAt == op.goAt);
    const Operation started = await(hub.tasks->start(planned.id));
    CHECK(started.status == OperationStatus::Running);
    CHECK(started.goAt == hub.clock().nowMs()); // an hour early: it went now
    await(hub.tasks->accept(tasks[0].id));
    await(hub.tasks->complete(tasks[0].id));
    await(hub.tasks->accept(tasks[1].id));
    await(hub.tasks->reportProgress(tasks[1].id, 30, {}));
    const OperationProgress p = await(hub.tasks->progress(planned.id));
    CHECK(p.total == 6);
    CHECK(p.done == 1);
    CHECK(p.inProgress == 1);
    CHECK(p.issued == 4);
    CHECK(p.percentDone() == 16);
    CHECK(refusal(hub.tasks->finish(planned.id, OperationStatus::Completed)).contains(QStringLiteral("5 open tasks")));
    CHECK(await(hub.tasks->finish(planned.id, OperationStatus::Cancelled)).status == OperationStatus::Cancelled);
    CHECK(await(hub.tasks->progress(planned.id)).cancelled == 5);
    CHECK(hub.audit().contains(QStringLiteral("operation.planned/success")));

    // The list a supervisor follows: running first, then planned by go time, then finished.
    Operation later = op;
    later.name = QStringLiteral("Operation Dawn");
    later.goAt = hub.clock().nowMs() + 3 * 60 * 60 * 1000;
    Operation sooner = op;
    sooner.name = QStringLiteral("Operation Dusk");
    sooner.goAt = hub.clock().nowMs() + 2 * 60 * 60 * 1000;
    await(hub.tasks->plan(later, division));
    await(hub.tasks->plan(sooner, division));
    Operation now = op;
    now.name = QStringLiteral("Operation Now");
    now.goAt = hub.clock().nowMs() - 1000; // past: it starts at once
    CHECK(await(hub.tasks->plan(now, division)).status == OperationStatus::Running);
    QStringList order;
    for (const Operation& o : await(hub.tasks->operations()))
        order << o.name;
    CHECK(order == QStringList{QStringLiteral("Operation Now"), QStringLiteral("Operation Dusk"), QStringLiteral("Operation Dawn"),
                               QStringLiteral("Operation Net")});
    // A week after it finished, a cancelled operation leaves the list.
    hub.clock().advance(8 * 24 * 3600 * 1000LL);
    CHECK(await(hub.tasks->operations()).size() == 3);

    // Only a hub supervisor commands operations.
    signInAs(hub.tp, QStringLiteral("trainer1"), QStringLiteral("trainer"));
    CHECK_THROWS_AS(await(hub.tasks->plan(op, division)), PermissionDenied);
}

TEST_CASE("Hub: the taxonomy is edited by a supervisor - validated, audited, on the bus - and incidents follow it", "[hub]")
{
    Hub hub;
    QList<IncidentCategory> before = await(hub.incidents->categories());
    IncidentCategory rooftop;
    for (const IncidentCategory& c : before) {
        if (c.id == QStringLiteral("rooftop_rescue"))
            rooftop = c;
    }
    REQUIRE(!rooftop.id.isEmpty());

    // Changing a built-in category: a tighter target and one more playbook step.
    rooftop.responseTargetMs = 6 * 60000;
    rooftop.playbook << QStringLiteral("  Debrief the crews  ") << QStringLiteral("   ");
    const IncidentCategory saved = await(hub.incidents->saveCategory(rooftop));
    CHECK(saved.responseTargetMs == 6 * 60000);
    CHECK(saved.playbook.last() == QStringLiteral("Debrief the crews")); // trimmed, blank lines dropped
    CHECK(saved.playbook.size() == rooftop.playbook.size() - 1);
    CHECK(saved.runCard.needs.size() == rooftop.runCard.needs.size());
    CHECK(saved.version == rooftop.version + 1);
    CHECK(await(hub.incidents->categories()).size() == before.size());
    // Another edit from the copy read before that change is a conflict, not an overwrite; from the
    // saved one it goes.
    IncidentCategory older = rooftop;
    older.onSceneLimitMs = 30 * 60000;
    CHECK_THROWS_AS(await(hub.incidents->saveCategory(older)), ConflictError);
    IncidentCategory newer = saved;
    newer.onSceneLimitMs = 30 * 60000;
    CHECK(await(hub.incidents->saveCategory(newer)).version == saved.version + 1);

    // A new one, with a run card line by skill only.
    IncidentCategory gas;
    gas.id = QStringLiteral("gas_leak");
    gas.name = QStringLiteral("Gas leak");
    gas.responseTargetMs = 8 * 60000;
    gas.onSceneLimitMs = 90 * 60000;
    RunCardNeed car;
    car.kind = UnitKind::PatrolCar;
    car.count = 2;
    RunCardNeed fire;
    fire.kind = UnitKind::FireLiaison;
    gas.runCard.needs << car << fire;
    gas.playbook << QStringLiteral("Evacuate the building") << QStringLiteral("Call the gas company");
    await(hub.incidents->saveCategory(gas));
    const Incident leak = hub.create(QStringLiteral("gas_leak"));
    CHECK(leak.category == QStringLiteral("gas_leak"));
    CHECK(hub.journalTopics(QStringLiteral("category.saved")).size() == 3);
    CHECK(hub.audit().count(QStringLiteral("category.saved/success")) == 3);

    // What is refused, with a reason a person can act on.
    IncidentCategory bad = gas;
    bad.id = QStringLiteral("Gas Leak!");
    CHECK(refusal(hub.incidents->saveCategory(bad)).contains(QStringLiteral("lower-case")));
    bad = gas;
    bad.responseTargetMs = 0;
    CHECK(refusal(hub.incidents->saveCategory(bad)).contains(QStringLiteral("response target")));
    bad = gas;
    bad.name = QStringLiteral("  ");
    CHECK(refusal(hub.incidents->saveCategory(bad)).contains(QStringLiteral("name")));
    bad = gas;
    bad.runCard.needs[0].count = 0;
    CHECK(refusal(hub.incidents->saveCategory(bad)).contains(QStringLiteral("line 1")));
    bad = gas;
    bad.runCard.needs[1].kind.reset();
    CHECK(refusal(hub.incidents->saveCategory(bad)).contains(QStringLiteral("line 2")));

    // Only a supervisor keeps the taxonomy; the refusal is on record.
    signInAs(hub.tp, QStringLiteral("trainer1"), QStringLiteral("trainer"));
    CHECK_THROWS_AS(await(hub.incidents->saveCategory(gas)), PermissionDenied);
    CHECK(hub.audit().contains(QStringLiteral("category.saved/denied")));
}

TEST_CASE("Hub: the built-in taxonomy has run cards, playbooks and every name translated", "[hub]")
{
    Hub hub;
    const QList<IncidentCategory> categories = await(hub.incidents->categories());
    REQUIRE(categories.size() == 9);
    CHECK(categories.first().id == QStringLiteral("rooftop_rescue"));
    CHECK(categories.first().runCard.needs.size() == 5);
    CHECK(categories.first().responseTargetMs == 8 * 60 * 1000);
    for (const IncidentCategory& c : categories) {
        INFO(c.id.toStdString());
        CHECK_FALSE(c.runCard.needs.isEmpty());
        CHECK_FALSE(c.playbook.isEmpty());
    }
}

TEST_CASE("Hub: every name and step of the built-in taxonomy, as stored, is translated to Chinese", "[hub]")
{
    Hub hub;
    QTranslator zh;
    REQUIRE(zh.load(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/share/hexhub/translations/hexhub_zh_CN.qm")));
    QCoreApplication::installTranslator(&zh);
    const QList<IncidentCategory> categories = await(hub.incidents->categories());
    int texts = 0;
    for (const IncidentCategory& c : categories) {
        INFO(c.name.toStdString());
        CHECK(c.displayName() != c.name);
        for (int i = 0; i < c.playbook.size(); ++i) {
            INFO(c.playbook.at(i).toStdString());
            CHECK(c.displayStep(i) != c.playbook.at(i));
            ++texts;
        }
    }
    QCoreApplication::removeTranslator(&zh);
    CHECK(texts == 35);
    CHECK(categories.first().displayName() == QStringLiteral("Person at height (rooftop rescue)"));
}

TEST_CASE("Hub: a missed deadline is announced once, escalates after five minutes unless acknowledged", "[hub]")
{
    Hub hub;
    DeadlineBoard board(hub.tp->bus(), hub.clock());
    board.load();
    REQUIRE(waitUntil([&] { return board.isLoaded(); }));
    QStringList missed, escalated;
    QObject::connect(&board, &DeadlineBoard::missed, [&](const Deadline& d) { missed << d.key; });
    QObject::connect(&board, &DeadlineBoard::escalated, [&](const Deadline& d) { escalated << d.key; });

    const Incident burglary = hub.create(QStringLiteral("burglary"));   // 15-minute response target
    const Incident fire = hub.create(QStringLiteral("fire"), GeoPoint{31.3, 121.5}); // 8 minutes
    const QString burglaryKey = QStringLiteral("hub.incident.%1.response").arg(burglary.id);
    const QString fireKey = QStringLiteral("hub.incident.%1.response").arg(fire.id);
    REQUIRE(waitUntil([&] { return board.deadlines().size() == 2; }));
    CHECK(board.deadlines().first().levelAt(hub.clock().nowMs()) == Deadline::Level::DueSoon);

    hub.clock().advance(9 * 60 * 1000); // the fire's target has passed
    REQUIRE(waitUntil([&] { return missed.size() == 1; }));
    CHECK(missed == QStringList{fireKey});
    await(acknowledgeDeadline(hub.tp->store(), fireKey, QStringLiteral("sup")));
    REQUIRE(waitUntil([&] { return !board.deadlines().first().acknowledgedBy.isEmpty(); }));
    CHECK(board.deadlines().first().acknowledgedBy == QStringLiteral("sup"));

    hub.clock().advance(12 * 60 * 1000); // burglary missed too, and long enough for escalation
    REQUIRE(waitUntil([&] { return missed.size() == 2 && !escalated.isEmpty(); }));
    CHECK(escalated == QStringList{burglaryKey}); // the acknowledged fire does not escalate
    const qint64 now = hub.clock().nowMs();
    for (const Deadline& d : board.deadlines())
        CHECK(d.levelAt(now) == (d.key == fireKey ? Deadline::Level::Missed : Deadline::Level::Escalated));

    hub.clock().advance(60 * 1000);
    QCoreApplication::processEvents();
    CHECK(missed.size() == 2); // announced once each
    CHECK(escalated.size() == 1);

    // A desk opened now lists them, without announcing them again.
    DeadlineBoard later(hub.tp->bus(), hub.clock());
    int announced = 0;
    QObject::connect(&later, &DeadlineBoard::missed, [&] { ++announced; });
    later.load();
    REQUIRE(waitUntil([&] { return later.isLoaded(); }));
    hub.clock().advance(60 * 1000);
    QCoreApplication::processEvents();
    CHECK(later.deadlines().size() == 2);
    CHECK(later.deadlines().first().acknowledgedBy == QStringLiteral("sup"));
    CHECK(announced == 0);
}
