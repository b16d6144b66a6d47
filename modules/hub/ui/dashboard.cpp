#include "dashboard.h"

#include "base/clock.h"
#include "bus/eventbus.h"
#include "store/sql.h"
#include "store/store.h"
#include "base/whenfinished.h"

#include <QEvent>
#include <QFontInfo>
#include <QFontMetrics>
#include <QResizeEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSqlQuery>
#include <QTimer>
#include <QVBoxLayout>

#include "chartkit.h"

#include <algorithm>
#include <cmath>

namespace hexhub::hub {

namespace {

constexpr qint64 kHour = 3600 * 1000;

DashboardFigures readFigures(Sql& sql)
{
    DashboardFigures f;
    f.at = sql.clock().nowMs();
    const qint64 since = f.at - 24 * kHour;
    f.perHour = QList<int>(24, 0);
    // The hour as a column of a subquery: PostgreSQL does not take two bound expressions for one.
    QSqlQuery q = sql.exec(QStringLiteral("SELECT h, COUNT(*) FROM (SELECT (created_at - ?) / ? AS h FROM hub_incidents "
                                          "WHERE created_at >= ?) t GROUP BY h"),
                           {since, kHour, since});
    while (q.next()) {
        const int hour = q.value(0).toInt();
        if (hour >= 0 && hour < 24)
            f.perHour[hour] = q.value(1).toInt();
    }
    q = sql.exec(QStringLiteral("SELECT arrived_at - created_at FROM hub_incidents WHERE created_at >= ? AND arrived_at IS NOT NULL "
                                "ORDER BY created_at DESC LIMIT 20000"),
                 {since});
    while (q.next())
        f.responseMinutes << q.value(0).toLongLong() / 60000.0;
    q = sql.exec(QStringLiteral("SELECT category, COUNT(*) FROM hub_incidents WHERE created_at >= ? GROUP BY category "
                                "ORDER BY COUNT(*) DESC, category"),
                 {since});
    while (q.next())
        f.byCategory << qMakePair(q.value(0).toString(), q.value(1).toInt());
    q = sql.exec(QStringLiteral("SELECT status, COUNT(*) FROM hub_units GROUP BY status"));
    while (q.next())
        f.unitsByStatus << qMakePair(q.value(0).toString(), q.value(1).toInt());
    f.openIncidents = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE status IN ('new', 'dispatched', 'on_scene')")).toInt();
    f.openP1 = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_incidents WHERE status IN ('new', 'dispatched', 'on_scene') "
                                         "AND priority = 1")).toInt();
    const QDate today = sql.clock().now().date();
    const qint64 yearStart = QDateTime(QDate(today.year(), 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    f.operationsThisYear = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_operations WHERE go_at >= ?"), {yearStart}).toInt();
    f.operationsRunning = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_operations WHERE status = 'running'")).toInt();
    f.responseTargetsMissed = sql.scalar(
        QStringLiteral("SELECT COUNT(*) FROM hub_incidents i JOIN hub_categories c ON c.id = i.category "
                       "WHERE i.created_at >= ? AND ((i.arrived_at IS NOT NULL AND i.arrived_at - i.created_at > c.response_target_s * 1000) "
                       "OR (i.arrived_at IS NULL AND i.status IN ('new', 'dispatched') AND ? - i.created_at > c.response_target_s * 1000))"),
        {since, f.at}).toInt();
    return f;
}

} // namespace

QPair<double, double> medianAnd90th(QList<double> values)
{
    if (values.isEmpty())
        return {0, 0};
    std::sort(values.begin(), values.end());
    const auto rank = [&](double p) {
        const qsizetype index = std::max<qsizetype>(0, qsizetype(std::ceil(p * double(values.size()))) - 1);
        return values.at(std::min(index, values.size() - 1));
    };
    return {rank(0.5), rank(0.9)};
}

Dashboard::Dashboard(HubContext& hub, QWidget* parent)
    : QWidget(parent)
    , m_hub(hub)
{
    setObjectName(QStringLiteral("hub.dashboard"));
    auto* layout = new QVBoxLayout(this);
    // The tiles above the charts in a tall place (a dock), beside them in a wide one (a wall's row).
    m_body = new QBoxLayout(QBoxLayout::TopToBottom);
    layout->addLayout(m_body, 1);
    auto* tiles = new QGridLayout;
    for (int i = 0; i < 6; ++i) {
        auto* value = new QLabel(QStringLiteral("-"), this);
        value->setObjectName(QStringLiteral("tile%1").arg(i));
        // A value sits on its caption, whatever height the tiles are given.
        value->setAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        auto* caption = new QLabel(this);
        caption->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        caption->setWordWrap(true);
        // Three across and two down, so the tiles fit a wall panel a third of a screen wide.
        tiles->addWidget(value, (i / 3) * 2, i % 3);
        tiles->addWidget(caption, (i / 3) * 2 + 1, i % 3);
        m_tileValues << value;
        m_tileCaptions << caption;
    }
    m_body->addLayout(tiles);
    auto* plots = new QGridLayout;
    m_perHour = makePlot(QStringLiteral("perHour"));
    m_response = makePlot(QStringLiteral("response"));
    m_categories = makePlot(QStringLiteral("categories"));
    m_units = makePlot(QStringLiteral("units"));
    plots->addWidget(m_perHour, 0, 0);
    plots->addWidget(m_response, 0, 1);
    plots->addWidget(m_categories, 1, 0);
    plots->addWidget(m_units, 1, 1);
    m_body->addLayout(plots, 1);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    m_reload = new QTimer(this);
    m_reload->setSingleShot(true);
    m_reload->setInterval(2000);
    connect(m_reload, &QTimer::timeout, this, &Dashboard::reload);
    m_subscription = m_hub.bus.subscribe(QStringLiteral("*"), this, [this](const Event& e) {
        if ((e.topic.startsWith(QLatin1String("incident.")) || e.topic.startsWith(QLatin1String("unit."))
             || e.topic.startsWith(QLatin1String("operation.")))
            && !m_reload->isActive())
            m_reload->start();
    });
    auto* minute = new ClockTimer(m_hub.clock, this);
    minute->setInterval(60 * 1000);
    connect(minute, &ClockTimer::timeout, this, &Dashboard::reload);
    minute->start();

    whenFinished(this, m_hub.incidents.categories(), [this](QFuture<QList<IncidentCategory>> done) {
        try {
            for (const IncidentCategory& c : done.result())
                m_categoryNames.insert(c.id, c.displayName());
        } catch (const std::exception&) {
            // The ids show instead; the next reload tries again.
        }
        reload();
    });
    style();
}

Dashboard::~Dashboard()
{
    m_hub.bus.unsubscribe(m_subscription);
}

QCustomPlot* Dashboard::makePlot(const QString& name)
{
    auto* plot = new QCustomPlot(this);
    plot->setObjectName(name);
    plot->setAttribute(Qt::WA_OpaquePaintEvent, false);
    plot->setMinimumSize(120, 80); // four of them fit a 1366 x 768 wall beside other panels
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, QString()));
    plot->setNoAntialiasingOnDrag(true);
    // The plotting area is known once the chart is laid out: fit again when a layout moved it (a
    // title on two lines, wider tick labels), a few times at most after each resize.
    connect(plot, &QCustomPlot::afterReplot, this, [this] {
        QList<QRect> rects;
        for (QCustomPlot* p : {m_perHour, m_response, m_categories, m_units})
            rects << (p ? p->axisRect()->rect() : QRect());
        if (rects != m_fittedRects && m_refits < 3) {
            ++m_refits;
            fitToSize();
        }
    });
    return plot;
}

void Dashboard::reload()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    whenFinished(this, m_hub.store.read([](Sql& sql) { return readFigures(sql); }), [this](QFuture<DashboardFigures> done) {
        m_busy = false;
        try {
            show(done.result());
            m_error->hide();
        } catch (const std::exception& e) {
            m_error->setText(tr("The dashboard cannot be read: %1").arg(QString::fromUtf8(e.what())));
            m_error->show();
        }
        if (std::exchange(m_again, false))
            reload();
    });
}

void Dashboard::show(const DashboardFigures& f)
{
    m_figures = f;
    const auto [median, p90] = medianAnd90th(f.responseMinutes);
    int available = 0;
    int total = 0;
    for (const auto& [status, n] : f.unitsByStatus) {
        total += n;
        if (status == QLatin1String("available"))
            available = n;
    }
    const QStringList values{QString::number(f.openIncidents), QString::number(f.openP1),
                             tr("%1 / %2").arg(available).arg(total),
                             f.responseMinutes.isEmpty() ? QStringLiteral("-") : tr("%1 min").arg(median, 0, 'f', 1),
                             QString::number(f.operationsThisYear), QString::number(f.responseTargetsMissed)};
    const QStringList captions{tr("Open incidents"), tr("P1 open"), tr("Units available"), tr("Median response, 24 h"),
                               tr("Operations this year (%1 running)").arg(f.operationsRunning),
                               tr("Response targets missed, 24 h")};
    for (int i = 0; i < 6; ++i) {
        m_tileValues[i]->setText(values[i]);
        m_tileCaptions[i]->setText(captions[i]);
    }

    const QColor accent = palette().color(QPalette::Highlight);
    // Incidents per hour: the hour each bar ends, on the clock of this desk.
    QList<double> perHour;
    QStringList hours;
    for (int h = 0; h < 24; ++h) {
        perHour << f.perHour.value(h);
        const QDateTime end = QDateTime::fromMSecsSinceEpoch(f.at - (23 - h) * kHour, Qt::UTC).toLocalTime();
        hours << (h % 6 == 5 ? end.toString(QStringLiteral("HH:00")) : QString());
    }
    chartkit::bars(m_perHour, perHour, hours, accent, false);
    static_cast<QCPTextElement*>(m_perHour->plotLayout()->element(0, 0))->setText(tr("Incidents per hour, last 24 hours"));

    // Response times in 2-minute buckets up to an hour, with the median and the 90th percentile.
    QList<double> buckets(30, 0);
    for (double m : f.responseMinutes)
        buckets[std::clamp(int(m / 2), 0, 29)] += 1;
    QStringList bucketLabels;
    for (int b = 0; b < 30; ++b)
        bucketLabels << (b % 5 == 0 ? QString::number(b * 2) : QString());
    chartkit::bars(m_response, buckets, bucketLabels, QColor(0x27, 0xae, 0x60), false);
    m_response->clearItems();
    for (const auto& [minutes, colour] : {qMakePair(median, QColor(0xe6, 0x7e, 0x22)), qMakePair(p90, QColor(0xd6, 0x30, 0x31))}) {
        if (f.responseMinutes.isEmpty())
            break;
        auto* line = new QCPItemStraightLine(m_response);
        const double x = std::min(minutes / 2.0, 29.4);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setPen(QPen(colour, 2, Qt::DashLine));
    }
    m_response->xAxis->setLabel(tr("minutes to the first unit on scene"));
    m_responseTitle = f.responseMinutes.isEmpty() ? tr("Response time, 24 h: no arrivals yet")
                                                  : tr("Response time, 24 h: median %1 min, 90th percentile %2 min")
                                                        .arg(median, 0, 'f', 1)
                                                        .arg(p90, 0, 'f', 1);
    static_cast<QCPTextElement*>(m_response->plotLayout()->element(0, 0))->setText(m_responseTitle);

    drawCategories(m_categoryRows);
    static_cast<QCPTextElement*>(m_categories->plotLayout()->element(0, 0))->setText(tr("Incidents by category, 24 h"));

    QList<double> units;
    QStringList statuses;
    for (UnitStatus s : {UnitStatus::Available, UnitStatus::EnRoute, UnitStatus::OnScene, UnitStatus::Busy, UnitStatus::OffDuty}) {
        int n = 0;
        for (const auto& [status, count] : f.unitsByStatus) {
            if (status == unitStatusId(s))
                n = count;
        }
        units << n;
        statuses << unitStatusName(s);
    }
    chartkit::bars(m_units, units, statuses, QColor(0x8e, 0x44, 0xad), false);
    static_cast<QCPTextElement*>(m_units->plotLayout()->element(0, 0))->setText(tr("Units by status"));

    style();
    m_loaded = true;
    Q_EMIT loaded();
}

void Dashboard::style()
{
    // Sizes and colours follow the dashboard's surroundings: a desk's palette and type, or a wall's
    // style sheet (large type, night colours), read from a polished label with no style of its own
    // (the captions and values have theirs, set here).
    QLabel* probe = m_error;
    probe->ensurePolished();
    const QColor text = probe->palette().color(QPalette::WindowText);
    const int base = std::max(11, QFontInfo(probe->font()).pixelSize());
    for (int i = 0; i < m_tileValues.size(); ++i) {
        const bool alarm = (i == 1 && m_figures.openP1 > 0) || (i == 5 && m_figures.responseTargetsMissed > 0);
        // Its own style sheet, so it wins over a wall's "everything this size" rule.
        m_tileValues[i]->setStyleSheet(QStringLiteral("font-size: %1px; font-weight: bold; color: %2;")
                                           .arg(int(base * 1.9))
                                           .arg(alarm ? QStringLiteral("#d63031") : text.name()));
        // Captions a little smaller than the panel's type: the charts below need the height.
        m_tileCaptions[i]->setStyleSheet(QStringLiteral("font-size: %1px;").arg(std::max(11, int(base * 0.8))));
    }
    for (QCustomPlot* plot : {m_perHour, m_response, m_categories, m_units})
        chartkit::style(plot, probe);
    fitToSize();
}

void Dashboard::drawCategories(int rows)
{
    // Largest first; what does not fit as a row of its own is summed as "Other".
    QList<std::pair<QString, int>> byCount = m_figures.byCategory;
    std::stable_sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    QList<double> counts;
    QStringList names;
    const qsizetype shown = rows < 0 || byCount.size() <= rows ? byCount.size() : std::max(1, rows - 1);
    int other = 0;
    for (qsizetype i = 0; i < byCount.size(); ++i) {
        if (i < shown) {
            counts << byCount[i].second;
            names << m_categoryNames.value(byCount[i].first, byCount[i].first);
        } else {
            other += byCount[i].second;
        }
    }
    if (shown < byCount.size()) {
        counts << other;
        names << tr("%n more categories", nullptr, int(byCount.size() - shown));
    }
    chartkit::bars(m_categories, counts, names, QColor(0x2e, 0x86, 0xde), true);
    m_categories->yAxis->setRangeReversed(true);
}

void Dashboard::fitToSize()
{
    const int wanted = std::max(11, QFontInfo(m_tileCaptions.first()->font()).pixelSize());
    // Titles: on one line at the caption's size; else on two lines, broken after the first ": ";
    // smaller only when even that does not fit.
    for (QCustomPlot* plot : {m_perHour, m_response, m_categories, m_units}) {
        auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
        if (!title || title->text().isEmpty())
            continue;
        QString text = plot == m_response && !m_responseTitle.isEmpty() ? m_responseTitle : title->text();
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        QFont f = title->font();
        f.setPixelSize(wanted);
        const int room = plot->width() - 8;
        const auto widest = [](const QFont& font, const QString& lines) {
            int w = 0;
            for (const QString& line : lines.split(QLatin1Char('\n')))
                w = std::max(w, QFontMetrics(font).horizontalAdvance(line));
            return w;
        };
        if (widest(f, text) > room && text.contains(QLatin1String(": ")))
            text.replace(text.indexOf(QLatin1String(": ")), 2, QStringLiteral(":\n"));
        while (f.pixelSize() > 9 && widest(f, text) > room)
            f.setPixelSize(f.pixelSize() - 1);
        title->setText(text);
        title->setFont(f);
        const bool narrow = plot->width() < 420;
        for (QCPAxis* axis : {m_units->xAxis, m_perHour->xAxis})
            axis->setTickLabelRotation(narrow ? 40 : 0);
    }
    // As many value ticks as there is room for: a tick label's height and a half between them.
    const QFontMetrics axis(m_perHour->yAxis->tickLabelFont());
    for (QCustomPlot* plot : {m_perHour, m_response, m_units}) {
        const int room = std::max(1, plot->axisRect()->height());
        plot->yAxis->ticker()->setTickCount(std::clamp(room / int(axis.height() * 2.5), 2, 6));
    }
    // Counts across, as many as fit side by side.
    m_categories->xAxis->ticker()->setTickCount(
        std::clamp(std::max(1, m_categories->axisRect()->width()) / (axis.horizontalAdvance(QStringLiteral("0000")) * 2), 2, 6));
    // The categories that fit as rows at the axis' type, at least three.
    const int rows = std::max(3, std::max(1, m_categories->axisRect()->height()) / int(axis.height() * 1.3));
    if (rows != m_categoryRows) {
        m_categoryRows = rows;
        drawCategories(rows);
    }
    // The response chart's axis label fits its width, smaller when it must.
    QFont label = m_response->xAxis->labelFont();
    label.setPixelSize(m_perHour->yAxis->tickLabelFont().pixelSize());
    while (label.pixelSize() > 9
           && QFontMetrics(label).horizontalAdvance(m_response->xAxis->label()) > m_response->axisRect()->width())
        label.setPixelSize(label.pixelSize() - 1);
    m_response->xAxis->setLabelFont(label);
    m_fittedRects.clear();
    for (QCustomPlot* plot : {m_perHour, m_response, m_categories, m_units}) {
        m_fittedRects << plot->axisRect()->rect();
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void Dashboard::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const bool wide = width() > 1.6 * height();
    m_body->setDirection(wide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    m_body->setStretch(0, wide ? 2 : 0); // the tiles
    m_body->setStretch(1, wide ? 3 : 1); // the charts
    m_refits = 0;
    fitToSize();
}

void Dashboard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange || event->type() == QEvent::FontChange)
        style();
    if (event->type() == QEvent::LanguageChange && m_loaded)
        show(m_figures);
    QWidget::changeEvent(event);
}

} // namespace hexhub::hub

//! The entry point chartsloader.cpp resolves.
extern "C" Q_DECL_EXPORT QWidget* hexhub_hub_create_dashboard(hexhub::hub::HubContext* hub, QWidget* parent)
{
    return new hexhub::hub::Dashboard(*hub, parent);
}
