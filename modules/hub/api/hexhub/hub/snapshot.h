#pragma once
// The hub's incidents as a snapshot for analysis (module/extensions.h SnapshotSource): the big-data
// centre takes a period's incidents as a dataset through this, as it imports a file.

#include "hexhub/hub/hub_export.h"
#include "module/extensions.h"

namespace hexhub::hub {

/*!
 * "hub.incidents": number, category, priority, status, source, when it was reported, seconds to the
 * first unit on scene, place, address, the reporter's contact masked. Needs hub.incident.snapshot; on
 * a prepared shared server the rows come from hub_incident_snapshot(), which checks it again.
 */
HEXHUB_HUB_EXPORT SnapshotSource incidentSnapshotSource();

} // namespace hexhub::hub
