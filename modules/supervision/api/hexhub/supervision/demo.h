#pragma once

#include "hexhub/supervision/supervision_export.h"

namespace hexhub {
struct SimulationShare;
class DemoContext;
}

namespace hexhub::supervision {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_SUPERVISION_EXPORT void writeDemoData(DemoContext& demo);
//! The module's share of the live demo simulation (ModuleContext::setSimulationShare()): the follow-up
//! tasks the hub gives the centre after some incidents.
HEXHUB_SUPERVISION_EXPORT SimulationShare simulationShare();

} // namespace hexhub::supervision
