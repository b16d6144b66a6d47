#pragma once
// The link chart (issue 21 section 2): entities and their links drawn as analysts read them (line
// style by confidence, arrows where a link has a direction), added from search, expanded one or n
// steps, the shortest path between two items found in the store; the network measures, k-cores and
// communities computed off the GUI thread and shown by size, colour and badge; force-directed,
// hierarchical, circular and timeline layouts that keep pinned items still; a histogram of the links
// by time that filters them; notes; saved as the analyst left it; exported as PNG or PDF. It follows
// the store: what another desk adds to an item on the chart appears, marked. Every step has a key.
#include "chartcanvas.h"
#include "hexhub/criminal_intel/entities.h"

#include "viewsupport.h"

#include <QDate>
#include <QHash>
#include <QPointF>
#include <QThreadPool>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPainter;
class QSpinBox;

namespace hexhub {
struct Event;
}

namespace hexhub::criminalintel {

struct IntelContext;

/*!
 * The histogram of the chart's links over time, with the range the filter keeps. Dragging across
 * it chooses a range (rangeChosen()), clicking a bar that bar's span; the dates beside it are the
 * keyboard's way to the same.
 */
class TimeHistogram final : public QWidget
{
    Q_OBJECT
    //! The times at its left and right edges (the first and the last link's).
    Q_PROPERTY(qint64 firstTime READ firstTime)
    Q_PROPERTY(qint64 lastTime READ lastTime)
public:
    explicit TimeHistogram(QWidget* parent = nullptr);
    void setTimes(const QList<qint64>& times);
    void setRange(qint64 from, qint64 to, bool active);
    QSize sizeHint() const override { return {240, 70}; }
    QList<int> counts() const { return m_counts; }
    //! The time at `x` across the histogram (its first link's time at the left edge, its last at the right).
    qint64 timeAt(double x) const;
    qint64 firstTime() const { return m_first; }
    qint64 lastTime() const { return m_last; }

Q_SIGNALS:
    //! The user dragged across the bars from `from` to `to` (or clicked one bar: its span).
    void rangeChosen(qint64 from, qint64 to);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QList<qint64> m_times;
    QList<int> m_counts;
    qint64 m_first = 0, m_last = 0, m_from = 0, m_to = 0;
    bool m_active = false;
    std::optional<double> m_dragFrom; //!< where a drag started (x), while one goes on
    double m_dragTo = 0;
};

class LinkChart final : public QWidget
{
    Q_OBJECT
public:
    LinkChart(IntelContext& context, QWidget* parent = nullptr);

    ChartCanvas* canvas() const { return m_canvas; }
    QLabel* message() const { return m_message; }
    qint64 chartId() const { return m_chartId; }

    //! Adds the items `ids` and the links among them and to what is on the chart already.
    void addItems(const QList<qint64>& ids, bool markChanged = false);
    //! C on a lead: its entities and what they link to, one step out.
    void chartLead(qint64 lead);
    /*!
     * C on an investigation: its latest saved chart (`savedChart`), or else `entities` (its leads')
     * one step out; the chart is saved with the investigation from then on.
     */
    void chartInvestigation(qint64 investigation, const QString& title, const QList<qint64>& entities, qint64 savedChart);
    qint64 investigationId() const { return m_investigation; }
    //! `ids` (not empty) and what they link to, one step out, laid out around the first.
    void chartAround(const QList<qint64>& ids);
    //! E (1 step), Shift+E (asks how many, "stepsDialog"): the current item's neighbours.
    void expand(int steps);
    void askSteps();
    //! P: the shortest path between the marked item (M) and the current one, through the store.
    void findPath();
    //! L: a link from the marked item to the current one ("linkDialog"), with its provenance.
    void linkMarked();
    //! A: a new entity ("entityDialog"), its likely matches offered before it is added.
    void addEntity();
    //! Shift+M: the current item merged into the likely match chosen ("mergeDialog"), with a reason.
    void mergeCurrent();
    //! R: the current item's label, with a reason.
    void revealCurrent();
    //! N: a note at the current item ("noteDialog").
    void addNote();
    //! F, H, O: force-directed, hierarchical, circular; pinned items stay. T: the timeline, and back.
    void layoutChart(const QString& kind);
    void toggleTimeline();
    //! Ctrl+S (a title asked the first time, "chartTitleDialog"), Ctrl+O ("chartOpenDialog").
    void save();
    void openSaved();
    bool openChart(qint64 id);
    //! X: the chart as PNG or PDF where the analyst says ("chartExportDialog"); exportTo() writes off the GUI thread.
    void exportChart();
    QFuture<int> exportTo(const QString& path);
    //! The chart's state as saved, and back.
    QJsonObject state() const;
    //! Measures of the chart as last computed (empty until the first analysis ends).
    const QList<double>& measure() const { return m_measure; }
    const QList<int>& communities() const { return m_community; }
    const QList<int>& cores() const { return m_core; }

    /*!
     * What the chart holds, for accessibility tools and tests: {"items": [{id, kind, label, x, y,
     * pinned, visible, changed, radius, measure}], "links": [{id, from, to, visible, onPath}],
     * "current", "marked" (entity ids, 0 for none), "chart", "notes", "analysed"}.
     */
    Q_INVOKABLE QJsonObject snapshot() const;
    //! Makes the item of entity `id` the current one; false when it is not on the chart.
    Q_INVOKABLE bool selectItem(qint64 id);

public Q_SLOTS:
    //! {"chart": id}: a saved chart; {"lead": id}: a lead's entities (a link, a picture, a panel restored).
    void restoreViewState(const QJsonObject& state);
    QJsonObject viewState() const;

Q_SIGNALS:
    void analysed();
    void itemsChanged();

private:
    void merge(const ChartData& data, bool markChanged, const QList<QPointF>& places = {});
    //! Takes the item of entity `id` off the chart (never out of the store).
    void removeItem(qint64 id);
    void rebuildEdges();
    void analyse();
    void applyFormatting();
    void showCurrent();
    void search();
    void followStore(const Event& event);
    void applyState(const QJsonObject& state, const ChartData& data);
    void refreshAttributeChoices();
    void say(const QString& text);

    IntelContext& m_context;
    EntityService m_entities;
    ChartCanvas* m_canvas;
    QLineEdit* m_search;
    QListWidget* m_results;
    QLabel* m_title;
    QLabel* m_details;
    QListWidget* m_links;
    QListWidget* m_matches;
    QComboBox* m_sizeBy;
    QComboBox* m_colourBy;
    QComboBox* m_badgeBy;
    QSpinBox* m_kcore;
    QCheckBox* m_timeFilter;
    QDateEdit* m_from;
    QDateEdit* m_to;
    TimeHistogram* m_histogram;
    QLabel* m_changes;
    QLabel* m_message;
    QHash<qint64, int> m_index; //!< entity id -> node
    QList<double> m_measure;
    QList<int> m_community, m_component, m_core;
    quint64 m_analysis = 0;
    int m_changeCount = 0;
    qint64 m_chartId = 0;
    int m_chartVersion = 0;
    QString m_chartTitle;
    qint64 m_matchesFor = 0; //!< the item whose likely repeats the side lists
    qint64 m_lead = 0; //!< the lead charted last (C): items added here join it
    qint64 m_investigation = 0; //!< the investigation the chart is saved with
    bool m_timeline = false;
    QList<QPointF> m_beforeTimeline;
    LatestRead m_searches;
    QThreadPool m_pool; //!< analyses, layouts and exports; waited for when the chart closes
};

} // namespace hexhub::criminalintel
