#pragma once

#include "hexhub/basic_control/basic_control_export.h"

namespace hexhub {
struct SimulationShare;
class DemoContext;
}

namespace hexhub::basiccontrol {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_BASIC_CONTROL_EXPORT void writeDemoData(DemoContext& demo);
//! The module's share of the live demo simulation (ModuleContext::setSimulationShare()): the follow-up
//! tasks the hub gives the centre after some incidents.
HEXHUB_BASIC_CONTROL_EXPORT SimulationShare simulationShare();

} // namespace hexhub::basiccontrol
