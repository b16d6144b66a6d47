#pragma once

#include "hubcontext.h"

#include <QDialog>

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QTimer;

namespace hexhub {
struct ClipInfo;
}

namespace hexhub::hub {

/*!
 * What is attached to an incident's record: its snapshots and clips, oldest first, each with its
 * camera, time, size and who attached it. The selected one is shown: a snapshot as it is, a clip
 * played in a loop at its frame rate (Space pauses, Left and Right step while paused). Each opening
 * is read through MediaService::mediaContent(), which checks the bytes against their hash, checks
 * the camera's view permission and audits the viewing; what fails says why and shows nothing else.
 */
class MediaViewer final : public QDialog
{
    Q_OBJECT
public:
    MediaViewer(HubContext& hub, qint64 incidentId, const QString& incidentNumber, QWidget* parent = nullptr);
    ~MediaViewer() override;

    QListWidget* list() const { return m_list; }
    //! The frame showing, its index in a clip (0 for a snapshot), -1 before anything shows.
    int frameShown() const { return m_frameShown; }
    bool isPlaying() const;
    //! Pauses or plays a clip (Space).
    void togglePlaying();
    //! A frame back or on while paused (Left, Right).
    void step(int by);

Q_SIGNALS:
    void listed(int count);
    void opened(qint64 mediaId);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void reload();
    void openItem(int row);
    void showFrame(int index);
    //! m_image scaled into the picture's space.
    void showImage();

    HubContext& m_hub;
    qint64 m_incidentId;
    QListWidget* m_list;
    QLabel* m_picture;
    QLabel* m_details;
    QLabel* m_error;
    QPushButton* m_play;
    QTimer* m_timer;
    QList<MediaItem> m_items;
    QByteArray m_bytes;                //!< what shows: a PNG, or a clip's file
    std::unique_ptr<ClipInfo> m_clip;  //!< when it is a clip
    QImage m_image;
    int m_frameShown = -1;
    int m_openGeneration = 0;
};

} // namespace hexhub::hub
