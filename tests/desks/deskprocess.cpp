// hexhub-desk: one desk of the multi-desk tests, as a process of its own.
//   hexhub-desk URL KEYFILE NAME publish COUNT EXPECTED
//       publishes COUNT events (retrying each until it commits), then waits until it has received
//       EXPECTED events from other desks and prints one line per received event: "got SEQ ORIGIN".
//   hexhub-desk URL KEYFILE NAME bench RATE SECONDS EXPECTED
//       for hexhub-bench desks: after "ready" and a line on stdin, publishes RATE events a second for
//       SECONDS, printing "precommit SEQ MICROS" as each transaction is about to send COMMIT,
//       "commit SEQ MICROS" as the COMMIT returns and "recv SEQ MICROS" as each other desk's event
//       reaches the subscriber (system clock, shared by the processes of one machine), until
//       EXPECTED events from others have arrived; then "done".
//   hexhub-desk URL KEYFILE NAME hold
//       opens a transaction, journals one event in it, prints "holding" and waits to be killed.
#include "bus/eventbridge.h"
#include "bus/eventbus.h"
#include "module/platform.h"
#include "store/store.h"
#include "base/waitforfuture.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <QElapsedTimer>
#include <QMutex>

#include <atomic>
#include <chrono>
#include <cstdio>

using namespace hexhub;


namespace {

qint64 microsNow()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

QMutex g_print;

void printLine(const char* what, qint64 seq, qint64 micros)
{
    QMutexLocker lock(&g_print);
    std::printf("%s %lld %lld\n", what, static_cast<long long>(seq), static_cast<long long>(micros));
    std::fflush(stdout);
}

void waitUntilListening(Platform& platform)
{
    if (platform.bridge()->state() == EventBridge::State::Listening)
        return;
    QEventLoop listening;
    QObject::connect(platform.bridge(), &EventBridge::stateChanged, &listening, [&](EventBridge::State state) {
        if (state == EventBridge::State::Listening)
            listening.quit();
    }, Qt::QueuedConnection);
    if (platform.bridge()->state() != EventBridge::State::Listening)
        listening.exec();
}

int runBench(QCoreApplication& app, Platform& platform, const QString& name, double rate, int seconds, int expected)
{
    const int total = int(rate * seconds);
    int received = 0;
    int sent = 0;
    std::atomic<int> committed{0};
    // Finished when every event of the others arrived and every one of ours is committed.
    auto finishWhenDone = [&] {
        if (received >= expected && sent >= total && committed.load() >= total)
            app.quit();
    };
    QObject receiver;
    platform.bus().subscribe(QStringLiteral("bench.*"), &receiver, [&](const Event& event) {
        if (!event.remote)
            return;
        printLine("recv", event.seq, microsNow());
        ++received;
        finishWhenDone();
    });
    // Right after COMMIT returns, on the writer thread: the moment the event is committed.
    const int observer = platform.store().addCommitObserver([&](const QList<Event>& events) {
        const qint64 now = microsNow();
        for (const Event& e : events)
            printLine("commit", e.seq, now);
        committed += int(events.size());
        QMetaObject::invokeMethod(&app, finishWhenDone, Qt::QueuedConnection);
    });
    waitUntilListening(platform);
    std::printf("ready\n");
    std::fflush(stdout);
    QTextStream(stdin).readLine();

    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QElapsedTimer since;
    since.start();
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        // Catch up to the schedule rather than drift: sent events follow elapsed time.
        while (sent < total && sent < since.elapsed() * rate / 1000.0) {
            platform.store().write([name, i = sent](WriteTransaction& txn) {
                const Event e = txn.publish(EventDraft{QStringLiteral("bench.ticked"),
                                                       {{QStringLiteral("desk"), name}, {QStringLiteral("i"), i}}, 1, {}, {}, {}});
                // The job's last step: what follows is the COMMIT being sent.
                printLine("precommit", e.seq, microsNow());
            });
            ++sent;
        }
        if (sent >= total)
            ticker.stop();
    });
    ticker.start(int(std::max(1.0, 1000.0 / rate)));
    QTimer::singleShot(seconds * 1000 + 30000, &app, [&] {
        std::fprintf(stderr, "%s: only %d of %d events from other desks arrived\n", qPrintable(name), received, expected);
        app.exit(1);
    });
    const int rc = app.exec();
    platform.store().removeCommitObserver(observer);
    std::printf("done %s\n", qPrintable(name));
    std::fflush(stdout);
    return rc;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 5)
        return 2;
    PlatformOptions options;
    options.store = *StoreUrl::parse(args[1]);
    options.auditKeyPath = args[2];
    options.settingsPath = args[2] + QStringLiteral(".conf");
    options.outboxPath = args[2] + QStringLiteral(".") + args[3] + QStringLiteral(".outbox"); // one per desk
    options.loadModules = false;
    options.readers = 1;
    const QString name = args[3];
    const QString mode = args[4];
    std::unique_ptr<Platform> owner;
    try {
        owner = std::make_unique<Platform>(options);
        resultOf(owner->start());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    Platform& platform = *owner;

    if (mode == QLatin1String("hold")) {
        platform.store().write([name](WriteTransaction& txn) {
            txn.publish(EventDraft{QStringLiteral("desk.held"), {{QStringLiteral("desk"), name}}, 1, {}, {}, {}});
            std::printf("holding\n");
            std::fflush(stdout);
            for (;;)
                QThread::sleep(60); // until killed: the transaction never commits
        });
        return app.exec();
    }

    if (mode == QLatin1String("bench"))
        return runBench(app, platform, name, args.value(5).toDouble(), args.value(6).toInt(), args.value(7).toInt());

    const int count = args.value(5).toInt();
    const int expected = args.value(6).toInt();
    QObject receiver;
    QStringList received;
    platform.bus().subscribe(QStringLiteral("desk.*"), &receiver, [&](const Event& event) {
        if (event.remote) {
            received << QStringLiteral("got %1 %2").arg(event.seq).arg(event.payload.value(QStringLiteral("desk")).toString());
            std::printf("%s\n", qPrintable(received.last()));
            std::fflush(stdout);
        }
        if (received.size() >= expected)
            app.quit();
    });
    // Start line, once subscribed and listening: no desk publishes before every desk listens, so each
    // one can expect all the others' events.
    if (platform.bridge()->state() != EventBridge::State::Listening) {
        QEventLoop listening;
        QObject::connect(platform.bridge(), &EventBridge::stateChanged, &listening, [&](EventBridge::State state) {
            if (state == EventBridge::State::Listening)
                listening.quit();
        }, Qt::QueuedConnection);
        if (platform.bridge()->state() != EventBridge::State::Listening)
            listening.exec();
    }
    std::printf("ready\n");
    std::fflush(stdout);
    QTextStream(stdin).readLine();

    for (int i = 0; i < count; ++i) {
        for (int attempt = 0;; ++attempt) {
            try {
                resultOf(platform.store().write([name, i](WriteTransaction& txn) {
                    txn.publish(EventDraft{QStringLiteral("desk.ticked"),
                                           {{QStringLiteral("desk"), name}, {QStringLiteral("i"), i}}, 1, {}, {}, {}});
                }));
                std::printf("committed %d\n", i);
                std::fflush(stdout);
                break;
            } catch (const std::exception& e) {
                // The server is away (restarting): wait for the store's backoff and try again.
                QEventLoop pause;
                QTimer::singleShot(100, &pause, &QEventLoop::quit);
                pause.exec();
            }
        }
    }
    if (received.size() < expected)
        app.exec();
    std::printf("done %s\n", qPrintable(name));
    std::fflush(stdout);
    return 0;
}
