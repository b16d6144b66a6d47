#include "base/clock.h"
#include "base/error.h"
#include "bus/journal.h"
#include "module/servicesupport.h"
#include "store/store.h"

#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

#include <csignal>
#include <sys/stat.h>

using namespace hexhub;
using namespace hexhub::test;

namespace {

struct OpenStore
{
    QTemporaryDir dir;
    SimulatedClock clock{TestPlatform::simulatedStart()};
    std::unique_ptr<Store> store;

    explicit OpenStore(const QString& file = {})
    {
        store = std::make_unique<Store>(Store::Options{StoreUrl::sqlite(file.isEmpty() ? dir.filePath(QStringLiteral("s.db")) : file), 2},
                                        clock);
    }
};

QString openError(const QString& path)
{
    SimulatedClock clock(TestPlatform::simulatedStart());
    Store store(Store::Options{StoreUrl::sqlite(path), 1}, clock);
    return failureOf(store.open());
}

} // namespace

TEST_CASE("Store URLs parse or explain what is wrong", "[store]")
{
    QString error;
    auto url = StoreUrl::parse(QStringLiteral("sqlite:///var/lib/hexhub/live.db"), &error);
    REQUIRE(url);
    CHECK(url->kind == StoreUrl::Kind::Sqlite);
    CHECK(url->path == QStringLiteral("/var/lib/hexhub/live.db"));

    url = StoreUrl::parse(QStringLiteral("postgresql://desk7@db.local:5433/hexhub?sslmode=require"), &error);
    REQUIRE(url);
    CHECK(url->kind == StoreUrl::Kind::PostgreSql);
    CHECK(url->host == QStringLiteral("db.local"));
    CHECK(url->port == 5433);
    CHECK(url->user == QStringLiteral("desk7"));
    CHECK(url->database == QStringLiteral("hexhub"));
    CHECK(url->options == QStringLiteral("sslmode=require"));

    CHECK_FALSE(StoreUrl::parse(QStringLiteral("sqlite://relative.db"), &error));
    CHECK(error.contains(QStringLiteral("absolute")));
    CHECK_FALSE(StoreUrl::parse(QStringLiteral("mysql://x/y"), &error));
    CHECK(error.contains(QStringLiteral("Unknown store URL")));
    CHECK_FALSE(StoreUrl::parse(QStringLiteral("postgresql://host"), &error));
    auto secret = StoreUrl::parse(QStringLiteral("postgresql://u:secret@h/db"));
    REQUIRE(secret);
    CHECK_FALSE(secret->toDisplayString().contains(QStringLiteral("secret")));
}

TEST_CASE("A new store file is created private, in WAL mode with foreign keys and full sync", "[store][sqlite]")
{
    OpenStore s;
    await(s.store->open());
    CHECK(s.store->state() != Store::State::Failed);
    const QString path = s.dir.filePath(QStringLiteral("s.db"));
    struct stat st{};
    REQUIRE(::stat(path.toLocal8Bit().constData(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    const auto pragmas = await(s.store->write([](WriteTransaction& txn) {
        return QStringList{txn.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                           txn.scalar(QStringLiteral("PRAGMA foreign_keys")).toString(),
                           txn.scalar(QStringLiteral("PRAGMA synchronous")).toString(),
                           txn.scalar(QStringLiteral("PRAGMA busy_timeout")).toString()};
    }));
    CHECK(pragmas == QStringList{QStringLiteral("wal"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("10000")});
    const auto readerForeignKeys = await(s.store->read([](Sql& sql) {
        return sql.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt();
    }));
    CHECK(readerForeignKeys == 1);
}

TEST_CASE("SQL runs on the store's threads, never the caller's", "[store][sqlite]")
{
    OpenStore s;
    await(s.store->open());
    QThread* const caller = QThread::currentThread();
    QThread* writer = await(s.store->write([](WriteTransaction&) { return QThread::currentThread(); }));
    QThread* reader = await(s.store->read([](Sql&) { return QThread::currentThread(); }));
    CHECK(writer != caller);
    CHECK(reader != caller);
    CHECK(reader != writer);
}

TEST_CASE("A write job that throws rolls back everything, events included", "[store]")
{
    TestPlatform tp;
    tp.start();
    Store& store = tp->store();
    await(store.write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"));
    }));
    int committedEvents = 0;
    store.addCommitObserver([&](const QList<Event>& events) { committedEvents += int(events.size()); });
    const QString failure = failureOf(store.write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("INSERT INTO things (id, name) VALUES (?, ?)"), {1, QStringLiteral("first")});
        txn.publish(EventDraft{QStringLiteral("thing.created"), {}, 1, {}, {}, {}});
        throw ValidationError(QStringLiteral("changed my mind"));
    }));
    CHECK(failure == QStringLiteral("changed my mind"));
    const auto counts = await(store.read([](Sql& sql) {
        return qMakePair(sql.scalar(QStringLiteral("SELECT COUNT(*) FROM things")).toInt(),
                         sql.scalar(QStringLiteral("SELECT COUNT(*) FROM events")).toInt());
    }));
    CHECK(counts.first == 0);
    CHECK(counts.second == 0);
    CHECK(committedEvents == 0);
}

TEST_CASE("A failing statement names itself and rolls back", "[store][sqlite]")
{
    OpenStore s;
    await(s.store->open());
    const QString failure = failureOf(s.store->write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("INSERT INTO nowhere VALUES (?)"), {1});
    }));
    CHECK(failure.contains(QStringLiteral("nowhere")));
    // The writer is still usable afterwards.
    CHECK(await(s.store->write([](WriteTransaction& txn) { return txn.scalar(QStringLiteral("SELECT 41 + 1")).toInt(); })) == 42);
}

TEST_CASE("Bound parameters carry hostile text as data", "[store][sqlite]")
{
    OpenStore s;
    await(s.store->open());
    const QString hostile = QStringLiteral("x'); DROP TABLE notes; --");
    await(s.store->write([&](WriteTransaction& txn) {
        txn.exec(QStringLiteral("CREATE TABLE notes (body TEXT)"));
        txn.exec(QStringLiteral("INSERT INTO notes (body) VALUES (?)"), {hostile});
    }));
    CHECK(await(s.store->read([](Sql& sql) { return sql.scalar(QStringLiteral("SELECT body FROM notes")).toString(); })) == hostile);
}

TEST_CASE("A file that is not a database is refused and left untouched", "[store][sqlite]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("These are the minutes of the morning briefing, not a database.\n");
    file.close();
    const QByteArray before = sha256OfFile(path);
    const QString error = openError(path);
    CHECK(error.contains(QStringLiteral("not an SQLite database")));
    CHECK(sha256OfFile(path) == before);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
}

TEST_CASE("A read-only store file is refused and left untouched", "[store][sqlite]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ro.db"));
    {
        SimulatedClock clock(TestPlatform::simulatedStart());
        Store store(Store::Options{StoreUrl::sqlite(path), 1}, clock);
        await(store.open());
    }
    REQUIRE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
    const QByteArray before = sha256OfFile(path);
    const QString error = openError(path);
    INFO(error.toStdString());
    CHECK(error.contains(QStringLiteral("read-only")));
    CHECK(sha256OfFile(path) == before);
}

TEST_CASE("A store written by a newer Hexhub is refused and left untouched", "[store][sqlite]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.db"));
    {
        SimulatedClock clock(TestPlatform::simulatedStart());
        Store store(Store::Options{StoreUrl::sqlite(path), 1}, clock);
        await(store.open());
        await(store.write([](WriteTransaction& txn) {
            txn.exec(QStringLiteral("UPDATE store_meta SET value = ? WHERE key = 'format'"), {Store::kFormatVersion + 1});
        }));
    }
    const QByteArray before = sha256OfFile(path);
    const QString error = openError(path);
    CHECK(error.contains(QStringLiteral("newer Hexhub")));
    CHECK(sha256OfFile(path) == before);
}

TEST_CASE("Someone else's database is refused", "[store][sqlite]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.db"));
    {
        RawSqlite raw(path);
        raw.exec(QStringLiteral("CREATE TABLE payroll (id INTEGER)"));
    }
    const QByteArray before = sha256OfFile(path);
    CHECK(openError(path).contains(QStringLiteral("not Hexhub's")));
    CHECK(sha256OfFile(path) == before);
}

TEST_CASE("Jobs queued on a store that failed to open fail with the reason", "[store][sqlite]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("junk.db"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'j'));
    file.close();
    SimulatedClock clock(TestPlatform::simulatedStart());
    Store store(Store::Options{StoreUrl::sqlite(path), 1}, clock);
    auto opened = store.open();
    auto write = store.write([](WriteTransaction&) { return 1; });
    auto read = store.read([](Sql&) { return 1; });
    CHECK(failureOf(opened).contains(QStringLiteral("not an SQLite database")));
    CHECK(failureOf(write).contains(QStringLiteral("not an SQLite database")));
    CHECK(failureOf(read).contains(QStringLiteral("not an SQLite database")));
    CHECK(waitUntil([&] { return store.state() == Store::State::Failed; }));
}

TEST_CASE("Readers see every committed write, and writes commit in order", "[store][sqlite]")
{
    OpenStore s;
    await(s.store->open());
    await(s.store->write([](WriteTransaction& txn) { txn.exec(QStringLiteral("CREATE TABLE seq (n INTEGER)")); }));
    QList<QFuture<void>> writes;
    for (int i = 0; i < 200; ++i)
        writes << s.store->write([i](WriteTransaction& txn) { txn.exec(QStringLiteral("INSERT INTO seq VALUES (?)"), {i}); });
    for (auto& w : writes)
        await(w);
    const auto rows = await(s.store->read([](Sql& sql) {
        QList<int> values;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT n FROM seq ORDER BY rowid"));
        while (q.next())
            values << q.value(0).toInt();
        return values;
    }));
    REQUIRE(rows.size() == 200);
    for (int i = 0; i < 200; ++i)
        CHECK(rows[i] == i);
}

TEST_CASE("Committed transactions survive the writer being killed at a random moment", "[store][durability][sqlite]")
{
    const QString writer = QStringLiteral(HEXHUB_BIN_DIR "/hexhub-crashwriter");
    REQUIRE(QFile::exists(writer));
    constexpr int kRuns = 40;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.db"));
    const QString key = dir.filePath(QStringLiteral("audit.key"));
    qint64 lastReported = 0;
    int totalKills = 0;
    for (int run = 0; run < kRuns; ++run) {
        QProcess child;
        child.setProgram(writer);
        child.setArguments({path, key});
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start();
        REQUIRE(child.waitForStarted());
        // Wait until it has committed something, then a random further while, then kill -9.
        REQUIRE(waitUntil([&] { return child.canReadLine() || child.state() != QProcess::Running; }, 20000));
        REQUIRE(child.state() == QProcess::Running);
        const int extraMs = QRandomGenerator::global()->bounded(0, 250);
        QElapsedTimer timer;
        timer.start();
        waitUntil([&] { return timer.elapsed() >= extraMs; }, 1000);
        ::kill(pid_t(child.processId()), SIGKILL);
        REQUIRE(child.waitForFinished(10000));
        CHECK(child.exitStatus() == QProcess::CrashExit);
        ++totalKills;
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        for (const QByteArray& line : lines) {
            if (line.startsWith("committed "))
                lastReported = std::max(lastReported, line.mid(10).toLongLong());
        }
        REQUIRE(lastReported > 0);

        RawSqlite raw(path);
        CHECK(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString() == QStringLiteral("ok"));
        const qint64 rows = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM crash_rows WHERE id <= ?"), {lastReported}).toLongLong();
        CHECK(rows == lastReported);
        // Every data row has its event and no event lacks its row.
        const qint64 events = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'crash.row_written'")).toLongLong();
        const qint64 allRows = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM crash_rows")).toLongLong();
        CHECK(events == allRows);
    }
    CHECK(totalKills == kRuns);
}

TEST_CASE("An update at a stale version is a conflict that rolls the command back, recorded id and all", "[store]")
{
    TestPlatform tp;
    tp.start();
    Store& store = tp->store();
    await(store.write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL, version BIGINT NOT NULL DEFAULT 1)"));
        txn.exec(QStringLiteral("INSERT INTO things (id, name) VALUES (1, 'first')"));
    }));
    const CommandId command = CommandId::make();
    const auto rename = [&](qint64 seenVersion, const QString& name) {
        return store.write(WriteContext{QStringLiteral("test"), QStringLiteral("desk-a"), {}},
                           [seenVersion, name, command](WriteTransaction& txn) {
                               if (service::appliedBefore(txn, command, QStringLiteral("thing.rename")))
                                   return;
                               service::requireUpdated(
                                   txn.exec(QStringLiteral("UPDATE things SET name = ?, version = version + 1 WHERE id = 1 AND version = ?"),
                                            {name, seenVersion}),
                                   QStringLiteral("changed meanwhile"));
                               service::recordApplied(txn, command, QStringLiteral("thing.rename"), QStringLiteral("1"));
                           });
    };
    // Another desk moved the row to version 2 after this one read version 1.
    await(store.write([](WriteTransaction& txn) { txn.exec(QStringLiteral("UPDATE things SET version = 2 WHERE id = 1")); }));
    CHECK_THROWS_AS(await(rename(1, QStringLiteral("stale"))), ConflictError);
    const auto state = [&] {
        return await(store.read([](Sql& sql) {
            return sql.scalar(QStringLiteral("SELECT name FROM things WHERE id = 1")).toString() + u'/'
                   + sql.scalar(QStringLiteral("SELECT COUNT(*) FROM applied_commands")).toString();
        }));
    };
    CHECK(state() == QStringLiteral("first/0"));
    // At the version it has now, the same command goes through, once.
    await(rename(2, QStringLiteral("second")));
    await(rename(2, QStringLiteral("second")));
    CHECK(state() == QStringLiteral("second/1"));
}
