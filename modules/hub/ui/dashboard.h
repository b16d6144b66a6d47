#pragma once

#include "hubcontext.h"

#include <QWidget>

class QCustomPlot;
class QGridLayout;
class QBoxLayout;
class QLabel;
class QTimer;

namespace hexhub::hub {

//! What the dashboard shows, read in one go off the GUI thread.
struct DashboardFigures
{
    QList<int> perHour;              //!< incidents received in each of the last 24 hours, oldest first
    QList<double> responseMinutes;   //!< first unit on scene, minutes, for incidents of the last 24 hours
    QList<QPair<QString, int>> byCategory; //!< category id, incidents of the last 24 hours
    QList<QPair<QString, int>> unitsByStatus; //!< unit status id, units
    int openIncidents = 0;
    int openP1 = 0;
    int operationsThisYear = 0;
    int operationsRunning = 0;
    int responseTargetsMissed = 0;   //!< last 24 hours: arrived late, or still waiting past the target
    qint64 at = 0;                   //!< Clock ms of the reading
};

//! The median and 90th percentile of `values` (nearest rank); 0 when empty.
QPair<double, double> medianAnd90th(QList<double> values);

/*!
 * The hub's dashboard: KPI tiles and QCustomPlot charts of incidents per hour over 24 hours, the
 * response time distribution with its median and 90th percentile, incidents by category, unit
 * availability; operations this year and response targets missed. Live: it reads again when hub
 * events arrive (a few times a minute at most) and each minute of clock time. Dock or wall: its type
 * and colours follow its surroundings, so on a wall it reads from across a room, in the night theme.
 */
class Dashboard final : public QWidget
{
    Q_OBJECT
public:
    Dashboard(HubContext& hub, QWidget* parent = nullptr);
    ~Dashboard() override;

    void reload();
    const DashboardFigures& figures() const { return m_figures; }
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void loaded();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void show(const DashboardFigures& figures);
    void style();
    /*!
     * Each chart fitted to its size (a wall shares its width among panels, in large type): titles on
     * one line or two, as many value ticks as there is room for, the categories that fit as rows
     * (the rest summed as "Other"), axis labels that fit.
     */
    void fitToSize();
    //! The categories chart with at most `rows` rows, the largest first.
    void drawCategories(int rows);
    QCustomPlot* makePlot(const QString& name);

    HubContext& m_hub;
    DashboardFigures m_figures;
    QHash<QString, QString> m_categoryNames;
    QList<QLabel*> m_tileValues;
    QList<QLabel*> m_tileCaptions;
    QString m_responseTitle;  //!< the response chart's title before fitting
    int m_categoryRows = -1;  //!< rows the categories chart shows now (-1: all)
    QList<QRect> m_fittedRects; //!< the charts' plotting areas fitToSize() last saw
    int m_refits = 0;           //!< fits since the last resize (each may move the plotting areas)
    QCustomPlot* m_perHour = nullptr;
    QCustomPlot* m_response = nullptr;
    QCustomPlot* m_categories = nullptr;
    QCustomPlot* m_units = nullptr;
    QBoxLayout* m_body = nullptr; //!< the tiles and the charts, one above or beside the other
    QLabel* m_error;
    QTimer* m_reload;
    qint64 m_subscription = 0;
    bool m_loaded = false;
    bool m_busy = false;
    bool m_again = false;
};

} // namespace hexhub::hub
