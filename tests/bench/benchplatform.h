#pragma once
// A desk's platform for a benchmark: every module loaded from the build, a SQLite store and its files
// in `folder`, started, and an operator of `role` holding `permissions` in its session.
#include "module/platform.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace hexhub::bench {

std::unique_ptr<Platform> startDeskPlatform(const QString& folder, const QString& role, const QStringList& permissions);

} // namespace hexhub::bench
