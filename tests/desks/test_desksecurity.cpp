// A shared PostgreSQL server's rules for its desks: a desk's role adds to the audit log and the journal
// but never changes them, row-level security shows a centre's desk its own centre's rows and the hub
// all, and adding a user creates the desk's login in its centre's role. These tests need the test
// server and run one at a time.
#include "security/audit.h"
#include "module/modulemanager.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include "desktest.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QUuid>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::desktest;


TEST_CASE("On a prepared server a desk's role can add to the audit log and journal but never change them",
          "[postgresql][desks][security]")
{
    // The owner prepares the server, as `hexhub --init-server` does.
    const StoreUrl ownerUrl = createTestDatabase();
    QTemporaryDir dir;
    {
        TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        config.store = ownerUrl;
        config.keyPath = dir.filePath(QStringLiteral("audit.key"));
        TestPlatform owner(config);
        owner.start();
        await(owner->applyServerRules());
        await(owner->applyServerRules()); // idempotent
    }
    // A desk signs in with a role of its own that is a member of hexhub_app.
    const QString desk = QStringLiteral("desk_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    {
        RawPg owner(ownerUrl);
        owner.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'Desk-Password-42' IN ROLE hexhub_app").arg(desk));
    }
    StoreUrl deskUrl = ownerUrl;
    deskUrl.user = desk;
    deskUrl.password = QStringLiteral("Desk-Password-42");
    {
        TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        config.store = deskUrl;
        config.keyPath = dir.filePath(QStringLiteral("audit.key"));
        TestPlatform deskPlatform(config);
        deskPlatform.start(); // the schema is there: the desk's role needs to create nothing
        CHECK(deskPlatform->modules().loadOrder().size() == 7);
        await(deskPlatform->audit().record({desk, QStringLiteral("case.viewed"), QStringLiteral("case:1"), {},
                                            QStringLiteral("success")}));
        await(deskPlatform->store().write([](WriteTransaction& txn) {
            txn.publish(EventDraft{QStringLiteral("desk.ticked"), {}, 1, {}, {}, {}});
        }));
        Store& store = deskPlatform->store();
        CHECK(failureOf(store.write([](WriteTransaction& txn) {
            txn.exec(QStringLiteral("UPDATE audit_log SET outcome = 'denied'"));
        })).contains(QStringLiteral("permission denied")));
        CHECK(failureOf(store.write([](WriteTransaction& txn) { txn.exec(QStringLiteral("DELETE FROM audit_log")); }))
                  .contains(QStringLiteral("permission denied")));
        CHECK(failureOf(store.write([](WriteTransaction& txn) { txn.exec(QStringLiteral("DELETE FROM events")); }))
                  .contains(QStringLiteral("permission denied")));
        CHECK(failureOf(store.write([](WriteTransaction& txn) { txn.exec(QStringLiteral("TRUNCATE audit_log")); }))
                  .contains(QStringLiteral("permission denied")));
        CHECK(failureOf(store.write([](WriteTransaction& txn) {
            txn.exec(QStringLiteral("DELETE FROM schema_migrations"));
        })).contains(QStringLiteral("permission denied")));
        // Reading the whole log is an auditor's: this desk's login may not.
        CHECK(failureOf(deskPlatform->audit().verify()).contains(QStringLiteral("permission denied")));
    }
    {
        TestPlatform::Config config;
        config.store = ownerUrl;
        config.keyPath = dir.filePath(QStringLiteral("audit.key"));
        TestPlatform owner(config);
        owner.start();
        CHECK(await(owner->audit().verify()).intact);
    }
    {
        RawPg owner(ownerUrl);
        owner.exec(QStringLiteral("DROP OWNED BY %1").arg(desk));
    }
    dropTestDatabase(ownerUrl);
    RawPg server(*testServer());
    server.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(desk));
}

TEST_CASE("Row-level security: a centre's desk sees its own centre's rows, the hub sees all",
          "[postgresql][desks][security]")
{
    const StoreUrl ownerUrl = createTestDatabase();
    QTemporaryDir dir;
    {
        TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        config.store = ownerUrl;
        config.keyPath = dir.filePath(QStringLiteral("audit.key"));
        TestPlatform owner(config);
        owner.start();
        await(owner->applyServerRules());
        await(owner->applyServerRules()); // idempotent: a second run changes nothing and fails nothing
    }
    const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(10);
    const QString caseDesk = QStringLiteral("cases_") + suffix;
    const QString intelDesk = QStringLiteral("intel_") + suffix;
    const QString hubDesk = QStringLiteral("hub_") + suffix;
    {
        RawPg owner(ownerUrl);
        owner.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'Desk-Password-42' IN ROLE hexhub_app, "
                                  "hexhub_centre_case_management").arg(caseDesk));
        owner.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'Desk-Password-42' IN ROLE hexhub_app, "
                                  "hexhub_centre_criminal_intel").arg(intelDesk));
        owner.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'Desk-Password-42' IN ROLE hexhub_app, hexhub_hub").arg(hubDesk));
        owner.exec(QStringLiteral("INSERT INTO hub_tasks (assignee_kind, assignee, title, created_by, created_at, updated_at) VALUES "
                                  "('centre', 'case_management', 'Review custody log', 'chief', 0, 0), "
                                  "('centre', 'criminal_intel', 'Check lead 17', 'chief', 0, 0), "
                                  "('centre', 'supervision', 'Answer 12345 call', 'chief', 0, 0)"));
        owner.exec(QStringLiteral("INSERT INTO cm_cases (number, title, kind, opened_at) VALUES "
                                  "('C-1', 'Shop theft', 'criminal', 0)"));
        owner.exec(QStringLiteral("INSERT INTO ci_leads (reference, source_kind, summary, legal_basis, retain_until, received_at) "
                                  "VALUES ('L-1', 'tip', 'Card skimmer', 'art. 52', 1, 0)"));
        owner.exec(QStringLiteral("INSERT INTO sv_demands (reference, channel, category, summary, status, routed_to, "
                                  "received_at, sla_due_at) VALUES "
                                  "('D-1', 'hotline_12345', 'noise', 'Night noise', 'routed', 'case_management', 0, 1), "
                                  "('D-2', 'petition', 'roads', 'Pothole', 'received', NULL, 0, 1), "
                                  "('D-3', 'complaint', 'conduct', 'Rude officer', 'routed', 'water_bureau', 0, 1)"));
        owner.exec(QStringLiteral("INSERT INTO sv_demand_history (demand_id, at, actor, action) "
                                  "SELECT id, 0, 'clerk', 'routed' FROM sv_demands"));
    }
    auto column = [&](const QString& role, const QString& sql) {
        StoreUrl url = ownerUrl;
        url.user = role;
        url.password = QStringLiteral("Desk-Password-42");
        RawPg desk(url);
        QStringList values;
        QSqlQuery q = desk.exec(sql);
        while (q.next())
            values << q.value(0).toString();
        return values;
    };
    auto refused = [&](const QString& role, const QString& sql) {
        StoreUrl url = ownerUrl;
        url.user = role;
        url.password = QStringLiteral("Desk-Password-42");
        RawPg desk(url);
        QSqlQuery q(QSqlDatabase::database(desk.name));
        return !q.exec(sql) && q.lastError().text().contains(QStringLiteral("permission denied"));
    };
    auto change = [&](const QString& role, const QString& sql) {
        StoreUrl url = ownerUrl;
        url.user = role;
        url.password = QStringLiteral("Desk-Password-42");
        RawPg desk(url);
        return desk.exec(sql).numRowsAffected();
    };
    const QString tasks = QStringLiteral("SELECT assignee FROM hub_tasks ORDER BY assignee");
    const QString cases = QStringLiteral("SELECT number FROM cm_cases");
    const QString leads = QStringLiteral("SELECT reference FROM ci_leads");
    const QString demands = QStringLiteral("SELECT reference FROM sv_demands ORDER BY reference");
    const QString history = QStringLiteral("SELECT d.reference FROM sv_demand_history h "
                                           "JOIN sv_demands d ON d.id = h.demand_id ORDER BY 1");

    // A case-management desk: its own tasks and cases, the demands routed to it; nothing of
    // criminal intelligence, and it cannot change what it cannot see.
    CHECK(column(caseDesk, tasks) == QStringList{QStringLiteral("case_management")});
    CHECK(column(caseDesk, cases) == QStringList{QStringLiteral("C-1")});
    CHECK(refused(caseDesk, leads)); // another centre's table is not even readable
    CHECK(column(caseDesk, demands) == QStringList{QStringLiteral("D-1")});
    CHECK(column(caseDesk, history) == QStringList{QStringLiteral("D-1")});
    CHECK(change(caseDesk, QStringLiteral("UPDATE hub_tasks SET status = 'done' WHERE assignee = 'criminal_intel'")) == 0);
    CHECK(refused(caseDesk, QStringLiteral("DELETE FROM ci_leads")));
    CHECK(change(caseDesk, QStringLiteral("UPDATE cm_cases SET status = 'investigating'")) == 1);

    // Criminal intelligence: the other way round.
    CHECK(refused(intelDesk, cases));
    CHECK(column(intelDesk, leads) == QStringList{QStringLiteral("L-1")});
    CHECK(column(intelDesk, demands).isEmpty());
    CHECK(column(intelDesk, tasks) == QStringList{QStringLiteral("criminal_intel")});
    {
        RawPg owner(ownerUrl);
        CHECK(owner.scalar(QStringLiteral("SELECT status FROM hub_tasks WHERE assignee = 'criminal_intel'")).toString()
              == QStringLiteral("issued"));
        CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM ci_leads")).toInt() == 1);
    }

    // The hub sees every centre.
    CHECK(column(hubDesk, tasks) == QStringList{QStringLiteral("case_management"), QStringLiteral("criminal_intel"),
                                                QStringLiteral("supervision")});
    CHECK(column(hubDesk, cases) == QStringList{QStringLiteral("C-1")});
    CHECK(column(hubDesk, leads) == QStringList{QStringLiteral("L-1")});
    CHECK(column(hubDesk, demands) == QStringList{QStringLiteral("D-1"), QStringLiteral("D-2"), QStringLiteral("D-3")});
    {
        RawPg owner(ownerUrl);
        owner.exec(QStringLiteral("DROP OWNED BY %1, %2, %3").arg(caseDesk, intelDesk, hubDesk));
    }
    dropTestDatabase(ownerUrl);
    RawPg server(*testServer());
    server.exec(QStringLiteral("DROP ROLE IF EXISTS %1, %2, %3").arg(caseDesk, intelDesk, hubDesk));
}

TEST_CASE("Adding a user on a shared server creates the desk's login in its centre's role, in one go",
          "[postgresql][desks][security]")
{
    const StoreUrl ownerUrl = createTestDatabase();
    QTemporaryDir dir;
    const QString name = QStringLiteral("ops_") + QUuid::createUuid().toString(QUuid::Id128).left(10);
    {
        TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        config.store = ownerUrl;
        config.keyPath = dir.filePath(QStringLiteral("audit.key"));
        TestPlatform owner(config);
        owner.start();
        await(owner->applyServerRules());
        await(owner->addUser(name, QStringLiteral("case_management_operator"), QStringLiteral("Night-Shift-Desk-42")));
        // A name taken already fails whole: no second database role, no second user.
        CHECK(failureOf(owner->addUser(name, QStringLiteral("auditor"), QStringLiteral("Night-Shift-Desk-43"))).contains(name));
        CHECK(failureOf(owner->addUser(QStringLiteral("x_") + name, QStringLiteral("emperor"), QStringLiteral("Night-Shift-Desk-43")))
                  .contains(QStringLiteral("no role")));
        const Principal principal = await(owner->access().principalFor(name));
        CHECK(principal.roles == QStringList{QStringLiteral("case_management_operator")});
        CHECK(principal.can(QStringLiteral("case_management.case.manage")));
    }
    StoreUrl deskUrl = ownerUrl;
    deskUrl.user = name;
    deskUrl.password = QStringLiteral("Night-Shift-Desk-42");
    {
        RawPg desk(deskUrl);
        CHECK(desk.scalar(QStringLiteral("SELECT pg_has_role(current_user, 'hexhub_centre_case_management', 'MEMBER')")).toBool());
        CHECK_FALSE(desk.scalar(QStringLiteral("SELECT pg_has_role(current_user, 'hexhub_hub', 'MEMBER')")).toBool());
    }
    {
        RawPg owner(ownerUrl);
        CHECK(owner.scalar(QStringLiteral("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = '%1'").arg(name)).toBool());
        owner.exec(QStringLiteral("DROP OWNED BY %1").arg(name));
    }
    dropTestDatabase(ownerUrl);
    RawPg server(*testServer());
    server.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(name));
}
