// Criminal intelligence's share of the demo history: leads with their entities and the links
// between them (some shared between leads, as real series are), joint investigations and their
// task division. About offences and the things around them only: nobody is profiled.
#include "hexhub/criminal_intel/demo.h"
#include "hexhub/criminal_intel/entities.h"
#include "hexhub/criminal_intel/leads.h"
#include "leadrules_p.h"
#include "hexhub/hub/demo.h"
#include "base/coretr.h"
#include "module/demodata.h"
#include "module/extensions.h"

#include "store/sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFuture>

#include <cmath>
#include <memory>

namespace hexhub::criminalintel {

namespace {

constexpr qint64 kDay = 24 * 3600 * 1000;

} // namespace

void writeDemoData(DemoContext& demo)
{
    const DemoDistrict& district = demo.district();
    QRandomGenerator64 random = demo.random(QStringLiteral("leads"));
    // Where leads come from, in rough proportion: tips, big-data hits, other centres, hub incidents.
    static const char* const kSources[] = {"tip", "tip", "big_data", "centre", "incident"};
    static const char* const kCentres[] = {"", "", "bigdata_investigation", "basic_control", "hub"};
    static const char* const kTipSources[] = {"Caller on the tip line, call back number on file", "Registered informant DEMO-%1",
                                              "Shop owner on %1", "Anonymous letter to the station"};
    static const char* const kSummaries[] = {
        "Stolen phones offered for sale near %1", "Burglaries on %1 may be one crew", "Fencing of stolen bicycles around %1",
        "Fraud calls traced to a flat on %1", "Car break-ins along %1 at night", "Counterfeit goods stored in a garage on %1",
        "Pickpockets working the buses on %1", "Scooter thefts near %1"};
    static const char* const kOrganisations[] = {"DEMO Trading Co. No. %1", "DEMO Logistics Ltd. No. %1", "DEMO Repair Shop No. %1"};
    static const char* const kRelations[] = {"calls", "owns", "lives_at", "uses", "paid", "works_at", "met"};
    static const char* const kEvidence[] = {"Call records", "Vehicle registration", "Witness statement", "Bank transfer", "Camera footage"};
    static const char* const kCloseReasons[] = {"No offence found after checks", "Handed to the station that covers the address",
                                                "Information could not be corroborated"};
    const QString analyst = DemoContext::userOf(QStringLiteral("criminal_intel_operator"));

    const qint64 leads = demo.scaled(0.02, 40);
    qint64 previousPhone = 0;
    QList<std::pair<qint64, QString>> leadIds; // id, summary
    for (qint64 i = 0; i < leads; ++i) {
        const qint64 received = demo.startMs() + (demo.endMs() - demo.startMs()) * (i + 1) / (leads + 1);
        const qint64 age = demo.endMs() - received;
        const int street = district.randomStreet(random);
        const QString summary = QString::fromLatin1(kSummaries[random.bounded(int(std::size(kSummaries)))]).arg(district.streets[street].name);
        // Graded in the admiralty code: most sources usually or fairly reliable, most information probably or possibly true.
        static const char kReliability[] = "ABBBCCCDEF";
        static const char kCredibility[] = "1222333456";
        const QString status = age < 2 * kDay    ? (random.bounded(3) ? QStringLiteral("new") : QStringLiteral("assessing"))
                               : age < 7 * kDay  ? (random.bounded(2) ? QStringLiteral("assessing") : QStringLiteral("developing"))
                               : age < 60 * kDay ? (random.bounded(2) ? QStringLiteral("developing") : QStringLiteral("actioned"))
                                                 : (random.bounded(3) ? QStringLiteral("closed") : QStringLiteral("actioned"));
        const bool graded = status != QLatin1String("new");
        const int source = random.bounded(int(std::size(kSources)));
        QString sourceDetail;
        if (QLatin1String(kSources[source]) == QLatin1String("tip")) {
            const int kind = random.bounded(4);
            sourceDetail = QString::fromLatin1(kTipSources[kind]);
            if (kind == 1)
                sourceDetail = sourceDetail.arg(100 + random.bounded(900));
            else if (kind == 2)
                sourceDetail = sourceDetail.arg(district.streets[street].name);
        }
        const qint64 year = QDateTime::fromMSecsSinceEpoch(received, Qt::UTC).date().year();
        const QVariant none;
        const qint64 lead = demo.insertReturningId(
            QStringLiteral("INSERT INTO ci_leads (reference, source_kind, source_centre, source_detail, summary, scheme, source_grade, info_grade, "
                           "grade_reason, graded_by, graded_at, status, status_reason, assigned_to, legal_basis, retain_until, received_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {QStringLiteral("L-%1-%2").arg(year).arg(i + 1, 5, 10, QLatin1Char('0')), QLatin1String(kSources[source]),
             QLatin1String(kCentres[source]), sourceDetail, summary,
             graded ? QVariant(QStringLiteral("admiralty")) : none,
             graded ? QVariant(QString(QLatin1Char(kReliability[random.bounded(10)]))) : none,
             graded ? QVariant(QString(QLatin1Char(kCredibility[random.bounded(10)]))) : none,
             graded ? QVariant(QStringLiteral("Graded on the source's record and what other reports say")) : QVariant(QString()),
             graded ? QVariant(analyst) : none, graded ? QVariant(received + 3 * 3600 * 1000) : none, status,
             status == QLatin1String("closed") ? QLatin1String(kCloseReasons[random.bounded(3)]) : QLatin1String(""),
             graded && random.bounded(4) ? QVariant(analyst) : none,
             QStringLiteral("Investigation of reported offences"), received + 5 * 365 * kDay, received, received});
        leadIds << std::pair{lead, summary};
        // The limit that runs on a lead still waiting, on the hub's deadline queue as a live lead's
        // would be (a few of the newest already missed, as on a busy week).
        const QString reference = QStringLiteral("L-%1-%2").arg(year).arg(i + 1, 5, 10, QLatin1Char('0'));
        if (status == QLatin1String("new")) {
            detail::startAssess(demo.txn(), lead, reference, received);
        } else if (status == QLatin1String("assessing")) {
            QSqlQuery g = demo.txn().exec(QStringLiteral("SELECT source_grade, info_grade FROM ci_leads WHERE id = ?"), {lead});
            if (g.next())
                detail::startAct(demo.txn(), lead, reference,
                                 LeadGrade{GradingScheme::Admiralty, g.value(0).toString(), g.value(1).toString(), {}, {}}.band(),
                                 received + 3 * 3600 * 1000);
        }

        // Its entities, linked in a chain; a phone now and then shared with the lead before.
        QList<qint64> entities;
        const int count = 2 + random.bounded(3);
        qint64 phone = 0;
        for (int e = 0; e < count; ++e) {
            const int kind = e == 0 ? 0 : random.bounded(6);
            QString label;
            switch (kind) {
            case 0: label = SyntheticIdentity::personName(random); break;
            case 1: label = SyntheticIdentity::phoneNumber(random); break;
            case 2: label = SyntheticIdentity::vehiclePlate(random); break;
            case 3: label = SyntheticIdentity::account(random); break;
            case 4: label = QStringLiteral("%1 %2").arg(1 + random.bounded(240)).arg(district.streets[district.randomStreet(random)].name); break;
            default: label = QString::fromLatin1(kOrganisations[random.bounded(3)]).arg(1 + random.bounded(500)); break;
            }
            static const QString kKinds[] = {QStringLiteral("person"), QStringLiteral("phone"), QStringLiteral("vehicle"),
                                             QStringLiteral("account"), QStringLiteral("address"), QStringLiteral("organisation")};
            const qint64 entity = demo.insertReturningId(
                QStringLiteral("INSERT INTO ci_entities (lead_id, kind, label, match_key, legal_basis, retain_until, created_by, created_at, updated_at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {lead, kKinds[kind], label, entityMatchKey(*entityKindFromKey(kKinds[kind]), label),
                 QStringLiteral("Investigation of reported offences"), received + 5 * 365 * kDay, analyst, received, received});
            demo.insert(QStringLiteral("INSERT INTO ci_lead_entities (lead_id, entity_id) VALUES (?, ?)"), {lead, entity});
            if (kind == 1)
                phone = entity;
            if (!entities.isEmpty()) {
                demo.insert(QStringLiteral("INSERT INTO ci_links (from_id, to_id, relation, evidence, source_kind, source_ref, created_by, created_at) "
                                           "VALUES (?, ?, ?, ?, 'lead', ?, ?, ?)"),
                            {entities.last(), entity, QLatin1String(kRelations[random.bounded(int(std::size(kRelations)))]),
                             QLatin1String(kEvidence[random.bounded(int(std::size(kEvidence)))]), QStringLiteral("lead ") + reference, analyst, received});
            }
            entities << entity;
        }
        if (phone && previousPhone && random.bounded(4) == 0) {
            demo.insert(QStringLiteral("INSERT INTO ci_links (from_id, to_id, relation, evidence, source_kind, source_ref, created_by, created_at) "
                                       "VALUES (?, ?, 'calls', 'Call records', 'record', ?, ?, ?)"),
                        {previousPhone, phone, QStringLiteral("call records of lead ") + reference, analyst, received});
        }
        if (phone)
            previousPhone = phone;
    }

    // Joint investigations on some leads, each with its task division.
    QRandomGenerator64 joint = demo.random(QStringLiteral("investigations"));
    QStringList units;
    for (const hub::UnitRef& unit : hub::registeredUnits(demo.txn()))
        units << unit.callSign;
    static const char* const kAssignments[] = {"Trace the phones in the call records", "Interview the victims again",
                                               "Collect the camera footage", "Check pawn shop registers", "Watch the address at night",
                                               "Prepare the search warrant application"};
    const qint64 investigations = std::min<qint64>(demo.scaled(0.002, 5), leadIds.size());
    for (qint64 i = 0; i < investigations; ++i) {
        const auto& [lead, summary] = leadIds[qsizetype(joint.bounded(qint64(leadIds.size())))];
        const qint64 opened = demo.randomTime(joint);
        const bool closed = demo.endMs() - opened > 120 * kDay && joint.bounded(3) > 0;
        const QString status = closed ? QStringLiteral("closed") : joint.bounded(6) == 0 ? QStringLiteral("suspended") : QStringLiteral("open");
        const QString title = QStringLiteral("Joint investigation: %1").arg(summary);
        const qint64 id = demo.insertReturningId(
            QStringLiteral("INSERT INTO ci_investigations (title, summary, lead_id, status, status_reason, opened_by, opened_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {title, QStringLiteral("Opened from lead %1: %2").arg(lead).arg(summary), lead, status,
             closed ? QStringLiteral("Suspects charged; the file went to case management")
                    : status == QLatin1String("suspended") ? QStringLiteral("Waiting for the bank's records") : QString(),
             analyst, opened, opened});
        demo.txn().exec(QStringLiteral("UPDATE ci_leads SET investigation_id = ? WHERE id = ? AND investigation_id IS NULL"), {id, lead});
        // Its timeline and members, as the desk would have written them.
        auto note = [&](qint64 at, const char* kind, const QJsonObject& data) {
            demo.insert(QStringLiteral("INSERT INTO ci_investigation_journal (investigation_id, at, actor, kind, data) VALUES (?, ?, ?, ?, ?)"),
                        {id, at, analyst, QString::fromLatin1(kind), QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact))});
        };
        auto member = [&](qint64 at, const QString& kind, const QString& who, const QString& role) {
            if (demo.txn().scalar(QStringLiteral("SELECT 1 FROM ci_investigation_members WHERE investigation_id = ? AND kind = ? AND member = ?"),
                                  {id, kind, who}).isValid())
                return;
            demo.insert(QStringLiteral("INSERT INTO ci_investigation_members (investigation_id, kind, member, role, added_by, added_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?)"),
                        {id, kind, who, role, analyst, at});
            note(at, "member_added", {{QStringLiteral("kind"), kind}, {QStringLiteral("member"), who}, {QStringLiteral("role"), role}});
        };
        note(opened, "opened", {{QStringLiteral("title"), title}});
        note(opened, "lead_joined", {{QStringLiteral("lead"), lead}, {QStringLiteral("reference"), QStringLiteral("lead %1").arg(lead)}});
        member(opened, QStringLiteral("analyst"), analyst, QStringLiteral("lead analyst"));
        member(opened + kDay / 4, QStringLiteral("centre"), QStringLiteral("bigdata_investigation"), QStringLiteral("records analysis"));
        // The investigation's link chart: its lead's entities, around a circle, as the analyst left it.
        QJsonArray items;
        QSqlQuery members = demo.txn().exec(QStringLiteral("SELECT entity_id FROM ci_lead_entities WHERE lead_id = ? ORDER BY entity_id"), {lead});
        QList<qint64> ids;
        while (members.next())
            ids << members.value(0).toLongLong();
        for (qsizetype m = 0; m < ids.size(); ++m) {
            const double angle = 6.283185307 * double(m) / double(ids.size());
            items.append(QJsonObject{{QStringLiteral("id"), double(ids[m])}, {QStringLiteral("x"), std::round(160 * std::cos(angle))},
                                     {QStringLiteral("y"), std::round(160 * std::sin(angle))}, {QStringLiteral("pinned"), m == 0}});
        }
        const QJsonObject state{{QStringLiteral("items"), items}, {QStringLiteral("sizeBy"), QStringLiteral("degree")},
                                {QStringLiteral("colourBy"), QStringLiteral("kind")}};
        demo.insert(QStringLiteral("INSERT INTO ci_charts (title, investigation_id, state, created_by, created_at, updated_by, updated_at) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {QStringLiteral("Chart: %1").arg(summary).left(120), id, QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)),
                     analyst, opened, analyst, opened});
        const int lines = 3 + joint.bounded(3);
        for (int l = 0; l < lines; ++l) {
            const QString unit = units.isEmpty() ? QStringLiteral("Intelligence team") : units[joint.bounded(int(units.size()))];
            const QString assignment = QLatin1String(kAssignments[joint.bounded(int(std::size(kAssignments)))]);
            const bool done = closed || joint.bounded(2);
            const qint64 at = opened + (l + 1) * kDay / 2;
            demo.insert(QStringLiteral("INSERT INTO ci_task_division (investigation_id, unit, assignment, due_at, status, assignee_kind, task_status, "
                                       "progress, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'unit', ?, ?, ?, ?)"),
                        {id, unit, assignment, opened + (3 + joint.bounded(20)) * kDay, done ? QStringLiteral("done") : QStringLiteral("open"),
                         done ? QStringLiteral("done") : QStringLiteral("accepted"), done ? 100 : 0, analyst, at});
            if (!units.isEmpty())
                member(at, QStringLiteral("unit"), unit, QString());
            note(at, "line_issued", {{QStringLiteral("assigneeKind"), QStringLiteral("unit")}, {QStringLiteral("assignee"), unit},
                                     {QStringLiteral("assignment"), assignment}});
        }
        // Who acts on whom if it becomes a cluster operation: up to three of its lead's entities.
        static const char* const kActions[] = {"Arrest", "Search and seize devices", "Freeze the account", "Locate the handset"};
        for (qsizetype t = 0; t < std::min<qsizetype>(3, ids.size()) && !units.isEmpty(); ++t) {
            const QString unit = units[joint.bounded(int(units.size()))];
            const QString action = QLatin1String(kActions[joint.bounded(int(std::size(kActions)))]);
            demo.insert(QStringLiteral("INSERT INTO ci_investigation_targets (investigation_id, entity_id, assignee_kind, assignee, action, "
                                       "after_go_min, created_by, created_at) VALUES (?, ?, 'unit', ?, ?, ?, ?, ?)"),
                        {id, ids[t], unit, action, int(t) * 15, analyst, opened + kDay});
            note(opened + kDay, "target_set", {{QStringLiteral("entity"), ids[t]}, {QStringLiteral("label"), QStringLiteral("entity %1").arg(ids[t])},
                                               {QStringLiteral("action"), action}, {QStringLiteral("assigneeKind"), QStringLiteral("unit")},
                                               {QStringLiteral("assignee"), unit}});
        }
        // The daily reports of its first days.
        static const char* const kReports[] = {"Call records requested; two handsets identified.",
                                               "Footage collected from three cameras; the courier's route is clear.",
                                               "Pawn shop registers checked: four phones matched to the victims.",
                                               "Surveillance of the address confirms the suspects meet at night."};
        const int days = 1 + joint.bounded(3);
        for (int d = 0; d < days; ++d) {
            const qint64 at = opened + (d + 1) * kDay - 3600'000LL;
            demo.insert(QStringLiteral("INSERT INTO ci_investigation_reports (investigation_id, day, author, body, created_at, updated_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?)"),
                        {id, QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).date().toString(Qt::ISODate), analyst,
                         QLatin1String(kReports[joint.bounded(int(std::size(kReports)))]), at, at});
            note(at, "report", {{QStringLiteral("day"), QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).date().toString(Qt::ISODate)}});
        }
        if (status != QLatin1String("open"))
            note(std::min(demo.endMs() - 3600'000LL, opened + (days + 2) * kDay), "status",
                 {{QStringLiteral("status"), status}, {QStringLiteral("reason"), closed ? QStringLiteral("Suspects charged; the file went to case management")
                                                                                         : QStringLiteral("Waiting for the bank's records")}});
    }
}

static QFuture<QString> colleagueTriage(Store& store, Session& session, AuditLog& audit, quint64 draw)
{
    // A colleague at the leads desk in demo mode: now and then a tip comes in by phone and is
    // recorded; otherwise the lead that has waited longest for a first look is graded, with a reason,
    // the newest one left for the trainee. Through the centre's own service, in the colleague's name:
    // journaled, audited, on the deadline queue like any analyst's work.
    auto leads = std::make_shared<LeadService>(store, session, audit);
    if (draw % 3 == 0) {
        static const char* const kTips[] = {
            QT_TRANSLATE_NOOP("hexhub::criminalintel::Colleague", "Caller says scooters are stripped for parts in a lock-up behind the market"),
            QT_TRANSLATE_NOOP("hexhub::criminalintel::Colleague", "Shop owner reports the same two men selling new phones without boxes"),
            QT_TRANSLATE_NOOP("hexhub::criminalintel::Colleague", "Neighbour reports many parcels delivered to an empty flat at night")};
        const char* tip = kTips[(draw / 3) % 3];
        return leads->recordTip({QCoreApplication::translate("hexhub::criminalintel::Colleague", tip), QString(),
                                 QCoreApplication::translate("hexhub::criminalintel::Colleague", "Caller on the tip line, number on file"),
                                 QCoreApplication::translate("hexhub::criminalintel::Colleague", "Investigation of reported offences"), 365})
            .then([leads](const Lead& lead) { return Tr::tr("A colleague at the leads desk recorded tip %1").arg(lead.reference); });
    }
    return leads->waiting(20)
        .then([leads, draw](const QList<Lead>& waiting) -> QFuture<QString> {
            if (waiting.size() < 2) // the newest is the trainee's
                return QtFuture::makeReadyFuture(QString());
            const Lead& lead = waiting.first();
            const bool good = draw % 2 == 0;
            static const char* const kReasons[] = {
                QT_TRANSLATE_NOOP("hexhub::criminalintel::Colleague", "The source was right before; the call records fit"),
                QT_TRANSLATE_NOOP("hexhub::criminalintel::Colleague", "First report from this source; nothing else says so yet")};
            return leads
                ->grade(lead.id, lead.version,
                        {GradingScheme::Admiralty, good ? QStringLiteral("B") : QStringLiteral("C"), good ? QStringLiteral("2") : QStringLiteral("3"), {}, {}},
                        QCoreApplication::translate("hexhub::criminalintel::Colleague", kReasons[good ? 0 : 1]))
                .then([leads](const Lead& graded) { // the service lives until its write is done
                    return Tr::tr("A colleague at the leads desk graded %1 %2").arg(graded.reference, graded.grade ? graded.grade->code() : QString());
                });
        })
        .unwrap();
}

SimulationShare simulationShare()
{
    SimulationShare share;
    share.colleagues = {{QStringLiteral("criminal_intel_operator"), 90 * 60'000, &colleagueTriage}};
    share.followUps = {
        {QStringLiteral("burglary"), 0.7, [](const QString& address) { return Tr::tr("Check the burglary at %1 against open leads").arg(address); }},
    };
    return share;
}

} // namespace hexhub::criminalintel
