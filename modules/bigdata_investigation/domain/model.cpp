// Model files: parsing, checking with paths, parameters of a run, the bundled library (issue 20 section 2).
#include "hexhub/bigdata_investigation/model.h"
#include "hexhub/bigdata_investigation/records.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace hexhub::bigdata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::bigdata::Model)
};

struct KindKey
{
    ModelKind kind;
    const char* key;
};
constexpr KindKey kKinds[] = {{ModelKind::Rule, "rule"},
                              {ModelKind::Spike, "spike"},
                              {ModelKind::Rings, "rings"},
                              {ModelKind::GeoTemporal, "geo_temporal"},
                              {ModelKind::EntityResolution, "entity_resolution"}};

struct TypeKey
{
    ModelParameter::Type type;
    const char* key;
};
constexpr TypeKey kParamTypes[] = {{ModelParameter::Type::Column, "column"},   {ModelParameter::Type::Columns, "columns"},
                                   {ModelParameter::Type::Integer, "integer"}, {ModelParameter::Type::Number, "number"},
                                   {ModelParameter::Type::Text, "text"},       {ModelParameter::Type::Choice, "choice"},
                                   {ModelParameter::Type::Duration, "duration"}};

// The parameters each kind reads, with their types: a model of that kind must declare them.
struct Needed
{
    const char* name;
    ModelParameter::Type type;
};
QList<Needed> neededParameters(ModelKind kind)
{
    using T = ModelParameter::Type;
    switch (kind) {
    case ModelKind::Rings:
        return {{"entity", T::Column}, {"identifiers", T::Columns}, {"max_share", T::Integer}, {"min_members", T::Integer}};
    case ModelKind::Spike:
        return {{"key", T::Column},       {"time", T::Column},       {"bucket", T::Duration}, {"method", T::Choice},
                {"threshold", T::Number}, {"min_count", T::Integer}, {"warmup", T::Integer}};
    case ModelKind::GeoTemporal:
        return {{"place", T::Column}, {"time", T::Column}, {"radius", T::Number}, {"window", T::Duration}, {"min_points", T::Integer}};
    case ModelKind::EntityResolution:
        return {{"threshold", T::Number}, {"max_block", T::Integer}};
    case ModelKind::Rule:
        return {};
    }
    return {};
}

const QStringList kCompares{QStringLiteral("exact"), QStringLiteral("jaro_winkler"), QStringLiteral("digits"),
                            QStringLiteral("initials"), QStringLiteral("number")};
const QStringList kOps{QStringLiteral("eq"), QStringLiteral("ne"),     QStringLiteral("lt"),      QStringLiteral("le"),
                       QStringLiteral("gt"), QStringLiteral("ge"),     QStringLiteral("in"),      QStringLiteral("not_in"),
                       QStringLiteral("matches"), QStringLiteral("empty"), QStringLiteral("not_empty")};

class Checker
{
public:
    explicit Checker(QList<ModelProblem>* problems) : m_problems(problems) {}
    void problem(const QString& path, const QString& message)
    {
        m_any = true;
        if (m_problems)
            *m_problems << ModelProblem{path, message};
    }
    bool any() const { return m_any; }

    QMap<QString, QString> localText(const QJsonValue& v, const QString& path, bool required)
    {
        QMap<QString, QString> out;
        if (v.isUndefined()) {
            if (required)
                problem(path, Tr::tr("missing: a text, or an object of texts by language with at least \"en\""));
            return out;
        }
        if (v.isString()) {
            out.insert(QStringLiteral("en"), v.toString());
            return out;
        }
        if (!v.isObject()) {
            problem(path, Tr::tr("expected a text or an object of texts by language"));
            return out;
        }
        static const QRegularExpression locale(QStringLiteral("^[a-z]{2}(_[A-Z]{2})?$"));
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!locale.match(it.key()).hasMatch())
                problem(path + QLatin1Char('.') + it.key(), Tr::tr("not a language: use a locale name like en or zh_CN"));
            else if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
                problem(path + QLatin1Char('.') + it.key(), Tr::tr("expected a text that is not empty"));
            else
                out.insert(it.key(), it.value().toString());
        }
        if (!out.contains(QStringLiteral("en")))
            problem(path, Tr::tr("needs an English text (\"en\")"));
        return out;
    }

private:
    QList<ModelProblem>* m_problems;
    bool m_any = false;
};

QString typeKey(ModelParameter::Type type)
{
    for (const TypeKey& t : kParamTypes)
        if (t.type == type)
            return QString::fromLatin1(t.key);
    return {};
}

// A column reference in the body: a column name, or "$parameter" naming a column parameter.
void checkColumnRef(Checker& c, const ModelDefinition& m, const QJsonValue& v, const QString& path)
{
    if (!v.isString() || v.toString().isEmpty()) {
        c.problem(path, Tr::tr("expected a column's name or \"$parameter\""));
        return;
    }
    const QString s = v.toString();
    if (s.startsWith(QLatin1Char('$'))) {
        const ModelParameter* p = m.parameter(s.mid(1));
        if (!p)
            c.problem(path, Tr::tr("no parameter %1 is declared").arg(s.mid(1)));
        else if (p->type != ModelParameter::Type::Column)
            c.problem(path, Tr::tr("parameter %1 is not a column").arg(s.mid(1)));
    }
}

void checkRuleBody(Checker& c, const ModelDefinition& m)
{
    const QJsonObject b = m.body;
    const QString match = b.value(QStringLiteral("match")).toString(QStringLiteral("all"));
    if (!QStringList{QStringLiteral("all"), QStringLiteral("any"), QStringLiteral("score")}.contains(match))
        c.problem(QStringLiteral("rule.match"), Tr::tr("expected all, any or score"));
    if (match == QLatin1String("score") && !b.value(QStringLiteral("threshold")).isDouble())
        c.problem(QStringLiteral("rule.threshold"), Tr::tr("a score rule needs a threshold (the sum of weights a row must reach)"));
    const QJsonValue conds = b.value(QStringLiteral("conditions"));
    if (!conds.isArray() || conds.toArray().isEmpty()) {
        c.problem(QStringLiteral("rule.conditions"), Tr::tr("expected a list of at least one condition"));
    } else {
        const QJsonArray list = conds.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString path = QStringLiteral("rule.conditions[%1]").arg(i);
            if (!list[i].isObject()) {
                c.problem(path, Tr::tr("expected an object with column, op and value"));
                continue;
            }
            const QJsonObject cond = list[i].toObject();
            checkColumnRef(c, m, cond.value(QStringLiteral("column")), path + QStringLiteral(".column"));
            const QString op = cond.value(QStringLiteral("op")).toString();
            if (!kOps.contains(op)) {
                c.problem(path + QStringLiteral(".op"), Tr::tr("expected one of %1").arg(kOps.join(QStringLiteral(", "))));
                continue;
            }
            const QJsonValue value = cond.value(QStringLiteral("value"));
            if ((op == QLatin1String("in") || op == QLatin1String("not_in")) && !value.isArray())
                c.problem(path + QStringLiteral(".value"), Tr::tr("%1 needs a list of values").arg(op));
            else if (op == QLatin1String("matches")) {
                const QRegularExpression re(value.toString());
                if (!value.isString() || !re.isValid())
                    c.problem(path + QStringLiteral(".value"),
                              Tr::tr("not a regular expression: %1").arg(value.isString() ? re.errorString() : Tr::tr("expected a text")));
            } else if (op != QLatin1String("empty") && op != QLatin1String("not_empty") && op != QLatin1String("in")
                       && op != QLatin1String("not_in") && !value.isString() && !value.isDouble())
                c.problem(path + QStringLiteral(".value"), Tr::tr("expected a text or a number"));
            if (cond.contains(QStringLiteral("weight")) && !cond.value(QStringLiteral("weight")).isDouble())
                c.problem(path + QStringLiteral(".weight"), Tr::tr("expected a number"));
            c.localText(cond.value(QStringLiteral("label")), path + QStringLiteral(".label"), false);
        }
    }
    if (b.contains(QStringLiteral("group_by")))
        checkColumnRef(c, m, b.value(QStringLiteral("group_by")), QStringLiteral("rule.group_by"));
    if (b.contains(QStringLiteral("count"))) {
        const QJsonObject count = b.value(QStringLiteral("count")).toObject();
        checkColumnRef(c, m, count.value(QStringLiteral("key")), QStringLiteral("rule.count.key"));
        checkColumnRef(c, m, count.value(QStringLiteral("time")), QStringLiteral("rule.count.time"));
        if (!parseModelDuration(count.value(QStringLiteral("window"))))
            c.problem(QStringLiteral("rule.count.window"), Tr::tr("expected a duration like 30m, 24h or 7d"));
        if (count.value(QStringLiteral("at_least")).toInt(0) < 2)
            c.problem(QStringLiteral("rule.count.at_least"), Tr::tr("expected a whole number of at least 2"));
    }
}

void checkResolutionBody(Checker& c, const ModelDefinition& m)
{
    const QJsonObject b = m.body;
    const QJsonArray fields = b.value(QStringLiteral("fields")).toArray();
    if (fields.isEmpty())
        c.problem(QStringLiteral("entity_resolution.fields"), Tr::tr("expected a list of at least one field to compare"));
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const QString path = QStringLiteral("entity_resolution.fields[%1]").arg(i);
        const QJsonObject f = fields[i].toObject();
        checkColumnRef(c, m, f.value(QStringLiteral("column")), path + QStringLiteral(".column"));
        if (!kCompares.contains(f.value(QStringLiteral("compare")).toString(QStringLiteral("exact"))))
            c.problem(path + QStringLiteral(".compare"), Tr::tr("expected one of %1").arg(kCompares.join(QStringLiteral(", "))));
        const double mp = f.value(QStringLiteral("m")).toDouble(-1), up = f.value(QStringLiteral("u")).toDouble(-1);
        if (!(mp > 0 && mp < 1))
            c.problem(path + QStringLiteral(".m"), Tr::tr("expected a probability between 0 and 1 (not 0 or 1)"));
        if (!(up > 0 && up < 1))
            c.problem(path + QStringLiteral(".u"), Tr::tr("expected a probability between 0 and 1 (not 0 or 1)"));
        if (mp > 0 && mp < 1 && up > 0 && up < 1 && mp <= up)
            c.problem(path, Tr::tr("m (agreement among true matches) must be above u (agreement by chance)"));
    }
    const QJsonArray blocking = b.value(QStringLiteral("blocking")).toArray();
    if (blocking.isEmpty())
        c.problem(QStringLiteral("entity_resolution.blocking"),
                  Tr::tr("expected at least one blocking rule (the columns a candidate pair must share), or every pair would be compared"));
    for (qsizetype i = 0; i < blocking.size(); ++i) {
        const QJsonArray cols = blocking[i].toArray();
        if (cols.isEmpty())
            c.problem(QStringLiteral("entity_resolution.blocking[%1]").arg(i), Tr::tr("expected a list of columns"));
        for (qsizetype j = 0; j < cols.size(); ++j)
            checkColumnRef(c, m, cols[j], QStringLiteral("entity_resolution.blocking[%1][%2]").arg(i).arg(j));
    }
    const double prior = b.value(QStringLiteral("prior")).toDouble(0.001);
    if (!(prior > 0 && prior < 1))
        c.problem(QStringLiteral("entity_resolution.prior"), Tr::tr("expected a probability between 0 and 1 (not 0 or 1)"));
}

} // namespace

QString ModelProblem::toString() const
{
    return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
}

QString modelKindKey(ModelKind kind)
{
    for (const KindKey& k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.key);
    return {};
}

QString modelKindName(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Rule:
        return Tr::tr("rule");
    case ModelKind::Spike:
        return Tr::tr("spike");
    case ModelKind::Rings:
        return Tr::tr("shared-identifier rings");
    case ModelKind::GeoTemporal:
        return Tr::tr("geo-temporal clusters");
    case ModelKind::EntityResolution:
        return Tr::tr("entity resolution");
    }
    return {};
}

QString ModelDefinition::titleIn(const QString& language) const
{
    return title.value(language, title.value(QStringLiteral("en")));
}

QString ModelDefinition::descriptionIn(const QString& language) const
{
    return description.value(language, description.value(QStringLiteral("en")));
}

const ModelParameter* ModelDefinition::parameter(const QString& name) const
{
    for (const ModelParameter& p : parameters)
        if (p.name == name)
            return &p;
    return nullptr;
}

std::optional<qint64> parseModelDuration(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double s = value.toDouble();
        if (s > 0 && s < 1e9)
            return qint64(s * 1000);
        return std::nullopt;
    }
    static const QRegularExpression re(QStringLiteral("^(\\d{1,6})(s|m|h|d|w)$"));
    const auto m = re.match(value.toString().trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    if (n <= 0)
        return std::nullopt;
    const QChar unit = m.captured(2).at(0);
    const qint64 per = unit == QLatin1Char('s') ? 1000
        : unit == QLatin1Char('m')              ? 60'000
        : unit == QLatin1Char('h')              ? 3'600'000
        : unit == QLatin1Char('d')              ? 86'400'000
                                                : 7 * qint64(86'400'000);
    return n * per;
}

std::optional<ModelDefinition> ModelDefinition::fromJson(const QByteArray& json, QList<ModelProblem>* problems)
{
    Checker c(problems);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        // The line and column of the mistake, counted from the offset.
        const QByteArray before = json.left(parseError.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(before.size() - before.lastIndexOf('\n'));
        c.problem({}, Tr::tr("not JSON: %1 at line %2, column %3").arg(parseError.errorString()).arg(line).arg(column));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        c.problem({}, Tr::tr("expected a JSON object"));
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    ModelDefinition m;
    m.source = json;
    if (o.value(QStringLiteral("schema")).toInt(0) != 1)
        c.problem(QStringLiteral("schema"), Tr::tr("expected 1 (the model file format this version reads)"));
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{1,63}$"));
    m.id = o.value(QStringLiteral("id")).toString();
    if (!idPattern.match(m.id).hasMatch())
        c.problem(QStringLiteral("id"), Tr::tr("expected 2 to 64 lower-case letters, digits, '_' or '-', starting with a letter or digit"));
    const QJsonValue version = o.value(QStringLiteral("version"));
    m.version = version.toInt(0);
    if (!version.isDouble() || m.version < 1 || double(m.version) != version.toDouble())
        c.problem(QStringLiteral("version"), Tr::tr("expected a whole number of at least 1"));
    bool kindKnown = false;
    const QString kind = o.value(QStringLiteral("kind")).toString();
    for (const KindKey& k : kKinds) {
        if (kind == QLatin1String(k.key)) {
            m.kind = k.kind;
            kindKnown = true;
        }
    }
    if (!kindKnown)
        c.problem(QStringLiteral("kind"), Tr::tr("expected one of rule, spike, rings, geo_temporal, entity_resolution"));
    m.title = c.localText(o.value(QStringLiteral("title")), QStringLiteral("title"), true);
    m.description = c.localText(o.value(QStringLiteral("description")), QStringLiteral("description"), false);

    // Parameters.
    const QJsonValue params = o.value(QStringLiteral("parameters"));
    if (!params.isUndefined() && !params.isObject())
        c.problem(QStringLiteral("parameters"), Tr::tr("expected an object of parameters by name"));
    const QJsonObject po = params.toObject();
    static const QRegularExpression namePattern(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
    for (auto it = po.begin(); it != po.end(); ++it) {
        const QString path = QStringLiteral("parameters.") + it.key();
        if (!namePattern.match(it.key()).hasMatch()) {
            c.problem(path, Tr::tr("a parameter's name is lower-case letters, digits and '_', starting with a letter"));
            continue;
        }
        if (!it.value().isObject()) {
            c.problem(path, Tr::tr("expected an object with type and default"));
            continue;
        }
        const QJsonObject p = it.value().toObject();
        ModelParameter param;
        param.name = it.key();
        bool typeKnown = false;
        for (const TypeKey& t : kParamTypes) {
            if (p.value(QStringLiteral("type")).toString() == QLatin1String(t.key)) {
                param.type = t.type;
                typeKnown = true;
            }
        }
        if (!typeKnown) {
            c.problem(path + QStringLiteral(".type"), Tr::tr("expected one of column, columns, integer, number, text, choice, duration"));
            continue;
        }
        if (p.contains(QStringLiteral("min")))
            param.minimum = p.value(QStringLiteral("min")).toDouble();
        if (p.contains(QStringLiteral("max")))
            param.maximum = p.value(QStringLiteral("max")).toDouble();
        for (const QJsonValue& choice : p.value(QStringLiteral("choices")).toArray())
            param.choices << choice.toString();
        if (param.type == ModelParameter::Type::Choice && param.choices.isEmpty())
            c.problem(path + QStringLiteral(".choices"), Tr::tr("a choice needs its list of choices"));
        param.description = c.localText(p.value(QStringLiteral("description")), path + QStringLiteral(".description"), false);
        param.defaultValue = p.value(QStringLiteral("default"));
        m.parameters << param;
    }
    // Each default is checked as a given value would be (without records: column names unchecked).
    for (const ModelParameter& p : std::as_const(m.parameters)) {
        if (p.defaultValue.isUndefined())
            continue;
        QList<ModelProblem> own;
        ModelDefinition one;
        one.parameters = {p};
        QMap<QString, QJsonValue> given;
        given.insert(p.name, p.defaultValue);
        if (!resolveParameters(one, given, nullptr, &own))
            for (const ModelProblem& problem : std::as_const(own))
                c.problem(QStringLiteral("parameters.%1.default").arg(p.name), problem.message);
    }
    if (kindKnown) {
        for (const Needed& n : neededParameters(m.kind)) {
            const ModelParameter* p = m.parameter(QString::fromLatin1(n.name));
            if (!p)
                c.problem(QStringLiteral("parameters"), Tr::tr("a %1 model needs the parameter %2 (%3)")
                                                            .arg(kind, QString::fromLatin1(n.name), typeKey(n.type)));
            else if (p->type != n.type)
                c.problem(QStringLiteral("parameters.%1.type").arg(QString::fromLatin1(n.name)),
                          Tr::tr("a %1 model reads %2 as %3").arg(kind, QString::fromLatin1(n.name), typeKey(n.type)));
        }
        if (m.kind == ModelKind::Spike) {
            if (const ModelParameter* method = m.parameter(QStringLiteral("method"))) {
                for (const QString& choice : method->choices)
                    if (choice != QLatin1String("ewma") && choice != QLatin1String("seasonal"))
                        c.problem(QStringLiteral("parameters.method.choices"), Tr::tr("a spike's method is ewma or seasonal, not %1").arg(choice));
            }
        }
        // The kind's own part.
        m.body = o.value(kind).toObject();
        if (o.contains(kind) && !o.value(kind).isObject())
            c.problem(kind, Tr::tr("expected an object"));
        if (m.kind == ModelKind::Rule)
            checkRuleBody(c, m);
        else if (m.kind == ModelKind::EntityResolution)
            checkResolutionBody(c, m);
        else if (m.kind == ModelKind::Rings) {
            const QJsonObject score = m.body.value(QStringLiteral("score")).toObject();
            for (auto it = score.begin(); it != score.end(); ++it) {
                if (!QStringList{QStringLiteral("size"), QStringLiteral("kinds"), QStringLiteral("ties"), QStringLiteral("density"),
                                 QStringLiteral("full_size")}
                         .contains(it.key()))
                    c.problem(QStringLiteral("rings.score.") + it.key(), Tr::tr("expected size, kinds, ties, density or full_size"));
                else if (!it.value().isDouble() || it.value().toDouble() < 0)
                    c.problem(QStringLiteral("rings.score.") + it.key(), Tr::tr("expected a number of at least 0"));
            }
        }
    }
    // Anything else at the top is a mistake worth naming (a misspelt key would be ignored otherwise).
    static const QStringList known{QStringLiteral("schema"), QStringLiteral("id"),          QStringLiteral("version"),
                                   QStringLiteral("kind"),   QStringLiteral("title"),       QStringLiteral("description"),
                                   QStringLiteral("parameters")};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()) && it.key() != kind)
            c.problem(it.key(), Tr::tr("not a key of a model file"));
    if (c.any())
        return std::nullopt;
    return m;
}

std::optional<ModelDefinition> ModelDefinition::fromFile(const QString& path, QList<ModelProblem>* problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (problems)
            *problems << ModelProblem{{}, Tr::tr("cannot read %1: %2").arg(path, file.errorString())};
        return std::nullopt;
    }
    if (file.size() > 1024 * 1024) {
        if (problems)
            *problems << ModelProblem{{}, Tr::tr("%1 is over 1 MB: not a model file").arg(path)};
        return std::nullopt;
    }
    auto m = fromJson(file.readAll(), problems);
    if (m)
        m->origin = path.startsWith(QLatin1String(":/")) ? QStringLiteral("bundled") : path;
    return m;
}

QList<ModelDefinition> bundledModels()
{
    QList<ModelDefinition> out;
    const QDir dir(QStringLiteral(":/hexhub/bigdata/models"));
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QList<ModelProblem> problems;
        if (auto m = ModelDefinition::fromFile(dir.filePath(name), &problems))
            out << *m;
        else
            qWarning("bundled model %s is not valid: %s", qPrintable(name), qPrintable(problems.value(0).toString()));
    }
    std::sort(out.begin(), out.end(), [](const ModelDefinition& a, const ModelDefinition& b) { return a.id < b.id; });
    return out;
}

std::optional<ModelDefinition> findModel(const QString& idOrPath, QList<ModelProblem>* problems)
{
    if (idOrPath.contains(QLatin1Char('/')) || idOrPath.endsWith(QLatin1String(".json")))
        return ModelDefinition::fromFile(idOrPath, problems);
    QStringList ids;
    for (const ModelDefinition& m : bundledModels()) {
        if (m.id == idOrPath)
            return m;
        ids << m.id;
    }
    if (problems)
        *problems << ModelProblem{{}, Tr::tr("no bundled model %1; the bundled models are %2, or give a model file's path")
                                         .arg(idOrPath, ids.join(QStringLiteral(", ")))};
    return std::nullopt;
}

std::optional<QJsonObject> resolveParameters(const ModelDefinition& model, const QMap<QString, QJsonValue>& given,
                                             const RecordSet* records, QList<ModelProblem>* problems)
{
    Checker c(problems);
    for (auto it = given.begin(); it != given.end(); ++it)
        if (!model.parameter(it.key())) {
            QStringList names;
            for (const ModelParameter& p : model.parameters)
                names << p.name;
            c.problem(QStringLiteral("param ") + it.key(),
                      Tr::tr("the model has no such parameter; its parameters are %1").arg(names.join(QStringLiteral(", "))));
        }
    QStringList columnNames;
    if (records)
        for (const ColumnSpec& s : records->columns())
            columnNames << s.name;
    const auto checkColumn = [&](const QString& path, const QString& name) {
        if (name.trimmed().isEmpty()) {
            c.problem(path, Tr::tr("expected a column's name"));
            return;
        }
        if (records && records->column(name) < 0)
            c.problem(path, Tr::tr("no column %1; the columns are %2").arg(name, columnNames.join(QStringLiteral(", "))));
    };
    QJsonObject out;
    for (const ModelParameter& p : model.parameters) {
        const QString path = QStringLiteral("param ") + p.name;
        QJsonValue v = given.contains(p.name) ? given.value(p.name) : p.defaultValue;
        if (v.isUndefined() || v.isNull()) {
            c.problem(path, Tr::tr("needed and has no default"));
            continue;
        }
        const bool text = v.isString();
        switch (p.type) {
        case ModelParameter::Type::Column:
            if (!v.isString())
                c.problem(path, Tr::tr("expected a column's name"));
            else
                checkColumn(path, v.toString());
            out.insert(p.name, v.toString());
            break;
        case ModelParameter::Type::Columns: {
            QStringList names;
            if (v.isArray()) {
                for (const QJsonValue& e : v.toArray())
                    names << e.toString();
            } else if (text) {
                for (const QString& n : v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
                    names << n.trimmed();
            }
            if (names.isEmpty())
                c.problem(path, Tr::tr("expected one or more column names (a,b,c)"));
            for (const QString& n : std::as_const(names))
                checkColumn(path, n);
            out.insert(p.name, QJsonArray::fromStringList(names));
            break;
        }
        case ModelParameter::Type::Integer:
        case ModelParameter::Type::Number: {
            bool ok = v.isDouble();
            double d = v.toDouble();
            if (text)
                d = v.toString().trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(d) || (p.type == ModelParameter::Type::Integer && d != std::floor(d))) {
                c.problem(path, p.type == ModelParameter::Type::Integer ? Tr::tr("expected a whole number") : Tr::tr("expected a number"));
                break;
            }
            if ((p.minimum && d < *p.minimum) || (p.maximum && d > *p.maximum)) {
                c.problem(path, Tr::tr("%1 is outside %2 to %3")
                                    .arg(d)
                                    .arg(p.minimum ? QString::number(*p.minimum) : QStringLiteral("-"))
                                    .arg(p.maximum ? QString::number(*p.maximum) : QStringLiteral("-")));
                break;
            }
            out.insert(p.name, d);
            break;
        }
        case ModelParameter::Type::Text:
            if (!v.isString())
                c.problem(path, Tr::tr("expected a text"));
            out.insert(p.name, v.toString());
            break;
        case ModelParameter::Type::Choice:
            if (!p.choices.contains(v.toString()))
                c.problem(path, Tr::tr("expected one of %1").arg(p.choices.join(QStringLiteral(", "))));
            out.insert(p.name, v.toString());
            break;
        case ModelParameter::Type::Duration: {
            const auto ms = parseModelDuration(v);
            if (!ms)
                c.problem(path, Tr::tr("expected a duration like 30m, 1h or 7d"));
            else
                out.insert(p.name, v); // as written ("1h"): read again with parseModelDuration()
            break;
        }
        }
    }
    if (c.any())
        return std::nullopt;
    return out;
}

} // namespace hexhub::bigdata
