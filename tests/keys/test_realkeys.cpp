// Call-taking proven with real keys (issue 19 section 3): the real `hexhub` under Xvfb with a window
// manager, driven by xdotool with no mouse event at all; what happened is read from the desk's store.
// Each step waits for what a person would see before going on (the form's window, the dispatch
// window); keys typed into a window go wherever its focus really is.
#include "realkeys.h"

#include "testsupport.h"

#include "hexhub/bigdata_investigation/tradedemo.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace hexhub::test;
using namespace hexhub::test::keys;

namespace {

struct Call
{
    QString summary;
    QList<QString> categoryKeys; //!< what is pressed in the category field ("Down" for the suggestion)
    QString categoryLetters;     //!< or the letters typed there
    QString priorityKey;         //!< "" to keep what the category proposes
    QString place;
    QString category;            //!< expected
    int priority;                //!< expected
    QString address;             //!< expected, as stored
};

// The store's answer once `condition` holds, or a failure with a picture of the screen.
void expectStore(const XSession& x, const StoreReader& store, const QString& sql, const QVariantList& params, const QString& what,
                 const QString& picture)
{
    const bool held = waitUntil([&] { return store.scalar(sql, params).toLongLong() > 0; }, 30000);
    if (!held)
        x.screenshot(picture);
    INFO(what.toStdString() << " (screen: " << picture.toStdString() << ")");
    REQUIRE(held);
}

// A desk with an administrator and `user` (of `role`, signing in with `password`) made by the
// program's own commands, started on `url`, its sign-in window up.
void startWithUser(const XSession& x, Desk& desk, const QString& url, const QString& user, const QString& role, const QByteArray& password,
                   const QString& picture)
{
    REQUIRE(desk.command({QStringLiteral("--store"), url, QStringLiteral("--create-admin"), QStringLiteral("chief")}, "A-long-Passw0rd\n") == 0);
    REQUIRE(desk.command({QStringLiteral("--store"), url, QStringLiteral("--add-user"), user, QStringLiteral("--role"), role}, password + '\n') == 0);
    desk.start({QStringLiteral("--store"), url});
    if (!x.waitForActiveWindow(QStringLiteral("Sign in to Hexhub"), 60000))
        x.screenshot(picture);
    REQUIRE(x.activeWindow() == QStringLiteral("Sign in to Hexhub"));
}

// Signs `user` in with `password` on the sign-in window, by keys, and waits for the main window.
void signInByKeys(const XSession& x, Keyboard& keyboard, const QString& user, const QString& password, const QString& picture)
{
    keyboard.type(user);
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(password);
    keyboard.press(QStringLiteral("Return"));
    if (!x.waitForActiveWindow(QStringLiteral("Hexhub"), 60000))
        x.screenshot(picture);
    REQUIRE(x.activeWindow() == QStringLiteral("Hexhub"));
}

} // namespace

TEST_CASE("Real keys under Xvfb: three calls on the demo desk, from F2 to dispatched and noted, by keyboard alone",
          "[xvfb][keys]")
{
    // Two monitors: the demo opens a wall on the second, which must not take the keyboard.
    XSession x(2);
    QTemporaryDir home;
    Desk desk(x, home.path());
    Keyboard keyboard(x);
    const QString pictures = QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures");
    QDir().mkpath(pictures);

    desk.start({QStringLiteral("--demo")});
    // The demo's history is written at the first start; the desk is there once its window has the
    // focus, and its wall on the second monitor did not take it.
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub"), 180000));
    REQUIRE(waitUntil([&] { return x.hasWindow(QStringLiteral("Hexhub wall")); }, 60000));
    CHECK(x.activeWindow() == QStringLiteral("Hexhub"));
    StoreReader store(desk.demoStore());
    REQUIRE(waitUntil([&] { return store.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_units")).toLongLong() > 0; }, 60000));

    const QList<Call> calls = {
        // A landmark; the category suggested by the summary's words, taken by moving onto it.
        {QStringLiteral("Smoke pouring out of a kitchen window"), {QStringLiteral("Down")}, {}, {}, QStringLiteral("City Hospital"),
         QStringLiteral("fire"), 1, QStringLiteral("City Hospital")},
        // A street and number; the category by its first letters, the priority set by hand.
        {QStringLiteral("Man sitting on a parapet, will not come down"), {}, QStringLiteral("roof"), QStringLiteral("alt+1"),
         QStringLiteral("141 Orchard Road"), QStringLiteral("rooftop_rescue"), 1, QStringLiteral("141 Orchard Road")},
        // A crossing, the second street by its first letters.
        {QStringLiteral("Unattended suitcase at the bus stop"), {}, QStringLiteral("susp"), QStringLiteral("alt+1"),
         QStringLiteral("Elm Road / Mill"), QStringLiteral("suspicious_item"), 1, QStringLiteral("Elm Road / Mill Street")},
    };
    const qint64 before = store.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM hub_incidents")).toLongLong();
    int step = 0;
    for (const Call& call : calls) {
        ++step;
        const QString picture = QStringLiteral("%1/realkeys-call-%2.png").arg(pictures).arg(step);
        INFO("call " << step << ": " << call.summary.toStdString());
        REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));
        keyboard.resetCount();

        keyboard.press(QStringLiteral("F2"));
        REQUIRE(x.waitForActiveWindow(QStringLiteral("New incident")));
        keyboard.type(call.summary);
        keyboard.press(QStringLiteral("Tab"));
        for (const QString& k : call.categoryKeys)
            keyboard.press(k);
        if (!call.categoryLetters.isEmpty())
            keyboard.type(call.categoryLetters);
        keyboard.press(QStringLiteral("Tab"));
        if (!call.priorityKey.isEmpty())
            keyboard.press(call.priorityKey);
        keyboard.type(call.place);
        keyboard.press(QStringLiteral("Return"));
        if (!x.waitForActiveWindow(QStringLiteral("Hexhub")))
            x.screenshot(picture);
        REQUIRE(x.activeWindow() == QStringLiteral("Hexhub"));
        expectStore(x, store,
                    QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE id > ? AND summary = ? AND category = ? AND priority = ? "
                                   "AND address = ? AND latitude IS NOT NULL"),
                    {before, call.summary, call.category, call.priority, call.address}, QStringLiteral("the incident as called in"),
                    picture);

        // The board has the new incident selected and the keyboard: D, then Enter dispatches.
        keyboard.press(QStringLiteral("d"));
        if (!x.waitForActiveWindow(QStringLiteral("Dispatch")))
            x.screenshot(picture);
        REQUIRE(x.activeWindow() == QStringLiteral("Dispatch"));
        keyboard.press(QStringLiteral("Return"));
        expectStore(x, store,
                    QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE id > ? AND summary = ? AND status = 'dispatched'"),
                    {before, call.summary}, QStringLiteral("the incident dispatched"), picture);
        const int keys = keyboard.keys();
        INFO("keys from F2 to dispatched besides the text typed: " << keys);
        CHECK(keys <= 7);

        // N: a note on its timeline.
        REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));
        keyboard.press(QStringLiteral("n"));
        REQUIRE(x.waitForActiveWindow(QStringLiteral("Note")));
        const QString note = QStringLiteral("Caller %1 called back, still there").arg(step);
        keyboard.type(note);
        keyboard.press(QStringLiteral("Return"));
        expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'incident.note' AND payload LIKE ?"),
                    {QStringLiteral("%") + note + QStringLiteral("%")}, QStringLiteral("the note on the timeline"), picture);
    }
    x.screenshot(pictures + QStringLiteral("/realkeys-demo-after-three-calls.png")); // for a person to look at
    REQUIRE(desk.quit(keyboard));
}

TEST_CASE("Real keys under Xvfb: a normal desk is signed in to by keyboard, refused a wrong password, and takes a call",
          "[xvfb][keys]")
{
    XSession x;
    QTemporaryDir home;
    Desk desk(x, home.path());
    Keyboard keyboard(x);
    const QString storePath = home.filePath(QStringLiteral("desk.db"));
    const QString url = QStringLiteral("sqlite://") + storePath;
    const QString picture = QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/realkeys-signin.png");
    QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
    startWithUser(x, desk, url, QStringLiteral("desk7"), QStringLiteral("hub_supervisor"), "Green-Lantern-4711", picture);
    StoreReader store(storePath);

    // A wrong password: refused, said, the sign-in stays, the refusal on the audit trail.
    keyboard.type(QStringLiteral("desk7"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("not-the-password"));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'session.login' AND object LIKE '%desk7%' "
                                         "AND outcome <> 'success'"), {},
                QStringLiteral("the refused sign-in on the audit trail"), picture);
    REQUIRE(x.activeWindow() == QStringLiteral("Sign in to Hexhub"));

    // The password again (the focus is back in it, its text selected), and the desk opens.
    keyboard.type(QStringLiteral("Green-Lantern-4711"));
    keyboard.press(QStringLiteral("Return"));
    if (!x.waitForActiveWindow(QStringLiteral("Hexhub"), 60000))
        x.screenshot(picture);
    REQUIRE(x.activeWindow() == QStringLiteral("Hexhub"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'session.login' AND actor = 'desk7' "
                                         "AND outcome = 'success'"), {},
                QStringLiteral("the sign-in on the audit trail"), picture);

    // A call at a crossing, the category by its letters.
    keyboard.press(QStringLiteral("F2"));
    REQUIRE(x.waitForActiveWindow(QStringLiteral("New incident")));
    keyboard.type(QStringLiteral("Two cars collided, one on its side"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("traf"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("Oak Rd & Heron"));
    keyboard.press(QStringLiteral("Return"));
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));
    expectStore(x, store,
                QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE category = 'traffic_accident' AND priority = 2 "
                               "AND address = 'Oak Road / Heron Street' AND latitude IS NOT NULL"),
                {}, QStringLiteral("the incident"), picture);
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'incident.created' AND actor = 'desk7'"), {},
                QStringLiteral("its creation, by desk7"), picture);
    keyboard.press(QStringLiteral("n"));
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Note")));
    keyboard.type(QStringLiteral("Fire brigade asked for"));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'incident.note' AND actor = 'desk7'"), {},
                QStringLiteral("the note, by desk7"), picture);
    REQUIRE(desk.quit(keyboard));
}

TEST_CASE("Real keys under Xvfb: the demo started three times as a process keeps its own time", "[xvfb][keys][demo]")
{
    XSession x;
    QTemporaryDir home;
    Keyboard keyboard(x);
    const qint64 historyEnd = QDateTime(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 day = 24 * 3600 * 1000LL;
    qint64 lastSeen = 0;
    for (int start = 1; start <= 3; ++start) {
        INFO("start " << start);
        Desk desk(x, home.path());
        desk.start({QStringLiteral("--demo")});
        REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub"), 180000));
        qint64 latest = 0;
        {
            StoreReader store(desk.demoStore());
            // The simulation goes on from where it stopped: something new is journaled this start.
            const qint64 before = store.scalar(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events")).toLongLong();
            REQUIRE(waitUntil([&] {
                return store.scalar(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events")).toLongLong() > before;
            }, 120000));
        }
        REQUIRE(desk.quit(keyboard));
        StoreReader store(desk.demoStore());
        // Everything the demo store recorded, audit rows and events alike, is on the demo's clock: days
        // after the history's end at most, never the machine's date (months later).
        latest = store.scalar(QStringLiteral("SELECT MAX(occurred_at) FROM events")).toLongLong();
        const qint64 latestAudit = store.scalar(QStringLiteral("SELECT MAX(at) FROM audit_log")).toLongLong();
        INFO("latest event " << QDateTime::fromMSecsSinceEpoch(latest, Qt::UTC).toString(Qt::ISODate).toStdString()
                             << ", latest audit row " << QDateTime::fromMSecsSinceEpoch(latestAudit, Qt::UTC).toString(Qt::ISODate).toStdString());
        CHECK(latest >= historyEnd - day);
        CHECK(latest < historyEnd + day);
        CHECK(latestAudit < historyEnd + day);
        // Each start goes on from the last: the clock never goes back, nor jumps.
        CHECK(latest >= lastSeen);
        lastSeen = latest;
        // No unit has been on its way, or on scene, for days.
        CHECK(store.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_units WHERE status IN ('dispatched', 'en_route', 'on_scene') "
                                          "AND status_since < ?"),
                           {latest - day})
                  .toLongLong()
              == 0);
    }
}

TEST_CASE("Real keys under Xvfb: an analyst imports a file, runs the ring model, confirms the ring and hands it on, by keyboard alone",
          "[xvfb][keys][bigdata]")
{
    XSession x;
    QTemporaryDir home;
    Desk desk(x, home.path());
    Keyboard keyboard(x);
    const QString storePath = home.filePath(QStringLiteral("desk.db"));
    const QString url = QStringLiteral("sqlite://") + storePath;
    const QString picture = QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/realkeys-bigdata.png");
    QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
    const QString csv = home.filePath(QStringLiteral("listings.csv"));
    {
        QFile f(csv);
        REQUIRE(f.open(QIODevice::WriteOnly));
        hexhub::bigdata::writeTradeCsv(f, {.seed = 11, .rows = 3000, .ringSize = 70});
    }
    startWithUser(x, desk, url, QStringLiteral("ana"), QStringLiteral("bigdata_investigation_operator"), "Blue-Harbour-2207", picture);
    StoreReader store(storePath);
    signInByKeys(x, keyboard, QStringLiteral("ana"), QStringLiteral("Blue-Harbour-2207"), picture);

    // The analyst's desk is the one her role opens: Ctrl+I, the file, Enter reads it; the provenance
    // by its mnemonics; Alt+I imports.
    keyboard.press(QStringLiteral("ctrl+i"));
    if (!x.waitForActiveWindow(QStringLiteral("Import a dataset")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow() == QStringLiteral("Import a dataset"));
    keyboard.type(csv);
    keyboard.press(QStringLiteral("Return"));
    keyboard.press(QStringLiteral("alt+o"));
    keyboard.type(QStringLiteral("Seizure W-TEST-0147"));
    keyboard.press(QStringLiteral("alt+l"));
    keyboard.type(QStringLiteral("CPL art. 141"));
    keyboard.press(QStringLiteral("alt+i"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM bd_datasets WHERE state = 'ready' AND record_count = 3000 "
                                         "AND origin = 'Seizure W-TEST-0147' AND imported_by = 'ana'"),
                {}, QStringLiteral("the dataset, imported by ana"), picture);
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));

    // Alt+L: the model library; "sh" finds the shared-identifier rings; Ctrl+R runs it over the
    // dataset just imported, Enter starts it.
    keyboard.press(QStringLiteral("alt+l"));
    keyboard.type(QStringLiteral("sh"));
    keyboard.press(QStringLiteral("ctrl+r"));
    if (!x.waitForActiveWindow(QStringLiteral("Run Shared-identifier rings")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow().startsWith(QStringLiteral("Run ")));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM bd_runs WHERE state = 'finished' AND hit_count > 0 AND started_by = 'ana' "
                                         "AND model_id = 'shared-identifier-rings'"),
                {}, QStringLiteral("the ring model's run, finished with hits"), picture);
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));

    // Alt+Q: the queue, the ring first; C with a reason confirms it, I hands it to intelligence.
    keyboard.press(QStringLiteral("alt+q"));
    // The queue fills as the run's hits arrive: C asks for the reason once the ring is there (a person
    // would wait to see it; here C is pressed again until the question comes).
    for (int tries = 0; tries < 10 && !x.activeWindow().startsWith(QStringLiteral("Hit ")); ++tries) {
        keyboard.press(QStringLiteral("c"));
        x.waitForActiveWindow(QStringLiteral("Hit 1"), 2000);
    }
    if (!x.activeWindow().startsWith(QStringLiteral("Hit ")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow().startsWith(QStringLiteral("Hit ")));
    keyboard.type(QStringLiteral("Seventy accounts on shared devices and proxies"));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE status = 'confirmed' AND reviewed_by = 'ana' AND rank = 1"), {},
                QStringLiteral("the ring confirmed by ana"), picture);
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));
    keyboard.press(QStringLiteral("i"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'model_hit.handed_on' AND actor = 'ana'"), {},
                QStringLiteral("the ring handed to criminal intelligence"), picture);
    CHECK(store.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'ana' AND action IN "
                                      "('dataset.imported', 'model_run.finished', 'model_hit.reviewed', 'model_hit.handed_on') AND outcome = 'success'"))
              .toInt() == 4);
    REQUIRE(desk.quit(keyboard));
}

TEST_CASE("Real keys under Xvfb: an intelligence analyst records a tip, grades it, assigns it, develops it and charts it, by keyboard alone",
          "[xvfb][keys][intel]")
{
    XSession x;
    QTemporaryDir home;
    Desk desk(x, home.path());
    Keyboard keyboard(x);
    const QString storePath = home.filePath(QStringLiteral("desk.db"));
    const QString url = QStringLiteral("sqlite://") + storePath;
    const QString picture = QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/realkeys-intel.png");
    QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
    startWithUser(x, desk, url, QStringLiteral("ivy"), QStringLiteral("criminal_intel_operator"), "Grey-Lantern-3390", picture);
    StoreReader store(storePath);
    signInByKeys(x, keyboard, QStringLiteral("ivy"), QStringLiteral("Grey-Lantern-3390"), picture);

    // The leads desk is the one her role opens, its queue in focus: T records a tip (what, the
    // details, who gave it; Enter saves).
    keyboard.press(QStringLiteral("Escape")); // out of the search, onto the queue
    keyboard.press(QStringLiteral("t"));
    if (!x.waitForActiveWindow(QStringLiteral("Record a tip")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow() == QStringLiteral("Record a tip"));
    keyboard.type(QStringLiteral("Stolen phones sold at the night market"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("Two stalls on Fridays"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("Registered informant DEMO-117"));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE summary = 'Stolen phones sold at the night market' "
                                         "AND source_kind = 'tip' AND source_detail = 'Registered informant DEMO-117' AND status = 'new'"),
                {}, QStringLiteral("the tip, recorded"), picture);
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));

    // G grades the new lead in view: B (usually reliable), 2 (probably true), the handling, the reason.
    for (int tries = 0; tries < 10 && !x.activeWindow().startsWith(QStringLiteral("Grade lead")); ++tries) {
        keyboard.press(QStringLiteral("g"));
        x.waitForActiveWindow(QStringLiteral("Grade lead"), 2000);
    }
    if (!x.activeWindow().startsWith(QStringLiteral("Grade lead")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow().startsWith(QStringLiteral("Grade lead")));
    keyboard.press(QStringLiteral("b"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.press(QStringLiteral("2"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("Not outside the team"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("Informant right three times this year"));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE scheme = 'admiralty' AND source_grade = 'B' AND info_grade = '2' "
                                         "AND conditions = 'Not outside the team' AND graded_by = 'ivy' AND status = 'assessing'"),
                {}, QStringLiteral("the lead graded B2 by ivy"), picture);
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));

    // A assigns it (to herself, proposed), S moves it on (developing, the first choice).
    keyboard.press(QStringLiteral("a"));
    if (!x.waitForActiveWindow(QStringLiteral("Assign lead")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow().startsWith(QStringLiteral("Assign lead")));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE assigned_to = 'ivy'"), {}, QStringLiteral("the lead assigned to ivy"),
                picture);
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));
    keyboard.press(QStringLiteral("s"));
    if (!x.waitForActiveWindow(QStringLiteral("Status of lead")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow().startsWith(QStringLiteral("Status of lead")));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE status = 'developing' AND due_at IS NULL"), {},
                QStringLiteral("the lead developing, its limit met"), picture);
    CHECK(store.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'lead.updated' AND actor = 'ivy'")).toInt() == 3);
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));

    // C charts the lead (nothing on it yet); on the chart A adds a phone to it, and another, typed
    // as they come; M marks the second, the arrow moves to the first, L links them with where the
    // link came from; Ctrl+S saves the chart under a title.
    keyboard.press(QStringLiteral("c"));
    for (const QString& phone : {QStringLiteral("13800138417"), QStringLiteral("139-0522-6603")}) {
        for (int tries = 0; tries < 10 && x.activeWindow() != QStringLiteral("Add an item"); ++tries) {
            keyboard.press(QStringLiteral("a"));
            x.waitForActiveWindow(QStringLiteral("Add an item"), 2000);
        }
        if (x.activeWindow() != QStringLiteral("Add an item"))
            x.screenshot(picture);
        REQUIRE(x.activeWindow() == QStringLiteral("Add an item"));
        keyboard.type(phone);
        keyboard.press(QStringLiteral("Return"));
        REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));
    }
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) = 2 FROM ci_lead_entities le JOIN ci_entities e ON e.id = le.entity_id "
                                         "WHERE e.kind = 'phone' AND e.created_by = 'ivy'"),
                {}, QStringLiteral("two phones on the lead"), picture);
    keyboard.press(QStringLiteral("m"));
    for (const char* arrow : {"Left", "Right", "Up", "Down"})
        keyboard.press(QString::fromLatin1(arrow)); // one of them reaches the other phone; M marked the second
    // L from the marked phone to the current one: the relation proposed, Tab to where it came from.
    for (int tries = 0; tries < 6 && !x.activeWindow().startsWith(QStringLiteral("Link ")); ++tries) {
        keyboard.press(QStringLiteral("Home"));
        keyboard.press(QStringLiteral("l"));
        x.waitForActiveWindow(QStringLiteral("Link "), 2000);
    }
    if (!x.activeWindow().startsWith(QStringLiteral("Link ")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow().startsWith(QStringLiteral("Link ")));
    for (int t = 0; t < 4; ++t)
        keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("call records March"));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM ci_links WHERE relation = 'calls' AND source_ref = 'call records March' "
                                         "AND created_by = 'ivy'"),
                {}, QStringLiteral("the two phones linked, with where the link came from"), picture);
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));
    keyboard.press(QStringLiteral("ctrl+s"));
    if (!x.waitForActiveWindow(QStringLiteral("Save the chart")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow() == QStringLiteral("Save the chart"));
    keyboard.type(QStringLiteral("Night market"));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM ci_charts WHERE title = 'Night market' AND created_by = 'ivy'"), {},
                QStringLiteral("the chart saved"), picture);
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));
    REQUIRE(desk.quit(keyboard));
}

TEST_CASE("Real keys under Xvfb: a custody officer books a person in, checks them, moves them and releases them, by keyboard alone",
          "[xvfb][keys][custody]")
{
    XSession x;
    QTemporaryDir home;
    Desk desk(x, home.path());
    Keyboard keyboard(x);
    const QString storePath = home.filePath(QStringLiteral("desk.db"));
    const QString url = QStringLiteral("sqlite://") + storePath;
    const QString picture = QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures/realkeys-custody.png");
    QDir().mkpath(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/pictures"));
    REQUIRE(desk.command({QStringLiteral("--store"), url, QStringLiteral("--create-admin"), QStringLiteral("chief")}, "A-long-Passw0rd\n") == 0);
    REQUIRE(desk.command({QStringLiteral("--store"), url, QStringLiteral("--add-user"), QStringLiteral("cora"), QStringLiteral("--role"),
                          QStringLiteral("case_management_operator")},
                         "Amber-Gate-5120\n") == 0);
    desk.start({QStringLiteral("--store"), url});
    if (!x.waitForActiveWindow(QStringLiteral("Sign in to Hexhub"), 60000))
        x.screenshot(picture);
    REQUIRE(x.activeWindow() == QStringLiteral("Sign in to Hexhub"));
    StoreReader store(storePath);
    signInByKeys(x, keyboard, QStringLiteral("cora"), QStringLiteral("Amber-Gate-5120"), picture);
    // The centre's desk opens on its cases: out of the search onto the list, N opens the case the
    // person is brought in for (criminal, the first path; Tab to the title; Enter saves).
    keyboard.press(QStringLiteral("Escape"));
    keyboard.press(QStringLiteral("n"));
    if (!x.waitForActiveWindow(QStringLiteral("Open a case")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow() == QStringLiteral("Open a case"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("Fight outside the Harbour Bar"));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM cm_cases WHERE title = 'Fight outside the Harbour Bar' AND kind = 'criminal' "
                                         "AND opened_by = 'cora'"),
                {}, QStringLiteral("the case opened by cora"), picture);
    const QString number = store.scalar(QStringLiteral("SELECT number FROM cm_cases")).toString();
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));

    // Alt+U: the custody suite's page, its list in focus; N books a person in, field after field
    // with Tab (the basis by arrow keys, the intoxication by space); Enter saves.
    keyboard.press(QStringLiteral("alt+u"));
    keyboard.press(QStringLiteral("n"));
    if (!x.waitForActiveWindow(QStringLiteral("Book a person in")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow() == QStringLiteral("Book a person in"));
    keyboard.type(number);
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("Zhao Lei, ID 110101199202023333"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("W-0417"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("Suspected of the assault"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.press(QStringLiteral("Down"));
    keyboard.press(QStringLiteral("Down"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("Criminal Procedure Law art. 82"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("Sgt. Li Na"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.press(QStringLiteral("space"));
    for (int i = 0; i < 4; ++i)
        keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("Unsteady, smells of alcohol"));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE tag = 'W-0417' AND basis = 'detention' AND risk_level = 'elevated' "
                                         "AND officer = 'Sgt. Li Na' AND checked_in_by = 'cora' AND stage = 'intake'"),
                {}, QStringLiteral("W-0417 booked in by cora, detained, intoxicated"), picture);
    CHECK(store.scalar(QStringLiteral("SELECT person_ref_masked FROM cm_custody WHERE tag = 'W-0417'")).toString().endsWith(QStringLiteral("3333")));
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));

    // C: the welfare check of the person now in view (pressed again until the form comes: the list
    // shows the booking once it has read it again).
    for (int tries = 0; tries < 10 && !x.activeWindow().startsWith(QStringLiteral("Welfare check")); ++tries) {
        keyboard.press(QStringLiteral("c"));
        x.waitForActiveWindow(QStringLiteral("Welfare check of W-0417"), 2000);
    }
    if (!x.activeWindow().startsWith(QStringLiteral("Welfare check")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow() == QStringLiteral("Welfare check of W-0417"));
    keyboard.type(QStringLiteral("Awake, asked for water"));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM cm_welfare_checks WHERE observed = 'Awake, asked for water' AND done_by = 'cora'"),
                {}, QStringLiteral("the check, by cora"), picture);
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));

    // M: the next room along the route is offered first; Enter takes the person there.
    keyboard.press(QStringLiteral("m"));
    if (!x.waitForActiveWindow(QStringLiteral("Take W-0417 to another room")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow() == QStringLiteral("Take W-0417 to another room"));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE tag = 'W-0417' AND stage = 'search'"), {},
                QStringLiteral("W-0417 in the search room"), picture);
    REQUIRE(x.waitForActiveWindow(QStringLiteral("Hexhub")));

    // X: released, Tab to who took the person; the checks stop.
    for (int tries = 0; tries < 10 && !x.activeWindow().endsWith(QStringLiteral("leaves the suite")); ++tries) {
        keyboard.press(QStringLiteral("x"));
        x.waitForActiveWindow(QStringLiteral("W-0417 leaves the suite"), 2000);
    }
    if (!x.activeWindow().endsWith(QStringLiteral("leaves the suite")))
        x.screenshot(picture);
    REQUIRE(x.activeWindow() == QStringLiteral("W-0417 leaves the suite"));
    keyboard.press(QStringLiteral("Tab"));
    keyboard.type(QStringLiteral("His brother, Zhao Min"));
    keyboard.press(QStringLiteral("Return"));
    expectStore(x, store, QStringLiteral("SELECT COUNT(*) FROM cm_custody WHERE tag = 'W-0417' AND state = 'released' AND release_to = "
                                         "'His brother, Zhao Min' AND released_by = 'cora'"),
                {}, QStringLiteral("W-0417 released to his brother by cora"), picture);
    CHECK(store.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'cora' AND action IN ('custody.started', 'custody.changed') "
                                      "AND outcome = 'success'"))
              .toInt() >= 4);
    REQUIRE(desk.quit(keyboard));
}
