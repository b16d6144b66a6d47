#include "security/audit.h"
#include "base/clock.h"
#include "base/error.h"
#include "store/store.h"

#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QFile>

#include <sys/stat.h>

using namespace hexhub;
using namespace hexhub::test;

namespace {

struct Audited
{
    TestPlatform tp;
    Audited(int rows = 6)
    {
        tp.start();
        for (int i = 1; i <= rows; ++i) {
            await(tp->audit().record({QStringLiteral("user%1").arg(i), QStringLiteral("case.viewed"),
                                      QStringLiteral("case:%1").arg(i), QStringLiteral("detail %1").arg(i),
                                      QStringLiteral("success")}));
        }
    }
    AuditVerification verify() { return await(tp->audit().verify()); }
    // Edits the file behind Hexhub's back, as an intruder with the file (but not the key) would.
    void tamper(const QStringList& statements)
    {
        RawSqlite raw(tp.storePath());
        raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_update"));
        raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_delete"));
        for (const QString& sql : statements)
            raw.exec(sql);
    }
};

} // namespace

TEST_CASE("An untouched audit chain verifies", "[audit]")
{
    Audited a;
    const auto result = a.verify();
    CHECK(result.intact);
    CHECK(result.rowsChecked == 6);
    CHECK(result.firstBadSeq == 0);
    CHECK(result.message.contains(QStringLiteral("intact")));
    const auto rows = await(a.tp->audit().page(0, 100));
    REQUIRE(rows.size() == 6);
    CHECK(rows[0].prevHash == QStringLiteral("genesis"));
    CHECK(rows[1].prevHash == rows[0].hash);
    CHECK(rows[0].origin == QStringLiteral("test-desk"));
    CHECK(rows[0].at == TestPlatform::simulatedStart());
}

TEST_CASE("An empty audit log verifies", "[audit]")
{
    Audited a(0);
    CHECK(a.verify().intact);
}

TEST_CASE("The audit log refuses updates and deletes through the store", "[audit]")
{
    Audited a;
    CHECK(failureOf(a.tp->store().write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("UPDATE audit_log SET outcome = 'denied' WHERE seq = 2"));
    })).contains(QStringLiteral("append-only")));
    CHECK(failureOf(a.tp->store().write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 2"));
    })).contains(QStringLiteral("append-only")));
    CHECK(a.verify().intact);
}

TEST_CASE("An edited row is named", "[audit][sqlite]")
{
    Audited a;
    a.tamper({QStringLiteral("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 4")});
    const auto result = a.verify();
    CHECK_FALSE(result.intact);
    CHECK(result.firstBadSeq == 4);
    CHECK(result.message.contains(QStringLiteral("row 4")));
    CHECK(result.message.contains(QStringLiteral("changed")));
}

TEST_CASE("An edited row with a recomputed plain hash is still caught (the key is needed)", "[audit][sqlite]")
{
    Audited a;
    a.tamper({QStringLiteral("UPDATE audit_log SET actor = 'mallory', hash = hex(randomblob(32)) WHERE seq = 6"),
              QStringLiteral("UPDATE audit_head SET hash = (SELECT hash FROM audit_log WHERE seq = 6)")});
    const auto result = a.verify();
    CHECK_FALSE(result.intact);
    CHECK(result.firstBadSeq == 6);
}

TEST_CASE("A deleted row is named", "[audit][sqlite]")
{
    Audited a;
    a.tamper({QStringLiteral("DELETE FROM audit_log WHERE seq = 3")});
    const auto result = a.verify();
    CHECK_FALSE(result.intact);
    CHECK(result.firstBadSeq == 3);
    CHECK(result.message.contains(QStringLiteral("missing")));
}

TEST_CASE("Rows cut off the end are noticed", "[audit][sqlite]")
{
    Audited a;
    a.tamper({QStringLiteral("DELETE FROM audit_log WHERE seq >= 5")});
    const auto result = a.verify();
    CHECK_FALSE(result.intact);
    CHECK(result.firstBadSeq == 5);
    CHECK(result.message.contains(QStringLiteral("deleted from the end")));
}

TEST_CASE("Reordered rows are named", "[audit][sqlite]")
{
    Audited a;
    // Swap the contents of rows 2 and 3, keeping their sequence numbers.
    a.tamper({QStringLiteral("UPDATE audit_log SET seq = -2 WHERE seq = 2"),
              QStringLiteral("UPDATE audit_log SET seq = 2 WHERE seq = 3"),
              QStringLiteral("UPDATE audit_log SET seq = 3 WHERE seq = -2")});
    const auto result = a.verify();
    CHECK_FALSE(result.intact);
    CHECK(result.firstBadSeq == 2);
}

TEST_CASE("An inserted row is named", "[audit][sqlite]")
{
    Audited a;
    // Make room at 4 (through negative numbers, since seq is the primary key), then forge row 4.
    a.tamper({QStringLiteral("UPDATE audit_log SET seq = -seq - 1 WHERE seq >= 4"),
              QStringLiteral("UPDATE audit_log SET seq = -seq WHERE seq < 0"),
              QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash) "
                             "SELECT 4, at, 'mallory', 'case.closed', 'case:9', '', 'success', origin, hash, hash "
                             "FROM audit_log WHERE seq = 3")});
    const auto result = a.verify();
    CHECK_FALSE(result.intact);
    CHECK(result.firstBadSeq == 4);
}

TEST_CASE("The audit key is created private and reused", "[audit]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested/folder/audit.key"));
    const QByteArray key = AuditLog::loadOrCreateKey(path);
    CHECK(key.size() == 32);
    struct stat st{};
    REQUIRE(::stat(path.toLocal8Bit().constData(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(AuditLog::loadOrCreateKey(path) == key);

    QFile damaged(path);
    REQUIRE(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("not hex at all");
    damaged.close();
    CHECK_THROWS_AS(AuditLog::loadOrCreateKey(path), Error);
}

TEST_CASE("A chain verified with the wrong key fails at the first row", "[audit]")
{
    Audited a;
    QTemporaryDir other;
    AuditLog wrong(a.tp->store(), a.tp->clock(), AuditLog::loadOrCreateKey(other.filePath(QStringLiteral("k"))),
                   QStringLiteral("x"));
    const auto result = await(wrong.verify());
    CHECK_FALSE(result.intact);
    CHECK(result.firstBadSeq == 1);
}

TEST_CASE("An audit row commits or rolls back with the change it records", "[audit]")
{
    Audited a(0);
    const QString failure = failureOf(a.tp->store().write([&](WriteTransaction& txn) {
        a.tp->audit().append(txn, {QStringLiteral("ann"), QStringLiteral("case.closed"), QStringLiteral("case:1"), {},
                                   QStringLiteral("success")});
        throw ValidationError(QStringLiteral("case cannot close: open custody record"));
    }));
    CHECK_FALSE(failure.isEmpty());
    CHECK(await(a.tp->audit().page(0, 10)).isEmpty());
}
