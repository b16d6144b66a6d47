// The record table + detail pattern every module's lists are built on: the filter bar, the count,
// the current record for the detail, a record selected before its page is read, the keys; masked
// fields revealed through the service's answer only for the record they were asked for; the
// timeline lines.
#include "testsupport.h"

#include "recorddetail.h"
#include "recordtable.h"
#include "sqlpagemodel.h"
#include "base/error.h"
#include "store/store.h"

#include <QComboBox>
#include <QFile>
#include <QTemporaryDir>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPromise>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;

namespace {

struct Things
{
    TestPlatform tp;
    Things()
    {
        tp.start();
        await(tp->store().write([](WriteTransaction& txn) {
            txn.exec(QStringLiteral("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL)"));
            for (int i = 1; i <= 1200; ++i)
                txn.execCached(QStringLiteral("INSERT INTO things (id, name, kind) VALUES (?, ?, ?)"),
                               {i, QStringLiteral("thing %1").arg(i, 4, 10, QLatin1Char('0')), i % 3 == 0 ? QStringLiteral("red") : QStringLiteral("blue")});
        }));
    }
};

PagedQuery things()
{
    PagedQuery q;
    q.from = QStringLiteral("things t");
    q.idColumn = QStringLiteral("t.id");
    q.columns = {{QStringLiteral("name"), QStringLiteral("Name"), QStringLiteral("t.name"), {QStringLiteral("t.name")}},
                 {QStringLiteral("kind"), QStringLiteral("Kind"), QStringLiteral("t.kind"), {QStringLiteral("t.kind"), QStringLiteral("t.name")}}};
    q.sortColumn = 0;
    return q;
}

} // namespace

TEST_CASE("Record table: filters, the count, the current record for the detail, keys", "[widgets][records]")
{
    Things f;
    RecordTable records(f.tp->store());
    records.setTableName(QStringLiteral("things"));
    auto* detail = new QLabel;
    records.setDetail(detail);
    QComboBox* kind = records.addFilter(QStringLiteral("kind"), {{QStringLiteral("Any kind"), QString()},
                                                                 {QStringLiteral("Red"), QStringLiteral("red")}});
    records.setCountText([](int rows) { return QStringLiteral("%1 things").arg(rows); });
    // The module turns the bar into the model's filter.
    int filterChanges = 0;
    QObject::connect(&records, &RecordTable::filtersChanged, [&] {
        ++filterChanges;
        QStringList where;
        QVariantList binds;
        if (const QString k = kind->currentData().toString(); !k.isEmpty()) {
            where << QStringLiteral("t.kind = ?");
            binds << k;
        }
        if (const QString text = records.search()->text().trimmed(); !text.isEmpty()) {
            where << QStringLiteral("t.name LIKE ?");
            binds << QStringLiteral("%") + text + QStringLiteral("%");
        }
        records.model()->setFilter(SqlFragment{where.join(QStringLiteral(" AND ")), binds});
    });
    QList<qint64> shown;
    QObject::connect(&records, &RecordTable::currentRecordChanged, [&](qint64 id) {
        if (shown.isEmpty() || shown.last() != id)
            shown << id;
    });
    QList<qint64> activated;
    QObject::connect(&records, &RecordTable::recordActivated, [&](qint64 id) { activated << id; });
    int marked = 0;
    records.addRowKey(QKeySequence(Qt::Key_M), [&] { ++marked; });

    records.model()->setQuery(things());
    records.resize(900, 500);
    records.show();
    REQUIRE(QTest::qWaitForWindowExposed(&records));
    REQUIRE(waitUntil([&] { return records.countLabel()->text() == QStringLiteral("1200 things"); }));
    // The first row is current and its record shown in the detail.
    REQUIRE(waitUntil([&] { return !shown.isEmpty(); }));
    CHECK(shown.first() == 1);
    CHECK(records.currentRecord() == 1);
    CHECK(records.findChild<QTableView*>(QStringLiteral("things")) == records.table());
    CHECK(records.detail() == detail);

    // A filter applies at once.
    kind->setCurrentIndex(1);
    CHECK(filterChanges == 1);
    REQUIRE(waitUntil([&] { return records.countLabel()->text() == QStringLiteral("400 things"); }));
    // Typing waits for a pause; Enter applies it and goes to the rows.
    records.search()->setFocus();
    QTest::keyClicks(records.search(), QStringLiteral("thing 003"));
    CHECK(filterChanges == 1);
    QTest::keyClick(records.search(), Qt::Key_Return);
    CHECK(filterChanges == 2);
    CHECK(records.table()->hasFocus());
    REQUIRE(waitUntil([&] { return records.countLabel()->text() == QStringLiteral("4 things"); })); // red: 0030, 0033, 0036, 0039
    // The module's keys work on the table, Enter opens the current record.
    REQUIRE(waitUntil([&] { return records.currentRecord() != 0; }));
    QTest::keyClick(records.table(), Qt::Key_M);
    CHECK(marked == 1);
    QTest::keyClick(records.table(), Qt::Key_Return);
    REQUIRE(activated.size() == 1);
    CHECK(activated.first() == records.currentRecord());
    // Keys typed into the search are text, not the table's.
    records.search()->setFocus();
    QTest::keyClick(records.search(), Qt::Key_M);
    CHECK(marked == 1);
    // Ctrl+F goes to the search.
    records.table()->setFocus();
    QTest::keyClick(records.table(), Qt::Key_F, Qt::ControlModifier);
    CHECK(records.search()->hasFocus());

    // A record not among the rows read (filtered out, blue): waited for, then made current when a
    // read brings it (a record just created, one opened by a link).
    records.selectRecord(2);
    CHECK(records.pendingRecord() == 2);
    records.search()->clear();
    kind->setCurrentIndex(0);
    REQUIRE(waitUntil([&] { return records.currentRecord() == 2; }));
    CHECK(records.pendingRecord() == 0);
    CHECK(shown.last() == 2);
    // What the module says stays until the next count.
    records.say(QStringLiteral("There is no thing 9999."));
    CHECK(records.countLabel()->text() == QStringLiteral("There is no thing 9999."));
}

TEST_CASE("Record table: the selection stays on the record chosen when the rows are read again, and on a row whose page came later",
          "[widgets][records]")
{
    Things f;
    RecordTable records(f.tp->store());
    records.setTableName(QStringLiteral("things"));
    records.model()->setQuery(things());
    records.resize(900, 500);
    records.show();
    REQUIRE(QTest::qWaitForWindowExposed(&records));
    REQUIRE(waitUntil([&] { return records.currentRecord() == 1; }));
    QList<qint64> shown;
    QObject::connect(&records, &RecordTable::currentRecordChanged, [&](qint64 id) { shown << id; });

    // Records sorted above the chosen one arrive (another desk's): read again, the selection and the
    // detail stay on thing 0001, now further down.
    await(f.tp->store().write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("INSERT INTO things (id, name, kind) VALUES (5001, 'thing 0000a', 'red'), (5002, 'thing 0000b', 'red')"));
    }));
    records.model()->refresh();
    REQUIRE(waitUntil([&] { return records.model()->rowCount() == 1202 && records.model()->idAt(0) == 5001; }));
    REQUIRE(waitUntil([&] { return records.currentRecord() == 1; }));
    CHECK(records.table()->currentIndex().row() == 2);
    CHECK((shown.isEmpty() || shown.last() == 1));

    // Ctrl+End to the last row, whose page is not read yet: the selection stays there when it comes,
    // not back on thing 0001.
    records.table()->setFocus();
    QTest::keyClick(records.table(), Qt::Key_End, Qt::ControlModifier);
    REQUIRE(waitUntil([&] { return records.currentRecord() == 1200; }));
    CHECK(records.table()->currentIndex().row() == 1201);
    records.model()->refresh();
    REQUIRE(waitUntil([&] { return !records.model()->isLoading(); }));
    CHECK(records.currentRecord() == 1200);
}

TEST_CASE("Masked field: revealed by the service's answer, only for the record it was asked for", "[widgets][records]")
{
    MaskedField field(QStringLiteral("Reporter: %1"), QStringLiteral("the reporter's contact"));
    field.setEmptyText(QStringLiteral("No reporter's contact."));
    QStringList reasons;
    QList<std::shared_ptr<QPromise<QString>>> answers;
    const auto revealer = [&](const QString& reason) {
        reasons << reason;
        auto promise = std::make_shared<QPromise<QString>>();
        promise->start();
        answers << promise;
        return promise->future();
    };
    // No value, or no right to reveal: nothing to press.
    field.setValue(1, QString(), revealer);
    CHECK(field.valueLabel()->text() == QStringLiteral("No reporter's contact."));
    CHECK_FALSE(field.revealButton()->isEnabled());
    field.setValue(1, QStringLiteral("*******5678"), nullptr);
    CHECK(field.valueLabel()->text() == QStringLiteral("Reporter: *******5678"));
    CHECK_FALSE(field.revealButton()->isEnabled());

    field.setValue(1, QStringLiteral("*******5678"), revealer);
    CHECK(field.revealButton()->isEnabled());
    field.revealBecause(QStringLiteral("call back about the fire"));
    REQUIRE(answers.size() == 1);
    CHECK(reasons.first() == QStringLiteral("call back about the fire"));
    answers.first()->addResult(QStringLiteral("13812345678"));
    answers.first()->finish();
    REQUIRE(waitUntil([&] { return field.isRevealed(); }));
    CHECK(field.valueLabel()->text() == QStringLiteral("Reporter: 13812345678 (revealed, on record)"));
    // Reloading the same record keeps it; another record masks it again.
    field.setValue(1, QStringLiteral("*******5678"), revealer);
    CHECK(field.valueLabel()->text().contains(QStringLiteral("13812345678")));
    field.setValue(2, QStringLiteral("139****0000"), revealer);
    CHECK_FALSE(field.isRevealed());
    CHECK(field.valueLabel()->text() == QStringLiteral("Reporter: 139****0000"));

    // An answer that comes after the record changed is dropped.
    field.revealBecause(QStringLiteral("check the caller"));
    REQUIRE(answers.size() == 2);
    field.setValue(3, QStringLiteral("137****1111"), revealer);
    // A watcher set after the field's hears of the answer after it (callouts are posted in order):
    // once it has, the field has had its chance to take the answer.
    QFutureWatcher<QString> after;
    bool heard = false;
    QObject::connect(&after, &QFutureWatcherBase::finished, [&] { heard = true; });
    after.setFuture(answers.last()->future());
    answers.last()->addResult(QStringLiteral("13900000000"));
    answers.last()->finish();
    REQUIRE(waitUntil([&] { return heard; }));
    CHECK_FALSE(field.isRevealed());
    CHECK_FALSE(field.valueLabel()->text().contains(QStringLiteral("13900000000")));

    // A refusal is said, not shown as a value.
    QSignalSpy failed(&field, &MaskedField::failed);
    field.revealBecause(QStringLiteral("x"));
    REQUIRE(answers.size() == 3);
    answers.last()->setException(std::make_exception_ptr(ValidationError(QStringLiteral("Give the reason."))));
    answers.last()->finish();
    REQUIRE(waitUntil([&] { return failed.size() == 1; }));
    CHECK(failed.first().first().toString() == QStringLiteral("Give the reason."));
    CHECK(field.valueLabel()->text() == QStringLiteral("Reporter: 137****1111"));
}

TEST_CASE("Journal timeline: a line an entry, oldest first, scrolled to the newest, a problem in its place", "[widgets][records]")
{
    JournalTimeline timeline;
    const QDateTime at(QDate(2026, 6, 1), QTime(8, 30), Qt::UTC);
    timeline.setEntries({{at, QStringLiteral("sup"), QStringLiteral("Incident created"), {}},
                         {at.addSecs(60), QStringLiteral("sup"), QStringLiteral("Dispatched P-1"), QStringLiteral("From a merged incident")}});
    REQUIRE(timeline.count() == 2);
    CHECK(timeline.item(0)->text().endsWith(QStringLiteral("sup  Incident created")));
    CHECK(timeline.item(1)->toolTip() == QStringLiteral("From a merged incident"));
    timeline.setProblem(QStringLiteral("Cannot read the timeline."));
    REQUIRE(timeline.count() == 1);
    CHECK(timeline.item(0)->text() == QStringLiteral("Cannot read the timeline."));
}

TEST_CASE("Record table: the list as CSV, every row as filtered and ordered, written whole or not at all", "[widgets][records][export]")
{
    Things f;
    // A few awkward names: a comma, a quote, Chinese, a line break.
    await(f.tp->store().write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("UPDATE things SET name = 'thing 0003, \"the red one\"' WHERE id = 3"));
        txn.exec(QStringLiteral("UPDATE things SET name = '红色物品 0006' WHERE id = 6"));
        txn.exec(QStringLiteral("UPDATE things SET name = 'two\nlines 0009' WHERE id = 9"));
    }));
    RecordTable records(f.tp->store());
    records.setTableName(QStringLiteral("things"));
    records.model()->setQuery(things());
    records.model()->setFormatter([](const QVariantList& row, int column, int role) -> QVariant {
        if (role != Qt::DisplayRole)
            return {};
        return column == 1 ? row.value(1).toString().toUpper() : row.value(column);
    });
    records.model()->setFilter({QStringLiteral("t.kind = ?"), {QStringLiteral("red")}});
    records.enableCsvExport(QStringLiteral("things"));
    REQUIRE(waitUntil([&] { return records.model()->isReady(); }));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("red.csv"));
    // 400 red things: more than a page of the model, fewer than a chunk of the export.
    CHECK(await(records.exportTo(path)) == 400);
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF")); // a byte-order mark for spreadsheets
    const QString text = QString::fromUtf8(bytes.mid(3));
    const QStringList lines = text.split(QStringLiteral("\r\n"));
    CHECK(lines[0] == QStringLiteral("Name,Kind"));
    // Ordered by name as the list is, formatted as it shows them, quoted where CSV needs it.
    CHECK(lines[1] == QStringLiteral("\"thing 0003, \"\"the red one\"\"\",RED"));
    CHECK(text.contains(QStringLiteral("\"two\nlines 0009\",RED")));
    CHECK(text.contains(QStringLiteral("红色物品 0006,RED")));
    CHECK(!text.contains(QStringLiteral("BLUE")));
    CHECK(lines.size() == 1 + 400 + 1); // the header, 400 rows (records end in CRLF, the line break inside one is LF), the end
    REQUIRE(waitUntil([&] { return records.countLabel()->text().contains(QStringLiteral("400")); }));

    // More rows than one read: 1,200 read 500 at a time, each read going on from the last row's
    // keys, the same as one read of them all.
    records.model()->setFilter({});
    REQUIRE(waitUntil([&] { return records.model()->isReady(); }));
    const QString all = dir.filePath(QStringLiteral("all.csv"));
    const QString once = dir.filePath(QStringLiteral("once.csv"));
    CHECK(await(records.model()->exportCsv(all, 500)) == 1200);
    CHECK(await(records.model()->exportCsv(once)) == 1200);
    QFile a(all), b(once);
    REQUIRE(a.open(QIODevice::ReadOnly));
    REQUIRE(b.open(QIODevice::ReadOnly));
    CHECK(a.readAll() == b.readAll());

    // A place that cannot be written: the reason, and what was there stays.
    const QString bad = dir.filePath(QStringLiteral("no/such/folder/things.csv"));
    CHECK(failureOf(records.exportTo(bad)).contains(QStringLiteral("cannot be written")));
    CHECK(!QFile::exists(bad));
    REQUIRE(waitUntil([&] { return records.countLabel()->text().startsWith(QStringLiteral("Nothing exported")); }));
}
