#include "chartsloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>

namespace hexhub::hub {

namespace {

// A symbol of one of the hub's on-demand libraries (kept loaded once resolved).
QFunctionPointer resolveOnDemand(const char* file, const char* symbol, QString* error)
{
    const QString path = QDir(QCoreApplication::applicationDirPath())
                             .absoluteFilePath(QStringLiteral("../" HEXHUB_LIBDIR_FOR_HUB "/hexhub/") + QLatin1String(file));
    QLibrary library(path);
    const QFunctionPointer found = library.resolve(symbol);
    if (!found && error)
        *error = library.errorString();
    return found;
}

} // namespace

QWidget* createDashboard(HubContext& hub, QWidget* parent, QString* error)
{
    using Create = QWidget* (*)(HubContext*, QWidget*);
    const auto create = reinterpret_cast<Create>(resolveOnDemand("hexhub_hub_charts.so", "hexhub_hub_create_dashboard", error));
    return create ? create(&hub, parent) : nullptr;
}

QWidget* createVideoPanel(HubContext& hub, std::function<qint64()> currentIncident, QWidget* parent, QString* error)
{
    using Create = QWidget* (*)(HubContext*, std::function<qint64()>*, QWidget*);
    const auto create = reinterpret_cast<Create>(resolveOnDemand("hexhub_hub_video.so", "hexhub_hub_create_video", error));
    return create ? create(&hub, &currentIncident, parent) : nullptr;
}

} // namespace hexhub::hub
