// The main window's part in accounts: the accounts screen for administrators, changing one's own
// password, and the signed-in user's menu that offers both.
#include "mainwindow.h"

#include "accountsdialog.h"
#include "commandpalette.h"
#include "passworddialog.h"
#include "timelimitsdialog.h"
#include "shelltr.h"
#include "statusindicators.h"

#include "module/platform.h"
#include "security/session.h"

#include <QMenu>
#include <QStatusBar>

namespace hexhub::shell {

AccountsDialog* MainWindow::showAccounts()
{
    if (m_accountsDialog) {
        m_accountsDialog->raise();
        m_accountsDialog->activateWindow();
        return m_accountsDialog;
    }
    if (isLocked() || !m_platform.session().can(QStringLiteral("core.users.manage"))) {
        statusBar()->showMessage(Tr::tr("Only an administrator manages accounts."), 10000);
        return nullptr;
    }
    m_palette->hide();
    m_accountsDialog = new AccountsDialog(m_platform.access(), m_platform.session(), m_theme, this);
    m_accountsDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_accountsDialog->open();
    return m_accountsDialog;
}

TimeLimitsDialog* MainWindow::showTimeLimits()
{
    if (m_timeLimitsDialog) {
        m_timeLimitsDialog->raise();
        m_timeLimitsDialog->activateWindow();
        return m_timeLimitsDialog;
    }
    if (isLocked() || !m_platform.session().can(QString::fromLatin1(TimeLimits::kManagePermission))) {
        statusBar()->showMessage(Tr::tr("Only an administrator changes the time limits."), 10000);
        return nullptr;
    }
    m_palette->hide();
    m_timeLimitsDialog = new TimeLimitsDialog(m_platform, this);
    m_timeLimitsDialog->setAttribute(Qt::WA_DeleteOnClose);
    // Opened for an administrator: when the desk locks or someone else signs in, it goes.
    connect(&m_platform.session(), &Session::changed, m_timeLimitsDialog, [dialog = m_timeLimitsDialog.data(), this] {
        if (!m_platform.session().can(QString::fromLatin1(TimeLimits::kManagePermission)))
            dialog->reject();
    });
    m_timeLimitsDialog->open();
    return m_timeLimitsDialog;
}

PasswordDialog* MainWindow::showChangePassword()
{
    if (m_passwordDialog) {
        m_passwordDialog->raise();
        m_passwordDialog->activateWindow();
        return m_passwordDialog;
    }
    const Principal who = m_platform.session().principal();
    if (isLocked() || !who.isValid()) {
        statusBar()->showMessage(Tr::tr("Sign in first to change your password."), 10000);
        return nullptr;
    }
    m_palette->hide();
    m_passwordDialog = new PasswordDialog(PasswordDialog::Mode::ChangeOwn, m_platform.access(), who.name,
                                          who.displayName, this);
    m_passwordDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_passwordDialog, &QDialog::accepted, this,
            [this] { statusBar()->showMessage(Tr::tr("Your password is changed."), 10000); });
    // Typed for whoever opened it: when the desk locks or another operator signs in, it goes.
    connect(&m_platform.session(), &Session::changed, m_passwordDialog,
            [dialog = m_passwordDialog.data(), name = who.name, this] {
                if (m_platform.session().principal().name != name)
                    dialog->reject();
            });
    m_passwordDialog->open();
    return m_passwordDialog;
}

void MainWindow::buildUserMenu()
{
    m_userMenu = new QMenu(this);
    m_userMenu->setObjectName(QStringLiteral("userMenu"));
    QAction* password = m_userMenu->addAction(QString());
    password->setObjectName(QStringLiteral("changePassword"));
    connect(password, &QAction::triggered, this, [this] { showChangePassword(); });
    QAction* accounts = m_userMenu->addAction(QString());
    accounts->setObjectName(QStringLiteral("accounts"));
    connect(accounts, &QAction::triggered, this, [this] { showAccounts(); });
    QAction* limits = m_userMenu->addAction(QString());
    limits->setObjectName(QStringLiteral("timeLimits"));
    connect(limits, &QAction::triggered, this, [this] { showTimeLimits(); });
    m_userMenu->addSeparator();
    QAction* lockDesk = m_userMenu->addAction(QString());
    lockDesk->setObjectName(QStringLiteral("lock"));
    connect(lockDesk, &QAction::triggered, this, [this] { lock(); });
    lockDesk->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
    lockDesk->setShortcutVisibleInContextMenu(true);
    connect(m_userMenu, &QMenu::aboutToShow, this, &MainWindow::updateUserMenu);
    connect(m_user, &UserIndicator::menuRequested, this, [this](const QPoint& at) {
        if (!m_platform.session().isSignedIn() || isLocked())
            return;
        updateUserMenu();
        m_userMenu->popup(at - QPoint(0, m_userMenu->sizeHint().height())); // upwards from the status bar
    });
    updateUserMenu();
}

void MainWindow::updateUserMenu()
{
    // Texts in the language of the moment, entries for whoever is signed in now.
    const bool signedIn = m_platform.session().isSignedIn() && !isLocked();
    for (QAction* action : m_userMenu->actions()) {
        if (action->objectName() == QLatin1String("changePassword")) {
            action->setText(Tr::tr("Change my password..."));
            action->setEnabled(signedIn);
        } else if (action->objectName() == QLatin1String("accounts")) {
            action->setText(Tr::tr("Accounts..."));
            action->setVisible(signedIn && m_platform.session().can(QStringLiteral("core.users.manage")));
        } else if (action->objectName() == QLatin1String("timeLimits")) {
            action->setText(Tr::tr("Time limits..."));
            action->setVisible(signedIn && m_platform.session().can(QString::fromLatin1(TimeLimits::kManagePermission)));
        } else if (action->objectName() == QLatin1String("lock")) {
            action->setText(Tr::tr("Lock this desk"));
            action->setEnabled(signedIn);
        }
    }
}

} // namespace hexhub::shell
