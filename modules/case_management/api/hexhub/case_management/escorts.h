#pragma once
// The centre's escort team (issue 22 section 3): a person in custody taken to the detention centre,
// a hospital, a court or another unit. A request names the person, where to and the deadline that
// drives it (for the detention centre, the person's 24-hour transfer limit; otherwise a time given,
// on the hub's deadline queue); a crew of the team's roster on duty and free is assigned with its
// vehicle; the departure books the person out of the suite to the crew, the arrival meets the
// transfer limit. One write path (ARCHITECTURE.md 3a): permission checked here (and again by a
// prepared shared server), version checked, journaled, audited, the same command twice applied once.

#include "hexhub/case_management/case_management_export.h"
#include "module/command.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace hexhub {
class AuditLog;
class Session;
class Store;
} // namespace hexhub

namespace hexhub::cases {

//! Where an escort goes.
enum class EscortDestination { DetentionCentre, Hospital, Court, Unit };
HEXHUB_CASE_MANAGEMENT_EXPORT QString escortDestinationKey(EscortDestination destination);
HEXHUB_CASE_MANAGEMENT_EXPORT std::optional<EscortDestination> escortDestinationFromKey(const QString& key);
HEXHUB_CASE_MANAGEMENT_EXPORT QString escortDestinationName(EscortDestination destination);
//! An escort's state in words: requested, assigned, on the way, arrived, cancelled.
HEXHUB_CASE_MANAGEMENT_EXPORT QString escortStateName(const QString& state);

//! A crew of the escort team's roster: its call sign, officers and vehicle, and whether on duty now.
struct HEXHUB_CASE_MANAGEMENT_EXPORT EscortCrew
{
    qint64 id = 0;
    QString callSign, officers, vehicle;
    bool onDuty = true;
    qint64 busyWith = 0; //!< the escort it is assigned to or on, 0: free
};

struct HEXHUB_CASE_MANAGEMENT_EXPORT Escort
{
    qint64 id = 0, custodyId = 0, caseId = 0;
    QString tag, caseNumber; //!< the person's wristband and the case
    QString destinationKind; //!< escortDestinationKey()
    QString destination, reason;
    qint64 deadlineAt = 0; //!< the deadline that drives it
    qint64 limitId = 0;    //!< the statutory limit behind the deadline (the transfer), 0: a time given
    qint64 crewId = 0;
    QString crew, vehicle; //!< the crew's call sign and the vehicle taken
    QString state;         //!< requested, assigned, departed, arrived, cancelled
    qint64 requestedAt = 0, assignedAt = 0, departedAt = 0, arrivedAt = 0, cancelledAt = 0;
    QString requestedBy, assignedBy, departedBy, arrivedBy, cancelledBy;
    QString receivedBy; //!< who took the person at the destination
    QString note;       //!< why it was cancelled
    int version = 1;
    bool open() const { return state != QLatin1String("arrived") && state != QLatin1String("cancelled"); }
};

struct HEXHUB_CASE_MANAGEMENT_EXPORT NewEscort
{
    qint64 custodyId = 0;
    EscortDestination destination = EscortDestination::DetentionCentre;
    QString place;         //!< which detention centre, hospital, court or unit (2 to 200 characters)
    QString reason;        //!< at most 2,000 characters
    qint64 deadlineAt = 0; //!< by when it must arrive: required except to the detention centre, whose limit drives it
};

//! `escort.changed`: an escort requested, assigned, departed, arrived or cancelled (no personal data: the wristband).
struct HEXHUB_CASE_MANAGEMENT_EXPORT EscortChanged
{
    static constexpr auto kTopic = "escort.changed";
    static constexpr int kSchemaVersion = 1;
    qint64 escortId = 0, custodyId = 0, caseId = 0;
    QString tag, change, destination, crew, note;
    QJsonObject toJson() const;
    static std::optional<EscortChanged> fromJson(const QJsonObject& json);
};

class HEXHUB_CASE_MANAGEMENT_EXPORT EscortService
{
public:
    static constexpr auto kViewPermission = "case_management.case.view";
    static constexpr auto kManagePermission = "case_management.escort.manage";

    EscortService(Store& store, Session& session, AuditLog& audit);
    Q_DISABLE_COPY_MOVE(EscortService)

    //! case_management.case.view. Escorts still open, the soonest deadline first, then those that ended since `sinceMs` (the board's day).
    QFuture<QList<Escort>> board(qint64 sinceMs) const;
    QFuture<Escort> escort(qint64 id) const;
    //! case_management.case.view. The team's roster, each crew with the escort it is busy with.
    QFuture<QList<EscortCrew>> crews() const;

    /*!
     * case_management.escort.manage. Requests an escort of a person in the suite. To the detention
     * centre the person's running transfer limit drives it (refused without one); elsewhere the
     * deadline given does, on the hub's deadline queue. One open escort a person.
     */
    QFuture<Escort> request(const NewEscort& draft, const CommandId& command = CommandId::make()) const;
    //! case_management.escort.manage. Assigns crew `crewId` (on duty, free) to the requested escort, with its vehicle unless `vehicle` names another.
    QFuture<Escort> assign(qint64 id, int version, qint64 crewId, const QString& vehicle, const CommandId& command = CommandId::make()) const;
    /*!
     * case_management.escort.manage. The assigned crew leaves with the person: they are booked out of
     * the suite (transferred to the detention centre, handed over elsewhere) to the crew.
     */
    QFuture<Escort> depart(qint64 id, int version, const CommandId& command = CommandId::make()) const;
    //! case_management.escort.manage. Arrived, with who received the person: the transfer limit is met.
    QFuture<Escort> arrive(qint64 id, int version, const QString& receivedBy, const CommandId& command = CommandId::make()) const;
    //! case_management.escort.manage. A request not yet on its way cancelled, with the reason.
    QFuture<Escort> cancel(qint64 id, int version, const QString& reason, const CommandId& command = CommandId::make()) const;
    //! case_management.escort.manage. A crew put on or off duty (a crew on an escort stays on it).
    QFuture<EscortCrew> setOnDuty(qint64 crewId, bool onDuty, const CommandId& command = CommandId::make()) const;

private:
    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
};

} // namespace hexhub::cases
