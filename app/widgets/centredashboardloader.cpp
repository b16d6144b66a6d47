// Finds the on-demand charts library and makes a centre's dashboard with it (centredashboard.h).
#include "centredashboard.h"
#include "widgetstr.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLibrary>
#include <QWidget>

namespace hexhub {

QWidget* createCentreDashboard(const CentreDashboardSpec& spec, QWidget* parent, QString* error)
{
    const QString path = QDir(QCoreApplication::applicationDirPath())
                             .absoluteFilePath(QStringLiteral("../" HEXHUB_LIBDIR_FOR_WIDGETS "/hexhub/hexhub_centre_charts.so"));
    QLibrary library(path);
    using Create = QWidget* (*)(const CentreDashboardSpec*, QWidget*);
    const auto create = reinterpret_cast<Create>(library.resolve("hexhub_create_centre_dashboard"));
    if (!create) {
        if (error)
            *error = library.errorString();
        return nullptr;
    }
    return create(&spec, parent);
}

QWidget* centreDashboardOrWhy(const CentreDashboardSpec& spec, QWidget* parent)
{
    QString error;
    if (QWidget* made = createCentreDashboard(spec, parent, &error))
        return made;
    auto* why = new QLabel(widgets::Tr::tr("The dashboard cannot be shown: %1").arg(error), parent);
    why->setWordWrap(true);
    return why;
}

DayBuckets::DayBuckets(const DashboardPeriod& period)
    : fromMs(period.fromMs)
{
    constexpr qint64 kDay = 86'400'000;
    const int days = std::max(1, period.days());
    bucketMs = days > 60 ? 7 * kDay : kDay;
    const int n = int((period.toMs - period.fromMs + bucketMs - 1) / bucketMs);
    for (int i = 0; i < std::max(1, n); ++i)
        labels << QDateTime::fromMSecsSinceEpoch(fromMs + i * bucketMs, Qt::UTC).toString(QStringLiteral("MM-dd"));
}

int DayBuckets::bucketOf(qint64 ms) const
{
    if (ms < fromMs || bucketMs <= 0)
        return -1;
    const qint64 i = (ms - fromMs) / bucketMs;
    return i < labels.size() ? int(i) : -1;
}

} // namespace hexhub
