// The analyst's desk: review queue, datasets, model library and editor, runs (analystdesk.h).
#include "analystdesk.h"
#include "store/sqldialect.h"
#include "bigdatacontext.h"
#include "datasetpanel.h"
#include "dialogs.h"
#include "hitpanel.h"

#include "hexhub/bigdata_investigation/modelrun.h"

#include "base/clock.h"
#include "bus/eventbus.h"
#include "store/store.h"
#include "base/whenfinished.h"
#include "recordtable.h"
#include "sqlpagemodel.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonObject>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace hexhub::bigdata {

namespace {

QString stamp(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString statusText(const QString& key)
{
    const auto s = hitStatusFromKey(key);
    return s ? hitStatusName(*s) : key;
}

QString runStateText(const QString& state)
{
    if (state == QLatin1String("running"))
        return AnalystDesk::tr("running");
    if (state == QLatin1String("finished"))
        return AnalystDesk::tr("finished");
    if (state == QLatin1String("failed"))
        return AnalystDesk::tr("failed");
    if (state == QLatin1String("cancelled"))
        return AnalystDesk::tr("cancelled");
    return state;
}

} // namespace

AnalystDesk::AnalystDesk(BigDataContext& context, QWidget* parent) : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("bigdata_investigation.desk"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("deskPages"));
    m_tabs->addTab(makeQueue(), tr("Review &queue"));
    m_tabs->addTab(makeDatasets(), tr("&Datasets"));
    m_tabs->addTab(makeModels(), tr("Model &library"));
    m_tabs->addTab(makeRuns(), tr("R&uns"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (QWidget* w = m_tabs->widget(index))
            w->setFocus();
    });

    // The window-wide keys of the desk.
    new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_I), this, [this] { importFile(); }, Qt::WidgetWithChildrenShortcut);
    new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), this, [this] { takeSnapshot(); }, Qt::WidgetWithChildrenShortcut);
    new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this, [this] { runModel(); }, Qt::WidgetWithChildrenShortcut);

    // Other desks' and this desk's work arrives on the bus.
    reloadOnEvents(m_context.bus, this, {QStringLiteral("model_hit."), QStringLiteral("model_run.")}, 300, [this] {
        m_queue->model()->refresh();
        m_runs->model()->refresh();
        if (m_hitPanel->hitId() > 0)
            m_hitPanel->reload();
    });
    reloadOnEvents(m_context.bus, this, {QStringLiteral("dataset.")}, 300, [this] { m_datasets->model()->refresh(); });
    reloadOnEvents(m_context.bus, this, {QStringLiteral("model.saved")}, 300, [this] { loadLibrary(); });
    setFocusProxy(m_tabs);
}

AnalystDesk::~AnalystDesk() = default;

QWidget* AnalystDesk::makeQueue()
{
    auto* page = new QWidget(this);
    m_queue = new RecordTable(m_context.store, page);
    m_queue->setTableName(QStringLiteral("queue"));
    m_queue->setSearchPlaceholder(tr("Search what the hits say (Ctrl+F)"));
    m_status = m_queue->addFilter(QStringLiteral("status"), {{tr("To do: new, more data, confirmed"), QStringLiteral("waiting")},
                                                            {hitStatusName(HitStatus::New), hitStatusKey(HitStatus::New)},
                                                            {hitStatusName(HitStatus::MoreData), hitStatusKey(HitStatus::MoreData)},
                                                            {hitStatusName(HitStatus::Confirmed), hitStatusKey(HitStatus::Confirmed)},
                                                            {hitStatusName(HitStatus::Dismissed), hitStatusKey(HitStatus::Dismissed)},
                                                            {hitStatusName(HitStatus::HandedOn), hitStatusKey(HitStatus::HandedOn)},
                                                            {tr("Any status"), QString()}});
    m_queue->setCountText([](int rows) { return tr("%n hit(s)", nullptr, rows); });
    PagedQuery q;
    q.from = QStringLiteral("bd_hits h JOIN bd_runs r ON r.id = h.run_id");
    q.idColumn = QStringLiteral("h.id");
    q.columns = {
        {QStringLiteral("score"), tr("Score"), QStringLiteral("h.score"), {QStringLiteral("h.score")}},
        {QStringLiteral("status"), tr("Status"), QStringLiteral("h.status"), {QStringLiteral("h.status"), QStringLiteral("h.score")}},
        // The sentence kept with the hit reads in today's language; a hit without one as it was stored.
        {QStringLiteral("summary"), tr("What the model found"), QStringLiteral("CASE WHEN h.summary_phrase = '' THEN h.summary ELSE h.summary_phrase END"),
         {QStringLiteral("h.summary")}},
        {QStringLiteral("model"), tr("Model"), QStringLiteral("r.model_id"), {QStringLiteral("r.model_id"), QStringLiteral("h.score")}},
        {QStringLiteral("dataset"), tr("Dataset"), QStringLiteral("r.dataset_name"), {QStringLiteral("r.dataset_name"), QStringLiteral("h.score")}},
        {QStringLiteral("found"), tr("Found"), QStringLiteral("r.started_at"), {QStringLiteral("r.started_at")}},
    };
    q.sortColumn = 0;
    q.order = Qt::DescendingOrder;
    m_queue->model()->setFormatter([](const QVariantList& row, int column, int role) -> QVariant {
        if (role != Qt::DisplayRole)
            return column == 0 && role == Qt::TextAlignmentRole ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
        switch (column) {
        case 0:
            return QString::number(row.value(0).toDouble(), 'f', 3);
        case 1:
            return statusText(row.value(1).toString());
        case 2: {
            const QString summary = row.value(2).toString();
            if (!summary.startsWith(QLatin1Char('{')))
                return summary;
            return Phrase::fromJson(QJsonDocument::fromJson(summary.toUtf8()).object()).text();
        }
        case 5:
            return stamp(row.value(5).toLongLong());
        default:
            return row.value(column);
        }
    });
    m_queue->model()->setQuery(q);
    m_queue->table()->horizontalHeader()->setSortIndicator(0, Qt::DescendingOrder);
    const QFontMetrics fm = m_queue->table()->fontMetrics();
    m_queue->table()->setColumnWidth(0, fm.horizontalAdvance(QStringLiteral("0.0000")) + 16);
    m_queue->table()->setColumnWidth(1, fm.horizontalAdvance(QStringLiteral("needs more data")) + 16);
    m_queue->table()->setColumnWidth(2, fm.horizontalAdvance(QLatin1Char('x')) * 40);
    m_hitPanel = new HitPanel(m_context, page);
    m_queue->setDetail(m_hitPanel, 420);
    connect(m_queue, &RecordTable::filtersChanged, this, &AnalystDesk::applyQueueFilter);
    connect(m_queue, &RecordTable::currentRecordChanged, this, [this](qint64 id) {
        if (id != m_hitPanel->hitId())
            m_hitPanel->show(id);
    });
    connect(m_hitPanel, &HitPanel::reviewed, this, [this] { m_queue->model()->refresh(); });
    m_queue->addRowKey(QKeySequence(Qt::Key_C), [this] { m_hitPanel->confirm(); });
    m_queue->addRowKey(QKeySequence(Qt::Key_X), [this] { m_hitPanel->dismiss(); });
    m_queue->addRowKey(QKeySequence(Qt::Key_M), [this] { m_hitPanel->askForMoreData(); });
    m_queue->addRowKey(QKeySequence(Qt::Key_I), [this] { m_hitPanel->handOn(QStringLiteral("criminal_intel")); });
    m_queue->addRowKey(QKeySequence(Qt::Key_H), [this] { m_hitPanel->handOn(QStringLiteral("hub")); });
    m_queue->addRowKey(QKeySequence(Qt::Key_P), [this] { m_hitPanel->saveReport(); });
    // The labelling loop on an entity-resolution run's pairs: the answer, then the weights learnt again.
    m_queue->addRowKey(QKeySequence(Qt::Key_Y), [this] { m_hitPanel->answer(PairLabel::Same); });
    m_queue->addRowKey(QKeySequence(Qt::Key_N), [this] { m_hitPanel->answer(PairLabel::Different); });
    m_queue->addRowKey(QKeySequence(Qt::Key_U), [this] { m_hitPanel->answer(PairLabel::Unsure); });
    m_queue->addRowKey(QKeySequence(Qt::Key_W), [this] { m_hitPanel->relearn(); });
    m_queue->enableCsvExport(QStringLiteral("hits"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_queue);
    page->setFocusProxy(m_queue->table());
    applyQueueFilter();
    return page;
}

void AnalystDesk::applyQueueFilter()
{
    QStringList where;
    QVariantList binds;
    const QString status = m_status->currentData().toString();
    if (status == QLatin1String("waiting")) {
        // Confirmed hits stay until they are handed on: that is the next step, by the same analyst.
        where << QStringLiteral("h.status IN ('new', 'more_data', 'confirmed')");
    } else if (!status.isEmpty()) {
        where << QStringLiteral("h.status = ?");
        binds << status;
    }
    const QString text = m_queue->search()->text().trimmed();
    if (!text.isEmpty()) {
        where << QStringLiteral("(lower(h.summary) LIKE lower(?) ESCAPE '\\' OR lower(h.hit_key) LIKE lower(?) ESCAPE '\\' OR CAST(h.id AS TEXT) = ?)");
        binds << likePattern(text) << likePattern(text) << text;
    }
    m_queue->model()->setFilter({where.join(QStringLiteral(" AND ")), binds});
}

bool AnalystDesk::openHit(qint64 id)
{
    if (id <= 0)
        return false;
    showPage(Queue);
    // A hit no longer waiting is still found: the filter widens to every status.
    m_status->setCurrentIndex(m_status->count() - 1);
    m_queue->search()->clear();
    applyQueueFilter();
    m_queue->selectRecord(id);
    m_hitPanel->show(id);
    return true;
}

QWidget* AnalystDesk::makeDatasets()
{
    auto* page = new QWidget(this);
    m_datasets = new RecordTable(m_context.store, page);
    m_datasets->setTableName(QStringLiteral("datasets"));
    m_datasets->setSearchPlaceholder(tr("Search names, origins and files (Ctrl+F); Ctrl+I imports a file"));
    m_datasets->setCountText([](int rows) { return tr("%n dataset(s)", nullptr, rows); });
    PagedQuery q;
    q.from = QStringLiteral("bd_datasets d");
    q.idColumn = QStringLiteral("d.id");
    q.columns = {
        {QStringLiteral("name"), tr("Name"), QStringLiteral("d.name"), {QStringLiteral("d.name")}},
        {QStringLiteral("rows"), tr("Rows"), QStringLiteral("d.record_count"), {QStringLiteral("d.record_count")}},
        {QStringLiteral("aside"), tr("Set aside"), QStringLiteral("d.rejected_count"), {QStringLiteral("d.rejected_count")}},
        {QStringLiteral("origin"), tr("Origin"), QStringLiteral("d.origin"), {QStringLiteral("d.origin")}},
        {QStringLiteral("imported"), tr("Imported"), QStringLiteral("d.imported_at"), {QStringLiteral("d.imported_at")}},
        {QStringLiteral("by"), tr("By"), QStringLiteral("d.imported_by"), {QStringLiteral("d.imported_by"), QStringLiteral("d.imported_at")}},
        {QStringLiteral("kept"), tr("Kept until"), QStringLiteral("d.retain_until"), {QStringLiteral("d.retain_until")}},
    };
    q.sortColumn = 4;
    q.order = Qt::DescendingOrder;
    q.where = {QStringLiteral("d.state = 'ready'"), {}};
    m_datasets->model()->setFormatter([](const QVariantList& row, int column, int role) -> QVariant {
        if (role == Qt::TextAlignmentRole && (column == 1 || column == 2))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role != Qt::DisplayRole)
            return {};
        if (column == 1 || column == 2)
            return QLocale().toString(row.value(column).toLongLong());
        if (column == 4)
            return stamp(row.value(4).toLongLong());
        if (column == 6)
            return QDateTime::fromMSecsSinceEpoch(row.value(6).toLongLong()).toString(QStringLiteral("yyyy-MM-dd"));
        return row.value(column);
    });
    m_datasets->model()->setQuery(q);
    m_datasets->table()->horizontalHeader()->setSortIndicator(4, Qt::DescendingOrder);
    m_datasets->table()->setColumnWidth(0, m_datasets->table()->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 34);
    connect(m_datasets, &RecordTable::filtersChanged, this, [this] {
        QStringList where{QStringLiteral("d.state = 'ready'")};
        QVariantList binds;
        const QString text = m_datasets->search()->text().trimmed();
        if (!text.isEmpty()) {
            where << QStringLiteral("(lower(d.name) LIKE lower(?) OR lower(d.origin) LIKE lower(?) OR lower(d.source_file) LIKE lower(?))");
            const QString like = QLatin1Char('%') + text + QLatin1Char('%');
            binds << like << like << like;
        }
        m_datasets->model()->setFilter({where.join(QStringLiteral(" AND ")), binds});
    });
    m_datasets->enableCsvExport(QStringLiteral("datasets"));
    m_datasetPanel = new DatasetPanel(m_context, page);
    m_datasets->setDetail(m_datasetPanel, 480);
    connect(m_datasets, &RecordTable::currentRecordChanged, this, [this](qint64 id) {
        if (id != m_datasetPanel->datasetId())
            m_datasetPanel->show(id);
    });
    connect(m_datasets, &RecordTable::recordActivated, this, [this] { m_datasetPanel->rows()->setFocus(); });
    m_datasetsNote = new QLabel(page);
    m_datasetsNote->setObjectName(QStringLiteral("datasetsNote"));
    m_datasetsNote->setWordWrap(true);
    m_datasetsNote->hide();
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_datasets);
    layout->addWidget(m_datasetsNote);
    page->setFocusProxy(m_datasets->table());
    return page;
}

bool AnalystDesk::openDataset(qint64 id)
{
    if (id <= 0)
        return false;
    showPage(Datasets);
    m_datasets->search()->clear();
    m_datasets->selectRecord(id);
    m_datasetPanel->show(id);
    return true;
}

void AnalystDesk::exportList()
{
    switch (page()) {
    case Datasets:
        m_datasets->exportCsv();
        break;
    case Runs:
        m_runs->exportCsv();
        break;
    default:
        showPage(Queue);
        m_queue->exportCsv();
        break;
    }
}

void AnalystDesk::purgeExpired()
{
    showPage(Datasets);
    m_datasetsNote->setText(tr("Removing the datasets past their retention date..."));
    m_datasetsNote->show();
    whenFinished(this, m_context.datasets.purgeExpired(), [this](QFuture<int> done) {
        m_datasets->model()->refresh();
        try {
            const int removed = done.result();
            m_datasetsNote->setText(removed == 0 ? tr("No dataset is past its retention date.")
                                         : tr("%n dataset(s) past their retention date removed (on the journal and the audit trail).", nullptr, removed));
        } catch (const std::exception& e) {
            m_datasetsNote->setText(tr("The purge failed: %1").arg(errorText(e)));
        }
    });
}

void AnalystDesk::takeSnapshot()
{
    auto* dialog = new ImportDialog(m_context, m_context.snapshotSources ? m_context.snapshotSources() : QList<SnapshotSource>(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, [this](qint64 id) {
        m_datasets->model()->refresh();
        openDataset(id);
    });
    dialog->open();
}

void AnalystDesk::importFile(const QString& path)
{
    auto* dialog = new ImportDialog(m_context, path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, [this](qint64 id) {
        m_datasets->model()->refresh();
        openDataset(id);
    });
    dialog->open();
}

QWidget* AnalystDesk::makeModels()
{
    auto* page = new QWidget(this);
    m_library = new QListWidget(page);
    m_library->setObjectName(QStringLiteral("library"));
    m_editor = new QPlainTextEdit(page);
    m_editor->setObjectName(QStringLiteral("modelEditor"));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_editor->setFont(mono);
    m_editor->setTabChangesFocus(true);
    m_problems = new QListWidget(page);
    m_problems->setObjectName(QStringLiteral("modelProblems"));
    m_problems->setMaximumHeight(120);
    m_modelState = new QLabel(page);
    m_modelState->setObjectName(QStringLiteral("modelState"));
    m_modelState->setWordWrap(true);
    m_save = new QPushButton(tr("&Save as a new version"), page);
    m_save->setObjectName(QStringLiteral("saveModel"));
    m_run = new QPushButton(tr("&Run over a dataset... (Ctrl+R)"), page);
    m_run->setObjectName(QStringLiteral("runModel"));
    connect(m_save, &QPushButton::clicked, this, &AnalystDesk::saveModel);
    connect(m_run, &QPushButton::clicked, this, [this] { runModel(); });
    m_check = new QTimer(this);
    m_check->setSingleShot(true);
    m_check->setInterval(250);
    connect(m_check, &QTimer::timeout, this, &AnalystDesk::checkModel);
    connect(m_editor, &QPlainTextEdit::textChanged, m_check, qOverload<>(&QTimer::start));
    connect(m_library, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_editor->setPlainText(m_library->item(row)->data(Qt::UserRole).toString());
        checkModel();
    });
    auto* right = new QWidget(page);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_modelState);
    m_paramBox = new QGroupBox(tr("Parameters: their defaults (a run may change them)"), right);
    m_paramBox->setObjectName(QStringLiteral("modelParameters"));
    m_paramForm = new QFormLayout(m_paramBox);
    auto* editing = new QHBoxLayout;
    editing->addWidget(m_editor, 3);
    editing->addWidget(m_paramBox, 2);
    rightLayout->addLayout(editing, 1);
    rightLayout->addWidget(new QLabel(tr("Problems (checked as you type):"), right));
    rightLayout->addWidget(m_problems);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_run);
    buttons->addStretch(1);
    rightLayout->addLayout(buttons);
    auto* split = new QSplitter(page);
    split->addWidget(m_library);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    page->setFocusProxy(m_library);
    loadLibrary();
    return page;
}

void AnalystDesk::loadLibrary(const QString& select)
{
    const QString keep = select.isEmpty() && m_library->currentItem() ? m_library->currentItem()->data(Qt::UserRole + 1).toString() : select;
    whenLatest(this, m_libraryRead, m_context.models.library(), [this, keep](QFuture<QList<ModelDefinition>> done) {
        QList<ModelDefinition> models;
        try {
            models = done.result();
        } catch (const std::exception& e) {
            m_modelState->setText(errorText(e));
            return;
        }
        const QString language = QLocale().name();
        const QSignalBlocker blocker(m_library);
        m_library->clear();
        int chosen = 0;
        for (const ModelDefinition& m : std::as_const(models)) {
            auto* item = new QListWidgetItem(tr("%1\n%2 · version %3 · %4")
                                                 .arg(m.titleIn(language), modelKindName(m.kind))
                                                 .arg(m.version)
                                                 .arg(m.origin == QLatin1String("bundled") ? tr("bundled") : tr("saved")),
                                             m_library);
            item->setData(Qt::UserRole, QString::fromUtf8(m.source));
            item->setData(Qt::UserRole + 1, m.id);
            if (m.id == keep)
                chosen = m_library->count() - 1;
        }
        if (m_library->count() > 0) {
            m_library->setCurrentRow(chosen);
            m_editor->setPlainText(m_library->item(chosen)->data(Qt::UserRole).toString());
            checkModel();
        }
    });
}

void AnalystDesk::showParameters(const ModelDefinition& model)
{
    QStringList names;
    for (const ModelParameter& p : model.parameters)
        names << p.name;
    const QString language = QLocale().name();
    const auto valueText = [](const QJsonValue& v) {
        if (v.isArray()) {
            QStringList parts;
            for (const QJsonValue& e : v.toArray())
                parts << e.toVariant().toString();
            return parts.join(QLatin1Char(','));
        }
        return v.isUndefined() || v.isNull() ? QString() : v.toVariant().toString();
    };
    if (names != m_paramNames) {
        // Another model, or its parameters changed: the form made again.
        while (m_paramForm->rowCount() > 0)
            m_paramForm->removeRow(0);
        m_paramNames = names;
        for (const ModelParameter& p : model.parameters) {
            auto* field = new QLineEdit(m_paramBox);
            field->setObjectName(QStringLiteral("param_") + p.name);
            const QString description = p.description.value(language, p.description.value(QStringLiteral("en")));
            field->setToolTip(description);
            field->setPlaceholderText(p.defaultValue.isUndefined() ? tr("given at each run") : QString());
            connect(field, &QLineEdit::editingFinished, this, [this, field, name = p.name] { setParameterDefault(name, field->text()); });
            m_paramForm->addRow(p.name, field);
        }
    }
    // The values as the text says now, unless the analyst is typing in the field.
    for (const ModelParameter& p : model.parameters)
        if (auto* field = m_paramBox->findChild<QLineEdit*>(QStringLiteral("param_") + p.name); field && !field->hasFocus())
            field->setText(valueText(p.defaultValue));
    m_paramBox->setVisible(!names.isEmpty());
}

void AnalystDesk::setParameterDefault(const QString& name, const QString& text)
{
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(m_editor->toPlainText().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return; // the text's own problem is listed already
    QJsonObject root = doc.object();
    QJsonObject params = root.value(QStringLiteral("parameters")).toObject();
    QJsonObject param = params.value(name).toObject();
    const QString type = param.value(QStringLiteral("type")).toString();
    const QString trimmed = text.trimmed();
    QJsonValue value;
    if (trimmed.isEmpty()) {
        param.remove(QStringLiteral("default"));
    } else {
        bool ok = false;
        if (type == QLatin1String("integer")) {
            const qint64 n = trimmed.toLongLong(&ok);
            value = ok ? QJsonValue(double(n)) : QJsonValue(trimmed);
        } else if (type == QLatin1String("number")) {
            const double n = QLocale::c().toDouble(trimmed, &ok);
            value = ok ? QJsonValue(n) : QJsonValue(trimmed);
        } else if (type == QLatin1String("columns")) {
            QJsonArray list;
            for (const QString& c : trimmed.split(QLatin1Char(','), Qt::SkipEmptyParts))
                list << c.trimmed();
            value = list;
        } else {
            value = trimmed;
        }
        param.insert(QStringLiteral("default"), value); // a wrong value is named by the check below, by its path
    }
    if (params.value(name).toObject() == param)
        return;
    params.insert(name, param);
    root.insert(QStringLiteral("parameters"), params);
    m_editor->setPlainText(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)));
}

void AnalystDesk::checkModel()
{
    // Parsing a model file is pure work on a few kilobytes: done here as the analyst types.
    QList<ModelProblem> problems;
    const auto model = ModelDefinition::fromJson(m_editor->toPlainText().toUtf8(), &problems);
    m_problems->clear();
    for (const ModelProblem& p : std::as_const(problems))
        m_problems->addItem(p.toString());
    m_save->setEnabled(model.has_value());
    m_run->setEnabled(model.has_value());
    if (model)
        showParameters(*model);
    if (model)
        m_modelState->setText(tr("%1: %2, version %3, %n parameter(s); no problem", nullptr, int(model->parameters.size()))
                                  .arg(model->id, modelKindName(model->kind))
                                  .arg(model->version));
    else
        m_modelState->setText(tr("%n problem(s): the model cannot be saved or run until they are fixed", nullptr, int(problems.size())));
}

void AnalystDesk::saveModel()
{
    m_save->setEnabled(false);
    whenFinished(this, m_context.models.save(m_editor->toPlainText().toUtf8()), [this](QFuture<ModelDefinition> done) {
        try {
            const ModelDefinition saved = done.result();
            m_modelState->setText(tr("Saved as %1 version %2.").arg(saved.id).arg(saved.version));
            loadLibrary(saved.id);
        } catch (const std::exception& e) {
            m_modelState->setText(errorText(e));
            m_save->setEnabled(true);
        }
    });
}

void AnalystDesk::runModel(const QString& modelId)
{
    std::optional<ModelDefinition> model;
    if (!modelId.isEmpty()) {
        QList<ModelProblem> problems;
        model = findModel(modelId, &problems);
        for (int i = 0; i < m_library->count(); ++i)
            if (m_library->item(i)->data(Qt::UserRole + 1).toString() == modelId)
                model = ModelDefinition::fromJson(m_library->item(i)->data(Qt::UserRole).toString().toUtf8(), nullptr);
    } else {
        model = ModelDefinition::fromJson(m_editor->toPlainText().toUtf8(), nullptr);
    }
    if (!model) {
        showPage(Models);
        m_modelState->setText(tr("Choose a model without problems in the library first."));
        return;
    }
    auto* dialog = new RunDialog(m_context, *model, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RunDialog::ran, this, [this](qint64 runId) {
        m_runs->model()->refresh();
        showPage(Runs);
        m_runs->selectRecord(runId);
        showRun(runId);
    });
    dialog->open();
}

QWidget* AnalystDesk::makeRuns()
{
    auto* page = new QWidget(this);
    m_runs = new RecordTable(m_context.store, page);
    m_runs->setTableName(QStringLiteral("runs"));
    m_runs->setSearchPlaceholder(tr("Search models and datasets (Ctrl+F)"));
    m_runs->setCountText([](int rows) { return tr("%n run(s)", nullptr, rows); });
    PagedQuery q;
    q.from = QStringLiteral("bd_runs r");
    q.idColumn = QStringLiteral("r.id");
    q.columns = {
        {QStringLiteral("started"), tr("Started"), QStringLiteral("r.started_at"), {QStringLiteral("r.started_at")}},
        {QStringLiteral("model"), tr("Model"), QStringLiteral("r.model_id"), {QStringLiteral("r.model_id"), QStringLiteral("r.started_at")}},
        {QStringLiteral("version"), tr("Version"), QStringLiteral("r.model_version"), {QStringLiteral("r.model_version")}},
        {QStringLiteral("dataset"), tr("Dataset"), QStringLiteral("r.dataset_name"), {QStringLiteral("r.dataset_name"), QStringLiteral("r.started_at")}},
        {QStringLiteral("state"), tr("State"), QStringLiteral("r.state"), {QStringLiteral("r.state"), QStringLiteral("r.started_at")}},
        {QStringLiteral("hits"), tr("Hits"), QStringLiteral("r.hit_count"), {QStringLiteral("r.hit_count")}},
        {QStringLiteral("by"), tr("By"), QStringLiteral("r.started_by"), {QStringLiteral("r.started_by"), QStringLiteral("r.started_at")}},
    };
    q.sortColumn = 0;
    q.order = Qt::DescendingOrder;
    m_runs->model()->setFormatter([](const QVariantList& row, int column, int role) -> QVariant {
        if (role != Qt::DisplayRole)
            return {};
        if (column == 0)
            return stamp(row.value(0).toLongLong());
        if (column == 4)
            return runStateText(row.value(4).toString());
        return row.value(column);
    });
    m_runs->model()->setQuery(q);
    m_runs->table()->horizontalHeader()->setSortIndicator(0, Qt::DescendingOrder);
    connect(m_runs, &RecordTable::filtersChanged, this, [this] {
        const QString text = m_runs->search()->text().trimmed();
        if (text.isEmpty()) {
            m_runs->model()->setFilter({});
            return;
        }
        const QString like = QLatin1Char('%') + text + QLatin1Char('%');
        m_runs->model()->setFilter({QStringLiteral("(lower(r.model_id) LIKE lower(?) OR lower(r.dataset_name) LIKE lower(?))"), {like, like}});
    });
    auto* detail = new QWidget(page);
    m_runState = new QLabel(detail);
    m_runState->setObjectName(QStringLiteral("runState"));
    m_runState->setWordWrap(true);
    m_runHits = new QTableWidget(detail);
    m_runHits->setObjectName(QStringLiteral("runHits"));
    m_runHits->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runHits->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runHits->setColumnCount(4);
    m_runHits->setHorizontalHeaderLabels({tr("Rank"), tr("Score"), tr("Status"), tr("What the model found")});
    m_runHits->verticalHeader()->hide();
    m_runHits->horizontalHeader()->setStretchLastSection(true);
    // Enter on a hit opens it on the queue.
    connect(m_runHits, &QTableWidget::itemActivated, this, [this](QTableWidgetItem* item) {
        if (QTableWidgetItem* first = m_runHits->item(item->row(), 0))
            openHit(first->data(Qt::UserRole).toLongLong());
    });
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->addWidget(m_runState);
    detailLayout->addWidget(m_runHits, 1);
    m_runs->setDetail(detail, 420);
    m_runs->enableCsvExport(QStringLiteral("runs"));
    connect(m_runs, &RecordTable::currentRecordChanged, this, &AnalystDesk::showRun);
    connect(m_runs, &RecordTable::recordActivated, this, [this] { m_runHits->setFocus(); });
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_runs);
    page->setFocusProxy(m_runs->table());
    return page;
}

bool AnalystDesk::openRun(qint64 id)
{
    if (id <= 0)
        return false;
    showPage(Runs);
    m_runs->search()->clear();
    m_runs->selectRecord(id);
    showRun(id);
    return true;
}

void AnalystDesk::showRun(qint64 runId)
{
    m_runHits->setRowCount(0);
    if (runId <= 0) {
        m_runState->clear();
        return;
    }
    whenLatest(this, m_runRead, m_context.models.runs(500), [this, runId](QFuture<QList<ModelRunRecord>> done) {
        try {
            for (const ModelRunRecord& r : done.result()) {
                if (r.id != runId)
                    continue;
                QString text = tr("%1 version %2 over %3 · %4 · %5 rows · %n hit(s)", nullptr, int(r.hitCount))
                                   .arg(r.modelTitle.isEmpty() ? r.modelId : r.modelTitle)
                                   .arg(r.modelVersion)
                                   .arg(r.datasetName, runStateText(r.state))
                                   .arg(r.rowsSeen);
                if (!r.error.isEmpty())
                    text += QLatin1Char('\n') + r.error;
                if (!r.notes.isEmpty())
                    text += QLatin1Char('\n') + tr("Set aside: %1").arg(r.notes.mid(0, 5).join(QStringLiteral("; ")));
                m_runState->setText(text);
            }
        } catch (const std::exception& e) {
            m_runState->setText(errorText(e));
        }
    });
    whenFinished(this, m_context.models.hits(runId, 0, 500), [this](QFuture<QList<StoredHit>> done) {
        try {
            const QList<StoredHit> hits = done.result();
            m_runHits->setRowCount(int(hits.size()));
            for (int i = 0; i < hits.size(); ++i) {
                auto* rank = new QTableWidgetItem(QString::number(hits[i].rank));
                rank->setData(Qt::UserRole, hits[i].id);
                m_runHits->setItem(i, 0, rank);
                m_runHits->setItem(i, 1, new QTableWidgetItem(QString::number(hits[i].score, 'f', 3)));
                m_runHits->setItem(i, 2, new QTableWidgetItem(hitStatusName(hits[i].status)));
                m_runHits->setItem(i, 3, new QTableWidgetItem(hits[i].summary));
            }
            m_runHits->resizeColumnsToContents();
        } catch (const std::exception& e) {
            m_runState->setText(errorText(e));
        }
    });
}

void AnalystDesk::restoreViewState(const QJsonObject& state)
{
    const QString page = state.value(QStringLiteral("page")).toString();
    if (const qint64 hit = qint64(state.value(QStringLiteral("hit")).toDouble()); hit > 0)
        openHit(hit);
    if (const qint64 dataset = qint64(state.value(QStringLiteral("dataset")).toDouble()); dataset > 0)
        openDataset(dataset);
    if (page == QLatin1String("queue"))
        showPage(Queue);
    else if (page == QLatin1String("datasets"))
        showPage(Datasets);
    else if (page == QLatin1String("models"))
        showPage(Models);
    else if (page == QLatin1String("runs"))
        showPage(Runs);
}

void AnalystDesk::showPage(Page page)
{
    m_tabs->setCurrentIndex(int(page));
}

AnalystDesk::Page AnalystDesk::page() const
{
    return Page(m_tabs->currentIndex());
}

} // namespace hexhub::bigdata
