#pragma once

#include "videowall.h"

#include <QElapsedTimer>
#include <QImage>
#include <QTimer>
#include <QWidget>
#include <memory>

namespace hexhub::detail {

class ClipRecorder;
class VideoStream;
struct StreamContext;

/*!
 * One tile of a VideoWall: its camera, the stream playing it, the newest frame and the overlay.
 * It keeps the stream's state: connecting until the first frame, live while frames come, offline
 * after a failure or silence, with the next try scheduled further off after each failure in a row.
 * Frames come as pictures ready to draw (converted, if at all, on the stream's thread); the tile
 * keeps the newest and repaints, which draws nothing while the tile is hidden.
 */
class VideoWallTile final : public QWidget
{
    Q_OBJECT
public:
    VideoWallTile(int index, const StreamContext& context, const VideoWall::RetryPolicy& policy,
                  QWidget* parent);
    ~VideoWallTile() override;

    int index() const { return m_index; }
    void setIndex(int index) { m_index = index; }

    void setSource(const TileSource& source);
    const TileSource& source() const { return m_source; }
    //! Whether the tile is on the wall; a tile that is not plays nothing but keeps its camera.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    void setPolicy(const VideoWall::RetryPolicy& policy) { m_policy = policy; }

    VideoWall::TileState state() const { return m_state; }
    QString offlineReason() const
    {
        return m_state == VideoWall::TileState::Offline ? m_reason : QString();
    }
    QDateTime lastFrameTime() const { return m_lastFrameAt; }
    QImage grabFrame() const;
    void retryNow();
    VideoWall::FrameCounts frameCounts() const;

    void setCurrent(bool current, bool focused);
    void setDropTarget(bool target);

    //! Records the tile's pictures into a clip (see VideoWall::startRecording()); false when the
    //! tile is not live. Already recording: true, and the recording goes on as it was.
    bool startRecording(qint64 maxMs, qint64 maxBytes);
    //! Ends the recording; clipRecorded() follows when it has a frame.
    void stopRecording();
    bool isRecording() const { return m_recorder != nullptr; }

Q_SIGNALS:
    void stateChanged(int tile, hexhub::VideoWall::TileState state);
    void retryScheduled(int tile, int delayMs);
    void pressed(int tile);
    void doubleClicked(int tile);
    void dragStarted(int tile);
    void menuRequested(int tile, const QPoint& globalPos);
    void recordingChanged(int tile, bool recording);
    void clipRecorded(int tile, const QByteArray& avi, const QString& cameraId, qint64 startedAtMs,
                      qint64 durationMs);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void connectStream();
    void closeStream();
    void onFrame(const QImage& frame);
    void onFailure(const QString& reason);
    void onWatchdog();
    void setState(VideoWall::TileState state);
    void paintFrame(QPainter& painter, const QRect& area);
    //! The tile's background in `area`, round `frame` (where the frame is drawn).
    void fillAround(QPainter& painter, const QRect& area, const QRectF& frame) const;
    void paintOverlay(QPainter& painter);
    //! The bottom bar (name, REC, state, time) filling `bar`.
    void paintBar(QPainter& painter, const QRect& bar, const QFont& font, const QFont& bold, int pad);
    //! The REC badge at the right of `space`; returns where the space left of it ends.
    int paintRecording(QPainter& painter, const QRect& space, const QFont& font, int pad);

    int m_index;
    const StreamContext& m_context;
    VideoWall::RetryPolicy m_policy;
    TileSource m_source;
    std::unique_ptr<VideoStream> m_stream;
    bool m_active = false;
    VideoWall::TileState m_state = VideoWall::TileState::Empty;
    QString m_reason;
    bool m_retryable = true;
    int m_failures = 0; //!< in a row, since the stream last played for a while
    QTimer m_retryTimer;
    QTimer m_watchdog;
    QElapsedTimer m_sinceFrame;   //!< since the last frame, or since connecting
    QElapsedTimer m_liveSince;    //!< since the stream's first frame
    QElapsedTimer m_sinceFailure; //!< for the countdown to the next try
    int m_retryDelayMs = 0;

    QImage m_frame; //!< the newest frame, shared with its producer, not copied
    QDateTime m_lastFrameAt;
    qint64 m_timeShownSecond = 0; //!< the second of m_lastFrameAt that m_timeShown shows
    QString m_timeShown;
    QImage m_bar;     //!< the bottom bar as last drawn ...
    QString m_barKey; //!< ... for this state, time, recording second, name, width, type size and scale
    qint64 m_producedBefore = 0; //!< frames made by the streams of this camera closed before
    qint64 m_received = 0;
    qint64 m_painted = 0;
    bool m_framePainted = false; //!< m_frame has been drawn since it came

    ClipRecorder* m_recorder = nullptr; //!< the running recording (a child; it finishes on its own)
    qint64 m_recordingShownSecond = -1; //!< the second the REC badge shows

    bool m_current = false;
    bool m_focused = false;
    bool m_dropTarget = false;
    QPoint m_pressPos;
};

} // namespace hexhub::detail
