#pragma once

#include "base/hexhubcore_export.h"

#include <QString>

#include <optional>

namespace hexhub {

/*!
 * Where the store lives, as given by `--store`: `sqlite:///absolute/path/to/file.db` for the
 * embedded store, `postgresql://user@host:port/database?sslmode=...` for a shared server.
 */
struct HEXHUB_CORE_EXPORT StoreUrl
{
    enum class Kind { Sqlite, PostgreSql };

    Kind kind = Kind::Sqlite;
    QString path;     //!< SQLite: absolute file path
    QString host;     //!< PostgreSQL
    int port = 5432;  //!< PostgreSQL
    QString user;     //!< PostgreSQL
    QString password; //!< PostgreSQL, normally empty (taken from the sign-in or ~/.pgpass)
    QString database; //!< PostgreSQL
    QString options;  //!< PostgreSQL connect options (sslmode=..., ...), ';'-separated for QPSQL

    static std::optional<StoreUrl> parse(const QString& text, QString* error = nullptr);
    static StoreUrl sqlite(const QString& absolutePath);
    //! The URL without any password, fit for logs and the status bar.
    QString toDisplayString() const;
};

} // namespace hexhub
