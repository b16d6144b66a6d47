#pragma once
// The supervision centre's public demands as a snapshot for analysis (module/extensions.h).

#include "hexhub/supervision/supervision_export.h"
#include "module/extensions.h"

namespace hexhub::supervision {

/*!
 * "supervision.demands": reference, channel, category, status, where it was routed, when received,
 * its SLA's due time, when answered, the contact masked. Needs supervision.demand.snapshot; on a
 * prepared shared server the rows come from sv_demand_snapshot(), which checks it again.
 */
HEXHUB_SUPERVISION_EXPORT SnapshotSource demandSnapshotSource();

} // namespace hexhub::supervision
