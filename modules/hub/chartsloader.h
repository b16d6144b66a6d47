#pragma once

#include <QString>

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

} // namespace hexhub::hub
