#pragma once

#include <QDialog>

#include <functional>

class QLineEdit;
class QListWidget;

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
 * it, Escape to close. Lists every command of the shell and the modules with its shortcut.
 */
class CommandPalette final : public QDialog
{
    Q_OBJECT
public:
    explicit CommandPalette(QWidget* parent = nullptr);

    void setCommands(QList<PaletteCommand> commands);
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

    QLineEdit* m_filter;
    QListWidget* m_list;
    QList<PaletteCommand> m_commands;
};

} // namespace hexhub::shell
