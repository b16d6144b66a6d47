// Entities' and links' one write path (ARCHITECTURE.md 3a), and the chart's reads: neighbours and
// paths found level by level through the links' indexes (from_id, to_id), never by loading the
// whole graph. Cross-referencing compares match keys; on a prepared shared server a desk's login
// may not read them, so the server compares (ci_entities_matching()).
#include "base/clock.h"
#include "base/error.h"
#include "hexhub/criminal_intel/entities.h"
#include "intelkeep_p.h"
#include "leadrules_p.h"
#include "module/servicesupport.h"
#include "security/accesscontrol.h"
#include "security/audit.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace hexhub::criminalintel {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::criminalintel::EntityService)
};

using service::check;
using service::failNow;
using detail::compact;
using service::requireReason;

const QString kModule = QStringLiteral("criminal_intel");
constexpr qint64 kDayMs = 24 * 3600 * 1000LL;
constexpr int kChunk = 400; // ids per IN (...) list

const QString kEntityColumns = QStringLiteral(
    "id, kind, label_masked, lead_id, case_ref, legal_basis, retain_until, attributes, merged_into, created_by, created_at, updated_at, version");
const QString kLinkColumns = QStringLiteral(
    "id, from_id, to_id, relation, directed, confidence, source_kind, source_ref, evidence, started_at, ended_at, created_by, created_at");

Entity entityFrom(const QSqlQuery& q)
{
    Entity e;
    e.id = q.value(0).toLongLong();
    e.kind = entityKindFromKey(q.value(1).toString()).value_or(EntityKind::Document);
    e.labelMasked = q.value(2).toString();
    e.leadId = q.value(3).toLongLong();
    e.caseRef = q.value(4).toString();
    e.legalBasis = q.value(5).toString();
    e.retainUntil = q.value(6).toLongLong();
    e.attributes = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    e.mergedInto = q.value(8).toLongLong();
    e.createdBy = q.value(9).toString();
    e.createdAt = q.value(10).toLongLong();
    e.updatedAt = q.value(11).toLongLong();
    e.version = q.value(12).toInt();
    return e;
}

Link linkFrom(const QSqlQuery& q)
{
    Link l;
    l.id = q.value(0).toLongLong();
    l.from = q.value(1).toLongLong();
    l.to = q.value(2).toLongLong();
    l.relation = q.value(3).toString();
    l.directed = q.value(4).toInt() != 0;
    l.confidence = linkConfidenceFromKey(q.value(5).toString()).value_or(LinkConfidence::Unconfirmed);
    l.source = linkSourceFromKey(q.value(6).toString()).value_or(LinkSource::Analyst);
    l.sourceRef = q.value(7).toString();
    l.evidence = q.value(8).toString();
    l.startedAt = q.value(9).toLongLong();
    l.endedAt = q.value(10).toLongLong();
    l.createdBy = q.value(11).toString();
    l.createdAt = q.value(12).toLongLong();
    return l;
}

Entity loadEntity(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM ci_entities WHERE id = ?").arg(kEntityColumns), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No entity %1.").arg(id));
    return entityFrom(q);
}

Link loadLink(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM ci_links WHERE id = ?").arg(kLinkColumns), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No link %1.").arg(id));
    return linkFrom(q);
}

QString placeholders(qsizetype n)
{
    QString out;
    out.reserve(n * 2);
    for (qsizetype i = 0; i < n; ++i)
        out += i ? QStringLiteral(",?") : QStringLiteral("?");
    return out;
}

QVariantList asParams(const QList<qint64>& ids)
{
    QVariantList out;
    out.reserve(ids.size());
    for (qint64 id : ids)
        out << id;
    return out;
}

// Runs `sql` (with "%1" where the IN list goes) over `ids` a chunk at a time.
void forChunks(Sql& sql, const QString& text, const QList<qint64>& ids, const std::function<void(QSqlQuery&)>& row, int repeat = 1)
{
    for (qsizetype at = 0; at < ids.size(); at += kChunk) {
        const QList<qint64> chunk = ids.mid(at, kChunk);
        QVariantList params;
        for (int r = 0; r < repeat; ++r)
            params << asParams(chunk);
        QSqlQuery q = sql.exec(text.arg(placeholders(chunk.size())), params);
        while (q.next())
            row(q);
    }
}

QList<Entity> loadEntities(Sql& sql, const QList<qint64>& ids)
{
    QHash<qint64, Entity> byId;
    forChunks(sql, QStringLiteral("SELECT %1 FROM ci_entities WHERE id IN (%2)").arg(kEntityColumns, QStringLiteral("%1")), ids,
              [&](QSqlQuery& q) {
                  const Entity e = entityFrom(q);
                  byId.insert(e.id, e);
              });
    QList<Entity> out;
    for (qint64 id : ids)
        if (byId.contains(id))
            out << byId.value(id);
    return out;
}

// Every link with both ends among `ids`.
QList<Link> linksAmong(Sql& sql, const QList<qint64>& ids)
{
    const QSet<qint64> in(ids.cbegin(), ids.cend());
    QList<Link> out;
    forChunks(sql, QStringLiteral("SELECT %1 FROM ci_links WHERE from_id IN (%2)").arg(kLinkColumns, QStringLiteral("%1")), ids,
              [&](QSqlQuery& q) {
                  if (in.contains(q.value(2).toLongLong()))
                      out << linkFrom(q);
              });
    std::sort(out.begin(), out.end(), [](const Link& a, const Link& b) { return a.id < b.id; });
    return out;
}

// The entities one link away from `frontier`, each with the one it was reached from.
QList<std::pair<qint64, qint64>> nextLevel(Sql& sql, const QList<qint64>& frontier)
{
    QList<std::pair<qint64, qint64>> out;
    forChunks(sql, QStringLiteral("SELECT to_id, from_id FROM ci_links WHERE from_id IN (%1) "
                                  "UNION ALL SELECT from_id, to_id FROM ci_links WHERE to_id IN (%1)"),
              frontier, [&](QSqlQuery& q) { out.append({q.value(0).toLongLong(), q.value(1).toLongLong()}); }, 2);
    return out;
}

// Where a merged entity went (followed to the end), or itself.
qint64 resolved(Sql& sql, qint64 id)
{
    for (int hop = 0; hop < 16; ++hop) {
        const QVariant into = sql.scalar(QStringLiteral("SELECT merged_into FROM ci_entities WHERE id = ?"), {id});
        if (into.isNull() || into.toLongLong() == 0)
            return id;
        id = into.toLongLong();
    }
    return id;
}



QString attributesProblem(const QJsonObject& attributes)
{
    if (attributes.size() > 20)
        return Tr::tr("Keep an entity to 20 attributes.");
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        if (it.key().isEmpty() || it.key().size() > 40)
            return Tr::tr("An attribute's name is 1 to 40 characters.");
        if (!(it->isString() || it->isDouble() || it->isBool()))
            return Tr::tr("Attribute \"%1\" must be a word, a number or yes/no.").arg(it.key());
        if (it->isString() && it->toString().size() > 200)
            return Tr::tr("Attribute \"%1\" is longer than 200 characters.").arg(it.key());
    }
    return {};
}

QString matchReason(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Phone:
        return Tr::tr("the same phone number");
    case EntityKind::Account:
        return Tr::tr("the same account number");
    case EntityKind::Vehicle:
        return Tr::tr("the same plate");
    case EntityKind::Document:
        return Tr::tr("the same document number");
    case EntityKind::Device:
        return Tr::tr("the same device identifier");
    case EntityKind::Person:
    case EntityKind::Organisation:
        return Tr::tr("the same name fingerprint");
    case EntityKind::Address:
        return Tr::tr("the same address");
    case EntityKind::Event:
        return Tr::tr("the same event name");
    }
    return {};
}

bool serverMatches(Sql& sql)
{
    return detail::onPreparedServer(sql, "ci_entities_matching(text,text)");
}

// The unmerged entities of `kind` whose match key is `key`, but `except`; `onServer`: serverMatches(),
// asked once by the caller.
QList<qint64> matchingIds(Sql& sql, bool onServer, EntityKind kind, const QString& key, qint64 except)
{
    QList<qint64> out;
    if (key.isEmpty())
        return out;
    QSqlQuery q = onServer
                      ? sql.exec(QStringLiteral("SELECT id FROM ci_entities_matching(?, ?) ORDER BY id"), {entityKindKey(kind), key})
                      : sql.exec(QStringLiteral("SELECT id FROM ci_entities WHERE kind = ? AND match_key = ? AND merged_into IS NULL ORDER BY id"),
                                 {entityKindKey(kind), key});
    while (q.next())
        if (q.value(0).toLongLong() != except)
            out << q.value(0).toLongLong();
    return out;
}

QList<EntityMatch> matchesIn(Sql& sql, EntityKind kind, const QString& key, qint64 except)
{
    QList<EntityMatch> out;
    for (const Entity& e : loadEntities(sql, matchingIds(sql, serverMatches(sql), kind, key, except).mid(0, 50)))
        out << EntityMatch{e, matchReason(kind)};
    return out;
}

WriteContext intelWrite(const Principal& actor)
{
    return service::writeAs(kModule, actor);
}

} // namespace

namespace detail {

qint64 insertEntity(WriteTransaction& txn, const NewEntity& draft, const QString& actor)
{
    const QString label = draft.label.simplified();
    if (label.isEmpty())
        throw ValidationError(Tr::tr("Give the entity's label: a name, a number, an address."));
    if (label.size() > 300)
        throw ValidationError(Tr::tr("Keep a label under 300 characters."));
    if (const QString problem = attributesProblem(draft.attributes); !problem.isEmpty())
        throw ValidationError(problem);
    if (draft.retentionDays < 1 || draft.retentionDays > 10 * 366)
        throw ValidationError(Tr::tr("Keep an entity between a day and ten years."));
    QString basis = draft.legalBasis.trimmed();
    if (draft.leadId > 0) {
        const QVariant leadBasis = txn.scalar(QStringLiteral("SELECT legal_basis FROM ci_leads WHERE id = ?"), {draft.leadId});
        if (!leadBasis.isValid())
            throw NotFoundError(Tr::tr("No lead %1 to link the entity to.").arg(draft.leadId));
        if (basis.isEmpty())
            basis = leadBasis.toString();
    }
    if (draft.kind == EntityKind::Person) {
        if (draft.leadId <= 0 && draft.caseRef.trimmed().isEmpty())
            throw ValidationError(Tr::tr("A person is kept only linked to a lead or a case: give one."));
        if (basis.size() < 5)
            throw ValidationError(Tr::tr("Give the legal basis for keeping this person."));
    }
    const qint64 now = txn.clock().nowMs();
    const qint64 id = txn.insert(
        QStringLiteral("INSERT INTO ci_entities (kind, label, match_key, lead_id, case_ref, legal_basis, retain_until, attributes, "
                       "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        // A label that came masked (a hit's evidence) is matched with nothing: its key would be a fragment.
        {entityKindKey(draft.kind), label, label.contains(QLatin1Char('*')) ? QString() : entityMatchKey(draft.kind, label),
         draft.leadId > 0 ? QVariant(draft.leadId) : QVariant(),
         draft.caseRef.trimmed(), basis, now + qint64(draft.retentionDays) * kDayMs, compact(draft.attributes), actor, now, now});
    if (draft.leadId > 0)
        txn.exec(QStringLiteral("INSERT INTO ci_lead_entities (lead_id, entity_id) VALUES (?, ?)"), {draft.leadId, id});
    txn.publish(EntityChanged{id, entityKindKey(draft.kind), QStringLiteral("added"), 0, draft.leadId, QString()});
    return id;
}

qint64 insertLink(WriteTransaction& txn, const NewLink& link, const QString& actor)
{
    const QString relation = link.relation.trimmed().toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
    if (relation.isEmpty() || relation.size() > 40)
        throw ValidationError(Tr::tr("Say what ties the two (calls, owns, paid ...), in under 40 characters."));
    if (link.from == link.to)
        throw ValidationError(Tr::tr("A link ties two different entities."));
    if (link.sourceRef.trimmed().size() < 3)
        throw ValidationError(Tr::tr("Say where the link came from (the lead, the record, the dataset row); every link keeps it."));
    if (link.sourceRef.size() > 300 || link.evidence.size() > 4000)
        throw ValidationError(Tr::tr("Keep the source under 300 characters and the evidence under 4,000."));
    if (link.startedAt > 0 && link.endedAt > 0 && link.endedAt < link.startedAt)
        throw ValidationError(Tr::tr("A link cannot end before it began."));
    for (qint64 end : {link.from, link.to}) {
        const Entity e = loadEntity(txn, end);
        if (e.mergedInto)
            throw ValidationError(Tr::tr("Entity %1 was merged into %2; link that one.").arg(end).arg(e.mergedInto));
    }
    const qint64 id = txn.insert(
        QStringLiteral("INSERT INTO ci_links (from_id, to_id, relation, directed, confidence, source_kind, source_ref, evidence, started_at, "
                       "ended_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {link.from, link.to, relation, link.directed ? 1 : 0, linkConfidenceKey(link.confidence), linkSourceKey(link.source),
         link.sourceRef.trimmed(), link.evidence.trimmed(), link.startedAt > 0 ? QVariant(link.startedAt) : QVariant(),
         link.endedAt > 0 ? QVariant(link.endedAt) : QVariant(), actor, txn.clock().nowMs()});
    txn.publish(LinkChanged{id, link.from, link.to, relation, QStringLiteral("added"), QString()});
    return id;
}

} // namespace detail

EntityService::EntityService(Store& store, Session& session, AuditLog& audit, Outbox* outbox)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
    , m_outbox(outbox)
{
}

#define HEXHUB_REQUIRE_VIEW(T)                                                                                                          \
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see entities and links"))) \
    return service::failWith<T>(refused)

QFuture<Entity> EntityService::entity(qint64 id) const
{
    HEXHUB_REQUIRE_VIEW(Entity);
    return m_store.read([id](Sql& sql) { return loadEntity(sql, id); });
}

QFuture<QList<Entity>> EntityService::search(const QString& text, int limit) const
{
    HEXHUB_REQUIRE_VIEW(QList<Entity>);
    const QString wanted = text.simplified();
    return m_store.read([wanted, limit](Sql& sql) {
        QList<qint64> ids;
        if (wanted.size() >= 2) {
            const bool onServer = serverMatches(sql);
            for (EntityKind kind : allEntityKinds())
                for (qint64 id : matchingIds(sql, onServer, kind, entityMatchKey(kind, wanted), 0))
                    if (!ids.contains(id))
                        ids << id;
            // Organisations are not personal data: found by a part of their name too.
            QSqlQuery q = sql.exec(QStringLiteral("SELECT id FROM ci_entities WHERE kind = 'organisation' AND merged_into IS NULL "
                                                  "AND lower(label_masked) LIKE ? ORDER BY id LIMIT ?"),
                                   {QStringLiteral("%") + wanted.toLower() + QStringLiteral("%"), limit});
            while (q.next())
                if (!ids.contains(q.value(0).toLongLong()))
                    ids << q.value(0).toLongLong();
        }
        return loadEntities(sql, ids.mid(0, limit));
    });
}

QFuture<QList<EntityMatch>> EntityService::matches(const NewEntity& draft) const
{
    HEXHUB_REQUIRE_VIEW(QList<EntityMatch>);
    return m_store.read([draft](Sql& sql) { return matchesIn(sql, draft.kind, entityMatchKey(draft.kind, draft.label.simplified()), 0); });
}

QFuture<QList<EntityMatch>> EntityService::matchesOf(qint64 id) const
{
    HEXHUB_REQUIRE_VIEW(QList<EntityMatch>);
    return m_store.read([id](Sql& sql) {
        const Entity self = loadEntity(sql, id);
        if (self.mergedInto)
            return QList<EntityMatch>();
        // The key itself stays on the server: matched there on a prepared shared server.
        if (detail::onPreparedServer(sql, "ci_entity_matches(bigint)")) {
            QList<qint64> ids;
            QSqlQuery q = sql.exec(QStringLiteral("SELECT id FROM ci_entity_matches(?) ORDER BY id"), {id});
            while (q.next())
                ids << q.value(0).toLongLong();
            QList<EntityMatch> out;
            for (const Entity& e : loadEntities(sql, ids.mid(0, 50)))
                out << EntityMatch{e, matchReason(self.kind)};
            return out;
        }
        const QString key = sql.scalar(QStringLiteral("SELECT match_key FROM ci_entities WHERE id = ?"), {id}).toString();
        return matchesIn(sql, self.kind, key, id);
    });
}

QFuture<Entity> EntityService::add(const NewEntity& entity, const CommandId& command)
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Entity>(m_audit, actor, QString::fromLatin1(kEditPermission), Tr::tr("add entities"),
                                     QStringLiteral("entity.changed"), QStringLiteral("ci_entities")))
        return *refused;
    return intelkeep::kept(m_outbox,
                           intelkeep::offline(QStringLiteral("criminal_intel.entity.add"), command,
                                              {{QStringLiteral("entity"), intelkeep::toJson(entity)}},
                                              entity.leadId > 0 ? QStringList{intelkeep::leadRecord(entity.leadId)} : QStringList(),
                                              Tr::tr("Add %1 to the chart").arg(entityKindName(entityKindKey(entity.kind))), actor),
                           [&] {
                               return m_store.write(intelWrite(actor), [this, entity, command, name = actor.name](WriteTransaction& txn) {
                                   const QString op = QStringLiteral("criminal_intel.entity.add");
                                   if (auto done = service::appliedBefore(txn, command, op))
                                       return loadEntity(txn, done->toLongLong());
                                   const qint64 id = detail::insertEntity(txn, entity, name);
                                   m_audit.append(txn, {name, QStringLiteral("entity.changed"), QStringLiteral("entity:%1").arg(id),
                                                        QStringLiteral("added %1").arg(entityKindKey(entity.kind)), QStringLiteral("success")});
                                   service::recordApplied(txn, command, op, QString::number(id));
                                   return loadEntity(txn, id);
                               });
                           });
}

QFuture<Entity> EntityService::merge(qint64 duplicate, int version, qint64 into, const QString& reason, const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("entity:%1").arg(duplicate);
    if (auto refused = check<Entity>(m_audit, actor, QString::fromLatin1(kEditPermission), Tr::tr("merge entities"),
                                     QStringLiteral("entity.changed"), object))
        return *refused;
    if (duplicate == into)
        return failNow<Entity>(Tr::tr("An entity is not merged into itself."));
    if (auto bad = intelkeep::missingReason<Entity>(reason, Tr::tr("Say why the two are the same; it goes on record.")))
        return *bad;
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.entity.merge"), command,
                           {{QStringLiteral("id"), duplicate},
                            {QStringLiteral("version"), version},
                            {QStringLiteral("into"), into},
                            {QStringLiteral("reason"), reason}},
                           {intelkeep::entityRecord(duplicate), intelkeep::entityRecord(into)},
                           Tr::tr("Merge entity %1 into entity %2").arg(duplicate).arg(into), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, duplicate, version, into, reason, command, object,
                                                     name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.entity.merge");
                if (service::appliedBefore(txn, command, op))
                    return loadEntity(txn, duplicate);
                const QString why = requireReason(reason, Tr::tr("Say why the two are the same; it goes on record."));
                const Entity dup = loadEntity(txn, duplicate);
                const Entity target = loadEntity(txn, into);
                if (dup.kind != target.kind)
                    throw ValidationError(Tr::tr("Only entities of one kind are merged (a %1 is not a %2).")
                                              .arg(entityKindName(entityKindKey(dup.kind)), entityKindName(entityKindKey(target.kind))));
                if (dup.mergedInto || target.mergedInto)
                    throw ValidationError(Tr::tr("Entity %1 was merged already.").arg(dup.mergedInto ? duplicate : into));
                const qint64 now = txn.clock().nowMs();
                service::requireUpdated(txn.exec(QStringLiteral("UPDATE ci_entities SET merged_into = ?, updated_at = ?, version = version + 1 "
                                                                "WHERE id = ? AND version = ?"),
                                                 {into, now, duplicate, version}),
                                        Tr::tr("Another analyst changed this entity meanwhile; look at it again."));
                // Its links pass to the one it repeats; a link between the two would tie it to itself and goes.
                txn.exec(QStringLiteral("DELETE FROM ci_links WHERE (from_id = ? AND to_id = ?) OR (from_id = ? AND to_id = ?)"),
                         {duplicate, into, into, duplicate});
                txn.exec(QStringLiteral("UPDATE ci_links SET from_id = ? WHERE from_id = ?"), {into, duplicate});
                txn.exec(QStringLiteral("UPDATE ci_links SET to_id = ? WHERE to_id = ?"), {into, duplicate});
                txn.exec(
                    QStringLiteral(
                        "INSERT INTO ci_lead_entities (lead_id, entity_id) SELECT lead_id, ? FROM ci_lead_entities d "
                        "WHERE d.entity_id = ? AND NOT EXISTS (SELECT 1 FROM ci_lead_entities x WHERE x.entity_id = ? AND x.lead_id = d.lead_id)"),
                    {into, duplicate, into});
                txn.exec(QStringLiteral("DELETE FROM ci_lead_entities WHERE entity_id = ?"), {duplicate});
                // Kept as long as the longer of the two was to be.
                txn.exec(QStringLiteral(
                             "UPDATE ci_entities SET retain_until = CASE WHEN retain_until IS NULL OR retain_until < ? THEN ? ELSE retain_until END, "
                             "updated_at = ?, version = version + 1 WHERE id = ?"),
                         {dup.retainUntil, dup.retainUntil, now, into});
                txn.publish(EntityChanged{duplicate, entityKindKey(dup.kind), QStringLiteral("merged"), into, 0, why});
                m_audit.append(txn, {name, QStringLiteral("entity.changed"), object, QStringLiteral("merged into entity:%1: %2").arg(into).arg(why),
                                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(duplicate));
                return loadEntity(txn, duplicate);
            });
        });
}

namespace {

// The kind of an identifier by the name of the column it came from.
EntityKind kindOfColumn(const QString& column)
{
    const QString c = column.toLower();
    const auto any = [&](std::initializer_list<const char*> words) {
        return std::any_of(words.begin(), words.end(), [&](const char* w) { return c.contains(QLatin1String(w)); });
    };
    if (any({"phone", "tel", "mobile", "msisdn"}))
        return EntityKind::Phone;
    if (any({"device", "imei", "mac", "ip"}))
        return EntityKind::Device;
    if (any({"address", "addr", "street"}))
        return EntityKind::Address;
    if (any({"plate", "vehicle"}))
        return EntityKind::Vehicle;
    if (any({"passport", "id_number", "document", "licence", "license"}))
        return EntityKind::Document;
    return EntityKind::Account;
}

} // namespace

QFuture<QList<qint64>> EntityService::takeInEvidence(qint64 lead, const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("lead:%1").arg(lead);
    if (auto refused = check<QList<qint64>>(m_audit, actor, QString::fromLatin1(kEditPermission), Tr::tr("add entities"),
                                            QStringLiteral("entity.changed"), object))
        return *refused;
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.entity.evidence"), command, {{QStringLiteral("lead"), lead}}, {intelkeep::leadRecord(lead)},
                           Tr::tr("Chart what lead %1's evidence names").arg(lead), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, lead, command, object, name = actor.name](WriteTransaction& txn) {
                const auto entitiesOf = [&] {
                    QList<qint64> out;
                    QSqlQuery q = txn.exec(QStringLiteral("SELECT entity_id FROM ci_lead_entities WHERE lead_id = ? ORDER BY entity_id"), {lead});
                    while (q.next())
                        out << q.value(0).toLongLong();
                    return out;
                };
                const QString op = QStringLiteral("criminal_intel.entity.evidence");
                if (service::appliedBefore(txn, command, op))
                    return entitiesOf();
                QSqlQuery l = txn.exec(QStringLiteral("SELECT evidence, source_record FROM ci_leads WHERE id = ?"), {lead});
                if (!l.next())
                    throw NotFoundError(Tr::tr("No lead %1.").arg(lead));
                QList<qint64> existing = entitiesOf();
                const QJsonObject evidence = QJsonDocument::fromJson(l.value(0).toString().toUtf8()).object();
                const QJsonArray members = evidence.value(QStringLiteral("members")).toArray();
                if (!existing.isEmpty() || members.isEmpty())
                    return existing;
                if (members.size() > 5000)
                    throw ValidationError(Tr::tr("The evidence names %1 members; at most 5,000 are taken onto a chart.").arg(members.size()));
                const QString provenance =
                    QStringLiteral("%1, dataset %2 (%3 v%4)")
                        .arg(l.value(1).toString())
                        .arg(evidence.value(QStringLiteral("dataset")).toVariant().toString(), evidence.value(QStringLiteral("model")).toString(),
                             evidence.value(QStringLiteral("version")).toVariant().toString());
                QHash<QString, qint64> memberIds, identifierIds;
                for (const QJsonValue& m : members) {
                    const QString label = m.toString().simplified();
                    if (label.isEmpty() || memberIds.contains(label))
                        continue;
                    NewEntity e{EntityKind::Account, label, lead};
                    e.attributes.insert(QStringLiteral("role"), QStringLiteral("member"));
                    memberIds.insert(label, detail::insertEntity(txn, e, name));
                }
                int ties = 0;
                for (const QJsonValue& v : evidence.value(QStringLiteral("ties")).toArray()) {
                    const QJsonObject t = v.toObject();
                    const qint64 member = memberIds.value(t.value(QStringLiteral("member")).toString().simplified());
                    const QString column = t.value(QStringLiteral("column")).toString();
                    const QString value = t.value(QStringLiteral("value")).toString().simplified();
                    if (!member || value.isEmpty())
                        continue;
                    const QString key = column + QLatin1Char('\n') + value;
                    if (!identifierIds.contains(key)) {
                        NewEntity e{kindOfColumn(column), value, lead};
                        e.attributes.insert(QStringLiteral("column"), column.left(40));
                        identifierIds.insert(key, detail::insertEntity(txn, e, name));
                    }
                    detail::insertLink(txn,
                                       {member, identifierIds.value(key), QStringLiteral("uses"), true, LinkConfidence::Unconfirmed,
                                        LinkSource::DatasetRow, provenance.left(300),
                                        Tr::tr("Tied by the shared %1 (the model's finding)").arg(column)},
                                       name);
                    ++ties;
                }
                m_audit.append(txn, {name, QStringLiteral("entity.changed"), object,
                                     QStringLiteral("evidence taken in: %1 members, %2 identifiers, %3 ties")
                                         .arg(memberIds.size())
                                         .arg(identifierIds.size())
                                         .arg(ties),
                                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(lead));
                return entitiesOf();
            });
        });
}

QFuture<Entity> EntityService::setAttributes(qint64 id, int version, const QJsonObject& attributes, const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("entity:%1").arg(id);
    if (auto refused = check<Entity>(m_audit, actor, QString::fromLatin1(kEditPermission), Tr::tr("change entities"),
                                     QStringLiteral("entity.changed"), object))
        return *refused;
    if (const QString problem = attributesProblem(attributes); !problem.isEmpty())
        return failNow<Entity>(problem);
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.entity.attributes"), command,
                           {{QStringLiteral("id"), id}, {QStringLiteral("version"), version}, {QStringLiteral("attributes"), attributes}},
                           {intelkeep::entityRecord(id)}, Tr::tr("Change entity %1's attributes").arg(id), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, id, version, attributes, command, object, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.entity.attributes");
                if (service::appliedBefore(txn, command, op))
                    return loadEntity(txn, id);
                const Entity before = loadEntity(txn, id);
                service::requireUpdated(txn.exec(QStringLiteral("UPDATE ci_entities SET attributes = ?, updated_at = ?, version = version + 1 "
                                                                "WHERE id = ? AND version = ? AND merged_into IS NULL"),
                                                 {compact(attributes), txn.clock().nowMs(), id, version}),
                                        Tr::tr("Another analyst changed this entity meanwhile, or it was merged; look at it again."));
                txn.publish(EntityChanged{id, entityKindKey(before.kind), QStringLiteral("attributes"), 0, 0, QString()});
                m_audit.append(txn, {name, QStringLiteral("entity.changed"), object, QStringLiteral("attributes %1").arg(compact(attributes)),
                                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(id));
                return loadEntity(txn, id);
            });
        });
}

QFuture<Link> EntityService::link(const NewLink& link, const CommandId& command)
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Link>(m_audit, actor, QString::fromLatin1(kEditPermission), Tr::tr("link entities"),
                                   QStringLiteral("link.changed"), QStringLiteral("ci_links")))
        return *refused;
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.link.add"), command, {{QStringLiteral("link"), intelkeep::toJson(link)}},
                           {intelkeep::entityRecord(link.from), intelkeep::entityRecord(link.to)},
                           Tr::tr("Link entity %1 %2 entity %3").arg(link.from).arg(relationName(link.relation)).arg(link.to), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, link, command, name = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.link.add");
                if (auto done = service::appliedBefore(txn, command, op))
                    return loadLink(txn, done->toLongLong());
                const qint64 id = detail::insertLink(txn, link, name);
                m_audit.append(txn, {name, QStringLiteral("link.changed"), QStringLiteral("link:%1").arg(id),
                                     QStringLiteral("entity:%1 %2 entity:%3 (%4)").arg(link.from).arg(link.relation).arg(link.to).arg(link.sourceRef),
                                     QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(id));
                return loadLink(txn, id);
            });
        });
}

QFuture<qint64> EntityService::unlink(qint64 id, const QString& reason, const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("link:%1").arg(id);
    if (auto refused = check<qint64>(m_audit, actor, QString::fromLatin1(kEditPermission), Tr::tr("remove links"), QStringLiteral("link.changed"), object))
        return *refused;
    if (auto bad = intelkeep::missingReason<qint64>(reason, Tr::tr("Say why the link goes; it goes on record.")))
        return *bad;
    return intelkeep::kept(m_outbox,
                           intelkeep::offline(QStringLiteral("criminal_intel.link.remove"), command,
                                              {{QStringLiteral("id"), id}, {QStringLiteral("reason"), reason}}, {intelkeep::linkRecord(id)},
                                              Tr::tr("Remove link %1").arg(id), actor),
                           [&] {
                               return m_store.write(intelWrite(actor), [this, id, reason, command, object, name = actor.name](WriteTransaction& txn) {
                                   const QString op = QStringLiteral("criminal_intel.link.remove");
                                   if (service::appliedBefore(txn, command, op))
                                       return id;
                                   const QString why = requireReason(reason, Tr::tr("Say why the link goes; it goes on record."));
                                   const Link before = loadLink(txn, id);
                                   txn.exec(QStringLiteral("DELETE FROM ci_links WHERE id = ?"), {id});
                                   txn.publish(LinkChanged{id, before.from, before.to, before.relation, QStringLiteral("removed"), why});
                                   m_audit.append(txn, {name, QStringLiteral("link.changed"), object,
                                                        QStringLiteral("removed entity:%1 %2 entity:%3 (%4): %5")
                                                            .arg(before.from)
                                                            .arg(before.relation)
                                                            .arg(before.to)
                                                            .arg(before.sourceRef, why),
                                                        QStringLiteral("success")});
                                   service::recordApplied(txn, command, op, QString::number(id));
                                   return id;
                               });
                           });
}

QFuture<ChartData> EntityService::neighbours(const QList<qint64>& ids, int steps, int limit) const
{
    HEXHUB_REQUIRE_VIEW(ChartData);
    if (steps < 0 || steps > 6)
        return failNow<ChartData>(Tr::tr("Expand 1 to 6 steps at a time."));
    return m_store.read([ids, steps, limit](Sql& sql) {
        QList<qint64> seen;
        QSet<qint64> known;
        for (qint64 id : ids) {
            const qint64 r = resolved(sql, id);
            if (!known.contains(r)) {
                known.insert(r);
                seen << r;
            }
        }
        ChartData out;
        QList<qint64> frontier = seen;
        for (int step = 0; step < steps && !frontier.isEmpty() && !out.truncated; ++step) {
            QList<qint64> next;
            for (const auto& [reached, from] : nextLevel(sql, frontier)) {
                Q_UNUSED(from);
                if (known.contains(reached))
                    continue;
                if (seen.size() >= limit) {
                    out.truncated = true;
                    break;
                }
                known.insert(reached);
                seen << reached;
                next << reached;
            }
            frontier = next;
        }
        out.entities = loadEntities(sql, seen);
        out.links = linksAmong(sql, seen);
        return out;
    });
}

QFuture<ChartData> EntityService::path(qint64 from, qint64 to, int maxSteps) const
{
    HEXHUB_REQUIRE_VIEW(ChartData);
    return m_store.read([from, to, maxSteps](Sql& sql) {
        const qint64 a = resolved(sql, from), b = resolved(sql, to);
        loadEntity(sql, a);
        loadEntity(sql, b);
        ChartData out;
        if (a == b) {
            out.entities = loadEntities(sql, {a});
            return out;
        }
        // Breadth-first from both ends, the smaller frontier grown each step, until they meet.
        QHash<qint64, qint64> parentA{{a, a}}, parentB{{b, b}};
        QList<qint64> frontA{a}, frontB{b};
        qint64 meet = 0;
        for (int step = 0; step < maxSteps && !meet && !frontA.isEmpty() && !frontB.isEmpty(); ++step) {
            const bool growA = frontA.size() <= frontB.size();
            QHash<qint64, qint64>& mine = growA ? parentA : parentB;
            const QHash<qint64, qint64>& theirs = growA ? parentB : parentA;
            QList<qint64> next;
            for (const auto& [reached, by] : nextLevel(sql, growA ? frontA : frontB)) {
                if (mine.contains(reached))
                    continue;
                mine.insert(reached, by);
                if (theirs.contains(reached)) {
                    meet = reached;
                    break;
                }
                next << reached;
            }
            (growA ? frontA : frontB) = next;
        }
        if (!meet)
            return out;
        QList<qint64> chain;
        for (qint64 n = meet; n != a; n = parentA.value(n))
            chain.prepend(n);
        chain.prepend(a);
        for (qint64 n = meet; n != b;) {
            n = parentB.value(n);
            chain << n;
        }
        out.entities = loadEntities(sql, chain);
        // One link for each step along the chain (the first found between the two).
        const QList<Link> among = linksAmong(sql, chain);
        for (qsizetype i = 0; i + 1 < chain.size(); ++i)
            for (const Link& l : among)
                if ((l.from == chain[i] && l.to == chain[i + 1]) || (l.to == chain[i] && l.from == chain[i + 1])) {
                    out.links << l;
                    break;
                }
        return out;
    });
}

QFuture<ChartData> EntityService::items(const QList<qint64>& ids) const
{
    HEXHUB_REQUIRE_VIEW(ChartData);
    return m_store.read([ids](Sql& sql) {
        QList<qint64> wanted;
        for (qint64 id : ids) {
            const qint64 r = resolved(sql, id);
            if (!wanted.contains(r))
                wanted << r;
        }
        ChartData out;
        out.entities = loadEntities(sql, wanted);
        out.links = linksAmong(sql, wanted);
        return out;
    });
}

QFuture<QString> EntityService::revealLabel(qint64 id, const QString& reason) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("ci_entities:%1:label").arg(id);
    // The centre's own right, or the general right to reveal personal data (as the server's hexhub_reveal() allows).
    const QString general = QStringLiteral("core.personal_data.reveal");
    const QString permission = !actor.permissions.contains(QString::fromLatin1(kRevealPermission)) && actor.permissions.contains(general)
                                   ? general
                                   : QString::fromLatin1(kRevealPermission);
    if (auto refused = check<QString>(m_audit, actor, permission, Tr::tr("see an entity's label"),
                                      QStringLiteral("personal_data.revealed"), object))
        return *refused;
    const QString why = reason.trimmed();
    if (why.size() < 5)
        return failNow<QString>(Tr::tr("Give the reason you need it; it goes on record."));
    return m_store.write(intelWrite(actor), [this, id, why, object, name = actor.name](WriteTransaction& txn) {
        loadEntity(txn, id);
        if (detail::onPreparedServer(txn, "hexhub_reveal(text,text,bigint,text)"))
            return txn.scalar(QStringLiteral("SELECT hexhub_reveal('ci_entities', 'label', ?, ?)"), {id, why}).toString();
        const QString label = txn.scalar(QStringLiteral("SELECT label FROM ci_entities WHERE id = ?"), {id}).toString();
        m_audit.append(txn, {name, QStringLiteral("personal_data.revealed"), object, why, QStringLiteral("success")});
        return label;
    });
}

namespace {

SavedChart chartFrom(const QSqlQuery& q, bool withState)
{
    SavedChart c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.investigationId = q.value(2).toLongLong();
    if (withState)
        c.state = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    c.createdBy = q.value(4).toString();
    c.createdAt = q.value(5).toLongLong();
    c.updatedBy = q.value(6).toString();
    c.updatedAt = q.value(7).toLongLong();
    c.version = q.value(8).toInt();
    return c;
}

const QString kChartColumns = QStringLiteral("id, title, investigation_id, %1, created_by, created_at, updated_by, updated_at, version");

SavedChart loadChart(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM ci_charts WHERE id = ?").arg(kChartColumns.arg(QStringLiteral("state"))), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No chart %1.").arg(id));
    return chartFrom(q, true);
}

} // namespace

QFuture<QList<SavedChart>> EntityService::charts(int limit) const
{
    HEXHUB_REQUIRE_VIEW(QList<SavedChart>);
    return m_store.read([limit](Sql& sql) {
        QList<SavedChart> out;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM ci_charts ORDER BY updated_at DESC, id DESC LIMIT ?").arg(kChartColumns.arg(QStringLiteral("''"))),
                               {limit});
        while (q.next())
            out << chartFrom(q, false);
        return out;
    });
}

QFuture<SavedChart> EntityService::chart(qint64 id) const
{
    HEXHUB_REQUIRE_VIEW(SavedChart);
    return m_store.read([id](Sql& sql) { return loadChart(sql, id); });
}

QFuture<SavedChart> EntityService::saveChart(qint64 id, int version, const QString& title, const QJsonObject& state, qint64 investigation,
                                             const CommandId& command)
{
    const Principal actor = m_session.principal();
    const QString object = id ? QStringLiteral("chart:%1").arg(id) : QStringLiteral("ci_charts");
    if (auto refused = check<SavedChart>(m_audit, actor, QString::fromLatin1(kEditPermission), Tr::tr("save link charts"),
                                         QStringLiteral("chart.saved"), object))
        return *refused;
    const QString name = title.simplified();
    if (name.size() < 3 || name.size() > 120)
        return failNow<SavedChart>(Tr::tr("Give the chart a title of 3 to 120 characters."));
    const QString text = compact(state);
    if (text.size() > 2 * 1024 * 1024 || state.value(QStringLiteral("items")).toArray().size() > 20000)
        return failNow<SavedChart>(Tr::tr("The chart is too large to save (at most 20,000 items and 2 MB)."));
    return intelkeep::kept(
        m_outbox,
        intelkeep::offline(QStringLiteral("criminal_intel.chart.save"), command,
                           {{QStringLiteral("id"), id},
                            {QStringLiteral("version"), version},
                            {QStringLiteral("title"), title},
                            {QStringLiteral("state"), state},
                            {QStringLiteral("investigation"), investigation}},
                           id > 0 ? QStringList{intelkeep::chartRecord(id)} : QStringList(), Tr::tr("Save chart %1").arg(title.simplified()), actor),
        [&] {
            return m_store.write(intelWrite(actor), [this, id, version, name, text, investigation, command, who = actor.name](WriteTransaction& txn) {
                const QString op = QStringLiteral("criminal_intel.chart.save");
                if (auto done = service::appliedBefore(txn, command, op))
                    return loadChart(txn, done->toLongLong());
                if (investigation > 0 && !txn.scalar(QStringLiteral("SELECT 1 FROM ci_investigations WHERE id = ?"), {investigation}).isValid())
                    throw NotFoundError(Tr::tr("No investigation %1 to save the chart with.").arg(investigation));
                const qint64 now = txn.clock().nowMs();
                const QVariant serves = investigation > 0 ? QVariant(investigation) : QVariant();
                qint64 saved = id;
                if (id == 0) {
                    saved = txn.insert(
                        QStringLiteral("INSERT INTO ci_charts (title, investigation_id, state, created_by, created_at, updated_by, updated_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                        {name, serves, text, who, now, who, now});
                } else {
                    loadChart(txn, id);
                    service::requireUpdated(
                        txn.exec(QStringLiteral("UPDATE ci_charts SET title = ?, investigation_id = ?, state = ?, updated_by = ?, updated_at = ?, "
                                                "version = version + 1 WHERE id = ? AND version = ?"),
                                 {name, serves, text, who, now, id, version}),
                        Tr::tr("Someone saved this chart meanwhile; open it again, or save yours as a new chart."));
                }
                txn.publish(ChartSaved{saved, name, investigation});
                m_audit.append(txn, {who, QStringLiteral("chart.saved"), QStringLiteral("chart:%1").arg(saved), name, QStringLiteral("success")});
                service::recordApplied(txn, command, op, QString::number(saved));
                return loadChart(txn, saved);
            });
        });
}

#undef HEXHUB_REQUIRE_VIEW

} // namespace hexhub::criminalintel
