#pragma once

#include "hexhub/case_management/case_management_export.h"

namespace hexhub {
class DemoContext;
}

namespace hexhub::cases {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_CASE_MANAGEMENT_EXPORT void writeDemoData(DemoContext& demo);

} // namespace hexhub::cases
