#include "accountsmodel.h"

#include "shelltr.h"

#include "base/whenfinished.h"

#include <QLocale>

namespace hexhub::shell {

namespace {

QString failureMessage(const std::exception& e)
{
    return QString::fromUtf8(e.what());
}

QString clockText(const QDateTime& at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                        : QString();
}

QString rolesText(const QStringList& roles)
{
    QStringList names;
    for (const QString& role : roles)
        names << AccessControl::roleDisplayName(role);
    return names.join(QStringLiteral(", "));
}

} // namespace

AccountsModel::AccountsModel(AccessControl& access, QObject* parent)
    : QAbstractTableModel(parent)
    , m_access(access)
{}

void AccountsModel::setFilter(const QString& filter)
{
    m_filter = filter.trimmed();
    reload();
}

void AccountsModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_accounts.clear();
    m_exhausted = false;
    m_fetching = false;
    endResetModel();
    if (m_total != -1) {
        m_total = -1;
        Q_EMIT totalChanged(m_total);
    }
    const int generation = m_generation;
    started();
    whenFinished(this, m_access.accountCount(m_filter), [this, generation](QFuture<qint64> done) {
        finished();
        if (generation != m_generation)
            return;
        try {
            m_total = done.result();
            Q_EMIT totalChanged(m_total);
        } catch (const std::exception& e) {
            Q_EMIT failed(failureMessage(e));
        }
    });
    fetchMore({});
}

void AccountsModel::refresh(const QString& name, std::function<void()> then)
{
    started();
    whenFinished(this, m_access.account(name),
                 [this, name, then](QFuture<std::optional<UserAccount>> done) {
                     finished();
                     try {
                         update(name, done.result());
                     } catch (const std::exception& e) {
                         Q_EMIT failed(failureMessage(e)); // the row stays as it was read last
                     }
                     if (then)
                         then();
                 });
}

void AccountsModel::update(const QString& name, const std::optional<UserAccount>& account)
{
    const int row = rowOf(name);
    if (row < 0)
        return; // not in this list (any more): nothing to update
    if (account) {
        m_accounts[row] = *account;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginRemoveRows({}, row, row);
    m_accounts.removeAt(row);
    endRemoveRows();
    if (m_total > 0)
        Q_EMIT totalChanged(--m_total);
}

const UserAccount* AccountsModel::account(int row) const
{
    return row >= 0 && row < m_accounts.size() ? &m_accounts[row] : nullptr;
}

int AccountsModel::rowOf(const QString& name) const
{
    for (int row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts[row].name == name)
            return row;
    }
    return -1;
}

void AccountsModel::setTheme(const Theme& theme)
{
    m_theme = theme;
    if (!m_accounts.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_accounts.size()) - 1, ColumnCount - 1),
                           {Qt::ForegroundRole});
}

int AccountsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountsModel::data(const QModelIndex& index, int role) const
{
    const UserAccount* a = account(index.row());
    if (!a || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case NameColumn:
            return a->name;
        case DisplayNameColumn:
            return a->displayName;
        case RolesColumn:
            return a->roles.isEmpty() ? (role == Qt::ToolTipRole
                                             ? Tr::tr("No role: this user may sign in and use nothing.")
                                             : Tr::tr("(none)"))
                                      : rolesText(a->roles);
        case StateColumn:
            if (!a->active)
                return Tr::tr("Disabled");
            if (a->locked)
                return Tr::tr("Locked until %1").arg(clockText(a->lockedUntil));
            return Tr::tr("Active");
        case PasswordChangedColumn:
            return clockText(a->passwordChangedAt);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        if (!a->active)
            return m_theme.danger();
        if (a->locked)
            return m_theme.warning();
    }
    if (role == Qt::AccessibleTextRole && index.column() == StateColumn)
        return data(index, Qt::DisplayRole);
    return {};
}

QVariant AccountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return Tr::tr("User name");
    case DisplayNameColumn:
        return Tr::tr("Display name");
    case RolesColumn:
        return Tr::tr("Roles");
    case StateColumn:
        return Tr::tr("State");
    case PasswordChangedColumn:
        return Tr::tr("Password changed");
    default:
        return {};
    }
}

bool AccountsModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_fetching && !m_exhausted;
}

void AccountsModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    started();
    const int generation = m_generation;
    whenFinished(this, m_access.accounts(m_filter, int(m_accounts.size()), kPageSize),
                 [this, generation](QFuture<QList<UserAccount>> done) {
                     finished();
                     if (generation != m_generation)
                         return;
                     m_fetching = false;
                     QList<UserAccount> page;
                     try {
                         page = done.result();
                     } catch (const std::exception& e) {
                         m_exhausted =
                             true; // no endless retries from the view's scrolling; reload() tries again
                         Q_EMIT failed(failureMessage(e));
                         return;
                     }
                     m_exhausted = page.size() < kPageSize;
                     if (page.isEmpty())
                         return;
                     beginInsertRows({}, int(m_accounts.size()), int(m_accounts.size() + page.size()) - 1);
                     m_accounts << page;
                     endInsertRows();
                 });
}

void AccountsModel::started()
{
    if (m_pending++ == 0)
        Q_EMIT loadingChanged(true);
}

void AccountsModel::finished()
{
    if (--m_pending == 0)
        Q_EMIT loadingChanged(false);
}

} // namespace hexhub::shell
