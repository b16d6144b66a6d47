#pragma once

#include "videowallexport.h"

#include <QDateTime>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QMimeData;
class QThread;

namespace hexhub {

namespace detail {
class ThreadReaper;
class VideoWallTile;
struct StreamContext;
} // namespace detail

//! The camera a tile shows: its id in the registry, its name and its stream's address.
struct HEXHUB_VIDEO_EXPORT TileSource
{
    QString cameraId;
    QString name;
    QUrl url;

    bool isNull() const { return cameraId.isEmpty() && url.isEmpty(); }
    //! {id, name, url}, as the camera drag data and the saved wall carry it.
    QJsonObject toJson() const;
    //! Nothing when `json` has no url.
    static std::optional<TileSource> fromJson(const QJsonObject& json);

    friend bool operator==(const TileSource&, const TileSource&) = default;
};

/*!
 * The video wall (issue 6, section 2): tiles in a grid of 1, 4, 9 or 16, or one large and five small,
 * each showing a camera with its name, live or offline, and the time of its last frame.
 *
 * Streams play through Qt Multimedia (rtsp, http, https, file) on a thread of their own, without
 * audio, or come from a SyntheticFeed (`synthetic:` addresses) on the wall's feed thread; the GUI
 * thread only paints the newest frame of each, and only when the tile is visible. A stream that
 * fails, or shows no frame for a while, goes offline and is tried again after 1, 2, 4 ... seconds, up
 * to a minute (retryPolicy()). Nothing the wall does waits on the network.
 *
 * Cameras come by drag and drop (cameraMimeType(), JSON {id, name, url}); a tile dragged onto another
 * swaps the two. Keyboard: arrows move between tiles, Enter or F shows the tile full screen (F and
 * Escape come back), Delete clears it, Ctrl+S asks for a snapshot, Ctrl+R starts or stops recording
 * a clip; a tile's context menu holds the same and tear-off. Full screen fills the wall with the tile
 * and tells the host, which may also put the window itself full screen; tear-off only asks the host
 * (fullScreenRequested(), tearOffRequested()). saveState() / restoreState() keep the layout and the
 * cameras for workspaces. Times (last frame, snapshots, clips, the synthetic pictures) come from the
 * time source given, the clock.
 *
 * Clips (startRecording()): the tile's newest picture sampled kClipFps times a second, at most
 * kClipMaxWidth pixels wide, as a Motion-JPEG AVI (MjpegAviWriter), encoded and put together on a
 * worker thread. A recording tile shows a red "REC mm:ss" badge.
 */
class HEXHUB_VIDEO_EXPORT VideoWall final : public QWidget
{
    Q_OBJECT
public:
    enum class Layout { Single, Grid2x2, Grid3x3, Grid4x4, OneLargeFiveSmall };
    Q_ENUM(Layout)
    enum class TileState { Empty, Connecting, Live, Offline };
    Q_ENUM(TileState)

    //! When a stream counts as failed, and how long the wall waits before trying it again.
    struct RetryPolicy
    {
        int firstDelayMs = 1000;      //!< doubled after each failure in a row ...
        int maxDelayMs = 60000;       //!< ... up to this
        int connectTimeoutMs = 15000; //!< no first frame within this: failed
        int staleAfterMs = 5000;      //!< no new frame within this while live: failed
    };

    using TimeSource = std::function<QDateTime()>;

    //! A tile's frames since its camera was set: made by the stream (decoded, or drawn by a synthetic
    //! feed), taken by the GUI (the newest only, when frames come faster) and painted on screen.
    struct FrameCounts
    {
        qint64 produced = 0;
        qint64 received = 0;
        qint64 painted = 0;
    };

    static constexpr int kMaxTiles = 16;
    static constexpr int kClipFps = 10;
    static constexpr int kClipMaxWidth = 640;
    static constexpr int kDefaultClipMs = 30000;
    static constexpr qint64 kDefaultMaxClipBytes = qint64(40) * 1024 * 1024;

    //! The drag data of one camera: "application/x-hexhub-camera", JSON {id, name, url}.
    static QString cameraMimeType();
    static QMimeData* mimeDataFor(const TileSource& source);
    static std::optional<TileSource> sourceFromMimeData(const QMimeData* data);

    static int tileCountOf(Layout layout);
    //! "1", "2x2", "3x3", "4x4", "1+5", as saveState() writes them.
    static QString layoutName(Layout layout);
    static std::optional<Layout> layoutFromName(const QString& name);
    //! The layout as the user reads it, translated.
    static QString layoutTitle(Layout layout);

    //! `now` gives the time of frames and synthetic pictures; it is also called off the GUI thread.
    explicit VideoWall(TimeSource now, QWidget* parent = nullptr);
    ~VideoWall() override;

    void setLayoutKind(Layout layout);
    Layout layoutKind() const { return m_layout; }
    int tileCount() const { return tileCountOf(m_layout); }
    //! Where tile `tile` is in the wall's coordinates in the current layout (empty when it is not).
    QRect tileGeometry(int tile) const;
    //! The tile at `pos` (wall coordinates), or -1.
    int tileAt(const QPoint& pos) const;
    //! The widget showing tile `tile`, for the host's own event filters and tests.
    QWidget* tileWidget(int tile) const;

    //! Shows `source` on `tile`; false when the tile is not in the layout.
    bool setCamera(int tile, const TileSource& source);
    void clearTile(int tile);
    TileSource cameraAt(int tile) const;
    TileState tileState(int tile) const;
    //! Why the tile is offline, in words for the operator (empty when it is not).
    QString offlineReason(int tile) const;
    //! When the tile's last frame came, by the time source; invalid before the first.
    QDateTime lastFrameTime(int tile) const;
    //! The tile's last frame, full size; null when it has none.
    QImage grabFrame(int tile) const;
    //! What the tile's streams made, and the GUI took and painted, since its camera was set.
    FrameCounts frameCounts(int tile) const;
    //! Tries an offline tile's stream now instead of waiting for the next retry.
    void retryNow(int tile);

    int currentTile() const { return m_current; }
    void setCurrentTile(int tile);
    //! The tile filling the wall, or -1 when the layout shows.
    int fullScreenTile() const { return m_fullScreen; }
    void setFullScreenTile(int tile);

    //! Emits snapshotRequested() with the tile's last frame; false when it has none.
    bool requestSnapshot(int tile);

    /*!
     * Records a clip of the tile: it ends after `maxMs`, on stopRecording(), when the tile's camera
     * changes or is cleared, when its stream fails or the tile leaves the layout, or when one more
     * frame would take the clip past maxClipBytes(); then clipRecorded() brings it (when it has a
     * frame; a wall destroyed while recording drops the clip). False when the tile has no live
     * picture; true and nothing changed when it already records.
     */
    bool startRecording(int tile, int maxMs = kDefaultClipMs);
    void stopRecording(int tile);
    bool isRecording(int tile) const;
    //! Largest clip in bytes, for recordings started from now on.
    void setMaxClipBytes(qint64 bytes) { m_maxClipBytes = bytes; }
    qint64 maxClipBytes() const { return m_maxClipBytes; }

    //! {layout, current, tiles: [{tile, id, name, url}]}: the visible tiles' cameras.
    QJsonObject saveState() const;
    //! Restores what saveState() wrote; false (and nothing changed) when it is not a wall's state.
    bool restoreState(const QJsonObject& state);

    void setRetryPolicy(const RetryPolicy& policy);
    RetryPolicy retryPolicy() const { return m_policy; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    //! The user picked the tile (click, arrow keys).
    void tileActivated(int tile);
    //! The user asked for the tile full screen (Enter, F, double click, menu).
    void fullScreenRequested(int tile);
    //! The wall filled with a tile (or -1: the layout again).
    void fullScreenTileChanged(int tile);
    void tearOffRequested(int tile);
    void snapshotRequested(int tile, const QImage& frame, const QString& cameraId, qint64 frameTimeMs);
    void recordingChanged(int tile, bool recording);
    /*!
     * A recorded clip: a Motion-JPEG AVI of `cameraId` from `startedAtMs` (the time source's ms at
     * the start) running `durationMs`. `tile` is where it was recorded; by now it may show another
     * camera.
     */
    void clipRecorded(int tile, const QByteArray& avi, const QString& cameraId, qint64 startedAtMs,
                      qint64 durationMs);
    void layoutChanged(hexhub::VideoWall::Layout layout);
    void cameraChanged(int tile);
    void tileStateChanged(int tile, hexhub::VideoWall::TileState state);
    //! A failed stream will be tried again on `tile` in `delayMs`.
    void retryScheduled(int tile, int delayMs);

protected:
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void relayout();
    QList<QRect> layoutRects(const QRect& area) const;
    bool inLayout(int tile) const { return tile >= 0 && tile < tileCount(); }
    void moveCurrent(int dx, int dy);
    void showTileMenu(int tile, const QPoint& globalPos);
    void startTileDrag(int tile);
    void setDropTarget(int tile);
    int dropTileFor(const QPoint& pos, const QMimeData* data) const;
    void toggleFullScreen(int tile);
    void toggleRecording(int tile);

    std::unique_ptr<QThread> m_feedThread;
    std::unique_ptr<detail::ThreadReaper> m_reaper;
    std::unique_ptr<detail::StreamContext> m_context;
    QList<detail::VideoWallTile*> m_tiles;
    Layout m_layout = Layout::Grid2x2;
    RetryPolicy m_policy;
    int m_current = 0;
    int m_fullScreen = -1;
    int m_dropTarget = -1;
    qint64 m_maxClipBytes = kDefaultMaxClipBytes;
};

} // namespace hexhub
