#pragma once
// The analyst's desk (issue 20 section 3): the review queue of hits (the centre's main work list),
// the datasets with their rows, the model library with its editor, and the runs. Keyboard first:
// Alt+Q, Alt+D, Alt+L, Alt+U choose the page; on the queue C confirms, X dismisses, M asks for more
// data, I hands to criminal intelligence, H to the hub, P saves the hit as a PDF report; on an
// entity-resolution pair Y, N and U answer same, different or unsure, and W learns the model's weights
// again from the answers; Ctrl+Shift+E exports the list; Ctrl+I imports a file, Ctrl+Shift+I takes a
// snapshot of Hexhub's records, Ctrl+R runs a model.

#include "viewsupport.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace hexhub {
class RecordTable;
class SqlPageModel;
}

namespace hexhub::bigdata {

struct BigDataContext;
struct ModelDefinition;
class HitPanel;
class DatasetPanel;

class AnalystDesk final : public QWidget
{
    Q_OBJECT
public:
    explicit AnalystDesk(BigDataContext& context, QWidget* parent = nullptr);
    ~AnalystDesk() override;

    enum Page { Queue, Datasets, Models, Runs };
    void showPage(Page page);
    Page page() const;

    //! Opens hit `id` on the queue (also when it is no longer waiting).
    bool openHit(qint64 id);
    bool openDataset(qint64 id);
    //! Opens run `id` on the runs page with its hits.
    bool openRun(qint64 id);
    //! The import of a file: its preview, the mapping, the provenance, then the import with progress.
    void importFile(const QString& path = {});
    //! The import of a snapshot of Hexhub's own records (Ctrl+Shift+I): which, the period, the provenance.
    void takeSnapshot();
    //! Runs the model chosen in the library (or `modelId`) over a dataset.
    void runModel(const QString& modelId = {});
    //! Removes the datasets past their retention date (and imports left unfinished), on the datasets
    //! page, and says there how many went.
    void purgeExpired();
    //! The list of the page in view (hits, datasets or runs) as CSV, as filtered (Ctrl+Shift+E).
    void exportList();

    HitPanel* hitPanel() const { return m_hitPanel; }
    //! What a wall or a picture shows: {"page": "queue" | "datasets" | "models" | "runs", "hit": id, "dataset": id}.
    Q_INVOKABLE void restoreViewState(const QJsonObject& state);
    RecordTable* queue() const { return m_queue; }
    RecordTable* datasets() const { return m_datasets; }
    RecordTable* runs() const { return m_runs; }

private:
    QWidget* makeQueue();
    QWidget* makeDatasets();
    QWidget* makeModels();
    QWidget* makeRuns();
    void applyQueueFilter();
    void loadLibrary(const QString& select = {});
    void checkModel();
    //! The parameters' form beside the editor: one field a parameter, its default; a field changed
    //! writes the default into the model's text (checked as typed).
    void showParameters(const ModelDefinition& model);
    void setParameterDefault(const QString& name, const QString& text);
    void saveModel();
    void showRun(qint64 runId);

    BigDataContext& m_context;
    QTabWidget* m_tabs;
    // Queue.
    RecordTable* m_queue;
    QComboBox* m_status;
    HitPanel* m_hitPanel;
    qint64 m_openHit = 0;
    // Datasets.
    RecordTable* m_datasets;
    DatasetPanel* m_datasetPanel;
    QLabel* m_datasetsNote; //!< what the last purge did
    // Models.
    QListWidget* m_library;
    QPlainTextEdit* m_editor;
    QListWidget* m_problems;
    QWidget* m_paramBox;
    QFormLayout* m_paramForm;
    QStringList m_paramNames;
    QLabel* m_modelState;
    QPushButton* m_save;
    QPushButton* m_run;
    QTimer* m_check;
    LatestRead m_libraryRead;
    // Runs.
    RecordTable* m_runs;
    QLabel* m_runState;
    QTableWidget* m_runHits;
    LatestRead m_runRead;
};

} // namespace hexhub::bigdata
