#pragma once
// What every module's views do the same way: reload after the events that concern them, drop a
// read's answer that a newer read made stale, close a dialog once its save is done, say a
// duration as people do. For the hub's views today and the centres' tomorrow.

#include "hexhubwidgets_export.h"

#include "base/error.h"
#include "base/whenfinished.h"

#include <QApplication>
#include <QDialog>
#include <QPointer>
#include <QFuture>
#include <QLabel>
#include <QString>
#include <QStringList>

#include <exception>
#include <functional>
#include <optional>

namespace hexhub {

class EventBus;

//! A duration in minutes, hours and days, "12 min", "2 h 05 min", "3 d 4 h", in the user's language.
HEXHUB_WIDGETS_EXPORT QString formatDuration(qint64 ms);

/*!
 * Calls `reload` `delayMs` after bus events whose topics start with one of `prefixes` arrive (a burst
 * of events, one reload). The subscription and the timer end with `owner`.
 */
HEXHUB_WIDGETS_EXPORT void reloadOnEvents(EventBus& bus, QObject* owner, const QStringList& prefixes, int delayMs,
                                          std::function<void()> reload);

/*!
 * The stale-result guard: a view that reads again before the last read answered takes a ticket
 * for each read and uses an answer only while its ticket is the latest, so an older, slower answer
 * never overwrites a newer one.
 */
class LatestRead
{
public:
    //! A ticket for the read about to start; every earlier ticket is stale from now on.
    quint64 next() { return ++m_latest; }
    bool isLatest(quint64 ticket) const { return ticket == m_latest; }
    //! Makes every ticket given so far stale (the view shows something else now).
    void invalidate() { ++m_latest; }

private:
    quint64 m_latest = 0;
};

/*!
 * Calls `handler(future)` on `owner`'s thread when `future` finishes, unless a later read took a
 * ticket from `latest` meanwhile (see LatestRead, whenFinished()).
 */
template <typename T, typename Handler>
void whenLatest(QObject* owner, LatestRead& latest, const QFuture<T>& future, Handler&& handler)
{
    const quint64 ticket = latest.next();
    whenFinished(owner, future, [&latest, ticket, handler = std::forward<Handler>(handler)](const QFuture<T>& done) mutable {
        if (latest.isLatest(ticket))
            handler(done);
    });
}

/*!
 * A detail panel showing record `id`: `show(T{})` at once when there is none; else `show()` with what
 * `read()` answers, unless a newer read began meanwhile (whenLatest()), or `show(T{})` and the reason
 * in `message` when the read fails; then `loaded()`.
 */
template <typename T, typename Read, typename Show, typename Loaded>
void showWhenRead(QObject* owner, LatestRead& latest, qint64 id, Read&& read, QLabel* message, Show show, Loaded loaded)
{
    if (id <= 0) {
        latest.invalidate();
        show(T{});
        return;
    }
    whenLatest(owner, latest, QFuture<T>(read()), [message, show, loaded](QFuture<T> done) {
        try {
            show(done.result());
        } catch (const std::exception& e) {
            show(T{});
            message->setText(QString::fromUtf8(e.what()));
        }
        loaded();
    });
}

/*!
 * A dialog's save: its buttons wait while `saving` runs; then the dialog closes, or stays open with
 * the reason in `message` and its buttons back. A command kept on the desk while the server is away
 * closes it too, and sets `*queued` when given (the caller says it is kept, not done).
 */
template <typename T>
void closeWhenSaved(QDialog* dialog, QWidget* buttons, QLabel* message, const QFuture<T>& saving, bool* queued = nullptr)
{
    buttons->setEnabled(false);
    whenFinished(dialog, saving, [dialog, buttons, message, queued](QFuture<T> done) {
        try {
            done.waitForFinished();
            dialog->accept();
        } catch (const CommandQueued&) {
            if (queued)
                *queued = true;
            dialog->accept(); // kept on the desk until the server is back: the desk says so
        } catch (const std::exception& e) {
            message->setText(QString::fromUtf8(e.what()));
            buttons->setEnabled(true);
        }
    });
}

/*!
 * Asks for the reason an action goes on record with ("Why is this lead closed?"): a small dialog
 * named "reasonDialog" with its field "reason"; OK (or Enter) only once it says something (five
 * characters). Nothing when the user cancels.
 */
HEXHUB_WIDGETS_EXPORT std::optional<QString> askReason(QWidget* parent, const QString& title, const QString& question);

/*!
 * Of a module's open views (a window per monitor may hold one each), the one a palette command acts
 * on: the one in the active window, else the last one visible, else the last one made; null when none.
 */
template <typename View>
View* viewInActiveWindow(const QList<QPointer<View>>& views)
{
    View* last = nullptr;
    const QWidget* active = QApplication::activeWindow();
    for (const QPointer<View>& view : views) {
        if (!view)
            continue;
        if (active && view->window() == active)
            return view;
        if (!last || view->isVisible())
            last = view;
    }
    return last;
}

/*!
 * Asks where to save a PDF report (a non-native save dialog named "reportDialog", `proposed` as the
 * file, ".pdf" added), then calls `chosen` with the path while `context` lives; nothing when the user cancels.
 */
HEXHUB_WIDGETS_EXPORT void askReportPath(QWidget* parent, QObject* context, const QString& title, const QString& proposed,
                                         std::function<void(const QString& path)> chosen);

/*!
 * Says in `message` that a report is being written to `path`, then how many pages went there or why
 * nothing did, when `written` (its pages) finishes.
 */
HEXHUB_WIDGETS_EXPORT void sayWhenReportWritten(QLabel* message, const QString& path, const QFuture<int>& written);

} // namespace hexhub
