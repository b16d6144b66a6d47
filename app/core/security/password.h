#pragma once

#include "base/hexhubcore_export.h"

#include <QByteArray>
#include <QString>

namespace hexhub {

//! A stored password: PBKDF2-HMAC-SHA256 digest, its salt and iteration count.
struct HEXHUB_CORE_EXPORT PasswordHash
{
    QByteArray digest;
    QByteArray salt;
    int iterations = 0;
};

/*!
 * Derives and checks password digests: PBKDF2-HMAC-SHA256 (RFC 8018), a fresh 16-byte
 * salt from the system's random source for every password, and a constant-time comparison. The
 * iteration count is stored with each hash, so raising it later does not lock anybody out.
 */
class HEXHUB_CORE_EXPORT PasswordHasher
{
public:
    static constexpr int kDefaultIterations = 600000;
    static constexpr int kSaltBytes = 16;
    static constexpr int kDigestBytes = 32;

    explicit PasswordHasher(int iterations = kDefaultIterations);
    int iterations() const { return m_iterations; }

    PasswordHash hash(const QString& password) const;
    static bool verify(const QString& password, const PasswordHash& stored);
    static bool constantTimeEqual(const QByteArray& a, const QByteArray& b);
    //! PBKDF2 with HMAC-SHA256: `bytes` bytes of key from `password` and `salt`.
    static QByteArray pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations, int bytes);

    /*!
     * Why `password` is too weak for account `userName`, or an empty string when it is acceptable:
     * at least 12 characters, three of lower case, upper case, digits and symbols, not containing the
     * account name, not a well-known password.
     */
    static QString weakness(const QString& password, const QString& userName);

private:
    int m_iterations;
};

} // namespace hexhub
