#pragma once

#include "bus/event.h"
#include "base/hexhubcore_export.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <functional>

namespace hexhub {

class Clock;
class SqlDialect;

/*!
 * One store connection as a store thread lends it to a read or write job. Every statement takes its
 * parameters bound (`?` placeholders); nothing concatenates values into SQL. A QString parameter is
 * always text (a null QString binds as ''); pass QVariant() for SQL NULL. Failures throw
 * StoreError naming the statement, which rolls the surrounding transaction back.
 */
class HEXHUB_CORE_EXPORT Sql
{
public:
    Sql(QSqlDatabase db, const SqlDialect& dialect, const Clock& clock);
    virtual ~Sql();
    Q_DISABLE_COPY_MOVE(Sql)

    QSqlDatabase& database() { return m_db; }
    const SqlDialect& dialect() const { return m_dialect; }
    const Clock& clock() const { return m_clock; }

    //! Prepares, binds and runs one statement; the query is positioned before the first row.
    QSqlQuery exec(const QString& sql, const QVariantList& params = {});
    //! Runs a statement prepared once per connection and kept: for the hot paths.
    QSqlQuery& execCached(const QString& sql, const QVariantList& params = {});
    //! Runs an INSERT and returns the generated key `keyColumn` of the new row.
    qint64 insert(const QString& sql, const QVariantList& params, const QString& keyColumn = QStringLiteral("id"));
    //! The first column of the first row, or an invalid QVariant when there is no row.
    QVariant scalar(const QString& sql, const QVariantList& params = {});
    //! Runs a multi-statement script (migrations).
    void execScript(const QString& script);
    //! Releases what cached statements still hold (read snapshots); called after every job.
    void releaseStatements();

private:
    static void bindAll(QSqlQuery& query, const QVariantList& params);
    [[noreturn]] void fail(const QSqlQuery& query, const QString& sql) const;

    QSqlDatabase m_db;
    const SqlDialect& m_dialect;
    const Clock& m_clock;
    QHash<QString, QSqlQuery> m_cache;
};

/*!
 * The connection inside a write transaction. Besides SQL it takes the events the change causes:
 * publish() journals them in this same transaction (the transactional outbox), and the bus delivers
 * them only after the transaction commits. If the job throws, everything, events included, is rolled
 * back and nothing is delivered.
 */
class HEXHUB_CORE_EXPORT WriteTransaction : public Sql
{
public:
    WriteTransaction(QSqlDatabase db, const SqlDialect& dialect, const Clock& clock, QString origin);

    void setSource(const QString& moduleId) { m_source = moduleId; }
    void setActor(const QString& actor) { m_actor = actor; }
    void setCorrelationId(const QUuid& id) { m_correlationId = id; }
    QString source() const { return m_source; }
    QString actor() const { return m_actor; }
    //! The desk (store connection) this transaction is journaled from.
    QString origin() const { return m_origin; }
    //! Training: every event this transaction journals says `"exercise": true` in its payload, so
    //! whatever reads or forwards it knows it is an exercise (set on a demo store, see Store::Options).
    void setExercise(bool exercise) { m_exercise = exercise; }
    bool isExercise() const { return m_exercise; }

    //! Journals an event in this transaction and returns it with its sequence number.
    Event publish(const EventDraft& draft);
    template <EventPayload T>
    Event publish(const T& payload, const QUuid& correlationId = {})
    {
        return publish(EventDraft::from(payload, correlationId));
    }

    const QList<Event>& events() const { return m_events; }
    void clearEvents() { m_events.clear(); }

    /*!
     * What another module does in the same transaction when an event is journaled (Store::addReaction()):
     * the centre that receives a handed-on hit takes it in as a lead in the transaction that hands it
     * on, so there is no hand-over without its lead and no lead without its hand-over.
     */
    using Reaction = std::function<void(WriteTransaction&, const Event&)>;
    struct ReactionEntry
    {
        TopicPattern pattern;
        Reaction react;
    };
    void setReactions(QList<ReactionEntry> reactions) { m_reactions = std::move(reactions); }

private:
    QString m_source = QStringLiteral("core");
    QString m_actor = QStringLiteral("system");
    QUuid m_correlationId;
    QString m_origin;
    QList<Event> m_events;
    bool m_exercise = false;
    QList<ReactionEntry> m_reactions;
    int m_reactionDepth = 0;
    static constexpr int kMaxReactionDepth = 4;
};

//! Who a write is on behalf of: module id for the events' source, user for their actor.
struct HEXHUB_CORE_EXPORT WriteContext
{
    QString source = QStringLiteral("core");
    QString actor = QStringLiteral("system");
    QUuid correlationId;
};

} // namespace hexhub
