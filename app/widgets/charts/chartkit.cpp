#include "chartkit.h"

#include <QFontInfo>
#include <QLabel>

#include <algorithm>

namespace hexhub::chartkit {

QCustomPlot* titledPlot(QWidget* parent, const QString& name)
{
    auto* plot = new QCustomPlot(parent);
    plot->setObjectName(name);
    plot->setInteractions({});
    plot->setAttribute(Qt::WA_OpaquePaintEvent, false); // what is behind it shows through
    plot->plotLayout()->insertRow(0);
    auto* title = new QCPTextElement(plot, QString());
    title->setObjectName(name + QStringLiteral("Title"));
    plot->plotLayout()->addElement(0, 0, title);
    plot->setMinimumHeight(150);
    return plot;
}

QCPTextElement* titleOf(QCustomPlot* plot)
{
    return plot->plotLayout()->rowCount() > 0 ? qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0)) : nullptr;
}

void bars(QCustomPlot* plot, const QList<double>& values, const QStringList& labels, const QColor& colour, bool horizontal)
{
    plot->clearPlottables();
    QCPAxis* key = horizontal ? plot->yAxis : plot->xAxis;
    QCPAxis* value = horizontal ? plot->xAxis : plot->yAxis;
    auto* bars = new QCPBars(key, value);
    QVector<double> keys, data;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (qsizetype i = 0; i < values.size(); ++i) {
        keys << double(i);
        data << values.at(i);
        if (i < labels.size())
            ticker->addTick(double(i), labels.at(i));
    }
    bars->setData(keys, data, true);
    bars->setPen(Qt::NoPen);
    bars->setBrush(colour);
    bars->setWidth(0.7);
    key->setTicker(ticker);
    key->setRange(-0.6, std::max<double>(double(values.size()), 1) - 0.4);
    const double top = values.isEmpty() ? 1 : *std::max_element(values.begin(), values.end());
    value->setRange(0, std::max(1.0, top * 1.15));
    // Counts are whole: ticks at 1, 2, 5, 10, ... never at 0.25.
    auto whole = QSharedPointer<QCPAxisTickerFixed>::create();
    whole->setTickStep(1);
    whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    value->setTicker(whole);
}

void style(QCustomPlot* plot, QWidget* probe, const QColor& textColour)
{
    probe->ensurePolished();
    const QColor text = textColour.isValid() ? textColour : probe->palette().color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(70);
    const int base = std::max(11, QFontInfo(probe->font()).pixelSize());
    QFont axisFont = probe->font();
    axisFont.setPixelSize(std::max(10, int(base * 0.7)));
    QFont titleFont = probe->font();
    titleFont.setPixelSize(std::max(11, int(base * 0.85)));
    titleFont.setBold(true);
    plot->setBackground(Qt::NoBrush); // what is behind shows: the desk's or the wall's panel
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->setTickLabelFont(axisFont);
        axis->setLabelFont(axisFont);
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
        axis->grid()->setZeroLinePen(Qt::NoPen); // a line through the first bar otherwise
    }
    if (QCPTextElement* title = titleOf(plot)) {
        title->setTextColor(text);
        title->setFont(titleFont);
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace hexhub::chartkit
