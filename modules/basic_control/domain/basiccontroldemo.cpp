// Basic control's share of the demo history: the district's stations, four beats each, the duty
// roster of the hub's units for the last four weeks, and premises inspections in proportion.
#include "hexhub/basic_control/demo.h"
#include "hexhub/hub/demo.h"
#include "base/coretr.h"
#include "module/demodata.h"
#include "module/extensions.h"

#include "store/sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace hexhub::basiccontrol {

namespace {

constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;

QString polygon(double south, double west, double north, double east)
{
    const QJsonArray ring{QJsonArray{west, south}, QJsonArray{east, south}, QJsonArray{east, north}, QJsonArray{west, north},
                          QJsonArray{west, south}};
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("Polygon")},
                                                       {QStringLiteral("coordinates"), QJsonArray{ring}}})
                                 .toJson(QJsonDocument::Compact));
}

// The street nearest to `point` and how far along it, as an address.
QString addressNear(const DemoDistrict& district, const GeoPoint& point)
{
    int best = 0;
    double bestFraction = 0, bestDistance = 1e18;
    for (int s = 0; s < district.streets.size(); ++s) {
        for (int k = 0; k <= 40; ++k) {
            const double d = district.alongStreet(s, k / 40.0).distanceTo(point);
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
                bestFraction = k / 40.0;
            }
        }
    }
    return QStringLiteral("%1 %2").arg(1 + int(bestFraction * 240)).arg(district.streets[best].name);
}

} // namespace

void writeDemoData(DemoContext& demo)
{
    const DemoDistrict& district = demo.district();
    QRandomGenerator64 random = demo.random(QStringLiteral("stations"));

    // Stations and their beats: each station's area in four quarters.
    QStringList stations;
    QHash<QString, QStringList> beats;
    for (const DemoDistrict::Station& station : district.stations) {
        demo.insert(QStringLiteral("INSERT INTO bc_stations (id, name, address, latitude, longitude, phone) VALUES (?, ?, ?, ?, ?, ?)"),
                    {station.name, QStringLiteral("%1 Police Station").arg(station.name), addressNear(district, station.position),
                     station.position.latitude, station.position.longitude, SyntheticIdentity::phoneNumber(random)});
        stations << station.name;
        double south = 90, north = -90, west = 180, east = -180;
        for (const GeoPoint& p : station.area) {
            south = std::min(south, p.latitude);
            north = std::max(north, p.latitude);
            west = std::min(west, p.longitude);
            east = std::max(east, p.longitude);
        }
        const double midLat = (south + north) / 2, midLon = (west + east) / 2;
        const struct
        {
            const char* name;
            double s, w, n, e;
        } quarters[] = {{"north-west", midLat, west, north, midLon},
                        {"north-east", midLat, midLon, north, east},
                        {"south-west", south, west, midLat, midLon},
                        {"south-east", south, midLon, midLat, east}};
        int number = 0;
        for (const auto& q : quarters) {
            const QString id = QStringLiteral("%1-%2").arg(station.name).arg(++number);
            demo.insert(QStringLiteral("INSERT INTO bc_beats (id, station_id, name, area) VALUES (?, ?, ?, ?)"),
                        {id, station.name, QStringLiteral("%1 beat %2 (%3)").arg(station.name).arg(number).arg(QLatin1String(q.name)),
                         polygon(q.s, q.w, q.n, q.e)});
            beats[station.name] << id;
        }
    }

    // The duty roster: every unit of the hub on one of three shifts a day (early, late, night, in
    // the district's time), rotating weekly, for the last four weeks and the next one; its officers
    // by name, the same crew on the same unit.
    QRandomGenerator64 crews = demo.random(QStringLiteral("roster"));
    struct Unit
    {
        QString id, station;
        QStringList crew;
    };
    QList<Unit> fleet;
    for (const hub::UnitRef& unit : hub::registeredUnits(demo.txn())) {
        Unit u{unit.callSign, unit.homeStation, {}};
        for (int i = 0; i < std::max(1, unit.crewSize); ++i)
            u.crew << SyntheticIdentity::personName(crews);
        fleet << u;
    }
    const qint64 offset = qint64(demo.options().utcOffsetSeconds) * 1000;
    const qint64 firstDay = ((demo.endMs() + offset) / kDay - std::min<qint64>(28, demo.historyDays())) * kDay - offset;
    for (qint64 day = firstDay; day < demo.endMs() + 7 * kDay; day += kDay) {
        const qint64 week = (day + offset) / (7 * kDay);
        for (int i = 0; i < fleet.size(); ++i) {
            const Unit& u = fleet[i];
            if (!stations.contains(u.station))
                continue;
            const int shift = int((i + week) % 3);
            const qint64 starts = day + (6 + 8 * shift) * kHour;
            const QStringList& stationBeats = beats[u.station];
            for (const QString& officer : u.crew) {
                demo.insert(QStringLiteral("INSERT INTO bc_roster_shifts (station_id, beat_id, unit_id, officer, starts_at, ends_at) "
                                           "VALUES (?, ?, ?, ?, ?, ?)"),
                            {u.station, stationBeats.value(i % stationBeats.size()), u.id, officer, starts, starts + 8 * kHour});
            }
        }
    }

    // Premises inspections: hotels, internet cafes, workshops ... most of them in order.
    QRandomGenerator64 visits = demo.random(QStringLiteral("inspections"));
    static const char* const kKinds[] = {"hotel", "internet_cafe", "workshop", "rental_housing", "second_hand_dealer", "pawn_shop"};
    static const char* const kPremises[] = {"Hotel", "Internet cafe", "Repair workshop", "Rental flats", "Second-hand shop", "Pawn shop"};
    static const char* const kWarnings[] = {"Guest register incomplete", "Fire exit blocked by boxes", "Sales ledger not kept up to date"};
    static const char* const kViolations[] = {"Guests not registered", "Goods bought without seller's ID", "Unlicensed business"};
    const qint64 inspections = demo.scaled(0.02, 30);
    for (qint64 i = 0; i < inspections; ++i) {
        const int kind = visits.bounded(int(std::size(kKinds)));
        const int street = district.randomStreet(visits);
        const GeoPoint at = district.alongStreet(street, visits.generateDouble());
        const int outcome = visits.bounded(100);
        const QString station = district.stations[district.stationFor(at)].name;
        demo.insert(QStringLiteral("INSERT INTO bc_inspections (station_id, premises, kind, inspected_at, outcome, findings, inspector) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {station, QStringLiteral("%1, %2 %3").arg(QLatin1String(kPremises[kind])).arg(1 + visits.bounded(240)).arg(district.streets[street].name),
                     QLatin1String(kKinds[kind]), demo.randomTime(visits),
                     outcome < 75 ? QStringLiteral("compliant") : outcome < 93 ? QStringLiteral("warning") : QStringLiteral("violation"),
                     outcome < 75 ? QString() : QString::fromLatin1(outcome < 93 ? kWarnings[visits.bounded(3)] : kViolations[visits.bounded(3)]),
                     SyntheticIdentity::personName(visits)});
    }
}

SimulationShare simulationShare()
{
    SimulationShare share;
    share.followUps = {
        {QStringLiteral("fire"), 0.6, [](const QString& address) { return Tr::tr("Inspect the fire safety of the premises at %1").arg(address); }},
        {QStringLiteral("traffic_accident"), 0.3, [](const QString& address) { return Tr::tr("Review the road safety of the junction near %1").arg(address); }},
    };
    return share;
}

} // namespace hexhub::basiccontrol
