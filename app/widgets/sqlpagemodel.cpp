#include "sqlpagemodel.h"
#include "widgetstr.h"

#include "base/background.h"
#include "base/csv.h"
#include "base/error.h"
#include "store/sql.h"
#include "store/store.h"
#include "base/whenfinished.h"

#include <QDir>
#include <QSaveFile>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <limits>
#include <optional>

namespace hexhub {

using widgets::Tr;

namespace {

QString failureText(const std::exception& e)
{
    return QString::fromUtf8(e.what());
}

} // namespace

SqlPageModel::SqlPageModel(Store& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
}

SqlPageModel::~SqlPageModel() = default;

void SqlPageModel::setQuery(const PagedQuery& query)
{
    m_query = query;
    if (m_query.sortColumn < 0 || m_query.sortColumn >= m_query.columns.size()
        || m_query.columns.at(m_query.sortColumn).sortKeys.isEmpty())
        m_query.sortColumn = -1;
    m_keysetFetches = 0;
    m_offsetFetches = 0;
    restart(false);
}

void SqlPageModel::setFilter(const SqlFragment& where)
{
    m_query.where = where;
    restart(false);
}

void SqlPageModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_query.columns.size() || m_query.columns.at(column).sortKeys.isEmpty())
        return;
    if (column == m_query.sortColumn && order == m_query.order)
        return;
    m_query.sortColumn = column;
    m_query.order = order;
    restart(false);
}

void SqlPageModel::refresh()
{
    restart(true);
}

void SqlPageModel::restart(bool keepRows)
{
    const bool before = isLoading();
    ++m_generation;
    m_pending.clear();
    m_firstPageIn = false;
    m_readySent = false;
    // Set before any read is asked for: an answer can come back at once (a read that finished
    // before its continuation was attached runs it on this thread, inside this call).
    m_counting = true;
    if (keepRows) {
        m_firstPageIn = true;
        // What is shown stays until its fresh copy arrives; the count adjusts the rows when it does.
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
            m_stale.insert(it.key(), it.value());
        m_pages.clear();
        const QList<int> shown = m_stale.keys();
        for (int page : shown)
            requestPage(page);
    } else {
        beginResetModel();
        m_pages.clear();
        m_stale.clear();
        m_count = 0;
        endResetModel();
        // The count goes after the first page, not beside it: on a busy store the first rows come
        // sooner alone, and an operator reads rows before the total.
        m_countAfterFirstPage = true;
        requestPage(0);
    }
    if (keepRows)
        requestCount();
    setLoading(before);
}

void SqlPageModel::requestCount()
{
    m_countAfterFirstPage = false;
    const int generation = m_generation;
    const QString sql = QStringLiteral("SELECT COUNT(*) FROM ") + m_query.from
                        + (m_query.where.sql.isEmpty() ? QString() : QStringLiteral(" WHERE ") + m_query.where.sql);
    const QVariantList binds = m_query.where.binds;
    SqlPageModel* self = this;
    whenFinished(this, m_store.read([sql, binds](Sql& s) { return s.scalar(sql, binds).toLongLong(); }),
              [self, generation](QFuture<qint64> done) {
                  try {
                      self->countArrived(generation, done.result());
                  } catch (const std::exception& e) {
                      if (generation == self->m_generation) {
                          const bool was = self->isLoading();
                          self->m_counting = false;
                          self->setLoading(was);
                          Q_EMIT self->failed(failureText(e));
                      }
                  }
              });
}

QStringList SqlPageModel::orderKeys() const
{
    QStringList keys;
    if (m_query.sortColumn >= 0)
        keys = m_query.columns.at(m_query.sortColumn).sortKeys;
    if (!keys.contains(m_query.idColumn))
        keys << m_query.idColumn;
    return keys;
}

SqlPageModel::Plan SqlPageModel::planRows(const PagedQuery& query, const QStringList& keys, const QVariantList* afterKeys, int limit,
                                           qint64 offset)
{
    QStringList select;
    for (const PagedColumn& c : query.columns)
        select << c.select;
    select << query.idColumn << keys;
    const QString direction = query.order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QStringList orderBy;
    for (const QString& k : keys)
        orderBy << k + direction;

    Plan plan;
    QStringList conditions;
    if (!query.where.sql.isEmpty()) {
        conditions << QStringLiteral("(") + query.where.sql + QStringLiteral(")");
        plan.binds << query.where.binds;
    }
    // Rows after a row already read continue from its keys.
    if (afterKeys) {
        QStringList placeholders;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            placeholders << QStringLiteral("?");
            plan.binds << afterKeys->value(i);
        }
        conditions << QStringLiteral("(%1) %2 (%3)")
                          .arg(keys.join(QStringLiteral(", ")), query.order == Qt::AscendingOrder ? QStringLiteral(">") : QStringLiteral("<"),
                               placeholders.join(QStringLiteral(", ")));
    }
    plan.sql = QStringLiteral("SELECT ") + select.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") + query.from
               + (conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")))
               + QStringLiteral(" ORDER BY ") + orderBy.join(QStringLiteral(", ")) + QStringLiteral(" LIMIT ?");
    plan.binds << limit;
    if (!afterKeys && offset > 0) {
        plan.sql += QStringLiteral(" OFFSET ?");
        plan.binds << offset;
    }
    plan.keyset = afterKeys != nullptr;
    return plan;
}

SqlPageModel::Plan SqlPageModel::planFor(int page) const
{
    const QStringList keys = orderKeys();
    // A page right after a loaded full one continues from its last row's keys.
    const auto previous = m_pages.constFind(page - 1);
    if (page > 0 && previous != m_pages.cend() && previous->rows.size() == kPageSize) {
        const QVariantList lastKeys = previous->rows.constLast().mid(m_query.columns.size() + 1);
        return planRows(m_query, keys, &lastKeys, kPageSize, 0);
    }
    return planRows(m_query, keys, nullptr, kPageSize, qint64(page) * kPageSize);
}

QFuture<qint64> SqlPageModel::exportCsv(const QString& path, int rowsPerRead) const
{
    const int kChunk = std::max(1, rowsPerRead);
    Store* store = &m_store;
    const PagedQuery query = m_query;
    const QStringList keys = orderKeys();
    const Formatter formatter = m_formatter;
    return runInBackground([store, query, keys, formatter, path, kChunk]() -> qint64 {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            throw ValidationError(Tr::tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        const auto write = [&file](const QString& text) {
            if (file.write(text.toUtf8()) < 0)
                throw ValidationError(Tr::tr("The export could not be written: %1").arg(file.errorString()));
        };
        write(QStringLiteral("\uFEFF")); // a byte-order mark: spreadsheets read the Chinese as UTF-8
        QStringList headers;
        for (const PagedColumn& c : query.columns)
            headers << c.header;
        write(csv::line(headers) + QStringLiteral("\r\n"));
        qint64 written = 0;
        std::optional<QVariantList> after;
        const qsizetype width = query.columns.size();
        for (;;) {
            const Plan plan = planRows(query, keys, after ? &*after : nullptr, kChunk, 0);
            const QList<QVariantList> rows = store->read([plan](Sql& s) {
                QSqlQuery q = s.exec(plan.sql, plan.binds);
                QList<QVariantList> out;
                const int columns = q.record().count();
                while (q.next()) {
                    QVariantList row;
                    row.reserve(columns);
                    for (int i = 0; i < columns; ++i)
                        row << q.value(i);
                    out << row;
                }
                return out;
            }).result();
            QString chunk;
            for (const QVariantList& row : rows) {
                QStringList cells;
                cells.reserve(width);
                for (int c = 0; c < width; ++c)
                    cells << (formatter ? formatter(row, c, Qt::DisplayRole) : row.value(c)).toString();
                chunk += csv::line(cells) + QStringLiteral("\r\n");
            }
            write(chunk);
            written += rows.size();
            if (rows.size() < kChunk)
                break;
            after = rows.constLast().mid(width + 1);
        }
        if (!file.commit())
            throw ValidationError(Tr::tr("The export could not be written: %1").arg(file.errorString()));
        return written;
    });
}

void SqlPageModel::requestPage(int page) const
{
    if (m_pending.contains(page) || m_query.from.isEmpty())
        return;
    m_pending.insert(page);
    const Plan plan = planFor(page);
    ++(plan.keyset ? m_keysetFetches : m_offsetFetches);
    const int generation = m_generation;
    auto* self = const_cast<SqlPageModel*>(this);
    SqlPageModel* guard = self;
    whenFinished(self, m_store.read([plan](Sql& s) {
        QSqlQuery q = s.exec(plan.sql, plan.binds);
        QList<QVariantList> rows;
        const int width = q.record().count();
        while (q.next()) {
            QVariantList row;
            row.reserve(width);
            for (int i = 0; i < width; ++i)
                row << q.value(i);
            rows << row;
        }
        return rows;
    }), [guard, generation, page](QFuture<QList<QVariantList>> done) {
        try {
            guard->pageArrived(generation, page, done.result());
        } catch (const std::exception& e) {
            if (generation == guard->m_generation) {
                const bool was = guard->isLoading();
                guard->m_pending.remove(page);
                if (page == 0 && guard->m_countAfterFirstPage)
                    guard->requestCount(); // its failure (or answer) ends the busy state
                guard->setLoading(was);
                Q_EMIT guard->failed(failureText(e));
            }
        }
    });
}

void SqlPageModel::pageArrived(int generation, int page, const QList<QVariantList>& rows)
{
    if (generation != m_generation)
        return;
    const bool before = isLoading();
    m_pending.remove(page);
    m_pages.insert(page, Page{rows});
    m_stale.remove(page);
    const qint64 first = qint64(page) * kPageSize;
    if (page == 0)
        m_firstPageIn = true;
    if (m_counting && page == 0 && m_count == 0 && !rows.isEmpty()) {
        // Show the first page before the count is in: provisionally that many rows.
        beginInsertRows({}, 0, int(rows.size()) - 1);
        m_count = rows.size();
        endInsertRows();
    } else if (first < m_count && !rows.isEmpty()) {
        const int last = int(std::min<qint64>(m_count, first + rows.size()) - 1);
        Q_EMIT dataChanged(index(int(first), 0), index(last, columnCount() - 1));
    }
    evictFar(page);
    if (page == 0 && m_countAfterFirstPage)
        requestCount();
    Q_EMIT pageLoaded(page);
    if (page == 0)
        Q_EMIT firstPageArrived();
    if (!m_counting && m_firstPageIn && !m_readySent) {
        m_readySent = true;
        Q_EMIT ready();
    }
    setLoading(before);
}

void SqlPageModel::countArrived(int generation, qint64 count)
{
    if (generation != m_generation)
        return;
    const bool before = isLoading();
    m_counting = false;
    count = std::min<qint64>(count, std::numeric_limits<int>::max());
    if (count > m_count) {
        beginInsertRows({}, int(m_count), int(count) - 1);
        m_count = count;
        endInsertRows();
    } else if (count < m_count) {
        beginRemoveRows({}, int(count), int(m_count) - 1);
        m_count = count;
        endRemoveRows();
    }
    if (count == 0)
        m_firstPageIn = true;
    if (m_firstPageIn && !m_readySent) {
        m_readySent = true;
        Q_EMIT ready();
    }
    setLoading(before);
}

void SqlPageModel::evictFar(int around)
{
    if (m_pages.size() <= kMaxPages)
        return;
    QList<int> pages = m_pages.keys();
    std::sort(pages.begin(), pages.end(), [around](int a, int b) { return std::abs(a - around) > std::abs(b - around); });
    for (qsizetype i = 0; i < pages.size() && m_pages.size() > kMaxPages; ++i)
        m_pages.remove(pages.at(i));
}

void SqlPageModel::setLoading(bool before)
{
    if (before != isLoading())
        Q_EMIT loadingChanged(isLoading());
}

bool SqlPageModel::isReady() const
{
    return m_readySent;
}

int SqlPageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_count);
}

int SqlPageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_query.columns.size());
}

const QVariantList* SqlPageModel::rowPointer(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const int page = row / kPageSize;
    const int offset = row % kPageSize;
    const auto fresh = m_pages.constFind(page);
    if (fresh != m_pages.cend())
        return offset < fresh->rows.size() ? &fresh->rows.at(offset) : nullptr;
    // Not loaded (or only its stale copy): ask for it first, since the answer may arrive inside
    // requestPage() and replace the stale page; then show whatever is there now.
    requestPage(page);
    for (const QHash<int, Page>* pages : {&m_pages, &m_stale}) {
        const auto it = pages->constFind(page);
        if (it != pages->cend())
            return offset < it->rows.size() ? &it->rows.at(offset) : nullptr;
    }
    return nullptr;
}

QVariantList SqlPageModel::rowAt(int row) const
{
    const QVariantList* values = rowPointer(row);
    return values ? *values : QVariantList();
}

qint64 SqlPageModel::idAt(int row) const
{
    const QVariantList* values = rowPointer(row);
    return values ? values->at(m_query.columns.size()).toLongLong() : 0;
}

int SqlPageModel::rowOfId(qint64 id) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (qsizetype i = 0; i < it->rows.size(); ++i) {
            if (it->rows.at(i).at(m_query.columns.size()).toLongLong() == id)
                return it.key() * kPageSize + int(i);
        }
    }
    return -1;
}

QVariant SqlPageModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const QVariantList* row = rowPointer(index.row());
    if (!row)
        return {};
    if (role == RawRole)
        return row->at(index.column());
    if (role == IdRole)
        return row->at(m_query.columns.size());
    if (m_formatter)
        return m_formatter(*row, index.column(), role);
    if (role == Qt::DisplayRole)
        return row->at(index.column());
    return {};
}

void SqlPageModel::setHeaders(const QStringList& headers)
{
    for (int i = 0; i < m_query.columns.size() && i < headers.size(); ++i)
        m_query.columns[i].header = headers[i];
    if (!m_query.columns.isEmpty())
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, int(m_query.columns.size()) - 1);
}

QVariant SqlPageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_query.columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_query.columns.at(section).header;
    return {};
}

} // namespace hexhub
