// The custody suite through CustodyService (issue 22 section 2): a person booked in against a case
// with the cause, basis, officer, risk and wristband, the case's limits running for them; the
// suite's one-way route, rooms that hold no more than they may and never two people kept apart;
// welfare checks at the interval the risk sets, on the hub's deadline queue, a late one on record;
// interviews meeting the first-interrogation limit; care; leaving, which ends the suite's limits;
// the custody record in time order; who may do what, and the person revealed only with a reason.
// On SQLite and again on PostgreSQL.
#include "casedesk.h"
#include "module/extensions.h"
#include "module/modulemanager.h"
#include "security/audit.h"

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::cases;
using namespace hexhub::test::casedesk;

namespace {

constexpr qint64 kMinute = 60'000;

NewCustody detained(qint64 caseId, const QString& tag, CustodyRisk risk = {})
{
    return NewCustody{caseId,
                      QStringLiteral("Zhang Wei, ID 110101199001011234"),
                      tag,
                      QStringLiteral("Suspected of the burglary at 12 Bund Road"),
                      QStringLiteral("Criminal Procedure Law art. 82"),
                      CustodyBasis::Detention,
                      false,
                      QStringLiteral("Sgt. Li Na"),
                      std::move(risk)};
}

qint64 roomNamed(Desk& d, const QString& name)
{
    for (const Room& r : await(d.custody->rooms()))
        if (r.name == name)
            return r.id;
    FAIL("no room " << name.toStdString());
    return 0;
}

QString checkKey(const Custody& k)
{
    return QStringLiteral("case_management.custody.%1.check").arg(k.id);
}

//! Walks `k` along the route to `room` from where it is, one stage at a time.
Custody walk(Desk& d, Custody k, const QStringList& rooms)
{
    for (const QString& room : rooms)
        k = await(d.custody->moveTo(k.id, k.version, roomNamed(d, room), QString()));
    return k;
}

const QStringList kToMedical{QStringLiteral("Search room"), QStringLiteral("Property desk"), QStringLiteral("Biometrics room"),
                             QStringLiteral("Medical room")};

} // namespace

TEST_CASE("A person booked into custody walks the suite's one-way route, and a room holds no more than it may and never two who must be "
          "kept apart",
          "[case_management][custody]")
{
    Desk d;
    const Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Burglary at 12 Bund Road"), QString()}));
    const Custody a = await(d.custody->checkIn(detained(c.id, QStringLiteral("w-0101"))));
    CHECK(a.tag == QStringLiteral("W-0101"));
    CHECK(a.stage == QStringLiteral("intake"));
    CHECK(a.roomName == QStringLiteral("Intake desk"));
    CHECK(a.state == QStringLiteral("in"));
    CHECK(a.checkedInBy == QStringLiteral("carol"));
    CHECK(a.caseNumber == c.number);
    // The person is masked wherever they are read.
    CHECK(!a.personMasked.contains(QStringLiteral("Zhang")));
    CHECK(a.personMasked.endsWith(QStringLiteral("1234")));
    // Detention's limits run for this person; the suite's limit is the transfer's 24 hours; the first
    // check is due in the hour at standard risk, on the hub's queue.
    const QList<CaseLimit> limits = await(d.cases->limits(c.id));
    CHECK(limits.size() == 4);
    for (const CaseLimit& l : limits)
        CHECK(l.custodyId == a.id);
    CHECK(a.limitAt == d.ofRule(limits, QStringLiteral("detention.transfer")).dueAt);
    CHECK(a.limitAt == a.startedAt + 24 * kHour);
    CHECK(a.nextCheckAt == a.startedAt + 60 * kMinute);
    CHECK(d.queued(checkKey(a)) == a.nextCheckAt);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'custody.started' AND payload NOT LIKE '%Zhang%'")) == 1);

    // Bad input refused with a message, nothing written.
    NewCustody noTag = detained(c.id, QString());
    CHECK(failureOf(d.custody->checkIn(noTag)).contains(QStringLiteral("wristband")));
    CHECK(failureOf(d.custody->checkIn(detained(c.id, QStringLiteral("W-0101")))).contains(QStringLiteral("on someone in the suite")));
    CustodyRisk unexplained;
    unexplained.intoxicated = true;
    CHECK(failureOf(d.custody->checkIn(detained(c.id, QStringLiteral("W-0199"), unexplained))).contains(QStringLiteral("what was seen")));
    NewCustody questioned = detained(c.id, QStringLiteral("W-0198"));
    questioned.basis = CustodyBasis::Questioning;
    CHECK(failureOf(d.custody->checkIn(questioned)).contains(QStringLiteral("administrative case")));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody")) == 1);

    // Along the route: not back, not skipping without saying why, not out by a move.
    Custody k = await(d.custody->moveTo(a.id, a.version, roomNamed(d, QStringLiteral("Search room")), QString()));
    CHECK(k.stage == QStringLiteral("search"));
    CHECK(failureOf(d.custody->moveTo(k.id, k.version, roomNamed(d, QStringLiteral("Intake desk")), QString())).contains(QStringLiteral("one way")));
    CHECK(
        failureOf(d.custody->moveTo(k.id, k.version, roomNamed(d, QStringLiteral("Holding room 1")), QString())).contains(QStringLiteral("say why")));
    CHECK(failureOf(d.custody->moveTo(k.id, k.version, roomNamed(d, QStringLiteral("Exit")), QString())).contains(QStringLiteral("release")));
    CHECK(failureOf(d.custody->moveTo(k.id, a.version, roomNamed(d, QStringLiteral("Property desk")), QString()))
              .contains(QStringLiteral("meanwhile")));
    k = walk(d, k,
             {QStringLiteral("Property desk"), QStringLiteral("Biometrics room"), QStringLiteral("Medical room"), QStringLiteral("Holding room 1")});
    CHECK(k.stage == QStringLiteral("holding"));
    // Past the medical check: between interview and holding, and back to the medical room.
    k = await(d.custody->moveTo(k.id, k.version, roomNamed(d, QStringLiteral("Medical room")), QString()));
    k = await(d.custody->moveTo(k.id, k.version, roomNamed(d, QStringLiteral("Holding room 1")), QString()));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_custody_moves WHERE custody_id = ?"), {k.id}) == 8);

    // A second person, skipping biometrics with a reason; kept apart from the first.
    Custody b = await(d.custody->checkIn(detained(c.id, QStringLiteral("W-0102"))));
    b = walk(d, b, {QStringLiteral("Search room"), QStringLiteral("Property desk")});
    b = await(d.custody->moveTo(b.id, b.version, roomNamed(d, QStringLiteral("Medical room")), QStringLiteral("Biometrics taken at arrest")));
    CHECK(b.stage == QStringLiteral("medical"));
    CHECK(failureOf(d.custody->keepApart(a.id, b.id, QStringLiteral(" "))).contains(QStringLiteral("kept apart")));
    await(d.custody->keepApart(b.id, a.id, QStringLiteral("Co-accused: must not confer")));
    CHECK(failureOf(d.custody->keepApart(a.id, b.id, QStringLiteral("Again, to be sure"))).contains(QStringLiteral("already")));
    // Holding room 1 is full (one place); room 5 has two places, but the first person is not let in there with the second.
    CHECK(failureOf(d.custody->moveTo(b.id, b.version, roomNamed(d, QStringLiteral("Holding room 1")), QString())).contains(QStringLiteral("full")));
    b = await(d.custody->moveTo(b.id, b.version, roomNamed(d, QStringLiteral("Holding room 5")), QString()));
    k = await(d.custody->custodyOf(a.id));
    CHECK(failureOf(d.custody->moveTo(k.id, k.version, roomNamed(d, QStringLiteral("Holding room 5")), QString()))
              .contains(QStringLiteral("kept apart from W-0102")));

    // The rooms say who is in them now.
    for (const Room& r : await(d.custody->rooms())) {
        if (r.name == QStringLiteral("Holding room 1"))
            CHECK(r.occupants == QStringList{QStringLiteral("W-0101")});
        else if (r.name == QStringLiteral("Holding room 5"))
            CHECK(r.occupants == QStringList{QStringLiteral("W-0102")});
        else
            CHECK(r.occupants.isEmpty());
    }
    // The list: those in the suite, the next check due first; searched by wristband or case.
    const QList<Custody> people = await(d.custody->people({}));
    REQUIRE(people.size() == 2);
    CHECK(people[0].nextCheckAt <= people[1].nextCheckAt);
    CHECK(await(d.custody->people({true, QStringLiteral("0102")})).size() == 1);
    CHECK(await(d.custody->people({true, c.number})).size() == 2);
    CHECK(await(d.custody->people({true, QStringLiteral("no such")})).isEmpty());
}

TEST_CASE("Welfare checks come at the interval the risk sets, on the hub's deadline queue, and a late one goes on record",
          "[case_management][custody]")
{
    Desk d;
    const Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Drunk and disorderly, assault on staff"), QString()}));
    CustodyRisk drunk;
    drunk.intoxicated = true;
    drunk.notes = QStringLiteral("Smells of alcohol, unsteady");
    Custody k = await(d.custody->checkIn(detained(c.id, QStringLiteral("W-0201"), drunk)));
    CHECK(k.risk.level() == RiskLevel::Elevated);
    CHECK(k.nextCheckAt == k.startedAt + 30 * kMinute);
    CHECK(d.queued(checkKey(k)) == k.nextCheckAt);

    d.advance(20 * kMinute);
    WelfareCheck w = await(d.custody->check(k.id, WelfareCondition::AsleepRoused, QStringLiteral("Roused, answered his name")));
    CHECK(!w.late());
    CHECK(w.doneBy == QStringLiteral("carol"));
    CHECK(w.roomName == QStringLiteral("Intake desk"));
    k = await(d.custody->custodyOf(k.id));
    CHECK(k.nextCheckAt == w.doneAt + 30 * kMinute);
    CHECK(d.queued(checkKey(k)) == k.nextCheckAt);
    CHECK(failureOf(d.custody->check(k.id, WelfareCondition::Concern, QString())).contains(QStringLiteral("needs attention")));

    // Assessed again: a risk of self-harm brings the next check to 15 minutes after the last one.
    CustodyRisk worse = drunk;
    worse.selfHarm = true;
    worse.notes = QStringLiteral("Said he would hurt himself");
    CHECK(failureOf(d.custody->assessRisk(k.id, k.version, worse, QString())).contains(QStringLiteral("risk")));
    k = await(d.custody->assessRisk(k.id, k.version, worse, QStringLiteral("Threats of self-harm at the desk")));
    CHECK(k.risk.level() == RiskLevel::Highest);
    CHECK(k.nextCheckAt == w.doneAt + 15 * kMinute);
    CHECK(d.queued(checkKey(k)) == k.nextCheckAt);

    // Missed: the check comes 25 minutes after it was due; late, on the journal and the audit trail.
    d.advance(40 * kMinute);
    const qint64 due = k.nextCheckAt;
    w = await(d.custody->check(k.id, WelfareCondition::Concern, QStringLiteral("Banging his head on the wall; nurse called")));
    CHECK(w.late());
    CHECK(w.dueAt == due);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'custody.changed' AND payload LIKE '%\"late\":true%'")) == 1);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'custody.changed' AND outcome = 'late'")) == 1);
    CHECK(await(d.custody->checks(k.id)).size() == 2);

    // The custody record: every step in time order, the late check said to be late.
    const QList<CustodyEntry> record = await(d.custody->record(k.id));
    QStringList kinds;
    for (const CustodyEntry& e : record)
        kinds << e.kind;
    CHECK(kinds == QStringList{QStringLiteral("checked_in"), QStringLiteral("moved"), QStringLiteral("check"), QStringLiteral("risk"),
                               QStringLiteral("check")});
    CHECK(record.last().text.contains(QStringLiteral("late by 25 minute")));
    for (qsizetype i = 1; i < record.size(); ++i)
        CHECK(record[i - 1].at <= record[i].at);
}

TEST_CASE("An interview meets detention's first-interrogation limit, care is recorded, and leaving the suite ends its limits",
          "[case_management][custody]")
{
    Desk d;
    const Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Bag snatch on Market St"), QString()}));
    Custody k = walk(d, await(d.custody->checkIn(detained(c.id, QStringLiteral("W-0301")))), kToMedical);
    const qint64 interviewRoom = roomNamed(d, QStringLiteral("Interview room 2"));
    CHECK(failureOf(d.custody->startInterview(k.id, k.version, interviewRoom, QStringLiteral("DC Wang"), QString()))
              .contains(QStringLiteral("recording")));
    CHECK(failureOf(d.custody->startInterview(k.id, k.version, roomNamed(d, QStringLiteral("Holding room 2")), QStringLiteral("DC Wang"),
                                              QStringLiteral("REC-2026-0042")))
              .contains(QStringLiteral("not an interview room")));
    const Interview i =
        await(d.custody->startInterview(k.id, k.version, interviewRoom, QStringLiteral("DC Wang, DC Zhou"), QStringLiteral("REC-2026-0042")));
    CHECK(i.running());
    CHECK(i.roomName == QStringLiteral("Interview room 2"));
    k = await(d.custody->custodyOf(k.id));
    CHECK(k.stage == QStringLiteral("interview"));
    const CaseLimit interrogation = d.ofRule(await(d.cases->limits(c.id)), QStringLiteral("detention.interrogation"));
    CHECK(interrogation.state == QStringLiteral("met"));
    CHECK(d.queued(key(interrogation)) == 0);
    CHECK(failureOf(d.custody->startInterview(k.id, k.version, interviewRoom, QStringLiteral("DC Wang"), QStringLiteral("REC-2")))
              .contains(QStringLiteral("running")));
    CHECK(failureOf(d.custody->release(k.id, k.version, ReleaseKind::Transferred, QStringLiteral("Escort team 2"), QString()))
              .contains(QStringLiteral("end it first")));
    d.advance(95 * kMinute);
    const Interview ended = await(d.custody->endInterview(i.id, QStringLiteral("Denies the offence")));
    CHECK(ended.endedAt == ended.startedAt + 95 * kMinute);
    CHECK(failureOf(d.custody->endInterview(i.id, QString())).contains(QStringLiteral("ended")));

    // Care: a meal, a rest period (with its length).
    await(d.custody->care(k.id, CareKind::Meal, 0, QStringLiteral("Rice and vegetables")));
    CHECK(failureOf(d.custody->care(k.id, CareKind::Rest, 0, QString())).contains(QStringLiteral("how long")));
    await(d.custody->care(k.id, CareKind::Rest, 480, QStringLiteral("Overnight")));

    // Transferred to the detention centre: the transfer limit met, the check off the queue; the
    // family's notice and the arrest request still run for the case.
    k = await(d.custody->custodyOf(k.id));
    CHECK(failureOf(d.custody->release(k.id, k.version, ReleaseKind::Transferred, QStringLiteral(" "), QString()))
              .contains(QStringLiteral("who took")));
    k = await(
        d.custody->release(k.id, k.version, ReleaseKind::Transferred, QStringLiteral("Escort team 2, van 07"), QStringLiteral("Warrant 2026-118")));
    CHECK(k.state == QStringLiteral("transferred"));
    CHECK(k.stage == QStringLiteral("exit"));
    CHECK(k.releasedBy == QStringLiteral("carol"));
    CHECK(k.releaseTo == QStringLiteral("Escort team 2, van 07"));
    CHECK(d.queued(checkKey(k)) == 0);
    const QList<CaseLimit> limits = await(d.cases->limits(c.id));
    CHECK(d.ofRule(limits, QStringLiteral("detention.transfer")).state == QStringLiteral("met"));
    CHECK(d.ofRule(limits, QStringLiteral("detention.family")).state == QStringLiteral("running"));
    CHECK(d.ofRule(limits, QStringLiteral("arrest.request")).state == QStringLiteral("running"));
    CHECK(failureOf(d.custody->check(k.id, WelfareCondition::Well, QString())).contains(QStringLiteral("left the suite")));
    CHECK(await(d.custody->people({})).isEmpty());
    CHECK(await(d.custody->people({false, QString()})).size() == 1);
    // Its wristband is free for the next person.
    const Custody next = await(d.custody->checkIn(detained(c.id, QStringLiteral("W-0301"))));
    CHECK(next.id != k.id);

    QStringList kinds;
    for (const CustodyEntry& e : await(d.custody->record(k.id)))
        kinds << e.kind;
    CHECK(kinds.count(QStringLiteral("interview")) == 1);
    CHECK(kinds.count(QStringLiteral("interview_ended")) == 1);
    CHECK(kinds.count(QStringLiteral("care")) == 2);
    CHECK(kinds.last() == QStringLiteral("left"));

    // A summoned witness released: the summons' limit is met by their leaving.
    Custody s = await(d.custody->checkIn(NewCustody{c.id,
                                                    QStringLiteral("Li Ming, ID 110101198505051111"),
                                                    QStringLiteral("W-0302"),
                                                    QStringLiteral("Summoned for questioning on the bag snatch"),
                                                    QStringLiteral("Art. 119"),
                                                    CustodyBasis::Summons,
                                                    false,
                                                    QStringLiteral("Sgt. Li Na"),
                                                    {}}));
    CHECK(s.limitAt == s.startedAt + 12 * kHour);
    s = await(d.custody->release(s.id, s.version, ReleaseKind::Released, QStringLiteral("Himself"), QString()));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_case_limits WHERE custody_id = ? AND rule = 'summons' AND state = 'met'"), {s.id}) == 1);
}

TEST_CASE("Who may book people into custody, and the person seen only with a reason on record", "[case_management][custody][security]")
{
    Desk d;
    const Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Fraud at the bank branch"), QString()}));
    const Custody k = await(d.custody->checkIn(detained(c.id, QStringLiteral("W-0401"))));
    CHECK(failureOf(d.custody->revealPerson(k.id, QStringLiteral("x"))).contains(QStringLiteral("reason")));
    CHECK(await(d.custody->revealPerson(k.id, QStringLiteral("Family asking at the desk"))) == QStringLiteral("Zhang Wei, ID 110101199001011234"));
    CHECK(d.count(QStringLiteral(
              "SELECT COUNT(*) FROM audit_log WHERE action = 'personal_data.revealed' AND detail = 'Family asking at the desk'")) == 1);

    // The hub's supervisor sees the suite and changes nothing in it; refusals are audited.
    d.as(QStringLiteral("hugo"));
    CHECK(await(d.custody->people({})).size() == 1);
    CHECK(failureOf(d.custody->checkIn(detained(c.id, QStringLiteral("W-0402")))).contains(QStringLiteral("permission")));
    CHECK(failureOf(d.custody->check(k.id, WelfareCondition::Well, QString())).contains(QStringLiteral("permission")));
    CHECK(failureOf(d.custody->revealPerson(k.id, QStringLiteral("Curious about this one"))).contains(QStringLiteral("permission")));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND actor = 'hugo'")) == 3);

    // The centre's rail badge: the people in the suite, for whoever may see cases.
    const ModuleSpec* spec = d.tp->modules().module(QStringLiteral("case_management"));
    REQUIRE(spec);
    REQUIRE(spec->context->railBadge().isValid());
    CHECK(spec->context->railBadge().refreshOn == QStringList{QStringLiteral("custody.*")});
    const auto badge = [&](const QString& user) {
        d.as(user);
        const Principal viewer = d.tp->session().principal();
        const auto count = spec->context->railBadge().count;
        return await(d.tp->store().read([count, viewer](Sql& sql) { return count(sql, viewer); }));
    };
    CHECK(badge(QStringLiteral("hugo")) == 1);
    CHECK(badge(QStringLiteral("ada")) == 0);

    // The same command twice is applied once.
    d.as(QStringLiteral("carol"));
    const CommandId once = CommandId::make();
    const WelfareCheck first = await(d.custody->check(k.id, WelfareCondition::Well, QString(), once));
    const WelfareCheck again = await(d.custody->check(k.id, WelfareCondition::Well, QString(), once));
    CHECK(first.id == again.id);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_welfare_checks")) == 1);
}
