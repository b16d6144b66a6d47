// Many desks, one picture: desks sharing a PostgreSQL store see each other's events, once, in order,
// through reconnects, server restarts and killed desks, and a desk cut off from the server that
// replays its changes when back. These tests need the test server and run one at a time (some
// restart it). The server's rules for desks (roles, row-level security) are in test_desksecurity.cpp.
#include "security/audit.h"
#include "base/clock.h"
#include "bus/eventbridge.h"
#include "bus/eventbus.h"
#include "hexhub/hub/hubservices.h"
#include "mjpegavi.h"
#include "shared/mediaclip.h"
#include "security/accesscontrol.h"
#include "security/session.h"
#include "store/outbox.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include "desktest.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::desktest;

namespace {

// A test database, and a relay in front of it for the desk that loses the network. Desks made with
// desk() load the modules, share the audit key and keep their own outbox files. Declared before the
// desks, it outlives them: the database is dropped after the last desk closed, even when a check
// ends the test early.
struct OutageServer
{
    StoreUrl url = createTestDatabase();
    QTemporaryDir dir;
    TcpRelay relay{url.host, quint16(url.port)};
    StoreUrl relayed = relay.through(url);

    ~OutageServer() { dropTestDatabase(url); }
    TestPlatform::Config desk(const StoreUrl& store, const QString& name) const
    {
        TestPlatform::Config c = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        c.store = store;
        c.keyPath = dir.filePath(QStringLiteral("audit.key"));
        c.outboxPath = dir.filePath(name + QStringLiteral(".outbox"));
        return c;
    }
};

// Several desks in this process, each with its own store connections and bridge.
struct Desks
{
    StoreUrl url = createTestDatabase();
    QTemporaryDir dir;
    std::vector<std::unique_ptr<TestPlatform>> desks;
    std::vector<std::unique_ptr<QObject>> receivers;
    QList<QList<Event>> received;

    explicit Desks(int count)
    {
        received.resize(count);
        for (int i = 0; i < count; ++i) {
            TestPlatform::Config config;
            config.store = url;
            config.keyPath = dir.filePath(QStringLiteral("audit.key")); // desks share the audit key
            desks.push_back(std::make_unique<TestPlatform>(config));
            desks.back()->start();
            receivers.push_back(std::make_unique<QObject>());
            desks.back()->platform->bus().subscribe(QStringLiteral("desk.*"), receivers.back().get(),
                                                    [this, i](const Event& e) { received[i] << e; });
        }
        for (auto& desk : desks)
            REQUIRE(waitUntil([&] { return desk->platform->bridge()->state() == EventBridge::State::Listening; }));
    }
    ~Desks()
    {
        receivers.clear();
        desks.clear();
        dropTestDatabase(url);
    }
    Platform& desk(int i) { return *desks[size_t(i)]->platform; }
    QFuture<Event> publish(int desk, int i)
    {
        return this->desk(desk).store().write([desk, i](WriteTransaction& txn) {
            return txn.publish(EventDraft{QStringLiteral("desk.ticked"),
                                          {{QStringLiteral("desk"), desk}, {QStringLiteral("i"), i}}, 1, {}, {}, {}});
        });
    }
};


void checkEveryDeskSawEveryOtherDeskOnce(Desks& d, qint64 total)
{
    RawPg raw(d.url);
    QHash<qint64, QString> journal; // seq -> origin
    QSqlQuery q = raw.exec(QStringLiteral("SELECT seq, origin FROM events WHERE topic LIKE 'desk.%' ORDER BY seq"));
    while (q.next())
        journal.insert(q.value(0).toLongLong(), q.value(1).toString());
    REQUIRE(journal.size() == total);
    for (size_t i = 0; i < d.desks.size(); ++i) {
        QSet<qint64> seen;
        QHash<QString, qint64> lastFromOrigin;
        for (const Event& e : d.received[int(i)]) {
            INFO("desk " << i << " event " << e.seq);
            CHECK_FALSE(seen.contains(e.seq));
            seen.insert(e.seq);
            CHECK(e.remote == (e.origin != d.desk(int(i)).store().deskId()));
            // In order per desk of origin.
            CHECK(e.seq > lastFromOrigin.value(e.origin, 0));
            lastFromOrigin[e.origin] = e.seq;
        }
        CHECK(seen.size() == total);
    }
}

} // namespace

TEST_CASE("Events committed on one desk reach every other desk, once and in order", "[postgresql][desks]")
{
    Desks d(3);
    QList<QFuture<Event>> writes;
    for (int i = 0; i < 40; ++i)
        for (int desk = 0; desk < 3; ++desk)
            writes << d.publish(desk, i);
    for (auto& w : writes)
        await(w);
    REQUIRE(waitUntil([&] {
        return d.received[0].size() == 120 && d.received[1].size() == 120 && d.received[2].size() == 120;
    }, 30000));
    checkEveryDeskSawEveryOtherDeskOnce(d, 120);
    CHECK(d.desk(0).bridge()->deliveredCount() == 80);
}

TEST_CASE("A transaction that commits late is not skipped: sequence numbers follow commit order", "[postgresql][desks]")
{
    Desks d(2);
    RawPg early(d.url);
    // The early transaction journals an event first and keeps its transaction open.
    early.exec(QStringLiteral("BEGIN"));
    const qint64 earlySeq = early.scalar(QStringLiteral(
        "INSERT INTO events (id, topic, occurred_at, source, actor, payload, origin) VALUES "
        "(gen_random_uuid()::text, 'desk.ticked', 0, 'test', 'early', '{\"desk\": \"early\"}', 'raw') RETURNING seq")).toLongLong();
    // A desk now publishes; it must wait for the early transaction, not overtake it.
    auto late = d.publish(0, 1);
    RawPg observer(d.url);
    REQUIRE(waitUntil([&] {
        return observer.scalar(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                              "AND datname = current_database()")).toInt() == 1;
    }));
    CHECK_FALSE(late.isFinished());
    CHECK(d.received[1].isEmpty());
    early.exec(QStringLiteral("COMMIT"));
    const Event lateEvent = await(late);
    CHECK(lateEvent.seq > earlySeq);
    REQUIRE(waitUntil([&] { return d.received[1].size() == 2; }));
    CHECK(d.received[1][0].seq == earlySeq);
    CHECK(d.received[1][1].seq == lateEvent.seq);
}

TEST_CASE("A desk whose listening connection drops catches up, missing nothing and repeating nothing", "[postgresql][desks]")
{
    Desks d(2);
    RawPg admin(d.url);
    for (int i = 0; i < 10; ++i)
        await(d.publish(0, i));
    REQUIRE(waitUntil([&] { return d.received[1].size() == 10; }));
    // Cut desk 1's listener off, publish while it is away, and let it come back.
    admin.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                              "'hexhub-bridge' AND datname = current_database()"));
    for (int i = 10; i < 30; ++i)
        await(d.publish(0, i));
    REQUIRE(waitUntil([&] { return d.received[1].size() >= 30; }, 30000));
    checkEveryDeskSawEveryOtherDeskOnce(d, 30);
    CHECK(d.desk(1).bridge()->state() == EventBridge::State::Listening);
}

namespace {

struct DeskProcess
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QStringList lines;

    void start(const StoreUrl& url, const QString& key, const QString& name, const QStringList& rest)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(HEXHUB_BIN_DIR "/hexhub-desk"),
                       QStringList{QStringLiteral("postgresql://%1:%2@%3:%4/%5").arg(url.user, url.password, url.host).arg(url.port).arg(url.database),
                                   key, name} + rest);
        REQUIRE(process->waitForStarted());
    }
    void read()
    {
        while (process->canReadLine())
            lines << QString::fromUtf8(process->readLine()).trimmed();
    }
    int count(const QString& prefix)
    {
        read();
        return int(std::count_if(lines.cbegin(), lines.cend(), [&](const QString& l) { return l.startsWith(prefix); }));
    }
};

void restartServer()
{
    QProcess script;
    script.start(QStringLiteral("bash"), {QStringLiteral(HEXHUB_TEST_SOURCE_DIR "/tests/pg/pgserver.sh"),
                                          QStringLiteral("restart"), QStringLiteral(HEXHUB_TEST_PG_DIR),
                                          QString::number(testServer()->port)});
    REQUIRE(script.waitForFinished(60000));
    REQUIRE(script.exitCode() == 0);
}

} // namespace

TEST_CASE("Desk processes writing at once, a server restart and a killed desk: nothing lost or doubled",
          "[postgresql][desks][processes]")
{
    const StoreUrl url = createTestDatabase();
    QTemporaryDir dir;
    const QString key = dir.filePath(QStringLiteral("audit.key"));
    constexpr int kDesks = 3;
    constexpr int kEach = 60;

    AuditLog::loadOrCreateKey(key); // the desks of one deployment share the audit key

    // Each desk publishes kEach events and waits for the other desks' 2 * kEach; all start together.
    std::vector<DeskProcess> desks(kDesks);
    for (int i = 0; i < kDesks; ++i)
        desks[size_t(i)].start(url, key, QStringLiteral("d%1").arg(i),
                               {QStringLiteral("publish"), QString::number(kEach), QString::number(2 * kEach)});
    for (auto& desk : desks)
        REQUIRE(waitUntil([&] { return desk.count(QStringLiteral("ready")) == 1; }, 60000));
    for (auto& desk : desks)
        desk.process->write("go\n");

    // A fourth desk opens a transaction holding an event and is killed in the middle of it.
    DeskProcess doomed;
    doomed.start(url, key, QStringLiteral("doomed"), {QStringLiteral("hold")});
    REQUIRE(waitUntil([&] { return doomed.count(QStringLiteral("holding")) == 1; }, 30000));
    ::kill(pid_t(doomed.process->processId()), SIGKILL);
    REQUIRE(doomed.process->waitForFinished(10000));

    // Restart the server while the desks are in the middle of their run.
    REQUIRE(waitUntil([&] { return desks[0].count(QStringLiteral("committed")) >= 10; }, 60000));
    restartServer();

    for (auto& desk : desks) {
        const bool done = waitUntil([&] { return desk.count(QStringLiteral("done")) == 1; }, 120000);
        INFO("committed " << desk.count(QStringLiteral("committed")) << ", received " << desk.count(QStringLiteral("got "))
                          << "; errors: "
                          << desk.process->readAllStandardError().right(600).toStdString());
        CHECK(done);
        desk.process->waitForFinished(10000);
        desk.read();
    }

    RawPg raw(url);
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'desk.held'")).toInt() == 0);
    QHash<QString, int> perDesk;
    QSqlQuery q = raw.exec(QStringLiteral("SELECT payload FROM events WHERE topic = 'desk.ticked' ORDER BY seq"));
    QSet<qint64> journaled;
    QSqlQuery seqs = raw.exec(QStringLiteral("SELECT seq FROM events WHERE topic = 'desk.ticked'"));
    while (seqs.next())
        journaled.insert(seqs.value(0).toLongLong());
    for (int i = 0; i < kDesks; ++i) {
        const QString name = QStringLiteral("d%1").arg(i);
        QSet<qint64> seen;
        int duplicates = 0;
        for (const QString& line : desks[size_t(i)].lines) {
            if (!line.startsWith(QLatin1String("got ")))
                continue;
            const QStringList parts = line.split(QLatin1Char(' '));
            const qint64 seq = parts.value(1).toLongLong();
            if (seen.contains(seq))
                ++duplicates;
            seen.insert(seq);
            CHECK(parts.value(2) != name); // a desk's own events come to it locally, never as remote
        }
        INFO("desk " << name.toStdString());
        CHECK(duplicates == 0);
        CHECK(desks[size_t(i)].count(QStringLiteral("committed")) == kEach);
        // Every event another desk journaled reached this desk.
        QSet<qint64> others;
        QSqlQuery mine = raw.exec(QStringLiteral("SELECT seq FROM events WHERE topic = 'desk.ticked' AND payload::jsonb->>'desk' <> '%1'").arg(name));
        while (mine.next())
            others.insert(mine.value(0).toLongLong());
        QList<qint64> missing;
        for (qint64 seq : others)
            if (!seen.contains(seq))
                missing << seq;
        std::sort(missing.begin(), missing.end());
        QStringList missingText;
        for (qint64 seq : missing)
            missingText << QString::number(seq);
        INFO("missing " << missingText.join(QLatin1Char(',')).toStdString());
        CHECK(seen == others);
    }
    dropTestDatabase(url);
}

TEST_CASE("A desk cut off from the server keeps working, and back online its changes replay in order and one "
          "conflict is resolved by the operator", "[postgresql][desks][outbox]")
{
    OutageServer server;
    const StoreUrl& url = server.url;
    TcpRelay& relay = server.relay;
    const StoreUrl& throughRelay = server.relayed;
    auto config = [&](const StoreUrl& store, const QString& name) { return server.desk(store, name); };
    auto hub = std::make_unique<TestPlatform>(config(url, QStringLiteral("hub")));
    hub->start();
    auto field = std::make_unique<TestPlatform>(config(throughRelay, QStringLiteral("field")));
    field->start();
    Platform& b = *hub->platform;
    Platform& a = *field->platform; // the desk that loses the network

    QList<Event> seenByA, seenByB;
    QObject guard;
    for (auto [platform, seen] : {std::pair{&a, &seenByA}, std::pair{&b, &seenByB}}) {
        for (const QString& topics : {QStringLiteral("incident.*"), QStringLiteral("change.*")})
            platform->bus().subscribe(topics, &guard, [seen](const Event& e) { *seen << e; });
    }
    QList<OutboxEntry> attention;
    QObject::connect(&a.outbox(), &Outbox::attentionNeeded, &guard, [&](const OutboxEntry& e) { attention << e; });
    REQUIRE(waitUntil([&] {
        return a.bridge()->state() == EventBridge::State::Listening && b.bridge()->state() == EventBridge::State::Listening;
    }));

    auto incident = [](const QString& number, const QString& summary) {
        RowChange c;
        c.table = QStringLiteral("hub_incidents");
        c.values = {{QStringLiteral("number"), number}, {QStringLiteral("priority"), 3},
                    {QStringLiteral("category"), QStringLiteral("disorder")}, {QStringLiteral("source"), QStringLiteral("call")},
                    {QStringLiteral("summary"), summary}, {QStringLiteral("created_at"), 0}, {QStringLiteral("updated_at"), 0}};
        c.topic = QStringLiteral("incident.created");
        c.summary = QStringLiteral("New incident ") + number;
        return c;
    };
    auto edit = [](const QVariant& key, qint64 base, const QVariantMap& values, const QString& actor) {
        RowChange c;
        c.table = QStringLiteral("hub_incidents");
        c.key = key;
        c.baseVersion = base;
        c.values = values;
        c.topic = QStringLiteral("incident.updated");
        c.actor = actor;
        c.summary = QStringLiteral("Edit by ") + actor;
        return c;
    };

    const QVariant i1 = await(b.outbox().submit(incident(QStringLiteral("N-1"), QStringLiteral("Brawl outside bar")))).key;
    const QVariant i2 = await(b.outbox().submit(incident(QStringLiteral("N-2"), QStringLiteral("Loud music")))).key;
    REQUIRE(waitUntil([&] { return seenByA.size() == 2; }));

    // Alice works at desk A: what she makes offline is kept in her name and sent under her.
    signInAs(*field, QStringLiteral("alice"), QStringLiteral("hub_supervisor"));
    auto byAlice = [](RowChange change) {
        change.actor = QStringLiteral("alice");
        return change;
    };
    // The cable is pulled. Desk A goes on: every change is kept on the desk, in order.
    relay.cut();
    CHECK(await(a.outbox().submit(edit(i1, 1, {{QStringLiteral("summary"), QStringLiteral("Brawl, two injured")}},
                                       QStringLiteral("alice"))))
              .outcome
          == ChangeResult::Outcome::Queued);
    CHECK(await(a.outbox().submit(edit(i2, 1, {{QStringLiteral("priority"), 4}}, QStringLiteral("alice")))).outcome
          == ChangeResult::Outcome::Queued);
    CHECK(await(a.outbox().submit(byAlice(incident(QStringLiteral("N-3"), QStringLiteral("Broken window"))))).outcome
          == ChangeResult::Outcome::Queued);
    CHECK(a.outbox().waiting() == 3);
    CHECK(a.store().state() == Store::State::Offline);

    // Meanwhile the hub raises the priority of the brawl and takes a new call.
    CHECK(await(b.outbox().submit(edit(i1, 1, {{QStringLiteral("priority"), 1}}, QStringLiteral("bob")))).version == 2);
    await(b.outbox().submit(incident(QStringLiteral("N-4"), QStringLiteral("Lost child"))));

    // Back online: the outbox replays by itself and stops at the conflict for the operator.
    relay.restore();
    REQUIRE(waitUntil([&] { return !attention.isEmpty(); }, 30000));
    CHECK(attention[0].change.summary == QStringLiteral("Edit by alice"));
    CHECK(attention[0].theirVersion == 2);
    CHECK(attention[0].theirs.value(QStringLiteral("summary")).toString() == QStringLiteral("Brawl outside bar"));
    // Only the conflicting change waits; the two behind it touch other records and went on.
    REQUIRE(waitUntil([&] { return a.outbox().waiting() == 1; }, 30000));
    const ChangeResult kept = await(a.outbox().resolve(attention[0].change.id, Outbox::Resolution::KeepMine,
                                                       QStringLiteral("alice")));
    CHECK(kept.version == 3);
    REQUIRE(waitUntil([&] { return a.outbox().waiting() == 0; }, 30000));

    // One picture: both desks read the same rows, Alice's summary over Bob's priority.
    auto view = [](Platform& p) {
        return await(p.store().read([](Sql& sql) {
            QStringList rows;
            QSqlQuery q = sql.exec(QStringLiteral("SELECT number, summary, priority, version FROM hub_incidents ORDER BY number"));
            while (q.next())
                rows << QStringLiteral("%1|%2|%3|v%4").arg(q.value(0).toString(), q.value(1).toString(),
                                                           q.value(2).toString(), q.value(3).toString());
            return rows;
        }));
    };
    const QStringList expected{QStringLiteral("N-1|Brawl, two injured|1|v3"), QStringLiteral("N-2|Loud music|4|v2"),
                               QStringLiteral("N-3|Broken window|3|v1"), QStringLiteral("N-4|Lost child|3|v1")};
    CHECK(view(a) == expected);
    CHECK(view(b) == expected);

    // The journal holds every change once: 4 created, 3 updated, 1 decision.
    RawPg raw(url);
    QList<qint64> journal;
    QMap<QString, int> byTopic;
    QSet<QString> changeIds;
    QSqlQuery q = raw.exec(QStringLiteral("SELECT seq, topic, payload FROM events WHERE topic LIKE 'incident.%' "
                                          "OR topic LIKE 'change.%' ORDER BY seq"));
    while (q.next()) {
        journal << q.value(0).toLongLong();
        byTopic[q.value(1).toString()]++;
        const QString change = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object().value(QStringLiteral("change")).toString();
        if (q.value(1).toString().startsWith(QLatin1String("incident."))) {
            CHECK_FALSE(changeIds.contains(change));
            changeIds.insert(change);
        }
    }
    CHECK(byTopic == QMap<QString, int>{{QStringLiteral("incident.created"), 4}, {QStringLiteral("incident.updated"), 3},
                                        {QStringLiteral("change.conflict_resolved"), 1}});
    // ... and both desks' subscribers saw exactly the journal: nothing missed, nothing twice.
    REQUIRE(waitUntil([&] { return seenByA.size() >= journal.size() && seenByB.size() >= journal.size(); }, 30000));
    for (const QList<Event>* seen : {&seenByA, &seenByB}) {
        QList<qint64> seqs;
        for (const Event& e : *seen)
            seqs << e.seq;
        std::sort(seqs.begin(), seqs.end());
        CHECK(seqs == journal);
    }
    field.reset();
    hub.reset();
}

namespace {

// A desk's hub services keeping their commands in the desk's outbox, as the hub's views use them.
struct HubDesk
{
    IncidentService incidents;
    TaskService tasks;
    UnitService units;
    CameraService cameras;
    explicit HubDesk(Platform& p)
        : incidents(p.store(), p.session(), p.audit(), &p.outbox())
        , tasks(p.store(), p.session(), p.audit(), &p.outbox())
        , units(p.store(), p.session(), p.audit(), &p.outbox())
        , cameras(p.store(), p.session(), p.audit(), &p.outbox())
    {
    }
};

// A desk started with an operator signed in at it, and the hub's services there.
struct OperatorAt
{
    TestPlatform desk;
    std::optional<HubDesk> hub;
    OperatorAt(const TestPlatform::Config& config, const QString& name, const QString& role)
        : desk(config)
    {
        desk.start();
        signInAs(desk, name, role);
        hub.emplace(*desk.platform);
    }
};

// The hub's desk on the server itself, with Sue signed in at it.
struct SueAtHub : OperatorAt
{
    explicit SueAtHub(const OutageServer& server)
        : OperatorAt(server.desk(server.url, QStringLiteral("hub")), QStringLiteral("sue"), QStringLiteral("hub_supervisor"))
    {
    }
};

// A fixed camera at the depot's corner.
Camera fixedCamera(const QString& id, const QString& name, const QString& url)
{
    Camera c;
    c.id = id;
    c.name = name;
    c.kind = CameraKind::Fixed;
    c.position = GeoPoint{31.2304, 121.4737};
    c.fieldOfView = 90;
    c.range = 150;
    c.streamUrl = url;
    return c;
}

NewIncident burglary(const QString& summary)
{
    NewIncident in;
    in.category = QStringLiteral("burglary");
    in.summary = summary;
    in.location = Location{QStringLiteral("1 Bund Road"), GeoPoint{31.2304, 121.4737}};
    return in;
}


} // namespace

TEST_CASE("Incidents, notes, dispatches and task answers made while the server is away are kept on the desk and sent "
          "after sign-in under that operator, a conflict held for a decision, nothing lost or doubled",
          "[postgresql][desks][outbox]")
{
    OutageServer server;
    const StoreUrl& url = server.url;
    TcpRelay& relay = server.relay;
    const StoreUrl& throughRelay = server.relayed;
    auto config = [&](const StoreUrl& store, const QString& name) { return server.desk(store, name); };
    auto hubDesk = std::make_unique<TestPlatform>(config(url, QStringLiteral("hub")));
    hubDesk->start();
    auto fieldDesk = std::make_unique<TestPlatform>(config(throughRelay, QStringLiteral("field")));
    fieldDesk->start();
    Platform& b = *hubDesk->platform;
    Platform& a = *fieldDesk->platform; // the desk that loses the network
    signInAs(*hubDesk, QStringLiteral("sue"), QStringLiteral("hub_supervisor"));
    signInAs(*fieldDesk, QStringLiteral("ann"), QStringLiteral("hub_supervisor"));
    await(a.access().createUserBySystem(NewUser{QStringLiteral("ivy"), QStringLiteral("ivy"), QStringLiteral("Desk-Passw0rd-42"),
                                                {QStringLiteral("criminal_intel_operator")}}));
    HubDesk onB(b), onA(a);
    REQUIRE(waitUntil([&] {
        return a.bridge()->state() == EventBridge::State::Listening && b.bridge()->state() == EventBridge::State::Listening;
    }));

    // What both desks work on: two incidents, two units, a task for criminal intelligence.
    const GeoPoint centre{31.2304, 121.4737};
    auto newIncident = [&](const QString& summary) {
        NewIncident in;
        in.priority = 2;
        in.category = QStringLiteral("burglary");
        in.summary = summary;
        in.location = Location{QStringLiteral("1 Bund Road"), centre};
        return in;
    };
    const Incident brawl = await(onB.incidents.create(newIncident(QStringLiteral("Brawl outside bar"))));
    const Incident music = await(onB.incidents.create(newIncident(QStringLiteral("Loud music"))));
    await(onB.units.save(unitNear(QStringLiteral("P-11"), UnitKind::PatrolCar, centre, 1.0, {})));
    await(onB.units.save(unitNear(QStringLiteral("P-12"), UnitKind::PatrolCar, centre, 2.0, {})));
    NewTask ask;
    ask.assignee = QStringLiteral("criminal_intel");
    ask.title = QStringLiteral("Check the bar's known associates");
    ask.incidentId = brawl.id;
    const Task task = await(onB.tasks.issue(ask));

    // The cable is pulled. Ann goes on working: every command is kept on her desk, in order.
    relay.cut();
    const CommandId createId = CommandId::make();
    CHECK(queuedWhenDone(onA.incidents.create(newIncident(QStringLiteral("Shop alarm ringing")), createId))
          == QStringLiteral("New incident: Shop alarm ringing"));
    CHECK(queuedWhenDone(onA.incidents.addNote(brawl.id, QStringLiteral("Caller rang back: two men"))).startsWith(QStringLiteral("Note on incident")));
    CHECK(queuedWhenDone(onA.incidents.dispatch(brawl.id, {QStringLiteral("P-11")})).startsWith(QStringLiteral("Dispatch P-11")));
    // Edits as the form makes them: what Ann changed, against what she saw. A note, another field
    // and the same field again, from the same (now older) view of the incident: her own earlier
    // commands are no conflict for them.
    IncidentEdit edit;
    edit.summary = QStringLiteral("Loud music, party on the roof");
    CHECK(queuedWhenDone(onA.incidents.edit(music, edit)).startsWith(QStringLiteral("Change incident")));
    CHECK(queuedWhenDone(onA.incidents.addNote(music.id, QStringLiteral("Neighbours complain too"))).startsWith(QStringLiteral("Note on incident")));
    IncidentEdit lower;
    lower.priority = 3;
    CHECK(queuedWhenDone(onA.incidents.edit(music, lower)).startsWith(QStringLiteral("Change incident")));
    IncidentEdit again;
    again.summary = QStringLiteral("Loud music, party on the roof, forty people");
    CHECK(queuedWhenDone(onA.incidents.edit(music, again)).startsWith(QStringLiteral("Change incident")));
    CHECK(queuedWhenDone(onA.tasks.accept(task.id)).startsWith(QStringLiteral("Accept task")));
    CHECK(a.outbox().waiting() == 8);
    // The same create sent again (a double press) is kept once.
    CHECK(queuedWhenDone(onA.incidents.create(newIncident(QStringLiteral("Shop alarm ringing")), createId))
          == QStringLiteral("New incident: Shop alarm ringing"));
    CHECK(a.outbox().waiting() == 8);
    // Bad input is still refused at once, not kept.
    CHECK(queuedWhenDone(onA.incidents.addNote(brawl.id, QStringLiteral("   "))).startsWith(QStringLiteral("not kept: ")));

    // Meanwhile Sue rewrites the loud music's summary: Ann's edit of the summary is now stale.
    IncidentEdit rewrite;
    rewrite.summary = QStringLiteral("Loud music at No. 9");
    const Incident rewritten = await(onB.incidents.edit(music, rewrite));

    // Ann signs out; the server comes back. Nothing is sent while nobody is signed in.
    QList<OutboxEntry> attention;
    QObject guard;
    QObject::connect(&a.outbox(), &Outbox::attentionNeeded, &guard, [&](const OutboxEntry& e) { attention << e; });
    a.session().clear();
    relay.restore();
    REQUIRE(waitUntil([&] { return a.store().state() == Store::State::Open; }, 30000));
    // A round trip through the server and both desks' event loops: had the outbox replayed, Ann's note
    // would be on the server by now.
    QList<Event> seenByA;
    a.bus().subscribe(QStringLiteral("incident.*"), &guard, [&](const Event& e) { seenByA << e; });
    await(onB.incidents.addNote(brawl.id, QStringLiteral("Sue: second caller")));
    REQUIRE(waitUntil([&] {
        return std::any_of(seenByA.begin(), seenByA.end(),
                           [](const Event& e) { return e.payload.value(QStringLiteral("text")).toString() == QStringLiteral("Sue: second caller"); });
    }, 30000));
    CHECK(a.outbox().waiting() == 8);
    RawPg raw(url);
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM hub_incidents WHERE summary = 'Shop alarm ringing'")).toInt() == 0);

    // Ann signs in again: what she made goes, under her name; the stale edit waits for her, and
    // her note and other edit on the same incident wait behind it.
    const SignInResult ann = await(a.access().signIn(QStringLiteral("ann"), QStringLiteral("Desk-Passw0rd-42")));
    a.session().setPrincipal(ann.principal);
    REQUIRE(waitUntil([&] { return a.outbox().waiting() == 4 && !attention.isEmpty(); }, 30000));
    REQUIRE(attention.size() == 1);
    CHECK(attention[0].kind == OutboxEntry::Kind::Command);
    CHECK(attention[0].state == OutboxEntry::State::Conflict);
    CHECK(attention[0].summary().startsWith(QStringLiteral("Change incident")));
    const QList<OutboxEntry> waiting = await(a.outbox().entries());
    REQUIRE(waiting.size() == 4);
    CHECK(waiting[1].heldBack);
    CHECK(waiting[1].summary().startsWith(QStringLiteral("Note on incident")));
    CHECK(waiting[2].heldBack);
    CHECK(waiting[2].summary().startsWith(QStringLiteral("Change incident")));
    CHECK(waiting[3].heldBack);

    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM hub_incidents WHERE summary = 'Shop alarm ringing'")).toInt() == 1);
    CHECK(raw.scalar(QStringLiteral("SELECT status FROM hub_tasks WHERE id = ?"), {task.id}).toString() == QStringLiteral("accepted"));
    CHECK(raw.scalar(QStringLiteral("SELECT status FROM hub_units WHERE id = 'P-11'")).toString() == QStringLiteral("en_route"));
    CHECK(raw.scalar(QStringLiteral("SELECT actor FROM events WHERE topic = 'incident.note' AND payload LIKE '%two men%'")).toString()
          == QStringLiteral("ann"));

    // With the server up, Ann's next note on that incident does not overtake the four waiting: it
    // is kept behind them; one on another incident goes at once.
    CHECK(queuedWhenDone(onA.incidents.addNote(music.id, QStringLiteral("Ann: after my edit"))).startsWith(QStringLiteral("Note on")));
    CHECK(a.outbox().waiting() == 5);
    await(onA.incidents.addNote(brawl.id, QStringLiteral("Ann: unit on its way")));

    // Ann keeps her summary over Sue's: then her held note, priority and second summary go, with no
    // conflict though the incident moved on (Sue's summary, Ann's own summary, note and priority).
    const ChangeResult kept = await(a.outbox().resolve(attention[0].id(), Outbox::Resolution::KeepMine, QStringLiteral("ann")));
    CHECK(kept.outcome == ChangeResult::Outcome::Applied);
    REQUIRE(waitUntil([&] { return a.outbox().waiting() == 0; }, 30000));
    CHECK(attention.size() == 1);
    const Incident now = await(onB.incidents.get(music.id));
    CHECK(now.summary == QStringLiteral("Loud music, party on the roof, forty people"));
    CHECK(now.priority == 3);
    CHECK(now.version == rewritten.version + 5);

    // Nothing lost, nothing twice: each command once on the journal, the decision journaled and audited.
    QMap<QString, int> byTopic;
    QSqlQuery q = raw.exec(QStringLiteral("SELECT topic FROM events WHERE topic IN ('incident.created', 'incident.note', "
                                          "'incident.dispatched', 'task.updated', 'incident.updated', 'change.conflict_resolved')"));
    while (q.next())
        byTopic[q.value(0).toString()]++;
    CHECK(byTopic.value(QStringLiteral("incident.created")) == 3);
    CHECK(byTopic.value(QStringLiteral("incident.note")) == 5);
    CHECK(byTopic.value(QStringLiteral("incident.dispatched")) == 1);
    CHECK(byTopic.value(QStringLiteral("task.updated")) == 1);
    CHECK(byTopic.value(QStringLiteral("incident.updated")) == 4);
    CHECK(byTopic.value(QStringLiteral("change.conflict_resolved")) == 1);
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'change.conflict_resolved' AND actor = 'ann'")).toInt() == 1);

    // A command goes only under the operator who made it, with the permission checked again then.
    // Ann keeps a note offline; meanwhile an administrator takes her supervisor role away.
    relay.cut();
    const CommandId noteId = CommandId::make();
    CHECK(queuedWhenDone(onA.incidents.addNote(brawl.id, QStringLiteral("Ann: left unsaid"), noteId)).startsWith(QStringLiteral("Note on")));
    a.session().clear();
    raw.exec(QStringLiteral("DELETE FROM user_roles WHERE role = 'hub_supervisor' AND user_id = (SELECT id FROM users WHERE name = 'ann')"));
    raw.exec(QStringLiteral("INSERT INTO user_roles (user_id, role) SELECT id, 'criminal_intel_operator' FROM users WHERE name = 'ann'"));
    relay.restore();
    // Offline, the desk tries the server now and then by itself: back, it says so.
    REQUIRE(waitUntil([&] { return a.store().state() == Store::State::Open; }, 30000));
    // Ivy signs in at Ann's desk: Ann's note is not sent in Ivy's name; it waits for Ann.
    const SignInResult ivy = await(a.access().signIn(QStringLiteral("ivy"), QStringLiteral("Desk-Passw0rd-42")));
    REQUIRE(ivy.principal.isValid());
    attention.clear();
    a.session().setPrincipal(ivy.principal);
    seenByA.clear();
    await(onB.incidents.addNote(brawl.id, QStringLiteral("Sue: third caller")));
    REQUIRE(waitUntil([&] { return !seenByA.isEmpty(); }, 30000));
    const QList<OutboxEntry> forAnn = await(a.outbox().entries());
    REQUIRE(forAnn.size() == 1);
    CHECK(forAnn[0].state == OutboxEntry::State::Queued);
    CHECK(forAnn[0].awaitsMaker);
    CHECK(attention.isEmpty());
    // Ann signs in, without the right to touch incidents any more: the note is refused and waits
    // for her decision; she discards it, on the record, and it can never apply later.
    const SignInResult annAgain = await(a.access().signIn(QStringLiteral("ann"), QStringLiteral("Desk-Passw0rd-42")));
    REQUIRE(annAgain.principal.isValid());
    CHECK_FALSE(annAgain.principal.can(QStringLiteral("hub.incident.manage")));
    a.session().setPrincipal(annAgain.principal);
    REQUIRE(waitUntil([&] { return !attention.isEmpty(); }, 30000));
    CHECK(attention[0].state == OutboxEntry::State::Failed);
    CHECK(attention[0].problem.contains(QStringLiteral("add a note")));
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = 'ann' AND outcome = 'denied'")).toInt() >= 1);
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = 'ivy' AND outcome = 'denied'")).toInt() == 0);
    await(a.outbox().resolve(attention[0].id(), Outbox::Resolution::DiscardMine, QStringLiteral("ann")));
    CHECK(a.outbox().waiting() == 0);
    CHECK(raw.scalar(QStringLiteral("SELECT operation FROM applied_commands WHERE command_id = ?"), {noteId.toString()}).toString()
          == QStringLiteral("discarded:hub.incident.note"));
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'change.refusal_resolved' AND actor = 'ann'")).toInt() == 1);
    a.session().setPrincipal(ann.principal); // her old rights: the id is spent all the same
    CHECK(failureOf(onA.incidents.addNote(brawl.id, QStringLiteral("Ann: left unsaid"), noteId)).contains(QStringLiteral("already used")));
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'incident.note' AND payload LIKE '%left unsaid%'")).toInt() == 0);

    fieldDesk.reset();
    hubDesk.reset();
}

TEST_CASE("A desk that was closed catches up at start on what happened while it was away", "[postgresql][desks]")
{
    OutageServer server;
    const StoreUrl& url = server.url;
    auto config = [&](const QString& name) { return server.desk(url, name); };
    auto hubDesk = std::make_unique<TestPlatform>(config(QStringLiteral("hub")));
    hubDesk->start();
    signInAs(*hubDesk, QStringLiteral("sue"), QStringLiteral("hub_supervisor"));
    HubDesk onHub(*hubDesk->platform);
    NewIncident in;
    in.category = QStringLiteral("burglary");
    in.location = Location{QStringLiteral("1 Bund Road"), GeoPoint{31.2304, 121.4737}};
    in.summary = QStringLiteral("Seen by the field desk");
    await(onHub.incidents.create(in));

    // The field desk runs, sees that incident, and is closed.
    {
        TestPlatform field(config(QStringLiteral("field")));
        QList<Event> seen;
        QObject guard;
        field->bus().subscribe(QStringLiteral("incident.*"), &guard, [&](const Event& e) { seen << e; });
        field.start();
        REQUIRE(waitUntil([&] { return field->bridge()->state() == EventBridge::State::Listening; }));
        in.summary = QStringLiteral("Also seen live");
        await(onHub.incidents.create(in));
        REQUIRE(waitUntil([&] { return seen.size() == 1; }));
    }
    // While it is closed, the hub works on.
    QStringList whileAway;
    for (const QString& summary : {QStringLiteral("Missed one"), QStringLiteral("Missed two")}) {
        in.summary = summary;
        whileAway << await(onHub.incidents.create(in)).summary;
    }
    // Started again, its subscribers hear exactly those, once, marked as from another desk.
    TestPlatform field(config(QStringLiteral("field")));
    QList<Event> caughtUp;
    QObject guard;
    field->bus().subscribe(QStringLiteral("incident.created"), &guard, [&](const Event& e) { caughtUp << e; });
    field.start();
    REQUIRE(waitUntil([&] { return caughtUp.size() >= 2; }));
    in.summary = QStringLiteral("Live again");
    await(onHub.incidents.create(in));
    REQUIRE(waitUntil([&] { return caughtUp.size() >= 3; }));
    QStringList summaries;
    for (const Event& e : std::as_const(caughtUp)) {
        CHECK(e.remote);
        summaries << e.payload.value(QStringLiteral("summary")).toString();
    }
    CHECK(summaries == whileAway + QStringList{QStringLiteral("Live again")});
    hubDesk.reset();
}

TEST_CASE("A desk catches up only on the journal it saw, and takes what it journaled in an earlier run for its own",
          "[postgresql][desks]")
{
    OutageServer server;
    RawPg raw(server.url);
    SueAtHub sue(server);
    HubDesk& onHub = *sue.hub;
    auto create = [&](HubDesk& desk, const QString& summary) { return await(desk.incidents.create(burglary(summary))); };
    create(onHub, QStringLiteral("Seen before"));
    const TestPlatform::Config fieldConfig = server.desk(server.url, QStringLiteral("field"));
    struct Heard
    {
        QString summary;
        bool remote;
        bool caughtUp;
        bool operator==(const Heard&) const = default;
    };
    auto listen = [](TestPlatform& desk, QObject& guard, QList<Heard>& heard) {
        desk->bus().subscribe(QStringLiteral("incident.created"), &guard, [&heard](const Event& e) {
            heard << Heard{e.payload.value(QStringLiteral("summary")).toString(), e.remote, e.caughtUp};
        });
    };

    // The field desk's first run journals an incident of its own, and is killed before it could
    // write down that it saw it: its remembered number is the one before.
    const qint64 before = raw.scalar(QStringLiteral("SELECT max(seq) FROM events")).toLongLong();
    {
        TestPlatform field(fieldConfig);
        field.start();
        signInAs(field, QStringLiteral("ann"), QStringLiteral("hub_supervisor"));
        HubDesk onField(*field.platform);
        REQUIRE(waitUntil([&] { return field->bridge()->state() == EventBridge::State::Listening; }));
        create(onField, QStringLiteral("Field's own"));
    }
    {
        RawSqlite outbox(fieldConfig.outboxPath);
        outbox.exec(QStringLiteral("UPDATE desk_state SET value = ? WHERE name = 'last_seen_seq'"), {QString::number(before)});
    }
    create(onHub, QStringLiteral("Missed"));
    {
        TestPlatform field(fieldConfig);
        QList<Heard> heard;
        QObject guard;
        listen(field, guard, heard);
        field.start();
        REQUIRE(waitUntil([&] { return heard.size() >= 2; }));
        create(onHub, QStringLiteral("Live"));
        REQUIRE(waitUntil([&] { return heard.size() >= 3; }));
        CHECK(heard == QList<Heard>{{QStringLiteral("Field's own"), false, true},
                                    {QStringLiteral("Missed"), true, true},
                                    {QStringLiteral("Live"), true, false}});
    }

    // The database is recreated under the same name (here: given another identity while the desk
    // is closed). Its numbers mean nothing to what the desk remembers: it catches up on nothing.
    raw.exec(QStringLiteral("UPDATE deployment SET id = 'recreated'"));
    create(onHub, QStringLiteral("In the new database, before the desk"));
    {
        TestPlatform field(fieldConfig);
        QList<Heard> heard;
        QObject guard;
        listen(field, guard, heard);
        field.start();
        REQUIRE(waitUntil([&] { return field->bridge()->state() == EventBridge::State::Listening; }));
        create(onHub, QStringLiteral("Live in the new one"));
        REQUIRE(waitUntil([&] { return !heard.isEmpty(); }));
        CHECK(heard == QList<Heard>{{QStringLiteral("Live in the new one"), true, false}});
    }
    RawSqlite outbox(fieldConfig.outboxPath);
    CHECK(outbox.scalar(QStringLiteral("SELECT value FROM desk_state WHERE name = 'deployment'")).toString() == QStringLiteral("recreated"));
}

TEST_CASE("A desk that holds its journal until its window is up hears the catch-up then, and nothing is missed "
          "meanwhile",
          "[postgresql][desks]")
{
    OutageServer server;
    SueAtHub sue(server);
    HubDesk& onHub = *sue.hub;
    TestPlatform::Config fieldConfig = server.desk(server.url, QStringLiteral("field"));
    { // a first run, so the desk has a number to catch up from
        TestPlatform field(fieldConfig);
        bool seen = false;
        QObject guard;
        field->bus().subscribe(QStringLiteral("incident.created"), &guard, [&](const Event&) { seen = true; });
        field.start();
        REQUIRE(waitUntil([&] { return field->bridge()->state() == EventBridge::State::Listening; }));
        await(onHub.incidents.create(burglary(QStringLiteral("Seen"))));
        REQUIRE(waitUntil([&] { return seen; }));
    }
    await(onHub.incidents.create(burglary(QStringLiteral("Missed while closed"))));
    // As the desk runs it: held through the sign-in, released once the window is there.
    fieldConfig.holdJournal = true;
    TestPlatform field(fieldConfig);
    field.start();
    CHECK(field->bridge()->state() == EventBridge::State::Stopped);
    await(onHub.incidents.create(burglary(QStringLiteral("During sign-in"))));
    // The window's subscribers come after the start...
    QList<QPair<QString, bool>> heard;
    QObject guard;
    field->bus().subscribe(QStringLiteral("incident.created"), &guard, [&](const Event& e) {
        heard.append({e.payload.value(QStringLiteral("summary")).toString(), e.caughtUp});
    });
    // ... and hear all of it once it is released: the catch-up marked as such, then what came since.
    field->releaseJournal();
    field->releaseJournal(); // once is enough
    REQUIRE(waitUntil([&] { return heard.size() >= 2; }));
    await(onHub.incidents.create(burglary(QStringLiteral("Live"))));
    REQUIRE(waitUntil([&] { return heard.size() >= 3; }));
    CHECK(heard == QList<QPair<QString, bool>>{{QStringLiteral("Missed while closed"), true},
                                              {QStringLiteral("During sign-in"), false},
                                              {QStringLiteral("Live"), false}});
}

TEST_CASE("A desk closed while its server is silent closes without waiting on the network, and the command it "
          "was sending goes out from the outbox after the next sign-in, once",
          "[postgresql][desks][outbox]")
{
    OutageServer server;
    const StoreUrl& url = server.url;
    TcpRelay& relay = server.relay;
    // No keepalives: nothing outside the desk would ever end its wait on a server that went silent.
    StoreUrl throughRelay = server.relayed;
    throughRelay.options = QStringLiteral("keepalives=0");
    const TestPlatform::Config config = server.desk(throughRelay, QStringLiteral("field"));
    NewIncident alarm;
    alarm.priority = 2;
    alarm.category = QStringLiteral("burglary");
    alarm.summary = QStringLiteral("Shop alarm ringing");
    alarm.location = Location{QStringLiteral("1 Bund Road"), GeoPoint{31.2304, 121.4737}};
    const CommandId createId = CommandId::make();
    {
        TestPlatform desk(config);
        desk.start();
        signInAs(desk, QStringLiteral("ann"), QStringLiteral("hub_supervisor"));
        HubDesk hub(*desk.platform);
        REQUIRE(waitUntil([&] { return desk->bridge()->state() == EventBridge::State::Listening; }));
        // The network falls silent as Ann creates an incident: it goes out and nothing comes back.
        relay.silence();
        QFuture<Incident> created = hub.incidents.create(alarm, createId);
        REQUIRE(waitUntil([&] { return relay.droppedBytes() > 0; }));
        CHECK_FALSE(created.isFinished());
        // She closes the desk. It ends: had it waited for the network, this test would hang here, as
        // neither keepalives nor the relay ever end the desk's wait.
        desk->stop();
        CHECK(desk->store().state() == Store::State::Closed);
        CHECK(desk->bridge()->state() == EventBridge::State::Stopped);
    }
    {
        RawPg raw(url);
        CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM hub_incidents")).toInt() == 0);

        // Next start, the network is back: the command waits in the outbox for Ann, and goes out once.
        relay.restore();
        TestPlatform desk(config);
        desk.start();
        CHECK(desk->outbox().waiting() == 1);
        const QList<OutboxEntry> kept = await(desk->outbox().entries());
        REQUIRE(kept.size() == 1);
        CHECK(kept[0].awaitsMaker);
        const SignInResult ann = await(desk->access().signIn(QStringLiteral("ann"), QStringLiteral("Desk-Passw0rd-42")));
        REQUIRE(ann.principal.isValid());
        desk->session().setPrincipal(ann.principal);
        REQUIRE(waitUntil([&] { return desk->outbox().waiting() == 0; }, 30000));
        CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM hub_incidents WHERE summary = 'Shop alarm ringing'")).toInt() == 1);
        CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM applied_commands WHERE command_id = '%1'").arg(createId.toString())).toInt() == 1);
    }
}

namespace {

QByteArray testPicture()
{
    QImage image(320, 180, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            image.setPixelColor(x, y, QColor((x * 7 + y) % 256, (x * y) % 256, (x + y * 3) % 256));
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(image.save(&buffer, "PNG"));
    return bytes;
}

QByteArray testClip()
{
    MjpegAviWriter writer(QSize(160, 90), 10);
    for (int i = 0; i < 10; ++i) {
        QImage image(160, 90, QImage::Format_RGB32);
        image.fill(QColor(40, 70, 110));
        for (int x = 0; x < 20; ++x) {
            for (int y = 0; y < 90; ++y)
                image.setPixelColor((i * 14 + x) % 160, y, QColor(250, 220, 40));
        }
        REQUIRE(writer.addFrame(image));
    }
    return writer.file();
}

QString sha256Of(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

TEST_CASE("Camera and category changes, snapshots and clips made while the server is away are kept on the desk, the "
          "pictures' bytes too, through a restart, and sent after sign-in, a change from an older copy held for a decision",
          "[postgresql][desks][outbox]")
{
    OutageServer server;
    RawPg raw(server.url);
    SueAtHub sue(server);
    HubDesk& onB = *sue.hub;
    CameraService& camerasB = sue.hub->cameras;

    // The registry as both desks know it: two cameras (one stream with its credentials) and the
    // burglary category; an incident for the pictures.
    const GeoPoint centre{31.2304, 121.4737};
    const QString secretUrl = QStringLiteral("rtsp://viewer:s3cret-42@10.20.0.5/gate");
    const Camera gate = await(camerasB.save(fixedCamera(QStringLiteral("CAM-0101"), QStringLiteral("Gate"), secretUrl)));
    const Camera roof = await(camerasB.save(fixedCamera(QStringLiteral("CAM-0102"), QStringLiteral("Roof"),
                                                   QStringLiteral("synthetic:rooftop?fps=5"))));
    IncidentCategory burglary;
    for (const IncidentCategory& c : await(onB.incidents.categories())) {
        if (c.id == QLatin1String("burglary"))
            burglary = c;
    }
    REQUIRE(burglary.version == 1);
    NewIncident in;
    in.priority = 2;
    in.category = QStringLiteral("burglary");
    in.summary = QStringLiteral("Break-in at the depot");
    in.location = Location{QStringLiteral("1 Bund Road"), centre};
    const Incident depot = await(onB.incidents.create(in));

    const TestPlatform::Config fieldConfig = server.desk(server.relayed, QStringLiteral("field"));
    const QByteArray picture = testPicture();
    const QByteArray avi = testClip();
    REQUIRE(mjpegAviInfo(avi).has_value());
    {
        TestPlatform fieldDesk(fieldConfig);
        fieldDesk.start();
        signInAs(fieldDesk, QStringLiteral("ann"), QStringLiteral("hub_supervisor"));
        Platform& a = *fieldDesk.platform;
        HubDesk onA(a);
        CameraService camerasA(a.store(), a.session(), a.audit(), &a.outbox());
        MediaService mediaA(a.store(), a.session(), a.audit(), &a.outbox());
        REQUIRE(waitUntil([&] { return a.bridge()->state() == EventBridge::State::Listening; }));
        const qint64 takenAt = a.clock().nowMs();

        // The cable is pulled; Ann goes on with the registry and the pictures.
        server.relay.cut();
        Camera gateEdit = gate;
        gateEdit.name = QStringLiteral("Main gate");
        CHECK(queuedWhenDone(camerasA.save(gateEdit)) == QStringLiteral("Save camera CAM-0101"));
        // She saves the gate's entry again, from the same copy (the server cannot be read): her own
        // earlier save is no conflict for it, and what goes last is the entry as she saved it last.
        Camera turned = gateEdit;
        turned.heading = 30;
        CHECK(queuedWhenDone(camerasA.save(turned)) == QStringLiteral("Save camera CAM-0101"));
        Camera roofEdit = roof;
        roofEdit.agency = QStringLiteral("Harbour police");
        CHECK(queuedWhenDone(camerasA.save(roofEdit)) == QStringLiteral("Save camera CAM-0102"));
        IncidentCategory quicker = burglary;
        quicker.responseTargetMs = 6 * 60 * 1000;
        CHECK(queuedWhenDone(onA.incidents.saveCategory(quicker)).startsWith(QStringLiteral("Save category")));
        CHECK(queuedWhenDone(mediaA.attachSnapshot(depot.id, gate.id, picture, takenAt)) == QStringLiteral("Snapshot from CAM-0101"));
        CHECK(queuedWhenDone(mediaA.attachClip(depot.id, gate.id, avi, takenAt)) == QStringLiteral("Clip from CAM-0101"));
        // What is not a picture is refused at once, not kept.
        CHECK(queuedWhenDone(mediaA.attachSnapshot(depot.id, gate.id, QByteArray("GIF89a....", 10), takenAt))
                  .startsWith(QStringLiteral("not kept: ")));
        CHECK(a.outbox().waiting() == 6);

        // The pictures' bytes are in the desk's file beside their commands, not in the arguments the
        // outbox lists; the file is the desk user's alone.
        const QList<OutboxEntry> kept = await(a.outbox().entries());
        REQUIRE(kept.size() == 6);
        CHECK(kept[4].command.contentBytes == picture.size());
        CHECK(kept[5].command.contentBytes == avi.size());
        CHECK(kept[4].command.content.isEmpty());
        CHECK(QJsonDocument(kept[5].command.args).toJson(QJsonDocument::Compact).size() < 200);
        const QFileDevice::Permissions mode = QFileInfo(fieldConfig.outboxPath).permissions();
        CHECK_FALSE(mode & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther));
    }

    // Meanwhile Sue renames the roof camera: Ann's change of it was made from the older entry.
    Camera roofSue = roof;
    roofSue.name = QStringLiteral("Roof east");
    CHECK(await(camerasB.save(roofSue)).version == roof.version + 1);
    // A change from an older copy is refused straight away online as well.
    Camera staleRoof = roof;
    staleRoof.heading = 45;
    CHECK_THROWS_AS(await(camerasB.save(staleRoof)), ConflictError);

    // Ann's desk was closed with all of it kept. The network is back; she starts it and signs in.
    server.relay.restore();
    TestPlatform fieldDesk(fieldConfig);
    fieldDesk.start();
    Platform& a = *fieldDesk.platform;
    CHECK(a.outbox().waiting() == 6);
    QList<OutboxEntry> attention;
    QObject guard;
    QObject::connect(&a.outbox(), &Outbox::attentionNeeded, &guard, [&](const OutboxEntry& e) { attention << e; });
    const SignInResult ann = await(a.access().signIn(QStringLiteral("ann"), QStringLiteral("Desk-Passw0rd-42")));
    REQUIRE(ann.principal.isValid());
    a.session().setPrincipal(ann.principal);
    REQUIRE(waitUntil([&] { return a.outbox().waiting() == 1 && !attention.isEmpty(); }, 30000));
    REQUIRE(attention.size() == 1);
    CHECK(attention[0].state == OutboxEntry::State::Conflict);
    CHECK(attention[0].summary() == QStringLiteral("Save camera CAM-0102"));

    // What went: the gate renamed with its stream intact, the category's target, both pictures
    // byte for byte, in Ann's name.
    CHECK(raw.scalar(QStringLiteral("SELECT name FROM hub_cameras WHERE id = 'CAM-0101'")).toString() == QStringLiteral("Main gate"));
    CHECK(raw.scalar(QStringLiteral("SELECT stream_url FROM hub_cameras WHERE id = 'CAM-0101'")).toString() == secretUrl);
    CHECK(raw.scalar(QStringLiteral("SELECT heading FROM hub_cameras WHERE id = 'CAM-0101'")).toDouble() == Approx(30));
    CHECK(raw.scalar(QStringLiteral("SELECT version FROM hub_cameras WHERE id = 'CAM-0101'")).toInt() == gate.version + 2);
    CHECK(raw.scalar(QStringLiteral("SELECT response_target_s FROM hub_categories WHERE id = 'burglary'")).toInt() == 360);
    CHECK(raw.scalar(QStringLiteral("SELECT version FROM hub_categories WHERE id = 'burglary'")).toInt() == 2);
    QSqlQuery media = raw.exec(
        QStringLiteral("SELECT kind, sha256, byte_size, created_by FROM hub_media WHERE incident_id = %1 ORDER BY id").arg(depot.id));
    QStringList attached;
    while (media.next())
        attached << QStringLiteral("%1 %2 %3 %4").arg(media.value(0).toString(), media.value(1).toString(), media.value(2).toString(),
                                                     media.value(3).toString());
    CHECK(attached
          == QStringList{QStringLiteral("snapshot %1 %2 ann").arg(sha256Of(picture)).arg(picture.size()),
                         QStringLiteral("clip %1 %2 ann").arg(sha256Of(avi)).arg(avi.size())});
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'media.attached' AND actor = 'ann'")).toInt() == 2);
    CHECK(raw.scalar(QStringLiteral("SELECT name FROM hub_cameras WHERE id = 'CAM-0102'")).toString() == QStringLiteral("Roof east"));

    // Ann keeps her entry of the roof camera over Sue's: her agency, and her copy's name.
    const ChangeResult decided = await(a.outbox().resolve(attention[0].id(), Outbox::Resolution::KeepMine, QStringLiteral("ann")));
    CHECK(decided.outcome == ChangeResult::Outcome::Applied);
    CHECK(a.outbox().waiting() == 0);
    CHECK(raw.scalar(QStringLiteral("SELECT agency FROM hub_cameras WHERE id = 'CAM-0102'")).toString() == QStringLiteral("Harbour police"));
    CHECK(raw.scalar(QStringLiteral("SELECT name FROM hub_cameras WHERE id = 'CAM-0102'")).toString() == QStringLiteral("Roof"));
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'change.conflict_resolved' AND actor = 'ann'")).toInt() == 1);

    // Sent, the pictures and the stream's password are gone from the desk's file, not only from its
    // table (secure_delete overwrites what is deleted), and from its write-ahead log while the desk
    // still runs (emptied after each entry leaves).
    for (const QString& suffix : {QStringLiteral("-wal"), QString()}) {
        QFile live(fieldConfig.outboxPath + suffix);
        if (!live.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = live.readAll();
        CHECK_FALSE(bytes.contains(picture.mid(picture.size() / 2, 64)));
        CHECK_FALSE(bytes.contains(avi.mid(avi.size() / 2, 64)));
        CHECK_FALSE(bytes.contains(QByteArray("s3cret-42")));
    }
    fieldDesk->stop();
    QFile file(fieldConfig.outboxPath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray left = file.readAll();
    CHECK_FALSE(left.contains(picture.mid(picture.size() / 2, 64)));
    CHECK_FALSE(left.contains(avi.mid(avi.size() / 2, 64)));
    CHECK_FALSE(left.contains(QByteArray("s3cret-42")));
}

TEST_CASE("Work put in a desk's outbox file in another operator's name is not sent in their name: what an operator "
          "keeps is sealed with a key from their password, and only they send it",
          "[postgresql][desks][outbox]")
{
    OutageServer server;
    RawPg raw(server.url);
    SueAtHub sue(server);
    const Incident depot = await(sue.hub->incidents.create(burglary(QStringLiteral("Break-in at the depot"))));

    // Ann and Ivy share the field desk (one system account). Ann keeps two notes while the server is away.
    const TestPlatform::Config fieldConfig = server.desk(server.relayed, QStringLiteral("field"));
    {
        TestPlatform field(fieldConfig);
        field.start();
        signInAs(field, QStringLiteral("ivy"), QStringLiteral("criminal_intel_operator"));
        signInAs(field, QStringLiteral("ann"), QStringLiteral("hub_supervisor"));
        HubDesk onField(*field.platform);
        REQUIRE(waitUntil([&] { return field->bridge()->state() == EventBridge::State::Listening; }));
        server.relay.cut();
        CHECK(queuedWhenDone(onField.incidents.addNote(depot.id, QStringLiteral("Ann: rear door forced"))).startsWith(QStringLiteral("Note on")));
        CHECK(queuedWhenDone(onField.incidents.addNote(depot.id, QStringLiteral("Ann: owner on the way"))).startsWith(QStringLiteral("Note on")));
        const QList<OutboxEntry> kept = await(field->outbox().entries());
        REQUIRE(kept.size() == 2);
        CHECK(!kept[0].seal.isEmpty());
        field->session().clear();
    }

    // Ivy, with the desk's files, rewrites Ann's second note and adds a command of her own in Ann's
    // name (a copy of Ann's first, seal and all, saying something else).
    {
        RawSqlite file(fieldConfig.outboxPath);
        QSqlQuery rows = file.exec(QStringLiteral("SELECT position, change, seal FROM outbox ORDER BY position"));
        QList<QPair<qint64, QJsonObject>> entries;
        QByteArray annsSeal;
        while (rows.next()) {
            entries.append({rows.value(0).toLongLong(), QJsonDocument::fromJson(rows.value(1).toString().toUtf8()).object()});
            if (annsSeal.isEmpty())
                annsSeal = rows.value(2).toByteArray();
        }
        REQUIRE(!annsSeal.isEmpty());
        REQUIRE(entries.size() == 2);
        QJsonObject rewritten = entries[1].second;
        QJsonObject args = rewritten.value(QStringLiteral("args")).toObject();
        args.insert(QStringLiteral("text"), QStringLiteral("Ann: false alarm, close it"));
        rewritten.insert(QStringLiteral("args"), args);
        file.exec(QStringLiteral("UPDATE outbox SET change = ? WHERE position = ?"),
                  {QString::fromUtf8(QJsonDocument(rewritten).toJson(QJsonDocument::Compact)), entries[1].first});
        QJsonObject planted = entries[0].second;
        const QString plantedId = CommandId::make().toString();
        planted.insert(QStringLiteral("id"), plantedId);
        QJsonObject plantedArgs = planted.value(QStringLiteral("args")).toObject();
        plantedArgs.insert(QStringLiteral("text"), QStringLiteral("Ann: the suspect is Ivy's neighbour"));
        planted.insert(QStringLiteral("args"), plantedArgs);
        file.exec(QStringLiteral("INSERT INTO outbox (change_id, change, state, kind, seal) VALUES (?, ?, 'queued', 'command', ?)"),
                  {plantedId, QString::fromUtf8(QJsonDocument(planted).toJson(QJsonDocument::Compact)), annsSeal});
    }

    // The server is back; Ivy signs in first: nothing of Ann's goes, and Ivy cannot send it either.
    server.relay.restore();
    TestPlatform field(fieldConfig);
    field.start();
    Platform& a = *field.platform;
    CHECK(a.outbox().waiting() == 3);
    QList<OutboxEntry> attention;
    QObject guard;
    QObject::connect(&a.outbox(), &Outbox::attentionNeeded, &guard, [&](const OutboxEntry& e) { attention << e; });
    const SignInResult ivy = await(a.access().signIn(QStringLiteral("ivy"), QStringLiteral("Desk-Passw0rd-42")));
    REQUIRE(ivy.principal.isValid());
    CHECK(!ivy.principal.deskKey.isEmpty());
    a.session().setPrincipal(ivy.principal);
    const QList<OutboxEntry> waiting = await(a.outbox().entries());
    REQUIRE(waiting.size() == 3);
    CHECK(failureOf(a.outbox().resolve(waiting[2].id(), Outbox::Resolution::KeepMine, QStringLiteral("ivy")))
              .contains(QStringLiteral("only they send it")));

    // Ann signs in: her genuine note goes; the rewritten one is refused and waits for her decision
    // with the reason, and the planted one (on the same incident) waits behind it.
    const SignInResult ann = await(a.access().signIn(QStringLiteral("ann"), QStringLiteral("Desk-Passw0rd-42")));
    REQUIRE(ann.principal.isValid());
    a.session().setPrincipal(ann.principal);
    REQUIRE(waitUntil([&] { return attention.size() == 1 && a.outbox().waiting() == 2; }, 30000));
    CHECK(attention[0].state == OutboxEntry::State::Failed);
    CHECK(attention[0].problem.contains(QStringLiteral("its seal does not match")));
    QStringList notes;
    QSqlQuery q = raw.exec(QStringLiteral("SELECT payload, actor FROM events WHERE topic = 'incident.note' ORDER BY seq"));
    while (q.next())
        notes << QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object().value(QStringLiteral("text")).toString() + QStringLiteral(" by ")
                     + q.value(1).toString();
    CHECK(notes == QStringList{QStringLiteral("Ann: rear door forced by ann")});
    // Keeping it again does not send it either; she discards it, on the record, and the planted one
    // meets the same refusal.
    CHECK(failureOf(a.outbox().resolve(attention[0].id(), Outbox::Resolution::KeepMine, QStringLiteral("ann")))
              .contains(QStringLiteral("its seal does not match")));
    await(a.outbox().resolve(attention[0].id(), Outbox::Resolution::DiscardMine, QStringLiteral("ann")));
    REQUIRE(waitUntil([&] { return attention.size() >= 3; }, 30000)); // the KeepMine said it again, then the planted one
    CHECK(attention.last().state == OutboxEntry::State::Failed);
    CHECK(attention.last().problem.contains(QStringLiteral("its seal does not match")));
    CHECK(attention.last().command.args.value(QStringLiteral("text")).toString().contains(QStringLiteral("neighbour")));
    await(a.outbox().resolve(attention.last().id(), Outbox::Resolution::DiscardMine, QStringLiteral("ann")));
    CHECK(a.outbox().waiting() == 0);
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'incident.note'")).toInt() == 1);
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'change.refusal_resolved' AND actor = 'ann'")).toInt() == 2);
}

TEST_CASE("A camera or category change kept offline by an operator who lost the right meanwhile is refused when sent, "
          "changes nothing, and waits for their decision",
          "[postgresql][desks][outbox]")
{
    OutageServer server;
    RawPg raw(server.url);
    SueAtHub sue(server);
    const Camera gate = await(sue.hub->cameras.save(fixedCamera(QStringLiteral("CAM-0201"), QStringLiteral("Gate"),
                                                            QStringLiteral("synthetic:gate?fps=5"))));
    IncidentCategory burglaryCategory;
    for (const IncidentCategory& c : await(sue.hub->incidents.categories())) {
        if (c.id == QLatin1String("burglary"))
            burglaryCategory = c;
    }
    REQUIRE(burglaryCategory.version == 1);

    OperatorAt ann(server.desk(server.relayed, QStringLiteral("field")), QStringLiteral("ann"), QStringLiteral("hub_supervisor"));
    Platform& a = *ann.desk.platform;
    HubDesk& onA = *ann.hub;
    QList<OutboxEntry> attention;
    QObject guard;
    QObject::connect(&a.outbox(), &Outbox::attentionNeeded, &guard, [&](const OutboxEntry& e) { attention << e; });
    REQUIRE(waitUntil([&] { return a.bridge()->state() == EventBridge::State::Listening; }));

    // Offline, Ann renames the gate camera and shortens the burglary target...
    server.relay.cut();
    Camera renamed = gate;
    renamed.name = QStringLiteral("North gate");
    CHECK(queuedWhenDone(onA.cameras.save(renamed)) == QStringLiteral("Save camera CAM-0201"));
    IncidentCategory quicker = burglaryCategory;
    quicker.responseTargetMs = 5 * 60 * 1000;
    CHECK(queuedWhenDone(onA.incidents.saveCategory(quicker)).startsWith(QStringLiteral("Save category")));
    CHECK(a.outbox().waiting() == 2);
    // ...and meanwhile an administrator moves her from the hub to a centre's desk.
    a.session().clear();
    raw.exec(QStringLiteral("DELETE FROM user_roles WHERE role = 'hub_supervisor' AND user_id = (SELECT id FROM users WHERE name = 'ann')"));
    raw.exec(QStringLiteral("INSERT INTO user_roles (user_id, role) SELECT id, 'criminal_intel_operator' FROM users WHERE name = 'ann'"));
    server.relay.restore();
    REQUIRE(waitUntil([&] { return a.store().state() == Store::State::Open; }, 30000));

    // She signs in: both are sent under her as she is now, and both are refused and wait for her.
    const SignInResult again = await(a.access().signIn(QStringLiteral("ann"), QStringLiteral("Desk-Passw0rd-42")));
    REQUIRE(again.principal.isValid());
    CHECK_FALSE(again.principal.can(QStringLiteral("hub.camera.manage")));
    CHECK_FALSE(again.principal.can(QStringLiteral("hub.taxonomy.manage")));
    a.session().setPrincipal(again.principal);
    REQUIRE(waitUntil([&] { return attention.size() == 2; }, 30000));
    for (const OutboxEntry& refused : std::as_const(attention))
        CHECK(refused.state == OutboxEntry::State::Failed);
    CHECK(attention[0].command.operation == QStringLiteral("hub.camera.save"));
    CHECK(attention[1].command.operation == QStringLiteral("hub.category.save"));
    CHECK(a.outbox().waiting() == 2);
    // Nothing changed on the server; the refusals are on the audit chain in her name.
    CHECK(raw.scalar(QStringLiteral("SELECT name FROM hub_cameras WHERE id = 'CAM-0201'")).toString() == QStringLiteral("Gate"));
    CHECK(raw.scalar(QStringLiteral("SELECT version FROM hub_categories WHERE id = 'burglary'")).toInt() == 1);
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = 'ann' AND outcome = 'denied'")).toInt() >= 2);
    // Keep mine tries again under her rights and is refused again; she discards both, on the record.
    CHECK_FALSE(failureOf(a.outbox().resolve(attention[0].id(), Outbox::Resolution::KeepMine, QStringLiteral("ann"))).isEmpty());
    CHECK(raw.scalar(QStringLiteral("SELECT name FROM hub_cameras WHERE id = 'CAM-0201'")).toString() == QStringLiteral("Gate"));
    await(a.outbox().resolve(attention[0].id(), Outbox::Resolution::DiscardMine, QStringLiteral("ann")));
    await(a.outbox().resolve(attention[1].id(), Outbox::Resolution::DiscardMine, QStringLiteral("ann")));
    CHECK(a.outbox().waiting() == 0);
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'change.refusal_resolved' AND actor = 'ann'")).toInt() == 2);
}
