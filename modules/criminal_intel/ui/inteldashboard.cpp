#include "inteldashboard.h"

#include "hexhub/criminal_intel/leads.h"

#include "base/clock.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSqlQuery>

#include <algorithm>

namespace hexhub::criminalintel {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::criminalintel::Dashboard)
};

constexpr qint64 kHour = 3'600'000;

} // namespace

DashboardReading readIntelDashboard(Sql& sql, const DashboardPeriod& period)
{
    const qint64 now = sql.clock().nowMs();
    const QVariantList window{period.fromMs, period.toMs};
    // Leads taken in during the period, by the day (or week) they came, and where from.
    DayBuckets buckets(period);
    QList<double> received(buckets.count(), 0);
    QMap<QString, qint64> sources;
    qint64 receivedTotal = 0;
    QSqlQuery q = sql.exec(QStringLiteral("SELECT received_at, source_kind FROM ci_leads WHERE received_at >= ? AND received_at < ?"), window);
    while (q.next()) {
        const int b = buckets.bucketOf(q.value(0).toLongLong());
        if (b >= 0)
            received[b] += 1;
        ++receivedTotal;
        sources[q.value(1).toString()] += 1;
    }
    // Graded in the period, by the band of their grade; and how long the first look took (the median).
    QMap<GradeBand, qint64> bands;
    QList<double> firstLook;
    q = sql.exec(QStringLiteral("SELECT scheme, source_grade, info_grade, graded_at - received_at FROM ci_leads "
                                "WHERE graded_at >= ? AND graded_at < ? AND scheme IS NOT NULL ORDER BY graded_at DESC LIMIT 20000"),
                 window);
    while (q.next()) {
        const auto scheme = gradingSchemeFromKey(q.value(0).toString());
        if (!scheme)
            continue;
        bands[LeadGrade{*scheme, q.value(1).toString(), q.value(2).toString(), QStringLiteral("P"), {}}.band()] += 1;
        firstLook << q.value(3).toDouble() / kHour;
    }
    std::sort(firstLook.begin(), firstLook.end());
    const double medianFirstLook = firstLook.isEmpty() ? 0 : firstLook[firstLook.size() / 2];
    // Where the leads stand now that were taken in during the period.
    QMap<QString, qint64> statuses;
    q = sql.exec(QStringLiteral("SELECT status, COUNT(*) FROM ci_leads WHERE received_at >= ? AND received_at < ? GROUP BY status"), window);
    while (q.next())
        statuses.insert(q.value(0).toString(), q.value(1).toLongLong());
    // Now: what waits for an analyst, and what is past its limit.
    const qint64 waiting = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE status IN ('new', 'assessing')")).toLongLong();
    const qint64 overdue = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE due_at < ? AND status NOT IN ('actioned', 'closed')"), {now})
                               .toLongLong();

    const QLocale locale;
    DashboardReading out;
    out.tiles << DashboardTile{Tr::tr("leads taken in"), locale.toString(receivedTotal), false}
              << DashboardTile{Tr::tr("waiting for an analyst now"), locale.toString(waiting), false}
              << DashboardTile{Tr::tr("past their limit now"), locale.toString(overdue), overdue > 0}
              << DashboardTile{Tr::tr("actioned"), locale.toString(statuses.value(QStringLiteral("actioned"))), false}
              << DashboardTile{Tr::tr("median hours to a grade"), firstLook.isEmpty() ? QStringLiteral("-") : locale.toString(medianFirstLook, 'f', 1), false}
              << DashboardTile{Tr::tr("from big-data hits"), locale.toString(sources.value(QStringLiteral("big_data"))), false};
    const QString per = buckets.bucketMs > 86'400'000 ? Tr::tr("Leads taken in per week") : Tr::tr("Leads taken in per day");
    out.charts << DashboardChart{per, buckets.labels, received, false, QColor(0xd3, 0x54, 0x00)};
    QStringList bandNames;
    QList<double> bandCounts;
    for (const GradeBand b : {GradeBand::High, GradeBand::Medium, GradeBand::Low}) {
        bandNames << gradeBandName(b);
        bandCounts << double(bands.value(b));
    }
    out.charts << DashboardChart{Tr::tr("Graded, by band"), bandNames, bandCounts, false, QColor(0x2e, 0x86, 0xde)};
    QStringList where;
    QList<double> whereCounts;
    for (const LeadSource s : {LeadSource::Tip, LeadSource::BigData, LeadSource::Incident, LeadSource::Centre}) {
        where << leadSourceName(s);
        whereCounts << double(sources.value(leadSourceKey(s)));
    }
    out.charts << DashboardChart{Tr::tr("Where the leads came from"), where, whereCounts, true, QColor(0x8e, 0x44, 0xad)};
    return out;
}

} // namespace hexhub::criminalintel
