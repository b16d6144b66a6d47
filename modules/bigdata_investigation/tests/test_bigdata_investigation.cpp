// Big-data investigation's tests (issue 17 section 1): its tables as its README lists them, scoped
// to the centre on a shared server, and its share of the demo history, written through the
// training engine's generator: the analytic models, record sets imported under a legal basis and
// kept two years, the alerts the models raised, each explained by that model's features, in
// proportion and the same from the same seed. On SQLite and again on PostgreSQL.
#include "demohistory.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace hexhub;
using namespace hexhub::test;

namespace {

constexpr qint64 kDay = DemoHistory::kDay;

const QStringList kTables{QStringLiteral("bd_alerts"), QStringLiteral("bd_datasets"), QStringLiteral("bd_models")};

} // namespace

TEST_CASE("bigdata_investigation: the tables its README lists, with their columns, scoped to the centre on a shared server",
          "[bigdata_investigation]")
{
    DemoHistory store;
    checkCentreTables(store, QStringLiteral("bigdata_investigation"), QStringLiteral("bd_"),
                      {{QStringLiteral("bd_datasets"),
                        {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("origin"), QStringLiteral("legal_basis"),
                         QStringLiteral("record_count"), QStringLiteral("imported_at"), QStringLiteral("retain_until"),
                         QStringLiteral("imported_by")}},
                       {QStringLiteral("bd_models"),
                        {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("parameters"),
                         QStringLiteral("enabled")}},
                       {QStringLiteral("bd_alerts"),
                        {QStringLiteral("id"), QStringLiteral("model_id"), QStringLiteral("dataset_id"), QStringLiteral("score"),
                         QStringLiteral("explanation"), QStringLiteral("status"), QStringLiteral("raised_at"), QStringLiteral("version")}}});
    if (onPostgres()) {
        store.generate(1400, 1);
        checkScopedToCentre(store, QStringLiteral("bigdata_investigation"), kTables, QStringLiteral("criminal_intel"));
    }
}

TEST_CASE("bigdata_investigation: demo models, record sets imported under a legal basis, alerts explained by their model's features",
          "[bigdata_investigation][demo]")
{
    DemoHistory demo(1500, 1);
    const qint64 end = DemoHistory::endMs();
    CHECK(demo.report().modules.contains(QStringLiteral("bigdata_investigation")));

    // The four models, enabled, alerting from a score of 0.7 over 30 days; each with its features.
    const QMap<QString, QStringList> features{
        {QStringLiteral("burglary_series"), {QStringLiteral("same_method"), QStringLiteral("days_between"), QStringLiteral("distance_m")}},
        {QStringLiteral("fraud_call_cluster"), {QStringLiteral("victims_called"), QStringLiteral("call_span_h"), QStringLiteral("new_number")}},
        {QStringLiteral("repeat_location"), {QStringLiteral("incidents_30d"), QStringLiteral("usual_rate"), QStringLiteral("distance_to_previous_m")}},
        {QStringLiteral("resale_pattern"), {QStringLiteral("item_match"), QStringLiteral("price_ratio"), QStringLiteral("seller_repeat")}}};
    const QList<QVariantList> models =
        demo.rows(QStringLiteral("SELECT id, title, description, parameters, enabled FROM bd_models ORDER BY id"));
    QStringList modelIds;
    for (const QVariantList& model : models) {
        INFO(model[0].toString().toStdString());
        modelIds << model[0].toString();
        CHECK(!model[1].toString().isEmpty());
        CHECK(!model[2].toString().isEmpty());
        const QJsonObject parameters = QJsonDocument::fromJson(model[3].toString().toUtf8()).object();
        CHECK(parameters.value(QStringLiteral("threshold")).toDouble() == Approx(0.7));
        CHECK(parameters.value(QStringLiteral("window_days")).toInt() == 30);
        CHECK(model[4].toLongLong() == 1);
    }
    CHECK(modelIds == features.keys());

    // Record sets imported at even steps from the history's start, numbered W-DEMO-nnnn, by the
    // centre's demo user, under a legal basis, kept two years.
    const qint64 datasets = demo.count(QStringLiteral("SELECT COUNT(*) FROM bd_datasets"));
    CHECK(datasets == std::min<qint64>(demo.scaled(0.00005, 4), 40));
    const QRegularExpression origin(QStringLiteral("^(Warrant|Statutory return|Seizure|Public register) W-DEMO-([0-9]{4})$"));
    const QRegularExpression name(QStringLiteral("^(Pawn shop sales register|Second-hand phone sales|Hotel guest registers|"
                                                 "Reported fraud calls|Bicycle registrations|Parking ticket records), part ([0-9]+)$"));
    qint64 previous = 0;
    int n = 0;
    for (const QVariantList& set : demo.rows(QStringLiteral("SELECT name, origin, legal_basis, record_count, imported_at, retain_until, "
                                                            "imported_by FROM bd_datasets ORDER BY id"))) {
        INFO(set[0].toString().toStdString() << ", " << set[1].toString().toStdString());
        ++n;
        CHECK(name.match(set[0].toString()).hasMatch());
        const QRegularExpressionMatch m = origin.match(set[1].toString());
        REQUIRE(m.hasMatch());
        CHECK(m.captured(2).toInt() == n);
        CHECK(!set[2].toString().isEmpty());
        CHECK(set[3].toLongLong() >= 1000);
        CHECK(set[3].toLongLong() < 201000);
        CHECK(set[4].toLongLong() == demo.startMs() + (end - demo.startMs()) * (n - 1) / datasets);
        CHECK(set[4].toLongLong() > previous);
        CHECK(set[4].toLongLong() < end);
        previous = set[4].toLongLong();
        CHECK(set[5].toLongLong() == set[4].toLongLong() + 2 * 365 * kDay);
        CHECK(set[6].toString() == QStringLiteral("demo.bigdata_investigation"));
    }
    CHECK(n == datasets);

    // Alerts in proportion, raised one after another over the history, scored 0.70 to 0.99; new for
    // three days, then confirmed, dismissed or handed over.
    const qint64 alerts = demo.count(QStringLiteral("SELECT COUNT(*) FROM bd_alerts"));
    CHECK(alerts == demo.scaled(0.005, 20));
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bd_alerts WHERE score < 0.6999 OR score > 0.9901 "
                                    "OR raised_at <= ? OR raised_at >= ?"),
                     {demo.startMs(), end}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bd_alerts WHERE (raised_at > ? AND status <> 'new') "
                                    "OR (raised_at <= ? AND status = 'new')"),
                     {end - 3 * kDay, end - 3 * kDay}) == 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bd_alerts WHERE status = 'new'")) > 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bd_alerts WHERE status <> 'new'")) > 0);
    CHECK(demo.count(QStringLiteral("SELECT COUNT(*) FROM bd_alerts a WHERE NOT EXISTS (SELECT 1 FROM bd_models m WHERE m.id = a.model_id) "
                                    "OR NOT EXISTS (SELECT 1 FROM bd_datasets d WHERE d.id = a.dataset_id)")) == 0);
    // Each explained: its model's three features with their weights, three of the records behind it.
    previous = 0;
    for (const QVariantList& alert : demo.rows(QStringLiteral("SELECT model_id, explanation, raised_at FROM bd_alerts ORDER BY id"))) {
        INFO(alert[0].toString().toStdString() << ": " << alert[1].toString().toStdString());
        CHECK(alert[2].toLongLong() > previous);
        previous = alert[2].toLongLong();
        const QJsonObject explanation = QJsonDocument::fromJson(alert[1].toString().toUtf8()).object();
        QStringList named;
        for (const QJsonValue& feature : explanation.value(QStringLiteral("features")).toArray()) {
            named << feature.toObject().value(QStringLiteral("name")).toString();
            const double weight = feature.toObject().value(QStringLiteral("weight")).toDouble(-1);
            CHECK(weight >= 0);
            CHECK(weight < 1);
        }
        CHECK(named == features.value(alert[0].toString()));
        const QJsonArray records = explanation.value(QStringLiteral("records")).toArray();
        CHECK(records.size() == 3);
        for (const QJsonValue& record : records) {
            CHECK(record.isDouble());
            CHECK(record.toDouble() >= 0);
            CHECK(record.toDouble() < 100000);
        }
    }
}

TEST_CASE("bigdata_investigation: the same seed gives the same demo alerts, another seed other alerts, more incidents more alerts",
          "[bigdata_investigation][demo]")
{
    DemoHistory a(1500, 1), b(1500, 1), other(1500, 2), bigger(8000, 1);
    for (const QString& table : kTables) {
        INFO(table.toStdString());
        const QStringList rows = a.tableRows(table);
        CHECK(!rows.isEmpty());
        CHECK(rows == b.tableRows(table));
    }
    CHECK(a.tableRows(QStringLiteral("bd_models")) == other.tableRows(QStringLiteral("bd_models")));
    CHECK(a.tableRows(QStringLiteral("bd_alerts")) != other.tableRows(QStringLiteral("bd_alerts")));
    CHECK(a.tableRows(QStringLiteral("bd_datasets")) != other.tableRows(QStringLiteral("bd_datasets")));
    // Five alerts in every 1,000 incidents, at least 20.
    CHECK(a.count(QStringLiteral("SELECT COUNT(*) FROM bd_alerts")) == 20);
    CHECK(bigger.count(QStringLiteral("SELECT COUNT(*) FROM bd_alerts")) == 40);
}
