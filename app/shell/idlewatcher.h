#pragma once

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace hexhub::shell {

/*!
 * Notices when nobody has touched the desk (keyboard, mouse, touch) for a while, so the shell can lock
 * it. Idle time is real time, not the Clock: a training run at 60x must not lock the trainer out.
 */
class IdleWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;

    //! 0 switches the watch off.
    void setLimit(int ms);
    int limit() const { return m_limitMs; }
    //! Starts counting afresh (after unlocking, for one).
    void reset();

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void check();

    int m_limitMs = 0;
    bool m_fired = false;
    QElapsedTimer m_sinceInput;
    QTimer* m_check;
};

} // namespace hexhub::shell
