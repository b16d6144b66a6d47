// The hub's commands sent again from a desk's outbox: their arguments as JSON, and the replayers that
// call the services with them under the operator signed in now (ARCHITECTURE.md 3a).
#include "hubreplay_p.h"

#include "hexhub/hub/hubservices.h"

#include "base/coretr.h"
#include "base/error.h"
#include "module/servicesupport.h"
#include "store/outbox.h"

#include <QJsonArray>

namespace hexhub {

namespace hubreplay {

namespace {

qint64 requireId(const QJsonObject& json, const QString& key)
{
    const qint64 id = json.value(key).toInteger();
    if (id <= 0)
        throw ValidationError(Tr::tr("The kept command has no valid %1.").arg(key));
    return id;
}

QString requireText(const QJsonObject& json, const QString& key)
{
    const QJsonValue value = json.value(key);
    if (!value.isString())
        throw ValidationError(Tr::tr("The kept command has no %1.").arg(key));
    return value.toString();
}

std::optional<GeoPoint> pointFrom(const QJsonValue& value)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    QString error;
    const auto point = GeoPoint::fromJson(value.toObject(), &error);
    if (!point)
        throw ValidationError(Tr::tr("The kept command's place cannot be read: %1").arg(error));
    return point;
}

} // namespace

QJsonObject toJson(const NewIncident& in)
{
    return QJsonObject{{QStringLiteral("priority"), in.priority},
                       {QStringLiteral("category"), in.category},
                       {QStringLiteral("source"), incidentSourceId(in.source)},
                       {QStringLiteral("summary"), in.summary},
                       {QStringLiteral("location"), in.location.toJson()},
                       {QStringLiteral("reporter_contact"), in.reporterContact},
                       {QStringLiteral("centre"), in.centre}};
}

NewIncident newIncidentFromJson(const QJsonObject& json)
{
    NewIncident in;
    in.priority = json.value(QStringLiteral("priority")).toInt();
    in.category = requireText(json, QStringLiteral("category"));
    const auto source = incidentSourceFromId(json.value(QStringLiteral("source")).toString());
    if (!source)
        throw ValidationError(Tr::tr("The kept command has no valid source."));
    in.source = *source;
    in.summary = requireText(json, QStringLiteral("summary"));
    QString error;
    const auto location = Location::fromJson(json.value(QStringLiteral("location")).toObject(), &error);
    if (!location)
        throw ValidationError(Tr::tr("The kept command's place cannot be read: %1").arg(error));
    in.location = *location;
    in.reporterContact = json.value(QStringLiteral("reporter_contact")).toString();
    in.centre = requireText(json, QStringLiteral("centre"));
    return in;
}

QJsonObject toJson(const IncidentEdit& edit)
{
    QJsonObject json;
    if (edit.priority)
        json.insert(QStringLiteral("priority"), *edit.priority);
    if (edit.category)
        json.insert(QStringLiteral("category"), *edit.category);
    if (edit.summary)
        json.insert(QStringLiteral("summary"), *edit.summary);
    if (edit.location)
        json.insert(QStringLiteral("location"), edit.location->toJson());
    if (edit.centre)
        json.insert(QStringLiteral("centre"), *edit.centre);
    return json;
}

IncidentEdit incidentEditFromJson(const QJsonObject& json)
{
    IncidentEdit edit;
    if (json.contains(QStringLiteral("priority")))
        edit.priority = json.value(QStringLiteral("priority")).toInt();
    if (json.contains(QStringLiteral("category")))
        edit.category = requireText(json, QStringLiteral("category"));
    if (json.contains(QStringLiteral("summary")))
        edit.summary = requireText(json, QStringLiteral("summary"));
    if (json.contains(QStringLiteral("location"))) {
        QString error;
        const auto location = Location::fromJson(json.value(QStringLiteral("location")).toObject(), &error);
        if (!location)
            throw ValidationError(Tr::tr("The kept command's place cannot be read: %1").arg(error));
        edit.location = *location;
    }
    if (json.contains(QStringLiteral("centre")))
        edit.centre = requireText(json, QStringLiteral("centre"));
    return edit;
}

QJsonObject toJson(const NewTask& task)
{
    QJsonObject json{{QStringLiteral("assignee_kind"), task.assigneeKind == AssigneeKind::Unit ? QStringLiteral("unit")
                                                                                             : QStringLiteral("centre")},
                     {QStringLiteral("assignee"), task.assignee},
                     {QStringLiteral("title"), task.title},
                     {QStringLiteral("detail"), task.detail},
                     {QStringLiteral("priority"), task.priority},
                     {QStringLiteral("starts_at"), task.startsAt},
                     {QStringLiteral("due_at"), task.dueAt},
                     {QStringLiteral("place"), task.place},
                     {QStringLiteral("incident"), task.incidentId}};
    if (!task.origin.isEmpty())
        json.insert(QStringLiteral("origin"), task.origin);
    if (task.point)
        json.insert(QStringLiteral("point"), task.point->toJson());
    return json;
}

NewTask newTaskFromJson(const QJsonObject& json)
{
    NewTask task;
    const QString kind = json.value(QStringLiteral("assignee_kind")).toString();
    if (kind != QLatin1String("unit") && kind != QLatin1String("centre"))
        throw ValidationError(Tr::tr("The kept command has no valid assignee."));
    task.assigneeKind = kind == QLatin1String("unit") ? AssigneeKind::Unit : AssigneeKind::Centre;
    task.assignee = requireText(json, QStringLiteral("assignee"));
    task.title = requireText(json, QStringLiteral("title"));
    task.detail = json.value(QStringLiteral("detail")).toString();
    task.priority = json.value(QStringLiteral("priority")).toInt();
    task.startsAt = json.value(QStringLiteral("starts_at")).toInteger();
    task.dueAt = json.value(QStringLiteral("due_at")).toInteger();
    task.place = json.value(QStringLiteral("place")).toString();
    task.point = pointFrom(json.value(QStringLiteral("point")));
    task.incidentId = json.value(QStringLiteral("incident")).toInteger();
    task.origin = json.value(QStringLiteral("origin")).toString();
    return task;
}

QJsonObject toJson(const IncidentCategory& category)
{
    QJsonObject json = CategorySaved{category}.toJson();
    json.insert(QStringLiteral("sort_order"), category.sortOrder);
    json.insert(QStringLiteral("version"), category.version);
    return json;
}

IncidentCategory categoryFromJson(const QJsonObject& json)
{
    const std::optional<CategorySaved> read = CategorySaved::fromJson(json);
    if (!read)
        throw ValidationError(Tr::tr("The kept category cannot be read."));
    IncidentCategory category = read->category;
    category.sortOrder = json.value(QStringLiteral("sort_order")).toInt(100);
    category.version = json.value(QStringLiteral("version")).toInteger();
    return category;
}

} // namespace hubreplay

void registerHubReplayers(Outbox& outbox, const IncidentService& incidents, const TaskService& tasks,
                          const UnitService& units, const CameraService& cameras, const MediaService& media)
{
    using namespace hubreplay;
    // An edit kept behind the operator's own earlier kept edits of the incident was made from a view
    // that could not show them: what it saw of a field such an edit changed (from the same value) is
    // taken to be that edit's value, so the operator's own edits are no conflict with each other when
    // they go. Someone else's change of that field meanwhile still is.
    outbox.addKeeper(QStringLiteral("hub.incident.edit"), [](const QJsonObject& args, const QList<OfflineCommand>& earlier) {
        QJsonObject seen = args.value(QStringLiteral("seen")).toObject();
        if (seen.isEmpty())
            return args;
        for (const OfflineCommand& before : earlier) {
            if (before.operation != QLatin1String("hub.incident.edit")
                || before.args.value(QStringLiteral("id")) != args.value(QStringLiteral("id")))
                continue;
            const QJsonObject theirSeen = before.args.value(QStringLiteral("seen")).toObject();
            const QJsonObject theirEdit = before.args.value(QStringLiteral("edit")).toObject();
            for (auto field = theirEdit.constBegin(); field != theirEdit.constEnd(); ++field) {
                if (seen.contains(field.key()) && theirSeen.value(field.key()) == seen.value(field.key()))
                    seen.insert(field.key(), field.value());
            }
        }
        QJsonObject adjusted = args;
        adjusted.insert(QStringLiteral("seen"), seen);
        return adjusted;
    });
    // A registry entry saved again while an earlier save of it waits here was made from the copy
    // the desk had, which the earlier save will have raised by one when it goes: the version it was
    // made from is taken to be that, so a desk's own kept saves never conflict with each other.
    auto keepVersions = [&outbox](const QString& operation, const QString& inside) {
        outbox.addKeeper(operation, [operation, inside](const QJsonObject& args, const QList<OfflineCommand>& earlier) {
            QJsonObject entry = inside.isEmpty() ? args : args.value(inside).toObject();
            qint64 version = entry.value(QStringLiteral("version")).toInteger();
            if (version <= 0)
                return args;
            for (const OfflineCommand& before : earlier) {
                const QJsonObject theirs = inside.isEmpty() ? before.args : before.args.value(inside).toObject();
                if (before.operation == operation && theirs.value(QStringLiteral("id")) == entry.value(QStringLiteral("id"))
                    && theirs.value(QStringLiteral("version")).toInteger() == version)
                    ++version;
            }
            entry.insert(QStringLiteral("version"), version);
            if (inside.isEmpty())
                return entry;
            QJsonObject adjusted = args;
            adjusted.insert(inside, entry);
            return adjusted;
        });
    };
    keepVersions(QStringLiteral("hub.category.save"), QString());
    keepVersions(QStringLiteral("hub.camera.save"), QStringLiteral("camera"));
    auto add = [&](const QString& operation, Outbox::Replayer replayer) { outbox.addReplayer(operation, std::move(replayer)); };
    const QString id = QStringLiteral("id");
    add(QStringLiteral("hub.incident.create"), [incidents](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(incidents.create(newIncidentFromJson(a), c));
    });
    add(QStringLiteral("hub.incident.edit"), [incidents, id](const QJsonObject& a, const CommandId& c, bool overrideConflict) {
        const qint64 incident = requireId(a, id);
        const IncidentEdit edit = incidentEditFromJson(a.value(QStringLiteral("edit")).toObject());
        if (!overrideConflict && a.contains(QStringLiteral("seen"))) {
            // Judged on the fields it changes, against what the operator saw of them.
            const QJsonObject seenJson = a.value(QStringLiteral("seen")).toObject();
            const QJsonObject editJson = a.value(QStringLiteral("edit")).toObject();
            for (const QString& field : editJson.keys()) {
                if (!seenJson.contains(field))
                    throw ValidationError(Tr::tr("The kept edit does not say what was seen of its %1.").arg(field));
            }
            const IncidentEdit seen = incidentEditFromJson(seenJson);
            Incident saw;
            saw.id = incident;
            saw.priority = seen.priority.value_or(0);
            saw.category = seen.category.value_or(QString());
            saw.summary = seen.summary.value_or(QString());
            saw.location = seen.location.value_or(Location{});
            saw.centre = seen.centre.value_or(QString());
            return service::voidOf(incidents.edit(saw, edit, c));
        }
        if (!overrideConflict)
            return service::voidOf(incidents.edit(incident, a.value(QStringLiteral("version")).toInteger(), edit, c));
        // Keep mine: over the incident as it is now.
        return incidents.get(incident)
            .then([incidents, incident, edit, c](const Incident& now) { return service::voidOf(incidents.edit(incident, now.version, edit, c)); })
            .unwrap();
    });
    add(QStringLiteral("hub.incident.move"), [incidents, id](const QJsonObject& a, const CommandId& c, bool) {
        const auto to = incidentStatusFromId(a.value(QStringLiteral("to")).toString());
        if (!to)
            throw ValidationError(Tr::tr("The kept command has no valid status."));
        return service::voidOf(incidents.moveTo(requireId(a, id), *to, a.value(QStringLiteral("reason")).toString(), c));
    });
    add(QStringLiteral("hub.incident.note"), [incidents, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(incidents.addNote(requireId(a, id), requireText(a, QStringLiteral("text")), c));
    });
    add(QStringLiteral("hub.incident.link"), [incidents, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(incidents.link(requireId(a, id), requireText(a, QStringLiteral("kind")), requireText(a, QStringLiteral("ref")), c));
    });
    add(QStringLiteral("hub.incident.step"), [incidents, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(incidents.tickStep(requireId(a, id), a.value(QStringLiteral("step")).toInt(),
                                       a.value(QStringLiteral("ticked")).toBool(), c));
    });
    add(QStringLiteral("hub.incident.dispatch"), [incidents, id](const QJsonObject& a, const CommandId& c, bool) {
        QStringList callSigns;
        for (const QJsonValue& unit : a.value(QStringLiteral("units")).toArray())
            callSigns << unit.toString();
        return service::voidOf(incidents.dispatch(requireId(a, id), callSigns, c));
    });
    add(QStringLiteral("hub.unit.arrived"), [incidents, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(incidents.unitArrived(requireId(a, id), requireText(a, QStringLiteral("unit")), c));
    });
    add(QStringLiteral("hub.unit.cleared"), [incidents](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(incidents.unitCleared(requireText(a, QStringLiteral("unit")), c));
    });
    add(QStringLiteral("hub.incident.merge"), [incidents](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(incidents.merge(requireId(a, QStringLiteral("keep")), requireId(a, QStringLiteral("duplicate")), c));
    });
    add(QStringLiteral("hub.task.issue"), [tasks](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(tasks.issue(newTaskFromJson(a), c));
    });
    add(QStringLiteral("hub.task.accept"), [tasks, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(tasks.accept(requireId(a, id), c));
    });
    add(QStringLiteral("hub.task.progress"), [tasks, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(tasks.reportProgress(requireId(a, id), a.value(QStringLiteral("percent")).toInt(),
                                         a.value(QStringLiteral("note")).toString(), c));
    });
    add(QStringLiteral("hub.task.complete"), [tasks, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(tasks.complete(requireId(a, id), a.value(QStringLiteral("note")).toString(), c));
    });
    add(QStringLiteral("hub.task.decline"), [tasks, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(tasks.decline(requireId(a, id), requireText(a, QStringLiteral("reason")), c));
    });
    add(QStringLiteral("hub.task.cancel"), [tasks, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(tasks.cancel(requireId(a, id), a.value(QStringLiteral("reason")).toString(), c));
    });
    add(QStringLiteral("hub.operation.plan"), [tasks](const QJsonObject& a, const CommandId& c, bool) {
        QString error;
        const auto operation = Operation::fromJson(a.value(QStringLiteral("operation")).toObject(), &error);
        if (!operation)
            throw ValidationError(Tr::tr("The kept operation cannot be read: %1").arg(error));
        QList<NewTask> division;
        for (const QJsonValue& task : a.value(QStringLiteral("division")).toArray())
            division << newTaskFromJson(task.toObject());
        return service::voidOf(tasks.plan(*operation, division, c));
    });
    add(QStringLiteral("hub.operation.start"), [tasks, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(tasks.start(requireId(a, id), c));
    });
    add(QStringLiteral("hub.operation.finish"), [tasks, id](const QJsonObject& a, const CommandId& c, bool) {
        const auto how = operationStatusFromId(a.value(QStringLiteral("how")).toString());
        if (!how)
            throw ValidationError(Tr::tr("The kept command has no valid outcome."));
        return service::voidOf(tasks.finish(requireId(a, id), *how, c));
    });
    add(QStringLiteral("hub.operation.approve"), [tasks, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(tasks.approve(requireId(a, id), a.value(QStringLiteral("go_at")).toInteger(), a.value(QStringLiteral("note")).toString(),
                                  a.value(QStringLiteral("incident")).toInteger(), c));
    });
    add(QStringLiteral("hub.operation.reject"), [tasks, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(tasks.reject(requireId(a, id), requireText(a, QStringLiteral("reason")), c));
    });
    add(QStringLiteral("hub.unit.status"), [units](const QJsonObject& a, const CommandId& c, bool) {
        const auto status = unitStatusFromId(a.value(QStringLiteral("status")).toString());
        if (!status)
            throw ValidationError(Tr::tr("The kept command has no valid status."));
        return service::voidOf(units.setStatus(requireText(a, QStringLiteral("unit")), *status, c));
    });
    add(QStringLiteral("hub.unit.save"), [units](const QJsonObject& a, const CommandId& c, bool) {
        QString error;
        const auto unit = Unit::fromJson(a.value(QStringLiteral("unit")).toObject(), &error);
        if (!unit)
            throw ValidationError(Tr::tr("The kept unit cannot be read: %1").arg(error));
        return service::voidOf(units.save(*unit, c));
    });
    // Registry changes carry the version they were made from; "keep mine" drops it, so the change
    // goes over the newer entry.
    add(QStringLiteral("hub.category.save"), [incidents](const QJsonObject& a, const CommandId& c, bool overrideConflict) {
        IncidentCategory category = categoryFromJson(a);
        if (overrideConflict)
            category.version = 0;
        return service::voidOf(incidents.saveCategory(category, c));
    });
    add(QStringLiteral("hub.camera.save"), [cameras](const QJsonObject& a, const CommandId& c, bool overrideConflict) {
        QString error;
        auto camera = Camera::fromJson(a.value(QStringLiteral("camera")).toObject(), &error);
        if (!camera)
            throw ValidationError(Tr::tr("The kept camera cannot be read: %1").arg(error));
        if (overrideConflict)
            camera->version = 0;
        return service::voidOf(cameras.save(*camera, c));
    });
    outbox.addContentReplayer(QStringLiteral("hub.media.snapshot"), [media](const QJsonObject& a, const QByteArray& png,
                                                                                const CommandId& c, bool) {
        return service::voidOf(media.attachSnapshot(requireId(a, QStringLiteral("incident")), requireText(a, QStringLiteral("camera")), png,
                                         a.value(QStringLiteral("taken_at")).toInteger(), c));
    });
    outbox.addContentReplayer(QStringLiteral("hub.media.clip"), [media](const QJsonObject& a, const QByteArray& avi,
                                                                        const CommandId& c, bool) {
        return service::voidOf(media.attachClip(requireId(a, QStringLiteral("incident")), requireText(a, QStringLiteral("camera")), avi,
                                     a.value(QStringLiteral("taken_at")).toInteger(), c));
    });
}

} // namespace hexhub
