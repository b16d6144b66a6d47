#pragma once
// What the multi-desk tests share: a plain connection to a database on the test server, outside
// Hexhub, to set it up and to look at it as the server holds it.

#include "store/sqldialect.h"

#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUuid>
#include <QVariant>


namespace hexhub::test::desktest {

using namespace hexhub;
using namespace hexhub::test;


// A plain connection to the test database, outside Hexhub.
struct RawPg
{
    QString name = QStringLiteral("rawpg-") + QUuid::createUuid().toString(QUuid::Id128);
    explicit RawPg(const StoreUrl& url)
    {
        openStoreConnection(PostgreSqlDialect(url.options), url, name, true);
    }
    ~RawPg()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    QSqlQuery exec(const QString& sql)
    {
        QSqlQuery q(QSqlDatabase::database(name));
        if (!q.exec(sql))
            FAIL(q.lastError().text().toStdString());
        return q;
    }
    QVariant scalar(const QString& sql)
    {
        QSqlQuery q = exec(sql);
        return q.next() ? q.value(0) : QVariant();
    }
    QVariant scalar(const QString& sql, const QVariantList& binds)
    {
        QSqlQuery q(QSqlDatabase::database(name));
        if (!q.prepare(sql))
            FAIL(q.lastError().text().toStdString());
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        if (!q.exec())
            FAIL(q.lastError().text().toStdString());
        return q.next() ? q.value(0) : QVariant();
    }
};

} // namespace hexhub::test::desktest
