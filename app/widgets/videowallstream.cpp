#include "videowallstream.h"

#include "syntheticfeed.h"
#include "widgetstr.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QMediaPlayer>
#include <QVideoFrameFormat>
#include <QVideoSink>
#include <algorithm>
#include <atomic>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hexhub::detail {

Q_LOGGING_CATEGORY(lcVideo, "hexhub.video", QtInfoMsg)

ThreadReaper::~ThreadReaper()
{
    waitAll(5000);
}

void ThreadReaper::adopt(QThread* thread)
{
    m_threads.removeAll(nullptr);
    m_threads.append(thread);
}

void ThreadReaper::waitAll(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (const QPointer<QThread>& thread : std::as_const(m_threads)) {
        if (thread && !thread->wait(deadline))
            qCWarning(lcVideo) << "a video stream did not close within" << timeoutMs << "ms";
    }
    m_threads.removeAll(nullptr);
}

namespace {

/*
 * YCbCr to RGB in fixed point, 6 bits after the point, for 8-bit samples with U' = U - 128 and
 * V' = V - 128: R = ky (Y - y0) + rv V', G = ky (Y - y0) - gu U' - gv V', B = ky (Y - y0) + bu U'.
 */
struct YuvMatrix
{
    int y0, ky, rv, gu, gv, bu;
};

// The frame's colour space and range; when the decoder does not say, BT.601 below 720 lines and
// BT.709 from there up, as video is made.
YuvMatrix matrixOf(const QVideoFrameFormat& format)
{
    const bool full = format.colorRange() == QVideoFrameFormat::ColorRange_Full;
    QVideoFrameFormat::ColorSpace space = format.colorSpace();
    if (space == QVideoFrameFormat::ColorSpace_Undefined)
        space = format.frameHeight() >= 720 ? QVideoFrameFormat::ColorSpace_BT709 : QVideoFrameFormat::ColorSpace_BT601;
    switch (space) {
    case QVideoFrameFormat::ColorSpace_BT709:
        return full ? YuvMatrix{0, 64, 101, 12, 30, 119} : YuvMatrix{16, 74, 115, 14, 34, 135};
    case QVideoFrameFormat::ColorSpace_BT2020:
        return full ? YuvMatrix{0, 64, 94, 11, 37, 120} : YuvMatrix{16, 74, 107, 12, 42, 137};
    case QVideoFrameFormat::ColorSpace_AdobeRgb: // what Qt calls JPEG's full-range BT.601
        return YuvMatrix{0, 64, 90, 22, 46, 113};
    default: // BT.601
        return full ? YuvMatrix{0, 64, 90, 22, 46, 113} : YuvMatrix{16, 74, 102, 25, 52, 129};
    }
}

// Two rows of 4:2:0 pixels sharing a row of chroma into two rows of RGB32. Chroma is planar (u and v
// each a row of width / 2 samples, `uvStep` 1) or interleaved (`uvStep` 2, u and v one apart).
void yuvRows(const uchar* y0, const uchar* y1, const uchar* u, const uchar* v, int uvStep, quint32* out0,
             quint32* out1, int width, const YuvMatrix& m)
{
    int x = 0;
#if defined(__SSE2__)
    // 16 pixels of each row at a time, in 16-bit lanes; the sums saturate where the colour clips anyway.
    const __m128i zero = _mm_setzero_si128();
    const __m128i yOffset = _mm_set1_epi16(short(m.y0));
    const __m128i uvOffset = _mm_set1_epi16(128);
    const __m128i half = _mm_set1_epi16(32);
    const __m128i ky = _mm_set1_epi16(short(m.ky));
    const __m128i rv = _mm_set1_epi16(short(m.rv));
    const __m128i gu = _mm_set1_epi16(short(m.gu));
    const __m128i gv = _mm_set1_epi16(short(m.gv));
    const __m128i bu = _mm_set1_epi16(short(m.bu));
    const __m128i opaque = _mm_set1_epi8(char(0xff));
    for (; x + 16 <= width; x += 16) {
        __m128i uu;
        __m128i vv;
        if (uvStep == 1) {
            uu = _mm_unpacklo_epi8(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(u + x / 2)), zero);
            vv = _mm_unpacklo_epi8(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(v + x / 2)), zero);
        } else {
            const __m128i pairs = _mm_loadu_si128(reinterpret_cast<const __m128i*>(std::min(u, v) + x));
            uu = _mm_and_si128(pairs, _mm_set1_epi16(0xff));
            vv = _mm_srli_epi16(pairs, 8);
            if (v < u)
                std::swap(uu, vv);
        }
        uu = _mm_sub_epi16(uu, uvOffset);
        vv = _mm_sub_epi16(vv, uvOffset);
        const __m128i r = _mm_add_epi16(_mm_mullo_epi16(vv, rv), half);
        const __m128i g =
            _mm_sub_epi16(half, _mm_add_epi16(_mm_mullo_epi16(uu, gu), _mm_mullo_epi16(vv, gv)));
        const __m128i b = _mm_add_epi16(_mm_mullo_epi16(uu, bu), half);
        // each chroma sample serves two pixels side by side
        const __m128i rLow = _mm_unpacklo_epi16(r, r), rHigh = _mm_unpackhi_epi16(r, r);
        const __m128i gLow = _mm_unpacklo_epi16(g, g), gHigh = _mm_unpackhi_epi16(g, g);
        const __m128i bLow = _mm_unpacklo_epi16(b, b), bHigh = _mm_unpackhi_epi16(b, b);
        for (int row = 0; row < 2; ++row) {
            const __m128i luma = _mm_loadu_si128(reinterpret_cast<const __m128i*>((row ? y1 : y0) + x));
            const __m128i yLow = _mm_mullo_epi16(_mm_sub_epi16(_mm_unpacklo_epi8(luma, zero), yOffset), ky);
            const __m128i yHigh =
                _mm_mullo_epi16(_mm_sub_epi16(_mm_unpackhi_epi8(luma, zero), yOffset), ky);
            const auto channel = [&](__m128i low, __m128i high) {
                return _mm_packus_epi16(_mm_srai_epi16(_mm_adds_epi16(yLow, low), 6),
                                        _mm_srai_epi16(_mm_adds_epi16(yHigh, high), 6));
            };
            const __m128i red = channel(rLow, rHigh);
            const __m128i green = channel(gLow, gHigh);
            const __m128i blue = channel(bLow, bHigh);
            // 0xffRRGGBB: B, G, R, A in memory
            const __m128i bgLow = _mm_unpacklo_epi8(blue, green), bgHigh = _mm_unpackhi_epi8(blue, green);
            const __m128i raLow = _mm_unpacklo_epi8(red, opaque), raHigh = _mm_unpackhi_epi8(red, opaque);
            auto* out = reinterpret_cast<__m128i*>((row ? out1 : out0) + x);
            _mm_storeu_si128(out, _mm_unpacklo_epi16(bgLow, raLow));
            _mm_storeu_si128(out + 1, _mm_unpackhi_epi16(bgLow, raLow));
            _mm_storeu_si128(out + 2, _mm_unpacklo_epi16(bgHigh, raHigh));
            _mm_storeu_si128(out + 3, _mm_unpackhi_epi16(bgHigh, raHigh));
        }
    }
#endif
    const auto clamped = [](int value) { return quint32(std::clamp(value >> 6, 0, 255)); };
    for (; x < width; ++x) {
        const int uu = u[x / 2 * uvStep] - 128;
        const int vv = v[x / 2 * uvStep] - 128;
        const int r = m.rv * vv + 32;
        const int g = 32 - m.gu * uu - m.gv * vv;
        const int b = m.bu * uu + 32;
        for (int row = 0; row < 2; ++row) {
            const int yy = m.ky * ((row ? y1 : y0)[x] - m.y0);
            (row ? out1 : out0)[x] =
                0xff000000u | clamped(yy + r) << 16 | clamped(yy + g) << 8 | clamped(yy + b);
        }
    }
}

// A mapped 4:2:0 frame (planar or with chroma interleaved: what decoders give) into `image`, RGB32 of
// the frame's size. Several times faster than QVideoFrame::toImage() without a GPU, which converts
// one pixel at a time (and always as BT.601).
bool convertYuv420(const QVideoFrame& frame, QImage& image)
{
    const uchar* u = nullptr;
    const uchar* v = nullptr;
    int uvStep = 1;
    switch (frame.pixelFormat()) {
    case QVideoFrameFormat::Format_YUV420P:
        u = frame.bits(1);
        v = frame.bits(2);
        break;
    case QVideoFrameFormat::Format_YV12:
        v = frame.bits(1);
        u = frame.bits(2);
        break;
    case QVideoFrameFormat::Format_NV12:
        u = frame.bits(1);
        v = u + 1;
        uvStep = 2;
        break;
    case QVideoFrameFormat::Format_NV21:
        v = frame.bits(1);
        u = v + 1;
        uvStep = 2;
        break;
    default:
        return false;
    }
    const uchar* y = frame.bits(0);
    const int width = frame.width();
    const int height = frame.height();
    if (!y || !u || !v || image.size() != frame.size())
        return false;
    // Converted in pairs of rows and columns. H.264 and H.265 give even sizes; an odd one (MJPEG can)
    // must not go to QVideoFrame::toImage(), which in Qt 6.4 writes past its picture for odd 4:2:0
    // frames: the even part is converted, and the last column and row repeat their neighbours.
    const int evenWidth = width & ~1;
    const int evenHeight = height & ~1;
    if (evenWidth == 0 || evenHeight == 0) {
        image.fill(Qt::black); // a line of a picture: nothing to see, nothing to risk
        return true;
    }
    const YuvMatrix matrix = matrixOf(frame.surfaceFormat());
    const int yStride = frame.bytesPerLine(0);
    const int uvStride = frame.bytesPerLine(1);
    for (int row = 0; row < evenHeight; row += 2) {
        const qsizetype uvOffset = qsizetype(row / 2) * uvStride;
        auto* top = reinterpret_cast<quint32*>(image.scanLine(row));
        auto* bottom = reinterpret_cast<quint32*>(image.scanLine(row + 1));
        yuvRows(y + qsizetype(row) * yStride, y + qsizetype(row + 1) * yStride, u + uvOffset, v + uvOffset,
                uvStep, top, bottom, evenWidth, matrix);
        if (evenWidth != width) {
            top[evenWidth] = top[evenWidth - 1];
            bottom[evenWidth] = bottom[evenWidth - 1];
        }
    }
    if (evenHeight != height)
        std::memcpy(image.scanLine(evenHeight), image.constScanLine(evenHeight - 1), size_t(width) * sizeof(quint32));
    return true;
}

/*
 * Pictures that frames are converted into, used again once nothing else holds them (neither the GUI
 * nor LatestFrame): a new picture for each frame costs an allocation of a megabyte and the first
 * touch of each of its pages.
 */
class PicturePool
{
public:
    QImage take(const QSize& size)
    {
        QMutexLocker lock(&m_mutex);
        for (qsizetype i = 0; i < m_pictures.size();) {
            if (!m_pictures[i].isDetached()) {
                ++i;
                continue;
            }
            QImage picture = m_pictures.takeAt(i);
            if (picture.size() == size) {
                // only the pool held it: whoever held it last has finished reading it
                std::atomic_thread_fence(std::memory_order_acquire);
                return picture;
            }
        }
        return QImage(size, QImage::Format_RGB32);
    }

    void keep(const QImage& picture)
    {
        QMutexLocker lock(&m_mutex);
        if (m_pictures.size() < kKept)
            m_pictures.append(picture);
    }

private:
    static constexpr qsizetype kKept = 4; // being made, waiting in LatestFrame, on screen, and one spare
    QMutex m_mutex;
    QList<QImage> m_pictures;
};

// pictureOf(), converting into a picture of `pool` when there is one.
QImage pictureOf(QVideoFrame frame, PicturePool* pool)
{
    if (frame.handleType() != QVideoFrame::NoHandle)
        return frame.toImage();
    const QImage::Format format = QVideoFrameFormat::imageFormatFromPixelFormat(frame.pixelFormat());
    if (format != QImage::Format_Invalid && frame.map(QVideoFrame::ReadOnly)) {
        auto* kept = new QVideoFrame(frame); // shares the mapping; unmapped with the last picture
        return QImage(
            kept->bits(0), kept->width(), kept->height(), kept->bytesPerLine(0), format,
            [](void* info) {
                auto* mapped = static_cast<QVideoFrame*>(info);
                mapped->unmap();
                delete mapped;
            },
            kept);
    }
    if (format == QImage::Format_Invalid && frame.map(QVideoFrame::ReadOnly)) {
        QImage picture = pool ? pool->take(frame.size()) : QImage(frame.size(), QImage::Format_RGB32);
        const bool converted = !picture.isNull() && convertYuv420(frame, picture);
        frame.unmap();
        if (converted) {
            if (pool)
                pool->keep(picture);
            return picture;
        }
    }
    return frame.toImage();
}

} // namespace

QImage pictureOf(QVideoFrame frame)
{
    return pictureOf(std::move(frame), nullptr);
}

namespace {

// The producing side of a stream: it lives on the thread that makes frames and tells the GUI side
// through frameReady() (queued) that LatestFrame holds a new one.
class FrameSource : public QObject
{
    Q_OBJECT
public:
    explicit FrameSource(std::shared_ptr<LatestFrame> latest)
        : m_latest(std::move(latest))
    {}

    //! Called on whatever thread the sink reports frames on.
    void post(const QVideoFrame& frame)
    {
        if (!frame.isValid())
            return;
        const QImage picture = pictureOf(frame, &m_pictures);
        if (!picture.isNull() && m_latest->put(picture))
            Q_EMIT frameReady();
    }

Q_SIGNALS:
    void frameReady();
    void failed(const QString& reason);

private:
    std::shared_ptr<LatestFrame> m_latest;
    PicturePool m_pictures;
};

// The GUI side common to both kinds: takes the newest frame when told, and hands the producer to
// its own thread to be deleted there.
class ThreadedStream : public VideoStream
{
public:
    ThreadedStream()
        : m_latest(std::make_shared<LatestFrame>())
    {}

    ~ThreadedStream() override
    {
        if (!m_source)
            return;
        m_source->disconnect(this);
        m_source->deleteLater(); // on its thread; a player may take a while to let go of the network
    }

    qint64 producedFrames() const override { return m_latest->produced(); }

protected:
    void adopt(FrameSource* source)
    {
        m_source = source;
        connect(
            source, &FrameSource::frameReady, this,
            [this] {
                const QImage frame = m_latest->take();
                if (!frame.isNull())
                    Q_EMIT frameArrived(frame);
            },
            Qt::QueuedConnection);
        connect(source, &FrameSource::failed, this, &VideoStream::failed, Qt::QueuedConnection);
    }

    std::shared_ptr<LatestFrame> m_latest;
    FrameSource* m_source = nullptr;
};

// A SyntheticFeed and its sink, on the wall's feed thread.
class SyntheticSource final : public FrameSource
{
public:
    SyntheticSource(std::shared_ptr<LatestFrame> latest, const SyntheticFeed::Spec& spec,
                    const QString& name, VideoWall::TimeSource now)
        : FrameSource(std::move(latest))
        , m_sink(new QVideoSink(this))
        , m_feed(new SyntheticFeed(spec, name, std::move(now), this))
    {
        m_feed->setVideoSink(m_sink);
        connect(m_sink, &QVideoSink::videoFrameChanged, this, &FrameSource::post);
    }

    void start() { m_feed->start(); }

private:
    QVideoSink* m_sink;
    SyntheticFeed* m_feed;
};

class SyntheticStream final : public ThreadedStream
{
public:
    SyntheticStream(const SyntheticFeed::Spec& spec, const QString& name, const StreamContext& context)
    {
        auto* source = new SyntheticSource(m_latest, spec, name, context.now);
        if (context.feedThread)
            source->moveToThread(context.feedThread);
        adopt(source);
    }

    void start() override
    {
        QMetaObject::invokeMethod(static_cast<SyntheticSource*>(m_source), &SyntheticSource::start);
    }
};

/*
 * A QMediaPlayer with no audio output into a QVideoSink, made, run and destroyed on its own thread:
 * Qt Multimedia's GStreamer player waits for pipeline state changes (up to a second each) in
 * setSource(), stop() and its destructor, and that must never be the GUI's second.
 */
class PlayerSource final : public FrameSource
{
public:
    PlayerSource(std::shared_ptr<LatestFrame> latest, const QUrl& url)
        : FrameSource(std::move(latest))
        , m_url(url)
    {}

    ~PlayerSource() override
    {
        if (m_sink)
            m_sink->disconnect(this);
        delete m_player; // before the sink it renders into
    }

    void open()
    {
        m_sink = new QVideoSink(this);
        m_player = new QMediaPlayer(this);
        // Frames come on GStreamer's streaming thread; post() only stores them and signals.
        connect(m_sink, &QVideoSink::videoFrameChanged, this, &FrameSource::post, Qt::DirectConnection);
        connect(m_player, &QMediaPlayer::errorOccurred, this,
                [this](QMediaPlayer::Error, const QString& text) {
                    fail(widgets::Tr::tr("The stream failed: %1").arg(text));
                });
        connect(m_player, &QMediaPlayer::mediaStatusChanged, this,
                [this](QMediaPlayer::MediaStatus status) {
                    if (status == QMediaPlayer::EndOfMedia)
                        fail(widgets::Tr::tr("The stream ended."));
                    else if (status == QMediaPlayer::InvalidMedia)
                        fail(widgets::Tr::tr("The stream cannot be played."));
                });
        m_player->setVideoSink(m_sink);
        // Recorded files loop, as a demo or test clip should; a live stream that ends has dropped.
        if (m_url.isLocalFile())
            m_player->setLoops(QMediaPlayer::Infinite);
        m_player->setSource(m_url);
        m_player->play();
    }

private:
    void fail(const QString& reason)
    {
        if (m_failed)
            return;
        m_failed = true;
        qCInfo(lcVideo) << m_url.toDisplayString(QUrl::RemoveUserInfo) << reason;
        Q_EMIT failed(reason);
    }

    QUrl m_url;
    QVideoSink* m_sink = nullptr;
    QMediaPlayer* m_player = nullptr;
    bool m_failed = false;
};

class PlayerStream final : public ThreadedStream
{
public:
    PlayerStream(const QUrl& url, const StreamContext& context)
        : m_thread(new QThread)
    {
        m_thread->setObjectName(QStringLiteral("video player"));
        auto* source = new PlayerSource(m_latest, url);
        source->moveToThread(m_thread);
        // The thread ends once the player is gone, and then deletes itself on the GUI thread.
        connect(source, &QObject::destroyed, m_thread, &QThread::quit, Qt::DirectConnection);
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
        if (context.reaper)
            context.reaper->adopt(m_thread);
        adopt(source);
        m_thread->start();
    }

    void start() override
    {
        QMetaObject::invokeMethod(static_cast<PlayerSource*>(m_source), &PlayerSource::open);
    }

private:
    QThread* m_thread;
};

} // namespace

std::unique_ptr<VideoStream> openStream(const TileSource& source, const StreamContext& context,
                                        QString* error)
{
    const QUrl& url = source.url;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("synthetic")) {
        const auto spec = SyntheticFeed::Spec::fromUrl(url, error);
        if (!spec)
            return nullptr;
        return std::make_unique<SyntheticStream>(*spec, source.name, context);
    }
    static const QStringList playable = {QStringLiteral("rtsp"), QStringLiteral("rtsps"),
                                         QStringLiteral("http"), QStringLiteral("https"),
                                         QStringLiteral("file")};
    if (!url.isValid() || !playable.contains(scheme)) {
        if (error)
            *error =
                widgets::Tr::tr(
                    "The wall cannot play \"%1\": use an rtsp, http, https, file or synthetic address.")
                    .arg(url.toDisplayString(QUrl::RemoveUserInfo));
        return nullptr;
    }
    return std::make_unique<PlayerStream>(url, context);
}

} // namespace hexhub::detail

#include "videowallstream.moc"
