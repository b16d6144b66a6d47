#include "commandpalette.h"

#include "base/whenfinished.h"

#include "shelltr.h"

#include <QKeyEvent>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace hexhub::shell {

namespace {

// The command's title on the left, its shortcut right-aligned and quieter.
class CommandDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem title = option;
        initStyleOption(&title, index);
        const QString shortcut = index.data(Qt::ToolTipRole).toString();
        title.text = index.data(Qt::UserRole + 1).toString();
        QStyledItemDelegate::paint(painter, title, QModelIndex());
        const QStyle* style = option.widget ? option.widget->style() : nullptr;
        Q_UNUSED(style)
        if (shortcut.isEmpty())
            return;
        painter->save();
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(option.rect.adjusted(0, 0, -10, 0), Qt::AlignRight | Qt::AlignVCenter, shortcut);
        painter->restore();
    }
};

} // namespace

int fuzzyScore(const QString& pattern, const QString& text)
{
    if (pattern.isEmpty())
        return 0;
    int score = 0;
    int run = 0;
    qsizetype at = 0;
    for (const QChar wanted : pattern) {
        if (wanted.isSpace())
            continue;
        bool found = false;
        for (; at < text.size(); ++at) {
            if (text.at(at).toCaseFolded() != wanted.toCaseFolded()) {
                run = 0;
                continue;
            }
            const bool wordStart = at == 0 || !text.at(at - 1).isLetterOrNumber();
            score += 1 + (wordStart ? 8 : 0) + run * 3;
            ++run;
            ++at;
            found = true;
            break;
        }
        if (!found)
            return -1;
    }
    return score * 100 / int(std::max<qsizetype>(1, text.size() / 8 + 1));
}

CommandPalette::CommandPalette(QWidget* parent)
    : QDialog(parent, Qt::Popup)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_searchDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setAccessibleName(Tr::tr("Command palette"));
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(Tr::tr("Type a command..."));
    m_list->setObjectName(QStringLiteral("commands"));
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setItemDelegate(new CommandDelegate(m_list));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    // Records are looked for once the typing pauses, not at every key.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    connect(m_searchDelay, &QTimer::timeout, this, &CommandPalette::findRecords);
    connect(m_filter, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_list, &QListWidget::itemActivated, this, &CommandPalette::runCurrent);
    m_filter->installEventFilter(this);
    resize(560, 380);
}

void CommandPalette::setCommands(QList<PaletteCommand> commands)
{
    m_commands = std::move(commands);
    refilter();
}

QStringList CommandPalette::shownTitles() const
{
    QStringList titles;
    for (int i = 0; i < m_list->count(); ++i)
        titles << m_list->item(i)->data(Qt::UserRole + 1).toString();
    return titles;
}

void CommandPalette::popup()
{
    m_filter->clear();
    refilter();
    if (QWidget* owner = parentWidget()) {
        const QRect area = owner->geometry();
        move(area.center().x() - width() / 2, area.top() + area.height() / 6);
    }
    show();
    raise();
    activateWindow();
    m_filter->setFocus();
}

void CommandPalette::refilter()
{
    const QString pattern = m_filter->text().trimmed();
    QList<std::pair<int, int>> ranked; // score, index
    for (int i = 0; i < m_commands.size(); ++i) {
        const int score = fuzzyScore(pattern, m_commands[i].title);
        if (score >= 0)
            ranked.append({score, i});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](auto a, auto b) { return a.first > b.first; });
    m_list->clear();
    for (const auto& [score, index] : std::as_const(ranked)) {
        const PaletteCommand& c = m_commands[index];
        auto* item = new QListWidgetItem(c.title);
        item->setData(Qt::UserRole, index);
        item->setData(Qt::UserRole + 1, c.title);
        item->setToolTip(c.shortcut);
        m_list->addItem(item);
    }
    // The records found for this very text, after the commands.
    if (m_recordsFor == pattern) {
        for (int i = 0; i < m_records.size(); ++i) {
            auto* item = new QListWidgetItem(m_records[i].title);
            item->setData(Qt::UserRole, -1 - i);
            item->setData(Qt::UserRole + 1, m_records[i].title);
            m_list->addItem(item);
        }
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void CommandPalette::runCurrent()
{
    QListWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    const int index = item->data(Qt::UserRole).toInt();
    const PaletteCommand command = index >= 0 ? m_commands.value(index) : m_records.value(-1 - index);
    hide();
    if (command.trigger)
        command.trigger();
}

void CommandPalette::findRecords()
{
    const QString text = m_filter->text().trimmed();
    const quint64 generation = ++m_searchGeneration;
    if (!m_finder || text.size() < 3) {
        m_records.clear();
        m_recordsFor.clear();
        return;
    }
    whenFinished(this, m_finder(text), [this, text, generation](const QFuture<QList<PaletteCommand>>& done) {
        if (generation != m_searchGeneration)
            return; // the text changed since: a newer search is on its way
        ++m_answered;
        try {
            m_records = done.result();
        } catch (const std::exception&) {
            m_records.clear(); // the store is away: the commands still work
        }
        m_recordsFor = text;
        const int row = m_list->currentRow();
        refilter();
        if (row > 0 && row < m_list->count())
            m_list->setCurrentRow(row);
    });
}

void CommandPalette::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(Tr::tr("Command palette"));
        m_filter->setPlaceholderText(Tr::tr("Type a command..."));
    }
    QDialog::changeEvent(event);
}

bool CommandPalette::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const int row = m_list->currentRow();
        switch (key->key()) {
        case Qt::Key_Down:
            m_list->setCurrentRow(std::min(row + 1, m_list->count() - 1));
            return true;
        case Qt::Key_Up:
            m_list->setCurrentRow(std::max(row - 1, 0));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runCurrent();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace hexhub::shell
