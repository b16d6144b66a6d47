#pragma once
// One hit, explained (issue 20 section 3): what it says, its score's waterfall, for a ring the graph
// of its members and the identifiers that tie them, every member's ties, the rows behind it (masked
// as every view shows them), who reviewed it and why; and the review's actions.

#include "hexhub/bigdata_investigation/modelservice.h"
#include "viewsupport.h"

#include <QFuture>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTreeWidget;
class QTabWidget;

namespace hexhub::bigdata {

struct BigDataContext;
class RingGraph;
class WaterfallChart;

class HitPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit HitPanel(BigDataContext& context, QWidget* parent = nullptr);

    void show(qint64 hitId);
    void reload() { show(m_hit.id); }
    qint64 hitId() const { return m_hit.id; }
    const StoredHit& hit() const { return m_hit; }

    //! The review's actions, each asking for the reason (C, X, M on the queue).
    void confirm();
    void dismiss();
    void askForMoreData();
    //! Hands the confirmed hit on (I: criminal intelligence, H: the hub).
    void handOn(const QString& to);
    //! The labelling loop: the answer on an entity-resolution pair (Y same, N different, U unsure).
    void answer(PairLabel label);
    //! The labelling loop closed: the hit's run's model learns its weights again from the answers and
    //! is saved as its next version (W on the queue).
    void relearn();
    //! Asks where (a file dialog named "reportDialog"), then exportReport() there (P on the queue).
    void saveReport();
    /*!
     * The hit as a PDF report for the file or the hand-over: what it says, the model, version and
     * parameters, the score's waterfall and the parts, for a ring its graph and ties, the rows
     * behind it masked as every view shows them, and its review. The charts are drawn here; the
     * file is written off the GUI thread, whole or not at all. The pages written.
     */
    QFuture<int> exportReport(const QString& path);

Q_SIGNALS:
    void reviewed(qint64 hitId);

private:
    void showHit(const StoredHit& hit);
    void review(HitStatus to, const QString& question);

    BigDataContext& m_context;
    StoredHit m_hit;
    LatestRead m_latest;
    QLabel* m_title;
    QLabel* m_state;
    QLabel* m_message;
    WaterfallChart* m_waterfall;
    RingGraph* m_graph;
    QTreeWidget* m_ties;
    QTableWidget* m_rows;
    QTabWidget* m_tabs;
    QPushButton *m_confirm, *m_dismiss, *m_more, *m_toIntel, *m_toHub;
};

/*!
 * Asks for the reason of a decision that goes on record (at least five characters): Enter takes it,
 * Escape cancels. The reason, or nothing when cancelled.
 */

} // namespace hexhub::bigdata
