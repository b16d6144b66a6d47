#include "warmup.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImageReader>

namespace hexhub::shell {

StartupWarmUp::StartupWarmUp()
{
    // The application font as the GUI thread has it now: the theme sets the same family later.
    const QFont font = QGuiApplication::font();
    m_thread.reset(QThread::create([font] {
        QFontDatabase::families();               // fontconfig's configuration, and every family
        QFontMetrics(font).height();             // the default family matched to a file
        QImageReader::supportedImageFormats();   // loads every image format plugin
    }));
    m_thread->setObjectName(QStringLiteral("hexhub-warm-up"));
    m_thread->start();
}

StartupWarmUp::~StartupWarmUp()
{
    waitUntilDone();
}

bool StartupWarmUp::waitUntilDone()
{
    return m_thread->wait();
}

} // namespace hexhub::shell
