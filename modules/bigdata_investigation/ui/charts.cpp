// The waterfall of a hit's score and the graph of a ring (charts.h).
#include "charts.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QSet>

#include <cmath>

namespace hexhub::bigdata {

namespace {

QString number(double v)
{
    return std::abs(v) >= 100 ? QString::number(v, 'f', 0) : QString::number(v, 'f', std::abs(v) >= 10 ? 1 : 3);
}

// A colour per identifier column, the same in both themes (mid-lightness, readable on either).
QColor columnColour(int index)
{
    static const QColor colours[] = {QColor(0x2e, 0x86, 0xc1), QColor(0xd3, 0x54, 0x00), QColor(0x27, 0xae, 0x60),
                                     QColor(0x8e, 0x44, 0xad), QColor(0xc0, 0x39, 0x2b), QColor(0x16, 0xa0, 0x85)};
    return colours[index % int(std::size(colours))];
}

} // namespace

WaterfallChart::WaterfallChart(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("waterfall"));
    setMinimumHeight(120);
}

void WaterfallChart::setParts(const QList<Part>& parts, double total, const QString& unit, const QString& totalLabel)
{
    m_parts = parts;
    m_total = total;
    m_unit = unit;
    m_totalLabel = totalLabel;
    updateGeometry();
    update();
}

QSize WaterfallChart::sizeHint() const
{
    const int line = fontMetrics().height() + 8;
    return {360, line * int(m_parts.size() + 1) + 24};
}

void WaterfallChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    if (m_parts.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No breakdown"));
        return;
    }
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height() + 8;
    int labelWidth = fm.horizontalAdvance(m_totalLabel);
    for (const Part& part : std::as_const(m_parts))
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(part.label));
    labelWidth = std::min(labelWidth + 12, width() * 3 / 5);
    const int valueWidth = fm.horizontalAdvance(QStringLiteral("+0000.000")) + 8;
    const QRect plot(labelWidth, 4, std::max(40, width() - labelWidth - valueWidth - 8), line * int(m_parts.size() + 1));
    // The scale covers every running total, zero and the total.
    double lo = std::min(0.0, m_total), hi = std::max(0.0, m_total), run = 0;
    for (const Part& part : std::as_const(m_parts)) {
        run += part.value;
        lo = std::min(lo, run);
        hi = std::max(hi, run);
    }
    if (hi - lo < 1e-12)
        hi = lo + 1;
    const auto x = [&](double v) { return plot.left() + (v - lo) / (hi - lo) * plot.width(); };
    // Zero.
    p.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DashLine));
    p.drawLine(QPointF(x(0), plot.top()), QPointF(x(0), plot.bottom()));
    run = 0;
    const QColor up = QColor(0x27, 0xae, 0x60), down = QColor(0xc0, 0x39, 0x2b), total = pal.color(QPalette::Highlight);
    for (int i = 0; i <= m_parts.size(); ++i) {
        const bool isTotal = i == m_parts.size();
        const double from = isTotal ? 0 : run, to = isTotal ? m_total : run + m_parts[i].value;
        const int top = plot.top() + i * line + 3;
        const QRectF bar(QPointF(std::min(x(from), x(to)), top), QPointF(std::max(x(from), x(to)) + 1, top + line - 6));
        p.setPen(Qt::NoPen);
        p.setBrush(isTotal ? total : (to >= from ? up : down));
        p.drawRect(bar);
        // A thin line carries the running total to the next bar.
        if (!isTotal) {
            p.setPen(QPen(pal.color(QPalette::Mid), 1));
            p.drawLine(QPointF(x(to), top + line - 6), QPointF(x(to), top + line + 3));
        }
        p.setPen(pal.color(QPalette::WindowText));
        const QString label = isTotal ? m_totalLabel : m_parts[i].label;
        p.drawText(QRect(0, top - 3, labelWidth - 8, line), Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(label, Qt::ElideRight, labelWidth - 8));
        const double v = isTotal ? m_total : m_parts[i].value;
        p.drawText(QRect(plot.right() + 6, top - 3, valueWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                   (isTotal || v < 0 ? QString() : QStringLiteral("+")) + number(v));
        run = to;
    }
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRect(plot.left(), plot.bottom() + 2, plot.width(), fm.height() + 4), Qt::AlignCenter, m_unit);
}

RingGraph::RingGraph(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("ringGraph"));
    setMinimumSize(240, 240);
}

void RingGraph::setRing(const QStringList& members, const QList<Tie>& ties)
{
    m_members = members;
    m_ties = ties;
    update();
}

QSize RingGraph::sizeHint() const
{
    return {420, 420};
}

void RingGraph::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    if (m_members.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Not a ring"));
        return;
    }
    const QFontMetrics fm = fontMetrics();
    const int legend = fm.height() + 6;
    const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8 - legend);
    const QPointF centre = area.center();
    const double outer = std::min(area.width(), area.height()) / 2 - fm.height();
    // Members round the outside, in the order a walk through their identifiers meets them, so those
    // sharing an identifier sit side by side and the identifier between them.
    QHash<QString, QStringList> idsOf;   // member -> identifiers
    QHash<QString, QStringList> holdersOf; // identifier -> members
    for (const Tie& t : std::as_const(m_ties)) {
        const QString key = t.column + QChar(0x1f) + t.value;
        idsOf[t.member] << key;
        holdersOf[key] << t.member;
    }
    QStringList order;
    QSet<QString> placed, walked;
    for (const QString& start : std::as_const(m_members)) {
        if (placed.contains(start))
            continue;
        QStringList queue{start};
        placed.insert(start);
        for (qsizetype i = 0; i < queue.size(); ++i) {
            order << queue[i];
            QStringList ids = idsOf.value(queue[i]);
            // The smallest groups first: they are the tightest neighbours.
            std::sort(ids.begin(), ids.end(), [&](const QString& a, const QString& b) { return holdersOf.value(a).size() < holdersOf.value(b).size(); });
            for (const QString& id : std::as_const(ids)) {
                if (walked.contains(id))
                    continue;
                walked.insert(id);
                for (const QString& m : holdersOf.value(id))
                    if (!placed.contains(m)) {
                        placed.insert(m);
                        queue << m;
                    }
            }
        }
    }
    QHash<QString, QPointF> at;
    for (qsizetype i = 0; i < order.size(); ++i) {
        const double a = 2 * M_PI * double(i) / double(order.size()) - M_PI / 2;
        at.insert(order[i], centre + QPointF(std::cos(a), std::sin(a)) * outer);
    }
    // Identifiers inside, each at the mean place of the members holding it, pulled to the centre.
    QHash<QString, QList<QString>> holders; // column + value -> members
    QStringList columns;
    for (const Tie& t : std::as_const(m_ties)) {
        holders[t.column + QChar(0x1f) + t.value] << t.member;
        if (!columns.contains(t.column))
            columns << t.column;
    }
    for (auto it = holders.cbegin(); it != holders.cend(); ++it) {
        QPointF sum;
        for (const QString& m : it.value())
            sum += at.value(m, centre);
        // Near its members: a device of a few sits close to them, a proxy of many further in.
        const QPointF place = centre + (sum / double(it.value().size()) - centre) * 0.85;
        const int column = int(columns.indexOf(it.key().section(QChar(0x1f), 0, 0)));
        QColor c = columnColour(column);
        c.setAlpha(110);
        p.setPen(QPen(c, 1));
        for (const QString& m : it.value())
            p.drawLine(place, at.value(m, centre));
        p.setPen(Qt::NoPen);
        p.setBrush(columnColour(column));
        p.drawRect(QRectF(place - QPointF(3.5, 3.5), QSizeF(7, 7)));
    }
    // Members as dots, labelled when there is room.
    const bool labels = m_members.size() <= 24;
    p.setBrush(pal.color(QPalette::WindowText));
    for (const QString& m : std::as_const(m_members)) {
        const QPointF pt = at.value(m);
        p.setPen(Qt::NoPen);
        p.drawEllipse(pt, 3.5, 3.5);
        if (labels) {
            p.setPen(pal.color(QPalette::WindowText));
            const QString text = m.right(8);
            const QPointF dir = (pt - centre) / std::max(1.0, std::hypot(pt.x() - centre.x(), pt.y() - centre.y()));
            const QPointF label = pt + dir * (fm.height() * 0.9) - QPointF(fm.horizontalAdvance(text) / 2.0, -fm.ascent() / 2.0);
            p.drawText(label, text);
        }
    }
    // The legend: one colour per kind of identifier.
    double lx = 8;
    const double ly = height() - legend + 2;
    p.setPen(pal.color(QPalette::WindowText));
    for (qsizetype i = 0; i < columns.size(); ++i) {
        p.setBrush(columnColour(int(i)));
        p.setPen(Qt::NoPen);
        p.drawRect(QRectF(lx, ly + fm.height() / 2.0 - 4, 8, 8));
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QPointF(lx + 12, ly + fm.ascent()), columns[i]);
        lx += 24 + fm.horizontalAdvance(columns[i]);
    }
    const QString count = tr("%n member(s)", nullptr, int(m_members.size()));
    p.drawText(QRectF(0, ly - 2, width() - 8, legend), Qt::AlignRight | Qt::AlignVCenter, count);
}

} // namespace hexhub::bigdata
