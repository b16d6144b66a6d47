#pragma once

#include "hexhub/case_management/case_management_export.h"

namespace hexhub {
struct SimulationShare;
class DemoContext;
}

namespace hexhub::cases {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_CASE_MANAGEMENT_EXPORT void writeDemoData(DemoContext& demo);
//! The module's share of the live demo simulation (ModuleContext::setSimulationShare()): the follow-up
//! tasks the hub gives the centre after some incidents.
HEXHUB_CASE_MANAGEMENT_EXPORT SimulationShare simulationShare();

} // namespace hexhub::cases
