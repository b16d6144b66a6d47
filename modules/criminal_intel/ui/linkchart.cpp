#include "linkchart.h"
#include "formdialog.h"
#include "intelcontext.h"
#include "intelviews_p.h"

#include "hexhub/criminal_intel/linkgraph.h"

#include "base/background.h"
#include "base/clock.h"
#include "bus/event.h"
#include "bus/eventbus.h"
#include "security/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImage>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QPicture>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <memory>

namespace hexhub::criminalintel {

namespace {


// The chart's small dialogs: the fields given, OK (the default button) and Cancel (formdialog.h).
using Form = FormDialog;

// The time a link is placed at: when it began, else when it was recorded.
qint64 linkTime(const Link& l)
{
    return l.startedAt > 0 ? l.startedAt : l.createdAt;
}


} // namespace

// ---------------------------------------------------------------------------------------------
// TimeHistogram

TimeHistogram::TimeHistogram(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("histogram"));
    setMinimumHeight(60);
    setAccessibleName(tr("Links over time"));
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Drag across the bars to keep only the links of that time; click a bar for its span."));
}

qint64 TimeHistogram::timeAt(double x) const
{
    const double share = std::clamp(x / std::max(1, width()), 0.0, 1.0);
    return m_first + qint64(std::llround(share * double(m_last - m_first)));
}

void TimeHistogram::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_counts.isEmpty())
        return QWidget::mousePressEvent(event);
    m_dragFrom = event->position().x();
    m_dragTo = *m_dragFrom;
    update();
}

void TimeHistogram::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_dragFrom)
        return QWidget::mouseMoveEvent(event);
    m_dragTo = std::clamp(event->position().x(), 0.0, double(width()));
    update();
}

void TimeHistogram::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_dragFrom || event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    const double a = std::min(*m_dragFrom, m_dragTo), b = std::max(*m_dragFrom, m_dragTo);
    m_dragFrom.reset();
    update();
    if (b - a >= 3) {
        Q_EMIT rangeChosen(timeAt(a), timeAt(b));
        return;
    }
    // A click: the span of the bar under it.
    const int buckets = int(m_counts.size());
    const int i = std::clamp(int(a / std::max(1, width()) * buckets), 0, buckets - 1);
    const double w = double(width()) / buckets;
    Q_EMIT rangeChosen(timeAt(i * w), timeAt((i + 1) * w));
}

void TimeHistogram::setTimes(const QList<qint64>& times)
{
    m_times.clear();
    for (qint64 t : times)
        if (t > 0)
            m_times << t;
    m_counts.clear();
    if (!m_times.isEmpty()) {
        m_first = *std::min_element(m_times.cbegin(), m_times.cend());
        m_last = *std::max_element(m_times.cbegin(), m_times.cend());
        const int buckets = 24;
        m_counts = QList<int>(buckets, 0);
        const double span = std::max<double>(1, double(m_last - m_first));
        for (qint64 t : std::as_const(m_times))
            ++m_counts[std::min(buckets - 1, int(double(t - m_first) / span * buckets))];
    }
    update();
}

void TimeHistogram::setRange(qint64 from, qint64 to, bool active)
{
    m_from = from;
    m_to = to;
    m_active = active;
    update();
}

void TimeHistogram::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (m_counts.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No link on the chart has a time"));
        return;
    }
    const int top = *std::max_element(m_counts.cbegin(), m_counts.cend());
    const double w = double(width()) / double(m_counts.size());
    const double span = std::max<double>(1, double(m_last - m_first));
    for (int i = 0; i < m_counts.size(); ++i) {
        const qint64 bucketStart = m_first + qint64(span * i / m_counts.size());
        const qint64 bucketEnd = m_first + qint64(span * (i + 1) / m_counts.size());
        const bool kept = !m_active || (bucketEnd >= m_from && bucketStart <= m_to);
        QColor c = palette().color(QPalette::Highlight);
        if (!kept)
            c.setAlpha(60);
        const double h = top > 0 ? double(height() - 16) * m_counts[i] / top : 0;
        p.fillRect(QRectF(i * w + 1, height() - 14 - h, w - 2, h), c);
    }
    if (m_dragFrom) {
        // The range being dragged out, over the bars.
        QColor band = palette().color(QPalette::Highlight);
        band.setAlpha(70);
        const double a = std::min(*m_dragFrom, m_dragTo), b = std::max(*m_dragFrom, m_dragTo);
        p.fillRect(QRectF(a, 0, std::max(1.0, b - a), height() - 14), band);
    }
    p.setPen(palette().color(QPalette::Text));
    QFont f = font();
    f.setPointSizeF(7.5);
    p.setFont(f);
    p.drawText(QRectF(2, height() - 13, width() / 2.0, 13), Qt::AlignLeft, day(m_first));
    p.drawText(QRectF(width() / 2.0, height() - 13, width() / 2.0 - 2, 13), Qt::AlignRight, day(m_last));
}

// ---------------------------------------------------------------------------------------------
// LinkChart

LinkChart::LinkChart(IntelContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_entities(context.store, context.session, context.audit, context.outbox)
{
    setObjectName(QStringLiteral("linkChart"));
    m_canvas = new ChartCanvas(this);

    // The side: find, the item in view, its links with where each came from, the analysis.
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    m_title = new QLabel(tr("New chart"), side);
    m_title->setObjectName(QStringLiteral("chartTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    sideLayout->addWidget(m_title);
    m_search = new QLineEdit(side);
    m_search->setObjectName(QStringLiteral("chartSearch"));
    m_search->setPlaceholderText(tr("Find: a phone, an account, a plate, a name as written (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    sideLayout->addWidget(m_search);
    m_results = new QListWidget(side);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setMaximumHeight(110);
    m_results->setAccessibleName(tr("Found items: Enter adds one to the chart"));
    sideLayout->addWidget(m_results);
    m_details = new QLabel(side);
    m_details->setObjectName(QStringLiteral("itemDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sideLayout->addWidget(m_details);
    auto* linksLabel = new QLabel(tr("Its links, and where each came from:"), side);
    sideLayout->addWidget(linksLabel);
    m_links = new QListWidget(side);
    m_links->setObjectName(QStringLiteral("itemLinks"));
    m_links->setWordWrap(true);
    linksLabel->setBuddy(m_links);
    sideLayout->addWidget(m_links, 1);
    auto* matchesLabel = new QLabel(tr("Likely the same (Shift+M merges):"), side);
    sideLayout->addWidget(matchesLabel);
    m_matches = new QListWidget(side);
    m_matches->setObjectName(QStringLiteral("itemMatches"));
    m_matches->setMaximumHeight(70);
    matchesLabel->setBuddy(m_matches);
    sideLayout->addWidget(m_matches);

    auto* analysis = new QGroupBox(tr("Analysis"), side);
    auto* form = new QFormLayout(analysis);
    m_sizeBy = new QComboBox(analysis);
    m_sizeBy->setObjectName(QStringLiteral("sizeBy"));
    m_sizeBy->addItem(tr("the same size"), QString());
    m_sizeBy->addItem(tr("degree"), QStringLiteral("degree"));
    m_sizeBy->addItem(tr("betweenness"), QStringLiteral("betweenness"));
    m_sizeBy->addItem(tr("closeness"), QStringLiteral("closeness"));
    m_sizeBy->addItem(tr("eigenvector"), QStringLiteral("eigenvector"));
    form->addRow(tr("&Size by"), m_sizeBy);
    m_colourBy = new QComboBox(analysis);
    m_colourBy->setObjectName(QStringLiteral("colourBy"));
    form->addRow(tr("Colo&ur by"), m_colourBy);
    m_badgeBy = new QComboBox(analysis);
    m_badgeBy->setObjectName(QStringLiteral("badgeBy"));
    form->addRow(tr("&Badge"), m_badgeBy);
    m_kcore = new QSpinBox(analysis);
    m_kcore->setObjectName(QStringLiteral("kcore"));
    m_kcore->setRange(0, 50);
    m_kcore->setSpecialValueText(tr("every item"));
    m_kcore->setPrefix(tr("core ≥ "));
    form->addRow(tr("&K-core"), m_kcore);
    m_timeFilter = new QCheckBox(tr("Only links &dated between"), analysis);
    m_timeFilter->setObjectName(QStringLiteral("timeFilter"));
    form->addRow(m_timeFilter);
    auto* range = new QHBoxLayout;
    m_from = new QDateEdit(analysis);
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_to = new QDateEdit(analysis);
    m_to->setObjectName(QStringLiteral("toDate"));
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_from->setAccessibleName(tr("Links from"));
    m_to->setAccessibleName(tr("Links to"));
    range->addWidget(m_from);
    range->addWidget(m_to);
    form->addRow(range);
    m_histogram = new TimeHistogram(analysis);
    form->addRow(m_histogram);
    sideLayout->addWidget(analysis);
    m_changes = new QLabel(side);
    m_changes->setObjectName(QStringLiteral("chartChanges"));
    m_changes->setWordWrap(true);
    sideLayout->addWidget(m_changes);
    m_message = new QLabel(side);
    m_message->setObjectName(QStringLiteral("chartMessage"));
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Chart messages"));
    sideLayout->addWidget(m_message);
    auto* keys = new QLabel(tr("Keys on the chart: arrows move between items, Shift+arrows pan, + and - zoom, 0 fits. E expands, Shift+E n "
                               "steps, M marks, P finds the path from the marked item, L links them, A adds an item, R reveals a label, "
                               "Space pins, F H O lay out, T the timeline, N a note, Delete takes an item off the chart, Ctrl+S saves, "
                               "Ctrl+O opens, X exports."),
                            side);
    keys->setObjectName(QStringLiteral("chartKeys"));
    keys->setWordWrap(true);
    QFont small = keys->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    keys->setFont(small);
    sideLayout->addWidget(keys);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(side);
    scroll->setWidgetResizable(true);
    // The side takes the colours of wherever the chart is (a desk, a wall in the night theme).
    side->setAutoFillBackground(false);
    scroll->viewport()->setAutoFillBackground(false);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(340);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_canvas);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setSizes({900, 340});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    setFocusProxy(m_canvas);
    refreshAttributeChoices();

    // Keys: on the chart itself (single letters), and anywhere on the page (Ctrl+...).
    const auto onCanvas = [this](const QKeySequence& key, std::function<void()> action) {
        auto* shortcut = new QShortcut(key, m_canvas, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, std::move(action));
    };
    onCanvas(QKeySequence(Qt::Key_E), [this] { expand(1); });
    onCanvas(QKeySequence(Qt::SHIFT | Qt::Key_E), [this] { askSteps(); });
    onCanvas(QKeySequence(Qt::Key_M), [this] {
        m_canvas->setMarked(m_canvas->marked() == m_canvas->current() ? -1 : m_canvas->current());
        if (m_canvas->marked() >= 0)
            say(tr("Marked %1: P finds the path to another item, L links it.").arg(m_canvas->nodes[m_canvas->marked()].entity.labelMasked));
    });
    onCanvas(QKeySequence(Qt::Key_P), [this] { findPath(); });
    onCanvas(QKeySequence(Qt::Key_L), [this] { linkMarked(); });
    onCanvas(QKeySequence(Qt::Key_A), [this] { addEntity(); });
    onCanvas(QKeySequence(Qt::SHIFT | Qt::Key_M), [this] { mergeCurrent(); });
    onCanvas(QKeySequence(Qt::Key_R), [this] { revealCurrent(); });
    onCanvas(QKeySequence(Qt::Key_N), [this] { addNote(); });
    onCanvas(QKeySequence(Qt::Key_F), [this] { layoutChart(QStringLiteral("force")); });
    onCanvas(QKeySequence(Qt::Key_H), [this] { layoutChart(QStringLiteral("hierarchical")); });
    onCanvas(QKeySequence(Qt::Key_O), [this] { layoutChart(QStringLiteral("circular")); });
    onCanvas(QKeySequence(Qt::Key_T), [this] { toggleTimeline(); });
    onCanvas(QKeySequence(Qt::Key_X), [this] { exportChart(); });
    onCanvas(QKeySequence(Qt::Key_Space), [this] {
        if (m_canvas->current() < 0)
            return;
        ChartCanvas::Node& n = m_canvas->nodes[m_canvas->current()];
        n.pinned = !n.pinned;
        m_canvas->update();
        say(n.pinned ? tr("Pinned: the layouts leave it where it is.") : tr("Unpinned."));
    });
    onCanvas(QKeySequence(Qt::Key_Delete), [this] {
        const int at = m_canvas->current();
        if (at < 0)
            return;
        // Off the chart only: the entity and its links stay in the store.
        removeItem(m_canvas->nodes[at].entity.id);
        m_canvas->setCurrent(std::min<int>(at, int(m_canvas->nodes.size()) - 1));
    });
    const auto onPage = [this](const QKeySequence& key, std::function<void()> action) {
        auto* shortcut = new QShortcut(key, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, std::move(action));
    };
    onPage(QKeySequence(Qt::CTRL | Qt::Key_F), [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    onPage(QKeySequence(Qt::CTRL | Qt::Key_S), [this] { save(); });
    onPage(QKeySequence(Qt::CTRL | Qt::Key_O), [this] { openSaved(); });

    connect(m_search, &QLineEdit::returnPressed, this, &LinkChart::search);
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        addItems({item->data(Qt::UserRole).toLongLong()});
        m_canvas->setFocus(Qt::OtherFocusReason);
    });
    connect(m_canvas, &ChartCanvas::currentChanged, this, [this] { showCurrent(); });
    connect(m_sizeBy, &QComboBox::currentIndexChanged, this, [this] { analyse(); });
    connect(m_colourBy, &QComboBox::currentIndexChanged, this, [this] { applyFormatting(); });
    connect(m_badgeBy, &QComboBox::currentIndexChanged, this, [this] { applyFormatting(); });
    connect(m_kcore, &QSpinBox::valueChanged, this, [this] { applyFormatting(); });
    connect(m_timeFilter, &QCheckBox::toggled, this, [this] { analyse(); });
    connect(m_from, &QDateEdit::dateChanged, this, [this] {
        if (m_timeFilter->isChecked())
            analyse();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this] {
        if (m_timeFilter->isChecked())
            analyse();
    });
    // Dragged across the histogram: those days' links only.
    connect(m_histogram, &TimeHistogram::rangeChosen, this, [this](qint64 from, qint64 to) {
        const QSignalBlocker blockFrom(m_from), blockTo(m_to), blockFilter(m_timeFilter);
        m_from->setDate(QDateTime::fromMSecsSinceEpoch(from).date());
        m_to->setDate(QDateTime::fromMSecsSinceEpoch(to).date());
        m_timeFilter->setChecked(true);
        analyse();
        say(tr("Only the links dated %1 to %2; uncheck the filter to see all again.")
                .arg(m_from->date().toString(Qt::ISODate), m_to->date().toString(Qt::ISODate)));
    });
    const QDate today = QDateTime::fromMSecsSinceEpoch(context.clock.nowMs()).date();
    m_from->setDate(today.addYears(-1));
    m_to->setDate(today);

    // The chart follows the store: what is added elsewhere to an item on the chart appears, marked.
    context.bus.subscribe(QStringLiteral("link.changed"), this, [this](const Event& e) { followStore(e); });
    context.bus.subscribe(QStringLiteral("entity.changed"), this, [this](const Event& e) { followStore(e); });
}

void LinkChart::say(const QString& text)
{
    m_message->setText(text);
}

void LinkChart::search()
{
    const QString text = m_search->text().trimmed();
    m_results->clear();
    if (text.size() < 2)
        return;
    whenLatest(this, m_searches, m_entities.search(text, 50), [this](const QFuture<QList<Entity>>& done) {
        m_results->clear();
        try {
            for (const Entity& e : done.result()) {
                auto* item = new QListWidgetItem(QStringLiteral("%1 · %2%3")
                                                     .arg(entityKindName(entityKindKey(e.kind)), e.labelMasked,
                                                          m_index.contains(e.id) ? tr(" (on the chart)") : QString()),
                                                 m_results);
                item->setData(Qt::UserRole, e.id);
            }
            if (m_results->count() == 0) {
                say(tr("Nothing found. Type an identifier whole (a phone number, an account, a plate, a document number, a name as "
                       "written) or words of an organisation's name."));
            } else {
                say(tr("%n found: Enter adds the one selected.", nullptr, m_results->count()));
                m_results->setCurrentRow(0);
                m_results->setFocus(Qt::OtherFocusReason);
            }
        } catch (const std::exception& e) {
            say(errorText(e));
        }
    });
}

void LinkChart::addItems(const QList<qint64>& ids, bool markChanged)
{
    if (ids.isEmpty())
        return;
    QList<qint64> wanted = ids;
    for (const ChartCanvas::Node& n : std::as_const(m_canvas->nodes))
        wanted << n.entity.id; // the links between the new and what is on the chart
    whenFinished(this, m_entities.items(wanted), [this, ids, markChanged](const QFuture<ChartData>& done) {
        try {
            merge(done.result(), markChanged);
            if (!ids.isEmpty() && m_index.contains(ids.first()))
                m_canvas->setCurrent(m_index.value(ids.first()));
        } catch (const std::exception& e) {
            say(errorText(e));
        }
    });
}

void LinkChart::chartInvestigation(qint64 investigation, const QString& title, const QList<qint64>& entities, qint64 savedChart)
{
    if (savedChart > 0) {
        openChart(savedChart);
        return;
    }
    applyState(QJsonObject(), ChartData()); // a chart of its own, not added to what was shown
    m_chartId = 0;
    m_chartVersion = 0;
    m_chartTitle = title;
    m_investigation = investigation;
    m_title->setText(title);
    if (entities.isEmpty()) {
        say(tr("The investigation's leads have no entities yet: add them (A) and save the chart with it (Ctrl+S)."));
        return;
    }
    chartAround(entities);
}

void LinkChart::chartAround(const QList<qint64>& ids)
{
    whenFinished(this, m_entities.neighbours(ids, 1, 500), [this, first = ids.first()](const QFuture<ChartData>& near) {
        try {
            merge(near.result(), false);
            m_canvas->setCurrent(m_index.value(first, -1));
            layoutChart(QStringLiteral("force"));
        } catch (const std::exception& e) {
            say(errorText(e));
        }
    });
}

void LinkChart::chartLead(qint64 lead)
{
    m_lead = lead;
    const auto chartThese = [this](const QList<qint64>& ids) { chartAround(ids); };
    whenFinished(this, m_context.leads.entities(lead), [this, lead, chartThese](const QFuture<QList<LeadEntity>>& done) {
        try {
            QList<qint64> ids;
            for (const LeadEntity& e : done.result())
                ids << e.id;
            if (!ids.isEmpty())
                return chartThese(ids);
            // A lead whose evidence names a ring (a big-data hit): its members and ties become its entities.
            whenFinished(this, m_context.leads.lead(lead), [this, lead, chartThese](const QFuture<Lead>& read) {
                try {
                    if (read.result().evidence.value(QStringLiteral("members")).toArray().isEmpty()) {
                        say(tr("The lead has no entities yet: add them here (A) and link them (L)."));
                        return;
                    }
                    say(tr("Taking the ring's members and the identifiers tying them onto the chart..."));
                    whenFinished(this, m_entities.takeInEvidence(lead), [this, chartThese](const QFuture<QList<qint64>>& taken) {
                        try {
                            const QList<qint64> ids = taken.result();
                            if (ids.isEmpty())
                                say(tr("The lead has no entities yet: add them here (A) and link them (L)."));
                            else
                                chartThese(ids);
                        } catch (const std::exception& e) {
                            say(errorText(e));
                        }
                    });
                } catch (const std::exception& e) {
                    say(errorText(e));
                }
            });
        } catch (const std::exception& e) {
            say(errorText(e));
        }
    });
}

void LinkChart::merge(const ChartData& data, bool markChanged, const QList<QPointF>& places)
{
    int added = 0;
    QHash<qint64, qint64> neighbourOf; // a new item -> an item on the chart it links to
    for (const Link& l : data.links) {
        neighbourOf.insert(l.to, l.from);
        neighbourOf.insert(l.from, l.to);
    }
    for (qsizetype i = 0; i < data.entities.size(); ++i) {
        const Entity& e = data.entities[i];
        if (m_index.contains(e.id)) {
            ChartCanvas::Node& n = m_canvas->nodes[m_index.value(e.id)];
            if (n.entity.version != e.version || n.entity.attributes != e.attributes) {
                n.entity = e;
                n.changed = n.changed || markChanged;
            }
            continue;
        }
        ChartCanvas::Node n;
        n.entity = e;
        n.changed = markChanged;
        if (i < places.size()) {
            n.pos = places[i];
        } else {
            // Beside what it links to on the chart, on a spiral so that new items do not sit on each other.
            const int near = m_index.value(neighbourOf.value(e.id), -1);
            const QPointF centre = near >= 0 ? m_canvas->nodes[near].pos : m_canvas->centre();
            const double r = 70 + 9 * std::sqrt(double(added)), a = double(added + m_canvas->nodes.size()) * 2.39996323;
            n.pos = centre + QPointF(r * std::cos(a), r * std::sin(a));
        }
        m_index.insert(e.id, int(m_canvas->nodes.size()));
        m_canvas->nodes << n;
        ++added;
        if (markChanged)
            ++m_changeCount;
    }
    QSet<qint64> known;
    for (const ChartCanvas::Edge& e : std::as_const(m_canvas->edges))
        known.insert(e.link.id);
    for (const Link& l : data.links) {
        if (known.contains(l.id) || !m_index.contains(l.from) || !m_index.contains(l.to))
            continue;
        ChartCanvas::Edge e;
        e.link = l;
        e.a = m_index.value(l.from);
        e.b = m_index.value(l.to);
        e.changed = markChanged;
        m_canvas->edges << e;
        known.insert(l.id);
        if (markChanged)
            ++m_changeCount;
    }
    if (data.truncated)
        say(tr("More items were reachable than the chart takes at once; the nearest are shown."));
    if (m_changeCount > 0)
        m_changes->setText(tr("%n change(s) from elsewhere since the chart was opened, marked in orange.", nullptr, m_changeCount));
    refreshAttributeChoices();
    analyse();
    if (added > 0 && m_canvas->nodes.size() == added)
        m_canvas->fit();
    m_canvas->update();
    showCurrent();
    Q_EMIT itemsChanged();
}

void LinkChart::removeItem(qint64 id)
{
    if (!m_index.contains(id))
        return;
    // The current and the marked item are kept by what they are, not where they stood in the list.
    const auto idAt = [this](int i) { return i >= 0 && i < m_canvas->nodes.size() ? m_canvas->nodes[i].entity.id : 0; };
    const qint64 current = idAt(m_canvas->current()), marked = idAt(m_canvas->marked());
    m_canvas->nodes.removeAt(m_index.value(id));
    m_index.clear();
    for (int i = 0; i < m_canvas->nodes.size(); ++i)
        m_index.insert(m_canvas->nodes[i].entity.id, i);
    rebuildEdges();
    m_canvas->setMarked(m_index.value(marked, -1));
    m_canvas->setCurrent(m_index.value(current, -1));
    analyse();
    Q_EMIT itemsChanged();
}

void LinkChart::rebuildEdges()
{
    QList<ChartCanvas::Edge> kept;
    for (ChartCanvas::Edge e : std::as_const(m_canvas->edges)) {
        if (!m_index.contains(e.link.from) || !m_index.contains(e.link.to))
            continue;
        e.a = m_index.value(e.link.from);
        e.b = m_index.value(e.link.to);
        kept << e;
    }
    m_canvas->edges = kept;
}

void LinkChart::expand(int steps)
{
    const int at = m_canvas->current();
    if (at < 0) {
        say(tr("Choose an item first (the arrows move between items)."));
        return;
    }
    const qint64 id = m_canvas->nodes[at].entity.id;
    say(tr("Expanding..."));
    whenFinished(this, m_entities.neighbours({id}, steps, 5000), [this, steps](const QFuture<ChartData>& done) {
        try {
            const int before = int(m_canvas->nodes.size());
            merge(done.result(), false);
            const int added = int(m_canvas->nodes.size()) - before;
            say(steps == 1 ? tr("%n item(s) added, one step out.", nullptr, added) : tr("%n item(s) added, %1 steps out.", nullptr, added).arg(steps));
        } catch (const std::exception& e) {
            say(errorText(e));
        }
    });
}

void LinkChart::askSteps()
{
    Form f(this, QStringLiteral("stepsDialog"), tr("Expand how many steps?"));
    auto* steps = new QSpinBox(&f.dialog);
    steps->setObjectName(QStringLiteral("steps"));
    steps->setRange(1, 6);
    steps->setValue(2);
    f.form->addRow(tr("&Steps out"), steps);
    steps->setFocus();
    if (f.ask())
        expand(steps->value());
}

void LinkChart::findPath()
{
    const int from = m_canvas->marked(), to = m_canvas->current();
    if (from < 0 || to < 0 || from == to) {
        say(tr("Mark one item (M), then move to another and press P: the shortest path between them is found in the store."));
        return;
    }
    say(tr("Finding the shortest path..."));
    whenFinished(this, m_entities.path(m_canvas->nodes[from].entity.id, m_canvas->nodes[to].entity.id, 6),
                 [this](const QFuture<ChartData>& done) {
                     try {
                         const ChartData path = done.result();
                         for (ChartCanvas::Edge& e : m_canvas->edges)
                             e.onPath = false;
                         if (path.entities.isEmpty()) {
                             say(tr("No chain of at most 6 links ties the two."));
                             m_canvas->update();
                             return;
                         }
                         merge(path, false);
                         QSet<qint64> onPath;
                         for (const Link& l : path.links)
                             onPath.insert(l.id);
                         for (ChartCanvas::Edge& e : m_canvas->edges)
                             e.onPath = onPath.contains(e.link.id);
                         m_canvas->update();
                         say(tr("The shortest path: %n link(s), drawn thick.", nullptr, int(path.links.size())));
                     } catch (const std::exception& e) {
                         say(errorText(e));
                     }
                 });
}

void LinkChart::linkMarked()
{
    const int from = m_canvas->marked(), to = m_canvas->current();
    if (from < 0 || to < 0 || from == to) {
        say(tr("Mark the item the link starts from (M), move to where it goes, and press L."));
        return;
    }
    Form f(this, QStringLiteral("linkDialog"),
           tr("Link %1 to %2").arg(m_canvas->nodes[from].entity.labelMasked, m_canvas->nodes[to].entity.labelMasked));
    auto* relation = new QComboBox(&f.dialog);
    relation->setObjectName(QStringLiteral("relation"));
    relation->setEditable(true);
    for (const QString& r : commonRelations())
        relation->addItem(relationName(r), r);
    f.form->addRow(tr("&What ties them"), relation);
    auto* directed = new QCheckBox(tr("From the first to the second only"), &f.dialog);
    directed->setObjectName(QStringLiteral("directed"));
    directed->setChecked(true);
    f.form->addRow(directed);
    auto* confidence = new QComboBox(&f.dialog);
    confidence->setObjectName(QStringLiteral("confidence"));
    for (LinkConfidence c : {LinkConfidence::Confirmed, LinkConfidence::Unconfirmed, LinkConfidence::Tentative})
        confidence->addItem(linkConfidenceName(c), linkConfidenceKey(c));
    confidence->setCurrentIndex(1);
    f.form->addRow(tr("&Confidence"), confidence);
    auto* source = new QComboBox(&f.dialog);
    source->setObjectName(QStringLiteral("sourceKind"));
    for (LinkSource s : {LinkSource::Record, LinkSource::Lead, LinkSource::DatasetRow, LinkSource::Analyst})
        source->addItem(linkSourceName(s), linkSourceKey(s));
    f.form->addRow(tr("Came &from"), source);
    auto* ref = new QLineEdit(&f.dialog);
    ref->setObjectName(QStringLiteral("sourceRef"));
    ref->setPlaceholderText(tr("Which one: \"call records 2026-03\", \"lead L-2026-00042\", \"dataset 7 row 1234\""));
    f.form->addRow(tr("&Where exactly"), ref);
    auto* evidence = new QLineEdit(&f.dialog);
    evidence->setObjectName(QStringLiteral("evidence"));
    f.form->addRow(tr("&Evidence"), evidence);
    relation->setFocus();
    if (!f.ask())
        return;
    const QString typed = relation->currentText().trimmed();
    const int known = relation->findText(typed);
    NewLink link{m_canvas->nodes[from].entity.id, m_canvas->nodes[to].entity.id,
                 known >= 0 ? relation->itemData(known).toString() : typed, directed->isChecked(),
                 linkConfidenceFromKey(confidence->currentData().toString()).value_or(LinkConfidence::Unconfirmed),
                 linkSourceFromKey(source->currentData().toString()).value_or(LinkSource::Analyst), ref->text(), evidence->text()};
    whenFinished(this, m_entities.link(link), [this](const QFuture<Link>& done) {
        try {
            const Link made = done.result();
            merge({{}, {made}, false}, false);
            say(tr("Linked: %1.").arg(relationName(made.relation)));
        } catch (const std::exception& e) {
            say(errorText(e));
        }
    });
}

void LinkChart::addEntity()
{
    Form f(this, QStringLiteral("entityDialog"), tr("Add an item"));
    auto* kind = new QComboBox(&f.dialog);
    kind->setObjectName(QStringLiteral("kind"));
    for (EntityKind k : allEntityKinds())
        kind->addItem(entityKindName(entityKindKey(k)), entityKindKey(k));
    kind->setCurrentIndex(1); // a phone: what comes up most
    f.form->addRow(tr("&Kind"), kind);
    auto* label = new QLineEdit(&f.dialog);
    label->setObjectName(QStringLiteral("label"));
    f.form->addRow(tr("&Label"), label);
    auto* caseRef = new QLineEdit(&f.dialog);
    caseRef->setObjectName(QStringLiteral("caseRef"));
    caseRef->setPlaceholderText(m_lead > 0 ? tr("It joins the lead charted; a case too, if it belongs to one")
                                           : tr("A person needs the case it belongs to, or is added from its lead"));
    f.form->addRow(tr("&Case"), caseRef);
    auto* basis = new QLineEdit(&f.dialog);
    basis->setObjectName(QStringLiteral("legalBasis"));
    f.form->addRow(tr("Legal &basis"), basis);
    auto* matches = new QListWidget(&f.dialog);
    matches->setObjectName(QStringLiteral("entityMatches"));
    matches->setMaximumHeight(90);
    auto* matchesLabel = new QLabel(tr("Already known, likely the &same (use the one selected instead):"), &f.dialog);
    matchesLabel->setBuddy(matches);
    f.form->addRow(matchesLabel);
    f.form->addRow(matches);
    auto* use = f.buttons->addButton(tr("&Use the one selected"), QDialogButtonBox::ActionRole);
    use->setObjectName(QStringLiteral("useMatch"));
    use->setEnabled(false);
    qint64 chosen = 0;
    connect(use, &QPushButton::clicked, &f.dialog, [&] {
        if (matches->currentItem()) {
            chosen = matches->currentItem()->data(Qt::UserRole).toLongLong();
            f.dialog.accept();
        }
    });
    // Cross-referencing as it is typed: what the store already knows by the same key.
    auto latest = std::make_shared<LatestRead>();
    const auto check = [this, &f, kind, label, matches, use, latest] {
        const auto k = entityKindFromKey(kind->currentData().toString());
        if (!k || label->text().trimmed().size() < 2) {
            matches->clear();
            use->setEnabled(false);
            return;
        }
        whenLatest(&f.dialog, *latest, m_entities.matches({*k, label->text()}), [matches, use](const QFuture<QList<EntityMatch>>& done) {
            matches->clear();
            try {
                for (const EntityMatch& m : done.result()) {
                    auto* item = new QListWidgetItem(QStringLiteral("%1 · %2").arg(m.entity.labelMasked, m.why), matches);
                    item->setData(Qt::UserRole, m.entity.id);
                }
            } catch (const std::exception& e) {
                new QListWidgetItem(errorText(e), matches);
            }
            if (matches->count() > 0)
                matches->setCurrentRow(0);
            use->setEnabled(matches->count() > 0 && matches->item(0)->data(Qt::UserRole).toLongLong() > 0);
        });
    };
    connect(label, &QLineEdit::textChanged, &f.dialog, check);
    connect(kind, &QComboBox::currentIndexChanged, &f.dialog, check);
    label->setFocus();
    if (!f.ask())
        return;
    if (chosen > 0) {
        addItems({chosen});
        say(tr("The item already known is on the chart; nothing new was added."));
        return;
    }
    NewEntity draft;
    draft.leadId = m_lead; // the lead charted joins what is found for it
    draft.kind = entityKindFromKey(kind->currentData().toString()).value_or(EntityKind::Phone);
    draft.label = label->text();
    draft.caseRef = caseRef->text();
    draft.legalBasis = basis->text();
    whenFinished(this, m_entities.add(draft), [this](const QFuture<Entity>& done) {
        try {
            const Entity made = done.result();
            addItems({made.id});
            say(tr("Added %1.").arg(made.labelMasked));
        } catch (const std::exception& e) {
            say(errorText(e));
        }
    });
}

void LinkChart::mergeCurrent()
{
    const int at = m_canvas->current();
    if (at < 0 || m_matches->count() == 0 || m_matches->item(0)->data(Qt::UserRole).toLongLong() <= 0) {
        say(tr("Nothing is known that this item likely repeats."));
        return;
    }
    QListWidgetItem* chosen = m_matches->currentItem() ? m_matches->currentItem() : m_matches->item(0);
    const qint64 into = chosen->data(Qt::UserRole).toLongLong();
    const Entity self = m_canvas->nodes[at].entity;
    const auto why = askReason(this, tr("Merge into %1").arg(chosen->text()),
                               tr("Why are the two the same? The links and leads of %1 pass to the other; it goes on record.").arg(self.labelMasked));
    if (!why)
        return;
    whenFinished(this, m_entities.merge(self.id, self.version, into, *why), [this, self, into](const QFuture<Entity>& done) {
        try {
            done.result();
            // The merged one leaves the chart; the one it repeats comes with the links.
            removeItem(self.id);
            addItems({into});
            say(tr("Merged."));
        } catch (const std::exception& e) {
            say(errorText(e));
        }
    });
}

void LinkChart::revealCurrent()
{
    const int at = m_canvas->current();
    if (at < 0)
        return;
    const Entity e = m_canvas->nodes[at].entity;
    const auto why = askReason(this, tr("Reveal %1").arg(e.labelMasked), tr("Why do you need to see it? It goes on record."));
    if (!why)
        return;
    whenFinished(this, m_entities.revealLabel(e.id, *why), [this, id = e.id](const QFuture<QString>& done) {
        try {
            const QString label = done.result();
            if (m_index.contains(id)) {
                m_canvas->nodes[m_index.value(id)].revealed = label;
                m_canvas->update();
                showCurrent();
            }
            say(tr("Revealed, on record; it stays on this chart until it is closed and is never saved with it."));
        } catch (const std::exception& e) {
            say(errorText(e));
        }
    });
}

void LinkChart::addNote()
{
    Form f(this, QStringLiteral("noteDialog"), tr("A note on the chart"));
    auto* text = new QLineEdit(&f.dialog);
    text->setObjectName(QStringLiteral("note"));
    text->setMaxLength(300);
    f.form->addRow(tr("&Note"), text);
    text->setFocus();
    if (!f.ask() || text->text().trimmed().isEmpty())
        return;
    const int at = m_canvas->current();
    const QPointF where = at >= 0 ? m_canvas->nodes[at].pos + QPointF(30, -80) : m_canvas->centre();
    m_canvas->notes << ChartCanvas::Note{text->text().trimmed(), where};
    m_canvas->update();
    say(tr("Note added; it is saved with the chart."));
}

void LinkChart::layoutChart(const QString& kind)
{
    const int n = int(m_canvas->nodes.size());
    if (n == 0)
        return;
    LinkGraph graph(n);
    QList<QPointF> start;
    QList<bool> pinned;
    for (const ChartCanvas::Node& node : std::as_const(m_canvas->nodes)) {
        start << node.pos;
        pinned << node.pinned;
    }
    for (const ChartCanvas::Edge& e : std::as_const(m_canvas->edges))
        graph.addLink(e.a, e.b);
    QList<int> roots;
    if (m_canvas->current() >= 0)
        roots << m_canvas->current();
    m_timeline = false;
    say(tr("Laying out..."));
    const quint64 ticket = ++m_analysis;
    const QFuture<QList<QPointF>> placed = runInBackground(m_pool, [graph, start, pinned, roots, kind] {
        if (kind == QLatin1String("hierarchical"))
            return graph.hierarchicalLayout(roots, start, pinned);
        if (kind == QLatin1String("circular"))
            return graph.circularLayout(start, pinned);
        return graph.forceLayout(start, pinned, graph.nodeCount() > 2000 ? 60 : 150);
    });
    whenFinished(this, placed, [this, ticket, n, kind](const QFuture<QList<QPointF>>& done) {
        if (ticket != m_analysis || m_canvas->nodes.size() != n)
            return analyse(); // the chart changed meanwhile: the layout is for another chart
        const QList<QPointF> at = done.result();
        for (int i = 0; i < n && i < at.size(); ++i)
            m_canvas->nodes[i].pos = at[i];
        m_canvas->fit();
        say(kind == QLatin1String("hierarchical") ? tr("Laid out in layers from the current item.")
            : kind == QLatin1String("circular")   ? tr("Laid out in circles, by community.")
                                                  : tr("Laid out by the links' pull; pinned items stayed."));
        analyse();
    });
}

void LinkChart::toggleTimeline()
{
    auto& nodes = m_canvas->nodes;
    if (m_timeline) {
        for (int i = 0; i < nodes.size() && i < m_beforeTimeline.size(); ++i)
            nodes[i].pos = m_beforeTimeline[i];
        m_timeline = false;
        m_canvas->fit();
        say(tr("Back from the timeline."));
        return;
    }
    // Each item at the time it first appears in a link (else when it was recorded), left to right;
    // a lane per kind.
    QList<qint64> when(nodes.size(), 0);
    for (const ChartCanvas::Edge& e : std::as_const(m_canvas->edges)) {
        const qint64 t = linkTime(e.link);
        for (int end : {e.a, e.b})
            if (t > 0 && (when[end] == 0 || t < when[end]))
                when[end] = t;
    }
    qint64 first = 0, last = 0;
    for (int i = 0; i < nodes.size(); ++i) {
        if (when[i] == 0)
            when[i] = nodes[i].entity.createdAt;
        if (when[i] > 0) {
            first = first == 0 ? when[i] : std::min(first, when[i]);
            last = std::max(last, when[i]);
        }
    }
    m_beforeTimeline.clear();
    QHash<qint64, int> used;
    const double span = std::max<double>(1, double(last - first));
    for (int i = 0; i < nodes.size(); ++i) {
        m_beforeTimeline << nodes[i].pos;
        const double x = when[i] > 0 ? 1600.0 * double(when[i] - first) / span : -120;
        const int lane = int(nodes[i].entity.kind);
        const qint64 cell = (qint64(std::round(x / 40)) << 8) | lane;
        nodes[i].pos = QPointF(x, lane * 110 + 26 * used[cell]++);
    }
    m_timeline = true;
    m_canvas->fit();
    say(tr("The timeline: each item where it first appears in a link, a lane per kind; T again goes back."));
}

void LinkChart::analyse()
{
    // The measures, components, cores and communities over the links the time filter keeps,
    // computed off the GUI thread; the answer is used only if the chart is still the same.
    const int n = int(m_canvas->nodes.size());
    const qint64 from = m_from->date().startOfDay().toMSecsSinceEpoch();
    const qint64 to = m_to->date().endOfDay().toMSecsSinceEpoch();
    const bool filter = m_timeFilter->isChecked();
    QList<qint64> times;
    LinkGraph graph(n);
    for (ChartCanvas::Edge& e : m_canvas->edges) {
        const qint64 start = e.link.startedAt > 0 ? e.link.startedAt : e.link.createdAt;
        const qint64 end = e.link.endedAt > 0 ? e.link.endedAt : start;
        times << start;
        // A link without a time stays: nothing says it falls outside.
        e.visible = !filter || start <= 0 || (end >= from && start <= to);
        if (e.visible)
            graph.addLink(e.a, e.b);
    }
    m_histogram->setTimes(times);
    m_histogram->setRange(from, to, filter);
    const QString measure = m_sizeBy->currentData().toString();
    const quint64 ticket = ++m_analysis;
    struct Result
    {
        QList<double> measure;
        QList<int> community, component, core;
    };
    QFuture<Result> job = runInBackground(m_pool, [graph, measure] {
        Result r;
        if (measure == QLatin1String("degree")) {
            for (int d : graph.degree())
                r.measure << d;
        } else if (measure == QLatin1String("betweenness")) {
            r.measure = graph.betweenness();
        } else if (measure == QLatin1String("closeness")) {
            r.measure = graph.closeness();
        } else if (measure == QLatin1String("eigenvector")) {
            r.measure = graph.eigenvector();
        }
        r.community = graph.communities();
        r.component = graph.components();
        r.core = graph.coreNumbers();
        return r;
    });
    whenFinished(this, job, [this, ticket, n](const QFuture<Result>& done) {
        if (ticket != m_analysis || m_canvas->nodes.size() != n)
            return;
        const Result r = done.result();
        m_measure = r.measure;
        m_community = r.community;
        m_component = r.component;
        m_core = r.core;
        applyFormatting();
        Q_EMIT analysed();
    });
    applyFormatting();
}

void LinkChart::applyFormatting()
{
    auto& nodes = m_canvas->nodes;
    const int n = int(nodes.size());
    double top = 0;
    for (double v : std::as_const(m_measure))
        top = std::max(top, v);
    const QString colourBy = m_colourBy->currentData().toString();
    const QString badgeBy = m_badgeBy->currentData().toString();
    const QString sizeBy = m_sizeBy->currentData().toString();
    double topAttribute = 0;
    if (sizeBy.startsWith(QLatin1String("attr:")))
        for (const ChartCanvas::Node& node : std::as_const(nodes))
            topAttribute = std::max(topAttribute, node.entity.attributes.value(sizeBy.mid(5)).toDouble());
    QHash<QString, int> attributeColours;
    const int k = m_kcore->value();
    for (int i = 0; i < n; ++i) {
        ChartCanvas::Node& node = nodes[i];
        node.radius = (m_measure.size() == n && top > 0) ? 10 + 24 * m_measure[i] / top : 14;
        if (sizeBy.startsWith(QLatin1String("attr:"))) // a number the analyst gave the items (risk, amount ...)
            node.radius = topAttribute > 0 ? 10 + 24 * std::max(0.0, node.entity.attributes.value(sizeBy.mid(5)).toDouble()) / topAttribute : 14;
        if (colourBy == QLatin1String("community") && m_community.size() == n)
            node.colour = ChartCanvas::paletteColour(m_community[i]);
        else if (colourBy == QLatin1String("component") && m_component.size() == n)
            node.colour = ChartCanvas::paletteColour(m_component[i]);
        else if (colourBy.startsWith(QLatin1String("attr:"))) {
            const QJsonValue v = node.entity.attributes.value(colourBy.mid(5));
            if (v.isUndefined()) {
                node.colour = QColor(0xbdbdbd);
            } else {
                const QString key = v.toVariant().toString();
                if (!attributeColours.contains(key))
                    attributeColours.insert(key, int(attributeColours.size()));
                node.colour = ChartCanvas::paletteColour(attributeColours.value(key));
            }
        } else {
            node.colour = QColor(); // by kind
        }
        if (badgeBy == QLatin1String("core") && m_core.size() == n)
            node.badge = QString::number(m_core[i]);
        else if (badgeBy.startsWith(QLatin1String("attr:")))
            node.badge = node.entity.attributes.value(badgeBy.mid(5)).toVariant().toString();
        else
            node.badge.clear();
        node.visible = k == 0 || (m_core.size() == n && m_core[i] >= k);
    }
    for (ChartCanvas::Edge& e : m_canvas->edges)
        if (e.a >= 0 && e.b >= 0 && (!nodes[e.a].visible || !nodes[e.b].visible))
            e.visible = false;
    m_canvas->update();
    showCurrent();
}

void LinkChart::refreshAttributeChoices()
{
    // The attributes the chart's items carry, to colour and badge by, and the numbers among them to size by.
    QStringList keys, numbers;
    for (const ChartCanvas::Node& n : std::as_const(m_canvas->nodes))
        for (auto it = n.entity.attributes.begin(); it != n.entity.attributes.end(); ++it) {
            if (!keys.contains(it.key()))
                keys << it.key();
            if (it->isDouble() && !numbers.contains(it.key()))
                numbers << it.key();
        }
    std::sort(keys.begin(), keys.end());
    std::sort(numbers.begin(), numbers.end());
    const QString colour = m_colourBy->currentData().toString(), badge = m_badgeBy->currentData().toString();
    const QString size = m_sizeBy->currentData().toString();
    const QSignalBlocker a(m_colourBy), b(m_badgeBy), c(m_sizeBy);
    while (m_sizeBy->count() > 5) // the measures stay; the attributes are the chart's of now
        m_sizeBy->removeItem(5);
    for (const QString& key : std::as_const(numbers))
        m_sizeBy->addItem(tr("attribute \"%1\"").arg(key), QStringLiteral("attr:") + key);
    m_sizeBy->setCurrentIndex(std::max(0, m_sizeBy->findData(size)));
    m_colourBy->clear();
    m_colourBy->addItem(tr("kind"), QString());
    m_colourBy->addItem(tr("community"), QStringLiteral("community"));
    m_colourBy->addItem(tr("connected component"), QStringLiteral("component"));
    m_badgeBy->clear();
    m_badgeBy->addItem(tr("none"), QString());
    m_badgeBy->addItem(tr("core number"), QStringLiteral("core"));
    for (const QString& key : std::as_const(keys)) {
        m_colourBy->addItem(tr("attribute \"%1\"").arg(key), QStringLiteral("attr:") + key);
        m_badgeBy->addItem(tr("attribute \"%1\"").arg(key), QStringLiteral("attr:") + key);
    }
    m_colourBy->setCurrentIndex(std::max(0, m_colourBy->findData(colour)));
    m_badgeBy->setCurrentIndex(std::max(0, m_badgeBy->findData(badge)));
}

void LinkChart::showCurrent()
{
    const int at = m_canvas->current();
    m_links->clear();
    if (at < 0 || at >= m_canvas->nodes.size()) {
        m_details->setText(tr("%n item(s) on the chart.", nullptr, int(m_canvas->nodes.size())));
        m_matches->clear();
        m_matchesFor = 0;
        return;
    }
    const ChartCanvas::Node& n = m_canvas->nodes[at];
    QStringList lines;
    lines << QStringLiteral("<b>%1</b> · %2").arg(entityKindName(entityKindKey(n.entity.kind)).toHtmlEscaped(),
                                                 (n.revealed.isEmpty() ? n.entity.labelMasked : n.revealed).toHtmlEscaped());
    if (n.entity.leadId > 0)
        lines << tr("From lead %1").arg(n.entity.leadId);
    if (!n.entity.caseRef.isEmpty())
        lines << tr("Case %1").arg(n.entity.caseRef.toHtmlEscaped());
    if (!n.entity.legalBasis.isEmpty())
        lines << tr("Kept for: %1, until %2").arg(n.entity.legalBasis.toHtmlEscaped(), day(n.entity.retainUntil));
    if (m_measure.size() == m_canvas->nodes.size() && !m_sizeBy->currentData().toString().isEmpty())
        lines << tr("%1: %2").arg(m_sizeBy->currentText()).arg(m_measure[at], 0, 'g', 3);
    if (m_core.size() == m_canvas->nodes.size())
        lines << tr("Core number %1, community %2").arg(m_core[at]).arg(m_community.value(at) + 1);
    for (auto it = n.entity.attributes.begin(); it != n.entity.attributes.end(); ++it)
        lines << QStringLiteral("%1: %2").arg(it.key().toHtmlEscaped(), it->toVariant().toString().toHtmlEscaped());
    if (n.changed)
        lines << tr("<i>Changed elsewhere since the chart was opened.</i>");
    m_details->setText(lines.join(QStringLiteral("<br>")));
    for (const ChartCanvas::Edge& e : std::as_const(m_canvas->edges)) {
        if (e.a != at && e.b != at)
            continue;
        const ChartCanvas::Node& other = m_canvas->nodes[e.a == at ? e.b : e.a];
        QString span;
        if (e.link.startedAt > 0 || e.link.endedAt > 0)
            span = tr(", %1 to %2").arg(day(e.link.startedAt), day(e.link.endedAt));
        const QString arrow = !e.link.directed ? QStringLiteral("—") : e.a == at ? QStringLiteral("→") : QStringLiteral("←");
        auto* item = new QListWidgetItem(tr("%1 %2 %3 · %4 · from %5: %6%7")
                                             .arg(relationName(e.link.relation), arrow, other.entity.labelMasked,
                                                  linkConfidenceName(e.link.confidence), linkSourceName(e.link.source), e.link.sourceRef, span),
                                         m_links);
        item->setToolTip(e.link.evidence);
    }
    // What it likely repeats, from the store: read when another item becomes the current one, not
    // each time the chart's formatting is applied.
    if (n.entity.id == m_matchesFor)
        return;
    m_matchesFor = n.entity.id;
    m_matches->clear();
    whenFinished(this, m_entities.matchesOf(n.entity.id), [this, id = n.entity.id](const QFuture<QList<EntityMatch>>& done) {
        if (m_canvas->current() < 0 || m_canvas->nodes[m_canvas->current()].entity.id != id)
            return;
        m_matches->clear();
        try {
            for (const EntityMatch& m : done.result()) {
                auto* item = new QListWidgetItem(QStringLiteral("%1 · %2").arg(m.entity.labelMasked, m.why), m_matches);
                item->setData(Qt::UserRole, m.entity.id);
            }
        } catch (const std::exception& e) {
            new QListWidgetItem(errorText(e), m_matches);
        }
    });
}

void LinkChart::followStore(const Event& event)
{
    const bool elsewhere = event.actor != m_context.session.principal().name;
    const qint64 from = qint64(event.payload.value(QStringLiteral("from")).toDouble());
    const qint64 to = qint64(event.payload.value(QStringLiteral("to")).toDouble());
    if (event.topic == QLatin1String("link.changed")) {
        const qint64 link = qint64(event.payload.value(QStringLiteral("link")).toDouble());
        if (event.payload.value(QStringLiteral("change")).toString() == QLatin1String("removed")) {
            const qsizetype before = m_canvas->edges.size();
            m_canvas->edges.removeIf([link](const ChartCanvas::Edge& e) { return e.link.id == link; });
            if (m_canvas->edges.size() != before) {
                if (elsewhere) {
                    ++m_changeCount;
                    m_changes->setText(tr("%n change(s) from elsewhere since the chart was opened, marked in orange.", nullptr, m_changeCount));
                }
                analyse();
            }
            return;
        }
        if (m_index.contains(from) || m_index.contains(to))
            addItems({m_index.contains(from) ? to : from}, elsewhere);
        return;
    }
    const qint64 entity = qint64(event.payload.value(QStringLiteral("entity")).toDouble());
    if (!m_index.contains(entity))
        return;
    const QString change = event.payload.value(QStringLiteral("change")).toString();
    if (change == QLatin1String("merged")) {
        const qint64 into = qint64(event.payload.value(QStringLiteral("into")).toDouble());
        removeItem(entity);
        addItems({into}, elsewhere);
    } else {
        addItems({entity}, elsewhere);
    }
}

QJsonObject LinkChart::state() const
{
    QJsonArray items, notes;
    for (const ChartCanvas::Node& n : std::as_const(m_canvas->nodes))
        items.append(QJsonObject{{QStringLiteral("id"), double(n.entity.id)},
                                 {QStringLiteral("x"), std::round(n.pos.x())},
                                 {QStringLiteral("y"), std::round(n.pos.y())},
                                 {QStringLiteral("pinned"), n.pinned}});
    for (const ChartCanvas::Note& note : std::as_const(m_canvas->notes))
        notes.append(QJsonObject{{QStringLiteral("text"), note.text}, {QStringLiteral("x"), note.pos.x()}, {QStringLiteral("y"), note.pos.y()}});
    return {{QStringLiteral("items"), items},
            {QStringLiteral("notes"), notes},
            {QStringLiteral("sizeBy"), m_sizeBy->currentData().toString()},
            {QStringLiteral("colourBy"), m_colourBy->currentData().toString()},
            {QStringLiteral("badgeBy"), m_badgeBy->currentData().toString()},
            {QStringLiteral("kcore"), m_kcore->value()},
            {QStringLiteral("timeFilter"), m_timeFilter->isChecked()},
            {QStringLiteral("from"), m_from->date().toString(Qt::ISODate)},
            {QStringLiteral("to"), m_to->date().toString(Qt::ISODate)},
            {QStringLiteral("view"), QJsonObject{{QStringLiteral("x"), m_canvas->centre().x()}, {QStringLiteral("y"), m_canvas->centre().y()},
                                                 {QStringLiteral("zoom"), m_canvas->zoom()}}}};
}

void LinkChart::save()
{
    if (m_canvas->nodes.isEmpty()) {
        say(tr("Nothing on the chart to save."));
        return;
    }
    QString title = m_chartTitle;
    if (m_chartId == 0) {
        Form f(this, QStringLiteral("chartTitleDialog"), tr("Save the chart"));
        auto* name = new QLineEdit(&f.dialog);
        name->setObjectName(QStringLiteral("title"));
        name->setMaxLength(120);
        name->setText(m_chartTitle.left(120));
        f.form->addRow(tr("&Title"), name);
        name->setFocus();
        if (!f.ask())
            return;
        title = name->text();
    }
    say(tr("Saving..."));
    whenFinished(this, m_entities.saveChart(m_chartId, m_chartVersion, title, state(), m_investigation), [this](const QFuture<SavedChart>& done) {
        try {
            const SavedChart saved = done.result();
            m_chartId = saved.id;
            m_chartVersion = saved.version;
            m_chartTitle = saved.title;
            m_title->setText(saved.title);
            say(tr("Saved as \"%1\".").arg(saved.title));
        } catch (const std::exception& e) {
            say(errorText(e));
        }
    });
}

void LinkChart::openSaved()
{
    whenFinished(this, m_entities.charts(200), [this](const QFuture<QList<SavedChart>>& done) {
        QList<SavedChart> charts;
        try {
            charts = done.result();
        } catch (const std::exception& e) {
            say(errorText(e));
            return;
        }
        if (charts.isEmpty()) {
            say(tr("No chart has been saved yet."));
            return;
        }
        Form f(this, QStringLiteral("chartOpenDialog"), tr("Open a chart"));
        auto* list = new QListWidget(&f.dialog);
        list->setObjectName(QStringLiteral("charts"));
        for (const SavedChart& c : std::as_const(charts)) {
            auto* item = new QListWidgetItem(tr("%1 · saved by %2 on %3").arg(c.title, c.updatedBy, day(c.updatedAt)), list);
            item->setData(Qt::UserRole, c.id);
        }
        list->setCurrentRow(0);
        f.form->addRow(list);
        connect(list, &QListWidget::itemActivated, &f.dialog, &QDialog::accept);
        list->setFocus();
        if (f.ask() && list->currentItem())
            openChart(list->currentItem()->data(Qt::UserRole).toLongLong());
    });
}

bool LinkChart::openChart(qint64 id)
{
    say(tr("Opening..."));
    whenFinished(this, m_entities.chart(id), [this](const QFuture<SavedChart>& done) {
        try {
            const SavedChart chart = done.result();
            QList<qint64> ids;
            for (const QJsonValue& v : chart.state.value(QStringLiteral("items")).toArray())
                ids << qint64(v.toObject().value(QStringLiteral("id")).toDouble());
            whenFinished(this, m_entities.items(ids), [this, chart](const QFuture<ChartData>& items) {
                try {
                    m_chartId = chart.id;
                    m_chartVersion = chart.version;
                    m_chartTitle = chart.title;
                    m_investigation = chart.investigationId;
                    m_title->setText(chart.title);
                    applyState(chart.state, items.result());
                    say(tr("Opened \"%1\", saved by %2.").arg(chart.title, chart.updatedBy));
                } catch (const std::exception& e) {
                    say(errorText(e));
                }
            });
        } catch (const std::exception& e) {
            say(errorText(e));
        }
    });
    return true;
}

void LinkChart::applyState(const QJsonObject& state, const ChartData& data)
{
    m_canvas->nodes.clear();
    m_canvas->edges.clear();
    m_canvas->notes.clear();
    m_index.clear();
    m_canvas->setCurrent(-1);
    m_canvas->setMarked(-1);
    m_changeCount = 0;
    m_changes->clear();
    m_measure.clear();
    m_lead = 0;
    // Each item where it was left (an item merged since into another takes its place).
    QHash<qint64, QJsonObject> placed;
    for (const QJsonValue& v : state.value(QStringLiteral("items")).toArray())
        placed.insert(qint64(v.toObject().value(QStringLiteral("id")).toDouble()), v.toObject());
    QList<QPointF> places;
    for (const Entity& e : data.entities) {
        const QJsonObject at = placed.value(e.id);
        places << QPointF(at.value(QStringLiteral("x")).toDouble(), at.value(QStringLiteral("y")).toDouble());
    }
    const QSignalBlocker a(m_sizeBy), b(m_colourBy), c(m_badgeBy), d(m_kcore), t(m_timeFilter), f(m_from), g(m_to);
    merge(data, false, places);
    for (const Entity& e : data.entities)
        if (m_index.contains(e.id))
            m_canvas->nodes[m_index.value(e.id)].pinned = placed.value(e.id).value(QStringLiteral("pinned")).toBool();
    for (const QJsonValue& v : state.value(QStringLiteral("notes")).toArray()) {
        const QJsonObject o = v.toObject();
        m_canvas->notes << ChartCanvas::Note{o.value(QStringLiteral("text")).toString().left(300),
                                             QPointF(o.value(QStringLiteral("x")).toDouble(), o.value(QStringLiteral("y")).toDouble())};
    }
    m_sizeBy->setCurrentIndex(std::max(0, m_sizeBy->findData(state.value(QStringLiteral("sizeBy")).toString())));
    m_colourBy->setCurrentIndex(std::max(0, m_colourBy->findData(state.value(QStringLiteral("colourBy")).toString())));
    m_badgeBy->setCurrentIndex(std::max(0, m_badgeBy->findData(state.value(QStringLiteral("badgeBy")).toString())));
    m_kcore->setValue(state.value(QStringLiteral("kcore")).toInt());
    m_timeFilter->setChecked(state.value(QStringLiteral("timeFilter")).toBool());
    if (const QDate from = QDate::fromString(state.value(QStringLiteral("from")).toString(), Qt::ISODate); from.isValid())
        m_from->setDate(from);
    if (const QDate to = QDate::fromString(state.value(QStringLiteral("to")).toString(), Qt::ISODate); to.isValid())
        m_to->setDate(to);
    const QJsonObject view = state.value(QStringLiteral("view")).toObject();
    if (view.contains(QStringLiteral("zoom")))
        m_canvas->setView(QPointF(view.value(QStringLiteral("x")).toDouble(), view.value(QStringLiteral("y")).toDouble()),
                          view.value(QStringLiteral("zoom")).toDouble());
    else
        m_canvas->fit();
    analyse();
}

QJsonObject LinkChart::snapshot() const
{
    QJsonArray items, links;
    const auto& nodes = m_canvas->nodes;
    for (int i = 0; i < nodes.size(); ++i) {
        const ChartCanvas::Node& n = nodes[i];
        items.append(QJsonObject{{QStringLiteral("id"), double(n.entity.id)},
                                 {QStringLiteral("kind"), entityKindKey(n.entity.kind)},
                                 {QStringLiteral("label"), n.entity.labelMasked},
                                 {QStringLiteral("x"), n.pos.x()},
                                 {QStringLiteral("y"), n.pos.y()},
                                 {QStringLiteral("pinned"), n.pinned},
                                 {QStringLiteral("visible"), n.visible},
                                 {QStringLiteral("changed"), n.changed},
                                 {QStringLiteral("radius"), n.radius},
                                 {QStringLiteral("measure"), i < m_measure.size() ? m_measure[i] : 0.0}});
    }
    for (const ChartCanvas::Edge& e : std::as_const(m_canvas->edges))
        links.append(QJsonObject{{QStringLiteral("id"), double(e.link.id)}, {QStringLiteral("from"), double(e.link.from)},
                                 {QStringLiteral("to"), double(e.link.to)}, {QStringLiteral("visible"), e.visible},
                                 {QStringLiteral("onPath"), e.onPath}});
    const auto idAt = [&](int i) { return i >= 0 && i < nodes.size() ? double(nodes[i].entity.id) : 0.0; };
    return {{QStringLiteral("items"), items},
            {QStringLiteral("links"), links},
            {QStringLiteral("current"), idAt(m_canvas->current())},
            {QStringLiteral("marked"), idAt(m_canvas->marked())},
            {QStringLiteral("chart"), double(m_chartId)},
            {QStringLiteral("notes"), int(m_canvas->notes.size())},
            {QStringLiteral("analysed"), m_measure.size() == nodes.size() && !m_measure.isEmpty()}};
}

bool LinkChart::selectItem(qint64 id)
{
    if (!m_index.contains(id))
        return false;
    m_canvas->setCurrent(m_index.value(id));
    return true;
}

void LinkChart::restoreViewState(const QJsonObject& state)
{
    if (const qint64 chart = qint64(state.value(QStringLiteral("chart")).toDouble()); chart > 0)
        openChart(chart);
    else if (const qint64 lead = qint64(state.value(QStringLiteral("lead")).toDouble()); lead > 0)
        chartLead(lead);
}

QJsonObject LinkChart::viewState() const
{
    return m_chartId > 0 ? QJsonObject{{QStringLiteral("chart"), double(m_chartId)}} : QJsonObject();
}

void LinkChart::exportChart()
{
    if (m_canvas->nodes.isEmpty()) {
        say(tr("Nothing on the chart to export."));
        return;
    }
    auto* dialog = new QFileDialog(this, tr("Export the chart"));
    dialog->setObjectName(QStringLiteral("chartExportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({tr("PNG pictures (*.png)"), tr("PDF files (*.pdf)")});
    dialog->setDefaultSuffix(QStringLiteral("png"));
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->selectFile(m_chartTitle.isEmpty() ? QStringLiteral("chart.png") : m_chartTitle + QStringLiteral(".png"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { exportTo(path); });
    dialog->open();
}

QFuture<int> LinkChart::exportTo(const QString& path)
{
    // Drawn here (the chart's data is the GUI's), written to disk off the GUI thread.
    QFuture<int> written;
    const QString title = m_chartTitle.isEmpty() ? tr("Link chart") : m_chartTitle;
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        QPicture picture;
        {
            QPainter p(&picture);
            QFont f = p.font();
            f.setPointSizeF(11);
            f.setBold(true);
            p.setFont(f);
            p.setPen(Qt::black);
            p.drawText(QRectF(0, 0, 1100, 24), Qt::AlignLeft, title);
            f.setBold(false);
            f.setPointSizeF(8);
            p.setFont(f);
            p.drawText(QRectF(0, 24, 1100, 16), Qt::AlignLeft,
                       tr("%n item(s), labels masked unless revealed; exported %1 by %2", nullptr, int(m_canvas->nodes.size()))
                           .arg(QDateTime::fromMSecsSinceEpoch(m_context.clock.nowMs()).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                m_context.session.principal().name));
            m_canvas->paintAll(p, QRectF(0, 44, 1100, 730));
        }
        written = runInBackground(m_pool, [picture, path] {
            QPdfWriter pdf(path);
            pdf.setPageSize(QPageSize(QPageSize::A4));
            pdf.setPageOrientation(QPageLayout::Landscape);
            pdf.setResolution(96);
            QPainter p;
            if (!p.begin(&pdf))
                throw std::runtime_error(LinkChart::tr("Cannot write %1").arg(path).toStdString());
            const QRect page = pdf.pageLayout().paintRectPixels(pdf.resolution());
            const double scale = std::min(page.width() / 1100.0, page.height() / 780.0);
            p.scale(scale, scale);
            p.drawPicture(0, 0, picture);
            p.end();
            return 1;
        });
    } else {
        QImage image(2400, 1600, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            m_canvas->paintAll(p, QRectF(20, 20, 2360, 1560));
        }
        written = runInBackground(m_pool, [image, path] {
            if (!image.save(path, "PNG"))
                throw std::runtime_error(LinkChart::tr("Cannot write %1").arg(path).toStdString());
            return 1;
        });
    }
    sayWhenReportWritten(m_message, path, written);
    return written;
}

} // namespace hexhub::criminalintel
