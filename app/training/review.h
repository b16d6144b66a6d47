#pragma once

#include "scenariorun.h"

#include <QDialog>
#include <QImage>
#include <QWidget>

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace hexhub::training {

/*!
 * Writes the after-action review of `report` to a PDF at `path` (A4, QPdfWriter): the training mark,
 * the scenario's name, the trainee, the date and the score; each expected response scored met / late
 * / missed with its response time; the response-time and timeline charts; the timeline of injects
 * against the trainee's actions; the trainer's annotations. `language` picks the scenario's texts
 * ("zh_CN"; empty: the default locale's). Returns the number of pages written, or 0 with `error` set
 * (the file is then not left behind half-written).
 */
int exportReviewPdf(const ScenarioReport& report, const QString& path, QString* error, const QString& language = {});

//! The review's two charts as pictures for the PDF; drawn with widgets, so on the GUI thread.
struct ReviewCharts
{
    QImage response;
    QImage timeline;
    double responseHeight = 0; //!< in the PDF's pixels
    double timelineHeight = 0;
};
ReviewCharts renderReviewCharts(const ScenarioReport& report, const QString& language = {});
//! exportReviewPdf() with the charts drawn already: no widgets, so any thread may write the file.
int writeReviewPdf(const ScenarioReport& report, const ReviewCharts& charts, const QString& path, QString* error,
                   const QString& language = {});

//! Fills `plot` with each expected response's time against the time it was allowed.
void drawResponseChart(QCustomPlot* plot, const ScenarioReport& report, const QString& language = {});
//! Fills `plot` with the injects, the trainee's actions and the annotations along the run's time.
void drawTimelineChart(QCustomPlot* plot, const ScenarioReport& report);

/*!
 * The after-action review on screen: header with the score, the expectations table, both charts,
 * and the timeline with annotations; "Export PDF..." writes the same as exportReviewPdf().
 */
class ReviewView final : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewView(const ScenarioReport& report, QWidget* parent = nullptr);

    const ScenarioReport& report() const { return m_report; }
    QTableWidget* scores() const { return m_scores; }
    QTableWidget* timeline() const { return m_timeline; }
    QCustomPlot* responseChart() const { return m_response; }
    QCustomPlot* timelineChart() const { return m_chart; }
    //! Asks for a file and writes the PDF there off the GUI thread; says what happened under the header.
    void exportPdf();
    //! Writes the PDF to `path` on a worker thread (the charts drawn here first); exported() says how it went.
    void exportPdfInBackground(const QString& path);
    //! Writes the PDF to `path` now, without asking; false with the reason shown.
    Q_INVOKABLE bool exportPdfTo(const QString& path);

Q_SIGNALS:
    //! A background export ended: `pages` written, or 0 with `error`.
    void exported(int pages, const QString& error);

private:
    void showExported(int pages, const QString& error, const QString& path);

    ScenarioReport m_report;
    QLabel* m_header;
    QLabel* m_status;
    QTableWidget* m_scores;
    QTableWidget* m_timeline;
    QCustomPlot* m_response;
    QCustomPlot* m_chart;
};

//! The review in a window of its own (the trainer console's "Review").
class ReviewDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ReviewDialog(const ScenarioReport& report, QWidget* parent = nullptr);
    ReviewView* view() const { return m_view; }

private:
    ReviewView* m_view;
};

//! "2m30s" as people read it: "2:30"; hours as "1:02:30"; -1 as "-".
QString clockText(qint64 ms);
//! The translated name of a timeline entry's kind.
QString entryKindName(ScenarioTimelineEntry::Kind kind);

} // namespace hexhub::training
