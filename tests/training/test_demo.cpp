// The demo data generator (issue 7 section 2): deterministic from the seed, proportional, shaped
// by the hour of day, plainly synthetic personal data, and never mixed into a store with incidents.
// On SQLite and again on PostgreSQL (the [cli] case only on SQLite).
#include "testsupport.h"

#include "demogenerator.h"
#include "hexhub/hub/hubservices.h"
#include "module/demodata.h"
#include "base/error.h"
#include "store/sql.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>

using namespace hexhub;
using namespace hexhub::test;

namespace {

struct DemoPlatform
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};

    DemoPlatform() { tp.start(); }

    DemoReport generate(qint64 incidents, quint64 seed)
    {
        DemoOptions options;
        options.incidents = incidents;
        options.seed = seed;
        return await(generateDemo(*tp, options), 300000);
    }
    QByteArray hash() { return await(demoDataHash(tp->store()), 120000); }
    qint64 count(const QString& sql, const QVariantList& params = {})
    {
        return await(tp->store().read([sql, params](Sql& s) { return s.scalar(sql, params).toLongLong(); }));
    }
    QStringList column(const QString& sql)
    {
        return await(tp->store().read([sql](Sql& s) {
            QStringList values;
            QSqlQuery q = s.exec(sql);
            while (q.next())
                values << q.value(0).toString();
            return values;
        }));
    }
};

const QStringList kDemoTables{
    QStringLiteral("hub_units"),        QStringLiteral("hub_cameras"),       QStringLiteral("hub_incidents"),
    QStringLiteral("hub_dispatches"),   QStringLiteral("hub_tasks"),         QStringLiteral("hub_operations"),
    QStringLiteral("bc_stations"),      QStringLiteral("bc_beats"),          QStringLiteral("bc_roster_shifts"),
    QStringLiteral("bc_inspections"),   QStringLiteral("ci_leads"),          QStringLiteral("ci_entities"),
    QStringLiteral("ci_links"),         QStringLiteral("ci_investigations"), QStringLiteral("ci_task_division"),
    QStringLiteral("bd_datasets"),      QStringLiteral("bd_dataset_rows"),
    QStringLiteral("cm_cases"),         QStringLiteral("cm_custody"),        QStringLiteral("cm_property"),
    QStringLiteral("sv_demands"),       QStringLiteral("sv_demand_history"), QStringLiteral("ps_sites"),
    QStringLiteral("ps_plans"),         QStringLiteral("ps_posts")};

} // namespace

TEST_CASE("demo: the same seed gives the same data, another seed other data", "[demo]")
{
    DemoPlatform a, b, c;
    const DemoReport first = a.generate(1500, 7);
    const DemoReport again = b.generate(1500, 7);
    const DemoReport other = c.generate(1500, 8);
    CHECK(first.rows == again.rows);
    const QByteArray hashA = a.hash();
    CHECK(hashA.size() == 32);
    CHECK(hashA.toHex() == b.hash().toHex());
    CHECK(hashA.toHex() != c.hash().toHex());
    CHECK(other.incidents == 1500);
    // The hash sees the data: one changed value in any demo table changes it.
    await(b.tp->store().write([](WriteTransaction& txn) {
        txn.exec(QStringLiteral("UPDATE ci_entities SET label = label || '.' WHERE id = (SELECT MIN(id) FROM ci_entities)"));
    }));
    CHECK(hashA.toHex() != b.hash().toHex());
}

TEST_CASE("demo: N incidents, the related records in proportion, every centre's tables filled", "[demo]")
{
    DemoPlatform demo;
    const DemoReport report = demo.generate(2000, 1);
    CHECK(report.incidents == 2000);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents")) == 2000);
    CHECK(report.modules.first() == QStringLiteral("hub"));
    CHECK(report.modules.size() == 7);
    for (const QString& table : kDemoTables) {
        INFO(table.toStdString());
        CHECK(report.rows.value(table) > 0);
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) == report.rows.value(table));
    }
    // Proportional: more incidents, more of the rest.
    DemoPlatform bigger;
    const DemoReport more = bigger.generate(6000, 1);
    CHECK(more.rows.value(QStringLiteral("hub_dispatches")) > 2 * report.rows.value(QStringLiteral("hub_dispatches")));
    CHECK(more.rows.value(QStringLiteral("sv_demands")) > 2 * report.rows.value(QStringLiteral("sv_demands")));
    CHECK(more.rows.value(QStringLiteral("cm_cases")) > 2 * report.rows.value(QStringLiteral("cm_cases")));

    const qint64 end = DemoOptions::defaultEnd().toMSecsSinceEpoch();
    // A consistent history: nothing after its end, units arrive after they are sent and clear after
    // they arrive, the old incidents closed, the last hours' ones open, a unit on one open incident.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE created_at >= ? OR updated_at > ?"), {end, end}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_dispatches WHERE arrived_at <= dispatched_at OR cleared_at <= arrived_at "
                                    "OR cleared_at <= dispatched_at OR cleared_at > ?"),
                     {end}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE status IN ('new', 'dispatched', 'on_scene') "
                                    "AND created_at < ?"),
                     {end - 6 * 3600 * 1000}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE status IN ('new', 'dispatched', 'on_scene')")) > 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE status = 'closed'")) > 1500);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_units u JOIN hub_incidents i ON i.id = u.incident_id "
                                    "WHERE i.status NOT IN ('dispatched', 'on_scene')")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents i WHERE status = 'on_scene' AND arrived_at IS NULL")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents i WHERE category NOT IN (SELECT id FROM hub_categories)")) == 0);
    // Inside the district, the cameras synthetic.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE latitude NOT BETWEEN 31.21 AND 31.25 "
                                    "OR longitude NOT BETWEEN 121.45 AND 121.50")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_cameras WHERE stream_url NOT LIKE 'synthetic:%'")) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_cameras WHERE id IN ('CAM-0101', 'CAM-0214', 'DRONE-01', 'BWC-0007')")) == 4);
    // Found by the board's full-text search.
    if (!onPostgres()) {
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents_fts WHERE hub_incidents_fts MATCH ?"),
                         {QStringLiteral("\"Elm Road\"")}) > 0);
    }
    // Marked as a demo store, and journaled.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = 'demo.generated'")) == 1);
}

TEST_CASE("demo: arrivals follow the hour of day and the weekday", "[demo]")
{
    DemoPlatform demo;
    demo.generate(8000, 3);
    // The district's hour (UTC+8) of each incident.
    QList<qint64> byHour(24, 0);
    QList<qint64> weekendSmallHours(2, 0); // [weekday, weekend] incidents 00:00-03:59
    for (const QString& created : demo.column(QStringLiteral("SELECT created_at FROM hub_incidents"))) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(created.toLongLong(), Qt::UTC).addSecs(8 * 3600);
        ++byHour[local.time().hour()];
        if (local.time().hour() < 4)
            ++weekendSmallHours[local.date().dayOfWeek() >= 6 ? 1 : 0];
    }
    INFO("3am " << byHour[3] << ", 7pm " << byHour[19] << ", noon " << byHour[12]);
    CHECK(byHour[3] * 3 < byHour[19]);
    CHECK(byHour[3] < byHour[12]);
    CHECK(byHour[12] < byHour[19]);
    // Saturday's and Sunday's small hours (two days of seven) busier than their share.
    CHECK(weekendSmallHours[1] * 5 > weekendSmallHours[0] * 2 * 1.2);
}

TEST_CASE("demo: the history's incidents have timelines written with the history's times", "[demo]")
{
    DemoPlatform demo;
    demo.generate(3000, 11);
    const QString entry = QStringLiteral(
        "SELECT 1 FROM hub_incident_events l JOIN events e ON e.seq = l.event_seq WHERE l.incident_id = %1 AND e.topic = '%2' %3");
    // Every incident: created when it was received.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents i WHERE NOT EXISTS (%1)")
                         .arg(entry.arg(QStringLiteral("i.id"), QStringLiteral("incident.created"),
                                        QStringLiteral("AND e.occurred_at = i.created_at")))) == 0);
    // Every dispatch: its unit in the incident's dispatch entry; every arrival: an entry at its time.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_dispatches d WHERE NOT EXISTS (%1)")
                         .arg(entry.arg(QStringLiteral("d.incident_id"), QStringLiteral("incident.dispatched"),
                                        QStringLiteral("AND e.payload LIKE '%\"' || d.unit_id || '\"%' AND e.occurred_at <= d.dispatched_at")))) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_dispatches d WHERE d.arrived_at IS NOT NULL AND NOT EXISTS (%1)")
                         .arg(entry.arg(QStringLiteral("d.incident_id"), QStringLiteral("incident.unit_arrived"),
                                        QStringLiteral("AND e.occurred_at = d.arrived_at")))) == 0);
    // How each ended, when it last changed.
    for (const QString& status : {QStringLiteral("closed"), QStringLiteral("resolved"), QStringLiteral("cancelled")}) {
        INFO(status.toStdString());
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents i WHERE i.status = ?"), {status}) > 0);
        CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents i WHERE i.status = ? AND NOT EXISTS (%1)")
                             .arg(entry.arg(QStringLiteral("i.id"), QStringLiteral("incident.status"),
                                            QStringLiteral("AND e.payload LIKE '%\"to\":\"' || i.status || '\"%' AND e.occurred_at = i.updated_at"))),
                         {status}) == 0);
    }
    // Nothing after the end of the history.
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE occurred_at > ?"), {DemoOptions::defaultEnd().toMSecsSinceEpoch()}) == 0);

    // As the incident panel reads it: in order, in words.
    signInAs(demo.tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    const qint64 closed = demo.count(QStringLiteral("SELECT MIN(i.id) FROM hub_incidents i WHERE i.status = 'closed' AND i.arrived_at IS NOT NULL"));
    IncidentService incidents(demo.tp->store(), demo.tp->session(), demo.tp->audit());
    const QList<TimelineEntry> timeline = await(incidents.timeline(closed));
    REQUIRE(timeline.size() >= 4);
    QStringList texts;
    for (int i = 0; i < timeline.size(); ++i) {
        texts << timeline[i].text;
        if (i > 0)
            CHECK(timeline[i - 1].at <= timeline[i].at);
    }
    INFO(texts.join(QStringLiteral(" | ")).toStdString());
    CHECK(timeline.first().topic == QStringLiteral("incident.created"));
    CHECK(timeline.at(1).topic == QStringLiteral("incident.dispatched"));
    CHECK(timeline.at(2).topic == QStringLiteral("incident.unit_arrived"));
    CHECK(timeline.last().topic == QStringLiteral("incident.status"));
    CHECK(timeline.last().text.endsWith(QStringLiteral("to closed")));
}

TEST_CASE("demo: names, phone numbers and ID numbers are plainly synthetic", "[demo]")
{
    QRandomGenerator64 random(42);
    for (int i = 0; i < 5000; ++i) {
        const QString name = SyntheticIdentity::personName(random);
        const QString phone = SyntheticIdentity::phoneNumber(random);
        const QString id = SyntheticIdentity::idNumber(random);
        INFO(name.toStdString() << " " << phone.toStdString() << " " << id.toStdString());
        REQUIRE(SyntheticIdentity::namePattern().match(name).hasMatch());
        REQUIRE(SyntheticIdentity::phonePattern().match(phone).hasMatch());
        REQUIRE(SyntheticIdentity::isSyntheticIdNumber(id));
    }
    // The national standard's own example number: its check character, and it is not synthetic.
    CHECK(SyntheticIdentity::idCheckCharacter(u"11010519491231002") == QLatin1Char('X'));
    CHECK_FALSE(SyntheticIdentity::isSyntheticIdNumber(QStringLiteral("11010519491231002X")));
    CHECK_FALSE(SyntheticIdentity::isSyntheticIdNumber(QStringLiteral("990000199002300011"))); // no 30 February
    CHECK_FALSE(SyntheticIdentity::phonePattern().match(QStringLiteral("13812345678")).hasMatch());
    CHECK_FALSE(SyntheticIdentity::namePattern().match(QStringLiteral("Zhang Wei")).hasMatch());

    // Every person, phone and ID number the generator wrote.
    DemoPlatform demo;
    demo.generate(2000, 5);
    const auto all = [&](const QString& sql, const QRegularExpression& pattern) {
        const QStringList values = demo.column(sql);
        CHECK(!values.isEmpty());
        for (const QString& v : values) {
            INFO(sql.toStdString() << ": " << v.toStdString());
            CHECK(pattern.match(v).hasMatch());
        }
    };
    all(QStringLiteral("SELECT reporter_contact FROM hub_incidents WHERE reporter_contact IS NOT NULL"), SyntheticIdentity::phonePattern());
    all(QStringLiteral("SELECT contact FROM sv_demands WHERE contact IS NOT NULL"), SyntheticIdentity::phonePattern());
    all(QStringLiteral("SELECT phone FROM bc_stations"), SyntheticIdentity::phonePattern());
    all(QStringLiteral("SELECT label FROM ci_entities WHERE kind = 'phone'"), SyntheticIdentity::phonePattern());
    all(QStringLiteral("SELECT label FROM ci_entities WHERE kind = 'person'"), SyntheticIdentity::namePattern());
    all(QStringLiteral("SELECT DISTINCT officer FROM bc_roster_shifts"), SyntheticIdentity::namePattern());
    all(QStringLiteral("SELECT DISTINCT inspector FROM bc_inspections"), SyntheticIdentity::namePattern());
    all(QStringLiteral("SELECT label FROM ci_entities WHERE kind = 'vehicle'"), QRegularExpression(QStringLiteral("^DEMO-[0-9]{5}$")));
    all(QStringLiteral("SELECT label FROM ci_entities WHERE kind = 'account'"), QRegularExpression(QStringLiteral("^DEMO-ACCT-[0-9]{8}$")));
    const QStringList custody = demo.column(QStringLiteral("SELECT person_ref FROM cm_custody"));
    REQUIRE(!custody.isEmpty());
    for (const QString& ref : custody) {
        INFO(ref.toStdString());
        const QStringList parts = ref.split(QStringLiteral(", ID "));
        REQUIRE(parts.size() == 2);
        CHECK(SyntheticIdentity::namePattern().match(parts[0]).hasMatch());
        CHECK(SyntheticIdentity::isSyntheticIdNumber(parts[1]));
    }
}

TEST_CASE("demo: a store that holds incidents is refused and left as it was", "[demo]")
{
    DemoPlatform demo;
    demo.generate(300, 1);
    const QByteArray before = demo.hash();
    DemoOptions options;
    options.incidents = 300;
    const QString failure = failureOf(generateDemo(*demo.tp, options));
    CHECK(failure.contains(QStringLiteral("already holds incidents")));
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM hub_incidents")) == 300);
    CHECK(demo.hash() == before);
}

TEST_CASE("hexhub --generate-demo writes N incidents, and refuses a store with incidents", "[demo][cli]")
{
    QTemporaryDir home;
    const auto run = [&](const QStringList& args, QString* out, QString* err) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("HEXHUB_MODULE_PATH"), QString());
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(HEXHUB_BIN_DIR "/hexhub"), args);
        REQUIRE(process.waitForFinished(120000));
        *out = QString::fromUtf8(process.readAllStandardOutput());
        *err = QString::fromUtf8(process.readAllStandardError());
        return process.exitCode();
    };
    const QString store = QStringLiteral("sqlite://") + home.filePath(QStringLiteral("demo.db"));
    QString out, err;
    CHECK(run({QStringLiteral("--generate-demo"), QStringLiteral("500"), QStringLiteral("--seed"), QStringLiteral("9"),
               QStringLiteral("--store"), store},
              &out, &err) == 0);
    INFO(out.toStdString() << err.toStdString());
    CHECK(out.contains(QStringLiteral("500 incidents from seed 9")));
    CHECK(out.contains(QRegularExpression(QStringLiteral("hub_dispatches +[0-9]+"))));
    {
        RawSqlite raw(home.filePath(QStringLiteral("demo.db")));
        CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_incidents")).toInt() == 500);
    }
    CHECK(run({QStringLiteral("--generate-demo"), QStringLiteral("500"), QStringLiteral("--store"), store}, &out, &err) == 1);
    CHECK(err.contains(QStringLiteral("already holds incidents")));
    CHECK(run({QStringLiteral("--generate-demo"), QStringLiteral("many"), QStringLiteral("--store"), store}, &out, &err) == 2);
    CHECK(run({QStringLiteral("--generate-demo"), QStringLiteral("10")}, &out, &err) == 2);
    CHECK(err.contains(QStringLiteral("--store")));
}
