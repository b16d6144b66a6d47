#include "screenfit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>
#include <QWindow>

namespace hexhub {

QList<ScreenPlace> currentScreens()
{
    QList<ScreenPlace> screens;
    QScreen* primary = QGuiApplication::primaryScreen();
    if (primary)
        screens << ScreenPlace{primary->name(), primary->geometry(), primary->availableGeometry()};
    for (QScreen* s : QGuiApplication::screens()) {
        if (s != primary)
            screens << ScreenPlace{s->name(), s->geometry(), s->availableGeometry()};
    }
    return screens;
}

QScreen* screenNamed(const QString& name)
{
    for (QScreen* s : QGuiApplication::screens()) {
        if (s->name() == name)
            return s;
    }
    return nullptr;
}

Placement placeWindow(const QRect& saved, const QString& savedScreen, const QRect& savedScreenGeometry,
                      const QList<ScreenPlace>& screens)
{
    if (screens.isEmpty())
        return Placement{QString(), saved, false};
    const ScreenPlace* target = &screens.first();
    bool fellBack = true;
    for (const ScreenPlace& s : screens) {
        if (s.name == savedScreen) {
            target = &s;
            fellBack = false;
            break;
        }
    }
    const QRect area = target->available.isValid() ? target->available : target->geometry;
    // The offset from the corner of the screen it was on, so a window follows its screen when the
    // screens were arranged differently.
    const QPoint offset = saved.topLeft() - (savedScreenGeometry.isValid() ? savedScreenGeometry.topLeft() : QPoint());
    // A damaged or missing size gets half the screen; none is smaller than a usable window.
    QSize size = saved.width() >= 200 && saved.height() >= 150 ? saved.size() : area.size() / 2;
    size = size.boundedTo(area.size());
    QPoint topLeft = area.topLeft() + offset;
    // Slide it back in from whichever side it stands out.
    topLeft.setX(std::clamp(topLeft.x(), area.left(), area.left() + area.width() - size.width()));
    topLeft.setY(std::clamp(topLeft.y(), area.top(), area.top() + area.height() - size.height()));
    return Placement{target->name, QRect(topLeft, size), fellBack};
}

void applyPlacement(QWidget* window, const Placement& placement)
{
    QRect rect = placement.rect;
    if (QScreen* screen = screenNamed(placement.screen)) {
        window->winId(); // a native window, so it can be told its screen before it shows
        QWindow* handle = window->windowHandle();
        if (handle)
            handle->setScreen(screen);
        // The window manager's frame goes around the rectangle: keep the frame on the screen too.
        const QMargins frame = handle ? handle->frameMargins() : QMargins();
        const QRect area = screen->availableGeometry().marginsRemoved(frame);
        rect.setSize(rect.size().boundedTo(area.size()));
        rect.moveLeft(std::clamp(rect.left(), area.left(), area.left() + area.width() - rect.width()));
        rect.moveTop(std::clamp(rect.top(), area.top(), area.top() + area.height() - rect.height()));
    }
    window->setGeometry(rect);
}

bool isFullyOnScreen(const QWidget* window)
{
    const QRect frame = window->frameGeometry();
    for (QScreen* s : QGuiApplication::screens()) {
        if (s->geometry().contains(frame))
            return true;
    }
    return false;
}

WindowPlace WindowPlace::of(const QWidget* window)
{
    WindowPlace p;
    const QScreen* s = window->screen();
    for (QScreen* candidate : QGuiApplication::screens()) {
        if (candidate->geometry().contains(window->frameGeometry().center())) {
            s = candidate;
            break;
        }
    }
    p.screen = s ? s->name() : QString();
    p.screenGeometry = s ? s->geometry() : QRect();
    p.maximized = window->isMaximized();
    p.fullScreen = window->isFullScreen();
    // Maximized or full screen, the window's own size is the one it had before.
    p.rect = (p.maximized || p.fullScreen) && window->normalGeometry().isValid() ? window->normalGeometry() : window->geometry();
    return p;
}

QJsonObject WindowPlace::toJson() const
{
    QJsonObject json{{QStringLiteral("screen"), screen},
                     {QStringLiteral("screenGeometry"), rectToJson(screenGeometry)},
                     {QStringLiteral("rect"), rectToJson(rect)},
                     {QStringLiteral("maximized"), maximized}};
    if (fullScreen)
        json.insert(QStringLiteral("fullScreen"), true);
    return json;
}

WindowPlace WindowPlace::fromJson(const QJsonObject& json)
{
    WindowPlace p;
    p.screen = json.value(QStringLiteral("screen")).toString();
    p.screenGeometry = rectFromJson(json.value(QStringLiteral("screenGeometry")));
    p.rect = rectFromJson(json.value(QStringLiteral("rect")));
    p.maximized = json.value(QStringLiteral("maximized")).toBool();
    p.fullScreen = json.value(QStringLiteral("fullScreen")).toBool();
    return p;
}

Placement WindowPlace::placeAmong(const QList<ScreenPlace>& screens) const
{
    return placeWindow(rect, screen, screenGeometry, screens);
}

QJsonArray rectToJson(const QRect& r)
{
    return QJsonArray{r.x(), r.y(), r.width(), r.height()};
}

QRect rectFromJson(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 4)
        return {};
    return QRect(a[0].toInt(), a[1].toInt(), a[2].toInt(), a[3].toInt());
}

} // namespace hexhub
