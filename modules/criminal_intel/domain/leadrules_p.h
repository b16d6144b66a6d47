#pragma once
// The leads' shared steps inside a transaction: a lead's insert (every intake path), the triage
// limits on the hub's deadline queue, the analysts a lead may be assigned to.
#include "hexhub/criminal_intel/leads.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace hexhub {
class Sql;
class WriteTransaction;
} // namespace hexhub

namespace hexhub::criminalintel::detail {

/*!
 * The triage limits' defaults (the time_limits rows criminal_intel/lead.*), and why:
 *  - lead.assess, 24 hours: a lead is read, graded and given its handling within the day it came
 *    in; the intelligence cycle's daily review is the last moment a fresh lead is still fresh.
 *  - lead.act.high, 4 hours: a reliable source with confirmed or probably true information (A-B and
 *    1-2; 3x5x2 1 with A-B) is acted on within the shift that graded it, while what it says holds.
 *  - lead.act.medium, 24 hours: fairly reliable or possibly true is decided on the next daily review.
 *  - lead.act.low, 72 hours: doubtful, unreliable or not yet judged waits for corroboration, but no
 *    longer than three days before someone decides to develop, action or close it.
 */
constexpr qint64 kAssessMinutes = 24 * 60;
constexpr qint64 kActHighMinutes = 4 * 60;
constexpr qint64 kActMediumMinutes = 24 * 60;
constexpr qint64 kActLowMinutes = 72 * 60;

struct LeadDraft
{
    LeadSource source = LeadSource::Tip;
    QString sourceCentre, sourceRecord, sourceDetail;
    QString summary, details;
    QJsonObject evidence;
    QString legalBasis;
    int retentionDays = 5 * 365;
};

//! Inserts a lead (its reference L-<year>-<id>), starts its assess limit and journals lead.received.
qint64 insertLead(WriteTransaction& txn, const LeadDraft& draft);
Lead readLead(Sql& sql, qint64 id);
//! JSON as stored in a TEXT column: compact.
QString compact(const QJsonObject& o);
//! Whether `function` ("ci_analysts()") exists: a prepared shared server, whose own rules do the step.
bool onPreparedServer(Sql& sql, const char* function);
//! The active users who may triage leads (on a prepared shared server through ci_analysts()).
QStringList analystsIn(Sql& sql);

qint64 assessDue(Sql& sql, qint64 fromMs);
//! Puts lead `id`'s assess limit on the deadline queue (and in its due_at when `setDue`).
void startAssess(WriteTransaction& txn, qint64 id, const QString& reference, qint64 fromMs, bool setDue = true);
void meetAssess(WriteTransaction& txn, qint64 id);
void startAct(WriteTransaction& txn, qint64 id, const QString& reference, GradeBand band, qint64 fromMs);
void meetAct(WriteTransaction& txn, qint64 id);

} // namespace hexhub::criminalintel::detail
