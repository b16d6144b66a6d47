// One hit, explained, and its review (hitpanel.h).
#include "hitpanel.h"
#include "bigdatacontext.h"
#include "charts.h"

#include "hexhub/bigdata_investigation/modelrun.h"

#include "base/background.h"
#include "base/error.h"
#include "base/whenfinished.h"
#include "reportwriter.h"

#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QPainter>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hexhub::bigdata {

QString errorText(const std::exception& e)
{
    return QString::fromUtf8(e.what());
}

HitPanel::HitPanel(BigDataContext& context, QWidget* parent) : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("hitPanel"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("hitTitle"));
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("hitState"));
    m_state->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("hitMessage"));
    m_message->setWordWrap(true);

    m_waterfall = new WaterfallChart(this);
    m_graph = new RingGraph(this);
    m_ties = new QTreeWidget(this);
    m_ties->setObjectName(QStringLiteral("ties"));
    m_ties->setHeaderLabels({tr("Member"), tr("Identifier"), tr("Shared with")});
    m_ties->setRootIsDecorated(true);
    m_rows = new QTableWidget(this);
    m_rows->setObjectName(QStringLiteral("evidenceRows"));
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rows->verticalHeader()->hide();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("hitTabs"));
    auto* why = new QWidget(this);
    auto* whyLayout = new QVBoxLayout(why);
    whyLayout->addWidget(m_waterfall);
    whyLayout->addWidget(m_graph, 1);
    m_tabs->addTab(why, tr("&Why"));
    m_tabs->addTab(m_ties, tr("&Ties"));
    m_tabs->addTab(m_rows, tr("R&ows"));

    m_confirm = new QPushButton(tr("Confirm"), this);
    m_dismiss = new QPushButton(tr("Dismiss"), this);
    m_more = new QPushButton(tr("More data"), this);
    m_toIntel = new QPushButton(tr("To intelligence"), this);
    m_toHub = new QPushButton(tr("To the hub"), this);
    m_confirm->setToolTip(tr("C on the queue: confirm, with your reason"));
    m_dismiss->setToolTip(tr("X on the queue: dismiss, with your reason"));
    m_more->setToolTip(tr("M on the queue: ask for more data, saying which"));
    m_toIntel->setToolTip(tr("I on the queue: a confirmed hit to criminal intelligence as a lead"));
    m_toHub->setToolTip(tr("H on the queue: a confirmed hit to the hub"));
    m_confirm->setObjectName(QStringLiteral("confirm"));
    m_dismiss->setObjectName(QStringLiteral("dismiss"));
    m_more->setObjectName(QStringLiteral("moreData"));
    m_toIntel->setObjectName(QStringLiteral("toIntel"));
    m_toHub->setObjectName(QStringLiteral("toHub"));
    connect(m_confirm, &QPushButton::clicked, this, &HitPanel::confirm);
    connect(m_dismiss, &QPushButton::clicked, this, &HitPanel::dismiss);
    connect(m_more, &QPushButton::clicked, this, &HitPanel::askForMoreData);
    connect(m_toIntel, &QPushButton::clicked, this, [this] { handOn(QStringLiteral("criminal_intel")); });
    connect(m_toHub, &QPushButton::clicked, this, [this] { handOn(QStringLiteral("hub")); });
    // Review on the first row, hand-over on the second: each button keeps its whole label.
    auto* actions = new QGridLayout;
    actions->addWidget(m_confirm, 0, 0);
    actions->addWidget(m_dismiss, 0, 1);
    actions->addWidget(m_more, 0, 2);
    actions->addWidget(m_toIntel, 1, 0, 1, 2);
    actions->addWidget(m_toHub, 1, 2);
    actions->setColumnStretch(3, 1);
    for (QPushButton* b : {m_confirm, m_dismiss, m_more, m_toIntel, m_toHub})
        b->setFocusPolicy(Qt::TabFocus);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_state);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    showHit({});
}

void HitPanel::show(qint64 hitId)
{
    showWhenRead<StoredHit>(
        this, m_latest, hitId, [this, hitId] { return m_context.models.hit(hitId); }, m_message, [this](const StoredHit& hit) { showHit(hit); },
        [] {});
}

void HitPanel::showHit(const StoredHit& hit)
{
    // The same hit read again (a refresh, a link followed to it) keeps what the desk last said about it.
    if (hit.id != m_hit.id)
        m_message->clear();
    m_hit = hit;
    const bool any = hit.id > 0;
    for (QPushButton* b : {m_confirm, m_dismiss, m_more})
        b->setEnabled(any && hit.status != HitStatus::HandedOn);
    for (QPushButton* b : {m_toIntel, m_toHub})
        b->setEnabled(any && hit.status == HitStatus::Confirmed);
    if (!any) {
        m_title->setText(tr("No hit chosen"));
        m_state->clear();
        m_waterfall->setParts({}, 0, {}, {});
        m_graph->setRing({}, {});
        m_graph->setVisible(false);
        m_ties->clear();
        m_rows->clear();
        m_rows->setRowCount(0);
        m_rows->setColumnCount(0);
        return;
    }
    const QJsonObject e = hit.evidence;
    m_title->setText(tr("Hit %1: %2").arg(hit.id).arg(localText(e, QStringLiteral("summary"))));
    QString state = tr("Score %1 · %2 version %3 · %4").arg(hit.score, 0, 'f', 3).arg(e.value(QStringLiteral("model")).toString())
                        .arg(e.value(QStringLiteral("version")).toInt()).arg(hitStatusName(hit.status));
    if (!hit.reason.isEmpty())
        state += QLatin1Char('\n') + tr("%1 on %2: %3").arg(hit.reviewedBy, QDateTime::fromMSecsSinceEpoch(hit.reviewedAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")), hit.reason);
    if (!hit.handedTo.isEmpty())
        state += QLatin1Char('\n') + tr("Handed on to %1").arg(hit.handedTo == QLatin1String("hub") ? tr("the hub") : tr("criminal intelligence"));
    if (hit.label)
        state += QLatin1Char('\n') + (*hit.label == PairLabel::Same        ? tr("Your answer on the pair: the same person")
                                       : *hit.label == PairLabel::Different ? tr("Your answer on the pair: different people")
                                                                            : tr("Your answer on the pair: unsure"));
    QStringList params;
    const QJsonObject p = e.value(QStringLiteral("parameters")).toObject();
    for (auto it = p.begin(); it != p.end(); ++it)
        params << QStringLiteral("%1=%2").arg(it.key(), it.value().isArray()
                                                            ? [&] {
                                                                  QStringList l;
                                                                  for (const QJsonValue& v : it.value().toArray())
                                                                      l << v.toString();
                                                                  return l.join(QLatin1Char(','));
                                                              }()
                                                            : it.value().toVariant().toString());
    state += QLatin1Char('\n') + tr("Parameters: %1").arg(params.join(QStringLiteral(", ")));
    m_state->setText(state);

    QList<WaterfallChart::Part> parts;
    for (const QJsonValue& v : e.value(QStringLiteral("breakdown")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString detail = localText(o, QStringLiteral("detail"));
        parts << WaterfallChart::Part{partLabel(o) + (detail.isEmpty() ? QString() : QStringLiteral(" (") + detail + QLatin1Char(')')),
                                      o.value(QStringLiteral("value")).toDouble()};
    }
    m_waterfall->setParts(parts, e.value(QStringLiteral("total")).toDouble(), localText(e, QStringLiteral("unit")), tr("total"));

    QStringList members;
    for (const QJsonValue& v : e.value(QStringLiteral("members")).toArray())
        members << v.toString();
    QList<RingGraph::Tie> ties;
    m_ties->clear();
    QHash<QString, QTreeWidgetItem*> memberItems;
    for (const QJsonValue& v : e.value(QStringLiteral("ties")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString member = o.value(QStringLiteral("member")).toString();
        ties << RingGraph::Tie{member, o.value(QStringLiteral("column")).toString(), o.value(QStringLiteral("value")).toString()};
        QTreeWidgetItem*& top = memberItems[member];
        if (!top) {
            top = new QTreeWidgetItem(m_ties, {member});
            top->setExpanded(false);
        }
        new QTreeWidgetItem(top, {QString(), QStringLiteral("%1 %2").arg(o.value(QStringLiteral("column")).toString(), o.value(QStringLiteral("value")).toString()),
                                  QString::number(o.value(QStringLiteral("shared_with")).toInt())});
    }
    for (auto it = memberItems.begin(); it != memberItems.end(); ++it)
        it.value()->setText(2, tr("%n identifier(s)", nullptr, it.value()->childCount()));
    m_ties->resizeColumnToContents(0);
    m_graph->setRing(ties.isEmpty() ? QStringList() : members, ties);
    m_graph->setVisible(!ties.isEmpty());
    m_tabs->setTabVisible(1, !ties.isEmpty());

    // The rows behind it, masked as the store keeps them for every list.
    QStringList headers{tr("Line")};
    for (const QJsonValue& c : e.value(QStringLiteral("columns")).toArray())
        headers << c.toString();
    const QJsonArray rows = e.value(QStringLiteral("rows")).toArray();
    m_rows->clear();
    m_rows->setColumnCount(int(headers.size()));
    m_rows->setHorizontalHeaderLabels(headers);
    m_rows->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const QJsonObject row = rows[r].toObject();
        m_rows->setItem(r, 0, new QTableWidgetItem(QString::number(qint64(row.value(QStringLiteral("line")).toDouble()))));
        const QJsonArray cells = row.value(QStringLiteral("cells")).toArray();
        for (int c = 0; c < cells.size() && c + 1 < headers.size(); ++c)
            m_rows->setItem(r, c + 1, new QTableWidgetItem(cells[c].toString()));
    }
    const qint64 allRows = qint64(e.value(QStringLiteral("facts")).toObject().value(QStringLiteral("rows")).toDouble());
    m_tabs->setTabText(2, allRows > rows.size() ? tr("R&ows (%1 of %2)").arg(rows.size()).arg(allRows) : tr("R&ows (%1)").arg(rows.size()));
    m_rows->resizeColumnsToContents();
}

void HitPanel::review(HitStatus to, const QString& question)
{
    if (m_hit.id <= 0 || m_hit.status == HitStatus::HandedOn)
        return;
    const auto reason = askReason(this, tr("Hit %1").arg(m_hit.id), question);
    if (!reason)
        return;
    const qint64 id = m_hit.id;
    m_message->setText(tr("Saving..."));
    whenFinished(this, m_context.models.review(id, m_hit.version, to, *reason), [this, id](QFuture<StoredHit> done) {
        try {
            const StoredHit after = done.result();
            if (m_hit.id == id)
                showHit(after);
            m_message->setText(tr("Hit %1 is %2.").arg(id).arg(hitStatusName(after.status)));
            Q_EMIT reviewed(id);
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
            show(id);
        }
    });
}

void HitPanel::confirm()
{
    review(HitStatus::Confirmed, tr("Why is this a real pattern? Your reason goes with the hit when it is handed on."));
}

void HitPanel::dismiss()
{
    review(HitStatus::Dismissed, tr("Why is this not what it looks like (a family, a cafe, a coincidence)?"));
}

void HitPanel::askForMoreData()
{
    review(HitStatus::MoreData, tr("What data would decide it?"));
}

void HitPanel::handOn(const QString& to)
{
    if (m_hit.id <= 0)
        return;
    if (m_hit.status != HitStatus::Confirmed) {
        m_message->setText(tr("Confirm the hit first, with your reason: nothing leaves the centre without a person's confirmation."));
        return;
    }
    const qint64 id = m_hit.id;
    m_message->setText(tr("Handing on..."));
    whenFinished(this, m_context.models.handOn(id, to), [this, id, to](QFuture<StoredHit> done) {
        try {
            const StoredHit after = done.result();
            if (m_hit.id == id)
                showHit(after);
            m_message->setText(to == QLatin1String("hub") ? tr("Hit %1 went to the hub with its evidence.").arg(id)
                                                          : tr("Hit %1 went to criminal intelligence as a lead, with its evidence.").arg(id));
            Q_EMIT reviewed(id);
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
        }
    });
}

} // namespace hexhub::bigdata

namespace hexhub::bigdata {

namespace {

// A widget drawn at `width` pixels wide (its own height for that width) into a picture for a report.
QImage pictureOf(QWidget* widget, int width, int height)
{
    const QSize old = widget->size();
    widget->resize(width, height);
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPalette light = widget->palette();
    light.setColor(QPalette::Window, Qt::white);
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::WindowText, Qt::black);
    light.setColor(QPalette::Text, Qt::black);
    const QPalette kept = widget->palette();
    widget->setPalette(light); // a report is printed on white, whatever the desk's theme
    QPainter painter(&image);
    widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    painter.end();
    widget->setPalette(kept);
    widget->resize(old);
    return image;
}

} // namespace

void HitPanel::answer(PairLabel label)
{
    if (m_hit.id <= 0) {
        m_message->setText(tr("Choose a hit first."));
        return;
    }
    const qint64 id = m_hit.id;
    whenFinished(this, m_context.models.label(id, m_hit.version, label), [this, id](QFuture<StoredHit> done) {
        try {
            const StoredHit h = done.result();
            if (m_hit.id == id)
                showHit(h);
            m_message->setText(tr("Answer kept. W learns the model's weights again from this run's answers."));
            Q_EMIT reviewed(id);
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
        }
    });
}

void HitPanel::relearn()
{
    if (m_hit.id <= 0) {
        m_message->setText(tr("Choose a hit first."));
        return;
    }
    m_message->setText(tr("Learning the weights again from the answers..."));
    whenFinished(this, m_context.models.relearn(m_hit.runId), [this](QFuture<ModelDefinition> done) {
        try {
            const ModelDefinition m = done.result();
            m_message->setText(tr("%1 saved as version %2 with its weights learnt from the answers; Ctrl+R runs it again.")
                                   .arg(m.titleIn(QLocale().name()))
                                   .arg(m.version));
        } catch (const std::exception& e) {
            m_message->setText(errorText(e));
        }
    });
}

void HitPanel::saveReport()
{
    if (m_hit.id <= 0) {
        m_message->setText(tr("Choose a hit first."));
        return;
    }
    askReportPath(window(), this, tr("Save the hit as a PDF report"), QStringLiteral("hit-%1.pdf").arg(m_hit.id),
                  [this](const QString& path) { exportReport(path); });
}

QFuture<int> HitPanel::exportReport(const QString& path)
{
    if (m_hit.id <= 0)
        return QtFuture::makeExceptionalFuture<int>(std::make_exception_ptr(ValidationError(tr("Choose a hit first."))));
    const StoredHit hit = m_hit;
    const QJsonObject e = hit.evidence;
    // What the report says, read here in the language in use; the charts drawn here as pictures.
    const int width = int(ReportWriter::contentWidth());
    const QImage waterfall = pictureOf(m_waterfall, width, std::max(220, m_waterfall->sizeHint().height() * width / std::max(1, m_waterfall->sizeHint().width())));
    const QImage graph = m_graph->isVisibleTo(this) ? pictureOf(m_graph, width, width * 2 / 3) : QImage();
    const QString title = tr("Hit %1: %2").arg(hit.id).arg(localText(e, QStringLiteral("summary")));
    const QString state = m_state->text();
    QList<QStringList> parts;
    for (const QJsonValue& v : e.value(QStringLiteral("breakdown")).toArray()) {
        const QJsonObject o = v.toObject();
        parts << QStringList{partLabel(o), localText(o, QStringLiteral("detail")), QString::number(o.value(QStringLiteral("value")).toDouble(), 'f', 3)};
    }
    QList<QStringList> ties;
    for (const QJsonValue& v : e.value(QStringLiteral("ties")).toArray()) {
        const QJsonObject o = v.toObject();
        ties << QStringList{o.value(QStringLiteral("member")).toString(), o.value(QStringLiteral("column")).toString(),
                            o.value(QStringLiteral("value")).toString(), QString::number(o.value(QStringLiteral("shared_with")).toInt())};
    }
    QStringList rowHeader{tr("Line")};
    for (const QJsonValue& c : e.value(QStringLiteral("columns")).toArray())
        rowHeader << c.toString();
    QList<QStringList> rows;
    for (const QJsonValue& v : e.value(QStringLiteral("rows")).toArray()) {
        const QJsonObject row = v.toObject();
        QStringList cells{QString::number(qint64(row.value(QStringLiteral("line")).toDouble()))};
        for (const QJsonValue& c : row.value(QStringLiteral("cells")).toArray())
            cells << c.toString();
        rows << cells;
    }
    const QString footer = tr("Hexhub · big-data investigation · hit %1 · personal data masked").arg(hit.id);
    const QStringList headings{tr("What the model found"), tr("The score, part by part"), tr("The ring's members and what ties them"),
                               tr("The rows behind it (masked)"), tr("Part"), tr("What was seen"), tr("Added"), tr("Member"),
                               tr("Identifier"), tr("Value"), tr("Shared with")};
    QFuture<int> written = runInBackground([=]() -> int {
        ReportWriter doc(path, footer);
        if (!doc.isOpen())
            throw ValidationError(doc.errorString());
        doc.setTitle(title);
        doc.band(title, QColor(0x2d, 0x34, 0x36), Qt::white);
        doc.paragraph(state);
        doc.heading(headings[1]);
        doc.image(waterfall);
        if (!parts.isEmpty())
            doc.table({headings[4], headings[5], headings[6]}, parts, {0.35, 0.5, 0.15});
        if (!ties.isEmpty()) {
            doc.heading(headings[2]);
            if (!graph.isNull())
                doc.image(graph);
            doc.table({headings[7], headings[8], headings[9], headings[10]}, ties, {0.3, 0.2, 0.35, 0.15});
        }
        if (!rows.isEmpty()) {
            doc.heading(headings[3]);
            doc.table(rowHeader, rows);
        }
        QString error;
        if (!doc.finish(&error))
            throw ValidationError(error);
        return doc.pages();
    });
    sayWhenReportWritten(m_message, path, written);
    return written;
}

} // namespace hexhub::bigdata
