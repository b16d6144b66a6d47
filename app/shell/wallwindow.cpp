#include "wallwindow.h"

#include "panels.h"
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
    // A wall opening (a screen plugged in, a workspace or another role's walls) never takes the
    // keyboard from the operator's window: the window manager is asked not to activate it.
    setAttribute(Qt::WA_ShowWithoutActivating);
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
            m_unavailable << id;
            widget = new QLabel(Tr::tr("This panel is not available here."), frame);
            widget->setEnabled(false);
        }
        inner->addWidget(widget, 1);
        m_widgets.insert(id, widget);
        m_titles.insert(id, heading);
        // The last panel takes what is left of its row: no empty cell on a wall.
        const int span = i == n - 1 ? columns - i % columns : 1;
        grid->addWidget(frame, i / columns, i % columns, 1, span);
    }
    // Equal columns and rows: a panel's content does not squeeze its neighbours.
    for (int c = 0; c < columns; ++c)
        grid->setColumnStretch(c, 1);
    for (int r = 0; r < (n + columns - 1) / columns; ++r)
        grid->setRowStretch(r, 1);
    setTheme(Theme::night());
    retitle();
}

WallWindow::~WallWindow() = default;

void WallWindow::showOn(QScreen* screen)
{
    winId();
    // Shown without activation (the window manager told so by a user time of 0): a wall opening
    // never takes the keyboard from the operator's window. Set on the window too: it exists already.
    windowHandle()->setProperty("_q_showWithoutActivating", true);
    if (screen) {
        windowHandle()->setScreen(screen);
        setGeometry(screen->geometry());
    }
    applyLook();
    // Not showFullScreen(): it activates the window after showing it.
    setWindowState((windowState() & ~(Qt::WindowMinimized | Qt::WindowMaximized)) | Qt::WindowFullScreen);
    setVisible(true);
}

void WallWindow::setTheme(const Theme& theme)
{
    m_theme = theme;
    for (DeadlineList* list : findChildren<DeadlineList*>())
        list->setTheme(theme);
    applyLook();
}

int WallWindow::typeSize() const
{
    // The wall fills its screen: 1080 lines give 24 px type, a 4K wall 48 px; never under 18 px.
    return std::max(18, height() / 45);
}

void WallWindow::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_lookSize != typeSize())
        applyLook();
}

void WallWindow::applyLook()
{
    // A style sheet of the wall's own rather than a palette and a font: it reaches every panel the
    // wall holds, whatever the panel sets on itself, and everything on a wall must be large.
    const QPalette& p = m_theme.palette();
    const int size = typeSize();
    m_lookSize = size;
    setStyleSheet(QStringLiteral(
                      "hexhub--shell--WallWindow { background: %1; }"
                      "hexhub--shell--WallWindow * { font-size: %2px; color: %3; }"
                      "hexhub--shell--WallWindow QListWidget, hexhub--shell--WallWindow QTreeView,"
                      " hexhub--shell--WallWindow QTableView { background: %4; border: none; }"
                      // Lists with headers and tabs a panel brings (the joint investigations): the
                      // wall's colours, not the day theme's white under the wall's light text.
                      "hexhub--shell--WallWindow QHeaderView::section { background: %9; border: none; border-right: 1px solid %6;"
                      " padding: 2px 6px; }"
                      "hexhub--shell--WallWindow QTabWidget::pane { border: 1px solid %6; }"
                      "hexhub--shell--WallWindow QTabBar::tab { background: %9; border: 1px solid %6; padding: 4px 12px; }"
                      "hexhub--shell--WallWindow QTabBar::tab:selected { background: %4; border-bottom-color: %4; }"
                      "hexhub--shell--WallWindow QFrame#wallPanel { background: %5; border: 1px solid %6; border-radius: 6px; }"
                      "hexhub--shell--WallWindow QLabel#wallPanelTitle, hexhub--shell--WallWindow QLabel#wallBanner"
                      " { font-size: %7px; font-weight: bold; color: %8; background: transparent; }"
                      "hexhub--shell--WallWindow QLabel { background: transparent; }"
                      // Controls a panel brings (the video's layout, its buttons): the wall's own
                      // colours, not the day theme's light buttons under the wall's light text.
                      "hexhub--shell--WallWindow QPushButton, hexhub--shell--WallWindow QComboBox,"
                      " hexhub--shell--WallWindow QLineEdit { background: %9; border: 1px solid %6; border-radius: 4px;"
                      " padding: 2px 10px; }"
                      "hexhub--shell--WallWindow QPushButton:focus, hexhub--shell--WallWindow QComboBox:focus"
                      " { border: 1px solid %8; }"
                      "hexhub--shell--WallWindow QComboBox QAbstractItemView { background: %4; selection-background-color: %10; }")
                      .arg(p.color(QPalette::Window).name())
                      .arg(size)
                      .arg(p.color(QPalette::WindowText).name(), p.color(QPalette::Base).name(), p.color(QPalette::AlternateBase).name(),
                           p.color(QPalette::Mid).name())
                      .arg(size * 5 / 4)
                      .arg(p.color(QPalette::Highlight).lighter(m_theme.kind() == Theme::Kind::Night ? 140 : 100).name())
                      .arg(p.color(QPalette::Button).name(), p.color(QPalette::Highlight).name()));
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
