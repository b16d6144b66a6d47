#pragma once

#include <QString>

class QApplication;

namespace hexhub::shell {

/*!
 * `hexhub --screenshots DIR`: renders, offscreen, the main window on each module, the command palette
 * and the sign-in dialog, in the day and night themes and in English and Chinese, to PNG files named
 * after what they show (main-hub-night-zh_CN.png). Uses a throw-away store with a trainer signed in,
 * so every module is open. Returns the exit code; names each file it writes on `log`.
 */
int renderScreenshots(QApplication& app, const QString& folder, const QString& modulePathOverride = {});

} // namespace hexhub::shell
