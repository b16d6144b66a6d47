// The baseline of `hexhub-bench startup`: a bare Qt program that shows an empty QMainWindow, prints
// `shown` once the window is exposed and its first frame painted, and exits. The window is detected
// exactly as `hexhub --startup-probe` detects the main window (app/shell/startupprobe.cpp).
#include <QApplication>
#include <QEvent>
#include <QMainWindow>
#include <QWindow>

#include <cstdio>

namespace {

// The first Expose event of the window, seen by an application event filter installed before the
// window exists; the widget paints and flushes while that event is handled, so the report is queued
// to run after it.
class FirstFrame final : public QObject
{
public:
    explicit FirstFrame(QWidget* widget)
        : m_widget(widget)
    {
        QCoreApplication::instance()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Expose && !m_seen && watched == m_widget->windowHandle()
            && m_widget->windowHandle()->isExposed()) {
            m_seen = true;
            QCoreApplication::instance()->removeEventFilter(this);
            QMetaObject::invokeMethod(
                this,
                [] {
                    std::printf("shown\n");
                    std::fflush(stdout);
                    QCoreApplication::exit(0);
                },
                Qt::QueuedConnection);
        }
        return false;
    }

private:
    QWidget* m_widget;
    bool m_seen = false;
};

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    FirstFrame firstFrame(&window);
    window.show();
    return app.exec();
}
