// The settings dialog: what applies at once (language, theme, sounds, idle lock), what applies from
// the next start (store, modules), refusals with reasons, and which modules go with one turned off.
#include "shelltest.h"

#include "language.h"
#include "mainwindow.h"
#include "module/modulemanager.h"
#include "notifications.h"
#include "module/platform.h"
#include "settingsdialog.h"
#include "mapview.h"
#include "theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTest>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::shell;

namespace {

QListWidgetItem* moduleItem(SettingsDialog& dialog, const QString& id)
{
    for (int i = 0; i < dialog.moduleList()->count(); ++i) {
        if (dialog.moduleList()->item(i)->data(Qt::UserRole).toString() == id)
            return dialog.moduleList()->item(i);
    }
    return nullptr;
}

void save(SettingsDialog& dialog)
{
    QPushButton* button = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
    REQUIRE(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

TEST_CASE("Settings: language, theme, sounds and idle lock apply as soon as they are saved", "[shell][settings]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("hub_supervisor"));
    Language language;
    REQUIRE(language.set(QStringLiteral("en")));
    MainWindow window(*tp, &language);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = window.findChild<SettingsDialog*>();
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    CHECK(dialog->idleLockBox()->value() == 10); // the default
    CHECK(dialog->soundsBox()->isChecked());
    dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(QStringLiteral("zh_CN")));
    dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(QStringLiteral("night")));
    dialog->soundsBox()->setChecked(false);
    dialog->idleLockBox()->setValue(3);
    save(*dialog);

    CHECK(language.current() == QStringLiteral("zh_CN"));
    CHECK(window.theme().kind() == Theme::Kind::Night);
    CHECK_FALSE(window.notifications()->soundEnabled());
    QSettings& file = tp->settings();
    CHECK(file.value(QStringLiteral("appearance/language")).toString() == QStringLiteral("zh_CN"));
    CHECK(file.value(QStringLiteral("appearance/theme")).toString() == QStringLiteral("night"));
    CHECK(file.value(QStringLiteral("notifications/sounds")).toBool() == false);
    CHECK(file.value(QStringLiteral("session/idleLockMinutes")).toInt() == 3);
    REQUIRE(waitUntil([&] { return !window.findChild<SettingsDialog*>(); })); // closed and gone

    // Opened again, in Chinese now, it shows what was saved.
    dialog = window.showSettings();
    CHECK(dialog->windowTitle() == QStringLiteral("设置"));
    CHECK(dialog->languageBox()->currentData().toString() == QStringLiteral("zh_CN"));
    CHECK(dialog->idleLockBox()->value() == 3);
    dialog->idleLockBox()->setValue(0);
    CHECK(dialog->idleLockBox()->text() == QStringLiteral("从不"));
    dialog->reject();
    CHECK(file.value(QStringLiteral("session/idleLockMinutes")).toInt() == 3); // cancelled: nothing changes
    REQUIRE(language.set(QStringLiteral("en")));
    Theme::day().apply(*qApp);
}

TEST_CASE("Settings: a store address that does not parse is refused with the reason, and nothing is saved", "[shell][settings]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("administrator"));
    MainWindow window(*tp);
    SettingsDialog* dialog = window.showSettings();
    dialog->storeEdit()->setText(QStringLiteral("mysql://somewhere/db"));
    save(*dialog);
    CHECK(dialog->isVisible());
    CHECK(dialog->storeProblem()->isVisible());
    CHECK(dialog->storeProblem()->text().startsWith(QStringLiteral("This is not a store address")));
    CHECK_FALSE(tp->settings().contains(QStringLiteral("store/url")));

    // A password in the address would sit in the settings file in plain text.
    dialog->storeEdit()->setText(QStringLiteral("postgresql://desk7:secret@10.0.0.5:5432/hexhub"));
    save(*dialog);
    CHECK(dialog->isVisible());
    CHECK(dialog->storeProblem()->text().contains(QStringLiteral("pgpass")));
    CHECK_FALSE(tp->settings().contains(QStringLiteral("store/url")));
    dialog->storeEdit()->setText(QStringLiteral("postgresql://desk7@10.0.0.5:5432/hexhub"));
    CHECK_FALSE(dialog->storeProblem()->isVisible());
    save(*dialog);
    CHECK(tp->settings().value(QStringLiteral("store/url")).toString() == QStringLiteral("postgresql://desk7@10.0.0.5:5432/hexhub"));

    // The next desk starts on it, unless its command line names a store.
    const DeskSettings saved = DeskSettings::read(tp->settings());
    PlatformOptions commandLine;
    CHECK(saved.startOptions(commandLine).store.kind == StoreUrl::Kind::PostgreSql);
    commandLine.store = StoreUrl::sqlite(QStringLiteral("/tmp/given.db"));
    CHECK(saved.startOptions(commandLine).store.path == QStringLiteral("/tmp/given.db"));
    DeskSettings damaged = saved;
    damaged.storeUrl = QStringLiteral("nonsense");
    QString problem;
    CHECK(damaged.startOptions(PlatformOptions{}, &problem).store.path.isEmpty()); // the default store
    CHECK(problem.contains(QStringLiteral("nonsense")));
}

TEST_CASE("Settings: a map tile server is checked, saved and taken up by an open map at once", "[shell][settings]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    MainWindow window(*tp);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QDockWidget* mapDock = window.openPanel(QStringLiteral("hub.map"));
    REQUIRE(mapDock);
    auto* map = mapDock->findChild<MapView*>();
    REQUIRE(map);
    CHECK(map->tileSource().isEmpty()); // offline by default

    SettingsDialog* dialog = window.showSettings();
    auto* tiles = dialog->findChild<QLineEdit*>(QStringLiteral("mapTiles"));
    auto* problem = dialog->findChild<QLabel*>(QStringLiteral("mapTilesProblem"));
    REQUIRE(tiles);
    REQUIRE(problem);
    tiles->setText(QStringLiteral("https://tiles.example.org/{z}/{x}.png"));
    save(*dialog);
    CHECK(dialog->isVisible());
    CHECK(problem->isVisible());
    CHECK(problem->text().contains(QStringLiteral("{y}")));
    CHECK_FALSE(tp->settings().contains(QStringLiteral("map/tileUrl")));

    tiles->setText(QStringLiteral("http://127.0.0.1:9/{z}/{x}/{y}.png"));
    CHECK_FALSE(problem->isVisible());
    save(*dialog);
    CHECK(tp->settings().value(QStringLiteral("map/tileUrl")).toString() == QStringLiteral("http://127.0.0.1:9/{z}/{x}/{y}.png"));
    REQUIRE(waitUntil([&] { return map->tileSource() == QStringLiteral("http://127.0.0.1:9/{z}/{x}/{y}.png"); }));
}

TEST_CASE("Settings: only an administrator changes the store and the modules", "[shell][settings]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("hub_supervisor"));
    MainWindow window(*tp);
    SettingsDialog* dialog = window.showSettings();
    CHECK(dialog->storeEdit()->isReadOnly());
    CHECK_FALSE(dialog->moduleList()->isEnabled());
    REQUIRE(dialog->findChild<QLabel*>(QStringLiteral("configureRefused")));
    dialog->storeEdit()->setText(QStringLiteral("sqlite:///tmp/elsewhere.db")); // as if typed anyway
    dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(QStringLiteral("night")));
    save(*dialog);
    CHECK(tp->settings().value(QStringLiteral("appearance/theme")).toString() == QStringLiteral("night")); // theirs to choose
    CHECK_FALSE(tp->settings().contains(QStringLiteral("store/url")));
    Theme::day().apply(*qApp);
}

TEST_CASE("Settings: turning a module off says which modules go with it", "[shell][settings]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("administrator"));
    MainWindow window(*tp);
    SettingsDialog* dialog = window.showSettings();
    REQUIRE(dialog->moduleList()->count() == 7);
    CHECK(dialog->moduleWarning()->text().isEmpty());

    // A centre alone: nothing depends on it.
    moduleItem(*dialog, QStringLiteral("supervision"))->setCheckState(Qt::Unchecked);
    CHECK(dialog->moduleWarning()->text() == QStringLiteral("Takes effect when Hexhub starts again."));
    // The hub: every centre depends on it.
    moduleItem(*dialog, QStringLiteral("hub"))->setCheckState(Qt::Unchecked);
    const QString warning = dialog->moduleWarning()->text();
    CHECK(warning.contains(QStringLiteral("Case management")));
    CHECK(warning.contains(QStringLiteral("Criminal intelligence")));
    CHECK_FALSE(warning.contains(QStringLiteral("Supervision"))); // turned off by hand, not going with it
    CHECK(moduleItem(*dialog, QStringLiteral("basic_control"))->font().strikeOut());
    CHECK(SettingsDialog::goingWith(tp->modules(), {QStringLiteral("hub")}).size() == 7);
    CHECK(SettingsDialog::goingWith(tp->modules(), {QStringLiteral("case_management")}) == QSet<QString>{QStringLiteral("case_management")});

    moduleItem(*dialog, QStringLiteral("hub"))->setCheckState(Qt::Checked);
    save(*dialog);
    CHECK(tp->settings().value(QStringLiteral("modules/disabled")).toStringList() == QStringList{QStringLiteral("supervision")});
    CHECK(DeskSettings::read(tp->settings()).startOptions(PlatformOptions{}).disabledModules.contains(QStringLiteral("supervision")));
}
