#include "mainwindow.h"

#include "commandpalette.h"
#include "idlewatcher.h"
#include "language.h"
#include "notifications.h"
#include "signindialog.h"
#include "moduleoverview.h"
#include "modulerail.h"
#include "shelltr.h"
#include "statusindicators.h"

#include "module.h"
#include "modulemanager.h"
#include "outbox.h"
#include "accesscontrol.h"
#include "eventbus.h"
#include "platform.h"
#include "session.h"

#include <QApplication>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
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
    , m_notifications(new NotificationCenter(platform.bus(), platform.store(), platform.outbox(), this))
    , m_toast(nullptr)
    , m_notificationList(new NotificationList(*m_notifications, this))
    , m_notificationDock(new QDockWidget(this))
    , m_unacknowledged(new QLabel(this))
    , m_lockedPage(new QLabel(Tr::tr("Locked"), this))
{
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
    connect(m_notifications, &NotificationCenter::posted, this, [this](const Notification& n) {
        if (n.level != Notification::Level::Info)
            m_toast->showNotification(n);
    });
    m_notificationDock->setObjectName(QStringLiteral("notificationsDock"));
    m_notificationDock->setWidget(m_notificationList);
    addDockWidget(Qt::RightDockWidgetArea, m_notificationDock);
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
    statusBar()->addPermanentWidget(m_unacknowledged);
    statusBar()->addPermanentWidget(m_storeState);
    statusBar()->addPermanentWidget(m_clock);

    m_notificationDock->setWindowTitle(Tr::tr("Notifications"));
    buildRail();
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
    static_cast<QLabel*>(m_lockedPage)->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_lockedPage);
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lock);
    auto* lockNow = new QShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L), this);
    connect(lockNow, &QShortcut::activated, this, &MainWindow::lock);

    auto* palette = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), this);
    connect(palette, &QShortcut::activated, this, &MainWindow::showPalette);
    resize(1280, 800);
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
                                   const Theme next = night ? Theme::day() : Theme::night();
                                   if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
                                       next.apply(*app);
                                   setTheme(next);
                               }};
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
    if (m_language) {
        const bool chinese = m_language->current() == QLatin1String("zh_CN");
        // Each language names itself, so whoever cannot read the current one still finds theirs.
        commands << PaletteCommand{QStringLiteral("shell.language"),
                                   chinese ? QStringLiteral("English") : QStringLiteral("中文 (Chinese)"), QString(),
                                   [this, chinese] { m_language->set(chinese ? QStringLiteral("en") : QStringLiteral("zh_CN")); }};
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
    // A module is usable by a user who holds at least one of its permissions.
    const Principal who = m_platform.session().principal();
    QList<RailEntry> entries;
    for (const QString& id : m_rail->ids()) {
        RailEntry e = m_rail->button(id)->entry();
        const QString prefix = id + QLatin1Char('.');
        e.enabled = std::any_of(who.permissions.begin(), who.permissions.end(),
                                [&](const QString& p) { return p.startsWith(prefix); });
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
    const QString current = m_rail->currentId();
    // Nothing this user may see (or nobody signed in): no module view stays on screen.
    m_stack->setCurrentWidget(current.isEmpty() || isLocked() ? m_lockedPage : viewFor(current));
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
    // The rail's names and the shell's front pages come again in the new language.
    QHash<QString, int> badges;
    for (const QString& id : m_rail->ids())
        badges.insert(id, m_rail->badge(id));
    const QString current = m_rail->currentId();
    buildRail();
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
    return m_rail->setCurrent(id);
}

void MainWindow::setTheme(const Theme& theme)
{
    m_theme = theme;
    m_rail->setTheme(theme);
    m_storeState->setTheme(theme);
}

} // namespace hexhub::shell
