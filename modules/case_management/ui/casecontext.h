#pragma once
// What the centre's views share: the core's services and the centre's own (one of each per desk).
#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/custody.h"
#include "hexhub/case_management/escorts.h"
#include "hexhub/case_management/guidelines.h"

#include <functional>

namespace hexhub {
class AuditLog;
class Clock;
class EventBus;
class Outbox;
class Session;
class Store;
} // namespace hexhub

namespace hexhub::cases {

struct CaseContext
{
    CaseContext(Store& store, EventBus& bus, Clock& clock, Session& session, AuditLog& audit, Outbox* outbox = nullptr)
        : store(store)
        , bus(bus)
        , clock(clock)
        , session(session)
        , audit(audit)
        , outbox(outbox)
        , cases(store, session, audit, outbox)
        , custody(store, session, audit, outbox)
        , escorts(store, session, audit)
        , guidelines(store, session, audit)
    {}
    Store& store;
    EventBus& bus;
    Clock& clock;
    Session& session;
    AuditLog& audit;
    //! Where the centre's commands wait while the server is away (null: an outage fails them).
    Outbox* outbox;
    CaseService cases;
    CustodyService custody;
    EscortService escorts;
    GuidelineService guidelines;
    //! Opens a record of any module ("incident", "42"): empty, or why it could not.
    std::function<QString(const QString& kind, const QString& ref)> openRecord;
};

} // namespace hexhub::cases
