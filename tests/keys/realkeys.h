#pragma once
// The real-keys harness (issue 19 section 3): a real X server (Xvfb) with a real window manager
// (openbox, which gives the focus to windows as a desktop's does), the real `hexhub` program, and key
// presses from xdotool, which go wherever the X focus really is. The outcome is read from the desk's
// store, never from inside the program.

#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>

namespace hexhub::test::keys {

/*!
 * An X server of its own on a free display, with openbox on it; both stopped at the end. With
 * `monitors` 2, the screen is two monitors side by side (RandR 1.5 monitors, which Qt shows as two
 * screens): "desk" on the left, "wall" on the right.
 */
class XSession
{
public:
    explicit XSession(int monitors = 1);
    ~XSession();
    XSession(const XSession&) = delete;
    XSession& operator=(const XSession&) = delete;

    QString display() const { return m_display; }
    //! The environment of a program on this display (the test's own, DISPLAY set, platform xcb).
    QProcessEnvironment environment() const;
    //! Runs xdotool with `arguments`; its standard output, trimmed. Fails the test when it fails.
    QString xdotool(const QStringList& arguments) const;
    //! The name of the window that has the focus, as the window manager says ("" when none).
    QString activeWindow() const;
    //! Whether a window called exactly `name` is on screen.
    bool hasWindow(const QString& name) const;
    //! Waits until the focused window is called `name`.
    bool waitForActiveWindow(const QString& name, int timeoutMs = 20000) const;
    //! The screen as a PNG in `path`, for a person to look at when a step fails.
    void screenshot(const QString& path) const;

private:
    QProcess m_server;
    QProcess m_windowManager;
    QString m_display;
};

//! A person's keys: each press() is one key (with its modifiers), type() is text; both counted.
class Keyboard
{
public:
    explicit Keyboard(const XSession& x) : m_x(x) {}
    //! One key or chord in xdotool's names: "F2", "Tab", "Return", "alt+1", "d".
    void press(const QString& key);
    void type(const QString& text);
    int keys() const { return m_keys; }
    int typed() const { return m_typed; }
    void resetCount() { m_keys = m_typed = 0; }

private:
    const XSession& m_x;
    int m_keys = 0;
    int m_typed = 0;
};

//! A `hexhub` process on the X session, with its own home (settings, data) in a temporary folder.
class Desk
{
public:
    Desk(const XSession& x, const QString& home);
    ~Desk();
    void start(const QStringList& arguments);
    //! Runs `hexhub arguments` to the end (a command: --create-admin, --add-user), `input` on stdin.
    int command(const QStringList& arguments, const QByteArray& input = {});
    bool isRunning() const;
    //! Quits it as a person does: Ctrl+Q in its window, then waits for the process to end.
    bool quit(Keyboard& keyboard, int timeoutMs = 60000);
    QString output() const;
    //! The demo's store in this home.
    QString demoStore() const;

private:
    const XSession& m_x;
    QString m_home;
    QProcessEnvironment m_env;
    QProcess m_process;
};

//! Read-only queries on a desk's SQLite store while the desk runs.
class StoreReader
{
public:
    explicit StoreReader(const QString& path);
    ~StoreReader();
    QVariant scalar(const QString& sql, const QVariantList& params = {}) const;

private:
    QString m_name;
};

} // namespace hexhub::test::keys
