// Applying a command once, and versioned updates: the write-path helpers every module's services share.
#include "module/servicesupport.h"
#include "module/extensions.h"
#include "store/sqldialect.h"

#include "base/clock.h"
#include "base/coretr.h"

namespace hexhub::service {

std::optional<QString> appliedBefore(Sql& sql, const CommandId& command, const QString& operation)
{
    if (command.isNull())
        return std::nullopt;
    QSqlQuery q = sql.exec(QStringLiteral("SELECT operation, result_key FROM applied_commands WHERE command_id = ?"),
                           {command.toString()});
    if (!q.next())
        return std::nullopt;
    if (q.value(0).toString() != operation)
        throw ValidationError(Tr::tr("Command %1 was already used for %2; a new action needs a new command.")
                                  .arg(command.toString(), q.value(0).toString()));
    return q.value(1).toString();
}

void recordApplied(WriteTransaction& txn, const CommandId& command, const QString& operation, const QString& resultKey)
{
    if (command.isNull())
        throw ValidationError(Tr::tr("The change carries no command id, so it could be applied twice; it was refused."));
    txn.exec(QStringLiteral("INSERT INTO applied_commands (command_id, module, operation, result_key, actor, applied_at) "
                            "VALUES (?, ?, ?, ?, ?, ?)"),
             {command.toString(), txn.source(), operation, resultKey, txn.actor(), txn.clock().nowMs()});
}

QString reasonProblem(const QString& reason, const QString& missing)
{
    const QString why = reason.trimmed();
    if (why.size() < 5)
        return missing;
    if (why.size() > 2000)
        return Tr::tr("Keep the reason under 2,000 characters.");
    return {};
}

QString requireReason(const QString& reason, const QString& missing)
{
    if (const QString problem = reasonProblem(reason, missing); !problem.isEmpty())
        throw ValidationError(problem);
    return reason.trimmed();
}

void keepOwnVersions(Outbox& outbox, const QStringList& operations, VersionTouches touches)
{
    for (const QString& operation : operations) {
        outbox.addKeeper(operation, [operation, touches](const QJsonObject& args, const QList<OfflineCommand>& earlier) {
            const QList<VersionTouch> mine = touches(operation, args);
            if (mine.isEmpty() || !mine.first().readAt)
                return args;
            const QString record = mine.first().record;
            qint64 version = *mine.first().readAt;
            for (const OfflineCommand& before : earlier) {
                for (const VersionTouch& touch : touches(before.operation, before.args)) {
                    if (touch.record == record && (!touch.readAt || *touch.readAt == version))
                        ++version;
                }
            }
            QJsonObject adjusted = args;
            adjusted.insert(QStringLiteral("version"), version);
            return adjusted;
        });
    }
}

void requireUpdated(const QSqlQuery& update, const QString& conflict)
{
    if (update.numRowsAffected() != 1)
        throw ConflictError(conflict);
}

} // namespace hexhub::service

namespace hexhub {

bool readSnapshotRows(Sql& sql, const QString& direct, const QString& onServer, qint64 fromMs, qint64 toMs,
                      const std::function<QStringList(const QSqlQuery& q, bool server)>& cells,
                      const std::function<bool(const QStringList& row)>& row)
{
    const bool server = sql.dialect().name() == QLatin1String("postgresql")
                        && sql.scalar(QStringLiteral("SELECT to_regprocedure('hexhub_holds(text)') IS NOT NULL")).toBool();
    QSqlQuery q = sql.exec(server ? onServer : direct, {fromMs, toMs});
    while (q.next())
        if (!row(cells(q, server)))
            return false;
    return true;
}

} // namespace hexhub
