// The incident's life: which moves are allowed and why the others are not, ids that match the
// store, and JSON for the bus that never carries the reporter's contact.
#include "testsupport.h"

#include "hexhub/hub/incident.h"

#include <QJsonDocument>

#include <catch2/catch.hpp>

using namespace hexhub;

TEST_CASE("An incident moves only along its life, and says why not otherwise", "[incident][domain]")
{
    using S = IncidentStatus;
    const QList<S> all{S::New, S::Dispatched, S::OnScene, S::Resolved, S::Closed, S::Cancelled};
    const QList<std::pair<S, S>> allowed{
        {S::New, S::Dispatched},      {S::New, S::Resolved},      {S::New, S::Cancelled},
        {S::Dispatched, S::OnScene},  {S::Dispatched, S::New},    {S::Dispatched, S::Cancelled},
        {S::OnScene, S::Resolved},    {S::Resolved, S::Closed},   {S::Resolved, S::OnScene},
    };
    // Every pair: allowed exactly when listed; a refusal always has a reason.
    int refused = 0;
    for (const S from : all) {
        for (const S to : all) {
            const bool expected = allowed.contains(std::pair{from, to});
            INFO(incidentStatusId(from).toStdString() << " -> " << incidentStatusId(to).toStdString());
            CHECK(canMoveIncident(from, to) == expected);
            CHECK(whyIncidentCannotMove(from, to).isEmpty() == expected);
            refused += !expected;
        }
    }
    CHECK(refused == 36 - 9);
    CHECK(whyIncidentCannotMove(S::Closed, S::New) == QStringLiteral("The incident is closed: nothing more happens to it."));
    CHECK(whyIncidentCannotMove(S::OnScene, S::OnScene) == QStringLiteral("The incident is on scene already."));
    CHECK(whyIncidentCannotMove(S::New, S::OnScene) == QStringLiteral("An incident that is new cannot become on scene."));
}

TEST_CASE("Incident ids are the store's, and JSON for the bus leaves the reporter out", "[incident][domain]")
{
    // The same words as the CHECK constraints of hub_incidents.
    CHECK(incidentStatusId(IncidentStatus::OnScene) == QStringLiteral("on_scene"));
    CHECK(incidentSourceId(IncidentSource::PublicComplaint) == QStringLiteral("public_complaint"));
    for (const QString& id : {QStringLiteral("new"), QStringLiteral("dispatched"), QStringLiteral("on_scene"),
                              QStringLiteral("resolved"), QStringLiteral("closed"), QStringLiteral("cancelled")})
        CHECK(incidentStatusId(*incidentStatusFromId(id)) == id);
    CHECK_FALSE(incidentStatusFromId(QStringLiteral("On_Scene")));
    CHECK_FALSE(incidentSourceFromId(QString()));

    Incident incident;
    incident.id = 42;
    incident.number = QStringLiteral("2026-000123");
    incident.status = IncidentStatus::Dispatched;
    incident.priority = 1;
    incident.category = QStringLiteral("rooftop_rescue");
    incident.source = IncidentSource::Video;
    incident.summary = QStringLiteral("Two people on the outer edge of the roof");
    incident.location = Location{QStringLiteral("18 Harbour Street"), GeoPoint{31.2304, 121.4737}};
    incident.reporterContact = QStringLiteral("+86 000 0000 0042");
    incident.createdAt = 1000;
    incident.updatedAt = 2000;
    incident.version = 3;
    const QJsonObject json = incident.toJson();
    CHECK_FALSE(json.contains(QStringLiteral("reporterContact")));
    CHECK_FALSE(QString::fromUtf8(QJsonDocument(json).toJson()).contains(QStringLiteral("0042")));
    const std::optional<Incident> back = Incident::fromJson(json);
    REQUIRE(back);
    CHECK(back->number == incident.number);
    CHECK(back->status == IncidentStatus::Dispatched);
    CHECK(back->priority == 1);
    CHECK(back->source == IncidentSource::Video);
    CHECK(back->location == incident.location);
    CHECK(back->id == 42);
    CHECK(back->version == 3);
    CHECK(back->reporterContact.isEmpty());

    // What is not an incident says which field is wrong.
    QString error;
    QJsonObject bad = json;
    bad.insert(QStringLiteral("priority"), 5);
    CHECK_FALSE(Incident::fromJson(bad, &error));
    CHECK(error.contains(QStringLiteral("\"priority\"")));
    bad = json;
    bad.insert(QStringLiteral("priority"), 1.5);
    CHECK_FALSE(Incident::fromJson(bad, &error));
    bad = json;
    bad.insert(QStringLiteral("status"), QStringLiteral("on scene"));
    CHECK_FALSE(Incident::fromJson(bad, &error));
    CHECK(error.contains(QStringLiteral("\"status\"")));
    bad = json;
    bad.remove(QStringLiteral("number"));
    CHECK_FALSE(Incident::fromJson(bad, &error));
    CHECK(error.contains(QStringLiteral("\"number\"")));
    bad = json;
    bad.insert(QStringLiteral("location"), QJsonObject{{QStringLiteral("point"), QJsonObject{{QStringLiteral("lat"), 120.0}, {QStringLiteral("lon"), 0.0}}}});
    CHECK_FALSE(Incident::fromJson(bad, &error));
    CHECK(error.contains(QStringLiteral("location")));
}
