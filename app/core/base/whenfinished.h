#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace hexhub {

/*!
 * Calls `handler(future)` on `owner`'s thread once `future` has finished, always later through the
 * event loop (never inside this call), and never after `owner` is gone: the watcher is `owner`'s
 * child, so destroying `owner` disconnects it from the future. Prefer this to QFuture::then(context)
 * for objects that may be destroyed while a store read is still running: Qt 6.4's context
 * continuations check the context from the finishing thread, which races with its destruction.
 */
template <typename T, typename Handler>
void whenFinished(QObject* owner, const QFuture<T>& future, Handler&& handler)
{
    auto* watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner,
                     [watcher, handler = std::forward<Handler>(handler)]() mutable {
                         watcher->deleteLater();
                         handler(watcher->future());
                     });
    watcher->setFuture(future);
}

} // namespace hexhub
