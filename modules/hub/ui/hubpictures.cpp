// The hub's pictures for `hexhub --screenshots`: nine synthetic cameras around the district's
// centre, named in the desk's language, registered through the camera service, on a wall.
#include "hubpictures.h"

#include "hexhub/hub/camera.h"

#include "base/coretr.h"
#include "base/waitforfuture.h"
#include "security/session.h"

#include <QJsonArray>

namespace hexhub::hub {

ModulePictures hubPictures()
{
    ModulePictures pictures;
    pictures.prepare = [](Store& store, Session& session, AuditLog& audit) {
        struct Demo
        {
            const char* id;
            QString name;
            CameraKind kind;
            const char* url;
        };
        const QList<Demo> demo{
            {"CAM-0101", Tr::tr("Harbour Rd / 5th St"), CameraKind::Fixed, "synthetic:street?fps=25"},
            {"CAM-0214", Tr::tr("Tower B roof, east"), CameraKind::Ptz, "synthetic:rooftop?fps=25"},
            {"DRONE-01", Tr::tr("Drone 1, overhead"), CameraKind::Drone, "synthetic:drone?fps=25"},
            {"CAM-0215", Tr::tr("Tower B roof, west"), CameraKind::Fixed, "synthetic:rooftop?fps=15"},
            {"CAM-0102", Tr::tr("Market St crossing"), CameraKind::Fixed, "synthetic:street?fps=25"},
            {"BWC-0007", Tr::tr("Negotiator, body camera"), CameraKind::BodyWorn, "synthetic:rooftop?fps=25&w=480&h=270"},
            {"DRONE-02", Tr::tr("Drone 2, north"), CameraKind::Drone, "synthetic:drone?fps=25&w=480&h=270"},
            {"CAM-0118", Tr::tr("Canal St bridge"), CameraKind::Fixed, "synthetic:street?fps=25&w=480&h=270"},
            {"CAM-0330", Tr::tr("Pier 3 gate"), CameraKind::Fixed, "rtsp://127.0.0.1:9/pier3"}, // offline, as some always are
        };
        CameraService cameras(store, session, audit);
        QJsonArray tiles;
        for (int i = 0; i < demo.size(); ++i) {
            Camera c;
            c.id = QString::fromLatin1(demo[i].id);
            c.name = demo[i].name;
            c.kind = demo[i].kind;
            c.position = GeoPoint{31.2304 + 0.001 * (i % 3 - 1), 121.4737 + 0.001 * (i / 3 - 1)};
            c.streamUrl = QString::fromLatin1(demo[i].url);
            c.agency = Tr::tr("City police");
            resultOf(cameras.save(c)); // a camera that cannot be saved fails the pictures, with its reason
            tiles.append(QJsonObject{{QStringLiteral("tile"), i}, {QStringLiteral("id"), c.id},
                                     {QStringLiteral("name"), c.name}, {QStringLiteral("url"), c.streamUrl}});
        }
        ModulePicture wall;
        wall.name = QStringLiteral("video-wall-9");
        wall.panels = {QStringLiteral("hub.video")};
        wall.viewStates.insert(QStringLiteral("hub.video"),
                               QJsonObject{{QStringLiteral("layout"), QStringLiteral("3x3")},
                                           {QStringLiteral("current"), 4},
                                           {QStringLiteral("tiles"), tiles},
                                           {QStringLiteral("followP1"), false}});
        wall.settleMs = 1500; // the synthetic cameras' first pictures, moving a little
        return QList<ModulePicture>{wall};
    };
    return pictures;
}

} // namespace hexhub::hub
