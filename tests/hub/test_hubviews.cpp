// The hub's incident board through the real main window and the real hub plugin: an incident is
// created, dispatched and noted with the keyboard alone; the board and the incident are rendered to
// PNG in both themes and both languages for a person to look at.
#include "../shell/shelltest.h"

#include "clock.h"
#include "hubservices.h"
#include "language.h"
#include "mainwindow.h"
#include "camera.h"
#include "mapview.h"
#include "videowall.h"
#include "workspace.h"
#include "module.h"
#include "modulemanager.h"
#include "screenfit.h"
#include "sqlpagemodel.h"
#include "store.h"
#include "theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
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

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::shell;

namespace {

const GeoPoint kTower{31.2304, 121.4737};

void addUnits(TestPlatform& tp)
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
W* modal(const QString& objectName)
{
    W* found = nullptr;
    waitUntil([&] {
        found = qobject_cast<W*>(QApplication::activeModalWidget());
        return found && found->objectName() == objectName;
    });
    return found && found->objectName() == objectName ? found : nullptr;
}

// The main window on the desk, active, showing the hub.
void showHub(MainWindow& window)
{
    window.resize(1400, 850);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    REQUIRE(window.showModule(QStringLiteral("hub")));
}

int keystrokes = 0;
void key(QWidget* w, Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier)
{
    ++keystrokes;
    QTest::keyClick(w, k, m);
}
void type(QWidget* w, const QString& text)
{
    keystrokes += int(text.size());
    QTest::keyClicks(w, text);
}

// The offscreen platform has no window manager to hand activation back when a dialog closes.
void backToWindow(QWidget& window)
{
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));
}

// Shows the window, active, with the panel `id` open.
QDockWidget* showWithPanel(MainWindow& window, const QString& id)
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
bool selectData(QComboBox* box, const QString& id)
{
    const int index = box->findData(id);
    if (index >= 0)
        box->setCurrentIndex(index);
    return index >= 0;
}

IncidentStatus statusOf(TestPlatform& tp, qint64 id)
{
    IncidentService s(tp->store(), tp->session(), tp->audit());
    return await(s.get(id)).status;
}

} // namespace

TEST_CASE("Hub board: an incident is created, dispatched and noted with the keyboard alone", "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    addUnits(tp);
    MainWindow window(*tp);
    showHub(window);
    auto* table = window.findChild<QTableView*>(QStringLiteral("board"));
    REQUIRE(table);
    auto* model = qobject_cast<SqlPageModel*>(table->model());
    REQUIRE(model);
    REQUIRE(waitUntil([&] { return model->isReady(); }));
    CHECK(model->rowCount() == 0);
    keystrokes = 0;

    // F2: the form, focus in the summary.
    key(&window, Qt::Key_F2);
    QDialog* form = modal<QDialog>(QStringLiteral("hub.incidentForm"));
    REQUIRE(form);
    auto* category = form->findChild<QComboBox*>(QStringLiteral("category"));
    REQUIRE(waitUntil([&] { return category->isEnabled() && category->count() > 0; }));
    QWidget* focus = QApplication::focusWidget();
    REQUIRE(focus->objectName() == QStringLiteral("summary"));
    type(focus, QStringLiteral("Two people on the roof edge"));
    key(focus, Qt::Key_Tab);
    type(QApplication::focusWidget(), QStringLiteral("Harbour Tower, 8 Elm Street"));
    key(QApplication::focusWidget(), Qt::Key_Tab);
    type(QApplication::focusWidget(), QStringLiteral("31.2304, 121.4737"));
    // Back up to the priority: Shift+Tab past position, address, summary, source and category.
    for (int i = 0; i < 5; ++i)
        key(QApplication::focusWidget(), Qt::Key_Tab, Qt::ShiftModifier);
    REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("priority"));
    type(QApplication::focusWidget(), QStringLiteral("P1"));
    CHECK(form->findChild<QComboBox*>(QStringLiteral("priority"))->currentData().toInt() == 1);
    CHECK(category->currentData().toString() == QStringLiteral("rooftop_rescue"));
    key(QApplication::focusWidget(), Qt::Key_Return);
    REQUIRE(waitUntil([&] { return QApplication::activeModalWidget() == nullptr; }));
    backToWindow(window);

    // The board shows it, selected, and the panel beside it.
    REQUIRE(waitUntil([&] { return model->rowCount() == 1 && table->currentIndex().isValid() && model->idAt(0) != 0; }));
    const qint64 id = model->idAt(0);
    CHECK(statusOf(tp, id) == IncidentStatus::New);
    CHECK(model->data(model->index(0, 1)).toString() == QStringLiteral("P1"));
    REQUIRE(table->hasFocus());

    // D: the recommendation, Enter dispatches it.
    key(table, Qt::Key_D);
    QDialog* dispatch = modal<QDialog>(QStringLiteral("hub.dispatchDialog"));
    REQUIRE(dispatch);
    auto* units = dispatch->findChild<QListWidget*>(QStringLiteral("units"));
    REQUIRE(waitUntil([&] { return units->count() > 0 && units->hasFocus(); }));
    QStringList ticked;
    for (int i = 0; i < units->count(); ++i) {
        if (units->item(i)->checkState() == Qt::Checked)
            ticked << units->item(i)->data(Qt::UserRole).toString();
    }
    // The rooftop run card: a negotiator, a drone, fire liaison, medical standby and a patrol car.
    CHECK(ticked == QStringList{QStringLiteral("P-12"), QStringLiteral("UAV-1"), QStringLiteral("FL-1"), QStringLiteral("MED-1"),
                                QStringLiteral("P-11")});
    key(units, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return QApplication::activeModalWidget() == nullptr; }));
    REQUIRE(waitUntil([&] { return statusOf(tp, id) == IncidentStatus::Dispatched; }));
    backToWindow(window);
    const int createAndDispatchKeys = keystrokes;

    // N: a note, on the timeline.
    REQUIRE(waitUntil([&] { return table->hasFocus(); }));
    key(table, Qt::Key_N);
    auto* note = modal<QInputDialog>(QStringLiteral("hub.noteDialog"));
    REQUIRE(note);
    auto* noteEdit = note->findChild<QLineEdit*>();
    REQUIRE(waitUntil([&] { return noteEdit->hasFocus(); }));
    type(noteEdit, QStringLiteral("Air cushion laid at the north entrance"));
    key(noteEdit, Qt::Key_Return);
    auto* timeline = window.findChild<QListWidget*>(QStringLiteral("timeline"));
    REQUIRE(timeline);
    REQUIRE(waitUntil([&] {
        return !timeline->findItems(QStringLiteral("Air cushion laid"), Qt::MatchContains).isEmpty();
    }));
    auto* unitList = window.findChild<QListWidget*>(QStringLiteral("units"));
    REQUIRE(waitUntil([&] { return unitList->count() == 5; }));

    // Typed text aside, the whole create-then-dispatch path took a handful of keys.
    const int typed = int(QStringLiteral("Two people on the roof edge").size() + QStringLiteral("Harbour Tower, 8 Elm Street").size()
                          + QStringLiteral("31.2304, 121.4737").size() + 2);
    INFO("keys besides the typed text: " << createAndDispatchKeys - typed);
    CHECK(createAndDispatchKeys - typed <= 12);
}

TEST_CASE("Hub board: a call about an incident already reported is added to it from the form", "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    IncidentService incidents(tp->store(), tp->session(), tp->audit());
    NewIncident first;
    first.priority = 1;
    first.category = QStringLiteral("rooftop_rescue");
    first.summary = QStringLiteral("Man on the roof edge");
    first.location = Location{QStringLiteral("Harbour Tower"), kTower};
    const Incident reported = await(incidents.create(first));

    MainWindow window(*tp);
    showHub(window);
    key(&window, Qt::Key_F2);
    QDialog* form = modal<QDialog>(QStringLiteral("hub.incidentForm"));
    REQUIRE(form);
    auto* category = form->findChild<QComboBox*>(QStringLiteral("category"));
    REQUIRE(waitUntil([&] { return category->isEnabled(); }));
    category->setCurrentIndex(category->findData(QStringLiteral("rooftop_rescue")));
    form->findChild<QLineEdit*>(QStringLiteral("summary"))->setText(QStringLiteral("Someone on top of the tower"));
    form->findChild<QLineEdit*>(QStringLiteral("position"))
        ->setText(QStringLiteral("%1, %2").arg(kTower.latitude + 0.0005, 0, 'f', 6).arg(kTower.longitude, 0, 'f', 6));
    auto* merge = form->findChild<QPushButton*>(QStringLiteral("merge"));
    REQUIRE(merge);
    CHECK_FALSE(merge->isVisible());

    // Enter: the form asks first, listing the incident reported 56 m away; the merge is the default now.
    key(form->focusWidget(), Qt::Key_Return);
    auto* duplicates = form->findChild<QListWidget*>(QStringLiteral("duplicates"));
    REQUIRE(waitUntil([&] { return duplicates->isVisible() && duplicates->count() == 1; }));
    CHECK(duplicates->item(0)->text().contains(reported.number));
    CHECK(merge->isVisible());
    CHECK(merge->isDefault());
    QPointer<QDialog> open(form);
    key(duplicates, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return open.isNull() || !open->isVisible(); }));

    // The call went into the incident reported: a second incident made and merged into it.
    const Incident kept = await(incidents.get(reported.id));
    CHECK(kept.status == IncidentStatus::New);
    Incident merged;
    REQUIRE(waitUntil([&] {
        try {
            merged = await(incidents.get(reported.id + 1));
        } catch (const std::exception&) {
            return false;
        }
        return merged.mergedInto == reported.id;
    }));
    CHECK(merged.status == IncidentStatus::Cancelled);
    CHECK(merged.summary == QStringLiteral("Someone on top of the tower"));
}

TEST_CASE("Hub tasks: the hub issues a task to a centre, whose operator accepts and completes it", "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    MainWindow window(*tp);
    QDockWidget* dock = showWithPanel(window, QStringLiteral("hub.tasks"));
    auto* issue = dock->findChild<QPushButton*>(QStringLiteral("issue"));
    REQUIRE(issue);
    REQUIRE(issue->isVisible());
    issue->click();
    QDialog* dialog = modal<QDialog>(QStringLiteral("hub.issueTask"));
    REQUIRE(dialog);
    auto* centre = dialog->findChild<QComboBox*>(QStringLiteral("assignee"));
    REQUIRE(centre);
    centre->setCurrentIndex(centre->findData(QStringLiteral("criminal_intel")));
    auto* title = dialog->findChild<QLineEdit*>(QStringLiteral("title"));
    REQUIRE(waitUntil([&] { return title->hasFocus(); }));
    QTest::keyClicks(title, QStringLiteral("Check the caller's phone history"));
    QTest::keyClick(title, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return QApplication::activeModalWidget() == nullptr; }));
    auto* list = dock->findChild<QListWidget*>(QStringLiteral("tasks"));
    REQUIRE(waitUntil([&] { return list->count() == 1; }));
    CHECK(list->item(0)->text().contains(QStringLiteral("issued for Criminal intelligence")));
    QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
    dock->setFloating(true);
    dock->resize(520, 360);
    QTest::qWait(30);
    REQUIRE(dock->widget()->grab().save(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/hub-tasks-day-en.png")));

    // Criminal intelligence's operator sees it, accepts it, completes it; supervision's would not.
    signInAs(tp, QStringLiteral("intel1"), QStringLiteral("criminal_intel_operator"));
    REQUIRE(waitUntil([&] { return list->count() == 1 && !issue->isVisible(); }));
    QPushButton* acceptButton = nullptr;
    QPushButton* doneButton = nullptr;
    for (QPushButton* b : dock->findChildren<QPushButton*>()) {
        if (b->text().remove(u'&') == QStringLiteral("Accept"))
            acceptButton = b;
        if (b->text().remove(u'&') == QStringLiteral("Done"))
            doneButton = b;
    }
    REQUIRE(acceptButton);
    REQUIRE(doneButton);
    REQUIRE(acceptButton->isEnabled());
    CHECK_FALSE(doneButton->isEnabled());
    acceptButton->click();
    REQUIRE(waitUntil([&] { return list->count() == 1 && list->item(0)->text().contains(QStringLiteral("accepted")); }));
    REQUIRE(waitUntil([&] { return doneButton->isEnabled(); }));
    doneButton->click();
    REQUIRE(waitUntil([&] { return list->count() == 0; }));
    signInAs(tp, QStringLiteral("sv1"), QStringLiteral("supervision_operator"));
    REQUIRE(waitUntil([&] { return list->count() == 0; }));
}

TEST_CASE("Hub units: a unit is added to the registry and goes off duty from the panel", "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    MainWindow window(*tp);
    QDockWidget* dock = showWithPanel(window, QStringLiteral("hub.units"));
    auto* add = dock->findChild<QPushButton*>(QStringLiteral("add"));
    REQUIRE(add);
    add->click();
    QDialog* dialog = modal<QDialog>(QStringLiteral("hub.unitDialog"));
    REQUIRE(dialog);
    auto* callSign = dialog->findChild<QLineEdit*>(QStringLiteral("callSign"));
    REQUIRE(waitUntil([&] { return callSign->hasFocus(); }));
    QTest::keyClicks(callSign, QStringLiteral("UAV-7"));
    auto* kind = dialog->findChild<QComboBox*>(QStringLiteral("kind"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("drone")));
    QTest::keyClick(callSign, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return QApplication::activeModalWidget() == nullptr; }));
    auto* table = dock->findChild<QTableWidget*>(QStringLiteral("units"));
    REQUIRE(waitUntil([&] { return table->rowCount() == 1; }));
    CHECK(table->item(0, 0)->text() == QStringLiteral("UAV-7"));
    CHECK(table->item(0, 1)->text() == QStringLiteral("drone"));
    CHECK(table->item(0, 2)->text().startsWith(QStringLiteral("available")));
    table->setCurrentCell(0, 0);
    auto* offDuty = dock->findChild<QPushButton*>(QStringLiteral("offDuty"));
    REQUIRE(offDuty->isEnabled());
    offDuty->click();
    REQUIRE(waitUntil([&] { return table->item(0, 2) && table->item(0, 2)->text().startsWith(QStringLiteral("off duty")); }));
    // A call sign that is not one is refused in the dialog, which stays open with the reason.
    add->click();
    dialog = modal<QDialog>(QStringLiteral("hub.unitDialog"));
    REQUIRE(dialog);
    callSign = dialog->findChild<QLineEdit*>(QStringLiteral("callSign"));
    QTest::keyClicks(callSign, QStringLiteral("no spaces please"));
    QTest::keyClick(callSign, Qt::Key_Return);
    REQUIRE(waitUntil([&] {
        for (QLabel* l : dialog->findChildren<QLabel*>()) {
            if (l->text().contains(QStringLiteral("is not a call sign")))
                return true;
        }
        return false;
    }));
    dialog->reject();
}

TEST_CASE("Hub board: E changes an incident without overwriting a change made meanwhile - and it is linked to a case", "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    IncidentService incidents(tp->store(), tp->session(), tp->audit());
    NewIncident n;
    n.priority = 3;
    n.category = QStringLiteral("burglary");
    n.summary = QStringLiteral("Shop window smashed");
    n.location = Location{QStringLiteral("41 Market Lane"), kTower};
    const Incident created = await(incidents.create(n));
    MainWindow window(*tp);
    showHub(window);
    auto* table = window.findChild<QTableView*>(QStringLiteral("board"));
    auto* model = qobject_cast<SqlPageModel*>(table->model());
    REQUIRE(waitUntil([&] { return model->isReady() && model->rowCount() == 1; }));
    table->setFocus();
    table->selectRow(0);
    auto* panel = window.findChild<QWidget*>(QStringLiteral("hub.incidentPanel"));
    auto* edit = panel->findChild<QPushButton*>(QStringLiteral("edit"));
    REQUIRE(waitUntil([&] { return edit->isEnabled(); }));

    // E: the form with the incident as it is; the operator rewrites the summary.
    key(table, Qt::Key_E);
    QDialog* form = modal<QDialog>(QStringLiteral("hub.incidentEdit"));
    REQUIRE(form);
    auto* summary = form->findChild<QLineEdit*>(QStringLiteral("summary"));
    REQUIRE(waitUntil([&] { return summary->hasFocus(); }));
    CHECK(summary->text() == QStringLiteral("Shop window smashed"));
    summary->selectAll();
    type(summary, QStringLiteral("Shop window smashed, two men seen running to the canal"));

    // Meanwhile another desk raises the priority.
    IncidentEdit other;
    other.priority = 2;
    await(incidents.edit(created.id, created.version, other));

    key(summary, Qt::Key_Return);
    auto* message = form->findChild<QLabel*>(QStringLiteral("message"));
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("Someone else changed")); }));
    CHECK(QApplication::activeModalWidget() == form);
    CHECK(summary->text() == QStringLiteral("Shop window smashed, two men seen running to the canal")); // kept
    CHECK(form->findChild<QComboBox*>(QStringLiteral("priority"))->currentData().toInt() == 2);         // theirs, shown
    key(summary, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return QApplication::activeModalWidget() == nullptr; }));
    const Incident now = await(incidents.get(created.id));
    CHECK(now.summary == QStringLiteral("Shop window smashed, two men seen running to the canal"));
    CHECK(now.priority == 2);
    backToWindow(window);

    // Linked to a case from the panel; the link shows in the panel and on the timeline.
    auto* link = panel->findChild<QPushButton*>(QStringLiteral("link"));
    REQUIRE(waitUntil([&] { return link->isEnabled(); }));
    link->click();
    QDialog* linkDialog = modal<QDialog>(QStringLiteral("hub.linkDialog"));
    REQUIRE(linkDialog);
    auto* kind = linkDialog->findChild<QComboBox*>(QStringLiteral("kind"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("case")));
    auto* ref = linkDialog->findChild<QLineEdit*>(QStringLiteral("reference"));
    REQUIRE(waitUntil([&] { return ref->hasFocus(); }));
    type(ref, QStringLiteral("C-2026-0815"));
    key(ref, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return QApplication::activeModalWidget() == nullptr; }));
    auto* links = panel->findChild<QLabel*>(QStringLiteral("links"));
    REQUIRE(waitUntil([&] { return links->text().contains(QStringLiteral("case C-2026-0815")); }));
    auto* timeline = panel->findChild<QListWidget*>(QStringLiteral("timeline"));
    REQUIRE(waitUntil([&] { return !timeline->findItems(QStringLiteral("C-2026-0815"), Qt::MatchContains).isEmpty(); }));
}

TEST_CASE("Hub operations: a cluster operation is planned by keyboard, goes at go time and follows the units' reports", "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    addUnits(tp);
    MainWindow window(*tp);
    QDockWidget* dock = showWithPanel(window, QStringLiteral("hub.operations"));
    dock->setFloating(true);
    dock->resize(1100, 700);
    auto* list = dock->findChild<QTreeWidget*>(QStringLiteral("operations"));
    REQUIRE(list);
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));

    // Ctrl+Shift+O: the planner, focus in the name.
    key(&window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    auto* planner = modal<QDialog>(QStringLiteral("hub.operationPlanner"));
    REQUIRE(planner);
    auto* name = planner->findChild<QLineEdit*>(QStringLiteral("name"));
    auto* what = planner->findChild<QLineEdit*>(QStringLiteral("what"));
    auto* where = planner->findChild<QLineEdit*>(QStringLiteral("where"));
    auto* planned = planner->findChild<QTreeWidget*>(QStringLiteral("division"));
    REQUIRE(waitUntil([&] { return name->hasFocus(); }));
    type(name, QStringLiteral("Operation Net"));
    key(name, Qt::Key_Tab);
    type(QApplication::focusWidget(), QStringLiteral("Detain the suspects at three addresses at once"));
    auto* who = planner->findChild<QComboBox*>(QStringLiteral("who"));
    REQUIRE(waitUntil([&] { return who->count() > 7; })); // the centres, then the units
    const struct { const char* id; const char* what; const char* where; } lines[] = {
        {"P-11", "Detain suspect A", "12 Canal Road"},
        {"P-12", "Detain suspect B", "3 Elm Street"},
        {"P-13", "a line added by mistake", ""},
        {"criminal_intel", "Search the seized phones", "Hub"},
    };
    for (const auto& l : lines) {
        REQUIRE(selectData(who, QString::fromLatin1(l.id)));
        who->setFocus();
        key(who, Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget() == what);
        type(what, QString::fromLatin1(l.what));
        key(what, Qt::Key_Tab);
        type(where, QString::fromLatin1(l.where));
        key(where, Qt::Key_Return); // adds the line, not the operation (the three lines stored below prove it)
    }
    CHECK(QApplication::activeModalWidget() == planner);
    REQUIRE(planned->topLevelItemCount() == 4);
    planned->setFocus();
    planned->setCurrentItem(planned->topLevelItem(2));
    key(planned, Qt::Key_Delete);
    REQUIRE(planned->topLevelItemCount() == 3);
    CHECK(planned->topLevelItem(2)->text(0) == QStringLiteral("Criminal intelligence"));
    key(planned, Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(waitUntil([&] { return QApplication::activeModalWidget() == nullptr; }));
    backToWindow(window);

    // Listed, planned, counting down to go; its division line by line.
    REQUIRE(waitUntil([&] { return list->topLevelItemCount() == 1 && list->topLevelItem(0)->text(0) == QStringLiteral("Operation Net"); }));
    CHECK(list->topLevelItem(0)->text(1) == QStringLiteral("planned"));
    CHECK(list->topLevelItem(0)->text(2).startsWith(QStringLiteral("in ")));
    auto* division = dock->findChild<QTreeWidget*>(QStringLiteral("division"));
    REQUIRE(waitUntil([&] { return division->topLevelItemCount() == 3; }));
    QStringList who3;
    for (int i = 0; i < 3; ++i)
        who3 << division->topLevelItem(i)->text(0);
    CHECK(who3.contains(QStringLiteral("unit P-11")));
    CHECK(who3.contains(QStringLiteral("Criminal intelligence")));

    auto* go = dock->findChild<QPushButton*>(QStringLiteral("go"));
    REQUIRE(go->isEnabled());
    go->click();
    REQUIRE(waitUntil([&] { return list->topLevelItemCount() == 1 && list->topLevelItem(0)->text(1) == QStringLiteral("running"); }));

    // P-11 reports over the radio: accepted, then done; the progress follows.
    auto* bar = dock->findChild<QProgressBar*>(QStringLiteral("progress"));
    int p11 = -1;
    REQUIRE(waitUntil([&] {
        for (int i = 0; i < division->topLevelItemCount(); ++i) {
            if (division->topLevelItem(i)->text(0) == QStringLiteral("unit P-11"))
                p11 = i;
        }
        return p11 >= 0;
    }));
    division->setCurrentItem(division->topLevelItem(p11));
    auto* accepted = dock->findChild<QPushButton*>(QStringLiteral("taskAccepted"));
    REQUIRE(waitUntil([&] { return accepted->isEnabled(); }));
    accepted->click();
    auto* done = dock->findChild<QPushButton*>(QStringLiteral("taskDone"));
    REQUIRE(waitUntil([&] { return done->isEnabled(); }));
    done->click();
    REQUIRE(waitUntil([&] { return bar->value() == 33; }));
    CHECK(list->topLevelItem(0)->text(3) == QStringLiteral("1 of 3 (33%)"));
    auto* summary = dock->findChild<QLabel*>(QStringLiteral("summary"));
    CHECK(summary->text().startsWith(QStringLiteral("3 tasks: 1 done")));
    QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
    QTest::qWait(30); // the picture is for a person, not a check
    REQUIRE(dock->widget()->grab().save(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/hub-operations-day-en.png")));

    // Completing with open tasks is refused with the count; cancelling asks, then cancels them.
    auto* complete = dock->findChild<QPushButton*>(QStringLiteral("complete"));
    REQUIRE(complete->isEnabled());
    complete->click();
    REQUIRE(waitUntil([&] {
        for (QLabel* l : dock->findChildren<QLabel*>()) {
            if (l->text().contains(QStringLiteral("2 open tasks")))
                return true;
        }
        return false;
    }));
    // A trainer sees the operation but does not command it.
    signInAs(tp, QStringLiteral("trainer1"), QStringLiteral("trainer"));
    REQUIRE(waitUntil([&] { return !dock->findChild<QPushButton*>(QStringLiteral("plan"))->isVisible(); }));
    CHECK_FALSE(complete->isEnabled());
    CHECK(list->topLevelItemCount() == 1);
}

TEST_CASE("Hub taxonomy: a supervisor changes a target and adds a category with its run card and playbook", "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    MainWindow window(*tp);
    window.resize(1400, 850);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    bool ran = false;
    for (const Command& c : tp->modules().commands()) {
        if (c.id == QStringLiteral("hub.taxonomy.edit")) {
            c.trigger();
            ran = true;
        }
    }
    REQUIRE(ran);
    auto* editor = modal<QDialog>(QStringLiteral("hub.taxonomy"));
    REQUIRE(editor);
    auto* list = editor->findChild<QListWidget*>(QStringLiteral("categories"));
    auto* name = editor->findChild<QLineEdit*>(QStringLiteral("name"));
    auto* response = editor->findChild<QSpinBox*>(QStringLiteral("response"));
    auto* message = editor->findChild<QLabel*>(QStringLiteral("message"));
    auto* newCategory = editor->findChild<QPushButton*>(QStringLiteral("new"));
    auto* addNeed = editor->findChild<QPushButton*>(QStringLiteral("addNeed"));
    auto* runCard = editor->findChild<QTreeWidget*>(QStringLiteral("runCard"));
    auto* playbook = editor->findChild<QPlainTextEdit*>(QStringLiteral("playbook"));
    REQUIRE(waitUntil([&] { return list->count() == 9 && list->currentRow() == 0; }));
    auto* save = editor->findChild<QPushButton*>(QStringLiteral("save"));
    CHECK_FALSE(save->isEnabled());

    // A tighter response target for the first category; moving away first is held back.
    const QString firstName = name->text();
    response->setValue(4);
    REQUIRE(save->isEnabled());
    list->setCurrentRow(1);
    CHECK(list->currentRow() == 0);
    CHECK(message->text().contains(QStringLiteral("Save or revert")));
    save->click();
    REQUIRE(waitUntil([&] { return message->text().startsWith(QStringLiteral("Saved")); }));
    IncidentService incidents(tp->store(), tp->session(), tp->audit());
    const QList<IncidentCategory> cats = await(incidents.categories());
    CHECK(cats.first().name == firstName);
    CHECK(cats.first().responseTargetMs == 4 * 60000);

    // A new category: id, name, run card lines, playbook.
    REQUIRE(waitUntil([&] { return !save->isEnabled(); }));
    newCategory->click();
    REQUIRE(waitUntil([&] { return editor->findChild<QLineEdit*>(QStringLiteral("id"))->hasFocus(); }));
    type(QApplication::focusWidget(), QStringLiteral("gas_leak"));
    key(QApplication::focusWidget(), Qt::Key_Tab);
    type(QApplication::focusWidget(), QStringLiteral("Gas leak"));
    auto* kind = editor->findChild<QComboBox*>(QStringLiteral("kind"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("fire_liaison")));
    addNeed->click();
    kind->setCurrentIndex(kind->findData(QStringLiteral("patrol_car")));
    addNeed->click();
    CHECK(runCard->topLevelItemCount() == 2);
    playbook->setPlainText(QStringLiteral("Evacuate the building\nCall the gas company\n"));
    save->click();
    REQUIRE(waitUntil([&] { return message->text().startsWith(QStringLiteral("Saved")); }));
    REQUIRE(waitUntil([&] { return list->count() == 10; }));
    const QList<IncidentCategory> after = await(incidents.categories());
    const auto gas = std::find_if(after.begin(), after.end(), [](const IncidentCategory& c) { return c.id == QStringLiteral("gas_leak"); });
    REQUIRE(gas != after.end());
    CHECK(gas->playbook == QStringList{QStringLiteral("Evacuate the building"), QStringLiteral("Call the gas company")});
    REQUIRE(gas->runCard.needs.size() == 2);
    CHECK(gas->runCard.needs[0].kind == UnitKind::FireLiaison);

    // A bad id is refused in the editor, which keeps what was typed.
    newCategory->click();
    REQUIRE(waitUntil([&] { return editor->findChild<QLineEdit*>(QStringLiteral("id"))->hasFocus(); }));
    type(QApplication::focusWidget(), QStringLiteral("Bad Id"));
    name->setText(QStringLiteral("Something"));
    save->click();
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("lower-case")); }));
    CHECK(editor->findChild<QLineEdit*>(QStringLiteral("id"))->text() == QStringLiteral("Bad Id"));
    editor->reject();
}

TEST_CASE("Hub video: a P1 incident fills the wall with the cameras near it, a snapshot goes into its record, the wall rides in the workspace", "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    CameraService cameras(tp->store(), tp->session(), tp->audit());
    const struct { const char* id; const char* name; double kmNorth; double heading; const char* scene; } cams[] = {
        {"CAM-0001", "Harbour Tower south", -0.15, 0, "rooftop"},  // south of the tower, looking north at it
        {"CAM-0002", "Elm Street east", 0.05, 180, "street"},       // just north, looking south
        {"CAM-0003", "Canal Road", 0.3, 0, "street"},               // north, looking away
        {"CAM-0009", "Far away", 5.0, 180, "street"},               // beyond 500 m
    };
    for (const auto& c : cams) {
        Camera camera;
        camera.id = QString::fromLatin1(c.id);
        camera.name = QString::fromLatin1(c.name);
        camera.position = GeoPoint{kTower.latitude + c.kmNorth / 111.32, kTower.longitude};
        camera.heading = c.heading;
        camera.fieldOfView = 60;
        camera.range = 300;
        camera.streamUrl = QStringLiteral("synthetic:%1?fps=10&w=320&h=180").arg(QString::fromLatin1(c.scene));
        camera.agency = QStringLiteral("City police");
        await(cameras.save(camera));
    }
    MainWindow window(*tp);
    showHub(window);
    QDockWidget* dock = window.openPanel(QStringLiteral("hub.video"));
    REQUIRE(dock);
    dock->setFloating(true);
    dock->resize(1000, 640);
    auto* wall = dock->findChild<VideoWall*>(QStringLiteral("wall"));
    REQUIRE(wall);
    auto* list = dock->findChild<QListWidget*>(QStringLiteral("cameras"));
    REQUIRE(waitUntil([&] { return list->count() == 4; }));
    // The map shows them too, as a layer of their own.
    QDockWidget* mapDock = window.openPanel(QStringLiteral("hub.map"));
    REQUIRE(mapDock);
    auto* map = mapDock->findChild<MapView*>();
    REQUIRE(waitUntil([&] { return map->markerCount(QStringLiteral("cameras")) == 4; }));
    // Each with what it sees: a cone 60 degrees wide and 300 m long, towards its heading.
    const QList<MapSector> views = map->sectors(QStringLiteral("camera views"));
    REQUIRE(views.size() == 4);
    const auto viewOf = [&](const QString& id) {
        const auto it = std::find_if(views.begin(), views.end(), [&](const MapSector& v) { return v.id == id; });
        REQUIRE(it != views.end());
        return *it;
    };
    CHECK(viewOf(QStringLiteral("CAM-0002")).heading == 180);
    CHECK(viewOf(QStringLiteral("CAM-0002")).fieldOfView == 60);
    CHECK(viewOf(QStringLiteral("CAM-0002")).range == 300);
    // CAM-0001, south of the tower looking north, sees it on the map; CAM-0003, looking away, does not.
    CHECK(MapView::sectorPath(viewOf(QStringLiteral("CAM-0001"))).contains(MapView::toScene(kTower)));
    CHECK_FALSE(MapView::sectorPath(viewOf(QStringLiteral("CAM-0003"))).contains(MapView::toScene(kTower)));
    // A camera dragged from the map carries what the wall plays.
    {
        std::unique_ptr<QMimeData> drag(map->markerDragData(QStringLiteral("cameras"), QStringLiteral("CAM-0003")));
        REQUIRE(drag);
        const std::optional<TileSource> source = VideoWall::sourceFromMimeData(drag.get());
        REQUIRE(source);
        CHECK(source->cameraId == QStringLiteral("CAM-0003"));
        CHECK(source->name == QStringLiteral("Canal Road"));
        CHECK(source->url == QUrl(QStringLiteral("synthetic:street?fps=10&w=320&h=180")));
        CHECK_FALSE(map->markerDragData(QStringLiteral("incidents"), QStringLiteral("1")));
    }
    // A drone: its footprint (a disc of its range) follows its telemetry.
    {
        Camera drone;
        drone.id = QStringLiteral("DRONE-1");
        drone.name = QStringLiteral("Drone 1");
        drone.kind = CameraKind::Drone;
        drone.position = GeoPoint{kTower.latitude - 0.01, kTower.longitude};
        drone.range = 80;
        drone.fieldOfView = 90;
        drone.streamUrl = QStringLiteral("synthetic:drone?fps=10&w=320&h=180");
        await(cameras.save(drone));
        const auto droneView = [&]() -> std::optional<MapSector> {
            for (const MapSector& v : map->sectors(QStringLiteral("camera views"))) {
                if (v.id == QStringLiteral("DRONE-1"))
                    return v;
            }
            return std::nullopt;
        };
        REQUIRE(waitUntil([&] { return droneView().has_value(); }));
        CHECK(droneView()->fieldOfView == 360);
        CHECK(droneView()->range == 80);
        // (kept beyond 500 m of the tower, so the P1 incident below does not take it)
        const GeoPoint overCanal{kTower.latitude + 0.03, kTower.longitude};
        CHECK_FALSE(MapView::sectorPath(*droneView()).contains(MapView::toScene(overCanal)));
        await(cameras.reportTelemetry(QStringLiteral("DRONE-1"), overCanal, 90));
        REQUIRE(waitUntil([&] { return droneView() && droneView()->point.distanceTo(overCanal) < 1; }));
        CHECK(MapView::sectorPath(*droneView()).contains(MapView::toScene(overCanal)));
        CHECK(map->markerCount(QStringLiteral("cameras")) == 5);
        // A picture of the cameras' cones around the tower, for a person to look at.
        mapDock->setFloating(true);
        mapDock->resize(900, 700);
        map->centreOn(kTower, 2.5);
        QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
        REQUIRE(mapDock->widget()->grab().save(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/hub-map-cameras-day-en.png")));
    }
    mapDock->close();

    // A P1 incident at the tower: the three cameras within 500 m, those that see it first.
    IncidentService incidents(tp->store(), tp->session(), tp->audit());
    NewIncident n;
    n.priority = 1;
    n.category = QStringLiteral("rooftop_rescue");
    n.summary = QStringLiteral("Two people on the roof edge");
    n.location = Location{QStringLiteral("Harbour Tower"), kTower};
    const Incident incident = await(incidents.create(n));
    REQUIRE(waitUntil([&] { return wall->cameraAt(0).cameraId == QStringLiteral("CAM-0002"); }));
    CHECK(wall->cameraAt(1).cameraId == QStringLiteral("CAM-0001"));
    CHECK(wall->cameraAt(2).cameraId == QStringLiteral("CAM-0003"));
    CHECK(wall->tileCount() == 4);
    CHECK(wall->cameraAt(3).cameraId.isEmpty());
    REQUIRE(waitUntil([&] { return wall->tileState(0) == VideoWall::TileState::Live && wall->tileState(1) == VideoWall::TileState::Live; }));

    // The snapshot of a tile goes into the incident selected on the board.
    auto* table = window.findChild<QTableView*>(QStringLiteral("board"));
    auto* model = qobject_cast<SqlPageModel*>(table->model());
    REQUIRE(waitUntil([&] { return model->rowOfId(incident.id) >= 0; }));
    table->selectRow(model->rowOfId(incident.id));
    // Opening it offers the cameras near it; one button fills the wall with them again.
    auto* nearby = window.findChild<QLabel*>(QStringLiteral("camerasNearby"));
    REQUIRE(nearby);
    REQUIRE(waitUntil([&] { return nearby->isVisible() && nearby->text().startsWith(QStringLiteral("3 camera")); }));
    CHECK(nearby->text().contains(QStringLiteral("2 of them")));
    auto* onWall = window.findChild<QPushButton*>(QStringLiteral("camerasOnWall"));
    REQUIRE(onWall);
    CHECK(onWall->isEnabled());
    wall->setLayoutKind(VideoWall::Layout::Single);
    wall->clearTile(0);
    onWall->click();
    REQUIRE(waitUntil([&] { return wall->tileCount() == 4 && wall->cameraAt(0).cameraId == QStringLiteral("CAM-0002"); }));
    CHECK(wall->cameraAt(1).cameraId == QStringLiteral("CAM-0001"));
    REQUIRE(waitUntil([&] { return wall->tileState(1) == VideoWall::TileState::Live; }));
    REQUIRE(wall->requestSnapshot(1));
    MediaService media(tp->store(), tp->session(), tp->audit());
    REQUIRE(waitUntil([&] { return await(media.mediaFor(incident.id)).size() == 1; }));
    const MediaItem item = await(media.mediaFor(incident.id)).first();
    CHECK(item.cameraId == QStringLiteral("CAM-0001"));
    bool onTimeline = false;
    for (const TimelineEntry& e : await(incidents.timeline(incident.id)))
        onTimeline = onTimeline || (e.topic == QStringLiteral("media.attached") && e.text.contains(QStringLiteral("CAM-0001")));
    CHECK(onTimeline);
    // ... and on the incident panel's timeline, which follows the bus.
    auto* timeline = window.findChild<QListWidget*>(QStringLiteral("timeline"));
    REQUIRE(timeline);
    const auto panelShowsSnapshot = [&] {
        for (int i = 0; i < timeline->count(); ++i) {
            if (timeline->item(i)->text().contains(QStringLiteral("CAM-0001")))
                return true;
        }
        return false;
    };
    CHECK(waitUntil(panelShowsSnapshot));

    // Ctrl+R records a clip of a tile for the selected incident; Ctrl+R again stops and attaches it.
    wall->setFocus();
    wall->setCurrentTile(0);
    QTest::keyClick(wall, Qt::Key_R, Qt::ControlModifier);
    REQUIRE(wall->isRecording(0));
    QElapsedTimer recording;
    recording.start();
    waitUntil([&] { return recording.elapsed() > 1200; }, 3000); // a clip of a second or so
    QTest::keyClick(wall, Qt::Key_R, Qt::ControlModifier);
    CHECK_FALSE(wall->isRecording(0));
    REQUIRE(waitUntil([&] { return await(media.mediaFor(incident.id)).size() == 2; }, 10000));
    const MediaItem clip = await(media.mediaFor(incident.id)).last();
    CHECK(clip.isClip());
    CHECK(clip.cameraId == QStringLiteral("CAM-0002"));
    CHECK(clip.frameCount >= 8);
    CHECK(clip.durationMs >= 800);

    // The panel's Media button lists both and plays the clip; Space pauses, Right steps.
    auto* mediaButton = window.findChild<QPushButton*>(QStringLiteral("media"));
    REQUIRE(mediaButton);
    REQUIRE(mediaButton->isEnabled());
    mediaButton->click();
    QDialog* viewer = nullptr;
    REQUIRE(waitUntil([&] { return (viewer = window.findChild<QDialog*>(QStringLiteral("mediaViewer"))) && viewer->isVisible(); }));
    auto* mediaList = viewer->findChild<QListWidget*>(QStringLiteral("media"));
    REQUIRE(waitUntil([&] { return mediaList->count() == 2; }));
    CHECK(mediaList->item(0)->text().contains(QStringLiteral("CAM-0001")));
    CHECK(mediaList->item(1)->text().contains(QStringLiteral("CAM-0002")));
    auto* picture = viewer->findChild<QLabel*>(QStringLiteral("picture"));
    REQUIRE(waitUntil([&] { return !picture->pixmap().isNull(); })); // the snapshot, first
    mediaList->setCurrentRow(1);
    auto* play = viewer->findChild<QPushButton*>(QStringLiteral("play"));
    REQUIRE(waitUntil([&] { return play->isEnabled() && !picture->pixmap().isNull(); }));
    const QImage first = picture->pixmap().toImage();
    REQUIRE(waitUntil([&] { return picture->pixmap().toImage() != first; })); // it plays
    mediaList->setFocus();
    QTest::keyClick(mediaList, Qt::Key_Space);
    CHECK(play->text().contains(QStringLiteral("Play")));
    const QImage paused = picture->pixmap().toImage();
    QTest::keyClick(mediaList, Qt::Key_Right);
    CHECK(picture->pixmap().toImage() != paused);
    CHECK(viewer->findChild<QLabel*>(QStringLiteral("error"))->text().isEmpty());
    QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
    REQUIRE(viewer->grab().save(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/hub-media-day-en.png")));
    viewer->reject();

    // The wall's layout and cameras are part of the workspace, and come back.
    wall->setLayoutKind(VideoWall::Layout::Grid3x3);
    const Workspace saved = window.captureWorkspace(QStringLiteral("video"));
    REQUIRE(saved.viewStates.contains(QStringLiteral("hub.video")));
    wall->setLayoutKind(VideoWall::Layout::Single);
    wall->clearTile(0);
    window.applyWorkspace(saved);
    wall = window.panelDock(QStringLiteral("hub.video"))->findChild<VideoWall*>(QStringLiteral("wall"));
    CHECK(wall->layoutKind() == VideoWall::Layout::Grid3x3);
    CHECK(wall->cameraAt(0).cameraId == QStringLiteral("CAM-0002"));
    QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
    REQUIRE(waitUntil([&] { return wall->tileState(0) == VideoWall::TileState::Live; }));
    QTest::qWait(200); // a few frames for the picture; the picture is for a person, not a check
    REQUIRE(dock->widget()->grab().save(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/hub-video-day-en.png")));
}

TEST_CASE("Hub video: a tile torn off goes onto the next screen, full screen there, and comes back with the workspace",
          "[hubviews][screens][screens3]")
{
    // Under screens-3.json: the desk (1920x1080, primary) and two 4K wall screens to its right.
    REQUIRE(QGuiApplication::screens().size() == 3);
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    CameraService cameras(tp->store(), tp->session(), tp->audit());
    Camera roof;
    roof.id = QStringLiteral("CAM-0101");
    roof.name = QStringLiteral("Harbour Tower roof");
    roof.position = kTower;
    roof.streamUrl = QStringLiteral("synthetic:rooftop?fps=10&w=320&h=180");
    await(cameras.save(roof));

    MainWindow window(*tp);
    window.resize(1400, 850);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.screen()->name() == QStringLiteral("desk"));
    REQUIRE(window.showModule(QStringLiteral("hub")));
    QDockWidget* dock = window.openPanel(QStringLiteral("hub.video"));
    REQUIRE(dock);
    auto* wall = dock->findChild<VideoWall*>(QStringLiteral("wall"));
    auto* list = dock->findChild<QListWidget*>(QStringLiteral("cameras"));
    REQUIRE(waitUntil([&] { return list->count() == 1; }));
    wall->setCurrentTile(0);
    list->setCurrentRow(0);
    Q_EMIT list->itemActivated(list->item(0));
    REQUIRE(wall->cameraAt(0).cameraId == QStringLiteral("CAM-0101"));

    const auto tornOff = [] {
        QList<QWidget*> found;
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (w->objectName() == QStringLiteral("tornOffTile") && w->isVisible())
                found << w;
        }
        return found;
    };
    // The tile's tear-off (its menu): the camera leaves the wall for a window on the first wall screen.
    Q_EMIT wall->tearOffRequested(0);
    REQUIRE(tornOff().size() == 1);
    QPointer<QWidget> torn = tornOff().first();
    CHECK(wall->cameraAt(0).isNull());
    CHECK(torn->screen()->name() == QStringLiteral("wall-left"));
    CHECK(isFullyOnScreen(torn));
    auto* tornWall = torn->findChild<VideoWall*>(QStringLiteral("wall"));
    REQUIRE(tornWall);
    CHECK(tornWall->cameraAt(0).cameraId == QStringLiteral("CAM-0101"));
    REQUIRE(waitUntil([&] { return tornWall->tileState(0) == VideoWall::TileState::Live; }));
    // F: full screen on that screen.
    tornWall->setFocus();
    QTest::keyClick(tornWall, Qt::Key_F);
    REQUIRE(waitUntil([&] { return torn->isFullScreen(); }));
    INFO("window " << torn->geometry().x() << "," << torn->geometry().y() << " " << torn->geometry().width() << "x" << torn->geometry().height());
    CHECK(torn->screen()->geometry().contains(torn->geometry()));
    REQUIRE(waitUntil([&] { return torn->geometry() == torn->screen()->geometry(); }));
    CHECK(torn->screen()->name() == QStringLiteral("wall-left"));

    // In the workspace, and back after it was closed.
    Workspace saved = window.captureWorkspace(QStringLiteral("torn"));
    const QJsonArray savedTorn = saved.viewStates.value(QStringLiteral("hub.video")).value(QStringLiteral("tornOff")).toArray();
    REQUIRE(savedTorn.size() == 1);
    CHECK(savedTorn[0].toObject().value(QStringLiteral("place")).toObject().value(QStringLiteral("screen")).toString()
          == QStringLiteral("wall-left"));
    torn->close();
    REQUIRE(waitUntil([&] { return torn.isNull(); }));
    CHECK(tornOff().isEmpty());
    window.applyWorkspace(saved);
    REQUIRE(waitUntil([&] { return tornOff().size() == 1; }));
    torn = tornOff().first();
    CHECK(torn->screen()->name() == QStringLiteral("wall-left"));
    REQUIRE(waitUntil([&] { return torn->isFullScreen(); }));

    // Saved on a screen that is not there now, far off: it comes back on the primary, all of it visible.
    QJsonObject state = saved.viewStates.value(QStringLiteral("hub.video"));
    QJsonObject entry = savedTorn[0].toObject();
    QJsonObject place = entry.value(QStringLiteral("place")).toObject();
    place.insert(QStringLiteral("screen"), QStringLiteral("projector"));
    place.insert(QStringLiteral("screenGeometry"), QJsonArray{9600, 0, 1920, 1080});
    place.insert(QStringLiteral("rect"), QJsonArray{10000, 300, 2600, 1400});
    place.insert(QStringLiteral("fullScreen"), false);
    entry.insert(QStringLiteral("place"), place);
    state.insert(QStringLiteral("tornOff"), QJsonArray{entry});
    saved.viewStates.insert(QStringLiteral("hub.video"), state);
    window.applyWorkspace(saved);
    REQUIRE(waitUntil([&] { return torn.isNull() && tornOff().size() == 1; }));
    torn = tornOff().first();
    CHECK(torn->screen()->name() == QStringLiteral("desk"));
    CHECK(isFullyOnScreen(torn));
    CHECK_FALSE(torn->isFullScreen());

    // A torn-off tile records clips for the incident selected on the board, as the wall does; closed
    // (Ctrl+W) while recording, it goes once its clip is in the record.
    IncidentService incidents(tp->store(), tp->session(), tp->audit());
    NewIncident n;
    n.priority = 2;
    n.category = QStringLiteral("rooftop_rescue");
    n.summary = QStringLiteral("A man on the roof edge");
    n.location = Location{QStringLiteral("Harbour Tower"), kTower};
    const Incident incident = await(incidents.create(n));
    auto* table = window.findChild<QTableView*>(QStringLiteral("board"));
    auto* model = qobject_cast<SqlPageModel*>(table->model());
    REQUIRE(waitUntil([&] { return model->rowOfId(incident.id) >= 0; }));
    table->selectRow(model->rowOfId(incident.id));
    tornWall = torn->findChild<VideoWall*>(QStringLiteral("wall"));
    REQUIRE(waitUntil([&] { return tornWall->tileState(0) == VideoWall::TileState::Live; }));
    tornWall->setFocus();
    QTest::keyClick(tornWall, Qt::Key_R, Qt::ControlModifier);
    REQUIRE(tornWall->isRecording(0));
    QElapsedTimer recording;
    recording.start();
    waitUntil([&] { return recording.elapsed() > 600; }, 2000); // a clip of half a second or so
    QTest::keyClick(tornWall, Qt::Key_W, Qt::ControlModifier);
    CHECK(tornOff().isEmpty());
    REQUIRE(waitUntil([&] { return torn.isNull(); }));
    MediaService media(tp->store(), tp->session(), tp->audit());
    REQUIRE(waitUntil([&] { return await(media.mediaFor(incident.id)).size() == 1; }));
    const QList<MediaItem> attached = await(media.mediaFor(incident.id));
    CHECK(attached.first().isClip());
    CHECK(attached.first().cameraId == QStringLiteral("CAM-0101"));
}

TEST_CASE("Hub board: rendered in both themes and both languages", "[hubviews][pictures]")
{
    const QString folder = QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures");
    QDir().mkpath(folder);
    for (const QString& locale : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        Language language;
        REQUIRE(language.set(locale));
        for (const Theme::Kind kind : {Theme::Kind::Day, Theme::Kind::Night}) {
            TestPlatform tp = startedPlatform();
            tp.start();
            signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
            addUnits(tp);
            IncidentService incidents(tp->store(), tp->session(), tp->audit());
            auto& clock = static_cast<SimulatedClock&>(tp->clock());
            struct Row { int priority; const char* category; const char* summary; const char* address; double km; };
            const Row rows[] = {
                {1, "rooftop_rescue", "Two people on the roof edge, heat over 38 degrees", "Harbour Tower, 8 Elm Street", 0},
                {2, "traffic_accident", "Two cars collided, one driver trapped", "Canal Road / 3rd Avenue", 1.2},
                {3, "burglary", "Shop window smashed overnight", "41 Market Lane", 2.0},
                {2, "missing_person", "Boy aged 7 missing in the park since 14:00", "Riverside Park, north gate", 3.1},
                {4, "public_disturbance", "Loud party, neighbours complain", "Block 12, Garden Estate", 0.6},
                {3, "suspicious_item", "Unattended suitcase at bus stop", "Central Bus Station, bay 4", 1.7},
            };
            QList<qint64> ids;
            for (const Row& r : rows) {
                NewIncident n;
                n.priority = r.priority;
                n.category = QString::fromLatin1(r.category);
                n.summary = QString::fromLatin1(r.summary);
                n.location = Location{QString::fromLatin1(r.address), GeoPoint{kTower.latitude + r.km / 111.32, kTower.longitude + r.km / 200}};
                n.reporterContact = QStringLiteral("13800001234");
                ids << await(incidents.create(n)).id;
                clock.advance(4 * 60 * 1000);
            }
            await(incidents.dispatch(ids[0], {QStringLiteral("P-12"), QStringLiteral("UAV-1"), QStringLiteral("FL-1")}));
            clock.advance(3 * 60 * 1000);
            await(incidents.unitArrived(ids[0], QStringLiteral("P-12")));
            await(incidents.tickStep(ids[0], 0, true));
            await(incidents.tickStep(ids[0], 1, true));
            await(incidents.addNote(ids[0], QStringLiteral("Negotiator talking to the man; woman sitting further back")));
            await(incidents.dispatch(ids[1], {QStringLiteral("P-11"), QStringLiteral("MED-1")}));
            clock.advance(12 * 60 * 1000);

            const Theme theme = Theme::of(kind);
            theme.apply(*qApp);
            MainWindow window(*tp);
            window.setTheme(theme);
            window.resize(1600, 900);
            window.show();
            REQUIRE(QTest::qWaitForWindowExposed(&window));
            REQUIRE(window.showModule(QStringLiteral("hub")));
            auto* table = window.findChild<QTableView*>(QStringLiteral("board"));
            REQUIRE(table);
            auto* model = qobject_cast<SqlPageModel*>(table->model());
            REQUIRE(waitUntil([&] { return model->isReady() && model->rowCount() == 6; }));
            table->selectRow(model->rowOfId(ids[0]));
            auto* timeline = window.findChild<QListWidget*>(QStringLiteral("timeline"));
            REQUIRE(waitUntil([&] { return timeline->count() >= 8; }));
            auto* playbook = window.findChild<QListWidget*>(QStringLiteral("playbook"));
            REQUIRE(waitUntil([&] { return playbook->count() == 8; }));
            QTest::qWait(50); // let the last answers paint; the picture is for a person, not a check
            REQUIRE(window.grab().save(QStringLiteral("%1/hub-board-%2-%3.png").arg(folder, Theme::name(kind), locale)));

            // The dashboard, as a panel of its own, large enough for a wall's type.
            QDockWidget* dock = window.openPanel(QStringLiteral("hub.dashboard"));
            REQUIRE(dock);
            dock->setFloating(true);
            dock->resize(1500, 850);
            auto* open = dock->findChild<QLabel*>(QStringLiteral("tile0"));
            REQUIRE(open);
            REQUIRE(waitUntil([&] { return open->text() == QStringLiteral("6"); }));
            CHECK(dock->findChild<QLabel*>(QStringLiteral("tile1"))->text() == QStringLiteral("1")); // one P1 open
            QTest::qWait(50);
            REQUIRE(dock->widget()->grab().save(QStringLiteral("%1/hub-dashboard-%2-%3.png").arg(folder, Theme::name(kind), locale)));
            dock->close();

            // The map: the district, the six incidents and the units with a position.
            QDockWidget* mapDock = window.openPanel(QStringLiteral("hub.map"));
            REQUIRE(mapDock);
            mapDock->setFloating(true);
            mapDock->resize(1200, 800);
            auto* map = mapDock->findChild<MapView*>();
            REQUIRE(map);
            REQUIRE(waitUntil([&] { return map->markerCount(QStringLiteral("incidents")) == 6; }));
            CHECK(map->markerCount(QStringLiteral("units")) == 6);
            map->centreOn(kTower, 6);
            QTest::qWait(50);
            REQUIRE(mapDock->widget()->grab().save(QStringLiteral("%1/hub-map-%2-%3.png").arg(folder, Theme::name(kind), locale)));
            // A click on an incident opens it on the board.
            const QPoint second = map->viewPointOf(GeoPoint{kTower.latitude + 1.2 / 111.32, kTower.longitude + 1.2 / 200}).toPoint();
            QTest::mouseClick(map->viewport(), Qt::LeftButton, {}, second);
            REQUIRE(waitUntil([&] { return model->idAt(table->currentIndex().row()) == ids[1]; }));
            if (locale == QLatin1String("zh_CN"))
                CHECK(model->headerData(0, Qt::Horizontal).toString() != QStringLiteral("Number"));
            mapDock->close();

            // An operation under way: its division line by line as the units report.
            TaskService tasks(tp->store(), tp->session(), tp->audit());
            Operation op;
            op.name = QStringLiteral("Operation Net");
            op.objective = QStringLiteral("Detain the suspects at three addresses at once");
            op.goAt = clock.nowMs() - 20 * 60 * 1000;
            op.incidentId = ids[0];
            QList<NewTask> division;
            const QStringList who{QStringLiteral("P-11"), QStringLiteral("P-12"), QStringLiteral("P-13")};
            for (int i = 0; i < who.size(); ++i) {
                NewTask t;
                t.assigneeKind = AssigneeKind::Unit;
                t.assignee = who.at(i);
                t.title = QStringLiteral("Detain suspect %1").arg(QChar(u'A' + i));
                t.place = QStringLiteral("%1 Canal Road").arg(12 + i * 10);
                t.dueAt = op.goAt + 60 * 60 * 1000;
                division << t;
            }
            NewTask phones;
            phones.assignee = QStringLiteral("criminal_intel");
            phones.title = QStringLiteral("Search the seized phones");
            phones.place = QStringLiteral("Criminal intelligence lab");
            division << phones;
            const Operation planned = await(tasks.plan(op, division));
            const QList<Task> planTasks = await(tasks.operationTasks(planned.id));
            await(tasks.accept(planTasks[0].id));
            await(tasks.complete(planTasks[0].id));
            await(tasks.accept(planTasks[1].id));
            await(tasks.reportProgress(planTasks[1].id, 60, QStringLiteral("Suspect B in sight, waiting for backup")));
            QDockWidget* opsDock = window.openPanel(QStringLiteral("hub.operations"));
            REQUIRE(opsDock);
            opsDock->setFloating(true);
            opsDock->resize(1200, 700);
            auto* opsDivision = opsDock->findChild<QTreeWidget*>(QStringLiteral("division"));
            REQUIRE(waitUntil([&] { return opsDivision->topLevelItemCount() == 4; }));
            QTest::qWait(50);
            REQUIRE(opsDock->widget()->grab().save(QStringLiteral("%1/hub-operations-%2-%3.png").arg(folder, Theme::name(kind), locale)));
            opsDock->close();

            // The taxonomy editor on its first category.
            for (const Command& c : tp->modules().commands()) {
                if (c.id == QStringLiteral("hub.taxonomy.edit"))
                    c.trigger();
            }
            auto* editor = modal<QDialog>(QStringLiteral("hub.taxonomy"));
            REQUIRE(editor);
            auto* categories = editor->findChild<QListWidget*>(QStringLiteral("categories"));
            REQUIRE(waitUntil([&] { return categories->count() == 9 && categories->currentRow() == 0; }));
            QTest::qWait(50);
            REQUIRE(editor->grab().save(QStringLiteral("%1/hub-taxonomy-%2-%3.png").arg(folder, Theme::name(kind), locale)));
            editor->reject();

            // The new-incident form, its fields filled as an operator would.
            for (const Command& c : tp->modules().commands()) {
                if (c.id == QStringLiteral("hub.incident.new"))
                    c.trigger();
            }
            auto* form = modal<QDialog>(QStringLiteral("hub.incidentForm"));
            REQUIRE(form);
            auto* category = form->findChild<QComboBox*>(QStringLiteral("category"));
            REQUIRE(waitUntil([&] { return category->isEnabled() && category->count() == 9; }));
            form->findChild<QLineEdit*>(QStringLiteral("summary"))->setText(QStringLiteral("Smoke from a third-floor window"));
            form->findChild<QLineEdit*>(QStringLiteral("address"))->setText(QStringLiteral("22 Canal Road"));
            CHECK_FALSE(form->findChild<QPushButton*>(QStringLiteral("merge"))->isVisible()); // nothing to add to yet
            QTest::qWait(50);
            REQUIRE(form->grab().save(QStringLiteral("%1/hub-incident-form-%2-%3.png").arg(folder, Theme::name(kind), locale)));
            form->reject();
        }
    }
    Theme::day().apply(*qApp);
}
