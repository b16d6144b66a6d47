#pragma once

// What the video benchmark's two sides (hexhub-bench and its child) both need: CPU time from
// /proc, and the event loop left running for a while.

#include <QByteArray>
#include <QEventLoop>
#include <QFile>
#include <QList>
#include <QString>
#include <QTimer>

#include <unistd.h>

namespace hexhub::bench {

/*!
 * utime + stime, in seconds, from a /proc stat file (a process's /proc/PID/stat: all its threads; a
 * thread's /proc/self/task/TID/stat: that thread); -1 when it cannot be read (the process or thread
 * is gone). `name`, when given, receives the comm field (the thread's name).
 */
inline double cpuSecondsFromStat(const QString& statPath, QByteArray* name = nullptr)
{
    QFile stat(statPath);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // pid (comm) state ppid ...: the comm may hold spaces; from the state on, utime and stime are the
    // 12th and 13th fields
    const qsizetype open = line.indexOf('(');
    const qsizetype close = line.lastIndexOf(')');
    if (open < 0 || close < open)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    if (name)
        *name = line.mid(open + 1, close - open - 1);
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

//! Runs the event loop for `ms`: what is measured keeps running meanwhile.
inline void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace hexhub::bench
