#pragma once

#include "module/module.h"
#include "theme.h"
#include "workspace.h"

#include <QHash>
#include <QSet>
#include <QMainWindow>
#include <QPointer>

class QDockWidget;
class QLabel;
class QMenu;
class QScreen;
class QSettings;
class QStackedWidget;

namespace hexhub {
class DeadlineBoard;
class Platform;
struct Principal;
}

namespace hexhub::shell {

class AccountsDialog;
class TimeLimitsDialog;
class ClockIndicator;
class CommandPalette;
class IdleWatcher;
class Language;
class NotificationCenter;
class NotificationList;
class PasswordDialog;
class Toast;
class ModuleRail;
class RailBadges;
class SignInDialog;
class StoreIndicator;
class SettingsDialog;
class UserIndicator;
class WallWindow;
struct DeskSettings;

/*!
 * The desk's main window: the module rail on the left, the current module's view in the middle, and
 * the status bar (who is signed in, the store's state, the Clock). It knows modules only through the
 * module manager's specs and view factories; what a module shows is the module's business.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    //! `language`: switched from the command palette when given.
    explicit MainWindow(Platform& platform, Language* language = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    ModuleRail* rail() const { return m_rail; }
    QString currentModule() const;
    //! Shows module `id` when the signed-in user may use it.
    bool showModule(const QString& id);
    /*!
     * Shows view `viewId` of a module: its central view on the rail, or its panel; returns the view's
     * widget, or null when it may not be shown. Record links and palette hits open records through it.
     */
    QWidget* openView(const QString& viewId);
    //! Opens a record from anywhere (ModuleManager::openRecord()); says in the status bar why not.
    bool openRecord(const QString& kind, const QString& ref);
    QWidget* moduleView(const QString& id) const { return m_views.value(id); }
    void setTheme(const Theme& theme);
    const Theme& theme() const { return m_theme; }
    CommandPalette* palette() const { return m_palette; }
    NotificationCenter* notifications() const { return m_notifications; }
    Toast* toast() const { return m_toast; }
    NotificationList* notificationList() const { return m_notificationList; }
    //! Opens the command palette with every command the signed-in user may run.
    void showPalette();

    /*!
     * Locks the desk: the signed-in user is signed out, the module views are hidden, and a sign-in
     * dialog asks for the password (or another operator). Windows stay as they are; after signing in
     * every view's permission is checked again for whoever signed in.
     */
    void lock();
    bool isLocked() const { return m_lockDialog != nullptr; }
    SignInDialog* lockDialog() const { return m_lockDialog; }
    //! Locks after this long without keyboard or mouse input; 0: never.
    void setIdleLock(int ms);

    DeadlineBoard* deadlines() const { return m_deadlines; }

    /*!
     * Opens the settings dialog (Ctrl+,); what is saved there is written to the desk's settings file
     * and the language, theme, sounds and idle lock apply at once.
     */
    SettingsDialog* showSettings();
    //! Applies what takes effect at once: language, theme, sounds, idle lock.
    void applySettings(const DeskSettings& settings);

    // Accounts (mainwindow_accounts.cpp).
    /*!
     * Opens the accounts screen for an administrator (core.users.manage); null, with the reason in the
     * status bar, for anyone else.
     */
    AccountsDialog* showAccounts();
    //! The centres' time limits, for an administrator (core.time_limits.manage).
    TimeLimitsDialog* showTimeLimits();
    //! Asks the signed-in user for their current password and a new one; null when nobody is signed in.
    PasswordDialog* showChangePassword();
    //! The menu of the signed-in user (a click on their name in the status bar): their password, the
    //! accounts screen for administrators, locking the desk.
    QMenu* userMenu() const { return m_userMenu; }

    // Panels: the shell's own (notifications, deadlines, the clock, changes waiting for the server)
    // and the modules' dock and wall views. Each can sit in a dock area, float on any screen, or be
    // shown on a wall.
    //! Adds a panel of the shell's own, described as a module's view (the trainer console of demo
    //! mode); it joins the palette, docks, walls and workspaces.
    void addPanel(const ViewFactory& panel);
    //! Every panel the signed-in user may open, in a stable order.
    QStringList panelIds() const;
    QString panelTitle(const QString& id) const;
    //! Opens panel `id` in the dock area (or where it was); null when unknown or not allowed.
    QDockWidget* openPanel(const QString& id);
    QDockWidget* panelDock(const QString& id) const { return m_docks.value(id); }
    //! Tears panel `id` off into its own window on `screen`, fully on it.
    bool tearOff(const QString& id, QScreen* screen);

    //! Turns `screen` into a wall showing `panels` (an existing wall there is replaced).
    WallWindow* openWall(QScreen* screen, const QStringList& panels);
    bool closeWall(const QString& screenName);
    QList<WallWindow*> walls() const { return m_walls; }
    //! Walls whose screen is gone; each comes back when its screen does.
    QList<WallPlace> parkedWalls() const { return m_parkedWalls; }
    //! The panels a new wall shows.
    QStringList defaultWallPanels() const;

    // Workspaces.
    Workspace captureWorkspace(const QString& name) const;
    //! Every view open now, docked, floating or on a wall, by view id.
    QList<QPair<QString, QWidget*>> openViews() const;
    /*!
     * Arranges the desk as `workspace` says, on the screens there are now: every window on a screen
     * that exists and fully visible; walls whose screen is missing are kept and come back with it.
     * Returns the problems (unknown panels), translated; the rest is applied.
     */
    QStringList applyWorkspace(const Workspace& workspace);
    QString currentWorkspace() const { return m_workspace; }
    //! The current workspace was restored onto fewer or other screens than it was saved on.
    bool isWorkspaceDegraded() const { return m_workspaceDegraded; }
    //! Saves the current arrangement as `name` and makes it the current workspace.
    void saveWorkspace(const QString& name);
    //! Switches to workspace `name` (saved, or built in); false when there is none by that name.
    bool switchWorkspace(const QString& name);
    //! The workspace the signed-in user used last, else their role's; shows the window.
    void restoreWorkspace();
    WorkspaceStore& workspaceStore() { return m_workspaceStore; }
    RailBadges* railBadges() const { return m_badges; }

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void retranslate();
    bool panelAllowed(const QString& id) const;
    QWidget* createPanel(const QString& id, QWidget* parent);
    QString screenLabel(const QScreen* screen) const;
    void screenAdded(QScreen* screen);
    void screenRemoved(QScreen* screen);
    //! The main window and the torn-off panels.
    QList<QWidget*> desktopWindows();
    //! Puts `window`, which was on `fromScreen`, on a screen there is now, fully visible.
    void rescue(QWidget* window, const QString& fromScreen, const QRect& fromGeometry, const QList<ScreenPlace>& screens);
    //! Rescues every window not fully on some screen.
    void refit();
    void buildRail();
    void updatePermissions();
    void updateDeadlineCount();
    void buildUserMenu();
    void updateUserMenu();
    QHash<QString, QString> moduleNames() const;
    //! Whether the one signed in may see module `module`'s records (its deadlines, for one).
    bool moduleVisible(const QString& module) const;
    bool mayUseModule(const Principal& who, const QString& module) const;
    QWidget* viewFor(const QString& id);

    Platform& m_platform;
    Language* m_language;
    QSet<QString> m_overviews; //!< modules shown by the shell's front page (rebuilt on a language change)
    Theme m_theme = Theme::day();
    ModuleRail* m_rail;
    QStackedWidget* m_stack;
    QHash<QString, QWidget*> m_views;
    UserIndicator* m_user;
    StoreIndicator* m_storeState;
    ClockIndicator* m_clock;
    CommandPalette* m_palette;
    IdleWatcher* m_idle;
    NotificationCenter* m_notifications;
    Toast* m_toast;
    NotificationList* m_notificationList;
    QDockWidget* m_notificationDock;
    QLabel* m_unacknowledged;
    SignInDialog* m_lockDialog = nullptr;
    QWidget* m_lockedPage;
    DeadlineBoard* m_deadlines;
    QLabel* m_deadlineCount;
    RailBadges* m_badges = nullptr;
    QHash<QString, QDockWidget*> m_docks;
    QList<ViewFactory> m_extraPanels;
    QList<WallWindow*> m_walls;
    QList<WallPlace> m_parkedWalls;
    QList<QPointer<QWidget>> m_homeless; //!< shown when the last screen went; shown again on the next

    WorkspaceStore m_workspaceStore;
    QString m_workspace;
    bool m_workspaceDegraded = false; //!< restored onto fewer or other screens: not saved over by itself
    SettingsDialog* m_settingsDialog = nullptr;
    QPointer<AccountsDialog> m_accountsDialog;
    QPointer<TimeLimitsDialog> m_timeLimitsDialog;
    QPointer<PasswordDialog> m_passwordDialog;
    QMenu* m_userMenu = nullptr;
};

} // namespace hexhub::shell
