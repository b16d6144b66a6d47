// The centre on a big screen (intelwall.h).
#include "intelwall.h"
#include "intelcontext.h"

#include "base/clock.h"
#include "base/whenfinished.h"
#include "figuretiles.h"
#include "store/sql.h"
#include "store/store.h"

#include <QDateTime>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace hexhub::criminalintel {

namespace {

constexpr qint64 kDay = 24 * 3600 * 1000;

} // namespace

IntelWall::IntelWall(IntelContext& context, QWidget* parent) : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("criminal_intel.wall"));
    m_figures = new FigureTiles(5, this);
    m_title = new QLabel(tr("Running out first"), this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_next = new QListWidget(this);
    m_next->setObjectName(QStringLiteral("wallLeads"));
    m_next->setWordWrap(true);
    m_next->setFocusPolicy(Qt::NoFocus);
    QFont listFont = m_next->font();
    listFont.setPointSizeF(listFont.pointSizeF() * 1.2);
    m_next->setFont(listFont);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_figures);
    layout->addSpacing(12);
    layout->addWidget(m_title);
    layout->addWidget(m_next, 1);
    reloadOnEvents(m_context.bus, this, {QStringLiteral("lead."), QStringLiteral("time_limit.")}, 500, [this] { reload(); });
    reload();
}

void IntelWall::reload()
{
    const qint64 now = m_context.clock.nowMs();
    // One read (the wall shows what its desk's login may see: the server's grants decide).
    whenLatest(this, m_read, m_context.store.read([now](Sql& sql) {
        Reading r;
        r.waiting = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE status IN ('new', 'assessing')")).toLongLong();
        r.late = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE due_at < ? AND status NOT IN ('actioned', 'closed')"), {now})
                     .toLongLong();
        r.received = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE received_at >= ?"), {now - 7 * kDay}).toLongLong();
        r.actioned = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE status = 'actioned' AND updated_at >= ?"), {now - 7 * kDay})
                         .toLongLong();
        QSqlQuery q = sql.exec(QStringLiteral("SELECT scheme, source_grade, info_grade FROM ci_leads WHERE status = 'assessing' AND scheme IS NOT NULL"));
        while (q.next())
            if (const auto scheme = gradingSchemeFromKey(q.value(0).toString());
                scheme && LeadGrade{*scheme, q.value(1).toString(), q.value(2).toString(), QStringLiteral("P"), {}}.band() == GradeBand::High)
                ++r.highWaiting;
        q = sql.exec(QStringLiteral("SELECT reference, summary, due_at, scheme, source_grade, info_grade, handling, conditions FROM ci_leads "
                                    "WHERE due_at IS NOT NULL AND status NOT IN ('actioned', 'closed') ORDER BY due_at, id LIMIT 12"));
        while (q.next()) {
            Lead l;
            if (const auto scheme = gradingSchemeFromKey(q.value(3).toString()))
                l.grade = LeadGrade{*scheme, q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString()};
            const qint64 left = q.value(2).toLongLong() - now;
            const QString when = left < 0 ? tr("missed %1 ago").arg(formatDuration(-left)) : tr("in %1").arg(formatDuration(left));
            r.next << tr("%1 · %2 · %3 · %4").arg(when, q.value(0).toString(), l.handlingText(), q.value(1).toString());
        }
        return r;
    }),
               [this](QFuture<Reading> done) {
                   try {
                       const Reading r = done.result();
                       const QLocale locale;
                       m_figures->setFigures({{locale.toString(r.waiting), tr("leads waiting for an analyst")},
                                              {locale.toString(r.late), tr("past their limit"), r.late > 0},
                                              {locale.toString(r.highWaiting), tr("graded high, not yet decided"), r.highWaiting > 0},
                                              {locale.toString(r.received), tr("taken in, last 7 days")},
                                              {locale.toString(r.actioned), tr("actioned, last 7 days")}});
                       m_next->clear();
                       m_next->addItems(r.next);
                       if (r.next.isEmpty())
                           m_next->addItem(tr("No limit running."));
                   } catch (const std::exception& e) {
                       m_title->setText(QString::fromUtf8(e.what()));
                   }
               });
}

} // namespace hexhub::criminalintel
