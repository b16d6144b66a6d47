#pragma once
// What the multi-desk tests share: a plain connection to a database on the test server, outside
// Hexhub, to set it up and to look at it as the server holds it; a relay that fails the network;
// what became of a command made while the server may be away.

#include "base/error.h"
#include "store/sqldialect.h"

#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QFuture>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUuid>
#include <QVariant>

#include <atomic>


namespace hexhub::test::desktest {

using namespace hexhub;
using namespace hexhub::test;


// A plain connection to the test database, outside Hexhub.
struct RawPg
{
    QString name = QStringLiteral("rawpg-") + QUuid::createUuid().toString(QUuid::Id128);
    explicit RawPg(const StoreUrl& url)
    {
        openStoreConnection(PostgreSqlDialect(url.options), url, name, true);
    }
    ~RawPg()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    QSqlQuery exec(const QString& sql)
    {
        QSqlQuery q(QSqlDatabase::database(name));
        if (!q.exec(sql))
            FAIL(q.lastError().text().toStdString());
        return q;
    }
    QVariant scalar(const QString& sql)
    {
        QSqlQuery q = exec(sql);
        return q.next() ? q.value(0) : QVariant();
    }
    QVariant scalar(const QString& sql, const QVariantList& binds)
    {
        QSqlQuery q(QSqlDatabase::database(name));
        if (!q.prepare(sql))
            FAIL(q.lastError().text().toStdString());
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        if (!q.exec())
            FAIL(q.lastError().text().toStdString());
        return q.next() ? q.value(0) : QVariant();
    }
};


/*!
 * A TCP relay in front of the test server, so one desk can lose the network while the others keep
 * working. It runs on its own thread, so it keeps relaying while the test thread waits on a desk.
 * - cut(): drops every relayed connection and turns new ones away at once, as a pulled cable or a
 *   dead switch port does to that desk; restore() lets connections through again.
 * - silence(): from then on forwards nothing either way and closes nothing, as a firewall dropping
 *   packets does; droppedBytes() counts what it swallowed (a desk's statement sent into the void).
 */
class TcpRelay
{
public:
    TcpRelay(const QString& host, quint16 port)
    {
        m_thread.start();
        m_relay = new Relay(host, port, m_silent, m_dropped);
        m_relay->moveToThread(&m_thread);
        QMetaObject::invokeMethod(m_relay, &Relay::listen, Qt::BlockingQueuedConnection, &m_port);
        REQUIRE(m_port != 0);
    }
    ~TcpRelay()
    {
        QMetaObject::invokeMethod(m_relay, [relay = m_relay] { delete relay; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    TcpRelay(const TcpRelay&) = delete;
    TcpRelay& operator=(const TcpRelay&) = delete;

    quint16 port() const { return m_port; }
    //! `url` with its host and port pointing through this relay.
    StoreUrl through(StoreUrl url) const
    {
        url.host = QStringLiteral("127.0.0.1");
        url.port = m_port;
        return url;
    }
    void cut() { QMetaObject::invokeMethod(m_relay, [r = m_relay] { r->setCut(true); }, Qt::BlockingQueuedConnection); }
    void restore()
    {
        m_silent = false;
        QMetaObject::invokeMethod(m_relay, [r = m_relay] { r->setCut(false); }, Qt::BlockingQueuedConnection);
    }
    void silence() { m_silent = true; }
    qint64 droppedBytes() const { return m_dropped.load(); }

private:
    class Relay : public QObject
    {
    public:
        Relay(QString host, quint16 port, const std::atomic_bool& silent, std::atomic<qint64>& dropped)
            : m_host(std::move(host))
            , m_port(port)
            , m_silent(silent)
            , m_dropped(dropped)
        {
        }
        quint16 listen()
        {
            m_server = new QTcpServer(this);
            if (!m_server->listen(QHostAddress::LocalHost, 0))
                return 0;
            connect(m_server, &QTcpServer::newConnection, this, [this] {
                while (QTcpSocket* in = m_server->nextPendingConnection())
                    relay(in);
            });
            return m_server->serverPort();
        }
        void setCut(bool cut)
        {
            m_cut = cut;
            if (cut) {
                for (QTcpSocket* socket : findChildren<QTcpSocket*>())
                    socket->abort();
            }
        }

    private:
        void relay(QTcpSocket* in)
        {
            in->setParent(this);
            if (m_cut) {
                in->abort();
                in->deleteLater();
                return;
            }
            auto* out = new QTcpSocket(this);
            out->connectToHost(m_host, m_port); // writes made while connecting go out once connected
            for (auto [a, b] : {std::pair{in, out}, std::pair{out, in}}) {
                connect(a, &QTcpSocket::readyRead, b, [this, a, b] {
                    const QByteArray bytes = a->readAll();
                    if (m_silent)
                        m_dropped += bytes.size();
                    else
                        b->write(bytes);
                });
                // Silent, nothing is passed on: not even a close.
                connect(a, &QTcpSocket::disconnected, b, [this, b] {
                    if (!m_silent)
                        b->disconnectFromHost();
                });
                connect(a, &QTcpSocket::errorOccurred, b, [this, b](QAbstractSocket::SocketError) {
                    if (!m_silent)
                        b->abort();
                });
                connect(a, &QTcpSocket::disconnected, a, &QObject::deleteLater);
            }
        }

        QString m_host;
        quint16 m_port;
        const std::atomic_bool& m_silent;
        std::atomic<qint64>& m_dropped;
        QTcpServer* m_server = nullptr;
        bool m_cut = false;
    };

    QThread m_thread;
    Relay* m_relay = nullptr;
    quint16 m_port = 0;
    std::atomic_bool m_silent{false};
    std::atomic<qint64> m_dropped{0};
};

/*!
 * What became of a command made while the server may be away: the summary it was kept with in the
 * desk's outbox, "not kept: " and why it was refused, or "applied at once".
 */
template <typename T>
QString queuedSummary(QFuture<T> future)
{
    try {
        future.waitForFinished();
    } catch (const CommandQueued& kept) {
        return kept.summary();
    } catch (const std::exception& e) {
        return QStringLiteral("not kept: ") + QString::fromUtf8(e.what());
    }
    return QStringLiteral("applied at once");
}

//! queuedSummary() once the command has finished (waiting up to 30 s for it).
template <typename T>
QString queuedWhenDone(QFuture<T> future)
{
    REQUIRE(waitUntil([&] { return future.isFinished(); }, 30000));
    return queuedSummary(future);
}

} // namespace hexhub::test::desktest
