// The wall's keys, its tile menu, tiles dragged and cameras dropped, and the focus.
#include "videowall.h"

#include "videowalltile.h"
#include "widgetstr.h"

#include <QActionGroup>
#include <QDrag>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>

namespace hexhub {

namespace {

// A tile dragged within the wall carries its place too, so the drop can swap the two tiles.
const QString kTileMimeType = QStringLiteral("application/x-hexhub-videowall-tile");

} // namespace

bool VideoWall::event(QEvent* event)
{
    // Take the wall's keys before window shortcuts do (Ctrl+S, Delete, F), while it has the focus.
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
        const bool plain = mods == Qt::NoModifier;
        switch (key->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_F:
        case Qt::Key_Delete:
            if (plain)
                event->accept();
            break;
        case Qt::Key_Escape:
            if (plain && m_fullScreen >= 0)
                event->accept();
            break;
        case Qt::Key_R:
            if (mods == Qt::ControlModifier)
                event->accept();
            break;
        default:
            if (key->matches(QKeySequence::Save))
                event->accept();
            break;
        }
    }
    return QWidget::event(event);
}

void VideoWall::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Save)) {
        requestSnapshot(m_current);
        return;
    }
    if (event->key() == Qt::Key_R && (event->modifiers() & ~Qt::KeypadModifier) == Qt::ControlModifier) {
        toggleRecording(m_current);
        return;
    }
    if ((event->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        moveCurrent(-1, 0);
        break;
    case Qt::Key_Right:
        moveCurrent(1, 0);
        break;
    case Qt::Key_Up:
        moveCurrent(0, -1);
        break;
    case Qt::Key_Down:
        moveCurrent(0, 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_fullScreen < 0)
            toggleFullScreen(m_current);
        break;
    case Qt::Key_F:
        toggleFullScreen(m_current);
        break;
    case Qt::Key_Delete:
        clearTile(m_current);
        break;
    case Qt::Key_Escape:
        if (m_fullScreen >= 0)
            setFullScreenTile(-1);
        else
            QWidget::keyPressEvent(event);
        break;
    default:
        QWidget::keyPressEvent(event);
        break;
    }
}

void VideoWall::moveCurrent(int dx, int dy)
{
    // By where tiles are, so 1+5 moves as the eye expects; on a fixed area, as the wall may not
    // have a size yet.
    const QList<QRect> rects = layoutRects(QRect(0, 0, 1600, 900));
    const QPointF from = QRectF(rects.value(m_current)).center();
    int best = -1;
    double bestScore = 0;
    for (int i = 0; i < rects.size(); ++i) {
        const QPointF d = QRectF(rects[i]).center() - from;
        const double along = dx != 0 ? d.x() * dx : d.y() * dy;
        const double across = std::abs(dx != 0 ? d.y() : d.x());
        if (i == m_current || along < 1)
            continue;
        const double score = along + 2 * across;
        if (best < 0 || score < bestScore) {
            best = i;
            bestScore = score;
        }
    }
    if (best < 0)
        return;
    setCurrentTile(best);
    if (m_fullScreen >= 0)
        setFullScreenTile(best);
    Q_EMIT tileActivated(best);
}

void VideoWall::showTileMenu(int tile, const QPoint& globalPos)
{
    setCurrentTile(tile);
    const bool hasCamera = !cameraAt(tile).isNull();
    QMenu menu(this);
    QAction* full = menu.addAction(m_fullScreen >= 0 ? widgets::Tr::tr("Back to the wall")
                                                     : widgets::Tr::tr("Full screen"));
    full->setShortcut(m_fullScreen >= 0 ? QKeySequence(Qt::Key_F) : QKeySequence(Qt::Key_Return));
    connect(full, &QAction::triggered, this, [this, tile] { toggleFullScreen(tile); });
    QAction* tearOff = menu.addAction(widgets::Tr::tr("Tear off onto another screen"));
    tearOff->setEnabled(hasCamera);
    connect(tearOff, &QAction::triggered, this, [this, tile] { Q_EMIT tearOffRequested(tile); });
    QAction* snapshot = menu.addAction(widgets::Tr::tr("Snapshot"));
    snapshot->setShortcut(QKeySequence::Save);
    snapshot->setEnabled(!grabFrame(tile).isNull());
    connect(snapshot, &QAction::triggered, this, [this, tile] { requestSnapshot(tile); });
    const bool recording = isRecording(tile);
    QAction* record =
        menu.addAction(recording ? widgets::Tr::tr("Stop recording") : widgets::Tr::tr("Record a clip"));
    record->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    record->setEnabled(recording || tileState(tile) == TileState::Live);
    connect(record, &QAction::triggered, this, [this, tile] { toggleRecording(tile); });
    if (tileState(tile) == TileState::Offline) {
        QAction* retry = menu.addAction(widgets::Tr::tr("Try again now"));
        connect(retry, &QAction::triggered, this, [this, tile] { retryNow(tile); });
    }
    QAction* clear = menu.addAction(widgets::Tr::tr("Clear tile"));
    clear->setShortcut(QKeySequence(Qt::Key_Delete));
    clear->setEnabled(hasCamera);
    connect(clear, &QAction::triggered, this, [this, tile] { clearTile(tile); });
    menu.addSeparator();
    QMenu* layouts = menu.addMenu(widgets::Tr::tr("Layout"));
    auto* group = new QActionGroup(layouts);
    for (Layout layout :
         {Layout::Single, Layout::Grid2x2, Layout::Grid3x3, Layout::Grid4x4, Layout::OneLargeFiveSmall}) {
        QAction* action = layouts->addAction(layoutTitle(layout));
        action->setCheckable(true);
        action->setChecked(layout == m_layout);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, layout] { setLayoutKind(layout); });
    }
    menu.exec(globalPos);
}

void VideoWall::startTileDrag(int tile)
{
    if (!inLayout(tile) || cameraAt(tile).isNull())
        return;
    QMimeData* data = mimeDataFor(cameraAt(tile));
    data->setData(kTileMimeType, QByteArray::number(tile));
    auto* drag = new QDrag(this);
    drag->setMimeData(data);
    const QPixmap picture = m_tiles[tile]->grab();
    if (!picture.isNull())
        drag->setPixmap(picture.scaledToWidth(std::min(200, picture.width()), Qt::SmoothTransformation));
    drag->exec(Qt::CopyAction | Qt::MoveAction, Qt::MoveAction);
}

int VideoWall::dropTileFor(const QPoint& pos, const QMimeData* data) const
{
    if (!data || !data->hasFormat(cameraMimeType()))
        return -1;
    return tileAt(pos);
}

void VideoWall::setDropTarget(int tile)
{
    if (tile == m_dropTarget)
        return;
    if (m_dropTarget >= 0 && m_dropTarget < m_tiles.size())
        m_tiles[m_dropTarget]->setDropTarget(false);
    m_dropTarget = tile;
    if (tile >= 0)
        m_tiles[tile]->setDropTarget(true);
}

void VideoWall::dragEnterEvent(QDragEnterEvent* event)
{
    // Accepted anywhere on the wall; whether a drop lands is decided per position below.
    if (event->mimeData()->hasFormat(cameraMimeType()))
        event->acceptProposedAction();
}

void VideoWall::dragMoveEvent(QDragMoveEvent* event)
{
    const int tile = dropTileFor(event->position().toPoint(), event->mimeData());
    setDropTarget(tile);
    if (tile >= 0)
        event->acceptProposedAction();
    else
        event->ignore();
}

void VideoWall::dragLeaveEvent(QDragLeaveEvent*)
{
    setDropTarget(-1);
}

void VideoWall::dropEvent(QDropEvent* event)
{
    setDropTarget(-1);
    const int tile = dropTileFor(event->position().toPoint(), event->mimeData());
    const auto source = sourceFromMimeData(event->mimeData());
    if (tile < 0 || !source) {
        event->ignore();
        return;
    }
    bool fromHere = false;
    const int from = event->mimeData()->data(kTileMimeType).toInt(&fromHere);
    if (fromHere && event->source() == this && inLayout(from)) {
        // A tile moved within the wall swaps places with the one it lands on, streams and all.
        if (from != tile) {
            m_tiles.swapItemsAt(from, tile);
            m_tiles[from]->setIndex(from);
            m_tiles[tile]->setIndex(tile);
            relayout();
            Q_EMIT cameraChanged(from);
            Q_EMIT cameraChanged(tile);
        }
        event->setDropAction(Qt::MoveAction);
        event->accept();
        setCurrentTile(tile);
        return;
    }
    setCamera(tile, *source);
    setCurrentTile(tile);
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void VideoWall::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    for (int i = 0; i < m_tiles.size(); ++i)
        m_tiles[i]->setCurrent(i == m_current, true);
}

void VideoWall::focusOutEvent(QFocusEvent* event)
{
    QWidget::focusOutEvent(event);
    for (int i = 0; i < m_tiles.size(); ++i)
        m_tiles[i]->setCurrent(i == m_current, false);
}

} // namespace hexhub
