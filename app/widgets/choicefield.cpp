#include "choicefield.h"

#include <QFocusEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace hexhub {

namespace {
constexpr int kVisibleRows = 6;
}

ChoiceField::ChoiceField(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_note(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_list);
    layout->addWidget(m_note);
    m_list->setObjectName(QStringLiteral("candidates"));
    m_list->setFocusPolicy(Qt::NoFocus); // the keyboard stays in the line edit
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->hide();
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setWordWrap(true);
    m_note->hide();
    setFocusProxy(m_edit);
    m_edit->installEventFilter(this);
    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString& text) {
        const bool had = m_chosen.has_value();
        m_chosen.reset();
        update(text);
        if (had)
            Q_EMIT chosenChanged();
        Q_EMIT edited(text);
    });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        m_list->setCurrentItem(item);
        takeHighlighted();
    });
}

void ChoiceField::setFinder(Finder finder)
{
    m_finder = std::move(finder);
}

void ChoiceField::setSuggestions(const QList<Choice>& suggestions, const QString& why)
{
    m_suggestions = suggestions;
    m_suggestionNote = why;
    if (m_edit->text().trimmed().isEmpty() && !m_chosen)
        update(m_edit->text());
}

void ChoiceField::refresh()
{
    if (m_chosen)
        return;
    // The highlight stays on the same candidate when it is still there (Down pressed before the
    // data came).
    const QString highlighted = m_list->currentRow() >= 0 && m_list->currentRow() < m_shown.size() ? m_shown.at(m_list->currentRow()).text
                                                                                                      : QString();
    update(m_edit->text());
    for (int i = 0; i < m_shown.size() && !highlighted.isEmpty(); ++i) {
        if (m_shown.at(i).text == highlighted)
            m_list->setCurrentRow(i);
    }
}

QString ChoiceField::text() const
{
    return m_edit->text().trimmed();
}

void ChoiceField::setNote(const QString& note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void ChoiceField::choose(const Choice& choice)
{
    m_chosen = choice;
    m_edit->setText(choice.text);
    show({}, false);
    setNote(QString());
    Q_EMIT chosenChanged();
}

void ChoiceField::update(const QString& text)
{
    if (text.trimmed().isEmpty()) {
        show(m_suggestions, false);
        setNote(m_suggestions.isEmpty() ? QString() : m_suggestionNote);
        return;
    }
    show(m_finder ? m_finder(text) : QList<Choice>(), true);
    setNote(QString());
}

void ChoiceField::show(const QList<Choice>& candidates, bool highlightFirst)
{
    m_shown = candidates;
    m_list->clear();
    for (const Choice& c : candidates) {
        auto* item = new QListWidgetItem(c.detail.isEmpty() ? c.text : QStringLiteral("%1    %2").arg(c.text, c.detail), m_list);
        item->setToolTip(item->text());
    }
    m_list->setCurrentRow(highlightFirst && !candidates.isEmpty() ? 0 : -1);
    if (candidates.isEmpty()) {
        m_list->hide();
        return;
    }
    const int rows = int(std::min<qsizetype>(candidates.size(), kVisibleRows));
    m_list->setFixedHeight(rows * m_list->sizeHintForRow(0) + 2 * m_list->frameWidth());
    m_list->show();
}

void ChoiceField::takeHighlighted()
{
    const int row = m_list->currentRow();
    if (m_chosen || row < 0 || row >= m_shown.size())
        return;
    choose(m_shown.at(row));
}

bool ChoiceField::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_edit)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::KeyPress: {
        const auto* key = static_cast<QKeyEvent*>(event);
        const int rows = m_list->count();
        if (key->modifiers() & ~Qt::KeypadModifier)
            break;
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) && rows > 0) {
            if (!m_list->isVisible())
                m_list->show();
            const int step = key->key() == Qt::Key_Down ? 1 : -1;
            const int row = m_list->currentRow() < 0 ? (step > 0 ? 0 : rows - 1) : (m_list->currentRow() + step + rows) % rows;
            m_list->setCurrentRow(row);
            return true;
        }
        if (key->key() == Qt::Key_Escape && m_list->isVisible()) {
            m_list->setCurrentRow(-1);
            m_list->hide();
            return true;
        }
        // Enter takes the highlighted candidate and goes on to whatever Enter does where the field is
        // (a form's default button).
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            takeHighlighted();
        break;
    }
    case QEvent::FocusOut: {
        // Leaving the field for another one (Tab, Shift+Tab, a mnemonic, a click) takes the highlighted
        // candidate. Another window taking the keyboard (the phone system, to read the caller's
        // number) or a menu is not leaving: nothing is taken and the list stays.
        const Qt::FocusReason reason = static_cast<QFocusEvent*>(event)->reason();
        if (reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason || reason == Qt::ShortcutFocusReason
            || reason == Qt::MouseFocusReason) {
            takeHighlighted();
            m_list->hide();
        }
        break;
    }
    case QEvent::FocusIn:
        if (!m_chosen && m_list->count() > 0)
            m_list->show();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace hexhub
