#include "screenshots.h"

#include "commandpalette.h"
#include "language.h"
#include "mainwindow.h"
#include "modulerail.h"
#include "settingsdialog.h"
#include "wallwindow.h"
#include "shelltr.h"
#include "signindialog.h"
#include "theme.h"

#include "accesscontrol.h"
#include "clock.h"
#include "store.h"
#include "platform.h"
#include "session.h"
#include "waitforfuture.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace hexhub::shell {

namespace {

// Lets queued work (LanguageChange, layouts, the sign-in dialog's answer) finish before a grab.
void settle(int ms = 50)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool save(const QImage& image, const QString& path)
{
    if (!image.save(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("Cannot write %1.").arg(path)));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace

int renderScreenshots(QApplication& app, const QString& folder, const QString& modulePathOverride)
{
    if (!QDir().mkpath(folder)) {
        std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("Cannot create the folder %1.").arg(folder)));
        return 1;
    }
    QTemporaryDir scratch;
    PlatformOptions options;
    options.store = StoreUrl::sqlite(scratch.filePath(QStringLiteral("pictures.db")));
    options.auditKeyPath = scratch.filePath(QStringLiteral("audit.key"));
    options.settingsPath = scratch.filePath(QStringLiteral("hexhub.conf"));
    options.outboxPath = scratch.filePath(QStringLiteral("outbox.db"));
    options.passwordIterations = 1000; // a throw-away store: no need for the real cost
    options.simulatedStart = QDateTime(QDate(2026, 7, 15), QTime(14, 30), Qt::UTC);
    options.simulatedPaused = true;
    if (!modulePathOverride.isEmpty())
        options.modulePaths = {modulePathOverride};
    Language language;
    int failures = 0;
    try {
        Platform platform(options);
        resultOf(platform.start());
        resultOf(platform.access().createUserBySystem(
            NewUser{QStringLiteral("trainer"), Tr::tr("Trainer"), QStringLiteral("Pictures-Only-2026"), {QStringLiteral("trainer")}}));
        const SignInResult signedIn = resultOf(platform.access().signIn(QStringLiteral("trainer"), QStringLiteral("Pictures-Only-2026")));
        for (const QString& locale : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            if (!language.set(locale)) {
                std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("No translation for %1.").arg(locale)));
                ++failures;
                continue;
            }
            // Something running out, as the modules will publish it (titles in the desk's language).
            resultOf(platform.store().write(WriteContext{QStringLiteral("hub"), QStringLiteral("system"), {}}, [&](WriteTransaction& txn) {
                const QDateTime now = platform.clock().now();
                const QList<std::pair<QString, qint64>> deadlines{
                    {Tr::tr("Custody safety check, case 2026-0412"), -4 * 60},
                    {Tr::tr("Response target, incident 2026-1187 (P1)"), 6 * 60},
                    {Tr::tr("12345 hotline reply, Riverside noise complaints"), 42 * 60},
                    {Tr::tr("48-hour fast track, case 2026-0398"), 5 * 3600}};
                for (int i = 0; i < deadlines.size(); ++i)
                    txn.publish(EventDraft{QStringLiteral("deadline.set"),
                                           QJsonObject{{QStringLiteral("key"), QStringLiteral("pictures.%1").arg(i)},
                                                       {QStringLiteral("title"), deadlines[i].first},
                                                       {QStringLiteral("due"), now.addSecs(deadlines[i].second).toString(Qt::ISODateWithMs)},
                                                       {QStringLiteral("module"), QStringLiteral("hub")}},
                                           1, {}, {}, {}});
            }));
            for (const Theme::Kind kind : {Theme::Kind::Day, Theme::Kind::Night}) {
                const Theme theme = Theme::of(kind);
                theme.apply(app);
                const QString suffix = QStringLiteral("%1-%2.png").arg(Theme::name(kind), locale);
                platform.session().setPrincipal(signedIn.principal);
                {
                    MainWindow window(platform, &language);
                    window.setTheme(theme);
                    window.resize(1366, 768);
                    window.show();
                    settle();
                    for (const QString& id : window.rail()->ids()) {
                        window.showModule(id);
                        settle(20);
                        failures += !save(window.grab().toImage(), QDir(folder).filePath(QStringLiteral("main-%1-%2").arg(id, suffix)));
                    }
                    window.showPalette();
                    settle(20);
                    failures += !save(window.palette()->grab().toImage(), QDir(folder).filePath(QStringLiteral("palette-") + suffix));
                    window.palette()->hide();
                    SettingsDialog* settings = window.showSettings();
                    settle(20);
                    failures += !save(settings->grab().toImage(), QDir(folder).filePath(QStringLiteral("settings-") + suffix));
                    settings->reject();
                    // A wall as on a 1920 x 1080 screen across the room, in the night theme it
                    // always has, with some deadlines running out.
                    WallWindow* wall = window.openWall(QGuiApplication::primaryScreen(), window.defaultWallPanels());
                    wall->setWindowState(Qt::WindowNoState);
                    // Leaving full screen gives the window its normal geometry back later, through
                    // the event loop: let that happen first, then size it as the wall screen.
                    settle(20);
                    wall->setGeometry(0, 0, 1920, 1080);
                    settle(50);
                    failures += !save(wall->grab().toImage(), QDir(folder).filePath(QStringLiteral("wall-") + suffix));
                    window.closeWall(wall->screenName());
                }
                platform.session().clear();
                SignInDialog dialog(platform.access(), platform.session());
                dialog.show();
                dialog.start();
                settle(200);
                failures += !save(dialog.grab().toImage(), QDir(folder).filePath(QStringLiteral("sign-in-") + suffix));
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return failures == 0 ? 0 : 1;
}

} // namespace hexhub::shell
