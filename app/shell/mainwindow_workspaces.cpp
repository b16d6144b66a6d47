// MainWindow's workspaces: the desk's arrangement captured, saved, switched and restored.
#include "mainwindow.h"

#include "modulerail.h"
#include "notifications.h"
#include "shelltr.h"
#include "wallwindow.h"

#include "base/clock.h"
#include "module/modulemanager.h"
#include "module/platform.h"
#include "security/session.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QScreen>

namespace hexhub::shell {

Workspace MainWindow::captureWorkspace(const QString& name) const
{
    Workspace w;
    w.name = name;
    w.module = m_rail->currentId();
    w.main = WindowPlace::of(this);
    w.dockState = saveState();
    for (auto it = m_docks.begin(); it != m_docks.end(); ++it) {
        QDockWidget* dock = it.value();
        if (dock->isHidden())
            continue;
        if (dock->isFloating())
            w.floating << FloatingPanel{it.key(), WindowPlace::of(dock)};
        else
            w.docked << it.key();
    }
    for (const WallWindow* wall : m_walls) {
        const QScreen* s = screenNamed(wall->screenName());
        w.walls << WallPlace{wall->screenName(), s ? s->geometry() : QRect(), wall->panels()};
    }
    w.walls += m_parkedWalls;
    for (const auto& [id, view] : openViews()) {
        QJsonObject state;
        if (view->metaObject()->indexOfMethod("saveViewState()") >= 0
            && QMetaObject::invokeMethod(view, "saveViewState", Qt::DirectConnection, Q_RETURN_ARG(QJsonObject, state))
            && !state.isEmpty())
            w.viewStates.insert(id, state);
    }
    return w;
}

QList<QPair<QString, QWidget*>> MainWindow::openViews() const
{
    QList<QPair<QString, QWidget*>> out;
    for (auto it = m_docks.begin(); it != m_docks.end(); ++it) {
        if (!it.value()->isHidden() && it.value()->widget())
            out << qMakePair(it.key(), it.value()->widget());
    }
    for (const WallWindow* wall : m_walls) {
        for (const QString& id : wall->panels()) {
            if (QWidget* view = wall->panel(id))
                out << qMakePair(id, view);
        }
    }
    return out;
}

QStringList MainWindow::applyWorkspace(const Workspace& workspace)
{
    QStringList problems;
    const QList<ScreenPlace> screens = currentScreens();
    for (WallWindow* wall : std::as_const(m_walls)) {
        wall->hide();
        wall->deleteLater();
    }
    m_walls.clear();
    m_parkedWalls.clear();
    for (QDockWidget* dock : std::as_const(m_docks)) {
        dock->setFloating(false);
        dock->hide();
    }
    auto ensure = [&](const QString& id) {
        if (!m_docks.contains(id) && !openPanel(id))
            problems << Tr::tr("The panel %1 is not available to you here.").arg(panelTitle(id));
    };
    for (const QString& id : workspace.docked)
        ensure(id);
    for (const FloatingPanel& f : workspace.floating)
        ensure(f.panel);
    if (workspace.dockState.isEmpty() || !restoreState(workspace.dockState)) {
        for (const QString& id : workspace.docked) {
            if (QDockWidget* dock = m_docks.value(id)) {
                dock->setFloating(false);
                dock->show();
            }
        }
    }
    // What the dock state says about visibility yields to the workspace's own lists.
    for (auto it = m_docks.begin(); it != m_docks.end(); ++it) {
        const bool docked = workspace.docked.contains(it.key());
        const bool floating = std::any_of(workspace.floating.begin(), workspace.floating.end(),
                                          [&](const FloatingPanel& f) { return f.panel == it.key(); });
        if (!docked && !floating)
            it.value()->hide();
        else if (docked && it.value()->isFloating())
            it.value()->setFloating(false);
        if (docked)
            it.value()->show();
    }

    const Placement main = workspace.main.placeAmong(screens);
    // Arranged on fewer or other screens than it was saved for: kept as saved (not saved over with
    // the stand-in places) until the operator saves it on purpose.
    m_workspaceDegraded = main.fellBack;
    if (isMaximized() || isFullScreen())
        showNormal();
    applyPlacement(this, main);
    if (workspace.main.maximized)
        showMaximized();
    else
        show();

    for (const FloatingPanel& f : workspace.floating) {
        QDockWidget* dock = m_docks.value(f.panel);
        if (!dock)
            continue;
        dock->setFloating(true);
        const Placement place = f.place.placeAmong(screens);
        m_workspaceDegraded = m_workspaceDegraded || place.fellBack;
        applyPlacement(dock, place);
        dock->show();
    }
    for (const WallPlace& wall : workspace.walls) {
        QStringList panels;
        for (const QString& id : wall.panels) {
            if (panelAllowed(id))
                panels << id;
            else
                problems << Tr::tr("The panel %1 is not available to you here.").arg(panelTitle(id));
        }
        if (panels.isEmpty())
            continue;
        if (QScreen* s = screenNamed(wall.screen))
            openWall(s, panels);
        else {
            m_parkedWalls << WallPlace{wall.screen, wall.screenGeometry, panels};
            m_workspaceDegraded = true;
        }
    }
    if (!workspace.module.isEmpty())
        showModule(workspace.module);
    // The views' own state last, once every view the workspace opens exists.
    for (const auto& [id, view] : openViews()) {
        const auto state = workspace.viewStates.constFind(id);
        if (state != workspace.viewStates.constEnd() && view->metaObject()->indexOfMethod("restoreViewState(QJsonObject)") >= 0)
            QMetaObject::invokeMethod(view, "restoreViewState", Qt::DirectConnection, Q_ARG(QJsonObject, *state));
    }
    m_workspace = workspace.name;
    return problems;
}

void MainWindow::saveWorkspace(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return;
    m_workspaceStore.save(captureWorkspace(trimmed));
    m_workspace = trimmed;
    m_workspaceDegraded = false;
    if (const Principal who = m_platform.session().principal(); who.isValid())
        m_workspaceStore.setLastUsedBy(who.name, trimmed);
}

bool MainWindow::switchWorkspace(const QString& name)
{
    QString error;
    std::optional<Workspace> w = m_workspaceStore.load(name, &error);
    if (!w && Workspace::defaults().contains(name)) {
        QStringList wallViews;
        for (const ViewFactory& v : m_platform.modules().views()) {
            if (v.area == ViewFactory::Area::Wall && v.onDefaultWall && panelAllowed(v.id))
                wallViews << v.id;
        }
        w = Workspace::builtIn(name, currentScreens(), wallViews);
    }
    if (!w) {
        if (!error.isEmpty())
            m_notifications->post(Notification::Level::Important, Tr::tr("Workspace not restored"),
                                  Tr::tr("The workspace %1 cannot be read: %2").arg(name, error), m_platform.clock().now());
        return false;
    }
    // Whatever was arranged before is kept under its name, so switching back finds it as it was.
    if (!m_workspace.isEmpty() && m_workspace != name && !m_workspaceDegraded)
        m_workspaceStore.save(captureWorkspace(m_workspace));
    const QStringList problems = applyWorkspace(*w);
    if (!problems.isEmpty())
        m_notifications->post(Notification::Level::Info, Tr::tr("Workspace %1").arg(Workspace::displayName(name)),
                              problems.join(QLatin1Char('\n')), m_platform.clock().now());
    if (const Principal who = m_platform.session().principal(); who.isValid())
        m_workspaceStore.setLastUsedBy(who.name, name);
    return true;
}

void MainWindow::restoreWorkspace()
{
    const Principal who = m_platform.session().principal();
    QString name = who.isValid() ? m_workspaceStore.lastUsedBy(who.name) : QString();
    if (name.isEmpty() || !m_workspaceStore.names().contains(name))
        name = Workspace::defaultForRoles(who.roles);
    if (!switchWorkspace(name))
        switchWorkspace(Workspace::defaultForRoles(who.roles));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // The arrangement at the end of a shift is there at the start of the next.
    if (!m_workspace.isEmpty() && m_platform.session().principal().isValid() && !m_workspaceDegraded)
        m_workspaceStore.save(captureWorkspace(m_workspace));
    for (WallWindow* wall : std::as_const(m_walls))
        wall->close();
    QMainWindow::closeEvent(event);
}

} // namespace hexhub::shell
