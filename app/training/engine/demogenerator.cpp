#include "demogenerator.h"

#include "base/coretr.h"
#include "base/clock.h"
#include "base/error.h"
#include "hexhub/hub/demo.h"
#include "module/modulemanager.h"
#include "module/platform.h"
#include "security/audit.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QSet>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlRecord>
#include <QtEndian>

#include <algorithm>

namespace hexhub {

// ---------------------------------------------------------------------------------------------
// Generation

namespace {

// The core's own tables (journal, audit, users, bookkeeping, the demo mark): wall-clock times, random
// salts, not demo data. Read from the core's migrations, so a table the core adds later stays out too.
const QSet<QString>& coreTables()
{
    static const QSet<QString> tables = [] {
        QSet<QString> names{QStringLiteral("store_meta"), QStringLiteral("schema_migrations")};
        static const QRegularExpression create(QStringLiteral("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)"),
                                               QRegularExpression::CaseInsensitiveOption);
        for (const QString& folder : {QStringLiteral(":/hexhub/core/sql"), QStringLiteral(":/hexhub/core/sql/server")}) {
            for (const QFileInfo& info : QDir(folder).entryInfoList(QDir::Files)) {
                QFile file(info.filePath());
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                const QString script = QString::fromUtf8(file.readAll());
                for (auto it = create.globalMatch(script); it.hasNext();)
                    names.insert(it.next().captured(1).toLower());
            }
        }
        return names;
    }();
    return tables;
}

bool isCoreTable(const QString& table)
{
    return coreTables().contains(table.toLower()) || table.startsWith(QLatin1String("sqlite_"));
}

// The modules' tables, by name: full-text indexes (virtual tables and their shadow tables) left out.
QStringList dataTables(Sql& sql)
{
    QStringList virtualTables;
    const bool sqlite = sql.dialect().name() == QLatin1String("sqlite");
    if (sqlite) {
        QSqlQuery q = sql.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"));
        while (q.next())
            virtualTables << q.value(0).toString();
    }
    QStringList tables;
    for (const QString& table : sql.database().tables(QSql::Tables)) {
        if (isCoreTable(table) || table.contains(QLatin1Char('.')))
            continue;
        if (std::any_of(virtualTables.begin(), virtualTables.end(), [&](const QString& v) {
                return table == v || table.startsWith(v + QLatin1Char('_'));
            }))
            continue;
        tables << table;
    }
    std::sort(tables.begin(), tables.end());
    return tables;
}

QMap<QString, qint64> rowCounts(Sql& sql, const QStringList& tables)
{
    QMap<QString, qint64> counts;
    for (const QString& table : tables) // names from the catalogue, not from anyone's input
        counts.insert(table, sql.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)).toLongLong());
    return counts;
}

} // namespace

QFuture<DemoReport> generateDemo(Platform& platform, const DemoOptions& given)
{
    DemoOptions options = given;
    if (!options.end.isValid())
        options.end = DemoOptions::defaultEnd();
    options.end = options.end.toUTC();
    struct Hook
    {
        QString module;
        DemoDataHook run;
    };
    QList<Hook> hooks;
    for (const ModuleSpec* spec : platform.modules().loadOrder()) {
        if (spec->context && spec->context->demoData())
            hooks << Hook{spec->id, spec->context->demoData()};
    }
    const QString storeName = platform.store().url().toDisplayString();
    const AuditLog& audit = platform.audit();
    return platform.store().write(WriteContext{QStringLiteral("core"), QStringLiteral("system"), {}},
                                  [options, hooks, storeName, &audit](WriteTransaction& txn) -> DemoReport {
        QElapsedTimer timer;
        timer.start();
        if (options.incidents < 0 || options.incidents > 100000000)
            throw ValidationError(Tr::tr("The number of demo incidents must be between 0 and 100,000,000."));
        const QStringList tables = dataTables(txn);
        if (!tables.contains(hub::incidentTable()))
            throw ValidationError(Tr::tr("The store %1 has no incident table: demo data needs the hub module.").arg(storeName));
        if (hub::incidentCount(txn) > 0)
            throw ValidationError(Tr::tr("The store %1 already holds incidents. Demo data is written only into a store "
                                         "without any, so that it can never mix with live data: name a new store with --store.")
                                      .arg(storeName));
        // A store someone has set up (an administrator, desk users, registered units) is live even
        // before its first incident.
        if (txn.scalar(QStringLiteral("SELECT 1 FROM users WHERE name NOT LIKE 'demo.%' LIMIT 1")).isValid()
            || hub::unitCount(txn) > 0)
            throw ValidationError(Tr::tr("The store %1 has users or units of its own: it is set up for live work. Demo data "
                                         "is written only into a new store: name one with --store.")
                                      .arg(storeName));
        // What the generator journals is training data too, whatever store options it runs with.
        txn.setExercise(true);
        const QMap<QString, qint64> before = rowCounts(txn, tables);
        const DemoDistrict district = DemoDistrict::load();

        DemoReport report;
        // SQLite: a page cache big enough that a batch's pages are not spilled to the log and
        // written again before its commit (the connection's own setting comes back afterwards).
        const bool sqlite = txn.dialect().name() == QLatin1String("sqlite");
        const QVariant cacheSize = sqlite ? txn.scalar(QStringLiteral("PRAGMA cache_size")) : QVariant();
        if (sqlite)
            txn.exec(QStringLiteral("PRAGMA cache_size = -262144")); // 256 MiB
        try {
            for (const Hook& hook : hooks) {
                QElapsedTimer hookTimer;
                hookTimer.start();
                txn.setSource(hook.module);
                DemoContext context(txn, options, district, hook.module);
                hook.run(context);
                context.commit();
                report.modules << hook.module;
                report.moduleSeconds.insert(hook.module, hookTimer.elapsed() / 1000.0);
            }
        } catch (...) {
            if (sqlite)
                txn.exec(QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize.toLongLong()));
            throw;
        }
        if (sqlite)
            txn.exec(QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize.toLongLong()));
        txn.setSource(QStringLiteral("core"));

        const QMap<QString, qint64> after = rowCounts(txn, dataTables(txn));
        QJsonObject rows;
        for (auto it = after.begin(); it != after.end(); ++it) {
            const qint64 added = it.value() - before.value(it.key());
            if (added != 0) {
                report.rows.insert(it.key(), added);
                rows.insert(it.key(), added);
            }
        }
        report.incidents = report.rows.value(hub::incidentTable());
        // The demo mark (core migration 0005): demo mode opens only a store that has it.
        if (txn.database().tables().contains(QStringLiteral("demo_store"))) {
            txn.exec(QStringLiteral("INSERT INTO demo_store (id, seed, incidents, history_end, generated_at) VALUES (1, ?, ?, ?, ?)"),
                     {qint64(options.seed), report.incidents, options.end.toMSecsSinceEpoch(), txn.clock().now().toMSecsSinceEpoch()});
        }
        report.seconds = timer.elapsed() / 1000.0;
        const QString seed = QString::number(options.seed);
        txn.publish(EventDraft{QStringLiteral("demo.generated"),
                               QJsonObject{{QStringLiteral("seed"), seed},
                                           {QStringLiteral("incidents"), report.incidents},
                                           {QStringLiteral("end"), options.end.toString(Qt::ISODate)},
                                           {QStringLiteral("rows"), rows}},
                               1, {}, {}, {}});
        audit.append(txn, AuditEntry{QStringLiteral("system"), QStringLiteral("demo.generated"), QStringLiteral("store"),
                                     QStringLiteral("seed %1, %2 incidents, history to %3")
                                         .arg(seed)
                                         .arg(report.incidents)
                                         .arg(options.end.toString(Qt::ISODate)),
                                     QStringLiteral("success")});
        return report;
    });
}

QFuture<QByteArray> demoDataHash(Store& store)
{
    return store.read([](Sql& sql) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        const auto add = [&hash](const QByteArray& bytes) {
            uchar length[4];
            qToLittleEndian(quint32(bytes.size()), length);
            hash.addData(QByteArrayView(reinterpret_cast<const char*>(length), 4));
            hash.addData(bytes);
        };
        for (const QString& table : dataTables(sql)) {
            add(table.toUtf8());
            const QSqlRecord columns = sql.database().record(table);
            const QSqlIndex key = sql.database().primaryIndex(table);
            QStringList order;
            for (int i = 0; i < key.count(); ++i)
                order << key.fieldName(i);
            if (order.isEmpty()) {
                for (int i = 0; i < columns.count(); ++i)
                    order << QString::number(i + 1);
            }
            QSqlQuery rows = sql.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, order.join(QStringLiteral(", "))));
            while (rows.next()) {
                const QSqlRecord row = rows.record();
                for (int i = 0; i < row.count(); ++i) {
                    const QVariant value = row.value(i);
                    if (value.isNull()) {
                        add(QByteArrayLiteral("\0N"));
                    } else if (value.typeId() == QMetaType::QByteArray) {
                        add(value.toByteArray());
                    } else if (value.typeId() == QMetaType::Double) {
                        add(QByteArray::number(value.toDouble(), 'g', 17));
                    } else {
                        add(value.toString().toUtf8());
                    }
                }
            }
        }
        return hash.result();
    });
}

} // namespace hexhub
