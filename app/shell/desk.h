#pragma once

#include "platform.h"

class QApplication;

namespace hexhub::shell {

/*!
 * Runs a desk: starts the platform without blocking the window system, asks the operator to sign in
 * (or to create the first administrator), then shows the main window until the application quits.
 * Returns the process exit code. A store that cannot be opened is reported (a message box, and
 * standard error) and ends the run with 1.
 */
int runDesk(QApplication& app, const PlatformOptions& options);

} // namespace hexhub::shell
