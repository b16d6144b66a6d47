#include "theme.h"

#include <QApplication>
#include <QStyleFactory>

namespace hexhub::shell {

namespace {

QPalette makePalette(QColor window, QColor base, QColor alternate, QColor text, QColor button, QColor highlight,
                     QColor highlightedText, QColor disabledText, QColor link)
{
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, highlightedText);
    p.setColor(QPalette::Link, link);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    return p;
}

} // namespace

Theme Theme::day()
{
    Theme t;
    t.m_kind = Kind::Day;
    t.m_palette = makePalette(QColor(0xf3, 0xf4, 0xf6), Qt::white, QColor(0xf7, 0xf8, 0xfa), QColor(0x1c, 0x22, 0x2b),
                              QColor(0xe8, 0xea, 0xee), QColor(0x1f, 0x5f, 0xbf), Qt::white, QColor(0x8a, 0x91, 0x9c),
                              QColor(0x1f, 0x5f, 0xbf));
    t.m_rail = QColor(0x23, 0x2a, 0x35);
    t.m_railText = QColor(0xe6, 0xe9, 0xee);
    t.m_icon = QColor(0x1c, 0x22, 0x2b);
    t.m_badge = QColor(0xc0, 0x39, 0x2b);
    t.m_ok = QColor(0x1e, 0x7e, 0x34);
    t.m_warning = QColor(0xa6, 0x61, 0x00);
    t.m_danger = QColor(0xb0, 0x2a, 0x1e);
    return t;
}

Theme Theme::night()
{
    Theme t;
    t.m_kind = Kind::Night;
    t.m_palette = makePalette(QColor(0x14, 0x18, 0x1f), QColor(0x1b, 0x21, 0x2a), QColor(0x20, 0x27, 0x31),
                              QColor(0xd7, 0xdc, 0xe3), QColor(0x25, 0x2d, 0x38), QColor(0x2f, 0x6f, 0xd0),
                              QColor(0xf2, 0xf4, 0xf7), QColor(0x6b, 0x74, 0x80), QColor(0x7a, 0xb0, 0xff));
    t.m_rail = QColor(0x0e, 0x11, 0x16);
    t.m_railText = QColor(0xc9, 0xcf, 0xd8);
    t.m_icon = QColor(0xd7, 0xdc, 0xe3);
    t.m_badge = QColor(0xe0, 0x4f, 0x3f);
    t.m_ok = QColor(0x4c, 0xc2, 0x6b);
    t.m_warning = QColor(0xf0, 0xa5, 0x3a);
    t.m_danger = QColor(0xff, 0x6b, 0x5b);
    return t;
}

Theme::Kind Theme::kindFromName(const QString& name)
{
    return name == QLatin1String("night") ? Kind::Night : Kind::Day;
}

QString Theme::name(Kind kind)
{
    return kind == Kind::Night ? QStringLiteral("night") : QStringLiteral("day");
}

void Theme::apply(QApplication& app) const
{
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(fusion);
    // No application style sheet: one, however small, makes every widget slower to polish, lay out
    // and paint (a tenth of a desk's start). The rail and the status bar paint their own looks.
    app.setPalette(m_palette);
}

} // namespace hexhub::shell
