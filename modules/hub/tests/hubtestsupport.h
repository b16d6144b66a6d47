#pragma once
// What the hub's service tests share: a signed-in hub on the real store with its incident, unit and
// task services, an incident at the tower, a task for an assignee, the reason a change was refused;
// for the camera and media tests, a place so many metres away, a camera as the registry takes it,
// and a signed-in hub with its camera and media services.

#include "testsupport.h"

#include "security/audit.h"
#include "base/clock.h"
#include "hexhub/hub/camera.h"
#include "hexhub/hub/hubservices.h"
#include "store/sql.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <memory>
#include <numbers>
#include <optional>


namespace hexhub::test::hubtest {

using namespace hexhub;
using namespace hexhub::test;


inline const GeoPoint kTower{31.2304, 121.4737};

struct Hub
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    std::unique_ptr<IncidentService> incidents;
    std::unique_ptr<UnitService> units;
    std::unique_ptr<TaskService> tasks;

    explicit Hub(const QString& role = QStringLiteral("hub_supervisor"))
    {
        tp.start();
        signInAs(tp, QStringLiteral("sup"), role);
        incidents = std::make_unique<IncidentService>(tp->store(), tp->session(), tp->audit());
        units = std::make_unique<UnitService>(tp->store(), tp->session(), tp->audit());
        tasks = std::make_unique<TaskService>(tp->store(), tp->session(), tp->audit());
    }
    SimulatedClock& clock() { return static_cast<SimulatedClock&>(tp->clock()); }

    Incident create(const QString& category = QStringLiteral("rooftop_rescue"), std::optional<GeoPoint> at = kTower,
                    const QString& summary = QStringLiteral("Two people on the roof edge"))
    {
        NewIncident n;
        n.priority = 1;
        n.category = category;
        n.summary = summary;
        n.location = Location{QStringLiteral("Harbour Tower, 8 Elm Street"), at};
        n.reporterContact = QStringLiteral("13812345678");
        return await(incidents->create(n));
    }
    Unit addUnit(const QString& callSign, UnitKind kind, double kmNorth, QStringList skills = {})
    {
        return await(units->save(unitNear(callSign, kind, kTower, kmNorth, skills)));
    }
    Unit unit(const QString& callSign)
    {
        for (const Unit& u : await(units->units())) {
            if (u.callSign == callSign)
                return u;
        }
        FAIL("no unit " << callSign.toStdString());
        return {};
    }
    QStringList topics(qint64 incident)
    {
        QStringList out;
        for (const TimelineEntry& e : await(incidents->timeline(incident)))
            out << e.topic;
        return out;
    }
    QStringList audit()
    {
        QStringList out;
        for (const AuditRecord& r : await(tp->audit().page(0, 1000)))
            out << r.entry.action + QLatin1Char('/') + r.entry.outcome;
        return out;
    }
    QStringList journalTopics(const QString& pattern)
    {
        return await(tp->store().read([pattern](Sql& sql) {
            QStringList out;
            QSqlQuery q = sql.exec(QStringLiteral("SELECT topic, payload FROM events WHERE topic LIKE ? ORDER BY seq"), {pattern});
            while (q.next())
                out << q.value(0).toString() + u' ' + QJsonDocument::fromJson(q.value(1).toByteArray()).object().value(QStringLiteral("key")).toString();
            return out;
        }));
    }
};

inline NewTask newTask(AssigneeKind kind, const QString& assignee, const QString& title)
{
    NewTask t;
    t.assigneeKind = kind;
    t.assignee = assignee;
    t.title = title;
    return t;
}

template <typename T>
inline QString refusal(QFuture<T> future)
{
    return failureOf(future);
}

// A point `north` and `east` metres from `from` (good enough within a few kilometres).
inline GeoPoint offset(const GeoPoint& from, double north, double east)
{
    constexpr double metresPerDegree = 6371008.8 * std::numbers::pi / 180;
    return GeoPoint{from.latitude + north / metresPerDegree,
                    from.longitude + east / (metresPerDegree * std::cos(from.latitude * std::numbers::pi / 180))};
}

inline Camera camera(const QString& id, CameraKind kind, std::optional<GeoPoint> at, double heading = 0, double fov = 60,
                     double range = 200)
{
    Camera c;
    c.id = id;
    c.name = QStringLiteral("Camera ") + id;
    c.kind = kind;
    c.position = at;
    c.heading = heading;
    c.fieldOfView = fov;
    c.range = range;
    c.streamUrl = QStringLiteral("synthetic:") + id.toLower();
    c.agency = QStringLiteral("District police");
    return c;
}

// A hub signed in, with the incident, camera and media services.
struct Video
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    std::unique_ptr<IncidentService> incidents;
    std::unique_ptr<CameraService> cameras;
    std::unique_ptr<MediaService> media;

    explicit Video(const QString& role = QStringLiteral("hub_supervisor"))
    {
        tp.start();
        signInAs(tp, QStringLiteral("sup"), role);
        incidents = std::make_unique<IncidentService>(tp->store(), tp->session(), tp->audit());
        cameras = std::make_unique<CameraService>(tp->store(), tp->session(), tp->audit());
        media = std::make_unique<MediaService>(tp->store(), tp->session(), tp->audit());
    }
    SimulatedClock& clock() { return static_cast<SimulatedClock&>(tp->clock()); }
    void signIn(const QString& name, const QString& role) { signInAs(tp, name, role); }

    Incident createIncident()
    {
        NewIncident n;
        n.priority = 1;
        n.category = QStringLiteral("rooftop_rescue");
        n.summary = QStringLiteral("Person on the roof edge");
        n.location = Location{QStringLiteral("Harbour Tower"), kTower};
        return await(incidents->create(n));
    }
    QStringList audit()
    {
        QStringList out;
        for (const AuditRecord& r : await(tp->audit().page(0, 1000)))
            out << r.entry.action + u'/' + r.entry.outcome + u' ' + r.entry.object;
        return out;
    }
    QList<QJsonObject> journal(const QString& topic)
    {
        return await(tp->store().read([topic](Sql& sql) {
            QList<QJsonObject> out;
            QSqlQuery q = sql.exec(QStringLiteral("SELECT payload FROM events WHERE topic = ? ORDER BY seq"), {topic});
            while (q.next())
                out << QJsonDocument::fromJson(q.value(0).toByteArray()).object();
            return out;
        }));
    }
    int count(const QString& table)
    {
        return await(tp->store().read([table](Sql& sql) {
            return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table).toInt();
        }));
    }
};

} // namespace hexhub::test::hubtest
