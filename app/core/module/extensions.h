#pragma once
// What a module brings besides views and commands, for the shell and the training to use without
// knowing the module (ModuleContext::setEventDescriber(), ModuleContext::setRailBadge()).

#include "base/hexhubcore_export.h"

#include <QString>
#include <QStringList>

#include <functional>

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

} // namespace hexhub
