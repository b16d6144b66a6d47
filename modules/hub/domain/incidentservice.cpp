#include "hexhub/hub/incidentservice.h"

#include "hubrows_p.h"
#include "hubreplay_p.h"
#include "hubservicesupport_p.h"

#include "security/audit.h"
#include "base/clock.h"
#include "base/coretr.h"
#include "base/error.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlQuery>

#include <cmath>
#include <numbers>

namespace hexhub {

using namespace hubrows;
using hubsupport::check;
using hubsupport::failNow;
using hubsupport::hubWrite;
using hubsupport::incidentRecord;
using hubsupport::keepWhenAway;
using hubsupport::offline;
using hubsupport::operationRecord;
using hubsupport::taskRecord;
using hubsupport::unitRecords;
using service::appliedBefore;
using service::recordApplied;

// ---------------------------------------------------------------------------------------------
// IncidentService

namespace {

// The incident as a caller sees it after a change: the reporter's contact masked.
Incident maskedIncident(Sql& sql, qint64 id)
{
    Incident incident = loadIncident(sql, id);
    incident.reporterContact = maskContact(incident.reporterContact);
    return incident;
}

} // namespace

IncidentService::IncidentService(Store& store, Session& session, AuditLog& audit, Outbox* outbox)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
    , m_outbox(outbox)
{
}

QFuture<QList<IncidentCategory>> IncidentService::categories() const
{
    return m_store.read([](Sql& sql) {
        QList<IncidentCategory> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kCategoryColumns + QStringLiteral(" FROM hub_categories ORDER BY sort_order, id"));
        while (q.next())
            out << categoryFrom(q);
        return out;
    });
}

QFuture<Incident> IncidentService::create(const NewIncident& in, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Incident>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("create an incident"),
                                       QStringLiteral("incident.created"), QStringLiteral("incident:new")))
        return *refused;
    try {
        validatePriority(in.priority);
        validateSummary(in.summary);
        validateLocation(in.location);
    } catch (...) {
        return QtFuture::makeExceptionalFuture<Incident>(std::current_exception());
    }
    auto attempt = [&] { return m_store.write(hubWrite(actor), [in, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.incident.create");
        if (const auto earlier = appliedBefore(txn, command, op)) {
            Incident made = loadIncident(txn, earlier->toLongLong());
            made.reporterContact = maskContact(made.reporterContact);
            return made;
        }
        const IncidentCategory category = loadCategory(txn, in.category);
        const qint64 now = txn.clock().nowMs();
        const QVariant lat = in.location.point ? QVariant(in.location.point->latitude) : QVariant();
        const QVariant lon = in.location.point ? QVariant(in.location.point->longitude) : QVariant();
        // The number is the year and the row id; a placeholder keeps the UNIQUE column filled until then.
        const qint64 id = txn.insert(
            QStringLiteral("INSERT INTO hub_incidents (number, status, priority, category, source, summary, address, latitude, "
                           "longitude, reporter_contact, centre, created_at, updated_at) "
                           "VALUES (?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {QUuid::createUuid().toString(QUuid::WithoutBraces), in.priority, in.category, incidentSourceId(in.source),
             in.summary.trimmed(), in.location.address.trimmed(), lat, lon,
             in.reporterContact.trimmed().isEmpty() ? QVariant() : QVariant(in.reporterContact.trimmed()),
             in.centre.isEmpty() ? kHub : in.centre, now, now});
        const QString number = QStringLiteral("%1-%2")
                                   .arg(txn.clock().now().date().year())
                                   .arg(id, 6, 10, QLatin1Char('0'));
        txn.exec(QStringLiteral("UPDATE hub_incidents SET number = ? WHERE id = ?"), {number, id});
        Incident incident = loadIncident(txn, id);
        publishFor(txn, {id}, IncidentCreated{incident});
        setDeadline(txn, responseKey(id),
                    Tr::tr("Response %1: %2").arg(number, category.displayName()), now + category.responseTargetMs,
                    QStringLiteral("incident:%1").arg(id));
        recordApplied(txn, command, op, QString::number(id));
        incident.reporterContact = maskContact(incident.reporterContact);
        return incident;
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.incident.create"), command, hubreplay::toJson(in), {}, Tr::tr("New incident: %1").arg(in.summary.trimmed()), actor));
}

QFuture<Incident> IncidentService::get(qint64 id) const
{
    const Principal actor = m_session.principal();
    try {
        Session::require(actor, QStringLiteral("hub.incident.view"), Tr::tr("see an incident"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<Incident>(std::current_exception());
    }
    return m_store.read([id](Sql& sql) {
        Incident incident = loadIncident(sql, id);
        incident.reporterContact = maskContact(incident.reporterContact);
        return incident;
    });
}

QFuture<Incident> IncidentService::edit(const Incident& seen, const IncidentEdit& change, const CommandId& command) const
{
    // What the operator saw of the fields they change: the check is on those, not the whole record.
    IncidentEdit before;
    if (change.priority)
        before.priority = seen.priority;
    if (change.category)
        before.category = seen.category;
    if (change.summary)
        before.summary = seen.summary;
    if (change.location)
        before.location = seen.location;
    if (change.centre)
        before.centre = seen.centre;
    return update(seen.id, std::nullopt, before, change, command);
}

QFuture<Incident> IncidentService::edit(qint64 id, qint64 expectedVersion, const IncidentEdit& change, const CommandId& command) const
{
    return update(id, expectedVersion, {}, change, command);
}

QFuture<Incident> IncidentService::update(qint64 id, std::optional<qint64> expectedVersion, IncidentEdit seen,
                                          IncidentEdit change, const CommandId& command) const
{
    // As it will be stored, so that what is compared below is what is written: the summary and the
    // address trimmed; an empty centre changes nothing.
    if (change.summary)
        change.summary = change.summary->trimmed();
    if (change.location)
        change.location->address = change.location->address.trimmed();
    if (change.centre && change.centre->isEmpty()) {
        change.centre.reset();
        seen.centre.reset();
    }
    const Principal actor = m_session.principal();
    if (auto refused = check<Incident>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("change an incident"),
                                       QStringLiteral("incident.updated"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    try {
        if (change.priority)
            validatePriority(*change.priority);
        if (change.summary)
            validateSummary(*change.summary);
        if (change.location)
            validateLocation(*change.location);
        if (!expectedVersion && (bool(change.priority) != bool(seen.priority) || bool(change.category) != bool(seen.category)
                                 || bool(change.summary) != bool(seen.summary) || bool(change.location) != bool(seen.location)
                                 || bool(change.centre) != bool(seen.centre)))
            throw ValidationError(Tr::tr("The edit does not say what was seen of each field it changes."));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<Incident>(std::current_exception());
    }
    auto attempt = [&] { return m_store.write(hubWrite(actor), [id, expectedVersion, seen, change, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.incident.edit");
        if (appliedBefore(txn, command, op))
            return maskedIncident(txn, id);
        // The row is held from here to the commit, so what is checked below is what is changed.
        if (txn.dialect().name() == QLatin1String("postgresql"))
            txn.exec(QStringLiteral("SELECT 1 FROM hub_incidents WHERE id = ? FOR UPDATE"), {id});
        const Incident before = loadIncident(txn, id);
        const QString conflict = Tr::tr("Incident %1 was changed by someone else while you edited it; "
                                        "reload it and make your change again.").arg(before.number);
        if (expectedVersion && before.version != *expectedVersion)
            throw ConflictError(conflict);
        // A field someone else set to something else since the operator saw it is a conflict; one
        // they set to what this edit sets it to is not.
        const auto changedMeanwhile = [](const auto& now, const auto& saw, const auto& wanted) {
            return saw && wanted && now != *saw && now != *wanted;
        };
        if (!expectedVersion
            && (changedMeanwhile(before.priority, seen.priority, change.priority)
                || changedMeanwhile(before.category, seen.category, change.category)
                || changedMeanwhile(before.summary, seen.summary, change.summary)
                || changedMeanwhile(before.location, seen.location, change.location)
                || changedMeanwhile(before.centre, seen.centre, change.centre)))
            throw ConflictError(conflict);
        if (before.status == IncidentStatus::Closed || before.status == IncidentStatus::Cancelled)
            throw ValidationError(Tr::tr("Incident %1 is %2: it can no longer be changed.")
                                      .arg(before.number, incidentStatusName(before.status)));
        QStringList sets;
        QVariantList binds;
        QStringList changed;
        if (change.priority && *change.priority != before.priority) {
            sets << QStringLiteral("priority = ?");
            binds << *change.priority;
            changed << QStringLiteral("priority");
        }
        if (change.category && *change.category != before.category) {
            loadCategory(txn, *change.category);
            sets << QStringLiteral("category = ?");
            binds << *change.category;
            changed << QStringLiteral("category");
        }
        if (change.summary && *change.summary != before.summary) {
            sets << QStringLiteral("summary = ?");
            binds << *change.summary;
            changed << QStringLiteral("summary");
        }
        if (change.location && *change.location != before.location) {
            sets << QStringLiteral("address = ?") << QStringLiteral("latitude = ?") << QStringLiteral("longitude = ?");
            binds << change.location->address
                  << (change.location->point ? QVariant(change.location->point->latitude) : QVariant())
                  << (change.location->point ? QVariant(change.location->point->longitude) : QVariant());
            changed << QStringLiteral("location");
        }
        if (change.centre && *change.centre != before.centre) {
            sets << QStringLiteral("centre = ?");
            binds << *change.centre;
            changed << QStringLiteral("centre");
        }
        if (sets.isEmpty()) {
            Incident same = before;
            same.reporterContact = maskContact(same.reporterContact);
            return same;
        }
        // The version read above is checked in the UPDATE itself too: on SQLite, which holds no row,
        // a change that slipped in between is a conflict instead of being overwritten.
        binds << txn.clock().nowMs() << id << before.version;
        const QSqlQuery updated = txn.exec(QStringLiteral("UPDATE hub_incidents SET ") + sets.join(QStringLiteral(", "))
                                               + QStringLiteral(", updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"),
                                           binds);
        if (updated.numRowsAffected() != 1)
            throw ConflictError(conflict);
        Incident after = loadIncident(txn, id);
        publishFor(txn, {id}, IncidentUpdated{after, changed});
        recordApplied(txn, command, op, QString::number(id));
        after.reporterContact = maskContact(after.reporterContact);
        return after;
    }); };
    QJsonObject kept{{QStringLiteral("id"), id}, {QStringLiteral("edit"), hubreplay::toJson(change)}};
    if (expectedVersion)
        kept.insert(QStringLiteral("version"), *expectedVersion);
    else
        kept.insert(QStringLiteral("seen"), hubreplay::toJson(seen));
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.incident.edit"), command, kept, {incidentRecord(id)},
                                Tr::tr("Change incident %1").arg(id), actor));
}

QFuture<Incident> IncidentService::moveTo(qint64 id, IncidentStatus to, const QString& reason, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Incident>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("change an incident's status"),
                                       QStringLiteral("incident.status"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    if (to == IncidentStatus::Cancelled && reason.trimmed().isEmpty())
        return failNow<Incident>(Tr::tr("Say why the incident is cancelled."));
    auto attempt = [&] { return m_store.write(hubWrite(actor), [id, to, reason, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.incident.move");
        if (appliedBefore(txn, command, op))
            return maskedIncident(txn, id);
        const Incident before = loadIncident(txn, id);
        if (const QString why = whyIncidentCannotMove(before.status, to); !why.isEmpty())
            throw ValidationError(why);
        const QList<Unit> assigned = unitsOn(txn, id);
        if (to == IncidentStatus::Closed && !assigned.isEmpty())
            throw ValidationError(Tr::tr("Clear the units still on incident %1 before closing it: %2.")
                                      .arg(before.number, [&] {
                                          QStringList cs;
                                          for (const Unit& u : assigned)
                                              cs << u.callSign;
                                          return cs.join(QStringLiteral(", "));
                                      }()));
        if (to == IncidentStatus::New && !assigned.isEmpty())
            throw ValidationError(Tr::tr("Units are still assigned to incident %1; clear them first.").arg(before.number));
        if (to == IncidentStatus::OnScene && before.status == IncidentStatus::Dispatched)
            throw ValidationError(Tr::tr("An incident goes on scene when its first unit arrives; mark the unit arrived."));
        if (to == IncidentStatus::Cancelled) {
            for (const Unit& unit : assigned)
                releaseUnit(txn, unit);
        }
        writeStatus(txn, before, to, reason.trimmed());
        if (to == IncidentStatus::Resolved || to == IncidentStatus::Closed || to == IncidentStatus::Cancelled)
            clearDeadline(txn, responseKey(id));
        recordApplied(txn, command, op, QString::number(id));
        return maskedIncident(txn, id);
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.incident.move"), command, {{QStringLiteral("id"), id}, {QStringLiteral("to"), incidentStatusId(to)}, {QStringLiteral("reason"), reason}}, {incidentRecord(id)}, Tr::tr("Incident %1: %2").arg(id).arg(incidentStatusName(to)), actor));
}

QFuture<void> IncidentService::addNote(qint64 id, const QString& text, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("add a note to an incident"),
                                   QStringLiteral("incident.note"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    const QString note = text.trimmed();
    if (note.isEmpty())
        return failNow<void>(Tr::tr("The note is empty."));
    if (note.size() > 4000)
        return failNow<void>(Tr::tr("The note is %1 characters long; keep it to 4,000.").arg(note.size()));
    auto attempt = [&] { return m_store.write(hubWrite(actor), [id, note, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.incident.note");
        if (appliedBefore(txn, command, op))
            return;
        const Incident incident = loadIncident(txn, id);
        txn.exec(QStringLiteral("UPDATE hub_incidents SET notes = CASE WHEN notes = '' THEN ? ELSE notes || ? || ? END, "
                                "updated_at = ?, version = version + 1 WHERE id = ?"),
                 {note, QStringLiteral("\n"), note, txn.clock().nowMs(), id});
        publishFor(txn, {id}, IncidentNoteAdded{id, incident.number, note});
        recordApplied(txn, command, op, QString::number(id));
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.incident.note"), command, {{QStringLiteral("id"), id}, {QStringLiteral("text"), note}}, {incidentRecord(id)}, Tr::tr("Note on incident %1: %2").arg(id).arg(note.left(80)), actor));
}

QFuture<void> IncidentService::link(qint64 id, const QString& kind, const QString& ref, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("link an incident"),
                                   QStringLiteral("incident.linked"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    static const QStringList kinds{QStringLiteral("lead"), QStringLiteral("case"), QStringLiteral("complaint"),
                                   QStringLiteral("incident")};
    if (!kinds.contains(kind))
        return failNow<void>(Tr::tr("'%1' is not something an incident links to: lead, case, complaint or incident.").arg(kind));
    const QString reference = ref.trimmed();
    if (reference.isEmpty() || reference.size() > 64)
        return failNow<void>(Tr::tr("Give the reference of the %1 to link.").arg(kind));
    auto attempt = [&] { return m_store.write(hubWrite(actor), [id, kind, reference, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.incident.link");
        if (appliedBefore(txn, command, op))
            return;
        const Incident incident = loadIncident(txn, id);
        recordApplied(txn, command, op, QString::number(id));
        if (txn.scalar(QStringLiteral("SELECT 1 FROM hub_incident_links WHERE incident_id = ? AND kind = ? AND ref = ?"),
                       {id, kind, reference}).isValid())
            return;
        txn.exec(QStringLiteral("INSERT INTO hub_incident_links (incident_id, kind, ref, created_by, created_at) VALUES (?, ?, ?, ?, ?)"),
                 {id, kind, reference, name, txn.clock().nowMs()});
        publishFor(txn, {id}, IncidentLinked{id, incident.number, kind, reference});
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.incident.link"), command, {{QStringLiteral("id"), id}, {QStringLiteral("kind"), kind}, {QStringLiteral("ref"), reference}}, {incidentRecord(id)}, Tr::tr("Link incident %1 to %2 %3").arg(id).arg(kind, reference), actor));
}

QFuture<void> IncidentService::sendToIntelligence(qint64 id, const QString& text, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("send an incident to intelligence"),
                                   QStringLiteral("incident.referred"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    const QString note = text.simplified();
    if (note.size() < 5)
        return failNow<void>(Tr::tr("Say what criminal intelligence should look at."));
    if (note.size() > 2000)
        return failNow<void>(Tr::tr("Keep it to 2,000 characters."));
    return m_store.write(hubWrite(actor), [this, id, note, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.incident.refer");
        if (appliedBefore(txn, command, op))
            return;
        const Incident incident = loadIncident(txn, id);
        publishFor(txn, {id}, IncidentReferred{id, incident.number, QStringLiteral("criminal_intel"), note});
        m_audit.append(txn, {name, QStringLiteral("incident.referred"), QStringLiteral("incident:%1").arg(id),
                             QStringLiteral("criminal_intel: %1").arg(note), QStringLiteral("success")});
        recordApplied(txn, command, op, QString::number(id));
    });
}

void linkIncidentIn(WriteTransaction& txn, qint64 id, const QString& kind, const QString& ref, const QString& by)
{
    const Incident incident = loadIncident(txn, id);
    if (txn.scalar(QStringLiteral("SELECT 1 FROM hub_incident_links WHERE incident_id = ? AND kind = ? AND ref = ?"), {id, kind, ref}).isValid())
        return;
    txn.exec(QStringLiteral("INSERT INTO hub_incident_links (incident_id, kind, ref, created_by, created_at) VALUES (?, ?, ?, ?, ?)"),
             {id, kind, ref, by, txn.clock().nowMs()});
    publishFor(txn, {id}, IncidentLinked{id, incident.number, kind, ref});
}

QFuture<QList<IncidentLink>> IncidentService::links(qint64 id) const
{
    try {
        m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see an incident"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<IncidentLink>>(std::current_exception());
    }
    return m_store.read([id](Sql& sql) {
        QSqlQuery q = sql.exec(QStringLiteral("SELECT kind, ref, created_by, created_at FROM hub_incident_links "
                                              "WHERE incident_id = ? ORDER BY created_at, kind, ref"),
                               {id});
        QList<IncidentLink> out;
        while (q.next())
            out << IncidentLink{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()};
        return out;
    });
}

QFuture<IncidentCategory> IncidentService::saveCategory(const IncidentCategory& in, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<IncidentCategory>(m_audit, actor, QStringLiteral("hub.taxonomy.manage"), Tr::tr("change the incident taxonomy"),
                                               QStringLiteral("category.saved"), QStringLiteral("category:%1").arg(in.id)))
        return *refused;
    IncidentCategory c = in;
    try {
        c.id = c.id.trimmed();
        c.name = c.name.trimmed();
        static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
        if (!idPattern.match(c.id).hasMatch())
            throw ValidationError(Tr::tr("A category's id is 1 to 40 lower-case letters, digits or '_', starting with a letter."));
        if (c.name.isEmpty() || c.name.size() > 80)
            throw ValidationError(Tr::tr("Give the category a name of at most 80 characters."));
        if (c.responseTargetMs < 60000 || c.responseTargetMs > qint64(24) * 3600 * 1000)
            throw ValidationError(Tr::tr("The response target is between 1 minute and 24 hours."));
        if (c.onSceneLimitMs < 60000 || c.onSceneLimitMs > qint64(7) * 24 * 3600 * 1000)
            throw ValidationError(Tr::tr("The on-scene limit is between 1 minute and 7 days."));
        if (c.defaultPriority < 1 || c.defaultPriority > 4)
            throw ValidationError(Tr::tr("A category's default priority is P1 to P4."));
        c.keywords = c.keywords.trimmed();
        if (c.keywords.size() > 1000)
            throw ValidationError(Tr::tr("A category's keywords are at most 1,000 characters."));
        // The run card goes through the same reader incidents use, so what is saved reads back.
        QString error;
        if (!IncidentCategory::runCardFromJson(c.id, IncidentCategory::runCardToJson(c.runCard), &error))
            throw ValidationError(error);
        QStringList steps;
        for (const QString& step : std::as_const(c.playbook)) {
            const QString s = step.trimmed();
            if (s.size() > 200)
                throw ValidationError(Tr::tr("Playbook step %1 is longer than 200 characters.").arg(steps.size() + 1));
            if (!s.isEmpty())
                steps << s;
        }
        if (steps.size() > 50)
            throw ValidationError(Tr::tr("A playbook has at most 50 steps."));
        c.playbook = steps;
        c.runCard.category = c.id;
    } catch (...) {
        return QtFuture::makeExceptionalFuture<IncidentCategory>(std::current_exception());
    }
    auto attempt = [&] { return m_store.write(hubWrite(actor), [this, c, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.category.save");
        if (appliedBefore(txn, command, op))
            return loadCategory(txn, c.id);
        const std::optional<IncidentCategory> before = findCategory(txn, c.id);
        // An edit says which version it was made from: changed meanwhile (on another desk, or while
        // this one kept the edit through an outage) is a conflict, not a silent overwrite.
        if (before && c.version > 0 && before->version != c.version)
            throw ConflictError(Tr::tr("The category %1 was changed on another desk meanwhile; look at it again and retry.")
                                    .arg(before->displayName()));
        const QString runCard = QString::fromUtf8(QJsonDocument(IncidentCategory::runCardToJson(c.runCard)).toJson(QJsonDocument::Compact));
        const QString playbook = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(c.playbook)).toJson(QJsonDocument::Compact));
        if (before) {
            // At the version read here: a save racing another desk's is a conflict, not a lost update.
            service::requireUpdated(
                txn.exec(QStringLiteral("UPDATE hub_categories SET name = ?, response_target_s = ?, on_scene_limit_s = ?, run_card = ?, "
                                        "playbook = ?, sort_order = ?, default_priority = ?, keywords = ?, version = version + 1 WHERE id = ? AND version = ?"),
                         {c.name, c.responseTargetMs / 1000, c.onSceneLimitMs / 1000, runCard, playbook, c.sortOrder,
                          c.defaultPriority, c.keywords, c.id, before->version}),
                Tr::tr("The category %1 was changed on another desk meanwhile; look at it again and retry.").arg(before->displayName()));
        } else {
            txn.exec(QStringLiteral("INSERT INTO hub_categories (id, name, response_target_s, on_scene_limit_s, run_card, playbook, sort_order, "
                                    "default_priority, keywords) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {c.id, c.name, c.responseTargetMs / 1000, c.onSceneLimitMs / 1000, runCard, playbook, c.sortOrder,
                      c.defaultPriority, c.keywords});
        }
        const IncidentCategory saved = loadCategory(txn, c.id);
        publishFor(txn, {}, CategorySaved{saved});
        m_audit.append(txn, {name, QStringLiteral("category.saved"), QStringLiteral("category:%1").arg(saved.id),
                             before ? QStringLiteral("changed") : QStringLiteral("added"), QStringLiteral("success")});
        recordApplied(txn, command, op, saved.id);
        return saved;
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.category.save"), command, hubreplay::toJson(c), {QStringLiteral("category:") + c.id},
                                Tr::tr("Save category %1").arg(c.name), actor));
}

QFuture<void> IncidentService::tickStep(qint64 id, int step, bool ticked, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("tick a playbook step"),
                                   QStringLiteral("incident.step"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    auto attempt = [&] { return m_store.write(hubWrite(actor), [id, step, ticked, command, name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.incident.step");
        if (appliedBefore(txn, command, op))
            return;
        const Incident incident = loadIncident(txn, id);
        const IncidentCategory category = loadCategory(txn, incident.category);
        if (step < 0 || step >= category.playbook.size())
            throw ValidationError(Tr::tr("The playbook of %1 has no step %2.").arg(category.displayName()).arg(step + 1));
        const bool was = txn.scalar(QStringLiteral("SELECT 1 FROM hub_playbook_ticks WHERE incident_id = ? AND step = ?"),
                                    {id, step}).isValid();
        recordApplied(txn, command, op, QString::number(id));
        if (was == ticked)
            return;
        if (ticked)
            txn.exec(QStringLiteral("INSERT INTO hub_playbook_ticks (incident_id, step, ticked_by, ticked_at) VALUES (?, ?, ?, ?)"),
                     {id, step, name, txn.clock().nowMs()});
        else
            txn.exec(QStringLiteral("DELETE FROM hub_playbook_ticks WHERE incident_id = ? AND step = ?"), {id, step});
        publishFor(txn, {id}, PlaybookStepTicked{id, incident.number, step, category.playbook.at(step), ticked});
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.incident.step"), command, {{QStringLiteral("id"), id}, {QStringLiteral("step"), step}, {QStringLiteral("ticked"), ticked}}, {incidentRecord(id)}, Tr::tr("Playbook step %1 of incident %2").arg(step + 1).arg(id), actor));
}

QFuture<QList<int>> IncidentService::tickedSteps(qint64 id) const
{
    try {
        m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see an incident"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<int>>(std::current_exception());
    }
    return m_store.read([id](Sql& sql) {
        QList<int> steps;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT step FROM hub_playbook_ticks WHERE incident_id = ? ORDER BY step"), {id});
        while (q.next())
            steps << q.value(0).toInt();
        return steps;
    });
}

QFuture<QList<Unit>> IncidentService::dispatch(qint64 id, const QStringList& callSigns, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<QList<Unit>>(m_audit, actor, QStringLiteral("hub.unit.dispatch"), Tr::tr("dispatch units"),
                                          QStringLiteral("unit.dispatched"), QStringLiteral("incident:%1").arg(id)))
        return *refused;
    if (callSigns.isEmpty())
        return failNow<QList<Unit>>(Tr::tr("Choose at least one unit to dispatch."));
    for (qsizetype i = 0; i < callSigns.size(); ++i) {
        if (callSigns.indexOf(callSigns.at(i)) != i)
            return failNow<QList<Unit>>(Tr::tr("%1 is named twice: a unit goes to an incident once.").arg(callSigns.at(i)));
    }
    auto attempt = [&] { return m_store.write(hubWrite(actor), [this, id, callSigns, actor, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.incident.dispatch");
        if (const auto earlier = appliedBefore(txn, command, op)) {
            QList<Unit> sent; // the units the command sent then, as they are now
            for (const QString& callSign : earlier->split(u',', Qt::SkipEmptyParts))
                sent << loadUnit(txn, callSign);
            return sent;
        }
        const Incident incident = loadIncident(txn, id);
        if (incident.status != IncidentStatus::New && incident.status != IncidentStatus::Dispatched
            && incident.status != IncidentStatus::OnScene)
            throw ValidationError(Tr::tr("Incident %1 is %2: units are no longer sent to it.")
                                      .arg(incident.number, incidentStatusName(incident.status)));
        const IncidentCategory category = loadCategory(txn, incident.category);
        QList<Unit> units;
        for (const QString& callSign : callSigns) {
            const Unit unit = loadUnit(txn, callSign);
            if (unit.status != UnitStatus::Available)
                throw ValidationError(Tr::tr("%1 is %2, not available: nothing was dispatched.")
                                          .arg(unit.callSign, unitStatusName(unit.status)));
            units << unit;
        }
        const qint64 now = txn.clock().nowMs();
        QStringList sent;
        for (const Unit& unit : std::as_const(units)) {
            txn.exec(QStringLiteral("INSERT INTO hub_dispatches (incident_id, unit_id, dispatched_at, dispatched_by) VALUES (?, ?, ?, ?)"),
                     {id, unit.callSign, now, actor.name});
            writeUnitStatus(txn, unit, UnitStatus::EnRoute, id);
            setDeadline(txn, arrivalKey(unit.callSign), Tr::tr("%1 to arrive at %2").arg(unit.callSign, incident.number),
                        now + category.responseTargetMs, QStringLiteral("incident:%1").arg(id));
            m_audit.append(txn, {actor.name, QStringLiteral("unit.dispatched"), QStringLiteral("unit:") + unit.callSign,
                                 QStringLiteral("incident %1").arg(incident.number), QStringLiteral("success")});
            sent << unit.callSign;
        }
        if (incident.status == IncidentStatus::New)
            writeStatus(txn, incident, IncidentStatus::Dispatched, {});
        publishFor(txn, {id}, UnitsDispatched{id, incident.number, sent});
        recordApplied(txn, command, op, sent.join(u','));
        QList<Unit> after;
        for (const QString& callSign : std::as_const(sent))
            after << loadUnit(txn, callSign);
        return after;
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.incident.dispatch"), command, {{QStringLiteral("id"), id}, {QStringLiteral("units"), QJsonArray::fromStringList(callSigns)}}, QStringList{incidentRecord(id)} + unitRecords(callSigns), Tr::tr("Dispatch %1 to incident %2").arg(callSigns.join(QStringLiteral(", "))).arg(id), actor));
}

QFuture<void> IncidentService::unitArrived(qint64 id, const QString& callSign, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.unit.dispatch"), Tr::tr("record a unit's arrival"),
                                   QStringLiteral("unit.arrived"), QStringLiteral("unit:") + callSign))
        return *refused;
    auto attempt = [&] { return m_store.write(hubWrite(actor), [id, callSign, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.unit.arrived");
        if (appliedBefore(txn, command, op))
            return;
        const Incident incident = loadIncident(txn, id);
        const Unit unit = loadUnit(txn, callSign);
        if (unit.incidentId != id || unit.status != UnitStatus::EnRoute)
            throw ValidationError(Tr::tr("%1 is not on its way to incident %2.").arg(callSign, incident.number));
        const qint64 now = txn.clock().nowMs();
        const IncidentCategory category = loadCategory(txn, incident.category);
        txn.exec(QStringLiteral("UPDATE hub_dispatches SET arrived_at = ? WHERE unit_id = ? AND incident_id = ? AND cleared_at IS NULL"),
                 {now, callSign, id});
        writeUnitStatus(txn, unit, UnitStatus::OnScene, id);
        clearDeadline(txn, arrivalKey(callSign));
        setDeadline(txn, onSceneKey(callSign), Tr::tr("%1 on scene at %2").arg(callSign, incident.number),
                    now + category.onSceneLimitMs, QStringLiteral("incident:%1").arg(id));
        publishFor(txn, {id}, UnitArrived{id, incident.number, callSign});
        if (incident.arrivedAt == 0) {
            txn.exec(QStringLiteral("UPDATE hub_incidents SET arrived_at = ? WHERE id = ?"), {now, id});
            clearDeadline(txn, responseKey(id));
        }
        if (incident.status == IncidentStatus::Dispatched)
            writeStatus(txn, incident, IncidentStatus::OnScene, {});
        recordApplied(txn, command, op, callSign);
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.unit.arrived"), command, {{QStringLiteral("id"), id}, {QStringLiteral("unit"), callSign}}, QStringList{incidentRecord(id)} + unitRecords({callSign}), Tr::tr("%1 on scene at incident %2").arg(callSign).arg(id), actor));
}

QFuture<void> IncidentService::unitCleared(const QString& callSign, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.unit.dispatch"), Tr::tr("clear a unit"),
                                   QStringLiteral("unit.cleared"), QStringLiteral("unit:") + callSign))
        return *refused;
    auto attempt = [&] { return m_store.write(hubWrite(actor), [callSign, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.unit.cleared");
        if (appliedBefore(txn, command, op))
            return;
        const Unit unit = loadUnit(txn, callSign);
        if (unit.incidentId == 0)
            throw ValidationError(Tr::tr("%1 is not on an incident.").arg(callSign));
        const Incident incident = loadIncident(txn, unit.incidentId);
        releaseUnit(txn, unit);
        publishFor(txn, {incident.id}, UnitCleared{incident.id, incident.number, callSign});
        if (incident.status == IncidentStatus::Dispatched && unitsOn(txn, incident.id).isEmpty())
            writeStatus(txn, incident, IncidentStatus::New, Tr::tr("every unit recalled"));
        recordApplied(txn, command, op, callSign);
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.unit.cleared"), command, {{QStringLiteral("unit"), callSign}}, unitRecords({callSign}), Tr::tr("%1 cleared").arg(callSign), actor));
}

QFuture<QList<DuplicateCandidate>> IncidentService::duplicatesOf(const NewIncident& in) const
{
    try {
        m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see incidents"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<DuplicateCandidate>>(std::current_exception());
    }
    return m_store.read([in](Sql& sql) {
        const qint64 since = sql.clock().nowMs() - kDuplicateWindowMs;
        QString where = QStringLiteral("category = ? AND status IN ('new', 'dispatched', 'on_scene') AND created_at >= ?");
        QVariantList binds{in.category, since};
        if (in.location.point) {
            // A box around the point on indexed-free columns; the exact distance is checked below.
            const double dLat = kDuplicateRadiusMetres / 111'320.0;
            const double dLon = dLat / std::max(0.01, std::cos(in.location.point->latitude * std::numbers::pi / 180));
            where += QStringLiteral(" AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?");
            binds << in.location.point->latitude - dLat << in.location.point->latitude + dLat
                  << in.location.point->longitude - dLon << in.location.point->longitude + dLon;
        } else if (!in.location.address.trimmed().isEmpty()) {
            where += QStringLiteral(" AND lower(address) = lower(?)");
            binds << in.location.address.trimmed();
        } else {
            return QList<DuplicateCandidate>{};
        }
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kIncidentColumns + QStringLiteral(" FROM hub_incidents WHERE ") + where
                                   + QStringLiteral(" ORDER BY created_at DESC LIMIT 20"),
                               binds);
        QList<DuplicateCandidate> out;
        while (q.next()) {
            Incident incident = incidentFrom(q);
            incident.reporterContact = maskContact(incident.reporterContact);
            double metres = -1;
            if (in.location.point) {
                if (!incident.location.point)
                    continue;
                metres = in.location.point->distanceTo(*incident.location.point);
                if (metres > kDuplicateRadiusMetres)
                    continue;
            }
            out << DuplicateCandidate{incident, metres};
        }
        std::sort(out.begin(), out.end(), [](const DuplicateCandidate& a, const DuplicateCandidate& b) { return a.metres < b.metres; });
        return out;
    });
}

QFuture<void> IncidentService::merge(qint64 keep, qint64 duplicate, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<void>(m_audit, actor, QStringLiteral("hub.incident.manage"), Tr::tr("merge incidents"),
                                   QStringLiteral("incident.merged"), QStringLiteral("incident:%1").arg(duplicate)))
        return *refused;
    if (keep == duplicate)
        return failNow<void>(Tr::tr("An incident cannot be merged into itself."));
    auto attempt = [&] { return m_store.write(hubWrite(actor), [this, keep, duplicate, actor, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.incident.merge");
        if (appliedBefore(txn, command, op))
            return;
        const Incident kept = loadIncident(txn, keep);
        const Incident dup = loadIncident(txn, duplicate);
        if (dup.mergedInto != 0)
            throw ValidationError(Tr::tr("Incident %1 is merged already.").arg(dup.number));
        if (kept.status == IncidentStatus::Closed || kept.status == IncidentStatus::Cancelled)
            throw ValidationError(Tr::tr("Incident %1 is %2: merge into an open incident.")
                                      .arg(kept.number, incidentStatusName(kept.status)));
        if (!canMoveIncident(dup.status, IncidentStatus::Cancelled))
            throw ValidationError(Tr::tr("Incident %1 is %2: only a new or dispatched incident can be merged away.")
                                      .arg(dup.number, incidentStatusName(dup.status)));
        // Its units go over to the incident that stays.
        for (const Unit& unit : unitsOn(txn, duplicate)) {
            service::requireUpdated(txn.exec(QStringLiteral("UPDATE hub_units SET incident_id = ?, version = version + 1 "
                                                            "WHERE id = ? AND version = ?"),
                                             {keep, unit.callSign, unit.version}),
                                    Tr::tr("%1 was changed on another desk meanwhile; look at it again and retry.").arg(unit.callSign));
            txn.exec(QStringLiteral("UPDATE hub_dispatches SET incident_id = ? WHERE unit_id = ? AND incident_id = ? AND cleared_at IS NULL"),
                     {keep, unit.callSign, duplicate});
        }
        writeStatus(txn, dup, IncidentStatus::Cancelled, Tr::tr("merged into %1").arg(kept.number));
        txn.exec(QStringLiteral("UPDATE hub_incidents SET merged_into = ? WHERE id = ?"), {keep, duplicate});
        clearDeadline(txn, responseKey(duplicate));
        if (kept.status == IncidentStatus::New && !unitsOn(txn, keep).isEmpty())
            writeStatus(txn, kept, IncidentStatus::Dispatched, Tr::tr("units of %1 taken over").arg(dup.number));
        publishFor(txn, {keep, duplicate}, IncidentsMerged{keep, kept.number, duplicate, dup.number});
        m_audit.append(txn, {actor.name, QStringLiteral("incident.merged"), QStringLiteral("incident:%1").arg(duplicate),
                             QStringLiteral("into %1").arg(kept.number), QStringLiteral("success")});
        recordApplied(txn, command, op, QString::number(keep));
    }); };
    return keepWhenAway(m_outbox, attempt,
                        offline(QStringLiteral("hub.incident.merge"), command, {{QStringLiteral("keep"), keep}, {QStringLiteral("duplicate"), duplicate}}, {incidentRecord(keep), incidentRecord(duplicate)}, Tr::tr("Merge incident %1 into %2").arg(duplicate).arg(keep), actor));
}

QFuture<QList<TimelineEntry>> IncidentService::timeline(qint64 id) const
{
    try {
        m_session.require(QStringLiteral("hub.incident.view"), Tr::tr("see an incident's timeline"));
    } catch (...) {
        return QtFuture::makeExceptionalFuture<QList<TimelineEntry>>(std::current_exception());
    }
    return m_store.read([id](Sql& sql) {
        QSqlQuery q = sql.exec(
            QStringLiteral("SELECT e.seq, e.occurred_at, e.actor, e.topic, e.payload, x.incident_id "
                           "FROM hub_incident_events x JOIN events e ON e.seq = x.event_seq "
                           "WHERE x.incident_id = ? OR x.incident_id IN (SELECT id FROM hub_incidents WHERE merged_into = ?) "
                           "ORDER BY e.seq"),
            {id, id});
        QList<TimelineEntry> out;
        qint64 lastSeq = -1;
        while (q.next()) {
            TimelineEntry e;
            e.seq = q.value(0).toLongLong();
            if (e.seq == lastSeq)
                continue; // an event on both merged timelines shows once
            lastSeq = e.seq;
            e.at = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
            e.actor = q.value(2).toString();
            e.topic = q.value(3).toString();
            e.payload = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
            e.incidentId = q.value(5).toLongLong();
            e.text = describeHubEvent(e.topic, e.payload);
            out << e;
        }
        return out;
    });
}

QFuture<QString> IncidentService::revealContact(qint64 id, const QString& reason) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("incident:%1:reporter_contact").arg(id);
    if (auto refused = check<QString>(m_audit, actor, QStringLiteral("hub.incident.contact"),
                                      Tr::tr("see a reporter's contact"), QStringLiteral("personal_data.revealed"), object))
        return *refused;
    const QString why = reason.trimmed();
    if (why.size() < 5)
        return failNow<QString>(Tr::tr("Give the reason you need the reporter's contact; it goes on record."));
    return m_store.write(hubWrite(actor), [this, id, why, object, name = actor.name](WriteTransaction& txn) {
        loadIncident(txn, id); // an incident that is not there is refused as such
        // On a prepared shared server the server reveals: it checks the permission and the reason and
        // puts the reveal on its audit chain; the desk's login cannot read the column otherwise.
        if (txn.dialect().name() == QLatin1String("postgresql")
            && txn.scalar(QStringLiteral("SELECT to_regprocedure('hexhub_reveal(text,text,bigint,text)') IS NOT NULL")).toBool()) {
            return txn.scalar(QStringLiteral("SELECT hexhub_reveal('hub_incidents', 'reporter_contact', ?, ?)"), {id, why})
                .toString();
        }
        const QString contact = txn.scalar(QStringLiteral("SELECT reporter_contact FROM hub_incidents WHERE id = ?"), {id})
                                    .toString();
        m_audit.append(txn, {name, QStringLiteral("personal_data.revealed"), object, why, QStringLiteral("success")});
        return contact;
    });
}

} // namespace hexhub
