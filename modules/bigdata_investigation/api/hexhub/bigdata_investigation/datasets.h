#pragma once
// Datasets (issue 20 section 1): files imported with a mapping (each column's name, type and whether
// it is personal data) and their provenance (where the records came from, who imported them, when,
// under which legal basis) and a retention date, their rows kept in the store with the personal
// cells masked for every list, the rows that did not fit kept with their line and reason, and a purge
// that removes what has passed its retention date. Every change through DatasetService.

#include "hexhub/bigdata_investigation/bigdata_investigation_export.h"
#include "hexhub/bigdata_investigation/records.h"
#include "hexhub/bigdata_investigation/tabularfile.h"
#include "module/command.h"
#include "module/extensions.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <memory>
#include <optional>

namespace hexhub {
struct Principal;
class AuditLog;
class Session;
class Store;
}

namespace hexhub::bigdata {

//! Where a dataset's records came from and on what basis they are held.
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT DatasetProvenance
{
    QString name;         //!< what the analysts call it
    QString origin;       //!< where the records came from ("Seizure W-2026-0147", "Statutory return")
    QString legalBasis;   //!< the law or decision under which they are held
    qint64 retainUntil = 0; //!< ms since 1970; removed by the purge after it
};

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT Dataset
{
    qint64 id = 0;
    QString name, origin, legalBasis;
    QString sourceFile, format, encoding;
    QList<ColumnSpec> columns;
    qint64 rowCount = 0, rejectedCount = 0;
    qint64 importedAt = 0, retainUntil = 0;
    QString importedBy;
    int version = 1;

    QJsonObject toJson() const;
    static std::optional<Dataset> fromJson(const QJsonObject& json);
};

//! The mapping as stored (bd_datasets.columns) and back.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QString mappingToJson(const QList<ColumnSpec>& columns);
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QList<ColumnSpec> mappingFromJson(const QString& json);

//! `dataset.imported`: a dataset finished importing (its mapping, counts and provenance; no cell).
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT DatasetImported
{
    static constexpr auto kTopic = "dataset.imported";
    static constexpr int kSchemaVersion = 1;
    Dataset dataset;
    QJsonObject toJson() const { return dataset.toJson(); }
    static std::optional<DatasetImported> fromJson(const QJsonObject& json);
};

//! `dataset.purged`: a dataset removed once its retention date had passed.
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT DatasetPurged
{
    static constexpr auto kTopic = "dataset.purged";
    static constexpr int kSchemaVersion = 1;
    qint64 id = 0;
    QString name;
    qint64 rows = 0;
    qint64 retainUntil = 0;
    QJsonObject toJson() const;
    static std::optional<DatasetPurged> fromJson(const QJsonObject& json);
};

//! One stored row: its place, and its cells (masked unless revealed).
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT DatasetRow
{
    qint64 rowNo = 0;
    qint64 lineNo = 0;
    QStringList cells;
};

//! What the mapping step starts from: the file's shape, its first rows and the mapping proposed.
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT FilePreview
{
    TabularShape shape;
    QList<QStringList> rows;
    QList<ColumnSpec> proposed;
};

class HEXHUB_BIGDATA_INVESTIGATION_EXPORT DatasetService
{
public:
    DatasetService(Store& store, Session& session, AuditLog& audit);
    ~DatasetService(); //!< waits for its imports to stop
    Q_DISABLE_COPY_MOVE(DatasetService)

    //! bigdata_investigation.dataset.import. The first `rows` rows of a file and the mapping proposed, off the calling thread.
    QFuture<FilePreview> preview(const QString& path, const TabularOptions& read = {}, int rows = 200) const;

    /*!
     * bigdata_investigation.dataset.import. Imports `path` with `mapping` (one column each, in the
     * file's order) under `provenance`, off the calling thread: each row checked against its
     * columns' types (one that does not fit is set aside with its line and reason, never dropped
     * silently), the rows written in batches while the dataset is unfinished (no list shows it, the
     * store's writer is never held for long), then in one transaction the dataset made ready,
     * `dataset.imported` journaled and the import audited. Progress from 0 to 1000 on the future;
     * QFuture::cancel() stops it, and a cancelled or failed import leaves nothing (its rows are
     * removed). The same command twice imports once.
     */
    QFuture<Dataset> importFile(const QString& path, const TabularOptions& read, const QList<ColumnSpec>& mapping,
                                const DatasetProvenance& provenance, const CommandId& command = CommandId::make());
    /*!
     * A snapshot of Hexhub's own records as a dataset (issue 20 section 1): `source`'s records of
     * [fromMs, toMs), read through the module that owns them (module/extensions.h SnapshotSource;
     * ModuleContext::allSnapshotSources() lists them), checked, stored, masked and audited as a file's
     * rows are, with the same progress and cancel. Needs dataset.import and the source's permission
     * (refusals audited); on a shared server the owning module's server rules check again.
     */
    QFuture<Dataset> importSnapshot(const SnapshotSource& source, qint64 fromMs, qint64 toMs, const DatasetProvenance& provenance,
                                    const CommandId& command = CommandId::make());

    //! bigdata_investigation.model.run or .dataset.import. The finished datasets, newest first.
    QFuture<QList<Dataset>> datasets() const;
    QFuture<Dataset> dataset(qint64 id) const;
    /*!
     * The rows after `afterRow` (row numbers count from 1), at most `limit`, in order, with the
     * personal cells masked; `search` keeps the rows whose masked cells contain it (case-insensitive).
     */
    QFuture<QList<DatasetRow>> rows(qint64 dataset, qint64 afterRow, int limit, const QString& search = {}) const;
    //! The rows the import set aside (line, reason, text), after line `afterLine`.
    QFuture<QList<TabularShape::Rejected>> rejects(qint64 dataset, qint64 afterLine, int limit) const;
    //! bigdata_investigation.dataset.reveal. One row's cells as imported; the reason (at least five characters) is audited.
    QFuture<QStringList> reveal(qint64 dataset, qint64 rowNo, const QString& reason) const;
    //! bigdata_investigation.model.run. The whole dataset as records for a model, read in pages off the calling thread.
    QFuture<std::shared_ptr<const RecordSet>> load(qint64 dataset) const;
    /*!
     * bigdata_investigation.dataset.import. Removes every dataset whose retention date has passed,
     * and imports left unfinished for more than a day (a desk that stopped mid-import), a batch of
     * rows at a time; each removal journaled (`dataset.purged`) and audited. The number removed.
     */
    QFuture<int> purgeExpired() const;

private:
    static std::exception_ptr requireNowImport(const Principal& actor);
    //! The import's work once allowed: `fetch` (on the import's thread) gives the file to read.
    QFuture<Dataset> startImport(std::function<QString()> fetch, const QString& sourceName, const TabularOptions& read,
                                 const QList<ColumnSpec>& mapping, const DatasetProvenance& provenance, const CommandId& command);

    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
    mutable QThreadPool m_pool;
};

} // namespace hexhub::bigdata
