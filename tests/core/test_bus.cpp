#include "security/accesscontrol.h"
#include "base/clock.h"
#include "base/error.h"
#include "bus/eventbus.h"
#include "shared/deadlines.h"
#include "store/store.h"

#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>

#include <QSemaphore>
#include <QThread>

using namespace hexhub;
using namespace hexhub::test;

namespace {

struct Bus
{
    TestPlatform tp;
    Bus() { tp.start(); }
    Store& store() { return tp->store(); }
    EventBus& bus() { return tp->bus(); }

    Event publish(const QString& topic, const QJsonObject& payload = {})
    {
        return await(store().write(WriteContext{QStringLiteral("tests"), QStringLiteral("alice"), {}},
                                   [=](WriteTransaction& txn) { return txn.publish(EventDraft{topic, payload, 1, {}, {}, {}}); }));
    }
};

struct Ping
{
    static constexpr auto kTopic = "ping.sent";
    static constexpr int kSchemaVersion = 2;
    QString from;
    int count = 0;
    QJsonObject toJson() const { return {{QStringLiteral("from"), from}, {QStringLiteral("count"), count}}; }
    static std::optional<Ping> fromJson(const QJsonObject& json)
    {
        if (!json.value(QStringLiteral("from")).isString() || !json.value(QStringLiteral("count")).isDouble())
            return std::nullopt;
        return Ping{json.value(QStringLiteral("from")).toString(), json.value(QStringLiteral("count")).toInt()};
    }
};
static_assert(EventPayload<Ping>);

} // namespace

TEST_CASE("Topics and patterns", "[bus]")
{
    CHECK(isValidTopic(QStringLiteral("incident.created")));
    CHECK(isValidTopic(QStringLiteral("incident.note.added")));
    CHECK_FALSE(isValidTopic(QStringLiteral("incident")));
    CHECK_FALSE(isValidTopic(QStringLiteral("Incident.Created")));
    CHECK_FALSE(isValidTopic(QStringLiteral("incident..created")));
    CHECK_FALSE(isValidTopic(QStringLiteral("incident.created ")));

    TopicPattern prefix(QStringLiteral("incident.*"));
    CHECK(prefix.isValid());
    CHECK(prefix.matches(QStringLiteral("incident.created")));
    CHECK(prefix.matches(QStringLiteral("incident.note.added")));
    CHECK_FALSE(prefix.matches(QStringLiteral("incidents.created")));
    CHECK_FALSE(prefix.matches(QStringLiteral("unit.dispatched")));
    CHECK(TopicPattern(QStringLiteral("*")).matches(QStringLiteral("anything.at_all")));
    TopicPattern exact(QStringLiteral("incident.created"));
    CHECK(exact.matches(QStringLiteral("incident.created")));
    CHECK_FALSE(exact.matches(QStringLiteral("incident.created.again")));
    CHECK_FALSE(TopicPattern(QStringLiteral("incident*")).isValid());
    CHECK_FALSE(TopicPattern(QStringLiteral("")).isValid());
}

TEST_CASE("Events are journaled with the change and delivered after commit", "[bus]")
{
    Bus b;
    QObject receiver;
    QList<Event> got;
    b.bus().subscribe(QStringLiteral("incident.*"), &receiver, [&](const Event& e) { got << e; });
    b.bus().subscribe(QStringLiteral("unit.dispatched"), &receiver, [&](const Event& e) { got << e; });

    // The data change and its event in one transaction.
    await(b.store().write(WriteContext{QStringLiteral("hub"), QStringLiteral("alice"), {}}, [](WriteTransaction& txn) {
        txn.exec(QStringLiteral("CREATE TABLE incidents (id INTEGER PRIMARY KEY, summary TEXT)"));
        txn.exec(QStringLiteral("INSERT INTO incidents (id, summary) VALUES (?, ?)"), {1, QStringLiteral("Smoke on Elm St")});
        txn.publish(EventDraft{QStringLiteral("incident.created"), {{QStringLiteral("id"), 1}}, 1, {}, {}, {}});
        txn.publish(EventDraft{QStringLiteral("weather.changed"), {}, 1, {}, {}, {}});
        txn.publish(EventDraft{QStringLiteral("unit.dispatched"), {{QStringLiteral("unit"), QStringLiteral("P-12")}}, 1, {}, {}, {}});
    }));
    REQUIRE(waitUntil([&] { return got.size() == 2; }));
    CHECK(got[0].topic == QStringLiteral("incident.created"));
    CHECK(got[0].source == QStringLiteral("hub"));
    CHECK(got[0].actor == QStringLiteral("alice"));
    CHECK(got[0].occurredAt == TestPlatform::simulatedStart());
    CHECK_FALSE(got[0].id.isNull());
    CHECK(got[0].seq > 0);
    CHECK(got[1].topic == QStringLiteral("unit.dispatched"));
    CHECK(got[1].seq == got[0].seq + 2);
    CHECK(got[1].payload.value(QStringLiteral("unit")).toString() == QStringLiteral("P-12"));

    const auto journaled = await(b.bus().replay(EventRange::bySeq(got[0].seq, got[1].seq)));
    REQUIRE(journaled.size() == 3);
    CHECK(journaled[0].id == got[0].id);
    CHECK(journaled[1].topic == QStringLiteral("weather.changed"));
}

TEST_CASE("A failed transaction publishes nothing", "[bus]")
{
    Bus b;
    QObject receiver;
    int delivered = 0;
    b.bus().subscribe(QStringLiteral("*"), &receiver, [&](const Event&) { ++delivered; });
    const QString failure = failureOf(b.store().write([](WriteTransaction& txn) {
        txn.publish(EventDraft{QStringLiteral("incident.created"), {}, 1, {}, {}, {}});
        txn.exec(QStringLiteral("INSERT INTO no_such_table VALUES (1)"));
    }));
    CHECK_FALSE(failure.isEmpty());
    // A later event is the next thing delivered: nothing of the failed transaction slipped through.
    const Event later = b.publish(QStringLiteral("incident.updated"));
    REQUIRE(waitUntil([&] { return delivered >= 1; }));
    QCoreApplication::processEvents();
    CHECK(delivered == 1);
    const auto all = await(b.bus().replay(EventRange::bySeq(1)));
    REQUIRE(all.size() == 1);
    CHECK(all[0].id == later.id);
}

TEST_CASE("An invalid topic is refused before anything is written", "[bus]")
{
    Bus b;
    const QString failure = failureOf(b.store().write([](WriteTransaction& txn) {
        txn.publish(EventDraft{QStringLiteral("Not A Topic"), {}, 1, {}, {}, {}});
    }));
    CHECK(failure.contains(QStringLiteral("not a valid event topic")));
}

TEST_CASE("Subscribers are called on the thread that owns them", "[bus]")
{
    Bus b;
    QThread worker;
    worker.start();
    QObject remote;
    remote.moveToThread(&worker);
    std::atomic<QThread*> ranOn{nullptr};
    QObject local;
    QThread* localRanOn = nullptr;
    b.bus().subscribe(QStringLiteral("unit.*"), &remote, [&](const Event&) { ranOn = QThread::currentThread(); });
    b.bus().subscribe(QStringLiteral("unit.*"), &local, [&](const Event&) { localRanOn = QThread::currentThread(); });
    b.publish(QStringLiteral("unit.dispatched"));
    REQUIRE(waitUntil([&] { return ranOn.load() && localRanOn; }));
    CHECK(ranOn.load() == &worker);
    CHECK(localRanOn == QThread::currentThread());
    worker.quit();
    worker.wait();
}

TEST_CASE("A throwing subscriber does not stop delivery to the others", "[bus]")
{
    Bus b;
    QObject receiver;
    QList<qint64> before, after;
    b.bus().subscribe(QStringLiteral("*"), &receiver, [&](const Event& e) { before << e.seq; });
    b.bus().subscribe(QStringLiteral("*"), &receiver, [](const Event&) { throw std::runtime_error("subscriber bug"); });
    b.bus().subscribe(QStringLiteral("*"), &receiver, [&](const Event& e) { after << e.seq; });
    QSignalSpy failed(&b.bus(), &EventBus::subscriberFailed);
    for (int i = 0; i < 5; ++i)
        b.publish(QStringLiteral("thing.happened"));
    REQUIRE(waitUntil([&] { return after.size() == 5; }));
    CHECK(before == after);
    CHECK(b.bus().failedDeliveries() == 5);
    CHECK(failed.count() == 5);
    CHECK(failed.first().at(1).toString() == QStringLiteral("subscriber bug"));
}

TEST_CASE("A slow subscriber holds up nobody else", "[bus]")
{
    Bus b;
    QThread slowThread;
    slowThread.start();
    QObject slowReceiver;
    slowReceiver.moveToThread(&slowThread);
    QSemaphore gate;
    std::atomic<int> slowGot{0};
    b.bus().subscribe(QStringLiteral("*"), &slowReceiver, [&](const Event&) {
        gate.acquire(); // blocked until the test lets it go
        ++slowGot;
    });
    QObject fastReceiver;
    int fastGot = 0;
    b.bus().subscribe(QStringLiteral("*"), &fastReceiver, [&](const Event&) { ++fastGot; });
    for (int i = 0; i < 20; ++i)
        b.publish(QStringLiteral("thing.happened"));
    REQUIRE(waitUntil([&] { return fastGot == 20; }));
    CHECK(slowGot.load() == 0);
    gate.release(20);
    REQUIRE(waitUntil([&] { return slowGot.load() == 20; }));
    slowThread.quit();
    slowThread.wait();
}

TEST_CASE("Each subscriber sees events in commit order", "[bus]")
{
    Bus b;
    QObject receiver;
    QList<qint64> seqs;
    b.bus().subscribe(QStringLiteral("tick.*"), &receiver, [&](const Event& e) { seqs << e.seq; });
    QList<QFuture<void>> writes;
    for (int i = 0; i < 100; ++i) {
        writes << b.store().write([i](WriteTransaction& txn) {
            txn.publish(EventDraft{QStringLiteral("tick.counted"), {{QStringLiteral("i"), i}}, 1, {}, {}, {}});
        });
    }
    for (auto& w : writes)
        await(w);
    REQUIRE(waitUntil([&] { return seqs.size() == 100; }));
    CHECK(std::is_sorted(seqs.begin(), seqs.end()));
    CHECK(seqs.last() - seqs.first() == 99);
}

TEST_CASE("Unsubscribing, and destroying the receiver, end a subscription", "[bus]")
{
    Bus b;
    int a = 0, c = 0;
    QObject keeper;
    auto doomed = std::make_unique<QObject>();
    const auto id = b.bus().subscribe(QStringLiteral("*"), &keeper, [&](const Event&) { ++a; });
    b.bus().subscribe(QStringLiteral("*"), doomed.get(), [&](const Event&) { ++c; });
    CHECK(b.bus().subscriberCount() == 2);
    CHECK(b.bus().unsubscribe(id));
    CHECK_FALSE(b.bus().unsubscribe(id));
    doomed.reset();
    CHECK(b.bus().subscriberCount() == 0);
    b.publish(QStringLiteral("thing.happened"));
    QObject witness;
    int seen = 0;
    b.bus().subscribe(QStringLiteral("*"), &witness, [&](const Event&) { ++seen; });
    b.publish(QStringLiteral("thing.happened"));
    REQUIRE(waitUntil([&] { return seen == 1; }));
    CHECK(a == 0);
    CHECK(c == 0);
    CHECK(b.bus().subscribe(QStringLiteral("Bad Pattern"), &witness, [](const Event&) {}) == 0);
}

TEST_CASE("Typed payloads: publish a struct, receive a struct", "[bus]")
{
    Bus b;
    QObject receiver;
    std::optional<Ping> got;
    Event envelope;
    b.bus().subscribe<Ping>(&receiver, [&](const Ping& ping, const Event& e) {
        got = ping;
        envelope = e;
    });
    const QUuid correlation = QUuid::createUuid();
    await(b.store().write([&](WriteTransaction& txn) { txn.publish(Ping{QStringLiteral("desk 3"), 7}, correlation); }));
    REQUIRE(waitUntil([&] { return got.has_value(); }));
    CHECK(got->from == QStringLiteral("desk 3"));
    CHECK(got->count == 7);
    CHECK(envelope.schemaVersion == 2);
    CHECK(envelope.correlationId == correlation);

    Event malformed;
    malformed.topic = QStringLiteral("ping.sent");
    malformed.schemaVersion = 2;
    malformed.payload = {{QStringLiteral("from"), 3}};
    CHECK_FALSE(payloadAs<Ping>(malformed).has_value());
    malformed.payload = Ping{QStringLiteral("x"), 1}.toJson();
    malformed.schemaVersion = 3; // a newer shape than this build understands
    CHECK_FALSE(payloadAs<Ping>(malformed).has_value());
}

TEST_CASE("Events round-trip through JSON and bad JSON is rejected with a reason", "[bus]")
{
    Event e;
    e.seq = 12;
    e.id = QUuid::createUuid();
    e.topic = QStringLiteral("case.opened");
    e.occurredAt = TestPlatform::simulatedStart();
    e.source = QStringLiteral("case_management");
    e.actor = QStringLiteral("bob");
    e.correlationId = QUuid::createUuid();
    e.schemaVersion = 3;
    e.payload = {{QStringLiteral("number"), QStringLiteral("C-1")}};
    const auto back = Event::fromJson(e.toJson());
    REQUIRE(back);
    CHECK(back->seq == 12);
    CHECK(back->id == e.id);
    CHECK(back->topic == e.topic);
    CHECK(back->occurredAt == e.occurredAt);
    CHECK(back->correlationId == e.correlationId);
    CHECK(back->payload == e.payload);

    QString error;
    QJsonObject broken = e.toJson();
    broken.insert(QStringLiteral("topic"), QStringLiteral("DROP TABLE"));
    CHECK_FALSE(Event::fromJson(broken, &error));
    CHECK(error.contains(QStringLiteral("topic")));
    broken = e.toJson();
    broken.insert(QStringLiteral("payload"), QStringLiteral("not an object"));
    CHECK_FALSE(Event::fromJson(broken, &error));
    CHECK(error.contains(QStringLiteral("payload")));
    broken = e.toJson();
    broken.remove(QStringLiteral("id"));
    CHECK_FALSE(Event::fromJson(broken, &error));
}

TEST_CASE("Replay by sequence range, by time range, by topic, page by page", "[bus]")
{
    Bus b;
    auto& clock = static_cast<SimulatedClock&>(b.tp->clock());
    clock.pause();
    QList<Event> published;
    for (int i = 0; i < 30; ++i) {
        published << b.publish(i % 3 == 0 ? QStringLiteral("incident.created") : QStringLiteral("unit.moved"),
                               {{QStringLiteral("i"), i}});
        clock.advance(60 * 1000); // one event a minute
    }
    const qint64 first = published.first().seq;

    auto slice = await(b.bus().replay(EventRange::bySeq(first + 5, first + 9)));
    REQUIRE(slice.size() == 5);
    CHECK(slice.first().payload.value(QStringLiteral("i")).toInt() == 5);
    CHECK(slice.last().payload.value(QStringLiteral("i")).toInt() == 9);

    const QDateTime start = TestPlatform::simulatedStart();
    auto window = await(b.bus().replay(EventRange::byTime(start.addSecs(10 * 60), start.addSecs(20 * 60))));
    REQUIRE(window.size() == 10);
    CHECK(window.first().payload.value(QStringLiteral("i")).toInt() == 10);
    CHECK(window.last().payload.value(QStringLiteral("i")).toInt() == 19);

    EventRange incidents = EventRange::bySeq(first);
    incidents.topicPattern = QStringLiteral("incident.*");
    CHECK(await(b.bus().replay(incidents)).size() == 10);

    // Paging by topic: every page is full of matches, and paging goes on to the end.
    incidents.limit = 2; // some windows of two journal rows hold no incident at all
    QList<Event> paged;
    for (;;) {
        const auto batch = await(b.bus().replay(incidents));
        if (batch.isEmpty())
            break;
        CHECK(batch.size() <= 2);
        paged << batch;
        incidents.fromSeq = batch.last().seq + 1;
    }
    CHECK(paged.size() == 10);
    EventRange exact = EventRange::bySeq(first);
    exact.topicPattern = QStringLiteral("unit.moved");
    CHECK(await(b.bus().replay(exact)).size() == 20);
    exact.topicPattern = QStringLiteral("uni_.*"); // '_' is no wildcard: this must not match unit.moved
    CHECK(await(b.bus().replay(exact)).isEmpty());

    // Paging: 7 at a time until the journal is exhausted.
    EventRange page = EventRange::bySeq(first);
    page.limit = 7;
    QList<Event> all;
    for (;;) {
        const auto batch = await(b.bus().replay(page));
        if (batch.isEmpty())
            break;
        all << batch;
        page.fromSeq = batch.last().seq + 1;
    }
    CHECK(all.size() == 30);
    for (int i = 0; i < 30; ++i)
        CHECK(all[i].id == published[i].id);
}

TEST_CASE("The journal is append-only", "[bus]")
{
    Bus b;
    b.publish(QStringLiteral("thing.happened"));
    CHECK(failureOf(b.store().write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("UPDATE events SET topic = 'thing.forged'"));
    })).contains(QStringLiteral("append-only")));
    CHECK(failureOf(b.store().write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("DELETE FROM events"));
    })).contains(QStringLiteral("append-only")));
}

TEST_CASE("Deadlines are typed payloads: published in the transaction, read back whole, malformed ones left out", "[bus][deadlines]")
{
    TestPlatform tp;
    tp.start();
    DeadlineBoard board(tp->bus(), tp->clock());
    board.load();
    const QDateTime due = tp->clock().now().addSecs(600).toUTC();
    await(tp->store().write(WriteContext{QStringLiteral("case_management"), QStringLiteral("ops"), {}}, [due](WriteTransaction& txn) {
        publishDeadline(txn, DeadlineSet{QStringLiteral("case_management.case.7.custody"), QStringLiteral("Custody check, case 7"),
                                         due, QStringLiteral("case_management"), QStringLiteral("case:7")});
        // Not a deadline: no key, and a due time that is no time.
        txn.publish(EventDraft{QStringLiteral("deadline.set"), QJsonObject{{QStringLiteral("title"), QStringLiteral("no key")}}, 1, {}, {}, {}});
        txn.publish(EventDraft{QStringLiteral("deadline.set"),
                               QJsonObject{{QStringLiteral("key"), QStringLiteral("x.y")}, {QStringLiteral("due"), QStringLiteral("soon")}},
                               1, {}, {}, {}});
    }));
    REQUIRE(waitUntil([&] { return board.deadlines().size() == 1; }));
    const Deadline d = board.deadlines().first();
    CHECK(d.key == QStringLiteral("case_management.case.7.custody"));
    CHECK(d.title == QStringLiteral("Custody check, case 7"));
    CHECK(d.due == due);
    CHECK(d.module == QStringLiteral("case_management"));
    CHECK(d.subject == QStringLiteral("case:7"));

    const std::optional<DeadlineSet> back = DeadlineSet::fromJson(DeadlineSet{d.key, d.title, d.due, d.module, d.subject}.toJson());
    REQUIRE(back);
    CHECK(back->due == due);
    CHECK_FALSE(DeadlineCleared::fromJson({}));

    await(tp->store().write([](WriteTransaction& txn) { publishDeadlineCleared(txn, QStringLiteral("case_management.case.7.custody")); }));
    REQUIRE(waitUntil([&] { return board.deadlines().isEmpty(); }));
}

TEST_CASE("An acknowledgement is a command: sent twice, journaled once", "[bus][deadlines]")
{
    TestPlatform tp;
    tp.start();
    const CommandId command = CommandId::make();
    await(acknowledgeDeadline(tp->store(), QStringLiteral("hub.incident.7.response"), QStringLiteral("sup"), command));
    await(acknowledgeDeadline(tp->store(), QStringLiteral("hub.incident.7.response"), QStringLiteral("sup"), command));
    const auto count = [&](const QString& sql) {
        return await(tp->store().read([sql](Sql& s) { return s.scalar(sql).toInt(); }));
    };
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'deadline.acknowledged'")) == 1);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM applied_commands WHERE operation = 'core.deadline.acknowledge'")) == 1);
    // Another press is another command.
    await(acknowledgeDeadline(tp->store(), QStringLiteral("hub.incident.7.response"), QStringLiteral("sup")));
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'deadline.acknowledged'")) == 2);
}
