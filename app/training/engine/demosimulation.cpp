// The live demo simulation: starting and stopping it on the Clock, its calls to the services, and
// the units it finds and adopts. Incidents and tasks: demosimulation_incidents.cpp.
#include "demosimulation.h"
#include "demosimulation_p.h"

#include "base/coretr.h"
#include "hexhub/hub/dispatch.h"
#include "base/error.h"
#include "module/modulemanager.h"
#include "module/platform.h"
#include "security/session.h"
#include "base/whenfinished.h"
#include "store/sql.h"
#include "store/store.h"

#include <QFile>
#include <QSqlQuery>
#include <QMap>

#include <algorithm>
#include <array>
#include <cmath>
#include <type_traits>

namespace hexhub {

// ---------------------------------------------------------------------------------------------

std::optional<RoadGraph> DemoSimulation::bundledRoads(QString* error)
{
    QFile file(QStringLiteral(":/hexhub/district/district.geojson"));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("Cannot read the district map %1: %2").arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    return RoadGraph::fromGeoJson(file.readAll(), error);
}

// ---------------------------------------------------------------------------------------------

//! Random numbers the same on every platform for a seed (the standard distributions are not).
// ---------------------------------------------------------------------------------------------

namespace {

DemoDistrict bundledDistrict()
{
    try {
        return DemoDistrict::load();
    } catch (const Error&) {
        return {}; // no streets: start() says so
    }
}

RoadGraph bundledRoadGraph()
{
    return DemoSimulation::bundledRoads().value_or(RoadGraph());
}

std::unique_ptr<Session> sessionOf(const Principal& principal)
{
    auto session = std::make_unique<Session>();
    session->setPrincipal(principal);
    return session;
}

} // namespace

DemoSimulation::DemoSimulation(Platform& platform, Options options, QObject* parent)
    : QObject(parent)
    , m_clock(platform.clock())
    , m_ownSession(sessionOf(platform.session().principal()))
    , m_store(&platform.store())
    , m_audit(&platform.audit())
    , m_incidentService(platform.store(), *m_ownSession, platform.audit())
    , m_unitService(platform.store(), *m_ownSession, platform.audit())
    , m_taskService(platform.store(), *m_ownSession, platform.audit())
    , m_district(bundledDistrict())
    , m_roads(bundledRoadGraph())
    , m_options(std::move(options))
    , m_arrivals(std::make_unique<Rng>(m_options.seed))
{
    m_options.rateScale = std::max(0.0, m_options.rateScale);
    m_options.positionIntervalMs = std::max<qint64>(kSecond, m_options.positionIntervalMs);
    if (m_options.shares.isEmpty())
        m_options.shares = platform.modules().simulationShares();
    for (const DemoDistrict::Street& street : std::as_const(m_district.streets))
        m_streetMetres += street.lengthM;
}

DemoSimulation::DemoSimulation(Clock& clock, const IncidentService& incidents, const UnitService& units,
                               const TaskService& tasks, DemoDistrict district, RoadGraph roads, Options options,
                               QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_incidentService(incidents)
    , m_unitService(units)
    , m_taskService(tasks)
    , m_district(std::move(district))
    , m_roads(std::move(roads))
    , m_options(std::move(options))
    , m_arrivals(std::make_unique<Rng>(m_options.seed))
{
    m_options.rateScale = std::max(0.0, m_options.rateScale);
    m_options.positionIntervalMs = std::max<qint64>(kSecond, m_options.positionIntervalMs);
    for (const DemoDistrict::Street& street : std::as_const(m_district.streets))
        m_streetMetres += street.lengthM;
}

DemoSimulation::~DemoSimulation()
{
    for (const Clock::TimerId id : std::as_const(m_timers))
        m_clock.cancel(id);
}

double DemoSimulation::arrivalsPerHour(const QDateTime& localTime)
{
    const QTime time = localTime.time();
    const double hour = time.hour() + time.minute() / 60.0 + time.second() / 3600.0;
    // Between the middles of two hours, linearly.
    const double x = hour - 0.5;
    const int low = int(std::floor(x));
    const double t = x - low;
    const double base = kHourlyProfile[std::size_t((low + 24) % 24)] * (1 - t)
                        + kHourlyProfile[std::size_t((low + 25) % 24)] * t;
    const int day = localTime.date().dayOfWeek(); // 1 Monday .. 7 Sunday
    const bool lateEvening = hour >= 20;
    const bool smallHours = hour < 4;
    double factor = 1;
    if ((lateEvening && (day == 5 || day == 6)) || (smallHours && (day == 6 || day == 7)))
        factor = kWeekendNight;
    else if (day == 6)
        factor = kSaturdayDay;
    else if (day == 7)
        factor = kSundayDay;
    return base * factor;
}

void DemoSimulation::start()
{
    if (m_running)
        return;
    m_running = true;
    log(Tr::tr("The exercise simulation starts: loading the incident categories and the units."));
    load();
    startColleagues();
}

void DemoSimulation::stop()
{
    if (!m_running)
        return;
    ++m_generation; // answers still on their way are dropped
    for (const Clock::TimerId id : std::as_const(m_timers))
        m_clock.cancel(id);
    m_timers.clear();
    m_arrivalTimer = 0;
    m_arrivalsStarted = false;
    m_running = false;
    m_units.clear();
    m_incidents.clear();
    m_reserved.clear();
    m_colleagues.clear();
    m_colleaguesStarted = false;
    log(Tr::tr("The exercise simulation stopped; incidents and units stay as they are."));
    Q_EMIT stopped();
}

void DemoSimulation::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    if (!enabled) {
        if (m_arrivalTimer != 0) {
            m_clock.cancel(m_arrivalTimer);
            m_timers.remove(m_arrivalTimer);
            m_arrivalTimer = 0;
        }
        log(Tr::tr("No new exercise incidents; those under way are seen through."));
    } else if (m_running && m_arrivalsStarted && m_arrivalTimer == 0) {
        scheduleNextArrival(m_clock.nowMs());
        log(Tr::tr("Exercise incidents arrive again."));
    }
}

// --- plumbing ---------------------------------------------------------------------------------

Clock::TimerId DemoSimulation::at(qint64 dueMs, std::function<void()> callback)
{
    auto id = std::make_shared<Clock::TimerId>(0);
    const quint64 generation = m_generation;
    *id = m_clock.callAtMs(dueMs, this, [this, id, generation, callback = std::move(callback)] {
        m_timers.remove(*id);
        if (generation == m_generation)
            callback();
    });
    m_timers.insert(*id);
    return *id;
}

void DemoSimulation::log(const QString& line)
{
    Q_EMIT logged(line);
}

void DemoSimulation::waiting(const QString& why)
{
    // Said once, not at every look.
    if (why != m_waitingFor) {
        m_waitingFor = why;
        Q_EMIT problem(why);
        log(why);
    }
}

void DemoSimulation::fail(const QString& what, const QString& why)
{
    ++m_stats.failures;
    const QString line = Tr::tr("Could not %1: %2").arg(what, why);
    Q_EMIT problem(line);
    log(line);
    Q_EMIT statsChanged();
}

void DemoSimulation::bump(int DemoSimulationStats::*counter, int by)
{
    m_stats.*counter += by;
    Q_EMIT statsChanged();
}

DemoSimulation::SimUnit& DemoSimulation::simUnit(const Unit& unit)
{
    auto& slot = m_units[unit.callSign];
    if (!slot) {
        slot = std::make_shared<SimUnit>();
        slot->callSign = unit.callSign;
        for (const DemoDistrict::Station& station : std::as_const(m_district.stations)) {
            if (station.name == unit.homeStation)
                slot->home = station.position;
        }
        if (!slot->home)
            slot->home = unit.position;
        if (slot->home) {
            if (const auto snapped = m_roads.snap(*slot->home)) // home is where its street passes
                slot->home = snapped->point;
        }
    }
    slot->kind = unit.kind;
    if (!slot->moving && slot->incidentKey == 0 && unit.position)
        slot->position = unit.position; // someone else may have moved it meanwhile
    if (!slot->home)
        slot->home = unit.position;
    return *slot;
}

// --- the centres' colleagues -------------------------------------------------------------------

void DemoSimulation::startColleagues()
{
    if (!m_store || m_colleaguesStarted)
        return;
    QList<SimulatedColleague> wanted;
    for (const auto& [module, share] : std::as_const(m_options.shares))
        for (const SimulatedColleague& c : share.colleagues)
            if (c.act && !c.role.isEmpty() && c.everyMs > 0)
                wanted << c;
    if (wanted.isEmpty())
        return;
    m_colleaguesStarted = true;
    // Each acts as the demo's user of its role, with what that role may do (read from the store: the
    // roles' permissions are the deployment's).
    QStringList roles;
    for (const SimulatedColleague& c : std::as_const(wanted))
        roles << c.role;
    const quint64 generation = m_generation;
    whenFinished(this,
                 m_store->read([roles](Sql& sql) {
                     QHash<QString, std::pair<qint64, QSet<QString>>> out;
                     for (const QString& role : roles) {
                         QSet<QString> permissions;
                         QSqlQuery q = sql.exec(QStringLiteral("SELECT permission FROM role_permissions WHERE role = ?"), {role});
                         while (q.next())
                             permissions.insert(q.value(0).toString());
                         const qint64 id = sql.scalar(QStringLiteral("SELECT id FROM users WHERE name = ?"), {DemoContext::userOf(role)}).toLongLong();
                         out.insert(role, {id, permissions});
                     }
                     return out;
                 }),
                 [this, wanted, generation](QFuture<QHash<QString, std::pair<qint64, QSet<QString>>>> done) {
                     if (generation != m_generation)
                         return;
                     QHash<QString, std::pair<qint64, QSet<QString>>> found;
                     try {
                         found = done.result();
                     } catch (const std::exception& e) {
                         fail(Tr::tr("read the colleagues' roles"), QString::fromUtf8(e.what()));
                         return;
                     }
                     for (const SimulatedColleague& c : wanted) {
                         Principal who;
                         who.name = DemoContext::userOf(c.role);
                         // The demo's user where the demo made one; else a colleague of the exercise only.
                         who.userId = found.value(c.role).first > 0 ? found.value(c.role).first : 1'000'000 + m_colleagues.size();
                         who.displayName = who.name;
                         who.roles = {c.role};
                         who.permissions = found.value(c.role).second;
                         Colleague colleague{c, sessionOf(who), std::make_unique<Rng>(m_options.seed * 7919 + quint64(m_colleagues.size()) + 1)};
                         m_colleagues.push_back(std::move(colleague));
                     }
                     for (qsizetype i = 0; i < qsizetype(m_colleagues.size()); ++i) {
                         const qint64 first = m_clock.nowMs() + qint64(m_colleagues[i].rng->uniform() * double(m_colleagues[i].what.everyMs));
                         at(first, [this, i, first] { colleagueTurn(i, first); });
                     }
                     log(Tr::tr("%n colleague(s) at the centres' desks.", nullptr, int(m_colleagues.size())));
                 });
}

void DemoSimulation::colleagueTurn(qsizetype index, qint64 dueMs)
{
    if (index >= qsizetype(m_colleagues.size()))
        return;
    Colleague& c = m_colleagues[index];
    const quint64 draw = quint64(c.rng->uniform() * 1e9);
    const QString role = c.what.role;
    call(c.what.act(*m_store, *c.session, *m_audit, draw), Tr::tr("do the work of a colleague at %1").arg(role), [this](const QString& did) {
        if (did.isEmpty())
            return;
        bump(&DemoSimulationStats::colleagueActions);
        log(did);
    });
    const qint64 next = dueMs + c.what.everyMs / 2 + qint64(c.rng->uniform() * double(c.what.everyMs));
    at(next, [this, index, next] { colleagueTurn(index, next); });
}

// --- start-up ---------------------------------------------------------------------------------

void DemoSimulation::load()
{
    if (m_district.streets.isEmpty() || m_roads.isEmpty()) {
        Q_EMIT problem(Tr::tr("The exercise simulation has no district with streets: it cannot place incidents or move units."));
        log(Tr::tr("The exercise simulation waits: no district."));
        return;
    }
    const auto retry = [this](const QString&) { at(m_clock.nowMs() + kRecheckMs, [this] { load(); }); };
    call(m_incidentService.categories(), Tr::tr("read the incident categories"),
         [this, retry](const QList<IncidentCategory>& categories) {
             m_categories = categories;
             std::sort(m_categories.begin(), m_categories.end(), [](const IncidentCategory& a, const IncidentCategory& b) {
                 return std::pair(a.sortOrder, a.id) < std::pair(b.sortOrder, b.id);
             });
             if (m_categories.isEmpty()) {
                 waiting(Tr::tr("The incident taxonomy is empty: no exercise incidents until it has categories."));
                 retry({});
                 return;
             }
             call(m_unitService.units(), Tr::tr("read the units"), [this, retry](const QList<Unit>& units) {
                 int placed = 0;
                 for (const Unit& unit : units) {
                     if (unit.position) {
                         simUnit(unit);
                         ++placed;
                     }
                 }
                 if (placed == 0) {
                     waiting(Tr::tr("There are no units with a position in the store: no exercise incidents until "
                                    "there are some (looking again every %n minute(s)).", nullptr,
                                    int(kRecheckMs / kMinute)));
                     retry({});
                     return;
                 }
                 m_waitingFor.clear();
                 log(Tr::tr("The exercise simulation runs with %n unit(s).", nullptr, placed));
                 adopt(units);
                 startArrivals();
                 Q_EMIT started();
             }, retry);
         }, retry);
}

void DemoSimulation::adopt(const QList<Unit>& units)
{
    // Incidents the history left open with units on them (or a run stopped before): seen through.
    QMap<qint64, QList<Unit>> busy;
    for (const Unit& unit : units) {
        if (unit.incidentId > 0 && unit.position
            && (unit.status == UnitStatus::EnRoute || unit.status == UnitStatus::OnScene)) {
            const auto known = m_units.constFind(unit.callSign);
            if (known == m_units.constEnd() || (*known)->incidentKey == 0)
                busy[unit.incidentId] << unit;
        }
    }
    const qint64 now = m_clock.nowMs();
    for (auto it = busy.cbegin(); it != busy.cend(); ++it) {
        const QList<Unit> onIt = it.value();
        call(m_incidentService.get(it.key()), Tr::tr("read incident %1").arg(it.key()), [this, onIt, now](const Incident& incident) {
            if (!incident.location.point
                || (incident.status != IncidentStatus::Dispatched && incident.status != IncidentStatus::OnScene))
                return;
            for (const auto& known : std::as_const(m_incidents)) {
                if (known->id == incident.id)
                    return;
            }
            auto inc = std::make_shared<SimIncident>(m_options.seed ^ mix(quint64(incident.id)));
            inc->key = qint64(++m_sequence);
            inc->id = incident.id;
            inc->priority = incident.priority;
            inc->point = *incident.location.point;
            inc->address = incident.location.address;
            inc->createdMs = incident.createdAt;
            inc->category.id = incident.category;
            inc->category.onSceneLimitMs = kHour;
            for (const IncidentCategory& c : std::as_const(m_categories)) {
                if (c.id == incident.category)
                    inc->category = c;
            }
            m_incidents.insert(inc->key, inc);
            for (const Unit& unit : onIt) {
                SimUnit& su = simUnit(unit);
                su.incidentKey = inc->key;
                inc->units << unit.callSign;
                if (unit.status == UnitStatus::EnRoute)
                    startTrip(su, inc->point, inc->key, now + inc->rng.msBetween(10 * kSecond, 60 * kSecond));
                else
                    inc->onScene = true;
            }
            if (inc->onScene) {
                const qint64 left = inc->rng.msBetween(5 * kMinute, 40 * kMinute);
                const qint64 key = inc->key;
                at(now + left, [this, key, due = now + left] { workDone(key, due); });
            }
            bump(&DemoSimulationStats::incidentsAdopted);
            log(Tr::tr("The exercise takes incident %1 over, with %2").arg(incident.number, inc->units.join(QStringLiteral(", "))));
        });
    }
}

} // namespace hexhub
