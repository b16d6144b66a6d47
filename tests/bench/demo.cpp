// hexhub-bench demo: the demo data generator (issue 7 section 2) writing N incidents with every
// module's proportional records into a new SQLite store, beside raw prepared QSqlQuery inserts of
// the same number of bare incident rows into a plain table in the same run (the floor of what
// writing N rows through Qt SQL costs on this machine).
#include "benchmarks.h"

#include "demogenerator.h"
#include "module/demodata.h"
#include "module/platform.h"
#include "store/store.h"
#include "base/waitforfuture.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <stdexcept>

namespace hexhub::bench {

namespace {

double bareInserts(const QString& path, qint64 rows)
{
    const QString name = QUuid::createUuid().toString();
    double seconds = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            throw std::runtime_error(db.lastError().text().toStdString());
        QSqlQuery q(db);
        for (const char* statement : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                                      "CREATE TABLE bare_incidents (id INTEGER PRIMARY KEY, number TEXT NOT NULL, status TEXT NOT NULL, "
                                      "priority INTEGER NOT NULL, category TEXT NOT NULL, summary TEXT NOT NULL, created_at INTEGER NOT NULL)"}) {
            if (!q.exec(QString::fromLatin1(statement)))
                throw std::runtime_error(q.lastError().text().toStdString());
        }
        QElapsedTimer timer;
        timer.start();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO bare_incidents (number, status, priority, category, summary, created_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?)"));
        const QString status = QStringLiteral("closed"), category = QStringLiteral("burglary");
        for (qint64 i = 0; i < rows; ++i) {
            if (i % 50000 == 0)
                q.exec(QStringLiteral("BEGIN"));
            insert.bindValue(0, QStringLiteral("2026-%1").arg(i + 1, 6, 10, QLatin1Char('0')));
            insert.bindValue(1, status);
            insert.bindValue(2, int(1 + i % 4));
            insert.bindValue(3, category);
            insert.bindValue(4, QStringLiteral("Break-in at a flat on Elm Road"));
            insert.bindValue(5, qint64(1780000000000) + i * 60000);
            if (!insert.exec())
                throw std::runtime_error(insert.lastError().text().toStdString());
            if (i % 50000 == 49999 || i == rows - 1)
                q.exec(QStringLiteral("COMMIT"));
        }
        seconds = timer.elapsed() / 1000.0;
        insert.finish();
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return seconds;
}

} // namespace

QList<Figure> demoGeneration(qint64 incidents)
{
    QTemporaryDir dir;
    PlatformOptions options;
    options.store = StoreUrl::sqlite(dir.filePath(QStringLiteral("demo.db")));
    options.auditKeyPath = dir.filePath(QStringLiteral("audit.key"));
    options.settingsPath = dir.filePath(QStringLiteral("hexhub.conf"));
    options.outboxPath = dir.filePath(QStringLiteral("outbox.db"));
    options.modulePaths = {QStringLiteral(HEXHUB_MODULE_DIR)};
    options.passwordIterations = 1000;
    DemoReport report;
    double seconds = 0;
    {
        Platform platform(options);
        QFuture<void> started = platform.start();
        if (!waitForFuture(started, 120000))
            throw std::runtime_error("the store did not open");
        resultOf(started);
        DemoOptions demo;
        demo.incidents = incidents;
        demo.seed = 1;
        QElapsedTimer timer;
        timer.start();
        QFuture<DemoReport> generated = generateDemo(platform, demo);
        if (!waitForFuture(generated, 3600 * 1000))
            throw std::runtime_error("the demo data took more than an hour");
        report = resultOf(generated);
        seconds = timer.elapsed() / 1000.0;
        platform.stop();
    }
    const double baseline = bareInserts(dir.filePath(QStringLiteral("bare.db")), incidents);

    QStringList hooks;
    for (const QString& module : report.modules)
        hooks << QStringLiteral("%1 %2 s").arg(module).arg(report.moduleSeconds.value(module), 0, 'f', 1);
    Figure f;
    f.name = QStringLiteral("demo data, %1 incidents").arg(incidents);
    f.value = seconds;
    f.baseline = baseline;
    f.unit = QStringLiteral("s");
    // The target is for a million incidents: 2 minutes.
    const double target = 120.0 * double(incidents) / 1000000.0;
    f.target = QStringLiteral("<= %1 s").arg(target, 0, 'f', 1);
    f.met = seconds <= target;
    f.note = QStringLiteral("%1 rows in all (%2); baseline: raw prepared QSqlQuery inserts of %3 bare 6-column incident rows, "
                            "50,000 a transaction, no index but the key")
                 .arg(report.totalRows())
                 .arg(hooks.join(QStringLiteral(", ")))
                 .arg(incidents);
    return {f};
}

} // namespace hexhub::bench
