#include "bus/event.h"

#include <QJsonValue>
#include <QRegularExpression>

namespace hexhub {

namespace {
const QRegularExpression& topicExpression()
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$"));
    return re;
}
} // namespace

bool isValidTopic(const QString& topic)
{
    return topicExpression().match(topic).hasMatch();
}

QJsonObject Event::toJson() const
{
    return QJsonObject{
        {QStringLiteral("seq"), double(seq)},
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("topic"), topic},
        {QStringLiteral("occurredAt"), occurredAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("source"), source},
        {QStringLiteral("actor"), actor},
        {QStringLiteral("correlationId"), correlationId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("schemaVersion"), schemaVersion},
        {QStringLiteral("payload"), payload},
        {QStringLiteral("origin"), origin},
    };
}

std::optional<Event> Event::fromJson(const QJsonObject& json, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<Event> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    Event event;
    event.topic = json.value(QStringLiteral("topic")).toString();
    if (!isValidTopic(event.topic))
        return fail(QStringLiteral("invalid topic '%1'").arg(event.topic));
    event.id = QUuid::fromString(json.value(QStringLiteral("id")).toString());
    if (event.id.isNull())
        return fail(QStringLiteral("missing or invalid id"));
    event.occurredAt = QDateTime::fromString(json.value(QStringLiteral("occurredAt")).toString(),
                                             Qt::ISODateWithMs);
    if (!event.occurredAt.isValid())
        return fail(QStringLiteral("missing or invalid occurredAt"));
    const QJsonValue payload = json.value(QStringLiteral("payload"));
    if (!payload.isObject())
        return fail(QStringLiteral("payload is not an object"));
    event.seq = qint64(json.value(QStringLiteral("seq")).toDouble());
    event.source = json.value(QStringLiteral("source")).toString();
    event.actor = json.value(QStringLiteral("actor")).toString();
    event.correlationId = QUuid::fromString(json.value(QStringLiteral("correlationId")).toString());
    event.schemaVersion = json.value(QStringLiteral("schemaVersion")).toInt(1);
    event.payload = payload.toObject();
    event.origin = json.value(QStringLiteral("origin")).toString();
    return event;
}

TopicPattern::TopicPattern(const QString& pattern)
    : m_pattern(pattern)
{
    if (pattern == QLatin1String("*")) {
        m_isPrefix = true;
        m_valid = true;
    } else if (pattern.endsWith(QLatin1String(".*"))) {
        const QString stem = pattern.chopped(2);
        static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$"));
        m_valid = re.match(stem).hasMatch();
        m_isPrefix = true;
        m_prefix = stem + QLatin1Char('.');
    } else {
        m_valid = isValidTopic(pattern);
    }
}

bool TopicPattern::matches(const QString& topic) const
{
    if (!m_valid)
        return false;
    if (m_isPrefix)
        return topic.startsWith(m_prefix);
    return topic == m_pattern;
}

EventRange EventRange::bySeq(qint64 from, qint64 to)
{
    EventRange range;
    range.fromSeq = from;
    range.toSeq = to;
    return range;
}

EventRange EventRange::byTime(const QDateTime& from, const QDateTime& to)
{
    EventRange range;
    range.from = from;
    range.to = to;
    return range;
}

} // namespace hexhub
