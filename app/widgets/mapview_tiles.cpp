// The map's raster tiles: those in view fetched a few at a time, kept on disk and in memory, drawn.
#include "mapview.h"

#include "mapview_p.h"

#include "widgetstr.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QGraphicsScene>
#include <QImageReader>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QSet>
#include <QStandardPaths>
#include <QUrl>

#include <cmath>

namespace hexhub {

namespace {

constexpr int kTileRetryMs = 60 * 1000;            // a tile that failed is not asked for again sooner
constexpr int kTileTransferTimeoutMs = 15 * 1000;  // a server that stops answering
constexpr qint64 kMaxTileBytes = 4 * 1024 * 1024;  // no tile is this large
constexpr int kMaxTilePixels = 1024;               // nor this wide (512-pixel "retina" tiles are fine)
constexpr qint64 kTileDiskCacheBytes = 256LL * 1024 * 1024;
constexpr int kMaxTilesPerPaint = 1024;            // a wall of 4K screens needs a few hundred

// The scene coordinate of tile edge `i` at zoom `z` (x from the west, y from the north).
double tileEdge(int z, int i)
{
    return -kWorld + i * (2 * kWorld / double(1 << z));
}

// Where a tile lands on the device, on whole pixels: neighbours share their edges, no seams.
QRect deviceRectOf(const QTransform& toDevice, const TileId& t)
{
    const QPointF a = toDevice.map(QPointF(tileEdge(t.z, t.x), tileEdge(t.z, t.y)));
    const QPointF b = toDevice.map(QPointF(tileEdge(t.z, t.x + 1), tileEdge(t.z, t.y + 1)));
    const QPoint topLeft(qRound(a.x()), qRound(a.y()));
    const QPoint bottomRight(qRound(b.x()), qRound(b.y()));
    return QRect(topLeft, QSize(bottomRight.x() - topLeft.x(), bottomRight.y() - topLeft.y()));
}

// The tiles at zoom `z` covering `scene` (clipped to the world), as an inclusive range.
struct TileRange
{
    int z = 0, x0 = 0, y0 = 0, x1 = -1, y1 = -1;

    static TileRange of(const QRectF& scene, int z)
    {
        const QRectF area = scene.intersected(QRectF(-kWorld, -kWorld, 2 * kWorld, 2 * kWorld));
        if (area.isEmpty())
            return {z};
        const int n = 1 << z;
        const double size = 2 * kWorld / n;
        const auto index = [&](double v) { return std::clamp(int(std::floor((v + kWorld) / size)), 0, n - 1); };
        // A right or bottom edge exactly on a tile's edge does not reach into that tile.
        return {z, index(area.left()), index(area.top()), index(std::nextafter(area.right(), -kWorld)),
                index(std::nextafter(area.bottom(), -kWorld))};
    }
    qint64 count() const { return qint64(x1 - x0 + 1) * (y1 - y0 + 1); }
};

// Errors of the connection or the server, not of the tile: a copy on disk, even stale, may stand in.
bool serverAway(QNetworkReply::NetworkError e)
{
    return (e > QNetworkReply::NoError && e < QNetworkReply::ContentAccessDenied)
           || (e >= QNetworkReply::InternalServerError && e <= QNetworkReply::UnknownServerError);
}

} // namespace

MapTiles::MapTiles(MapView& view, const QString& urlTemplate, const QString& cacheDirectory)
    : m_view(view)
    , urlTemplate(urlTemplate)
    , cacheDirectory(cacheDirectory)
    , memory(MapView::kMaxTilesInMemory)
{
    m_network.setTransferTimeout(kTileTransferTimeoutMs);
    if (!cacheDirectory.isEmpty()) {
        m_disk = new QNetworkDiskCache(&m_network);
        m_disk->setCacheDirectory(cacheDirectory);
        m_disk->setMaximumCacheSize(kTileDiskCacheBytes);
        m_network.setCache(m_disk);
    }
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &MapTiles::request);
    const QString version = QCoreApplication::applicationVersion();
    m_userAgent = version.isEmpty() ? QStringLiteral("Hexhub") : QStringLiteral("Hexhub/%1").arg(version);
}

MapTiles::~MapTiles()
{
    for (QNetworkReply* reply : std::as_const(pending)) {
        reply->disconnect(this);
        reply->abort();
    }
}

void MapTiles::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void MapTiles::paint(QPainter* painter, const QRectF& exposed, int z)
{
    const TileRange range = TileRange::of(exposed, z);
    if (range.count() <= 0 || range.count() > kMaxTilesPerPaint)
        return;
    const QTransform toDevice = painter->worldTransform();
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    bool missing = false;
    for (int y = range.y0; y <= range.y1; ++y) {
        for (int x = range.x0; x <= range.x1; ++x) {
            const TileId t{z, x, y};
            const QRect target = deviceRectOf(toDevice, t);
            if (const QPixmap* p = memory.object(t.key())) {
                painter->drawPixmap(target, *p);
            } else {
                if (!failedRecently(t.key()))
                    missing = true;
                standIn(painter, t, target);
            }
            if (veil.alpha() > 0)
                painter->fillRect(target, veil);
        }
    }
    painter->restore();
    if (missing)
        schedule();
}

void MapTiles::request()
{
    QList<quint64> wanted;
    if (m_view.isVisible()) {
        const int z = m_view.tileZoom();
        const QRectF visible = m_view.mapToScene(m_view.viewport()->rect()).boundingRect();
        const TileRange range = TileRange::of(visible, z);
        if (range.count() > 0 && range.count() <= kMaxTilesPerPaint) {
            const QPointF middle = visible.center();
            QList<QPair<double, quint64>> byDistance;
            for (int y = range.y0; y <= range.y1; ++y) {
                for (int x = range.x0; x <= range.x1; ++x) {
                    const QPointF centre((tileEdge(z, x) + tileEdge(z, x + 1)) / 2, (tileEdge(z, y) + tileEdge(z, y + 1)) / 2);
                    byDistance.append({QLineF(middle, centre).length(), TileId{z, x, y}.key()});
                }
            }
            std::sort(byDistance.begin(), byDistance.end());
            for (const auto& [distance, key] : std::as_const(byDistance))
                wanted.append(key);
        }
    }
    // Tiles scrolled or zoomed away free their connections for those in view.
    const QSet<quint64> inView(wanted.cbegin(), wanted.cend());
    const QList<quint64> inFlight = pending.keys();
    for (const quint64 key : inFlight) {
        if (!inView.contains(key))
            pending.take(key)->abort();
    }
    for (const quint64 key : std::as_const(wanted)) {
        if (pending.size() >= MapView::kMaxTileRequests)
            break;
        if (!pending.contains(key) && !memory.contains(key) && !failedRecently(key))
            fetch(key, false);
    }
}

bool MapTiles::failedRecently(quint64 key)
{
    const auto it = m_failed.find(key);
    if (it == m_failed.end())
        return false;
    if (!it->hasExpired())
        return true;
    m_failed.erase(it);
    return false;
}

// A coarser tile already decoded, enlarged, or the four finer ones, reduced.
void MapTiles::standIn(QPainter* painter, const TileId& t, const QRect& target)
{
    for (int up = 1; up <= std::min(t.z, 6); ++up) {
        const QPixmap* p = memory.object(TileId{t.z - up, t.x >> up, t.y >> up}.key());
        if (!p)
            continue;
        const double part = double(p->width()) / (1 << up);
        const int mask = (1 << up) - 1;
        painter->drawPixmap(QRectF(target), *p, QRectF((t.x & mask) * part, (t.y & mask) * part, part, part));
        return;
    }
    if (t.z >= MapView::kMaxTileZoom)
        return;
    const QSize half(target.width() / 2, target.height() / 2);
    for (int dy = 0; dy < 2; ++dy) {
        for (int dx = 0; dx < 2; ++dx) {
            if (const QPixmap* p = memory.object(TileId{t.z + 1, 2 * t.x + dx, 2 * t.y + dy}.key())) {
                const QPoint at(dx ? target.left() + half.width() : target.left(), dy ? target.top() + half.height() : target.top());
                const QSize size(dx ? target.width() - half.width() : half.width(), dy ? target.height() - half.height() : half.height());
                painter->drawPixmap(QRect(at, size), *p);
            }
        }
    }
}

QUrl MapTiles::urlOf(const TileId& t) const
{
    QString url = urlTemplate;
    url.replace(QLatin1String("{z}"), QString::number(t.z))
        .replace(QLatin1String("{x}"), QString::number(t.x))
        .replace(QLatin1String("{y}"), QString::number(t.y));
    return QUrl(url);
}

// `cacheOnly`: the server is away, the copy on disk is taken however old.
void MapTiles::fetch(quint64 key, bool cacheOnly)
{
    QNetworkRequest request(urlOf(TileId::of(key)));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         cacheOnly ? QNetworkRequest::AlwaysCache : QNetworkRequest::PreferCache);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    QNetworkReply* reply = m_network.get(request);
    pending.insert(key, reply);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxTileBytes) {
            reply->setProperty("tooLarge", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, key, cacheOnly] { finished(reply, key, cacheOnly); });
}

void MapTiles::fail(quint64 key, const QString& message)
{
    m_failed.insert(key, QDeadlineTimer(kTileRetryMs));
    lastError = message;
    Q_EMIT m_view.tileError(message);
}

void MapTiles::finished(QNetworkReply* reply, quint64 key, bool cacheOnly)
{
    reply->deleteLater();
    if (pending.value(key) != reply)
        return; // aborted: no longer in view
    pending.remove(key);
    schedule(); // the next tiles in view
    const TileId t = TileId::of(key);
    const QUrl url = reply->request().url();
    const QString host = url.host();
    if (reply->property("tooLarge").toBool())
        return fail(key, widgets::Tr::tr("Map tile %1 from %2 is larger than a tile can be.").arg(t.name(), host));
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return fail(key, widgets::Tr::tr("Map tile %1: %2 did not answer within %3 seconds.")
                             .arg(t.name(), host).arg(kTileTransferTimeoutMs / 1000));
    if (reply->error() != QNetworkReply::NoError) {
        // The server is away: a tile still on disk, however old, is better than none.
        if (!cacheOnly && m_disk && serverAway(reply->error()) && m_disk->metaData(url).isValid())
            return fetch(key, true);
        return fail(key, widgets::Tr::tr("Map tile %1 did not come: %2").arg(t.name(), reply->errorString()));
    }
    QByteArray data = reply->readAll();
    QBuffer buffer(&data);
    QImageReader reader(&buffer);
    const QSize size = reader.size();
    QImage image;
    if (size.isValid() && size.width() <= kMaxTilePixels && size.height() <= kMaxTilePixels)
        image = reader.read();
    if (image.isNull()) {
        if (m_disk)
            m_disk->remove(url); // nor from the disk next time
        return fail(key, widgets::Tr::tr("Map tile %1 from %2 is not a tile image.").arg(t.name(), host));
    }
    // Counted in 256-pixel tiles: a 512-pixel one weighs four.
    const int cost = std::max(1, image.width() * image.height() / (MapView::kTileSize * MapView::kTileSize));
    memory.insert(key, new QPixmap(QPixmap::fromImage(std::move(image))), cost);
    m_view.invalidateScene(QRectF(QPointF(tileEdge(t.z, t.x), tileEdge(t.z, t.y)), QPointF(tileEdge(t.z, t.x + 1), tileEdge(t.z, t.y + 1))),
                           QGraphicsScene::BackgroundLayer);
    Q_EMIT m_view.tileLoaded(t.z, t.x, t.y);
}

void MapView::setTileSource(const QString& urlTemplate, const QString& cacheDirectory)
{
    if (m_tiles && m_tiles->urlTemplate == urlTemplate && m_tiles->cacheDirectory == cacheDirectory)
        return;
    m_tiles.reset(); // its requests are aborted
    m_badTileSource.clear();
    resetCachedContent();
    if (urlTemplate.isEmpty())
        return;
    const QUrl url(urlTemplate);
    if (!url.isValid() || url.scheme().isEmpty() || !urlTemplate.contains(QLatin1String("{z}"))
        || !urlTemplate.contains(QLatin1String("{x}")) || !urlTemplate.contains(QLatin1String("{y}"))) {
        m_badTileSource = widgets::Tr::tr("%1 is not a tile address: it needs {z}, {x} and {y}, as in "
                                          "https://tiles.example.org/{z}/{x}/{y}.png")
                              .arg(urlTemplate);
        Q_EMIT tileError(m_badTileSource);
        return;
    }
    m_tiles = std::make_unique<MapTiles>(*this, urlTemplate, cacheDirectory);
    updateColours();
}

QString MapView::tileSource() const
{
    return m_tiles ? m_tiles->urlTemplate : QString();
}

QString MapView::tileCacheDirectory() const
{
    return m_tiles ? m_tiles->cacheDirectory : QString();
}

QString MapView::defaultTileCacheDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("tiles"));
}

int MapView::tileZoom() const
{
    // Zoom z has 2^z tiles of kTileSize pixels across the world; the screen's pixels may be finer.
    const double deviceMetresPerPixel = metresPerPixel() / std::max(1.0, viewport()->devicePixelRatioF());
    const double z = std::log2(2 * kWorld / (kTileSize * deviceMetresPerPixel));
    return std::clamp(int(std::lround(z)), 0, kMaxTileZoom);
}

QString MapView::lastTileError() const
{
    return m_tiles ? m_tiles->lastError : m_badTileSource;
}

int MapView::cachedTileCount() const
{
    return m_tiles ? int(m_tiles->memory.size()) : 0;
}

int MapView::pendingTileCount() const
{
    return m_tiles ? int(m_tiles->pending.size()) : 0;
}

} // namespace hexhub
