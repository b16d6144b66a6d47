// Models at the desk: library, saved versions, runs over stored datasets, stored hits, the review
// queue and the hand-over (issue 20 sections 2 and 3).
#include "hexhub/bigdata_investigation/modelservice.h"
#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/modelrun.h"
#include "hexhub/bigdata_investigation/records.h"
#include "bigdatadeadlines_p.h"
#include "datasetrows_p.h"

#include "base/background.h"
#include "base/clock.h"
#include "base/error.h"
#include "store/sqldialect.h"
#include "module/servicesupport.h"
#include "security/audit.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPromise>

#include <atomic>

namespace hexhub::bigdata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::bigdata::ModelService)
};

using service::check;
using service::failNow;

constexpr int kKeptHits = 1000;
const QString kRunPermission = QStringLiteral("bigdata_investigation.model.run");
const QString kReviewPermission = QStringLiteral("bigdata_investigation.hit.review");

WriteContext centreWrite(const Principal& actor)
{
    return service::writeAs(QStringLiteral("bigdata_investigation"), actor);
}

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QString compact(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

const QString kRunColumns = QStringLiteral(
    "id, model_id, model_version, model_source, parameters, dataset_id, dataset_name, state, started_at, finished_at, started_by, "
    "rows_seen, hit_count, notes, error");

ModelRunRecord readRun(const QSqlQuery& q)
{
    ModelRunRecord r;
    r.id = q.value(0).toLongLong();
    r.modelId = q.value(1).toString();
    r.modelVersion = q.value(2).toInt();
    if (const auto m = ModelDefinition::fromJson(q.value(3).toString().toUtf8(), nullptr))
        r.modelTitle = m->titleIn(QLocale().name());
    r.parameters = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    r.datasetId = q.value(5).toLongLong();
    r.datasetName = q.value(6).toString();
    r.state = q.value(7).toString();
    r.startedAt = q.value(8).toLongLong();
    r.finishedAt = q.value(9).toLongLong();
    r.startedBy = q.value(10).toString();
    r.rowsSeen = q.value(11).toLongLong();
    r.hitCount = q.value(12).toLongLong();
    for (const QJsonValue& n : QJsonDocument::fromJson(q.value(13).toString().toUtf8()).array())
        r.notes << n.toString();
    r.error = q.value(14).toString();
    return r;
}

ModelRunRecord loadRun(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM bd_runs WHERE id = ?").arg(kRunColumns), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No model run %1.").arg(id));
    return readRun(q);
}

const QString kHitColumns = QStringLiteral(
    "id, run_id, rank, score, summary, hit_key, evidence, status, reason, reviewed_by, reviewed_at, handed_to, version, summary_phrase, label");

QString pairLabelKey(PairLabel l)
{
    switch (l) {
    case PairLabel::Same:
        return QStringLiteral("same");
    case PairLabel::Different:
        return QStringLiteral("different");
    case PairLabel::Unsure:
        break;
    }
    return QStringLiteral("unsure");
}

std::optional<PairLabel> pairLabelFromKey(const QString& key)
{
    if (key == QLatin1String("same"))
        return PairLabel::Same;
    if (key == QLatin1String("different"))
        return PairLabel::Different;
    if (key == QLatin1String("unsure"))
        return PairLabel::Unsure;
    return std::nullopt;
}

StoredHit readHit(const QSqlQuery& q)
{
    StoredHit h;
    h.id = q.value(0).toLongLong();
    h.runId = q.value(1).toLongLong();
    h.rank = q.value(2).toInt();
    h.score = q.value(3).toDouble();
    h.summary = q.value(4).toString();
    h.key = q.value(5).toString();
    h.evidence = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    h.status = hitStatusFromKey(q.value(7).toString()).value_or(HitStatus::New);
    h.reason = q.value(8).toString();
    h.reviewedBy = q.value(9).toString();
    h.reviewedAt = q.value(10).toLongLong();
    h.handedTo = q.value(11).toString();
    h.version = q.value(12).toInt();
    // Read in today's language when the sentence was kept (hits of migration 3 on).
    const QString phrase = q.value(13).toString();
    if (!phrase.isEmpty())
        h.summary = Phrase::fromJson(QJsonDocument::fromJson(phrase.toUtf8()).object()).text();
    h.label = pairLabelFromKey(q.value(14).toString());
    return h;
}

StoredHit loadHit(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM bd_hits WHERE id = ?").arg(kHitColumns), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No hit %1.").arg(id));
    return readHit(q);
}

QJsonObject runJson(const ModelRunRecord& r)
{
    return QJsonObject{{QStringLiteral("id"), double(r.id)},
                       {QStringLiteral("model"), r.modelId},
                       {QStringLiteral("version"), r.modelVersion},
                       {QStringLiteral("title"), r.modelTitle},
                       {QStringLiteral("parameters"), r.parameters},
                       {QStringLiteral("dataset"), double(r.datasetId)},
                       {QStringLiteral("dataset_name"), r.datasetName},
                       {QStringLiteral("state"), r.state},
                       {QStringLiteral("rows"), double(r.rowsSeen)},
                       {QStringLiteral("hits"), double(r.hitCount)},
                       {QStringLiteral("error"), r.error}};
}

} // namespace

QString hitStatusKey(HitStatus status)
{
    switch (status) {
    case HitStatus::New:
        return QStringLiteral("new");
    case HitStatus::Confirmed:
        return QStringLiteral("confirmed");
    case HitStatus::Dismissed:
        return QStringLiteral("dismissed");
    case HitStatus::MoreData:
        return QStringLiteral("more_data");
    case HitStatus::HandedOn:
        return QStringLiteral("handed_on");
    }
    return {};
}

std::optional<HitStatus> hitStatusFromKey(const QString& key)
{
    for (HitStatus s : {HitStatus::New, HitStatus::Confirmed, HitStatus::Dismissed, HitStatus::MoreData, HitStatus::HandedOn})
        if (hitStatusKey(s) == key)
            return s;
    return std::nullopt;
}

QString hitStatusName(HitStatus status)
{
    switch (status) {
    case HitStatus::New:
        return Tr::tr("new");
    case HitStatus::Confirmed:
        return Tr::tr("confirmed");
    case HitStatus::Dismissed:
        return Tr::tr("dismissed");
    case HitStatus::MoreData:
        return Tr::tr("needs more data");
    case HitStatus::HandedOn:
        return Tr::tr("handed on");
    }
    return {};
}

QJsonObject ModelRunFinished::toJson() const
{
    return runJson(run);
}

std::optional<ModelRunFinished> ModelRunFinished::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("id")).isDouble() || !json.value(QStringLiteral("model")).isString())
        return std::nullopt;
    ModelRunRecord r;
    r.id = qint64(json.value(QStringLiteral("id")).toDouble());
    r.modelId = json.value(QStringLiteral("model")).toString();
    r.modelVersion = json.value(QStringLiteral("version")).toInt();
    r.modelTitle = json.value(QStringLiteral("title")).toString();
    r.parameters = json.value(QStringLiteral("parameters")).toObject();
    r.datasetId = qint64(json.value(QStringLiteral("dataset")).toDouble());
    r.datasetName = json.value(QStringLiteral("dataset_name")).toString();
    r.state = json.value(QStringLiteral("state")).toString();
    r.rowsSeen = qint64(json.value(QStringLiteral("rows")).toDouble());
    r.hitCount = qint64(json.value(QStringLiteral("hits")).toDouble());
    r.error = json.value(QStringLiteral("error")).toString();
    return ModelRunFinished{r};
}

QJsonObject ModelHitReviewed::toJson() const
{
    return QJsonObject{{QStringLiteral("hit"), double(hitId)},
                       {QStringLiteral("run"), double(runId)},
                       {QStringLiteral("model"), modelId},
                       {QStringLiteral("version"), modelVersion},
                       {QStringLiteral("score"), score},
                       {QStringLiteral("summary"), summary},
                       {QStringLiteral("from"), hitStatusKey(from)},
                       {QStringLiteral("to"), hitStatusKey(to)},
                       {QStringLiteral("reason"), reason}};
}

std::optional<ModelHitReviewed> ModelHitReviewed::fromJson(const QJsonObject& json)
{
    const auto from = hitStatusFromKey(json.value(QStringLiteral("from")).toString());
    const auto to = hitStatusFromKey(json.value(QStringLiteral("to")).toString());
    if (!json.value(QStringLiteral("hit")).isDouble() || !from || !to)
        return std::nullopt;
    return ModelHitReviewed{qint64(json.value(QStringLiteral("hit")).toDouble()), qint64(json.value(QStringLiteral("run")).toDouble()),
                            json.value(QStringLiteral("model")).toString(), json.value(QStringLiteral("version")).toInt(),
                            json.value(QStringLiteral("score")).toDouble(), json.value(QStringLiteral("summary")).toString(), *from, *to,
                            json.value(QStringLiteral("reason")).toString()};
}

QJsonObject ModelHitHandedOn::toJson() const
{
    return QJsonObject{{QStringLiteral("hit"), double(hitId)},
                       {QStringLiteral("to"), to},
                       {QStringLiteral("record"), record},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("evidence"), evidence}};
}

std::optional<ModelHitHandedOn> ModelHitHandedOn::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("hit")).isDouble() || !json.value(QStringLiteral("to")).isString())
        return std::nullopt;
    return ModelHitHandedOn{qint64(json.value(QStringLiteral("hit")).toDouble()), json.value(QStringLiteral("to")).toString(),
                            json.value(QStringLiteral("record")).toString(), json.value(QStringLiteral("reason")).toString(),
                            json.value(QStringLiteral("evidence")).toObject()};
}

ModelService::ModelService(Store& store, Session& session, AuditLog& audit, DatasetService& datasets)
    : m_store(store), m_session(session), m_audit(audit), m_datasets(datasets)
{
    m_pool.setMaxThreadCount(1);
}

ModelService::~ModelService()
{
    m_pool.waitForDone();
}

QFuture<QList<ModelDefinition>> ModelService::library() const
{
    if (auto refused = service::requireNow(m_session.principal(), kRunPermission, Tr::tr("see the models")))
        return service::failWith<QList<ModelDefinition>>(refused);
    return m_store.read([](Sql& sql) {
        QMap<QString, ModelDefinition> byId;
        for (const ModelDefinition& m : bundledModels())
            byId.insert(m.id, m);
        QSqlQuery q = sql.exec(QStringLiteral("SELECT v.source FROM bd_model_versions v WHERE v.version = "
                                              "(SELECT MAX(w.version) FROM bd_model_versions w WHERE w.model_id = v.model_id) ORDER BY v.model_id"));
        while (q.next()) {
            if (auto m = ModelDefinition::fromJson(q.value(0).toString().toUtf8(), nullptr)) {
                m->origin = QStringLiteral("saved");
                byId.insert(m->id, *m);
            }
        }
        return byId.values();
    });
}

QFuture<QList<ModelDefinition>> ModelService::versions(const QString& modelId) const
{
    if (auto refused = service::requireNow(m_session.principal(), kRunPermission, Tr::tr("see the models")))
        return service::failWith<QList<ModelDefinition>>(refused);
    return m_store.read([modelId](Sql& sql) {
        QList<ModelDefinition> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT source FROM bd_model_versions WHERE model_id = ? ORDER BY version DESC"), {modelId});
        while (q.next())
            if (auto m = ModelDefinition::fromJson(q.value(0).toString().toUtf8(), nullptr)) {
                m->origin = QStringLiteral("saved");
                out << *m;
            }
        for (const ModelDefinition& m : bundledModels())
            if (m.id == modelId)
                out << m;
        return out;
    });
}

QFuture<ModelDefinition> ModelService::save(const QByteArray& json, const CommandId& command)
{
    const Principal actor = m_session.principal();
    QList<ModelProblem> problems;
    const auto parsed = ModelDefinition::fromJson(json, &problems);
    const QString object = QStringLiteral("model:") + (parsed ? parsed->id : QStringLiteral("?"));
    if (auto refused = check<ModelDefinition>(m_audit, actor, kRunPermission, Tr::tr("save a model"), QStringLiteral("model.saved"), object))
        return *refused;
    return saveAs(actor, json, command);
}

QFuture<ModelDefinition> ModelService::saveAs(const Principal& actor, const QByteArray& json, const CommandId& command)
{
    QList<ModelProblem> problems;
    const auto parsed = ModelDefinition::fromJson(json, &problems);
    if (!parsed) {
        QStringList lines;
        for (const ModelProblem& p : std::as_const(problems))
            lines << p.toString();
        return failNow<ModelDefinition>(Tr::tr("The model has problems:\n%1").arg(lines.join(QLatin1Char('\n'))));
    }
    return m_store.write(centreWrite(actor), [this, model = *parsed, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("bigdata.model.save");
        if (const auto key = service::appliedBefore(txn, command, op)) {
            const int version = key->section(QLatin1Char('@'), 1).toInt();
            const QString source = txn.scalar(QStringLiteral("SELECT source FROM bd_model_versions WHERE model_id = ? AND version = ?"),
                                              {model.id, version}).toString();
            auto again = ModelDefinition::fromJson(source.toUtf8(), nullptr);
            if (!again)
                throw NotFoundError(Tr::tr("The saved model is gone."));
            again->origin = QStringLiteral("saved");
            return *again;
        }
        int newest = txn.scalar(QStringLiteral("SELECT MAX(version) FROM bd_model_versions WHERE model_id = ?"), {model.id}).toInt();
        for (const ModelDefinition& b : bundledModels())
            if (b.id == model.id)
                newest = std::max(newest, b.version);
        QJsonObject doc = QJsonDocument::fromJson(model.source).object();
        doc.insert(QStringLiteral("version"), newest + 1);
        const QByteArray source = QJsonDocument(doc).toJson(QJsonDocument::Indented);
        auto saved = ModelDefinition::fromJson(source, nullptr);
        if (!saved)
            throw ValidationError(Tr::tr("The model could not be saved."));
        saved->origin = QStringLiteral("saved");
        txn.exec(QStringLiteral("INSERT INTO bd_model_versions (model_id, version, source, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)"),
                 {saved->id, saved->version, QString::fromUtf8(source), txn.clock().nowMs(), name});
        EventDraft event;
        event.topic = QStringLiteral("model.saved");
        event.payload = QJsonObject{{QStringLiteral("model"), saved->id}, {QStringLiteral("version"), saved->version},
                                    {QStringLiteral("kind"), modelKindKey(saved->kind)}, {QStringLiteral("title"), saved->titleIn(QStringLiteral("en"))}};
        txn.publish(event);
        m_audit.append(txn, {name, QStringLiteral("model.saved"), QStringLiteral("model:%1@%2").arg(saved->id).arg(saved->version),
                             saved->titleIn(QStringLiteral("en")), QStringLiteral("success")});
        service::recordApplied(txn, command, op, QStringLiteral("%1@%2").arg(saved->id).arg(saved->version));
        return *saved;
    });
}

QFuture<ModelRunRecord> ModelService::run(const ModelDefinition& model, const QMap<QString, QJsonValue>& given, qint64 datasetId,
                                          const CommandId& command)
{
    const Principal actor = m_session.principal();
    if (auto refused = check<ModelRunRecord>(m_audit, actor, kRunPermission, Tr::tr("run a model"), QStringLiteral("model_run.finished"),
                                             QStringLiteral("model:%1@%2").arg(model.id).arg(model.version)))
        return *refused;
    if (command.isNull())
        return failNow<ModelRunRecord>(Tr::tr("A run needs a command id."));
    auto promise = std::make_shared<QPromise<ModelRunRecord>>();
    QFuture<ModelRunRecord> future = promise->future();
    promise->start();
    promise->setProgressRange(0, 1000);
    Store* store = &m_store;
    AuditLog* audit = &m_audit;
    DatasetService* datasets = &m_datasets;
    const QString language = QLocale().name();
    m_pool.start([promise, store, audit, datasets, actor, model, given, datasetId, command, language]() {
        const WriteContext context = centreWrite(actor);
        const QString op = QStringLiteral("bigdata.model.run");
        qint64 runId = 0;
        try {
            // The run's record first: a command applied before answers with its run.
            const std::pair<qint64, bool> start = store->write(context, [&](WriteTransaction& txn) -> std::pair<qint64, bool> {
                if (const auto key = service::appliedBefore(txn, command, op))
                    return {key->toLongLong(), true};
                const QString dataset = txn.scalar(QStringLiteral("SELECT name FROM bd_datasets WHERE id = ? AND state = 'ready'"), {datasetId}).toString();
                if (dataset.isEmpty())
                    throw NotFoundError(Tr::tr("No dataset %1 (removed, or not finished importing).").arg(datasetId));
                QJsonObject asGiven;
                for (auto it = given.begin(); it != given.end(); ++it)
                    asGiven.insert(it.key(), it.value());
                const qint64 id = txn.insert(
                    QStringLiteral("INSERT INTO bd_runs (model_id, model_version, model_source, parameters, dataset_id, dataset_name, state, "
                                   "started_at, started_by) VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?)"),
                    {model.id, model.version, QString::fromUtf8(model.source), compact(asGiven), datasetId, dataset, txn.clock().nowMs(), actor.name});
                service::recordApplied(txn, command, op, QString::number(id));
                return {id, false};
            }).result();
            runId = start.first;
            if (start.second) {
                promise->addResult(store->read([runId](Sql& sql) { return loadRun(sql, runId); }).result());
                promise->finish();
                return;
            }
            // The records (a tenth of the progress), then the model.
            const std::shared_ptr<const RecordSet> records = datasets->load(datasetId).result();
            promise->setProgressValue(100);
            QList<ModelProblem> problems;
            const auto parameters = resolveParameters(model, given, records.get(), &problems);
            if (!parameters) {
                QStringList lines;
                for (const ModelProblem& p : std::as_const(problems))
                    lines << p.toString();
                throw ValidationError(lines.join(QLatin1Char('\n')));
            }
            std::atomic_bool cancel = false;
            ModelRunOptions options;
            options.cancel = &cancel;
            options.maxHits = kKeptHits;
            options.progress = [&](qint64 done, qint64 total) {
                if (promise->isCanceled())
                    cancel = true;
                if (total > 0)
                    promise->setProgressValue(100 + int(std::min<qint64>(850, done * 850 / total)));
            };
            QString error;
            const auto result = runModel(model, *parameters, *records, options, &error);
            if (!result) {
                if (promise->isCanceled())
                    throw std::runtime_error("cancelled");
                throw ValidationError(error);
            }
            // The evidence keeps the rows' cells masked as every list shows them (from the store: on a
            // shared server the records hold pseudonyms, not the cells).
            QList<QJsonObject> evidence;
            evidence.reserve(result->hits.size());
            for (const ModelHit& hit : result->hits) {
                QJsonObject e = hitToJson(hit, model, *parameters, *records, true);
                QList<qint64> rowNos;
                for (qsizetype r : hit.rows.mid(0, 50))
                    rowNos << qint64(r) + 1;
                const QList<QStringList> masked = store->read([datasetId, rowNos](Sql& sql) {
                    QList<QStringList> out;
                    for (qint64 rowNo : rowNos) {
                        QSqlQuery& q = sql.execCached(QStringLiteral("SELECT cells_masked FROM bd_dataset_rows WHERE dataset_id = ? AND row_no = ?"),
                                                      {datasetId, rowNo});
                        out << (q.next() ? detail::parseCells(q.value(0).toString()) : QStringList());
                    }
                    return out;
                }).result();
                QJsonArray rows;
                for (qsizetype i = 0; i < masked.size(); ++i)
                    rows << QJsonObject{{QStringLiteral("row"), double(rowNos[i])},
                                        {QStringLiteral("line"), double(records->line(hit.rows[i]))},
                                        {QStringLiteral("cells"), QJsonArray::fromStringList(masked[i])}};
                e.insert(QStringLiteral("rows"), rows);
                e.insert(QStringLiteral("dataset"), double(datasetId));
                evidence << e;
            }
            const ModelRunRecord done = store->write(context, [&](WriteTransaction& txn) {
                for (qsizetype i = 0; i < result->hits.size(); ++i) {
                    const ModelHit& hit = result->hits[i];
                    txn.execCached(QStringLiteral("INSERT INTO bd_hits (run_id, rank, score, summary, summary_phrase, hit_key, evidence, status) "
                                                  "VALUES (?, ?, ?, ?, ?, ?, ?, 'new')"),
                                   {runId, int(i + 1), hit.score, hit.summary,
                                    hit.summaryPhrase.isEmpty() ? QString() : compact(hit.summaryPhrase.toJson()), hit.key, compact(evidence[i])});
                }
                txn.exec(QStringLiteral("UPDATE bd_runs SET state = 'finished', finished_at = ?, rows_seen = ?, hit_count = ?, notes = ?, "
                                        "version = version + 1 WHERE id = ?"),
                         {txn.clock().nowMs(), result->rowsSeen, result->hitCount, compact(QJsonArray::fromStringList(result->notes)), runId});
                const ModelRunRecord r = loadRun(txn, runId);
                txn.publish(ModelRunFinished{r});
                if (!result->hits.isEmpty())
                    deadlines::setRunReview(txn, runId, r.modelTitle.isEmpty() ? r.modelId : r.modelTitle, r.datasetName, txn.clock().nowMs());
                audit->append(txn, {actor.name, QStringLiteral("model_run.finished"), QStringLiteral("run:%1").arg(runId),
                                    Tr::tr("%1 version %2 over %3: %4 rows, %5 hits").arg(r.modelId).arg(r.modelVersion).arg(r.datasetName).arg(r.rowsSeen).arg(r.hitCount),
                                    QStringLiteral("success")});
                return r;
            }).result();
            promise->setProgressValue(1000);
            promise->addResult(done);
        } catch (...) {
            const std::exception_ptr error = std::current_exception();
            if (runId > 0) {
                QString message;
                try {
                    std::rethrow_exception(error);
                } catch (const std::exception& e) {
                    message = QString::fromUtf8(e.what());
                } catch (...) {
                }
                const bool cancelled = promise->isCanceled();
                try {
                    store->write(context, [&](WriteTransaction& txn) {
                        txn.exec(QStringLiteral("UPDATE bd_runs SET state = ?, finished_at = ?, error = ?, version = version + 1 WHERE id = ? AND state = 'running'"),
                                 {cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"), txn.clock().nowMs(),
                                  cancelled ? QString() : message, runId});
                        const ModelRunRecord r = loadRun(txn, runId);
                        txn.publish(ModelRunFinished{r});
                        audit->append(txn, {actor.name, QStringLiteral("model_run.finished"), QStringLiteral("run:%1").arg(runId),
                                            cancelled ? Tr::tr("cancelled") : message, cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed")});
                    }).waitForFinished();
                } catch (...) {
                }
            }
            if (!promise->isCanceled())
                promise->setException(error);
        }
        promise->finish();
    });
    return future;
}

QFuture<QList<ModelRunRecord>> ModelService::runs(int limit) const
{
    if (auto refused = service::requireNow(m_session.principal(), kRunPermission, Tr::tr("see the runs")))
        return service::failWith<QList<ModelRunRecord>>(refused);
    return m_store.read([limit](Sql& sql) {
        QList<ModelRunRecord> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM bd_runs ORDER BY started_at DESC, id DESC LIMIT ?").arg(kRunColumns), {std::clamp(limit, 1, 5000)});
        while (q.next())
            out << readRun(q);
        return out;
    });
}

QFuture<QList<StoredHit>> ModelService::hits(qint64 runId, int afterRank, int limit) const
{
    if (auto refused = service::requireNow(m_session.principal(), kRunPermission, Tr::tr("see the hits")))
        return service::failWith<QList<StoredHit>>(refused);
    return m_store.read([runId, afterRank, limit](Sql& sql) {
        QList<StoredHit> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM bd_hits WHERE run_id = ? AND rank > ? ORDER BY rank LIMIT ?").arg(kHitColumns),
                               {runId, afterRank, std::clamp(limit, 1, 5000)});
        while (q.next())
            out << readHit(q);
        return out;
    });
}

QFuture<QList<StoredHit>> ModelService::queue(const QList<HitStatus>& statuses, int limit, std::optional<std::pair<double, qint64>> after) const
{
    if (auto refused = service::requireNow(m_session.principal(), kRunPermission, Tr::tr("see the hits")))
        return service::failWith<QList<StoredHit>>(refused);
    return m_store.read([statuses, limit, after](Sql& sql) {
        QStringList marks;
        QVariantList params;
        for (HitStatus s : statuses) {
            marks << QStringLiteral("?");
            params << hitStatusKey(s);
        }
        QString where = QStringLiteral("status IN (%1)").arg(marks.join(QStringLiteral(", ")));
        if (after) {
            where += QStringLiteral(" AND (score < ? OR (score = ? AND id > ?))");
            params << after->first << after->first << after->second;
        }
        params << std::clamp(limit, 1, 5000);
        QList<StoredHit> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM bd_hits WHERE %2 ORDER BY score DESC, id LIMIT ?").arg(kHitColumns, where), params);
        while (q.next())
            out << readHit(q);
        return out;
    });
}

QFuture<StoredHit> ModelService::hit(qint64 id) const
{
    if (auto refused = service::requireNow(m_session.principal(), kRunPermission, Tr::tr("see the hits")))
        return service::failWith<StoredHit>(refused);
    return m_store.read([id](Sql& sql) { return loadHit(sql, id); });
}

QFuture<qint64> ModelService::pendingCount() const
{
    if (auto refused = service::requireNow(m_session.principal(), kRunPermission, Tr::tr("see the hits")))
        return service::failWith<qint64>(refused);
    return m_store.read([](Sql& sql) {
        return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE status IN ('new', 'more_data')")).toLongLong();
    });
}

QFuture<StoredHit> ModelService::review(qint64 hitId, int version, HitStatus to, const QString& reason, const CommandId& command)
{
    const Principal actor = m_session.principal();
    if (auto refused = check<StoredHit>(m_audit, actor, kReviewPermission, Tr::tr("review a model's hit"), QStringLiteral("model_hit.reviewed"),
                                        QStringLiteral("hit:%1").arg(hitId)))
        return *refused;
    if (to != HitStatus::Confirmed && to != HitStatus::Dismissed && to != HitStatus::MoreData)
        return failNow<StoredHit>(Tr::tr("A hit is confirmed, dismissed or marked as needing more data."));
    const QString why = reason.trimmed();
    if (why.size() < 5)
        return failNow<StoredHit>(Tr::tr("Give the reason for your decision; it goes on record with the hit."));
    return m_store.write(centreWrite(actor), [this, hitId, version, to, why, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("bigdata.hit.review");
        if (service::appliedBefore(txn, command, op))
            return loadHit(txn, hitId);
        const StoredHit before = loadHit(txn, hitId);
        if (before.status == HitStatus::HandedOn)
            throw ValidationError(Tr::tr("This hit was handed on already; its review stands."));
        service::requireUpdated(
            txn.exec(QStringLiteral("UPDATE bd_hits SET status = ?, reason = ?, reviewed_by = ?, reviewed_at = ?, version = version + 1 "
                                    "WHERE id = ? AND version = ?"),
                     {hitStatusKey(to), why, name, txn.clock().nowMs(), hitId, version}),
            Tr::tr("Another analyst reviewed this hit meanwhile; look at it again."));
        const StoredHit after = loadHit(txn, hitId);
        if (to == HitStatus::MoreData)
            deadlines::setMoreData(txn, hitId, txn.clock().nowMs());
        else if (before.status == HitStatus::MoreData)
            deadlines::clearMoreData(txn, hitId);
        deadlines::settleRunReview(txn, after.runId);
        txn.publish(ModelHitReviewed{after.id, after.runId, after.evidence.value(QStringLiteral("model")).toString(),
                                     after.evidence.value(QStringLiteral("version")).toInt(), after.score, after.summary, before.status, to, why});
        m_audit.append(txn, {name, QStringLiteral("model_hit.reviewed"), QStringLiteral("hit:%1").arg(hitId),
                             QStringLiteral("%1: %2").arg(hitStatusKey(to), why), QStringLiteral("success")});
        service::recordApplied(txn, command, op, QString::number(hitId));
        return after;
    });
}

QFuture<StoredHit> ModelService::handOn(qint64 hitId, const QString& to, const CommandId& command)
{
    const Principal actor = m_session.principal();
    if (auto refused = check<StoredHit>(m_audit, actor, kReviewPermission, Tr::tr("hand a hit on"), QStringLiteral("model_hit.handed_on"),
                                        QStringLiteral("hit:%1").arg(hitId)))
        return *refused;
    if (to != QLatin1String("criminal_intel") && to != QLatin1String("hub"))
        return failNow<StoredHit>(Tr::tr("A hit goes to criminal intelligence or to the hub."));
    return m_store.write(centreWrite(actor), [this, hitId, to, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("bigdata.hit.hand_on");
        if (service::appliedBefore(txn, command, op))
            return loadHit(txn, hitId);
        const StoredHit before = loadHit(txn, hitId);
        if (before.status != HitStatus::Confirmed)
            throw ValidationError(Tr::tr("Only a hit a person confirmed is handed on; confirm it first, with your reason."));
        const QString record = QStringLiteral("%1 hit %2").arg(to).arg(hitId);
        service::requireUpdated(txn.exec(QStringLiteral("UPDATE bd_hits SET status = 'handed_on', handed_to = ?, version = version + 1 "
                                                        "WHERE id = ? AND version = ?"),
                                         {to, hitId, before.version}),
                                Tr::tr("Another analyst changed this hit meanwhile; look at it again."));
        const StoredHit after = loadHit(txn, hitId);
        txn.publish(ModelHitHandedOn{hitId, to, QStringLiteral("hit %1").arg(hitId), before.reason, before.evidence});
        m_audit.append(txn, {name, QStringLiteral("model_hit.handed_on"), QStringLiteral("hit:%1").arg(hitId), record, QStringLiteral("success")});
        service::recordApplied(txn, command, op, QString::number(hitId));
        return after;
    });
}

QFuture<StoredHit> ModelService::label(qint64 hitId, int version, PairLabel answer, const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("hit:%1").arg(hitId);
    if (auto refused = check<StoredHit>(m_audit, actor, kRunPermission, Tr::tr("answer on a pair"), QStringLiteral("model_hit.labelled"), object))
        return *refused;
    return m_store.write(centreWrite(actor), [this, hitId, version, answer, command, object, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("bigdata.hit.label");
        if (service::appliedBefore(txn, command, op))
            return loadHit(txn, hitId);
        const StoredHit before = loadHit(txn, hitId);
        const QString source = txn.scalar(QStringLiteral("SELECT r.model_source FROM bd_runs r WHERE r.id = ?"), {before.runId}).toString();
        const auto model = ModelDefinition::fromJson(source.toUtf8(), nullptr);
        if (!model || model->kind != ModelKind::EntityResolution || before.evidence.value(QStringLiteral("rows")).toArray().size() != 2)
            throw ValidationError(Tr::tr("Only a pair of an entity-resolution model takes a same, different or unsure answer."));
        service::requireUpdated(txn.exec(QStringLiteral("UPDATE bd_hits SET label = ?, version = version + 1 WHERE id = ? AND version = ?"),
                                         {pairLabelKey(answer), hitId, version}),
                                Tr::tr("Another analyst changed this hit meanwhile; look at it again."));
        EventDraft event;
        event.topic = QStringLiteral("model_hit.labelled");
        event.payload = QJsonObject{{QStringLiteral("hit"), double(hitId)}, {QStringLiteral("run"), double(before.runId)},
                                    {QStringLiteral("label"), pairLabelKey(answer)}};
        txn.publish(event);
        m_audit.append(txn, {name, QStringLiteral("model_hit.labelled"), object, pairLabelKey(answer), QStringLiteral("success")});
        service::recordApplied(txn, command, op, QString::number(hitId));
        return loadHit(txn, hitId);
    });
}

QFuture<ModelDefinition> ModelService::relearn(qint64 runId, const CommandId& command)
{
    const Principal actor = m_session.principal();
    if (auto refused = check<ModelDefinition>(m_audit, actor, kRunPermission, Tr::tr("learn a model's weights again"),
                                              QStringLiteral("model.saved"), QStringLiteral("run:%1").arg(runId)))
        return *refused;
    Store* store = &m_store;
    DatasetService* datasets = &m_datasets;
    ModelService* self = this;
    return runInBackground(m_pool, [store, datasets, self, actor, runId, command]() -> ModelDefinition {
        struct Answers
        {
            ModelRunRecord run;
            QByteArray source;
            QList<LabelledPair> labels;
        };
        const Answers a = store->read([runId](Sql& sql) {
            Answers out;
            out.run = loadRun(sql, runId);
            out.source = sql.scalar(QStringLiteral("SELECT model_source FROM bd_runs WHERE id = ?"), {runId}).toString().toUtf8();
            QSqlQuery q = sql.exec(QStringLiteral("SELECT evidence, label FROM bd_hits WHERE run_id = ? AND label IS NOT NULL"), {runId});
            while (q.next()) {
                const QJsonArray rows = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object().value(QStringLiteral("rows")).toArray();
                const auto l = pairLabelFromKey(q.value(1).toString());
                if (rows.size() == 2 && l)
                    out.labels << LabelledPair{qsizetype(rows[0].toObject().value(QStringLiteral("row")).toDouble()) - 1,
                                               qsizetype(rows[1].toObject().value(QStringLiteral("row")).toDouble()) - 1, *l};
            }
            return out;
        }).result();
        if (a.run.datasetId <= 0)
            throw ValidationError(Tr::tr("The run's dataset is gone: its pairs cannot be compared again."));
        const auto model = ModelDefinition::fromJson(a.source, nullptr);
        if (!model)
            throw ValidationError(Tr::tr("The run's model cannot be read."));
        const std::shared_ptr<const RecordSet> records = datasets->load(a.run.datasetId).result();
        QString why;
        const auto learnt = relearnWeights(*model, a.run.parameters, *records, a.labels, &why);
        if (!learnt)
            throw ValidationError(why);
        return self->saveAs(actor, learnt->source, command).result();
    });
}

} // namespace hexhub::bigdata
