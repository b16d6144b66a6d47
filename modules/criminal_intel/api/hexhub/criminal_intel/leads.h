#pragma once
// Criminal intelligence's leads (issue 21 section 1): taken in from a big-data hit a person
// confirmed, from a tip (its source protected), graded in the deployment's scheme with handling
// conditions, triaged against a limit per grade, assigned, moved through the analysts' statuses,
// merged when one repeats another. Every change goes through LeadService (ARCHITECTURE.md 3a).
#include "hexhub/criminal_intel/criminal_intel_export.h"

#include "module/command.h"

#include <QDateTime>
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
struct Event;
struct EventDescription;
struct RailBadge;
struct RecordHit;
struct Principal;
} // namespace hexhub

namespace hexhub::criminalintel {

enum class LeadStatus { New, Assessing, Developing, Actioned, Closed };
HEXHUB_CRIMINAL_INTEL_EXPORT QString leadStatusKey(LeadStatus status);
HEXHUB_CRIMINAL_INTEL_EXPORT std::optional<LeadStatus> leadStatusFromKey(const QString& key);
//! "new", "assessing", ... in the language in use.
HEXHUB_CRIMINAL_INTEL_EXPORT QString leadStatusName(LeadStatus status);
//! Where a move is allowed: from closed only back to assessing; to developing or actioned only when graded.
HEXHUB_CRIMINAL_INTEL_EXPORT bool canMoveLead(LeadStatus from, LeadStatus to, bool graded);

enum class LeadSource { BigData, Incident, Centre, Tip };
HEXHUB_CRIMINAL_INTEL_EXPORT QString leadSourceKey(LeadSource source);
HEXHUB_CRIMINAL_INTEL_EXPORT std::optional<LeadSource> leadSourceFromKey(const QString& key);
HEXHUB_CRIMINAL_INTEL_EXPORT QString leadSourceName(LeadSource source);

/*!
 * The grading schemes a deployment chooses between. The admiralty code (the default) grades the
 * source's reliability A (reliable) to F (cannot be judged) and the information's credibility 1
 * (confirmed) to 6 (cannot be judged), separately. The 3x5x2 scheme grades the source 1 (reliable)
 * to 3 (untested), the intelligence A (known directly) to E (suspected false), and its handling P
 * (lawful sharing permitted) or C (conditions apply, stated).
 */
enum class GradingScheme { Admiralty, ThreeByFiveByTwo };
HEXHUB_CRIMINAL_INTEL_EXPORT QString gradingSchemeKey(GradingScheme scheme);
HEXHUB_CRIMINAL_INTEL_EXPORT std::optional<GradingScheme> gradingSchemeFromKey(const QString& key);
HEXHUB_CRIMINAL_INTEL_EXPORT QString gradingSchemeName(GradingScheme scheme);

//! Which triage limit a grade runs against (the rules lead.act.high, .medium, .low).
enum class GradeBand { High, Medium, Low };
HEXHUB_CRIMINAL_INTEL_EXPORT QString gradeBandKey(GradeBand band);
HEXHUB_CRIMINAL_INTEL_EXPORT QString gradeBandName(GradeBand band);

struct HEXHUB_CRIMINAL_INTEL_EXPORT LeadGrade
{
    GradingScheme scheme = GradingScheme::Admiralty;
    QString source;      //!< admiralty A-F; 3x5x2 1-3
    QString information; //!< admiralty 1-6; 3x5x2 A-E
    QString handling;    //!< 3x5x2 P or C; admiralty empty
    QString conditions;  //!< handling conditions in words (required with C)

    //! The grade as analysts write it: "B2", "1/A/P".
    QString code() const;
    /*!
     * High: a reliable source with confirmed or probably true information (admiralty A-B and 1-2;
     * 3x5x2 source 1 with A-B). Low: a source not usually reliable or information doubtful or worse,
     * or either that cannot be judged (admiralty D-F or 4-6; 3x5x2 source 3 or D-E). Medium: between.
     */
    GradeBand band() const;
    //! Empty when the grade is whole and valid in its scheme, else what is wrong in the user's words.
    QString problem() const;
    //! "usually reliable; probably true" in the language in use.
    QString meaning() const;
    //! The letters and digits the scheme allows for each part, in order.
    static QStringList sourceGrades(GradingScheme scheme);
    static QStringList informationGrades(GradingScheme scheme);
    static QString sourceGradeMeaning(GradingScheme scheme, const QString& grade);
    static QString informationGradeMeaning(GradingScheme scheme, const QString& grade);
};

struct HEXHUB_CRIMINAL_INTEL_EXPORT Lead
{
    qint64 id = 0;
    QString reference; //!< "L-2026-00042"
    LeadSource source = LeadSource::Tip;
    QString sourceCentre; //!< the module it came from
    QString sourceRecord; //!< "hit 42"
    QString sourceDetailMasked; //!< a tip's source, masked whole ("********"); revealSource() reads it
    QString summary, details;
    QJsonObject evidence;
    std::optional<LeadGrade> grade;
    QString gradeReason, gradedBy;
    qint64 gradedAt = 0;
    LeadStatus status = LeadStatus::New;
    QString statusReason;
    QString assignedTo;
    qint64 mergedInto = 0, investigationId = 0;
    QString legalBasis;
    qint64 retainUntil = 0, receivedAt = 0, dueAt = 0, updatedAt = 0;
    int version = 1;

    //! "B2 · Not to be shared outside the team": the grade and its handling, shown wherever the lead is.
    QString handlingText() const;
};

//! Something a lead is linked to (the link chart's item): a phone, a person, an account, ... with its label as the viewer may see it.
struct HEXHUB_CRIMINAL_INTEL_EXPORT LeadEntity
{
    qint64 id = 0;
    QString kind;        //!< person, phone, vehicle, account, address, organisation
    QString labelMasked; //!< masked unless it is an organisation
};
//! "phone", "person", ... in the language in use.
HEXHUB_CRIMINAL_INTEL_EXPORT QString entityKindName(const QString& kind);

//! One line of a lead's timeline (from the journal).
struct HEXHUB_CRIMINAL_INTEL_EXPORT LeadTimelineEntry
{
    QDateTime at;
    QString actor;
    QString text;
};

struct HEXHUB_CRIMINAL_INTEL_EXPORT NewTip
{
    QString summary;
    QString details;
    QString source;     //!< who or what gave it: protected (masked, revealed with a reason)
    QString legalBasis; //!< why it may be kept
    int retentionDays = 5 * 365;
};

/*!
 * `lead.referred`: another centre hands criminal intelligence a lead from one of its records (a
 * case, a demand, an event plan), journaled by that centre's service in the transaction that makes
 * the hand-over (publish it with the centre's own source). Criminal intelligence takes it in as a
 * lead in the same transaction (takeInReferral()); `record` names it in the giving centre ("case
 * 2026-0042"), once per record.
 */
struct HEXHUB_CRIMINAL_INTEL_EXPORT LeadReferred
{
    static constexpr auto kTopic = "lead.referred";
    static constexpr int kSchemaVersion = 1;
    QString to = QStringLiteral("criminal_intel");
    QString record;
    QString summary, details;
    QJsonObject evidence;
    QString legalBasis;
    QJsonObject toJson() const;
    static std::optional<LeadReferred> fromJson(const QJsonObject& json);
};

//! `lead.received`: a lead came in (from a hit handed on, a tip, a centre).
struct HEXHUB_CRIMINAL_INTEL_EXPORT LeadReceived
{
    static constexpr auto kTopic = "lead.received";
    static constexpr int kSchemaVersion = 1;
    qint64 lead = 0;
    QString reference;
    LeadSource source = LeadSource::Tip;
    QString sourceRecord;
    QString summary;
    QJsonObject toJson() const;
    static std::optional<LeadReceived> fromJson(const QJsonObject& json);
};

/*!
 * `lead.updated`: a lead graded, assigned, moved, merged into another; `change` says which
 * ("graded", "assigned", "moved", "merged"), `from` and `to` what it was and is ("new" and
 * "assessing"; an analyst's name; a grade code; the lead merged into), `reason` why.
 */
struct HEXHUB_CRIMINAL_INTEL_EXPORT LeadUpdated
{
    static constexpr auto kTopic = "lead.updated";
    static constexpr int kSchemaVersion = 1;
    qint64 lead = 0;
    QString reference;
    QString change, from, to, reason;
    QJsonObject toJson() const;
    static std::optional<LeadUpdated> fromJson(const QJsonObject& json);
};

//! `intel_settings.changed`: the deployment's grading scheme changed (leads keep the scheme they were graded in).
struct HEXHUB_CRIMINAL_INTEL_EXPORT IntelSettingChanged
{
    static constexpr auto kTopic = "intel_settings.changed";
    static constexpr int kSchemaVersion = 1;
    QString key, from, to, reason;
    QJsonObject toJson() const;
    static std::optional<IntelSettingChanged> fromJson(const QJsonObject& json);
};

class HEXHUB_CRIMINAL_INTEL_EXPORT LeadService
{
public:
    static constexpr auto kViewPermission = "criminal_intel.lead.view";
    static constexpr auto kTriagePermission = "criminal_intel.lead.triage";
    static constexpr auto kRevealPermission = "criminal_intel.source.reveal";
    static constexpr auto kSettingsPermission = "criminal_intel.settings.manage";

    //! `outbox`: where the commands wait while the server is away (offline.h); none: an outage fails them.
    LeadService(Store& store, Session& session, AuditLog& audit, Outbox* outbox = nullptr);
    Q_DISABLE_COPY_MOVE(LeadService)

    //! criminal_intel.lead.view. One lead (its tip's source masked).
    QFuture<Lead> lead(qint64 id) const;
    //! criminal_intel.lead.view. The lead's timeline from the journal, oldest first.
    QFuture<QList<LeadTimelineEntry>> timeline(qint64 id) const;
    //! criminal_intel.lead.view. What the lead is linked to (its entities), masked.
    QFuture<QList<LeadEntity>> entities(qint64 id) const;
    //! criminal_intel.lead.view. New leads, oldest first: who has waited longest for a first look.
    QFuture<QList<Lead>> waiting(int limit) const;
    //! The users who may triage leads, to assign one to.
    QFuture<QStringList> analysts() const;
    /*!
     * Open leads that may repeat lead `id`: the same record behind both, or most of the words of their
     * summaries in common (at least half of the longer one's words of three letters or more), newest
     * first; offered for merge, never merged without a person.
     */
    QFuture<QList<Lead>> likelyDuplicates(qint64 id) const;

    //! The deployment's grading scheme (admiralty unless an administrator chose 3x5x2) and its version.
    QFuture<std::pair<GradingScheme, int>> scheme() const;
    /*!
     * criminal_intel.settings.manage. Chooses the scheme new grades are given in, with a reason, at
     * the version read; leads graded before keep theirs. Journaled, audited.
     */
    QFuture<GradingScheme> setScheme(GradingScheme scheme, const QString& reason, int version,
                                     const CommandId& command = CommandId::make());

    /*!
     * criminal_intel.lead.triage. Records a tip by hand: what it says, its source (protected: masked
     * in every view, revealed with a reason), the legal basis and how long it is kept. The assess
     * limit (lead.assess) starts. Journaled (`lead.received`), audited.
     */
    QFuture<Lead> recordTip(const NewTip& tip, const CommandId& command = CommandId::make());
    /*!
     * criminal_intel.lead.triage. Grades lead `id` at `version` in the deployment's scheme (a grade in
     * another scheme is refused), with a reason: a new lead moves to assessing, the assess limit is
     * met and the limit for its grade's band starts (lead.act.*). Regrading restarts that limit.
     */
    QFuture<Lead> grade(qint64 id, int version, const LeadGrade& grade, const QString& reason,
                        const CommandId& command = CommandId::make());
    //! criminal_intel.lead.triage. Assigns the lead to `analyst` (one who may triage), or to nobody with an empty name.
    QFuture<Lead> assign(qint64 id, int version, const QString& analyst, const CommandId& command = CommandId::make());
    /*!
     * criminal_intel.lead.triage. Moves the lead (canMoveLead()); closing needs a reason, and so does
     * opening a closed lead again. Developing, actioned and closed meet the running limit.
     */
    QFuture<Lead> move(qint64 id, int version, LeadStatus to, const QString& reason, const CommandId& command = CommandId::make());
    /*!
     * criminal_intel.lead.triage. Merges lead `duplicate` (at `version`) into lead `into`: the
     * duplicate is closed as merged with the reason, its entities and investigation pass to `into`,
     * and both timelines say so. Neither may be closed already; a lead is not merged into itself.
     */
    QFuture<Lead> merge(qint64 duplicate, int version, qint64 into, const QString& reason,
                        const CommandId& command = CommandId::make());
    /*!
     * criminal_intel.source.reveal. A tip's protected source, with a reason (on a prepared shared
     * server the server reveals and audits); every reveal and refusal audited.
     */
    QFuture<QString> revealSource(qint64 id, const QString& reason) const;

private:
    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
    Outbox* m_outbox = nullptr;
};

/*!
 * The intake of a hit big-data hands on (`model_hit.handed_on` with `"to": "criminal_intel"`): a
 * reaction (ModuleContext::addReaction()) in the transaction that hands it on, so the hand-over
 * and its lead commit together. The lead carries the hit's summary, its evidence (masked) and the
 * confirming analyst's reason; the assess limit starts. A hit is taken in once.
 */
HEXHUB_CRIMINAL_INTEL_EXPORT void takeInHandedOnHit(WriteTransaction& txn, const Event& event);

/*!
 * The intake of an incident the hub sends to intelligence (`incident.referred` with `"to":
 * "criminal_intel"`): a reaction in the hub's transaction. The lead carries the incident's number,
 * category, summary and place (never the caller's contact) and what the hub asked; the incident is
 * linked to the lead. An incident is taken in once: sent again, it is the same lead.
 */
HEXHUB_CRIMINAL_INTEL_EXPORT void takeInReferredIncident(WriteTransaction& txn, const Event& event);

/*!
 * The intake of a lead another centre refers (`lead.referred` with `"to": "criminal_intel"`): a
 * reaction in the giving centre's transaction. The giving centre is the event's source (a centre,
 * never the hub or this one); summary, details, evidence and legal basis are what it says. A record
 * is taken in once: referred again, it is the same lead. A referral that is not whole is refused,
 * and with it the giving centre's change (no hand-over without its lead).
 */
HEXHUB_CRIMINAL_INTEL_EXPORT void takeInReferral(WriteTransaction& txn, const Event& event);

//! How the centre's events read on timelines, in notifications and in the review.
HEXHUB_CRIMINAL_INTEL_EXPORT EventDescription describeIntelEvent(const Event& event);
//! The rail's badge: leads waiting for an analyst.
HEXHUB_CRIMINAL_INTEL_EXPORT RailBadge intelRailBadge();
//! The palette's search: leads by reference or words of their summary ("lead 42", "L-2026-00042").
HEXHUB_CRIMINAL_INTEL_EXPORT QList<RecordHit> searchLeads(Sql& sql, const QString& text, const Principal& viewer, int limit);

} // namespace hexhub::criminalintel
