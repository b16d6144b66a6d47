#include "cli.h"
#include "demodesk.h"
#include "desk.h"
#include "screenshots.h"
#include "startupprobe.h"
#include "warmup.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

namespace {

// Loads Hexhub's and Qt's translations for the user's language. Translations sit in
// share/hexhub/translations beside the installed or built program.
void installTranslations(QCoreApplication& app)
{
    const QLocale locale;
    auto* hexhub = new QTranslator(&app);
    const QString folder = QDir(QCoreApplication::applicationDirPath())
                               .absoluteFilePath(QStringLiteral("../share/hexhub/translations"));
    // Else English, whose file holds the plural forms ("1 row", "2 rows").
    if (hexhub->load(locale, QStringLiteral("hexhub"), QStringLiteral("_"), folder)
        || hexhub->load(QStringLiteral("hexhub_en"), folder))
        QCoreApplication::installTranslator(hexhub);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

// The installed launcher entry and icon (packaging/): the desktop groups the desk's windows under
// them (the Wayland app id) and shows the icon on them.
void announceDesk()
{
    QGuiApplication::setDesktopFileName(QStringLiteral("org.hexhub.Hexhub"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.hexhub.Hexhub")));
}

} // namespace

int main(int argc, char* argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setApplicationName(QStringLiteral("hexhub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEXHUB_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    // Pictures are rendered offscreen: no display needed, none disturbed.
    if (const QString folder = hexhub::cli::screenshotsFolder(arguments); !folder.isEmpty()) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        const QStringList paths = qEnvironmentVariable("HEXHUB_MODULE_PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts);
        return hexhub::shell::renderScreenshots(app, folder, paths.value(0));
    }
    // For `hexhub-bench startup`: a desk's start, signed in by the flag, on the store in a folder.
    if (const std::optional<QString> probe = hexhub::cli::optionValue(arguments, QStringLiteral("startup-probe"))) {
        QApplication app(argc, argv);
        const hexhub::shell::StartupWarmUp warmUp; // as a desk's start does
        announceDesk();
        const QStringList paths = qEnvironmentVariable("HEXHUB_MODULE_PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts);
        return hexhub::shell::runStartupProbe(app, *probe, paths.value(0));
    }
    // Commands (--list-modules, --add-user, ...) need no window system; a desk does.
    if (!hexhub::cli::isDeskLaunch(arguments)) {
        QCoreApplication app(argc, argv);
        installTranslations(app);
        return hexhub::cli::run(QCoreApplication::arguments(), out, err);
    }
    QApplication app(argc, argv); // the desk sets its language itself, switchable at run time
    const hexhub::shell::StartupWarmUp warmUp;
    announceDesk();
    return hexhub::cli::run(QCoreApplication::arguments(), out, err,
                            [&app](const hexhub::PlatformOptions& options) {
                                return options.exercise ? hexhub::shell::runDemo(app, options)
                                                        : hexhub::shell::runDesk(app, options);
                            });
}
