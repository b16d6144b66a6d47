#pragma once

#include "hexhub/political_security/political_security_export.h"

namespace hexhub {
class DemoContext;
}

namespace hexhub::politicalsecurity {

//! The module's demo hook (ModuleContext::setDemoData()): its share of the synthetic history.
HEXHUB_POLITICAL_SECURITY_EXPORT void writeDemoData(DemoContext& demo);

} // namespace hexhub::politicalsecurity
