#include "viewsupport.h"

#include "widgetstr.h"

#include "bus/eventbus.h"

#include <QTimer>

#include <algorithm>

namespace hexhub {

using widgets::Tr;

QString formatDuration(qint64 ms)
{
    const qint64 minutes = std::max<qint64>(0, ms) / 60000;
    if (minutes < 60)
        return Tr::tr("%1 min").arg(minutes);
    if (minutes < 48 * 60)
        return Tr::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return Tr::tr("%1 d %2 h").arg(minutes / (24 * 60)).arg((minutes / 60) % 24);
}

void reloadOnEvents(EventBus& bus, QObject* owner, const QStringList& prefixes, int delayMs, std::function<void()> reload)
{
    auto* timer = new QTimer(owner);
    timer->setSingleShot(true);
    timer->setInterval(delayMs);
    QObject::connect(timer, &QTimer::timeout, owner, std::move(reload));
    bus.subscribe(QStringLiteral("*"), owner, [timer, prefixes](const Event& e) {
        for (const QString& prefix : prefixes) {
            if (e.topic.startsWith(prefix)) {
                if (!timer->isActive())
                    timer->start();
                return;
            }
        }
    });
}

} // namespace hexhub
