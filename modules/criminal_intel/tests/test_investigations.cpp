// Joint investigations through InvestigationService and the hub's TaskService (issue 21 section 3):
// an investigation groups leads, members from centres and units, a task division issued as hub
// tasks whose progress comes back on the line and the timeline, daily reports, targets, and a
// cluster operation proposed to the hub, which its supervisor approves (the operation planned with
// one task per target at its time after go) or rejects; intelligence packages masked by the
// recipient's rights.
#include "testsupport.h"

#include "hexhub/criminal_intel/entities.h"
#include "hexhub/criminal_intel/investigations.h"
#include "hexhub/criminal_intel/leads.h"
#include "hexhub/hub/taskservice.h"
#include "hexhub/hub/unitservice.h"

#include "base/clock.h"
#include "base/error.h"
#include "security/accesscontrol.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QJsonObject>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::criminalintel;

namespace {

const QString kPassword = QStringLiteral("Desk-Passw0rd-42");

struct Joint
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    std::unique_ptr<LeadService> leads;
    std::unique_ptr<EntityService> entities;
    std::unique_ptr<InvestigationService> investigations;
    std::unique_ptr<TaskService> tasks;
    std::unique_ptr<UnitService> units;

    Joint()
    {
        tp.start();
        for (const auto& [name, role] : {std::pair{"ivy", "criminal_intel_operator"}, {"hugo", "hub_supervisor"},
                                         {"bob", "basic_control_operator"}, {"sam", "supervision_operator"}})
            await(tp->access().createUserBySystem(NewUser{QString::fromLatin1(name), QString::fromLatin1(name), kPassword, {QString::fromLatin1(role)}}));
        leads = std::make_unique<LeadService>(tp->store(), tp->session(), tp->audit());
        entities = std::make_unique<EntityService>(tp->store(), tp->session(), tp->audit());
        investigations = std::make_unique<InvestigationService>(tp->store(), tp->session(), tp->audit());
        tasks = std::make_unique<TaskService>(tp->store(), tp->session(), tp->audit());
        units = std::make_unique<UnitService>(tp->store(), tp->session(), tp->audit());
        as("hugo");
        for (const char* callSign : {"P-11", "P-12", "SWAT-1"}) {
            Unit u;
            u.callSign = QString::fromLatin1(callSign);
            u.homeStation = QStringLiteral("Central");
            await(units->save(u));
        }
        as("ivy");
    }
    void as(const QString& name)
    {
        const SignInResult result = await(tp->access().signIn(name, kPassword));
        REQUIRE(result.principal.isValid());
        tp->session().setPrincipal(result.principal);
    }
    qint64 count(const QString& sql, const QVariantList& params = {})
    {
        return await(tp->store().read([sql, params](Sql& s) { return s.scalar(sql, params).toLongLong(); }));
    }
    Lead tip(const QString& summary)
    {
        return await(leads->recordTip({summary, QString(), QStringLiteral("Registered informant DEMO-117"),
                                       QStringLiteral("Investigation of reported offences"), 365}));
    }
    QStringList timelineKinds(qint64 id)
    {
        QStringList kinds;
        for (const TimelineEntry& e : await(investigations->timeline(id)))
            kinds << e.kind;
        return kinds;
    }
};

} // namespace

TEST_CASE("An investigation groups leads and members, and its task division is hub tasks whose progress comes back", "[criminal_intel][investigations]")
{
    Joint j;
    const Lead first = j.tip(QStringLiteral("Personal records sold in a chat group"));
    const Lead second = j.tip(QStringLiteral("Courier collects phones at the night market"));
    const Investigation inv = await(j.investigations->open(QStringLiteral("Operation Ledger"), QStringLiteral("The records gang"),
                                                            {first.id, second.id}));
    CHECK(inv.status == InvestigationStatus::Open);
    CHECK(inv.leads == 2);
    CHECK(inv.members == 1); // the opener, as lead analyst
    CHECK(inv.openedBy == QStringLiteral("ivy"));
    CHECK(await(j.leads->lead(first.id)).investigationId == inv.id);

    // A lead in another investigation does not join a second one.
    const Investigation other = await(j.investigations->open(QStringLiteral("Other"), QString(), {}));
    CHECK_THROWS_AS(await(j.investigations->joinLead(other.id, first.id)), ValidationError);

    // Members from centres and units; an unknown unit or centre is refused with its name.
    await(j.investigations->addMember(inv.id, MemberKind::Centre, QStringLiteral("bigdata_investigation"), QStringLiteral("analysis")));
    CHECK_THROWS_WITH(await(j.investigations->addMember(inv.id, MemberKind::Unit, QStringLiteral("NOPE-9"), QString())),
                      Catch::Contains("NOPE-9"));
    CHECK_THROWS_WITH(await(j.investigations->addMember(inv.id, MemberKind::Centre, QStringLiteral("fire_brigade"), QString())),
                      Catch::Contains("fire_brigade"));

    // A line of the division is a hub task in this centre's name; its unit becomes a member.
    const qint64 due = j.tp->clock().nowMs() + 8 * 3600'000LL;
    const DivisionLine line = await(j.investigations->divide(inv.id, {AssigneeKind::Unit, QStringLiteral("P-11"),
                                                                      QStringLiteral("Watch the courier's pick-up"), QString(),
                                                                      QStringLiteral("Night market, east gate"), 0, due, 2}));
    REQUIRE(line.taskId > 0);
    CHECK(line.taskStatus == QStringLiteral("issued"));
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM hub_tasks WHERE id = ? AND origin = 'criminal_intel' AND assignee = 'P-11' AND due_at = ?"),
                  {line.taskId, due}) == 1);
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM ci_investigation_members WHERE investigation_id = ? AND kind = 'unit' AND member = 'P-11'"),
                  {inv.id}) == 1);
    // The desk follows the tasks its centre asked for, and no others.
    const QList<Task> followed = await(j.tasks->tasks({line.taskId}, QStringLiteral("criminal_intel")));
    REQUIRE(followed.size() == 1);
    CHECK(followed.first().origin == QStringLiteral("criminal_intel"));
    CHECK_THROWS_AS(await(j.tasks->tasks({line.taskId}, QStringLiteral("supervision"))), PermissionDenied);

    // The unit's desk (basic control answers tasks to units) reports; the line and the timeline follow.
    j.as(QStringLiteral("bob"));
    await(j.tasks->accept(line.taskId));
    await(j.tasks->reportProgress(line.taskId, 40, QStringLiteral("Courier seen, two phones handed over")));
    j.as(QStringLiteral("ivy"));
    const QList<DivisionLine> lines = await(j.investigations->division(inv.id));
    REQUIRE(lines.size() == 1);
    CHECK(lines.first().taskStatus == QStringLiteral("in_progress"));
    CHECK(lines.first().progress == 40);
    CHECK(lines.first().progressNote == QStringLiteral("Courier seen, two phones handed over"));
    const QList<TimelineEntry> timeline = await(j.investigations->timeline(inv.id));
    REQUIRE(!timeline.isEmpty());
    CHECK(timeline.last().kind == QStringLiteral("task"));
    CHECK(timeline.last().actor == QStringLiteral("bob"));
    CHECK(timeline.last().text().contains(QStringLiteral("40%")));
    CHECK(j.timelineKinds(inv.id).mid(0, 3) == QStringList{QStringLiteral("opened"), QStringLiteral("lead_joined"), QStringLiteral("lead_joined")});

    // Another centre's desk issues no line and follows none of this centre's tasks.
    j.as(QStringLiteral("sam"));
    CHECK_THROWS_AS(await(j.investigations->divide(inv.id, {AssigneeKind::Unit, QStringLiteral("P-12"), QStringLiteral("Anything")})),
                    PermissionDenied);
    CHECK_THROWS_AS(await(j.tasks->tasks({line.taskId}, QStringLiteral("criminal_intel"))), PermissionDenied);
    j.as(QStringLiteral("ivy"));
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM ci_task_division")) == 1);

    // A bad line leaves neither the hub task nor the line.
    CHECK_THROWS_AS(await(j.investigations->divide(inv.id, {AssigneeKind::Unit, QStringLiteral("GHOST-1"), QStringLiteral("Watch")})),
                    NotFoundError);
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM hub_tasks WHERE origin = 'criminal_intel'")) == 1);

    // The daily report: one per analyst per day, the second the same day replaces the first.
    await(j.investigations->report(inv.id, QStringLiteral("Courier identified; two handsets traced.")));
    const ProgressReport again = await(j.investigations->report(inv.id, QStringLiteral("Courier identified; three handsets traced.")));
    CHECK(again.version == 2);
    CHECK(await(j.investigations->reports(inv.id)).size() == 1);
    CHECK(await(j.investigations->investigation(inv.id)).lastReportDay == again.day);
    CHECK_THROWS_AS(await(j.investigations->report(inv.id, QStringLiteral("ok"))), ValidationError);

    // Suspended, it takes no changes until reopened.
    const Investigation suspended = await(j.investigations->setStatus(inv.id, await(j.investigations->investigation(inv.id)).version,
                                                                      InvestigationStatus::Suspended, QStringLiteral("Waiting for the bank's records")));
    CHECK_THROWS_AS(await(j.investigations->report(inv.id, QStringLiteral("Anything at all to say here."))), ValidationError);
    await(j.investigations->setStatus(inv.id, suspended.version, InvestigationStatus::Open, QStringLiteral("Bank records arrived")));
}

TEST_CASE("An investigation proposes a cluster operation, the hub approves it, and its progress flows back", "[criminal_intel][investigations]")
{
    Joint j;
    const Lead lead = j.tip(QStringLiteral("Records gang: three members identified"));
    const Investigation inv = await(j.investigations->open(QStringLiteral("Operation Ledger"), QStringLiteral("Arrest the records gang"), {lead.id}));
    const Entity boss = await(j.entities->add({EntityKind::Person, QStringLiteral("Zhang Wei"), lead.id, QString(),
                                               QStringLiteral("Investigation of reported offences")}));
    const Entity flat = await(j.entities->add({EntityKind::Address, QStringLiteral("12 Harbour Road, flat 3"), lead.id}));
    const Entity phone = await(j.entities->add({EntityKind::Phone, QStringLiteral("+86 138 0013 8000"), lead.id}));
    await(j.entities->link({boss.id, flat.id, QStringLiteral("lives_at"), true, LinkConfidence::Confirmed, LinkSource::Record,
                            QStringLiteral("household register")}));
    await(j.entities->link({boss.id, phone.id, QStringLiteral("uses"), true, LinkConfidence::Unconfirmed, LinkSource::Lead,
                            QStringLiteral("lead L-1")}));

    // No targets: nothing to propose.
    CHECK_THROWS_AS(await(j.investigations->proposeOperation(inv.id, QString(), QString(), 0)), ValidationError);
    InvestigationTarget arrest;
    arrest.entityId = boss.id;
    arrest.assignee = QStringLiteral("SWAT-1");
    arrest.action = QStringLiteral("Arrest");
    arrest.place = QStringLiteral("12 Harbour Road");
    arrest.afterGoMinutes = 0;
    await(j.investigations->setTarget(inv.id, arrest));
    InvestigationTarget search;
    search.entityId = flat.id;
    search.assignee = QStringLiteral("P-12");
    search.action = QStringLiteral("Search and seize devices");
    search.afterGoMinutes = 30;
    await(j.investigations->setTarget(inv.id, search));
    // An unknown unit, or a merged entity, is no target.
    InvestigationTarget ghost = search;
    ghost.assignee = QStringLiteral("GHOST-1");
    CHECK_THROWS_AS(await(j.investigations->setTarget(inv.id, ghost)), NotFoundError);
    REQUIRE(await(j.investigations->targets(inv.id)).size() == 2);

    const qint64 go = j.tp->clock().nowMs() + 6 * 3600'000LL;
    const OperationProposal proposal = await(j.investigations->proposeOperation(inv.id, QString(), QString(), go));
    CHECK(proposal.status == ProposalStatus::Proposed);
    CHECK(proposal.origin == QStringLiteral("criminal_intel"));
    CHECK(proposal.originRef == QStringLiteral("investigation:%1").arg(inv.id));
    REQUIRE(proposal.division.size() == 2);
    CHECK(proposal.division.at(1).afterGoMs == 30 * 60'000LL);
    CHECK(!proposal.division.at(0).title.contains(QStringLiteral("Zhang"))); // the person's name masked in the hub's task
    // One proposal awaits review at a time; the analyst cannot approve it.
    CHECK_THROWS_AS(await(j.investigations->proposeOperation(inv.id, QString(), QString(), go)), ValidationError);
    CHECK_THROWS_AS(await(j.tasks->approve(proposal.id, go)), PermissionDenied);
    // The desk sees its own centre's proposals, not another's.
    CHECK(await(j.tasks->proposals(QStringLiteral("criminal_intel"))).size() == 1);
    CHECK_THROWS_AS(await(j.tasks->proposals(QStringLiteral("supervision"))), PermissionDenied);
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM hub_operations")) == 0);

    // The hub supervisor approves at a go time of their own: the operation is planned, one task per target.
    j.as(QStringLiteral("hugo"));
    const QList<OperationProposal> queue = await(j.tasks->proposals());
    REQUIRE(queue.size() == 1);
    const qint64 goAt = go + 3600'000LL;
    const OperationProposal approved = await(j.tasks->approve(proposal.id, goAt, QStringLiteral("Go at dawn")));
    CHECK(approved.status == ProposalStatus::Approved);
    CHECK(approved.reviewedBy == QStringLiteral("hugo"));
    REQUIRE(approved.operationId > 0);
    const QList<Task> opTasks = await(j.tasks->operationTasks(approved.operationId));
    REQUIRE(opTasks.size() == 2);
    CHECK(opTasks.at(0).assignee == QStringLiteral("SWAT-1"));
    CHECK(opTasks.at(0).startsAt == goAt);
    CHECK(opTasks.at(1).assignee == QStringLiteral("P-12"));
    CHECK(opTasks.at(1).startsAt == goAt + 30 * 60'000LL);
    CHECK(opTasks.at(1).origin == QStringLiteral("criminal_intel"));
    CHECK_THROWS_AS(await(j.tasks->approve(proposal.id, goAt)), ValidationError); // reviewed once
    CHECK_THROWS_AS(await(j.tasks->reject(proposal.id, QString())), ValidationError);

    // The investigation knows its operation; the operation's progress comes back on its timeline.
    j.as(QStringLiteral("ivy"));
    CHECK(await(j.investigations->investigation(inv.id)).operationId == approved.operationId);
    j.as(QStringLiteral("hugo"));
    await(j.tasks->start(approved.operationId));
    j.as(QStringLiteral("bob"));
    await(j.tasks->accept(opTasks.at(1).id));
    await(j.tasks->complete(opTasks.at(1).id, QStringLiteral("Four laptops seized")));
    j.as(QStringLiteral("ivy"));
    const QStringList kinds = j.timelineKinds(inv.id);
    CHECK(kinds.contains(QStringLiteral("proposed")));
    CHECK(kinds.contains(QStringLiteral("reviewed")));
    CHECK(kinds.contains(QStringLiteral("operation")));
    const QList<TimelineEntry> timeline = await(j.investigations->timeline(inv.id));
    CHECK(timeline.last().kind == QStringLiteral("task"));
    CHECK(timeline.last().text().contains(QStringLiteral("Four laptops seized")));
    const Operation op = await(j.tasks->operation(approved.operationId, QStringLiteral("criminal_intel")));
    CHECK(op.status == OperationStatus::Running);
    CHECK(op.originRef == QStringLiteral("investigation:%1").arg(inv.id));

    // Intelligence packages: a unit's recipients (basic control's operators) may not see personal
    // data, so the person's name is masked; the links and the handling come with it.
    const QList<IntelPackage> packages = await(j.investigations->packages(inv.id));
    REQUIRE(packages.size() == 2);
    const IntelPackage& first = packages.first();
    CHECK(first.recipient == QStringLiteral("SWAT-1"));
    CHECK(!first.personalDataShown);
    CHECK(!first.targetLabel.contains(QStringLiteral("Zhang")));
    CHECK(first.linked.size() == 2);
    for (const IntelPackage::Linked& l : first.linked)
        CHECK(!l.label.contains(QStringLiteral("138")));
    REQUIRE(first.handling.size() == 1);
    CHECK(first.handling.first().startsWith(lead.reference));
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'intel_package.made'")) == 2);
}

TEST_CASE("A rejected or withdrawn proposal plans nothing and says why", "[criminal_intel][investigations]")
{
    Joint j;
    const Lead lead = j.tip(QStringLiteral("Records gang: one member identified"));
    const Investigation inv = await(j.investigations->open(QStringLiteral("Operation Quill"), QString(), {lead.id}));
    const Entity phone = await(j.entities->add({EntityKind::Phone, QStringLiteral("13900000000"), lead.id}));
    InvestigationTarget t;
    t.entityId = phone.id;
    t.assignee = QStringLiteral("P-11");
    t.action = QStringLiteral("Locate the handset");
    await(j.investigations->setTarget(inv.id, t));

    const OperationProposal first = await(j.investigations->proposeOperation(inv.id, QStringLiteral("Quill"), QString(), 0));
    CHECK_THROWS_AS(await(j.investigations->withdrawProposal(inv.id, QStringLiteral("no"))), ValidationError);
    const OperationProposal withdrawn = await(j.investigations->withdrawProposal(inv.id, QStringLiteral("Target moved to another city")));
    CHECK(withdrawn.status == ProposalStatus::Withdrawn);
    j.as(QStringLiteral("hugo"));
    CHECK_THROWS_AS(await(j.tasks->approve(first.id, j.tp->clock().nowMs() + 3600'000LL)), ValidationError);

    j.as(QStringLiteral("ivy"));
    const OperationProposal second = await(j.investigations->proposeOperation(inv.id, QStringLiteral("Quill"), QString(), 0));
    j.as(QStringLiteral("hugo"));
    // No go time proposed and none given: the supervisor must set one.
    CHECK_THROWS_AS(await(j.tasks->approve(second.id, 0)), ValidationError);
    CHECK_THROWS_AS(await(j.tasks->reject(second.id, QStringLiteral("  "))), ValidationError);
    const OperationProposal rejected = await(j.tasks->reject(second.id, QStringLiteral("Not enough evidence for a search")));
    CHECK(rejected.status == ProposalStatus::Rejected);
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM hub_operations")) == 0);
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'operation.rejected'")) == 1);

    j.as(QStringLiteral("ivy"));
    const QList<TimelineEntry> timeline = await(j.investigations->timeline(inv.id));
    CHECK(timeline.last().kind == QStringLiteral("reviewed"));
    CHECK(timeline.last().text().contains(QStringLiteral("Not enough evidence")));
    // Closing with nothing awaiting review is allowed; a closed investigation takes no changes.
    const Investigation closed = await(j.investigations->setStatus(inv.id, await(j.investigations->investigation(inv.id)).version,
                                                                   InvestigationStatus::Closed, QStringLiteral("Evidence did not hold")));
    CHECK(closed.status == InvestigationStatus::Closed);
    CHECK_THROWS_AS(await(j.investigations->setTarget(inv.id, t)), ValidationError);
}

TEST_CASE("A lead another centre refers is taken in once, in that centre's transaction and name", "[criminal_intel][leads]")
{
    Joint j;
    // As the giving centre's service would: its own change and the referral in one transaction.
    const auto refer = [&j](const QString& centre, const LeadReferred& referral) {
        return j.tp->store().write(WriteContext{centre, QStringLiteral("sam"), {}}, [referral](WriteTransaction& txn) {
            txn.publish(referral);
            return true;
        });
    };
    LeadReferred r;
    r.record = QStringLiteral("case 2026-0042");
    r.summary = QStringLiteral("Suspect in custody names a buyer of stolen records");
    r.details = QStringLiteral("Said during the second interview");
    r.evidence = QJsonObject{{QStringLiteral("case"), QStringLiteral("2026-0042")}};
    r.legalBasis = QStringLiteral("Criminal Procedure Law art. 52");
    await(refer(QStringLiteral("case_management"), r));
    await(refer(QStringLiteral("case_management"), r)); // again: the same lead
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE source_kind = 'centre' AND source_centre = 'case_management' "
                                 "AND source_record = 'case_management case 2026-0042'")) == 1);
    // Its assess limit on the hub's deadline queue, and lead.received for the desks.
    const qint64 referred = j.count(QStringLiteral("SELECT id FROM ci_leads WHERE source_kind = 'centre'"));
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'deadline.set' AND payload LIKE ?"),
                  {QStringLiteral("%criminal_intel.lead.%1.assess%").arg(referred)}) == 1);
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'lead.received' AND payload LIKE '%case_management case 2026-0042%'")) == 1);
    // The same record name from another centre is another lead.
    await(refer(QStringLiteral("supervision"), r));
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE source_kind = 'centre'")) == 2);
    // Not whole, or not from one of the other centres: refused, and the giving change with it.
    LeadReferred bare = r;
    bare.record = QStringLiteral("demand 7");
    bare.legalBasis.clear();
    CHECK_THROWS_AS(await(refer(QStringLiteral("supervision"), bare)), ValidationError);
    CHECK_THROWS_AS(await(refer(QStringLiteral("hub"), r)), ValidationError);
    CHECK_THROWS_AS(await(refer(QStringLiteral("criminal_intel"), r)), ValidationError);
    CHECK(j.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE source_kind = 'centre'")) == 2);
}
