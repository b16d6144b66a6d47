#include "store/connectioncut.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexhub::detail {

namespace {

int socketOf(const QSqlDatabase& db)
{
    if (!db.isValid() || !db.isOpen() || !db.driver())
        return -1;
    // The PostgreSQL driver hands out its PGconn* (see QSqlDriver::handle()); Qt 6 names the type
    // by the struct behind the typedef.
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return -1;
    const PGconn* connection = *static_cast<PGconn* const*>(handle.constData());
    return connection ? PQsocket(connection) : -1;
}

bool sameSocket(int a, int b)
{
    struct stat sa{};
    struct stat sb{};
    return ::fstat(a, &sa) == 0 && ::fstat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

} // namespace

ConnectionCut::~ConnectionCut()
{
    QMutexLocker lock(&m_mutex);
    forgetLocked();
}

void ConnectionCut::follow(const QSqlDatabase& db)
{
    const int socket = socketOf(db);
    QMutexLocker lock(&m_mutex);
    if (socket < 0) {
        forgetLocked();
        return;
    }
    if (m_fd >= 0 && sameSocket(m_fd, socket))
        return;
    forgetLocked();
    m_fd = ::fcntl(socket, F_DUPFD_CLOEXEC, 0);
    if (m_cut && m_fd >= 0)
        ::shutdown(m_fd, SHUT_RDWR);
}

bool ConnectionCut::cut()
{
    QMutexLocker lock(&m_mutex);
    m_cut = true;
    if (m_fd < 0)
        return false;
    // Both ways: the owner's poll() wakes with end-of-file and libpq reports the connection lost.
    return ::shutdown(m_fd, SHUT_RDWR) == 0;
}

void ConnectionCut::forgetLocked()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

} // namespace hexhub::detail
