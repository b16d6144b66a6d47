#include "mediaviewer.h"

#include "shared/mediaclip.h"
#include "base/whenfinished.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

namespace hexhub::hub {

MediaViewer::MediaViewer(HubContext& hub, qint64 incidentId, const QString& incidentNumber, QWidget* parent)
    : QDialog(parent)
    , m_hub(hub)
    , m_incidentId(incidentId)
    , m_list(new QListWidget(this))
    , m_picture(new QLabel(this))
    , m_details(new QLabel(this))
    , m_error(new QLabel(this))
    , m_play(new QPushButton(tr("&Pause"), this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("mediaViewer"));
    setWindowTitle(tr("Media of incident %1").arg(incidentNumber));
    m_list->setObjectName(QStringLiteral("media"));
    m_list->setMinimumWidth(260);
    m_picture->setObjectName(QStringLiteral("picture"));
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setMinimumSize(480, 270);
    // Its picture is scaled to it, not it to its picture: the dialog can shrink again.
    m_picture->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_picture->setStyleSheet(QStringLiteral("background: #101418;"));
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d63031;"));
    m_play->setObjectName(QStringLiteral("play"));
    m_play->setEnabled(false);
    m_play->setToolTip(tr("Space pauses and plays the clip; Left and Right step through it while paused"));

    auto* right = new QVBoxLayout;
    right->addWidget(m_picture, 1);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_play);
    controls->addWidget(m_details, 1);
    right->addLayout(controls);
    auto* split = new QHBoxLayout;
    split->addWidget(m_list);
    split->addLayout(right, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(split, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &MediaViewer::openItem);
    connect(m_play, &QPushButton::clicked, this, &MediaViewer::togglePlaying);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_clip && m_clip->frames > 0)
            showFrame((m_frameShown + 1) % m_clip->frames);
    });
    // Shortcuts rather than key events: the list, which has the focus, would take Space itself.
    const auto key = [this](Qt::Key k, auto slot) {
        auto* shortcut = new QShortcut(QKeySequence(k), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    key(Qt::Key_Space, [this] { togglePlaying(); });
    key(Qt::Key_Left, [this] { step(-1); });
    key(Qt::Key_Right, [this] { step(1); });
    resize(1000, 560);
    reload();
}

MediaViewer::~MediaViewer() = default;

bool MediaViewer::isPlaying() const
{
    return m_timer->isActive();
}

void MediaViewer::reload()
{
    whenFinished(this, m_hub.media.mediaFor(m_incidentId), [this](QFuture<QList<MediaItem>> done) {
        try {
            m_items = done.result();
        } catch (const std::exception& e) {
            m_error->setText(QString::fromUtf8(e.what()));
            Q_EMIT listed(0);
            return;
        }
        m_list->clear();
        for (const MediaItem& m : std::as_const(m_items)) {
            const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(m.takenAt).toLocalTime(), QLocale::ShortFormat);
            const QString what = m.isClip() ? tr("Clip, %1 s").arg(QLocale().toString(m.durationMs / 1000.0, 'f', 1)) : tr("Snapshot");
            auto* item = new QListWidgetItem(tr("%1  %2\n%3 (%4)").arg(when, what, m.cameraName, m.cameraId), m_list);
            item->setData(Qt::UserRole, m.id);
        }
        if (m_items.isEmpty())
            m_picture->setText(tr("Nothing is attached to this incident yet: Ctrl+S on a video tile attaches a "
                                  "snapshot, Ctrl+R records a clip."));
        Q_EMIT listed(int(m_items.size()));
        if (!m_items.isEmpty())
            m_list->setCurrentRow(0);
    });
}

void MediaViewer::openItem(int row)
{
    m_timer->stop();
    m_clip.reset();
    m_bytes.clear();
    m_image = QImage();
    m_frameShown = -1;
    m_play->setEnabled(false);
    m_picture->clear();
    m_error->clear();
    if (row < 0 || row >= m_items.size())
        return;
    const MediaItem item = m_items.at(row);
    m_details->setText(tr("%1 x %2 pixels, %n frame(s), by %3. SHA-256 %4", nullptr, item.frameCount)
                           .arg(item.size.width())
                           .arg(item.size.height())
                           .arg(item.createdBy, item.sha256));
    const int generation = ++m_openGeneration;
    m_picture->setText(tr("Opening..."));
    whenFinished(this, m_hub.media.mediaContent(item.id), [this, generation, item](QFuture<QByteArray> done) {
        if (generation != m_openGeneration)
            return; // another was chosen meanwhile
        try {
            m_bytes = done.result();
        } catch (const std::exception& e) {
            m_picture->clear();
            m_error->setText(QString::fromUtf8(e.what()));
            return;
        }
        m_details->setText(m_details->text() + QLatin1Char(' ') + tr("(checked)"));
        if (item.isClip()) {
            QString error;
            std::optional<ClipInfo> info = mjpegAviInfo(m_bytes, &error);
            if (!info) {
                m_picture->clear();
                m_error->setText(error);
                return;
            }
            m_clip = std::make_unique<ClipInfo>(std::move(*info));
            m_play->setEnabled(true);
            m_play->setText(tr("&Pause"));
            showFrame(0);
            m_timer->start(std::max(20, int(std::lround(1000.0 / std::max(1.0, m_clip->fps)))));
        } else {
            if (!m_image.loadFromData(m_bytes, "PNG")) {
                m_picture->clear();
                m_error->setText(tr("The snapshot cannot be shown: it is not a picture this program can read."));
                return;
            }
            m_frameShown = 0;
            showImage();
        }
        Q_EMIT opened(item.id);
    });
}

void MediaViewer::showFrame(int index)
{
    if (!m_clip || index < 0 || index >= m_clip->frames)
        return;
    QImage frame;
    if (!frame.loadFromData(m_clip->frame(m_bytes, index), "JPEG")) {
        m_timer->stop();
        m_error->setText(tr("Frame %1 of the clip cannot be decoded.").arg(index + 1));
        return;
    }
    m_image = frame;
    m_frameShown = index;
    showImage();
}

void MediaViewer::showImage()
{
    // Smooth when it stays (a snapshot, a paused clip), fast while a clip plays.
    if (!m_image.isNull())
        m_picture->setPixmap(QPixmap::fromImage(m_image).scaled(
            m_picture->size(), Qt::KeepAspectRatio, isPlaying() ? Qt::FastTransformation : Qt::SmoothTransformation));
}

void MediaViewer::resizeEvent(QResizeEvent* event)
{
    QDialog::resizeEvent(event);
    showImage(); // the picture fills the space it has
}

void MediaViewer::togglePlaying()
{
    if (!m_clip)
        return;
    if (m_timer->isActive()) {
        m_timer->stop();
        m_play->setText(tr("&Play"));
        showImage(); // smooth, now that it stays
    } else {
        m_timer->start();
        m_play->setText(tr("&Pause"));
    }
}

void MediaViewer::step(int by)
{
    if (m_clip && m_clip->frames > 0 && !m_timer->isActive())
        showFrame((m_frameShown + by + m_clip->frames) % m_clip->frames);
}

} // namespace hexhub::hub
