#pragma once
// A prepared shared server for tests that try it as hostile desks would (tests/desks and the
// centres' server tests): a database prepared by --init-server's path, with one user per kind of
// desk made by --add-user's path and a few rows put in by the owner; a desk's own login straight in
// SQL; a desk of a login started and signed in. PostgreSQL only.
#include "desktest.h"
#include "testsupport.h"

#include "module/serveraccess.h"
#include "security/accesscontrol.h"
#include "security/session.h"
#include "store/storeurl.h"

#include <catch2/catch.hpp>

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

namespace hexhub::test::prepared {

using namespace hexhub::test::desktest;


inline const QString kPassword = QStringLiteral("Night-Shift-Desk-42");

// A database prepared by --init-server's path, with one user per kind of desk made by --add-user's
// path, and a few rows put in by the owner.
struct PreparedServer
{
    StoreUrl ownerUrl = createTestDatabase();
    QTemporaryDir dir;
    QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(8);
    QString cases = QStringLiteral("cases_") + suffix;
    QString intel = QStringLiteral("intel_") + suffix;
    QString basic = QStringLiteral("basic_") + suffix;
    QString hub = QStringLiteral("hub_") + suffix;
    QString admin = QStringLiteral("admin_") + suffix;
    QString bigdata = QStringLiteral("bigdata_") + suffix;

    PreparedServer()
    {
        TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        config.store = ownerUrl;
        config.keyPath = keyPath();
        TestPlatform owner(config);
        owner.start();
        await(owner->applyServerRules());
        await(owner->addUser(cases, QStringLiteral("case_management_operator"), kPassword));
        await(owner->addUser(intel, QStringLiteral("criminal_intel_operator"), kPassword));
        await(owner->addUser(basic, QStringLiteral("basic_control_operator"), kPassword));
        await(owner->addUser(hub, QStringLiteral("hub_supervisor"), kPassword));
        await(owner->addUser(admin, QStringLiteral("administrator"), kPassword));
        await(owner->addUser(bigdata, QStringLiteral("bigdata_investigation_operator"), kPassword));
        RawPg sql(ownerUrl);
        sql.exec(QStringLiteral(
            "INSERT INTO hub_incidents (id, number, status, priority, category, source, summary, address, latitude, "
            "longitude, reporter_contact, created_at, updated_at, centre) VALUES "
            "(901, 'I-901', 'new', 2, 'theft', 'call', 'Bag snatched', 'Market St', 0, 0, '13800138000', 0, 0, 'hub'), "
            "(902, 'I-902', 'new', 1, 'assault', 'call', 'Fight at the bar', 'Quay 4', 0, 0, '13900139000', 0, 0, 'hub')"));
        sql.exec(QStringLiteral(
            "INSERT INTO hub_tasks (assignee_kind, assignee, title, incident_id, created_by, created_at, updated_at) VALUES "
            "('centre', 'case_management', 'Open a case for I-901', 901, 'chief', 0, 0), "
            "('centre', 'criminal_intel', 'Check the informant on I-902', 902, 'chief', 0, 0)"));
        sql.exec(QStringLiteral(
            "INSERT INTO hub_cameras (id, name, kind, latitude, longitude, heading, field_of_view, range_m, stream_url, "
            "agency, view_permission, created_at, updated_at) VALUES "
            "('cam-street', 'Market St', 'fixed', 0, 0, 0, 60, 100, 'rtsp://viewer:s3cret@10.0.0.5/street', 'city', "
            "'hub.video.view', 0, 0), "
            "('cam-venue', 'Stadium gate', 'fixed', 0, 0, 0, 60, 100, 'rtsp://ops:t0psecret@10.0.0.9/gate', 'city', "
            "'political_security.plan.view', 0, 0)"));
        sql.exec(QStringLiteral("INSERT INTO cm_cases (number, title, kind, opened_at) VALUES ('C-1', 'Bag snatch', 'criminal', 0)"));
        sql.exec(QStringLiteral("INSERT INTO ci_leads (reference, source_kind, source_detail, summary, legal_basis, retain_until, received_at) "
                                "VALUES ('L-1', 'tip', 'Informant K at the bus depot', 'Card skimmer', 'art. 52', 1, 0)"));
        // A model run's hits: one a person confirmed (to be handed on), one nobody reviewed.
        sql.exec(QStringLiteral("INSERT INTO bd_runs (id, model_id, model_version, model_source, parameters, dataset_name, state, started_at, started_by) "
                                "VALUES (70, 'shared-identifier-rings', 1, '{}', '{}', 'Listings', 'finished', 0, 'ana')"));
        sql.exec(QStringLiteral("INSERT INTO bd_hits (id, run_id, rank, score, summary, hit_key, evidence, status, reason) VALUES "
                                "(501, 70, 1, 0.93, '70 accounts tied by 12 phones', 'ring-1', '{\"model\": \"shared-identifier-rings\"}', "
                                "'confirmed', 'Shared phones across five cities'), "
                                "(502, 70, 2, 0.41, '3 accounts sharing a cafe', 'ring-2', '{}', 'new', NULL)"));
    }
    ~PreparedServer()
    {
        {
            RawPg sql(ownerUrl);
            sql.exec(QStringLiteral("DROP OWNED BY %1, %2, %3, %4, %5, %6").arg(cases, intel, basic, hub, admin, bigdata));
        }
        dropTestDatabase(ownerUrl);
        RawPg server(*testServer());
        server.exec(QStringLiteral("DROP ROLE IF EXISTS %1, %2, %3, %4, %5, %6").arg(cases, intel, basic, hub, admin, bigdata));
    }
    QString keyPath() const { return dir.filePath(QStringLiteral("audit.key")); }
    StoreUrl urlOf(const QString& login, const QString& password = kPassword) const
    {
        StoreUrl url = ownerUrl;
        url.user = login;
        url.password = password;
        return url;
    }
};

// One desk's own login, straight in SQL as psql would be.
struct Login
{
    RawPg pg;
    explicit Login(const StoreUrl& url) : pg(url) {}

    //! The server's refusal of `sql`, or an empty string when it ran.
    QString refusal(const QString& sql)
    {
        QSqlQuery q(QSqlDatabase::database(pg.name));
        return q.exec(sql) ? QString() : q.lastError().text();
    }
    QStringList column(const QString& sql)
    {
        QStringList values;
        QSqlQuery q = pg.exec(sql);
        while (q.next())
            values << q.value(0).toString();
        return values;
    }
};

// A desk of `login` on the prepared server, started and signed in with its password (its principal
// as the server gave it, for a test to forge on).
struct SignedInDesk
{
    TestPlatform platform;
    Principal principal;
    SignedInDesk(const PreparedServer& server, const QString& login)
        : platform(config(server, login))
    {
        platform.start();
        const SignInResult signedIn = await(platform->access().signIn(login, kPassword));
        REQUIRE(signedIn.ok);
        principal = signedIn.principal;
        platform->session().setPrincipal(principal);
    }
    static TestPlatform::Config config(const PreparedServer& server, const QString& login)
    {
        TestPlatform::Config c;
        c.store = server.urlOf(login);
        c.keyPath = server.keyPath();
        return c;
    }
};

/*!
 * A desk of `login` with the modules loaded (so they register how their kept commands are sent
 * again), reaching the prepared server through `relay` (a cable a test can pull), its outbox file in
 * the server's folder; started and signed in.
 */
struct RelayedDesk
{
    TestPlatform platform;
    RelayedDesk(const PreparedServer& server, const TcpRelay& relay, const QString& login)
        : platform(config(server, relay, login))
    {
        platform.start();
        const SignInResult signedIn = await(platform->access().signIn(login, kPassword));
        REQUIRE(signedIn.ok);
        platform->session().setPrincipal(signedIn.principal);
    }
    static TestPlatform::Config config(const PreparedServer& server, const TcpRelay& relay, const QString& login)
    {
        TestPlatform::Config c = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        c.store = relay.through(server.urlOf(login));
        c.keyPath = server.keyPath();
        c.outboxPath = server.dir.filePath(login + QStringLiteral(".outbox"));
        return c;
    }
    Platform* operator->() { return platform.platform.get(); }
};

inline bool deniedOrForbidden(const QString& refusal)
{
    return refusal.contains(QStringLiteral("permission denied")) || refusal.contains(QStringLiteral("must be owner"))
        || refusal.contains(QStringLiteral("must have")) || refusal.contains(QStringLiteral("must be"))
        || refusal.contains(QStringLiteral("row-level security"));
}


} // namespace hexhub::test::prepared
