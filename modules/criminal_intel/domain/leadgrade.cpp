// The leads' vocabulary: statuses, sources, the two grading schemes and what each grade means, the
// bands the triage limits run against, and the typed events.
#include "hexhub/criminal_intel/leads.h"

#include <QCoreApplication>

namespace hexhub::criminalintel {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::criminalintel::Leads)
};

const QString kAdmiraltySource = QStringLiteral("ABCDEF");
const QString kAdmiraltyInformation = QStringLiteral("123456");
const QString kSource3x5x2 = QStringLiteral("123");
const QString kIntelligence3x5x2 = QStringLiteral("ABCDE");

QStringList letters(const QString& s)
{
    QStringList out;
    for (const QChar c : s)
        out << QString(c);
    return out;
}

} // namespace

QString leadStatusKey(LeadStatus status)
{
    switch (status) {
    case LeadStatus::New: return QStringLiteral("new");
    case LeadStatus::Assessing: return QStringLiteral("assessing");
    case LeadStatus::Developing: return QStringLiteral("developing");
    case LeadStatus::Actioned: return QStringLiteral("actioned");
    case LeadStatus::Closed: return QStringLiteral("closed");
    }
    return {};
}

std::optional<LeadStatus> leadStatusFromKey(const QString& key)
{
    for (const LeadStatus s : {LeadStatus::New, LeadStatus::Assessing, LeadStatus::Developing, LeadStatus::Actioned, LeadStatus::Closed})
        if (leadStatusKey(s) == key)
            return s;
    return std::nullopt;
}

QString leadStatusName(LeadStatus status)
{
    switch (status) {
    case LeadStatus::New: return Tr::tr("new");
    case LeadStatus::Assessing: return Tr::tr("assessing");
    case LeadStatus::Developing: return Tr::tr("developing");
    case LeadStatus::Actioned: return Tr::tr("actioned");
    case LeadStatus::Closed: return Tr::tr("closed");
    }
    return {};
}

bool canMoveLead(LeadStatus from, LeadStatus to, bool graded)
{
    if (from == to || to == LeadStatus::New)
        return false;
    if (from == LeadStatus::Closed)
        return to == LeadStatus::Assessing;
    if (to == LeadStatus::Developing || to == LeadStatus::Actioned)
        return graded;
    return true;
}

QString leadSourceKey(LeadSource source)
{
    switch (source) {
    case LeadSource::BigData: return QStringLiteral("big_data");
    case LeadSource::Incident: return QStringLiteral("incident");
    case LeadSource::Centre: return QStringLiteral("centre");
    case LeadSource::Tip: return QStringLiteral("tip");
    }
    return {};
}

std::optional<LeadSource> leadSourceFromKey(const QString& key)
{
    for (const LeadSource s : {LeadSource::BigData, LeadSource::Incident, LeadSource::Centre, LeadSource::Tip})
        if (leadSourceKey(s) == key)
            return s;
    return std::nullopt;
}

QString leadSourceName(LeadSource source)
{
    switch (source) {
    case LeadSource::BigData: return Tr::tr("big-data hit");
    case LeadSource::Incident: return Tr::tr("hub incident");
    case LeadSource::Centre: return Tr::tr("another centre");
    case LeadSource::Tip: return Tr::tr("tip");
    }
    return {};
}

QString entityKindName(const QString& kind)
{
    if (kind == QLatin1String("person"))
        return Tr::tr("person");
    if (kind == QLatin1String("phone"))
        return Tr::tr("phone");
    if (kind == QLatin1String("vehicle"))
        return Tr::tr("vehicle");
    if (kind == QLatin1String("account"))
        return Tr::tr("account");
    if (kind == QLatin1String("address"))
        return Tr::tr("address");
    if (kind == QLatin1String("organisation"))
        return Tr::tr("organisation");
    if (kind == QLatin1String("event"))
        return Tr::tr("event");
    if (kind == QLatin1String("document"))
        return Tr::tr("document");
    if (kind == QLatin1String("device"))
        return Tr::tr("device");
    return kind;
}

QString gradingSchemeKey(GradingScheme scheme)
{
    return scheme == GradingScheme::Admiralty ? QStringLiteral("admiralty") : QStringLiteral("3x5x2");
}

std::optional<GradingScheme> gradingSchemeFromKey(const QString& key)
{
    if (key == QLatin1String("admiralty"))
        return GradingScheme::Admiralty;
    if (key == QLatin1String("3x5x2"))
        return GradingScheme::ThreeByFiveByTwo;
    return std::nullopt;
}

QString gradingSchemeName(GradingScheme scheme)
{
    return scheme == GradingScheme::Admiralty ? Tr::tr("Admiralty code (A-F, 1-6)") : Tr::tr("3x5x2 (1-3, A-E, P/C)");
}

QString gradeBandKey(GradeBand band)
{
    switch (band) {
    case GradeBand::High: return QStringLiteral("high");
    case GradeBand::Medium: return QStringLiteral("medium");
    case GradeBand::Low: return QStringLiteral("low");
    }
    return {};
}

QString gradeBandName(GradeBand band)
{
    switch (band) {
    case GradeBand::High: return Tr::tr("high");
    case GradeBand::Medium: return Tr::tr("medium");
    case GradeBand::Low: return Tr::tr("low");
    }
    return {};
}

QStringList LeadGrade::sourceGrades(GradingScheme scheme)
{
    return letters(scheme == GradingScheme::Admiralty ? kAdmiraltySource : kSource3x5x2);
}

QStringList LeadGrade::informationGrades(GradingScheme scheme)
{
    return letters(scheme == GradingScheme::Admiralty ? kAdmiraltyInformation : kIntelligence3x5x2);
}

QString LeadGrade::sourceGradeMeaning(GradingScheme scheme, const QString& grade)
{
    if (scheme == GradingScheme::Admiralty) {
        static const char* const kMeaning[] = {QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "reliable"),
                                               QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "usually reliable"),
                                               QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "fairly reliable"),
                                               QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "not usually reliable"),
                                               QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "unreliable"),
                                               QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "reliability cannot be judged")};
        const qsizetype i = kAdmiraltySource.indexOf(grade);
        return grade.size() == 1 && i >= 0 ? Tr::tr(kMeaning[i]) : QString();
    }
    static const char* const kMeaning[] = {QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "reliable"),
                                           QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "untested source"),
                                           QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "not reliable")};
    const qsizetype i = kSource3x5x2.indexOf(grade);
    return grade.size() == 1 && i >= 0 ? Tr::tr(kMeaning[i]) : QString();
}

QString LeadGrade::informationGradeMeaning(GradingScheme scheme, const QString& grade)
{
    if (scheme == GradingScheme::Admiralty) {
        static const char* const kMeaning[] = {QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "confirmed"),
                                               QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "probably true"),
                                               QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "possibly true"),
                                               QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "doubtful"),
                                               QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "improbable"),
                                               QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "truth cannot be judged")};
        const qsizetype i = kAdmiraltyInformation.indexOf(grade);
        return grade.size() == 1 && i >= 0 ? Tr::tr(kMeaning[i]) : QString();
    }
    static const char* const kMeaning[] = {QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "known directly"),
                                           QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "known indirectly, corroborated"),
                                           QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "known indirectly"),
                                           QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "not known"),
                                           QT_TRANSLATE_NOOP("hexhub::criminalintel::Leads", "suspected to be false")};
    const qsizetype i = kIntelligence3x5x2.indexOf(grade);
    return grade.size() == 1 && i >= 0 ? Tr::tr(kMeaning[i]) : QString();
}

QString LeadGrade::code() const
{
    if (scheme == GradingScheme::Admiralty)
        return source + information;
    return QStringList{source, information, handling}.join(QLatin1Char('/'));
}

GradeBand LeadGrade::band() const
{
    if (scheme == GradingScheme::Admiralty) {
        const qsizetype s = kAdmiraltySource.indexOf(source), i = kAdmiraltyInformation.indexOf(information);
        if (s <= 1 && i <= 1)
            return GradeBand::High;
        if (s >= 3 || i >= 3)
            return GradeBand::Low;
        return GradeBand::Medium;
    }
    const qsizetype s = kSource3x5x2.indexOf(source), i = kIntelligence3x5x2.indexOf(information);
    if (s == 0 && i <= 1)
        return GradeBand::High;
    if (s == 2 || i >= 3)
        return GradeBand::Low;
    return GradeBand::Medium;
}

QString LeadGrade::problem() const
{
    const bool admiralty = scheme == GradingScheme::Admiralty;
    if (source.size() != 1 || !sourceGrades(scheme).contains(source))
        return admiralty ? Tr::tr("Grade the source's reliability A to F.") : Tr::tr("Grade the source 1 to 3.");
    if (information.size() != 1 || !informationGrades(scheme).contains(information))
        return admiralty ? Tr::tr("Grade the information's credibility 1 to 6.") : Tr::tr("Grade the intelligence A to E.");
    if (admiralty && !handling.isEmpty())
        return Tr::tr("The admiralty code has no handling code; write the handling conditions in words.");
    if (!admiralty && handling != QLatin1String("P") && handling != QLatin1String("C"))
        return Tr::tr("Give the handling code: P (lawful sharing permitted) or C (conditions apply).");
    if (handling == QLatin1String("C") && conditions.trimmed().size() < 5)
        return Tr::tr("Handling code C needs its conditions, in words.");
    if (conditions.size() > 500)
        return Tr::tr("Keep the handling conditions under 500 characters.");
    return {};
}

QString LeadGrade::meaning() const
{
    return Tr::tr("%1; %2").arg(sourceGradeMeaning(scheme, source), informationGradeMeaning(scheme, information));
}

QString Lead::handlingText() const
{
    if (!grade)
        return Tr::tr("not graded yet; treat as restricted");
    if (!grade->conditions.isEmpty())
        return Tr::tr("%1 · %2").arg(grade->code(), grade->conditions);
    if (grade->handling == QLatin1String("P"))
        return Tr::tr("%1 · lawful sharing permitted").arg(grade->code());
    return Tr::tr("%1 · no conditions recorded").arg(grade->code());
}

QJsonObject LeadReceived::toJson() const
{
    return {{QStringLiteral("lead"), double(lead)},
            {QStringLiteral("reference"), reference},
            {QStringLiteral("source"), leadSourceKey(source)},
            {QStringLiteral("record"), sourceRecord},
            {QStringLiteral("summary"), summary}};
}

std::optional<LeadReceived> LeadReceived::fromJson(const QJsonObject& json)
{
    const auto source = leadSourceFromKey(json.value(QStringLiteral("source")).toString());
    if (!json.value(QStringLiteral("lead")).isDouble() || !source)
        return std::nullopt;
    return LeadReceived{qint64(json.value(QStringLiteral("lead")).toDouble()), json.value(QStringLiteral("reference")).toString(), *source,
                        json.value(QStringLiteral("record")).toString(), json.value(QStringLiteral("summary")).toString()};
}

QJsonObject LeadUpdated::toJson() const
{
    return {{QStringLiteral("lead"), double(lead)}, {QStringLiteral("reference"), reference}, {QStringLiteral("change"), change},
            {QStringLiteral("from"), from},         {QStringLiteral("to"), to},               {QStringLiteral("reason"), reason}};
}

std::optional<LeadUpdated> LeadUpdated::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("lead")).isDouble() || !json.value(QStringLiteral("change")).isString())
        return std::nullopt;
    return LeadUpdated{qint64(json.value(QStringLiteral("lead")).toDouble()), json.value(QStringLiteral("reference")).toString(),
                       json.value(QStringLiteral("change")).toString(),      json.value(QStringLiteral("from")).toString(),
                       json.value(QStringLiteral("to")).toString(),          json.value(QStringLiteral("reason")).toString()};
}

QJsonObject IntelSettingChanged::toJson() const
{
    return {{QStringLiteral("key"), key}, {QStringLiteral("from"), from}, {QStringLiteral("to"), to}, {QStringLiteral("reason"), reason}};
}

std::optional<IntelSettingChanged> IntelSettingChanged::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("key")).isString())
        return std::nullopt;
    return IntelSettingChanged{json.value(QStringLiteral("key")).toString(), json.value(QStringLiteral("from")).toString(),
                               json.value(QStringLiteral("to")).toString(), json.value(QStringLiteral("reason")).toString()};
}

} // namespace hexhub::criminalintel
