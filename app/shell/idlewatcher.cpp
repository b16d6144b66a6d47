#include "idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

namespace hexhub::shell {

IdleWatcher::IdleWatcher(QObject* parent)
    : QObject(parent)
    , m_check(new QTimer(this))
{
    connect(m_check, &QTimer::timeout, this, &IdleWatcher::check);
    QCoreApplication::instance()->installEventFilter(this);
    m_sinceInput.start();
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatcher::setLimit(int ms)
{
    m_limitMs = std::max(0, ms);
    reset();
    if (m_limitMs == 0) {
        m_check->stop();
        return;
    }
    m_check->start(std::clamp(m_limitMs / 4, 10, 1000));
}

void IdleWatcher::reset()
{
    m_fired = false;
    m_sinceInput.restart();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        m_sinceInput.restart();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::check()
{
    if (m_limitMs > 0 && !m_fired && m_sinceInput.elapsed() >= m_limitMs) {
        m_fired = true;
        Q_EMIT idle();
    }
}

} // namespace hexhub::shell
