#include "videopanel.h"

#include "hexhub/hub/events.h"

#include "base/clock.h"
#include "base/error.h"
#include "bus/eventbus.h"
#include "screenfit.h"
#include "security/session.h"
#include "videowall.h"
#include "base/whenfinished.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QCloseEvent>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QVBoxLayout>

namespace hexhub::hub {

namespace {

//! The camera list hands its cameras to the wall by drag and drop.
class CameraList final : public QListWidget
{
public:
    using QListWidget::QListWidget;
    std::function<std::optional<TileSource>(int row)> sourceOf;

protected:
    QStringList mimeTypes() const override { return {VideoWall::cameraMimeType()}; }
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override
    {
        if (items.isEmpty() || !sourceOf)
            return nullptr;
        const std::optional<TileSource> source = sourceOf(row(items.first()));
        return source ? VideoWall::mimeDataFor(*source) : nullptr;
    }
};

TileSource tileSourceOf(const Camera& c)
{
    TileSource s;
    s.cameraId = c.id;
    s.name = c.name;
    s.url = QUrl(c.streamUrl);
    return s;
}

// The screen after `here` in the desktop's order (with a desk and wall screens, the first wall);
// `here` itself when it is the only one.
QScreen* nextScreen(QScreen* here)
{
    const QList<QScreen*> all = QGuiApplication::screens();
    const qsizetype at = all.indexOf(here);
    return all.size() > 1 && at >= 0 ? all.at((at + 1) % all.size()) : here;
}

// Puts `window` in the middle of `screen`, `size` large (made to fit), full screen again there if it was.
void centreOn(QWidget* window, QScreen* screen, const QSize& size)
{
    if (!screen)
        return;
    const bool full = window->isFullScreen();
    if (full)
        window->showNormal();
    QRect r(QPoint(), size);
    r.moveCenter(screen->availableGeometry().center());
    applyPlacement(window, placeWindow(r, screen->name(), screen->geometry(), currentScreens()));
    if (full)
        window->showFullScreen();
}

/*!
 * A tile torn off the wall: a window of its own holding a one-tile wall, on whichever screen the
 * operator wants it. F (or a double click) puts it full screen on its screen and back; Ctrl+W
 * closes it. Its snapshots and clips go where the panel's go; closed while recording, it goes once
 * its clip is made.
 */
class TornOffTile final : public QWidget
{
public:
    TornOffTile(const TileSource& source, VideoWall::TimeSource now, QWidget* parent)
        : QWidget(parent, Qt::Window)
        , m_wall(new VideoWall(std::move(now), this))
    {
        setObjectName(QStringLiteral("tornOffTile"));
        setWindowTitle(VideoPanel::tr("%1 - Hexhub video").arg(source.name));
        m_wall->setObjectName(QStringLiteral("wall"));
        m_wall->setLayoutKind(VideoWall::Layout::Single);
        m_wall->setCamera(0, source);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_wall);
        QObject::connect(m_wall, &VideoWall::fullScreenRequested, this, [this] {
            if (isFullScreen())
                showNormal();
            else
                showFullScreen();
        });
        // Torn off once is enough: the menu's tear-off here puts the window on the next screen.
        QObject::connect(m_wall, &VideoWall::tearOffRequested, this, [this] { centreOn(this, nextScreen(screen()), size()); });
    }

    VideoWall* wall() const { return m_wall; }

protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        if (event->matches(QKeySequence::Close)) {
            close();
            return;
        }
        QWidget::keyPressEvent(event);
    }

    void closeEvent(QCloseEvent* event) override
    {
        QWidget::closeEvent(event);
        if (!m_wall->isRecording(0)) {
            deleteLater();
            return;
        }
        // The clip being made would go with the wall: the window goes once it has been handed on.
        QObject::connect(m_wall, &VideoWall::clipRecorded, this, &QObject::deleteLater, Qt::QueuedConnection);
        m_wall->stopRecording(0);
    }

private:
    VideoWall* m_wall;
};

} // namespace

VideoPanel::VideoPanel(HubContext& hub, std::function<qint64()> currentIncident, QWidget* parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_currentIncident(std::move(currentIncident))
{
    setObjectName(QStringLiteral("hub.video"));
    auto* list = new CameraList(this);
    list->sourceOf = [this](int row) -> std::optional<TileSource> {
        if (row < 0 || row >= m_list.size())
            return std::nullopt;
        return tileSourceOf(m_list.at(row));
    };
    list->setDragEnabled(true);
    list->setDragDropMode(QAbstractItemView::DragOnly);
    m_cameras = list;
    m_cameras->setObjectName(QStringLiteral("cameras"));
    m_cameras->setToolTip(tr("Drag a camera onto a tile, or Enter to show it on the current tile"));
    m_cameras->setMinimumWidth(220);

    m_layout = new QComboBox(this);
    m_layout->setObjectName(QStringLiteral("layout"));
    for (VideoWall::Layout l : {VideoWall::Layout::Single, VideoWall::Layout::Grid2x2, VideoWall::Layout::Grid3x3, VideoWall::Layout::Grid4x4,
                                VideoWall::Layout::OneLargeFiveSmall})
        m_layout->addItem(VideoWall::layoutTitle(l), VideoWall::layoutName(l));
    m_near = new QPushButton(tr("Cameras &near the incident"), this);
    m_near->setObjectName(QStringLiteral("near"));
    m_followP1 = new QCheckBox(tr("&Follow new P1 incidents"), this);
    m_followP1->setObjectName(QStringLiteral("followP1"));
    m_followP1->setChecked(true);
    m_followP1->setToolTip(tr("A new P1 incident fills the wall with the cameras near it"));

    // The wall's feeds read the time on their own thread: they are handed the clock itself (it
    // outlives this panel), never this panel, which may be in its destructor when a feed ticks.
    m_wall = new VideoWall([&clock = m_hub.clock] { return clock.now(); }, this);
    m_wall->setObjectName(QStringLiteral("wall"));
    m_wall->setLayoutKind(VideoWall::Layout::Grid2x2);
    m_layout->setCurrentIndex(m_layout->findData(VideoWall::layoutName(VideoWall::Layout::Grid2x2)));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Layout:"), this));
    top->addWidget(m_layout);
    top->addWidget(m_near);
    top->addWidget(m_followP1);
    top->addStretch(1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_cameras);
    split->addWidget(m_wall);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 5);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);

    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] {
        if (const auto l = VideoWall::layoutFromName(m_layout->currentData().toString()))
            m_wall->setLayoutKind(*l);
    });
    connect(m_wall, &VideoWall::layoutChanged, this, [this](VideoWall::Layout l) {
        m_layout->setCurrentIndex(m_layout->findData(VideoWall::layoutName(l)));
    });
    connect(m_cameras, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { putOnWall(m_cameras->row(item)); });
    connect(m_near, &QPushButton::clicked, this, [this] {
        const qint64 id = m_currentIncident ? m_currentIncident() : 0;
        if (id == 0) {
            m_message->setText(tr("Select an incident on the board first."));
            return;
        }
        showCamerasNear(id);
    });
    takeMediaFrom(m_wall);
    connect(m_wall, &VideoWall::tearOffRequested, this, [this](int tile) { tearOff(tile); });
    connect(m_wall, &VideoWall::tileStateChanged, this, [this](int tile, VideoWall::TileState state) {
        const TileSource source = m_wall->cameraAt(tile);
        if (source.cameraId.isEmpty() || state == VideoWall::TileState::Empty)
            return;
        const bool online = state == VideoWall::TileState::Live;
        const QDateTime last = m_wall->lastFrameTime(tile);
        whenFinished(this, m_hub.cameras.reportHealth(source.cameraId, online, last.isValid() ? last.toMSecsSinceEpoch() : 0),
                     [](QFuture<void> done) {
                         try {
                             done.waitForFinished();
                         } catch (const std::exception&) {
                             // Health is advisory; the tile shows the state either way.
                         }
                     });
    });
    // A new P1 incident brings its cameras up, when the operator follows them.
    m_hub.bus.subscribe<IncidentCreated>(this, [this](const IncidentCreated& created, const Event&) {
        if (m_followP1->isChecked() && created.incident.priority == 1)
            showCamerasNear(created.incident.id);
    });
    // "Cameras on the wall" in an opened incident fills this panel's wall.
    m_hub.cameraWall = {this, [this](qint64 id) { showCamerasNear(id); }};
    connect(&m_hub.session, &Session::changed, this, &VideoPanel::reload);
    reloadOnEvents(m_hub.bus, this, {QStringLiteral("camera.saved")}, 300, [this] { reload(); });
    reload();
}

VideoPanel::~VideoPanel()
{
    // The wall first, while this panel is whole: its threads end before any member goes.
    delete m_wall;
    m_wall = nullptr;
    if (m_hub.cameraWall.owner == this)
        m_hub.cameraWall = {};
}

void VideoPanel::reload()
{
    if (!m_hub.session.can(QStringLiteral("hub.video.view"))) {
        m_list.clear();
        m_cameras->clear();
        for (int t = 0; t < m_wall->tileCount(); ++t)
            m_wall->clearTile(t); // nothing keeps playing for someone who may not watch
        for (QWidget* w : tornOffWindows())
            w->close();
        return;
    }
    whenFinished(this, m_hub.cameras.cameras(), [this](QFuture<QList<Camera>> done) {
        try {
            m_list = done.result();
        } catch (const std::exception& e) {
            m_message->setText(QString::fromUtf8(e.what()));
            return;
        }
        m_cameras->clear();
        for (const Camera& c : std::as_const(m_list)) {
            auto* item = new QListWidgetItem(tr("%1  %2 (%3)").arg(c.id, c.name, cameraKindName(c.kind)), m_cameras);
            item->setToolTip(c.agency);
        }
        // Tiles showing a camera this operator may no longer watch go dark.
        for (int t = 0; t < m_wall->tileCount(); ++t) {
            const QString id = m_wall->cameraAt(t).cameraId;
            if (!id.isEmpty() && std::none_of(m_list.begin(), m_list.end(), [&](const Camera& c) { return c.id == id; }))
                m_wall->clearTile(t);
        }
        for (QWidget* w : tornOffWindows()) {
            const QString id = static_cast<TornOffTile*>(w)->wall()->cameraAt(0).cameraId;
            if (std::none_of(m_list.begin(), m_list.end(), [&](const Camera& c) { return c.id == id; }))
                w->close();
        }
        Q_EMIT camerasLoaded();
    });
}

void VideoPanel::putOnWall(int row)
{
    if (row < 0 || row >= m_list.size())
        return;
    const int tile = std::max(0, m_wall->currentTile());
    m_wall->setCamera(tile, tileSourceOf(m_list.at(row)));
    m_wall->setCurrentTile((tile + 1) % m_wall->tileCount());
}

void VideoPanel::showCamerasNear(qint64 incidentId)
{
    whenFinished(this, m_hub.incidents.get(incidentId), [this](QFuture<Incident> got) {
        Incident incident;
        try {
            incident = got.result();
        } catch (const std::exception& e) {
            m_message->setText(QString::fromUtf8(e.what()));
            return;
        }
        if (!incident.location.point) {
            m_message->setText(tr("Incident %1 has no position: no cameras near it.").arg(incident.number));
            return;
        }
        whenFinished(this, m_hub.cameras.nearby(*incident.location.point), [this, number = incident.number](QFuture<QList<NearbyCamera>> near) {
            QList<NearbyCamera> found;
            try {
                found = near.result();
            } catch (const std::exception& e) {
                m_message->setText(QString::fromUtf8(e.what()));
                return;
            }
            if (found.isEmpty()) {
                m_message->setText(tr("No camera within 500 m of incident %1.").arg(number));
                Q_EMIT wallFilled(0);
                return;
            }
            // A layout that holds them, up to sixteen.
            const int n = int(std::min<qsizetype>(found.size(), 16));
            const VideoWall::Layout layout = n == 1 ? VideoWall::Layout::Single
                                            : n <= 4 ? VideoWall::Layout::Grid2x2
                                            : n <= 6 ? VideoWall::Layout::OneLargeFiveSmall
                                            : n <= 9 ? VideoWall::Layout::Grid3x3
                                                     : VideoWall::Layout::Grid4x4;
            m_wall->setLayoutKind(layout);
            for (int t = 0; t < m_wall->tileCount(); ++t) {
                if (t < n)
                    m_wall->setCamera(t, tileSourceOf(found.at(t).camera));
                else
                    m_wall->clearTile(t);
            }
            m_message->setText(tr("%n camera(s) near incident %1; those that see it first.", nullptr, n).arg(number));
            Q_EMIT wallFilled(n);
        });
    });
}

void VideoPanel::snapshot(int, const QImage& frame, const QString& cameraId, qint64 frameTimeMs)
{
    const qint64 incident = m_currentIncident ? m_currentIncident() : 0;
    if (incident == 0) {
        m_message->setText(tr("Select the incident on the board that the snapshot belongs to."));
        return;
    }
    if (frame.isNull() || cameraId.isEmpty()) {
        m_message->setText(tr("That tile has no picture to keep."));
        return;
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    frame.save(&buffer, "PNG");
    whenFinished(this, m_hub.media.attachSnapshot(incident, cameraId, png, frameTimeMs > 0 ? frameTimeMs : m_hub.clock.nowMs()),
                 [this, incident](QFuture<MediaItem> done) {
                     try {
                         done.result();
                         m_message->setText(tr("Snapshot attached to the incident."));
                         Q_EMIT snapshotAttached(incident);
                     } catch (const CommandQueued& kept) {
                         m_message->setText(kept.message()); // attached when the server is back
                     } catch (const std::exception& e) {
                         m_message->setText(QString::fromUtf8(e.what()));
                     }
                 });
}

void VideoPanel::takeMediaFrom(VideoWall* wall)
{
    connect(wall, &VideoWall::snapshotRequested, this, &VideoPanel::snapshot);
    // A clip belongs to the incident selected when its recording started.
    connect(wall, &VideoWall::recordingChanged, this, [this, wall](int tile, bool recording) {
        if (!recording)
            return;
        const qint64 incident = m_currentIncident ? m_currentIncident() : 0;
        if (incident == 0 || !m_hub.session.can(QStringLiteral("hub.video.snapshot"))) {
            m_recordingFor.remove({wall, tile});
            wall->stopRecording(tile);
            m_message->setText(incident == 0 ? tr("Select the incident on the board that the clip belongs to, then record.")
                                             : tr("You may not attach clips to incidents."));
            return;
        }
        m_recordingFor.insert({wall, tile}, incident);
        m_message->setText(tr("Recording %1 for the incident; Ctrl+R again stops (30 s at most).").arg(wall->cameraAt(tile).name));
    });
    connect(wall, &VideoWall::clipRecorded, this,
            [this, wall](int tile, const QByteArray& avi, const QString& cameraId, qint64 startedAtMs, qint64 durationMs) {
                const qint64 incident = m_recordingFor.take({wall, tile});
                if (incident != 0) // 0: refused when it started, and said then
                    attachClip(incident, avi, cameraId, startedAtMs, durationMs);
            });
}

void VideoPanel::attachClip(qint64 incident, const QByteArray& avi, const QString& cameraId, qint64 startedAtMs, qint64 durationMs)
{
    whenFinished(this, m_hub.media.attachClip(incident, cameraId, avi, startedAtMs > 0 ? startedAtMs : m_hub.clock.nowMs()),
                 [this, incident, durationMs](QFuture<MediaItem> done) {
                     try {
                         done.result();
                         m_message->setText(tr("Clip of %1 s attached to the incident.").arg(QLocale().toString(durationMs / 1000.0, 'f', 1)));
                         Q_EMIT clipAttached(incident);
                     } catch (const CommandQueued& kept) {
                         m_message->setText(kept.message()); // attached when the server is back
                     } catch (const std::exception& e) {
                         m_message->setText(QString::fromUtf8(e.what()));
                     }
                 });
}

QWidget* VideoPanel::openTornOff(const TileSource& source)
{
    auto* window = new TornOffTile(source, [this] { return m_hub.clock.now(); }, this);
    takeMediaFrom(window->wall());
    m_tornOff.append(window);
    return window;
}

QWidget* VideoPanel::tearOff(int tile, QScreen* screen)
{
    const TileSource source = m_wall->cameraAt(tile);
    if (source.isNull())
        return nullptr;
    if (!screen)
        screen = nextScreen(window()->screen());
    QWidget* torn = openTornOff(source);
    // Two thirds of the screen, in the middle of it, at most 1280x720 to start with.
    const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1280, 720);
    centreOn(torn, screen, QSize(std::min(1280, available.width() * 2 / 3), std::min(720, available.height() * 2 / 3)));
    torn->show();
    m_wall->clearTile(tile);
    m_message->setText(tr("%1 torn off onto screen %2; Ctrl+W closes it.").arg(source.name, screen ? screen->name() : QString()));
    return torn;
}

QList<QWidget*> VideoPanel::tornOffWindows() const
{
    QList<QWidget*> windows;
    for (const QPointer<QWidget>& w : m_tornOff) {
        if (w && w->isVisible())
            windows << w.data();
    }
    return windows;
}

QJsonObject VideoPanel::saveViewState() const
{
    QJsonObject state = m_wall->saveState();
    state.insert(QStringLiteral("followP1"), m_followP1->isChecked());
    // Each torn-off tile: its camera and its place (screen by name and where it was, state).
    QJsonArray torn;
    for (QWidget* w : tornOffWindows()) {
        torn.append(QJsonObject{{QStringLiteral("camera"), static_cast<TornOffTile*>(w)->wall()->cameraAt(0).toJson()},
                                {QStringLiteral("place"), WindowPlace::of(w).toJson()}});
    }
    state.insert(QStringLiteral("tornOff"), torn);
    return state;
}

void VideoPanel::restoreViewState(const QJsonObject& state)
{
    m_wall->restoreState(state);
    if (state.contains(QStringLiteral("followP1")))
        m_followP1->setChecked(state.value(QStringLiteral("followP1")).toBool());
    for (QWidget* w : tornOffWindows())
        w->close();
    m_tornOff.clear();
    const QList<ScreenPlace> screens = currentScreens();
    for (const QJsonValue& v : state.value(QStringLiteral("tornOff")).toArray()) {
        const QJsonObject o = v.toObject();
        const std::optional<TileSource> source = TileSource::fromJson(o.value(QStringLiteral("camera")).toObject());
        const WindowPlace place = WindowPlace::fromJson(o.value(QStringLiteral("place")).toObject());
        if (!source || place.rect.isEmpty())
            continue; // not a torn-off tile this version wrote: left out rather than guessed
        // A camera this operator may no longer watch stays shut.
        if (!m_list.isEmpty() && std::none_of(m_list.begin(), m_list.end(), [&](const Camera& c) { return c.id == source->cameraId; }))
            continue;
        QWidget* window = openTornOff(*source);
        applyPlacement(window, place.placeAmong(screens));
        if (place.fullScreen)
            window->showFullScreen();
        else
            window->show();
    }
}

} // namespace hexhub::hub

extern "C" Q_DECL_EXPORT QWidget* hexhub_hub_create_video(hexhub::hub::HubContext* hub, std::function<qint64()>* currentIncident,
                                                       QWidget* parent)
{
    return new hexhub::hub::VideoPanel(*hub, *currentIncident, parent);
}
