#include "hexhub/hub/hubservices.h"

#include "hubrows_p.h"
#include "hubservicesupport_p.h"

#include "security/audit.h"
#include "base/clock.h"
#include "base/coretr.h"
#include "base/error.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlQuery>

#include <cmath>
#include <numbers>

namespace hexhub {

using namespace hubrows;
using hubsupport::check;
using hubsupport::failNow;
using hubsupport::hubWrite;


QString maskContact(const QString& contact)
{
    const QString c = contact.trimmed();
    if (c.isEmpty())
        return {};
    const qsizetype at = c.indexOf(u'@');
    if (at > 0)
        return c.left(1) + QStringLiteral("***") + c.mid(at);
    // At most the last four characters, as the stores' hexhub_mask() keeps them.
    if (c.size() <= 4)
        return QString(c.size(), u'*');
    return QString(c.size() - 4, u'*') + c.right(4);
}

EventDescription describeHubEvent(const Event& event)
{
    EventDescription d;
    d.text = describeHubEvent(event.topic, event.payload);
    if (d.text == event.topic)
        return {}; // not one of the hub's
    if (const auto created = payloadAs<IncidentCreated>(event)) {
        const Incident& incident = created->incident;
        d.notify = incident.priority == 1 ? EventDescription::Notify::Priority : EventDescription::Notify::Important;
        d.title = incident.priority == 1 ? Tr::tr("Priority 1 incident %1").arg(incident.number)
                                         : Tr::tr("New incident %1").arg(incident.number);
        d.detail = incident.summary;
    }
    return d;
}

RailBadge hubRailBadge()
{
    RailBadge badge;
    badge.count = [](Sql& sql, const Principal& viewer) {
        if (!viewer.can(QStringLiteral("hub.incident.view")))
            return 0;
        return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE status = 'new'")).toInt();
    };
    badge.refreshOn = {QStringLiteral("incident.*")};
    return badge;
}

QString describeHubEvent(const QString& topic, const QJsonObject& p)
{
    const auto str = [&p](const char* key) { return p.value(QLatin1String(key)).toString(); };
    if (topic == QLatin1String("incident.created"))
        return Tr::tr("Incident %1 created: P%2, %3").arg(str("number")).arg(p.value(QStringLiteral("priority")).toInt()).arg(str("summary"));
    if (topic == QLatin1String("incident.updated"))
        return Tr::tr("Details changed: %1").arg(p.value(QStringLiteral("changed")).toVariant().toStringList().join(QStringLiteral(", ")));
    if (topic == QLatin1String("incident.status")) {
        const auto from = incidentStatusFromId(str("from"));
        const auto to = incidentStatusFromId(str("to"));
        const QString move = Tr::tr("Status %1 to %2")
                                 .arg(from ? incidentStatusName(*from) : str("from"), to ? incidentStatusName(*to) : str("to"));
        return str("reason").isEmpty() ? move : Tr::tr("%1: %2").arg(move, str("reason"));
    }
    if (topic == QLatin1String("incident.note"))
        return Tr::tr("Note: %1").arg(str("text"));
    if (topic == QLatin1String("incident.dispatched"))
        return Tr::tr("Dispatched %1").arg(p.value(QStringLiteral("units")).toVariant().toStringList().join(QStringLiteral(", ")));
    if (topic == QLatin1String("incident.unit_arrived"))
        return Tr::tr("%1 arrived on scene").arg(str("unit"));
    if (topic == QLatin1String("incident.unit_cleared"))
        return Tr::tr("%1 cleared from the incident").arg(str("unit"));
    if (topic == QLatin1String("incident.merged"))
        return Tr::tr("Incident %1 merged into %2").arg(str("duplicateNumber"), str("keepNumber"));
    if (topic == QLatin1String("incident.linked"))
        return Tr::tr("Linked to %1 %2").arg(str("kind"), str("ref"));
    if (topic == QLatin1String("incident.referred"))
        return Tr::tr("Sent to criminal intelligence: %1").arg(str("note"));
    if (topic == QLatin1String("incident.step")) {
        return p.value(QStringLiteral("ticked")).toBool() ? Tr::tr("Playbook step done: %1").arg(translateTaxonomyText(str("text")))
                                                          : Tr::tr("Playbook step reopened: %1").arg(translateTaxonomyText(str("text")));
    }
    if (topic == QLatin1String("unit.status")) {
        const auto to = unitStatusFromId(str("to"));
        return Tr::tr("%1 is %2").arg(str("unit"), to ? unitStatusName(*to) : str("to"));
    }
    if (topic == QLatin1String("task.assigned"))
        return Tr::tr("Task to %1: %2").arg(str("assignee"), str("title"));
    if (topic == QLatin1String("task.updated")) {
        const auto to = taskStatusFromId(str("status"));
        return Tr::tr("Task %1 is %2").arg(str("title"), to ? taskStatusName(*to) : str("status"));
    }
    if (topic == QLatin1String("media.attached")) {
        if (str("kind") == QLatin1String("clip")) {
            const QString seconds = QLocale().toString(double(p.value(QStringLiteral("durationMs")).toInteger()) / 1000, 'f', 1);
            return Tr::tr("Clip from camera %1 (%2) attached, %3 s").arg(str("cameraName"), str("cameraId"), seconds);
        }
        return Tr::tr("Snapshot from camera %1 (%2) attached").arg(str("cameraName"), str("cameraId"));
    }
    return topic;
}

} // namespace hexhub
