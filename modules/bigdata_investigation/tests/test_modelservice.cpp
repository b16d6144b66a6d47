// Models at the desk (issue 20 sections 2 and 3): a run over a stored dataset with progress, its
// hits stored with their evidence (model, version, parameters, score parts, rows masked); the review
// queue: confirm, dismiss or ask for more data with a reason, at the version read; the hand-over of
// a confirmed hit only, journaled with its evidence; an analyst's model saved as the next version;
// permissions refused and audited; a cancelled run kept as cancelled with no hit.
#include "testsupport.h"

#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/modelservice.h"
#include "hexhub/bigdata_investigation/tradedemo.h"

#include "base/clock.h"
#include "shared/deadlines.h"
#include "shared/timelimits.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::bigdata;

namespace {

constexpr qint64 kDay = 24 * 3600 * 1000;

struct Desk
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    std::unique_ptr<DatasetService> datasets;
    std::unique_ptr<ModelService> models;
    QTemporaryDir dir;
    TradeDemo demo;
    Dataset trade;

    explicit Desk(qsizetype rows = 6000)
    {
        tp.start();
        signInAs(tp, QStringLiteral("ana"), QStringLiteral("bigdata_investigation_operator"));
        datasets = std::make_unique<DatasetService>(tp->store(), tp->session(), tp->audit());
        models = std::make_unique<ModelService>(tp->store(), tp->session(), tp->audit(), *datasets);
        const QString path = dir.filePath(QStringLiteral("trade.csv"));
        {
            QFile f(path);
            REQUIRE(f.open(QIODevice::WriteOnly));
            demo = writeTradeCsv(f, {.seed = 9, .rows = rows, .ringSize = 70});
        }
        trade = await(datasets->importFile(path, {}, makeTradeDemo({.seed = 1, .rows = 0, .ringSize = 0}, nullptr).columns,
                                           {QStringLiteral("Listings"), QStringLiteral("Seizure W-TEST-0002"), QStringLiteral("CPL art. 141"),
                                            tp->clock().nowMs() + 365 * kDay}),
                      60000);
    }
    ModelDefinition model(const QString& id)
    {
        for (const ModelDefinition& m : await(models->library()))
            if (m.id == id)
                return m;
        FAIL("no model " << id.toStdString());
        return {};
    }
    qint64 count(const QString& sql, const QVariantList& params = {})
    {
        return await(tp->store().read([sql, params](Sql& s) { return s.scalar(sql, params).toLongLong(); }));
    }
};

} // namespace

TEST_CASE("bigdata_investigation: a run over a stored dataset keeps its hits with their evidence, reviewed and handed on by a person",
          "[bigdata_investigation][models][review]")
{
    Desk d;
    const ModelRunRecord run = await(d.models->run(d.model(QStringLiteral("shared-identifier-rings")), {}, d.trade.id), 60000);
    CHECK(run.state == QStringLiteral("finished"));
    CHECK(run.rowsSeen == 6000);
    CHECK(run.hitCount >= 1);
    CHECK(run.startedBy == QStringLiteral("ana"));
    CHECK(run.datasetName == QStringLiteral("Listings"));
    CHECK(!run.notes.isEmpty()); // the cafes
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'model_run.finished'")) == 1);

    const QList<StoredHit> hits = await(d.models->hits(run.id, 0, 100));
    REQUIRE(!hits.isEmpty());
    const StoredHit top = hits.first();
    CHECK(top.rank == 1);
    CHECK(top.status == HitStatus::New);
    QStringList members;
    for (const QJsonValue& m : top.evidence.value(QStringLiteral("members")).toArray())
        members << m.toString();
    CHECK(members == d.demo.ringAccounts);
    // The evidence: the model, its version and parameters, the parts of the score, the rows masked.
    CHECK(top.evidence.value(QStringLiteral("model")).toString() == QStringLiteral("shared-identifier-rings"));
    CHECK(top.evidence.value(QStringLiteral("version")).toInt() == 1);
    CHECK(top.evidence.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("max_share")).toDouble() == 25);
    CHECK(top.evidence.value(QStringLiteral("breakdown")).toArray().size() == 4);
    const QJsonArray rows = top.evidence.value(QStringLiteral("rows")).toArray();
    REQUIRE(!rows.isEmpty());
    const QJsonArray cells = rows.first().toObject().value(QStringLiteral("cells")).toArray();
    CHECK(cells[2].toString().startsWith(QStringLiteral("*****")));
    CHECK(d.demo.ringAccounts.contains(cells[1].toString()));
    for (const QJsonValue& t : top.evidence.value(QStringLiteral("ties")).toArray())
        if (t.toObject().value(QStringLiteral("column")).toString() == QStringLiteral("phone"))
            CHECK(t.toObject().value(QStringLiteral("value")).toString().startsWith(QStringLiteral("****")));

    // The queue, best first; the rail's count.
    CHECK(await(d.models->pendingCount()) == run.hitCount);
    CHECK(await(d.models->queue()).first().id == top.id);

    // Nothing leaves before a person confirms it.
    CHECK(failureOf(d.models->handOn(top.id, QStringLiteral("criminal_intel"))).contains(QStringLiteral("confirm it first")));
    CHECK(failureOf(d.models->review(top.id, top.version, HitStatus::Confirmed, QStringLiteral("ok"))).contains(QStringLiteral("reason")));
    const StoredHit confirmed = await(d.models->review(top.id, top.version, HitStatus::Confirmed,
                                                       QStringLiteral("Seventy accounts on shared devices and proxies, all offering ID data")));
    CHECK(confirmed.status == HitStatus::Confirmed);
    CHECK(confirmed.reviewedBy == QStringLiteral("ana"));
    // A second analyst working from the version they saw: a conflict, not an overwrite.
    CHECK(failureOf(d.models->review(top.id, top.version, HitStatus::Dismissed, QStringLiteral("looks like a family to me"))).contains(QStringLiteral("meanwhile")));
    const CommandId hand = CommandId::make();
    const StoredHit handed = await(d.models->handOn(top.id, QStringLiteral("criminal_intel"), hand));
    CHECK(handed.status == HitStatus::HandedOn);
    CHECK(handed.handedTo == QStringLiteral("criminal_intel"));
    CHECK(await(d.models->handOn(top.id, QStringLiteral("criminal_intel"), hand)).id == top.id); // applied once
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'model_hit.handed_on'")) == 1);
    const QString payload = await(d.tp->store().read([](Sql& s) {
        return s.scalar(QStringLiteral("SELECT payload FROM events WHERE topic = 'model_hit.handed_on'")).toString();
    }));
    const auto event = ModelHitHandedOn::fromJson(QJsonDocument::fromJson(payload.toUtf8()).object());
    REQUIRE(event);
    CHECK(event->to == QStringLiteral("criminal_intel"));
    CHECK(event->reason.startsWith(QStringLiteral("Seventy accounts")));
    CHECK(event->evidence.value(QStringLiteral("members")).toArray().size() == 70);
    CHECK(!payload.contains(QStringLiteral("100-55"))); // no phone number travels unmasked
    CHECK(failureOf(d.models->review(top.id, handed.version, HitStatus::Dismissed, QStringLiteral("changed my mind"))).contains(QStringLiteral("handed on")));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action IN ('model_hit.reviewed', 'model_hit.handed_on', 'model_run.finished') "
                                 "AND outcome = 'success'")) == 3);

    SECTION("another hit dismissed, another sent back for more data: both on the journal with their reasons")
    {
        if (hits.size() >= 3) {
            await(d.models->review(hits[1].id, hits[1].version, HitStatus::Dismissed, QStringLiteral("A family sharing a phone")));
            await(d.models->review(hits[2].id, hits[2].version, HitStatus::MoreData, QStringLiteral("Need the device registrations")));
            CHECK(await(d.models->queue()).size() == qsizetype(run.hitCount - 2)); // more data stays in the queue
            CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'model_hit.reviewed'")) == 3);
        }
    }
}

TEST_CASE("bigdata_investigation: an analyst's model saved as the next version, a bad one refused with its problems, a cancelled run",
          "[bigdata_investigation][models]")
{
    Desk d(3000);
    ModelDefinition rings = d.model(QStringLiteral("shared-identifier-rings"));
    QJsonObject doc = QJsonDocument::fromJson(rings.source).object();
    QJsonObject params = doc.value(QStringLiteral("parameters")).toObject();
    QJsonObject minMembers = params.value(QStringLiteral("min_members")).toObject();
    minMembers.insert(QStringLiteral("default"), 60);
    params.insert(QStringLiteral("min_members"), minMembers);
    doc.insert(QStringLiteral("parameters"), params);
    const ModelDefinition saved = await(d.models->save(QJsonDocument(doc).toJson()));
    CHECK(saved.version == 2);
    CHECK(d.model(QStringLiteral("shared-identifier-rings")).version == 2);
    CHECK(await(d.models->versions(QStringLiteral("shared-identifier-rings"))).size() == 2);
    const ModelRunRecord run = await(d.models->run(saved, {}, d.trade.id), 60000);
    CHECK(run.modelVersion == 2);
    CHECK(run.hitCount == 1); // only the ring has 60 members or more

    doc.insert(QStringLiteral("kind"), QStringLiteral("magic"));
    const QString why = failureOf(d.models->save(QJsonDocument(doc).toJson()));
    CHECK(why.contains(QStringLiteral("kind: expected one of")));

    // A parameter that names no column: the run is kept as failed, with the reason.
    QMap<QString, QJsonValue> given;
    given.insert(QStringLiteral("entity"), QStringLiteral("seller"));
    CHECK(failureOf(d.models->run(saved, given, d.trade.id)).contains(QStringLiteral("no column seller")));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM bd_runs WHERE state = 'failed' AND error LIKE '%seller%'")) == 1);

    SECTION("without the permission: refused and audited")
    {
        signInAs(d.tp, QStringLiteral("cio"), QStringLiteral("criminal_intel_operator"));
        CHECK(!failureOf(d.models->run(saved, {}, d.trade.id)).isEmpty());
        CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'model_run.finished' AND outcome = 'denied'")) == 1);
        CHECK(!failureOf(d.models->queue()).isEmpty());
    }
}

TEST_CASE("bigdata_investigation: the centre's time limits are rules an administrator changes, and its deadlines are on the hub's queue",
          "[bigdata_investigation][models][deadlines]")
{
    Desk d(3000);
    DeadlineBoard board(d.tp->bus(), d.tp->clock());
    board.load();
    REQUIRE(waitUntil([&] { return board.isLoaded(); }));
    const auto due = [&](const QString& key) -> qint64 {
        for (const Deadline& deadline : board.deadlines())
            if (deadline.key == key)
                return deadline.due.toMSecsSinceEpoch();
        return 0;
    };
    // The import put the dataset's retention date on the queue, with the centre and the record.
    const QString retention = QStringLiteral("bigdata_investigation.dataset.%1.retention").arg(d.trade.id);
    REQUIRE(waitUntil([&] { return due(retention) == d.trade.retainUntil; }));
    CHECK(board.deadlines().constFirst().module == QStringLiteral("bigdata_investigation"));
    CHECK(board.deadlines().constFirst().subject == QStringLiteral("bd_dataset:%1").arg(d.trade.id));

    // The rules with their defaults; an analyst may not change them (refused, audited), an
    // administrator may, with a reason, at the version read, once per command.
    TimeLimits limits(d.tp->store(), d.tp->session(), d.tp->audit());
    const Principal analyst = d.tp->session().principal();
    QList<TimeLimit> rules = await(limits.list(QStringLiteral("bigdata_investigation")));
    REQUIRE(rules.size() == 3);
    CHECK(rules[0].rule == QStringLiteral("dataset.retention"));
    CHECK(rules[0].minutes == 365 * 24 * 60);
    CHECK(rules[1].rule == QStringLiteral("hit.more_data"));
    CHECK(rules[1].minutes == 7 * 24 * 60);
    CHECK(rules[2].rule == QStringLiteral("hits.review"));
    CHECK(rules[2].minutes == 3 * 24 * 60);
    CHECK(rules[2].text() == QStringLiteral("Hits of a model run reviewed"));
    CHECK(!failureOf(limits.change(QStringLiteral("bigdata_investigation"), QStringLiteral("hits.review"), 60, QStringLiteral("faster please"),
                                   rules[2].version))
               .isEmpty());
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'time_limit.changed' AND outcome = 'denied'")) == 1);
    signInAs(d.tp, QStringLiteral("root"), QStringLiteral("administrator"));
    CHECK(failureOf(limits.change(QStringLiteral("bigdata_investigation"), QStringLiteral("hits.review"), 60, QStringLiteral("why"),
                                  rules[2].version))
              .contains(QStringLiteral("reason")));
    CHECK(failureOf(limits.change(QStringLiteral("bigdata_investigation"), QStringLiteral("hits.review"), 0, QStringLiteral("never mind"),
                                  rules[2].version))
              .contains(QStringLiteral("between a minute")));
    CHECK(failureOf(limits.change(QStringLiteral("bigdata_investigation"), QStringLiteral("no.such"), 60, QStringLiteral("a rule of nothing"), 1))
              .contains(QStringLiteral("no time limit")));
    const CommandId command = CommandId::make();
    const TimeLimit day = await(limits.change(QStringLiteral("bigdata_investigation"), QStringLiteral("hits.review"), 24 * 60,
                                              QStringLiteral("A day while the operation runs"), rules[2].version, command));
    CHECK(day.minutes == 24 * 60);
    CHECK(day.defaultMinutes == 3 * 24 * 60);
    CHECK(day.changedBy == QStringLiteral("root"));
    CHECK(day.version == rules[2].version + 1);
    CHECK(await(limits.change(QStringLiteral("bigdata_investigation"), QStringLiteral("hits.review"), 24 * 60,
                              QStringLiteral("A day while the operation runs"), rules[2].version, command))
              .version == day.version); // the same command once
    CHECK(failureOf(limits.change(QStringLiteral("bigdata_investigation"), QStringLiteral("hits.review"), 120, QStringLiteral("two hours then"),
                                  rules[2].version))
              .contains(QStringLiteral("meanwhile")));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'time_limit.changed'")) == 1);
    CHECK(TimeLimits::describe(24 * 60).startsWith(QStringLiteral("1 day")));
    CHECK(TimeLimits::describe(36 * 60).startsWith(QStringLiteral("1 day")));
    CHECK(TimeLimits::describe(36 * 60).contains(QStringLiteral("12 hour")));
    CHECK(TimeLimits::describe(90).startsWith(QStringLiteral("90 minute")));

    // A run with hits: its review is due a day (the rule as changed) after it.
    d.tp->session().setPrincipal(analyst);
    const ModelRunRecord run = await(d.models->run(d.model(QStringLiteral("shared-identifier-rings")), {}, d.trade.id), 60000);
    REQUIRE(run.hitCount >= 1);
    const QString review = QStringLiteral("bigdata_investigation.run.%1.review").arg(run.id);
    REQUIRE(waitUntil([&] { return due(review) != 0; }));
    CHECK(due(review) == run.finishedAt + 24 * 3600 * 1000);

    // The first hit needs more data (due in a week); once nothing of the run is new, its review is met.
    QList<StoredHit> hits = await(d.models->hits(run.id, 0, 100));
    REQUIRE(qsizetype(run.hitCount) == hits.size());
    const StoredHit more = await(d.models->review(hits[0].id, hits[0].version, HitStatus::MoreData, QStringLiteral("Need the device registrations")));
    const QString moreKey = QStringLiteral("bigdata_investigation.hit.%1.more_data").arg(hits[0].id);
    REQUIRE(waitUntil([&] { return due(moreKey) != 0; }));
    CHECK(due(moreKey) == more.reviewedAt + 7 * kDay);
    for (qsizetype i = 1; i < hits.size(); ++i) {
        CHECK(due(review) != 0);
        await(d.models->review(hits[i].id, hits[i].version, HitStatus::Dismissed, QStringLiteral("Shared by a family")));
    }
    REQUIRE(waitUntil([&] { return due(review) == 0; }));
    CHECK(due(moreKey) != 0);
    await(d.models->review(more.id, more.version, HitStatus::Confirmed, QStringLiteral("The registrations tie them together")));
    REQUIRE(waitUntil([&] { return due(moreKey) == 0; }));

    // The dataset past its date is purged: its deadline goes with it.
    await(d.tp->store().write(WriteContext{QStringLiteral("test"), QStringLiteral("test"), {}}, [](WriteTransaction& txn) {
        txn.exec(QStringLiteral("UPDATE bd_datasets SET retain_until = ?"), {txn.clock().nowMs() - 1});
    }));
    CHECK(await(d.datasets->purgeExpired()) == 1);
    REQUIRE(waitUntil([&] { return due(retention) == 0; }));
    CHECK(board.deadlines().isEmpty());
}

TEST_CASE("bigdata_investigation: the labelling loop: answers on an entity-resolution run's pairs, the weights learnt again as the next version",
          "[bigdata_investigation][models][labels]")
{
    Desk d(3000);
    // People: 0 and 1 the same person written two ways; 2 a family member on the same phone; 3 the
    // same ID number and birth date as 0 with a name and phone of her own (a clerk's slip, or two people).
    const QString path = d.dir.filePath(QStringLiteral("people.csv"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        QTextStream out(&f);
        out << "name,id_number,phone,birth_date\n"
            << "DEMO Zorvek Quilmabu,990000199001011234,100-5550-0001,1990-01-01\n"
            << "DEMO Zorvek Quilmaba,990000199001011234,10055500001,1990-01-01\n"
            << "DEMO Arnel Tobisk,,100-5550-0001,1962-07-30\n"
            << "DEMO Pella Vorn,990000199001011234,100-5550-0999,1990-01-01\n";
    }
    const QList<ColumnSpec> mapping{{QStringLiteral("name")},
                                    {QStringLiteral("id_number"), ColumnType::IdNumber, {}, true},
                                    {QStringLiteral("phone"), ColumnType::Phone, {}, true},
                                    {QStringLiteral("birth_date")}};
    const Dataset people = await(d.datasets->importFile(path, {}, mapping,
                                                        {QStringLiteral("People"), QStringLiteral("Register extract"), QStringLiteral("CPL art. 141"),
                                                         d.tp->clock().nowMs() + 365 * kDay}),
                                 60000);
    QMap<QString, QJsonValue> given;
    given.insert(QStringLiteral("threshold"), 0.01);
    const ModelRunRecord run = await(d.models->run(d.model(QStringLiteral("same-person")), given, people.id), 60000);
    const QList<StoredHit> pairs = await(d.models->hits(run.id, 0, 100));
    REQUIRE(pairs.size() >= 2);

    // No answer yet: nothing to learn from.
    CHECK(failureOf(d.models->relearn(run.id)).contains(QStringLiteral("No answer")));
    // The analyst's answers: the best pair the same person, the next one not; at the version read.
    const StoredHit same = await(d.models->label(pairs[0].id, pairs[0].version, PairLabel::Same));
    CHECK(same.label == PairLabel::Same);
    CHECK(failureOf(d.models->label(pairs[0].id, pairs[0].version, PairLabel::Different)).contains(QStringLiteral("meanwhile")));
    await(d.models->label(pairs[1].id, pairs[1].version, PairLabel::Different));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'model_hit.labelled'")) == 2);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'model_hit.labelled' AND outcome = 'success'")) == 2);
    // An answer hands nothing on: the pairs are still to be reviewed.
    CHECK(await(d.models->hit(pairs[1].id)).status == HitStatus::New);

    // The loop closed: the model's next version with the weights learnt again, to run again.
    const ModelDefinition next = await(d.models->relearn(run.id), 60000);
    CHECK(next.id == QStringLiteral("same-person"));
    CHECK(next.version == 2);
    CHECK(d.model(QStringLiteral("same-person")).version == 2);
    // The weights moved: the pair said to differ agreed on its phone, so the phone's u went up.
    const auto version1 = findModel(QStringLiteral("same-person"), nullptr);
    REQUIRE(version1);
    const auto fieldU = [](const ModelDefinition& m, int i) {
        return m.body.value(QStringLiteral("fields")).toArray()[i].toObject().value(QStringLiteral("u")).toDouble();
    };
    const auto fieldM = [](const ModelDefinition& m, int i) {
        return m.body.value(QStringLiteral("fields")).toArray()[i].toObject().value(QStringLiteral("m")).toDouble();
    };
    bool moved = false;
    for (int i = 0; i < 4; ++i)
        moved = moved || fieldU(next, i) != fieldU(*version1, i) || fieldM(next, i) != fieldM(*version1, i);
    CHECK(moved);
    const ModelRunRecord again = await(d.models->run(next, given, people.id), 60000);
    CHECK(again.modelVersion == 2);

    // A ring's hit is not a pair: no such answer.
    const ModelRunRecord rings = await(d.models->run(d.model(QStringLiteral("shared-identifier-rings")), {}, d.trade.id), 60000);
    const StoredHit ring = await(d.models->hits(rings.id, 0, 1)).first();
    CHECK(failureOf(d.models->label(ring.id, ring.version, PairLabel::Same)).contains(QStringLiteral("Only a pair")));
}
