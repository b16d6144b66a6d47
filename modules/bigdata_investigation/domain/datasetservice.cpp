// Datasets: import with a mapping and provenance, rows kept masked, reveal with a reason, purge
// after the retention date (issue 20 section 1).
#include "hexhub/bigdata_investigation/datasets.h"
#include "bigdatadeadlines_p.h"
#include "datasetrows_p.h"

#include "base/csv.h"

#include "hexhub/hub/incidentservice.h" // maskContact(): the same mask as the stores' hexhub_mask()

#include "base/background.h"
#include "base/clock.h"
#include "base/error.h"
#include "store/sqldialect.h"
#include "module/servicesupport.h"
#include "security/audit.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QTemporaryFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>

#include <atomic>

namespace hexhub::bigdata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::bigdata::DatasetService)
};

using service::check;
using service::failNow;
using detail::jsonArray;
using detail::maskedCells;
using detail::parseCells;

constexpr auto kModule = "bigdata_investigation";
constexpr qsizetype kBatchRows = 10000;    // rows a write transaction takes
constexpr int kRowsPerStatement = 100;     // rows one INSERT takes (5 values each)
constexpr qint64 kDay = 24 * 3600 * 1000;
const QString kImportOp = QStringLiteral("bigdata.dataset.import");

WriteContext centreWrite(const Principal& actor)
{
    return service::writeAs(QString::fromLatin1(kModule), actor);
}

Dataset readDataset(const QSqlQuery& q)
{
    Dataset d;
    d.id = q.value(0).toLongLong();
    d.name = q.value(1).toString();
    d.origin = q.value(2).toString();
    d.legalBasis = q.value(3).toString();
    d.sourceFile = q.value(4).toString();
    d.format = q.value(5).toString();
    d.encoding = q.value(6).toString();
    d.columns = mappingFromJson(q.value(7).toString());
    d.rowCount = q.value(8).toLongLong();
    d.rejectedCount = q.value(9).toLongLong();
    d.importedAt = q.value(10).toLongLong();
    d.retainUntil = q.value(11).toLongLong();
    d.importedBy = q.value(12).toString();
    d.version = q.value(13).toInt();
    return d;
}

const QString kDatasetColumns = QStringLiteral(
    "id, name, origin, legal_basis, source_file, format, encoding, columns, record_count, rejected_count, imported_at, "
    "retain_until, imported_by, version");

Dataset loadDataset(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM bd_datasets WHERE id = ? AND state = 'ready'").arg(kDatasetColumns), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No dataset %1 (removed, or not finished importing).").arg(id));
    return readDataset(q);
}

// Removes an unfinished or expired dataset's rows a batch at a time (each batch its own
// transaction, so the writer is free between them), then the dataset; true when it was there.
void removeRows(Store& store, const WriteContext& context, qint64 id)
{
    while (true) {
        const int removed = store
                                .write(context,
                                       [id](WriteTransaction& txn) {
                                           return txn
                                               .exec(QStringLiteral("DELETE FROM bd_dataset_rows WHERE dataset_id = ? AND row_no IN "
                                                                    "(SELECT row_no FROM bd_dataset_rows WHERE dataset_id = ? ORDER BY row_no LIMIT 20000)"),
                                                     {id, id})
                                               .numRowsAffected();
                                       })
                                .result();
        if (removed <= 0)
            break;
    }
}

} // namespace

namespace detail {

void appendJsonString(QString& out, QStringView s)
{
    out += QLatin1Char('"');
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'"') {
            out += QLatin1String("\\\"");
        } else if (u == u'\\') {
            out += QLatin1String("\\\\");
        } else if (u < 0x20) {
            switch (u) {
            case u'\n':
                out += QLatin1String("\\n");
                break;
            case u'\r':
                out += QLatin1String("\\r");
                break;
            case u'\t':
                out += QLatin1String("\\t");
                break;
            default:
                out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
            }
        } else {
            out += c;
        }
    }
    out += QLatin1Char('"');
}

QString jsonArray(const QStringList& cells)
{
    QString out;
    qsizetype size = 2;
    for (const QString& c : cells)
        size += c.size() + 3;
    out.reserve(size);
    out += QLatin1Char('[');
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        appendJsonString(out, cells[i]);
    }
    out += QLatin1Char(']');
    return out;
}

// A JSON array of strings as this file writes it (and the server's trigger): a fast path for the
// common case, QJsonDocument for anything else.
QStringList parseCells(const QString& json)
{
    QStringList out;
    const QChar* p = json.constData();
    const qsizetype n = json.size();
    qsizetype i = 0;
    const auto slow = [&] {
        QStringList cells;
        for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array())
            cells << (v.isString() ? v.toString() : v.toVariant().toString());
        return cells;
    };
    while (i < n && p[i].isSpace())
        ++i;
    if (i >= n || p[i] != QLatin1Char('['))
        return slow();
    ++i;
    while (true) {
        while (i < n && (p[i].isSpace() || p[i] == QLatin1Char(',')))
            ++i;
        if (i >= n)
            return slow();
        if (p[i] == QLatin1Char(']'))
            return out;
        if (p[i] != QLatin1Char('"'))
            return slow();
        ++i;
        QString cell;
        while (i < n && p[i] != QLatin1Char('"')) {
            if (p[i] == QLatin1Char('\\')) {
                if (i + 1 >= n)
                    return slow();
                const QChar e = p[i + 1];
                if (e == QLatin1Char('n'))
                    cell += QLatin1Char('\n');
                else if (e == QLatin1Char('r'))
                    cell += QLatin1Char('\r');
                else if (e == QLatin1Char('t'))
                    cell += QLatin1Char('\t');
                else if (e == QLatin1Char('"') || e == QLatin1Char('\\') || e == QLatin1Char('/'))
                    cell += e;
                else
                    return slow(); // \uXXXX, \b, \f: rare, the full parser
                i += 2;
                continue;
            }
            // A run without escapes at once.
            qsizetype j = i;
            while (j < n && p[j] != QLatin1Char('"') && p[j] != QLatin1Char('\\'))
                ++j;
            cell.append(p + i, j - i);
            i = j;
        }
        if (i >= n)
            return slow();
        ++i;
        out << cell;
    }
}

QStringList maskedCells(const QStringList& cells, const QList<ColumnSpec>& mapping)
{
    QStringList out = cells;
    for (qsizetype c = 0; c < out.size() && c < mapping.size(); ++c)
        if (mapping[c].personal)
            out[c] = maskContact(out[c]);
    return out;
}

} // namespace detail

QString mappingToJson(const QList<ColumnSpec>& columns)
{
    QJsonArray out;
    for (const ColumnSpec& c : columns) {
        QJsonObject o{{QStringLiteral("name"), c.name}, {QStringLiteral("type"), columnTypeKey(c.type)}, {QStringLiteral("personal"), c.personal}};
        if (!c.format.isEmpty())
            o.insert(QStringLiteral("format"), c.format);
        out << o;
    }
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

QList<ColumnSpec> mappingFromJson(const QString& json)
{
    QList<ColumnSpec> out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        ColumnSpec c;
        c.name = o.value(QStringLiteral("name")).toString();
        c.type = columnTypeFromKey(o.value(QStringLiteral("type")).toString()).value_or(ColumnType::Text);
        c.format = o.value(QStringLiteral("format")).toString();
        // A column not said to be public is treated as personal (as the server's trigger does).
        c.personal = o.value(QStringLiteral("personal")).toBool(true);
        out << c;
    }
    return out;
}

QJsonObject Dataset::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), double(id)},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("origin"), origin},
                       {QStringLiteral("legal_basis"), legalBasis},
                       {QStringLiteral("source_file"), sourceFile},
                       {QStringLiteral("format"), format},
                       {QStringLiteral("encoding"), encoding},
                       {QStringLiteral("columns"), QJsonDocument::fromJson(mappingToJson(columns).toUtf8()).array()},
                       {QStringLiteral("rows"), double(rowCount)},
                       {QStringLiteral("rejected"), double(rejectedCount)},
                       {QStringLiteral("imported_at"), double(importedAt)},
                       {QStringLiteral("retain_until"), double(retainUntil)},
                       {QStringLiteral("imported_by"), importedBy}};
}

std::optional<Dataset> Dataset::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("id")).isDouble() || !json.value(QStringLiteral("name")).isString())
        return std::nullopt;
    Dataset d;
    d.id = qint64(json.value(QStringLiteral("id")).toDouble());
    d.name = json.value(QStringLiteral("name")).toString();
    d.origin = json.value(QStringLiteral("origin")).toString();
    d.legalBasis = json.value(QStringLiteral("legal_basis")).toString();
    d.sourceFile = json.value(QStringLiteral("source_file")).toString();
    d.format = json.value(QStringLiteral("format")).toString();
    d.encoding = json.value(QStringLiteral("encoding")).toString();
    d.columns = mappingFromJson(QString::fromUtf8(QJsonDocument(json.value(QStringLiteral("columns")).toArray()).toJson(QJsonDocument::Compact)));
    d.rowCount = qint64(json.value(QStringLiteral("rows")).toDouble());
    d.rejectedCount = qint64(json.value(QStringLiteral("rejected")).toDouble());
    d.importedAt = qint64(json.value(QStringLiteral("imported_at")).toDouble());
    d.retainUntil = qint64(json.value(QStringLiteral("retain_until")).toDouble());
    d.importedBy = json.value(QStringLiteral("imported_by")).toString();
    return d;
}

std::optional<DatasetImported> DatasetImported::fromJson(const QJsonObject& json)
{
    const auto d = Dataset::fromJson(json);
    if (!d)
        return std::nullopt;
    return DatasetImported{*d};
}

QJsonObject DatasetPurged::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), double(id)},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("rows"), double(rows)},
                       {QStringLiteral("retain_until"), double(retainUntil)}};
}

std::optional<DatasetPurged> DatasetPurged::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("id")).isDouble())
        return std::nullopt;
    return DatasetPurged{qint64(json.value(QStringLiteral("id")).toDouble()), json.value(QStringLiteral("name")).toString(),
                         qint64(json.value(QStringLiteral("rows")).toDouble()), qint64(json.value(QStringLiteral("retain_until")).toDouble())};
}

DatasetService::DatasetService(Store& store, Session& session, AuditLog& audit) : m_store(store), m_session(session), m_audit(audit)
{
    m_pool.setMaxThreadCount(2);
}

DatasetService::~DatasetService()
{
    m_pool.waitForDone();
}

QFuture<FilePreview> DatasetService::preview(const QString& path, const TabularOptions& read, int rows) const
{
    const Principal actor = m_session.principal();
    if (auto refused = requireNowImport(actor))
        return service::failWith<FilePreview>(refused);
    return runInBackground(m_pool, [path, read, rows]() {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw ValidationError(Tr::tr("Cannot read %1: %2").arg(path, file.errorString()));
        FilePreview preview;
        TabularOptions options = read;
        options.stopAfterRows = rows;
        QString error;
        const auto shape = readTabularRows(
            file, options, nullptr, [&](QStringList& fields, qint64) { preview.rows << fields; }, &error);
        if (!shape)
            throw ValidationError(error);
        preview.shape = *shape;
        preview.proposed = proposeColumns(shape->columns, preview.rows);
        return preview;
    });
}

std::exception_ptr DatasetService::requireNowImport(const Principal& actor)
{
    return service::requireNow(actor, QStringLiteral("bigdata_investigation.dataset.import"), Tr::tr("import a dataset"));
}

QFuture<Dataset> DatasetService::importFile(const QString& path, const TabularOptions& read, const QList<ColumnSpec>& mapping,
                                            const DatasetProvenance& provenance, const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("dataset:") + QFileInfo(path).fileName();
    if (auto refused = check<Dataset>(m_audit, actor, QStringLiteral("bigdata_investigation.dataset.import"), Tr::tr("import a dataset"),
                                      QStringLiteral("dataset.imported"), object))
        return *refused;
    return startImport([path] { return path; }, QFileInfo(path).fileName(), read, mapping, provenance, command);
}

QFuture<Dataset> DatasetService::importSnapshot(const SnapshotSource& source, qint64 fromMs, qint64 toMs, const DatasetProvenance& provenance,
                                                const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("dataset:snapshot:") + source.id;
    if (auto refused = check<Dataset>(m_audit, actor, QStringLiteral("bigdata_investigation.dataset.import"), Tr::tr("import a dataset"),
                                      QStringLiteral("dataset.imported"), object))
        return *refused;
    if (!source.isValid())
        return failNow<Dataset>(Tr::tr("There is no such snapshot of Hexhub's records."));
    if (!source.permission.isEmpty()) {
        if (auto refused = check<Dataset>(m_audit, actor, source.permission, Tr::tr("take %1 for analysis").arg(source.title ? source.title() : source.id),
                                          QStringLiteral("dataset.imported"), object))
            return *refused;
    }
    if (fromMs >= toMs)
        return failNow<Dataset>(Tr::tr("The period ends before it starts."));
    QList<ColumnSpec> mapping;
    for (const SnapshotSource::Column& c : source.columns) {
        const auto type = columnTypeFromKey(c.type);
        if (!type)
            return failNow<Dataset>(Tr::tr("The snapshot's column %1 has a type the centre does not know (%2).").arg(c.name, c.type));
        mapping << ColumnSpec{c.name, *type, c.format, c.personal};
    }
    // The records go through a file of the import's own (CSV with a header), so that a snapshot is
    // checked, stored, cancelled and audited exactly as a file is. It is read off the calling thread,
    // through the owning module's read, as the desk's login may read them.
    Store* store = &m_store;
    auto file = std::make_shared<QTemporaryFile>(QDir::temp().filePath(QStringLiteral("hexhub-snapshot-XXXXXX.csv")));
    const QString label = QStringLiteral("%1 %2..%3")
                              .arg(source.id, QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC).toString(Qt::ISODate),
                                   QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC).toString(Qt::ISODate));
    const auto fetch = [store, source, fromMs, toMs, file]() -> QString {
        if (!file->open())
            throw ValidationError(Tr::tr("The snapshot cannot be written to a temporary file: %1").arg(file->errorString()));
        QStringList header;
        for (const SnapshotSource::Column& c : source.columns)
            header << c.name;
        QByteArray out = csv::line(header).toUtf8() + '\n';
        qint64 rows = 0;
        bool written = true; // a failed write stops the read: no half a snapshot goes on
        store->read([&](Sql& sql) {
            source.read(sql, fromMs, toMs, [&](const QStringList& row) {
                out += csv::line(row).toUtf8() + '\n';
                ++rows;
                if (out.size() > (1 << 20)) {
                    written = file->write(out) == out.size();
                    out.clear();
                }
                return written;
            });
        }).waitForFinished();
        if (!written || file->write(out) != out.size() || !file->flush())
            throw ValidationError(Tr::tr("The snapshot cannot be written to a temporary file: %1").arg(file->errorString()));
        if (rows == 0)
            throw ValidationError(Tr::tr("There is nothing of %1 in that period.").arg(source.title ? source.title() : source.id));
        return file->fileName();
    };
    TabularOptions read;
    read.format = TabularShape::Format::Csv;
    read.header = true;
    read.delimiter = QLatin1Char(',');
    return startImport(fetch, label, read, mapping, provenance, command);
}

QFuture<Dataset> DatasetService::startImport(std::function<QString()> fetch, const QString& sourceName, const TabularOptions& read,
                                             const QList<ColumnSpec>& mapping, const DatasetProvenance& provenance, const CommandId& command)
{
    const Principal actor = m_session.principal();
    // What a dataset must say before a row is read.
    if (provenance.name.trimmed().isEmpty())
        return failNow<Dataset>(Tr::tr("Name the dataset."));
    if (provenance.origin.trimmed().isEmpty())
        return failNow<Dataset>(Tr::tr("Say where the records came from (a seizure, a warrant, a statutory return)."));
    if (provenance.legalBasis.trimmed().size() < 5)
        return failNow<Dataset>(Tr::tr("Give the legal basis on which the records are held."));
    const qint64 now = m_store.clock().nowMs();
    if (provenance.retainUntil <= now)
        return failNow<Dataset>(Tr::tr("The retention date must be in the future."));
    if (provenance.retainUntil > now + 10 * 366 * kDay)
        return failNow<Dataset>(Tr::tr("A dataset is kept at most ten years; choose an earlier retention date."));
    if (mapping.isEmpty())
        return failNow<Dataset>(Tr::tr("The mapping has no column."));
    QSet<QString> names;
    for (const ColumnSpec& c : mapping) {
        if (c.name.trimmed().isEmpty())
            return failNow<Dataset>(Tr::tr("Every column needs a name."));
        if (names.contains(c.name.trimmed().toCaseFolded()))
            return failNow<Dataset>(Tr::tr("Two columns are named %1.").arg(c.name));
        names.insert(c.name.trimmed().toCaseFolded());
    }
    if (command.isNull())
        return failNow<Dataset>(Tr::tr("An import needs a command id."));

    auto promise = std::make_shared<QPromise<Dataset>>();
    QFuture<Dataset> future = promise->future();
    promise->start();
    promise->setProgressRange(0, 1000);
    Store* store = &m_store;
    AuditLog* audit = &m_audit;
    m_pool.start([promise, store, audit, actor, fetch, sourceName, read, mapping, provenance, command]() {
        const WriteContext context = centreWrite(actor);
        qint64 id = 0;
        bool finished = false;
        try {
            // 1. The dataset, unfinished (no list shows it); a command applied before answers with its dataset.
            const std::pair<qint64, bool> start = store->write(context, [&](WriteTransaction& txn) -> std::pair<qint64, bool> {
                if (const auto key = service::appliedBefore(txn, command, kImportOp))
                    return {key->toLongLong(), true};
                // What an earlier try of this command left (the desk stopped mid-import) goes first.
                txn.exec(QStringLiteral("DELETE FROM bd_datasets WHERE import_command = ? AND state = 'importing'"), {command.toString()});
                const qint64 made = txn.insert(
                    QStringLiteral("INSERT INTO bd_datasets (name, origin, legal_basis, record_count, imported_at, retain_until, imported_by, "
                                   "source_file, format, encoding, columns, rejected_count, state, import_command) "
                                   "VALUES (?, ?, ?, 0, ?, ?, ?, ?, '', '', ?, 0, 'importing', ?)"),
                    {provenance.name.trimmed(), provenance.origin.trimmed(), provenance.legalBasis.trimmed(), txn.clock().nowMs(),
                     provenance.retainUntil, actor.name, sourceName, mappingToJson(mapping), command.toString()});
                return {made, false};
            }).result();
            if (start.second) {
                promise->addResult(store->read([id = start.first](Sql& sql) { return loadDataset(sql, id); }).result());
                promise->finish();
                return;
            }
            id = start.first;

            // 2. The rows, a batch a transaction, each checked against its columns' types.
            const QString path = fetch();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                throw ValidationError(Tr::tr("Cannot read %1: %2").arg(path, file.errorString()));
            std::atomic_bool cancel = false;
            TabularOptions options = read;
            options.cancel = &cancel;
            options.progress = [&](qint64 done, qint64 total) {
                if (promise->isCanceled())
                    cancel = true;
                if (total > 0)
                    promise->setProgressValue(int(std::min<qint64>(950, done * 950 / total)));
            };
            struct Pending
            {
                qint64 rowNo, line;
                QString cells, masked;
            };
            QList<Pending> batch;
            QList<TabularShape::Rejected> rejects;
            qint64 rowNo = 0, rejected = 0;
            QList<QFuture<void>> inFlight;
            std::optional<ValidationError> mismatch;
            QString readError;
            const auto flush = [&] {
                if (batch.isEmpty() && rejects.isEmpty())
                    return;
                // At most two batches on their way: the file is read while the last one is written.
                while (inFlight.size() >= 2) {
                    inFlight.takeFirst().waitForFinished(); // rethrows a failed write
                }
                inFlight << store->write(context, [id, rows = std::move(batch), rej = std::move(rejects)](WriteTransaction& txn) {
                    qsizetype i = 0;
                    while (i < rows.size()) {
                        const int n = int(std::min<qsizetype>(kRowsPerStatement, rows.size() - i));
                        QString sql = QStringLiteral("INSERT INTO bd_dataset_rows (dataset_id, row_no, line_no, cells, cells_masked) VALUES ");
                        QVariantList params;
                        params.reserve(n * 5);
                        for (int k = 0; k < n; ++k) {
                            sql += k == 0 ? QStringLiteral("(?, ?, ?, ?, ?)") : QStringLiteral(", (?, ?, ?, ?, ?)");
                            const Pending& p = rows[i + k];
                            params << id << p.rowNo << p.line << p.cells << p.masked;
                        }
                        txn.execCached(sql, params);
                        i += n;
                    }
                    for (const TabularShape::Rejected& r : rej)
                        txn.execCached(QStringLiteral("INSERT INTO bd_dataset_rejects (dataset_id, line_no, reason, text) VALUES (?, ?, ?, ?)"),
                                       {id, r.line, r.reason, r.text});
                });
                batch = {};
                rejects = {};
            };
            const auto shape = readTabularRows(
                file, options,
                [&](const TabularShape& s) {
                    if (s.columns.size() != mapping.size()) {
                        mismatch = ValidationError(Tr::tr("The file has %n column(s); the mapping has %1.", nullptr, int(s.columns.size())).arg(mapping.size()));
                        cancel = true;
                    }
                },
                [&](QStringList& fields, qint64 line) {
                    if (cancel)
                        return;
                    QString why;
                    for (qsizetype c = 0; c < mapping.size(); ++c) {
                        if (!cellFits(mapping[c], fields[c], &why))
                            break;
                    }
                    if (!why.isEmpty()) {
                        ++rejected;
                        if (rejected <= TabularShape::kKeptRejected)
                            rejects << TabularShape::Rejected{line, why, fields.join(QLatin1Char(',')).left(200)};
                    } else {
                        batch << Pending{++rowNo, line, jsonArray(fields), jsonArray(maskedCells(fields, mapping))};
                    }
                    if (batch.size() >= kBatchRows || rejects.size() >= kBatchRows)
                        flush();
                    if ((rowNo & 0x3ff) == 0 && promise->isCanceled())
                        cancel = true;
                },
                &readError);
            if (mismatch)
                throw *mismatch;
            if (!shape) {
                if (promise->isCanceled())
                    throw std::runtime_error("cancelled");
                throw ValidationError(readError);
            }
            flush();
            for (QFuture<void>& f : inFlight)
                f.waitForFinished();
            inFlight.clear();
            if (promise->isCanceled())
                throw std::runtime_error("cancelled");
            if (rowNo == 0)
                throw ValidationError(Tr::tr("No row of the file fits the mapping: nothing imported (%n row(s) set aside).", nullptr,
                                             int(rejected + shape->rejectedCount)));

            // 3. Ready, journaled and audited in one transaction.
            const qint64 total = rowNo;
            const qint64 setAside = rejected + shape->rejectedCount;
            // The reader's own set-aside rows (wrong number of fields, unclosed quotes) go with the others.
            if (!shape->rejected.isEmpty()) {
                store->write(context, [id, rej = shape->rejected](WriteTransaction& txn) {
                    for (const TabularShape::Rejected& r : rej)
                        txn.execCached(QStringLiteral("INSERT INTO bd_dataset_rejects (dataset_id, line_no, reason, text) VALUES (?, ?, ?, ?) "
                                                      "ON CONFLICT DO NOTHING"),
                                       {id, r.line, r.reason, r.text});
                }).waitForFinished();
            }
            const Dataset done = store->write(context, [&](WriteTransaction& txn) {
                service::requireUpdated(
                    txn.exec(QStringLiteral("UPDATE bd_datasets SET state = 'ready', record_count = ?, rejected_count = ?, format = ?, encoding = ?, "
                                            "version = version + 1 WHERE id = ? AND state = 'importing'"),
                             {total, setAside, shape->format == TabularShape::Format::JsonLines ? QStringLiteral("jsonl") : QStringLiteral("csv"),
                              shape->encoding, id}),
                    Tr::tr("The import was removed meanwhile (by the purge of unfinished imports)."));
                const Dataset d = loadDataset(txn, id);
                txn.publish(DatasetImported{d});
                deadlines::setRetention(txn, id, d.name, d.retainUntil);
                audit->append(txn, {actor.name, QStringLiteral("dataset.imported"), QStringLiteral("dataset:%1").arg(id),
                                    Tr::tr("%1 from %2: %3 rows, %4 set aside; origin %5; legal basis %6; kept until %7")
                                        .arg(d.name, d.sourceFile)
                                        .arg(total)
                                        .arg(setAside)
                                        .arg(d.origin, d.legalBasis, QDateTime::fromMSecsSinceEpoch(d.retainUntil, Qt::UTC).toString(Qt::ISODate)),
                                    QStringLiteral("success")});
                service::recordApplied(txn, command, kImportOp, QString::number(id));
                return d;
            }).result();
            finished = true;
            promise->setProgressValue(1000);
            promise->addResult(done);
        } catch (...) {
            const std::exception_ptr error = std::current_exception();
            // Nothing of a cancelled or failed import stays.
            if (id > 0 && !finished) {
                try {
                    removeRows(*store, context, id);
                    store->write(context, [id](WriteTransaction& txn) {
                        txn.exec(QStringLiteral("DELETE FROM bd_datasets WHERE id = ? AND state = 'importing'"), {id});
                    }).waitForFinished();
                } catch (...) {
                    // The purge removes an unfinished import a day on.
                }
            }
            if (!promise->isCanceled())
                promise->setException(error);
        }
        promise->finish();
    });
    return future;
}

namespace {

std::exception_ptr requireReader(const Principal& actor)
{
    // Whoever runs models or imports reads the datasets.
    if (!service::requireNow(actor, QStringLiteral("bigdata_investigation.model.run"), {}))
        return nullptr;
    return service::requireNow(actor, QStringLiteral("bigdata_investigation.dataset.import"), Tr::tr("read the datasets"));
}

} // namespace

QFuture<QList<Dataset>> DatasetService::datasets() const
{
    if (auto refused = requireReader(m_session.principal()))
        return service::failWith<QList<Dataset>>(refused);
    return m_store.read([](Sql& sql) {
        QList<Dataset> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM bd_datasets WHERE state = 'ready' ORDER BY imported_at DESC, id DESC").arg(kDatasetColumns));
        while (q.next())
            out << readDataset(q);
        return out;
    });
}

QFuture<Dataset> DatasetService::dataset(qint64 id) const
{
    if (auto refused = requireReader(m_session.principal()))
        return service::failWith<Dataset>(refused);
    return m_store.read([id](Sql& sql) { return loadDataset(sql, id); });
}

QFuture<QList<DatasetRow>> DatasetService::rows(qint64 dataset, qint64 afterRow, int limit, const QString& search) const
{
    if (auto refused = requireReader(m_session.principal()))
        return service::failWith<QList<DatasetRow>>(refused);
    const int n = std::clamp(limit, 1, 5000);
    return m_store.read([dataset, afterRow, n, search](Sql& sql) {
        QList<DatasetRow> out;
        QSqlQuery q;
        if (search.trimmed().isEmpty()) {
            q = sql.exec(QStringLiteral("SELECT row_no, line_no, cells_masked FROM bd_dataset_rows WHERE dataset_id = ? AND row_no > ? "
                                        "ORDER BY row_no LIMIT ?"),
                         {dataset, afterRow, n});
        } else {
            // The text as typed, inside a JSON string (escaped as the cells are), any case; % and _ literal.
            QString needle = jsonArray({search.trimmed()}).mid(2);
            needle.chop(2);
            const QString like = sql.dialect().name() == QLatin1String("postgresql") ? QStringLiteral("ILIKE") : QStringLiteral("LIKE");
            q = sql.exec(QStringLiteral("SELECT row_no, line_no, cells_masked FROM bd_dataset_rows WHERE dataset_id = ? AND row_no > ? "
                                        "AND cells_masked %1 ? ESCAPE '\\' ORDER BY row_no LIMIT ?").arg(like),
                         {dataset, afterRow, likePattern(needle), n});
        }
        while (q.next())
            out << DatasetRow{q.value(0).toLongLong(), q.value(1).toLongLong(), parseCells(q.value(2).toString())};
        return out;
    });
}

QFuture<QList<TabularShape::Rejected>> DatasetService::rejects(qint64 dataset, qint64 afterLine, int limit) const
{
    if (auto refused = requireReader(m_session.principal()))
        return service::failWith<QList<TabularShape::Rejected>>(refused);
    const int n = std::clamp(limit, 1, 5000);
    return m_store.read([dataset, afterLine, n](Sql& sql) {
        QList<TabularShape::Rejected> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT line_no, reason, text FROM bd_dataset_rejects WHERE dataset_id = ? AND line_no > ? "
                                              "ORDER BY line_no LIMIT ?"),
                               {dataset, afterLine, n});
        while (q.next())
            out << TabularShape::Rejected{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
        return out;
    });
}

QFuture<QStringList> DatasetService::reveal(qint64 dataset, qint64 rowNo, const QString& reason) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("dataset:%1:row:%2").arg(dataset).arg(rowNo);
    if (auto refused = check<QStringList>(m_audit, actor, QStringLiteral("bigdata_investigation.dataset.reveal"),
                                          Tr::tr("see the personal data in a dataset"), QStringLiteral("personal_data.revealed"), object))
        return *refused;
    const QString why = reason.trimmed();
    if (why.size() < 5)
        return failNow<QStringList>(Tr::tr("Give the reason you need to see the row; it goes on record."));
    return m_store.write(centreWrite(actor), [this, dataset, rowNo, why, object, name = actor.name](WriteTransaction& txn) {
        const QVariant rowId = txn.scalar(QStringLiteral("SELECT %1 FROM bd_dataset_rows WHERE dataset_id = ? AND row_no = ?")
                                              .arg(txn.dialect().name() == QLatin1String("postgresql") ? QStringLiteral("id") : QStringLiteral("rowid")),
                                          {dataset, rowNo});
        if (!rowId.isValid())
            throw NotFoundError(Tr::tr("No row %1 in dataset %2.").arg(rowNo).arg(dataset));
        // On a prepared shared server the server reveals: it checks the permission and the reason and
        // puts the reveal on its audit chain; the desk's login cannot read the cells otherwise.
        if (txn.dialect().name() == QLatin1String("postgresql")
            && txn.scalar(QStringLiteral("SELECT to_regprocedure('hexhub_reveal(text,text,bigint,text)') IS NOT NULL")).toBool())
            return parseCells(txn.scalar(QStringLiteral("SELECT hexhub_reveal('bd_dataset_rows', 'cells', ?, ?)"), {rowId, why}).toString());
        const QString cells = txn.scalar(QStringLiteral("SELECT cells FROM bd_dataset_rows WHERE dataset_id = ? AND row_no = ?"), {dataset, rowNo}).toString();
        m_audit.append(txn, {name, QStringLiteral("personal_data.revealed"), object, why, QStringLiteral("success")});
        return parseCells(cells);
    });
}

QFuture<std::shared_ptr<const RecordSet>> DatasetService::load(qint64 dataset) const
{
    if (auto refused = service::requireNow(m_session.principal(), QStringLiteral("bigdata_investigation.model.run"), Tr::tr("run a model")))
        return service::failWith<std::shared_ptr<const RecordSet>>(refused);
    Store* store = &m_store;
    return runInBackground(m_pool, [store, dataset]() -> std::shared_ptr<const RecordSet> {
        const Dataset d = store->read([dataset](Sql& sql) { return loadDataset(sql, dataset); }).result();
        auto records = std::make_shared<RecordSet>(d.columns);
        records->reserve(d.rowCount);
        // A model compares the cells as imported; on a prepared shared server, where no desk reads
        // them, the server's keyed pseudonyms of the personal cells (equal values, equal pseudonyms).
        const bool server = store->read([](Sql& sql) {
            return sql.dialect().name() == QLatin1String("postgresql")
                && sql.scalar(QStringLiteral("SELECT to_regprocedure('hexhub_reveal(text,text,bigint,text)') IS NOT NULL")).toBool();
        }).result();
        const QString column = server ? QStringLiteral("cells_keyed") : QStringLiteral("cells");
        qint64 after = 0;
        while (true) {
            const qint64 read = store->read([&](Sql& sql) {
                QSqlQuery q = sql.exec(QStringLiteral("SELECT row_no, line_no, %1 FROM bd_dataset_rows WHERE dataset_id = ? AND row_no > ? "
                                                      "ORDER BY row_no LIMIT 20000").arg(column),
                                       {dataset, after});
                qint64 n = 0;
                while (q.next()) {
                    after = q.value(0).toLongLong();
                    records->append(parseCells(q.value(2).toString()), q.value(1).toLongLong());
                    ++n;
                }
                return n;
            }).result();
            if (read == 0)
                break;
        }
        return records;
    });
}

QFuture<int> DatasetService::purgeExpired() const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<int>(m_audit, actor, QStringLiteral("bigdata_investigation.dataset.import"), Tr::tr("purge expired datasets"),
                                  QStringLiteral("dataset.purged"), QStringLiteral("dataset:*")))
        return *refused;
    Store* store = &m_store;
    AuditLog* audit = &m_audit;
    return runInBackground(m_pool, [store, audit, actor]() {
        const WriteContext context = centreWrite(actor);
        struct Due
        {
            qint64 id;
            QString name;
            qint64 rows, retainUntil;
            bool unfinished;
        };
        const QList<Due> due = store->read([](Sql& sql) {
            QList<Due> out;
            const qint64 now = sql.clock().nowMs();
            QSqlQuery q = sql.exec(QStringLiteral("SELECT id, name, record_count, retain_until, state FROM bd_datasets "
                                                  "WHERE retain_until <= ? OR (state = 'importing' AND imported_at <= ?) ORDER BY id"),
                                   {now, now - kDay});
            while (q.next())
                out << Due{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                           q.value(4).toString() == QLatin1String("importing")};
            return out;
        }).result();
        int removed = 0;
        for (const Due& d : due) {
            removeRows(*store, context, d.id);
            const bool gone = store->write(context, [&](WriteTransaction& txn) {
                // Gone already (another desk's purge): nothing to do, nothing journaled.
                if (!txn.scalar(QStringLiteral("SELECT 1 FROM bd_datasets WHERE id = ?"), {d.id}).isValid())
                    return false;
                txn.exec(QStringLiteral("DELETE FROM bd_dataset_rejects WHERE dataset_id = ?"), {d.id});
                if (!d.unfinished)
                    deadlines::clearForPurge(txn, d.id);
                // The runs over it keep their hits that a person confirmed or handed on (their masked
                // evidence is a lead's now); the others go with the data they came from.
                txn.exec(QStringLiteral("DELETE FROM bd_hits WHERE status NOT IN ('confirmed', 'handed_on') AND run_id IN "
                                        "(SELECT id FROM bd_runs WHERE dataset_id = ?)"),
                         {d.id});
                const int n = txn.exec(QStringLiteral("DELETE FROM bd_datasets WHERE id = ?"), {d.id}).numRowsAffected();
                if (n <= 0)
                    return false;
                if (!d.unfinished)
                    txn.publish(DatasetPurged{d.id, d.name, d.rows, d.retainUntil});
                audit->append(txn, {actor.name, QStringLiteral("dataset.purged"), QStringLiteral("dataset:%1").arg(d.id),
                                    d.unfinished ? Tr::tr("%1: an import left unfinished").arg(d.name)
                                                 : Tr::tr("%1: %2 rows, kept until %3")
                                                       .arg(d.name)
                                                       .arg(d.rows)
                                                       .arg(QDateTime::fromMSecsSinceEpoch(d.retainUntil, Qt::UTC).toString(Qt::ISODate)),
                                    QStringLiteral("success")});
                return true;
            }).result();
            removed += gone && !d.unfinished ? 1 : 0;
        }
        return removed;
    });
}

} // namespace hexhub::bigdata
