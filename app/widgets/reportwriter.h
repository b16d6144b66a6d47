#pragma once
// Reports as PDF for any module: headings, paragraphs, tables and pictures laid down A4 pages, the
// pages broken as they fill, a footer with the page's number on each, and the file written whole or
// not at all. The after-action review (app/training/review.cpp) was its first user.

#include "hexhubwidgets_export.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QPageLayout>
#include <QString>
#include <QStringList>

#include <memory>

namespace hexhub {

/*!
 * Writes a multi-page PDF report (QPdfWriter) at a path: open(), then the content top to bottom —
 * band(), heading(), paragraph(), gap(), table(), image(), newPage() — then finish().
 *
 * The pages are A4 portrait with 15 mm margins at 150 dots an inch unless setPageLayout() says
 * otherwise; lengths in this API are in those dots ("pixels") unless they say points. Whatever does
 * not fit on a page's remainder goes to the next page; a table carries its header row onto each page
 * it runs over. Each page's foot holds the footer text on the left and "Page N" on the right.
 *
 * The file is written beside the target and moved over it by finish() (QSaveFile): a report that
 * fails, or is dropped before finish(), leaves no half a PDF and whatever was at the path untouched.
 * A writer uses no widgets and belongs to one thread at a time: any thread may write a report (draw
 * pictures of widgets on the GUI thread first and hand them over as QImage).
 */
class HEXHUB_WIDGETS_EXPORT ReportWriter
{
public:
    static constexpr int kDefaultDpi = 150;
    //! A4 portrait, 15 mm margins.
    static QPageLayout defaultPageLayout();
    //! The width content is laid across on pages of `layout` at `dpi`, in pixels: what to draw
    //! pictures for before a writer exists (on the GUI thread, say).
    static double contentWidth(const QPageLayout& layout = defaultPageLayout(), int dpi = kDefaultDpi);

    ReportWriter();
    //! open(path) at once, `footer` at each page's foot; isOpen() and errorString() say how it went.
    ReportWriter(const QString& path, const QString& footer);
    //! Not finished: nothing is written, whatever was at the path stays as it was.
    ~ReportWriter();
    ReportWriter(const ReportWriter&) = delete;
    ReportWriter& operator=(const ReportWriter&) = delete;

    // Before open():
    void setPageLayout(const QPageLayout& layout, int dpi = kDefaultDpi);
    //! The PDF's document title (its properties, not drawn on the pages).
    void setTitle(const QString& title);
    //! The PDF's creator, "Hexhub" unless set.
    void setCreator(const QString& creator);
    //! The text at the left of each page's foot; may change while writing (from the page in hand on).
    void setFooter(const QString& footer);

    //! Starts the report that finish() puts at `path` (a report in hand is dropped); false with
    //! errorString() if it cannot be.
    bool open(const QString& path);
    bool isOpen() const;
    //! Why open() or finish() failed; empty if neither did.
    QString errorString() const;

    //! Pages so far (1 once open), the number finish() wrote after it.
    int pages() const;
    //! The content's width on the page, in pixels.
    double width() const;
    //! Dots an inch: a pixel length of an inch, as for ensureRoom(resolution()).
    int resolution() const;

    //! Room for `height` more pixels on this page, else the rest goes on the next one (so that a
    //! heading is never left alone at a page's foot, say).
    void ensureRoom(double height);
    //! Space `points` tall (1/72 inch).
    void gap(double points);
    //! The next content starts on a new page.
    void newPage();

    //! A strip across the page filled with `fill`, `text` on it in bold 10-point `ink`.
    void band(const QString& text, const QColor& fill, const QColor& ink);
    //! A bold line of text, `points` tall.
    void heading(const QString& text, double points = 12);
    //! Text wrapped at the page's width.
    void paragraph(const QString& text, double points = 10, bool bold = false,
                   const QColor& ink = Qt::black);
    /*!
     * A table: the header row in bold on grey, then `rows` on alternating white and light grey.
     * `widths` are each column's fraction of the page width (equal shares if they do not match the
     * header); a row's valid colour in `lastCellColours` fills its last cell, in white ink. Cells wrap,
     * inside words when they must.
     */
    void table(const QStringList& header, const QList<QStringList>& rows, const QList<double>& widths = {},
               const QList<QColor>& lastCellColours = {});
    /*!
     * `picture` across the page's width, `height` pixels tall; with no height, as tall as the
     * picture's proportions make it, at most a page's (then narrower, to keep them).
     */
    void image(const QImage& picture, double height = 0);

    /*!
     * Ends the last page and moves the file over the path. True when the report is there whole; else
     * false with `error` (and errorString()) saying why, and nothing left behind (`error` is not
     * touched on success). The writer is closed either way; pages() still counts what was written.
     */
    bool finish(QString* error = nullptr);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace hexhub
