// Datasets (issue 20 section 1): a file imported with its mapping and provenance, off the calling
// thread, its rows stored with the personal cells masked, the rows that do not fit the types kept
// with their line and reason; the import journaled and audited, applied once; refused without the
// permission, refused with a mapping that does not fit, and cancelled without leaving anything;
// a row revealed with a reason; the dataset loaded for a model; expired datasets purged, audited.
#include "testsupport.h"

#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/model.h"
#include "hexhub/bigdata_investigation/modelrun.h"
#include "hexhub/bigdata_investigation/tradedemo.h"

#include "hexhub/case_management/snapshot.h"
#include "hexhub/hub/snapshot.h"
#include "hexhub/supervision/snapshot.h"

#include "base/clock.h"
#include "security/session.h"
#include "security/audit.h"
#include "store/sql.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFutureWatcher>
#include <QTemporaryDir>
#include <QTextStream>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::bigdata;

namespace {

constexpr qint64 kDay = 24 * 3600 * 1000;

struct Centre
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    std::unique_ptr<DatasetService> datasets;
    QTemporaryDir dir;

    explicit Centre(const QString& role = QStringLiteral("bigdata_investigation_operator"))
    {
        tp.start();
        signInAs(tp, QStringLiteral("ana"), role);
        datasets = std::make_unique<DatasetService>(tp->store(), tp->session(), tp->audit());
    }
    qint64 now() { return tp->clock().nowMs(); }
    qint64 count(const QString& sql, const QVariantList& params = {})
    {
        return await(tp->store().read([sql, params](Sql& s) { return s.scalar(sql, params).toLongLong(); }));
    }
    DatasetProvenance provenance(const QString& name = QStringLiteral("Listings export"))
    {
        return DatasetProvenance{name, QStringLiteral("Seizure W-TEST-0001"), QStringLiteral("Criminal Procedure Law art. 141"), now() + 365 * kDay};
    }
    // The trade data as a CSV of `rows` rows, then `bad` lines whose price is not a number.
    QString tradeCsv(qsizetype rows, int bad, TradeDemo* demo = nullptr)
    {
        const QString path = dir.filePath(QStringLiteral("trade-%1.csv").arg(rows));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        const TradeDemo made = writeTradeCsv(f, {.seed = 5, .rows = rows, .ringSize = 70});
        QTextStream out(&f);
        for (int i = 0; i < bad; ++i)
            out << "2026-05-01 10:00:00,DEMO-ACCT-99999999,100-5550-0001,DEMO-DEV-1,198.18.0.1,somewhere,x,,a lot\n";
        out << "too,few,fields\n";
        if (demo)
            *demo = made;
        return path;
    }
    static QList<ColumnSpec> mapping() { return makeTradeDemo({.seed = 1, .rows = 0, .ringSize = 0}, nullptr).columns; }
};

} // namespace

TEST_CASE("bigdata_investigation: a file imported with its mapping and provenance, rows masked, misfits kept with their line",
          "[bigdata_investigation][datasets]")
{
    Centre c;
    TradeDemo demo;
    const QString path = c.tradeCsv(3000, 2, &demo);
    const CommandId command = CommandId::make();
    QFuture<Dataset> importing = c.datasets->importFile(path, {}, Centre::mapping(), c.provenance(), command);
    QFutureWatcher<Dataset> watcher;
    QList<int> progress;
    QObject::connect(&watcher, &QFutureWatcher<Dataset>::progressValueChanged, [&](int v) { progress << v; });
    watcher.setFuture(importing);
    const Dataset d = await(importing);
    CHECK(d.name == QStringLiteral("Listings export"));
    CHECK(d.origin == QStringLiteral("Seizure W-TEST-0001"));
    CHECK(d.legalBasis == QStringLiteral("Criminal Procedure Law art. 141"));
    CHECK(d.importedBy == QStringLiteral("ana"));
    CHECK(d.sourceFile == QFileInfo(path).fileName());
    CHECK(d.format == QStringLiteral("csv"));
    CHECK(d.encoding == QStringLiteral("UTF-8"));
    CHECK(d.rowCount == 3000);
    CHECK(d.rejectedCount == 3); // two prices that are no number, one short line
    CHECK(d.columns == Centre::mapping());
    CHECK(waitUntil([&] { return !progress.isEmpty() && progress.last() == 1000; }));

    // Paged in order, masked; a search finds a row by its account, not by a hidden phone.
    const QList<DatasetRow> first = await(c.datasets->rows(d.id, 0, 100));
    REQUIRE(first.size() == 100);
    CHECK(first.first().rowNo == 1);
    CHECK(first.first().lineNo == 2);
    CHECK(first.last().rowNo == 100);
    CHECK(first.first().cells[2].startsWith(QStringLiteral("*****")));
    CHECK(first.first().cells[1].startsWith(QStringLiteral("DEMO-ACCT-")));
    const QList<DatasetRow> next = await(c.datasets->rows(d.id, 100, 100));
    CHECK(next.first().rowNo == 101);
    const QString account = first[7].cells[1];
    const QList<DatasetRow> found = await(c.datasets->rows(d.id, 0, 100, account.toLower()));
    REQUIRE(!found.isEmpty());
    for (const DatasetRow& r : found)
        CHECK(r.cells[1] == account);
    const QString phone = await(c.datasets->reveal(d.id, 1, QStringLiteral("Checking the seller's number for the lead")))[2];
    CHECK(phone.startsWith(QStringLiteral("100-55")));
    CHECK(await(c.datasets->rows(d.id, 0, 100, phone)).isEmpty());

    // The rows set aside, with their lines and reasons.
    const QList<TabularShape::Rejected> rejects = await(c.datasets->rejects(d.id, 0, 10));
    REQUIRE(rejects.size() == 3);
    CHECK(rejects[0].line == 3002);
    CHECK(rejects[0].reason.contains(QStringLiteral("price")));
    CHECK(rejects[2].line == 3004);
    CHECK(rejects[2].reason.contains(QStringLiteral("3 fields")));

    // Listed, journaled and audited; the same command again imports nothing more.
    const QList<Dataset> listed = await(c.datasets->datasets());
    REQUIRE(listed.size() == 1);
    CHECK(listed.first().id == d.id);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'dataset.imported'")) == 1);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'dataset.imported' AND actor = 'ana'")) == 1);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'personal_data.revealed' AND detail LIKE 'Checking%'")) == 1);
    const Dataset again = await(c.datasets->importFile(path, {}, Centre::mapping(), c.provenance(), command));
    CHECK(again.id == d.id);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_datasets")) == 1);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rows")) == 3000);

    SECTION("loaded for a model, the dataset finds the planted ring")
    {
        const std::shared_ptr<const RecordSet> records = await(c.datasets->load(d.id));
        REQUIRE(records->rowCount() == 3000);
        CHECK(records->line(0) == 2);
        QList<ModelProblem> problems;
        const auto model = findModel(QStringLiteral("shared-identifier-rings"), &problems);
        REQUIRE(model);
        const auto params = resolveParameters(*model, {}, records.get(), &problems);
        REQUIRE(params);
        const auto result = runModel(*model, *params, *records);
        REQUIRE(result);
        REQUIRE(!result->hits.isEmpty());
        CHECK(result->hits.first().members == demo.ringAccounts);
    }

    SECTION("the purge removes it once its retention date has passed, journaled and audited")
    {
        CHECK(await(c.datasets->purgeExpired()) == 0);
        static_cast<SimulatedClock&>(c.tp->clock()).advance(366 * kDay);
        CHECK(await(c.datasets->purgeExpired()) == 1);
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_datasets")) == 0);
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rows")) == 0);
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rejects")) == 0);
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'dataset.purged'")) == 1);
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'dataset.purged'")) == 1);
    }
}

TEST_CASE("bigdata_investigation: an import refused, mismatched or cancelled leaves nothing", "[bigdata_investigation][datasets]")
{
    SECTION("without the permission: refused, and the refusal audited")
    {
        Centre c(QStringLiteral("criminal_intel_operator"));
        const QString path = c.tradeCsv(100, 0);
        CHECK(failureOf(c.datasets->importFile(path, {}, Centre::mapping(), c.provenance())).contains(QStringLiteral("import a dataset")));
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'dataset.imported' AND outcome = 'denied'")) == 1);
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_datasets")) == 0);
        CHECK(!failureOf(c.datasets->datasets()).isEmpty());
    }

    Centre c;
    SECTION("provenance is required, the retention in the future")
    {
        const QString path = c.tradeCsv(100, 0);
        DatasetProvenance p = c.provenance();
        p.legalBasis.clear();
        CHECK(failureOf(c.datasets->importFile(path, {}, Centre::mapping(), p)).contains(QStringLiteral("legal basis")));
        p = c.provenance();
        p.retainUntil = c.now() - 1;
        CHECK(failureOf(c.datasets->importFile(path, {}, Centre::mapping(), p)).contains(QStringLiteral("future")));
        QList<ColumnSpec> twice = Centre::mapping();
        twice[1].name = twice[0].name;
        CHECK(failureOf(c.datasets->importFile(path, {}, twice, c.provenance())).contains(QStringLiteral("Two columns")));
    }

    SECTION("a mapping of another width: refused with both counts, nothing left")
    {
        const QString path = c.tradeCsv(100, 0);
        QList<ColumnSpec> short_ = Centre::mapping();
        short_.removeLast();
        const QString why = failureOf(c.datasets->importFile(path, {}, short_, c.provenance()));
        CHECK(why.contains(QStringLiteral("9 column")));
        CHECK(why.contains(QStringLiteral("8")));
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_datasets")) == 0);
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rows")) == 0);
    }

    SECTION("a binary file: refused, nothing left")
    {
        const QString path = c.dir.filePath(QStringLiteral("photo.csv"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        f.close();
        CHECK(failureOf(c.datasets->importFile(path, {}, Centre::mapping(), c.provenance())).contains(QStringLiteral("NUL")));
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_datasets")) == 0);
    }

    SECTION("cancelled once rows are being written: no dataset, no row")
    {
        const QString path = c.tradeCsv(60'000, 0);
        QFuture<Dataset> importing = c.datasets->importFile(path, {}, Centre::mapping(), c.provenance());
        // Cancelled once the first batches are in the store.
        REQUIRE(waitUntil([&] { return c.count(QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rows")) > 0 || importing.isFinished(); }, 60000));
        REQUIRE(!importing.isFinished());
        importing.cancel();
        REQUIRE(waitUntil([&] { return c.count(QStringLiteral("SELECT COUNT(*) FROM bd_datasets")) == 0; }, 60000));
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rows")) == 0);
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'dataset.imported'")) == 0);
        CHECK(waitUntil([&] { return importing.isFinished(); }));
        CHECK(importing.isCanceled());
    }

    SECTION("a reveal needs the permission and a reason")
    {
        const Dataset d = await(c.datasets->importFile(c.tradeCsv(50, 0), {}, Centre::mapping(), c.provenance()));
        CHECK(failureOf(c.datasets->reveal(d.id, 1, QStringLiteral("why"))).contains(QStringLiteral("reason")));
        signInAs(c.tp, QStringLiteral("hubsup"), QStringLiteral("hub_supervisor"));
        CHECK(failureOf(c.datasets->reveal(d.id, 1, QStringLiteral("just looking around"))).contains(QStringLiteral("personal data")));
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'personal_data.revealed' AND outcome = 'denied'")) == 1);
    }
}

TEST_CASE("bigdata_investigation: a period's incidents taken from the hub as a dataset, the caller's contact masked, by permission",
          "[bigdata_investigation][datasets][snapshot]")
{
    Centre c;
    const qint64 t0 = c.now();
    // Three incidents, two in the period; one with a unit on scene 7 minutes after the call.
    await(c.tp->store().write(WriteContext{QStringLiteral("hub"), QStringLiteral("test"), {}}, [t0](WriteTransaction& txn) {
        txn.exec(QStringLiteral("INSERT INTO hub_units (id, kind, status, status_since) VALUES ('P-1', 'patrol_car', 'available', 0)"));
        const auto incident = [&](int id, qint64 at, const QString& contact) {
            txn.exec(QStringLiteral("INSERT INTO hub_incidents (id, number, status, priority, category, source, summary, address, latitude, longitude, "
                                    "reporter_contact, created_at, updated_at) VALUES (?, ?, 'resolved', 2, 'burglary', 'call', 'Break-in', "
                                    "'12 Quay St, \"rear door\"', 30.5, 114.3, ?, ?, ?)"),
                     {id, QStringLiteral("2026-%1").arg(id, 6, 10, QLatin1Char('0')), contact, at, at});
        };
        incident(1, t0 - 10 * kDay, QStringLiteral("13800138000"));
        incident(2, t0 - 2 * kDay, QStringLiteral("13900139000"));
        incident(3, t0 - kDay, QStringLiteral("13700137000"));
        txn.exec(QStringLiteral("INSERT INTO hub_dispatches (incident_id, unit_id, dispatched_at, arrived_at, dispatched_by) VALUES (2, 'P-1', ?, ?, 'chief')"),
                 {t0 - 2 * kDay + 60'000, t0 - 2 * kDay + 420'000});
    }));
    const SnapshotSource incidents = hexhub::hub::incidentSnapshotSource();
    DatasetProvenance p = c.provenance(QStringLiteral("Burglaries, last week"));
    p.origin = QStringLiteral("Hexhub hub incidents");
    const Dataset d = await(c.datasets->importSnapshot(incidents, t0 - 7 * kDay, t0, p), 60000);
    CHECK(d.rowCount == 2);
    CHECK(d.rejectedCount == 0);
    CHECK(d.sourceFile.startsWith(QStringLiteral("hub.incidents ")));
    CHECK(d.columns.size() == incidents.columns.size());
    const QList<DatasetRow> rows = await(c.datasets->rows(d.id, 0, 10));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].cells[0] == QStringLiteral("2026-000002"));
    CHECK(rows[0].cells[6] == QStringLiteral("420")); // seconds to the first unit on scene
    CHECK(rows[0].cells[7] == QStringLiteral("30.500000,114.300000"));
    CHECK(rows[0].cells[8] == QStringLiteral("12 Quay St, \"rear door\""));
    CHECK(rows[1].cells[6].isEmpty());
    // The caller's number never leaves the hub whole, not even in the dataset's own cells.
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rows WHERE cells LIKE '%13900139000%' OR cells LIKE '%13700137000%'")) == 0);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'dataset.imported' AND outcome = 'success'")) == 1);

    // A period with nothing in it, a period the wrong way round: refused with the reason, nothing kept.
    CHECK(failureOf(c.datasets->importSnapshot(incidents, t0 - 100 * kDay, t0 - 50 * kDay, p)).contains(QStringLiteral("nothing of")));
    CHECK(failureOf(c.datasets->importSnapshot(incidents, t0, t0 - kDay, p)).contains(QStringLiteral("ends before it starts")));
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_datasets")) == 1);

    SECTION("without the hub's permission to take incidents: refused and audited")
    {
        Principal without = c.tp->session().principal();
        without.permissions.remove(QStringLiteral("hub.incident.snapshot"));
        c.tp->session().setPrincipal(without);
        CHECK(!failureOf(c.datasets->importSnapshot(incidents, t0 - 7 * kDay, t0, p)).isEmpty());
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'dataset.imported' AND outcome = 'denied'")) == 1);
        CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_datasets")) == 1);
    }
}

TEST_CASE("bigdata_investigation: public demands and case events taken from their centres as datasets, no contact whole",
          "[bigdata_investigation][datasets][snapshot]")
{
    Centre c;
    const qint64 t0 = c.now();
    await(c.tp->store().write(WriteContext{QStringLiteral("test"), QStringLiteral("test"), {}}, [t0](WriteTransaction& txn) {
        txn.exec(QStringLiteral("INSERT INTO sv_demands (reference, channel, category, summary, contact, status, received_at, sla_due_at) "
                                "VALUES ('12345-0001', 'hotline_12345', 'noise', 'Bar music at night', '13912345678', 'routed', ?, ?)"),
                 {t0 - 3 * kDay, t0 + 2 * kDay});
        txn.exec(QStringLiteral("INSERT INTO cm_cases (number, title, kind, fast_track, status, opened_at, due_at) "
                                "VALUES ('C-2026-0042', 'Shoplifting', 'criminal', 1, 'investigating', ?, ?)"),
                 {t0 - kDay, t0 + kDay});
        txn.exec(QStringLiteral("INSERT INTO cm_custody (case_id, person_ref, legal_basis, started_at, limit_at, next_check_at, retain_until) "
                                "VALUES (1, 'DEMO-ID-110101199001011234', 'CPL art. 82', ?, ?, ?, ?)"),
                 {t0 - kDay, t0 + kDay, t0, t0 + 365 * kDay});
    }));
    DatasetProvenance p = c.provenance(QStringLiteral("Demands, last week"));
    const Dataset demands = await(c.datasets->importSnapshot(hexhub::supervision::demandSnapshotSource(), t0 - 7 * kDay, t0, p), 60000);
    CHECK(demands.rowCount == 1);
    QList<DatasetRow> rows = await(c.datasets->rows(demands.id, 0, 10));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].cells[1] == QStringLiteral("hotline_12345"));
    CHECK(rows[0].cells[8].endsWith(QStringLiteral("5678")));
    CHECK(!rows[0].cells[8].contains(QStringLiteral("1391234")));
    p.name = QStringLiteral("Cases, last week");
    const Dataset cases = await(c.datasets->importSnapshot(hexhub::cases::caseSnapshotSource(), t0 - 7 * kDay, t0, p), 60000);
    CHECK(cases.rowCount == 1);
    rows = await(c.datasets->rows(cases.id, 0, 10));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].cells[0] == QStringLiteral("C-2026-0042"));
    CHECK(rows[0].cells[2] == QStringLiteral("1"));
    CHECK(rows[0].cells[7] == QStringLiteral("1")); // one person held, and nobody named
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rows WHERE cells LIKE '%110101199001011234%' OR cells LIKE '%13912345678%'")) == 0);
}
