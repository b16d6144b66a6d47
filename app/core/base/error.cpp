#include "base/error.h"

namespace hexhub {

Error::Error(const QString& message)
    : std::runtime_error(message.toStdString())
    , m_message(message)
{
}

PermissionDenied::PermissionDenied(const QString& message, const QString& permission)
    : Error(message)
    , m_permission(permission)
{
}

} // namespace hexhub
