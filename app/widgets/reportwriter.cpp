#include "reportwriter.h"

#include "widgetstr.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextOption>

#include <algorithm>

namespace hexhub {

namespace {

const QColor kHeaderFill(0xe6, 0xe6, 0xe6);
const QColor kStripeFill(0xf6, 0xf6, 0xf6);
const QColor kRuleInk(0xcc, 0xcc, 0xcc);
const QColor kFooterInk(0x55, 0x55, 0x55);

QFont reportFont(double points, bool bold = false)
{
    QFont f(QStringLiteral("Noto Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

// Long names (demo.hub_supervisor) break inside the word when they must.
QTextOption cellOption()
{
    QTextOption option(Qt::AlignLeft | Qt::AlignTop);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return option;
}

} // namespace

struct ReportWriter::Private
{
    QPageLayout layout = defaultPageLayout();
    int dpi = kDefaultDpi;
    QString title;
    QString creator = QStringLiteral("Hexhub");
    QString footer;
    QString path;
    QString error;
    // Declared in the order they are made: the painter ends before the writer goes, the writer
    // before the file is committed or dropped.
    std::unique_ptr<QSaveFile> file;
    std::unique_ptr<QPdfWriter> writer;
    QPainter painter;
    QRectF page; // the content's part of a page: the margins' inside less the footer
    double y = 0;
    int pages = 0;

    bool isOpen() const { return painter.isActive(); }
    double footerHeight() const { return QFontMetricsF(reportFont(8), writer.get()).height() * 2; }

    //! Ends the painting and drops the file: whatever was at the path stays.
    void drop()
    {
        if (painter.isActive())
            painter.end();
        writer.reset();
        if (file)
            file->cancelWriting();
        file.reset();
    }

    void drawFooter()
    {
        painter.setFont(reportFont(8));
        painter.setPen(kFooterInk);
        const QRectF r(page.left(), page.bottom(), page.width(), footerHeight());
        painter.drawText(r, Qt::AlignBottom | Qt::AlignLeft, footer);
        painter.drawText(r, Qt::AlignBottom | Qt::AlignRight, widgets::Tr::tr("Page %1").arg(pages));
    }

    void newPage()
    {
        drawFooter();
        writer->newPage();
        ++pages;
        y = page.top();
    }

    void ensureRoom(double height)
    {
        if (y + height > page.bottom())
            newPage();
    }

    double rowHeight(const QStringList& cells, const QFont& f, const QList<double>& widths, double pad)
    {
        painter.setFont(f);
        double h = 0;
        for (int c = 0; c < widths.size(); ++c) {
            const QRectF r = painter.boundingRect(QRectF(0, 0, widths[c] * page.width() - 2 * pad, 1e6),
                                                  cells.value(c), cellOption());
            h = std::max(h, r.height());
        }
        return h + 2 * pad;
    }

    void drawRow(const QStringList& cells, const QFont& f, const QColor& fill, const QList<double>& widths,
                 double pad, double h, const QColor& last)
    {
        painter.setFont(f);
        double x = page.left();
        painter.fillRect(QRectF(x, y, page.width(), h), fill);
        for (int c = 0; c < widths.size(); ++c) {
            const double w = widths[c] * page.width();
            const bool coloured = c == widths.size() - 1 && last.isValid();
            if (coloured)
                painter.fillRect(QRectF(x, y, w, h), last);
            painter.setPen(coloured ? QColor(Qt::white) : QColor(Qt::black));
            painter.drawText(QRectF(x + pad, y + pad, w - 2 * pad, h - 2 * pad), cells.value(c),
                             cellOption());
            x += w;
        }
        painter.setPen(QPen(kRuleInk, 0));
        painter.drawLine(QPointF(page.left(), y + h), QPointF(page.right(), y + h));
        y += h;
    }
};

QPageLayout ReportWriter::defaultPageLayout()
{
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                       QPageLayout::Millimeter);
}

double ReportWriter::contentWidth(const QPageLayout& layout, int dpi)
{
    return layout.paintRectPixels(dpi).width();
}

ReportWriter::ReportWriter()
    : d(std::make_unique<Private>())
{}

ReportWriter::ReportWriter(const QString& path, const QString& footer)
    : ReportWriter()
{
    d->footer = footer;
    open(path);
}

ReportWriter::~ReportWriter()
{
    d->drop();
}

void ReportWriter::setPageLayout(const QPageLayout& layout, int dpi)
{
    d->layout = layout;
    d->dpi = dpi;
}

void ReportWriter::setTitle(const QString& title)
{
    d->title = title;
}

void ReportWriter::setCreator(const QString& creator)
{
    d->creator = creator;
}

void ReportWriter::setFooter(const QString& footer)
{
    d->footer = footer;
}

bool ReportWriter::open(const QString& path)
{
    d->drop();
    d->error.clear();
    d->path = path;
    d->pages = 0;
    // Written beside the target and moved over it by finish(): a failure leaves no half a PDF.
    d->file = std::make_unique<QSaveFile>(path);
    if (!d->file->open(QIODevice::WriteOnly)) {
        d->error = widgets::Tr::tr("Cannot write %1: %2").arg(path, d->file->errorString());
        d->file.reset();
        return false;
    }
    d->writer = std::make_unique<QPdfWriter>(d->file.get());
    d->writer->setResolution(d->dpi);
    d->writer->setPageLayout(d->layout);
    d->writer->setTitle(d->title);
    d->writer->setCreator(d->creator);
    if (!d->painter.begin(d->writer.get())) {
        d->error = widgets::Tr::tr("Cannot write %1: the PDF could not be started.").arg(path);
        d->drop();
        return false;
    }
    d->page = QRectF(d->painter.viewport()).adjusted(0, 0, 0, -d->footerHeight());
    d->y = d->page.top();
    d->pages = 1;
    return true;
}

bool ReportWriter::isOpen() const
{
    return d->isOpen();
}

QString ReportWriter::errorString() const
{
    return d->error;
}

int ReportWriter::pages() const
{
    return d->pages;
}

double ReportWriter::width() const
{
    return d->isOpen() ? d->page.width() : contentWidth(d->layout, d->dpi);
}

int ReportWriter::resolution() const
{
    return d->dpi;
}

void ReportWriter::ensureRoom(double height)
{
    if (d->isOpen())
        d->ensureRoom(height);
}

void ReportWriter::gap(double points)
{
    if (d->isOpen())
        d->y += points * d->dpi / 72.0;
}

void ReportWriter::newPage()
{
    if (d->isOpen())
        d->newPage();
}

void ReportWriter::band(const QString& text, const QColor& fill, const QColor& ink)
{
    if (!d->isOpen())
        return;
    QPainter& p = d->painter;
    p.setFont(reportFont(10, true));
    const double h = QFontMetricsF(p.font(), d->writer.get()).height() * 1.6;
    d->ensureRoom(h);
    p.fillRect(QRectF(d->page.left(), d->y, d->page.width(), h), fill);
    p.setPen(ink);
    p.drawText(QRectF(d->page.left() + h / 2, d->y, d->page.width() - h, h),
               Qt::AlignVCenter | Qt::AlignLeft, text);
    d->y += h;
}

void ReportWriter::heading(const QString& text, double points)
{
    paragraph(text, points, true);
}

void ReportWriter::paragraph(const QString& text, double points, bool bold, const QColor& ink)
{
    if (!d->isOpen())
        return;
    QPainter& p = d->painter;
    p.setFont(reportFont(points, bold));
    p.setPen(ink);
    const QRectF bounds =
        p.boundingRect(QRectF(d->page.left(), 0, d->page.width(), 1e6), Qt::TextWordWrap, text);
    d->ensureRoom(bounds.height());
    p.drawText(QRectF(d->page.left(), d->y, d->page.width(), bounds.height()), Qt::TextWordWrap, text);
    d->y += bounds.height();
}

void ReportWriter::table(const QStringList& header, const QList<QStringList>& rows,
                         const QList<double>& widths, const QList<QColor>& lastCellColours)
{
    if (!d->isOpen() || header.isEmpty())
        return;
    QList<double> columns = widths;
    if (columns.size() != header.size())
        columns = QList<double>(header.size(), 1.0 / header.size());
    const QFont body = reportFont(9);
    const QFont head = reportFont(9, true);
    const double pad = d->dpi * 0.04;
    const double headHeight = d->rowHeight(header, head, columns, pad);
    // No header alone at a page's foot.
    d->ensureRoom(headHeight + (rows.isEmpty() ? 0 : d->rowHeight(rows.first(), body, columns, pad)));
    d->drawRow(header, head, kHeaderFill, columns, pad, headHeight, QColor());
    for (int i = 0; i < rows.size(); ++i) {
        const double h = d->rowHeight(rows[i], body, columns, pad);
        if (d->y + h > d->page.bottom()) {
            // The header again at the top of each page the table runs over.
            d->newPage();
            d->drawRow(header, head, kHeaderFill, columns, pad, d->rowHeight(header, head, columns, pad),
                       QColor());
        }
        d->drawRow(rows[i], body, i % 2 ? kStripeFill : QColor(Qt::white), columns, pad, h,
                   lastCellColours.value(i));
    }
}

void ReportWriter::image(const QImage& picture, double height)
{
    if (!d->isOpen() || picture.isNull())
        return;
    double w = d->page.width();
    if (height <= 0) {
        height = w * picture.height() / picture.width();
        if (height > d->page.height()) {
            w *= d->page.height() / height;
            height = d->page.height();
        }
    }
    d->ensureRoom(height);
    d->painter.drawImage(QRectF(d->page.left(), d->y, w, height), picture, QRectF(picture.rect()));
    d->y += height;
}

bool ReportWriter::finish(QString* error)
{
    if (!d->isOpen()) {
        if (d->error.isEmpty())
            d->error = widgets::Tr::tr("There is no report open to finish.");
        if (error)
            *error = d->error;
        return false;
    }
    d->drawFooter();
    d->painter.end();
    d->writer.reset();
    if (!d->file->commit()) {
        d->error = widgets::Tr::tr("Cannot write %1: %2").arg(d->path, d->file->errorString());
        d->file.reset();
        if (error)
            *error = d->error;
        return false;
    }
    d->file.reset();
    return true;
}

} // namespace hexhub
