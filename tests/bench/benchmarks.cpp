#include "benchmarks.h"

#include "base/clock.h"
#include "bus/eventbus.h"
#include "module/platform.h"
#include "store/store.h"
#include "base/waitforfuture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>

namespace hexhub::bench {

namespace {

constexpr int kRepeats = 3;
constexpr int kSubscribers = 7;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

void drainUntil(const std::function<bool()>& done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

Event sampleEvent(qint64 seq)
{
    Event e;
    e.seq = seq;
    e.id = QUuid::createUuid();
    e.topic = QStringLiteral("incident.updated");
    e.occurredAt = QDateTime::currentDateTimeUtc();
    e.source = QStringLiteral("hub");
    e.actor = QStringLiteral("bench");
    e.payload = {{QStringLiteral("id"), double(seq)}, {QStringLiteral("status"), QStringLiteral("on_scene")}};
    return e;
}

// The raw Qt baseline: one emitter, seven receivers, queued connections carrying the same Event.
class Emitter : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void fired(const hexhub::Event& event);
};

class Receiver : public QObject
{
    Q_OBJECT
public:
    explicit Receiver(int* counter) : m_counter(counter) {}
public Q_SLOTS:
    void onEvent(const hexhub::Event& event)
    {
        if (event.seq >= 0)
            ++*m_counter;
    }

private:
    int* m_counter;
};

QString storeFile(QTemporaryDir& dir, const QString& name)
{
    return dir.filePath(name);
}

// A bare connection with the same settings the store uses, for the raw SQLite baselines.
QSqlDatabase rawConnection(const QString& path, const QString& name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.open();
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    q.exec(QStringLiteral("CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, "
                          "topic TEXT NOT NULL, occurred_at INTEGER NOT NULL, source TEXT NOT NULL, actor TEXT NOT NULL, "
                          "correlation_id TEXT, schema_version INTEGER NOT NULL DEFAULT 1, payload TEXT NOT NULL, "
                          "origin TEXT NOT NULL DEFAULT '')"));
    q.exec(QStringLiteral("CREATE INDEX events_occurred_at ON events (occurred_at)"));
    q.exec(QStringLiteral("CREATE INDEX events_topic ON events (topic, seq)"));
    q.exec(QStringLiteral("CREATE TABLE rows (id INTEGER PRIMARY KEY, label TEXT NOT NULL)"));
    return db;
}

// The real thing: a store with the core schema as the migrations make it, plus the benchmark's table.
struct BenchStore
{
    QTemporaryDir dir;
    std::unique_ptr<Platform> platform;
    Store* storePtr = nullptr;
    Store& store() { return *storePtr; }
    BenchStore()
    {
        PlatformOptions options;
        options.store = StoreUrl::sqlite(dir.filePath(QStringLiteral("bench.db")));
        options.auditKeyPath = dir.filePath(QStringLiteral("audit.key"));
        options.settingsPath = dir.filePath(QStringLiteral("bench.conf"));
        options.outboxPath = dir.filePath(QStringLiteral("bench.outbox"));
        options.loadModules = false;
        options.readers = 1;
        options.simulatedStart = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        platform = std::make_unique<Platform>(options);
        resultOf(platform->start());
        storePtr = &platform->store();
        resultOf(store().write([](WriteTransaction& txn) {
            txn.exec(QStringLiteral("CREATE TABLE rows (id INTEGER PRIMARY KEY, label TEXT NOT NULL)"));
        }));
    }
};

} // namespace

QList<Figure> busDelivery(int events)
{
    QList<double> busTimes, rawTimes;
    QList<Event> sample;
    for (int i = 0; i < events; ++i)
        sample << sampleEvent(i);
    for (int repeat = 0; repeat < kRepeats; ++repeat) {
        // Raw queued signal to seven receivers.
        {
            int received = 0;
            Emitter emitter;
            std::vector<std::unique_ptr<Receiver>> receivers;
            for (int i = 0; i < kSubscribers; ++i) {
                receivers.push_back(std::make_unique<Receiver>(&received));
                QObject::connect(&emitter, &Emitter::fired, receivers.back().get(), &Receiver::onEvent, Qt::QueuedConnection);
            }
            QElapsedTimer timer;
            timer.start();
            for (const Event& event : std::as_const(sample))
                Q_EMIT emitter.fired(event);
            drainUntil([&] { return received == events * kSubscribers; });
            rawTimes << double(timer.nsecsElapsed()) / events;
        }
        // The bus's fan-out of committed events to seven subscribers.
        {
            BenchStore s;
            EventBus bus(s.store());
            int received = 0;
            std::vector<std::unique_ptr<QObject>> receivers;
            for (int i = 0; i < kSubscribers; ++i) {
                receivers.push_back(std::make_unique<QObject>());
                bus.subscribe(QStringLiteral("incident.*"), receivers.back().get(), [&received](const Event& e) {
                    if (e.seq >= 0)
                        ++received;
                });
            }
            QElapsedTimer timer;
            timer.start();
            for (const Event& event : std::as_const(sample))
                bus.deliver({event});
            drainUntil([&] { return received == events * kSubscribers; });
            busTimes << double(timer.nsecsElapsed()) / events;
        }
    }
    Figure f;
    f.name = QStringLiteral("bus delivery, 7 subscribers");
    f.value = median(busTimes) / 1000.0;
    f.baseline = median(rawTimes) / 1000.0;
    f.unit = QStringLiteral("us/event");
    f.target = QStringLiteral("ratio <= 3.00");
    f.met = f.ratio() <= 3.0;
    f.note = QStringLiteral("baseline: queued Qt signal carrying the same Event to 7 receivers");
    return {f};
}

QList<Figure> journaledPublish(int rows, int batch)
{
    QList<double> oursRates, rawRates;
    const QJsonObject payload{{QStringLiteral("status"), QStringLiteral("on_scene")}, {QStringLiteral("unit"), QStringLiteral("P-12")}};
    for (int repeat = 0; repeat < kRepeats; ++repeat) {
        {
            QTemporaryDir dir;
            const QString name = QStringLiteral("raw-%1").arg(repeat);
            {
                QSqlDatabase db = rawConnection(storeFile(dir, QStringLiteral("raw.db")), name);
                QSqlQuery data(db), event(db);
                data.prepare(QStringLiteral("INSERT INTO rows (id, label) VALUES (?, ?)"));
                event.prepare(QStringLiteral("INSERT INTO events (id, topic, occurred_at, source, actor, correlation_id, "
                                             "schema_version, payload, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
                const QString payloadText = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
                QElapsedTimer timer;
                timer.start();
                for (int start = 0; start < rows; start += batch) {
                    QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
                    for (int i = start; i < start + batch; ++i) {
                        data.bindValue(0, i);
                        data.bindValue(1, QStringLiteral("row %1").arg(i));
                        data.exec();
                        event.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
                        event.bindValue(1, QStringLiteral("row.written"));
                        event.bindValue(2, qint64(i));
                        event.bindValue(3, QStringLiteral("bench"));
                        event.bindValue(4, QStringLiteral("system"));
                        event.bindValue(5, QVariant(QMetaType::fromType<QString>()));
                        event.bindValue(6, 1);
                        event.bindValue(7, payloadText);
                        event.bindValue(8, QStringLiteral("bench-desk"));
                        event.exec();
                    }
                    QSqlQuery(db).exec(QStringLiteral("COMMIT"));
                }
                rawRates << rows / (double(timer.nsecsElapsed()) / 1e9);
            }
            QSqlDatabase::removeDatabase(name);
        }
        {
            BenchStore s;
            QElapsedTimer timer;
            timer.start();
            QFuture<void> last;
            for (int start = 0; start < rows; start += batch) {
                last = s.store().write([start, batch, payload](WriteTransaction& txn) {
                    for (int i = start; i < start + batch; ++i) {
                        txn.execCached(QStringLiteral("INSERT INTO rows (id, label) VALUES (?, ?)"),
                                       {i, QStringLiteral("row %1").arg(i)});
                        txn.publish(EventDraft{QStringLiteral("row.written"), payload, 1, {}, {}, {}});
                    }
                });
            }
            resultOf(last);
            oursRates << rows / (double(timer.nsecsElapsed()) / 1e9);
        }
    }
    Figure f;
    f.name = QStringLiteral("journaled publish, 1000/txn");
    f.value = median(oursRates);
    f.baseline = median(rawRates);
    f.unit = QStringLiteral("rows/s");
    f.higherIsBetter = true;
    f.target = QStringLiteral("ratio >= 0.50");
    f.met = f.ratio() >= 0.5;
    f.note = QStringLiteral("baseline: raw prepared inserts of the same data and event rows, same batches");
    return {f};
}

QList<Figure> durablePublish(int transactions)
{
    QList<double> oursRates, rawRates;
    for (int repeat = 0; repeat < kRepeats; ++repeat) {
        {
            QTemporaryDir dir;
            const QString name = QStringLiteral("rawfull-%1").arg(repeat);
            {
                QSqlDatabase db = rawConnection(storeFile(dir, QStringLiteral("raw.db")), name);
                QSqlQuery event(db);
                event.prepare(QStringLiteral("INSERT INTO events (id, topic, occurred_at, source, actor, payload) "
                                             "VALUES (?, 'row.written', ?, 'bench', 'system', '{}')"));
                QElapsedTimer timer;
                timer.start();
                for (int i = 0; i < transactions; ++i) {
                    QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
                    event.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
                    event.bindValue(1, qint64(i));
                    event.exec();
                    QSqlQuery(db).exec(QStringLiteral("COMMIT"));
                }
                rawRates << transactions / (double(timer.nsecsElapsed()) / 1e9);
            }
            QSqlDatabase::removeDatabase(name);
        }
        {
            BenchStore s;
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < transactions; ++i) {
                resultOf(s.store().write([](WriteTransaction& txn) {
                    txn.publish(EventDraft{QStringLiteral("row.written"), {}, 1, {}, {}, {}});
                }));
            }
            oursRates << transactions / (double(timer.nsecsElapsed()) / 1e9);
        }
    }
    Figure f;
    f.name = QStringLiteral("durable publish, 1 event/txn");
    f.value = median(oursRates);
    f.baseline = median(rawRates);
    f.unit = QStringLiteral("events/s");
    f.higherIsBetter = true;
    f.target = QStringLiteral("report");
    f.note = QStringLiteral("fsync-bound: synchronous=FULL, each commit waits for the disk; baseline: raw insert+commit");
    return {f};
}

} // namespace hexhub::bench

#include "benchmarks.moc"
