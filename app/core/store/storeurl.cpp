#include "store/storeurl.h"

#include "base/coretr.h"

#include <QCoreApplication>
#include <QDir>
#include <QUrl>
#include <QUrlQuery>

namespace hexhub {

StoreUrl StoreUrl::sqlite(const QString& absolutePath)
{
    StoreUrl url;
    url.kind = Kind::Sqlite;
    url.path = QDir::cleanPath(absolutePath);
    return url;
}

std::optional<StoreUrl> StoreUrl::parse(const QString& text, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<StoreUrl> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("sqlite://"))) {
        const QString path = trimmed.mid(int(qstrlen("sqlite://")));
        if (!path.startsWith(QLatin1Char('/')))
            return fail(Tr::tr("An SQLite store URL needs an absolute path, as in sqlite:///var/lib/hexhub/"
                           "hexhub.db (three slashes)."));
        if (path.endsWith(QLatin1Char('/')))
            return fail(Tr::tr("The SQLite store URL names a folder, not a file."));
        return sqlite(QUrl::fromPercentEncoding(path.toUtf8()));
    }
    if (trimmed.startsWith(QLatin1String("postgresql://")) ||
        trimmed.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(trimmed, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return fail(Tr::tr("The PostgreSQL store URL is not valid; expected "
                           "postgresql://user@host:port/database."));
        StoreUrl result;
        result.kind = Kind::PostgreSql;
        result.host = url.host();
        result.port = url.port(5432);
        result.user = url.userName();
        result.password = url.password();
        result.database = url.path().mid(1);
        if (result.database.isEmpty() || result.database.contains(QLatin1Char('/')))
            return fail(Tr::tr("The PostgreSQL store URL needs a database name after the host."));
        QStringList options;
        const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        for (const auto& [key, value] : items)
            options << key + QLatin1Char('=') + value;
        result.options = options.join(QLatin1Char(';'));
        return result;
    }
    return fail(Tr::tr("Unknown store URL '%1': use sqlite:///path/to/file.db or "
                   "postgresql://user@host:port/database.").arg(trimmed));
}

QString StoreUrl::toDisplayString() const
{
    if (kind == Kind::Sqlite)
        return QStringLiteral("sqlite://") + path;
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += user + QLatin1Char('@');
    text += host + QLatin1Char(':') + QString::number(port) + QLatin1Char('/') + database;
    return text;
}

} // namespace hexhub
