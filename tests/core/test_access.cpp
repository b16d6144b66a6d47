#include "security/accesscontrol.h"
#include "security/audit.h"
#include "base/clock.h"
#include "base/error.h"
#include "bus/eventbus.h"
#include "security/password.h"
#include "security/session.h"
#include "store/store.h"

#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>

using namespace hexhub;
using namespace hexhub::test;

namespace {

const QString kAdminPassword = QStringLiteral("Night-Shift-Desk-7");

struct Access
{
    TestPlatform tp;
    Access() { tp.start(); }
    AccessControl& access() { return tp->access(); }
    Session& session() { return tp->session(); }
    SimulatedClock& clock() { return static_cast<SimulatedClock&>(tp->clock()); }

    Principal admin()
    {
        await(access().createFirstAdministrator(QStringLiteral("root"), kAdminPassword));
        const SignInResult result = await(access().signIn(QStringLiteral("root"), kAdminPassword));
        REQUIRE(result.ok);
        session().setPrincipal(result.principal);
        return result.principal;
    }
    QStringList auditActions()
    {
        QStringList out;
        for (const AuditRecord& r : await(tp->audit().page(0, 1000)))
            out << r.entry.action + QLatin1Char('/') + r.entry.outcome;
        return out;
    }
};

} // namespace

TEST_CASE("Passwords: PBKDF2-SHA256, 600,000 iterations by default, salted, constant-time checked", "[access]")
{
    CHECK(PasswordHasher().iterations() == 600000);
    CHECK(PasswordHasher::kSaltBytes == 16);
    const PasswordHasher quick(1000);
    const PasswordHash a = quick.hash(QStringLiteral("Same-Password-123"));
    const PasswordHash b = quick.hash(QStringLiteral("Same-Password-123"));
    CHECK(a.salt.size() == 16);
    CHECK(a.digest.size() == 32);
    CHECK(a.salt != b.salt);
    CHECK(a.digest != b.digest);
    CHECK(PasswordHasher::verify(QStringLiteral("Same-Password-123"), a));
    CHECK_FALSE(PasswordHasher::verify(QStringLiteral("Same-Password-124"), a));
    CHECK_FALSE(PasswordHasher::verify(QStringLiteral("Same-Password-123"), PasswordHash{}));
    // Known answers: RFC 7914 section 11 (two blocks of output, 80,000 iterations), and a UTF-8
    // password with a binary salt (from Python's hashlib.pbkdf2_hmac).
    CHECK(PasswordHasher::pbkdf2Sha256("Password", "NaCl", 80000, 64).toHex()
          == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
             "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
    QByteArray salt(16, Qt::Uninitialized);
    for (int i = 0; i < 16; ++i)
        salt[i] = char(i);
    CHECK(PasswordHasher::pbkdf2Sha256(QStringLiteral("Ünïcode-密码-Pass1").toUtf8(), salt, 1000, 32).toHex()
          == "004e3fd1bf2dc0f178441430df774bac5589d5bc1e3a239ed4381579e56ec1aa");
    // Known answer (RFC 7914 section 11 test vector for PBKDF2-HMAC-SHA256, 1 iteration).
    const PasswordHash vector{QByteArray::fromHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"),
                              QByteArrayLiteral("salt"), 1};
    CHECK(PasswordHasher::verify(QStringLiteral("passwd"), PasswordHash{vector.digest.left(32), vector.salt, 1}));

    CHECK(PasswordHasher::constantTimeEqual("abc", "abc"));
    CHECK_FALSE(PasswordHasher::constantTimeEqual("abc", "abd"));
    CHECK_FALSE(PasswordHasher::constantTimeEqual("abc", "abcd"));
}

TEST_CASE("The real 600,000-iteration hash is what new users get", "[access][slow]")
{
    TestPlatform::Config config;
    config.passwordIterations = PasswordHasher::kDefaultIterations;
    TestPlatform tp(config);
    tp.start();
    await(tp->access().createFirstAdministrator(QStringLiteral("chief"), kAdminPassword));
    const int iterations = await(tp->store().read([](Sql& sql) {
        return sql.scalar(QStringLiteral("SELECT iterations FROM users WHERE name = 'chief'")).toInt();
    }));
    CHECK(iterations == 600000);
    CHECK(await(tp->access().signIn(QStringLiteral("chief"), kAdminPassword)).ok);
}

TEST_CASE("Weak passwords are refused with the reason", "[access]")
{
    CHECK(PasswordHasher::weakness(QStringLiteral("Short1!"), QStringLiteral("ann")).contains(QStringLiteral("too short")));
    CHECK(PasswordHasher::weakness(QStringLiteral("alllowercaseletters"), QStringLiteral("ann")).contains(QStringLiteral("three of")));
    CHECK(PasswordHasher::weakness(QStringLiteral("Ann-Is-Great-2026"), QStringLiteral("ann")).contains(QStringLiteral("account name")));
    CHECK(PasswordHasher::weakness(QStringLiteral("MyPassword-2026"), QStringLiteral("ann")).contains(QStringLiteral("well-known")));
    CHECK(PasswordHasher::weakness(kAdminPassword, QStringLiteral("ann")).isEmpty());
    Access a;
    CHECK(failureOf(a.access().createFirstAdministrator(QStringLiteral("root"), QStringLiteral("Root-12345678x")))
              .contains(QStringLiteral("account name")));
}

TEST_CASE("The first administrator is created once", "[access]")
{
    Access a;
    QObject receiver;
    std::optional<UserCreated> created;
    a.tp->bus().subscribe<UserCreated>(&receiver, [&](const UserCreated& u, const Event&) { created = u; });
    const qint64 id = await(a.access().createFirstAdministrator(QStringLiteral("root"), kAdminPassword));
    CHECK(id > 0);
    REQUIRE(waitUntil([&] { return created.has_value(); }));
    CHECK(created->name == QStringLiteral("root"));
    CHECK(created->roles == QStringList{QStringLiteral("administrator")});
    CHECK(failureOf(a.access().createFirstAdministrator(QStringLiteral("second"), kAdminPassword))
              .contains(QStringLiteral("already exists")));
    CHECK(a.auditActions().contains(QStringLiteral("user.created/success")));
}

TEST_CASE("Signing in gives the user's roles and permissions", "[access]")
{
    Access a;
    a.admin();
    await(a.access().createUser(NewUser{QStringLiteral("auditor1"), QStringLiteral("Ann Auditor"), kAdminPassword,
                                        {QStringLiteral("auditor")}}));
    const SignInResult result = await(a.access().signIn(QStringLiteral("auditor1"), kAdminPassword));
    REQUIRE(result.ok);
    CHECK(result.principal.displayName == QStringLiteral("Ann Auditor"));
    CHECK(result.principal.roles == QStringList{QStringLiteral("auditor")});
    CHECK(result.principal.can(QStringLiteral("core.audit.verify")));
    CHECK_FALSE(result.principal.can(QStringLiteral("core.users.manage")));
}

TEST_CASE("Wrong passwords fail alike for unknown and known names, and are audited", "[access]")
{
    Access a;
    a.admin();
    const SignInResult unknown = await(a.access().signIn(QStringLiteral("nobody"), kAdminPassword));
    const SignInResult wrong = await(a.access().signIn(QStringLiteral("root"), QStringLiteral("Not-The-Password-1")));
    CHECK_FALSE(unknown.ok);
    CHECK_FALSE(wrong.ok);
    CHECK(unknown.error == wrong.error);
    const QStringList actions = a.auditActions();
    CHECK(actions.count(QStringLiteral("session.login/failed")) == 2);
    CHECK(actions.contains(QStringLiteral("session.login/success")));
}

TEST_CASE("Five failures lock the account for 15 minutes of clock time", "[access]")
{
    Access a;
    a.admin();
    await(a.access().createUser(NewUser{QStringLiteral("desk3"), {}, kAdminPassword, {QStringLiteral("hub_supervisor")}}));
    QObject receiver;
    std::optional<UserLocked> locked;
    a.tp->bus().subscribe<UserLocked>(&receiver, [&](const UserLocked& l, const Event&) { locked = l; });
    a.clock().pause();
    SignInResult last;
    for (int i = 0; i < 5; ++i)
        last = await(a.access().signIn(QStringLiteral("desk3"), QStringLiteral("Wrong-Guess-%1x").arg(i)));
    CHECK_FALSE(last.ok);
    // A lock is announced to whoever watches accounts, not to whoever is guessing: one answer for all.
    CHECK(last.error == QStringLiteral("Unknown user name or wrong password."));
    CHECK_FALSE(last.lockedUntil.isValid());
    REQUIRE(waitUntil([&] { return locked.has_value(); }));
    CHECK(locked->name == QStringLiteral("desk3"));
    CHECK(locked->until == TestPlatform::simulatedStart().addSecs(15 * 60));

    // Even the right password is refused while locked, with the same answer as a wrong one.
    const SignInResult during = await(a.access().signIn(QStringLiteral("desk3"), kAdminPassword));
    CHECK_FALSE(during.ok);
    CHECK(during.error == last.error);
    a.clock().advance(14 * 60 * 1000);
    CHECK_FALSE(await(a.access().signIn(QStringLiteral("desk3"), kAdminPassword)).ok);
    a.clock().advance(61 * 1000);
    CHECK(await(a.access().signIn(QStringLiteral("desk3"), kAdminPassword)).ok);

    const QStringList actions = a.auditActions();
    CHECK(actions.contains(QStringLiteral("user.locked/locked")));
    CHECK(actions.count(QStringLiteral("session.login/locked")) == 2);
    // Who failed to sign in is only what was typed: the audit marks it as not proven.
    QStringList actors;
    for (const AuditRecord& r : await(a.tp->audit().page(0, 1000))) {
        if (r.entry.action == QLatin1String("session.login") && r.entry.outcome != QLatin1String("success"))
            actors << r.entry.actor;
    }
    CHECK(actors.size() == 7);
    CHECK(actors.count(QStringLiteral("(unauthenticated) desk3")) == 7);
}

TEST_CASE("Guesses sent all at once are counted one by one: the lock falls at the fifth, the rest meet it",
          "[access]")
{
    Access a;
    a.admin();
    await(a.access().createUser(NewUser{QStringLiteral("desk8"), {}, kAdminPassword, {}}));
    a.clock().pause();
    QList<QFuture<SignInResult>> guesses;
    for (int i = 0; i < 10; ++i)
        guesses << a.access().signIn(QStringLiteral("desk8"), QStringLiteral("Wrong-Guess-%1x").arg(i));
    for (QFuture<SignInResult>& guess : guesses)
        CHECK_FALSE(await(guess).ok);
    const QStringList actions = a.auditActions();
    CHECK(actions.count(QStringLiteral("session.login/failed")) == 5);
    CHECK(actions.count(QStringLiteral("session.login/locked")) == 5);
    CHECK(actions.count(QStringLiteral("user.locked/locked")) == 1);
    CHECK_FALSE(await(a.access().signIn(QStringLiteral("desk8"), kAdminPassword)).ok);
}

TEST_CASE("Administrators disable and enable accounts and reset passwords, users change their own, all audited",
          "[access]")
{
    Access a;
    a.admin();
    await(a.access().createUser(NewUser{QStringLiteral("desk9"), {}, kAdminPassword, {QStringLiteral("supervision_operator")}}));
    const QString wrong = QStringLiteral("Unknown user name or wrong password.");

    await(a.access().setActive(QStringLiteral("desk9"), false));
    const SignInResult disabled = await(a.access().signIn(QStringLiteral("desk9"), kAdminPassword));
    CHECK_FALSE(disabled.ok);
    CHECK(disabled.error == wrong); // the same answer as a wrong password
    await(a.access().setActive(QStringLiteral("desk9"), true));
    CHECK(await(a.access().signIn(QStringLiteral("desk9"), kAdminPassword)).ok);
    CHECK(failureOf(a.access().setActive(QStringLiteral("root"), false)).contains(QStringLiteral("your own")));
    CHECK(failureOf(a.access().setActive(QStringLiteral("nobody"), false)).contains(QStringLiteral("no user")));

    const QString reset = QStringLiteral("Fresh-Winter-Lantern-42");
    CHECK(failureOf(a.access().resetPassword(QStringLiteral("desk9"), QStringLiteral("short"))).contains(QStringLiteral("too short")));
    await(a.access().resetPassword(QStringLiteral("desk9"), reset));
    CHECK_FALSE(await(a.access().signIn(QStringLiteral("desk9"), kAdminPassword)).ok);
    const SignInResult withReset = await(a.access().signIn(QStringLiteral("desk9"), reset));
    REQUIRE(withReset.ok);

    // The user, signed in, changes their own: the current password first.
    a.session().setPrincipal(withReset.principal);
    const QString own = QStringLiteral("Quiet-River-Compass-77");
    CHECK(failureOf(a.access().changeOwnPassword(QStringLiteral("Not-The-Current-1"), own)).contains(QStringLiteral("not right")));
    await(a.access().changeOwnPassword(reset, own));
    CHECK_FALSE(await(a.access().signIn(QStringLiteral("desk9"), reset)).ok);
    CHECK(await(a.access().signIn(QStringLiteral("desk9"), own)).ok);
    // An operator cannot disable or reset others.
    CHECK(failureOf(a.access().setActive(QStringLiteral("root"), false)).contains(QStringLiteral("core.users.manage")));
    CHECK(failureOf(a.access().resetPassword(QStringLiteral("root"), reset)).contains(QStringLiteral("core.users.manage")));

    const QStringList actions = a.auditActions();
    CHECK(actions.contains(QStringLiteral("user.disabled/success")));
    CHECK(actions.contains(QStringLiteral("user.enabled/success")));
    CHECK(actions.contains(QStringLiteral("user.password_reset/success")));
    CHECK(actions.contains(QStringLiteral("user.password_changed/success")));
    CHECK(actions.contains(QStringLiteral("user.password_changed/denied")));
    CHECK(actions.contains(QStringLiteral("user.disabled/denied")));
    CHECK(actions.contains(QStringLiteral("user.password_reset/denied")));
}

TEST_CASE("An administrator can unlock an account early", "[access]")
{
    Access a;
    a.admin();
    await(a.access().createUser(NewUser{QStringLiteral("desk4"), {}, kAdminPassword, {}}));
    for (int i = 0; i < 5; ++i)
        await(a.access().signIn(QStringLiteral("desk4"), QStringLiteral("Wrong-Guess-%1x").arg(i)));
    CHECK_FALSE(await(a.access().signIn(QStringLiteral("desk4"), kAdminPassword)).ok);
    await(a.access().unlock(QStringLiteral("desk4")));
    CHECK(await(a.access().signIn(QStringLiteral("desk4"), kAdminPassword)).ok);
    CHECK(a.auditActions().contains(QStringLiteral("user.unlocked/success")));
}

TEST_CASE("Administrators list the accounts page by page, filtered, without any password column", "[access]")
{
    Access a;
    a.admin();
    await(a.access().createUser(NewUser{QStringLiteral("desk1"), QStringLiteral("Li Wei"), kAdminPassword,
                                        {QStringLiteral("supervision_operator"), QStringLiteral("auditor")}}));
    await(a.access().createUser(NewUser{QStringLiteral("desk2"), QStringLiteral("Zhang Min"), kAdminPassword, {}}));
    await(a.access().createUser(NewUser{QStringLiteral("desk_3"), QStringLiteral("50% Wang"), kAdminPassword, {}}));
    await(a.access().createUser(NewUser{QStringLiteral("night.lead"), QStringLiteral("Desk Lead"), kAdminPassword,
                                        {QStringLiteral("hub_supervisor")}}));
    await(a.access().setActive(QStringLiteral("desk2"), false));
    for (int i = 0; i < AccessControl::kMaxFailedAttempts; ++i)
        await(a.access().signIn(QStringLiteral("desk_3"), QStringLiteral("Wrong-Guess-%1x").arg(i)));

    // Sorted by name, in pages that neither skip nor repeat.
    CHECK(await(a.access().accountCount(QString())) == 5);
    QStringList names;
    for (int offset = 0; offset < 6; offset += 2) {
        const QList<UserAccount> page = await(a.access().accounts(QString(), offset, 2));
        CHECK(page.size() == (offset < 4 ? 2 : 1));
        for (const UserAccount& account : page)
            names << account.name;
    }
    CHECK(names == QStringList{QStringLiteral("desk1"), QStringLiteral("desk2"), QStringLiteral("desk_3"),
                               QStringLiteral("night.lead"), QStringLiteral("root")});
    CHECK(await(a.access().accounts(QString(), 5, 10)).isEmpty());

    const QList<UserAccount> all = await(a.access().accounts(QString(), 0, 100));
    REQUIRE(all.size() == 5);
    CHECK(all[0].displayName == QStringLiteral("Li Wei"));
    CHECK(all[0].roles == QStringList{QStringLiteral("auditor"), QStringLiteral("supervision_operator")});
    CHECK(all[0].active);
    CHECK_FALSE(all[0].locked);
    CHECK(all[0].lockedUntil.isNull());
    CHECK(all[0].createdAt == a.clock().now());
    CHECK(all[0].passwordChangedAt == a.clock().now());
    CHECK_FALSE(all[1].active);
    CHECK(all[1].roles.isEmpty());
    CHECK(all[2].locked);
    CHECK(all[2].lockedUntil == a.clock().now().addMSecs(AccessControl::kLockoutMs));
    CHECK(all[4].roles == QStringList{QStringLiteral("administrator")});
    // A lock that ran out shows as such, with nothing written.
    a.clock().advance(AccessControl::kLockoutMs + 1);
    CHECK_FALSE(await(a.access().account(QStringLiteral("desk_3")))->locked);

    // The filter: anywhere in the name or display name, any case; its wildcards are plain text.
    auto found = [&](const QString& filter) {
        QStringList out;
        for (const UserAccount& account : await(a.access().accounts(filter, 0, 100)))
            out << account.name;
        return out;
    };
    CHECK(found(QStringLiteral("DESK")) == QStringList{QStringLiteral("desk1"), QStringLiteral("desk2"),
                                                        QStringLiteral("desk_3"), QStringLiteral("night.lead")});
    CHECK(found(QStringLiteral("zhang")) == QStringList{QStringLiteral("desk2")});
    CHECK(found(QStringLiteral("k_")) == QStringList{QStringLiteral("desk_3")});
    CHECK(found(QStringLiteral("50%")) == QStringList{QStringLiteral("desk_3")});
    CHECK(found(QStringLiteral("%")) == QStringList{QStringLiteral("desk_3")});
    CHECK(found(QStringLiteral("nobody")).isEmpty());
    CHECK(await(a.access().accountCount(QStringLiteral("desk"))) == 4);
    CHECK(await(a.access().accountCount(QStringLiteral("_"))) == 1);
    CHECK(await(a.access().account(QStringLiteral("night.lead")))->displayName == QStringLiteral("Desk Lead"));
    CHECK_FALSE(await(a.access().account(QStringLiteral("night"))).has_value()); // a name, not a filter
    CHECK(failureOf(a.access().accounts(QString(), -1, 10)).contains(QStringLiteral("starts at 0")));

    // Only with core.users.manage, whoever asks.
    const SignInResult op = await(a.access().signIn(QStringLiteral("night.lead"), kAdminPassword));
    REQUIRE(op.ok);
    a.session().setPrincipal(op.principal);
    for (const QString& refusal : {failureOf(a.access().accounts(QString(), 0, 10)),
                                   failureOf(a.access().accountCount(QString())),
                                   failureOf(a.access().account(QStringLiteral("root")))}) {
        CHECK(refusal.contains(QStringLiteral("Permission denied")));
        CHECK(refusal.contains(QStringLiteral("core.users.manage")));
    }
    a.session().clear();
    CHECK(failureOf(a.access().accounts(QString(), 0, 10)).contains(QStringLiteral("Sign in first")));
}

TEST_CASE("Account changes are commands: sent again, they apply once and answer with what the first made", "[access][commands]")
{
    Access a;
    a.admin();
    const CommandId create = CommandId::make();
    const NewUser desk{QStringLiteral("desk5"), {}, kAdminPassword, {}};
    const qint64 first = await(a.access().createUser(desk, create));
    // A retry after a lost answer: the same user, not a refusal and not a second account.
    CHECK(await(a.access().createUser(desk, create)) == first);
    CHECK(a.auditActions().count(QStringLiteral("user.created/success")) == 2); // root and desk5

    // A late retry of a grant must not undo the revoke that came after it.
    const CommandId grant = CommandId::make();
    await(a.access().grantRole(QStringLiteral("desk5"), QStringLiteral("auditor"), grant));
    await(a.access().revokeRole(QStringLiteral("desk5"), QStringLiteral("auditor")));
    await(a.access().grantRole(QStringLiteral("desk5"), QStringLiteral("auditor"), grant));
    CHECK_FALSE(await(a.access().principalFor(QStringLiteral("desk5"))).can(QStringLiteral("core.audit.read")));
    CHECK(a.auditActions().count(QStringLiteral("role.granted/success")) == 1);

    // Likewise an unlock sent twice clears one lockout, not a later one.
    const CommandId unlock = CommandId::make();
    await(a.access().unlock(QStringLiteral("desk5"), unlock));
    for (int i = 0; i < AccessControl::kMaxFailedAttempts; ++i)
        await(a.access().signIn(QStringLiteral("desk5"), QStringLiteral("Wrong-Guess-%1x").arg(i)));
    await(a.access().unlock(QStringLiteral("desk5"), unlock));
    CHECK_FALSE(await(a.access().signIn(QStringLiteral("desk5"), kAdminPassword)).ok);
    CHECK(a.auditActions().count(QStringLiteral("user.unlocked/success")) == 1);

    // One id is one command: reused for another operation it is refused, and nothing changes.
    CHECK(failureOf(a.access().unlock(QStringLiteral("desk5"), create)).contains(QStringLiteral("already used")));
    CHECK(failureOf(a.access().revokeRole(QStringLiteral("desk5"), QStringLiteral("auditor"), grant))
              .contains(QStringLiteral("already used")));
    const int applied = await(a.tp->store().read([](Sql& sql) {
        return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM applied_commands WHERE module = 'core' "
                                         "AND operation LIKE 'core.%'")).toInt();
    }));
    CHECK(applied == 4); // create, grant, the revoke's own id, unlock
}

TEST_CASE("Core services check permissions themselves", "[access]")
{
    Access a;
    a.admin();
    await(a.access().createUser(NewUser{QStringLiteral("operator1"), {}, kAdminPassword, {QStringLiteral("case_management_operator")}}));
    const SignInResult op = await(a.access().signIn(QStringLiteral("operator1"), kAdminPassword));
    REQUIRE(op.ok);
    a.session().setPrincipal(op.principal);

    const QString denied = failureOf(a.access().createUser(NewUser{QStringLiteral("sneaky"), {}, kAdminPassword, {QStringLiteral("administrator")}}));
    CHECK(denied.contains(QStringLiteral("Permission denied")));
    CHECK(denied.contains(QStringLiteral("core.users.manage")));
    CHECK(denied.contains(QStringLiteral("operator1")));
    CHECK(failureOf(a.access().grantRole(QStringLiteral("operator1"), QStringLiteral("administrator")))
              .contains(QStringLiteral("core.roles.manage")));
    CHECK(failureOf(a.access().unlock(QStringLiteral("root"))).contains(QStringLiteral("core.users.manage")));
    a.session().clear();
    CHECK(failureOf(a.access().createUser(NewUser{QStringLiteral("ghost"), {}, kAdminPassword, {}})).contains(QStringLiteral("Sign in first")));

    CHECK_FALSE(await(a.access().principalFor(QStringLiteral("sneaky"))).isValid());
    const QStringList actions = a.auditActions();
    CHECK(actions.contains(QStringLiteral("user.created/denied")));
    CHECK(actions.contains(QStringLiteral("role.granted/denied")));
}

TEST_CASE("Granting and revoking roles changes permissions, is audited and announced", "[access]")
{
    Access a;
    a.admin();
    await(a.access().createUser(NewUser{QStringLiteral("trainee"), {}, kAdminPassword, {}}));
    QObject receiver;
    QList<RoleChanged> changes;
    a.tp->bus().subscribe<RoleChanged>(&receiver, [&](const RoleChanged& c, const Event&) { changes << c; });
    CHECK_FALSE(await(a.access().principalFor(QStringLiteral("trainee"))).can(QStringLiteral("core.audit.read")));
    await(a.access().grantRole(QStringLiteral("trainee"), QStringLiteral("auditor")));
    CHECK(await(a.access().principalFor(QStringLiteral("trainee"))).can(QStringLiteral("core.audit.read")));
    await(a.access().revokeRole(QStringLiteral("trainee"), QStringLiteral("auditor")));
    CHECK_FALSE(await(a.access().principalFor(QStringLiteral("trainee"))).can(QStringLiteral("core.audit.read")));
    REQUIRE(waitUntil([&] { return changes.size() == 2; }));
    CHECK(changes[0].granted == QStringList{QStringLiteral("auditor")});
    CHECK(changes[1].revoked == QStringList{QStringLiteral("auditor")});
    CHECK(failureOf(a.access().grantRole(QStringLiteral("trainee"), QStringLiteral("emperor"))).contains(QStringLiteral("no role")));
    CHECK(failureOf(a.access().grantRole(QStringLiteral("nobody"), QStringLiteral("auditor"))).contains(QStringLiteral("no user")));
    CHECK(failureOf(a.access().revokeRole(QStringLiteral("root"), QStringLiteral("administrator"))).contains(QStringLiteral("last administrator")));
    const QStringList actions = a.auditActions();
    CHECK(actions.contains(QStringLiteral("role.granted/success")));
    CHECK(actions.contains(QStringLiteral("role.revoked/success")));
}

TEST_CASE("User names and duplicates are checked", "[access]")
{
    Access a;
    a.admin();
    CHECK(failureOf(a.access().createUser(NewUser{QStringLiteral("Robert'); DROP TABLE users;--"), {}, kAdminPassword, {}}))
              .contains(QStringLiteral("not a valid user name")));
    await(a.access().createUser(NewUser{QStringLiteral("ann"), {}, kAdminPassword, {}}));
    CHECK(failureOf(a.access().createUser(NewUser{QStringLiteral("ann"), {}, kAdminPassword, {}})).contains(QStringLiteral("already exists")));
}

TEST_CASE("The built-in roles exist", "[access]")
{
    Access a;
    const QStringList roles = await(a.tp->store().read([](Sql& sql) {
        QStringList r;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT id FROM roles WHERE builtin = 1 ORDER BY id"));
        while (q.next())
            r << q.value(0).toString();
        return r;
    }));
    QStringList expected = AccessControl::builtinRoles();
    expected.sort();
    CHECK(roles == expected);
    CHECK(roles.size() == 10);
}

TEST_CASE("Signing in does not block the calling thread", "[access]")
{
    TestPlatform::Config config;
    config.passwordIterations = 200000;
    TestPlatform tp(config);
    tp.start();
    await(tp->access().createFirstAdministrator(QStringLiteral("root"), kAdminPassword));
    QElapsedTimer timer;
    timer.start();
    auto future = tp->access().signIn(QStringLiteral("root"), kAdminPassword);
    const qint64 returnedAfter = timer.elapsed();
    CHECK_FALSE(future.isFinished()); // the hashing is still going on elsewhere
    CHECK(await(future).ok);
    CHECK(returnedAfter < timer.elapsed());
}
