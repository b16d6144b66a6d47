#include "shared/timelimits.h"

#include "base/clock.h"
#include "base/coretr.h"
#include "base/error.h"
#include "module/servicesupport.h"
#include "security/audit.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCoreApplication>

namespace hexhub {

namespace {

const QString kColumns = QStringLiteral("module, rule, title, minutes, default_minutes, changed_by, changed_at, reason, version");

TimeLimit readLimit(const QSqlQuery& q)
{
    TimeLimit t;
    t.module = q.value(0).toString();
    t.rule = q.value(1).toString();
    t.title = q.value(2).toString();
    t.minutes = q.value(3).toLongLong();
    t.defaultMinutes = q.value(4).toLongLong();
    t.changedBy = q.value(5).toString();
    t.changedAt = q.value(6).toLongLong();
    t.reason = q.value(7).toString();
    t.version = q.value(8).toInt();
    return t;
}

TimeLimit loadLimit(Sql& sql, const QString& module, const QString& rule)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM time_limits WHERE module = ? AND rule = ?").arg(kColumns), {module, rule});
    if (!q.next())
        throw NotFoundError(Tr::tr("There is no time limit %1 of %2.").arg(rule, module));
    return readLimit(q);
}

} // namespace

QString TimeLimit::text() const
{
    return QCoreApplication::translate("hexhub::TimeLimits", title.toUtf8().constData());
}

QJsonObject TimeLimitChanged::toJson() const
{
    return {{QStringLiteral("module"), limit.module},   {QStringLiteral("rule"), limit.rule},
            {QStringLiteral("title"), limit.title},     {QStringLiteral("minutes"), double(limit.minutes)},
            {QStringLiteral("from"), double(from)},     {QStringLiteral("reason"), limit.reason}};
}

std::optional<TimeLimitChanged> TimeLimitChanged::fromJson(const QJsonObject& json)
{
    TimeLimitChanged c;
    c.limit.module = json.value(QStringLiteral("module")).toString();
    c.limit.rule = json.value(QStringLiteral("rule")).toString();
    if (c.limit.module.isEmpty() || c.limit.rule.isEmpty() || !json.value(QStringLiteral("minutes")).isDouble())
        return std::nullopt;
    c.limit.title = json.value(QStringLiteral("title")).toString();
    c.limit.minutes = qint64(json.value(QStringLiteral("minutes")).toDouble());
    c.limit.reason = json.value(QStringLiteral("reason")).toString();
    c.from = qint64(json.value(QStringLiteral("from")).toDouble());
    return c;
}

TimeLimits::TimeLimits(Store& store, Session& session, AuditLog& audit)
    : m_store(store), m_session(session), m_audit(audit)
{
}

QFuture<QList<TimeLimit>> TimeLimits::list(const QString& module) const
{
    return m_store.read([module](Sql& sql) {
        QSqlQuery q = module.isEmpty()
                          ? sql.exec(QStringLiteral("SELECT %1 FROM time_limits ORDER BY module, rule").arg(kColumns))
                          : sql.exec(QStringLiteral("SELECT %1 FROM time_limits WHERE module = ? ORDER BY rule").arg(kColumns), {module});
        QList<TimeLimit> out;
        while (q.next())
            out << readLimit(q);
        return out;
    });
}

QFuture<TimeLimit> TimeLimits::change(const QString& module, const QString& rule, qint64 minutes, const QString& reason, int version,
                                      const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("time_limit:%1.%2").arg(module, rule);
    if (auto refused = service::check<TimeLimit>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("change a time limit"),
                                                 QStringLiteral("time_limit.changed"), object))
        return *refused;
    if (minutes < 1 || minutes > kMaxMinutes)
        return service::failNow<TimeLimit>(Tr::tr("A time limit is between a minute and %1.").arg(describe(kMaxMinutes)));
    const QString why = reason.trimmed();
    if (why.size() < 5)
        return service::failNow<TimeLimit>(Tr::tr("Give the reason for the change; it goes on record with the limit."));
    return m_store.write(WriteContext{QStringLiteral("core"), actor.name, {}},
                         [this, module, rule, minutes, why, version, command, object, name = actor.name](WriteTransaction& txn) {
                             const QString op = QStringLiteral("core.time_limit.change");
                             if (service::appliedBefore(txn, command, op))
                                 return loadLimit(txn, module, rule);
                             const TimeLimit before = loadLimit(txn, module, rule);
                             service::requireUpdated(
                                 txn.exec(QStringLiteral("UPDATE time_limits SET minutes = ?, reason = ?, changed_by = ?, changed_at = ?, "
                                                         "version = version + 1 WHERE module = ? AND rule = ? AND version = ?"),
                                          {minutes, why, name, txn.clock().nowMs(), module, rule, version}),
                                 Tr::tr("Someone else changed this time limit meanwhile; look at it again."));
                             const TimeLimit after = loadLimit(txn, module, rule);
                             txn.publish(TimeLimitChanged{after, before.minutes});
                             m_audit.append(txn, {name, QStringLiteral("time_limit.changed"), object,
                                                  QStringLiteral("%1 -> %2 min: %3").arg(before.minutes).arg(minutes).arg(why),
                                                  QStringLiteral("success")});
                             service::recordApplied(txn, command, op, object);
                             return after;
                         });
}

qint64 TimeLimits::minutesIn(Sql& sql, const QString& module, const QString& rule, qint64 fallback)
{
    const QVariant v = sql.scalar(QStringLiteral("SELECT minutes FROM time_limits WHERE module = ? AND rule = ?"), {module, rule});
    return v.isValid() && !v.isNull() && v.toLongLong() > 0 ? v.toLongLong() : fallback;
}

QString TimeLimits::describe(qint64 minutes)
{
    if (minutes % 60 != 0)
        return Tr::tr("%n minute(s)", nullptr, int(minutes));
    if (minutes % (24 * 60) == 0)
        return Tr::tr("%n day(s)", nullptr, int(minutes / (24 * 60)));
    if (minutes < 24 * 60)
        return Tr::tr("%n hour(s)", nullptr, int(minutes / 60));
    //: a length of time: "1 day" "12 hours"
    return Tr::tr("%1 %2").arg(Tr::tr("%n day(s)", nullptr, int(minutes / (24 * 60))), Tr::tr("%n hour(s)", nullptr, int(minutes % (24 * 60) / 60)));
}

} // namespace hexhub
