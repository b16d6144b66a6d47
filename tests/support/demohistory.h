#pragma once

// What the centres' tests (modules/<id>/tests, the binary hexhub-module-tests) share: a store with
// every module loaded and, when asked, a synthetic history written by the training engine's demo
// generator (generateDemo(), every module's demo hook in load order), ways to read it on SQLite and
// on PostgreSQL, and the desks of a shared server with its rules applied.
#include "testsupport.h"

#include "demogenerator.h"
#include "module/demodata.h"
#include "store/sql.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hexhub::test {

/*!
 * A throw-away store with every module of the build loaded (on the PostgreSQL run, a database of
 * its own on the test server), and the demo history generated into it.
 */
class DemoHistory
{
public:
    static constexpr qint64 kMinute = 60 * 1000;
    static constexpr qint64 kHour = 60 * kMinute;
    static constexpr qint64 kDay = 24 * kHour;

    //! Every module loaded, the store empty.
    DemoHistory() { m_tp.start(); }
    //! Every module loaded and a history of `incidents` incidents drawn from `seed`.
    DemoHistory(qint64 incidents, quint64 seed)
        : DemoHistory()
    {
        generate(incidents, seed);
    }

    DemoReport generate(qint64 incidents, quint64 seed)
    {
        DemoOptions options;
        options.incidents = incidents;
        options.seed = seed;
        m_incidents = incidents;
        m_report = await(generateDemo(*m_tp, options), 300000);
        return m_report;
    }

    TestPlatform& platform() { return m_tp; }
    const DemoReport& report() const { return m_report; }

    //! The end of the history (DemoOptions::defaultEnd()) in Clock ms.
    static qint64 endMs() { return DemoOptions::defaultEnd().toMSecsSinceEpoch(); }
    //! How many days the history covers: 200 incidents a day, 7 to 1095 (DemoContext::historyDays()).
    qint64 historyDays() const { return std::clamp<qint64>((m_incidents + 199) / 200, 7, 1095); }
    qint64 startMs() const { return endMs() - historyDays() * kDay; }
    //! What DemoContext::scaled() gives a hook for this history.
    qint64 scaled(double perIncident, qint64 minimum) const
    {
        return std::max<qint64>(minimum, qint64(std::llround(double(m_incidents) * perIncident)));
    }

    //! The first column of the first row, as a number.
    qint64 count(const QString& sql, const QVariantList& params = {})
    {
        return await(m_tp->store().read([sql, params](Sql& s) { return s.scalar(sql, params).toLongLong(); }));
    }
    QList<QVariantList> rows(const QString& sql, const QVariantList& params = {})
    {
        return await(m_tp->store().read([sql, params](Sql& s) {
            QList<QVariantList> rows;
            QSqlQuery q = s.exec(sql, params);
            const int columns = q.record().count();
            while (q.next()) {
                QVariantList row;
                for (int i = 0; i < columns; ++i)
                    row << q.value(i);
                rows << row;
            }
            return rows;
        }));
    }
    QStringList column(const QString& sql, const QVariantList& params = {})
    {
        QStringList values;
        for (const QVariantList& row : rows(sql, params))
            values << row.value(0).toString();
        return values;
    }
    //! Every row of `table` in key order, one string each: to compare two histories table by table.
    QStringList tableRows(const QString& table)
    {
        QStringList lines;
        for (const QVariantList& row : rows(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table))) {
            QStringList values;
            for (const QVariant& v : row)
                values << (v.isNull() ? QStringLiteral("NULL") : v.toString());
            lines << values.join(QLatin1Char('|'));
        }
        return lines;
    }

    //! The store's tables whose names start with `prefix` (a centre's tables), sorted.
    QStringList tablesStartingWith(const QString& prefix)
    {
        return await(m_tp->store().read([prefix](Sql& s) {
            QStringList tables;
            for (const QString& table : s.database().tables(QSql::Tables)) {
                // A full-text index (SQLite's FTS5 table and its shadow tables) belongs to the table it indexes.
                if (table.startsWith(prefix) && !table.contains(QLatin1Char('.')) && !table.contains(QLatin1String("_fts")))
                    tables << table;
            }
            std::sort(tables.begin(), tables.end());
            return tables;
        }));
    }
    //! Selects `columns` from `table`: an empty string when the table has them all, else the
    //! store's error (which names the column or table that is not there).
    QString selectFails(const QString& table, const QStringList& columns)
    {
        return failureOf(m_tp->store().read([table, columns](Sql& s) {
            s.exec(QStringLiteral("SELECT %1 FROM %2 WHERE 1 = 0").arg(columns.join(QStringLiteral(", ")), table));
        }));
    }

private:
    TestPlatform m_tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    DemoReport m_report;
    qint64 m_incidents = 0;
};

//! The tables a module's README lists under "## Tables" (lines "- `name`"), sorted.
inline QStringList readmeTables(const QString& moduleId)
{
    QFile readme(QStringLiteral(HEXHUB_TEST_SOURCE_DIR "/modules/%1/README.md").arg(moduleId));
    if (!readme.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    static const QRegularExpression item(QStringLiteral("^- `(\\w+)`$"));
    QStringList tables;
    bool inTables = false;
    for (const QString& line : QString::fromUtf8(readme.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("## ")))
            inTables = line.trimmed() == QLatin1String("## Tables");
        else if (const QRegularExpressionMatch m = item.match(line.trimmed()); inTables && m.hasMatch())
            tables << m.captured(1);
    }
    std::sort(tables.begin(), tables.end());
    return tables;
}

/*!
 * A centre's tables: the module's README lists exactly the tables the store has under `prefix`
 * once the modules are loaded, and each of them has the `columns` given (a SELECT of them fails
 * on a column that is not there).
 */
inline void checkCentreTables(DemoHistory& store, const QString& moduleId, const QString& prefix,
                              const QMap<QString, QStringList>& columns)
{
    CHECK(readmeTables(moduleId) == columns.keys());
    CHECK(store.tablesStartingWith(prefix) == columns.keys());
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        const QString failure = store.selectFails(it.key(), it.value());
        INFO(it.key().toStdString() << ": " << failure.toStdString());
        CHECK(failure.isEmpty());
    }
}

/*!
 * The PostgreSQL run only: the server rules of the history's store applied as `hexhub --init-server`
 * applies them, and a login role for the desk of each centre asked for ("hub": a hub supervisor's
 * desk), so a test can count the rows each desk sees. The roles are dropped again at the end.
 */
class ServerDesks
{
public:
    ServerDesks(DemoHistory& history, const QStringList& centres)
        : m_owner(history.platform().database.value_or(StoreUrl{}))
    {
        if (!history.platform().database)
            throw std::logic_error("ServerDesks: the store is not on the PostgreSQL test server");
        await(history.platform()->applyServerRules());
        const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(10);
        for (const QString& centre : centres) {
            const QString role = QStringLiteral("t_%1_%2").arg(centre.left(20), suffix);
            const QString group = centre == QLatin1String("hub") ? QStringLiteral("hexhub_hub") : QStringLiteral("hexhub_centre_") + centre;
            exec(m_owner, QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE hexhub_app, %3").arg(role, password(), group));
            m_roles.insert(centre, role);
        }
    }
    ~ServerDesks()
    {
        try {
            const QStringList roles = m_roles.values();
            if (!roles.isEmpty()) {
                exec(m_owner, QStringLiteral("DROP OWNED BY %1").arg(roles.join(QStringLiteral(", "))));
                exec(m_owner, QStringLiteral("DROP ROLE IF EXISTS %1").arg(roles.join(QStringLiteral(", "))));
            }
        } catch (const std::exception&) {
            // The test server goes away with its roles at the end of the run.
        }
    }
    ServerDesks(const ServerDesks&) = delete;
    ServerDesks& operator=(const ServerDesks&) = delete;

    //! Whether the server refuses the desk of `centre` any read of `sql`'s table (no grant).
    bool refused(const QString& centre, const QString& sql)
    {
        try {
            count(centre, sql);
            return false;
        } catch (const std::runtime_error& e) {
            return QString::fromUtf8(e.what()).contains(QStringLiteral("permission denied"));
        }
    }

    //! What the desk of `centre` reads as the first column of `sql`'s first row.
    qint64 count(const QString& centre, const QString& sql) { return value(centre, sql).toLongLong(); }
    //! The same as it comes (a hostile desk's own statement); throws with the server's message when refused.
    QVariant value(const QString& centre, const QString& sql)
    {
        StoreUrl url = m_owner;
        url.user = m_roles.value(centre);
        url.password = password();
        return exec(url, sql);
    }

private:
    static QString password() { return QStringLiteral("Desk-Password-42"); }

    // One statement on a connection of its own; its first value.
    static QVariant exec(const StoreUrl& url, const QString& sql)
    {
        const QString name = QStringLiteral("desk-") + QUuid::createUuid().toString(QUuid::Id128);
        QVariant value;
        QString error;
        {
            QSqlDatabase db = openStoreConnection(PostgreSqlDialect(url.options), url, name, true);
            QSqlQuery q(db);
            if (!q.exec(sql))
                error = sql + QStringLiteral(": ") + q.lastError().text();
            else if (q.next())
                value = q.value(0);
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        if (!error.isEmpty())
            throw std::runtime_error(error.toStdString());
        return value;
    }

    StoreUrl m_owner;
    QMap<QString, QString> m_roles; // centre -> login role
};

/*!
 * The PostgreSQL run only: on a server with its rules applied, each of `tables` (holding rows)
 * shows the desk of `centre` and the hub's desk every row, and the desk of centre `other` none.
 */
inline void checkScopedToCentre(DemoHistory& history, const QString& centre, const QStringList& tables, const QString& other)
{
    ServerDesks desks(history, {centre, other, QStringLiteral("hub")});
    for (const QString& table : tables) {
        const QString sql = QStringLiteral("SELECT COUNT(*) FROM %1").arg(table);
        const qint64 all = history.count(sql);
        INFO(table.toStdString() << ": " << all << " rows");
        CHECK(all > 0);
        CHECK(desks.count(centre, sql) == all);
        CHECK(desks.count(QStringLiteral("hub"), sql) == all);
        // Another centre's desk reads none: its login holds no grant on the table, or where it
        // does (a table shared with it), row-level security shows it no row of this centre's.
        CHECK((desks.refused(other, sql) || desks.count(other, sql) == 0));
    }
}

} // namespace hexhub::test
