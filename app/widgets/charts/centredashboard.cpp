// A centre's dashboard (centredashboard.h), in the on-demand charts library.
#include "centredashboard.h"
#include "chartkit.h"
#include "viewsupport.h"
#include "widgetstr.h"

#include "base/clock.h"
#include "base/whenfinished.h"
#include "store/sql.h"
#include "store/store.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFontInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace hexhub {

using widgets::Tr;

namespace {

constexpr qint64 kDay = 86'400'000;

class CentreDashboard final : public QWidget
{
public:
    CentreDashboard(const CentreDashboardSpec& spec, QWidget* parent)
        : QWidget(parent)
        , m_spec(spec)
        , m_period(new QComboBox(this))
        , m_from(new QDateEdit(this))
        , m_to(new QDateEdit(this))
        , m_state(new QLabel(this))
        , m_tiles(new QGridLayout)
        , m_charts(new QGridLayout)
        , m_minute(new ClockTimer(*spec.clock, this))
    {
        setObjectName(spec.objectName);
        auto* layout = new QVBoxLayout(this);
        auto* top = new QHBoxLayout;
        auto* periodLabel = new QLabel(Tr::tr("&Period:"), this);
        periodLabel->setBuddy(m_period);
        m_period->setObjectName(QStringLiteral("period"));
        for (const int days : {7, 30, 90, 365})
            m_period->addItem(Tr::tr("Last %n day(s)", nullptr, days), days);
        m_period->addItem(Tr::tr("From a date to a date"), 0);
        m_period->setCurrentIndex(std::max(0, m_period->findData(spec.defaultDays)));
        for (QDateEdit* d : {m_from, m_to}) {
            d->setCalendarPopup(true);
            d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        }
        m_from->setObjectName(QStringLiteral("from"));
        m_to->setObjectName(QStringLiteral("to"));
        const QDate today = spec.clock->now().date();
        m_to->setDate(today);
        m_from->setDate(today.addDays(-29));
        top->addWidget(periodLabel);
        top->addWidget(m_period);
        top->addWidget(m_from);
        m_dash = new QLabel(QStringLiteral("–"), this);
        top->addWidget(m_dash);
        top->addWidget(m_to);
        top->addStretch(1);
        m_state->setObjectName(QStringLiteral("dashboardState"));
        top->addWidget(m_state);
        layout->addLayout(top);
        layout->addLayout(m_tiles);
        layout->addLayout(m_charts, 1);
        connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
            custom();
            reload();
        });
        connect(m_from, &QDateEdit::dateChanged, this, [this] { reload(); });
        connect(m_to, &QDateEdit::dateChanged, this, [this] { reload(); });
        custom();
        if (m_spec.bus && !m_spec.reloadOn.isEmpty())
            reloadOnEvents(*m_spec.bus, this, m_spec.reloadOn, 1000, [this] { reload(); });
        // "The last 7 days" move with the clock, simulated or not.
        m_minute->setInterval(60'000);
        connect(m_minute, &ClockTimer::timeout, this, [this] {
            if (m_period->currentData().toInt() > 0)
                reload();
        });
        m_minute->start();
        reload();
    }

protected:
    void changeEvent(QEvent* event) override
    {
        QWidget::changeEvent(event);
        if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
            restyle();
    }

private:
    DashboardPeriod period() const
    {
        const int days = m_period->currentData().toInt();
        if (days > 0) {
            const qint64 now = m_spec.clock->nowMs();
            return {now - days * kDay, now + 1}; // what happened this very millisecond too
        }
        const qint64 from = QDateTime(m_from->date(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 to = QDateTime(m_to->date().addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        return {std::min(from, to - kDay), to};
    }

    void custom()
    {
        const bool custom = m_period->currentData().toInt() == 0;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        m_dash->setVisible(custom);
    }

    void reload()
    {
        const DashboardPeriod p = period();
        m_state->setText(Tr::tr("Reading..."));
        auto read = m_spec.read;
        whenLatest(this, m_latest, m_spec.store->read([read, p](Sql& sql) { return read(sql, p); }), [this](QFuture<DashboardReading> done) {
            try {
                show(done.result());
                m_state->clear();
            } catch (const std::exception& e) {
                m_state->setText(Tr::tr("The figures cannot be read: %1").arg(QString::fromUtf8(e.what())));
            }
        });
    }

    void show(const DashboardReading& reading)
    {
        m_reading = reading;
        while (m_tileValues.size() < reading.tiles.size()) {
            const int i = int(m_tileValues.size());
            auto* value = new QLabel(this);
            value->setObjectName(QStringLiteral("tile%1").arg(i));
            value->setAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            auto* caption = new QLabel(this);
            caption->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
            caption->setWordWrap(true);
            const int across = 3;
            m_tiles->addWidget(value, (i / across) * 2, i % across);
            m_tiles->addWidget(caption, (i / across) * 2 + 1, i % across);
            m_tileValues << value;
            m_tileCaptions << caption;
        }
        for (qsizetype i = 0; i < m_tileValues.size(); ++i) {
            const bool shown = i < reading.tiles.size();
            m_tileValues[i]->setVisible(shown);
            m_tileCaptions[i]->setVisible(shown);
            if (shown) {
                m_tileValues[i]->setText(reading.tiles[i].value);
                m_tileCaptions[i]->setText(reading.tiles[i].caption);
            }
        }
        while (m_plots.size() < reading.charts.size()) {
            const int i = int(m_plots.size());
            QCustomPlot* plot = chartkit::titledPlot(this, QStringLiteral("chart%1").arg(i));
            m_charts->addWidget(plot, i / 2, i % 2);
            m_plots << plot;
        }
        for (qsizetype i = 0; i < m_plots.size(); ++i) {
            const bool shown = i < reading.charts.size();
            m_plots[i]->setVisible(shown);
            if (!shown)
                continue;
            const DashboardChart& c = reading.charts[i];
            // Many bars (the days of a quarter): about ten of them labelled.
            QStringList labels = c.labels;
            const qsizetype every = (labels.size() + 9) / 10;
            for (qsizetype l = 0; every > 1 && l < labels.size(); ++l)
                if (l % every != 0)
                    labels[l].clear();
            chartkit::bars(m_plots[i], c.values, labels, c.colour, c.horizontal);
            if (c.horizontal)
                m_plots[i]->yAxis->setRangeReversed(true);
            m_plots[i]->xAxis->setTickLabelRotation(!c.horizontal && c.labels.size() > 10 ? 45 : 0);
            chartkit::titleOf(m_plots[i])->setText(c.title);
        }
        restyle();
    }

    void restyle()
    {
        // The colours of the place it is in now (its own palette is the new one when it changes;
        // a child's may not be yet), the type of a label there.
        m_state->ensurePolished();
        const QColor text = palette().color(QPalette::WindowText);
        const int base = std::max(11, QFontInfo(m_state->font()).pixelSize());
        for (qsizetype i = 0; i < m_tileValues.size(); ++i) {
            const bool alarm = i < m_reading.tiles.size() && m_reading.tiles[i].alarm;
            m_tileValues[i]->setStyleSheet(QStringLiteral("font-size: %1px; font-weight: bold; color: %2;")
                                               .arg(int(base * 1.9))
                                               .arg(alarm ? QStringLiteral("#d63031") : text.name()));
            m_tileCaptions[i]->setStyleSheet(QStringLiteral("font-size: %1px;").arg(std::max(11, int(base * 0.8))));
        }
        for (QCustomPlot* plot : std::as_const(m_plots))
            chartkit::style(plot, m_state, text);
    }

    CentreDashboardSpec m_spec;
    QComboBox* m_period;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QLabel* m_state;
    QLabel* m_dash = nullptr;
    QGridLayout* m_tiles;
    QGridLayout* m_charts;
    ClockTimer* m_minute;
    LatestRead m_latest;
    DashboardReading m_reading;
    QList<QLabel*> m_tileValues, m_tileCaptions;
    QList<QCustomPlot*> m_plots;
};

} // namespace

} // namespace hexhub

extern "C" Q_DECL_EXPORT QWidget* hexhub_create_centre_dashboard(const hexhub::CentreDashboardSpec* spec, QWidget* parent)
{
    return new hexhub::CentreDashboard(*spec, parent);
}
