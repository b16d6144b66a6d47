#include "camera.h"

#include "hubservicesupport_p.h"

#include "audit.h"
#include "background.h"
#include "clock.h"
#include "coretr.h"
#include "enumtable.h"
#include "error.h"
#include "incident.h"
#include "mediaclip.h"
#include "session.h"
#include "sql.h"
#include "store.h"

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

constexpr double kMaxRangeMetres = 50000;
constexpr int kMaxNameLength = 80;

template <typename T>
std::optional<T> failed(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

// Degrees between two directions, 0..180.
double angleBetween(double a, double b)
{
    return std::abs(std::fmod(a - b + 540.0, 360.0) - 180.0);
}

QString metresText(double metres)
{
    return QString::number(qRound64(metres));
}

// --- PNG --------------------------------------------------------------------------------------

constexpr std::array<quint32, 256> kCrcTable = [] {
    std::array<quint32, 256> table{};
    for (quint32 n = 0; n < 256; ++n) {
        quint32 c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}();

quint32 crc32(const char* data, qsizetype length)
{
    quint32 c = 0xffffffffu;
    for (qsizetype i = 0; i < length; ++i)
        c = kCrcTable[(c ^ quint8(data[i])) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

quint32 bigEndian32(const char* p)
{
    return (quint32(quint8(p[0])) << 24) | (quint32(quint8(p[1])) << 16) | (quint32(quint8(p[2])) << 8)
           | quint32(quint8(p[3]));
}

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
    if (!std::isfinite(range) || range <= 0 || range > kMaxRangeMetres)
        return Tr::tr("The range of camera %1 is more than 0 and at most %2 metres.").arg(id).arg(kMaxRangeMetres);
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
    c.version = json.value(QStringLiteral("version")).toInteger(1);
    return c;
}

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

// --- PNG check --------------------------------------------------------------------------------

std::optional<QSize> pngImageSize(const QByteArray& bytes, QString* error)
{
    static constexpr char kSignature[] = "\x89PNG\r\n\x1a\n";
    if (bytes.isEmpty())
        return failed<QSize>(error, Tr::tr("The image is empty."));
    if (!bytes.startsWith(QByteArrayView(kSignature, 8)))
        return failed<QSize>(error, Tr::tr("This is not a PNG image."));
    const char* data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype at = 8;
    QSize pixels;
    bool imageData = false;
    while (at + 12 <= size) {
        const quint32 length = bigEndian32(data + at);
        if (length > 0x7fffffffu || qsizetype(length) > size - at - 12)
            return failed<QSize>(error, Tr::tr("The PNG image is cut short."));
        const QByteArrayView type(data + at + 4, 4);
        for (char ch : type) {
            if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
                return failed<QSize>(error, Tr::tr("The PNG image is damaged: a part of it has no valid name."));
        }
        if (crc32(data + at + 4, 4 + qsizetype(length)) != bigEndian32(data + at + 8 + length))
            return failed<QSize>(error, Tr::tr("The PNG image is damaged: a checksum does not match."));
        const char* body = data + at + 8;
        if (at == 8) {
            if (type != QByteArrayView("IHDR", 4) || length != 13)
                return failed<QSize>(error, Tr::tr("The PNG image has no header."));
            const quint32 width = bigEndian32(body);
            const quint32 height = bigEndian32(body + 4);
            if (width == 0 || height == 0 || width > 0x7fffffffu || height > 0x7fffffffu)
                return failed<QSize>(error, Tr::tr("The PNG image says it is %1 x %2 pixels.").arg(width).arg(height));
            pixels = QSize(int(width), int(height));
        } else if (type == QByteArrayView("IDAT", 4)) {
            imageData = true;
        } else if (type == QByteArrayView("IEND", 4)) {
            if (!imageData)
                return failed<QSize>(error, Tr::tr("The PNG image has no picture in it."));
            if (at + 12 + qsizetype(length) != size)
                return failed<QSize>(error, Tr::tr("The PNG image has data after its end."));
            return pixels;
        }
        at += 12 + qsizetype(length);
    }
    return failed<QSize>(error, Tr::tr("The PNG image is cut short."));
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

// --- The services ------------------------------------------------------------------------------

namespace {

const QString kCameraColumns = QStringLiteral(
    "id, name, kind, latitude, longitude, heading, field_of_view, range_m, stream_url, agency, view_permission, "
    "health, last_frame_at, position_at, version");

const QString kMediaColumns = QStringLiteral(
    "m.id, m.incident_id, m.camera_id, c.name, m.kind, m.taken_at, m.sha256, m.width, m.height, m.byte_size, "
    "m.created_by, m.created_at, c.view_permission, m.content_type, m.duration_ms, m.frame_count");

using hubsupport::check;
using hubsupport::failNow;
using hubsupport::hubWrite;

template <typename T>
QFuture<T> failWith(std::exception_ptr error)
{
    return QtFuture::makeExceptionalFuture<T>(error);
}

/*
 * A job that may find, inside its transaction, that the user lacks a camera's view permission: the
 * refusal is audited and committed with the transaction, and only then reported (thrown by
 * unwrapRefusal on the way out), so the audit row is not rolled back with the job.
 */
template <typename T>
struct Guarded
{
    T value{};
    std::exception_ptr refusal;
};

template <typename T>
QFuture<T> unwrapRefusal(QFuture<Guarded<T>> future)
{
    return future.then([](const Guarded<T>& result) {
        if (result.refusal)
            std::rethrow_exception(result.refusal);
        return result.value;
    });
}

// Null when the user may watch it, else the refusal, audited in `txn`.
std::exception_ptr refuseUnlessViewer(WriteTransaction& txn, const AuditLog& audit, const Principal& actor,
                                      const QString& permission, const QString& what, const QString& action,
                                      const QString& object)
{
    try {
        Session::require(actor, permission, what);
        return nullptr;
    } catch (const PermissionDenied&) {
        audit.append(txn, {actor.name, action, object, QStringLiteral("missing ") + permission, QStringLiteral("denied")});
        return std::current_exception();
    }
}

std::exception_ptr requireNow(const Principal& actor, const QString& permission, const QString& what)
{
    try {
        Session::require(actor, permission, what);
    } catch (...) {
        return std::current_exception();
    }
    return nullptr;
}

Camera cameraFrom(const QSqlQuery& q)
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
bool isStill(CameraKind kind)
{
    return kind == CameraKind::Fixed || kind == CameraKind::Ptz;
}

std::optional<Camera> findCamera(Sql& sql, const QString& id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kCameraColumns + QStringLiteral(" FROM hub_cameras WHERE id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return cameraFrom(q);
}

Camera loadCamera(Sql& sql, const QString& id)
{
    if (auto camera = findCamera(sql, id))
        return *camera;
    throw NotFoundError(Tr::tr("There is no camera %1.").arg(id));
}

QList<Camera> viewableCameras(Sql& sql, const Principal& viewer)
{
    QList<Camera> out;
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kCameraColumns + QStringLiteral(" FROM hub_cameras ORDER BY id"));
    while (q.next()) {
        Camera camera = cameraFrom(q);
        if (viewer.can(camera.viewPermission))
            out << camera;
    }
    return out;
}

// What goes into the journal and the audit log: never a stream's password.
Camera withoutSecrets(Camera camera)
{
    const QUrl url(camera.streamUrl);
    if (!url.password().isEmpty())
        camera.streamUrl = url.toString(QUrl::RemovePassword);
    return camera;
}

QStringList changedFields(const Camera& before, const Camera& after)
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

MediaItem mediaFrom(const QSqlQuery& q)
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

} // namespace

CameraService::CameraService(Store& store, Session& session, AuditLog& audit)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
{
}

QFuture<QList<Camera>> CameraService::cameras() const
{
    const Principal viewer = m_session.principal();
    if (auto refused = requireNow(viewer, QStringLiteral("hub.video.view"), Tr::tr("see the cameras")))
        return failWith<QList<Camera>>(refused);
    return m_store.read([viewer](Sql& sql) { return viewableCameras(sql, viewer); });
}

QFuture<Camera> CameraService::save(const Camera& in) const
{
    const Principal actor = m_session.principal();
    if (auto refused = check<Camera>(m_audit, actor, QStringLiteral("hub.camera.manage"), Tr::tr("change the camera registry"),
                                     QStringLiteral("camera.saved"), QStringLiteral("camera:") + in.id))
        return *refused;
    if (const QString problem = in.problem(); !problem.isEmpty())
        return failNow<Camera>(problem);
    return m_store.write(hubWrite(actor), [this, in, actor](WriteTransaction& txn) {
        if (!txn.scalar(QStringLiteral("SELECT 1 FROM permissions WHERE id = ?"), {in.viewPermission}).isValid())
            throw ValidationError(Tr::tr("There is no permission '%1': a camera can only ask viewers for one that exists.")
                                      .arg(in.viewPermission));
        const qint64 now = txn.clock().nowMs();
        const std::optional<Camera> before = findCamera(txn, in.id);
        if (before) {
            // Where a moving camera is and looks is its telemetry's business: an edit made from an
            // older copy of the entry must not put a flying drone back where it was.
            const bool moving = !isStill(in.kind) && !isStill(before->kind);
            const std::optional<GeoPoint> position = moving ? before->position : in.position;
            const double heading = moving ? before->heading : in.heading;
            // A moved camera's position dates from now; an unchanged one keeps its date.
            const qint64 movedAt = position == before->position ? before->positionAt : position ? now : 0;
            txn.exec(QStringLiteral("UPDATE hub_cameras SET name = ?, kind = ?, latitude = ?, longitude = ?, heading = ?, "
                                    "field_of_view = ?, range_m = ?, stream_url = ?, agency = ?, view_permission = ?, "
                                    "position_at = ?, updated_at = ?, version = version + 1 WHERE id = ?"),
                     {in.name.trimmed(), cameraKindId(in.kind), position ? QVariant(position->latitude) : QVariant(),
                      position ? QVariant(position->longitude) : QVariant(), heading, in.fieldOfView, in.range,
                      in.streamUrl, in.agency.trimmed(), in.viewPermission, movedAt > 0 ? QVariant(movedAt) : QVariant(),
                      now, in.id});
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
        return saved;
    });
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
    if (!std::isfinite(radiusMetres) || radiusMetres <= 0 || radiusMetres > kMaxRangeMetres)
        return failNow<QList<NearbyCamera>>(Tr::tr("Look for cameras within more than 0 and at most %1 metres.").arg(kMaxRangeMetres));
    return m_store.read([viewer, point, radiusMetres](Sql& sql) {
        return camerasNearby(point, viewableCameras(sql, viewer), radiusMetres);
    });
}

// ---------------------------------------------------------------------------------------------
// MediaService

MediaService::MediaService(Store& store, Session& session, AuditLog& audit)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
{
}

namespace {

// One snapshot or clip to go into the record, checked and hashed.
struct NewMedia
{
    qint64 incidentId = 0;
    QString cameraId;
    QString kind;
    QString contentType;
    qint64 takenAt = 0;
    qint64 durationMs = 0; // a clip's
    int frameCount = 1;
    QSize size;
    QByteArray content;
    QString sha256;
};

QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'f', 1);
}

/*
 * Inserts `in` into the record, inside `txn`: the incident must be open to it, the user must
 * watch its camera (a refusal is audited with the transaction); journaled on the incident's
 * timeline and audited.
 */
Guarded<MediaItem> insertMedia(WriteTransaction& txn, const AuditLog& audit, const Principal& actor, const NewMedia& in,
                               const QString& object)
{
    const bool clip = in.kind == QLatin1String(MediaItem::kClip);
    Guarded<MediaItem> result;
    QSqlQuery incident = txn.exec(QStringLiteral("SELECT status, number FROM hub_incidents WHERE id = ?"), {in.incidentId});
    if (!incident.next())
        throw NotFoundError(Tr::tr("Incident %1 does not exist.").arg(in.incidentId));
    const auto status = incidentStatusFromId(incident.value(0).toString());
    const QString number = incident.value(1).toString();
    if (status == IncidentStatus::Closed || status == IncidentStatus::Cancelled)
        throw ValidationError(Tr::tr("Incident %1 is %2: nothing more is attached to it.").arg(number, incidentStatusName(*status)));
    const Camera camera = loadCamera(txn, in.cameraId);
    result.refusal = refuseUnlessViewer(txn, audit, actor, camera.viewPermission,
                                        clip ? Tr::tr("record a clip from camera %1").arg(in.cameraId)
                                             : Tr::tr("take a snapshot from camera %1").arg(in.cameraId),
                                        QStringLiteral("media.attached"), object);
    if (result.refusal)
        return result;
    const qint64 now = txn.clock().nowMs();
    if (in.takenAt > now + 60 * 1000)
        throw ValidationError(clip ? Tr::tr("The clip says it was recorded in the future.")
                                   : Tr::tr("The snapshot says it was taken in the future."));
    const qint64 id = txn.insert(
        QStringLiteral("INSERT INTO hub_media (incident_id, camera_id, kind, content_type, taken_at, duration_ms, frame_count, "
                       "sha256, width, height, byte_size, content, created_by, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {in.incidentId, in.cameraId, in.kind, in.contentType, in.takenAt, clip ? QVariant(in.durationMs) : QVariant(),
         in.frameCount, in.sha256, in.size.width(), in.size.height(), qint64(in.content.size()), in.content, actor.name, now});
    MediaItem& item = result.value;
    item.id = id;
    item.incidentId = in.incidentId;
    item.cameraId = in.cameraId;
    item.cameraName = camera.name;
    item.kind = in.kind;
    item.contentType = in.contentType;
    item.takenAt = in.takenAt;
    item.durationMs = clip ? in.durationMs : 0;
    item.frameCount = in.frameCount;
    item.sha256 = in.sha256;
    item.size = in.size;
    item.bytes = in.content.size();
    item.createdBy = actor.name;
    item.createdAt = now;
    hubsupport::publishOnTimelines(txn, {in.incidentId}, EventDraft::from(MediaAttached{item, number}));
    const QString detail = clip ? QStringLiteral("incident %1, camera %2, clip started %3, %4 frames in %5 ms, sha256 %6")
                                      .arg(number, in.cameraId, QString::number(in.takenAt))
                                      .arg(in.frameCount)
                                      .arg(in.durationMs)
                                      .arg(in.sha256)
                                : QStringLiteral("incident %1, camera %2, taken %3, sha256 %4")
                                      .arg(number, in.cameraId, QString::number(in.takenAt), in.sha256);
    audit.append(txn, {actor.name, QStringLiteral("media.attached"), QStringLiteral("media:%1").arg(id), detail,
                       QStringLiteral("success")});
    return result;
}

} // namespace

QFuture<MediaItem> MediaService::attachSnapshot(qint64 incidentId, const QString& cameraId, const QByteArray& png,
                                                qint64 takenAt) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("incident:%1").arg(incidentId);
    if (auto refused = check<MediaItem>(m_audit, actor, QStringLiteral("hub.video.snapshot"),
                                        Tr::tr("attach a snapshot to an incident"), QStringLiteral("media.attached"), object))
        return *refused;
    if (png.size() > kMaxImageBytes)
        return failNow<MediaItem>(Tr::tr("The snapshot is %1 MB; at most %2 MB can be attached.")
                                      .arg(megabytes(png.size()))
                                      .arg(kMaxImageBytes / (1024 * 1024)));
    QString why;
    const std::optional<QSize> pixels = pngImageSize(png, &why);
    if (!pixels)
        return failNow<MediaItem>(Tr::tr("The snapshot cannot be attached: %1").arg(why));
    if (takenAt <= 0)
        return failNow<MediaItem>(Tr::tr("Say when the snapshot was taken."));
    NewMedia in;
    in.incidentId = incidentId;
    in.cameraId = cameraId;
    in.kind = QString::fromLatin1(MediaItem::kSnapshot);
    in.contentType = QString::fromLatin1(MediaItem::kPng);
    in.takenAt = takenAt;
    in.size = *pixels;
    in.content = png;
    in.sha256 = sha256Hex(png);
    return unwrapRefusal(m_store.write(hubWrite(actor), [this, in, actor, object](WriteTransaction& txn) {
        return insertMedia(txn, m_audit, actor, in, object);
    }));
}

QFuture<MediaItem> MediaService::attachClip(qint64 incidentId, const QString& cameraId, const QByteArray& avi,
                                            qint64 startedAt) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("incident:%1").arg(incidentId);
    if (auto refused = check<MediaItem>(m_audit, actor, QStringLiteral("hub.video.snapshot"),
                                        Tr::tr("attach a clip to an incident"), QStringLiteral("media.attached"), object))
        return *refused;
    if (avi.size() > kMaxClipBytes)
        return failNow<MediaItem>(Tr::tr("The clip is %1 MB; at most %2 MB can be attached.")
                                      .arg(megabytes(avi.size()))
                                      .arg(kMaxClipBytes / (1024 * 1024)));
    if (startedAt <= 0)
        return failNow<MediaItem>(Tr::tr("Say when the clip was recorded."));
    // Walking and hashing tens of megabytes is work neither for the caller's thread (the GUI's) nor
    // for the store's writer, which every other change waits on: it runs on the thread pool first.
    QFuture<NewMedia> checked = runInBackground([incidentId, cameraId, avi, startedAt] {
        QString why;
        const std::optional<ClipInfo> info = mjpegAviInfo(avi, &why);
        if (!info)
            throw ValidationError(Tr::tr("The clip cannot be attached: %1").arg(why));
        NewMedia in;
        in.incidentId = incidentId;
        in.cameraId = cameraId;
        in.kind = QString::fromLatin1(MediaItem::kClip);
        in.contentType = QString::fromLatin1(MediaItem::kAvi);
        in.takenAt = startedAt;
        in.durationMs = std::max<qint64>(1, info->durationMs);
        in.frameCount = info->frames;
        in.size = info->size;
        in.content = avi;
        in.sha256 = sha256Hex(avi);
        return in;
    });
    return unwrapRefusal(checked
                             .then([this, actor, object](const NewMedia& in) {
                                 return m_store.write(hubWrite(actor), [this, in, actor, object](WriteTransaction& txn) {
                                     return insertMedia(txn, m_audit, actor, in, object);
                                 });
                             })
                             .unwrap());
}

QFuture<QList<MediaItem>> MediaService::mediaFor(qint64 incidentId) const
{
    const Principal viewer = m_session.principal();
    if (auto refused = requireNow(viewer, QStringLiteral("hub.video.view"), Tr::tr("see an incident's media")))
        return failWith<QList<MediaItem>>(refused);
    return m_store.read([viewer, incidentId](Sql& sql) {
        if (!sql.scalar(QStringLiteral("SELECT 1 FROM hub_incidents WHERE id = ?"), {incidentId}).isValid())
            throw NotFoundError(Tr::tr("Incident %1 does not exist.").arg(incidentId));
        QSqlQuery q = sql.exec(
            QStringLiteral("SELECT ") + kMediaColumns
                + QStringLiteral(" FROM hub_media m JOIN hub_cameras c ON c.id = m.camera_id "
                                 "WHERE m.incident_id = ? OR m.incident_id IN (SELECT id FROM hub_incidents WHERE merged_into = ?) "
                                 "ORDER BY m.taken_at, m.id"),
            {incidentId, incidentId});
        QList<MediaItem> out;
        while (q.next()) {
            if (viewer.can(q.value(12).toString()))
                out << mediaFrom(q);
        }
        return out;
    });
}

QFuture<QByteArray> MediaService::mediaContent(qint64 mediaId) const
{
    const Principal actor = m_session.principal();
    const QString object = QStringLiteral("media:%1").arg(mediaId);
    if (auto refused = check<QByteArray>(m_audit, actor, QStringLiteral("hub.video.view"), Tr::tr("see attached media"),
                                         QStringLiteral("media.viewed"), object))
        return *refused;
    // A write: the viewing is audited in the same transaction that reads the bytes.
    auto job = [this, mediaId, actor, object](WriteTransaction& txn) {
        Guarded<QByteArray> result;
        QSqlQuery q = txn.exec(QStringLiteral("SELECT m.content, m.sha256, m.incident_id, m.camera_id, c.view_permission "
                                              "FROM hub_media m JOIN hub_cameras c ON c.id = m.camera_id WHERE m.id = ?"),
                               {mediaId});
        if (!q.next())
            throw NotFoundError(Tr::tr("There is no attached media %1.").arg(mediaId));
        const QString cameraId = q.value(3).toString();
        result.refusal = refuseUnlessViewer(txn, m_audit, actor, q.value(4).toString(),
                                            Tr::tr("see media from camera %1").arg(cameraId), QStringLiteral("media.viewed"),
                                            object);
        if (result.refusal)
            return result;
        const QByteArray content = q.value(0).toByteArray();
        const QString sha256 = q.value(1).toString();
        if (sha256Hex(content) != sha256)
            throw StoreError(Tr::tr("Attached media %1 no longer matches its SHA-256: what is stored was changed.").arg(mediaId));
        m_audit.append(txn, {actor.name, QStringLiteral("media.viewed"), object,
                             QStringLiteral("incident %1, camera %2").arg(q.value(2).toLongLong()).arg(cameraId),
                             QStringLiteral("success")});
        result.value = content;
        return result;
    };
    return unwrapRefusal(m_store.write(hubWrite(actor), std::move(job)));
}

} // namespace hexhub
