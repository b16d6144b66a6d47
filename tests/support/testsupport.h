#pragma once

#include "hexhub/hub/hubdomain.h"
#include "module/platform.h"
#include "base/waitforfuture.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

namespace hexhub::test {

/*!
 * The longest the GUI thread went without turning by its own doing: the longest gap between ticks of
 * a 10 ms timer, less the time the thread was ready to run but waited for a CPU (the kernel's
 * per-thread schedstat). A GUI thread that blocks on a player or computes for long shows; a machine
 * busy with other work does not. Where the kernel keeps no schedstat, the whole gap is counted and
 * a warning says so.
 */
class GuiHeartbeat
{
public:
    GuiHeartbeat();
    qint64 longestStallMs() const { return m_longestNs / 1000000; }
    //! False where the kernel keeps no schedstat: longestStallMs() then counts waiting for a CPU too.
    bool excludesWaitingForCpu() const { return m_lastWaitNs >= 0; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_lastWaitNs = -1;
    qint64 m_longestNs = 0;
};

//! How long `call` held the calling thread, less the time the thread waited for a CPU (see
//! GuiHeartbeat): what a blocking call costs, whatever else the machine is doing.
qint64 stallMsOf(const std::function<void()>& call);

//! Thrown when a future or condition does not come true in time (a test failure, never a hang).
struct Timeout : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

//! Runs the event loop until `future` finishes; returns its result or rethrows its exception.
template <typename T>
T await(QFuture<T> future, int timeoutMs = 20000)
{
    if (!waitForFuture(future, timeoutMs))
        throw Timeout("future did not finish in time");
    return resultOf(future);
}

/*!
 * The PostgreSQL server the test command started (HEXHUB_TEST_PG, a URL with the password), or
 * nothing when this run is not given one.
 */
std::optional<StoreUrl> testServer();
//! True in the test run registered against PostgreSQL (HEXHUB_TEST_PG is set).
bool onPostgres();
//! Creates an empty database on the test server and returns its URL; throws without a server.
StoreUrl createTestDatabase();
void dropTestDatabase(const StoreUrl& url);

//! Processes events until `condition` holds; false when it did not within timeoutMs.
bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 10000);

//! The exception message a failed future carries, or an empty string when it succeeded.
template <typename T>
QString failureOf(QFuture<T> future)
{
    try {
        await(future);
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

/*!
 * A throw-away Hexhub: store, audit key and settings in a temporary folder, a simulated clock,
 * and quick password hashing unless a test needs the real cost.
 */
struct TestPlatform
{
    struct Config
    {
        bool loadModules = false;
        QStringList modulePaths;
        int passwordIterations = 1000;
        QString storePath;   //!< empty: a fresh file in the temporary folder
        QString keyPath;     //!< empty: a fresh key in the temporary folder
        std::optional<StoreUrl> store; //!< a given store; default: fresh SQLite file or PG database
        QString outboxPath;  //!< empty: beside storePath when given, else a fresh file
        bool exercise = false; //!< a training store: every event marked as an exercise
        bool holdJournal = false; //!< other desks' events wait for Platform::releaseJournal(), as at a desk

        static Config withModules(const QStringList& paths)
        {
            Config config;
            config.loadModules = true;
            config.modulePaths = paths;
            return config;
        }
    };

    explicit TestPlatform(Config config);
    TestPlatform() : TestPlatform(Config{}) {}
    ~TestPlatform();

    Platform& operator*() { return *platform; }
    Platform* operator->() { return platform.get(); }
    QString storePath() const { return m_storePath; }
    QString keyPath() const { return m_keyPath; }
    QString outboxPath() const { return m_outboxPath; }
    //! Starts and waits; rethrows what start() failed with.
    void start();

    static QDateTime simulatedStart();

    std::shared_ptr<QTemporaryDir> dir;
    std::unique_ptr<Platform> platform;
    std::optional<StoreUrl> database; //!< the PostgreSQL database made for this platform

private:
    QString m_storePath;
    QString m_keyPath;
    QString m_outboxPath;
};

//! A unit of the registry for tests: `kmNorth` kilometres north of `from`, station Central, crew 2.
Unit unitNear(const QString& callSign, UnitKind kind, const GeoPoint& from, double kmNorth, const QStringList& skills = {});

//! Creates user `name` with `role` (by the system) and signs them in, as the sign-in dialog does.
void signInAs(TestPlatform& tp, const QString& name, const QString& role);

//! Opens a raw connection to an SQLite file, bypassing Hexhub (for tampering and inspection).
class RawSqlite
{
public:
    explicit RawSqlite(const QString& path);
    ~RawSqlite();
    QSqlQuery exec(const QString& sql, const QVariantList& params = {});
    QVariant scalar(const QString& sql, const QVariantList& params = {});

private:
    QString m_name;
};

QByteArray sha256OfFile(const QString& path);

} // namespace hexhub::test

#include <catch2/catch.hpp>

#include <QDateTime>

namespace Catch {
template <>
struct StringMaker<QString>
{
    static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};
template <>
struct StringMaker<QDateTime>
{
    static std::string convert(const QDateTime& value) { return value.toString(Qt::ISODateWithMs).toStdString(); }
};
template <>
struct StringMaker<QStringList>
{
    static std::string convert(const QStringList& value)
    {
        return '[' + value.join(QStringLiteral(", ")).toStdString() + ']';
    }
};
} // namespace Catch
