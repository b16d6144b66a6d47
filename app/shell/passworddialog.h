#pragma once

#include "module/command.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hexhub {
class AccessControl;
} // namespace hexhub

namespace hexhub::shell {

/*!
 * A new password, typed twice: an administrator resetting someone's (AccessControl::resetPassword())
 * or the signed-in user changing their own after typing the current one
 * (AccessControl::changeOwnPassword()). What the password checker says about the new one shows as it
 * is typed; the service runs on the core's threads while the dialog shows it is busy, and a refusal
 * shows in the service's own words with everything typed kept. The dialog accepts once the password
 * is set.
 */
class PasswordDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Reset, ChangeOwn };

    /*!
     * `userName`: whose password (for Reset), or the signed-in user's (for ChangeOwn; the checker
     * refuses a password containing it). `displayName` names them in the dialog.
     */
    PasswordDialog(Mode mode, AccessControl& access, const QString& userName, const QString& displayName,
                   QWidget* parent = nullptr);

    Mode mode() const { return m_mode; }
    QString userName() const { return m_userName; }
    QLineEdit* currentEdit() const { return m_current; } //!< null when resetting
    QLineEdit* newEdit() const { return m_new; }
    QLineEdit* repeatEdit() const { return m_repeat; }
    QPushButton* setButton() const { return m_set; }
    //! What the checker says about the new password, or that the two differ; empty when neither.
    QString hint() const;
    //! The last refusal, in the service's words; empty when none.
    QString error() const;
    bool isBusy() const { return m_busy; }

    //! Sets the password (when the two agree and the checker has nothing against it); accepts on success.
    void accept() override;
    //! Closes, unless the password is being set (the operator would not know whether it was).
    void reject() override;

private:
    void updateHint();
    void setBusy(bool busy);
    void showError(const QString& message);
    void finished(const QString& failure);

    Mode m_mode;
    AccessControl& m_access;
    QString m_userName;
    CommandId m_command; //!< one reset: the same while the password typed stays the same
    QLineEdit* m_current = nullptr;
    QLineEdit* m_new;
    QLineEdit* m_repeat;
    QLabel* m_hint;
    QLabel* m_error;
    QLabel* m_busyLabel;
    QDialogButtonBox* m_buttons;
    QPushButton* m_set;
    bool m_busy = false;
};

} // namespace hexhub::shell
