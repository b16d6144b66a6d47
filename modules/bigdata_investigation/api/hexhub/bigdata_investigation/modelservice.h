#pragma once
// Models at the desk (issue 20 sections 2 and 3): the library (bundled models and the analysts' own,
// every saved version kept), runs of a model over a stored dataset with progress and cancel, their
// hits stored with their evidence (model, version, parameters, score and its parts, the rows,
// masked), the review queue (confirm, dismiss or ask for more data, each with a reason), and the
// hand-over of a confirmed hit to criminal intelligence as a lead or to the hub as an incident.
// Nothing leaves the centre without a person's confirmation; every step journaled and audited.

#include "hexhub/bigdata_investigation/bigdata_investigation_export.h"
#include "hexhub/bigdata_investigation/model.h"
#include "hexhub/bigdata_investigation/modelrun.h"
#include "module/command.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <optional>

namespace hexhub {
class AuditLog;
struct Principal;
class Session;
class Store;
}

namespace hexhub::bigdata {

class DatasetService;

enum class HitStatus { New, Confirmed, Dismissed, MoreData, HandedOn };
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QString hitStatusKey(HitStatus status); // new, confirmed, dismissed, more_data, handed_on
HEXHUB_BIGDATA_INVESTIGATION_EXPORT std::optional<HitStatus> hitStatusFromKey(const QString& key);
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QString hitStatusName(HitStatus status);

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT ModelRunRecord
{
    qint64 id = 0;
    QString modelId;
    int modelVersion = 0;
    QString modelTitle; //!< in the language the run was started in
    QJsonObject parameters;
    qint64 datasetId = 0; //!< 0 once the dataset was purged
    QString datasetName;
    QString state; //!< running, finished, failed, cancelled
    qint64 startedAt = 0, finishedAt = 0;
    QString startedBy;
    qint64 rowsSeen = 0, hitCount = 0;
    QStringList notes;
    QString error;
};

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT StoredHit
{
    qint64 id = 0, runId = 0;
    int rank = 0;
    double score = 0;
    QString summary, key;
    QJsonObject evidence; //!< hitToJson(masked): model, version, parameters, breakdown, unit, total, facts, members, ties, columns, rows
    HitStatus status = HitStatus::New;
    QString reason, reviewedBy, handedTo;
    qint64 reviewedAt = 0;
    int version = 1;
    std::optional<PairLabel> label; //!< an entity-resolution pair's answer, if given
};

//! `model_run.finished`: a run ended (finished, failed or cancelled), with its counts.
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT ModelRunFinished
{
    static constexpr auto kTopic = "model_run.finished";
    static constexpr int kSchemaVersion = 1;
    ModelRunRecord run;
    QJsonObject toJson() const;
    static std::optional<ModelRunFinished> fromJson(const QJsonObject& json);
};

//! `model_hit.reviewed`: a person confirmed, dismissed or asked for more data on a hit, with the reason.
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT ModelHitReviewed
{
    static constexpr auto kTopic = "model_hit.reviewed";
    static constexpr int kSchemaVersion = 1;
    qint64 hitId = 0, runId = 0;
    QString modelId;
    int modelVersion = 0;
    double score = 0;
    QString summary;
    HitStatus from = HitStatus::New, to = HitStatus::New;
    QString reason;
    QJsonObject toJson() const;
    static std::optional<ModelHitReviewed> fromJson(const QJsonObject& json);
};

/*!
 * `model_hit.handed_on`: a confirmed hit handed on, with its evidence (masked) and the reason it was
 * confirmed: to criminal intelligence as a lead (`to` = "criminal_intel") or to the hub as a report
 * (`to` = "hub"); `record` names the hit ("hit 42").
 */
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT ModelHitHandedOn
{
    static constexpr auto kTopic = "model_hit.handed_on";
    static constexpr int kSchemaVersion = 1;
    qint64 hitId = 0;
    QString to;
    QString record;
    QString reason;
    QJsonObject evidence;
    QJsonObject toJson() const;
    static std::optional<ModelHitHandedOn> fromJson(const QJsonObject& json);
};

class HEXHUB_BIGDATA_INVESTIGATION_EXPORT ModelService
{
public:
    ModelService(Store& store, Session& session, AuditLog& audit, DatasetService& datasets);
    ~ModelService();
    Q_DISABLE_COPY_MOVE(ModelService)

    //! bigdata_investigation.model.run. The bundled models and the newest saved version of each analyst's model (theirs first when an id is both).
    QFuture<QList<ModelDefinition>> library() const;
    //! bigdata_investigation.model.run. Every saved version of `modelId`, newest first.
    QFuture<QList<ModelDefinition>> versions(const QString& modelId) const;
    /*!
     * bigdata_investigation.model.run. Checks `json` (every problem in the failure's message, one a
     * line) and saves it as the next version of its id (the version written in the file is replaced
     * by the one given here, one above the newest saved or bundled). Journaled (`model.saved`), audited.
     */
    QFuture<ModelDefinition> save(const QByteArray& json, const CommandId& command = CommandId::make());

    /*!
     * bigdata_investigation.model.run. Runs `model` with `given` parameters over dataset `datasetId`
     * off the calling thread; progress 0 to 1000 on the future, QFuture::cancel() stops it (the run
     * is kept as cancelled, with no hit). The best 1,000 hits are stored with their evidence (the
     * rows' cells masked), the run journaled (`model_run.finished`) and audited.
     */
    QFuture<ModelRunRecord> run(const ModelDefinition& model, const QMap<QString, QJsonValue>& given, qint64 datasetId,
                                const CommandId& command = CommandId::make());
    QFuture<QList<ModelRunRecord>> runs(int limit = 200) const;
    //! The hits of one run, best first, after rank `afterRank`.
    QFuture<QList<StoredHit>> hits(qint64 runId, int afterRank, int limit) const;
    //! The review queue: hits in `statuses` (default new and more data), best score first, after (score, id).
    QFuture<QList<StoredHit>> queue(const QList<HitStatus>& statuses = {HitStatus::New, HitStatus::MoreData}, int limit = 200,
                                    std::optional<std::pair<double, qint64>> after = std::nullopt) const;
    QFuture<StoredHit> hit(qint64 id) const;
    //! The number of hits waiting for a person (new or more data): the rail's badge.
    QFuture<qint64> pendingCount() const;

    /*!
     * bigdata_investigation.hit.review. Confirms, dismisses or asks for more data on a hit, with a
     * reason (at least five characters), at the version read (another analyst's review meanwhile is
     * a conflict, not overwritten). A hit handed on is not reviewed again. Journaled, audited.
     */
    QFuture<StoredHit> review(qint64 hitId, int version, HitStatus to, const QString& reason, const CommandId& command = CommandId::make());
    /*!
     * bigdata_investigation.hit.review. Hands a confirmed hit on, as `model_hit.handed_on` with its
     * evidence: to "criminal_intel" as a lead (its desk takes leads in from the event) or to "hub" as
     * a report (the hub's supervisor decides what to open from it: this centre creates no incident
     * itself). Refused for a hit no person confirmed. Journaled, audited; applied once.
     */
    QFuture<StoredHit> handOn(qint64 hitId, const QString& to, const CommandId& command = CommandId::make());

    /*!
     * bigdata_investigation.model.run. The labelling loop's answer on a candidate pair of an
     * entity-resolution run (Y, N, U at the desk): same, different or unsure, at the version read;
     * journaled (`model_hit.labelled`) and audited. An answer hands nothing on.
     */
    QFuture<StoredHit> label(qint64 hitId, int version, PairLabel label, const CommandId& command = CommandId::make());
    /*!
     * bigdata_investigation.model.run. The labelling loop closed: the field weights of run `runId`'s
     * entity-resolution model learnt again from the answers on its pairs (relearnWeights()) and saved
     * as the model's next version, to run again. Off the calling thread.
     */
    QFuture<ModelDefinition> relearn(qint64 runId, const CommandId& command = CommandId::make());

private:
    //! save() once allowed, in `actor`'s name (relearn() saves from its own thread).
    QFuture<ModelDefinition> saveAs(const Principal& actor, const QByteArray& json, const CommandId& command);

    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
    DatasetService& m_datasets;
    mutable QThreadPool m_pool;
};

} // namespace hexhub::bigdata

#include "module/extensions.h"

namespace hexhub::bigdata {

//! How the centre's events read on timelines, in notifications and in the review.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT EventDescription describeBigDataEvent(const Event& event);
//! The rail's badge: hits waiting for a person (new or needing more data).
HEXHUB_BIGDATA_INVESTIGATION_EXPORT RailBadge bigDataRailBadge();
//! The palette's search: hits by number or words of their summary, datasets by name ("hit 42", "dataset 3").
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QList<RecordHit> searchBigData(Sql& sql, const QString& text, const Principal& viewer, int limit);

} // namespace hexhub::bigdata
