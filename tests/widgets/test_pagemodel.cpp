// The paging table model over SQL: what a view of any number of rows holds, how it pages (keyset
// after a loaded page, offset otherwise), how it sorts and filters, and that what it shows is
// exactly what the one big ORDER BY would give, ties included.
#include "testsupport.h"

#include "sqlpagemodel.h"
#include "store/store.h"

#include <QSignalSpy>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;

namespace {

constexpr int kRows = 2500;

void fill(TestPlatform& tp, int from, int count)
{
    await(tp->store().write([from, count](WriteTransaction& txn) {
        for (int i = from; i < from + count; ++i) {
            // Few priorities and repeated times: plenty of ties for the keyset to get right.
            txn.execCached(QStringLiteral("INSERT INTO hub_incidents (number, priority, category, source, summary, address, "
                                          "status, created_at, updated_at) VALUES (?, ?, ?, 'call', ?, ?, ?, ?, 0)"),
                           {QStringLiteral("N%1").arg(i, 6, 10, QLatin1Char('0')), 1 + i % 4,
                            i % 3 == 0 ? QStringLiteral("fire") : QStringLiteral("burglary"),
                            QStringLiteral("incident number %1").arg(i), i % 10 == 0 ? QStringLiteral("Elm Street") : QStringLiteral("Oak Road"),
                            i % 5 == 0 ? QStringLiteral("closed") : QStringLiteral("new"), qint64(1000 + i / 7)});
        }
    }));
}

PagedQuery incidents()
{
    PagedQuery q;
    q.from = QStringLiteral("hub_incidents i");
    q.idColumn = QStringLiteral("i.id");
    q.columns = {
        {QStringLiteral("number"), QStringLiteral("Number"), QStringLiteral("i.number"), {QStringLiteral("i.number")}},
        {QStringLiteral("priority"), QStringLiteral("P"), QStringLiteral("i.priority"),
         {QStringLiteral("i.priority"), QStringLiteral("i.created_at")}},
        {QStringLiteral("summary"), QStringLiteral("Summary"), QStringLiteral("i.summary"), {}},
        {QStringLiteral("age"), QStringLiteral("Age"), QStringLiteral("i.created_at"), {QStringLiteral("i.created_at")}},
    };
    q.sortColumn = 0;
    return q;
}

QStringList expected(TestPlatform& tp, const QString& where, const QString& orderBy)
{
    return await(tp->store().read([=](Sql& sql) {
        QStringList out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT number FROM hub_incidents i") + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where)
                               + QStringLiteral(" ORDER BY ") + orderBy);
        while (q.next())
            out << q.value(0).toString();
        return out;
    }));
}

// Reads every row through the model, page after page as a view scrolling down would.
QStringList readAll(SqlPageModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        QVariant v = model.data(model.index(row, 0));
        if (!v.isValid()) {
            REQUIRE(waitUntil([&] { return model.data(model.index(row, 0)).isValid(); }));
            v = model.data(model.index(row, 0));
        }
        out << v.toString();
    }
    return out;
}

// Waits for the model's next ready(): an answer can arrive inside the call that asked for it, so
// count emissions instead of waiting for one after the call.
struct Ready
{
    QSignalSpy spy;
    qsizetype seen = 0;
    explicit Ready(SqlPageModel& model) : spy(&model, &SqlPageModel::ready) {}
    bool wait()
    {
        const bool ok = waitUntil([this] { return spy.size() > seen; });
        seen = spy.size();
        return ok;
    }
};

struct Fixture
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    Fixture()
    {
        tp.start();
        fill(tp, 0, kRows);
    }
};

} // namespace

TEST_CASE("Paged model: count and first page come without the GUI thread waiting, the rest page by page", "[widgets]")
{
    Fixture f;
    SqlPageModel model(f.tp->store());
    Ready ready(model);
    model.setQuery(incidents());
    REQUIRE(ready.wait());
    CHECK(model.rowCount() == kRows);
    CHECK(model.loadedPages() == 1);
    CHECK(model.data(model.index(0, 0)).toString() == QStringLiteral("N000000"));
    CHECK(model.headerData(1, Qt::Horizontal).toString() == QStringLiteral("P"));

    // A row far down is fetched by offset; the page after it continues by keyset.
    CHECK_FALSE(model.data(model.index(2100, 0)).isValid());
    REQUIRE(waitUntil([&] { return model.data(model.index(2100, 0)).isValid(); }));
    CHECK(model.data(model.index(2100, 0)).toString() == QStringLiteral("N002100"));
    CHECK(model.offsetFetches() == 2);
    model.data(model.index(2200, 0));
    REQUIRE(waitUntil([&] { return model.data(model.index(2200, 0)).isValid(); }));
    CHECK(model.keysetFetches() == 1);
    CHECK(model.idAt(2200) > 0);
    CHECK(model.rowOfId(model.idAt(2200)) == 2200);

    // Reading it all holds no more than the page limit.
    CHECK(readAll(model) == expected(f.tp, {}, QStringLiteral("number")));
    CHECK(model.loadedPages() <= SqlPageModel::kMaxPages);
}

TEST_CASE("Paged model: sorting by priority then time, both ways, matches one big ORDER BY, ties and all", "[widgets]")
{
    Fixture f;
    SqlPageModel model(f.tp->store());
    Ready ready(model);
    model.setQuery(incidents());
    REQUIRE(ready.wait());
    model.sort(1, Qt::AscendingOrder);
    REQUIRE(ready.wait());
    CHECK(readAll(model) == expected(f.tp, {}, QStringLiteral("priority, created_at, id")));
    CHECK(model.keysetFetches() >= 10);
    model.sort(1, Qt::DescendingOrder);
    REQUIRE(ready.wait());
    CHECK(readAll(model) == expected(f.tp, {}, QStringLiteral("priority DESC, created_at DESC, id DESC")));
    // A column without sort keys does not sort.
    model.sort(2, Qt::AscendingOrder);
    CHECK(model.query().sortColumn == 1);
}

TEST_CASE("Paged model: a filter counts and pages only its rows, and a late answer of an older filter is dropped", "[widgets]")
{
    Fixture f;
    SqlPageModel model(f.tp->store());
    Ready ready(model);
    model.setQuery(incidents());
    REQUIRE(ready.wait());
    // Two filters in a row, as fast typing gives: only the second one's rows arrive.
    model.setFilter({QStringLiteral("i.status = ?"), {QStringLiteral("closed")}});
    model.setFilter({QStringLiteral("i.status = ? AND i.category = ?"), {QStringLiteral("new"), QStringLiteral("fire")}});
    REQUIRE(ready.wait());
    const QStringList want = expected(f.tp, QStringLiteral("status = 'new' AND category = 'fire'"), QStringLiteral("number"));
    CHECK(model.rowCount() == want.size());
    CHECK(readAll(model) == want);
    model.setFilter({QStringLiteral("i.status = ?"), {QStringLiteral("nothing-like-this")}});
    REQUIRE(ready.wait());
    CHECK(model.rowCount() == 0);
}

TEST_CASE("Paged model: refresh adds new rows and keeps what is shown until the fresh copy is in", "[widgets]")
{
    Fixture f;
    SqlPageModel model(f.tp->store());
    Ready ready(model);
    model.setQuery(incidents());
    REQUIRE(ready.wait());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    fill(f.tp, kRows, 3);
    model.refresh();
    CHECK(model.data(model.index(5, 0)).toString() == QStringLiteral("N000005")); // the stale copy, not a blank
    REQUIRE(waitUntil([&] { return model.rowCount() == kRows + 3; }));
    CHECK(inserted.size() == 1);
    CHECK(reset.isEmpty());
}

TEST_CASE("Paged model: a failing read is reported, not thrown at the view", "[widgets]")
{
    Fixture f;
    SqlPageModel model(f.tp->store());
    QSignalSpy failed(&model, &SqlPageModel::failed);
    PagedQuery q = incidents();
    q.from = QStringLiteral("no_such_table t");
    q.idColumn = QStringLiteral("t.id");
    model.setQuery(q);
    REQUIRE(failed.wait(10000));
    CHECK(failed.first().first().toString().contains(QStringLiteral("no_such_table")));
    CHECK(waitUntil([&] { return !model.isLoading(); })); // both reads failed, neither hangs the busy state
}
