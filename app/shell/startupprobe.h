#pragma once

#include <QString>

class QApplication;

namespace hexhub::shell {

/*!
 * `hexhub --startup-probe`, for `hexhub-bench startup`: a desk's start with the operator signed in by
 * the flag instead of the sign-in dialog. On the store in `folder` (created on the first start there,
 * the trainer with it; opened as it is on later ones) it starts the platform with every
 * module, signs a trainer in, builds and shows the main window as a desk does, prints one line once
 * the window is exposed and its first frame painted, and exits. The line: `shown modules=7`, then
 * `phase=ms` for each phase's end in milliseconds from the probe's start (the QApplication built):
 * setup (settings, theme, language), platform (store, migrations, outbox, modules), user, signin,
 * window (built), shown (on screen).
 * Returns the exit code: 1 when the platform cannot start or a module did not load.
 */
int runStartupProbe(QApplication& app, const QString& folder, const QString& modulePathOverride = {});

} // namespace hexhub::shell
