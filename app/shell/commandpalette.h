#pragma once

#include <QDialog>
#include <QFuture>

#include <functional>

class QLineEdit;
class QListWidget;
class QTimer;

namespace hexhub::shell {

//! One thing the palette can do.
struct PaletteCommand
{
    QString id;
    QString title;     //!< translated
    QString shortcut;  //!< as the user sees it, e.g. "Ctrl+3"; may be empty
    std::function<void()> trigger;
};

/*!
 * How well `pattern` matches `text`, as a subsequence, case-insensitively: -1 when it does not;
 * otherwise higher for matches at word starts and in runs, so "cm" ranks "Case management" first.
 */
int fuzzyScore(const QString& pattern, const QString& text);

/*!
 * The command palette (Ctrl+K): type a few letters of any command, Up/Down to choose, Enter to run
 * it, Escape to close. Lists every command of the shell and the modules with its shortcut; below
 * them, once three characters are typed and the typing pauses, the records the modules find for the
 * text (an incident by its number or its words), each opened by Enter.
 */
class CommandPalette final : public QDialog
{
    Q_OBJECT
public:
    explicit CommandPalette(QWidget* parent = nullptr);

    void setCommands(QList<PaletteCommand> commands);
    //! Finds records for the text (off the GUI thread); each comes back as a command that opens it.
    using RecordFinder = std::function<QFuture<QList<PaletteCommand>>(const QString& text)>;
    void setRecordFinder(RecordFinder finder) { m_finder = std::move(finder); }
    //! How many record searches have come back for the current text (for tests).
    int searchesAnswered() const { return m_answered; }
    //! The titles shown for the current filter, best match first.
    QStringList shownTitles() const;
    //! Clears the filter and shows the palette over its parent.
    void popup();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refilter();
    void runCurrent();
    void findRecords();

    QLineEdit* m_filter;
    QListWidget* m_list;
    QList<PaletteCommand> m_commands;
    QList<PaletteCommand> m_records; //!< found for m_recordsFor
    QString m_recordsFor;
    RecordFinder m_finder;
    QTimer* m_searchDelay;
    quint64 m_searchGeneration = 0;
    int m_answered = 0;
};

} // namespace hexhub::shell
