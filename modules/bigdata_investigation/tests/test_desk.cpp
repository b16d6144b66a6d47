// The analyst's desk through the real window and the real plugin, by keyboard (issue 20 section 3):
// a file imported (Ctrl+I, the path, Enter, the provenance by its mnemonics, Alt+I), the ring model
// run over it (Ctrl+R, Enter), the ring first on the review queue with its explanation, confirmed
// with a reason (C) and handed to criminal intelligence (I); a model typed wrong in the editor shows
// its problems by path as it is typed. Pictures of the desk in both themes and both languages.
#include "hubviewtest.h"

#include "commandpalette.h"

#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/model.h"
#include "hexhub/bigdata_investigation/modelservice.h"
#include "hexhub/bigdata_investigation/tradedemo.h"
#include "hexhub/hub/taskservice.h"

#include <QDateEdit>
#include <QDockWidget>
#include <QFileDialog>
#include <QTabWidget>
#include <QWindow>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::hubviews;

namespace {

QString tradeCsv(const QString& folder, hexhub::bigdata::TradeDemo& demo)
{
    const QString path = QDir(folder).filePath(QStringLiteral("listings.csv"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    demo = hexhub::bigdata::writeTradeCsv(f, {.seed = 11, .rows = 3000, .ringSize = 70});
    return path;
}

qint64 scalar(TestPlatform& tp, const QString& sql)
{
    return await(tp->store().read([sql](Sql& s) { return s.scalar(sql).toLongLong(); }));
}

// The real window on the big-data desk, active, its desk found.
struct DeskWindow
{
    MainWindow window;
    QWidget* desk = nullptr;
    explicit DeskWindow(TestPlatform& tp)
        : window(*tp)
    {
        window.resize(1400, 850);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);
        REQUIRE(window.showModule(QStringLiteral("bigdata_investigation")));
        desk = window.findChild<QWidget*>(QStringLiteral("bigdata_investigation.desk"));
        REQUIRE(desk);
    }
};

} // namespace

TEST_CASE("Big-data desk: a file imported, the ring model run, the ring confirmed and handed on, by keyboard alone", "[bigdataviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("ana"), QStringLiteral("bigdata_investigation_operator"));
    QTemporaryDir dir;
    hexhub::bigdata::TradeDemo demo;
    const QString csv = tradeCsv(dir.path(), demo);

    MainWindow window(*tp);
    window.resize(1400, 850);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    REQUIRE(window.showModule(QStringLiteral("bigdata_investigation")));
    auto* desk = window.findChild<QWidget*>(QStringLiteral("bigdata_investigation.desk"));
    REQUIRE(desk);
    auto* pages = desk->findChild<QTabWidget*>(QStringLiteral("deskPages"));
    REQUIRE(pages);
    keystrokes = 0;

    // Ctrl+I: the import; the path and Enter read it, the mapping is proposed (phone personal).
    REQUIRE(waitUntil([&] { return desk->isAncestorOf(QApplication::focusWidget()); }));
    key(QApplication::focusWidget(), Qt::Key_I, Qt::ControlModifier);
    QPointer<QDialog> import = modal<QDialog>(QStringLiteral("importDialog"));
    REQUIRE(import);
    QApplication::setActiveWindow(import); // no window manager here to do it
    REQUIRE(QTest::qWaitForWindowActive(import));
    type(import->findChild<QLineEdit*>(QStringLiteral("path")), csv);
    key(import->findChild<QLineEdit*>(QStringLiteral("path")), Qt::Key_Return);
    auto* importButton = import->findChild<QPushButton*>(QStringLiteral("import"));
    REQUIRE(waitUntil([&] { return importButton->isEnabled(); }));
    auto* mapping = import->findChild<QTableWidget*>(QStringLiteral("mapping"));
    REQUIRE(mapping->rowCount() == 9);
    CHECK(mapping->item(2, 0)->text() == QStringLiteral("phone"));
    CHECK(mapping->item(2, 3)->checkState() == Qt::Checked);
    // The provenance by its mnemonics; the name was proposed from the file.
    CHECK(import->findChild<QLineEdit*>(QStringLiteral("name"))->text() == QStringLiteral("listings"));
    key(QApplication::focusWidget(), Qt::Key_O, Qt::AltModifier);
    REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("origin"));
    type(QApplication::focusWidget(), QStringLiteral("Seizure W-TEST-0147"));
    key(QApplication::focusWidget(), Qt::Key_L, Qt::AltModifier);
    REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("legalBasis"));
    type(QApplication::focusWidget(), QStringLiteral("CPL art. 141"));
    key(QApplication::focusWidget(), Qt::Key_I, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return !import || !import->isVisible(); }, 60000)); // closed, then deleted
    CHECK(scalar(tp, QStringLiteral("SELECT record_count FROM bd_datasets WHERE origin = 'Seizure W-TEST-0147' AND state = 'ready'")) == 3000);
    // The new dataset is open on its page.
    CHECK(pages->currentIndex() == 1);
    backToWindow(window);

    // Ctrl+R: the ring model (the library's first) over it; Enter runs.
    desk->setFocus();
    key(QApplication::focusWidget(), Qt::Key_L, Qt::AltModifier);
    CHECK(pages->currentIndex() == 2);
    auto* library = desk->findChild<QListWidget*>(QStringLiteral("library"));
    REQUIRE(waitUntil([&] { return library->count() == 5; }));
    for (int i = 0; i < library->count(); ++i)
        if (library->item(i)->data(Qt::UserRole + 1).toString() == QStringLiteral("shared-identifier-rings"))
            library->setCurrentRow(i);
    library->setFocus();
    key(library, Qt::Key_R, Qt::ControlModifier);
    QPointer<QDialog> run = modal<QDialog>(QStringLiteral("runDialog"));
    REQUIRE(run);
    QApplication::setActiveWindow(run);
    REQUIRE(QTest::qWaitForWindowActive(run));
    auto* runButton = run->findChild<QPushButton*>(QStringLiteral("run"));
    REQUIRE(waitUntil([&] { return runButton->isEnabled(); }));
    key(QApplication::focusWidget(), Qt::Key_Return);
    REQUIRE(waitUntil([&] { return !run || !run->isVisible(); }, 60000));
    backToWindow(window);
    CHECK(pages->currentIndex() == 3); // the run, its hits beside it
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM bd_runs WHERE state = 'finished'")) == 1);

    // Alt+Q: the queue, the ring first, explained beside it.
    key(QApplication::focusWidget(), Qt::Key_Q, Qt::AltModifier);
    auto* queue = desk->findChild<QTableView*>(QStringLiteral("queue"));
    REQUIRE(queue);
    auto* model = qobject_cast<SqlPageModel*>(queue->model());
    REQUIRE(waitUntil([&] { return model->isReady() && model->rowCount() > 0; }));
    queue->setFocus();
    queue->setCurrentIndex(model->index(0, 0));
    auto* title = desk->findChild<QLabel*>(QStringLiteral("hitTitle"));
    REQUIRE(waitUntil([&] { return title->text().contains(QStringLiteral("70")); }));
    auto* ties = desk->findChild<QTreeWidget*>(QStringLiteral("ties"));
    CHECK(ties->topLevelItemCount() == 70);
    const qint64 hit = model->idAt(0);

    // I before C: nothing leaves unconfirmed, and the desk says so.
    key(queue, Qt::Key_I);
    CHECK(desk->findChild<QLabel*>(QStringLiteral("hitMessage"))->text().contains(QStringLiteral("Confirm the hit first")));
    // C: the reason asked, Enter takes it.
    whenModal(QStringLiteral("reasonDialog"), [](QDialog* reason) {
        // The offscreen platform has no window manager to activate a dialog as it opens (keys would
        // meet the main window's shortcuts first): activate it as one would.
        QApplication::setActiveWindow(reason);
        CHECK(QTest::qWaitForWindowActive(reason));
        auto* field = reason->findChild<QLineEdit*>(QStringLiteral("reason"));
        field->setFocus();
        type(field, QStringLiteral("Seventy accounts on shared devices and proxies"));
        key(field, Qt::Key_Return);
    });
    key(queue, Qt::Key_C);
    INFO("the desk says: " << desk->findChild<QLabel*>(QStringLiteral("hitMessage"))->text().toStdString());
    REQUIRE(waitUntil([&] { return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE status = 'confirmed'")) == 1; }));
    backToWindow(window);
    REQUIRE(waitUntil([&] { return desk->findChild<QPushButton*>(QStringLiteral("toIntel"))->isEnabled(); }));
    queue->setFocus();
    key(queue, Qt::Key_I);
    REQUIRE(waitUntil([&] { return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'model_hit.handed_on'")) == 1; }));
    CHECK(scalar(tp, QStringLiteral("SELECT id FROM bd_hits WHERE status = 'handed_on'")) == hit);
    // The keys besides the text typed: Ctrl+I, Enter, Alt+O, Alt+L, Alt+I, Alt+L, Ctrl+R, Enter, Alt+Q, I, C, Enter, I.
    CHECK(keystrokes - int(csv.size()) - 19 - 12 - 46 == 13);

    // P: the hit as a PDF report, where the analyst says; Ctrl+Shift+E: the queue as CSV.
    QTemporaryDir out;
    const auto saveAs = [&](const QString& dialogName, const QString& path) { saveAsInDialog(window, dialogName, path); };
    // The ring left the to-do list when it was handed on: opened again as a link opens it.
    const QJsonObject ring{{QStringLiteral("hit"), double(hit)}};
    REQUIRE(QMetaObject::invokeMethod(desk, "restoreViewState", Q_ARG(QJsonObject, ring)));
    REQUIRE(waitUntil([&] { return desk->findChild<QLabel*>(QStringLiteral("hitTitle"))->text().contains(QStringLiteral("70")); }));
    queue->setFocus();
    key(queue, Qt::Key_P);
    const QString report = out.filePath(QStringLiteral("ring.pdf"));
    saveAs(QStringLiteral("reportDialog"), report);
    auto* hitMessage = desk->findChild<QLabel*>(QStringLiteral("hitMessage"));
    const bool saved = waitUntil([&] { return hitMessage->text().startsWith(QStringLiteral("Report saved")); }, 30000);
    INFO("the desk says: " << hitMessage->text().toStdString() << "; file there: " << QFile::exists(report));
    REQUIRE(saved);
    QFile pdf(report);
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    CHECK(pdf.read(5) == "%PDF-");
    CHECK(pdf.size() > 20'000); // the charts and the rows are in it
    // The closed file dialog took the activation with it; the window manager would give it back.
    window.windowHandle()->requestActivate();
    backToWindow(window);
    queue->setFocus();
    key(queue, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    const QString listed = out.filePath(QStringLiteral("hits.csv"));
    saveAs(QStringLiteral("exportDialog"), listed);
    REQUIRE(waitUntil([&] { return QFile::exists(listed); }));
    QFile csvFile(listed);
    REQUIRE(csvFile.open(QIODevice::ReadOnly));
    const QString exported = QString::fromUtf8(csvFile.readAll());
    CHECK(exported.contains(QStringLiteral("A ring of 70 entities")));
    CHECK(exported.contains(QStringLiteral("handed on")));

    // The dashboard over the last 30 days: the run's hits, the ring handed on, nothing overdue.
    QDockWidget* dock = window.openPanel(QStringLiteral("bigdata_investigation.dashboard"));
    REQUIRE(dock);
    auto* dashboard = dock->findChild<QWidget*>(QStringLiteral("bigdata_investigation.dashboard"));
    REQUIRE(dashboard);
    const qint64 found = scalar(tp, QStringLiteral("SELECT COUNT(*) FROM bd_hits"));
    REQUIRE(waitUntil([&] {
        auto* tile = dashboard->findChild<QLabel*>(QStringLiteral("tile0"));
        return tile && tile->text() == QLocale().toString(found);
    }));
    CHECK(dashboard->findChild<QLabel*>(QStringLiteral("tile3"))->text() == QStringLiteral("1"));
    CHECK(dashboard->findChild<QLabel*>(QStringLiteral("tile2"))->text() == QStringLiteral("0"));
    // A period before the run: nothing found in it.
    auto* period = dashboard->findChild<QComboBox*>(QStringLiteral("period"));
    period->setCurrentIndex(period->count() - 1);
    auto* to = dashboard->findChild<QDateEdit*>(QStringLiteral("to"));
    auto* from = dashboard->findChild<QDateEdit*>(QStringLiteral("from"));
    from->setDate(to->date().addDays(-60));
    to->setDate(to->date().addDays(-40));
    REQUIRE(waitUntil([&] { return dashboard->findChild<QLabel*>(QStringLiteral("tile0"))->text() == QStringLiteral("0"); }));
    CHECK(dashboard->findChild<QLabel*>(QStringLiteral("tile1"))->text() != QStringLiteral("0")); // what waits now does not depend on the period
    period->setCurrentIndex(1);
    window.windowHandle()->requestActivate();
    backToWindow(window);
    desk->setFocus();

    // The editor checks as it is typed: a broken model names its problem.
    key(QApplication::focusWidget(), Qt::Key_L, Qt::AltModifier);
    auto* editor = desk->findChild<QPlainTextEdit*>(QStringLiteral("modelEditor"));
    auto* problems = desk->findChild<QListWidget*>(QStringLiteral("modelProblems"));
    // The parameters' form: a default typed there goes into the model's text, checked as typed; a
    // wrong one is named by its path.
    auto* minMembers = desk->findChild<QLineEdit*>(QStringLiteral("param_min_members"));
    REQUIRE(waitUntil([&] { return minMembers != nullptr || (minMembers = desk->findChild<QLineEdit*>(QStringLiteral("param_min_members"))); }));
    const QString asBundled = minMembers->text();
    minMembers->setFocus();
    minMembers->selectAll();
    type(minMembers, QStringLiteral("60"));
    key(minMembers, Qt::Key_Tab);
    REQUIRE(waitUntil([&] { return editor->toPlainText().contains(QStringLiteral("\"default\": 60")); }));
    REQUIRE(waitUntil([&] { return problems->count() == 0; }));
    minMembers->setFocus();
    minMembers->selectAll();
    type(minMembers, QStringLiteral("1"));
    key(minMembers, Qt::Key_Tab);
    REQUIRE(waitUntil([&] { return problems->count() > 0; }));
    CHECK(problems->item(0)->text().contains(QStringLiteral("parameters.min_members")));
    minMembers->setFocus();
    minMembers->selectAll();
    type(minMembers, asBundled);
    key(minMembers, Qt::Key_Tab);
    REQUIRE(waitUntil([&] { return problems->count() == 0; }));
    editor->setFocus();
    key(editor, Qt::Key_A, Qt::ControlModifier);
    type(editor, QStringLiteral("{\"schema\": 1, \"id\": \"Mine\", \"kind\": \"rings\"}"));
    REQUIRE(waitUntil([&] { return problems->count() > 0; }));
    QStringList lines;
    for (int i = 0; i < problems->count(); ++i)
        lines << problems->item(i)->text();
    CHECK(lines.join(QLatin1Char('\n')).contains(QStringLiteral("id: expected")));
    CHECK(lines.join(QLatin1Char('\n')).contains(QStringLiteral("version: expected")));
    CHECK(!desk->findChild<QPushButton*>(QStringLiteral("saveModel"))->isEnabled());

    // Pictures: a desk opened in each language on the confirmed ring, in both themes.
    SECTION("pictures")
    {
        const QString folder = QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures");
        QDir().mkpath(folder);
        Language language;
        for (const QString& locale : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            REQUIRE(language.set(locale));
            MainWindow pictured(*tp);
            pictured.resize(1400, 850);
            pictured.show();
            REQUIRE(QTest::qWaitForWindowExposed(&pictured));
            REQUIRE(pictured.showModule(QStringLiteral("bigdata_investigation")));
            auto* view = pictured.findChild<QWidget*>(QStringLiteral("bigdata_investigation.desk"));
            const QJsonObject state{{QStringLiteral("hit"), double(hit)}};
            REQUIRE(QMetaObject::invokeMethod(view, "restoreViewState", Q_ARG(QJsonObject, state)));
            auto* shown = view->findChild<QLabel*>(QStringLiteral("hitTitle"));
            REQUIRE(waitUntil([&] { return shown->text().contains(QStringLiteral("70")); }));
            // The queue reads what the model found in today's language, whatever the run's was.
            auto* queueModel = qobject_cast<SqlPageModel*>(view->findChild<QTableView*>(QStringLiteral("queue"))->model());
            REQUIRE(waitUntil([&] { return queueModel->isReady() && queueModel->rowCount() > 0; }));
            const QString stored = await(tp->store().read([hit](Sql& sql) {
                return sql.scalar(QStringLiteral("SELECT summary FROM bd_hits WHERE id = ?"), {hit}).toString();
            }));
            CHECK(stored.startsWith(QStringLiteral("A ring of 70 entities")));
            const QString listed = queueModel->index(0, 2).data().toString();
            if (locale == QLatin1String("en"))
                CHECK(listed == stored);
            else
                CHECK((listed.contains(QStringLiteral("70")) && listed != stored && listed.contains(QString::fromUtf8("团伙"))));
            for (const auto kind : {shell::Theme::Kind::Day, shell::Theme::Kind::Night}) {
                shell::Theme::of(kind).apply(*qApp);
                pictured.setTheme(shell::Theme::of(kind));
                QTest::qWait(50);
                CHECK(pictured.grab().save(QStringLiteral("%1/bigdata-desk-%2-%3.png").arg(folder, shell::Theme::name(kind), locale)));
            }
            // The other pages, in the night theme: the dataset, the library with its editor, the run.
            for (const char* page : {"datasets", "models", "runs"}) {
                const QJsonObject show{{QStringLiteral("page"), QString::fromLatin1(page)}};
                REQUIRE(QMetaObject::invokeMethod(view, "restoreViewState", Q_ARG(QJsonObject, show)));
                auto* table = view->findChild<QTableView*>(QString::fromLatin1(page));
                if (table) {
                    auto* m = qobject_cast<SqlPageModel*>(table->model());
                    REQUIRE(waitUntil([&] { return m->isReady() && m->rowCount() > 0; }));
                    table->setCurrentIndex(m->index(0, 0));
                }
                // What the page shows beside its list has come in.
                const QString detail = QString::fromLatin1(page) == QLatin1String("datasets") ? QStringLiteral("datasetRows")
                    : QString::fromLatin1(page) == QLatin1String("runs")                     ? QStringLiteral("runHits")
                                                                                              : QString();
                if (!detail.isEmpty())
                    REQUIRE(waitUntil([&] { return view->findChild<QTableWidget*>(detail)->rowCount() > 0; }));
                else
                    REQUIRE(waitUntil([&] { return view->findChild<QListWidget*>(QStringLiteral("library"))->count() > 0; }));
                CHECK(pictured.grab().save(QStringLiteral("%1/bigdata-%2-night-%3.png").arg(folder, QString::fromLatin1(page), locale)));
            }
            // The dashboard panel, in both themes.
            QDockWidget* board = pictured.openPanel(QStringLiteral("bigdata_investigation.dashboard"));
            REQUIRE(board);
            board->setFloating(true);
            board->resize(900, 640);
            REQUIRE(waitUntil([&] {
                auto* tile = board->findChild<QLabel*>(QStringLiteral("tile0"));
                return tile && !tile->text().isEmpty() && tile->text() != QStringLiteral("0");
            }));
            for (const auto kind : {shell::Theme::Kind::Day, shell::Theme::Kind::Night}) {
                shell::Theme::of(kind).apply(*qApp);
                pictured.setTheme(shell::Theme::of(kind));
                QTest::qWait(50);
                CHECK(board->grab().save(QStringLiteral("%1/bigdata-dashboard-%2-%3.png").arg(folder, shell::Theme::name(kind), locale)));
            }
        }
        REQUIRE(language.set(QStringLiteral("en")));
    }

    SECTION("purge")
    {
        // The purge from the palette acts on this desk and says what it did: nothing is past its date,
        // then the dataset is (its retention date moved back a year, as time would), and it goes.
        backToWindow(window);
        runPaletteCommand(window, QStringLiteral("Purge datasets past their retention date"));
        auto* note = desk->findChild<QLabel*>(QStringLiteral("datasetsNote"));
        REQUIRE(note);
        REQUIRE(waitUntil([&] { return note->text().contains(QStringLiteral("No dataset is past its retention date")); }));
        CHECK(pages->currentIndex() == 1);
        await(tp->store().write(WriteContext{QStringLiteral("test"), QStringLiteral("test"), {}}, [](WriteTransaction& txn) {
            txn.exec(QStringLiteral("UPDATE bd_datasets SET retain_until = retain_until - ?"), {qint64(400) * 86'400'000});
        }));
        runPaletteCommand(window, QStringLiteral("Purge datasets past their retention date"));
        REQUIRE(waitUntil([&] { return note->text().startsWith(QStringLiteral("1 dataset")) && note->text().contains(QStringLiteral("removed")); }));
        CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM bd_datasets")) == 0);
        CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'dataset.purged'")) == 1);
    }
}

TEST_CASE("Big-data desk: a snapshot of the hub's incidents taken as a dataset by keyboard", "[bigdataviews][snapshot]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("ana"), QStringLiteral("bigdata_investigation_operator"));
    const qint64 now = tp->clock().nowMs();
    await(tp->store().write(WriteContext{QStringLiteral("hub"), QStringLiteral("test"), {}}, [now](WriteTransaction& txn) {
        for (int i = 1; i <= 3; ++i)
            txn.exec(QStringLiteral("INSERT INTO hub_incidents (number, status, priority, category, source, summary, reporter_contact, created_at, "
                                    "updated_at) VALUES (?, 'new', 2, 'theft', 'call', 'Bag snatched', '13800138000', ?, ?)"),
                     {QStringLiteral("2026-00000%1").arg(i), now - i * 86'400'000LL, now - i * 86'400'000LL});
    }));
    DeskWindow w(tp);
    QWidget* desk = w.desk;
    REQUIRE(waitUntil([&] { return desk->isAncestorOf(QApplication::focusWidget()); }));

    // Ctrl+Shift+I: the records (the hub's incidents, the first it may take), the last 30 days,
    // the provenance proposed; the legal basis typed; Alt+I imports.
    key(QApplication::focusWidget(), Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
    QPointer<QDialog> dialog = modal<QDialog>(QStringLiteral("snapshotDialog"));
    REQUIRE(dialog);
    QApplication::setActiveWindow(dialog);
    REQUIRE(QTest::qWaitForWindowActive(dialog));
    auto* source = dialog->findChild<QComboBox*>(QStringLiteral("source"));
    REQUIRE(source->currentData().toString() == QStringLiteral("hub.incidents"));
    CHECK(dialog->findChild<QLineEdit*>(QStringLiteral("name"))->text().startsWith(QStringLiteral("Incidents, ")));
    CHECK(dialog->findChild<QLineEdit*>(QStringLiteral("origin"))->text() == QStringLiteral("Hexhub: Incidents"));
    CHECK(!dialog->findChild<QTableWidget*>(QStringLiteral("mapping"))->isVisible());
    key(QApplication::focusWidget(), Qt::Key_L, Qt::AltModifier);
    REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("legalBasis"));
    type(QApplication::focusWidget(), QStringLiteral("Police Law art. 6: analysis of reported crime"));
    key(QApplication::focusWidget(), Qt::Key_I, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return !dialog || !dialog->isVisible(); }, 60000));
    CHECK(scalar(tp, QStringLiteral("SELECT record_count FROM bd_datasets WHERE origin = 'Hexhub: Incidents' AND state = 'ready'")) == 3);
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM bd_dataset_rows WHERE cells LIKE '%13800138000%'")) == 0);

    // Its pictures, in both themes and both languages, opened as the analyst opens it.
    inEveryLook([&](const QString&, const shell::Theme& theme, const QString& suffix) {
        w.window.setTheme(theme);
        backToWindow(w.window);
        desk->setFocus();
        key(QApplication::focusWidget(), Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        QPointer<QDialog> shown = modal<QDialog>(QStringLiteral("snapshotDialog"));
        REQUIRE(shown);
        REQUIRE(waitUntil([&] { return shown->findChild<QComboBox*>(QStringLiteral("source"))->count() >= 3; }));
        CHECK(shown->grab().save(picturesFolder() + QStringLiteral("/bigdata-snapshot-") + suffix));
        shown->reject();
        REQUIRE(waitUntil([&] { return !shown || !shown->isVisible(); }));
    });
}

TEST_CASE("Big-data desk: the labelling loop by keyboard: Y and N on a run's pairs, W learns the weights again", "[bigdataviews][labels]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("ana"), QStringLiteral("bigdata_investigation_operator"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("people.csv"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("name,id_number,phone,birth_date\n"
                "DEMO Zorvek Quilmabu,990000199001011234,100-5550-0001,1990-01-01\n"
                "DEMO Zorvek Quilmaba,990000199001011234,10055500001,1990-01-01\n"
                "DEMO Pella Vorn,990000199001011234,100-5550-0999,1990-01-01\n");
    }
    hexhub::bigdata::DatasetService datasets(tp->store(), tp->session(), tp->audit());
    hexhub::bigdata::ModelService models(tp->store(), tp->session(), tp->audit(), datasets);
    using hexhub::bigdata::ColumnSpec;
    using hexhub::bigdata::ColumnType;
    const auto people = await(datasets.importFile(path, {}, {{QStringLiteral("name")}, {QStringLiteral("id_number"), ColumnType::IdNumber, {}, true},
                                                             {QStringLiteral("phone"), ColumnType::Phone, {}, true}, {QStringLiteral("birth_date")}},
                                                  {QStringLiteral("People"), QStringLiteral("Register extract"), QStringLiteral("CPL art. 141"),
                                                   tp->clock().nowMs() + 86'400'000LL * 365}),
                              60000);
    const auto model = hexhub::bigdata::findModel(QStringLiteral("same-person"), nullptr);
    REQUIRE(model);
    QMap<QString, QJsonValue> given;
    given.insert(QStringLiteral("threshold"), 0.01);
    const auto run = await(models.run(*model, given, people.id), 60000);
    REQUIRE(run.hitCount >= 2);

    DeskWindow w(tp);
    QWidget* desk = w.desk;
    auto* queue = desk->findChild<QTableView*>(QStringLiteral("queue"));
    auto* model0 = qobject_cast<SqlPageModel*>(queue->model());
    REQUIRE(waitUntil([&] { return model0->isReady() && model0->rowCount() >= 2; }));
    queue->setFocus();
    queue->setCurrentIndex(model0->index(0, 0));
    auto* message = desk->findChild<QLabel*>(QStringLiteral("hitMessage"));
    REQUIRE(waitUntil([&] { return desk->findChild<QLabel*>(QStringLiteral("hitTitle"))->text().contains(QStringLiteral("Lines")); }));
    key(queue, Qt::Key_Y);
    REQUIRE(waitUntil([&] { return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE label = 'same'")) == 1; }));
    REQUIRE(waitUntil([&] { return message->text().startsWith(QStringLiteral("Answer kept")); }));
    QTest::keyClick(queue, Qt::Key_Down);
    const QString second = QStringLiteral("Hit %1:").arg(model0->idAt(1));
    REQUIRE(waitUntil([&] { return desk->findChild<QLabel*>(QStringLiteral("hitTitle"))->text().startsWith(second); }));
    key(queue, Qt::Key_N);
    REQUIRE(waitUntil([&] { return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE label = 'different'")) == 1; }));
    key(queue, Qt::Key_W);
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("version 2")); }, 30000));
    CHECK(scalar(tp, QStringLiteral("SELECT MAX(version) FROM bd_model_versions WHERE model_id = 'same-person'")) == 2);
}

TEST_CASE("Big-data desk: a task the hub routes to the centre is on the analyst's desk, accepted and done by keyboard", "[bigdataviews][tasks]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    // The hub's supervisor gives the centre a task; then the analyst signs in.
    signInAs(tp, QStringLiteral("chief"), QStringLiteral("hub_supervisor"));
    hexhub::TaskService tasks(tp->store(), tp->session(), tp->audit());
    hexhub::NewTask n;
    n.assignee = QStringLiteral("bigdata_investigation");
    n.title = QStringLiteral("Check the seized export for the phone 100-5550-0147");
    const hexhub::Task issued = await(tasks.issue(n));
    signInAs(tp, QStringLiteral("ana"), QStringLiteral("bigdata_investigation_operator"));
    DeskWindow w(tp);
    // The hub's Tasks panel, beside the desk: the centre's open tasks, answered from here by keys on
    // its list (A accept, P progress, D done, L decline: the desk's own Alt keys stay the desk's).
    QDockWidget* dock = w.window.openPanel(QStringLiteral("hub.tasks"));
    REQUIRE(dock);
    auto* list = dock->findChild<QListWidget*>(QStringLiteral("tasks"));
    REQUIRE(list);
    REQUIRE(waitUntil([&] { return list->count() == 1; }));
    CHECK(list->item(0)->text().contains(QStringLiteral("100-5550-0147")));
    QApplication::setActiveWindow(&w.window);
    list->setFocus();
    list->setCurrentRow(0);
    key(list, Qt::Key_A); // accept
    REQUIRE(waitUntil([&] { return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM hub_tasks WHERE status = 'accepted'")) == 1; }));
    REQUIRE(waitUntil([&] { return list->count() == 1 && list->currentRow() == 0; }));
    list->setCurrentRow(0);
    key(list, Qt::Key_D); // done
    REQUIRE(waitUntil([&] { return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM hub_tasks WHERE status = 'done'")) == 1; }));
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM events WHERE topic LIKE 'task.%' AND actor = 'ana'")) >= 2);
    CHECK(issued.id > 0);
}
