#pragma once

#include "theme.h"

#include <QLabel>
#include <QStatusBar>

class QTimer;

namespace hexhub {
class Clock;
class Outbox;
class Session;
class Store;
} // namespace hexhub

namespace hexhub::shell {

/*!
 * The main window's status bar: a line along its top in the palette's Mid colour and no frames
 * around its items, drawn here rather than by an application style sheet (which would make every
 * widget of the desk slower to lay out and paint).
 */
class DeskStatusBar final : public QStatusBar
{
    Q_OBJECT
public:
    using QStatusBar::QStatusBar;

protected:
    void paintEvent(QPaintEvent* event) override;
};

//! Who is signed in at this desk, and in which roles; a click asks for their menu (menuRequested()).
class UserIndicator final : public QLabel
{
    Q_OBJECT
public:
    UserIndicator(Session& session, QWidget* parent = nullptr);
    void refresh();

Q_SIGNALS:
    //! Clicked: the signed-in user's menu is wanted at `globalPos`.
    void menuRequested(const QPoint& globalPos);

protected:
    void mousePressEvent(QMouseEvent* event) override;

private:
    Session& m_session;
};

/*!
 * The store as the operator needs to know it: connected, degraded (other desks' events delayed) or
 * offline (changes kept on this desk), with the count of changes waiting for the server.
 */
class StoreIndicator final : public QLabel
{
    Q_OBJECT
public:
    StoreIndicator(Store& store, Outbox& outbox, QWidget* parent = nullptr);
    void setTheme(const Theme& theme);
    void refresh();
    //! The colour of the dot before the text: ok, warning or danger of the theme.
    QColor dotColour() const { return m_colour; }
    /*!
     * Whether a connection to `host` that is `encrypted` or not deserves a warning: a server on
     * another machine reached without TLS (everyone on the way reads it). This machine's addresses
     * and a local socket folder are not warned about.
     */
    static bool warnUnencrypted(const QString& host, bool encrypted);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void checkEncryption();

    Store& m_store;
    Outbox& m_outbox;
    Theme m_theme = Theme::day();
    QColor m_colour;
    bool m_unencrypted = false; //!< a server on another machine, reached without TLS
};

//! The Clock's time, marked as simulated (with its rate, or paused) in training and tests.
class ClockIndicator final : public QLabel
{
    Q_OBJECT
public:
    ClockIndicator(const Clock& clock, QWidget* parent = nullptr);
    void refresh();

private:
    const Clock& m_clock;
    QTimer* m_tick;
};

} // namespace hexhub::shell
