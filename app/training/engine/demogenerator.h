#pragma once

#include "trainingengine_export.h"

#include "module/demodata.h"

#include <QByteArray>
#include <QFuture>

namespace hexhub {

class Platform;
class Store;

/*!
 * Writes the demo history into the platform's store (started, with its modules): every loaded
 * module's hook in load order, in batched transactions on the store's writer thread. Refuses,
 * with a ValidationError naming the store, a store that already holds incidents, so demo data
 * never mixes into live data. Journals one `demo.generated` event and audits the generation.
 */
HEXHUB_TRAINING_ENGINE_EXPORT QFuture<DemoReport> generateDemo(Platform& platform, const DemoOptions& options);

/*!
 * SHA-256 over every row of every module table (core bookkeeping, journal, audit, users and
 * migration records excluded: they hold wall-clock times and random salts), table by table in name
 * order, rows in primary-key order. Two stores generated with the same options have the same hash.
 */
HEXHUB_TRAINING_ENGINE_EXPORT QFuture<QByteArray> demoDataHash(Store& store);

} // namespace hexhub
