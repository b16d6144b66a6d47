// Changes to shared rows through the outbox: versions, conflicts shown to the operator, decisions
// journaled and audited, nothing applied twice, nothing dropped. Runs on both stores; the server
// going away is tested with desks in tests/desks.
#include "testsupport.h"

#include "security/accesscontrol.h"
#include "security/audit.h"
#include "security/session.h"
#include "base/clock.h"
#include "base/error.h"
#include "bus/eventbus.h"
#include "store/outbox.h"
#include "module/platform.h"
#include "store/store.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;

namespace {

RowChange newIncident(const QString& number, const QString& summary)
{
    RowChange change;
    change.table = QStringLiteral("hub_incidents");
    change.values = {{QStringLiteral("number"), number},
                     {QStringLiteral("priority"), 2},
                     {QStringLiteral("category"), QStringLiteral("theft")},
                     {QStringLiteral("source"), QStringLiteral("call")},
                     {QStringLiteral("summary"), summary},
                     {QStringLiteral("created_at"), 0},
                     {QStringLiteral("updated_at"), 0}};
    change.topic = QStringLiteral("incident.created");
    change.payload = {{QStringLiteral("number"), number}};
    change.actor = QStringLiteral("alice");
    change.source = QStringLiteral("hub");
    change.summary = QStringLiteral("New incident ") + number;
    return change;
}

RowChange edit(const QVariant& key, qint64 baseVersion, const QVariantMap& values, const QString& actor)
{
    RowChange change;
    change.table = QStringLiteral("hub_incidents");
    change.key = key;
    change.baseVersion = baseVersion;
    change.values = values;
    change.topic = QStringLiteral("incident.updated");
    change.actor = actor;
    change.source = QStringLiteral("hub");
    change.summary = QStringLiteral("Edit by ") + actor;
    return change;
}

struct Row
{
    QString summary;
    qint64 priority = 0;
    qint64 version = 0;
};

Row row(Platform& platform, const QVariant& key)
{
    return await(platform.store().read([key](Sql& sql) {
        QSqlQuery q = sql.exec(QStringLiteral("SELECT summary, priority, version FROM hub_incidents WHERE id = ?"), {key});
        Row r;
        if (q.next())
            r = Row{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()};
        return r;
    }));
}

QList<Event> journal(Platform& platform, const QString& topics)
{
    EventRange range;
    range.topicPattern = topics;
    return await(platform.bus().replay(range));
}

// Ann's desk key (Principal::deskKey), as her sign-in would make it (with little work: a test).
QByteArray annsDeskKey()
{
    return Outbox::deskKey(QStringLiteral("ann"), QStringLiteral("Her-Passw0rd-here"), 10);
}

// A store, audit key and outbox that outlive one desk, so a test can stop the desk and start it again.
struct DeskFiles
{
    QTemporaryDir dir;
    std::optional<StoreUrl> database;
    TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});

    DeskFiles()
    {
        if (onPostgres()) {
            database = createTestDatabase();
            config.store = *database;
        } else {
            config.storePath = dir.filePath(QStringLiteral("store.db"));
        }
        config.keyPath = dir.filePath(QStringLiteral("audit.key"));
        config.outboxPath = dir.filePath(QStringLiteral("desk.outbox"));
    }
    ~DeskFiles()
    {
        if (database)
            dropTestDatabase(*database);
    }
};

} // namespace

TEST_CASE("A change to a shared row is applied with its version raised and its event journaled", "[outbox]")
{
    TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
    tp.start();
    Outbox& outbox = tp->outbox();

    const ChangeResult created = await(outbox.submit(newIncident(QStringLiteral("2026-1"), QStringLiteral("Bike stolen"))));
    REQUIRE(created.outcome == ChangeResult::Outcome::Applied);
    CHECK(created.version == 1);
    const ChangeResult edited = await(outbox.submit(edit(created.key, 1, {{QStringLiteral("priority"), 1}}, QStringLiteral("bob"))));
    REQUIRE(edited.outcome == ChangeResult::Outcome::Applied);
    CHECK(edited.version == 2);
    CHECK(row(*tp, created.key).priority == 1);
    CHECK(outbox.waiting() == 0);

    const QList<Event> events = journal(*tp, QStringLiteral("incident.*"));
    REQUIRE(events.size() == 2);
    CHECK(events[0].topic == QStringLiteral("incident.created"));
    CHECK(events[0].actor == QStringLiteral("alice"));
    CHECK(events[1].payload.value(QStringLiteral("version")).toInteger() == 2);
    CHECK(events[1].payload.value(QStringLiteral("key")).toInteger() == created.key.toLongLong());
    CHECK(events[1].actor == QStringLiteral("bob"));
}

TEST_CASE("The same change applied twice changes the row once and journals one event", "[outbox]")
{
    TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
    tp.start();
    const ChangeResult created = await(tp->outbox().submit(newIncident(QStringLiteral("2026-1"), QStringLiteral("Bike stolen"))));
    RowChange change = edit(created.key, 1, {{QStringLiteral("summary"), QStringLiteral("Two bikes stolen")}}, QStringLiteral("bob"));
    change.id = QUuid::createUuid();
    // As a replay does after a commit whose confirmation was lost.
    const auto first = await(tp->store().write([change](WriteTransaction& txn) { return Outbox::apply(txn, change, false); }));
    const auto second = await(tp->store().write([change](WriteTransaction& txn) { return Outbox::apply(txn, change, false); }));
    CHECK(first.kind == Outbox::Applied::Kind::Applied);
    CHECK(second.kind == Outbox::Applied::Kind::AlreadyApplied);
    CHECK(second.version == 2);
    CHECK(row(*tp, created.key).version == 2);
    CHECK(journal(*tp, QStringLiteral("incident.updated")).size() == 1);
}

TEST_CASE("A stale change is not applied: the operator keeps theirs or discards it, and the decision is journaled",
          "[outbox]")
{
    TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
    tp.start();
    Outbox& outbox = tp->outbox();
    QList<OutboxEntry> attention;
    QObject guard;
    QObject::connect(&outbox, &Outbox::attentionNeeded, &guard, [&](const OutboxEntry& e) { attention << e; });
    // Alice works at this desk: what she makes is kept (and sealed) in her name.
    signInAs(tp, QStringLiteral("alice"), QStringLiteral("hub_supervisor"));
    const Principal alice = tp->session().principal();

    const ChangeResult created = await(outbox.submit(newIncident(QStringLiteral("2026-7"), QStringLiteral("Man on roof"))));
    // Bob raises the priority; Alice, who still sees version 1, rewrites the summary.
    REQUIRE(await(outbox.submit(edit(created.key, 1, {{QStringLiteral("priority"), 1}}, QStringLiteral("bob")))).outcome
            == ChangeResult::Outcome::Applied);
    const RowChange alices = edit(created.key, 1, {{QStringLiteral("summary"), QStringLiteral("Two people on roof")},
                                                   {QStringLiteral("priority"), 3}},
                                  QStringLiteral("alice"));
    CHECK(await(outbox.submit(alices)).outcome == ChangeResult::Outcome::Conflict);
    REQUIRE(waitUntil([&] { return attention.size() == 1; }));
    CHECK(attention[0].state == OutboxEntry::State::Conflict);
    CHECK(attention[0].theirVersion == 2);
    CHECK(attention[0].theirs.value(QStringLiteral("priority")).toLongLong() == 1);
    CHECK(attention[0].theirs.value(QStringLiteral("summary")).toString() == QStringLiteral("Man on roof"));
    CHECK(row(*tp, created.key).summary == QStringLiteral("Man on roof")); // not applied blindly
    CHECK(outbox.waiting() == 1);
    CHECK(outbox.blocked());

    // A change made meanwhile waits behind the conflict, in order.
    const ChangeResult later = await(outbox.submit(newIncident(QStringLiteral("2026-8"), QStringLiteral("Car alarm"))));
    CHECK(later.outcome == ChangeResult::Outcome::Queued);
    CHECK(outbox.waiting() == 2);

    // Only the operator signed in at the desk decides, in their own name.
    tp->session().clear();
    CHECK(failureOf(outbox.resolve(attention[0].change.id, Outbox::Resolution::DiscardMine, QStringLiteral("alice")))
              .contains(QStringLiteral("signed in")));
    tp->session().setPrincipal(alice);
    CHECK(failureOf(outbox.resolve(attention[0].change.id, Outbox::Resolution::DiscardMine, QStringLiteral("bob")))
              .contains(QStringLiteral("signed in")));

    SECTION("keep mine")
    {
        const ChangeResult kept = await(outbox.resolve(attention[0].change.id, Outbox::Resolution::KeepMine,
                                                       QStringLiteral("alice")));
        CHECK(kept.outcome == ChangeResult::Outcome::Applied);
        CHECK(kept.version == 3);
        const Row r = row(*tp, created.key);
        CHECK(r.summary == QStringLiteral("Two people on roof"));
        CHECK(r.priority == 3);
        const QList<Event> resolved = journal(*tp, QStringLiteral("change.conflict_resolved"));
        REQUIRE(resolved.size() == 1);
        const QJsonObject p = resolved[0].payload;
        CHECK(p.value(QStringLiteral("decision")).toString() == QStringLiteral("keep_mine"));
        CHECK(p.value(QStringLiteral("base_version")).toInteger() == 1);
        CHECK(p.value(QStringLiteral("their_version")).toInteger() == 2);
        CHECK(p.value(QStringLiteral("theirs")).toObject().value(QStringLiteral("priority")).toInteger() == 1);
        CHECK(p.value(QStringLiteral("mine")).toObject().value(QStringLiteral("priority")).toInteger() == 3);
        CHECK(resolved[0].actor == QStringLiteral("alice"));
        CHECK(journal(*tp, QStringLiteral("incident.updated")).size() == 2);
    }
    SECTION("discard mine")
    {
        const ChangeResult dropped = await(outbox.resolve(attention[0].change.id, Outbox::Resolution::DiscardMine,
                                                          QStringLiteral("alice")));
        CHECK(dropped.outcome == ChangeResult::Outcome::Applied);
        const Row r = row(*tp, created.key);
        CHECK(r.summary == QStringLiteral("Man on roof"));
        CHECK(r.version == 2);
        const QList<Event> resolved = journal(*tp, QStringLiteral("change.conflict_resolved"));
        REQUIRE(resolved.size() == 1);
        CHECK(resolved[0].payload.value(QStringLiteral("decision")).toString() == QStringLiteral("discard_mine"));
        CHECK(resolved[0].payload.value(QStringLiteral("mine")).toObject().value(QStringLiteral("summary")).toString()
              == QStringLiteral("Two people on roof")); // what was discarded stays on record
        CHECK(journal(*tp, QStringLiteral("incident.updated")).size() == 1);
    }
    // Either way the decision unblocks the queue: the later change reaches the server.
    REQUIRE(waitUntil([&] { return outbox.waiting() == 0; }));
    CHECK(!outbox.blocked());
    CHECK(journal(*tp, QStringLiteral("incident.created")).size() == 2);
    const QList<AuditRecord> audit = await(tp->audit().page(0, 100));
    const bool audited = std::any_of(audit.begin(), audit.end(), [](const AuditRecord& r) {
        return r.entry.action == QStringLiteral("change.conflict_resolved") && r.entry.actor == QStringLiteral("alice");
    });
    CHECK(audited);
    CHECK(await(tp->audit().verify()).intact);
    // A decided change cannot be decided again.
    CHECK(failureOf(outbox.resolve(attention[0].change.id, Outbox::Resolution::KeepMine, QStringLiteral("alice")))
              .contains(QStringLiteral("No change")));
}

TEST_CASE("A change waiting for a decision survives the desk restarting, and holds back only what touches its record",
          "[outbox]")
{
    DeskFiles files;
    const TestPlatform::Config config = files.config;
    QUuid conflicted;
    {
        TestPlatform tp(config);
        tp.start();
        signInAs(tp, QStringLiteral("alice"), QStringLiteral("hub_supervisor"));
        const ChangeResult created = await(tp->outbox().submit(newIncident(QStringLiteral("2026-9"), QStringLiteral("Fight"))));
        await(tp->outbox().submit(edit(created.key, 1, {{QStringLiteral("priority"), 1}}, QStringLiteral("bob"))));
        RowChange stale = edit(created.key, 1, {{QStringLiteral("priority"), 4}}, QStringLiteral("alice"));
        stale.id = conflicted = QUuid::createUuid();
        REQUIRE(await(tp->outbox().submit(stale)).outcome == ChangeResult::Outcome::Conflict);
        // Behind it: Alice's next edit of the same incident, and a new incident.
        await(tp->outbox().submit(edit(created.key, 2, {{QStringLiteral("summary"), QStringLiteral("Fight, knives")}},
                                       QStringLiteral("alice"))));
        await(tp->outbox().submit(newIncident(QStringLiteral("2026-10"), QStringLiteral("Noise"))));
    }
    TestPlatform again(config);
    QList<OutboxEntry> attention;
    QObject guard;
    QObject::connect(&again->outbox(), &Outbox::attentionNeeded, &guard, [&](const OutboxEntry& e) { attention << e; });
    again.start();
    // What waits goes once Alice, who made it, signs in again.
    const SignInResult alice = await(again->access().signIn(QStringLiteral("alice"), QStringLiteral("Desk-Passw0rd-42")));
    REQUIRE(alice.principal.isValid());
    again->session().setPrincipal(alice.principal);
    // The new incident goes; the conflict and the edit of the same record behind it wait.
    REQUIRE(waitUntil([&] { return !attention.isEmpty() && again->outbox().waiting() == 2; }));
    CHECK(attention[0].change.id == conflicted);
    CHECK(journal(*again, QStringLiteral("incident.created")).size() == 2);
    const QList<OutboxEntry> entries = await(again->outbox().entries());
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].state == OutboxEntry::State::Conflict);
    CHECK(entries[1].state == OutboxEntry::State::Queued);
    CHECK(entries[1].heldBack);
    CHECK(entries[1].change.summary == QStringLiteral("Edit by alice"));
    await(again->outbox().resolve(conflicted, Outbox::Resolution::DiscardMine, QStringLiteral("alice")));
    REQUIRE(waitUntil([&] { return again->outbox().waiting() == 0; }));
    CHECK(journal(*again, QStringLiteral("incident.updated")).size() == 2);
}

TEST_CASE("Changes that name what they may not are refused before anything is kept", "[outbox]")
{
    TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
    tp.start();
    Outbox& outbox = tp->outbox();
    RowChange badTable = newIncident(QStringLiteral("x"), QStringLiteral("x"));
    badTable.table = QStringLiteral("hub_incidents; DROP TABLE events");
    CHECK(failureOf(outbox.submit(badTable)).contains(QStringLiteral("not a table or column name")));
    RowChange setsVersion = newIncident(QStringLiteral("x"), QStringLiteral("x"));
    setsVersion.values.insert(QStringLiteral("version"), 99);
    CHECK(failureOf(outbox.submit(setsVersion)).contains(QStringLiteral("version")));
    RowChange silent = newIncident(QStringLiteral("x"), QStringLiteral("x"));
    silent.topic.clear();
    CHECK(failureOf(outbox.submit(silent)).contains(QStringLiteral("journaled")));
    // A change the server's rules refuse is reported to the caller, who still has it.
    RowChange invalid = newIncident(QStringLiteral("x"), QStringLiteral("x"));
    invalid.values.insert(QStringLiteral("priority"), 9);
    CHECK_FALSE(failureOf(outbox.submit(invalid)).isEmpty());
    CHECK(outbox.waiting() == 0);
    CHECK(journal(*tp, QStringLiteral("*")).isEmpty());
}

TEST_CASE("An outbox entry that cannot be read is shown, not dropped", "[outbox][sqlite]")
{
    QTemporaryDir dir;
    TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
    config.storePath = dir.filePath(QStringLiteral("store.db"));
    config.keyPath = dir.filePath(QStringLiteral("audit.key"));
    {
        TestPlatform tp(config);
        tp.start();
        const ChangeResult created = await(tp->outbox().submit(newIncident(QStringLiteral("1"), QStringLiteral("a"))));
        await(tp->outbox().submit(edit(created.key, 1, {{QStringLiteral("priority"), 1}}, QStringLiteral("bob"))));
        REQUIRE(await(tp->outbox().submit(edit(created.key, 1, {{QStringLiteral("priority"), 3}}, QStringLiteral("al"))))
                    .outcome
                == ChangeResult::Outcome::Conflict);
    }
    {
        RawSqlite raw(config.storePath + QStringLiteral(".outbox"));
        raw.exec(QStringLiteral("UPDATE outbox SET change = '{not json'"));
    }
    TestPlatform again(config);
    QList<OutboxEntry> attention;
    QObject guard;
    QObject::connect(&again->outbox(), &Outbox::attentionNeeded, &guard, [&](const OutboxEntry& e) { attention << e; });
    again.start();
    REQUIRE(waitUntil([&] { return !attention.isEmpty(); }));
    CHECK(attention[0].state == OutboxEntry::State::Failed);
    CHECK(!attention[0].change.id.isNull());
    CHECK(again->outbox().waiting() == 1);
}

TEST_CASE("A desk whose outbox file is not a database does not start, and the file is left alone", "[outbox][sqlite]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.outbox"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("these are somebody's notes, not an outbox\n");
    file.close();
    const QByteArray before = sha256OfFile(path);
    TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
    config.outboxPath = path;
    TestPlatform tp(config);
    const QString failure = failureOf(tp->start());
    CHECK(failure.contains(QStringLiteral("outbox")));
    CHECK(failure.contains(path));
    CHECK(sha256OfFile(path) == before);
}

TEST_CASE("Closing the desk settles what the operator submitted and refuses what comes after", "[outbox]")
{
    DeskFiles files;
    const TestPlatform::Config config = files.config;
    {
        TestPlatform tp(config);
        tp.start();
        // Submitted, not awaited: the desk shuts down at once.
        QList<QFuture<ChangeResult>> submitted;
        for (int i = 0; i < 5; ++i)
            submitted << tp->outbox().submit(newIncident(QStringLiteral("S-%1").arg(i), QStringLiteral("Last calls")));
        tp->stop();
        for (auto& f : submitted) {
            REQUIRE(f.isFinished());
            CHECK(resultOf(f).outcome == ChangeResult::Outcome::Applied);
        }
        CHECK(failureOf(tp->outbox().submit(newIncident(QStringLiteral("late"), QStringLiteral("x")))).contains(QStringLiteral("closed")));
    }
    TestPlatform again(config);
    again.start();
    CHECK(journal(*again, QStringLiteral("incident.created")).size() == 5);
}

TEST_CASE("Two desks cannot share one outbox file", "[outbox][sqlite]")
{
    QTemporaryDir dir;
    TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
    config.outboxPath = dir.filePath(QStringLiteral("shared.outbox"));
    TestPlatform first(config);
    first.start();
    TestPlatform second(config);
    const QString failure = failureOf(second->start());
    CHECK(failure.contains(QStringLiteral("in use by another Hexhub")));
    first->stop();
    TestPlatform third(config); // free again once the first desk closed
    CHECK_NOTHROW(third.start());
}

TEST_CASE("A desk's outbox opens in a folder not made yet", "[outbox][sqlite]")
{
    // The platform opens the outbox beside the store, maybe before the store made any folder.
    QTemporaryDir dir;
    TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
    config.outboxPath = dir.filePath(QStringLiteral("not/made/yet/desk.outbox"));
    TestPlatform tp(config);
    tp.start();
    CHECK(QFileInfo::exists(config.outboxPath));
    CHECK(tp->outbox().waiting() == 0);
}

TEST_CASE("What an earlier run left waits while the replay is held, and replays when it is released", "[outbox][sqlite]")
{
    TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
    tp.start();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("earlier.outbox"));
    SystemClock clock;
    OfflineCommand command;
    command.id = CommandId::make();
    command.operation = QStringLiteral("test.held");
    command.args = {{QStringLiteral("number"), QStringLiteral("2026-HELD")}};
    command.summary = QStringLiteral("Kept while the server was away");
    command.madeBy = QStringLiteral("ann");
    { // what an earlier run kept
        Outbox earlier(tp->store(), clock, nullptr, path);
        earlier.holdReplay(true);
        earlier.setOperator(QStringLiteral("ann"), annsDeskKey());
        await(earlier.open());
        await(earlier.keep(command));
        earlier.close();
    }
    int sent = 0;
    Outbox outbox(tp->store(), clock, nullptr, path);
    outbox.holdReplay(true);
    outbox.addReplayer(QStringLiteral("test.held"), [&sent](const QJsonObject& args, const CommandId&, bool) {
        sent += args.value(QStringLiteral("number")).toString() == QStringLiteral("2026-HELD") ? 1 : 100;
        return QtFuture::makeReadyFuture();
    });
    outbox.setOperator(QStringLiteral("ann"), annsDeskKey());
    await(outbox.open());
    CHECK(outbox.waiting() == 1);
    // Held: open() replayed nothing, nor does the server coming back.
    tp->store().setDegraded(true);
    tp->store().setDegraded(false);
    await(tp->store().write([](WriteTransaction&) {}));
    // A replay would have read the file before this read (one reader, in order) and called the
    // replayer as that read came back, before this one does.
    await(outbox.entries());
    CHECK(sent == 0);
    CHECK(outbox.waiting() == 1);

    outbox.holdReplay(false);
    REQUIRE(waitUntil([&] { return outbox.waiting() == 0; }));
    CHECK(sent == 1);
    outbox.close();
}

TEST_CASE("An entry moved in the outbox file's order, or given another id there, is not sent", "[outbox][sqlite]")
{
    TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
    tp.start();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("moved.outbox"));
    SystemClock clock;
    auto command = [](const QString& text) {
        OfflineCommand c;
        c.id = CommandId::make();
        c.operation = QStringLiteral("test.say");
        c.args = {{QStringLiteral("text"), text}};
        c.records = {QStringLiteral("thing:%1").arg(text)};
        c.summary = text;
        c.madeBy = QStringLiteral("ann");
        return c;
    };
    const OfflineCommand first = command(QStringLiteral("first")), second = command(QStringLiteral("second"));
    {
        Outbox kept(tp->store(), clock, nullptr, path);
        kept.holdReplay(true);
        kept.setOperator(QStringLiteral("ann"), annsDeskKey());
        await(kept.open());
        await(kept.keep(first));
        await(kept.keep(second));
        await(kept.keep(command(QStringLiteral("third"))));
        kept.close();
    }
    {
        RawSqlite file(path);
        // The first one moved to the end of the order; the second one's id column rewritten.
        file.exec(QStringLiteral("UPDATE outbox SET position = 1000 WHERE change_id = ?"), {first.id.toString()});
        file.exec(QStringLiteral("UPDATE outbox SET change_id = ? WHERE change_id = ?"),
                  {CommandId::make().toString(), second.id.toString()});
    }
    QStringList sent;
    Outbox outbox(tp->store(), clock, nullptr, path);
    outbox.addReplayer(QStringLiteral("test.say"), [&sent](const QJsonObject& args, const CommandId&, bool) {
        sent << args.value(QStringLiteral("text")).toString();
        return QtFuture::makeReadyFuture();
    });
    QList<OutboxEntry> attention;
    QObject guard;
    QObject::connect(&outbox, &Outbox::attentionNeeded, &guard, [&](const OutboxEntry& e) { attention << e; });
    outbox.setOperator(QStringLiteral("ann"), annsDeskKey());
    await(outbox.open());
    // The third, untouched, goes; the moved one is refused for its seal, the renamed one as unreadable.
    REQUIRE(waitUntil([&] { return sent.size() == 1 && attention.size() == 2; }));
    CHECK(sent == QStringList{QStringLiteral("third")});
    for (const OutboxEntry& refused : std::as_const(attention))
        CHECK(refused.state == OutboxEntry::State::Failed);
    QStringList problems;
    for (const OutboxEntry& refused : std::as_const(attention))
        problems << refused.problem;
    CHECK(problems.join(u'|').contains(QStringLiteral("its seal does not match")));
    CHECK(problems.join(u'|').contains(QStringLiteral("not the one it was kept with")));
    CHECK(outbox.waiting() == 2);
    outbox.close();
}

TEST_CASE("Change rows and their states in a desk's outbox file count only as their maker's desk kept them", "[outbox][sqlite]")
{
    QTemporaryDir dir;
    TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
    config.storePath = dir.filePath(QStringLiteral("store.db"));
    config.keyPath = dir.filePath(QStringLiteral("audit.key"));
    config.outboxPath = dir.filePath(QStringLiteral("desk.outbox"));
    QVariant key;
    QUuid stale, next;
    auto byAnotherDesk = [](Platform& platform, RowChange change) {
        change.id = QUuid::createUuid();
        return await(platform.store().write([change](WriteTransaction& txn) { return Outbox::apply(txn, change, false); }));
    };
    {
        TestPlatform tp(config);
        tp.start();
        signInAs(tp, QStringLiteral("alice"), QStringLiteral("hub_supervisor"));
        tp->outbox().holdReplay(true); // what she keeps here stays for the desk's next start
        key = await(tp->outbox().submit(newIncident(QStringLiteral("2026-11"), QStringLiteral("Fight")))).key;
        CHECK(byAnotherDesk(*tp, edit(key, 1, {{QStringLiteral("priority"), 1}}, QStringLiteral("bob"))).version == 2);
        // Alice's edit from version 1 conflicts; her next one, from version 2, waits behind it.
        RowChange first = edit(key, 1, {{QStringLiteral("priority"), 4}}, QStringLiteral("alice"));
        stale = first.id = QUuid::createUuid();
        REQUIRE(await(tp->outbox().submit(first)).outcome == ChangeResult::Outcome::Conflict);
        RowChange second = edit(key, 2, {{QStringLiteral("summary"), QStringLiteral("Fight, knives")}}, QStringLiteral("alice"));
        next = second.id = QUuid::createUuid();
        REQUIRE(await(tp->outbox().submit(second)).outcome == ChangeResult::Outcome::Queued);
        // And a new incident of hers, behind nothing of its own record.
        RowChange another = newIncident(QStringLiteral("2026-12"), QStringLiteral("Car on fire"));
        REQUIRE(await(tp->outbox().submit(another)).outcome == ChangeResult::Outcome::Queued);
        // Meanwhile another desk changes the summary: Alice's next edit will meet a newer row.
        CHECK(byAnotherDesk(*tp, edit(key, 2, {{QStringLiteral("summary"), QStringLiteral("Fight, police there")}},
                                      QStringLiteral("bob")))
                  .version
              == 3);
    }
    const QString planted = QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        RawSqlite file(config.outboxPath);
        // Someone at the desk marks Alice's waiting edit as a conflict, so that her "keep mine"
        // would write it over the newer row unseen, with the state seal of her genuine conflict...
        file.exec(QStringLiteral("UPDATE outbox SET state = 'conflict', their_version = 3, state_seal = (SELECT state_seal FROM "
                                 "outbox WHERE change_id = ?) WHERE change_id = ?"),
                  {stale.toString(QUuid::WithoutBraces), next.toString(QUuid::WithoutBraces)});
        CHECK(!file.scalar(QStringLiteral("SELECT state_seal FROM outbox WHERE change_id = ?"), {next.toString(QUuid::WithoutBraces)})
                   .toByteArray()
                   .isEmpty());
        // ... and plants a change in her name, carrying the seal of her genuine one.
        QSqlQuery q = file.exec(QStringLiteral("SELECT change, seal FROM outbox WHERE change_id = ?"), {stale.toString(QUuid::WithoutBraces)});
        REQUIRE(q.next());
        CHECK(!q.value(1).toByteArray().isEmpty());
        QJsonObject change = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        change.insert(QStringLiteral("id"), planted);
        change.insert(QStringLiteral("base_version"), 3);
        change.insert(QStringLiteral("values"), QJsonObject{{QStringLiteral("priority"), 5}});
        file.exec(QStringLiteral("INSERT INTO outbox (change_id, change, state, seal) VALUES (?, ?, 'queued', ?)"),
                  {planted, QString::fromUtf8(QJsonDocument(change).toJson(QJsonDocument::Compact)), q.value(1)});
    }
    TestPlatform again(config);
    QList<OutboxEntry> attention;
    QObject guard;
    QObject::connect(&again->outbox(), &Outbox::attentionNeeded, &guard, [&](const OutboxEntry& e) { attention << e; });
    again.start();
    Outbox& outbox = again->outbox();
    // Ivy, at the same desk, sees Alice's work waiting for her, and cannot send it.
    signInAs(again, QStringLiteral("ivy"), QStringLiteral("hub_supervisor"));
    const QList<OutboxEntry> forIvy = await(outbox.entries()); // after any replay the sign-in began (one reader, in order)
    REQUIRE(forIvy.size() == 4);
    CHECK(forIvy[2].awaitsMaker);
    CHECK(forIvy[3].awaitsMaker);
    CHECK_FALSE(forIvy[2].heldBack); // her new incident waits for her alone
    CHECK(again->outbox().waiting() == 4);
    auto incidentsNumbered = [&](const QString& number) {
        return await(again->store().read([number](Sql& sql) {
            return sql.scalar(QStringLiteral("SELECT count(*) FROM hub_incidents WHERE number = ?"), {number}).toInt();
        }));
    };
    CHECK(incidentsNumbered(QStringLiteral("2026-12")) == 0);
    CHECK(failureOf(outbox.resolve(stale, Outbox::Resolution::KeepMine, QStringLiteral("ivy"))).contains(QStringLiteral("only they send it")));

    const SignInResult alice = await(again->access().signIn(QStringLiteral("alice"), QStringLiteral("Desk-Passw0rd-42")));
    REQUIRE(alice.principal.isValid());
    again->session().setPrincipal(alice.principal);
    // Hers goes, under her.
    REQUIRE(waitUntil([&] { return incidentsNumbered(QStringLiteral("2026-12")) == 1 && outbox.waiting() == 3; }));
    const QList<OutboxEntry> forAlice = await(outbox.entries());
    REQUIRE(forAlice.size() == 3);
    CHECK(forAlice[0].state == OutboxEntry::State::Conflict); // hers, as her desk recorded it
    CHECK(forAlice[1].state == OutboxEntry::State::Queued);   // the conflict her desk never recorded is not believed
    CHECK(forAlice[1].heldBack);
    CHECK(failureOf(outbox.resolve(next, Outbox::Resolution::KeepMine, QStringLiteral("alice")))
              .contains(QStringLiteral("not waiting for a decision")));

    // She discards her stale edit. The next goes as she made it, meets the newer row, and waits as a
    // conflict her desk records; keep mine then applies it over the newer one, as she decided.
    const qsizetype heard = attention.size();
    await(outbox.resolve(stale, Outbox::Resolution::DiscardMine, QStringLiteral("alice")));
    REQUIRE(waitUntil([&] { return attention.size() > heard && attention.last().id() == next; }));
    CHECK(attention.last().state == OutboxEntry::State::Conflict);
    CHECK(attention.last().theirVersion == 3);
    CHECK(row(*again, key).summary == QStringLiteral("Fight, police there"));
    CHECK(await(outbox.resolve(next, Outbox::Resolution::KeepMine, QStringLiteral("alice"))).version == 4);

    // The planted change is then refused, and her keep mine cannot send it either.
    REQUIRE(waitUntil([&] { return attention.size() > heard + 1 && attention.last().id() == QUuid::fromString(planted); }));
    CHECK(attention.last().state == OutboxEntry::State::Failed);
    CHECK(attention.last().problem.contains(QStringLiteral("its seal does not match")));
    CHECK(failureOf(outbox.resolve(QUuid::fromString(planted), Outbox::Resolution::KeepMine, QStringLiteral("alice")))
              .contains(QStringLiteral("its seal does not match")));
    await(outbox.resolve(QUuid::fromString(planted), Outbox::Resolution::DiscardMine, QStringLiteral("alice")));
    CHECK(outbox.waiting() == 0);
    const Row r = row(*again, key);
    CHECK(r.summary == QStringLiteral("Fight, knives"));
    CHECK(r.priority == 1);
    CHECK(r.version == 4);
}

TEST_CASE("A kept command's bytes wait beside it in the file and are read back only to send it, an outbox from before "
          "bytes were kept opens, and a command whose bytes went missing waits for a decision",
          "[outbox][sqlite]")
{
    TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
    tp.start();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("older.outbox"));
    SystemClock clock;
    { // the outbox's table as the first version made it: no kind, no bytes
        Store local(Store::Options{StoreUrl::sqlite(path), 1}, clock);
        await(local.open());
        await(local.write([](WriteTransaction& txn) {
            txn.exec(QStringLiteral("CREATE TABLE outbox (position INTEGER PRIMARY KEY AUTOINCREMENT, change_id TEXT NOT NULL UNIQUE, "
                                    "change TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'queued', their_version INTEGER NOT NULL "
                                    "DEFAULT 0, theirs TEXT NOT NULL DEFAULT '{}', problem TEXT NOT NULL DEFAULT '')"));
        }));
        local.close();
    }
    Outbox outbox(tp->store(), clock, nullptr, path);
    outbox.holdReplay(true);
    await(outbox.open());
    QList<QPair<QJsonObject, QByteArray>> sent;
    outbox.addContentReplayer(QStringLiteral("test.attach"), [&sent](const QJsonObject& args, const QByteArray& content, const CommandId&,
                                                                      bool) {
        sent.append({args, content});
        return QtFuture::makeReadyFuture();
    });
    outbox.setOperator(QStringLiteral("ann"), annsDeskKey());
    auto command = [](int n, QByteArray content) {
        OfflineCommand c;
        c.id = CommandId::make();
        c.operation = QStringLiteral("test.attach");
        c.args = {{QStringLiteral("n"), n}};
        c.records = {QStringLiteral("thing:%1").arg(n)};
        c.summary = QStringLiteral("Attach %1").arg(n);
        c.madeBy = QStringLiteral("ann");
        c.source = QStringLiteral("test");
        c.content = std::move(content);
        return c;
    };
    QByteArray picture(300 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < picture.size(); ++i)
        picture[i] = char((i * 31 + i / 977) & 0xff);
    await(outbox.keep(command(1, picture)));
    await(outbox.keep(command(2, picture.left(1000))));
    const QList<OutboxEntry> kept = await(outbox.entries());
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].command.contentBytes == picture.size());
    CHECK(kept[0].command.content.isEmpty()); // listed without them
    CHECK(kept[1].command.contentBytes == 1000);
    { // the second one's bytes are cut short in the file
        RawSqlite raw(path);
        raw.exec(QStringLiteral("UPDATE outbox SET content = substr(content, 1, 10) WHERE position = %1").arg(kept[1].position));
    }
    QList<OutboxEntry> attention;
    QObject guard;
    QObject::connect(&outbox, &Outbox::attentionNeeded, &guard, [&](const OutboxEntry& e) { attention << e; });
    outbox.holdReplay(false);
    REQUIRE(waitUntil([&] { return outbox.waiting() == 1 && !attention.isEmpty(); }));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].first.value(QStringLiteral("n")).toInt() == 1);
    CHECK(sent[0].second == picture);
    CHECK(attention[0].state == OutboxEntry::State::Failed);
    CHECK(attention[0].problem.contains(QStringLiteral("not all in this desk's outbox file (10 found)")));
    // Discarded, it is gone; nothing was sent without its bytes.
    await(outbox.resolve(attention[0].id(), Outbox::Resolution::DiscardMine, QStringLiteral("ann")));
    CHECK(outbox.waiting() == 0);
    CHECK(sent.size() == 1);
    outbox.close();
}
