#include "cliprecorder.h"

#include "mjpegavi.h"
#include "videowallstream.h"

#include <QLoggingCategory>
#include <QThread>
#include <algorithm>
#include <optional>

namespace hexhub::detail {

Q_LOGGING_CATEGORY(lcClip, "hexhub.video.clip", QtInfoMsg)

namespace {

// Pictures handed to the worker and not yet encoded, at most: beyond, the last one is repeated.
constexpr int kMaxBacklog = 3;

} // namespace

/*
 * The worker side of a recording, on its own thread: scales, encodes and adds each picture, and
 * makes the file at the end. Its slots run in the order the recorder called them.
 */
class ClipEncoder final : public QObject
{
    Q_OBJECT
public:
    ClipEncoder(const ClipRecorder::Limits& limits, std::shared_ptr<std::atomic_int> backlog,
                std::shared_ptr<std::atomic_bool> dropped)
        : m_limits(limits)
        , m_backlog(std::move(backlog))
        , m_dropped(std::move(dropped))
    {}

    //! `picture` for `count` frames.
    void add(const QImage& picture, int count)
    {
        m_backlog->fetch_sub(1);
        if (m_dropped->load() || m_full)
            return;
        // The first picture sets the clip's size; a stream that changes its resolution on the way is
        // scaled to it, as an AVI stream's frames are all one size.
        if (!m_writer)
            m_writer.emplace(clipSize(picture.size()), m_limits.fps);
        const QImage sized =
            picture.size() == m_writer->frameSize()
                ? picture
                : picture.scaled(m_writer->frameSize(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const QByteArray jpeg = MjpegAviWriter::encodeJpeg(sized);
        if (jpeg.isEmpty()) {
            // Nothing to show for this moment: the last picture stands in, as for a late source.
            qCWarning(lcClip) << "a frame could not be encoded; the last one is repeated";
            repeat(count);
            return;
        }
        for (int i = 0; i < count && !m_full; ++i)
            addOne(jpeg);
    }

    void repeat(int count)
    {
        if (m_dropped->load() || m_full || !m_writer || m_writer->frameCount() == 0)
            return;
        for (int i = 0; i < count && !m_full; ++i) {
            if (fits(m_last.size()))
                m_writer->repeatLastFrame(1);
        }
    }

    void finish()
    {
        if (m_dropped->load())
            return;
        const int frames = m_writer ? m_writer->frameCount() : 0;
        Q_EMIT finished(frames > 0 ? m_writer->file() : QByteArray(), frames,
                        m_writer ? m_writer->durationMs() : 0);
        m_writer.reset();
    }

Q_SIGNALS:
    void full();
    void finished(const QByteArray& avi, int frames, qint64 durationMs);

private:
    // The clip's frame size: the first picture's, no wider than the limit, each side even (some
    // players decode odd sizes with a stray line).
    QSize clipSize(const QSize& picture) const
    {
        QSize size = picture;
        if (size.width() > m_limits.maxWidth)
            size = QSize(m_limits.maxWidth,
                         int(std::lround(double(picture.height()) * m_limits.maxWidth / picture.width())));
        return QSize(std::max(2, size.width() & ~1), std::max(2, size.height() & ~1));
    }

    bool fits(qint64 jpegBytes)
    {
        if (m_writer->fileSizeWith(jpegBytes) <= m_limits.maxBytes)
            return true;
        if (!m_full) {
            m_full = true;
            Q_EMIT full();
        }
        return false;
    }

    void addOne(const QByteArray& jpeg)
    {
        if (!fits(jpeg.size()))
            return;
        QString error;
        if (!m_writer->addJpeg(jpeg, &error)) {
            qCWarning(lcClip) << "a frame was left out of the clip:" << error;
            return;
        }
        m_last = jpeg;
    }

    ClipRecorder::Limits m_limits;
    std::shared_ptr<std::atomic_int> m_backlog;
    std::shared_ptr<std::atomic_bool> m_dropped;
    std::optional<MjpegAviWriter> m_writer;
    QByteArray m_last;
    bool m_full = false;
};

ClipRecorder::ClipRecorder(std::function<QImage()> newestFrame, const Limits& limits, ThreadReaper* reaper,
                           QObject* parent)
    : QObject(parent)
    , m_newestFrame(std::move(newestFrame))
    , m_limits(limits)
    , m_backlog(std::make_shared<std::atomic_int>(0))
    , m_dropped(std::make_shared<std::atomic_bool>(false))
{
    m_limits.fps = std::clamp(m_limits.fps, 1, MjpegAviWriter::kMaxFps);
    m_limits.maxWidth = std::max(16, m_limits.maxWidth);
    m_maxFrames = int(std::clamp<qint64>(m_limits.maxMs * m_limits.fps / 1000, 1, 1 << 24));

    auto* thread = new QThread;
    thread->setObjectName(QStringLiteral("video clip"));
    m_encoder = new ClipEncoder(m_limits, m_backlog, m_dropped);
    m_encoder->moveToThread(thread);
    // The thread ends once the encoder is gone, and then deletes itself on the GUI thread.
    connect(m_encoder, &QObject::destroyed, thread, &QThread::quit, Qt::DirectConnection);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    if (reaper)
        reaper->adopt(thread);
    connect(m_encoder, &ClipEncoder::full, this, [this] {
        if (!std::exchange(m_limitSaid, true))
            Q_EMIT limitReached();
    });
    connect(m_encoder, &ClipEncoder::finished, this,
            [this](const QByteArray& avi, int frames, qint64 durationMs) {
                if (!m_encoder)
                    return;
                m_encoder->disconnect(this);
                m_encoder->deleteLater();
                m_encoder = nullptr;
                Q_EMIT finished(avi, frames, durationMs);
            });
    thread->start();

    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(std::max(1, 1000 / m_limits.fps / 2)); // twice a frame: a late tick is less late
    connect(&m_timer, &QTimer::timeout, this, &ClipRecorder::sample);
}

ClipRecorder::~ClipRecorder()
{
    if (!m_encoder)
        return;
    // The clip is dropped: the worker skips what is still queued for it and goes with its thread.
    m_dropped->store(true);
    m_encoder->disconnect(this);
    m_encoder->deleteLater();
}

void ClipRecorder::start()
{
    if (m_elapsed.isValid())
        return;
    m_elapsed.start();
    sample();
    if (!m_finishing)
        m_timer.start();
}

void ClipRecorder::finish()
{
    if (m_finishing)
        return;
    if (m_elapsed.isValid())
        takeDue(); // the frames up to now
    m_finishing = true;
    m_timer.stop();
    if (m_encoder)
        QMetaObject::invokeMethod(m_encoder, &ClipEncoder::finish, Qt::QueuedConnection);
}

void ClipRecorder::sample()
{
    if (m_finishing)
        return;
    takeDue();
    Q_EMIT sampled(elapsedMs());
    if (m_sent >= m_maxFrames && !std::exchange(m_limitSaid, true))
        Q_EMIT limitReached();
}

void ClipRecorder::takeDue()
{
    if (!m_encoder)
        return;
    // Frame n shows the time from n to n + 1 periods after the start: by now this many are due.
    const int due = int(std::min<qint64>(m_elapsed.elapsed() * m_limits.fps / 1000 + 1, m_maxFrames));
    const int count = due - m_sent;
    if (count <= 0)
        return;
    const QImage picture = m_newestFrame ? m_newestFrame() : QImage();
    if (!picture.isNull() && picture.cacheKey() != m_lastKey && m_backlog->load() < kMaxBacklog) {
        m_backlog->fetch_add(1);
        m_lastKey = picture.cacheKey();
        QMetaObject::invokeMethod(
            m_encoder, [encoder = m_encoder, picture, count] { encoder->add(picture, count); },
            Qt::QueuedConnection);
        m_sent += count;
    } else if (m_sent > 0) {
        // Nothing new, or the worker is behind: the last picture again.
        QMetaObject::invokeMethod(
            m_encoder, [encoder = m_encoder, count] { encoder->repeat(count); }, Qt::QueuedConnection);
        m_sent += count;
    }
}

} // namespace hexhub::detail

#include "cliprecorder.moc"
