// The live demo simulation's incidents from call to close: arrivals, the dispatcher, units along the
// streets, on scene and back, resolving and closing, and the follow-up tasks to the centres.
#include "demosimulation.h"
#include "demosimulation_p.h"
#include "shared/addressindex.h"

#include "hexhub/hub/dispatch.h"
#include "module/platform.h"
#include "security/session.h"

namespace hexhub {

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
            total += categoryWeight(m_options.shares, c.id);
        double pick = r.uniform() * total;
        IncidentCategory category = m_categories.constLast();
        for (const IncidentCategory& c : std::as_const(m_categories)) {
            pick -= categoryWeight(m_options.shares, c.id);
            if (pick < 0) {
                category = c;
                break;
            }
        }
        const double priorityDraw = r.uniform();
        int priority = basePriority(m_options.shares, category.id);
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
        const int houseNumber = AddressIndex::numberAt(along); // where the address index puts it
        const QString address = Tr::tr("%1 %2", "exercise address: house number, street").arg(houseNumber).arg(street->name);
        const QStringList summaries = summariesOf(m_options.shares, category.id, category.displayName());
        const QString summary = summaries.at(r.index(int(summaries.size())));
        const IncidentSource source = sourceOf(m_options.shares, category.id, r.uniform());
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
    const FollowUp follow = followUpOf(m_options.shares, inc.category.id, inc.address);
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
