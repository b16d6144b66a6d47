// The import and run dialogs (dialogs.h).
#include "dialogs.h"
#include "bigdatacontext.h"

#include "base/clock.h"
#include "base/whenfinished.h"
#include "security/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QHBoxLayout>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace hexhub::bigdata {

namespace {

QString paramText(const QJsonValue& v)
{
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue& e : v.toArray())
            parts << e.toVariant().toString();
        return parts.join(QLatin1Char(','));
    }
    return v.toVariant().toString();
}

} // namespace

ImportDialog::ImportDialog(BigDataContext& context, const QString& path, QWidget* parent) : QDialog(parent), m_context(context)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import a dataset"));
    m_path = new QLineEdit(path, this);
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setPlaceholderText(tr("A CSV or JSON Lines file; Enter reads it"));
    auto* browse = new QPushButton(tr("&Browse..."), this);
    browse->setObjectName(QStringLiteral("browse"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getOpenFileName(this, tr("Import a dataset"), m_path->text(),
                                                            tr("Tables (*.csv *.tsv *.txt *.jsonl *.ndjson);;All files (*)"));
        if (!chosen.isEmpty()) {
            m_path->setText(chosen);
            readPreview();
        }
    });
    connect(m_path, &QLineEdit::returnPressed, this, &ImportDialog::readPreview);
    m_shape = new QLabel(this);
    m_shape->setObjectName(QStringLiteral("shape"));
    m_shape->setWordWrap(true);
    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setMaximumHeight(160);
    m_mapping = new QTableWidget(this);
    m_mapping->setObjectName(QStringLiteral("mapping"));
    m_mapping->setColumnCount(4);
    m_mapping->setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("Date-time format"), tr("Personal data")});
    m_mapping->verticalHeader()->hide();
    m_mapping->horizontalHeader()->setStretchLastSection(true);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_origin = new QLineEdit(this);
    m_origin->setObjectName(QStringLiteral("origin"));
    m_origin->setPlaceholderText(tr("Seizure W-2026-0147, statutory return, public register ..."));
    m_basis = new QLineEdit(this);
    m_basis->setObjectName(QStringLiteral("legalBasis"));
    m_basis->setPlaceholderText(tr("The law or decision under which the records are held"));
    m_retain = new QDateEdit(this);
    m_retain->setObjectName(QStringLiteral("retainUntil"));
    m_retain->setCalendarPopup(true);
    m_retain->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    const QDate today = QDateTime::fromMSecsSinceEpoch(context.clock.nowMs()).date();
    m_retain->setDate(today.addYears(1));
    m_retain->setMinimumDate(today.addDays(1));
    m_retain->setMaximumDate(today.addYears(10));
    // The default is the centre's rule (an administrator may change it); a date already chosen stays.
    whenFinished(this, context.limits.list(QStringLiteral("bigdata_investigation")), [this, today](QFuture<QList<TimeLimit>> done) {
        try {
            for (const TimeLimit& limit : done.result())
                if (limit.rule == QLatin1String("dataset.retention") && m_retain->date() == today.addYears(1))
                    m_retain->setDate(today.addDays(std::max<qint64>(1, limit.minutes / (24 * 60))));
        } catch (const std::exception&) {
            // The year stays.
        }
    });
    auto* provenance = new QFormLayout;
    provenance->addRow(tr("&Name"), m_name);
    provenance->addRow(tr("&Origin"), m_origin);
    provenance->addRow(tr("&Legal basis"), m_basis);
    provenance->addRow(tr("&Kept until"), m_retain);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("import"));
    m_import->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImportDialog::startImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* file = new QHBoxLayout;
    auto* fileLabel = new QLabel(tr("&File"), this);
    fileLabel->setBuddy(m_path);
    file->addWidget(fileLabel);
    file->addWidget(m_path, 1);
    file->addWidget(browse);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(file);
    layout->addWidget(m_shape);
    layout->addWidget(m_preview);
    auto* mappingLabel = new QLabel(tr("Each column's name, type and whether it holds personal data (masked in every view):"), this);
    mappingLabel->setObjectName(QStringLiteral("mappingLabel"));
    layout->addWidget(mappingLabel);
    layout->addWidget(m_mapping, 1);
    layout->addLayout(provenance);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(820, 720);

    connect(&m_watcher, &QFutureWatcher<Dataset>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<Dataset>::finished, this, [this] {
        m_running = false;
        const QFuture<Dataset> f = m_watcher.future();
        if (f.isCanceled()) {
            m_message->setText(tr("The import was cancelled; nothing of it was kept."));
            m_progress->setVisible(false);
            m_import->setEnabled(true);
            return;
        }
        try {
            const Dataset d = f.result();
            Q_EMIT imported(d.id);
            accept();
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
            m_progress->setVisible(false);
            m_import->setEnabled(true);
        }
    });
    if (!path.isEmpty())
        readPreview();
}

ImportDialog::ImportDialog(BigDataContext& context, const QList<SnapshotSource>& sources, QWidget* parent)
    : ImportDialog(context, QString(), parent)
{
    setObjectName(QStringLiteral("snapshotDialog"));
    setWindowTitle(tr("Take a snapshot of Hexhub's records"));
    m_sources = sources;
    // The file's part gives way to the records' and the period's.
    for (QWidget* w : {static_cast<QWidget*>(m_path), static_cast<QWidget*>(m_preview), static_cast<QWidget*>(m_mapping)})
        w->hide();
    m_shape->setText(tr("The records come through the module that keeps them, as far as your permissions allow, with their "
                        "columns and types as that module gives them; personal data such as a caller's number is masked "
                        "before it leaves the module. The dataset is then checked, stored, masked and kept like an imported file."));
    for (QLabel* l : findChildren<QLabel*>())
        if (l->buddy() == m_path || l->objectName() == QLatin1String("mappingLabel"))
            l->hide();
    for (QPushButton* b : findChildren<QPushButton*>(QStringLiteral("browse")))
        b->hide();
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("source"));
    const Principal who = context.session.principal();
    for (const SnapshotSource& source : std::as_const(m_sources)) {
        const bool may = source.permission.isEmpty() || who.can(source.permission);
        const QString title = source.title ? source.title() : source.id;
        m_source->addItem(may ? title : tr("%1 (needs the permission %2)").arg(title, source.permission), source.id);
        if (!may)
            qobject_cast<QStandardItemModel*>(m_source->model())->item(m_source->count() - 1)->setEnabled(false);
    }
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit* d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setObjectName(QStringLiteral("from"));
    m_to->setObjectName(QStringLiteral("to"));
    const QDate today = QDateTime::fromMSecsSinceEpoch(context.clock.nowMs(), Qt::UTC).date();
    m_to->setDate(today);
    m_from->setDate(today.addDays(-30));
    auto* what = new QFormLayout;
    what->addRow(tr("&Records"), m_source);
    auto* period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("to"), this));
    period->addWidget(m_to);
    period->addStretch(1);
    auto* periodLabel = new QLabel(tr("&Period"), this);
    periodLabel->setBuddy(m_from);
    what->addRow(periodLabel, period);
    qobject_cast<QVBoxLayout*>(layout())->insertLayout(0, what);
    // The provenance says what it is; the analyst completes the legal basis.
    const auto propose = [this] {
        m_name->setText(tr("%1, %2 to %3").arg(m_source->currentText(), m_from->date().toString(QStringLiteral("yyyy-MM-dd")),
                                               m_to->date().toString(QStringLiteral("yyyy-MM-dd"))));
        m_origin->setText(tr("Hexhub: %1").arg(m_source->currentText()));
    };
    connect(m_source, &QComboBox::currentIndexChanged, this, propose);
    connect(m_from, &QDateEdit::dateChanged, this, propose);
    connect(m_to, &QDateEdit::dateChanged, this, propose);
    for (int i = 0; i < m_source->count(); ++i)
        if (qobject_cast<QStandardItemModel*>(m_source->model())->item(i)->isEnabled()) {
            m_source->setCurrentIndex(i);
            break;
        }
    propose();
    m_import->setEnabled(!m_sources.isEmpty());
    m_message->setText(m_sources.isEmpty() ? tr("No module offers its records for analysis.") : QString());
    resize(640, 420);
    m_source->setFocus();
}

void ImportDialog::readPreview()
{
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return;
    m_message->setText(tr("Reading %1...").arg(QFileInfo(path).fileName()));
    m_import->setEnabled(false);
    whenFinished(this, m_context.datasets.preview(path), [this, path](QFuture<FilePreview> done) {
        try {
            m_read = done.result();
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
            m_shape->clear();
            m_preview->setRowCount(0);
            m_mapping->setRowCount(0);
            return;
        }
        m_message->clear();
        const TabularShape& s = m_read.shape;
        m_shape->setText(s.format == TabularShape::Format::JsonLines
                             ? tr("JSON Lines, %1; %n column(s)", nullptr, int(s.columns.size())).arg(s.encoding)
                             : tr("CSV, %1, delimiter %2, %3; %n column(s)", nullptr, int(s.columns.size()))
                                   .arg(s.encoding, s.delimiter == QLatin1Char('\t') ? tr("tab") : QString(s.delimiter),
                                        s.header ? tr("a header row") : tr("no header row")));
        m_preview->setColumnCount(int(s.columns.size()));
        m_preview->setHorizontalHeaderLabels(s.columns);
        m_preview->setRowCount(int(std::min<qsizetype>(20, m_read.rows.size())));
        for (int r = 0; r < m_preview->rowCount(); ++r)
            for (int c = 0; c < m_read.rows[r].size(); ++c)
                m_preview->setItem(r, c, new QTableWidgetItem(m_read.rows[r][c]));
        m_preview->resizeColumnsToContents();
        m_mapping->setRowCount(int(m_read.proposed.size()));
        for (int i = 0; i < m_read.proposed.size(); ++i) {
            const ColumnSpec& c = m_read.proposed[i];
            m_mapping->setItem(i, 0, new QTableWidgetItem(c.name));
            auto* type = new QComboBox(m_mapping);
            for (ColumnType t : allColumnTypes())
                type->addItem(columnTypeName(t), columnTypeKey(t));
            type->setCurrentIndex(type->findData(columnTypeKey(c.type)));
            m_mapping->setCellWidget(i, 1, type);
            m_mapping->setItem(i, 2, new QTableWidgetItem(c.format));
            auto* personal = new QTableWidgetItem;
            personal->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            personal->setCheckState(c.personal ? Qt::Checked : Qt::Unchecked);
            m_mapping->setItem(i, 3, personal);
        }
        m_mapping->resizeColumnsToContents();
        if (m_name->text().isEmpty())
            m_name->setText(QFileInfo(path).completeBaseName());
        m_import->setEnabled(true);
        m_mapping->setFocus();
    });
}

QList<ColumnSpec> ImportDialog::mapping() const
{
    QList<ColumnSpec> out;
    for (int i = 0; i < m_mapping->rowCount(); ++i) {
        ColumnSpec c;
        c.name = m_mapping->item(i, 0) ? m_mapping->item(i, 0)->text().trimmed() : QString();
        if (auto* type = qobject_cast<QComboBox*>(m_mapping->cellWidget(i, 1)))
            c.type = columnTypeFromKey(type->currentData().toString()).value_or(ColumnType::Text);
        c.format = m_mapping->item(i, 2) ? m_mapping->item(i, 2)->text().trimmed() : QString();
        c.personal = m_mapping->item(i, 3) && m_mapping->item(i, 3)->checkState() == Qt::Checked;
        out << c;
    }
    return out;
}

void ImportDialog::startImport()
{
    if (m_running)
        return;
    DatasetProvenance p;
    p.name = m_name->text();
    p.origin = m_origin->text();
    p.legalBasis = m_basis->text();
    p.retainUntil = QDateTime(m_retain->date(), QTime(23, 59)).toMSecsSinceEpoch();
    m_message->setText(tr("Importing; Escape or Cancel stops it and keeps nothing."));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_import->setEnabled(false);
    m_running = true;
    if (m_source) {
        const qint64 from = QDateTime(m_from->date(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 to = QDateTime(m_to->date().addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qsizetype chosen = m_source->currentIndex();
        if (chosen < 0 || chosen >= m_sources.size()) {
            m_running = false;
            m_import->setEnabled(true);
            m_message->setText(tr("Choose the records to take."));
            return;
        }
        m_watcher.setFuture(m_context.datasets.importSnapshot(m_sources[chosen], from, to, p));
        return;
    }
    m_watcher.setFuture(m_context.datasets.importFile(m_path->text().trimmed(), {}, mapping(), p));
}

void ImportDialog::done(int result)
{
    // Cancel while importing stops the import; the dialog closes once nothing of it is left.
    if (result == QDialog::Rejected && m_running) {
        m_message->setText(tr("Stopping the import..."));
        m_watcher.future().cancel();
        return;
    }
    QDialog::done(result);
}

RunDialog::RunDialog(BigDataContext& context, const ModelDefinition& model, QWidget* parent)
    : QDialog(parent), m_context(context), m_model(model)
{
    setObjectName(QStringLiteral("runDialog"));
    const QString language = QLocale().name();
    setWindowTitle(tr("Run %1").arg(model.titleIn(language)));
    auto* description = new QLabel(model.descriptionIn(language), this);
    description->setWordWrap(true);
    m_dataset = new QComboBox(this);
    m_dataset->setObjectName(QStringLiteral("dataset"));
    m_form = new QFormLayout;
    m_form->addRow(tr("&Dataset"), m_dataset);
    for (const ModelParameter& p : model.parameters) {
        auto* edit = new QLineEdit(paramText(p.defaultValue), this);
        edit->setObjectName(QStringLiteral("param_") + p.name);
        edit->setToolTip(p.description.value(language, p.description.value(QStringLiteral("en"))));
        m_form->addRow(p.name, edit);
        m_params.insert(p.name, edit);
    }
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_run = m_buttons->addButton(tr("&Run"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("run"));
    m_run->setEnabled(false);
    m_run->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RunDialog::startRun);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(description);
    layout->addLayout(m_form);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());

    // The datasets, and as one is chosen its columns for the column parameters.
    connect(m_dataset, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0 || index >= m_datasets.size())
            return;
        QStringList names;
        for (const ColumnSpec& c : m_datasets[index].columns)
            names << c.name;
        for (const ModelParameter& p : m_model.parameters) {
            if (p.type != ModelParameter::Type::Column && p.type != ModelParameter::Type::Columns)
                continue;
            auto* completer = new QCompleter(names, m_params.value(p.name));
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            m_params.value(p.name)->setCompleter(completer);
            m_params.value(p.name)->setToolTip(tr("Columns: %1").arg(names.join(QStringLiteral(", "))));
        }
    });
    whenFinished(this, m_context.datasets.datasets(), [this](QFuture<QList<Dataset>> done) {
        try {
            m_datasets = done.result();
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
            return;
        }
        for (const Dataset& d : std::as_const(m_datasets))
            m_dataset->addItem(tr("%1 (%n row(s))", nullptr, int(d.rowCount)).arg(d.name), d.id);
        m_run->setEnabled(!m_datasets.isEmpty());
        if (m_datasets.isEmpty())
            m_message->setText(tr("No dataset yet: import one first (Ctrl+I)."));
    });
    connect(&m_watcher, &QFutureWatcher<ModelRunRecord>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<ModelRunRecord>::finished, this, [this] {
        m_running = false;
        const QFuture<ModelRunRecord> f = m_watcher.future();
        if (f.isCanceled()) {
            m_message->setText(tr("The run was cancelled; it is kept as cancelled, with no hit."));
            m_progress->setVisible(false);
            m_run->setEnabled(true);
            return;
        }
        try {
            const ModelRunRecord r = f.result();
            Q_EMIT ran(r.id);
            accept();
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
            m_progress->setVisible(false);
            m_run->setEnabled(true);
        }
    });
}

void RunDialog::startRun()
{
    if (m_running || m_dataset->currentIndex() < 0)
        return;
    QMap<QString, QJsonValue> given;
    for (auto it = m_params.cbegin(); it != m_params.cend(); ++it) {
        const ModelParameter* p = m_model.parameter(it.key());
        if (p && it.value()->text() != paramText(p->defaultValue))
            given.insert(it.key(), it.value()->text());
    }
    m_message->setText(tr("Running; Escape or Cancel stops it."));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_run->setEnabled(false);
    m_running = true;
    m_watcher.setFuture(m_context.models.run(m_model, given, m_dataset->currentData().toLongLong()));
}

void RunDialog::done(int result)
{
    if (result == QDialog::Rejected && m_running) {
        m_message->setText(tr("Stopping the run..."));
        m_watcher.future().cancel();
        return;
    }
    QDialog::done(result);
}

} // namespace hexhub::bigdata
