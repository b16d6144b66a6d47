#pragma once
// The unit registry: the service that adds units, moves their status and records their positions.

#include "hexhub/hub/hub_export.h"
#include "hexhub/hub/hubdomain.h"
#include "hexhub/hub/incident.h"
#include "module/command.h"

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

//! The unit registry.
class HEXHUB_HUB_EXPORT UnitService
{
public:
    //! `outbox`: where commands wait while the server is away (servicesupport.h keepWhenAway());
    //! without one, an outage fails the command.
    UnitService(Store& store, Session& session, AuditLog& audit, Outbox* outbox = nullptr);

    //! hub.unit.manage. Adds a unit, or updates its kind, station, crew, skills and (when given) its
    //! last known position.
    QFuture<Unit> save(const Unit& unit, const CommandId& command = CommandId::make()) const;
    //! hub.unit.dispatch. Busy or off duty or available again; units on an incident move through
    //! IncidentService instead.
    QFuture<Unit> setStatus(const QString& callSign, UnitStatus status, const CommandId& command = CommandId::make()) const;
    //! hub.unit.dispatch (the unit's terminal reports through the desk). Last known position: a
    //! report, not a command; the same report twice leaves the same row.
    QFuture<void> reportPosition(const QString& callSign, const GeoPoint& point) const;
    //! hub.incident.view or hub.task.delegate. Every unit, by call sign.
    QFuture<QList<Unit>> units() const;

private:
    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
    Outbox* m_outbox = nullptr;
};

} // namespace hexhub
