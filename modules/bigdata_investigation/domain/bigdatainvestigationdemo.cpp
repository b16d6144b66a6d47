// Big-data investigation's share of the demo history: the analytic models, imported record sets
// with their legal basis and retention, and the alerts the models raised, each explained.
#include "hexhub/bigdata_investigation/demo.h"
#include "base/coretr.h"
#include "module/demodata.h"
#include "module/extensions.h"

#include "store/sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hexhub::bigdata {

namespace {

constexpr qint64 kDay = 24 * 3600 * 1000;

QString json(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

void writeDemoData(DemoContext& demo)
{
    QRandomGenerator64 random = demo.random(QStringLiteral("models"));
    struct Model
    {
        const char* id;
        const char* title;
        const char* description;
        const char* features[3];
    };
    static const Model kModels[] = {
        {"repeat_location", "Repeat locations", "Places with more incidents of one kind than their usual rate",
         {"incidents_30d", "usual_rate", "distance_to_previous_m"}},
        {"burglary_series", "Burglary series", "Burglaries close in place, time and method that may be one crew",
         {"same_method", "days_between", "distance_m"}},
        {"resale_pattern", "Resale of stolen goods", "Second-hand sales that match property reported stolen",
         {"item_match", "price_ratio", "seller_repeat"}},
        {"fraud_call_cluster", "Fraud call clusters", "Numbers that called many reported fraud victims",
         {"victims_called", "call_span_h", "new_number"}},
    };
    for (const Model& m : kModels) {
        demo.insert(QStringLiteral("INSERT INTO bd_models (id, title, description, parameters, enabled) VALUES (?, ?, ?, ?, 1)"),
                    {QLatin1String(m.id), QLatin1String(m.title), QLatin1String(m.description),
                     json({{QStringLiteral("threshold"), 0.7}, {QStringLiteral("window_days"), 30}})});
    }

    static const char* const kDatasets[] = {"Pawn shop sales register", "Second-hand phone sales", "Hotel guest registers",
                                            "Reported fraud calls", "Bicycle registrations", "Parking ticket records"};
    static const char* const kOrigins[] = {"Warrant", "Statutory return", "Seizure", "Public register"};
    const qint64 datasets = std::min<qint64>(demo.scaled(0.00005, 4), 40);
    QList<qint64> datasetIds;
    for (qint64 i = 0; i < datasets; ++i) {
        const qint64 imported = demo.startMs() + (demo.endMs() - demo.startMs()) * i / datasets;
        const int kind = int(i % qint64(std::size(kDatasets)));
        datasetIds << demo.insertReturningId(
            QStringLiteral("INSERT INTO bd_datasets (name, origin, legal_basis, record_count, imported_at, retain_until, imported_by) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {QStringLiteral("%1, part %2").arg(QLatin1String(kDatasets[kind])).arg(i / qint64(std::size(kDatasets)) + 1),
             QStringLiteral("%1 W-DEMO-%2").arg(QLatin1String(kOrigins[random.bounded(4)])).arg(i + 1, 4, 10, QLatin1Char('0')),
             QStringLiteral("Investigation of reported offences"), 1000 + random.bounded(200000), imported, imported + 2 * 365 * kDay,
             DemoContext::userOf(QStringLiteral("bigdata_investigation_operator"))});
    }

    QRandomGenerator64 alerts = demo.random(QStringLiteral("alerts"));
    const qint64 count = demo.scaled(0.005, 20);
    for (qint64 i = 0; i < count; ++i) {
        const Model& m = kModels[alerts.bounded(int(std::size(kModels)))];
        const qint64 raised = demo.startMs() + (demo.endMs() - demo.startMs()) * (i + 1) / (count + 1);
        const double score = 0.7 + alerts.bounded(30) / 100.0;
        QJsonArray features;
        for (const char* f : m.features)
            features << QJsonObject{{QStringLiteral("name"), QLatin1String(f)}, {QStringLiteral("weight"), alerts.bounded(100) / 100.0}};
        QJsonArray records;
        for (int r = 0; r < 3; ++r)
            records << alerts.bounded(100000);
        const qint64 age = demo.endMs() - raised;
        static const QString kStatus[] = {QStringLiteral("new"), QStringLiteral("confirmed"), QStringLiteral("dismissed"),
                                          QStringLiteral("handed_over")};
        const QString status = age < 3 * kDay ? kStatus[0] : kStatus[1 + alerts.bounded(3)];
        demo.insert(QStringLiteral("INSERT INTO bd_alerts (model_id, dataset_id, score, explanation, status, raised_at) VALUES (?, ?, ?, ?, ?, ?)"),
                    {QLatin1String(m.id), datasetIds[alerts.bounded(int(datasetIds.size()))], score,
                     json({{QStringLiteral("features"), features}, {QStringLiteral("records"), records}}), status, raised});
    }
}

SimulationShare simulationShare()
{
    SimulationShare share;
    share.followUps = {
        {QStringLiteral("missing_person"), 0.5, [](const QString& address) { return Tr::tr("Search the records for sightings near %1").arg(address); }},
    };
    return share;
}

} // namespace hexhub::bigdata
