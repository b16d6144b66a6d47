#pragma once
// Inside the live demo simulation: its clock constants and arrival profile, what the modules' shares
// say about calls and follow-ups, its random streams, and the simulated units and incidents it
// keeps. Shared by demosimulation.cpp (running it, units) and demosimulation_incidents.cpp
// (incidents from call to close, tasks to the centres).

#include "demosimulation.h"

#include "base/coretr.h"
#include "base/error.h"
#include "base/whenfinished.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <random>
#include <type_traits>

namespace hexhub {

namespace simulation_detail {

inline constexpr qint64 kSecond = 1000;
inline constexpr qint64 kMinute = 60 * kSecond;
inline constexpr qint64 kHour = 60 * kMinute;

// Incidents per hour on a weekday, hour by hour (the value of hour h is its rate at h:30): quiet
// before dawn, a morning peak around nine, a higher one in the evening. About 84 a day.
inline constexpr std::array<double, 24> kHourlyProfile{
    1.6, 1.2, 0.9, 0.7, 0.6, 0.8, 1.5, 2.8, 4.2, 4.6, 4.2, 4.0,
    4.3, 4.0, 3.9, 4.2, 4.8, 5.6, 6.3, 6.6, 6.0, 5.0, 3.8, 2.6};
// Friday and Saturday nights (20:00 to 04:00 the next morning) are busier.
inline constexpr double kWeekendNight = 1.35;
inline constexpr double kSaturdayDay = 0.95;
inline constexpr double kSundayDay = 0.85;

inline double maxArrivalsPerHour()
{
    return *std::max_element(kHourlyProfile.begin(), kHourlyProfile.end()) * kWeekendNight;
}

// The calls and follow-ups come from the modules' shares (ModuleContext::setSimulationShare()): the
// hub's taxonomy says what calls come in, the centres which tasks they take after them.
inline const SimulatedCall* callOf(const SimulationShares& shares, const QString& category)
{
    for (const auto& [module, share] : shares) {
        for (const SimulatedCall& call : share.calls) {
            if (call.category == category)
                return &call;
        }
    }
    return nullptr;
}

//! How often a category comes in, relative to the others; one no share names (an administrator
//! added it) comes in now and then.
inline double categoryWeight(const SimulationShares& shares, const QString& id)
{
    const SimulatedCall* call = callOf(shares, id);
    return call ? std::max(0.0, call->weight) : 3;
}

inline int basePriority(const SimulationShares& shares, const QString& category)
{
    const SimulatedCall* call = callOf(shares, category);
    return call ? std::clamp(call->priority, 1, 4) : 3;
}

//! What the caller says, a few ways per category (before the exercise mark).
inline QStringList summariesOf(const SimulationShares& shares, const QString& category, const QString& name)
{
    const SimulatedCall* call = callOf(shares, category);
    QStringList says = call && call->says ? call->says() : QStringList();
    says.removeAll(QString());
    if (says.isEmpty())
        says << Tr::tr("Caller reports: %1").arg(name);
    return says;
}

inline IncidentSource sourceOf(const SimulationShares& shares, const QString& category, double draw)
{
    const SimulatedCall* call = callOf(shares, category);
    if (!call)
        return IncidentSource::Call;
    double below = 0;
    for (auto it = call->sources.constBegin(); it != call->sources.constEnd(); ++it) {
        below += it.value();
        if (draw < below)
            return incidentSourceFromId(it.key()).value_or(IncidentSource::Call);
    }
    return IncidentSource::Call;
}

//! Which centre follows an incident of this category up, how often, and with what.
struct FollowUp
{
    QString centre;
    double probability = 0;
    QString title;
};

inline FollowUp followUpOf(const SimulationShares& shares, const QString& category, const QString& address)
{
    std::optional<std::pair<QString, const SimulatedFollowUp*>> any;
    for (const auto& [module, share] : shares) {
        for (const SimulatedFollowUp& follow : share.followUps) {
            if (follow.category == category)
                return {module, follow.probability, follow.title ? follow.title(address) : QString()};
            if (follow.category == QLatin1String("*") && !any)
                any = std::pair{module, &follow};
        }
    }
    if (any)
        return {any->first, any->second->probability, any->second->title ? any->second->title(address) : QString()};
    return {};
}

inline GeoPoint lerp(const GeoPoint& a, const GeoPoint& b, double t)
{
    return GeoPoint{a.latitude + (b.latitude - a.latitude) * t, a.longitude + (b.longitude - a.longitude) * t};
}

//! A SplitMix64 step: spreads a seed and a sequence number over the whole 64 bits.
inline quint64 mix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

} // namespace simulation_detail

using namespace simulation_detail;

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

} // namespace hexhub
