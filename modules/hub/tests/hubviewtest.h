#pragma once
// What the hub's view tests share: units near the tower, the main window shown on the hub, keys
// counted as an operator would press them, a modal dialog found by name.

#include "shelltest.h"

#include "base/clock.h"
#include "hexhub/hub/hubservices.h"
#include "language.h"
#include "mainwindow.h"
#include "notifications.h"
#include "hexhub/hub/camera.h"
#include "choicefield.h"
#include "mapview.h"
#include "videowall.h"
#include "workspace.h"
#include "module/module.h"
#include "module/modulemanager.h"
#include "screenfit.h"
#include "sqlpagemodel.h"
#include "store/store.h"
#include "theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <catch2/catch.hpp>


namespace hexhub::test::hubviews {

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::shell;


inline const GeoPoint kTower{31.2304, 121.4737};

inline void addUnits(TestPlatform& tp)
{
    UnitService units(tp->store(), tp->session(), tp->audit());
    const auto add = [&](const QString& callSign, UnitKind kind, double kmNorth, QStringList skills = {}) {
        await(units.save(unitNear(callSign, kind, kTower, kmNorth, skills)));
    };
    add(QStringLiteral("P-11"), UnitKind::PatrolCar, 0.8);
    add(QStringLiteral("P-12"), UnitKind::PatrolCar, 2.5, {QStringLiteral("negotiator")});
    add(QStringLiteral("P-13"), UnitKind::PatrolCar, 4.0);
    add(QStringLiteral("UAV-1"), UnitKind::Drone, 3.0);
    add(QStringLiteral("FL-1"), UnitKind::FireLiaison, 1.5, {QStringLiteral("air_cushion")});
    add(QStringLiteral("MED-1"), UnitKind::MedicalLiaison, 2.0);
}

template <typename W>
inline W* modal(const QString& objectName)
{
    W* found = nullptr;
    waitUntil([&] {
        found = qobject_cast<W*>(QApplication::activeModalWidget());
        return found && found->objectName() == objectName;
    });
    return found && found->objectName() == objectName ? found : nullptr;
}

// The main window on the desk, active, showing the hub.
inline void showHub(MainWindow& window)
{
    window.resize(1400, 850);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    REQUIRE(window.showModule(QStringLiteral("hub")));
}

inline int keystrokes = 0;
inline void key(QWidget* w, Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier)
{
    ++keystrokes;
    QTest::keyClick(w, k, m);
}
inline void type(QWidget* w, const QString& text)
{
    keystrokes += int(text.size());
    QTest::keyClicks(w, text);
}

// The offscreen platform has no window manager to hand activation back when a dialog closes.
inline void backToWindow(QWidget& window)
{
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));
}

// Answers the non-native file dialog `dialogName` (a save: its file name typed, Enter) once it is up,
// then hands activation back to `window`, as a window manager would.
inline void saveAsInDialog(QWidget& window, const QString& dialogName, const QString& path)
{
    QFileDialog* dialog = nullptr;
    INFO("waiting for " << dialogName.toStdString());
    REQUIRE(waitUntil([&] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (w->isVisible() && w->objectName() == dialogName)
                dialog = qobject_cast<QFileDialog*>(w);
        return dialog != nullptr;
    }));
    QApplication::setActiveWindow(dialog);
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    REQUIRE(name);
    name->setFocus();
    name->selectAll();
    type(name, path);
    key(name, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return !dialog->isVisible(); }));
    backToWindow(window);
}

// Shows the window, active, with the panel `id` open.
inline QDockWidget* showWithPanel(MainWindow& window, const QString& id)
{
    window.resize(1400, 850);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    QDockWidget* dock = window.openPanel(id);
    REQUIRE(dock);
    return dock;
}

// Selects the item whose data is `id` (a centre or a unit in a hub assignee box, a kind); false when none.
inline bool selectData(QComboBox* box, const QString& id)
{
    const int index = box->findData(id);
    if (index >= 0)
        box->setCurrentIndex(index);
    return index >= 0;
}

inline IncidentStatus statusOf(TestPlatform& tp, qint64 id)
{
    IncidentService s(tp->store(), tp->session(), tp->audit());
    return await(s.get(id)).status;
}

} // namespace hexhub::test::hubviews
