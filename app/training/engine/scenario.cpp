#include "scenario.h"

#include "base/coretr.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace hexhub {

QString ScenarioProblem::toString() const
{
    return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
}

std::optional<qint64> parseScenarioDuration(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,7})s)?$"));
    if (text.isEmpty())
        return std::nullopt;
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 h = m.captured(1).toLongLong();
    const qint64 min = m.captured(2).toLongLong();
    const qint64 s = m.captured(3).toLongLong();
    return ((h * 60 + min) * 60 + s) * 1000;
}

QString formatScenarioDuration(qint64 ms)
{
    QString out;
    if (ms < 0) {
        out = QStringLiteral("-");
        ms = -ms;
    }
    qint64 s = ms / 1000;
    const qint64 h = s / 3600;
    s %= 3600;
    const qint64 m = s / 60;
    s %= 60;
    if (h > 0)
        out += QStringLiteral("%1h").arg(h);
    if (m > 0)
        out += QStringLiteral("%1m").arg(m);
    if (s > 0 || (h == 0 && m == 0))
        out += QStringLiteral("%1s").arg(s);
    return out;
}

QString ScenarioText::text(const QString& language) const
{
    const QString lang = language.isEmpty() ? QLocale().name() : language;
    if (translations.contains(lang))
        return translations.value(lang);
    const QString base = lang.section(QLatin1Char('_'), 0, 0);
    if (!base.isEmpty() && base != QLatin1String("en")) {
        for (auto it = translations.cbegin(); it != translations.cend(); ++it) {
            if (it.key() == base || it.key().startsWith(base + QLatin1Char('_')))
                return it.value();
        }
    }
    return en;
}

QJsonValue ScenarioText::toJson() const
{
    if (translations.isEmpty())
        return en;
    QJsonObject json{{QStringLiteral("en"), en}};
    for (auto it = translations.cbegin(); it != translations.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QString scenarioInjectKindId(ScenarioInjectKind kind)
{
    return kind == ScenarioInjectKind::Incident ? QStringLiteral("incident") : QStringLiteral("event");
}

QString scenarioOutcomeId(ScenarioOutcome outcome)
{
    switch (outcome) {
    case ScenarioOutcome::Pending: return QStringLiteral("pending");
    case ScenarioOutcome::Met: return QStringLiteral("met");
    case ScenarioOutcome::Late: return QStringLiteral("late");
    case ScenarioOutcome::Missed: return QStringLiteral("missed");
    case ScenarioOutcome::Skipped: return QStringLiteral("skipped");
    }
    return {};
}

std::optional<ScenarioOutcome> scenarioOutcomeFromId(const QString& id)
{
    for (ScenarioOutcome o : {ScenarioOutcome::Pending, ScenarioOutcome::Met, ScenarioOutcome::Late, ScenarioOutcome::Missed,
                              ScenarioOutcome::Skipped}) {
        if (scenarioOutcomeId(o) == id)
            return o;
    }
    return std::nullopt;
}

QString scenarioOutcomeName(ScenarioOutcome outcome)
{
    switch (outcome) {
    case ScenarioOutcome::Pending: return Tr::tr("pending");
    case ScenarioOutcome::Met: return Tr::tr("met");
    case ScenarioOutcome::Late: return Tr::tr("late");
    case ScenarioOutcome::Missed: return Tr::tr("missed");
    case ScenarioOutcome::Skipped: return Tr::tr("skipped");
    }
    return {};
}

QJsonObject ScenarioInject::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("at"), formatScenarioDuration(atMs)},
                     {QStringLiteral("kind"), scenarioInjectKindId(kind)},
                     {QStringLiteral("label"), label.toJson()},
                     {QStringLiteral("handledBy"), handledBy}};
    if (kind == ScenarioInjectKind::Event)
        json.insert(QStringLiteral("topic"), topic);
    if (!payload.isEmpty())
        json.insert(QStringLiteral("payload"), payload);
    if (!ref.isEmpty())
        json.insert(QStringLiteral("ref"), ref);
    return json;
}

QJsonObject ScenarioExpectation::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("label"), label.toJson()},
                     {QStringLiteral("after"), after},
                     {QStringLiteral("within"), formatScenarioDuration(withinMs)}};
    if (topics.size() == 1)
        json.insert(QStringLiteral("topic"), topics.first());
    else
        json.insert(QStringLiteral("topic"), QJsonArray::fromStringList(topics));
    if (!match.isEmpty())
        json.insert(QStringLiteral("match"), match);
    if (!unitKind.isEmpty())
        json.insert(QStringLiteral("unitKind"), unitKind);
    if (!unitSkill.isEmpty())
        json.insert(QStringLiteral("unitSkill"), unitSkill);
    return json;
}

QJsonObject ScenarioBranch::toJson() const
{
    QJsonArray list;
    for (const ScenarioInject& i : injects)
        list.append(i.toJson());
    return {{QStringLiteral("when"), when}, {QStringLiteral("outcome"), scenarioOutcomeId(outcome)}, {QStringLiteral("injects"), list}};
}

const ScenarioInject* Scenario::inject(const QString& id) const
{
    for (const ScenarioInject& i : injects) {
        if (i.id == id)
            return &i;
    }
    for (const ScenarioBranch& b : branches) {
        for (const ScenarioInject& i : b.injects) {
            if (i.id == id)
                return &i;
        }
    }
    return nullptr;
}

const ScenarioExpectation* Scenario::expectation(const QString& id) const
{
    for (const ScenarioExpectation& e : expectations) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

QJsonObject Scenario::toJson() const
{
    QJsonArray injectList, expectationList, branchList;
    for (const ScenarioInject& i : injects)
        injectList.append(i.toJson());
    for (const ScenarioExpectation& e : expectations)
        expectationList.append(e.toJson());
    for (const ScenarioBranch& b : branches)
        branchList.append(b.toJson());
    return {{QStringLiteral("schema"), kSchemaVersion},
            {QStringLiteral("id"), id},
            {QStringLiteral("title"), title.toJson()},
            {QStringLiteral("summary"), summary.toJson()},
            {QStringLiteral("duration"), formatScenarioDuration(durationMs)},
            {QStringLiteral("modules"), QJsonArray::fromStringList(modules)},
            {QStringLiteral("injects"), injectList},
            {QStringLiteral("expectations"), expectationList},
            {QStringLiteral("branches"), branchList}};
}

const QStringList& Scenario::knownModules()
{
    static const QStringList ids{QStringLiteral("hub"),
                                 QStringLiteral("political_security"),
                                 QStringLiteral("basic_control"),
                                 QStringLiteral("criminal_intel"),
                                 QStringLiteral("bigdata_investigation"),
                                 QStringLiteral("case_management"),
                                 QStringLiteral("supervision")};
    return ids;
}

} // namespace hexhub
