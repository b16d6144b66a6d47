// Cases on a shared server, tried as hostile desks would (issue 22 section 1): the case desk's login
// may not approve for itself, nor move a case to a stage that needs approval, nor stretch a limit,
// straight in SQL; the hub's login approves in its own name and moves nothing; an approval is used
// once, by another login, in the move's own transaction; a case desk's commands kept while the
// server is away and sent after. The custody suite's route, rooms, check interval and record of
// what was done, held by the server against the desk's own login. PostgreSQL only (a prepared server).
#include "preparedserver.h"

#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/custody.h"
#include "hexhub/case_management/escorts.h"
#include "base/clock.h"

#include "store/outbox.h"

#include <QDateTime>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::prepared;
using namespace hexhub::cases;

TEST_CASE("Cases on a shared server: an approval is the approver's to give and someone else's to use, once, in the move's own "
          "transaction, and a limit is stretched only so",
          "[postgresql][case_management][security]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    qint64 caseId = 0, arrestId = 0;
    {
        SignedInDesk desk(server, server.cases);
        CaseService cases(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        Case c = await(cases.open({CaseKind::Criminal, QStringLiteral("Bag snatch on Market St"), QString()}));
        caseId = c.id;
        c = await(cases.move(c.id, c.version, QStringLiteral("investigating"), QString()));
        for (const CaseLimit& l : await(cases.start(c.id, CaseEvent::Detained, false, 0, QStringLiteral("Suspect A"))))
            if (l.rule == QStringLiteral("arrest.request"))
                arrestId = l.id;
        REQUIRE(arrestId > 0);
        // The service refuses the move without an approval before the server is asked.
        CHECK(failureOf(cases.move(c.id, c.version, QStringLiteral("measures"), QString())).contains(QStringLiteral("needs an approval")));
    }
    CHECK(owner.scalar(QStringLiteral("SELECT opened_by FROM cm_cases WHERE id = %1").arg(caseId)).toString() == server.cases);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM cm_case_limits WHERE case_id = %1 AND started_by = '%2'").arg(caseId).arg(server.cases))
              .toInt() == 4);

    // Straight in SQL, the case desk's login: no approval of its own, no stage that needs one, no
    // case born at a later stage, no limit stretched or born extended.
    Login cases(server.urlOf(server.cases));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("INSERT INTO cm_approvals (case_id, what, note, approved_by, approved_at) "
                                                         "VALUES (%1, 'stage:measures', 'Fine by me', 'chief', 0)").arg(caseId))));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_cases SET stage = 'measures' WHERE id = %1").arg(caseId)).contains(QStringLiteral("needs an approval")));
    CHECK(!cases.refusal(QStringLiteral("INSERT INTO cm_cases (number, title, kind, stage, status, opened_at) "
                                        "VALUES ('C-X', 'Made up', 'criminal', 'closed', 'closed', 0)")).isEmpty());
    CHECK(!cases.refusal(QStringLiteral("UPDATE cm_cases SET kind = 'administrative' WHERE id = %1").arg(caseId)).isEmpty());
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_case_limits SET due_at = due_at + 86400000 WHERE id = %1").arg(arrestId))
              .contains(QStringLiteral("approval")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_case_limits SET due_at = due_at + 86400000, extended_minutes = 1440 WHERE id = %1").arg(arrestId))
              .contains(QStringLiteral("approval")));
    CHECK(!cases.refusal(QStringLiteral("INSERT INTO cm_case_limits (case_id, rule, started_at, due_at, base_minutes) "
                                        "VALUES (%1, 'arrest.request', 0, 999999999999, 4320)").arg(caseId)).isEmpty());
    CHECK(!cases.refusal(QStringLiteral("UPDATE cm_case_limits SET started_at = started_at + 86400000 WHERE id = %1").arg(arrestId)).isEmpty());

    // The hub's login approves through the service, in its own name whatever its desk sends; it moves nothing.
    {
        SignedInDesk desk(server, server.hub);
        CaseService hub(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        await(hub.approve(caseId, QStringLiteral("stage:measures"), QStringLiteral("Suspect identified on camera")));
        await(hub.approve(caseId, QStringLiteral("extend:%1").arg(arrestId), QStringLiteral("Two witnesses still to be heard")));
    }
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM cm_approvals WHERE case_id = %1 AND approved_by = '%2'").arg(caseId).arg(server.hub))
              .toInt() == 2);
    CHECK(owner.scalar(QStringLiteral("SELECT source || '/' || actor FROM events WHERE topic = 'case.approved' ORDER BY seq LIMIT 1")).toString()
          == QStringLiteral("hub/") + server.hub);
    Login hub(server.urlOf(server.hub));
    CHECK(deniedOrForbidden(hub.refusal(QStringLiteral("UPDATE cm_cases SET stage = 'measures' WHERE id = %1").arg(caseId))));
    // Its own approvals it gives straight in SQL too...
    CHECK(hub.refusal(QStringLiteral("INSERT INTO cm_approvals (case_id, what, note, approved_by, approved_at) "
                                     "VALUES (%1, 'stage:referred', 'Signed for the chief', 'chief', 0)").arg(caseId)) == QString());
    CHECK(owner.scalar(QStringLiteral("SELECT approved_by FROM cm_approvals WHERE what = 'stage:referred'")).toString() == server.hub); // ...as itself
    // An approval's words are never changed; one for a stage does not carry another.
    CHECK(!cases.refusal(QStringLiteral("UPDATE cm_approvals SET note = 'Anything goes', used_at = 1 WHERE case_id = %1 AND what = 'stage:measures'")
                             .arg(caseId)).isEmpty());
    // Used in one transaction for another stage, it carries nothing: the move is refused, and with it the use.
    REQUIRE(cases.refusal(QStringLiteral("BEGIN")) == QString());
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_approvals SET used_at = 1 WHERE case_id = %1 AND what = 'stage:measures'").arg(caseId)) == QString());
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_cases SET stage = 'closed', status = 'closed' WHERE id = %1").arg(caseId))
              .contains(QStringLiteral("needs an approval")));
    CHECK(cases.refusal(QStringLiteral("ROLLBACK")) == QString());
    CHECK(owner.scalar(QStringLiteral("SELECT used_at IS NULL FROM cm_approvals WHERE case_id = %1 AND what = 'stage:measures'").arg(caseId)).toBool());

    // The case desk's service uses each approval in the transaction that moves or extends.
    {
        SignedInDesk desk(server, server.cases);
        CaseService service(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        Case c = await(service.caseOf(caseId));
        c = await(service.move(caseId, c.version, QStringLiteral("measures"), QStringLiteral("Detention approved")));
        CHECK(c.stage == QStringLiteral("measures"));
        CaseLimit arrest;
        for (const CaseLimit& l : await(service.limits(caseId)))
            if (l.id == arrestId)
                arrest = l;
        const CaseLimit extended = await(service.extend(arrestId, arrest.version, 2 * 24 * 60, ExtensionGround::Ordinary,
                                                        QStringLiteral("Witnesses still to be heard")));
        CHECK(extended.dueAt == arrest.dueAt + 2 * 86'400'000LL);
    }
    CHECK(owner.scalar(QStringLiteral("SELECT used_by FROM cm_approvals WHERE case_id = %1 AND what = 'stage:measures'").arg(caseId)).toString()
          == server.cases);
    CHECK(owner.scalar(QStringLiteral("SELECT used_txid IS NOT NULL FROM cm_approvals WHERE case_id = %1 AND what = 'stage:measures'").arg(caseId))
              .toBool());
    // Used once: not set free again, nor used again.
    CHECK(!cases.refusal(QStringLiteral("UPDATE cm_approvals SET used_at = NULL WHERE case_id = %1 AND what = 'stage:measures'").arg(caseId)).isEmpty());
    CHECK(!cases.refusal(QStringLiteral("UPDATE cm_approvals SET used_at = 2 WHERE case_id = %1 AND what = 'stage:measures'").arg(caseId)).isEmpty());
    // Another centre's login sees none of the case's rows, and changes none.
    Login intel(server.urlOf(server.intel));
    CHECK(!intel.refusal(QStringLiteral("INSERT INTO cm_approvals (case_id, what, note, approved_by, approved_at) "
                                        "VALUES (%1, 'stage:referred', 'From intelligence', 'x', 0)").arg(caseId)).isEmpty());
    CHECK(deniedOrForbidden(intel.refusal(QStringLiteral("UPDATE cm_case_limits SET state = 'met' WHERE id = %1").arg(arrestId))));
    CHECK(deniedOrForbidden(intel.refusal(QStringLiteral("UPDATE cm_cases SET stage = 'measures' WHERE id = %1").arg(caseId))));
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM cm_approvals WHERE note = 'From intelligence'")).toInt() == 0);
    for (const QString& table : {QStringLiteral("cm_cases"), QStringLiteral("cm_case_limits"), QStringLiteral("cm_approvals")}) {
        const QString refusal = intel.refusal(QStringLiteral("SELECT id FROM %1").arg(table));
        INFO(table.toStdString());
        CHECK((deniedOrForbidden(refusal) || intel.column(QStringLiteral("SELECT count(*) FROM %1").arg(table)) == QStringList{QStringLiteral("0")}));
    }
}

TEST_CASE("The fast track on a shared server: taken by a criminal case before its referral and kept once taken, whatever a desk sends",
          "[postgresql][case_management][security][fast_track]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    qint64 fastId = 0, adminId = 0, referredId = 0;
    {
        SignedInDesk desk(server, server.cases);
        CaseService cases(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        const FastTrackGrounds grounds{true, true, QStringLiteral("Caught in the act; full confession")};
        const Case fast = await(cases.open({CaseKind::Criminal, QStringLiteral("Scooter theft"), QString(), 0, true, grounds}));
        fastId = fast.id;
        adminId = await(cases.open({CaseKind::Administrative, QStringLiteral("Noise at a bar"), QString()})).id;
        referredId = await(cases.open({CaseKind::Criminal, QStringLiteral("Bag snatch"), QString()})).id;
    }
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM cm_case_limits WHERE case_id = %1 AND rule LIKE 'fasttrack.%' AND state = 'running'")
                           .arg(fastId))
              .toInt() == 3);
    owner.exec(QStringLiteral("UPDATE cm_cases SET stage = 'referred', status = 'referred' WHERE id = %1").arg(referredId));
    Login cases(server.urlOf(server.cases));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_cases SET fast_track = 0 WHERE id = %1").arg(fastId)).contains(QStringLiteral("stays on the fast track")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_cases SET fast_track_at = fast_track_at + 86400000 WHERE id = %1").arg(fastId))
              .contains(QStringLiteral("stays on the fast track")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_cases SET fast_track = 1 WHERE id = %1").arg(adminId)).contains(QStringLiteral("criminal cases")));
    CHECK(cases.refusal(QStringLiteral("INSERT INTO cm_cases (number, title, kind, stage, status, opened_at, fast_track) "
                                       "VALUES ('C-Y', 'Made up', 'administrative', 'accepted', 'registered', 0, 1)"))
              .contains(QStringLiteral("criminal cases")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_cases SET fast_track = 1, fast_track_at = opened_at, fast_track_note = 'Confessed at once' "
                                       "WHERE id = %1").arg(referredId))
              .contains(QStringLiteral("before it is referred")));
    // Not opened straight onto it in SQL, nor put on it without when and why, nor given a time while off it.
    CHECK(cases.refusal(QStringLiteral("INSERT INTO cm_cases (number, title, kind, stage, status, opened_at, fast_track, fast_track_at, fast_track_note) "
                                       "VALUES ('C-Z', 'Made up', 'criminal', 'registered', 'registered', 0, 1, 0, 'Said so')"))
              .contains(QStringLiteral("opened, then put on")));
    {
        SignedInDesk desk(server, server.cases);
        CaseService service(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        const qint64 id = await(service.open({CaseKind::Criminal, QStringLiteral("Pickpocketing on the metro"), QString()})).id;
        CHECK(cases.refusal(QStringLiteral("UPDATE cm_cases SET fast_track = 1 WHERE id = %1").arg(id)).contains(QStringLiteral("when and on what grounds")));
        CHECK(cases.refusal(QStringLiteral("UPDATE cm_cases SET fast_track_at = opened_at WHERE id = %1").arg(id))
                  .contains(QStringLiteral("no fast-track time")));
    }
    // Its milestones run as any limit: not stretched without an approval.
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_case_limits SET due_at = due_at + 86400000 WHERE case_id = %1 AND rule = 'fasttrack.trial'").arg(fastId))
              .contains(QStringLiteral("approval")));
    CHECK(owner.scalar(QStringLiteral("SELECT fast_track FROM cm_cases WHERE id = %1").arg(fastId)).toInt() == 1);
    CHECK(owner.scalar(QStringLiteral("SELECT fast_track FROM cm_cases WHERE id = %1").arg(adminId)).toInt() == 0);
}

TEST_CASE("A case desk's commands made while the server is away are kept and sent when it is back, in order, once, under its own login",
          "[postgresql][case_management][outbox]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    TcpRelay relay(server.ownerUrl.host, quint16(server.ownerUrl.port));
    // The desk reaches the server through a cable that can be pulled; its modules register how the
    // centre's kept commands are sent again.
    RelayedDesk desk(server, relay, server.cases);
    Outbox& outbox = desk->outbox();
    CaseService cases(desk->store(), desk->session(), desk->audit(), &outbox);
    const Case c = await(cases.open({CaseKind::Criminal, QStringLiteral("Phone snatched at the bus stop"), QString()}));
    const QList<CaseLimit> summoned = await(cases.start(c.id, CaseEvent::Summoned, false, 0, QStringLiteral("Witness B")));
    REQUIRE(summoned.size() == 1);

    // The cable is pulled: the case moved, the summons met and the suspect detained, all kept.
    relay.cut();
    CHECK(queuedWhenDone(cases.move(c.id, c.version, QStringLiteral("investigating"), QString())).startsWith(QStringLiteral("Move case")));
    CHECK(queuedWhenDone(cases.meet(summoned[0].id, summoned[0].version, QStringLiteral("Witness heard and released")))
              .startsWith(QStringLiteral("Limit")));
    const CommandId detain = CommandId::make();
    CHECK(queuedWhenDone(cases.start(c.id, CaseEvent::Detained, false, 0, QStringLiteral("Suspect A"), detain)).startsWith(QStringLiteral("Start")));
    CHECK(queuedWhenDone(cases.start(c.id, CaseEvent::Detained, false, 0, QStringLiteral("Suspect A"), detain)).startsWith(QStringLiteral("Start")));
    // Bad input is refused at once, not kept.
    CHECK(queuedWhenDone(cases.move(c.id, c.version, QStringLiteral("closed"), QStringLiteral(" "))).startsWith(QStringLiteral("not kept: ")));
    CHECK(outbox.waiting() == 3);
    CHECK(owner.scalar(QStringLiteral("SELECT stage FROM cm_cases WHERE id = %1").arg(c.id)).toString() == QStringLiteral("registered"));

    // Back: they go by themselves, in order, once, under the desk's login.
    relay.restore();
    REQUIRE(waitUntil([&] { return outbox.waiting() == 0; }, 60000));
    CHECK(owner.scalar(QStringLiteral("SELECT stage FROM cm_cases WHERE id = %1").arg(c.id)).toString() == QStringLiteral("investigating"));
    CHECK(owner.scalar(QStringLiteral("SELECT state || ' ' || ended_by FROM cm_case_limits WHERE id = %1").arg(summoned[0].id)).toString()
          == QStringLiteral("met ") + server.cases);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM cm_case_limits WHERE case_id = %1 AND rule LIKE 'detention.%' AND started_by = '%2'")
                           .arg(c.id)
                           .arg(server.cases))
              .toInt() == 3);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM applied_commands WHERE operation LIKE 'case_management.%'")).toInt() == 5);
}

namespace {

NewCustody detainedOnServer(qint64 caseId, const QString& tag)
{
    return NewCustody{caseId, QStringLiteral("Wang Fang, ID 110101198808082222"), tag, QStringLiteral("Suspected of the bag snatch"),
                      QStringLiteral("Criminal Procedure Law art. 82"), CustodyBasis::Detention, false, QStringLiteral("Sgt. Li Na"), {}};
}

qint64 roomOnServer(RawPg& owner, const QString& name)
{
    return owner.scalar(QStringLiteral("SELECT id FROM cm_rooms WHERE name = '%1'").arg(name)).toLongLong();
}

} // namespace

TEST_CASE("The custody suite on a shared server: the route, the rooms, the check interval and the record of what was done hold against a "
          "desk's own login",
          "[postgresql][case_management][custody][security]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    qint64 a = 0, b = 0;
    {
        SignedInDesk desk(server, server.cases);
        CaseService cases(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        CustodyService suite(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        const Case c = await(cases.open({CaseKind::Criminal, QStringLiteral("Bag snatch on Market St"), QString()}));
        Custody x = await(suite.checkIn(detainedOnServer(c.id, QStringLiteral("W-1"))));
        for (const QString& room : {QStringLiteral("Search room"), QStringLiteral("Property desk"), QStringLiteral("Biometrics room"),
                                    QStringLiteral("Medical room"), QStringLiteral("Holding room 1")})
            x = await(suite.moveTo(x.id, x.version, roomOnServer(owner, room), QString()));
        Custody y = await(suite.checkIn(detainedOnServer(c.id, QStringLiteral("W-2"))));
        y = await(suite.moveTo(y.id, y.version, roomOnServer(owner, QStringLiteral("Medical room")), QStringLiteral("Searched at arrest")));
        await(suite.keepApart(x.id, y.id, QStringLiteral("Co-accused: must not confer")));
        await(suite.check(x.id, WelfareCondition::Well, QString()));
        // The service refuses what the server would, before asking it.
        CHECK(failureOf(suite.moveTo(y.id, y.version, roomOnServer(owner, QStringLiteral("Holding room 1")), QString())).contains(QStringLiteral("full")));
        a = x.id;
        b = y.id;
    }
    // Who did each step is the login that did.
    CHECK(owner.scalar(QStringLiteral("SELECT checked_in_by FROM cm_custody WHERE id = %1").arg(a)).toString() == server.cases);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM cm_custody_moves WHERE moved_by <> '%1'").arg(server.cases)).toInt() == 0);
    CHECK(owner.scalar(QStringLiteral("SELECT done_by FROM cm_welfare_checks WHERE custody_id = %1").arg(a)).toString() == server.cases);
    CHECK(owner.scalar(QStringLiteral("SELECT recorded_at >= done_at FROM cm_welfare_checks WHERE custody_id = %1").arg(a)).toBool());

    Login cases(server.urlOf(server.cases));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT person_ref FROM cm_custody"))));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_custody SET tag = 'W-9' WHERE id = %1").arg(a)).contains(QStringLiteral("keeps who")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_custody SET started_at = started_at + 3600000 WHERE id = %1").arg(a)).contains(QStringLiteral("keeps who")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_custody SET stage = 'intake', room_id = %1 WHERE id = %2")
                            .arg(roomOnServer(owner, QStringLiteral("Intake desk")))
                            .arg(a))
              .contains(QStringLiteral("one way")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_custody SET next_check_at = next_check_at + 86400000 WHERE id = %1").arg(a))
              .contains(QStringLiteral("checked at least every 60 minutes")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_custody SET risk_self_harm = 1 WHERE id = %1").arg(a)).contains(QStringLiteral("risk level")));
    // The risk is assessed again only with its reason on the custody record, in the same transaction
    // (the line's transaction is the server's, whatever the desk writes).
    const QString lowerCheck = QStringLiteral("UPDATE cm_custody SET risk_intoxicated = 1, risk_level = 'elevated', "
                                              "next_check_at = next_check_at - 1800000 WHERE id = %1").arg(a);
    CHECK(cases.refusal(lowerCheck).contains(QStringLiteral("only with its reason")));
    REQUIRE(cases.refusal(QStringLiteral("BEGIN")) == QString());
    CHECK(cases.refusal(QStringLiteral("INSERT INTO cm_custody_log (custody_id, kind, at, note, txid) VALUES (%1, 'risk', 0, 'Smelt of alcohol after all', 1)")
                            .arg(a)) == QString());
    CHECK(cases.refusal(lowerCheck) == QString());
    CHECK(cases.refusal(QStringLiteral("ROLLBACK")) == QString());
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_custody SET stage = 'holding', room_id = %1 WHERE id = %2")
                            .arg(roomOnServer(owner, QStringLiteral("Holding room 1")))
                            .arg(b))
              .contains(QStringLiteral("is full")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_custody SET stage = 'holding', room_id = %1 WHERE id = %2")
                            .arg(roomOnServer(owner, QStringLiteral("Holding room 5")))
                            .arg(b)) == QString());
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_custody SET room_id = %1 WHERE id = %2").arg(roomOnServer(owner, QStringLiteral("Holding room 5"))).arg(a))
              .contains(QStringLiteral("kept apart")));
    CHECK(!cases.refusal(QStringLiteral("INSERT INTO cm_custody (case_id, person_ref, legal_basis, started_at, limit_at, next_check_at, retain_until, "
                                        "tag, stage, state) SELECT case_id, 'X', 'Y', 0, 0, 0, 0, 'W-7', 'holding', 'in' FROM cm_custody WHERE id = %1")
                             .arg(a))
               .isEmpty());
    // The record of what was done is written once.
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("UPDATE cm_custody_moves SET note = 'nothing happened'"))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("DELETE FROM cm_welfare_checks"))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("UPDATE cm_welfare_checks SET done_at = due_at"))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("DELETE FROM cm_keep_apart"))));
    // A check answers the one that was due, and is not dated after it was written.
    CHECK(cases.refusal(QStringLiteral("INSERT INTO cm_welfare_checks (custody_id, due_at, done_at, condition) VALUES (%1, 1, 1, 'well')").arg(a))
              .contains(QStringLiteral("was due")));
    CHECK(cases.refusal(QStringLiteral("INSERT INTO cm_welfare_checks (custody_id, due_at, done_at, condition) "
                                       "SELECT id, next_check_at, 9999999999999, 'well' FROM cm_custody WHERE id = %1").arg(a))
              .contains(QStringLiteral("dated")));
    // Booked out as itself, whatever it says; then the record is closed.
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_custody SET state = 'released', released_at = 1, stage = 'exit', room_id = %1, released_by = 'chief' "
                                       "WHERE id = %2").arg(roomOnServer(owner, QStringLiteral("Exit"))).arg(b)) == QString());
    CHECK(owner.scalar(QStringLiteral("SELECT released_by FROM cm_custody WHERE id = %1").arg(b)).toString() == server.cases);
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_custody SET state = 'in', released_at = NULL, stage = 'holding' WHERE id = %1").arg(b))
              .contains(QStringLiteral("closed")));

    // The hub's login reads the suite and writes nothing in it; another centre's sees none of it.
    Login hub(server.urlOf(server.hub));
    CHECK(hub.column(QStringLiteral("SELECT tag FROM cm_custody WHERE id = %1").arg(a)) == QStringList{QStringLiteral("W-1")});
    CHECK(deniedOrForbidden(hub.refusal(QStringLiteral("INSERT INTO cm_welfare_checks (custody_id, due_at, done_at, condition) "
                                                       "SELECT id, next_check_at, 0, 'well' FROM cm_custody WHERE id = %1").arg(a))));
    Login intel(server.urlOf(server.intel));
    for (const QString& table : {QStringLiteral("cm_custody"), QStringLiteral("cm_rooms"), QStringLiteral("cm_custody_moves"),
                                 QStringLiteral("cm_welfare_checks"), QStringLiteral("cm_keep_apart"), QStringLiteral("cm_interviews"),
                                 QStringLiteral("cm_custody_log")}) {
        const QString refusal = intel.refusal(QStringLiteral("SELECT id FROM %1").arg(table));
        INFO(table.toStdString());
        CHECK((deniedOrForbidden(refusal) || intel.column(QStringLiteral("SELECT count(*) FROM %1").arg(table)) == QStringList{QStringLiteral("0")}));
    }
}

TEST_CASE("The custody suite's commands made while the server is away are kept and sent when it is back", "[postgresql][case_management][custody][outbox]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    TcpRelay relay(server.ownerUrl.host, quint16(server.ownerUrl.port));
    RelayedDesk desk(server, relay, server.cases);
    Outbox& outbox = desk->outbox();
    CaseService cases(desk->store(), desk->session(), desk->audit(), &outbox);
    CustodyService suite(desk->store(), desk->session(), desk->audit(), &outbox);
    const Case c = await(cases.open({CaseKind::Criminal, QStringLiteral("Shoplifting at the mall"), QString()}));
    const Custody k = await(suite.checkIn(detainedOnServer(c.id, QStringLiteral("W-5"))));

    // The cable is pulled: a check, a move after it and a meal, all kept, in order.
    relay.cut();
    CHECK(queuedWhenDone(suite.check(k.id, WelfareCondition::Well, QStringLiteral("Sitting quietly"))).startsWith(QStringLiteral("Welfare check")));
    CHECK(queuedWhenDone(suite.moveTo(k.id, k.version, roomOnServer(owner, QStringLiteral("Search room")), QString())).startsWith(QStringLiteral("Move")));
    CHECK(queuedWhenDone(suite.care(k.id, CareKind::Drink, 0, QStringLiteral("Water"))).startsWith(QStringLiteral("Care")));
    // Bad input is refused at once, not kept.
    CHECK(queuedWhenDone(suite.check(k.id, WelfareCondition::Concern, QString())).startsWith(QStringLiteral("not kept: ")));
    CHECK(outbox.waiting() == 3);

    relay.restore();
    REQUIRE(waitUntil([&] { return outbox.waiting() == 0; }, 60000));
    CHECK(owner.scalar(QStringLiteral("SELECT stage || ' ' || checked_in_by FROM cm_custody WHERE id = %1").arg(k.id)).toString()
          == QStringLiteral("search ") + server.cases);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM cm_welfare_checks WHERE custody_id = %1 AND done_by = '%2'").arg(k.id).arg(server.cases))
              .toInt() == 1);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM cm_custody_log WHERE custody_id = %1 AND kind = 'drink'").arg(k.id)).toInt() == 1);
}

TEST_CASE("The escort team on a shared server: an escort goes forward only, keeps its person, place and deadline, leaves with a crew, each step "
          "stamped with the login that took it",
          "[postgresql][case_management][escort][security]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    qint64 escortId = 0, courtId = 0;
    {
        SignedInDesk desk(server, server.cases);
        CaseService cases(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        CustodyService suite(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        EscortService escorts(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        const Case c = await(cases.open({CaseKind::Criminal, QStringLiteral("Bag snatch on Market St"), QString()}));
        const Custody a = await(suite.checkIn(detainedOnServer(c.id, QStringLiteral("W-1"))));
        const Custody b = await(suite.checkIn(detainedOnServer(c.id, QStringLiteral("W-2"))));
        Escort e = await(escorts.request({a.id, EscortDestination::DetentionCentre, QStringLiteral("City Detention Centre"), QString(), 0}));
        escortId = e.id;
        qint64 crew = 0;
        for (const EscortCrew& w : await(escorts.crews()))
            if (w.callSign == QStringLiteral("E-2"))
                crew = w.id;
        e = await(escorts.assign(e.id, e.version, crew, QString()));
        courtId = await(escorts.request({b.id, EscortDestination::Court, QStringLiteral("District Court"), QString(),
                                         desk.platform->clock().nowMs() + 3'600'000}))
                      .id;
    }
    CHECK(owner.scalar(QStringLiteral("SELECT requested_by || ' ' || assigned_by FROM cm_escorts WHERE id = %1").arg(escortId)).toString()
          == server.cases + u' ' + server.cases);
    Login cases(server.urlOf(server.cases));
    // Not born later than a request; not moved back, skipped or reopened; its person, place and deadline kept.
    CHECK(cases.refusal(QStringLiteral("INSERT INTO cm_escorts (custody_id, case_id, destination_kind, destination, deadline_at, state, requested_at) "
                                       "SELECT custody_id, case_id, 'court', 'X', 0, 'arrived', 0 FROM cm_escorts WHERE id = %1").arg(courtId))
              .contains(QStringLiteral("starts as a request")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_escorts SET state = 'arrived' WHERE id = %1").arg(courtId)).contains(QStringLiteral("does not go from")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_escorts SET state = 'departed' WHERE id = %1").arg(courtId)).contains(QStringLiteral("does not go from")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_escorts SET deadline_at = deadline_at + 86400000 WHERE id = %1").arg(escortId))
              .contains(QStringLiteral("keeps the person")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_escorts SET destination = 'Elsewhere' WHERE id = %1").arg(escortId))
              .contains(QStringLiteral("keeps the person")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_escorts SET assigned_by = 'chief' WHERE id = %1").arg(escortId)).contains(QStringLiteral("next step")));
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_escorts SET vehicle = 'Limousine' WHERE id = %1").arg(escortId)).contains(QStringLiteral("next step")));
    // Not born for someone out of the suite, on another case, or on a limit that is not the person's transfer.
    CHECK(cases.refusal(QStringLiteral("INSERT INTO cm_escorts (custody_id, case_id, destination_kind, destination, deadline_at, requested_at) "
                                       "SELECT custody_id, case_id + 1000, 'court', 'X', 1, 0 FROM cm_escorts WHERE id = %1").arg(courtId))
              .contains(QStringLiteral("someone in the suite")));
    CHECK(cases.refusal(QStringLiteral("INSERT INTO cm_escorts (custody_id, case_id, destination_kind, destination, deadline_at, limit_id, requested_at) "
                                       "SELECT custody_id, case_id, 'detention_centre', 'X', 1, limit_id, 0 FROM cm_escorts WHERE id = %1").arg(escortId))
              .contains(QStringLiteral("own transfer limit")));
    CHECK(cases.refusal(QStringLiteral("INSERT INTO cm_escorts (custody_id, case_id, destination_kind, destination, deadline_at, requested_at, assigned_by) "
                                       "SELECT custody_id, case_id, 'court', 'X', 1, 0, 'chief' FROM cm_escorts WHERE id = %1").arg(courtId))
              .contains(QStringLiteral("starts as a request")));
    // Not away while the person is still in the suite; the crew not changed on the way.
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_escorts SET state = 'departed', departed_at = assigned_at WHERE id = %1").arg(escortId))
              .contains(QStringLiteral("booked out")));
    // An off-duty crew is not assigned; cancelling needs its reason.
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_escorts SET state = 'assigned', crew_id = (SELECT id FROM cm_escort_crews WHERE call_sign = 'E-1'), "
                                       "vehicle = 'Van 31', assigned_at = requested_at WHERE id = %1").arg(courtId))
              == QString()); // E-1 is on duty: fine, and undone below by a cancel
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_escorts SET state = 'cancelled', cancelled_at = 1 WHERE id = %1").arg(courtId))
              .contains(QStringLiteral("with the reason")));
    CHECK(owner.scalar(QStringLiteral("SELECT assigned_by FROM cm_escorts WHERE id = %1").arg(courtId)).toString() == server.cases);
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_escorts SET state = 'cancelled', cancelled_at = 1, note = 'Hearing moved', cancelled_by = 'chief' "
                                       "WHERE id = %1").arg(courtId))
          == QString());
    CHECK(owner.scalar(QStringLiteral("SELECT cancelled_by FROM cm_escorts WHERE id = %1").arg(courtId)).toString() == server.cases);
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_escorts SET state = 'assigned' WHERE id = %1").arg(courtId)).contains(QStringLiteral("does not go from")));
    // The roster: on or off duty only; never its crews' names or vehicles. An off-duty crew is not assigned.
    CHECK(cases.refusal(QStringLiteral("UPDATE cm_escort_crews SET on_duty = 0 WHERE call_sign = 'E-3'")) == QString());
    {
        SignedInDesk desk(server, server.cases);
        CustodyService suite(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        EscortService escorts(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        const qint64 caseId = owner.scalar(QStringLiteral("SELECT case_id FROM cm_escorts WHERE id = %1").arg(escortId)).toLongLong();
        const Custody c = await(suite.checkIn(detainedOnServer(caseId, QStringLiteral("W-3"))));
        const Escort e = await(escorts.request({c.id, EscortDestination::Hospital, QStringLiteral("First People's Hospital"), QString(),
                                               desk.platform->clock().nowMs() + 3'600'000}));
        CHECK(cases.refusal(QStringLiteral("UPDATE cm_escorts SET state = 'assigned', crew_id = (SELECT id FROM cm_escort_crews WHERE call_sign = 'E-3'), "
                                           "vehicle = 'Car 17', assigned_at = requested_at WHERE id = %1").arg(e.id))
                  .contains(QStringLiteral("crew on duty")));
        // A crew on one escort at a time, on both stores by the index: E-2 is on the first.
        CHECK(!cases.refusal(QStringLiteral("UPDATE cm_escorts SET state = 'assigned', crew_id = (SELECT crew_id FROM cm_escorts WHERE id = %1), "
                                            "vehicle = 'Van 32', assigned_at = requested_at WHERE id = %2")
                                 .arg(escortId)
                                 .arg(e.id))
                   .isEmpty());
        // Booking the person out at the custody desk while their escort is asked for is refused: it leaves with them.
        CHECK(failureOf(suite.release(c.id, c.version, ReleaseKind::Released, QStringLiteral("Himself"), QString())).contains(QStringLiteral("escort")));
    }
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("UPDATE cm_escort_crews SET vehicle = 'Limousine' WHERE call_sign = 'E-1'"))));
    // The hub sees the board and changes nothing; another centre sees none of it.
    Login hub(server.urlOf(server.hub));
    CHECK(hub.column(QStringLiteral("SELECT count(*) FROM cm_escorts")) == QStringList{QStringLiteral("3")});
    CHECK(deniedOrForbidden(hub.refusal(QStringLiteral("UPDATE cm_escorts SET state = 'cancelled' WHERE id = %1").arg(courtId))));
    Login intel(server.urlOf(server.intel));
    const QString seen = intel.refusal(QStringLiteral("SELECT id FROM cm_escorts"));
    CHECK((deniedOrForbidden(seen) || intel.column(QStringLiteral("SELECT count(*) FROM cm_escorts")) == QStringList{QStringLiteral("0")}));
    CHECK(owner.scalar(QStringLiteral("SELECT state FROM cm_escorts WHERE id = %1").arg(escortId)).toString() == QStringLiteral("assigned"));
}

TEST_CASE("The guidelines library on a shared server: read by the case desk and the hub, written only by an administrator, stamped with who did",
          "[postgresql][case_management][guidelines][security]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    Login cases(server.urlOf(server.cases));
    Login hub(server.urlOf(server.hub));
    Login admin(server.urlOf(server.admin));
    CHECK(cases.column(QStringLiteral("SELECT count(*) FROM cm_guidelines")) == QStringList{QStringLiteral("16")});
    CHECK(hub.column(QStringLiteral("SELECT count(*) FROM cm_guidelines WHERE language = 'zh_CN'")) == QStringList{QStringLiteral("8")});
    // The case desk may not rewrite the law it works to.
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("UPDATE cm_guidelines SET body = 'Anything goes' WHERE code = 'G-03'"))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("INSERT INTO cm_guidelines (code, language, title, body) "
                                                         "VALUES ('G-99', 'en', 'Made up', 'A rule nobody approved of')"))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("DELETE FROM cm_guidelines"))));
    // The administrator revises; the server names who and keeps the code.
    CHECK(admin.refusal(QStringLiteral("UPDATE cm_guidelines SET body = body || ' Revised.', updated_by = 'someone' WHERE code = 'G-08' "
                                       "AND language = 'en'")) == QString());
    CHECK(owner.scalar(QStringLiteral("SELECT updated_by FROM cm_guidelines WHERE code = 'G-08' AND language = 'en'")).toString() == server.admin);
    CHECK(deniedOrForbidden(admin.refusal(QStringLiteral("UPDATE cm_guidelines SET code = 'G-80' WHERE code = 'G-08' AND language = 'en'"))));
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM cm_guidelines WHERE body LIKE '%Anything goes%'")).toInt() == 0);
}
