#include "figuretiles.h"

#include <QGridLayout>
#include <QLabel>

namespace hexhub {

FigureTiles::FigureTiles(int count, QWidget* parent) : QWidget(parent)
{
    auto* tiles = new QGridLayout(this);
    tiles->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < count; ++i) {
        auto* value = new QLabel(QStringLiteral("–"), this);
        value->setObjectName(QStringLiteral("figure%1").arg(i));
        QFont f = value->font();
        f.setPointSizeF(f.pointSizeF() * 2.4);
        f.setBold(true);
        value->setFont(f);
        value->setAlignment(Qt::AlignCenter);
        auto* caption = new QLabel(this);
        caption->setAlignment(Qt::AlignCenter);
        caption->setWordWrap(true);
        tiles->addWidget(value, 0, i);
        tiles->addWidget(caption, 1, i);
        m_values << value;
        m_captions << caption;
    }
}

void FigureTiles::setFigures(const QList<Figure>& figures)
{
    for (qsizetype i = 0; i < figures.size() && i < m_values.size(); ++i) {
        m_values[i]->setText(figures[i].value);
        m_captions[i]->setText(figures[i].caption);
        m_values[i]->setStyleSheet(figures[i].late ? QStringLiteral("color: #e67e22;") : QString());
    }
}

} // namespace hexhub
