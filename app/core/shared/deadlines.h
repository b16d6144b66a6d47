#pragma once

#include "base/hexhubcore_export.h"
#include "module/command.h"

#include <QDateTime>
#include <QJsonObject>
#include <QFuture>
#include <QHash>
#include <QSet>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <utility>

namespace hexhub {

class Clock;
class ClockTimer;
class EventBus;
struct Event;

/*!
 * Something running out: an incident's response target, a task's due time, a custody limit, a
 * complaint's SLA.
 *
 * The contract every module follows to put a deadline in front of the hub: publish on the bus
 *  - `deadline.set` with payload
 *      `{"key": "<module>.<record>.<what>", "title": "<short text>", "due": "<ISO 8601 UTC>",
 *        "module": "<module id>", "subject": "<record reference, e.g. incident:42>"}`;
 *    publishing the same key again moves or renames that deadline;
 *  - `deadline.cleared` with payload `{"key": ...}` when it is met or no longer applies.
 * Keys are unique across modules (they start with the module id). Times are Clock time.
 * Any desk may publish `deadline.acknowledged` `{"key": ...}` (acknowledgeDeadline()): someone has
 * seen it and is on it; the actor is who. Acknowledging does not clear: only the owner clears.
 */
struct HEXHUB_CORE_EXPORT Deadline
{
    QString key;
    QString title;
    QDateTime due;
    QString module;
    QString subject;
    QString acknowledgedBy; //!< empty: nobody yet
    QDateTime acknowledgedAt;

    /*!
     * How far it has run out: running; due within 15 minutes; missed (overdue); escalated
     * (missed for 5 minutes and nobody has acknowledged it: the hub supervisor is alerted).
     */
    enum class Level { Running, DueSoon, Missed, Escalated };
    Level levelAt(qint64 nowMs) const;
    static constexpr qint64 kDueSoonMs = 15 * 60 * 1000;
    static constexpr qint64 kEscalateAfterMs = 5 * 60 * 1000;
};

class Store;
class WriteTransaction;

//! The `deadline.set` payload (the contract above), typed: publish with publishDeadline().
struct HEXHUB_CORE_EXPORT DeadlineSet
{
    static constexpr auto kTopic = "deadline.set";
    static constexpr int kSchemaVersion = 1;

    QString key;     //!< "<module>.<record>.<what>"
    QString title;   //!< short, in the language of the desk that set it
    QDateTime due;   //!< Clock time, UTC
    QString module;  //!< the module whose deadline it is
    QString subject; //!< the record it belongs to, e.g. "incident:42"

    QJsonObject toJson() const;
    //! Nothing for a payload without a key or with a due time that is not ISO 8601.
    static std::optional<DeadlineSet> fromJson(const QJsonObject& json);
};

//! The `deadline.cleared` payload, typed.
struct HEXHUB_CORE_EXPORT DeadlineCleared
{
    static constexpr auto kTopic = "deadline.cleared";
    static constexpr int kSchemaVersion = 1;

    QString key;

    QJsonObject toJson() const;
    static std::optional<DeadlineCleared> fromJson(const QJsonObject& json);
};

/*!
 * Puts a deadline in front of the hub (or moves it) in `txn`, so that it commits with the change it
 * belongs to; publishDeadlineCleared() takes it away. Every module's services use these.
 */
HEXHUB_CORE_EXPORT void publishDeadline(WriteTransaction& txn, const DeadlineSet& deadline);
HEXHUB_CORE_EXPORT void publishDeadlineCleared(WriteTransaction& txn, const QString& key);

/*!
 * Publishes `deadline.acknowledged` for `key` on behalf of `actor`: a command (ARCHITECTURE 3a), so
 * the same acknowledgement sent again is journaled once.
 */
HEXHUB_CORE_EXPORT QFuture<void> acknowledgeDeadline(Store& store, const QString& key, const QString& actor,
                                                     const CommandId& command = CommandId::make());

/*!
 * Every open deadline of every module, from the journal (at start) and the bus (after): what the
 * status bar counts and the deadline panel lists. Counts follow the Clock, simulated or not.
 */
class HEXHUB_CORE_EXPORT DeadlineBoard final : public QObject
{
    Q_OBJECT
public:
    DeadlineBoard(EventBus& bus, Clock& clock, QObject* parent = nullptr);
    ~DeadlineBoard() override;

    //! Reads the deadlines journaled before this desk opened, a page at a time, off the GUI thread.
    void load();
    bool isLoaded() const { return m_loaded; }

    //! Open deadlines, the soonest first.
    QList<Deadline> deadlines() const;
    /*!
     * The soonest `count` open deadlines of the modules `visible` accepts (every module without it),
     * and in `total` how many it accepts in all: what a list shows without copying thousands.
     */
    QList<Deadline> soonest(int count, const std::function<bool(const QString& module)>& visible = {}, int* total = nullptr) const;
    int size() const { return int(m_open.size()); }
    //! Open deadlines due within `ms` of the Clock's now (overdue ones included); with `visible`, only
    //! those of the modules it accepts.
    int dueWithin(qint64 ms, const std::function<bool(const QString& module)>& visible = {}) const;

Q_SIGNALS:
    //! The list changed, or time moved on (once a minute of clock time, and on a jump).
    void changed();
    //! A deadline ran out while this desk was watching (not those overdue already when it loaded).
    void missed(const hexhub::Deadline& deadline);
    //! A missed deadline nobody acknowledged reached Level::Escalated while this desk was watching.
    void escalated(const hexhub::Deadline& deadline);

private:
    void apply(const Event& event);
    void loadFrom(qint64 seq);
    /*!
     * Emits missed/escalated for what crossed a level since the last look; `quiet` only notes them.
     * Only the overdue (the front of m_byDue) can cross, and of those only what ran out since the
     * last look less the escalation delay (or was set since into the past), so it reads those and
     * stops at the first deadline still running: a minute's tick costs what crossed, not what is open.
     */
    void announce(bool quiet);
    void insertOpen(const Deadline& d);
    void removeOpen(const QString& key);

    EventBus& m_bus;
    Clock& m_clock;
    ClockTimer* m_tick;
    QHash<QString, Deadline> m_open;
    std::set<std::pair<qint64, QString>> m_byDue; //!< (due in ms, key) of every open deadline, soonest first
    //! Deadlines due before this have nothing left to announce (see announce()); m_lastLook the Clock time it last looked.
    qint64 m_settledBefore = std::numeric_limits<qint64>::min();
    qint64 m_lastLook = std::numeric_limits<qint64>::min();
    QSet<QString> m_missedSeen;
    QSet<QString> m_escalatedSeen;
    QList<Event> m_early; //!< arrived live while the journal was being read
    qint64 m_lastSeq = 0;
    bool m_loaded = false;
    bool m_loading = false;
};

} // namespace hexhub
