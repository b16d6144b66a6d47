// Criminal intelligence's tests (issue 17 section 1): its tables as its README lists them, scoped to
// the centre on a shared server, and its share of the demo history, written through the training
// engine's generator: leads across the history with their status by age, their entities linked in
// a chain (phones shared between leads), joint investigations and their task division, in
// proportion and the same from the same seed. On SQLite and again on PostgreSQL.
#include "demohistory.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QSet>

using namespace hexhub;
using namespace hexhub::test;

namespace {

constexpr qint64 kDay = DemoHistory::kDay;

const QStringList kTables{QStringLiteral("ci_charts"), QStringLiteral("ci_entities"), QStringLiteral("ci_investigation_journal"),
                          QStringLiteral("ci_investigation_members"), QStringLiteral("ci_investigation_reports"),
                          QStringLiteral("ci_investigation_targets"), QStringLiteral("ci_investigations"), QStringLiteral("ci_lead_entities"),
                          QStringLiteral("ci_leads"), QStringLiteral("ci_links"), QStringLiteral("ci_task_division")};
// ci_settings holds the deployment's grading scheme: every desk reads it, an administrator changes it.

} // namespace

TEST_CASE("criminal_intel: the tables its README lists, with their columns, scoped to the centre on a shared server",
          "[criminal_intel]")
{
    DemoHistory store;
    checkCentreTables(store, QStringLiteral("criminal_intel"), QStringLiteral("ci_"),
                      {{QStringLiteral("ci_leads"),
                        {QStringLiteral("id"), QStringLiteral("reference"), QStringLiteral("source_kind"), QStringLiteral("source_centre"), QStringLiteral("source_record"), QStringLiteral("source_detail"), QStringLiteral("summary"), QStringLiteral("details"), QStringLiteral("evidence"), QStringLiteral("scheme"), QStringLiteral("source_grade"), QStringLiteral("info_grade"), QStringLiteral("handling"), QStringLiteral("conditions"), QStringLiteral("grade_reason"), QStringLiteral("graded_by"), QStringLiteral("graded_at"), QStringLiteral("status"), QStringLiteral("status_reason"), QStringLiteral("assigned_to"), QStringLiteral("merged_into"), QStringLiteral("investigation_id"), QStringLiteral("legal_basis"), QStringLiteral("retain_until"), QStringLiteral("received_at"), QStringLiteral("due_at"), QStringLiteral("updated_at"), QStringLiteral("version")}},
                       {QStringLiteral("ci_settings"),
                        {QStringLiteral("key"), QStringLiteral("value"), QStringLiteral("changed_by"), QStringLiteral("changed_at"), QStringLiteral("reason"), QStringLiteral("version")}},
                       {QStringLiteral("ci_entities"),
                        {QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("label"), QStringLiteral("label_masked"), QStringLiteral("match_key"), QStringLiteral("lead_id"), QStringLiteral("case_ref"), QStringLiteral("legal_basis"), QStringLiteral("retain_until"), QStringLiteral("attributes"), QStringLiteral("merged_into"), QStringLiteral("created_by"), QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("version")}},
                       {QStringLiteral("ci_charts"),
                        {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("investigation_id"), QStringLiteral("state"), QStringLiteral("created_by"),
                         QStringLiteral("created_at"), QStringLiteral("updated_by"), QStringLiteral("updated_at"), QStringLiteral("version")}},
                       {QStringLiteral("ci_lead_entities"), {QStringLiteral("id"), QStringLiteral("lead_id"), QStringLiteral("entity_id")}},
                       {QStringLiteral("ci_links"),
                        {QStringLiteral("id"), QStringLiteral("from_id"), QStringLiteral("to_id"), QStringLiteral("relation"), QStringLiteral("directed"), QStringLiteral("confidence"), QStringLiteral("source_kind"), QStringLiteral("source_ref"), QStringLiteral("evidence"), QStringLiteral("started_at"), QStringLiteral("ended_at"), QStringLiteral("created_by"), QStringLiteral("created_at")}},
                       {QStringLiteral("ci_investigations"),
                        {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("lead_id"), QStringLiteral("status"),
                         QStringLiteral("opened_at"), QStringLiteral("version"), QStringLiteral("summary"), QStringLiteral("opened_by"),
                         QStringLiteral("updated_at"), QStringLiteral("status_reason"), QStringLiteral("proposal_id"), QStringLiteral("operation_id")}},
                       {QStringLiteral("ci_task_division"),
                        {QStringLiteral("id"), QStringLiteral("investigation_id"), QStringLiteral("unit"), QStringLiteral("assignment"),
                         QStringLiteral("due_at"), QStringLiteral("status"), QStringLiteral("assignee_kind"), QStringLiteral("place"),
                         QStringLiteral("starts_at"), QStringLiteral("task_id"), QStringLiteral("task_status"), QStringLiteral("progress"),
                         QStringLiteral("progress_note"), QStringLiteral("created_by"), QStringLiteral("created_at")}},
                       {QStringLiteral("ci_investigation_members"),
                        {QStringLiteral("id"), QStringLiteral("investigation_id"), QStringLiteral("kind"), QStringLiteral("member"),
                         QStringLiteral("role"), QStringLiteral("added_by"), QStringLiteral("added_at")}},
                       {QStringLiteral("ci_investigation_targets"),
                        {QStringLiteral("id"), QStringLiteral("investigation_id"), QStringLiteral("entity_id"), QStringLiteral("assignee_kind"),
                         QStringLiteral("assignee"), QStringLiteral("action"), QStringLiteral("place"), QStringLiteral("latitude"),
                         QStringLiteral("longitude"), QStringLiteral("after_go_min"), QStringLiteral("note"), QStringLiteral("created_by"),
                         QStringLiteral("created_at"), QStringLiteral("version")}},
                       {QStringLiteral("ci_investigation_reports"),
                        {QStringLiteral("id"), QStringLiteral("investigation_id"), QStringLiteral("day"), QStringLiteral("author"),
                         QStringLiteral("body"), QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("version")}},
                       {QStringLiteral("ci_investigation_journal"),
                        {QStringLiteral("id"), QStringLiteral("investigation_id"), QStringLiteral("at"), QStringLiteral("actor"),
                         QStringLiteral("kind"), QStringLiteral("data")}}});
    if (onPostgres()) {
        store.generate(1400, 1);
        checkScopedToCentre(store, QStringLiteral("criminal_intel"), kTables, QStringLiteral("case_management"));
    }
}

TEST_CASE("criminal_intel: demo leads span the history, their status by age, their entities linked in a chain",
          "[criminal_intel][demo]")
{
    // 70 days: leads of every status.
    DemoHistory demo(14000, 1);
    const qint64 end = DemoHistory::endMs();
    CHECK(demo.report().modules.contains(QStringLiteral("criminal_intel")));
    const qint64 leads = demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads"));
    CHECK(leads == demo.scaled(0.02, 40));

    // Received one after another across the history, numbered L-<year>-<five digits> in that
    // order, about a street of the district, kept five years.
    const QList<QVariantList> received =
        demo.rows(QStringLiteral("SELECT reference, received_at, summary FROM ci_leads ORDER BY id"));
    const DemoDistrict district = DemoDistrict::load();
    const QRegularExpression reference(QStringLiteral("^L-([0-9]{4})-([0-9]{5})$"));
    qint64 previous = demo.startMs();
    for (int i = 0; i < received.size(); ++i) {
        const QVariantList& lead = received[i];
        INFO(lead[0].toString().toStdString() << ": " << lead[2].toString().toStdString());
        const QRegularExpressionMatch m = reference.match(lead[0].toString());
        REQUIRE(m.hasMatch());
        CHECK(m.captured(1).toInt() == QDateTime::fromMSecsSinceEpoch(lead[1].toLongLong(), Qt::UTC).date().year());
        CHECK(m.captured(2).toInt() == i + 1);
        CHECK(lead[1].toLongLong() > previous);
        previous = lead[1].toLongLong();
        CHECK(std::any_of(district.streets.begin(), district.streets.end(),
                          [&](const DemoDistrict::Street& street) { return lead[2].toString().contains(street.name); }));
    }
    CHECK(previous < end);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE retain_until <> received_at + ? OR legal_basis = '' "
                                    "OR source_kind NOT IN ('tip', 'big_data', 'centre', 'incident')"),
                     {5 * 365 * kDay}) == 0);
    // A tip's source is recorded (and masked); no other lead has one.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE (source_kind = 'tip') <> (source_detail <> '')")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE source_detail <> '' AND source_detail_masked <> '********'")) == 0);
    // New or assessing for two days, then assessing or developing for the week, developing or
    // actioned to 60 days, closed (with a reason) or actioned after; graded in the admiralty code
    // once past new.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE (received_at > ? AND status NOT IN ('new', 'assessing')) "
                                    "OR (received_at <= ? AND received_at > ? AND status NOT IN ('assessing', 'developing')) "
                                    "OR (received_at <= ? AND received_at > ? AND status NOT IN ('developing', 'actioned')) "
                                    "OR (received_at <= ? AND status NOT IN ('closed', 'actioned'))"),
                     {end - 2 * kDay, end - 2 * kDay, end - 7 * kDay, end - 7 * kDay, end - 60 * kDay, end - 60 * kDay}) == 0);
    for (const char* status : {"new", "assessing", "developing", "actioned", "closed"}) {
        INFO(status);
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE status = ?"), {QString::fromLatin1(status)}) > 0);
    }
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE (status = 'new' AND scheme IS NOT NULL) "
                                    "OR (status <> 'new' AND (scheme <> 'admiralty' OR source_grade NOT IN ('A', 'B', 'C', 'D', 'E', 'F') "
                                    "OR info_grade NOT IN ('1', '2', '3', '4', '5', '6') OR scheme IS NULL))")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE status = 'closed' AND status_reason = ''")) == 0);

    // Two to four entities a lead, the first a person, each plainly synthetic or of the district.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads l WHERE (SELECT COUNT(*) FROM ci_entities e WHERE e.lead_id = l.id) "
                                    "NOT BETWEEN 2 AND 4")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_entities e WHERE e.kind <> 'person' "
                                    "AND e.id = (SELECT MIN(x.id) FROM ci_entities x WHERE x.lead_id = e.lead_id)")) == 0);
    QSet<QString> streets;
    for (const DemoDistrict::Street& street : district.streets)
        streets.insert(street.name);
    const QMap<QString, QRegularExpression> labels{
        {QStringLiteral("person"), SyntheticIdentity::namePattern()},
        {QStringLiteral("phone"), SyntheticIdentity::phonePattern()},
        {QStringLiteral("vehicle"), QRegularExpression(QStringLiteral("^DEMO-[0-9]{5}$"))},
        {QStringLiteral("account"), QRegularExpression(QStringLiteral("^DEMO-ACCT-[0-9]{8}$"))},
        {QStringLiteral("address"), QRegularExpression(QStringLiteral("^[0-9]+ (.+)$"))},
        {QStringLiteral("organisation"), QRegularExpression(QStringLiteral("^DEMO (Trading Co\\.|Logistics Ltd\\.|Repair Shop) No\\. [0-9]+$"))}};
    QSet<QString> kinds;
    for (const QVariantList& entity : demo.rows(QStringLiteral("SELECT kind, label FROM ci_entities"))) {
        INFO(entity[0].toString().toStdString() << ": " << entity[1].toString().toStdString());
        REQUIRE(labels.contains(entity[0].toString()));
        const QRegularExpressionMatch m = labels.value(entity[0].toString()).match(entity[1].toString());
        CHECK(m.hasMatch());
        if (entity[0].toString() == QLatin1String("address"))
            CHECK(streets.contains(m.captured(1)));
        kinds.insert(entity[0].toString());
    }
    CHECK(kinds.size() == labels.size());

    // Linked in a chain, each entity of a lead from the one before it; a phone now and then called
    // from the phone of an earlier lead.
    const qint64 entities = demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_entities"));
    const QString links = QStringLiteral("SELECT COUNT(*) FROM ci_links k JOIN ci_entities a ON a.id = k.from_id "
                                         "JOIN ci_entities b ON b.id = k.to_id WHERE ");
    CHECK(demo.count(links + QStringLiteral("a.lead_id = b.lead_id")) == entities - leads);
    CHECK(demo.count(links + QStringLiteral("a.lead_id = b.lead_id AND b.id <> (SELECT MIN(x.id) FROM ci_entities x "
                                            "WHERE x.lead_id = a.lead_id AND x.id > a.id)")) == 0);
    CHECK(demo.count(links + QStringLiteral("a.lead_id = b.lead_id AND (k.relation NOT IN ('calls', 'owns', 'lives_at', 'uses', "
                                            "'paid', 'works_at', 'met') OR k.source_kind <> 'lead' OR k.source_ref NOT LIKE 'lead L-%' OR k.evidence NOT IN ('Call records', 'Vehicle registration', "
                                            "'Witness statement', 'Bank transfer', 'Camera footage'))")) == 0);
    CHECK(demo.count(links + QStringLiteral("a.lead_id <> b.lead_id AND (a.kind <> 'phone' OR b.kind <> 'phone' "
                                            "OR a.lead_id > b.lead_id OR k.relation <> 'calls' OR k.evidence <> 'Call records' OR k.source_kind <> 'record')")) == 0);
    CHECK(demo.count(links + QStringLiteral("a.lead_id <> b.lead_id")) > 0);
}

TEST_CASE("criminal_intel: demo joint investigations follow a lead, divide their tasks among the hub's units, close only when old",
          "[criminal_intel][demo]")
{
    // 150 days: investigations older than 120 days, most of them closed.
    DemoHistory demo(30000, 1);
    const qint64 end = DemoHistory::endMs();
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_investigations")) == demo.scaled(0.002, 5));
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_investigations i WHERE NOT EXISTS (SELECT 1 FROM ci_leads l "
                                    "WHERE l.id = i.lead_id AND i.title = 'Joint investigation: ' || l.summary)")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_investigations WHERE opened_at < ? OR opened_at >= ?"),
                     {demo.startMs(), end}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_investigations WHERE status = 'closed' AND opened_at >= ?"),
                     {end - 120 * kDay}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_investigations WHERE status = 'closed'")) > 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_investigations WHERE status = 'open'")) > 0);
    // Three to five tasks each, for a unit of the hub, due 3 to 22 days after the opening, all done
    // once the investigation is closed.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_investigations i WHERE (SELECT COUNT(*) FROM ci_task_division t "
                                    "WHERE t.investigation_id = i.id) NOT BETWEEN 3 AND 5")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_task_division t JOIN ci_investigations i ON i.id = t.investigation_id "
                                    "WHERE t.due_at < i.opened_at + ? OR t.due_at > i.opened_at + ? "
                                    "OR (i.status = 'closed' AND t.status <> 'done') "
                                    "OR NOT EXISTS (SELECT 1 FROM hub_units u WHERE u.id = t.unit) "
                                    "OR t.assignment NOT IN ('Trace the phones in the call records', 'Interview the victims again', "
                                    "'Collect the camera footage', 'Check pawn shop registers', 'Watch the address at night', "
                                    "'Prepare the search warrant application')"),
                     {3 * kDay, 22 * kDay}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM ci_task_division WHERE status = 'open'")) > 0);
}

TEST_CASE("criminal_intel: the same seed gives the same demo leads, another seed other leads, more incidents more leads",
          "[criminal_intel][demo]")
{
    DemoHistory a(1500, 1), b(1500, 1), other(1500, 2), bigger(6000, 1);
    for (const QString& table : kTables) {
        INFO(table.toStdString());
        const QStringList rows = a.tableRows(table);
        CHECK(!rows.isEmpty());
        CHECK(rows == b.tableRows(table));
    }
    CHECK(a.tableRows(QStringLiteral("ci_leads")) != other.tableRows(QStringLiteral("ci_leads")));
    CHECK(a.tableRows(QStringLiteral("ci_entities")) != other.tableRows(QStringLiteral("ci_entities")));
    // Two leads in every 100 incidents, at least 40; two investigations in every 1,000, at least 5.
    CHECK(a.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads")) == 40);
    CHECK(bigger.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads")) == 120);
    CHECK(a.count(QStringLiteral("SELECT COUNT(*) FROM ci_investigations")) == 5);
    CHECK(bigger.count(QStringLiteral("SELECT COUNT(*) FROM ci_investigations")) == 12);
}
