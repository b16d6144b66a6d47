#pragma once

#include "module/platform.h"
#include "settingsdialog.h"
#include "theme.h"

#include <functional>
#include <memory>
#include <optional>

class QApplication;

namespace hexhub::shell {

class Language;

//! What every desk start shares (the desk itself and the startup probe): the platform made, the
//! desk's settings read, the theme applied and the language set.
struct DeskStart
{
    std::unique_ptr<Platform> platform;
    DeskSettings settings;
    Theme theme;
};

/*!
 * Makes the platform with the settings file's store and modules unless the command line names them,
 * applies the settings' theme to `app` and sets `language` to the settings' one (else the system's,
 * else English). A problem is passed to `report`; nullopt when the platform cannot be made.
 */
std::optional<DeskStart> prepareDesk(QApplication& app, Language& language, const PlatformOptions& options,
                                     const std::function<void(const QString&)>& report);

/*!
 * Runs a desk: starts the platform without blocking the window system, asks the operator to sign in
 * (or to create the first administrator), then shows the main window until the application quits.
 * Returns the process exit code. A store that cannot be opened is reported (a message box, and
 * standard error) and ends the run with 1.
 */
int runDesk(QApplication& app, const PlatformOptions& options);

} // namespace hexhub::shell
