#include "module/serveraccess.h"

#include "base/coretr.h"
#include "security/accesscontrol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace hexhub::serveraccess {

namespace {

const QRegularExpression& identifierExpression()
{
    static const QRegularExpression re(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    return re;
}

// Identifiers are checked to be plain lower-case names, so quoting them is enough.
QString quoted(const QString& identifier)
{
    return QLatin1Char('"') + identifier + QLatin1Char('"');
}

} // namespace

QString databaseGroup(const QString& role)
{
    if (role == QLatin1String("*"))
        return QStringLiteral("hexhub_app");
    if (role == QLatin1String("hub_supervisor"))
        return QStringLiteral("hexhub_hub");
    static const QLatin1String operatorSuffix("_operator");
    if (role.endsWith(operatorSuffix))
        return QStringLiteral("hexhub_centre_") + role.chopped(operatorSuffix.size());
    return QStringLiteral("hexhub_") + role;
}

QStringList databaseGroups()
{
    QStringList groups{databaseGroup(QStringLiteral("*"))};
    for (const QString& role : AccessControl::builtinRoles())
        groups << databaseGroup(role);
    return groups;
}

std::optional<QList<TableGrant>> parse(const QJsonObject& json, const QString& origin, QString* error)
{
    static const QRegularExpression privilegeRe(QStringLiteral("^(select|insert|update|delete)(?:\\(([^)]*)\\))?$"));
    QStringList problems;
    QList<TableGrant> grants;
    const QJsonValue tables = json.value(QStringLiteral("tables"));
    if (!tables.isObject())
        problems << Tr::tr("it needs an object \"tables\"");
    const QJsonObject tableObject = tables.toObject();
    for (auto table = tableObject.begin(); table != tableObject.end(); ++table) {
        if (!identifierExpression().match(table.key()).hasMatch()) {
            problems << Tr::tr("\"%1\" is not a table name").arg(table.key());
            continue;
        }
        if (!table.value().isObject()) {
            problems << Tr::tr("table %1 needs an object of privileges").arg(table.key());
            continue;
        }
        // The table itself is declared even when no one gets anything on it (users, say).
        grants << TableGrant{table.key(), {}, {}, {}};
        const QJsonObject privileges = table.value().toObject();
        for (auto privilege = privileges.begin(); privilege != privileges.end(); ++privilege) {
            const QRegularExpressionMatch match = privilegeRe.match(privilege.key());
            if (!match.hasMatch()) {
                problems << Tr::tr("table %1: \"%2\" is not select, insert, update or delete (with columns in "
                                   "parentheses)").arg(table.key(), privilege.key());
                continue;
            }
            TableGrant grant{table.key(), match.captured(1).toUpper(), {}, {}};
            if (match.hasCaptured(2)) {
                for (const QString& column : match.captured(2).split(QLatin1Char(','))) {
                    const QString name = column.trimmed();
                    if (!identifierExpression().match(name).hasMatch())
                        problems << Tr::tr("table %1: \"%2\" is not a column name").arg(table.key(), name);
                    grant.columns << name;
                }
                if (grant.privilege == QLatin1String("DELETE"))
                    problems << Tr::tr("table %1: delete applies to whole rows, not columns").arg(table.key());
            }
            if (!privilege.value().isArray())
                problems << Tr::tr("table %1: %2 needs an array of roles").arg(table.key(), privilege.key());
            for (const QJsonValue& role : privilege.value().toArray()) {
                const QString id = role.toString();
                if (id != QLatin1String("*") && !AccessControl::builtinRoles().contains(id))
                    problems << Tr::tr("table %1: %2 names an unknown role \"%3\"").arg(table.key(), privilege.key(), id);
                else
                    grant.roles << id;
            }
            grants << grant;
        }
    }
    if (!problems.isEmpty()) {
        if (error)
            *error = Tr::tr("The table access of %1 is not valid: %2").arg(origin, problems.join(QStringLiteral("; ")));
        return std::nullopt;
    }
    return grants;
}

QStringList statements(const QList<TableGrant>& grants, const QStringList& tables)
{
    QStringList groups;
    for (const QString& group : databaseGroups())
        groups << quoted(group);
    QStringList out;
    // Whatever an earlier version granted (or someone by hand) goes first, so the grants are exactly
    // what is declared now.
    for (const QString& table : tables) {
        if (identifierExpression().match(table).hasMatch())
            out << QStringLiteral("REVOKE ALL ON TABLE %1 FROM %2").arg(quoted(table), groups.join(QStringLiteral(", ")));
    }
    for (const TableGrant& grant : grants) {
        QStringList to;
        for (const QString& role : grant.roles)
            to << quoted(databaseGroup(role));
        to.removeDuplicates();
        if (to.isEmpty() || grant.privilege.isEmpty())
            continue;
        QStringList columns;
        for (const QString& column : grant.columns)
            columns << quoted(column);
        out << QStringLiteral("GRANT %1%2 ON TABLE %3 TO %4")
                   .arg(grant.privilege,
                        columns.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(columns.join(QStringLiteral(", "))),
                        quoted(grant.table), to.join(QStringLiteral(", ")));
    }
    return out;
}

QStringList undeclared(const QList<TableGrant>& grants, const QStringList& tables)
{
    QSet<QString> declared;
    for (const TableGrant& grant : grants)
        declared.insert(grant.table);
    QStringList out;
    for (const QString& table : tables) {
        if (!declared.contains(table))
            out << table;
    }
    return out;
}

} // namespace hexhub::serveraccess
