#pragma once
// Criminal intelligence's entities and links (issue 21 section 2): the people, phones, vehicles,
// accounts, addresses, organisations, events, documents and devices an analysis is about, and the
// typed links between them, each link keeping where it came from (a lead, a record, a dataset row,
// an analyst's basis), how sure it is and when it held. A person is kept only linked to a lead or a
// case, with its legal basis and retention date; labels are personal data, masked in every view and
// revealed with a reason. A new entity is offered for merge with the ones it likely repeats (the same
// normalised phone, account, plate or document number, the same name fingerprint), never merged
// without a person. Every change goes through EntityService (ARCHITECTURE.md 3a).
#include "hexhub/criminal_intel/criminal_intel_export.h"

#include "module/command.h"

#include <QFuture>
#include <QJsonObject>
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
} // namespace hexhub

namespace hexhub::criminalintel {

enum class EntityKind { Person, Phone, Vehicle, Account, Address, Organisation, Event, Document, Device };
HEXHUB_CRIMINAL_INTEL_EXPORT QString entityKindKey(EntityKind kind);
HEXHUB_CRIMINAL_INTEL_EXPORT std::optional<EntityKind> entityKindFromKey(const QString& key);
HEXHUB_CRIMINAL_INTEL_EXPORT QList<EntityKind> allEntityKinds();

/*!
 * The form two entities of a kind are matched by: a phone's digits without the country code (+86,
 * 0086) or spaces; an account's or a device's letters and digits; a plate or document number upper
 * case without spaces or dashes; a person's or organisation's name fingerprint (lower case, accents
 * and punctuation gone, the words sorted, so "Li, Wei" and "wei li" meet; Chinese characters kept
 * in order without spaces); an address lower case with its spaces and punctuation folded. Empty when
 * nothing is left to match.
 */
HEXHUB_CRIMINAL_INTEL_EXPORT QString entityMatchKey(EntityKind kind, const QString& label);

enum class LinkConfidence { Confirmed, Unconfirmed, Tentative };
HEXHUB_CRIMINAL_INTEL_EXPORT QString linkConfidenceKey(LinkConfidence confidence);
HEXHUB_CRIMINAL_INTEL_EXPORT std::optional<LinkConfidence> linkConfidenceFromKey(const QString& key);
HEXHUB_CRIMINAL_INTEL_EXPORT QString linkConfidenceName(LinkConfidence confidence);

//! Where a link came from.
enum class LinkSource { Lead, Record, DatasetRow, Analyst };
HEXHUB_CRIMINAL_INTEL_EXPORT QString linkSourceKey(LinkSource source);
HEXHUB_CRIMINAL_INTEL_EXPORT std::optional<LinkSource> linkSourceFromKey(const QString& key);
HEXHUB_CRIMINAL_INTEL_EXPORT QString linkSourceName(LinkSource source);

struct HEXHUB_CRIMINAL_INTEL_EXPORT Entity
{
    qint64 id = 0;
    EntityKind kind = EntityKind::Phone;
    QString labelMasked; //!< the label as everyone may see it (whole for an organisation)
    qint64 leadId = 0;   //!< the lead it came in with
    QString caseRef;
    QString legalBasis;
    qint64 retainUntil = 0;
    QJsonObject attributes; //!< plain values for the chart's formatting (role, risk ...)
    qint64 mergedInto = 0;
    QString createdBy;
    qint64 createdAt = 0, updatedAt = 0;
    int version = 1;
};

struct HEXHUB_CRIMINAL_INTEL_EXPORT NewEntity
{
    EntityKind kind = EntityKind::Phone;
    QString label;
    qint64 leadId = 0;  //!< a person needs a lead or a case
    QString caseRef;
    QString legalBasis; //!< required for a person; otherwise the lead's when empty
    int retentionDays = 5 * 365;
    QJsonObject attributes;
};

//! An entity a new or existing one likely repeats, and why.
struct HEXHUB_CRIMINAL_INTEL_EXPORT EntityMatch
{
    Entity entity;
    QString why; //!< "the same phone number", "the same name fingerprint", in the language in use
};

struct HEXHUB_CRIMINAL_INTEL_EXPORT Link
{
    qint64 id = 0, from = 0, to = 0;
    QString relation; //!< calls, owns, uses, lives_at, member_of, paid ...
    bool directed = true;
    LinkConfidence confidence = LinkConfidence::Unconfirmed;
    LinkSource source = LinkSource::Analyst;
    QString sourceRef; //!< "lead 42", "incident 2026-0042", "dataset 7 row 1234"
    QString evidence;
    qint64 startedAt = 0, endedAt = 0; //!< 0: not known
    QString createdBy;
    qint64 createdAt = 0;
};

struct HEXHUB_CRIMINAL_INTEL_EXPORT NewLink
{
    qint64 from = 0, to = 0;
    QString relation;
    bool directed = true;
    LinkConfidence confidence = LinkConfidence::Unconfirmed;
    LinkSource source = LinkSource::Analyst;
    QString sourceRef; //!< required: where the link came from
    QString evidence;
    qint64 startedAt = 0, endedAt = 0;
};

//! The relations offered when a link is drawn (any other word may be typed).
HEXHUB_CRIMINAL_INTEL_EXPORT QStringList commonRelations();
HEXHUB_CRIMINAL_INTEL_EXPORT QString relationName(const QString& relation);

//! Items and the links among them, for the chart.
struct HEXHUB_CRIMINAL_INTEL_EXPORT ChartData
{
    QList<Entity> entities;
    QList<Link> links;
    bool truncated = false; //!< more were reachable than the limit let in
};

//! A link chart as an analyst saved it.
struct HEXHUB_CRIMINAL_INTEL_EXPORT SavedChart
{
    qint64 id = 0;
    QString title;
    qint64 investigationId = 0;
    QJsonObject state; //!< items (entity ids, positions, pins), notes, formatting, filters: the chart's own to read
    QString createdBy, updatedBy;
    qint64 createdAt = 0, updatedAt = 0;
    int version = 1;
};

/*!
 * `entity.changed`: an entity added, merged into another (`into`), or its attributes changed;
 * `change` says which ("added", "merged", "attributes").
 */
struct HEXHUB_CRIMINAL_INTEL_EXPORT EntityChanged
{
    static constexpr auto kTopic = "entity.changed";
    static constexpr int kSchemaVersion = 1;
    qint64 entity = 0;
    QString kind, change;
    qint64 into = 0;
    qint64 lead = 0;
    QString reason;
    QJsonObject toJson() const;
    static std::optional<EntityChanged> fromJson(const QJsonObject& json);
};

//! `link.changed`: a link added or removed ("added", "removed") between two entities.
struct HEXHUB_CRIMINAL_INTEL_EXPORT LinkChanged
{
    static constexpr auto kTopic = "link.changed";
    static constexpr int kSchemaVersion = 1;
    qint64 link = 0, from = 0, to = 0;
    QString relation, change, reason;
    QJsonObject toJson() const;
    static std::optional<LinkChanged> fromJson(const QJsonObject& json);
};

//! `chart.saved`: a link chart saved (its title, the investigation it serves).
struct HEXHUB_CRIMINAL_INTEL_EXPORT ChartSaved
{
    static constexpr auto kTopic = "chart.saved";
    static constexpr int kSchemaVersion = 1;
    qint64 chart = 0;
    QString title;
    qint64 investigation = 0;
    QJsonObject toJson() const;
    static std::optional<ChartSaved> fromJson(const QJsonObject& json);
};

class HEXHUB_CRIMINAL_INTEL_EXPORT EntityService
{
public:
    static constexpr auto kViewPermission = "criminal_intel.lead.view";
    static constexpr auto kEditPermission = "criminal_intel.entity.edit";
    static constexpr auto kRevealPermission = "criminal_intel.investigation.manage";

    //! `outbox`: where the commands wait while the server is away (offline.h); none: an outage fails them.
    EntityService(Store& store, Session& session, AuditLog& audit, Outbox* outbox = nullptr);
    Q_DISABLE_COPY_MOVE(EntityService)

    //! criminal_intel.lead.view. One entity, its label masked.
    QFuture<Entity> entity(qint64 id) const;
    /*!
     * criminal_intel.lead.view. Entities to add to a chart: by an identifier typed whole (a phone
     * number, an account, a plate, a document number, a name as written: matched by its normalised
     * key, never by a part of a personal label), or by words of an organisation's or event's name;
     * merged ones left out. At most `limit`.
     */
    QFuture<QList<Entity>> search(const QString& text, int limit) const;
    //! criminal_intel.lead.view. The entities a draft likely repeats (before adding it), with why.
    QFuture<QList<EntityMatch>> matches(const NewEntity& draft) const;
    //! criminal_intel.lead.view. The other entities entity `id` likely repeats.
    QFuture<QList<EntityMatch>> matchesOf(qint64 id) const;

    /*!
     * criminal_intel.entity.edit. Adds an entity (even when it has matches: they are offered, the
     * analyst decides), linked to its lead when it has one. A person needs a lead or a case, a legal
     * basis and a retention period. Journaled (`entity.changed` "added"), audited.
     */
    QFuture<Entity> add(const NewEntity& entity, const CommandId& command = CommandId::make());
    /*!
     * criminal_intel.entity.edit. Merges entity `duplicate` (at `version`) into `into`, with a reason:
     * its links and leads pass to `into` (a link that would tie `into` to itself is dropped), it is
     * marked merged and leaves every search and chart. Both must be of one kind and not merged already.
     */
    QFuture<Entity> merge(qint64 duplicate, int version, qint64 into, const QString& reason,
                          const CommandId& command = CommandId::make());
    /*!
     * criminal_intel.entity.edit. The entities lead `lead`'s evidence names, added to it once: a
     * big-data ring's members (accounts) and the identifiers tying them (phones, devices, addresses
     * ..., masked as the hit brought them, so they match nothing), each tie a link "uses" with the hit
     * and its dataset as provenance. A lead that has entities already, or whose evidence names none,
     * is left as it is. Returns the lead's entities.
     */
    QFuture<QList<qint64>> takeInEvidence(qint64 lead, const CommandId& command = CommandId::make());
    //! criminal_intel.entity.edit. Replaces the entity's attributes (plain values only) at `version`.
    QFuture<Entity> setAttributes(qint64 id, int version, const QJsonObject& attributes, const CommandId& command = CommandId::make());
    /*!
     * criminal_intel.entity.edit. Adds a link with its provenance (required), confidence and time
     * span; both ends must exist and not be merged. Journaled (`link.changed` "added"), audited.
     */
    QFuture<Link> link(const NewLink& link, const CommandId& command = CommandId::make());
    //! criminal_intel.entity.edit. Removes a link, with a reason (journaled, audited).
    QFuture<qint64> unlink(qint64 id, const QString& reason, const CommandId& command = CommandId::make());

    /*!
     * criminal_intel.lead.view. The items `steps` links out from `ids` (1 to 6), nearest first, with
     * every link among them; at most `limit` items (truncated says more were reachable). Level by
     * level through the links' indexes.
     */
    QFuture<ChartData> neighbours(const QList<qint64>& ids, int steps, int limit) const;
    /*!
     * criminal_intel.lead.view. A shortest chain of links from `from` to `to` (at most `maxSteps`),
     * the items in order and the links along it; empty when none is that short. Breadth-first from
     * both ends, the smaller side grown each step.
     */
    QFuture<ChartData> path(qint64 from, qint64 to, int maxSteps) const;
    //! criminal_intel.lead.view. The items `ids` (merged ones followed to where they went) and the links among them.
    QFuture<ChartData> items(const QList<qint64>& ids) const;
    /*!
     * criminal_intel.investigation.manage (or the general core.personal_data.reveal). An entity's label, with a reason (on a prepared shared
     * server the server reveals and audits); every reveal and refusal audited.
     */
    QFuture<QString> revealLabel(qint64 id, const QString& reason) const;

    //! criminal_intel.lead.view. The saved charts, the latest changed first (their states left out), at most `limit`.
    QFuture<QList<SavedChart>> charts(int limit) const;
    //! criminal_intel.lead.view. One saved chart with its state.
    QFuture<SavedChart> chart(qint64 id) const;
    /*!
     * criminal_intel.entity.edit. Saves a chart: a new one when `id` is 0, else chart `id` at
     * `version`. A title of 3 to 120 characters; a state of at most 2 MB and 20,000 items.
     * Journaled (`chart.saved`).
     */
    QFuture<SavedChart> saveChart(qint64 id, int version, const QString& title, const QJsonObject& state, qint64 investigation = 0,
                                  const CommandId& command = CommandId::make());

private:
    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
    Outbox* m_outbox = nullptr;
};

namespace detail {
/*!
 * Adds an entity inside a transaction (the demo, the intake of a hit's ring): the match key
 * computed, the lead linked, journaled. The caller has checked the permission. Returns its id.
 */
HEXHUB_CRIMINAL_INTEL_EXPORT qint64 insertEntity(WriteTransaction& txn, const NewEntity& entity, const QString& actor);
//! Adds a link inside a transaction, journaled. Returns its id.
HEXHUB_CRIMINAL_INTEL_EXPORT qint64 insertLink(WriteTransaction& txn, const NewLink& link, const QString& actor);
} // namespace detail

} // namespace hexhub::criminalintel
