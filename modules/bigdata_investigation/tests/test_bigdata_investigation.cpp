// Big-data investigation's tables and demo share (issues 17 and 20): its tables as its README lists
// them, scoped to the centre on a shared server (the hub reads the datasets and hits, not a dataset's
// rows), and its share of the demo history written through the training engine's generator: the
// personal-data trade dataset with its planted ring stored as an import stores it (mapping,
// provenance, retention, cells and masked cells), and the register of burglaries with its series;
// in proportion and the same from the same seed. On SQLite and again on PostgreSQL.
#include "demohistory.h"

#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/demo.h"
#include "hexhub/bigdata_investigation/tradedemo.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace hexhub;
using namespace hexhub::test;

namespace {

constexpr qint64 kDay = DemoHistory::kDay;

} // namespace

TEST_CASE("bigdata_investigation: the tables its README lists, with their columns, scoped to the centre on a shared server",
          "[bigdata_investigation]")
{
    DemoHistory store;
    checkCentreTables(
        store, QStringLiteral("bigdata_investigation"), QStringLiteral("bd_"),
        {{QStringLiteral("bd_datasets"),
          {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("origin"), QStringLiteral("legal_basis"), QStringLiteral("record_count"),
           QStringLiteral("imported_at"), QStringLiteral("retain_until"), QStringLiteral("imported_by"), QStringLiteral("source_file"),
           QStringLiteral("format"), QStringLiteral("encoding"), QStringLiteral("columns"), QStringLiteral("rejected_count"),
           QStringLiteral("state"), QStringLiteral("import_command"), QStringLiteral("version")}},
         {QStringLiteral("bd_dataset_rows"),
          {QStringLiteral("dataset_id"), QStringLiteral("row_no"), QStringLiteral("line_no"), QStringLiteral("cells"), QStringLiteral("cells_masked"),
           QStringLiteral("cells_keyed")}},
         {QStringLiteral("bd_dataset_rejects"), {QStringLiteral("dataset_id"), QStringLiteral("line_no"), QStringLiteral("reason"), QStringLiteral("text")}},
         {QStringLiteral("bd_model_versions"),
          {QStringLiteral("model_id"), QStringLiteral("version"), QStringLiteral("source"), QStringLiteral("saved_at"), QStringLiteral("saved_by")}},
         {QStringLiteral("bd_runs"),
          {QStringLiteral("id"), QStringLiteral("model_id"), QStringLiteral("model_version"), QStringLiteral("model_source"),
           QStringLiteral("parameters"), QStringLiteral("dataset_id"), QStringLiteral("dataset_name"), QStringLiteral("state"),
           QStringLiteral("started_at"), QStringLiteral("finished_at"), QStringLiteral("started_by"), QStringLiteral("rows_seen"),
           QStringLiteral("hit_count"), QStringLiteral("notes"), QStringLiteral("error"), QStringLiteral("version")}},
         {QStringLiteral("bd_hits"),
          {QStringLiteral("id"), QStringLiteral("run_id"), QStringLiteral("rank"), QStringLiteral("score"), QStringLiteral("summary"),
           QStringLiteral("hit_key"), QStringLiteral("evidence"), QStringLiteral("status"), QStringLiteral("reason"), QStringLiteral("reviewed_by"),
           QStringLiteral("reviewed_at"), QStringLiteral("handed_to"), QStringLiteral("version")}},
         {QStringLiteral("bd_pseudonym_key"), {QStringLiteral("id"), QStringLiteral("key")}}});
    if (onPostgres()) {
        store.generate(1400, 1);
        checkScopedToCentre(store, QStringLiteral("bigdata_investigation"), {QStringLiteral("bd_datasets")}, QStringLiteral("criminal_intel"));
        ServerDesks desks(store, {QStringLiteral("bigdata_investigation"), QStringLiteral("criminal_intel"), QStringLiteral("hub")});
        const QString rows = QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rows");
        CHECK(desks.count(QStringLiteral("bigdata_investigation"), QStringLiteral("SELECT COUNT(cells_masked) FROM bd_dataset_rows")) == store.count(rows));
        // No desk reads a row's cells as imported, nor the pseudonyms' key; the hub and other centres no row at all.
        CHECK(desks.refused(QStringLiteral("bigdata_investigation"), QStringLiteral("SELECT COUNT(cells) FROM bd_dataset_rows")));
        CHECK(desks.refused(QStringLiteral("bigdata_investigation"), QStringLiteral("SELECT COUNT(*) FROM bd_pseudonym_key")));
        CHECK(desks.refused(QStringLiteral("hub"), rows));
        CHECK((desks.refused(QStringLiteral("criminal_intel"), rows) || desks.count(QStringLiteral("criminal_intel"), rows) == 0));

        // The centre's own login as a hostile desk: what the service would never do, the server refuses.
        const QString bd = QStringLiteral("bigdata_investigation");
        const auto refusedWith = [&](const QString& sql, const QString& words) {
            try {
                desks.value(bd, sql);
            } catch (const std::runtime_error& e) {
                INFO(e.what());
                return QString::fromUtf8(e.what()).contains(words);
            }
            return false;
        };
        const qint64 ready = store.count(QStringLiteral("SELECT MIN(id) FROM bd_datasets"));
        // A dataset's provenance, legal basis and retention never change; a kept one is not removed early.
        CHECK(desks.refused(bd, QStringLiteral("UPDATE bd_datasets SET legal_basis = 'none'")));
        CHECK(desks.refused(bd, QStringLiteral("UPDATE bd_datasets SET retain_until = retain_until * 2")));
        CHECK(desks.count(bd, QStringLiteral("WITH d AS (UPDATE bd_datasets SET state = 'importing' RETURNING 1) SELECT COUNT(*) FROM d")) == 0);
        CHECK(desks.count(bd, QStringLiteral("WITH d AS (DELETE FROM bd_datasets RETURNING 1) SELECT COUNT(*) FROM d")) == 0);
        CHECK(desks.count(bd, QStringLiteral("WITH d AS (DELETE FROM bd_dataset_rows RETURNING 1) SELECT COUNT(*) FROM d")) == 0);
        CHECK(store.count(rows) > 0);
        // No row is slipped into a finished dataset, and no row's cells are changed.
        CHECK(refusedWith(QStringLiteral("INSERT INTO bd_dataset_rows (dataset_id, row_no, line_no, cells, cells_masked) VALUES (%1, 999999, 1, "
                                         "'[\"x\"]', '[\"x\"]')").arg(ready),
                          QStringLiteral("row-level security")));
        CHECK(desks.refused(bd, QStringLiteral("UPDATE bd_dataset_rows SET cells = '[]'")));
        // A row written into its own unfinished import: the server masks and pseudonymises the
        // personal cell whatever the desk sent as masked.
        const qint64 mine = desks.count(bd, QStringLiteral(
            "INSERT INTO bd_datasets (name, origin, legal_basis, imported_at, retain_until, imported_by, columns, state) VALUES "
            "('x', 'y', 'zzzzz', 0, 9999999999999, 'someone else', '[{\"name\": \"phone\", \"type\": \"phone\", \"personal\": true}, "
            "{\"name\": \"n\", \"type\": \"integer\", \"personal\": false}]', 'importing') RETURNING id"));
        const QString written = desks.value(bd, QStringLiteral("INSERT INTO bd_dataset_rows (dataset_id, row_no, line_no, cells, cells_masked) "
                                                               "VALUES (%1, 1, 2, '[\"+86 100-5550-1234\", \"7\"]', '[\"+86 100-5550-1234\", \"7\"]') "
                                                               "RETURNING cells_masked || cells_keyed").arg(mine)).toString();
        CHECK(written.startsWith(QStringLiteral("[\"*************1234\", \"7\"]")));
        CHECK(written.contains(QStringLiteral("[\"#")));
        CHECK(!written.contains(QStringLiteral("5550")));
        CHECK(store.count(QStringLiteral("SELECT COUNT(*) FROM bd_datasets WHERE id = %1 AND imported_by LIKE 't_bigdata%'").arg(mine)) == 1);
        // Equal numbers written differently are one pseudonym; the key is the server's.
        desks.value(bd, QStringLiteral("INSERT INTO bd_dataset_rows (dataset_id, row_no, line_no, cells, cells_masked) "
                                       "VALUES (%1, 2, 3, '[\"10055501234\", \"8\"]', '[]') RETURNING 1").arg(mine));
        CHECK(desks.count(bd, QStringLiteral("SELECT COUNT(DISTINCT cells_keyed::jsonb ->> 0) FROM bd_dataset_rows WHERE dataset_id = %1").arg(mine)) == 1);
        // A hit's evidence and score are the run's: a review changes only its status and reason.
        CHECK(desks.refused(bd, QStringLiteral("UPDATE bd_hits SET evidence = '{}'")));
        CHECK(desks.refused(bd, QStringLiteral("UPDATE bd_hits SET score = 1")));
        CHECK(desks.refused(bd, QStringLiteral("DELETE FROM bd_hits")));
        CHECK(desks.refused(bd, QStringLiteral("UPDATE bd_model_versions SET source = '{}'")));
        // The pseudonyms' key is read by no desk; the cells are revealed by no hub desk.
        CHECK(desks.refused(QStringLiteral("hub"), QStringLiteral("SELECT hexhub_reveal('bd_dataset_rows', 'cells', 1, 'just curious today')")));
    }
}

TEST_CASE("bigdata_investigation: the demo's trade dataset holds the planted ring among noise, stored as an import stores it",
          "[bigdata_investigation][demo]")
{
    DemoHistory demo(1500, 1);
    const qint64 end = DemoHistory::endMs();
    CHECK(demo.report().modules.contains(QStringLiteral("bigdata_investigation")));

    const QList<QVariantList> sets = demo.rows(QStringLiteral(
        "SELECT id, name, origin, legal_basis, record_count, imported_at, retain_until, imported_by, columns, state, rejected_count "
        "FROM bd_datasets ORDER BY id"));
    REQUIRE(sets.size() == 2);
    // The trade data: its rows in proportion (290,000 at the demo's 20,000 incidents), imported two
    // days before the end by the centre's demo user from a seizure, kept two years, phone and
    // address marked personal.
    const QVariantList& trade = sets[0];
    CHECK(trade[2].toString() == QStringLiteral("Seizure W-DEMO-0147"));
    CHECK(!trade[3].toString().isEmpty());
    CHECK(trade[4].toLongLong() == bigdata::tradeDemoRows(1500));
    CHECK(bigdata::tradeDemoRows(20000) == 290000);
    CHECK(trade[5].toLongLong() == end - 2 * kDay);
    CHECK(trade[6].toLongLong() == trade[5].toLongLong() + 2 * 365 * kDay);
    CHECK(trade[7].toString() == QStringLiteral("demo.bigdata_investigation"));
    CHECK(trade[9].toString() == QStringLiteral("ready"));
    const QList<bigdata::ColumnSpec> mapping = bigdata::mappingFromJson(trade[8].toString());
    QStringList personal;
    for (const bigdata::ColumnSpec& c : mapping)
        if (c.personal)
            personal << c.name;
    CHECK(personal == QStringList{QStringLiteral("phone"), QStringLiteral("address")});
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rows WHERE dataset_id = ?"), {trade[0]}) == trade[4].toLongLong());
    // Rows numbered from 1 without a gap; the masked cells hide the phone but keep the account.
    CHECK(demo.count(QStringLiteral("SELECT MAX(row_no) - MIN(row_no) + 1 FROM bd_dataset_rows WHERE dataset_id = ?"), {trade[0]}) == trade[4].toLongLong());
    const QList<QVariantList> first = demo.rows(QStringLiteral("SELECT cells, cells_masked FROM bd_dataset_rows WHERE dataset_id = ? AND row_no = 1"), {trade[0]});
    REQUIRE(first.size() == 1);
    const QJsonArray cells = QJsonDocument::fromJson(first[0][0].toString().toUtf8()).array();
    const QJsonArray masked = QJsonDocument::fromJson(first[0][1].toString().toUtf8()).array();
    REQUIRE(cells.size() == 9);
    CHECK(cells[1] == masked[1]);
    CHECK(cells[2].toString().startsWith(QStringLiteral("100-55")));
    CHECK(masked[2].toString().startsWith(QStringLiteral("*****")));
    CHECK(masked[2].toString().right(4) == cells[2].toString().right(4));
    // The ring's accounts are in it, with their listings.
    const bigdata::TradeDemo planted = bigdata::makeTradeDemo({.seed = 1, .rows = 0, .ringSize = 70}, nullptr);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rows WHERE dataset_id = ? AND cells LIKE ?"),
                     {trade[0], QStringLiteral("%\"") + planted.ringAccounts.first() + QStringLiteral("\"%")})
          > 0);

    // The burglaries: mapped place and time, a series of six in one estate.
    const QVariantList& burglaries = sets[1];
    CHECK(burglaries[4].toLongLong() >= 206);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rows WHERE dataset_id = ?"), {burglaries[0]}) == burglaries[4].toLongLong());
}

TEST_CASE("bigdata_investigation: the same seed gives the same demo rows, another seed others", "[bigdata_investigation][demo]")
{
    DemoHistory a(1500, 1), b(1500, 1), other(1500, 2);
    const QString sql = QStringLiteral("SELECT dataset_id, row_no, cells FROM bd_dataset_rows WHERE row_no % 997 = 0 ORDER BY dataset_id, row_no");
    CHECK(a.rows(sql) == b.rows(sql));
    CHECK(a.rows(sql) != other.rows(sql));
}
