// The hub's incident board through the real main window and the real hub plugin: an incident is
// created, dispatched, noted and changed with the keyboard alone; the board and the incident are
// rendered to PNG in both themes and both languages for a person to look at.
#include "hubviewtest.h"

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::shell;
using namespace hexhub::test::hubviews;

namespace {

// F2 on the board: the new-incident form, once its categories and the district's places are there.
QDialog* newIncidentForm(MainWindow& window)
{
    key(&window, Qt::Key_F2);
    auto* form = modal<QDialog>(QStringLiteral("hub.incidentForm"));
    REQUIRE(form);
    auto* category = form->findChild<QLineEdit*>(QStringLiteral("category"));
    auto* place = form->findChild<ChoiceField*>(QStringLiteral("placeField"));
    REQUIRE(waitUntil([&] { return category->isEnabled() && !place->noteLabel()->isVisible(); }));
    return form;
}

// Types into the category field and leaves it with Tab, as a call-taker does.
void chooseCategory(QDialog* form, const QString& letters)
{
    auto* category = form->findChild<QLineEdit*>(QStringLiteral("category"));
    category->setFocus();
    type(category, letters);
    key(category, Qt::Key_Tab);
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
    QDialog* form = newIncidentForm(window);
    QWidget* focus = QApplication::focusWidget();
    REQUIRE(focus->objectName() == QStringLiteral("summary"));
    type(focus, QStringLiteral("Two people on the roof edge"));
    // The summary's words suggest the category, with the words that did; nothing is taken for the
    // call-taker: Tab through the field leaves it empty, Down moves onto the suggestion.
    auto* categoryField = form->findChild<ChoiceField*>(QStringLiteral("categoryField"));
    key(focus, Qt::Key_Tab);
    REQUIRE(QApplication::focusWidget() == categoryField->lineEdit());
    REQUIRE(categoryField->candidates()->count() == 1);
    CHECK(categoryField->candidates()->currentRow() == -1);
    CHECK(categoryField->noteLabel()->text().contains(QStringLiteral("\u201croof\u201d")));
    CHECK_FALSE(categoryField->chosen());
    key(QApplication::focusWidget(), Qt::Key_Down);
    key(QApplication::focusWidget(), Qt::Key_Tab);
    REQUIRE(categoryField->chosen());
    CHECK(categoryField->chosen()->value.toString() == QStringLiteral("rooftop_rescue"));
    // The category proposes its priority.
    CHECK(form->findChild<QComboBox*>(QStringLiteral("priority"))->currentData().toInt() == 1);
    // The place as the caller says it: the landmark is found and shown; Enter takes it and creates.
    REQUIRE(QApplication::focusWidget()->objectName() == QStringLiteral("address"));
    type(QApplication::focusWidget(), QStringLiteral("Harbour Tower"));
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

    // I: sent to criminal intelligence, asking what to look at; its lead is linked on the timeline.
    backToWindow(window);
    table->setFocus();
    whenModal(QStringLiteral("reasonDialog"), [](QDialog* ask) {
        QApplication::setActiveWindow(ask);
        CHECK(QTest::qWaitForWindowActive(ask));
        auto* field = ask->findChild<QLineEdit*>(QStringLiteral("reason"));
        field->setFocus();
        type(field, QStringLiteral("Same people as last month's rooftop protest?"));
        key(field, Qt::Key_Return);
    });
    key(table, Qt::Key_I);
    REQUIRE(waitUntil([&] {
        return !timeline->findItems(QStringLiteral("Linked to lead L-"), Qt::MatchContains).isEmpty();
    }));
    CHECK(await(tp->store().read([](Sql& sql) {
              return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE source_kind = 'incident' AND details = "
                                               "'Same people as last month''s rooftop protest?'")).toInt();
          })) == 1);

    // Typed text aside, F2 to dispatched: F2, Tab, Down, Tab, Enter, D, Enter.
    const int typed = int(QStringLiteral("Two people on the roof edge").size() + QStringLiteral("Harbour Tower").size());
    INFO("keys besides the typed text: " << createAndDispatchKeys - typed);
    CHECK(createAndDispatchKeys - typed == 7);
    // The incident is where the landmark is.
    const Incident made = await(IncidentService(tp->store(), tp->session(), tp->audit()).get(id));
    CHECK(made.location.address == QStringLiteral("Harbour Tower"));
    REQUIRE(made.location.point);
    CHECK(made.location.point->distanceTo(kTower) < 1);
}

TEST_CASE("Hub board: the form takes no category for the call-taker, and the priority is one key", "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    MainWindow window(*tp);
    showHub(window);
    QDialog* form = newIncidentForm(window);
    auto* categoryField = form->findChild<ChoiceField*>(QStringLiteral("categoryField"));
    QLineEdit* category = categoryField->lineEdit();
    CHECK_FALSE(categoryField->chosen());
    type(QApplication::focusWidget(), QStringLiteral("Car hit a lamp post"));
    // Enter without a category says to choose one, and goes there; nothing is created.
    key(QApplication::focusWidget(), Qt::Key_Return);
    REQUIRE(QApplication::focusWidget() == category);
    CHECK(form->findChild<QLabel*>(QStringLiteral("message"))->text().contains(QStringLiteral("Choose the category")));
    CHECK(QApplication::activeModalWidget() == form);
    // A digit in the priority box, and Alt with a digit anywhere in the form.
    auto* priority = form->findChild<QComboBox*>(QStringLiteral("priority"));
    priority->setFocus();
    key(priority, Qt::Key_2);
    CHECK(priority->currentData().toInt() == 2);
    category->setFocus();
    key(category, Qt::Key_4, Qt::AltModifier);
    CHECK(priority->currentData().toInt() == 4);
    // Letters of a word of the name find it; Tab with the first one highlighted takes it. The
    // priority set by hand stays: the category's own is proposed only while none was chosen.
    type(category, QStringLiteral("acc"));
    REQUIRE(categoryField->candidates()->count() >= 1);
    CHECK(categoryField->candidates()->item(0)->text().startsWith(QStringLiteral("Traffic accident")));
    key(category, Qt::Key_Tab);
    REQUIRE(categoryField->chosen());
    CHECK(categoryField->chosen()->value.toString() == QStringLiteral("traffic_accident"));
    CHECK(priority->currentData().toInt() == 4);
    // Typing over a chosen category un-chooses it; a name that fits none is said so on Enter.
    category->setFocus();
    category->selectAll();
    type(category, QStringLiteral("zzz"));
    CHECK_FALSE(categoryField->chosen());
    CHECK(categoryField->candidates()->count() == 0);
    key(category, Qt::Key_Return);
    CHECK(form->findChild<QLabel*>(QStringLiteral("message"))->text().contains(QStringLiteral("zzz")));
    CHECK(QApplication::activeModalWidget() == form);
    form->reject();
}

TEST_CASE("Hub board: the place is typed as a caller says it and found in the district", "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    MainWindow window(*tp);
    showHub(window);
    QDialog* form = newIncidentForm(window);
    auto* place = form->findChild<ChoiceField*>(QStringLiteral("placeField"));
    auto* position = form->findChild<QLineEdit*>(QStringLiteral("position"));
    QLineEdit* address = place->lineEdit();

    // A street and number: found as typed, placed along the street, taken by leaving the field.
    address->setFocus();
    type(address, QStringLiteral("141 Orch"));
    REQUIRE(place->candidates()->count() >= 1);
    CHECK(place->candidates()->currentRow() == 0);
    CHECK(place->candidates()->item(0)->text().startsWith(QStringLiteral("141 Orchard Road")));
    key(address, Qt::Key_Tab);
    REQUIRE(place->chosen());
    CHECK(address->text() == QStringLiteral("141 Orchard Road"));
    const QStringList at = position->text().split(QStringLiteral(", "));
    REQUIRE(at.size() == 2);
    CHECK(GeoPoint{at[0].toDouble(), at[1].toDouble()}.distanceTo(GeoPoint{31.2448, 121.4548}) == Approx(1400).margin(5));

    // A crossing, the second street's first letters; Down moves on the candidates.
    address->setFocus();
    address->selectAll();
    type(address, QStringLiteral("Elm Rd / "));
    REQUIRE(place->candidates()->count() >= 2);
    key(address, Qt::Key_Down);
    const QString second = place->candidates()->item(1)->text();
    key(address, Qt::Key_Tab);
    REQUIRE(place->chosen());
    CHECK(second.startsWith(address->text()));
    CHECK(address->text().startsWith(QStringLiteral("Elm Road / ")));

    // Words added after the place taken keep its position.
    const QString crossingPosition = position->text();
    address->setFocus();
    address->end(false);
    type(address, QStringLiteral(", north corner"));
    key(address, Qt::Key_Tab);
    CHECK(address->text().endsWith(QStringLiteral(", north corner")));
    CHECK(position->text() == crossingPosition);
    CHECK(place->noteLabel()->text().contains(QStringLiteral("with your words added")));

    // Typing over the place takes its position away with it; an unknown place is allowed, and said.
    address->setFocus();
    address->selectAll();
    type(address, QStringLiteral("Behind the old cinema"));
    CHECK(position->text().isEmpty());
    CHECK(place->candidates()->count() == 0);
    CHECK(place->noteLabel()->isVisible());
    CHECK(place->noteLabel()->text().contains(QStringLiteral("Not on the district's map")));
    key(address, Qt::Key_Tab);
    CHECK_FALSE(place->chosen());
    CHECK(address->text() == QStringLiteral("Behind the old cinema"));
    form->reject();
}

TEST_CASE("Hub board: nothing takes the keyboard from the operator: toasts, new incidents, updating panels, dialogs closing",
          "[hubviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    MainWindow window(*tp);
    showHub(window);
    auto* table = window.findChild<QTableView*>(QStringLiteral("board"));
    auto* model = qobject_cast<SqlPageModel*>(table->model());
    IncidentService incidents(tp->store(), tp->session(), tp->audit());
    auto call = [&](int priority, const QString& summary) {
        NewIncident n;
        n.priority = priority;
        n.category = QStringLiteral("fire");
        n.summary = summary;
        n.location = Location{QStringLiteral("Harbour Tower"), kTower};
        return await(incidents.create(n)).id;
    };
    const qint64 mine = call(3, QStringLiteral("Smoke in a stairwell"));
    // Its row read, not only counted: the operator chooses the incident, not an empty row.
    REQUIRE(waitUntil([&] { return model->rowCount() == 1 && model->idAt(0) == mine; }));
    table->setFocus();
    table->setCurrentIndex(model->index(0, 0));
    REQUIRE(table->hasFocus());
    auto* timeline = window.findChild<QListWidget*>(QStringLiteral("timeline"));

    // Other desks' calls, priority ones among them: the board, the panel and the notifications
    // update, a toast shows; the keyboard and the selection stay where the operator left them.
    for (int i = 0; i < 3; ++i)
        call(1, QStringLiteral("Fire in a kitchen %1").arg(i));
    REQUIRE(waitUntil([&] { return model->rowCount() == 4 && window.toast()->isVisible(); }));
    INFO("selected " << model->idAt(table->currentIndex().row()) << ", mine " << mine);
    CHECK(model->idAt(table->currentIndex().row()) == mine);
    await(incidents.addNote(mine, QStringLiteral("Caretaker on his way")));
    REQUIRE(waitUntil([&] { return !timeline->findItems(QStringLiteral("Caretaker"), Qt::MatchContains).isEmpty(); }));
    CHECK(QApplication::focusWidget() == table);
    CHECK(QApplication::activeWindow() == &window);
    CHECK(model->idAt(table->currentIndex().row()) == mine);

    // A dialog closing hands the keyboard back to where it was.
    key(table, Qt::Key_N);
    auto* note = modal<QInputDialog>(QStringLiteral("hub.noteDialog"));
    REQUIRE(note);
    REQUIRE(waitUntil([&] { return note->findChild<QLineEdit*>()->hasFocus(); }));
    key(QApplication::focusWidget(), Qt::Key_Escape);
    REQUIRE(waitUntil([&] { return QApplication::activeModalWidget() == nullptr; }));
    backToWindow(window);
    CHECK(QApplication::focusWidget() == table);
    key(table, Qt::Key_F2);
    auto* form = modal<QDialog>(QStringLiteral("hub.incidentForm"));
    REQUIRE(form);
    REQUIRE(waitUntil([&] { return form->findChild<QLineEdit*>(QStringLiteral("summary"))->hasFocus(); }));
    key(QApplication::focusWidget(), Qt::Key_Escape);
    REQUIRE(waitUntil([&] { return QApplication::activeModalWidget() == nullptr; }));
    backToWindow(window);
    CHECK(QApplication::focusWidget() == table);
    CHECK(model->idAt(table->currentIndex().row()) == mine);
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
    QDialog* form = newIncidentForm(window);
    chooseCategory(form, QStringLiteral("rooftop"));
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

    // Meanwhile another desk raises the priority and adds a note: neither touches what this operator
    // changes, so the save goes on top of them.
    IncidentEdit other;
    other.priority = 2;
    await(incidents.edit(created, other));
    await(incidents.addNote(created.id, QStringLiteral("Second caller: alarm still ringing")));

    key(summary, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return QApplication::activeModalWidget() == nullptr; }));
    Incident now = await(incidents.get(created.id));
    CHECK(now.summary == QStringLiteral("Shop window smashed, two men seen running to the canal"));
    CHECK(now.priority == 2);
    CHECK(now.version == created.version + 3);

    // E again, once the board shows the saved row; this time another desk rewrites the summary too
    // before the operator saves.
    auto* details = panel->findChild<QLabel*>(QStringLiteral("details"));
    REQUIRE(waitUntil([&] { return details->text().contains(QStringLiteral("running to the canal")); }));
    backToWindow(window);
    table->setFocus();
    table->selectRow(0);
    REQUIRE(waitUntil([&] { return edit->isEnabled(); }));
    key(table, Qt::Key_E);
    form = modal<QDialog>(QStringLiteral("hub.incidentEdit"));
    REQUIRE(form);
    summary = form->findChild<QLineEdit*>(QStringLiteral("summary"));
    REQUIRE(waitUntil([&] { return summary->hasFocus(); }));
    CHECK(summary->text() == QStringLiteral("Shop window smashed, two men seen running to the canal"));
    summary->selectAll();
    type(summary, QStringLiteral("Shop window smashed, two men ran to the canal towpath"));
    IncidentEdit rewrite;
    rewrite.summary = QStringLiteral("Window smashed at 41 Market Lane");
    rewrite.priority = 1;
    await(incidents.edit(now, rewrite));

    key(summary, Qt::Key_Return);
    auto* message = form->findChild<QLabel*>(QStringLiteral("message"));
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("Someone else changed")); }));
    CHECK(QApplication::activeModalWidget() == form);
    CHECK(summary->text() == QStringLiteral("Shop window smashed, two men ran to the canal towpath")); // kept
    CHECK(form->findChild<QComboBox*>(QStringLiteral("priority"))->currentData().toInt() == 1);   // theirs, shown
    key(summary, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return QApplication::activeModalWidget() == nullptr; }));
    now = await(incidents.get(created.id));
    CHECK(now.summary == QStringLiteral("Shop window smashed, two men ran to the canal towpath"));
    CHECK(now.priority == 1);
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
            auto* category = form->findChild<QLineEdit*>(QStringLiteral("category"));
            auto* place = form->findChild<ChoiceField*>(QStringLiteral("placeField"));
            REQUIRE(waitUntil([&] { return category->isEnabled() && !place->noteLabel()->isVisible(); }));
            auto* summary = form->findChild<QLineEdit*>(QStringLiteral("summary"));
            summary->setFocus();
            type(summary, QStringLiteral("Smoke from a third-floor window"));
            key(summary, Qt::Key_Tab);
            key(category, Qt::Key_Down); // the suggestion, from "smoke"
            key(category, Qt::Key_Tab);
            CHECK(form->findChild<ChoiceField*>(QStringLiteral("categoryField"))->chosen());
            type(place->lineEdit(), QStringLiteral("22 Canal R"));
            CHECK(place->candidates()->count() >= 1);
            key(place->lineEdit(), Qt::Key_Tab);
            REQUIRE(place->chosen());
            CHECK_FALSE(form->findChild<QPushButton*>(QStringLiteral("merge"))->isVisible()); // nothing to add to yet
            QTest::qWait(50);
            REQUIRE(form->grab().save(QStringLiteral("%1/hub-incident-form-%2-%3.png").arg(folder, Theme::name(kind), locale)));
            form->reject();
        }
    }
    Theme::day().apply(*qApp);
}
