#pragma once
// The centre's dashboard (CENTRES.md "The desk"): over the period the analyst picks, the leads taken
// in and where from, how they were graded and decided, how long a first look took; now, what waits
// and what is past its limit.

#include "centredashboard.h"

namespace hexhub::criminalintel {

//! The figures for `period`; runs on a reader thread.
DashboardReading readIntelDashboard(Sql& sql, const DashboardPeriod& period);

} // namespace hexhub::criminalintel
