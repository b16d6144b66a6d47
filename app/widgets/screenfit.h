#pragma once

#include "hexhubwidgets_export.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QString>

class QScreen;
class QWidget;

// Windows on the screens there are now (issue 4): shared by the shell's workspaces and any module
// that opens windows of its own (the hub's torn-off video tiles).
namespace hexhub {

//! A screen as workspaces remember it: its name and where it was.
struct HEXHUB_WIDGETS_EXPORT ScreenPlace
{
    QString name;
    QRect geometry;  //!< the whole screen, in virtual desktop coordinates
    QRect available; //!< without panels and docks of the desktop
};

//! The screens there are now; the primary screen first.
HEXHUB_WIDGETS_EXPORT QList<ScreenPlace> currentScreens();
HEXHUB_WIDGETS_EXPORT QScreen* screenNamed(const QString& name);

//! Where a window goes now: on which screen and at which rectangle.
struct HEXHUB_WIDGETS_EXPORT Placement
{
    QString screen;
    QRect rect;
    bool fellBack = false; //!< its own screen is gone: it went to the primary
};

/*!
 * Places a window that was at `saved` (virtual desktop coordinates) on the screen named
 * `savedScreen`, whose geometry was `savedScreenGeometry` then, among `screens` now (the first is the
 * primary). On its own screen it keeps its offset from the screen's corner; when that screen is gone it
 * goes to the primary. Either way it is shrunk to the screen's available area if it is larger and
 * moved so that all of it is visible: a window is never left off-screen.
 */
HEXHUB_WIDGETS_EXPORT Placement placeWindow(const QRect& saved, const QString& savedScreen, const QRect& savedScreenGeometry,
                      const QList<ScreenPlace>& screens);

//! Moves and resizes `window` (a top-level) to `placement`, and onto its screen.
HEXHUB_WIDGETS_EXPORT void applyPlacement(QWidget* window, const Placement& placement);

//! True when the whole of `window`'s frame lies on one existing screen's geometry.
HEXHUB_WIDGETS_EXPORT bool isFullyOnScreen(const QWidget* window);

//! Where a window was: the screen (by name, and its geometry then), the window's rectangle and state.
struct HEXHUB_WIDGETS_EXPORT WindowPlace
{
    QString screen;
    QRect screenGeometry;
    QRect rect;            //!< virtual desktop coordinates; the normal (not maximized) geometry
    bool maximized = false;
    bool fullScreen = false;

    //! Where `window` (a top-level) is now: the screen holding its centre.
    static WindowPlace of(const QWidget* window);
    QJsonObject toJson() const;
    static WindowPlace fromJson(const QJsonObject& json);
    //! Where it goes among the screens there are now (see placeWindow()).
    Placement placeAmong(const QList<ScreenPlace>& screens) const;
};

//! A rectangle as workspaces keep it in JSON, [x, y, width, height]; and back (empty when it is not one).
HEXHUB_WIDGETS_EXPORT QJsonArray rectToJson(const QRect& r);
HEXHUB_WIDGETS_EXPORT QRect rectFromJson(const QJsonValue& v);

} // namespace hexhub
