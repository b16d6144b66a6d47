// The centre on a big screen (bigdatawall.h).
#include "bigdatawall.h"
#include "bigdatacontext.h"
#include "charts.h"
#include "figuretiles.h"

#include "hexhub/bigdata_investigation/modelrun.h"

#include "base/clock.h"
#include "base/whenfinished.h"
#include "bus/eventbus.h"
#include "store/sql.h"
#include "store/store.h"

#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace hexhub::bigdata {

namespace {

constexpr qint64 kDay = 24 * 3600 * 1000;

} // namespace

BigDataWall::BigDataWall(BigDataContext& context, QWidget* parent) : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("bigdata_investigation.wall"));
    m_figures = new FigureTiles(6, this);
    m_hitTitle = new QLabel(this);
    m_hitTitle->setObjectName(QStringLiteral("wallHit"));
    m_hitTitle->setWordWrap(true);
    QFont big = m_hitTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_hitTitle->setFont(big);
    m_waterfall = new WaterfallChart(this);
    m_graph = new RingGraph(this);
    auto* hit = new QHBoxLayout;
    hit->addWidget(m_waterfall, 2);
    hit->addWidget(m_graph, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_figures);
    layout->addSpacing(12);
    layout->addWidget(m_hitTitle);
    layout->addLayout(hit, 1);
    reloadOnEvents(m_context.bus, this, {QStringLiteral("model_hit."), QStringLiteral("model_run."), QStringLiteral("dataset.")}, 500,
                   [this] { reload(); });
    reload();
}

void BigDataWall::restoreViewState(const QJsonObject& state)
{
    m_pinned = qint64(state.value(QStringLiteral("hit")).toDouble());
    reload();
}

void BigDataWall::reload()
{
    const qint64 now = m_context.clock.nowMs();
    // The figures in one read (the wall shows what a supervisor may see: the server's grants decide).
    whenLatest(this, m_figuresRead, m_context.store.read([now](Sql& sql) {
        Figures f;
        f.waiting = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE status IN ('new', 'more_data')")).toLongLong();
        f.oldestWaiting = sql.scalar(QStringLiteral("SELECT COALESCE(MIN(r.finished_at), 0) FROM bd_hits h JOIN bd_runs r ON r.id = h.run_id "
                                                    "WHERE h.status IN ('new', 'more_data')")).toLongLong();
        f.confirmed = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE status IN ('confirmed', 'handed_on') AND reviewed_at >= ?"),
                                 {now - 7 * kDay}).toLongLong();
        f.handedOn = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE status = 'handed_on' AND reviewed_at >= ?"), {now - 7 * kDay})
                         .toLongLong();
        f.datasets = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM bd_datasets WHERE state = 'ready'")).toLongLong();
        f.rows = sql.scalar(QStringLiteral("SELECT COALESCE(SUM(record_count), 0) FROM bd_datasets WHERE state = 'ready'")).toLongLong();
        f.expiring = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM bd_datasets WHERE state = 'ready' AND retain_until < ?"), {now + 30 * kDay})
                         .toLongLong();
        return f;
    }),
               [this](QFuture<Figures> done) {
                   try {
                       showFigures(done.result());
                   } catch (const std::exception& e) {
                       m_hitTitle->setText(errorText(e));
                   }
               });
    const auto hit = m_pinned > 0 ? m_context.models.hit(m_pinned).then([](const StoredHit& h) { return QList<StoredHit>{h}; })
                                  : m_context.models.queue({HitStatus::New, HitStatus::MoreData, HitStatus::Confirmed}, 1);
    whenLatest(this, m_hitRead, hit, [this](QFuture<QList<StoredHit>> done) {
        try {
            const QList<StoredHit> hits = done.result();
            showHit(hits.isEmpty() ? StoredHit{} : hits.first());
        } catch (const std::exception& e) {
            m_hitTitle->setText(errorText(e));
        }
    });
}

void BigDataWall::showFigures(const Figures& f)
{
    const QLocale locale;
    const qint64 age = f.oldestWaiting > 0 ? m_context.clock.nowMs() - f.oldestWaiting : 0;
    // A hit waiting over a day is late: it shows.
    m_figures->setFigures({{locale.toString(f.waiting), tr("hits waiting for a person")},
                           {age > 0 ? formatDuration(age) : QStringLiteral("–"), tr("the oldest has waited"), age > kDay},
                           {locale.toString(f.confirmed), tr("confirmed in 7 days")},
                           {locale.toString(f.handedOn), tr("handed on in 7 days")},
                           {locale.toString(f.rows), tr("rows held in %n dataset(s)", nullptr, int(f.datasets))},
                           {locale.toString(f.expiring), tr("datasets reaching their retention date within 30 days")}});
}

void BigDataWall::showHit(const StoredHit& hit)
{
    if (hit.id <= 0) {
        m_hitTitle->setText(tr("No hit waiting"));
        m_waterfall->setParts({}, 0, {}, {});
        m_graph->setRing({}, {});
        return;
    }
    const QJsonObject e = hit.evidence;
    m_hitTitle->setText(tr("Hit %1 (%2, score %3): %4").arg(hit.id).arg(hitStatusName(hit.status)).arg(hit.score, 0, 'f', 2).arg(localText(e, QStringLiteral("summary"))));
    QList<WaterfallChart::Part> parts;
    for (const QJsonValue& v : e.value(QStringLiteral("breakdown")).toArray())
        parts << WaterfallChart::Part{partLabel(v.toObject()), v.toObject().value(QStringLiteral("value")).toDouble()};
    m_waterfall->setParts(parts, e.value(QStringLiteral("total")).toDouble(), localText(e, QStringLiteral("unit")), tr("total"));
    QStringList members;
    for (const QJsonValue& v : e.value(QStringLiteral("members")).toArray())
        members << v.toString();
    QList<RingGraph::Tie> ties;
    for (const QJsonValue& v : e.value(QStringLiteral("ties")).toArray())
        ties << RingGraph::Tie{v.toObject().value(QStringLiteral("member")).toString(), v.toObject().value(QStringLiteral("column")).toString(),
                               v.toObject().value(QStringLiteral("value")).toString()};
    m_graph->setRing(ties.isEmpty() ? QStringList() : members, ties);
}

} // namespace hexhub::bigdata
