#include "security/accesscontrol.h"
#include "bus/eventbus.h"
#include "module/modulemanager.h"
#include "module/modulemetadata.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QJsonDocument>

using namespace hexhub;
using namespace hexhub::test;

namespace {

QString fixtures(const QString& scenario)
{
    return QStringLiteral(HEXHUB_FIXTURE_DIR "/") + scenario;
}

struct Started
{
    TestPlatform tp;
    explicit Started(const QStringList& paths)
        : tp(TestPlatform::Config::withModules(paths))
    {
        tp.start();
    }
    const ModuleSpec* spec(const QString& id) { return tp->modules().module(id); }
    ModuleSpec::State state(const QString& id)
    {
        const ModuleSpec* s = spec(id);
        REQUIRE(s);
        return s->state;
    }
    QString reason(const QString& id) { return spec(id) ? spec(id)->reason : QString(); }
    QStringList startedOrder()
    {
        // Modules announce modulesInitialized() through the journal. Writes run in order on one
        // writer, so once an empty write is through, theirs are committed too.
        await(tp->store().write([](WriteTransaction&) {}));
        QStringList order;
        for (const Event& e : await(tp->bus().replay(EventRange::bySeq(1)))) {
            if (e.topic == QStringLiteral("fixture.started"))
                order << e.payload.value(QStringLiteral("id")).toString();
        }
        return order;
    }
};

QJsonObject metaJson(const char* text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

TEST_CASE("Metadata validation names each problem", "[modules]")
{
    QString error;
    auto good = ModuleMetadata::fromJson(metaJson(R"({"id":"hub","name":"Hub","version":"1.2.0","compatVersion":"1.0",
        "colour":"#aabbcc","dependencies":[{"id":"core_x","version":"1.0","optional":true}],
        "permissions":[{"id":"hub.view","description":"See","roles":["trainer"]}],"publishes":["incident.created"]})"), &error);
    REQUIRE(good);
    CHECK(good->dependencies.size() == 1);
    CHECK(good->dependencies[0].optional);
    CHECK(good->permissions[0].module == QStringLiteral("hub"));
    CHECK(good->permissions[0].defaultRoles == QStringList{QStringLiteral("trainer")});

    CHECK_FALSE(ModuleMetadata::fromJson(metaJson(R"({"name":"x","version":"1.0","compatVersion":"1.0"})"), &error));
    CHECK(error.contains(QStringLiteral("missing field \"id\"")));
    CHECK_FALSE(ModuleMetadata::fromJson(metaJson(R"({"id":"x","name":3,"version":"1.0","compatVersion":"1.0"})"), &error));
    CHECK(error.contains(QStringLiteral("\"name\" must be a string")));
    CHECK_FALSE(ModuleMetadata::fromJson(metaJson(R"({"id":"X-1","name":"x","version":"1.0","compatVersion":"1.0"})"), &error));
    CHECK(error.contains(QStringLiteral("lower-case")));
    CHECK_FALSE(ModuleMetadata::fromJson(metaJson(R"({"id":"x","name":"x","version":"1.0","compatVersion":"2.0"})"), &error));
    CHECK(error.contains(QStringLiteral("newer than version")));
    CHECK_FALSE(ModuleMetadata::fromJson(metaJson(R"({"id":"x","name":"x","version":"1.0","compatVersion":"1.0","dependencies":"hub"})"), &error));
    CHECK(error.contains(QStringLiteral("must be an array")));
    CHECK_FALSE(ModuleMetadata::fromJson(metaJson(R"({"id":"x","name":"x","version":"1.0","compatVersion":"1.0","permissions":[{"id":"other.p","description":"d"}]})"), &error));
    CHECK(error.contains(QStringLiteral("must start with the module id")));
    CHECK_FALSE(ModuleMetadata::fromJson(metaJson(R"({"id":"x","name":"x","version":"1.0","compatVersion":"1.0","colour":"red"})"), &error));
    CHECK(error.contains(QStringLiteral("#rrggbb")));
    CHECK_FALSE(ModuleMetadata::fromJson(metaJson(R"({"id":"x","name":"x","version":"1.0","compatVersion":"1.0","publishes":["Bad Topic"]})"), &error));
}

TEST_CASE("Versions compare numerically", "[modules]")
{
    CHECK(compareVersions(QStringLiteral("1.10"), QStringLiteral("1.9")) > 0);
    CHECK(compareVersions(QStringLiteral("1.0"), QStringLiteral("1.0.0")) == 0);
    CHECK(compareVersions(QStringLiteral("0.9.9"), QStringLiteral("1")) < 0);
    CHECK_FALSE(isValidVersion(QStringLiteral("1.x")));
}

TEST_CASE("Good modules load in dependency order and an optional dependency may be missing", "[modules]")
{
    Started s({fixtures(QStringLiteral("good"))});
    CHECK(s.state(QStringLiteral("fx_alpha")) == ModuleSpec::State::Loaded);
    CHECK(s.state(QStringLiteral("fx_beta")) == ModuleSpec::State::Loaded);
    CHECK(s.state(QStringLiteral("fx_gamma")) == ModuleSpec::State::Loaded);
    REQUIRE(s.spec(QStringLiteral("fx_gamma"))->notes.size() == 1);
    CHECK(s.spec(QStringLiteral("fx_gamma"))->notes[0].contains(QStringLiteral("fx_nowhere")));
    QStringList order;
    for (const ModuleSpec* spec : s.tp->modules().loadOrder())
        order << spec->id;
    CHECK(order == QStringList{QStringLiteral("fx_alpha"), QStringLiteral("fx_beta"), QStringLiteral("fx_gamma")});
    CHECK(s.startedOrder() == order);
    // fx_alpha's migration ran; every module's permission reached the store with its default role.
    const auto state = await(s.tp->store().read([](Sql& sql) {
        return qMakePair(sql.database().tables().contains(QStringLiteral("fx_fx_alpha_items")),
                         sql.scalar(QStringLiteral("SELECT COUNT(*) FROM role_permissions WHERE role = 'trainer' AND permission LIKE 'fx_%'")).toInt());
    }));
    CHECK(state.first);
    CHECK(state.second == 3);
}

TEST_CASE("A missing dependency fails the module and every dependent, with the reason", "[modules]")
{
    Started s({fixtures(QStringLiteral("good")), fixtures(QStringLiteral("missing"))});
    CHECK(s.state(QStringLiteral("fx_orphan")) == ModuleSpec::State::Failed);
    CHECK(s.reason(QStringLiteral("fx_orphan")).contains(QStringLiteral("missing dependency 'fx_absent'")));
    CHECK(s.state(QStringLiteral("fx_orphan_child")) == ModuleSpec::State::Failed);
    CHECK(s.reason(QStringLiteral("fx_orphan_child")).contains(QStringLiteral("depends on 'fx_orphan', which failed: missing dependency")));
    CHECK(s.state(QStringLiteral("fx_beta")) == ModuleSpec::State::Loaded);
}

TEST_CASE("A dependency cycle is reported as a chain and the rest still load", "[modules]")
{
    Started s({fixtures(QStringLiteral("cycle"))});
    CHECK(s.state(QStringLiteral("fx_cycle_a")) == ModuleSpec::State::Failed);
    CHECK(s.state(QStringLiteral("fx_cycle_b")) == ModuleSpec::State::Failed);
    CHECK(s.reason(QStringLiteral("fx_cycle_a")).contains(QStringLiteral("fx_cycle_a -> fx_cycle_b -> fx_cycle_a")));
    CHECK(s.reason(QStringLiteral("fx_cycle_b")) == s.reason(QStringLiteral("fx_cycle_a")));
    CHECK(s.state(QStringLiteral("fx_cycle_user")) == ModuleSpec::State::Failed);
    CHECK(s.reason(QStringLiteral("fx_cycle_user")).contains(QStringLiteral("depends on 'fx_cycle_a', which failed: dependency cycle")));
    CHECK(s.state(QStringLiteral("fx_standalone")) == ModuleSpec::State::Loaded);
}

TEST_CASE("Bad metadata: invalid JSON and wrong types fail with a reason", "[modules]")
{
    Started s({fixtures(QStringLiteral("badjson"))});
    CHECK(s.state(QStringLiteral("fx_badjson")) == ModuleSpec::State::Failed);
    CHECK(s.reason(QStringLiteral("fx_badjson")).contains(QStringLiteral("not valid JSON")));
    CHECK(s.state(QStringLiteral("fx_badtypes")) == ModuleSpec::State::Failed);
    const QString why = s.reason(QStringLiteral("fx_badtypes"));
    CHECK(why.contains(QStringLiteral("\"name\" must be a string")));
    CHECK(why.contains(QStringLiteral("not a version number")));
    CHECK(why.contains(QStringLiteral("\"dependencies\" must be an array")));
}

TEST_CASE("A plugin with the wrong interface is refused", "[modules]")
{
    Started s({fixtures(QStringLiteral("wrongiid"))});
    CHECK(s.state(QStringLiteral("fx_wrongiid")) == ModuleSpec::State::Failed);
    CHECK(s.reason(QStringLiteral("fx_wrongiid")).contains(QStringLiteral("org.example.NotHexhub/1")));
}

TEST_CASE("A file that is not a plugin at all is reported, not fatal", "[modules]")
{
    QTemporaryDir junk;
    QFile file(junk.filePath(QStringLiteral("libnotaplugin.so")));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2048, '\x7f'));
    file.close();
    Started s({junk.path(), fixtures(QStringLiteral("good"))});
    CHECK(s.state(QStringLiteral("libnotaplugin")) == ModuleSpec::State::Failed);
    CHECK(s.reason(QStringLiteral("libnotaplugin")).contains(QStringLiteral("not a Hexhub module")));
    CHECK(s.state(QStringLiteral("fx_alpha")) == ModuleSpec::State::Loaded);
}

TEST_CASE("initialize() failing or throwing fails the module and its dependents", "[modules]")
{
    Started s({fixtures(QStringLiteral("initfail"))});
    CHECK(s.state(QStringLiteral("fx_initfail")) == ModuleSpec::State::Failed);
    CHECK(s.reason(QStringLiteral("fx_initfail")).contains(QStringLiteral("the fixture refuses to start")));
    CHECK(s.state(QStringLiteral("fx_initfail_child")) == ModuleSpec::State::Failed);
    CHECK(s.reason(QStringLiteral("fx_initfail_child")).contains(QStringLiteral("depends on 'fx_initfail'")));
    CHECK(s.state(QStringLiteral("fx_throws")) == ModuleSpec::State::Failed);
    CHECK(s.reason(QStringLiteral("fx_throws")).contains(QStringLiteral("boom in initialize")));
    CHECK(s.startedOrder().isEmpty());
}

TEST_CASE("A failing migration fails its module and dependents, and its changes are rolled back", "[modules]")
{
    Started s({fixtures(QStringLiteral("badmigration")), fixtures(QStringLiteral("good"))});
    CHECK(s.state(QStringLiteral("fx_badsql")) == ModuleSpec::State::Failed);
    CHECK(s.reason(QStringLiteral("fx_badsql")).contains(QStringLiteral("rolled back")));
    CHECK(s.state(QStringLiteral("fx_badsql_child")) == ModuleSpec::State::Failed);
    CHECK(s.state(QStringLiteral("fx_alpha")) == ModuleSpec::State::Loaded);
    const QStringList tables = await(s.tp->store().read([](Sql& sql) { return sql.database().tables(); }));
    CHECK(tables.contains(QStringLiteral("fx_fx_badsql_items")));
    CHECK_FALSE(tables.contains(QStringLiteral("fx_fx_badsql_items_extra")));
    CHECK_FALSE(s.startedOrder().contains(QStringLiteral("fx_badsql")));
}

TEST_CASE("An incompatible dependency version fails with both versions named", "[modules]")
{
    Started s({fixtures(QStringLiteral("good")), fixtures(QStringLiteral("version"))});
    CHECK(s.state(QStringLiteral("fx_needs_new_alpha")) == ModuleSpec::State::Failed);
    CHECK(s.reason(QStringLiteral("fx_needs_new_alpha")).contains(QStringLiteral("needs 'fx_alpha' version 2.0.0, but version 1.2.0")));
}

TEST_CASE("A duplicate module id is refused and the first one loads", "[modules]")
{
    Started s({fixtures(QStringLiteral("good")), fixtures(QStringLiteral("duplicate"))});
    const auto all = s.tp->modules().modules();
    int alphas = 0;
    for (const ModuleSpec* spec : all) {
        if (spec->id != QStringLiteral("fx_alpha"))
            continue;
        ++alphas;
        if (spec->path.contains(QStringLiteral("duplicate"))) {
            CHECK(spec->state == ModuleSpec::State::Failed);
            CHECK(spec->reason.contains(QStringLiteral("duplicate module id")));
        } else {
            CHECK(spec->state == ModuleSpec::State::Loaded);
        }
    }
    CHECK(alphas == 2);
}

TEST_CASE("A disabled module is not loaded and its dependents say why", "[modules]")
{
    TestPlatform tp(TestPlatform::Config::withModules({fixtures(QStringLiteral("good"))}));
    tp->modules().setDisabled({QStringLiteral("fx_beta")});
    tp.start();
    CHECK(tp->modules().module(QStringLiteral("fx_beta"))->state == ModuleSpec::State::Disabled);
    CHECK(tp->modules().module(QStringLiteral("fx_gamma"))->state == ModuleSpec::State::Failed);
    CHECK(tp->modules().module(QStringLiteral("fx_gamma"))->reason.contains(QStringLiteral("which is disabled")));
    CHECK(tp->modules().module(QStringLiteral("fx_alpha"))->state == ModuleSpec::State::Loaded);
}

TEST_CASE("The seven Hexhub modules load, migrate and define their permissions", "[modules][hexhub]")
{
    Started s({QStringLiteral(HEXHUB_MODULE_DIR)});
    const QStringList ids{QStringLiteral("hub"), QStringLiteral("political_security"), QStringLiteral("basic_control"),
                          QStringLiteral("criminal_intel"), QStringLiteral("bigdata_investigation"),
                          QStringLiteral("case_management"), QStringLiteral("supervision")};
    for (const QString& id : ids) {
        INFO(id.toStdString() << ": " << s.reason(id).toStdString());
        CHECK(s.state(id) == ModuleSpec::State::Loaded);
        // The icon the metadata names is there, and is an SVG.
        QFile icon(s.spec(id)->metadata.icon);
        REQUIRE(icon.open(QIODevice::ReadOnly));
        CHECK(icon.readAll().contains("<svg"));
    }
    CHECK(s.tp->modules().loadOrder().first()->id == QStringLiteral("hub"));
    // The PostgreSQL run really runs on PostgreSQL.
    CHECK(s.tp->store().dialect().name() == (onPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")));
    const auto facts = await(s.tp->store().read([](Sql& sql) {
        QStringList out;
        out << sql.database().tables();
        QSqlQuery q = sql.exec(QStringLiteral("SELECT module, COUNT(*) FROM permissions GROUP BY module ORDER BY module"));
        while (q.next())
            out << QStringLiteral("perm:%1=%2").arg(q.value(0).toString(), q.value(1).toString());
        out << QStringLiteral("hubsup:%1").arg(sql.scalar(QStringLiteral(
            "SELECT COUNT(*) FROM role_permissions WHERE role = 'hub_supervisor' AND permission LIKE 'hub.%'")).toInt());
        return out;
    }));
    for (const char* table : {"hub_incidents", "hub_units", "hub_tasks", "ps_plans", "bc_roster_shifts", "ci_leads",
                              "bd_hits", "cm_custody", "sv_demands", "hub_operations", "hub_categories",
                              "hub_incident_events", "hub_playbook_ticks", "hub_incident_links", "hub_cameras",
                              "hub_media"})
        CHECK(facts.contains(QLatin1String(table)));
    CHECK(facts.contains(QStringLiteral("perm:hub=15"))); // with hub.incident.snapshot (issue 20), hub.task.delegate and hub.operation.propose (issue 21)
    CHECK(facts.contains(QStringLiteral("perm:case_management=8"))); // with case_management.case.snapshot (issue 20), .case.approve, .escort.manage and .guideline.manage (issue 22)
    CHECK(facts.contains(QStringLiteral("hubsup:14"))); // not hub.task.delegate: the hub assigns (hub.task.assign)
}

TEST_CASE("The PostgreSQL run really runs on PostgreSQL", "[postgresql]")
{
    // Registered only in the PostgreSQL run: fails there if the run lost its server settings.
    REQUIRE(onPostgres());
    REQUIRE(testServer().has_value());
    TestPlatform tp;
    tp.start();
    CHECK(tp->store().dialect().name() == QStringLiteral("postgresql"));
}

TEST_CASE("Starting twice on the same store applies nothing twice", "[modules][hexhub][sqlite]")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("twice.db"));
    const QString key = dir.filePath(QStringLiteral("audit.key"));
    int migrationsAfterFirst = 0;
    {
        auto config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
        config.storePath = store;
        config.keyPath = key;
        TestPlatform tp(config);
        tp.start();
        migrationsAfterFirst = await(tp->store().read([](Sql& sql) {
            return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")).toInt();
        }));
    }
    auto config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
    config.storePath = store;
    config.keyPath = key;
    TestPlatform again(config);
    again.start();
    CHECK(migrationsAfterFirst == 46); // core 9, the hub 13 (its 13th: tasks' origin and proposals, issue 21), each centre 1, three a second (masked personal data), big-data a second to a fourth, supervision and cases a third (issue 20), criminal intelligence a third to a fifth (issue 21), cases a fourth (paths and limits), a fifth (the custody suite), a sixth (the case list's order), a seventh (the fast track), an eighth (the escort team), a ninth (the guidelines) and a tenth (who cancelled an escort, issue 22)
    CHECK(await(again->store().read([](Sql& sql) {
        return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")).toInt();
    })) == 46);
    CHECK(again->modules().loadOrder().size() == 7);
}

TEST_CASE("The modules load and initialize on this thread while the store opens", "[modules]")
{
    TestPlatform tp(TestPlatform::Config::withModules({fixtures(QStringLiteral("good"))}));
    QFuture<void> started = tp->start();
    // start() returned at once: the store is still opening, the modules are initialized, not started.
    CHECK(tp->store().state() == Store::State::Opening);
    const ModuleSpec* alpha = tp->modules().module(QStringLiteral("fx_alpha"));
    REQUIRE(alpha);
    CHECK(alpha->instance != nullptr);
    CHECK(alpha->state == ModuleSpec::State::Discovered);
    await(started);
    CHECK(alpha->state == ModuleSpec::State::Loaded);
}

TEST_CASE("A store that cannot open stops the modules initialized beside it", "[modules][sqlite]")
{
    QTemporaryDir dir;
    TestPlatform::Config config = TestPlatform::Config::withModules({fixtures(QStringLiteral("good"))});
    config.storePath = dir.filePath(QStringLiteral("not-a-database.db"));
    QFile junk(config.storePath);
    REQUIRE(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    TestPlatform tp(config);
    CHECK_FALSE(failureOf(tp->start()).isEmpty());
    const ModuleSpec* alpha = tp->modules().module(QStringLiteral("fx_alpha"));
    REQUIRE(alpha);
    CHECK(alpha->state == ModuleSpec::State::Discovered); // initialized, never started
    tp->stop(); // aboutToShutdown() for each, then the stores close
    CHECK(tp->store().state() == Store::State::Closed);
    // The store was "left untouched", and no outbox the start made is left beside it.
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("not-a-database.db")});
}
