#pragma once
// Helpers shared by the shell's tests: a platform with the seven modules, and signing someone in.

#include "testsupport.h"

#include "accesscontrol.h"
#include "session.h"

#include <QLineEdit>
#include <QTest>

namespace hexhub::test {

inline TestPlatform startedPlatform()
{
    return TestPlatform(TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)}));
}

//! Creates user `name` with `role` and signs them in, as the sign-in dialog does on success.
inline void signInAs(TestPlatform& tp, const QString& name, const QString& role)
{
    await(tp->access().createUserBySystem(NewUser{name, name, QStringLiteral("Desk-Passw0rd-42"), {role}}));
    const SignInResult result = await(tp->access().signIn(name, QStringLiteral("Desk-Passw0rd-42")));
    REQUIRE(result.principal.isValid());
    tp->session().setPrincipal(result.principal);
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
