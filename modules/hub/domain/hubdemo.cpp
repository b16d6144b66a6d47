// The hub's share of the demo history (issue 7 section 2): units and crews at the district's
// stations, the demo cameras, N incidents arriving on an hour-of-day x weekday curve along the
// district's streets with their dispatches, tasks to the centres and a few cluster operations.
// Every random number comes from the DemoContext's streams, so one seed gives one history.
#include "hexhub/hub/demo.h"
#include "module/demodata.h"

#include "hubdemo_p.h"

#include "store/sql.h"

#include <algorithm>
#include <array>

namespace hexhub::hub {

namespace detail {

const QString kSupervisor = DemoContext::userOf(QStringLiteral("hub_supervisor"));

} // namespace detail

namespace {

// The kinds of the fleet in the order they are handed out, so every station gets a mix.
const char* const kFleetCycle[] = {"patrol_car", "foot_patrol", "patrol_car", "traffic", "patrol_car", "medical_liaison",
                                   "foot_patrol", "patrol_car", "drone", "fire_liaison", "special_response", "patrol_car"};

QString kindLetter(const QString& kind)
{
    if (kind == QLatin1String("patrol_car"))
        return QStringLiteral("P");
    if (kind == QLatin1String("foot_patrol"))
        return QStringLiteral("F");
    if (kind == QLatin1String("traffic"))
        return QStringLiteral("T");
    if (kind == QLatin1String("special_response"))
        return QStringLiteral("S");
    if (kind == QLatin1String("drone"))
        return QStringLiteral("D");
    if (kind == QLatin1String("fire_liaison"))
        return QStringLiteral("FL");
    return QStringLiteral("M");
}

QStringList skillsFor(const QString& kind, QRandomGenerator64& random)
{
    QStringList skills;
    if (kind == QLatin1String("patrol_car")) {
        if (random.bounded(5) == 0)
            skills << QStringLiteral("negotiator");
        if (random.bounded(3) == 0)
            skills << QStringLiteral("first_aid");
    } else if (kind == QLatin1String("foot_patrol")) {
        if (random.bounded(4) == 0)
            skills << QStringLiteral("dog_handler");
        if (random.bounded(4) == 0)
            skills << QStringLiteral("interpreter");
    } else if (kind == QLatin1String("special_response")) {
        skills << QStringLiteral("explosives");
        if (random.bounded(2) == 0)
            skills << QStringLiteral("diver");
    } else if (kind == QLatin1String("drone")) {
        skills << QStringLiteral("thermal_camera");
    } else if (kind == QLatin1String("fire_liaison")) {
        skills << QStringLiteral("air_cushion");
    } else if (kind == QLatin1String("medical_liaison")) {
        skills << QStringLiteral("first_aid");
    }
    return skills;
}

int crewFor(const QString& kind, QRandomGenerator64& random)
{
    if (kind == QLatin1String("special_response"))
        return 4;
    if (kind == QLatin1String("drone") || kind == QLatin1String("traffic"))
        return 1;
    if (kind == QLatin1String("foot_patrol"))
        return 1 + random.bounded(2);
    return 2;
}

void writeUnits(DemoContext& demo, std::vector<UnitRow>& units)
{
    const DemoDistrict& district = demo.district();
    QRandomGenerator64 random = demo.random(QStringLiteral("units"));
    // Four rounds of the fleet at each of the three stations at least: with a day's history of about
    // 200 incidents, about a third of them are out at any moment, the rest free for the live demo.
    const qint64 count = std::clamp<qint64>(demo.scaled(0.0001, 48), 48, 300);
    std::vector<int> perStation(size_t(district.stations.size()), 0);
    for (qint64 i = 0; i < count; ++i) {
        UnitRow u;
        u.kind = QString::fromLatin1(kFleetCycle[size_t(i / district.stations.size()) % std::size(kFleetCycle)]);
        u.station = int(i % district.stations.size());
        const auto& station = district.stations[u.station];
        u.callSign = QStringLiteral("%1%2-%3")
                         .arg(station.name.left(1).toUpper(), kindLetter(u.kind))
                         .arg(++perStation[size_t(u.station)], 2, 10, QLatin1Char('0'));
        const GeoPoint at = jitter(station.position, 60, random);
        const bool offDuty = random.bounded(100) < 12;
        demo.insert(QStringLiteral("INSERT INTO hub_units (id, kind, status, home_station, crew_size, skills, latitude, longitude, "
                                   "position_at, status_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {u.callSign, u.kind, offDuty ? QStringLiteral("off_duty") : QStringLiteral("available"), station.name,
                     crewFor(u.kind, random), skillsFor(u.kind, random).join(QLatin1Char(',')), at.latitude, at.longitude,
                     demo.endMs() - random.bounded(qint64(10) * kMinute), demo.endMs() - random.bounded(qint64(8) * kHour)});
        units.push_back(u);
    }
}

void writeCameras(DemoContext& demo)
{
    QRandomGenerator64 random = demo.random(QStringLiteral("cameras"));
    const QString sql = QStringLiteral(
        "INSERT INTO hub_cameras (id, name, kind, latitude, longitude, heading, field_of_view, range_m, stream_url, agency, "
        "health, position_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unknown', ?, ?, ?)");
    const qint64 created = demo.endMs() - 400 * kDay;
    for (const DemoCamera& c : demoCameras()) {
        const QString kind = QString::fromLatin1(c.kind);
        const bool placed = c.position.latitude != 0;
        const double fov = kind == QLatin1String("ptz") || kind == QLatin1String("drone") ? 360 : kind == QLatin1String("body_worn") ? 100 : 70;
        const double range = kind == QLatin1String("drone") ? 150 : kind == QLatin1String("ptz") ? 300 : 120;
        demo.insert(sql, {QString::fromLatin1(c.id), QString::fromLatin1(c.name), kind, placed ? QVariant(c.position.latitude) : QVariant(),
                          placed ? QVariant(c.position.longitude) : QVariant(), c.heading, fov, range, QString::fromLatin1(c.url),
                          QStringLiteral("City police"), kind == QLatin1String("drone") ? QVariant(demo.endMs()) : QVariant(), created,
                          created});
    }
    // More street cameras along the district's streets, in proportion.
    const qint64 more = demo.scaled(0.00005, 6);
    const char* const scenes[] = {"street", "street", "rooftop"};
    for (qint64 i = 0; i < more; ++i) {
        const int street = demo.district().randomStreet(random);
        const GeoPoint at = demo.district().alongStreet(street, random.generateDouble());
        const char* scene = scenes[random.bounded(3)];
        demo.insert(sql, {QStringLiteral("CAM-%1").arg(1001 + i), QStringLiteral("%1, camera %2").arg(demo.district().streets[street].name).arg(i + 1),
                          QStringLiteral("fixed"), at.latitude, at.longitude, double(random.bounded(360)), 60.0 + random.bounded(30),
                          80.0 + random.bounded(120), QStringLiteral("synthetic:%1?fps=10").arg(QLatin1String(scene)),
                          QStringLiteral("City police"), QVariant(), created, created});
    }
}

void writeTasks(DemoContext& demo, const std::vector<UnitRow>& units, const std::vector<qint64>& incidentIds)
{
    QRandomGenerator64 random = demo.random(QStringLiteral("tasks"));
    const qint64 end = demo.endMs();
    const qint64 span = demo.historyDays() * kDay;
    static const std::array<std::pair<const char*, std::array<const char*, 3>>, 6> kTasks{{
        {"criminal_intel", {"Check the burglary series against known leads", "Identify the vehicle seen leaving", "Link the phone numbers from the call log"}},
        {"case_management", {"Open a case and take statements", "Register the seized property", "Review the custody record"}},
        {"basic_control", {"Extra patrols on the beat tonight", "Visit the premises and report", "Speak to the neighbours"}},
        {"supervision", {"Answer the residents' complaint", "Call the reporter back", "Reply to the hotline referral"}},
        {"bigdata_investigation", {"Run the repeat-location model on the area", "Pull the camera index for the time window", "Check the model alert"}},
        {"political_security", {"Review the event's security plan", "Add a post at the venue entrance", "Brief the joint agencies"}},
    }};
    const QString sql = QStringLiteral(
        "INSERT INTO hub_tasks (assignee_kind, assignee, title, detail, priority, status, progress, progress_note, decline_reason, "
        "starts_at, due_at, place, latitude, longitude, incident_id, operation_id, created_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const qint64 tasks = demo.scaled(0.004, 12);
    for (qint64 i = 0; i < tasks; ++i) {
        const auto& [centre, titles] = kTasks[size_t(random.bounded(int(kTasks.size())))];
        const qint64 created = end - span + span * (i + 1) / (tasks + 1) + random.bounded(kHour);
        const bool recent = end - created < 3 * kDay;
        static const QString kStatus[] = {QStringLiteral("issued"), QStringLiteral("accepted"), QStringLiteral("in_progress"),
                                          QStringLiteral("done"), QStringLiteral("declined"), QStringLiteral("cancelled")};
        const QString status = recent ? kStatus[pick(random, {40, 25, 35})] : kStatus[3 + pick(random, {88, 7, 5})];
        const int progress = status == QLatin1String("done") ? 100 : status == QLatin1String("in_progress") ? 10 * (1 + random.bounded(9)) : 0;
        const qint64 incident = incidentIds.empty() ? 0 : incidentIds[size_t(random.bounded(qint64(incidentIds.size())))];
        demo.insert(sql, {QStringLiteral("centre"), QString::fromLatin1(centre), QString::fromLatin1(titles[size_t(random.bounded(3))]), QString(),
                          1 + random.bounded(4), status, progress,
                          progress > 0 && progress < 100 ? QStringLiteral("Under way") : QString(),
                          status == QLatin1String("declined") ? QStringLiteral("Not ours: passed to the station") : QString(), QVariant(),
                          created + (4 + random.bounded(44)) * kHour, QString(), QVariant(), QVariant(),
                          incident ? QVariant(incident) : QVariant(), QVariant(), kSupervisor, created,
                          std::min(end, created + random.bounded(6 * kHour))});
    }

    // Cluster operations: a go time, and the task division to units.
    static const char* const kOperations[] = {"Operation Lantern", "Operation Granary", "Operation Heron", "Operation Quarry",
                                              "Operation Willow", "Operation Foundry"};
    static const char* const kLines[] = {"Close the north exit", "Cordon the square", "Search the riverside path",
                                         "Escort the convoy", "Check the parked vans", "Hold the crossing"};
    const qint64 operations = demo.scaled(0.0002, 3);
    for (qint64 i = 0; i < operations; ++i) {
        const bool planned = i == operations - 1;
        const qint64 go = planned ? end + 2 * kDay : end - span + span * (i + 1) / (operations + 1);
        const qint64 created = go - 3 * kDay;
        const qint64 id = demo.insertReturningId(
            QStringLiteral("INSERT INTO hub_operations (name, objective, status, go_at, created_by, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {QStringLiteral("%1 %2").arg(QLatin1String(kOperations[i % std::size(kOperations)])).arg(i / qint64(std::size(kOperations)) + 1),
             QStringLiteral("Disrupt a burglary series across the district"),
             planned ? QStringLiteral("planned") : QStringLiteral("completed"), go, kSupervisor, created,
             planned ? created : std::min(end, go + 6 * kHour)});
        const int lines = 3 + random.bounded(3);
        for (int l = 0; l < lines; ++l) {
            const UnitRow& unit = units[size_t(random.bounded(int(units.size())))];
            const int street = demo.district().randomStreet(random);
            const GeoPoint at = demo.district().alongStreet(street, random.generateDouble());
            demo.insert(sql, {QStringLiteral("unit"), unit.callSign, QString::fromLatin1(kLines[random.bounded(int(std::size(kLines)))]), QString(),
                              2, planned ? QStringLiteral("issued") : QStringLiteral("done"), planned ? 0 : 100, QString(), QString(),
                              go + l * 5 * kMinute, go + 2 * kHour, demo.district().streets[street].name, at.latitude, at.longitude,
                              QVariant(), id, kSupervisor, created, planned ? created : std::min(end, go + 3 * kHour)});
        }
    }
}

} // namespace

void writeDemoData(DemoContext& demo)
{
    const std::vector<Category> categories = loadCategories(demo.txn());
    if (categories.empty())
        return;
    std::vector<UnitRow> units;
    writeUnits(demo, units);
    writeCameras(demo);
    std::vector<qint64> incidentIds;
    writeIncidents(demo, units, categories, incidentIds);
    writeTasks(demo, units, incidentIds);
}

} // namespace hexhub::hub
