#pragma once

#include "base/hexhubcore_export.h"

#include "store/storeurl.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace hexhub {

//! A piece of SQL with its own bound values, in order of its placeholders.
struct SqlFragment
{
    QString sql;
    QVariantList binds;
};

/*!
 * A table searched by full text. By convention its index is, on SQLite, the FTS5 table
 * `<table>_fts` (trigram tokenizer, external content, rowid = the table's id) and, on PostgreSQL,
 * the generated tsvector column `search_doc` (configuration 'simple') with a GIN index; `columns`
 * are the indexed text columns. Names come from code, never from users; they are checked anyway.
 */
struct TextSearchTarget
{
    QString table;
    QStringList columns;
    QString alias; //!< how the query refers to the table; default: the table's name
};

/*!
 * Splits what an operator typed into search terms: words separated by white space, "quoted
 * phrases" kept whole, at most 16 terms, duplicates dropped. Every term must match.
 */
HEXHUB_CORE_EXPORT QStringList searchTerms(const QString& userText);
//! A LIKE pattern that finds `term` anywhere, its %, _ and \ taken literally (with ESCAPE '\').
HEXHUB_CORE_EXPORT QString likePattern(const QString& term);

/*!
 * What differs between the SQL engines Hexhub runs on. Everything above this seam (the store's
 * threads, the journal, migrations, the services) is one code path; the dialect supplies the driver,
 * connection settings, the statement that opens a write transaction, and the suffix of migration
 * variants (`0002_search.sqlite.sql` beside `0002_search.postgresql.sql`).
 */
class HEXHUB_CORE_EXPORT SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    virtual QString name() const = 0;        //!< "sqlite", "postgresql": migration variant suffix
    virtual QString driverName() const = 0;  //!< Qt SQL driver
    //! Driver connect options set before a connection opens (busy timeout and the like).
    virtual QString connectOptions(bool writer) const = 0;
    //! Settings applied to every new connection; `writer` tells the one writing connection apart.
    //! Throws StoreError when the engine refuses them.
    virtual void configure(QSqlDatabase& db, bool writer) const = 0;
    //! The statement that starts a write transaction that takes the write lock at once.
    virtual QString beginWrite() const = 0;
    //! Whether INSERT ... RETURNING is how new keys are read back (else QSqlQuery::lastInsertId).
    virtual bool insertReturning() const = 0;
    /*!
     * A statement that makes the rest of the current transaction exclusive for `key` among every
     * connection to the store (all desks), released at commit or rollback; empty where the write
     * transaction already excludes every other writer (SQLite's BEGIN IMMEDIATE).
     */
    virtual QString exclusiveLock(int key) const = 0;

    //! Keys for exclusiveLock(), one per thing that must be appended to by one writer at a time.
    enum LockKey { SchemaLock = 7415001, JournalLock = 7415002, AuditLock = 7415003 };
    /*!
     * A condition true for the rows of `target` that contain every one of `terms` (searchTerms()),
     * case-insensitively; the terms travel as bound values, so no text an operator types can change
     * the statement. Terms the index cannot serve (shorter than three characters on SQLite's trigram
     * index; Chinese and other unsegmented scripts on PostgreSQL) are matched by LIKE on the columns.
     */
    virtual SqlFragment textSearch(const TextSearchTarget& target, const QStringList& terms) const = 0;
};

class HEXHUB_CORE_EXPORT SqliteDialect final : public SqlDialect
{
public:
    QString name() const override { return QStringLiteral("sqlite"); }
    QString driverName() const override { return QStringLiteral("QSQLITE"); }
    QString connectOptions(bool) const override { return QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"); }
    void configure(QSqlDatabase& db, bool writer) const override;
    QString beginWrite() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    bool insertReturning() const override { return false; }
    QString exclusiveLock(int) const override { return {}; }
    SqlFragment textSearch(const TextSearchTarget& target, const QStringList& terms) const override;
};

/*!
 * PostgreSQL through QPSQL (libpq): a shared server for many desks. Times are kept as epoch
 * milliseconds like on SQLite, sessions run in UTC, reader connections are read-only.
 */
class HEXHUB_CORE_EXPORT PostgreSqlDialect final : public SqlDialect
{
public:
    explicit PostgreSqlDialect(QString connectOptions);
    QString name() const override { return QStringLiteral("postgresql"); }
    QString driverName() const override { return QStringLiteral("QPSQL"); }
    QString connectOptions(bool writer) const override;
    void configure(QSqlDatabase& db, bool writer) const override;
    QString beginWrite() const override { return QStringLiteral("BEGIN"); }
    bool insertReturning() const override { return true; }
    QString exclusiveLock(int key) const override;
    SqlFragment textSearch(const TextSearchTarget& target, const QStringList& terms) const override;

private:
    QString m_connectOptions;
};

/*!
 * Adds the Qt SQL connection `name` for `url` with the dialect's driver and connect options (plus
 * `extraOptions`, ';'-separated) and opens it. Throws StoreError naming the store when it cannot.
 */
HEXHUB_CORE_EXPORT QSqlDatabase openStoreConnection(const SqlDialect& dialect, const StoreUrl& url,
                                                    const QString& name, bool writer,
                                                    const QString& extraOptions = {});

} // namespace hexhub
