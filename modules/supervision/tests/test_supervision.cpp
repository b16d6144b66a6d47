// Supervision's tests (issue 17 section 1): its tables as its README lists them, on a shared server
// seen by the centre, the hub and the centre a demand is routed to, and its share of the demo
// history, written through the training engine's generator: public demands from every channel (the
// 12345 hotline most), routed, answered or escalated against their SLA, each with its history, in
// proportion and the same from the same seed. On SQLite and again on PostgreSQL.
#include "demohistory.h"

#include <catch2/catch.hpp>

#include <QDateTime>

using namespace hexhub;
using namespace hexhub::test;

namespace {

constexpr qint64 kMinute = DemoHistory::kMinute;
constexpr qint64 kHour = DemoHistory::kHour;
constexpr qint64 kDay = DemoHistory::kDay;

const QStringList kTables{QStringLiteral("sv_demand_history"), QStringLiteral("sv_demands")};

} // namespace

TEST_CASE("supervision: the tables its README lists, with their columns, seen on a shared server by the centre and where routed",
          "[supervision]")
{
    DemoHistory store;
    checkCentreTables(store, QStringLiteral("supervision"), QStringLiteral("sv_"),
                      {{QStringLiteral("sv_demands"),
                        {QStringLiteral("id"), QStringLiteral("reference"), QStringLiteral("channel"), QStringLiteral("category"),
                         QStringLiteral("summary"), QStringLiteral("contact"), QStringLiteral("status"), QStringLiteral("routed_to"),
                         QStringLiteral("received_at"), QStringLiteral("sla_due_at"), QStringLiteral("answered_at"),
                         QStringLiteral("version")}},
                       {QStringLiteral("sv_demand_history"),
                        {QStringLiteral("id"), QStringLiteral("demand_id"), QStringLiteral("at"), QStringLiteral("actor"),
                         QStringLiteral("action"), QStringLiteral("note")}}});
    if (onPostgres()) {
        store.generate(1400, 1);
        // The centre and the hub see every demand and its history; no demand is routed to political
        // security, whose desk sees none; case management's desk sees the demands routed to it.
        checkScopedToCentre(store, QStringLiteral("supervision"), kTables, QStringLiteral("political_security"));
        ServerDesks desks(store, {QStringLiteral("case_management")});
        const qint64 routed = store.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE routed_to = 'case_management'"));
        CHECK(routed > 0);
        CHECK(desks.count(QStringLiteral("case_management"), QStringLiteral("SELECT COUNT(*) FROM sv_demands")) == routed);
        CHECK(desks.count(QStringLiteral("case_management"), QStringLiteral("SELECT COUNT(*) FROM sv_demand_history"))
              == store.count(QStringLiteral("SELECT COUNT(*) FROM sv_demand_history h JOIN sv_demands d ON d.id = h.demand_id "
                                            "WHERE d.routed_to = 'case_management'")));
    }
}

TEST_CASE("supervision: demo demands come from every channel and are answered or escalated against their channel's SLA",
          "[supervision][demo]")
{
    DemoHistory demo(1500, 1);
    const qint64 end = DemoHistory::endMs();
    CHECK(demo.report().modules.contains(QStringLiteral("supervision")));
    const qint64 demands = demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands"));
    CHECK(demands == demo.scaled(0.05, 50));

    // Received one after another over the history, numbered SV-<year>-<six digits> in that order;
    // the caller's number, when given, synthetic.
    const QRegularExpression reference(QStringLiteral("^SV-([0-9]{4})-([0-9]{6})$"));
    qint64 previous = demo.startMs();
    int n = 0;
    for (const QVariantList& demand : demo.rows(QStringLiteral("SELECT reference, received_at, contact FROM sv_demands ORDER BY id"))) {
        INFO(demand[0].toString().toStdString());
        const QRegularExpressionMatch m = reference.match(demand[0].toString());
        REQUIRE(m.hasMatch());
        CHECK(m.captured(1).toInt() == QDateTime::fromMSecsSinceEpoch(demand[1].toLongLong(), Qt::UTC).date().year());
        CHECK(m.captured(2).toInt() == ++n);
        CHECK(demand[1].toLongLong() > previous);
        previous = demand[1].toLongLong();
        if (!demand[2].isNull())
            CHECK(SyntheticIdentity::phonePattern().match(demand[2].toString()).hasMatch());
    }
    CHECK(previous < end);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE contact IS NULL")) > 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE contact IS NOT NULL")) > 0);

    // The 12345 hotline brings the most; each channel its SLA.
    const qint64 hotline = demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE channel = 'hotline_12345'"));
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM (SELECT channel FROM sv_demands GROUP BY channel HAVING COUNT(*) >= ?) t"),
                     {hotline}) == 1);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(DISTINCT channel) FROM sv_demands")) == 6);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE sla_due_at - received_at <> CASE channel "
                                    "WHEN 'hotline_12345' THEN %1 WHEN 'walk_in' THEN %1 WHEN 'online' THEN %2 "
                                    "WHEN 'complaint' THEN %3 WHEN 'mayor_mailbox' THEN %4 WHEN 'petition' THEN %5 ELSE 0 END")
                         .arg(3 * kDay)
                         .arg(5 * kDay)
                         .arg(7 * kDay)
                         .arg(10 * kDay)
                         .arg(15 * kDay)) == 0);

    // Answered an hour to 1.2 SLAs after it came in, closed two days after the answer; escalated
    // when the SLA passed without one; received (not yet routed) for its first two hours; routed
    // by its category, to the centre or department that handles it.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE (answered_at IS NULL AND status IN ('answered', 'closed')) "
                                    "OR (answered_at IS NOT NULL AND (status NOT IN ('answered', 'closed') OR answered_at >= ? "
                                    "OR answered_at < received_at + %1 OR answered_at >= received_at + %1 + (sla_due_at - received_at) * 6 / 5))")
                         .arg(kHour),
                     {end}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE (status = 'closed' AND answered_at >= ?) "
                                    "OR (status = 'answered' AND answered_at < ?)"),
                     {end - 2 * kDay, end - 2 * kDay}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE (status = 'escalated' AND (answered_at IS NOT NULL OR sla_due_at >= ?)) "
                                    "OR (answered_at IS NULL AND sla_due_at < ? AND status <> 'escalated')"),
                     {end, end}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE (status = 'received' AND received_at <= ?) "
                                    "OR (status IN ('routed', 'in_progress') AND received_at > ?)"),
                     {end - 2 * kHour, end - 2 * kHour}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE (status = 'received' AND routed_to IS NOT NULL) "
                                    "OR (status <> 'received' AND routed_to IS NULL)")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE routed_to IS NOT NULL AND NOT ("
                                    "(category IN ('noise', 'traffic', 'public_order', 'lost_property') AND routed_to = 'basic_control') "
                                    "OR (category = 'police_service' AND routed_to IN ('case_management', 'hub')) "
                                    "OR (category = 'neighbourhood' AND routed_to = 'city_services') "
                                    "OR (category = 'fraud' AND routed_to = 'criminal_intel'))")) == 0);
    for (const char* status : {"routed", "in_progress", "answered", "closed", "escalated"}) {
        INFO(status);
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE status = ?"), {QString::fromLatin1(status)}) > 0);
    }

    // Its history: received, routed by the operator, escalated by the system at the SLA, answered
    // and closed by the operator, each when it happened; nothing else.
    const QString operatorName = QStringLiteral("demo.supervision");
    const QString entries = QStringLiteral("SELECT COUNT(*) FROM sv_demands d WHERE (SELECT COUNT(*) FROM sv_demand_history h "
                                           "WHERE h.demand_id = d.id AND ");
    CHECK(demo.count(entries + QStringLiteral("h.action = 'received' AND h.at = d.received_at AND h.actor = 'system' "
                                              "AND h.note = d.channel) <> 1")) == 0);
    CHECK(demo.count(entries + QStringLiteral("h.action = 'routed' AND h.actor = ? AND h.note = d.routed_to AND h.at >= d.received_at + %1 "
                                              "AND h.at < d.received_at + %2 AND h.at < ?) <> CASE WHEN d.status = 'received' THEN 0 ELSE 1 END")
                                   .arg(10 * kMinute)
                                   .arg(2 * kHour + 10 * kMinute),
                     {operatorName, end}) == 0);
    CHECK(demo.count(entries + QStringLiteral("h.action = 'escalated' AND h.at = d.sla_due_at AND h.actor = 'system' "
                                              "AND h.note = 'SLA missed') <> CASE WHEN d.status = 'escalated' THEN 1 ELSE 0 END")) == 0);
    CHECK(demo.count(entries + QStringLiteral("h.action = 'answered' AND h.at = d.answered_at AND h.actor = ?) "
                                              "<> CASE WHEN d.answered_at IS NULL THEN 0 ELSE 1 END"),
                     {operatorName}) == 0);
    CHECK(demo.count(entries + QStringLiteral("h.action = 'closed' AND h.at = d.answered_at + %1 AND h.actor = ?) "
                                              "<> CASE WHEN d.status = 'closed' THEN 1 ELSE 0 END")
                                   .arg(2 * kDay),
                     {operatorName}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demand_history"))
          == demands + demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE status <> 'received'"))
                 + demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE status = 'escalated'"))
                 + demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE answered_at IS NOT NULL"))
                 + demo.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands WHERE status = 'closed'")));
}

TEST_CASE("supervision: the same seed gives the same demo demands, another seed other demands, more incidents more demands",
          "[supervision][demo]")
{
    DemoHistory a(1500, 1), b(1500, 1), other(1500, 2), bigger(6000, 1);
    for (const QString& table : kTables) {
        INFO(table.toStdString());
        const QStringList rows = a.tableRows(table);
        CHECK(!rows.isEmpty());
        CHECK(rows == b.tableRows(table));
        CHECK(rows != other.tableRows(table));
    }
    // Five demands in every 100 incidents, at least 50.
    CHECK(a.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands")) == 75);
    CHECK(bigger.count(QStringLiteral("SELECT COUNT(*) FROM sv_demands")) == 300);
    CHECK(bigger.count(QStringLiteral("SELECT COUNT(*) FROM sv_demand_history"))
          > 3 * a.count(QStringLiteral("SELECT COUNT(*) FROM sv_demand_history")));
}
