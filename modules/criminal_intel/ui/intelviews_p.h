#pragma once
// What the centre's views say the same way: an error as the user reads it, a day as analysts write it.
#include <QDateTime>
#include <QString>

#include <exception>

namespace hexhub::criminalintel {

inline QString errorText(const std::exception& e)
{
    return QString::fromUtf8(e.what());
}

//! "2026-03-02", or nothing for no time.
inline QString day(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

} // namespace hexhub::criminalintel
