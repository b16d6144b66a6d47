#pragma once

#include "trainingengine_export.h"
#include "security/session.h"

#include <QDateTime>
#include <QFuture>
#include <QString>

namespace hexhub {

class Platform;

//! What opening a demo store found or made.
struct HEXHUB_TRAINING_ENGINE_EXPORT DemoStoreState
{
    bool generated = false;  //!< the district and its history were made just now (first use)
    qint64 incidents = 0;    //!< incidents in the store
    quint64 seed = 0;        //!< the generator's seed
    QDateTime resumeAt;      //!< where the demo's clock takes up again: the latest moment recorded
};

/*!
 * Demo and training stores. Demo mode only ever opens a store marked as a demo store (the
 * `demo_store` row the generator writes), so it cannot touch live data: an empty store becomes one
 * (the district and a history of `incidents` incidents from `seed`); a store with incidents and no
 * mark is refused with a clear message. Also makes one demo user per built-in role
 * ("demo.case_management" for case_management_operator). The demo signs them in itself, through
 * the role switcher; a locked demo desk opens again with their shared password, kPassword (the demo
 * store holds nothing but synthetic data).
 */
class HEXHUB_TRAINING_ENGINE_EXPORT DemoStore
{
public:
    static constexpr qint64 kDefaultIncidents = 20000;
    static constexpr quint64 kDefaultSeed = 2026;
    static constexpr char kPassword[] = "Training-Only-2026";

    //! After platform.start(): marks, fills and peoples an empty store, or checks a demo store.
    static QFuture<DemoStoreState> open(Platform& platform, qint64 incidents = kDefaultIncidents,
                                        quint64 seed = kDefaultSeed);
    //! The demo user of a built-in role.
    static QString userName(const QString& role);
    //! Signs in the demo user of `role` (audited as a demo sign-in); resolves to its principal.
    static QFuture<Principal> signIn(Platform& platform, const QString& role);
    //! Whether the store is a demo store (has the mark).
    static QFuture<bool> isDemoStore(Platform& platform);
};

} // namespace hexhub
