#pragma once

#include "videowall.h"
#include "videowallexport.h"

#include <QImage>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QVideoFrame>
#include <atomic>
#include <memory>

namespace hexhub::detail {

/*!
 * The newest picture of a stream, handed from the thread that makes frames to the GUI thread. Only
 * the newest is kept: when the GUI is busy, older ones are dropped instead of queuing up (a queue of
 * frames behind a busy GUI grows without bound and shows the past).
 */
class LatestFrame
{
public:
    //! Stores `image`; true when the GUI must be told (it has not been since it last took one).
    bool put(const QImage& image)
    {
        {
            QMutexLocker lock(&m_mutex);
            m_image = image;
        }
        m_produced.fetch_add(1, std::memory_order_relaxed);
        return !m_pending.exchange(true);
    }
    QImage take()
    {
        m_pending = false;
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_image, QImage());
    }
    //! Frames put since the start, whether or not the GUI took them.
    qint64 produced() const { return m_produced.load(std::memory_order_relaxed); }

private:
    QMutex m_mutex;
    QImage m_image;
    std::atomic_bool m_pending{false};
    std::atomic<qint64> m_produced{0};
};

/*!
 * `frame` as a picture, made on the thread the frame comes on so the GUI thread only draws: RGB
 * frames in memory are wrapped without a copy (the picture keeps the frame mapped until its last
 * copy goes), others (YUV from decoders) converted. Exported for the tests.
 */
HEXHUB_VIDEO_EXPORT QImage pictureOf(QVideoFrame frame);

/*!
 * Threads of streams being closed: closing a player can wait on the network for a while, so it
 * happens on the stream's own thread, and the wall waits for what is left only when it goes.
 */
class ThreadReaper
{
public:
    ~ThreadReaper();
    void adopt(QThread* thread);
    //! Waits for the adopted threads still running, up to `timeoutMs` in all.
    void waitAll(int timeoutMs);

private:
    QList<QPointer<QThread>> m_threads;
};

//! What the wall lends every stream.
struct StreamContext
{
    VideoWall::TimeSource now;
    QThread* feedThread = nullptr; //!< where synthetic feeds draw; nullptr: the GUI thread
    ThreadReaper* reaper = nullptr;
};

/*!
 * One camera's pictures, on the GUI side: frameArrived() for each frame to show (the newest only
 * when frames come faster than the GUI takes them), failed() once when the stream cannot go on.
 * Destroying it never waits: the work behind it ends on its own thread.
 */
class VideoStream : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void start() = 0;
    //! Frames the stream made (decoded or drawn) so far, including those the GUI never took.
    virtual qint64 producedFrames() const = 0;

Q_SIGNALS:
    void frameArrived(const QImage& frame);
    void failed(const QString& reason);
};

/*!
 * The stream for `source`: `synthetic:` addresses draw a SyntheticFeed, rtsp, http(s) and file
 * play through QMediaPlayer on a thread of their own. Nothing, with the reason in `error`, for an
 * address no stream can play.
 */
std::unique_ptr<VideoStream> openStream(const TileSource& source, const StreamContext& context,
                                        QString* error);

} // namespace hexhub::detail
