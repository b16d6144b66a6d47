#pragma once
// The row of large figures a centre's wall shows across the room: a value in big type over its
// caption, each named "figure<i>" (tests, pictures); a figure can be marked late.
#include "hexhubwidgets_export.h"

#include <QList>
#include <QWidget>

class QLabel;

namespace hexhub {

class HEXHUB_WIDGETS_EXPORT FigureTiles final : public QWidget
{
    Q_OBJECT
public:
    struct Figure
    {
        QString value;
        QString caption;
        bool late = false; //!< shown in the warning colour: something overdue
    };
    //! `count` figures, "–" until set.
    explicit FigureTiles(int count, QWidget* parent = nullptr);
    //! Sets the figures in order (as many as there are tiles; missing ones keep what they show).
    void setFigures(const QList<Figure>& figures);
    QLabel* value(int i) const { return m_values.value(i); }

private:
    QList<QLabel*> m_values;
    QList<QLabel*> m_captions;
};

} // namespace hexhub
