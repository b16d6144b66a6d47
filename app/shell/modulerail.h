#pragma once

#include "theme.h"

#include <QAbstractButton>
#include <QColor>
#include <QHash>
#include <QList>
#include <QWidget>

class QButtonGroup;
class QVBoxLayout;

namespace hexhub::shell {

//! One module as the rail shows it.
struct RailEntry
{
    QString id;
    QString name;          //!< translated
    QString description;   //!< translated; the tooltip
    QColor colour;
    QString iconPath;
    bool enabled = true;   //!< false: the signed-in role may not use it (shown grey)
    QString whyDisabled;
};

//! A module's button on the rail: its icon and name, its colour as a stripe, a badge of waiting items.
class RailButton final : public QAbstractButton
{
    Q_OBJECT
public:
    RailButton(RailEntry entry, QWidget* parent = nullptr);
    const RailEntry& entry() const { return m_entry; }
    void setBadge(int count);
    int badge() const { return m_badge; }
    void setTheme(const Theme& theme);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void updateAccessibleText();

    RailEntry m_entry;
    int m_badge = 0;
    Theme m_theme = Theme::day();
    QIcon m_icon;
};

/*!
 * The module rail down the left of the main window: the hub and the six centres, one button each,
 * exactly one current. Up and Down move between modules when the rail has focus.
 */
class ModuleRail final : public QWidget
{
    Q_OBJECT
public:
    explicit ModuleRail(QWidget* parent = nullptr);

    void setEntries(const QList<RailEntry>& entries);
    QStringList ids() const;
    QString currentId() const;
    //! Makes `id` current (when it is enabled) and says so through currentChanged.
    bool setCurrent(const QString& id);
    void setBadge(const QString& id, int count);
    int badge(const QString& id) const;
    RailButton* button(const QString& id) const { return m_buttons.value(id); }
    void setTheme(const Theme& theme);

Q_SIGNALS:
    void currentChanged(const QString& id);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    QVBoxLayout* m_layout;
    QButtonGroup* m_group;
    QHash<QString, RailButton*> m_buttons;
    QList<RailButton*> m_order;
    Theme m_theme = Theme::day();
};

} // namespace hexhub::shell
