#pragma once
// What each module declares about its tables on a shared PostgreSQL server (ARCHITECTURE.md 7):
// which Hexhub roles may read, insert, update and delete each table, and, where a table holds a
// column not everyone may read, which columns. `hexhub --init-server` turns the declarations into
// GRANT statements, table by table; a desk's login holds nothing it was not declared.
//
// The declaration is `sql/server/tables.json` in the module's resources:
//     { "tables": { "hub_units": { "select": ["*"], "update": ["hub_supervisor", "basic_control_operator"] },
//                   "hub_cameras": { "select(id, name)": ["*"] } } }
// "*" is every desk; a privilege may name its columns in parentheses.

#include "base/hexhubcore_export.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hexhub {

struct HEXHUB_CORE_EXPORT TableGrant
{
    QString table;
    QString privilege;   //!< SELECT, INSERT, UPDATE or DELETE; empty: the table is declared, nothing granted
    QStringList columns; //!< empty: the whole table
    QStringList roles;   //!< Hexhub role ids, or "*" for every desk
};

namespace serveraccess {

/*!
 * The database group role whose members hold a Hexhub role's grants: `hexhub_app` for "*",
 * `hexhub_hub` for hub supervisors, `hexhub_centre_<centre>` for a centre's operators,
 * `hexhub_<role>` for the others (trainer, auditor, administrator).
 */
HEXHUB_CORE_EXPORT QString databaseGroup(const QString& role);

//! Every group role a server needs: hexhub_app and one per built-in role.
HEXHUB_CORE_EXPORT QStringList databaseGroups();

/*!
 * Reads one module's declaration. Every problem is named (an unknown privilege or role, a table of
 * another module's prefix is the caller's check); `origin` names the file in messages.
 */
HEXHUB_CORE_EXPORT std::optional<QList<TableGrant>> parse(const QJsonObject& json, const QString& origin,
                                                          QString* error);

/*!
 * The statements that give exactly the declared grants: first every privilege of every Hexhub
 * group on `tables` (all tables of the schema) revoked, then the grants, with identifiers quoted.
 */
HEXHUB_CORE_EXPORT QStringList statements(const QList<TableGrant>& grants, const QStringList& tables);

//! The tables of `tables` that no grant declares: a server is not prepared while any is left.
HEXHUB_CORE_EXPORT QStringList undeclared(const QList<TableGrant>& grants, const QStringList& tables);

} // namespace serveraccess
} // namespace hexhub
