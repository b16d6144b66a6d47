#pragma once

#include "hexhub/criminal_intel/criminal_intel_export.h"

namespace hexhub {
class DemoContext;
}

namespace hexhub::criminalintel {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_CRIMINAL_INTEL_EXPORT void writeDemoData(DemoContext& demo);

} // namespace hexhub::criminalintel
