// MainWindow's walls: a screen given over to panels, opened and closed.
#include "mainwindow.h"

#include "wallwindow.h"

#include "module/modulemanager.h"
#include "module/platform.h"

#include <QScreen>

namespace hexhub::shell {

QStringList MainWindow::defaultWallPanels() const
{
    QStringList panels;
    for (const QString& id : {QStringLiteral("shell.clock"), QStringLiteral("shell.deadlines"), QStringLiteral("shell.notifications")}) {
        if (panelAllowed(id))
            panels << id;
    }
    for (const ViewFactory& v : m_platform.modules().views()) {
        if (v.area == ViewFactory::Area::Wall && v.onDefaultWall && panelAllowed(v.id))
            panels << v.id;
    }
    return panels;
}

WallWindow* MainWindow::openWall(QScreen* screen, const QStringList& panels)
{
    if (!screen || panels.isEmpty())
        return nullptr;
    closeWall(screen->name());
    auto* wall = new WallWindow(
        screen->name(), panels, [this](const QString& id, QWidget* parent) { return createPanel(id, parent); },
        [this](const QString& id) { return panelTitle(id); }, this);
    connect(wall, &WallWindow::closeRequested, this, [this, name = screen->name()] { closeWall(name); });
    m_walls << wall;
    wall->showOn(screen);
    return wall;
}

bool MainWindow::closeWall(const QString& screenName)
{
    m_parkedWalls.erase(std::remove_if(m_parkedWalls.begin(), m_parkedWalls.end(),
                                       [&](const WallPlace& w) { return w.screen == screenName; }),
                        m_parkedWalls.end());
    for (WallWindow* wall : std::as_const(m_walls)) {
        if (wall->screenName() == screenName) {
            m_walls.removeOne(wall);
            wall->hide();
            wall->deleteLater();
            return true;
        }
    }
    return false;
}

} // namespace hexhub::shell
