#pragma once
// The time limits the centres keep (CENTRES.md "Time"): a review within three days, a custody check
// every fifteen minutes, a complaint answered within thirteen working days. Each is a row of the
// `time_limits` table (core migration 9), seeded by the module that keeps it with its default, and
// changed by an administrator with a reason. Modules read a limit inside the transaction that starts
// what it times (minutesIn()), and put the due time on the hub's deadline queue (deadlines.h).

#include "base/hexhubcore_export.h"
#include "module/command.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace hexhub {

class AuditLog;
class Session;
class Sql;
class Store;

struct HEXHUB_CORE_EXPORT TimeLimit
{
    QString module;        //!< the module that keeps it, e.g. "bigdata_investigation"
    QString rule;          //!< stable within the module, e.g. "hits.review"
    QString title;         //!< English as stored; text() reads it in the language in use
    qint64 minutes = 0;    //!< the length in force
    qint64 defaultMinutes = 0;
    QString changedBy, reason;
    qint64 changedAt = 0;  //!< 0: never changed
    int version = 1;

    //! The title in the language in use (the translations' context "hexhub::TimeLimits").
    QString text() const;
    qint64 ms() const { return minutes * 60'000; }
};

/*!
 * `time_limit.changed`: an administrator changed a limit; payload `{"module", "rule", "title",
 * "minutes", "from", "reason"}`. Limits already running keep their due time; the new length applies
 * to what starts after.
 */
struct HEXHUB_CORE_EXPORT TimeLimitChanged
{
    static constexpr auto kTopic = "time_limit.changed";
    static constexpr int kSchemaVersion = 1;
    TimeLimit limit;
    qint64 from = 0;
    QJsonObject toJson() const;
    static std::optional<TimeLimitChanged> fromJson(const QJsonObject& json);
};

class HEXHUB_CORE_EXPORT TimeLimits
{
public:
    static constexpr auto kManagePermission = "core.time_limits.manage";
    //! The longest limit anyone may set (a leap year of minutes); the shortest is a minute.
    static constexpr qint64 kMaxMinutes = 366 * 24 * 60;

    TimeLimits(Store& store, Session& session, AuditLog& audit);

    //! Every rule of every module (or of `module`), by module then rule. Off the calling thread.
    QFuture<QList<TimeLimit>> list(const QString& module = {}) const;

    /*!
     * Sets rule `module`/`rule` to `minutes` (1 minute to kMaxMinutes), `reason` on record (at least
     * five characters), if it is still at `version`: needs core.time_limits.manage (refusals
     * audited); journaled as time_limit.changed and audited in one transaction; the same command
     * once.
     */
    QFuture<TimeLimit> change(const QString& module, const QString& rule, qint64 minutes, const QString& reason, int version,
                              const CommandId& command = CommandId::make());

    //! The limit in force inside a read or a write (a module starting what it times): `fallback`
    //! minutes when the rule has no row (a module whose migration has not seeded it).
    static qint64 minutesIn(Sql& sql, const QString& module, const QString& rule, qint64 fallback);

    //! "3 days", "8 hours", "1 day 12 hours", "90 minutes": how a length reads in the language in use.
    static QString describe(qint64 minutes);

private:
    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
};

} // namespace hexhub
