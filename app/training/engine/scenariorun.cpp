#include "scenariorun.h"

#include "scenariorun_p.h"

#include "security/audit.h"
#include "base/coretr.h"
#include "base/error.h"
#include "bus/eventbus.h"
#include "hexhub/hub/hubservices.h"
#include "module/platform.h"
#include "security/session.h"
#include "store/store.h"
#include "base/whenfinished.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>

namespace hexhub {

Q_LOGGING_CATEGORY(lcScenario, "hexhub.scenario")

namespace detail {

const QString kTraining = QStringLiteral("training");

} // namespace detail

ScenarioRun::ScenarioRun(Platform& platform, Scenario scenario, QObject* parent)
    : QObject(parent)
    , m_platform(platform)
    , m_scenario(std::move(scenario))
    , m_session(std::make_unique<Session>())
    , m_incidents(std::make_unique<IncidentService>(platform.store(), *m_session, platform.audit()))
    , m_units(std::make_unique<UnitService>(platform.store(), *m_session, platform.audit()))
{
    qRegisterMetaType<hexhub::ScenarioTimelineEntry>();
    m_expectations.resize(m_scenario.expectations.size());
}

ScenarioRun::~ScenarioRun()
{
    for (const auto& [id, due] : m_timers)
        m_platform.clock().cancel(id);
    if (m_subscription)
        m_platform.bus().unsubscribe(m_subscription);
}

void ScenarioRun::setTrainee(const QString& userName)
{
    m_trainee = userName.trimmed();
}

bool ScenarioRun::start()
{
    if (m_state != State::Ready) {
        m_error = Tr::tr("This run has already started.");
        return false;
    }
    // Injects are real incidents and events: they may only ever reach a training store.
    if (!m_platform.options().exercise) {
        m_error = Tr::tr("Training scenarios run only on the demo desk (hexhub --demo): their injects must never reach live data.");
        return false;
    }
    const Principal trainer = m_platform.session().principal();
    if (!trainer.isValid() || !trainer.can(QStringLiteral("core.training.run"))) {
        m_error = Tr::tr("Only a signed-in trainer can run a training scenario.");
        m_platform.audit().record({trainer.isValid() ? trainer.name : QStringLiteral("system"), QStringLiteral("training.started"),
                                   QStringLiteral("scenario:") + m_scenario.id, QStringLiteral("missing core.training.run"),
                                   QStringLiteral("denied")});
        return false;
    }
    m_session->setPrincipal(trainer);
    m_trainer = trainer.name;
    m_runId = QUuid::createUuid();
    m_state = State::Running;
    Clock& clock = m_platform.clock();
    m_startMs = clock.nowMs();
    m_subscription = m_platform.bus().subscribe(QStringLiteral("*"), this, [this](const Event& e) { onEvent(e); });

    journal(QStringLiteral("training.started"),
            {{QStringLiteral("scenario"), m_scenario.id},
             {QStringLiteral("title"), m_scenario.title.text(m_language)},
             {QStringLiteral("trainee"), m_trainee},
             {QStringLiteral("durationMs"), m_scenario.durationMs},
             {QStringLiteral("modules"), QJsonArray::fromStringList(m_scenario.modules)}});

    for (const ScenarioInject& inject : std::as_const(m_scenario.injects)) {
        const qint64 due = m_startMs + inject.atMs;
        if (inject.atMs == 0) // now, even on a paused clock
            enqueue(Pending{inject, due, ScenarioTimelineEntry::Kind::Inject});
        else
            schedule(due, [this, inject, due] { enqueue(Pending{inject, due, ScenarioTimelineEntry::Kind::Inject}); });
    }
    for (int i = 0; i < m_scenario.expectations.size(); ++i) {
        if (m_scenario.expectations.at(i).after == QLatin1String("start"))
            arm(i, m_startMs);
    }
    // The end waits for the injects due before it: after a long jump they may still be running
    // one after another (runNext() ends the run once they are done).
    schedule(m_startMs + m_scenario.durationMs, [this] {
        if (m_injecting || !m_queue.isEmpty())
            m_endDue = true;
        else
            finish();
    });
    Q_EMIT started();
    return true;
}

void ScenarioRun::stop()
{
    if (m_state == State::Running)
        finish();
}

void ScenarioRun::schedule(qint64 dueMs, std::function<void()> callback)
{
    // The id is known only after callAtMs returns; a callback due now may run later than that
    // anyway (through the clock's timer), so the map entry is always there to be removed.
    auto id = std::make_shared<Clock::TimerId>(0);
    *id = m_platform.clock().callAtMs(dueMs, this, [this, id, callback = std::move(callback)] {
        m_timers.erase(*id);
        callback();
    });
    m_timers.emplace(*id, dueMs);
}

void ScenarioRun::enqueue(Pending pending)
{
    if (m_state != State::Running)
        return;
    m_queue << std::move(pending);
    runNext();
}

QJsonValue ScenarioRun::resolve(const QJsonValue& value, QStringList* unknown) const
{
    if (value.isString()) {
        const QString s = value.toString();
        if (s.startsWith(QStringLiteral("@@")))
            return s.mid(1);
        if (!s.startsWith(QLatin1Char('@')))
            return value;
        const QString name = s.mid(1).section(QLatin1Char('.'), 0, 0);
        const QString path = s.mid(1).section(QLatin1Char('.'), 1);
        if (!m_refValues.contains(name)) {
            if (unknown)
                *unknown << name;
            return QJsonValue::Undefined;
        }
        if (path.isEmpty())
            return m_refValues.value(name);
        QJsonValue v = m_refObjects.value(name);
        for (const QString& key : path.split(QLatin1Char('.')))
            v = v.toObject().value(key);
        if (v.isUndefined() && unknown)
            *unknown << name + QLatin1Char('.') + path;
        return v;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& v : value.toArray())
            out.append(resolve(v, unknown));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), resolve(it.value(), unknown));
        return out;
    }
    return value;
}

QStringList ScenarioRun::knownRefs() const
{
    QStringList refs = m_refValues.keys();
    // Refs of injects still queued are known by the time they would be used: the queue is in order.
    for (const Pending& p : m_queue) {
        if (!p.inject.ref.isEmpty())
            refs << p.inject.ref;
    }
    return refs;
}

void ScenarioRun::runNext()
{
    if (m_endDue && !m_injecting && m_queue.isEmpty() && m_state == State::Running) {
        finish();
        return;
    }
    if (m_injecting || m_queue.isEmpty() || m_state != State::Running)
        return;
    const Pending pending = m_queue.takeFirst();
    const ScenarioInject& inject = pending.inject;
    QStringList unknown;
    const QJsonObject payload = resolve(inject.payload, &unknown).toObject();
    if (!unknown.isEmpty()) {
        injectFailed(pending, Tr::tr("it refers to %1, which did not happen").arg(QLatin1Char('@') + unknown.join(QStringLiteral(", @"))));
        return;
    }
    m_injecting = true;
    const qint64 offset = pending.dueMs - m_startMs;
    QJsonObject marker{{QStringLiteral("scenario"), m_scenario.id},
                       {QStringLiteral("inject"), inject.id},
                       {QStringLiteral("kind"), scenarioInjectKindId(inject.kind)},
                       {QStringLiteral("label"), inject.label.text(m_language)},
                       {QStringLiteral("handledBy"), inject.handledBy},
                       {QStringLiteral("offsetMs"), offset},
                       {QStringLiteral("manual"), pending.kind == ScenarioTimelineEntry::Kind::ManualInject},
                       {QStringLiteral("branch"), pending.kind == ScenarioTimelineEntry::Kind::BranchInject},
                       {QStringLiteral("exercise"), true}};
    ScenarioTimelineEntry entry;
    entry.kind = pending.kind;
    entry.offsetMs = offset;
    entry.at = QDateTime::fromMSecsSinceEpoch(pending.dueMs, Qt::UTC);
    entry.id = inject.id;
    entry.text = inject.label.text(m_language);
    entry.actor = m_trainer;
    entry.handledBy = inject.handledBy;

    if (inject.kind == ScenarioInjectKind::Event) {
        QJsonObject published = payload;
        published.insert(QStringLiteral("exercise"), true);
        entry.topic = inject.topic;
        entry.payload = published;
        ++m_writesInFlight;
        const WriteContext context{kTraining, m_trainer, m_runId};
        auto future = m_platform.store().write(context, [topic = inject.topic, published, marker](WriteTransaction& txn) {
            EventDraft draft;
            draft.topic = topic;
            draft.payload = published;
            const Event event = txn.publish(draft);
            QJsonObject m = marker;
            m.insert(QStringLiteral("topic"), topic);
            m.insert(QStringLiteral("event"), event.id.toString(QUuid::WithoutBraces));
            m.insert(QStringLiteral("seq"), event.seq);
            txn.publish(EventDraft{QStringLiteral("training.injected"), m, 1, {}, {}, {}});
            return event;
        });
        whenFinished(this, future, [this, pending, entry, published](QFuture<Event> f) mutable {
            --m_writesInFlight;
            try {
                const Event event = f.result();
                entry.seq = event.seq;
                QJsonObject refObject = published;
                refObject.insert(QStringLiteral("id"), event.id.toString(QUuid::WithoutBraces));
                refObject.insert(QStringLiteral("seq"), event.seq);
                injectDone(pending, entry, event.id.toString(QUuid::WithoutBraces), refObject);
            } catch (const std::exception& e) {
                injectFailed(pending, QString::fromUtf8(e.what()));
            }
        });
        return;
    }

    // An incident: created for real, as the trainer, so the trainee can dispatch to it.
    auto text = [this](const QJsonValue& v) {
        if (v.isObject()) {
            ScenarioText t;
            const QJsonObject o = v.toObject();
            t.en = o.value(QStringLiteral("en")).toString();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key() != QLatin1String("en"))
                    t.translations.insert(it.key(), it.value().toString());
            }
            return t.text(m_language);
        }
        return v.toString();
    };
    NewIncident n;
    n.category = payload.value(QStringLiteral("category")).toString();
    n.priority = payload.value(QStringLiteral("priority")).toInt(3);
    n.summary = text(payload.value(QStringLiteral("summary")));
    n.location.address = text(payload.value(QStringLiteral("address")));
    if (payload.contains(QStringLiteral("position")))
        n.location.point = GeoPoint::fromJson(payload.value(QStringLiteral("position")).toObject());
    n.source = incidentSourceFromId(payload.value(QStringLiteral("source")).toString()).value_or(IncidentSource::Call);
    n.centre = payload.value(QStringLiteral("centre")).toString(QStringLiteral("hub"));
    entry.topic = QStringLiteral("incident.created");
    ++m_writesInFlight;
    whenFinished(this, m_incidents->create(n), [this, pending, entry, marker](QFuture<Incident> f) mutable {
        --m_writesInFlight;
        Incident incident;
        try {
            incident = f.result();
        } catch (const std::exception& e) {
            injectFailed(pending, QString::fromUtf8(e.what()));
            return;
        }
        entry.payload = incident.toJson();
        QJsonObject m = marker;
        m.insert(QStringLiteral("topic"), QStringLiteral("incident.created"));
        m.insert(QStringLiteral("incident"), incident.id);
        m.insert(QStringLiteral("number"), incident.number);
        journal(QStringLiteral("training.injected"), m);
        injectDone(pending, entry, QString(), incident.toJson());
    });
}

void ScenarioRun::injectDone(const Pending& pending, const ScenarioTimelineEntry& entry, const QString& eventId,
                             const QJsonObject& refObject)
{
    m_injecting = false;
    const ScenarioInject& inject = pending.inject;
    if (!inject.ref.isEmpty()) {
        m_refObjects.insert(inject.ref, refObject);
        m_refValues.insert(inject.ref, inject.kind == ScenarioInjectKind::Incident ? refObject.value(QStringLiteral("id"))
                                                                                    : QJsonValue(eventId));
    }
    m_happened.insert(inject.id, pending.dueMs);
    m_timeline << entry;
    Q_EMIT injected(entry);
    for (int i = 0; i < m_scenario.expectations.size(); ++i) {
        if (m_scenario.expectations.at(i).after == inject.id)
            arm(i, pending.dueMs);
    }
    runNext();
}

void ScenarioRun::injectFailed(const Pending& pending, const QString& why)
{
    m_injecting = false;
    qCWarning(lcScenario) << "inject" << pending.inject.id << "failed:" << why;
    ScenarioTimelineEntry entry;
    entry.kind = ScenarioTimelineEntry::Kind::FailedInject;
    entry.offsetMs = pending.dueMs - m_startMs;
    entry.at = QDateTime::fromMSecsSinceEpoch(pending.dueMs, Qt::UTC);
    entry.id = pending.inject.id;
    entry.topic = pending.inject.kind == ScenarioInjectKind::Incident ? QStringLiteral("incident.created") : pending.inject.topic;
    entry.text = Tr::tr("%1: not injected: %2").arg(pending.inject.label.text(m_language), why);
    entry.actor = m_trainer;
    entry.handledBy = pending.inject.handledBy;
    m_timeline << entry;
    Q_EMIT injected(entry);
    runNext();
}

QList<ScenarioProblem> ScenarioRun::injectNow(const QJsonObject& json)
{
    QList<ScenarioProblem> problems;
    QJsonObject withAt = json;
    if (!withAt.contains(QStringLiteral("at")))
        withAt.insert(QStringLiteral("at"), QStringLiteral("0s"));
    if (!withAt.contains(QStringLiteral("id")))
        withAt.insert(QStringLiteral("id"), QStringLiteral("manual-%1").arg(m_manualCount + 1));
    const QStringList refs = knownRefs();
    const auto inject = ScenarioInject::fromJson(withAt, &problems, {}, &refs);
    if (!inject)
        return problems;
    return injectNow(*inject);
}

QList<ScenarioProblem> ScenarioRun::injectNow(const ScenarioInject& given)
{
    QList<ScenarioProblem> problems;
    if (m_state != State::Running) {
        problems << ScenarioProblem{{}, Tr::tr("the run is not running")};
        return problems;
    }
    ScenarioInject inject = given;
    ++m_manualCount;
    if (inject.id.isEmpty())
        inject.id = QStringLiteral("manual-%1").arg(m_manualCount);
    // The same checks as a file's inject, against what has happened (or is queued) by now.
    QJsonObject json = inject.toJson();
    json.insert(QStringLiteral("at"), QStringLiteral("0s"));
    const QStringList refs = knownRefs();
    if (!ScenarioInject::fromJson(json, &problems, {}, &refs))
        return problems;
    if (!inject.ref.isEmpty() && refs.contains(inject.ref))
        problems << ScenarioProblem{QStringLiteral("ref"), Tr::tr("duplicate ref \"%1\"").arg(inject.ref)};
    if (m_happened.contains(inject.id) || m_scenario.inject(inject.id))
        problems << ScenarioProblem{QStringLiteral("id"), Tr::tr("duplicate id \"%1\"").arg(inject.id)};
    if (!problems.isEmpty())
        return problems;
    enqueue(Pending{inject, m_platform.clock().nowMs(), ScenarioTimelineEntry::Kind::ManualInject});
    return problems;
}

bool ScenarioRun::annotate(const QString& text, qint64 offsetMs)
{
    if (text.trimmed().isEmpty() || m_state == State::Ready)
        return false;
    const qint64 at = offsetMs >= 0 ? m_startMs + offsetMs : m_platform.clock().nowMs();
    ScenarioTimelineEntry entry;
    entry.kind = ScenarioTimelineEntry::Kind::Annotation;
    entry.offsetMs = at - m_startMs;
    entry.at = QDateTime::fromMSecsSinceEpoch(at, Qt::UTC);
    entry.text = text.trimmed();
    entry.actor = m_trainer;
    m_annotations << entry;
    m_timeline << entry;
    journal(QStringLiteral("training.annotated"), {{QStringLiteral("scenario"), m_scenario.id},
                                                   {QStringLiteral("text"), entry.text},
                                                   {QStringLiteral("offsetMs"), entry.offsetMs}});
    Q_EMIT annotated(entry);
    return true;
}

void ScenarioRun::journal(const QString& topic, QJsonObject payload, const std::function<void(const Event&)>& done)
{
    payload.insert(QStringLiteral("exercise"), true);
    ++m_writesInFlight;
    const bool starting = topic == QLatin1String("training.started");
    const AuditLog& audit = m_platform.audit();
    auto future = m_platform.store().write(
        WriteContext{kTraining, m_trainer, m_runId},
        [topic, payload, starting, &audit, trainer = m_trainer, id = m_scenario.id, trainee = m_trainee](WriteTransaction& txn) {
            const Event event = txn.publish(EventDraft{topic, payload, 1, {}, {}, {}});
            if (starting)
                audit.append(txn, {trainer, topic, QStringLiteral("scenario:") + id,
                                   trainee.isEmpty() ? QString() : QStringLiteral("trainee ") + trainee, QStringLiteral("success")});
            return event;
        });
    whenFinished(this, future, [this, topic, done](QFuture<Event> f) {
        --m_writesInFlight;
        try {
            const Event event = f.result();
            if (done)
                done(event);
        } catch (const std::exception& e) {
            qCWarning(lcScenario) << "cannot journal" << topic << ":" << e.what();
        }
    });
}

qint64 ScenarioRun::elapsedMs() const
{
    switch (m_state) {
    case State::Ready: return 0;
    case State::Running: return m_platform.clock().nowMs() - m_startMs;
    case State::Finished: return m_endMs - m_startMs;
    }
    return 0;
}

std::optional<QDateTime> ScenarioRun::nextDue() const
{
    if (m_timers.empty())
        return std::nullopt;
    qint64 first = std::numeric_limits<qint64>::max();
    for (const auto& [id, due] : m_timers)
        first = std::min(first, due);
    return QDateTime::fromMSecsSinceEpoch(first, Qt::UTC);
}

bool ScenarioRun::isBusy() const
{
    return m_injecting || !m_queue.isEmpty() || m_writesInFlight > 0 || m_lookingUpUnits || !m_actionQueue.isEmpty();
}

QJsonValue ScenarioRun::refValue(const QString& ref) const
{
    return m_refValues.value(ref.startsWith(QLatin1Char('@')) ? ref.mid(1) : ref, QJsonValue::Undefined);
}

qint64 ScenarioRun::incidentId(const QString& ref) const
{
    const QString name = ref.startsWith(QLatin1Char('@')) ? ref.mid(1) : ref;
    if (!m_refObjects.contains(name) || !m_refObjects.value(name).contains(QStringLiteral("number")))
        return 0;
    return m_refValues.value(name).toInteger();
}

} // namespace hexhub
