#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <exception>
#include <memory>
#include <type_traits>

namespace hexhub {

/*!
 * Runs `job` on `pool` and returns its future. Unlike QtConcurrent::run, an exception keeps its
 * type through the future (QtConcurrent wraps anything that is not a QException into
 * QUnhandledException), so callers can catch PermissionDenied and friends. A job that uses an
 * object runs on a pool that object owns (and so waits for at its end), never on the global pool,
 * which outlives it.
 */
template <typename F>
auto runInBackground(QThreadPool& pool, F&& job) -> QFuture<std::invoke_result_t<F&>>
{
    using R = std::invoke_result_t<F&>;
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    pool.start([promise, job = std::forward<F>(job)]() mutable {
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

//! runInBackground() on Qt's global pool: for a job that holds what it uses (copies, shared pointers).
template <typename F>
auto runInBackground(F&& job) -> QFuture<std::invoke_result_t<F&>>
{
    return runInBackground(*QThreadPool::globalInstance(), std::forward<F>(job));
}

} // namespace hexhub
