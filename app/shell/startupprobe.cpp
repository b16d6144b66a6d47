#include "startupprobe.h"

#include "desk.h"
#include "language.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "shelltr.h"
#include "theme.h"

#include "security/accesscontrol.h"
#include "module/modulemanager.h"
#include "module/platform.h"
#include "security/session.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QLocale>
#include <QSettings>
#include <QDir>
#include <QWindow>

#include <cstdio>
#include <functional>
#include <memory>
#include <stdexcept>

namespace hexhub::shell {

namespace {

void report(const QString& message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
}

/*
 * Calls `done` once `widget`'s window is exposed and its first frame is on it. The window's first
 * Expose event is seen by an application event filter (installed before the window exists, so it
 * cannot be missed); the widget paints and flushes while that event is handled, so `done` is queued
 * to run after it. tests/bench/bare_mainwindow.cpp detects its window the same way.
 */
class FirstFrame final : public QObject
{
public:
    FirstFrame(QWidget* widget, std::function<void()> done)
        : m_widget(widget)
        , m_done(std::move(done))
    {
        QCoreApplication::instance()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Expose && !m_seen && watched == m_widget->windowHandle()
            && m_widget->windowHandle()->isExposed()) {
            m_seen = true;
            QCoreApplication::instance()->removeEventFilter(this);
            QMetaObject::invokeMethod(this, m_done, Qt::QueuedConnection);
        }
        return false;
    }

private:
    QWidget* m_widget;
    std::function<void()> m_done;
    bool m_seen = false;
};

} // namespace

int runStartupProbe(QApplication& app, const QString& folder, const QString& modulePathOverride)
{
    // Where the time goes, in milliseconds from here (the QApplication exists), printed with `shown`.
    QElapsedTimer clock;
    clock.start();
    QList<std::pair<const char*, qint64>> phases;
    auto phaseDone = [&](const char* phase) { phases.append({phase, clock.elapsed()}); };
    // The store, key, settings and outbox live in `folder`, created on first use and opened as they
    // are after that, as a desk's (and a trainer's demo store) are. There is no demo store yet (the
    // demo mode comes later): the first start in an empty folder, with the real migrations of the core
    // and of every module, is what a trainer's first demo start costs; the later ones what every
    // start after it costs. The bench measures both.
    if (folder.isEmpty() || !QDir().mkpath(folder)) {
        report(Tr::tr("Cannot create the folder %1.").arg(folder));
        return 1;
    }
    const QDir scratch(folder);
    PlatformOptions options;
    options.store = StoreUrl::sqlite(scratch.absoluteFilePath(QStringLiteral("probe.db")));
    options.auditKeyPath = scratch.absoluteFilePath(QStringLiteral("audit.key"));
    options.settingsPath = scratch.absoluteFilePath(QStringLiteral("hexhub.conf"));
    options.outboxPath = scratch.absoluteFilePath(QStringLiteral("outbox.db"));
    // Signed in by the flag, with the real password hashing (PBKDF2 at its full cost): that cost
    // belongs to the sign-in the operator waits for after typing, not to the start, so its phases
    // ("user": the trainer created on a first start, "signin") are reported apart and the bench
    // leaves them out of the time it judges.
    if (!modulePathOverride.isEmpty())
        options.modulePaths = {modulePathOverride};

    // From here on what runDesk() does, with the sign-in dialog's work done by the flag.
    Language language;
    std::optional<DeskStart> start = prepareDesk(app, language, options, report);
    if (!start)
        return 1;
    std::unique_ptr<Platform> platform = std::move(start->platform);
    const DeskSettings desk = start->settings;
    const Theme theme = start->theme;
    phaseDone("setup");

    const QString name = QStringLiteral("trainer");
    const QString password = QStringLiteral("Startup-Probe-Only-2026");
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<FirstFrame> firstFrame;
    int exitCode = 0;
    platform->start()
        .then(&app,
              [&] {
                  phaseDone("platform");
                  QStringList problems;
                  for (const ModuleSpec* spec : platform->modules().modules()) {
                      if (spec->state != ModuleSpec::State::Loaded)
                          problems << Tr::tr("Module %1 did not load: %2").arg(spec->id, spec->reason);
                  }
                  if (platform->modules().modules().isEmpty())
                      problems << Tr::tr("No modules found in: %1").arg(platform->options().modulePaths.join(QStringLiteral(", ")));
                  if (!problems.isEmpty())
                      throw std::runtime_error(problems.join(QLatin1Char('\n')).toStdString());
                  // The trainer exists from the first start in this folder on.
                  return platform->access().hasUsers();
              })
        .unwrap()
        .then(&app,
              [&](bool hasUsers) {
                  if (hasUsers)
                      return QtFuture::makeReadyFuture<qint64>(0);
                  return platform->access().createUserBySystem(NewUser{name, Tr::tr("Trainer"), password, {QStringLiteral("trainer")}});
              })
        .unwrap()
        .then(&app,
              [&](qint64) {
                  phaseDone("user");
                  return platform->access().signIn(name, password);
              })
        .unwrap()
        .then(&app,
              [&](const SignInResult& signedIn) {
                  if (!signedIn.ok)
                      throw std::runtime_error(signedIn.error.toStdString());
                  // What the sign-in dialog's acceptance does in runDesk().
                  phaseDone("signin");
                  platform->session().setPrincipal(signedIn.principal);
                  window = std::make_unique<MainWindow>(*platform, &language);
                  firstFrame = std::make_unique<FirstFrame>(window.get(), [&] {
                      phaseDone("shown");
                      // shown modules=7 setup=12 platform=80 ...: each phase's end, from the probe's start
                      QByteArray line = "shown modules=" + QByteArray::number(platform->modules().modules().size());
                      for (const auto& [phase, at] : std::as_const(phases))
                          line += ' ' + QByteArray(phase) + '=' + QByteArray::number(at);
                      std::printf("%s\n", line.constData());
                      std::fflush(stdout);
                      app.exit(0);
                  });
                  window->setTheme(theme);
                  window->applySettings(desk);
                  phaseDone("window");
                  window->restoreWorkspace(); // shows it
              })
        .onFailed(&app, [&](const std::exception& e) {
            report(Tr::tr("Hexhub cannot start: %1").arg(QString::fromUtf8(e.what())));
            exitCode = 1;
            // Queued: a failure can arrive before the event loop runs, when exit() would be lost.
            QMetaObject::invokeMethod(&app, [&app] { app.exit(1); }, Qt::QueuedConnection);
        });
    const int rc = app.exec();
    firstFrame.reset();
    window.reset();
    platform.reset();
    return exitCode != 0 ? exitCode : rc;
}

} // namespace hexhub::shell
