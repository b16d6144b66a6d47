#pragma once

#include "base/clock.h"
#include "module/demodata.h"
#include "module/extensions.h"
#include "shared/geo.h"
#include "trainingengine_export.h"
#include "hexhub/hub/hubservices.h"
#include "shared/roadgraph.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <random>
#include <vector>

namespace hexhub {

class Platform;
class Session;

//! What the simulation has done since it was made (for a log panel and for tests).
struct HEXHUB_TRAINING_ENGINE_EXPORT DemoSimulationStats
{
    int incidentsCreated = 0;
    int incidentsAdopted = 0; //!< open ones with units on them found at the start, seen through
    int dispatches = 0;      //!< dispatch calls that went through
    int unitsDispatched = 0; //!< units they sent
    int positionReports = 0;
    int arrivals = 0;
    int clearances = 0;
    int resolved = 0;
    int closed = 0;
    int tasksIssued = 0;
    int tasksAccepted = 0;
    int tasksCompleted = 0;
    int failures = 0;        //!< service calls refused or failed, each logged
    int colleagueActions = 0; //!< pieces of a centre's work the simulated colleagues did
};

//! How a DemoSimulation runs.
struct HEXHUB_TRAINING_ENGINE_EXPORT DemoSimulationOptions
{
    quint64 seed = 1;
    //! The district's local time, seconds east of UTC: the hours of the day (night, peaks) and
    //! the weekdays are the district's (China Standard Time by default, as DemoOptions).
    int utcOffsetSeconds = 8 * 3600;
    //! Multiplies arrivalsPerHour(): 2 for a busier exercise.
    double rateScale = 1.0;
    //! How often a moving unit reports where it is, clock ms.
    qint64 positionIntervalMs = 5000;
    /*!
     * The modules' shares: what calls come in for which categories, which centre takes which
     * follow-up tasks (ModuleContext::setSimulationShare()). Empty with a Platform: the loaded
     * modules' (ModuleManager::simulationShares()).
     */
    SimulationShares shares;
};

/*!
 * The live simulation of `hexhub --demo` (issue 7, section 1), all in Clock time, so it runs at the
 * simulated clock's 1x-60x, pauses with it and catches up over a jump (the clock runs the due
 * callbacks in order, each at its own time):
 *
 *  - Incidents arrive as a Poisson process whose rate follows the hour of day and the weekday
 *    (arrivalsPerHour(): low at night, a morning and a higher evening peak, busier Friday and
 *    Saturday nights), of the taxonomy's categories (IncidentService::categories()), with a
 *    priority, a summary marked as an exercise, an address and a position on a street of the
 *    district. They are made through IncidentService::create: journaled, audited, on the bus.
 *  - A dispatcher: after a short delay (shorter for higher priorities) it sends the run card's
 *    recommendation (recommendUnits, by road); when no unit fits it waits and tries again, and an
 *    incident nobody could be sent to within kGiveUpMs is resolved as handled on the phone.
 *  - Units drive along the streets (RoadGraph::route) at their kind's speed (drones fly straight),
 *    reporting their position every positionIntervalMs; they arrive, stay on scene for a time drawn
 *    from the category's on-scene limit, clear and drive back to where they started. The incident
 *    is resolved once its units are cleared, and closed a little later.
 *  - Incidents found open at the start with units on them (the generated history ends with some,
 *    or a run was stopped) are taken over: the units en route drive there, those on scene finish.
 *  - Some resolved incidents give a centre a task, as the centres' shares say (a burglary: criminal
 *    intelligence; a fight: case management; a disturbance: supervision; a fire or an accident:
 *    basic control; ...), which the simulated centre accepts, reports on and completes later. What
 *    calls come in (each category's weight, priority, what callers say) is the hub's share.
 *
 * It acts through the services it is given, so as whoever their Session holds: that user needs
 * hub.incident.view, hub.incident.manage, hub.unit.dispatch, hub.task.assign and
 * hub.task.respond (the trainer and hub_supervisor roles have them all). Every refused or failed
 * call is logged (logged(), problem()) and the simulation carries on; a PermissionDenied stops it,
 * since every further call would be refused too. It only touches the incidents and tasks it made
 * itself and the units it sent; an operator may take over any of them at any time (the simulation
 * then lets go of that incident or unit).
 *
 * Deterministic given the seed, the clock's start and the time zone: the arrivals (times,
 * categories, priorities, places) come from their own random stream, and each incident's course
 * from a stream seeded by its sequence number, so how quickly the store answers changes nothing.
 *
 * It needs units with a position in the store (the demo data generator writes them) and a district
 * with streets; without units it creates nothing, says so, and looks again every few minutes.
 *
 * Exercise data: every summary starts "EXERCISE:", closing and task notes say "Exercise", and no
 * reporter contact is made up.
 */
class HEXHUB_TRAINING_ENGINE_EXPORT DemoSimulation final : public QObject
{
    Q_OBJECT
public:
    //! An incident nobody could be sent to for this long is resolved as handled on the phone.
    static constexpr qint64 kGiveUpMs = 60 * 60 * 1000;
    //! How often a simulation without units (or categories) looks again.
    static constexpr qint64 kRecheckMs = 5 * 60 * 1000;

    using Options = DemoSimulationOptions;

    /*!
     * The simulation of a demo desk: on the platform's clock and store, over the district compiled
     * into hexhub-core, acting as whoever is signed in now (the demo trainer) with its own Session,
     * so switching roles or locking the desk later does not change what it may do.
     */
    explicit DemoSimulation(Platform& platform, Options options = {}, QObject* parent = nullptr);
    /*!
     * Through the given services (so as whoever their Session holds). `district` places the
     * incidents (on its streets, with an address) and gives the units their home (a unit returns
     * to its home station's building, else to where it was first seen); `roads` routes them
     * (RoadGraph::fromGeoJson of the same map; bundledRoads()).
     */
    DemoSimulation(Clock& clock, const IncidentService& incidents, const UnitService& units,
                   const TaskService& tasks, DemoDistrict district, RoadGraph roads, Options options,
                   QObject* parent = nullptr);
    ~DemoSimulation() override;

    /*!
     * Expected incidents per hour at local time `at` (its weekday and time of day; the hourly
     * profile is interpolated, so the rate changes smoothly). About 84 a day on a weekday.
     */
    static double arrivalsPerHour(const QDateTime& localTime);

    //! The road graph of the district compiled into hexhub-core; nullopt with `error` set when it
    //! cannot be read.
    static std::optional<RoadGraph> bundledRoads(QString* error = nullptr);

    //! Loads the categories and units, then starts the arrivals. Does nothing when running.
    void start();
    //! Stops everything: no more arrivals, movements or steps. What is in the store stays as it is.
    void stop();
    bool isRunning() const { return m_running; }
    //! Disabled, no new incidents arrive; those under way are still seen through. Enabled by default.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    DemoSimulationStats stats() const { return m_stats; }
    //! Service calls issued and not answered yet (0: the simulation is waiting on the clock only).
    int pendingCalls() const { return m_pendingCalls; }
    //! Incidents the simulation is seeing through now.
    int activeIncidents() const { return int(m_incidents.size()); }
    const Options& options() const { return m_options; }

Q_SIGNALS:
    //! The categories and units are loaded and incidents will arrive.
    void started();
    void stopped();
    void incidentCreated(qint64 incidentId, const QString& category, int priority);
    void unitsDispatched(qint64 incidentId, const QStringList& callSigns);
    void unitMoved(const QString& callSign, const hexhub::GeoPoint& point);
    void unitArrived(qint64 incidentId, const QString& callSign);
    void unitCleared(qint64 incidentId, const QString& callSign);
    void incidentResolved(qint64 incidentId);
    void incidentClosed(qint64 incidentId);
    void taskIssued(qint64 taskId, const QString& centre, qint64 incidentId);
    void taskAccepted(qint64 taskId);
    void taskCompleted(qint64 taskId);
    //! One line for the log, in the user's language, for everything it did or failed to do.
    void logged(const QString& line);
    //! A call that was refused or failed (also logged).
    void problem(const QString& message);
    void statsChanged();

private:
    struct Rng;
    struct SimUnit;
    struct SimIncident;

    void load();
    void adopt(const QList<Unit>& units);
    void startArrivals();
    void scheduleNextArrival(qint64 fromMs);
    void arrive(qint64 dueMs);
    void tryDispatch(qint64 key, qint64 dueMs);
    void dispatchFrom(qint64 key, qint64 dueMs, const QList<Unit>& units);
    void startTrip(SimUnit& unit, const GeoPoint& to, qint64 incidentKey, qint64 departMs);
    void tripTick(const QString& callSign, qint64 dueMs);
    void reportPosition(SimUnit& unit, const GeoPoint& point);
    void arrived(const QString& callSign, qint64 incidentKey, qint64 dueMs);
    void workDone(qint64 key, qint64 dueMs);
    void resolve(qint64 key, qint64 dueMs, const QString& reason);
    void close(qint64 key, qint64 dueMs);
    void issueTask(qint64 key, qint64 dueMs);
    void taskStep(qint64 taskId, int step, qint64 dueMs, quint64 seed);
    void unitLost(const QString& callSign);
    void forget(qint64 key);
    //! The centres' simulated colleagues (SimulatedColleague): each at work on its own timer.
    void startColleagues();
    void colleagueTurn(qsizetype index, qint64 dueMs);

    SimUnit& simUnit(const Unit& unit);
    Clock::TimerId at(qint64 dueMs, std::function<void()> callback);
    template <typename T, typename Ok>
    void call(const QFuture<T>& future, const QString& what, Ok&& ok, std::function<void(const QString&)> failed = {});
    void log(const QString& line);
    void fail(const QString& what, const QString& why);
    void waiting(const QString& why);
    void bump(int DemoSimulationStats::*counter, int by = 1);

    Clock& m_clock;
    std::unique_ptr<Session> m_ownSession; //!< made by the Platform constructor
    Store* m_store = nullptr;              //!< the Platform constructor's: the colleagues work there
    AuditLog* m_audit = nullptr;
    struct Colleague
    {
        SimulatedColleague what;
        std::unique_ptr<Session> session; //!< the demo user of its role, with the role's permissions
        std::unique_ptr<Rng> rng;
    };
    std::vector<Colleague> m_colleagues;
    bool m_colleaguesStarted = false;
    IncidentService m_incidentService;
    UnitService m_unitService;
    TaskService m_taskService;
    DemoDistrict m_district;
    RoadGraph m_roads;
    double m_streetMetres = 0;
    Options m_options;

    bool m_running = false;
    bool m_enabled = true;
    bool m_arrivalsStarted = false;
    quint64 m_generation = 0;
    int m_pendingCalls = 0;
    DemoSimulationStats m_stats;

    std::unique_ptr<Rng> m_arrivals;
    quint64 m_sequence = 0;
    qint64 m_nextArrivalMs = 0;
    Clock::TimerId m_arrivalTimer = 0;
    QList<IncidentCategory> m_categories;
    QString m_waitingFor; //!< why it does not run yet, once said
    QSet<Clock::TimerId> m_timers;
    QHash<QString, std::shared_ptr<SimUnit>> m_units;
    QSet<QString> m_reserved; //!< units a dispatch of ours is sending and has no answer for yet
    //! By the incident's sequence number (its store id comes later).
    QHash<qint64, std::shared_ptr<SimIncident>> m_incidents;
};

} // namespace hexhub
