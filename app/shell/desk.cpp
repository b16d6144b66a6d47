#include "desk.h"

#include "language.h"
#include "mainwindow.h"
#include "shelltr.h"
#include "settingsdialog.h"
#include "signindialog.h"
#include "theme.h"

#include "base/error.h"

#include <QApplication>
#include <QGuiApplication>
#include <QMessageBox>
#include <QLocale>
#include <QSettings>

#include <cstdio>
#include <memory>

namespace hexhub::shell {

namespace {

void report(const QString& message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    // Nobody looks at an offscreen run (tests, screenshots): no dialog waiting for a click there.
    if (QGuiApplication::platformName() != QLatin1String("offscreen"))
        QMessageBox::critical(nullptr, Tr::tr("Hexhub"), message);
}

} // namespace

std::optional<DeskStart> prepareDesk(QApplication& app, Language& language, const PlatformOptions& options,
                                     const std::function<void(const QString&)>& report)
{
    // The settings file says which store and modules this desk uses, unless the command line does.
    const QString settingsPath = options.settingsPath.isEmpty() ? Platform::defaultSettingsPath() : options.settingsPath;
    QString problem;
    const PlatformOptions effective = DeskSettings::read(QSettings(settingsPath, QSettings::IniFormat)).startOptions(options, &problem);
    if (!problem.isEmpty())
        report(problem);
    DeskStart start;
    try {
        start.platform = std::make_unique<Platform>(effective);
    } catch (const Error& e) {
        report(e.message());
        return std::nullopt;
    } catch (const std::exception& e) {
        report(Tr::tr("Hexhub cannot start: %1").arg(QString::fromUtf8(e.what())));
        return std::nullopt;
    }
    start.settings = DeskSettings::read(start.platform->settings());
    start.theme = Theme::of(Theme::kindFromName(start.settings.theme));
    start.theme.apply(app);
    // The language of the settings, else the system's when we have it, else English.
    start.settings.language = start.platform->settings().value(QStringLiteral("appearance/language"), QLocale().name()).toString();
    if (!language.set(start.settings.language))
        language.set(start.settings.language = QStringLiteral("en"));
    return start;
}

int runDesk(QApplication& app, const PlatformOptions& options)
{
    Language language;
    // Other desks' events, and what happened while this desk was closed, are delivered once the
    // window is there to show them (its notifications, its views), not to nobody during sign-in.
    PlatformOptions holding = options;
    holding.holdJournal = true;
    std::optional<DeskStart> start = prepareDesk(app, language, holding, report);
    if (!start)
        return 1;
    std::unique_ptr<Platform> platform = std::move(start->platform);
    const DeskSettings desk = start->settings;
    const Theme theme = start->theme;

    std::unique_ptr<MainWindow> window;
    std::unique_ptr<SignInDialog> signIn;
    int exitCode = 0;
    platform->start().then(&app, [&](QFuture<void> started) {
        try {
            started.waitForFinished();
        } catch (const std::exception& e) {
            report(Tr::tr("Hexhub cannot start: %1").arg(QString::fromUtf8(e.what())));
            exitCode = 1;
            // Queued: a store that fails while the modules load has failed before the event loop
            // runs, and this runs at once, when exit() would be lost.
            QMetaObject::invokeMethod(&app, [&app] { app.exit(1); }, Qt::QueuedConnection);
            return;
        }
        signIn = std::make_unique<SignInDialog>(platform->access(), platform->session());
        QObject::connect(signIn.get(), &QDialog::rejected, &app, [&] { app.exit(0); });
        QObject::connect(signIn.get(), &QDialog::accepted, &app, [&] {
            window = std::make_unique<MainWindow>(*platform, &language);
            window->setTheme(theme);
            // Sounds, and the lock after this many minutes without input (0: never; Ctrl+Alt+L locks at once).
            window->applySettings(desk);
            window->restoreWorkspace(); // shows it, with its panels and walls, on the screens there are
            platform->releaseJournal();
        });
        signIn->start();
        signIn->show();
    });
    app.setQuitOnLastWindowClosed(true);
    const int rc = app.exec();
    window.reset();
    signIn.reset();
    platform.reset();
    return exitCode != 0 ? exitCode : rc;
}

} // namespace hexhub::shell
