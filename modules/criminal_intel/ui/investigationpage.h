#pragma once
// The leads desk's third page (Alt+I): joint investigations (issue 21 section 3).
#include "hexhub/criminal_intel/investigations.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

#include <functional>

class QLabel;
class QTabWidget;
class QTreeWidget;

namespace hexhub::criminalintel {

struct IntelContext;

/*!
 * Joint investigations: the list (open and suspended first), and the selected one's members, task
 * division (hub tasks, with what the hub reports), targets, daily reports and timeline. Keys on the
 * page: N a new investigation, M a member, D a line of the task division (a hub task), T a target,
 * Shift+T many targets at once (every person of its leads, units in turn),
 * R today's report, O propose the cluster operation to the hub, W withdraw it, S suspend / reopen /
 * close, K the intelligence packages as PDFs, C the investigation's link chart, Delete a member or a
 * target off (with a reason); Alt+1 to Alt+5 the detail's tabs. Everything is read off the GUI
 * thread and follows the store's events.
 */
class InvestigationPage final : public QWidget
{
    Q_OBJECT
public:
    InvestigationPage(IntelContext& context, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    QTabWidget* tabs() const { return m_tabs; }
    QTreeWidget* members() const { return m_members; }
    QTreeWidget* division() const { return m_division; }
    QTreeWidget* targets() const { return m_targets; }
    QTreeWidget* reports() const { return m_reports; }
    QTreeWidget* timeline() const { return m_timeline; }
    QLabel* header() const { return m_header; }
    QLabel* message() const { return m_message; }
    qint64 currentId() const;
    const Investigation* current() const;

    void reload();
    //! {"investigation": id, "tab": 0-4}: that investigation selected, that tab of its detail (a panel restored, a picture).
    Q_INVOKABLE void restoreViewState(const QJsonObject& state);
    Q_INVOKABLE QJsonObject saveViewState() const;
    //! Selects investigation `id` when the list has it (now or when it comes back).
    void select(qint64 id);
    //! N (with `leads`: opened from those leads, the first the one it comes from).
    void openNew(const QList<qint64>& leads = {});
    void addMember();
    void divide();
    void setTarget();
    //! Shift+T: every entity of a kind among its leads' (the ring's 70 people, say) a target, units taken in turn ("targetsDialog").
    void setManyTargets();
    void writeReport();
    void propose();
    void withdraw();
    void changeStatus();
    void makePackages();
    void removeCurrent();

Q_SIGNALS:
    //! The list and the selected investigation's detail are shown as stored.
    void loaded();
    //! C: chart the investigation (its latest saved chart, or its leads' entities).
    void chartRequested(qint64 investigation, const QString& title, const QList<qint64>& entities, qint64 savedChart);

private:
    void showDetail();
    void say(const QString& text);
    bool mayManage();
    //! The investigation an action changes: the current one, if the operator may run investigations (else why not, said).
    const Investigation* managed();
    //! Reads the entities it may target (its leads'), then calls `then` with them (none: says so).
    void withCandidates(std::function<void(qint64 id, const QString& title, const QList<Entity>& candidates)> then);
    template <typename T>
    void afterSave(const QFuture<T>& saving, const QString& done);

    IntelContext& m_context;
    QTreeWidget* m_list;
    QLabel* m_header;
    QTabWidget* m_tabs;
    QTreeWidget* m_members;
    QTreeWidget* m_division;
    QTreeWidget* m_targets;
    QTreeWidget* m_reports;
    QTreeWidget* m_timeline;
    QLabel* m_message;
    QList<Investigation> m_investigations;
    QList<InvestigationMember> m_memberRows;
    QList<InvestigationTarget> m_targetRows;
    qint64 m_wanted = 0;    //!< select() before the list had it
    int m_generation = 0;
    int m_detailGeneration = 0;
    int m_pendingDetail = 0;
};

} // namespace hexhub::criminalintel
