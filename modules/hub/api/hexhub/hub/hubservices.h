#pragma once
// The hub's services, all three: include the one you use (incidentservice.h, unitservice.h,
// taskservice.h); this header is for code that uses them together. The events they publish are
// typed in events.h.

#include "hexhub/hub/camera.h"
#include "hexhub/hub/events.h"
#include "hexhub/hub/incidentservice.h"
#include "hexhub/hub/taskservice.h"
#include "hexhub/hub/unitservice.h"

/*
 * The services that change the hub's shared domain (issue 5). Every change:
 *  - is permission-checked here, not only by the views (a refusal is audited, then reported);
 *  - runs in one write transaction on the store's writer thread, with the bus events it causes
 *    journaled in that same transaction (incident.*, unit.*, task.*, operation.*, deadline.*);
 *  - is audited where ARCHITECTURE section 7 asks for it (dispatches, reveals, merges);
 *  - is a command with an id made where it is issued (the default argument is made at the call; a
 *    form keeps one per draft): sent again, it is applied once and answers with what it made or
 *    changed (`applied_commands`, ARCHITECTURE 3a); updates check the row's version in the UPDATE;
 *  - answers with a QFuture: nothing waits on the store on the GUI thread.
 * They need the hub module's schema (its migrations), so modules that use them depend on the hub.
 *
 * Every incident's events are indexed in `hub_incident_events`, which is what its timeline reads.
 */

namespace hexhub {

class Outbox;

/*!
 * Registers with `outbox` how each of the hub's commands is sent again after an outage (the
 * services keep them there while the server is away): through these services, so under the operator
 * signed in then, with the permission checked again. The replayers hold copies of the services,
 * whose store, session and audit outlive the outbox.
 */
HEXHUB_HUB_EXPORT void registerHubReplayers(Outbox& outbox, const IncidentService& incidents, const TaskService& tasks,
                                            const UnitService& units, const CameraService& cameras, const MediaService& media);

} // namespace hexhub
