#pragma once

#include "hexhubwidgets_export.h"

#include <QList>
#include <QVariant>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;

namespace hexhub {

/*!
 * A field that finds its value from what is typed, for a person on the keyboard: the candidates for
 * the text so far are listed under it, the first one highlighted; Up and Down move the highlight;
 * leaving the field (Tab, a mnemonic, a click elsewhere) or Enter takes the highlighted one. A click
 * on a candidate takes it too. Suggestions (given with setSuggestions()) are listed while the field
 * is empty, none highlighted: a suggestion is only taken by moving onto it, never by passing through.
 *
 * What is typed and not matched stays as text, with chosen() empty: the owner says what that means
 * (an unknown place may be allowed, a category not). The focus stays in the line edit throughout:
 * the list never takes it.
 */
class HEXHUB_WIDGETS_EXPORT ChoiceField : public QWidget
{
    Q_OBJECT
public:
    struct Choice
    {
        QString text;   //!< what the field shows once it is taken
        QString detail; //!< shown beside it in the list (a kind, a code)
        QVariant value;
    };
    using Finder = std::function<QList<Choice>(const QString& typed)>;

    explicit ChoiceField(QWidget* parent = nullptr);

    //! Finds the candidates for a text; called on each edit, on the GUI thread, so it must be quick.
    void setFinder(Finder finder);
    //! Candidates shown while nothing is typed, none highlighted, with a line saying why.
    void setSuggestions(const QList<Choice>& suggestions, const QString& why);
    //! Runs the finder again on the text (its data has arrived).
    void refresh();

    QLineEdit* lineEdit() const { return m_edit; }
    QListWidget* candidates() const { return m_list; }
    QLabel* noteLabel() const { return m_note; }
    QString text() const;
    std::optional<Choice> chosen() const { return m_chosen; }
    //! Takes `choice` as if it had been picked.
    void choose(const Choice& choice);
    //! A line under the field (why nothing matches, what was suggested); empty hides it.
    void setNote(const QString& note);

Q_SIGNALS:
    //! A candidate was taken, or what was taken was typed over (chosen() is then empty).
    void chosenChanged();
    //! The text was edited by the user.
    void edited(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void update(const QString& text);
    void show(const QList<Choice>& candidates, bool highlightFirst);
    void takeHighlighted();

    Finder m_finder;
    QLineEdit* m_edit;
    QListWidget* m_list;
    QLabel* m_note;
    QList<Choice> m_shown;
    QList<Choice> m_suggestions;
    QString m_suggestionNote;
    std::optional<Choice> m_chosen;
};

} // namespace hexhub
