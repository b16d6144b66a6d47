#pragma once

#include "base/hexhubcore_export.h"

#include <QString>

#include <stdexcept>

namespace hexhub {

/*!
 * Base of the errors Hexhub's core services report. The message is already translated and written
 * for the operator: it says what failed and, where we know it, what to do about it. Errors travel
 * through QFuture (QPromise::setException) from the store's threads back to the caller.
 */
class HEXHUB_CORE_EXPORT Error : public std::runtime_error
{
public:
    explicit Error(const QString& message);
    QString message() const { return m_message; }

private:
    QString m_message;
};

//! The store could not be opened, read or written.
class HEXHUB_CORE_EXPORT StoreError : public Error
{
public:
    using Error::Error;
};

//! The store's server cannot be reached (or the connection dropped during a job): nothing was
//! decided about the data, and the same job may be tried again once the store is back.
class HEXHUB_CORE_EXPORT StoreUnavailable : public StoreError
{
public:
    using StoreError::StoreError;
};

//! A schema migration is missing, changed, newer than this build, or failed to apply.
class HEXHUB_CORE_EXPORT MigrationError : public Error
{
public:
    using Error::Error;
};

//! The signed-in user lacks the permission an operation needs.
class HEXHUB_CORE_EXPORT PermissionDenied : public Error
{
public:
    PermissionDenied(const QString& message, const QString& permission);
    QString permission() const { return m_permission; }

private:
    QString m_permission;
};

//! Input that breaks a rule (a weak password, a malformed topic, an unknown role, ...).
class HEXHUB_CORE_EXPORT ValidationError : public Error
{
public:
    using Error::Error;
};

//! The record changed since the caller read it (another desk, another window): reload and retry.
class HEXHUB_CORE_EXPORT ConflictError : public Error
{
public:
    using Error::Error;
};

//! The record asked for does not exist (any more).
class HEXHUB_CORE_EXPORT NotFoundError : public Error
{
public:
    using Error::Error;
};

/*!
 * Not an error of the data: the server was away, so the command was kept in this desk's outbox
 * (durably, with its command id) and is sent when the server is back and an operator is signed in.
 * A view shows the work as waiting; nothing was lost. `summary` is the command in the operator's
 * words.
 */
class HEXHUB_CORE_EXPORT CommandQueued : public Error
{
public:
    CommandQueued(const QString& message, const QString& summary) : Error(message), m_summary(summary) {}
    QString summary() const { return m_summary; }

private:
    QString m_summary;
};

} // namespace hexhub
