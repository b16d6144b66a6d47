#pragma once
// The custody suite's dashboard (CENTRES.md "The desk"): over the period a supervisor picks, the
// people booked in and how they left, how long they were held, the welfare checks made and how many
// late; now, who is in the suite, checks missed and limits run out.

#include "centredashboard.h"

namespace hexhub::cases {

//! The figures for `period`; runs on a reader thread.
DashboardReading readCustodyDashboard(Sql& sql, const DashboardPeriod& period);

} // namespace hexhub::cases
