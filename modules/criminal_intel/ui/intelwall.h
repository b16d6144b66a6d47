#pragma once
// The centre on a big screen (a wall or a dock): the few numbers a supervisor watches (leads
// waiting for an analyst, past their limit, graded high and not yet decided, taken in and actioned
// in the last seven days) and the leads whose limits run out first, with their grade and handling.
// Live on the bus.

#include "viewsupport.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace hexhub {
class FigureTiles;
}

namespace hexhub::criminalintel {

struct IntelContext;

class IntelWall final : public QWidget
{
    Q_OBJECT
public:
    explicit IntelWall(IntelContext& context, QWidget* parent = nullptr);
    void reload();

private:
    struct Reading
    {
        qint64 waiting = 0, late = 0, highWaiting = 0, received = 0, actioned = 0;
        QStringList next; //!< the leads running out first, a line each
    };

    IntelContext& m_context;
    LatestRead m_read;
    FigureTiles* m_figures;
    QLabel* m_title;
    QListWidget* m_next;
};

} // namespace hexhub::criminalintel
