// The custody suite on a big screen (custodywall.h).
#include "custodywall.h"

#include "base/clock.h"
#include "base/whenfinished.h"
#include "casecontext.h"
#include "figuretiles.h"
#include "shared/deadlines.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hexhub::cases {

namespace {

constexpr qint64 kMinute = 60'000;
// The suite holds a few dozen at most; the wall shows the first page, the next check due first.
constexpr int kPage = 200;

} // namespace

int CustodyWall::checkLevel(qint64 dueMs, qint64 nowMs)
{
    if (dueMs < nowMs)
        return 2;
    return dueMs - nowMs <= Deadline::kDueSoonMs ? 1 : 0;
}

CustodyWall::CustodyWall(CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("case_management.custody_wall"));
    m_figures = new FigureTiles(5, this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("wallStatus"));
    m_status->setWordWrap(true);
    m_people = new QTableWidget(0, 6, this);
    m_people->setObjectName(QStringLiteral("wallPeople"));
    retranslate();
    m_people->verticalHeader()->hide();
    m_people->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_people->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_people->setSelectionMode(QAbstractItemView::NoSelection);
    m_people->setFocusPolicy(Qt::NoFocus);
    QFont big = m_people->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_people->setFont(big);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_figures);
    layout->addSpacing(8);
    layout->addWidget(m_status);
    layout->addWidget(m_people, 1);
    reloadOnEvents(m_context.bus, this, {QStringLiteral("custody."), QStringLiteral("case.limit")}, 300, [this] { reload(); });
    // A check falls due and is missed at its minute, with no event: the wall reads again each minute of clock time.
    auto* minute = new ClockTimer(m_context.clock, this);
    minute->setInterval(kMinute);
    connect(minute, &ClockTimer::timeout, this, &CustodyWall::reload);
    minute->start();
    reload();
}

void CustodyWall::retranslate()
{
    m_people->setHorizontalHeaderLabels({tr("Wristband"), tr("Where"), tr("Held"), tr("Limit"), tr("Next check"), tr("Risk")});
}

void CustodyWall::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reload();
    }
}

void CustodyWall::reload()
{
    CustodyFilter filter;
    filter.limit = kPage;
    whenLatest(this, m_read, m_context.custody.people(filter), [this](QFuture<QList<Custody>> done) {
        QList<Custody> people;
        try {
            people = done.result();
        } catch (const std::exception& e) {
            m_status->setText(QString::fromUtf8(e.what()));
            return;
        }
        const qint64 now = m_context.clock.nowMs();
        int dueSoon = 0, missed = 0, pastLimit = 0, nearLimit = 0;
        const QColor amber(0xd9, 0x8c, 0x00), red(0xc0, 0x39, 0x2b);
        m_people->setRowCount(int(people.size()));
        for (int row = 0; row < people.size(); ++row) {
            const Custody& k = people[row];
            const int level = checkLevel(k.nextCheckAt, now);
            dueSoon += level == 1;
            missed += level == 2;
            const qint64 toLimit = k.limitAt - now;
            pastLimit += toLimit < 0;
            nearLimit += toLimit >= 0 && toLimit <= 2 * 60 * kMinute;
            const QString next =
                level == 2 ? tr("MISSED %1 ago").arg(formatDuration(now - k.nextCheckAt)) : tr("in %1").arg(formatDuration(k.nextCheckAt - now));
            const QString limit = toLimit < 0 ? tr("run out %1 ago").arg(formatDuration(-toLimit)) : tr("%1 left").arg(formatDuration(toLimit));
            const QStringList cells{k.tag, custodyRoomName(k.roomName),  formatDuration(now - k.startedAt), limit,
                                    next,  riskLevelName(k.risk.level())};
            for (int column = 0; column < cells.size(); ++column) {
                auto* item = new QTableWidgetItem(cells[column]);
                if ((column == 4 && level > 0) || (column == 3 && toLimit < 2 * 60 * kMinute)) {
                    const bool bad = column == 4 ? level == 2 : toLimit < 0;
                    item->setBackground(bad ? red : amber);
                    item->setForeground(QColor(Qt::white));
                    QFont bold = item->font();
                    bold.setBold(true);
                    item->setFont(bold);
                }
                if (column == 5 && k.risk.level() == RiskLevel::Highest)
                    item->setForeground(red);
                m_people->setItem(row, column, item);
            }
        }
        const QLocale locale;
        m_figures->setFigures({{locale.toString(people.size()), tr("in custody now")},
                               {locale.toString(dueSoon), tr("checks due within 15 minutes"), dueSoon > 0},
                               {locale.toString(missed), tr("checks missed"), missed > 0},
                               {locale.toString(nearLimit), tr("limits within 2 hours"), nearLimit > 0},
                               {locale.toString(pastLimit), tr("limits run out"), pastLimit > 0}});
        m_status->setText(people.isEmpty() ? tr("Nobody is in custody.")
                          : missed > 0     ? tr("%n welfare check(s) missed: check now and record what was seen.", nullptr, missed)
                                           : QString());
    });
}

} // namespace hexhub::cases
