#pragma once

#include <QThread>

#include <memory>

namespace hexhub::shell {

/*
 * Work a desk's first frame needs that another thread can do while the GUI thread opens the store
 * and loads the modules (hexhub-bench startup, where these two were a quarter of the time to the
 * first frame):
 *  - the font database: fontconfig reads and parses its configuration at the first text laid out;
 *  - the image format plugins: the first image read (a style's icon, a dock's title buttons) makes
 *    Qt load each installed plugin.
 * Both are thread-safe in Qt: the GUI thread finds them ready, or waits for the rest under Qt's own
 * locks. Made after the QApplication and destroyed before it; the destructor waits for the thread.
 */
class StartupWarmUp final
{
public:
    StartupWarmUp();
    ~StartupWarmUp();
    StartupWarmUp(const StartupWarmUp&) = delete;
    StartupWarmUp& operator=(const StartupWarmUp&) = delete;

private:
    std::unique_ptr<QThread> m_thread;
};

} // namespace hexhub::shell
