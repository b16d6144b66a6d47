#include "hexhub/supervision/snapshot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace hexhub::supervision {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::supervision::Snapshot)
};

QString stamp(const QVariant& ms)
{
    return ms.isNull() ? QString() : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

SnapshotSource demandSnapshotSource()
{
    SnapshotSource s;
    s.id = QStringLiteral("supervision.demands");
    s.module = QStringLiteral("supervision");
    s.title = [] { return Tr::tr("Public demands"); };
    s.permission = QStringLiteral("supervision.demand.snapshot");
    using C = SnapshotSource::Column;
    const QString when = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    s.columns = {C{QStringLiteral("reference"), QStringLiteral("text")},
                 C{QStringLiteral("channel"), QStringLiteral("text")},
                 C{QStringLiteral("category"), QStringLiteral("text")},
                 C{QStringLiteral("status"), QStringLiteral("text")},
                 C{QStringLiteral("routed_to"), QStringLiteral("text")},
                 C{QStringLiteral("received"), QStringLiteral("datetime"), false, when},
                 C{QStringLiteral("sla_due"), QStringLiteral("datetime"), false, when},
                 C{QStringLiteral("answered"), QStringLiteral("datetime"), false, when},
                 // Masked before it leaves the centre (the store's own masked column).
                 C{QStringLiteral("contact_masked"), QStringLiteral("text")}};
    s.read = [](Sql& sql, qint64 fromMs, qint64 toMs, const std::function<bool(const QStringList&)>& row) {
        return readSnapshotRows(
            sql,
            QStringLiteral("SELECT reference, channel, category, status, routed_to, received_at, sla_due_at, answered_at, contact_masked "
                           "FROM sv_demands WHERE received_at >= ? AND received_at < ? ORDER BY received_at, id"),
            QStringLiteral("SELECT reference, channel, category, status, routed_to, received_at, sla_due_at, answered_at, contact_masked "
                           "FROM sv_demand_snapshot(?, ?)"),
            fromMs, toMs,
            [](const QSqlQuery& q, bool) {
                return QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                   q.value(4).toString(), stamp(q.value(5)), stamp(q.value(6)), stamp(q.value(7)), q.value(8).toString()};
            },
            row);
    };
    return s;
}

} // namespace hexhub::supervision
