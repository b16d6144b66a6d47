#pragma once

#include "hexhub/basic_control/basic_control_export.h"

namespace hexhub {
class DemoContext;
}

namespace hexhub::basiccontrol {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_BASIC_CONTROL_EXPORT void writeDemoData(DemoContext& demo);

} // namespace hexhub::basiccontrol
