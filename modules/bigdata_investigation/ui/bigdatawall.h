#pragma once
// The centre on a big screen (a wall or a dock): the few numbers a supervisor watches (hits
// waiting for a person and the oldest of them, confirmed and handed on in the last seven days,
// datasets held and rows, datasets reaching their retention date within 30 days) and the best hit
// waiting or confirmed, with its score's waterfall and, for a ring, its graph. Live on the bus.

#include "hexhub/bigdata_investigation/modelservice.h"
#include "viewsupport.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;

namespace hexhub {
class FigureTiles;
}

namespace hexhub::bigdata {

struct BigDataContext;
class RingGraph;
class WaterfallChart;

class BigDataWall final : public QWidget
{
    Q_OBJECT
public:
    explicit BigDataWall(BigDataContext& context, QWidget* parent = nullptr);
    //! {"hit": id}: that hit instead of the best one.
    Q_INVOKABLE void restoreViewState(const QJsonObject& state);
    void reload();

private:
    struct Figures
    {
        qint64 waiting = 0, oldestWaiting = 0, confirmed = 0, handedOn = 0, datasets = 0, rows = 0, expiring = 0;
    };
    void showFigures(const Figures& f);
    void showHit(const StoredHit& hit);

    BigDataContext& m_context;
    LatestRead m_figuresRead, m_hitRead;
    qint64 m_pinned = 0;
    FigureTiles* m_figures;
    QLabel* m_hitTitle;
    WaterfallChart* m_waterfall;
    RingGraph* m_graph;
};

} // namespace hexhub::bigdata
