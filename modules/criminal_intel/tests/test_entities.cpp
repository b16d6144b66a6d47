// Entities and links through EntityService (issue 21 section 2): a person only with a lead or case
// and its legal basis, labels masked and revealed with a reason, cross-referencing by normalised
// keys offered and never merged silently, merging by a person, links with their provenance, and
// the chart's reads (neighbours n steps out, the shortest path) level by level.
#include "testsupport.h"

#include "hexhub/criminal_intel/entities.h"
#include "hexhub/criminal_intel/leads.h"

#include "base/clock.h"

#include "bus/event.h"
#include "security/accesscontrol.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::criminalintel;

namespace {

const QString kPassword = QStringLiteral("Desk-Passw0rd-42");

struct Chart
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    std::unique_ptr<LeadService> leads;
    std::unique_ptr<EntityService> entities;

    Chart()
    {
        tp.start();
        for (const auto& [name, role] : {std::pair{"ivy", "criminal_intel_operator"}, {"hugo", "hub_supervisor"}, {"bea", "bigdata_investigation_operator"}})
            await(tp->access().createUserBySystem(NewUser{QString::fromLatin1(name), QString::fromLatin1(name), kPassword, {QString::fromLatin1(role)}}));
        as("ivy");
        leads = std::make_unique<LeadService>(tp->store(), tp->session(), tp->audit());
        entities = std::make_unique<EntityService>(tp->store(), tp->session(), tp->audit());
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
    Entity add(EntityKind kind, const QString& label, qint64 lead = 0)
    {
        return await(entities->add({kind, label, lead}));
    }
    Link link(qint64 from, qint64 to, const QString& relation = QStringLiteral("calls"))
    {
        return await(entities->link({from, to, relation, true, LinkConfidence::Confirmed, LinkSource::Record, QStringLiteral("call records 2026-03")}));
    }
};

QList<qint64> idsOf(const QList<Entity>& list)
{
    QList<qint64> out;
    for (const Entity& e : list)
        out << e.id;
    return out;
}

} // namespace

TEST_CASE("criminal_intel: match keys fold the ways one number or name is written", "[criminal_intel][domain][entities]")
{
    CHECK(entityMatchKey(EntityKind::Phone, QStringLiteral("+86 138-0013-8000")) == QStringLiteral("13800138000"));
    CHECK(entityMatchKey(EntityKind::Phone, QStringLiteral("0086 13800138000")) == QStringLiteral("13800138000"));
    CHECK(entityMatchKey(EntityKind::Phone, QStringLiteral("(138) 0013 8000")) == QStringLiteral("13800138000"));
    CHECK(entityMatchKey(EntityKind::Phone, QStringLiteral("１３８００１３８０００")) == QStringLiteral("13800138000")); // full-width digits
    CHECK(entityMatchKey(EntityKind::Vehicle, QStringLiteral("京A 123-45")) == QStringLiteral("京A12345"));
    CHECK(entityMatchKey(EntityKind::Document, QStringLiteral("11010519491231002x")) == QStringLiteral("11010519491231002X"));
    CHECK(entityMatchKey(EntityKind::Person, QStringLiteral("Li, Wei")) == entityMatchKey(EntityKind::Person, QStringLiteral("wei LI")));
    CHECK(entityMatchKey(EntityKind::Person, QStringLiteral("José Núñez")) == QStringLiteral("jose nunez"));
    CHECK(entityMatchKey(EntityKind::Person, QStringLiteral("李 伟")) == QStringLiteral("李伟"));
    CHECK(entityMatchKey(EntityKind::Person, QStringLiteral("李伟")) != entityMatchKey(EntityKind::Person, QStringLiteral("伟李")));
    CHECK(entityMatchKey(EntityKind::Address, QStringLiteral("12,  Harbour Road.")) == QStringLiteral("12 harbour road"));
    CHECK(entityMatchKey(EntityKind::Phone, QStringLiteral("no number")).isEmpty());
}

TEST_CASE("criminal_intel: entities kept by the rules, offered for merge by their keys, merged only by a person",
          "[criminal_intel][entities]")
{
    Chart c;
    const Lead lead = c.tip(QStringLiteral("Phones sold from a van at the depot"));

    // A person only with a lead or a case and a legal basis; labels and attributes within bounds.
    CHECK(failureOf(c.entities->add({EntityKind::Person, QStringLiteral("Wei Li")})).contains(QStringLiteral("lead or a case")));
    CHECK(failureOf(c.entities->add({EntityKind::Person, QStringLiteral("Wei Li"), 0, QStringLiteral("C-2026-0042")}))
              .contains(QStringLiteral("legal basis")));
    CHECK(failureOf(c.entities->add({EntityKind::Phone, QStringLiteral("   ")})).contains(QStringLiteral("label")));
    CHECK(failureOf(c.entities->add({EntityKind::Phone, QStringLiteral("13800138000"), 999999})).contains(QStringLiteral("No lead")));
    CHECK(failureOf(c.entities->add({EntityKind::Phone, QStringLiteral("13800138000"), 0, {}, {}, 365,
                                     QJsonObject{{QStringLiteral("nested"), QJsonObject()}}}))
              .contains(QStringLiteral("nested")));
    const Entity person = c.add(EntityKind::Person, QStringLiteral("Wei Li"), lead.id);
    CHECK(person.legalBasis == lead.legalBasis); // the lead's, when none is given
    CHECK(person.retainUntil > c.tp->clock().nowMs());
    CHECK(person.labelMasked == QStringLiteral("**i Li"));
    CHECK(person.createdBy == QStringLiteral("ivy"));
    const Entity phone = c.add(EntityKind::Phone, QStringLiteral("+86 138 0013 8000"), lead.id);
    CHECK(phone.labelMasked.endsWith(QStringLiteral("8000")));
    CHECK_FALSE(phone.labelMasked.contains(QStringLiteral("1380013")));
    const Entity company = c.add(EntityKind::Organisation, QStringLiteral("Harbour Trading Co."));
    CHECK(company.labelMasked == QStringLiteral("Harbour Trading Co.")); // an organisation is not personal data
    REQUIRE(await(c.leads->entities(lead.id)).size() == 2);

    // The same number written another way is offered, with why; adding it anyway is the analyst's call.
    const QList<EntityMatch> offered = await(c.entities->matches({EntityKind::Phone, QStringLiteral("138-0013-8000")}));
    REQUIRE(offered.size() == 1);
    CHECK(offered[0].entity.id == phone.id);
    CHECK(offered[0].why.contains(QStringLiteral("phone number")));
    CHECK(await(c.entities->matches({EntityKind::Phone, QStringLiteral("139 0000 0000")})).isEmpty());
    const Entity again = c.add(EntityKind::Phone, QStringLiteral("138-0013-8000"));
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_entities WHERE kind = 'phone' AND merged_into IS NULL")) == 2); // never merged silently
    REQUIRE(await(c.entities->matchesOf(again.id)).size() == 1);
    CHECK(await(c.entities->matchesOf(again.id))[0].entity.id == phone.id);
    const Entity namesake = c.add(EntityKind::Person, QStringLiteral("LI, Wei"), lead.id);
    REQUIRE(await(c.entities->matchesOf(namesake.id)).size() == 1);
    CHECK(await(c.entities->matchesOf(namesake.id))[0].why.contains(QStringLiteral("name fingerprint")));

    // Search: by an identifier typed whole (never by a part of a personal label), or an organisation's words.
    CHECK(idsOf(await(c.entities->search(QStringLiteral("13800138000"), 10))) == QList<qint64>{phone.id, again.id});
    CHECK(await(c.entities->search(QStringLiteral("8000"), 10)).isEmpty());
    CHECK(idsOf(await(c.entities->search(QStringLiteral("harbour"), 10))) == QList<qint64>{company.id});

    // A link on each; then the repeat merged with a reason: its links and lead pass on.
    const Entity other = c.add(EntityKind::Phone, QStringLiteral("139 1111 2222"));
    c.link(again.id, other.id);
    c.link(again.id, phone.id, QStringLiteral("related_to"));
    CHECK(failureOf(c.entities->merge(again.id, again.version, again.id, QStringLiteral("the same"))).contains(QStringLiteral("itself")));
    CHECK(failureOf(c.entities->merge(again.id, again.version, person.id, QStringLiteral("the same phone"))).contains(QStringLiteral("one kind")));
    CHECK(failureOf(c.entities->merge(again.id, again.version, phone.id, QStringLiteral("no"))).contains(QStringLiteral("same")));
    CHECK(failureOf(c.entities->merge(again.id, again.version + 5, phone.id, QStringLiteral("Same number, written two ways")))
              .contains(QStringLiteral("meanwhile")));
    const Entity merged = await(c.entities->merge(again.id, again.version, phone.id, QStringLiteral("Same number, written two ways")));
    CHECK(merged.mergedInto == phone.id);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_links WHERE from_id = ? OR to_id = ?"), {again.id, again.id}) == 0);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_links WHERE from_id = ? AND to_id = ?"), {phone.id, other.id}) == 1);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_links WHERE from_id = to_id")) == 0); // the link between the two went
    CHECK(idsOf(await(c.entities->search(QStringLiteral("13800138000"), 10))) == QList<qint64>{phone.id});
    CHECK(await(c.entities->matchesOf(phone.id)).isEmpty());
    CHECK(failureOf(c.entities->merge(again.id, merged.version, phone.id, QStringLiteral("Same number again"))).contains(QStringLiteral("already")));
    // Asked for, the merged one leads to where it went.
    CHECK(idsOf(await(c.entities->items({again.id})).entities) == QList<qint64>{phone.id});
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'entity.changed'")) == 7);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'entity.changed' AND object = ? AND detail LIKE ?"),
                  {QStringLiteral("entity:%1").arg(again.id), QStringLiteral("merged into%Same number, written two ways%")}) == 1);

    // The label revealed with a reason only, on the audit trail.
    CHECK(failureOf(c.entities->revealLabel(person.id, QStringLiteral("x"))).contains(QStringLiteral("reason")));
    CHECK(await(c.entities->revealLabel(person.id, QStringLiteral("Matching the custody record"))) == QStringLiteral("Wei Li"));
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'personal_data.revealed' AND object = ?"),
                  {QStringLiteral("ci_entities:%1:label").arg(person.id)}) == 1);
    // Attributes for the chart's formatting: plain values, at the version read.
    const Entity marked = await(c.entities->setAttributes(person.id, person.version, {{QStringLiteral("role"), QStringLiteral("suspect")}}));
    CHECK(marked.attributes.value(QStringLiteral("role")).toString() == QStringLiteral("suspect"));
    CHECK(failureOf(c.entities->setAttributes(person.id, person.version, {})).contains(QStringLiteral("meanwhile")));

    // Someone who may look may not change, and every refusal is on record; another centre may not look.
    c.as(QStringLiteral("hugo"));
    CHECK(await(c.entities->entity(phone.id)).id == phone.id);
    CHECK(failureOf(c.entities->add({EntityKind::Phone, QStringLiteral("13700000000")})).contains(QStringLiteral("permission")));
    c.as(QStringLiteral("bea"));
    CHECK(failureOf(c.entities->revealLabel(person.id, QStringLiteral("Matching the custody record"))).contains(QStringLiteral("permission")));
    CHECK(failureOf(c.entities->search(QStringLiteral("13800138000"), 10)).contains(QStringLiteral("permission")));
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND action IN ('entity.changed', 'personal_data.revealed')")) == 2);
}

TEST_CASE("criminal_intel: every link keeps its provenance, the chart expands n steps and finds the shortest path level by level",
          "[criminal_intel][entities]")
{
    Chart c;
    // A chain of eight phones, a branch off the third, and one alone.
    QList<Entity> chain;
    for (int i = 0; i < 8; ++i)
        chain << c.add(EntityKind::Phone, QStringLiteral("1380000000%1").arg(i));
    for (int i = 0; i + 1 < 8; ++i)
        c.link(chain[i].id, chain[i + 1].id);
    const Entity branch = c.add(EntityKind::Account, QStringLiteral("6222 0000 1111"));
    const Link paid = await(c.entities->link({branch.id, chain[2].id, QStringLiteral("Paid"), true, LinkConfidence::Tentative, LinkSource::DatasetRow,
                                              QStringLiteral("dataset 7 row 1234"), QStringLiteral("transfer of 4,800"), 1000, 2000}));
    const Entity alone = c.add(EntityKind::Vehicle, QStringLiteral("DEMO-00417"));

    // Provenance is required and kept; a link ties two, and ends after it began.
    CHECK(paid.relation == QStringLiteral("paid"));
    CHECK(paid.source == LinkSource::DatasetRow);
    CHECK(paid.sourceRef == QStringLiteral("dataset 7 row 1234"));
    CHECK(paid.confidence == LinkConfidence::Tentative);
    CHECK(paid.startedAt == 1000);
    CHECK(paid.endedAt == 2000);
    CHECK(paid.createdBy == QStringLiteral("ivy"));
    CHECK(failureOf(c.entities->link({chain[0].id, chain[1].id, QStringLiteral("calls"), true, LinkConfidence::Confirmed, LinkSource::Record, QString()}))
              .contains(QStringLiteral("came from")));
    CHECK(failureOf(c.entities->link({chain[0].id, chain[0].id, QStringLiteral("calls"), true, LinkConfidence::Confirmed, LinkSource::Record,
                                      QStringLiteral("call records")}))
              .contains(QStringLiteral("two different")));
    CHECK(failureOf(c.entities->link({chain[0].id, chain[1].id, QStringLiteral("calls"), true, LinkConfidence::Confirmed, LinkSource::Record,
                                      QStringLiteral("call records"), {}, 2000, 1000}))
              .contains(QStringLiteral("end before")));
    CHECK(failureOf(c.entities->link({chain[0].id, 999999, QStringLiteral("calls"), true, LinkConfidence::Confirmed, LinkSource::Record,
                                      QStringLiteral("call records")}))
              .contains(QStringLiteral("No entity")));

    // Neighbours: one step from the third phone is its two neighbours and the account; two steps more.
    const ChartData one = await(c.entities->neighbours({chain[2].id}, 1, 100));
    const QList<qint64> reached = idsOf(one.entities);
    CHECK(QSet<qint64>(reached.cbegin(), reached.cend()) == QSet<qint64>{chain[1].id, chain[2].id, chain[3].id, branch.id});
    CHECK(one.entities.first().id == chain[2].id); // nearest first
    CHECK(one.links.size() == 3);
    CHECK_FALSE(one.truncated);
    const ChartData two = await(c.entities->neighbours({chain[2].id}, 2, 100));
    CHECK(two.entities.size() == 6);
    CHECK(two.links.size() == 5);
    const ChartData capped = await(c.entities->neighbours({chain[0].id}, 6, 4));
    CHECK(capped.entities.size() == 4);
    CHECK(capped.truncated);
    CHECK(failureOf(c.entities->neighbours({chain[0].id}, 7, 100)).contains(QStringLiteral("1 to 6")));

    // The shortest path: from the account to the last phone, through the third; none to the car.
    const ChartData path = await(c.entities->path(branch.id, chain[7].id, 10));
    CHECK(idsOf(path.entities) == QList<qint64>{branch.id, chain[2].id, chain[3].id, chain[4].id, chain[5].id, chain[6].id, chain[7].id});
    REQUIRE(path.links.size() == 6);
    CHECK(path.links[0].id == paid.id);
    CHECK(await(c.entities->path(chain[0].id, alone.id, 10)).entities.isEmpty());
    CHECK(await(c.entities->path(chain[0].id, chain[7].id, 3)).entities.isEmpty()); // further than asked
    CHECK(idsOf(await(c.entities->path(chain[7].id, chain[0].id, 7)).entities).size() == 8);

    // A link removed with a reason is gone from the chart; both changes are journaled for charts to follow.
    CHECK(failureOf(c.entities->unlink(paid.id, QStringLiteral("no"))).contains(QStringLiteral("Say why")));
    await(c.entities->unlink(paid.id, QStringLiteral("The transfer was a refund")));
    CHECK(await(c.entities->path(branch.id, chain[7].id, 10)).entities.isEmpty());
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'link.changed'")) == 9);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'link.changed' AND detail LIKE ?"),
                  {QStringLiteral("removed%The transfer was a refund")}) == 1);
}

TEST_CASE("criminal_intel: a link chart saved as the analyst left it, at the version read, and listed latest first", "[criminal_intel][entities]")
{
    Chart c;
    const Entity a = c.add(EntityKind::Phone, QStringLiteral("13800000001"));
    const QJsonObject state{{QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("id"), double(a.id)}, {QStringLiteral("x"), 10},
                                                                             {QStringLiteral("y"), -20}, {QStringLiteral("pinned"), true}}}},
                            {QStringLiteral("notes"), QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("Burner?")}}}}};
    CHECK(failureOf(c.entities->saveChart(0, 0, QStringLiteral("x"), state)).contains(QStringLiteral("title")));
    const SavedChart first = await(c.entities->saveChart(0, 0, QStringLiteral("Depot phones"), state));
    CHECK(first.id > 0);
    CHECK(first.version == 1);
    CHECK(first.createdBy == QStringLiteral("ivy"));
    CHECK(first.state == state);
    CHECK(failureOf(c.entities->saveChart(0, 0, QStringLiteral("Depot phones"), state, 999)).contains(QStringLiteral("No investigation")));
    QJsonObject moved = state;
    moved.insert(QStringLiteral("sizeBy"), QStringLiteral("betweenness"));
    const SavedChart second = await(c.entities->saveChart(first.id, first.version, QStringLiteral("Depot phones, ranked"), moved));
    CHECK(second.version == 2);
    CHECK(await(c.entities->chart(first.id)).state.value(QStringLiteral("sizeBy")).toString() == QStringLiteral("betweenness"));
    CHECK(failureOf(c.entities->saveChart(first.id, first.version, QStringLiteral("Depot phones"), state)).contains(QStringLiteral("meanwhile")));
    const SavedChart other = await(c.entities->saveChart(0, 0, QStringLiteral("Market stalls"), {}));
    const QList<SavedChart> listed = await(c.entities->charts(10));
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].id == other.id);
    CHECK(listed[0].state.isEmpty()); // the list leaves states out
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'chart.saved'")) == 3);
    c.as(QStringLiteral("hugo"));
    CHECK(await(c.entities->chart(first.id)).title == QStringLiteral("Depot phones, ranked"));
    CHECK(failureOf(c.entities->saveChart(first.id, second.version, QStringLiteral("Mine now"), {})).contains(QStringLiteral("permission")));
}

TEST_CASE("criminal_intel: a handed-on ring's members and the identifiers tying them become the lead's entities, once, with the hit as provenance",
          "[criminal_intel][entities]")
{
    Chart c;
    // The ring as big-data hands it on: members by their accounts, ties by masked identifiers.
    QJsonArray members, ties;
    for (int m = 0; m < 6; ++m) {
        members << QStringLiteral("acct-%1").arg(100 + m);
        ties << QJsonObject{{QStringLiteral("member"), QStringLiteral("acct-%1").arg(100 + m)}, {QStringLiteral("column"), QStringLiteral("phone")},
                            {QStringLiteral("value"), m < 3 ? QStringLiteral("*******8417") : QStringLiteral("*******6603")},
                            {QStringLiteral("shared_with"), 3}};
    }
    ties << QJsonObject{{QStringLiteral("member"), QStringLiteral("acct-100")}, {QStringLiteral("column"), QStringLiteral("device")},
                        {QStringLiteral("value"), QStringLiteral("dev-77")}, {QStringLiteral("shared_with"), 2}}
         << QJsonObject{{QStringLiteral("member"), QStringLiteral("acct-105")}, {QStringLiteral("column"), QStringLiteral("device")},
                        {QStringLiteral("value"), QStringLiteral("dev-77")}, {QStringLiteral("shared_with"), 2}};
    const QJsonObject evidence{{QStringLiteral("model"), QStringLiteral("shared-identifier-rings")}, {QStringLiteral("version"), 2},
                               {QStringLiteral("dataset"), 7}, {QStringLiteral("summary"), QStringLiteral("6 accounts tied by 2 phones and a device")},
                               {QStringLiteral("members"), members}, {QStringLiteral("ties"), ties}};
    await(c.tp->store().write(WriteContext{QStringLiteral("bigdata_investigation"), QStringLiteral("bea")}, [&](WriteTransaction& txn) {
        txn.publish(EventDraft{QStringLiteral("model_hit.handed_on"),
                               QJsonObject{{QStringLiteral("hit"), 42.0}, {QStringLiteral("to"), QStringLiteral("criminal_intel")}, {QStringLiteral("evidence"), evidence}}});
    }));
    const qint64 lead = c.count(QStringLiteral("SELECT id FROM ci_leads"));
    REQUIRE(lead > 0);
    const CommandId once = CommandId::make();
    const QList<qint64> taken = await(c.entities->takeInEvidence(lead, once));
    CHECK(taken.size() == 6 + 3); // six accounts, two phones, one device
    CHECK(await(c.entities->takeInEvidence(lead)) == taken); // once
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_links")) == 8);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_links WHERE source_kind = 'dataset_row' AND source_ref LIKE 'hit 42, dataset 7%'")) == 8);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_entities WHERE kind = 'device'")) == 1);
    // The masked identifiers match nothing (their keys would be fragments); the accounts do.
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_entities WHERE kind = 'phone' AND match_key = ''")) == 2);
    CHECK(idsOf(await(c.entities->search(QStringLiteral("acct-103"), 5))).size() == 1);
    // The ring on a chart: the first member's neighbourhood reaches the whole ring in two steps.
    const ChartData ring = await(c.entities->neighbours({taken.first()}, 2, 100));
    CHECK(ring.entities.size() == 6); // acct-100; its phone and device; the two others on the phone and acct-105 on the device
    // A lead without a ring in its evidence takes nothing in; a desk that may only look may not take it in.
    const Lead tip = c.tip(QStringLiteral("Phones sold from a van at the depot"));
    CHECK(await(c.entities->takeInEvidence(tip.id)).isEmpty());
    c.as(QStringLiteral("hugo"));
    CHECK(failureOf(c.entities->takeInEvidence(lead)).contains(QStringLiteral("permission")));
}
