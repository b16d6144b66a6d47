#pragma once
// The case-handling centre's case events as a snapshot for analysis (module/extensions.h).

#include "hexhub/case_management/case_management_export.h"
#include "module/extensions.h"

namespace hexhub::cases {

/*!
 * "case_management.cases": the cases opened in a period, with their kind, fast track, status, the
 * incident they came from, the next statutory deadline, and how many people were held and items
 * seized (no person). Needs case_management.case.snapshot; on a prepared shared server the rows come
 * from cm_case_snapshot(), which checks it again.
 */
HEXHUB_CASE_MANAGEMENT_EXPORT SnapshotSource caseSnapshotSource();

} // namespace hexhub::cases
