// The custody suite's one write path (ARCHITECTURE.md 3a, issue 22 section 2): each command checks
// its permission here, checks the row's version, writes, journals, audits and keeps the person's
// welfare check and the case's limits on the hub's deadline queue, in one transaction; the same
// command twice is applied once. On a prepared shared server the server checks the route, the rooms
// and the check interval again (sql/server/rules.postgresql.sql).
#include "base/clock.h"
#include "base/enumtable.h"
#include "base/error.h"
#include "caselimits_p.h"
#include "hexhub/case_management/custody.h"
#include "module/extensions.h"
#include "module/servicesupport.h"
#include "security/audit.h"
#include "security/session.h"
#include "shared/deadlines.h"
#include "store/outbox.h"
#include "store/sql.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QSqlQuery>
#include <algorithm>
#include <array>

namespace hexhub::cases {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::cases::CustodyService)
};

using service::failNow;
using namespace detail;

const QString kModule = QStringLiteral("case_management");
constexpr qint64 kMinute = 60'000;
constexpr qint64 kRetainMs = 5LL * 365 * 24 * 60 * kMinute; // the custody record kept five years

QString custodyRef(qint64 id)
{
    return QStringLiteral("custody:%1").arg(id);
}

QString custodyRecord(qint64 id)
{
    return QStringLiteral("case_management/custody:%1").arg(id);
}

const QString kCustodyColumns =
    QStringLiteral("k.id, k.case_id, c.number, k.person_ref_masked, k.tag, k.cause, k.legal_basis, k.officer, k.basis, k.serious, "
                   "k.risk_intoxicated, k.risk_injured, k.risk_medical, k.risk_self_harm, k.risk_notes, k.stage, k.room_id, r.name, k.state, "
                   "k.started_at, k.limit_at, k.next_check_at, k.released_at, k.updated_at, k.checked_in_by, k.released_by, k.release_to, "
                   "k.release_note, k.version");
const QString kCustodyFrom = QStringLiteral(" FROM cm_custody k JOIN cm_cases c ON c.id = k.case_id LEFT JOIN cm_rooms r ON r.id = k.room_id");

Custody custodyFrom(const QSqlQuery& q)
{
    Custody k;
    k.id = q.value(0).toLongLong();
    k.caseId = q.value(1).toLongLong();
    k.caseNumber = q.value(2).toString();
    k.personMasked = q.value(3).toString();
    k.tag = q.value(4).toString();
    k.cause = q.value(5).toString();
    k.legalBasis = q.value(6).toString();
    k.officer = q.value(7).toString();
    k.basis = custodyBasisFromKey(q.value(8).toString()).value_or(CustodyBasis::Detention);
    k.serious = q.value(9).toInt() != 0;
    k.risk.intoxicated = q.value(10).toInt() != 0;
    k.risk.injured = q.value(11).toInt() != 0;
    k.risk.medicalNeeds = q.value(12).toInt() != 0;
    k.risk.selfHarm = q.value(13).toInt() != 0;
    k.risk.notes = q.value(14).toString();
    k.stage = q.value(15).toString();
    k.roomId = q.value(16).toLongLong();
    k.roomName = q.value(17).toString();
    k.state = q.value(18).toString();
    k.startedAt = q.value(19).toLongLong();
    k.limitAt = q.value(20).toLongLong();
    k.nextCheckAt = q.value(21).toLongLong();
    k.releasedAt = q.value(22).toLongLong();
    k.updatedAt = q.value(23).toLongLong();
    k.checkedInBy = q.value(24).toString();
    k.releasedBy = q.value(25).toString();
    k.releaseTo = q.value(26).toString();
    k.releaseNote = q.value(27).toString();
    k.version = q.value(28).toInt();
    return k;
}

Custody loadCustody(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kCustodyColumns + kCustodyFrom + QStringLiteral(" WHERE k.id = ?"), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("Nobody is on record in custody as %1.").arg(id));
    return custodyFrom(q);
}

Custody inSuite(Sql& sql, qint64 id)
{
    Custody k = loadCustody(sql, id);
    if (!k.inSuite())
        throw ValidationError(Tr::tr("%1 has left the suite.").arg(k.tag));
    return k;
}

struct RoomRow
{
    qint64 id = 0;
    QString name, kind;
    int capacity = 1;
};

RoomRow loadRoom(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT id, name, kind, capacity FROM cm_rooms WHERE id = ?"), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("The suite has no room %1.").arg(id));
    return RoomRow{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt()};
}

//! The last check's time, or the start: what the next check is counted from.
qint64 lastSeen(Sql& sql, const Custody& k)
{
    const QVariant last = sql.scalar(QStringLiteral("SELECT MAX(done_at) FROM cm_welfare_checks WHERE custody_id = ?"), {k.id});
    return last.isNull() ? k.startedAt : std::max(k.startedAt, last.toLongLong());
}

void publishCheck(WriteTransaction& txn, const Custody& k)
{
    publishDeadline(txn, DeadlineSet{welfareCheckKey(k.id), Tr::tr("Welfare check: %1 in %2").arg(k.tag, custodyRoomName(k.roomName)),
                                     QDateTime::fromMSecsSinceEpoch(k.nextCheckAt, Qt::UTC), kModule, custodyRef(k.id)});
}

/*!
 * Takes `k` to `room` in `txn` when the route, the room's space and the people it must be kept
 * apart from allow; records the move. Returns the person as they are after it.
 */
Custody takeTo(WriteTransaction& txn, const Custody& k, const RoomRow& room, const QString& note, const QString& actor)
{
    if (room.kind == QLatin1String("exit"))
        throw ValidationError(Tr::tr("Leaving the suite is a release, a transfer or a handover, not a move."));
    if (room.id == k.roomId)
        throw ValidationError(Tr::tr("%1 is in %2 already.").arg(k.tag, custodyRoomName(room.name)));
    QStringList skipped;
    if (!canMoveInSuite(k.stage, room.kind, &skipped))
        throw ValidationError(Tr::tr("%1 cannot be taken from %2 to %3: the route through the suite goes one way.")
                                  .arg(k.tag, custodyStageName(k.stage), custodyStageName(room.kind)));
    if (!skipped.isEmpty() && note.trimmed().size() < 3) {
        QStringList names;
        for (const QString& s : std::as_const(skipped))
            names << custodyStageName(s);
        throw ValidationError(
            Tr::tr("Taking %1 to %2 passes over %3: say why.").arg(k.tag, custodyRoomName(room.name), names.join(QStringLiteral(", "))));
    }
    const qint64 inRoom =
        txn.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE room_id = ? AND state = 'in' AND id <> ?"), {room.id, k.id}).toLongLong();
    if (inRoom >= room.capacity)
        throw ValidationError(Tr::tr("%1 is full (%n person(s)).", nullptr, room.capacity).arg(custodyRoomName(room.name)));
    QSqlQuery apart = txn.exec(QStringLiteral("SELECT o.tag, a.reason FROM cm_keep_apart a JOIN cm_custody o "
                                              "ON o.id = CASE WHEN a.custody_a = ? THEN a.custody_b ELSE a.custody_a END "
                                              "WHERE (a.custody_a = ? OR a.custody_b = ?) AND o.room_id = ? AND o.state = 'in'"),
                               {k.id, k.id, k.id, room.id});
    if (apart.next())
        throw ValidationError(Tr::tr("%1 must be kept apart from %2, who is in %3 (%4).")
                                  .arg(k.tag, apart.value(0).toString(), custodyRoomName(room.name), apart.value(1).toString()));
    const qint64 now = txn.clock().nowMs();
    // An administrator may have shortened the interval since the last check: the next one comes no later than it now says.
    const qint64 next = std::min(k.nextCheckAt, lastSeen(txn, k) + checkInterval(txn, k.risk.level()) * kMinute);
    QSqlQuery update =
        txn.exec(QStringLiteral("UPDATE cm_custody SET room_id = ?, stage = ?, next_check_at = ?, updated_at = ?, version = version + 1 "
                                "WHERE id = ? AND version = ?"),
                 {room.id, room.kind, next, now, k.id, k.version});
    service::requireUpdated(update, Tr::tr("Someone changed %1's record meanwhile; look at it again.").arg(k.tag));
    txn.exec(QStringLiteral("INSERT INTO cm_custody_moves (custody_id, room_id, stage, at, moved_by, note) VALUES (?, ?, ?, ?, ?, ?)"),
             {k.id, room.id, room.kind, now, actor, note.trimmed().left(500)});
    const Custody after = loadCustody(txn, k.id);
    publishCheck(txn, after);
    txn.publish(CustodyChanged{k.id, k.tag, QStringLiteral("moved"), room.name, false});
    return after;
}

WelfareCheck checkFrom(const QSqlQuery& q)
{
    return WelfareCheck{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toLongLong(),
                        q.value(5).toString(),   q.value(6).toString(),   q.value(7).toString(),   q.value(8).toString()};
}

const QString kCheckSelect = QStringLiteral("SELECT w.id, w.custody_id, w.due_at, w.done_at, w.recorded_at, w.done_by, w.condition, w.observed, "
                                            "COALESCE(r.name, '') FROM cm_welfare_checks w LEFT JOIN cm_rooms r ON r.id = w.room_id ");

Interview interviewFrom(const QSqlQuery& q)
{
    Interview i;
    i.id = q.value(0).toLongLong();
    i.custodyId = q.value(1).toLongLong();
    i.roomId = q.value(2).toLongLong();
    i.roomName = q.value(3).toString();
    i.officers = q.value(4).toString();
    i.recordingRef = q.value(5).toString();
    i.startedAt = q.value(6).toLongLong();
    i.startedBy = q.value(7).toString();
    i.endedAt = q.value(8).toLongLong();
    i.endedBy = q.value(9).toString();
    i.note = q.value(10).toString();
    return i;
}

const QString kInterviewSelect =
    QStringLiteral("SELECT i.id, i.custody_id, i.room_id, r.name, i.officers, i.recording_ref, i.started_at, "
                   "i.started_by, i.ended_at, i.ended_by, i.note FROM cm_interviews i JOIN cm_rooms r ON r.id = i.room_id ");

Interview loadInterview(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(kInterviewSelect + QStringLiteral("WHERE i.id = ?"), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No interview %1.").arg(id));
    return interviewFrom(q);
}

QString riskText(const CustodyRisk& r)
{
    QStringList parts;
    if (r.intoxicated)
        parts << Tr::tr("intoxicated");
    if (r.injured)
        parts << Tr::tr("injured");
    if (r.medicalNeeds)
        parts << Tr::tr("medical needs");
    if (r.selfHarm)
        parts << Tr::tr("risk of self-harm");
    const QString flags = parts.isEmpty() ? Tr::tr("no risk seen") : parts.join(QStringLiteral(", "));
    return QStringLiteral("%1 (%2)").arg(riskLevelName(r.level()), flags);
}

QString riskProblem(const CustodyRisk& r)
{
    if (r.notes.size() > 2000)
        return Tr::tr("Keep the risk notes under 2,000 characters.");
    if ((r.intoxicated || r.injured || r.medicalNeeds || r.selfHarm) && r.notes.trimmed().size() < 3)
        return Tr::tr("Say what was seen for the risk you marked.");
    return {};
}

// The vocabulary's tables: the key as stored and sent, and the name people read (translated where shown).
using hexhub::detail::EnumRow;
constexpr std::array<EnumRow<CustodyBasis>, 3> kBases{{
    {CustodyBasis::Summons, "summons", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "summons")},
    {CustodyBasis::Questioning, "questioning", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "administrative questioning")},
    {CustodyBasis::Detention, "detention", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "criminal detention")},
}};
constexpr std::array<EnumRow<RiskLevel>, 3> kRiskLevels{{
    {RiskLevel::Standard, "standard", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "standard risk")},
    {RiskLevel::Elevated, "elevated", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "elevated risk")},
    {RiskLevel::Highest, "highest", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "highest risk")},
}};
constexpr std::array<EnumRow<ReleaseKind>, 3> kReleaseKinds{{
    {ReleaseKind::Released, "released", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Released")},
    {ReleaseKind::Transferred, "transferred", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Transferred to the detention centre")},
    {ReleaseKind::HandedOver, "handed_over", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Handed over")},
}};
constexpr std::array<EnumRow<WelfareCondition>, 3> kConditions{{
    {WelfareCondition::Well, "well", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "awake and well")},
    {WelfareCondition::AsleepRoused, "asleep_roused", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "asleep, roused and responding")},
    {WelfareCondition::Concern, "concern", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "needs attention")},
}};
constexpr std::array<EnumRow<CareKind>, 6> kCareKinds{{
    {CareKind::Meal, "meal", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Meal")},
    {CareKind::Drink, "drink", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Drink")},
    {CareKind::Rest, "rest", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Rest")},
    {CareKind::Medication, "medication", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Medication")},
    {CareKind::Medical, "medical", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Medical visit")},
    {CareKind::PhoneCall, "phone", QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Phone call")},
}};

template <typename E, std::size_t N> QString keyIn(const std::array<EnumRow<E>, N>& rows, E value)
{
    return QString::fromLatin1(hexhub::detail::rowOf(rows, value).id);
}

template <typename E, std::size_t N> QString nameIn(const std::array<EnumRow<E>, N>& rows, E value)
{
    return Tr::tr(hexhub::detail::rowOf(rows, value).name);
}

} // namespace

// ---- vocabulary ----------------------------------------------------------------------------------

QString custodyBasisKey(CustodyBasis basis)
{
    return keyIn(kBases, basis);
}

std::optional<CustodyBasis> custodyBasisFromKey(const QString& key)
{
    return hexhub::detail::valueOf(kBases, key);
}

QString custodyBasisName(CustodyBasis basis)
{
    return nameIn(kBases, basis);
}

QString riskLevelKey(RiskLevel level)
{
    return keyIn(kRiskLevels, level);
}

QString riskLevelName(RiskLevel level)
{
    return nameIn(kRiskLevels, level);
}

RiskLevel CustodyRisk::level() const
{
    if (selfHarm)
        return RiskLevel::Highest;
    if (intoxicated || injured || medicalNeeds)
        return RiskLevel::Elevated;
    return RiskLevel::Standard;
}

QStringList custodyStages()
{
    return {QStringLiteral("intake"),  QStringLiteral("search"),    QStringLiteral("property"), QStringLiteral("biometrics"),
            QStringLiteral("medical"), QStringLiteral("interview"), QStringLiteral("holding"),  QStringLiteral("exit")};
}

QString custodyStageName(const QString& stage)
{
    if (stage == QLatin1String("intake"))
        return Tr::tr("intake");
    if (stage == QLatin1String("search"))
        return Tr::tr("search");
    if (stage == QLatin1String("property"))
        return Tr::tr("property taken");
    if (stage == QLatin1String("biometrics"))
        return Tr::tr("biometrics and devices");
    if (stage == QLatin1String("medical"))
        return Tr::tr("medical check");
    if (stage == QLatin1String("interview"))
        return Tr::tr("interview");
    if (stage == QLatin1String("holding"))
        return Tr::tr("holding");
    if (stage == QLatin1String("exit"))
        return Tr::tr("exit");
    return stage;
}

QString custodyRoomName(const QString& stored)
{
    static const char* const kRooms[] = {
        QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Intake desk"),   QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Search room"),
        QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Property desk"), QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Biometrics room"),
        QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Medical room"),  QT_TRANSLATE_NOOP("hexhub::cases::CustodyService", "Exit")};
    for (const char* room : kRooms)
        if (stored == QLatin1String(room))
            return Tr::tr(room);
    static const QRegularExpression numbered(QStringLiteral("^(Interview|Holding) room (\\d+)$"));
    if (const QRegularExpressionMatch m = numbered.match(stored); m.hasMatch())
        return m.captured(1) == QLatin1String("Interview") ? Tr::tr("Interview room %1").arg(m.captured(2))
                                                           : Tr::tr("Holding room %1").arg(m.captured(2));
    return stored;
}

bool canMoveInSuite(const QString& from, const QString& to, QStringList* skipped)
{
    const QStringList stages = custodyStages();
    // Interview and holding are one step of the route: past the medical check a person goes between them.
    const auto rank = [&stages](const QString& s) -> qsizetype {
        const qsizetype at = stages.indexOf(s);
        return at > 5 && s != QLatin1String("exit") ? 5 : (s == QLatin1String("exit") ? 6 : at);
    };
    const qsizetype a = rank(from), b = rank(to);
    if (a < 0 || b < 0 || to == QLatin1String("exit") || from == QLatin1String("exit"))
        return false;
    if (skipped)
        skipped->clear();
    if (b >= a) {
        if (skipped)
            for (qsizetype s = a + 1; s < b; ++s)
                skipped->append(stages[s]);
        return true;
    }
    // Back to the medical room from an interview or holding room, when the person needs it.
    return a == 5 && to == QLatin1String("medical");
}

QString releaseKindKey(ReleaseKind kind)
{
    return keyIn(kReleaseKinds, kind);
}

std::optional<ReleaseKind> releaseKindFromKey(const QString& key)
{
    return hexhub::detail::valueOf(kReleaseKinds, key);
}

QString releaseKindName(ReleaseKind kind)
{
    return nameIn(kReleaseKinds, kind);
}

QString welfareConditionKey(WelfareCondition condition)
{
    return keyIn(kConditions, condition);
}

std::optional<WelfareCondition> welfareConditionFromKey(const QString& key)
{
    return hexhub::detail::valueOf(kConditions, key);
}

QString welfareConditionName(WelfareCondition condition)
{
    return nameIn(kConditions, condition);
}

QString careKindKey(CareKind kind)
{
    return keyIn(kCareKinds, kind);
}

std::optional<CareKind> careKindFromKey(const QString& key)
{
    return hexhub::detail::valueOf(kCareKinds, key);
}

QString careKindName(CareKind kind)
{
    return nameIn(kCareKinds, kind);
}

// ---- typed events --------------------------------------------------------------------------------

QJsonObject CustodyStarted::toJson() const
{
    return {{QStringLiteral("custody"), double(custodyId)},
            {QStringLiteral("case"), double(caseId)},
            {QStringLiteral("tag"), tag},
            {QStringLiteral("basis"), basis},
            {QStringLiteral("risk"), risk},
            {QStringLiteral("limit"), double(limitAt)}};
}

std::optional<CustodyStarted> CustodyStarted::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("custody")).isDouble() || !json.value(QStringLiteral("tag")).isString())
        return std::nullopt;
    return CustodyStarted{qint64(json.value(QStringLiteral("custody")).toDouble()),
                          qint64(json.value(QStringLiteral("case")).toDouble()),
                          json.value(QStringLiteral("tag")).toString(),
                          json.value(QStringLiteral("basis")).toString(),
                          json.value(QStringLiteral("risk")).toString(),
                          qint64(json.value(QStringLiteral("limit")).toDouble())};
}

QJsonObject CustodyChanged::toJson() const
{
    return {{QStringLiteral("custody"), double(custodyId)},
            {QStringLiteral("tag"), tag},
            {QStringLiteral("change"), change},
            {QStringLiteral("note"), note},
            {QStringLiteral("late"), late}};
}

std::optional<CustodyChanged> CustodyChanged::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("custody")).isDouble() || !json.value(QStringLiteral("change")).isString())
        return std::nullopt;
    return CustodyChanged{qint64(json.value(QStringLiteral("custody")).toDouble()), json.value(QStringLiteral("tag")).toString(),
                          json.value(QStringLiteral("change")).toString(), json.value(QStringLiteral("note")).toString(),
                          json.value(QStringLiteral("late")).toBool()};
}

// ---- the service ---------------------------------------------------------------------------------

CustodyService::CustodyService(Store& store, Session& session, AuditLog& audit, Outbox* outbox)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
    , m_outbox(outbox)
{}

#define HEXHUB_REQUIRE_VIEW(T)                                                                                                                       \
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see the custody suite")))            \
    return service::failWith<T>(refused)

QFuture<QList<Room>> CustodyService::rooms() const
{
    HEXHUB_REQUIRE_VIEW(QList<Room>);
    return m_store.read([](Sql& sql) {
        QList<Room> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT id, name, kind, capacity FROM cm_rooms ORDER BY position, id"));
        while (q.next())
            out << Room{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(), {}};
        QSqlQuery in = sql.exec(QStringLiteral("SELECT room_id, tag FROM cm_custody WHERE state = 'in' AND room_id IS NOT NULL ORDER BY tag"));
        while (in.next())
            for (Room& r : out)
                if (r.id == in.value(0).toLongLong())
                    r.occupants << in.value(1).toString();
        return out;
    });
}

QFuture<QList<Custody>> CustodyService::people(const CustodyFilter& filter) const
{
    HEXHUB_REQUIRE_VIEW(QList<Custody>);
    const QString text = filter.text.simplified();
    const QString like = containsPattern(text);
    return m_store.read([filter, text, like](Sql& sql) {
        QList<Custody> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kCustodyColumns + kCustodyFrom +
                                   QStringLiteral(" WHERE (? = 0 OR k.state = 'in') "
                                                  "AND (? = '' OR lower(k.tag) LIKE ? OR lower(c.number) LIKE ? OR lower(k.cause) LIKE ?) "
                                                  "ORDER BY CASE k.state WHEN 'in' THEN 0 ELSE 1 END, "
                                                  "CASE k.state WHEN 'in' THEN k.next_check_at ELSE 0 END, k.started_at DESC, k.id DESC "
                                                  "LIMIT ? OFFSET ?"),
                               {filter.inSuiteOnly ? 1 : 0, text, like, like, like, std::clamp(filter.limit, 1, 1000), std::max(0, filter.offset)});
        while (q.next())
            out << custodyFrom(q);
        return out;
    });
}

QFuture<Custody> CustodyService::custodyOf(qint64 id) const
{
    HEXHUB_REQUIRE_VIEW(Custody);
    return m_store.read([id](Sql& sql) { return loadCustody(sql, id); });
}

QFuture<QList<WelfareCheck>> CustodyService::checks(qint64 custodyId) const
{
    HEXHUB_REQUIRE_VIEW(QList<WelfareCheck>);
    return m_store.read([custodyId](Sql& sql) {
        QList<WelfareCheck> out;
        QSqlQuery q = sql.exec(kCheckSelect + QStringLiteral("WHERE w.custody_id = ? ORDER BY w.done_at, w.id"), {custodyId});
        while (q.next())
            out << checkFrom(q);
        return out;
    });
}

QFuture<QList<Interview>> CustodyService::interviews(qint64 custodyId) const
{
    HEXHUB_REQUIRE_VIEW(QList<Interview>);
    return m_store.read([custodyId](Sql& sql) {
        QList<Interview> out;
        QSqlQuery q = sql.exec(kInterviewSelect + QStringLiteral("WHERE i.custody_id = ? ORDER BY i.started_at, i.id"), {custodyId});
        while (q.next())
            out << interviewFrom(q);
        return out;
    });
}

QFuture<QList<CustodyEntry>> CustodyService::record(qint64 custodyId) const
{
    HEXHUB_REQUIRE_VIEW(QList<CustodyEntry>);
    return m_store.read([custodyId](Sql& sql) {
        const Custody k = loadCustody(sql, custodyId);
        QList<CustodyEntry> out;
        out << CustodyEntry{k.startedAt, QStringLiteral("checked_in"), k.checkedInBy,
                            Tr::tr("Booked in on %1 for %2 (%3), wristband %4, officer %5; %6")
                                .arg(custodyBasisName(k.basis), k.cause, k.legalBasis, k.tag, k.officer, riskText(k.risk))};
        QSqlQuery moves = sql.exec(QStringLiteral("SELECT m.at, m.moved_by, COALESCE(r.name, ''), m.stage, m.note FROM cm_custody_moves m "
                                                  "LEFT JOIN cm_rooms r ON r.id = m.room_id WHERE m.custody_id = ? ORDER BY m.at, m.id"),
                                   {custodyId});
        while (moves.next()) {
            const QString note = moves.value(4).toString();
            QString text = Tr::tr("To %1 (%2)").arg(custodyRoomName(moves.value(2).toString()), custodyStageName(moves.value(3).toString()));
            if (!note.isEmpty())
                text += QStringLiteral(": ") + note;
            out << CustodyEntry{moves.value(0).toLongLong(), QStringLiteral("moved"), moves.value(1).toString(), text};
        }
        QSqlQuery checks = sql.exec(kCheckSelect + QStringLiteral("WHERE w.custody_id = ? ORDER BY w.done_at, w.id"), {custodyId});
        while (checks.next()) {
            const WelfareCheck w = checkFrom(checks);
            const auto condition = welfareConditionFromKey(w.condition);
            QString text =
                Tr::tr("Welfare check in %1: %2").arg(custodyRoomName(w.roomName), condition ? welfareConditionName(*condition) : w.condition);
            if (!w.observed.isEmpty())
                text += QStringLiteral("; ") + w.observed;
            if (w.late())
                text += QLatin1Char(' ') + Tr::tr("(late by %n minute(s))", nullptr, int((w.doneAt - w.dueAt + kMinute - 1) / kMinute));
            out << CustodyEntry{w.doneAt, QStringLiteral("check"), w.doneBy, text};
        }
        QSqlQuery interviews = sql.exec(kInterviewSelect + QStringLiteral("WHERE i.custody_id = ? ORDER BY i.started_at, i.id"), {custodyId});
        while (interviews.next()) {
            const Interview i = interviewFrom(interviews);
            out << CustodyEntry{i.startedAt, QStringLiteral("interview"), i.startedBy,
                                Tr::tr("Interview started in %1 by %2, recording %3").arg(custodyRoomName(i.roomName), i.officers, i.recordingRef)};
            if (!i.running())
                out << CustodyEntry{i.endedAt, QStringLiteral("interview_ended"), i.endedBy,
                                    Tr::tr("Interview ended after %n minute(s)", nullptr, int((i.endedAt - i.startedAt) / kMinute)) +
                                        (i.note.isEmpty() ? QString() : QStringLiteral(": ") + i.note)};
        }
        QSqlQuery log = sql.exec(
            QStringLiteral("SELECT at, recorded_by, kind, minutes, note FROM cm_custody_log WHERE custody_id = ? ORDER BY at, id"), {custodyId});
        while (log.next()) {
            const QString kind = log.value(2).toString();
            const QString note = log.value(4).toString();
            QString text;
            if (kind == QLatin1String("risk"))
                text = Tr::tr("Risk assessed again: %1").arg(note);
            else {
                const auto care = careKindFromKey(kind);
                text = care ? careKindName(*care) : kind;
                if (log.value(3).toLongLong() > 0)
                    text += QLatin1Char(' ') + Tr::tr("(%n minute(s))", nullptr, int(log.value(3).toLongLong()));
                if (!note.isEmpty())
                    text += QStringLiteral(": ") + note;
            }
            out << CustodyEntry{log.value(0).toLongLong(), kind == QLatin1String("risk") ? kind : QStringLiteral("care"), log.value(1).toString(),
                                text};
        }
        QSqlQuery apart = sql.exec(QStringLiteral("SELECT a.recorded_at, a.recorded_by, o.tag, a.reason FROM cm_keep_apart a JOIN cm_custody o "
                                                  "ON o.id = CASE WHEN a.custody_a = ? THEN a.custody_b ELSE a.custody_a END "
                                                  "WHERE a.custody_a = ? OR a.custody_b = ? ORDER BY a.recorded_at, a.id"),
                                   {custodyId, custodyId, custodyId});
        while (apart.next())
            out << CustodyEntry{apart.value(0).toLongLong(), QStringLiteral("kept_apart"), apart.value(1).toString(),
                                Tr::tr("To be kept apart from %1: %2").arg(apart.value(2).toString(), apart.value(3).toString())};
        if (!k.inSuite()) {
            const auto how = releaseKindFromKey(k.state);
            out << CustodyEntry{k.releasedAt, QStringLiteral("left"), k.releasedBy,
                                Tr::tr("%1, taken by %2").arg(how ? releaseKindName(*how) : k.state, k.releaseTo) +
                                    (k.releaseNote.isEmpty() ? QString() : QStringLiteral(": ") + k.releaseNote)};
        }
        std::stable_sort(out.begin(), out.end(), [](const CustodyEntry& a, const CustodyEntry& b) { return a.at < b.at; });
        return out;
    });
}

QFuture<QString> CustodyService::revealPerson(qint64 custodyId, const QString& reason) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("cm_custody:%1:person_ref").arg(custodyId);
    if (auto refused = service::check<QString>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("see who is in custody"),
                                               QStringLiteral("personal_data.revealed"), object))
        return *refused;
    if (const QString problem = service::reasonProblem(reason, Tr::tr("Give the reason you need to see who this is; it goes on record."));
        !problem.isEmpty())
        return failNow<QString>(problem);
    const QString why = reason.trimmed();
    return m_store.write(service::writeAs(kModule, actor), [this, custodyId, why, object, name = actor.name](WriteTransaction& txn) {
        loadCustody(txn, custodyId);
        // On a prepared shared server the server reveals: it checks the permission and the reason and
        // puts the reveal on its audit chain; the desk's login cannot read the column otherwise.
        if (txn.dialect().name() == QLatin1String("postgresql") &&
            txn.scalar(QStringLiteral("SELECT to_regprocedure('hexhub_reveal(text,text,bigint,text)') IS NOT NULL")).toBool())
            return txn.scalar(QStringLiteral("SELECT hexhub_reveal('cm_custody', 'person_ref', ?, ?)"), {custodyId, why}).toString();
        const QString person = txn.scalar(QStringLiteral("SELECT person_ref FROM cm_custody WHERE id = ?"), {custodyId}).toString();
        m_audit.append(txn, {name, QStringLiteral("personal_data.revealed"), object, why, QStringLiteral("success")});
        return person;
    });
}

QFuture<Custody> CustodyService::checkIn(const NewCustody& draft, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<Custody>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("book people into custody"),
                                               QStringLiteral("custody.started"), QStringLiteral("case:%1").arg(draft.caseId)))
        return *refused;
    const QString person = draft.personRef.simplified(), tag = draft.tag.simplified().toUpper(), cause = draft.cause.simplified(),
                  basisText = draft.legalBasis.simplified(), officer = draft.officer.simplified();
    if (person.size() < 2 || person.size() > 200)
        return failNow<Custody>(Tr::tr("Say who the person is (name and ID number, 2 to 200 characters)."));
    if (tag.isEmpty() || tag.size() > 20)
        return failNow<Custody>(Tr::tr("Give the wristband or tag number (up to 20 characters)."));
    if (cause.size() < 3 || cause.size() > 500)
        return failNow<Custody>(Tr::tr("Say why the person is brought in (3 to 500 characters)."));
    if (basisText.size() < 3 || basisText.size() > 500)
        return failNow<Custody>(Tr::tr("Give the legal basis they are held under (3 to 500 characters)."));
    if (officer.size() < 2 || officer.size() > 100)
        return failNow<Custody>(Tr::tr("Name the officer responsible."));
    if (const QString problem = riskProblem(draft.risk); !problem.isEmpty())
        return failNow<Custody>(problem);
    QJsonObject args{{QStringLiteral("case"), draft.caseId},
                     {QStringLiteral("protectedPerson"), person},
                     {QStringLiteral("tag"), tag},
                     {QStringLiteral("cause"), cause},
                     {QStringLiteral("legalBasis"), basisText},
                     {QStringLiteral("basis"), custodyBasisKey(draft.basis)},
                     {QStringLiteral("serious"), draft.serious},
                     {QStringLiteral("officer"), officer},
                     {QStringLiteral("intoxicated"), draft.risk.intoxicated},
                     {QStringLiteral("injured"), draft.risk.injured},
                     {QStringLiteral("medical"), draft.risk.medicalNeeds},
                     {QStringLiteral("selfHarm"), draft.risk.selfHarm},
                     {QStringLiteral("riskNotes"), draft.risk.notes}};
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(kModule, actor), [this, draft, person, tag, cause, basisText, officer, command,
                                                                    name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("case_management.custody.check_in");
                if (auto done = service::appliedBefore(txn, command, op))
                    return loadCustody(txn, done->toLongLong());
                const Case c = loadCase(txn, draft.caseId);
                if (c.stage == QLatin1String("closed"))
                    throw ValidationError(Tr::tr("Case %1 is closed; nobody is held in it.").arg(c.number));
                const CaseEvent event = draft.basis == CustodyBasis::Summons       ? CaseEvent::Summoned
                                        : draft.basis == CustodyBasis::Questioning ? CaseEvent::Questioned
                                                                                   : CaseEvent::Detained;
                const QStringList rules = limitRulesFor(c.kind, event, draft.serious);
                if (txn.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE tag = ? AND state = 'in'"), {tag}).toLongLong() > 0)
                    throw ValidationError(Tr::tr("Wristband %1 is on someone in the suite already.").arg(tag));
                QSqlQuery intake =
                    txn.exec(QStringLiteral("SELECT r.id, r.name, r.kind, r.capacity FROM cm_rooms r WHERE r.kind = 'intake' "
                                            "AND (SELECT COUNT(*) FROM cm_custody k WHERE k.room_id = r.id AND k.state = 'in') < r.capacity "
                                            "ORDER BY r.position, r.id"));
                if (!intake.next())
                    throw ValidationError(Tr::tr("The intake desk is full; finish booking in someone first."));
                const qint64 room = intake.value(0).toLongLong();
                const qint64 now = txn.clock().nowMs();
                const RiskLevel level = draft.risk.level();
                const qint64 limitAt = now + ruleMinutes(txn, rules.first()) * kMinute;
                const qint64 id = txn.insert(
                    QStringLiteral(
                        "INSERT INTO cm_custody (case_id, person_ref, legal_basis, started_at, limit_at, next_check_at, retain_until, tag, "
                        "cause, basis, serious, officer, risk_intoxicated, risk_injured, risk_medical, risk_self_harm, risk_notes, "
                        "risk_level, room_id, stage, state, checked_in_by, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'intake', 'in', ?, ?)"),
                    {c.id,
                     person,
                     basisText,
                     now,
                     limitAt,
                     now + checkInterval(txn, level) * kMinute,
                     now + kRetainMs,
                     tag,
                     cause,
                     custodyBasisKey(draft.basis),
                     draft.serious ? 1 : 0,
                     officer,
                     draft.risk.intoxicated ? 1 : 0,
                     draft.risk.injured ? 1 : 0,
                     draft.risk.medicalNeeds ? 1 : 0,
                     draft.risk.selfHarm ? 1 : 0,
                     draft.risk.notes.trimmed(),
                     riskLevelKey(level),
                     room,
                     name,
                     now});
                txn.exec(
                    QStringLiteral("INSERT INTO cm_custody_moves (custody_id, room_id, stage, at, moved_by, note) VALUES (?, ?, 'intake', ?, ?, '')"),
                    {id, room, now, name});
                for (const QString& rule : rules)
                    startLimit(txn, c, rule, id, Tr::tr("%1, wristband %2").arg(custodyBasisName(draft.basis), tag), now, name);
                refreshDue(txn, c.id);
                const Custody k = loadCustody(txn, id);
                publishCheck(txn, k);
                txn.publish(CustodyStarted{id, c.id, tag, custodyBasisKey(draft.basis), riskLevelKey(level), limitAt});
                m_audit.append(txn, {name, QStringLiteral("custody.started"), custodyRef(id),
                                     QStringLiteral("%1 in case %2 (%3), %4").arg(tag, c.number, custodyBasisKey(draft.basis), riskLevelKey(level)),
                                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(id));
                return k;
            });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.custody.check_in"), command, args,
                                QStringList{QStringLiteral("case_management/case:%1").arg(draft.caseId)}, Tr::tr("Book %1 into custody").arg(tag),
                                actor));
}

QFuture<Custody> CustodyService::moveTo(qint64 id, int version, qint64 roomId, const QString& note, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<Custody>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("move people in custody"),
                                               QStringLiteral("custody.changed"), custodyRef(id)))
        return *refused;
    if (note.size() > 500)
        return failNow<Custody>(Tr::tr("Keep the note under 500 characters."));
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(kModule, actor),
                                 [this, id, version, roomId, note, command, name = actor.name](WriteTransaction& txn) {
                                     const QString op = QStringLiteral("case_management.custody.move");
                                     if (service::appliedBefore(txn, command, op))
                                         return loadCustody(txn, id);
                                     const Custody k = inSuite(txn, id);
                                     if (k.version != version)
                                         throw ConflictError(Tr::tr("Someone changed %1's record meanwhile; look at it again.").arg(k.tag));
                                     const RoomRow room = loadRoom(txn, roomId);
                                     const Custody after = takeTo(txn, k, room, note, name);
                                     m_audit.append(txn, {name, QStringLiteral("custody.changed"), custodyRef(id),
                                                          QStringLiteral("moved to %1").arg(room.name), QStringLiteral("success")});
                                     service::recordApplied(txn, command, op, QString::number(id));
                                     return after;
                                 });
        },
        service::offlineCommand(
            kModule, QStringLiteral("case_management.custody.move"), command,
            QJsonObject{
                {QStringLiteral("id"), id}, {QStringLiteral("version"), version}, {QStringLiteral("room"), roomId}, {QStringLiteral("note"), note}},
            QStringList{custodyRecord(id)}, Tr::tr("Move person %1 in custody").arg(id), actor));
}

QFuture<WelfareCheck> CustodyService::check(qint64 id, WelfareCondition condition, const QString& observed, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<WelfareCheck>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("check people in custody"),
                                                    QStringLiteral("custody.changed"), custodyRef(id)))
        return *refused;
    if (observed.size() > 2000)
        return failNow<WelfareCheck>(Tr::tr("Keep the observation under 2,000 characters."));
    if (condition == WelfareCondition::Concern && observed.trimmed().size() < 5)
        return failNow<WelfareCheck>(Tr::tr("Say what needs attention."));
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(
                service::writeAs(kModule, actor), [this, id, condition, observed, command, name = actor.name](WriteTransaction& txn) {
                    const QString op = QStringLiteral("case_management.custody.check");
                    const auto load = [&txn](qint64 checkId) {
                        QSqlQuery q = txn.exec(kCheckSelect + QStringLiteral("WHERE w.id = ?"), {checkId});
                        if (!q.next())
                            throw NotFoundError(Tr::tr("No welfare check %1.").arg(checkId));
                        return checkFrom(q);
                    };
                    if (auto done = service::appliedBefore(txn, command, op))
                        return load(done->toLongLong());
                    const Custody k = inSuite(txn, id);
                    const qint64 now = txn.clock().nowMs();
                    const qint64 checkId = txn.insert(
                        QStringLiteral("INSERT INTO cm_welfare_checks (custody_id, due_at, done_at, recorded_at, done_by, condition, observed, "
                                       "room_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                        {id, k.nextCheckAt, now, now, name, welfareConditionKey(condition), observed.trimmed(),
                         k.roomId > 0 ? QVariant(k.roomId) : QVariant()});
                    const qint64 next = now + checkInterval(txn, k.risk.level()) * kMinute;
                    txn.exec(QStringLiteral("UPDATE cm_custody SET next_check_at = ?, updated_at = ? WHERE id = ?"), {next, now, id});
                    const WelfareCheck made = load(checkId);
                    publishCheck(txn, loadCustody(txn, id));
                    const QString what =
                        welfareConditionKey(condition) + (observed.trimmed().isEmpty() ? QString() : QStringLiteral(": ") + observed.trimmed());
                    txn.publish(CustodyChanged{id, k.tag, QStringLiteral("checked"), what, made.late()});
                    m_audit.append(txn, {name, QStringLiteral("custody.changed"), custodyRef(id),
                                         made.late() ? QStringLiteral("checked %1 min late: %2").arg((now - k.nextCheckAt) / kMinute).arg(what)
                                                     : QStringLiteral("checked: %1").arg(what),
                                         made.late() ? QStringLiteral("late") : QStringLiteral("success")});
                    service::recordApplied(txn, command, op, QString::number(checkId));
                    return made;
                });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.custody.check"), command,
                                QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("condition"), welfareConditionKey(condition)},
                                            {QStringLiteral("observed"), observed}},
                                QStringList{custodyRecord(id)}, Tr::tr("Welfare check of person %1").arg(id), actor));
}

QFuture<Custody> CustodyService::assessRisk(qint64 id, int version, const CustodyRisk& risk, const QString& reason, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<Custody>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("assess people in custody"),
                                               QStringLiteral("custody.changed"), custodyRef(id)))
        return *refused;
    if (const QString problem = riskProblem(risk); !problem.isEmpty())
        return failNow<Custody>(problem);
    const QString missing = Tr::tr("Say why the risk is assessed again; it goes on record.");
    if (const QString problem = service::reasonProblem(reason, missing); !problem.isEmpty())
        return failNow<Custody>(problem);
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(kModule, actor), [this, id, version, risk, reason, missing, command,
                                                                    name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("case_management.custody.risk");
                if (service::appliedBefore(txn, command, op))
                    return loadCustody(txn, id);
                const QString why = service::requireReason(reason, missing);
                const Custody k = inSuite(txn, id);
                if (k.version != version)
                    throw ConflictError(Tr::tr("Someone changed %1's record meanwhile; look at it again.").arg(k.tag));
                const qint64 now = txn.clock().nowMs();
                // The next check at the new interval from the last one: sooner when the risk rose.
                const qint64 next = lastSeen(txn, k) + checkInterval(txn, risk.level()) * kMinute;
                // On the record first: a shared server changes the risk only in the transaction that records it.
                const QString text = QStringLiteral("%1; %2").arg(riskText(risk), why);
                txn.exec(
                    QStringLiteral("INSERT INTO cm_custody_log (custody_id, kind, at, minutes, note, recorded_by) VALUES (?, 'risk', ?, 0, ?, ?)"),
                    {id, now, text, name});
                QSqlQuery update = txn.exec(
                    QStringLiteral(
                        "UPDATE cm_custody SET risk_intoxicated = ?, risk_injured = ?, risk_medical = ?, risk_self_harm = ?, "
                        "risk_notes = ?, risk_level = ?, next_check_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"),
                    {risk.intoxicated ? 1 : 0, risk.injured ? 1 : 0, risk.medicalNeeds ? 1 : 0, risk.selfHarm ? 1 : 0, risk.notes.trimmed(),
                     riskLevelKey(risk.level()), next, now, id, version});
                service::requireUpdated(update, Tr::tr("Someone changed %1's record meanwhile; look at it again.").arg(k.tag));
                const Custody after = loadCustody(txn, id);
                publishCheck(txn, after);
                txn.publish(CustodyChanged{id, k.tag, QStringLiteral("risk"), riskLevelKey(risk.level()), false});
                m_audit.append(txn, {name, QStringLiteral("custody.changed"), custodyRef(id),
                                     QStringLiteral("risk %1 -> %2: %3").arg(riskLevelKey(k.risk.level()), riskLevelKey(risk.level()), why),
                                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(id));
                return after;
            });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.custody.risk"), command,
                                QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("version"), version},
                                            {QStringLiteral("intoxicated"), risk.intoxicated},
                                            {QStringLiteral("injured"), risk.injured},
                                            {QStringLiteral("medical"), risk.medicalNeeds},
                                            {QStringLiteral("selfHarm"), risk.selfHarm},
                                            {QStringLiteral("riskNotes"), risk.notes},
                                            {QStringLiteral("reason"), reason}},
                                QStringList{custodyRecord(id)}, Tr::tr("Assess the risk of person %1 again").arg(id), actor));
}

QFuture<void> CustodyService::keepApart(qint64 a, qint64 b, const QString& reason, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<void>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("keep people in custody apart"),
                                            QStringLiteral("custody.changed"), custodyRef(a)))
        return *refused;
    if (a == b)
        return failNow<void>(Tr::tr("Name two different people."));
    const QString missing = Tr::tr("Say why they must be kept apart; it goes on record.");
    if (const QString problem = service::reasonProblem(reason, missing); !problem.isEmpty())
        return failNow<void>(problem);
    const qint64 first = std::min(a, b), second = std::max(a, b);
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(kModule, actor), [this, first, second, reason, missing, command,
                                                                    name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("case_management.custody.keep_apart");
                if (service::appliedBefore(txn, command, op))
                    return;
                const QString why = service::requireReason(reason, missing);
                const Custody x = inSuite(txn, first), y = inSuite(txn, second);
                if (txn.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_keep_apart WHERE custody_a = ? AND custody_b = ?"), {first, second})
                        .toLongLong() > 0)
                    throw ValidationError(Tr::tr("%1 and %2 are kept apart already.").arg(x.tag, y.tag));
                txn.exec(QStringLiteral("INSERT INTO cm_keep_apart (custody_a, custody_b, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)"),
                         {first, second, why, name, txn.clock().nowMs()});
                // Sharing a room now: the record says so, and the suite must move one of them.
                const QString note = x.roomId > 0 && x.roomId == y.roomId
                                         ? Tr::tr("%1 and %2 share %3 now: move one of them").arg(x.tag, y.tag, custodyRoomName(x.roomName))
                                         : QStringLiteral("%1 / %2").arg(x.tag, y.tag);
                txn.publish(CustodyChanged{first, x.tag, QStringLiteral("kept_apart"), note, false});
                txn.publish(CustodyChanged{second, y.tag, QStringLiteral("kept_apart"), note, false});
                m_audit.append(txn, {name, QStringLiteral("custody.changed"), custodyRef(first),
                                     QStringLiteral("kept apart from %1: %2").arg(custodyRef(second), why), QStringLiteral("success")});
                service::recordApplied(txn, command, op, QStringLiteral("%1,%2").arg(first).arg(second));
            });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.custody.keep_apart"), command,
                                QJsonObject{{QStringLiteral("a"), first}, {QStringLiteral("b"), second}, {QStringLiteral("reason"), reason}},
                                QStringList{custodyRecord(first), custodyRecord(second)},
                                Tr::tr("Keep persons %1 and %2 apart").arg(first).arg(second), actor));
}

QFuture<Interview> CustodyService::startInterview(qint64 id, int version, qint64 roomId, const QString& officers, const QString& recordingRef,
                                                  const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<Interview>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("interview people in custody"),
                                                 QStringLiteral("custody.changed"), custodyRef(id)))
        return *refused;
    if (officers.simplified().size() < 2 || officers.size() > 300)
        return failNow<Interview>(Tr::tr("Name the officers who interview."));
    if (recordingRef.simplified().size() < 2 || recordingRef.size() > 200)
        return failNow<Interview>(Tr::tr("Give the recording's reference: every interview is recorded."));
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(kModule, actor), [this, id, version, roomId, officers, recordingRef, command,
                                                                    name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("case_management.custody.interview");
                if (auto done = service::appliedBefore(txn, command, op))
                    return loadInterview(txn, done->toLongLong());
                const Custody k = inSuite(txn, id);
                if (k.version != version)
                    throw ConflictError(Tr::tr("Someone changed %1's record meanwhile; look at it again.").arg(k.tag));
                if (txn.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_interviews WHERE custody_id = ? AND ended_at IS NULL"), {id}).toLongLong() > 0)
                    throw ValidationError(Tr::tr("An interview of %1 is running; end it first.").arg(k.tag));
                const RoomRow room = loadRoom(txn, roomId);
                if (room.kind != QLatin1String("interview"))
                    throw ValidationError(Tr::tr("%1 is not an interview room.").arg(custodyRoomName(room.name)));
                if (room.id != k.roomId)
                    takeTo(txn, k, room, QString(), name);
                const qint64 now = txn.clock().nowMs();
                const qint64 interview = txn.insert(
                    QStringLiteral(
                        "INSERT INTO cm_interviews (custody_id, room_id, officers, recording_ref, started_at, started_by) VALUES (?, ?, ?, ?, ?, ?)"),
                    {id, room.id, officers.simplified(), recordingRef.simplified(), now, name});
                // The first interview meets detention's first-interrogation limit.
                const Case c = loadCase(txn, k.caseId);
                for (const CaseLimit& l : runningLimitsFor(txn, id))
                    if (l.rule == QLatin1String("detention.interrogation"))
                        endLimit(txn, c, l, QStringLiteral("met"),
                                 Tr::tr("Interviewed in %1 by %2").arg(custodyRoomName(room.name), officers.simplified()), now, name);
                refreshDue(txn, k.caseId);
                txn.publish(CustodyChanged{id, k.tag, QStringLiteral("interview.started"), room.name, false});
                m_audit.append(
                    txn,
                    {name, QStringLiteral("custody.changed"), custodyRef(id),
                     QStringLiteral("interview started in %1 by %2, recording %3").arg(room.name, officers.simplified(), recordingRef.simplified()),
                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(interview));
                return loadInterview(txn, interview);
            });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.custody.interview"), command,
                                QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("version"), version},
                                            {QStringLiteral("room"), roomId},
                                            {QStringLiteral("officers"), officers},
                                            {QStringLiteral("recording"), recordingRef}},
                                QStringList{custodyRecord(id)}, Tr::tr("Interview person %1").arg(id), actor));
}

QFuture<Interview> CustodyService::endInterview(qint64 interviewId, const QString& note, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("cm_interview:%1").arg(interviewId);
    if (auto refused = service::check<Interview>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("interview people in custody"),
                                                 QStringLiteral("custody.changed"), object))
        return *refused;
    if (note.size() > 2000)
        return failNow<Interview>(Tr::tr("Keep the note under 2,000 characters."));
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(kModule, actor), [this, interviewId, note, command, object,
                                                                    name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("case_management.custody.interview_end");
                if (service::appliedBefore(txn, command, op))
                    return loadInterview(txn, interviewId);
                const Interview i = loadInterview(txn, interviewId);
                if (!i.running())
                    throw ValidationError(Tr::tr("That interview has ended."));
                const Custody k = loadCustody(txn, i.custodyId);
                const qint64 now = txn.clock().nowMs();
                txn.exec(QStringLiteral("UPDATE cm_interviews SET ended_at = ?, ended_by = ?, note = ? WHERE id = ? AND ended_at IS NULL"),
                         {now, name, note.trimmed(), interviewId});
                txn.publish(CustodyChanged{i.custodyId, k.tag, QStringLiteral("interview.ended"), i.roomName, false});
                m_audit.append(txn, {name, QStringLiteral("custody.changed"), custodyRef(i.custodyId),
                                     QStringLiteral("interview ended after %1 min").arg((now - i.startedAt) / kMinute), QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(interviewId));
                return loadInterview(txn, interviewId);
            });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.custody.interview_end"), command,
                                QJsonObject{{QStringLiteral("id"), interviewId}, {QStringLiteral("note"), note}},
                                QStringList{QStringLiteral("case_management/interview:%1").arg(interviewId)},
                                Tr::tr("End interview %1").arg(interviewId), actor));
}

QFuture<void> CustodyService::care(qint64 id, CareKind kind, int minutes, const QString& note, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<void>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("record care in custody"),
                                            QStringLiteral("custody.changed"), custodyRef(id)))
        return *refused;
    if (minutes < 0 || minutes > 24 * 60)
        return failNow<void>(Tr::tr("Give the minutes it lasted (0 to 1,440)."));
    if (kind == CareKind::Rest && minutes == 0)
        return failNow<void>(Tr::tr("Say how long the rest period was."));
    if (note.size() > 1000)
        return failNow<void>(Tr::tr("Keep the note under 1,000 characters."));
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(
                service::writeAs(kModule, actor), [this, id, kind, minutes, note, command, name = actor.name](WriteTransaction& txn) {
                    const QString op = QStringLiteral("case_management.custody.care");
                    if (service::appliedBefore(txn, command, op))
                        return;
                    const Custody k = inSuite(txn, id);
                    const qint64 logId = txn.insert(
                        QStringLiteral("INSERT INTO cm_custody_log (custody_id, kind, at, minutes, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?)"),
                        {id, careKindKey(kind), txn.clock().nowMs(), minutes, note.trimmed(), name});
                    txn.publish(CustodyChanged{id, k.tag, QStringLiteral("care"), careKindKey(kind), false});
                    m_audit.append(txn, {name, QStringLiteral("custody.changed"), custodyRef(id), QStringLiteral("care: %1").arg(careKindKey(kind)),
                                         QStringLiteral("success")});
                    service::recordApplied(txn, command, op, QString::number(logId));
                });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.custody.care"), command,
                                QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("kind"), careKindKey(kind)},
                                            {QStringLiteral("minutes"), minutes},
                                            {QStringLiteral("note"), note}},
                                QStringList{custodyRecord(id)}, Tr::tr("Care for person %1").arg(id), actor));
}

QFuture<Custody> CustodyService::release(qint64 id, int version, ReleaseKind kind, const QString& takenBy, const QString& note,
                                         const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<Custody>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("book people out of custody"),
                                               QStringLiteral("custody.changed"), custodyRef(id)))
        return *refused;
    if (takenBy.simplified().size() < 2 || takenBy.size() > 200)
        return failNow<Custody>(Tr::tr("Say who took the person (the person themself when released)."));
    if (note.size() > 2000)
        return failNow<Custody>(Tr::tr("Keep the note under 2,000 characters."));
    return service::keepWhenAway(
        m_outbox,
        [&] {
            return m_store.write(service::writeAs(kModule, actor), [this, id, version, kind, takenBy, note, command,
                                                                    name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("case_management.custody.release");
                if (service::appliedBefore(txn, command, op))
                    return loadCustody(txn, id);
                const Custody k = inSuite(txn, id);
                if (k.version != version)
                    throw ConflictError(Tr::tr("Someone changed %1's record meanwhile; look at it again.").arg(k.tag));
                if (txn.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_interviews WHERE custody_id = ? AND ended_at IS NULL"), {id}).toLongLong() > 0)
                    throw ValidationError(Tr::tr("An interview of %1 is running; end it first.").arg(k.tag));
                // An escort asked for them leaves with them (its departure books them out), or is cancelled first.
                if (txn.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_escorts WHERE custody_id = ? AND state IN ('requested', 'assigned')"), {id})
                        .toLongLong()
                    > 0)
                    throw ValidationError(Tr::tr("An escort of %1 is requested: record its departure on the escort team's board, or cancel it first.")
                                              .arg(k.tag));
                const QString taker = takenBy.simplified();
                bookOut(txn, k, kind, taker, note.trimmed(), txn.clock().nowMs(), name, true);
                m_audit.append(txn, {name, QStringLiteral("custody.changed"), custodyRef(id),
                                     QStringLiteral("%1, taken by %2").arg(releaseKindKey(kind), taker), QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(id));
                return loadCustody(txn, id);
            });
        },
        service::offlineCommand(kModule, QStringLiteral("case_management.custody.release"), command,
                                QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("version"), version},
                                            {QStringLiteral("kind"), releaseKindKey(kind)},
                                            {QStringLiteral("takenBy"), takenBy},
                                            {QStringLiteral("note"), note}},
                                QStringList{custodyRecord(id)}, Tr::tr("Book person %1 out of custody").arg(id), actor));
}

Custody detail::loadCustodyRecord(Sql& sql, qint64 id)
{
    return loadCustody(sql, id);
}

void detail::bookOut(WriteTransaction& txn, const Custody& k, ReleaseKind kind, const QString& taker, const QString& note, qint64 now,
                     const QString& actor, bool meetTransfer)
{
    const qint64 id = k.id;
    const QVariant exitRoom = txn.scalar(QStringLiteral("SELECT id FROM cm_rooms WHERE kind = 'exit' ORDER BY position, id"));
    QSqlQuery update = txn.exec(QStringLiteral("UPDATE cm_custody SET state = ?, released_at = ?, released_by = ?, release_to = ?, "
                                               "release_note = ?, room_id = ?, stage = 'exit', updated_at = ?, version = version + 1 "
                                               "WHERE id = ? AND version = ?"),
                                {releaseKindKey(kind), now, actor, taker, note, exitRoom, now, id, k.version});
    service::requireUpdated(update, Tr::tr("Someone changed %1's record meanwhile; look at it again.").arg(k.tag));
    txn.exec(QStringLiteral("INSERT INTO cm_custody_moves (custody_id, room_id, stage, at, moved_by, note) VALUES (?, ?, 'exit', ?, ?, ?)"),
             {id, exitRoom, now, actor, taker});
    publishDeadlineCleared(txn, welfareCheckKey(id));
    // The limits of the person's time in the suite end: the summons or questioning is over; the
    // transfer is met by a transfer (by an escort, on its arrival) and has nothing left to run for on release.
    const Case c = loadCase(txn, k.caseId);
    for (const CaseLimit& l : runningLimitsFor(txn, id)) {
        if (l.rule.startsWith(QLatin1String("summons")) || l.rule.startsWith(QLatin1String("questioning")))
            endLimit(txn, c, l, QStringLiteral("met"), Tr::tr("Left the suite, taken by %1").arg(taker), now, actor);
        else if (l.rule == QLatin1String("detention.transfer") && kind == ReleaseKind::Transferred && meetTransfer)
            endLimit(txn, c, l, QStringLiteral("met"), Tr::tr("Transferred to the detention centre, taken by %1").arg(taker), now, actor);
        else if (l.rule == QLatin1String("detention.transfer") && kind == ReleaseKind::Released)
            endLimit(txn, c, l, QStringLiteral("cancelled"), Tr::tr("Released"), now, actor);
    }
    refreshDue(txn, k.caseId);
    txn.publish(CustodyChanged{id, k.tag, QStringLiteral("left"), releaseKindKey(kind), false});
}

QString detail::welfareCheckKey(qint64 custodyId)
{
    return QStringLiteral("case_management.custody.%1.check").arg(custodyId);
}

qint64 detail::checkInterval(Sql& sql, RiskLevel level)
{
    return ruleMinutes(sql, QStringLiteral("welfare.") + riskLevelKey(level));
}

RailBadge custodyRailBadge()
{
    RailBadge badge;
    badge.count = [](Sql& sql, const Principal& viewer) {
        if (!viewer.can(QString::fromLatin1(CustodyService::kViewPermission)))
            return 0;
        return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE state = 'in'")).toInt();
    };
    badge.refreshOn = {QStringLiteral("custody.*")};
    return badge;
}

// ---- sent again from the outbox -----------------------------------------------------------------

void registerCustodyReplayers(Outbox& outbox, Store& store, Session& session, AuditLog& audit)
{
    auto suite = std::make_shared<CustodyService>(store, session, audit, &outbox);
    const QStringList versioned{QStringLiteral("case_management.custody.move"), QStringLiteral("case_management.custody.risk"),
                                QStringLiteral("case_management.custody.interview"), QStringLiteral("case_management.custody.release")};
    service::keepOwnVersions(outbox, versioned, [versioned](const QString& operation, const QJsonObject& a) -> QList<service::VersionTouch> {
        if (versioned.contains(operation))
            return {{custodyRecord(a.value(QStringLiteral("id")).toInteger()), a.value(QStringLiteral("version")).toInteger()}};
        return {};
    });
    const auto id = [](const QJsonObject& a, const char* key = "id") {
        const qint64 value = a.value(QLatin1String(key)).toInteger();
        if (value <= 0)
            throw ValidationError(Tr::tr("The kept command names nobody in custody."));
        return value;
    };
    const auto text = [](const QJsonObject& a, const char* key) { return a.value(QLatin1String(key)).toString(); };
    const auto flag = [](const QJsonObject& a, const char* key) { return a.value(QLatin1String(key)).toBool(); };
    const auto version = [](const QJsonObject& a) { return int(a.value(QStringLiteral("version")).toInteger()); };
    const auto current = [suite](qint64 custody) {
        return [suite, custody] { return suite->custodyOf(custody).then([](const Custody& now) { return now.version; }); };
    };
    const auto riskOf = [text, flag](const QJsonObject& a) {
        return CustodyRisk{flag(a, "intoxicated"), flag(a, "injured"), flag(a, "medical"), flag(a, "selfHarm"), text(a, "riskNotes")};
    };
    outbox.addReplayer(
        QStringLiteral("case_management.custody.check_in"), [suite, id, text, flag, riskOf](const QJsonObject& a, const CommandId& c, bool) {
            const auto basis = custodyBasisFromKey(text(a, "basis"));
            if (!basis)
                throw ValidationError(Tr::tr("The kept command names no valid basis."));
            return service::voidOf(suite->checkIn(NewCustody{id(a, "case"), text(a, "protectedPerson"), text(a, "tag"), text(a, "cause"),
                                                             text(a, "legalBasis"), *basis, flag(a, "serious"), text(a, "officer"), riskOf(a)},
                                                  c));
        });
    outbox.addReplayer(QStringLiteral("case_management.custody.move"), [suite, id, text, version, current](const QJsonObject& a, const CommandId& c,
                                                                                                           bool mine) {
        const qint64 k = id(a);
        return service::sendAtVersion(mine, version(a), current(k), [=](int v) { return suite->moveTo(k, v, id(a, "room"), text(a, "note"), c); });
    });
    outbox.addReplayer(QStringLiteral("case_management.custody.check"), [suite, id, text](const QJsonObject& a, const CommandId& c, bool) {
        const auto condition = welfareConditionFromKey(text(a, "condition"));
        if (!condition)
            throw ValidationError(Tr::tr("The kept check names no valid condition."));
        return service::voidOf(suite->check(id(a), *condition, text(a, "observed"), c));
    });
    outbox.addReplayer(QStringLiteral("case_management.custody.risk"), [suite, id, text, version, current, riskOf](const QJsonObject& a,
                                                                                                                   const CommandId& c, bool mine) {
        const qint64 k = id(a);
        return service::sendAtVersion(mine, version(a), current(k), [=](int v) { return suite->assessRisk(k, v, riskOf(a), text(a, "reason"), c); });
    });
    outbox.addReplayer(QStringLiteral("case_management.custody.keep_apart"), [suite, id, text](const QJsonObject& a, const CommandId& c, bool) {
        return suite->keepApart(id(a, "a"), id(a, "b"), text(a, "reason"), c);
    });
    outbox.addReplayer(QStringLiteral("case_management.custody.interview"),
                       [suite, id, text, version, current](const QJsonObject& a, const CommandId& c, bool mine) {
                           const qint64 k = id(a);
                           return service::sendAtVersion(mine, version(a), current(k), [=](int v) {
                               return suite->startInterview(k, v, id(a, "room"), text(a, "officers"), text(a, "recording"), c);
                           });
                       });
    outbox.addReplayer(QStringLiteral("case_management.custody.interview_end"), [suite, id, text](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(suite->endInterview(id(a), text(a, "note"), c));
    });
    outbox.addReplayer(QStringLiteral("case_management.custody.care"), [suite, id, text](const QJsonObject& a, const CommandId& c, bool) {
        const auto kind = careKindFromKey(text(a, "kind"));
        if (!kind)
            throw ValidationError(Tr::tr("The kept command names no valid kind of care."));
        return suite->care(id(a), *kind, int(a.value(QStringLiteral("minutes")).toInteger()), text(a, "note"), c);
    });
    outbox.addReplayer(QStringLiteral("case_management.custody.release"),
                       [suite, id, text, version, current](const QJsonObject& a, const CommandId& c, bool mine) {
                           const qint64 k = id(a);
                           const auto kind = releaseKindFromKey(text(a, "kind"));
                           if (!kind)
                               throw ValidationError(Tr::tr("The kept command names no valid way of leaving."));
                           return service::sendAtVersion(mine, version(a), current(k),
                                                         [=](int v) { return suite->release(k, v, *kind, text(a, "takenBy"), text(a, "note"), c); });
                       });
}

} // namespace hexhub::cases
