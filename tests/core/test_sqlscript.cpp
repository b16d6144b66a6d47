#include "store/sqlscript.h"

#include <catch2/catch.hpp>

using namespace hexhub;

TEST_CASE("Scripts split on semicolons outside strings and comments", "[sql]")
{
    const auto parts = splitSqlStatements(QStringLiteral(
        "-- a comment; with a semicolon\n"
        "CREATE TABLE a (x TEXT DEFAULT 'semi;colon');\n"
        "/* block; comment */ INSERT INTO a VALUES ('it''s; fine');\n"
        "INSERT INTO \"odd;name\" VALUES (1)\n"));
    REQUIRE(parts.size() == 3);
    CHECK(parts[0] == QStringLiteral("CREATE TABLE a (x TEXT DEFAULT 'semi;colon')"));
    CHECK(parts[1].endsWith(QStringLiteral("INSERT INTO a VALUES ('it''s; fine')")));
    CHECK(parts[2] == QStringLiteral("INSERT INTO \"odd;name\" VALUES (1)"));
}

TEST_CASE("Trigger bodies stay whole, CASE inside them too", "[sql]")
{
    const auto parts = splitSqlStatements(QStringLiteral(
        "CREATE TRIGGER t BEFORE UPDATE ON a\nBEGIN\n"
        "    SELECT CASE WHEN new.x = 1 THEN RAISE(ABORT, 'no;') END;\n"
        "    SELECT 2;\nEND;\n"
        "CREATE TABLE b (begin_at INTEGER, end_at INTEGER);\n"));
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].startsWith(QStringLiteral("CREATE TRIGGER")));
    CHECK(parts[0].endsWith(QStringLiteral("END")));
    CHECK(parts[1] == QStringLiteral("CREATE TABLE b (begin_at INTEGER, end_at INTEGER)"));
}

TEST_CASE("PostgreSQL dollar quoting keeps function bodies whole", "[sql]")
{
    const auto parts = splitSqlStatements(QStringLiteral(
        "CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN RAISE 'x;y'; RETURN NULL; END; $body$ LANGUAGE plpgsql;\n"
        "SELECT $$a;b$$;"));
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].contains(QStringLiteral("RETURN NULL; END; $body$ LANGUAGE plpgsql")));
    CHECK(parts[1] == QStringLiteral("SELECT $$a;b$$"));
}

TEST_CASE("Empty statements and trailing comments are dropped", "[sql]")
{
    CHECK(splitSqlStatements(QStringLiteral(";;\n-- only a comment\n")).isEmpty());
    CHECK(splitSqlStatements(QStringLiteral("SELECT 1;;SELECT 2; -- end")).size() == 2);
}
