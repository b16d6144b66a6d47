#include "security/audit.h"

#include "base/coretr.h"

#include "base/clock.h"
#include "base/error.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace hexhub {

namespace {

constexpr int kKeySize = 32;
const QString kGenesis = QStringLiteral("genesis");

void addField(QMessageAuthenticationCode& mac, const QByteArray& bytes)
{
    // Length-prefixed, so no two different rows can encode to the same bytes.
    char length[4];
    qToBigEndian(quint32(bytes.size()), length);
    mac.addData(length, 4);
    mac.addData(bytes);
}

QString rowHash(const QByteArray& key, const QString& prevHash, qint64 seq, qint64 atMs, const AuditEntry& entry,
                const QString& origin)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    addField(mac, prevHash.toUtf8());
    addField(mac, QByteArray::number(seq));
    addField(mac, QByteArray::number(atMs));
    addField(mac, entry.actor.toUtf8());
    addField(mac, entry.action.toUtf8());
    addField(mac, entry.object.toUtf8());
    addField(mac, entry.detail.toUtf8());
    addField(mac, entry.outcome.toUtf8());
    addField(mac, origin.toUtf8());
    return QString::fromLatin1(mac.result().toHex());
}

QString headMac(const QByteArray& key, qint64 seq, const QString& hash)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    addField(mac, QByteArrayLiteral("audit-head"));
    addField(mac, QByteArray::number(seq));
    addField(mac, hash.toUtf8());
    return QString::fromLatin1(mac.result().toHex());
}

bool constantTimeEqual(const QString& a, const QString& b)
{
    const QByteArray x = a.toLatin1();
    const QByteArray y = b.toLatin1();
    if (x.size() != y.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        diff |= static_cast<unsigned char>(x[i] ^ y[i]);
    return diff == 0;
}

} // namespace

AuditLog::AuditLog(Store& store, const Clock& clock, QByteArray key, QString origin)
    : m_store(store)
    , m_clock(clock)
    , m_key(std::move(key))
    , m_origin(std::move(origin))
{
}

QString AuditLog::defaultKeyPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath(QStringLiteral("audit.key"));
}

QByteArray AuditLog::loadOrCreateKey(const QString& path)
{
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            throw Error(Tr::tr("Cannot read the audit key %1: %2").arg(path, file.errorString()));
        const QByteArray key = QByteArray::fromHex(file.readAll().trimmed());
        if (key.size() != kKeySize)
            throw Error(Tr::tr("The audit key %1 is damaged (expected %2 bytes in hex).").arg(path).arg(kKeySize));
        return key;
    }
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        throw Error(Tr::tr("Cannot create the folder %1 for the audit key.").arg(folder));
    QByteArray key(kKeySize, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(key.data()), kKeySize / 4);
    // Written whole to a private temporary file, then linked into place: two desks starting at once
    // never see half a key, and the second one adopts the first one's key.
    const QString temporary = path + QStringLiteral(".%1.tmp").arg(QCoreApplication::applicationPid());
    QFile staging(temporary);
    if (!staging.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw Error(Tr::tr("Cannot create the audit key %1: %2").arg(path, staging.errorString()));
    staging.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const bool written = staging.write(key.toHex() + '\n') > 0 && staging.flush();
    staging.close();
    if (!written) {
        QFile::remove(temporary);
        throw Error(Tr::tr("Cannot write the audit key %1: %2").arg(path, staging.errorString()));
    }
    const int linked = ::link(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData());
    const int linkError = errno;
    QFile::remove(temporary);
    if (linked == 0)
        return key;
    if (linkError == EEXIST)
        return loadOrCreateKey(path); // another process made it first: use theirs
    throw Error(Tr::tr("Cannot create the audit key %1: %2").arg(path, QString::fromLocal8Bit(strerror(linkError))));
}

qint64 AuditLog::append(WriteTransaction& txn, const AuditEntry& entry) const
{
    // On a prepared PostgreSQL server the chain is the server's (a trigger numbers, links, stamps
    // and signs each row and writes the head, with a key no desk reads): the desk adds the facts.
    if (txn.dialect().name() == QLatin1String("postgresql")
        && txn.scalar(QStringLiteral("SELECT to_regclass('hexhub_audit_key') IS NOT NULL")).toBool()) {
        QSqlQuery added = txn.exec(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, "
                                                  "origin, prev_hash, hash) VALUES (0, ?, ?, ?, ?, ?, ?, ?, '', '') "
                                                  "RETURNING seq"),
                                   {m_clock.nowMs(), entry.actor, entry.action, entry.object, entry.detail, entry.outcome,
                                    m_origin});
        added.next();
        const qint64 seq = added.value(0).toLongLong();
        added.finish();
        return seq;
    }
    // One appender at a time across desks: each row links to the one before it.
    if (const QString lock = txn.dialect().exclusiveLock(SqlDialect::AuditLock); !lock.isEmpty())
        txn.exec(lock);
    QSqlQuery last = txn.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    qint64 seq = 1;
    QString prevHash = kGenesis;
    if (last.next()) {
        seq = last.value(0).toLongLong() + 1;
        prevHash = last.value(1).toString();
    }
    last.finish();
    const qint64 atMs = m_clock.nowMs();
    const QString hash = rowHash(m_key, prevHash, seq, atMs, entry, m_origin);
    txn.exec(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, "
                            "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
             {seq, atMs, entry.actor, entry.action, entry.object, entry.detail, entry.outcome, m_origin,
              prevHash, hash});
    txn.exec(QStringLiteral("INSERT INTO audit_head (id, seq, hash, mac) VALUES (1, ?, ?, ?) "
                            "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, "
                            "mac = excluded.mac"),
             {seq, hash, headMac(m_key, seq, hash)});
    return seq;
}

QFuture<qint64> AuditLog::record(const AuditEntry& entry) const
{
    return m_store.write(WriteContext{QStringLiteral("core"), entry.actor, {}},
                         [this, entry](WriteTransaction& txn) { return append(txn, entry); });
}

QFuture<QList<AuditRecord>> AuditLog::page(qint64 afterSeq, int limit) const
{
    return m_store.read([afterSeq, limit](Sql& sql) {
        QSqlQuery query = sql.exec(QStringLiteral("SELECT seq, at, actor, action, object, detail, outcome, origin, "
                                                  "prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?"),
                                   {afterSeq, limit});
        QList<AuditRecord> records;
        while (query.next()) {
            AuditRecord record;
            record.seq = query.value(0).toLongLong();
            record.at = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
            record.entry = AuditEntry{query.value(2).toString(), query.value(3).toString(), query.value(4).toString(),
                                      query.value(5).toString(), query.value(6).toString()};
            record.origin = query.value(7).toString();
            record.prevHash = query.value(8).toString();
            record.hash = query.value(9).toString();
            records << record;
        }
        return records;
    });
}

QFuture<AuditVerification> AuditLog::verify() const
{
    const QByteArray key = m_key;
    return m_store.read([key](Sql& sql) {
        AuditVerification result;
        auto broken = [&result](qint64 seq, const QString& message) {
            result.intact = false;
            result.firstBadSeq = seq;
            result.message = message;
            return result;
        };
        QSqlQuery query = sql.exec(QStringLiteral("SELECT seq, at, actor, action, object, detail, outcome, origin, "
                                                  "prev_hash, hash FROM audit_log ORDER BY seq"));
        qint64 expectedSeq = 1;
        QString prevHash = kGenesis;
        while (query.next()) {
            const qint64 seq = query.value(0).toLongLong();
            const AuditEntry entry{query.value(2).toString(), query.value(3).toString(), query.value(4).toString(),
                                   query.value(5).toString(), query.value(6).toString()};
            const QString rowPrev = query.value(8).toString();
            const QString hash = query.value(9).toString();
            if (seq != expectedSeq) {
                return broken(expectedSeq, seq > expectedSeq
                    ? Tr::tr("Audit row %1 is missing: the sequence jumps from %2 to %3 (rows deleted).")
                          .arg(expectedSeq).arg(expectedSeq - 1).arg(seq)
                    : Tr::tr("Audit row %1 is out of sequence.").arg(seq));
            }
            if (!constantTimeEqual(rowPrev, prevHash))
                return broken(seq, Tr::tr("Audit row %1 does not follow row %2: its link to the previous row is "
                                      "wrong (rows reordered, inserted or deleted).").arg(seq).arg(seq - 1));
            const QString expected = rowHash(key, prevHash, seq, query.value(1).toLongLong(), entry,
                                             query.value(7).toString());
            if (!constantTimeEqual(hash, expected))
                return broken(seq, Tr::tr("Audit row %1 does not match its signature: its contents were changed "
                                      "or it was not written by Hexhub.").arg(seq));
            prevHash = hash;
            ++expectedSeq;
            ++result.rowsChecked;
        }
        query.finish();
        const qint64 lastSeq = expectedSeq - 1;
        QSqlQuery head = sql.exec(QStringLiteral("SELECT seq, hash, mac FROM audit_head WHERE id = 1"));
        if (head.next()) {
            const qint64 headSeq = head.value(0).toLongLong();
            const QString headHash = head.value(1).toString();
            if (!constantTimeEqual(head.value(2).toString(), headMac(key, headSeq, headHash)))
                return broken(lastSeq + 1, Tr::tr("The audit log's head record was altered."));
            if (headSeq != lastSeq || !constantTimeEqual(headHash, prevHash))
                return broken(std::min(headSeq, lastSeq + 1),
                              Tr::tr("The audit log ends at row %1 but its head records row %2: rows were "
                                 "deleted from the end.").arg(lastSeq).arg(headSeq));
        } else if (lastSeq > 0) {
            return broken(1, Tr::tr("The audit log's head record is missing."));
        }
        result.intact = true;
        result.message = Tr::tr("The audit chain is intact: %n row(s) verified.", nullptr, int(result.rowsChecked));
        return result;
    });
}

} // namespace hexhub
