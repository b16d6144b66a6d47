#include "videowall.h"

#include "videowallstream.h"
#include "videowalltile.h"
#include "widgetstr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QThread>
#include <cmath>

namespace hexhub {

namespace {

constexpr int kGap = 2;
const QColor kWallBackground(0x05, 0x07, 0x0a);

// The edge between part i-1 and part i when `length` plus one gap is cut into `parts` equal parts,
// rounded so neighbouring tiles keep exactly one gap between them.
int edge(int from, int length, int parts, int i)
{
    return from + int(std::lround(double(length + kGap) * i / parts));
}

QRect cell(const QRect& area, int columns, int rows, int column, int row, int columnSpan = 1,
           int rowSpan = 1)
{
    const int left = edge(area.left(), area.width(), columns, column);
    const int right = edge(area.left(), area.width(), columns, column + columnSpan) - kGap;
    const int top = edge(area.top(), area.height(), rows, row);
    const int bottom = edge(area.top(), area.height(), rows, row + rowSpan) - kGap;
    return QRect(left, top, std::max(0, right - left), std::max(0, bottom - top));
}

} // namespace

QJsonObject TileSource::toJson() const
{
    return {{QStringLiteral("id"), cameraId},
            {QStringLiteral("name"), name},
            {QStringLiteral("url"), url.toString()}};
}

std::optional<TileSource> TileSource::fromJson(const QJsonObject& json)
{
    const QUrl url(json.value(QStringLiteral("url")).toString(), QUrl::StrictMode);
    if (url.isEmpty() || !url.isValid())
        return std::nullopt;
    return TileSource{json.value(QStringLiteral("id")).toString(),
                      json.value(QStringLiteral("name")).toString(), url};
}

QString VideoWall::cameraMimeType()
{
    return QStringLiteral("application/x-hexhub-camera");
}

QMimeData* VideoWall::mimeDataFor(const TileSource& source)
{
    auto* data = new QMimeData;
    data->setData(cameraMimeType(), QJsonDocument(source.toJson()).toJson(QJsonDocument::Compact));
    data->setText(source.name);
    return data;
}

std::optional<TileSource> VideoWall::sourceFromMimeData(const QMimeData* data)
{
    if (!data || !data->hasFormat(cameraMimeType()))
        return std::nullopt;
    const QJsonDocument json = QJsonDocument::fromJson(data->data(cameraMimeType()));
    if (!json.isObject())
        return std::nullopt;
    return TileSource::fromJson(json.object());
}

int VideoWall::tileCountOf(Layout layout)
{
    switch (layout) {
    case Layout::Single:
        return 1;
    case Layout::Grid2x2:
        return 4;
    case Layout::Grid3x3:
        return 9;
    case Layout::Grid4x4:
        return 16;
    case Layout::OneLargeFiveSmall:
        return 6;
    }
    return 1;
}

QString VideoWall::layoutName(Layout layout)
{
    switch (layout) {
    case Layout::Single:
        return QStringLiteral("1");
    case Layout::Grid2x2:
        return QStringLiteral("2x2");
    case Layout::Grid3x3:
        return QStringLiteral("3x3");
    case Layout::Grid4x4:
        return QStringLiteral("4x4");
    case Layout::OneLargeFiveSmall:
        return QStringLiteral("1+5");
    }
    return {};
}

std::optional<VideoWall::Layout> VideoWall::layoutFromName(const QString& name)
{
    for (Layout layout :
         {Layout::Single, Layout::Grid2x2, Layout::Grid3x3, Layout::Grid4x4, Layout::OneLargeFiveSmall}) {
        if (layoutName(layout) == name)
            return layout;
    }
    return std::nullopt;
}

QString VideoWall::layoutTitle(Layout layout)
{
    switch (layout) {
    case Layout::Single:
        return widgets::Tr::tr("One camera");
    case Layout::Grid2x2:
        return widgets::Tr::tr("Four cameras (2 × 2)");
    case Layout::Grid3x3:
        return widgets::Tr::tr("Nine cameras (3 × 3)");
    case Layout::Grid4x4:
        return widgets::Tr::tr("Sixteen cameras (4 × 4)");
    case Layout::OneLargeFiveSmall:
        return widgets::Tr::tr("One large and five small");
    }
    return {};
}

VideoWall::VideoWall(TimeSource now, QWidget* parent)
    : QWidget(parent)
    , m_feedThread(std::make_unique<QThread>())
    , m_reaper(std::make_unique<detail::ThreadReaper>())
    , m_context(std::make_unique<detail::StreamContext>())
{
    // Synthetic pictures are drawn off the GUI thread: sixteen of them at 25 frames a second would
    // otherwise take a good part of it.
    m_feedThread->setObjectName(QStringLiteral("synthetic video"));
    m_feedThread->start();
    m_context->now = std::move(now);
    m_context->feedThread = m_feedThread.get();
    m_context->reaper = m_reaper.get();

    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(widgets::Tr::tr("Video wall"));
    for (int i = 0; i < kMaxTiles; ++i) {
        auto* tile = new detail::VideoWallTile(i, *m_context, m_policy, this);
        connect(tile, &detail::VideoWallTile::stateChanged, this, &VideoWall::tileStateChanged);
        connect(tile, &detail::VideoWallTile::retryScheduled, this, &VideoWall::retryScheduled);
        connect(tile, &detail::VideoWallTile::pressed, this, [this](int index) {
            setFocus(Qt::MouseFocusReason);
            setCurrentTile(index);
            Q_EMIT tileActivated(index);
        });
        connect(tile, &detail::VideoWallTile::doubleClicked, this, &VideoWall::toggleFullScreen);
        connect(tile, &detail::VideoWallTile::dragStarted, this, &VideoWall::startTileDrag);
        connect(tile, &detail::VideoWallTile::menuRequested, this, &VideoWall::showTileMenu);
        connect(tile, &detail::VideoWallTile::recordingChanged, this, &VideoWall::recordingChanged);
        connect(tile, &detail::VideoWallTile::clipRecorded, this, &VideoWall::clipRecorded);
        m_tiles.append(tile);
    }
    relayout();
}

VideoWall::~VideoWall()
{
    // Tiles first: their streams hand their work to the feed thread and the stream threads to
    // finish, which must still be running to do it.
    qDeleteAll(m_tiles);
    m_tiles.clear();
    m_feedThread->quit();
    m_feedThread->wait();
    m_reaper->waitAll(5000);
}

void VideoWall::setLayoutKind(Layout layout)
{
    if (layout == m_layout)
        return;
    m_layout = layout;
    if (m_fullScreen >= tileCount()) {
        m_fullScreen = -1;
        Q_EMIT fullScreenTileChanged(-1);
    }
    m_current = std::min(m_current, tileCount() - 1);
    relayout();
    Q_EMIT layoutChanged(layout);
}

QList<QRect> VideoWall::layoutRects(const QRect& area) const
{
    QList<QRect> rects;
    switch (m_layout) {
    case Layout::Single:
    case Layout::Grid2x2:
    case Layout::Grid3x3:
    case Layout::Grid4x4: {
        const int n = int(std::lround(std::sqrt(tileCount())));
        for (int row = 0; row < n; ++row) {
            for (int column = 0; column < n; ++column)
                rects.append(cell(area, n, n, column, row));
        }
        break;
    }
    case Layout::OneLargeFiveSmall:
        // the large one top left over two by two of a three by three grid, the small ones round it
        rects = {cell(area, 3, 3, 0, 0, 2, 2), cell(area, 3, 3, 2, 0), cell(area, 3, 3, 2, 1),
                 cell(area, 3, 3, 0, 2),       cell(area, 3, 3, 1, 2), cell(area, 3, 3, 2, 2)};
        break;
    }
    return rects;
}

QRect VideoWall::tileGeometry(int tile) const
{
    if (!inLayout(tile))
        return {};
    if (m_fullScreen >= 0)
        return tile == m_fullScreen ? rect() : QRect();
    return layoutRects(rect()).value(tile);
}

int VideoWall::tileAt(const QPoint& pos) const
{
    for (int i = 0; i < tileCount(); ++i) {
        if (tileGeometry(i).contains(pos))
            return i;
    }
    return -1;
}

QWidget* VideoWall::tileWidget(int tile) const
{
    return tile >= 0 && tile < m_tiles.size() ? m_tiles[tile] : nullptr;
}

void VideoWall::relayout()
{
    const QList<QRect> rects = layoutRects(rect());
    for (int i = 0; i < m_tiles.size(); ++i) {
        detail::VideoWallTile* tile = m_tiles[i];
        const bool inLayout = i < rects.size();
        // Tiles off the layout keep their camera but play nothing; a tile hidden behind a full
        // screen one keeps playing, to be there at once when the wall comes back.
        tile->setActive(inLayout);
        if (m_fullScreen >= 0) {
            tile->setVisible(i == m_fullScreen);
            if (i == m_fullScreen)
                tile->setGeometry(rect());
        } else {
            tile->setVisible(inLayout);
            if (inLayout)
                tile->setGeometry(rects[i]);
        }
        tile->setCurrent(i == m_current, hasFocus());
    }
}

bool VideoWall::setCamera(int tile, const TileSource& source)
{
    if (!inLayout(tile))
        return false;
    if (source.isNull()) {
        clearTile(tile);
        return true;
    }
    if (m_tiles[tile]->source() == source)
        return true;
    m_tiles[tile]->setSource(source);
    Q_EMIT cameraChanged(tile);
    return true;
}

void VideoWall::clearTile(int tile)
{
    if (!inLayout(tile) || m_tiles[tile]->source().isNull())
        return;
    m_tiles[tile]->setSource({});
    Q_EMIT cameraChanged(tile);
}

TileSource VideoWall::cameraAt(int tile) const
{
    return inLayout(tile) ? m_tiles[tile]->source() : TileSource();
}

VideoWall::TileState VideoWall::tileState(int tile) const
{
    return inLayout(tile) ? m_tiles[tile]->state() : TileState::Empty;
}

QString VideoWall::offlineReason(int tile) const
{
    return inLayout(tile) ? m_tiles[tile]->offlineReason() : QString();
}

QDateTime VideoWall::lastFrameTime(int tile) const
{
    return inLayout(tile) ? m_tiles[tile]->lastFrameTime() : QDateTime();
}

QImage VideoWall::grabFrame(int tile) const
{
    return inLayout(tile) ? m_tiles[tile]->grabFrame() : QImage();
}

VideoWall::FrameCounts VideoWall::frameCounts(int tile) const
{
    return inLayout(tile) ? m_tiles[tile]->frameCounts() : FrameCounts{};
}

void VideoWall::retryNow(int tile)
{
    if (inLayout(tile))
        m_tiles[tile]->retryNow();
}

void VideoWall::setCurrentTile(int tile)
{
    if (!inLayout(tile) || tile == m_current)
        return;
    m_current = tile;
    for (int i = 0; i < m_tiles.size(); ++i)
        m_tiles[i]->setCurrent(i == m_current, hasFocus());
}

void VideoWall::setFullScreenTile(int tile)
{
    if (tile != -1 && !inLayout(tile))
        return;
    if (tile == m_fullScreen)
        return;
    m_fullScreen = tile;
    if (tile >= 0)
        m_current = tile;
    relayout();
    Q_EMIT fullScreenTileChanged(tile);
}

void VideoWall::toggleFullScreen(int tile)
{
    if (m_fullScreen >= 0) {
        setFullScreenTile(-1);
        return;
    }
    if (!inLayout(tile))
        return;
    Q_EMIT fullScreenRequested(tile);
    setFullScreenTile(tile);
}

bool VideoWall::requestSnapshot(int tile)
{
    const QImage frame = grabFrame(tile);
    if (frame.isNull())
        return false;
    const QDateTime at = lastFrameTime(tile);
    Q_EMIT snapshotRequested(tile, frame, cameraAt(tile).cameraId,
                             at.isValid() ? at.toMSecsSinceEpoch() : 0);
    return true;
}

bool VideoWall::startRecording(int tile, int maxMs)
{
    return inLayout(tile) && m_tiles[tile]->startRecording(maxMs, m_maxClipBytes);
}

void VideoWall::stopRecording(int tile)
{
    if (inLayout(tile))
        m_tiles[tile]->stopRecording();
}

bool VideoWall::isRecording(int tile) const
{
    return inLayout(tile) && m_tiles[tile]->isRecording();
}

void VideoWall::toggleRecording(int tile)
{
    if (isRecording(tile))
        stopRecording(tile);
    else
        startRecording(tile);
}

QJsonObject VideoWall::saveState() const
{
    QJsonArray tiles;
    for (int i = 0; i < tileCount(); ++i) {
        const TileSource& source = m_tiles[i]->source();
        if (source.isNull())
            continue;
        QJsonObject tile = source.toJson();
        tile.insert(QStringLiteral("tile"), i);
        tiles.append(tile);
    }
    QJsonObject state{{QStringLiteral("layout"), layoutName(m_layout)},
                      {QStringLiteral("current"), m_current},
                      {QStringLiteral("tiles"), tiles}};
    if (m_fullScreen >= 0)
        state.insert(QStringLiteral("fullScreen"), m_fullScreen);
    return state;
}

bool VideoWall::restoreState(const QJsonObject& state)
{
    const auto layout = layoutFromName(state.value(QStringLiteral("layout")).toString());
    if (!layout ||
        (state.contains(QStringLiteral("tiles")) && !state.value(QStringLiteral("tiles")).isArray()))
        return false;
    const int count = tileCountOf(*layout);
    QList<TileSource> sources(kMaxTiles);
    for (const QJsonValue& value : state.value(QStringLiteral("tiles")).toArray()) {
        const QJsonObject tile = value.toObject();
        const int index = tile.value(QStringLiteral("tile")).toInt(-1);
        const auto source = TileSource::fromJson(tile);
        if (index >= 0 && index < count && source)
            sources[index] = *source;
    }
    setFullScreenTile(-1);
    // Cameras remembered off the new layout go too: the wall shows exactly what was saved.
    for (int i = count; i < kMaxTiles; ++i)
        m_tiles[i]->setSource({});
    setLayoutKind(*layout);
    for (int i = 0; i < count; ++i)
        setCamera(i, sources[i]);
    setCurrentTile(std::clamp(state.value(QStringLiteral("current")).toInt(0), 0, count - 1));
    const int fullScreen = state.value(QStringLiteral("fullScreen")).toInt(-1);
    if (fullScreen >= 0 && fullScreen < count)
        setFullScreenTile(fullScreen);
    return true;
}

void VideoWall::setRetryPolicy(const RetryPolicy& policy)
{
    m_policy = policy;
    for (detail::VideoWallTile* tile : std::as_const(m_tiles))
        tile->setPolicy(policy);
}

QSize VideoWall::sizeHint() const
{
    return {960, 540};
}

QSize VideoWall::minimumSizeHint() const
{
    return {160, 90};
}

void VideoWall::resizeEvent(QResizeEvent*)
{
    relayout();
}

void VideoWall::paintEvent(QPaintEvent* event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), kWallBackground);
}

} // namespace hexhub
