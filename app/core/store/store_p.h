#pragma once

#include <QMutex>
#include <QSqlDatabase>
#include <QThread>
#include <QWaitCondition>

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
    //! Runs the jobs already queued, then closes the connection and ends the thread.
    void stop();

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
};

} // namespace hexhub::detail
