#include "mjpegavi.h"

#include "shared/mediaclip.h"

#include "widgetstr.h"

#include <QBuffer>
#include <QImageWriter>
#include <algorithm>

namespace hexhub {

namespace {

// RIFF is little-endian throughout; a chunk is a four-character code, a 32-bit length and the body,
// padded to an even length.

constexpr quint32 kAvihHasIndex = 0x10;  // AVIF_HASINDEX: idx1 follows movi
constexpr quint32 kIndexKeyFrame = 0x10; // AVIIF_KEYFRAME: every MJPEG frame stands alone
constexpr int kAvihSize = 56;            // MainAVIHeader
constexpr int kStrhSize = 56;            // AVIStreamHeader, rcFrame included
constexpr int kStrfSize = 40;            // BITMAPINFOHEADER
constexpr int kMaxSide = 8192;

void put32(QByteArray& out, quint32 value)
{
    const char bytes[4] = {char(value & 0xff), char((value >> 8) & 0xff), char((value >> 16) & 0xff),
                           char((value >> 24) & 0xff)};
    out.append(bytes, 4);
}

void put16(QByteArray& out, quint16 value)
{
    const char bytes[2] = {char(value & 0xff), char((value >> 8) & 0xff)};
    out.append(bytes, 2);
}

void putCode(QByteArray& out, const char (&code)[5])
{
    out.append(code, 4);
}

// A chunk header; the body follows.
void putChunk(QByteArray& out, const char (&code)[5], quint32 length)
{
    putCode(out, code);
    put32(out, length);
}

} // namespace

MjpegAviWriter::MjpegAviWriter(QSize frameSize, int fps)
    : m_size(std::clamp(frameSize.width(), 1, kMaxSide), std::clamp(frameSize.height(), 1, kMaxSide))
    , m_fps(std::clamp(fps, 1, kMaxFps))
{}

qint64 MjpegAviWriter::durationMs() const
{
    return qint64(m_index.size()) * 1000 / m_fps;
}

qint64 MjpegAviWriter::fileSize() const
{
    // RIFF header (12), hdrl list (12 + avih 8+56 + strl list 12 + strh 8+56 + strf 8+40),
    // movi list header (12) and its chunks, idx1 (8 + 16 a frame).
    constexpr qint64 headers = 12 + 12 + 8 + kAvihSize + 12 + 8 + kStrhSize + 8 + kStrfSize + 12;
    return headers + m_movi.size() + 8 + 16 * qint64(m_index.size());
}

qint64 MjpegAviWriter::fileSizeWith(qint64 jpegBytes) const
{
    return fileSize() + 8 + jpegBytes + (jpegBytes & 1) + 16;
}

bool MjpegAviWriter::addFrame(const QImage& image, int quality, QString* error)
{
    if (image.isNull()) {
        if (error)
            *error = widgets::Tr::tr("There is no picture to add to the clip.");
        return false;
    }
    const QImage sized = image.size() == m_size
                             ? image
                             : image.scaled(m_size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QByteArray jpeg = encodeJpeg(sized, quality);
    if (jpeg.isEmpty()) {
        if (error)
            *error = widgets::Tr::tr("The picture could not be encoded as JPEG.");
        return false;
    }
    return append(jpeg, error);
}

bool MjpegAviWriter::addJpeg(const QByteArray& jpeg, QString* error)
{
    const QSize size = jpegImageSize(jpeg);
    if (!size.isValid()) {
        if (error)
            *error = widgets::Tr::tr("This is not a JPEG picture.");
        return false;
    }
    if (size != m_size) {
        if (error)
            *error = widgets::Tr::tr("The picture is %1 × %2 pixels; the clip's frames are %3 × %4.")
                         .arg(size.width())
                         .arg(size.height())
                         .arg(m_size.width())
                         .arg(m_size.height());
        return false;
    }
    return append(jpeg, error);
}

bool MjpegAviWriter::repeatLastFrame(int count, QString* error)
{
    if (m_last.isEmpty()) {
        if (error)
            *error = widgets::Tr::tr("The clip has no frame to repeat yet.");
        return false;
    }
    // Each repeat is a whole copy, not an empty "drop frame" chunk: every frame of the file is then
    // a picture of its own, which is what the record's check of a clip asks for.
    const QByteArray last = m_last;
    for (int i = 0; i < count; ++i) {
        if (!append(last, error))
            return false;
    }
    return true;
}

bool MjpegAviWriter::append(const QByteArray& jpeg, QString* error)
{
    if (fileSizeWith(jpeg.size()) > kMaxFileBytes) {
        if (error)
            *error = widgets::Tr::tr("The clip would grow past %1 MB, the most an AVI file holds.")
                         .arg(kMaxFileBytes / (1024 * 1024));
        return false;
    }
    // Offsets count from the 'movi' list type, whose four bytes come before the first chunk.
    m_index.append(Entry{quint32(4 + m_movi.size()), quint32(jpeg.size())});
    putChunk(m_movi, "00dc", quint32(jpeg.size()));
    m_movi.append(jpeg);
    if (jpeg.size() & 1)
        m_movi.append('\0');
    m_largest = std::max(m_largest, quint32(jpeg.size()));
    m_last = jpeg;
    return true;
}

QByteArray MjpegAviWriter::file() const
{
    const quint32 frames = quint32(m_index.size());
    const quint32 width = quint32(m_size.width());
    const quint32 height = quint32(m_size.height());
    const quint32 buffer = m_largest + 8; // a frame's chunk, header included

    QByteArray strl;
    putCode(strl, "strl");
    putChunk(strl, "strh", kStrhSize);
    putCode(strl, "vids");
    putCode(strl, "MJPG");
    put32(strl, 0);              // flags
    put16(strl, 0);              // priority
    put16(strl, 0);              // language
    put32(strl, 0);              // initial frames
    put32(strl, 1);              // scale: the rate is rate / scale frames a second ...
    put32(strl, quint32(m_fps)); // ... here a whole number
    put32(strl, 0);              // start
    put32(strl, frames);         // length, in frames
    put32(strl, buffer);         // suggested buffer size
    put32(strl, 0xffffffffu);    // quality: the default
    put32(strl, 0);              // sample size: 0, frames differ in size
    put16(strl, 0);              // rcFrame: left, top, right, bottom
    put16(strl, 0);
    put16(strl, quint16(width));
    put16(strl, quint16(height));
    putChunk(strl, "strf", kStrfSize);
    put32(strl, kStrfSize); // BITMAPINFOHEADER: its own size
    put32(strl, width);
    put32(strl, height);
    put16(strl, 1);        // planes
    put16(strl, 24);       // bits a pixel once decoded
    putCode(strl, "MJPG"); // compression
    put32(strl, width * height * 3);
    put32(strl, 0); // pixels a metre, x and y: not known
    put32(strl, 0);
    put32(strl, 0); // colours used, important: none (not a palette)
    put32(strl, 0);

    QByteArray hdrl;
    putCode(hdrl, "hdrl");
    putChunk(hdrl, "avih", kAvihSize);
    put32(hdrl, quint32((1000000 + m_fps / 2) / m_fps)); // microseconds a frame
    put32(hdrl, m_largest * quint32(m_fps));             // most bytes a second
    put32(hdrl, 0);                                      // padding granularity
    put32(hdrl, kAvihHasIndex);
    put32(hdrl, frames);
    put32(hdrl, 0); // initial frames
    put32(hdrl, 1); // streams
    put32(hdrl, buffer);
    put32(hdrl, width);
    put32(hdrl, height);
    for (int i = 0; i < 4; ++i)
        put32(hdrl, 0); // reserved
    putChunk(hdrl, "LIST", quint32(strl.size()));
    hdrl.append(strl);

    QByteArray out;
    out.reserve(fileSize());
    putChunk(out, "RIFF", quint32(fileSize() - 8));
    putCode(out, "AVI ");
    putChunk(out, "LIST", quint32(hdrl.size()));
    out.append(hdrl);
    putChunk(out, "LIST", quint32(4 + m_movi.size()));
    putCode(out, "movi");
    out.append(m_movi);
    putChunk(out, "idx1", 16 * frames);
    for (const Entry& entry : m_index) {
        putCode(out, "00dc");
        put32(out, kIndexKeyFrame);
        put32(out, entry.offset);
        put32(out, entry.length);
    }
    Q_ASSERT(out.size() == fileSize());
    return out;
}

QByteArray MjpegAviWriter::encodeJpeg(const QImage& image, int quality)
{
    if (image.isNull())
        return {};
    // Colour without alpha: JPEG has none, and the writer would otherwise flatten it its own way.
    const QImage rgb = image.hasAlphaChannel() || image.format() == QImage::Format_Indexed8
                           ? image.convertToFormat(QImage::Format_RGB32)
                           : image;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(std::clamp(quality, 0, 100));
    if (!writer.write(rgb))
        return {};
    return bytes;
}

} // namespace hexhub
