#include "module/modulemetadata.h"

#include "base/coretr.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace hexhub {

bool isValidVersion(const QString& version)
{
    static const QRegularExpression re(QStringLiteral("^\\d+(\\.\\d+){0,3}$"));
    return re.match(version).hasMatch();
}

int compareVersions(const QString& a, const QString& b)
{
    const QStringList x = a.split(QLatin1Char('.'));
    const QStringList y = b.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < std::max(x.size(), y.size()); ++i) {
        const int u = i < x.size() ? x.at(i).toInt() : 0;
        const int v = i < y.size() ? y.at(i).toInt() : 0;
        if (u != v)
            return u < v ? -1 : 1;
    }
    return 0;
}

std::optional<ModuleMetadata> ModuleMetadata::fromJson(const QJsonObject& json, QString* error)
{
    QStringList problems;
    auto requireString = [&](const char* key, bool required = true) -> QString {
        const QJsonValue value = json.value(QLatin1String(key));
        if (value.isUndefined()) {
            if (required)
                problems << Tr::tr("missing field \"%1\"").arg(QLatin1String(key));
            return {};
        }
        if (!value.isString()) {
            problems << Tr::tr("field \"%1\" must be a string").arg(QLatin1String(key));
            return {};
        }
        return value.toString();
    };

    ModuleMetadata m;
    m.id = requireString("id");
    m.name = requireString("name");
    m.version = requireString("version");
    m.compatVersion = requireString("compatVersion");
    m.colour = requireString("colour", false);
    m.icon = requireString("icon", false);
    m.description = requireString("description", false);

    static const QRegularExpression idRe(QStringLiteral("^[a-z][a-z0-9_]*$"));
    if (!m.id.isEmpty() && !idRe.match(m.id).hasMatch())
        problems << Tr::tr("id \"%1\" must be lower-case letters, digits and _").arg(m.id);
    if (!m.version.isEmpty() && !isValidVersion(m.version))
        problems << Tr::tr("version \"%1\" is not a version number like 1.2.0").arg(m.version);
    if (!m.compatVersion.isEmpty() && !isValidVersion(m.compatVersion))
        problems << Tr::tr("compatVersion \"%1\" is not a version number").arg(m.compatVersion);
    if (isValidVersion(m.version) && isValidVersion(m.compatVersion) && compareVersions(m.compatVersion, m.version) > 0)
        problems << Tr::tr("compatVersion %1 is newer than version %2").arg(m.compatVersion, m.version);
    static const QRegularExpression colourRe(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!m.colour.isEmpty() && !colourRe.match(m.colour).hasMatch())
        problems << Tr::tr("colour \"%1\" is not #rrggbb").arg(m.colour);

    const QJsonValue deps = json.value(QStringLiteral("dependencies"));
    if (!deps.isUndefined() && !deps.isArray()) {
        problems << Tr::tr("field \"dependencies\" must be an array");
    } else {
        const QJsonArray array = deps.toArray();
        for (const QJsonValue& item : array) {
            const QJsonObject dep = item.toObject();
            if (!item.isObject() || !dep.value(QStringLiteral("id")).isString() ||
                !dep.value(QStringLiteral("version")).isString() ||
                (dep.contains(QStringLiteral("optional")) && !dep.value(QStringLiteral("optional")).isBool())) {
                problems << Tr::tr("each dependency needs a string \"id\", a string \"version\" and optionally a "
                               "boolean \"optional\"");
                continue;
            }
            ModuleDependency d{dep.value(QStringLiteral("id")).toString(), dep.value(QStringLiteral("version")).toString(),
                               dep.value(QStringLiteral("optional")).toBool(false)};
            if (!isValidVersion(d.version))
                problems << Tr::tr("dependency %1 has no valid version").arg(d.id);
            if (d.id == m.id)
                problems << Tr::tr("the module depends on itself");
            m.dependencies << d;
        }
    }

    const QJsonValue perms = json.value(QStringLiteral("permissions"));
    if (!perms.isUndefined() && !perms.isArray()) {
        problems << Tr::tr("field \"permissions\" must be an array");
    } else {
        const QJsonArray array = perms.toArray();
        for (const QJsonValue& item : array) {
            const QJsonObject p = item.toObject();
            const QString id = p.value(QStringLiteral("id")).toString();
            if (!item.isObject() || id.isEmpty() || !p.value(QStringLiteral("description")).isString()) {
                problems << Tr::tr("each permission needs a string \"id\" and \"description\"");
                continue;
            }
            if (!id.startsWith(m.id + QLatin1Char('.')))
                problems << Tr::tr("permission %1 must start with the module id and a dot").arg(id);
            QStringList roles;
            const QJsonArray roleArray = p.value(QStringLiteral("roles")).toArray();
            for (const QJsonValue& role : roleArray)
                roles << role.toString();
            m.permissions << PermissionDefinition{m.id, id, p.value(QStringLiteral("description")).toString(), roles};
        }
    }

    const QJsonValue publishes = json.value(QStringLiteral("publishes"));
    if (!publishes.isUndefined() && !publishes.isArray()) {
        problems << Tr::tr("field \"publishes\" must be an array");
    } else {
        const QJsonArray array = publishes.toArray();
        for (const QJsonValue& item : array) {
            if (!isValidTopic(item.toString()))
                problems << Tr::tr("\"%1\" in \"publishes\" is not a valid topic").arg(item.toString());
            else
                m.publishes << item.toString();
        }
    }

    if (!problems.isEmpty()) {
        if (error)
            *error = Tr::tr("invalid metadata: %1").arg(problems.join(QStringLiteral("; ")));
        return std::nullopt;
    }
    return m;
}

} // namespace hexhub
