// Training scenario files (issue 7, section 3): durations, the file format and its validation, every
// problem reported with its path, texts in the desk's language, the bundled scenarios, and
// hexhub --check-scenario. Runs of the scenarios are in test_scenariorun.cpp.
#include "scenariotest.h"

#include "scenario.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <tuple>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::scenariotest;

namespace {

QStringList problemLines(const QByteArray& json)
{
    QList<ScenarioProblem> problems;
    const auto scenario = Scenario::fromJson(json, &problems);
    CHECK_FALSE(scenario.has_value());
    QStringList out;
    for (const ScenarioProblem& p : problems)
        out << p.toString();
    return out;
}

} // namespace

TEST_CASE("Scenario: durations are hours, minutes and seconds, and nothing else", "[scenario]")
{
    CHECK(parseScenarioDuration(QStringLiteral("45s")) == 45 * kSecond);
    CHECK(parseScenarioDuration(QStringLiteral("3m")) == 3 * kMinute);
    CHECK(parseScenarioDuration(QStringLiteral("2m30s")) == 150 * kSecond);
    CHECK(parseScenarioDuration(QStringLiteral("1h")) == kHour);
    CHECK(parseScenarioDuration(QStringLiteral("48h")) == 48 * kHour);
    CHECK(parseScenarioDuration(QStringLiteral("1h30m")) == 90 * kMinute);
    CHECK(parseScenarioDuration(QStringLiteral("0s")) == 0);
    CHECK(parseScenarioDuration(QStringLiteral("90m")) == 90 * kMinute);
    for (const char* bad : {"", "3", "m", "1.5m", "2m 30s", " 3m", "30s2m", "-1m", "1d", "3M", "2m30", "1h1h", "h", "3 m"})
        CHECK_FALSE(parseScenarioDuration(QString::fromLatin1(bad)).has_value());
    CHECK(formatScenarioDuration(150 * kSecond) == QStringLiteral("2m30s"));
    CHECK(formatScenarioDuration(0) == QStringLiteral("0s"));
    CHECK(formatScenarioDuration(48 * kHour) == QStringLiteral("48h"));
    CHECK(formatScenarioDuration(kHour + 30 * kMinute) == QStringLiteral("1h30m"));
}

TEST_CASE("Scenario: a file with many problems reports every one of them with its path", "[scenario]")
{
    const QByteArray json = R"({
      "id": "Bad Id",
      "titel": "Rooftop",
      "duration": "45m",
      "modules": "hub",
      "injects": [
        {"id": "call", "at": "0s", "kind": "incident", "ref": "roof", "handledBy": "hub", "label": "Call",
         "payload": {"category": "rooftop_rescue", "priority": 7, "summary": "Two people on the roof", "floor": 31}},
        {"id": "a", "at": "5m", "kind": "event", "topic": "scene.reported", "handledBy": "hub", "label": "A",
         "payload": {"incident": "@roof"}},
        {"id": "b", "at": "2m", "kind": "event", "topic": "scene.reported", "handledBy": "hub", "label": {"zh_CN": "乙"}},
        {"id": "a", "at": "2m30", "kind": "broadcast", "handledBy": "nobody", "label": "C", "colour": "red"},
        {"id": "d", "at": "50m", "kind": "event", "topic": "incident.created", "handledBy": "hub", "label": "D",
         "payload": {"incident": "@rof", "exercise": true}},
        {"id": "e", "at": "40m", "kind": "event", "topic": "Scene Reported", "handledBy": "hub", "label": ""}
      ],
      "expectations": [
        {"id": "drone", "label": "Drone", "after": "cal", "within": "3 minutes", "topic": "incident.dispatched",
         "match": {"incident": "@roof"}, "unitKind": "helicopter"},
        {"id": "drone", "label": "Again", "within": "0s", "topic": ["task.assigned", 5], "match": {"x": "@ghost"}}
      ],
      "branches": [
        {"when": "dron", "outcome": "soon", "injects": []}
      ]
    })";
    const QString modules = QStringLiteral("hub, political_security, basic_control, criminal_intel, bigdata_investigation, "
                                           "case_management, supervision");
    const QStringList expected{
        QStringLiteral("titel: unknown key (expected one of: schema, id, title, summary, duration, modules, injects, expectations, branches)"),
        QStringLiteral("id: \"Bad Id\" is not an id: use lower-case letters, digits, '-' and '_'"),
        QStringLiteral("title: missing (required)"),
        QStringLiteral("modules: expected an array, not a string"),
        QStringLiteral("injects[0].payload.floor: unknown key (expected one of: category, priority, summary, address, position, source, centre)"),
        QStringLiteral("injects[0].payload.priority: expected a priority from 1 (most urgent) to 4"),
        QStringLiteral("injects[2].label.en: missing (required: the English text)"),
        QStringLiteral("injects[2].at: comes before injects[1] (at 5m): injects go in time order"),
        QStringLiteral("injects[3].id: duplicate id \"a\" (also injects[1])"),
        QStringLiteral("injects[3].colour: unknown key (expected one of: id, at, kind, topic, payload, label, handledBy, ref)"),
        QStringLiteral("injects[3].at: expected a duration like 2m30s"),
        QStringLiteral("injects[3].kind: expected event or incident"),
        QStringLiteral("injects[3].handledBy: \"nobody\" is not a module (one of: %1)").arg(modules),
        QStringLiteral("injects[4].topic: incident.created is written by Hexhub's own services with their data; an inject cannot "
                       "publish it (an incident inject creates incidents)"),
        QStringLiteral("injects[4].payload.exercise: set by the run on every inject; leave it out"),
        QStringLiteral("injects[4].payload.incident: \"@rof\" names no inject before this one"),
        QStringLiteral("injects[4].at: after the end of the scenario (45m)"),
        QStringLiteral("injects[5].label: must not be empty"),
        QStringLiteral("injects[5].topic: \"Scene Reported\" is not a topic: dotted lower-case words such as model.alerted"),
        QStringLiteral("injects[5].at: comes before injects[4] (at 50m): injects go in time order"),
        QStringLiteral("branches[0].outcome: expected met, late or missed"),
        QStringLiteral("branches[0].injects: must not be empty"),
        QStringLiteral("expectations[0].after: \"cal\" is not an inject id (or \"start\")"),
        QStringLiteral("expectations[0].within: expected a duration like 2m30s"),
        QStringLiteral("expectations[0].unitKind: \"helicopter\" is not a unit kind"),
        QStringLiteral("expectations[1].id: duplicate id \"drone\" (also expectations[0])"),
        QStringLiteral("expectations[1].match.x: \"@ghost\" names no inject"),
        QStringLiteral("expectations[1].within: must be longer than 0s"),
        QStringLiteral("expectations[1].topic[1]: expected a topic such as incident.dispatched"),
        QStringLiteral("branches[0].when: \"dron\" is not an expectation id"),
    };
    CHECK(problemLines(json) == expected);
}

TEST_CASE("Scenario: one problem is enough for no scenario at all - files that are not scenarios say why", "[scenario]")
{
    QByteArray good = R"({"id": "tiny", "title": "Tiny", "duration": "10m", "modules": ["hub"],
      "injects": [{"id": "a", "at": "1m", "kind": "event", "topic": "scene.reported", "handledBy": "hub", "label": "A"}]})";
    QList<ScenarioProblem> problems;
    const auto ok = Scenario::fromJson(good, &problems);
    REQUIRE(ok.has_value());
    CHECK(problems.isEmpty());
    CHECK(ok->injects.size() == 1);
    CHECK(ok->injects.first().atMs == kMinute);

    // Everything right but one duration: nothing comes back, not the injects that were fine.
    QByteArray bad = good;
    bad.replace("\"1m\"", "\"1 minute\"");
    CHECK(problemLines(bad) == QStringList{QStringLiteral("injects[0].at: expected a duration like 2m30s")});
    bad = good;
    bad.replace("\"10m\"", "\"ten minutes\"");
    CHECK(problemLines(bad) == QStringList{QStringLiteral("duration: expected a duration like 2m30s")});

    const QStringList notJson = problemLines("{\"id\": \"x\",\n \"title\": }");
    REQUIRE(notJson.size() == 1);
    CHECK(notJson.first().startsWith(QStringLiteral("not JSON (line 2, column 1")));
    CHECK(problemLines("[1, 2]") == QStringList{QStringLiteral("expected a JSON object with the scenario")});
    problems.clear();
    CHECK_FALSE(Scenario::fromFile(QStringLiteral("/nonexistent/drill.json"), &problems).has_value());
    REQUIRE(problems.size() == 1);
    CHECK(problems.first().toString().startsWith(QStringLiteral("cannot read /nonexistent/drill.json")));
}

TEST_CASE("Scenario: texts come in the desk's language, English otherwise", "[scenario]")
{
    const ScenarioText t{QStringLiteral("Rooftop rescue"), {{QStringLiteral("zh_CN"), QStringLiteral("楼顶救援")}}};
    CHECK(t.text(QStringLiteral("zh_CN")) == QStringLiteral("楼顶救援"));
    CHECK(t.text(QStringLiteral("zh_TW")) == QStringLiteral("楼顶救援"));
    CHECK(t.text(QStringLiteral("en_US")) == QStringLiteral("Rooftop rescue"));
    CHECK(t.text(QStringLiteral("de_DE")) == QStringLiteral("Rooftop rescue"));
    CHECK(t.toJson().toObject().value(QStringLiteral("zh_CN")).toString() == QStringLiteral("楼顶救援"));
    CHECK(problemLines(R"({"id": "x", "title": {"en": "X", "chinese": "Y"}, "duration": "1m", "modules": ["hub"],
        "injects": [{"id": "a", "at": "0s", "kind": "event", "topic": "a.b", "handledBy": "hub", "label": "A"}]})")
          == QStringList{QStringLiteral("title.chinese: not a language: use a locale name like en or zh_CN")});
}

TEST_CASE("Scenario: the five bundled scenarios are there and valid", "[scenario]")
{
    CHECK(Scenario::bundled()
          == QStringList{bundledPath(QStringLiteral("hotline-surge")), bundledPath(QStringLiteral("minor-case-fast-track")),
                         bundledPath(QStringLiteral("night-in-custody")), bundledPath(QStringLiteral("rooftop-rescue")),
                         bundledPath(QStringLiteral("stolen-personal-data"))});
    for (const QString& path : Scenario::bundled()) {
        INFO(path.toStdString());
        QList<ScenarioProblem> problems;
        const auto s = Scenario::fromFile(path, &problems);
        for (const ScenarioProblem& p : problems)
            UNSCOPED_INFO(p.toString().toStdString());
        REQUIRE(s.has_value());
        CHECK(path.endsWith(s->id + QStringLiteral(".json")));
        CHECK_FALSE(s->title.translations.value(QStringLiteral("zh_CN")).isEmpty());
        for (const ScenarioInject& i : s->injects) {
            CHECK(s->modules.contains(i.handledBy));
            CHECK_FALSE(i.label.translations.value(QStringLiteral("zh_CN")).isEmpty());
        }
        CHECK_FALSE(s->expectations.isEmpty());
    }

    const Scenario rooftop = loadBundled(QStringLiteral("rooftop-rescue"));
    CHECK(rooftop.durationMs == 45 * kMinute);
    REQUIRE(rooftop.injects.first().kind == ScenarioInjectKind::Incident);
    CHECK(rooftop.injects.first().payload.value(QStringLiteral("category")).toString() == QStringLiteral("rooftop_rescue"));
    CHECK(rooftop.injects.first().payload.value(QStringLiteral("priority")).toInt() == 1);
    CHECK(GeoPoint::fromJson(rooftop.injects.first().payload.value(QStringLiteral("position")).toObject()) == kTower);
    CHECK(rooftop.expectation(QStringLiteral("drone"))->withinMs == 3 * kMinute);
    CHECK(rooftop.expectation(QStringLiteral("drone"))->unitKind == QStringLiteral("drone"));
    CHECK(rooftop.inject(QStringLiteral("rescued"))->atMs - rooftop.inject(QStringLiteral("negotiators-requested"))->atMs >= 30 * kMinute);

    const Scenario stolen = loadBundled(QStringLiteral("stolen-personal-data"));
    CHECK(stolen.injects.first().handledBy == QStringLiteral("bigdata_investigation"));
    CHECK(stolen.injects.first().payload.value(QStringLiteral("records")).toInt() > 290000);
    const ScenarioExpectation* intel = stolen.expectation(QStringLiteral("intel-task"));
    REQUIRE(intel);
    CHECK(intel->withinMs == 10 * kMinute);
    CHECK(intel->topics == QStringList{QStringLiteral("task.assigned")});
    CHECK(intel->match.value(QStringLiteral("assignee")).toString() == QStringLiteral("criminal_intel"));
    CHECK(stolen.inject(QStringLiteral("triaged"))->payload.value(QStringLiteral("suspects")).toInt() == 70);

    const Scenario minor = loadBundled(QStringLiteral("minor-case-fast-track"));
    CHECK(minor.durationMs == 48 * kHour);
    CHECK(minor.inject(QStringLiteral("tried"))->atMs <= 48 * kHour);
    CHECK(minor.inject(QStringLiteral("tried"))->handledBy == QStringLiteral("case_management"));

    const Scenario hotline = loadBundled(QStringLiteral("hotline-surge"));
    int demands = 0;
    for (const ScenarioInject& i : hotline.injects) {
        if (i.topic == QLatin1String("demand.received") && i.atMs < kHour && i.handledBy == QLatin1String("supervision"))
            ++demands;
    }
    CHECK(demands >= 12);
}

TEST_CASE("hexhub --check-scenario prints every problem and exits 1, or says ok", "[scenario][cli]")
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    {
        QFile f(bad);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(R"({"id": "x", "title": "X", "duration": "1m", "modules": ["hub"],
          "injects": [{"id": "a", "at": "2m30", "kind": "event", "topic": "scene.reported", "handledBy": "hub", "label": "A"},
                      {"id": "b", "at": "3m", "kind": "event", "topic": "scene.reported", "handledBy": "hub", "label": "B"}]})");
    }
    const QString good = dir.filePath(QStringLiteral("rooftop.json"));
    QFile::copy(bundledPath(QStringLiteral("rooftop-rescue")), good);

    auto run = [&dir](const QString& file) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(HEXHUB_BIN_DIR "/hexhub"), {QStringLiteral("--check-scenario"), file});
        REQUIRE(process.waitForFinished(60000));
        return std::tuple{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                          QString::fromUtf8(process.readAllStandardError())};
    };
    const auto [badCode, badOut, badErr] = run(bad);
    CHECK(badCode == 1);
    CHECK(badErr.split(u'\n', Qt::SkipEmptyParts)
          == QStringList{QStringLiteral("injects[0].at: expected a duration like 2m30s"),
                         QStringLiteral("injects[1].at: after the end of the scenario (1m)"),
                         QStringLiteral("%1: 2 problems.").arg(bad)});
    const auto [goodCode, goodOut, goodErr] = run(good);
    CHECK(goodCode == 0);
    CHECK(goodOut.trimmed() == QStringLiteral("%1: ok: \"Rooftop rescue at Harbour Tower\", 45m long, 8 injects, 5 expectations, 2 branches.").arg(good));
    // Nothing was opened: no store appeared.
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("data/hexhub/hexhub.db"))));
}
