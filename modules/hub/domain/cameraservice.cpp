#include "hexhub/hub/camera.h"

#include "cameraservicesupport_p.h"
#include "hubservicesupport_p.h"
#include "security/audit.h"
#include "base/background.h"
#include "base/clock.h"
#include "base/coretr.h"
#include "base/enumtable.h"
#include "base/error.h"
#include "hexhub/hub/incident.h"
#include "shared/mediaclip.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"
#include <QCryptographicHash>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUrl>
#include <algorithm>
#include <array>
#include <cmath>

namespace hexhub {

using namespace camerasupport;


CameraService::CameraService(Store& store, Session& session, AuditLog& audit, Outbox* outbox)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
    , m_outbox(outbox)
{
}

QFuture<QList<Camera>> CameraService::cameras() const
{
    const Principal viewer = m_session.principal();
    if (auto refused = requireNow(viewer, QStringLiteral("hub.video.view"), Tr::tr("see the cameras")))
        return failWith<QList<Camera>>(refused);
    return m_store.read([viewer](Sql& sql) { return viewableCameras(sql, viewer); });
}

QFuture<Camera> CameraService::save(const Camera& in, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Camera>(m_audit, actor, QStringLiteral("hub.camera.manage"), Tr::tr("change the camera registry"),
                                     QStringLiteral("camera.saved"), QStringLiteral("camera:") + in.id))
        return *refused;
    if (const QString problem = in.problem(); !problem.isEmpty())
        return failNow<Camera>(problem);
    auto attempt = [&] { return m_store.write(hubWrite(actor), [this, in, actor, command](WriteTransaction& txn) {
        const QString op = QStringLiteral("hub.camera.save");
        if (service::appliedBefore(txn, command, op))
            return loadCamera(txn, in.id);
        if (!txn.scalar(QStringLiteral("SELECT 1 FROM permissions WHERE id = ?"), {in.viewPermission}).isValid())
            throw ValidationError(Tr::tr("There is no permission '%1': a camera can only ask viewers for one that exists.")
                                      .arg(in.viewPermission));
        const qint64 now = txn.clock().nowMs();
        const std::optional<Camera> before = findCamera(txn, in.id);
        // Made from an older copy of the entry (another desk's change, or one kept through an
        // outage that met a newer one): a conflict, not a silent overwrite.
        if (before && in.version > 0 && before->version != in.version)
            throw ConflictError(Tr::tr("Camera %1 was changed on another desk meanwhile; look at it again and retry.").arg(in.id));
        if (before) {
            // Where a moving camera is and looks is its telemetry's business: an edit made from an
            // older copy of the entry must not put a flying drone back where it was.
            const bool moving = !isStill(in.kind) && !isStill(before->kind);
            const std::optional<GeoPoint> position = moving ? before->position : in.position;
            const double heading = moving ? before->heading : in.heading;
            // A moved camera's position dates from now; an unchanged one keeps its date.
            const qint64 movedAt = position == before->position ? before->positionAt : position ? now : 0;
            // At the version read here: a registry edit racing another desk's is a conflict.
            service::requireUpdated(
                txn.exec(QStringLiteral("UPDATE hub_cameras SET name = ?, kind = ?, latitude = ?, longitude = ?, heading = ?, "
                                        "field_of_view = ?, range_m = ?, stream_url = ?, agency = ?, view_permission = ?, "
                                        "position_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"),
                         {in.name.trimmed(), cameraKindId(in.kind), position ? QVariant(position->latitude) : QVariant(),
                          position ? QVariant(position->longitude) : QVariant(), heading, in.fieldOfView, in.range,
                          in.streamUrl, in.agency.trimmed(), in.viewPermission, movedAt > 0 ? QVariant(movedAt) : QVariant(),
                          now, in.id, before->version}),
                Tr::tr("Camera %1 was changed on another desk meanwhile; look at it again and retry.").arg(in.id));
        } else {
            const QVariant lat = in.position ? QVariant(in.position->latitude) : QVariant();
            const QVariant lon = in.position ? QVariant(in.position->longitude) : QVariant();
            txn.exec(QStringLiteral("INSERT INTO hub_cameras (id, name, kind, latitude, longitude, heading, field_of_view, "
                                    "range_m, stream_url, agency, view_permission, position_at, created_at, updated_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {in.id, in.name.trimmed(), cameraKindId(in.kind), lat, lon, in.heading, in.fieldOfView, in.range,
                      in.streamUrl, in.agency.trimmed(), in.viewPermission, in.position ? QVariant(now) : QVariant(), now, now});
        }
        const Camera saved = loadCamera(txn, in.id);
        const Camera published = withoutSecrets(saved);
        txn.publish(CameraSaved{published});
        const QString detail = before ? QStringLiteral("changed: ") + changedFields(*before, saved).join(QStringLiteral(", "))
                                      : QStringLiteral("added %1 %2, %3").arg(cameraKindId(saved.kind), published.streamUrl,
                                                                                saved.viewPermission);
        m_audit.append(txn, {actor.name, QStringLiteral("camera.saved"), QStringLiteral("camera:") + saved.id, detail,
                             QStringLiteral("success")});
        service::recordApplied(txn, command, op, saved.id);
        return saved;
    }); };
    // Kept with its stream address, credentials and all: the outbox file is the desk user's alone
    // (0600) and an entry is overwritten in it once sent (README, "Working through an outage").
    return hubsupport::keepWhenAway(m_outbox, attempt,
                                    hubsupport::offline(QStringLiteral("hub.camera.save"), command, {{QStringLiteral("camera"), in.toJson()}},
                                                        {QStringLiteral("camera:") + in.id}, Tr::tr("Save camera %1").arg(in.id), actor));
}

QFuture<void> CameraService::reportHealth(const QString& id, bool online, qint64 lastFrameAt) const
{
    const Principal actor = m_session.principal();
    if (auto refused = requireNow(actor, QStringLiteral("hub.video.view"), Tr::tr("report a camera's health")))
        return failWith<void>(refused);
    if (lastFrameAt < 0)
        return failNow<void>(Tr::tr("A camera's last frame time is Clock milliseconds, never negative."));
    return m_store.write(hubWrite(actor), [id, online, lastFrameAt, actor](WriteTransaction& txn) {
        const Camera camera = loadCamera(txn, id);
        Session::require(actor, camera.viewPermission, Tr::tr("report on camera %1").arg(id));
        const CameraHealth health = online ? CameraHealth::Online : CameraHealth::Offline;
        const qint64 lastFrame = std::max(camera.lastFrameAt, lastFrameAt);
        txn.execCached(QStringLiteral("UPDATE hub_cameras SET health = ?, last_frame_at = ? WHERE id = ?"),
                       {cameraHealthId(health), lastFrame > 0 ? QVariant(lastFrame) : QVariant(), id});
        if (health != camera.health)
            txn.publish(CameraHealthChanged{id, health, lastFrame});
    });
}

QFuture<void> CameraService::reportTelemetry(const QString& id, const GeoPoint& point, double heading) const
{
    const Principal actor = m_session.principal();
    if (auto refused = requireNow(actor, QStringLiteral("hub.video.view"), Tr::tr("report where a camera is")))
        return failWith<void>(refused);
    if (!point.isValid())
        return failNow<void>(Tr::tr("The position %1, %2 is not on the earth.").arg(point.latitude).arg(point.longitude));
    if (!std::isfinite(heading))
        return failNow<void>(Tr::tr("The heading must be a number of degrees."));
    double towards = std::fmod(std::fmod(heading, 360.0) + 360.0, 360.0);
    if (towards >= 360) // -1e-20 comes back as 360
        towards = 0;
    return m_store.write(hubWrite(actor), [id, point, towards, actor](WriteTransaction& txn) {
        const Camera camera = loadCamera(txn, id);
        Session::require(actor, camera.viewPermission, Tr::tr("report on camera %1").arg(id));
        if (isStill(camera.kind))
            throw ValidationError(Tr::tr("%1 is a %2: it moves only when the registry says so.")
                                      .arg(id, cameraKindName(camera.kind)));
        const qint64 now = txn.clock().nowMs();
        txn.execCached(QStringLiteral("UPDATE hub_cameras SET latitude = ?, longitude = ?, heading = ?, position_at = ? "
                                      "WHERE id = ?"),
                       {point.latitude, point.longitude, towards, now, id});
        txn.publish(CameraMoved{id, point, towards, now});
    });
}

QFuture<QList<NearbyCamera>> CameraService::nearby(const GeoPoint& point, double radiusMetres) const
{
    const Principal viewer = m_session.principal();
    if (auto refused = requireNow(viewer, QStringLiteral("hub.video.view"), Tr::tr("see the cameras")))
        return failWith<QList<NearbyCamera>>(refused);
    if (!point.isValid())
        return failNow<QList<NearbyCamera>>(
            Tr::tr("The position %1, %2 is not on the earth.").arg(point.latitude).arg(point.longitude));
    if (!std::isfinite(radiusMetres) || radiusMetres <= 0 || radiusMetres > Camera::kMaxRangeMetres)
        return failNow<QList<NearbyCamera>>(Tr::tr("Look for cameras within more than 0 and at most %1 metres.").arg(Camera::kMaxRangeMetres));
    return m_store.read([viewer, point, radiusMetres](Sql& sql) {
        return camerasNearby(point, viewableCameras(sql, viewer), radiusMetres);
    });
}

} // namespace hexhub
