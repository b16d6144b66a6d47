#pragma once
// What the centre's desks build their detail panels from (the case panel, the custody panel): a
// time as the panels write it, a failure's text, a selectable wrapped fact, the panel's title, and
// the grid of action buttons whose keys are the list's.
#include <QDateTime>
#include <QFont>
#include <QGridLayout>
#include <QLabel>
#include <QList>
#include <QPushButton>
#include <QString>
#include <exception>

namespace hexhub::cases::parts {

//! "2026-07-16 14:30"; nothing for 0.
inline QString stamp(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

inline QString errorText(const std::exception& e)
{
    return QString::fromUtf8(e.what());
}

//! A fact of the panel: wrapped, selectable by mouse and keyboard, named `name`.
inline QLabel* wrapped(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

//! The panel's title ("title"): a wrapped fact in bold, a fifth larger.
inline QLabel* titleLabel(QWidget* parent)
{
    QLabel* title = wrapped(parent, QStringLiteral("title"));
    QFont big = title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title->setFont(big);
    return title;
}

/*!
 * A button named `name` calling `slot` of `panel`, put next in `grid` (`columns` a row) and on
 * `actions`. No mnemonic, no default: its key is the list's (M on a case, C on a person).
 */
template <typename Panel>
QPushButton* addActionButton(Panel* panel, QWidget* parent, QGridLayout* grid, QList<QPushButton*>& actions, int columns, const QString& name,
                             void (Panel::*slot)())
{
    auto* b = new QPushButton(parent);
    b->setObjectName(name);
    b->setAutoDefault(false);
    QObject::connect(b, &QPushButton::clicked, panel, slot);
    grid->addWidget(b, int(actions.size()) / columns, int(actions.size()) % columns);
    actions << b;
    return b;
}

} // namespace hexhub::cases::parts
