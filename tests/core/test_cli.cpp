// Drives the real hexhub executable, as an operator or a script would.
#include "testsupport.h"

#include "security/accesscontrol.h"
#include "security/session.h"
#include "store/outbox.h"

#include <catch2/catch.hpp>

#include <QRegularExpression>

#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>

using namespace hexhub::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

struct Cli
{
    QTemporaryDir home;
    QString store = home.filePath(QStringLiteral("data/hexhub/live.db"));

    Run run(const QStringList& args, const QByteArray& input = {}, bool withStore = true)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("HEXHUB_MODULE_PATH"), QString());
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        process.setProcessEnvironment(env);
        QStringList all = args;
        if (withStore)
            all << QStringLiteral("--store") << QStringLiteral("sqlite://") + store;
        process.start(QStringLiteral(HEXHUB_BIN_DIR "/hexhub"), all);
        REQUIRE(process.waitForStarted());
        process.write(input);
        process.closeWriteChannel();
        REQUIRE(process.waitForFinished(60000));
        return Run{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
    }
};

} // namespace

TEST_CASE("hexhub --version", "[cli]")
{
    Cli cli;
    const Run r = cli.run({QStringLiteral("--version")}, {}, false);
    CHECK(r.exitCode == 0);
    CHECK(r.out.trimmed() == QStringLiteral("hexhub " HEXHUB_VERSION));
}

TEST_CASE("hexhub --list-modules lists the seven modules as loaded", "[cli]")
{
    Cli cli;
    const Run r = cli.run({QStringLiteral("--list-modules")});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 7);
    for (const char* id : {"hub", "political_security", "basic_control", "criminal_intel", "bigdata_investigation",
                           "case_management", "supervision"}) {
        const auto line = std::find_if(lines.begin(), lines.end(), [&](const QString& l) {
            return l.startsWith(QLatin1String(id) + QLatin1Char(' '));
        });
        REQUIRE(line != lines.end());
        CHECK(line->simplified() == QStringLiteral("%1 0.1.0 loaded").arg(QLatin1String(id)));
    }
    CHECK(lines.first().startsWith(QStringLiteral("hub ")));
}

TEST_CASE("hexhub --list-modules shows failures with their reasons", "[cli]")
{
    Cli cli;
    const Run r = cli.run({QStringLiteral("--list-modules"), QStringLiteral("--module-path"),
                           QStringLiteral(HEXHUB_FIXTURE_DIR "/cycle"), QStringLiteral("--module-path"),
                           QStringLiteral(HEXHUB_FIXTURE_DIR "/initfail")});
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("fx_standalone")));
    CHECK(r.out.contains(QStringLiteral("fx_cycle_a -> fx_cycle_b -> fx_cycle_a")));
    CHECK(r.out.contains(QStringLiteral("the fixture refuses to start")));
    const Run disabled = cli.run({QStringLiteral("--list-modules"), QStringLiteral("--disable-module"), QStringLiteral("hub")});
    CHECK(disabled.out.contains(QStringLiteral("disabled")));
    CHECK(disabled.out.contains(QStringLiteral("depends on 'hub', which is disabled")));
}

TEST_CASE("hexhub --create-admin reads the password from standard input", "[cli]")
{
    Cli cli;
    const Run weak = cli.run({QStringLiteral("--create-admin"), QStringLiteral("chief")}, "chief\n");
    CHECK(weak.exitCode == 1);
    CHECK(weak.err.contains(QStringLiteral("too short")));
    const Run ok = cli.run({QStringLiteral("--create-admin"), QStringLiteral("chief")}, "Night-Shift-Desk-7\n");
    INFO(ok.err.toStdString());
    CHECK(ok.exitCode == 0);
    CHECK(ok.out.contains(QStringLiteral("Created administrator 'chief'")));
    const Run twice = cli.run({QStringLiteral("--create-admin"), QStringLiteral("deputy")}, "Night-Shift-Desk-8\n");
    CHECK(twice.exitCode == 1);
    CHECK(twice.err.contains(QStringLiteral("already exists")));
}

TEST_CASE("hexhub --verify-audit detects each kind of tampering", "[cli][audit]")
{
    Cli cli;
    REQUIRE(cli.run({QStringLiteral("--create-admin"), QStringLiteral("chief")}, "Night-Shift-Desk-7\n").exitCode == 0);
    // More audited actions: failed creations count too.
    for (const char* name : {"dora", "emil", "fay"})
        cli.run({QStringLiteral("--create-admin"), QString::fromLatin1(name)}, "Night-Shift-Desk-9\n");
    const Run intact = cli.run({QStringLiteral("--verify-audit")});
    INFO(intact.err.toStdString());
    CHECK(intact.exitCode == 0);
    CHECK(intact.out.contains(QStringLiteral("intact")));

    const QString backup = cli.home.filePath(QStringLiteral("backup.db"));
    {
        RawSqlite raw(cli.store);
        raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    REQUIRE(QFile::copy(cli.store, backup));
    auto restore = [&] {
        QFile::remove(cli.store);
        QFile::remove(cli.store + QStringLiteral("-wal"));
        QFile::remove(cli.store + QStringLiteral("-shm"));
        REQUIRE(QFile::copy(backup, cli.store));
    };
    auto tamperAndVerify = [&](const QStringList& statements) {
        restore();
        {
            RawSqlite raw(cli.store);
            raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_update"));
            raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_delete"));
            for (const QString& sql : statements)
                raw.exec(sql);
        }
        return cli.run({QStringLiteral("--verify-audit")});
    };

    const Run edited = tamperAndVerify({QStringLiteral("UPDATE audit_log SET outcome = 'failed' WHERE seq = 1")});
    CHECK(edited.exitCode == 3);
    CHECK(edited.err.contains(QStringLiteral("row 1")));
    const Run deleted = tamperAndVerify({QStringLiteral("DELETE FROM audit_log WHERE seq = 2")});
    CHECK(deleted.exitCode == 3);
    CHECK(deleted.err.contains(QStringLiteral("row 2")));
    const Run reordered = tamperAndVerify({QStringLiteral("UPDATE audit_log SET seq = -1 WHERE seq = 2"),
                                           QStringLiteral("UPDATE audit_log SET seq = 2 WHERE seq = 3"),
                                           QStringLiteral("UPDATE audit_log SET seq = 3 WHERE seq = -1")});
    CHECK(reordered.exitCode == 3);
    CHECK(reordered.err.contains(QStringLiteral("row 2")));
    const Run inserted = tamperAndVerify({QStringLiteral(
        "INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash) "
        "SELECT seq + 1, at, 'mallory', 'user.created', 'user:mallory', '', 'success', origin, hash, hash "
        "FROM audit_log ORDER BY seq DESC LIMIT 1")});
    CHECK(inserted.exitCode == 3);
    const Run truncated = tamperAndVerify({QStringLiteral("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)")});
    CHECK(truncated.exitCode == 3);
    CHECK(truncated.err.contains(QStringLiteral("from the end")));

    restore();
    CHECK(cli.run({QStringLiteral("--verify-audit")}).exitCode == 0);

    // Put back whole to an older copy the chain is intact in itself: only a head kept elsewhere shows it.
    const Run before = cli.run({QStringLiteral("--verify-audit")});
    const QRegularExpression headLine(QStringLiteral("Head: row (\\d+), ([0-9a-f]{64})"));
    const QRegularExpressionMatch older = headLine.match(before.out);
    REQUIRE(older.hasMatch());
    cli.run({QStringLiteral("--create-admin"), QStringLiteral("gus")}, "Night-Shift-Desk-9\n"); // refused: audited
    const Run after = cli.run({QStringLiteral("--verify-audit")});
    const QRegularExpressionMatch newer = headLine.match(after.out);
    REQUIRE(newer.hasMatch());
    CHECK(newer.captured(1).toInt() == older.captured(1).toInt() + 1);
    // The log grew: it still holds the head recorded before, and the new one.
    CHECK(cli.run({QStringLiteral("--verify-audit"), QStringLiteral("--expect-head"), older.captured(2)}).exitCode == 0);
    CHECK(cli.run({QStringLiteral("--verify-audit"), QStringLiteral("--expect-head"), newer.captured(2)}).exitCode == 0);
    restore(); // the older copy
    const Run rolledBack = cli.run({QStringLiteral("--verify-audit"), QStringLiteral("--expect-head"), newer.captured(2)});
    CHECK(rolledBack.exitCode == 3);
    CHECK(rolledBack.err.contains(QStringLiteral("rolled back")));
    CHECK(rolledBack.out.contains(QStringLiteral("intact"))); // which the chain alone could not tell
}

TEST_CASE("hexhub refuses a broken store and bad arguments clearly", "[cli]")
{
    Cli cli;
    QDir().mkpath(QFileInfo(cli.store).absolutePath());
    QFile junk(cli.store);
    REQUIRE(junk.open(QIODevice::WriteOnly));
    junk.write("definitely not sqlite, just a shopping list: eggs, milk, tea\n");
    junk.close();
    const Run r = cli.run({QStringLiteral("--list-modules")});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("not an SQLite database")));

    const Run badUrl = cli.run({QStringLiteral("--list-modules"), QStringLiteral("--store"), QStringLiteral("ftp://x")}, {}, false);
    CHECK(badUrl.exitCode == 2);
    CHECK(badUrl.err.contains(QStringLiteral("Unknown store URL")));
    const Run unknown = cli.run({QStringLiteral("--frobnicate")}, {}, false);
    CHECK(unknown.exitCode == 2);
    const Run noKey = [&] {
        Cli fresh;
        return fresh.run({QStringLiteral("--verify-audit")});
    }();
    CHECK(noKey.exitCode == 1);
    CHECK(noKey.err.contains(QStringLiteral("audit key")));
}

TEST_CASE("hexhub --add-user creates a user with a role, reading the password from standard input", "[cli]")
{
    Cli cli;
    const Run ok = cli.run({QStringLiteral("--add-user"), QStringLiteral("desk7"), QStringLiteral("--role"),
                            QStringLiteral("supervision_operator")}, "Night-Shift-Desk-7\n");
    INFO(ok.err.toStdString());
    CHECK(ok.exitCode == 0);
    CHECK(ok.out.contains(QStringLiteral("Created user 'desk7'")));
    const Run noRole = cli.run({QStringLiteral("--add-user"), QStringLiteral("desk8")}, "Night-Shift-Desk-7\n");
    CHECK(noRole.exitCode == 2);
    const Run badRole = cli.run({QStringLiteral("--add-user"), QStringLiteral("desk8"), QStringLiteral("--role"),
                                 QStringLiteral("emperor")}, "Night-Shift-Desk-7\n");
    CHECK(badRole.exitCode == 1);
    CHECK(badRole.err.contains(QStringLiteral("no role 'emperor'")));
    RawSqlite raw(cli.store);
    CHECK(raw.scalar(QStringLiteral("SELECT role FROM user_roles JOIN users ON users.id = user_roles.user_id "
                                    "WHERE users.name = 'desk7'")).toString() == QStringLiteral("supervision_operator"));
    CHECK(cli.run({QStringLiteral("--verify-audit")}).exitCode == 0);
}

namespace {
const QString kAlicePassword = QStringLiteral("Harbour-Desk-Passw0rd-7");
const QByteArray kAliceTyped = kAlicePassword.toUtf8() + '\n';
} // namespace

TEST_CASE("hexhub --outbox lists a kept command with its personal data masked, and --resolve discards it", "[cli]")
{
    Cli cli;
    const QString key = cli.home.filePath(QStringLiteral("audit.key"));
    hexhub::OfflineCommand command;
    command.id = hexhub::CommandId::make();
    command.operation = QStringLiteral("hub.incident.create");
    command.args = {{QStringLiteral("summary"), QStringLiteral("Bike stolen")},
                    {QStringLiteral("reporter_contact"), QStringLiteral("13800138000")}};
    command.summary = QStringLiteral("New incident: Bike stolen");
    command.madeBy = QStringLiteral("zoe"); // never signs in here: it waits for her
    command.source = QStringLiteral("hub");
    hexhub::OfflineCommand tip = command;
    tip.id = hexhub::CommandId::make();
    tip.operation = QStringLiteral("criminal_intel.lead.tip");
    tip.args = {{QStringLiteral("tip"), QJsonObject{{QStringLiteral("summary"), QStringLiteral("Skimmer parts bought online")},
                                                    {QStringLiteral("protectedSource"), QStringLiteral("Informant K at the bus depot")}}}};
    tip.summary = QStringLiteral("Record a tip: Skimmer parts bought online");
    tip.source = QStringLiteral("criminal_intel");
    {
        auto config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        config.storePath = cli.store;
        config.keyPath = key;
        TestPlatform tp(config);
        tp.start();
        await(tp->access().createUserBySystem(hexhub::NewUser{QStringLiteral("alice"), QStringLiteral("Alice"), kAlicePassword,
                                                      {QStringLiteral("hub_supervisor")}}));
        await(tp->outbox().keep(command));
        // A tip criminal intelligence kept: its protected source and an entity's label are masked too.
        await(tp->outbox().keep(tip));
        CHECK(tp->outbox().waiting() == 2);
    }
    const QStringList withKey{QStringLiteral("--audit-key"), key};
    Run r = cli.run(QStringList{QStringLiteral("--outbox")} + withKey);
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(command.id.toString()));
    CHECK(r.out.contains(QStringLiteral("New incident: Bike stolen")));
    CHECK(r.out.contains(QStringLiteral("hub.incident.create")));
    CHECK(r.out.contains(QStringLiteral("****8000")));
    CHECK_FALSE(r.out.contains(QStringLiteral("13800138000")));
    CHECK(r.out.contains(QStringLiteral("Skimmer parts bought online")));
    CHECK(r.out.contains(QStringLiteral("****epot")));
    CHECK_FALSE(r.out.contains(QStringLiteral("Informant K")));
    // Only Zoe sends Zoe's kept work (sealed with her key): Alice may discard it, not send it.
    r = cli.run(QStringList{QStringLiteral("--resolve"), command.id.toString(), QStringLiteral("--decision"), QStringLiteral("keep"),
                            QStringLiteral("--operator"), QStringLiteral("alice")} + withKey, kAliceTyped);
    CHECK(r.exitCode != 0);
    CHECK(r.err.contains(QStringLiteral("was kept by zoe: only they send it")));
    r = cli.run(QStringList{QStringLiteral("--outbox")} + withKey);
    CHECK(r.out.contains(command.id.toString()));
    // Who decides signs in: a wrong password decides nothing.
    r = cli.run(QStringList{QStringLiteral("--resolve"), command.id.toString(), QStringLiteral("--decision"), QStringLiteral("discard"),
                            QStringLiteral("--operator"), QStringLiteral("alice")} + withKey, QByteArray("Not-Her-Password-1\n"));
    CHECK(r.exitCode != 0);
    CHECK(r.err.contains(QStringLiteral("wrong password")));
    r = cli.run(QStringList{QStringLiteral("--outbox")} + withKey);
    CHECK(r.out.contains(command.id.toString()));
    r = cli.run(QStringList{QStringLiteral("--resolve"), command.id.toString(), QStringLiteral("--decision"), QStringLiteral("discard"),
                            QStringLiteral("--operator"), QStringLiteral("alice")} + withKey, kAliceTyped);
    CHECK(r.exitCode == 0);
    r = cli.run(QStringList{QStringLiteral("--resolve"), tip.id.toString(), QStringLiteral("--decision"), QStringLiteral("discard"),
                            QStringLiteral("--operator"), QStringLiteral("alice")} + withKey, kAliceTyped);
    CHECK(r.exitCode == 0);
    r = cli.run(QStringList{QStringLiteral("--outbox")} + withKey);
    CHECK(r.out.contains(QStringLiteral("The outbox is empty")));
    RawSqlite raw(cli.store);
    CHECK(raw.scalar(QStringLiteral("SELECT operation FROM applied_commands WHERE command_id = ?"), {command.id.toString()}).toString()
          == QStringLiteral("discarded:hub.incident.create"));
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM hub_incidents")).toInt() == 0);
}

TEST_CASE("hexhub --outbox shows a conflict without the server, and --resolve decides it", "[cli]")
{
    Cli cli;
    const QString key = cli.home.filePath(QStringLiteral("audit.key"));
    QString changeId;
    {
        auto config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        config.storePath = cli.store;
        config.keyPath = key;
        TestPlatform tp(config);
        tp.start();
        await(tp->access().createUserBySystem(hexhub::NewUser{QStringLiteral("alice"), QStringLiteral("Alice"), kAlicePassword,
                                                      {QStringLiteral("hub_supervisor")}}));
        // Alice works at this desk: what she keeps is sealed in her name.
        const hexhub::SignInResult alice = await(tp->access().signIn(QStringLiteral("alice"), kAlicePassword));
        REQUIRE(alice.principal.isValid());
        tp->session().setPrincipal(alice.principal);
        hexhub::RowChange created;
        created.table = QStringLiteral("hub_incidents");
        created.values = {{QStringLiteral("number"), QStringLiteral("N-1")}, {QStringLiteral("priority"), 2},
                          {QStringLiteral("category"), QStringLiteral("theft")}, {QStringLiteral("source"), QStringLiteral("call")},
                          {QStringLiteral("summary"), QStringLiteral("Bike stolen")}, {QStringLiteral("created_at"), 0},
                          {QStringLiteral("updated_at"), 0}};
        created.topic = QStringLiteral("incident.created");
        const QVariant id = await(tp->outbox().submit(created)).key;
        hexhub::RowChange bobs;
        bobs.table = QStringLiteral("hub_incidents");
        bobs.key = id;
        bobs.baseVersion = 1;
        bobs.values = {{QStringLiteral("priority"), 1}};
        bobs.topic = QStringLiteral("incident.updated");
        bobs.actor = QStringLiteral("bob");
        await(tp->outbox().submit(bobs));
        hexhub::RowChange alices = bobs;
        alices.values = {{QStringLiteral("summary"), QStringLiteral("Two bikes stolen")}};
        alices.actor = QStringLiteral("alice");
        alices.summary = QStringLiteral("Alice corrects the summary");
        alices.id = QUuid::createUuid();
        changeId = alices.id.toString(QUuid::WithoutBraces);
        REQUIRE(await(tp->outbox().submit(alices)).outcome == hexhub::ChangeResult::Outcome::Conflict);
    }
    const QStringList withKey{QStringLiteral("--audit-key"), key};
    Run r = cli.run(QStringList{QStringLiteral("--outbox")} + withKey);
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(changeId));
    CHECK(r.out.contains(QStringLiteral("CONFLICT")));
    CHECK(r.out.contains(QStringLiteral("Alice corrects the summary")));
    CHECK(r.out.contains(QStringLiteral("the server has version 2 (I edited version 1)")));
    CHECK(r.out.contains(QStringLiteral("Bike stolen")));

    r = cli.run(QStringList{QStringLiteral("--resolve"), changeId, QStringLiteral("--decision"), QStringLiteral("keep")} + withKey);
    CHECK(r.exitCode == 2); // who decides must be named
    CHECK(r.err.contains(QStringLiteral("--operator")));
    r = cli.run(QStringList{QStringLiteral("--resolve"), changeId, QStringLiteral("--decision"), QStringLiteral("maybe"),
                            QStringLiteral("--operator"), QStringLiteral("alice")} + withKey);
    CHECK(r.exitCode == 2);
    r = cli.run(QStringList{QStringLiteral("--resolve"), changeId, QStringLiteral("--decision"), QStringLiteral("keep"),
                            QStringLiteral("--operator"), QStringLiteral("alice")} + withKey, kAliceTyped);
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("journaled")));

    r = cli.run(QStringList{QStringLiteral("--outbox")} + withKey);
    CHECK(r.out.contains(QStringLiteral("The outbox is empty")));
    r = cli.run(QStringList{QStringLiteral("--verify-audit")} + withKey);
    CHECK(r.exitCode == 0);
    RawSqlite raw(cli.store);
    CHECK(raw.scalar(QStringLiteral("SELECT summary || '/' || priority || '/v' || version FROM hub_incidents")).toString()
          == QStringLiteral("Two bikes stolen/1/v3"));
    CHECK(raw.scalar(QStringLiteral("SELECT count(*) FROM events WHERE topic = 'change.conflict_resolved' AND actor = 'alice'"))
              .toInt()
          == 1);
}

TEST_CASE("hexhub with no command opens a desk, and a broken store ends it with the reason", "[cli]")
{
    Cli cli;
    QDir().mkpath(QFileInfo(cli.store).absolutePath());
    QFile junk(cli.store);
    REQUIRE(junk.open(QIODevice::WriteOnly));
    junk.write("not a database\n");
    junk.close();
    const Run r = cli.run({}); // the offscreen platform (inherited from the tests): no dialog waits
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("not an SQLite database")));
    // Qt's own options (here -platform, as a session manager or a launcher may add) still open a desk.
    const Run withQtOptions = cli.run({QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("-reverse")});
    CHECK(withQtOptions.exitCode == 1);
    CHECK(withQtOptions.err.contains(QStringLiteral("not an SQLite database")));
}

namespace {

//! Runs `hexhub --screenshots` in the Cli's home at `scale` (QT_SCALE_FACTOR); returns the folder.
QString renderPictures(Cli& cli, const QString& scale = QStringLiteral("1"))
{
    const QString folder = cli.home.filePath(QStringLiteral("pictures"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), cli.home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), cli.home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HEXHUB_MODULE_PATH"), QString());
    env.insert(QStringLiteral("QT_SCALE_FACTOR"), scale);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HEXHUB_BIN_DIR "/hexhub"), {QStringLiteral("--screenshots"), folder});
    REQUIRE(process.waitForFinished(120000));
    CHECK(process.exitCode() == 0);
    return folder;
}

} // namespace

TEST_CASE("At 200% scale the pictures are twice the size, with the same layout", "[cli][pictures]")
{
    Cli cli;
    const QString folder = renderPictures(cli, QStringLiteral("2"));
    const QImage main(QDir(folder).filePath(QStringLiteral("main-hub-day-en.png")));
    CHECK(main.size() == QSize(2 * 1366, 2 * 768));
    // The rail's icons are drawn at the doubled resolution, not blown up from 1x: in the hub's icon
    // (top of the rail) strong edges fall between even and odd pixel columns alike, where a 1x
    // bitmap scaled up would have them on one parity only.
    int edges[2] = {0, 0};
    for (int y = 2 * 12; y < 2 * 44; ++y) {
        for (int x = 2 * 38; x < 2 * 68; ++x) {
            const int a = main.pixelColor(x, y).lightness();
            const int b = main.pixelColor(x + 1, y).lightness();
            edges[x % 2] += std::abs(a - b) > 60;
        }
    }
    INFO("edges after even columns " << edges[0] << ", after odd columns " << edges[1]);
    CHECK(edges[0] > 10);
    CHECK(edges[1] > 10);
    const QImage signIn(QDir(folder).filePath(QStringLiteral("sign-in-day-en.png")));
    const QImage settings(QDir(folder).filePath(QStringLiteral("settings-day-zh_CN.png")));
    CHECK(signIn.width() > 600);
    CHECK(settings.width() > 600);
}

TEST_CASE("hexhub --screenshots renders every module, the palette and the sign-in dialog in both themes and languages",
          "[cli][pictures]")
{
    Cli cli;
    const QString folder = renderPictures(cli);
    const QStringList files = QDir(folder).entryList({QStringLiteral("*.png")}, QDir::Files);
    // (themes x languages) x (seven modules, palette, settings, wall, video wall, the big-data
    // wall, the intelligence wall, the link chart, the joint investigations, the case desk with a
    // case in view, the custody desk with a person in view, the custody suite's wall, the escort
    // team's board, sign-in; and demo mode: the desk, the trainer console, the after-action review,
    // its wall on two screen sizes)
    CHECK(files.size() == 4 * (7 + 13 + 3 + 2));
    // A module's picture of its own desk is the main window at the size it asked for.
    CHECK(QImage(QDir(folder).filePath(QStringLiteral("case-desk-night-en.png"))).size() == QSize(1600, 900));
    // The demo's wall at the size of the screens it is for, banner across the top.
    for (const auto& [name, size] : {std::pair{QStringLiteral("demo-wall-1920-night-en.png"), QSize(1920, 1080)},
                                     std::pair{QStringLiteral("demo-wall-3840-day-zh_CN.png"), QSize(3840, 2160)}}) {
        INFO(name.toStdString());
        const QImage image(QDir(folder).filePath(name));
        CHECK(image.size() == size);
        CHECK(image.pixelColor(image.width() / 2, size.height() / 60).red() > 200);
    }
    // Demo mode says so across the top of the desk: the training banner's amber band.
    for (const QString& name : {QStringLiteral("demo-day-en.png"), QStringLiteral("demo-night-zh_CN.png")}) {
        INFO(name.toStdString());
        const QImage image(QDir(folder).filePath(name));
        REQUIRE(image.width() > 300);
        const QColor band = image.pixelColor(image.width() / 2, 6);
        CHECK(band.red() > 200);
        CHECK(band.green() > 120);
        CHECK(band.blue() < 80);
    }
    for (const QString& name : {QStringLiteral("trainer-console-day-zh_CN.png"), QStringLiteral("review-night-en.png")}) {
        INFO(name.toStdString());
        CHECK(QImage(QDir(folder).filePath(name)).width() > 300);
    }
    for (const QString& name : {QStringLiteral("main-hub-night-zh_CN.png"), QStringLiteral("main-supervision-day-en.png"),
                                QStringLiteral("sign-in-day-zh_CN.png"), QStringLiteral("palette-night-en.png"),
                                QStringLiteral("wall-day-zh_CN.png"), QStringLiteral("settings-night-en.png")}) {
        INFO(name.toStdString());
        const QImage image(QDir(folder).filePath(name));
        CHECK(image.width() > 300);
    }
    // The night pictures are dark and the day ones light, in the module's content area.
    const QImage night(QDir(folder).filePath(QStringLiteral("main-hub-night-en.png")));
    const QImage day(QDir(folder).filePath(QStringLiteral("main-hub-day-en.png")));
    CHECK(night.pixelColor(night.width() / 2, night.height() / 2).lightness() < 80);
    CHECK(day.pixelColor(day.width() / 2, day.height() / 2).lightness() > 200);
    // The wall is night whatever the desk's theme, and as large as its screen.
    const QImage wall(QDir(folder).filePath(QStringLiteral("wall-day-en.png")));
    CHECK(wall.size() == QSize(1920, 1080));
    CHECK(wall.pixelColor(8, 8).lightness() < 80);
    // The video wall: nine demo cameras, their pictures moving in eight tiles, the ninth offline.
    const QImage video(QDir(folder).filePath(QStringLiteral("video-wall-9-night-zh_CN.png")));
    REQUIRE(video.size() == QSize(1920, 1080));
    int lit = 0;
    for (int y = 200; y < 1000; y += 40) {
        for (int x = 300; x < 1880; x += 40)
            lit += video.pixelColor(x, y).lightness() > 120;
    }
    INFO("light samples " << lit);
    CHECK(lit > 100); // sky, windows, roads' markings: camera pictures, not a dark wall
}

TEST_CASE("Every command is a command, not a desk: the startup probe, and a mistyped option", "[cli]")
{
    Cli cli;
    // The probe's folder: made and migrated on the first start, opened on the second.
    const QString folder = cli.home.filePath(QStringLiteral("probe"));
    for (int start = 0; start < 2; ++start) {
        INFO("start " << start);
        const Run r = cli.run({QStringLiteral("--startup-probe"), folder}, {}, false);
        CHECK(r.exitCode == 0);
        CHECK(r.out.startsWith(QStringLiteral("shown modules=7 ")));
    }
    CHECK(QFileInfo::exists(folder + QStringLiteral("/probe.db")));
    const Run equals = cli.run({QStringLiteral("--startup-probe=") + folder}, {}, false);
    CHECK(equals.exitCode == 0);
    CHECK(equals.out.startsWith(QStringLiteral("shown modules=7 ")));
    const Run noFolder = cli.run({QStringLiteral("--startup-probe")}, {}, false);
    CHECK(noFolder.exitCode != 0);
    // A mistyped option is a usage error with the parser's words; it never opens a desk instead.
    const Run typo = cli.run({QStringLiteral("--list-module")});
    CHECK(typo.exitCode == 2);
    CHECK(typo.err.contains(QStringLiteral("list-module")));
}
