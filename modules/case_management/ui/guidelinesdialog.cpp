// The guidelines library from a case (guidelinesdialog.h).
#include "guidelinesdialog.h"

#include "messageline.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace hexhub::cases {

GuidelinesDialog::GuidelinesDialog(const GuidelineService& guidelines, const QString& stage, const QString& stageName, QWidget* parent)
    : QDialog(parent)
    , m_guidelines(guidelines)
    , m_stage(stage)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_text(new QTextBrowser(this))
    , m_status(new QLabel(this))
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("guidelinesDialog"));
    setWindowTitle(stageName.isEmpty() ? tr("Guidelines") : tr("Guidelines: %1 first").arg(stageName));
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search the guidelines: words or phrases, Chinese included"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("guidelines"));
    m_text->setObjectName(QStringLiteral("guidelineText"));
    m_text->setOpenLinks(false);
    makeMessageLine(m_status, QStringLiteral("message"));
    auto* searchLabel = new QLabel(tr("&Search"), this);
    searchLabel->setBuddy(m_search);
    auto* top = new QHBoxLayout;
    top->addWidget(searchLabel);
    top->addWidget(m_search, 1);
    auto* panes = new QHBoxLayout;
    panes->addWidget(m_list, 2);
    panes->addWidget(m_text, 3);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(panes, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(980, 620);

    // A search as one types, a quarter of a second after the last key.
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_typing, &QTimer::timeout, this, &GuidelinesDialog::reload);
    connect(m_search, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_typing->stop();
        reload();
        m_list->setFocus();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &GuidelinesDialog::showText);
    m_search->setFocus();
    reload();
}

void GuidelinesDialog::reload()
{
    GuidelineQuery query;
    query.language = QLocale().name();
    query.stage = m_stage;
    query.text = m_search->text();
    whenLatest(this, m_read, m_guidelines.find(query), [this](QFuture<QList<Guideline>> done) {
        try {
            show(done.result());
        } catch (const std::exception& e) {
            show({});
            m_status->setText(QString::fromUtf8(e.what()));
        }
    });
}

void GuidelinesDialog::show(const QList<Guideline>& found)
{
    m_found = found;
    m_list->clear();
    for (const Guideline& g : found) {
        QString text = tr("%1 · %2", "a guideline's code and title").arg(g.code, g.title);
        if (!m_stage.isEmpty() && g.stage == m_stage)
            text = tr("%1 (this stage)").arg(text);
        auto* item = new QListWidgetItem(text, m_list);
        if (!m_stage.isEmpty() && g.stage == m_stage) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
    m_status->setText(found.isEmpty() ? (m_search->text().trimmed().isEmpty() ? tr("The library is empty.") : tr("No guideline has those words."))
                                      : tr("%n guideline(s)", nullptr, int(found.size())));
    if (!found.isEmpty())
        m_list->setCurrentRow(0);
    else
        m_text->clear();
}

void GuidelinesDialog::showText(int row)
{
    if (row < 0 || row >= m_found.size()) {
        m_text->clear();
        return;
    }
    const Guideline& g = m_found[row];
    QString html = QStringLiteral("<h3>%1 · %2</h3>").arg(g.code.toHtmlEscaped(), g.title.toHtmlEscaped());
    if (!g.source.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Rests on: %1").arg(g.source).toHtmlEscaped());
    for (const QString& paragraph : g.body.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        html += QStringLiteral("<p>%1</p>").arg(paragraph.toHtmlEscaped());
    m_text->setHtml(html);
}

} // namespace hexhub::cases
