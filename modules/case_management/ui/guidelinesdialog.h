#pragma once
// The guidelines library from a case (issue 22 section 1): the documents guiding the case's stage
// first, then the rest, in the desk's language; a search over their full text as one types (Chinese
// included); the chosen document's text beside the list. Read off the GUI thread.

#include "hexhub/case_management/guidelines.h"
#include "viewsupport.h"

#include <QDialog>
#include <QList>

class QLabel;
class QLineEdit;
class QListWidget;
class QTextBrowser;
class QTimer;

namespace hexhub::cases {

class GuidelineService;

class GuidelinesDialog final : public QDialog
{
    Q_OBJECT
public:
    //! `stage`: the stage of the case in view (its guidelines first), named `stageName` in the title.
    GuidelinesDialog(const GuidelineService& guidelines, const QString& stage, const QString& stageName, QWidget* parent = nullptr);
    void reload();

private:
    void show(const QList<Guideline>& found);
    void showText(int row);

    const GuidelineService& m_guidelines;
    QString m_stage;
    LatestRead m_read;
    QLineEdit* m_search;
    QListWidget* m_list;
    QTextBrowser* m_text;
    QLabel* m_status;
    QTimer* m_typing;
    QList<Guideline> m_found;
};

} // namespace hexhub::cases
