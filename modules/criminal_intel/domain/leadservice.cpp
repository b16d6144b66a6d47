// The leads' one write path (ARCHITECTURE.md 3a): each command checks its permission here, checks
// the row's version, writes, journals its typed event, audits and keeps its limits on the hub's
// deadline queue, in one transaction; the same command twice is applied once.
#include "base/clock.h"
#include "base/error.h"
#include "bus/event.h"
#include "hexhub/criminal_intel/leads.h"
#include "hexhub/hub/incidentservice.h"
#include "intelkeep_p.h"
#include "leadrules_p.h"
#include "module/extensions.h"
#include "module/servicesupport.h"
#include "security/accesscontrol.h"
#include "security/audit.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace hexhub::criminalintel {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::criminalintel::LeadService)
};

using service::check;
using service::failNow;
using detail::compact;
using service::requireReason;

const QString kModule = QStringLiteral("criminal_intel");
constexpr qint64 kDayMs = 24 * 3600 * 1000LL;

WriteContext intelWrite(const Principal& actor)
{
    return service::writeAs(kModule, actor);
}


const QString kLeadColumns = QStringLiteral(
    "id, reference, source_kind, source_centre, source_record, source_detail_masked, summary, details, evidence, scheme, source_grade, "
    "info_grade, handling, conditions, grade_reason, graded_by, graded_at, status, status_reason, assigned_to, merged_into, "
    "investigation_id, legal_basis, retain_until, received_at, due_at, updated_at, version");

Lead leadFrom(const QSqlQuery& q)
{
    Lead l;
    l.id = q.value(0).toLongLong();
    l.reference = q.value(1).toString();
    l.source = leadSourceFromKey(q.value(2).toString()).value_or(LeadSource::Tip);
    l.sourceCentre = q.value(3).toString();
    l.sourceRecord = q.value(4).toString();
    l.sourceDetailMasked = q.value(5).toString();
    l.summary = q.value(6).toString();
    l.details = q.value(7).toString();
    l.evidence = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object();
    if (const auto scheme = gradingSchemeFromKey(q.value(9).toString()))
        l.grade = LeadGrade{*scheme, q.value(10).toString(), q.value(11).toString(), q.value(12).toString(), q.value(13).toString()};
    l.gradeReason = q.value(14).toString();
    l.gradedBy = q.value(15).toString();
    l.gradedAt = q.value(16).toLongLong();
    l.status = leadStatusFromKey(q.value(17).toString()).value_or(LeadStatus::New);
    l.statusReason = q.value(18).toString();
    l.assignedTo = q.value(19).toString();
    l.mergedInto = q.value(20).toLongLong();
    l.investigationId = q.value(21).toLongLong();
    l.legalBasis = q.value(22).toString();
    l.retainUntil = q.value(23).toLongLong();
    l.receivedAt = q.value(24).toLongLong();
    l.dueAt = q.value(25).toLongLong();
    l.updatedAt = q.value(26).toLongLong();
    l.version = q.value(27).toInt();
    return l;
}

Lead loadLead(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM ci_leads WHERE id = ?").arg(kLeadColumns), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No lead %1.").arg(id));
    return leadFrom(q);
}


GradingScheme schemeIn(Sql& sql)
{
    return gradingSchemeFromKey(sql.scalar(QStringLiteral("SELECT value FROM ci_settings WHERE key = 'grading_scheme'")).toString())
        .value_or(GradingScheme::Admiralty);
}

// What two summaries are compared by: words of three letters or more, lower case; in Chinese, which
// has no spaces, each pair of neighbouring characters ("被盗", "盗手", "手机").
QSet<QString> summaryWords(const QString& text)
{
    static const QRegularExpression split(QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption);
    QSet<QString> out;
    for (const QString& w : text.toLower().split(split, Qt::SkipEmptyParts)) {
        QString han;
        for (const QChar c : w) {
            if (c.script() == QChar::Script_Han) {
                han += c;
                continue;
            }
            for (qsizetype i = 0; i + 1 < han.size(); ++i)
                out.insert(han.mid(i, 2));
            han.clear();
        }
        for (qsizetype i = 0; i + 1 < han.size(); ++i)
            out.insert(han.mid(i, 2));
        if (w.size() >= 3 && w.front().script() != QChar::Script_Han)
            out.insert(w);
    }
    return out;
}

} // namespace

namespace detail {

Lead readLead(Sql& sql, qint64 id)
{
    return loadLead(sql, id);
}

qint64 insertLead(WriteTransaction& txn, const LeadDraft& draft)
{
    const qint64 now = txn.clock().nowMs();
    const QString placeholder = QStringLiteral("pending-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const qint64 id = txn.insert(
        QStringLiteral("INSERT INTO ci_leads (reference, source_kind, source_centre, source_record, source_detail, summary, details, evidence, "
                       "legal_basis, retain_until, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {placeholder, leadSourceKey(draft.source), draft.sourceCentre, draft.sourceRecord, draft.sourceDetail, draft.summary, draft.details,
         compact(draft.evidence), draft.legalBasis, now + qint64(draft.retentionDays) * kDayMs, now, now});
    const QString reference = QStringLiteral("L-%1-%2").arg(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).date().year()).arg(id, 5, 10, QLatin1Char('0'));
    txn.exec(QStringLiteral("UPDATE ci_leads SET reference = ? WHERE id = ?"), {reference, id});
    detail::startAssess(txn, id, reference, now);
    txn.publish(LeadReceived{id, reference, draft.source, draft.sourceRecord, draft.summary});
    return id;
}

} // namespace detail

LeadService::LeadService(Store& store, Session& session, AuditLog& audit, Outbox* outbox)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
    , m_outbox(outbox)
{
}

QFuture<Lead> LeadService::lead(qint64 id) const
{
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see leads")))
        return service::failWith<Lead>(refused);
    return m_store.read([id](Sql& sql) { return loadLead(sql, id); });
}

QFuture<QList<LeadTimelineEntry>> LeadService::timeline(qint64 id) const
{
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see leads")))
        return service::failWith<QList<LeadTimelineEntry>>(refused);
    return m_store.read([id](Sql& sql) {
        loadLead(sql, id);
        const QString leadOf = sql.dialect().name() == QLatin1String("postgresql") ? QStringLiteral("(payload::jsonb->>'lead')")
                                                                                    : QStringLiteral("json_extract(payload, '$.lead')");
        QSqlQuery q = sql.exec(QStringLiteral("SELECT occurred_at, actor, topic, payload, source FROM events "
                                              "WHERE topic IN ('lead.received', 'lead.updated') AND %1 = ? ORDER BY seq")
                                   .arg(leadOf),
                               {sql.dialect().name() == QLatin1String("postgresql") ? QVariant(QString::number(id)) : QVariant(id)});
        QList<LeadTimelineEntry> out;
        while (q.next()) {
            Event e;
            e.topic = q.value(2).toString();
            e.payload = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
            e.source = q.value(4).toString();
            out << LeadTimelineEntry{QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC), q.value(1).toString(),
                                     describeIntelEvent(e).text};
        }
        return out;
    });
}

QFuture<QList<LeadEntity>> LeadService::entities(qint64 id) const
{
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see leads")))
        return service::failWith<QList<LeadEntity>>(refused);
    return m_store.read([id](Sql& sql) {
        QList<LeadEntity> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT e.id, e.kind, e.label_masked FROM ci_lead_entities le JOIN ci_entities e ON e.id = le.entity_id "
                                              "WHERE le.lead_id = ? AND e.merged_into IS NULL ORDER BY e.id"),
                               {id});
        while (q.next())
            out << LeadEntity{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
        return out;
    });
}

QFuture<QList<Lead>> LeadService::waiting(int limit) const
{
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see leads")))
        return service::failWith<QList<Lead>>(refused);
    return m_store.read([limit](Sql& sql) {
        QList<Lead> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM ci_leads WHERE status = 'new' ORDER BY received_at, id LIMIT ?").arg(kLeadColumns), {limit});
        while (q.next())
            out << leadFrom(q);
        return out;
    });
}

QFuture<QStringList> LeadService::analysts() const
{
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kTriagePermission), Tr::tr("assign leads")))
        return service::failWith<QStringList>(refused);
    return m_store.read([](Sql& sql) { return detail::analystsIn(sql); });
}

QFuture<QList<Lead>> LeadService::likelyDuplicates(qint64 id) const
{
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see leads")))
        return service::failWith<QList<Lead>>(refused);
    return m_store.read([id](Sql& sql) {
        const Lead self = loadLead(sql, id);
        const QSet<QString> words = summaryWords(self.summary);
        const QString record = self.evidence.value(QStringLiteral("record")).toString();
        QList<Lead> out;
        // The open leads of the last 90 days before and after it: a repeat comes in close to the first.
        QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM ci_leads WHERE id <> ? AND status <> 'closed' AND received_at BETWEEN ? AND ? "
                                              "ORDER BY received_at DESC, id DESC LIMIT 2000")
                                   .arg(kLeadColumns),
                               {id, self.receivedAt - 90 * kDayMs, self.receivedAt + 90 * kDayMs});
        while (q.next() && out.size() < 20) {
            const Lead other = leadFrom(q);
            const bool sameRecord = !self.sourceRecord.isEmpty() && (other.sourceRecord == self.sourceRecord
                                                                     || (!record.isEmpty() && other.evidence.value(QStringLiteral("record")).toString() == record));
            const QSet<QString> theirs = summaryWords(other.summary);
            const qsizetype common = QSet<QString>(words).intersect(theirs).size();
            const qsizetype longer = std::max(words.size(), theirs.size());
            if (sameRecord || (longer > 0 && common * 2 >= longer && common >= 2))
                out << other;
        }
        return out;
    });
}

QFuture<std::pair<GradingScheme, int>> LeadService::scheme() const
{
    return m_store.read([](Sql& sql) {
        QSqlQuery q = sql.exec(QStringLiteral("SELECT value, version FROM ci_settings WHERE key = 'grading_scheme'"));
        if (!q.next())
            return std::pair{GradingScheme::Admiralty, 0};
        return std::pair{gradingSchemeFromKey(q.value(0).toString()).value_or(GradingScheme::Admiralty), q.value(1).toInt()};
    });
}

QFuture<GradingScheme> LeadService::setScheme(GradingScheme scheme, const QString& reason, int version, const CommandId& command)
{
    const Principal actor = m_session.principal();
    if (auto refused = check<GradingScheme>(m_audit, actor, QString::fromLatin1(kSettingsPermission), Tr::tr("choose the grading scheme"),
                                            QStringLiteral("intel_settings.changed"), QStringLiteral("ci_settings:grading_scheme")))
        return *refused;
    if (auto bad = intelkeep::missingReason<GradingScheme>(reason, Tr::tr("Say why the scheme changes; it goes on record.")))
        return *bad;
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(
            QStringLiteral("criminal_intel.settings.scheme"), command,
            {{QStringLiteral("scheme"), gradingSchemeKey(scheme)}, {QStringLiteral("reason"), reason}, {QStringLiteral("version"), version}},
            {intelkeep::settingsRecord()}, Tr::tr("Grade leads in the %1").arg(gradingSchemeName(scheme)), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, scheme, reason, version, command, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.settings.scheme");
                if (service::appliedBefore(txn, command, op))
                    return schemeIn(txn);
                const QString why = requireReason(reason, Tr::tr("Say why the scheme changes; it goes on record."));
                const GradingScheme before = schemeIn(txn);
                service::requireUpdated(txn.exec(QStringLiteral("UPDATE ci_settings SET value = ?, changed_by = ?, changed_at = ?, reason = ?, "
                                                                "version = version + 1 WHERE key = 'grading_scheme' AND version = ?"),
                                                 {gradingSchemeKey(scheme), name, txn.clock().nowMs(), why, version}),
                                        Tr::tr("Someone changed the grading scheme meanwhile; look at it again."));
                txn.publish(IntelSettingChanged{QStringLiteral("grading_scheme"), gradingSchemeKey(before), gradingSchemeKey(scheme), why});
                m_audit.append(txn, {name, QStringLiteral("intel_settings.changed"), QStringLiteral("ci_settings:grading_scheme"),
                                     QStringLiteral("%1 -> %2: %3").arg(gradingSchemeKey(before), gradingSchemeKey(scheme), why),
                                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QStringLiteral("grading_scheme"));
                return scheme;
            });
        });
}

QFuture<Lead> LeadService::recordTip(const NewTip& tip, const CommandId& command)
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Lead>(m_audit, actor, QString::fromLatin1(kTriagePermission), Tr::tr("record a tip"),
                                   QStringLiteral("lead.received"), QStringLiteral("ci_leads")))
        return *refused;
    const QString summary = tip.summary.simplified();
    if (summary.size() < 5)
        return failNow<Lead>(Tr::tr("Say in a line what the tip is about."));
    if (summary.size() > 300)
        return failNow<Lead>(Tr::tr("Keep the summary to a line (under 300 characters); put the rest in the details."));
    if (tip.details.size() > 20000)
        return failNow<Lead>(Tr::tr("Keep the details under 20,000 characters."));
    if (tip.source.trimmed().isEmpty())
        return failNow<Lead>(Tr::tr("Record who or what gave the tip; it is protected and shown to nobody without a reason."));
    if (tip.legalBasis.trimmed().size() < 5)
        return failNow<Lead>(Tr::tr("Give the legal basis for keeping this tip."));
    if (tip.retentionDays < 1 || tip.retentionDays > 10 * 366)
        return failNow<Lead>(Tr::tr("Keep a tip between a day and ten years."));
    return intelkeep::kept(m_outbox,
                           intelkeep::offline(QStringLiteral("criminal_intel.lead.tip"), command, {{QStringLiteral("tip"), intelkeep::toJson(tip)}},
                                              {}, Tr::tr("Record a tip: %1").arg(summary), actor),
                           [&] {
                               return m_store.write(intelWrite(actor), [this, tip, summary, command, name = actor.name](WriteTransaction& txn) {
                                   const QString op = QStringLiteral("criminal_intel.lead.tip");
                                   if (auto done = service::appliedBefore(txn, command, op))
                                       return loadLead(txn, done->toLongLong());
                                   const qint64 id =
                                       detail::insertLead(txn, {LeadSource::Tip, QString(), QString(), tip.source.trimmed(), summary,
                                                                tip.details.trimmed(), QJsonObject(), tip.legalBasis.trimmed(), tip.retentionDays});
                                   m_audit.append(txn, {name, QStringLiteral("lead.received"), QStringLiteral("lead:%1").arg(id),
                                                        QStringLiteral("tip"), QStringLiteral("success")});
                                   service::recordApplied(txn, command, op, QString::number(id));
                                   return loadLead(txn, id);
                               });
                           });
}

QFuture<Lead> LeadService::grade(qint64 id, int version, const LeadGrade& given, const QString& reason, const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("lead:%1").arg(id);
    if (auto refused = check<Lead>(m_audit, actor, QString::fromLatin1(kTriagePermission), Tr::tr("grade a lead"), QStringLiteral("lead.updated"), object))
        return *refused;
    LeadGrade g = given;
    g.conditions = g.conditions.simplified();
    if (const QString problem = g.problem(); !problem.isEmpty())
        return failNow<Lead>(problem);
    if (auto bad = intelkeep::missingReason<Lead>(reason, Tr::tr("Say why you grade the lead so; it goes on record with the grade.")))
        return *bad;
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.lead.grade"), command,
                           {{QStringLiteral("id"), id},
                            {QStringLiteral("version"), version},
                            {QStringLiteral("grade"), intelkeep::toJson(g)},
                            {QStringLiteral("reason"), reason}},
                           {intelkeep::leadRecord(id)}, Tr::tr("Grade lead %1 %2").arg(id).arg(g.code()), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, id, version, g, reason, command, object, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.lead.grade");
                if (service::appliedBefore(txn, command, op))
                    return loadLead(txn, id);
                const QString why = requireReason(reason, Tr::tr("Say why you grade the lead so; it goes on record with the grade."));
                if (g.scheme != schemeIn(txn))
                    throw ValidationError(Tr::tr("This deployment grades in the %1; grade the lead in it.").arg(gradingSchemeName(schemeIn(txn))));
                const Lead before = loadLead(txn, id);
                if (before.status == LeadStatus::Closed)
                    throw ValidationError(Tr::tr("%1 is closed; open it again before grading it.").arg(before.reference));
                const qint64 now = txn.clock().nowMs();
                const LeadStatus status = before.status == LeadStatus::New ? LeadStatus::Assessing : before.status;
                service::requireUpdated(
                    txn.exec(QStringLiteral(
                                 "UPDATE ci_leads SET scheme = ?, source_grade = ?, info_grade = ?, handling = ?, conditions = ?, grade_reason = ?, "
                                 "graded_by = ?, graded_at = ?, status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"),
                             {gradingSchemeKey(g.scheme), g.source, g.information, g.handling, g.conditions, why, name, now, leadStatusKey(status),
                              now, id, version}),
                    Tr::tr("Another analyst changed this lead meanwhile; look at it again."));
                if (before.status == LeadStatus::New)
                    detail::meetAssess(txn, id);
                if (status == LeadStatus::Assessing)
                    detail::startAct(txn, id, before.reference, g.band(), now);
                txn.publish(
                    LeadUpdated{id, before.reference, QStringLiteral("graded"), before.grade ? before.grade->code() : QString(), g.code(), why});
                m_audit.append(txn, {name, QStringLiteral("lead.updated"), object, QStringLiteral("graded %1: %2").arg(g.code(), why),
                                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(id));
                return loadLead(txn, id);
            });
        });
}

QFuture<Lead> LeadService::assign(qint64 id, int version, const QString& analyst, const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("lead:%1").arg(id);
    if (auto refused = check<Lead>(m_audit, actor, QString::fromLatin1(kTriagePermission), Tr::tr("assign a lead"), QStringLiteral("lead.updated"), object))
        return *refused;
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.lead.assign"), command,
                           {{QStringLiteral("id"), id}, {QStringLiteral("version"), version}, {QStringLiteral("analyst"), analyst.trimmed()}},
                           {intelkeep::leadRecord(id)},
                           analyst.trimmed().isEmpty() ? Tr::tr("Assign lead %1 to nobody").arg(id)
                                                       : Tr::tr("Assign lead %1 to %2").arg(id).arg(analyst.trimmed()),
                           actor),
        [&] {
            return m_store.write(
                intelWrite(actor), [this, id, version, who = analyst.trimmed(), command, object, name = actor.name](WriteTransaction& txn) {
                    const QString op = QStringLiteral("criminal_intel.lead.assign");
                    if (service::appliedBefore(txn, command, op))
                        return loadLead(txn, id);
                    if (!who.isEmpty() && !detail::analystsIn(txn).contains(who))
                        throw ValidationError(Tr::tr("%1 may not triage leads; assign it to an analyst who may.").arg(who));
                    const Lead before = loadLead(txn, id);
                    if (before.status == LeadStatus::Closed)
                        throw ValidationError(Tr::tr("%1 is closed; open it again before assigning it.").arg(before.reference));
                    service::requireUpdated(
                        txn.exec(
                            QStringLiteral("UPDATE ci_leads SET assigned_to = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"),
                            {who.isEmpty() ? QVariant() : QVariant(who), txn.clock().nowMs(), id, version}),
                        Tr::tr("Another analyst changed this lead meanwhile; look at it again."));
                    txn.publish(LeadUpdated{id, before.reference, QStringLiteral("assigned"), before.assignedTo, who, QString()});
                    m_audit.append(txn,
                                   {name, QStringLiteral("lead.updated"), object,
                                    QStringLiteral("assigned to %1").arg(who.isEmpty() ? QStringLiteral("nobody") : who), QStringLiteral("success")});
                    service::recordApplied(txn, command, op, QString::number(id));
                    return loadLead(txn, id);
                });
        });
}

QFuture<Lead> LeadService::move(qint64 id, int version, LeadStatus to, const QString& reason, const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("lead:%1").arg(id);
    if (auto refused = check<Lead>(m_audit, actor, QString::fromLatin1(kTriagePermission), Tr::tr("move a lead"), QStringLiteral("lead.updated"), object))
        return *refused;
    if (to == LeadStatus::Closed) {
        if (auto bad = intelkeep::missingReason<Lead>(reason, Tr::tr("Say why the lead is closed; it goes on record.")))
            return *bad;
    }
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.lead.move"), command,
                           {{QStringLiteral("id"), id},
                            {QStringLiteral("version"), version},
                            {QStringLiteral("to"), leadStatusKey(to)},
                            {QStringLiteral("reason"), reason}},
                           {intelkeep::leadRecord(id)}, Tr::tr("Move lead %1 to %2").arg(id).arg(leadStatusName(to)), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, id, version, to, reason, command, object, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.lead.move");
                if (service::appliedBefore(txn, command, op))
                    return loadLead(txn, id);
                const Lead before = loadLead(txn, id);
                if (!canMoveLead(before.status, to, before.grade.has_value())) {
                    if ((to == LeadStatus::Developing || to == LeadStatus::Actioned) && !before.grade)
                        throw ValidationError(Tr::tr("Grade %1 before you develop or action it.").arg(before.reference));
                    throw ValidationError(
                        Tr::tr("%1 cannot go from %2 to %3.").arg(before.reference, leadStatusName(before.status), leadStatusName(to)));
                }
                QString why = reason.trimmed();
                if (to == LeadStatus::Closed || before.status == LeadStatus::Closed)
                    why = requireReason(reason, to == LeadStatus::Closed ? Tr::tr("Say why the lead is closed; it goes on record.")
                                                                         : Tr::tr("Say why the lead is opened again; it goes on record."));
                const qint64 now = txn.clock().nowMs();
                service::requireUpdated(
                    txn.exec(QStringLiteral("UPDATE ci_leads SET status = ?, status_reason = ?, updated_at = ?, version = version + 1 "
                                            "WHERE id = ? AND version = ?"),
                             {leadStatusKey(to), why, now, id, version}),
                    Tr::tr("Another analyst changed this lead meanwhile; look at it again."));
                if (to == LeadStatus::Developing || to == LeadStatus::Actioned || to == LeadStatus::Closed) {
                    detail::meetAssess(txn, id);
                    detail::meetAct(txn, id);
                } else if (to == LeadStatus::Assessing) {
                    if (before.grade)
                        detail::startAct(txn, id, before.reference, before.grade->band(), now);
                    else
                        detail::startAssess(txn, id, before.reference, now);
                }
                txn.publish(LeadUpdated{id, before.reference, QStringLiteral("moved"), leadStatusKey(before.status), leadStatusKey(to), why});
                m_audit.append(txn,
                               {name, QStringLiteral("lead.updated"), object,
                                QStringLiteral("%1 -> %2%3")
                                    .arg(leadStatusKey(before.status), leadStatusKey(to), why.isEmpty() ? QString() : QStringLiteral(": ") + why),
                                QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(id));
                return loadLead(txn, id);
            });
        });
}

QFuture<Lead> LeadService::merge(qint64 duplicate, int version, qint64 into, const QString& reason, const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("lead:%1").arg(duplicate);
    if (auto refused = check<Lead>(m_audit, actor, QString::fromLatin1(kTriagePermission), Tr::tr("merge leads"), QStringLiteral("lead.updated"), object))
        return *refused;
    if (duplicate == into)
        return failNow<Lead>(Tr::tr("A lead is not merged into itself."));
    if (auto bad = intelkeep::missingReason<Lead>(reason, Tr::tr("Say why the leads are the same; it goes on record on both.")))
        return *bad;
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.lead.merge"), command,
                           {{QStringLiteral("id"), duplicate},
                            {QStringLiteral("version"), version},
                            {QStringLiteral("into"), into},
                            {QStringLiteral("reason"), reason}},
                           {intelkeep::leadRecord(duplicate), intelkeep::leadRecord(into)},
                           Tr::tr("Merge lead %1 into lead %2").arg(duplicate).arg(into), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, duplicate, version, into, reason, command, object,
                                                     name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.lead.merge");
                if (service::appliedBefore(txn, command, op))
                    return loadLead(txn, duplicate);
                const QString why = requireReason(reason, Tr::tr("Say why the leads are the same; it goes on record on both."));
                const Lead dup = loadLead(txn, duplicate);
                const Lead target = loadLead(txn, into);
                if (dup.status == LeadStatus::Closed || target.status == LeadStatus::Closed)
                    throw ValidationError(
                        Tr::tr("Only open leads are merged; %1 is closed.").arg(dup.status == LeadStatus::Closed ? dup.reference : target.reference));
                const qint64 now = txn.clock().nowMs();
                const QString closing = Tr::tr("Merged into %1: %2").arg(target.reference, why);
                service::requireUpdated(
                    txn.exec(QStringLiteral("UPDATE ci_leads SET status = 'closed', status_reason = ?, merged_into = ?, updated_at = ?, "
                                            "version = version + 1 WHERE id = ? AND version = ?"),
                             {closing, into, now, duplicate, version}),
                    Tr::tr("Another analyst changed this lead meanwhile; look at it again."));
                // What the duplicate knew passes to the lead it repeats.
                txn.exec(
                    QStringLiteral(
                        "INSERT INTO ci_lead_entities (lead_id, entity_id) SELECT ?, entity_id FROM ci_lead_entities d "
                        "WHERE d.lead_id = ? AND NOT EXISTS (SELECT 1 FROM ci_lead_entities x WHERE x.lead_id = ? AND x.entity_id = d.entity_id)"),
                    {into, duplicate, into});
                txn.exec(QStringLiteral("DELETE FROM ci_lead_entities WHERE lead_id = ?"), {duplicate});
                if (dup.investigationId && !target.investigationId)
                    txn.exec(QStringLiteral("UPDATE ci_leads SET investigation_id = ? WHERE id = ?"), {dup.investigationId, into});
                txn.exec(QStringLiteral("UPDATE ci_leads SET updated_at = ?, version = version + 1 WHERE id = ?"), {now, into});
                detail::meetAssess(txn, duplicate);
                detail::meetAct(txn, duplicate);
                txn.publish(LeadUpdated{duplicate, dup.reference, QStringLiteral("merged"), dup.reference, target.reference, why});
                txn.publish(LeadUpdated{into, target.reference, QStringLiteral("absorbed"), dup.reference, target.reference, why});
                m_audit.append(txn, {name, QStringLiteral("lead.updated"), object, QStringLiteral("merged into %1: %2").arg(target.reference, why),
                                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(duplicate));
                return loadLead(txn, duplicate);
            });
        });
}

QFuture<QString> LeadService::revealSource(qint64 id, const QString& reason) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("lead:%1:source_detail").arg(id);
    if (auto refused = check<QString>(m_audit, actor, QString::fromLatin1(kRevealPermission), Tr::tr("see a tip's protected source"),
                                      QStringLiteral("personal_data.revealed"), object))
        return *refused;
    const QString why = reason.trimmed();
    if (why.size() < 5)
        return failNow<QString>(Tr::tr("Give the reason you need the tip's source; it goes on record."));
    return m_store.write(intelWrite(actor), [this, id, why, object, name = actor.name](WriteTransaction& txn) {
        loadLead(txn, id);
        if (txn.dialect().name() == QLatin1String("postgresql")
            && txn.scalar(QStringLiteral("SELECT to_regprocedure('hexhub_reveal(text,text,bigint,text)') IS NOT NULL")).toBool())
            return txn.scalar(QStringLiteral("SELECT hexhub_reveal('ci_leads', 'source_detail', ?, ?)"), {id, why}).toString();
        const QString source = txn.scalar(QStringLiteral("SELECT source_detail FROM ci_leads WHERE id = ?"), {id}).toString();
        m_audit.append(txn, {name, QStringLiteral("personal_data.revealed"), object, why, QStringLiteral("success")});
        return source;
    });
}

void takeInHandedOnHit(WriteTransaction& txn, const Event& event)
{
    const QJsonObject p = event.payload;
    if (p.value(QStringLiteral("to")).toString() != kModule)
        return;
    const qint64 hit = qint64(p.value(QStringLiteral("hit")).toDouble());
    if (hit <= 0)
        throw ValidationError(Tr::tr("A hit handed on without its number cannot become a lead."));
    const QString record = QStringLiteral("hit %1").arg(hit);
    qint64 id = 0;
    if (txn.dialect().name() == QLatin1String("postgresql")
        && txn.scalar(QStringLiteral("SELECT to_regprocedure('ci_take_in_hit(bigint,bigint,bigint)') IS NOT NULL")).toBool()) {
        // On a prepared shared server the big-data desk's login may not write criminal intelligence's
        // rows: the server takes the hit in from its own row (handed on to this centre, by someone who
        // may review hits), so no desk can make up a lead in the hit's name.
        const qint64 now = txn.clock().nowMs();
        QSqlQuery q = txn.exec(QStringLiteral("SELECT lead_id, lead_reference, lead_summary, created FROM ci_take_in_hit(?, ?, ?)"),
                               {hit, now, detail::assessDue(txn, now)});
        if (!q.next())
            throw ValidationError(Tr::tr("The server did not take hit %1 in as a lead.").arg(hit));
        id = q.value(0).toLongLong();
        if (q.value(3).toBool()) {
            detail::startAssess(txn, id, q.value(1).toString(), now, false);
            txn.publish(LeadReceived{id, q.value(1).toString(), LeadSource::BigData, record, q.value(2).toString()});
        }
    } else {
        if (txn.scalar(QStringLiteral("SELECT 1 FROM ci_leads WHERE source_kind = 'big_data' AND source_record = ?"), {record}).isValid())
            return; // taken in before
        const QJsonObject evidence = p.value(QStringLiteral("evidence")).toObject();
        QString summary = evidence.value(QStringLiteral("summary")).toString().simplified().left(300);
        if (summary.isEmpty())
            summary = Tr::tr("Hit %1 handed on by big-data investigation").arg(hit);
        id = detail::insertLead(txn, {LeadSource::BigData, QStringLiteral("bigdata_investigation"), record, QString(), summary,
                                      p.value(QStringLiteral("reason")).toString(), evidence,
                                      QStringLiteral("Analysis of records under the big-data centre's dataset provenance"), 5 * 365});
    }
    Q_UNUSED(id);
}

void takeInReferredIncident(WriteTransaction& txn, const Event& event)
{
    const QJsonObject p = event.payload;
    if (p.value(QStringLiteral("to")).toString() != kModule)
        return;
    const qint64 incident = qint64(p.value(QStringLiteral("incident")).toDouble());
    if (incident <= 0)
        throw ValidationError(Tr::tr("An incident sent without its number cannot become a lead."));
    const QString note = p.value(QStringLiteral("note")).toString();
    const qint64 now = txn.clock().nowMs();
    qint64 id = 0;
    QString reference;
    if (txn.dialect().name() == QLatin1String("postgresql")
        && txn.scalar(QStringLiteral("SELECT to_regprocedure('ci_take_in_incident(bigint,text,bigint,bigint)') IS NOT NULL")).toBool()) {
        // On a prepared shared server the hub's login may not write this centre's rows: the server
        // takes the incident in from its own row, for a login that may manage incidents.
        QSqlQuery q = txn.exec(QStringLiteral("SELECT lead_id, lead_reference, lead_summary, lead_record, created FROM ci_take_in_incident(?, ?, ?, ?)"),
                               {incident, note, now, detail::assessDue(txn, now)});
        if (!q.next())
            throw ValidationError(Tr::tr("The server did not take incident %1 in as a lead.").arg(incident));
        id = q.value(0).toLongLong();
        reference = q.value(1).toString();
        if (q.value(4).toBool()) {
            detail::startAssess(txn, id, reference, now, false);
            txn.publish(LeadReceived{id, reference, LeadSource::Incident, q.value(3).toString(), q.value(2).toString()});
        }
    } else {
        QSqlQuery q = txn.exec(QStringLiteral("SELECT number, category, priority, summary, coalesce(address, '') FROM hub_incidents WHERE id = ?"),
                               {incident});
        if (!q.next())
            throw NotFoundError(Tr::tr("No incident %1 to take in.").arg(incident));
        const QString record = QStringLiteral("incident %1").arg(q.value(0).toString());
        QSqlQuery before = txn.exec(QStringLiteral("SELECT id, reference FROM ci_leads WHERE source_kind = 'incident' AND source_record = ?"), {record});
        if (before.next()) {
            id = before.value(0).toLongLong();
            reference = before.value(1).toString();
        } else {
            const QString address = q.value(4).toString();
            const QString summary = (address.isEmpty() ? q.value(3).toString() : QStringLiteral("%1 (%2)").arg(q.value(3).toString(), address)).left(300);
            const QJsonObject evidence{{QStringLiteral("incident"), double(incident)},
                                       {QStringLiteral("number"), q.value(0).toString()},
                                       {QStringLiteral("category"), q.value(1).toString()},
                                       {QStringLiteral("priority"), q.value(2).toInt()}};
            id = detail::insertLead(txn, {LeadSource::Incident, QStringLiteral("hub"), record, QString(), summary, note, evidence,
                                          QStringLiteral("Investigation of the reported incident"), 5 * 365});
            reference = detail::readLead(txn, id).reference;
        }
    }
    linkIncidentIn(txn, incident, QStringLiteral("lead"), reference, event.actor);
}

QJsonObject LeadReferred::toJson() const
{
    return {{QStringLiteral("to"), to},          {QStringLiteral("record"), record},   {QStringLiteral("summary"), summary},
            {QStringLiteral("details"), details}, {QStringLiteral("evidence"), evidence}, {QStringLiteral("legalBasis"), legalBasis}};
}

std::optional<LeadReferred> LeadReferred::fromJson(const QJsonObject& json)
{
    LeadReferred r;
    r.to = json.value(QStringLiteral("to")).toString();
    r.record = json.value(QStringLiteral("record")).toString();
    r.summary = json.value(QStringLiteral("summary")).toString();
    r.details = json.value(QStringLiteral("details")).toString();
    r.evidence = json.value(QStringLiteral("evidence")).toObject();
    r.legalBasis = json.value(QStringLiteral("legalBasis")).toString();
    if (r.to.isEmpty() || r.record.isEmpty())
        return std::nullopt;
    return r;
}

void takeInReferral(WriteTransaction& txn, const Event& event)
{
    if (event.payload.value(QStringLiteral("to")).toString() != kModule)
        return;
    const auto referral = LeadReferred::fromJson(event.payload);
    const QString centre = event.source;
    static const QStringList centres{QStringLiteral("political_security"), QStringLiteral("basic_control"),
                                     QStringLiteral("bigdata_investigation"), QStringLiteral("case_management"), QStringLiteral("supervision")};
    if (!centres.contains(centre))
        throw ValidationError(Tr::tr("A lead is referred by one of the other centres, in its own name (not by %1).").arg(centre));
    if (!referral)
        throw ValidationError(Tr::tr("A referred lead names the record it comes from."));
    const QString record = referral->record.simplified();
    const QString summary = referral->summary.simplified();
    const QString basis = referral->legalBasis.trimmed();
    if (record.size() > 120)
        throw ValidationError(Tr::tr("Keep the referred record's name under 120 characters."));
    if (summary.size() < 5 || summary.size() > 300)
        throw ValidationError(Tr::tr("A referred lead says what it is about in 5 to 300 characters."));
    if (basis.size() < 5)
        throw ValidationError(Tr::tr("A referred lead gives the legal basis for passing it on."));
    if (referral->details.size() > 4000)
        throw ValidationError(Tr::tr("Keep a referred lead's details under 4,000 characters."));
    const qint64 now = txn.clock().nowMs();
    const QString evidence = detail::compact(referral->evidence);
    if (detail::onPreparedServer(txn, "ci_take_in_referral(text,text,text,text,text,text,bigint,bigint)")) {
        // On a prepared shared server the giving desk's login may not write this centre's rows: the
        // server takes it in, in the name of the login's own centre only.
        QSqlQuery q = txn.exec(QStringLiteral("SELECT lead_id, lead_reference, lead_summary, created FROM ci_take_in_referral(?, ?, ?, ?, ?, ?, ?, ?)"),
                               {centre, record, summary, referral->details.trimmed(), evidence, basis, now, detail::assessDue(txn, now)});
        if (!q.next())
            throw ValidationError(Tr::tr("The server did not take %1's referral in as a lead.").arg(centre));
        if (q.value(3).toBool()) {
            const qint64 id = q.value(0).toLongLong();
            const QString reference = q.value(1).toString();
            detail::startAssess(txn, id, reference, now, false);
            txn.publish(LeadReceived{id, reference, LeadSource::Centre, QStringLiteral("%1 %2").arg(centre, record), q.value(2).toString()});
        }
        return;
    }
    // The record as the lead names it: the centre and its record ("case_management case 2026-0042").
    const QString sourceRecord = QStringLiteral("%1 %2").arg(centre, record);
    if (txn.scalar(QStringLiteral("SELECT id FROM ci_leads WHERE source_kind = 'centre' AND source_record = ?"), {sourceRecord}).isValid())
        return; // taken in before: the same lead
    detail::insertLead(txn, {LeadSource::Centre, centre, sourceRecord, QString(), summary, referral->details.trimmed(), referral->evidence, basis,
                             5 * 365});
}

} // namespace hexhub::criminalintel
