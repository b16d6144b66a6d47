#pragma once
// Helpers shared by the shell's tests: a platform with the seven modules, and signing someone in.

#include "testsupport.h"

#include "language.h"
#include "security/accesscontrol.h"
#include "security/session.h"
#include "theme.h"

#include <QApplication>
#include <QDir>
#include <QTimer>
#include <QElapsedTimer>
#include <QDialog>
#include <QLineEdit>
#include <QTest>

#include <functional>
#include <memory>

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

//! Where the tests' pictures go, for a person to look at.
inline QString picturesFolder()
{
    const QString folder = QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures");
    QDir().mkpath(folder);
    return folder;
}

/*!
 * Runs `render` in each look a desk can have: English and Chinese, day and night, with the language
 * set and the theme applied; `suffix` names its pictures ("night-zh_CN.png"). The day theme is put
 * back after.
 */
inline void inEveryLook(const std::function<void(const QString& locale, const shell::Theme& theme, const QString& suffix)>& render)
{
    for (const QString& locale : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        shell::Language language;
        REQUIRE(language.set(locale));
        for (const shell::Theme::Kind kind : {shell::Theme::Kind::Day, shell::Theme::Kind::Night}) {
            const shell::Theme theme = shell::Theme::of(kind);
            theme.apply(*qApp);
            render(locale, theme, QStringLiteral("%1-%2.png").arg(shell::Theme::name(kind), locale));
        }
    }
    shell::Theme::day().apply(*qApp);
}

// Acts on the modal dialog `name` once it is up (a key that opens it does not return until it closes);
// a dialog still open 20 s later is rejected, so a test that cannot close it fails instead of hanging.
inline void whenModal(const QString& name, std::function<void(QDialog*)> action)
{
    auto* poll = new QTimer;
    poll->setInterval(10);
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    auto acted = std::make_shared<bool>(false);
    QObject::connect(poll, &QTimer::timeout, [poll, name, action, started, acted] {
        QDialog* dialog = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (w->isVisible() && w->objectName() == name)
                dialog = qobject_cast<QDialog*>(w);
        if (*acted) {
            if (!dialog) {
                poll->stop();
                poll->deleteLater();
            } else if (started->elapsed() > 20000) {
                dialog->reject();
            }
            return;
        }
        if (!dialog)
            return;
        *acted = true;
        action(dialog);
    });
    poll->start();
}

} // namespace hexhub::test
