#include "store/sql.h"

#include "base/coretr.h"

#include "base/clock.h"
#include "base/error.h"
#include "bus/journal.h"
#include "store/sqldialect.h"
#include "store/sqlscript.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlError>

namespace hexhub {

Sql::Sql(QSqlDatabase db, const SqlDialect& dialect, const Clock& clock)
    : m_db(std::move(db))
    , m_dialect(dialect)
    , m_clock(clock)
{
}

Sql::~Sql()
{
    releaseStatements();
    m_cache.clear();
}

void Sql::bindAll(QSqlQuery& query, const QVariantList& params)
{
    for (int i = 0; i < params.size(); ++i) {
        const QVariant& value = params.at(i);
        // A null QString is text that happens to be empty, not SQL NULL (drivers disagree on it);
        // QVariant() is how a caller asks for NULL.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(i, QStringLiteral(""));
        else
            query.bindValue(i, value);
    }
}

void Sql::fail(const QSqlQuery& query, const QString& sql) const
{
    QString statement = sql.simplified();
    if (statement.size() > 160)
        statement = statement.left(157) + QStringLiteral("...");
    const QString message = Tr::tr("Store statement failed: %1 (in: %2)").arg(query.lastError().text(), statement);
    // Failures that say "not now" rather than "not this": trying the same work again later is right.
    // PostgreSQL: serialization failure, deadlock, lock not available, cancelled by a timeout, too many
    // connections, server shutting down; SQLite: busy, locked.
    static const QStringList transient{QStringLiteral("40001"), QStringLiteral("40P01"), QStringLiteral("55P03"),
                                       QStringLiteral("57014"), QStringLiteral("53300"), QStringLiteral("57P01"),
                                       QStringLiteral("57P03")};
    const QString code = query.lastError().nativeErrorCode();
    if (m_dialect.name() == QLatin1String("postgresql") ? transient.contains(code)
                                                         : (code == QLatin1String("5") || code == QLatin1String("6")))
        throw StoreUnavailable(message);
    throw StoreError(message);
}

QSqlQuery Sql::exec(const QString& sql, const QVariantList& params)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (params.isEmpty()) {
        // Nothing to bind: run it as it is (PostgreSQL cannot PREPARE a CREATE TABLE).
        if (!query.exec(sql))
            fail(query, sql);
        return query;
    }
    if (!query.prepare(sql))
        fail(query, sql);
    bindAll(query, params);
    if (!query.exec())
        fail(query, sql);
    return query;
}

QSqlQuery& Sql::execCached(const QString& sql, const QVariantList& params)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            fail(query, sql);
        it = m_cache.insert(sql, std::move(query));
    }
    QSqlQuery& query = it.value();
    bindAll(query, params);
    if (!query.exec())
        fail(query, sql);
    return query;
}

qint64 Sql::insert(const QString& sql, const QVariantList& params, const QString& keyColumn)
{
    if (m_dialect.insertReturning()) {
        QSqlQuery query = exec(sql + QStringLiteral(" RETURNING ") + keyColumn, params);
        return query.next() ? query.value(0).toLongLong() : 0;
    }
    return exec(sql, params).lastInsertId().toLongLong();
}

QVariant Sql::scalar(const QString& sql, const QVariantList& params)
{
    QSqlQuery query = exec(sql, params);
    return query.next() ? query.value(0) : QVariant();
}

void Sql::execScript(const QString& script)
{
    const QStringList statements = splitSqlStatements(script);
    for (const QString& statement : statements) {
        QSqlQuery query(m_db);
        if (!query.exec(statement))
            fail(query, statement);
    }
}

void Sql::releaseStatements()
{
    for (QSqlQuery& query : m_cache)
        query.finish();
}

// ---------------------------------------------------------------------------------------------

WriteTransaction::WriteTransaction(QSqlDatabase db, const SqlDialect& dialect, const Clock& clock, QString origin)
    : Sql(std::move(db), dialect, clock)
    , m_origin(std::move(origin))
{
}

Event WriteTransaction::publish(const EventDraft& draft)
{
    if (!isValidTopic(draft.topic))
        throw ValidationError(Tr::tr("'%1' is not a valid event topic: use dotted lower-case "
                                                      "words such as incident.created.")
                                  .arg(draft.topic));
    Event event;
    event.id = QUuid::createUuid();
    event.topic = draft.topic;
    event.occurredAt = clock().now();
    event.source = draft.source.isEmpty() ? m_source : draft.source;
    event.actor = draft.actor.isEmpty() ? m_actor : draft.actor;
    event.correlationId = draft.correlationId.isNull() ? m_correlationId : draft.correlationId;
    event.schemaVersion = draft.schemaVersion;
    event.payload = draft.payload;
    if (m_exercise)
        event.payload.insert(QStringLiteral("exercise"), true);
    event.origin = m_origin;
    event.seq = journal::append(*this, event);
    m_events << event;
    if (!m_reactions.isEmpty()) {
        // A reaction may publish in its turn; a chain that comes back on itself stops here.
        if (m_reactionDepth >= kMaxReactionDepth)
            throw StoreError(Tr::tr("Events react on each other without end (at %1); nothing was written.").arg(event.topic));
        ++m_reactionDepth;
        const auto done = qScopeGuard([this] { --m_reactionDepth; });
        for (const ReactionEntry& r : std::as_const(m_reactions))
            if (r.pattern.matches(event.topic))
                r.react(*this, event);
    }
    return event;
}

} // namespace hexhub
