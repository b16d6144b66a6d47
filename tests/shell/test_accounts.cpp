// The accounts screen and "Change my password": driven through their buttons as an administrator or
// an operator would, with the services' answers checked in the store (who can sign in afterwards);
// rendered to PNG in both themes and both languages for a person to look at.
#include "shelltest.h"

#include "accountsdialog.h"
#include "accountsmodel.h"
#include "commandpalette.h"
#include "language.h"
#include "mainwindow.h"
#include "passworddialog.h"
#include "theme.h"

#include "security/password.h"
#include "store/store.h"

#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::shell;

namespace {

const QString kDeskPassword = QStringLiteral("Desk-Passw0rd-42"); // signInAs()'s
const QString kOperatorPassword = QStringLiteral("Harbour-Lights-19");

void addOperator(TestPlatform& tp, const QString& name, const QString& displayName, const QString& role)
{
    await(tp->access().createUserBySystem(NewUser{name, displayName, kOperatorPassword, {role}}));
}

// A started desk with the administrator "chief" signed in.
struct AdminDesk
{
    TestPlatform tp = startedPlatform();
    AdminDesk()
    {
        tp.start();
        signInAs(tp, QStringLiteral("chief"), QStringLiteral("administrator"));
    }
};

void showOnScreen(QWidget& widget)
{
    widget.show();
    REQUIRE(QTest::qWaitForWindowExposed(&widget));
}

//! Clicks the row of account `name` in the dialog's table, once the table has it.
void clickAccount(AccountsDialog& dialog, const QString& name)
{
    REQUIRE(waitUntil([&] { return dialog.model()->rowOf(name) >= 0; }));
    const QModelIndex index = dialog.model()->index(dialog.model()->rowOf(name), AccountsModel::NameColumn);
    dialog.table()->scrollTo(index);
    QTest::mouseClick(dialog.table()->viewport(), Qt::LeftButton, {},
                      dialog.table()->visualRect(index).center());
    REQUIRE(dialog.selectedAccount());
    REQUIRE(dialog.selectedAccount()->name == name);
}

QString stateOf(AccountsDialog& dialog, const QString& name)
{
    const int row = dialog.model()->rowOf(name);
    return dialog.model()->index(row, AccountsModel::StateColumn).data().toString();
}

//! Clicks `button` and waits for the action it starts to end.
void press(AccountsDialog& dialog, QPushButton* button)
{
    REQUIRE(button->isVisible());
    REQUIRE(button->isEnabled());
    QSignalSpy finished(&dialog, &AccountsDialog::actionFinished);
    QTest::mouseClick(button, Qt::LeftButton);
    CHECK(dialog.isBusy()); // the service answers later, never inside the click
    CHECK_FALSE(button->isEnabled());
    REQUIRE(waitUntil([&] { return finished.count() > 0; }));
    CHECK_FALSE(dialog.isBusy());
}

void typeInto(QLineEdit* edit, const QString& text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

TEST_CASE("Accounts: an administrator disables and enables a user with the dialog's buttons",
          "[shell][accounts]")
{
    AdminDesk desk;
    TestPlatform& tp = desk.tp;
    addOperator(tp, QStringLiteral("desk9"), QStringLiteral("Li Wei"),
                QStringLiteral("supervision_operator"));
    MainWindow window(*tp);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    // From the command palette, as an administrator finds it.
    runPaletteCommand(window, QStringLiteral("Accounts"));
    auto* dialog = window.findChild<AccountsDialog*>();
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    REQUIRE(waitUntil([&] { return dialog->model()->total() == 2; }));
    CHECK(dialog->findChild<QLabel*>(QStringLiteral("count"))->text() ==
          QStringLiteral("Accounts found: 2"));
    CHECK_FALSE(dialog->disableButton()->isEnabled()); // nothing selected yet

    clickAccount(*dialog, QStringLiteral("desk9"));
    CHECK(stateOf(*dialog, QStringLiteral("desk9")) == QStringLiteral("Active"));
    CHECK(dialog->model()
              ->index(dialog->model()->rowOf(QStringLiteral("desk9")), AccountsModel::RolesColumn)
              .data()
              .toString() == QStringLiteral("Supervision operator"));
    CHECK_FALSE(dialog->enableButton()->isEnabled());
    CHECK_FALSE(dialog->unlockButton()->isEnabled());
    press(*dialog, dialog->disableButton());
    CHECK(dialog->error().isEmpty());
    CHECK(dialog->status() == QStringLiteral("desk9 is disabled and cannot sign in."));
    CHECK(stateOf(*dialog, QStringLiteral("desk9")) == QStringLiteral("Disabled"));
    CHECK_FALSE(dialog->disableButton()->isEnabled());
    CHECK(dialog->enableButton()->isEnabled());
    CHECK_FALSE(await(tp->access().signIn(QStringLiteral("desk9"), kOperatorPassword)).ok);

    press(*dialog, dialog->enableButton());
    CHECK(stateOf(*dialog, QStringLiteral("desk9")) == QStringLiteral("Active"));
    CHECK(await(tp->access().signIn(QStringLiteral("desk9"), kOperatorPassword)).ok);

    // One's own account is not offered; asked anyway, the service's refusal shows in its own words.
    clickAccount(*dialog, QStringLiteral("chief"));
    CHECK_FALSE(dialog->disableButton()->isEnabled());
    QSignalSpy finished(dialog, &AccountsDialog::actionFinished);
    dialog->disableSelected();
    REQUIRE(waitUntil([&] { return finished.count() > 0; }));
    CHECK(dialog->error() == failureOf(tp->access().setActive(QStringLiteral("chief"), false)));
    CHECK(dialog->error().contains(QStringLiteral("your own account")));
    CHECK(dialog->status().isEmpty());
    CHECK(stateOf(*dialog, QStringLiteral("chief")) == QStringLiteral("Active"));

    // Both the disable and the enable were audited, each once, as the administrator's.
    const int audited = await(tp->store().read([](Sql& sql) {
        return sql
            .scalar(QStringLiteral(
                "SELECT COUNT(*) FROM audit_log WHERE actor = 'chief' AND object = 'user:desk9' "
                "AND outcome = 'success' AND action IN ('user.disabled', 'user.enabled')"))
            .toInt();
    }));
    CHECK(audited == 2);
}

TEST_CASE("Accounts: the list is filtered by name and unlocks a locked account", "[shell][accounts]")
{
    AdminDesk desk;
    TestPlatform& tp = desk.tp;
    addOperator(tp, QStringLiteral("desk1"), QStringLiteral("Li Wei"),
                QStringLiteral("supervision_operator"));
    addOperator(tp, QStringLiteral("desk2"), QStringLiteral("Zhang Min"), QStringLiteral("auditor"));
    for (int i = 0; i < AccessControl::kMaxFailedAttempts; ++i)
        await(tp->access().signIn(QStringLiteral("desk2"), QStringLiteral("Wrong-Guess-%1x").arg(i)));
    AccountsDialog dialog(tp->access(), tp->session(), Theme::day());
    showOnScreen(dialog);
    REQUIRE(waitUntil([&] { return dialog.model()->rowCount() == 3 && dialog.model()->total() == 3; }));

    QTest::keyClicks(dialog.filterEdit(), QStringLiteral("zhang"));
    QTest::keyClick(dialog.filterEdit(), Qt::Key_Return);
    REQUIRE(waitUntil([&] { return dialog.model()->total() == 1 && dialog.model()->rowCount() == 1; }));
    CHECK(dialog.model()->account(0)->name == QStringLiteral("desk2"));
    CHECK(dialog.findChild<QLabel*>(QStringLiteral("count"))->text() ==
          QStringLiteral("Accounts found: 1"));
    CHECK(stateOf(dialog, QStringLiteral("desk2")).startsWith(QStringLiteral("Locked until ")));
    clickAccount(dialog, QStringLiteral("desk2"));
    press(dialog, dialog.unlockButton());
    CHECK(dialog.status() == QStringLiteral("desk2 is unlocked."));
    CHECK(stateOf(dialog, QStringLiteral("desk2")) == QStringLiteral("Active"));
    CHECK_FALSE(dialog.unlockButton()->isEnabled());
    CHECK(await(tp->access().signIn(QStringLiteral("desk2"), kOperatorPassword)).ok);

    // A role given and taken away from the Roles menu; the row shows it.
    QAction* trainer = nullptr;
    Q_EMIT dialog.rolesMenu()->aboutToShow();
    for (QAction* action : dialog.rolesMenu()->actions()) {
        if (action->objectName() == QLatin1String("role:trainer"))
            trainer = action;
    }
    REQUIRE(trainer);
    CHECK_FALSE(trainer->isChecked());
    QSignalSpy finished(&dialog, &AccountsDialog::actionFinished);
    trainer->trigger();
    REQUIRE(waitUntil([&] { return finished.count() > 0; }));
    CHECK(dialog.status() == QStringLiteral("desk2 now has the role Trainer."));
    CHECK(dialog.selectedAccount()->roles ==
          QStringList{QStringLiteral("auditor"), QStringLiteral("trainer")});
    CHECK(await(tp->access().principalFor(QStringLiteral("desk2"))).hasRole(QStringLiteral("trainer")));

    // Nothing found: an empty table and the count says so.
    dialog.filterEdit()->setText(QStringLiteral("nobody-by-that-name"));
    QTest::keyClick(dialog.filterEdit(), Qt::Key_Return);
    REQUIRE(waitUntil([&] { return dialog.model()->total() == 0 && !dialog.model()->isLoading(); }));
    CHECK(dialog.model()->rowCount() == 0);
    CHECK(dialog.findChild<QLabel*>(QStringLiteral("count"))->text() ==
          QStringLiteral("Accounts found: 0"));
}

TEST_CASE("Accounts: many accounts are fetched page by page as the table scrolls", "[shell][accounts]")
{
    AdminDesk desk;
    TestPlatform& tp = desk.tp;
    const int extra = AccountsModel::kPageSize + 10;
    await(tp->store().write([extra](WriteTransaction& txn) {
        // Straight into the table: 60 password hashes would only slow the test down.
        for (int i = 0; i < extra; ++i) {
            txn.exec(
                QStringLiteral(
                    "INSERT INTO users (name, display_name, password_hash, salt, iterations, created_at, "
                    "password_changed_at) VALUES (?, ?, '00', '00', 1, 0, 0)"),
                {QStringLiteral("op%1").arg(i, 3, 10, QLatin1Char('0')),
                 QStringLiteral("Operator %1").arg(i)});
        }
    }));
    AccountsDialog dialog(tp->access(), tp->session(), Theme::day());
    showOnScreen(dialog);
    REQUIRE(
        waitUntil([&] { return dialog.model()->total() == extra + 1 && !dialog.model()->isLoading(); }));
    CHECK(dialog.model()->rowCount() == AccountsModel::kPageSize); // one page, until the table needs more
    dialog.table()->scrollToBottom();
    REQUIRE(waitUntil([&] { return dialog.model()->rowCount() == extra + 1; }));
    CHECK(dialog.model()->account(extra)->name == QStringLiteral("op059"));
    CHECK(dialog.model()->account(0)->name == QStringLiteral("chief"));
}

TEST_CASE("Accounts: a password reset through the dialog is the one the user signs in with",
          "[shell][accounts]")
{
    AdminDesk desk;
    TestPlatform& tp = desk.tp;
    addOperator(tp, QStringLiteral("desk9"), QStringLiteral("Li Wei"),
                QStringLiteral("supervision_operator"));
    AccountsDialog dialog(tp->access(), tp->session(), Theme::day());
    showOnScreen(dialog);
    clickAccount(dialog, QStringLiteral("desk9"));
    QTest::mouseClick(dialog.resetButton(), Qt::LeftButton);
    QPointer<PasswordDialog> reset = dialog.passwordDialog();
    REQUIRE(reset);
    CHECK(reset->mode() == PasswordDialog::Mode::Reset);
    CHECK_FALSE(reset->currentEdit());
    CHECK(reset->findChild<QLabel*>(QStringLiteral("intro"))
              ->text()
              .contains(QStringLiteral("Li Wei (desk9)")));

    // What the checker says shows as the password is typed; a weak one is not sent.
    QTest::keyClicks(reset->newEdit(), QStringLiteral("short"));
    CHECK(reset->hint() == PasswordHasher::weakness(QStringLiteral("short"), QStringLiteral("desk9")));
    typeInto(reset->newEdit(), QStringLiteral("Desk9-Is-My-Name-1"));
    CHECK(reset->hint().contains(QStringLiteral("account name")));
    QTest::mouseClick(reset->setButton(), Qt::LeftButton);
    CHECK_FALSE(reset->isBusy());
    CHECK(reset->error() ==
          PasswordHasher::weakness(QStringLiteral("Desk9-Is-My-Name-1"), QStringLiteral("desk9")));

    // Two that differ are not sent either; what was typed stays.
    const QString fresh = QStringLiteral("Fresh-Winter-Lantern-42");
    typeInto(reset->newEdit(), fresh);
    CHECK(reset->hint().isEmpty());
    typeInto(reset->repeatEdit(), QStringLiteral("Fresh-Winter-Lantern-43"));
    CHECK(reset->hint() == QStringLiteral("The two passwords differ."));
    QTest::mouseClick(reset->setButton(), Qt::LeftButton);
    CHECK(reset->error() == QStringLiteral("The two passwords differ."));
    CHECK(reset->newEdit()->text() == fresh);

    QSignalSpy finished(&dialog, &AccountsDialog::actionFinished);
    typeInto(reset->repeatEdit(), fresh);
    QTest::mouseClick(reset->setButton(), Qt::LeftButton);
    CHECK(reset->isBusy());
    CHECK_FALSE(reset->setButton()->isEnabled());
    REQUIRE(waitUntil([&] { return finished.count() > 0; }));
    CHECK_FALSE(reset); // closed once the password was set
    CHECK(dialog.status() == QStringLiteral("The password of desk9 is reset."));
    CHECK_FALSE(await(tp->access().signIn(QStringLiteral("desk9"), kOperatorPassword)).ok);
    CHECK(await(tp->access().signIn(QStringLiteral("desk9"), fresh)).ok);
}

TEST_CASE("Accounts: an operator gets no accounts screen, and the services refuse them",
          "[shell][accounts]")
{
    AdminDesk desk;
    TestPlatform& tp = desk.tp;
    addOperator(tp, QStringLiteral("clerk"), QStringLiteral("Wang Fang"),
                QStringLiteral("case_management_operator"));
    const SignInResult clerk = await(tp->access().signIn(QStringLiteral("clerk"), kOperatorPassword));
    REQUIRE(clerk.ok);
    tp->session().setPrincipal(clerk.principal);
    MainWindow window(*tp);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    CHECK_FALSE(window.showAccounts());
    CHECK_FALSE(window.findChild<AccountsDialog*>());
    CHECK(window.statusBar()->currentMessage() ==
          QStringLiteral("Only an administrator manages accounts."));
    window.showPalette();
    CHECK_FALSE(window.palette()->shownTitles().contains(QStringLiteral("Accounts...")));
    CHECK(window.palette()->shownTitles().contains(QStringLiteral("Change my password...")));
    window.palette()->hide();
    Q_EMIT window.userMenu()->aboutToShow();
    for (QAction* action : window.userMenu()->actions()) {
        if (action->objectName() == QLatin1String("accounts"))
            CHECK_FALSE(action->isVisible());
    }

    // Made for them anyway, the screen offers no action and the service refuses the list.
    AccountsDialog dialog(tp->access(), tp->session(), Theme::day());
    CHECK(dialog.disableButton()->isHidden());
    CHECK(dialog.resetButton()->isHidden());
    CHECK(dialog.rolesButton()->isHidden());
    CHECK(dialog.findChild<QLabel*>(QStringLiteral("refused"))->isVisibleTo(&dialog));
    REQUIRE(waitUntil([&] { return !dialog.error().isEmpty(); }));
    CHECK(dialog.error() == failureOf(tp->access().accounts(QString(), 0, AccountsModel::kPageSize)));
    CHECK(dialog.error().contains(QStringLiteral("core.users.manage")));
    CHECK(dialog.model()->rowCount() == 0);
    CHECK(failureOf(tp->access().setActive(QStringLiteral("chief"), false))
              .contains(QStringLiteral("core.users.manage")));
    CHECK(failureOf(
              tp->access().resetPassword(QStringLiteral("chief"), QStringLiteral("Taken-Over-Account-1")))
              .contains(QStringLiteral("core.users.manage")));
    CHECK(await(tp->access().signIn(QStringLiteral("chief"), kDeskPassword)).ok);
}

TEST_CASE("Accounts: the screen closes when the desk locks", "[shell][accounts]")
{
    AdminDesk desk;
    TestPlatform& tp = desk.tp;
    MainWindow window(*tp);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QPointer<AccountsDialog> dialog = window.showAccounts();
    REQUIRE(dialog);
    CHECK(window.showAccounts() == dialog.data()); // one at a time
    window.lock();
    REQUIRE(waitUntil([&] { return !dialog; }));
    CHECK_FALSE(window.showAccounts());
}

TEST_CASE("Change my password: from the user's menu, the current password checked first",
          "[shell][accounts]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("clerk"), QStringLiteral("case_management_operator"));
    MainWindow window(*tp);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    // A click on one's name in the status bar opens the menu, beside locking the desk.
    QWidget* user = window.statusBar()->findChild<QWidget*>(QStringLiteral("userIndicator"));
    REQUIRE(user);
    QTest::mouseClick(user, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return window.userMenu()->isVisible(); }));
    QAction* change = nullptr;
    QStringList shown;
    for (QAction* action : window.userMenu()->actions()) {
        if (action->isVisible() && !action->isSeparator())
            shown << action->text();
        if (action->objectName() == QLatin1String("changePassword"))
            change = action;
    }
    CHECK(shown == QStringList{QStringLiteral("Change my password..."), QStringLiteral("Lock this desk")});
    REQUIRE(change);
    window.userMenu()->hide();
    change->trigger();
    QPointer<PasswordDialog> dialog = window.findChild<PasswordDialog*>();
    REQUIRE(dialog);
    REQUIRE(dialog->currentEdit());

    // A wrong current password: the service's answer, word for word, and nothing typed is lost.
    const QString mine = QStringLiteral("Quiet-River-Compass-77");
    QTest::keyClicks(dialog->currentEdit(), QStringLiteral("Not-The-Current-1"));
    QTest::keyClicks(dialog->newEdit(), mine);
    QTest::keyClicks(dialog->repeatEdit(), mine);
    CHECK(dialog->hint().isEmpty());
    QTest::mouseClick(dialog->setButton(), Qt::LeftButton);
    CHECK(dialog->isBusy());
    REQUIRE(waitUntil([&] { return !dialog->isBusy(); }));
    CHECK(dialog->error() ==
          QStringLiteral("The current password is not right; the password was not changed."));
    CHECK(dialog->newEdit()->text() == mine);
    CHECK(dialog->repeatEdit()->text() == mine);
    CHECK(dialog->isVisible());

    typeInto(dialog->currentEdit(), kDeskPassword);
    QTest::mouseClick(dialog->setButton(), Qt::LeftButton);
    REQUIRE(waitUntil([&] { return !dialog; }));
    CHECK(window.statusBar()->currentMessage() == QStringLiteral("Your password is changed."));
    CHECK_FALSE(await(tp->access().signIn(QStringLiteral("clerk"), kDeskPassword)).ok);
    CHECK(await(tp->access().signIn(QStringLiteral("clerk"), mine)).ok);

    // Nobody signed in: nothing to change.
    tp->session().clear();
    CHECK_FALSE(window.showChangePassword());
}

TEST_CASE("The accounts screens render in both themes and both languages", "[shell][pictures]")
{
    const QString folder = QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures");
    QDir().mkpath(folder);
    for (const QString& locale : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        Language language;
        REQUIRE(language.set(locale));
        for (const Theme::Kind kind : {Theme::Kind::Day, Theme::Kind::Night}) {
            TestPlatform tp = startedPlatform();
            tp.start();
            signInAs(tp, QStringLiteral("chief"), QStringLiteral("administrator"));
            addOperator(tp, QStringLiteral("desk1"), QStringLiteral("李伟"),
                        QStringLiteral("supervision_operator"));
            addOperator(tp, QStringLiteral("desk2"), QStringLiteral("Zhang Min"),
                        QStringLiteral("case_management_operator"));
            addOperator(tp, QStringLiteral("desk3"), QStringLiteral("Chen Jing"),
                        QStringLiteral("criminal_intel_operator"));
            addOperator(tp, QStringLiteral("night.lead"), QStringLiteral("Night shift lead"),
                        QStringLiteral("hub_supervisor"));
            await(tp->access().grantRole(QStringLiteral("night.lead"), QStringLiteral("trainer")));
            await(tp->access().setActive(QStringLiteral("desk2"), false));
            for (int i = 0; i < AccessControl::kMaxFailedAttempts; ++i)
                await(
                    tp->access().signIn(QStringLiteral("desk1"), QStringLiteral("Wrong-Guess-%1x").arg(i)));
            const Theme theme = Theme::of(kind);
            theme.apply(*qApp);
            const QString suffix = QStringLiteral("%1-%2").arg(Theme::name(kind), locale);

            AccountsDialog accounts(tp->access(), tp->session(), theme);
            accounts.show();
            REQUIRE(QTest::qWaitForWindowExposed(&accounts));
            REQUIRE(waitUntil(
                [&] { return accounts.model()->rowCount() == 5 && !accounts.model()->isLoading(); }));
            clickAccount(accounts, QStringLiteral("desk3"));
            press(accounts, accounts.disableButton());
            REQUIRE(accounts.grab().save(QStringLiteral("%1/accounts-%2.png").arg(folder, suffix)));

            QTest::mouseClick(accounts.resetButton(), Qt::LeftButton);
            PasswordDialog* reset = accounts.passwordDialog();
            REQUIRE(reset);
            QTest::keyClicks(reset->newEdit(), QStringLiteral("Desk3-Spring-2026"));
            QTest::keyClicks(reset->repeatEdit(), QStringLiteral("Desk3-Spring-2026"));
            REQUIRE(QTest::qWaitForWindowExposed(reset));
            REQUIRE(reset->grab().save(QStringLiteral("%1/reset-password-%2.png").arg(folder, suffix)));
            reset->reject();

            PasswordDialog own(PasswordDialog::Mode::ChangeOwn, tp->access(), QStringLiteral("chief"),
                               QStringLiteral("chief"));
            own.show();
            REQUIRE(QTest::qWaitForWindowExposed(&own));
            QTest::keyClicks(own.currentEdit(), kDeskPassword);
            QTest::keyClicks(own.newEdit(), QStringLiteral("Quiet-River-Compass-77"));
            QTest::keyClicks(own.repeatEdit(), QStringLiteral("Quiet-River-Compass-7"));
            QTest::mouseClick(own.setButton(), Qt::LeftButton);
            REQUIRE(own.grab().save(QStringLiteral("%1/change-password-%2.png").arg(folder, suffix)));
            if (locale != QLatin1String("en"))
                CHECK(accounts.windowTitle() != QStringLiteral("Accounts"));
        }
    }
    Theme::day().apply(*qApp);
}
