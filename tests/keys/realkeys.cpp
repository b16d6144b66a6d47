#include "realkeys.h"

#include "testsupport.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <catch2/catch.hpp>

namespace hexhub::test::keys {

namespace {

QString required(const QString& program, const char* package)
{
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        FAIL(program.toStdString() << " is not installed (Debian package " << package
                                   << "; bash packaging/install-deps.sh installs it)");
    return path;
}

} // namespace

XSession::XSession(int monitors)
{
    // Xvfb finds a free display itself and writes its number on the descriptor given (standard output).
    m_server.setProgram(required(QStringLiteral("Xvfb"), "xvfb"));
    m_server.setArguments({QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"), QStringLiteral("0"),
                           monitors == 2 ? QStringLiteral("3200x1000x24") : QStringLiteral("1600x1000x24"),
                           QStringLiteral("-nolisten"), QStringLiteral("tcp"),
                           // no reset when the last client leaves: a client connecting then is refused
                           QStringLiteral("-noreset")});
    m_server.start();
    REQUIRE(m_server.waitForStarted(10000));
    REQUIRE(waitUntil([this] { return m_server.canReadLine() || m_server.state() != QProcess::Running; }, 20000));
    const QString number = QString::fromLatin1(m_server.readLine()).trimmed();
    REQUIRE(!number.isEmpty());
    m_display = QStringLiteral(":") + number;

    m_windowManager.setProgram(required(QStringLiteral("openbox"), "openbox"));
    m_windowManager.setArguments({QStringLiteral("--sm-disable")});
    m_windowManager.setProcessEnvironment(environment());
    m_windowManager.setProcessChannelMode(QProcess::MergedChannels);
    m_windowManager.start();
    REQUIRE(m_windowManager.waitForStarted(10000));
    required(QStringLiteral("xdotool"), "xdotool");
    // The window manager is there once it names itself on the root window.
    QByteArray said;
    int starts = 1;
    const bool managed = waitUntil([&] {
        // Refused by the server as it started (seen once in a full run): started again, at most twice.
        if (m_windowManager.state() == QProcess::NotRunning && starts < 3) {
            ++starts;
            m_windowManager.start();
            m_windowManager.waitForStarted(10000);
        }
        QProcess xprop;
        xprop.setProcessEnvironment(environment());
        xprop.start(required(QStringLiteral("xprop"), "x11-utils"), {QStringLiteral("-root"), QStringLiteral("_NET_SUPPORTING_WM_CHECK")});
        said = xprop.waitForFinished(5000) ? xprop.readAllStandardOutput() + xprop.readAllStandardError() : QByteArray("xprop hangs");
        return said.contains("window id");
    }, 60000);
    INFO("display " << m_display.toStdString() << ", openbox started " << starts << " times, xprop: " << said.toStdString() << ", openbox "
                    << (m_windowManager.state() == QProcess::Running ? "running" : "ended") << ": "
                    << m_windowManager.readAll().toStdString());
    REQUIRE(managed);

    if (monitors == 2) {
        const QString xrandr = required(QStringLiteral("xrandr"), "x11-xserver-utils");
        for (const QStringList& monitor : {QStringList{QStringLiteral("desk"), QStringLiteral("1600/400x1000/250+0+0"), QStringLiteral("screen")},
                                           QStringList{QStringLiteral("wall"), QStringLiteral("1600/400x1000/250+1600+0"), QStringLiteral("none")}}) {
            QProcess p;
            p.setProcessEnvironment(environment());
            p.start(xrandr, QStringList{QStringLiteral("--setmonitor")} + monitor);
            REQUIRE(p.waitForFinished(20000));
            INFO(p.readAllStandardError().toStdString());
            REQUIRE(p.exitCode() == 0);
        }
    }
}

XSession::~XSession()
{
    for (QProcess* p : {&m_windowManager, &m_server}) {
        p->terminate();
        if (!p->waitForFinished(5000)) {
            p->kill();
            p->waitForFinished(5000);
        }
    }
}

QProcessEnvironment XSession::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), m_display);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    return env;
}

QString XSession::xdotool(const QStringList& arguments) const
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral("xdotool"), arguments);
    REQUIRE(p.waitForFinished(20000));
    INFO("xdotool " << arguments.join(u' ').toStdString() << ": " << p.readAllStandardError().toStdString());
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QString XSession::activeWindow() const
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral("xdotool"), {QStringLiteral("getactivewindow"), QStringLiteral("getwindowname")});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

bool XSession::hasWindow(const QString& name) const
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral("xdotool"), {QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"),
                                        QStringLiteral("^%1$").arg(QRegularExpression::escape(name))});
    return p.waitForFinished(20000) && p.exitCode() == 0 && !p.readAllStandardOutput().trimmed().isEmpty();
}

bool XSession::waitForActiveWindow(const QString& name, int timeoutMs) const
{
    return waitUntil([&] { return activeWindow() == name; }, timeoutMs);
}

void XSession::screenshot(const QString& path) const
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral("gst-launch-1.0"),
            {QStringLiteral("-q"), QStringLiteral("ximagesrc"), QStringLiteral("num-buffers=1"), QStringLiteral("use-damage=false"),
             QStringLiteral("!"), QStringLiteral("videoconvert"), QStringLiteral("!"), QStringLiteral("pngenc"), QStringLiteral("!"),
             QStringLiteral("filesink"), QStringLiteral("location=") + path});
    p.waitForFinished(20000);
}

void Keyboard::press(const QString& key)
{
    m_x.xdotool({QStringLiteral("key"), QStringLiteral("--delay"), QStringLiteral("40"), key});
    ++m_keys;
}

void Keyboard::type(const QString& text)
{
    m_x.xdotool({QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("25"), text});
    m_typed += int(text.size());
}

Desk::Desk(const XSession& x, const QString& home)
    : m_x(x)
    , m_home(home)
    , m_env(x.environment())
{
    m_env.insert(QStringLiteral("HOME"), home);
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    m_env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    m_env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/runtime"));
    m_env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    m_env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    m_env.insert(QStringLiteral("HEXHUB_MODULE_PATH"), QStringLiteral(HEXHUB_MODULE_DIR));
    QDir(home).mkpath(QStringLiteral("runtime"));
    QFile::setPermissions(home + QStringLiteral("/runtime"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_process.setProcessEnvironment(m_env);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

Desk::~Desk()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

void Desk::start(const QStringList& arguments)
{
    m_process.start(QStringLiteral(HEXHUB_BIN_DIR "/hexhub"), arguments);
    REQUIRE(m_process.waitForStarted(10000));
}

int Desk::command(const QStringList& arguments, const QByteArray& input)
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(QStringLiteral(HEXHUB_BIN_DIR "/hexhub"), arguments);
    REQUIRE(p.waitForStarted(10000));
    p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(60000));
    INFO(p.readAllStandardError().toStdString());
    return p.exitCode();
}

bool Desk::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

bool Desk::quit(Keyboard& keyboard, int timeoutMs)
{
    if (!m_x.waitForActiveWindow(QStringLiteral("Hexhub")))
        return false;
    keyboard.press(QStringLiteral("alt+F4")); // the window manager closes the window
    return waitUntil([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
}

QString Desk::output() const
{
    return QString::fromLocal8Bit(const_cast<QProcess&>(m_process).readAll());
}

QString Desk::demoStore() const
{
    return m_home + QStringLiteral("/data/hexhub/demo/demo.db");
}

StoreReader::StoreReader(const QString& path)
    : m_name(QStringLiteral("realkeys-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    REQUIRE(db.open());
}

StoreReader::~StoreReader()
{
    QSqlDatabase::database(m_name, false).close();
    QSqlDatabase::removeDatabase(m_name);
}

QVariant StoreReader::scalar(const QString& sql, const QVariantList& params) const
{
    QSqlQuery q(QSqlDatabase::database(m_name));
    q.prepare(sql);
    for (const QVariant& p : params)
        q.addBindValue(p);
    if (!q.exec()) {
        INFO(q.lastError().text().toStdString());
        return {};
    }
    return q.next() ? q.value(0) : QVariant();
}

} // namespace hexhub::test::keys
