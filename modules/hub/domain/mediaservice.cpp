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

// ---------------------------------------------------------------------------------------------
// MediaService

MediaService::MediaService(Store& store, Session& session, AuditLog& audit, Outbox* outbox)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
    , m_outbox(outbox)
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
                               const QString& object, const CommandId& command)
{
    const bool clip = in.kind == QLatin1String(MediaItem::kClip);
    Guarded<MediaItem> result;
    const QString op = QStringLiteral("hub.media.attach");
    if (const auto earlier = service::appliedBefore(txn, command, op)) {
        QSqlQuery again = txn.exec(QStringLiteral("SELECT ") + kMediaColumns
                                       + QStringLiteral(" FROM hub_media m JOIN hub_cameras c ON c.id = m.camera_id WHERE m.id = ?"),
                                   {earlier->toLongLong()});
        if (!again.next())
            throw NotFoundError(Tr::tr("There is no attached media %1.").arg(*earlier));
        result.value = mediaFrom(again);
        return result;
    }
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
    service::recordApplied(txn, command, op, QString::number(id));
    return result;
}

// A snapshot or clip kept in the desk's outbox while the server is away: its bytes go beside the
// arguments (OfflineCommand::content) and are checked again, like the first time, when it is sent.
OfflineCommand keptMedia(const QString& operation, const CommandId& command, qint64 incidentId, const QString& cameraId,
                         const QByteArray& content, qint64 takenAt, const QString& summary, const Principal& actor)
{
    OfflineCommand kept = hubsupport::offline(operation, command,
                                              {{QStringLiteral("incident"), incidentId},
                                               {QStringLiteral("camera"), cameraId},
                                               {QStringLiteral("taken_at"), takenAt}},
                                              {hubsupport::incidentRecord(incidentId)}, summary, actor);
    kept.content = content;
    return kept;
}

} // namespace

QFuture<MediaItem> MediaService::attachSnapshot(qint64 incidentId, const QString& cameraId, const QByteArray& png,
                                                qint64 takenAt, const CommandId& command) const
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
    auto attempt = [&] {
        return unwrapRefusal(m_store.write(hubWrite(actor), [this, in, actor, object, command](WriteTransaction& txn) {
            return insertMedia(txn, m_audit, actor, in, object, command);
        }));
    };
    return hubsupport::keepWhenAway(m_outbox, attempt, keptMedia(QStringLiteral("hub.media.snapshot"), command, incidentId, cameraId, png,
                                                                 takenAt, Tr::tr("Snapshot from %1").arg(cameraId), actor));
}

QFuture<MediaItem> MediaService::attachClip(qint64 incidentId, const QString& cameraId, const QByteArray& avi,
                                            qint64 startedAt, const CommandId& command) const
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
    // Checked before anything else happens to it, also when it is kept on this desk at once (behind
    // earlier work on the incident that waits there): what is kept is a clip that can be attached.
    OfflineCommand kept = keptMedia(QStringLiteral("hub.media.clip"), command, incidentId, cameraId, avi, startedAt,
                                    Tr::tr("Clip from %1").arg(cameraId), actor);
    auto keepOrWrite = [this, actor, object, command, kept = std::move(kept)](const NewMedia& in) {
        auto attempt = [&] {
            return unwrapRefusal(m_store.write(hubWrite(actor), [this, in, actor, object, command](WriteTransaction& txn) {
                return insertMedia(txn, m_audit, actor, in, object, command);
            }));
        };
        return hubsupport::keepWhenAway(m_outbox, attempt, kept);
    };
    // The outbox is asked on its own thread (the GUI's), where it counts what waits.
    if (m_outbox)
        return checked.then(m_outbox, keepOrWrite).unwrap();
    return checked.then(keepOrWrite).unwrap();
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
