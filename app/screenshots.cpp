#include "screenshots.h"

#include "commandpalette.h"
#include "demodesk.h"
#include "trainingbanner.h"
#include "language.h"
#include "mainwindow.h"
#include "modulerail.h"
#include "settingsdialog.h"
#include "wallwindow.h"
#include "shelltr.h"
#include "signindialog.h"
#include "theme.h"

#include "security/accesscontrol.h"
#include "base/clock.h"
#include "demostore.h"
#include "hexhub/hub/hubservices.h"
#include "shared/deadlines.h"
#include "store/sql.h"
#include "store/store.h"
#include "module/modulemanager.h"
#include "module/platform.h"
#include "security/session.h"
#include "base/waitforfuture.h"
#include "bus/eventbus.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QJsonArray>
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

// Demo mode as a trainer sees it, in both themes and languages: the main window with the training
// banner, the role switcher and the trainer console running the rooftop rescue with a trainee who
// answers some of it; the console on its own; the after-action review.
int renderDemoPictures(QApplication& app, const QString& folder, const QString& modulePathOverride, Language& language)
{
    QTemporaryDir scratch;
    PlatformOptions options = DemoFolder::in(scratch.path()).apply({});
    if (!modulePathOverride.isEmpty())
        options.modulePaths = {modulePathOverride};
    Platform platform(options);
    resultOf(platform.start());
    const DemoStoreState demo = resultOf(DemoStore::open(platform, 3000));
    auto* clock = qobject_cast<SimulatedClock*>(&platform.clock());
    clock->jumpTo(demo.resumeAt); // where the demo's history ends, as on a first --demo
    TrainingBanner banner;
    Session traineeSession;
    traineeSession.setPrincipal(resultOf(DemoStore::signIn(platform, QStringLiteral("hub_supervisor"))));
    const IncidentService trainee(platform.store(), traineeSession, platform.audit());
    const UnitService units(platform.store(), traineeSession, platform.audit());
    const Principal trainer = resultOf(DemoStore::signIn(platform, QStringLiteral("trainer")));
    int failures = 0;
    for (const QString& locale : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        if (!language.set(locale))
            continue;
        for (const Theme::Kind kind : {Theme::Kind::Day, Theme::Kind::Night}) {
            const Theme theme = Theme::of(kind);
            theme.apply(app);
            const QString suffix = QStringLiteral("%1-%2.png").arg(Theme::name(kind), locale);
            platform.session().setPrincipal(trainer);
            MainWindow window(platform, &language);
            setUpDemoWindow(window, platform, banner);
            window.setTheme(theme);
            window.resize(1600, 900);
            window.show();
            QDockWidget* dock = window.openPanel(QStringLiteral("training.console"));
            QWidget* console = dock ? dock->widget() : nullptr;
            bool started = false;
            // The rooftop incident the scenario injects, as the hub announces it on the bus.
            qint64 rooftop = 0;
            QObject listener;
            platform.bus().subscribe<IncidentCreated>(&listener, [&rooftop](const IncidentCreated& created, const Event&) {
                rooftop = std::max(rooftop, created.incident.id);
            });
            if (console) {
                QMetaObject::invokeMethod(console, "loadScenario", Q_ARG(QString, QStringLiteral(":/hexhub/scenarios/rooftop-rescue.json")));
                QMetaObject::invokeMethod(console, "setTrainee", Q_ARG(QString, traineeSession.principal().name));
                QMetaObject::invokeMethod(console, "startRun", Q_RETURN_ARG(bool, started));
            }
            if (!started) {
                std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("The trainer console did not start the scenario.")));
                ++failures;
                continue;
            }
            settle(300);
            // The trainee answers: a drone and a negotiator to the roof, the air cushion asked for.
            clock->advance(2 * 60 * 1000);
            settle(200);
            QStringList sent;
            for (const Unit& u : resultOf(units.units())) {
                if (u.status != UnitStatus::Available)
                    continue;
                if ((u.kind == UnitKind::Drone && !sent.contains(QStringLiteral("drone")))
                    || (u.skills.contains(QStringLiteral("negotiator")) && !sent.contains(QStringLiteral("negotiator")))) {
                    sent << (u.kind == UnitKind::Drone ? QStringLiteral("drone") : QStringLiteral("negotiator"));
                    try {
                        resultOf(trainee.dispatch(rooftop, {u.callSign}));
                    } catch (const std::exception& e) {
                        std::fprintf(stderr, "%s\n", e.what()); // the picture does without it
                    }
                }
            }
            try {
                resultOf(trainee.tickStep(rooftop, 2, true));
            } catch (const std::exception&) {
            }
            settle(200);
            clock->advance(9 * 60 * 1000);
            settle(300);
            QMetaObject::invokeMethod(console, "annotate", Q_ARG(QString, Tr::tr("Negotiator on the roof in time; ask for medical standby sooner.")));
            settle(200);
            failures += !save(window.grab().toImage(), QDir(folder).filePath(QStringLiteral("demo-") + suffix));
            dock->setFloating(true);
            dock->resize(900, 760);
            settle(100);
            failures += !save(dock->grab().toImage(), QDir(folder).filePath(QStringLiteral("trainer-console-") + suffix));
            // To the end of the exercise, then the review.
            clock->advance(40 * 60 * 1000);
            settle(500);
            QWidget* review = nullptr;
            QMetaObject::invokeMethod(console, "showReview", Q_RETURN_ARG(QWidget*, review));
            if (review) {
                review->resize(1200, 900);
                settle(200);
                failures += !save(review->grab().toImage(), QDir(folder).filePath(QStringLiteral("review-") + suffix));
                // ... and the same review as the trainer exports it.
                bool exported = false;
                if (QWidget* view = review->findChild<QWidget*>(QStringLiteral("reviewView")))
                    QMetaObject::invokeMethod(view, "exportPdfTo", Q_RETURN_ARG(bool, exported),
                                              Q_ARG(QString, QDir(folder).filePath(QStringLiteral("review-%1-%2.pdf").arg(Theme::name(kind), locale))));
                failures += !exported;
                review->close();
            } else {
                ++failures;
            }
            // The demo's wall as a supervisor sees it across the room, on a 1920 x 1080 screen and on a
            // 3840 x 2160 one: the district's map, the dashboard's charts over the demo's history.
            for (const QSize size : {QSize(1920, 1080), QSize(3840, 2160)}) {
                WallWindow* wall = window.openWall(QGuiApplication::primaryScreen(), window.defaultWallPanels());
                wall->setWindowState(Qt::WindowNoState);
                settle(20); // leaving full screen gives the window its normal geometry back, later
                wall->setGeometry(QRect(QPoint(0, 0), size));
                settle(300); // the dashboard's and the map's reads come back
                failures += !save(wall->grab().toImage(),
                                  QDir(folder).filePath(QStringLiteral("demo-wall-%1-").arg(size.width()) + suffix));
                window.closeWall(wall->screenName());
                settle(20);
            }
            window.close();
            settle(50);
        }
    }
    return failures;
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
        resultOf(platform.access().createUserBySystem(
            NewUser{QStringLiteral("supervisor"), Tr::tr("Hub supervisor"), QStringLiteral("Pictures-Only-2026"), {QStringLiteral("hub_supervisor")}}));
        const SignInResult supervisor =
            resultOf(platform.access().signIn(QStringLiteral("supervisor"), QStringLiteral("Pictures-Only-2026")));
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
                    publishDeadline(txn, DeadlineSet{QStringLiteral("pictures.%1").arg(i), deadlines[i].first,
                                                     now.addSecs(deadlines[i].second), QStringLiteral("hub"), {}});
            }));
            // What the modules' own pictures show, put in by each through its services: a centre's
            // as its own operator (a user with the centre's operator role, made for the pictures),
            // the hub's as a hub supervisor (the trainer may watch cameras, not register them).
            QList<std::pair<QString, ModulePicture>> modulePictures;
            for (const auto& [module, pictures] : platform.modules().pictures()) {
                platform.session().setPrincipal(supervisor.principal);
                if (module != QLatin1String("hub")) {
                    const QString name = module.left(20).replace(QLatin1Char('_'), QLatin1Char('-')) + QStringLiteral("-pictures");
                    try {
                        resultOf(platform.access().createUserBySystem(
                            NewUser{name, Tr::tr("Operator"), QStringLiteral("Pictures-Only-2026"), {module + QStringLiteral("_operator")}}));
                    } catch (const std::exception&) {
                        // Made for the first language already.
                    }
                    platform.session().setPrincipal(resultOf(platform.access().signIn(name, QStringLiteral("Pictures-Only-2026"))).principal);
                }
                for (const ModulePicture& picture : pictures.prepare(platform.store(), platform.session(), platform.audit()))
                    modulePictures.append({module, picture});
            }
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
                    // The modules' pictures: their panels on a wall screen, in the states they gave;
                    // a picture without panels is of the module's own view in the main window.
                    for (const auto& [module, picture] : std::as_const(modulePictures)) {
                        if (picture.panels.isEmpty()) {
                            window.resize(picture.size);
                            window.showModule(module);
                            settle(20);
                            QWidget* view = window.moduleView(module);
                            for (auto it = picture.viewStates.constBegin(); it != picture.viewStates.constEnd(); ++it) {
                                if (!view || view->objectName() != it.key()
                                    || !QMetaObject::invokeMethod(view, "restoreViewState", Q_ARG(QJsonObject, it.value()))) {
                                    std::fprintf(stderr, "%s\n",
                                                 qPrintable(Tr::tr("%1's picture %2: the view %3 did not take its state.")
                                                                .arg(module, picture.name, it.key())));
                                    ++failures;
                                }
                            }
                            settle(picture.settleMs);
                            failures += !save(window.grab().toImage(), QDir(folder).filePath(picture.name + u'-' + suffix));
                            window.resize(1366, 768);
                            continue;
                        }
                        wall = window.openWall(QGuiApplication::primaryScreen(), picture.panels);
                        wall->setWindowState(Qt::WindowNoState);
                        settle(20);
                        wall->setGeometry(QRect(QPoint(0, 0), picture.size));
                        for (auto it = picture.viewStates.constBegin(); it != picture.viewStates.constEnd(); ++it) {
                            QWidget* view = wall->findChild<QWidget*>(it.key());
                            if (!view || !QMetaObject::invokeMethod(view, "restoreViewState", Q_ARG(QJsonObject, it.value()))) {
                                std::fprintf(stderr, "%s\n",
                                             qPrintable(Tr::tr("%1's picture %2: the view %3 did not take its state.")
                                                            .arg(module, picture.name, it.key())));
                                ++failures;
                            }
                        }
                        settle(picture.settleMs);
                        failures += !save(wall->grab().toImage(), QDir(folder).filePath(picture.name + u'-' + suffix));
                        window.closeWall(wall->screenName());
                    }
                }
                platform.session().clear();
                SignInDialog dialog(platform.access(), platform.session());
                dialog.show();
                dialog.start();
                settle(200);
                failures += !save(dialog.grab().toImage(), QDir(folder).filePath(QStringLiteral("sign-in-") + suffix));
            }
        }
        failures += renderDemoPictures(app, folder, modulePathOverride, language);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return failures == 0 ? 0 : 1;
}

} // namespace hexhub::shell
