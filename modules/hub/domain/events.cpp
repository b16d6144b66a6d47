// The hub's typed event payloads: the JSON each topic has carried since it was first journaled.
#include "hexhub/hub/events.h"

#include <QJsonArray>

namespace hexhub {

namespace {

QString str(const QJsonObject& json, const char* key)
{
    return json.value(QLatin1String(key)).toString();
}

qint64 id(const QJsonObject& json, const char* key)
{
    return json.value(QLatin1String(key)).toInteger();
}

QStringList strings(const QJsonObject& json, const char* key)
{
    QStringList out;
    for (const QJsonValue& v : json.value(QLatin1String(key)).toArray()) {
        if (v.isString())
            out << v.toString();
    }
    return out;
}

// The payloads about one incident carry its id and number.
bool hasIncident(const QJsonObject& json)
{
    return id(json, "incident") > 0 && !str(json, "number").isEmpty();
}

QJsonObject aboutIncident(qint64 incidentId, const QString& number)
{
    return {{QStringLiteral("incident"), incidentId}, {QStringLiteral("number"), number}};
}

} // namespace

QJsonObject IncidentCreated::toJson() const
{
    return incident.toJson();
}

std::optional<IncidentCreated> IncidentCreated::fromJson(const QJsonObject& json)
{
    const auto incident = Incident::fromJson(json);
    if (!incident || incident->id <= 0)
        return std::nullopt;
    return IncidentCreated{*incident};
}

QJsonObject IncidentUpdated::toJson() const
{
    QJsonObject json = incident.toJson();
    json.insert(QStringLiteral("incident"), incident.id);
    json.insert(QStringLiteral("changed"), QJsonArray::fromStringList(changed));
    return json;
}

std::optional<IncidentUpdated> IncidentUpdated::fromJson(const QJsonObject& json)
{
    const auto incident = Incident::fromJson(json);
    if (!incident || incident->id <= 0)
        return std::nullopt;
    return IncidentUpdated{*incident, strings(json, "changed")};
}

QJsonObject IncidentStatusChanged::toJson() const
{
    QJsonObject json = aboutIncident(incidentId, number);
    json.insert(QStringLiteral("from"), incidentStatusId(from));
    json.insert(QStringLiteral("to"), incidentStatusId(to));
    json.insert(QStringLiteral("reason"), reason);
    return json;
}

std::optional<IncidentStatusChanged> IncidentStatusChanged::fromJson(const QJsonObject& json)
{
    const auto from = incidentStatusFromId(str(json, "from"));
    const auto to = incidentStatusFromId(str(json, "to"));
    if (!hasIncident(json) || !from || !to)
        return std::nullopt;
    return IncidentStatusChanged{id(json, "incident"), str(json, "number"), *from, *to, str(json, "reason")};
}

QJsonObject IncidentNoteAdded::toJson() const
{
    QJsonObject json = aboutIncident(incidentId, number);
    json.insert(QStringLiteral("text"), text);
    return json;
}

std::optional<IncidentNoteAdded> IncidentNoteAdded::fromJson(const QJsonObject& json)
{
    if (!hasIncident(json) || str(json, "text").isEmpty())
        return std::nullopt;
    return IncidentNoteAdded{id(json, "incident"), str(json, "number"), str(json, "text")};
}

QJsonObject IncidentLinked::toJson() const
{
    QJsonObject json = aboutIncident(incidentId, number);
    json.insert(QStringLiteral("kind"), kind);
    json.insert(QStringLiteral("ref"), ref);
    return json;
}

std::optional<IncidentLinked> IncidentLinked::fromJson(const QJsonObject& json)
{
    if (!hasIncident(json) || str(json, "kind").isEmpty() || str(json, "ref").isEmpty())
        return std::nullopt;
    return IncidentLinked{id(json, "incident"), str(json, "number"), str(json, "kind"), str(json, "ref")};
}

QJsonObject IncidentReferred::toJson() const
{
    QJsonObject json = aboutIncident(incidentId, number);
    json.insert(QStringLiteral("to"), to);
    json.insert(QStringLiteral("note"), note);
    return json;
}

std::optional<IncidentReferred> IncidentReferred::fromJson(const QJsonObject& json)
{
    if (!hasIncident(json) || str(json, "to").isEmpty())
        return std::nullopt;
    return IncidentReferred{id(json, "incident"), str(json, "number"), str(json, "to"), str(json, "note")};
}

QJsonObject PlaybookStepTicked::toJson() const
{
    QJsonObject json = aboutIncident(incidentId, number);
    json.insert(QStringLiteral("step"), step);
    json.insert(QStringLiteral("text"), text);
    json.insert(QStringLiteral("ticked"), ticked);
    return json;
}

std::optional<PlaybookStepTicked> PlaybookStepTicked::fromJson(const QJsonObject& json)
{
    const QJsonValue step = json.value(QStringLiteral("step"));
    if (!hasIncident(json) || !step.isDouble() || step.toInt(-1) < 0 || !json.value(QStringLiteral("ticked")).isBool())
        return std::nullopt;
    return PlaybookStepTicked{id(json, "incident"), str(json, "number"), step.toInt(), str(json, "text"),
                              json.value(QStringLiteral("ticked")).toBool()};
}

QJsonObject UnitsDispatched::toJson() const
{
    QJsonObject json = aboutIncident(incidentId, number);
    json.insert(QStringLiteral("units"), QJsonArray::fromStringList(units));
    return json;
}

std::optional<UnitsDispatched> UnitsDispatched::fromJson(const QJsonObject& json)
{
    const QStringList units = strings(json, "units");
    if (!hasIncident(json) || units.isEmpty())
        return std::nullopt;
    return UnitsDispatched{id(json, "incident"), str(json, "number"), units};
}

QJsonObject UnitArrived::toJson() const
{
    QJsonObject json = aboutIncident(incidentId, number);
    json.insert(QStringLiteral("unit"), unit);
    return json;
}

std::optional<UnitArrived> UnitArrived::fromJson(const QJsonObject& json)
{
    if (!hasIncident(json) || str(json, "unit").isEmpty())
        return std::nullopt;
    return UnitArrived{id(json, "incident"), str(json, "number"), str(json, "unit")};
}

QJsonObject UnitCleared::toJson() const
{
    QJsonObject json = aboutIncident(incidentId, number);
    json.insert(QStringLiteral("unit"), unit);
    return json;
}

std::optional<UnitCleared> UnitCleared::fromJson(const QJsonObject& json)
{
    if (!hasIncident(json) || str(json, "unit").isEmpty())
        return std::nullopt;
    return UnitCleared{id(json, "incident"), str(json, "number"), str(json, "unit")};
}

QJsonObject IncidentsMerged::toJson() const
{
    return {{QStringLiteral("keep"), keep},
            {QStringLiteral("keepNumber"), keepNumber},
            {QStringLiteral("duplicate"), duplicate},
            {QStringLiteral("duplicateNumber"), duplicateNumber}};
}

std::optional<IncidentsMerged> IncidentsMerged::fromJson(const QJsonObject& json)
{
    if (id(json, "keep") <= 0 || id(json, "duplicate") <= 0 || id(json, "keep") == id(json, "duplicate"))
        return std::nullopt;
    return IncidentsMerged{id(json, "keep"), str(json, "keepNumber"), id(json, "duplicate"), str(json, "duplicateNumber")};
}

QJsonObject UnitStatusChanged::toJson() const
{
    return {{QStringLiteral("unit"), unit},
            {QStringLiteral("from"), unitStatusId(from)},
            {QStringLiteral("to"), unitStatusId(to)},
            {QStringLiteral("incident"), incidentId}};
}

std::optional<UnitStatusChanged> UnitStatusChanged::fromJson(const QJsonObject& json)
{
    const auto from = unitStatusFromId(str(json, "from"));
    const auto to = unitStatusFromId(str(json, "to"));
    if (str(json, "unit").isEmpty() || !from || !to || id(json, "incident") < 0)
        return std::nullopt;
    return UnitStatusChanged{str(json, "unit"), *from, *to, id(json, "incident")};
}

QJsonObject UnitRegistered::toJson() const
{
    return unit.toJson();
}

std::optional<UnitRegistered> UnitRegistered::fromJson(const QJsonObject& json)
{
    const auto unit = Unit::fromJson(json);
    if (!unit)
        return std::nullopt;
    return UnitRegistered{*unit};
}

QJsonObject UnitMoved::toJson() const
{
    return {{QStringLiteral("unit"), unit}, {QStringLiteral("point"), point.toJson()}, {QStringLiteral("at"), at}};
}

std::optional<UnitMoved> UnitMoved::fromJson(const QJsonObject& json)
{
    const auto point = GeoPoint::fromJson(json.value(QStringLiteral("point")).toObject());
    if (str(json, "unit").isEmpty() || !point)
        return std::nullopt;
    return UnitMoved{str(json, "unit"), *point, id(json, "at")};
}

QJsonObject TaskAssigned::toJson() const
{
    return task.toJson();
}

std::optional<TaskAssigned> TaskAssigned::fromJson(const QJsonObject& json)
{
    const auto task = Task::fromJson(json);
    if (!task || task->id <= 0)
        return std::nullopt;
    return TaskAssigned{*task};
}

QJsonObject TaskUpdated::toJson() const
{
    return task.toJson();
}

std::optional<TaskUpdated> TaskUpdated::fromJson(const QJsonObject& json)
{
    const auto task = Task::fromJson(json);
    if (!task || task->id <= 0)
        return std::nullopt;
    return TaskUpdated{*task};
}

QJsonObject OperationPlanned::toJson() const
{
    QJsonObject json = operation.toJson();
    json.insert(QStringLiteral("tasks"), tasks);
    return json;
}

std::optional<OperationPlanned> OperationPlanned::fromJson(const QJsonObject& json)
{
    const auto operation = Operation::fromJson(json);
    if (!operation || operation->id <= 0 || json.value(QStringLiteral("tasks")).toInt(-1) < 0)
        return std::nullopt;
    return OperationPlanned{*operation, json.value(QStringLiteral("tasks")).toInt()};
}

QJsonObject OperationStarted::toJson() const
{
    QJsonObject json = operation.toJson();
    if (tasks >= 0)
        json.insert(QStringLiteral("tasks"), tasks);
    return json;
}

std::optional<OperationStarted> OperationStarted::fromJson(const QJsonObject& json)
{
    const auto operation = Operation::fromJson(json);
    if (!operation || operation->id <= 0)
        return std::nullopt;
    return OperationStarted{*operation, json.value(QStringLiteral("tasks")).toInt(-1)};
}

QJsonObject OperationFinished::toJson() const
{
    return operation.toJson();
}

std::optional<OperationFinished> OperationFinished::fromJson(const QJsonObject& json)
{
    const auto operation = Operation::fromJson(json);
    if (!operation || operation->id <= 0)
        return std::nullopt;
    return OperationFinished{*operation};
}

QJsonObject OperationProposed::toJson() const
{
    return proposal.toJson();
}

std::optional<OperationProposed> OperationProposed::fromJson(const QJsonObject& json)
{
    const auto proposal = OperationProposal::fromJson(json);
    if (!proposal || proposal->id <= 0)
        return std::nullopt;
    return OperationProposed{*proposal};
}

QJsonObject OperationReviewed::toJson() const
{
    return proposal.toJson();
}

std::optional<OperationReviewed> OperationReviewed::fromJson(const QJsonObject& json)
{
    const auto proposal = OperationProposal::fromJson(json);
    if (!proposal || proposal->id <= 0)
        return std::nullopt;
    return OperationReviewed{*proposal};
}

QJsonObject CategorySaved::toJson() const
{
    return {{QStringLiteral("id"), category.id},
            {QStringLiteral("name"), category.name},
            {QStringLiteral("responseTargetS"), category.responseTargetMs / 1000},
            {QStringLiteral("onSceneLimitS"), category.onSceneLimitMs / 1000},
            {QStringLiteral("runCard"), IncidentCategory::runCardToJson(category.runCard)},
            {QStringLiteral("playbook"), QJsonArray::fromStringList(category.playbook)},
            {QStringLiteral("defaultPriority"), category.defaultPriority},
            {QStringLiteral("keywords"), category.keywords}};
}

std::optional<CategorySaved> CategorySaved::fromJson(const QJsonObject& json)
{
    IncidentCategory c;
    c.id = str(json, "id");
    c.name = str(json, "name");
    c.responseTargetMs = id(json, "responseTargetS") * 1000;
    c.onSceneLimitMs = id(json, "onSceneLimitS") * 1000;
    const auto card = IncidentCategory::runCardFromJson(c.id, json.value(QStringLiteral("runCard")).toArray());
    if (c.id.isEmpty() || c.name.isEmpty() || c.responseTargetMs <= 0 || c.onSceneLimitMs <= 0 || !card)
        return std::nullopt;
    c.runCard = *card;
    c.playbook = strings(json, "playbook");
    c.defaultPriority = std::clamp(json.value(QStringLiteral("defaultPriority")).toInt(3), 1, 4);
    c.keywords = str(json, "keywords");
    return CategorySaved{c};
}

} // namespace hexhub
