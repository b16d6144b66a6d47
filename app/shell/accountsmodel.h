#pragma once

#include "security/accesscontrol.h"
#include "theme.h"

#include <QAbstractTableModel>

#include <functional>

namespace hexhub::shell {

/*!
 * The accounts an administrator manages, as a table fetched page by page from
 * AccessControl::accounts() (the store's threads; on a shared server the server's function) as the
 * view scrolls, filtered by name or display name. Nothing is read on the GUI thread: answers arrive
 * through the event loop, and an answer to a filter that was since replaced is dropped.
 */
class AccountsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        DisplayNameColumn,
        RolesColumn,
        StateColumn,
        PasswordChangedColumn,
        ColumnCount
    };
    static constexpr int kPageSize = 50;

    explicit AccountsModel(AccessControl& access, QObject* parent = nullptr);

    //! Shows the accounts whose name or display name contains `filter`, from the first page.
    void setFilter(const QString& filter);
    QString filter() const { return m_filter; }
    //! Reads everything again from the first page, with the current filter.
    void reload();
    /*!
     * Reads the account `name` again and updates its row (removed when it no longer exists); calls
     * `then` afterwards, read or not.
     */
    void refresh(const QString& name, std::function<void()> then = {});
    //! The account of `row`, or null.
    const UserAccount* account(int row) const;
    int rowOf(const QString& name) const;
    //! How many accounts the filter finds (all pages); -1 until the count is known.
    qint64 total() const { return m_total; }
    bool isLoading() const { return m_pending > 0; }
    void setTheme(const Theme& theme);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    //! A read failed; `message` is the service's, for the operator.
    void failed(const QString& message);
    void totalChanged(qint64 total);

private:
    void update(const QString& name, const std::optional<UserAccount>& account);
    void started();
    void finished();

    AccessControl& m_access;
    Theme m_theme = Theme::day();
    QString m_filter;
    QList<UserAccount> m_accounts;
    qint64 m_total = -1;
    int m_generation = 0; //!< bumped by each reload: older answers are dropped
    int m_pending = 0;    //!< reads under way
    bool m_fetching = false;
    bool m_exhausted = false;
};

} // namespace hexhub::shell
