#pragma once
// A centre's dashboard (CENTRES.md "The desk"): the few numbers that matter as tiles and QCustomPlot
// bar charts, over a period the user picks (the last 7, 30, 90 or 365 days, or from a date to a
// date). The module says what to read (in SQL, on a reader thread) for a period; the dashboard reads
// it off the GUI thread when the period changes, when the module's events arrive, and each clock
// minute, and draws it in the desk's or the wall's colours.
//
// QCustomPlot loads with the first dashboard shown (hexhub_centre_charts.so, like the hub's), not
// at every desk's start: createCentreDashboard() finds it.

#include "hexhubwidgets_export.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace hexhub {

class Clock;
class EventBus;
class Sql;
class Store;

struct DashboardTile
{
    QString caption; //!< translated
    QString value;   //!< as shown: "42", "3.5 h", "-"
    bool alarm = false; //!< shown in red: something is overdue
};

struct DashboardChart
{
    QString title;        //!< translated
    QStringList labels;   //!< one per bar
    QList<double> values; //!< one per bar
    bool horizontal = false; //!< bars across, for long labels
    QColor colour{0x2e, 0x86, 0xde};
};

//! What a dashboard shows for a period.
struct DashboardReading
{
    QList<DashboardTile> tiles;
    QList<DashboardChart> charts;
};

//! [from, to) in Clock milliseconds.
struct DashboardPeriod
{
    qint64 fromMs = 0, toMs = 0;
    int days() const { return int((toMs - fromMs + 86'399'999) / 86'400'000); }
};

struct CentreDashboardSpec
{
    QString objectName;  //!< the view's id, e.g. "bigdata_investigation.dashboard"
    Store* store = nullptr;
    EventBus* bus = nullptr;
    Clock* clock = nullptr;
    QStringList reloadOn; //!< topic prefixes that change what it shows, e.g. "model_hit."
    //! Reads the figures for a period; runs on a reader thread (no widgets), translated texts allowed.
    std::function<DashboardReading(Sql& sql, const DashboardPeriod& period)> read;
    int defaultDays = 30; //!< 7, 30, 90 or 365
};

/*!
 * The dashboard widget, or null with `error` saying why (the charts library could not load). Object
 * names: "period" (the choice), "from" and "to" (custom dates), "tile0"...; "chart0"... the plots.
 */
HEXHUB_WIDGETS_EXPORT QWidget* createCentreDashboard(const CentreDashboardSpec& spec, QWidget* parent, QString* error = nullptr);
//! The dashboard, or in its place a line saying why it cannot be shown: what a module's view factory returns.
HEXHUB_WIDGETS_EXPORT QWidget* centreDashboardOrWhy(const CentreDashboardSpec& spec, QWidget* parent);

//! Bar values with whole-number steps: days of a period as "MM-dd" labels, or weeks past 60 days.
struct HEXHUB_WIDGETS_EXPORT DayBuckets
{
    DayBuckets(const DashboardPeriod& period);
    int count() const { return int(labels.size()); }
    //! The bucket of a time in the period, or -1.
    int bucketOf(qint64 ms) const;
    QStringList labels;
    qint64 fromMs = 0, bucketMs = 0;
};

} // namespace hexhub
