#include "mainwindow.h"

#include "commandpalette.h"
#include "idlewatcher.h"
#include "language.h"
#include "notifications.h"
#include "panels.h"
#include "settingsdialog.h"
#include "wallwindow.h"
#include "signindialog.h"
#include "moduleoverview.h"
#include "modulerail.h"
#include "railbadges.h"
#include "shelltr.h"
#include "statusindicators.h"

#include "module/module.h"
#include "module/modulemanager.h"
#include "store/outbox.h"
#include "security/accesscontrol.h"
#include "base/clock.h"
#include "shared/deadlines.h"
#include "bus/eventbus.h"
#include "module/platform.h"
#include "shared/timelimits.h"
#include "security/session.h"
#include "store/store.h"

#include <QApplication>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScreen>
#include <QWindow>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>

namespace hexhub::shell {

MainWindow::MainWindow(Platform& platform, Language* language, QWidget* parent)
    : QMainWindow(parent)
    , m_platform(platform)
    , m_language(language)
    , m_rail(new ModuleRail(this))
    , m_stack(new QStackedWidget(this))
    , m_user(new UserIndicator(platform.session(), this))
    , m_storeState(new StoreIndicator(platform.store(), platform.outbox(), this))
    , m_clock(new ClockIndicator(platform.clock(), this))
    , m_palette(new CommandPalette(this))
    , m_idle(new IdleWatcher(this))
    , m_notifications(new NotificationCenter(platform.bus(), platform.store(), platform.outbox(), platform.modules(), this))
    , m_toast(nullptr)
    , m_notificationList(new NotificationList(*m_notifications, this))
    , m_notificationDock(new QDockWidget(this))
    , m_unacknowledged(new QLabel(this))
    , m_lockedPage(new QLabel(Tr::tr("Locked"), this))
    , m_deadlines(new DeadlineBoard(platform.bus(), platform.clock(), this))
    , m_deadlineCount(new QLabel(this))
    , m_workspaceStore(platform.settings())
{
    setStatusBar(new DeskStatusBar(this));
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(Tr::tr("Hexhub"));
    auto* centre = new QWidget(this);
    auto* row = new QHBoxLayout(centre);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(m_rail);
    row->addWidget(m_stack, 1);
    setCentralWidget(centre);

    m_toast = new Toast(centre);
    // A desk on a server hears what happened while it was closed as one notification, however the
    // bridge pages it.
    m_notifications->followCatchUp(platform.bridge());
    connect(m_notifications, &NotificationCenter::posted, this, [this](const Notification& n) {
        if (n.level != Notification::Level::Info)
            m_toast->showNotification(n);
    });
    m_notificationDock->setObjectName(QStringLiteral("panel:shell.notifications"));
    m_notificationDock->setWidget(m_notificationList);
    addDockWidget(Qt::RightDockWidgetArea, m_notificationDock);
    m_docks.insert(QStringLiteral("shell.notifications"), m_notificationDock);
    setDockOptions(dockOptions() | QMainWindow::AllowTabbedDocks | QMainWindow::GroupedDragging);
    m_unacknowledged->setObjectName(QStringLiteral("unacknowledged"));
    connect(m_notifications, &NotificationCenter::changed, this, [this] {
        const int n = m_notifications->unacknowledged();
        m_unacknowledged->setText(n > 0 ? Tr::tr("%n notification(s) to acknowledge", nullptr, n) : QString());
    });
    auto* showNotifications = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this);
    connect(showNotifications, &QShortcut::activated, this, [this] {
        m_notificationDock->show();
        m_notificationDock->raise();
        m_notificationList->setFocus();
    });

    statusBar()->addWidget(m_user);
    buildUserMenu();
    statusBar()->addPermanentWidget(m_unacknowledged);
    m_deadlineCount->setObjectName(QStringLiteral("deadlineCount"));
    statusBar()->addPermanentWidget(m_deadlineCount);
    connect(m_deadlines, &DeadlineBoard::changed, this, &MainWindow::updateDeadlineCount);
    // A deadline that runs out alerts those who may see it; one nobody acknowledged within five
    // minutes goes up to the hub supervisor as a priority alert.
    connect(m_deadlines, &DeadlineBoard::missed, this, [this](const Deadline& d) {
        if (moduleVisible(d.module))
            m_notifications->post(Notification::Level::Important, Tr::tr("Deadline missed: %1").arg(d.title),
                                  moduleNames().value(d.module, d.module), m_platform.clock().now());
    });
    connect(m_deadlines, &DeadlineBoard::escalated, this, [this](const Deadline& d) {
        if (!isLocked() && m_platform.session().principal().hasRole(QStringLiteral("hub_supervisor")))
            m_notifications->post(Notification::Level::Priority, Tr::tr("Escalated: %1").arg(d.title),
                                  Tr::tr("Missed and not acknowledged (%1).").arg(moduleNames().value(d.module, d.module)),
                                  m_platform.clock().now());
    });
    updateDeadlineCount();
    m_deadlines->load();
    // A first read that failed (the store away at the start) is done again when the store is back.
    connect(&platform.store(), &Store::stateChanged, m_deadlines, [this] {
        if (m_platform.store().state() == Store::State::Open && !m_deadlines->isLoaded())
            m_deadlines->load();
    });
    statusBar()->addPermanentWidget(m_storeState);
    statusBar()->addPermanentWidget(m_clock);

    m_notificationDock->setWindowTitle(Tr::tr("Notifications"));
    // What shows when nothing may: in the stack before the first permission check uses it.
    static_cast<QLabel*>(m_lockedPage)->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_lockedPage);
    buildRail();
    m_badges = new RailBadges(platform, *m_rail, this);
    // Records open in this window's views, from a link on any record or a palette hit.
    platform.modules().setViewOpener([this](const QString& viewId) { return openView(viewId); });
    m_palette->setRecordFinder([this](const QString& text) {
        const QList<std::pair<QString, RecordSearch>> searches = m_platform.modules().recordSearches();
        const Principal viewer = m_platform.session().principal();
        return m_platform.store()
            .read([searches, text, viewer](Sql& sql) {
                QList<RecordHit> hits;
                for (const auto& [module, search] : searches)
                    hits << search(sql, text, viewer, 8);
                return hits;
            })
            .then([this](const QList<RecordHit>& hits) {
                QList<PaletteCommand> open;
                for (const RecordHit& hit : hits) {
                    const QString title = hit.detail.isEmpty() ? hit.title : Tr::tr("%1 - %2").arg(hit.title, hit.detail);
                    open << PaletteCommand{QStringLiteral("record:%1:%2").arg(hit.kind, hit.ref), title, QString(),
                                           [this, kind = hit.kind, ref = hit.ref] { openRecord(kind, ref); }};
                }
                return open;
            });
    });
    connect(m_rail, &ModuleRail::currentChanged, this, [this](const QString& id) {
        m_stack->setCurrentWidget(viewFor(id));
    });
    connect(&m_platform.session(), &Session::changed, this, &MainWindow::updatePermissions);
    updatePermissions();

    // Ctrl+1 ... Ctrl+9: the modules in rail order.
    const QStringList ids = m_rail->ids();
    for (int i = 0; i < std::min<int>(9, int(ids.size())); ++i) {
        auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, id = ids[i]] { showModule(id); });
    }
    // The modules' commands with a shortcut work window-wide, for whoever holds their permission.
    for (const Command& c : m_platform.modules().commands()) {
        if (c.shortcut.isEmpty() || !c.trigger)
            continue;
        auto* shortcut = new QShortcut(QKeySequence(c.shortcut), this);
        shortcut->setObjectName(c.id);
        connect(shortcut, &QShortcut::activated, this, [this, c] {
            if (!isLocked() && (c.permission.isEmpty() || m_platform.session().can(c.permission)))
                c.trigger();
        });
    }
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lock);
    auto* lockNow = new QShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L), this);
    connect(lockNow, &QShortcut::activated, this, &MainWindow::lock);

    auto* saveCurrent = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this);
    connect(saveCurrent, &QShortcut::activated, this, [this] {
        if (!m_workspace.isEmpty())
            saveWorkspace(m_workspace);
    });
    auto* settings = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma), this);
    connect(settings, &QShortcut::activated, this, &MainWindow::showSettings);
    auto* palette = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), this);
    connect(palette, &QShortcut::activated, this, &MainWindow::showPalette);
    connect(qApp, &QGuiApplication::screenAdded, this, &MainWindow::screenAdded);
    connect(qApp, &QGuiApplication::screenRemoved, this, &MainWindow::screenRemoved);
    resize(1280, 800);
}

MainWindow::~MainWindow()
{
    m_platform.modules().setViewOpener({});
    // The rail and the stack go with the window: nothing may switch views while they do.
    disconnect(m_rail, nullptr, this, nullptr);
    disconnect(&m_platform.session(), nullptr, this, nullptr);
    disconnect(qApp, nullptr, this, nullptr);
    if (m_settingsDialog)
        disconnect(m_settingsDialog, nullptr, this, nullptr);
}

void MainWindow::showPalette()
{
    QList<PaletteCommand> commands;
    const QStringList ids = m_rail->ids();
    for (int i = 0; i < ids.size(); ++i) {
        RailButton* button = m_rail->button(ids[i]);
        if (!button->isEnabled())
            continue;
        commands << PaletteCommand{QStringLiteral("shell.goto.") + ids[i], Tr::tr("Go to %1").arg(button->entry().name),
                                   i < 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)).toString(QKeySequence::NativeText)
                                         : QString(),
                                   [this, id = ids[i]] { showModule(id); }};
    }
    const bool night = m_theme.kind() == Theme::Kind::Night;
    commands << PaletteCommand{QStringLiteral("shell.theme"),
                               night ? Tr::tr("Use the day theme") : Tr::tr("Use the night theme"), QString(), [this, night] {
                                   DeskSettings s = DeskSettings::read(m_platform.settings());
                                   s.theme = Theme::name(night ? Theme::Kind::Day : Theme::Kind::Night);
                                   s.write(m_platform.settings());
                                   applySettings(s);
                               }};
    commands << PaletteCommand{QStringLiteral("shell.settings"), Tr::tr("Settings..."),
                               QKeySequence(Qt::CTRL | Qt::Key_Comma).toString(QKeySequence::NativeText),
                               [this] { showSettings(); }};
    commands << PaletteCommand{QStringLiteral("shell.notifications"), Tr::tr("Show notifications"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N).toString(QKeySequence::NativeText), [this] {
                                   m_notificationDock->show();
                                   m_notificationList->setFocus();
                               }};
    commands << PaletteCommand{QStringLiteral("shell.acknowledge_all"), Tr::tr("Acknowledge all notifications"), QString(),
                               [this] { m_notifications->acknowledgeAll(); }};
    commands << PaletteCommand{QStringLiteral("shell.lock"), Tr::tr("Lock this desk"),
                               QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L).toString(QKeySequence::NativeText),
                               [this] { lock(); }};
    if (m_platform.session().isSignedIn())
        commands << PaletteCommand{QStringLiteral("shell.password"), Tr::tr("Change my password..."), QString(),
                                   [this] { showChangePassword(); }};
    if (m_platform.session().can(QStringLiteral("core.users.manage")))
        commands << PaletteCommand{QStringLiteral("shell.accounts"), Tr::tr("Accounts..."), QString(),
                                   [this] { showAccounts(); }};
    if (m_platform.session().can(QString::fromLatin1(TimeLimits::kManagePermission)))
        commands << PaletteCommand{QStringLiteral("shell.time_limits"), Tr::tr("Time limits..."), QString(),
                                   [this] { showTimeLimits(); }};
    // Panels, screens, walls and workspaces: all of it from the keyboard.
    const QList<QScreen*> screens = QGuiApplication::screens();
    for (const QString& id : panelIds()) {
        const QString title = panelTitle(id);
        QDockWidget* dock = m_docks.value(id);
        if (!dock || dock->isHidden())
            commands << PaletteCommand{QStringLiteral("shell.panel.open.") + id, Tr::tr("Show the %1 panel").arg(title), QString(),
                                       [this, id] { openPanel(id); }};
        else if (dock->isFloating())
            commands << PaletteCommand{QStringLiteral("shell.panel.dock.") + id, Tr::tr("Put the %1 panel back in the window").arg(title),
                                       QString(), [dock] { dock->setFloating(false); }};
        else
            commands << PaletteCommand{QStringLiteral("shell.panel.close.") + id, Tr::tr("Close the %1 panel").arg(title), QString(),
                                       [dock] { dock->hide(); }};
        for (QScreen* s : screens) {
            commands << PaletteCommand{QStringLiteral("shell.panel.move.%1.%2").arg(id, s->name()),
                                       Tr::tr("Move the %1 panel to %2").arg(title, screenLabel(s)), QString(),
                                       [this, id, name = s->name()] { tearOff(id, screenNamed(name)); }};
        }
    }
    for (QScreen* s : screens) {
        const bool hasWall = std::any_of(m_walls.begin(), m_walls.end(), [s](const WallWindow* w) { return w->screenName() == s->name(); });
        if (hasWall) {
            commands << PaletteCommand{QStringLiteral("shell.wall.close.") + s->name(), Tr::tr("Close the wall on %1").arg(screenLabel(s)),
                                       QString(), [this, name = s->name()] { closeWall(name); }};
            // Which panels the wall shows: each one added or taken off by name.
            const WallWindow* wall = *std::find_if(m_walls.begin(), m_walls.end(),
                                                   [s](const WallWindow* w) { return w->screenName() == s->name(); });
            const QStringList shown = wall->panels();
            for (const QString& id : panelIds()) {
                QStringList next = shown;
                const bool on = shown.contains(id);
                if (on)
                    next.removeAll(id);
                else
                    next << id;
                if (next.isEmpty())
                    continue;
                commands << PaletteCommand{QStringLiteral("shell.wall.%1.%2.%3").arg(on ? QStringLiteral("remove") : QStringLiteral("add"), s->name(), id),
                                           on ? Tr::tr("Take the %1 panel off the wall on %2").arg(panelTitle(id), screenLabel(s))
                                              : Tr::tr("Show the %1 panel on the wall on %2").arg(panelTitle(id), screenLabel(s)),
                                           QString(), [this, name = s->name(), next] { openWall(screenNamed(name), next); }};
            }
        }
        else
            commands << PaletteCommand{QStringLiteral("shell.wall.open.") + s->name(), Tr::tr("Make %1 a wall").arg(screenLabel(s)),
                                       QString(), [this, name = s->name()] { openWall(screenNamed(name), defaultWallPanels()); }};
    }
    for (const QString& name : m_workspaceStore.names()) {
        if (name != m_workspace)
            commands << PaletteCommand{QStringLiteral("shell.workspace.") + name,
                                       Tr::tr("Switch to the workspace %1").arg(Workspace::displayName(name)), QString(),
                                       [this, name] { switchWorkspace(name); }};
    }
    if (!m_workspace.isEmpty())
        commands << PaletteCommand{QStringLiteral("shell.workspace.save"),
                                   Tr::tr("Save the workspace %1").arg(Workspace::displayName(m_workspace)),
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S).toString(QKeySequence::NativeText),
                                   [this] { saveWorkspace(m_workspace); }};
    commands << PaletteCommand{QStringLiteral("shell.workspace.save_as"), Tr::tr("Save the workspace as..."), QString(), [this] {
                                   bool ok = false;
                                   const QString name = QInputDialog::getText(this, Tr::tr("Save the workspace"), Tr::tr("Name:"),
                                                                              QLineEdit::Normal, QString(), &ok);
                                   if (ok && !name.trimmed().isEmpty())
                                       saveWorkspace(name);
                               }};
    if (Workspace::defaults().contains(m_workspace) && m_workspaceStore.load(m_workspace))
        commands << PaletteCommand{QStringLiteral("shell.workspace.reset"),
                                   Tr::tr("Reset the workspace %1 to how it came").arg(Workspace::displayName(m_workspace)), QString(),
                                   [this] {
                                       const QString name = m_workspace;
                                       m_workspaceStore.remove(name);
                                       m_workspace.clear();
                                       switchWorkspace(name);
                                   }};
    if (m_language) {
        const bool chinese = m_language->current() == QLatin1String("zh_CN");
        // Each language names itself, so whoever cannot read the current one still finds theirs.
        commands << PaletteCommand{QStringLiteral("shell.language"),
                                   chinese ? QStringLiteral("English") : QStringLiteral("中文 (Chinese)"), QString(),
                                   [this, chinese] {
                                       DeskSettings s = DeskSettings::read(m_platform.settings());
                                       s.language = chinese ? QStringLiteral("en") : QStringLiteral("zh_CN");
                                       s.write(m_platform.settings());
                                       applySettings(s);
                                   }};
    }
    for (const Command& c : m_platform.modules().commands()) {
        if (c.permission.isEmpty() || m_platform.session().can(c.permission))
            commands << PaletteCommand{c.id, c.title,
                                       QKeySequence(c.shortcut).toString(QKeySequence::NativeText), c.trigger};
    }
    m_palette->setCommands(commands);
    m_palette->popup();
}

void MainWindow::buildRail()
{
    QList<RailEntry> entries;
    for (const ModuleSpec* spec : m_platform.modules().loadOrder()) {
        if (spec->state != ModuleSpec::State::Loaded)
            continue;
        RailEntry e;
        e.id = spec->id;
        e.name = spec->instance && !spec->instance->displayName().isEmpty() ? spec->instance->displayName()
                                                                          : spec->metadata.name;
        e.description = spec->instance && !spec->instance->displayDescription().isEmpty()
                            ? spec->instance->displayDescription()
                            : spec->metadata.description;
        e.colour = QColor(spec->metadata.colour);
        e.iconPath = spec->metadata.icon;
        entries << e;
    }
    m_rail->setEntries(entries);
}

void MainWindow::updatePermissions()
{
    const Principal who = m_platform.session().principal();
    QList<RailEntry> entries;
    for (const QString& id : m_rail->ids()) {
        RailEntry e = m_rail->button(id)->entry();
        e.enabled = mayUseModule(who, id);
        QStringList roles;
        for (const QString& role : who.roles)
            roles << AccessControl::roleDisplayName(role);
        e.whyDisabled = who.isValid() ? Tr::tr("Your roles (%1) give no access to this module.")
                                            .arg(roles.join(QStringLiteral(", ")))
                                      : Tr::tr("Sign in to use this module.");
        entries << e;
    }
    QHash<QString, int> badges;
    for (const QString& id : m_rail->ids())
        badges.insert(id, m_rail->badge(id));
    m_rail->setEntries(entries);
    for (auto it = badges.begin(); it != badges.end(); ++it)
        m_rail->setBadge(it.key(), it.value());
    // Panels, docked, floating or on a wall, show only what the one signed in now may see.
    for (auto it = m_docks.begin(); it != m_docks.end(); ++it) {
        if (QWidget* content = it.value()->widget())
            content->setVisible(panelAllowed(it.key()));
    }
    QList<std::pair<QString, QStringList>> rebuild;
    for (WallWindow* wall : std::as_const(m_walls)) {
        for (const QString& id : wall->panels()) {
            if (QWidget* content = wall->panel(id))
                content->setVisible(panelAllowed(id));
        }
        // Made while nobody who may see its panels was signed in (a screen back during a lock):
        // built again now that someone is.
        const QStringList missing = wall->unavailablePanels();
        if (std::any_of(missing.begin(), missing.end(), [this](const QString& id) { return panelAllowed(id); }))
            rebuild.append({wall->screenName(), wall->panels()});
    }
    for (const auto& [screen, panels] : std::as_const(rebuild))
        openWall(screenNamed(screen), panels);
    for (DeadlineList* list : findChildren<DeadlineList*>())
        list->refresh();
    updateDeadlineCount();
    const QString current = m_rail->currentId();
    // Nothing this user may see (or nobody signed in): no module view stays on screen.
    m_stack->setCurrentWidget(current.isEmpty() || isLocked() ? m_lockedPage : viewFor(current));
    // Someone just signed in: the keyboard is in their module's view (its keys work at once, with no
    // click first), unless it is already somewhere they can see.
    if (!current.isEmpty() && !isLocked()) {
        QWidget* view = viewFor(current);
        const QWidget* had = focusWidget();
        if (view && (!had || !had->isVisible() || had == m_lockedPage))
            view->setFocus(Qt::OtherFocusReason);
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(Tr::tr("Hexhub"));
    m_notificationDock->setWindowTitle(Tr::tr("Notifications"));
    static_cast<QLabel*>(m_lockedPage)->setText(Tr::tr("Locked"));
    m_user->refresh();
    m_storeState->refresh();
    m_clock->refresh();
    updateDeadlineCount();
    for (auto it = m_docks.begin(); it != m_docks.end(); ++it)
        it.value()->setWindowTitle(panelTitle(it.key()));
    // The rail's names and the shell's front pages come again in the new language.
    QHash<QString, int> badges;
    for (const QString& id : m_rail->ids())
        badges.insert(id, m_rail->badge(id));
    const QString current = m_rail->currentId();
    buildRail();
    for (DeadlineList* list : findChildren<DeadlineList*>()) // docked, floating and on walls
        list->setModuleNames(moduleNames());
    m_rail->setTheme(m_theme);
    for (const QString& id : std::as_const(m_overviews)) {
        QWidget* old = m_views.take(id);
        m_stack->removeWidget(old);
        old->deleteLater();
    }
    m_overviews.clear();
    updatePermissions();
    m_rail->setCurrent(current);
    for (auto it = badges.begin(); it != badges.end(); ++it)
        m_rail->setBadge(it.key(), it.value());
    if (const QString now = m_rail->currentId(); !now.isEmpty() && !isLocked())
        m_stack->setCurrentWidget(viewFor(now));
}

void MainWindow::setIdleLock(int ms)
{
    m_idle->setLimit(ms);
}

void MainWindow::lock()
{
    if (isLocked())
        return;
    const Principal who = m_platform.session().principal();
    m_palette->hide();
    m_userMenu->hide();
    for (QDockWidget* dock : std::as_const(m_docks)) {
        if (QWidget* content = dock->widget())
            content->hide();
    }
    for (WallWindow* wall : std::as_const(m_walls)) {
        for (const QString& id : wall->panels()) {
            if (QWidget* content = wall->panel(id))
                content->hide();
        }
    }
    m_lockDialog = new SignInDialog(m_platform.access(), m_platform.session(), this);
    m_lockDialog->setLockedUser(who.name);
    m_lockDialog->setModal(true);
    m_platform.session().clear(); // the rail greys, the views go (updatePermissions)
    m_stack->setCurrentWidget(m_lockedPage);
    connect(m_lockDialog, &QDialog::accepted, this, [this] {
        m_lockDialog->deleteLater();
        m_lockDialog = nullptr;
        m_idle->reset();
        updatePermissions();
    });
    connect(m_lockDialog, &QDialog::rejected, this, [this] {
        // Closing the lock dialog does not unlock: it comes back.
        QMetaObject::invokeMethod(this, [this] {
            if (m_lockDialog)
                m_lockDialog->show();
        }, Qt::QueuedConnection);
    });
    m_lockDialog->start();
    m_lockDialog->show();
}

QWidget* MainWindow::viewFor(const QString& id)
{
    if (QWidget* view = m_views.value(id))
        return view;
    const ModuleSpec* spec = m_platform.modules().module(id);
    QList<ViewFactory> views;
    for (const ViewFactory& v : m_platform.modules().views()) {
        if (v.id.startsWith(id + QLatin1Char('.')))
            views << v;
    }
    QWidget* view = nullptr;
    for (const ViewFactory& v : std::as_const(views)) {
        if (v.area == ViewFactory::Area::Central && v.create
            && (v.permission.isEmpty() || m_platform.session().can(v.permission))) {
            view = v.create(m_stack);
            break;
        }
    }
    if (!view) {
        view = new ModuleOverview(*spec, views, m_stack);
        m_overviews.insert(id);
    }
    m_stack->addWidget(view);
    m_views.insert(id, view);
    return view;
}

QString MainWindow::currentModule() const
{
    return m_rail->currentId();
}

bool MainWindow::showModule(const QString& id)
{
    if (!m_rail->setCurrent(id))
        return false;
    // Ctrl+digit, a palette command or a link: the keyboard goes to the module's view (a click on
    // the rail keeps it on the rail, where the arrows move between modules).
    if (QWidget* view = m_stack->currentWidget(); view && !view->isAncestorOf(QApplication::focusWidget()))
        view->setFocus(Qt::ShortcutFocusReason);
    return true;
}

QWidget* MainWindow::openView(const QString& viewId)
{
    for (const ViewFactory& v : m_platform.modules().views()) {
        if (v.id != viewId)
            continue;
        if (!v.permission.isEmpty() && !m_platform.session().can(v.permission))
            return nullptr;
        if (v.area == ViewFactory::Area::Central) {
            const QString module = viewId.section(QLatin1Char('.'), 0, 0);
            return showModule(module) ? viewFor(module) : nullptr;
        }
        QDockWidget* dock = openPanel(viewId);
        return dock ? dock->widget() : nullptr;
    }
    return nullptr;
}

bool MainWindow::openRecord(const QString& kind, const QString& ref)
{
    const QString why = m_platform.modules().openRecord(kind, ref);
    if (!why.isEmpty())
        statusBar()->showMessage(why, 10000);
    return why.isEmpty();
}

void MainWindow::setTheme(const Theme& theme)
{
    m_theme = theme;
    m_rail->setTheme(theme);
    m_storeState->setTheme(theme);
    updateDeadlineCount();
    for (QDockWidget* dock : std::as_const(m_docks)) {
        if (auto* list = qobject_cast<DeadlineList*>(dock->widget()))
            list->setTheme(theme);
    }
}

SettingsDialog* MainWindow::showSettings()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return m_settingsDialog;
    }
    m_palette->hide();
    // What the desk shows now, where the file has nothing yet (a language taken from the system).
    DeskSettings current = DeskSettings::read(m_platform.settings());
    if (m_language && !m_platform.settings().contains(QStringLiteral("appearance/language")))
        current.language = m_language->current();
    if (!m_platform.settings().contains(QStringLiteral("appearance/theme")))
        current.theme = Theme::name(m_theme.kind());
    m_settingsDialog = new SettingsDialog(current, m_platform.modules(),
                                          m_platform.session().can(QStringLiteral("core.desk.configure")), this);
    m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_settingsDialog, &QDialog::accepted, this, [this] {
        const DeskSettings chosen = m_settingsDialog->settings();
        chosen.write(m_platform.settings());
        applySettings(chosen);
    });
    connect(m_settingsDialog, &QObject::destroyed, this, [this] { m_settingsDialog = nullptr; });
    m_settingsDialog->open();
    return m_settingsDialog;
}

void MainWindow::applySettings(const DeskSettings& settings)
{
    if (m_language && settings.language != m_language->current())
        m_language->set(settings.language);
    const Theme theme = Theme::of(Theme::kindFromName(settings.theme));
    if (theme.kind() != m_theme.kind()) {
        if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
            theme.apply(*app);
        setTheme(theme);
    }
    m_notifications->setSoundEnabled(settings.sounds);
    setIdleLock(settings.idleLockMinutes * 60 * 1000);
}

bool MainWindow::mayUseModule(const Principal& who, const QString& module) const
{
    // A module is for a user who may open its central view; a module without one (its screens still
    // to come) for a user who holds at least one of its permissions. A permission a module grants to
    // other centres (the hub's "respond to a task") does not by itself open the module to them.
    if (!who.isValid())
        return false;
    const QString prefix = module + QLatin1Char('.');
    bool hasCentral = false;
    for (const ViewFactory& v : m_platform.modules().views()) {
        if (v.area != ViewFactory::Area::Central || !v.create || !v.id.startsWith(prefix))
            continue;
        hasCentral = true;
        if (v.permission.isEmpty() || who.can(v.permission))
            return true;
    }
    return !hasCentral
           && std::any_of(who.permissions.begin(), who.permissions.end(), [&](const QString& p) { return p.startsWith(prefix); });
}

bool MainWindow::moduleVisible(const QString& module) const
{
    // As the rail: a module's records are for whoever may use the module.
    return !isLocked() && mayUseModule(m_platform.session().principal(), module);
}

QHash<QString, QString> MainWindow::moduleNames() const
{
    QHash<QString, QString> names;
    for (const QString& id : m_rail->ids())
        names.insert(id, m_rail->button(id)->entry().name);
    return names;
}

void MainWindow::updateDeadlineCount()
{
    const int n = m_deadlines->dueWithin(60 * 60 * 1000, [this](const QString& module) { return moduleVisible(module); });
    m_deadlineCount->setText(Tr::tr("%n deadline(s) within the hour", nullptr, n));
    m_deadlineCount->setToolTip(Tr::tr("Open deadlines of every module due in the next hour, overdue ones included"));
    m_deadlineCount->setStyleSheet(n > 0 ? QStringLiteral("color: %1; font-weight: bold").arg(m_theme.warning().name()) : QString());
}

} // namespace hexhub::shell
