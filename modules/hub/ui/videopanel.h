#pragma once

#include "hubcontext.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QScreen;

namespace hexhub {
class VideoWall;
struct TileSource;
} // namespace hexhub

namespace hexhub::hub {

/*!
 * The hub's video (view "hub.video", on a desk or a wall): the cameras the operator may watch, and
 * a VideoWall. A camera goes on the wall by dragging it onto a tile or by Enter on it (the current
 * tile). "Cameras near the incident" fills the wall with those nearest the incident selected on the
 * board, the ones that see it first; a new P1 incident does the same by itself unless the operator
 * turned that off. A snapshot (Ctrl+S on a tile) is attached to the selected incident, and so is a
 * clip (Ctrl+R starts and stops it) to the incident selected when it started. Tile health is
 * reported to the registry. A tile torn off (its menu) becomes a window of its own on another screen
 * (the next one after the panel's), full screen there with F. The wall's layout and cameras, and the
 * torn-off tiles with their screens, are kept in the workspace; restored onto fewer screens, a torn-off
 * tile goes to the primary screen, fully visible.
 */
class VideoPanel final : public QWidget
{
    Q_OBJECT
public:
    VideoPanel(HubContext& hub, std::function<qint64()> currentIncident, QWidget* parent = nullptr);
    ~VideoPanel() override;

    VideoWall* wall() const { return m_wall; }
    QListWidget* cameraList() const { return m_cameras; }
    //! Fills the wall with the cameras nearest the incident; the count shown in the message.
    void showCamerasNear(qint64 incidentId);
    void reload();

    /*!
     * Takes the camera of `tile` off the wall into a window of its own on `screen` (nullptr: the
     * next screen after the panel's, or the panel's when there is one); the window, or nullptr when
     * the tile shows nothing.
     */
    QWidget* tearOff(int tile, QScreen* screen = nullptr);
    //! The torn-off tiles' windows, oldest first.
    QList<QWidget*> tornOffWindows() const;

    Q_INVOKABLE QJsonObject saveViewState() const;
    Q_INVOKABLE void restoreViewState(const QJsonObject& state);

Q_SIGNALS:
    void camerasLoaded();
    void wallFilled(int cameras);
    void snapshotAttached(qint64 incidentId);
    void clipAttached(qint64 incidentId);

private:
    void putOnWall(int row);
    void snapshot(int tile, const QImage& frame, const QString& cameraId, qint64 frameTimeMs);
    //! Snapshots and clips of `wall` (the panel's, or a torn-off tile's) go into the record.
    void takeMediaFrom(VideoWall* wall);
    void attachClip(qint64 incident, const QByteArray& avi, const QString& cameraId, qint64 startedAtMs, qint64 durationMs);
    QWidget* openTornOff(const TileSource& source);

    HubContext& m_hub;
    std::function<qint64()> m_currentIncident;
    QListWidget* m_cameras;
    QComboBox* m_layout;
    QPushButton* m_near;
    QCheckBox* m_followP1;
    VideoWall* m_wall;
    QLabel* m_message;
    QList<Camera> m_list;
    QList<QPointer<QWidget>> m_tornOff;
    QHash<std::pair<const VideoWall*, int>, qint64> m_recordingFor; //!< {wall, tile}: the incident its clip goes to
};

} // namespace hexhub::hub
