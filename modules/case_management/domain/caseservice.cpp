// Cases' one write path (ARCHITECTURE.md 3a): each command checks its permission here, checks the
// row's version, writes, journals its typed event, audits and keeps the statutory limits on the hub's
// deadline queue, in one transaction; the same command twice is applied once. On a prepared shared
// server the server checks again who may approve, and that a stage which needs approval moves only
// in the transaction that uses an approval someone else gave (sql/server/rules.postgresql.sql).
#include "base/clock.h"
#include "base/enumtable.h"
#include "base/error.h"
#include "bus/event.h"
#include "caselimits_p.h"
#include "hexhub/case_management/cases.h"
#include "module/servicesupport.h"
#include "security/audit.h"
#include "security/session.h"
#include "shared/deadlines.h"
#include "shared/timelimits.h"
#include "store/outbox.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>
#include <algorithm>
#include <array>

namespace hexhub::cases {

// The internals custodyservice.cpp shares (caselimits_p.h) have external linkage in detail.
namespace detail {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::cases::CaseService)
};

using service::check;
using service::failNow;

const QString kModule = QStringLiteral("case_management");
constexpr qint64 kMinute = 60'000;

// The rules' defaults in minutes (the time_limits rows the module's migration seeds; see cases.h).
struct RuleDefault
{
    const char* rule;
    qint64 minutes;
    const char* title;
};
constexpr RuleDefault kRules[] = {
    {"summons", 12 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A summoned person released or held on another ground")},
    {"summons.serious", 24 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A summons approved as serious ended")},
    {"questioning", 8 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "Administrative questioning ended")},
    {"questioning.detention", 24 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "Questioning where detention is likely ended")},
    {"detention.transfer", 24 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A detained person transferred to the detention centre")},
    {"detention.family", 24 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A detained person's family notified")},
    {"detention.interrogation", 24 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A detained person first interrogated")},
    {"arrest.request", 3 * 24 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "An arrest requested of the procuratorate")},
    {"arrest.request.extension", 4 * 24 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "The longest ordinary extension of an arrest request")},
    {"arrest.request.gang", 30 * 24 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "An arrest request for a roving, repeat or gang suspect, at most")},
    {"procuratorate.decision", 7 * 24 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "The procuratorate's decision on an arrest")},
    {"admin.close", 30 * 24 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "An administrative case closed")},
    {"admin.close.extension", 30 * 24 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "The extension of an administrative case")},
    {"fasttrack.investigation", 24 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A fast-track case investigated and referred to the procuratorate")},
    {"fasttrack.prosecution", 36 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A fast-track case prosecuted")},
    {"fasttrack.trial", 48 * 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A fast-track case tried")},
    {"welfare.standard", 60, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A person in custody checked (standard risk)")},
    {"welfare.elevated", 30, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A person in custody checked (intoxicated, injured or unwell)")},
    {"welfare.highest", 15, QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A person in custody checked (risk of self-harm)")},
};

const RuleDefault* ruleDefault(const QString& rule)
{
    for (const RuleDefault& r : kRules)
        if (rule == QLatin1String(r.rule))
            return &r;
    return nullptr;
}

qint64 ruleMinutes(Sql& sql, const QString& rule)
{
    const RuleDefault* d = ruleDefault(rule);
    return TimeLimits::minutesIn(sql, kModule, rule, d ? d->minutes : 24 * 60);
}

const QStringList& criminalStages()
{
    static const QStringList stages{QStringLiteral("registered"), QStringLiteral("investigating"), QStringLiteral("measures"),
                                    QStringLiteral("referred"),   QStringLiteral("prosecuted"),    QStringLiteral("tried"),
                                    QStringLiteral("closed")};
    return stages;
}

const QStringList& administrativeStages()
{
    static const QStringList stages{QStringLiteral("accepted"), QStringLiteral("investigated"), QStringLiteral("decided"), QStringLiteral("executed"),
                                    QStringLiteral("closed")};
    return stages;
}

QString caseRef(qint64 id)
{
    return QStringLiteral("case:%1").arg(id);
}

// The records a kept command changes (the outbox keeps later commands on one behind it, in order).
QString caseRecord(qint64 id)
{
    return QStringLiteral("case_management/case:%1").arg(id);
}

QString limitRecord(qint64 id)
{
    return QStringLiteral("case_management/limit:%1").arg(id);
}

QString limitKey(qint64 id)
{
    return QStringLiteral("case_management.limit.%1").arg(id);
}

const QString kCaseColumns = QStringLiteral("id, number, title, summary, kind, stage, status, stage_reason, fast_track, incident_id, "
                                            "opened_by, opened_at, updated_at, due_at, version, fast_track_at, fast_track_note");

Case caseFrom(const QSqlQuery& q)
{
    Case c;
    c.id = q.value(0).toLongLong();
    c.number = q.value(1).toString();
    c.title = q.value(2).toString();
    c.summary = q.value(3).toString();
    c.kind = caseKindFromKey(q.value(4).toString()).value_or(CaseKind::Criminal);
    c.stage = q.value(5).toString();
    c.status = q.value(6).toString();
    c.stageReason = q.value(7).toString();
    c.fastTrack = q.value(8).toInt() != 0;
    c.incidentId = q.value(9).toLongLong();
    c.openedBy = q.value(10).toString();
    c.openedAt = q.value(11).toLongLong();
    c.updatedAt = q.value(12).toLongLong();
    c.dueAt = q.value(13).toLongLong();
    c.version = q.value(14).toInt();
    c.fastTrackAt = c.fastTrack ? q.value(15).toLongLong() : 0;
    c.fastTrackNote = q.value(16).toString();
    return c;
}

Case loadCase(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kCaseColumns + QStringLiteral(" FROM cm_cases WHERE id = ?"), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No case %1.").arg(id));
    return caseFrom(q);
}

const QString kLimitColumns = QStringLiteral("id, case_id, rule, custody_id, note, started_at, due_at, base_minutes, extended_minutes, "
                                             "extension_ground, extension_reason, extended_by, state, ended_at, ended_by, end_note, "
                                             "started_by, version");

CaseLimit limitFrom(const QSqlQuery& q)
{
    CaseLimit l;
    l.id = q.value(0).toLongLong();
    l.caseId = q.value(1).toLongLong();
    l.rule = q.value(2).toString();
    l.custodyId = q.value(3).toLongLong();
    l.note = q.value(4).toString();
    l.startedAt = q.value(5).toLongLong();
    l.dueAt = q.value(6).toLongLong();
    l.baseMinutes = q.value(7).toLongLong();
    l.extendedMinutes = q.value(8).toLongLong();
    l.extensionGround = q.value(9).toString();
    l.extensionReason = q.value(10).toString();
    l.extendedBy = q.value(11).toString();
    l.state = q.value(12).toString();
    l.endedAt = q.value(13).toLongLong();
    l.endedBy = q.value(14).toString();
    l.endNote = q.value(15).toString();
    l.startedBy = q.value(16).toString();
    l.version = q.value(17).toInt();
    return l;
}

CaseLimit loadLimit(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kLimitColumns + QStringLiteral(" FROM cm_case_limits WHERE id = ?"), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No limit %1.").arg(id));
    return limitFrom(q);
}

QString containsPattern(const QString& words)
{
    return QLatin1Char('%') + QString(words).remove(QLatin1Char('%')).remove(QLatin1Char('_')).toLower() + QLatin1Char('%');
}

QList<CaseLimit> runningLimitsFor(Sql& sql, qint64 custodyId)
{
    QList<CaseLimit> out;
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kLimitColumns +
                               QStringLiteral(" FROM cm_case_limits WHERE custody_id = ? AND state = 'running' ORDER BY id"),
                           {custodyId});
    while (q.next())
        out << limitFrom(q);
    return out;
}

// The case's due_at: its soonest running limit.
void refreshDue(WriteTransaction& txn, qint64 caseId)
{
    txn.exec(QStringLiteral("UPDATE cm_cases SET due_at = (SELECT MIN(due_at) FROM cm_case_limits WHERE case_id = ? AND state = 'running') "
                            "WHERE id = ?"),
             {caseId, caseId});
}

void publishLimit(WriteTransaction& txn, const Case& c, const CaseLimit& limit)
{
    publishDeadline(txn, DeadlineSet{limitKey(limit.id), QStringLiteral("%1: %2").arg(c.number, limit.title()),
                                     QDateTime::fromMSecsSinceEpoch(limit.dueAt, Qt::UTC), kModule, caseRef(c.id)});
}

CaseLimit startLimit(WriteTransaction& txn, const Case& c, const QString& rule, qint64 custodyId, const QString& note, qint64 now,
                     const QString& actor)
{
    const qint64 minutes = ruleMinutes(txn, rule);
    const qint64 id = txn.insert(QStringLiteral("INSERT INTO cm_case_limits (case_id, rule, custody_id, note, started_at, due_at, base_minutes, "
                                                "started_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                                 {c.id, rule, custodyId > 0 ? QVariant(custodyId) : QVariant(), note, now, now + minutes * kMinute, minutes, actor});
    const CaseLimit limit = loadLimit(txn, id);
    publishLimit(txn, c, limit);
    txn.publish(CaseLimitChanged{c.id, id, c.number, rule, QStringLiteral("started"), limit.dueAt, note});
    return limit;
}

void endLimit(WriteTransaction& txn, const Case& c, const CaseLimit& limit, const QString& state, const QString& note, qint64 now,
              const QString& actor)
{
    // Only a limit still running ends: two desks ending the same one, the second is told.
    service::requireUpdated(txn.exec(QStringLiteral("UPDATE cm_case_limits SET state = ?, ended_at = ?, ended_by = ?, end_note = ?, "
                                                    "version = version + 1 WHERE id = ? AND state = 'running'"),
                                     {state, now, actor, note, limit.id}),
                            Tr::tr("The limit \"%1\" of case %2 ended meanwhile; look at it again.").arg(limit.title(), c.number));
    publishDeadlineCleared(txn, limitKey(limit.id));
    txn.publish(CaseLimitChanged{c.id, limit.id, c.number, limit.rule, state, limit.dueAt, note});
}

QStringList limitRulesFor(CaseKind kind, CaseEvent event, bool serious)
{
    const bool criminal = kind == CaseKind::Criminal;
    QStringList rules;
    switch (event) {
    case CaseEvent::Summoned:
        if (!criminal)
            throw ValidationError(Tr::tr("A summons belongs to a criminal case; question the person in an administrative one."));
        rules << (serious ? QStringLiteral("summons.serious") : QStringLiteral("summons"));
        break;
    case CaseEvent::Questioned:
        if (criminal)
            throw ValidationError(Tr::tr("Administrative questioning belongs to an administrative case; summon the person in a criminal one."));
        rules << (serious ? QStringLiteral("questioning.detention") : QStringLiteral("questioning"));
        break;
    case CaseEvent::Detained:
        if (!criminal)
            throw ValidationError(Tr::tr("Criminal detention belongs to a criminal case."));
        rules << QStringLiteral("detention.transfer") << QStringLiteral("detention.family") << QStringLiteral("detention.interrogation")
              << QStringLiteral("arrest.request");
        break;
    case CaseEvent::ArrestRequested:
        if (!criminal)
            throw ValidationError(Tr::tr("An arrest is requested in a criminal case."));
        rules << QStringLiteral("procuratorate.decision");
        break;
    }
    return rules;
}

/*!
 * Uses the approval of `what` for case `caseId` in this transaction: one given by someone other
 * than `actor` and not used yet. Refused without one.
 */
QString useApproval(WriteTransaction& txn, qint64 caseId, const QString& what, const QString& actor, const QString& missing)
{
    QSqlQuery q = txn.exec(QStringLiteral("SELECT id, approved_by FROM cm_approvals WHERE case_id = ? AND what = ? AND used_at IS NULL "
                                          "ORDER BY id"),
                           {caseId, what});
    QString ownOnly;
    while (q.next()) {
        const QString by = q.value(1).toString();
        if (by == actor) {
            ownOnly = by;
            continue;
        }
        // The transaction's id is stamped by the shared server's rules, which check it on the case.
        txn.exec(QStringLiteral("UPDATE cm_approvals SET used_at = ?, used_by = ? WHERE id = ?"), {txn.clock().nowMs(), actor, q.value(0)});
        return by;
    }
    if (!ownOnly.isEmpty())
        throw ValidationError(Tr::tr("You approved this yourself; someone else must approve what you then do."));
    throw ValidationError(missing);
}

// The keys as stored and sent (base/enumtable.h).
using hexhub::detail::EnumRow;
constexpr std::array<EnumRow<CaseKind>, 2> kKinds{{{CaseKind::Criminal, "criminal", nullptr}, {CaseKind::Administrative, "administrative", nullptr}}};
constexpr std::array<EnumRow<CaseEvent>, 4> kCaseEvents{{{CaseEvent::Summoned, "summoned", nullptr},
                                                         {CaseEvent::Questioned, "questioned", nullptr},
                                                         {CaseEvent::Detained, "detained", nullptr},
                                                         {CaseEvent::ArrestRequested, "arrest_requested", nullptr}}};
constexpr std::array<EnumRow<ExtensionGround>, 4> kGrounds{{{ExtensionGround::Ordinary, "ordinary", nullptr},
                                                            {ExtensionGround::Roving, "roving", nullptr},
                                                            {ExtensionGround::Repeat, "repeat", nullptr},
                                                            {ExtensionGround::Gang, "gang", nullptr}}};

} // namespace detail

using namespace detail;

// ---- vocabulary ----------------------------------------------------------------------------------

QString caseKindKey(CaseKind kind)
{
    return QString::fromLatin1(hexhub::detail::rowOf(kKinds, kind).id);
}

std::optional<CaseKind> caseKindFromKey(const QString& key)
{
    return hexhub::detail::valueOf(kKinds, key);
}

QStringList caseStages(CaseKind kind)
{
    return kind == CaseKind::Criminal ? criminalStages() : administrativeStages();
}

QString caseStageName(const QString& stage)
{
    if (stage == QLatin1String("registered"))
        return Tr::tr("registered");
    if (stage == QLatin1String("investigating"))
        return Tr::tr("under investigation");
    if (stage == QLatin1String("measures"))
        return Tr::tr("coercive measures");
    if (stage == QLatin1String("referred"))
        return Tr::tr("referred to the procuratorate");
    if (stage == QLatin1String("prosecuted"))
        return Tr::tr("prosecuted");
    if (stage == QLatin1String("tried"))
        return Tr::tr("tried");
    if (stage == QLatin1String("accepted"))
        return Tr::tr("accepted");
    if (stage == QLatin1String("investigated"))
        return Tr::tr("investigated");
    if (stage == QLatin1String("decided"))
        return Tr::tr("decided");
    if (stage == QLatin1String("executed"))
        return Tr::tr("decision executed");
    if (stage == QLatin1String("closed"))
        return Tr::tr("closed");
    return stage;
}

QString caseStatusOf(const QString& stage)
{
    if (stage == QLatin1String("registered") || stage == QLatin1String("accepted"))
        return QStringLiteral("registered");
    if (stage == QLatin1String("investigating") || stage == QLatin1String("measures") || stage == QLatin1String("investigated"))
        return QStringLiteral("investigating");
    if (stage == QLatin1String("referred") || stage == QLatin1String("prosecuted"))
        return QStringLiteral("referred");
    if (stage == QLatin1String("tried") || stage == QLatin1String("decided") || stage == QLatin1String("executed"))
        return QStringLiteral("decided");
    return QStringLiteral("closed");
}

bool canMoveCase(CaseKind kind, const QString& from, const QString& to)
{
    const QStringList stages = caseStages(kind);
    const qsizetype at = stages.indexOf(from);
    if (at < 0 || from == QLatin1String("closed") || !stages.contains(to))
        return false;
    return to == QLatin1String("closed") || stages.indexOf(to) == at + 1;
}

bool stageNeedsApproval(CaseKind kind, const QString& stage)
{
    if (kind == CaseKind::Criminal)
        return stage == QLatin1String("measures") || stage == QLatin1String("referred") || stage == QLatin1String("closed");
    return stage == QLatin1String("decided") || stage == QLatin1String("closed");
}

QString caseEventKey(CaseEvent event)
{
    return QString::fromLatin1(hexhub::detail::rowOf(kCaseEvents, event).id);
}

std::optional<CaseEvent> caseEventFromKey(const QString& key)
{
    return hexhub::detail::valueOf(kCaseEvents, key);
}

QString extensionGroundKey(ExtensionGround ground)
{
    return QString::fromLatin1(hexhub::detail::rowOf(kGrounds, ground).id);
}

std::optional<ExtensionGround> extensionGroundFromKey(const QString& key)
{
    return hexhub::detail::valueOf(kGrounds, key);
}

QString CaseLimit::title() const
{
    const RuleDefault* d = ruleDefault(rule);
    return d ? QCoreApplication::translate("hexhub::TimeLimits", d->title) : rule;
}

// ---- typed events --------------------------------------------------------------------------------

QJsonObject CaseOpened::toJson() const
{
    return {{QStringLiteral("case"), double(caseId)},
            {QStringLiteral("number"), number},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("title"), title},
            {QStringLiteral("incident"), double(incidentId)}};
}

std::optional<CaseOpened> CaseOpened::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("case")).isDouble() || !json.value(QStringLiteral("number")).isString())
        return std::nullopt;
    return CaseOpened{qint64(json.value(QStringLiteral("case")).toDouble()), json.value(QStringLiteral("number")).toString(),
                      json.value(QStringLiteral("kind")).toString(), json.value(QStringLiteral("title")).toString(),
                      qint64(json.value(QStringLiteral("incident")).toDouble())};
}

QJsonObject CaseMoved::toJson() const
{
    return {{QStringLiteral("case"), double(caseId)},
            {QStringLiteral("number"), number},
            {QStringLiteral("from"), from},
            {QStringLiteral("to"), to},
            {QStringLiteral("status"), status},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("approvedBy"), approvedBy}};
}

std::optional<CaseMoved> CaseMoved::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("case")).isDouble() || !json.value(QStringLiteral("to")).isString())
        return std::nullopt;
    return CaseMoved{qint64(json.value(QStringLiteral("case")).toDouble()), json.value(QStringLiteral("number")).toString(),
                     json.value(QStringLiteral("from")).toString(),         json.value(QStringLiteral("to")).toString(),
                     json.value(QStringLiteral("status")).toString(),       json.value(QStringLiteral("reason")).toString(),
                     json.value(QStringLiteral("approvedBy")).toString()};
}

QJsonObject CaseLimitChanged::toJson() const
{
    QJsonObject json{{QStringLiteral("case"), double(caseId)},
                     {QStringLiteral("limit"), double(limitId)},
                     {QStringLiteral("number"), number},
                     {QStringLiteral("rule"), rule},
                     {QStringLiteral("change"), change},
                     {QStringLiteral("due"), double(dueAt)},
                     {QStringLiteral("note"), note}};
    if (!ground.isEmpty())
        json.insert(QStringLiteral("ground"), ground);
    if (!approvedBy.isEmpty())
        json.insert(QStringLiteral("approvedBy"), approvedBy);
    return json;
}

std::optional<CaseLimitChanged> CaseLimitChanged::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("limit")).isDouble() || !json.value(QStringLiteral("change")).isString())
        return std::nullopt;
    return CaseLimitChanged{qint64(json.value(QStringLiteral("case")).toDouble()), qint64(json.value(QStringLiteral("limit")).toDouble()),
                            json.value(QStringLiteral("number")).toString(),       json.value(QStringLiteral("rule")).toString(),
                            json.value(QStringLiteral("change")).toString(),       qint64(json.value(QStringLiteral("due")).toDouble()),
                            json.value(QStringLiteral("note")).toString(),         json.value(QStringLiteral("ground")).toString(),
                            json.value(QStringLiteral("approvedBy")).toString()};
}

QJsonObject CaseApproved::toJson() const
{
    return {{QStringLiteral("case"), double(caseId)},
            {QStringLiteral("approval"), double(approval)},
            {QStringLiteral("number"), number},
            {QStringLiteral("what"), what},
            {QStringLiteral("note"), note}};
}

std::optional<CaseApproved> CaseApproved::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("case")).isDouble() || !json.value(QStringLiteral("what")).isString())
        return std::nullopt;
    return CaseApproved{qint64(json.value(QStringLiteral("case")).toDouble()), qint64(json.value(QStringLiteral("approval")).toDouble()),
                        json.value(QStringLiteral("number")).toString(), json.value(QStringLiteral("what")).toString(),
                        json.value(QStringLiteral("note")).toString()};
}

QJsonObject CaseFastTracked::toJson() const
{
    return {{QStringLiteral("case"), double(caseId)}, {QStringLiteral("number"), number}, {QStringLiteral("note"), note}};
}

std::optional<CaseFastTracked> CaseFastTracked::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("case")).isDouble() || !json.value(QStringLiteral("number")).isString())
        return std::nullopt;
    return CaseFastTracked{qint64(json.value(QStringLiteral("case")).toDouble()), json.value(QStringLiteral("number")).toString(),
                           json.value(QStringLiteral("note")).toString()};
}

QStringList fastTrackMilestones()
{
    return {QStringLiteral("fasttrack.investigation"), QStringLiteral("fasttrack.prosecution"), QStringLiteral("fasttrack.trial")};
}

QString fastTrackMilestoneStage(const QString& milestone)
{
    if (milestone == QLatin1String("fasttrack.investigation"))
        return QStringLiteral("referred");
    if (milestone == QLatin1String("fasttrack.prosecution"))
        return QStringLiteral("prosecuted");
    if (milestone == QLatin1String("fasttrack.trial"))
        return QStringLiteral("tried");
    return {};
}

namespace {

//! The grounds checked: both must hold and the note say on what.
QString fastTrackProblem(const FastTrackGrounds& grounds)
{
    if (!grounds.sentenceWithinThreeYears || !grounds.guiltyPlea)
        return Tr::tr("The fast track is for a minor case: the likely sentence within three years and the guilty plea accepted, both.");
    const QString note = grounds.note.trimmed();
    if (note.size() < 5)
        return Tr::tr("Say on what grounds the case takes the fast track; it goes on record.");
    if (note.size() > 2000)
        return Tr::tr("Keep the note under 2,000 characters.");
    return {};
}

//! Puts case `c` on the fast track in `txn`: marked, its milestones started, journaled and audited.
void startFastTrack(WriteTransaction& txn, const Case& c, const QString& note, qint64 now, const QString& actor)
{
    txn.exec(QStringLiteral("UPDATE cm_cases SET fast_track = 1, fast_track_at = ?, fast_track_note = ? WHERE id = ?"), {now, note, c.id});
    const Case marked = loadCase(txn, c.id);
    for (const QString& rule : fastTrackMilestones())
        startLimit(txn, marked, rule, 0, QString(), now, actor);
    txn.publish(CaseFastTracked{c.id, c.number, note});
}

//! Meets the fast-track milestones still running that reaching `stage` completes (its own and those before it).
void meetMilestones(WriteTransaction& txn, const Case& c, const QString& stage, qint64 now, const QString& actor)
{
    const QStringList path = caseStages(CaseKind::Criminal);
    const qsizetype reached = path.indexOf(stage);
    if (!c.fastTrack || reached < 0 || stage == QLatin1String("closed"))
        return;
    QSqlQuery q = txn.exec(QStringLiteral("SELECT ") + kLimitColumns +
                               QStringLiteral(" FROM cm_case_limits WHERE case_id = ? AND state = 'running' AND rule LIKE 'fasttrack.%' ORDER BY id"),
                           {c.id});
    QList<CaseLimit> running;
    while (q.next())
        running << limitFrom(q);
    for (const CaseLimit& l : std::as_const(running)) {
        const qsizetype at = path.indexOf(fastTrackMilestoneStage(l.rule));
        if (at >= 0 && at <= reached)
            endLimit(txn, c, l, QStringLiteral("met"), Tr::tr("Reached: %1").arg(caseStageName(stage)), now, actor);
    }
}

} // namespace

// ---- the service ---------------------------------------------------------------------------------

CaseService::CaseService(Store& store, Session& session, AuditLog& audit, Outbox* outbox)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
    , m_outbox(outbox)
{}

#define HEXHUB_REQUIRE_VIEW(T)                                                                                                                       \
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see cases")))                        \
    return service::failWith<T>(refused)

QFuture<QList<Case>> CaseService::cases(const CaseFilter& filter) const
{
    HEXHUB_REQUIRE_VIEW(QList<Case>);
    const QString text = filter.text.simplified();
    const QString like = containsPattern(text);
    return m_store.read([filter, text, like](Sql& sql) {
        QList<Case> out;
        QSqlQuery q = sql.exec(
            QStringLiteral("SELECT ") + kCaseColumns +
                QStringLiteral(" FROM cm_cases WHERE (? = '' OR stage = ?) AND (? = 0 OR stage <> 'closed') "
                               "AND (? = '' OR lower(title) LIKE ? OR lower(number) LIKE ?) "
                               "ORDER BY due_at IS NULL, due_at, opened_at DESC, id DESC LIMIT ? OFFSET ?"),
            {filter.stage, filter.stage, filter.openOnly ? 1 : 0, text, like, like, std::clamp(filter.limit, 1, 1000), std::max(0, filter.offset)});
        while (q.next())
            out << caseFrom(q);
        return out;
    });
}

QFuture<Case> CaseService::caseOf(qint64 id) const
{
    HEXHUB_REQUIRE_VIEW(Case);
    return m_store.read([id](Sql& sql) { return loadCase(sql, id); });
}

QFuture<QList<CaseLimit>> CaseService::limits(qint64 caseId) const
{
    HEXHUB_REQUIRE_VIEW(QList<CaseLimit>);
    return m_store.read([caseId](Sql& sql) {
        QList<CaseLimit> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kLimitColumns +
                                   QStringLiteral(" FROM cm_case_limits WHERE case_id = ? "
                                                  "ORDER BY CASE state WHEN 'running' THEN 0 ELSE 1 END, due_at, id"),
                               {caseId});
        while (q.next())
            out << limitFrom(q);
        return out;
    });
}

QFuture<CaseLimit> CaseService::limit(qint64 limitId) const
{
    HEXHUB_REQUIRE_VIEW(CaseLimit);
    return m_store.read([limitId](Sql& sql) { return loadLimit(sql, limitId); });
}

QFuture<QList<CaseApproval>> CaseService::approvals(qint64 caseId) const
{
    HEXHUB_REQUIRE_VIEW(QList<CaseApproval>);
    return m_store.read([caseId](Sql& sql) {
        QList<CaseApproval> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT id, case_id, what, note, approved_by, approved_at, used_at FROM cm_approvals "
                                              "WHERE case_id = ? ORDER BY id"),
                               {caseId});
        while (q.next())
            out << CaseApproval{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),  q.value(3).toString(),
                                q.value(4).toString(),   q.value(5).toLongLong(), q.value(6).toLongLong()};
        return out;
    });
}

QFuture<Case> CaseService::open(const NewCase& draft, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Case>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("open cases"), QStringLiteral("case.opened"),
                                   QStringLiteral("cm_cases")))
        return *refused;
    const QString title = draft.title.simplified();
    if (title.size() < 3 || title.size() > 200)
        return failNow<Case>(Tr::tr("Give the case a title of 3 to 200 characters."));
    if (draft.summary.size() > 4000)
        return failNow<Case>(Tr::tr("Keep the summary under 4,000 characters."));
    if (draft.fastTrack) {
        if (draft.kind != CaseKind::Criminal)
            return failNow<Case>(Tr::tr("The fast track is for minor criminal cases."));
        if (const QString problem = fastTrackProblem(draft.grounds); !problem.isEmpty())
            return failNow<Case>(problem);
    }
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(kModule, actor), [this, draft, title, command, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("case_management.case.open");
                if (auto done = service::appliedBefore(txn, command, op))
                    return loadCase(txn, done->toLongLong());
                const qint64 now = txn.clock().nowMs();
                const QString first = caseStages(draft.kind).first();
                // The number is the year and the case's own id, given once the row exists.
                const qint64 id = txn.insert(
                    QStringLiteral(
                        "INSERT INTO cm_cases (number, title, summary, kind, fast_track, stage, status, incident_id, opened_by, opened_at, "
                        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {QStringLiteral("new-%1").arg(command.toString()), title, draft.summary.trimmed(), caseKindKey(draft.kind), 0, first,
                     caseStatusOf(first), draft.incidentId > 0 ? QVariant(draft.incidentId) : QVariant(), name, now, now});
                const QString number =
                    QStringLiteral("C-%1-%2").arg(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).date().year()).arg(id, 6, 10, QLatin1Char('0'));
                txn.exec(QStringLiteral("UPDATE cm_cases SET number = ? WHERE id = ?"), {number, id});
                const Case c = loadCase(txn, id);
                txn.publish(CaseOpened{id, number, caseKindKey(draft.kind), title, draft.incidentId});
                if (draft.kind == CaseKind::Administrative)
                    startLimit(txn, c, QStringLiteral("admin.close"), 0, QString(), now, name);
                if (draft.fastTrack)
                    startFastTrack(txn, c, draft.grounds.note.trimmed(), now, name);
                refreshDue(txn, id);
                m_audit.append(txn, {name, QStringLiteral("case.opened"), caseRef(id), QStringLiteral("%1 %2").arg(number, caseKindKey(draft.kind)),
                                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(id));
                return loadCase(txn, id);
            });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.case.open"), command,
                                QJsonObject{{QStringLiteral("kind"), caseKindKey(draft.kind)},
                                            {QStringLiteral("title"), title},
                                            {QStringLiteral("summary"), draft.summary},
                                            {QStringLiteral("incident"), draft.incidentId},
                                            {QStringLiteral("fastTrack"), draft.fastTrack},
                                            {QStringLiteral("sentenceWithinThreeYears"), draft.grounds.sentenceWithinThreeYears},
                                            {QStringLiteral("guiltyPlea"), draft.grounds.guiltyPlea},
                                            {QStringLiteral("fastTrackNote"), draft.grounds.note}},
                                QStringList(), Tr::tr("Open case: %1").arg(title), actor));
}

QFuture<Case> CaseService::move(qint64 id, int version, const QString& stage, const QString& reason, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Case>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("move cases"),
                                   QStringLiteral("case.status_changed"), caseRef(id)))
        return *refused;
    if (stage == QLatin1String("closed")) {
        if (const QString problem = service::reasonProblem(reason, Tr::tr("Say why the case is closed; it goes on record.")); !problem.isEmpty())
            return failNow<Case>(problem);
    }
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(kModule, actor), [this, id, version, stage, reason, command,
                                                                    name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("case_management.case.move");
                if (service::appliedBefore(txn, command, op))
                    return loadCase(txn, id);
                const Case before = loadCase(txn, id);
                if (!canMoveCase(before.kind, before.stage, stage))
                    throw ValidationError(
                        Tr::tr("Case %1 cannot go from %2 to %3.").arg(before.number, caseStageName(before.stage), caseStageName(stage)));
                const QString why = stage == QLatin1String("closed")
                                        ? service::requireReason(reason, Tr::tr("Say why the case is closed; it goes on record."))
                                        : reason.trimmed().left(2000);
                QString approvedBy;
                if (stageNeedsApproval(before.kind, stage))
                    approvedBy = useApproval(txn, id, QStringLiteral("stage:") + stage, name,
                                             Tr::tr("Moving case %1 to %2 needs an approval first.").arg(before.number, caseStageName(stage)));
                const qint64 now = txn.clock().nowMs();
                service::requireUpdated(txn.exec(QStringLiteral("UPDATE cm_cases SET stage = ?, status = ?, stage_reason = ?, updated_at = ?, "
                                                                "version = version + 1 WHERE id = ? AND version = ?"),
                                                 {stage, caseStatusOf(stage), why, now, id, version}),
                                        Tr::tr("Someone changed case %1 meanwhile; look at it again.").arg(before.number));
                if (stage == QLatin1String("closed")) {
                    // A closed case keeps no clock running.
                    QSqlQuery running = txn.exec(QStringLiteral("SELECT ") + kLimitColumns +
                                                     QStringLiteral(" FROM cm_case_limits WHERE case_id = ? AND state = 'running' ORDER BY id"),
                                                 {id});
                    QList<CaseLimit> open;
                    while (running.next())
                        open << limitFrom(running);
                    for (const CaseLimit& l : std::as_const(open))
                        endLimit(txn, before, l, QStringLiteral("cancelled"), Tr::tr("The case was closed: %1").arg(why), now, name);
                    refreshDue(txn, id);
                } else if (before.fastTrack) {
                    meetMilestones(txn, before, stage, now, name);
                    refreshDue(txn, id);
                }
                txn.publish(CaseMoved{id, before.number, before.stage, stage, caseStatusOf(stage), why, approvedBy});
                m_audit.append(txn, {name, QStringLiteral("case.status_changed"), caseRef(id),
                                     QStringLiteral("%1 -> %2%3")
                                         .arg(before.stage, stage, approvedBy.isEmpty() ? QString() : QStringLiteral(", approved by ") + approvedBy),
                                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(id));
                return loadCase(txn, id);
            });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.case.move"), command,
                                QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("version"), version},
                                            {QStringLiteral("stage"), stage},
                                            {QStringLiteral("reason"), reason}},
                                QStringList{caseRecord(id)}, Tr::tr("Move case %1 to %2").arg(id).arg(caseStageName(stage)), actor));
}

QFuture<Case> CaseService::putOnFastTrack(qint64 id, int version, const FastTrackGrounds& grounds, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Case>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("put cases on the fast track"),
                                   QStringLiteral("case.fast_track"), caseRef(id)))
        return *refused;
    if (const QString problem = fastTrackProblem(grounds); !problem.isEmpty())
        return failNow<Case>(problem);
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(kModule, actor), [this, id, version, note = grounds.note.trimmed(), command,
                                                                    name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("case_management.case.fast_track");
                if (service::appliedBefore(txn, command, op))
                    return loadCase(txn, id);
                const Case c = loadCase(txn, id);
                if (c.kind != CaseKind::Criminal)
                    throw ValidationError(Tr::tr("The fast track is for minor criminal cases."));
                if (c.fastTrack)
                    throw ValidationError(Tr::tr("Case %1 is on the fast track already.").arg(c.number));
                const QStringList path = caseStages(CaseKind::Criminal);
                if (path.indexOf(c.stage) >= path.indexOf(QStringLiteral("referred")))
                    throw ValidationError(Tr::tr("Case %1 is %2: a case takes the fast track before it is referred to the procuratorate.")
                                              .arg(c.number, caseStageName(c.stage)));
                const qint64 now = txn.clock().nowMs();
                service::requireUpdated(
                    txn.exec(QStringLiteral("UPDATE cm_cases SET updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"),
                             {now, id, version}),
                    Tr::tr("Someone changed case %1 meanwhile; look at it again.").arg(c.number));
                startFastTrack(txn, c, note, now, name);
                refreshDue(txn, id);
                m_audit.append(txn, {name, QStringLiteral("case.fast_track"), caseRef(id), note.left(200), QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(id));
                return loadCase(txn, id);
            });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.case.fast_track"), command,
                                QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("version"), version},
                                            {QStringLiteral("sentenceWithinThreeYears"), grounds.sentenceWithinThreeYears},
                                            {QStringLiteral("guiltyPlea"), grounds.guiltyPlea},
                                            {QStringLiteral("note"), grounds.note}},
                                QStringList{caseRecord(id)}, Tr::tr("Put case %1 on the fast track").arg(id), actor));
}

QFuture<QJsonObject> CaseService::partnerStatus(qint64 id) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::requireNow(actor, QString::fromLatin1(kViewPermission), Tr::tr("see cases")))
        return service::failWith<QJsonObject>(refused);
    return m_store.read([id, name = actor.name](Sql& sql) {
        const Case c = loadCase(sql, id);
        const qint64 now = sql.clock().nowMs();
        const auto iso = [](qint64 ms) {
            return ms > 0 ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate)) : QJsonValue();
        };
        QJsonArray milestones, limits;
        QSqlQuery q =
            sql.exec(QStringLiteral("SELECT ") + kLimitColumns + QStringLiteral(" FROM cm_case_limits WHERE case_id = ? ORDER BY id"), {id});
        while (q.next()) {
            const CaseLimit l = limitFrom(q);
            // Missed: ran out while running, or was met or cancelled after it ran out.
            const bool missed = l.state == QLatin1String("running") ? now > l.dueAt : l.endedAt > l.dueAt;
            QJsonObject item{
                {QStringLiteral("rule"), l.rule},      {QStringLiteral("title"), l.title()}, {QStringLiteral("started"), iso(l.startedAt)},
                {QStringLiteral("due"), iso(l.dueAt)}, {QStringLiteral("state"), l.state},   {QStringLiteral("ended"), iso(l.endedAt)},
                {QStringLiteral("missed"), missed}}; // no free text: what was done may name people
            if (l.extendedMinutes > 0)
                item.insert(QStringLiteral("extendedMinutes"), double(l.extendedMinutes));
            const QString stage = fastTrackMilestoneStage(l.rule);
            if (!stage.isEmpty()) {
                item.insert(QStringLiteral("stage"), stage);
                milestones << item;
            } else {
                limits << item;
            }
        }
        QJsonObject fastTrack;
        if (c.fastTrack)
            fastTrack = {{QStringLiteral("since"), iso(c.fastTrackAt)},
                         {QStringLiteral("grounds"), c.fastTrackNote},
                         {QStringLiteral("milestones"), milestones}};
        return QJsonObject{{QStringLiteral("schema"), QStringLiteral("hexhub.case-status")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("generated"), iso(now)},
                           {QStringLiteral("generatedBy"), name},
                           {QStringLiteral("case"), QJsonObject{{QStringLiteral("number"), c.number},
                                                                {QStringLiteral("title"), c.title},
                                                                {QStringLiteral("kind"), caseKindKey(c.kind)},
                                                                {QStringLiteral("stage"), c.stage},
                                                                {QStringLiteral("stageName"), caseStageName(c.stage)},
                                                                {QStringLiteral("status"), c.status},
                                                                {QStringLiteral("opened"), iso(c.openedAt)},
                                                                {QStringLiteral("updated"), iso(c.updatedAt)},
                                                                {QStringLiteral("due"), iso(c.dueAt)}}},
                           {QStringLiteral("fastTrack"), c.fastTrack ? QJsonValue(fastTrack) : QJsonValue()},
                           {QStringLiteral("limits"), limits}};
    });
}

QFuture<CaseApproval> CaseService::approve(qint64 id, const QString& what, const QString& note, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<CaseApproval>(m_audit, actor, QString::fromLatin1(kApprovePermission), Tr::tr("approve steps of cases"),
                                           QStringLiteral("case.approved"), caseRef(id)))
        return *refused;
    const QString n = note.trimmed();
    if (n.size() < 5)
        return failNow<CaseApproval>(Tr::tr("Say what you approve and on what grounds; it goes on the case's record."));
    if (n.size() > 2000)
        return failNow<CaseApproval>(Tr::tr("Keep the note under 2,000 characters."));
    // The command centre approves: the approval is the hub's act, journaled in its name.
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(QStringLiteral("hub"), actor), [this, id, what, n, command,
                                                                                  name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("case_management.case.approve");
                auto load = [&txn](qint64 approval) {
                    QSqlQuery q =
                        txn.exec(QStringLiteral("SELECT id, case_id, what, note, approved_by, approved_at, used_at FROM cm_approvals WHERE id = ?"),
                                 {approval});
                    if (!q.next())
                        throw NotFoundError(Tr::tr("No approval %1.").arg(approval));
                    return CaseApproval{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),  q.value(3).toString(),
                                        q.value(4).toString(),   q.value(5).toLongLong(), q.value(6).toLongLong()};
                };
                if (auto done = service::appliedBefore(txn, command, op))
                    return load(done->toLongLong());
                const Case c = loadCase(txn, id);
                if (c.stage == QLatin1String("closed"))
                    throw ValidationError(Tr::tr("Case %1 is closed.").arg(c.number));
                if (what.startsWith(QLatin1String("stage:"))) {
                    const QString stage = what.mid(6);
                    if (!stageNeedsApproval(c.kind, stage) || !canMoveCase(c.kind, c.stage, stage))
                        throw ValidationError(
                            Tr::tr("Case %1 does not go to %2 next, or needs no approval for it.").arg(c.number, caseStageName(stage)));
                } else if (what.startsWith(QLatin1String("extend:"))) {
                    bool ok = false;
                    const qint64 limitId = what.mid(7).toLongLong(&ok);
                    const CaseLimit l = ok ? loadLimit(txn, limitId) : CaseLimit{};
                    if (!ok || l.caseId != id || l.state != QLatin1String("running") ||
                        (l.rule != QLatin1String("arrest.request") && l.rule != QLatin1String("admin.close")))
                        throw ValidationError(Tr::tr("Only a running arrest request's or administrative case's limit of this case is extended."));
                } else {
                    throw ValidationError(Tr::tr("An approval is for a stage (stage:<stage>) or an extension (extend:<limit>)."));
                }
                const qint64 approval =
                    txn.insert(QStringLiteral("INSERT INTO cm_approvals (case_id, what, note, approved_by, approved_at) VALUES (?, ?, ?, ?, ?)"),
                               {id, what, n, name, txn.clock().nowMs()});
                txn.publish(CaseApproved{id, approval, c.number, what, n});
                m_audit.append(
                    txn, {name, QStringLiteral("case.approved"), caseRef(id), QStringLiteral("%1: %2").arg(what, n), QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(approval));
                return load(approval);
            });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.case.approve"), command,
                                QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("what"), what}, {QStringLiteral("note"), n}},
                                QStringList{caseRecord(id)}, Tr::tr("Approve %1 for case %2").arg(what).arg(id), actor));
}

QFuture<QList<CaseLimit>> CaseService::start(qint64 id, CaseEvent event, bool serious, qint64 custodyId, const QString& note,
                                             const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<QList<CaseLimit>>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("start a case's limits"),
                                               QStringLiteral("case.limit"), caseRef(id)))
        return *refused;
    if (note.size() > 2000)
        return failNow<QList<CaseLimit>>(Tr::tr("Keep the note under 2,000 characters."));
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(
                service::writeAs(kModule, actor), [this, id, event, serious, custodyId, note, command, name = actor.name](WriteTransaction& txn) {
                    const QString op = QStringLiteral("case_management.limit.start");
                    auto startedBy = [&txn](const QString& limits) {
                        QList<CaseLimit> out;
                        for (const QString& l : limits.split(QLatin1Char(','), Qt::SkipEmptyParts))
                            out << loadLimit(txn, l.toLongLong());
                        return out;
                    };
                    if (auto done = service::appliedBefore(txn, command, op))
                        return startedBy(*done);
                    const Case c = loadCase(txn, id);
                    if (c.stage == QLatin1String("closed"))
                        throw ValidationError(Tr::tr("Case %1 is closed; its clocks have stopped.").arg(c.number));
                    if (custodyId > 0 && txn.scalar(QStringLiteral("SELECT case_id FROM cm_custody WHERE id = ?"), {custodyId}).toLongLong() != id)
                        throw ValidationError(Tr::tr("That person is not held in case %1.").arg(c.number));
                    const QStringList rules = limitRulesFor(c.kind, event, serious);
                    const qint64 now = txn.clock().nowMs();
                    if (event == CaseEvent::ArrestRequested) {
                        // The request is made: its own limit is met (the person's, or every one running in the case).
                        QSqlQuery q =
                            txn.exec(QStringLiteral("SELECT ") + kLimitColumns +
                                         QStringLiteral(" FROM cm_case_limits WHERE case_id = ? AND rule = 'arrest.request' AND state = 'running' "
                                                        "AND (? = 0 OR custody_id = ?) ORDER BY id"),
                                     {id, custodyId, custodyId});
                        QList<CaseLimit> met;
                        while (q.next())
                            met << limitFrom(q);
                        for (const CaseLimit& l : std::as_const(met))
                            endLimit(txn, c, l, QStringLiteral("met"), Tr::tr("Arrest requested of the procuratorate"), now, name);
                    }
                    QList<CaseLimit> started;
                    QStringList ids;
                    for (const QString& rule : std::as_const(rules)) {
                        started << startLimit(txn, c, rule, custodyId, note.trimmed(), now, name);
                        ids << QString::number(started.last().id);
                    }
                    refreshDue(txn, id);
                    m_audit.append(txn, {name, QStringLiteral("case.limit"), caseRef(id),
                                         QStringLiteral("started %1").arg(rules.join(QStringLiteral(", "))), QStringLiteral("success")});
                    service::recordApplied(txn, command, op, ids.join(QLatin1Char(',')));
                    return started;
                });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.limit.start"), command,
                                QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("event"), caseEventKey(event)},
                                            {QStringLiteral("serious"), serious},
                                            {QStringLiteral("custody"), custodyId},
                                            {QStringLiteral("note"), note}},
                                QStringList{caseRecord(id)}, Tr::tr("Start the limits of case %1").arg(id), actor));
}

QFuture<CaseLimit> CaseService::meet(qint64 limitId, int version, const QString& note, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("case_limit:%1").arg(limitId);
    if (auto refused = check<CaseLimit>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("meet a case's limits"),
                                        QStringLiteral("case.limit"), object))
        return *refused;
    if (note.trimmed().size() < 3)
        return failNow<CaseLimit>(Tr::tr("Say what was done (the transfer, the notice, the interrogation)."));
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(kModule, actor), [this, limitId, version, note, command, object,
                                                                    name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("case_management.limit.meet");
                if (service::appliedBefore(txn, command, op))
                    return loadLimit(txn, limitId);
                const CaseLimit l = loadLimit(txn, limitId);
                if (l.state != QLatin1String("running"))
                    throw ValidationError(
                        Tr::tr("That limit is %1 already.").arg(l.state == QLatin1String("met") ? Tr::tr("met") : Tr::tr("cancelled")));
                if (l.version != version)
                    throw ConflictError(Tr::tr("Someone changed that limit meanwhile; look at it again."));
                const Case c = loadCase(txn, l.caseId);
                endLimit(txn, c, l, QStringLiteral("met"), note.trimmed().left(2000), txn.clock().nowMs(), name);
                refreshDue(txn, l.caseId);
                m_audit.append(txn, {name, QStringLiteral("case.limit"), object, QStringLiteral("met %1").arg(l.rule), QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(limitId));
                return loadLimit(txn, limitId);
            });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.limit.meet"), command,
                                QJsonObject{{QStringLiteral("id"), limitId}, {QStringLiteral("version"), version}, {QStringLiteral("note"), note}},
                                QStringList{limitRecord(limitId)}, Tr::tr("Limit %1 met").arg(limitId), actor));
}

QFuture<CaseLimit> CaseService::extend(qint64 limitId, int version, qint64 minutes, ExtensionGround ground, const QString& reason,
                                       const CommandId& command) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("case_limit:%1").arg(limitId);
    if (auto refused = check<CaseLimit>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("extend a case's limits"),
                                        QStringLiteral("case.limit"), object))
        return *refused;
    if (const QString problem = service::reasonProblem(reason, Tr::tr("Say why the limit is extended; it goes on record.")); !problem.isEmpty())
        return failNow<CaseLimit>(problem);
    if (minutes < 1)
        return failNow<CaseLimit>(Tr::tr("Extend by a minute or more."));
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(kModule, actor), [this, limitId, version, minutes, ground, reason, command, object,
                                                                    name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("case_management.limit.extend");
                if (service::appliedBefore(txn, command, op))
                    return loadLimit(txn, limitId);
                const QString why = service::requireReason(reason, Tr::tr("Say why the limit is extended; it goes on record."));
                const CaseLimit l = loadLimit(txn, limitId);
                if (l.state != QLatin1String("running"))
                    throw ValidationError(Tr::tr("Only a running limit is extended."));
                if (l.version != version)
                    throw ConflictError(Tr::tr("Someone changed that limit meanwhile; look at it again."));
                if (l.rule == QLatin1String("arrest.request")) {
                    if (ground == ExtensionGround::Ordinary) {
                        const qint64 most = ruleMinutes(txn, QStringLiteral("arrest.request.extension"));
                        if (l.extendedMinutes > 0)
                            throw ValidationError(Tr::tr("This arrest request was extended already."));
                        if (minutes < 24 * 60 || minutes > most)
                            throw ValidationError(Tr::tr("An arrest request is extended by 1 day to %1.").arg(TimeLimits::describe(most)));
                    } else {
                        const qint64 most = ruleMinutes(txn, QStringLiteral("arrest.request.gang"));
                        if (l.baseMinutes + l.extendedMinutes + minutes > most)
                            throw ValidationError(Tr::tr("For a roving, repeat or gang suspect an arrest request runs at most %1 in all.")
                                                      .arg(TimeLimits::describe(most)));
                    }
                } else if (l.rule == QLatin1String("admin.close")) {
                    const qint64 most = ruleMinutes(txn, QStringLiteral("admin.close.extension"));
                    if (l.extendedMinutes > 0)
                        throw ValidationError(Tr::tr("An administrative case is extended once."));
                    if (minutes > most)
                        throw ValidationError(Tr::tr("An administrative case is extended by at most %1.").arg(TimeLimits::describe(most)));
                } else {
                    throw ValidationError(Tr::tr("This limit is set by law and is not extended."));
                }
                const QString approvedBy = useApproval(txn, l.caseId, QStringLiteral("extend:%1").arg(limitId), name,
                                                       Tr::tr("Extending this limit needs an approval first."));
                txn.exec(
                    QStringLiteral("UPDATE cm_case_limits SET due_at = due_at + ?, extended_minutes = extended_minutes + ?, extension_ground = ?, "
                                   "extension_reason = ?, extended_by = ?, version = version + 1 WHERE id = ?"),
                    {minutes * kMinute, minutes, extensionGroundKey(ground), why, name, limitId});
                const Case c = loadCase(txn, l.caseId);
                const CaseLimit after = loadLimit(txn, limitId);
                publishLimit(txn, c, after);
                refreshDue(txn, l.caseId);
                txn.publish(CaseLimitChanged{c.id, limitId, c.number, l.rule, QStringLiteral("extended"), after.dueAt, why,
                                             extensionGroundKey(ground), approvedBy});
                m_audit.append(txn, {name, QStringLiteral("case.limit"), object,
                                     QStringLiteral("extended %1 by %2 min (%3), approved by %4: %5")
                                         .arg(l.rule)
                                         .arg(minutes)
                                         .arg(extensionGroundKey(ground), approvedBy, why),
                                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(limitId));
                return after;
            });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.limit.extend"), command,
                                QJsonObject{{QStringLiteral("id"), limitId},
                                            {QStringLiteral("version"), version},
                                            {QStringLiteral("minutes"), minutes},
                                            {QStringLiteral("ground"), extensionGroundKey(ground)},
                                            {QStringLiteral("reason"), reason}},
                                QStringList{limitRecord(limitId)}, Tr::tr("Extend limit %1").arg(limitId), actor));
}

// ---- sent again from the outbox -----------------------------------------------------------------

void registerCaseReplayers(Outbox& outbox, Store& store, Session& session, AuditLog& audit)
{
    // The service the replayers send through, kept by them: it lives as long as they do.
    auto cases = std::make_shared<CaseService>(store, session, audit, &outbox);
    const auto touches = [](const QString& operation, const QJsonObject& a) -> QList<service::VersionTouch> {
        const qint64 id = a.value(QStringLiteral("id")).toInteger(), version = a.value(QStringLiteral("version")).toInteger();
        if (operation == QLatin1String("case_management.case.move") || operation == QLatin1String("case_management.case.fast_track"))
            return {{caseRecord(id), version}};
        if (operation == QLatin1String("case_management.limit.meet") || operation == QLatin1String("case_management.limit.extend"))
            return {{limitRecord(id), version}};
        return {};
    };
    service::keepOwnVersions(outbox,
                             {QStringLiteral("case_management.case.move"), QStringLiteral("case_management.case.fast_track"),
                              QStringLiteral("case_management.limit.meet"), QStringLiteral("case_management.limit.extend")},
                             touches);
    const auto id = [](const QJsonObject& a) {
        const qint64 value = a.value(QStringLiteral("id")).toInteger();
        if (value <= 0)
            throw ValidationError(Tr::tr("The kept command names no case or limit."));
        return value;
    };
    const auto text = [](const QJsonObject& a, const char* key) { return a.value(QLatin1String(key)).toString(); };
    const auto version = [](const QJsonObject& a) { return int(a.value(QStringLiteral("version")).toInteger()); };
    const auto limitVersion = [cases](qint64 limit) {
        return [cases, limit] { return cases->limit(limit).then([](const CaseLimit& now) { return now.version; }); };
    };
    outbox.addReplayer(QStringLiteral("case_management.case.open"), [cases, text](const QJsonObject& a, const CommandId& c, bool) {
        const auto kind = caseKindFromKey(text(a, "kind"));
        if (!kind)
            throw ValidationError(Tr::tr("The kept case has no valid kind."));
        return service::voidOf(cases->open({*kind, text(a, "title"), text(a, "summary"), a.value(QStringLiteral("incident")).toInteger(),
                                            a.value(QStringLiteral("fastTrack")).toBool(),
                                            FastTrackGrounds{a.value(QStringLiteral("sentenceWithinThreeYears")).toBool(),
                                                             a.value(QStringLiteral("guiltyPlea")).toBool(), text(a, "fastTrackNote")}},
                                           c));
    });
    outbox.addReplayer(QStringLiteral("case_management.case.fast_track"),
                       [cases, id, text, version](const QJsonObject& a, const CommandId& c, bool mine) {
                           const qint64 caseId = id(a);
                           const FastTrackGrounds grounds{a.value(QStringLiteral("sentenceWithinThreeYears")).toBool(),
                                                          a.value(QStringLiteral("guiltyPlea")).toBool(), text(a, "note")};
                           return service::sendAtVersion(
                               mine, version(a), [cases, caseId] { return cases->caseOf(caseId).then([](const Case& now) { return now.version; }); },
                               [=](int v) { return cases->putOnFastTrack(caseId, v, grounds, c); });
                       });
    outbox.addReplayer(QStringLiteral("case_management.case.move"), [cases, id, text, version](const QJsonObject& a, const CommandId& c, bool mine) {
        const qint64 caseId = id(a);
        return service::sendAtVersion(
            mine, version(a), [cases, caseId] { return cases->caseOf(caseId).then([](const Case& now) { return now.version; }); },
            [=](int v) { return cases->move(caseId, v, text(a, "stage"), text(a, "reason"), c); });
    });
    outbox.addReplayer(QStringLiteral("case_management.case.approve"), [cases, id, text](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(cases->approve(id(a), text(a, "what"), text(a, "note"), c));
    });
    outbox.addReplayer(QStringLiteral("case_management.limit.start"), [cases, id, text](const QJsonObject& a, const CommandId& c, bool) {
        const auto event = caseEventFromKey(text(a, "event"));
        if (!event)
            throw ValidationError(Tr::tr("The kept command names no valid event."));
        return service::voidOf(cases->start(id(a), *event, a.value(QStringLiteral("serious")).toBool(),
                                            a.value(QStringLiteral("custody")).toInteger(), text(a, "note"), c));
    });
    outbox.addReplayer(
        QStringLiteral("case_management.limit.meet"), [cases, id, text, version, limitVersion](const QJsonObject& a, const CommandId& c, bool mine) {
            const qint64 limit = id(a);
            return service::sendAtVersion(mine, version(a), limitVersion(limit), [=](int v) { return cases->meet(limit, v, text(a, "note"), c); });
        });
    outbox.addReplayer(QStringLiteral("case_management.limit.extend"),
                       [cases, id, text, version, limitVersion](const QJsonObject& a, const CommandId& c, bool mine) {
                           const qint64 limit = id(a);
                           const auto ground = extensionGroundFromKey(text(a, "ground"));
                           if (!ground)
                               throw ValidationError(Tr::tr("The kept command names no valid ground."));
                           return service::sendAtVersion(mine, version(a), limitVersion(limit), [=](int v) {
                               return cases->extend(limit, v, a.value(QStringLiteral("minutes")).toInteger(), *ground, text(a, "reason"), c);
                           });
                       });
}

} // namespace hexhub::cases
