#pragma once
// The import of a file (preview, mapping, provenance, then the import with its progress and cancel)
// and the run of a model (a dataset, the parameters, then the run with its progress and cancel).

#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/model.h"
#include "hexhub/bigdata_investigation/modelservice.h"

#include <QDialog>
#include <QFuture>
#include <QFutureWatcher>
#include <QMap>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableWidget;

namespace hexhub::bigdata {

struct BigDataContext;

class ImportDialog final : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(BigDataContext& context, const QString& path, QWidget* parent = nullptr);
    /*!
     * The same for a snapshot of Hexhub's own records (object name "snapshotDialog"): which records
     * (`sources`; those the analyst may not take are shown and cannot be chosen), the period, then the
     * provenance and the import with its progress and cancel.
     */
    ImportDialog(BigDataContext& context, const QList<SnapshotSource>& sources, QWidget* parent = nullptr);
    //! The mapping as the analyst set it.
    QList<ColumnSpec> mapping() const;

Q_SIGNALS:
    void imported(qint64 datasetId);

private:
    void readPreview();
    void startImport();
    void done(int result) override;

    BigDataContext& m_context;
    QLineEdit* m_path;
    QLabel* m_shape;
    QTableWidget* m_preview;
    QTableWidget* m_mapping;
    QLineEdit* m_name;
    QLineEdit* m_origin;
    QLineEdit* m_basis;
    QDateEdit* m_retain;
    QProgressBar* m_progress;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    QPushButton* m_import;
    FilePreview m_read;
    QFutureWatcher<Dataset> m_watcher;
    bool m_running = false;
    // A snapshot's: the sources, the chosen one, the period.
    QList<SnapshotSource> m_sources;
    QComboBox* m_source = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
};

class RunDialog final : public QDialog
{
    Q_OBJECT
public:
    RunDialog(BigDataContext& context, const ModelDefinition& model, QWidget* parent = nullptr);

Q_SIGNALS:
    void ran(qint64 runId);

private:
    void startRun();
    void done(int result) override;

    BigDataContext& m_context;
    ModelDefinition m_model;
    QComboBox* m_dataset;
    QFormLayout* m_form;
    QMap<QString, QLineEdit*> m_params;
    QProgressBar* m_progress;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    QPushButton* m_run;
    QList<Dataset> m_datasets;
    QFutureWatcher<ModelRunRecord> m_watcher;
    bool m_running = false;
};

} // namespace hexhub::bigdata
