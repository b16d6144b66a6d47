#pragma once
// Criminal intelligence's desk: the triage queue of leads (paged through SQL, filtered, searched,
// keyboard first) and the lead in view beside it, with what to do next (grade, assign, move,
// merge, a tip recorded by hand) and its timeline from the journal.
#include "hexhub/criminal_intel/leads.h"
#include "viewsupport.h"

#include <QFuture>
#include <QWidget>

class QComboBox;
class QTabWidget;
class QLabel;
class QListWidget;
class QPushButton;

namespace hexhub {
class JournalTimeline;
class MaskedField;
class RecordTable;
} // namespace hexhub

namespace hexhub::criminalintel {

class InvestigationPage;
class LinkChart;
struct IntelContext;

//! The lead in view: what it says, where from, its grade and handling, its limit, duplicates, timeline.
class LeadPanel final : public QWidget
{
    Q_OBJECT
public:
    LeadPanel(IntelContext& context, QWidget* parent = nullptr);
    void show(qint64 id);
    void reload() { show(m_lead.id); }
    qint64 leadId() const { return m_lead.id; }
    const Lead& lead() const { return m_lead; }
    QLabel* message() const { return m_message; }

    //! G: the grade dialog ("gradeDialog") in the deployment's scheme.
    void grade();
    //! A: the analyst it is assigned to ("assignDialog").
    void assign();
    //! S: a move to another status ("moveDialog"), with the reason where one is needed.
    void move();
    //! M: merged into one of its likely duplicates, or a lead named by reference ("mergeDialog").
    void merge();
    //! R: the tip's protected source, with a reason.
    void revealSource();
    //! P: asks where ("reportDialog"), then exportReport() there.
    void saveReport();
    /*!
     * The lead in view as a PDF report, written off the GUI thread: its grade and handling first, where
     * it came from, its status and limit, details, evidence, what it is linked to (masked) and its
     * timeline; never the tip's source. The pages written, or why not.
     */
    QFuture<int> exportReport(const QString& path);

Q_SIGNALS:
    void changed(qint64 id);
    void loaded(qint64 id);

private:
    void showLead(const Lead& lead);
    //! Whether the action of `button` may be taken now (it is enabled: a lead in view, the permission).
    bool may(const char* button) const;
    void saved(const QFuture<Lead>& saving, const QString& done);

    IntelContext& m_context;
    Lead m_lead;
    QList<LeadEntity> m_leadEntities;       //!< of m_lead, as last read
    QList<LeadTimelineEntry> m_leadTimeline; //!< of m_lead, as last read
    LatestRead m_loads;
    QLabel* m_title;
    QLabel* m_summary;
    QLabel* m_source;
    QLabel* m_grade;
    QLabel* m_handling;
    QLabel* m_status;
    QLabel* m_due;
    QLabel* m_details;
    QLabel* m_evidence;
    MaskedField* m_tipSource;
    QListWidget* m_duplicates;
    QListWidget* m_entities;
    JournalTimeline* m_timeline;
    QLabel* m_message;
    QList<QPushButton*> m_actions;
};

class LeadDesk final : public QWidget
{
    Q_OBJECT
public:
    LeadDesk(IntelContext& context, QWidget* parent = nullptr);
    ~LeadDesk() override;

    RecordTable* queue() const { return m_queue; }
    LeadPanel* panel() const { return m_panel; }
    LinkChart* chart() const { return m_chart; }
    InvestigationPage* investigations() const { return m_investigations; }
    //! The link chart page (Alt+C), or the leads page (Alt+L).
    void showChart();
    void showLeads();
    //! The joint investigations page (Alt+I).
    void showInvestigations();
    //! I on a lead: the investigation it is in, or a new one opened from it.
    void investigateLead();
    //! C on a lead: its entities on the chart, one step out.
    void chartLead();
    //! Shows lead `id` (a link, the palette, a deadline): every status, the search cleared.
    bool openLead(qint64 id);
    //! T, Ctrl+Shift+T: records a tip by hand ("tipDialog").
    void recordTip();
    //! The deployment's grading scheme ("schemeDialog"), for an administrator.
    void chooseScheme();

private:
    void applyFilter();

    IntelContext& m_context;
    RecordTable* m_queue;
    QComboBox* m_status;
    QComboBox* m_source;
    LeadPanel* m_panel;
    QTabWidget* m_pages;
    LinkChart* m_chart;
    InvestigationPage* m_investigations;
};

} // namespace hexhub::criminalintel
