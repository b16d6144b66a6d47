#include "hexhub/hub/snapshot.h"
#include "hexhub/hub/incidentservice.h"

#include "store/sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace hexhub::hub {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::hub::Snapshot)
};

} // namespace

SnapshotSource incidentSnapshotSource()
{
    SnapshotSource s;
    s.id = QStringLiteral("hub.incidents");
    s.module = QStringLiteral("hub");
    s.title = [] { return Tr::tr("Incidents"); };
    s.permission = QStringLiteral("hub.incident.snapshot");
    using C = SnapshotSource::Column;
    s.columns = {C{QStringLiteral("number"), QStringLiteral("text")},
                 C{QStringLiteral("category"), QStringLiteral("text")},
                 C{QStringLiteral("priority"), QStringLiteral("integer")},
                 C{QStringLiteral("status"), QStringLiteral("text")},
                 C{QStringLiteral("source"), QStringLiteral("text")},
                 C{QStringLiteral("reported"), QStringLiteral("datetime"), false, QStringLiteral("yyyy-MM-dd HH:mm:ss")},
                 C{QStringLiteral("first_arrival_s"), QStringLiteral("integer")},
                 C{QStringLiteral("place"), QStringLiteral("place")},
                 C{QStringLiteral("address"), QStringLiteral("text")},
                 // Masked before it leaves the hub: an analysis has no need of the caller's number.
                 C{QStringLiteral("reporter_contact_masked"), QStringLiteral("text")}};
    s.read = [](Sql& sql, qint64 fromMs, qint64 toMs, const std::function<bool(const QStringList&)>& row) {
        return readSnapshotRows(
            sql,
            QStringLiteral("SELECT i.number, i.category, i.priority, i.status, i.source, i.created_at, "
                           "(SELECT (MIN(d.arrived_at) - i.created_at) / 1000 FROM hub_dispatches d "
                           " WHERE d.incident_id = i.id AND d.arrived_at IS NOT NULL), "
                           "i.latitude, i.longitude, i.address, i.reporter_contact "
                           "FROM hub_incidents i WHERE i.created_at >= ? AND i.created_at < ? ORDER BY i.created_at, i.id"),
            QStringLiteral("SELECT number, category, priority, status, source, created_at, first_arrival_s, latitude, longitude, "
                           "address, reporter_contact_masked FROM hub_incident_snapshot(?, ?)"),
            fromMs, toMs,
            [](const QSqlQuery& q, bool server) {
                const QVariant lat = q.value(7), lon = q.value(8);
                const QString place = lat.isNull() || lon.isNull()
                                          ? QString()
                                          : QStringLiteral("%1,%2").arg(lat.toDouble(), 0, 'f', 6).arg(lon.toDouble(), 0, 'f', 6);
                const QString contact = q.value(10).toString();
                return QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                   q.value(4).toString(),
                                   QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                   q.value(6).isNull() ? QString() : q.value(6).toString(), place, q.value(9).toString(),
                                   server ? contact : maskContact(contact)};
            },
            row);
    };
    return s;
}

} // namespace hexhub::hub
