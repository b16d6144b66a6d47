#pragma once

#include "screenfit.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace hexhub::shell {

//! A panel torn off the main window into its own window.
struct FloatingPanel
{
    QString panel;
    WindowPlace place;
};

//! A screen turned into a wall and the panels it shows.
struct WallPlace
{
    QString screen;
    QRect screenGeometry;
    QStringList panels;

    bool operator==(const WallPlace&) const = default;
};

/*!
 * A named arrangement of the desk: the main window and the screen it was on, its dock layout, the
 * panels torn off (with their screens), the walls, and the module shown. Saved in the desk's settings
 * file as JSON; restored onto whatever screens exist then (see MainWindow::applyWorkspace()).
 */
struct Workspace
{
    QString name;
    QString module;
    WindowPlace main;
    QByteArray dockState; //!< QMainWindow::saveState()
    QStringList docked;   //!< panels open in the main window's dock areas
    QList<FloatingPanel> floating;
    QList<WallPlace> walls;
    /*!
     * What the open views keep of themselves (a video wall's layout and cameras, say), by view id:
     * a view offers it with `Q_INVOKABLE QJsonObject saveViewState() const` and takes it back with
     * `Q_INVOKABLE void restoreViewState(const QJsonObject&)`.
     */
    QHash<QString, QJsonObject> viewStates;

    QJsonObject toJson() const;
    //! Nullopt with `error` set when `json` is not a workspace.
    static std::optional<Workspace> fromJson(const QJsonObject& json, QString* error = nullptr);

    //! The built-in workspaces, one per kind of user.
    static QString operatorDefault() { return QStringLiteral("operator"); }
    static QString supervisorDefault() { return QStringLiteral("supervisor"); }
    static QString trainerDefault() { return QStringLiteral("trainer"); }
    static QStringList defaults() { return {operatorDefault(), supervisorDefault(), trainerDefault()}; }
    //! The built-in workspace for someone with these roles.
    static QString defaultForRoles(const QStringList& roles);
    //! The translated name of a built-in workspace; other names as they are.
    static QString displayName(const QString& name);
    /*!
     * A built-in workspace laid out on `screens` (the primary first): the desk operator works on one
     * screen; the hub supervisor has walls on the second and third screens (the clock, deadlines and
     * notifications; the modules' wall views); the trainer a wall on the second.
     */
    static Workspace builtIn(const QString& name, const QList<ScreenPlace>& screens, const QStringList& moduleWallViews);
};

//! The saved workspaces in the desk's settings file, and which one each user used last.
class WorkspaceStore
{
public:
    explicit WorkspaceStore(QSettings& settings);

    QStringList names() const;
    //! The saved workspace `name`; for a built-in name never saved, nullopt. A damaged entry: nullopt
    //! with `error` set.
    std::optional<Workspace> load(const QString& name, QString* error = nullptr) const;
    void save(const Workspace& workspace);
    void remove(const QString& name);
    QString lastUsedBy(const QString& user) const;
    void setLastUsedBy(const QString& user, const QString& name);

private:
    QSettings& m_settings;
};

} // namespace hexhub::shell
