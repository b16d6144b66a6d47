#pragma once
// What every Hexhub chart does the same way (the hub's dashboard, the centres' dashboards): bars
// with whole-number value steps and text keys, and the look that follows the place it is in (a
// desk's palette and type, or a wall's large night type). For the on-demand chart libraries only:
// it includes QCustomPlot's header, which uses Qt's lower-case keywords and foreach: the files that
// include it are compiled with both (QT_NO_KEYWORDS and QT_NO_FOREACH undefined, see CMakeLists.txt).
#include <qcustomplot.h>

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

namespace hexhub::chartkit {

//! A plot with a title row, no interactions, the title's text element named `name + "Title"`.
QCustomPlot* titledPlot(QWidget* parent, const QString& name);
//! The plot's title element (row 0), or null.
QCPTextElement* titleOf(QCustomPlot* plot);

//! Bars of `values` keyed by `labels` (across when `horizontal`), in `colour`, the value axis from 0
//! with whole-number ticks.
void bars(QCustomPlot* plot, const QList<double>& values, const QStringList& labels, const QColor& colour, bool horizontal);

/*!
 * Colours and type from `probe` (a polished label with no style of its own in the chart's place):
 * its text colour (or `textColour` when given) for axes, ticks and titles, a faint dotted grid, no
 * background; tick labels at 0.7 and titles at 0.85 of its type, bold. Replots (queued).
 */
void style(QCustomPlot* plot, QWidget* probe, const QColor& textColour = {});

} // namespace hexhub::chartkit
