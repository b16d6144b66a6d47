#pragma once
// The two small pictures of a hit's explanation: the waterfall of its score (each part added from
// where the last left off, the total at the end) and the graph of a ring (members round a circle,
// the identifiers that tie them inside, a line from each identifier to each member holding it).

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace hexhub::bigdata {

class WaterfallChart final : public QWidget
{
    Q_OBJECT
public:
    struct Part
    {
        QString label;
        double value = 0;
    };
    explicit WaterfallChart(QWidget* parent = nullptr);
    //! `parts` in the order they add up to `total`, counted in `unit`.
    void setParts(const QList<Part>& parts, double total, const QString& unit, const QString& totalLabel);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<Part> m_parts;
    double m_total = 0;
    QString m_unit, m_totalLabel;
};

class RingGraph final : public QWidget
{
    Q_OBJECT
public:
    struct Tie
    {
        QString member, column, value;
    };
    explicit RingGraph(QWidget* parent = nullptr);
    void setRing(const QStringList& members, const QList<Tie>& ties);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QStringList m_members;
    QList<Tie> m_ties;
};

} // namespace hexhub::bigdata
