#pragma once
// The record table + detail pattern every module's list of records is built on (ARCHITECTURE 3):
// a table paged through SQL, a filter bar over it, a count, and the selected record's detail beside.

#include "hexhubwidgets_export.h"

#include <QKeySequence>
#include <QList>
#include <QFuture>
#include <QPointer>
#include <QString>
#include <QVariant>
#include <QWidget>

#include <functional>
#include <utility>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;

namespace hexhub {

class SqlPageModel;
class Store;

/*!
 * A table of records read a page at a time (SqlPageModel, so lists of any size never wait on the
 * GUI thread), with the filter bar above it (a search line and the module's filters), the count of
 * what matches, and the detail of the current record beside it.
 *
 * The module sets the model's query and formatter, adds its filters (addFilter()) and turns them
 * into the model's filter when filtersChanged() comes (a filter chosen, a pause in typing, Enter in
 * the search); it shows the record currentRecordChanged() names in its detail widget (setDetail()).
 * Keys: Ctrl+F searches, F5 reloads, Enter in the search goes to the table; addRowKey() adds the
 * module's keys on the table (D, N, E on the hub's board).
 *
 * Object names, for tests and the keyboard: "search", "count", the table's as given by setTableName().
 */
class HEXHUB_WIDGETS_EXPORT RecordTable final : public QWidget
{
    Q_OBJECT
public:
    explicit RecordTable(Store& store, QWidget* parent = nullptr);
    ~RecordTable() override;

    SqlPageModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QLineEdit* search() const { return m_search; }
    QLabel* countLabel() const { return m_count; }

    void setTableName(const QString& objectName);
    void setSearchPlaceholder(const QString& text);
    /*!
     * A filter of the bar: a combo box named `objectName` with `items` (text, value), the first
     * chosen. Changing it emits filtersChanged().
     */
    QComboBox* addFilter(const QString& objectName, const QList<std::pair<QString, QVariant>>& items, int stretch = 1);
    //! The current record's detail, beside the table (the table gets the room first).
    void setDetail(QWidget* detail, int minimumWidth = 300);
    QWidget* detail() const { return m_detail; }
    //! A key on the table (not while typing in the search or another field).
    void addRowKey(const QKeySequence& keys, std::function<void()> action);
    /*!
     * Offers the list as CSV (Ctrl+Shift+E on the list, and exportCsv() for a palette command): what
     * the filter and order show, every row, read and written off the GUI thread (SqlPageModel::
     * exportCsv(): the formatter must not touch widgets). `fileStem` names the file proposed.
     */
    void enableCsvExport(const QString& fileStem);
    //! Asks where (a file dialog named "exportDialog"), then exportTo() there.
    void exportCsv();
    //! Writes the list to `path` and says in the count's place how many rows went, or why none did.
    QFuture<qint64> exportTo(const QString& path);
    //! Repaints the visible rows every second: for cells that tick (ages, deadlines).
    void setLiveCells(bool live);

    //! The current record's id, or 0.
    qint64 currentRecord() const;
    /*!
     * Makes record `id` current when it is among the loaded rows; else it is made current when a
     * later read brings it among them (a record just created, which the newest-first order puts on
     * the first page; one opened by a link, whose detail the module shows at once meanwhile).
     */
    void selectRecord(qint64 id);
    //! The record selectRecord() still waits for, or 0.
    qint64 pendingRecord() const { return m_pending; }

    //! Shows `text` where the count is (a problem, "there is no such record") until the next count.
    void say(const QString& text);
    /*!
     * Writes the count: "Loading..." while the first read is out, else `counted(rows)` (a module's
     * "%n incident(s)"); a failed read says why (readFailed()).
     */
    void setCountText(std::function<QString(int rows)> counted);
    void updateCount();

Q_SIGNALS:
    //! A filter changed, the search paused or Enter was pressed in it: set the model's filter.
    void filtersChanged();
    //! A record became current, or the current row's page came in: the detail shows it (unless it does).
    void currentRecordChanged(qint64 id);
    //! The table was asked to open the current record (Enter, a double click).
    void recordActivated(qint64 id);

private:
    SqlPageModel* m_model;
    QLineEdit* m_search;
    QHBoxLayout* m_filters;
    QLabel* m_count;
    QTableView* m_table;
    QSplitter* m_split;
    QPointer<QWidget> m_detail;
    QTimer* m_searchDelay;
    QTimer* m_tick;
    std::function<QString(int)> m_counted;
    qint64 m_pending = 0;
    qint64 m_chosen = 0;  //!< the record made current last, followed when the rows are read again
    QString m_exportStem; //!< empty: no CSV export
};

} // namespace hexhub
