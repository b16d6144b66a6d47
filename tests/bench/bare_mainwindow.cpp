// The baseline of `hexhub-bench startup`: a bare Qt program that shows an empty QMainWindow, prints
// `shown` once the window is exposed and its first frame painted, and exits. The window is detected
// exactly as `hexhub --startup-probe` detects the main window (app/shell/startupprobe.cpp). Built a
// second time as hexhub-bench-text-mainwindow (HEXHUB_BENCH_WITH_TEXT): the window at a desk's size
// with a line of text, for what the fonts and a full-size first frame cost any desk.
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>
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
#ifdef HEXHUB_BENCH_WITH_TEXT
    // hexhub-bench-text-mainwindow: a desk's size, a line of text, a status message.
    window.setCentralWidget(new QLabel(QStringLiteral("Incidents")));
    window.statusBar()->showMessage(QStringLiteral("Store connected"));
    window.resize(1280, 800);
#endif
    FirstFrame firstFrame(&window);
    window.show();
    return app.exec();
}
