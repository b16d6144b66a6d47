// The record table + detail pattern: the paged table, its filter bar and count, the detail beside.
#include "recordtable.h"

#include "sqlpagemodel.h"
#include "widgetstr.h"

#include "base/whenfinished.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QFileDialog>
#include <QDir>
#include <QDate>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace hexhub {

using widgets::Tr;

RecordTable::RecordTable(Store& store, QWidget* parent)
    : QWidget(parent)
    , m_model(new SqlPageModel(store, this))
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("count"));
    m_filters = new QHBoxLayout;
    m_filters->addWidget(m_search, 3);
    m_filters->addWidget(m_count);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->addWidget(m_table);
    m_split->setStretchFactor(0, 4);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_filters);
    layout->addWidget(m_split, 1);

    // Filters apply at once; typed search waits for a pause; Enter applies it and goes to the rows.
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &RecordTable::filtersChanged);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        Q_EMIT filtersChanged();
        m_table->setFocus();
    });
    connect(this, &RecordTable::filtersChanged, this, &RecordTable::updateCount);

    const auto announce = [this](const QModelIndex& current) {
        // Said again when a page comes in: the detail shows it unless it does already.
        if (const qint64 id = current.isValid() ? m_model->idAt(current.row()) : 0)
            Q_EMIT currentRecordChanged(id);
    };
    connect(m_model, &SqlPageModel::ready, this, [this] {
        updateCount();
        if (m_pending != 0)
            selectRecord(m_pending);
        else if (const int row = m_chosen != 0 ? m_model->rowOfId(m_chosen) : -1;
                 row >= 0 && row < m_model->rowCount() && (!m_table->currentIndex().isValid() || m_table->currentIndex().row() != row))
            selectRecord(m_chosen); // the record chosen, wherever the new read put it
        else if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->selectRow(0);
    });
    connect(m_model, &SqlPageModel::loadingChanged, this, &RecordTable::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RecordTable::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RecordTable::updateCount);
    connect(m_model, &SqlPageModel::failed, this,
            [this](const QString& message) { m_count->setText(Tr::tr("Cannot read the records: %1").arg(message)); });
    connect(m_model, &SqlPageModel::pageLoaded, this, [this, announce] {
        if (m_pending != 0) {
            selectRecord(m_pending);
            return;
        }
        // The rows were read again (a new record above, another order): the selection stays on the
        // record the operator chose, not on the row number it had, wherever the record went.
        const QModelIndex current = m_table->selectionModel()->currentIndex();
        // A row made current before its page came (counted, not yet read) is known by its id now.
        if (m_chosen == 0 && current.isValid())
            m_chosen = m_model->idAt(current.row());
        if (m_chosen != 0 && current.isValid() && m_model->idAt(current.row()) != m_chosen) {
            // Only once its row is counted in (a page can come before the count that makes room for it).
            if (const int row = m_model->rowOfId(m_chosen); row >= 0 && row < m_model->rowCount()) {
                selectRecord(m_chosen); // and scrolled to, where the operator sees it
                return;
            }
        }
        // A row made current while its page was still coming (counted, not yet read: the focus
        // landing on the table, a click during a refresh) had no id to show then; it has now.
        announce(current);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this, announce](const QModelIndex& current) {
        // The operator's row (or the program's): its record is followed from now on. A row whose page
        // has not come yet (Ctrl+End on a long list) is known by its id when it comes.
        if (current.isValid())
            m_chosen = m_model->idAt(current.row());
        announce(current);
    });
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (const qint64 id = currentRecord())
            Q_EMIT recordActivated(id);
    });
    addRowKey(QKeySequence(Qt::Key_Return), [this] {
        if (const qint64 id = currentRecord())
            Q_EMIT recordActivated(id);
    });
    addRowKey(QKeySequence(Qt::Key_Enter), [this] {
        if (const qint64 id = currentRecord())
            Q_EMIT recordActivated(id);
    });

    auto* find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    auto* reload = new QShortcut(QKeySequence::Refresh, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(reload, &QShortcut::activated, m_model, &SqlPageModel::refresh);

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (isVisible())
            m_table->viewport()->update();
    });
    setFocusProxy(m_table);
}

RecordTable::~RecordTable() = default;

void RecordTable::setTableName(const QString& objectName)
{
    m_table->setObjectName(objectName);
}

void RecordTable::setSearchPlaceholder(const QString& text)
{
    m_search->setPlaceholderText(text);
}

QComboBox* RecordTable::addFilter(const QString& objectName, const QList<std::pair<QString, QVariant>>& items, int stretch)
{
    auto* box = new QComboBox(this);
    box->setObjectName(objectName);
    for (const auto& [text, value] : items)
        box->addItem(text, value);
    // Before the count, which stays last.
    m_filters->insertWidget(m_filters->count() - 1, box, stretch);
    connect(box, &QComboBox::currentIndexChanged, this, &RecordTable::filtersChanged);
    return box;
}

void RecordTable::setDetail(QWidget* detail, int minimumWidth)
{
    if (m_detail)
        m_detail->deleteLater();
    m_detail = detail;
    if (!detail)
        return;
    detail->setMinimumWidth(minimumWidth);
    m_split->addWidget(detail);
    m_split->setStretchFactor(1, 1);
}

void RecordTable::addRowKey(const QKeySequence& keys, std::function<void()> action)
{
    auto* shortcut = new QShortcut(keys, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, [action = std::move(action)] { action(); });
}

void RecordTable::enableCsvExport(const QString& fileStem)
{
    const bool first = m_exportStem.isEmpty();
    m_exportStem = fileStem;
    if (first)
        addRowKey(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] { exportCsv(); });
}

void RecordTable::exportCsv()
{
    if (m_exportStem.isEmpty())
        return;
    auto* dialog = new QFileDialog(window(), Tr::tr("Export the list as CSV"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(Tr::tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setOption(QFileDialog::DontUseNativeDialog); // the same dialog on every desk, and for the keyboard tests
    dialog->selectFile(QStringLiteral("%1-%2.csv").arg(m_exportStem, QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd"))));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { exportTo(path); });
    dialog->open();
}

QFuture<qint64> RecordTable::exportTo(const QString& path)
{
    say(Tr::tr("Exporting to %1...").arg(QDir::toNativeSeparators(path)));
    QFuture<qint64> done = m_model->exportCsv(path);
    whenFinished(this, done, [this, path](QFuture<qint64> finished) {
        try {
            say(Tr::tr("%n row(s) exported to %1", nullptr, int(finished.result())).arg(QDir::toNativeSeparators(path)));
        } catch (const std::exception& e) {
            say(Tr::tr("Nothing exported: %1").arg(QString::fromUtf8(e.what())));
        }
    });
    return done;
}

void RecordTable::setLiveCells(bool live)
{
    if (live)
        m_tick->start();
    else
        m_tick->stop();
}

qint64 RecordTable::currentRecord() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->idAt(current.row()) : 0;
}

void RecordTable::selectRecord(qint64 id)
{
    m_chosen = id; // followed from now on, wherever the reads put it
    const int row = m_model->rowOfId(id);
    if (row < 0 || row >= m_model->rowCount()) {
        m_pending = id; // comes with the next read (or its row with the count)
        return;
    }
    m_pending = 0;
    const bool sameRow = m_table->currentIndex().row() == row;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
    // The record came to the row that was current already (a new one above the one selected):
    // no row change to say it, so it is said here.
    if (sameRow)
        Q_EMIT currentRecordChanged(id);
}

void RecordTable::say(const QString& text)
{
    m_count->setText(text);
}

void RecordTable::setCountText(std::function<QString(int rows)> counted)
{
    m_counted = std::move(counted);
    updateCount();
}

void RecordTable::updateCount()
{
    if (m_model->isLoading() && !m_model->isReady()) {
        m_count->setText(Tr::tr("Loading..."));
        return;
    }
    const int rows = m_model->rowCount();
    m_count->setText(m_counted ? m_counted(rows) : Tr::tr("%n record(s)", nullptr, rows));
}

} // namespace hexhub
