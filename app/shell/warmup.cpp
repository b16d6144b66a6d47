#include "warmup.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImageReader>

namespace hexhub::shell {

StartupWarmUp::StartupWarmUp()
{
    // The application font's family and size, in a font of the thread's own (not a copy sharing the
    // GUI thread's font data).
    const QFont application = QGuiApplication::font();
    const QStringList families = application.families();
    const qreal points = application.pointSizeF();
    m_thread.reset(QThread::create([families, points] {
        QFontDatabase::families();             // fontconfig's configuration, and every family
        QFont font(families, -1);
        if (points > 0)
            font.setPointSizeF(points);
        QFontMetrics(font).height();           // the family matched to a font file
        QImageReader::supportedImageFormats(); // loads every image format plugin
    }));
    m_thread->setObjectName(QStringLiteral("hexhub-warm-up"));
    m_thread->start();
}

StartupWarmUp::~StartupWarmUp()
{
    m_thread->wait();
}

} // namespace hexhub::shell
