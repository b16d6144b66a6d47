#include "hexhub/case_management/snapshot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace hexhub::cases {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::cases::Snapshot)
};

QString stamp(const QVariant& ms)
{
    return ms.isNull() ? QString() : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

SnapshotSource caseSnapshotSource()
{
    SnapshotSource s;
    s.id = QStringLiteral("case_management.cases");
    s.module = QStringLiteral("case_management");
    s.title = [] { return Tr::tr("Case events"); };
    s.permission = QStringLiteral("case_management.case.snapshot");
    using C = SnapshotSource::Column;
    const QString when = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    s.columns = {C{QStringLiteral("number"), QStringLiteral("text")},
                 C{QStringLiteral("kind"), QStringLiteral("text")},
                 C{QStringLiteral("fast_track"), QStringLiteral("integer")},
                 C{QStringLiteral("status"), QStringLiteral("text")},
                 C{QStringLiteral("incident"), QStringLiteral("integer")},
                 C{QStringLiteral("opened"), QStringLiteral("datetime"), false, when},
                 C{QStringLiteral("next_deadline"), QStringLiteral("datetime"), false, when},
                 C{QStringLiteral("people_held"), QStringLiteral("integer")},
                 C{QStringLiteral("property_items"), QStringLiteral("integer")}};
    s.read = [](Sql& sql, qint64 fromMs, qint64 toMs, const std::function<bool(const QStringList&)>& row) {
        return readSnapshotRows(
            sql,
            QStringLiteral("SELECT c.number, c.kind, c.fast_track, c.status, c.incident_id, c.opened_at, c.due_at, "
                           "(SELECT COUNT(*) FROM cm_custody k WHERE k.case_id = c.id), (SELECT COUNT(*) FROM cm_property p WHERE p.case_id = c.id) "
                           "FROM cm_cases c WHERE c.opened_at >= ? AND c.opened_at < ? ORDER BY c.opened_at, c.id"),
            QStringLiteral("SELECT number, kind, fast_track, status, incident_id, opened_at, due_at, people_held, property_items "
                           "FROM cm_case_snapshot(?, ?)"),
            fromMs, toMs,
            [](const QSqlQuery& q, bool) {
                return QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                   q.value(4).isNull() ? QString() : q.value(4).toString(), stamp(q.value(5)), stamp(q.value(6)),
                                   q.value(7).toString(), q.value(8).toString()};
            },
            row);
    };
    return s;
}

} // namespace hexhub::cases
