#pragma once
// The centre's desk, its central view: the case desk and the custody suite's desk as two pages
// (Alt+S cases, Alt+U custody), the page in view kept with a workspace.

#include <QJsonObject>
#include <QWidget>

class QTabWidget;

namespace hexhub::cases {

struct CaseContext;
class CaseDesk;
class CustodyDesk;
class EscortDesk;

class CentreDesk final : public QWidget
{
    Q_OBJECT
public:
    CentreDesk(CaseContext& context, QWidget* parent = nullptr);

    CaseDesk* cases() const { return m_cases; }
    CustodyDesk* custody() const { return m_custody; }
    EscortDesk* escorts() const { return m_escorts; }
    QTabWidget* pages() const { return m_pages; }
    void showCases();
    void showCustody();
    //! The escort team's board (Alt+O).
    void showEscorts();
    //! The escort team's board with escort `id` current once read (0: the board only).
    bool openEscort(qint64 id);
    //! Case `id` on the cases page (a link "case 42", a limit's deadline "case:42").
    bool openCase(qint64 id);
    //! The cases numbered like `number` ("C-2026-000042", "2026-0042") on the cases page, every state, the first in view.
    bool findCase(const QString& number);
    //! Person in custody `id` on the custody page (a link, a check's deadline "custody:42").
    bool openCustody(qint64 id);

    //! The page in view, the case and the person in view (a workspace keeps them).
    Q_INVOKABLE QJsonObject saveViewState() const;
    Q_INVOKABLE void restoreViewState(const QJsonObject& state);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    //! A link from a page: a person in custody opens here, anything else wherever it lives.
    void follow(const QString& kind, const QString& ref);

    CaseContext& m_context;
    QTabWidget* m_pages;
    CaseDesk* m_cases;
    CustodyDesk* m_custody;
    EscortDesk* m_escorts;
};

} // namespace hexhub::cases
