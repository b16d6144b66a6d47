#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace hexhub::bench {

//! One measured figure and the baseline it is judged against.
struct Figure
{
    QString name;
    double value = 0;        //!< in `unit`
    double baseline = 0;     //!< same unit, measured in the same run
    QString unit;
    QString target;          //!< what the ratio must meet, in words
    bool higherIsBetter = false;
    QString note;
    //! Whether the target is met: nothing for a figure that only informs.
    std::optional<bool> met;

    double ratio() const { return baseline > 0 ? value / baseline : 0; }
    //! "met", "NOT met" or "informative".
    QString verdict() const
    {
        return !met ? QStringLiteral("informative") : *met ? QStringLiteral("met") : QStringLiteral("NOT met");
    }
};

QList<Figure> busDelivery(int events);
QList<Figure> journaledPublish(int rows, int batch);
QList<Figure> durablePublish(int transactions);
//! Four desk processes on one PostgreSQL server (serverUrl, or HEXHUB_TEST_PG, or one started for the run).
QList<Figure> desksLatency(const QString& serverUrl, int seconds);
//! `hexhub --startup-probe` on a store with the demo's 20,000 incidents to its main window on screen
//! (password hashing left out), judged against a bare Qt program's 1280x800 window with a line of
//! text; `runs` of each, in turn, after one warm-up of each.
QList<Figure> startupTime(int runs);
//! Unit recommendation for a rooftop-rescue run card among `units` units, `repeats` times.
QList<Figure> unitRecommendation(int units, int repeats);

//! The incident board over `incidents` incidents (generated once into the temporary folder) against a
//! plain QSqlQueryModel + QTableView: first page, sort, status filter, full-text search, memory.
QList<Figure> incidentBoard(int incidents);
//! The case desk's list over `cases` cases (generated for the run) against a plain QSqlQueryModel +
//! QTableView: the first page (the soonest limit first), a sort by number, the open and the due filters, memory.
QList<Figure> caseList(int cases);
//! The hub's deadline queue holding `running` statutory limits and welfare checks through a one-hour clock jump, against recomputing them from their rules in SQL.
QList<Figure> deadlineEngine(int running);

//! The map with 10,000 markers against a plain QGraphicsView of 10,000 ellipse items: ms per frame
//! (median, 90th percentile) of panning and zooming, and of panning with tiles under the markers.
QList<Figure> mapSmoothness(bool quick);

//! The video wall showing N = 1, 4, 9, 16 (quick: 1, 4) looping 640x360 25 fps H.264 clips, made for the run
//! with GStreamer: frames shown a second per tile and CPU per stream, beside N gst-launch-1.0 decoding
//! the same clips to RGB32 into a fakesink.
QList<Figure> videoWall(bool quick);

//! The demo data generator writing `incidents` incidents (and every module's records in proportion)
//! into a new SQLite store, against raw prepared inserts of as many bare incident rows.
QList<Figure> demoGeneration(qint64 incidents);

//! The address index over the bundled district and a generated city of 50,000 addresses (quick: 5,000):
//! per keystroke of places typed letter by letter, beside SQLite's LIKE 'prefix%'; and its build.
QList<Figure> callTaking(bool quick);

//! Big-data investigation's models at a million records (quick: 50,000) against SQL doing the same (bigdata.cpp).
QList<Figure> bigData(bool quick);

//! Criminal intelligence's link chart reads at 100,000 entities and 500,000 links (quick: a tenth) against recursive CTEs (intel.cpp).
QList<Figure> intelGraph(bool quick);

} // namespace hexhub::bench
