#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QTimer;

namespace hexhub {
class Platform;
}

namespace hexhub::shell {

class ModuleRail;

/*!
 * Keeps the rail's badges: each module's count of pending items (ModuleContext::setRailBadge()), read
 * on the store's read threads when the desk starts, when someone signs in or the role changes, and
 * again shortly after each event the module names; never on the GUI thread. A count that is read
 * while a newer one is asked for is dropped.
 */
class RailBadges final : public QObject
{
    Q_OBJECT
public:
    RailBadges(Platform& platform, ModuleRail& rail, QObject* parent = nullptr);

    //! Reads every badge again now (the signed-in user changed).
    void refreshAll();
    //! How many counts have been applied to the rail so far (for tests and the status).
    int applied() const { return m_applied; }

Q_SIGNALS:
    void updated(const QString& moduleId, int count);

private:
    void refresh(const QString& moduleId);

    Platform& m_platform;
    ModuleRail& m_rail;
    QHash<QString, quint64> m_generation;
    QHash<QString, QTimer*> m_pending;
    int m_applied = 0;
};

} // namespace hexhub::shell
