// Criminal intelligence on a shared server, tried as hostile desks would (issue 21): the big-data
// desk's login hands a hit on and the server makes the lead from the hit's own row, writing and reading
// none of the centre's rows itself; the hub's login sends an incident the same way; a tip's protected
// source is the server's to guard; the grading scheme only an administrator's to change, stamped by the
// server. In a binary of its own (it links the centres' domain libraries), PostgreSQL only.
#include "preparedserver.h"

#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/modelservice.h"
#include "hexhub/criminal_intel/entities.h"
#include "hexhub/criminal_intel/investigations.h"
#include "hexhub/hub/taskservice.h"
#include "hexhub/criminal_intel/leads.h"
#include "hexhub/hub/incidentservice.h"

#include "base/clock.h"
#include "store/outbox.h"

#include <QDateTime>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::prepared;

TEST_CASE("A hit handed on becomes criminal intelligence's lead through the server, and a lead's protected source and the "
          "grading scheme are the server's to guard",
          "[postgresql][desks][security]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString takeIn = QStringLiteral("SELECT lead_id FROM ci_take_in_hit(%1, %2, %3)");
    const qint64 tip = owner.scalar(QStringLiteral("SELECT id FROM ci_leads WHERE reference = 'L-1'")).toLongLong();

    // Straight in SQL: the big-data login writes none of criminal intelligence's rows, and the
    // server takes no hit in that is not handed on to it, nor for a login that may not hand hits on.
    Login bigdata(server.urlOf(server.bigdata));
    CHECK(!bigdata.refusal(QStringLiteral("INSERT INTO ci_leads (reference, source_kind, summary, legal_basis, retain_until, received_at) "
                                          "VALUES ('L-X', 'tip', 'Made up', 'none', 1, 0)"))
               .isEmpty());
    CHECK(deniedOrForbidden(bigdata.refusal(QStringLiteral("SELECT id FROM ci_leads"))));
    CHECK(bigdata.refusal(takeIn.arg(501).arg(now).arg(now + 1000)).contains(QStringLiteral("not handed on")));
    Login intel(server.urlOf(server.intel));
    CHECK(deniedOrForbidden(intel.refusal(takeIn.arg(501).arg(now).arg(now + 1000))));

    // Through the services, as a big-data desk hands it on: the lead is the server's making, from the
    // hit's own row, in the same transaction; the centre's events reach criminal intelligence.
    {
        TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        config.store = server.urlOf(server.bigdata);
        config.keyPath = server.keyPath();
        TestPlatform desk(config);
        desk.start();
        const SignInResult signedIn = await(desk->access().signIn(server.bigdata, kPassword));
        REQUIRE(signedIn.ok);
        desk->session().setPrincipal(signedIn.principal);
        bigdata::DatasetService datasets(desk->store(), desk->session(), desk->audit());
        bigdata::ModelService models(desk->store(), desk->session(), desk->audit(), datasets);
        CHECK(await(models.handOn(501, QStringLiteral("criminal_intel"))).status == bigdata::HitStatus::HandedOn);
        // The unreviewed hit is not handed on, and nothing is taken in for it.
        CHECK(!failureOf(models.handOn(502, QStringLiteral("criminal_intel"))).isEmpty());
    }
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM ci_leads WHERE source_kind = 'big_data'")).toInt() == 1);
    CHECK(owner.scalar(QStringLiteral("SELECT summary FROM ci_leads WHERE source_record = 'hit 501'")).toString()
          == QStringLiteral("70 accounts tied by 12 phones"));
    CHECK(owner.scalar(QStringLiteral("SELECT details FROM ci_leads WHERE source_record = 'hit 501'")).toString()
          == QStringLiteral("Shared phones across five cities"));
    CHECK(owner.scalar(QStringLiteral("SELECT audience FROM events WHERE topic = 'lead.received'")).toString() == QStringLiteral("criminal_intel"));
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'deadline.set' AND audience = 'criminal_intel' "
                                      "AND payload LIKE '%criminal_intel.lead.%'")).toInt() == 1);
    // Asked again, the server gives the same lead and makes none.
    const QString lead = owner.scalar(QStringLiteral("SELECT id FROM ci_leads WHERE source_record = 'hit 501'")).toString();
    CHECK(bigdata.column(takeIn.arg(501).arg(now).arg(now + 1000)) == QStringList{lead});
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM ci_leads WHERE source_kind = 'big_data'")).toInt() == 1);
    // Criminal intelligence's desk reads it; the big-data desk still reads none of its rows.
    CHECK(intel.column(QStringLiteral("SELECT source_record FROM ci_leads WHERE source_kind = 'big_data'")) == QStringList{QStringLiteral("hit 501")});
    CHECK(deniedOrForbidden(bigdata.refusal(QStringLiteral("SELECT id FROM ci_leads"))));

    // An incident the hub sends to intelligence: the server takes it in for a login that may manage
    // incidents, from the incident's own row (never the caller's contact), and the incident is linked.
    const QString incidentIn = QStringLiteral("SELECT lead_id FROM ci_take_in_incident(901, 'Same crew?', %1, %2)").arg(now).arg(now + 1000);
    CHECK(deniedOrForbidden(intel.refusal(incidentIn)));
    CHECK(deniedOrForbidden(bigdata.refusal(incidentIn)));
    {
        TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        config.store = server.urlOf(server.hub);
        config.keyPath = server.keyPath();
        TestPlatform desk(config);
        desk.start();
        const SignInResult signedIn = await(desk->access().signIn(server.hub, kPassword));
        REQUIRE(signedIn.ok);
        desk->session().setPrincipal(signedIn.principal);
        IncidentService incidents(desk->store(), desk->session(), desk->audit());
        await(incidents.sendToIntelligence(901, QStringLiteral("Same crew as the market thefts?")));
        const QList<IncidentLink> links = await(incidents.links(901));
        REQUIRE(links.size() == 1);
        CHECK(links[0].ref == owner.scalar(QStringLiteral("SELECT reference FROM ci_leads WHERE source_record = 'incident I-901'")).toString());
    }
    CHECK(owner.scalar(QStringLiteral("SELECT summary FROM ci_leads WHERE source_record = 'incident I-901'")).toString() == QStringLiteral("Bag snatched (Market St)"));
    CHECK(!owner.scalar(QStringLiteral("SELECT evidence || details FROM ci_leads WHERE source_record = 'incident I-901'")).toString().contains(QStringLiteral("13800138000")));
    CHECK(intel.column(QStringLiteral("SELECT details FROM ci_leads WHERE source_kind = 'incident'")) == QStringList{QStringLiteral("Same crew as the market thefts?")});

    // A tip's source: not readable by any desk's login, masked whole; revealed through the server
    // with criminal_intel.source.reveal and a reason, on the audit chain; the hub's supervisor sees the
    // lead but may not reveal its source.
    CHECK(deniedOrForbidden(intel.refusal(QStringLiteral("SELECT source_detail FROM ci_leads"))));
    CHECK(intel.column(QStringLiteral("SELECT source_detail_masked FROM ci_leads WHERE id = %1").arg(tip)) == QStringList{QStringLiteral("********")});
    {
        SignedInDesk desk(server, server.intel);
        criminalintel::LeadService leads(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        CHECK(await(leads.revealSource(tip, QStringLiteral("Call the informant back"))) == QStringLiteral("Informant K at the bus depot"));
        CHECK(await(leads.analysts()) == QStringList{server.intel});
    }
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'personal_data.revealed' AND actor = '%1' "
                                      "AND object = 'ci_leads:%2:source_detail'").arg(server.intel).arg(tip)).toInt() == 1);
    Login hub(server.urlOf(server.hub));
    CHECK(hub.column(QStringLiteral("SELECT reference FROM ci_leads WHERE id = %1").arg(tip)) == QStringList{QStringLiteral("L-1")});
    CHECK(deniedOrForbidden(hub.refusal(QStringLiteral("SELECT hexhub_reveal('ci_leads', 'source_detail', %1, 'Curious about it')").arg(tip))));
    Login cases(server.urlOf(server.cases));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT name FROM ci_analysts()"))));

    // The grading scheme: every desk reads it; an analyst's login changes it neither straight in SQL
    // nor with the permission forged into its session; an administrator's does, stamped by the server.
    CHECK(intel.column(QStringLiteral("SELECT value FROM ci_settings WHERE key = 'grading_scheme'")) == QStringList{QStringLiteral("admiralty")});
    CHECK(deniedOrForbidden(intel.refusal(QStringLiteral("UPDATE ci_settings SET value = '3x5x2' WHERE key = 'grading_scheme'"))));
    {
        SignedInDesk desk(server, server.intel);
        Principal forged = desk.principal;
        forged.permissions.insert(QStringLiteral("criminal_intel.settings.manage"));
        desk.platform->session().setPrincipal(forged);
        criminalintel::LeadService leads(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        CHECK(!failureOf(leads.setScheme(criminalintel::GradingScheme::ThreeByFiveByTwo, QStringLiteral("forged permission"), 1)).isEmpty());
    }
    CHECK(owner.scalar(QStringLiteral("SELECT value FROM ci_settings WHERE key = 'grading_scheme'")).toString() == QStringLiteral("admiralty"));
    Login admins(server.urlOf(server.admin));
    CHECK(admins.refusal(QStringLiteral("UPDATE ci_settings SET value = '3x5x2', changed_by = 'somebody else', version = version + 1 "
                                        "WHERE key = 'grading_scheme'"))
              .isEmpty());
    CHECK(owner.scalar(QStringLiteral("SELECT changed_by FROM ci_settings WHERE key = 'grading_scheme'")).toString() == server.admin);
}

TEST_CASE("Entities on a shared server: labels and match keys are the server's to guard, cross-referencing is the server's to do, "
          "and only the centre's analysts change the chart",
          "[postgresql][desks][security]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    const qint64 tip = owner.scalar(QStringLiteral("SELECT id FROM ci_leads WHERE reference = 'L-1'")).toLongLong();
    qint64 phone = 0, again = 0, person = 0;
    {
        SignedInDesk desk(server, server.intel);
        criminalintel::EntityService entities(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        person = await(entities.add({criminalintel::EntityKind::Person, QStringLiteral("Wei Li"), tip})).id;
        phone = await(entities.add({criminalintel::EntityKind::Phone, QStringLiteral("+86 138 0013 8000"), tip})).id;
        again = await(entities.add({criminalintel::EntityKind::Phone, QStringLiteral("138-0013-8000")})).id;
        // Cross-referencing through the server: the desk's login never reads a key.
        REQUIRE(await(entities.matchesOf(again)).size() == 1);
        CHECK(await(entities.matchesOf(again))[0].entity.id == phone);
        CHECK(await(entities.matches({criminalintel::EntityKind::Phone, QStringLiteral("13800138000")})).size() == 2);
        QList<qint64> found;
        for (const criminalintel::Entity& e : await(entities.search(QStringLiteral("0086 138 0013 8000"), 10)))
            found << e.id;
        CHECK(found == QList<qint64>{phone, again});
        const criminalintel::Link link = await(entities.link({person, phone, QStringLiteral("uses"), true, criminalintel::LinkConfidence::Confirmed,
                                                              criminalintel::LinkSource::Lead, QStringLiteral("lead L-1")}));
        await(entities.link({again, person, QStringLiteral("registered_to"), true, criminalintel::LinkConfidence::Unconfirmed,
                             criminalintel::LinkSource::Record, QStringLiteral("operator register 2026-03")}));
        // Merged through the desk's grants: links and leads pass on.
        const criminalintel::Entity merged = await(entities.merge(again, 1, phone, QStringLiteral("Same number, written two ways")));
        CHECK(merged.mergedInto == phone);
        CHECK(await(entities.neighbours({person}, 1, 10)).links.size() == 2);
        CHECK(await(entities.revealLabel(person, QStringLiteral("Matching the custody record"))) == QStringLiteral("Wei Li"));
        CHECK(link.createdBy == server.intel);
    }
    Login intel(server.urlOf(server.intel));
    CHECK(deniedOrForbidden(intel.refusal(QStringLiteral("SELECT label FROM ci_entities"))));
    CHECK(deniedOrForbidden(intel.refusal(QStringLiteral("SELECT match_key FROM ci_entities"))));
    CHECK(deniedOrForbidden(intel.refusal(QStringLiteral("SELECT id FROM ci_entities WHERE match_key = '13800138000'"))));
    CHECK(intel.column(QStringLiteral("SELECT label_masked FROM ci_entities WHERE id = %1").arg(person)) == QStringList{QStringLiteral("**i Li")});
    // Who made a link is the server's to write, whatever the desk sends.
    CHECK(intel.refusal(QStringLiteral("INSERT INTO ci_links (from_id, to_id, relation, source_kind, source_ref, created_by) "
                                       "VALUES (%1, %2, 'met', 'analyst', 'seen together', 'somebody else')")
                            .arg(person)
                            .arg(phone))
              .isEmpty());
    CHECK(owner.scalar(QStringLiteral("SELECT created_by FROM ci_links WHERE source_ref = 'seen together'")).toString() == server.intel);
    // A label, a kind or a key is not changed in place (add the right one and merge).
    CHECK(deniedOrForbidden(intel.refusal(QStringLiteral("UPDATE ci_entities SET label = 'Someone else' WHERE id = %1").arg(person))));
    CHECK(deniedOrForbidden(intel.refusal(QStringLiteral("UPDATE ci_entities SET match_key = '13900139000' WHERE id = %1").arg(phone))));
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'personal_data.revealed' AND object = 'ci_entities:%1:label'")
                           .arg(person))
              .toInt() == 1);
    // The hub's supervisor reads the chart, masked, and changes nothing; another centre reads none of it.
    Login hub(server.urlOf(server.hub));
    CHECK(hub.column(QStringLiteral("SELECT count(*) FROM ci_links")) == QStringList{QStringLiteral("3")});
    CHECK(hub.column(QStringLiteral("SELECT count(*) FROM ci_lead_entities")) == QStringList{QStringLiteral("2")});
    CHECK(!hub.refusal(QStringLiteral("INSERT INTO ci_links (from_id, to_id, relation, source_kind, source_ref) VALUES (%1, %2, 'met', 'analyst', 'x')")
                           .arg(person)
                           .arg(phone))
               .isEmpty());
    CHECK(!hub.refusal(QStringLiteral("DELETE FROM ci_links")).isEmpty());
    // The supervisor's general right to reveal personal data holds here too, with a reason, on the chain.
    CHECK(hub.column(QStringLiteral("SELECT hexhub_reveal('ci_entities', 'label', %1, 'Who is behind the ring')").arg(person)) == QStringList{QStringLiteral("Wei Li")});
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'personal_data.revealed' AND object = 'ci_entities:%1:label'")
                           .arg(person))
              .toInt() == 2);
    Login cases(server.urlOf(server.cases));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT count(*) FROM ci_links"))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT count(*) FROM ci_entities"))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT hexhub_reveal('ci_entities', 'label', %1, 'Curious about it')").arg(person))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT id FROM ci_entities_matching('phone', '13800138000')"))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT id FROM ci_entity_matches(%1)").arg(phone))));
}

TEST_CASE("Joint investigations on a shared server: tasks and proposals only in the centre's own name, what the hub reports "
          "written by the server, the review only the hub's",
          "[postgresql][desks][security]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    owner.exec(QStringLiteral("INSERT INTO hub_units (id, kind, status, status_since) VALUES ('P-7', 'patrol_car', 'available', 0), "
                              "('SWAT-2', 'special_response', 'available', 0)"));
    const qint64 tip = owner.scalar(QStringLiteral("SELECT id FROM ci_leads WHERE reference = 'L-1'")).toLongLong();
    qint64 inv = 0, task = 0, proposal = 0;
    {
        SignedInDesk desk(server, server.intel);
        criminalintel::InvestigationService investigations(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        criminalintel::EntityService entities(desk.platform->store(), desk.platform->session(), desk.platform->audit());
        inv = await(investigations.open(QStringLiteral("Operation Skimmer"), QStringLiteral("The card skimmer crew"), {tip})).id;
        const criminalintel::DivisionLine line = await(investigations.divide(
            inv, {AssigneeKind::Unit, QStringLiteral("P-7"), QStringLiteral("Watch the bus depot"), QString(), QStringLiteral("Bus depot"), 0,
                  desk.platform->clock().nowMs() + 24 * 3600'000LL})); // its due time on the deadline queue too
        task = line.taskId;
        REQUIRE(task > 0);
        const qint64 person = await(entities.add({criminalintel::EntityKind::Person, QStringLiteral("Wei Li"), tip})).id;
        criminalintel::InvestigationTarget target;
        target.entityId = person;
        target.assignee = QStringLiteral("SWAT-2");
        target.action = QStringLiteral("Arrest");
        await(investigations.setTarget(inv, target));
        proposal = await(investigations.proposeOperation(inv, QString(), QString(), 0)).id;
        // The package for a unit's recipients shows the person masked (basic control may not reveal).
        const QList<criminalintel::IntelPackage> packages = await(investigations.packages(inv));
        REQUIRE(packages.size() == 1);
        CHECK(!packages.first().personalDataShown);
        CHECK(packages.first().targetLabel == QStringLiteral("**i Li"));
    }
    CHECK(owner.scalar(QStringLiteral("SELECT origin || '/' || created_by FROM hub_tasks WHERE id = %1").arg(task)).toString()
          == QStringLiteral("criminal_intel/") + server.intel);
    CHECK(owner.scalar(QStringLiteral("SELECT proposed_by FROM hub_operation_proposals WHERE id = %1").arg(proposal)).toString() == server.intel);

    // Straight in SQL, the intelligence login: no task in another centre's name or inside an
    // operation, no journal entry of what the hub reports, no line without its task, no review.
    Login intel(server.urlOf(server.intel));
    CHECK(!intel.refusal(QStringLiteral("INSERT INTO hub_tasks (assignee_kind, assignee, title, origin, created_by, created_at, updated_at) "
                                        "VALUES ('unit', 'P-7', 'Made up', 'supervision', 'x', 0, 0)")).isEmpty());
    CHECK(!intel.refusal(QStringLiteral("INSERT INTO hub_tasks (assignee_kind, assignee, title, created_by, created_at, updated_at) "
                                        "VALUES ('unit', 'P-7', 'No origin', 'x', 0, 0)")).isEmpty());
    CHECK(!intel.refusal(QStringLiteral("INSERT INTO ci_investigation_journal (investigation_id, at, actor, kind, data) "
                                        "VALUES (%1, 0, 'x', 'reviewed', '{\"status\": \"approved\"}')").arg(inv)).isEmpty());
    CHECK(!intel.refusal(QStringLiteral("INSERT INTO ci_task_division (investigation_id, unit, assignment, task_id) VALUES (%1, 'P-7', 'Again', %2)")
                             .arg(inv).arg(task)).isEmpty());
    CHECK(deniedOrForbidden(intel.refusal(QStringLiteral("UPDATE ci_task_division SET task_status = 'done'"))));
    CHECK(deniedOrForbidden(intel.refusal(QStringLiteral("UPDATE ci_investigations SET operation_id = 1"))));
    CHECK(!intel.refusal(QStringLiteral("UPDATE hub_operation_proposals SET status = 'approved', operation_id = NULL WHERE id = %1").arg(proposal)).isEmpty());
    CHECK(owner.scalar(QStringLiteral("SELECT status FROM hub_operation_proposals WHERE id = %1").arg(proposal)).toString() == QStringLiteral("proposed"));
    // The intelligence login follows its own tasks, and answering them stays the unit's: its update
    // finds no row; another centre's login sees neither its tasks nor its proposals.
    CHECK(intel.column(QStringLiteral("SELECT count(*) FROM hub_tasks WHERE id = %1").arg(task)) == QStringList{QStringLiteral("1")});
    CHECK(intel.refusal(QStringLiteral("UPDATE hub_tasks SET status = 'done', progress = 100 WHERE id = %1").arg(task)).isEmpty());
    CHECK(owner.scalar(QStringLiteral("SELECT status FROM hub_tasks WHERE id = %1").arg(task)).toString() == QStringLiteral("issued"));
    Login cases(server.urlOf(server.cases));
    CHECK(cases.column(QStringLiteral("SELECT count(*) FROM hub_tasks WHERE id = %1").arg(task)) == QStringList{QStringLiteral("0")});
    // A lead referred by case management: taken in by the server in that centre's name only.
    const QString refer = QStringLiteral("SELECT lead_reference FROM ci_take_in_referral('%1', 'case C-1', 'Suspect names a buyer of records', "
                                         "'', '{}', 'Criminal Procedure Law art. 52', %2, %3)");
    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    CHECK(deniedOrForbidden(cases.refusal(refer.arg(QStringLiteral("supervision")).arg(at).arg(at + 1000))));
    CHECK(deniedOrForbidden(intel.refusal(refer.arg(QStringLiteral("case_management")).arg(at).arg(at + 1000))));
    CHECK(cases.refusal(refer.arg(QStringLiteral("case_management")).arg(at).arg(at + 1000)).isEmpty());
    CHECK(owner.scalar(QStringLiteral("SELECT source_centre || '/' || source_record FROM ci_leads WHERE source_kind = 'centre'")).toString()
          == QStringLiteral("case_management/case_management case C-1"));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT id FROM ci_leads"))));
    CHECK(deniedOrForbidden(cases.refusal(QStringLiteral("SELECT count(*) FROM hub_operation_proposals"))));
    // Any login may ask the server to copy what its own hub rows say; a task unchanged adds nothing.
    CHECK(cases.refusal(QStringLiteral("SELECT * FROM ci_follow_hub('task', %1, %2)").arg(task).arg(QDateTime::currentMSecsSinceEpoch())) == QString());
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM ci_investigation_journal WHERE kind = 'task'")).toInt() == 1);

    // The station's desk answers the task: the server writes it on the investigation's line and timeline.
    // Desks with the modules loaded, so that criminal intelligence's reaction runs in their transactions.
    auto deskOf = [&server](const QString& login) {
        TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        config.store = server.urlOf(login);
        config.keyPath = server.keyPath();
        auto desk = std::make_unique<TestPlatform>(config);
        desk->start();
        const SignInResult signedIn = await((*desk)->access().signIn(login, kPassword));
        REQUIRE(signedIn.ok);
        (*desk)->session().setPrincipal(signedIn.principal);
        return desk;
    };
    {
        const auto desk = deskOf(server.basic);
        TaskService tasks((*desk)->store(), (*desk)->session(), (*desk)->audit());
        await(tasks.accept(task));
        await(tasks.reportProgress(task, 60, QStringLiteral("Two men seen at the ticket machines")));
    }
    CHECK(owner.scalar(QStringLiteral("SELECT task_status || ' ' || progress FROM ci_task_division WHERE task_id = %1").arg(task)).toString()
          == QStringLiteral("in_progress 60"));
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM ci_investigation_journal WHERE kind = 'task' AND actor = '%1'").arg(server.basic)).toInt() == 2);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'investigation.changed' AND audience = 'criminal_intel'")).toInt() >= 2);

    // The hub supervisor approves; the server records the operation on the investigation.
    qint64 operation = 0;
    {
        const auto desk = deskOf(server.hub);
        TaskService tasks((*desk)->store(), (*desk)->session(), (*desk)->audit());
        operation = await(tasks.approve(proposal, QDateTime::currentMSecsSinceEpoch() + 3600'000LL, QStringLiteral("Go"))).operationId;
    }
    REQUIRE(operation > 0);
    CHECK(owner.scalar(QStringLiteral("SELECT operation_id FROM ci_investigations WHERE id = %1").arg(inv)).toLongLong() == operation);
    CHECK(owner.scalar(QStringLiteral("SELECT reviewed_by FROM hub_operation_proposals WHERE id = %1").arg(proposal)).toString() == server.hub);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM ci_investigation_journal WHERE kind = 'reviewed'")).toInt() == 1);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM hub_tasks WHERE operation_id = %1 AND origin = 'criminal_intel'").arg(operation)).toInt() == 1);
    CHECK(intel.column(QStringLiteral("SELECT count(*) FROM hub_tasks WHERE operation_id = %1").arg(operation)) == QStringList{QStringLiteral("1")});
}

TEST_CASE("An analyst's commands made while the server is away are kept on the desk and sent when it is back, in order, "
          "once, under the analyst's own login, and a change made meanwhile is held for the analyst's decision",
          "[postgresql][desks][outbox]")
{
    PreparedServer server;
    RawPg owner(server.ownerUrl);
    owner.exec(QStringLiteral("INSERT INTO hub_units (id, kind, status, status_since) VALUES ('P-7', 'patrol_car', 'available', 0)"));
    const qint64 tip = owner.scalar(QStringLiteral("SELECT id FROM ci_leads WHERE reference = 'L-1'")).toLongLong();
    TcpRelay relay(server.ownerUrl.host, quint16(server.ownerUrl.port));

    // The analyst's desk reaches the server through a cable that can be pulled; its modules register
    // how the centre's kept commands are sent again.
    RelayedDesk desk(server, relay, server.intel);
    Outbox& outbox = desk->outbox();
    criminalintel::LeadService leads(desk->store(), desk->session(), desk->audit(), &outbox);
    criminalintel::EntityService entities(desk->store(), desk->session(), desk->audit(), &outbox);
    criminalintel::InvestigationService investigations(desk->store(), desk->session(), desk->audit(), &outbox);
    const criminalintel::Lead seen = await(leads.lead(tip));

    // The cable is pulled. The analyst goes on triaging from what the desk showed: every command is
    // kept, each on the lead made from the same view of it.
    relay.cut();
    criminalintel::LeadGrade grade;
    grade.source = QStringLiteral("B");
    grade.information = QStringLiteral("2");
    CHECK(queuedWhenDone(leads.grade(tip, seen.version, grade, QStringLiteral("Informant right twice before"))).startsWith(QStringLiteral("Grade lead")));
    CHECK(queuedWhenDone(leads.assign(tip, seen.version, server.intel)).startsWith(QStringLiteral("Assign lead")));
    CHECK(queuedWhenDone(leads.move(tip, seen.version, criminalintel::LeadStatus::Developing, QString())).startsWith(QStringLiteral("Move lead")));
    criminalintel::NewTip newTip;
    newTip.summary = QStringLiteral("Skimmer parts bought online");
    newTip.source = QStringLiteral("Shop owner on Quay 4");
    newTip.legalBasis = QStringLiteral("Criminal Procedure Law art. 52");
    const CommandId tipCommand = CommandId::make();
    CHECK(queuedWhenDone(leads.recordTip(newTip, tipCommand)) == QStringLiteral("Record a tip: Skimmer parts bought online"));
    CHECK(queuedWhenDone(investigations.open(QStringLiteral("Operation Skimmer"), QStringLiteral("The card skimmer crew"), {tip}))
              .startsWith(QStringLiteral("Open investigation")));
    CHECK(queuedWhenDone(entities.add({criminalintel::EntityKind::Phone, QStringLiteral("138 0013 8000"), tip})).startsWith(QStringLiteral("Add")));
    CHECK(outbox.waiting() == 6);
    // The tip's protected source is kept under a key `hexhub --outbox` prints masked.
    const QList<OutboxEntry> keptNow = await(outbox.entries());
    REQUIRE(keptNow.size() == 6);
    CHECK(keptNow[3].command.operation == QStringLiteral("criminal_intel.lead.tip"));
    CHECK(keptNow[3].command.args.value(QStringLiteral("tip")).toObject().value(QStringLiteral("protectedSource")).toString()
          == QStringLiteral("Shop owner on Quay 4"));
    // The same tip sent again (a double press) is kept once; bad input is refused at once, not kept.
    CHECK(queuedWhenDone(leads.recordTip(newTip, tipCommand)) == QStringLiteral("Record a tip: Skimmer parts bought online"));
    CHECK(queuedWhenDone(leads.merge(tip, seen.version, tip + 1, QStringLiteral(" "))).startsWith(QStringLiteral("not kept: ")));
    CHECK(outbox.waiting() == 6);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM ci_leads")).toInt() == 1);

    // The server is back: what the analyst made goes by itself, in order, in the analyst's name;
    // the analyst's own kept changes of the lead are no conflict with each other.
    relay.restore();
    REQUIRE(waitUntil([&] { return outbox.waiting() == 0; }, 60000));
    CHECK(owner.scalar(QStringLiteral("SELECT source_grade || info_grade || ' ' || status || ' ' || assigned_to || ' ' || version FROM ci_leads "
                                      "WHERE id = %1").arg(tip)).toString()
          == QStringLiteral("B2 developing %1 %2").arg(server.intel).arg(seen.version + 4)); // graded, assigned, moved, joined
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM ci_leads WHERE summary = 'Skimmer parts bought online'")).toInt() == 1);
    CHECK(owner.scalar(QStringLiteral("SELECT i.title FROM ci_investigations i JOIN ci_leads l ON l.investigation_id = i.id WHERE l.id = %1")
                           .arg(tip)).toString() == QStringLiteral("Operation Skimmer"));
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM ci_entities e JOIN ci_lead_entities le ON le.entity_id = e.id WHERE le.lead_id = %1")
                           .arg(tip)).toInt() == 1);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'lead.updated' AND actor = '%1'").arg(server.intel)).toInt() == 3);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'lead.received' AND actor = '%1'").arg(server.intel)).toInt() == 1);
    CHECK(owner.scalar(QStringLiteral("SELECT count(*) FROM applied_commands WHERE operation LIKE 'criminal_intel.%'")).toInt() == 6);

    // Kept again while another analyst's desk, on the server, assigns the lead meanwhile: the kept
    // grade is stale and waits for the analyst, who keeps theirs over the newer lead.
    const criminalintel::Lead now = await(leads.lead(tip));
    QList<OutboxEntry> attention;
    QObject guard;
    QObject::connect(&outbox, &Outbox::attentionNeeded, &guard, [&](const OutboxEntry& e) { attention << e; });
    relay.cut();
    criminalintel::LeadGrade regrade = grade;
    regrade.information = QStringLiteral("1");
    CHECK(queuedWhenDone(leads.grade(tip, now.version, regrade, QStringLiteral("Confirmed by the bank's records"))).startsWith(QStringLiteral("Grade lead")));
    {
        SignedInDesk other(server, server.intel);
        criminalintel::LeadService theirs(other.platform->store(), other.platform->session(), other.platform->audit());
        await(theirs.assign(tip, now.version, QString()));
    }
    relay.restore();
    REQUIRE(waitUntil([&] { return !attention.isEmpty(); }, 60000));
    CHECK(attention[0].state == OutboxEntry::State::Conflict);
    CHECK(owner.scalar(QStringLiteral("SELECT info_grade FROM ci_leads WHERE id = %1").arg(tip)).toString() == QStringLiteral("2"));
    CHECK(await(outbox.resolve(attention[0].id(), Outbox::Resolution::KeepMine, server.intel)).outcome == ChangeResult::Outcome::Applied);
    REQUIRE(waitUntil([&] { return outbox.waiting() == 0; }, 30000));
    CHECK(owner.scalar(QStringLiteral("SELECT info_grade || ' ' || COALESCE(assigned_to, '-') FROM ci_leads WHERE id = %1").arg(tip)).toString()
          == QStringLiteral("1 -"));
}
