// Case management's tests (issue 17 section 1): its tables as its README lists them, scoped to the
// centre on a shared server, and its share of the demo history, written through the training
// engine's generator: cases opened from the hub's incidents on the statutory clock, custody within
// its limit and its safety checks, seized property, in proportion and the same from the same seed.
// On SQLite and again on PostgreSQL.
#include "demohistory.h"

#include <catch2/catch.hpp>

#include <QDateTime>

using namespace hexhub;
using namespace hexhub::test;

namespace {

constexpr qint64 kHour = DemoHistory::kHour;
constexpr qint64 kDay = DemoHistory::kDay;

const QStringList kTables{QStringLiteral("cm_cases"), QStringLiteral("cm_custody"), QStringLiteral("cm_property"),
                          QStringLiteral("cm_case_limits"), QStringLiteral("cm_approvals"), QStringLiteral("cm_custody_moves"),
                          QStringLiteral("cm_welfare_checks")};

} // namespace

TEST_CASE("case_management: the tables its README lists, with their columns, scoped to the centre on a shared server",
          "[case_management]")
{
    DemoHistory store;
    checkCentreTables(store, QStringLiteral("case_management"), QStringLiteral("cm_"),
                      {{QStringLiteral("cm_cases"),
                        {QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("title"), QStringLiteral("kind"),
                         QStringLiteral("fast_track"), QStringLiteral("status"), QStringLiteral("incident_id"),
                         QStringLiteral("opened_at"), QStringLiteral("due_at"), QStringLiteral("version"), QStringLiteral("stage"),
                         QStringLiteral("summary"), QStringLiteral("stage_reason"), QStringLiteral("opened_by"), QStringLiteral("updated_at"),
                         QStringLiteral("fast_track_at"), QStringLiteral("fast_track_note")}},
                       {QStringLiteral("cm_case_limits"),
                        {QStringLiteral("id"), QStringLiteral("case_id"), QStringLiteral("rule"), QStringLiteral("custody_id"), QStringLiteral("note"),
                         QStringLiteral("started_at"), QStringLiteral("due_at"), QStringLiteral("base_minutes"), QStringLiteral("extended_minutes"),
                         QStringLiteral("extension_ground"), QStringLiteral("extension_reason"), QStringLiteral("extended_by"), QStringLiteral("state"),
                         QStringLiteral("ended_at"), QStringLiteral("ended_by"), QStringLiteral("end_note"), QStringLiteral("started_by"),
                         QStringLiteral("version")}},
                       {QStringLiteral("cm_approvals"),
                        {QStringLiteral("id"), QStringLiteral("case_id"), QStringLiteral("what"), QStringLiteral("note"), QStringLiteral("approved_by"),
                         QStringLiteral("approved_at"), QStringLiteral("used_at"), QStringLiteral("used_by"), QStringLiteral("used_txid")}},
                       {QStringLiteral("cm_custody"),
                        {QStringLiteral("id"), QStringLiteral("case_id"), QStringLiteral("person_ref"), QStringLiteral("legal_basis"),
                         QStringLiteral("started_at"), QStringLiteral("limit_at"), QStringLiteral("next_check_at"),
                         QStringLiteral("released_at"), QStringLiteral("retain_until"), QStringLiteral("version"),
                         QStringLiteral("tag"), QStringLiteral("cause"), QStringLiteral("basis"), QStringLiteral("serious"), QStringLiteral("officer"), QStringLiteral("risk_intoxicated"), QStringLiteral("risk_injured"), QStringLiteral("risk_medical"), QStringLiteral("risk_self_harm"), QStringLiteral("risk_notes"), QStringLiteral("risk_level"), QStringLiteral("room_id"), QStringLiteral("stage"), QStringLiteral("state"), QStringLiteral("checked_in_by"), QStringLiteral("released_by"), QStringLiteral("release_to"), QStringLiteral("release_note"), QStringLiteral("updated_at")}},
                       {QStringLiteral("cm_rooms"), {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("capacity"), QStringLiteral("position")}},
                       {QStringLiteral("cm_custody_moves"), {QStringLiteral("id"), QStringLiteral("custody_id"), QStringLiteral("room_id"), QStringLiteral("stage"), QStringLiteral("at"), QStringLiteral("moved_by"), QStringLiteral("note")}},
                       {QStringLiteral("cm_welfare_checks"),
                        {QStringLiteral("id"), QStringLiteral("custody_id"), QStringLiteral("due_at"), QStringLiteral("done_at"), QStringLiteral("recorded_at"), QStringLiteral("done_by"), QStringLiteral("condition"), QStringLiteral("observed"), QStringLiteral("room_id")}},
                       {QStringLiteral("cm_keep_apart"), {QStringLiteral("id"), QStringLiteral("custody_a"), QStringLiteral("custody_b"), QStringLiteral("reason"), QStringLiteral("recorded_by"), QStringLiteral("recorded_at")}},
                       {QStringLiteral("cm_interviews"),
                        {QStringLiteral("id"), QStringLiteral("custody_id"), QStringLiteral("room_id"), QStringLiteral("officers"), QStringLiteral("recording_ref"), QStringLiteral("started_at"), QStringLiteral("started_by"), QStringLiteral("ended_at"), QStringLiteral("ended_by"), QStringLiteral("note")}},
                       {QStringLiteral("cm_custody_log"), {QStringLiteral("id"), QStringLiteral("custody_id"), QStringLiteral("kind"), QStringLiteral("at"), QStringLiteral("minutes"), QStringLiteral("note"), QStringLiteral("recorded_by"), QStringLiteral("txid")}},
                       {QStringLiteral("cm_escort_crews"),
                        {QStringLiteral("id"), QStringLiteral("call_sign"), QStringLiteral("officers"), QStringLiteral("vehicle"), QStringLiteral("on_duty"),
                         QStringLiteral("version")}},
                       {QStringLiteral("cm_escorts"),
                        {QStringLiteral("id"), QStringLiteral("custody_id"), QStringLiteral("case_id"), QStringLiteral("destination_kind"),
                         QStringLiteral("destination"), QStringLiteral("reason"), QStringLiteral("deadline_at"), QStringLiteral("limit_id"),
                         QStringLiteral("crew_id"), QStringLiteral("vehicle"), QStringLiteral("state"), QStringLiteral("requested_at"),
                         QStringLiteral("requested_by"), QStringLiteral("assigned_at"), QStringLiteral("assigned_by"), QStringLiteral("departed_at"),
                         QStringLiteral("departed_by"), QStringLiteral("arrived_at"), QStringLiteral("arrived_by"), QStringLiteral("received_by"),
                         QStringLiteral("note"), QStringLiteral("version"), QStringLiteral("cancelled_at"), QStringLiteral("cancelled_by")}},
                       {QStringLiteral("cm_guidelines"),
                        {QStringLiteral("id"), QStringLiteral("code"), QStringLiteral("language"), QStringLiteral("stage"), QStringLiteral("title"),
                         QStringLiteral("body"), QStringLiteral("source"), QStringLiteral("updated_at"), QStringLiteral("updated_by"),
                         QStringLiteral("version")}},
                       {QStringLiteral("cm_property"),
                        {QStringLiteral("id"), QStringLiteral("case_id"), QStringLiteral("description"), QStringLiteral("seized_at"),
                         QStringLiteral("location"), QStringLiteral("appraised_value_cents"), QStringLiteral("appraised_at"),
                         QStringLiteral("disposition"), QStringLiteral("version")}}});
    if (onPostgres()) {
        store.generate(1400, 1);
        checkScopedToCentre(store, QStringLiteral("case_management"), kTables, QStringLiteral("criminal_intel"));
    }
}

TEST_CASE("case_management: demo cases come from the hub's incidents and keep the statutory clock, with their seized property",
          "[case_management][demo]")
{
    // 40 days: cases of every age, the oldest closed or decided.
    DemoHistory demo(8000, 1);
    const qint64 end = DemoHistory::endMs();
    CHECK(demo.report().modules.contains(QStringLiteral("case_management")));
    const qint64 cases = demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases"));
    CHECK(cases == demo.scaled(0.03, 30));
    CHECK(demo.report().rows.value(QStringLiteral("cm_cases")) == cases);

    // Each from an incident: its summary as the title, opened 1 to 25 hours after it came in (or
    // just before the history's end), criminal when it was a burglary or an assault.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases c "
                                    "WHERE NOT EXISTS (SELECT 1 FROM hub_incidents i WHERE i.id = c.incident_id)")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases c JOIN hub_incidents i ON i.id = c.incident_id "
                                    "WHERE c.title <> i.summary OR c.opened_at >= ? "
                                    "OR (c.opened_at <> ? AND (c.opened_at < i.created_at + ? OR c.opened_at >= i.created_at + ?))"),
                     {end, end - 1000, kHour, 25 * kHour}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases c JOIN hub_incidents i ON i.id = c.incident_id "
                                    "WHERE i.category IN ('burglary', 'assault') AND c.kind <> 'criminal'")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases c JOIN hub_incidents i ON i.id = c.incident_id "
                                    "WHERE i.category IN ('burglary', 'assault')")) > 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases WHERE kind = 'administrative'")) > 0);

    // The fast track is for minor criminal cases, on it from when it opened; an open case on it is
    // due when its next milestone runs out (the investigation, 24 hours), any other open one 30 days
    // after it opened; a decided or closed one has no deadline.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases WHERE fast_track NOT IN (0, 1) "
                                    "OR (fast_track = 1 AND (kind <> 'criminal' OR fast_track_at <> opened_at))")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases WHERE status IN ('registered', 'investigating', 'referred') "
                                    "AND (due_at IS NULL OR due_at - opened_at <> CASE WHEN fast_track = 1 THEN %1 ELSE %2 END)")
                         .arg(24 * kHour)
                         .arg(30 * kDay)) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases WHERE status IN ('decided', 'closed') AND due_at IS NOT NULL")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases WHERE fast_track = 1 "
                                    "AND status IN ('registered', 'investigating', 'referred')")) > 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases WHERE status IN ('decided', 'closed')")) > 0);
    // Its three milestones: running while it is open, met within its 48 hours once tried.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases c WHERE c.fast_track = 1 AND (SELECT COUNT(*) FROM cm_case_limits l "
                                    "WHERE l.case_id = c.id AND l.rule LIKE 'fasttrack.%' AND l.state = CASE WHEN c.stage = 'tried' THEN 'met' "
                                    "ELSE 'running' END AND (l.state = 'running' OR l.ended_at <= c.opened_at + %1)) <> 3")
                         .arg(48 * kHour)) == 0);
    // The status follows the case's age: registered for two days, then investigated or referred,
    // decided or closed after 30 days; one on the fast track is tried within its two days.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases WHERE fast_track = 0 AND ((opened_at > ? AND status <> 'registered') "
                                    "OR (opened_at <= ? AND opened_at > ? AND status NOT IN ('investigating', 'referred')) "
                                    "OR (opened_at <= ? AND status NOT IN ('decided', 'closed')))"),
                     {end - 2 * kDay, end - 2 * kDay, end - 30 * kDay, end - 30 * kDay}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases WHERE fast_track = 1 AND ((opened_at > ? AND status <> 'registered') "
                                    "OR (opened_at <= ? AND stage <> 'tried'))"),
                     {end - 2 * kDay, end - 2 * kDay}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases WHERE status = 'registered'")) > 0);
    // Numbered C-<year opened>-<six digits>, one number each.
    const QRegularExpression number(QStringLiteral("^C-([0-9]{4})-[0-9]{6}$"));
    const QList<QVariantList> numbers = demo.rows(QStringLiteral("SELECT number, opened_at FROM cm_cases"));
    QSet<QString> distinct;
    for (const QVariantList& row : numbers) {
        INFO(row.value(0).toString().toStdString());
        const QRegularExpressionMatch m = number.match(row.value(0).toString());
        REQUIRE(m.hasMatch());
        CHECK(m.captured(1).toInt() == QDateTime::fromMSecsSinceEpoch(row.value(1).toLongLong(), Qt::UTC).date().year());
        distinct.insert(row.value(0).toString());
    }
    CHECK(distinct.size() == numbers.size());

    // Seized property: of an existing case, seized when it opened, one to three items a case,
    // held while the case is open, appraised three days later (at 5.00 to 5,004.99) or not at all,
    // kept on a shelf of one of the evidence stores.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_property")) > 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_property p WHERE NOT EXISTS "
                                    "(SELECT 1 FROM cm_cases c WHERE c.id = p.case_id AND c.opened_at = p.seized_at)")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM (SELECT case_id FROM cm_property GROUP BY case_id "
                                    "HAVING COUNT(*) > 3) t")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_property p JOIN cm_cases c ON c.id = p.case_id "
                                    "WHERE c.status IN ('registered', 'investigating', 'referred') AND p.disposition <> 'held'")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_property WHERE disposition <> 'held'")) > 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_property WHERE (appraised_value_cents IS NULL AND appraised_at IS NOT NULL) "
                                    "OR (appraised_value_cents IS NOT NULL AND (appraised_at IS NULL OR appraised_at <> seized_at + ? "
                                    "OR appraised_value_cents < 500 OR appraised_value_cents >= 500500))"),
                     {3 * kDay}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_property WHERE appraised_at IS NOT NULL")) > 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_property WHERE appraised_at IS NULL")) > 0);
    const QRegularExpression location(QStringLiteral("^Evidence store, (Central|North|East), shelf [A-F]-([1-9]|[1-3][0-9]|40)$"));
    for (const QString& where : demo.column(QStringLiteral("SELECT location FROM cm_property"))) {
        INFO(where.toStdString());
        CHECK(location.match(where).hasMatch());
    }
}

TEST_CASE("case_management: demo custody ends within its 24-hour limit, a person still held is checked within two hours",
          "[case_management][demo]")
{
    // Few people are in custody at the history's end: histories from seed 1 on until one holds one.
    const qint64 end = DemoHistory::endMs();
    qint64 held = 0, released = 0;
    for (quint64 seed = 1; seed <= 8 && held == 0; ++seed) {
        INFO("seed " << seed);
        DemoHistory demo(1400, seed);
        // Of a criminal case, started within six hours of its opening, its limit 24 hours on, the
        // record kept five years.
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody k WHERE NOT EXISTS (SELECT 1 FROM cm_cases c "
                                        "WHERE c.id = k.case_id AND c.kind = 'criminal' AND k.started_at >= c.opened_at "
                                        "AND k.started_at < c.opened_at + ?)"),
                         {6 * kHour}) == 0);
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE limit_at <> started_at + ? OR retain_until <> started_at + ?"),
                         {24 * kHour, 5 * 365 * kDay}) == 0);
        // Released after 4 to 24 hours, before the limit, transferred to the detention centre by the exit.
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE released_at IS NOT NULL "
                                        "AND (released_at < started_at + ? OR released_at >= limit_at OR state <> 'transferred' OR stage <> 'exit')"),
                         {4 * kHour}) == 0);
        // Still held: only on a new (registered) case, begun before the history's end, the next
        // welfare check due within the interval the risk sets after the last one, and after the end.
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody k JOIN cm_cases c ON c.id = k.case_id "
                                        "WHERE k.released_at IS NULL AND (c.status <> 'registered' OR k.started_at >= ? OR k.state <> 'in' "
                                        "OR k.next_check_at <= ? OR k.next_check_at > ?)"),
                         {end, end, end + kHour}) == 0);
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody k WHERE k.next_check_at - COALESCE((SELECT MAX(w.done_at) "
                                        "FROM cm_welfare_checks w WHERE w.custody_id = k.id), k.started_at) "
                                        "> CASE k.risk_level WHEN 'highest' THEN 15 WHEN 'elevated' THEN 30 ELSE 60 END * 60000")) == 0);
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_welfare_checks w JOIN cm_custody k ON k.id = w.custody_id "
                                        "WHERE w.done_at <= k.started_at OR w.done_at > COALESCE(k.released_at, ?)"),
                         {end}) == 0);
        // At most one check five minutes off (about to be missed), and one whenever someone has been held an hour.
        const qint64 nearlyMissed = demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE state = 'in' AND next_check_at = ?"),
                                               {end + 5 * 60'000});
        CHECK(nearlyMissed <= 1);
        if (demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE state = 'in' AND started_at < ?"), {end - kHour}) > 0)
            CHECK(nearlyMissed == 1);
        // Each in a room of their stage, no room over its capacity, every wristband in the suite once.
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody k LEFT JOIN cm_rooms r ON r.id = k.room_id "
                                        "WHERE r.id IS NULL OR r.kind <> k.stage")) == 0);
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM (SELECT room_id, COUNT(*) AS n FROM cm_custody WHERE state = 'in' GROUP BY room_id) x "
                                        "JOIN cm_rooms r ON r.id = x.room_id WHERE x.n > r.capacity")) == 0);
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE tag NOT LIKE 'W-%'")) == 0);
        // The person by a synthetic name and ID number.
        for (const QString& ref : demo.column(QStringLiteral("SELECT person_ref FROM cm_custody"))) {
            INFO(ref.toStdString());
            const QStringList parts = ref.split(QStringLiteral(", ID "));
            REQUIRE(parts.size() == 2);
            CHECK(SyntheticIdentity::namePattern().match(parts[0]).hasMatch());
            CHECK(SyntheticIdentity::isSyntheticIdNumber(parts[1]));
        }
        held += demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE released_at IS NULL"));
        released += demo.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE released_at IS NOT NULL"));
    }
    CHECK(held > 0);
    CHECK(released > 0);
}

TEST_CASE("case_management: the same seed gives the same demo cases, more incidents more cases, none without incidents",
          "[case_management][demo]")
{
    DemoHistory a(1500, 1), b(1500, 1), bigger(6000, 1), none(0, 1);
    for (const QString& table : kTables) {
        INFO(table.toStdString());
        const QStringList rows = a.tableRows(table);
        CHECK(!rows.isEmpty());
        CHECK(rows == b.tableRows(table));
        CHECK(none.count(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) == 0);
    }
    // 3 cases in every 100 incidents.
    CHECK(a.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases")) == 45);
    CHECK(bigger.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases")) == 180);
    CHECK(bigger.count(QStringLiteral("SELECT COUNT(*) FROM cm_property")) > 2 * a.count(QStringLiteral("SELECT COUNT(*) FROM cm_property")));
}
