#pragma once

#include "videowall.h"

#include <QElapsedTimer>
#include <QImage>
#include <QTimer>
#include <QWidget>
#include <memory>

namespace hexhub::detail {

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

    void setCurrent(bool current, bool focused);
    void setDropTarget(bool target);

Q_SIGNALS:
    void stateChanged(int tile, hexhub::VideoWall::TileState state);
    void retryScheduled(int tile, int delayMs);
    void pressed(int tile);
    void doubleClicked(int tile);
    void dragStarted(int tile);
    void menuRequested(int tile, const QPoint& globalPos);

protected:
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
    void paintOverlay(QPainter& painter);

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

    bool m_current = false;
    bool m_focused = false;
    bool m_dropTarget = false;
    QPoint m_pressPos;
};

} // namespace hexhub::detail
