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

#include "base/clock.h"
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
