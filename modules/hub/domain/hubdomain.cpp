#include "hexhub/hub/hubdomain.h"

#include "module/servicesupport.h"

#include "base/coretr.h"
#include "base/enumtable.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QRegularExpression>

#include <array>

namespace hexhub {

namespace {

using detail::EnumRow;

constexpr std::array<EnumRow<UnitStatus>, 5> kUnitStatuses{{
    {UnitStatus::Available, "available", QT_TRANSLATE_NOOP("hexhub", "available")},
    {UnitStatus::EnRoute, "en_route", QT_TRANSLATE_NOOP("hexhub", "en route")},
    {UnitStatus::OnScene, "on_scene", QT_TRANSLATE_NOOP("hexhub", "on scene")},
    {UnitStatus::Busy, "busy", QT_TRANSLATE_NOOP("hexhub", "busy")},
    {UnitStatus::OffDuty, "off_duty", QT_TRANSLATE_NOOP("hexhub", "off duty")},
}};

constexpr std::array<EnumRow<TaskStatus>, 6> kTaskStatuses{{
    {TaskStatus::Issued, "issued", QT_TRANSLATE_NOOP("hexhub", "issued")},
    {TaskStatus::Accepted, "accepted", QT_TRANSLATE_NOOP("hexhub", "accepted")},
    {TaskStatus::InProgress, "in_progress", QT_TRANSLATE_NOOP("hexhub", "in progress")},
    {TaskStatus::Done, "done", QT_TRANSLATE_NOOP("hexhub", "done")},
    {TaskStatus::Declined, "declined", QT_TRANSLATE_NOOP("hexhub", "declined")},
    {TaskStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("hexhub", "cancelled")},
}};

constexpr std::array<EnumRow<OperationStatus>, 4> kOperationStatuses{{
    {OperationStatus::Planned, "planned", QT_TRANSLATE_NOOP("hexhub", "planned")},
    {OperationStatus::Running, "running", QT_TRANSLATE_NOOP("hexhub", "running")},
    {OperationStatus::Completed, "completed", QT_TRANSLATE_NOOP("hexhub", "completed")},
    {OperationStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("hexhub", "cancelled")},
}};

constexpr std::array<EnumRow<ProposalStatus>, 4> kProposalStatuses{{
    {ProposalStatus::Proposed, "proposed", QT_TRANSLATE_NOOP("hexhub", "awaiting review")},
    {ProposalStatus::Approved, "approved", QT_TRANSLATE_NOOP("hexhub", "approved")},
    {ProposalStatus::Rejected, "rejected", QT_TRANSLATE_NOOP("hexhub", "rejected")},
    {ProposalStatus::Withdrawn, "withdrawn", QT_TRANSLATE_NOOP("hexhub", "withdrawn")},
}};

// The built-in taxonomy's names and playbook steps, exactly as the hub's migration 0004 stores them,
// so lupdate collects them; a test checks every stored built-in text has its translation.
[[maybe_unused]] constexpr const char* kTaxonomyTexts[] = {
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Person at height (rooftop rescue)"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Confirm the exact position and how many people are at risk"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Clear and cordon the area below"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Ask fire liaison to lay the air cushion"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Negotiator in contact"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Drone overhead, its feed on the wall"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Medical standby for heatstroke"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Everyone brought to safety"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Hand over to medical staff or family"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Traffic accident"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Secure the scene and warn oncoming traffic"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Check for injured people and call medical"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Record vehicles, drivers and witnesses"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Clear the carriageway"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Burglary"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Check whether suspects are still present"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Protect the scene for forensics"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Take the victim's statement"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "List the stolen property"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Assault"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Separate the parties"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "First aid, call medical"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Identify witnesses"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Arrest or identify the suspect"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Fire"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Confirm the fire service is on its way"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Evacuate and cordon"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Keep the road clear for fire engines"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Missing person"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Get a description and the place last seen"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Search nearby with foot patrols"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Drone search of open ground"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Check the cameras near the place last seen"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Public disturbance"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Assess the crowd and the risk"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Calm the situation or disperse"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Record those responsible"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Suspicious item"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Cordon at 100 metres"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "No radios or phones near the item"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Specialist assessment"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Clear or make safe"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Other"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "Assess on arrival"),
    // The built-in categories' keywords (0011_category_priority_keywords.sql): translated, a desk
    // suggests a category from a caller's account in its own language too.
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "roof, rooftop, ledge, edge of, height, balcony, jump, parapet"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "crash, collided, collision, accident, car, cars, van, lorry, truck, scooter, motorbike, knocked down, driver, pedestrian"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "burglary, broken into, break-in, forced, burgled, stolen, climbing into, jewellery, laptop"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "fight, punched, stabbed, beaten, bleeding, attacked, assault, threatened, pushed, knife"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "fire, smoke, burning, flames, blaze, explosion"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "missing, lost child, separated, dementia, disappeared, not come home"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "noise, loud, music, shouting, drunk, crowd, dispute, blocking"),
    QT_TRANSLATE_NOOP("hexhub_taxonomy", "suspicious, unattended, suitcase, package, bag left, wires")
};

using service::failed;

std::optional<GeoPoint> pointFrom(const QJsonObject& json)
{
    if (!json.contains(QStringLiteral("point")))
        return std::nullopt;
    return GeoPoint::fromJson(json.value(QStringLiteral("point")).toObject());
}

} // namespace

QString unitStatusId(UnitStatus status)
{
    return QString::fromLatin1(detail::rowOf(kUnitStatuses, status).id);
}

std::optional<UnitStatus> unitStatusFromId(const QString& id)
{
    return detail::valueOf(kUnitStatuses, id);
}

QString unitStatusName(UnitStatus status)
{
    return Tr::tr(detail::rowOf(kUnitStatuses, status).name);
}

UnitSnapshot Unit::snapshot() const
{
    return UnitSnapshot{callSign, kind, skills, status == UnitStatus::Available, position};
}

bool Unit::isValidCallSign(const QString& callSign)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9/-]{1,15}$"));
    return re.match(callSign).hasMatch();
}

QJsonObject Unit::toJson() const
{
    QJsonObject json{{QStringLiteral("callSign"), callSign},
                     {QStringLiteral("kind"), unitKindId(kind)},
                     {QStringLiteral("status"), unitStatusId(status)},
                     {QStringLiteral("homeStation"), homeStation},
                     {QStringLiteral("crewSize"), crewSize},
                     {QStringLiteral("skills"), QJsonArray::fromStringList(skills)},
                     {QStringLiteral("incidentId"), incidentId},
                     {QStringLiteral("statusSince"), statusSince},
                     {QStringLiteral("version"), version}};
    if (position) {
        json.insert(QStringLiteral("point"), position->toJson());
        json.insert(QStringLiteral("positionAt"), positionAt);
    }
    return json;
}

std::optional<Unit> Unit::fromJson(const QJsonObject& json, QString* error)
{
    Unit unit;
    unit.callSign = json.value(QStringLiteral("callSign")).toString();
    if (!isValidCallSign(unit.callSign))
        return failed<Unit>(error, Tr::tr("unit: \"callSign\" is missing or not a call sign"));
    const auto kind = unitKindFromId(json.value(QStringLiteral("kind")).toString());
    if (!kind)
        return failed<Unit>(error, Tr::tr("unit %1: \"kind\" is not a unit kind").arg(unit.callSign));
    unit.kind = *kind;
    const auto status = unitStatusFromId(json.value(QStringLiteral("status")).toString());
    if (!status)
        return failed<Unit>(error, Tr::tr("unit %1: \"status\" is not one of available, en_route, on_scene, busy, off_duty")
                                       .arg(unit.callSign));
    unit.status = *status;
    unit.homeStation = json.value(QStringLiteral("homeStation")).toString();
    unit.crewSize = json.value(QStringLiteral("crewSize")).toInt(1);
    for (const QJsonValue& skill : json.value(QStringLiteral("skills")).toArray())
        unit.skills << skill.toString();
    unit.position = pointFrom(json);
    unit.positionAt = json.value(QStringLiteral("positionAt")).toInteger();
    unit.incidentId = json.value(QStringLiteral("incidentId")).toInteger();
    unit.statusSince = json.value(QStringLiteral("statusSince")).toInteger();
    unit.version = json.value(QStringLiteral("version")).toInteger(1);
    return unit;
}

QString taskStatusId(TaskStatus status)
{
    return QString::fromLatin1(detail::rowOf(kTaskStatuses, status).id);
}

std::optional<TaskStatus> taskStatusFromId(const QString& id)
{
    return detail::valueOf(kTaskStatuses, id);
}

QString taskStatusName(TaskStatus status)
{
    return Tr::tr(detail::rowOf(kTaskStatuses, status).name);
}

bool canMoveTask(TaskStatus from, TaskStatus to)
{
    using S = TaskStatus;
    switch (from) {
    case S::Issued:
        return to == S::Accepted || to == S::Declined || to == S::Cancelled;
    case S::Accepted:
        return to == S::InProgress || to == S::Done || to == S::Declined || to == S::Cancelled;
    case S::InProgress:
        // Progress is reported again and again: in progress to in progress is a report.
        return to == S::InProgress || to == S::Done || to == S::Cancelled;
    case S::Done:
    case S::Declined:
    case S::Cancelled:
        return false;
    }
    return false;
}

QString whyTaskCannotMove(TaskStatus from, TaskStatus to)
{
    if (canMoveTask(from, to))
        return {};
    if (from == TaskStatus::Done || from == TaskStatus::Declined || from == TaskStatus::Cancelled)
        return Tr::tr("The task is %1: nothing more happens to it.").arg(taskStatusName(from));
    return Tr::tr("A task that is %1 cannot become %2.").arg(taskStatusName(from), taskStatusName(to));
}

bool Task::isOpen() const
{
    return status == TaskStatus::Issued || status == TaskStatus::Accepted || status == TaskStatus::InProgress;
}

QJsonObject Task::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("assigneeKind"), assigneeKind == AssigneeKind::Unit ? QStringLiteral("unit") : QStringLiteral("centre")},
                     {QStringLiteral("assignee"), assignee},
                     {QStringLiteral("title"), title},
                     {QStringLiteral("detail"), detail},
                     {QStringLiteral("priority"), priority},
                     {QStringLiteral("status"), taskStatusId(status)},
                     {QStringLiteral("progress"), progress},
                     {QStringLiteral("progressNote"), progressNote},
                     {QStringLiteral("declineReason"), declineReason},
                     {QStringLiteral("startsAt"), startsAt},
                     {QStringLiteral("dueAt"), dueAt},
                     {QStringLiteral("place"), place},
                     {QStringLiteral("incidentId"), incidentId},
                     {QStringLiteral("operationId"), operationId},
                     {QStringLiteral("origin"), origin},
                     {QStringLiteral("createdBy"), createdBy},
                     {QStringLiteral("createdAt"), createdAt},
                     {QStringLiteral("updatedAt"), updatedAt},
                     {QStringLiteral("version"), version}};
    if (point)
        json.insert(QStringLiteral("point"), point->toJson());
    return json;
}

std::optional<Task> Task::fromJson(const QJsonObject& json, QString* error)
{
    Task task;
    task.id = json.value(QStringLiteral("id")).toInteger();
    const QString kind = json.value(QStringLiteral("assigneeKind")).toString();
    if (kind != QLatin1String("unit") && kind != QLatin1String("centre"))
        return failed<Task>(error, Tr::tr("task %1: \"assigneeKind\" must be centre or unit").arg(task.id));
    task.assigneeKind = kind == QLatin1String("unit") ? AssigneeKind::Unit : AssigneeKind::Centre;
    task.assignee = json.value(QStringLiteral("assignee")).toString();
    if (task.assignee.isEmpty())
        return failed<Task>(error, Tr::tr("task %1: \"assignee\" is missing").arg(task.id));
    const auto status = taskStatusFromId(json.value(QStringLiteral("status")).toString());
    if (!status)
        return failed<Task>(error, Tr::tr("task %1: \"status\" is not a task status").arg(task.id));
    task.status = *status;
    task.priority = json.value(QStringLiteral("priority")).toInt(3);
    if (task.priority < 1 || task.priority > 4)
        return failed<Task>(error, Tr::tr("task %1: \"priority\" must be 1, 2, 3 or 4").arg(task.id));
    task.title = json.value(QStringLiteral("title")).toString();
    task.detail = json.value(QStringLiteral("detail")).toString();
    task.progress = json.value(QStringLiteral("progress")).toInt();
    task.progressNote = json.value(QStringLiteral("progressNote")).toString();
    task.declineReason = json.value(QStringLiteral("declineReason")).toString();
    task.startsAt = json.value(QStringLiteral("startsAt")).toInteger();
    task.dueAt = json.value(QStringLiteral("dueAt")).toInteger();
    task.place = json.value(QStringLiteral("place")).toString();
    task.point = pointFrom(json);
    task.incidentId = json.value(QStringLiteral("incidentId")).toInteger();
    task.operationId = json.value(QStringLiteral("operationId")).toInteger();
    task.origin = json.value(QStringLiteral("origin")).toString();
    task.createdBy = json.value(QStringLiteral("createdBy")).toString();
    task.createdAt = json.value(QStringLiteral("createdAt")).toInteger();
    task.updatedAt = json.value(QStringLiteral("updatedAt")).toInteger();
    task.version = json.value(QStringLiteral("version")).toInteger(1);
    return task;
}

QString operationStatusId(OperationStatus status)
{
    return QString::fromLatin1(detail::rowOf(kOperationStatuses, status).id);
}

std::optional<OperationStatus> operationStatusFromId(const QString& id)
{
    return detail::valueOf(kOperationStatuses, id);
}

QString operationStatusName(OperationStatus status)
{
    return Tr::tr(detail::rowOf(kOperationStatuses, status).name);
}

QJsonObject Operation::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("objective"), objective},
                       {QStringLiteral("status"), operationStatusId(status)},
                       {QStringLiteral("goAt"), goAt},
                       {QStringLiteral("incidentId"), incidentId},
                       {QStringLiteral("origin"), origin},
                       {QStringLiteral("originRef"), originRef},
                       {QStringLiteral("createdBy"), createdBy},
                       {QStringLiteral("createdAt"), createdAt},
                       {QStringLiteral("updatedAt"), updatedAt},
                       {QStringLiteral("version"), version}};
}

std::optional<Operation> Operation::fromJson(const QJsonObject& json, QString* error)
{
    Operation op;
    op.id = json.value(QStringLiteral("id")).toInteger();
    op.name = json.value(QStringLiteral("name")).toString();
    if (op.name.trimmed().isEmpty())
        return failed<Operation>(error, Tr::tr("operation %1: \"name\" is missing").arg(op.id));
    const auto status = operationStatusFromId(json.value(QStringLiteral("status")).toString());
    if (!status)
        return failed<Operation>(error, Tr::tr("operation %1: \"status\" is not an operation status").arg(op.id));
    op.status = *status;
    op.objective = json.value(QStringLiteral("objective")).toString();
    op.goAt = json.value(QStringLiteral("goAt")).toInteger();
    op.incidentId = json.value(QStringLiteral("incidentId")).toInteger();
    op.origin = json.value(QStringLiteral("origin")).toString();
    op.originRef = json.value(QStringLiteral("originRef")).toString();
    op.createdBy = json.value(QStringLiteral("createdBy")).toString();
    op.createdAt = json.value(QStringLiteral("createdAt")).toInteger();
    op.updatedAt = json.value(QStringLiteral("updatedAt")).toInteger();
    op.version = json.value(QStringLiteral("version")).toInteger(1);
    return op;
}

QString proposalStatusId(ProposalStatus status)
{
    return QString::fromLatin1(detail::rowOf(kProposalStatuses, status).id);
}

std::optional<ProposalStatus> proposalStatusFromId(const QString& id)
{
    return detail::valueOf(kProposalStatuses, id);
}

QString proposalStatusName(ProposalStatus status)
{
    return Tr::tr(detail::rowOf(kProposalStatuses, status).name);
}

QJsonObject ProposedTask::toJson() const
{
    QJsonObject json{{QStringLiteral("assigneeKind"), assigneeKind == AssigneeKind::Unit ? QStringLiteral("unit") : QStringLiteral("centre")},
                     {QStringLiteral("assignee"), assignee},
                     {QStringLiteral("title"), title},
                     {QStringLiteral("detail"), detail},
                     {QStringLiteral("priority"), priority},
                     {QStringLiteral("place"), place},
                     {QStringLiteral("afterGoMs"), afterGoMs},
                     {QStringLiteral("forMs"), forMs}};
    if (point)
        json.insert(QStringLiteral("point"), point->toJson());
    return json;
}

std::optional<ProposedTask> ProposedTask::fromJson(const QJsonObject& json, QString* error)
{
    ProposedTask t;
    const QString kind = json.value(QStringLiteral("assigneeKind")).toString();
    if (kind != QLatin1String("unit") && kind != QLatin1String("centre"))
        return failed<ProposedTask>(error, Tr::tr("proposed task: \"assigneeKind\" must be centre or unit"));
    t.assigneeKind = kind == QLatin1String("unit") ? AssigneeKind::Unit : AssigneeKind::Centre;
    t.assignee = json.value(QStringLiteral("assignee")).toString();
    t.title = json.value(QStringLiteral("title")).toString();
    if (t.assignee.isEmpty() || t.title.isEmpty())
        return failed<ProposedTask>(error, Tr::tr("proposed task: \"assignee\" or \"title\" is missing"));
    t.detail = json.value(QStringLiteral("detail")).toString();
    t.priority = json.value(QStringLiteral("priority")).toInt(2);
    if (t.priority < 1 || t.priority > 4)
        return failed<ProposedTask>(error, Tr::tr("proposed task: \"priority\" must be 1, 2, 3 or 4"));
    t.place = json.value(QStringLiteral("place")).toString();
    t.point = pointFrom(json);
    t.afterGoMs = json.value(QStringLiteral("afterGoMs")).toInteger();
    t.forMs = json.value(QStringLiteral("forMs")).toInteger();
    if (t.afterGoMs < 0 || t.forMs < 0)
        return failed<ProposedTask>(error, Tr::tr("proposed task: times after go cannot be negative"));
    return t;
}

QJsonObject OperationProposal::toJson() const
{
    QJsonArray lines;
    for (const ProposedTask& line : division)
        lines << line.toJson();
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("objective"), objective},
                       {QStringLiteral("goAt"), goAt},
                       {QStringLiteral("incidentId"), incidentId},
                       {QStringLiteral("origin"), origin},
                       {QStringLiteral("originRef"), originRef},
                       {QStringLiteral("division"), lines},
                       {QStringLiteral("status"), proposalStatusId(status)},
                       {QStringLiteral("proposedBy"), proposedBy},
                       {QStringLiteral("proposedAt"), proposedAt},
                       {QStringLiteral("reviewedBy"), reviewedBy},
                       {QStringLiteral("reviewedAt"), reviewedAt},
                       {QStringLiteral("reviewNote"), reviewNote},
                       {QStringLiteral("operationId"), operationId},
                       {QStringLiteral("version"), version}};
}

std::optional<OperationProposal> OperationProposal::fromJson(const QJsonObject& json, QString* error)
{
    OperationProposal p;
    p.id = json.value(QStringLiteral("id")).toInteger();
    p.name = json.value(QStringLiteral("name")).toString();
    if (p.name.trimmed().isEmpty())
        return failed<OperationProposal>(error, Tr::tr("proposal %1: \"name\" is missing").arg(p.id));
    const auto status = proposalStatusFromId(json.value(QStringLiteral("status")).toString());
    if (!status)
        return failed<OperationProposal>(error, Tr::tr("proposal %1: \"status\" is not a proposal status").arg(p.id));
    p.status = *status;
    p.objective = json.value(QStringLiteral("objective")).toString();
    p.goAt = json.value(QStringLiteral("goAt")).toInteger();
    p.incidentId = json.value(QStringLiteral("incidentId")).toInteger();
    p.origin = json.value(QStringLiteral("origin")).toString();
    p.originRef = json.value(QStringLiteral("originRef")).toString();
    const QJsonArray lines = json.value(QStringLiteral("division")).toArray();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString why;
        const auto line = ProposedTask::fromJson(lines.at(i).toObject(), &why);
        if (!line)
            return failed<OperationProposal>(error, Tr::tr("proposal %1, line %2: %3").arg(p.id).arg(i + 1).arg(why));
        p.division << *line;
    }
    p.proposedBy = json.value(QStringLiteral("proposedBy")).toString();
    p.proposedAt = json.value(QStringLiteral("proposedAt")).toInteger();
    p.reviewedBy = json.value(QStringLiteral("reviewedBy")).toString();
    p.reviewedAt = json.value(QStringLiteral("reviewedAt")).toInteger();
    p.reviewNote = json.value(QStringLiteral("reviewNote")).toString();
    p.operationId = json.value(QStringLiteral("operationId")).toInteger();
    p.version = json.value(QStringLiteral("version")).toInteger(1);
    return p;
}

int OperationProgress::percentDone() const
{
    const int counted = total - cancelled;
    return counted > 0 ? done * 100 / counted : 0;
}

QString translateTaxonomyText(const QString& english)
{
    const QByteArray utf8 = english.toUtf8();
    return QCoreApplication::translate("hexhub_taxonomy", utf8.constData());
}

QStringList IncidentCategory::keywordList() const
{
    QStringList words;
    const QString translated = keywords.isEmpty() ? QString() : translateTaxonomyText(keywords);
    for (const QString& list : {keywords, translated}) {
        for (const QString& w : list.split(QRegularExpression(QStringLiteral("[,，、;]")), Qt::SkipEmptyParts)) {
            const QString folded = w.trimmed().toCaseFolded();
            if (!folded.isEmpty() && !words.contains(folded))
                words << folded;
        }
    }
    return words;
}

CategorySuggestion suggestCategory(const QList<IncidentCategory>& categories, const QString& summary)
{
    const QString text = summary.toCaseFolded();
    if (text.trimmed().isEmpty())
        return {};
    auto occurs = [&text](const QString& word) {
        for (qsizetype at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            const bool latin = word.front().unicode() < 0x2e80;
            if (!latin || at == 0 || !text.at(at - 1).isLetterOrNumber())
                return true;
        }
        return false;
    };
    CategorySuggestion best;
    int bestScore = 0, secondScore = 0;
    for (const IncidentCategory& c : categories) {
        QStringList candidates = c.keywordList();
        for (const QString& name : {c.name.toCaseFolded(), c.displayName().toCaseFolded()})
            if (!candidates.contains(name))
                candidates << name;
        QStringList matched;
        for (const QString& w : std::as_const(candidates))
            if (occurs(w))
                matched << w;
        const int score = int(matched.size());
        if (score > bestScore) {
            secondScore = bestScore;
            bestScore = score;
            best = {c.id, matched};
        } else if (score > secondScore) {
            secondScore = score;
        }
    }
    if (bestScore == 0 || bestScore == secondScore)
        return {};
    return best;
}

QString IncidentCategory::displayName() const
{
    return translateTaxonomyText(name);
}

QString IncidentCategory::displayStep(int index) const
{
    return index >= 0 && index < playbook.size() ? translateTaxonomyText(playbook.at(index)) : QString();
}

std::optional<RunCard> IncidentCategory::runCardFromJson(const QString& category, const QJsonArray& json, QString* error)
{
    RunCard card;
    card.category = category;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QJsonObject line = json.at(i).toObject();
        RunCardNeed need;
        if (line.contains(QStringLiteral("kind"))) {
            need.kind = unitKindFromId(line.value(QStringLiteral("kind")).toString());
            if (!need.kind)
                return failed<RunCard>(error, Tr::tr("run card of %1, line %2: \"kind\" is not a unit kind").arg(category).arg(i + 1));
        }
        need.skill = line.value(QStringLiteral("skill")).toString();
        if (!need.kind && need.skill.isEmpty())
            return failed<RunCard>(error, Tr::tr("run card of %1, line %2: give a unit kind, a skill or both").arg(category).arg(i + 1));
        const QJsonValue count = line.value(QStringLiteral("count"));
        need.count = count.isUndefined() ? 1 : count.toInt(-1);
        if (need.count < 1 || need.count > 50)
            return failed<RunCard>(error, Tr::tr("run card of %1, line %2: \"count\" must be 1 to 50").arg(category).arg(i + 1));
        card.needs.append(need);
    }
    return card;
}

QJsonArray IncidentCategory::runCardToJson(const RunCard& card)
{
    QJsonArray out;
    for (const RunCardNeed& need : card.needs) {
        QJsonObject line{{QStringLiteral("count"), need.count}};
        if (need.kind)
            line.insert(QStringLiteral("kind"), unitKindId(*need.kind));
        if (!need.skill.isEmpty())
            line.insert(QStringLiteral("skill"), need.skill);
        out.append(line);
    }
    return out;
}

} // namespace hexhub
