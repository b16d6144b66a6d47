#pragma once
// One dataset (issue 20 section 1): its provenance, mapping and retention, its rows a page at a time
// (masked; searched; one row revealed with a reason, R), and the rows its import set aside with
// their lines and reasons.

#include "hexhub/bigdata_investigation/datasets.h"
#include "viewsupport.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace hexhub::bigdata {

struct BigDataContext;

class DatasetPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit DatasetPanel(BigDataContext& context, QWidget* parent = nullptr);
    void show(qint64 datasetId);
    qint64 datasetId() const { return m_dataset.id; }
    //! Reveals the chosen row's cells, asking for the reason.
    void revealRow();
    QTableWidget* rows() const { return m_rows; }

private:
    void showDataset(const Dataset& d);
    void readRows(bool more);
    void readRejects();

    BigDataContext& m_context;
    Dataset m_dataset;
    LatestRead m_latest, m_rowsRead;
    QLabel* m_title;
    QLabel* m_provenance;
    QLabel* m_message;
    QTabWidget* m_tabs;
    QTableWidget* m_mapping;
    QLineEdit* m_search;
    QTableWidget* m_rows;
    QPushButton* m_more;
    QTableWidget* m_rejects;
    qint64 m_lastRow = 0;
};

} // namespace hexhub::bigdata
