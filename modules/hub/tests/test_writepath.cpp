// The hub's write path (issue 5) through the real store, on SQLite and PostgreSQL: edits against the
// version the operator saw, commands applied once, every journaled event a typed payload, one open
// dispatch per unit.
#include "hubtestsupport.h"

#include "base/error.h"
#include "bus/event.h"
#include "hexhub/hub/events.h"
#include "hexhub/hub/hubservices.h"
#include "store/sql.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <functional>
#include <utility>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::hubtest;

TEST_CASE("Hub: edits need the version the operator saw", "[hub]")
{
    Hub hub;
    const Incident incident = hub.create();
    IncidentEdit edit;
    edit.priority = 2;
    const Incident changed = await(hub.incidents->edit(incident.id, incident.version, edit));
    CHECK(changed.priority == 2);
    CHECK(changed.version == incident.version + 1);
    edit.priority = 3;
    CHECK_THROWS_AS(await(hub.incidents->edit(incident.id, incident.version, edit)), ConflictError);
    CHECK(await(hub.incidents->get(incident.id)).priority == 2);
}

TEST_CASE("Hub: an edit conflicts only with a change of the fields it changes", "[hub]")
{
    Hub hub;
    const Incident seen = hub.create();
    // Someone else raises the priority and adds a note after this operator opened the form.
    const int theirs = seen.priority == 1 ? 2 : 1;
    IncidentEdit raise;
    raise.priority = theirs;
    await(hub.incidents->edit(seen, raise));
    await(hub.incidents->addNote(seen.id, QStringLiteral("Caller rang back")));

    // The operator's summary goes on top of both.
    IncidentEdit summary;
    summary.summary = QStringLiteral("Two cars, one on its roof");
    const Incident merged = await(hub.incidents->edit(seen, summary));
    CHECK(merged.summary == QStringLiteral("Two cars, one on its roof"));
    CHECK(merged.priority == theirs);
    CHECK(merged.version == seen.version + 3);

    // Their priority against this operator's, from what this operator saw: a conflict, nothing written.
    IncidentEdit lower;
    lower.priority = theirs == 4 ? 3 : 4;
    REQUIRE(*lower.priority != seen.priority);
    CHECK_THROWS_AS(await(hub.incidents->edit(seen, lower)), ConflictError);
    CHECK(await(hub.incidents->get(seen.id)).priority == theirs);
    // The same value as theirs is no conflict.
    CHECK(await(hub.incidents->edit(seen, raise)).priority == theirs);
    // A summary rewritten by someone else since is.
    IncidentEdit again;
    again.summary = QStringLiteral("Three cars");
    CHECK_THROWS_AS(await(hub.incidents->edit(seen, again)), ConflictError);
    CHECK(await(hub.incidents->get(seen.id)).summary == QStringLiteral("Two cars, one on its roof"));
}

TEST_CASE("Hub: a command sent twice is applied once and answers with what it made", "[hub]")
{
    Hub hub;
    hub.addUnit(QStringLiteral("P-1"), UnitKind::PatrolCar, 1.0);
    NewIncident n;
    n.priority = 2;
    n.category = QStringLiteral("rooftop_rescue");
    n.summary = QStringLiteral("Smoke on the fourth floor");
    n.location = Location{QStringLiteral("Harbour Tower"), kTower};
    const CommandId create = CommandId::make();
    const Incident first = await(hub.incidents->create(n, create));
    // The answer was lost; the desk sends the same command again (a retry, a double press).
    const Incident again = await(hub.incidents->create(n, create));
    CHECK(again.id == first.id);
    CHECK(again.number == first.number);
    const auto count = [&](const QString& sqlText) {
        return await(hub.tp->store().read([sqlText](Sql& sql) { return sql.scalar(sqlText).toInt(); }));
    };
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents")) == 1);
    CHECK(hub.journalTopics(QStringLiteral("incident.created")).size() == 1);
    // A new command is a new incident.
    CHECK(await(hub.incidents->create(n)).id != first.id);

    const CommandId dispatch = CommandId::make();
    CHECK(await(hub.incidents->dispatch(first.id, {QStringLiteral("P-1")}, dispatch)).size() == 1);
    const QList<Unit> redispatched = await(hub.incidents->dispatch(first.id, {QStringLiteral("P-1")}, dispatch));
    REQUIRE(redispatched.size() == 1);
    CHECK(redispatched.first().status == UnitStatus::EnRoute);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM hub_dispatches WHERE unit_id = 'P-1'")) == 1);
    // Without the command id, the same request is a second dispatch, and the unit is busy.
    CHECK(refusal(hub.incidents->dispatch(first.id, {QStringLiteral("P-1")})).contains(QStringLiteral("not available")));

    const Task task = await(hub.tasks->issue(newTask(AssigneeKind::Centre, QStringLiteral("supervision"), QStringLiteral("Call back"))));
    const CommandId accept = CommandId::make();
    CHECK(await(hub.tasks->accept(task.id, accept)).status == TaskStatus::Accepted);
    CHECK(await(hub.tasks->accept(task.id, accept)).status == TaskStatus::Accepted);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'task.updated'")) == 1);

    // An id is one command: used again for another operation, it is refused and changes nothing.
    const QString reused = refusal(hub.tasks->complete(task.id, {}, accept));
    CHECK(reused.contains(QStringLiteral("already used")));
    CHECK(await(hub.tasks->openTasks()).size() == 1);
    // A null id cannot be recorded, so the change is refused rather than left repeatable.
    CHECK(refusal(hub.incidents->addNote(first.id, QStringLiteral("note"), CommandId())).contains(QStringLiteral("command id")));
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'incident.note'")) == 0);

    // Each applied command is on record with its module, operation, actor and result.
    const QStringList applied = await(hub.tp->store().read([](Sql& sql) {
        QStringList out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT module, operation, actor FROM applied_commands ORDER BY applied_at, operation"));
        while (q.next())
            out << q.value(0).toString() + u' ' + q.value(1).toString() + u' ' + q.value(2).toString();
        return out;
    }));
    CHECK(applied.contains(QStringLiteral("hub hub.incident.create sup")));
    CHECK(applied.contains(QStringLiteral("hub hub.incident.dispatch sup")));
    CHECK(applied.contains(QStringLiteral("hub hub.task.accept sup")));
    CHECK(applied.count(QStringLiteral("hub hub.incident.create sup")) == 2);
}

namespace {

// Whether the journaled payload of `event` reads back as the hub's typed payload of its topic.
template <EventPayload T>
std::pair<QString, std::function<bool(const Event&)>> reader()
{
    return {QString::fromLatin1(T::kTopic), [](const Event& e) { return e.schemaVersion == T::kSchemaVersion && payloadAs<T>(e).has_value(); }};
}

} // namespace

TEST_CASE("Hub: every event the hub journals is one of its typed payloads and reads back as one", "[hub]")
{
    Hub hub;
    const QMap<QString, std::function<bool(const Event&)>> readers{
        reader<IncidentCreated>(), reader<IncidentUpdated>(), reader<IncidentStatusChanged>(), reader<IncidentNoteAdded>(),
        reader<IncidentLinked>(), reader<PlaybookStepTicked>(), reader<UnitsDispatched>(), reader<UnitArrived>(),
        reader<UnitCleared>(), reader<IncidentsMerged>(), reader<UnitStatusChanged>(), reader<UnitRegistered>(),
        reader<UnitMoved>(), reader<TaskAssigned>(), reader<TaskUpdated>(), reader<OperationPlanned>(),
        reader<OperationStarted>(), reader<OperationFinished>(), reader<CategorySaved>()};

    // Every hub operation that publishes, once.
    hub.addUnit(QStringLiteral("P-1"), UnitKind::PatrolCar, 1.0);
    hub.addUnit(QStringLiteral("P-2"), UnitKind::PatrolCar, 2.0);
    await(hub.units->reportPosition(QStringLiteral("P-2"), kTower));
    const Incident keep = hub.create();
    const Incident dup = hub.create(QStringLiteral("rooftop_rescue"), kTower, QStringLiteral("Same roof, second caller"));
    IncidentEdit edit;
    edit.priority = 2;
    await(hub.incidents->edit(keep.id, keep.version, edit));
    await(hub.incidents->addNote(keep.id, QStringLiteral("Air cushion at the north door")));
    await(hub.incidents->link(keep.id, QStringLiteral("case"), QStringLiteral("C-2026-0042")));
    await(hub.incidents->tickStep(keep.id, 0, true));
    await(hub.incidents->dispatch(keep.id, {QStringLiteral("P-1")}));
    await(hub.incidents->unitArrived(keep.id, QStringLiteral("P-1")));
    await(hub.incidents->dispatch(dup.id, {QStringLiteral("P-2")}));
    await(hub.incidents->merge(keep.id, dup.id));
    await(hub.incidents->unitCleared(QStringLiteral("P-2")));
    const Task task = await(hub.tasks->issue(newTask(AssigneeKind::Centre, QStringLiteral("supervision"), QStringLiteral("Call back"))));
    await(hub.tasks->accept(task.id));
    Operation op;
    op.name = QStringLiteral("Harbour sweep");
    op.goAt = hub.clock().nowMs() + 3600 * 1000;
    const Operation planned = await(hub.tasks->plan(op, {newTask(AssigneeKind::Unit, QStringLiteral("P-2"), QStringLiteral("North gate"))}));
    await(hub.tasks->start(planned.id));
    await(hub.tasks->finish(planned.id, OperationStatus::Cancelled));
    IncidentCategory category = await(hub.incidents->categories()).first();
    category.onSceneLimitMs += 60000;
    await(hub.incidents->saveCategory(category));

    const QList<Event> events = await(hub.tp->store().read([](Sql& sql) {
        QList<Event> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT topic, payload, schema_version FROM events WHERE source = 'hub' ORDER BY seq"));
        while (q.next()) {
            Event e;
            e.topic = q.value(0).toString();
            e.payload = QJsonDocument::fromJson(q.value(1).toByteArray()).object();
            e.schemaVersion = q.value(2).toInt();
            out << e;
        }
        return out;
    }));
    QSet<QString> seen;
    for (const Event& e : events) {
        if (e.topic.startsWith(QLatin1String("deadline.")) || e.topic.startsWith(QLatin1String("camera.")) || e.topic.startsWith(QLatin1String("media.")))
            continue; // typed in core (deadlines.h) and in camera.h, tested there
        INFO(e.topic.toStdString() << " " << QJsonDocument(e.payload).toJson(QJsonDocument::Compact).toStdString());
        REQUIRE(readers.contains(e.topic));
        CHECK(readers.value(e.topic)(e));
        seen << e.topic;
    }
    // Every payload type was exercised.
    CHECK(seen.size() == readers.size());

    // A payload that is not one is refused, not read half.
    Event damaged;
    damaged.topic = QStringLiteral("incident.dispatched");
    damaged.payload = QJsonObject{{QStringLiteral("incident"), 7}, {QStringLiteral("number"), QStringLiteral("2026-000007")}};
    CHECK_FALSE(payloadAs<UnitsDispatched>(damaged).has_value());
    damaged.topic = QStringLiteral("unit.status");
    damaged.payload = QJsonObject{{QStringLiteral("unit"), QStringLiteral("P-1")}, {QStringLiteral("from"), QStringLiteral("flying")},
                                  {QStringLiteral("to"), QStringLiteral("available")}};
    CHECK_FALSE(payloadAs<UnitStatusChanged>(damaged).has_value());
}

TEST_CASE("Hub: a unit is on one incident at a time - the service refuses a unit named twice, the store a second open dispatch", "[hub]")
{
    Hub hub;
    const Incident first = hub.create();
    const Incident second = hub.create(QStringLiteral("rooftop_rescue"), kTower, QStringLiteral("Smoke from a window"));
    hub.addUnit(QStringLiteral("P-1"), UnitKind::PatrolCar, 1.0);

    CHECK(refusal(hub.incidents->dispatch(first.id, {QStringLiteral("P-1"), QStringLiteral("P-1")}))
              .contains(QStringLiteral("named twice")));
    CHECK(hub.unit(QStringLiteral("P-1")).status == UnitStatus::Available);
    await(hub.incidents->dispatch(first.id, {QStringLiteral("P-1")}));
    CHECK(refusal(hub.incidents->dispatch(second.id, {QStringLiteral("P-1")})).contains(QStringLiteral("not available")));

    // Written around the service (a second desk's stale read, a script): the store itself refuses.
    const QString refused = failureOf(hub.tp->store().write([id = second.id](WriteTransaction& txn) {
        txn.exec(QStringLiteral("INSERT INTO hub_dispatches (incident_id, unit_id, dispatched_at, dispatched_by) "
                                "VALUES (?, 'P-1', 0, 'script')"),
                 {id});
    }));
    CHECK_FALSE(refused.isEmpty());
    const int open = await(hub.tp->store().read([](Sql& sql) {
        return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_dispatches WHERE unit_id = 'P-1' AND cleared_at IS NULL")).toInt();
    }));
    CHECK(open == 1);

    // Once cleared, the unit can be sent again.
    await(hub.incidents->unitArrived(first.id, QStringLiteral("P-1")));
    await(hub.incidents->unitCleared(QStringLiteral("P-1")));
    CHECK(await(hub.incidents->dispatch(second.id, {QStringLiteral("P-1")})).size() == 1);
}
