#include "leadrules_p.h"

#include "base/error.h"
#include "shared/deadlines.h"
#include "shared/timelimits.h"
#include "store/sql.h"
#include "store/sqldialect.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

namespace hexhub::criminalintel::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::criminalintel::Deadlines)
};

const QString kModule = QStringLiteral("criminal_intel");

// The rules' titles, for the translations (the table holds them in English).
[[maybe_unused]] const char* const kTitles[] = {
    QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A new lead assessed and graded"),
    QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A lead graded high decided on"),
    QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A lead graded medium decided on"),
    QT_TRANSLATE_NOOP("hexhub::TimeLimits", "A lead graded low decided on"),
};

QString assessKey(qint64 id)
{
    return QStringLiteral("criminal_intel.lead.%1.assess").arg(id);
}

QString actKey(qint64 id)
{
    return QStringLiteral("criminal_intel.lead.%1.act").arg(id);
}

void publish(WriteTransaction& txn, const QString& key, const QString& title, qint64 dueMs, qint64 id)
{
    publishDeadline(txn, DeadlineSet{key, title, QDateTime::fromMSecsSinceEpoch(dueMs, Qt::UTC), kModule, QStringLiteral("lead:%1").arg(id)});
}

} // namespace

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool onPreparedServer(Sql& sql, const char* function)
{
    return sql.dialect().name() == QLatin1String("postgresql")
           && sql.scalar(QStringLiteral("SELECT to_regprocedure(?) IS NOT NULL"), {QString::fromLatin1(function)}).toBool();
}

QStringList analystsIn(Sql& sql)
{
    QStringList out;
    QSqlQuery q = onPreparedServer(sql, "ci_analysts()")
                      ? sql.exec(QStringLiteral("SELECT name FROM ci_analysts() ORDER BY name"))
                      : sql.exec(QStringLiteral("SELECT DISTINCT u.name FROM users u JOIN user_roles ur ON ur.user_id = u.id "
                                                "JOIN role_permissions rp ON rp.role = ur.role "
                                                "WHERE u.active = 1 AND rp.permission = 'criminal_intel.lead.triage' ORDER BY u.name"));
    while (q.next())
        out << q.value(0).toString();
    return out;
}

qint64 assessDue(Sql& sql, qint64 fromMs)
{
    return fromMs + TimeLimits::minutesIn(sql, kModule, QStringLiteral("lead.assess"), kAssessMinutes) * 60'000;
}

void startAssess(WriteTransaction& txn, qint64 id, const QString& reference, qint64 fromMs, bool setDue)
{
    const qint64 due = assessDue(txn, fromMs);
    if (setDue)
        txn.exec(QStringLiteral("UPDATE ci_leads SET due_at = ? WHERE id = ?"), {due, id});
    publish(txn, assessKey(id), Tr::tr("Assess and grade lead %1").arg(reference), due, id);
}

void meetAssess(WriteTransaction& txn, qint64 id)
{
    txn.exec(QStringLiteral("UPDATE ci_leads SET due_at = NULL WHERE id = ?"), {id});
    publishDeadlineCleared(txn, assessKey(id));
}

void startAct(WriteTransaction& txn, qint64 id, const QString& reference, GradeBand band, qint64 fromMs)
{
    const qint64 fallback = band == GradeBand::High ? kActHighMinutes : band == GradeBand::Medium ? kActMediumMinutes : kActLowMinutes;
    const qint64 due = fromMs + TimeLimits::minutesIn(txn, kModule, QStringLiteral("lead.act.") + gradeBandKey(band), fallback) * 60'000;
    txn.exec(QStringLiteral("UPDATE ci_leads SET due_at = ? WHERE id = ?"), {due, id});
    publish(txn, actKey(id), Tr::tr("Decide on lead %1 (graded %2)").arg(reference, gradeBandName(band)), due, id);
}

void meetAct(WriteTransaction& txn, qint64 id)
{
    txn.exec(QStringLiteral("UPDATE ci_leads SET due_at = NULL WHERE id = ?"), {id});
    publishDeadlineCleared(txn, actKey(id));
}

} // namespace hexhub::criminalintel::detail
