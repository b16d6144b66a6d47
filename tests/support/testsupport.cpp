#include "testsupport.h"

#include "security/accesscontrol.h"
#include "base/clock.h"
#include "security/session.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace hexhub::test {

bool waitUntil(const std::function<bool()>& condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QCoreApplication::sendPostedEvents();
    }
    return true;
}

QDateTime TestPlatform::simulatedStart()
{
    return QDateTime(QDate(2026, 3, 14), QTime(8, 0), Qt::UTC);
}

std::optional<StoreUrl> testServer()
{
    const QString url = qEnvironmentVariable("HEXHUB_TEST_PG");
    if (url.isEmpty())
        return std::nullopt;
    return StoreUrl::parse(url);
}

bool onPostgres()
{
    return qEnvironmentVariableIsSet("HEXHUB_TEST_PG");
}

namespace {
void adminExec(const QString& statement)
{
    const auto server = testServer();
    if (!server)
        throw std::runtime_error("no PostgreSQL test server: run the PostgreSQL tests through ctest, which "
                                 "starts one (HEXHUB_TEST_PG)");
    const QString name = QStringLiteral("admin-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = openStoreConnection(PostgreSqlDialect(server->options), *server, name, true);
        QSqlQuery query(db);
        if (!query.exec(statement))
            throw std::runtime_error((statement + QStringLiteral(": ") + query.lastError().text()).toStdString());
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}
} // namespace

StoreUrl createTestDatabase()
{
    const auto server = testServer();
    const QString name = QStringLiteral("hx_") + QUuid::createUuid().toString(QUuid::Id128);
    adminExec(QStringLiteral("CREATE DATABASE %1").arg(name));
    StoreUrl url = server.value_or(StoreUrl{});
    url.database = name;
    return url;
}

void dropTestDatabase(const StoreUrl& url)
{
    try {
        adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(url.database));
    } catch (const std::exception&) {
        // A server that went away takes its databases with it.
    }
}

TestPlatform::TestPlatform(Config config)
    : dir(std::make_shared<QTemporaryDir>())
{
    m_storePath = config.storePath.isEmpty() ? dir->filePath(QStringLiteral("store.db")) : config.storePath;
    m_keyPath = config.keyPath.isEmpty() ? dir->filePath(QStringLiteral("audit.key")) : config.keyPath;
    PlatformOptions options;
    if (config.store) {
        options.store = *config.store;
    } else if (onPostgres() && config.storePath.isEmpty()) {
        database = createTestDatabase();
        options.store = *database;
    } else {
        options.store = StoreUrl::sqlite(m_storePath);
    }
    options.auditKeyPath = m_keyPath;
    options.settingsPath = dir->filePath(QStringLiteral("hexhub.conf"));
    m_outboxPath = !config.outboxPath.isEmpty() ? config.outboxPath
                   : config.storePath.isEmpty()  ? dir->filePath(QStringLiteral("outbox.db"))
                                                 : config.storePath + QStringLiteral(".outbox");
    options.outboxPath = m_outboxPath;
    options.loadModules = config.loadModules;
    options.modulePaths = config.modulePaths.isEmpty() ? QStringList{dir->filePath(QStringLiteral("none"))}
                                                       : config.modulePaths;
    options.origin = QStringLiteral("test-desk");
    options.simulatedStart = simulatedStart();
    options.passwordIterations = config.passwordIterations;
    options.exercise = config.exercise;
    options.holdJournal = config.holdJournal;
    // Time stands still in tests unless a test lets it run: figures are then exact.
    options.simulatedPaused = true;
    platform = std::make_unique<Platform>(options);
}

TestPlatform::~TestPlatform()
{
    platform.reset();
    if (database)
        dropTestDatabase(*database);
}

void TestPlatform::start()
{
    await(platform->start());
}

RawSqlite::RawSqlite(const QString& path)
    : m_name(QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::Id128))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    if (!db.open())
        throw std::runtime_error(db.lastError().text().toStdString());
}

RawSqlite::~RawSqlite()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlQuery RawSqlite::exec(const QString& sql, const QVariantList& params)
{
    QSqlQuery query(QSqlDatabase::database(m_name));
    if (!query.prepare(sql))
        throw std::runtime_error((sql + QStringLiteral(": ") + query.lastError().text()).toStdString());
    for (int i = 0; i < params.size(); ++i)
        query.bindValue(i, params.at(i));
    if (!query.exec())
        throw std::runtime_error((sql + QStringLiteral(": ") + query.lastError().text()).toStdString());
    return query;
}

QVariant RawSqlite::scalar(const QString& sql, const QVariantList& params)
{
    QSqlQuery query = exec(sql, params);
    return query.next() ? query.value(0) : QVariant();
}

QByteArray sha256OfFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

namespace {
//! The calling thread's time spent waiting on a run queue, in ns (schedstat's second field), or -1.
qint64 runQueueWaitNs()
{
    QFile file(QStringLiteral("/proc/thread-self/schedstat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    bool ok = false;
    const qint64 wait = fields.size() >= 2 ? fields.at(1).toLongLong(&ok) : -1;
    return ok ? wait : -1;
}
} // namespace

GuiHeartbeat::GuiHeartbeat()
{
    QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    m_lastWaitNs = runQueueWaitNs();
    if (m_lastWaitNs < 0)
        WARN("no /proc/thread-self/schedstat: GUI stalls are measured with the time spent waiting for a CPU");
    m_timer.start(10);
    m_since.start();
}

void GuiHeartbeat::tick()
{
    qint64 gap = m_since.nsecsElapsed();
    m_since.start();
    if (m_lastWaitNs >= 0) {
        const qint64 wait = runQueueWaitNs();
        if (wait >= 0) {
            gap -= wait - m_lastWaitNs;
            m_lastWaitNs = wait;
        }
    }
    m_longestNs = std::max(m_longestNs, gap);
}

qint64 stallMsOf(const std::function<void()>& call)
{
    const qint64 waitBefore = runQueueWaitNs();
    QElapsedTimer timer;
    timer.start();
    call();
    qint64 ns = timer.nsecsElapsed();
    const qint64 waitAfter = runQueueWaitNs();
    if (waitBefore >= 0 && waitAfter >= 0)
        ns -= waitAfter - waitBefore;
    return ns / 1000000;
}

void signInAs(TestPlatform& tp, const QString& name, const QString& role)
{
    await(tp->access().createUserBySystem(NewUser{name, name, QStringLiteral("Desk-Passw0rd-42"), {role}}));
    const SignInResult result = await(tp->access().signIn(name, QStringLiteral("Desk-Passw0rd-42")));
    REQUIRE(result.principal.isValid());
    tp->session().setPrincipal(result.principal);
}

Unit unitNear(const QString& callSign, UnitKind kind, const GeoPoint& from, double kmNorth, const QStringList& skills)
{
    Unit u;
    u.callSign = callSign;
    u.kind = kind;
    u.homeStation = QStringLiteral("Central");
    u.crewSize = 2;
    u.skills = skills;
    u.position = GeoPoint{from.latitude + kmNorth / 111.32, from.longitude};
    return u;
}

} // namespace hexhub::test
