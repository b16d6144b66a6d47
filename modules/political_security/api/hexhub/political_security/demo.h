#pragma once

#include "hexhub/political_security/political_security_export.h"

namespace hexhub {
struct SimulationShare;
class DemoContext;
}

namespace hexhub::politicalsecurity {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_POLITICAL_SECURITY_EXPORT void writeDemoData(DemoContext& demo);
//! The module's share of the live demo simulation (ModuleContext::setSimulationShare()): the follow-up
//! tasks the hub gives the centre after some incidents.
HEXHUB_POLITICAL_SECURITY_EXPORT SimulationShare simulationShare();

} // namespace hexhub::politicalsecurity
