#pragma once

#include "base/hexhubcore_export.h"

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QString>

namespace hexhub {

class Clock;
class Store;
class WriteTransaction;

//! One audited action: who did what to which object, how it ended, and from where.
struct HEXHUB_CORE_EXPORT AuditEntry
{
    QString actor;   //!< user name, or "system"
    QString action;  //!< dotted, e.g. "session.login", "user.created", "personal_data.revealed"
    QString object;  //!< what it concerned, e.g. "user:alice"
    QString detail;  //!< free text: the reason given for a reveal, the roles granted, ...
    QString outcome; //!< "success", "denied", "failed", "locked"
};

struct HEXHUB_CORE_EXPORT AuditRecord
{
    qint64 seq = 0;
    QDateTime at;
    AuditEntry entry;
    QString origin;
    QString prevHash;
    QString hash;
};

//! The result of walking the chain.
struct HEXHUB_CORE_EXPORT AuditVerification
{
    bool intact = false;
    qint64 rowsChecked = 0;
    qint64 firstBadSeq = 0;   //!< the first row that fails, 0 when intact
    QString message;          //!< one sentence for the operator
};

/*!
 * The append-only, HMAC-SHA256-chained audit log. Each row's hash authenticates (previous hash,
 * sequence, time, actor, action, object, detail, outcome, origin) with a key kept outside the
 * database; an authenticated head row records the last sequence, so cutting rows off the end shows
 * too. verify() names the first row that was edited, deleted, reordered or inserted.
 */
class HEXHUB_CORE_EXPORT AuditLog
{
public:
    AuditLog(Store& store, const Clock& clock, QByteArray key, QString origin);

    /*!
     * Loads the audit key from `path`, creating it (32 random bytes, mode 0600, folder created) on
     * first use. Throws Error when it cannot be read or created or has the wrong size.
     */
    static QByteArray loadOrCreateKey(const QString& path);
    //! The default key file: audit.key in the user's Hexhub configuration folder.
    static QString defaultKeyPath();

    //! Appends inside an ongoing write transaction, so the audit row commits with the change.
    qint64 append(WriteTransaction& txn, const AuditEntry& entry) const;
    //! Appends in a transaction of its own.
    QFuture<qint64> record(const AuditEntry& entry) const;
    //! Walks the whole chain on a reader thread.
    QFuture<AuditVerification> verify() const;
    //! One page of rows, newest first when `descending`.
    QFuture<QList<AuditRecord>> page(qint64 afterSeq, int limit) const;

    QString origin() const { return m_origin; }

private:
    Store& m_store;
    const Clock& m_clock;
    QByteArray m_key;
    QString m_origin;
};

} // namespace hexhub
