#include "demosimulation.h"

#include "base/coretr.h"
#include "hexhub/hub/dispatch.h"
#include "base/error.h"
#include "module/platform.h"
#include "security/session.h"
#include "base/whenfinished.h"

#include <QFile>
#include <QMap>

#include <algorithm>
#include <array>
#include <cmath>
#include <type_traits>

namespace hexhub {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;

// Incidents per hour on a weekday, hour by hour (the value of hour h is its rate at h:30): quiet
// before dawn, a morning peak around nine, a higher one in the evening. About 84 a day.
constexpr std::array<double, 24> kHourlyProfile{
    1.6, 1.2, 0.9, 0.7, 0.6, 0.8, 1.5, 2.8, 4.2, 4.6, 4.2, 4.0,
    4.3, 4.0, 3.9, 4.2, 4.8, 5.6, 6.3, 6.6, 6.0, 5.0, 3.8, 2.6};
// Friday and Saturday nights (20:00 to 04:00 the next morning) are busier.
constexpr double kWeekendNight = 1.35;
constexpr double kSaturdayDay = 0.95;
constexpr double kSundayDay = 0.85;

double maxArrivalsPerHour()
{
    return *std::max_element(kHourlyProfile.begin(), kHourlyProfile.end()) * kWeekendNight;
}

//! How often each built-in category comes in, relative to the others; a category an
//! administrator added comes in now and then.
double categoryWeight(const QString& id)
{
    static const QHash<QString, double> weights{
        {QStringLiteral("public_disturbance"), 22}, {QStringLiteral("other"), 21},
        {QStringLiteral("traffic_accident"), 18},   {QStringLiteral("burglary"), 14},
        {QStringLiteral("assault"), 10},            {QStringLiteral("fire"), 5},
        {QStringLiteral("suspicious_item"), 5},     {QStringLiteral("missing_person"), 4},
        {QStringLiteral("rooftop_rescue"), 1},
    };
    return weights.value(id, 3);
}

int basePriority(const QString& category)
{
    static const QHash<QString, int> priorities{
        {QStringLiteral("rooftop_rescue"), 1}, {QStringLiteral("fire"), 1},
        {QStringLiteral("assault"), 2},        {QStringLiteral("traffic_accident"), 2},
        {QStringLiteral("missing_person"), 2}, {QStringLiteral("suspicious_item"), 2},
        {QStringLiteral("burglary"), 3},       {QStringLiteral("public_disturbance"), 3},
    };
    return priorities.value(category, 3);
}

//! What the caller says, a few ways per category (before the exercise mark).
QStringList summariesOf(const QString& category, const QString& name)
{
    if (category == QLatin1String("traffic_accident"))
        return {Tr::tr("Two cars collided, one driver complains of neck pain"),
                Tr::tr("Scooter rider knocked down at a crossing"),
                Tr::tr("Van hit a parked car and blocks a lane")};
    if (category == QLatin1String("burglary"))
        return {Tr::tr("Shop owner found the back door forced overnight"),
                Tr::tr("Flat broken into, laptop and jewellery missing"),
                Tr::tr("Neighbour reports someone climbing into a ground-floor window")};
    if (category == QLatin1String("assault"))
        return {Tr::tr("Fight outside a bar, one man bleeding"),
                Tr::tr("Delivery rider punched in a dispute over a parcel"),
                Tr::tr("Woman reports being pushed and threatened by an ex-partner")};
    if (category == QLatin1String("public_disturbance"))
        return {Tr::tr("Loud music and shouting from a flat, residents complain"),
                Tr::tr("Group of drunk people blocking the pavement"),
                Tr::tr("Dispute between a stall holder and customers draws a crowd")};
    if (category == QLatin1String("fire"))
        return {Tr::tr("Smoke from a restaurant kitchen"),
                Tr::tr("Rubbish bins on fire next to a building"),
                Tr::tr("Electric scooter battery burning in a stairwell")};
    if (category == QLatin1String("missing_person"))
        return {Tr::tr("Elderly man with dementia left home this morning"),
                Tr::tr("Child of seven separated from her parents at the market")};
    if (category == QLatin1String("suspicious_item"))
        return {Tr::tr("Unattended suitcase at a bus stop"),
                Tr::tr("Package with wires left next to an office entrance")};
    if (category == QLatin1String("rooftop_rescue"))
        return {Tr::tr("Person sitting on the edge of a roof"),
                Tr::tr("Man on a ledge of a residential block, refuses to come down")};
    if (category == QLatin1String("other"))
        return {Tr::tr("Caller reports a lost wallet with documents"),
                Tr::tr("Stray dog frightening children in a courtyard"),
                Tr::tr("Broken traffic light at a junction")};
    return {Tr::tr("Caller reports: %1").arg(name)};
}

IncidentSource sourceOf(const QString& category, double draw)
{
    if (category == QLatin1String("public_disturbance") && draw < 0.3)
        return IncidentSource::PublicComplaint;
    if (category == QLatin1String("suspicious_item") && draw < 0.4)
        return IncidentSource::Video;
    if (category == QLatin1String("traffic_accident") && draw < 0.15)
        return IncidentSource::Video;
    return IncidentSource::Call;
}

//! Which centre follows an incident of this category up, how often, and with what.
struct FollowUp
{
    QString centre;
    double probability = 0;
    QString title;
};

FollowUp followUpOf(const QString& category, const QString& address)
{
    if (category == QLatin1String("burglary"))
        return {QStringLiteral("criminal_intel"), 0.7, Tr::tr("Check the burglary at %1 against open leads").arg(address)};
    if (category == QLatin1String("assault"))
        return {QStringLiteral("case_management"), 0.6, Tr::tr("Open a case for the assault at %1").arg(address)};
    if (category == QLatin1String("public_disturbance"))
        return {QStringLiteral("supervision"), 0.5,
                Tr::tr("Follow up the residents' complaint about the disturbance at %1").arg(address)};
    if (category == QLatin1String("fire"))
        return {QStringLiteral("basic_control"), 0.6, Tr::tr("Inspect the fire safety of the premises at %1").arg(address)};
    if (category == QLatin1String("traffic_accident"))
        return {QStringLiteral("basic_control"), 0.3, Tr::tr("Review the road safety of the junction near %1").arg(address)};
    if (category == QLatin1String("suspicious_item"))
        return {QStringLiteral("political_security"), 0.5, Tr::tr("Review the security of the sites near %1").arg(address)};
    if (category == QLatin1String("missing_person"))
        return {QStringLiteral("bigdata_investigation"), 0.5,
                Tr::tr("Search the records for sightings near %1").arg(address)};
    if (category == QLatin1String("rooftop_rescue"))
        return {QStringLiteral("supervision"), 0.5, Tr::tr("Arrange welfare follow-up for the person at %1").arg(address)};
    return {QStringLiteral("supervision"), 0.25, Tr::tr("Answer the caller's request about %1").arg(address)};
}

GeoPoint lerp(const GeoPoint& a, const GeoPoint& b, double t)
{
    return GeoPoint{a.latitude + (b.latitude - a.latitude) * t, a.longitude + (b.longitude - a.longitude) * t};
}

//! A SplitMix64 step: spreads a seed and a sequence number over the whole 64 bits.
quint64 mix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

} // namespace

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
struct DemoSimulation::Rng
{
    explicit Rng(quint64 seed)
        : engine(mix(seed))
    {}
    quint64 next() { return engine(); }
    //! [0, 1)
    double uniform() { return double(engine() >> 11) * 0x1.0p-53; }
    double between(double low, double high) { return low + (high - low) * uniform(); }
    qint64 msBetween(qint64 low, qint64 high) { return low + qint64(uniform() * double(high - low)); }
    int index(int count) { return std::min(count - 1, int(uniform() * count)); }
    double exponential(double mean) { return -std::log(1 - uniform()) * mean; }

    std::mt19937_64 engine;
};

struct DemoSimulation::SimUnit
{
    QString callSign;
    UnitKind kind = UnitKind::PatrolCar;
    std::optional<GeoPoint> home;     //!< where it was when the simulation first saw it
    std::optional<GeoPoint> position; //!< where it is now, as far as the simulation knows
    qint64 incidentKey = 0;           //!< the simulated incident it works on; 0: none

    // The trip it is on.
    bool moving = false;
    qint64 tripIncident = 0; //!< 0: driving back
    QList<GeoPoint> points;
    QList<double> along; //!< metres from the start to each point
    double speed = 10;   //!< metres per second
    qint64 departMs = 0;
    Clock::TimerId timer = 0;

    bool reportInFlight = false;
    std::optional<GeoPoint> queuedReport; //!< the latest position while a report is on its way

    double metres() const { return along.isEmpty() ? 0 : along.constLast(); }
    qint64 durationMs() const { return qint64(std::ceil(metres() / speed * 1000)); }
    GeoPoint pointAt(double metres) const
    {
        if (points.size() < 2 || metres <= 0)
            return points.constFirst();
        for (qsizetype i = 1; i < points.size(); ++i) {
            if (metres <= along[i]) {
                const double piece = along[i] - along[i - 1];
                return piece > 0 ? lerp(points[i - 1], points[i], (metres - along[i - 1]) / piece) : points[i];
            }
        }
        return points.constLast();
    }
};

struct DemoSimulation::SimIncident
{
    explicit SimIncident(quint64 seed)
        : rng(seed)
    {}
    qint64 key = 0;
    qint64 id = 0;
    IncidentCategory category;
    int priority = 3;
    GeoPoint point;
    QString address;
    qint64 createdMs = 0;
    Rng rng;
    QStringList units; //!< sent and not cleared
    bool onScene = false;
    bool finishing = false;
    int clearsPending = 0;
};

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

template <typename T, typename Ok>
void DemoSimulation::call(const QFuture<T>& future, const QString& what, Ok&& ok,
                          std::function<void(const QString&)> failed)
{
    ++m_pendingCalls;
    const quint64 generation = m_generation;
    whenFinished(this, future,
                 [this, generation, what, ok = std::forward<Ok>(ok), failed = std::move(failed)](QFuture<T> f) mutable {
                     --m_pendingCalls;
                     if (generation != m_generation)
                         return;
                     QString why;
                     bool denied = false;
                     try {
                         f.waitForFinished(); // rethrows what the job failed with
                         if constexpr (std::is_void_v<T>) {
                             if (f.isCanceled())
                                 why = Tr::tr("the store did not answer");
                         } else {
                             if (f.resultCount() == 0)
                                 why = Tr::tr("the store did not answer");
                         }
                     } catch (const PermissionDenied& e) {
                         why = e.message();
                         denied = true;
                     } catch (const Error& e) {
                         why = e.message();
                     } catch (const std::exception& e) {
                         why = QString::fromUtf8(e.what());
                     } catch (...) {
                         why = Tr::tr("an unknown error");
                     }
                     if (why.isEmpty()) {
                         if constexpr (std::is_void_v<T>)
                             ok();
                         else
                             ok(f.result());
                         return;
                     }
                     fail(what, why);
                     if (denied) {
                         Q_EMIT problem(Tr::tr("The exercise simulation stops: whoever it acts as may not %1.").arg(what));
                         stop();
                         return;
                     }
                     if (failed)
                         failed(why);
                 });
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

void DemoSimulation::startArrivals()
{
    m_arrivalsStarted = true;
    if (m_enabled)
        scheduleNextArrival(m_clock.nowMs());
}

// --- arrivals ---------------------------------------------------------------------------------

void DemoSimulation::scheduleNextArrival(qint64 fromMs)
{
    // A Poisson process whose rate changes with the time of day, by thinning: candidates come at the
    // highest rate there is, and each is kept with the probability rate(now) / highest rate.
    const double highest = maxArrivalsPerHour() * m_options.rateScale;
    if (highest <= 0)
        return;
    const qint64 gap = std::max<qint64>(1, qint64(m_arrivals->exponential(double(kHour) / highest)));
    const qint64 due = fromMs + gap;
    m_nextArrivalMs = due;
    m_arrivalTimer = at(due, [this, due] { arrive(due); });
}

void DemoSimulation::arrive(qint64 dueMs)
{
    m_arrivalTimer = 0;
    if (!m_running || !m_enabled)
        return;
    const double highest = maxArrivalsPerHour() * m_options.rateScale;
    const double rate =
        arrivalsPerHour(QDateTime::fromMSecsSinceEpoch(dueMs, Qt::OffsetFromUTC, m_options.utcOffsetSeconds)) * m_options.rateScale;
    const bool kept = m_arrivals->uniform() * highest < rate;
    if (kept) {
        // Every draw for the incident comes from the arrival stream, the same number each time.
        Rng& r = *m_arrivals;
        double total = 0;
        for (const IncidentCategory& c : std::as_const(m_categories))
            total += categoryWeight(c.id);
        double pick = r.uniform() * total;
        IncidentCategory category = m_categories.constLast();
        for (const IncidentCategory& c : std::as_const(m_categories)) {
            pick -= categoryWeight(c.id);
            if (pick < 0) {
                category = c;
                break;
            }
        }
        const double priorityDraw = r.uniform();
        int priority = basePriority(category.id);
        if (priorityDraw < 0.2)
            priority = std::max(1, priority - 1);
        else if (priorityDraw > 0.85)
            priority = std::min(4, priority + 1);

        double along = r.uniform() * m_streetMetres;
        int streetIndex = int(m_district.streets.size()) - 1;
        for (int i = 0; i < m_district.streets.size(); ++i) {
            if (along < m_district.streets[i].lengthM) {
                streetIndex = i;
                break;
            }
            along -= m_district.streets[i].lengthM;
        }
        const DemoDistrict::Street* street = &m_district.streets[streetIndex];
        along = std::clamp(along, 0.0, street->lengthM);
        const GeoPoint point = m_district.alongStreet(streetIndex, along / street->lengthM);
        const int houseNumber = 2 * int(along / 20) + 1;
        const QString address = Tr::tr("%1 %2", "exercise address: house number, street").arg(houseNumber).arg(street->name);
        const QStringList summaries = summariesOf(category.id, category.displayName());
        const QString summary = summaries.at(r.index(int(summaries.size())));
        const IncidentSource source = sourceOf(category.id, r.uniform());
        const quint64 seed = r.next();

        auto incident = std::make_shared<SimIncident>(seed);
        incident->key = qint64(++m_sequence);
        incident->category = category;
        incident->priority = priority;
        incident->point = point;
        incident->address = address;
        incident->createdMs = dueMs;
        m_incidents.insert(incident->key, incident);

        NewIncident n;
        n.priority = priority;
        n.category = category.id;
        n.source = source;
        n.summary = Tr::tr("EXERCISE: %1").arg(summary);
        n.location = Location{address, point};
        const qint64 key = incident->key;
        call(m_incidentService.create(n), Tr::tr("create an exercise incident"),
             [this, key, dueMs](const Incident& created) {
                 const auto it = m_incidents.constFind(key);
                 if (it == m_incidents.constEnd())
                     return;
                 SimIncident& inc = **it;
                 inc.id = created.id;
                 bump(&DemoSimulationStats::incidentsCreated);
                 log(Tr::tr("Incident %1 came in: P%2 %3 at %4")
                         .arg(created.number)
                         .arg(created.priority)
                         .arg(inc.category.displayName(), inc.address));
                 Q_EMIT incidentCreated(created.id, created.category, created.priority);
                 // The dispatcher reads the call and picks the units: quicker for the urgent ones.
                 const qint64 delay = inc.priority <= 1   ? inc.rng.msBetween(20 * kSecond, 60 * kSecond)
                                      : inc.priority == 2 ? inc.rng.msBetween(40 * kSecond, 2 * kMinute)
                                                          : inc.rng.msBetween(1 * kMinute, 5 * kMinute);
                 at(dueMs + delay, [this, key, due = dueMs + delay] { tryDispatch(key, due); });
             },
             [this, key](const QString&) { forget(key); });
    }
    scheduleNextArrival(dueMs);
}

// --- the dispatcher ---------------------------------------------------------------------------

void DemoSimulation::tryDispatch(qint64 key, qint64 dueMs)
{
    const auto it = m_incidents.constFind(key);
    if (it == m_incidents.constEnd())
        return;
    SimIncident& inc = **it;
    if (!inc.units.isEmpty() || inc.onScene || inc.finishing)
        return;
    if (dueMs - inc.createdMs >= kGiveUpMs) {
        log(Tr::tr("Nobody could be sent to incident %1 for an hour: it is handled on the phone.").arg(inc.id));
        inc.finishing = true;
        resolve(key, dueMs, Tr::tr("Exercise: handled on the phone, no unit was free"));
        return;
    }
    // Someone at the desk may have taken the incident over: then it is theirs.
    call(m_incidentService.get(inc.id), Tr::tr("read incident %1").arg(inc.id),
         [this, key, dueMs](const Incident& now) {
             const auto it = m_incidents.constFind(key);
             if (it == m_incidents.constEnd())
                 return;
             if (now.status != IncidentStatus::New) {
                 log(Tr::tr("Incident %1 is %2: the exercise leaves it to the desk.")
                         .arg(now.number, incidentStatusName(now.status)));
                 forget(key);
                 return;
             }
             call(m_unitService.units(), Tr::tr("read the units"),
                  [this, key, dueMs](const QList<Unit>& units) { dispatchFrom(key, dueMs, units); },
                  [this, key, dueMs](const QString&) {
                      at(dueMs + kMinute, [this, key, due = dueMs + kMinute] { tryDispatch(key, due); });
                  });
         },
         [this, key](const QString&) { forget(key); });
}

void DemoSimulation::dispatchFrom(qint64 key, qint64 dueMs, const QList<Unit>& units)
{
    const auto it = m_incidents.constFind(key);
    if (it == m_incidents.constEnd())
        return;
    SimIncident& inc = **it;
    QList<UnitSnapshot> snapshots;
    for (const Unit& unit : units) {
        UnitSnapshot s = unit.snapshot();
        const auto known = m_units.constFind(unit.callSign);
        if ((known != m_units.constEnd() && (*known)->incidentKey != 0) || m_reserved.contains(unit.callSign))
            s.available = false; // ours, on another incident or being sent to one
        snapshots << s;
    }
    QStringList callSigns;
    for (const Recommendation& r : recommendUnits(inc.category.runCard, inc.point, snapshots, kStreetDetour, &m_roads)) {
        if (!r.callSign.isEmpty() && !callSigns.contains(r.callSign))
            callSigns << r.callSign;
    }
    if (callSigns.isEmpty()) {
        const qint64 wait = inc.rng.msBetween(2 * kMinute, 4 * kMinute);
        log(Tr::tr("No unit is free for incident %1; the dispatcher waits.").arg(inc.id));
        at(dueMs + wait, [this, key, due = dueMs + wait] { tryDispatch(key, due); });
        return;
    }
    // Held until the answer, so that no other simulated incident is given them meanwhile.
    for (const QString& callSign : std::as_const(callSigns))
        m_reserved.insert(callSign);
    const auto release = [this, callSigns] {
        for (const QString& callSign : callSigns)
            m_reserved.remove(callSign);
    };
    call(m_incidentService.dispatch(inc.id, callSigns), Tr::tr("dispatch %1 to incident %2").arg(callSigns.join(QStringLiteral(", "))).arg(inc.id),
         [this, key, dueMs, release](const QList<Unit>& sent) {
             release();
             const auto it = m_incidents.constFind(key);
             if (it == m_incidents.constEnd())
                 return;
             SimIncident& inc = **it;
             QStringList names;
             for (const Unit& unit : sent) {
                 SimUnit& su = simUnit(unit);
                 su.incidentKey = key;
                 inc.units << unit.callSign;
                 names << unit.callSign;
                 // Turn-out: the crew gets to the car.
                 startTrip(su, inc.point, key, dueMs + inc.rng.msBetween(20 * kSecond, 90 * kSecond));
             }
             ++m_stats.dispatches;
             bump(&DemoSimulationStats::unitsDispatched, int(sent.size()));
             log(Tr::tr("%1 dispatched to incident %2").arg(names.join(QStringLiteral(", "))).arg(inc.id));
             Q_EMIT unitsDispatched(inc.id, names);
         },
         [this, key, dueMs, release](const QString&) {
             release();
             // A unit was taken meanwhile: look again shortly.
             const auto it = m_incidents.constFind(key);
             if (it == m_incidents.constEnd())
                 return;
             const qint64 wait = (*it)->rng.msBetween(20 * kSecond, 60 * kSecond);
             at(dueMs + wait, [this, key, due = dueMs + wait] { tryDispatch(key, due); });
         });
}

// --- movement ---------------------------------------------------------------------------------

void DemoSimulation::startTrip(SimUnit& unit, const GeoPoint& to, qint64 incidentKey, qint64 departMs)
{
    if (unit.timer != 0) {
        m_clock.cancel(unit.timer);
        m_timers.remove(unit.timer);
        unit.timer = 0;
    }
    const GeoPoint from = unit.position.value_or(to);
    unit.points.clear();
    if (unit.kind != UnitKind::Drone) {
        if (auto route = m_roads.route(from, to))
            unit.points = *route;
    }
    if (unit.points.size() < 2) // drones fly; and off the road map there is only the straight line
        unit.points = {from, to};
    unit.along = {0};
    for (qsizetype i = 1; i < unit.points.size(); ++i)
        unit.along << unit.along.constLast() + unit.points[i - 1].distanceTo(unit.points[i]);
    unit.speed = unitKindSpeedKmh(unit.kind) / 3.6;
    unit.departMs = departMs;
    unit.moving = true;
    unit.tripIncident = incidentKey;
    const QString callSign = unit.callSign;
    unit.timer = at(departMs, [this, callSign, departMs] { tripTick(callSign, departMs); });
}

void DemoSimulation::tripTick(const QString& callSign, qint64 dueMs)
{
    const auto it = m_units.constFind(callSign);
    if (it == m_units.constEnd())
        return;
    SimUnit& unit = **it;
    unit.timer = 0;
    if (!unit.moving)
        return;
    const qint64 endMs = unit.departMs + unit.durationMs();
    const double metres = double(dueMs - unit.departMs) / 1000 * unit.speed;
    if (dueMs >= endMs || metres >= unit.metres()) {
        unit.position = unit.points.constLast();
        unit.moving = false;
        reportPosition(unit, *unit.position);
        if (unit.tripIncident != 0)
            arrived(callSign, unit.tripIncident, dueMs);
        return;
    }
    unit.position = unit.pointAt(metres);
    reportPosition(unit, *unit.position);
    const qint64 next = std::min(dueMs + m_options.positionIntervalMs, endMs);
    unit.timer = at(next, [this, callSign, next] { tripTick(callSign, next); });
}

void DemoSimulation::reportPosition(SimUnit& unit, const GeoPoint& point)
{
    // One report on its way per unit; while it is, only the latest position waits (a jump of the
    // clock or a slow store sends fewer reports, never a growing queue).
    if (unit.reportInFlight) {
        unit.queuedReport = point;
        return;
    }
    unit.reportInFlight = true;
    const auto shared = m_units.value(unit.callSign);
    const auto done = [this, shared] {
        shared->reportInFlight = false;
        if (shared->queuedReport) {
            const GeoPoint next = *shared->queuedReport;
            shared->queuedReport.reset();
            reportPosition(*shared, next);
        }
    };
    call(m_unitService.reportPosition(unit.callSign, point), Tr::tr("report the position of %1").arg(unit.callSign),
         [this, shared, point, done] {
             bump(&DemoSimulationStats::positionReports);
             Q_EMIT unitMoved(shared->callSign, point);
             done();
         },
         [done](const QString&) { done(); });
}

// --- on scene and after -----------------------------------------------------------------------

void DemoSimulation::arrived(const QString& callSign, qint64 key, qint64 dueMs)
{
    const auto it = m_incidents.constFind(key);
    if (it == m_incidents.constEnd()) {
        unitLost(callSign);
        return;
    }
    const qint64 id = (*it)->id;
    call(m_incidentService.unitArrived(id, callSign), Tr::tr("record %1 arriving at incident %2").arg(callSign).arg(id),
         [this, callSign, key, dueMs] {
             const auto it = m_incidents.constFind(key);
             if (it == m_incidents.constEnd())
                 return;
             SimIncident& inc = **it;
             bump(&DemoSimulationStats::arrivals);
             log(Tr::tr("%1 arrived at incident %2").arg(callSign).arg(inc.id));
             Q_EMIT unitArrived(inc.id, callSign);
             if (!inc.onScene) {
                 inc.onScene = true;
                 // On scene for a share of the category's limit, at least ten minutes.
                 const qint64 limit = std::max<qint64>(inc.category.onSceneLimitMs, 30 * kMinute);
                 const qint64 onScene = std::max<qint64>(10 * kMinute, qint64(limit * inc.rng.between(0.15, 0.45)));
                 at(dueMs + onScene, [this, key, due = dueMs + onScene] { workDone(key, due); });
             }
         },
         [this, callSign, key, dueMs](const QString&) {
             // Cleared or sent elsewhere by someone at the desk: the unit is no longer ours.
             unitLost(callSign);
             const auto it = m_incidents.constFind(key);
             if (it != m_incidents.constEnd() && (*it)->units.isEmpty() && !(*it)->onScene)
                 at(dueMs + kMinute, [this, key, due = dueMs + kMinute] { tryDispatch(key, due); });
         });
}

void DemoSimulation::workDone(qint64 key, qint64 dueMs)
{
    const auto it = m_incidents.constFind(key);
    if (it == m_incidents.constEnd())
        return;
    SimIncident& inc = **it;
    inc.finishing = true;
    const QStringList units = inc.units;
    if (units.isEmpty()) {
        resolve(key, dueMs, {});
        return;
    }
    inc.clearsPending = int(units.size());
    for (const QString& callSign : units) {
        // Back to where it started, after a few minutes of paperwork at the scene.
        const qint64 depart = dueMs + inc.rng.msBetween(1 * kMinute, 4 * kMinute);
        const auto unit = m_units.value(callSign);
        if (unit && unit->timer != 0) { // still on its way: recalled
            m_clock.cancel(unit->timer);
            m_timers.remove(unit->timer);
            unit->timer = 0;
            unit->moving = false;
        }
        const auto oneDone = [this, key, dueMs] {
            const auto it = m_incidents.constFind(key);
            if (it != m_incidents.constEnd() && --(*it)->clearsPending == 0)
                resolve(key, dueMs, {});
        };
        const qint64 id = inc.id;
        call(m_incidentService.unitCleared(callSign), Tr::tr("clear %1 from incident %2").arg(callSign).arg(id),
             [this, callSign, id, key, depart, oneDone] {
                 bump(&DemoSimulationStats::clearances);
                 log(Tr::tr("%1 cleared from incident %2").arg(callSign).arg(id));
                 Q_EMIT unitCleared(id, callSign);
                 const auto it = m_incidents.constFind(key);
                 if (it != m_incidents.constEnd())
                     (*it)->units.removeAll(callSign);
                 const auto unit = m_units.value(callSign);
                 if (unit) {
                     unit->incidentKey = 0;
                     if (unit->home && unit->position && unit->home->distanceTo(*unit->position) > 20)
                         startTrip(*unit, *unit->home, 0, depart);
                 }
                 oneDone();
             },
             [this, callSign, oneDone](const QString&) {
                 unitLost(callSign);
                 oneDone();
             });
    }
}

void DemoSimulation::resolve(qint64 key, qint64 dueMs, const QString& reason)
{
    const auto it = m_incidents.constFind(key);
    if (it == m_incidents.constEnd())
        return;
    const qint64 id = (*it)->id;
    call(m_incidentService.moveTo(id, IncidentStatus::Resolved, reason), Tr::tr("resolve incident %1").arg(id),
         [this, key, dueMs](const Incident& incident) {
             const auto it = m_incidents.constFind(key);
             if (it == m_incidents.constEnd())
                 return;
             bump(&DemoSimulationStats::resolved);
             log(Tr::tr("Incident %1 resolved").arg(incident.number));
             Q_EMIT incidentResolved(incident.id);
             issueTask(key, dueMs);
             const qint64 report = (*it)->rng.msBetween(5 * kMinute, 20 * kMinute);
             at(dueMs + report, [this, key, due = dueMs + report] { close(key, due); });
         },
         [this, key](const QString&) { forget(key); });
}

void DemoSimulation::close(qint64 key, qint64 /*dueMs*/)
{
    const auto it = m_incidents.constFind(key);
    if (it == m_incidents.constEnd())
        return;
    const qint64 id = (*it)->id;
    call(m_incidentService.moveTo(id, IncidentStatus::Closed, Tr::tr("Exercise: report written")),
         Tr::tr("close incident %1").arg(id),
         [this, key](const Incident& incident) {
             bump(&DemoSimulationStats::closed);
             log(Tr::tr("Incident %1 closed").arg(incident.number));
             Q_EMIT incidentClosed(incident.id);
             forget(key);
         },
         [this, key](const QString&) { forget(key); });
}

// --- tasks to the centres ---------------------------------------------------------------------

void DemoSimulation::issueTask(qint64 key, qint64 dueMs)
{
    const auto it = m_incidents.constFind(key);
    if (it == m_incidents.constEnd())
        return;
    SimIncident& inc = **it;
    const FollowUp follow = followUpOf(inc.category.id, inc.address);
    const double draw = inc.rng.uniform();
    const qint64 due = inc.rng.msBetween(4 * kHour, 24 * kHour);
    const quint64 seed = inc.rng.next();
    if (draw >= follow.probability)
        return;
    NewTask task;
    task.assigneeKind = AssigneeKind::Centre;
    task.assignee = follow.centre;
    task.title = follow.title;
    task.detail = Tr::tr("Exercise follow-up of incident %1.").arg(inc.id);
    task.priority = std::min(4, inc.priority + 1);
    task.dueAt = dueMs + due;
    task.place = inc.address;
    task.point = inc.point;
    task.incidentId = inc.id;
    const qint64 incidentId = inc.id;
    call(m_taskService.issue(task), Tr::tr("give %1 a task").arg(follow.centre),
         [this, incidentId, dueMs, seed](const Task& issued) {
             bump(&DemoSimulationStats::tasksIssued);
             log(Tr::tr("Task %1 issued to %2: %3").arg(issued.id).arg(issued.assignee, issued.title));
             Q_EMIT taskIssued(issued.id, issued.assignee, incidentId);
             Rng r(seed);
             const qint64 accept = r.msBetween(5 * kMinute, 30 * kMinute);
             at(dueMs + accept, [this, id = issued.id, due = dueMs + accept, seed] { taskStep(id, 0, due, seed); });
         });
}

void DemoSimulation::taskStep(qint64 taskId, int step, qint64 dueMs, quint64 seed)
{
    const auto next = [this, taskId, step, dueMs, seed](qint64 low, qint64 high) {
        Rng r(seed + quint64(step) + 1);
        const qint64 wait = r.msBetween(low, high);
        at(dueMs + wait, [this, taskId, step, due = dueMs + wait, seed] { taskStep(taskId, step + 1, due, seed); });
    };
    switch (step) {
    case 0:
        call(m_taskService.accept(taskId), Tr::tr("accept task %1").arg(taskId), [this, taskId, next](const Task& task) {
            bump(&DemoSimulationStats::tasksAccepted);
            log(Tr::tr("%1 accepted task %2").arg(task.assignee).arg(taskId));
            Q_EMIT taskAccepted(taskId);
            next(20 * kMinute, 90 * kMinute);
        });
        break;
    case 1:
        call(m_taskService.reportProgress(taskId, 50, Tr::tr("Exercise: half done")),
             Tr::tr("report on task %1").arg(taskId), [next](const Task&) { next(30 * kMinute, 3 * kHour); });
        break;
    default:
        call(m_taskService.complete(taskId, Tr::tr("Exercise: done")), Tr::tr("complete task %1").arg(taskId),
             [this, taskId](const Task& task) {
                 bump(&DemoSimulationStats::tasksCompleted);
                 log(Tr::tr("%1 completed task %2").arg(task.assignee).arg(taskId));
                 Q_EMIT taskCompleted(taskId);
             });
        break;
    }
}

// --- letting go -------------------------------------------------------------------------------

void DemoSimulation::unitLost(const QString& callSign)
{
    const auto unit = m_units.value(callSign);
    if (!unit)
        return;
    if (unit->timer != 0) {
        m_clock.cancel(unit->timer);
        m_timers.remove(unit->timer);
        unit->timer = 0;
    }
    unit->moving = false;
    if (unit->incidentKey != 0) {
        const auto it = m_incidents.constFind(unit->incidentKey);
        if (it != m_incidents.constEnd())
            (*it)->units.removeAll(callSign);
    }
    unit->incidentKey = 0;
}

void DemoSimulation::forget(qint64 key)
{
    const auto incident = m_incidents.take(key);
    if (!incident)
        return;
    for (const QString& callSign : std::as_const(incident->units)) {
        const auto unit = m_units.value(callSign);
        if (unit && unit->incidentKey == key) {
            if (unit->timer != 0) {
                m_clock.cancel(unit->timer);
                m_timers.remove(unit->timer);
                unit->timer = 0;
            }
            unit->moving = false;
            unit->incidentKey = 0;
        }
    }
}

} // namespace hexhub
