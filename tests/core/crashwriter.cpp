// Child process of the durability test. Opens the store at argv[1], then commits transactions in a
// loop (a data row and its journaled event each) and prints "committed N" after each commit returns,
// until it is killed.
#include "base/clock.h"
#include "module/platform.h"
#include "store/store.h"
#include "base/waitforfuture.h"

#include <QCoreApplication>

#include <cstdio>

using namespace hexhub;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: hexhub-crashwriter STORE_FILE AUDIT_KEY\n");
        return 2;
    }
    PlatformOptions options;
    options.store = StoreUrl::sqlite(QString::fromLocal8Bit(argv[1]));
    options.auditKeyPath = QString::fromLocal8Bit(argv[2]);
    options.settingsPath = options.auditKeyPath + QStringLiteral(".conf");
    options.loadModules = false;
    options.readers = 1;
    Platform platform(options);
    try {
        resultOf(platform.start());
        platform.store().write([](WriteTransaction& txn) {
            txn.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS crash_rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)"));
        }).waitForFinished();
        qint64 next = platform.store().read([](Sql& sql) {
            return sql.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM crash_rows")).toLongLong();
        }).result() + 1;
        for (;; ++next) {
            platform.store().write([next](WriteTransaction& txn) {
                txn.exec(QStringLiteral("INSERT INTO crash_rows (id, payload) VALUES (?, ?)"),
                         {next, QString(200, QLatin1Char('x'))});
                txn.publish(EventDraft{QStringLiteral("crash.row_written"), {{QStringLiteral("id"), double(next)}}, 1, {}, {}, {}});
            }).waitForFinished();
            std::printf("committed %lld\n", static_cast<long long>(next));
            std::fflush(stdout);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
