#pragma once

#include "base/hexhubcore_export.h"

#include <QSettings>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace hexhub {

/*!
 * A module's own corner of the desk's settings file: keys are kept under the module's id, so modules
 * never step on each other. The file is given to the constructor (no process-wide default), kept in
 * memory and written back by QSettings.
 */
class HEXHUB_CORE_EXPORT Settings
{
public:
    Settings(std::shared_ptr<QSettings> file, QString group);

    QVariant value(const QString& key, const QVariant& defaultValue = {}) const;
    void setValue(const QString& key, const QVariant& value);
    void remove(const QString& key);
    bool contains(const QString& key) const;
    QStringList keys() const;
    QString group() const { return m_group; }

private:
    QString fullKey(const QString& key) const { return m_group + QLatin1Char('/') + key; }

    std::shared_ptr<QSettings> m_file;
    QString m_group;
};

} // namespace hexhub
