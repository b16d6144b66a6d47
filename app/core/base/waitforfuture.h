#pragma once

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

#include <type_traits>

namespace hexhub {

/*!
 * Waits for `future` while running this thread's event loop, so continuations queued to this
 * thread (the Platform's start-up steps) still run. Returns false when `timeoutMs` (if positive)
 * passed first. For command-line tools, benchmarks and tests; a window never waits like this.
 */
template <typename T>
bool waitForFuture(QFuture<T> future, int timeoutMs = -1)
{
    if (future.isFinished())
        return true;
    QEventLoop loop;
    QFutureWatcher<T> watcher;
    QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
    if (timeoutMs > 0)
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.isFinished();
}

//! waitForFuture(), then the result; rethrows the job's exception.
template <typename T>
T resultOf(QFuture<T> future)
{
    waitForFuture(future);
    if constexpr (std::is_void_v<T>)
        future.waitForFinished();
    else
        return future.result();
}

} // namespace hexhub
