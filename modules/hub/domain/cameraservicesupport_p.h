#pragma once
// What the camera and media services share: their columns, row mappers and how a refusal found
// inside a transaction is audited with it and reported after it.

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
#include "store/sqldialect.h"
#include "store/store.h"
#include <QCryptographicHash>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUrl>
#include <algorithm>
#include <array>
#include <cmath>
#include "hexhub/hub/camera.h"

namespace hexhub::camerasupport {

/*!
 * A camera's columns. On a shared PostgreSQL server a desk's login may not read the stream address
 * (it often carries credentials): the server's hexhub_camera_stream() gives it to those who may watch
 * that camera, and nothing to others.
 */
inline QString cameraColumns(const Sql& sql)
{
    const bool server = sql.dialect().name() == QLatin1String("postgresql");
    return QStringLiteral("id, name, kind, latitude, longitude, heading, field_of_view, range_m, %1, agency, "
                          "view_permission, health, last_frame_at, position_at, version")
        .arg(server ? QStringLiteral("hexhub_camera_stream(id) AS stream_url") : QStringLiteral("stream_url"));
}

inline const QString kMediaColumns = QStringLiteral(
    "m.id, m.incident_id, m.camera_id, c.name, m.kind, m.taken_at, m.sha256, m.width, m.height, m.byte_size, "
    "m.created_by, m.created_at, c.view_permission, m.content_type, m.duration_ms, m.frame_count");

using hubsupport::check;
using hubsupport::failNow;
using hubsupport::hubWrite;

using service::failWith;
using service::Guarded;
using service::requireNow;
using service::unwrapRefusal;

// Null when the user may watch it, else the refusal, audited in `txn`.
inline std::exception_ptr refuseUnlessViewer(WriteTransaction& txn, const AuditLog& audit, const Principal& actor,
                                             const QString& permission, const QString& what, const QString& action,
                                             const QString& object)
{
    return service::refuseInTransaction(txn, audit, actor, permission, what, action, object);
}

inline Camera cameraFrom(const QSqlQuery& q)
{
    Camera c;
    c.id = q.value(0).toString();
    c.name = q.value(1).toString();
    c.kind = cameraKindFromId(q.value(2).toString()).value_or(CameraKind::Fixed);
    if (!q.value(3).isNull() && !q.value(4).isNull())
        c.position = GeoPoint{q.value(3).toDouble(), q.value(4).toDouble()};
    c.heading = q.value(5).toDouble();
    c.fieldOfView = q.value(6).toDouble();
    c.range = q.value(7).toDouble();
    c.streamUrl = q.value(8).toString();
    c.agency = q.value(9).toString();
    c.viewPermission = q.value(10).toString();
    c.health = cameraHealthFromId(q.value(11).toString()).value_or(CameraHealth::Unknown);
    c.lastFrameAt = q.value(12).toLongLong();
    c.positionAt = q.value(13).toLongLong();
    c.version = q.value(14).toLongLong();
    return c;
}

// Fixed and PTZ cameras stay where the registry puts them; drones and body-worn ones report telemetry.
inline bool isStill(CameraKind kind)
{
    return kind == CameraKind::Fixed || kind == CameraKind::Ptz;
}

inline std::optional<Camera> findCamera(Sql& sql, const QString& id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + cameraColumns(sql) + QStringLiteral(" FROM hub_cameras WHERE id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return cameraFrom(q);
}

inline Camera loadCamera(Sql& sql, const QString& id)
{
    if (auto camera = findCamera(sql, id))
        return *camera;
    throw NotFoundError(Tr::tr("There is no camera %1.").arg(id));
}

inline QList<Camera> viewableCameras(Sql& sql, const Principal& viewer)
{
    QList<Camera> out;
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + cameraColumns(sql) + QStringLiteral(" FROM hub_cameras ORDER BY id"));
    while (q.next()) {
        Camera camera = cameraFrom(q);
        if (viewer.can(camera.viewPermission))
            out << camera;
    }
    return out;
}

// What goes into the journal and the audit log: never a stream's password.
inline Camera withoutSecrets(Camera camera)
{
    const QUrl url(camera.streamUrl);
    if (!url.password().isEmpty())
        camera.streamUrl = url.toString(QUrl::RemovePassword);
    return camera;
}

inline QStringList changedFields(const Camera& before, const Camera& after)
{
    QStringList out;
    const auto note = [&out](bool changed, const char* field) {
        if (changed)
            out << QString::fromLatin1(field);
    };
    note(before.name != after.name, "name");
    note(before.kind != after.kind, "kind");
    note(before.position != after.position, "position");
    note(before.heading != after.heading, "heading");
    note(before.fieldOfView != after.fieldOfView, "field_of_view");
    note(before.range != after.range, "range");
    note(before.streamUrl != after.streamUrl, "stream_url");
    note(before.agency != after.agency, "agency");
    note(before.viewPermission != after.viewPermission, "view_permission");
    return out;
}

inline MediaItem mediaFrom(const QSqlQuery& q)
{
    MediaItem m;
    m.id = q.value(0).toLongLong();
    m.incidentId = q.value(1).toLongLong();
    m.cameraId = q.value(2).toString();
    m.cameraName = q.value(3).toString();
    m.kind = q.value(4).toString();
    m.takenAt = q.value(5).toLongLong();
    m.sha256 = q.value(6).toString();
    m.size = QSize(q.value(7).toInt(), q.value(8).toInt());
    m.bytes = q.value(9).toLongLong();
    m.createdBy = q.value(10).toString();
    m.createdAt = q.value(11).toLongLong();
    m.contentType = q.value(13).toString();
    m.durationMs = q.value(14).toLongLong(); // NULL for a snapshot: 0
    m.frameCount = q.value(15).toInt();
    return m;
}


} // namespace hexhub::camerasupport
