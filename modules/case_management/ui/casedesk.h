#pragma once
// The case desk (issue 22 section 1): every case paged through SQL, the soonest running limit first,
// and the case in view beside the list: its path with the stage it is at, its statutory limits with
// the time left, the approvals given, the people held for it and its timeline from the journal. Each
// step is a key on the list (a case opened N, moved M, closed X, approved A, limits started S, a
// limit met T, extended E, the case file printed P), every form filled from the keyboard.

#include "hexhub/case_management/cases.h"
#include "viewsupport.h"

#include <QFuture>
#include <QHash>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace hexhub {
struct FormDialog;
class JournalTimeline;
class RecordTable;
} // namespace hexhub

namespace hexhub::cases {

struct CaseContext;

//! The case in view: its path and stage, its limits, approvals, people held and timeline; the actions.
class CasePanel final : public QWidget
{
    Q_OBJECT
public:
    CasePanel(CaseContext& context, QWidget* parent = nullptr);
    void show(qint64 id);
    //! The case asked for last, read again.
    void reload() { show(m_asked); }
    qint64 caseId() const { return m_case.id; }
    //! The case show() was last asked for (the one in view once its read answers).
    qint64 askedId() const { return m_asked; }
    const Case& currentCase() const { return m_case; }
    QLabel* message() const { return m_message; }
    QTableWidget* limitTable() const { return m_limits; }

    //! M: to the next stage of the path ("moveCaseDialog"), with a reason; one that needs approval uses the one given.
    void moveOn();
    //! X: closed, with the reason ("moveCaseDialog", closed chosen).
    void close();
    //! A: an approval for the next stage, closing, or a limit's extension ("approveDialog"), with a note.
    void approve();
    //! S: the limits an event starts: a summons, questioning, detention, the arrest requested ("startDialog").
    void startLimits();
    //! T: a running limit met, with what was done ("meetDialog"); the one chosen in the limits table first.
    void meetLimit();
    //! E: an arrest request's or an administrative case's limit extended, on an approval ("extendDialog").
    void extendLimit();
    //! P: asks where ("reportDialog"), then exportCaseFile() there.
    void saveCaseFile();
    //! H: the guidelines library ("guidelinesDialog"), those guiding the case's stage first.
    void showGuidelines();
    //! F: a criminal case put on the 48-hour fast track, on its two grounds and a note ("fastTrackDialog").
    void fastTrack();
    //! G: asks where the package goes ("reportDialog"), then exportPartnerPackage() there.
    void savePartnerPackage();
    /*!
     * What the prosecution and court partners receive: the case file as a PDF at `pdfPath` and the
     * case's status document (CaseService::partnerStatus()) beside it as "<name>-status.json", read
     * afresh and written off the GUI thread. The pages of the PDF, or why not.
     */
    QFuture<int> exportPartnerPackage(const QString& pdfPath);
    //! Where exportPartnerPackage() puts the status document beside `pdfPath`.
    static QString statusPathFor(const QString& pdfPath);
    /*!
     * The case file as one PDF, read afresh and written off the GUI thread: the case, its limits,
     * approvals, the people held for it (masked) and its timeline. The pages written, or why not.
     */
    QFuture<int> exportCaseFile(const QString& path);

Q_SIGNALS:
    void changed(qint64 id);
    void loaded(qint64 id);
    //! A link in the panel (the incident, a person held) asks to be opened: kind and reference.
    void linkActivated(const QString& kind, const QString& ref);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    //! The case file written to `path` off the GUI thread, saying nothing (exportCaseFile() and exportPartnerPackage() say).
    QFuture<int> writeCaseFile(const QString& path);
    void showCase(const Case& c);
    void showLimits();
    bool may(const char* button) const;
    //! The move dialog with `stage` chosen (the next one, or closed).
    void moveTo(const QString& stage);
    //! Says what a form's command did: `done`, or that it is kept on the desk until the server is back.
    void said(const FormDialog& form, const QString& done);

    CaseContext& m_context;
    Case m_case;
    QList<CaseLimit> m_limitRows;       //!< of m_case, as last read
    QList<CaseApproval> m_approvalRows; //!< of m_case, as last read
    QHash<qint64, QString> m_tags;      //!< the wristbands of the people held for m_case, by custody id
    LatestRead m_loads;
    //! The case's parts, each read again after every change: the latest answer of each wins.
    LatestRead m_limitRead, m_approvalRead, m_peopleRead, m_timelineRead;
    qint64 m_asked = 0; //!< the case show() was last asked for
    QLabel* m_title;
    QLabel* m_path;
    QLabel* m_kind;
    QLabel* m_opened;
    QLabel* m_incident;
    QLabel* m_due;
    QLabel* m_reason;
    QLabel* m_people;
    QFormLayout* m_facts;
    QLabel* m_limitsTitle;
    QTableWidget* m_limits;
    QLabel* m_approvalsTitle;
    QTableWidget* m_approvals;
    QLabel* m_timelineTitle;
    JournalTimeline* m_timeline;
    QLabel* m_message;
    QList<QPushButton*> m_actions;
};

class CaseDesk final : public QWidget
{
    Q_OBJECT
public:
    CaseDesk(CaseContext& context, QWidget* parent = nullptr);

    RecordTable* list() const { return m_list; }
    CasePanel* panel() const { return m_panel; }
    //! N: a case opened ("openCaseDialog"): its path, title, summary, the hub incident it came from, the fast track.
    void openNew();
    //! Shows case `id` (a link, a limit's deadline "case:<id>"): the filter set to every case, the search cleared.
    bool openCase(qint64 id);
    //! Every case numbered like `number`, in any state, the search set to it; the first made current when it comes.
    bool findCase(const QString& number);

Q_SIGNALS:
    void linkActivated(const QString& kind, const QString& ref);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void applyFilter();

    CaseContext& m_context;
    RecordTable* m_list;
    QComboBox* m_state;
    CasePanel* m_panel;
};

} // namespace hexhub::cases
