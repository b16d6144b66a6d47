#include "store/migration.h"

#include "base/coretr.h"

#include "base/error.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>

#include "base/clock.h"

Q_LOGGING_CATEGORY(lcMigration, "hexhub.migration", QtInfoMsg)

namespace hexhub {

QString Migration::checksum() const
{
    QString normalized = sql;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return QString::fromLatin1(QCryptographicHash::hash(normalized.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QList<Migration> Migration::fromFolder(const QString& module, const QString& folder, const QString& dialect)
{
    static const QRegularExpression nameRe(
        QStringLiteral("^(\\d{4})_([a-z0-9_]+)(?:\\.([a-z]+))?\\.sql$"));
    struct Found
    {
        QString name;
        QString plainPath;
        QString dialectPath;
    };
    QMap<int, Found> found;
    const QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const auto match = nameRe.match(file);
        if (!match.hasMatch())
            throw MigrationError(Tr::tr("Migration file %1/%2 is not named NNNN_name.sql or "
                                    "NNNN_name.<dialect>.sql.").arg(folder, file));
        const int version = match.captured(1).toInt();
        const QString variant = match.captured(3);
        Found& entry = found[version];
        if (!entry.name.isEmpty() && entry.name != match.captured(2))
            throw MigrationError(Tr::tr("Module %1 has two different migrations numbered %2.").arg(module).arg(version));
        entry.name = match.captured(2);
        if (variant.isEmpty())
            entry.plainPath = dir.filePath(file);
        else if (variant == dialect)
            entry.dialectPath = dir.filePath(file);
    }
    QList<Migration> migrations;
    int expected = 1;
    for (auto it = found.cbegin(); it != found.cend(); ++it, ++expected) {
        if (it.key() != expected)
            throw MigrationError(Tr::tr("Module %1's migrations skip from %2 to %3.").arg(module).arg(expected - 1).arg(it.key()));
        const QString path = it->dialectPath.isEmpty() ? it->plainPath : it->dialectPath;
        if (path.isEmpty())
            throw MigrationError(Tr::tr("Module %1's migration %2 has no variant for %3.").arg(module).arg(it.key()).arg(dialect));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw MigrationError(Tr::tr("Cannot read migration %1: %2").arg(path, file.errorString()));
        migrations << Migration{module, it.key(), it->name, QString::fromUtf8(file.readAll())};
    }
    return migrations;
}

Migrator::Migrator(Store& store)
    : m_store(store)
{
}

void Migrator::add(const QList<Migration>& migrations)
{
    for (const Migration& migration : migrations) {
        if (!m_byModule.contains(migration.module))
            m_order << migration.module;
        m_byModule[migration.module] << migration;
    }
}

QFuture<MigrationReport> Migrator::apply()
{
    const QStringList order = m_order;
    const QHash<QString, QList<Migration>> byModule = m_byModule;
    // One write job: the check and the applying see the same state, and no other writer interleaves.
    // Each migration still gets its own transaction, committed by hand inside the job.
    return m_store.write([order, byModule](WriteTransaction& txn) {
        struct Applied
        {
            QString name;
            QString checksum;
        };
        QHash<QString, QMap<int, Applied>> applied;
        QSqlQuery rows = txn.exec(QStringLiteral("SELECT module, version, name, checksum FROM schema_migrations"));
        while (rows.next())
            applied[rows.value(0).toString()].insert(rows.value(1).toInt(),
                                                     Applied{rows.value(2).toString(), rows.value(3).toString()});
        rows.finish();

        for (const QString& module : order) {
            const QList<Migration>& known = byModule.value(module);
            const auto& done = applied.value(module);
            for (auto it = done.cbegin(); it != done.cend(); ++it) {
                if (it.key() > known.size())
                    throw MigrationError(
                        Tr::tr("The store has migration %1 of module '%2', newer than this build knows (up to "
                           "%3): it was written by a newer Hexhub. Nothing was changed; update Hexhub.")
                            .arg(it.key()).arg(module).arg(known.size()));
                const Migration& migration = known.at(it.key() - 1);
                if (migration.checksum() != it->checksum)
                    throw MigrationError(
                        Tr::tr("Migration %1 '%2' of module '%3' was changed after it was applied to this store "
                           "(checksum %4 recorded, %5 now). Nothing was changed; restore the original "
                           "migration and add a new one instead.")
                            .arg(it.key()).arg(migration.name, module, it->checksum.left(12),
                                                 migration.checksum().left(12)));
            }
        }

        // The checks passed: commit the (empty) job transaction and give each migration its own.
        auto run = [&txn](const QString& statement) {
            QSqlQuery query(txn.database());
            if (!query.exec(statement))
                throw StoreError(query.lastError().text());
        };
        run(QStringLiteral("COMMIT"));
        MigrationReport report;
        for (const QString& module : order) {
            const auto& done = applied.value(module);
            for (const Migration& migration : byModule.value(module)) {
                if (done.contains(migration.version))
                    continue;
                run(txn.dialect().beginWrite());
                try {
                    // Desks sharing a server may start together: one applies, the others find it done.
                    if (const QString lock = txn.dialect().exclusiveLock(SqlDialect::SchemaLock); !lock.isEmpty()) {
                        txn.exec(lock);
                        if (txn.scalar(QStringLiteral("SELECT 1 FROM schema_migrations WHERE module = ? AND version = ?"),
                                       {module, migration.version}).isValid()) {
                            run(QStringLiteral("COMMIT"));
                            continue;
                        }
                    }
                    txn.execScript(migration.sql);
                    txn.exec(QStringLiteral("INSERT INTO schema_migrations (module, version, name, checksum, "
                                            "applied_at) VALUES (?, ?, ?, ?, ?)"),
                             {module, migration.version, migration.name, migration.checksum(),
                              txn.clock().nowMs()});
                    run(QStringLiteral("COMMIT"));
                    report.applied[module] += 1;
                    qCDebug(lcMigration) << "applied" << module << migration.version << migration.name;
                } catch (const Error& e) {
                    QSqlQuery(txn.database()).exec(QStringLiteral("ROLLBACK"));
                    report.failures.insert(module, Tr::tr("Migration %1 '%2' failed and was rolled back: %3")
                                                       .arg(migration.version).arg(migration.name, e.message()));
                    break;
                }
            }
        }
        // The store commits the job's transaction when we return: give it one to commit.
        run(txn.dialect().beginWrite());
        return report;
    });
}

} // namespace hexhub
