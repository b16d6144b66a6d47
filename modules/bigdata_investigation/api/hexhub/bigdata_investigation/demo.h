#pragma once

#include "hexhub/bigdata_investigation/bigdata_investigation_export.h"

namespace hexhub {
struct SimulationShare;
class DemoContext;
}

namespace hexhub::bigdata {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT void writeDemoData(DemoContext& demo);
//! The module's share of the live demo simulation (ModuleContext::setSimulationShare()): the follow-up
//! tasks the hub gives the centre after some incidents.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT SimulationShare simulationShare();

} // namespace hexhub::bigdata
