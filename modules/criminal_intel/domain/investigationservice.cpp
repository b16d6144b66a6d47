// Joint investigations' one write path (ARCHITECTURE.md 3a): members, the task division issued as
// hub tasks in the investigation's own transaction (hub's issueTaskIn()), targets, daily reports, the
// proposal of a cluster operation (hub's proposeOperationIn()), and the timeline, which the hub's
// reports on those tasks and that operation reach through a reaction in the hub's transaction
// (followHubProgress(); on a prepared shared server the server writes it, ci_follow_hub()).
#include "base/clock.h"
#include "base/error.h"
#include "bus/event.h"
#include "hexhub/criminal_intel/entities.h"
#include "hexhub/criminal_intel/investigations.h"
#include "hexhub/criminal_intel/leads.h"
#include "hexhub/hub/events.h"
#include "hexhub/hub/taskservice.h"
#include "intelkeep_p.h"
#include "leadrules_p.h"
#include "module/servicesupport.h"
#include "security/audit.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlQuery>
#include <algorithm>
#include <array>

namespace hexhub::criminalintel {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::criminalintel::InvestigationService)
};

using service::check;
using service::failNow;
using detail::compact;
using service::requireReason;

const QString kModule = QStringLiteral("criminal_intel");

WriteContext intelWrite(const Principal& actor)
{
    return service::writeAs(kModule, actor);
}

QString assigneeKindKey(AssigneeKind kind)
{
    return kind == AssigneeKind::Unit ? QStringLiteral("unit") : QStringLiteral("centre");
}

AssigneeKind assigneeKindFrom(const QString& key)
{
    return key == QLatin1String("centre") ? AssigneeKind::Centre : AssigneeKind::Unit;
}

QVariant nullable(qint64 v)
{
    return v > 0 ? QVariant(v) : QVariant();
}

// The centres a task or a member may be: the seven modules, with their names.
constexpr std::array<std::pair<const char*, const char*>, 7> kCentres{{
    {"hub", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "the hub")},
    {"political_security", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "Political security joint control")},
    {"basic_control", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "Basic control")},
    {"criminal_intel", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "Criminal intelligence")},
    {"bigdata_investigation", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "Big-data investigation")},
    {"case_management", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "Case management")},
    {"supervision", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "Supervision")},
}};

bool isCentre(const QString& id)
{
    return std::any_of(kCentres.cbegin(), kCentres.cend(), [&id](const auto& c) { return id == QLatin1String(c.first); });
}

// Appends to the investigation's timeline and tells the desks.
void journal(WriteTransaction& txn, qint64 investigation, const QString& kind, const QJsonObject& data, const QString& actor)
{
    txn.exec(QStringLiteral("INSERT INTO ci_investigation_journal (investigation_id, at, actor, kind, data) VALUES (?, ?, ?, ?, ?)"),
             {investigation, txn.clock().nowMs(), actor, kind, compact(data)});
    txn.publish(InvestigationChanged{investigation, kind});
}

const QString kInvestigationColumns = QStringLiteral(
    "i.id, i.title, i.summary, i.lead_id, i.status, i.status_reason, i.opened_by, i.opened_at, i.updated_at, i.proposal_id, "
    "i.operation_id, i.version, "
    "(SELECT COUNT(*) FROM ci_leads l WHERE l.investigation_id = i.id), "
    "(SELECT COUNT(*) FROM ci_investigation_members m WHERE m.investigation_id = i.id), "
    "(SELECT COUNT(*) FROM ci_task_division t WHERE t.investigation_id = i.id), "
    "(SELECT COUNT(*) FROM ci_task_division t WHERE t.investigation_id = i.id AND t.status = 'open' "
    "   AND t.task_status NOT IN ('done', 'declined', 'cancelled')), "
    "(SELECT COUNT(*) FROM ci_investigation_targets g WHERE g.investigation_id = i.id), "
    "(SELECT COUNT(*) FROM ci_charts c WHERE c.investigation_id = i.id), "
    "(SELECT MAX(r.day) FROM ci_investigation_reports r WHERE r.investigation_id = i.id), "
    "(SELECT MAX(c.id) FROM ci_charts c WHERE c.investigation_id = i.id)");

Investigation investigationFrom(const QSqlQuery& q)
{
    Investigation i;
    i.id = q.value(0).toLongLong();
    i.title = q.value(1).toString();
    i.summary = q.value(2).toString();
    i.leadId = q.value(3).toLongLong();
    i.status = investigationStatusFromKey(q.value(4).toString()).value_or(InvestigationStatus::Open);
    i.statusReason = q.value(5).toString();
    i.openedBy = q.value(6).toString();
    i.openedAt = q.value(7).toLongLong();
    i.updatedAt = q.value(8).toLongLong();
    i.proposalId = q.value(9).toLongLong();
    i.operationId = q.value(10).toLongLong();
    i.version = q.value(11).toInt();
    i.leads = q.value(12).toInt();
    i.members = q.value(13).toInt();
    i.lines = q.value(14).toInt();
    i.openLines = q.value(15).toInt();
    i.targets = q.value(16).toInt();
    i.charts = q.value(17).toInt();
    i.lastReportDay = q.value(18).toString();
    i.latestChart = q.value(19).toLongLong();
    return i;
}

Investigation loadInvestigation(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kInvestigationColumns + QStringLiteral(" FROM ci_investigations i WHERE i.id = ?"), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No investigation %1.").arg(id));
    return investigationFrom(q);
}

// An investigation that takes changes: open (a suspended or closed one is reopened first).
Investigation requireOpen(Sql& sql, qint64 id)
{
    Investigation i = loadInvestigation(sql, id);
    if (i.status != InvestigationStatus::Open)
        throw ValidationError(Tr::tr("Investigation %1 is %2; reopen it first.").arg(i.title, investigationStatusName(i.status)));
    return i;
}

void touch(WriteTransaction& txn, qint64 id)
{
    txn.exec(QStringLiteral("UPDATE ci_investigations SET updated_at = ? WHERE id = ?"), {txn.clock().nowMs(), id});
}

const QString kLineColumns = QStringLiteral(
    "id, assignee_kind, unit, assignment, place, starts_at, due_at, task_id, task_status, progress, progress_note, status, created_by, created_at");

DivisionLine lineFrom(const QSqlQuery& q)
{
    DivisionLine l;
    l.id = q.value(0).toLongLong();
    l.assigneeKind = assigneeKindFrom(q.value(1).toString());
    l.assignee = q.value(2).toString();
    l.assignment = q.value(3).toString();
    l.place = q.value(4).toString();
    l.startsAt = q.value(5).toLongLong();
    l.dueAt = q.value(6).toLongLong();
    l.taskId = q.value(7).toLongLong();
    l.taskStatus = q.value(8).toString();
    l.progress = q.value(9).toInt();
    l.progressNote = q.value(10).toString();
    l.done = q.value(11).toString() == QLatin1String("done") || l.taskStatus == QLatin1String("done");
    l.createdBy = q.value(12).toString();
    l.createdAt = q.value(13).toLongLong();
    return l;
}

const QString kTargetColumns = QStringLiteral(
    "g.id, g.entity_id, e.kind, e.label_masked, g.assignee_kind, g.assignee, g.action, g.place, g.latitude, g.longitude, "
    "g.after_go_min, g.note, g.version");

InvestigationTarget targetFrom(const QSqlQuery& q)
{
    InvestigationTarget t;
    t.id = q.value(0).toLongLong();
    t.entityId = q.value(1).toLongLong();
    t.entityKind = q.value(2).toString();
    t.entityLabel = q.value(3).toString();
    t.assigneeKind = assigneeKindFrom(q.value(4).toString());
    t.assignee = q.value(5).toString();
    t.action = q.value(6).toString();
    t.place = q.value(7).toString();
    if (!q.value(8).isNull() && !q.value(9).isNull())
        t.point = GeoPoint{q.value(8).toDouble(), q.value(9).toDouble()};
    t.afterGoMinutes = q.value(10).toInt();
    t.note = q.value(11).toString();
    t.version = q.value(12).toInt();
    return t;
}

QList<InvestigationTarget> loadTargets(Sql& sql, qint64 id)
{
    QList<InvestigationTarget> out;
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kTargetColumns
                               + QStringLiteral(" FROM ci_investigation_targets g JOIN ci_entities e ON e.id = g.entity_id "
                                                "WHERE g.investigation_id = ? ORDER BY g.after_go_min, g.id"),
                           {id});
    while (q.next())
        out << targetFrom(q);
    return out;
}

// Adds a member unless it is one already; true when added.
bool addMemberIn(WriteTransaction& txn, qint64 id, MemberKind kind, const QString& member, const QString& role, const QString& by)
{
    if (txn.scalar(QStringLiteral("SELECT 1 FROM ci_investigation_members WHERE investigation_id = ? AND kind = ? AND member = ?"),
                   {id, memberKindKey(kind), member}).isValid())
        return false;
    txn.exec(QStringLiteral("INSERT INTO ci_investigation_members (investigation_id, kind, member, role, added_by, added_at) "
                            "VALUES (?, ?, ?, ?, ?, ?)"),
             {id, memberKindKey(kind), member, role.trimmed(), by, txn.clock().nowMs()});
    journal(txn, id, QStringLiteral("member_added"),
            {{QStringLiteral("kind"), memberKindKey(kind)}, {QStringLiteral("member"), member}, {QStringLiteral("role"), role.trimmed()}}, by);
    return true;
}

void validateMember(Sql& sql, MemberKind kind, const QString& member)
{
    if (member.isEmpty() || member.size() > 64)
        throw ValidationError(Tr::tr("Say who the member is: a centre, a unit's call sign or an analyst's user name."));
    if (kind == MemberKind::Centre && !isCentre(member))
        throw ValidationError(Tr::tr("%1 is not one of Hexhub's centres.").arg(member));
    if (kind == MemberKind::Unit)
        loadUnitIn(sql, member); // NotFoundError names it
}

QString dayOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date().toString(Qt::ISODate);
}

QString investigationRef(qint64 id)
{
    return QStringLiteral("investigation:%1").arg(id);
}

qint64 investigationOfRef(const QString& ref)
{
    return ref.startsWith(QLatin1String("investigation:")) ? ref.mid(14).toLongLong() : 0;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Keys and names

namespace {
template <typename E>
struct KeyRow
{
    E value;
    const char* key;
    const char* name;
};
constexpr std::array<KeyRow<InvestigationStatus>, 3> kStatuses{{
    {InvestigationStatus::Open, "open", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "open")},
    {InvestigationStatus::Suspended, "suspended", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "suspended")},
    {InvestigationStatus::Closed, "closed", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "closed")},
}};
constexpr std::array<KeyRow<MemberKind>, 3> kMemberKinds{{
    {MemberKind::Centre, "centre", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "centre")},
    {MemberKind::Unit, "unit", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "unit")},
    {MemberKind::Analyst, "analyst", QT_TRANSLATE_NOOP("hexhub::criminalintel::InvestigationService", "analyst")},
}};
template <typename E, std::size_t N>
const KeyRow<E>& rowOf(const std::array<KeyRow<E>, N>& rows, E value)
{
    for (const auto& row : rows)
        if (row.value == value)
            return row;
    return rows.front();
}
template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<KeyRow<E>, N>& rows, const QString& key)
{
    for (const auto& row : rows)
        if (key == QLatin1String(row.key))
            return row.value;
    return std::nullopt;
}
} // namespace

QString investigationStatusKey(InvestigationStatus status) { return QString::fromLatin1(rowOf(kStatuses, status).key); }
std::optional<InvestigationStatus> investigationStatusFromKey(const QString& key) { return valueOf(kStatuses, key); }
QString investigationStatusName(InvestigationStatus status) { return Tr::tr(rowOf(kStatuses, status).name); }
QString memberKindKey(MemberKind kind) { return QString::fromLatin1(rowOf(kMemberKinds, kind).key); }
std::optional<MemberKind> memberKindFromKey(const QString& key) { return valueOf(kMemberKinds, key); }
QString memberKindName(MemberKind kind) { return Tr::tr(rowOf(kMemberKinds, kind).name); }

QJsonObject InvestigationChanged::toJson() const
{
    return {{QStringLiteral("investigation"), investigation}, {QStringLiteral("change"), change}};
}

std::optional<InvestigationChanged> InvestigationChanged::fromJson(const QJsonObject& json)
{
    const qint64 id = json.value(QStringLiteral("investigation")).toInteger();
    if (id <= 0)
        return std::nullopt;
    return InvestigationChanged{id, json.value(QStringLiteral("change")).toString()};
}

QString centreName(const QString& id)
{
    for (const auto& [key, name] : kCentres)
        if (id == QLatin1String(key))
            return Tr::tr(name);
    return id;
}

QString TimelineEntry::text() const
{
    auto s = [this](const char* key) { return data.value(QLatin1String(key)).toString(); };
    auto n = [this](const char* key) { return data.value(QLatin1String(key)).toInteger(); };
    // A member's entry names a member, a task's or a target's an assignee; a centre by its name.
    const bool unit = s("kind") == QLatin1String("unit") || s("assigneeKind") == QLatin1String("unit");
    const bool centre = s("kind") == QLatin1String("centre") || s("assigneeKind") == QLatin1String("centre");
    const QString id = s("member") + s("assignee");
    const QString who = unit ? Tr::tr("unit %1").arg(id) : centre ? centreName(id) : id;
    if (kind == QLatin1String("opened"))
        return Tr::tr("Opened: %1").arg(s("title"));
    if (kind == QLatin1String("status"))
        return Tr::tr("Now %1: %2").arg(investigationStatusName(investigationStatusFromKey(s("status")).value_or(InvestigationStatus::Open)),
                                        s("reason"));
    if (kind == QLatin1String("lead_joined"))
        return Tr::tr("Lead %1 joined").arg(s("reference"));
    if (kind == QLatin1String("member_added"))
        return s("role").isEmpty() ? Tr::tr("%1 joined as a member").arg(who) : Tr::tr("%1 joined as a member (%2)").arg(who, s("role"));
    if (kind == QLatin1String("member_removed"))
        return Tr::tr("%1 left: %2").arg(who, s("reason"));
    if (kind == QLatin1String("line_issued"))
        return n("task") > 0 ? Tr::tr("Task %1 to %2: %3").arg(n("task")).arg(who, s("assignment"))
                             : Tr::tr("To %1: %2").arg(who, s("assignment"));
    if (kind == QLatin1String("task")) {
        const QString state = taskStatusName(taskStatusFromId(s("status")).value_or(TaskStatus::Issued));
        const QString note = s("note");
        QString text = n("operation") > 0 ? Tr::tr("Operation task %1 (%2, %3): %4").arg(n("task")).arg(who, s("title"), state)
                                          : Tr::tr("Task %1 (%2, %3): %4").arg(n("task")).arg(who, s("title"), state);
        if (s("status") == QLatin1String("in_progress"))
            text += QStringLiteral(" %1%").arg(n("progress"));
        if (!note.isEmpty())
            text += QStringLiteral(" · ") + note;
        return text;
    }
    if (kind == QLatin1String("target_set"))
        return Tr::tr("Target %1: %2 by %3").arg(s("label"), s("action"), who);
    if (kind == QLatin1String("targets_set"))
        return Tr::tr("%n target(s): %1 by %2", nullptr, int(n("count"))).arg(s("action"), s("assignee"));
    if (kind == QLatin1String("target_removed"))
        return Tr::tr("Target %1 taken off: %2").arg(s("label"), s("reason"));
    if (kind == QLatin1String("report"))
        return Tr::tr("Progress report for %1").arg(s("day"));
    if (kind == QLatin1String("proposed"))
        return Tr::tr("Cluster operation %1 proposed to the hub (%n target(s))", nullptr, int(n("lines"))).arg(s("name"));
    if (kind == QLatin1String("withdrawn"))
        return Tr::tr("Proposal withdrawn: %1").arg(s("reason"));
    if (kind == QLatin1String("reviewed")) {
        if (s("status") == QLatin1String("approved"))
            return s("note").isEmpty() ? Tr::tr("The hub approved the operation (operation %1)").arg(n("operation"))
                                       : Tr::tr("The hub approved the operation (operation %1): %2").arg(n("operation")).arg(s("note"));
        return Tr::tr("The hub rejected the operation: %1").arg(s("note"));
    }
    if (kind == QLatin1String("operation"))
        return Tr::tr("Operation %1 %2").arg(s("name"), operationStatusName(operationStatusFromId(s("status")).value_or(OperationStatus::Planned)));
    return kind;
}

// ---------------------------------------------------------------------------------------------
// The service

InvestigationService::InvestigationService(Store& store, Session& session, AuditLog& audit, Outbox* outbox)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
    , m_outbox(outbox)
{
}

#define HEXHUB_REQUIRE_VIEW(T)                                                                                                          \
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see investigations"))) \
    return service::failWith<T>(refused)

#define HEXHUB_REQUIRE_MANAGE(T, action, topic, object)                                                                                 \
    const Principal actor = m_session.principal();                                                                                       \
    if (auto refused = check<T>(m_audit, actor, QString::fromLatin1(kManagePermission), action, QStringLiteral(topic), object))          \
    return *refused

QFuture<QList<Investigation>> InvestigationService::investigations(const QString& status, int limit) const
{
    HEXHUB_REQUIRE_VIEW(QList<Investigation>);
    return m_store.read([status, limit](Sql& sql) {
        QList<Investigation> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kInvestigationColumns
                                   + QStringLiteral(" FROM ci_investigations i WHERE (? = '' OR i.status = ?) "
                                                    "ORDER BY CASE i.status WHEN 'closed' THEN 1 ELSE 0 END, i.opened_at DESC, i.id DESC LIMIT ?"),
                               {status, status, std::clamp(limit, 1, 2000)});
        while (q.next())
            out << investigationFrom(q);
        return out;
    });
}

QFuture<Investigation> InvestigationService::investigation(qint64 id) const
{
    HEXHUB_REQUIRE_VIEW(Investigation);
    return m_store.read([id](Sql& sql) { return loadInvestigation(sql, id); });
}

QFuture<Investigation> InvestigationService::open(const QString& title, const QString& summary, const QList<qint64>& leads,
                                                  const CommandId& command) const
{
    HEXHUB_REQUIRE_MANAGE(Investigation, Tr::tr("open investigations"), "investigation.opened", QStringLiteral("investigation:new"));
    const QString t = title.simplified();
    if (t.size() < 2 || t.size() > 200)
        return failNow<Investigation>(Tr::tr("Give the investigation a title of 2 to 200 characters."));
    if (summary.size() > 4000)
        return failNow<Investigation>(Tr::tr("Keep the summary under 4,000 characters."));
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.investigation.open"), command,
                           {{QStringLiteral("title"), t}, {QStringLiteral("summary"), summary}, {QStringLiteral("leads"), intelkeep::idsJson(leads)}},
                           intelkeep::leadRecords(leads), Tr::tr("Open investigation %1").arg(t), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, t, summary, leads, command, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.investigation.open");
                if (auto done = service::appliedBefore(txn, command, op))
                    return loadInvestigation(txn, done->toLongLong());
                for (qint64 lead : leads) {
                    const Lead l = detail::readLead(txn, lead);
                    if (l.investigationId > 0)
                        throw ValidationError(Tr::tr("Lead %1 is in another investigation already.").arg(l.reference));
                }
                const qint64 now = txn.clock().nowMs();
                const qint64 id = txn.insert(QStringLiteral("INSERT INTO ci_investigations (title, summary, lead_id, status, opened_by, opened_at, "
                                                            "updated_at) VALUES (?, ?, ?, 'open', ?, ?, ?)"),
                                             {t, summary.trimmed(), leads.isEmpty() ? QVariant() : QVariant(leads.first()), name, now, now});
                journal(txn, id, QStringLiteral("opened"), {{QStringLiteral("title"), t}}, name);
                for (qint64 lead : leads) {
                    const Lead l = detail::readLead(txn, lead);
                    txn.exec(QStringLiteral("UPDATE ci_leads SET investigation_id = ?, updated_at = ?, version = version + 1 WHERE id = ?"),
                             {id, now, lead});
                    journal(txn, id, QStringLiteral("lead_joined"), {{QStringLiteral("lead"), lead}, {QStringLiteral("reference"), l.reference}},
                            name);
                }
                addMemberIn(txn, id, MemberKind::Analyst, name, Tr::tr("lead analyst"), name);
                txn.publish(EventDraft{QStringLiteral("investigation.opened"),
                                       QJsonObject{{QStringLiteral("investigation"), id}, {QStringLiteral("title"), t}},
                                       1,
                                       {},
                                       {},
                                       {}});
                m_audit.append(txn, {name, QStringLiteral("investigation.opened"), investigationRef(id),
                                     QStringLiteral("%1 (%2 leads)").arg(t).arg(leads.size()), QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(id));
                return loadInvestigation(txn, id);
            });
        });
}

QFuture<Investigation> InvestigationService::setStatus(qint64 id, int version, InvestigationStatus status, const QString& reason,
                                                       const CommandId& command) const
{
    HEXHUB_REQUIRE_MANAGE(Investigation, Tr::tr("change investigations"), "investigation.changed", investigationRef(id));
    if (auto bad = intelkeep::missingReason<Investigation>(reason, Tr::tr("Say why; it goes on the investigation's timeline.")))
        return *bad;
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.investigation.status"), command,
                           {{QStringLiteral("id"), id},
                            {QStringLiteral("version"), version},
                            {QStringLiteral("status"), investigationStatusKey(status)},
                            {QStringLiteral("reason"), reason}},
                           {intelkeep::investigationRecord(id)}, Tr::tr("Investigation %1: %2").arg(id).arg(investigationStatusName(status)), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, id, version, status, reason, command, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.investigation.status");
                if (service::appliedBefore(txn, command, op))
                    return loadInvestigation(txn, id);
                const QString why = requireReason(reason, Tr::tr("Say why; it goes on the investigation's timeline."));
                const Investigation before = loadInvestigation(txn, id);
                if (before.status == status)
                    throw ValidationError(Tr::tr("Investigation %1 is %2 already.").arg(before.title, investigationStatusName(status)));
                if (status == InvestigationStatus::Closed && before.proposalId > 0 &&
                    loadProposalIn(txn, before.proposalId).status == ProposalStatus::Proposed)
                    throw ValidationError(Tr::tr("Its operation proposal awaits the hub's review; withdraw it before closing."));
                service::requireUpdated(txn.exec(QStringLiteral("UPDATE ci_investigations SET status = ?, status_reason = ?, updated_at = ?, "
                                                                "version = version + 1 WHERE id = ? AND version = ?"),
                                                 {investigationStatusKey(status), why, txn.clock().nowMs(), id, version}),
                                        Tr::tr("Investigation %1 was changed on another desk meanwhile; look at it again.").arg(before.title));
                journal(txn, id, QStringLiteral("status"),
                        {{QStringLiteral("status"), investigationStatusKey(status)}, {QStringLiteral("reason"), why}}, name);
                m_audit.append(txn, {name, QStringLiteral("investigation.changed"), investigationRef(id),
                                     QStringLiteral("%1: %2").arg(investigationStatusKey(status), why), QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(id));
                return loadInvestigation(txn, id);
            });
        });
}

QFuture<Investigation> InvestigationService::joinLead(qint64 id, qint64 lead, const CommandId& command) const
{
    HEXHUB_REQUIRE_MANAGE(Investigation, Tr::tr("change investigations"), "investigation.changed", investigationRef(id));
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.investigation.lead"), command, {{QStringLiteral("id"), id}, {QStringLiteral("lead"), lead}},
                           {intelkeep::investigationRecord(id), intelkeep::leadRecord(lead)},
                           Tr::tr("Lead %1 joins investigation %2").arg(lead).arg(id), actor),
        [&] {
            return m_store.write(intelWrite(actor), [id, lead, command, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.investigation.lead");
                if (service::appliedBefore(txn, command, op))
                    return loadInvestigation(txn, id);
                requireOpen(txn, id);
                const Lead l = detail::readLead(txn, lead);
                if (l.investigationId == id)
                    throw ValidationError(Tr::tr("Lead %1 is in this investigation already.").arg(l.reference));
                if (l.investigationId > 0)
                    throw ValidationError(Tr::tr("Lead %1 is in another investigation already.").arg(l.reference));
                txn.exec(QStringLiteral("UPDATE ci_leads SET investigation_id = ?, updated_at = ?, version = version + 1 WHERE id = ?"),
                         {id, txn.clock().nowMs(), lead});
                journal(txn, id, QStringLiteral("lead_joined"), {{QStringLiteral("lead"), lead}, {QStringLiteral("reference"), l.reference}}, name);
                touch(txn, id);
                service::recordApplied(txn, command, op, QString::number(id));
                return loadInvestigation(txn, id);
            });
        });
}

QFuture<QList<InvestigationMember>> InvestigationService::members(qint64 id) const
{
    HEXHUB_REQUIRE_VIEW(QList<InvestigationMember>);
    return m_store.read([id](Sql& sql) {
        QList<InvestigationMember> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT id, kind, member, role, added_by, added_at FROM ci_investigation_members "
                                              "WHERE investigation_id = ? ORDER BY CASE kind WHEN 'analyst' THEN 0 WHEN 'centre' THEN 1 ELSE 2 END, member"),
                               {id});
        while (q.next())
            out << InvestigationMember{q.value(0).toLongLong(), memberKindFromKey(q.value(1).toString()).value_or(MemberKind::Unit),
                                       q.value(2).toString(), q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong()};
        return out;
    });
}

QFuture<InvestigationMember> InvestigationService::addMember(qint64 id, MemberKind kind, const QString& member, const QString& role,
                                                             const CommandId& command) const
{
    HEXHUB_REQUIRE_MANAGE(InvestigationMember, Tr::tr("change investigations"), "investigation.changed", investigationRef(id));
    if (role.size() > 100)
        return failNow<InvestigationMember>(Tr::tr("Keep the member's role under 100 characters."));
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.investigation.member"), command,
                           {{QStringLiteral("id"), id},
                            {QStringLiteral("kind"), memberKindKey(kind)},
                            {QStringLiteral("member"), member.trimmed()},
                            {QStringLiteral("role"), role}},
                           {intelkeep::investigationRecord(id)}, Tr::tr("%1 joins investigation %2").arg(member.trimmed()).arg(id), actor),
        [&] {
            return m_store.write(intelWrite(actor), [id, kind, who = member.trimmed(), role, command, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.investigation.member");
                if (!service::appliedBefore(txn, command, op)) {
                    requireOpen(txn, id);
                    validateMember(txn, kind, who);
                    if (!addMemberIn(txn, id, kind, who, role, name))
                        throw ValidationError(Tr::tr("%1 is a member already.").arg(who));
                    touch(txn, id);
                    service::recordApplied(txn, command, op, who);
                }
                QSqlQuery q = txn.exec(QStringLiteral("SELECT id, kind, member, role, added_by, added_at FROM ci_investigation_members "
                                                      "WHERE investigation_id = ? AND kind = ? AND member = ?"),
                                       {id, memberKindKey(kind), who});
                if (!q.next())
                    throw NotFoundError(Tr::tr("%1 is no longer a member.").arg(who));
                return InvestigationMember{q.value(0).toLongLong(), kind, q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                                           q.value(5).toLongLong()};
            });
        });
}

QFuture<qint64> InvestigationService::removeMember(qint64 id, qint64 memberId, const QString& reason, const CommandId& command) const
{
    HEXHUB_REQUIRE_MANAGE(qint64, Tr::tr("change investigations"), "investigation.changed", investigationRef(id));
    if (auto bad = intelkeep::missingReason<qint64>(reason, Tr::tr("Say why the member leaves; it goes on the investigation's timeline.")))
        return *bad;
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.investigation.member.remove"), command,
                           {{QStringLiteral("id"), id}, {QStringLiteral("member"), memberId}, {QStringLiteral("reason"), reason}},
                           {intelkeep::investigationRecord(id)}, Tr::tr("A member leaves investigation %1").arg(id), actor),
        [&] {
            return m_store.write(intelWrite(actor), [id, memberId, reason, command, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.investigation.member.remove");
                if (service::appliedBefore(txn, command, op))
                    return memberId;
                const QString why = requireReason(reason, Tr::tr("Say why the member leaves; it goes on the investigation's timeline."));
                requireOpen(txn, id);
                QSqlQuery q = txn.exec(QStringLiteral("SELECT kind, member FROM ci_investigation_members WHERE id = ? AND investigation_id = ?"),
                                       {memberId, id});
                if (!q.next())
                    throw NotFoundError(Tr::tr("No such member of this investigation."));
                const QString kind = q.value(0).toString(), member = q.value(1).toString();
                txn.exec(QStringLiteral("DELETE FROM ci_investigation_members WHERE id = ?"), {memberId});
                journal(txn, id, QStringLiteral("member_removed"),
                        {{QStringLiteral("kind"), kind}, {QStringLiteral("member"), member}, {QStringLiteral("reason"), why}}, name);
                touch(txn, id);
                service::recordApplied(txn, command, op, QString::number(memberId));
                return memberId;
            });
        });
}

QFuture<QList<DivisionLine>> InvestigationService::division(qint64 id) const
{
    HEXHUB_REQUIRE_VIEW(QList<DivisionLine>);
    return m_store.read([id](Sql& sql) {
        QList<DivisionLine> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kLineColumns
                                   + QStringLiteral(" FROM ci_task_division WHERE investigation_id = ? ORDER BY due_at IS NULL, due_at, id"),
                               {id});
        while (q.next())
            out << lineFrom(q);
        return out;
    });
}

QFuture<DivisionLine> InvestigationService::divide(qint64 id, const NewDivisionLine& line, const CommandId& command) const
{
    HEXHUB_REQUIRE_MANAGE(DivisionLine, Tr::tr("divide an investigation's tasks"), "investigation.changed", investigationRef(id));
    if (!actor.can(QStringLiteral("hub.task.delegate")) && !actor.can(QStringLiteral("hub.task.assign")))
        return service::failWith<DivisionLine>(service::requireNow(actor, QStringLiteral("hub.task.delegate"), Tr::tr("hand out hub tasks")));
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.investigation.divide"), command,
                           {{QStringLiteral("id"), id}, {QStringLiteral("line"), intelkeep::toJson(line)}}, {intelkeep::investigationRecord(id)},
                           Tr::tr("Task for %1: %2").arg(line.assignee.trimmed(), line.assignment.trimmed()), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, id, line, command, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.investigation.divide");
                auto load = [&txn](qint64 lineId) {
                    QSqlQuery q =
                        txn.exec(QStringLiteral("SELECT ") + kLineColumns + QStringLiteral(" FROM ci_task_division WHERE id = ?"), {lineId});
                    if (!q.next())
                        throw NotFoundError(Tr::tr("No line %1 of the task division.").arg(lineId));
                    return lineFrom(q);
                };
                if (auto done = service::appliedBefore(txn, command, op))
                    return load(done->toLongLong());
                const Investigation inv = requireOpen(txn, id);
                const QString assignee = line.assignee.trimmed();
                if (line.assigneeKind == AssigneeKind::Centre && !isCentre(assignee))
                    throw ValidationError(Tr::tr("%1 is not one of Hexhub's centres.").arg(assignee));
                NewTask task;
                task.assigneeKind = line.assigneeKind;
                task.assignee = assignee;
                task.title = line.assignment.trimmed();
                task.detail = (line.detail.trimmed().isEmpty() ? QString() : line.detail.trimmed() + QStringLiteral("\n\n")) +
                              Tr::tr("Joint investigation: %1").arg(inv.title);
                task.priority = line.priority;
                task.place = line.place.trimmed();
                task.startsAt = line.startsAt;
                task.dueAt = line.dueAt;
                task.origin = kModule;
                const Task issued = issueTaskIn(txn, task, name);
                const qint64 lineId = txn.insert(
                    QStringLiteral(
                        "INSERT INTO ci_task_division (investigation_id, unit, assignment, due_at, status, assignee_kind, place, starts_at, "
                        "task_id, task_status, created_by, created_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)"),
                    {id, assignee, task.title, nullable(line.dueAt), assigneeKindKey(line.assigneeKind), task.place, nullable(line.startsAt),
                     issued.id, taskStatusId(issued.status), name, txn.clock().nowMs()});
                const MemberKind memberKind = line.assigneeKind == AssigneeKind::Unit ? MemberKind::Unit : MemberKind::Centre;
                addMemberIn(txn, id, memberKind, assignee, QString(), name);
                journal(txn, id, QStringLiteral("line_issued"),
                        {{QStringLiteral("line"), lineId},
                         {QStringLiteral("task"), issued.id},
                         {QStringLiteral("assigneeKind"), assigneeKindKey(line.assigneeKind)},
                         {QStringLiteral("assignee"), assignee},
                         {QStringLiteral("assignment"), task.title}},
                        name);
                touch(txn, id);
                m_audit.append(txn, {name, QStringLiteral("investigation.changed"), investigationRef(id),
                                     QStringLiteral("task %1 to %2: %3").arg(issued.id).arg(assignee, task.title), QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(lineId));
                return load(lineId);
            });
        });
}

QFuture<QList<InvestigationTarget>> InvestigationService::targets(qint64 id) const
{
    HEXHUB_REQUIRE_VIEW(QList<InvestigationTarget>);
    return m_store.read([id](Sql& sql) { return loadTargets(sql, id); });
}

QFuture<QList<Entity>> InvestigationService::candidates(qint64 id) const
{
    HEXHUB_REQUIRE_VIEW(QList<Entity>);
    return m_store.read([id](Sql& sql) {
        QList<Entity> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT DISTINCT e.id, e.kind, e.label_masked FROM ci_entities e "
                                              "JOIN ci_lead_entities le ON le.entity_id = e.id JOIN ci_leads l ON l.id = le.lead_id "
                                              "WHERE l.investigation_id = ? AND e.merged_into IS NULL ORDER BY e.id LIMIT 500"),
                               {id});
        while (q.next()) {
            Entity e;
            e.id = q.value(0).toLongLong();
            e.kind = entityKindFromKey(q.value(1).toString()).value_or(EntityKind::Document);
            e.labelMasked = q.value(2).toString();
            out << e;
        }
        return out;
    });
}

QFuture<InvestigationTarget> InvestigationService::setTarget(qint64 id, const InvestigationTarget& target, const CommandId& command) const
{
    HEXHUB_REQUIRE_MANAGE(InvestigationTarget, Tr::tr("change investigations"), "investigation.changed", investigationRef(id));
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.investigation.target"), command,
                           {{QStringLiteral("id"), id}, {QStringLiteral("target"), intelkeep::toJson(target)}}, {intelkeep::investigationRecord(id)},
                           Tr::tr("Target entity %1 in investigation %2").arg(target.entityId).arg(id), actor),
        [&] {
            return m_store.write(intelWrite(actor), [id, target, command, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.investigation.target");
                auto load = [&txn, id](qint64 entity) {
                    for (const InvestigationTarget& t : loadTargets(txn, id))
                        if (t.entityId == entity)
                            return t;
                    throw NotFoundError(Tr::tr("No such target."));
                };
                if (service::appliedBefore(txn, command, op))
                    return load(target.entityId);
                requireOpen(txn, id);
                const QString assignee = target.assignee.trimmed(), action = target.action.simplified();
                if (assignee.isEmpty())
                    throw ValidationError(Tr::tr("Say which unit or centre acts on the target."));
                if (target.assigneeKind == AssigneeKind::Unit)
                    loadUnitIn(txn, assignee);
                else if (!isCentre(assignee))
                    throw ValidationError(Tr::tr("%1 is not one of Hexhub's centres.").arg(assignee));
                if (action.size() < 2 || action.size() > 200)
                    throw ValidationError(Tr::tr("Say what the unit does (2 to 200 characters): search, arrest, seize, watch ..."));
                if (target.afterGoMinutes < 0 || target.afterGoMinutes > 7 * 24 * 60)
                    throw ValidationError(Tr::tr("A target's time after go is 0 minutes to 7 days."));
                if (target.point && !target.point->isValid())
                    throw ValidationError(Tr::tr("The target's position is not on the earth."));
                QSqlQuery e = txn.exec(QStringLiteral("SELECT kind, label_masked, merged_into FROM ci_entities WHERE id = ?"), {target.entityId});
                if (!e.next())
                    throw NotFoundError(Tr::tr("No entity %1.").arg(target.entityId));
                if (!e.value(2).isNull() && e.value(2).toLongLong() > 0)
                    throw ValidationError(
                        Tr::tr("Entity %1 was merged into %2; make that one the target.").arg(target.entityId).arg(e.value(2).toLongLong()));
                const QString label = e.value(1).toString();
                const QVariant lat = target.point ? QVariant(target.point->latitude) : QVariant();
                const QVariant lon = target.point ? QVariant(target.point->longitude) : QVariant();
                const QVariant existing =
                    txn.scalar(QStringLiteral("SELECT version FROM ci_investigation_targets WHERE investigation_id = ? AND entity_id = ?"),
                               {id, target.entityId});
                if (existing.isValid()) {
                    service::requireUpdated(
                        txn.exec(QStringLiteral(
                                     "UPDATE ci_investigation_targets SET assignee_kind = ?, assignee = ?, action = ?, place = ?, latitude = ?, "
                                     "longitude = ?, after_go_min = ?, note = ?, version = version + 1 "
                                     "WHERE investigation_id = ? AND entity_id = ? AND version = ?"),
                                 {assigneeKindKey(target.assigneeKind), assignee, action, target.place.trimmed(), lat, lon, target.afterGoMinutes,
                                  target.note.trimmed(), id, target.entityId, target.version}),
                        Tr::tr("The target was changed on another desk meanwhile; look at it again."));
                } else {
                    txn.exec(QStringLiteral(
                                 "INSERT INTO ci_investigation_targets (investigation_id, entity_id, assignee_kind, assignee, action, place, "
                                 "latitude, longitude, after_go_min, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                             {id, target.entityId, assigneeKindKey(target.assigneeKind), assignee, action, target.place.trimmed(), lat, lon,
                              target.afterGoMinutes, target.note.trimmed(), name, txn.clock().nowMs()});
                }
                journal(txn, id, QStringLiteral("target_set"),
                        {{QStringLiteral("entity"), target.entityId},
                         {QStringLiteral("label"), label},
                         {QStringLiteral("action"), action},
                         {QStringLiteral("assigneeKind"), assigneeKindKey(target.assigneeKind)},
                         {QStringLiteral("assignee"), assignee}},
                        name);
                touch(txn, id);
                service::recordApplied(txn, command, op, QString::number(target.entityId));
                return load(target.entityId);
            });
        });
}

QFuture<int> InvestigationService::setTargets(qint64 id, const QList<qint64>& entities, AssigneeKind kind, const QStringList& assignees,
                                              const QString& action, int afterGoMinutes, const CommandId& command) const
{
    HEXHUB_REQUIRE_MANAGE(int, Tr::tr("change investigations"), "investigation.changed", investigationRef(id));
    const QString what = action.simplified();
    if (what.size() < 2 || what.size() > 200)
        return failNow<int>(Tr::tr("Say what the unit does (2 to 200 characters): search, arrest, seize, watch ..."));
    if (assignees.isEmpty())
        return failNow<int>(Tr::tr("Say which units or centres act on the targets."));
    if (afterGoMinutes < 0 || afterGoMinutes > 7 * 24 * 60)
        return failNow<int>(Tr::tr("A target's time after go is 0 minutes to 7 days."));
    if (entities.size() > 500)
        return failNow<int>(Tr::tr("At most 500 targets at once."));
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.investigation.targets"), command,
                           {{QStringLiteral("id"), id},
                            {QStringLiteral("entities"), intelkeep::idsJson(entities)},
                            {QStringLiteral("assigneeKind"), assigneeKindKey(kind)},
                            {QStringLiteral("assignees"), QJsonArray::fromStringList(assignees)},
                            {QStringLiteral("action"), what},
                            {QStringLiteral("afterGoMinutes"), afterGoMinutes}},
                           {intelkeep::investigationRecord(id)}, Tr::tr("%n target(s) in investigation %1", nullptr, int(entities.size())).arg(id),
                           actor),
        [&] {
            return m_store.write(
                intelWrite(actor), [id, entities, kind, assignees, what, afterGoMinutes, command, name = actor.name](WriteTransaction& txn) {
                    const QString op = QStringLiteral("criminal_intel.investigation.targets");
                    if (auto done = service::appliedBefore(txn, command, op))
                        return done->toInt();
                    requireOpen(txn, id);
                    for (const QString& a : assignees) {
                        if (kind == AssigneeKind::Unit)
                            loadUnitIn(txn, a);
                        else if (!isCentre(a))
                            throw ValidationError(Tr::tr("%1 is not one of Hexhub's centres.").arg(a));
                    }
                    int added = 0;
                    const qint64 now = txn.clock().nowMs();
                    for (qint64 entity : entities) {
                        const QVariant merged = txn.scalar(QStringLiteral("SELECT COALESCE(merged_into, 0) FROM ci_entities WHERE id = ?"), {entity});
                        if (!merged.isValid())
                            throw NotFoundError(Tr::tr("No entity %1.").arg(entity));
                        if (merged.toLongLong() > 0 ||
                            txn.scalar(QStringLiteral("SELECT 1 FROM ci_investigation_targets WHERE investigation_id = ? AND entity_id = ?"),
                                       {id, entity})
                                .isValid())
                            continue; // merged away, or a target already
                        const QString assignee = assignees.at(added % assignees.size());
                        txn.exec(QStringLiteral("INSERT INTO ci_investigation_targets (investigation_id, entity_id, assignee_kind, assignee, action, "
                                                "after_go_min, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                                 {id, entity, assigneeKindKey(kind), assignee, what, afterGoMinutes, name, now});
                        ++added;
                    }
                    if (added > 0) {
                        journal(txn, id, QStringLiteral("targets_set"),
                                {{QStringLiteral("count"), added},
                                 {QStringLiteral("action"), what},
                                 {QStringLiteral("assigneeKind"), assigneeKindKey(kind)},
                                 {QStringLiteral("assignee"), assignees.join(QStringLiteral(", "))}},
                                name);
                        touch(txn, id);
                    }
                    service::recordApplied(txn, command, op, QString::number(added));
                    return added;
                });
        });
}

QFuture<qint64> InvestigationService::removeTarget(qint64 id, qint64 targetId, const QString& reason, const CommandId& command) const
{
    HEXHUB_REQUIRE_MANAGE(qint64, Tr::tr("change investigations"), "investigation.changed", investigationRef(id));
    if (auto bad = intelkeep::missingReason<qint64>(reason, Tr::tr("Say why the target is taken off; it goes on the investigation's timeline.")))
        return *bad;
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.investigation.target.remove"), command,
                           {{QStringLiteral("id"), id}, {QStringLiteral("target"), targetId}, {QStringLiteral("reason"), reason}},
                           {intelkeep::investigationRecord(id)}, Tr::tr("Take a target off investigation %1").arg(id), actor),
        [&] {
            return m_store.write(intelWrite(actor), [id, targetId, reason, command, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.investigation.target.remove");
                if (service::appliedBefore(txn, command, op))
                    return targetId;
                const QString why = requireReason(reason, Tr::tr("Say why the target is taken off; it goes on the investigation's timeline."));
                requireOpen(txn, id);
                QSqlQuery q =
                    txn.exec(QStringLiteral("SELECT e.label_masked FROM ci_investigation_targets g JOIN ci_entities e ON e.id = g.entity_id "
                                            "WHERE g.id = ? AND g.investigation_id = ?"),
                             {targetId, id});
                if (!q.next())
                    throw NotFoundError(Tr::tr("No such target."));
                const QString label = q.value(0).toString();
                txn.exec(QStringLiteral("DELETE FROM ci_investigation_targets WHERE id = ?"), {targetId});
                journal(txn, id, QStringLiteral("target_removed"), {{QStringLiteral("label"), label}, {QStringLiteral("reason"), why}}, name);
                touch(txn, id);
                service::recordApplied(txn, command, op, QString::number(targetId));
                return targetId;
            });
        });
}

QFuture<QList<ProgressReport>> InvestigationService::reports(qint64 id, int limit) const
{
    HEXHUB_REQUIRE_VIEW(QList<ProgressReport>);
    return m_store.read([id, limit](Sql& sql) {
        QList<ProgressReport> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT id, day, author, body, created_at, updated_at, version FROM ci_investigation_reports "
                                              "WHERE investigation_id = ? ORDER BY day DESC, author LIMIT ?"),
                               {id, std::clamp(limit, 1, 1000)});
        while (q.next())
            out << ProgressReport{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                  q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toInt()};
        return out;
    });
}

QFuture<ProgressReport> InvestigationService::report(qint64 id, const QString& body, const CommandId& command) const
{
    HEXHUB_REQUIRE_MANAGE(ProgressReport, Tr::tr("report on investigations"), "investigation.changed", investigationRef(id));
    const QString text = body.trimmed();
    if (text.size() < 5)
        return failNow<ProgressReport>(Tr::tr("Say what progressed today, in a sentence or more."));
    if (text.size() > 8000)
        return failNow<ProgressReport>(Tr::tr("Keep a day's report under 8,000 characters."));
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.investigation.report"), command,
                           {{QStringLiteral("id"), id}, {QStringLiteral("body"), text}}, {intelkeep::investigationRecord(id)},
                           Tr::tr("Today's report on investigation %1").arg(id), actor),
        [&] {
            return m_store.write(intelWrite(actor), [id, text, command, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.investigation.report");
                const qint64 now = txn.clock().nowMs();
                const QString day = dayOf(now);
                auto load = [&] {
                    QSqlQuery q =
                        txn.exec(QStringLiteral("SELECT id, day, author, body, created_at, updated_at, version FROM ci_investigation_reports "
                                                "WHERE investigation_id = ? AND day = ? AND author = ?"),
                                 {id, day, name});
                    if (!q.next())
                        throw NotFoundError(Tr::tr("No report for %1.").arg(day));
                    return ProgressReport{q.value(0).toLongLong(), q.value(1).toString(),   q.value(2).toString(), q.value(3).toString(),
                                          q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toInt()};
                };
                if (service::appliedBefore(txn, command, op))
                    return load();
                requireOpen(txn, id);
                const QVariant existing = txn.scalar(
                    QStringLiteral("SELECT id FROM ci_investigation_reports WHERE investigation_id = ? AND day = ? AND author = ?"), {id, day, name});
                if (existing.isValid())
                    txn.exec(QStringLiteral("UPDATE ci_investigation_reports SET body = ?, updated_at = ?, version = version + 1 WHERE id = ?"),
                             {text, now, existing});
                else
                    txn.exec(QStringLiteral("INSERT INTO ci_investigation_reports (investigation_id, day, author, body, created_at, updated_at) "
                                            "VALUES (?, ?, ?, ?, ?, ?)"),
                             {id, day, name, text, now, now});
                journal(txn, id, QStringLiteral("report"), {{QStringLiteral("day"), day}, {QStringLiteral("replaced"), existing.isValid()}}, name);
                touch(txn, id);
                service::recordApplied(txn, command, op, day);
                return load();
            });
        });
}

QFuture<QList<TimelineEntry>> InvestigationService::timeline(qint64 id, int limit) const
{
    HEXHUB_REQUIRE_VIEW(QList<TimelineEntry>);
    return m_store.read([id, limit](Sql& sql) {
        QList<TimelineEntry> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT id, at, actor, kind, data FROM ci_investigation_journal WHERE investigation_id = ? "
                                              "ORDER BY at DESC, id DESC LIMIT ?"),
                               {id, std::clamp(limit, 1, 5000)});
        while (q.next())
            out.prepend(TimelineEntry{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                                      QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object()});
        return out;
    });
}

QFuture<OperationProposal> InvestigationService::proposeOperation(qint64 id, const QString& name, const QString& objective, qint64 goAt,
                                                                  const CommandId& command) const
{
    HEXHUB_REQUIRE_MANAGE(OperationProposal, Tr::tr("propose a cluster operation"), "investigation.changed", investigationRef(id));
    if (auto refused = service::requireNow(actor, QStringLiteral("hub.operation.propose"), Tr::tr("propose a cluster operation")))
        return service::failWith<OperationProposal>(refused);
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(
            QStringLiteral("criminal_intel.investigation.propose"), command,
            {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("objective"), objective}, {QStringLiteral("goAt"), goAt}},
            {intelkeep::investigationRecord(id)}, Tr::tr("Propose a cluster operation from investigation %1").arg(id), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, id, name, objective, goAt, command, who = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.investigation.propose");
                if (auto done = service::appliedBefore(txn, command, op))
                    return loadProposalIn(txn, done->toLongLong());
                const Investigation inv = requireOpen(txn, id);
                const QList<InvestigationTarget> targets = loadTargets(txn, id);
                if (targets.isEmpty())
                    throw ValidationError(Tr::tr("Give the investigation its targets first: who acts on whom, where, when after go."));
                if (goAt > 0 && goAt < txn.clock().nowMs())
                    throw ValidationError(Tr::tr("The go time suggested has passed."));
                OperationProposal p;
                p.name = name.simplified().isEmpty() ? inv.title : name.simplified();
                p.objective = objective.trimmed().isEmpty() ? inv.summary : objective.trimmed();
                p.goAt = goAt;
                p.origin = kModule;
                p.originRef = investigationRef(id);
                for (const InvestigationTarget& t : targets) {
                    ProposedTask line;
                    line.assigneeKind = t.assigneeKind;
                    line.assignee = t.assignee;
                    line.title = QStringLiteral("%1: %2 %3").arg(t.action, entityKindName(t.entityKind), t.entityLabel).left(200);
                    line.detail = t.note;
                    line.priority = 2;
                    line.place = t.place;
                    line.point = t.point;
                    line.afterGoMs = qint64(t.afterGoMinutes) * 60'000;
                    line.forMs = 4 * 3600'000LL; // a line not done within four hours of its start is late on the hub's queue
                    p.division << line;
                }
                const OperationProposal saved = proposeOperationIn(txn, p, who);
                txn.exec(QStringLiteral("UPDATE ci_investigations SET proposal_id = ?, updated_at = ?, version = version + 1 WHERE id = ?"),
                         {saved.id, txn.clock().nowMs(), id});
                journal(
                    txn, id, QStringLiteral("proposed"),
                    {{QStringLiteral("proposal"), saved.id}, {QStringLiteral("name"), saved.name}, {QStringLiteral("lines"), saved.division.size()}},
                    who);
                m_audit.append(txn, {who, QStringLiteral("operation.proposed"), investigationRef(id),
                                     QStringLiteral("proposal %1, %2 lines").arg(saved.id).arg(saved.division.size()), QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(saved.id));
                return saved;
            });
        });
}

QFuture<OperationProposal> InvestigationService::withdrawProposal(qint64 id, const QString& reason, const CommandId& command) const
{
    HEXHUB_REQUIRE_MANAGE(OperationProposal, Tr::tr("withdraw a proposed operation"), "investigation.changed", investigationRef(id));
    if (auto refused = service::requireNow(actor, QStringLiteral("hub.operation.propose"), Tr::tr("withdraw a proposed operation")))
        return service::failWith<OperationProposal>(refused);
    if (auto bad = intelkeep::missingReason<OperationProposal>(reason, Tr::tr("Say why the proposal is withdrawn; the hub reads it.")))
        return *bad;
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.investigation.withdraw"), command,
                           {{QStringLiteral("id"), id}, {QStringLiteral("reason"), reason}}, {intelkeep::investigationRecord(id)},
                           Tr::tr("Withdraw investigation %1's proposal").arg(id), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, id, reason, command, who = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.investigation.withdraw");
                const Investigation inv = loadInvestigation(txn, id);
                if (service::appliedBefore(txn, command, op))
                    return loadProposalIn(txn, inv.proposalId);
                const QString why = requireReason(reason, Tr::tr("Say why the proposal is withdrawn; the hub reads it."));
                if (inv.proposalId <= 0)
                    throw ValidationError(Tr::tr("Investigation %1 has proposed no operation.").arg(inv.title));
                const OperationProposal after = withdrawProposalIn(txn, inv.proposalId, kModule, why, who);
                journal(txn, id, QStringLiteral("withdrawn"), {{QStringLiteral("proposal"), after.id}, {QStringLiteral("reason"), why}}, who);
                touch(txn, id);
                m_audit.append(txn, {who, QStringLiteral("operation.withdrawn"), investigationRef(id),
                                     QStringLiteral("proposal %1: %2").arg(after.id).arg(why), QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(after.id));
                return after;
            });
        });
}

QFuture<QList<IntelPackage>> InvestigationService::packages(qint64 id, qint64 targetId, const QString& reason) const
{
    HEXHUB_REQUIRE_MANAGE(QList<IntelPackage>, Tr::tr("make intelligence packages"), "intel_package.made", investigationRef(id));
    return m_store.write(intelWrite(actor), [this, id, targetId, reason, name = actor.name](WriteTransaction& txn) {
        const Investigation inv = loadInvestigation(txn, id);
        QList<InvestigationTarget> targets = loadTargets(txn, id);
        if (targetId > 0)
            targets.removeIf([targetId](const InvestigationTarget& t) { return t.id != targetId; });
        if (targets.isEmpty())
            throw ValidationError(targetId > 0 ? Tr::tr("No such target.") : Tr::tr("The investigation has no targets to make packages for."));
        // The leads' handling, which every package carries.
        QStringList handling, leads;
        QSqlQuery lq = txn.exec(QStringLiteral("SELECT id FROM ci_leads WHERE investigation_id = ? ORDER BY id"), {id});
        QList<qint64> leadIds;
        while (lq.next())
            leadIds << lq.value(0).toLongLong();
        for (qint64 leadId : std::as_const(leadIds)) {
            const Lead l = detail::readLead(txn, leadId);
            handling << QStringLiteral("%1: %2").arg(l.reference, l.handlingText());
            leads << QStringLiteral("%1: %2").arg(l.reference, l.summary);
        }
        const bool prepared = detail::onPreparedServer(txn, "ci_role_may_reveal(text)");
        // Whether a recipient's role may see personal data: its operators hold this centre's reveal
        // right or the general one.
        auto mayReveal = [&](const InvestigationTarget& t) {
            const QString role = (t.assigneeKind == AssigneeKind::Unit ? QStringLiteral("basic_control") : t.assignee) + QStringLiteral("_operator");
            if (prepared)
                return txn.scalar(QStringLiteral("SELECT ci_role_may_reveal(?)"), {role}).toBool();
            return txn.scalar(QStringLiteral("SELECT 1 FROM role_permissions WHERE role = ? AND permission IN (?, ?)"),
                              {role, QString::fromLatin1(kManagePermission), QStringLiteral("core.personal_data.reveal")}).isValid();
        };
        QList<IntelPackage> out;
        for (const InvestigationTarget& t : std::as_const(targets)) {
            IntelPackage p;
            p.investigationId = id;
            p.targetId = t.id;
            p.investigationTitle = inv.title;
            p.recipientKind = t.assigneeKind;
            p.recipient = t.assignee;
            p.personalDataShown = mayReveal(t);
            if (p.personalDataShown && reason.trimmed().size() < 5)
                throw ValidationError(Tr::tr("%1 may see personal data: give the reason the package shows it; it goes on record.").arg(t.assignee));
            auto label = [&](qint64 entity, const QString& masked) {
                if (!p.personalDataShown)
                    return masked;
                if (prepared)
                    return txn.scalar(QStringLiteral("SELECT hexhub_reveal('ci_entities', 'label', ?, ?)"),
                                      {entity, Tr::tr("intelligence package for %1: %2").arg(t.assignee, reason.trimmed())}).toString();
                return txn.scalar(QStringLiteral("SELECT label FROM ci_entities WHERE id = ?"), {entity}).toString();
            };
            p.targetKind = entityKindName(t.entityKind);
            p.targetLabel = label(t.entityId, t.entityLabel);
            p.targetAttributes = QJsonDocument::fromJson(
                txn.scalar(QStringLiteral("SELECT attributes FROM ci_entities WHERE id = ?"), {t.entityId}).toString().toUtf8()).object();
            p.action = t.action;
            p.place = t.place;
            p.afterGoMinutes = t.afterGoMinutes;
            p.handling = handling;
            p.leads = leads;
            QSqlQuery k = txn.exec(QStringLiteral("SELECT l.from_id, l.to_id, l.relation, l.confidence, l.source_ref, e.id, e.kind, e.label_masked "
                                                  "FROM ci_links l JOIN ci_entities e ON e.id = CASE WHEN l.from_id = ? THEN l.to_id ELSE l.from_id END "
                                                  "WHERE l.from_id = ? OR l.to_id = ? ORDER BY l.relation, e.id LIMIT 200"),
                                   {t.entityId, t.entityId, t.entityId});
            QList<std::array<QVariant, 8>> rows;
            while (k.next())
                rows.append({k.value(0), k.value(1), k.value(2), k.value(3), k.value(4), k.value(5), k.value(6), k.value(7)});
            for (const auto& r : rows)
                p.linked << IntelPackage::Linked{relationName(r[2].toString()), r[0].toLongLong() == t.entityId,
                                                 entityKindName(r[6].toString()), label(r[5].toLongLong(), r[7].toString()),
                                                 linkConfidenceName(linkConfidenceFromKey(r[3].toString()).value_or(LinkConfidence::Unconfirmed)),
                                                 r[4].toString()};
            p.fileName = QStringLiteral("package-%1-%2.pdf").arg(id).arg(t.id);
            if (p.personalDataShown && !prepared)
                m_audit.append(txn, {name, QStringLiteral("personal_data.revealed"), QStringLiteral("ci_entities:%1:label").arg(t.entityId),
                                     Tr::tr("intelligence package for %1: %2").arg(t.assignee, reason.trimmed()), QStringLiteral("success")});
            m_audit.append(txn, {name, QStringLiteral("intel_package.made"), investigationRef(id),
                                 QStringLiteral("target %1 for %2 (%3)").arg(t.id).arg(t.assignee, p.personalDataShown ? QStringLiteral("personal data shown")
                                                                                                                      : QStringLiteral("masked")),
                                 QStringLiteral("success")});
            out << p;
        }
        return out;
    });
}

// ---------------------------------------------------------------------------------------------
// What the hub reports back

namespace detail {

void followHubProgress(WriteTransaction& txn, const Event& event)
{
    const QJsonObject p = event.payload;
    if (p.value(QStringLiteral("origin")).toString() != kModule)
        return;
    QString kind;
    qint64 ref = 0;
    if (event.topic == QLatin1String("task.updated")) {
        kind = QStringLiteral("task");
        ref = p.value(QStringLiteral("id")).toInteger();
    } else if (event.topic == QLatin1String("operation.started") || event.topic == QLatin1String("operation.finished")) {
        kind = QStringLiteral("operation");
        ref = p.value(QStringLiteral("id")).toInteger();
    } else if (event.topic == QLatin1String("operation.reviewed")) {
        // A withdrawal is this centre's own step, on the timeline already.
        if (p.value(QStringLiteral("status")).toString() == QLatin1String("withdrawn"))
            return;
        kind = QStringLiteral("reviewed");
        ref = p.value(QStringLiteral("id")).toInteger();
    } else {
        return;
    }
    if (ref <= 0)
        return;
    // On a shared server the reporting desk's login may not write this centre's rows: the server
    // copies what its own hub rows say (never what the desk sent).
    if (onPreparedServer(txn, "ci_follow_hub(text,bigint,bigint)")) {
        QSqlQuery q = txn.exec(QStringLiteral("SELECT investigation FROM ci_follow_hub(?, ?, ?)"), {kind, ref, txn.clock().nowMs()});
        QList<qint64> touched;
        while (q.next())
            touched << q.value(0).toLongLong();
        for (qint64 inv : std::as_const(touched))
            txn.publish(InvestigationChanged{inv, kind});
        return;
    }
    const qint64 now = txn.clock().nowMs();
    const QString actor = txn.actor();
    auto note = [&](qint64 inv, const QJsonObject& data) {
        txn.exec(QStringLiteral("INSERT INTO ci_investigation_journal (investigation_id, at, actor, kind, data) VALUES (?, ?, ?, ?, ?)"),
                 {inv, now, actor, kind, compact(data)});
        txn.exec(QStringLiteral("UPDATE ci_investigations SET updated_at = ? WHERE id = ?"), {now, inv});
        txn.publish(InvestigationChanged{inv, kind});
    };
    if (kind == QLatin1String("task")) {
        const auto task = Task::fromJson(p);
        if (!task)
            return;
        const QJsonObject data{{QStringLiteral("task"), task->id}, {QStringLiteral("operation"), task->operationId},
                               {QStringLiteral("assigneeKind"), p.value(QStringLiteral("assigneeKind"))}, {QStringLiteral("assignee"), task->assignee},
                               {QStringLiteral("title"), task->title}, {QStringLiteral("status"), taskStatusId(task->status)},
                               {QStringLiteral("progress"), task->progress},
                               {QStringLiteral("note"), task->status == TaskStatus::Declined || task->status == TaskStatus::Cancelled
                                                            ? task->declineReason : task->progressNote}};
        QSqlQuery q = txn.exec(QStringLiteral("SELECT id, investigation_id FROM ci_task_division WHERE task_id = ?"), {task->id});
        QList<std::pair<qint64, qint64>> lines;
        while (q.next())
            lines.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
        for (const auto& [line, inv] : lines) {
            txn.exec(QStringLiteral("UPDATE ci_task_division SET task_status = ?, progress = ?, progress_note = ?, status = ? WHERE id = ?"),
                     {taskStatusId(task->status), task->progress, data.value(QStringLiteral("note")).toString(),
                      task->status == TaskStatus::Done ? QStringLiteral("done") : QStringLiteral("open"), line});
            note(inv, data);
        }
        if (task->operationId > 0) {
            QSqlQuery o = txn.exec(QStringLiteral("SELECT id FROM ci_investigations WHERE operation_id = ?"), {task->operationId});
            QList<qint64> invs;
            while (o.next())
                invs << o.value(0).toLongLong();
            for (qint64 inv : std::as_const(invs))
                note(inv, data);
        }
        return;
    }
    if (kind == QLatin1String("operation")) {
        const auto op = Operation::fromJson(p);
        const qint64 inv = op ? investigationOfRef(op->originRef) : 0;
        // The hub sets an operation's origin only from this centre's proposal (its started event may
        // come in the approval's transaction before the investigation learns the operation's id).
        if (inv <= 0 || !txn.scalar(QStringLiteral("SELECT 1 FROM ci_investigations WHERE id = ?"), {inv}).isValid())
            return;
        note(inv, {{QStringLiteral("operation"), op->id}, {QStringLiteral("name"), op->name}, {QStringLiteral("status"), operationStatusId(op->status)}});
        return;
    }
    const auto proposal = OperationProposal::fromJson(p);
    const qint64 inv = proposal ? investigationOfRef(proposal->originRef) : 0;
    if (inv <= 0 || !txn.scalar(QStringLiteral("SELECT 1 FROM ci_investigations WHERE id = ? AND proposal_id = ?"), {inv, proposal->id}).isValid())
        return;
    if (proposal->status == ProposalStatus::Approved)
        txn.exec(QStringLiteral("UPDATE ci_investigations SET operation_id = ?, version = version + 1 WHERE id = ?"), {proposal->operationId, inv});
    note(inv, {{QStringLiteral("proposal"), proposal->id}, {QStringLiteral("status"), proposalStatusId(proposal->status)},
               {QStringLiteral("note"), proposal->reviewNote}, {QStringLiteral("operation"), proposal->operationId},
               {QStringLiteral("by"), proposal->reviewedBy}});
}

} // namespace detail

} // namespace hexhub::criminalintel
