#pragma once

#include "hexhub/criminal_intel/criminal_intel_export.h"

namespace hexhub {
struct SimulationShare;
class DemoContext;
}

namespace hexhub::criminalintel {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_CRIMINAL_INTEL_EXPORT void writeDemoData(DemoContext& demo);
//! The module's share of the live demo simulation (ModuleContext::setSimulationShare()): the follow-up
//! tasks the hub gives the centre after some incidents.
HEXHUB_CRIMINAL_INTEL_EXPORT SimulationShare simulationShare();

} // namespace hexhub::criminalintel
