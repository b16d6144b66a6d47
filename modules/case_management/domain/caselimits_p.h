#pragma once
// What the case service and the custody suite share inside the module (not API): a case and its
// limits read, and a limit started or ended in the caller's transaction, on the hub's deadline queue.

#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/custody.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace hexhub {
class Sql;
class WriteTransaction;
} // namespace hexhub

namespace hexhub::cases::detail {

//! The deadline queue's key of a statutory limit, and of a person's next welfare check.
QString limitKey(qint64 limitId);
QString welfareCheckKey(qint64 custodyId);
//! The minutes between a person's checks at `level` (the welfare.* rules of time_limits).
qint64 checkInterval(Sql& sql, RiskLevel level);

Case loadCase(Sql& sql, qint64 id);
CaseLimit loadLimit(Sql& sql, qint64 id);
//! The limits still running for the person in custody `custodyId`, oldest first.
QList<CaseLimit> runningLimitsFor(Sql& sql, qint64 custodyId);
//! The minutes `rule` of case_management runs for (time_limits, or its default).
qint64 ruleMinutes(Sql& sql, const QString& rule);
//! The rules `event` starts in a case of `kind`; refused where the event does not belong to the kind.
QStringList limitRulesFor(CaseKind kind, CaseEvent event, bool serious);
CaseLimit startLimit(WriteTransaction& txn, const Case& c, const QString& rule, qint64 custodyId, const QString& note, qint64 now,
                     const QString& actor);
//! Ends a running limit as met or cancelled, takes it off the deadline queue and journals it.
void endLimit(WriteTransaction& txn, const Case& c, const CaseLimit& limit, const QString& state, const QString& note, qint64 now,
              const QString& actor);
//! The case's due time: its soonest running limit.
void refreshDue(WriteTransaction& txn, qint64 caseId);
Custody loadCustodyRecord(Sql& sql, qint64 id);
/*!
 * Books person `k` (in the suite, at the version read) out in `txn` to `taker`: the record's state,
 * the move to the exit, the welfare check off the queue, the limits of their stay ended (the
 * transfer met only when `meetTransfer`: an escort meets it on arrival), journaled. The caller audits.
 */
void bookOut(WriteTransaction& txn, const Custody& k, ReleaseKind kind, const QString& taker, const QString& note, qint64 now,
             const QString& actor, bool meetTransfer);
//! A list's search words as a LIKE pattern on lower-cased columns: "%words%", without wildcards of the user's.
QString containsPattern(const QString& words);

} // namespace hexhub::cases::detail
