#pragma once

#include <QMutex>

class QSqlDatabase;

namespace hexhub::detail {

/*!
 * Lets another thread end a PostgreSQL connection's wait on the network. The thread that owns the
 * connection calls follow() whenever it opened or reopened it; cut() then shuts the connection's
 * socket down from any thread, as a failed network would, and the owner's call into libpq returns at
 * once with a connection error instead of waiting for TCP to give up (under a silent partition it
 * never does by itself while the kernel holds the sent bytes as delivered).
 *
 * It holds its own duplicate of the socket's descriptor, so a cut after the owner closed the
 * connection touches only that closed socket, never a descriptor the process has reused since.
 * SQLite connections have no socket: follow() forgets, cut() does nothing.
 */
class ConnectionCut
{
public:
    ConnectionCut() = default;
    ~ConnectionCut();
    ConnectionCut(const ConnectionCut&) = delete;
    ConnectionCut& operator=(const ConnectionCut&) = delete;

    //! On the connection's own thread, after it opened or reconnected. After cut(), a connection
    //! followed is cut at once: a reconnect racing the cut does not escape it.
    void follow(const QSqlDatabase& db);
    //! From any thread. True when there was a connection to cut.
    bool cut();

private:
    void forgetLocked();

    QMutex m_mutex;
    int m_fd = -1;
    bool m_cut = false;
};

} // namespace hexhub::detail
