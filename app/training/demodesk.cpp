#include "demodesk.h"

#include "desk.h"
#include "language.h"
#include "mainwindow.h"
#include "shelltr.h"
#include "trainingbanner.h"

#include "security/accesscontrol.h"
#include "base/clock.h"
#include "demosimulation.h"
#include "demostore.h"
#include "base/error.h"
#include "security/session.h"
#include "base/whenfinished.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QLabel>
#include <QLibrary>
#include <QMessageBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <cstdio>

namespace hexhub::shell {

namespace {

void report(const QString& message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    if (QGuiApplication::platformName() != QLatin1String("offscreen"))
        QMessageBox::critical(nullptr, Tr::tr("Hexhub demo"), message);
}

} // namespace

// The trainer console lives in a library of its own, loaded the first time it is opened: QCustomPlot
// and the PDF writer cost a desk nothing until then.
QWidget* createTrainerConsole(Platform& platform, QWidget* parent)
{
    const QString path = QDir(QCoreApplication::applicationDirPath())
                             .absoluteFilePath(QStringLiteral("../" HEXHUB_LIBDIR_FOR_SHELL "/hexhub/hexhub_training.so"));
    QLibrary library(path);
    using Create = QWidget* (*)(Platform*, QWidget*);
    if (const auto create = reinterpret_cast<Create>(library.resolve("hexhub_training_create_console")))
        return create(&platform, parent);
    auto* label = new QLabel(Tr::tr("The trainer console cannot be loaded: %1").arg(library.errorString()), parent);
    label->setWordWrap(true);
    return label;
}

RoleSwitcher* setUpDemoWindow(MainWindow& window, Platform& platform, TrainingBanner& banner)
{
    ViewFactory console;
    console.id = QStringLiteral("training.console");
    console.title = Tr::tr("Trainer console");
    console.translatedTitle = [] { return Tr::tr("Trainer console"); };
    console.area = ViewFactory::Area::Dock;
    console.permission = QStringLiteral("core.training.run");
    console.create = [p = &platform](QWidget* parent) { return createTrainerConsole(*p, parent); };
    window.addPanel(console);
    auto* roles = new RoleSwitcher(platform);
    QObject::connect(roles, &RoleSwitcher::failed, &window, [w = &window](const QString& message) {
        QMessageBox::warning(w, Tr::tr("Role switcher"), message);
    });
    banner.attach(&window);
    if (TrainingStrip* strip = TrainingBanner::stripOf(&window))
        strip->addWidget(roles);
    return roles;
}

DemoFolder DemoFolder::standard()
{
    return in(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo")));
}

DemoFolder DemoFolder::in(const QString& folder)
{
    const QDir dir(folder);
    DemoFolder f;
    f.folder = dir.absolutePath();
    f.store = StoreUrl::sqlite(dir.absoluteFilePath(QStringLiteral("demo.db")));
    f.auditKey = dir.absoluteFilePath(QStringLiteral("audit.key"));
    f.settings = dir.absoluteFilePath(QStringLiteral("hexhub.conf"));
    f.outbox = dir.absoluteFilePath(QStringLiteral("demo.db.outbox"));
    return f;
}

PlatformOptions DemoFolder::apply(PlatformOptions options) const
{
    QDir().mkpath(folder);
    if (options.store.kind == StoreUrl::Kind::Sqlite && options.store.path.isEmpty())
        options.store = store;
    if (options.auditKeyPath.isEmpty())
        options.auditKeyPath = auditKey;
    options.settingsPath = settings; // the demo's own workspaces and language: never a live desk's
    if (options.outboxPath.isEmpty() && options.store.kind == StoreUrl::Kind::Sqlite)
        options.outboxPath = options.store.path + QStringLiteral(".outbox");
    options.exercise = true;
    // Standing still until the store says where the demo left off (DemoStore::open).
    options.simulatedStart = SystemClock().now();
    options.simulatedPaused = true;
    // The demo users' passwords are never typed (the demo signs them in): no need to make them dear.
    options.passwordIterations = 1;
    return options;
}

RoleSwitcher::RoleSwitcher(Platform& platform, QWidget* parent)
    : QComboBox(parent)
    , m_platform(platform)
{
    setObjectName(QStringLiteral("roleSwitcher"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fill();
    connect(this, &QComboBox::activated, this, [this](int index) { switchTo(itemData(index).toString()); });
}

void RoleSwitcher::fill()
{
    const QString current = currentData().toString();
    const QSignalBlocker quiet(this);
    clear();
    for (const QString& role : AccessControl::builtinRoles())
        addItem(Tr::tr("View as: %1").arg(AccessControl::roleDisplayName(role)), role);
    const QStringList roles = m_platform.session().principal().roles;
    const QString shown = current.isEmpty() ? roles.value(0) : current;
    setCurrentIndex(std::max(0, findData(shown)));
    setToolTip(Tr::tr("Look at the demo through another role's eyes: its demo user signs in, the windows stay."));
}

void RoleSwitcher::switchTo(const QString& role)
{
    setEnabled(false);
    whenFinished(this, DemoStore::signIn(m_platform, role), [this, role](QFuture<Principal> signedIn) {
        setEnabled(true);
        try {
            signedIn.waitForFinished();
            m_platform.session().setPrincipal(signedIn.result());
        } catch (const std::exception& e) {
            Q_EMIT failed(QString::fromUtf8(e.what()));
            return;
        }
        setCurrentIndex(std::max(0, findData(role)));
        Q_EMIT switched(role);
    });
}

SimulationIndicator::SimulationIndicator(DemoSimulation& simulation, QWidget* parent)
    : QLabel(parent)
    , m_simulation(simulation)
{
    setObjectName(QStringLiteral("simulationIndicator"));
    QPalette p = palette();
    p.setColor(QPalette::WindowText, QColor(0x1a, 0x1a, 0x1a));
    setPalette(p);
    connect(&simulation, &DemoSimulation::statsChanged, this, &SimulationIndicator::refresh);
    connect(&simulation, &DemoSimulation::problem, this, [this](const QString& message) { setToolTip(message); });
    refresh();
}

void SimulationIndicator::refresh()
{
    const DemoSimulationStats s = m_simulation.stats();
    setText(Tr::tr("Simulation: %1 incidents, %2 units sent, %3 tasks to the centres")
                .arg(s.incidentsCreated)
                .arg(s.unitsDispatched)
                .arg(s.tasksIssued));
}

void SimulationIndicator::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

void RoleSwitcher::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        fill();
    QComboBox::changeEvent(event);
}

DemoDesk::DemoDesk(Platform& platform, Language* language, const Theme& theme, const DeskSettings& desk, qint64 incidents,
                   QObject* parent)
    : QObject(parent)
    , m_platform(platform)
    , m_language(language)
    , m_theme(theme)
    , m_desk(desk)
    , m_incidents(incidents)
    , m_clock(qobject_cast<SimulatedClock*>(&platform.clock()))
{
}

DemoDesk::~DemoDesk()
{
    m_simulation.reset();
    m_window.reset();
}

void DemoDesk::start()
{
    if (!m_clock || !m_platform.options().exercise) {
        Q_EMIT failed(Tr::tr("The demo needs a training platform: a simulated clock and exercise marks."));
        return;
    }
    // Each step continues only while the desk is there (whenFinished: never after it is gone).
    const auto fail = [this](const std::exception& e) {
        Q_EMIT failed(Tr::tr("The demo cannot start: %1").arg(QString::fromUtf8(e.what())));
    };
    whenFinished(this, m_platform.start(), [this, fail](QFuture<void> started) {
        try {
            started.waitForFinished();
        } catch (const std::exception& e) {
            fail(e);
            return;
        }
        whenFinished(this, DemoStore::open(m_platform, m_incidents), [this, fail](QFuture<DemoStoreState> opened) {
            try {
                opened.waitForFinished();
                m_state = opened.result();
            } catch (const std::exception& e) {
                fail(e);
                return;
            }
            m_clock->jumpTo(m_state.resumeAt);
            whenFinished(this, DemoStore::signIn(m_platform, QStringLiteral("trainer")), [this, fail](QFuture<Principal> signedIn) {
                try {
                    signedIn.waitForFinished();
                    show(signedIn.result());
                } catch (const std::exception& e) {
                    fail(e);
                }
            });
        });
    });
}

void DemoDesk::show(const Principal& trainer)
{
    m_platform.session().setPrincipal(trainer);
    m_window = std::make_unique<MainWindow>(m_platform, m_language);
    m_roles = setUpDemoWindow(*m_window, m_platform, m_banner);
    m_window->setTheme(m_theme);
    m_window->applySettings(m_desk);
    m_window->restoreWorkspace();
    if (!m_window->panelDock(QStringLiteral("training.console")))
        m_window->openPanel(QStringLiteral("training.console"));
    // A different day each time the demo picks up again, and the same one for the same moment. The
    // simulation acts as the trainer signed in now, whatever the role switcher shows later.
    DemoSimulationOptions simulated;
    simulated.seed = quint64(m_clock->nowMs());
    m_simulation = std::make_unique<DemoSimulation>(m_platform, simulated);
    m_indicator = new SimulationIndicator(*m_simulation);
    if (TrainingStrip* strip = TrainingBanner::stripOf(m_window.get()))
        strip->addWidget(m_indicator);
    m_simulation->start();
    m_clock->resume();
    Q_EMIT ready();
}

int runDemo(QApplication& app, const PlatformOptions& given)
{
    const PlatformOptions options = DemoFolder::standard().apply(given);
    Language language;
    std::optional<DeskStart> start = prepareDesk(app, language, options, report);
    if (!start)
        return 1;
    std::unique_ptr<Platform> platform = std::move(start->platform);
    int exitCode = 0;
    auto desk = std::make_unique<DemoDesk>(*platform, &language, start->theme, start->settings);
    QObject::connect(desk.get(), &DemoDesk::failed, &app, [&](const QString& message) {
        report(message);
        exitCode = 1;
        // Queued: a failure can come before the event loop runs, when exit() would be lost.
        QMetaObject::invokeMethod(&app, [&app] { app.exit(1); }, Qt::QueuedConnection);
    });
    desk->start();
    app.setQuitOnLastWindowClosed(true);
    const int rc = app.exec();
    desk.reset();
    platform.reset();
    return exitCode != 0 ? exitCode : rc;
}

} // namespace hexhub::shell
