#include "wallwindow.h"

#include "shelltr.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QVBoxLayout>
#include <QWindow>

#include <cmath>

namespace hexhub::shell {

WallWindow::WallWindow(QString screenName, QStringList panels, PanelFactory create, PanelTitle title, QWidget* parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint)
    , m_screen(std::move(screenName))
    , m_panels(std::move(panels))
    , m_title(std::move(title))
    , m_banner(new QLabel(this))
{
    setObjectName(QStringLiteral("wall"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    setAutoFillBackground(true);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(24, 16, 24, 24);
    column->setSpacing(16);
    m_banner->setObjectName(QStringLiteral("wallBanner"));
    column->addWidget(m_banner);
    auto* grid = new QGridLayout;
    grid->setSpacing(24);
    column->addLayout(grid, 1);
    const int n = int(m_panels.size());
    const int columns = std::max(1, int(std::ceil(std::sqrt(double(n)))));
    for (int i = 0; i < n; ++i) {
        const QString& id = m_panels[i];
        auto* frame = new QFrame(this);
        frame->setObjectName(QStringLiteral("wallPanel"));
        frame->setFrameShape(QFrame::StyledPanel);
        auto* inner = new QVBoxLayout(frame);
        auto* heading = new QLabel(frame);
        heading->setObjectName(QStringLiteral("wallPanelTitle"));
        inner->addWidget(heading);
        QWidget* widget = create ? create(id, frame) : nullptr;
        if (!widget) {
            widget = new QLabel(Tr::tr("This panel is not available here."), frame);
            widget->setEnabled(false);
        }
        inner->addWidget(widget, 1);
        m_widgets.insert(id, widget);
        m_titles.insert(id, heading);
        grid->addWidget(frame, i / columns, i % columns);
    }
    setTheme(Theme::night());
    retitle();
}

WallWindow::~WallWindow() = default;

void WallWindow::showOn(QScreen* screen)
{
    if (screen) {
        winId();
        windowHandle()->setScreen(screen);
        setGeometry(screen->geometry());
    }
    resizeType();
    showFullScreen();
}

void WallWindow::setTheme(const Theme& theme)
{
    m_theme = theme;
    setPalette(theme.palette());
    for (QLabel* heading : std::as_const(m_titles)) {
        QPalette p = heading->palette();
        p.setColor(QPalette::WindowText, theme.palette().color(QPalette::Highlight).lighter(theme.kind() == Theme::Kind::Night ? 130 : 100));
        heading->setPalette(p);
    }
}

int WallWindow::typeSize() const
{
    const QScreen* s = windowHandle() && windowHandle()->screen() ? windowHandle()->screen() : screen();
    const int height = s ? s->geometry().height() : 1080;
    // 1080 lines: 24 px; a 4K wall: 48 px; never under 18 px.
    return std::max(18, height / 45);
}

void WallWindow::resizeType()
{
    QFont f = font();
    f.setPixelSize(typeSize());
    setFont(f);
    QFont heading = f;
    heading.setPixelSize(typeSize() * 5 / 4);
    heading.setBold(true);
    for (QLabel* label : std::as_const(m_titles))
        label->setFont(heading);
    m_banner->setFont(heading);
}

void WallWindow::retitle()
{
    for (auto it = m_titles.begin(); it != m_titles.end(); ++it)
        it.value()->setText(m_title ? m_title(it.key()) : it.key());
    m_banner->setText(Tr::tr("Hexhub wall"));
    setWindowTitle(Tr::tr("Hexhub wall"));
}

void WallWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retitle();
    else if (event->type() == QEvent::ScreenChangeInternal)
        resizeType();
    QWidget::changeEvent(event);
}

void WallWindow::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Close) || (event->key() == Qt::Key_W && event->modifiers() == Qt::ControlModifier)) {
        Q_EMIT closeRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace hexhub::shell
