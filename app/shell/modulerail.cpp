#include "modulerail.h"

#include "icons.h"
#include "shelltr.h"

#include <QButtonGroup>
#include <QKeyEvent>
#include <QPainter>
#include <QPaintEvent>
#include <QPainterPath>
#include <QStyleOptionFocusRect>
#include <QVBoxLayout>

namespace hexhub::shell {

namespace {
constexpr int kRailWidth = 100;
constexpr int kIconSize = 26;
} // namespace

RailButton::RailButton(RailEntry entry, QWidget* parent)
    : QAbstractButton(parent)
    , m_entry(std::move(entry))
{
    setCheckable(true);
    setFocusPolicy(Qt::StrongFocus);
    setEnabled(m_entry.enabled);
    setText(m_entry.name);
    setToolTip(m_entry.enabled ? m_entry.description
                               : m_entry.description + QStringLiteral("\n\n") + m_entry.whyDisabled);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setObjectName(QStringLiteral("rail-") + m_entry.id);
    setTheme(m_theme);
}

void RailButton::setBadge(int count)
{
    if (count == m_badge)
        return;
    m_badge = std::max(0, count);
    updateAccessibleText();
    update();
}

void RailButton::setTheme(const Theme& theme)
{
    m_theme = theme;
    m_icon = tintedIcon(m_entry.iconPath, theme.railText());
    updateAccessibleText();
    update();
}

void RailButton::updateAccessibleText()
{
    setAccessibleName(m_badge > 0 ? Tr::tr("%1, %n waiting", nullptr, m_badge).arg(m_entry.name) : m_entry.name);
}

QSize RailButton::sizeHint() const
{
    const QFontMetrics fm(font());
    // Icon, then up to two lines of the name under it.
    const int textWidth = kRailWidth - 12;
    const QRect text = fm.boundingRect(QRect(0, 0, textWidth, 200), Qt::AlignHCenter | Qt::TextWordWrap, m_entry.name);
    return {kRailWidth, 10 + kIconSize + 6 + std::max(fm.height(), text.height()) + 10};
}

void RailButton::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect r = rect();
    QColor background = m_theme.railBackground();
    if (isChecked())
        background = background.lighter(m_theme.kind() == Theme::Kind::Night ? 190 : 150);
    else if (underMouse() && isEnabled())
        background = background.lighter(125);
    p.fillRect(r, background);
    if (isChecked())
        p.fillRect(QRect(r.left(), r.top(), 4, r.height()), m_entry.colour);
    else
        p.fillRect(QRect(r.left(), r.top() + 8, 3, r.height() - 16), m_entry.colour.darker(isEnabled() ? 100 : 200));

    const QRect iconRect((r.width() - kIconSize) / 2, 10, kIconSize, kIconSize);
    m_icon.paint(&p, iconRect, Qt::AlignCenter, isEnabled() ? QIcon::Normal : QIcon::Disabled);

    QColor textColour = m_theme.railText();
    if (isChecked())
        textColour = textColour.lighter(125);
    if (!isEnabled())
        textColour.setAlphaF(0.45f);
    p.setPen(textColour);
    p.setFont(font()); // never bold: a bold long word would not fit the rail
    const QRect textRect(6, iconRect.bottom() + 6, r.width() - 12, r.height() - iconRect.bottom() - 10);
    p.drawText(textRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_entry.name);

    if (m_badge > 0) {
        const QString label = m_badge > 99 ? QStringLiteral("99+") : QString::number(m_badge);
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        small.setBold(true);
        const QFontMetrics fm(small);
        const int h = fm.height() + 2;
        const int w = std::max(h, fm.horizontalAdvance(label) + 8);
        const QRect badge(iconRect.right() - w / 2 + 4, iconRect.top() - 6, w, h);
        QPainterPath pill;
        pill.addRoundedRect(badge, h / 2.0, h / 2.0);
        p.fillPath(pill, m_theme.badge());
        p.setFont(small);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, label);
    }
    if (hasFocus()) {
        QPen focus(m_theme.railText(), 1, Qt::DashLine);
        p.setPen(focus);
        p.setBrush(Qt::NoBrush);
        p.drawRect(r.adjusted(2, 2, -3, -3));
    }
}

ModuleRail::ModuleRail(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
    , m_group(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("moduleRail"));
    setAttribute(Qt::WA_OpaquePaintEvent); // paintEvent() fills it all with the rail's band
    setFixedWidth(kRailWidth);
    m_layout->setContentsMargins(0, 4, 0, 4);
    m_layout->setSpacing(2);
    m_layout->addStretch();
    m_group->setExclusive(true);
    setAccessibleName(Tr::tr("Modules"));
}

void ModuleRail::setEntries(const QList<RailEntry>& entries)
{
    const QString previous = currentId();
    for (RailButton* b : std::as_const(m_order)) {
        m_group->removeButton(b);
        delete b;
    }
    m_order.clear();
    m_buttons.clear();
    for (const RailEntry& entry : entries) {
        auto* b = new RailButton(entry, this);
        b->setTheme(m_theme);
        m_layout->insertWidget(m_layout->count() - 1, b);
        m_group->addButton(b);
        m_buttons.insert(entry.id, b);
        m_order << b;
        connect(b, &QAbstractButton::toggled, this, [this, id = entry.id](bool on) {
            if (on)
                Q_EMIT currentChanged(id);
        });
    }
    if (!setCurrent(previous)) {
        for (RailButton* b : std::as_const(m_order)) {
            if (b->isEnabled() && setCurrent(b->entry().id))
                break;
        }
    }
}

QStringList ModuleRail::ids() const
{
    QStringList ids;
    for (RailButton* b : m_order)
        ids << b->entry().id;
    return ids;
}

QString ModuleRail::currentId() const
{
    auto* b = qobject_cast<RailButton*>(m_group->checkedButton());
    return b ? b->entry().id : QString();
}

bool ModuleRail::setCurrent(const QString& id)
{
    RailButton* b = m_buttons.value(id);
    if (!b || !b->isEnabled())
        return false;
    b->setChecked(true);
    return true;
}

void ModuleRail::setBadge(const QString& id, int count)
{
    if (RailButton* b = m_buttons.value(id))
        b->setBadge(count);
}

int ModuleRail::badge(const QString& id) const
{
    RailButton* b = m_buttons.value(id);
    return b ? b->badge() : 0;
}

void ModuleRail::setTheme(const Theme& theme)
{
    m_theme = theme;
    for (RailButton* b : std::as_const(m_order))
        b->setTheme(theme);
    update();
}

void ModuleRail::paintEvent(QPaintEvent* event)
{
    // The rail's own dark band in either theme, painted here rather than by an application style
    // sheet, which would make every widget of the desk slower to lay out and paint.
    QPainter painter(this);
    painter.fillRect(event->rect(), m_theme.railBackground());
}

void ModuleRail::keyPressEvent(QKeyEvent* event)
{
    if (event->key() != Qt::Key_Up && event->key() != Qt::Key_Down) {
        QWidget::keyPressEvent(event);
        return;
    }
    const int step = event->key() == Qt::Key_Down ? 1 : -1;
    const int count = int(m_order.size());
    int index = int(m_order.indexOf(qobject_cast<RailButton*>(m_group->checkedButton())));
    for (int tries = 0; tries < count; ++tries) {
        index = (index + step + count) % count;
        if (m_order[index]->isEnabled()) {
            m_order[index]->setChecked(true);
            m_order[index]->setFocus(Qt::TabFocusReason);
            break;
        }
    }
}

} // namespace hexhub::shell
