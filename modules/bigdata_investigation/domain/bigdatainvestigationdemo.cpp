// Big-data investigation's share of the demo history (issue 20 section 4): the personal-data trade
// dataset with its planted ring among innocent noise, imported from a seized server's export two
// days before the history ends, and a register of reported burglaries; every row stored as the
// import stores it (cells, masked cells), with its mapping, provenance and retention.
#include "hexhub/bigdata_investigation/demo.h"
#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/model.h"
#include "hexhub/bigdata_investigation/modelrun.h"
#include "hexhub/bigdata_investigation/modelservice.h"
#include "hexhub/bigdata_investigation/tradedemo.h"
#include "bigdatadeadlines_p.h"
#include "datasetrows_p.h"

#include "base/coretr.h"
#include "module/demodata.h"
#include "module/extensions.h"
#include "store/sql.h"

#include <QCoreApplication>

#include <algorithm>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace hexhub::bigdata {

namespace {

constexpr qint64 kDay = 24 * 3600 * 1000;

// Rows go in a hundred a statement, as the import writes them.
class RowWriter
{
public:
    RowWriter(DemoContext& demo, qint64 dataset, QList<ColumnSpec> mapping)
        : m_demo(demo), m_dataset(dataset), m_mapping(mapping), m_records(std::move(mapping))
    {
    }
    ~RowWriter() { flush(); }

    void add(const QStringList& cells)
    {
        ++m_rowNo;
        m_records.append(cells, m_rowNo + 1);
        m_params << m_dataset << m_rowNo << m_rowNo + 1 << detail::jsonArray(cells) << detail::jsonArray(detail::maskedCells(cells, m_mapping));
        if (++m_pending == 100)
            flush();
    }
    qint64 rows() const { return m_rowNo; }
    //! The rows as a model reads them (the demo's runs are real runs over them).
    const RecordSet& records() const { return m_records; }

    void flush()
    {
        if (m_pending == 0)
            return;
        QString sql = QStringLiteral("INSERT INTO bd_dataset_rows (dataset_id, row_no, line_no, cells, cells_masked) VALUES ");
        for (int i = 0; i < m_pending; ++i)
            sql += i == 0 ? QStringLiteral("(?, ?, ?, ?, ?)") : QStringLiteral(", (?, ?, ?, ?, ?)");
        m_demo.txn().execCached(sql, m_params);
        m_demo.wrote(m_pending);
        m_params.clear();
        m_pending = 0;
    }

private:
    DemoContext& m_demo;
    qint64 m_dataset;
    QList<ColumnSpec> m_mapping;
    RecordSet m_records;
    QVariantList m_params;
    int m_pending = 0;
    qint64 m_rowNo = 0;
};

qint64 addDataset(DemoContext& demo, const QString& name, const QString& origin, const QString& basis, const QString& file,
                  const QList<ColumnSpec>& mapping, qint64 importedAt)
{
    return demo.insertReturningId(
        QStringLiteral("INSERT INTO bd_datasets (name, origin, legal_basis, record_count, imported_at, retain_until, imported_by, source_file, "
                       "format, encoding, columns, rejected_count, state) VALUES (?, ?, ?, 0, ?, ?, ?, ?, 'csv', 'UTF-8', ?, 0, 'importing')"),
        {name, origin, basis, importedAt, importedAt + 2 * 365 * kDay, DemoContext::userOf(QStringLiteral("bigdata_investigation_operator")),
         file, mappingToJson(mapping)});
}

void finish(DemoContext& demo, qint64 id, qint64 rows)
{
    demo.txn().exec(QStringLiteral("UPDATE bd_datasets SET state = 'ready', record_count = ? WHERE id = ?"), {rows, id});
    // On the hub's deadline queue as an import puts it there.
    QSqlQuery d = demo.txn().exec(QStringLiteral("SELECT name, retain_until FROM bd_datasets WHERE id = ?"), {id});
    if (d.next())
        deadlines::setRetention(demo.txn(), id, d.value(0).toString(), d.value(1).toLongLong());
}

// A run of a bundled model over the demo's rows, as the desk would have made it at `at`: the run and
// its hits with their evidence (the rows masked); `review` says how each hit (by rank) was decided.
struct Decision
{
    HitStatus status;
    const char* reason;
};
void addRun(DemoContext& demo, const QString& modelId, const QMap<QString, QJsonValue>& given, qint64 dataset, const QString& datasetName,
            const RecordSet& records, qint64 at, const QList<Decision>& review)
{
    QList<ModelProblem> problems;
    const auto model = findModel(modelId, &problems);
    if (!model)
        throw std::runtime_error("a bundled model is missing");
    const auto parameters = resolveParameters(*model, given, &records, &problems);
    if (!parameters)
        throw std::runtime_error("the demo's parameters do not fit");
    ModelRunOptions options;
    options.maxHits = 50;
    const auto result = runModel(*model, *parameters, records, options);
    if (!result)
        throw std::runtime_error("a demo run failed");
    QJsonObject asGiven;
    for (auto it = given.begin(); it != given.end(); ++it)
        asGiven.insert(it.key(), it.value());
    const QString analyst = DemoContext::userOf(QStringLiteral("bigdata_investigation_operator"));
    const qint64 run = demo.insertReturningId(
        QStringLiteral("INSERT INTO bd_runs (model_id, model_version, model_source, parameters, dataset_id, dataset_name, state, started_at, "
                       "finished_at, started_by, rows_seen, hit_count, notes) VALUES (?, ?, ?, ?, ?, ?, 'finished', ?, ?, ?, ?, ?, ?)"),
        {model->id, model->version, QString::fromUtf8(model->source), QString::fromUtf8(QJsonDocument(asGiven).toJson(QJsonDocument::Compact)),
         dataset, datasetName, at, at + 40'000, analyst, result->rowsSeen, result->hitCount,
         QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(result->notes)).toJson(QJsonDocument::Compact))});
    for (qsizetype i = 0; i < result->hits.size(); ++i) {
        const ModelHit& hit = result->hits[i];
        QJsonObject evidence = hitToJson(hit, *model, *parameters, records, true);
        QJsonArray rows;
        for (qsizetype r : hit.rows.mid(0, 50))
            rows << QJsonObject{{QStringLiteral("row"), double(r + 1)},
                                {QStringLiteral("line"), double(records.line(r))},
                                {QStringLiteral("cells"), QJsonArray::fromStringList(detail::maskedCells(records.row(r), records.columns()))}};
        evidence.insert(QStringLiteral("rows"), rows);
        evidence.insert(QStringLiteral("dataset"), double(dataset));
        const Decision d = i < review.size() ? review[i] : Decision{HitStatus::New, nullptr};
        const bool decided = d.status != HitStatus::New;
        demo.insert(QStringLiteral("INSERT INTO bd_hits (run_id, rank, score, summary, summary_phrase, hit_key, evidence, status, reason, "
                                   "reviewed_by, reviewed_at, handed_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {run, int(i + 1), hit.score, hit.summary,
                     QString::fromUtf8(QJsonDocument(hit.summaryPhrase.toJson()).toJson(QJsonDocument::Compact)), hit.key,
                     QString::fromUtf8(QJsonDocument(evidence).toJson(QJsonDocument::Compact)),
                     hitStatusKey(d.status), decided ? QString::fromUtf8(d.reason) : QVariant(), decided ? analyst : QVariant(),
                     decided ? QVariant(at + 3'600'000) : QVariant(),
                     d.status == HitStatus::HandedOn ? QVariant(QStringLiteral("criminal_intel")) : QVariant()});
    }
    // Hits left to review are on the hub's deadline queue from the run, as a desk's run puts them.
    const bool leftToReview = std::any_of(result->hits.begin(), result->hits.end(), [&](const ModelHit& hit) {
        const qsizetype i = &hit - result->hits.data();
        return i >= review.size() || review[i].status == HitStatus::New;
    });
    if (leftToReview)
        deadlines::setRunReview(demo.txn(), run, model->titleIn(QStringLiteral("en")), datasetName, at);
}

} // namespace

qint64 tradeDemoRows(qint64 incidents)
{
    // A seized export's size has nothing to do with the district's incidents: the case's 290,000
    // records in the demo (20,000 incidents) and any larger history; a small history (the tests')
    // gets 3,000, enough for the whole ring and its noise.
    return incidents >= 20'000 ? 290'000 : 3'000;
}

void writeDemoData(DemoContext& demo)
{
    // The trade data: a seized marketplace server's export, imported two days before the end.
    const qint64 rows = tradeDemoRows(demo.options().incidents);
    const qint64 importedAt = demo.endMs() - 2 * kDay;
    TradeDemoOptions options;
    options.seed = demo.options().seed;
    options.rows = rows;
    options.endMs = importedAt - kDay;
    const QList<ColumnSpec> mapping = makeTradeDemo({.seed = 1, .rows = 0, .ringSize = 0}, nullptr).columns;
    const qint64 trade = addDataset(demo, Tr::tr("Marketplace listings, seized server export"), QStringLiteral("Seizure W-DEMO-0147"),
                                    Tr::tr("Criminal Procedure Law art. 141: electronic data seized under warrant"),
                                    QStringLiteral("marketplace-export.csv"), mapping, importedAt);
    {
        RowWriter writer(demo, trade, mapping);
        makeTradeDemo(options, [&](const QStringList& row) { writer.add(row); });
        writer.flush();
        finish(demo, trade, writer.rows());
        // The analyst looked for sudden phone numbers the day it came in (the ring itself is for the
        // trainee to find with the ring model).
        QMap<QString, QJsonValue> daily;
        daily.insert(QStringLiteral("bucket"), QStringLiteral("1d"));
        addRun(demo, QStringLiteral("identifier-spike"), daily, trade, Tr::tr("Marketplace listings, seized server export"), writer.records(),
               importedAt + 3 * 3'600'000, {});
    }

    // Reported burglaries of the last 90 days (place and time), for the space-time model: a run of
    // them in one estate among scattered ones.
    const QList<ColumnSpec> burglaryMapping{{QStringLiteral("reported"), ColumnType::DateTime, {}, false},
                                            {QStringLiteral("place"), ColumnType::Place, {}, false},
                                            {QStringLiteral("method"), ColumnType::Text, {}, false}};
    const qint64 burglaries = addDataset(demo, Tr::tr("Burglaries reported, last 90 days"), QStringLiteral("Hub incident register"),
                                         Tr::tr("Police Law art. 6: prevention and investigation of crime"), QStringLiteral("burglaries-90d.csv"),
                                         burglaryMapping, demo.endMs() - 5 * kDay);
    {
        QRandomGenerator64 random = demo.random(QStringLiteral("burglaries"));
        RowWriter writer(demo, burglaries, burglaryMapping);
        static const char* const kMethods[] = {"door forced", "window left open", "lock snapped", "climbed balcony"};
        const qint64 count = std::clamp<qint64>(demo.scaled(0.02, 200), 200, 4000);
        const qint64 from = demo.endMs() - 95 * kDay;
        for (qint64 i = 0; i < count; ++i) {
            const GeoPoint p = demo.district().alongStreet(demo.district().randomStreet(random), random.bounded(1.0));
            const qint64 at = from + qint64(random.bounded(double(90 * kDay)));
            writer.add({QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                        QStringLiteral("%1,%2").arg(p.latitude, 0, 'f', 6).arg(p.longitude, 0, 'f', 6),
                        QString::fromLatin1(kMethods[random.bounded(4)])});
        }
        // The series: six in one estate over three nights, ten days before the import.
        const GeoPoint estate = demo.district().alongStreet(3, 0.4);
        for (int i = 0; i < 6; ++i) {
            const qint64 at = demo.endMs() - 15 * kDay + (i / 2) * kDay + qint64(random.bounded(4 * 3600)) * 1000;
            writer.add({QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                        QStringLiteral("%1,%2").arg(estate.latitude + 0.0004 * (i % 3), 0, 'f', 6).arg(estate.longitude - 0.0003 * (i % 2), 0, 'f', 6),
                        QStringLiteral("lock snapped")});
        }
        writer.flush();
        finish(demo, burglaries, writer.rows());
        // The space-time model over them: the estate's series confirmed and handed on, the rest waiting.
        QMap<QString, QJsonValue> reported;
        reported.insert(QStringLiteral("time"), QStringLiteral("reported"));
        addRun(demo, QStringLiteral("space-time-clusters"), reported, burglaries, Tr::tr("Burglaries reported, last 90 days"), writer.records(),
               demo.endMs() - 5 * kDay + 3'600'000,
               {{HitStatus::HandedOn, "Six break-ins in one estate in three nights, same method: likely one crew"},
                {HitStatus::Dismissed, "Two streets apart and a month between: not one series"}});
    }
}

QFuture<QString> colleagueReviews(Store& store, Session& session, AuditLog& audit, quint64 draw)
{
    // A colleague at the desk in demo mode: takes the weakest new hit of the queue (each run's best
    // is left for the trainee) and decides it with a reason, as a person at this desk would: below
    // half a score dismissed, else sent back for more data. Through the centre's own services, in the
    // colleague's name: journaled, audited, on the deadline queue like any review.
    auto datasets = std::make_shared<DatasetService>(store, session, audit);
    auto models = std::make_shared<ModelService>(store, session, audit, *datasets);
    return models->queue({HitStatus::New}, 200)
        .then([models, datasets, draw](const QList<StoredHit>& waiting) -> QFuture<QString> {
            // Best first: the weakest is the last; each run's best hit stays for the trainee.
            const auto weakest = std::find_if(waiting.crbegin(), waiting.crend(), [](const StoredHit& h) { return h.rank > 1; });
            if (weakest == waiting.crend())
                return QtFuture::makeReadyFuture(QString());
            const StoredHit& hit = *weakest;
            const bool weak = hit.score < 0.5;
            static const char* const kDismiss[] = {QT_TRANSLATE_NOOP("hexhub::bigdata::Colleague", "Checked: an ordinary pattern, nothing to follow up"),
                                                   QT_TRANSLATE_NOOP("hexhub::bigdata::Colleague", "Checked against last month's: the same shop's usual trade")};
            static const char* const kMore[] = {QT_TRANSLATE_NOOP("hexhub::bigdata::Colleague", "Asked the operator for the subscriber records"),
                                                QT_TRANSLATE_NOOP("hexhub::bigdata::Colleague", "Waiting for the bank's answer on the accounts")};
            const char* reason = weak ? kDismiss[draw % 2] : kMore[draw % 2];
            return models->review(hit.id, hit.version, weak ? HitStatus::Dismissed : HitStatus::MoreData,
                                  QCoreApplication::translate("hexhub::bigdata::Colleague", reason))
                .then([models, datasets, weak](const StoredHit& reviewed) {
                    return weak ? Tr::tr("A colleague at the big-data desk dismissed hit %1").arg(reviewed.id)
                                : Tr::tr("A colleague at the big-data desk asked for more data on hit %1").arg(reviewed.id);
                });
        })
        .unwrap();
}

SimulationShare simulationShare()
{
    SimulationShare share;
    share.followUps = {
        {QStringLiteral("missing_person"), 0.5, [](const QString& address) { return Tr::tr("Search the records for sightings near %1").arg(address); }},
    };
    share.colleagues = {{QStringLiteral("bigdata_investigation_operator"), 2 * 3600'000, &colleagueReviews}};
    return share;
}

} // namespace hexhub::bigdata
