#include "sqldialect.h"

#include "coretr.h"

#include "error.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace hexhub {

void SqliteDialect::configure(QSqlDatabase& db, bool writer) const
{
    const QStringList pragmas = writer
        ? QStringList{QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
                      QStringLiteral("PRAGMA foreign_keys=ON")}
        : QStringList{QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA query_only=ON")};
    for (const QString& pragma : pragmas) {
        QSqlQuery query(db);
        if (!query.exec(pragma))
            throw StoreError(Tr::tr("The store refused '%1': %2")
                                 .arg(pragma, query.lastError().text()));
        if (pragma.contains(QLatin1String("journal_mode")) && query.next() &&
            query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            throw StoreError(Tr::tr("The store could not switch to write-ahead logging "
                                                  "(journal mode is '%1'); is the folder writable?")
                                 .arg(query.value(0).toString()));
    }
}

QSqlDatabase openStoreConnection(const SqlDialect& dialect, const StoreUrl& url, const QString& name, bool writer,
                                 const QString& extraOptions)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(dialect.driverName(), name);
    if (!db.isValid())
        throw StoreError(Tr::tr("The Qt SQL driver %1 is not installed.").arg(dialect.driverName()));
    QString options = dialect.connectOptions(writer);
    if (!extraOptions.isEmpty())
        options += (options.isEmpty() ? QString() : QStringLiteral(";")) + extraOptions;
    db.setConnectOptions(options);
    if (url.kind == StoreUrl::Kind::Sqlite) {
        db.setDatabaseName(url.path);
    } else {
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setUserName(url.user);
        db.setPassword(url.password);
        db.setDatabaseName(url.database);
    }
    if (!db.open())
        throw StoreError(Tr::tr("Cannot open the store %1: %2").arg(url.toDisplayString(), db.lastError().text()));
    return db;
}

PostgreSqlDialect::PostgreSqlDialect(QString connectOptions)
    : m_connectOptions(std::move(connectOptions))
{
}

QString PostgreSqlDialect::connectOptions(bool) const
{
    QStringList options = m_connectOptions.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    const bool hasTimeout = std::any_of(options.cbegin(), options.cend(), [](const QString& o) {
        return o.startsWith(QLatin1String("connect_timeout="));
    });
    if (!hasTimeout)
        options << QStringLiteral("connect_timeout=5");
    return options.join(QLatin1Char(';'));
}

void PostgreSqlDialect::configure(QSqlDatabase& db, bool writer) const
{
    QStringList settings{QStringLiteral("SET TIME ZONE 'UTC'"), QStringLiteral("SET application_name = 'hexhub'"),
                         QStringLiteral("SET client_min_messages = warning")};
    if (!writer)
        settings << QStringLiteral("SET default_transaction_read_only = on");
    for (const QString& statement : settings) {
        QSqlQuery query(db);
        if (!query.exec(statement))
            throw StoreError(Tr::tr("The store refused '%1': %2").arg(statement, query.lastError().text()));
    }
}

QString PostgreSqlDialect::exclusiveLock(int key) const
{
    return QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(key);
}

} // namespace hexhub
