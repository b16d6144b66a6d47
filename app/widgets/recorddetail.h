#pragma once
// What a record's detail panel shows in every module: personal data masked and revealed only with
// a reason that goes on record, and the record's timeline from the journal.

#include "hexhubwidgets_export.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QListWidget>
#include <QString>
#include <QVariant>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace hexhub {

/*!
 * A personal-data field: shown masked as the service gave it; "Reveal..." asks for the reason and
 * has the service reveal it (which checks the permission and audits the reveal, refusals too). The
 * clear value is only ever shown for the record it was revealed for: showing another record masks
 * it again, and an answer that comes back after that is dropped. Masking here is presentation: the
 * control is the service's, which never sends the clear value without the permission and a reason.
 */
class HEXHUB_WIDGETS_EXPORT MaskedField final : public QWidget
{
    Q_OBJECT
public:
    //! Asks the service for the clear value, giving the reason.
    using Reveal = std::function<QFuture<QString>(const QString& reason)>;

    /*!
     * `caption` labels the value ("Reporter: %1"); `what` names it in the reason dialog ("the
     * reporter's contact").
     */
    MaskedField(const QString& caption, const QString& what, QWidget* parent = nullptr);

    /*!
     * Shows record `recordKey`'s masked value; `reveal` null (the viewer may not reveal it) or an
     * empty value disables the button. A value revealed for another record is gone.
     */
    void setValue(qint64 recordKey, const QString& masked, Reveal reveal);
    //! The caption and the name of the value again (the language changed); shown at the next setValue().
    void setCaption(const QString& caption, const QString& what)
    {
        m_caption = caption;
        m_what = what;
    }
    //! What shows when the record has no value ("No reporter's contact.").
    void setEmptyText(const QString& text) { m_empty = text; }
    void clear();
    //! Asks for the reason and reveals (the button's action).
    void reveal();
    //! Reveals with `reason` given (the service refuses a reason too short to say anything).
    void revealBecause(const QString& reason);

    QLabel* valueLabel() const { return m_value; }
    QPushButton* revealButton() const { return m_reveal; }
    bool isRevealed() const { return m_revealedFor != 0 && m_revealedFor == m_record; }

Q_SIGNALS:
    //! The reveal was refused or failed: `message` says why.
    void failed(const QString& message);

private:
    QString m_caption;
    QString m_what;
    QString m_empty;
    QLabel* m_value;
    QPushButton* m_reveal;
    Reveal m_revealer;
    qint64 m_record = 0;
    qint64 m_revealedFor = 0;
    quint64 m_asked = 0;
};

/*!
 * A record's timeline from the journal: one line an entry, "time  who  what", oldest first,
 * scrolled to the newest.
 */
class HEXHUB_WIDGETS_EXPORT JournalTimeline final : public QListWidget
{
    Q_OBJECT
public:
    struct Entry
    {
        QDateTime at;
        QString actor;
        QString text;
        QString tooltip; //!< more about the line (where it came from)
    };

    explicit JournalTimeline(QWidget* parent = nullptr);
    void setEntries(const QList<Entry>& entries);
    //! Says why there is no timeline (a failed read) in its place.
    void setProblem(const QString& message);
};

} // namespace hexhub
