#include "base/settings.h"

namespace hexhub {

Settings::Settings(std::shared_ptr<QSettings> file, QString group)
    : m_file(std::move(file))
    , m_group(std::move(group))
{
}

QVariant Settings::value(const QString& key, const QVariant& defaultValue) const
{
    return m_file->value(fullKey(key), defaultValue);
}

void Settings::setValue(const QString& key, const QVariant& value)
{
    m_file->setValue(fullKey(key), value);
}

void Settings::remove(const QString& key)
{
    m_file->remove(fullKey(key));
}

bool Settings::contains(const QString& key) const
{
    return m_file->contains(fullKey(key));
}

QStringList Settings::keys() const
{
    m_file->beginGroup(m_group);
    const QStringList result = m_file->allKeys();
    m_file->endGroup();
    return result;
}

} // namespace hexhub
