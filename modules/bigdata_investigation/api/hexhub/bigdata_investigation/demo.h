#pragma once

#include "hexhub/bigdata_investigation/bigdata_investigation_export.h"

#include <QtGlobal>

namespace hexhub {
struct SimulationShare;
class DemoContext;
}

namespace hexhub::bigdata {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT void writeDemoData(DemoContext& demo);
//! The rows of the demo's personal-data trade dataset for a history of `incidents` incidents:
//! 290,000 from the demo's 20,000 up, 3,000 below (a test's small history).
HEXHUB_BIGDATA_INVESTIGATION_EXPORT qint64 tradeDemoRows(qint64 incidents);
//! The module's share of the live demo simulation (ModuleContext::setSimulationShare()): the follow-up
//! tasks the hub gives the centre after some incidents.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT SimulationShare simulationShare();

} // namespace hexhub::bigdata
