#include "hexhub/hub/demo.h"

#include "store/sql.h"

#include <QSqlQuery>

namespace hexhub::hub {

namespace {

bool hasTable(Sql& sql, const QString& table)
{
    return sql.database().tables().contains(table);
}

} // namespace

QList<UnitRef> registeredUnits(Sql& sql)
{
    QList<UnitRef> units;
    QSqlQuery q = sql.exec(QStringLiteral("SELECT id, home_station, crew_size FROM hub_units ORDER BY id"));
    while (q.next())
        units << UnitRef{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt()};
    return units;
}

std::optional<std::pair<qint64, qint64>> incidentIdRange(Sql& sql)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT MIN(id), MAX(id) FROM hub_incidents"));
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    return std::pair{q.value(0).toLongLong(), q.value(1).toLongLong()};
}

std::optional<IncidentBrief> incidentBrief(Sql& sql, qint64 id)
{
    QSqlQuery& q = sql.execCached(QStringLiteral("SELECT category, summary, created_at FROM hub_incidents WHERE id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    IncidentBrief brief{id, q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
    q.finish();
    return brief;
}

qint64 incidentCount(Sql& sql)
{
    if (!hasTable(sql, incidentTable()))
        return 0;
    return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_incidents")).toLongLong();
}

qint64 unitCount(Sql& sql)
{
    if (!hasTable(sql, QStringLiteral("hub_units")))
        return 0;
    return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_units")).toLongLong();
}

QString incidentTable()
{
    return QStringLiteral("hub_incidents");
}

QList<DemoCamera> demoCameras()
{
    // Around Harbour Tower, where the demo's rooftop rescue happens.
    return {
        {"CAM-0101", QT_TRANSLATE_NOOP("hexhub", "Harbour Rd / 5th St"), "fixed", "synthetic:street?fps=25", {31.2293, 121.4726}, 45},
        {"CAM-0214", QT_TRANSLATE_NOOP("hexhub", "Tower B roof, east"), "ptz", "synthetic:rooftop?fps=25", {31.2304, 121.4747}, 270},
        {"DRONE-01", QT_TRANSLATE_NOOP("hexhub", "Drone 1, overhead"), "drone", "synthetic:drone?fps=25", {31.2306, 121.4737}, 0},
        {"CAM-0215", QT_TRANSLATE_NOOP("hexhub", "Tower B roof, west"), "fixed", "synthetic:rooftop?fps=15", {31.2304, 121.4727}, 90},
        {"CAM-0102", QT_TRANSLATE_NOOP("hexhub", "Market St crossing"), "fixed", "synthetic:street?fps=25", {31.2314, 121.4737}, 180},
        {"BWC-0007", QT_TRANSLATE_NOOP("hexhub", "Negotiator, body camera"), "body_worn", "synthetic:rooftop?fps=25&w=480&h=270", {}, 0},
        {"DRONE-02", QT_TRANSLATE_NOOP("hexhub", "Drone 2, north"), "drone", "synthetic:drone?fps=25&w=480&h=270", {31.2394, 121.4800}, 0},
        {"CAM-0118", QT_TRANSLATE_NOOP("hexhub", "Canal St bridge"), "fixed", "synthetic:street?fps=25&w=480&h=270", {31.2232, 121.4611}, 0},
        {"CAM-0330", QT_TRANSLATE_NOOP("hexhub", "Pier 3 gate"), "fixed", "synthetic:street?fps=10", {31.2214, 121.4560}, 120},
    };
}

} // namespace hexhub::hub
