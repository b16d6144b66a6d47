#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace hexhub {
class AccessControl;
class Session;
} // namespace hexhub

namespace hexhub::shell {

/*!
 * Signing in at a desk. On a store without any user it opens on the setup of the first
 * administrator instead. Checks run on the core's threads; the dialog shows a busy state meanwhile
 * and the core's own messages (wrong password, locked account) when they fail. On success the
 * principal is put into the Session and the dialog accepts.
 */
class SignInDialog final : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(AccessControl& access, Session& session, QWidget* parent = nullptr);

    //! Starts by asking the store whether any user exists; the right page shows when it answers.
    void start();
    bool isSetupPage() const;
    //! Lock mode: the desk was locked while `user` was signed in. Their name is filled in; another
    //! operator may type theirs instead (switching user).
    void setLockedUser(const QString& user);
    QString error() const;

Q_SIGNALS:
    //! The page is ready for input (after start(), and after each failed attempt).
    void ready();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void signIn();
    void createAdministrator();
    void setBusy(bool busy);
    void showError(const QString& message);

    AccessControl& m_access;
    Session& m_session;
    QStackedWidget* m_pages;
    QWidget* m_signInPage;
    QWidget* m_setupPage;
    QLineEdit* m_name;
    QLineEdit* m_password;
    QLineEdit* m_adminName;
    QLineEdit* m_adminPassword;
    QLineEdit* m_adminRepeat;
    QPushButton* m_signInButton;
    QPushButton* m_createButton;
    QLabel* m_error;
    QLabel* m_busy;
    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_nameLabel;
    QLabel* m_passwordLabel;
    QLabel* m_adminNameLabel;
    QLabel* m_adminPasswordLabel;
    QLabel* m_adminRepeatLabel;
    QLabel* m_intro;
    QString m_lockedUser;
};

} // namespace hexhub::shell
