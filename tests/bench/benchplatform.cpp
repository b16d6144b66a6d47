#include "benchplatform.h"

#include "base/waitforfuture.h"
#include "security/session.h"
#include "store/storeurl.h"

#include <QDir>

#include <stdexcept>

namespace hexhub::bench {

std::unique_ptr<Platform> startDeskPlatform(const QString& folder, const QString& role, const QStringList& permissions)
{
    const QDir dir(folder);
    PlatformOptions options;
    options.store = StoreUrl::sqlite(dir.filePath(QStringLiteral("desk.db")));
    options.auditKeyPath = dir.filePath(QStringLiteral("audit.key"));
    options.settingsPath = dir.filePath(QStringLiteral("hexhub.conf"));
    options.outboxPath = dir.filePath(QStringLiteral("outbox.db"));
    options.modulePaths = {QStringLiteral(HEXHUB_MODULE_DIR)};
    options.passwordIterations = 1000;
    auto platform = std::make_unique<Platform>(options);
    QFuture<void> started = platform->start();
    if (!waitForFuture(started, 120000))
        throw std::runtime_error("the store did not open");
    resultOf(started);
    Principal who;
    who.userId = 1;
    who.name = QStringLiteral("bench");
    who.roles = {role};
    who.permissions = QSet<QString>(permissions.cbegin(), permissions.cend());
    platform->session().setPrincipal(who);
    return platform;
}

} // namespace hexhub::bench
