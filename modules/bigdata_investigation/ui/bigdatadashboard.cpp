#include "bigdatadashboard.h"

#include "hexhub/bigdata_investigation/model.h"
#include "hexhub/bigdata_investigation/modelservice.h"

#include "base/clock.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSqlQuery>

#include <algorithm>

namespace hexhub::bigdata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::bigdata::Dashboard)
};

constexpr qint64 kHour = 3'600'000;

} // namespace

DashboardReading readBigDataDashboard(Sql& sql, const DashboardPeriod& period)
{
    const qint64 now = sql.clock().nowMs();
    const QVariantList window{period.fromMs, period.toMs};
    // Hits found in the period, by the day (or week) their run finished.
    DayBuckets buckets(period);
    QList<double> found(buckets.count(), 0);
    qint64 foundTotal = 0;
    QSqlQuery q = sql.exec(QStringLiteral("SELECT r.finished_at, COUNT(*) FROM bd_hits h JOIN bd_runs r ON r.id = h.run_id "
                                          "WHERE r.finished_at >= ? AND r.finished_at < ? GROUP BY r.finished_at"),
                           window);
    while (q.next()) {
        const int b = buckets.bucketOf(q.value(0).toLongLong());
        if (b >= 0)
            found[b] += q.value(1).toDouble();
        foundTotal += q.value(1).toLongLong();
    }
    // What people decided in the period.
    QMap<QString, qint64> decided;
    q = sql.exec(QStringLiteral("SELECT status, COUNT(*) FROM bd_hits WHERE reviewed_at >= ? AND reviewed_at < ? GROUP BY status"), window);
    while (q.next())
        decided.insert(q.value(0).toString(), q.value(1).toLongLong());
    // How long the hits decided in the period waited for a person (from their run), the median.
    QList<double> waits;
    q = sql.exec(QStringLiteral("SELECT h.reviewed_at - r.finished_at FROM bd_hits h JOIN bd_runs r ON r.id = h.run_id "
                                "WHERE h.reviewed_at >= ? AND h.reviewed_at < ? AND r.finished_at IS NOT NULL ORDER BY h.reviewed_at DESC LIMIT 20000"),
                 window);
    while (q.next())
        waits << q.value(0).toDouble() / kHour;
    std::sort(waits.begin(), waits.end());
    const double medianWait = waits.isEmpty() ? 0 : waits[waits.size() / 2];
    // Hits found in the period by model.
    QList<double> byModel;
    QStringList models;
    q = sql.exec(QStringLiteral("SELECT r.model_id, COUNT(*) FROM bd_hits h JOIN bd_runs r ON r.id = h.run_id "
                                "WHERE r.finished_at >= ? AND r.finished_at < ? GROUP BY r.model_id ORDER BY COUNT(*) DESC, r.model_id LIMIT 8"),
                 window);
    static const QList<ModelDefinition> bundled = bundledModels();
    while (q.next()) {
        const QString id = q.value(0).toString();
        QString title = id;
        for (const ModelDefinition& m : bundled)
            if (m.id == id)
                title = m.titleIn(QLocale().name());
        models << title;
        byModel << q.value(1).toDouble();
    }
    // Datasets imported in the period and their rows.
    q = sql.exec(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(record_count), 0) FROM bd_datasets WHERE state = 'ready' AND imported_at >= ? AND imported_at < ?"),
                 window);
    const qint64 datasets = q.next() ? q.value(0).toLongLong() : 0;
    const qint64 rows = q.isValid() ? q.value(1).toLongLong() : 0;
    // Now: what waits for a person, and the runs whose review is overdue (the rule in force).
    const qint64 waiting = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE status IN ('new', 'more_data')")).toLongLong();
    const qint64 reviewMs = sql.scalar(QStringLiteral("SELECT minutes FROM time_limits WHERE module = 'bigdata_investigation' AND rule = 'hits.review'"))
                                .toLongLong() * 60'000;
    const qint64 overdue = reviewMs <= 0 ? 0
                                         : sql.scalar(QStringLiteral("SELECT COUNT(DISTINCT h.run_id) FROM bd_hits h JOIN bd_runs r ON r.id = h.run_id "
                                                                     "WHERE h.status = 'new' AND r.finished_at < ?"),
                                                      {now - reviewMs})
                                               .toLongLong();

    const QLocale locale;
    DashboardReading out;
    out.tiles << DashboardTile{Tr::tr("hits found"), locale.toString(foundTotal), false}
              << DashboardTile{Tr::tr("waiting for a person now"), locale.toString(waiting), false}
              << DashboardTile{Tr::tr("runs overdue for review now"), locale.toString(overdue), overdue > 0}
              << DashboardTile{Tr::tr("handed on as leads"), locale.toString(decided.value(QStringLiteral("handed_on"))), false}
              << DashboardTile{Tr::tr("median hours from run to decision"), waits.isEmpty() ? QStringLiteral("-") : locale.toString(medianWait, 'f', 1), false}
              << DashboardTile{Tr::tr("datasets imported (%1 rows)").arg(locale.toString(rows)), locale.toString(datasets), false};
    const QString per = buckets.bucketMs > 86'400'000 ? Tr::tr("Hits found per week") : Tr::tr("Hits found per day");
    out.charts << DashboardChart{per, buckets.labels, found, false, QColor(0x2e, 0x86, 0xde)};
    QStringList outcomes;
    QList<double> outcomeCounts;
    for (const HitStatus s : {HitStatus::Confirmed, HitStatus::HandedOn, HitStatus::MoreData, HitStatus::Dismissed}) {
        outcomes << hitStatusName(s);
        outcomeCounts << double(decided.value(hitStatusKey(s)));
    }
    out.charts << DashboardChart{Tr::tr("Decisions on hits"), outcomes, outcomeCounts, false, QColor(0x27, 0xae, 0x60)};
    out.charts << DashboardChart{Tr::tr("Hits found by model"), models, byModel, true, QColor(0x8e, 0x44, 0xad)};
    return out;
}

} // namespace hexhub::bigdata
