// Political security joint control's tests (issue 17 section 1): its tables as its README lists
// them, scoped to the centre on a shared server, and its share of the demo history, written through
// the training engine's generator: the district's landmarks as protected sites with their
// perimeters, security plans past, running and to come, their posts manned by the hub's units, in
// proportion and the same from the same seed. On SQLite and again on PostgreSQL.
#include "demohistory.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

using namespace hexhub;
using namespace hexhub::test;

namespace {

constexpr qint64 kMinute = DemoHistory::kMinute;
constexpr qint64 kHour = DemoHistory::kHour;
constexpr qint64 kDay = DemoHistory::kDay;

const QStringList kTables{QStringLiteral("ps_plans"), QStringLiteral("ps_posts"), QStringLiteral("ps_sites")};

} // namespace

TEST_CASE("political_security: the tables its README lists, with their columns, scoped to the centre on a shared server",
          "[political_security]")
{
    DemoHistory store;
    checkCentreTables(store, QStringLiteral("political_security"), QStringLiteral("ps_"),
                      {{QStringLiteral("ps_sites"),
                        {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("address"),
                         QStringLiteral("latitude"), QStringLiteral("longitude"), QStringLiteral("perimeter"), QStringLiteral("version")}},
                       {QStringLiteral("ps_plans"),
                        {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("site_id"), QStringLiteral("level"),
                         QStringLiteral("status"), QStringLiteral("starts_at"), QStringLiteral("ends_at"), QStringLiteral("agencies"),
                         QStringLiteral("created_at"), QStringLiteral("version")}},
                       {QStringLiteral("ps_posts"),
                        {QStringLiteral("id"), QStringLiteral("plan_id"), QStringLiteral("name"), QStringLiteral("latitude"),
                         QStringLiteral("longitude"), QStringLiteral("staff_needed"), QStringLiteral("unit_id"),
                         QStringLiteral("last_report_at"), QStringLiteral("version")}}});
    if (onPostgres()) {
        store.generate(1400, 1);
        checkScopedToCentre(store, QStringLiteral("political_security"), kTables, QStringLiteral("basic_control"));
    }
}

TEST_CASE("political_security: demo sites are the district's landmarks inside their perimeters, plans past, running and to come",
          "[political_security][demo]")
{
    DemoHistory demo(1500, 1);
    const qint64 end = DemoHistory::endMs();
    CHECK(demo.report().modules.contains(QStringLiteral("political_security")));

    // One protected site for each of the district's landmarks, where it is, its kind by its name,
    // secured within a square of 300 metres around it.
    const DemoDistrict district = DemoDistrict::load();
    const QList<QVariantList> sites =
        demo.rows(QStringLiteral("SELECT name, kind, address, latitude, longitude, perimeter FROM ps_sites ORDER BY id"));
    REQUIRE(!district.landmarks.isEmpty());
    REQUIRE(sites.size() == district.landmarks.size());
    for (int i = 0; i < sites.size(); ++i) {
        const QVariantList& site = sites[i];
        const DemoDistrict::Landmark& landmark = district.landmarks[i];
        const QString name = site[0].toString();
        INFO(name.toStdString());
        CHECK(name == landmark.name);
        CHECK(site[2].toString() == landmark.name);
        CHECK(site[3].toDouble() == Approx(landmark.position.latitude).margin(1e-9));
        CHECK(site[4].toDouble() == Approx(landmark.position.longitude).margin(1e-9));
        const QString kind = name.contains(QLatin1String("Station"))    ? QStringLiteral("transport_hub")
                             : name.contains(QLatin1String("Hospital")) ? QStringLiteral("hospital")
                             : name.contains(QLatin1String("Park"))     ? QStringLiteral("park")
                                                                        : QStringLiteral("venue");
        CHECK(site[1].toString() == kind);
        const QJsonObject perimeter = QJsonDocument::fromJson(site[5].toString().toUtf8()).object();
        CHECK(perimeter.value(QStringLiteral("type")).toString() == QStringLiteral("Polygon"));
        const QJsonArray ring = perimeter.value(QStringLiteral("coordinates")).toArray().at(0).toArray();
        REQUIRE(ring.size() == 5);
        CHECK(ring.first() == ring.last());
        double south = 90, north = -90, west = 180, east = -180;
        for (const QJsonValue& corner : ring) {
            const double lon = corner.toArray().at(0).toDouble(), lat = corner.toArray().at(1).toDouble();
            south = std::min(south, lat);
            north = std::max(north, lat);
            west = std::min(west, lon);
            east = std::max(east, lon);
        }
        CHECK(south < landmark.position.latitude);
        CHECK(landmark.position.latitude < north);
        CHECK(west < landmark.position.longitude);
        CHECK(landmark.position.longitude < east);
        CHECK((north - south) * 111320.0 == Approx(300).epsilon(1e-6));
        CHECK((east - west) * 111320.0 * std::cos(landmark.position.latitude * M_PI / 180) == Approx(300).epsilon(1e-6));
    }

    // Plans in proportion: spread over the history, stood down once over; the last but one running
    // now (begun two hours ago), the last to come in three days (drafted or approved). Each lasts 4
    // to 13 hours and was written two weeks before it begins.
    const qint64 plans = demo.count(QStringLiteral("SELECT COUNT(*) FROM ps_plans"));
    CHECK(plans == demo.scaled(0.0003, 4));
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ps_plans WHERE created_at <> starts_at - ? "
                                    "OR ends_at - starts_at < ? OR ends_at - starts_at > ?"),
                     {14 * kDay, 4 * kHour, 13 * kHour}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ps_plans WHERE (status = 'stood_down' AND ends_at >= ?) "
                                    "OR (status = 'active' AND (starts_at > ? OR ends_at < ?)) "
                                    "OR (status IN ('draft', 'approved') AND starts_at <= ?)"),
                     {end, end, end, end}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ps_plans WHERE status = 'active' AND starts_at = ?"), {end - 2 * kHour}) == 1);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ps_plans WHERE status = 'active'")) == 1);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ps_plans WHERE status IN ('draft', 'approved') AND starts_at = ?"),
                     {end + 3 * kDay}) == 1);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ps_plans WHERE status = 'stood_down' AND starts_at >= ?"), {demo.startMs()})
          == plans - 2);
    // "<event> at <site>", the police and some of the other agencies.
    const QSet<QString> agencies{QStringLiteral("police"), QStringLiteral("fire"), QStringLiteral("medical"), QStringLiteral("transport"),
                                 QStringLiteral("city_services")};
    for (const QVariantList& plan : demo.rows(QStringLiteral("SELECT p.title, s.name, p.agencies FROM ps_plans p "
                                                             "JOIN ps_sites s ON s.id = p.site_id ORDER BY p.id"))) {
        INFO(plan[0].toString().toStdString() << " " << plan[2].toString().toStdString());
        CHECK(plan[0].toString().endsWith(QStringLiteral(" at ") + plan[1].toString()));
        const QJsonArray joint = QJsonDocument::fromJson(plan[2].toString().toUtf8()).array();
        REQUIRE(!joint.isEmpty());
        CHECK(joint.first().toString() == QStringLiteral("police"));
        QSet<QString> seen;
        for (const QJsonValue& agency : joint) {
            CHECK(agencies.contains(agency.toString()));
            CHECK(!seen.contains(agency.toString()));
            seen.insert(agency.toString());
        }
    }

    // Three to eight posts a plan, each named once, on a ring around the site, manned by a unit of
    // the hub; the posts of the running plan reported within the last half hour, no other post.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ps_plans p WHERE (SELECT COUNT(*) FROM ps_posts o WHERE o.plan_id = p.id) "
                                    "NOT BETWEEN 3 AND 8")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM (SELECT plan_id, name FROM ps_posts GROUP BY plan_id, name "
                                    "HAVING COUNT(*) > 1) t")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ps_posts o WHERE o.staff_needed NOT BETWEEN 1 AND 4 OR o.unit_id IS NULL "
                                    "OR NOT EXISTS (SELECT 1 FROM hub_units u WHERE u.id = o.unit_id)")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ps_posts o JOIN ps_plans p ON p.id = o.plan_id WHERE "
                                    "(p.status = 'active' AND (o.last_report_at IS NULL OR o.last_report_at > ? OR o.last_report_at <= ?)) "
                                    "OR (p.status <> 'active' AND o.last_report_at IS NOT NULL)"),
                     {end, end - 30 * kMinute}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ps_posts WHERE last_report_at IS NOT NULL")) >= 3);
    const QList<QVariantList> posts = demo.rows(QStringLiteral("SELECT o.latitude, o.longitude, s.latitude, s.longitude FROM ps_posts o "
                                                               "JOIN ps_plans p ON p.id = o.plan_id JOIN ps_sites s ON s.id = p.site_id"));
    CHECK(posts.size() >= 3 * plans);
    for (const QVariantList& post : posts) {
        const double north = (post[0].toDouble() - post[2].toDouble()) / 0.0012;
        const double east = (post[1].toDouble() - post[3].toDouble()) / 0.0014;
        CHECK(north * north + east * east == Approx(1.0).margin(1e-6));
    }
}

TEST_CASE("political_security: the same seed gives the same demo plans, another seed other plans, more incidents more plans",
          "[political_security][demo]")
{
    DemoHistory a(1500, 1), b(1500, 1), other(1500, 2), bigger(20000, 1);
    for (const QString& table : kTables) {
        INFO(table.toStdString());
        const QStringList rows = a.tableRows(table);
        CHECK(!rows.isEmpty());
        CHECK(rows == b.tableRows(table));
    }
    // The sites are the district's whatever the seed; the plans and posts drawn from it.
    CHECK(a.tableRows(QStringLiteral("ps_sites")) == other.tableRows(QStringLiteral("ps_sites")));
    CHECK(a.tableRows(QStringLiteral("ps_plans")) != other.tableRows(QStringLiteral("ps_plans")));
    CHECK(a.tableRows(QStringLiteral("ps_posts")) != other.tableRows(QStringLiteral("ps_posts")));
    // At least four plans; three in every 10,000 incidents.
    CHECK(a.count(QStringLiteral("SELECT COUNT(*) FROM ps_plans")) == 4);
    CHECK(bigger.count(QStringLiteral("SELECT COUNT(*) FROM ps_plans")) == 6);
}
