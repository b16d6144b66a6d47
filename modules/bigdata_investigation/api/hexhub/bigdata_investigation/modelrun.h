#pragma once
// Running a model over records (issue 20 section 2): the hits, each with its score, the breakdown
// that explains the score (a waterfall: which field or rule added how much), the rows behind it, and
// for rings the members and the identifiers that tie each one to the group.

#include "hexhub/bigdata_investigation/bigdata_investigation_export.h"
#include "hexhub/bigdata_investigation/model.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace hexhub::bigdata {

class RecordSet;

/*!
 * A sentence kept with what it says, so a hit stored in one language reads in another: the English
 * source (marked for translation in the model engine's context), its arguments and its count.
 */
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT Phrase
{
    QString source;
    QStringList args;
    int n = -1;

    bool isEmpty() const { return source.isEmpty(); }
    //! In the language in use now.
    QString text() const;
    QJsonObject toJson() const;
    static Phrase fromJson(const QJsonValue& json);
};

//! `object[key]` as a Phrase in today's language when `key + "_phrase"` is there, else as stored.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QString localText(const QJsonObject& object, const QString& key);

//! One step of a score's waterfall: `label` (translated) added `value`.
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT ScorePart
{
    QString key;   //!< stable ("size", "field:name", "condition:2")
    QString label; //!< in the user's language
    double value = 0;
    QString detail; //!< what was seen ("70 members", "agree: DEMO Zorvek")
    Phrase detailPhrase; //!< the same, to read again in another language
};

//! What ties a ring's member to the group: its identifier `value` in `column`, shared with `sharedWith` others.
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT RingTie
{
    QString member;
    QString column;
    QString value;
    int sharedWith = 0;
};

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT ModelHit
{
    double score = 0;              //!< 0 to 1
    QList<ScorePart> breakdown;    //!< the parts, in the order they add up (to the score, or to `total` in `unit`)
    QString unit;                  //!< what the parts count, in the user's language ("score", "records", "bits")
    double total = 0;              //!< what the parts add up to
    QString summary;               //!< one line in the user's language
    Phrase summaryPhrase;          //!< the same, to read again in another language
    Phrase unitPhrase;
    QString key;                   //!< what the hit is about (the key, the pair, the ring's first member)
    QList<qsizetype> rows;         //!< indexes into the record set, in file order
    QStringList members;           //!< rings and entity resolution: the entities
    QList<RingTie> ties;           //!< rings
    QJsonObject facts;             //!< kind-specific figures (count, expected, z, span ...)
};

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT ModelRunOptions
{
    std::function<void(qint64 done, qint64 total)> progress; //!< from the running thread
    const std::atomic_bool* cancel = nullptr;
    int maxHits = 10'000; //!< the best ones kept, counted all
};

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT ModelRunResult
{
    QList<ModelHit> hits;   //!< best score first
    qint64 hitCount = 0;    //!< all of them (hits keeps the best maxHits)
    qint64 rowsSeen = 0;
    qint64 rowsSkipped = 0; //!< rows the model could not read (a time that is no time ...), counted
    QStringList notes;      //!< what the run set aside and why ("ip 10.0.0.8: shared by 412 accounts, left out as common")
};

/*!
 * Runs `model` with `parameters` (resolveParameters()) over `records`. Blocking: off the GUI thread.
 * Nothing with `error` set when the model cannot run on these records or the run was cancelled.
 */
HEXHUB_BIGDATA_INVESTIGATION_EXPORT std::optional<ModelRunResult> runModel(const ModelDefinition& model, const QJsonObject& parameters,
                                                                          const RecordSet& records, const ModelRunOptions& options = {},
                                                                          QString* error = nullptr);

//! A hit as one JSON object (the CLI's --json line, the evidence handed on): `masked` masks cells of personal columns.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QJsonObject hitToJson(const ModelHit& hit, const ModelDefinition& model, const QJsonObject& parameters,
                                                         const RecordSet& records, bool masked);

/*!
 * A stored part's label in the language in use now: the parts every hit of a kind has (members,
 * expected, prior ...) by their key, a rule's or a field's by what was stored (a column's name, the
 * model's own label). Evidence is stored once, in the language of the run; this reads it in today's.
 */
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QString partLabel(const QJsonObject& part);

//! A personal value as shown without a reveal: as the stores mask it (hexhub_mask(): "*********0001").
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QString maskedValue(const QString& value);

//! The analyst's answer on a candidate pair of an entity-resolution model.
enum class PairLabel { Same, Different, Unsure };

/*!
 * The labelling loop: the entity-resolution model's per-field m and u probabilities estimated again
 * from the analyst's answers on candidate pairs (`labels`: the rows of each pair and the answer;
 * unsure answers count for nothing), smoothed toward the model's current values so a few answers move
 * them a little and many answers a lot. Returns the model's next version with the new values, or
 * nothing with `error` (not an entity-resolution model; no answer that counts).
 */
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT LabelledPair
{
    qsizetype left = 0, right = 0;
    PairLabel label = PairLabel::Unsure;
};
HEXHUB_BIGDATA_INVESTIGATION_EXPORT std::optional<ModelDefinition> relearnWeights(const ModelDefinition& model, const QJsonObject& parameters,
                                                                                 const RecordSet& records, const QList<LabelledPair>& labels,
                                                                                 QString* error = nullptr);

} // namespace hexhub::bigdata
