// The leads desk through the real window and the real plugin, by keyboard (issue 21 section 1): a
// tip recorded (T), graded with its handling (G) and assigned (A); a second tip that repeats it
// offered as a duplicate and merged (M); the handling conditions heading the lead; the centre's
// dashboard over the period; the list's keys do nothing for a hub supervisor who may only look.
#include "hubviewtest.h"

#include "hexhub/criminal_intel/leads.h"

#include <QComboBox>
#include <QFile>
#include <QTemporaryDir>
#include <QWindow>
#include <QDockWidget>
#include <QListWidget>
#include <QTableView>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::hubviews;

namespace {

qint64 scalar(TestPlatform& tp, const QString& sql)
{
    return await(tp->store().read([sql](Sql& s) { return s.scalar(sql).toLongLong(); }));
}

// Fills the tip dialog when it comes up (the key that opens it waits until it closes).
void answerTip(const QString& summary, const QString& source)
{
    whenModal(QStringLiteral("tipDialog"), [summary, source](QDialog* d) {
        QApplication::setActiveWindow(d);
        CHECK(QTest::qWaitForWindowActive(d));
        auto* what = d->findChild<QLineEdit*>(QStringLiteral("summary"));
        what->setFocus();
        type(what, summary);
        key(what, Qt::Key_Tab);
        type(QApplication::focusWidget(), QStringLiteral("Seen on two Fridays"));
        key(QApplication::focusWidget(), Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("source"));
        type(QApplication::focusWidget(), source);
        key(QApplication::focusWidget(), Qt::Key_Return);
    });
}

// The real window, active, on the leads desk; the desk.
QWidget* showDesk(MainWindow& window)
{
    window.resize(1400, 850);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    REQUIRE(window.showModule(QStringLiteral("criminal_intel")));
    auto* desk = window.findChild<QWidget*>(QStringLiteral("criminal_intel.desk"));
    REQUIRE(desk);
    return desk;
}

} // namespace

TEST_CASE("Leads desk: a tip recorded, graded, assigned, and its repeat merged, by keyboard", "[intelviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("ivy"), QStringLiteral("criminal_intel_operator"));
    MainWindow window(*tp);
    QWidget* desk = showDesk(window);
    auto* table = desk->findChild<QTableView*>(QStringLiteral("leads"));
    REQUIRE(table);
    auto* panel = desk->findChild<QWidget*>(QStringLiteral("leadPanel"));

    // T: the tip; Enter in its source saves it, and it is the lead in view.
    table->setFocus();
    answerTip(QStringLiteral("Stolen phones sold at the night market"), QStringLiteral("Registered informant DEMO-117"));
    key(table, Qt::Key_T);
    REQUIRE(waitUntil([&] { return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_leads")) == 1; }));
    backToWindow(window);
    auto* title = panel->findChild<QLabel*>(QStringLiteral("title"));
    REQUIRE(waitUntil([&] { return title->text().startsWith(QStringLiteral("Lead L-")); }));
    CHECK(panel->findChild<QLabel*>(QStringLiteral("handling"))->text().contains(QStringLiteral("not graded yet")));

    // G: B (usually reliable), 2 (probably true), the handling conditions, the reason.
    whenModal(QStringLiteral("gradeDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        CHECK(QTest::qWaitForWindowActive(d));
        auto* source = d->findChild<QComboBox*>(QStringLiteral("sourceGrade"));
        source->setFocus();
        key(source, Qt::Key_B);
        key(source, Qt::Key_Tab);
        key(QApplication::focusWidget(), Qt::Key_2);
        key(QApplication::focusWidget(), Qt::Key_Tab);
        type(QApplication::focusWidget(), QStringLiteral("Not outside the team"));
        key(QApplication::focusWidget(), Qt::Key_Tab);
        type(QApplication::focusWidget(), QStringLiteral("Informant right three times this year"));
        key(QApplication::focusWidget(), Qt::Key_Return);
    });
    table->setFocus();
    key(table, Qt::Key_G);
    REQUIRE(waitUntil([&] {
        return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE source_grade = 'B' AND info_grade = '2' AND graded_by = 'ivy'")) == 1;
    }));
    backToWindow(window);
    REQUIRE(waitUntil([&] {
        return panel->findChild<QLabel*>(QStringLiteral("handling"))->text().contains(QStringLiteral("B2 · Not outside the team"));
    }));

    // P: the lead as a PDF report, its handling first; never the tip's source.
    QTemporaryDir out;
    table->setFocus();
    key(table, Qt::Key_P);
    const QString report = out.filePath(QStringLiteral("lead.pdf"));
    saveAsInDialog(window, QStringLiteral("reportDialog"), report);
    auto* message = panel->findChild<QLabel*>(QStringLiteral("message"));
    REQUIRE(waitUntil([&] { return message->text().startsWith(QStringLiteral("Report saved")); }, 30000));
    QFile pdf(report);
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    CHECK(pdf.read(5) == "%PDF-");
    window.windowHandle()->requestActivate();
    backToWindow(window);

    // A: to herself, proposed; Enter.
    whenModal(QStringLiteral("assignDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        CHECK(QTest::qWaitForWindowActive(d));
        key(d->findChild<QComboBox*>(QStringLiteral("analyst")), Qt::Key_Return);
    });
    table->setFocus();
    key(table, Qt::Key_A);
    REQUIRE(waitUntil([&] { return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE assigned_to = 'ivy'")) == 1; }));
    backToWindow(window);

    // A second tip repeats the first: offered under "May repeat", M merges it with a reason.
    table->setFocus();
    answerTip(QStringLiteral("Phones stolen and sold at the night market stalls"), QStringLiteral("Caller on the tip line"));
    key(table, Qt::Key_T);
    REQUIRE(waitUntil([&] { return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_leads")) == 2; }));
    backToWindow(window);
    auto* duplicates = panel->findChild<QListWidget*>(QStringLiteral("duplicates"));
    REQUIRE(waitUntil([&] { return title->text().endsWith(QStringLiteral("00002")) && duplicates->count() == 1
                                   && duplicates->item(0)->data(Qt::UserRole).toLongLong() == 1; }));
    whenModal(QStringLiteral("mergeDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        CHECK(QTest::qWaitForWindowActive(d));
        auto* reason = d->findChild<QLineEdit*>(QStringLiteral("reason"));
        reason->setFocus();
        type(reason, QStringLiteral("Same stalls, same nights"));
        key(reason, Qt::Key_Return);
    });
    table->setFocus();
    key(table, Qt::Key_M);
    REQUIRE(waitUntil([&] {
        return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE id = 2 AND status = 'closed' AND merged_into = 1")) == 1;
    }));
    backToWindow(window);

    // The dashboard over the last 30 days: two leads taken in, one graded high, nothing past its limit.
    QDockWidget* dock = window.openPanel(QStringLiteral("criminal_intel.dashboard"));
    REQUIRE(dock);
    auto* dashboard = dock->findChild<QWidget*>(QStringLiteral("criminal_intel.dashboard"));
    REQUIRE(dashboard);
    REQUIRE(waitUntil([&] {
        auto* tile = dashboard->findChild<QLabel*>(QStringLiteral("tile0"));
        return tile && tile->text() == QStringLiteral("2");
    }));
    CHECK(dashboard->findChild<QLabel*>(QStringLiteral("tile1"))->text() == QStringLiteral("1")); // the first, assessing
    CHECK(dashboard->findChild<QLabel*>(QStringLiteral("tile2"))->text() == QStringLiteral("0"));
}

TEST_CASE("Leads desk: a hub supervisor sees the leads but the keys that change them do nothing", "[intelviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("ivy"), QStringLiteral("criminal_intel_operator"));
    hexhub::criminalintel::LeadService leads(tp->store(), tp->session(), tp->audit());
    await(leads.recordTip({QStringLiteral("Stolen phones sold at the night market"), {}, QStringLiteral("Registered informant DEMO-117"),
                           QStringLiteral("Investigation of reported offences"), 365}));
    signInAs(tp, QStringLiteral("hugo"), QStringLiteral("hub_supervisor"));
    MainWindow window(*tp);
    QWidget* desk = showDesk(window);
    auto* panel = desk->findChild<QWidget*>(QStringLiteral("leadPanel"));
    REQUIRE(waitUntil([&] { return panel->findChild<QLabel*>(QStringLiteral("title"))->text().startsWith(QStringLiteral("Lead L-")); }));
    for (const char* button : {"grade", "assign", "move", "merge"})
        CHECK_FALSE(panel->findChild<QPushButton*>(QString::fromLatin1(button))->isEnabled());
    // The keys that change a lead open nothing for someone who may not change it.
    bool opened = false;
    whenModal(QStringLiteral("gradeDialog"), [&opened](QDialog* d) {
        opened = true;
        d->reject();
    });
    auto* table = desk->findChild<QTableView*>(QStringLiteral("leads"));
    table->setFocus();
    key(table, Qt::Key_G);
    QTest::qWait(50);
    CHECK_FALSE(opened);
    // The source stays masked and cannot be revealed from here.
    auto* source = panel->findChild<QWidget*>(QStringLiteral("tipSource"));
    CHECK(source->findChild<QLabel*>()->text().contains(QStringLiteral("********")));
    CHECK_FALSE(source->findChild<QPushButton*>()->isEnabled());
}
