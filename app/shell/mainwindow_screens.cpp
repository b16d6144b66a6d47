// MainWindow and screen hot-plug: walls parked and brought back, windows kept on the screens there are.
#include "mainwindow.h"

#include "notifications.h"
#include "shelltr.h"
#include "wallwindow.h"

#include "base/clock.h"
#include "module/platform.h"

#include <QApplication>
#include <QScreen>

namespace hexhub::shell {

QString MainWindow::screenLabel(const QScreen* screen) const
{
    const int index = int(QGuiApplication::screens().indexOf(const_cast<QScreen*>(screen)));
    // Numbered as the desktop lists them; the system's name beside the number when it has one.
    return screen->name().isEmpty() ? Tr::tr("screen %1").arg(index + 1)
                                    : Tr::tr("screen %1 (%2)").arg(index + 1).arg(screen->name());
}

namespace {

bool isOn(const QWidget* window, const QScreen* screen)
{
    if (window->screen() == screen)
        return true;
    return screen->geometry().contains(window->frameGeometry().center());
}

} // namespace

void MainWindow::screenRemoved(QScreen* screen)
{
    // The screen is already off the list: what stood on it goes to the primary, fully visible.
    const QList<ScreenPlace> screens = currentScreens();
    for (WallWindow* wall : QList<WallWindow*>(m_walls)) {
        if (wall->screenName() != screen->name())
            continue;
        const WallPlace parked{screen->name(), screen->geometry(), wall->panels()};
        m_walls.removeOne(wall);
        wall->hide();
        wall->deleteLater();
        m_parkedWalls << parked;
        m_notifications->post(Notification::Level::Important, Tr::tr("Screen disconnected"),
                              Tr::tr("The wall on %1 is put away; it comes back when the screen does.").arg(screen->name()),
                              m_platform.clock().now());
    }
    for (QWidget* window : desktopWindows()) {
        if (!isOn(window, screen))
            continue;
        if (screens.isEmpty()) // the last screen went: it shows again on the next one that comes
            m_homeless << QPointer<QWidget>(window);
        else
            rescue(window, screen->name(), screen->geometry(), screens);
    }
    refit();
}

QList<QWidget*> MainWindow::desktopWindows()
{
    // The main window, torn-off panels and any dialog open on the desk (sign-in, settings, ...);
    // walls are handled as walls.
    QList<QWidget*> windows{this};
    for (QWidget* w : QApplication::topLevelWidgets()) {
        const Qt::WindowType type = w->windowType();
        if (w != this && !qobject_cast<WallWindow*>(w) && type != Qt::ToolTip && type != Qt::Popup
            && (w->isVisible() || m_homeless.contains(w)))
            windows << w;
    }
    return windows;
}

void MainWindow::rescue(QWidget* window, const QString& fromScreen, const QRect& fromGeometry, const QList<ScreenPlace>& screens)
{
    // Maximized or full screen, it becomes so again on the screen it goes to.
    const bool maximized = window->isMaximized();
    const bool fullScreen = window->isFullScreen();
    if (maximized || fullScreen)
        window->showNormal();
    const QRect rect = window->geometry();
    applyPlacement(window, placeWindow(rect, fromScreen, fromGeometry, screens));
    if (fullScreen)
        window->showFullScreen();
    else if (maximized)
        window->showMaximized();
}

void MainWindow::refit()
{
    // However the screens changed (several at once, the primary among them), no window stays where
    // nobody can see it.
    const QList<ScreenPlace> screens = currentScreens();
    if (screens.isEmpty())
        return;
    for (QWidget* window : desktopWindows()) {
        if (window->isVisible() && !isFullyOnScreen(window))
            rescue(window, QString(), QRect(), screens);
    }
}

void MainWindow::screenAdded(QScreen* screen)
{
    // Windows that lost their native window with the last screen are shown again once Qt is done
    // with the screen change (a show from inside it is undone).
    if (!m_homeless.isEmpty()) {
        QMetaObject::invokeMethod(this, [this] {
            for (const QPointer<QWidget>& window : std::exchange(m_homeless, {})) {
                if (!window)
                    continue;
                const bool maximized = window->isMaximized();
                window->hide();
                applyPlacement(window, placeWindow(window->normalGeometry().isValid() ? window->normalGeometry() : window->geometry(),
                                                   QString(), QRect(), currentScreens()));
                if (maximized)
                    window->showMaximized();
                else
                    window->show();
            }
        }, Qt::QueuedConnection);
    }
    const QList<WallPlace> parked = m_parkedWalls;
    for (const WallPlace& wall : parked) {
        if (wall.screen != screen->name())
            continue;
        m_parkedWalls.removeOne(wall);
        openWall(screen, wall.panels);
        m_notifications->post(Notification::Level::Info, Tr::tr("Screen connected"),
                              Tr::tr("The wall on %1 is back.").arg(screen->name()), m_platform.clock().now());
    }
    refit();
}

} // namespace hexhub::shell
