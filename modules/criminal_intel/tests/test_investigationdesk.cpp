// Joint investigations through the real window and the real plugins, by keyboard (issue 21 section
// 3): an investigation opened from a lead (I), a task of its division issued through the hub (D), a
// target set (T), today's report (R), the cluster operation proposed (O) and its intelligence
// packages written (K); then the hub supervisor finds the proposal on the hub's operations panel and
// approves it at a go time (Alt+V), and the analyst sees the operation on the investigation's
// timeline; a hub supervisor's keys on the page change nothing.
#include "hubviewtest.h"

#include "hexhub/criminal_intel/entities.h"
#include "hexhub/criminal_intel/investigations.h"
#include "hexhub/criminal_intel/leads.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::hubviews;
using namespace hexhub::criminalintel;

namespace {

qint64 scalar(TestPlatform& tp, const QString& sql)
{
    return await(tp->store().read([sql](Sql& s) { return s.scalar(sql).toLongLong(); }));
}

void as(TestPlatform& tp, const QString& name)
{
    const SignInResult result = await(tp->access().signIn(name, QStringLiteral("Desk-Passw0rd-42")));
    REQUIRE(result.principal.isValid());
    tp->session().setPrincipal(result.principal);
}

bool hasText(QTreeWidget* tree, int column, const QString& part)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(column).contains(part))
            return true;
    return false;
}

// Picks the item of a combo box whose data's last part is `id` (a unit's call sign), once listed.
bool pick(QComboBox* box, const QString& id)
{
    return waitUntil([&] {
        for (int i = 0; i < box->count(); ++i)
            if (box->itemData(i).toStringList().value(1) == id) {
                box->setCurrentIndex(i);
                return true;
            }
        return false;
    });
}

} // namespace

TEST_CASE("Investigations: opened from a lead, divided, targeted, reported, proposed to the hub and approved there, by keyboard",
          "[intelviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("hugo"), QStringLiteral("hub_supervisor"));
    addUnits(tp);
    signInAs(tp, QStringLiteral("ivy"), QStringLiteral("criminal_intel_operator"));
    LeadService leads(tp->store(), tp->session(), tp->audit());
    EntityService entities(tp->store(), tp->session(), tp->audit());
    const Lead lead = await(leads.recordTip({QStringLiteral("Records gang sells personal data in a chat group"), QString(),
                                             QStringLiteral("Registered informant DEMO-117"), QStringLiteral("Investigation of reported offences"), 365}));
    const Entity boss = await(entities.add({EntityKind::Person, QStringLiteral("Zhang Wei"), lead.id, QString(),
                                            QStringLiteral("Investigation of reported offences")}));
    const Entity phone = await(entities.add({EntityKind::Phone, QStringLiteral("+86 138 0013 8000"), lead.id}));
    await(entities.link({boss.id, phone.id, QStringLiteral("uses"), true, LinkConfidence::Confirmed, LinkSource::Lead, QStringLiteral("lead tip")}));

    MainWindow window(*tp);
    window.resize(1400, 850);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    REQUIRE(window.showModule(QStringLiteral("criminal_intel")));
    auto* desk = window.findChild<QWidget*>(QStringLiteral("criminal_intel.desk"));
    REQUIRE(desk);
    auto* table = desk->findChild<QTableView*>(QStringLiteral("leads"));
    REQUIRE(waitUntil([&] { return table->model()->rowCount() == 1; }));
    table->setFocus();
    table->selectRow(0);
    auto* panel = desk->findChild<QWidget*>(QStringLiteral("leadPanel"));
    REQUIRE(waitUntil([&] { return panel->findChild<QLabel*>(QStringLiteral("title"))->text().contains(lead.reference); }));

    // I on the lead: a new investigation opened from it.
    whenModal(QStringLiteral("investigationDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        auto* title = d->findChild<QLineEdit*>(QStringLiteral("title"));
        title->setFocus();
        type(title, QStringLiteral("Operation Ledger"));
        key(title, Qt::Key_Tab);
        type(QApplication::focusWidget(), QStringLiteral("The records gang and its buyers"));
        key(title, Qt::Key_Return);
    });
    key(table, Qt::Key_I); // the lead is read first, then the page and its dialog come up
    auto* pages = desk->findChild<QTabWidget*>(QStringLiteral("deskPages"));
    auto* page = desk->findChild<QWidget*>(QStringLiteral("investigationPage"));
    REQUIRE(page);
    auto* list = page->findChild<QTreeWidget*>(QStringLiteral("investigations"));
    REQUIRE(waitUntil([&] { return list->topLevelItemCount() == 1 && list->currentItem() && !QApplication::activeModalWidget(); }));
    backToWindow(window);
    CHECK(pages->currentWidget() == page);
    CHECK(list->topLevelItem(0)->text(0) == QStringLiteral("Operation Ledger"));
    list->setFocus();

    // D: a task to unit P-11, issued through the hub.
    whenModal(QStringLiteral("divideDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        auto* who = d->findChild<QComboBox*>(QStringLiteral("who"));
        REQUIRE(pick(who, QStringLiteral("P-11")));
        auto* what = d->findChild<QLineEdit*>(QStringLiteral("what"));
        what->setFocus();
        type(what, QStringLiteral("Watch the courier's pick-up"));
        key(what, Qt::Key_Tab);
        type(QApplication::focusWidget(), QStringLiteral("Night market"));
        key(QApplication::focusWidget(), Qt::Key_Return);
    });
    key(list, Qt::Key_D);
    backToWindow(window);
    auto* division = page->findChild<QTreeWidget*>(QStringLiteral("division"));
    REQUIRE(waitUntil([&] { return division->topLevelItemCount() == 1; }));
    CHECK(division->topLevelItem(0)->text(0) == QStringLiteral("unit P-11"));
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM hub_tasks WHERE origin = 'criminal_intel' AND assignee = 'P-11'")) == 1);

    // T: the person is the target, P-12 arrests.
    whenModal(QStringLiteral("targetDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        auto* entity = d->findChild<QComboBox*>(QStringLiteral("entity"));
        REQUIRE(entity->count() == 2);
        entity->setCurrentIndex(0);
        REQUIRE(pick(d->findChild<QComboBox*>(QStringLiteral("who")), QStringLiteral("P-12")));
        auto* action = d->findChild<QLineEdit*>(QStringLiteral("action"));
        action->setFocus();
        type(action, QStringLiteral("Arrest"));
        key(action, Qt::Key_Return);
    });
    key(list, Qt::Key_T); // the entities it may target are read first, then the dialog comes up
    auto* targets = page->findChild<QTreeWidget*>(QStringLiteral("targets"));
    REQUIRE(waitUntil([&] { return targets->topLevelItemCount() == 1 && !QApplication::activeModalWidget(); }));
    backToWindow(window);
    list->setFocus();
    CHECK(!targets->topLevelItem(0)->text(0).contains(QStringLiteral("Zhang"))); // masked

    // Shift+T: every phone of its leads a target at once, the units ticked taking them in turn.
    whenModal(QStringLiteral("targetsDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        auto* kind = d->findChild<QComboBox*>(QStringLiteral("kind"));
        REQUIRE(kind->count() == 2); // people and phones
        kind->setCurrentIndex(kind->findData(QStringLiteral("phone")));
        auto* units = d->findChild<QListWidget*>(QStringLiteral("units"));
        REQUIRE(waitUntil([&] { return units->count() >= 3; }));
        units->setFocus();
        int p13 = -1;
        for (int i = 0; i < units->count(); ++i)
            if (units->item(i)->data(Qt::UserRole).toString() == QStringLiteral("P-13"))
                p13 = i;
        REQUIRE(p13 >= 0);
        units->setCurrentRow(p13);
        key(units, Qt::Key_Space);
        REQUIRE(units->item(p13)->checkState() == Qt::Checked);
        auto* action = d->findChild<QLineEdit*>(QStringLiteral("action"));
        action->setFocus();
        type(action, QStringLiteral("Seize the handset"));
        key(action, Qt::Key_Return);
    });
    key(list, Qt::Key_T, Qt::ShiftModifier);
    REQUIRE(waitUntil([&] { return targets->topLevelItemCount() == 2 && !QApplication::activeModalWidget(); }));
    backToWindow(window);
    list->setFocus();
    CHECK(hasText(targets, 1, QStringLiteral("unit P-13")));

    // R: today's report, Ctrl+Enter saves.
    whenModal(QStringLiteral("dailyReportDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        auto* body = d->findChild<QPlainTextEdit*>(QStringLiteral("body"));
        body->setFocus();
        type(body, QStringLiteral("Courier identified; the chat group's admin traced."));
        key(body, Qt::Key_Return, Qt::ControlModifier);
    });
    key(list, Qt::Key_R);
    backToWindow(window);
    auto* reports = page->findChild<QTreeWidget*>(QStringLiteral("reports"));
    REQUIRE(waitUntil([&] { return reports->topLevelItemCount() == 1; }));

    // O: the cluster operation proposed to the hub.
    whenModal(QStringLiteral("proposeDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        key(d->findChild<QLineEdit*>(QStringLiteral("name")), Qt::Key_Return);
    });
    key(list, Qt::Key_O);
    backToWindow(window);
    auto* header = page->findChild<QLabel*>(QStringLiteral("investigationHeader"));
    REQUIRE(waitUntil([&] { return header->text().contains(QStringLiteral("proposed to the hub")); }));

    // K: the intelligence packages, one PDF per target for the unit that acts (masked: a unit's
    // recipients may not see personal data), beside the name chosen.
    QTemporaryDir dir;
    whenModal(QStringLiteral("packageDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        key(d->findChild<QComboBox*>(QStringLiteral("target")), Qt::Key_Return);
    });
    key(list, Qt::Key_K);
    saveAsInDialog(window, QStringLiteral("reportDialog"), dir.filePath(QStringLiteral("ledger-package.pdf")));
    QStringList pdfs;
    REQUIRE(waitUntil([&] {
        pdfs = QDir(dir.path()).entryList({QStringLiteral("ledger-package-*.pdf")}, QDir::Files);
        return pdfs.size() == 2 && page->findChild<QLabel*>(QStringLiteral("message"))->text().contains(QStringLiteral("page"));
    }));
    QFile file(dir.filePath(pdfs.first()));
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == QByteArray("%PDF-"));
    window.windowHandle()->requestActivate();
    backToWindow(window);

    // Alt+5: the timeline, with every step.
    auto* timeline = page->findChild<QTreeWidget*>(QStringLiteral("timeline"));
    list->setFocus();
    key(list, Qt::Key_5, Qt::AltModifier);
    CHECK(page->findChild<QTabWidget*>(QStringLiteral("investigationTabs"))->currentWidget() == timeline);
    CHECK(hasText(timeline, 2, QStringLiteral("proposed to the hub")));

    // The hub supervisor: the proposal awaits review on the operations panel; Alt+V approves it.
    as(tp, QStringLiteral("hugo"));
    QDockWidget* dock = window.openPanel(QStringLiteral("hub.operations"));
    REQUIRE(dock);
    dock->setFloating(true);
    dock->resize(1100, 600);
    auto* operations = dock->findChild<QTreeWidget*>(QStringLiteral("operations"));
    REQUIRE(waitUntil([&] { return operations->topLevelItemCount() == 1 && operations->topLevelItem(0)->text(1) == QStringLiteral("awaiting review"); }));
    operations->setCurrentItem(operations->topLevelItem(0));
    auto* lines = dock->findChild<QTreeWidget*>(QStringLiteral("division"));
    REQUIRE(waitUntil([&] { return lines->topLevelItemCount() == 2; }));
    CHECK(lines->topLevelItem(0)->text(0) == QStringLiteral("unit P-12"));
    CHECK(lines->topLevelItem(1)->text(0) == QStringLiteral("unit P-13"));
    QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
    QTest::qWait(30); // the picture is for a person, not a check
    REQUIRE(dock->widget()->grab().save(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/hub-proposal-day-en.png")));
    QApplication::setActiveWindow(dock);
    operations->setFocus();
    whenModal(QStringLiteral("hub.approveOperation"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        auto* note = d->findChild<QLineEdit*>(QStringLiteral("note"));
        note->setFocus();
        type(note, QStringLiteral("Go at dawn"));
        key(note, Qt::Key_Return);
    });
    key(operations, Qt::Key_V, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM hub_operations WHERE origin = 'criminal_intel'")) == 1; }));
    REQUIRE(waitUntil([&] { return operations->topLevelItemCount() == 1 && operations->topLevelItem(0)->text(1) == QStringLiteral("planned"); }));
    dock->close();
    backToWindow(window);

    // The supervisor's keys on the page change nothing.
    pages->setCurrentWidget(page);
    list->setFocus();
    key(list, Qt::Key_R);
    REQUIRE(waitUntil([&] { return page->findChild<QLabel*>(QStringLiteral("message"))->text().contains(QStringLiteral("You may look")); }));
    CHECK(QApplication::activeModalWidget() == nullptr);
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_investigation_reports")) == 1);

    // The analyst again: the approval is on the investigation, and the operation it planned.
    as(tp, QStringLiteral("ivy"));
    REQUIRE(waitUntil([&] { return header->text().contains(QStringLiteral("Hub operation")); }));
    REQUIRE(waitUntil([&] { return hasText(timeline, 2, QStringLiteral("The hub approved the operation")); }));
    CHECK(hasText(timeline, 2, QStringLiteral("Go at dawn")));
    QTest::qWait(30); // the picture is for a person, not a check
    REQUIRE(page->grab().save(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/intel-investigations-day-en.png")));
}
