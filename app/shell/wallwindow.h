#pragma once

#include "theme.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <functional>

class QGridLayout;
class QLabel;
class QScreen;

namespace hexhub::shell {

/*!
 * A screen turned into a wall: full screen, no window chrome, large type, the chosen panels in a grid,
 * night theme unless told otherwise. It is meant to be read from across a room, so the type size
 * follows the screen's height. Ctrl+W on the wall (or the palette on the desk) closes it.
 */
class WallWindow final : public QWidget
{
    Q_OBJECT
public:
    using PanelFactory = std::function<QWidget*(const QString& panel, QWidget* parent)>;
    using PanelTitle = std::function<QString(const QString& panel)>;

    WallWindow(QString screenName, QStringList panels, PanelFactory create, PanelTitle title, QWidget* parent = nullptr);
    ~WallWindow() override;

    QString screenName() const { return m_screen; }
    QStringList panels() const { return m_panels; }
    QWidget* panel(const QString& id) const { return m_widgets.value(id); }
    //! Panels shown as "not available" (the wall was made while nobody allowed was signed in).
    QStringList unavailablePanels() const { return m_unavailable; }
    //! Full screen on `screen`.
    void showOn(QScreen* screen);
    void setTheme(const Theme& theme);
    const Theme& theme() const { return m_theme; }
    //! The type size in pixels, from the wall's height (the height of its screen).
    int typeSize() const;

Q_SIGNALS:
    void closeRequested();

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retitle();
    void applyLook();

    QString m_screen;
    QStringList m_panels;
    PanelTitle m_title;
    Theme m_theme = Theme::night();
    QHash<QString, QWidget*> m_widgets;
    QHash<QString, QLabel*> m_titles;
    QLabel* m_banner;
    QStringList m_unavailable;
    int m_lookSize = 0;
};

} // namespace hexhub::shell
