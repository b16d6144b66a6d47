#pragma once
// Incidents: the service that creates, changes, dispatches to and merges them, and what it reads and writes.

#include "hexhub/hub/hub_export.h"
#include "hexhub/hub/hubdomain.h"
#include "hexhub/hub/incident.h"
#include "module/command.h"
#include "module/extensions.h"

#include <QDateTime>
#include <QJsonObject>

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hexhub {

class AuditLog;
class Outbox;
class Session;
class Sql;
class Store;
class WriteTransaction;

// Every change follows the rules of the hub's services (hubservices.h).

//! What an operator fills in for a new incident.
struct HEXHUB_HUB_EXPORT NewIncident
{
    int priority = 3;
    QString category;
    IncidentSource source = IncidentSource::Call;
    QString summary;
    Location location;
    QString reporterContact; //!< personal data: stored, shown masked, revealed with a reason
    QString centre = QStringLiteral("hub");
};

//! A change to an incident's details; only the fields given change.
struct HEXHUB_HUB_EXPORT IncidentEdit
{
    std::optional<int> priority;
    std::optional<QString> category;
    std::optional<QString> summary;
    std::optional<Location> location;
    std::optional<QString> centre;
};

//! What an incident is linked to: a lead, a case, a complaint or another incident.
struct HEXHUB_HUB_EXPORT IncidentLink
{
    QString kind;
    QString ref;
    QString createdBy;
    qint64 createdAt = 0;
};

//! One line of an incident's timeline: who did what, when.
struct HEXHUB_HUB_EXPORT TimelineEntry
{
    qint64 seq = 0;
    QDateTime at;
    QString actor;
    QString topic;
    qint64 incidentId = 0; //!< which incident (a merged one's entries keep their own)
    QString text;          //!< what happened, in the user's language
    QJsonObject payload;
};

//! An open incident a new one may be a duplicate of.
struct HEXHUB_HUB_EXPORT DuplicateCandidate
{
    Incident incident;
    double metres = -1; //!< distance between the two; -1 when matched by address
};

//! Masks a phone number, ID number or e-mail for display: keeps a few characters at each end.
HEXHUB_HUB_EXPORT QString maskContact(const QString& contact);
//! Describes a journaled hub event for a timeline, in the user's language.
HEXHUB_HUB_EXPORT QString describeHubEvent(const QString& topic, const QJsonObject& payload);
/*!
 * The hub's event describer (ModuleContext::setEventDescriber()): describeHubEvent() for timelines
 * and the review; a new incident is also a notification, at priority level for a P1.
 */
HEXHUB_HUB_EXPORT EventDescription describeHubEvent(const Event& event);
/*!
 * The hub's rail badge (ModuleContext::setRailBadge()): the incidents still waiting for a unit (new,
 * not yet dispatched), for those who may see incidents; read again after incident events.
 */
HEXHUB_HUB_EXPORT RailBadge hubRailBadge();
/*!
 * The hub's palette search (ModuleContext::setRecordSearch()): incidents by their number or by the
 * words of their summary, address and notes, newest first, for those who may see incidents.
 */
HEXHUB_HUB_EXPORT QList<RecordHit> searchIncidents(Sql& sql, const QString& text, const Principal& viewer, int limit);

class HEXHUB_HUB_EXPORT IncidentService
{
public:
    //! A new incident is offered for merge with an open one of the same category this close ...
    static constexpr double kDuplicateRadiusMetres = 300;
    //! ... created within this long before it.
    static constexpr qint64 kDuplicateWindowMs = 30 * 60 * 1000;

    //! `outbox`: where commands wait while the server is away (servicesupport.h keepWhenAway());
    //! without one, an outage fails the command.
    IncidentService(Store& store, Session& session, AuditLog& audit, Outbox* outbox = nullptr);

    QFuture<QList<IncidentCategory>> categories() const;

    //! hub.incident.manage. Sets the response-target deadline of its category.
    QFuture<Incident> create(const NewIncident& incident, const CommandId& command = CommandId::make()) const;
    //! hub.incident.view. The reporter's contact comes masked.
    QFuture<Incident> get(qint64 id) const;
    /*!
     * hub.incident.manage. `seen` is the incident as the operator saw it; `edit` what they changed.
     * Refused with ConflictError only when someone else changed a field this edit changes (to
     * something else than this edit sets it to) since: a note, a status move or a change of another
     * field in between is kept and the edit goes on top of it. Kept in the outbox while the server is
     * away, with what was seen, and judged the same way when it is sent.
     */
    QFuture<Incident> edit(const Incident& seen, const IncidentEdit& edit, const CommandId& command = CommandId::make()) const;
    //! hub.incident.manage. Refused with ConflictError when the incident changed at all since
    //! `expectedVersion` (commands kept by an earlier version of Hexhub are sent this way).
    QFuture<Incident> edit(qint64 id, qint64 expectedVersion, const IncidentEdit& edit, const CommandId& command = CommandId::make()) const;
    /*!
     * hub.incident.manage. Only the moves canMoveIncident() allows. Cancelling recalls the units;
     * closing is refused while units are still assigned; resolving, closing and cancelling clear the
     * response deadline. `reason` goes on the timeline (required to cancel).
     */
    QFuture<Incident> moveTo(qint64 id, IncidentStatus to, const QString& reason = {}, const CommandId& command = CommandId::make()) const;
    //! hub.incident.manage. The note goes on the timeline and into the search index.
    QFuture<void> addNote(qint64 id, const QString& text, const CommandId& command = CommandId::make()) const;
    //! hub.incident.manage. `kind` is lead, case, complaint or incident; linking twice is a no-op.
    QFuture<void> link(qint64 id, const QString& kind, const QString& ref, const CommandId& command = CommandId::make()) const;
    /*!
     * hub.incident.manage. Sends the incident to criminal intelligence with what it should look at
     * (`incident.referred`): the centre takes it in as a lead in the same transaction and the
     * incident is linked to that lead. Sent again, it is the same lead. Needs the store (no outbox:
     * the lead is made where the incident is).
     */
    QFuture<void> sendToIntelligence(qint64 id, const QString& note, const CommandId& command = CommandId::make()) const;
    //! hub.incident.view. What the incident is linked to, oldest first.
    QFuture<QList<IncidentLink>> links(qint64 id) const;
    /*!
     * hub.taxonomy.manage. Adds or changes a category of the taxonomy: its name, response target,
     * on-scene limit, run card and playbook (one step a line). Audited; published as
     * `category.saved`. Incidents of the category keep their id; their targets follow the new values.
     */
    QFuture<IncidentCategory> saveCategory(const IncidentCategory& category, const CommandId& command = CommandId::make()) const;
    //! hub.incident.manage. Ticks (or unticks) a playbook step; recorded on the timeline.
    QFuture<void> tickStep(qint64 id, int step, bool ticked, const CommandId& command = CommandId::make()) const;
    //! hub.incident.view. The playbook steps ticked so far.
    QFuture<QList<int>> tickedSteps(qint64 id) const;

    /*!
     * hub.unit.dispatch. Sends the units (all available, else nothing happens and the refusal says
     * which is not): each goes en route with an arrival deadline of the category's response target;
     * a new incident becomes dispatched. Audited per unit.
     */
    QFuture<QList<Unit>> dispatch(qint64 id, const QStringList& callSigns, const CommandId& command = CommandId::make()) const;
    //! hub.unit.dispatch. The unit is on scene; the first one puts the incident on scene.
    QFuture<void> unitArrived(qint64 id, const QString& callSign, const CommandId& command = CommandId::make()) const;
    //! hub.unit.dispatch. The unit leaves the incident and is available; an incident that is only
    //! dispatched and has no unit left goes back to new.
    QFuture<void> unitCleared(const QString& callSign, const CommandId& command = CommandId::make()) const;

    //! hub.incident.view. Open incidents of the same category near the new one, created within the
    //! window; by address when the new one has no position.
    QFuture<QList<DuplicateCandidate>> duplicatesOf(const NewIncident& incident) const;
    //! hub.incident.manage. `duplicate` is cancelled into `keep`; its units move to `keep`; both
    //! timelines stay and keep's timeline shows both. Audited.
    QFuture<void> merge(qint64 keep, qint64 duplicate, const CommandId& command = CommandId::make()) const;

    //! hub.incident.view. Every journaled event of the incident and of those merged into it, oldest first.
    QFuture<QList<TimelineEntry>> timeline(qint64 id) const;
    //! hub.incident.contact and a reason; audited as personal_data.revealed (refusals too).
    QFuture<QString> revealContact(qint64 id, const QString& reason) const;

private:
    //! Either check: the fields of `seen` given (those the edit changes), else the whole `expectedVersion`.
    QFuture<Incident> update(qint64 id, std::optional<qint64> expectedVersion, IncidentEdit seen, IncidentEdit edit,
                             const CommandId& command) const;

    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
    Outbox* m_outbox = nullptr;
};

/*!
 * For another module's reaction inside the hub's transaction (a centre taking in an incident the hub
 * sent it): links incident `id` to `kind` `ref` (a lead, a case) as `by`, on the incident's timeline
 * (`incident.linked`); a link that is there already is left as it is.
 */
HEXHUB_HUB_EXPORT void linkIncidentIn(WriteTransaction& txn, qint64 id, const QString& kind, const QString& ref, const QString& by);

} // namespace hexhub
