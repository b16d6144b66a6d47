// Case management's share of the demo history: cases opened from the hub's incidents, the people
// in custody with their limits and safety checks (synthetic names and ID numbers), seized property.
#include "base/coretr.h"
#include "caselimits_p.h"
#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/custody.h"
#include "hexhub/case_management/demo.h"
#include "hexhub/hub/demo.h"
#include "module/demodata.h"
#include "module/extensions.h"
#include "shared/deadlines.h"
#include "store/sql.h"

#include <QDateTime>
#include <QSqlQuery>
#include <tuple>
#include <vector>

namespace hexhub::cases {

namespace {

constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;

} // namespace

void writeDemoData(DemoContext& demo)
{
    QRandomGenerator64 random = demo.random(QStringLiteral("cases"));
    const auto bounds = hub::incidentIdRange(demo.txn());
    if (!bounds)
        return;
    const auto [first, last] = *bounds;
    static const char* const kProperty[] = {"Mobile phone, black", "Bicycle, red", "Kitchen knife", "Cash in an envelope",
                                            "Laptop computer",     "Crowbar",      "Scooter",       "Handbag with cards"};
    static const char* const kStores[] = {"Evidence store, Central", "Evidence store, North", "Evidence store, East"};
    static const char* const kApprovalNotes[] = {"Grounds and evidence checked", "File complete; approved", "Approved after review of the file",
                                                 "Lawful and necessary; approved"};
    const QString caseOperator = DemoContext::userOf(QStringLiteral("case_management_operator"));
    const QString commander = DemoContext::userOf(QStringLiteral("hub_supervisor"));
    // A statutory limit of a case: met at `metAt`, else running and on the hub's deadline queue.
    const auto addLimit = [&demo, &caseOperator](qint64 caseId, const QString& number, const QString& rule, qint64 minutes, qint64 started,
                                                 std::optional<qint64> metAt, const QString& endNote, qint64 custody = 0) {
        const qint64 id = demo.insertReturningId(
            QStringLiteral("INSERT INTO cm_case_limits (case_id, rule, custody_id, started_at, due_at, base_minutes, state, ended_at, ended_by, "
                           "end_note, started_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {caseId, rule, custody > 0 ? QVariant(custody) : QVariant(), started, started + minutes * 60'000, minutes,
             metAt ? QStringLiteral("met") : QStringLiteral("running"), metAt ? QVariant(*metAt) : QVariant(), metAt ? caseOperator : QString(),
             metAt ? endNote : QString(), caseOperator});
        if (!metAt) {
            CaseLimit limit;
            limit.rule = rule;
            publishDeadline(demo.txn(), DeadlineSet{detail::limitKey(id), QStringLiteral("%1: %2").arg(number, limit.title()),
                                                    QDateTime::fromMSecsSinceEpoch(started + minutes * 60'000, Qt::UTC),
                                                    QStringLiteral("case_management"), QStringLiteral("case:%1").arg(caseId)});
        }
        return id;
    };
    // The suite's rooms: where those still held are, each room taken up to its capacity, along the route.
    std::vector<std::tuple<qint64, QString, int>> suiteRooms;
    QVariant intakeRoom, exitRoom;
    {
        QSqlQuery rooms = demo.txn().exec(QStringLiteral("SELECT id, kind, capacity FROM cm_rooms ORDER BY position, id"));
        while (rooms.next()) {
            const QString kind = rooms.value(1).toString();
            if (kind == QLatin1String("intake") && intakeRoom.isNull())
                intakeRoom = rooms.value(0);
            if (kind == QLatin1String("exit"))
                exitRoom = rooms.value(0);
            else
                suiteRooms.emplace_back(rooms.value(0).toLongLong(), kind, rooms.value(2).toInt());
        }
    }
    int nextRoom = 0, wristband = 0;
    bool aboutToMiss = false, runningFastTrack = false;
    int heldEscorts = 0;
    const qint64 count = demo.scaled(0.03, 30);
    for (qint64 i = 0; i < count; ++i) {
        const qint64 incident = first + random.bounded(last - first + 1);
        const std::optional<hub::IncidentBrief> brief = hub::incidentBrief(demo.txn(), incident);
        if (!brief)
            continue;
        const QString category = brief->category;
        const QString summary = brief->summary;
        const qint64 created = brief->createdAtMs;
        const bool criminal = category == QLatin1String("burglary") || category == QLatin1String("assault") || random.bounded(5) == 0;
        const qint64 opened = std::min(demo.endMs() - 1000, created + kHour + random.bounded(24 * kHour));
        const qint64 age = demo.endMs() - opened;
        // A minor criminal case with a guilty plea now and then takes the 48-hour fast track; one of
        // the newest at least, so a trainer finds one running on its milestones.
        const bool minor = criminal && category != QLatin1String("assault");
        const bool fastTrack = minor && (random.bounded(4) == 0 || (!runningFastTrack && age < 2 * kDay));
        runningFastTrack = runningFastTrack || (fastTrack && age < 2 * kDay);
        // A fast-track case is tried within its 48 hours: older ones are decided, the newer still on their milestones.
        const QString status = fastTrack         ? (age < 2 * kDay ? QStringLiteral("registered") : QStringLiteral("decided"))
                               : age < 2 * kDay  ? QStringLiteral("registered")
                               : age < 30 * kDay ? (random.bounded(2) ? QStringLiteral("investigating") : QStringLiteral("referred"))
                                                 : (random.bounded(4) ? QStringLiteral("closed") : QStringLiteral("decided"));
        const bool open = status != QLatin1String("closed") && status != QLatin1String("decided");
        // The stage on the case's own path that its phase stands for (cases.h caseStatusOf()).
        const QString stage = criminal                                   ? (status == QLatin1String("decided") ? QStringLiteral("tried") : status)
                              : status == QLatin1String("registered")    ? QStringLiteral("accepted")
                              : status == QLatin1String("investigating") ? QStringLiteral("investigated")
                              : status == QLatin1String("referred")      ? QStringLiteral("decided")
                                                                         : status;
        const qint64 year = QDateTime::fromMSecsSinceEpoch(opened, Qt::UTC).date().year();
        const qint64 caseId = demo.insertReturningId(
            QStringLiteral("INSERT INTO cm_cases (number, title, kind, fast_track, fast_track_at, fast_track_note, status, stage, incident_id, "
                           "opened_at, updated_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {QStringLiteral("C-%1-%2").arg(year).arg(i + 1, 6, 10, QLatin1Char('0')), summary,
             criminal ? QStringLiteral("criminal") : QStringLiteral("administrative"), fastTrack ? 1 : 0, fastTrack ? QVariant(opened) : QVariant(),
             fastTrack ? QStringLiteral("Clear facts; the suspect admits it and accepts the sentence proposed") : QString(), status, stage, incident,
             opened, opened, open && !fastTrack ? QVariant(opened + 30 * kDay) : QVariant()});

        const QString number = QStringLiteral("C-%1-%2").arg(year).arg(i + 1, 6, 10, QLatin1Char('0'));
        // The approvals its stage took, each given by the duty commander and used by the centre's
        // operator an hour later, in the order of the path (a fast-track case's within hours).
        qint64 approvedAt = opened + (fastTrack ? 2 * kHour : kDay);
        const CaseKind kind = criminal ? CaseKind::Criminal : CaseKind::Administrative;
        const QStringList path = caseStages(kind);
        for (qsizetype step = 1; step <= path.indexOf(stage); ++step) {
            const QString& next = path[step];
            if (stageNeedsApproval(kind, next)) {
                approvedAt = std::min(approvedAt + (fastTrack ? 4 * kHour + random.bounded(4 * kHour) : kDay + random.bounded(2 * kDay)),
                                      demo.endMs() - 2 * kHour);
                demo.insert(QStringLiteral("INSERT INTO cm_approvals (case_id, what, note, approved_by, approved_at, used_at, used_by) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                            {caseId, QStringLiteral("stage:") + next, QLatin1String(kApprovalNotes[random.bounded(int(std::size(kApprovalNotes)))]),
                             commander, approvedAt, approvedAt + kHour, caseOperator});
            }
        }
        // The fast track's milestones from its start: met on the way when it was tried, else running (some run out).
        if (fastTrack) {
            const bool tried = stage == QLatin1String("tried");
            const QList<std::tuple<QString, qint64, qint64, const char*>> milestones{
                {QStringLiteral("fasttrack.investigation"), 24 * 60, 20 * kHour, "Referred to the procuratorate"},
                {QStringLiteral("fasttrack.prosecution"), 36 * 60, 30 * kHour, "Prosecuted under the fast-track procedure"},
                {QStringLiteral("fasttrack.trial"), 48 * 60, 44 * kHour, "Tried and sentenced"}};
            for (const auto& [rule, minutes, after, note] : milestones)
                addLimit(caseId, number, rule, minutes, opened, tried ? std::optional<qint64>(opened + after) : std::optional<qint64>(),
                         QLatin1String(note));
            demo.txn().exec(
                QStringLiteral("UPDATE cm_cases SET due_at = (SELECT MIN(due_at) FROM cm_case_limits WHERE case_id = ? AND state = 'running') "
                               "WHERE id = ?"),
                {caseId, caseId});
        }
        // An administrative case's 30 days: running while it is open, met when it was decided.
        if (!criminal)
            addLimit(caseId, number, QStringLiteral("admin.close"), 30 * 24 * 60, opened,
                     open ? std::optional<qint64>() : std::optional<qint64>(std::min(approvedAt, opened + 25 * kDay)), QStringLiteral("Decided"));

        // Someone in custody for some of the criminal cases; released unless the case is new.
        if (criminal && random.bounded(5) == 0) {
            const qint64 started = opened + random.bounded(6 * kHour);
            const bool held = status == QLatin1String("registered") && started < demo.endMs();
            const qint64 limit = started + 24 * kHour;
            const qint64 released = started + 4 * kHour + random.bounded(20 * kHour);
            // The risk seen at the desk sets the check interval: most standard, some drunk, a few at risk of self-harm.
            const int seen = random.bounded(10);
            CustodyRisk risk;
            risk.intoxicated = seen >= 6;
            risk.selfHarm = seen == 9;
            const bool intoxicated = risk.intoxicated, selfHarm = risk.selfHarm;
            const qint64 interval = detail::checkInterval(demo.txn(), risk.level()) * 60'000LL;
            // Checked at the interval until they left, or until the history's end (the next one then
            // due within an interval of it); the first person held was checked last so that their next
            // check is five minutes off: about to be missed.
            const qint64 until = held ? demo.endMs() : released;
            QList<qint64> checks;
            const bool nearlyMissed = held && !aboutToMiss && demo.endMs() + 5 * 60'000LL - interval > started;
            const qint64 lastCheck = demo.endMs() + 5 * 60'000LL - interval;
            for (qint64 at = started + interval; at <= until && (!nearlyMissed || at < lastCheck); at += interval)
                checks << at;
            if (nearlyMissed) {
                aboutToMiss = true;
                checks << lastCheck;
            }
            const qint64 nextCheck = (checks.isEmpty() ? started : checks.last()) + interval;
            // Held: in the suite at a stage of the route, in a room with space; left: by the exit.
            QString stage = QStringLiteral("exit");
            QVariant room = exitRoom;
            if (held) {
                for (int tries = 0; tries < int(suiteRooms.size()); ++tries) {
                    auto& [roomId, roomStage, space] = suiteRooms[(nextRoom + tries) % suiteRooms.size()];
                    if (space > 0) {
                        --space;
                        room = roomId;
                        stage = roomStage;
                        nextRoom = (nextRoom + tries + 1) % int(suiteRooms.size());
                        break;
                    }
                }
            }
            const QString tag = QStringLiteral("W-%1").arg(++wristband, 4, 10, QLatin1Char('0'));
            const qint64 custody = demo.insertReturningId(
                QStringLiteral("INSERT INTO cm_custody (case_id, person_ref, legal_basis, started_at, limit_at, next_check_at, "
                               "released_at, retain_until, tag, cause, basis, officer, risk_intoxicated, risk_self_harm, risk_notes, risk_level, "
                               "room_id, stage, state, checked_in_by, released_by, release_to, updated_at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'detention', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {caseId,
                 QStringLiteral("%1, ID %2").arg(SyntheticIdentity::personName(random)).arg(SyntheticIdentity::idNumber(random)),
                 QStringLiteral("Criminal Procedure Law art. 82"),
                 started,
                 limit,
                 nextCheck,
                 held ? QVariant() : QVariant(released),
                 started + 5 * 365 * kDay,
                 tag,
                 QStringLiteral("Detained on suspicion: %1").arg(summary),
                 QStringLiteral("Officer %1").arg(1000 + random.bounded(9000)),
                 intoxicated ? 1 : 0,
                 selfHarm ? 1 : 0,
                 selfHarm      ? QStringLiteral("Said they would hurt themself")
                 : intoxicated ? QStringLiteral("Smelt of alcohol, unsteady")
                               : QString(),
                 riskLevelKey(risk.level()),
                 room,
                 stage,
                 held ? QStringLiteral("in") : QStringLiteral("transferred"),
                 caseOperator,
                 held ? QString() : caseOperator,
                 held ? QString() : QStringLiteral("Escort team to the detention centre"),
                 held ? started : released});
            demo.insert(QStringLiteral("INSERT INTO cm_custody_moves (custody_id, room_id, stage, at, moved_by) VALUES (?, ?, ?, ?, ?)"),
                        {custody, intakeRoom, QStringLiteral("intake"), started, caseOperator});
            if (stage != QLatin1String("intake"))
                demo.insert(QStringLiteral("INSERT INTO cm_custody_moves (custody_id, room_id, stage, at, moved_by, note) VALUES (?, ?, ?, ?, ?, ?)"),
                            {custody, room, stage, std::min(started + 40 * 60'000LL, held ? demo.endMs() : released), caseOperator,
                             stage == QLatin1String("exit") ? QStringLiteral("Escort team to the detention centre")
                                                            : QStringLiteral("Taken along the route")});
            for (const qint64 at : std::as_const(checks))
                demo.insert(
                    QStringLiteral("INSERT INTO cm_welfare_checks (custody_id, due_at, done_at, recorded_at, done_by, condition, observed, room_id) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                    {custody, at, at, at, caseOperator, intoxicated ? QStringLiteral("asleep_roused") : QStringLiteral("well"),
                     intoxicated ? QStringLiteral("Roused, answered") : QString(), held ? room : QVariant(intakeRoom)});
            // Someone in an interview room is being interviewed, recorded.
            if (stage == QLatin1String("interview"))
                demo.insert(QStringLiteral("INSERT INTO cm_interviews (custody_id, room_id, officers, recording_ref, started_at, started_by) "
                                           "VALUES (?, ?, ?, ?, ?, ?)"),
                            {custody, room, QStringLiteral("Officers %1 and %2").arg(1000 + random.bounded(9000)).arg(1000 + random.bounded(9000)),
                             QStringLiteral("REC-%1").arg(custody, 5, 10, QLatin1Char('0')), std::max(started, demo.endMs() - 30 * 60'000LL),
                             caseOperator});
            if (held)
                publishDeadline(demo.txn(), DeadlineSet{detail::welfareCheckKey(custody), QStringLiteral("Welfare check: %1").arg(tag),
                                                        QDateTime::fromMSecsSinceEpoch(nextCheck, Qt::UTC), QStringLiteral("case_management"),
                                                        QStringLiteral("custody:%1").arg(custody)});
            // Detention's clocks: the interrogation and the family's notice within hours, the
            // transfer when the person left the suite; the arrest request met once the case moved on.
            const auto metBy = [&](qint64 at) { return at < demo.endMs() ? std::optional<qint64>(at) : std::optional<qint64>(); };
            addLimit(caseId, number, QStringLiteral("detention.interrogation"), 24 * 60, started, metBy(started + kHour + random.bounded(3 * kHour)),
                     QStringLiteral("Interrogated in room 2"), custody);
            addLimit(caseId, number, QStringLiteral("detention.family"), 24 * 60, started, metBy(started + 2 * kHour + random.bounded(8 * kHour)),
                     QStringLiteral("Family told by phone"), custody);
            const qint64 transfer = addLimit(caseId, number, QStringLiteral("detention.transfer"), 24 * 60, started,
                                             held ? std::optional<qint64>() : metBy(released + 40 * 60'000LL),
                                             QStringLiteral("Delivered to the detention centre by the escort team"), custody);
            // The escort team: who left was taken to the detention centre by a crew and delivered; of
            // those still held, the first has an escort requested, the second one with a crew assigned.
            static const char* const kCrews[] = {"E-1", "E-2", "E-3"};
            const auto crewId = [&demo](const char* callSign) {
                return demo.txn().scalar(QStringLiteral("SELECT id FROM cm_escort_crews WHERE call_sign = ?"), {QLatin1String(callSign)});
            };
            if (!held && released + 40 * 60'000LL < demo.endMs()) {
                const char* crew = kCrews[random.bounded(3)];
                demo.insert(QStringLiteral("INSERT INTO cm_escorts (custody_id, case_id, destination_kind, destination, reason, deadline_at, limit_id, "
                                           "crew_id, vehicle, state, requested_at, requested_by, assigned_at, assigned_by, departed_at, departed_by, "
                                           "arrived_at, arrived_by, received_by) VALUES (?, ?, 'detention_centre', 'City Detention Centre No. 1', "
                                           "'Detained', ?, ?, ?, (SELECT vehicle FROM cm_escort_crews WHERE call_sign = ?), 'arrived', ?, ?, ?, ?, ?, ?, "
                                           "?, ?, 'Duty officer, City Detention Centre')"),
                            {custody, caseId, limit, transfer, crewId(crew), QLatin1String(crew), released - 2 * kHour, caseOperator,
                             released - kHour, caseOperator, released, caseOperator, released + 40 * 60'000LL, caseOperator});
            } else if (heldEscorts < 2) {
                const bool assigned = heldEscorts == 1;
                const qint64 asked = std::max(started, demo.endMs() - 2 * kHour);
                demo.insert(QStringLiteral("INSERT INTO cm_escorts (custody_id, case_id, destination_kind, destination, reason, deadline_at, limit_id, "
                                           "crew_id, vehicle, state, requested_at, requested_by, assigned_at, assigned_by) VALUES (?, ?, "
                                           "'detention_centre', 'City Detention Centre No. 1', 'Detained', ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                            {custody, caseId, limit, transfer, assigned ? crewId("E-2") : QVariant(), assigned ? QStringLiteral("Van 32") : QString(),
                             assigned ? QStringLiteral("assigned") : QStringLiteral("requested"), asked, caseOperator,
                             assigned ? QVariant(std::min(asked + 30 * 60'000LL, demo.endMs())) : QVariant(), assigned ? caseOperator : QString()});
                ++heldEscorts;
            }
            addLimit(caseId, number, QStringLiteral("arrest.request"), 3 * 24 * 60, started,
                     status == QLatin1String("registered") ? std::optional<qint64>() : metBy(started + 2 * kDay),
                     QStringLiteral("Arrest requested of the procuratorate"), custody);
        }
        // Seized property.
        if (random.bounded(10) < 3) {
            const int items = 1 + random.bounded(3);
            for (int k = 0; k < items; ++k) {
                const bool appraised = random.bounded(2) == 0;
                static const QString kDisposition[] = {QStringLiteral("held"), QStringLiteral("returned"), QStringLiteral("confiscated"),
                                                       QStringLiteral("destroyed")};
                demo.insert(QStringLiteral("INSERT INTO cm_property (case_id, description, seized_at, location, appraised_value_cents, "
                                           "appraised_at, disposition) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                            {caseId, QLatin1String(kProperty[random.bounded(int(std::size(kProperty)))]), opened,
                             QStringLiteral("%1, shelf %2-%3")
                                 .arg(QLatin1String(kStores[random.bounded(3)]))
                                 .arg(QChar(u'A' + random.bounded(6)))
                                 .arg(1 + random.bounded(40)),
                             appraised ? QVariant(qint64(500 + random.bounded(500000))) : QVariant(),
                             appraised ? QVariant(opened + 3 * kDay) : QVariant(), open ? kDisposition[0] : kDisposition[random.bounded(4)]});
            }
        }
    }
}

SimulationShare simulationShare()
{
    SimulationShare share;
    share.followUps = {
        {QStringLiteral("assault"), 0.6, [](const QString& address) { return Tr::tr("Open a case for the assault at %1").arg(address); }},
    };
    return share;
}

} // namespace hexhub::cases
