#include "accountsdialog.h"

#include "accountsmodel.h"
#include "passworddialog.h"
#include "shelltr.h"

#include "messageline.h"

#include "base/whenfinished.h"
#include "security/accesscontrol.h"
#include "security/session.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace hexhub::shell {

namespace {

const QString kUsersManage = QStringLiteral("core.users.manage");
const QString kRolesManage = QStringLiteral("core.roles.manage");

} // namespace

AccountsDialog::AccountsDialog(AccessControl& access, Session& session, const Theme& theme, QWidget* parent)
    : QDialog(parent)
    , m_access(access)
    , m_session(session)
    , m_openedBy(session.principal().name)
    , m_mayManageUsers(session.can(kUsersManage))
    , m_mayManageRoles(session.can(kRolesManage))
    , m_model(new AccountsModel(access, this))
    , m_filter(new QLineEdit(this))
    , m_filterDelay(new QTimer(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_disable(new QPushButton(Tr::tr("&Disable"), this))
    , m_enable(new QPushButton(Tr::tr("&Enable"), this))
    , m_unlock(new QPushButton(Tr::tr("&Unlock"), this))
    , m_reset(new QPushButton(Tr::tr("Reset &password..."), this))
    , m_roles(new QPushButton(Tr::tr("&Roles"), this))
    , m_rolesMenu(new QMenu(this))
    , m_refused(new QLabel(this))
    , m_error(new QLabel(this))
    , m_status(new QLabel(this))
    , m_busy(new QLabel(this))
{
    setObjectName(QStringLiteral("accountsDialog"));
    setWindowTitle(Tr::tr("Accounts"));
    resize(900, 540);
    m_model->setTheme(theme);
    auto* layout = new QVBoxLayout(this);

    auto* top = new QHBoxLayout;
    auto* filterLabel = new QLabel(Tr::tr("&Find:"), this);
    filterLabel->setBuddy(m_filter);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(Tr::tr("Part of a user name or display name"));
    m_filter->setClearButtonEnabled(true);
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    m_count->setObjectName(QStringLiteral("count"));
    top->addWidget(m_count);
    layout->addLayout(top);

    m_refused->setObjectName(QStringLiteral("refused"));
    m_refused->setWordWrap(true);
    m_refused->setText(
        Tr::tr("Only an administrator manages accounts (the permission core.users.manage)."));
    m_refused->setVisible(!m_mayManageUsers);
    layout->addWidget(m_refused);

    m_table->setObjectName(QStringLiteral("accounts"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(AccountsModel::RolesColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->resizeSection(AccountsModel::NameColumn, 150);
    m_table->horizontalHeader()->resizeSection(AccountsModel::DisplayNameColumn, 170);
    // The state ("Locked until <date and time>") and the time always whole.
    m_table->horizontalHeader()->setSectionResizeMode(AccountsModel::StateColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AccountsModel::PasswordChangedColumn,
                                                      QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    auto* actions = new QHBoxLayout;
    m_disable->setObjectName(QStringLiteral("disable"));
    m_disable->setToolTip(
        Tr::tr("The account can no longer sign in (on a shared server, its login neither)."));
    m_enable->setObjectName(QStringLiteral("enable"));
    m_unlock->setObjectName(QStringLiteral("unlock"));
    m_unlock->setToolTip(Tr::tr("Lifts the lock that repeated failed sign-ins put on the account."));
    m_reset->setObjectName(QStringLiteral("resetPassword"));
    m_roles->setObjectName(QStringLiteral("roles"));
    m_roles->setMenu(m_rolesMenu);
    m_roles->setToolTip(Tr::tr("Give the account a role, or take one away."));
    for (QWidget* button : std::initializer_list<QWidget*>{m_disable, m_enable, m_unlock, m_reset, m_roles})
        actions->addWidget(button);
    m_disable->setVisible(m_mayManageUsers);
    m_enable->setVisible(m_mayManageUsers);
    m_unlock->setVisible(m_mayManageUsers);
    m_reset->setVisible(m_mayManageUsers);
    m_roles->setVisible(m_mayManageRoles);
    actions->addStretch(1);
    m_busy->setObjectName(QStringLiteral("busy"));
    m_busy->setForegroundRole(QPalette::PlaceholderText);
    actions->addWidget(m_busy);
    layout->addLayout(actions);

    makeMessageLine(m_error, QStringLiteral("error"));
    layout->addWidget(m_error);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Typing filters after a short pause (one read, not one per key); Enter at once.
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, [this] { m_model->setFilter(m_filter->text()); });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_filterDelay->stop();
        if (m_filter->text().trimmed() != m_model->filter() || !error().isEmpty()) // another filter, or try again
            m_model->setFilter(m_filter->text());
        m_table->setFocus();
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->selectRow(0);
    });

    connect(m_model, &AccountsModel::loadingChanged, this, &AccountsDialog::updateBusy);
    connect(m_model, &AccountsModel::totalChanged, this, &AccountsDialog::updateCount);
    connect(m_model, &AccountsModel::failed, this, &AccountsDialog::showError);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AccountsDialog::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AccountsDialog::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AccountsDialog::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccountsDialog::updateActions);
    connect(m_disable, &QPushButton::clicked, this, &AccountsDialog::disableSelected);
    connect(m_enable, &QPushButton::clicked, this, &AccountsDialog::enableSelected);
    connect(m_unlock, &QPushButton::clicked, this, &AccountsDialog::unlockSelected);
    connect(m_reset, &QPushButton::clicked, this, &AccountsDialog::resetSelected);
    connect(m_rolesMenu, &QMenu::aboutToShow, this, &AccountsDialog::rebuildRolesMenu);

    // What this dialog shows and offers is for the one who opened it, nobody else.
    connect(&m_session, &Session::changed, this, [this] {
        if (m_session.principal().name != m_openedBy)
            reject();
    });

    updateCount();
    updateBusy();
    updateActions();
    m_filter->setFocus();
    m_model->reload();
}

AccountsDialog::~AccountsDialog() = default;

const UserAccount* AccountsDialog::selectedAccount() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->account(rows.first().row());
}

QString AccountsDialog::error() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString AccountsDialog::status() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void AccountsDialog::updateActions()
{
    const UserAccount* account = selectedAccount();
    const bool idle = m_running == 0;
    const bool self = account && account->name == m_openedBy;
    m_disable->setEnabled(idle && account && account->active && !self);
    m_disable->setToolTip(
        self ? Tr::tr("You cannot disable your own account; ask another administrator.")
             : Tr::tr("The account can no longer sign in (on a shared server, its login neither)."));
    m_enable->setEnabled(idle && account && !account->active);
    m_unlock->setEnabled(idle && account && account->locked);
    m_reset->setEnabled(idle && account);
    m_roles->setEnabled(idle && account);
}

void AccountsDialog::updateBusy()
{
    if (m_running > 0)
        m_busy->setText(Tr::tr("Working..."));
    else if (m_model->isLoading())
        m_busy->setText(Tr::tr("Reading the accounts..."));
    else
        m_busy->clear();
    updateActions();
}

void AccountsDialog::updateCount()
{
    const qint64 total = m_model->total();
    m_count->setText(total < 0 ? QString() : Tr::tr("Accounts found: %1").arg(QLocale().toString(total)));
}

void AccountsDialog::rebuildRolesMenu()
{
    m_rolesMenu->clear();
    const UserAccount* account = selectedAccount();
    if (!account)
        return;
    for (const QString& role : AccessControl::builtinRoles()) {
        QAction* action = m_rolesMenu->addAction(AccessControl::roleDisplayName(role));
        action->setObjectName(QStringLiteral("role:") + role);
        action->setCheckable(true);
        action->setChecked(account->roles.contains(role));
        connect(action, &QAction::triggered, this,
                [this, role](bool checked) { changeRole(role, checked); });
    }
}

void AccountsDialog::changeRole(const QString& role, bool grant)
{
    const UserAccount* account = selectedAccount();
    if (!account || isBusy())
        return;
    const QString user = account->name;
    const QString name = AccessControl::roleDisplayName(role);
    run(QStringLiteral("%1/%2/%3")
            .arg(grant ? QStringLiteral("grant") : QStringLiteral("revoke"), user, role),
        user,
        grant ? Tr::tr("%1 now has the role %2.").arg(user, name)
              : Tr::tr("%1 no longer has the role %2.").arg(user, name),
        [this, user, role, grant](const CommandId& command) {
            return grant ? m_access.grantRole(user, role, command)
                         : m_access.revokeRole(user, role, command);
        });
}

void AccountsDialog::disableSelected()
{
    const UserAccount* account = selectedAccount();
    if (!account || isBusy())
        return;
    const QString user = account->name;
    run(QStringLiteral("disable/") + user, user, Tr::tr("%1 is disabled and cannot sign in.").arg(user),
        [this, user](const CommandId& command) { return m_access.setActive(user, false, command); });
}

void AccountsDialog::enableSelected()
{
    const UserAccount* account = selectedAccount();
    if (!account || isBusy())
        return;
    const QString user = account->name;
    run(QStringLiteral("enable/") + user, user, Tr::tr("%1 is enabled and can sign in again.").arg(user),
        [this, user](const CommandId& command) { return m_access.setActive(user, true, command); });
}

void AccountsDialog::unlockSelected()
{
    const UserAccount* account = selectedAccount();
    if (!account || isBusy())
        return;
    const QString user = account->name;
    run(QStringLiteral("unlock/") + user, user, Tr::tr("%1 is unlocked.").arg(user),
        [this, user](const CommandId& command) { return m_access.unlock(user, command); });
}

void AccountsDialog::resetSelected()
{
    const UserAccount* account = selectedAccount();
    if (!account || isBusy() || m_passwordDialog)
        return;
    const QString user = account->name;
    m_passwordDialog =
        new PasswordDialog(PasswordDialog::Mode::Reset, m_access, user, account->displayName, this);
    m_passwordDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_passwordDialog, &QDialog::accepted, this, [this, user] {
        showError({});
        showStatus(Tr::tr("The password of %1 is reset.").arg(user));
        ++m_running;
        updateBusy();
        m_model->refresh(user, [this] {
            --m_running;
            updateBusy();
            Q_EMIT actionFinished();
        });
    });
    m_passwordDialog->open();
}

void AccountsDialog::run(const QString& key, const QString& user, const QString& done,
                         const std::function<QFuture<void>(const CommandId&)>& action)
{
    // A new action gets a new id; one that failed and is tried again gets the id it had, so if the
    // first did reach the store after all (an answer lost on the way) it is not applied twice.
    const CommandId command = m_retries.value(key, CommandId::make());
    m_retries.insert(key, command);
    showError({});
    showStatus({});
    ++m_running;
    updateBusy();
    whenFinished(this, action(command), [this, key, user, done](QFuture<void> result) {
        QString failure;
        try {
            result.waitForFinished();
        } catch (const std::exception& e) {
            failure = QString::fromUtf8(e.what());
        }
        if (failure.isEmpty()) {
            m_retries.remove(key);
            showStatus(done);
        } else {
            showError(failure);
        }
        // Busy until the row shows the account as it is now, whichever way it went: its buttons
        // offer what can be done to it then, not before.
        m_model->refresh(user, [this] {
            --m_running;
            updateBusy();
            Q_EMIT actionFinished();
        });
    });
}

void AccountsDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        m_status->hide();
}

void AccountsDialog::showStatus(const QString& message)
{
    m_status->setText(message);
    m_status->setVisible(!message.isEmpty());
}

} // namespace hexhub::shell
