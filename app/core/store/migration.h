#pragma once

#include "base/hexhubcore_export.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QString>

namespace hexhub {

class Store;
class SqlDialect;

/*!
 * One schema change of one module. Versions count up from 1 per module; the checksum (SHA-256 of the
 * SQL as applied) is recorded, and an applied migration whose text later changes stops start-up.
 */
struct HEXHUB_CORE_EXPORT Migration
{
    QString module;
    int version = 0;
    QString name;
    QString sql;

    QString checksum() const;

    /*!
     * Reads a module's migrations from a resource or disk folder: files `NNNN_name.sql`, with
     * optional dialect variants `NNNN_name.<dialect>.sql` that replace the plain file for that
     * dialect. Throws MigrationError on a malformed name, a gap or a duplicate version.
     */
    static QList<Migration> fromFolder(const QString& module, const QString& folder, const QString& dialect);
};

//! What applying the registered migrations did, module by module.
struct HEXHUB_CORE_EXPORT MigrationReport
{
    QHash<QString, int> applied;       //!< module -> migrations applied in this run
    QHash<QString, QString> failures;  //!< module -> why its migration failed (rolled back)
};

/*!
 * Applies modules' migrations in the order given (dependency order). First it checks, without
 * writing anything, that every applied migration is still known with the same checksum and that the
 * store holds no version newer than this build knows; any such problem throws MigrationError and
 * nothing is applied. Then each pending migration runs in its own transaction together with its
 * schema_migrations row: a failing migration rolls back whole, and that module's later migrations are
 * skipped and reported in MigrationReport::failures.
 */
class HEXHUB_CORE_EXPORT Migrator
{
public:
    explicit Migrator(Store& store);

    void add(const QList<Migration>& migrations);
    QStringList modules() const { return m_order; }
    QFuture<MigrationReport> apply();

private:
    Store& m_store;
    QStringList m_order;
    QHash<QString, QList<Migration>> m_byModule;
};

} // namespace hexhub
