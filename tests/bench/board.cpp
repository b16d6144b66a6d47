// hexhub-bench board: the incident board with 1,000,000 incidents in an SQLite store, against a
// plain QSqlQueryModel + QTableView over the same table in the same run (issue 5, section 10).
// The store is generated once (synthetic incidents) and kept in the temporary folder for later
// runs, marked with what it was made from (this generator's source and the modules' migrations):
// a store made by another generator or for another schema is made again. Each side runs in its own
// process (hexhub-bench-board), so each one's memory is its own.
#include "benchmarks.h"
#include "liststore.h"

#include "base/clock.h"
#include "module/platform.h"
#include "store/sql.h"
#include "store/store.h"
#include "base/waitforfuture.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <stdexcept>

namespace hexhub::bench {

namespace {

const char* const kStreets[] = {"Magnolia", "Harbour", "Canal", "Elm", "Oak", "Willow", "Granary", "Lantern", "Orchard",
                                "Quarry", "Riverside", "Station", "Tannery", "Mill", "Chapel", "Foundry", "Garden",
                                "Heron", "Juniper", "Kiln", "Linden", "Meadow", "Nettle", "Osier", "Pier", "Rope",
                                "Saddler", "Timber", "Vine", "Weaver", "Yew", "Anchor", "Bell", "Cooper", "Dock",
                                "Ferry", "Glass", "Hazel", "Ivy", "Jetty"};
const char* const kKinds[] = {"Street", "Road", "Lane", "Avenue", "Row", "Walk", "Place", "Court", "Terrace", "Way"};
const char* const kWhat[] = {"Shop window smashed", "Two cars collided", "Man shouting at passers-by", "Smoke from a kitchen",
                             "Bicycle stolen", "Elderly woman missing", "Suitcase left at a bus stop", "Fight outside a bar",
                             "Person on a roof edge", "Loud music at night", "Burst water main", "Dog locked in a car"};
const char* const kCategories[] = {"burglary", "traffic_accident", "public_disturbance", "fire", "burglary", "missing_person",
                                   "suspicious_item", "assault", "rooftop_rescue", "public_disturbance", "other", "other"};

QString storePath(int incidents)
{
    return QDir::temp().filePath(QStringLiteral("hexhub-bench-board-%1.db").arg(incidents));
}

// What a store holds: its incidents and the mark it was made with; -1 and nothing without one.
std::pair<qint64, QString> countAndMarkIn(const QString& path)
{
    if (!QFile::exists(path))
        return {-1, {}};
    const QString name = QUuid::createUuid().toString();
    std::pair<qint64, QString> found{-1, {}};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM hub_incidents")) && q.next())
                found.first = q.value(0).toLongLong();
            if (q.exec(QStringLiteral("SELECT mark FROM bench_store_mark")) && q.next())
                found.second = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return found;
}

// The schema a store migrated by these modules has: every module's migrations with their checksums.
QString schemaOf(Sql& sql)
{
    QStringList rows;
    QSqlQuery q = sql.exec(QStringLiteral("SELECT module, version, checksum FROM schema_migrations ORDER BY module, version"));
    while (q.next())
        rows << QStringLiteral("%1/%2/%3").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    return rows.join(u',');
}

// The mark of a store this build would make: this generator's source, then the schema.
QString markFor(const QString& schema)
{
    return QStringLiteral(HEXHUB_BOARD_GENERATOR_SHA256 ";") + QString::fromLatin1(
               QCryptographicHash::hash(schema.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

PlatformOptions benchStoreOptions(const QString& path, const QTemporaryDir& side)
{
    PlatformOptions options;
    options.store = StoreUrl::sqlite(path);
    options.auditKeyPath = side.filePath(QStringLiteral("audit.key"));
    options.settingsPath = side.filePath(QStringLiteral("hexhub.conf"));
    options.outboxPath = side.filePath(QStringLiteral("outbox.db"));
    options.modulePaths = {QStringLiteral(HEXHUB_MODULE_DIR)};
    options.simulatedStart = QDateTime(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC);
    options.passwordIterations = 1000;
    return options;
}

void removeBenchStore(const QString& path)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
}

void startBenchPlatform(Platform& platform)
{
    QFuture<void> started = platform.start();
    if (!waitForFuture(started, 120000))
        throw std::runtime_error("the store did not open");
    resultOf(started);
}

namespace {

// The mark a store made now would carry: the modules migrate an empty store to tell the schema.
QString currentMark()
{
    QTemporaryDir side;
    Platform platform(benchStoreOptions(side.filePath(QStringLiteral("schema.db")), side));
    startBenchPlatform(platform);
    const QString schema = resultOf(platform.store().read([](Sql& sql) { return schemaOf(sql); }));
    platform.stop();
    return markFor(schema);
}

// Writes `incidents` synthetic incidents over the year before 2026-06-01, the recent ones open.
double generate(const QString& path, int incidents)
{
    removeBenchStore(path);
    QTemporaryDir side;
    const PlatformOptions options = benchStoreOptions(path, side);
    Platform platform(options);
    startBenchPlatform(platform);

    QElapsedTimer timer;
    timer.start();
    const qint64 end = options.simulatedStart->toMSecsSinceEpoch();
    const qint64 span = qint64(365) * 24 * 3600 * 1000;
    constexpr int kBatch = 50000;
    for (int from = 0; from < incidents; from += kBatch) {
        const int to = std::min(incidents, from + kBatch);
        QFuture<void> batch = platform.store().write([from, to, end, span, incidents](WriteTransaction& txn) {
            QRandomGenerator random(quint32(20260601 + from));
            for (int i = from; i < to; ++i) {
                const qint64 created = end - span + span * i / incidents + random.bounded(60000);
                const int what = random.bounded(12);
                const int r = random.bounded(100);
                const int priority = r < 5 ? 1 : r < 25 ? 2 : r < 70 ? 3 : 4;
                const bool recent = end - created < qint64(3) * 24 * 3600 * 1000;
                const QString status = recent ? (r % 3 == 0 ? QStringLiteral("new") : r % 3 == 1 ? QStringLiteral("dispatched")
                                                                                                 : QStringLiteral("on_scene"))
                                              : (r % 20 == 0 ? QStringLiteral("cancelled") : QStringLiteral("closed"));
                const QString street = QStringLiteral("%1 %2").arg(QLatin1String(kStreets[random.bounded(40)]),
                                                                   QLatin1String(kKinds[random.bounded(10)]));
                txn.execCached(
                    QStringLiteral("INSERT INTO hub_incidents (number, status, priority, category, source, summary, address, latitude, "
                                   "longitude, centre, created_at, updated_at, arrived_at) VALUES (?, ?, ?, ?, 'call', ?, ?, ?, ?, "
                                   "'hub', ?, ?, ?)"),
                    {QStringLiteral("2026-%1").arg(i + 1, 7, 10, QLatin1Char('0')), status, priority,
                     QLatin1String(kCategories[what]), QStringLiteral("%1 near %2").arg(QLatin1String(kWhat[what]), street),
                     QStringLiteral("%1 %2").arg(1 + random.bounded(200)).arg(street), 31.1 + random.generateDouble() * 0.2,
                     121.4 + random.generateDouble() * 0.2, created, created,
                     status == QLatin1String("new") ? QVariant() : QVariant(created + 120000 + random.bounded(900000))});
            }
        });
        if (!waitForFuture(batch, 600000))
            throw std::runtime_error("writing the incidents took too long");
        resultOf(batch);
    }
    const double seconds = timer.elapsed() / 1000.0;
    QFuture<void> analyse = platform.store().write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("ANALYZE"));
        // What it was made from, so a later run knows whether it may use it.
        txn.exec(QStringLiteral("CREATE TABLE bench_store_mark (mark TEXT NOT NULL)"));
        txn.exec(QStringLiteral("INSERT INTO bench_store_mark (mark) VALUES (?)"), {markFor(schemaOf(txn))});
    });
    waitForFuture(analyse, 600000);
    platform.stop();
    return seconds;
}

} // namespace

QJsonObject runListChild(const QStringList& arguments)
{
    QProcess child;
    const QString program = QCoreApplication::applicationDirPath() + QStringLiteral("/hexhub-bench-board");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.start(program, arguments);
    if (!child.waitForFinished(600000) || child.exitCode() != 0)
        throw std::runtime_error(QStringLiteral("%1 %2 failed: %3")
                                     .arg(program, arguments.join(u' '), QString::fromLocal8Bit(child.readAllStandardError()))
                                     .toStdString());
    const QByteArray out = child.readAllStandardOutput();
    const QJsonObject json = QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
    if (json.isEmpty())
        throw std::runtime_error("hexhub-bench-board printed no figures: " + out.toStdString());
    return json;
}

QList<Figure> incidentBoard(int incidents)
{
    const QString path = storePath(incidents);
    QString generated = QStringLiteral("store reused (same generator and schema)");
    const auto [count, mark] = countAndMarkIn(path);
    if (count != incidents || mark != currentMark())
        generated = QStringLiteral("store generated in %1 s%2")
                        .arg(generate(path, incidents), 0, 'f', 1)
                        .arg(count == incidents ? QStringLiteral(" (the generator or the schema changed)") : QString());
    const QJsonObject model = runListChild({path, QStringLiteral("model")});
    const QJsonObject plain = runListChild({path, QStringLiteral("plain")});
    const auto figure = [&](const QString& key, const QString& what, double targetValue, const QString& unit) {
        Figure f;
        f.name = QStringLiteral("board, %1 incidents: %2").arg(incidents).arg(what);
        f.value = model.value(key).toDouble();
        f.baseline = plain.value(key).toDouble();
        f.unit = unit;
        f.target = QStringLiteral("<= %1 %2").arg(targetValue).arg(unit);
        f.met = f.value <= targetValue;
        f.note = QStringLiteral("baseline: QSqlQueryModel + QTableView, same queries, on the GUI thread; %1").arg(generated);
        return f;
    };
    // Each step twice: to its first rows in the table's model, and to the table painted with them.
    return {figure(QStringLiteral("firstPage"), QStringLiteral("first page in the table"), 100, QStringLiteral("ms")),
            figure(QStringLiteral("firstPagePainted"), QStringLiteral("first page painted"), 100, QStringLiteral("ms")),
            figure(QStringLiteral("sort"), QStringLiteral("sort by priority then time"), 300, QStringLiteral("ms")),
            figure(QStringLiteral("sortPainted"), QStringLiteral("sort, painted"), 300, QStringLiteral("ms")),
            figure(QStringLiteral("filter"), QStringLiteral("status filter"), 300, QStringLiteral("ms")),
            figure(QStringLiteral("filterPainted"), QStringLiteral("status filter, painted"), 300, QStringLiteral("ms")),
            figure(QStringLiteral("search"), QStringLiteral("full-text search"), 50, QStringLiteral("ms")),
            figure(QStringLiteral("searchPainted"), QStringLiteral("full-text search, painted"), 50, QStringLiteral("ms")),
            figure(QStringLiteral("rssMb"), QStringLiteral("resident memory"), 250, QStringLiteral("MB"))};
}

} // namespace hexhub::bench
