// A prepared server tried as a hostile desk would: each centre's and the hub's own database login,
// straight in SQL, trying what the server must refuse (read password hashes, grant itself a role,
// change permissions, edit the hub's units and cameras, read camera credentials, journal in another's
// name, read another centre's events and rows), and the same logins doing the work they are for.
// These tests need the test server and run one at a time.
#include "bus/eventbus.h"
#include "module/serveraccess.h"
#include "security/accesscontrol.h"
#include "security/audit.h"
#include "shared/timelimits.h"
#include "store/sqldialect.h"
#include "store/store.h"
#include "store/storeurl.h"
#include "base/error.h"

#include "desktest.h"
#include "preparedserver.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QHostAddress>

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QThread>
#include <QUuid>

#include <atomic>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::desktest;

namespace {

using namespace hexhub::test::prepared;

// The case-management centre's desk on the same server, for what a hostile or cut-off desk must
// not stop: it publishes a case's opening.
struct CaseDesk
{
    TestPlatform platform;
    explicit CaseDesk(const PreparedServer& server)
        : platform(config(server))
    {
        platform.start(); // opening the store waits for no lock
    }
    static TestPlatform::Config config(const PreparedServer& server)
    {
        TestPlatform::Config config;
        config.store = server.urlOf(server.cases);
        config.keyPath = server.keyPath();
        return config;
    }
    QFuture<void> publish(const QString& cases)
    {
        return platform->store().write(WriteContext{QStringLiteral("case_management"), cases, {}}, [](WriteTransaction& txn) {
            txn.publish(EventDraft{QStringLiteral("case.opened"), {}, 1, {}, {}, {}});
        });
    }
};

} // namespace

TEST_CASE("Table access is declared by each module and exactly that is granted", "[desks][security]")
{
    QString error;
    const auto grants = serveraccess::parse(
        QJsonObject{{QStringLiteral("tables"),
                     QJsonObject{{QStringLiteral("hub_cameras"),
                                  QJsonObject{{QStringLiteral("select(id, name)"), QJsonArray{QStringLiteral("*")}},
                                              {QStringLiteral("update"), QJsonArray{QStringLiteral("hub_supervisor")}}}},
                                 {QStringLiteral("users"), QJsonObject{}}}}},
        QStringLiteral("test"), &error);
    REQUIRE(grants);
    const QStringList statements = serveraccess::statements(*grants, {QStringLiteral("hub_cameras"), QStringLiteral("users")});
    CHECK(statements.contains(QStringLiteral("GRANT SELECT (\"id\", \"name\") ON TABLE \"hub_cameras\" TO \"hexhub_app\"")));
    CHECK(statements.contains(QStringLiteral("GRANT UPDATE ON TABLE \"hub_cameras\" TO \"hexhub_hub\"")));
    CHECK(statements.filter(QStringLiteral("\"users\"")).size() == 1); // revoked, granted nothing
    CHECK(statements.first().startsWith(QStringLiteral("REVOKE ALL ON TABLE \"hub_cameras\" FROM \"hexhub_app\"")));
    CHECK(serveraccess::undeclared(*grants, {QStringLiteral("users"), QStringLiteral("secret_notes")})
          == QStringList{QStringLiteral("secret_notes")});
    CHECK(serveraccess::databaseGroup(QStringLiteral("case_management_operator")) == QStringLiteral("hexhub_centre_case_management"));
    CHECK(serveraccess::databaseGroup(QStringLiteral("auditor")) == QStringLiteral("hexhub_auditor"));

    // Bad declarations are refused with every problem named, never half-applied.
    CHECK_FALSE(serveraccess::parse(QJsonObject{{QStringLiteral("tables"),
                                                 QJsonObject{{QStringLiteral("x; DROP TABLE users"), QJsonObject{}}}}},
                                    QStringLiteral("bad.json"), &error));
    CHECK(error.contains(QStringLiteral("bad.json")));
    CHECK_FALSE(serveraccess::parse(QJsonObject{{QStringLiteral("tables"),
                                                 QJsonObject{{QStringLiteral("t"),
                                                              QJsonObject{{QStringLiteral("truncate"), QJsonArray{QStringLiteral("*")}},
                                                                          {QStringLiteral("select"), QJsonArray{QStringLiteral("emperor")}}}}}}},
                                    QStringLiteral("bad.json"), &error));
    CHECK(error.contains(QStringLiteral("truncate")));
    CHECK(error.contains(QStringLiteral("emperor")));
}

TEST_CASE("A centre's own login cannot talk its way around the server", "[postgresql][desks][security]")
{
    PreparedServer server;
    Login desk(server.urlOf(server.cases));

    // Accounts, roles, grants and migrations: not readable where secret, never writable.
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("SELECT password_hash FROM users"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("SELECT name FROM users"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("SELECT * FROM user_roles"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral(
        "INSERT INTO user_roles (user_id, role) SELECT id, 'administrator' FROM hexhub_me"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral(
        "INSERT INTO role_permissions (role, permission) VALUES ('case_management_operator', 'core.users.manage')"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("DELETE FROM role_permissions"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE permissions SET module = 'x'"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("DELETE FROM schema_migrations"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE users SET active = 1"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("GRANT hexhub_hub TO ") + server.cases)));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("SET ROLE hexhub_hub"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("CREATE TABLE public.loot (x TEXT)"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("ALTER TABLE hub_incidents DISABLE ROW LEVEL SECURITY"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("DROP TRIGGER events_stamp ON events"))));
    // Its own account, and only that, without a hash.
    CHECK(desk.column(QStringLiteral("SELECT name FROM hexhub_me")) == QStringList{server.cases});
    CHECK(desk.column(QStringLiteral("SELECT role FROM hexhub_my_roles")) == QStringList{QStringLiteral("case_management_operator")});

    // The hub's units, cameras and incidents: readable where it may, never changed.
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE hub_units SET status = 'off_duty'"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE hub_cameras SET name = 'x'"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("DELETE FROM hub_cameras"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE hub_categories SET version = 1, response_target_s = 60"))));
    // Which database this is: every desk reads it, none changes it.
    CHECK(desk.column(QStringLiteral("SELECT count(*) FROM deployment")) == QStringList{QStringLiteral("1")});
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE deployment SET id = 'another'"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("DELETE FROM deployment"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE hub_incidents SET status = 'closed'"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("DELETE FROM hub_incidents"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("INSERT INTO hub_dispatches (incident_id, unit_id, dispatched_at, "
                                                        "dispatched_by) VALUES (901, 'U1', 0, 'x')"))));
    CHECK(desk.column(QStringLiteral("SELECT number FROM hub_incidents ORDER BY 1")) == QStringList{QStringLiteral("I-901")});
    // Camera credentials: the column is not the desk's; the address comes only for a camera it may watch.
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("SELECT stream_url FROM hub_cameras"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("SELECT * FROM hub_cameras"))));
    CHECK(desk.column(QStringLiteral("SELECT hexhub_camera_stream('cam-street')"))
          == QStringList{QStringLiteral("rtsp://viewer:s3cret@10.0.0.5/street")});
    CHECK(desk.column(QStringLiteral("SELECT COALESCE(hexhub_camera_stream('cam-venue'), 'nothing')"))
          == QStringList{QStringLiteral("nothing")});

    // Another centre's rows: not even readable.
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("SELECT * FROM ci_leads"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("DELETE FROM ci_leads"))));
    CHECK(desk.column(QStringLiteral("SELECT assignee FROM hub_tasks")) == QStringList{QStringLiteral("case_management")});

    // The journal: in no other centre's name and in no other person's; the server stamps who and when.
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral(
        "INSERT INTO events (id, topic, occurred_at, source, actor, schema_version, payload, origin) VALUES "
        "('f0000000-0000-0000-0000-000000000001', 'demand.escalated', 0, 'supervision', 'chief', 1, '{}', 'x')"))));
    desk.pg.exec(QStringLiteral(
        "INSERT INTO events (id, topic, occurred_at, source, actor, schema_version, payload, origin) VALUES "
        "('f0000000-0000-0000-0000-000000000002', 'case.opened', 0, 'case_management', 'chief', 1, '{}', 'x')"));
    CHECK(desk.column(QStringLiteral("SELECT actor FROM events WHERE id = 'f0000000-0000-0000-0000-000000000002'"))
          == QStringList{server.cases});
    CHECK(desk.column(QStringLiteral("SELECT occurred_at > 0 FROM events WHERE id = 'f0000000-0000-0000-0000-000000000002'"))
          == QStringList{QStringLiteral("true")});
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE events SET payload = '{}'"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral(
        "INSERT INTO applied_commands (command_id, module, operation, result_key, actor, applied_at) VALUES "
        "('c0000000-0000-0000-0000-000000000001', 'supervision', 'supervision.demand.close', '1', 'chief', 0)"))));
    desk.pg.exec(QStringLiteral(
        "INSERT INTO applied_commands (command_id, module, operation, result_key, actor, applied_at) VALUES "
        "('c0000000-0000-0000-0000-000000000002', 'case_management', 'case.open', '1', 'chief', 0)"));
    CHECK(desk.column(QStringLiteral("SELECT actor FROM applied_commands WHERE command_id = 'c0000000-0000-0000-0000-000000000002'"))
          == QStringList{server.cases});

    // The audit chain is the server's: the key is out of reach, the head is not the desk's to write,
    // and a row the desk adds is numbered, linked, stamped and signed by the server, whatever it sent.
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("SELECT key FROM hexhub_audit_key"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE audit_head SET seq = 1"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("DELETE FROM audit_head"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE audit_log SET detail = ''"))));
    desk.pg.exec(QStringLiteral(
        "INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash) VALUES "
        "(999999, 1, 'chief', 'case.closed', 'case:1', '', 'success', 'desk [seen from 10.0.0.9]', 'forged', 'forged')"));
    {
        RawPg owner(server.ownerUrl);
        QSqlQuery row = owner.exec(QStringLiteral("SELECT seq, actor, at, prev_hash, hash, origin FROM audit_log WHERE action = 'case.closed'"));
        REQUIRE(row.next());
        // Where the server saw it come from, which what the desk says of itself cannot imitate.
        CHECK(row.value(5).toString() == QStringLiteral("desk (seen from 10.0.0.9) [seen from 127.0.0.1]"));
        CHECK(row.value(0).toLongLong() < 999999);
        CHECK(row.value(1).toString() == server.cases);
        CHECK(row.value(2).toLongLong() > 1);
        CHECK(row.value(3).toString() != QStringLiteral("forged"));
        CHECK(row.value(4).toString().size() == 64);
        TestPlatform::Config config;
        config.store = server.ownerUrl;
        config.keyPath = server.keyPath();
        TestPlatform auditor(config);
        auditor.start();
        const AuditVerification verified = await(auditor->audit().verify());
        INFO(verified.message.toStdString());
        CHECK(verified.intact); // the key file verifies what the server signed
    }

    // No temporary tables to shadow the catalog or the hub's tables in the server's own checks.
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("CREATE TEMP TABLE pg_roles (rolname NAME, oid OID)"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("CREATE TEMP TABLE hub_incidents (id BIGINT)"))));
    // In the hub's name only what the hub's services do for a centre: answering its task.
    const QString hubEvent = QStringLiteral(
        "INSERT INTO events (id, topic, occurred_at, source, actor, schema_version, payload, origin) VALUES "
        "(gen_random_uuid()::text, '%1', 0, 'hub', 'chief', 1, '{\"assigneeKind\": \"centre\", \"assignee\": "
        "\"criminal_intel\", \"id\": 2}', 'x')");
    CHECK(deniedOrForbidden(desk.refusal(hubEvent.arg(QStringLiteral("task.assigned")))));
    CHECK(deniedOrForbidden(desk.refusal(hubEvent.arg(QStringLiteral("incident.created")))));
    CHECK(desk.refusal(hubEvent.arg(QStringLiteral("task.updated"))).isEmpty());
    // A task routed to it is answered, not pointed at another incident to read that one.
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE hub_tasks SET incident_id = 902"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE hub_tasks SET assignee = 'supervision'"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE sv_demands SET contact = 'x', sla_due_at = 0"))));
    // What it records of its own work says who and when as the server saw it: a demand routed to it,
    // its history written in the hub chief's name at time 0, reads as this login's, now; and the
    // history only grows.
    RawPg(server.ownerUrl).exec(QStringLiteral("INSERT INTO sv_demands (id, reference, channel, category, summary, status, routed_to, "
                                               "received_at, sla_due_at) VALUES (77, 'D-77', 'hotline_12345', 'noise', 'Bar noise', "
                                               "'routed', 'case_management', 0, 1)"));
    CHECK(desk.refusal(QStringLiteral("INSERT INTO sv_demand_history (demand_id, at, actor, action) VALUES (77, 0, 'chief', 'answered')"))
              .isEmpty());
    const QStringList history = desk.column(QStringLiteral("SELECT actor || '|' || (at > 0)::text FROM sv_demand_history WHERE demand_id = 77"));
    CHECK(history == QStringList{server.cases + QStringLiteral("|true")});
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("UPDATE sv_demand_history SET note = 'never happened'"))));
    CHECK(deniedOrForbidden(desk.refusal(QStringLiteral("DELETE FROM sv_demand_history"))));

    // The work it is for still works.
    CHECK(desk.pg.exec(QStringLiteral("UPDATE hub_tasks SET status = 'accepted'")).numRowsAffected() == 1);
    CHECK(desk.pg.exec(QStringLiteral("INSERT INTO cm_cases (number, title, kind, opened_at) VALUES ('C-2', 'Fight', "
                                      "'criminal', 0)")).numRowsAffected() == 1);
    CHECK(desk.column(QStringLiteral("SELECT number FROM cm_cases ORDER BY 1")) == QStringList{QStringLiteral("C-1"), QStringLiteral("C-2")});
}

TEST_CASE("The journal is filtered like the rows it describes, for the bridge too", "[postgresql][desks][security]")
{
    PreparedServer server;
    {
        // The owner journals, as the hub's and centres' services would: the server works out each
        // event's audience from what it is about.
        RawPg owner(server.ownerUrl);
        const QString insert = QStringLiteral(
            "INSERT INTO events (id, topic, occurred_at, source, actor, schema_version, payload, origin) VALUES "
            "('%1', '%2', 0, '%3', 'chief', 1, '%4', 'x')");
        owner.exec(insert.arg(QStringLiteral("e0000000-0000-0000-0000-000000000001"), QStringLiteral("task.assigned"),
                              QStringLiteral("hub"), QStringLiteral(R"({"id": 2, "assigneeKind": "centre", "assignee": "criminal_intel", "title": "Check the informant"})")));
        owner.exec(insert.arg(QStringLiteral("e0000000-0000-0000-0000-000000000002"), QStringLiteral("incident.note"),
                              QStringLiteral("hub"), QStringLiteral(R"({"incident": 902, "number": "I-902", "text": "Witness lives at 5 Quay"})")));
        owner.exec(insert.arg(QStringLiteral("e0000000-0000-0000-0000-000000000003"), QStringLiteral("lead.received"),
                              QStringLiteral("criminal_intel"), QStringLiteral("{}")));
        owner.exec(insert.arg(QStringLiteral("e0000000-0000-0000-0000-000000000004"), QStringLiteral("incident.note"),
                              QStringLiteral("hub"), QStringLiteral(R"({"incident": 901, "number": "I-901", "text": "Bag found"})")));
        owner.exec(insert.arg(QStringLiteral("e0000000-0000-0000-0000-000000000005"), QStringLiteral("task.assigned"),
                              QStringLiteral("hub"), QStringLiteral(R"({"id": 1, "assigneeKind": "centre", "assignee": "case_management"})")));
        owner.exec(insert.arg(QStringLiteral("e0000000-0000-0000-0000-000000000006"), QStringLiteral("category.saved"),
                              QStringLiteral("hub"), QStringLiteral("{}")));
        // A decision on a command a desk kept while the server was away names records: the hub's.
        owner.exec(insert.arg(QStringLiteral("e0000000-0000-0000-0000-000000000007"), QStringLiteral("change.refusal_resolved"),
                              QStringLiteral("core"), QStringLiteral(R"({"records": ["incident:901"], "decision": "discard_mine"})")));
    }
    // ... and the one who decided: a case desk's own decision is its to read.
    Login(server.urlOf(server.cases))
        .pg.exec(QStringLiteral("INSERT INTO events (id, topic, occurred_at, source, actor, schema_version, payload, origin) VALUES "
                                "('e0000000-0000-0000-0000-000000000008', 'change.conflict_resolved', 0, 'core', 'x', 1, '{}', 'x')"));
    const QString ids = QStringLiteral("SELECT right(id, 1) FROM events WHERE id LIKE 'e0000000%' ORDER BY seq");
    CHECK(Login(server.urlOf(server.cases)).column(ids)
          == QStringList{QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("8")});
    CHECK(Login(server.urlOf(server.intel)).column(ids)
          == QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("6")});
    CHECK(Login(server.urlOf(server.hub)).column(ids).size() == 8);

    // The bridge of a case desk delivers what its login may read, and nothing else.
    TestPlatform::Config config;
    config.store = server.urlOf(server.cases);
    config.keyPath = server.keyPath();
    TestPlatform desk(config);
    desk.start();
    QObject receiver;
    QStringList delivered;
    desk->bus().subscribe(QStringLiteral("*"), &receiver, [&](const Event& e) { delivered << e.topic + QLatin1Char('/') + e.source; });
    // Any login may notify the channel; a made-up announcement silences nobody.
    Login(server.urlOf(server.intel)).pg.exec(QStringLiteral("NOTIFY hexhub_events, '9000000000000000000'"));
    {
        RawPg owner(server.ownerUrl);
        const QString insert = QStringLiteral(
            "INSERT INTO events (id, topic, occurred_at, source, actor, schema_version, payload, origin) VALUES "
            "(gen_random_uuid()::text, '%1', 0, '%2', 'chief', 1, '%3', 'x')");
        owner.exec(insert.arg(QStringLiteral("lead.received"), QStringLiteral("criminal_intel"), QStringLiteral("{}")));
        owner.exec(insert.arg(QStringLiteral("incident.note"), QStringLiteral("hub"), QStringLiteral(R"({"incident": 902})")));
        owner.exec(insert.arg(QStringLiteral("case.opened"), QStringLiteral("case_management"), QStringLiteral("{}")));
    }
    // Events arrive in order: once the last one is here, the two before it were filtered, not late.
    REQUIRE(waitUntil([&] { return delivered.contains(QStringLiteral("case.opened/case_management")); }));
    CHECK(delivered == QStringList{QStringLiteral("case.opened/case_management")});
}

TEST_CASE("On a prepared server the server checks the password and the desk reads only its own principal",
          "[postgresql][desks][security]")
{
    PreparedServer server;
    TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
    config.store = server.urlOf(server.cases);
    config.keyPath = server.keyPath();
    TestPlatform desk(config);
    desk.start(); // modules register their permissions without writing: the owner did
    CHECK(await(desk->access().hasUsers()));

    const SignInResult wrong = await(desk->access().signIn(server.cases, QStringLiteral("Not-The-Password-1")));
    CHECK_FALSE(wrong.ok);
    CHECK(wrong.error == QStringLiteral("Unknown user name or wrong password."));
    const SignInResult other = await(desk->access().signIn(server.hub, kPassword));
    CHECK_FALSE(other.ok);
    CHECK(other.error.contains(server.cases));

    const SignInResult ok = await(desk->access().signIn(server.cases, kPassword));
    REQUIRE(ok.ok);
    CHECK(ok.principal.roles == QStringList{QStringLiteral("case_management_operator")});
    CHECK(ok.principal.can(QStringLiteral("case_management.case.manage")));
    CHECK_FALSE(ok.principal.can(QStringLiteral("core.users.manage")));
    CHECK_FALSE(await(desk->access().principalFor(server.hub)).isValid());

    // Even signed in as an administrator's session would be, the desk's login cannot make users:
    // the service's check passes, the server refuses.
    Principal forged = ok.principal;
    forged.permissions.insert(QStringLiteral("core.users.manage"));
    desk->session().setPrincipal(forged);
    CHECK(deniedOrForbidden(failureOf(desk->access().createUser(NewUser{QStringLiteral("mole"), {}, kPassword, {QStringLiteral("administrator")}}))));

    // Sign-ins are on record; an auditor's login reads them, this desk cannot.
    RawPg owner(server.ownerUrl);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'session.login' AND outcome = 'success'")).toInt() == 1);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'session.login' AND outcome <> 'success'")).toInt() == 2);
    CHECK(deniedOrForbidden(Login(server.urlOf(server.cases)).refusal(QStringLiteral("SELECT detail FROM audit_log"))));
}

TEST_CASE("A desk cut off in the middle of a transaction does not stop the others publishing",
          "[postgresql][desks][security]")
{
    PreparedServer server;
    TcpRelay relay(server.ownerUrl.host, quint16(server.ownerUrl.port));
    StoreUrl cutUrl = server.urlOf(server.intel);
    cutUrl.host = QStringLiteral("127.0.0.1");
    cutUrl.port = relay.port();
    Login cut(cutUrl);
    const QString cutPid = cut.column(QStringLiteral("SELECT pg_backend_pid()")).value(0);
    // The cut desk is publishing: in its transaction it holds the journal's publish lock...
    cut.pg.exec(QStringLiteral("BEGIN"));
    cut.pg.exec(QStringLiteral(
        "INSERT INTO events (id, topic, occurred_at, source, actor, schema_version, payload, origin) VALUES "
        "(gen_random_uuid()::text, 'lead.received', 0, 'criminal_intel', 'x', 1, '{}', 'x')"));
    // ...when its network goes silent: no reset, no close, nothing.
    relay.silence();

    CaseDesk other(server);
    QFuture<void> publish = other.publish(server.cases);
    // The other desk waits for the lock (the cut desk really held it)...
    CHECK_FALSE(waitUntil([&] { return publish.isFinished(); }, 3000));
    // ...until the server ends the cut desk's session for idling in its transaction, well within the
    // other desk's lock timeout: then it publishes, and the cut desk's half-done event is gone.
    REQUIRE(waitUntil([&] { return publish.isFinished(); }, 60000));
    CHECK(failureOf(publish).isEmpty());
    RawPg owner(server.ownerUrl);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1").arg(cutPid)).toInt() == 0);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'lead.received'")).toInt() == 0);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'case.opened'")).toInt() == 1);
}

TEST_CASE("A desk that turns its own timeouts off and sits on the journal's and the audit chain's locks is cut off "
          "by the server, and the others publish and audit",
          "[postgresql][desks][security]")
{
    PreparedServer server;
    Login hostile(server.urlOf(server.intel));
    const QString hostilePid = hostile.column(QStringLiteral("SELECT pg_backend_pid()")).value(0);
    // The timeouts the server gives its login are only defaults: it turns them off...
    hostile.pg.exec(QStringLiteral("SET idle_in_transaction_session_timeout = 0"));
    hostile.pg.exec(QStringLiteral("SET statement_timeout = 0"));
    // (The server's check is any desk's to call; it ends nobody who does not sit on a lock.)
    CHECK(hostile.column(QStringLiteral("SELECT hexhub_end_lock_sitters()")) == QStringList{QStringLiteral("0")});
    // ...publishes and audits as every desk does, inside a savepoint (so the locks are marked with
    // a subtransaction's id, which ends at once), and then sits there.
    hostile.pg.exec(QStringLiteral("BEGIN"));
    hostile.pg.exec(QStringLiteral("SAVEPOINT hide"));
    hostile.pg.exec(QStringLiteral(
        "INSERT INTO events (id, topic, occurred_at, source, actor, schema_version, payload, origin) VALUES "
        "(gen_random_uuid()::text, 'lead.received', 0, 'criminal_intel', 'x', 1, '{}', 'x')"));
    hostile.pg.exec(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash) "
                                   "VALUES (0, 0, 'x', 'lead.viewed', 'lead:1', '', 'success', 'x', '', '')"));
    hostile.pg.exec(QStringLiteral("RELEASE SAVEPOINT hide"));
    // It keeps its transaction looking busy, a statement every 2 s: what counts is the
    // transaction's age, which no statement refreshes.
    QTimer busy;
    QObject::connect(&busy, &QTimer::timeout, [&] { hostile.refusal(QStringLiteral("SELECT 1")); });
    busy.start(2000);

    // Three desks of the case-management centre: two publish (the second queued behind the first,
    // which the server must not take for a sitter), the third audits, at once.
    CaseDesk publisher(server);
    CaseDesk second(server);
    CaseDesk auditor(server);
    QFuture<void> publish = publisher.publish(server.cases);
    QFuture<void> publishToo = second.publish(server.cases);
    QFuture<qint64> audited = auditor.platform->audit().record({server.cases, QStringLiteral("case.viewed"), QStringLiteral("case:1"),
                                                                {}, QStringLiteral("success")});
    // They wait (the hostile login really holds both locks)...
    CHECK_FALSE(waitUntil([&] { return publish.isFinished() || audited.isFinished(); }, 3000));
    // ...until the server, asked by the desks' bridges, ends the session that sits idle in its
    // transaction while they wait: well within their own lock timeouts, they publish and audit, and
    // the hostile transaction is gone.
    REQUIRE(waitUntil([&] { return publish.isFinished() && publishToo.isFinished() && audited.isFinished(); }, 60000));
    busy.stop();
    CHECK(failureOf(publish).isEmpty());
    CHECK(failureOf(publishToo).isEmpty());
    CHECK(failureOf(audited).isEmpty());
    RawPg owner(server.ownerUrl);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1").arg(hostilePid)).toInt() == 0);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'lead.received'")).toInt() == 0);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'case.opened'")).toInt() == 2);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'lead.viewed'")).toInt() == 0);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'case.viewed'")).toInt() == 1);

    // The owner's own long transaction (a migration, say) is never ended: it holds the journal's lock
    // idle past the limit while a desk waits, and is still there when it commits.
    RawPg migration(server.ownerUrl);
    const QString migrationPid = migration.scalar(QStringLiteral("SELECT pg_backend_pid()")).toString();
    migration.exec(QStringLiteral("BEGIN"));
    migration.exec(QStringLiteral(
        "INSERT INTO events (id, topic, occurred_at, source, actor, schema_version, payload, origin) VALUES "
        "(gen_random_uuid()::text, 'schema.migrated', 0, 'core', 'owner', 1, '{}', 'x')"));
    QFuture<void> behind = publisher.publish(server.cases);
    CHECK_FALSE(waitUntil([&] { return behind.isFinished(); }, 11000)); // its transaction is now past the limit
    // The server's check, asked now (as the bridges ask it), with a desk waiting on it: nobody is ended.
    Login asking(server.urlOf(server.cases));
    CHECK(asking.column(QStringLiteral("SELECT hexhub_end_lock_sitters()")) == QStringList{QStringLiteral("0")});
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1").arg(migrationPid)).toInt() == 1);
    migration.exec(QStringLiteral("COMMIT"));
    REQUIRE(waitUntil([&] { return behind.isFinished(); }, 30000));
    CHECK(failureOf(behind).isEmpty());
}

TEST_CASE("The store URL's TLS settings reach the connection: verify-full refuses a server without TLS",
          "[postgresql][desks][security]")
{
    // The test server runs without TLS: a desk that asks for it must not fall back to plain text.
    StoreUrl url = *testServer();
    url.options = QStringLiteral("sslmode=verify-full;sslrootcert=/nonexistent/ca.pem");
    const QString name = QStringLiteral("tls-") + QUuid::createUuid().toString(QUuid::Id128);
    QString failure;
    try {
        openStoreConnection(PostgreSqlDialect(url.options), url, name, false);
    } catch (const StoreError& e) {
        failure = e.message();
    }
    QSqlDatabase::removeDatabase(name);
    INFO(failure.toStdString());
    CHECK((failure.contains(QStringLiteral("SSL")) || failure.contains(QStringLiteral("ca.pem"))));
    const auto parsed = StoreUrl::parse(QStringLiteral("postgresql://desk7@db.example.org:5432/hexhub?sslmode=verify-full&sslrootcert=/etc/hexhub/ca.pem"));
    REQUIRE(parsed);
    CHECK(parsed->options == QStringLiteral("sslmode=verify-full;sslrootcert=/etc/hexhub/ca.pem"));
}

TEST_CASE("Personal data is masked where it is stored: a desk's login reads the mask, and reveals only with the "
          "permission and a reason, on the audit chain", "[postgresql][desks][security]")
{
    PreparedServer server;
    {
        RawPg owner(server.ownerUrl);
        owner.exec(QStringLiteral("INSERT INTO cm_custody (id, case_id, person_ref, legal_basis, started_at, limit_at, "
                                  "next_check_at, retain_until) SELECT 71, id, 'P-110101199003077777', 'art. 82', 0, 1, 1, 1 "
                                  "FROM cm_cases WHERE number = 'C-1'"));
        owner.exec(QStringLiteral("INSERT INTO ci_leads (id, reference, source_kind, summary, legal_basis, retain_until, received_at) "
                                  "VALUES (55, 'L-2', 'tip', 'Phone scam', 'art. 52', 1, 0)"));
        owner.exec(QStringLiteral("INSERT INTO ci_entities (id, lead_id, kind, label) VALUES "
                                  "(81, 55, 'phone', '13912345678'), (82, 55, 'organisation', 'Harbour Logistics Ltd')"));
    }
    Login cases(server.urlOf(server.cases));
    Login intel(server.urlOf(server.intel));
    Login hub(server.urlOf(server.hub));

    // Read: the mask, never the value, whichever desk asks and however.
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT reporter_contact FROM hub_incidents"))));
    CHECK(deniedOrForbidden(hub.refusal(QStringLiteral("SELECT reporter_contact FROM hub_incidents"))));
    CHECK(deniedOrForbidden(hub.refusal(QStringLiteral("SELECT * FROM hub_incidents"))));
    CHECK(hub.column(QStringLiteral("SELECT reporter_contact_masked FROM hub_incidents WHERE id = 901"))
          == QStringList{QStringLiteral("*******8000")});
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT person_ref FROM cm_custody"))));
    CHECK(cases.column(QStringLiteral("SELECT person_ref_masked FROM cm_custody")) == QStringList{QStringLiteral("****************7777")});
    CHECK(deniedOrForbidden(intel.refusal(QStringLiteral("SELECT label FROM ci_entities"))));
    CHECK(intel.column(QStringLiteral("SELECT label_masked FROM ci_entities ORDER BY id"))
          == QStringList{QStringLiteral("*******5678"), QStringLiteral("Harbour Logistics Ltd")});

    // Reveal: with the permission, for rows of one's own centre, with a reason.
    const QString revealContact = QStringLiteral("SELECT hexhub_reveal('hub_incidents', 'reporter_contact', 901, '%1')");
    CHECK(deniedOrForbidden(cases.refusal(revealContact.arg(QStringLiteral("I would like to know")))));
    CHECK(hub.refusal(revealContact.arg(QStringLiteral("no"))).contains(QStringLiteral("reason")));
    CHECK(hub.column(revealContact.arg(QStringLiteral("call the reporter back"))) == QStringList{QStringLiteral("13800138000")});
    CHECK(cases.column(QStringLiteral("SELECT hexhub_reveal('cm_custody', 'person_ref', 71, 'custody safety check')"))
          == QStringList{QStringLiteral("P-110101199003077777")});
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT hexhub_reveal('ci_entities', 'label', 81, 'just looking around')"))));
    CHECK(intel.column(QStringLiteral("SELECT hexhub_reveal('ci_entities', 'label', 81, 'match against the scam calls')"))
          == QStringList{QStringLiteral("13912345678")});
    // Nothing that is not registered personal data can be read through it.
    CHECK(deniedOrForbidden(hub.refusal(QStringLiteral("SELECT hexhub_reveal('users', 'name', 1, 'because I can')"))));

    // Every reveal is on the server's audit chain, in the revealing login's name, with its reason.
    RawPg owner(server.ownerUrl);
    QSqlQuery reveals = owner.exec(QStringLiteral("SELECT actor, object, detail FROM audit_log "
                                                  "WHERE action = 'personal_data.revealed' ORDER BY seq"));
    QStringList seen;
    while (reveals.next())
        seen << reveals.value(0).toString() + QLatin1Char(' ') + reveals.value(1).toString() + QLatin1Char(' ')
                    + reveals.value(2).toString();
    CHECK(seen == QStringList{server.hub + QStringLiteral(" hub_incidents:901:reporter_contact call the reporter back"),
                              server.cases + QStringLiteral(" cm_custody:71:person_ref custody safety check"),
                              server.intel + QStringLiteral(" ci_entities:81:label match against the scam calls")});
}

namespace {

//! Whether `login` with `password` may open a session on the server now.
bool canLogIn(const PreparedServer& server, const QString& login, const QString& password)
{
    const StoreUrl url = server.urlOf(login, password);
    const QString name = QStringLiteral("login-") + QUuid::createUuid().toString(QUuid::Id128);
    bool opened = false;
    try {
        openStoreConnection(PostgreSqlDialect(url.options), url, name, false);
        opened = true;
    } catch (const StoreError&) {
    }
    QSqlDatabase::removeDatabase(name);
    return opened;
}

} // namespace

TEST_CASE("Disabling an account and setting a password work on the server login too, and only through the server",
          "[postgresql][desks][security]")
{
    PreparedServer server;
    TestPlatform::Config config;
    config.store = server.urlOf(server.admin);
    config.keyPath = server.keyPath();
    TestPlatform desk(config);
    desk.start();
    const SignInResult admin = await(desk->access().signIn(server.admin, kPassword));
    REQUIRE(admin.ok);
    desk->session().setPrincipal(admin.principal);

    // Disabled: the operator can no longer log in to the server at all, from any program.
    await(desk->access().setActive(server.cases, false));
    CHECK_FALSE(canLogIn(server, server.cases, kPassword));
    await(desk->access().setActive(server.cases, true));
    CHECK(canLogIn(server, server.cases, kPassword));
    // A reset password is the server login's password.
    const QString reset = QStringLiteral("Fresh-Winter-Lantern-42");
    await(desk->access().resetPassword(server.cases, reset));
    CHECK_FALSE(canLogIn(server, server.cases, kPassword));
    CHECK(canLogIn(server, server.cases, reset));

    // Straight in SQL, a centre's login can do none of it, to anyone, nor touch the owner.
    Login cases(server.urlOf(server.cases, reset));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT hexhub_set_active('%1', false)").arg(server.hub))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT hexhub_set_password('%1', 'Taken-Over-Account-1', 'x', 'x', 1)")
                                              .arg(server.hub))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("ALTER ROLE %1 PASSWORD 'Taken-Over-Account-1'").arg(server.hub))));
    Login admins(server.urlOf(server.admin));
    CHECK(admins.refusal(QStringLiteral("SELECT hexhub_set_password('%1', 'Taken-Over-Account-1', 'x', 'x', 1)")
                             .arg(server.ownerUrl.user)).contains(QStringLiteral("no user")));
    CHECK(canLogIn(server, server.hub, kPassword));

    // The operator changes their own, checked by the server first.
    TestPlatform::Config own;
    own.store = server.urlOf(server.cases, reset);
    own.keyPath = server.keyPath();
    TestPlatform caseDesk(own);
    caseDesk.start();
    const SignInResult signedIn = await(caseDesk->access().signIn(server.cases, reset));
    REQUIRE(signedIn.ok);
    caseDesk->session().setPrincipal(signedIn.principal);
    const QString mine = QStringLiteral("Quiet-River-Compass-77");
    CHECK(failureOf(caseDesk->access().changeOwnPassword(kPassword, mine)).contains(QStringLiteral("not right")));
    await(caseDesk->access().changeOwnPassword(reset, mine));
    CHECK(canLogIn(server, server.cases, mine));
    CHECK_FALSE(canLogIn(server, server.cases, reset));

    RawPg owner(server.ownerUrl);
    QSqlQuery audited = owner.exec(QStringLiteral("SELECT actor || ' ' || action || ' ' || object FROM audit_log "
                                                  "WHERE action LIKE 'user.%' AND outcome = 'success' ORDER BY seq"));
    QStringList seen;
    while (audited.next())
        seen << audited.value(0).toString();
    const QString object = QStringLiteral(" user:") + server.cases;
    CHECK(seen.contains(server.admin + QStringLiteral(" user.disabled") + object));
    CHECK(seen.contains(server.admin + QStringLiteral(" user.enabled") + object));
    CHECK(seen.contains(server.admin + QStringLiteral(" user.password_reset") + object));
    CHECK(seen.contains(server.cases + QStringLiteral(" user.password_changed") + object));
}

TEST_CASE("Wrong passwords at a desk of a shared server are counted by the server and lock the account and its "
          "login, and the lock ends by itself or an administrator lifts it at once",
          "[postgresql][desks][security]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    const QString wrongAnswer = QStringLiteral("Unknown user name or wrong password.");
    const auto deskConfig = [&server](const QString& login) {
        TestPlatform::Config config;
        config.store = server.urlOf(login);
        config.keyPath = server.keyPath();
        return config;
    };
    const auto failedAttempts = [&] {
        return owner.scalar(QStringLiteral("SELECT failed_attempts FROM users WHERE name = '%1'").arg(server.cases)).toInt();
    };
    const auto audited = [&](const QString& where) {
        return owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE object = 'user:%1' AND %2")
                                .arg(server.cases, where)).toInt();
    };
    // A session of the operator's login opened before any lock, as a hostile program holding one would.
    Login early(server.urlOf(server.cases));
    TestPlatform a(deskConfig(server.cases));
    TestPlatform b(deskConfig(server.cases));
    a.start();
    b.start();

    // The right password starts the count again.
    for (int i = 0; i < 4; ++i)
        CHECK(await(a->access().signIn(server.cases, QStringLiteral("Wrong-Guess-%1x").arg(i))).error == wrongAnswer);
    CHECK(failedAttempts() == 4);
    REQUIRE(await(a->access().signIn(server.cases, kPassword)).ok);
    CHECK(failedAttempts() == 0);
    CHECK(canLogIn(server, server.cases, kPassword));

    // Guessing at this desk another login's name counts nothing against that login.
    for (int i = 0; i < 6; ++i)
        CHECK(await(a->access().signIn(server.admin, QStringLiteral("Wrong-Guess-%1y").arg(i))).error.contains(server.cases));
    CHECK(owner.scalar(QStringLiteral("SELECT failed_attempts FROM users WHERE name = '%1'").arg(server.admin)).toInt() == 0);
    CHECK(canLogIn(server, server.admin, kPassword));

    // Eight guesses at once from two desks of the login: the server counts them one after another,
    // the fifth locks, the other three find the account locked. One answer for all of them.
    const int seqBefore = owner.scalar(QStringLiteral("SELECT max(seq) FROM audit_log")).toInt();
    QList<QFuture<SignInResult>> guesses;
    for (int i = 0; i < 4; ++i) {
        guesses << a->access().signIn(server.cases, QStringLiteral("Parallel-Guess-%1a").arg(i));
        guesses << b->access().signIn(server.cases, QStringLiteral("Parallel-Guess-%1b").arg(i));
    }
    for (QFuture<SignInResult>& guess : guesses) {
        const SignInResult result = await(guess);
        CHECK_FALSE(result.ok);
        CHECK(result.error == wrongAnswer);
    }
    const QString since = QStringLiteral("seq > %1").arg(seqBefore);
    CHECK(audited(since + QStringLiteral(" AND action = 'session.login' AND detail LIKE 'wrong password, attempt %'")) == 5);
    CHECK(audited(since + QStringLiteral(" AND action = 'session.login' AND detail = 'account locked'")) == 3);
    CHECK(audited(since + QStringLiteral(" AND action = 'user.locked'")) == 1);
    // Who failed is on record as not proven, whatever the desk sent.
    CHECK(owner.scalar(QStringLiteral("SELECT count(DISTINCT actor) FROM audit_log WHERE %1 AND object = 'user:%2'")
                           .arg(since, server.cases)).toInt() == 1);
    CHECK(owner.scalar(QStringLiteral("SELECT min(actor) FROM audit_log WHERE %1 AND object = 'user:%2'")
                           .arg(since, server.cases)).toString() == QStringLiteral("(unauthenticated) ") + server.cases);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'user.locked' AND payload LIKE '%%1%'")
                           .arg(server.cases)).toInt() == 1);

    // Locked: the right password gets the same answer at the desk, and no program logs in to the server.
    CHECK(await(a->access().signIn(server.cases, kPassword)).error == wrongAnswer);
    CHECK_FALSE(canLogIn(server, server.cases, kPassword));
    // The login cannot lift its own lock from a session it still holds: not through the unlock
    // function, not by editing the account, not through the success function (which refuses a
    // locked account), and the lifting function ends no lock that is not over.
    CHECK(deniedOrForbidden(early.refusal(QStringLiteral("SELECT hexhub_unlock('%1')").arg(server.cases))));
    CHECK(deniedOrForbidden(early.refusal(QStringLiteral("UPDATE users SET locked_until = NULL"))));
    CHECK(deniedOrForbidden(early.refusal(QStringLiteral("ALTER ROLE %1 LOGIN").arg(server.cases))));
    CHECK(early.column(QStringLiteral("SELECT hexhub_sign_in_succeeded()::text")) == QStringList{QStringLiteral("false")});
    CHECK(early.column(QStringLiteral("SELECT hexhub_lift_expired_locks()")) == QStringList{QStringLiteral("0")});
    CHECK_FALSE(canLogIn(server, server.cases, kPassword));
    // Nor lock another login: the count is bound to the session's own.
    CHECK(early.column(QStringLiteral("SELECT hexhub_sign_in_failed() IS NULL")) == QStringList{QStringLiteral("true")});
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM users WHERE failed_attempts > 0 OR locked_until IS NOT NULL")).toInt() == 1);

    // An administrator lifts it at once (audited), and the login logs in again.
    TestPlatform adminDesk(deskConfig(server.admin));
    adminDesk.start();
    const SignInResult admin = await(adminDesk->access().signIn(server.admin, kPassword));
    REQUIRE(admin.ok);
    adminDesk->session().setPrincipal(admin.principal);
    await(adminDesk->access().unlock(server.cases));
    CHECK(canLogIn(server, server.cases, kPassword));
    CHECK(await(a->access().signIn(server.cases, kPassword)).ok);
    CHECK(audited(QStringLiteral("actor = '%1' AND action = 'user.unlocked'").arg(server.admin)) == 1);

    // Locked again, the lock ends by itself once its 15 minutes are over: the next sign-in at any
    // desk of the server gives the login back. (The server's clock cannot be moved: the owner puts
    // the lock's end in the past, as the 15 minutes would.)
    for (int i = 0; i < 5; ++i)
        CHECK(await(a->access().signIn(server.cases, QStringLiteral("Later-Guess-%1z").arg(i))).error == wrongAnswer);
    CHECK_FALSE(canLogIn(server, server.cases, kPassword));
    owner.exec(QStringLiteral("UPDATE users SET locked_until = (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT - 1 "
                              "WHERE name = '%1'").arg(server.cases));
    REQUIRE(await(adminDesk->access().signIn(server.admin, kPassword)).ok);
    CHECK(canLogIn(server, server.cases, kPassword));
    CHECK(audited(QStringLiteral("action = 'user.lock_ended'")) == 1);
    CHECK(await(b->access().signIn(server.cases, kPassword)).ok);

    // A password reset ends a lock, the login's too.
    for (int i = 0; i < 5; ++i)
        CHECK(await(a->access().signIn(server.cases, QStringLiteral("Reset-Guess-%1r").arg(i))).error == wrongAnswer);
    CHECK_FALSE(canLogIn(server, server.cases, kPassword));
    const QString reset = QStringLiteral("Harbour-Lantern-Reset-42");
    await(adminDesk->access().resetPassword(server.cases, reset));
    CHECK(canLogIn(server, server.cases, reset));

    // A disabled account whose lock ends stays unable to log in.
    await(adminDesk->access().setActive(server.cases, false));
    owner.exec(QStringLiteral("UPDATE users SET locked_until = 1 WHERE name = '%1'").arg(server.cases));
    CHECK(early.column(QStringLiteral("SELECT hexhub_lift_expired_locks()")) == QStringList{QStringLiteral("1")});
    CHECK_FALSE(canLogIn(server, server.cases, reset));

    // A desk's audit row may say "not proven" only of a failed sign-in at its own login: anything else
    // it claims so is stamped with its login.
    const auto insertAudit = [&](const QString& action, const QString& object, const QString& outcome) {
        early.pg.exec(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, "
                                     "hash) VALUES (0, 0, '(unauthenticated) %1', '%2', '%3', 'planted', '%4', 'desk', '', '') ")
                          .arg(server.cases, action, object, outcome));
        return owner.scalar(QStringLiteral("SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1")).toString();
    };
    const QString self = QStringLiteral("user:") + server.cases;
    CHECK(insertAudit(QStringLiteral("session.login"), self, QStringLiteral("failed")) == QStringLiteral("(unauthenticated) ") + server.cases);
    CHECK(insertAudit(QStringLiteral("user.locked"), QStringLiteral("user:") + server.admin, QStringLiteral("locked")) == server.cases);
    CHECK(insertAudit(QStringLiteral("incident.updated"), self, QStringLiteral("failed")) == server.cases);
    CHECK(insertAudit(QStringLiteral("session.login"), self, QStringLiteral("success")) == server.cases);

    // A locked administrator's session opened before the lock keeps no permission of the server's
    // functions: it cannot lift its own lock, list accounts or set its password.
    Login adminEarly(server.urlOf(server.admin));
    for (int i = 0; i < 5; ++i)
        CHECK(await(adminDesk->access().signIn(server.admin, QStringLiteral("Admin-Guess-%1q").arg(i))).error == wrongAnswer);
    CHECK_FALSE(canLogIn(server, server.admin, kPassword));
    CHECK(deniedOrForbidden(adminEarly.refusal(QStringLiteral("SELECT hexhub_unlock('%1')").arg(server.admin))));
    CHECK(deniedOrForbidden(adminEarly.refusal(QStringLiteral("SELECT * FROM hexhub_accounts('', false, 10, 0)"))));
    CHECK(deniedOrForbidden(adminEarly.refusal(
        QStringLiteral("SELECT hexhub_set_password('%1', 'Taken-Back-Password-1', 'x', 'x', 1)").arg(server.admin))));
    CHECK(deniedOrForbidden(adminEarly.refusal(QStringLiteral("SELECT hexhub_set_active('%1', true)").arg(server.cases))));
    CHECK_FALSE(canLogIn(server, server.admin, kPassword));
    // Nor may an administrator unlock themselves when not locked: another one lifts an administrator's lock.
    owner.exec(QStringLiteral("UPDATE users SET locked_until = 1 WHERE name = '%1'").arg(server.admin));
    CHECK(adminEarly.column(QStringLiteral("SELECT hexhub_lift_expired_locks()")) == QStringList{QStringLiteral("1")});
    CHECK(canLogIn(server, server.admin, kPassword));
    CHECK(adminEarly.refusal(QStringLiteral("SELECT hexhub_unlock('%1')").arg(server.admin)).contains(QStringLiteral("another administrator")));
}

TEST_CASE("A desk holding every lock it can take stops nobody else from starting, publishing or auditing",
          "[postgresql][desks][security]")
{
    PreparedServer server;
    Login hostile(server.urlOf(server.intel));
    // Session-level advisory locks on the numbers the journal, the audit chain and the schema once
    // used: any login may take these and hold them for as long as it stays connected.
    for (int key : {7415001, 7415002, 7415003})
        hostile.pg.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key));
    CHECK(deniedOrForbidden(hostile.refusal(QStringLiteral("SELECT * FROM hexhub_locks FOR UPDATE"))));
    hostile.pg.exec(QStringLiteral("BEGIN"));
    CHECK(deniedOrForbidden(hostile.refusal(QStringLiteral("LOCK TABLE hexhub_locks"))));
    hostile.pg.exec(QStringLiteral("ROLLBACK"));

    CaseDesk other(server);
    QFuture<void> publish = other.publish(server.cases);
    CHECK(failureOf(publish).isEmpty());
    CHECK(failureOf(other.platform->audit().record({server.cases, QStringLiteral("case.viewed"), QStringLiteral("case:1"), {},
                                           QStringLiteral("success")})).isEmpty());
}

TEST_CASE("Only an administrator's login lists the accounts (never a password column) and changes roles, "
          "through the server's functions",
          "[postgresql][desks][security]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    const int users = owner.scalar(QStringLiteral("SELECT count(*) FROM users")).toInt();
    REQUIRE(users >= 6);

    // Straight in SQL: a centre's login is refused the list and the count; the tables stay closed to
    // an administrator's login too, who gets the list from the function, without the password's columns.
    Login cases(server.urlOf(server.cases));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT * FROM hexhub_accounts('', false, 100, 0)"))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT hexhub_account_count('')"))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT hexhub_set_role('%1', 'administrator', true)")
                                              .arg(server.cases))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT hexhub_set_role('%1', 'hub_supervisor', false)")
                                              .arg(server.hub))));
    Login admins(server.urlOf(server.admin));
    CHECK(deniedOrForbidden(admins.refusal(QStringLiteral("SELECT name FROM users"))));
    CHECK(deniedOrForbidden(admins.refusal(QStringLiteral("SELECT role FROM user_roles"))));
    QSqlQuery rows = admins.pg.exec(QStringLiteral("SELECT * FROM hexhub_accounts('', false, 100, 0)"));
    QStringList columns;
    for (int i = 0; i < rows.record().count(); ++i)
        columns << rows.record().fieldName(i);
    CHECK(columns == QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("display_name"),
                                 QStringLiteral("active"), QStringLiteral("locked_until"), QStringLiteral("created_at"),
                                 QStringLiteral("password_changed_at"), QStringLiteral("roles")});
    QStringList listed;
    while (rows.next())
        listed << rows.value(1).toString();
    CHECK(listed.size() == users);
    CHECK(listed.contains(server.cases));
    CHECK(admins.column(QStringLiteral("SELECT hexhub_account_count('%1')").arg(server.suffix))
          == QStringList{QStringLiteral("6")});
    CHECK(admins.column(QStringLiteral("SELECT name FROM hexhub_accounts('%1', true, 10, 0)").arg(server.cases))
          == QStringList{server.cases});

    // Through the service, as the accounts screen asks: the administrator's desk gets the accounts
    // with their roles; a centre's desk, even with the permission forged into its session, is refused
    // by the server.
    TestPlatform::Config config;
    config.store = server.urlOf(server.admin);
    config.keyPath = server.keyPath();
    TestPlatform desk(config);
    desk.start();
    const SignInResult admin = await(desk->access().signIn(server.admin, kPassword));
    REQUIRE(admin.ok);
    desk->session().setPrincipal(admin.principal);
    CHECK(await(desk->access().accountCount(QString())) == users);
    const QList<UserAccount> page = await(desk->access().accounts(server.suffix, 1, 2));
    REQUIRE(page.size() == 2);
    CHECK(page[0].name < page[1].name);
    const std::optional<UserAccount> account = await(desk->access().account(server.cases));
    REQUIRE(account.has_value());
    CHECK(account->roles == QStringList{QStringLiteral("case_management_operator")});
    CHECK(account->active);
    await(desk->access().setActive(server.cases, false));
    CHECK_FALSE(await(desk->access().account(server.cases))->active);
    await(desk->access().setActive(server.cases, true));

    // A role given from the accounts screen is the login's group too, and taken away with it.
    const QString inTrainers = QStringLiteral("SELECT pg_has_role('%1', 'hexhub_trainer', 'MEMBER')").arg(server.cases);
    CHECK_FALSE(owner.scalar(inTrainers).toBool());
    await(desk->access().grantRole(server.cases, QStringLiteral("trainer")));
    CHECK(await(desk->access().account(server.cases))->roles
          == QStringList{QStringLiteral("case_management_operator"), QStringLiteral("trainer")});
    CHECK(owner.scalar(inTrainers).toBool());
    await(desk->access().revokeRole(server.cases, QStringLiteral("trainer")));
    CHECK_FALSE(owner.scalar(inTrainers).toBool());
    CHECK(failureOf(desk->access().revokeRole(server.admin, QStringLiteral("administrator"))).contains(QStringLiteral("last administrator")));
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = '%1' AND object = 'user:%2' "
                                      "AND action IN ('role.granted', 'role.revoked') AND outcome = 'success'")
                           .arg(server.admin, server.cases)).toInt() == 2);

    SignedInDesk intelDesk(server, server.intel);
    TestPlatform& centre = intelDesk.platform;
    Principal forged = intelDesk.principal;
    forged.permissions.insert(QStringLiteral("core.users.manage"));
    centre->session().setPrincipal(forged);
    CHECK(deniedOrForbidden(failureOf(centre->access().accounts(QString(), 0, 10))));
    CHECK(deniedOrForbidden(failureOf(centre->access().accountCount(QString()))));
    forged.permissions.insert(QStringLiteral("core.roles.manage"));
    centre->session().setPrincipal(forged);
    CHECK(deniedOrForbidden(failureOf(centre->access().grantRole(server.intel, QStringLiteral("administrator")))));
    CHECK_FALSE(owner.scalar(QStringLiteral("SELECT pg_has_role('%1', 'hexhub_administrator', 'MEMBER')").arg(server.intel)).toBool());
}

TEST_CASE("Only an administrator changes the centres' time limits, by the server's own rules, stamped by the server",
          "[postgresql][desks][security]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    const QString rule = QStringLiteral("module = 'bigdata_investigation' AND rule = 'hits.review'");
    const QString minutes = QStringLiteral("SELECT minutes FROM time_limits WHERE ") + rule;
    REQUIRE(owner.scalar(minutes).toLongLong() == 3 * 24 * 60);

    // Straight in SQL: every desk reads the limits; a centre's login changes none (the row is not its
    // to change: nothing is updated), adds or removes none; an administrator's login changes the
    // length, and who and when are the server's.
    Login cases(server.urlOf(server.cases));
    CHECK(cases.column(minutes) == QStringList{QStringLiteral("4320")});
    CHECK(cases.refusal(QStringLiteral("UPDATE time_limits SET minutes = 1 WHERE ") + rule).isEmpty());
    CHECK(owner.scalar(minutes).toLongLong() == 4320);
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("UPDATE time_limits SET title = 'x' WHERE ") + rule)));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("DELETE FROM time_limits WHERE ") + rule)));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("INSERT INTO time_limits (module, rule, title, minutes, default_minutes) "
                                                         "VALUES ('case_management', 'x', 'x', 1, 1)"))));
    Login admins(server.urlOf(server.admin));
    CHECK(admins.refusal(QStringLiteral("UPDATE time_limits SET minutes = 2880, changed_by = 'somebody else', changed_at = 1 WHERE ") + rule)
              .isEmpty());
    CHECK(owner.scalar(minutes).toLongLong() == 2880);
    CHECK(owner.scalar(QStringLiteral("SELECT changed_by FROM time_limits WHERE ") + rule).toString() == server.admin);
    CHECK(owner.scalar(QStringLiteral("SELECT changed_at FROM time_limits WHERE ") + rule).toLongLong() > 1);

    // Through the service: a centre's desk with the permission forged into its session is refused by
    // the server (nothing updated is a conflict, and nothing changes); the administrator's desk changes it,
    // journaled and audited.
    SignedInDesk centre(server, server.intel);
    Principal forged = centre.principal;
    forged.permissions.insert(QStringLiteral("core.time_limits.manage"));
    centre.platform->session().setPrincipal(forged);
    TimeLimits centreLimits(centre.platform->store(), centre.platform->session(), centre.platform->audit());
    const QList<TimeLimit> seen = await(centreLimits.list(QStringLiteral("bigdata_investigation")));
    REQUIRE(seen.size() == 3);
    const int version = seen[1].rule == QLatin1String("hits.review") ? seen[1].version : seen[0].version;
    CHECK_FALSE(failureOf(centreLimits.change(QStringLiteral("bigdata_investigation"), QStringLiteral("hits.review"), 1,
                                              QStringLiteral("forged permission"), version))
                    .isEmpty());
    CHECK(owner.scalar(minutes).toLongLong() == 2880);

    SignedInDesk desk(server, server.admin);
    TimeLimits limits(desk.platform->store(), desk.platform->session(), desk.platform->audit());
    const TimeLimit changed = await(limits.change(QStringLiteral("bigdata_investigation"), QStringLiteral("hits.review"), 24 * 60,
                                                  QStringLiteral("Review within a day during the operation"), version));
    CHECK(changed.minutes == 24 * 60);
    CHECK(changed.changedBy == server.admin);
    CHECK(owner.scalar(minutes).toLongLong() == 24 * 60);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'time_limit.changed'")).toInt() == 1);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'time_limit.changed' AND outcome = 'success' "
                                      "AND actor = '%1'").arg(server.admin)).toInt() == 1);
}

TEST_CASE("A period's incidents for analysis come from the server only to a holder of hub.incident.snapshot, the contact masked",
          "[postgresql][desks][security]")
{
    PreparedServer server;
    // A centre's login without the permission: refused by the server's function, and its table
    // reads stay what its rules allow (no incident routed to it: none).
    Login cases(server.urlOf(server.cases));
    const QString snapshot = QStringLiteral("SELECT number, reporter_contact_masked FROM hub_incident_snapshot(-1, 9000000000000000) ORDER BY number");
    CHECK(deniedOrForbidden(cases.refusal(snapshot)));
    // The hub's supervisor holds it: both incidents, the caller's number masked.
    Login hub(server.urlOf(server.hub));
    const QStringList numbers = hub.column(snapshot);
    CHECK(numbers == QStringList{QStringLiteral("I-901"), QStringLiteral("I-902")});
    QSqlQuery q = hub.pg.exec(snapshot);
    while (q.next()) {
        CHECK(!q.value(1).toString().contains(QStringLiteral("138001380")));
        CHECK(!q.value(1).toString().contains(QStringLiteral("139001390")));
        CHECK(!q.value(1).toString().isEmpty());
    }
    // Nobody takes the raw contact through it: the function has no such column.
    CHECK(!hub.refusal(QStringLiteral("SELECT reporter_contact FROM hub_incident_snapshot(-1, 9000000000000000)")).isEmpty());
    // The same for the demands and the case events: the case centre's own login may not take its
    // cases for analysis (no such permission), the hub's supervisor may.
    const QString cases_ = QStringLiteral("SELECT number FROM cm_case_snapshot(-1, 9000000000000000)");
    CHECK(deniedOrForbidden(cases.refusal(cases_)));
    CHECK(hub.column(cases_) == QStringList{QStringLiteral("C-1")});
    const QString demands = QStringLiteral("SELECT reference FROM sv_demand_snapshot(-1, 9000000000000000)");
    CHECK(deniedOrForbidden(cases.refusal(demands)));
    CHECK(hub.refusal(demands).isEmpty());
}

