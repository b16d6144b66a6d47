#pragma once

#include "hexhub/supervision/supervision_export.h"

namespace hexhub {
class DemoContext;
}

namespace hexhub::supervision {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_SUPERVISION_EXPORT void writeDemoData(DemoContext& demo);

} // namespace hexhub::supervision
