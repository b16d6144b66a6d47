#include "chartsloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>

namespace hexhub::hub {

QWidget* createDashboard(HubContext& hub, QWidget* parent, QString* error)
{
    const QString path = QDir(QCoreApplication::applicationDirPath())
                             .absoluteFilePath(QStringLiteral("../" HEXHUB_LIBDIR_FOR_HUB "/hexhub/hexhub_hub_charts.so"));
    QLibrary library(path);
    using Create = QWidget* (*)(HubContext*, QWidget*);
    const auto create = reinterpret_cast<Create>(library.resolve("hexhub_hub_create_dashboard"));
    if (!create) {
        if (error)
            *error = library.errorString();
        return nullptr;
    }
    return create(&hub, parent);
}

} // namespace hexhub::hub
