#pragma once

#include "theme.h"

#include <QHash>
#include <QLabel>
#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTimer;

namespace hexhub {
class Clock;
class DeadlineBoard;
class Outbox;
class Session;
} // namespace hexhub

namespace hexhub::shell {

/*!
 * Everything running out, from every module (DeadlineBoard), the soonest first: time left, what, and
 * which module. Overdue in the danger colour, due within 15 minutes in the warning colour.
 */
class DeadlineList final : public QWidget
{
    Q_OBJECT
public:
    DeadlineList(DeadlineBoard& board, const Clock& clock, QWidget* parent = nullptr);
    void setTheme(const Theme& theme);
    //! Module ids to the names people know them by, in the current language.
    void setModuleNames(const QHash<QString, QString>& names);
    //! Lists only the deadlines of the modules `visible` accepts (the signed-in user's).
    void setFilter(std::function<bool(const QString& module)> visible);
    //! What acknowledging the current deadline does (Space, or the button); none: no button.
    void setAcknowledge(std::function<void(const QString& key)> acknowledge);
    void showError(const QString& message);
    QListWidget* list() const { return m_list; }
    void refresh();
    //! How many deadlines the list shows, the soonest first; the rest are counted on a line below.
    static constexpr int kShown = 200;

protected:
    void changeEvent(QEvent* event) override;

private:
    DeadlineBoard& m_board;
    const Clock& m_clock;
    Theme m_theme = Theme::day();
    QLabel* m_empty;
    QListWidget* m_list;
    QTimer* m_repaint;
    QHash<QString, QString> m_moduleNames;
    std::function<bool(const QString&)> m_visible;
    std::function<void(const QString&)> m_acknowledge;
    QPushButton* m_ackButton;
};

//! The Clock in large type, for walls: time, date, and "simulated" when it is.
class BigClock final : public QLabel
{
    Q_OBJECT
public:
    explicit BigClock(const Clock& clock, QWidget* parent = nullptr);
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    const Clock& m_clock;
    QTimer* m_timer;
};

/*!
 * The desk's changes that wait for the server or for a decision (the Outbox): each one's summary and
 * state; for a conflict or a refusal, "Keep mine" and "Discard mine" decide it, as the signed-in user.
 */
class OutboxPanel final : public QWidget
{
    Q_OBJECT
public:
    OutboxPanel(Outbox& outbox, Session& session, QWidget* parent = nullptr);
    QListWidget* list() const { return m_list; }
    QPushButton* keepButton() const { return m_keep; }
    QPushButton* discardButton() const { return m_discard; }
    void refresh();

Q_SIGNALS:
    //! The entries were read again (for tests and for the status line).
    void refreshed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void decide(bool keep);
    void updateButtons();
    bool mayDecide(const QListWidgetItem* item) const;

    Outbox& m_outbox;
    Session& m_session;
    QLabel* m_empty;
    QListWidget* m_list;
    QPushButton* m_keep;
    QPushButton* m_discard;
    QLabel* m_problem;
    bool m_reading = false;
    bool m_again = false;
    bool m_readFailed = false;
};

} // namespace hexhub::shell
