// The hub's tasks, units and taxonomy panels, driven through the real main window.
#include "hubviewtest.h"

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::shell;
using namespace hexhub::test::hubviews;

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
    auto* acceptButton = dock->findChild<QPushButton*>(QStringLiteral("accept"));
    auto* doneButton = dock->findChild<QPushButton*>(QStringLiteral("done"));
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
