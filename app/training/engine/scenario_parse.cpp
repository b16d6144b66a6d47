// Scenario files read and checked: every problem reported with its JSON path; the bundled scenarios.
#include "scenario.h"

#include "base/coretr.h"
#include "hexhub/hub/dispatch.h"
#include "bus/event.h"
#include "hexhub/hub/incident.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <functional>

namespace hexhub {

namespace {

// Topics the hub's and core's own services write with their data: an inject must not fake them.
const QStringList& reservedTopicPrefixes()
{
    static const QStringList prefixes{
        QStringLiteral("incident."), QStringLiteral("unit."), QStringLiteral("task."),   QStringLiteral("operation."),
        QStringLiteral("category."), QStringLiteral("camera."), QStringLiteral("media."), QStringLiteral("training."),
        QStringLiteral("user."),     QStringLiteral("role."),  QStringLiteral("session."), QStringLiteral("audit.")};
    return prefixes;
}

QString jsonTypeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return Tr::tr("null");
    case QJsonValue::Bool: return Tr::tr("true/false");
    case QJsonValue::Double: return Tr::tr("a number");
    case QJsonValue::String: return Tr::tr("a string");
    case QJsonValue::Array: return Tr::tr("an array");
    case QJsonValue::Object: return Tr::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return Tr::tr("nothing");
}

//! Calls `f(name, path)` for every "@name..." string in `value` ("@@" escapes a literal '@').
void forEachRef(const QJsonValue& value, const QString& path, const std::function<void(const QString&, const QString&)>& f)
{
    if (value.isString()) {
        const QString s = value.toString();
        if (s.startsWith(QLatin1Char('@')) && !s.startsWith(QStringLiteral("@@")))
            f(s.mid(1).section(QLatin1Char('.'), 0, 0), path);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            forEachRef(a.at(i), path + QStringLiteral("[%1]").arg(i), f);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            forEachRef(it.value(), path + QLatin1Char('.') + it.key(), f);
    }
}

class Reader
{
public:
    explicit Reader(QList<ScenarioProblem>* problems) : m_problems(problems) {}

    int count() const { return m_count; }

    void problem(const QString& path, const QString& message)
    {
        ++m_count;
        if (m_problems)
            m_problems->append(ScenarioProblem{path, message});
    }

    static QString key(const QString& path, const QString& k) { return path.isEmpty() ? k : path + QLatin1Char('.') + k; }
    static QString index(const QString& path, qsizetype i) { return path + QStringLiteral("[%1]").arg(i); }

    void keys(const QJsonObject& obj, const QString& path, const QStringList& allowed)
    {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (!allowed.contains(it.key()))
                problem(key(path, it.key()), Tr::tr("unknown key (expected one of: %1)").arg(allowed.join(QStringLiteral(", "))));
        }
    }

    bool present(const QJsonObject& obj, const QString& path, const QString& k, bool required)
    {
        if (obj.contains(k))
            return true;
        if (required)
            problem(key(path, k), Tr::tr("missing (required)"));
        return false;
    }

    void wrongType(const QString& path, const QString& expected, const QJsonValue& got)
    {
        problem(path, Tr::tr("expected %1, not %2").arg(expected, jsonTypeName(got)));
    }

    std::optional<QString> string(const QJsonObject& obj, const QString& path, const QString& k, bool required)
    {
        if (!present(obj, path, k, required))
            return std::nullopt;
        const QJsonValue v = obj.value(k);
        if (!v.isString()) {
            wrongType(key(path, k), Tr::tr("a string"), v);
            return std::nullopt;
        }
        if (v.toString().trimmed().isEmpty()) {
            problem(key(path, k), Tr::tr("must not be empty"));
            return std::nullopt;
        }
        return v.toString();
    }

    std::optional<QString> identifier(const QJsonObject& obj, const QString& path, const QString& k, bool required)
    {
        static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
        auto s = string(obj, path, k, required);
        if (s && !re.match(*s).hasMatch()) {
            problem(key(path, k), Tr::tr("\"%1\" is not an id: use lower-case letters, digits, '-' and '_'").arg(*s));
            return std::nullopt;
        }
        return s;
    }

    std::optional<qint64> duration(const QJsonObject& obj, const QString& path, const QString& k, bool required)
    {
        if (!present(obj, path, k, required))
            return std::nullopt;
        const QJsonValue v = obj.value(k);
        const auto ms = v.isString() ? parseScenarioDuration(v.toString()) : std::nullopt;
        if (!ms) {
            problem(key(path, k), Tr::tr("expected a duration like 2m30s"));
            return std::nullopt;
        }
        return ms;
    }

    std::optional<ScenarioText> text(const QJsonObject& obj, const QString& path, const QString& k, bool required)
    {
        static const QRegularExpression localeName(QStringLiteral("^[a-z]{2,3}(_[A-Z]{2})?$"));
        if (!present(obj, path, k, required))
            return std::nullopt;
        const QJsonValue v = obj.value(k);
        const QString p = key(path, k);
        if (v.isString()) {
            if (v.toString().trimmed().isEmpty()) {
                problem(p, Tr::tr("must not be empty"));
                return std::nullopt;
            }
            return ScenarioText{v.toString(), {}};
        }
        if (!v.isObject()) {
            problem(p, Tr::tr("expected text: a string, or {\"en\": \"...\", \"zh_CN\": \"...\"}"));
            return std::nullopt;
        }
        const QJsonObject o = v.toObject();
        ScenarioText out;
        bool ok = true;
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString lp = key(p, it.key());
            if (!localeName.match(it.key()).hasMatch()) {
                problem(lp, Tr::tr("not a language: use a locale name like en or zh_CN"));
                ok = false;
            } else if (!it.value().isString() || it.value().toString().trimmed().isEmpty()) {
                problem(lp, Tr::tr("expected a non-empty string"));
                ok = false;
            } else if (it.key() == QLatin1String("en")) {
                out.en = it.value().toString();
            } else {
                out.translations.insert(it.key(), it.value().toString());
            }
        }
        if (!o.contains(QStringLiteral("en"))) {
            problem(key(p, QStringLiteral("en")), Tr::tr("missing (required: the English text)"));
            ok = false;
        }
        return ok ? std::optional<ScenarioText>(out) : std::nullopt;
    }

    std::optional<QString> module(const QJsonObject& obj, const QString& path, const QString& k, bool required)
    {
        auto s = string(obj, path, k, required);
        if (s && !Scenario::knownModules().contains(*s)) {
            problem(key(path, k), Tr::tr("\"%1\" is not a module (one of: %2)").arg(*s, Scenario::knownModules().join(QStringLiteral(", "))));
            return std::nullopt;
        }
        return s;
    }

    std::optional<QJsonObject> object(const QJsonObject& obj, const QString& path, const QString& k, bool required)
    {
        if (!present(obj, path, k, required))
            return std::nullopt;
        const QJsonValue v = obj.value(k);
        if (!v.isObject()) {
            wrongType(key(path, k), Tr::tr("an object"), v);
            return std::nullopt;
        }
        return v.toObject();
    }

    std::optional<QJsonArray> array(const QJsonObject& obj, const QString& path, const QString& k, bool required, bool nonEmpty)
    {
        if (!present(obj, path, k, required))
            return std::nullopt;
        const QJsonValue v = obj.value(k);
        if (!v.isArray()) {
            wrongType(key(path, k), Tr::tr("an array"), v);
            return std::nullopt;
        }
        if (nonEmpty && v.toArray().isEmpty()) {
            problem(key(path, k), Tr::tr("must not be empty"));
            return std::nullopt;
        }
        return v.toArray();
    }

    void refs(const QJsonValue& value, const QString& path, const QStringList& known, const QString& whatIsKnown)
    {
        forEachRef(value, path, [&](const QString& name, const QString& at) {
            if (!known.contains(name))
                problem(at, Tr::tr("\"@%1\" names no %2").arg(name, whatIsKnown));
        });
    }

    void incidentPayload(const QJsonObject& p, const QString& path)
    {
        keys(p, path,
             {QStringLiteral("category"), QStringLiteral("priority"), QStringLiteral("summary"), QStringLiteral("address"),
              QStringLiteral("position"), QStringLiteral("source"), QStringLiteral("centre")});
        string(p, path, QStringLiteral("category"), true);
        if (present(p, path, QStringLiteral("priority"), true)) {
            const QJsonValue v = p.value(QStringLiteral("priority"));
            const double d = v.toDouble(-1);
            if (!v.isDouble() || d != double(int(d)) || !Incident::isValidPriority(int(d)))
                problem(key(path, QStringLiteral("priority")), Tr::tr("expected a priority from 1 (most urgent) to 4"));
        }
        text(p, path, QStringLiteral("summary"), true);
        text(p, path, QStringLiteral("address"), false);
        if (auto pos = object(p, path, QStringLiteral("position"), false)) {
            const QString pp = key(path, QStringLiteral("position"));
            keys(*pos, pp, {QStringLiteral("lat"), QStringLiteral("lon")});
            QString why;
            if (!GeoPoint::fromJson(*pos, &why))
                problem(pp, Tr::tr("expected a position {\"lat\": 31.2304, \"lon\": 121.4737} on the earth"));
        }
        if (auto source = string(p, path, QStringLiteral("source"), false); source && !incidentSourceFromId(*source))
            problem(key(path, QStringLiteral("source")),
                    Tr::tr("\"%1\" is not an incident source (call, video, public_complaint, model_alert or centre)").arg(*source));
        module(p, path, QStringLiteral("centre"), false);
    }

    //! `atMs` (when given) receives the inject's time even when something else in it is wrong; -1 without one.
    std::optional<ScenarioInject> inject(const QJsonValue& json, const QString& path, const QStringList* knownRefs,
                                         qint64* atMs = nullptr)
    {
        const int before = m_count;
        if (atMs)
            *atMs = -1;
        if (!json.isObject()) {
            wrongType(path, Tr::tr("an object"), json);
            return std::nullopt;
        }
        const QJsonObject o = json.toObject();
        keys(o, path,
             {QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("kind"), QStringLiteral("topic"), QStringLiteral("payload"),
              QStringLiteral("label"), QStringLiteral("handledBy"), QStringLiteral("ref")});
        ScenarioInject out;
        out.id = identifier(o, path, QStringLiteral("id"), true).value_or(QString());
        const auto at = duration(o, path, QStringLiteral("at"), true);
        out.atMs = at.value_or(0);
        if (atMs)
            *atMs = at.value_or(-1);
        const auto kind = string(o, path, QStringLiteral("kind"), true);
        if (kind == QStringLiteral("incident"))
            out.kind = ScenarioInjectKind::Incident;
        else if (kind && kind != QStringLiteral("event"))
            problem(key(path, QStringLiteral("kind")), Tr::tr("expected event or incident"));
        out.label = text(o, path, QStringLiteral("label"), true).value_or(ScenarioText{});
        out.handledBy = module(o, path, QStringLiteral("handledBy"), true).value_or(QString());
        out.ref = identifier(o, path, QStringLiteral("ref"), false).value_or(QString());
        const bool isIncident = out.kind == ScenarioInjectKind::Incident;
        if (isIncident) {
            if (o.contains(QStringLiteral("topic")))
                problem(key(path, QStringLiteral("topic")), Tr::tr("an incident inject has no topic (it publishes incident.created)"));
            if (auto p = object(o, path, QStringLiteral("payload"), true)) {
                out.payload = *p;
                incidentPayload(*p, key(path, QStringLiteral("payload")));
            }
        } else if (kind == QStringLiteral("event")) {
            if (auto topic = string(o, path, QStringLiteral("topic"), true)) {
                out.topic = *topic;
                if (!isValidTopic(*topic)) {
                    problem(key(path, QStringLiteral("topic")),
                            Tr::tr("\"%1\" is not a topic: dotted lower-case words such as model.alerted").arg(*topic));
                } else {
                    for (const QString& prefix : reservedTopicPrefixes()) {
                        if (topic->startsWith(prefix))
                            problem(key(path, QStringLiteral("topic")),
                                    Tr::tr("%1 is written by Hexhub's own services with their data; an inject cannot publish "
                                           "it (an incident inject creates incidents)")
                                        .arg(*topic));
                    }
                }
            }
            out.payload = object(o, path, QStringLiteral("payload"), false).value_or(QJsonObject());
            if (out.payload.contains(QStringLiteral("exercise")))
                problem(key(key(path, QStringLiteral("payload")), QStringLiteral("exercise")),
                        Tr::tr("set by the run on every inject; leave it out"));
        }
        if (knownRefs)
            refs(out.payload, key(path, QStringLiteral("payload")), *knownRefs, Tr::tr("inject before this one"));
        if (m_count != before)
            return std::nullopt;
        return out;
    }

    std::optional<ScenarioExpectation> expectation(const QJsonValue& json, const QString& path)
    {
        const int before = m_count;
        if (!json.isObject()) {
            wrongType(path, Tr::tr("an object"), json);
            return std::nullopt;
        }
        const QJsonObject o = json.toObject();
        keys(o, path,
             {QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("after"), QStringLiteral("within"), QStringLiteral("topic"),
              QStringLiteral("match"), QStringLiteral("unitKind"), QStringLiteral("unitSkill")});
        ScenarioExpectation out;
        out.id = identifier(o, path, QStringLiteral("id"), true).value_or(QString());
        out.label = text(o, path, QStringLiteral("label"), true).value_or(ScenarioText{});
        out.after = string(o, path, QStringLiteral("after"), false).value_or(QStringLiteral("start"));
        if (auto within = duration(o, path, QStringLiteral("within"), true)) {
            out.withinMs = *within;
            if (*within <= 0)
                problem(key(path, QStringLiteral("within")), Tr::tr("must be longer than 0s"));
        }
        if (present(o, path, QStringLiteral("topic"), true)) {
            const QJsonValue v = o.value(QStringLiteral("topic"));
            const QString tp = key(path, QStringLiteral("topic"));
            auto add = [&](const QJsonValue& t, const QString& at) {
                if (!t.isString() || !isValidTopic(t.toString()))
                    problem(at, Tr::tr("expected a topic such as incident.dispatched"));
                else
                    out.topics << t.toString();
            };
            if (v.isArray()) {
                const QJsonArray a = v.toArray();
                if (a.isEmpty())
                    problem(tp, Tr::tr("must not be empty"));
                for (qsizetype i = 0; i < a.size(); ++i)
                    add(a.at(i), index(tp, i));
            } else {
                add(v, tp);
            }
        }
        out.match = object(o, path, QStringLiteral("match"), false).value_or(QJsonObject());
        if (auto kind = string(o, path, QStringLiteral("unitKind"), false)) {
            if (!unitKindFromId(*kind))
                problem(key(path, QStringLiteral("unitKind")), Tr::tr("\"%1\" is not a unit kind").arg(*kind));
            else
                out.unitKind = *kind;
        }
        out.unitSkill = string(o, path, QStringLiteral("unitSkill"), false).value_or(QString());
        if (m_count != before)
            return std::nullopt;
        return out;
    }

private:
    QList<ScenarioProblem>* m_problems;
    int m_count = 0;
};

QString lineAndColumn(const QByteArray& data, int offset)
{
    int line = 1, column = 1;
    for (int i = 0; i < offset && i < data.size(); ++i) {
        if (data.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return Tr::tr("line %1, column %2").arg(line).arg(column);
}

} // namespace

std::optional<ScenarioInject> ScenarioInject::fromJson(const QJsonValue& json, QList<ScenarioProblem>* problems, const QString& path,
                                                       const QStringList* knownRefs)
{
    Reader reader(problems);
    return reader.inject(json, path, knownRefs);
}

std::optional<Scenario> Scenario::fromJson(const QByteArray& data, QList<ScenarioProblem>* problems)
{
    Reader r(problems);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        r.problem({}, Tr::tr("not JSON (%1: %2)").arg(lineAndColumn(data, parseError.offset), parseError.errorString()));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        r.problem({}, Tr::tr("expected a JSON object with the scenario"));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    r.keys(root, {},
           {QStringLiteral("schema"), QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("summary"),
            QStringLiteral("duration"), QStringLiteral("modules"), QStringLiteral("injects"), QStringLiteral("expectations"),
            QStringLiteral("branches")});
    Scenario s;
    if (root.contains(QStringLiteral("schema")) && root.value(QStringLiteral("schema")).toDouble(-1) != kSchemaVersion)
        r.problem(QStringLiteral("schema"), Tr::tr("this Hexhub reads scenario schema %1").arg(kSchemaVersion));
    s.id = r.identifier(root, {}, QStringLiteral("id"), true).value_or(QString());
    s.title = r.text(root, {}, QStringLiteral("title"), true).value_or(ScenarioText{});
    s.summary = r.text(root, {}, QStringLiteral("summary"), false).value_or(ScenarioText{});
    const auto duration = r.duration(root, {}, QStringLiteral("duration"), true);
    if (duration && *duration <= 0)
        r.problem(QStringLiteral("duration"), Tr::tr("must be longer than 0s"));
    s.durationMs = duration.value_or(0);
    if (auto modules = r.array(root, {}, QStringLiteral("modules"), true, true)) {
        for (qsizetype i = 0; i < modules->size(); ++i) {
            const QJsonValue v = modules->at(i);
            const QString p = Reader::index(QStringLiteral("modules"), i);
            if (!v.isString() || !knownModules().contains(v.toString()))
                r.problem(p, Tr::tr("expected a module id (one of: %1)").arg(knownModules().join(QStringLiteral(", "))));
            else if (s.modules.contains(v.toString()))
                r.problem(p, Tr::tr("\"%1\" is listed twice").arg(v.toString()));
            else
                s.modules << v.toString();
        }
    }

    // Inject ids and refs are one namespace each across the main line and the branches.
    QHash<QString, QString> injectIds; // id -> path of its first definition
    QHash<QString, QString> refPaths;  // ref -> path of its definition
    auto registerInject = [&](const QJsonValue& v, const QString& path) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(QStringLiteral("id")).toString();
        if (!id.isEmpty()) {
            if (id == QLatin1String("start"))
                r.problem(Reader::key(path, QStringLiteral("id")), Tr::tr("\"start\" is reserved for the start of the scenario"));
            else if (injectIds.contains(id))
                r.problem(Reader::key(path, QStringLiteral("id")), Tr::tr("duplicate id \"%1\" (also %2)").arg(id, injectIds.value(id)));
            else
                injectIds.insert(id, path);
        }
        const QString ref = o.value(QStringLiteral("ref")).toString();
        if (!ref.isEmpty()) {
            if (refPaths.contains(ref))
                r.problem(Reader::key(path, QStringLiteral("ref")), Tr::tr("duplicate ref \"%1\" (also %2)").arg(ref, refPaths.value(ref)));
            else
                refPaths.insert(ref, path);
        }
    };

    QStringList mainRefs;
    if (auto injects = r.array(root, {}, QStringLiteral("injects"), true, true)) {
        qint64 previousAt = -1;
        QString previousPath;
        for (qsizetype i = 0; i < injects->size(); ++i) {
            const QString p = Reader::index(QStringLiteral("injects"), i);
            registerInject(injects->at(i), p);
            const QStringList known = mainRefs;
            qint64 at = -1;
            const auto inject = r.inject(injects->at(i), p, &known, &at);
            if (at >= 0) {
                if (at < previousAt)
                    r.problem(Reader::key(p, QStringLiteral("at")),
                              Tr::tr("comes before %1 (at %2): injects go in time order").arg(previousPath, formatScenarioDuration(previousAt)));
                if (duration && at > *duration)
                    r.problem(Reader::key(p, QStringLiteral("at")),
                              Tr::tr("after the end of the scenario (%1)").arg(formatScenarioDuration(*duration)));
                if (at >= previousAt) {
                    previousAt = at;
                    previousPath = p;
                }
            }
            if (inject)
                s.injects << *inject;
            const QString ref = injects->at(i).toObject().value(QStringLiteral("ref")).toString();
            if (!ref.isEmpty())
                mainRefs << ref;
        }
    }

    // Branches before expectations' cross-checks: their inject ids may be what an expectation follows.
    QList<std::pair<QString, QJsonObject>> branchJson;
    if (auto branches = r.array(root, {}, QStringLiteral("branches"), false, false)) {
        for (qsizetype i = 0; i < branches->size(); ++i) {
            const QString p = Reader::index(QStringLiteral("branches"), i);
            const QJsonValue v = branches->at(i);
            if (!v.isObject()) {
                r.wrongType(p, Tr::tr("an object"), v);
                continue;
            }
            const QJsonObject o = v.toObject();
            r.keys(o, p, {QStringLiteral("when"), QStringLiteral("outcome"), QStringLiteral("injects")});
            branchJson << std::pair{p, o};
            ScenarioBranch b;
            b.when = r.string(o, p, QStringLiteral("when"), true).value_or(QString());
            if (auto outcome = r.string(o, p, QStringLiteral("outcome"), true)) {
                const auto parsed = scenarioOutcomeFromId(*outcome);
                if (!parsed || (*parsed != ScenarioOutcome::Met && *parsed != ScenarioOutcome::Late && *parsed != ScenarioOutcome::Missed))
                    r.problem(Reader::key(p, QStringLiteral("outcome")), Tr::tr("expected met, late or missed"));
                else
                    b.outcome = *parsed;
            }
            QStringList known = mainRefs;
            if (auto injects = r.array(o, p, QStringLiteral("injects"), true, true)) {
                qint64 previousAt = -1;
                for (qsizetype j = 0; j < injects->size(); ++j) {
                    const QString ip = Reader::index(Reader::key(p, QStringLiteral("injects")), j);
                    registerInject(injects->at(j), ip);
                    const QStringList knownNow = known;
                    qint64 at = -1;
                    const auto inject = r.inject(injects->at(j), ip, &knownNow, &at);
                    if (at >= 0 && at < previousAt)
                        r.problem(Reader::key(ip, QStringLiteral("at")), Tr::tr("comes before the inject before it: injects go in time order"));
                    previousAt = std::max(previousAt, at);
                    if (inject)
                        b.injects << *inject;
                    const QString ref = injects->at(j).toObject().value(QStringLiteral("ref")).toString();
                    if (!ref.isEmpty())
                        known << ref;
                }
            }
            s.branches << b;
        }
    }

    QHash<QString, QString> expectationIds;
    if (auto expectations = r.array(root, {}, QStringLiteral("expectations"), false, false)) {
        const QStringList allRefs = refPaths.keys();
        for (qsizetype i = 0; i < expectations->size(); ++i) {
            const QString p = Reader::index(QStringLiteral("expectations"), i);
            const QJsonObject o = expectations->at(i).toObject();
            const QString id = o.value(QStringLiteral("id")).toString();
            if (!id.isEmpty()) {
                if (expectationIds.contains(id))
                    r.problem(Reader::key(p, QStringLiteral("id")), Tr::tr("duplicate id \"%1\" (also %2)").arg(id, expectationIds.value(id)));
                else
                    expectationIds.insert(id, p);
            }
            if (o.contains(QStringLiteral("after"))) {
                const QString after = o.value(QStringLiteral("after")).toString();
                if (after != QLatin1String("start") && !after.isEmpty() && !injectIds.contains(after))
                    r.problem(Reader::key(p, QStringLiteral("after")), Tr::tr("\"%1\" is not an inject id (or \"start\")").arg(after));
            }
            r.refs(o.value(QStringLiteral("match")), Reader::key(p, QStringLiteral("match")), allRefs, Tr::tr("inject"));
            if (auto e = r.expectation(expectations->at(i), p))
                s.expectations << *e;
        }
    }
    for (const auto& [p, o] : std::as_const(branchJson)) {
        const QString when = o.value(QStringLiteral("when")).toString();
        if (!when.isEmpty() && !expectationIds.contains(when))
            r.problem(Reader::key(p, QStringLiteral("when")), Tr::tr("\"%1\" is not an expectation id").arg(when));
    }

    if (r.count() > 0)
        return std::nullopt;
    return s;
}

std::optional<Scenario> Scenario::fromFile(const QString& path, QList<ScenarioProblem>* problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (problems)
            problems->append(ScenarioProblem{{}, Tr::tr("cannot read %1: %2").arg(path, file.errorString())});
        return std::nullopt;
    }
    return fromJson(file.readAll(), problems);
}

QStringList Scenario::bundled()
{
    const QDir dir(QStringLiteral(":/hexhub/scenarios"));
    QStringList out;
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        out << dir.filePath(name);
    return out;
}

} // namespace hexhub
