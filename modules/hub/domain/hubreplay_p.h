#pragma once
// Internal to the hub's domain: the arguments of the hub's commands as JSON, as they wait in a desk's
// outbox while the server is away (servicesupport.h keepWhenAway()) and are read back to send again.

#include "hexhub/hub/incidentservice.h"
#include "hexhub/hub/taskservice.h"

#include <QJsonObject>

namespace hexhub::hubreplay {

QJsonObject toJson(const NewIncident& incident);
//! Throws ValidationError when `json` is not a new incident.
NewIncident newIncidentFromJson(const QJsonObject& json);

QJsonObject toJson(const IncidentEdit& edit);
IncidentEdit incidentEditFromJson(const QJsonObject& json);

QJsonObject toJson(const NewTask& task);
NewTask newTaskFromJson(const QJsonObject& json);

QJsonObject toJson(const IncidentCategory& category);
IncidentCategory categoryFromJson(const QJsonObject& json);

} // namespace hexhub::hubreplay
