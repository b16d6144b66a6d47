// The custody suite's dashboard (custodydashboard.h).
#include "custodydashboard.h"

#include "base/clock.h"
#include "hexhub/case_management/custody.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSqlQuery>
#include <algorithm>

namespace hexhub::cases {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::cases::Dashboard)
};

constexpr qint64 kHour = 3'600'000;

} // namespace

DashboardReading readCustodyDashboard(Sql& sql, const DashboardPeriod& period)
{
    const qint64 now = sql.clock().nowMs();
    const QVariantList window{period.fromMs, period.toMs};
    // People booked in during the period, by the day (or week) they came.
    DayBuckets buckets(period);
    QList<double> booked(buckets.count(), 0);
    qint64 bookedTotal = 0;
    QSqlQuery q = sql.exec(QStringLiteral("SELECT started_at FROM cm_custody WHERE started_at >= ? AND started_at < ?"), window);
    while (q.next()) {
        const int b = buckets.bucketOf(q.value(0).toLongLong());
        if (b >= 0)
            booked[b] += 1;
        ++bookedTotal;
    }
    // Those who left during the period: how, and how long they were held (the median).
    QMap<QString, qint64> ways;
    QList<double> held;
    q = sql.exec(QStringLiteral("SELECT state, released_at - started_at FROM cm_custody WHERE released_at >= ? AND released_at < ? "
                                "ORDER BY released_at DESC LIMIT 20000"),
                 window);
    while (q.next()) {
        ways[q.value(0).toString()] += 1;
        held << q.value(1).toDouble() / kHour;
    }
    std::sort(held.begin(), held.end());
    // Welfare checks made in the period, on time and late, by day.
    QList<double> late(buckets.count(), 0);
    qint64 checks = 0, lateChecks = 0;
    q = sql.exec(QStringLiteral("SELECT done_at, done_at > due_at FROM cm_welfare_checks WHERE done_at >= ? AND done_at < ?"), window);
    while (q.next()) {
        ++checks;
        if (q.value(1).toBool()) {
            ++lateChecks;
            const int b = buckets.bucketOf(q.value(0).toLongLong());
            if (b >= 0)
                late[b] += 1;
        }
    }
    // Now: who is in the suite, whose check is missed, whose limit has run out.
    const qint64 inSuite = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE state = 'in'")).toLongLong();
    const qint64 missed = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE state = 'in' AND next_check_at < ?"), {now}).toLongLong();
    const qint64 pastLimit = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE state = 'in' AND limit_at < ?"), {now}).toLongLong();

    const QLocale locale;
    DashboardReading out;
    out.tiles << DashboardTile{Tr::tr("booked in"), locale.toString(bookedTotal), false}
              << DashboardTile{Tr::tr("in the suite now"), locale.toString(inSuite), false}
              << DashboardTile{Tr::tr("checks missed now"), locale.toString(missed), missed > 0}
              << DashboardTile{Tr::tr("limits run out now"), locale.toString(pastLimit), pastLimit > 0}
              << DashboardTile{Tr::tr("checks made late"),
                               checks == 0 ? QStringLiteral("-") : Tr::tr("%1 of %2").arg(locale.toString(lateChecks), locale.toString(checks)),
                               lateChecks > 0}
              << DashboardTile{Tr::tr("median hours held"), held.isEmpty() ? QStringLiteral("-") : locale.toString(held[held.size() / 2], 'f', 1),
                               false};
    const bool weekly = buckets.bucketMs > 86'400'000;
    out.charts << DashboardChart{weekly ? Tr::tr("Booked in per week") : Tr::tr("Booked in per day"), buckets.labels, booked, false,
                                 QColor(0x2c, 0x3e, 0x50)};
    out.charts << DashboardChart{weekly ? Tr::tr("Checks made late per week") : Tr::tr("Checks made late per day"), buckets.labels, late, false,
                                 QColor(0xc0, 0x39, 0x2b)};
    QStringList how;
    QList<double> howMany;
    for (const ReleaseKind k : {ReleaseKind::Released, ReleaseKind::Transferred, ReleaseKind::HandedOver}) {
        how << releaseKindName(k);
        howMany << double(ways.value(releaseKindKey(k)));
    }
    out.charts << DashboardChart{Tr::tr("How people left the suite"), how, howMany, true, QColor(0x27, 0xae, 0x60)};
    return out;
}

} // namespace hexhub::cases
