// MainWindow's panels: the shell's own and the modules', docked or torn off onto a screen.
#include "mainwindow.h"

#include "notifications.h"
#include "panels.h"
#include "shelltr.h"

#include "module/modulemanager.h"
#include "module/platform.h"
#include "security/session.h"
#include "shared/deadlines.h"

#include <QDockWidget>
#include <QFutureWatcher>
#include <QScreen>

namespace hexhub::shell {

namespace {

const QStringList& shellPanels()
{
    static const QStringList ids{QStringLiteral("shell.notifications"), QStringLiteral("shell.deadlines"),
                                 QStringLiteral("shell.clock"), QStringLiteral("shell.outbox")};
    return ids;
}

} // namespace

void MainWindow::addPanel(const ViewFactory& panel)
{
    m_extraPanels.removeIf([&](const ViewFactory& p) { return p.id == panel.id; });
    m_extraPanels << panel;
}

QStringList MainWindow::panelIds() const
{
    QStringList ids;
    for (const QString& id : shellPanels()) {
        if (panelAllowed(id))
            ids << id;
    }
    for (const ViewFactory& p : m_extraPanels) {
        if (panelAllowed(p.id))
            ids << p.id;
    }
    for (const ViewFactory& v : m_platform.modules().views()) {
        if (v.area != ViewFactory::Area::Central && panelAllowed(v.id))
            ids << v.id;
    }
    return ids;
}

QString MainWindow::panelTitle(const QString& id) const
{
    if (id == QLatin1String("shell.notifications"))
        return Tr::tr("Notifications");
    if (id == QLatin1String("shell.deadlines"))
        return Tr::tr("Deadlines");
    if (id == QLatin1String("shell.clock"))
        return Tr::tr("Clock");
    if (id == QLatin1String("shell.outbox"))
        return Tr::tr("Changes waiting");
    for (const ViewFactory& p : m_extraPanels) {
        if (p.id == id)
            return p.translatedTitle ? p.translatedTitle() : p.title;
    }
    for (const ViewFactory& v : m_platform.modules().views()) {
        if (v.id == id)
            return v.translatedTitle ? v.translatedTitle() : v.title;
    }
    return id;
}

bool MainWindow::panelAllowed(const QString& id) const
{
    const Session& session = m_platform.session();
    if (!session.principal().isValid() || isLocked())
        return false;
    if (shellPanels().contains(id))
        return true;
    for (const ViewFactory& p : m_extraPanels) {
        if (p.id == id)
            return p.permission.isEmpty() || session.can(p.permission);
    }
    for (const ViewFactory& v : m_platform.modules().views()) {
        if (v.id == id)
            return v.area != ViewFactory::Area::Central && v.create && (v.permission.isEmpty() || session.can(v.permission));
    }
    return false;
}

QWidget* MainWindow::createPanel(const QString& id, QWidget* parent)
{
    if (!panelAllowed(id))
        return nullptr;
    if (id == QLatin1String("shell.notifications"))
        return new NotificationList(*m_notifications, parent);
    if (id == QLatin1String("shell.deadlines")) {
        auto* list = new DeadlineList(*m_deadlines, m_platform.clock(), parent);
        list->setTheme(m_theme);
        list->setModuleNames(moduleNames());
        list->setFilter([this](const QString& module) { return moduleVisible(module); });
        list->setAcknowledge([this, list](const QString& key) {
            auto* watcher = new QFutureWatcher<void>(list);
            connect(watcher, &QFutureWatcherBase::finished, list, [watcher, list] {
                watcher->deleteLater();
                try {
                    watcher->waitForFinished();
                } catch (const std::exception& e) {
                    list->showError(QString::fromUtf8(e.what()));
                }
            });
            watcher->setFuture(acknowledgeDeadline(m_platform.store(), key, m_platform.session().actorName()));
        });
        return list;
    }
    if (id == QLatin1String("shell.clock"))
        return new BigClock(m_platform.clock(), parent);
    if (id == QLatin1String("shell.outbox"))
        return new OutboxPanel(m_platform.outbox(), m_platform.session(), parent);
    for (const ViewFactory& p : m_extraPanels) {
        if (p.id == id)
            return p.create(parent);
    }
    for (const ViewFactory& v : m_platform.modules().views()) {
        if (v.id == id)
            return v.create(parent);
    }
    return nullptr;
}

QDockWidget* MainWindow::openPanel(const QString& id)
{
    QDockWidget* dock = m_docks.value(id);
    if (!dock) {
        QWidget* content = createPanel(id, nullptr);
        if (!content)
            return nullptr;
        dock = new QDockWidget(panelTitle(id), this);
        dock->setObjectName(QStringLiteral("panel:") + id);
        dock->setWidget(content);
        // Below the panels already there, as tabs: a new panel never squeezes the module's view.
        QDockWidget* neighbour = nullptr;
        for (QDockWidget* other : std::as_const(m_docks)) {
            if (!other->isFloating() && other->isVisible() && dockWidgetArea(other) == Qt::RightDockWidgetArea) {
                neighbour = other;
                break;
            }
        }
        addDockWidget(Qt::RightDockWidgetArea, dock);
        if (neighbour)
            tabifyDockWidget(neighbour, dock);
        m_docks.insert(id, dock);
    }
    dock->show();
    dock->raise();
    return dock;
}

bool MainWindow::tearOff(const QString& id, QScreen* screen)
{
    QDockWidget* dock = openPanel(id);
    if (!dock || !screen)
        return false;
    dock->setFloating(true);
    const QRect area = screen->availableGeometry();
    // A third of the screen, at least readable, centred; placeWindow() keeps it fully visible.
    const QSize size = QSize(std::max(area.width() / 3, 420), std::max(area.height() / 2, 360)).boundedTo(area.size());
    const QRect wanted(area.center() - QPoint(size.width() / 2, size.height() / 2), size);
    applyPlacement(dock, placeWindow(wanted, screen->name(), screen->geometry(), currentScreens()));
    dock->show();
    dock->raise();
    return true;
}

} // namespace hexhub::shell
