#pragma once
// The escort team's board (issue 22 section 3), the third page of the centre's desk: today's work,
// the open escorts first by the deadline that drives them (amber within two hours, red once run
// out), then those ended today; the team's crews with their vehicles, on duty or not, and what each
// is on. Every step is a key on the board, every form filled from the keyboard.

#include "hexhub/case_management/escorts.h"
#include "viewsupport.h"

#include <QList>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace hexhub::cases {

struct CaseContext;

class EscortDesk final : public QWidget
{
    Q_OBJECT
public:
    explicit EscortDesk(CaseContext& context, QWidget* parent = nullptr);
    void reload();

    QTableWidget* board() const { return m_board; }
    QTableWidget* crewTable() const { return m_crews; }
    QLabel* message() const { return m_message; }
    //! The escort on the board's current row, or none.
    const Escort* currentEscort() const;
    //! Shows the escort `id` on the board (its row current) once read; false when it is not on today's board.
    bool showEscort(qint64 id);

    //! N: an escort requested for a wristband in the suite ("escortDialog"): where to, the place, by when, why.
    void requestEscort();
    //! A: a crew on duty and free assigned, with its vehicle ("assignDialog").
    void assignCrew();
    //! D: the crew leaves with the person, who is booked out of the suite to it ("departDialog", Enter confirms).
    void depart();
    //! R: arrived, with who received the person ("arriveDialog"); the transfer limit is met.
    void arrive();
    //! X: a request not yet on its way cancelled, with the reason ("cancelEscortDialog").
    void cancelEscort();
    //! Space on the crews: the crew in view put on or off duty.
    void toggleDuty();

Q_SIGNALS:
    //! A link on the board asks to open a record: "custody" and its id.
    void linkActivated(const QString& kind, const QString& ref);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void show(const QList<Escort>& escorts, const QList<EscortCrew>& crews);
    //! Whether the board's current escort may take the step `what`; says why not on the message line.
    const Escort* ready(const QStringList& states, const QString& refusal);
    void done(const QString& text);

    CaseContext& m_context;
    LatestRead m_read;
    QLabel* m_title;
    QLabel* m_crewsTitle;
    QLabel* m_message;
    QTableWidget* m_board;
    QTableWidget* m_crews;
    QList<Escort> m_escorts;
    QList<EscortCrew> m_crewList;
    qint64 m_wanted = 0; //!< the escort to make current once read
    int m_generation = 0; //!< the latest reload(), so an older one's crews are not shown over it
};

} // namespace hexhub::cases
