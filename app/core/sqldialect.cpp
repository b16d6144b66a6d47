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

} // namespace hexhub
