#include "hexhub/hub/incident.h"

#include <QRegularExpression>

#include "base/coretr.h"
#include "base/enumtable.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <array>

namespace hexhub {

namespace {

using detail::EnumRow;

constexpr std::array<EnumRow<IncidentStatus>, 6> kStatuses{{
    {IncidentStatus::New, "new", QT_TRANSLATE_NOOP("hexhub", "new")},
    {IncidentStatus::Dispatched, "dispatched", QT_TRANSLATE_NOOP("hexhub", "dispatched")},
    {IncidentStatus::OnScene, "on_scene", QT_TRANSLATE_NOOP("hexhub", "on scene")},
    {IncidentStatus::Resolved, "resolved", QT_TRANSLATE_NOOP("hexhub", "resolved")},
    {IncidentStatus::Closed, "closed", QT_TRANSLATE_NOOP("hexhub", "closed")},
    {IncidentStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("hexhub", "cancelled")},
}};

constexpr std::array<EnumRow<IncidentSource>, 5> kSources{{
    {IncidentSource::Call, "call", QT_TRANSLATE_NOOP("hexhub", "call")},
    {IncidentSource::Video, "video", QT_TRANSLATE_NOOP("hexhub", "video")},
    {IncidentSource::PublicComplaint, "public_complaint", QT_TRANSLATE_NOOP("hexhub", "public complaint")},
    {IncidentSource::ModelAlert, "model_alert", QT_TRANSLATE_NOOP("hexhub", "model alert")},
    {IncidentSource::Centre, "centre", QT_TRANSLATE_NOOP("hexhub", "another centre")},
}};

} // namespace

QString incidentStatusId(IncidentStatus status)
{
    return QString::fromLatin1(detail::rowOf(kStatuses, status).id);
}

std::optional<IncidentStatus> incidentStatusFromId(const QString& id)
{
    return detail::valueOf(kStatuses, id);
}

QString incidentStatusName(IncidentStatus status)
{
    return Tr::tr(detail::rowOf(kStatuses, status).name);
}

bool canMoveIncident(IncidentStatus from, IncidentStatus to)
{
    using S = IncidentStatus;
    switch (from) {
    case S::New:
        return to == S::Dispatched || to == S::Resolved || to == S::Cancelled;
    case S::Dispatched:
        return to == S::OnScene || to == S::New || to == S::Cancelled;
    case S::OnScene:
        return to == S::Resolved;
    case S::Resolved:
        return to == S::Closed || to == S::OnScene;
    case S::Closed:
    case S::Cancelled:
        return false;
    }
    return false;
}

QString whyIncidentCannotMove(IncidentStatus from, IncidentStatus to)
{
    if (canMoveIncident(from, to))
        return {};
    if (from == to)
        return Tr::tr("The incident is %1 already.").arg(incidentStatusName(from));
    if (from == IncidentStatus::Closed || from == IncidentStatus::Cancelled)
        return Tr::tr("The incident is %1: nothing more happens to it.").arg(incidentStatusName(from));
    return Tr::tr("An incident that is %1 cannot become %2.").arg(incidentStatusName(from), incidentStatusName(to));
}

QString incidentSourceId(IncidentSource source)
{
    return QString::fromLatin1(detail::rowOf(kSources, source).id);
}

std::optional<IncidentSource> incidentSourceFromId(const QString& id)
{
    return detail::valueOf(kSources, id);
}

QString incidentSourceName(IncidentSource source)
{
    return Tr::tr(detail::rowOf(kSources, source).name);
}

QJsonObject Incident::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("number"), number},
                       {QStringLiteral("status"), incidentStatusId(status)},
                       {QStringLiteral("priority"), priority},
                       {QStringLiteral("category"), category},
                       {QStringLiteral("source"), incidentSourceId(source)},
                       {QStringLiteral("summary"), summary},
                       {QStringLiteral("location"), location.toJson()},
                       {QStringLiteral("centre"), centre},
                       {QStringLiteral("createdAt"), createdAt},
                       {QStringLiteral("arrivedAt"), arrivedAt},
                       {QStringLiteral("mergedInto"), mergedInto},
                       {QStringLiteral("updatedAt"), updatedAt},
                       {QStringLiteral("version"), version}};
}

std::optional<Incident> Incident::fromJson(const QJsonObject& json, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<Incident> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    Incident incident;
    incident.number = json.value(QStringLiteral("number")).toString();
    if (incident.number.trimmed().isEmpty())
        return fail(Tr::tr("incident: \"number\" is missing"));
    const auto status = incidentStatusFromId(json.value(QStringLiteral("status")).toString());
    if (!status)
        return fail(Tr::tr("incident %1: \"status\" is not one of new, dispatched, on_scene, resolved, closed, cancelled")
                        .arg(incident.number));
    incident.status = *status;
    const QJsonValue priority = json.value(QStringLiteral("priority"));
    if (!priority.isDouble() || !isValidPriority(priority.toInt()) || priority.toDouble() != priority.toInt())
        return fail(Tr::tr("incident %1: \"priority\" must be 1, 2, 3 or 4").arg(incident.number));
    incident.priority = priority.toInt();
    const auto source = incidentSourceFromId(json.value(QStringLiteral("source")).toString());
    if (!source)
        return fail(Tr::tr("incident %1: \"source\" is not one of call, video, public_complaint, model_alert, centre")
                        .arg(incident.number));
    incident.source = *source;
    incident.category = json.value(QStringLiteral("category")).toString();
    incident.summary = json.value(QStringLiteral("summary")).toString();
    if (json.contains(QStringLiteral("location"))) {
        QString why;
        const auto location = Location::fromJson(json.value(QStringLiteral("location")).toObject(), &why);
        if (!location)
            return fail(Tr::tr("incident %1: location: %2").arg(incident.number, why));
        incident.location = *location;
    }
    incident.id = json.value(QStringLiteral("id")).toInteger();
    incident.createdAt = json.value(QStringLiteral("createdAt")).toInteger();
    incident.updatedAt = json.value(QStringLiteral("updatedAt")).toInteger();
    incident.version = json.value(QStringLiteral("version")).toInteger(1);
    incident.centre = json.value(QStringLiteral("centre")).toString(QStringLiteral("hub"));
    incident.arrivedAt = json.value(QStringLiteral("arrivedAt")).toInteger();
    incident.mergedInto = json.value(QStringLiteral("mergedInto")).toInteger();
    return incident;
}

bool Incident::isValidNumber(const QString& text)
{
    static const QRegularExpression number(QStringLiteral("^\\d{4}-\\d{6,}$"));
    return number.match(text).hasMatch();
}

} // namespace hexhub
