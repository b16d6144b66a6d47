#include "hexhub/hub/camera.h"

#include "hubservicesupport_p.h"

#include "security/audit.h"
#include "base/background.h"
#include "base/clock.h"
#include "base/coretr.h"
#include "base/enumtable.h"
#include "base/error.h"
#include "module/servicesupport.h"
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


namespace {

using detail::EnumRow;

constexpr std::array<EnumRow<CameraKind>, 4> kKinds{{
    {CameraKind::Fixed, "fixed", QT_TRANSLATE_NOOP("hexhub", "fixed camera")},
    {CameraKind::Ptz, "ptz", QT_TRANSLATE_NOOP("hexhub", "PTZ camera")},
    {CameraKind::BodyWorn, "body_worn", QT_TRANSLATE_NOOP("hexhub", "body-worn camera")},
    {CameraKind::Drone, "drone", QT_TRANSLATE_NOOP("hexhub", "drone camera")},
}};

constexpr std::array<EnumRow<CameraHealth>, 3> kHealth{{
    {CameraHealth::Unknown, "unknown", QT_TRANSLATE_NOOP("hexhub", "not known")},
    {CameraHealth::Online, "online", QT_TRANSLATE_NOOP("hexhub", "online")},
    {CameraHealth::Offline, "offline", QT_TRANSLATE_NOOP("hexhub", "offline")},
}};

constexpr int kMaxNameLength = 80;

using service::failed;


} // namespace

QString cameraKindId(CameraKind kind)
{
    return QString::fromLatin1(detail::rowOf(kKinds, kind).id);
}

std::optional<CameraKind> cameraKindFromId(const QString& id)
{
    return detail::valueOf(kKinds, id);
}

QString cameraKindName(CameraKind kind)
{
    return Tr::tr(detail::rowOf(kKinds, kind).name);
}

QString cameraHealthId(CameraHealth health)
{
    return QString::fromLatin1(detail::rowOf(kHealth, health).id);
}

std::optional<CameraHealth> cameraHealthFromId(const QString& id)
{
    return detail::valueOf(kHealth, id);
}

QString cameraHealthName(CameraHealth health)
{
    return Tr::tr(detail::rowOf(kHealth, health).name);
}

// --- Camera -----------------------------------------------------------------------------------

bool Camera::seesAllAround() const
{
    return kind == CameraKind::Ptz || kind == CameraKind::Drone || fieldOfView >= 360;
}

bool Camera::isValidId(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$"));
    return pattern.match(id).hasMatch();
}

bool Camera::isValidStreamUrl(const QString& text)
{
    if (text.isEmpty() || text != text.trimmed() || text.contains(u' '))
        return false;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("rtsp") || scheme == QLatin1String("rtsps") || scheme == QLatin1String("http")
        || scheme == QLatin1String("https"))
        return !url.host().isEmpty();
    if (scheme == QLatin1String("file"))
        return url.isLocalFile() && url.path().startsWith(u'/') && url.path().size() > 1;
    if (scheme == QLatin1String("synthetic"))
        return !url.path().isEmpty() || !url.host().isEmpty();
    return false;
}

QString Camera::problem() const
{
    if (!isValidId(id))
        return Tr::tr("'%1' is not a camera id: use 2 to 32 letters, digits, '-' or '_', such as CAM-0012.").arg(id);
    if (name.trimmed().isEmpty())
        return Tr::tr("Give camera %1 a name people recognise it by.").arg(id);
    if (name.size() > kMaxNameLength)
        return Tr::tr("The name of camera %1 is %2 characters long; keep it to %3.").arg(id).arg(name.size()).arg(kMaxNameLength);
    if (!position && (kind == CameraKind::Fixed || kind == CameraKind::Ptz))
        return Tr::tr("Say where camera %1 is: a %2 needs its position.").arg(id, cameraKindName(kind));
    if (position && !position->isValid())
        return Tr::tr("The position %1, %2 is not on the earth.").arg(position->latitude).arg(position->longitude);
    if (!std::isfinite(heading) || heading < 0 || heading >= 360)
        return Tr::tr("The heading of camera %1 is degrees clockwise from north, 0 up to 360.").arg(id);
    if (!std::isfinite(fieldOfView) || fieldOfView <= 0 || fieldOfView > 360)
        return Tr::tr("The field of view of camera %1 is more than 0 and at most 360 degrees.").arg(id);
    if (!std::isfinite(range) || range <= 0 || range > Camera::kMaxRangeMetres)
        return Tr::tr("The range of camera %1 is more than 0 and at most %2 metres.").arg(id).arg(Camera::kMaxRangeMetres);
    if (!isValidStreamUrl(streamUrl))
        return Tr::tr("'%1' is not a stream Hexhub can play: use rtsp://, http:// or https:// with a host, "
                      "file:/// with a path, or synthetic: for the demo.")
            .arg(streamUrl);
    if (agency.size() > kMaxNameLength)
        return Tr::tr("The agency of camera %1 is %2 characters long; keep it to %3.").arg(id).arg(agency.size()).arg(kMaxNameLength);
    static const QRegularExpression permissionPattern(QStringLiteral("^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$"));
    if (!permissionPattern.match(viewPermission).hasMatch())
        return Tr::tr("'%1' is not a permission id.").arg(viewPermission);
    if (lastFrameAt < 0 || positionAt < 0)
        return Tr::tr("A camera's times are Clock milliseconds, never negative.");
    return {};
}

QJsonObject Camera::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("kind"), cameraKindId(kind)},
                     {QStringLiteral("heading"), heading},
                     {QStringLiteral("fieldOfView"), fieldOfView},
                     {QStringLiteral("range"), range},
                     {QStringLiteral("streamUrl"), streamUrl},
                     {QStringLiteral("agency"), agency},
                     {QStringLiteral("viewPermission"), viewPermission},
                     {QStringLiteral("health"), cameraHealthId(health)},
                     {QStringLiteral("lastFrameAt"), lastFrameAt},
                     {QStringLiteral("version"), version}};
    if (position) {
        json.insert(QStringLiteral("point"), position->toJson());
        json.insert(QStringLiteral("positionAt"), positionAt);
    }
    return json;
}

std::optional<Camera> Camera::fromJson(const QJsonObject& json, QString* error)
{
    Camera c;
    c.id = json.value(QStringLiteral("id")).toString();
    if (!isValidId(c.id))
        return failed<Camera>(error, Tr::tr("camera: \"id\" is missing or not a camera id"));
    const auto kind = cameraKindFromId(json.value(QStringLiteral("kind")).toString());
    if (!kind)
        return failed<Camera>(error, Tr::tr("camera %1: \"kind\" is not one of fixed, ptz, body_worn, drone").arg(c.id));
    c.kind = *kind;
    c.name = json.value(QStringLiteral("name")).toString();
    if (json.contains(QStringLiteral("point"))) {
        QString why;
        c.position = GeoPoint::fromJson(json.value(QStringLiteral("point")).toObject(), &why);
        if (!c.position)
            return failed<Camera>(error, Tr::tr("camera %1: %2").arg(c.id, why));
    }
    c.heading = json.value(QStringLiteral("heading")).toDouble(0);
    c.fieldOfView = json.value(QStringLiteral("fieldOfView")).toDouble(90);
    c.range = json.value(QStringLiteral("range")).toDouble(100);
    c.streamUrl = json.value(QStringLiteral("streamUrl")).toString();
    c.agency = json.value(QStringLiteral("agency")).toString();
    c.viewPermission = json.value(QStringLiteral("viewPermission")).toString(QStringLiteral("hub.video.view"));
    const auto health = cameraHealthFromId(json.value(QStringLiteral("health")).toString(QStringLiteral("unknown")));
    if (!health)
        return failed<Camera>(error, Tr::tr("camera %1: \"health\" is not one of online, offline, unknown").arg(c.id));
    c.health = *health;
    c.lastFrameAt = json.value(QStringLiteral("lastFrameAt")).toInteger();
    c.positionAt = json.value(QStringLiteral("positionAt")).toInteger();
    c.version = json.value(QStringLiteral("version")).toInteger(0);
    return c;
}

// --- Media and the bus payloads ---------------------------------------------------------------

QJsonObject MediaItem::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("incidentId"), incidentId},
                       {QStringLiteral("cameraId"), cameraId},
                       {QStringLiteral("cameraName"), cameraName},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("contentType"), contentType},
                       {QStringLiteral("takenAt"), takenAt},
                       {QStringLiteral("durationMs"), durationMs},
                       {QStringLiteral("frameCount"), frameCount},
                       {QStringLiteral("sha256"), sha256},
                       {QStringLiteral("width"), size.width()},
                       {QStringLiteral("height"), size.height()},
                       {QStringLiteral("bytes"), bytes},
                       {QStringLiteral("createdBy"), createdBy},
                       {QStringLiteral("createdAt"), createdAt}};
}

std::optional<MediaItem> MediaItem::fromJson(const QJsonObject& json, QString* error)
{
    MediaItem m;
    m.id = json.value(QStringLiteral("id")).toInteger();
    m.incidentId = json.value(QStringLiteral("incidentId")).toInteger();
    m.cameraId = json.value(QStringLiteral("cameraId")).toString();
    if (m.id <= 0 || m.incidentId <= 0 || m.cameraId.isEmpty())
        return failed<MediaItem>(error, Tr::tr("media: \"id\", \"incidentId\" or \"cameraId\" is missing"));
    m.cameraName = json.value(QStringLiteral("cameraName")).toString();
    m.kind = json.value(QStringLiteral("kind")).toString(QString::fromLatin1(MediaItem::kSnapshot));
    if (m.kind != QLatin1String(kSnapshot) && m.kind != QLatin1String(kClip))
        return failed<MediaItem>(error, Tr::tr("media %1: \"kind\" is not one of snapshot, clip").arg(m.id));
    // Payloads journaled before clips existed say neither: they are PNG snapshots.
    m.contentType = json.value(QStringLiteral("contentType"))
                        .toString(QString::fromLatin1(m.isClip() ? MediaItem::kAvi : MediaItem::kPng));
    m.takenAt = json.value(QStringLiteral("takenAt")).toInteger();
    m.durationMs = json.value(QStringLiteral("durationMs")).toInteger();
    m.frameCount = json.value(QStringLiteral("frameCount")).toInt(1);
    m.sha256 = json.value(QStringLiteral("sha256")).toString();
    m.size = QSize(json.value(QStringLiteral("width")).toInt(), json.value(QStringLiteral("height")).toInt());
    m.bytes = json.value(QStringLiteral("bytes")).toInteger();
    m.createdBy = json.value(QStringLiteral("createdBy")).toString();
    m.createdAt = json.value(QStringLiteral("createdAt")).toInteger();
    return m;
}

QJsonObject CameraSaved::toJson() const
{
    return camera.toJson();
}

std::optional<CameraSaved> CameraSaved::fromJson(const QJsonObject& json)
{
    if (auto camera = Camera::fromJson(json))
        return CameraSaved{*camera};
    return std::nullopt;
}

QJsonObject CameraHealthChanged::toJson() const
{
    return QJsonObject{{QStringLiteral("camera"), cameraId},
                       {QStringLiteral("health"), cameraHealthId(health)},
                       {QStringLiteral("lastFrameAt"), lastFrameAt}};
}

std::optional<CameraHealthChanged> CameraHealthChanged::fromJson(const QJsonObject& json)
{
    const auto health = cameraHealthFromId(json.value(QStringLiteral("health")).toString());
    const QString id = json.value(QStringLiteral("camera")).toString();
    if (!health || id.isEmpty())
        return std::nullopt;
    return CameraHealthChanged{id, *health, json.value(QStringLiteral("lastFrameAt")).toInteger()};
}

QJsonObject CameraMoved::toJson() const
{
    return QJsonObject{{QStringLiteral("camera"), cameraId},
                       {QStringLiteral("point"), point.toJson()},
                       {QStringLiteral("heading"), heading},
                       {QStringLiteral("at"), at}};
}

std::optional<CameraMoved> CameraMoved::fromJson(const QJsonObject& json)
{
    const auto point = GeoPoint::fromJson(json.value(QStringLiteral("point")).toObject());
    const QString id = json.value(QStringLiteral("camera")).toString();
    if (!point || id.isEmpty())
        return std::nullopt;
    return CameraMoved{id, *point, json.value(QStringLiteral("heading")).toDouble(), json.value(QStringLiteral("at")).toInteger()};
}

QJsonObject MediaAttached::toJson() const
{
    QJsonObject json = media.toJson();
    json.insert(QStringLiteral("incidentNumber"), incidentNumber);
    return json;
}

std::optional<MediaAttached> MediaAttached::fromJson(const QJsonObject& json)
{
    if (auto media = MediaItem::fromJson(json))
        return MediaAttached{*media, json.value(QStringLiteral("incidentNumber")).toString()};
    return std::nullopt;
}

} // namespace hexhub
