// The hub's records for the command palette: incidents by their number or their words.
#include "hexhub/hub/hubservices.h"

#include "base/coretr.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/sqldialect.h"

#include <QSqlQuery>

namespace hexhub {

QList<RecordHit> searchIncidents(Sql& sql, const QString& text, const Principal& viewer, int limit)
{
    const QString typed = text.trimmed();
    if (!viewer.can(QStringLiteral("hub.incident.view")) || typed.isEmpty() || limit <= 0)
        return {};
    SqlFragment match;
    if (Incident::isValidNumber(typed)) {
        match = SqlFragment{QStringLiteral("i.number = ?"), {typed}};
    } else {
        const QStringList terms = searchTerms(typed);
        if (terms.isEmpty())
            return {};
        match = sql.dialect().textSearch(TextSearchTarget{QStringLiteral("hub_incidents"),
                                                          {QStringLiteral("summary"), QStringLiteral("address"), QStringLiteral("notes")},
                                                          QStringLiteral("i")},
                                         terms);
    }
    // The newest first: the incident someone is looking for is most often today's.
    QSqlQuery q = sql.exec(QStringLiteral("SELECT i.number, i.priority, i.status, i.summary FROM hub_incidents i WHERE ")
                               + match.sql + QStringLiteral(" ORDER BY i.created_at DESC, i.id DESC LIMIT ?"),
                           match.binds + QVariantList{limit});
    QList<RecordHit> hits;
    while (q.next()) {
        const auto status = incidentStatusFromId(q.value(2).toString());
        hits << RecordHit{QStringLiteral("incident"), q.value(0).toString(),
                          Tr::tr("Incident %1").arg(q.value(0).toString()),
                          Tr::tr("P%1, %2: %3")
                              .arg(q.value(1).toInt())
                              .arg(status ? incidentStatusName(*status) : q.value(2).toString(), q.value(3).toString())};
    }
    return hits;
}

} // namespace hexhub
