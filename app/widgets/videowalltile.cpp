#include "videowalltile.h"

#include "cliprecorder.h"
#include "videowallstream.h"
#include "widgetstr.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QRegion>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

namespace hexhub::detail {

namespace {

const QColor kTileBackground(0x0b, 0x0d, 0x10);
const QColor kLive(0x1f, 0x9d, 0x55);
const QColor kConnecting(0xc9, 0x8a, 0x00);
const QColor kOffline(0xc8, 0x3a, 0x2e);
const QColor kMuted(0x8a, 0x94, 0xa3);
const QColor kCurrent(0x4c, 0x9a, 0xff);
const QColor kDropTarget(0xf5, 0xc5, 0x42);
const QColor kRecording(0xe0, 0x1e, 0x1e);

constexpr qint64 kSettledMs = 30000; // live this long, a stream counts as recovered

QString seconds(int ms)
{
    return QLocale().toString(ms / 1000.0, 'g', 3);
}

// The largest rectangle of `frame`'s proportions centred in `area`.
QRect fitted(const QSize& frame, const QRect& area)
{
    if (frame.isEmpty())
        return area;
    const QSize size = frame.scaled(area.size(), Qt::KeepAspectRatio);
    return QRect(area.center() - QPoint(size.width() / 2, size.height() / 2), size);
}

// `text` broken into at most `maxLines` lines of `width`, the last elided when it does not fit.
QStringList wrapped(const QString& text, const QFont& font, int width, int maxLines)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    QStringList lines;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) {
            lines << QFontMetrics(font).elidedText(text.mid(line.textStart()), Qt::ElideRight, width);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

} // namespace

VideoWallTile::VideoWallTile(int index, const StreamContext& context, const VideoWall::RetryPolicy& policy,
                             QWidget* parent)
    : QWidget(parent)
    , m_index(index)
    , m_context(context)
    , m_policy(policy)
{
    setAttribute(Qt::WA_OpaquePaintEvent); // every pixel painted: nothing under it needs painting
    setFocusPolicy(Qt::NoFocus);           // the wall takes the keys
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &VideoWallTile::connectStream);
    connect(&m_watchdog, &QTimer::timeout, this, &VideoWallTile::onWatchdog);
}

VideoWallTile::~VideoWallTile() = default;

void VideoWallTile::setSource(const TileSource& source)
{
    if (source == m_source && m_stream)
        return;
    stopRecording(); // the clip is of one camera, up to its last frame
    closeStream();
    m_retryTimer.stop();
    m_watchdog.stop();
    m_source = source;
    m_failures = 0;
    m_frame = {};
    m_lastFrameAt = {};
    m_producedBefore = m_received = m_painted = 0;
    m_reason.clear();
    m_retryable = true;
    if (m_active && !m_source.isNull())
        connectStream();
    else
        setState(VideoWall::TileState::Empty);
    update();
}

void VideoWallTile::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active && !m_source.isNull()) {
        m_failures = 0;
        connectStream();
        return;
    }
    stopRecording(); // off the wall: no more pictures come
    closeStream();
    m_retryTimer.stop();
    m_watchdog.stop();
    m_frame = {};
    setState(VideoWall::TileState::Empty);
}

void VideoWallTile::connectStream()
{
    closeStream();
    m_retryTimer.stop();
    if (!m_active || m_source.isNull()) {
        setState(VideoWall::TileState::Empty);
        return;
    }
    QString error;
    m_stream = openStream(m_source, m_context, &error);
    if (!m_stream) {
        // Trying again cannot mend an address nothing can play.
        m_retryable = false;
        m_reason = error;
        setState(VideoWall::TileState::Offline);
        update();
        return;
    }
    m_retryable = true;
    connect(m_stream.get(), &VideoStream::frameArrived, this, &VideoWallTile::onFrame);
    connect(m_stream.get(), &VideoStream::failed, this, &VideoWallTile::onFailure);
    m_sinceFrame.start();
    const int shortest = std::min(m_policy.connectTimeoutMs, m_policy.staleAfterMs);
    m_watchdog.start(std::clamp(shortest / 4, 20, 1000));
    setState(VideoWall::TileState::Connecting);
    update();
    m_stream->start();
}

void VideoWallTile::closeStream()
{
    if (!m_stream)
        return;
    m_producedBefore += m_stream->producedFrames();
    m_stream->disconnect(this);
    m_stream.reset(); // returns at once; the stream's own thread lets go of the network
}

void VideoWallTile::onFrame(const QImage& frame)
{
    m_frame = frame;
    m_framePainted = false;
    ++m_received;
    m_lastFrameAt = m_context.now ? m_context.now() : QDateTime();
    m_sinceFrame.start();
    if (m_state != VideoWall::TileState::Live) {
        m_reason.clear();
        m_liveSince.start();
        setState(VideoWall::TileState::Live);
    }
    update();
}

void VideoWallTile::onFailure(const QString& reason)
{
    if (!m_stream)
        return;
    // A clip ends where the pictures stopped: a frozen picture is not what the camera saw.
    stopRecording();
    closeStream();
    m_reason = reason;
    // A stream that played for a while starts again from the first delay; one that drops each time
    // it has come keeps backing off.
    if (m_state == VideoWall::TileState::Live && m_liveSince.elapsed() >= kSettledMs)
        m_failures = 0;
    // 1, 2, 4 ... times the first delay, up to the longest
    const qint64 delay =
        std::min<qint64>(qint64(m_policy.firstDelayMs) << std::min(m_failures, 20), m_policy.maxDelayMs);
    ++m_failures;
    m_retryDelayMs = int(delay);
    m_sinceFailure.start();
    m_retryTimer.start(m_retryDelayMs);
    setState(VideoWall::TileState::Offline);
    Q_EMIT retryScheduled(m_index, m_retryDelayMs);
    update();
}

void VideoWallTile::onWatchdog()
{
    switch (m_state) {
    case VideoWall::TileState::Connecting:
        if (m_sinceFrame.elapsed() > m_policy.connectTimeoutMs)
            onFailure(
                widgets::Tr::tr("No picture came within %1 s.").arg(seconds(m_policy.connectTimeoutMs)));
        break;
    case VideoWall::TileState::Live:
        if (m_sinceFrame.elapsed() > m_policy.staleAfterMs)
            onFailure(widgets::Tr::tr("No picture for %1 s.").arg(seconds(m_policy.staleAfterMs)));
        break;
    case VideoWall::TileState::Offline:
        update(); // the countdown to the next try
        break;
    case VideoWall::TileState::Empty:
        break;
    }
}

void VideoWallTile::retryNow()
{
    if (m_state == VideoWall::TileState::Offline && m_retryable)
        connectStream();
}

void VideoWallTile::setState(VideoWall::TileState state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(m_index, state);
}

QImage VideoWallTile::grabFrame() const
{
    // A copy of its own: the frame may be a view of a decoder's buffer, not to be kept for long.
    return m_frame.copy();
}

void VideoWallTile::setCurrent(bool current, bool focused)
{
    if (current == m_current && focused == m_focused)
        return;
    m_current = current;
    m_focused = focused;
    update();
}

void VideoWallTile::setDropTarget(bool target)
{
    if (target == m_dropTarget)
        return;
    m_dropTarget = target;
    update();
}

void VideoWallTile::changeEvent(QEvent* event)
{
    // The bar's words, type or colours may have changed: it is drawn anew.
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::PaletteChange)
        m_barKey.clear();
    QWidget::changeEvent(event);
}

void VideoWallTile::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (m_frame.isNull()) {
        painter.fillRect(rect(), kTileBackground);
    } else {
        paintFrame(painter, rect()); // and the background round it
        if (!std::exchange(m_framePainted, true))
            ++m_painted;
    }
    paintOverlay(painter);
}

bool VideoWallTile::startRecording(qint64 maxMs, qint64 maxBytes)
{
    if (m_recorder)
        return true;
    if (m_state != VideoWall::TileState::Live || m_frame.isNull() || maxMs <= 0 || maxBytes <= 0)
        return false;
    ClipRecorder::Limits limits;
    limits.fps = VideoWall::kClipFps;
    limits.maxWidth = VideoWall::kClipMaxWidth;
    limits.maxMs = maxMs;
    limits.maxBytes = maxBytes;
    const QString cameraId = m_source.cameraId;
    const QDateTime now = m_context.now ? m_context.now() : QDateTime();
    const qint64 startedAt = now.isValid() ? now.toMSecsSinceEpoch() : 0;
    // The newest frame the tile has, shared with the recorder's worker, never copied here.
    auto* recorder = new ClipRecorder([this] { return m_frame; }, limits, m_context.reaper, this);
    connect(recorder, &ClipRecorder::limitReached, this, [this, recorder] {
        if (recorder == m_recorder)
            stopRecording();
    });
    connect(recorder, &ClipRecorder::sampled, this, [this](qint64 elapsedMs) {
        if (elapsedMs / 1000 != m_recordingShownSecond)
            update(); // the badge's time
    });
    connect(recorder, &ClipRecorder::finished, this,
            [this, recorder, cameraId, startedAt](const QByteArray& avi, int frames, qint64 durationMs) {
                recorder->deleteLater();
                if (frames > 0)
                    Q_EMIT clipRecorded(m_index, avi, cameraId, startedAt, durationMs);
            });
    m_recorder = recorder;
    m_recordingShownSecond = -1;
    Q_EMIT recordingChanged(m_index, true);
    recorder->start();
    update();
    return true;
}

void VideoWallTile::stopRecording()
{
    if (!m_recorder)
        return;
    // It goes on by itself until its worker has made the clip, then goes (finished above).
    std::exchange(m_recorder, nullptr)->finish();
    Q_EMIT recordingChanged(m_index, false);
    update();
}

VideoWall::FrameCounts VideoWallTile::frameCounts() const
{
    return {m_producedBefore + (m_stream ? m_stream->producedFrames() : 0), m_received, m_painted};
}

void VideoWallTile::paintFrame(QPainter& painter, const QRect& area)
{
    const QRect target = fitted(m_frame.size(), area);
    // Within a few pixels of the frame's own size (640x360 on a 3x3 wall of 1920x1080, less the
    // gaps), the frame is copied 1:1, centred, a pixel or two cut off, rather than resampled: that
    // costs several times more and blurs.
    const qreal dpr = devicePixelRatioF();
    const QSize device = (QSizeF(target.size()) * dpr).toSize();
    if (std::abs(device.width() - m_frame.width()) <= 4 &&
        std::abs(device.height() - m_frame.height()) <= 4) {
        const QPointF centre = QRectF(area).center() * dpr;
        const QPointF topLeft(std::round(centre.x() - m_frame.width() / 2.0),
                              std::round(centre.y() - m_frame.height() / 2.0));
        fillAround(painter, area, QRectF(topLeft / dpr, QSizeF(m_frame.size()) / dpr));
        painter.save();
        painter.scale(1 / dpr, 1 / dpr);
        painter.drawImage(topLeft, m_frame);
        painter.restore();
        return;
    }
    fillAround(painter, area, target);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, m_frame);
}

void VideoWallTile::fillAround(QPainter& painter, const QRect& area, const QRectF& frame) const
{
    // Not under the frame: filling what it covers costs about as much as drawing it. Only whole pixels
    // of an opaque frame are left out.
    QRect covered;
    if (!m_frame.hasAlphaChannel())
        covered = QRect(QPoint(int(std::ceil(frame.left())), int(std::ceil(frame.top()))),
                        QPoint(int(std::floor(frame.right())) - 1, int(std::floor(frame.bottom())) - 1));
    for (const QRect& part : QRegion(area).subtracted(covered))
        painter.fillRect(part, kTileBackground);
}

void VideoWallTile::paintOverlay(QPainter& p)
{
    using State = VideoWall::TileState;
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = this->font();
    font.setPixelSize(std::clamp(height() / 15, 11, 18));
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics metrics(font);
    const QFontMetrics boldMetrics(bold);
    const int pad = std::max(3, font.pixelSize() / 3);

    if (m_state != State::Live && !m_frame.isNull())
        p.fillRect(rect(), QColor(0, 0, 0, 170)); // the last picture, dimmed: not what is there now

    // Centre: what the operator needs to know when there is no live picture.
    QStringList lines;
    QColor headline = kMuted;
    const int textWidth = width() - 4 * pad;
    if (m_source.isNull()) {
        lines << widgets::Tr::tr("Tile %1").arg(m_index + 1) << widgets::Tr::tr("Drop a camera here");
    } else if (m_state == State::Connecting) {
        lines << widgets::Tr::tr("Connecting…");
    } else if (m_state == State::Offline) {
        headline = QColor(0xff, 0x8a, 0x7e);
        lines << widgets::Tr::tr("Offline") << wrapped(m_reason, font, textWidth, 2);
        if (!m_retryable) {
            lines << widgets::Tr::tr("Not tried again: the address needs fixing.");
        } else {
            const qint64 left = m_retryTimer.isActive() ? m_retryDelayMs - m_sinceFailure.elapsed() : 0;
            lines << (left > 0 ? widgets::Tr::tr("Trying again in %1 s").arg((left + 999) / 1000)
                               : widgets::Tr::tr("Trying again…"));
        }
    }
    if (!lines.isEmpty()) {
        const int lineHeight = metrics.height() + pad / 2;
        int y = height() / 2 - lines.size() * lineHeight / 2;
        for (int i = 0; i < lines.size(); ++i) {
            p.setFont(i == 0 ? bold : font);
            p.setPen(i == 0 ? headline : QColor(0xd0, 0xd6, 0xde));
            const QString text =
                (i == 0 ? boldMetrics : metrics).elidedText(lines[i], Qt::ElideRight, textWidth);
            p.drawText(QRect(0, y, width(), lineHeight), Qt::AlignCenter, text);
            y += lineHeight;
        }
    }

    // Bottom bar: the camera's name; its state and the time of its last frame. Text is what costs in
    // a tile's paint, and the bar changes at most once a second: it is drawn into a picture when it
    // changes and copied at each frame.
    if (!m_source.isNull()) {
        const int barHeight = boldMetrics.height() + 2 * pad;
        const QRect bar(0, height() - barHeight, width(), barHeight);
        if (m_lastFrameAt.isValid()) {
            // Made once a second, not at each frame: it looks the local time zone up.
            const qint64 second = m_lastFrameAt.toSecsSinceEpoch();
            if (second != m_timeShownSecond || m_timeShown.isEmpty()) {
                m_timeShown = QLocale().toString(m_lastFrameAt.toLocalTime(), QStringLiteral("HH:mm:ss"));
                m_timeShownSecond = second;
            }
        } else {
            m_timeShown.clear();
        }
        const qreal dpr = devicePixelRatioF();
        const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                                .arg(int(m_state))
                                .arg(m_timeShown)
                                .arg(m_recorder ? m_recorder->elapsedMs() / 1000 : -1)
                                .arg(m_source.name.isEmpty() ? m_source.cameraId : m_source.name)
                                .arg(bar.width())
                                .arg(font.pixelSize())
                                .arg(dpr);
        if (key != m_barKey) {
            m_barKey = key;
            m_bar = QImage((QSizeF(bar.size()) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
            m_bar.setDevicePixelRatio(dpr);
            m_bar.fill(Qt::transparent);
            QPainter bp(&m_bar);
            bp.setRenderHint(QPainter::Antialiasing);
            paintBar(bp, QRect(QPoint(0, 0), bar.size()), font, bold, pad);
        }
        p.drawImage(bar.topLeft(), m_bar);
    }

    // Frame: the tile the keys act on, and where a drop would land.
    p.setBrush(Qt::NoBrush);
    if (m_dropTarget) {
        p.setPen(QPen(kDropTarget, 3));
        p.drawRect(QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5));
    } else if (m_current) {
        QColor colour = kCurrent;
        if (!m_focused)
            colour.setAlpha(120);
        p.setPen(QPen(colour, 2));
        p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
}

void VideoWallTile::paintBar(QPainter& p, const QRect& bar, const QFont& font, const QFont& bold, int pad)
{
    using State = VideoWall::TileState;
    const QFontMetrics metrics(font);
    const QFontMetrics boldMetrics(bold);
    const int barHeight = bar.height();
    p.fillRect(bar, QColor(0, 0, 0, 165));
    int right = bar.right() - pad;
    if (!m_timeShown.isEmpty()) {
        const QString& time = m_timeShown;
        const int w = metrics.horizontalAdvance(time);
        p.setFont(font);
        p.setPen(QColor(0xe6, 0xea, 0xef));
        p.drawText(QRect(right - w, bar.top(), w, barHeight), Qt::AlignVCenter | Qt::AlignRight, time);
        right -= w + pad;
    }
    const QString badge = m_state == State::Live         ? widgets::Tr::tr("LIVE")
                          : m_state == State::Connecting ? widgets::Tr::tr("CONNECTING")
                                                         : widgets::Tr::tr("OFFLINE");
    const QColor badgeColour = m_state == State::Live         ? kLive
                               : m_state == State::Connecting ? kConnecting
                                                              : kOffline;
    QFont small = bold;
    small.setPixelSize(std::max(9, font.pixelSize() - 2));
    const QFontMetrics smallMetrics(small);
    const int badgeWidth = smallMetrics.horizontalAdvance(badge) + 2 * pad + smallMetrics.height() / 2;
    const QRect pill(right - badgeWidth, bar.top() + pad / 2 + 1, badgeWidth, barHeight - pad - 2);
    p.setPen(Qt::NoPen);
    p.setBrush(badgeColour);
    p.drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    p.setFont(small);
    p.setPen(Qt::white);
    p.drawText(pill, Qt::AlignCenter, badge);
    right = pill.left() - pad;
    if (m_recorder)
        right = paintRecording(p, QRect(bar.left(), pill.top(), right - bar.left(), pill.height()),
                               small, pad);
    p.setFont(bold);
    p.setPen(Qt::white);
    const int nameWidth = right - bar.left() - 2 * pad;
    const QString name = m_source.name.isEmpty() ? m_source.cameraId : m_source.name;
    p.drawText(QRect(bar.left() + pad, bar.top(), std::max(0, nameWidth), barHeight),
               Qt::AlignVCenter | Qt::AlignLeft,
               boldMetrics.elidedText(name, Qt::ElideRight, std::max(0, nameWidth)));
}

int VideoWallTile::paintRecording(QPainter& p, const QRect& space, const QFont& font, int pad)
{
    // In the bar, left of the state, red: "● REC 01:23", the time recorded so far. Not over the
    // picture, where cameras burn in their own time and name.
    const qint64 elapsed = m_recorder->elapsedMs();
    m_recordingShownSecond = elapsed / 1000;
    const QString time = QStringLiteral("%1:%2")
                             .arg(m_recordingShownSecond / 60, 2, 10, QLatin1Char('0'))
                             .arg(m_recordingShownSecond % 60, 2, 10, QLatin1Char('0'));
    const QString text = widgets::Tr::tr("REC %1").arg(time);
    const QFontMetrics metrics(font);
    const int dot = std::max(4, metrics.height() / 2);
    const int width = metrics.horizontalAdvance(text) + dot + 3 * pad;
    const QRect pill(space.right() - width + 1, space.top(), width, space.height());
    p.setPen(Qt::NoPen);
    p.setBrush(kRecording);
    p.drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    p.setBrush(Qt::white);
    p.drawEllipse(QRect(pill.left() + pad, pill.center().y() - dot / 2, dot, dot));
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(pill.adjusted(pad + dot + pad / 2, 0, -pad, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    return pill.left() - pad;
}

void VideoWallTile::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        m_pressPos = event->position().toPoint();
    Q_EMIT pressed(m_index);
    QWidget::mousePressEvent(event);
}

void VideoWallTile::mouseMoveEvent(QMouseEvent* event)
{
    if ((event->buttons() & Qt::LeftButton) && !m_source.isNull() &&
        (event->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
        Q_EMIT dragStarted(m_index);
}

void VideoWallTile::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT doubleClicked(m_index);
}

void VideoWallTile::contextMenuEvent(QContextMenuEvent* event)
{
    Q_EMIT menuRequested(m_index, event->globalPos());
}

} // namespace hexhub::detail
