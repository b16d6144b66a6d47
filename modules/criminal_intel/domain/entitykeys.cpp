// Entities' and links' words (kinds, confidences, sources, relations) and the match keys that
// cross-referencing compares; the two events' JSON.
#include "hexhub/criminal_intel/entities.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace hexhub::criminalintel {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::criminalintel::EntityService)
};

const QList<std::pair<EntityKind, const char*>> kKinds{
    {EntityKind::Person, "person"},   {EntityKind::Phone, "phone"},   {EntityKind::Vehicle, "vehicle"},
    {EntityKind::Account, "account"}, {EntityKind::Address, "address"}, {EntityKind::Organisation, "organisation"},
    {EntityKind::Event, "event"},     {EntityKind::Document, "document"}, {EntityKind::Device, "device"}};

// Letters without their accents (é -> e), lower case.
QString plainLower(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out += c.toLower();
    return out;
}

QString lettersAndDigits(const QString& text, bool upper)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_KC))
        if (c.isLetterOrNumber())
            out += upper ? c.toUpper() : c;
    return out;
}

} // namespace

QString entityKindKey(EntityKind kind)
{
    for (const auto& [k, key] : kKinds)
        if (k == kind)
            return QString::fromLatin1(key);
    return {};
}

std::optional<EntityKind> entityKindFromKey(const QString& key)
{
    for (const auto& [k, name] : kKinds)
        if (key == QLatin1String(name))
            return k;
    return std::nullopt;
}

QList<EntityKind> allEntityKinds()
{
    QList<EntityKind> out;
    for (const auto& [k, key] : kKinds)
        out << k;
    return out;
}

QString entityMatchKey(EntityKind kind, const QString& label)
{
    switch (kind) {
    case EntityKind::Phone: {
        QString digits;
        for (const QChar c : label.normalized(QString::NormalizationForm_KC))
            if (c.isDigit())
                digits += c;
        // The country code of a mainland number said or not: +86 138..., 0086 138..., 138...
        if (digits.startsWith(QLatin1String("0086")) && digits.size() == 15)
            digits = digits.mid(4);
        else if (digits.startsWith(QLatin1String("86")) && digits.size() == 13)
            digits = digits.mid(2);
        return digits;
    }
    case EntityKind::Account:
    case EntityKind::Device:
    case EntityKind::Vehicle:
    case EntityKind::Document:
        return lettersAndDigits(label, true);
    case EntityKind::Person:
    case EntityKind::Organisation: {
        // Words sorted so the order a name is written in does not matter; Chinese kept as written.
        static const QRegularExpression split(QStringLiteral("[^\\p{L}\\p{N}]+"));
        QStringList words = plainLower(label).split(split, Qt::SkipEmptyParts);
        if (words.isEmpty())
            return {};
        const bool han = std::all_of(words.cbegin(), words.cend(), [](const QString& w) { return w.front().script() == QChar::Script_Han; });
        if (han)
            return words.join(QString());
        std::sort(words.begin(), words.end());
        return words.join(QLatin1Char(' '));
    }
    case EntityKind::Address:
    case EntityKind::Event: {
        static const QRegularExpression fold(QStringLiteral("[^\\p{L}\\p{N}]+"));
        return plainLower(label).replace(fold, QStringLiteral(" ")).trimmed();
    }
    }
    return {};
}

QString linkConfidenceKey(LinkConfidence confidence)
{
    switch (confidence) {
    case LinkConfidence::Confirmed:
        return QStringLiteral("confirmed");
    case LinkConfidence::Unconfirmed:
        return QStringLiteral("unconfirmed");
    case LinkConfidence::Tentative:
        return QStringLiteral("tentative");
    }
    return {};
}

std::optional<LinkConfidence> linkConfidenceFromKey(const QString& key)
{
    for (LinkConfidence c : {LinkConfidence::Confirmed, LinkConfidence::Unconfirmed, LinkConfidence::Tentative})
        if (linkConfidenceKey(c) == key)
            return c;
    return std::nullopt;
}

QString linkConfidenceName(LinkConfidence confidence)
{
    switch (confidence) {
    case LinkConfidence::Confirmed:
        return Tr::tr("confirmed");
    case LinkConfidence::Unconfirmed:
        return Tr::tr("unconfirmed");
    case LinkConfidence::Tentative:
        return Tr::tr("tentative");
    }
    return {};
}

QString linkSourceKey(LinkSource source)
{
    switch (source) {
    case LinkSource::Lead:
        return QStringLiteral("lead");
    case LinkSource::Record:
        return QStringLiteral("record");
    case LinkSource::DatasetRow:
        return QStringLiteral("dataset_row");
    case LinkSource::Analyst:
        return QStringLiteral("analyst");
    }
    return {};
}

std::optional<LinkSource> linkSourceFromKey(const QString& key)
{
    for (LinkSource s : {LinkSource::Lead, LinkSource::Record, LinkSource::DatasetRow, LinkSource::Analyst})
        if (linkSourceKey(s) == key)
            return s;
    return std::nullopt;
}

QString linkSourceName(LinkSource source)
{
    switch (source) {
    case LinkSource::Lead:
        return Tr::tr("a lead");
    case LinkSource::Record:
        return Tr::tr("a record");
    case LinkSource::DatasetRow:
        return Tr::tr("a dataset row");
    case LinkSource::Analyst:
        return Tr::tr("an analyst's finding");
    }
    return {};
}

QStringList commonRelations()
{
    return {QStringLiteral("calls"),    QStringLiteral("owns"),    QStringLiteral("uses"),        QStringLiteral("lives_at"),
            QStringLiteral("works_at"), QStringLiteral("member_of"), QStringLiteral("paid"),      QStringLiteral("met"),
            QStringLiteral("registered_to"), QStringLiteral("attended"), QStringLiteral("related_to")};
}

QString relationName(const QString& relation)
{
    static const QHash<QString, const char*> names{
        {QStringLiteral("calls"), QT_TRANSLATE_NOOP("hexhub::criminalintel::EntityService", "calls")},
        {QStringLiteral("owns"), QT_TRANSLATE_NOOP("hexhub::criminalintel::EntityService", "owns")},
        {QStringLiteral("uses"), QT_TRANSLATE_NOOP("hexhub::criminalintel::EntityService", "uses")},
        {QStringLiteral("lives_at"), QT_TRANSLATE_NOOP("hexhub::criminalintel::EntityService", "lives at")},
        {QStringLiteral("works_at"), QT_TRANSLATE_NOOP("hexhub::criminalintel::EntityService", "works at")},
        {QStringLiteral("member_of"), QT_TRANSLATE_NOOP("hexhub::criminalintel::EntityService", "member of")},
        {QStringLiteral("paid"), QT_TRANSLATE_NOOP("hexhub::criminalintel::EntityService", "paid")},
        {QStringLiteral("met"), QT_TRANSLATE_NOOP("hexhub::criminalintel::EntityService", "met")},
        {QStringLiteral("registered_to"), QT_TRANSLATE_NOOP("hexhub::criminalintel::EntityService", "registered to")},
        {QStringLiteral("attended"), QT_TRANSLATE_NOOP("hexhub::criminalintel::EntityService", "attended")},
        {QStringLiteral("related_to"), QT_TRANSLATE_NOOP("hexhub::criminalintel::EntityService", "related to")}};
    const auto found = names.constFind(relation);
    if (found == names.cend())
        return QString(relation).replace(QLatin1Char('_'), QLatin1Char(' '));
    return QCoreApplication::translate("hexhub::criminalintel::EntityService", *found);
}

QJsonObject EntityChanged::toJson() const
{
    return {{QStringLiteral("entity"), double(entity)}, {QStringLiteral("kind"), kind},       {QStringLiteral("change"), change},
            {QStringLiteral("into"), double(into)},     {QStringLiteral("lead"), double(lead)}, {QStringLiteral("reason"), reason}};
}

std::optional<EntityChanged> EntityChanged::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("entity")).isDouble() || !json.value(QStringLiteral("change")).isString())
        return std::nullopt;
    return EntityChanged{qint64(json.value(QStringLiteral("entity")).toDouble()), json.value(QStringLiteral("kind")).toString(),
                         json.value(QStringLiteral("change")).toString(), qint64(json.value(QStringLiteral("into")).toDouble()),
                         qint64(json.value(QStringLiteral("lead")).toDouble()), json.value(QStringLiteral("reason")).toString()};
}

QJsonObject LinkChanged::toJson() const
{
    return {{QStringLiteral("link"), double(link)}, {QStringLiteral("from"), double(from)}, {QStringLiteral("to"), double(to)},
            {QStringLiteral("relation"), relation}, {QStringLiteral("change"), change},     {QStringLiteral("reason"), reason}};
}

std::optional<LinkChanged> LinkChanged::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("link")).isDouble() || !json.value(QStringLiteral("change")).isString())
        return std::nullopt;
    return LinkChanged{qint64(json.value(QStringLiteral("link")).toDouble()), qint64(json.value(QStringLiteral("from")).toDouble()),
                       qint64(json.value(QStringLiteral("to")).toDouble()), json.value(QStringLiteral("relation")).toString(),
                       json.value(QStringLiteral("change")).toString(), json.value(QStringLiteral("reason")).toString()};
}

QJsonObject ChartSaved::toJson() const
{
    return {{QStringLiteral("chart"), double(chart)}, {QStringLiteral("title"), title}, {QStringLiteral("investigation"), double(investigation)}};
}

std::optional<ChartSaved> ChartSaved::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("chart")).isDouble())
        return std::nullopt;
    return ChartSaved{qint64(json.value(QStringLiteral("chart")).toDouble()), json.value(QStringLiteral("title")).toString(),
                      qint64(json.value(QStringLiteral("investigation")).toDouble())};
}

} // namespace hexhub::criminalintel
