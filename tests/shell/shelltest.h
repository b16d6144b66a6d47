#pragma once
// Helpers shared by the shell's tests: a platform with the seven modules, and signing someone in.

#include "testsupport.h"

#include "security/accesscontrol.h"
#include "security/session.h"

#include <QLineEdit>
#include <QTest>

namespace hexhub::test {

inline TestPlatform startedPlatform()
{
    return TestPlatform(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
}

//! Opens the command palette of `window`, types `text` (any script) and presses Enter.
template <typename Window>
void runPaletteCommand(Window& window, const QString& text)
{
    window.showPalette();
    auto* filter = window.palette()->template findChild<QLineEdit*>(QStringLiteral("filter"));
    REQUIRE(filter);
    filter->setText(text); // QTest types ASCII only
    QTest::keyClick(filter, Qt::Key_Return);
}

} // namespace hexhub::test
