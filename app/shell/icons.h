#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace hexhub::shell {

/*!
 * Renders one of Hexhub's line icons (SVG drawn with `currentColor`) in a given colour, sharp at
 * every device pixel ratio: the same file serves the day and the night theme, at 100% and 200%.
 */
QIcon tintedIcon(const QString& svgPath, const QColor& colour, int logicalSize = 24);

} // namespace hexhub::shell
