// The centre's desk (centredesk.h).
#include "centredesk.h"

#include "casecontext.h"
#include "casedesk.h"
#include "custodydesk.h"
#include "escortdesk.h"
#include "recordtable.h"

#include <QEvent>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace hexhub::cases {

CentreDesk::CentreDesk(CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("case_management.desk"));
    m_cases = new CaseDesk(context, this);
    m_custody = new CustodyDesk(context, this);
    m_escorts = new EscortDesk(context, this);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("centrePages"));
    m_pages->addTab(m_cases, QString());
    m_pages->addTab(m_custody, QString());
    m_pages->addTab(m_escorts, QString());
    connect(m_pages, &QTabWidget::currentChanged, this, [this] {
        QWidget* page = m_pages->currentWidget();
        setFocusProxy(page);
        page->setFocus(Qt::OtherFocusReason);
    });
    connect(m_cases, &CaseDesk::linkActivated, this, &CentreDesk::follow);
    connect(m_escorts, &EscortDesk::linkActivated, this, &CentreDesk::follow);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    setFocusProxy(m_cases);
    retranslate();
}

void CentreDesk::retranslate()
{
    m_pages->setTabText(0, tr("Ca&ses"));
    m_pages->setTabText(1, tr("C&ustody suite"));
    m_pages->setTabText(2, tr("Esc&ort team"));
}

void CentreDesk::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void CentreDesk::showCases()
{
    m_pages->setCurrentWidget(m_cases);
}

void CentreDesk::showCustody()
{
    m_pages->setCurrentWidget(m_custody);
}

void CentreDesk::showEscorts()
{
    m_pages->setCurrentWidget(m_escorts);
}

bool CentreDesk::openEscort(qint64 id)
{
    showEscorts();
    return id <= 0 || m_escorts->showEscort(id);
}

bool CentreDesk::openCase(qint64 id)
{
    showCases();
    return id <= 0 || m_cases->openCase(id);
}

bool CentreDesk::findCase(const QString& number)
{
    showCases();
    return m_cases->findCase(number);
}

bool CentreDesk::openCustody(qint64 id)
{
    showCustody();
    return id <= 0 || m_custody->openCustody(id);
}

void CentreDesk::follow(const QString& kind, const QString& ref)
{
    if (kind == QLatin1String("custody")) {
        openCustody(ref.toLongLong());
        return;
    }
    if (m_context.openRecord) {
        const QString why = m_context.openRecord(kind, ref);
        if (!why.isEmpty())
            m_cases->panel()->message()->setText(why);
    }
}

QJsonObject CentreDesk::saveViewState() const
{
    const QWidget* page = m_pages->currentWidget();
    return {{QStringLiteral("page"), page == m_custody   ? QStringLiteral("custody")
                                     : page == m_escorts ? QStringLiteral("escorts")
                                                         : QStringLiteral("cases")},
            {QStringLiteral("case"), double(m_cases->panel()->caseId())},
            {QStringLiteral("custody"), double(m_custody->panel()->custodyId())}};
}

void CentreDesk::restoreViewState(const QJsonObject& state)
{
    if (const qint64 custody = qint64(state.value(QStringLiteral("custody")).toDouble()); custody > 0)
        m_custody->openCustody(custody);
    if (const qint64 id = qint64(state.value(QStringLiteral("case")).toDouble()); id > 0)
        m_cases->openCase(id);
    if (state.value(QStringLiteral("page")).toString() == QLatin1String("custody"))
        showCustody();
    else if (state.value(QStringLiteral("page")).toString() == QLatin1String("escorts"))
        showEscorts();
    else
        showCases();
}

} // namespace hexhub::cases
