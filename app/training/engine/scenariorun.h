#pragma once

#include "base/clock.h"
#include "bus/event.h"
#include "trainingengine_export.h"
#include "scenario.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QUuid>

#include <map>
#include <memory>
#include <optional>

namespace hexhub {

class Platform;
class Session;
class IncidentService;
class UnitService;

//! One line of a run's timeline: an inject, a trainee action, an annotation.
struct HEXHUB_TRAINING_ENGINE_EXPORT ScenarioTimelineEntry
{
    enum class Kind {
        Inject,       //!< from the scenario's main line
        BranchInject, //!< from a branch that fired
        ManualInject, //!< the trainer's, by hand
        FailedInject, //!< could not run (text says why); nothing was published
        Action,       //!< the trainee did something (a bus event)
        Annotation,   //!< the trainer's note at a moment
    };
    Kind kind = Kind::Inject;
    qint64 offsetMs = 0;  //!< clock time from the start of the run
    QDateTime at;         //!< clock time
    QString id;           //!< inject id; for actions the event's UUID
    QString topic;        //!< inject or action topic ("incident.created" for an incident inject)
    QString text;         //!< the inject's label (run language), the annotation, or why an inject failed
    QString actor;        //!< trainee (actions), trainer (injects, annotations)
    QString handledBy;    //!< injects: the module that handles it
    qint64 seq = 0;       //!< journal seq of the event (actions, event injects)
    QJsonObject payload;  //!< actions and event injects: the payload; incident injects: the incident

    static QString kindId(Kind kind);
    QJsonObject toJson() const;
};

//! How one expectation went.
struct HEXHUB_TRAINING_ENGINE_EXPORT ScenarioScore
{
    QString expectationId;
    ScenarioText label;
    ScenarioOutcome outcome = ScenarioOutcome::Pending;
    qint64 windowFromMs = -1;  //!< offset when the window opened (its `after` happened); -1: never
    qint64 windowToMs = -1;    //!< offset when it closed
    qint64 responseMs = -1;    //!< action time - window opening; -1 when not seen
    qint64 actionSeq = 0;      //!< the journal seq of the action that answered it
    QString actionTopic;

    QJsonObject toJson() const;
};

/*!
 * The after-action review's data: what happened when, against what was expected. A plain value;
 * toJson() for charts, PDFs and export.
 */
struct HEXHUB_TRAINING_ENGINE_EXPORT ScenarioReport
{
    QString scenarioId;
    ScenarioText title;
    QString trainee;         //!< empty: every non-training actor counted as the trainee
    QString trainer;
    QUuid runId;             //!< the correlation id of every event the run journaled
    QDateTime startedAt;     //!< clock time
    QDateTime endedAt;       //!< clock time; invalid while running
    qint64 durationMs = 0;   //!< the scenario's planned duration
    bool finished = false;
    QList<ScenarioTimelineEntry> timeline; //!< injects, actions and annotations by time
    QList<ScenarioScore> scores;           //!< in the scenario's order of expectations
    QList<ScenarioTimelineEntry> annotations;
    int met = 0, late = 0, missed = 0, pending = 0, skipped = 0;
    //! (met + late / 2) / (met + late + missed) in percent; 100 when nothing was scored.
    double scorePercent = 100;

    QJsonObject toJson() const;
};

/*!
 * Runs a Scenario on a Platform's bus, store and clock (a SimulatedClock in training, so the
 * trainer's pause, 1x-60x and jumps apply: injects are scheduled in clock time from the start).
 *
 * - The run acts as "training" (the events' source) with the trainer (the user signed in at
 *   start(), who must hold the trainer role) as actor and the run id as correlation id; every event
 *   it publishes carries "exercise": true. Event injects are journaled with a `training.injected`
 *   marker in the same transaction; incident injects create real incidents through IncidentService
 *   (as the trainer), then journal their marker. Injects run strictly one after another, so an
 *   inject may use what an earlier one created ("@rooftop").
 * - Trainee actions are the bus events whose actor is the trainee (setTrainee), or, with no trainee
 *   set, any user but the trainer; never the run's own events, events by "system", nor the derived
 *   deadline.set / deadline.cleared.
 * - The run also journals training.started, training.annotated, training.scored and
 *   training.finished, so the journal alone replays the exercise.
 */
class HEXHUB_TRAINING_ENGINE_EXPORT ScenarioRun final : public QObject
{
    Q_OBJECT
public:
    enum class State { Ready, Running, Finished };
    Q_ENUM(State)

    ScenarioRun(Platform& platform, Scenario scenario, QObject* parent = nullptr);
    ~ScenarioRun() override;

    const Scenario& scenario() const { return m_scenario; }
    State state() const { return m_state; }
    //! Why start() refused, translated.
    QString error() const { return m_error; }

    //! Whose actions count; empty: anyone but the trainer. Before or during the run.
    void setTrainee(const QString& userName);
    QString trainee() const { return m_trainee; }
    //! The trainer (set by start()).
    QString trainer() const { return m_trainer; }
    //! Language of the texts the run writes into incidents ("zh_CN"); empty: the default locale's.
    void setLanguage(const QString& language) { m_language = language; }
    QUuid runId() const { return m_runId; }

    /*!
     * Starts now (clock time): needs a signed-in trainer. Returns false with error() otherwise or
     * when already started. Ends by itself after the scenario's duration.
     */
    bool start();
    //! Ends the run now; expectations still open are missed, later injects do not run.
    void stop();

    /*!
     * The trainer's inject, now: validated like a file's (refs must be known by now), recorded as
     * manual. An empty id gets one ("manual-1"). Returns the problems; nothing runs when there are any.
     */
    QList<ScenarioProblem> injectNow(const ScenarioInject& inject);
    QList<ScenarioProblem> injectNow(const QJsonObject& inject);
    //! The trainer's note at the current clock time (or at `offsetMs` from the start). False when
    //! `text` is empty or the run has not started.
    bool annotate(const QString& text, qint64 offsetMs = -1);

    //! Clock ms from the start (0 before it; frozen at the end).
    qint64 elapsedMs() const;
    //! When the run next does something by itself (an inject, a window closing, the end), if anything.
    std::optional<QDateTime> nextDue() const;
    //! True while injects or journal writes are still under way (tests and the console's busy state).
    bool isBusy() const;
    //! What "@ref" resolves to now (incident: its id; event inject: its event UUID); undefined when unknown.
    QJsonValue refValue(const QString& ref) const;
    //! The incident an incident inject created under `ref`; 0 when none (yet).
    qint64 incidentId(const QString& ref) const;

    ScenarioReport report() const;

Q_SIGNALS:
    void started();
    //! An inject ran (entry.kind tells main line, branch or manual) or failed (FailedInject).
    void injected(const hexhub::ScenarioTimelineEntry& entry);
    //! A trainee action, as it happens.
    void actionSeen(const hexhub::Event& event);
    //! An expectation changed: met or late (responseMs set), missed when its window closed.
    void scored(const QString& expectationId, hexhub::ScenarioOutcome outcome, qint64 responseMs);
    void annotated(const hexhub::ScenarioTimelineEntry& entry);
    void finished();

private:
    struct Pending
    {
        ScenarioInject inject;
        qint64 dueMs = 0;
        ScenarioTimelineEntry::Kind kind = ScenarioTimelineEntry::Kind::Inject;
    };
    struct ExpectationState
    {
        ScenarioOutcome outcome = ScenarioOutcome::Pending;
        qint64 anchorMs = -1; //!< clock ms the window opened; -1: not yet
        qint64 responseMs = -1;
        qint64 actionSeq = 0;
        QString actionTopic;
    };

    void schedule(qint64 dueMs, std::function<void()> callback);
    void enqueue(Pending pending);
    void runNext();
    void injectDone(const Pending& pending, const ScenarioTimelineEntry& entry, const QString& ref, const QJsonObject& refObject);
    void injectFailed(const Pending& pending, const QString& why);
    void arm(int index, qint64 anchorMs);
    void closeWindow(int index);
    void onEvent(const Event& event);
    void processActions();
    bool matches(const ScenarioExpectation& expectation, const Event& event) const;
    void setOutcome(int index, ScenarioOutcome outcome, qint64 responseMs, const Event* action);
    void fireBranches(const QString& expectationId, ScenarioOutcome outcome);
    void finish();
    void journal(const QString& topic, QJsonObject payload, const std::function<void(const Event&)>& done = {});
    bool isTraineeAction(const Event& event) const;
    QJsonValue resolve(const QJsonValue& value, QStringList* unknown) const;
    QStringList knownRefs() const;
    QStringList callSignsOf(const Event& event) const;

    Platform& m_platform;
    Scenario m_scenario;
    std::unique_ptr<Session> m_session; //!< the trainer's, captured at start()
    std::unique_ptr<IncidentService> m_incidents;
    std::unique_ptr<UnitService> m_units;
    State m_state = State::Ready;
    QString m_error;
    QString m_trainer;
    QString m_trainee;
    QString m_language;
    QUuid m_runId;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
    quint64 m_subscription = 0;
    std::map<Clock::TimerId, qint64> m_timers; // pending clock callbacks -> due ms
    QList<Pending> m_queue;
    bool m_injecting = false;
    bool m_endDue = false; //!< the scenario's time is up; it ends once the injects due are done
    int m_writesInFlight = 0;
    int m_manualCount = 0;
    QHash<QString, QJsonValue> m_refValues;
    QHash<QString, QJsonObject> m_refObjects;
    QHash<QString, qint64> m_happened; // inject id -> clock ms it ran
    QList<ExpectationState> m_expectations;
    QSet<int> m_firedBranches;
    QList<Event> m_actions;        // seen so far, in order
    QList<Event> m_actionQueue;    // waiting to be matched (unit kinds being looked up)
    bool m_lookingUpUnits = false;
    QHash<QString, std::pair<QString, QStringList>> m_unitInfo; // call sign -> kind id, skills
    QList<ScenarioTimelineEntry> m_timeline;
    QList<ScenarioTimelineEntry> m_annotations;
};

} // namespace hexhub

Q_DECLARE_METATYPE(hexhub::ScenarioTimelineEntry)
