#include "security/password.h"

#include "base/coretr.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace hexhub {

QByteArray PasswordHasher::pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations, int bytes)
{
    // RFC 8018, section 5.2, with HMAC-SHA256 from QtCore: the same digests QPasswordDigestor makes,
    // without QtNetwork (and the dozen libraries it brings) in every process that starts a desk.
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, password);
    QByteArray key;
    for (quint32 block = 1; key.size() < bytes; ++block) {
        const char index[4] = {char(block >> 24), char(block >> 16), char(block >> 8), char(block)};
        mac.reset();
        mac.addData(salt);
        mac.addData(index, 4);
        QByteArray u = mac.result();
        QByteArray t = u;
        for (int i = 1; i < iterations; ++i) {
            mac.reset();
            mac.addData(u);
            u = mac.result();
            for (qsizetype k = 0; k < t.size(); ++k)
                t[k] = char(t[k] ^ u[k]);
        }
        key += t;
    }
    return key.left(bytes);
}

namespace {
QByteArray derive(const QString& password, const QByteArray& salt, int iterations)
{
    return PasswordHasher::pbkdf2Sha256(password.toUtf8(), salt, iterations, PasswordHasher::kDigestBytes);
}
} // namespace

PasswordHasher::PasswordHasher(int iterations)
    : m_iterations(iterations)
{
}

PasswordHash PasswordHasher::hash(const QString& password) const
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(salt.data()), kSaltBytes / 4);
    return PasswordHash{derive(password, salt, m_iterations), salt, m_iterations};
}

bool PasswordHasher::verify(const QString& password, const PasswordHash& stored)
{
    if (stored.iterations <= 0 || stored.salt.isEmpty() || stored.digest.isEmpty())
        return false;
    return constantTimeEqual(derive(password, stored.salt, stored.iterations), stored.digest);
}

bool PasswordHasher::constantTimeEqual(const QByteArray& a, const QByteArray& b)
{
    // Touches every byte whatever the contents, so timing says nothing about where they differ.
    const qsizetype n = std::max(a.size(), b.size());
    unsigned diff = unsigned(a.size() ^ b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        diff |= unsigned(x ^ y);
    }
    return diff == 0;
}

QString PasswordHasher::weakness(const QString& password, const QString& userName)
{
    if (password.size() < 12)
        return Tr::tr("The password is too short: use at least 12 characters.");
    int classes = 0;
    bool lower = false, upper = false, digit = false, other = false;
    for (const QChar c : password) {
        if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else
            other = true;
    }
    classes = int(lower) + int(upper) + int(digit) + int(other);
    if (classes < 3)
        return Tr::tr("The password needs at least three of: lower-case letters, upper-case letters, digits, "
                  "symbols.");
    if (!userName.isEmpty() && password.contains(userName, Qt::CaseInsensitive))
        return Tr::tr("The password must not contain the account name.");
    static const char* const common[] = {"password", "123456", "qwerty", "admin", "letmein", "welcome",
                                         "hexhub", "iloveyou", "abc123", "111111"};
    const QString lowered = password.toLower();
    for (const char* word : common) {
        if (lowered.contains(QLatin1String(word)))
            return Tr::tr("The password contains a well-known word or sequence; choose another.");
    }
    return {};
}

} // namespace hexhub
