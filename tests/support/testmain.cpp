// The one Catch2 main of every Hexhub test binary.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef HEXHUB_TEST_WIDGETS
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

namespace {

QtMessageHandler defaultHandler = nullptr;

// The offscreen platform says on every window that it has no window manager ("This plugin does not
// support raise()", hundreds of lines in a desk test): said once per run, they would bury a failing
// test's own lines in CI's log, so they are left out; everything else goes through as Qt prints it.
void quietPlatform(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("This plugin does not support")))
        return;
    defaultHandler(type, context, message);
}

} // namespace

int main(int argc, char* argv[])
{
    defaultHandler = qInstallMessageHandler(quietPlatform);
    // Must be set before the application object exists, or test discovery at build time fails
    // silently on a machine without a display.
    // A test may ask for offscreen with options (screens from a configfile); any other platform
    // becomes plain offscreen.
    if (!qEnvironmentVariable("QT_QPA_PLATFORM").startsWith(QLatin1String("offscreen")))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Keep tests away from the developer's own data and settings.
    qputenv("HEXHUB_MODULE_PATH", "");
    TestApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hexhub-tests"));
    return Catch::Session().run(argc, argv);
}
