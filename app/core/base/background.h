#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <exception>
#include <memory>
#include <type_traits>

namespace hexhub {

/*!
 * Runs `job` on Qt's global thread pool and returns its future. Unlike QtConcurrent::run, an
 * exception keeps its type through the future (QtConcurrent wraps anything that is not a
 * QException into QUnhandledException), so callers can catch PermissionDenied and friends.
 */
template <typename F>
auto runInBackground(F&& job) -> QFuture<std::invoke_result_t<F&>>
{
    using R = std::invoke_result_t<F&>;
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, job = std::forward<F>(job)]() mutable {
        try {
            if constexpr (std::is_void_v<R>) {
                job();
            } else {
                promise->addResult(job());
            }
        } catch (...) {
            promise->setException(std::current_exception());
        }
        promise->finish();
    });
    return future;
}

} // namespace hexhub
