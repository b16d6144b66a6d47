#pragma once
// Cases on their path and the statutory limits they keep (issue 22 section 1): the one write path
// of a case (ARCHITECTURE.md 3a). Each command checks its permission here (and, on a prepared shared
// server, the server checks it again), checks the row's version, writes, journals its typed event,
// audits and keeps its limits on the hub's deadline queue in one transaction; the same command twice
// is applied once.

#include "hexhub/case_management/case_management_export.h"
#include "module/command.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hexhub {
class AuditLog;
struct Event;
struct EventDescription;
class Outbox;
class Session;
class Store;
} // namespace hexhub

namespace hexhub::cases {

//! A case's path: the criminal procedure, or the administrative (Public Security Administration Punishments Law).
enum class CaseKind { Criminal, Administrative };
HEXHUB_CASE_MANAGEMENT_EXPORT QString caseKindKey(CaseKind kind);
HEXHUB_CASE_MANAGEMENT_EXPORT std::optional<CaseKind> caseKindFromKey(const QString& key);

/*!
 * The stages of a path in order (keys as stored): criminal registered, investigating, measures,
 * referred (to the procuratorate), prosecuted, tried, closed; administrative accepted, investigated,
 * decided, executed, closed.
 */
HEXHUB_CASE_MANAGEMENT_EXPORT QStringList caseStages(CaseKind kind);
//! A stage in the language in use ("referred to the procuratorate").
HEXHUB_CASE_MANAGEMENT_EXPORT QString caseStageName(const QString& stage);
//! The phase both paths share, which snapshots and the hub read: registered, investigating, referred, decided or closed.
HEXHUB_CASE_MANAGEMENT_EXPORT QString caseStatusOf(const QString& stage);
/*!
 * Whether a case moves from `from` to `to`: the next stage of its path, or closed from any stage
 * (with a reason); a closed case does not move.
 */
HEXHUB_CASE_MANAGEMENT_EXPORT bool canMoveCase(CaseKind kind, const QString& from, const QString& to);
/*!
 * Whether moving to `stage` needs an approval given first (CaseService::approve()): coercive
 * measures, the referral to the procuratorate and closing a criminal case; the decision and closing
 * of an administrative one.
 */
HEXHUB_CASE_MANAGEMENT_EXPORT bool stageNeedsApproval(CaseKind kind, const QString& stage);

/*!
 * Why a minor criminal case may take the 48-hour fast track: the likely sentence is within three
 * years and the suspect's guilty plea was accepted; both must hold, and the note says on what.
 */
struct HEXHUB_CASE_MANAGEMENT_EXPORT FastTrackGrounds
{
    bool sentenceWithinThreeYears = false;
    bool guiltyPlea = false;
    QString note; //!< 5 to 2,000 characters
};

/*!
 * The fast track's milestones in order, as time_limits rules of case_management, each running from
 * when the case went on the track (defaults 24, 36 and 48 hours): investigated and referred to the
 * procuratorate ("fasttrack.investigation"), prosecuted ("fasttrack.prosecution"), tried
 * ("fasttrack.trial"). Each is met when the case reaches its stage (fastTrackMilestoneStage()).
 */
HEXHUB_CASE_MANAGEMENT_EXPORT QStringList fastTrackMilestones();
//! The stage of the criminal path that meets `milestone`: referred, prosecuted, tried.
HEXHUB_CASE_MANAGEMENT_EXPORT QString fastTrackMilestoneStage(const QString& milestone);

struct HEXHUB_CASE_MANAGEMENT_EXPORT Case
{
    qint64 id = 0;
    QString number; //!< "C-2026-000042"
    QString title, summary;
    CaseKind kind = CaseKind::Criminal;
    QString stage, status, stageReason;
    bool fastTrack = false;
    qint64 incidentId = 0;
    QString openedBy;
    qint64 openedAt = 0, updatedAt = 0;
    qint64 dueAt = 0; //!< the soonest running limit's due time; 0: none running
    int version = 1;
    qint64 fastTrackAt = 0; //!< when it went on the 48-hour fast track; 0: not on it
    QString fastTrackNote;  //!< the grounds recorded then
};

struct HEXHUB_CASE_MANAGEMENT_EXPORT NewCase
{
    CaseKind kind = CaseKind::Criminal;
    QString title;   //!< 3 to 200 characters
    QString summary; //!< at most 4,000
    qint64 incidentId = 0;
    bool fastTrack = false;    //!< a criminal case opened straight onto the fast track, on `grounds`
    FastTrackGrounds grounds;
};

//! The case list's filter, paged through SQL.
struct HEXHUB_CASE_MANAGEMENT_EXPORT CaseFilter
{
    QString stage;   //!< empty: every stage
    QString text;    //!< words of the title or the number
    bool openOnly = false;
    int limit = 100;
    int offset = 0;
};

/*!
 * What starts a case's statutory limits (the rules' defaults, configurable in time_limits):
 *  - Summoned: 12 hours (24 when approved as serious), Criminal Procedure Law art. 119;
 *  - Questioned: administrative questioning 8 hours (24 when detention is likely), Public Security
 *    Administration Punishments Law art. 83;
 *  - Detained: transfer to the detention centre, family notified and first interrogation within 24
 *    hours each (art. 85, 86), and the request for arrest within 3 days (art. 91);
 *  - ArrestRequested: the arrest-request limit is met and the procuratorate's decision is due within 7 days (art. 91).
 * An administrative case's 30 days (art. 99) start when it is opened.
 */
enum class CaseEvent { Summoned, Questioned, Detained, ArrestRequested };
HEXHUB_CASE_MANAGEMENT_EXPORT QString caseEventKey(CaseEvent event);
HEXHUB_CASE_MANAGEMENT_EXPORT std::optional<CaseEvent> caseEventFromKey(const QString& key);

//! Why an arrest request's limit is extended: by 1 to 4 days, or to 30 days in all for a roving, repeat or gang suspect (art. 91).
enum class ExtensionGround { Ordinary, Roving, Repeat, Gang };
HEXHUB_CASE_MANAGEMENT_EXPORT QString extensionGroundKey(ExtensionGround ground);
HEXHUB_CASE_MANAGEMENT_EXPORT std::optional<ExtensionGround> extensionGroundFromKey(const QString& key);

struct HEXHUB_CASE_MANAGEMENT_EXPORT CaseLimit
{
    qint64 id = 0, caseId = 0;
    QString rule; //!< the time_limits rule, e.g. "detention.transfer"
    qint64 custodyId = 0;
    QString note;
    qint64 startedAt = 0, dueAt = 0;
    qint64 baseMinutes = 0, extendedMinutes = 0;
    QString extensionGround, extensionReason, extendedBy;
    QString state; //!< running, met, cancelled
    qint64 endedAt = 0;
    QString endedBy, endNote, startedBy;
    int version = 1;
    //! The rule in the language in use ("A detained person transferred to the detention centre").
    QString title() const;
};

//! An approval given for a stage ("stage:referred") or an extension ("extend:<limit>"), used once.
struct HEXHUB_CASE_MANAGEMENT_EXPORT CaseApproval
{
    qint64 id = 0, caseId = 0;
    QString what, note, approvedBy;
    qint64 approvedAt = 0, usedAt = 0;
};

//! `case.opened`: a case registered (its number, kind, title).
struct HEXHUB_CASE_MANAGEMENT_EXPORT CaseOpened
{
    static constexpr auto kTopic = "case.opened";
    static constexpr int kSchemaVersion = 1;
    qint64 caseId = 0;
    QString number, kind, title;
    qint64 incidentId = 0;
    QJsonObject toJson() const;
    static std::optional<CaseOpened> fromJson(const QJsonObject& json);
};

//! `case.status_changed`: a case moved from stage `from` to `to` (status the shared phase), with the reason and who approved.
struct HEXHUB_CASE_MANAGEMENT_EXPORT CaseMoved
{
    static constexpr auto kTopic = "case.status_changed";
    static constexpr int kSchemaVersion = 1;
    qint64 caseId = 0;
    QString number, from, to, status, reason, approvedBy;
    QJsonObject toJson() const;
    static std::optional<CaseMoved> fromJson(const QJsonObject& json);
};

//! `case.limit`: a statutory limit started, met, extended or cancelled ("change").
struct HEXHUB_CASE_MANAGEMENT_EXPORT CaseLimitChanged
{
    static constexpr auto kTopic = "case.limit";
    static constexpr int kSchemaVersion = 1;
    qint64 caseId = 0, limitId = 0;
    QString number, rule, change;
    qint64 dueAt = 0;
    QString note;                //!< what was done, or why it was extended
    QString ground, approvedBy;  //!< an extension's ground (extensionGroundKey()) and who approved it
    QJsonObject toJson() const;
    static std::optional<CaseLimitChanged> fromJson(const QJsonObject& json);
};

//! `case.approved`: an approval given for a stage or an extension.
struct HEXHUB_CASE_MANAGEMENT_EXPORT CaseApproved
{
    static constexpr auto kTopic = "case.approved";
    static constexpr int kSchemaVersion = 1;
    qint64 caseId = 0, approval = 0;
    QString number, what, note;
    QJsonObject toJson() const;
    static std::optional<CaseApproved> fromJson(const QJsonObject& json);
};

//! `case.fast_track`: a criminal case put on the 48-hour fast track, on the grounds in `note`.
struct HEXHUB_CASE_MANAGEMENT_EXPORT CaseFastTracked
{
    static constexpr auto kTopic = "case.fast_track";
    static constexpr int kSchemaVersion = 1;
    qint64 caseId = 0;
    QString number, note;
    QJsonObject toJson() const;
    static std::optional<CaseFastTracked> fromJson(const QJsonObject& json);
};

//! One line of a case's timeline, from the journal.
struct HEXHUB_CASE_MANAGEMENT_EXPORT CaseTimelineEntry
{
    qint64 at = 0;
    QString actor, text;
};

/*!
 * How the centre's events read on a case's timeline, the hub's journal and the after-action review:
 * a case opened, moved or closed, a limit started, met, extended or cancelled, an approval given, a
 * person booked into the custody suite. Empty for an event it does not know.
 */
HEXHUB_CASE_MANAGEMENT_EXPORT EventDescription describeCaseEvent(const Event& event);

class HEXHUB_CASE_MANAGEMENT_EXPORT CaseService
{
public:
    static constexpr auto kViewPermission = "case_management.case.view";
    static constexpr auto kManagePermission = "case_management.case.manage";
    static constexpr auto kApprovePermission = "case_management.case.approve";

    //! `outbox`: where the commands wait while the server is away (registerCaseReplayers()); none: an outage fails them.
    CaseService(Store& store, Session& session, AuditLog& audit, Outbox* outbox = nullptr);
    Q_DISABLE_COPY_MOVE(CaseService)

    //! case_management.case.view. A page of cases, the soonest due first, then the newest.
    QFuture<QList<Case>> cases(const CaseFilter& filter) const;
    QFuture<Case> caseOf(qint64 id) const;
    //! case_management.case.view. The case's limits, running first (soonest due), then the ended.
    QFuture<QList<CaseLimit>> limits(qint64 caseId) const;
    QFuture<CaseLimit> limit(qint64 limitId) const;
    QFuture<QList<CaseApproval>> approvals(qint64 caseId) const;
    /*!
     * case_management.case.view. The case's timeline from the journal, oldest first: opened, every
     * move, approval and limit, and each person booked into the suite for it.
     */
    QFuture<QList<CaseTimelineEntry>> timeline(qint64 caseId) const;

    /*!
     * case_management.case.manage. Registers a case at the first stage of its path; an
     * administrative case's 30 days start. Journaled (case.opened), audited.
     */
    QFuture<Case> open(const NewCase& draft, const CommandId& command = CommandId::make()) const;
    /*!
     * case_management.case.manage. Moves the case at `version` (canMoveCase()); closing needs a
     * reason, and a stage that needs approval an approval given for it and not used yet, which the
     * move uses. Closing cancels the limits still running; reaching a fast-track milestone's stage
     * meets it (and any before it still running).
     */
    QFuture<Case> move(qint64 id, int version, const QString& stage, const QString& reason,
                       const CommandId& command = CommandId::make()) const;
    /*!
     * case_management.case.approve. Approves what `what` names for case `id`: "stage:<stage>" or
     * "extend:<limit id>", with a note. The approver may not be who then uses it (four eyes: the
     * move or extension by the same user is refused).
     */
    QFuture<CaseApproval> approve(qint64 id, const QString& what, const QString& note, const CommandId& command = CommandId::make()) const;
    /*!
     * case_management.case.manage. Starts the limits `event` starts for the case (a person in
     * custody named by `custodyId`, or 0), `serious` for a summons approved as serious or questioning
     * where detention is likely. Returns the limits started.
     */
    QFuture<QList<CaseLimit>> start(qint64 id, CaseEvent event, bool serious, qint64 custodyId, const QString& note,
                                    const CommandId& command = CommandId::make()) const;
    /*!
     * case_management.case.manage. Puts the criminal case at `version` on the 48-hour fast track
     * (both grounds must hold) before it is referred to the procuratorate: its milestones
     * (fastTrackMilestones()) start now, on the deadline queue. Journaled (case.fast_track), audited.
     */
    QFuture<Case> putOnFastTrack(qint64 id, int version, const FastTrackGrounds& grounds, const CommandId& command = CommandId::make()) const;
    /*!
     * case_management.case.view. The case's status as the prosecution and court partners receive it
     * beside its case file: a JSON document (schema "hexhub.case-status", version 1) with the case's
     * number, title, path, stage, the fast track (since when, its grounds) and its milestones (due,
     * met or missed), every limit (without what was written when it ended, which may name people) and
     * when the document was made and by whom. No person held is in it: they are in the case file, masked.
     */
    QFuture<QJsonObject> partnerStatus(qint64 id) const;
    //! case_management.case.manage. A running limit met (what was done, in `note`).
    QFuture<CaseLimit> meet(qint64 limitId, int version, const QString& note, const CommandId& command = CommandId::make()) const;
    /*!
     * case_management.case.manage, with an approval "extend:<limit>" given by someone else. Extends
     * an arrest request's limit by `minutes` (1 to 4 days ordinarily; to 30 days in all on a roving,
     * repeat or gang ground) or an administrative case's (once, by up to 30 days).
     */
    QFuture<CaseLimit> extend(qint64 limitId, int version, qint64 minutes, ExtensionGround ground, const QString& reason,
                              const CommandId& command = CommandId::make()) const;

private:
    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
    Outbox* m_outbox = nullptr;
};

/*!
 * Registers with `outbox` how each of CaseService's commands ("case_management.*") kept while the
 * server was away is sent again, through a service of its own over `store` under whoever is signed
 * in then (the outbox sends a command only under the operator who made it; the permission is
 * checked again), and the keepers that let a desk's own kept moves of a case, or changes of a
 * limit, follow each other. The module does this at initialize().
 */
HEXHUB_CASE_MANAGEMENT_EXPORT void registerCaseReplayers(Outbox& outbox, Store& store, Session& session, AuditLog& audit);

} // namespace hexhub::cases
