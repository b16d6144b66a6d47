#pragma once
// What the centre's views share: the core's services and the centre's own (one of each per desk).

#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/modelservice.h"
#include "shared/timelimits.h"

#include <functional>

namespace hexhub {
class AuditLog;
class Clock;
class EventBus;
class Session;
class Store;
}

namespace hexhub::bigdata {

struct BigDataContext
{
    BigDataContext(Store& store, EventBus& bus, Clock& clock, Session& session, AuditLog& audit)
        : store(store), bus(bus), clock(clock), session(session), audit(audit), datasets(store, session, audit),
          models(store, session, audit, datasets), limits(store, session, audit)
    {
    }

    Store& store;
    EventBus& bus;
    Clock& clock;
    Session& session;
    AuditLog& audit;
    DatasetService datasets;
    ModelService models;
    TimeLimits limits;
    //! Every module's records offered for analysis (ModuleContext::allSnapshotSources()).
    std::function<QList<SnapshotSource>()> snapshotSources;
    //! Opens a record of any module ("incident", "2026-000123"): empty when it opened, else why not.
    std::function<QString(const QString& kind, const QString& ref)> openRecord;
};

//! The message of a failed future's exception, for a view to show.
QString errorText(const std::exception& e);

} // namespace hexhub::bigdata
