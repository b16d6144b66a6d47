// The escort team through EscortService (issue 22 section 3): an escort of a detained person to the
// detention centre driven by their 24-hour transfer, a crew of the roster on duty and free assigned
// with its vehicle, the departure booking the person out of the suite to the crew, the arrival
// meeting the transfer; an escort to a court given its own time on the hub's deadline queue,
// cancelled with a reason; one open escort a person, a crew on one escort at a time, steps in order;
// who may do what. On SQLite and again on PostgreSQL.
#include "casedesk.h"
#include "hexhub/case_management/escorts.h"

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::cases;
using namespace hexhub::test::casedesk;

namespace {

NewCustody held(qint64 caseId, const QString& tag, CustodyBasis basis = CustodyBasis::Detention)
{
    return NewCustody{caseId,
                      QStringLiteral("Li Ming, ID 110101199202021234"),
                      tag,
                      QStringLiteral("Suspected of the theft at Canal Road"),
                      QStringLiteral("Criminal Procedure Law art. 82"),
                      basis,
                      false,
                      QStringLiteral("Sgt. Li Na"),
                      {}};
}

EscortCrew crewNamed(EscortService& escorts, const QString& callSign)
{
    for (const EscortCrew& c : await(escorts.crews()))
        if (c.callSign == callSign)
            return c;
    FAIL("no crew " << callSign.toStdString());
    return {};
}

} // namespace

TEST_CASE(
    "Escort team: a detained person taken to the detention centre on their transfer's clock, by a crew of the roster, the transfer met on arrival",
    "[case_management][escort]")
{
    Desk d;
    EscortService escorts(d.tp->store(), d.tp->session(), d.tp->audit());
    const Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Theft at Canal Road"), QString()}));
    const Custody k = await(d.custody->checkIn(held(c.id, QStringLiteral("W-0201"))));
    const Custody summoned = await(d.custody->checkIn(held(c.id, QStringLiteral("W-0202"), CustodyBasis::Summons)));
    qint64 transferDue = 0, transferId = 0;
    for (const CaseLimit& l : await(d.cases->limits(c.id)))
        if (l.rule == QStringLiteral("detention.transfer") && l.custodyId == k.id) {
            transferDue = l.dueAt;
            transferId = l.id;
        }
    REQUIRE(transferId > 0);

    // Bad input is refused before the store; a summoned person has no transfer to be driven by.
    CHECK(failureOf(escorts.request({k.id, EscortDestination::DetentionCentre, QStringLiteral(" "), QString(), 0}))
              .contains(QStringLiteral("where to")));
    CHECK(failureOf(escorts.request({summoned.id, EscortDestination::DetentionCentre, QStringLiteral("City Detention Centre"), QString(), 0}))
              .contains(QStringLiteral("no transfer")));
    CHECK(failureOf(escorts.request({summoned.id, EscortDestination::Court, QStringLiteral("District Court"), QString(), d.now() - 1}))
              .contains(QStringLiteral("by when")));

    // The request: its deadline is the transfer's, which is on the queue already (no second deadline).
    const CommandId once = CommandId::make();
    Escort e = await(escorts.request(
        {k.id, EscortDestination::DetentionCentre, QStringLiteral("City Detention Centre No. 1"), QStringLiteral("Detained"), 0}, once));
    CHECK(e.state == QStringLiteral("requested"));
    CHECK(e.deadlineAt == transferDue);
    CHECK(e.limitId == transferId);
    CHECK(e.tag == QStringLiteral("W-0201"));
    CHECK(e.caseNumber == c.number);
    CHECK(e.requestedBy == QStringLiteral("carol"));
    CHECK(await(escorts.request(
                    {k.id, EscortDestination::DetentionCentre, QStringLiteral("City Detention Centre No. 1"), QStringLiteral("Detained"), 0},
                    once))
              .id == e.id); // the same command again: applied once
    CHECK(failureOf(escorts.request({k.id, EscortDestination::Hospital, QStringLiteral("First People's Hospital"), QString(), d.now() + kHour}))
              .contains(QStringLiteral("requested already")));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'deadline.set' AND payload LIKE '%case_management.escort.%'")) == 0);

    // The crew: on duty and free; steps in order.
    CHECK(failureOf(escorts.depart(e.id, e.version)).contains(QStringLiteral("once it is assigned")));
    EscortCrew e1 = crewNamed(escorts, QStringLiteral("E-1"));
    await(escorts.setOnDuty(e1.id, false));
    CHECK(failureOf(escorts.assign(e.id, e.version, e1.id, QString())).contains(QStringLiteral("not on duty")));
    e1 = await(escorts.setOnDuty(e1.id, true));
    CHECK(e1.onDuty);
    CHECK(failureOf(escorts.assign(e.id, e.version + 1, e1.id, QString())).contains(QStringLiteral("meanwhile")));
    e = await(escorts.assign(e.id, e.version, e1.id, QString()));
    CHECK(e.state == QStringLiteral("assigned"));
    CHECK(e.crew == QStringLiteral("E-1"));
    CHECK(e.vehicle == QStringLiteral("Van 31"));
    CHECK(crewNamed(escorts, QStringLiteral("E-1")).busyWith == e.id);
    // While the escort is asked for, the person leaves with it, not by the custody desk's release.
    const Custody stillIn = await(d.custody->custodyOf(k.id));
    CHECK(failureOf(d.custody->release(stillIn.id, stillIn.version, ReleaseKind::Released, QStringLiteral("Himself"), QString()))
              .contains(QStringLiteral("An escort of W-0201 is requested")));
    // A crew on one escort at a time.
    Escort court = await(escorts.request(
        {summoned.id, EscortDestination::Court, QStringLiteral("District Court"), QStringLiteral("Hearing at 09:00"), d.now() + 6 * kHour}));
    CHECK(court.deadlineAt == d.now() + 6 * kHour);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'deadline.set' AND payload LIKE '%case_management.escort.%'")) == 1);
    CHECK(failureOf(escorts.assign(court.id, court.version, e1.id, QString())).contains(QStringLiteral("another escort")));

    // Departed: the person leaves the suite with the crew; the transfer still runs until they arrive.
    d.advance(2 * kHour);
    e = await(escorts.depart(e.id, e.version));
    CHECK(e.state == QStringLiteral("departed"));
    CHECK(e.departedAt == d.now());
    const Custody left = await(d.custody->custodyOf(k.id));
    CHECK(left.state == QStringLiteral("transferred"));
    CHECK(left.releaseTo.contains(QStringLiteral("E-1")));
    CHECK(d.text(QStringLiteral("SELECT state FROM cm_case_limits WHERE id = ?"), {transferId}) == QStringLiteral("running"));
    CHECK(failureOf(escorts.cancel(e.id, e.version, QStringLiteral("Changed our minds"))).contains(QStringLiteral("not cancelled")));
    // Arrived: received by the centre's officer; the transfer is met.
    CHECK(failureOf(escorts.arrive(e.id, e.version, QStringLiteral(" "))).contains(QStringLiteral("received")));
    d.advance(kHour);
    e = await(escorts.arrive(e.id, e.version, QStringLiteral("Officer Gao, City Detention Centre")));
    CHECK(e.state == QStringLiteral("arrived"));
    CHECK(e.receivedBy == QStringLiteral("Officer Gao, City Detention Centre"));
    CHECK(e.arrivedBy == QStringLiteral("carol"));
    CHECK(d.text(QStringLiteral("SELECT state FROM cm_case_limits WHERE id = ?"), {transferId}) == QStringLiteral("met"));
    CHECK(
        d.text(QStringLiteral("SELECT end_note FROM cm_case_limits WHERE id = ?"), {transferId}).contains(QStringLiteral("received by Officer Gao")));
    CHECK(crewNamed(escorts, QStringLiteral("E-1")).busyWith == 0);
    CHECK(failureOf(escorts.arrive(e.id, e.version, QStringLiteral("Again"))).contains(QStringLiteral("only one on its way")));

    // The court escort cancelled with a reason: off the queue.
    CHECK(failureOf(escorts.cancel(court.id, court.version, QStringLiteral(" "))).contains(QStringLiteral("why")));
    court = await(escorts.cancel(court.id, court.version, QStringLiteral("Hearing moved to next week")));
    CHECK(court.state == QStringLiteral("cancelled"));
    CHECK(court.cancelledBy == QStringLiteral("carol"));
    CHECK(court.cancelledAt == d.now());
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'deadline.cleared' AND payload LIKE '%case_management.escort.%'")) == 1);

    // The board: both today's, the ended after; journaled and on the case's timeline; audited.
    const QList<Escort> board = await(escorts.board(0));
    REQUIRE(board.size() == 2);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'escort.changed'")) ==
          8); // 2 requests, assigned, departed, arrived, cancelled, off and on duty
    const QList<CaseTimelineEntry> timeline = await(d.cases->timeline(c.id));
    CHECK(std::any_of(timeline.begin(), timeline.end(), [](const CaseTimelineEntry& t) {
        return t.text == QStringLiteral("W-0201 delivered to the detention centre by crew E-1, received by Officer Gao, City Detention Centre");
    }));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'escort.%' AND outcome = 'success'")) == 8);

    // The hub's supervisor may look, not act.
    d.as(QStringLiteral("hugo"));
    CHECK(await(escorts.board(0)).size() == 2);
    const Custody another = [&] {
        d.as(QStringLiteral("carol"));
        return await(d.custody->checkIn(held(c.id, QStringLiteral("W-0203"))));
    }();
    d.as(QStringLiteral("hugo"));
    CHECK(failureOf(escorts.request({another.id, EscortDestination::DetentionCentre, QStringLiteral("City Detention Centre"), QString(), 0}))
              .contains(QStringLiteral("request escorts")));
    CHECK(failureOf(escorts.setOnDuty(e1.id, false)).contains(QStringLiteral("roster")));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_escorts")) == 2);
}
