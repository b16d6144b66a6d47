// Basic control's tests (issue 17 section 1): its tables as its README lists them, scoped to the
// centre on a shared server, and its share of the demo history, written through the training
// engine's generator: the district's stations with a beat in each quarter of their areas, the duty
// roster of the hub's units, premises inspections, in proportion and the same from the same seed.
// On SQLite and again on PostgreSQL.
#include "demohistory.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace hexhub;
using namespace hexhub::test;

namespace {

constexpr qint64 kHour = DemoHistory::kHour;
constexpr qint64 kDay = DemoHistory::kDay;
// The district's time: China Standard Time (DemoOptions::utcOffsetSeconds).
constexpr qint64 kLocal = 8 * kHour;

const QStringList kTables{QStringLiteral("bc_beats"), QStringLiteral("bc_inspections"), QStringLiteral("bc_roster_shifts"),
                          QStringLiteral("bc_stations")};

struct Bounds
{
    double south = 90, west = 180, north = -90, east = -180;
    void add(double lat, double lon)
    {
        south = std::min(south, lat);
        north = std::max(north, lat);
        west = std::min(west, lon);
        east = std::max(east, lon);
    }
    double area() const { return (north - south) * (east - west); }
};

Bounds polygonBounds(const QString& geoJson)
{
    Bounds b;
    const QJsonObject polygon = QJsonDocument::fromJson(geoJson.toUtf8()).object();
    for (const QJsonValue& corner : polygon.value(QStringLiteral("coordinates")).toArray().at(0).toArray())
        b.add(corner.toArray().at(1).toDouble(), corner.toArray().at(0).toDouble());
    return b;
}

} // namespace

TEST_CASE("basic_control: the tables its README lists, with their columns, scoped to the centre on a shared server",
          "[basic_control]")
{
    DemoHistory store;
    checkCentreTables(store, QStringLiteral("basic_control"), QStringLiteral("bc_"),
                      {{QStringLiteral("bc_stations"),
                        {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("address"), QStringLiteral("latitude"),
                         QStringLiteral("longitude"), QStringLiteral("phone"), QStringLiteral("version")}},
                       {QStringLiteral("bc_beats"),
                        {QStringLiteral("id"), QStringLiteral("station_id"), QStringLiteral("name"), QStringLiteral("area"),
                         QStringLiteral("version")}},
                       {QStringLiteral("bc_roster_shifts"),
                        {QStringLiteral("id"), QStringLiteral("station_id"), QStringLiteral("beat_id"), QStringLiteral("unit_id"),
                         QStringLiteral("officer"), QStringLiteral("starts_at"), QStringLiteral("ends_at"), QStringLiteral("version")}},
                       {QStringLiteral("bc_inspections"),
                        {QStringLiteral("id"), QStringLiteral("station_id"), QStringLiteral("premises"), QStringLiteral("kind"),
                         QStringLiteral("inspected_at"), QStringLiteral("outcome"), QStringLiteral("findings"),
                         QStringLiteral("inspector"), QStringLiteral("version")}}});
    if (onPostgres()) {
        store.generate(1400, 1);
        checkScopedToCentre(store, QStringLiteral("basic_control"), kTables, QStringLiteral("supervision"));
    }
}

TEST_CASE("basic_control: demo stations are the district's with a beat in each quarter of their areas, inspections mostly in order",
          "[basic_control][demo]")
{
    DemoHistory demo(6000, 1);
    CHECK(demo.report().modules.contains(QStringLiteral("basic_control")));
    const DemoDistrict district = DemoDistrict::load();
    QSet<QString> streets;
    for (const DemoDistrict::Street& street : district.streets)
        streets.insert(street.name);

    // Each station of the district where it is, addressed on one of its streets, its phone number
    // synthetic; its four beats quarter the station's area, each named after its quarter.
    REQUIRE(!district.stations.isEmpty());
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bc_stations")) == district.stations.size());
    const QRegularExpression address(QStringLiteral("^[0-9]+ (.+)$"));
    for (const DemoDistrict::Station& station : district.stations) {
        INFO(station.name.toStdString());
        const QList<QVariantList> found = demo.rows(QStringLiteral("SELECT name, address, latitude, longitude, phone FROM bc_stations "
                                                                   "WHERE id = ?"),
                                                    {station.name});
        REQUIRE(found.size() == 1);
        const QVariantList& row = found.first();
        CHECK(row[0].toString() == station.name + QStringLiteral(" Police Station"));
        const QRegularExpressionMatch street = address.match(row[1].toString());
        CHECK(street.hasMatch());
        CHECK(streets.contains(street.captured(1)));
        CHECK(row[2].toDouble() == Approx(station.position.latitude).margin(1e-9));
        CHECK(row[3].toDouble() == Approx(station.position.longitude).margin(1e-9));
        CHECK(SyntheticIdentity::phonePattern().match(row[4].toString()).hasMatch());

        Bounds area;
        for (const GeoPoint& p : station.area)
            area.add(p.latitude, p.longitude);
        const QList<QVariantList> beats =
            demo.rows(QStringLiteral("SELECT id, name, area FROM bc_beats WHERE station_id = ? ORDER BY id"), {station.name});
        REQUIRE(beats.size() == 4);
        const QRegularExpression beatName(QStringLiteral("^%1 beat ([1-4]) \\((north|south)-(west|east)\\)$")
                                              .arg(QRegularExpression::escape(station.name)));
        double covered = 0;
        QSet<QString> quarters;
        for (const QVariantList& beat : beats) {
            INFO(beat[1].toString().toStdString());
            const QRegularExpressionMatch m = beatName.match(beat[1].toString());
            REQUIRE(m.hasMatch());
            CHECK(beat[0].toString() == station.name + QLatin1Char('-') + m.captured(1));
            quarters.insert(m.captured(2) + m.captured(3));
            const Bounds b = polygonBounds(beat[2].toString());
            CHECK(b.south >= area.south - 1e-12);
            CHECK(b.north <= area.north + 1e-12);
            CHECK(b.west >= area.west - 1e-12);
            CHECK(b.east <= area.east + 1e-12);
            CHECK((m.captured(2) == QLatin1String("north") ? b.north == Approx(area.north) : b.south == Approx(area.south)));
            CHECK((m.captured(3) == QLatin1String("west") ? b.west == Approx(area.west) : b.east == Approx(area.east)));
            covered += b.area();
        }
        CHECK(quarters.size() == 4);
        CHECK(covered == Approx(area.area()).epsilon(1e-9));
    }

    // Premises inspections in proportion, in the history, at a station of the district; three in
    // four in order, the others with a warning or a violation found, and the finding written down.
    const qint64 inspections = demo.count(QStringLiteral("SELECT COUNT(*) FROM bc_inspections"));
    CHECK(inspections == demo.scaled(0.02, 30));
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bc_inspections WHERE inspected_at < ? OR inspected_at >= ?"),
                     {demo.startMs(), DemoHistory::endMs()}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bc_inspections i "
                                    "WHERE NOT EXISTS (SELECT 1 FROM bc_stations s WHERE s.id = i.station_id)")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bc_inspections WHERE (outcome = 'compliant' AND findings <> '') "
                                    "OR (outcome = 'warning' AND findings NOT IN ('Guest register incomplete', "
                                    "'Fire exit blocked by boxes', 'Sales ledger not kept up to date')) "
                                    "OR (outcome = 'violation' AND findings NOT IN ('Guests not registered', "
                                    "'Goods bought without seller''s ID', 'Unlicensed business'))")) == 0);
    const qint64 compliant = demo.count(QStringLiteral("SELECT COUNT(*) FROM bc_inspections WHERE outcome = 'compliant'"));
    const qint64 warnings = demo.count(QStringLiteral("SELECT COUNT(*) FROM bc_inspections WHERE outcome = 'warning'"));
    const qint64 violations = demo.count(QStringLiteral("SELECT COUNT(*) FROM bc_inspections WHERE outcome = 'violation'"));
    CHECK(compliant > 2 * (warnings + violations));
    CHECK(warnings > violations);
    CHECK(violations > 0);
    // The premises named by their kind, on a street of the district.
    const QMap<QString, QString> kinds{{QStringLiteral("hotel"), QStringLiteral("Hotel")},
                                       {QStringLiteral("internet_cafe"), QStringLiteral("Internet cafe")},
                                       {QStringLiteral("workshop"), QStringLiteral("Repair workshop")},
                                       {QStringLiteral("rental_housing"), QStringLiteral("Rental flats")},
                                       {QStringLiteral("second_hand_dealer"), QStringLiteral("Second-hand shop")},
                                       {QStringLiteral("pawn_shop"), QStringLiteral("Pawn shop")}};
    const QRegularExpression premises(QStringLiteral("^(.+), [0-9]+ (.+)$"));
    for (const QVariantList& row : demo.rows(QStringLiteral("SELECT kind, premises FROM bc_inspections"))) {
        INFO(row[0].toString().toStdString() << ": " << row[1].toString().toStdString());
        const QRegularExpressionMatch m = premises.match(row[1].toString());
        REQUIRE(m.hasMatch());
        CHECK(kinds.value(row[0].toString()) == m.captured(1));
        CHECK(streets.contains(m.captured(2)));
    }
}

TEST_CASE("basic_control: the demo roster puts every unit of the hub on one eight-hour shift a day, rotating weekly, with its own crew",
          "[basic_control][demo]")
{
    // A history shorter than four weeks (8 days) and a longer one (30 days).
    for (const qint64 incidents : {qint64(1500), qint64(6000)}) {
        INFO(incidents << " incidents");
        DemoHistory demo(incidents, 1);
        const qint64 end = DemoHistory::endMs();
        // Shifts of eight hours beginning at 06:00, 14:00 or 22:00 in the district, on a beat of the
        // station the unit belongs to.
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bc_roster_shifts WHERE ends_at - starts_at <> %1 "
                                        "OR (starts_at + %2) % %3 NOT IN (%4, %5, %6)")
                             .arg(8 * kHour)
                             .arg(kLocal)
                             .arg(kDay)
                             .arg(6 * kHour)
                             .arg(14 * kHour)
                             .arg(22 * kHour)) == 0);
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bc_roster_shifts r WHERE NOT EXISTS (SELECT 1 FROM bc_beats b "
                                        "WHERE b.id = r.beat_id AND b.station_id = r.station_id)")) == 0);
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bc_roster_shifts r WHERE NOT EXISTS (SELECT 1 FROM hub_units u "
                                        "WHERE u.id = r.unit_id AND u.home_station = r.station_id)")) == 0);

        // Every unit of the hub at a district station, every day of the last four weeks of the history
        // (of all of it when shorter) and of the week to come: one shift a day, its whole crew, the same
        // officers every day, the shift one later each week.
        QMap<QString, qint64> crews; // unit -> crew size
        for (const QVariantList& unit : demo.rows(QStringLiteral("SELECT id, crew_size FROM hub_units WHERE home_station IN "
                                                                 "(SELECT id FROM bc_stations)")))
            crews.insert(unit[0].toString(), std::max<qint64>(1, unit[1].toLongLong()));
        REQUIRE(!crews.isEmpty());
        // Local days since the epoch: the first four weeks (or the history) before the end's day, the
        // last one beginning before a week after the end.
        const qint64 firstDay = (end + kLocal) / kDay - std::min<qint64>(28, demo.historyDays());
        const qint64 lastDay = (end + 7 * kDay + kLocal - 1) / kDay;
        struct Day
        {
            QSet<qint64> starts;
            QSet<QString> officers;
            qint64 shifts = 0;
        };
        QMap<QString, QMap<qint64, Day>> roster; // unit -> local day -> its shifts
        QMap<QString, QSet<QString>> unitsOf;    // officer -> units
        for (const QVariantList& shift : demo.rows(QStringLiteral("SELECT unit_id, officer, starts_at FROM bc_roster_shifts"))) {
            Day& day = roster[shift[0].toString()][(shift[2].toLongLong() + kLocal) / kDay];
            day.starts.insert(shift[2].toLongLong());
            day.officers.insert(shift[1].toString());
            ++day.shifts;
            unitsOf[shift[1].toString()].insert(shift[0].toString());
        }
        CHECK(roster.keys() == crews.keys());
        for (auto unit = roster.begin(); unit != roster.end(); ++unit) {
            INFO(unit.key().toStdString());
            const QMap<qint64, Day>& days = unit.value();
            CHECK(days.firstKey() == firstDay);
            CHECK(days.lastKey() == lastDay);
            CHECK(days.size() == lastDay - firstDay + 1);
            const QSet<QString> crew = days.first().officers;
            CHECK(crew.size() == crews.value(unit.key()));
            for (auto day = days.begin(); day != days.end(); ++day) {
                INFO("day " << day.key());
                REQUIRE(day.value().starts.size() == 1);
                CHECK(day.value().shifts == crew.size());
                CHECK(day.value().officers == crew);
                const auto week = days.find(day.key() + 7);
                if (week != days.end()) {
                    const qint64 hour = (*day.value().starts.begin() + kLocal) % kDay / kHour;
                    const qint64 next = (*week.value().starts.begin() + kLocal) % kDay / kHour;
                    CHECK(next == (hour == 22 ? 6 : hour + 8));
                }
            }
        }
        for (auto officer = unitsOf.begin(); officer != unitsOf.end(); ++officer) {
            INFO(officer.key().toStdString());
            CHECK(officer.value().size() == 1);
        }
    }
}

TEST_CASE("basic_control: the same seed gives the same demo rosters and inspections, more incidents more of them",
          "[basic_control][demo]")
{
    DemoHistory a(1500, 1), b(1500, 1), bigger(6000, 1);
    for (const QString& table : kTables) {
        INFO(table.toStdString());
        const QStringList rows = a.tableRows(table);
        CHECK(!rows.isEmpty());
        CHECK(rows == b.tableRows(table));
    }
    // Two inspections in every 100 incidents, at least 30; the roster over four weeks of a longer
    // history, over the whole of a shorter one.
    CHECK(a.count(QStringLiteral("SELECT COUNT(*) FROM bc_inspections")) == 30);
    CHECK(bigger.count(QStringLiteral("SELECT COUNT(*) FROM bc_inspections")) == 120);
    CHECK(bigger.count(QStringLiteral("SELECT COUNT(*) FROM bc_roster_shifts"))
          > 2 * a.count(QStringLiteral("SELECT COUNT(*) FROM bc_roster_shifts")));
    CHECK(bigger.count(QStringLiteral("SELECT COUNT(*) FROM bc_beats")) == a.count(QStringLiteral("SELECT COUNT(*) FROM bc_beats")));
}
