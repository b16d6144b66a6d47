#include "trainingbanner.h"

#include <QApplication>
#include <QBoxLayout>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QPainter>
#include <QPainterPath>

namespace hexhub::shell {

namespace {

constexpr char kOverlay[] = "hexhub_training_overlay";
constexpr char kDockStrip[] = "hexhub_training_dock";

QColor amber() { return QColor(0xf2, 0xa9, 0x00); }
QColor ink() { return QColor(0x1a, 0x1a, 0x1a); }

// Places an overlay strip across the top of its window (the bottom of a floating panel, whose top
// is its title bar).
void fitOverlay(QWidget* window, TrainingStrip* strip)
{
    const int h = strip->sizeHint().height();
    strip->setGeometry(0, qobject_cast<QDockWidget*>(window) ? window->height() - h : 0, window->width(), h);
    strip->raise();
}

} // namespace

TrainingStrip::TrainingStrip(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_row(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("trainingStrip"));
    setAutoFillBackground(false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_row->setContentsMargins(36, 2, 8, 2);
    m_row->setSpacing(8);
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    QPalette palette = m_label->palette();
    palette.setColor(QPalette::WindowText, ink());
    m_label->setPalette(palette);
    m_label->setAccessibleName(QStringLiteral("training-banner"));
    m_label->setObjectName(QStringLiteral("trainingStripText"));
    // Dark on amber whatever the window's own style sheet says (a wall's light type, for one): a
    // widget's own sheet wins over those it inherits.
    setStyleSheet(QStringLiteral("QLabel#trainingStripText { color: #1a1a1a; background: transparent; }"));
    m_row->addWidget(m_label, 1);
    retranslate();
}

QString TrainingStrip::text() const
{
    return m_label->text();
}

void TrainingStrip::addWidget(QWidget* widget)
{
    widget->setParent(this);
    m_row->addWidget(widget);
}

void TrainingStrip::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void TrainingStrip::retranslate()
{
    m_label->setText(tr("Training - synthetic data"));
    setToolTip(tr("This desk runs on the demo store: everything here is synthetic, and every message it sends is marked as an exercise."));
}

void TrainingStrip::paintEvent(QPaintEvent*)
{
    // Amber with black hazard stripes at the left end: unmistakable in either theme.
    QPainter p(this);
    p.fillRect(rect(), amber());
    p.setRenderHint(QPainter::Antialiasing);
    p.setClipRect(QRect(0, 0, 28, height()));
    const int h = height();
    for (int x = -h; x < 28 + h; x += 12) {
        QPainterPath stripe;
        stripe.moveTo(x, h);
        stripe.lineTo(x + 6, h);
        stripe.lineTo(x + 6 + h, 0);
        stripe.lineTo(x + h, 0);
        stripe.closeSubpath();
        p.fillPath(stripe, ink());
    }
}

TrainingBanner::TrainingBanner(QObject* parent)
    : QObject(parent)
{
    qApp->installEventFilter(this);
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->isVisible())
            attach(w);
    }
}

TrainingBanner::~TrainingBanner()
{
    qApp->removeEventFilter(this);
}

TrainingStrip* TrainingBanner::stripOf(const QWidget* window)
{
    if (!window)
        return nullptr;
    if (auto* strip = window->findChild<TrainingStrip*>(QString(), Qt::FindDirectChildrenOnly))
        return strip;
    // A floating panel's strip sits in its content.
    if (auto* dock = qobject_cast<const QDockWidget*>(window); dock && dock->widget()) {
        auto* strip = dock->widget()->findChild<TrainingStrip*>(QString(), Qt::FindDirectChildrenOnly);
        if (strip && strip->property(kDockStrip).toBool())
            return strip;
    }
    return nullptr;
}

bool TrainingBanner::attach(QWidget* window)
{
    if (!window || !window->isWindow())
        return false;
    const Qt::WindowType type = window->windowType();
    auto* dock = qobject_cast<QDockWidget*>(window);
    if (type == Qt::Popup || type == Qt::ToolTip || type == Qt::SplashScreen || type == Qt::Desktop
        || (type == Qt::Tool && !dock) || window->testAttribute(Qt::WA_DontShowOnScreen))
        return false;
    if (stripOf(window))
        return true;
    auto* strip = new TrainingStrip;
    if (auto* main = qobject_cast<QMainWindow*>(window); main && !main->menuWidget()) {
        main->setMenuWidget(strip);
        strip->show(); // a child added to a window being shown stays hidden unless told
        return true;
    }
    if (auto* column = qobject_cast<QBoxLayout*>(window->layout());
        !dock && column && column->direction() == QBoxLayout::TopToBottom) {
        column->insertWidget(0, strip);
        strip->show();
        return true;
    }
    // A floating panel: at the top of its content when that is a column, shown while it floats
    // (docked, the main window's strip says it).
    if (dock && dock->widget()) {
        if (auto* inner = qobject_cast<QBoxLayout*>(dock->widget()->layout()); inner && inner->direction() == QBoxLayout::TopToBottom) {
            inner->insertWidget(0, strip);
            strip->setProperty(kDockStrip, true);
            connect(dock, &QDockWidget::topLevelChanged, strip, [strip](bool floating) { strip->setVisible(floating); });
            strip->setVisible(dock->isFloating());
            return true;
        }
    }
    // No column to join: a band over the window's edge that lets clicks through.
    strip->setParent(window);
    strip->setAttribute(Qt::WA_TransparentForMouseEvents);
    strip->setProperty(kOverlay, true);
    fitOverlay(window, strip);
    strip->show();
    if (dock) {
        // Docked again, the main window's strip says it: the band goes with the window.
        connect(dock, &QDockWidget::topLevelChanged, strip, [strip](bool floating) { strip->setVisible(floating); });
        strip->setVisible(dock->isFloating());
    }
    return true;
}

bool TrainingBanner::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Show || event->type() == QEvent::Resize) {
        if (auto* w = qobject_cast<QWidget*>(watched); w && w->isWindow()) {
            if (event->type() == QEvent::Show)
                attach(w);
            else if (TrainingStrip* strip = stripOf(w); strip && strip->property(kOverlay).toBool())
                fitOverlay(w, strip);
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace hexhub::shell
