// The guidelines library through GuidelineService (issue 22 section 1): the bundled documents in
// both languages, those guiding a stage first, full-text search with every word required (Chinese
// included, short words too), documents added and revised only by an administrator, with the reason
// on record. On SQLite and again on PostgreSQL.
#include "casedesk.h"
#include "hexhub/case_management/guidelines.h"

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::cases;
using namespace hexhub::test::casedesk;

namespace {

QStringList codes(const QList<Guideline>& found)
{
    QStringList out;
    for (const Guideline& g : found)
        out << g.code;
    return out;
}

} // namespace

TEST_CASE("Guidelines: the library in both languages, the stage's first, searched by full text, Chinese included", "[case_management][guidelines]")
{
    Desk d;
    GuidelineService library(d.tp->store(), d.tp->session(), d.tp->audit());
    // Every document, in the desk's language; those guiding detention's stage first.
    QList<Guideline> all = await(library.find({QStringLiteral("en"), QStringLiteral("measures"), QString(), 100}));
    REQUIRE(all.size() == 8);
    CHECK(all.first().code == QStringLiteral("G-03"));
    CHECK(all.first().title == QStringLiteral("Criminal detention: the 24-hour duties"));
    CHECK(codes(all).mid(1) == QStringList{QStringLiteral("G-01"), QStringLiteral("G-02"), QStringLiteral("G-04"), QStringLiteral("G-05"),
                                           QStringLiteral("G-06"), QStringLiteral("G-07"), QStringLiteral("G-08")});
    const QList<Guideline> chinese = await(library.find({QStringLiteral("zh_CN"), QString(), QString(), 100}));
    REQUIRE(chinese.size() == 8);
    CHECK(chinese.first().title == QStringLiteral("刑事案件立案"));
    CHECK(await(library.find({QStringLiteral("zh_TW"), QString(), QString(), 100})).first().language == QStringLiteral("zh_CN"));

    // Words: each one must be there.
    CHECK(codes(await(library.find({QStringLiteral("en"), QString(), QStringLiteral("family"), 100}))) ==
          QStringList{QStringLiteral("G-03"), QStringLiteral("G-06")});
    CHECK(codes(await(library.find({QStringLiteral("en"), QString(), QStringLiteral("family transfer"), 100}))) ==
          QStringList{QStringLiteral("G-03")});
    CHECK(codes(await(library.find({QStringLiteral("en"), QString(), QStringLiteral("\"recovery position\""), 100}))) ==
          QStringList{QStringLiteral("G-08")});
    CHECK(await(library.find({QStringLiteral("en"), QString(), QStringLiteral("hydrant"), 100})).isEmpty());
    // Chinese: four characters through the index, two by substring.
    CHECK(codes(await(library.find({QStringLiteral("zh_CN"), QString(), QStringLiteral("羁押处所"), 100}))) == QStringList{QStringLiteral("G-03")});
    CHECK(codes(await(library.find({QStringLiteral("zh_CN"), QString(), QStringLiteral("家属"), 100}))) ==
          QStringList{QStringLiteral("G-03"), QStringLiteral("G-06")});
    CHECK(codes(await(library.find({QStringLiteral("zh_CN"), QString(), QStringLiteral("醉酒 复原卧位"), 100}))) ==
          QStringList{QStringLiteral("G-08")});
    // What is typed is a value, never SQL.
    CHECK(await(library.find({QStringLiteral("en"), QString(), QStringLiteral("'; DROP TABLE cm_guidelines; --"), 100})).isEmpty());
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM cm_guidelines")) == 16);

    // Only an administrator adds and revises; the reason goes on record.
    Guideline draft;
    draft.code = QStringLiteral("G-09");
    draft.language = QStringLiteral("en");
    draft.stage = QStringLiteral("investigating");
    draft.title = QStringLiteral("Seizing a phone");
    draft.body = QStringLiteral("A phone is switched to flight mode, bagged against signals and its hash taken on the forensic copy.");
    draft.source = QStringLiteral("Evidence rules");
    CHECK(failureOf(library.save(draft, QString())).contains(QStringLiteral("change the guidelines")));
    d.as(QStringLiteral("ada"));
    Guideline bad = draft;
    bad.code = QStringLiteral("X-1");
    CHECK(failureOf(library.save(bad, QString())).contains(QStringLiteral("G- and two to four digits")));
    bad = draft;
    bad.stage = QStringLiteral("nowhere");
    CHECK(failureOf(library.save(bad, QString())).contains(QStringLiteral("not a stage")));
    bad = draft;
    bad.body = QStringLiteral("Too short");
    CHECK(failureOf(library.save(bad, QString())).contains(QStringLiteral("20 to 100,000")));
    Guideline saved = await(library.save(draft, QString()));
    CHECK(saved.id > 0);
    CHECK(saved.updatedBy == QStringLiteral("ada"));
    CHECK(failureOf(library.save(draft, QString())).contains(QStringLiteral("already")));
    Guideline revised = saved;
    revised.body += QStringLiteral(" Nobody reads it before the copy is made.");
    CHECK(failureOf(library.save(revised, QStringLiteral(" "))).contains(QStringLiteral("why")));
    revised = await(library.save(revised, QStringLiteral("The copy comes first")));
    CHECK(revised.version == 2);
    CHECK(failureOf(library.save(saved, QStringLiteral("An old copy"))).contains(QStringLiteral("meanwhile")));
    Guideline moved = revised;
    moved.code = QStringLiteral("G-10");
    CHECK(failureOf(library.save(moved, QStringLiteral("Renumbered"))).contains(QStringLiteral("keeps its code")));
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'guideline.changed'")) == 2);
    CHECK(d.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'guideline.changed' AND outcome = 'success'")) == 2);
    // Found by the new words, the stage's first.
    d.as(QStringLiteral("carol"));
    const QList<Guideline> phone = await(library.find({QStringLiteral("en"), QStringLiteral("investigating"), QStringLiteral("forensic copy"), 100}));
    REQUIRE(phone.size() == 1);
    CHECK(phone.first().code == QStringLiteral("G-09"));
    CHECK(phone.first().body.endsWith(QStringLiteral("before the copy is made.")));
}
