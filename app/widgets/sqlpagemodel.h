#pragma once

#include "hexhubwidgets_export.h"
#include "store/sqldialect.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace hexhub {

class Store;

//! One column of a paged list: what it shows and how it sorts.
struct HEXHUB_WIDGETS_EXPORT PagedColumn
{
    QString id;           //!< stable name, e.g. "priority" (saved layouts, tests)
    QString header;       //!< translated
    QString select;       //!< SQL expression in the SELECT list; from code, never from users
    /*!
     * What sorting by this column orders by, most significant first; the row id is always added
     * last so the order is total. Every key must be NOT NULL (wrap a nullable one in coalesce()):
     * pages continue from the previous page's last keys. Empty: the column does not sort.
     */
    QStringList sortKeys;
};

//! What a paged list reads: the table, its columns, the filter and the order.
struct HEXHUB_WIDGETS_EXPORT PagedQuery
{
    QString from;      //!< e.g. "hub_incidents i"
    QString idColumn;  //!< e.g. "i.id"
    QList<PagedColumn> columns;
    SqlFragment where; //!< empty: every row
    int sortColumn = 0;
    Qt::SortOrder order = Qt::AscendingOrder;
};

/*!
 * A table model over any number of SQL rows that holds only the pages the view shows (ARCHITECTURE
 * section 5: no widget holds a million items). Every read runs on the store's reader threads; the
 * GUI thread never waits:
 *  - the first page is asked for first, the row count right after it arrives (the rows show with
 *    a provisional count until then);
 *  - a row not loaded yet shows empty and its page is fetched; when it arrives the view repaints;
 *  - a page that follows a loaded one continues from that page's last sort keys (keyset pagination,
 *    an index range scan however deep), any other page is read by offset;
 *  - at most kMaxPages pages are kept, the ones nearest the last asked for;
 *  - a change of filter or order starts a new generation: late answers of the old one are dropped;
 *  - refresh() (on bus events) re-reads the count and the loaded pages and keeps the scroll place.
 */
class HEXHUB_WIDGETS_EXPORT SqlPageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;
    static constexpr int kMaxPages = 40;
    //! The raw value of a cell (the SELECT's value), for delegates and formatters.
    static constexpr int RawRole = Qt::UserRole + 1;
    //! The row's id.
    static constexpr int IdRole = Qt::UserRole + 2;

    explicit SqlPageModel(Store& store, QObject* parent = nullptr);
    ~SqlPageModel() override;

    //! Starts over with a new query.
    void setQuery(const PagedQuery& query);
    //! The columns' names again (the language changed), in order; the rows stay as they are.
    void setHeaders(const QStringList& headers);
    const PagedQuery& query() const { return m_query; }
    //! Keeps the columns and order, changes the filter.
    void setFilter(const SqlFragment& where);
    //! Re-reads the count and the loaded pages (the rows changed underneath).
    void refresh();

    /*!
     * How cells show: called for the display, decoration, colour and tooltip roles with the row's
     * raw values (in column order; the id and sort keys follow them). Default: the raw value as
     * text for DisplayRole.
     */
    using Formatter = std::function<QVariant(const QVariantList& row, int column, int role)>;
    void setFormatter(Formatter formatter) { m_formatter = std::move(formatter); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /*!
     * Every row of the current query (its filter and order, as the list shows them) written as CSV
     * to `path`: the headers, then each cell as the formatter shows it (its DisplayRole, called off
     * the GUI thread: a formatter that exports must not touch widgets). Read `rowsPerRead` rows at a
     * time by keyset off the GUI thread, written through QSaveFile in UTF-8 with a byte-order mark (so a
     * spreadsheet reads Chinese): a failed export leaves whatever was at `path` as it was. The rows
     * written, or the reason it failed.
     */
    QFuture<qint64> exportCsv(const QString& path, int rowsPerRead = 5000) const;

    //! The row's id, or 0 when its page is not loaded.
    qint64 idAt(int row) const;
    //! The row's raw values, or empty when its page is not loaded.
    QVariantList rowAt(int row) const;
    //! The row where `id` is among the loaded pages, or -1.
    int rowOfId(qint64 id) const;
    bool isLoading() const { return !m_pending.isEmpty() || m_counting; }
    //! True once the count and the first page of the current generation are in.
    bool isReady() const;
    //! True once the first page of the current generation is in the model (its rows show, the
    //! count may still follow): what an operator sees first.
    bool hasFirstPage() const { return m_firstPageIn; }
    //! Pages fetched by keyset vs by offset since the last setQuery (for tests and the bench).
    int keysetFetches() const { return m_keysetFetches; }
    int offsetFetches() const { return m_offsetFetches; }
    int loadedPages() const { return int(m_pages.size()); }

Q_SIGNALS:
    void loadingChanged(bool loading);
    //! The count and the first page of the current query are in (after setQuery, setFilter, sort).
    void ready();
    //! The first page of the current query is in and showing; the count may still follow.
    void firstPageArrived();
    void pageLoaded(int page);
    //! A read failed; the message says why (the store's words).
    void failed(const QString& message);

private:
    struct Page
    {
        QList<QVariantList> rows; //!< values, then the id, then the sort keys
    };
    struct Plan
    {
        QString sql;
        QVariantList binds;
        bool keyset = false;
    };

    void restart(bool keepRows);
    //! The row's values where they are kept (valid until the model next changes), or null.
    const QVariantList* rowPointer(int row) const;
    void requestPage(int page) const;
    void requestCount();
    Plan planFor(int page) const;
    //! `limit` rows of `query` ordered by `keys`: after the row whose keys are `afterKeys`, else from `offset`.
    static Plan planRows(const PagedQuery& query, const QStringList& keys, const QVariantList* afterKeys, int limit, qint64 offset);
    QStringList orderKeys() const;
    void pageArrived(int generation, int page, const QList<QVariantList>& rows);
    void countArrived(int generation, qint64 count);
    void evictFar(int around);
    void setLoading(bool before);

    Store& m_store;
    PagedQuery m_query;
    Formatter m_formatter;
    qint64 m_count = 0;
    int m_generation = 0;
    QHash<int, Page> m_pages;
    QHash<int, Page> m_stale; //!< shown while a refresh re-reads them
    mutable QSet<int> m_pending;
    bool m_counting = false;
    bool m_countAfterFirstPage = false;
    bool m_firstPageIn = false;
    bool m_readySent = false;
    mutable int m_keysetFetches = 0;
    mutable int m_offsetFetches = 0;
};

} // namespace hexhub
