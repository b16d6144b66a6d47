#include "security/accesscontrol.h"

#include <QHash>

#include "base/coretr.h"

#include "security/audit.h"
#include "base/clock.h"
#include "base/error.h"
#include "store/store.h"
#include "module/serveraccess.h"
#include "module/servicesupport.h"
#include "store/outbox.h"
#include "store/sqldialect.h"
#include "store/storeurl.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QUuid>
#include "base/background.h"

namespace hexhub {

namespace {

QStringList toStringList(const QJsonValue& value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& item : array)
        list << item.toString();
    return list;
}

Principal loadPrincipal(Sql& sql, qint64 userId)
{
    Principal principal;
    QSqlQuery user = sql.exec(QStringLiteral("SELECT id, name, display_name FROM users WHERE id = ? AND active = 1"),
                              {userId});
    if (!user.next())
        return principal;
    principal.userId = user.value(0).toLongLong();
    principal.name = user.value(1).toString();
    principal.displayName = user.value(2).toString();
    QSqlQuery roles = sql.exec(QStringLiteral("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role"), {userId});
    while (roles.next())
        principal.roles << roles.value(0).toString();
    QSqlQuery permissions = sql.exec(QStringLiteral("SELECT DISTINCT rp.permission FROM user_roles ur "
                                                    "JOIN role_permissions rp ON rp.role = ur.role "
                                                    "WHERE ur.user_id = ?"),
                                     {userId});
    while (permissions.next())
        principal.permissions.insert(permissions.value(0).toString());
    return principal;
}

/*!
 * Whether the store keeps password hashes from this desk: on a shared PostgreSQL server prepared by
 * --init-server a desk's login cannot read them, and the server itself checks passwords (SCRAM). The
 * owner (--add-user, --init-server) and an SQLite store's user can.
 */
bool serverChecksPasswords(Sql& sql)
{
    return sql.dialect().name() == QLatin1String("postgresql")
        && !sql.scalar(QStringLiteral("SELECT has_column_privilege('users', 'password_hash', 'SELECT')")).toBool();
}

//! The principal of the login this connection is, through the views bound to `session_user`.
Principal loadOwnPrincipal(Sql& sql)
{
    Principal principal;
    QSqlQuery user = sql.exec(QStringLiteral("SELECT id, name, display_name FROM hexhub_me WHERE active = 1"));
    if (!user.next())
        return principal;
    principal.userId = user.value(0).toLongLong();
    principal.name = user.value(1).toString();
    principal.displayName = user.value(2).toString();
    QSqlQuery roles = sql.exec(QStringLiteral("SELECT role FROM hexhub_my_roles ORDER BY role"));
    while (roles.next())
        principal.roles << roles.value(0).toString();
    QSqlQuery permissions = sql.exec(QStringLiteral("SELECT DISTINCT rp.permission FROM hexhub_my_roles r "
                                                    "JOIN role_permissions rp ON rp.role = r.role"));
    while (permissions.next())
        principal.permissions.insert(permissions.value(0).toString());
    return principal;
}

/*!
 * Asks the server whether `name` and `password` open a session: a connection of its own, made and
 * closed on this (worker) thread. False for a refused login (wrong password, no such login, login
 * not permitted); a server that cannot be reached at all throws.
 */
bool serverAccepts(const StoreUrl& storeUrl, const QString& name, const QString& password)
{
    StoreUrl url = storeUrl;
    url.user = name;
    url.password = password;
    const QString connection = QStringLiteral("hexhub-signin-") + QUuid::createUuid().toString(QUuid::Id128);
    bool accepted = false;
    QString failure;
    try {
        QSqlDatabase db = openStoreConnection(PostgreSqlDialect(url.options), url, connection, false);
        accepted = true;
        db.close();
    } catch (const StoreError& e) {
        failure = e.message();
    }
    QSqlDatabase::removeDatabase(connection);
    if (accepted)
        return true;
    static const QRegularExpression refused(
        // A wrong password, or a login that may not log in (disabled or locked): anything else (no
        // such database, a server that refuses this host) is not the operator's doing and is reported.
        QStringLiteral("password authentication failed|not permitted to log in"),
        QRegularExpression::CaseInsensitiveOption);
    if (refused.match(failure).hasMatch())
        return false;
    throw StoreUnavailable(Tr::tr("The server could not be asked to check the password: %1").arg(failure));
}

//! The audit actor of a sign-in that did not succeed: the name as typed, marked as not proven.
QString unauthenticated(const QString& name)
{
    return QStringLiteral("(unauthenticated) ") + name;
}

//! Whether `name` has a database login on this PostgreSQL server (a user --add-user made).
bool hasServerLogin(Sql& sql, const QString& name)
{
    return sql.dialect().name() == QLatin1String("postgresql")
        && sql.scalar(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ? AND NOT rolsuper"), {name}).isValid();
}

//! Lets `name`'s database login log in, or not, when the store is a server with such a login.
void setServerLogin(Sql& sql, const QString& name, bool canLogIn)
{
    // Only an operator's login: never the database's owner, a superuser or a role that makes roles.
    if (sql.dialect().name() == QLatin1String("postgresql")
        && sql.scalar(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ? AND NOT rolsuper AND NOT rolcreaterole "
                                     "AND oid <> (SELECT datdba FROM pg_database WHERE datname = current_database())"),
                      {name}).isValid()) {
        // Role names cannot be bound parameters in DDL: the server quotes them.
        sql.exec(sql.scalar(QStringLiteral("SELECT format('ALTER ROLE %I ' || ?::text, ?::text)"),
                            {canLogIn ? QStringLiteral("LOGIN") : QStringLiteral("NOLOGIN"), name}).toString());
    }
}

qint64 userIdByName(Sql& sql, const QString& name)
{
    const QVariant id = sql.scalar(QStringLiteral("SELECT id FROM users WHERE name = ?"), {name});
    if (!id.isValid())
        throw ValidationError(Tr::tr("There is no user '%1'.").arg(name));
    return id.toLongLong();
}

// Refusals are on record before the caller hears of them: the future fails after the audit row commits.
template <typename T>
QFuture<T> refuse(const AuditLog& audit, const AuditEntry& entry, std::exception_ptr error)
{
    return audit.record(entry).then([error](qint64) -> T { std::rethrow_exception(error); });
}

void validateUserName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9._-]{1,31}$"));
    if (!re.match(name).hasMatch())
        throw ValidationError(Tr::tr("'%1' is not a valid user name: use 2 to 32 lower-case letters, digits, '.', "
                                 "'_' or '-', starting with a letter.").arg(name));
}

// The columns an account list shows, in the order readAccount() takes them: never the password's.
const QString kAccountColumns = QStringLiteral("id, name, display_name, active, locked_until, created_at, "
                                               "password_changed_at, roles");

QDateTime clockTime(const QVariant& ms)
{
    return ms.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

UserAccount readAccount(const QSqlQuery& q, qint64 now)
{
    UserAccount a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.displayName = q.value(2).toString();
    a.active = q.value(3).toInt() != 0;
    a.lockedUntil = clockTime(q.value(4));
    a.locked = !q.value(4).isNull() && q.value(4).toLongLong() > now;
    a.createdAt = clockTime(q.value(5));
    a.passwordChangedAt = clockTime(q.value(6));
    a.roles = q.value(7).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    a.roles.sort();
    return a;
}

/*!
 * The condition (on `users u`) for the accounts `filter` finds: its text anywhere in the name or the
 * display name, any case; or, `exact`, the account named `filter`. The text is a bound value, with
 * LIKE's wildcards escaped, so nothing typed changes what is matched.
 */
SqlFragment accountFilter(const QString& filter, bool exact)
{
    if (exact)
        return {QStringLiteral(" WHERE u.name = ?"), {filter}};
    if (filter.isEmpty())
        return {};
    const QString pattern = likePattern(filter.toLower());
    return {QStringLiteral(" WHERE lower(u.name) LIKE ? ESCAPE '\\' OR lower(u.display_name) LIKE ? ESCAPE '\\'"),
            {pattern, pattern}};
}

/*!
 * A page of accounts (see AccessControl::accounts()). On a shared server through the server's
 * function, which checks core.users.manage itself: a desk's login reads no row of `users` or
 * `user_roles`. The owner's connection and an SQLite store read the tables.
 */
QList<UserAccount> readAccounts(Sql& sql, const QString& filter, bool exact, int offset, int limit, qint64 now)
{
    const auto read = [&] {
        if (serverChecksPasswords(sql)) {
            return sql.exec(QStringLiteral("SELECT %1 FROM hexhub_accounts(?, ?, ?, ?)").arg(kAccountColumns),
                            {filter, exact, limit, offset});
        }
        const bool postgres = sql.dialect().name() == QLatin1String("postgresql");
        const QString roles = postgres ? QStringLiteral("string_agg(ur.role, ',')")
                                       : QStringLiteral("group_concat(ur.role, ',')");
        SqlFragment where = accountFilter(filter, exact);
        where.binds << limit << offset;
        return sql.exec(QStringLiteral("SELECT u.id, u.name, u.display_name, u.active, u.locked_until, u.created_at, "
                                       "u.password_changed_at, (SELECT %1 FROM user_roles ur WHERE ur.user_id = u.id) "
                                       "FROM users u%2 ORDER BY u.name LIMIT ? OFFSET ?").arg(roles, where.sql),
                        where.binds);
    };
    QSqlQuery q = read();
    QList<UserAccount> accounts;
    while (q.next())
        accounts << readAccount(q, now);
    return accounts;
}

qint64 countAccounts(Sql& sql, const QString& filter)
{
    if (serverChecksPasswords(sql))
        return sql.scalar(QStringLiteral("SELECT hexhub_account_count(?)"), {filter}).toLongLong();
    const SqlFragment where = accountFilter(filter, false);
    return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM users u") + where.sql, where.binds).toLongLong();
}

} // namespace

QJsonObject UserCreated::toJson() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("roles"), QJsonArray::fromStringList(roles)}};
}

std::optional<UserCreated> UserCreated::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("name")).isString())
        return std::nullopt;
    return UserCreated{json.value(QStringLiteral("name")).toString(), toStringList(json.value(QStringLiteral("roles")))};
}

QJsonObject UserLocked::toJson() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("until"), until.toString(Qt::ISODateWithMs)}};
}

std::optional<UserLocked> UserLocked::fromJson(const QJsonObject& json)
{
    const QDateTime until = QDateTime::fromString(json.value(QStringLiteral("until")).toString(), Qt::ISODateWithMs);
    if (!json.value(QStringLiteral("name")).isString() || !until.isValid())
        return std::nullopt;
    return UserLocked{json.value(QStringLiteral("name")).toString(), until};
}

QJsonObject RoleChanged::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("granted"), QJsonArray::fromStringList(granted)},
            {QStringLiteral("revoked"), QJsonArray::fromStringList(revoked)}};
}

std::optional<RoleChanged> RoleChanged::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("name")).isString())
        return std::nullopt;
    return RoleChanged{json.value(QStringLiteral("name")).toString(), toStringList(json.value(QStringLiteral("granted"))),
                       toStringList(json.value(QStringLiteral("revoked")))};
}

const QStringList& AccessControl::builtinRoles()
{
    static const QStringList roles{
        QStringLiteral("administrator"),
        QStringLiteral("hub_supervisor"),
        QStringLiteral("political_security_operator"),
        QStringLiteral("basic_control_operator"),
        QStringLiteral("criminal_intel_operator"),
        QStringLiteral("bigdata_investigation_operator"),
        QStringLiteral("case_management_operator"),
        QStringLiteral("supervision_operator"),
        QStringLiteral("trainer"),
        QStringLiteral("auditor"),
    };
    return roles;
}

QString AccessControl::roleDisplayName(const QString& role)
{
    static const QHash<QString, const char*> names{
        {QStringLiteral("administrator"), QT_TRANSLATE_NOOP("hexhub", "Administrator")},
        {QStringLiteral("hub_supervisor"), QT_TRANSLATE_NOOP("hexhub", "Hub supervisor")},
        {QStringLiteral("political_security_operator"), QT_TRANSLATE_NOOP("hexhub", "Political security operator")},
        {QStringLiteral("basic_control_operator"), QT_TRANSLATE_NOOP("hexhub", "Basic control operator")},
        {QStringLiteral("criminal_intel_operator"), QT_TRANSLATE_NOOP("hexhub", "Criminal intelligence operator")},
        {QStringLiteral("bigdata_investigation_operator"), QT_TRANSLATE_NOOP("hexhub", "Big-data investigation operator")},
        {QStringLiteral("case_management_operator"), QT_TRANSLATE_NOOP("hexhub", "Case management operator")},
        {QStringLiteral("supervision_operator"), QT_TRANSLATE_NOOP("hexhub", "Supervision operator")},
        {QStringLiteral("trainer"), QT_TRANSLATE_NOOP("hexhub", "Trainer")},
        {QStringLiteral("auditor"), QT_TRANSLATE_NOOP("hexhub", "Auditor")},
    };
    const char* name = names.value(role);
    return name ? Tr::tr(name) : role;
}

AccessControl::AccessControl(Store& store, const Clock& clock, const AuditLog& audit, Session& session,
                             PasswordHasher hasher)
    : m_store(store)
    , m_clock(clock)
    , m_audit(audit)
    , m_session(session)
    , m_hasher(hasher)
{
}

QFuture<bool> AccessControl::hasUsers() const
{
    return m_store.read([](Sql& sql) {
        // A desk of a prepared server connects as a user's login, so users exist; the first
        // administrator of a server is made by its owner (--add-user), never at a desk.
        if (serverChecksPasswords(sql))
            return true;
        return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM users")).toLongLong() > 0;
    });
}

QFuture<SignInResult> AccessControl::signIn(const QString& name, const QString& password) const
{
    // Runs on the thread pool: it waits on the store and spends ~half a second in PBKDF2, and the
    // caller (the sign-in dialog) must stay responsive.
    return runInBackground(m_background, [this, name, password]() -> SignInResult {
        SignInResult result = checkSignIn(name, password);
        // The key that seals this operator's kept work on the desk, from the password just proven.
        // Checked here, it was made with a third of the work of the stored password hash (so the same
        // password gives the same key whatever this desk's own settings); checked by the server, with
        // a third of this desk's password work.
        if (result.ok && result.principal.deskKey.isEmpty())
            result.principal.deskKey = Outbox::deskKey(name, password, std::max(1, m_hasher.iterations() / 3));
        return result;
    });
}

SignInResult AccessControl::checkSignIn(const QString& name, const QString& password) const
{
    struct Row
    {
        qint64 id = 0;
        PasswordHash hash;
        bool serverChecks = false;
        QString login;
    };
    const Row row = m_store.read([name](Sql& sql) {
        Row r;
        if (serverChecksPasswords(sql)) {
            r.serverChecks = true;
            r.login = sql.scalar(QStringLiteral("SELECT session_user")).toString();
            return r;
        }
        // The account's state is read in the transaction that counts the attempt, not here.
        QSqlQuery q = sql.exec(QStringLiteral("SELECT id, password_hash, salt, iterations FROM users WHERE name = ?"),
                               {name});
        if (q.next()) {
            r.id = q.value(0).toLongLong();
            r.hash = PasswordHash{QByteArray::fromHex(q.value(1).toByteArray()),
                                  QByteArray::fromHex(q.value(2).toByteArray()), q.value(3).toInt()};
        }
        return r;
    }).result();

    SignInResult result;
    const QString wrong = Tr::tr("Unknown user name or wrong password.");
    const QString object = QStringLiteral("user:") + name;
    // Until the password matches, the name is only what someone typed: the audit says so.
    const QString typed = unauthenticated(name);
    const qint64 now = m_clock.nowMs();
    if (row.serverChecks)
        return signInOnServer(name, password, row.login);

    if (row.id == 0) {
        // Spend the same time as a real check, so timing does not reveal which names exist.
        PasswordHasher::verify(password, PasswordHash{QByteArray(32, '\0'), QByteArray(16, '\0'),
                                                      m_hasher.iterations()});
        m_audit.record({typed, QStringLiteral("session.login"), object, QStringLiteral("unknown user"),
                        QStringLiteral("failed")}).waitForFinished();
        result.error = wrong;
        return result;
    }

    // The password is checked whatever the account's state (the same time for every answer);
    // the state is read again, and the lockout decided, in the transaction that counts the
    // attempt: guesses sent in parallel cannot slip past a lock another one just set.
    const bool matches = PasswordHasher::verify(password, row.hash);
    const AuditLog& audit = m_audit;
    const qint64 userId = row.id;
    SignInResult checked = m_store.write(WriteContext{QStringLiteral("core"), name, {}}, [&audit, userId, name, typed, object, matches,
                                                                          now, wrong](WriteTransaction& txn) {
        SignInResult r;
        r.error = wrong; // locked, disabled or wrong: one answer, so it tells a guesser nothing
        QSqlQuery state = txn.exec(QStringLiteral("SELECT failed_attempts, locked_until, active FROM users WHERE id = ?")
                                       + (txn.dialect().name() == QLatin1String("postgresql") ? QStringLiteral(" FOR UPDATE")
                                                                                             : QString()),
                                   {userId});
        state.next();
        const int failed = state.value(0).toInt();
        const qint64 lockedUntil = state.value(1).isNull() ? 0 : state.value(1).toLongLong();
        const bool active = state.value(2).toBool();
        state.finish();
        if (lockedUntil > now) {
            audit.append(txn, {typed, QStringLiteral("session.login"), object, QStringLiteral("account locked"),
                               QStringLiteral("locked")});
            return r;
        }
        if (!active) {
            audit.append(txn, {typed, QStringLiteral("session.login"), object, QStringLiteral("account disabled"),
                               QStringLiteral("denied")});
            return r;
        }
        if (matches) {
            txn.exec(QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?"),
                     {userId});
            if (lockedUntil != 0)
                setServerLogin(txn, name, true); // the lock is over: the login follows
            audit.append(txn, {name, QStringLiteral("session.login"), object, {}, QStringLiteral("success")});
            r.ok = true;
            r.error.clear();
            r.principal = loadPrincipal(txn, userId);
            return r;
        }
        const int failures = failed + 1;
        txn.exec(QStringLiteral("UPDATE users SET failed_attempts = ? WHERE id = ?"), {failures, userId});
        audit.append(txn, {typed, QStringLiteral("session.login"), object,
                           QStringLiteral("wrong password, attempt %1").arg(failures), QStringLiteral("failed")});
        if (failures >= kMaxFailedAttempts) {
            const qint64 until = now + kLockoutMs;
            txn.exec(QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = ? WHERE id = ?"),
                     {until, userId});
            setServerLogin(txn, name, false); // on a server its login is locked with it
            audit.append(txn, {QStringLiteral("system"), QStringLiteral("user.locked"), object,
                               QStringLiteral("%1 failed sign-ins").arg(failures), QStringLiteral("locked")});
            txn.publish(UserLocked{name, QDateTime::fromMSecsSinceEpoch(until, Qt::UTC)});
        }
        return r;
    }).result();
    if (checked.ok)
        checked.principal.deskKey = Outbox::deskKey(name, password, std::max(1, row.hash.iterations / 3));
    return checked;
}

SignInResult AccessControl::signInOnServer(const QString& name, const QString& password, const QString& login) const
{
    // On a prepared server the desk's session is the operator's own login: the server checks the
    // password, and the desk reads the principal through views bound to that login. A wrong password,
    // an unknown name and a disabled or locked account get the same answer.
    SignInResult result;
    const QString object = QStringLiteral("user:") + name;
    if (name != login) {
        result.error = Tr::tr("This desk is connected to the server as %1: sign in as %1, or start Hexhub with "
                              "your own login (--store postgresql://%2@...).").arg(login, name);
        m_audit.record({login, QStringLiteral("session.login"), object, QStringLiteral("not this desk's login"),
                        QStringLiteral("denied")}).waitForFinished();
        return result;
    }
    result.error = Tr::tr("Unknown user name or wrong password.");
    // PostgreSQL runs nothing on a timer: the locks whose 15 minutes are over end now, so that a
    // login locked earlier may log in again (this one or any other).
    m_store.write(WriteContext{QStringLiteral("core"), login, {}}, [](WriteTransaction& txn) {
        txn.exec(QStringLiteral("SELECT hexhub_lift_expired_locks()"));
    }).waitForFinished();
    if (!serverAccepts(m_store.url(), name, password)) {
        // Counted by the server against this desk's login, in the transaction that reads the count
        // (a locked login is refused too, so the right password at a locked account lands here).
        m_store.write(WriteContext{QStringLiteral("core"), login, {}}, [name](WriteTransaction& txn) {
            const QVariant until = txn.scalar(QStringLiteral("SELECT hexhub_sign_in_failed()"));
            if (!until.isNull())
                txn.publish(UserLocked{name, QDateTime::fromMSecsSinceEpoch(until.toLongLong(), Qt::UTC)});
        }).waitForFinished();
        return result;
    }
    const Principal principal = m_store.write(WriteContext{QStringLiteral("core"), login, {}}, [](WriteTransaction& txn) {
        return txn.scalar(QStringLiteral("SELECT hexhub_sign_in_succeeded()")).toBool() ? loadOwnPrincipal(txn)
                                                                                           : Principal{};
    }).result();
    if (!principal.isValid()) {
        m_audit.record({unauthenticated(name), QStringLiteral("session.login"), object,
                        QStringLiteral("account disabled, locked or unknown"), QStringLiteral("failed")}).waitForFinished();
        return result;
    }
    m_audit.record({name, QStringLiteral("session.login"), object, QStringLiteral("checked by the server"),
                    QStringLiteral("success")}).waitForFinished();
    result.error.clear();
    result.ok = true;
    result.principal = principal;
    return result;
}

qint64 AccessControl::insertUser(WriteTransaction& txn, const NewUser& user, const PasswordHash& hash,
                                 const QString& actor) const
{
    if (txn.scalar(QStringLiteral("SELECT 1 FROM users WHERE name = ?"), {user.name}).isValid())
        throw ValidationError(Tr::tr("A user named '%1' already exists.").arg(user.name));
    for (const QString& role : user.roles) {
        if (!txn.scalar(QStringLiteral("SELECT 1 FROM roles WHERE id = ?"), {role}).isValid())
            throw ValidationError(Tr::tr("There is no role '%1'.").arg(role));
    }
    const qint64 now = m_clock.nowMs();
    const qint64 id = txn.insert(
        QStringLiteral("INSERT INTO users (name, display_name, password_hash, salt, iterations, created_at, "
                       "password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {user.name, user.displayName.isEmpty() ? user.name : user.displayName, QString::fromLatin1(hash.digest.toHex()),
         QString::fromLatin1(hash.salt.toHex()), hash.iterations, now, now});
    for (const QString& role : user.roles)
        txn.exec(QStringLiteral("INSERT INTO user_roles (user_id, role) VALUES (?, ?)"), {id, role});
    m_audit.append(txn, {actor, QStringLiteral("user.created"), QStringLiteral("user:") + user.name,
                         QStringLiteral("roles: %1").arg(user.roles.join(QLatin1Char(','))), QStringLiteral("success")});
    txn.publish(UserCreated{user.name, user.roles});
    return id;
}

QFuture<qint64> AccessControl::createUser(const NewUser& user, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    try {
        Session::require(actor, QStringLiteral("core.users.manage"), Tr::tr("create a user"));
        validateUserName(user.name);
        if (const QString weak = PasswordHasher::weakness(user.password, user.name); !weak.isEmpty())
            throw ValidationError(weak);
    } catch (const PermissionDenied&) {
        return refuse<qint64>(m_audit,
                              {actor.isValid() ? actor.name : QStringLiteral("system"), QStringLiteral("user.created"),
                               QStringLiteral("user:") + user.name, QStringLiteral("missing core.users.manage"),
                               QStringLiteral("denied")},
                              std::current_exception());
    } catch (...) {
        return QtFuture::makeExceptionalFuture<qint64>(std::current_exception());
    }
    return runInBackground(m_background, [this, user, actor, command] {
        const PasswordHash hash = m_hasher.hash(user.password);
        return m_store.write(WriteContext{QStringLiteral("core"), actor.name, {}},
                             [this, user, hash, actor, command](WriteTransaction& txn) {
            const QString operation = QStringLiteral("core.user.create");
            if (const auto made = service::appliedBefore(txn, command, operation))
                return made->toLongLong();
            const qint64 id = insertUser(txn, user, hash, actor.name);
            service::recordApplied(txn, command, operation, QString::number(id));
            return id;
        }).result();
    });
}

QFuture<qint64> AccessControl::createFirstAdministrator(const QString& name, const QString& password) const
{
    try {
        validateUserName(name);
        if (const QString weak = PasswordHasher::weakness(password, name); !weak.isEmpty())
            throw ValidationError(weak);
    } catch (...) {
        return QtFuture::makeExceptionalFuture<qint64>(std::current_exception());
    }
    return runInBackground(m_background, [this, name, password] {
        const PasswordHash hash = m_hasher.hash(password);
        const auto id = m_store.write([this, name, hash](WriteTransaction& txn) -> std::optional<qint64> {
            if (txn.scalar(QStringLiteral("SELECT 1 FROM user_roles WHERE role = 'administrator'")).isValid()) {
                // Refused, and the attempt is on record.
                m_audit.append(txn, {QStringLiteral("system"), QStringLiteral("user.created"),
                                     QStringLiteral("user:") + name, QStringLiteral("first administrator exists"),
                                     QStringLiteral("denied")});
                return std::nullopt;
            }
            return insertUser(txn, NewUser{name, name, {}, {QStringLiteral("administrator")}}, hash,
                              QStringLiteral("system"));
        }).result();
        if (!id)
            throw ValidationError(Tr::tr("An administrator already exists; add further users from the user "
                                         "administration, signed in as an administrator."));
        return *id;
    });
}

QFuture<qint64> AccessControl::createUserBySystem(const NewUser& user,
                                                  std::function<void(WriteTransaction&)> alsoInTransaction) const
{
    try {
        validateUserName(user.name);
        if (const QString weak = PasswordHasher::weakness(user.password, user.name); !weak.isEmpty())
            throw ValidationError(weak);
    } catch (...) {
        return QtFuture::makeExceptionalFuture<qint64>(std::current_exception());
    }
    return runInBackground(m_background, [this, user, alsoInTransaction] {
        const PasswordHash hash = m_hasher.hash(user.password);
        return m_store.write([this, user, hash, alsoInTransaction](WriteTransaction& txn) {
            const qint64 id = insertUser(txn, user, hash, QStringLiteral("system"));
            if (alsoInTransaction)
                alsoInTransaction(txn);
            return id;
        }).result();
    });
}

QFuture<void> AccessControl::changeRole(const QString& userName, const QString& role, bool grant,
                                        const CommandId& command) const
{
    const Principal actor = m_session.principal();
    try {
        Session::require(actor, QStringLiteral("core.roles.manage"), grant ? Tr::tr("grant a role") : Tr::tr("revoke a role"));
    } catch (...) {
        return refuse<void>(m_audit,
                            {actor.isValid() ? actor.name : QStringLiteral("system"),
                             grant ? QStringLiteral("role.granted") : QStringLiteral("role.revoked"),
                             QStringLiteral("user:") + userName, role, QStringLiteral("denied")},
                            std::current_exception());
    }
    return m_store.write(WriteContext{QStringLiteral("core"), actor.name, {}},
                         [this, userName, role, grant, actor, command](WriteTransaction& txn) {
        const QString operation = grant ? QStringLiteral("core.role.grant") : QStringLiteral("core.role.revoke");
        if (service::appliedBefore(txn, command, operation))
            return;
        if (serverChecksPasswords(txn)) {
            // A desk's login may not change roles: the server's function checks the permission,
            // changes the role and the login's group together, and audits.
            txn.exec(QStringLiteral("SELECT hexhub_set_role(?, ?, ?)"), {userName, role, grant});
        } else {
            const qint64 id = userIdByName(txn, userName);
            if (!txn.scalar(QStringLiteral("SELECT 1 FROM roles WHERE id = ?"), {role}).isValid())
                throw ValidationError(Tr::tr("There is no role '%1'.").arg(role));
            if (grant) {
                txn.exec(QStringLiteral("INSERT INTO user_roles (user_id, role) VALUES (?, ?) ON CONFLICT DO NOTHING"),
                         {id, role});
            } else {
                if (role == QLatin1String("administrator") &&
                    txn.scalar(QStringLiteral("SELECT COUNT(*) FROM user_roles WHERE role = 'administrator'")).toInt() <= 1 &&
                    txn.scalar(QStringLiteral("SELECT 1 FROM user_roles WHERE role = 'administrator' AND user_id = ?"), {id}).isValid())
                    throw ValidationError(Tr::tr("This is the last administrator; grant the role to someone else first."));
                txn.exec(QStringLiteral("DELETE FROM user_roles WHERE user_id = ? AND role = ?"), {id, role});
            }
            // On a shared server the database login's group follows (the owner's connection).
            if (hasServerLogin(txn, userName)) {
                txn.exec(txn.scalar(grant ? QStringLiteral("SELECT format('GRANT %I TO %I', ?::text, ?::text)")
                                          : QStringLiteral("SELECT format('REVOKE %I FROM %I', ?::text, ?::text)"),
                                    {serveraccess::databaseGroup(role), userName}).toString());
            }
            m_audit.append(txn, {actor.name, grant ? QStringLiteral("role.granted") : QStringLiteral("role.revoked"),
                                 QStringLiteral("user:") + userName, role, QStringLiteral("success")});
        }
        txn.publish(RoleChanged{userName, grant ? QStringList{role} : QStringList{},
                                grant ? QStringList{} : QStringList{role}});
        service::recordApplied(txn, command, operation, userName + QLatin1Char('/') + role);
    });
}

QFuture<void> AccessControl::grantRole(const QString& userName, const QString& role, const CommandId& command) const
{
    return changeRole(userName, role, true, command);
}

QFuture<void> AccessControl::revokeRole(const QString& userName, const QString& role, const CommandId& command) const
{
    return changeRole(userName, role, false, command);
}

QFuture<void> AccessControl::unlock(const QString& userName, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    try {
        Session::require(actor, QStringLiteral("core.users.manage"), Tr::tr("unlock an account"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture(std::current_exception());
    }
    return m_store.write(WriteContext{QStringLiteral("core"), actor.name, {}},
                         [this, userName, actor, command](WriteTransaction& txn) {
        const QString operation = QStringLiteral("core.user.unlock");
        if (service::appliedBefore(txn, command, operation))
            return;
        if (serverChecksPasswords(txn)) {
            // The server's function checks the permission, clears the lock, lets the login log in
            // again and audits.
            txn.exec(QStringLiteral("SELECT hexhub_unlock(?)"), {userName});
        } else {
            const qint64 id = userIdByName(txn, userName);
            txn.exec(QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?"), {id});
            if (txn.scalar(QStringLiteral("SELECT active FROM users WHERE id = ?"), {id}).toInt() == 1)
                setServerLogin(txn, userName, true);
            m_audit.append(txn, {actor.name, QStringLiteral("user.unlocked"), QStringLiteral("user:") + userName, {},
                                 QStringLiteral("success")});
        }
        service::recordApplied(txn, command, operation, userName);
    });
}

QFuture<void> AccessControl::setActive(const QString& userName, bool active, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    const QString action = active ? QStringLiteral("user.enabled") : QStringLiteral("user.disabled");
    const QString object = QStringLiteral("user:") + userName;
    try {
        Session::require(actor, QStringLiteral("core.users.manage"), active ? Tr::tr("enable an account") : Tr::tr("disable an account"));
        if (!active && userName == actor.name)
            throw ValidationError(Tr::tr("You cannot disable your own account; ask another administrator."));
    } catch (const PermissionDenied&) {
        return refuse<void>(m_audit, {actor.isValid() ? actor.name : QStringLiteral("system"), action, object,
                                      QStringLiteral("missing core.users.manage"), QStringLiteral("denied")},
                            std::current_exception());
    } catch (...) {
        return QtFuture::makeExceptionalFuture(std::current_exception());
    }
    return m_store.write(WriteContext{QStringLiteral("core"), actor.name, {}},
                         [this, userName, active, actor, action, object, command](WriteTransaction& txn) {
        const QString operation = active ? QStringLiteral("core.user.enable") : QStringLiteral("core.user.disable");
        if (service::appliedBefore(txn, command, operation))
            return;
        if (serverChecksPasswords(txn)) {
            // A desk's login may not change accounts: the server's function checks the permission,
            // changes the account and its database login, and audits.
            txn.exec(QStringLiteral("SELECT hexhub_set_active(?, ?)"), {userName, active});
        } else {
            const qint64 id = userIdByName(txn, userName);
            if (!active && txn.scalar(QStringLiteral("SELECT 1 FROM user_roles WHERE user_id = ? AND role = 'administrator'"), {id}).isValid()
                && txn.scalar(QStringLiteral("SELECT COUNT(*) FROM user_roles ur JOIN users u ON u.id = ur.user_id "
                                             "WHERE ur.role = 'administrator' AND u.active = 1")).toInt() <= 1)
                throw ValidationError(Tr::tr("This is the last active administrator; enable or add another first."));
            txn.exec(QStringLiteral("UPDATE users SET active = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?"),
                     {active ? 1 : 0, id});
            // On a shared server the database login follows: a disabled user cannot log in to it either.
            setServerLogin(txn, userName, active);
            m_audit.append(txn, {actor.name, action, object, {}, QStringLiteral("success")});
        }
        service::recordApplied(txn, command, operation, userName);
    });
}

QFuture<void> AccessControl::resetPassword(const QString& userName, const QString& newPassword, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("user:") + userName;
    try {
        Session::require(actor, QStringLiteral("core.users.manage"), Tr::tr("reset a password"));
        if (const QString weak = PasswordHasher::weakness(newPassword, userName); !weak.isEmpty())
            throw ValidationError(weak);
    } catch (const PermissionDenied&) {
        return refuse<void>(m_audit, {actor.isValid() ? actor.name : QStringLiteral("system"), QStringLiteral("user.password_reset"),
                                      object, QStringLiteral("missing core.users.manage"), QStringLiteral("denied")},
                            std::current_exception());
    } catch (...) {
        return QtFuture::makeExceptionalFuture(std::current_exception());
    }
    return runInBackground(m_background, [this, userName, newPassword, actor, command] {
        const PasswordHash hash = m_hasher.hash(newPassword);
        m_store.write(WriteContext{QStringLiteral("core"), actor.name, {}},
                      [this, userName, newPassword, hash, actor, command](WriteTransaction& txn) {
            const QString operation = QStringLiteral("core.user.password_reset");
            if (service::appliedBefore(txn, command, operation))
                return;
            setPassword(txn, userName, newPassword, hash, actor.name, QStringLiteral("user.password_reset"));
            service::recordApplied(txn, command, operation, userName);
        }).waitForFinished();
    });
}

QFuture<void> AccessControl::changeOwnPassword(const QString& currentPassword, const QString& newPassword) const
{
    const Principal actor = m_session.principal();
    try {
        if (!actor.isValid())
            throw PermissionDenied(Tr::tr("Sign in first to change your password."), QString());
        if (const QString weak = PasswordHasher::weakness(newPassword, actor.name); !weak.isEmpty())
            throw ValidationError(weak);
        if (newPassword == currentPassword)
            throw ValidationError(Tr::tr("The new password is the same as the current one."));
    } catch (...) {
        return QtFuture::makeExceptionalFuture(std::current_exception());
    }
    return runInBackground(m_background, [this, actor, currentPassword, newPassword] {
        // The current password first, by whoever checks passwords here: the server, or this store.
        const auto stored = m_store.read([name = actor.name](Sql& sql) -> std::optional<PasswordHash> {
            if (serverChecksPasswords(sql))
                return std::nullopt;
            QSqlQuery q = sql.exec(QStringLiteral("SELECT password_hash, salt, iterations FROM users WHERE name = ?"), {name});
            if (!q.next())
                return PasswordHash{};
            return PasswordHash{QByteArray::fromHex(q.value(0).toByteArray()), QByteArray::fromHex(q.value(1).toByteArray()),
                                q.value(2).toInt()};
        }).result();
        const bool current = stored ? PasswordHasher::verify(currentPassword, *stored)
                                    : serverAccepts(m_store.url(), actor.name, currentPassword);
        const QString object = QStringLiteral("user:") + actor.name;
        if (!current) {
            m_audit.record({actor.name, QStringLiteral("user.password_changed"), object, QStringLiteral("wrong current password"),
                            QStringLiteral("denied")}).waitForFinished();
            throw ValidationError(Tr::tr("The current password is not right; the password was not changed."));
        }
        const PasswordHash hash = m_hasher.hash(newPassword);
        m_store.write(WriteContext{QStringLiteral("core"), actor.name, {}}, [this, actor, newPassword, hash](WriteTransaction& txn) {
            setPassword(txn, actor.name, newPassword, hash, actor.name, QStringLiteral("user.password_changed"));
        }).waitForFinished();
    });
}

void AccessControl::setPassword(WriteTransaction& txn, const QString& userName, const QString& password,
                                const PasswordHash& hash, const QString& actor, const QString& action) const
{
    const QString object = QStringLiteral("user:") + userName;
    if (serverChecksPasswords(txn)) {
        // The server's function sets the login's password (SCRAM) and the account's, and audits.
        txn.exec(QStringLiteral("SELECT hexhub_set_password(?, ?, ?, ?, ?)"),
                 {userName, password, QString::fromLatin1(hash.digest.toHex()), QString::fromLatin1(hash.salt.toHex()),
                  hash.iterations});
        return;
    }
    const qint64 id = userIdByName(txn, userName);
    txn.exec(QStringLiteral("UPDATE users SET password_hash = ?, salt = ?, iterations = ?, password_changed_at = ?, "
                            "failed_attempts = 0, locked_until = NULL WHERE id = ?"),
             {QString::fromLatin1(hash.digest.toHex()), QString::fromLatin1(hash.salt.toHex()), hash.iterations,
              m_clock.nowMs(), id});
    if (hasServerLogin(txn, userName)) {
        // Role names and passwords cannot be bound parameters in DDL: the server quotes them.
        txn.exec(txn.scalar(QStringLiteral("SELECT format('ALTER ROLE %I PASSWORD %L', ?::text, ?::text)"),
                            {userName, password}).toString());
    }
    // A new password ends a lock, the login's too (a disabled account's login stays shut).
    setServerLogin(txn, userName, txn.scalar(QStringLiteral("SELECT active FROM users WHERE id = ?"), {id}).toInt() == 1);
    m_audit.append(txn, {actor, action, object, {}, QStringLiteral("success")});
}

QFuture<QList<UserAccount>> AccessControl::accounts(const QString& filter, int offset, int limit) const
{
    try {
        Session::require(m_session.principal(), QStringLiteral("core.users.manage"), Tr::tr("list the accounts"));
        if (offset < 0 || limit < 0)
            throw ValidationError(Tr::tr("A page of accounts starts at 0 or later and holds 0 or more of them."));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<UserAccount>>(std::current_exception());
    }
    const qint64 now = m_clock.nowMs();
    return m_store.read([filter, offset, limit, now](Sql& sql) {
        return readAccounts(sql, filter, false, offset, limit, now);
    });
}

QFuture<qint64> AccessControl::accountCount(const QString& filter) const
{
    try {
        Session::require(m_session.principal(), QStringLiteral("core.users.manage"), Tr::tr("list the accounts"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<qint64>(std::current_exception());
    }
    return m_store.read([filter](Sql& sql) { return countAccounts(sql, filter); });
}

QFuture<std::optional<UserAccount>> AccessControl::account(const QString& userName) const
{
    try {
        Session::require(m_session.principal(), QStringLiteral("core.users.manage"), Tr::tr("list the accounts"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<std::optional<UserAccount>>(std::current_exception());
    }
    const qint64 now = m_clock.nowMs();
    return m_store.read([userName, now](Sql& sql) -> std::optional<UserAccount> {
        const QList<UserAccount> found = readAccounts(sql, userName, true, 0, 1, now);
        return found.isEmpty() ? std::nullopt : std::optional<UserAccount>(found.first());
    });
}

QFuture<void> AccessControl::registerPermissions(const QList<PermissionDefinition>& permissions) const
{
    return m_store.write([permissions](WriteTransaction& txn) {
        for (const PermissionDefinition& permission : permissions) {
            const QVariant known = txn.scalar(QStringLiteral("SELECT description FROM permissions WHERE id = ?"),
                                              {permission.id});
            if (known.isValid()) {
                // Nothing written when nothing changed: a desk of a prepared server may not write
                // permissions, and registers the ones --init-server registered.
                if (known.toString() != permission.description) {
                    txn.exec(QStringLiteral("UPDATE permissions SET description = ? WHERE id = ?"),
                             {permission.description, permission.id});
                }
                continue; // its grants are the administrators' business now
            }
            txn.exec(QStringLiteral("INSERT INTO permissions (id, module, description) VALUES (?, ?, ?)"),
                     {permission.id, permission.module, permission.description});
            for (const QString& role : permission.defaultRoles) {
                if (!txn.scalar(QStringLiteral("SELECT 1 FROM roles WHERE id = ?"), {role}).isValid())
                    throw ValidationError(Tr::tr("Permission %1 names an unknown role '%2'.").arg(permission.id, role));
                txn.exec(QStringLiteral("INSERT INTO role_permissions (role, permission) VALUES (?, ?)"),
                         {role, permission.id});
            }
        }
    });
}

QFuture<Principal> AccessControl::principalFor(const QString& userName) const
{
    return m_store.read([userName](Sql& sql) {
        if (serverChecksPasswords(sql)) {
            // A desk's login reads its own account only.
            const Principal own = loadOwnPrincipal(sql);
            return own.name == userName ? own : Principal{};
        }
        const QVariant id = sql.scalar(QStringLiteral("SELECT id FROM users WHERE name = ?"), {userName});
        return id.isValid() ? loadPrincipal(sql, id.toLongLong()) : Principal{};
    });
}

} // namespace hexhub
