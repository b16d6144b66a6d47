// The video wall's frame converter (detail::pictureOf): decoder frames in 4:2:0 (I420, YV12, NV12,
// NV21) against a floating-point reference in each colour space and range and at sizes on and off
// the vector path, Qt's own conversion where it applies, and a packed 4:2:2 frame it passes to Qt.
#include "videowallstream.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QPoint>
#include <QString>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>
#include <catch2/catch.hpp>

using namespace hexhub;

namespace {

// A 4:2:0 picture as decoders give it: a luma sample for each pixel, a U and a V for each 2x2 block.
struct Yuv420
{
    int width = 0;
    int height = 0;
    std::vector<uchar> y, u, v;

    int chromaWidth() const { return (width + 1) / 2; }
    int chromaHeight() const { return (height + 1) / 2; }
    uchar lumaAt(int x, int row) const { return y[size_t(row) * width + x]; }
    uchar uAt(int x, int row) const { return u[size_t(row / 2) * chromaWidth() + x / 2]; }
    uchar vAt(int x, int row) const { return v[size_t(row / 2) * chromaWidth() + x / 2]; }
};

// The luma weights of a colour space (ITU-R BT.601, BT.709, BT.2020).
struct LumaWeights
{
    double kr, kb;
};

LumaWeights weightsOf(QVideoFrameFormat::ColorSpace space)
{
    switch (space) {
    case QVideoFrameFormat::ColorSpace_BT709:
        return {0.2126, 0.0722};
    case QVideoFrameFormat::ColorSpace_BT2020:
        return {0.2627, 0.0593};
    default:
        return {0.299, 0.114};
    }
}

// The reference, in floating point: Y'CbCr (limited range: Y 16-235, C 16-240; full: 0-255) to R'G'B'.
QRgb referenceRgb(int y, int u, int v, LumaWeights w, bool full)
{
    const double luma = full ? y / 255.0 : (y - 16) / 219.0;
    const double pb = (u - 128) / (full ? 255.0 : 224.0);
    const double pr = (v - 128) / (full ? 255.0 : 224.0);
    const double r = luma + 2 * (1 - w.kr) * pr;
    const double b = luma + 2 * (1 - w.kb) * pb;
    const double g = (luma - w.kr * r - w.kb * b) / (1 - w.kr - w.kb);
    const auto level = [](double value) { return int(std::lround(std::clamp(value, 0.0, 1.0) * 255)); };
    return qRgb(level(r), level(g), level(b));
}

// The reverse, for patches of known colours.
std::array<uchar, 3> referenceYuv(QColor colour, LumaWeights w, bool full)
{
    const double r = colour.redF(), g = colour.greenF(), b = colour.blueF();
    const double luma = w.kr * r + (1 - w.kr - w.kb) * g + w.kb * b;
    const double pb = (b - luma) / (2 * (1 - w.kb));
    const double pr = (r - luma) / (2 * (1 - w.kr));
    const auto sample = [](double value) { return uchar(std::clamp(std::lround(value), 0L, 255L)); };
    if (full)
        return {sample(luma * 255), sample(128 + pb * 255), sample(128 + pr * 255)};
    return {sample(16 + luma * 219), sample(128 + pb * 224), sample(128 + pr * 224)};
}

/*
 * A test picture in the samples of the colour space and range: a third of flat patches of known
 * colours (their edges not on the chroma grid), a third of gradients (luma and U across, V down), and
 * a third of pseudo-random samples, all within the range's legal values.
 */
Yuv420 testPicture(QSize size, LumaWeights w, bool full)
{
    Yuv420 p;
    p.width = size.width();
    p.height = size.height();
    p.y.resize(size_t(p.width) * p.height);
    p.u.resize(size_t(p.chromaWidth()) * p.chromaHeight());
    p.v.resize(p.u.size());
    const int lumaLow = full ? 0 : 16, lumaHigh = full ? 255 : 235;
    const int chromaLow = full ? 0 : 16, chromaHigh = full ? 255 : 240;
    const QList<QColor> patches = {Qt::white,
                                   Qt::black,
                                   Qt::red,
                                   Qt::green,
                                   Qt::blue,
                                   Qt::yellow,
                                   Qt::cyan,
                                   Qt::magenta,
                                   QColor(128, 128, 128),
                                   QColor(255, 140, 0),
                                   QColor(30, 60, 200)};
    const auto patchAt = [&](int x) {
        return referenceYuv(
            patches[std::min<qsizetype>(qsizetype(x) * patches.size() / p.width, patches.size() - 1)], w,
            full);
    };
    const auto ramp = [](int low, int high, int at, int count) {
        return uchar(low + (high - low) * at / std::max(count - 1, 1));
    };
    quint32 random = 12345;
    const auto next = [&](int low, int high) {
        random = random * 1664525u + 1013904223u;
        return uchar(low + int((random >> 8) % quint32(high - low + 1)));
    };
    const int third = p.height / 3;
    for (int row = 0; row < p.height; ++row) {
        for (int x = 0; x < p.width; ++x) {
            uchar& luma = p.y[size_t(row) * p.width + x];
            if (row < third)
                luma = patchAt(x)[0];
            else if (row < 2 * third)
                luma = ramp(lumaLow, lumaHigh, x, p.width);
            else
                luma = next(lumaLow, lumaHigh);
        }
    }
    for (int cy = 0; cy < p.chromaHeight(); ++cy) {
        for (int cx = 0; cx < p.chromaWidth(); ++cx) {
            const size_t at = size_t(cy) * p.chromaWidth() + cx;
            const int row = cy * 2;
            if (row < third) {
                p.u[at] = patchAt(cx * 2)[1];
                p.v[at] = patchAt(cx * 2)[2];
            } else if (row < 2 * third) {
                p.u[at] = ramp(chromaLow, chromaHigh, cx, p.chromaWidth());
                p.v[at] = ramp(chromaHigh, chromaLow, cy, p.chromaHeight());
            } else {
                p.u[at] = next(chromaLow, chromaHigh);
                p.v[at] = next(chromaLow, chromaHigh);
            }
        }
    }
    return p;
}

// `p` in a video frame of `pixelFormat` (I420, YV12, NV12 or NV21), its padding filled with junk.
QVideoFrame videoFrameOf(const Yuv420& p, QVideoFrameFormat::PixelFormat pixelFormat,
                         QVideoFrameFormat::ColorSpace space,
                         std::optional<QVideoFrameFormat::ColorRange> range)
{
    QVideoFrameFormat format(QSize(p.width, p.height), pixelFormat);
    format.setColorSpace(space);
    if (range)
        format.setColorRange(*range);
    QVideoFrame frame(format);
    REQUIRE(frame.isValid());
    REQUIRE(frame.map(QVideoFrame::WriteOnly));
    for (int plane = 0; plane < frame.planeCount(); ++plane)
        std::memset(frame.bits(plane), 0xa5, size_t(frame.mappedBytes(plane)));
    for (int row = 0; row < p.height; ++row)
        std::memcpy(frame.bits(0) + qsizetype(row) * frame.bytesPerLine(0), &p.y[size_t(row) * p.width],
                    size_t(p.width));
    const bool planar =
        pixelFormat == QVideoFrameFormat::Format_YUV420P || pixelFormat == QVideoFrameFormat::Format_YV12;
    REQUIRE(frame.planeCount() == (planar ? 3 : 2));
    const bool uFirst =
        pixelFormat == QVideoFrameFormat::Format_YUV420P || pixelFormat == QVideoFrameFormat::Format_NV12;
    const std::vector<uchar>& first = uFirst ? p.u : p.v;
    const std::vector<uchar>& second = uFirst ? p.v : p.u;
    for (int cy = 0; cy < p.chromaHeight(); ++cy) {
        for (int cx = 0; cx < p.chromaWidth(); ++cx) {
            const size_t at = size_t(cy) * p.chromaWidth() + cx;
            if (planar) {
                frame.bits(1)[qsizetype(cy) * frame.bytesPerLine(1) + cx] = first[at];
                frame.bits(2)[qsizetype(cy) * frame.bytesPerLine(2) + cx] = second[at];
            } else {
                uchar* pair = frame.bits(1) + qsizetype(cy) * frame.bytesPerLine(1) + cx * 2;
                pair[0] = first[at];
                pair[1] = second[at];
            }
        }
    }
    frame.unmap();
    return frame;
}

// Whether the chroma of the pixel at (x, row) is that of the blocks around it too.
bool flatChroma(const Yuv420& p, int x, int row)
{
    for (int dy = -2; dy <= 2; dy += 2) {
        for (int dx = -2; dx <= 2; dx += 2) {
            const int nx = std::clamp(x + dx, 0, p.width - 1), ny = std::clamp(row + dy, 0, p.height - 1);
            if (p.uAt(nx, ny) != p.uAt(x, row) || p.vAt(nx, ny) != p.vAt(x, row))
                return false;
        }
    }
    return true;
}

// The largest difference of a channel between two pixels.
int channelDistance(QRgb a, QRgb b)
{
    return std::max(
        {std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
}

// Where `picture` is furthest from `expected(x, y)`, and by how much.
struct Worst
{
    int distance = 0;
    QPoint at;
    QRgb got = 0, wanted = 0;
};

template <typename Expected> Worst worstPixel(const QImage& picture, Expected expected)
{
    Worst worst;
    for (int row = 0; row < picture.height(); ++row) {
        const auto* line = reinterpret_cast<const QRgb*>(picture.constScanLine(row));
        for (int x = 0; x < picture.width(); ++x) {
            const QRgb wanted = expected(x, row);
            const int distance = channelDistance(line[x], wanted);
            if (distance > worst.distance)
                worst = {distance, QPoint(x, row), line[x], wanted};
        }
    }
    return worst;
}

QString describe(const Worst& worst)
{
    return QStringLiteral("worst %1 levels at (%2, %3): got #%4, wanted #%5")
        .arg(worst.distance)
        .arg(worst.at.x())
        .arg(worst.at.y())
        .arg(worst.got & 0xffffff, 6, 16, QLatin1Char('0'))
        .arg(worst.wanted & 0xffffff, 6, 16, QLatin1Char('0'));
}

} // namespace

TEST_CASE("Video wall: decoder frames (I420, YV12, NV12, NV21) convert to the right colours, in each "
          "colour space and range",
          "[widgets][videowall]")
{
    using Format = QVideoFrameFormat;
    const QList<std::pair<Format::PixelFormat, const char*>> pixelFormats = {
        {Format::Format_YUV420P, "I420"},
        {Format::Format_YV12, "YV12"},
        {Format::Format_NV12, "NV12"},
        {Format::Format_NV21, "NV21"},
    };
    struct Space
    {
        Format::ColorSpace space;
        std::optional<Format::ColorRange> range; //!< nothing: the decoder does not say
        QVideoFrameFormat::ColorSpace meant;     //!< the matrix that applies
        bool full;
        const char* name;
    };
    const QList<Space> spaces = {
        {Format::ColorSpace_BT601, Format::ColorRange_Video, Format::ColorSpace_BT601, false,
         "BT.601 limited"},
        {Format::ColorSpace_BT601, Format::ColorRange_Full, Format::ColorSpace_BT601, true, "BT.601 full"},
        {Format::ColorSpace_BT709, Format::ColorRange_Video, Format::ColorSpace_BT709, false,
         "BT.709 limited"},
        {Format::ColorSpace_BT709, Format::ColorRange_Full, Format::ColorSpace_BT709, true, "BT.709 full"},
        {Format::ColorSpace_BT2020, Format::ColorRange_Video, Format::ColorSpace_BT2020, false,
         "BT.2020 limited"},
        {Format::ColorSpace_BT2020, Format::ColorRange_Full, Format::ColorSpace_BT2020, true,
         "BT.2020 full"},
        // JPEG's full-range BT.601, which Qt calls Adobe RGB
        {Format::ColorSpace_AdobeRgb, Format::ColorRange_Full, Format::ColorSpace_BT601, true, "Adobe RGB"},
        // unsaid: BT.601 limited below 720 lines, BT.709 limited from there up
        {Format::ColorSpace_Undefined, std::nullopt, Format::ColorSpace_BT601, false, "undefined"},
    };
    // 14 wide: no 16 pixels for the vector path; 66: 64 in vectors and a tail of 2; 640x360 a video
    // size; 1280x720 the first size an unsaid colour space is BT.709 at.
    const QList<QSize> sizes = {QSize(14, 6), QSize(66, 38), QSize(640, 360), QSize(1280, 720)};

    for (const QSize& size : sizes) {
        for (const Space& space : spaces) {
            if (size.height() >= 720 && space.space != Format::ColorSpace_Undefined &&
                space.space != Format::ColorSpace_BT709)
                continue; // the large size for what it changes only
            const Format::ColorSpace meant =
                space.space == Format::ColorSpace_Undefined && size.height() >= 720
                    ? Format::ColorSpace_BT709
                    : space.meant;
            const LumaWeights weights = weightsOf(meant);
            const Yuv420 source = testPicture(size, weights, space.full);
            QList<QRgb> expected(qsizetype(size.width()) * size.height());
            for (int row = 0; row < size.height(); ++row) {
                for (int x = 0; x < size.width(); ++x)
                    expected[qsizetype(row) * size.width() + x] = referenceRgb(
                        source.lumaAt(x, row), source.uAt(x, row), source.vAt(x, row), weights, space.full);
            }
            for (const auto& [pixelFormat, formatName] : pixelFormats) {
                INFO(formatName << ", " << space.name << ", " << size.width() << "x" << size.height());
                const QVideoFrame frame = videoFrameOf(source, pixelFormat, space.space, space.range);
                const QImage picture = detail::pictureOf(frame);
                REQUIRE(picture.size() == size);
                REQUIRE(picture.format() == QImage::Format_RGB32);
                const Worst worst = worstPixel(
                    picture, [&](int x, int row) { return expected[qsizetype(row) * size.width() + x]; });
                INFO(describe(worst).toStdString());
                CHECK(worst.distance <= 3);
                CHECK(qAlpha(picture.pixel(size.width() - 1, size.height() - 1)) == 255);

                // Qt's own conversion agrees where it applies (BT.601 limited): on the CPU it takes the
                // nearest chroma sample as the converter does, on a GPU it blends neighbours, so only
                // where the chroma around is flat (inside the patches).
                if (meant == Format::ColorSpace_BT601 && !space.full && size.width() <= 640) {
                    const QImage qt = frame.toImage().convertToFormat(QImage::Format_RGB32);
                    REQUIRE(qt.size() == size);
                    int compared = 0;
                    const Worst apart = worstPixel(qt, [&](int x, int row) {
                        if (!flatChroma(source, x, row))
                            return qt.pixel(x, row);
                        ++compared;
                        return picture.pixel(x, row);
                    });
                    INFO("against QVideoFrame::toImage(), "
                         << compared << " pixels: " << describe(apart).toStdString());
                    CHECK((compared > 0 || size.width() < 66));
                    CHECK(apart.distance <= 3);
                }
            }
        }
    }

    // A frame the converter does not take still converts (through QVideoFrame::toImage()): packed
    // 4:2:2, U Y V Y for each two pixels.
    {
        const LumaWeights bt601 = weightsOf(Format::ColorSpace_BT601);
        const QSize size(66, 38);
        const Yuv420 packed = testPicture(size, bt601, false);
        QVideoFrame uyvy(QVideoFrameFormat(size, Format::Format_UYVY));
        REQUIRE(uyvy.map(QVideoFrame::WriteOnly));
        for (int row = 0; row < size.height(); ++row) {
            uchar* line = uyvy.bits(0) + qsizetype(row) * uyvy.bytesPerLine(0);
            for (int x = 0; x < size.width(); x += 2) {
                line[x * 2] = packed.uAt(x, row);
                line[x * 2 + 1] = packed.lumaAt(x, row);
                line[x * 2 + 2] = packed.vAt(x, row);
                line[x * 2 + 3] = packed.lumaAt(x + 1, row);
            }
        }
        uyvy.unmap();
        const QImage uyvyPicture = detail::pictureOf(uyvy);
        REQUIRE(uyvyPicture.size() == size);
        const Worst uyvyWorst =
            worstPixel(uyvyPicture.convertToFormat(QImage::Format_RGB32), [&](int x, int row) {
                return referenceRgb(packed.lumaAt(x, row), packed.uAt(x, row), packed.vAt(x, row), bt601,
                                    false);
            });
        INFO("UYVY: " << describe(uyvyWorst).toStdString());
        CHECK(uyvyWorst.distance <= 3);
    }
}
