// Models (issue 20 section 2): files checked with every problem named by its path, parameters of a
// run checked against the records, and each kind run over records made for it: the hits, their
// scores and breakdowns, the rows behind them, and what was set aside.
#include "hexhub/bigdata_investigation/model.h"
#include "hexhub/bigdata_investigation/modelrun.h"
#include "hexhub/bigdata_investigation/records.h"
#include "hexhub/bigdata_investigation/tradedemo.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

using namespace hexhub::bigdata;

namespace {

ModelDefinition bundled(const QString& id)
{
    QList<ModelProblem> problems;
    const auto m = findModel(id, &problems);
    INFO((problems.isEmpty() ? QString() : problems.first().toString()).toStdString());
    REQUIRE(m);
    return *m;
}

QJsonObject params(const ModelDefinition& m, const RecordSet& records, const QMap<QString, QJsonValue>& given = {})
{
    QList<ModelProblem> problems;
    const auto p = resolveParameters(m, given, &records, &problems);
    INFO((problems.isEmpty() ? QString() : problems.first().toString()).toStdString());
    REQUIRE(p);
    return *p;
}

ModelRunResult run(const ModelDefinition& m, const RecordSet& records, const QMap<QString, QJsonValue>& given = {})
{
    QString error;
    const auto result = runModel(m, params(m, records, given), records, {}, &error);
    INFO(error.toStdString());
    REQUIRE(result);
    return *result;
}

QStringList paths(const QList<ModelProblem>& problems)
{
    QStringList out;
    for (const ModelProblem& p : problems)
        out << p.path;
    return out;
}

QString stamp(int day, int hour, int minute = 0)
{
    return QStringLiteral("2026-03-%1 %2:%3").arg(day, 2, 10, QLatin1Char('0')).arg(hour, 2, 10, QLatin1Char('0')).arg(minute, 2, 10, QLatin1Char('0'));
}

} // namespace

TEST_CASE("bigdata_investigation: model files are checked whole, every problem named by its path", "[bigdata_investigation][models]")
{
    SECTION("the bundled library loads, one of each kind")
    {
        const QList<ModelDefinition> models = bundledModels();
        QSet<ModelKind> kinds;
        for (const ModelDefinition& m : models) {
            kinds.insert(m.kind);
            CHECK(m.origin == QStringLiteral("bundled"));
            CHECK(!m.titleIn(QStringLiteral("zh_CN")).isEmpty());
            CHECK(m.titleIn(QStringLiteral("zh_CN")) != m.titleIn(QStringLiteral("en")));
        }
        CHECK(models.size() == 5);
        CHECK(kinds.size() == 5);
    }

    SECTION("a bad file: each problem with its path, and no model")
    {
        QList<ModelProblem> problems;
        const auto m = ModelDefinition::fromJson(R"({
            "schema": 1, "id": "Bad Id", "version": 0, "kind": "rings", "title": {"French": "x"},
            "parameters": {
                "entity": {"type": "column", "default": 3},
                "identifiers": {"type": "number", "default": 2},
                "max_share": {"type": "integer", "default": 2.5, "min": 2},
                "Bad": {"type": "integer"}
            },
            "rings": {"score": {"size": -1, "colour": 2}},
            "extra": true
        })",
                                                 &problems);
        CHECK(!m);
        const QStringList where = paths(problems);
        CHECK(where.contains(QStringLiteral("id")));
        CHECK(where.contains(QStringLiteral("version")));
        CHECK(where.contains(QStringLiteral("title.French")));
        CHECK(where.contains(QStringLiteral("title")));
        CHECK(where.contains(QStringLiteral("parameters.entity.default")));
        CHECK(where.contains(QStringLiteral("parameters.max_share.default")));
        CHECK(where.contains(QStringLiteral("parameters.identifiers.type")));
        CHECK(where.contains(QStringLiteral("parameters.Bad")));
        CHECK(where.contains(QStringLiteral("parameters"))); // min_members missing
        CHECK(where.contains(QStringLiteral("rings.score.size")));
        CHECK(where.contains(QStringLiteral("rings.score.colour")));
        CHECK(where.contains(QStringLiteral("extra")));
    }

    SECTION("not JSON: the line and column")
    {
        QList<ModelProblem> problems;
        CHECK(!ModelDefinition::fromJson("{\n  \"schema\": 1,\n  \"id\": \n}", &problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].message.contains(QStringLiteral("line 4")));
    }

    SECTION("a rule's conditions and an entity-resolution model's fields are checked")
    {
        QList<ModelProblem> problems;
        CHECK(!ModelDefinition::fromJson(R"({"schema": 1, "id": "r1", "version": 1, "kind": "rule", "title": "R",
            "parameters": {"a": {"type": "text", "default": "x"}},
            "rule": {"match": "score", "conditions": [
                {"column": "$a", "op": "eq", "value": 1},
                {"column": "$nope", "op": "matches", "value": "(["},
                {"column": "x", "op": "in", "value": 3},
                {"column": "x", "op": "like", "value": 3}],
              "count": {"key": "x", "time": "t", "window": "soon", "at_least": 1}}})",
                                         &problems));
        const QStringList where = paths(problems);
        CHECK(where.contains(QStringLiteral("rule.threshold")));
        CHECK(where.contains(QStringLiteral("rule.conditions[0].column"))); // a text parameter, not a column
        CHECK(where.contains(QStringLiteral("rule.conditions[1].column")));
        CHECK(where.contains(QStringLiteral("rule.conditions[1].value")));
        CHECK(where.contains(QStringLiteral("rule.conditions[2].value")));
        CHECK(where.contains(QStringLiteral("rule.conditions[3].op")));
        CHECK(where.contains(QStringLiteral("rule.count.window")));
        CHECK(where.contains(QStringLiteral("rule.count.at_least")));

        problems.clear();
        CHECK(!ModelDefinition::fromJson(R"({"schema": 1, "id": "er", "version": 1, "kind": "entity_resolution", "title": "E",
            "parameters": {"threshold": {"type": "number", "default": 0.9}, "max_block": {"type": "integer", "default": 10}},
            "entity_resolution": {"fields": [{"column": "name", "compare": "soundex", "m": 0.1, "u": 0.5}], "blocking": []}})",
                                         &problems));
        const QStringList er = paths(problems);
        CHECK(er.contains(QStringLiteral("entity_resolution.fields[0].compare")));
        CHECK(er.contains(QStringLiteral("entity_resolution.fields[0]"))); // m below u
        CHECK(er.contains(QStringLiteral("entity_resolution.blocking")));
    }

    SECTION("the parameters of a run: types, limits, unknown names and columns the records lack")
    {
        const ModelDefinition m = bundled(QStringLiteral("shared-identifier-rings"));
        RecordSet records({{QStringLiteral("account")}, {QStringLiteral("phone"), ColumnType::Phone}});
        QList<ModelProblem> problems;
        QMap<QString, QJsonValue> given;
        given.insert(QStringLiteral("entity"), QStringLiteral("acount"));
        given.insert(QStringLiteral("identifiers"), QStringLiteral("phone,device"));
        given.insert(QStringLiteral("max_share"), QStringLiteral("1"));
        given.insert(QStringLiteral("min_members"), QStringLiteral("three"));
        given.insert(QStringLiteral("colour"), QStringLiteral("red"));
        CHECK(!resolveParameters(m, given, &records, &problems));
        const QStringList where = paths(problems);
        CHECK(where.contains(QStringLiteral("param entity")));
        CHECK(where.contains(QStringLiteral("param identifiers")));
        CHECK(where.contains(QStringLiteral("param max_share")));
        CHECK(where.contains(QStringLiteral("param min_members")));
        CHECK(where.contains(QStringLiteral("param colour")));
        CHECK(problems[where.indexOf(QStringLiteral("param entity"))].message.contains(QStringLiteral("account, phone")));

        problems.clear();
        given.clear();
        given.insert(QStringLiteral("identifiers"), QStringLiteral("phone"));
        given.insert(QStringLiteral("max_share"), QStringLiteral("40"));
        const auto ok = resolveParameters(m, given, &records, &problems);
        REQUIRE(ok);
        CHECK(ok->value(QStringLiteral("max_share")).toDouble() == 40);
        CHECK(ok->value(QStringLiteral("identifiers")).toArray() == QJsonArray{QStringLiteral("phone")});
        CHECK(ok->value(QStringLiteral("min_members")).toDouble() == 5); // the default
    }
}

TEST_CASE("bigdata_investigation: the ring model separates a planted ring from families, cafes and blocks", "[bigdata_investigation][models]")
{
    TradeDemoOptions options;
    options.rows = 30'000;
    options.ringSize = 70;
    RecordSet records;
    const TradeDemo demo = makeTradeDemo(options, [&](const QStringList& row) {
        if (records.columns().isEmpty())
            records = RecordSet(makeTradeDemo({.seed = 1, .rows = 0, .ringSize = 0}, nullptr).columns);
        records.append(row, records.rowCount() + 2);
    });
    REQUIRE(records.rowCount() == 30'000);
    const ModelDefinition m = bundled(QStringLiteral("shared-identifier-rings"));
    const ModelRunResult result = run(m, records);
    REQUIRE(!result.hits.isEmpty());
    const ModelHit& top = result.hits.first();
    // The ring, all of it and only it, first.
    CHECK(top.members == demo.ringAccounts);
    CHECK(top.score > 0.7);
    for (qsizetype i = 1; i < result.hits.size(); ++i)
        CHECK(result.hits[i].score < top.score - 0.15);
    // The breakdown adds up to the score, and says what it saw.
    double sum = 0;
    QStringList keys;
    for (const ScorePart& p : top.breakdown) {
        sum += p.value;
        keys << p.key;
    }
    CHECK(std::abs(sum - top.score) < 1e-9);
    CHECK(keys == QStringList{QStringLiteral("size"), QStringLiteral("kinds"), QStringLiteral("ties"), QStringLiteral("density")});
    CHECK(top.breakdown[0].detail.contains(QStringLiteral("70")));
    // Every member is tied by at least one identifier, and the rows behind the hit are the ring's.
    QSet<QString> tied;
    for (const RingTie& t : top.ties) {
        tied.insert(t.member);
        CHECK(t.sharedWith >= 1);
        CHECK(t.sharedWith <= 25);
    }
    CHECK(tied.size() == 70);
    CHECK(top.facts.value(QStringLiteral("rows")).toDouble() == double(demo.ringRows));
    const int acc = records.column(QStringLiteral("account"));
    for (qsizetype r : top.rows)
        CHECK(demo.ringAccounts.contains(records.text(r, acc)));
    // The cafes were left out as common, and said so.
    CHECK(std::any_of(result.notes.begin(), result.notes.end(), [](const QString& n) { return n.contains(QStringLiteral("198.18.195.")); }));

    SECTION("without the common-identifier limit the cafes swallow the ring: the parameter matters")
    {
        QMap<QString, QJsonValue> given;
        given.insert(QStringLiteral("max_share"), 100000);
        const ModelRunResult loose = run(m, records, given);
        REQUIRE(!loose.hits.isEmpty());
        CHECK(loose.hits.first().members.size() > 1000);
    }

    SECTION("cancel")
    {
        std::atomic_bool cancel = true;
        ModelRunOptions o;
        o.cancel = &cancel;
        QString error;
        CHECK(!runModel(m, params(m, records), records, o, &error));
        CHECK(error.contains(QStringLiteral("cancelled")));
    }

    SECTION("a hit as JSON masks personal columns unless asked not to")
    {
        const QJsonObject masked = hitToJson(top, m, params(m, records), records, true);
        const QJsonObject plain = hitToJson(top, m, params(m, records), records, false);
        CHECK(masked.value(QStringLiteral("model")).toString() == m.id);
        CHECK(masked.value(QStringLiteral("version")).toInt() == 1);
        const int phone = records.column(QStringLiteral("phone"));
        const QString firstPhone = masked.value(QStringLiteral("rows")).toArray().first().toObject().value(QStringLiteral("cells")).toArray()[phone].toString();
        CHECK(firstPhone.startsWith(QStringLiteral("****")));
        CHECK(plain.value(QStringLiteral("rows")).toArray().first().toObject().value(QStringLiteral("cells")).toArray()[phone].toString().startsWith(QStringLiteral("100-55")));
        for (const QJsonValue& t : masked.value(QStringLiteral("ties")).toArray())
            if (t.toObject().value(QStringLiteral("column")).toString() == QStringLiteral("phone"))
                CHECK(t.toObject().value(QStringLiteral("value")).toString().startsWith(QStringLiteral("****")));
    }
}

TEST_CASE("bigdata_investigation: the spike model flags a key far above its own history", "[bigdata_investigation][models]")
{
    RecordSet records({{QStringLiteral("phone"), ColumnType::Phone}, {QStringLiteral("time"), ColumnType::DateTime}});
    qint64 line = 1;
    // A phone seen once or twice a day for 20 days, then 40 times on day 21; another steady at 30 a day.
    for (int day = 1; day <= 21; ++day) {
        const int n = day == 21 ? 40 : 1 + day % 2;
        for (int i = 0; i < n; ++i)
            records.append({QStringLiteral("100-5550-0001"), stamp(day, i % 24, i)}, ++line);
        for (int i = 0; i < 30; ++i)
            records.append({QStringLiteral("+86 100 5550 0002"), stamp(day, i % 24, i)}, ++line);
    }
    records.append({QStringLiteral("100-5550-0003"), QStringLiteral("not a time")}, ++line);
    const ModelDefinition m = bundled(QStringLiteral("identifier-spike"));
    const ModelRunResult result = run(m, records);
    REQUIRE(result.hits.size() == 1);
    const ModelHit& hit = result.hits.first();
    CHECK(hit.key == QStringLiteral("100-5550-0001"));
    CHECK(hit.facts.value(QStringLiteral("count")).toDouble() == 40);
    CHECK(hit.facts.value(QStringLiteral("expected")).toDouble() < 2);
    CHECK(hit.rows.size() == 40);
    CHECK(std::abs(hit.breakdown[0].value + hit.breakdown[1].value - 40) < 1e-9);
    CHECK(hit.total == 40);
    CHECK(result.rowsSkipped == 1);

    SECTION("seasonal: the same weekday's count in earlier weeks is the baseline")
    {
        RecordSet weekly({{QStringLiteral("account"), ColumnType::Account}, {QStringLiteral("time"), ColumnType::DateTime}});
        qint64 l = 1;
        // 28 days: busy Saturdays (20) and quiet other days (1); then a quiet Tuesday with 20.
        for (int day = 1; day <= 31; ++day) {
            const bool saturday = QDate(2026, 3, day).dayOfWeek() == 6;
            const int n = day == 31 ? 20 : (saturday ? 20 : 1);
            for (int i = 0; i < n; ++i)
                weekly.append({QStringLiteral("DEMO-ACCT-00000001"), stamp(day, i % 24)}, ++l);
        }
        QMap<QString, QJsonValue> given;
        given.insert(QStringLiteral("key"), QStringLiteral("account"));
        given.insert(QStringLiteral("method"), QStringLiteral("seasonal"));
        given.insert(QStringLiteral("warmup"), 3);
        const ModelRunResult s = run(m, weekly, given);
        REQUIRE(s.hits.size() == 1);
        CHECK(QDateTime::fromMSecsSinceEpoch(qint64(s.hits.first().facts.value(QStringLiteral("bucket_start")).toDouble()), Qt::UTC).date()
              == QDate(2026, 3, 31));
        // ewma over the same data flags the first busy Saturday instead (it has no week to compare
        // with): the method matters.
        given.insert(QStringLiteral("method"), QStringLiteral("ewma"));
        const ModelRunResult e = run(m, weekly, given);
        REQUIRE(!e.hits.isEmpty());
        CHECK(QDateTime::fromMSecsSinceEpoch(qint64(e.hits.first().facts.value(QStringLiteral("bucket_start")).toDouble()), Qt::UTC).date()
              == QDate(2026, 3, 7));
    }
}

TEST_CASE("bigdata_investigation: a rule with a count per key within a window", "[bigdata_investigation][models]")
{
    RecordSet records({{QStringLiteral("time"), ColumnType::DateTime},
                       {QStringLiteral("account"), ColumnType::Account},
                       {QStringLiteral("listing")},
                       {QStringLiteral("records"), ColumnType::Integer}});
    qint64 line = 1;
    // A: four bulk listings in five days; B: three bulk listings spread over a month; C: many small ones.
    for (int d : {1, 2, 4, 5})
        records.append({stamp(d, 10), QStringLiteral("DEMO-ACCT-A"), QStringLiteral("ID card numbers with phone list"), QStringLiteral("5000")}, ++line);
    for (int d : {1, 12, 25})
        records.append({stamp(d, 10), QStringLiteral("DEMO-ACCT-B"), QStringLiteral("身份证号 打包"), QStringLiteral("3000")}, ++line);
    for (int d = 1; d < 20; ++d)
        records.append({stamp(d, 10), QStringLiteral("DEMO-ACCT-C"), QStringLiteral("phone list"), QStringLiteral("20")}, ++line);
    records.append({stamp(3, 10), QStringLiteral("DEMO-ACCT-A"), QStringLiteral("bicycle"), QStringLiteral("9000")}, ++line);
    const ModelDefinition m = bundled(QStringLiteral("bulk-personal-records"));
    const ModelRunResult result = run(m, records);
    REQUIRE(result.hits.size() == 1);
    const ModelHit& hit = result.hits.first();
    CHECK(hit.key == QStringLiteral("DEMO-ACCT-A"));
    CHECK(hit.facts.value(QStringLiteral("count")).toInt() == 4);
    CHECK(hit.rows.size() == 4); // the bicycle is not one of them
    QStringList keys;
    for (const ScorePart& p : hit.breakdown)
        keys << p.key;
    CHECK(keys == QStringList{QStringLiteral("condition:0"), QStringLiteral("condition:1"), QStringLiteral("count")});

    SECTION("a lower count: B within a month too")
    {
        ModelDefinition wider = m;
        QJsonObject count = wider.body.value(QStringLiteral("count")).toObject();
        count.insert(QStringLiteral("window"), QStringLiteral("30d"));
        wider.body.insert(QStringLiteral("count"), count);
        CHECK(run(wider, records).hits.size() == 2);
    }
}

TEST_CASE("bigdata_investigation: space-time clusters (DBSCAN) and noise", "[bigdata_investigation][models]")
{
    RecordSet records({{QStringLiteral("place"), ColumnType::Place}, {QStringLiteral("time"), ColumnType::DateTime}});
    qint64 line = 1;
    // Five within 100 m over two nights; the same place a month later once; scattered singles.
    for (int i = 0; i < 5; ++i)
        records.append({QStringLiteral("31.2300%1,121.4700%1").arg(i), stamp(1 + i / 3, 2, i)}, ++line);
    records.append({QStringLiteral("31.23001,121.47001"), stamp(28, 2)}, ++line);
    for (int i = 0; i < 20; ++i)
        records.append({QStringLiteral("31.%1,121.%2").arg(2000 + i * 37).arg(4000 + i * 53), stamp(1 + i, 3)}, ++line);
    records.append({QStringLiteral("somewhere"), stamp(1, 1)}, ++line);
    const ModelDefinition m = bundled(QStringLiteral("space-time-clusters"));
    const ModelRunResult result = run(m, records);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits.first().rows.size() == 5);
    CHECK(result.hits.first().facts.value(QStringLiteral("reach_m")).toDouble() < 100);
    CHECK(result.rowsSkipped == 1);
}

TEST_CASE("bigdata_investigation: entity resolution scores pairs field by field and learns from answers", "[bigdata_investigation][models]")
{
    RecordSet records({{QStringLiteral("name")},
                       {QStringLiteral("id_number"), ColumnType::IdNumber, {}, true},
                       {QStringLiteral("phone"), ColumnType::Phone, {}, true},
                       {QStringLiteral("birth_date")}});
    // 0 and 1: the same person written two ways; 2: another person on the same phone (a family);
    // 3: the same ID number as 0 but nothing else (a typo elsewhere).
    records.append({QStringLiteral("DEMO Zorvek Quilmabu"), QStringLiteral("990000199001011234"), QStringLiteral("100-5550-0001"), QStringLiteral("1990-01-01")}, 2);
    records.append({QStringLiteral("DEMO Zorvek Quilmaba"), QStringLiteral("990000 19900101 1234"), QStringLiteral("+86 10055500001"), QStringLiteral("1990-01-01")}, 3);
    records.append({QStringLiteral("DEMO Arnel Tobisk"), QString(), QStringLiteral("100-5550-0001"), QStringLiteral("1962-07-30")}, 4);
    records.append({QStringLiteral("DEMO Pella Vorn"), QStringLiteral("990000199001011234"), QStringLiteral("100-5550-0999"), QStringLiteral("1971-02-11")}, 5);
    const ModelDefinition m = bundled(QStringLiteral("same-person"));
    const ModelRunResult result = run(m, records);
    REQUIRE(result.hits.size() == 1);
    const ModelHit& hit = result.hits.first();
    CHECK(hit.rows == QList<qsizetype>{0, 1});
    CHECK(hit.score > 0.99);
    double sum = 0;
    for (const ScorePart& p : hit.breakdown)
        sum += p.value;
    CHECK(std::abs(sum - hit.total) < 1e-9);
    CHECK(hit.breakdown.first().key == QStringLiteral("prior"));
    CHECK(hit.breakdown.size() == 5);

    SECTION("the analyst's answers move m and u, and make the next version")
    {
        // The analyst says 0-3 (same ID number, all else different) are the same person: agreeing
        // names then say less, and the next version knows it.
        QString error;
        const auto next = relearnWeights(m, params(m, records), records,
                                         {{0, 3, PairLabel::Same}, {0, 2, PairLabel::Different}, {1, 2, PairLabel::Unsure}}, &error);
        INFO(error.toStdString());
        REQUIRE(next);
        CHECK(next->version == m.version + 1);
        const QJsonArray before = m.body.value(QStringLiteral("fields")).toArray(), after = next->body.value(QStringLiteral("fields")).toArray();
        CHECK(after[0].toObject().value(QStringLiteral("m")).toDouble() < before[0].toObject().value(QStringLiteral("m")).toDouble());
        CHECK(after[1].toObject().value(QStringLiteral("m")).toDouble() > before[1].toObject().value(QStringLiteral("m")).toDouble());
        // The phone agreed on a pair said to differ: u goes up.
        CHECK(after[2].toObject().value(QStringLiteral("u")).toDouble() > before[2].toObject().value(QStringLiteral("u")).toDouble());
        CHECK(!relearnWeights(m, params(m, records), records, {{0, 1, PairLabel::Unsure}}, &error));
        CHECK(error.contains(QStringLiteral("unsure")));
    }
}

TEST_CASE("bigdata_investigation: column types, normal forms and the proposed mapping", "[bigdata_investigation][models]")
{
    CHECK(normalisedValue(ColumnType::Phone, QStringLiteral("+86 100-5550-0001")) == QStringLiteral("10055500001"));
    CHECK(normalisedValue(ColumnType::Phone, QStringLiteral("0086 10055500001")) == QStringLiteral("10055500001"));
    CHECK(normalisedValue(ColumnType::IdNumber, QStringLiteral("990000 19900101 123x")) == QStringLiteral("99000019900101123X"));
    CHECK(normalisedValue(ColumnType::Plate, QStringLiteral("demo-12345")) == QStringLiteral("DEMO12345"));
    CHECK(normalisedValue(ColumnType::Account, QStringLiteral("  Demo   Acct ")) == QStringLiteral("demo acct"));
    CHECK(parseDateTimeCell(QStringLiteral("1970-01-02 00:00")) == 86'400'000);
    CHECK(parseDateTimeCell(QStringLiteral("2026-03-01T10:30:15.5Z")) == QDateTime(QDate(2026, 3, 1), QTime(10, 30, 15, 500), Qt::UTC).toMSecsSinceEpoch());
    CHECK(parseDateTimeCell(QStringLiteral("01/03/2026 10:30"), QStringLiteral("dd/MM/yyyy HH:mm")) == QDateTime(QDate(2026, 3, 1), QTime(10, 30), Qt::UTC).toMSecsSinceEpoch());
    CHECK(!parseDateTimeCell(QStringLiteral("2026-13-01")));
    CHECK(!parseDateTimeCell(QStringLiteral("yesterday")));
    CHECK(parsePlaceCell(QStringLiteral("31.23, 121.47")) == std::pair{31.23, 121.47});
    CHECK(!parsePlaceCell(QStringLiteral("91,0")));
    QString why;
    CHECK(!cellFits({QStringLiteral("n"), ColumnType::Integer}, QStringLiteral("12a"), &why));
    CHECK(why.contains(QStringLiteral("12a")));
    CHECK(cellFits({QStringLiteral("n"), ColumnType::Integer}, QString()));

    const QList<ColumnSpec> proposed = proposeColumns(
        {QStringLiteral("姓名"), QStringLiteral("mobile_no"), QStringLiteral("x"), QStringLiteral("when"), QStringLiteral("count"), QStringLiteral("username")},
        {{QStringLiteral("DEMO A"), QStringLiteral("100-5550-0001"), QStringLiteral("990000199001011234"), QStringLiteral("2026-03-01 10:00"), QStringLiteral("3"), QStringLiteral("u1")},
         {QStringLiteral("DEMO B"), QStringLiteral("100-5550-0002"), QStringLiteral("99000019900101123X"), QStringLiteral("2026-03-02 11:00"), QStringLiteral("4"), QStringLiteral("u2")}});
    REQUIRE(proposed.size() == 6);
    CHECK(proposed[0].personal);
    CHECK(proposed[1].type == ColumnType::Phone);
    CHECK(proposed[1].personal);
    CHECK(proposed[2].type == ColumnType::IdNumber);
    CHECK(proposed[2].personal);
    CHECK(proposed[3].type == ColumnType::DateTime);
    CHECK(proposed[4].type == ColumnType::Integer);
    CHECK(proposed[5].type == ColumnType::Account);
}
