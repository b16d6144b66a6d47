#pragma once
// The custody suite (issue 22 section 2): everyone brought in, tracked from the door to release.
// Each person is booked in against a case with the cause, the legal basis, the officer responsible,
// a risk assessment and a wristband; walks the suite's one-way route (intake, search, property,
// biometrics, medical check, then interview and holding rooms, exit), every move recorded; is
// checked at an interval the risk sets, every check on the hub's deadline queue until it is made;
// and leaves released, transferred or handed over, with who took them. One write path
// (ARCHITECTURE.md 3a): permission checked here (and again by a prepared shared server), version
// checked, journaled, audited, the same command twice applied once, kept in the outbox while the
// server is away.

#include "hexhub/case_management/case_management_export.h"
#include "hexhub/case_management/cases.h"
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
class Store;
struct RailBadge;
} // namespace hexhub

namespace hexhub::cases {

//! On what ground the person is held; it sets the limit their time in the suite runs against.
enum class CustodyBasis {
    Summons,     //!< criminal summons: 12 hours (24 approved as serious)
    Questioning, //!< administrative questioning: 8 hours (24 where detention is likely)
    Detention,   //!< criminal detention: in the detention centre within 24 hours
};
HEXHUB_CASE_MANAGEMENT_EXPORT QString custodyBasisKey(CustodyBasis basis);
HEXHUB_CASE_MANAGEMENT_EXPORT std::optional<CustodyBasis> custodyBasisFromKey(const QString& key);
HEXHUB_CASE_MANAGEMENT_EXPORT QString custodyBasisName(CustodyBasis basis);

/*!
 * How often the person is checked: standard every 60 minutes; elevated (intoxicated, injured or
 * with medical needs) every 30; highest (a risk of self-harm) every 15. The intervals are the
 * welfare.* rules of time_limits.
 */
enum class RiskLevel { Standard, Elevated, Highest };
HEXHUB_CASE_MANAGEMENT_EXPORT QString riskLevelKey(RiskLevel level);
HEXHUB_CASE_MANAGEMENT_EXPORT QString riskLevelName(RiskLevel level);

struct HEXHUB_CASE_MANAGEMENT_EXPORT CustodyRisk
{
    bool intoxicated = false;
    bool injured = false;
    bool medicalNeeds = false;
    bool selfHarm = false;
    QString notes; //!< what was seen and asked (at most 2,000 characters)
    RiskLevel level() const;
};

/*!
 * The route through the suite in order (keys as stored, and the kinds of its rooms): intake, search,
 * property, biometrics, medical, interview, holding, exit.
 */
HEXHUB_CASE_MANAGEMENT_EXPORT QStringList custodyStages();
HEXHUB_CASE_MANAGEMENT_EXPORT QString custodyStageName(const QString& stage);
/*!
 * Whether a person at `from` may be taken to a room of kind `to`: along the route, never back
 * (another room of the same kind is fine); once past the medical check between interview and
 * holding rooms and back to the medical room as needed. Leaving is release(), not a move.
 * `skipped` gets the stages the move passes over (a move that skips needs a note saying why).
 */
HEXHUB_CASE_MANAGEMENT_EXPORT bool canMoveInSuite(const QString& from, const QString& to, QStringList* skipped = nullptr);

/*!
 * A room's name in the language in use: the suite's rooms as the migration names them ("Intake
 * desk", "Holding room 3") translated; a name the centre gave its own rooms as it is.
 */
HEXHUB_CASE_MANAGEMENT_EXPORT QString custodyRoomName(const QString& stored);

struct HEXHUB_CASE_MANAGEMENT_EXPORT Room
{
    qint64 id = 0;
    QString name, kind;
    int capacity = 1;
    QStringList occupants; //!< the wristbands of who is in it now
};

//! How a person left the suite.
enum class ReleaseKind {
    Released,    //!< released (on bail, without charge, the questioning over)
    Transferred, //!< taken to the detention centre
    HandedOver,  //!< handed to a hospital, a court or another unit
};
HEXHUB_CASE_MANAGEMENT_EXPORT QString releaseKindKey(ReleaseKind kind);
HEXHUB_CASE_MANAGEMENT_EXPORT std::optional<ReleaseKind> releaseKindFromKey(const QString& key);
HEXHUB_CASE_MANAGEMENT_EXPORT QString releaseKindName(ReleaseKind kind);

struct HEXHUB_CASE_MANAGEMENT_EXPORT Custody
{
    qint64 id = 0, caseId = 0;
    QString caseNumber;
    QString personMasked; //!< the person as whoever may not see them reads it (revealPerson() with a reason)
    QString tag, cause, legalBasis, officer;
    CustodyBasis basis = CustodyBasis::Detention;
    bool serious = false;
    CustodyRisk risk;
    QString stage; //!< where on the route
    qint64 roomId = 0;
    QString roomName;
    QString state; //!< in, released, transferred, handed_over
    qint64 startedAt = 0, limitAt = 0, nextCheckAt = 0, releasedAt = 0, updatedAt = 0;
    QString checkedInBy, releasedBy, releaseTo, releaseNote;
    int version = 1;
    bool inSuite() const { return state == QLatin1String("in"); }
};

struct HEXHUB_CASE_MANAGEMENT_EXPORT NewCustody
{
    qint64 caseId = 0;
    QString personRef;  //!< who (name and ID number); personal data, masked wherever it is read
    QString tag;        //!< the wristband or tag number, unique among those in the suite
    QString cause;      //!< why they are brought in
    QString legalBasis; //!< the article or decision they are held under
    CustodyBasis basis = CustodyBasis::Detention;
    bool serious = false; //!< a summons approved as serious, questioning where detention is likely
    QString officer;      //!< the officer responsible
    CustodyRisk risk;
};

struct HEXHUB_CASE_MANAGEMENT_EXPORT CustodyFilter
{
    bool inSuiteOnly = true;
    QString text; //!< wristband, case number or cause
    int limit = 100;
    int offset = 0;
};

//! What a welfare check saw.
enum class WelfareCondition {
    Well,         //!< awake and well
    AsleepRoused, //!< asleep, roused and responding
    Concern,      //!< needs attention (what, in the observation)
};
HEXHUB_CASE_MANAGEMENT_EXPORT QString welfareConditionKey(WelfareCondition condition);
HEXHUB_CASE_MANAGEMENT_EXPORT std::optional<WelfareCondition> welfareConditionFromKey(const QString& key);
HEXHUB_CASE_MANAGEMENT_EXPORT QString welfareConditionName(WelfareCondition condition);

struct HEXHUB_CASE_MANAGEMENT_EXPORT WelfareCheck
{
    qint64 id = 0, custodyId = 0;
    qint64 dueAt = 0, doneAt = 0, recordedAt = 0;
    QString doneBy, condition, observed, roomName;
    bool late() const { return doneAt > dueAt; }
};

struct HEXHUB_CASE_MANAGEMENT_EXPORT Interview
{
    qint64 id = 0, custodyId = 0, roomId = 0;
    QString roomName, officers, recordingRef, startedBy, endedBy, note;
    qint64 startedAt = 0, endedAt = 0;
    bool running() const { return endedAt == 0; }
};

//! Care given in custody.
enum class CareKind { Meal, Drink, Rest, Medication, Medical, PhoneCall };
HEXHUB_CASE_MANAGEMENT_EXPORT QString careKindKey(CareKind kind);
HEXHUB_CASE_MANAGEMENT_EXPORT std::optional<CareKind> careKindFromKey(const QString& key);
HEXHUB_CASE_MANAGEMENT_EXPORT QString careKindName(CareKind kind);

//! One line of the custody record (the centre's ledger), from every table of the person's stay.
struct HEXHUB_CASE_MANAGEMENT_EXPORT CustodyEntry
{
    qint64 at = 0;
    QString kind; //!< checked_in, moved, check, risk, interview, interview_ended, care, kept_apart, left
    QString by, text;
};

//! `custody.started`: a person booked into the suite (no personal data: the wristband).
struct HEXHUB_CASE_MANAGEMENT_EXPORT CustodyStarted
{
    static constexpr auto kTopic = "custody.started";
    static constexpr int kSchemaVersion = 1;
    qint64 custodyId = 0, caseId = 0;
    QString tag, basis, risk;
    qint64 limitAt = 0;
    QJsonObject toJson() const;
    static std::optional<CustodyStarted> fromJson(const QJsonObject& json);
};

/*!
 * `custody.changed`: something done for a person in custody; `change` says what (moved, checked,
 * risk, interview.started, interview.ended, care, kept_apart, left), `note` how (the room, what a
 * check saw, ...), `late` for a check made after it was due.
 */
struct HEXHUB_CASE_MANAGEMENT_EXPORT CustodyChanged
{
    static constexpr auto kTopic = "custody.changed";
    static constexpr int kSchemaVersion = 1;
    qint64 custodyId = 0;
    QString tag, change, note;
    bool late = false;
    QJsonObject toJson() const;
    static std::optional<CustodyChanged> fromJson(const QJsonObject& json);
};

class HEXHUB_CASE_MANAGEMENT_EXPORT CustodyService
{
public:
    static constexpr auto kViewPermission = "case_management.case.view";
    static constexpr auto kManagePermission = "case_management.custody.manage";

    CustodyService(Store& store, Session& session, AuditLog& audit, Outbox* outbox = nullptr);
    Q_DISABLE_COPY_MOVE(CustodyService)

    //! case_management.case.view. The suite's rooms along the route, with who is in each now.
    QFuture<QList<Room>> rooms() const;
    //! case_management.case.view. A page of people, those in the suite first by the next check due.
    QFuture<QList<Custody>> people(const CustodyFilter& filter) const;
    QFuture<Custody> custodyOf(qint64 id) const;
    QFuture<QList<WelfareCheck>> checks(qint64 custodyId) const;
    QFuture<QList<Interview>> interviews(qint64 custodyId) const;
    //! case_management.case.view. The custody record: every step of the stay in time order.
    QFuture<QList<CustodyEntry>> record(qint64 custodyId) const;
    //! case_management.custody.manage, with a reason on the audit trail (on a shared server, the server's reveal).
    QFuture<QString> revealPerson(qint64 custodyId, const QString& reason) const;

    /*!
     * case_management.custody.manage. Books the person in at the intake desk: the case's limits
     * the basis starts run for them (CaseService::start()), the first welfare check is due at the
     * interval the risk sets, both on the deadline queue. Journaled (custody.started), audited.
     */
    QFuture<Custody> checkIn(const NewCustody& draft, const CommandId& command = CommandId::make()) const;
    /*!
     * case_management.custody.manage. Takes the person at `version` to room `roomId` along the route
     * (canMoveInSuite(); a skip needs `note`), refused when the room is full or holds someone the
     * person must be kept apart from.
     */
    QFuture<Custody> moveTo(qint64 id, int version, qint64 roomId, const QString& note, const CommandId& command = CommandId::make()) const;
    /*!
     * case_management.custody.manage. A welfare check made now with what it saw (a concern needs
     * the observation); the next is due at the interval the risk sets. A check made after it was
     * due is recorded as late, on the journal and the audit trail.
     */
    QFuture<WelfareCheck> check(qint64 id, WelfareCondition condition, const QString& observed, const CommandId& command = CommandId::make()) const;
    //! case_management.custody.manage. The risk assessed again, with the reason; the next check moves to the new interval.
    QFuture<Custody> assessRisk(qint64 id, int version, const CustodyRisk& risk, const QString& reason,
                                const CommandId& command = CommandId::make()) const;
    //! case_management.custody.manage. Two people in the suite who must not share a room, with the reason.
    QFuture<void> keepApart(qint64 a, qint64 b, const QString& reason, const CommandId& command = CommandId::make()) const;
    /*!
     * case_management.custody.manage. An interview starts in interview room `roomId` (the person
     * is taken there), with the officers and the recording's reference; the first one meets the
     * detention's first-interrogation limit.
     */
    QFuture<Interview> startInterview(qint64 id, int version, qint64 roomId, const QString& officers, const QString& recordingRef,
                                      const CommandId& command = CommandId::make()) const;
    QFuture<Interview> endInterview(qint64 interviewId, const QString& note, const CommandId& command = CommandId::make()) const;
    //! case_management.custody.manage. A meal, drink, rest period (`minutes`), medication, medical visit or phone call given.
    QFuture<void> care(qint64 id, CareKind kind, int minutes, const QString& note, const CommandId& command = CommandId::make()) const;
    /*!
     * case_management.custody.manage. The person leaves at `version`: released, transferred to the
     * detention centre (which meets the transfer limit) or handed over, with who took them. The
     * checks stop; the limits of their time in the suite end (met, or cancelled on release).
     */
    QFuture<Custody> release(qint64 id, int version, ReleaseKind kind, const QString& takenBy, const QString& note,
                             const CommandId& command = CommandId::make()) const;

private:
    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
    Outbox* m_outbox = nullptr;
};

/*!
 * The centre's rail badge: how many people are in the custody suite now (for whoever may see cases),
 * read again as people come, move and go.
 */
HEXHUB_CASE_MANAGEMENT_EXPORT RailBadge custodyRailBadge();

//! Registers how the custody suite's commands kept while the server was away are sent again (the module does this at initialize()).
HEXHUB_CASE_MANAGEMENT_EXPORT void registerCustodyReplayers(Outbox& outbox, Store& store, Session& session, AuditLog& audit);

} // namespace hexhub::cases
