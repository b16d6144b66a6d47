#pragma once
// The centre's dashboard (CENTRES.md "The desk"): over the period the analyst picks, the hits the
// models found and what people decided, how long hits waited for a person, the datasets imported;
// now, what waits and what is overdue.

#include "centredashboard.h"

namespace hexhub::bigdata {

//! The figures for `period`; runs on a reader thread.
DashboardReading readBigDataDashboard(Sql& sql, const DashboardPeriod& period);

} // namespace hexhub::bigdata
