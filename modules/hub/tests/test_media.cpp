// Snapshots and clips attached to an incident's record (issue 6), on SQLite and PostgreSQL: the
// Motion-JPEG AVI reader, the rules, the refusals, the journal and the audit, and a store from before
// clips brought forward with its snapshots.
#include "hubtestsupport.h"

#include "security/audit.h"
#include "hexhub/hub/camera.h"
#include "base/clock.h"
#include "base/error.h"
#include "bus/event.h"
#include "hexhub/hub/hubservices.h"
#include "shared/mediaclip.h"
#include "store/migration.h"
#include "store/outbox.h"
#include "mjpegavi.h"
#include "security/session.h"
#include "store/sqldialect.h"
#include "store/sql.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QColor>
#include <QCryptographicHash>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <algorithm>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::hubtest;

namespace {

QByteArray png(int width = 64, int height = 36)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(20, 90, 160));
    for (int x = 0; x < width; ++x)
        image.setPixelColor(x, x * height / width, Qt::white);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(image.save(&buffer, "PNG"));
    return bytes;
}

// A clip as the video wall records them: `frames` pictures of a bar moving across, at `fps`.
QByteArray clip(int frames = 15, QSize size = QSize(160, 90), int fps = 10)
{
    MjpegAviWriter writer(size, fps);
    for (int i = 0; i < frames; ++i) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(QColor(40, 70, 110));
        QPainter painter(&image);
        painter.fillRect(QRect(i * size.width() / std::max(1, frames), 0, size.width() / 8, size.height()), Qt::yellow);
        painter.end();
        REQUIRE(writer.addFrame(image));
    }
    return writer.file();
}

quint32 le32At(const QByteArray& bytes, qsizetype at)
{
    return quint32(quint8(bytes[at])) | (quint32(quint8(bytes[at + 1])) << 8) | (quint32(quint8(bytes[at + 2])) << 16)
           | (quint32(quint8(bytes[at + 3])) << 24);
}

void setLe32(QByteArray& bytes, qsizetype at, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        bytes[at + i] = char((value >> (8 * i)) & 0xff);
}

} // namespace

TEST_CASE("Snapshots: attached to the incident's record with hash and camera, journaled and audited", "[cameras]")
{
    Video v;
    const Incident incident = v.createIncident();
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));
    Camera restricted = camera(QStringLiteral("CAM-0002"), CameraKind::Ptz, offset(kTower, 60, 0));
    restricted.viewPermission = QStringLiteral("hub.camera.manage");
    await(v.cameras->save(restricted));

    const QByteArray image = png(64, 36);
    const qint64 takenAt = v.clock().nowMs() - 2000;
    const MediaItem item = await(v.media->attachSnapshot(incident.id, QStringLiteral("CAM-0001"), image, takenAt));
    CHECK(item.id > 0);
    CHECK(item.incidentId == incident.id);
    CHECK(item.sha256 == QString::fromLatin1(QCryptographicHash::hash(image, QCryptographicHash::Sha256).toHex()));
    CHECK(item.size == QSize(64, 36));
    CHECK(item.bytes == image.size());
    CHECK(item.takenAt == takenAt);
    CHECK(item.createdBy == QStringLiteral("sup"));
    const MediaItem second = await(v.media->attachSnapshot(incident.id, QStringLiteral("CAM-0002"), png(32, 32), takenAt + 500));

    // On the incident's timeline, and audited.
    const QList<TimelineEntry> timeline = await(v.incidents->timeline(incident.id));
    QStringList attached;
    for (const TimelineEntry& e : timeline) {
        if (e.topic == QStringLiteral("media.attached"))
            attached << e.text;
    }
    CHECK(attached == QStringList{QStringLiteral("Snapshot from camera Camera CAM-0001 (CAM-0001) attached"),
                                  QStringLiteral("Snapshot from camera Camera CAM-0002 (CAM-0002) attached")});
    Event journaled;
    journaled.topic = QStringLiteral("media.attached");
    journaled.payload = v.journal(QStringLiteral("media.attached")).value(0);
    const auto payload = payloadAs<MediaAttached>(journaled);
    REQUIRE(payload.has_value());
    CHECK(payload->media.sha256 == item.sha256);
    CHECK(payload->incidentNumber == incident.number);
    CHECK(v.audit().contains(QStringLiteral("media.attached/success media:%1").arg(item.id)));

    // Listed without the bytes; the bytes come back whole, and each viewing is audited.
    const QList<MediaItem> listed = await(v.media->mediaFor(incident.id));
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].id == item.id);
    CHECK(listed[0].cameraName == QStringLiteral("Camera CAM-0001"));
    CHECK(listed[0].sha256 == item.sha256);
    CHECK(listed[1].id == second.id);
    CHECK(await(v.media->mediaContent(item.id)) == image);
    CHECK(v.audit().count(QStringLiteral("media.viewed/success media:%1").arg(item.id)) == 1);
    CHECK_THROWS_AS(await(v.media->mediaContent(99999)), NotFoundError);

    // Evidence stays as attached: the store refuses to change or delete it.
    CHECK_THROWS_AS(await(v.tp->store().write([](WriteTransaction& txn) {
                        txn.exec(QStringLiteral("UPDATE hub_media SET sha256 = ?"), {QString(64, u'0')});
                    })),
                    StoreError);
    CHECK_THROWS_AS(await(v.tp->store().write([](WriteTransaction& txn) { txn.exec(QStringLiteral("DELETE FROM hub_media")); })),
                    StoreError);
    CHECK(v.count(QStringLiteral("hub_media")) == 2);
}

TEST_CASE("Snapshots: what is not a PNG is refused, and so is what the user may not take or see", "[cameras]")
{
    Video v;
    const Incident incident = v.createIncident();
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));
    Camera restricted = camera(QStringLiteral("CAM-0002"), CameraKind::Ptz, offset(kTower, 60, 0));
    restricted.viewPermission = QStringLiteral("hub.camera.manage");
    await(v.cameras->save(restricted));
    const qint64 now = v.clock().nowMs();
    const QString cam = QStringLiteral("CAM-0001");

    // Not a PNG, a cut-off PNG, a damaged one, one too large: each refused with the reason.
    CHECK(failureOf(v.media->attachSnapshot(incident.id, cam, QByteArray("GIF89a....", 10), now)).contains(QStringLiteral("not a PNG")));
    const QByteArray good = png();
    CHECK(failureOf(v.media->attachSnapshot(incident.id, cam, good.left(good.size() - 20), now)).contains(QStringLiteral("cut short")));
    QByteArray damaged = good;
    damaged[damaged.size() - 20] = char(damaged[damaged.size() - 20] ^ 0x55); // in the image data
    CHECK(failureOf(v.media->attachSnapshot(incident.id, cam, damaged, now)).contains(QStringLiteral("checksum")));
    CHECK(failureOf(v.media->attachSnapshot(incident.id, cam, good + QByteArray("tail"), now)).contains(QStringLiteral("after its end")));
    QByteArray huge = good;
    huge.append(QByteArray(MediaService::kMaxImageBytes, '\0'));
    CHECK(failureOf(v.media->attachSnapshot(incident.id, cam, huge, now)).contains(QStringLiteral("at most 20 MB")));
    CHECK_THROWS_AS(await(v.media->attachSnapshot(incident.id, cam, QByteArray(), now)), ValidationError);
    CHECK_THROWS_AS(await(v.media->attachSnapshot(incident.id + 100, cam, good, now)), NotFoundError);
    CHECK_THROWS_AS(await(v.media->attachSnapshot(incident.id, QStringLiteral("CAM-9999"), good, now)), NotFoundError);
    CHECK(v.count(QStringLiteral("hub_media")) == 0);

    const MediaItem open = await(v.media->attachSnapshot(incident.id, cam, good, now));
    const MediaItem hidden = await(v.media->attachSnapshot(incident.id, QStringLiteral("CAM-0002"), good, now));

    // An operator watches video but takes no snapshots; the refusal is audited.
    v.signIn(QStringLiteral("op"), QStringLiteral("basic_control_operator"));
    CHECK(failureOf(v.media->attachSnapshot(incident.id, cam, good, now)).contains(QStringLiteral("hub.video.snapshot")));
    CHECK(v.audit().contains(QStringLiteral("media.attached/denied incident:%1").arg(incident.id)));
    // They see the media of the cameras they may watch, and no other.
    const QList<MediaItem> listed = await(v.media->mediaFor(incident.id));
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].id == open.id);
    CHECK(await(v.media->mediaContent(open.id)) == good);
    CHECK(failureOf(v.media->mediaContent(hidden.id)).contains(QStringLiteral("hub.camera.manage")));
    CHECK_THROWS_AS(await(v.media->mediaContent(hidden.id)), PermissionDenied);
    const QStringList audit = v.audit();
    CHECK(audit.count(QStringLiteral("media.viewed/denied media:%1").arg(hidden.id)) == 2);
    CHECK(audit.count(QStringLiteral("media.viewed/success media:%1").arg(open.id)) == 1);

    // Without hub.video.view nothing is shown, and the attempt is on record.
    v.signIn(QStringLiteral("aud"), QStringLiteral("auditor"));
    CHECK_THROWS_AS(await(v.media->mediaContent(open.id)), PermissionDenied);
    CHECK_THROWS_AS(await(v.media->mediaFor(incident.id)), PermissionDenied);
    CHECK(v.audit().count(QStringLiteral("media.viewed/denied media:%1").arg(open.id)) == 1);
}

TEST_CASE("Snapshots: nothing more is attached to a closed or cancelled incident", "[cameras]")
{
    Video v;
    const Incident incident = v.createIncident();
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));
    await(v.incidents->moveTo(incident.id, IncidentStatus::Cancelled, QStringLiteral("False alarm, nobody on the roof")));
    CHECK(failureOf(v.media->attachSnapshot(incident.id, QStringLiteral("CAM-0001"), png(), v.clock().nowMs()))
              .contains(QStringLiteral("nothing more is attached")));
    CHECK(v.count(QStringLiteral("hub_media")) == 0);
}

TEST_CASE("Clips: a Motion-JPEG AVI is read whole, and what is not one is refused with the reason", "[cameras][domain]")
{
    const QByteArray avi = clip(15, QSize(160, 90), 10);
    QString why;
    const std::optional<ClipInfo> info = mjpegAviInfo(avi, &why);
    INFO(why.toStdString());
    REQUIRE(info.has_value());
    CHECK(info->size == QSize(160, 90));
    CHECK(info->frames == 15);
    CHECK(info->fps == Approx(10));
    CHECK(info->durationMs == 1500);
    REQUIRE(info->frameSpans.size() == 15);
    const QImage first = QImage::fromData(info->frame(avi, 0), "JPEG");
    CHECK(first.size() == QSize(160, 90));
    CHECK(QColor(first.pixel(100, 45)).blue() > 80); // the background, not the bar

    const auto refusal = [](const QByteArray& bytes) {
        QString error;
        CHECK_FALSE(mjpegAviInfo(bytes, &error).has_value());
        CHECK_FALSE(error.isEmpty());
        return error;
    };
    CHECK(refusal(QByteArray()).contains(QStringLiteral("empty")));
    CHECK(refusal(QByteArray("RIFF\x04\x00\x00\x00WAVE", 12)).contains(QStringLiteral("not an AVI")));
    CHECK(refusal(avi.left(avi.size() - 100)).contains(QStringLiteral("cut short")));
    CHECK(refusal(avi + QByteArray("tail")).contains(QStringLiteral("after its end")));

    // The main header: RIFF (12), LIST hdrl (8 + 4), then avih (8); its frame count 16 bytes in.
    const qsizetype avih = 12 + 12 + 8;
    REQUIRE(avi.mid(avih - 8, 4) == "avih");
    REQUIRE(le32At(avi, avih + 16) == 15);
    QByteArray miscounted = avi;
    setLe32(miscounted, avih + 16, 14);
    CHECK(refusal(miscounted).contains(QStringLiteral("do not add up")));

    // Not Motion-JPEG: the stream format's compression says another codec.
    QByteArray h264 = avi;
    const qsizetype strf = h264.indexOf("strf");
    REQUIRE(strf > 0);
    h264.replace(strf + 8 + 16, 4, "H264");
    CHECK(refusal(h264).contains(QStringLiteral("not Motion-JPEG")));
    QByteArray audio = avi;
    const qsizetype strh = audio.indexOf("strh");
    audio.replace(strh + 8, 4, "auds");
    CHECK(refusal(audio).contains(QStringLiteral("not video")));

    // A frame that is not a JPEG picture, a chunk that runs past its list, an index that points
    // elsewhere.
    QByteArray notJpeg = avi;
    notJpeg[info->frameSpans[3].offset] = '\0';
    CHECK(refusal(notJpeg).contains(QStringLiteral("Frame 4 of the clip is not a JPEG picture")));
    QByteArray overrun = avi;
    setLe32(overrun, info->frameSpans[0].offset - 4, 0x7ffffff0u);
    CHECK(refusal(overrun).contains(QStringLiteral("runs past its end")));
    QByteArray misindexed = avi;
    const qsizetype idx1 = misindexed.lastIndexOf("idx1");
    REQUIRE(idx1 > 0);
    setLe32(misindexed, idx1 + 8 + 16 * 2 + 8, le32At(misindexed, idx1 + 8 + 16 * 2 + 8) + 2);
    CHECK(refusal(misindexed).contains(QStringLiteral("index does not point at frame 3")));
    QByteArray noIndex = avi;
    noIndex.replace(idx1, 4, "JUNK");
    CHECK(refusal(noIndex).contains(QStringLiteral("no index")));
    // A JPEG of another size than the stream's.
    MjpegAviWriter other(QSize(160, 90), 10);
    QImage small(80, 45, QImage::Format_RGB32);
    small.fill(Qt::gray);
    CHECK_FALSE(other.addJpeg(MjpegAviWriter::encodeJpeg(small)));
    CHECK(other.frameCount() == 0);
}

TEST_CASE("Clips: attached to the incident's record with kind, duration and hash, journaled and audited", "[cameras]")
{
    Video v;
    const Incident incident = v.createIncident();
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));

    const QByteArray avi = clip(15);
    const qint64 startedAt = v.clock().nowMs() - 5000;
    const MediaItem item = await(v.media->attachClip(incident.id, QStringLiteral("CAM-0001"), avi, startedAt));
    CHECK(item.id > 0);
    CHECK(item.kind == QStringLiteral("clip"));
    CHECK(item.isClip());
    CHECK(item.contentType == QStringLiteral("video/x-msvideo"));
    CHECK(item.takenAt == startedAt);
    CHECK(item.durationMs == 1500);
    CHECK(item.frameCount == 15);
    CHECK(item.size == QSize(160, 90));
    CHECK(item.bytes == avi.size());
    CHECK(item.sha256 == QString::fromLatin1(QCryptographicHash::hash(avi, QCryptographicHash::Sha256).toHex()));
    CHECK(item.cameraName == QStringLiteral("Camera CAM-0001"));
    const MediaItem snapshot = await(v.media->attachSnapshot(incident.id, QStringLiteral("CAM-0001"), png(), startedAt + 1000));

    // Listed with the snapshot, oldest first, each saying what it is.
    const QList<MediaItem> listed = await(v.media->mediaFor(incident.id));
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].id == item.id);
    CHECK(listed[0].kind == QStringLiteral("clip"));
    CHECK(listed[0].contentType == QStringLiteral("video/x-msvideo"));
    CHECK(listed[0].durationMs == 1500);
    CHECK(listed[0].frameCount == 15);
    CHECK(listed[0].sha256 == item.sha256);
    CHECK(listed[0].size == QSize(160, 90));
    CHECK(listed[1].id == snapshot.id);
    CHECK(listed[1].kind == QStringLiteral("snapshot"));
    CHECK(listed[1].contentType == QStringLiteral("image/png"));
    CHECK(listed[1].durationMs == 0);
    CHECK(listed[1].frameCount == 1);
    // Through JSON and back, as the bus carries it.
    const std::optional<MediaItem> copied = MediaItem::fromJson(listed[0].toJson());
    REQUIRE(copied.has_value());
    CHECK(copied->durationMs == 1500);
    CHECK(copied->frameCount == 15);
    CHECK(copied->contentType == QStringLiteral("video/x-msvideo"));

    // On the incident's timeline, journaled with its kind, and audited.
    QStringList attached;
    for (const TimelineEntry& e : await(v.incidents->timeline(incident.id))) {
        if (e.topic == QStringLiteral("media.attached"))
            attached << e.text;
    }
    CHECK(attached == QStringList{QStringLiteral("Clip from camera Camera CAM-0001 (CAM-0001) attached, 1.5 s"),
                                  QStringLiteral("Snapshot from camera Camera CAM-0001 (CAM-0001) attached")});
    Event journaled;
    journaled.topic = QStringLiteral("media.attached");
    journaled.payload = v.journal(QStringLiteral("media.attached")).value(0);
    const auto payload = payloadAs<MediaAttached>(journaled);
    REQUIRE(payload.has_value());
    CHECK(payload->media.kind == QStringLiteral("clip"));
    CHECK(payload->media.durationMs == 1500);
    CHECK(payload->media.sha256 == item.sha256);
    CHECK(payload->incidentNumber == incident.number);
    CHECK(v.audit().contains(QStringLiteral("media.attached/success media:%1").arg(item.id)));

    // The bytes come back whole, still a clip, and the viewing is audited.
    const QByteArray back = await(v.media->mediaContent(item.id));
    CHECK(back == avi);
    CHECK(mjpegAviInfo(back).value_or(ClipInfo{}).frames == 15);
    CHECK(v.audit().count(QStringLiteral("media.viewed/success media:%1").arg(item.id)) == 1);

    // Evidence stays as attached, clips as snapshots; and the store holds each kind to its own rules.
    CHECK_THROWS_AS(await(v.tp->store().write([](WriteTransaction& txn) {
                        txn.exec(QStringLiteral("UPDATE hub_media SET duration_ms = 1 WHERE kind = 'clip'"));
                    })),
                    StoreError);
    CHECK_THROWS_AS(await(v.tp->store().write([](WriteTransaction& txn) {
                        txn.exec(QStringLiteral("DELETE FROM hub_media WHERE kind = 'clip'"));
                    })),
                    StoreError);
    const auto insert = [&](const QString& kind, const QString& type, const QVariant& duration) {
        return failureOf(v.tp->store().write([=, &incident](WriteTransaction& txn) {
            txn.exec(QStringLiteral("INSERT INTO hub_media (incident_id, camera_id, kind, content_type, taken_at, duration_ms, "
                                    "frame_count, sha256, width, height, byte_size, content, created_by, created_at) "
                                    "VALUES (?, 'CAM-0001', ?, ?, 1, ?, 1, ?, 1, 1, 3, ?, 'x', 1)"),
                     {incident.id, kind, type, duration, QString(64, u'0'), QByteArray("abc")});
        }));
    };
    CHECK_FALSE(insert(QStringLiteral("clip"), QStringLiteral("image/png"), 100).isEmpty());
    CHECK_FALSE(insert(QStringLiteral("snapshot"), QStringLiteral("image/png"), 100).isEmpty());
    CHECK_FALSE(insert(QStringLiteral("clip"), QStringLiteral("video/x-msvideo"), QVariant()).isEmpty());
    CHECK_FALSE(insert(QStringLiteral("film"), QStringLiteral("video/x-msvideo"), 100).isEmpty());
    CHECK(v.count(QStringLiteral("hub_media")) == 2);
}

TEST_CASE("Clips: what is not a whole Motion-JPEG AVI is refused and nothing is stored", "[cameras]")
{
    Video v;
    const Incident incident = v.createIncident();
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));
    const QString cam = QStringLiteral("CAM-0001");
    const qint64 now = v.clock().nowMs();
    const QByteArray good = clip(5);

    CHECK(failureOf(v.media->attachClip(incident.id, cam, QByteArray(), now)).contains(QStringLiteral("empty")));
    CHECK(failureOf(v.media->attachClip(incident.id, cam, png(), now)).contains(QStringLiteral("not an AVI")));
    const QString cut = failureOf(v.media->attachClip(incident.id, cam, good.left(good.size() / 2), now));
    CHECK(cut.contains(QStringLiteral("The clip cannot be attached")));
    CHECK(cut.contains(QStringLiteral("cut short")));
    QByteArray notMjpeg = good;
    notMjpeg.replace(notMjpeg.indexOf("strf") + 8 + 16, 4, "XVID");
    CHECK(failureOf(v.media->attachClip(incident.id, cam, notMjpeg, now)).contains(QStringLiteral("not Motion-JPEG")));
    CHECK_THROWS_AS(await(v.media->attachClip(incident.id, cam, good + QByteArray("x"), now)), ValidationError);
    QByteArray huge = good;
    huge.append(QByteArray(MediaService::kMaxClipBytes, '\0'));
    CHECK(failureOf(v.media->attachClip(incident.id, cam, huge, now)).contains(QStringLiteral("at most 64 MB")));
    huge.clear();
    CHECK_THROWS_AS(await(v.media->attachClip(incident.id, cam, good, 0)), ValidationError);
    CHECK(failureOf(v.media->attachClip(incident.id, cam, good, now + 3600 * 1000)).contains(QStringLiteral("future")));
    CHECK_THROWS_AS(await(v.media->attachClip(incident.id + 100, cam, good, now)), NotFoundError);
    CHECK_THROWS_AS(await(v.media->attachClip(incident.id, QStringLiteral("CAM-9999"), good, now)), NotFoundError);
    CHECK(v.count(QStringLiteral("hub_media")) == 0);
    CHECK(v.journal(QStringLiteral("media.attached")).isEmpty());

    // Behind another operator's work on the incident that waits in this desk's outbox, a clip is
    // kept there, not sent: one that is not a whole AVI is still refused at once, not kept.
    OfflineCommand earlier;
    earlier.id = CommandId::make();
    earlier.operation = QStringLiteral("hub.incident.note");
    earlier.args = {{QStringLiteral("incident"), incident.id}, {QStringLiteral("text"), QStringLiteral("Ivy's note")}};
    earlier.records = {QStringLiteral("incident:%1").arg(incident.id)};
    earlier.summary = QStringLiteral("Ivy's note");
    earlier.madeBy = QStringLiteral("ivy");
    await(v.tp->outbox().keep(earlier));
    MediaService kept(v.tp->store(), v.tp->session(), v.tp->audit(), &v.tp->outbox());
    const QString refused = failureOf(kept.attachClip(incident.id, cam, good.left(good.size() / 2), now));
    CHECK(refused.contains(QStringLiteral("The clip cannot be attached")));
    CHECK(v.tp->outbox().waiting() == 1);
    CHECK_THROWS_AS(await(kept.attachClip(incident.id, cam, good, now)), CommandQueued);
    CHECK(v.tp->outbox().waiting() == 2);
}

TEST_CASE("Clips: refused without the snapshot permission or the camera's, and on a closed incident", "[cameras]")
{
    Video v;
    const Incident incident = v.createIncident();
    await(v.cameras->save(camera(QStringLiteral("CAM-0001"), CameraKind::Fixed, offset(kTower, 0, 80), 270)));
    Camera restricted = camera(QStringLiteral("CAM-0002"), CameraKind::Ptz, offset(kTower, 60, 0));
    restricted.viewPermission = QStringLiteral("hub.camera.manage");
    await(v.cameras->save(restricted));
    const qint64 now = v.clock().nowMs();
    const QByteArray avi = clip(3);

    // An operator watches video but attaches nothing; the refusal is on record.
    v.signIn(QStringLiteral("op"), QStringLiteral("basic_control_operator"));
    CHECK(failureOf(v.media->attachClip(incident.id, QStringLiteral("CAM-0001"), avi, now)).contains(QStringLiteral("hub.video.snapshot")));
    CHECK(v.audit().contains(QStringLiteral("media.attached/denied incident:%1").arg(incident.id)));
    // A trainer may attach, but not from a camera they may not watch.
    v.signIn(QStringLiteral("trn"), QStringLiteral("trainer"));
    const QString hidden = failureOf(v.media->attachClip(incident.id, QStringLiteral("CAM-0002"), avi, now));
    CHECK(hidden.contains(QStringLiteral("hub.camera.manage")));
    CHECK(v.audit().count(QStringLiteral("media.attached/denied incident:%1").arg(incident.id)) == 2);
    CHECK(v.count(QStringLiteral("hub_media")) == 0);
    const MediaItem open = await(v.media->attachClip(incident.id, QStringLiteral("CAM-0001"), avi, now));
    CHECK(open.createdBy == QStringLiteral("trn"));

    // A cancelled incident takes nothing more.
    v.signIn(QStringLiteral("sup2"), QStringLiteral("hub_supervisor"));
    await(v.incidents->moveTo(incident.id, IncidentStatus::Cancelled, QStringLiteral("False alarm, nobody on the roof")));
    CHECK(failureOf(v.media->attachClip(incident.id, QStringLiteral("CAM-0001"), avi, now)).contains(QStringLiteral("nothing more is attached")));
    CHECK(v.count(QStringLiteral("hub_media")) == 1);
}

TEST_CASE("Hub migration 0006: a store with snapshots from before clips keeps them, append-only", "[cameras][migrations]")
{
    // A store as the build before clips left it: the core's migrations and the hub's first five,
    // read from the source folder (the same files the hub module carries, so their checksums match).
    SimulatedClock clock(TestPlatform::simulatedStart());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("before-clips.db"));
    const StoreUrl url = onPostgres() ? createTestDatabase() : StoreUrl::sqlite(path);
    const QByteArray image = png(48, 27);
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(image, QCryptographicHash::Sha256).toHex());
    qint64 incidentId = 0;
    QList<qint64> snapshots;
    {
        Store old(Store::Options{url, 1}, clock);
        await(old.open());
        const QString dialect = old.dialect().name();
        Migrator migrator(old);
        migrator.add(Migration::fromFolder(QStringLiteral("core"), QStringLiteral(":/hexhub/core/sql"), dialect));
        const QList<Migration> hub =
            Migration::fromFolder(QStringLiteral("hub"), QStringLiteral(HEXHUB_TEST_SOURCE_DIR "/modules/hub/sql"), dialect);
        REQUIRE(hub.size() >= 6);
        REQUIRE(hub[4].name == QStringLiteral("cameras_media"));
        migrator.add(hub.mid(0, 5));
        const MigrationReport report = await(migrator.apply());
        REQUIRE(report.failures.isEmpty());
        const qint64 t = clock.nowMs();
        incidentId = await(old.write([t](WriteTransaction& txn) {
            return txn.insert(QStringLiteral("INSERT INTO hub_incidents (number, priority, category, source, summary, created_at, "
                                             "updated_at) VALUES ('2026-000001', 1, 'rooftop_rescue', 'call', 'Before clips', ?, ?)"),
                              {t, t});
        }));
        snapshots = await(old.write([&, t](WriteTransaction& txn) {
            txn.exec(QStringLiteral("INSERT INTO hub_cameras (id, name, kind, latitude, longitude, heading, field_of_view, range_m, "
                                    "stream_url, created_at, updated_at) VALUES ('CAM-0001', 'Old camera', 'fixed', ?, ?, 0, 90, "
                                    "100, 'synthetic:street', ?, ?)"),
                     {kTower.latitude, kTower.longitude, t, t});
            QList<qint64> ids;
            for (int i = 0; i < 2; ++i) {
                ids << txn.insert(QStringLiteral("INSERT INTO hub_media (incident_id, camera_id, kind, taken_at, sha256, width, height, "
                                                 "byte_size, png, created_by, created_at) VALUES (?, 'CAM-0001', 'snapshot', ?, ?, "
                                                 "48, 27, ?, ?, 'sup', ?)"),
                                  {incidentId, t - 1000 + i, sha256, qint64(image.size()), image, t});
            }
            return ids;
        }));
    }

    // This build opens it: the hub's migration 0006 runs.
    TestPlatform::Config config = TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)});
    if (onPostgres())
        config.store = url;
    else
        config.storePath = path;
    TestPlatform tp(config);
    if (onPostgres())
        tp.database = url; // dropped with the platform
    tp.start();
    signInAs(tp, QStringLiteral("sup"), QStringLiteral("hub_supervisor"));
    CHECK(await(tp->store().read([](Sql& sql) {
              return sql.scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations WHERE module = 'hub'")).toInt();
          })) >= 6);

    MediaService media(tp->store(), tp->session(), tp->audit());
    const QList<MediaItem> kept = await(media.mediaFor(incidentId));
    REQUIRE(kept.size() == 2);
    for (int i = 0; i < 2; ++i) {
        CHECK(kept[i].id == snapshots[i]);
        CHECK(kept[i].kind == QStringLiteral("snapshot"));
        CHECK(kept[i].contentType == QStringLiteral("image/png"));
        CHECK(kept[i].durationMs == 0);
        CHECK(kept[i].frameCount == 1);
        CHECK(kept[i].size == QSize(48, 27));
        CHECK(kept[i].sha256 == sha256);
        CHECK(kept[i].createdBy == QStringLiteral("sup"));
    }
    CHECK(await(media.mediaContent(snapshots[1])) == image);

    // New media take new ids, after the old ones; a clip goes in beside the snapshots.
    const MediaItem added = await(media.attachClip(incidentId, QStringLiteral("CAM-0001"), clip(4), tp->clock().nowMs()));
    CHECK(added.id > snapshots[1]);
    CHECK(await(media.mediaFor(incidentId)).size() == 3);

    // Still append-only, old rows and new; the indexes are there again.
    for (const QString& statement : {QStringLiteral("UPDATE hub_media SET created_by = 'someone else'"),
                                     QStringLiteral("UPDATE hub_media SET sha256 = '%1' WHERE id = %2").arg(QString(64, u'0')).arg(snapshots[0]),
                                     QStringLiteral("DELETE FROM hub_media WHERE id = %1").arg(snapshots[0]),
                                     QStringLiteral("DELETE FROM hub_media")}) {
        INFO(statement.toStdString());
        CHECK_THROWS_AS(await(tp->store().write([statement](WriteTransaction& txn) { txn.exec(statement); })), StoreError);
    }
    const int count = await(tp->store().read([](Sql& sql) { return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_media")).toInt(); }));
    CHECK(count == 3);
    const QStringList indexes = await(tp->store().read([](Sql& sql) {
        QStringList out;
        QSqlQuery q = sql.exec(sql.dialect().name() == QStringLiteral("sqlite")
                                   ? QStringLiteral("SELECT name FROM sqlite_master WHERE tbl_name = 'hub_media' AND type = 'index' "
                                                    "AND name NOT LIKE 'sqlite_%' ORDER BY name")
                                   : QStringLiteral("SELECT indexname FROM pg_indexes WHERE tablename = 'hub_media' "
                                                    "AND indexname <> 'hub_media_pkey' ORDER BY indexname"));
        while (q.next())
            out << q.value(0).toString();
        return out;
    }));
    CHECK(indexes == QStringList{QStringLiteral("hub_media_camera"), QStringLiteral("hub_media_incident")});
}
