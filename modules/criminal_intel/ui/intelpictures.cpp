#include "intelpictures.h"

#include "hexhub/criminal_intel/entities.h"
#include "hexhub/criminal_intel/investigations.h"
#include "hexhub/criminal_intel/leads.h"

#include "base/clock.h"
#include "base/waitforfuture.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QPointF>

namespace hexhub::criminalintel {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::criminalintel::Pictures)
};

} // namespace

ModulePictures intelPictures()
{
    ModulePictures pictures;
    pictures.prepare = [](Store& store, Session& session, AuditLog& audit) {
        LeadService leads(store, session, audit);
        // The pictures of another language put theirs in before: closed, so the queue shows this language's.
        const QList<std::pair<qint64, int>> earlier = resultOf(store.read([](Sql& sql) {
            QList<std::pair<qint64, int>> out;
            QSqlQuery q = sql.exec(QStringLiteral("SELECT id, version FROM ci_leads WHERE status <> 'closed'"));
            while (q.next())
                out << std::pair{q.value(0).toLongLong(), q.value(1).toInt()};
            return out;
        }));
        for (const auto& [id, version] : earlier)
            resultOf(leads.move(id, version, LeadStatus::Closed, QStringLiteral("Pictures in another language")));
        // Tips as an analyst records them, in the language of the pictures; graded, assigned, moved.
        const QString basis = Tr::tr("Investigation of reported offences");
        const Lead phones = resultOf(leads.recordTip({Tr::tr("Stolen phones offered for sale at the Orchard Road night market"),
                                                      Tr::tr("Two stalls, Friday and Saturday nights; boxes without receipts"),
                                                      Tr::tr("Registered informant DEMO-117"), basis, 365}));
        const Lead phonesAgain = resultOf(leads.recordTip({Tr::tr("Phones stolen and sold at the Orchard Road night market stalls"), QString(),
                                                           Tr::tr("Caller on the tip line"), basis, 365}));
        const Lead bikes = resultOf(leads.recordTip({Tr::tr("Bicycles resold behind the Mill Street depot"), QString(),
                                                     Tr::tr("Shop owner on Mill Street"), basis, 365}));
        const Lead fraud = resultOf(leads.recordTip({Tr::tr("Fraud calls traced to a flat on Station Street"), QString(),
                                                     Tr::tr("Anonymous letter to the station"), basis, 365}));
        resultOf(leads.recordTip({Tr::tr("Counterfeit perfume stored in a garage on Oak Road"), QString(), Tr::tr("Patrol officer's informant"), basis, 365}));
        const Lead graded = resultOf(leads.grade(phones.id, phones.version,
                                                 {GradingScheme::Admiralty, QStringLiteral("B"), QStringLiteral("2"), QString(),
                                                  Tr::tr("Not to be shared outside the intelligence team")},
                                                 Tr::tr("Informant right three times this year")));
        resultOf(leads.assign(phones.id, graded.version, session.principal().name));
        const Lead bikesGraded = resultOf(leads.grade(bikes.id, bikes.version, {GradingScheme::Admiralty, QStringLiteral("C"), QStringLiteral("3"), {}, {}},
                                                      Tr::tr("First report from this source")));
        resultOf(leads.move(bikes.id, bikesGraded.version, LeadStatus::Developing, QString()));
        resultOf(leads.grade(fraud.id, fraud.version, {GradingScheme::Admiralty, QStringLiteral("E"), QStringLiteral("5"), {}, {}},
                             Tr::tr("Letter contradicts the call records")));
        Q_UNUSED(phonesAgain);

        // The night-market ring on the link chart: the people of the lead, their phones, accounts and
        // the stalls, each link with where it came from; saved as the analyst left it.
        EntityService entities(store, session, audit);
        const qint64 day = 24 * 3600 * 1000LL;
        const qint64 t0 = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
        const auto add = [&](EntityKind kind, const QString& label, const QString& role = QString()) {
            NewEntity e{kind, label, phones.id};
            if (!role.isEmpty())
                e.attributes.insert(QStringLiteral("role"), role);
            return resultOf(entities.add(e)).id;
        };
        const QString seller = Tr::tr("seller"), buyer = Tr::tr("buyer"), fence = Tr::tr("fence");
        const qint64 chen = add(EntityKind::Person, Tr::tr("Chen Jun"), fence);
        const qint64 liu = add(EntityKind::Person, Tr::tr("Liu Yang"), seller);
        const qint64 zhao = add(EntityKind::Person, Tr::tr("Zhao Min"), seller);
        const qint64 sun = add(EntityKind::Person, Tr::tr("Sun Hao"), buyer);
        const qint64 stall = add(EntityKind::Organisation, Tr::tr("Orchard Road night market, stall 14"));
        const qint64 shop = add(EntityKind::Organisation, Tr::tr("Harbour Repair Shop"));
        const qint64 p1 = add(EntityKind::Phone, QStringLiteral("+86 138 0013 8417"));
        const qint64 p2 = add(EntityKind::Phone, QStringLiteral("+86 139 0522 6603"));
        const qint64 p3 = add(EntityKind::Phone, QStringLiteral("+86 137 1408 2291"));
        const qint64 acct = add(EntityKind::Account, QStringLiteral("6222 0210 0417 5531"));
        const qint64 device = add(EntityKind::Device, QStringLiteral("IMEI 35-209900-176148-1"));
        const qint64 van = add(EntityKind::Vehicle, QStringLiteral("DEMO-00417"));
        const qint64 flat = add(EntityKind::Address, Tr::tr("Flat 3B, 18 Station Street"));
        const auto link = [&](qint64 from, qint64 to, const char* relation, LinkConfidence c, LinkSource s, const QString& ref, int fromDay, int toDay) {
            resultOf(entities.link({from, to, QString::fromLatin1(relation), true, c, s, ref, QString(), t0 + fromDay * day, t0 + toDay * day}));
        };
        const QString calls = Tr::tr("call records 2026-03"), bank = Tr::tr("bank statement 2026-Q1"), seen = Tr::tr("surveillance log");
        link(chen, p1, "uses", LinkConfidence::Confirmed, LinkSource::Record, calls, 0, 30);
        link(liu, p2, "uses", LinkConfidence::Confirmed, LinkSource::Record, calls, 0, 30);
        link(zhao, p3, "uses", LinkConfidence::Unconfirmed, LinkSource::Record, calls, 3, 30);
        link(p2, p1, "calls", LinkConfidence::Confirmed, LinkSource::Record, calls, 2, 20);
        link(p3, p1, "calls", LinkConfidence::Confirmed, LinkSource::Record, calls, 5, 22);
        link(liu, stall, "works_at", LinkConfidence::Confirmed, LinkSource::Lead, phones.reference, 0, 28);
        link(zhao, stall, "works_at", LinkConfidence::Unconfirmed, LinkSource::Lead, phones.reference, 4, 28);
        link(sun, acct, "owns", LinkConfidence::Confirmed, LinkSource::Record, bank, 0, 60);
        link(acct, chen, "paid", LinkConfidence::Tentative, LinkSource::DatasetRow, Tr::tr("dataset 7 row 1234"), 12, 12);
        link(chen, shop, "owns", LinkConfidence::Confirmed, LinkSource::Record, Tr::tr("business register"), 0, 90);
        link(device, shop, "registered_to", LinkConfidence::Unconfirmed, LinkSource::Record, Tr::tr("repair ticket 5512"), 15, 15);
        link(chen, van, "uses", LinkConfidence::Tentative, LinkSource::Analyst, seen, 8, 9);
        link(van, flat, "met", LinkConfidence::Tentative, LinkSource::Analyst, seen, 9, 9);
        link(sun, stall, "attended", LinkConfidence::Unconfirmed, LinkSource::Lead, phones.reference, 10, 10);
        QJsonArray items;
        const QList<std::pair<qint64, QPointF>> places{
            {chen, {0, 0}},       {p1, {-160, -40}},   {liu, {-420, -160}}, {p2, {-300, -120}}, {zhao, {-420, 120}}, {p3, {-300, 80}},
            {stall, {-560, 0}},   {sun, {-420, 300}},  {acct, {-120, 240}}, {shop, {240, -120}}, {device, {420, -180}},
            {van, {220, 140}},    {flat, {420, 220}}};
        for (const auto& [id, at] : places)
            items.append(QJsonObject{{QStringLiteral("id"), double(id)}, {QStringLiteral("x"), at.x()}, {QStringLiteral("y"), at.y()},
                                     {QStringLiteral("pinned"), id == chen}});
        const QJsonObject state{{QStringLiteral("items"), items},
                                {QStringLiteral("notes"), QJsonArray{QJsonObject{{QStringLiteral("text"), Tr::tr("Who pays Chen? The account's other transfers are asked for.")},
                                                                                 {QStringLiteral("x"), 40}, {QStringLiteral("y"), 300}}}},
                                {QStringLiteral("sizeBy"), QStringLiteral("betweenness")},
                                {QStringLiteral("colourBy"), QStringLiteral("community")},
                                {QStringLiteral("badgeBy"), QStringLiteral("attr:role")}};
        const SavedChart chart = resultOf(entities.saveChart(0, 0, Tr::tr("Night-market phones"), state));
        // The investigation of the night-market ring: its task division with two centres, the
        // targets who act on whom, today's report, the operation proposed to the hub. The pictures
        // of another language opened theirs before: withdrawn and closed, so the list shows this one.
        InvestigationService investigations(store, session, audit);
        for (const Investigation& earlier : resultOf(investigations.investigations(QStringLiteral("open")))) {
            if (earlier.proposalId > 0 && earlier.operationId == 0) {
                try {
                    resultOf(investigations.withdrawProposal(earlier.id, QStringLiteral("Pictures in another language")));
                } catch (const std::exception&) {
                    // Reviewed or withdrawn already.
                }
            }
            resultOf(investigations.setStatus(earlier.id, resultOf(investigations.investigation(earlier.id)).version,
                                              InvestigationStatus::Closed, QStringLiteral("Pictures in another language")));
        }
        const Investigation ring = resultOf(investigations.open(Tr::tr("Operation Night Market"),
                                                                Tr::tr("The stolen-phone ring at the Orchard Road night market and its fence"), {phones.id}));
        resultOf(investigations.addMember(ring.id, MemberKind::Centre, QStringLiteral("bigdata_investigation"), Tr::tr("records analysis")));
        const qint64 now = resultOf(store.read([](Sql& sql) { return sql.clock().nowMs(); }));
        resultOf(investigations.divide(ring.id, {AssigneeKind::Centre, QStringLiteral("bigdata_investigation"),
                                                 Tr::tr("Trace the account's other transfers"), QString(), QString(), 0, now + 2 * day, 2}));
        resultOf(investigations.divide(ring.id, {AssigneeKind::Centre, QStringLiteral("basic_control"), Tr::tr("Watch stall 14 on Friday night"),
                                                 QString(), Tr::tr("Orchard Road night market"), 0, now + 3 * day, 3}));
        const auto target = [&](qint64 entity, const QString& action, const QString& place, int afterGo) {
            InvestigationTarget t;
            t.entityId = entity;
            t.assigneeKind = AssigneeKind::Centre;
            t.assignee = QStringLiteral("basic_control");
            t.action = action;
            t.place = place;
            t.afterGoMinutes = afterGo;
            resultOf(investigations.setTarget(ring.id, t));
        };
        target(chen, Tr::tr("Arrest"), Tr::tr("Harbour Repair Shop"), 0);
        target(liu, Tr::tr("Arrest"), Tr::tr("Orchard Road night market, stall 14"), 0);
        target(shop, Tr::tr("Search and seize the phones"), Tr::tr("Harbour Repair Shop"), 30);
        target(flat, Tr::tr("Search"), Tr::tr("Flat 3B, 18 Station Street"), 45);
        resultOf(investigations.report(ring.id, Tr::tr("Call records tie both sellers to Chen's phone; the account's transfers are asked for.")));
        resultOf(investigations.proposeOperation(ring.id, QString(), QString(), 0));
        ModulePicture investigated;
        investigated.name = QStringLiteral("intel-investigations");
        investigated.panels = {QStringLiteral("criminal_intel.investigations")};
        investigated.size = QSize(1600, 900);
        investigated.viewStates.insert(QStringLiteral("criminal_intel.investigations"), QJsonObject{{QStringLiteral("investigation"), double(ring.id)}, {QStringLiteral("tab"), 4}});
        investigated.settleMs = 1000;
        // The desk is a central view: `--screenshots` shows it as the rail's page (main-criminal_intel-*),
        // its queue's first lead in view. The wall and the dashboard as on a screen across the room.
        ModulePicture picture;
        picture.name = QStringLiteral("intel-wall");
        picture.panels = {QStringLiteral("criminal_intel.wall"), QStringLiteral("criminal_intel.dashboard")};
        picture.settleMs = 800;
        ModulePicture charted;
        charted.name = QStringLiteral("intel-chart");
        charted.panels = {QStringLiteral("criminal_intel.chart")};
        charted.size = QSize(1600, 900);
        charted.viewStates.insert(QStringLiteral("criminal_intel.chart"), QJsonObject{{QStringLiteral("chart"), double(chart.id)}});
        charted.settleMs = 1500;
        return QList<ModulePicture>{picture, charted, investigated};
    };
    return pictures;
}

} // namespace hexhub::criminalintel
