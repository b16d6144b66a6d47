#include "store/sqldialect.h"

#include "base/coretr.h"

#include "base/error.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QRegularExpression>
#include <QSqlQuery>

namespace hexhub {

QStringList searchTerms(const QString& userText)
{
    constexpr int kMaxTerms = 16;
    QStringList terms;
    auto add = [&terms](QString term) {
        term = term.simplified();
        if (!term.isEmpty() && !terms.contains(term, Qt::CaseInsensitive) && terms.size() < kMaxTerms)
            terms << term;
    };
    QString current;
    bool quoted = false;
    for (const QChar c : userText) {
        if (c == u'"') {
            add(current);
            current.clear();
            quoted = !quoted;
        } else if (c.isSpace() && !quoted) {
            add(current);
            current.clear();
        } else {
            current += c;
        }
    }
    add(current);
    return terms;
}

namespace {

void checkIdentifiers(const TextSearchTarget& target)
{
    static const QRegularExpression identifier(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    QStringList names = target.columns;
    names << target.table << target.alias;
    for (const QString& name : std::as_const(names)) {
        if (!name.isEmpty() && !identifier.match(name).hasMatch())
            throw StoreError(Tr::tr("'%1' is not a table or column name Hexhub searches.").arg(name));
    }
    if (target.table.isEmpty() || target.columns.isEmpty())
        throw StoreError(Tr::tr("A text search needs a table and at least one column."));
}

// One term matched by LIKE on any of the columns (`like` is LIKE or ILIKE).
void addLikeTerm(SqlFragment& out, const TextSearchTarget& target, const QString& alias, const QString& term,
                 const QString& like)
{
    QStringList any;
    for (const QString& column : target.columns) {
        any << QStringLiteral("%1.%2 %3 ? ESCAPE '\\'").arg(alias, column, like);
        out.binds << likePattern(term);
    }
    out.sql += (out.sql.isEmpty() ? QString() : QStringLiteral(" AND ")) + u'(' + any.join(QStringLiteral(" OR ")) + u')';
}

// Scripts written without spaces between words, which PostgreSQL's 'simple' parser cannot split.
bool unsegmented(const QString& term)
{
    for (const QChar c : term) {
        switch (c.script()) {
        case QChar::Script_Han:
        case QChar::Script_Hiragana:
        case QChar::Script_Katakana:
        case QChar::Script_Thai:
        case QChar::Script_Lao:
        case QChar::Script_Khmer:
        case QChar::Script_Myanmar:
            return true;
        default:
            break;
        }
    }
    return false;
}

} // namespace

QString likePattern(const QString& term)
{
    QString escaped = term;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

SqlFragment SqliteDialect::textSearch(const TextSearchTarget& target, const QStringList& terms) const
{
    checkIdentifiers(target);
    const QString alias = target.alias.isEmpty() ? target.table : target.alias;
    SqlFragment out;
    QStringList indexed;
    for (const QString& term : terms) {
        if (term.toUcs4().size() >= 3) {
            QString phrase = term;
            indexed << u'"' + phrase.replace(u'"', QStringLiteral("\"\"")) + u'"';
        } else {
            addLikeTerm(out, target, alias, term, QStringLiteral("LIKE"));
        }
    }
    if (!indexed.isEmpty()) {
        out.sql += (out.sql.isEmpty() ? QString() : QStringLiteral(" AND "))
            + QStringLiteral("%1.id IN (SELECT rowid FROM %2_fts WHERE %2_fts MATCH ?)").arg(alias, target.table);
        out.binds << indexed.join(QStringLiteral(" AND "));
    }
    if (out.sql.isEmpty())
        out.sql = QStringLiteral("1 = 1");
    return out;
}

SqlFragment PostgreSqlDialect::textSearch(const TextSearchTarget& target, const QStringList& terms) const
{
    checkIdentifiers(target);
    const QString alias = target.alias.isEmpty() ? target.table : target.alias;
    SqlFragment out;
    QStringList lexemes;
    for (const QString& term : terms) {
        if (unsegmented(term)) {
            addLikeTerm(out, target, alias, term, QStringLiteral("ILIKE"));
            continue;
        }
        // The words of the term as prefixes, joined by "followed by" for a phrase. Only letters and
        // digits reach to_tsquery, so its syntax characters never come from the operator.
        QStringList words;
        QString word;
        for (const QChar c : term + u' ') {
            if (c.isLetterOrNumber()) {
                word += c.toLower();
            } else if (!word.isEmpty()) {
                words << word + QStringLiteral(":*");
                word.clear();
            }
        }
        if (words.isEmpty())
            addLikeTerm(out, target, alias, term, QStringLiteral("ILIKE")); // punctuation only
        else
            lexemes << (words.size() == 1 ? words.first() : u'(' + words.join(QStringLiteral(" <-> ")) + u')');
    }
    if (!lexemes.isEmpty()) {
        out.sql += (out.sql.isEmpty() ? QString() : QStringLiteral(" AND "))
            + QStringLiteral("%1.search_doc @@ to_tsquery('simple', ?)").arg(alias);
        out.binds << lexemes.join(QStringLiteral(" & "));
    }
    if (out.sql.isEmpty())
        out.sql = QStringLiteral("1 = 1");
    return out;
}

void SqliteDialect::configure(QSqlDatabase& db, bool writer) const
{
    const QStringList pragmas = writer
        // secure_delete: what is deleted (an outbox entry sent, with the personal data or the
        // picture it carried) is overwritten in the file, not left in its free pages.
        ? QStringList{QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
                      QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA secure_delete=ON")}
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

QSqlDatabase openStoreConnection(const SqlDialect& dialect, const StoreUrl& url, const QString& name, bool writer,
                                 const QString& extraOptions)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(dialect.driverName(), name);
    if (!db.isValid())
        throw StoreError(Tr::tr("The Qt SQL driver %1 is not installed.").arg(dialect.driverName()));
    QString options = dialect.connectOptions(writer);
    if (!extraOptions.isEmpty())
        options += (options.isEmpty() ? QString() : QStringLiteral(";")) + extraOptions;
    db.setConnectOptions(options);
    if (url.kind == StoreUrl::Kind::Sqlite) {
        db.setDatabaseName(url.path);
    } else {
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setUserName(url.user);
        db.setPassword(url.password);
        db.setDatabaseName(url.database);
    }
    if (!db.open())
        throw StoreError(Tr::tr("Cannot open the store %1: %2").arg(url.toDisplayString(), db.lastError().text()));
    return db;
}

PostgreSqlDialect::PostgreSqlDialect(QString connectOptions)
    : m_connectOptions(std::move(connectOptions))
{
}

QString PostgreSqlDialect::connectOptions(bool) const
{
    QStringList options = m_connectOptions.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    const bool hasTimeout = std::any_of(options.cbegin(), options.cend(), [](const QString& o) {
        return o.startsWith(QLatin1String("connect_timeout="));
    });
    if (!hasTimeout)
        options << QStringLiteral("connect_timeout=5");
    // A server that vanishes without a reset (a cable pulled, a firewall dropping packets) is noticed
    // by TCP keepalives within about half a minute instead of the system's two hours.
    const bool hasKeepalives = std::any_of(options.cbegin(), options.cend(), [](const QString& o) {
        return o.startsWith(QLatin1String("keepalives"));
    });
    if (!hasKeepalives) {
        options << QStringLiteral("keepalives=1") << QStringLiteral("keepalives_idle=10")
                << QStringLiteral("keepalives_interval=5") << QStringLiteral("keepalives_count=3");
    }
    return options.join(QLatin1Char(';'));
}

void PostgreSqlDialect::configure(QSqlDatabase& db, bool writer) const
{
    // The limits protect the other desks from this one: a desk cut off in the middle of a transaction
    // (holding the journal's publish lock, say) is ended by the server once it has been idle in it for
    // 15 s, the server notices a vanished desk by its own keepalives, and no statement waits for a lock
    // for ever. (A desk's login also carries a statement timeout on the server, set by --add-user; the
    // owner's long migrations do not.)
    QStringList settings{QStringLiteral("SET TIME ZONE 'UTC'"), QStringLiteral("SET application_name = 'hexhub'"),
                         QStringLiteral("SET client_min_messages = warning"),
                         QStringLiteral("SET idle_in_transaction_session_timeout = '15s'"),
                         QStringLiteral("SET lock_timeout = '20s'"),
                         QStringLiteral("SET tcp_keepalives_idle = 10"),
                         QStringLiteral("SET tcp_keepalives_interval = 5"),
                         QStringLiteral("SET tcp_keepalives_count = 3")};
    if (!writer)
        settings << QStringLiteral("SET default_transaction_read_only = on");
    for (const QString& statement : settings) {
        QSqlQuery query(db);
        if (!query.exec(statement))
            throw StoreError(Tr::tr("The store refused '%1': %2").arg(statement, query.lastError().text()));
    }
}

QString PostgreSqlDialect::exclusiveLock(int key) const
{
    return QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(key);
}

} // namespace hexhub
