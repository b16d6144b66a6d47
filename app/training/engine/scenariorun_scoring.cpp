// The trainee's actions scored against the expectations, the branches fired, the run's end and its report.
#include "scenariorun.h"

#include "scenariorun_p.h"

#include "security/audit.h"
#include "bus/eventbus.h"
#include "hexhub/hub/hubservices.h"
#include "module/modulemanager.h"
#include "module/platform.h"
#include "store/store.h"
#include "base/whenfinished.h"

#include <QJsonArray>

#include <algorithm>

namespace hexhub {

namespace {

bool jsonEqual(const QJsonValue& a, const QJsonValue& b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return a == b;
}

// `expected` is a subset of `actual`: objects key by key, an array in `actual` matches a scalar
// `expected` when it holds it, anything else by value.
bool subset(const QJsonValue& expected, const QJsonValue& actual)
{
    if (expected.isObject()) {
        if (!actual.isObject())
            return false;
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!a.contains(it.key()) || !subset(it.value(), a.value(it.key())))
                return false;
        }
        return true;
    }
    if (actual.isArray() && !expected.isArray()) {
        const QJsonArray a = actual.toArray();
        return std::any_of(a.begin(), a.end(), [&](const QJsonValue& v) { return subset(expected, v); });
    }
    return jsonEqual(expected, actual);
}

} // namespace

QString ScenarioTimelineEntry::kindId(Kind kind)
{
    switch (kind) {
    case Kind::Inject: return QStringLiteral("inject");
    case Kind::BranchInject: return QStringLiteral("branch_inject");
    case Kind::ManualInject: return QStringLiteral("manual_inject");
    case Kind::FailedInject: return QStringLiteral("failed_inject");
    case Kind::Action: return QStringLiteral("action");
    case Kind::Annotation: return QStringLiteral("annotation");
    }
    return {};
}

QJsonObject ScenarioTimelineEntry::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), kindId(kind)},
                     {QStringLiteral("offsetMs"), offsetMs},
                     {QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs)},
                     {QStringLiteral("id"), id},
                     {QStringLiteral("topic"), topic},
                     {QStringLiteral("text"), text},
                     {QStringLiteral("actor"), actor}};
    if (!handledBy.isEmpty())
        json.insert(QStringLiteral("handledBy"), handledBy);
    if (seq > 0)
        json.insert(QStringLiteral("seq"), seq);
    if (!payload.isEmpty())
        json.insert(QStringLiteral("payload"), payload);
    return json;
}

QJsonObject ScenarioScore::toJson() const
{
    return {{QStringLiteral("expectation"), expectationId},
            {QStringLiteral("label"), label.toJson()},
            {QStringLiteral("outcome"), scenarioOutcomeId(outcome)},
            {QStringLiteral("windowFromMs"), windowFromMs},
            {QStringLiteral("windowToMs"), windowToMs},
            {QStringLiteral("responseMs"), responseMs},
            {QStringLiteral("actionSeq"), actionSeq},
            {QStringLiteral("actionTopic"), actionTopic}};
}

QJsonObject ScenarioReport::toJson() const
{
    QJsonArray timelineJson, scoresJson, annotationsJson;
    for (const ScenarioTimelineEntry& e : timeline)
        timelineJson.append(e.toJson());
    for (const ScenarioScore& s : scores)
        scoresJson.append(s.toJson());
    for (const ScenarioTimelineEntry& a : annotations)
        annotationsJson.append(a.toJson());
    return {{QStringLiteral("scenario"), scenarioId},
            {QStringLiteral("title"), title.toJson()},
            {QStringLiteral("trainee"), trainee},
            {QStringLiteral("trainer"), trainer},
            {QStringLiteral("run"), runId.toString(QUuid::WithoutBraces)},
            {QStringLiteral("startedAt"), startedAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("endedAt"), endedAt.isValid() ? QJsonValue(endedAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()},
            {QStringLiteral("durationMs"), durationMs},
            {QStringLiteral("finished"), finished},
            {QStringLiteral("timeline"), timelineJson},
            {QStringLiteral("scores"), scoresJson},
            {QStringLiteral("annotations"), annotationsJson},
            {QStringLiteral("met"), met},
            {QStringLiteral("late"), late},
            {QStringLiteral("missed"), missed},
            {QStringLiteral("pending"), pending},
            {QStringLiteral("skipped"), skipped},
            {QStringLiteral("scorePercent"), scorePercent}};
}

void ScenarioRun::arm(int index, qint64 anchorMs)
{
    ExpectationState& st = m_expectations[index];
    if (st.anchorMs >= 0 || m_state != State::Running)
        return;
    st.anchorMs = anchorMs;
    const ScenarioExpectation& e = m_scenario.expectations.at(index);
    const bool windowPassed = anchorMs + e.withinMs <= m_platform.clock().nowMs();
    if (!windowPassed)
        schedule(anchorMs + e.withinMs, [this, index] { closeWindow(index); });
    // Actions already seen at or after the window opened (the inject was being written meanwhile).
    for (const Event& action : std::as_const(m_actions)) {
        if (m_expectations.at(index).outcome != ScenarioOutcome::Pending)
            break;
        if (action.occurredAt.toMSecsSinceEpoch() >= anchorMs && matches(e, action))
            setOutcome(index, ScenarioOutcome::Met, action.occurredAt.toMSecsSinceEpoch() - anchorMs, &action);
    }
    // Opened late (a jump went past the whole window while its inject was being written).
    if (windowPassed)
        closeWindow(index);
}

void ScenarioRun::closeWindow(int index)
{
    if (m_expectations.at(index).outcome == ScenarioOutcome::Pending)
        setOutcome(index, ScenarioOutcome::Missed, -1, nullptr);
}

void ScenarioRun::setOutcome(int index, ScenarioOutcome outcome, qint64 responseMs, const Event* action)
{
    ExpectationState& st = m_expectations[index];
    const ScenarioExpectation& e = m_scenario.expectations.at(index);
    if (action) {
        // Seen: in the window or after it, by the action's own clock time.
        outcome = responseMs <= e.withinMs ? ScenarioOutcome::Met : ScenarioOutcome::Late;
        st.actionSeq = action->seq;
        st.actionTopic = action->topic;
    }
    st.outcome = outcome;
    st.responseMs = responseMs;
    journal(QStringLiteral("training.scored"), {{QStringLiteral("scenario"), m_scenario.id},
                                                {QStringLiteral("expectation"), e.id},
                                                {QStringLiteral("outcome"), scenarioOutcomeId(outcome)},
                                                {QStringLiteral("responseMs"), responseMs}});
    Q_EMIT scored(e.id, outcome, responseMs);
    fireBranches(e.id, outcome);
}

void ScenarioRun::fireBranches(const QString& expectationId, ScenarioOutcome outcome)
{
    if (m_state != State::Running)
        return;
    const qint64 now = m_platform.clock().nowMs();
    for (int b = 0; b < m_scenario.branches.size(); ++b) {
        const ScenarioBranch& branch = m_scenario.branches.at(b);
        if (branch.when != expectationId || branch.outcome != outcome || m_firedBranches.contains(b))
            continue;
        m_firedBranches.insert(b);
        for (const ScenarioInject& inject : branch.injects) {
            const qint64 due = now + inject.atMs;
            if (due > m_startMs + m_scenario.durationMs)
                continue;
            if (inject.atMs == 0)
                enqueue(Pending{inject, due, ScenarioTimelineEntry::Kind::BranchInject});
            else
                schedule(due, [this, inject, due] { enqueue(Pending{inject, due, ScenarioTimelineEntry::Kind::BranchInject}); });
        }
    }
}

bool ScenarioRun::isTraineeAction(const Event& event) const
{
    if (event.source == kTraining || event.correlationId == m_runId)
        return false;
    if (event.actor.isEmpty() || event.actor == QLatin1String("system") || event.actor == m_trainer)
        return false;
    if (event.topic == QLatin1String("deadline.set") || event.topic == QLatin1String("deadline.cleared"))
        return false;
    return m_trainee.isEmpty() || event.actor == m_trainee;
}

void ScenarioRun::onEvent(const Event& event)
{
    if (m_state != State::Running || !isTraineeAction(event))
        return;
    if (event.occurredAt.toMSecsSinceEpoch() < m_startMs)
        return;
    m_actions << event;
    ScenarioTimelineEntry entry;
    entry.kind = ScenarioTimelineEntry::Kind::Action;
    entry.offsetMs = event.occurredAt.toMSecsSinceEpoch() - m_startMs;
    entry.at = event.occurredAt;
    entry.id = event.id.toString(QUuid::WithoutBraces);
    entry.topic = event.topic;
    entry.text = m_platform.modules().describe(event).text;
    entry.actor = event.actor;
    entry.seq = event.seq;
    entry.payload = event.payload;
    m_timeline << entry;
    Q_EMIT actionSeen(event);
    m_actionQueue << event;
    processActions();
}

QStringList ScenarioRun::callSignsOf(const Event& event) const
{
    QStringList out;
    const QJsonObject& p = event.payload;
    for (const QJsonValue& v : p.value(QStringLiteral("units")).toArray())
        out << v.toString();
    if (p.value(QStringLiteral("unit")).isString())
        out << p.value(QStringLiteral("unit")).toString();
    if (p.value(QStringLiteral("assigneeKind")).toString() == QLatin1String("unit"))
        out << p.value(QStringLiteral("assignee")).toString();
    out.removeAll(QString());
    return out;
}

void ScenarioRun::processActions()
{
    while (!m_lookingUpUnits && !m_actionQueue.isEmpty()) {
        const Event event = m_actionQueue.first();
        // Unit kinds and skills come from the registry; look up call signs not known yet, once.
        bool needsUnits = false;
        for (const ScenarioExpectation& e : std::as_const(m_scenario.expectations)) {
            if ((!e.unitKind.isEmpty() || !e.unitSkill.isEmpty()) && e.topics.contains(event.topic))
                needsUnits = true;
        }
        const QStringList signs = callSignsOf(event);
        const bool unknown = std::any_of(signs.begin(), signs.end(), [this](const QString& s) { return !m_unitInfo.contains(s); });
        if (needsUnits && unknown) {
            m_lookingUpUnits = true;
            ++m_writesInFlight;
            whenFinished(this, m_units->units(), [this, signs](QFuture<QList<Unit>> f) {
                --m_writesInFlight;
                m_lookingUpUnits = false;
                try {
                    for (const Unit& u : f.result())
                        m_unitInfo.insert(u.callSign, {unitKindId(u.kind), u.skills});
                } catch (const std::exception& e) {
                    qCWarning(lcScenario) << "cannot read the units:" << e.what();
                }
                for (const QString& s : signs) {
                    if (!m_unitInfo.contains(s))
                        m_unitInfo.insert(s, {}); // not in the registry: matches no kind
                }
                processActions();
            });
            return;
        }
        m_actionQueue.removeFirst();
        for (int i = 0; i < m_scenario.expectations.size(); ++i) {
            const ExpectationState& st = m_expectations.at(i);
            if (st.anchorMs < 0 || (st.outcome != ScenarioOutcome::Pending && st.outcome != ScenarioOutcome::Missed))
                continue;
            const qint64 at = event.occurredAt.toMSecsSinceEpoch();
            if (at >= st.anchorMs && matches(m_scenario.expectations.at(i), event))
                setOutcome(i, ScenarioOutcome::Met, at - st.anchorMs, &event);
        }
    }
}

bool ScenarioRun::matches(const ScenarioExpectation& e, const Event& event) const
{
    if (!e.topics.contains(event.topic))
        return false;
    if (!e.match.isEmpty()) {
        QStringList unknown;
        const QJsonValue expected = resolve(e.match, &unknown);
        if (!unknown.isEmpty() || !subset(expected, event.payload))
            return false;
    }
    if (!e.unitKind.isEmpty() || !e.unitSkill.isEmpty()) {
        const QStringList signs = callSignsOf(event);
        return std::any_of(signs.begin(), signs.end(), [&](const QString& s) {
            const auto info = m_unitInfo.value(s);
            return (e.unitKind.isEmpty() || info.first == e.unitKind) && (e.unitSkill.isEmpty() || info.second.contains(e.unitSkill));
        });
    }
    return true;
}

void ScenarioRun::finish()
{
    if (m_state != State::Running)
        return;
    m_endMs = std::min(m_platform.clock().nowMs(), m_startMs + m_scenario.durationMs);
    // Finished first: what is scored missed now fires no branch and queues no inject.
    m_state = State::Finished;
    for (int i = 0; i < m_expectations.size(); ++i) {
        ExpectationState& st = m_expectations[i];
        if (st.outcome != ScenarioOutcome::Pending)
            continue;
        if (st.anchorMs < 0) {
            st.outcome = ScenarioOutcome::Skipped;
        } else {
            setOutcome(i, ScenarioOutcome::Missed, -1, nullptr);
        }
    }
    for (const auto& [id, due] : m_timers)
        m_platform.clock().cancel(id);
    m_timers.clear();
    m_queue.clear();
    if (m_subscription) {
        m_platform.bus().unsubscribe(m_subscription);
        m_subscription = 0;
    }
    const ScenarioReport r = report();
    const QString trainer = m_trainer;
    const QString summary = QStringLiteral("%1%, met %2, late %3, missed %4").arg(r.scorePercent, 0, 'f', 0).arg(r.met).arg(r.late).arg(r.missed);
    const QJsonObject payload{{QStringLiteral("scenario"), m_scenario.id},
                              {QStringLiteral("trainee"), m_trainee},
                              {QStringLiteral("scorePercent"), r.scorePercent},
                              {QStringLiteral("met"), r.met},
                              {QStringLiteral("late"), r.late},
                              {QStringLiteral("missed"), r.missed},
                              {QStringLiteral("skipped"), r.skipped},
                              {QStringLiteral("exercise"), true}};
    ++m_writesInFlight;
    const AuditLog& audit = m_platform.audit();
    auto future = m_platform.store().write(WriteContext{kTraining, m_trainer, m_runId},
                                           [payload, &audit, trainer, summary, id = m_scenario.id](WriteTransaction& txn) {
                                               txn.publish(EventDraft{QStringLiteral("training.finished"), payload, 1, {}, {}, {}});
                                               audit.append(txn, {trainer, QStringLiteral("training.finished"), QStringLiteral("scenario:") + id,
                                                                  summary, QStringLiteral("success")});
                                           });
    whenFinished(this, future, [this](QFuture<void> f) {
        --m_writesInFlight;
        try {
            f.waitForFinished();
        } catch (const std::exception& e) {
            qCWarning(lcScenario) << "cannot journal the end of the run:" << e.what();
        }
    });
    Q_EMIT finished();
}

ScenarioReport ScenarioRun::report() const
{
    ScenarioReport r;
    r.scenarioId = m_scenario.id;
    r.title = m_scenario.title;
    r.trainee = m_trainee;
    r.trainer = m_trainer;
    r.runId = m_runId;
    r.durationMs = m_scenario.durationMs;
    if (m_state != State::Ready)
        r.startedAt = QDateTime::fromMSecsSinceEpoch(m_startMs, Qt::UTC);
    if (m_state == State::Finished)
        r.endedAt = QDateTime::fromMSecsSinceEpoch(m_endMs, Qt::UTC);
    r.finished = m_state == State::Finished;
    r.timeline = m_timeline;
    std::stable_sort(r.timeline.begin(), r.timeline.end(),
                     [](const ScenarioTimelineEntry& a, const ScenarioTimelineEntry& b) { return a.offsetMs < b.offsetMs; });
    r.annotations = m_annotations;
    for (int i = 0; i < m_scenario.expectations.size(); ++i) {
        const ScenarioExpectation& e = m_scenario.expectations.at(i);
        const ExpectationState& st = m_expectations.at(i);
        ScenarioScore s;
        s.expectationId = e.id;
        s.label = e.label;
        s.outcome = st.outcome;
        if (st.anchorMs >= 0) {
            s.windowFromMs = st.anchorMs - m_startMs;
            s.windowToMs = s.windowFromMs + e.withinMs;
        }
        s.responseMs = st.responseMs;
        s.actionSeq = st.actionSeq;
        s.actionTopic = st.actionTopic;
        r.scores << s;
        switch (st.outcome) {
        case ScenarioOutcome::Met: ++r.met; break;
        case ScenarioOutcome::Late: ++r.late; break;
        case ScenarioOutcome::Missed: ++r.missed; break;
        case ScenarioOutcome::Pending: ++r.pending; break;
        case ScenarioOutcome::Skipped: ++r.skipped; break;
        }
    }
    const int counted = r.met + r.late + r.missed;
    r.scorePercent = counted == 0 ? 100.0 : 100.0 * (r.met + 0.5 * r.late) / counted;
    return r;
}

} // namespace hexhub
