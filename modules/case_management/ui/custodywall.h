#pragma once
// The custody suite on a big screen (issue 22 section 2): everyone in custody, where they are, how
// long they have been held against the limit that applies, when their next welfare check is due;
// a check due soon in amber, a missed one (and a limit run out) in red, with the few numbers the
// suite's supervisor watches. Live on the bus and on the clock: a check goes from due to missed
// at its minute with no event at all.

#include "viewsupport.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace hexhub {
class FigureTiles;
}

namespace hexhub::cases {

struct CaseContext;

class CustodyWall final : public QWidget
{
    Q_OBJECT
public:
    explicit CustodyWall(CaseContext& context, QWidget* parent = nullptr);
    void reload();

    //! How a check due at `dueMs` stands at `nowMs`: 0 running, 1 due within 15 minutes, 2 missed.
    static int checkLevel(qint64 dueMs, qint64 nowMs);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    CaseContext& m_context;
    LatestRead m_read;
    FigureTiles* m_figures;
    QLabel* m_status;
    QTableWidget* m_people;
};

} // namespace hexhub::cases
