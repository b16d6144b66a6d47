#pragma once

#include "theme.h"

#include <QHash>
#include <QSet>
#include <QMainWindow>

class QDockWidget;
class QLabel;
class QStackedWidget;

namespace hexhub {
class Platform;
}

namespace hexhub::shell {

class ClockIndicator;
class CommandPalette;
class IdleWatcher;
class Language;
class NotificationCenter;
class NotificationList;
class Toast;
class ModuleRail;
class SignInDialog;
class StoreIndicator;
class UserIndicator;

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

    ModuleRail* rail() const { return m_rail; }
    QString currentModule() const;
    //! Shows module `id` when the signed-in user may use it.
    bool showModule(const QString& id);
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

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void buildRail();
    void updatePermissions();
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
};

} // namespace hexhub::shell
