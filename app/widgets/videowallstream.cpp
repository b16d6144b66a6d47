#include "videowallstream.h"

#include "syntheticfeed.h"
#include "widgetstr.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QMediaPlayer>
#include <QVideoFrameFormat>
#include <QVideoSink>

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

QImage pictureOf(QVideoFrame frame)
{
    const QImage::Format format = QVideoFrameFormat::imageFormatFromPixelFormat(frame.pixelFormat());
    if (format != QImage::Format_Invalid && frame.handleType() == QVideoFrame::NoHandle &&
        frame.map(QVideoFrame::ReadOnly)) {
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
    return frame.toImage();
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
        const QImage picture = pictureOf(frame);
        if (!picture.isNull() && m_latest->put(picture))
            Q_EMIT frameReady();
    }

Q_SIGNALS:
    void frameReady();
    void failed(const QString& reason);

private:
    std::shared_ptr<LatestFrame> m_latest;
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
