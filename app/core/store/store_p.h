#pragma once

#include "store/connectioncut.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QSqlDatabase>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <exception>
#include <functional>

namespace hexhub::detail {

/*!
 * A thread that owns one SQL connection and runs jobs on it in order. The connection is opened by
 * `open` on the thread itself (Qt SQL connections belong to the thread that made them); when opening
 * fails, every job is failed with that error instead of being run.
 */
class SqlThread final : public QThread
{
public:
    struct Job
    {
        std::function<void(QSqlDatabase&)> run;
        std::function<void(std::exception_ptr)> fail;
    };
    using Opener = std::function<QSqlDatabase(const QString& connectionName)>;
    using ReadyCallback = std::function<void(std::exception_ptr)>;

    SqlThread(QString connectionName, Opener open, ReadyCallback ready);
    ~SqlThread() override;

    void post(Job job);
    /*!
     * Asks the thread to end: it runs the jobs already queued, then closes the connection. A job
     * posted after the thread ended fails with `left` at once.
     */
    void requestStop(std::exception_ptr left);
    //! Waits for the thread to end until `deadline`; true when it has.
    bool waitUntil(QDeadlineTimer deadline) { return !isRunning() || wait(deadline); }
    /*!
     * Gives up waiting on the thread's work: the connection is cut (the job on it fails as on a
     * lost connection, and a connection it opens from now on is cut as it opens) and the jobs still
     * queued fail with the error requestStop() was given. True when there was a connection to cut.
     */
    bool abandon();
    //! The SqlThread running the caller, if it is one.
    static SqlThread* current();
    //! On this thread, after its connection opened or reopened: what abandon() cuts.
    void followConnection(const QSqlDatabase& db) { m_cut.follow(db); }
    //! True once abandon() was called: the thread must not connect again.
    bool abandoning() const { return m_abandon.load(); }


protected:
    void run() override;

private:
    QString m_connectionName;
    Opener m_open;
    ReadyCallback m_ready;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    bool m_ended = false;
    std::atomic_bool m_abandon{false};
    std::exception_ptr m_left;
    ConnectionCut m_cut;
};

} // namespace hexhub::detail
