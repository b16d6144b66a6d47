#include "base/clock.h"
#include "base/error.h"
#include "store/migration.h"
#include "store/store.h"

#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

using namespace hexhub;
using namespace hexhub::test;

namespace {

struct Fresh
{
    QTemporaryDir dir;
    SimulatedClock clock{TestPlatform::simulatedStart()};
    QString path = dir.filePath(QStringLiteral("m.db"));
    std::unique_ptr<Store> store;

    Fresh() { reopen(); }
    void reopen()
    {
        store.reset();
        store = std::make_unique<Store>(Store::Options{StoreUrl::sqlite(path), 1}, clock);
        await(store->open());
    }
    QStringList tables()
    {
        return await(store->read([](Sql& sql) { return sql.database().tables(); }));
    }
};

Migration m(const QString& module, int version, const QString& sql)
{
    return Migration{module, version, QStringLiteral("step%1").arg(version), sql};
}

void writeFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

TEST_CASE("Migrations apply in order, once, and are recorded with checksums", "[migrations][sqlite]")
{
    Fresh f;
    Migrator migrator(*f.store);
    migrator.add({m(QStringLiteral("alpha"), 1, QStringLiteral("CREATE TABLE alpha_a (id INTEGER PRIMARY KEY);")),
                  m(QStringLiteral("alpha"), 2, QStringLiteral("ALTER TABLE alpha_a ADD COLUMN label TEXT;"))});
    migrator.add({m(QStringLiteral("beta"), 1, QStringLiteral("CREATE TABLE beta_b (a INTEGER REFERENCES alpha_a (id));"))});
    const auto report = await(migrator.apply());
    CHECK(report.applied.value(QStringLiteral("alpha")) == 2);
    CHECK(report.applied.value(QStringLiteral("beta")) == 1);
    CHECK(report.failures.isEmpty());
    CHECK(f.tables().contains(QStringLiteral("beta_b")));

    const auto again = await(migrator.apply());
    CHECK(again.applied.isEmpty());
    const auto recorded = await(f.store->read([](Sql& sql) {
        QStringList rows;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT module, version, checksum FROM schema_migrations ORDER BY module, version"));
        while (q.next())
            rows << QStringLiteral("%1/%2/%3").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString().left(8));
        return rows;
    }));
    REQUIRE(recorded.size() == 3);
    CHECK(recorded[0].startsWith(QStringLiteral("alpha/1/")));
    CHECK(recorded[0].endsWith(m(QStringLiteral("alpha"), 1, QStringLiteral("CREATE TABLE alpha_a (id INTEGER PRIMARY KEY);")).checksum().left(8)));
}

TEST_CASE("A changed migration stops start-up and changes nothing", "[migrations][sqlite]")
{
    Fresh f;
    {
        Migrator migrator(*f.store);
        migrator.add({m(QStringLiteral("alpha"), 1, QStringLiteral("CREATE TABLE alpha_a (id INTEGER);"))});
        await(migrator.apply());
    }
    Migrator edited(*f.store);
    edited.add({m(QStringLiteral("alpha"), 1, QStringLiteral("CREATE TABLE alpha_a (id INTEGER, sneaky TEXT);")),
                m(QStringLiteral("alpha"), 2, QStringLiteral("CREATE TABLE alpha_more (id INTEGER);"))});
    const QString error = failureOf(edited.apply());
    CHECK(error.contains(QStringLiteral("was changed after it was applied")));
    CHECK(error.contains(QStringLiteral("alpha")));
    CHECK_FALSE(f.tables().contains(QStringLiteral("alpha_more")));
}

TEST_CASE("A store with a newer migration than this build knows is refused", "[migrations][sqlite]")
{
    Fresh f;
    {
        Migrator future(*f.store);
        future.add({m(QStringLiteral("alpha"), 1, QStringLiteral("CREATE TABLE a1 (id INTEGER);")),
                    m(QStringLiteral("alpha"), 2, QStringLiteral("CREATE TABLE a2 (id INTEGER);"))});
        await(future.apply());
    }
    f.reopen();
    Migrator old(*f.store);
    old.add({m(QStringLiteral("alpha"), 1, QStringLiteral("CREATE TABLE a1 (id INTEGER);"))});
    old.add({m(QStringLiteral("beta"), 1, QStringLiteral("CREATE TABLE b1 (id INTEGER);"))});
    const QString error = failureOf(old.apply());
    CHECK(error.contains(QStringLiteral("newer than this build")));
    CHECK_FALSE(f.tables().contains(QStringLiteral("b1")));
}

TEST_CASE("A failing migration rolls back whole and stops only its module", "[migrations][sqlite]")
{
    Fresh f;
    Migrator migrator(*f.store);
    migrator.add({m(QStringLiteral("good"), 1, QStringLiteral("CREATE TABLE good_g (id INTEGER);"))});
    migrator.add({m(QStringLiteral("bad"), 1, QStringLiteral("CREATE TABLE bad_ok (id INTEGER);")),
                  m(QStringLiteral("bad"), 2, QStringLiteral("CREATE TABLE bad_half (id INTEGER);\nINSERT INTO missing VALUES (1);")),
                  m(QStringLiteral("bad"), 3, QStringLiteral("CREATE TABLE bad_never (id INTEGER);"))});
    migrator.add({m(QStringLiteral("after"), 1, QStringLiteral("CREATE TABLE after_a (id INTEGER);"))});
    const auto report = await(migrator.apply());
    CHECK(report.applied.value(QStringLiteral("good")) == 1);
    CHECK(report.applied.value(QStringLiteral("bad")) == 1);
    CHECK(report.applied.value(QStringLiteral("after")) == 1);
    REQUIRE(report.failures.contains(QStringLiteral("bad")));
    CHECK(report.failures.value(QStringLiteral("bad")).contains(QStringLiteral("rolled back")));
    const QStringList tables = f.tables();
    CHECK(tables.contains(QStringLiteral("bad_ok")));
    CHECK_FALSE(tables.contains(QStringLiteral("bad_half")));
    CHECK_FALSE(tables.contains(QStringLiteral("bad_never")));
    CHECK(tables.contains(QStringLiteral("after_a")));
}

TEST_CASE("Migration folders: numbering, dialect variants, and mistakes", "[migrations]")
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("0001_base.sql")), "CREATE TABLE base (id INTEGER);");
    writeFile(dir.filePath(QStringLiteral("0002_search.sql")), "-- generic");
    writeFile(dir.filePath(QStringLiteral("0002_search.sqlite.sql")), "CREATE VIRTUAL TABLE s USING fts5(body);");
    writeFile(dir.filePath(QStringLiteral("0002_search.postgresql.sql")), "CREATE INDEX s ON base USING gin (x);");
    auto sqlite = Migration::fromFolder(QStringLiteral("mod"), dir.path(), QStringLiteral("sqlite"));
    REQUIRE(sqlite.size() == 2);
    CHECK(sqlite[1].sql.contains(QStringLiteral("fts5")));
    CHECK(sqlite[1].name == QStringLiteral("search"));
    auto pg = Migration::fromFolder(QStringLiteral("mod"), dir.path(), QStringLiteral("postgresql"));
    CHECK(pg[1].sql.contains(QStringLiteral("gin")));

    writeFile(dir.filePath(QStringLiteral("0004_gap.sql")), "SELECT 1;");
    CHECK_THROWS_WITH(Migration::fromFolder(QStringLiteral("mod"), dir.path(), QStringLiteral("sqlite")),
                      Catch::Contains("skip from 2 to 4"));
    QFile::remove(dir.filePath(QStringLiteral("0004_gap.sql")));
    writeFile(dir.filePath(QStringLiteral("3_badname.sql")), "SELECT 1;");
    CHECK_THROWS_WITH(Migration::fromFolder(QStringLiteral("mod"), dir.path(), QStringLiteral("sqlite")),
                      Catch::Contains("is not named"));
}

TEST_CASE("Checksums ignore line-ending style but nothing else", "[migrations]")
{
    const Migration unix_{QStringLiteral("m"), 1, QStringLiteral("x"), QStringLiteral("CREATE TABLE t (id INTEGER);\n")};
    const Migration dos{QStringLiteral("m"), 1, QStringLiteral("x"), QStringLiteral("CREATE TABLE t (id INTEGER);\r\n")};
    const Migration other{QStringLiteral("m"), 1, QStringLiteral("x"), QStringLiteral("CREATE TABLE t (id  INTEGER);\n")};
    CHECK(unix_.checksum() == dos.checksum());
    CHECK(unix_.checksum() != other.checksum());
    CHECK(unix_.checksum().size() == 64);
}
