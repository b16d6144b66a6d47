// Full-text search through the dialect seam: the same query code on SQLite (FTS5) and PostgreSQL
// (tsvector), run against the hub's incident index on both stores.
#include "testsupport.h"

#include "base/error.h"
#include "module/platform.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QSqlQuery>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;

namespace {

const TextSearchTarget kIncidents{QStringLiteral("hub_incidents"), {QStringLiteral("summary"), QStringLiteral("address")},
                                  QStringLiteral("i")};

QStringList search(TestPlatform& tp, const QString& userText)
{
    return await(tp->store().read([userText](Sql& sql) {
        const SqlFragment match = sql.dialect().textSearch(kIncidents, searchTerms(userText));
        QSqlQuery q = sql.exec(QStringLiteral("SELECT i.number FROM hub_incidents i WHERE ") + match.sql
                                   + QStringLiteral(" ORDER BY i.number"),
                               match.binds);
        QStringList numbers;
        while (q.next())
            numbers << q.value(0).toString();
        return numbers;
    }));
}

void addIncident(TestPlatform& tp, const QString& number, const QString& summary, const QString& address)
{
    await(tp->store().write([=](WriteTransaction& txn) {
        txn.exec(QStringLiteral("INSERT INTO hub_incidents (number, priority, category, source, summary, address, "
                                "created_at, updated_at) VALUES (?, 2, 'test', 'call', ?, ?, 0, 0)"),
                 {number, summary, address});
    }));
}

} // namespace

TEST_CASE("Search terms: words, quoted phrases, no duplicates, bounded", "[search]")
{
    CHECK(searchTerms(QStringLiteral("  burglary   Elm ")) == QStringList{QStringLiteral("burglary"), QStringLiteral("Elm")});
    CHECK(searchTerms(QStringLiteral("\"north gate\" fire")) == QStringList{QStringLiteral("north gate"), QStringLiteral("fire")});
    CHECK(searchTerms(QStringLiteral("fire FIRE Fire")) == QStringList{QStringLiteral("fire")});
    CHECK(searchTerms(QStringLiteral("\"unclosed quote")) == QStringList{QStringLiteral("unclosed quote")});
    CHECK(searchTerms(QStringLiteral("   ")).isEmpty());
    QString many;
    for (int i = 0; i < 40; ++i)
        many += QStringLiteral("w%1 ").arg(i);
    CHECK(searchTerms(many).size() == 16);
}

TEST_CASE("Full-text search over incidents gives the same answers on both stores", "[search]")
{
    TestPlatform tp(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
    tp.start();
    addIncident(tp, QStringLiteral("A1"), QStringLiteral("Burglary at the corner shop"), QStringLiteral("12 Elm Street"));
    addIncident(tp, QStringLiteral("A2"), QStringLiteral("Two people on the roof edge"), QStringLiteral("Harbour Tower, Elm Street"));
    addIncident(tp, QStringLiteral("A3"), QStringLiteral("市民投诉夜间施工噪音"), QStringLiteral("幸福路88号"));
    addIncident(tp, QStringLiteral("A4"), QStringLiteral("Stolen bicycle"), QStringLiteral("North gate, 100% park"));

    CHECK(search(tp, QStringLiteral("burglary")) == QStringList{QStringLiteral("A1")});
    CHECK(search(tp, QStringLiteral("BURGLARY")) == QStringList{QStringLiteral("A1")});  // any case
    CHECK(search(tp, QStringLiteral("burg")) == QStringList{QStringLiteral("A1")});      // a word's start
    CHECK(search(tp, QStringLiteral("elm")) == QStringList{QStringLiteral("A1"), QStringLiteral("A2")});
    CHECK(search(tp, QStringLiteral("elm roof")) == QStringList{QStringLiteral("A2")}); // every term
    CHECK(search(tp, QStringLiteral("\"north gate\"")) == QStringList{QStringLiteral("A4")});
    CHECK(search(tp, QStringLiteral("\"gate north\"")).isEmpty());                     // a phrase keeps its order
    CHECK(search(tp, QStringLiteral("噪音")) == QStringList{QStringLiteral("A3")});     // Chinese, two characters
    CHECK(search(tp, QStringLiteral("夜间施工")) == QStringList{QStringLiteral("A3")});
    CHECK(search(tp, QStringLiteral("幸福路 噪音")) == QStringList{QStringLiteral("A3")});
    CHECK(search(tp, QStringLiteral("100%")) == QStringList{QStringLiteral("A4")});
    CHECK(search(tp, QStringLiteral("robbery")).isEmpty());
    CHECK(search(tp, QString()).size() == 4);

    // Text an operator types is data, never syntax: query operators, quotes and wildcards match
    // literally or not at all, and never fail.
    for (const QString& hostile : {QStringLiteral("elm OR roof"), QStringLiteral("NEAR(elm roof)"), QStringLiteral("elm*"),
                                   QStringLiteral("'; DROP TABLE hub_incidents; --"), QStringLiteral("a & b | !c"),
                                   QStringLiteral("%_\\"), QStringLiteral("\"\"\""), QStringLiteral("summary:fire"),
                                   QStringLiteral("x:* <-> y")}) {
        INFO(hostile.toStdString());
        CHECK_NOTHROW(search(tp, hostile));
    }
    CHECK(search(tp, QStringLiteral("elm OR roof")).isEmpty()); // "OR" is a word that must occur, not an operator
    CHECK(search(tp, QStringLiteral("%")) == QStringList{QStringLiteral("A4")});
    CHECK(search(tp, QStringLiteral("_")).isEmpty());

    // The index follows changes and deletions.
    await(tp->store().write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("UPDATE hub_incidents SET summary = 'Robbery at the corner shop' WHERE number = 'A1'"));
        txn.exec(QStringLiteral("DELETE FROM hub_incidents WHERE number = 'A2'"));
    }));
    CHECK(search(tp, QStringLiteral("burglary")).isEmpty());
    CHECK(search(tp, QStringLiteral("robbery")) == QStringList{QStringLiteral("A1")});
    CHECK(search(tp, QStringLiteral("roof")).isEmpty());
    CHECK(search(tp, QStringLiteral("elm")) == QStringList{QStringLiteral("A1")});
}

TEST_CASE("A text search names only real identifiers", "[search]")
{
    const SqliteDialect sqlite;
    const PostgreSqlDialect pg{QString()};
    const TextSearchTarget bad{QStringLiteral("hub_incidents; DROP"), {QStringLiteral("summary")}, {}};
    CHECK_THROWS_AS(sqlite.textSearch(bad, {QStringLiteral("x")}), StoreError);
    CHECK_THROWS_AS(pg.textSearch(bad, {QStringLiteral("x")}), StoreError);
    const TextSearchTarget noColumns{QStringLiteral("hub_incidents"), {}, {}};
    CHECK_THROWS_AS(sqlite.textSearch(noColumns, {QStringLiteral("x")}), StoreError);
}
