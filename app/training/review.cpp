#include "review.h"

#include "trainingtr.h"

#include "reportwriter.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QThreadPool>
#include <QPointer>
#include <QApplication>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace hexhub::training {

namespace {

QColor outcomeColour(ScenarioOutcome outcome)
{
    switch (outcome) {
    case ScenarioOutcome::Met: return QColor(0x2e, 0x9d, 0x4f);
    case ScenarioOutcome::Late: return QColor(0xe0, 0x9b, 0x12);
    case ScenarioOutcome::Missed: return QColor(0xc8, 0x3a, 0x32);
    case ScenarioOutcome::Pending:
    case ScenarioOutcome::Skipped: break;
    }
    return QColor(0x88, 0x88, 0x88);
}

QString elided(const QString& text, int chars)
{
    return text.size() <= chars ? text : text.left(chars - 1) + QChar(0x2026);
}

// What an action or inject was, in words.
QString entryText(const ScenarioTimelineEntry& e)
{
    // The run wrote down how the module that published it describes it (ModuleManager::describe()).
    return e.text.isEmpty() ? e.topic : e.text;
}

QString scoreLine(const ScenarioReport& r)
{
    return Tr::tr("Score %1%: %2 met, %3 late, %4 missed")
        .arg(QLocale().toString(r.scorePercent, 'f', 0))
        .arg(r.met)
        .arg(r.late)
        .arg(r.missed);
}

QString dateText(const QDateTime& at)
{
    return at.isValid() ? QLocale().toString(at.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QStringLiteral("-");
}

QString allowedText(const ScenarioReport& r, const ScenarioScore& s)
{
    if (s.windowFromMs < 0 || s.windowToMs < 0)
        return QStringLiteral("-");
    Q_UNUSED(r);
    return clockText(s.windowToMs - s.windowFromMs);
}

} // namespace

QString clockText(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("-");
    const qint64 s = ms / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString entryKindName(ScenarioTimelineEntry::Kind kind)
{
    switch (kind) {
    case ScenarioTimelineEntry::Kind::Inject: return Tr::tr("Inject");
    case ScenarioTimelineEntry::Kind::BranchInject: return Tr::tr("Branch inject");
    case ScenarioTimelineEntry::Kind::ManualInject: return Tr::tr("Manual inject");
    case ScenarioTimelineEntry::Kind::FailedInject: return Tr::tr("Inject failed");
    case ScenarioTimelineEntry::Kind::Action: return Tr::tr("Trainee action");
    case ScenarioTimelineEntry::Kind::Annotation: return Tr::tr("Annotation");
    }
    return {};
}

void drawResponseChart(QCustomPlot* plot, const ScenarioReport& report, const QString& language)
{
    plot->clearPlottables();
    plot->clearItems();
    QCPAxis* keys = plot->yAxis;
    QCPAxis* values = plot->xAxis;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    struct Series { ScenarioOutcome outcome; QString name; QCPBars* bars; };
    QList<Series> series{{ScenarioOutcome::Met, scenarioOutcomeName(ScenarioOutcome::Met), nullptr},
                         {ScenarioOutcome::Late, scenarioOutcomeName(ScenarioOutcome::Late), nullptr},
                         {ScenarioOutcome::Missed, scenarioOutcomeName(ScenarioOutcome::Missed), nullptr}};
    for (Series& s : series) {
        s.bars = new QCPBars(keys, values);
        s.bars->setName(s.name);
        s.bars->setPen(Qt::NoPen);
        s.bars->setBrush(outcomeColour(s.outcome));
        s.bars->setWidth(0.6);
    }
    QCPGraph* allowed = plot->addGraph(keys, values);
    allowed->setName(Tr::tr("allowed"));
    allowed->setLineStyle(QCPGraph::lsNone);
    allowed->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QColor(0x30, 0x30, 0x30), QColor(0x30, 0x30, 0x30), 8));
    double most = 1;
    int row = 0;
    // Top to bottom in the scenario's order: the first expectation on the highest key.
    QList<const ScenarioScore*> shown;
    for (const ScenarioScore& s : report.scores) {
        if (s.outcome != ScenarioOutcome::Skipped && s.outcome != ScenarioOutcome::Pending)
            shown << &s;
    }
    for (int i = shown.size() - 1; i >= 0; --i, ++row) {
        const ScenarioScore& s = *shown[i];
        const double window = s.windowToMs >= s.windowFromMs && s.windowFromMs >= 0 ? (s.windowToMs - s.windowFromMs) / 60000.0 : 0;
        // A missed response is drawn as long as its whole window: that much time passed without it.
        const double minutes = s.outcome == ScenarioOutcome::Missed ? window : std::max(0.0, s.responseMs / 60000.0);
        for (Series& ser : series) {
            if (ser.outcome == s.outcome)
                ser.bars->addData(row, minutes);
        }
        allowed->addData(row, window);
        most = std::max({most, minutes, window});
        ticker->addTick(row, elided(s.label.text(language), 34));
    }
    keys->setTicker(ticker);
    keys->setRange(-0.7, std::max(0.7, row - 0.3));
    keys->setTickLength(0, 2);
    keys->grid()->setVisible(false);
    values->setRange(0, most * 1.45); // room on the right for the legend
    values->setLabel(Tr::tr("minutes after the inject"));
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    for (Series& s : series) {
        if (s.bars->dataCount() == 0)
            plot->legend->removeItem(plot->legend->itemWithPlottable(s.bars));
    }
}

void drawTimelineChart(QCustomPlot* plot, const ScenarioReport& report)
{
    plot->clearPlottables();
    plot->clearItems();
    struct Lane { double y; QString name; QColor colour; QCPScatterStyle::ScatterShape shape; };
    const QList<Lane> lanes{{2, Tr::tr("Injects"), QColor(0x2f, 0x6f, 0xb5), QCPScatterStyle::ssTriangleInverted},
                            {1, Tr::tr("Trainee actions"), QColor(0x2e, 0x9d, 0x4f), QCPScatterStyle::ssCircle},
                            {0, Tr::tr("Annotations"), QColor(0x8a, 0x4f, 0xb0), QCPScatterStyle::ssSquare}};
    QList<QCPGraph*> graphs;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (const Lane& lane : lanes) {
        QCPGraph* g = plot->addGraph();
        g->setName(lane.name);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(lane.shape, lane.colour, lane.colour, 9));
        graphs << g;
        ticker->addTick(lane.y, lane.name);
    }
    double last = std::max<double>(1, report.durationMs / 60000.0);
    for (const ScenarioTimelineEntry& e : report.timeline) {
        const double minutes = e.offsetMs / 60000.0;
        last = std::max(last, minutes);
        switch (e.kind) {
        case ScenarioTimelineEntry::Kind::Inject:
        case ScenarioTimelineEntry::Kind::BranchInject:
        case ScenarioTimelineEntry::Kind::ManualInject:
        case ScenarioTimelineEntry::Kind::FailedInject: graphs[0]->addData(minutes, 2); break;
        case ScenarioTimelineEntry::Kind::Action: graphs[1]->addData(minutes, 1); break;
        case ScenarioTimelineEntry::Kind::Annotation: graphs[2]->addData(minutes, 0); break;
        }
    }
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setRange(-0.6, 2.6);
    plot->yAxis->grid()->setVisible(false);
    plot->xAxis->setRange(0, last * 1.03);
    plot->xAxis->setLabel(Tr::tr("minutes from the start"));
    plot->legend->setVisible(false);
}

// --- PDF --------------------------------------------------------------------------------------------

namespace {

// Laid out as on a screen (fonts measured where they are drawn) at half the page's pixels, rendered
// at twice that.
QImage chartPicture(QCustomPlot* plot, double width, double height)
{
    constexpr double kScale = 2.0;
    return plot->toPixmap(int(width / kScale), int(height / kScale), kScale).toImage();
}

} // namespace

ReviewCharts renderReviewCharts(const ScenarioReport& report, const QString& language)
{
    // The PDF's page: the report writer's own, A4 with 15 mm margins at 150 dots an inch.
    const double width = ReportWriter::contentWidth();
    ReviewCharts charts;
    // One bar a row, but never taller than most of a page.
    charts.responseHeight = std::clamp(60.0 * report.scores.size(), width * 0.35, width * 1.1);
    charts.timelineHeight = width * 0.28;
    QCustomPlot plot;
    plot.setAttribute(Qt::WA_DontShowOnScreen);
    drawResponseChart(&plot, report, language);
    charts.response = chartPicture(&plot, width, charts.responseHeight);
    drawTimelineChart(&plot, report);
    charts.timeline = chartPicture(&plot, width, charts.timelineHeight);
    return charts;
}

int exportReviewPdf(const ScenarioReport& report, const QString& path, QString* error, const QString& language)
{
    return writeReviewPdf(report, renderReviewCharts(report, language), path, error, language);
}

int writeReviewPdf(const ScenarioReport& report, const ReviewCharts& charts, const QString& path, QString* error,
                   const QString& language)
{
    const QString title = report.title.text(language);
    // Written beside the target and moved over it at the end: a failure leaves no half a PDF.
    ReportWriter doc;
    doc.setTitle(Tr::tr("After-action review: %1").arg(title));
    doc.setFooter(Tr::tr("Hexhub after-action review - %1 - training, synthetic data").arg(title));
    if (!doc.open(path)) {
        if (error)
            *error = doc.errorString();
        return 0;
    }

    doc.band(Tr::tr("Training - synthetic data"), QColor(0xf2, 0xa9, 0x00), QColor(0x1a, 0x1a, 0x1a));
    doc.gap(8);
    doc.paragraph(Tr::tr("After-action review"), 11, false, QColor(0x55, 0x55, 0x55));
    doc.paragraph(title, 18, true);
    doc.gap(4);
    doc.paragraph(Tr::tr("Trainee: %1").arg(report.trainee.isEmpty() ? Tr::tr("everyone at the desk") : report.trainee), 10);
    doc.paragraph(Tr::tr("Trainer: %1").arg(report.trainer), 10);
    doc.paragraph(Tr::tr("Date: %1 (simulated clock)").arg(dateText(report.startedAt)), 10);
    doc.paragraph(Tr::tr("Ran for %1 of %2 planned").arg(clockText(report.endedAt.isValid()
                                                                        ? report.startedAt.msecsTo(report.endedAt)
                                                                        : -1),
                                                          clockText(report.durationMs)),
                  10);
    doc.gap(6);
    doc.paragraph(scoreLine(report), 14, true, outcomeColour(report.scorePercent >= 80 ? ScenarioOutcome::Met
                                                             : report.scorePercent >= 50 ? ScenarioOutcome::Late
                                                                                         : ScenarioOutcome::Missed));
    doc.gap(10);

    doc.ensureRoom(doc.resolution());
    doc.heading(Tr::tr("Expected responses"));
    doc.gap(3);
    QList<QStringList> rows;
    QList<QColor> colours;
    for (const ScenarioScore& s : report.scores) {
        rows << QStringList{s.label.text(language), allowedText(report, s), clockText(s.responseMs),
                            scenarioOutcomeName(s.outcome)};
        colours << outcomeColour(s.outcome);
    }
    doc.table({Tr::tr("Expected response"), Tr::tr("Allowed"), Tr::tr("Response"), Tr::tr("Outcome")}, rows,
              {0.58, 0.14, 0.14, 0.14}, colours);
    doc.gap(10);

    // The charts, drawn by the same code as on screen, as vectors.
    doc.heading(Tr::tr("Response times"));
    doc.image(charts.response, charts.responseHeight);
    doc.gap(8);
    doc.heading(Tr::tr("Timeline"));
    doc.image(charts.timeline, charts.timelineHeight);
    doc.gap(10);

    doc.ensureRoom(doc.resolution()); // a heading never alone at a page's foot
    doc.heading(Tr::tr("Injects and the trainee's actions"));
    doc.gap(3);
    QList<QStringList> lines;
    for (const ScenarioTimelineEntry& e : report.timeline)
        lines << QStringList{QStringLiteral("T+") + clockText(e.offsetMs), entryKindName(e.kind), entryText(e), e.actor};
    doc.table({Tr::tr("Time"), Tr::tr("Kind"), Tr::tr("What"), Tr::tr("Who")}, lines, {0.1, 0.16, 0.5, 0.24});
    doc.gap(10);

    doc.heading(Tr::tr("Annotations"));
    doc.gap(3);
    if (report.annotations.isEmpty())
        doc.paragraph(Tr::tr("None."), 10);
    for (const ScenarioTimelineEntry& a : report.annotations)
        doc.paragraph(QStringLiteral("T+%1  %2 (%3)").arg(clockText(a.offsetMs), a.text, a.actor), 10);
    if (!doc.finish(error))
        return 0;
    return doc.pages();
}

// --- On screen ------------------------------------------------------------------------------------

ReviewView::ReviewView(const ScenarioReport& report, QWidget* parent)
    : QWidget(parent)
    , m_report(report)
    , m_header(new QLabel(this))
    , m_status(new QLabel(this))
    , m_scores(new QTableWidget(this))
    , m_timeline(new QTableWidget(this))
    , m_response(new QCustomPlot(this))
    , m_chart(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("reviewView"));
    const QString title = report.title.text();
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_header->setText(Tr::tr("%1\nTrainee: %2 - trainer: %3 - %4\n%5")
                          .arg(title, report.trainee.isEmpty() ? Tr::tr("everyone at the desk") : report.trainee, report.trainer,
                               dateText(report.startedAt), scoreLine(report)));
    QFont big = m_header->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_header->setFont(big);

    m_scores->setColumnCount(4);
    m_scores->setHorizontalHeaderLabels({Tr::tr("Expected response"), Tr::tr("Allowed"), Tr::tr("Response"), Tr::tr("Outcome")});
    m_scores->setRowCount(int(report.scores.size()));
    for (int i = 0; i < report.scores.size(); ++i) {
        const ScenarioScore& s = report.scores[i];
        const QStringList cells{s.label.text(), allowedText(report, s), clockText(s.responseMs), scenarioOutcomeName(s.outcome)};
        for (int c = 0; c < cells.size(); ++c)
            m_scores->setItem(i, c, new QTableWidgetItem(cells[c]));
        m_scores->item(i, 3)->setForeground(outcomeColour(s.outcome));
    }
    m_timeline->setColumnCount(4);
    m_timeline->setHorizontalHeaderLabels({Tr::tr("Time"), Tr::tr("Kind"), Tr::tr("What"), Tr::tr("Who")});
    m_timeline->setRowCount(int(report.timeline.size()));
    for (int i = 0; i < report.timeline.size(); ++i) {
        const ScenarioTimelineEntry& e = report.timeline[i];
        const QStringList cells{QStringLiteral("T+") + clockText(e.offsetMs), entryKindName(e.kind), entryText(e), e.actor};
        for (int c = 0; c < cells.size(); ++c)
            m_timeline->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    for (QTableWidget* t : {m_scores, m_timeline}) {
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->verticalHeader()->hide();
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        t->horizontalHeader()->setSectionResizeMode(t == m_scores ? 0 : 2, QHeaderView::Stretch);
        t->setWordWrap(true);
    }
    drawResponseChart(m_response, report);
    drawTimelineChart(m_chart, report);
    m_response->setMinimumHeight(200);
    m_chart->setMinimumHeight(150);

    auto* exportButton = new QPushButton(Tr::tr("&Export PDF..."), this);
    connect(exportButton, &QPushButton::clicked, this, &ReviewView::exportPdf);
    auto* top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    top->addWidget(exportButton, 0, Qt::AlignTop);
    auto* column = new QVBoxLayout(this);
    column->addLayout(top);
    column->addWidget(m_status);
    m_status->hide();
    auto* charts = new QHBoxLayout;
    charts->addWidget(m_response, 3);
    charts->addWidget(m_chart, 2);
    column->addWidget(m_scores, 2);
    column->addLayout(charts, 3);
    column->addWidget(m_timeline, 3);
}

void ReviewView::exportPdf()
{
    const QString name = QStringLiteral("%1-%2.pdf").arg(m_report.scenarioId,
                                                         m_report.startedAt.toUTC().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path = QFileDialog::getSaveFileName(this, Tr::tr("Export the review"), name, Tr::tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        exportPdfInBackground(path);
}

void ReviewView::exportPdfInBackground(const QString& path)
{
    // The charts are widgets' work (here); the pages and the disk are a worker's.
    const ReviewCharts charts = renderReviewCharts(m_report);
    m_status->setText(Tr::tr("Writing %1 ...").arg(QDir::toNativeSeparators(path)));
    m_status->show();
    QPointer<ReviewView> self(this);
    QThreadPool::globalInstance()->start([self, report = m_report, charts, path] {
        QString error;
        const int pages = writeReviewPdf(report, charts, path, &error);
        QMetaObject::invokeMethod(qApp, [self, pages, error, path] {
            if (self)
                self->showExported(pages, error, path);
        });
    });
}

void ReviewView::showExported(int pages, const QString& error, const QString& path)
{
    m_status->setText(pages > 0 ? Tr::tr("Written to %1 (%n page(s)).", nullptr, pages).arg(QDir::toNativeSeparators(path)) : error);
    m_status->show();
    Q_EMIT exported(pages, error);
}

bool ReviewView::exportPdfTo(const QString& path)
{
    QString error;
    const int pages = exportReviewPdf(m_report, path, &error);
    showExported(pages, error, path);
    return pages > 0;
}

ReviewDialog::ReviewDialog(const ScenarioReport& report, QWidget* parent)
    : QDialog(parent)
    , m_view(new ReviewView(report, this))
{
    setWindowTitle(Tr::tr("After-action review: %1").arg(report.title.text()));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* column = new QVBoxLayout(this);
    column->addWidget(m_view);
    column->addWidget(buttons);
    resize(1100, 800);
}

} // namespace hexhub::training
