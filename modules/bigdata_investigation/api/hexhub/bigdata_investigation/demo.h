#pragma once

#include "hexhub/bigdata_investigation/bigdata_investigation_export.h"

namespace hexhub {
class DemoContext;
}

namespace hexhub::bigdata {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT void writeDemoData(DemoContext& demo);

} // namespace hexhub::bigdata
