// Leads (issue 21 section 1), through LeadService as the desk calls it, on SQLite and again on
// PostgreSQL: a tip recorded with its source protected, graded in the deployment's scheme (the
// admiralty code or 3x5x2, with handling), the triage limits by grade on the hub's deadline queue,
// assignment, the statuses with their reasons, duplicates offered and merged, the scheme chosen by
// an administrator, refusals audited; a hit handed on taken in as a lead in the same transaction,
// once, and a hand-over the centre cannot take in refused whole.
#include "testsupport.h"

#include "hexhub/criminal_intel/entities.h"
#include "hexhub/criminal_intel/leads.h"
#include "hexhub/hub/incidentservice.h"

#include "base/clock.h"
#include "security/accesscontrol.h"
#include "security/session.h"
#include "shared/timelimits.h"
#include "store/sql.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::criminalintel;

namespace {

constexpr qint64 kMinute = 60'000;
const QString kPassword = QStringLiteral("Desk-Passw0rd-42");

struct Centre
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    std::unique_ptr<LeadService> leads;

    Centre()
    {
        tp.start();
        for (const auto& [name, role] : {std::pair{"ivy", "criminal_intel_operator"}, {"ian", "criminal_intel_operator"},
                                         {"hugo", "hub_supervisor"}, {"adam", "administrator"}, {"bea", "bigdata_investigation_operator"}})
            await(tp->access().createUserBySystem(NewUser{QString::fromLatin1(name), QString::fromLatin1(name), kPassword, {QString::fromLatin1(role)}}));
        as("ivy");
        leads = std::make_unique<LeadService>(tp->store(), tp->session(), tp->audit());
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
    QString text(const QString& sql, const QVariantList& params = {})
    {
        return await(tp->store().read([sql, params](Sql& s) { return s.scalar(sql, params).toString(); }));
    }
    //! The due time of the last deadline.set for `key`, or empty when the last word on it was a clear.
    QString deadline(const QString& key)
    {
        return await(tp->store().read([key](Sql& s) {
            QSqlQuery q = s.exec(QStringLiteral("SELECT topic, payload FROM events WHERE topic IN ('deadline.set', 'deadline.cleared') ORDER BY seq"));
            QString due;
            while (q.next()) {
                const QJsonObject p = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
                if (p.value(QStringLiteral("key")).toString() == key)
                    due = q.value(0).toString() == QLatin1String("deadline.set") ? p.value(QStringLiteral("due")).toString() : QString();
            }
            return due;
        }));
    }
    QString iso(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); }
    Lead tip(const QString& summary, const QString& source = QStringLiteral("Registered informant DEMO-117"))
    {
        return await(leads->recordTip({summary, QStringLiteral("Seen twice last week"), source, QStringLiteral("Investigation of reported offences"), 365}));
    }
};

} // namespace

TEST_CASE("criminal_intel: a tip recorded with its source protected, graded, assigned, moved and closed on its limits",
          "[criminal_intel][leads]")
{
    Centre c;
    const qint64 start = c.tp->clock().nowMs();

    // A tip says what it is about, who gave it and why it may be kept.
    CHECK(failureOf(c.leads->recordTip({QStringLiteral("Hm"), {}, QStringLiteral("x"), QStringLiteral("Investigation"), 30})).contains(QStringLiteral("in a line")));
    CHECK(failureOf(c.leads->recordTip({QStringLiteral("Stolen phones sold at the night market"), {}, QStringLiteral("  "),
                                        QStringLiteral("Investigation"), 30}))
              .contains(QStringLiteral("protected")));
    CHECK(failureOf(c.leads->recordTip({QStringLiteral("Stolen phones sold at the night market"), {}, QStringLiteral("Caller"), QString(), 30}))
              .contains(QStringLiteral("legal basis")));

    const CommandId once = CommandId::make();
    const Lead lead = await(c.leads->recordTip({QStringLiteral("Stolen phones sold at the night market"), QStringLiteral("Two stalls, Fridays"),
                                                QStringLiteral("Registered informant DEMO-117"), QStringLiteral("Investigation of reported offences"), 365},
                                               once));
    CHECK(await(c.leads->recordTip({QStringLiteral("Stolen phones sold at the night market"), {}, QStringLiteral("Registered informant DEMO-117"),
                                    QStringLiteral("Investigation of reported offences"), 365},
                                   once))
              .id == lead.id); // the same command is one lead
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads")) == 1);
    CHECK(QRegularExpression(QStringLiteral("^L-[0-9]{4}-[0-9]{5}$")).match(lead.reference).hasMatch());
    CHECK(lead.reference.endsWith(QStringLiteral("%1").arg(lead.id, 5, 10, QLatin1Char('0'))));
    CHECK(lead.status == LeadStatus::New);
    CHECK(lead.source == LeadSource::Tip);
    CHECK(lead.sourceDetailMasked == QStringLiteral("********")); // never the source, not even in part
    CHECK(lead.retainUntil == lead.receivedAt + 365 * 24 * 60 * kMinute);
    // The assess limit (a day by default) runs on the lead and on the hub's deadline queue.
    CHECK(lead.dueAt == start + 24 * 60 * kMinute);
    CHECK(c.deadline(QStringLiteral("criminal_intel.lead.%1.assess").arg(lead.id)) == c.iso(lead.dueAt));
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'lead.received'")) == 1);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'lead.received' AND outcome = 'success'")) == 1);

    // Grading: in the deployment's scheme, whole, with a reason, at the version read.
    CHECK(failureOf(c.leads->grade(lead.id, lead.version, {GradingScheme::ThreeByFiveByTwo, QStringLiteral("1"), QStringLiteral("A"), QStringLiteral("P"), {}},
                                   QStringLiteral("Known source")))
              .contains(QStringLiteral("Admiralty")));
    CHECK(failureOf(c.leads->grade(lead.id, lead.version, {GradingScheme::Admiralty, QStringLiteral("G"), QStringLiteral("2"), {}, {}},
                                   QStringLiteral("Known source")))
              .contains(QStringLiteral("A to F")));
    CHECK(failureOf(c.leads->grade(lead.id, lead.version, {GradingScheme::Admiralty, QStringLiteral("B"), QStringLiteral("7"), {}, {}},
                                   QStringLiteral("Known source")))
              .contains(QStringLiteral("1 to 6")));
    CHECK(failureOf(c.leads->grade(lead.id, lead.version, {GradingScheme::Admiralty, QStringLiteral("B"), QStringLiteral("2"), {}, {}}, QStringLiteral("ok")))
              .contains(QStringLiteral("why")));
    static_cast<SimulatedClock&>(c.tp->clock()).advance(30 * kMinute);
    const Lead graded = await(c.leads->grade(lead.id, lead.version,
                                             {GradingScheme::Admiralty, QStringLiteral("B"), QStringLiteral("2"), {}, QStringLiteral("Not outside the team")},
                                             QStringLiteral("Informant right three times this year")));
    CHECK(graded.status == LeadStatus::Assessing);
    REQUIRE(graded.grade);
    CHECK(graded.grade->code() == QStringLiteral("B2"));
    CHECK(graded.grade->band() == GradeBand::High);
    CHECK(graded.gradedBy == QStringLiteral("ivy"));
    CHECK(graded.handlingText().contains(QStringLiteral("Not outside the team")));
    // The assess limit is met; the limit of a high grade (four hours) runs from the grading.
    CHECK(c.deadline(QStringLiteral("criminal_intel.lead.%1.assess").arg(lead.id)).isEmpty());
    CHECK(graded.dueAt == start + 30 * kMinute + 4 * 60 * kMinute);
    CHECK(c.deadline(QStringLiteral("criminal_intel.lead.%1.act").arg(lead.id)) == c.iso(graded.dueAt));
    // Another analyst's change meanwhile is a conflict, not overwritten.
    CHECK(failureOf(c.leads->assign(lead.id, lead.version, QStringLiteral("ivy"))).contains(QStringLiteral("meanwhile")));

    // Regrading restarts the limit by the new band; an administrator's new length applies to what starts after.
    c.as(QStringLiteral("adam"));
    TimeLimits limits(c.tp->store(), c.tp->session(), c.tp->audit());
    QList<TimeLimit> rules = await(limits.list(QStringLiteral("criminal_intel")));
    REQUIRE(rules.size() == 4);
    const auto low = std::find_if(rules.begin(), rules.end(), [](const TimeLimit& l) { return l.rule == QLatin1String("lead.act.low"); });
    REQUIRE(low != rules.end());
    CHECK(low->minutes == 72 * 60);
    await(limits.change(QStringLiteral("criminal_intel"), QStringLiteral("lead.act.low"), 48 * 60, QStringLiteral("Faster review agreed"), low->version));
    c.as(QStringLiteral("ivy"));
    const Lead regraded = await(c.leads->grade(lead.id, graded.version, {GradingScheme::Admiralty, QStringLiteral("D"), QStringLiteral("4"), {}, {}},
                                               QStringLiteral("Second account contradicts it")));
    CHECK(regraded.grade->band() == GradeBand::Low);
    CHECK(regraded.dueAt == c.tp->clock().nowMs() + 48 * 60 * kMinute);

    // Assigned to an analyst who may triage; nobody else.
    CHECK(failureOf(c.leads->assign(lead.id, regraded.version, QStringLiteral("hugo"))).contains(QStringLiteral("may not triage")));
    CHECK(await(c.leads->analysts()) == QStringList{QStringLiteral("ian"), QStringLiteral("ivy")});
    const Lead assigned = await(c.leads->assign(lead.id, regraded.version, QStringLiteral("ian")));
    CHECK(assigned.assignedTo == QStringLiteral("ian"));

    // Developing meets the limit; closing needs a reason, and so does opening it again.
    const Lead developing = await(c.leads->move(lead.id, assigned.version, LeadStatus::Developing, {}));
    CHECK(developing.dueAt == 0);
    CHECK(c.deadline(QStringLiteral("criminal_intel.lead.%1.act").arg(lead.id)).isEmpty());
    CHECK(failureOf(c.leads->move(lead.id, developing.version, LeadStatus::New, QStringLiteral("Back to the start"))).contains(QStringLiteral("cannot go")));
    CHECK(failureOf(c.leads->move(lead.id, developing.version, LeadStatus::Closed, QStringLiteral("no"))).contains(QStringLiteral("closed")));
    const Lead closed = await(c.leads->move(lead.id, developing.version, LeadStatus::Closed, QStringLiteral("Stalls gone; nothing to act on")));
    CHECK(closed.status == LeadStatus::Closed);
    CHECK(closed.statusReason == QStringLiteral("Stalls gone; nothing to act on"));
    CHECK(failureOf(c.leads->grade(lead.id, closed.version, {GradingScheme::Admiralty, QStringLiteral("A"), QStringLiteral("1"), {}, {}},
                                   QStringLiteral("Confirmed after all")))
              .contains(QStringLiteral("closed")));
    CHECK(failureOf(c.leads->move(lead.id, closed.version, LeadStatus::Developing, QStringLiteral("New sighting"))).contains(QStringLiteral("cannot go")));
    const Lead reopened = await(c.leads->move(lead.id, closed.version, LeadStatus::Assessing, QStringLiteral("The stalls are back")));
    CHECK(reopened.dueAt == c.tp->clock().nowMs() + 48 * 60 * kMinute);

    // The timeline reads the lead's path from the journal.
    const QList<LeadTimelineEntry> timeline = await(c.leads->timeline(lead.id));
    QStringList lines;
    for (const LeadTimelineEntry& e : timeline)
        lines << e.text;
    INFO(lines.join(QLatin1Char('\n')).toStdString());
    REQUIRE(timeline.size() == 7);
    CHECK(timeline[0].text.contains(QStringLiteral("received")));
    CHECK(timeline[1].text.contains(QStringLiteral("graded B2")));
    CHECK(timeline[3].text.contains(QStringLiteral("assigned to ian")));
    CHECK(timeline[5].text.contains(QStringLiteral("Stalls gone")));
    CHECK(timeline[1].actor == QStringLiteral("ivy"));

    // The protected source: revealed with a reason to an analyst who may, audited; refused (and
    // audited) to a hub supervisor who sees the lead but not its source.
    CHECK(failureOf(c.leads->revealSource(lead.id, QStringLiteral("x"))).contains(QStringLiteral("reason")));
    CHECK(await(c.leads->revealSource(lead.id, QStringLiteral("Call the informant back"))) == QStringLiteral("Registered informant DEMO-117"));
    c.as(QStringLiteral("hugo"));
    CHECK(await(c.leads->lead(lead.id)).sourceDetailMasked == QStringLiteral("********"));
    CHECK(!failureOf(c.leads->revealSource(lead.id, QStringLiteral("Curious about it"))).isEmpty());
    CHECK(!failureOf(c.leads->recordTip({QStringLiteral("Something seen"), {}, QStringLiteral("Me"), QStringLiteral("Investigation"), 30})).isEmpty());
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'personal_data.revealed' AND outcome = 'success' AND actor = 'ivy'")) == 1);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND actor = 'hugo'")) == 2);
}

TEST_CASE("criminal_intel: likely duplicates offered, merged by a person with the reason on both leads", "[criminal_intel][leads]")
{
    Centre c;
    const Lead first = c.tip(QStringLiteral("Stolen bicycles resold behind the Mill Street depot"));
    const Lead repeat = c.tip(QStringLiteral("Bicycles stolen and resold behind the Mill Street depot at night"), QStringLiteral("Shop owner"));
    const Lead other = c.tip(QStringLiteral("Counterfeit perfume stored in a garage on Oak Road"));
    // The repeat is offered, never merged by itself.
    const QList<Lead> offered = await(c.leads->likelyDuplicates(repeat.id));
    REQUIRE(offered.size() == 1);
    CHECK(offered[0].id == first.id);
    CHECK(await(c.leads->likelyDuplicates(other.id)).isEmpty());
    // In Chinese, which has no spaces, by the neighbouring characters the summaries share.
    const Lead zh = c.tip(QStringLiteral("果园路夜市有人兜售被盗手机"));
    const Lead zhRepeat = c.tip(QStringLiteral("被盗手机在果园路夜市摊位出售"));
    const Lead zhOther = c.tip(QStringLiteral("橡树路一处车库存放假冒香水"));
    const QList<Lead> zhOffered = await(c.leads->likelyDuplicates(zhRepeat.id));
    REQUIRE(zhOffered.size() == 1);
    CHECK(zhOffered[0].id == zh.id);
    CHECK(await(c.leads->likelyDuplicates(zhOther.id)).isEmpty());
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE status = 'closed'")) == 0);

    await(c.tp->store().write([&](WriteTransaction& txn) {
        const qint64 plate = criminalintel::detail::insertEntity(txn, {EntityKind::Vehicle, QStringLiteral("DEMO-00417"), repeat.id}, QStringLiteral("ana"));
        CHECK(plate > 0);
    }));
    CHECK(failureOf(c.leads->merge(repeat.id, repeat.version, repeat.id, QStringLiteral("Same thing"))).contains(QStringLiteral("itself")));
    CHECK(failureOf(c.leads->merge(repeat.id, repeat.version, first.id, QStringLiteral("no"))).contains(QStringLiteral("same")));
    const Lead merged = await(c.leads->merge(repeat.id, repeat.version, first.id, QStringLiteral("Same depot, same nights")));
    CHECK(merged.status == LeadStatus::Closed);
    CHECK(merged.mergedInto == first.id);
    CHECK(merged.statusReason.contains(first.reference));
    CHECK(merged.dueAt == 0);
    CHECK(c.deadline(QStringLiteral("criminal_intel.lead.%1.assess").arg(repeat.id)).isEmpty());
    // What the repeat knew passes on; both timelines say so.
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_lead_entities WHERE lead_id = ?"), {first.id}) == 1);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_lead_entities WHERE lead_id = ?"), {repeat.id}) == 0);
    REQUIRE(await(c.leads->entities(first.id)).size() == 1);
    CHECK(await(c.leads->entities(first.id))[0].labelMasked == QStringLiteral("******0417"));
    CHECK(await(c.leads->timeline(first.id)).last().text.contains(repeat.reference));
    CHECK(await(c.leads->timeline(repeat.id)).last().text.contains(QStringLiteral("merged into %1").arg(first.reference)));
    // A closed lead is not merged again, nor merged into.
    const Lead now = await(c.leads->lead(other.id));
    CHECK(failureOf(c.leads->merge(other.id, now.version, repeat.id, QStringLiteral("Same people"))).contains(QStringLiteral("closed")));
}

TEST_CASE("criminal_intel: the grading scheme chosen by an administrator, 3x5x2 grades with handling codes", "[criminal_intel][leads]")
{
    Centre c;
    const Lead lead = c.tip(QStringLiteral("Fraud calls traced to a flat on Station Street"));
    auto [scheme, version] = await(c.leads->scheme());
    CHECK(scheme == GradingScheme::Admiralty);
    // An analyst does not choose it; an administrator does, with a reason.
    CHECK(!failureOf(c.leads->setScheme(GradingScheme::ThreeByFiveByTwo, QStringLiteral("Regional standard"), version)).isEmpty());
    c.as(QStringLiteral("adam"));
    CHECK(failureOf(c.leads->setScheme(GradingScheme::ThreeByFiveByTwo, QStringLiteral("no"), version)).contains(QStringLiteral("why")));
    CHECK(await(c.leads->setScheme(GradingScheme::ThreeByFiveByTwo, QStringLiteral("Regional standard from January"), version))
          == GradingScheme::ThreeByFiveByTwo);
    CHECK(failureOf(c.leads->setScheme(GradingScheme::Admiralty, QStringLiteral("Back again please"), version)).contains(QStringLiteral("meanwhile")));
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'intel_settings.changed'")) == 1);

    c.as(QStringLiteral("ivy"));
    // 3x5x2: a handling code always, its conditions with C.
    CHECK(failureOf(c.leads->grade(lead.id, lead.version, {GradingScheme::ThreeByFiveByTwo, QStringLiteral("1"), QStringLiteral("A"), {}, {}},
                                   QStringLiteral("Bank confirmed the account")))
              .contains(QStringLiteral("handling code")));
    CHECK(failureOf(c.leads->grade(lead.id, lead.version, {GradingScheme::ThreeByFiveByTwo, QStringLiteral("1"), QStringLiteral("A"), QStringLiteral("C"), {}},
                                   QStringLiteral("Bank confirmed the account")))
              .contains(QStringLiteral("conditions")));
    CHECK(failureOf(c.leads->grade(lead.id, lead.version, {GradingScheme::Admiralty, QStringLiteral("A"), QStringLiteral("1"), {}, {}},
                                   QStringLiteral("Bank confirmed the account")))
              .contains(QStringLiteral("3x5x2")));
    const Lead graded = await(c.leads->grade(lead.id, lead.version,
                                             {GradingScheme::ThreeByFiveByTwo, QStringLiteral("1"), QStringLiteral("B"), QStringLiteral("C"),
                                              QStringLiteral("Bank's name not to be disclosed")},
                                             QStringLiteral("Bank confirmed the account")));
    CHECK(graded.grade->code() == QStringLiteral("1/B/C"));
    CHECK(graded.grade->band() == GradeBand::High);
    CHECK(graded.handlingText() == QStringLiteral("1/B/C · Bank's name not to be disclosed"));
    // The bands of the two schemes.
    CHECK(LeadGrade{GradingScheme::Admiralty, QStringLiteral("C"), QStringLiteral("3"), {}, {}}.band() == GradeBand::Medium);
    CHECK(LeadGrade{GradingScheme::Admiralty, QStringLiteral("A"), QStringLiteral("6"), {}, {}}.band() == GradeBand::Low);
    CHECK(LeadGrade{GradingScheme::Admiralty, QStringLiteral("F"), QStringLiteral("1"), {}, {}}.band() == GradeBand::Low);
    CHECK(LeadGrade{GradingScheme::ThreeByFiveByTwo, QStringLiteral("2"), QStringLiteral("A"), QStringLiteral("P"), {}}.band() == GradeBand::Medium);
    CHECK(LeadGrade{GradingScheme::ThreeByFiveByTwo, QStringLiteral("1"), QStringLiteral("D"), QStringLiteral("P"), {}}.band() == GradeBand::Low);
    CHECK(LeadGrade{GradingScheme::ThreeByFiveByTwo, QStringLiteral("3"), QStringLiteral("A"), QStringLiteral("P"), {}}.band() == GradeBand::Low);
}

TEST_CASE("criminal_intel: a hit handed on is its lead in the same transaction, once, and a hand-over it cannot take in is refused whole",
          "[criminal_intel][leads][intake]")
{
    Centre c;
    c.as(QStringLiteral("bea"));
    const QJsonObject evidence{{QStringLiteral("model"), QStringLiteral("shared-identifier-rings")},
                               {QStringLiteral("version"), 2},
                               {QStringLiteral("score"), 0.93},
                               {QStringLiteral("summary"), QStringLiteral("70 accounts tied by 12 phones and 9 devices")},
                               {QStringLiteral("rows"), QJsonArray{QJsonObject{{QStringLiteral("row"), 4}, {QStringLiteral("cells"), QJsonArray{QStringLiteral("****5678")}}}}}};
    const auto handOn = [&](qint64 hit, const QString& to) {
        return c.tp->store().write(WriteContext{QStringLiteral("bigdata_investigation"), QStringLiteral("bea")}, [=](WriteTransaction& txn) {
            txn.exec(QStringLiteral("INSERT INTO ci_settings (key, value) VALUES (?, 'marker')"), {QStringLiteral("marker-%1-%2").arg(hit).arg(to)});
            txn.publish(EventDraft{QStringLiteral("model_hit.handed_on"),
                                   QJsonObject{{QStringLiteral("hit"), double(hit)}, {QStringLiteral("to"), to}, {QStringLiteral("record"), QStringLiteral("hit %1").arg(hit)},
                                               {QStringLiteral("reason"), QStringLiteral("Ring confirmed: shared phones across cities")},
                                               {QStringLiteral("evidence"), evidence}}});
        });
    };
    await(handOn(42, QStringLiteral("criminal_intel")));
    REQUIRE(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads")) == 1);
    c.as(QStringLiteral("ivy"));
    const qint64 id = c.count(QStringLiteral("SELECT id FROM ci_leads"));
    const Lead lead = await(c.leads->lead(id));
    CHECK(lead.source == LeadSource::BigData);
    CHECK(lead.sourceRecord == QStringLiteral("hit 42"));
    CHECK(lead.sourceCentre == QStringLiteral("bigdata_investigation"));
    CHECK(lead.summary == QStringLiteral("70 accounts tied by 12 phones and 9 devices"));
    CHECK(lead.details == QStringLiteral("Ring confirmed: shared phones across cities"));
    CHECK(lead.evidence.value(QStringLiteral("model")).toString() == QStringLiteral("shared-identifier-rings"));
    CHECK(lead.status == LeadStatus::New);
    CHECK(c.deadline(QStringLiteral("criminal_intel.lead.%1.assess").arg(id)) == c.iso(lead.dueAt));
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'lead.received' AND actor = 'bea'")) == 1);
    // Handed on again (a replay): still one lead. To the hub: no lead.
    c.as(QStringLiteral("bea"));
    await(c.tp->store().write(WriteContext{QStringLiteral("bigdata_investigation"), QStringLiteral("bea")}, [&](WriteTransaction& txn) {
        txn.publish(EventDraft{QStringLiteral("model_hit.handed_on"),
                               QJsonObject{{QStringLiteral("hit"), 42.0}, {QStringLiteral("to"), QStringLiteral("criminal_intel")}, {QStringLiteral("evidence"), evidence}}});
    }));
    await(handOn(43, QStringLiteral("hub")));
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads")) == 1);
    // A hand-over without the hit's number cannot be taken in: the whole transaction is refused,
    // the hand-over's own change with it.
    CHECK(failureOf(handOn(0, QStringLiteral("criminal_intel"))).contains(QStringLiteral("number")));
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_settings WHERE key = 'marker-0-criminal_intel'")) == 0);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_settings WHERE key = 'marker-43-hub'")) == 1);
}

TEST_CASE("criminal_intel: an incident the hub sends to intelligence is a lead in the hub's transaction, linked back, once",
          "[criminal_intel][leads][intake]")
{
    Centre c;
    c.as(QStringLiteral("hugo"));
    IncidentService incidents(c.tp->store(), c.tp->session(), c.tp->audit());
    NewIncident n;
    n.category = QStringLiteral("burglary");
    n.priority = 2;
    n.summary = QStringLiteral("Third shop burglary on the street this month");
    n.location.address = QStringLiteral("12 Mill Street");
    n.reporterContact = QStringLiteral("13800138000");
    const Incident incident = await(incidents.create(n));
    CHECK(failureOf(incidents.sendToIntelligence(incident.id, QStringLiteral("no"))).contains(QStringLiteral("look at")));
    await(incidents.sendToIntelligence(incident.id, QStringLiteral("Same crew as the Oak Road burglaries?")));
    await(incidents.sendToIntelligence(incident.id, QStringLiteral("Asked again by the day shift")));
    REQUIRE(c.count(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE source_kind = 'incident'")) == 1);
    const qint64 id = c.count(QStringLiteral("SELECT id FROM ci_leads WHERE source_kind = 'incident'"));
    c.as(QStringLiteral("ivy"));
    const Lead lead = await(c.leads->lead(id));
    CHECK(lead.sourceRecord == QStringLiteral("incident %1").arg(incident.number));
    CHECK(lead.sourceCentre == QStringLiteral("hub"));
    CHECK(lead.summary == QStringLiteral("Third shop burglary on the street this month (12 Mill Street)"));
    CHECK(lead.details == QStringLiteral("Same crew as the Oak Road burglaries?"));
    CHECK(lead.evidence.value(QStringLiteral("category")).toString() == QStringLiteral("burglary"));
    CHECK(!QString::fromUtf8(QJsonDocument(lead.evidence).toJson()).contains(QStringLiteral("13800138000"))); // never the caller
    CHECK(lead.dueAt == c.tp->clock().nowMs() + 24 * 60 * kMinute);
    CHECK(c.deadline(QStringLiteral("criminal_intel.lead.%1.assess").arg(id)) == c.iso(lead.dueAt));
    // The incident is linked to the lead, on its timeline; its own timeline says it was sent, twice.
    c.as(QStringLiteral("hugo"));
    const QList<IncidentLink> links = await(incidents.links(incident.id));
    REQUIRE(links.size() == 1);
    CHECK(links[0].kind == QStringLiteral("lead"));
    CHECK(links[0].ref == lead.reference);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'incident.referred'")) == 2);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'lead.received' AND actor = 'hugo'")) == 1);
    CHECK(c.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'incident.referred' AND actor = 'hugo'")) == 2);
    // An analyst may not send the hub's incidents anywhere.
    c.as(QStringLiteral("ivy"));
    CHECK(!failureOf(incidents.sendToIntelligence(incident.id, QStringLiteral("Taking it myself"))).isEmpty());
}
