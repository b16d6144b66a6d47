#include "hexhub/hub/camera.h"

#include "base/coretr.h"

#include <QtMath>

#include <algorithm>
#include <cmath>

namespace hexhub {

namespace {

// Degrees between two directions, 0..180.
double angleBetween(double a, double b)
{
    return std::abs(std::fmod(a - b + 540.0, 360.0) - 180.0);
}

QString metresText(double metres)
{
    return QString::number(qRound64(metres));
}

} // namespace

// --- Which cameras see a place ----------------------------------------------------------------

QList<NearbyCamera> camerasNearby(const GeoPoint& point, const QList<Camera>& cameras, double radiusMetres)
{
    QList<NearbyCamera> out;
    for (const Camera& camera : cameras) {
        if (!camera.position)
            continue;
        const double metres = camera.position->distanceTo(point);
        if (!(metres <= radiusMetres))
            continue;
        NearbyCamera n{camera, metres, false, {}};
        const QString away = metresText(metres);
        const QString range = metresText(camera.range);
        if (camera.kind == CameraKind::Drone) {
            n.sees = metres <= camera.range;
            n.reason = n.sees ? Tr::tr("Inside the drone's footprint: %1 m from the point below it (footprint %2 m)").arg(away, range)
                              : Tr::tr("Outside the drone's footprint: %1 m from the point below it (footprint %2 m)").arg(away, range);
        } else if (metres > camera.range) {
            n.reason = Tr::tr("Out of range: %1 m away, it sees %2 m").arg(away, range);
        } else if (camera.seesAllAround()) {
            n.sees = true;
            n.reason = Tr::tr("Turns to any direction: %1 m away, within its %2 m").arg(away, range);
        } else if (metres < 1) {
            n.sees = true; // at the camera: no direction to speak of
            n.reason = Tr::tr("At the camera");
        } else {
            const double off = angleBetween(camera.position->bearingTo(point), camera.heading);
            n.sees = off <= camera.fieldOfView / 2;
            const QString degrees = QString::number(qRound(off));
            n.reason = n.sees ? Tr::tr("Faces the place: %1 m away, %2° off its heading").arg(away, degrees)
                              : Tr::tr("Faces away: the place is %1° off its heading, it sees %2° either side")
                                    .arg(degrees, QString::number(camera.fieldOfView / 2, 'g', 3));
        }
        out << n;
    }
    std::sort(out.begin(), out.end(), [](const NearbyCamera& a, const NearbyCamera& b) {
        if (a.sees != b.sees)
            return a.sees;
        if (a.metres != b.metres)
            return a.metres < b.metres;
        return a.camera.id < b.camera.id;
    });
    return out;
}

} // namespace hexhub
