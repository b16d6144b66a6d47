#pragma once
// Criminal intelligence's commands while the server is away (ARCHITECTURE.md 3a): each of the
// centre's services given the desk's outbox keeps a command it cannot send in the outbox, and the
// module registers here how each is sent again.
#include "hexhub/criminal_intel/entities.h"
#include "hexhub/criminal_intel/investigations.h"
#include "hexhub/criminal_intel/leads.h"

namespace hexhub {
class AuditLog;
class Outbox;
class Session;
class Store;
} // namespace hexhub

namespace hexhub::criminalintel {

/*!
 * Registers with `outbox` the replayers of every command of LeadService, EntityService and
 * InvestigationService (operations "criminal_intel.*"), which send a kept command again through
 * services of their own over `store`, under whoever is signed in then (the outbox sends a command
 * only under the operator who made it; the permission is checked again), and the keepers that let a
 * desk's own kept changes of one record follow each other without conflict. The module does this at
 * initialize(); `store`, `session` and `audit` must outlive the outbox.
 */
HEXHUB_CRIMINAL_INTEL_EXPORT void registerIntelReplayers(Outbox& outbox, Store& store, Session& session, AuditLog& audit);

} // namespace hexhub::criminalintel
