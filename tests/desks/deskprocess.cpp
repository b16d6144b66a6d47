// hexhub-desk: one desk of the multi-desk tests, as a process of its own.
//   hexhub-desk URL KEYFILE NAME publish COUNT EXPECTED
//       publishes COUNT events (retrying each until it commits), then waits until it has received
//       EXPECTED events from other desks and prints one line per received event: "got SEQ ORIGIN".
//   hexhub-desk URL KEYFILE NAME hold
//       opens a transaction, journals one event in it, prints "holding" and waits to be killed.
#include "eventbridge.h"
#include "eventbus.h"
#include "platform.h"
#include "store.h"
#include "waitforfuture.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace hexhub;

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
    options.outboxPath = args[2] + QStringLiteral(".outbox");
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
