#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QApplication;

namespace hexhub::shell {

/*!
 * Day and night looks: a palette on the Fusion style (the rail and the status bar paint their own
 * parts; no application style sheet, which would slow every widget). Night is for control
 * rooms kept dark: low-glare surfaces, text well above WCAG AA contrast, no pure white.
 */
class Theme
{
public:
    enum class Kind { Day, Night };

    static Theme day();
    static Theme night();
    static Theme of(Kind kind) { return kind == Kind::Day ? day() : night(); }
    //! "day" or "night"; anything else reads as day.
    static Kind kindFromName(const QString& name);
    static QString name(Kind kind);

    Kind kind() const { return m_kind; }
    const QPalette& palette() const { return m_palette; }
    QColor railBackground() const { return m_rail; }
    QColor railText() const { return m_railText; }
    QColor iconColour() const { return m_icon; }
    QColor badge() const { return m_badge; }
    QColor ok() const { return m_ok; }
    QColor warning() const { return m_warning; }
    QColor danger() const { return m_danger; }

    //! Fusion style and this palette for the whole application, at run time.
    void apply(QApplication& app) const;

private:
    Kind m_kind = Kind::Day;
    QPalette m_palette;
    QColor m_rail, m_railText, m_icon, m_badge, m_ok, m_warning, m_danger;
};

} // namespace hexhub::shell
