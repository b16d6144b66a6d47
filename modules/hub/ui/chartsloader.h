#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace hexhub::hub {

struct HubContext;

/*!
 * The dashboard lives in a library of its own (hexhub_hub_charts, beside the program's other
 * on-demand libraries) that the hub loads the first time a dashboard is opened: QCustomPlot and Qt
 * Print Support then cost nothing at a desk's start. Returns null, with `error` set, when the
 * library cannot be loaded.
 */
QWidget* createDashboard(HubContext& hub, QWidget* parent, QString* error);

/*!
 * The video panel, the same way (hexhub_hub_video): Qt Multimedia and GStreamer load when video is
 * first shown, not at every desk's start. `currentIncident` gives the incident selected on the board.
 */
QWidget* createVideoPanel(HubContext& hub, std::function<qint64()> currentIncident, QWidget* parent, QString* error);

} // namespace hexhub::hub
