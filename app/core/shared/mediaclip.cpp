#include "shared/mediaclip.h"

#include "module/servicesupport.h"

#include <array>

#include "base/coretr.h"

#include <QByteArrayView>

#include <cmath>

namespace hexhub {

namespace {

// RIFF: little-endian; a chunk is a four-character code, a 32-bit length and the body, padded to an
// even length. Lists (RIFF, LIST) begin their body with a four-character type.

constexpr int kAvihSize = 56;
constexpr int kStrhMinSize = 48; // without rcFrame, which old writers leave out
constexpr int kStrfMinSize = 40;
constexpr int kMaxSide = 8192;
constexpr double kMaxFps = 1000;

quint32 le32(const char* p)
{
    return quint32(quint8(p[0])) | (quint32(quint8(p[1])) << 8) | (quint32(quint8(p[2])) << 16)
           | (quint32(quint8(p[3])) << 24);
}

quint16 be16(const char* p)
{
    return quint16((quint8(p[0]) << 8) | quint8(p[1]));
}

bool codeIs(const char* p, const char (&code)[5])
{
    return QByteArrayView(p, 4) == QByteArrayView(code, 4);
}

// A four-character code to show in a message: what a damaged file has there may not be text.
QString codeText(const char* p)
{
    QString text;
    for (int i = 0; i < 4; ++i)
        text += (p[i] >= 0x20 && p[i] < 0x7f) ? QChar::fromLatin1(p[i]) : u'?';
    return text;
}

bool codeIsNoCase(const char* p, const char (&code)[5])
{
    return QByteArrayView(p, 4).compare(QByteArrayView(code, 4), Qt::CaseInsensitive) == 0;
}

struct Chunk
{
    const char* code = nullptr;
    qsizetype body = 0;   //!< offset of the body in the file
    qsizetype length = 0; //!< of the body, without the pad byte
    bool isList(const char (&type)[5], const char* data) const
    {
        return codeIs(code, "LIST") && length >= 4 && codeIs(data + body, type);
    }
};

struct Failure
{
    QString why;
};

/*
 * The chunks between `from` and `to` of `data`, each checked to lie within them. The pad byte after
 * an odd body may be missing at the very end of the range, as some writers leave it out there.
 */
QList<Chunk> chunksIn(const char* data, qsizetype from, qsizetype to, const QString& where)
{
    QList<Chunk> out;
    qsizetype at = from;
    while (at < to) {
        if (to - at < 8)
            throw Failure{Tr::tr("The clip is damaged: %1 ends in the middle of a part's header.").arg(where)};
        const qsizetype length = le32(data + at + 4);
        if (length > to - at - 8)
            throw Failure{Tr::tr("The clip is damaged: a part of %1 (\"%2\") runs past its end.")
                              .arg(where, codeText(data + at))};
        out << Chunk{data + at, at + 8, length};
        at += 8 + length + (length & 1);
    }
    return out;
}

ClipInfo readClip(const QByteArray& bytes)
{
    const char* data = bytes.constData();
    const qsizetype size = bytes.size();
    if (size == 0)
        throw Failure{Tr::tr("The clip is empty.")};
    if (size < 12 || !codeIs(data, "RIFF") || !codeIs(data + 8, "AVI "))
        throw Failure{Tr::tr("This is not an AVI clip.")};
    const qsizetype riffEnd = 8 + qsizetype(le32(data + 4));
    if (riffEnd > size)
        throw Failure{Tr::tr("The clip is cut short: it says it has %1 bytes and has %2.").arg(riffEnd).arg(size)};
    if (riffEnd + (riffEnd & 1) < size)
        throw Failure{Tr::tr("The clip has data after its end.")};

    const QList<Chunk> top = chunksIn(data, 12, riffEnd, Tr::tr("the file"));
    const Chunk* hdrl = nullptr;
    const Chunk* movi = nullptr;
    const Chunk* idx1 = nullptr;
    for (const Chunk& chunk : top) {
        if (chunk.isList("hdrl", data) && !hdrl)
            hdrl = &chunk;
        else if (chunk.isList("movi", data) && !movi)
            movi = &chunk;
        else if (codeIs(chunk.code, "idx1") && !idx1)
            idx1 = &chunk;
        else if (chunk.isList("hdrl", data) || chunk.isList("movi", data) || codeIs(chunk.code, "idx1"))
            throw Failure{Tr::tr("The clip is damaged: it has two \"%1\" parts.").arg(codeText(codeIs(chunk.code, "idx1") ? chunk.code : data + chunk.body))};
    }
    if (!hdrl)
        throw Failure{Tr::tr("The clip has no header (hdrl).")};
    if (!movi)
        throw Failure{Tr::tr("The clip has no frames (movi).")};
    if (!idx1)
        throw Failure{Tr::tr("The clip has no index (idx1).")};
    if (movi->body < hdrl->body || (idx1->body < movi->body))
        throw Failure{Tr::tr("The clip is damaged: its header, frames and index are out of order.")};

    // The headers: the main one and exactly one stream, MJPG video.
    ClipInfo info;
    bool haveMain = false;
    quint32 totalFrames = 0;
    QSize mainSize;
    int streams = 0;
    quint32 scale = 0;
    quint32 rate = 0;
    quint32 length = 0;
    QSize streamSize;
    for (const Chunk& chunk : chunksIn(data, hdrl->body + 4, hdrl->body + hdrl->length, Tr::tr("the header"))) {
        if (codeIs(chunk.code, "avih")) {
            if (chunk.length < kAvihSize)
                throw Failure{Tr::tr("The clip's main header is too short.")};
            const char* avih = data + chunk.body;
            haveMain = true;
            totalFrames = le32(avih + 16);
            mainSize = QSize(int(std::min<quint32>(le32(avih + 32), kMaxSide + 1)),
                             int(std::min<quint32>(le32(avih + 36), kMaxSide + 1)));
        } else if (chunk.isList("strl", data)) {
            if (++streams > 1)
                throw Failure{Tr::tr("The clip has more than one stream; a clip is one video stream and nothing else.")};
            bool header = false;
            bool format = false;
            for (const Chunk& part : chunksIn(data, chunk.body + 4, chunk.body + chunk.length, Tr::tr("the stream header"))) {
                const char* body = data + part.body;
                if (codeIs(part.code, "strh")) {
                    if (part.length < kStrhMinSize)
                        throw Failure{Tr::tr("The clip's stream header is too short.")};
                    if (!codeIs(body, "vids"))
                        throw Failure{Tr::tr("The clip's stream is not video (\"%1\").").arg(codeText(body))};
                    scale = le32(body + 20);
                    rate = le32(body + 24);
                    length = le32(body + 32);
                    header = true;
                } else if (codeIs(part.code, "strf")) {
                    if (part.length < kStrfMinSize)
                        throw Failure{Tr::tr("The clip's stream format is too short.")};
                    if (!codeIsNoCase(body + 16, "MJPG"))
                        throw Failure{Tr::tr("The clip's video is not Motion-JPEG (it is \"%1\").")
                                          .arg(codeText(body + 16))};
                    // The height of a top-down bitmap is negative; a JPEG frame's is its height.
                    const qint32 height = qint32(le32(body + 8));
                    streamSize = QSize(int(std::min<quint32>(le32(body + 4), kMaxSide + 1)),
                                       int(std::min<qint64>(std::abs(qint64(height)), kMaxSide + 1)));
                    format = true;
                }
            }
            if (!header || !format)
                throw Failure{Tr::tr("The clip's stream has no header or no format.")};
        }
    }
    if (!haveMain)
        throw Failure{Tr::tr("The clip has no main header (avih).")};
    if (streams == 0)
        throw Failure{Tr::tr("The clip has no stream.")};
    if (mainSize.isEmpty() || mainSize.width() > kMaxSide || mainSize.height() > kMaxSide)
        throw Failure{Tr::tr("The clip says its frames are %1 × %2 pixels; a frame is 1 to %3 pixels each way.")
                          .arg(mainSize.width()).arg(mainSize.height()).arg(kMaxSide)};
    if (streamSize != mainSize)
        throw Failure{Tr::tr("The clip's headers disagree on the frame size: %1 × %2 and %3 × %4.")
                          .arg(mainSize.width()).arg(mainSize.height()).arg(streamSize.width()).arg(streamSize.height())};
    if (scale == 0 || rate == 0 || double(rate) / scale > kMaxFps)
        throw Failure{Tr::tr("The clip's frame rate (%1 / %2) is not one a clip can have.").arg(rate).arg(scale)};
    info.size = mainSize;
    info.fps = double(rate) / scale;

    // The frames, in movi (perhaps grouped in 'rec ' lists), each a JPEG picture of the clip's size.
    QList<Chunk> frames;
    for (const Chunk& chunk : chunksIn(data, movi->body + 4, movi->body + movi->length, Tr::tr("the frames"))) {
        QList<Chunk> inner{chunk};
        if (chunk.isList("rec ", data))
            inner = chunksIn(data, chunk.body + 4, chunk.body + chunk.length, Tr::tr("the frames"));
        for (const Chunk& part : inner) {
            if (codeIs(part.code, "00dc") || codeIs(part.code, "00db"))
                frames << part;
            else if (!codeIs(part.code, "JUNK"))
                throw Failure{Tr::tr("The clip holds something other than its video frames (\"%1\").")
                                  .arg(codeText(part.code))};
        }
    }
    if (frames.isEmpty())
        throw Failure{Tr::tr("The clip has no frames.")};
    if (totalFrames != quint32(frames.size()) || length != quint32(frames.size()))
        throw Failure{Tr::tr("The clip's frames do not add up: it has %1, its headers say %2 and %3.")
                          .arg(frames.size()).arg(totalFrames).arg(length)};
    for (int i = 0; i < frames.size(); ++i) {
        const Chunk& frame = frames[i];
        if (frame.length < 4 || quint8(data[frame.body]) != 0xff || quint8(data[frame.body + 1]) != 0xd8)
            throw Failure{Tr::tr("Frame %1 of the clip is not a JPEG picture.").arg(i + 1)};
        const QSize size = jpegImageSize(QByteArrayView(data + frame.body, frame.length));
        if (size != info.size)
            throw Failure{Tr::tr("Frame %1 of the clip is not a whole JPEG picture of the clip's size.").arg(i + 1)};
        info.frameSpans << ClipInfo::Span{frame.body, frame.length};
    }

    // The index: one entry a frame, in order, pointing at it (from the 'movi' type, or the file's start).
    if (idx1->length % 16 != 0)
        throw Failure{Tr::tr("The clip's index is damaged.")};
    QList<const char*> entries;
    for (qsizetype at = idx1->body; at < idx1->body + idx1->length; at += 16) {
        if (codeIs(data + at, "00dc") || codeIs(data + at, "00db"))
            entries << data + at;
    }
    if (entries.size() != frames.size())
        throw Failure{Tr::tr("The clip's frames do not add up: it has %1, its index %2.").arg(frames.size()).arg(entries.size())};
    const qsizetype moviType = movi->body;
    const qsizetype base = qsizetype(le32(entries[0] + 8)) == frames[0].body - 8 ? 0 : moviType;
    for (int i = 0; i < frames.size(); ++i) {
        const qsizetype header = base + qsizetype(le32(entries[i] + 8));
        if (header != frames[i].body - 8 || qsizetype(le32(entries[i] + 12)) != frames[i].length)
            throw Failure{Tr::tr("The clip's index does not point at frame %1.").arg(i + 1)};
    }

    info.frames = int(frames.size());
    info.durationMs = qint64(std::llround(double(info.frames) * 1000.0 * scale / rate));
    return info;
}

} // namespace

QByteArray ClipInfo::frame(const QByteArray& file, int i) const
{
    if (i < 0 || i >= frameSpans.size() || frameSpans[i].offset + frameSpans[i].length > file.size())
        return {};
    return file.mid(frameSpans[i].offset, frameSpans[i].length);
}

std::optional<ClipInfo> mjpegAviInfo(const QByteArray& bytes, QString* error)
{
    try {
        return readClip(bytes);
    } catch (const Failure& failure) {
        if (error)
            *error = failure.why;
        return std::nullopt;
    }
}

QSize jpegImageSize(QByteArrayView jpeg)
{
    const char* data = jpeg.data();
    const qsizetype size = jpeg.size();
    if (size < 4 || quint8(data[0]) != 0xff || quint8(data[1]) != 0xd8)
        return {};
    qsizetype at = 2; // after SOI
    while (at + 4 <= size) {
        if (quint8(data[at]) != 0xff)
            return {};
        const quint8 marker = quint8(data[at + 1]);
        if (marker == 0xff) { // fill byte
            ++at;
            continue;
        }
        at += 2;
        if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
            continue; // no length
        if (marker == 0xd8 || marker == 0xd9 || marker == 0xda)
            return {}; // a second start, the end or the scan before any frame header
        const qsizetype length = be16(data + at);
        if (length < 2 || at + length > size)
            return {};
        // SOF0 to SOF15, but for DHT (C4), JPG (C8) and DAC (CC) in the same range
        if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
            if (length < 7)
                return {};
            const int height = be16(data + at + 3);
            const int width = be16(data + at + 5);
            return width > 0 && height > 0 ? QSize(width, height) : QSize();
        }
        at += length;
    }
    return {};
}

// --- PNG check --------------------------------------------------------------------------------

namespace {

using service::failed;

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

} // namespace hexhub
