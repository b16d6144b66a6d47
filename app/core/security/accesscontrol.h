#pragma once

#include "bus/event.h"
#include "base/hexhubcore_export.h"
#include "module/command.h"
#include "security/password.h"
#include "security/session.h"

#include <QDateTime>
#include <QFuture>
#include <QThreadPool>

namespace hexhub {

class AuditLog;
class Clock;
class Store;
class WriteTransaction;

//! A permission a module (or the core) defines, with the built-in roles that get it by default.
struct HEXHUB_CORE_EXPORT PermissionDefinition
{
    QString module;      //!< the module that defines it ("core" for the core's own)
    QString id;          //!< "<module>.<what>", e.g. "hub.incident.dispatch"
    QString description;
    QStringList defaultRoles;
};

struct HEXHUB_CORE_EXPORT NewUser
{
    QString name;
    QString displayName;
    QString password;
    QStringList roles;
};

struct HEXHUB_CORE_EXPORT SignInResult
{
    bool ok = false;
    Principal principal;
    QString error;          //!< for the operator, translated
    QDateTime lockedUntil;  //!< set when the account is locked
};

//! Bus payload: a user account was created.
struct HEXHUB_CORE_EXPORT UserCreated
{
    static constexpr auto kTopic = "user.created";
    static constexpr int kSchemaVersion = 1;
    QString name;
    QStringList roles;
    QJsonObject toJson() const;
    static std::optional<UserCreated> fromJson(const QJsonObject& json);
};

//! Bus payload: an account was locked after repeated failed sign-ins.
struct HEXHUB_CORE_EXPORT UserLocked
{
    static constexpr auto kTopic = "user.locked";
    static constexpr int kSchemaVersion = 1;
    QString name;
    QDateTime until;
    QJsonObject toJson() const;
    static std::optional<UserLocked> fromJson(const QJsonObject& json);
};

//! Bus payload: a role was granted to or revoked from a user.
struct HEXHUB_CORE_EXPORT RoleChanged
{
    static constexpr auto kTopic = "user.roles_changed";
    static constexpr int kSchemaVersion = 1;
    QString name;
    QStringList granted;
    QStringList revoked;
    QJsonObject toJson() const;
    static std::optional<RoleChanged> fromJson(const QJsonObject& json);
};

/*!
 * One account as an administrator sees it in the list: never its password hash, salt or iteration
 * count. Times are the Clock's; `lockedUntil` is null when the account was never locked or the lock
 * was lifted.
 */
struct HEXHUB_CORE_EXPORT UserAccount
{
    qint64 id = 0;
    QString name;
    QString displayName;
    bool active = true;
    bool locked = false;    //!< locked after failed sign-ins, as of the Clock when it was read
    QDateTime lockedUntil;  //!< UTC; null when not locked
    QStringList roles;      //!< role ids, sorted
    QDateTime createdAt;    //!< UTC
    QDateTime passwordChangedAt; //!< UTC
};

/*!
 * Users, roles and permissions, and signing in. Every change checks the signed-in user's permission
 * itself (the shell hiding a button is not the check), runs in one transaction with its audit row and
 * its bus event, and never blocks the caller: password hashing runs on a worker thread, SQL on the
 * store's threads.
 */
class HEXHUB_CORE_EXPORT AccessControl
{
public:
    static constexpr int kMaxFailedAttempts = 5;
    static constexpr qint64 kLockoutMs = 15 * 60 * 1000;
    static const QStringList& builtinRoles();
    //! A role's name for people, in the user's language ("Case management operator"); the id itself
    //! for a role Hexhub does not know.
    static QString roleDisplayName(const QString& role);

    AccessControl(Store& store, const Clock& clock, const AuditLog& audit, Session& session,
                  PasswordHasher hasher = PasswordHasher());

    //! Whether any user exists: a store without one opens on the setup of its first administrator.
    QFuture<bool> hasUsers() const;
    //! Checks a name and password. On success the caller puts the principal into the Session.
    QFuture<SignInResult> signIn(const QString& name, const QString& password) const;

    /*!
     * Needs core.users.manage. Resolves to the new user's id. The account operations below are
     * commands (ARCHITECTURE.md 3a): sent again with the same `command`, they apply once and answer
     * with what the first made.
     */
    QFuture<qint64> createUser(const NewUser& user, const CommandId& command = CommandId::make()) const;
    //! Creates the first administrator; refused once any administrator exists. For `--create-admin`.
    QFuture<qint64> createFirstAdministrator(const QString& name, const QString& password) const;
    /*!
     * Creates a user on the authority of whoever runs the command line against the store (the
     * database owner for `hexhub --add-user`); `alsoInTransaction` runs in the same transaction
     * (creating the desk's database role), so both happen or neither.
     */
    QFuture<qint64> createUserBySystem(const NewUser& user,
                                       std::function<void(WriteTransaction&)> alsoInTransaction = {}) const;
    //! Needs core.roles.manage.
    QFuture<void> grantRole(const QString& userName, const QString& role,
                            const CommandId& command = CommandId::make()) const;
    QFuture<void> revokeRole(const QString& userName, const QString& role,
                             const CommandId& command = CommandId::make()) const;
    //! Needs core.users.manage: clears a lockout.
    QFuture<void> unlock(const QString& userName, const CommandId& command = CommandId::make()) const;
    /*!
     * Needs core.users.manage: a disabled account cannot sign in, and on a shared server its
     * database login cannot log in either; enabling gives both back. Nobody disables their own
     * account or the last active administrator. Audited.
     */
    QFuture<void> setActive(const QString& userName, bool active, const CommandId& command = CommandId::make()) const;
    //! Needs core.users.manage: sets someone's password (and their server login's). Audited.
    QFuture<void> resetPassword(const QString& userName, const QString& newPassword,
                                const CommandId& command = CommandId::make()) const;
    //! The signed-in user's own password, after the current one is checked. Audited.
    QFuture<void> changeOwnPassword(const QString& currentPassword, const QString& newPassword) const;

    /*!
     * Needs core.users.manage: the accounts whose name or display name contains `filter` (any case;
     * empty: all), sorted by name, `limit` of them from `offset` on. Read on the store's threads; on
     * a shared server through the server's hexhub_accounts(), since a desk's login reads no account
     * but its own.
     */
    QFuture<QList<UserAccount>> accounts(const QString& filter, int offset, int limit) const;
    //! Needs core.users.manage: how many accounts accounts() finds for `filter`.
    QFuture<qint64> accountCount(const QString& filter) const;
    //! Needs core.users.manage: the account named `userName` as accounts() shows it; none when there is none.
    QFuture<std::optional<UserAccount>> account(const QString& userName) const;

    //! Records permissions defined by a module, granting new ones to their default roles (system).
    QFuture<void> registerPermissions(const QList<PermissionDefinition>& permissions) const;
    QFuture<Principal> principalFor(const QString& userName) const;

private:
    void setPassword(WriteTransaction& txn, const QString& userName, const QString& password, const PasswordHash& hash,
                     const QString& actor, const QString& action) const;
    SignInResult checkSignIn(const QString& name, const QString& password) const;
    SignInResult signInOnServer(const QString& name, const QString& password, const QString& login) const;
    qint64 insertUser(WriteTransaction& txn, const NewUser& user, const PasswordHash& hash,
                      const QString& actor) const;
    QFuture<void> changeRole(const QString& userName, const QString& role, bool grant,
                             const CommandId& command) const;

    Store& m_store;
    const Clock& m_clock;
    const AuditLog& m_audit;
    Session& m_session;
    PasswordHasher m_hasher;
    //! The password work (hashing, and the store calls around it) runs here; declared last, so it
    //! is destroyed first and waits for that work, which reads the members above (bounded: a hash
    //! takes about a second, and the store, closed first, answers at once).
    mutable QThreadPool m_background;
};

} // namespace hexhub
