#pragma once
// Analytic models as declarative JSON files (issue 20 section 2): a bundled library and the
// analyst's own, each with an id, a version, its kind, its parameters with defaults and limits, and
// the kind's body; validated with every problem named by its JSON path, as training scenarios are.

#include "hexhub/bigdata_investigation/bigdata_investigation_export.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace hexhub::bigdata {

class RecordSet;

//! One thing wrong, where it is: "parameters.max_share.default: expected a whole number".
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT ModelProblem
{
    QString path;    //!< JSON path; empty for the file as a whole
    QString message; //!< translated
    QString toString() const;
    bool operator==(const ModelProblem&) const = default;
};

//! The kinds of model (issue 20 section 2).
enum class ModelKind { Rule, Spike, Rings, GeoTemporal, EntityResolution };
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QString modelKindKey(ModelKind kind); // "rule", "spike", "rings", "geo_temporal", "entity_resolution"
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QString modelKindName(ModelKind kind);

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT ModelParameter
{
    //! column: a column's name; columns: a list of them (or "a,b,c"); integer, number, text, choice;
    //! duration: "30m", "1h", "7d".
    enum class Type { Column, Columns, Integer, Number, Text, Choice, Duration };
    QString name;
    Type type = Type::Text;
    QJsonValue defaultValue;      //!< absent: the parameter must be given
    std::optional<double> minimum, maximum;
    QStringList choices;
    QMap<QString, QString> description; //!< by language ("en", "zh_CN")
};

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT ModelDefinition
{
    QString id;      //!< lower case letters, digits, '_' and '-'
    int version = 1; //!< a hit keeps the version that made it; an edited model is saved as the next
    ModelKind kind = ModelKind::Rule;
    QMap<QString, QString> title, description; //!< by language; "en" required
    QList<ModelParameter> parameters;
    QJsonObject body;   //!< the kind's own part (conditions, score weights, fields ...), checked
    QString origin;     //!< "bundled" or the file it was read from
    QByteArray source;  //!< the JSON as written

    //! The title in `language` ("zh_CN"), else English.
    QString titleIn(const QString& language) const;
    QString descriptionIn(const QString& language) const;
    const ModelParameter* parameter(const QString& name) const;

    //! Parses and checks. Every problem goes to `problems`; with any, nothing is returned.
    static std::optional<ModelDefinition> fromJson(const QByteArray& json, QList<ModelProblem>* problems);
    //! The same for a file or a resource path; a file that cannot be read is one problem.
    static std::optional<ModelDefinition> fromFile(const QString& path, QList<ModelProblem>* problems);
};

//! Parses a duration "90s", "30m", "1h", "7d", "2w" (or a number of seconds) to milliseconds.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT std::optional<qint64> parseModelDuration(const QJsonValue& value);

//! The models that come with Hexhub (resources), in id order.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QList<ModelDefinition> bundledModels();
//! A bundled model by id, or a model file by path (a name with '/' or ending .json is a path).
HEXHUB_BIGDATA_INVESTIGATION_EXPORT std::optional<ModelDefinition> findModel(const QString& idOrPath, QList<ModelProblem>* problems);

/*!
 * The parameters of one run: each parameter's default, replaced by `given` ("NAME" -> text as typed
 * on the command line or in the desk, or a JSON value), checked against its type and limits, and
 * column parameters checked against `records`' columns (when given). Every problem named
 * ("param entity: no column 'acount'; the columns are ..."); nothing with any.
 */
HEXHUB_BIGDATA_INVESTIGATION_EXPORT std::optional<QJsonObject> resolveParameters(const ModelDefinition& model,
                                                                                const QMap<QString, QJsonValue>& given,
                                                                                const RecordSet* records,
                                                                                QList<ModelProblem>* problems);

} // namespace hexhub::bigdata
