#pragma once

#include "module/command.h"
#include "theme.h"

#include <QDialog>
#include <QFuture>
#include <QHash>
#include <QPointer>

#include <functional>

class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableView;
class QTimer;

namespace hexhub {
class AccessControl;
class Session;
struct UserAccount;
} // namespace hexhub

namespace hexhub::shell {

class AccountsModel;
class PasswordDialog;

/*!
 * The accounts screen, for administrators: every account (name, display name, roles, whether it is
 * active or locked, when its password last changed), fetched page by page and filtered by name; an
 * account is disabled or enabled, unlocked, given a new password, or given or relieved of a role.
 * Each action is one command (the same id again when a failed one is tried again), runs on the core's
 * threads while the dialog shows it is busy, shows a refusal in the service's own words, and reads
 * the account's row again when it is done. Buttons are offered by permission (core.users.manage,
 * core.roles.manage), but the services check it. The dialog closes when whoever opened it is no
 * longer the one signed in (the desk locked, another operator).
 */
class AccountsDialog final : public QDialog
{
    Q_OBJECT
public:
    AccountsDialog(AccessControl& access, Session& session, const Theme& theme, QWidget* parent = nullptr);
    ~AccountsDialog() override;

    AccountsModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filter; }
    QPushButton* disableButton() const { return m_disable; }
    QPushButton* enableButton() const { return m_enable; }
    QPushButton* unlockButton() const { return m_unlock; }
    QPushButton* resetButton() const { return m_reset; }
    QPushButton* rolesButton() const { return m_roles; }
    QMenu* rolesMenu() const { return m_rolesMenu; }
    //! The reset-password dialog open now, or null.
    PasswordDialog* passwordDialog() const { return m_passwordDialog; }
    //! The account selected in the table, or null.
    const UserAccount* selectedAccount() const;
    //! The last refusal, in the service's words; empty when the last action went through.
    QString error() const;
    //! What the last action did, for the operator; empty after a refusal.
    QString status() const;
    //! Whether an action is under way (its buttons are disabled until it ends).
    bool isBusy() const { return m_running > 0; }

    //! Disables the selected account; the same for enable() and unlock().
    void disableSelected();
    void enableSelected();
    void unlockSelected();
    //! Asks for a new password for the selected account (PasswordDialog).
    void resetSelected();

Q_SIGNALS:
    //! An action ended, done or refused (error() says which).
    void actionFinished();

private:
    void updateActions();
    void updateBusy();
    void updateCount();
    void rebuildRolesMenu();
    void changeRole(const QString& role, bool grant);
    /*!
     * Runs one action on account `user`: `key` names it among the actions of this dialog, so the
     * command id of one that failed is sent again when it is tried again (applied at most once).
     */
    void run(const QString& key, const QString& user, const QString& done,
             const std::function<QFuture<void>(const CommandId&)>& action);
    void showError(const QString& message);
    void showStatus(const QString& message);

    AccessControl& m_access;
    Session& m_session;
    QString m_openedBy;
    bool m_mayManageUsers;
    bool m_mayManageRoles;
    AccountsModel* m_model;
    QLineEdit* m_filter;
    QTimer* m_filterDelay;
    QLabel* m_count;
    QTableView* m_table;
    QPushButton* m_disable;
    QPushButton* m_enable;
    QPushButton* m_unlock;
    QPushButton* m_reset;
    QPushButton* m_roles;
    QMenu* m_rolesMenu;
    QLabel* m_refused;
    QLabel* m_error;
    QLabel* m_status;
    QLabel* m_busy;
    QPointer<PasswordDialog> m_passwordDialog;
    QHash<QString, CommandId> m_retries; //!< actions that failed, by key: their id, for trying again
    int m_running = 0;
};

} // namespace hexhub::shell
