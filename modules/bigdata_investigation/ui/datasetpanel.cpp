// One dataset: provenance, mapping, rows (masked, searched, revealed with a reason), set-aside rows.
#include "datasetpanel.h"
#include "bigdatacontext.h"
#include "hitpanel.h"

#include "base/whenfinished.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QScrollBar>
#include <QShortcut>
#include <QVBoxLayout>

namespace hexhub::bigdata {

namespace {

constexpr int kPage = 200;

QString day(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd"));
}

} // namespace

DatasetPanel::DatasetPanel(BigDataContext& context, QWidget* parent) : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("datasetPanel"));
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_provenance = new QLabel(this);
    m_provenance->setObjectName(QStringLiteral("provenance"));
    m_provenance->setWordWrap(true);
    m_provenance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("datasetMessage"));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("rowSearch"));
    m_search->setPlaceholderText(tr("Search the rows (masked values are searched as shown)"));
    m_search->setClearButtonEnabled(true);
    auto* delay = new QTimer(this);
    delay->setSingleShot(true);
    delay->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, delay, qOverload<>(&QTimer::start));
    connect(delay, &QTimer::timeout, this, [this] { readRows(false); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { readRows(false); });
    m_rows = new QTableWidget(this);
    m_rows->setObjectName(QStringLiteral("datasetRows"));
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rows->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rows->verticalHeader()->hide();
    m_more = new QPushButton(tr("More rows"), this);
    m_more->setObjectName(QStringLiteral("moreRows"));
    connect(m_more, &QPushButton::clicked, this, [this] { readRows(true); });
    auto* reveal = new QPushButton(tr("Reveal row (R)..."), this);
    reveal->setObjectName(QStringLiteral("revealRow"));
    connect(reveal, &QPushButton::clicked, this, &DatasetPanel::revealRow);
    auto* r = new QShortcut(QKeySequence(Qt::Key_R), m_rows, this, &DatasetPanel::revealRow, Qt::WidgetShortcut);
    Q_UNUSED(r);
    // Reading on as the last row comes into view.
    connect(m_rows->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_rows->verticalScrollBar()->maximum() && m_more->isEnabled())
            readRows(true);
    });

    auto* rowsPage = new QWidget(this);
    auto* rowsLayout = new QVBoxLayout(rowsPage);
    rowsLayout->setContentsMargins(0, 0, 0, 0);
    rowsLayout->addWidget(m_search);
    rowsLayout->addWidget(m_rows, 1);
    auto* rowButtons = new QHBoxLayout;
    rowButtons->addWidget(m_more);
    rowButtons->addWidget(reveal);
    rowButtons->addStretch(1);
    rowsLayout->addLayout(rowButtons);

    m_mapping = new QTableWidget(this);
    m_mapping->setObjectName(QStringLiteral("mapping"));
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mapping->setColumnCount(3);
    m_mapping->setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("Personal data")});
    m_mapping->verticalHeader()->hide();
    m_rejects = new QTableWidget(this);
    m_rejects->setObjectName(QStringLiteral("rejects"));
    m_rejects->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rejects->setColumnCount(3);
    m_rejects->setHorizontalHeaderLabels({tr("Line"), tr("Why it was set aside"), tr("The line")});
    m_rejects->verticalHeader()->hide();

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(rowsPage, tr("Ro&ws"));
    m_tabs->addTab(m_mapping, tr("Ma&pping"));
    m_tabs->addTab(m_rejects, tr("Set &aside"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_provenance);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    showDataset({});
}

void DatasetPanel::show(qint64 datasetId)
{
    if (datasetId <= 0) {
        m_latest.invalidate();
        showDataset({});
        return;
    }
    whenLatest(this, m_latest, m_context.datasets.dataset(datasetId), [this](QFuture<Dataset> done) {
        try {
            showDataset(done.result());
        } catch (const std::exception& e) {
            showDataset({});
            m_message->setText(errorText(e));
        }
    });
}

void DatasetPanel::showDataset(const Dataset& d)
{
    if (d.id != m_dataset.id)
        m_message->clear();
    m_dataset = d;
    m_rows->clear();
    m_rows->setRowCount(0);
    m_rejects->setRowCount(0);
    m_mapping->setRowCount(0);
    m_lastRow = 0;
    if (d.id <= 0) {
        m_title->setText(tr("No dataset chosen"));
        m_provenance->clear();
        m_more->setEnabled(false);
        return;
    }
    m_title->setText(d.name);
    m_provenance->setText(tr("%n row(s) from %1 (%2, %3), %4 set aside", nullptr, int(d.rowCount))
                              .arg(d.sourceFile, d.format.toUpper(), d.encoding)
                              .arg(d.rejectedCount)
                          + QLatin1Char('\n') + tr("Origin: %1 · Legal basis: %2").arg(d.origin, d.legalBasis) + QLatin1Char('\n')
                          + tr("Imported %1 by %2 · kept until %3, then purged").arg(day(d.importedAt), d.importedBy, day(d.retainUntil)));
    QStringList headers{tr("Line")};
    m_mapping->setRowCount(int(d.columns.size()));
    for (int i = 0; i < d.columns.size(); ++i) {
        const ColumnSpec& c = d.columns[i];
        headers << (c.personal ? tr("%1 (masked)").arg(c.name) : c.name);
        m_mapping->setItem(i, 0, new QTableWidgetItem(c.name));
        m_mapping->setItem(i, 1, new QTableWidgetItem(columnTypeName(c.type) + (c.format.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(c.format))));
        m_mapping->setItem(i, 2, new QTableWidgetItem(c.personal ? tr("yes, masked") : tr("no")));
    }
    m_mapping->resizeColumnsToContents();
    m_rows->setColumnCount(int(headers.size()));
    m_rows->setHorizontalHeaderLabels(headers);
    m_tabs->setTabText(2, tr("Set &aside (%1)").arg(d.rejectedCount));
    readRows(false);
    readRejects();
}

void DatasetPanel::readRows(bool more)
{
    if (m_dataset.id <= 0)
        return;
    if (!more) {
        m_rows->setRowCount(0);
        m_lastRow = 0;
    }
    m_more->setEnabled(false);
    whenLatest(this, m_rowsRead, m_context.datasets.rows(m_dataset.id, m_lastRow, kPage, m_search->text()), [this](QFuture<QList<DatasetRow>> done) {
        try {
            const QList<DatasetRow> rows = done.result();
            int at = m_rows->rowCount();
            m_rows->setRowCount(at + int(rows.size()));
            for (const DatasetRow& r : rows) {
                auto* line = new QTableWidgetItem(QString::number(r.lineNo));
                line->setData(Qt::UserRole, r.rowNo);
                m_rows->setItem(at, 0, line);
                for (int c = 0; c < r.cells.size() && c + 1 < m_rows->columnCount(); ++c)
                    m_rows->setItem(at, c + 1, new QTableWidgetItem(r.cells[c]));
                ++at;
                m_lastRow = r.rowNo;
            }
            if (m_rows->rowCount() == rows.size())
                m_rows->resizeColumnsToContents();
            m_more->setEnabled(rows.size() == kPage);
            if (rows.isEmpty() && m_rows->rowCount() == 0 && !m_search->text().isEmpty())
                m_message->setText(tr("No row holds \"%1\" as shown.").arg(m_search->text()));
            else
                m_message->clear();
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
        }
    });
}

void DatasetPanel::readRejects()
{
    const qint64 id = m_dataset.id;
    whenFinished(this, m_context.datasets.rejects(id, 0, 1000), [this, id](QFuture<QList<TabularShape::Rejected>> done) {
        if (m_dataset.id != id)
            return;
        try {
            const auto rejects = done.result();
            m_rejects->setRowCount(int(rejects.size()));
            for (int i = 0; i < rejects.size(); ++i) {
                m_rejects->setItem(i, 0, new QTableWidgetItem(QString::number(rejects[i].line)));
                m_rejects->setItem(i, 1, new QTableWidgetItem(rejects[i].reason));
                m_rejects->setItem(i, 2, new QTableWidgetItem(rejects[i].text));
            }
            m_rejects->resizeColumnsToContents();
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
        }
    });
}

void DatasetPanel::revealRow()
{
    const int row = m_rows->currentRow();
    if (m_dataset.id <= 0 || row < 0 || !m_rows->item(row, 0)) {
        m_message->setText(tr("Choose a row to reveal."));
        return;
    }
    const qint64 rowNo = m_rows->item(row, 0)->data(Qt::UserRole).toLongLong();
    const auto reason = askReason(this, tr("Reveal line %1").arg(m_rows->item(row, 0)->text()),
                                  tr("Why do you need to see this row's personal data? The reason goes on the audit log."));
    if (!reason)
        return;
    const qint64 id = m_dataset.id;
    whenFinished(this, m_context.datasets.reveal(id, rowNo, *reason), [this, id, rowNo](QFuture<QStringList> done) {
        try {
            const QStringList cells = done.result();
            if (m_dataset.id != id)
                return;
            for (int r = 0; r < m_rows->rowCount(); ++r) {
                if (m_rows->item(r, 0) && m_rows->item(r, 0)->data(Qt::UserRole).toLongLong() == rowNo) {
                    for (int c = 0; c < cells.size() && c + 1 < m_rows->columnCount(); ++c) {
                        auto* item = new QTableWidgetItem(cells[c]);
                        if (m_dataset.columns.value(c).personal)
                            item->setToolTip(tr("Revealed; on the audit log with your reason"));
                        m_rows->setItem(r, c + 1, item);
                    }
                }
            }
            m_message->setText(tr("Row revealed; the reveal and your reason are on the audit log."));
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
        }
    });
}

} // namespace hexhub::bigdata
