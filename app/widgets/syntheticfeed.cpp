#include "syntheticfeed.h"

#include "syntheticfeedscenes.h"
#include "widgetstr.h"

#include <QLocale>
#include <QPainter>
#include <QTimer>
#include <QUrlQuery>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>
#include <cstring>

namespace hexhub {

namespace {

constexpr int kCatchUpFrames = 3; // later than this, frames are skipped rather than sent in a burst

bool readInt(const QUrlQuery& query, const QString& key, int low, int high, int* value, QString* error)
{
    if (!query.hasQueryItem(key))
        return true;
    bool ok = false;
    const int v = query.queryItemValue(key).toInt(&ok);
    if (!ok || v < low || v > high) {
        if (error)
            *error =
                widgets::Tr::tr("%1 must be a whole number from %2 to %3.").arg(key).arg(low).arg(high);
        return false;
    }
    *value = v;
    return true;
}

} // namespace

std::optional<SyntheticFeed::Spec> SyntheticFeed::Spec::fromUrl(const QUrl& url, QString* error)
{
    if (url.scheme() != QLatin1String("synthetic")) {
        if (error)
            *error = widgets::Tr::tr("This is not a synthetic: address.");
        return std::nullopt;
    }
    Spec spec;
    spec.scene = url.path();
    if (!detail::syntheticSceneNames().contains(spec.scene)) {
        if (error)
            *error = widgets::Tr::tr("There is no scene \"%1\" (there are: %2).")
                         .arg(spec.scene, scenes().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const QUrlQuery query(url);
    int width = spec.size.width();
    int height = spec.size.height();
    if (!readInt(query, QStringLiteral("fps"), 1, 60, &spec.fps, error) ||
        !readInt(query, QStringLiteral("w"), 64, 3840, &width, error) ||
        !readInt(query, QStringLiteral("h"), 64, 2160, &height, error))
        return std::nullopt;
    spec.size = QSize(width, height);
    return spec;
}

QUrl SyntheticFeed::Spec::toUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("synthetic"));
    url.setPath(scene);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("fps"), QString::number(fps));
    query.addQueryItem(QStringLiteral("w"), QString::number(size.width()));
    query.addQueryItem(QStringLiteral("h"), QString::number(size.height()));
    url.setQuery(query);
    return url;
}

QStringList SyntheticFeed::scenes()
{
    return detail::syntheticSceneNames();
}

SyntheticFeed::SyntheticFeed(const Spec& spec, const QString& cameraName, TimeSource now, QObject* parent)
    : QObject(parent)
    , m_spec(spec)
    , m_cameraName(cameraName)
    , m_now(std::move(now))
    , m_scene(detail::makeSyntheticScene(spec.scene))
    , m_timer(new QTimer(this))
{
    if (!m_scene) // an unchecked Spec: show the street rather than nothing
        m_scene = detail::makeSyntheticScene(QStringLiteral("street"));
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &SyntheticFeed::onTick);
}

SyntheticFeed::~SyntheticFeed() = default;

void SyntheticFeed::setVideoSink(QVideoSink* sink)
{
    m_sink = sink;
}

void SyntheticFeed::start()
{
    if (isRunning())
        return;
    m_clock.start();
    m_nextFrame = 0;
    onTick();
}

void SyntheticFeed::stop()
{
    m_timer->stop();
    m_clock.invalidate();
}

bool SyntheticFeed::isRunning() const
{
    return m_clock.isValid();
}

void SyntheticFeed::onTick()
{
    if (!isRunning())
        return;
    // Frame n is due at n periods after start; when the timer came too late, jump to the frame due
    // now instead of sending the missed ones in a burst.
    const qint64 due = m_clock.nsecsElapsed() * m_spec.fps / 1000000000;
    if (due - m_nextFrame > kCatchUpFrames)
        m_nextFrame = due;
    if (m_sink) {
        m_sink->setVideoFrame(renderFrame(m_nextFrame));
        ++m_framesSent;
    }
    ++m_nextFrame;
    scheduleNext();
}

void SyntheticFeed::scheduleNext()
{
    const qint64 dueNs = m_nextFrame * 1000000000 / m_spec.fps;
    const qint64 waitMs = (dueNs - m_clock.nsecsElapsed()) / 1000000;
    m_timer->start(int(std::max<qint64>(0, waitMs)));
}

QVideoFrame SyntheticFeed::renderFrame(qint64 frameNumber)
{
    if (m_canvas.isNull()) {
        // Drawn on first use, on the thread the feed renders on, not where it was made.
        m_canvas = QImage(m_spec.size, QImage::Format_RGB32);
        m_scene->prepare(m_spec.size, qHash(m_cameraName));
    }
    {
        QPainter painter(&m_canvas);
        m_scene->paint(painter, double(frameNumber) / m_spec.fps);
        paintOverlay(painter);
    }
    QVideoFrameFormat format(m_spec.size, QVideoFrameFormat::pixelFormatFromImageFormat(m_canvas.format()));
    format.setFrameRate(m_spec.fps);
    QVideoFrame frame(format);
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    const int lineBytes = m_canvas.width() * 4;
    uchar* to = frame.bits(0);
    const int toStride = frame.bytesPerLine(0);
    for (int y = 0; y < m_canvas.height(); ++y)
        std::memcpy(to + qsizetype(y) * toStride, m_canvas.constScanLine(y), size_t(lineBytes));
    frame.unmap();
    const qint64 period = 1000000 / m_spec.fps;
    frame.setStartTime(frameNumber * period);
    frame.setEndTime((frameNumber + 1) * period);
    return frame;
}

void SyntheticFeed::paintOverlay(QPainter& painter)
{
    // As a CCTV camera burns it in: the time top left, the camera's name top right.
    const QDateTime now = m_now ? m_now() : QDateTime();
    const QString time = now.isValid()
                             ? QLocale().toString(now.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                             : QString();
    QFont font = painter.font();
    font.setPixelSize(std::max(10, m_spec.size.height() / 22));
    font.setBold(true);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const int pad = std::max(2, font.pixelSize() / 4);
    const int margin = pad * 2;
    auto label = [&](const QString& text, bool right) {
        if (text.isEmpty())
            return;
        const int maxWidth = m_spec.size.width() / 2 - 2 * margin;
        const QString shown = metrics.elidedText(text, Qt::ElideRight, maxWidth);
        const int w = metrics.horizontalAdvance(shown) + 2 * pad;
        const QRect box(right ? m_spec.size.width() - margin - w : margin, margin, w,
                        metrics.height() + pad);
        painter.fillRect(box, QColor(0, 0, 0, 140));
        painter.setPen(Qt::white);
        painter.drawText(box, Qt::AlignCenter, shown);
    };
    label(time, false);
    label(m_cameraName, true);
}

} // namespace hexhub
