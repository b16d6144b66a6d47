#pragma once

#include "base/hexhubcore_export.h"

#include <QMutex>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace hexhub {

//! A signed-in user as the core services see them: identity, roles and effective permissions.
struct HEXHUB_CORE_EXPORT Principal
{
    qint64 userId = 0;
    QString name;
    QString displayName;
    QStringList roles;
    QSet<QString> permissions;
    /*!
     * Derived from the password at sign-in (AccessControl::signIn, Outbox::deskKey()): seals what
     * this operator keeps in the desk's outbox, so nobody else at the desk can put work in their
     * name there. Never stored or sent; empty for a principal not signed in by password.
     */
    QByteArray deskKey;

    bool isValid() const { return userId > 0; }
    bool can(const QString& permission) const { return permissions.contains(permission); }
    bool hasRole(const QString& role) const { return roles.contains(role); }
};

/*!
 * Who is signed in at this desk. Core services ask it before they change data and refuse with
 * PermissionDenied; the shell asks it to grey out what the user may not use. Thread-safe.
 */
class HEXHUB_CORE_EXPORT Session final : public QObject
{
    Q_OBJECT
public:
    explicit Session(QObject* parent = nullptr);

    Principal principal() const;
    bool isSignedIn() const;
    bool can(const QString& permission) const;
    //! Actor name for audit rows and events: the user's name, or "system" when nobody is signed in.
    QString actorName() const;

    /*!
     * Throws PermissionDenied unless the signed-in user has `permission`. `action` says in words what
     * was attempted ("create a user"), for the message.
     */
    void require(const QString& permission, const QString& action) const;
    static void require(const Principal& principal, const QString& permission, const QString& action);

    void setPrincipal(const Principal& principal);
    void clear();

Q_SIGNALS:
    void changed();

private:
    mutable QMutex m_mutex;
    Principal m_principal;
};

} // namespace hexhub
