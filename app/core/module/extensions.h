#pragma once
// What a module brings besides views and commands, for the shell and the training to use without
// knowing the module (ModuleContext::setEventDescriber(), ModuleContext::setRailBadge()).

#include "base/hexhubcore_export.h"

#include <QString>
#include <QStringList>

#include <QList>

#include <functional>

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

} // namespace hexhub
