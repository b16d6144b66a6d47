#include "security/session.h"

#include "base/coretr.h"

#include "base/error.h"

#include <QCoreApplication>

namespace hexhub {

Session::Session(QObject* parent)
    : QObject(parent)
{
}

Principal Session::principal() const
{
    QMutexLocker lock(&m_mutex);
    return m_principal;
}

bool Session::isSignedIn() const
{
    QMutexLocker lock(&m_mutex);
    return m_principal.isValid();
}

bool Session::can(const QString& permission) const
{
    QMutexLocker lock(&m_mutex);
    return m_principal.can(permission);
}

QString Session::actorName() const
{
    QMutexLocker lock(&m_mutex);
    return m_principal.isValid() ? m_principal.name : QStringLiteral("system");
}

void Session::require(const QString& permission, const QString& action) const
{
    require(principal(), permission, action);
}

void Session::require(const Principal& principal, const QString& permission, const QString& action)
{
    if (!principal.isValid())
        throw PermissionDenied(Tr::tr("Sign in first: to %1 you need the permission '%2'.")
                                   .arg(action, permission),
                               permission);
    if (!principal.can(permission))
        throw PermissionDenied(
            Tr::tr("Permission denied: to %1 you need the permission '%2', which "
                                        "%3 (roles: %4) does not have.")
                .arg(action, permission, principal.name,
                     principal.roles.isEmpty() ? QStringLiteral("-") : principal.roles.join(QStringLiteral(", "))),
            permission);
}

void Session::setPrincipal(const Principal& principal)
{
    {
        QMutexLocker lock(&m_mutex);
        m_principal = principal;
    }
    Q_EMIT changed();
}

void Session::clear()
{
    setPrincipal(Principal{});
}

} // namespace hexhub
