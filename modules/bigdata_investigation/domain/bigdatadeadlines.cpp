#include "bigdatadeadlines_p.h"

#include "shared/deadlines.h"
#include "shared/timelimits.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>

namespace hexhub::bigdata::deadlines {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::bigdata::Deadlines)
};

const QString kModule = QStringLiteral("bigdata_investigation");

// The rules' titles, for the translations (the table holds them in English).
[[maybe_unused]] const char* const kTitles[] = {
    QT_TRANSLATE_NOOP("hexhub::TimeLimits", "Hits of a model run reviewed"),
    QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A hit needing more data looked at again"),
    QT_TRANSLATE_NOOP("hexhub::TimeLimits", "An imported dataset kept (the import form's default)"),
};

void set(WriteTransaction& txn, const QString& key, const QString& title, qint64 dueMs, const QString& subject)
{
    publishDeadline(txn, DeadlineSet{key, title, QDateTime::fromMSecsSinceEpoch(dueMs, Qt::UTC), kModule, subject});
}

} // namespace

qint64 reviewMinutes(Sql& sql)
{
    return TimeLimits::minutesIn(sql, kModule, QStringLiteral("hits.review"), kReviewMinutes);
}

qint64 moreDataMinutes(Sql& sql)
{
    return TimeLimits::minutesIn(sql, kModule, QStringLiteral("hit.more_data"), kMoreDataMinutes);
}

qint64 retentionMinutes(Sql& sql)
{
    return TimeLimits::minutesIn(sql, kModule, QStringLiteral("dataset.retention"), kRetentionMinutes);
}

QString runReviewKey(qint64 run)
{
    return QStringLiteral("bigdata_investigation.run.%1.review").arg(run);
}

QString moreDataKey(qint64 hit)
{
    return QStringLiteral("bigdata_investigation.hit.%1.more_data").arg(hit);
}

QString retentionKey(qint64 dataset)
{
    return QStringLiteral("bigdata_investigation.dataset.%1.retention").arg(dataset);
}

void setRunReview(WriteTransaction& txn, qint64 run, const QString& model, const QString& dataset, qint64 fromMs)
{
    set(txn, runReviewKey(run), Tr::tr("Review the hits of %1 over %2").arg(model, dataset), fromMs + reviewMinutes(txn) * 60'000,
        QStringLiteral("bd_run:%1").arg(run));
}

void settleRunReview(WriteTransaction& txn, qint64 run)
{
    if (!txn.scalar(QStringLiteral("SELECT 1 FROM bd_hits WHERE run_id = ? AND status = 'new' LIMIT 1"), {run}).isValid())
        publishDeadlineCleared(txn, runReviewKey(run));
}

void setMoreData(WriteTransaction& txn, qint64 hit, qint64 fromMs)
{
    set(txn, moreDataKey(hit), Tr::tr("Look at hit %1 again with more data").arg(hit), fromMs + moreDataMinutes(txn) * 60'000,
        QStringLiteral("bd_hit:%1").arg(hit));
}

void clearMoreData(WriteTransaction& txn, qint64 hit)
{
    publishDeadlineCleared(txn, moreDataKey(hit));
}

void setRetention(WriteTransaction& txn, qint64 dataset, const QString& name, qint64 retainUntil)
{
    set(txn, retentionKey(dataset), Tr::tr("Purge dataset %1 at its retention date").arg(name), retainUntil,
        QStringLiteral("bd_dataset:%1").arg(dataset));
}

void clearForPurge(WriteTransaction& txn, qint64 dataset)
{
    publishDeadlineCleared(txn, retentionKey(dataset));
    QSqlQuery hits = txn.exec(QStringLiteral("SELECT h.id FROM bd_hits h JOIN bd_runs r ON r.id = h.run_id "
                                             "WHERE r.dataset_id = ? AND h.status = 'more_data'"),
                              {dataset});
    while (hits.next())
        clearMoreData(txn, hits.value(0).toLongLong());
    // Its runs' new hits go with it; a run's review is met when nothing new is left (the confirmed
    // and handed-on hits stay).
    QSqlQuery runs = txn.exec(QStringLiteral("SELECT DISTINCT run_id FROM bd_hits h JOIN bd_runs r ON r.id = h.run_id "
                                             "WHERE r.dataset_id = ? AND h.status = 'new'"),
                              {dataset});
    while (runs.next())
        publishDeadlineCleared(txn, runReviewKey(runs.value(0).toLongLong()));
}

} // namespace hexhub::bigdata::deadlines
