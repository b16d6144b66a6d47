// hexhub-bench-board STORE model|plain [incidents|cases]: one side of `hexhub-bench board` (the
// incident board) or `hexhub-bench cases` (the case desk's list), in its own process so its
// resident memory is its own. Prints one JSON line of figures (ms, MB):
//   model: the list's SqlPageModel over the store's reader threads, in a QTableView;
//   plain: QSqlQueryModel + QTableView over the same SQL on the GUI thread.
// Each step is timed from the request to its first rows in the view's model, and to the table
// painted with them (Qt's painting of the table, the same work on both sides, is most of the second).
#include "base/clock.h"
#include "store/sqldialect.h"
#include "sqlpagemodel.h"
#include "store/store.h"
#include "base/waitforfuture.h"
#include "base/whenfinished.h"
#include "store/sql.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQueryModel>
#include <QTableView>
#include <QTextStream>

#include <cstdio>
#include <functional>

using namespace hexhub;

namespace {

const QString kTarget = QStringLiteral("(SELECT c.response_target_s FROM hub_categories c WHERE c.id = i.category)");
const QString kSearch = QStringLiteral("\"Magnolia Lane\"");

double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// The incident board's query (modules/hub/incidentboard.cpp), as the board sets it up.
PagedQuery boardQuery()
{
    PagedQuery q;
    q.from = QStringLiteral("hub_incidents i");
    q.idColumn = QStringLiteral("i.id");
    const QString time = QStringLiteral("i.created_at");
    q.columns = {
        {QStringLiteral("number"), QStringLiteral("Number"), QStringLiteral("i.number"), {QStringLiteral("i.number")}},
        {QStringLiteral("priority"), QStringLiteral("P"), QStringLiteral("i.priority"), {QStringLiteral("i.priority"), time}},
        {QStringLiteral("status"), QStringLiteral("Status"), QStringLiteral("i.status"), {QStringLiteral("i.status"), time}},
        {QStringLiteral("category"), QStringLiteral("Category"), QStringLiteral("i.category"), {QStringLiteral("i.category"), time}},
        {QStringLiteral("summary"), QStringLiteral("Summary"), QStringLiteral("i.summary"), {QStringLiteral("i.summary")}},
        {QStringLiteral("address"), QStringLiteral("Address"), QStringLiteral("coalesce(i.address, '')"), {}},
        {QStringLiteral("centre"), QStringLiteral("Centre"), QStringLiteral("i.centre"), {QStringLiteral("i.centre"), time}},
        {QStringLiteral("received"), QStringLiteral("Received"), time, {time}},
        {QStringLiteral("response"), QStringLiteral("Response"), QStringLiteral("coalesce(i.arrived_at, 0)"), {}},
        {QStringLiteral("target"), QString(), kTarget, {}},
    };
    q.sortColumn = 7;
    q.order = Qt::DescendingOrder;
    return q;
}

struct Step
{
    double rows = 0;    //!< from the request to the first rows in the view's model
    double painted = 0; //!< ... and the table painted with them
};

Step timed(QTableView& view, const std::function<void()>& request, const std::function<bool()>& done)
{
    QElapsedTimer timer;
    timer.start();
    request();
    int loops = 0;
    while (!done()) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        ++loops;
    }
    const double ready = timer.nsecsElapsed() / 1e6;
    // What the change left pending (the view's layout after a reset or a new query) runs, then the
    // table paints: both sides pay the same for showing their rows.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    view.viewport()->repaint();
    const double painted = timer.nsecsElapsed() / 1e6;
    if (qEnvironmentVariableIsSet("HEXHUB_BENCH_TRACE"))
        qWarning("rows %.2f after %d loops, painted %.2f", ready, loops, painted);
    return {ready, painted};
}

void put(QJsonObject& out, const QString& key, const Step& step)
{
    out.insert(key, step.rows);
    out.insert(key + QStringLiteral("Painted"), step.painted);
}

QJsonObject runModel(const QString& path, QTableView& view)
{
    SystemClock clock;
    Store store(Store::Options{StoreUrl::sqlite(path), 2}, clock);
    QFuture<void> opened = store.open();
    if (!waitForFuture(opened, 60000))
        throw std::runtime_error("the store did not open");
    resultOf(opened);
    if (qEnvironmentVariableIsSet("HEXHUB_BENCH_TRACE")) {
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            t.start();
            QFuture<int> f = store.read([](Sql& s) { return s.scalar(QStringLiteral("SELECT 1")).toInt(); });
            double ran = 0;
            bool done = false;
            whenFinished(&view, f, [&](QFuture<int>) { ran = t.nsecsElapsed() / 1e6; done = true; });
            while (!done)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            qWarning("round trip %.2f ms", ran);
        }
    }
    SqlPageModel model(store);
    view.setModel(&model);
    QJsonObject out;
    // Each step waits for the first rows (what the operator sees), then for the count as well
    // before the next step, so no step starts with another's reads still running.
    const auto shown = [&] { return model.hasFirstPage(); };
    const auto settle = [&] {
        while (!model.isReady())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    };
    put(out, QStringLiteral("firstPage"), timed(view, [&] { model.setQuery(boardQuery()); }, shown));
    settle();
    put(out, QStringLiteral("sort"), timed(view, [&] { model.sort(1, Qt::AscendingOrder); }, shown));
    settle();
    put(out, QStringLiteral("filter"), timed(view, [&] { model.setFilter({QStringLiteral("i.status = ?"), {QStringLiteral("new")}}); }, shown));
    settle();
    const SqlFragment match = store.dialect().textSearch(
        TextSearchTarget{QStringLiteral("hub_incidents"), {QStringLiteral("summary"), QStringLiteral("address"), QStringLiteral("notes")},
                         QStringLiteral("i")},
        searchTerms(kSearch));
    put(out, QStringLiteral("search"), timed(view, [&] { model.setFilter(match); }, shown));
    settle();
    out.insert(QStringLiteral("rows"), model.rowCount());
    // Scroll through the middle of the million, as an operator dragging the bar would.
    out.insert(QStringLiteral("rssMb"), residentMb());
    view.setModel(nullptr);
    store.close();
    return out;
}

QJsonObject runPlain(const QString& path, QTableView& view)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
    db.setDatabaseName(path);
    if (!db.open())
        throw std::runtime_error("cannot open the store");
    QSqlQueryModel model;
    view.setModel(&model);
    const QString select = QStringLiteral(
        "SELECT i.number, i.priority, i.status, i.category, i.summary, coalesce(i.address, ''), i.centre, i.created_at, "
        "coalesce(i.arrived_at, 0), ") + kTarget + QStringLiteral(" FROM hub_incidents i");
    const auto run = [&](const QString& sql) {
        return timed(view, [&] { model.setQuery(sql, db); }, [] { return true; });
    };
    QJsonObject out;
    put(out, QStringLiteral("firstPage"), run(select + QStringLiteral(" ORDER BY i.created_at DESC, i.id DESC")));
    put(out, QStringLiteral("sort"), run(select + QStringLiteral(" ORDER BY i.priority, i.created_at, i.id")));
    put(out, QStringLiteral("filter"), run(select + QStringLiteral(" WHERE i.status = 'new' ORDER BY i.priority, i.created_at, i.id")));
    put(out, QStringLiteral("search"),
        run(select + QStringLiteral(" WHERE i.id IN (SELECT rowid FROM hub_incidents_fts WHERE hub_incidents_fts MATCH '")
            + kSearch + QStringLiteral("') ORDER BY i.priority, i.created_at, i.id")));
    out.insert(QStringLiteral("rssMb"), residentMb());
    view.setModel(nullptr);
    return out;
}

// The case desk's list (modules/case_management/ui/casedesk.cpp), as the desk sets it up: the
// soonest running limit first, cases without one or closed after.
const QString kCaseDue = QStringLiteral("CASE WHEN k.due_at IS NULL OR k.stage = 'closed' THEN 1 ELSE 0 END");

PagedQuery casesQuery()
{
    PagedQuery q;
    q.from = QStringLiteral("cm_cases k");
    q.idColumn = QStringLiteral("k.id");
    q.columns = {
        {QStringLiteral("due"), QStringLiteral("Next limit"), QStringLiteral("coalesce(k.due_at, 0)"), {kCaseDue, QStringLiteral("coalesce(k.due_at, 0)")}},
        {QStringLiteral("number"), QStringLiteral("Number"), QStringLiteral("k.number"), {QStringLiteral("k.number")}},
        {QStringLiteral("title"), QStringLiteral("Title"), QStringLiteral("k.title"), {QStringLiteral("k.title")}},
        {QStringLiteral("kind"), QStringLiteral("Path"), QStringLiteral("k.kind"), {QStringLiteral("k.kind")}},
        {QStringLiteral("stage"), QStringLiteral("Stage"), QStringLiteral("k.stage"), {QStringLiteral("k.stage")}},
        {QStringLiteral("fast"), QStringLiteral("Fast track"), QStringLiteral("k.fast_track"), {QStringLiteral("k.fast_track")}},
        {QStringLiteral("opened"), QStringLiteral("Opened"), QStringLiteral("k.opened_at"), {QStringLiteral("k.opened_at")}},
    };
    q.sortColumn = 0;
    q.order = Qt::AscendingOrder;
    return q;
}

// "Due within a day" is measured from the generator's now (2026-06-01 08:00 UTC).
const qint64 kCasesNow = QDateTime(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
const qint64 kDay = 24 * 3600 * 1000;

QJsonObject runCasesModel(const QString& path, QTableView& view)
{
    SystemClock clock;
    Store store(Store::Options{StoreUrl::sqlite(path), 2}, clock);
    QFuture<void> opened = store.open();
    if (!waitForFuture(opened, 60000))
        throw std::runtime_error("the store did not open");
    resultOf(opened);
    SqlPageModel model(store);
    view.setModel(&model);
    QJsonObject out;
    const auto shown = [&] { return model.hasFirstPage(); };
    const auto settle = [&] {
        while (!model.isReady())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    };
    // The desk opens on the open cases, the soonest limit first.
    PagedQuery q = casesQuery();
    q.where = {QStringLiteral("k.stage <> 'closed'"), {}};
    put(out, QStringLiteral("firstPage"), timed(view, [&] { model.setQuery(q); }, shown));
    settle();
    put(out, QStringLiteral("sort"), timed(view, [&] { model.sort(1, Qt::AscendingOrder); }, shown));
    settle();
    model.sort(0, Qt::AscendingOrder);
    settle();
    put(out, QStringLiteral("filter"), timed(view, [&] {
            model.setFilter({QStringLiteral("k.stage <> 'closed' AND k.due_at IS NOT NULL AND k.due_at <= ?"), {kCasesNow + kDay}});
        }, shown));
    settle();
    put(out, QStringLiteral("closed"), timed(view, [&] { model.setFilter({QStringLiteral("k.stage = 'closed'"), {}}); }, shown));
    settle();
    out.insert(QStringLiteral("rssMb"), residentMb());
    view.setModel(nullptr);
    store.close();
    return out;
}

QJsonObject runCasesPlain(const QString& path, QTableView& view)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
    db.setDatabaseName(path);
    if (!db.open())
        throw std::runtime_error("cannot open the store");
    QSqlQueryModel model;
    view.setModel(&model);
    const QString select = QStringLiteral("SELECT coalesce(k.due_at, 0), k.number, k.title, k.kind, k.stage, k.fast_track, k.opened_at FROM cm_cases k");
    const QString due = QStringLiteral(" ORDER BY ") + kCaseDue + QStringLiteral(", coalesce(k.due_at, 0), k.id");
    const auto run = [&](const QString& sql) { return timed(view, [&] { model.setQuery(sql, db); }, [] { return true; }); };
    QJsonObject out;
    put(out, QStringLiteral("firstPage"), run(select + QStringLiteral(" WHERE k.stage <> 'closed'") + due));
    put(out, QStringLiteral("sort"), run(select + QStringLiteral(" WHERE k.stage <> 'closed' ORDER BY k.number, k.id")));
    put(out, QStringLiteral("filter"), run(select + QStringLiteral(" WHERE k.stage <> 'closed' AND k.due_at IS NOT NULL AND k.due_at <= %1").arg(kCasesNow + kDay) + due));
    put(out, QStringLiteral("closed"), run(select + QStringLiteral(" WHERE k.stage = 'closed'") + due));
    out.insert(QStringLiteral("rssMb"), residentMb());
    view.setModel(nullptr);
    return out;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString list = args.value(3, QStringLiteral("incidents"));
    if (args.size() < 3 || args.size() > 4 || (args[2] != QLatin1String("model") && args[2] != QLatin1String("plain"))
        || (list != QLatin1String("incidents") && list != QLatin1String("cases"))) {
        std::fputs("usage: hexhub-bench-board STORE model|plain [incidents|cases]\n", stderr);
        return 2;
    }
    QTableView view;
    view.resize(1400, 800);
    view.show();
    try {
        const bool model = args[2] == QLatin1String("model");
        const QJsonObject figures = list == QLatin1String("cases") ? (model ? runCasesModel(args[1], view) : runCasesPlain(args[1], view))
                                                                   : (model ? runModel(args[1], view) : runPlain(args[1], view));
        QTextStream(stdout) << QJsonDocument(figures).toJson(QJsonDocument::Compact) << "\n";
    } catch (const std::exception& e) {
        QTextStream(stderr) << e.what() << "\n";
        return 1;
    }
    return 0;
}
