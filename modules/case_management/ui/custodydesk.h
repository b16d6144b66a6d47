#pragma once
// The custody suite's desk (issue 22 section 2): everyone booked in, paged through SQL, the next
// welfare check due first, and the person in view beside the list with their custody record, each
// step of the stay a key away (check C, move M, interview I, care F, risk K, keep apart A, release X,
// the printed record P, a person booked in N), every form filled from the keyboard.

#include "hexhub/case_management/custody.h"
#include "viewsupport.h"

#include <QFuture>
#include <QWidget>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace hexhub {
class JournalTimeline;
class MaskedField;
class RecordTable;
} // namespace hexhub

namespace hexhub::cases {

struct CaseContext;

//! The person in view: who (masked), why and on what basis, the risk, where, the time held, the next check, the record.
class CustodyPanel final : public QWidget
{
    Q_OBJECT
public:
    CustodyPanel(CaseContext& context, QWidget* parent = nullptr);
    void show(qint64 id);
    //! The person asked for last, read again.
    void reload() { show(m_asked); }
    qint64 custodyId() const { return m_custody.id; }
    //! The person show() was last asked for (the one in view once its read answers).
    qint64 askedId() const { return m_asked; }
    const Custody& custody() const { return m_custody; }
    QLabel* message() const { return m_message; }
    MaskedField* person() const { return m_person; }
    JournalTimeline* record() const { return m_record; }

    //! C: a welfare check made now ("checkDialog"): what was seen.
    void check();
    //! M: taken to another room along the route ("moveDialog"), with a note for a skip.
    void move();
    //! I: an interview started in an interview room ("interviewDialog"), or the running one ended ("endInterviewDialog").
    void interview();
    //! F: a meal, drink, rest, medication, medical visit or phone call given ("careDialog").
    void care();
    //! K: the risk assessed again, with the reason ("riskDialog").
    void assessRisk();
    //! A: kept apart from another person in the suite, named by wristband ("apartDialog").
    void keepApart();
    //! X: released, transferred or handed over, with who took the person ("releaseDialog").
    void release();
    //! P: asks where ("reportDialog"), then exportRecord() there.
    void saveRecord();
    /*!
     * The custody record as the centre's ledger, a PDF written off the GUI thread: the person
     * (masked), case, basis, risk, time held against the limit, then every step of the stay. The
     * pages written, or why not.
     */
    QFuture<int> exportRecord(const QString& path);

Q_SIGNALS:
    void changed(qint64 id);
    void loaded(qint64 id);

protected:
    void changeEvent(QEvent* event) override;

private:
    //! Every text the panel shows, in the language in use (at the start and on a language change).
    void retranslate();
    void showCustody(const Custody& custody);
    bool may(const char* button) const;

    CaseContext& m_context;
    Custody m_custody;
    QList<CustodyEntry> m_entries; //!< of m_custody, as last read
    std::optional<Interview> m_running;
    LatestRead m_loads;
    qint64 m_asked = 0; //!< the person show() was last asked for
    QLabel* m_title;
    QLabel* m_case;
    QLabel* m_basis;
    QLabel* m_cause;
    QLabel* m_officer;
    QLabel* m_risk;
    QLabel* m_where;
    QLabel* m_held;
    QLabel* m_next;
    QLabel* m_left;
    MaskedField* m_person;
    QFormLayout* m_facts;
    QLabel* m_recordTitle;
    JournalTimeline* m_record;
    QLabel* m_message;
    QList<QPushButton*> m_actions;
};

class CustodyDesk final : public QWidget
{
    Q_OBJECT
public:
    CustodyDesk(CaseContext& context, QWidget* parent = nullptr);

    RecordTable* list() const { return m_list; }
    QTableWidget* rooms() const { return m_rooms; }
    //! The rooms page (Alt+R) or the people (Alt+P).
    void showRooms();
    CustodyPanel* panel() const { return m_panel; }
    //! N, Ctrl+Shift+N: a person booked in at the intake desk ("checkInDialog").
    void checkIn();
    //! Shows custody `id` (a link, the palette, a deadline "custody:<id>"): the filter set to everyone, the search cleared.
    bool openCustody(qint64 id);

protected:
    void changeEvent(QEvent* event) override;

private:
    //! The pages' names, the search's hint, the filter's choices, the count and the columns' names in the language in use.
    void retranslate();
    void applyFilter();
    //! The rooms page: every room along the route, its places and who is in it now.
    void reloadRooms();

    CaseContext& m_context;
    RecordTable* m_list;
    QComboBox* m_state;
    CustodyPanel* m_panel;
    QTabWidget* m_pages;
    QTableWidget* m_rooms;
    LatestRead m_roomRead;
};

} // namespace hexhub::cases
