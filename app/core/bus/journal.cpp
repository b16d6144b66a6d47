#include "bus/journal.h"

#include "store/sql.h"
#include "store/sqldialect.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcJournal, "hexhub.journal", QtInfoMsg)

namespace hexhub::journal {

qint64 append(Sql& sql, const Event& event)
{
    const QVariantList params{
        event.id.toString(QUuid::WithoutBraces),
        event.topic,
        event.occurredAt.toMSecsSinceEpoch(),
        event.source,
        event.actor,
        event.correlationId.isNull() ? QVariant()
                                     : QVariant(event.correlationId.toString(QUuid::WithoutBraces)),
        event.schemaVersion,
        QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact)),
        event.origin,
    };
    static const QString insert = QStringLiteral(
        "INSERT INTO events (id, topic, occurred_at, source, actor, correlation_id, schema_version, "
        "payload, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (sql.dialect().insertReturning()) {
        QSqlQuery& query = sql.execCached(insert + QStringLiteral(" RETURNING seq"), params);
        query.next();
        const qint64 seq = query.value(0).toLongLong();
        query.finish();
        return seq;
    }
    return sql.execCached(insert, params).lastInsertId().toLongLong();
}

QList<Event> read(Sql& sql, const EventRange& range)
{
    QString where = QStringLiteral("seq >= ?");
    QVariantList params{range.fromSeq};
    if (range.toSeq >= 0) {
        where += QStringLiteral(" AND seq <= ?");
        params << range.toSeq;
    }
    if (range.from.isValid()) {
        where += QStringLiteral(" AND occurred_at >= ?");
        params << range.from.toMSecsSinceEpoch();
    }
    if (range.to.isValid()) {
        where += QStringLiteral(" AND occurred_at < ?");
        params << range.to.toMSecsSinceEpoch();
    }
    // The topic is filtered in SQL, before the LIMIT: a page then holds `limit` matching events, and
    // an empty page really means there are no more.
    const TopicPattern pattern(range.topicPattern);
    if (!pattern.isValid())
        return {};
    if (!pattern.isPrefix()) {
        where += QStringLiteral(" AND topic = ?");
        params << pattern.toString();
    } else if (!pattern.prefix().isEmpty()) {
        QString like = pattern.prefix();
        like.replace(QLatin1String("_"), QLatin1String("\\_")); // '_' is a LIKE wildcard; topics use it
        where += QStringLiteral(" AND topic LIKE ? ESCAPE '\\'");
        params << like + QLatin1Char('%');
    }
    params << std::max(1, range.limit);
    // Cached: a desk's bridge runs this for every notification on a connection it keeps.
    QSqlQuery& query = sql.execCached(
        QStringLiteral("SELECT seq, id, topic, occurred_at, source, actor, correlation_id, schema_version, "
                       "payload, origin FROM events WHERE ") +
            where + QStringLiteral(" ORDER BY seq LIMIT ?"),
        params);
    QList<Event> events;
    while (query.next()) {
        Event event;
        event.topic = query.value(2).toString();
        event.seq = query.value(0).toLongLong();
        event.id = QUuid::fromString(query.value(1).toString());
        event.occurredAt = QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
        event.source = query.value(4).toString();
        event.actor = query.value(5).toString();
        event.correlationId = QUuid::fromString(query.value(6).toString());
        event.schemaVersion = query.value(7).toInt();
        QJsonParseError error{};
        const QJsonDocument payload = QJsonDocument::fromJson(query.value(8).toString().toUtf8(), &error);
        if (!payload.isObject())
            qCWarning(lcJournal) << "event" << event.seq << "has an unreadable payload:" << error.errorString();
        event.payload = payload.object();
        event.origin = query.value(9).toString();
        events << event;
    }
    return events;
}

qint64 lastSeq(Sql& sql)
{
    return sql.scalar(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events")).toLongLong();
}

} // namespace hexhub::journal
