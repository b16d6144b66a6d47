#pragma once
// What the list benchmarks share (board.cpp, cases.cpp): a throw-away store migrated by every
// module, and the child process that times one side of a list (hexhub-bench-board).
#include "module/platform.h"

#include <QJsonObject>
#include <QStringList>

class QTemporaryDir;

namespace hexhub::bench {

//! A store at `path` (SQLite) with every module, its key, settings and outbox in `side`, on a simulated clock at 2026-06-01 08:00.
PlatformOptions benchStoreOptions(const QString& path, const QTemporaryDir& side);
//! Deletes the SQLite store at `path` with its -wal and -shm files.
void removeBenchStore(const QString& path);
//! Starts `platform` and waits for it; throws when the store does not open within two minutes.
void startBenchPlatform(Platform& platform);
//! Runs hexhub-bench-board with `arguments` (the store, model or plain, and the list) and returns the figures it printed.
QJsonObject runListChild(const QStringList& arguments);

} // namespace hexhub::bench
