#pragma once

#include "videowallexport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>
#include <QUrl>
#include <QVideoSink>
#include <functional>
#include <memory>
#include <optional>

class QTimer;
class QVideoFrame;

namespace hexhub {

namespace detail {
class SyntheticScene;
}

/*!
 * A camera that needs no network and no camera (issue 6, section 3): it draws a small scene with
 * moving shapes, the camera's name and the time into a QVideoSink at the stream's frame rate, so
 * demo mode and tests have moving pictures. Its address is `synthetic:<scene>?fps=25&w=640&h=360`
 * (scenes: street, rooftop, drone; fps 1-60; sizes 64x64 up to 3840x2160).
 *
 * The time on the picture comes from a callback, so demo mode shows its simulated clock; the
 * motion follows the frame number, so a paused clock does not freeze the picture. The parts of a
 * scene that never move are drawn once; each frame is one reused picture copied into a new
 * QVideoFrame. Frames are due at exact multiples of the frame period: a late timer catches up
 * without drifting, and frames more than a few periods late are skipped, never queued. The feed
 * works on whatever thread it lives on; the time callback is then called on that thread.
 */
class HEXHUB_VIDEO_EXPORT SyntheticFeed final : public QObject
{
    Q_OBJECT
public:
    using TimeSource = std::function<QDateTime()>;

    //! What a `synthetic:` address asks for.
    struct HEXHUB_VIDEO_EXPORT Spec
    {
        QString scene = QStringLiteral("street");
        int fps = 25;
        QSize size{640, 360};

        /*!
         * Reads `synthetic:<scene>?fps=&w=&h=`; nothing, with a reason in `error`, for another
         * scheme, an unknown scene or values out of range. Missing values take the defaults.
         */
        static std::optional<Spec> fromUrl(const QUrl& url, QString* error = nullptr);
        QUrl toUrl() const;
    };

    //! The scenes a feed can show.
    static QStringList scenes();

    SyntheticFeed(const Spec& spec, const QString& cameraName, TimeSource now, QObject* parent = nullptr);
    ~SyntheticFeed() override;

    const Spec& spec() const { return m_spec; }
    QString cameraName() const { return m_cameraName; }

    //! Where frames go; the feed does not own it and stops sending when it is destroyed.
    void setVideoSink(QVideoSink* sink);
    QVideoSink* videoSink() const { return m_sink; }

    void start();
    void stop();
    bool isRunning() const;
    //! Frames sent since the feed was made.
    qint64 framesSent() const { return m_framesSent; }

    //! The frame at `frameNumber` (time from the callback), as the timer sends it.
    QVideoFrame renderFrame(qint64 frameNumber);

private:
    void onTick();
    void scheduleNext();
    void paintOverlay(QPainter& painter);

    Spec m_spec;
    QString m_cameraName;
    TimeSource m_now;
    std::unique_ptr<detail::SyntheticScene> m_scene;
    QImage m_canvas; //!< reused for every frame; made with the scene's still parts on the first
    QPointer<QVideoSink> m_sink;
    QTimer* m_timer;
    QElapsedTimer m_clock;
    qint64 m_nextFrame = 0;
    qint64 m_framesSent = 0;
};

} // namespace hexhub
