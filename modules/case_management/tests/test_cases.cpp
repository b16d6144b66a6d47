// Cases on their path and the statutory limits they keep, through CaseService (issue 22 section 1):
// the two paths and who moves a case, the stages that need an approval someone else gave, the limits
// a summons, questioning, detention and an arrest request start, on the hub's deadline queue, met,
// extended within the law with an approval, cancelled when the case closes; an administrator's new
// length for what starts after. On SQLite and again on PostgreSQL.
#include "casedesk.h"

#include "shared/timelimits.h"

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::cases;

using namespace hexhub::test::casedesk;

TEST_CASE("A criminal case walks its path, and the stages that need approval move only on one someone else gave", "[case_management]")
{
    Desk d;
    const Case opened = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Burglary at 12 Bund Road"), QStringLiteral("Rear door forced")}));
    CHECK(opened.stage == QStringLiteral("registered"));
    CHECK(opened.status == QStringLiteral("registered"));
    CHECK(opened.number.startsWith(QStringLiteral("C-")));
    CHECK(opened.number.endsWith(QStringLiteral("-%1").arg(opened.id, 6, 10, QLatin1Char('0'))));
    CHECK(opened.openedBy == QStringLiteral("carol"));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'case.opened'")) == 1);
    // A criminal case keeps no clock of its own until someone is summoned or detained.
    CHECK(opened.dueAt == 0);

    // Next stage only; closing from any stage; not back, not skipping.
    Case c = await(d.cases->move(opened.id, opened.version, QStringLiteral("investigating"), QString()));
    CHECK(c.stage == QStringLiteral("investigating"));
    CHECK(failureOf(d.cases->move(c.id, c.version, QStringLiteral("referred"), QString())).contains(QStringLiteral("cannot go from")));
    CHECK(failureOf(d.cases->move(c.id, c.version, QStringLiteral("registered"), QString())).contains(QStringLiteral("cannot go from")));
    CHECK(failureOf(d.cases->move(c.id, c.version, QStringLiteral("decided"), QString())).contains(QStringLiteral("cannot go from")));
    // Coercive measures need an approval first.
    CHECK(failureOf(d.cases->move(c.id, c.version, QStringLiteral("measures"), QString())).contains(QStringLiteral("needs an approval")));
    // An operator of the centre may not approve; the duty commander at the hub does, with a note.
    CHECK(failureOf(d.cases->approve(c.id, QStringLiteral("stage:measures"), QStringLiteral("Suspect identified on camera"))).contains(QStringLiteral("approve")));
    d.as(QStringLiteral("hugo"));
    CHECK(failureOf(d.cases->approve(c.id, QStringLiteral("stage:measures"), QStringLiteral("ok"))).contains(QStringLiteral("grounds")));
    CHECK(failureOf(d.cases->approve(c.id, QStringLiteral("stage:prosecuted"), QStringLiteral("Not the next stage"))).contains(QStringLiteral("needs no approval")));
    CHECK(failureOf(d.cases->approve(c.id, QStringLiteral("anything"), QStringLiteral("Not a thing to approve"))).contains(QStringLiteral("stage:")));
    const CaseApproval approval = await(d.cases->approve(c.id, QStringLiteral("stage:measures"), QStringLiteral("Suspect identified on camera")));
    CHECK(approval.approvedBy == QStringLiteral("hugo"));
    CHECK(d.text(QStringLiteral("SELECT source FROM events WHERE topic = 'case.approved'")) == QStringLiteral("hub"));
    // The commander approves; moving the case stays the centre's.
    CHECK(failureOf(d.cases->move(c.id, c.version, QStringLiteral("measures"), QString())).contains(QStringLiteral("move cases")));
    d.as(QStringLiteral("carol"));
    c = await(d.cases->move(c.id, c.version, QStringLiteral("measures"), QStringLiteral("Detention approved")));
    CHECK(c.stage == QStringLiteral("measures"));
    CHECK(c.status == QStringLiteral("investigating"));
    const QList<CaseApproval> used = await(d.cases->approvals(c.id));
    REQUIRE(used.size() == 1);
    CHECK(used[0].usedAt > 0);
    CHECK(d.text(QStringLiteral("SELECT payload FROM events WHERE topic = 'case.status_changed' ORDER BY seq DESC")).contains(QStringLiteral("\"approvedBy\":\"hugo\"")));

    // An approval is used once: the referral needs its own; one approved by the user who moves is no approval.
    CHECK(failureOf(d.cases->move(c.id, c.version, QStringLiteral("referred"), QString())).contains(QStringLiteral("needs an approval")));
    d.as(QStringLiteral("dora"));
    await(d.cases->approve(c.id, QStringLiteral("stage:referred"), QStringLiteral("File complete for the procuratorate")));
    CHECK(failureOf(d.cases->move(c.id, c.version, QStringLiteral("referred"), QString())).contains(QStringLiteral("approved this yourself")));
    d.as(QStringLiteral("colin"));
    c = await(d.cases->move(c.id, c.version, QStringLiteral("referred"), QString()));
    CHECK(c.status == QStringLiteral("referred"));
    // At the version read: a stale move is refused.
    CHECK(failureOf(d.cases->move(c.id, c.version - 1, QStringLiteral("prosecuted"), QString())).contains(QStringLiteral("meanwhile")));
    c = await(d.cases->move(c.id, c.version, QStringLiteral("prosecuted"), QString()));
    c = await(d.cases->move(c.id, c.version, QStringLiteral("tried"), QString()));
    CHECK(c.status == QStringLiteral("decided"));
    // Closing: a reason and an approval; then the case does not move, and nobody approves for it.
    CHECK(failureOf(d.cases->move(c.id, c.version, QStringLiteral("closed"), QStringLiteral("  "))).contains(QStringLiteral("why")));
    d.as(QStringLiteral("hugo"));
    await(d.cases->approve(c.id, QStringLiteral("stage:closed"), QStringLiteral("Judgment served")));
    d.as(QStringLiteral("colin"));
    const CommandId close = CommandId::make();
    c = await(d.cases->move(c.id, c.version, QStringLiteral("closed"), QStringLiteral("Sentenced; judgment final"), close));
    CHECK(c.stage == QStringLiteral("closed"));
    // The same command again is the same move, applied once.
    CHECK(await(d.cases->move(c.id, c.version - 1, QStringLiteral("closed"), QStringLiteral("Sentenced; judgment final"), close)).version == c.version);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'case.status_changed'")) == 6);
    CHECK(failureOf(d.cases->move(c.id, c.version, QStringLiteral("investigating"), QString())).contains(QStringLiteral("cannot go from")));
    d.as(QStringLiteral("hugo"));
    CHECK(failureOf(d.cases->approve(c.id, QStringLiteral("stage:closed"), QStringLiteral("Once more"))).contains(QStringLiteral("closed")));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.approved' AND actor = 'hugo' AND outcome = 'success'")) == 2);

    // The list pages through SQL, by stage and words of the title or number.
    d.as(QStringLiteral("carol"));
    await(d.cases->open({CaseKind::Administrative, QStringLiteral("Noise complaint, Quay 4"), QString()}));
    CaseFilter all;
    CHECK(await(d.cases->cases(all)).size() == 2);
    CaseFilter open;
    open.openOnly = true;
    CHECK(await(d.cases->cases(open)).size() == 1);
    CaseFilter words;
    words.text = QStringLiteral("quay");
    REQUIRE(await(d.cases->cases(words)).size() == 1);
    CHECK(await(d.cases->cases(words)).first().stage == QStringLiteral("accepted"));
    CaseFilter page;
    page.limit = 1;
    page.offset = 1;
    CHECK(await(d.cases->cases(page)).size() == 1);
}

TEST_CASE("A case's statutory limits: started by what happens, on the deadline queue, met, extended within the law, "
          "cancelled when it closes",
          "[case_management]")
{
    Desk d;
    Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Assault outside the Red Lantern bar"), QString()}));
    // Detention starts four clocks: transfer, family, first interrogation within 24 hours, the arrest request within 3 days.
    const qint64 t0 = d.now();
    const QList<CaseLimit> detained = await(d.cases->start(c.id, CaseEvent::Detained, false, 0, QStringLiteral("Suspect A")));
    REQUIRE(detained.size() == 4);
    const CaseLimit transfer = d.ofRule(detained, QStringLiteral("detention.transfer"));
    const CaseLimit family = d.ofRule(detained, QStringLiteral("detention.family"));
    const CaseLimit arrest = d.ofRule(detained, QStringLiteral("arrest.request"));
    CHECK(transfer.dueAt == t0 + kDay);
    CHECK(family.dueAt == t0 + kDay);
    CHECK(d.ofRule(detained, QStringLiteral("detention.interrogation")).dueAt == t0 + kDay);
    CHECK(arrest.dueAt == t0 + 3 * kDay);
    CHECK(transfer.title() == QStringLiteral("A detained person transferred to the detention centre"));
    // Each on the hub's deadline queue, the case's next due time the soonest.
    CHECK(d.queued(key(transfer)) == transfer.dueAt);
    CHECK(d.queued(key(arrest)) == arrest.dueAt);
    CHECK(d.text(QStringLiteral("SELECT payload FROM events WHERE topic = 'deadline.set' ORDER BY seq")).contains(QStringLiteral("case:%1").arg(c.id)));
    CHECK(await(d.cases->caseOf(c.id)).dueAt == t0 + kDay);
    // A summons in a criminal case; questioning only in an administrative one.
    CHECK(failureOf(d.cases->start(c.id, CaseEvent::Questioned, false, 0, QString())).contains(QStringLiteral("administrative")));
    const QList<CaseLimit> summoned = await(d.cases->start(c.id, CaseEvent::Summoned, true, 0, QStringLiteral("Witness B")));
    REQUIRE(summoned.size() == 1);
    CHECK(summoned[0].rule == QStringLiteral("summons.serious"));
    CHECK(summoned[0].dueAt == t0 + kDay);

    // Met: off the queue; met twice is refused; meeting needs what was done.
    CHECK(failureOf(d.cases->meet(transfer.id, transfer.version, QString())).contains(QStringLiteral("what was done")));
    const CaseLimit met = await(d.cases->meet(transfer.id, transfer.version, QStringLiteral("Handed to the detention centre, receipt 118")));
    CHECK(met.state == QStringLiteral("met"));
    CHECK(met.endedBy == QStringLiteral("carol"));
    CHECK(d.queued(key(transfer)) == 0);
    CHECK(failureOf(d.cases->meet(transfer.id, met.version, QStringLiteral("again"))).contains(QStringLiteral("met already")));

    // The arrest request's 3 days: extended by 1 to 4 days with an approval someone else gave, once;
    // to 30 days in all for a gang suspect. The law's other limits are not extended.
    CHECK(failureOf(d.cases->extend(family.id, family.version, 60, ExtensionGround::Ordinary, QStringLiteral("Family abroad")))
              .contains(QStringLiteral("not extended")));
    CHECK(failureOf(d.cases->extend(arrest.id, arrest.version, 2 * 24 * 60, ExtensionGround::Ordinary, QStringLiteral("Witnesses not yet heard")))
              .contains(QStringLiteral("needs an approval")));
    d.as(QStringLiteral("hugo"));
    CHECK(failureOf(d.cases->approve(c.id, QStringLiteral("extend:%1").arg(family.id), QStringLiteral("Family abroad")))
              .contains(QStringLiteral("extended")));
    await(d.cases->approve(c.id, QStringLiteral("extend:%1").arg(arrest.id), QStringLiteral("Two witnesses still to be heard")));
    d.as(QStringLiteral("carol"));
    CHECK(failureOf(d.cases->extend(arrest.id, arrest.version, 5 * 24 * 60, ExtensionGround::Ordinary, QStringLiteral("Witnesses not yet heard")))
              .contains(QStringLiteral("1 day to 4 day")));
    const CaseLimit extended = await(d.cases->extend(arrest.id, arrest.version, 2 * 24 * 60, ExtensionGround::Ordinary,
                                                     QStringLiteral("Witnesses not yet heard")));
    CHECK(extended.dueAt == t0 + 5 * kDay);
    CHECK(extended.extendedBy == QStringLiteral("carol"));
    CHECK(d.queued(key(arrest)) == t0 + 5 * kDay);
    d.as(QStringLiteral("hugo"));
    await(d.cases->approve(c.id, QStringLiteral("extend:%1").arg(arrest.id), QStringLiteral("Part of a gang of five")));
    d.as(QStringLiteral("carol"));
    CHECK(failureOf(d.cases->extend(arrest.id, extended.version, 24 * 60, ExtensionGround::Ordinary, QStringLiteral("Once more please")))
              .contains(QStringLiteral("extended already")));
    CHECK(failureOf(d.cases->extend(arrest.id, extended.version, 26 * 24 * 60, ExtensionGround::Gang, QStringLiteral("Part of a gang of five")))
              .contains(QStringLiteral("at most 30 day")));
    const CaseLimit gang = await(d.cases->extend(arrest.id, extended.version, 25 * 24 * 60, ExtensionGround::Gang, QStringLiteral("Part of a gang of five")));
    CHECK(gang.dueAt == t0 + 30 * kDay);
    CHECK(gang.extensionGround == QStringLiteral("gang"));

    // The arrest requested: its limit met, the procuratorate's 7 days start.
    static_cast<SimulatedClock&>(d.tp->clock()).advance(2 * kDay);
    const qint64 t1 = d.now();
    const QList<CaseLimit> requested = await(d.cases->start(c.id, CaseEvent::ArrestRequested, false, 0, QString()));
    REQUIRE(requested.size() == 1);
    CHECK(requested[0].rule == QStringLiteral("procuratorate.decision"));
    CHECK(requested[0].dueAt == t1 + 7 * kDay);
    QList<CaseLimit> all = await(d.cases->limits(c.id));
    CHECK(d.ofRule(all, QStringLiteral("arrest.request")).state == QStringLiteral("met"));
    CHECK(d.queued(key(arrest)) == 0);

    // Closed (approved): every clock still running is cancelled and leaves the queue.
    c = await(d.cases->caseOf(c.id));
    c = await(d.cases->move(c.id, c.version, QStringLiteral("investigating"), QString()));
    d.as(QStringLiteral("hugo"));
    await(d.cases->approve(c.id, QStringLiteral("stage:closed"), QStringLiteral("Victim withdrew; no public interest")));
    d.as(QStringLiteral("carol"));
    c = await(d.cases->move(c.id, c.version, QStringLiteral("closed"), QStringLiteral("Victim withdrew the complaint")));
    all = await(d.cases->limits(c.id));
    for (const CaseLimit& l : all)
        CHECK(l.state != QStringLiteral("running"));
    CHECK(d.ofRule(all, QStringLiteral("procuratorate.decision")).state == QStringLiteral("cancelled"));
    CHECK(d.queued(key(requested[0])) == 0);
    CHECK(c.dueAt == 0);
    CHECK(failureOf(d.cases->start(c.id, CaseEvent::Summoned, false, 0, QString())).contains(QStringLiteral("closed")));
}

TEST_CASE("An administrative case's 30 days and questioning's 8 hours, and an administrator's new length for what starts after",
          "[case_management]")
{
    Desk d;
    const qint64 t0 = d.now();
    const Case c = await(d.cases->open({CaseKind::Administrative, QStringLiteral("Fight at the night market"), QString()}));
    CHECK(c.stage == QStringLiteral("accepted"));
    QList<CaseLimit> limits = await(d.cases->limits(c.id));
    REQUIRE(limits.size() == 1);
    const CaseLimit close = limits[0];
    CHECK(close.rule == QStringLiteral("admin.close"));
    CHECK(close.dueAt == t0 + 30 * kDay);
    CHECK(c.dueAt == t0 + 30 * kDay);
    CHECK(failureOf(d.cases->start(c.id, CaseEvent::Detained, false, 0, QString())).contains(QStringLiteral("criminal")));
    const QList<CaseLimit> questioned = await(d.cases->start(c.id, CaseEvent::Questioned, false, 0, QStringLiteral("Party A")));
    REQUIRE(questioned.size() == 1);
    CHECK(questioned[0].dueAt == t0 + 8 * kHour);
    CHECK(await(d.cases->caseOf(c.id)).dueAt == t0 + 8 * kHour);

    // Extended once by at most 30 days, with an approval.
    d.as(QStringLiteral("hugo"));
    await(d.cases->approve(c.id, QStringLiteral("extend:%1").arg(close.id), QStringLiteral("Injury appraisal pending")));
    d.as(QStringLiteral("carol"));
    CHECK(failureOf(d.cases->extend(close.id, close.version, 31 * 24 * 60, ExtensionGround::Ordinary, QStringLiteral("Appraisal pending")))
              .contains(QStringLiteral("at most 30 day")));
    CHECK(await(d.cases->extend(close.id, close.version, 30 * 24 * 60, ExtensionGround::Ordinary, QStringLiteral("Appraisal pending"))).dueAt
          == t0 + 60 * kDay);

    // An administrator makes questioning 6 hours: questioning started after runs 6, the one running keeps its 8.
    d.as(QStringLiteral("ada"));
    TimeLimits rules(d.tp->store(), d.tp->session(), d.tp->audit());
    TimeLimit questioning;
    for (const TimeLimit& l : await(rules.list(QStringLiteral("case_management"))))
        if (l.rule == QStringLiteral("questioning"))
            questioning = l;
    REQUIRE(questioning.minutes == 8 * 60);
    await(rules.change(QStringLiteral("case_management"), QStringLiteral("questioning"), 6 * 60, QStringLiteral("Local rule for minor cases"),
                       questioning.version));
    d.as(QStringLiteral("carol"));
    const QList<CaseLimit> again = await(d.cases->start(c.id, CaseEvent::Questioned, false, 0, QStringLiteral("Party B")));
    REQUIRE(again.size() == 1);
    CHECK(again[0].dueAt == d.now() + 6 * kHour);
    CHECK(await(d.cases->limits(c.id)).size() == 3);
    for (const CaseLimit& l : await(d.cases->limits(c.id)))
        if (l.note == QStringLiteral("Party A"))
            CHECK(l.dueAt == t0 + 8 * kHour);
    // Nobody without the centre's rights starts or reads its clocks.
    d.as(QStringLiteral("hugo"));
    CHECK(failureOf(d.cases->start(c.id, CaseEvent::Questioned, false, 0, QString())).contains(QStringLiteral("start a case's limits")));
    CHECK(await(d.cases->limits(c.id)).size() == 3); // the hub sees them
}

TEST_CASE("A case's timeline reads its journal in order: opened, limits, approvals, moves and who was booked in, each in words",
          "[case_management]")
{
    Desk d;
    Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Theft from a parked van"), QString()}));
    await(d.cases->start(c.id, CaseEvent::Summoned, false, 0, QStringLiteral("Summoned by Sgt. Li")));
    c = await(d.cases->move(c.id, c.version, QStringLiteral("investigating"), QStringLiteral("Witness found")));
    // Another case's steps stay on its own timeline.
    await(d.cases->open({CaseKind::Administrative, QStringLiteral("Noise at the night market"), QString()}));
    await(d.custody->checkIn(NewCustody{c.id, QStringLiteral("Sun Li, ID 110101199303034444"), QStringLiteral("W-0301"),
                                        QStringLiteral("Suspected of the theft"), QStringLiteral("Art. 119"), CustodyBasis::Summons, false,
                                        QStringLiteral("Sgt. Li Na"), {}}));
    d.as(QStringLiteral("hugo"));
    await(d.cases->approve(c.id, QStringLiteral("stage:measures"), QStringLiteral("Flight risk")));
    const QList<CaseTimelineEntry> lines = await(d.cases->timeline(c.id));
    QStringList texts;
    for (const CaseTimelineEntry& e : lines)
        texts << e.text;
    INFO(texts.join(QLatin1Char('\n')).toStdString());
    REQUIRE(lines.size() >= 5);
    CHECK(texts.first() == QStringLiteral("Criminal case %1 opened: Theft from a parked van").arg(c.number));
    CHECK(lines.first().actor == QStringLiteral("carol"));
    CHECK(texts.filter(QStringLiteral("Limit started for case %1: A summoned person released or held on another ground, due").arg(c.number)).size() >= 1);
    CHECK(texts.contains(QStringLiteral("Case %1 moved from registered to under investigation: Witness found").arg(c.number)));
    CHECK(texts.filter(QStringLiteral("Wristband W-0301 booked into the custody suite")).size() == 1);
    CHECK(texts.last() == QStringLiteral("Approved for case %1: the move to coercive measures: Flight risk").arg(c.number));
    CHECK(lines.last().actor == QStringLiteral("hugo"));
    CHECK(texts.filter(QStringLiteral("night market")).isEmpty());
    for (int i = 1; i < lines.size(); ++i)
        CHECK(lines[i].at >= lines[i - 1].at);
    // A case that is not there says so.
    CHECK_FALSE(failureOf(d.cases->timeline(c.id + 1000)).isEmpty());
}

TEST_CASE("The 48-hour fast track: a minor criminal case on its milestones, met as it reaches their stages, its status for the partners",
          "[case_management][fast_track]")
{
    Desk d;
    const FastTrackGrounds grounds{true, true, QStringLiteral("Caught in the act; scooter recovered; full confession")};
    // Only a minor criminal case, on both grounds and a note.
    CHECK(failureOf(d.cases->open({CaseKind::Administrative, QStringLiteral("Noise at a bar"), QString(), 0, true, grounds}))
              .contains(QStringLiteral("minor criminal cases")));
    CHECK(failureOf(d.cases->open({CaseKind::Criminal, QStringLiteral("Scooter theft"), QString(), 0, true,
                                   FastTrackGrounds{true, false, grounds.note}}))
              .contains(QStringLiteral("guilty plea")));
    CHECK(failureOf(d.cases->open({CaseKind::Criminal, QStringLiteral("Scooter theft"), QString(), 0, true, FastTrackGrounds{true, true, QStringLiteral("ok")}}))
              .contains(QStringLiteral("grounds")));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_cases")) == 0);

    const qint64 start = d.now();
    Case c = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Scooter theft on Canal Road"), QString(), 0, true, grounds}));
    CHECK(c.fastTrack);
    CHECK(c.fastTrackAt == start);
    CHECK(c.fastTrackNote == grounds.note);
    QList<CaseLimit> limits = await(d.cases->limits(c.id));
    REQUIRE(limits.size() == 3);
    QHash<QString, CaseLimit> byRule;
    for (const CaseLimit& l : limits)
        byRule.insert(l.rule, l);
    CHECK(byRule.value(QStringLiteral("fasttrack.investigation")).dueAt == start + 24 * 3600 * 1000LL);
    CHECK(byRule.value(QStringLiteral("fasttrack.prosecution")).dueAt == start + 36 * 3600 * 1000LL);
    CHECK(byRule.value(QStringLiteral("fasttrack.trial")).dueAt == start + 48 * 3600 * 1000LL);
    CHECK(c.dueAt == start + 24 * 3600 * 1000LL);
    // On the hub's deadline queue, and on the journal.
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'deadline.set' AND payload LIKE '%case_management.limit.%'")) == 3);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'case.fast_track'")) == 1);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.fast_track'")) == 0); // opened onto it: the opening is audited
    const QList<CaseTimelineEntry> timeline = await(d.cases->timeline(c.id));
    CHECK(std::any_of(timeline.begin(), timeline.end(), [](const CaseTimelineEntry& e) {
        return e.text.startsWith(QStringLiteral("Case ")) && e.text.contains(QStringLiteral("put on the 48-hour fast track: Caught in the act"));
    }));
    // Once on it, the case stays on it.
    CHECK(failureOf(d.cases->putOnFastTrack(c.id, c.version, grounds)).contains(QStringLiteral("already")));

    // Reaching a milestone's stage meets it: referred meets the investigation.
    c = await(d.cases->move(c.id, c.version, QStringLiteral("investigating"), QString()));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_case_limits WHERE case_id = ? AND state = 'met'"), {c.id}) == 0);
    d.as(QStringLiteral("hugo"));
    await(d.cases->approve(c.id, QStringLiteral("stage:measures"), QStringLiteral("Detention approved")));
    d.as(QStringLiteral("carol"));
    c = await(d.cases->move(c.id, c.version, QStringLiteral("measures"), QString()));
    d.advance(20 * 3600 * 1000LL);
    d.as(QStringLiteral("hugo"));
    await(d.cases->approve(c.id, QStringLiteral("stage:referred"), QStringLiteral("Evidence complete")));
    d.as(QStringLiteral("carol"));
    c = await(d.cases->move(c.id, c.version, QStringLiteral("referred"), QString()));
    limits = await(d.cases->limits(c.id));
    const auto stateOf = [&](const QString& rule) {
        for (const CaseLimit& l : std::as_const(limits))
            if (l.rule == rule)
                return l.state;
        return QString();
    };
    CHECK(stateOf(QStringLiteral("fasttrack.investigation")) == QStringLiteral("met"));
    CHECK(stateOf(QStringLiteral("fasttrack.prosecution")) == QStringLiteral("running"));
    CHECK(c.dueAt == start + 36 * 3600 * 1000LL);
    // The prosecution runs late: at 40 hours its milestone has run out.
    d.advance(20 * 3600 * 1000LL);
    QJsonObject status = await(d.cases->partnerStatus(c.id));
    CHECK(status.value(QStringLiteral("schema")).toString() == QStringLiteral("hexhub.case-status"));
    CHECK(status.value(QStringLiteral("generatedBy")).toString() == QStringLiteral("carol"));
    CHECK(status.value(QStringLiteral("case")).toObject().value(QStringLiteral("stage")).toString() == QStringLiteral("referred"));
    CHECK(status.value(QStringLiteral("case")).toObject().value(QStringLiteral("number")).toString() == c.number);
    QJsonArray milestones = status.value(QStringLiteral("fastTrack")).toObject().value(QStringLiteral("milestones")).toArray();
    REQUIRE(milestones.size() == 3);
    CHECK(milestones[0].toObject().value(QStringLiteral("state")).toString() == QStringLiteral("met"));
    CHECK_FALSE(milestones[0].toObject().value(QStringLiteral("missed")).toBool());
    CHECK(milestones[1].toObject().value(QStringLiteral("missed")).toBool());
    CHECK_FALSE(milestones[2].toObject().value(QStringLiteral("missed")).toBool());
    CHECK(milestones[2].toObject().value(QStringLiteral("due")).toString() ==
          QDateTime::fromMSecsSinceEpoch(start + 48 * 3600 * 1000LL, Qt::UTC).toString(Qt::ISODate));
    // Tried straight after the prosecution: both met; the trial's not missed.
    c = await(d.cases->move(c.id, c.version, QStringLiteral("prosecuted"), QString()));
    c = await(d.cases->move(c.id, c.version, QStringLiteral("tried"), QString()));
    CHECK(c.dueAt == 0);
    status = await(d.cases->partnerStatus(c.id));
    milestones = status.value(QStringLiteral("fastTrack")).toObject().value(QStringLiteral("milestones")).toArray();
    CHECK(milestones[1].toObject().value(QStringLiteral("state")).toString() == QStringLiteral("met"));
    CHECK(milestones[1].toObject().value(QStringLiteral("missed")).toBool()); // met after it ran out: on record as missed
    CHECK(milestones[2].toObject().value(QStringLiteral("state")).toString() == QStringLiteral("met"));
    CHECK_FALSE(milestones[2].toObject().value(QStringLiteral("missed")).toBool());
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'deadline.cleared' AND payload LIKE '%case_management.limit.%'")) == 3);

    // An existing case put on it later: criminal, before its referral, on both grounds.
    const Case admin = await(d.cases->open({CaseKind::Administrative, QStringLiteral("Noise at a bar"), QString()}));
    CHECK(failureOf(d.cases->putOnFastTrack(admin.id, admin.version, grounds)).contains(QStringLiteral("minor criminal cases")));
    Case later = await(d.cases->open({CaseKind::Criminal, QStringLiteral("Shoplifting at the mall"), QString()}));
    CHECK(failureOf(d.cases->putOnFastTrack(later.id, later.version, FastTrackGrounds{false, true, grounds.note})).contains(QStringLiteral("three years")));
    CHECK(failureOf(d.cases->putOnFastTrack(later.id, later.version - 1, grounds)).contains(QStringLiteral("meanwhile")));
    later = await(d.cases->putOnFastTrack(later.id, later.version, grounds));
    CHECK(later.fastTrack);
    CHECK(later.fastTrackAt == d.now());
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_case_limits WHERE case_id = ? AND state = 'running'"), {later.id}) == 3);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.fast_track' AND outcome = 'success'")) == 1);
    CHECK(failureOf(d.cases->putOnFastTrack(c.id, c.version, grounds)).contains(QStringLiteral("already")));
    // Closing cancels what still runs.
    d.as(QStringLiteral("hugo"));
    await(d.cases->approve(later.id, QStringLiteral("stage:closed"), QStringLiteral("Plea withdrawn; goes the ordinary way")));
    d.as(QStringLiteral("carol"));
    later = await(d.cases->move(later.id, later.version, QStringLiteral("closed"), QStringLiteral("Dropped: the owner withdrew")));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_case_limits WHERE case_id = ? AND state = 'cancelled'"), {later.id}) == 3);
    // A desk without the case permission neither puts a case on the track nor reads its status.
    d.as(QStringLiteral("hugo"));
    const Case fresh = await(d.cases->caseOf(later.id));
    CHECK(failureOf(d.cases->putOnFastTrack(fresh.id, fresh.version, grounds)).contains(QStringLiteral("fast track")));
}
