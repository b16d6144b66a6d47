#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QFrame>
#include <QList>
#include <QObject>

class QLabel;
class QListWidget;
class QTimer;

namespace hexhub {
class ModuleManager;
class EventBridge;
class EventBus;
class Outbox;
class Store;
struct Event;
struct OutboxEntry;
} // namespace hexhub

namespace hexhub::shell {

struct Notification
{
    enum class Level { Info, Important, Priority };
    int id = 0;
    Level level = Level::Info;
    QString title;   //!< translated
    QString text;
    QDateTime at;
    bool acknowledged = false;
};

/*!
 * What the desk must tell its operator: new incidents (priority ones with a sound), changes waiting
 * for a decision, the store going offline and coming back. Keeps a list to acknowledge; the sound
 * plays only where an audio output exists, and its absence is no error.
 */
class NotificationCenter final : public QObject
{
    Q_OBJECT
public:
    //! Notifies of the events the modules describe as worth it (ModuleManager::describe()).
    NotificationCenter(EventBus& bus, Store& store, Outbox& outbox, const ModuleManager& modules,
                       QObject* parent = nullptr);
    ~NotificationCenter() override;

    void post(Notification::Level level, const QString& title, const QString& text, const QDateTime& at);
    const QList<Notification>& all() const { return m_items; }
    int unacknowledged() const;
    void acknowledge(int id);
    void acknowledgeAll();
    //! Whether priority notifications can be heard here (an audio output exists); the first call
    //! loads the sound library.
    bool canPlaySound();
    //! The operator's choice (Settings): priority notifications sound only when enabled.
    void setSoundEnabled(bool enabled) { m_soundEnabled = enabled; }
    bool soundEnabled() const { return m_soundEnabled; }
    int soundsPlayed() const { return m_soundsPlayed; }

    /*!
     * The bridge that delivers this desk's catch-up (Platform::bridge(); none on a desk of its own):
     * the catch-up's summary waits until the bridge has read it all, so a catch-up read in slow pages
     * is still one notification (up to kCaughtUpMaxWaitMs after the last event, should the bridge
     * never finish, say when the server goes away in the middle of it).
     */
    void followCatchUp(const EventBridge* bridge);

Q_SIGNALS:
    void posted(const hexhub::shell::Notification& notification);
    void changed();


private:
    void onEvent(const Event& event);
    void countCaughtUp(const Event& event, Notification::Level level, const QString& title, const QString& body);
    void postCaughtUp();

    const ModuleManager& m_modules;
    /*!
     * What a desk that was closed catches up on at start (Event::caughtUp) is one notification, not
     * one per event (up to thousands after a long absence, each sounding): counted here and posted
     * once the catch-up has been quiet for kCaughtUpQuietMs.
     */
    struct CaughtUp
    {
        int events = 0;
        int priority = 0;
        int important = 0;
        QStringList titles; //!< the first few, most urgent first
        QString firstText;  //!< the first one's detail, shown when it is the only one
    } m_caughtUp;
    QTimer* m_caughtUpQuiet = nullptr;
    bool m_catchUpOpen = false;     //!< the bridge is still reading the catch-up
    QElapsedTimer m_lastCaughtUp;   //!< since the last caught-up event
    static constexpr int kCaughtUpQuietMs = 300;
    static constexpr int kCaughtUpMaxWaitMs = 10000;
    static constexpr int kCaughtUpTitles = 3;

    QList<Notification> m_items;
    int m_nextId = 1;
    QObject* m_sound = nullptr; //!< a QSoundEffect from the sound library, once loaded
    bool m_soundChecked = false;
    int m_soundsPlayed = 0;
    bool m_soundEnabled = true;
    QObject m_receiver;
};

//! The toast in the main window's corner: the latest important notification, gone after a while.
class Toast final : public QFrame
{
    Q_OBJECT
public:
    explicit Toast(QWidget* parent);
    void showNotification(const Notification& notification);
    QString text() const;

private:
    void place();
    QLabel* m_title;
    QLabel* m_text;
    QTimer* m_hide;
};

//! The notification list to acknowledge, newest first; Enter or Delete acknowledges the current one.
class NotificationList final : public QWidget
{
    Q_OBJECT
public:
    NotificationList(NotificationCenter& center, QWidget* parent = nullptr);
    int rows() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    NotificationCenter& m_center;
    QLabel* m_empty;
    QListWidget* m_list;
};

} // namespace hexhub::shell
