#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>

namespace hexhub::detail {

class ClipEncoder;
class ThreadReaper;

/*!
 * One recording of a video wall tile, the GUI side of it. At a fixed rate it samples the tile's newest
 * frame and hands it, shared and not copied, to a worker thread of its own, which scales it (to at
 * most maxWidth pixels wide), encodes it as JPEG and adds it to a Motion-JPEG AVI (MjpegAviWriter).
 * The GUI thread neither encodes nor assembles anything: it only passes pictures it already holds.
 *
 * The clip keeps real time: each sample adds as many frames as the time since the start asks for,
 * so a late timer or a source slower than the clip's rate repeats a picture instead of shortening
 * the clip. While the worker is behind, pictures are not queued up (they may hold a decoder's
 * buffers): the last one is repeated until it catches up.
 *
 * limitReached() says the clip is as long or as large as it may be; finish() ends the sampling and
 * finished() brings the clip. Destroying the recorder drops the clip: its worker ends on its thread,
 * which the reaper waits for when the wall goes.
 */
class ClipRecorder final : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int fps = 10;
        int maxWidth = 640;
        qint64 maxMs = 30000;
        qint64 maxBytes = qint64(40) * 1024 * 1024;
    };

    ClipRecorder(std::function<QImage()> newestFrame, const Limits& limits, ThreadReaper* reaper,
                 QObject* parent = nullptr);
    ~ClipRecorder() override;

    //! Takes the first frame now and samples from then on.
    void start();
    //! Takes the frames due until now and stops sampling; finished() follows. Called again, nothing.
    void finish();
    bool isSampling() const { return m_timer.isActive(); }
    //! Since start(), in real time.
    qint64 elapsedMs() const { return m_elapsed.isValid() ? m_elapsed.elapsed() : 0; }
    //! The frames handed to the worker so far (repeats included).
    int framesSent() const { return m_sent; }

Q_SIGNALS:
    //! The clip is as long as Limits::maxMs, or one more frame would pass Limits::maxBytes.
    void limitReached();
    //! Each sample, for a running display of the time.
    void sampled(qint64 elapsedMs);
    //! The clip, after finish(): the AVI, its frames and length. No frames: an empty `avi`.
    void finished(const QByteArray& avi, int frames, qint64 durationMs);

private:
    void sample();
    //! Hands the worker the frames due by now (the newest picture, or the last one again).
    void takeDue();

    std::function<QImage()> m_newestFrame;
    Limits m_limits;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    ClipEncoder* m_encoder = nullptr;            //!< on its own thread
    std::shared_ptr<std::atomic_int> m_backlog;  //!< pictures handed over, not yet encoded
    std::shared_ptr<std::atomic_bool> m_dropped; //!< set when the recorder goes without its clip
    qint64 m_lastKey = 0;                        //!< QImage::cacheKey() of the last picture handed over
    int m_sent = 0;
    int m_maxFrames = 0;
    bool m_finishing = false;
    bool m_limitSaid = false;
};

} // namespace hexhub::detail
