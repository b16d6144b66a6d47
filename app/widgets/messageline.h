#pragma once
// A form's message line, the same in every dialog: why an action was refused, what to fix.

#include "hexhubwidgets_export.h"

class QLabel;
class QString;

namespace hexhub {

/*!
 * Makes `label` a dialog's message line: named `objectName` (tests find it), wrapped, in the
 * theme's warning colour, selectable so the reason can be copied into a report, and hidden until it
 * has something to say.
 */
HEXHUB_WIDGETS_EXPORT void makeMessageLine(QLabel* label, const QString& objectName);

} // namespace hexhub
