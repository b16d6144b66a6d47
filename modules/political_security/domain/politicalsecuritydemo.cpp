// Political security joint control's share of the demo history: the district's protected sites
// (its landmarks), security plans for public events there, past, running and coming, and their
// posts manned by the hub's units.
#include "hexhub/political_security/demo.h"
#include "hexhub/hub/demo.h"
#include "base/coretr.h"
#include "module/demodata.h"
#include "module/extensions.h"

#include "store/sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace hexhub::politicalsecurity {

namespace {

constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;

QString square(const GeoPoint& centre, double metres)
{
    const double dLat = metres / 111320.0, dLon = metres / (111320.0 * std::cos(centre.latitude * M_PI / 180));
    const double s = centre.latitude - dLat, n = centre.latitude + dLat, w = centre.longitude - dLon, e = centre.longitude + dLon;
    const QJsonArray ring{QJsonArray{w, s}, QJsonArray{e, s}, QJsonArray{e, n}, QJsonArray{w, n}, QJsonArray{w, s}};
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("Polygon")},
                                                       {QStringLiteral("coordinates"), QJsonArray{ring}}})
                                 .toJson(QJsonDocument::Compact));
}

QString siteKind(const QString& name)
{
    if (name.contains(QLatin1String("Station")))
        return QStringLiteral("transport_hub");
    if (name.contains(QLatin1String("Hospital")))
        return QStringLiteral("hospital");
    if (name.contains(QLatin1String("Park")))
        return QStringLiteral("park");
    return QStringLiteral("venue");
}

} // namespace

void writeDemoData(DemoContext& demo)
{
    const DemoDistrict& district = demo.district();
    QRandomGenerator64 random = demo.random(QStringLiteral("plans"));
    struct Site
    {
        qint64 id;
        QString name;
        GeoPoint at;
    };
    QList<Site> sites;
    for (const DemoDistrict::Landmark& landmark : district.landmarks) {
        const qint64 id = demo.insertReturningId(
            QStringLiteral("INSERT INTO ps_sites (name, kind, address, latitude, longitude, perimeter) VALUES (?, ?, ?, ?, ?, ?)"),
            {landmark.name, siteKind(landmark.name), landmark.name, landmark.position.latitude, landmark.position.longitude,
             square(landmark.position, 150)});
        sites << Site{id, landmark.name, landmark.position};
    }
    if (sites.isEmpty())
        return;

    QStringList units;
    for (const hub::UnitRef& unit : hub::registeredUnits(demo.txn()))
        units << unit.callSign;

    static const char* const kEvents[] = {"Summer music festival", "District half marathon", "Trade fair", "New Year lantern show",
                                          "University entrance exams", "Football final on the big screen", "Dragon boat races"};
    static const char* const kPosts[] = {"Main gate", "North entrance", "South entrance", "Control room", "Car park",
                                         "Footbridge", "First aid tent", "VIP entrance"};
    const qint64 plans = demo.scaled(0.0003, 4);
    for (qint64 i = 0; i < plans; ++i) {
        const Site& site = sites[random.bounded(int(sites.size()))];
        // Spread over the history, the last one running now and one to come.
        const qint64 starts = i == plans - 1 ? demo.endMs() + 3 * kDay
                              : i == plans - 2 ? demo.endMs() - 2 * kHour
                                               : demo.startMs() + (demo.endMs() - demo.startMs()) * (i + 1) / plans;
        const qint64 ends = starts + (4 + random.bounded(10)) * kHour;
        const QString status = ends < demo.endMs() ? QStringLiteral("stood_down")
                               : starts <= demo.endMs() ? QStringLiteral("active")
                                                        : (random.bounded(2) ? QStringLiteral("approved") : QStringLiteral("draft"));
        QJsonArray agencies{QStringLiteral("police")};
        for (const char* agency : {"fire", "medical", "transport", "city_services"}) {
            if (random.bounded(2))
                agencies << QLatin1String(agency);
        }
        const qint64 plan = demo.insertReturningId(
            QStringLiteral("INSERT INTO ps_plans (title, site_id, level, status, starts_at, ends_at, agencies, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {QStringLiteral("%1 at %2").arg(QLatin1String(kEvents[random.bounded(int(std::size(kEvents)))]), site.name), site.id,
             1 + random.bounded(4), status, starts, ends, QString::fromUtf8(QJsonDocument(agencies).toJson(QJsonDocument::Compact)),
             starts - 14 * kDay});
        const int posts = 3 + random.bounded(6);
        for (int p = 0; p < posts; ++p) {
            const double angle = 2 * M_PI * p / posts;
            const GeoPoint at{site.at.latitude + 0.0012 * std::sin(angle), site.at.longitude + 0.0014 * std::cos(angle)};
            demo.insert(QStringLiteral("INSERT INTO ps_posts (plan_id, name, latitude, longitude, staff_needed, unit_id, last_report_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                        {plan, QLatin1String(kPosts[p % int(std::size(kPosts))]), at.latitude, at.longitude, 1 + random.bounded(4),
                         units.isEmpty() ? QVariant() : QVariant(units[random.bounded(int(units.size()))]),
                         status == QLatin1String("active") ? QVariant(demo.endMs() - random.bounded(30 * 60 * 1000)) : QVariant()});
        }
    }
}

SimulationShare simulationShare()
{
    SimulationShare share;
    share.followUps = {
        {QStringLiteral("suspicious_item"), 0.5, [](const QString& address) { return Tr::tr("Review the security of the sites near %1").arg(address); }},
    };
    return share;
}

} // namespace hexhub::politicalsecurity
