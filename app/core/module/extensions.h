#pragma once
// What a module brings besides views and commands, for the shell and the training to use without
// knowing the module (ModuleContext::setEventDescriber(), ModuleContext::setRailBadge()).

#include "base/hexhubcore_export.h"

#include <QString>
#include <QStringList>

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSize>

#include <functional>

class QSqlQuery;

class QWidget;

namespace hexhub {

struct Event;
struct Principal;
class Sql;

/*!
 * How one event reads to people: a line for timelines and the after-action review, and whether, and
 * how urgently, a desk notifies its operator of it. A module describes the events it publishes.
 */
struct HEXHUB_CORE_EXPORT EventDescription
{
    enum class Notify { No, Info, Important, Priority };

    QString text;               //!< one line in the user's language; empty: the module does not describe it
    Notify notify = Notify::No; //!< whether a desk posts it as a notification, and at which level
    QString title;              //!< the notification's title when notify is not No; empty: `text`
    QString detail;             //!< the line under the title; empty: `text` (when there is a title)

    bool isEmpty() const { return text.isEmpty(); }
};

//! Describes an event of the module's own; called on the thread that delivers the event (the GUI's).
using EventDescriber = std::function<EventDescription(const Event&)>;

/*!
 * A module's count of pending items, shown as the badge of its button on the rail. The shell reads it
 * when the desk starts, when someone signs in, and after each event matching `refreshOn`.
 */
struct HEXHUB_CORE_EXPORT RailBadge
{
    //! Counts the items waiting for `viewer` (0 when they may not see them). Runs on a store read
    //! thread: SQL only, no widgets.
    std::function<int(Sql& sql, const Principal& viewer)> count;
    //! Topic patterns (TopicPattern) after whose events the count is read again: "incident.*".
    QStringList refreshOn;

    bool isValid() const { return bool(count); }
};

/*!
 * A module's records offered as a table for analysis (issue 20: "snapshots of Hexhub's own records"):
 * the incidents, the demands, the case events of a period, read through the module that owns them,
 * as its permission and, on a shared server, its login allow. The big-data centre imports a snapshot
 * as a dataset with its provenance, as it imports a file.
 */
struct HEXHUB_CORE_EXPORT SnapshotSource
{
    //! One column: its name, the kind of value (big-data's column types: "text", "integer",
    //! "decimal", "datetime", "phone", "id_number", "account", "plate", "place"), whether it is
    //! personal data (masked in every view unless revealed with a reason).
    struct Column
    {
        QString name;
        QString type = QStringLiteral("text");
        bool personal = false;
        QString format; //!< for "datetime": the format of the values, e.g. "yyyy-MM-dd HH:mm"
    };
    QString id;                         //!< "hub.incidents"
    QString module;                     //!< the module that owns the records
    std::function<QString()> title;     //!< in the language in use: "Incidents"
    QString permission;                 //!< needed to take it, checked by the taking service
    QList<Column> columns;
    /*!
     * Every record of [fromMs, toMs), oldest first, one `row` call each (cells in column order). Runs
     * on a store read thread: SQL only. Returns false when it stopped because `row` returned false.
     */
    std::function<bool(Sql& sql, qint64 fromMs, qint64 toMs, const std::function<bool(const QStringList& row)>& row)> read;

    bool isValid() const { return !id.isEmpty() && bool(read) && !columns.isEmpty(); }
};

/*!
 * What a SnapshotSource's read does on either store: on a prepared shared server it runs `onServer`
 * (a SELECT from the module's SECURITY DEFINER function, which checks the permission itself and gives
 * personal fields masked), else `direct` (SQLite, or a server without Hexhub's rules); both take the
 * period as two binds. `cells` turns a row into the snapshot's cells (`server` says which query it
 * came from, so that the code masks what the server did not); `row` takes them. False when `row`
 * asked to stop.
 */
HEXHUB_CORE_EXPORT bool readSnapshotRows(Sql& sql, const QString& direct, const QString& onServer, qint64 fromMs, qint64 toMs,
                                         const std::function<QStringList(const QSqlQuery& q, bool server)>& cells,
                                         const std::function<bool(const QStringList& row)>& row);

/*!
 * One record found by a module's search for the command palette: "incident 2026-000123". `kind` and
 * `ref` open it (ModuleManager::openRecord()); title and detail are what the palette shows.
 */
struct HEXHUB_CORE_EXPORT RecordHit
{
    QString kind;   //!< a record kind some module registered: "incident", "case"
    QString ref;    //!< the record's number as people say it: "2026-000123"
    QString title;  //!< in the user's language: "Incident 2026-000123"
    QString detail; //!< one line about it
};

/*!
 * A module's search for the palette: the records matching what was typed that `viewer` may see, at
 * most `limit`, the most relevant first. Runs on a store read thread: SQL only, no widgets.
 */
using RecordSearch = std::function<QList<RecordHit>(Sql& sql, const QString& text, const Principal& viewer, int limit)>;

/*!
 * A kind of record a module owns, and how it is opened from anywhere (a link on another module's
 * record, a palette search): the shell shows the view `viewId` and hands it to `open` with the ref.
 */
struct HEXHUB_CORE_EXPORT RecordKind
{
    QString kind;   //!< "incident"
    QString viewId; //!< the module's view that shows it: "hub.incidents"
    //! Shows record `ref` in `view` (the widget the shell made for viewId); false when it cannot.
    std::function<bool(QWidget* view, const QString& ref)> open;
};

/*!
 * One kind of call the live demo simulation makes up (the incident-owning module's share): the
 * category it becomes, how often, at what priority, and what callers say.
 */
struct HEXHUB_CORE_EXPORT SimulatedCall
{
    QString category;       //!< the incident category id it becomes
    double weight = 1;      //!< how often, relative to the other kinds
    int priority = 3;       //!< before the simulation's occasional one-up or one-down
    //! A few ways callers put it, in the user's language (asked at each call, so a language switch shows).
    std::function<QStringList()> says;
    //! Source id -> share of these calls that come in that way ("video": 0.4); the rest are calls.
    QMap<QString, double> sources;
};

/*!
 * A task the simulation has the hub give the module after some incidents (a centre's share): the
 * module is the task's assignee, and the simulated centre accepts, reports on and completes it.
 */
struct HEXHUB_CORE_EXPORT SimulatedFollowUp
{
    QString category;          //!< the incident category it follows up; "*" for any no share names
    double probability = 0;    //!< share of the resolved incidents of that category
    //! The task's title for an incident at `address`, in the user's language.
    std::function<QString(const QString& address)> title;
};

class AuditLog;
class Session;
class Store;

/*!
 * A colleague at a centre's desk in the live demo simulation, so that a trainer who looks at the
 * desk as its operator sees it living: every `everyMs` of clock time (the first after a random part
 * of it), `act` does a piece of the centre's work through the module's own services, acting as the
 * demo's user of `role` (DemoContext::userOf(role)) with that role's permissions, and says what it
 * did for the simulation's log (empty: nothing to do this time). `act` is called on the GUI thread
 * and must not wait: it returns a future.
 */
struct HEXHUB_CORE_EXPORT SimulatedColleague
{
    QString role;             //!< "bigdata_investigation_operator"
    qint64 everyMs = 3600'000;
    std::function<QFuture<QString>(Store& store, Session& session, AuditLog& audit, quint64 draw)> act;
};

//! A module's share of the live demo simulation (ModuleContext::setSimulationShare()).
struct HEXHUB_CORE_EXPORT SimulationShare
{
    QList<SimulatedCall> calls;
    QList<SimulatedFollowUp> followUps;
    QList<SimulatedColleague> colleagues;

    bool isEmpty() const { return calls.isEmpty() && followUps.isEmpty() && colleagues.isEmpty(); }
};

//! Every loaded module's share, by module id, in load order (ModuleManager::simulationShares()).
using SimulationShares = QList<std::pair<QString, SimulationShare>>;

/*!
 * A picture of the module's views that `hexhub --screenshots` renders (the README's, the docs'):
 * a wall screen of `size` with the module's `panels`, each restored to its view state first.
 */
struct HEXHUB_CORE_EXPORT ModulePicture
{
    QString name;                          //!< file name: "<name>-<theme>-<language>.png"
    QStringList panels;                    //!< the view ids on the wall, in order; none: the module's central view in the main window
    QSize size{1920, 1080};
    QMap<QString, QJsonObject> viewStates; //!< view id -> what its restoreViewState(QJsonObject) slot takes
    int settleMs = 300;                    //!< how long the views take to show what they read
};

/*!
 * The module's pictures (ModuleContext::setPictures()). `prepare` puts what they show into the
 * pictures' throw-away store, through the module's own services, as whoever `session` holds (a
 * hub supervisor), once per language, names in that language; it returns the pictures. It runs on
 * the GUI thread and may wait for the store: the pictures are rendered offscreen, nobody works.
 */
struct HEXHUB_CORE_EXPORT ModulePictures
{
    std::function<QList<ModulePicture>(Store& store, Session& session, AuditLog& audit)> prepare;
};

} // namespace hexhub
