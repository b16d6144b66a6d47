#pragma once
// Internal to the domain: the centre's time limits (rules in `time_limits`, seeded by migration 3)
// and the deadlines it puts on the hub's queue (CENTRES.md "Time"):
//  - a run's hits reviewed ("hits.review", 3 days from the run: a seized export's leads go stale
//    within the week, and a desk reviews a run's top hits in a day or two);
//  - a hit marked as needing more data looked at again ("hit.more_data", 7 days: a records request
//    to another body is answered within the working week);
//  - a dataset purged at its retention date (the date chosen at import; "dataset.retention", a
//    year, is the import form's default).
// Each is set in the transaction that starts it and cleared in the one that meets it.

#include <QString>

namespace hexhub {
class Sql;
class WriteTransaction;
}

namespace hexhub::bigdata::deadlines {

inline constexpr qint64 kReviewMinutes = 3 * 24 * 60;
inline constexpr qint64 kMoreDataMinutes = 7 * 24 * 60;
inline constexpr qint64 kRetentionMinutes = 365 * 24 * 60;

qint64 reviewMinutes(Sql& sql);
qint64 moreDataMinutes(Sql& sql);
qint64 retentionMinutes(Sql& sql);

QString runReviewKey(qint64 run);
QString moreDataKey(qint64 hit);
QString retentionKey(qint64 dataset);

//! Run `run` (of `model` over `dataset`) left hits to review: due the review limit after `fromMs`.
void setRunReview(WriteTransaction& txn, qint64 run, const QString& model, const QString& dataset, qint64 fromMs);
//! Clears run `run`'s review once none of its hits is new.
void settleRunReview(WriteTransaction& txn, qint64 run);
void setMoreData(WriteTransaction& txn, qint64 hit, qint64 fromMs);
void clearMoreData(WriteTransaction& txn, qint64 hit);
void setRetention(WriteTransaction& txn, qint64 dataset, const QString& name, qint64 retainUntil);
/*!
 * Dataset `dataset` is going: its retention deadline, the more-data deadlines of its hits that go
 * with it and the review deadlines of its runs that keep no new hit. Call before its hits are deleted.
 */
void clearForPurge(WriteTransaction& txn, qint64 dataset);

} // namespace hexhub::bigdata::deadlines
