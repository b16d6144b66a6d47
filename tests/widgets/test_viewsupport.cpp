// The helpers every module's views share (viewsupport.h): durations as people say them, one reload
// after a burst of events, a stale read's answer dropped, a dialog closed once its save is done.
#include "testsupport.h"

#include "viewsupport.h"

#include "bus/eventbus.h"
#include "store/store.h"

#include <QDialog>
#include <QLabel>
#include <QPromise>
#include <QPushButton>
#include <QTest>

#include <catch2/catch.hpp>

using namespace hexhub;
using namespace hexhub::test;

TEST_CASE("View support: durations read as minutes, hours and days", "[widgets][viewsupport]")
{
    CHECK(formatDuration(-5000) == QStringLiteral("0 min"));
    CHECK(formatDuration(59 * 60 * 1000) == QStringLiteral("59 min"));
    CHECK(formatDuration(65 * 60 * 1000) == QStringLiteral("1 h 05 min"));
    CHECK(formatDuration(qint64(49) * 3600 * 1000) == QStringLiteral("2 d 1 h"));
}

TEST_CASE("View support: an older read's answer never overwrites a newer one", "[widgets][viewsupport]")
{
    QObject owner;
    LatestRead latest;
    QPromise<int> slow;
    QPromise<int> fast;
    QList<int> shown;
    whenLatest(&owner, latest, slow.future(), [&shown](const QFuture<int>& f) { shown << f.result(); });
    whenLatest(&owner, latest, fast.future(), [&shown](const QFuture<int>& f) { shown << f.result(); });
    fast.start();
    fast.addResult(2);
    fast.finish();
    REQUIRE(waitUntil([&] { return !shown.isEmpty(); }));
    slow.start();
    slow.addResult(1);
    slow.finish();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    CHECK(shown == QList<int>{2});
    latest.invalidate();
    QPromise<int> after;
    whenLatest(&owner, latest, after.future(), [&shown](const QFuture<int>& f) { shown << f.result(); });
    after.start();
    after.addResult(3);
    after.finish();
    REQUIRE(waitUntil([&] { return shown.size() == 2; }));
    CHECK(shown.last() == 3);
}

TEST_CASE("View support: a burst of events makes one reload, other topics none", "[widgets][viewsupport]")
{
    TestPlatform tp;
    tp.start();
    QObject owner;
    int reloads = 0;
    reloadOnEvents(tp->bus(), &owner, {QStringLiteral("incident.")}, 50, [&reloads] { ++reloads; });
    await(tp->store().write([](WriteTransaction& txn) {
        for (int i = 0; i < 3; ++i)
            txn.publish(EventDraft{QStringLiteral("incident.noted"), {}, 1, {}, {}, {}});
    }));
    REQUIRE(waitUntil([&] { return reloads == 1; }));
    await(tp->store().write([](WriteTransaction& txn) { txn.publish(EventDraft{QStringLiteral("unit.moved"), {}, 1, {}, {}, {}}); }));
    QTest::qWait(150);
    CHECK(reloads == 1);
}

TEST_CASE("View support: a dialog closes once its save is done, or stays with the reason", "[widgets][viewsupport]")
{
    QDialog dialog;
    auto* buttons = new QPushButton(&dialog);
    auto* message = new QLabel(&dialog);
    QPromise<void> saving;
    closeWhenSaved(&dialog, buttons, message, saving.future());
    CHECK_FALSE(buttons->isEnabled());
    saving.start();
    saving.setException(std::make_exception_ptr(std::runtime_error("The server refused it")));
    saving.finish();
    REQUIRE(waitUntil([&] { return buttons->isEnabled(); }));
    CHECK(message->text() == QStringLiteral("The server refused it"));
    CHECK(dialog.result() != QDialog::Accepted);

    QPromise<void> again;
    closeWhenSaved(&dialog, buttons, message, again.future());
    again.start();
    again.finish();
    REQUIRE(waitUntil([&] { return dialog.result() == QDialog::Accepted; }));
}
