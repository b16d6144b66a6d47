#pragma once

#include "base/hexhubcore_export.h"

#include <QStringList>

namespace hexhub {

/*!
 * Splits an SQL script into statements, because Qt's drivers run one statement per exec(). Knows
 * quoted strings and identifiers, `--` and block comments, PostgreSQL dollar quoting, and SQLite
 * trigger bodies (`CREATE TRIGGER ... BEGIN ...; ...; END;`), whose inner semicolons do not end the
 * statement. Comments are dropped; empty statements are skipped.
 */
HEXHUB_CORE_EXPORT QStringList splitSqlStatements(const QString& script);

} // namespace hexhub
