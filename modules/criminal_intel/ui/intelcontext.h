#pragma once
// What the centre's views share: the core's services and the centre's own (one of each per desk).
#include "hexhub/criminal_intel/investigations.h"
#include "hexhub/criminal_intel/leads.h"
#include "hexhub/hub/taskservice.h"

#include <functional>

namespace hexhub {
class AuditLog;
class Clock;
class EventBus;
class Outbox;
class Session;
class Store;
} // namespace hexhub

namespace hexhub::criminalintel {

struct IntelContext
{
    IntelContext(Store& store, EventBus& bus, Clock& clock, Session& session, AuditLog& audit, Outbox* outbox = nullptr)
        : store(store)
        , bus(bus)
        , clock(clock)
        , session(session)
        , audit(audit)
        , outbox(outbox)
        , leads(store, session, audit, outbox)
        , investigations(store, session, audit, outbox)
        , tasks(store, session, audit, outbox)
    {
    }
    Store& store;
    EventBus& bus;
    Clock& clock;
    Session& session;
    AuditLog& audit;
    //! Where the centre's commands wait while the server is away (null: an outage fails them).
    Outbox* outbox;
    LeadService leads;
    InvestigationService investigations;
    //! The hub's tasks: what the task division's lines and the operation report, read as the hub lets this centre.
    TaskService tasks;
    //! Opens a record of any module ("bd_hit", "42"): empty when it opened, else why not.
    std::function<QString(const QString& kind, const QString& ref)> openRecord;
};

} // namespace hexhub::criminalintel
