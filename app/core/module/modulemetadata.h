#pragma once

#include "security/accesscontrol.h"
#include "base/hexhubcore_export.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace hexhub {

inline constexpr char kModuleIid[] = "org.hexhub.Module/1";

struct HEXHUB_CORE_EXPORT ModuleDependency
{
    QString id;
    QString version;   //!< the version needed: the provider's version >= this >= its compatVersion
    bool optional = false;
};

/*!
 * What a module's JSON says about it, read without loading its code. Validation reports every
 * problem in words: a missing field, a wrong type, a malformed id or version.
 */
struct HEXHUB_CORE_EXPORT ModuleMetadata
{
    QString id;
    QString name;
    QString version;
    QString compatVersion;
    QString colour;
    QString icon;
    QString description;
    QList<ModuleDependency> dependencies;
    QList<PermissionDefinition> permissions;
    QStringList publishes;

    static std::optional<ModuleMetadata> fromJson(const QJsonObject& json, QString* error);
};

//! Compares dotted numeric versions ("1.2.0" vs "1.10"): negative, zero or positive.
HEXHUB_CORE_EXPORT int compareVersions(const QString& a, const QString& b);
HEXHUB_CORE_EXPORT bool isValidVersion(const QString& version);

} // namespace hexhub
