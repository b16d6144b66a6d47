// Criminal intelligence's share of the demo history: leads with their entities and the links
// between them (some shared between leads, as real series are), joint investigations and their
// task division. About offences and the things around them only: nobody is profiled.
#include "hexhub/criminal_intel/demo.h"
#include "hexhub/hub/demo.h"
#include "base/coretr.h"
#include "module/demodata.h"
#include "module/extensions.h"

#include "store/sql.h"

#include <QDateTime>

namespace hexhub::criminalintel {

namespace {

constexpr qint64 kDay = 24 * 3600 * 1000;

} // namespace

void writeDemoData(DemoContext& demo)
{
    const DemoDistrict& district = demo.district();
    QRandomGenerator64 random = demo.random(QStringLiteral("leads"));
    static const char* const kSources[] = {"informant", "model_alert", "other_centre", "public", "patrol"};
    static const char* const kSummaries[] = {
        "Stolen phones offered for sale near %1", "Burglaries on %1 may be one crew", "Fencing of stolen bicycles around %1",
        "Fraud calls traced to a flat on %1", "Car break-ins along %1 at night", "Counterfeit goods stored in a garage on %1",
        "Pickpockets working the buses on %1", "Scooter thefts near %1"};
    static const char* const kOrganisations[] = {"DEMO Trading Co. No. %1", "DEMO Logistics Ltd. No. %1", "DEMO Repair Shop No. %1"};
    static const char* const kRelations[] = {"called", "owns", "lives at", "drives", "paid", "works for", "met"};
    static const char* const kEvidence[] = {"Call records", "Vehicle registration", "Witness statement", "Bank transfer", "Camera footage"};

    const qint64 leads = demo.scaled(0.02, 40);
    qint64 previousPhone = 0;
    QList<std::pair<qint64, QString>> leadIds; // id, summary
    for (qint64 i = 0; i < leads; ++i) {
        const qint64 received = demo.startMs() + (demo.endMs() - demo.startMs()) * (i + 1) / (leads + 1);
        const qint64 age = demo.endMs() - received;
        const int street = district.randomStreet(random);
        const QString summary = QString::fromLatin1(kSummaries[random.bounded(int(std::size(kSummaries)))]).arg(district.streets[street].name);
        static const QString kGrades[] = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D"), QStringLiteral("E")};
        const QString status = age < 7 * kDay  ? (random.bounded(2) ? QStringLiteral("new") : QStringLiteral("triaged"))
                               : age < 60 * kDay ? (random.bounded(2) ? QStringLiteral("developing") : QStringLiteral("triaged"))
                                                 : (random.bounded(3) ? QStringLiteral("closed") : QStringLiteral("handed_over"));
        const qint64 year = QDateTime::fromMSecsSinceEpoch(received, Qt::UTC).date().year();
        const qint64 lead = demo.insertReturningId(
            QStringLiteral("INSERT INTO ci_leads (reference, source, summary, grade, status, legal_basis, retain_until, received_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {QStringLiteral("L-%1-%2").arg(year).arg(i + 1, 5, 10, QLatin1Char('0')), QLatin1String(kSources[random.bounded(5)]), summary,
             status == QLatin1String("new") ? QVariant() : QVariant(kGrades[random.bounded(5)]),
             status, QStringLiteral("Investigation of reported offences"), received + 5 * 365 * kDay, received});
        leadIds << std::pair{lead, summary};

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
            const qint64 entity = demo.insertReturningId(QStringLiteral("INSERT INTO ci_entities (lead_id, kind, label) VALUES (?, ?, ?)"),
                                                         {lead, kKinds[kind], label});
            if (kind == 1)
                phone = entity;
            if (!entities.isEmpty()) {
                demo.insert(QStringLiteral("INSERT INTO ci_links (from_id, to_id, relation, evidence) VALUES (?, ?, ?, ?)"),
                            {entities.last(), entity, QLatin1String(kRelations[random.bounded(int(std::size(kRelations)))]),
                             QLatin1String(kEvidence[random.bounded(int(std::size(kEvidence)))])});
            }
            entities << entity;
        }
        if (phone && previousPhone && random.bounded(4) == 0) {
            demo.insert(QStringLiteral("INSERT INTO ci_links (from_id, to_id, relation, evidence) VALUES (?, ?, ?, ?)"),
                        {previousPhone, phone, QStringLiteral("called"), QStringLiteral("Call records")});
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
        const qint64 id = demo.insertReturningId(
            QStringLiteral("INSERT INTO ci_investigations (title, lead_id, status, opened_at) VALUES (?, ?, ?, ?)"),
            {QStringLiteral("Joint investigation: %1").arg(summary), lead,
             closed ? QStringLiteral("closed") : joint.bounded(6) == 0 ? QStringLiteral("suspended") : QStringLiteral("open"), opened});
        const int lines = 3 + joint.bounded(3);
        for (int l = 0; l < lines; ++l) {
            demo.insert(QStringLiteral("INSERT INTO ci_task_division (investigation_id, unit, assignment, due_at, status) VALUES (?, ?, ?, ?, ?)"),
                        {id, units.isEmpty() ? QStringLiteral("Intelligence team") : units[joint.bounded(int(units.size()))],
                         QLatin1String(kAssignments[joint.bounded(int(std::size(kAssignments)))]), opened + (3 + joint.bounded(20)) * kDay,
                         closed || joint.bounded(2) ? QStringLiteral("done") : QStringLiteral("open")});
        }
    }
}

SimulationShare simulationShare()
{
    SimulationShare share;
    share.followUps = {
        {QStringLiteral("burglary"), 0.7, [](const QString& address) { return Tr::tr("Check the burglary at %1 against open leads").arg(address); }},
    };
    return share;
}

} // namespace hexhub::criminalintel
