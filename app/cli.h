#pragma once

#include <QFuture>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>

namespace hexhub {
struct PlatformOptions;
}

namespace hexhub::cli {

/*!
 * The command-line side of the hexhub executable: --version, --list-modules, --create-admin,
 * --verify-audit. Each returns the process exit code. Output goes to `out`, problems to `err`.
 */
//! Runs the desk's windows with the options the command line gave; returns the exit code.
using DeskRunner = std::function<int(const PlatformOptions&)>;

int run(const QStringList& arguments, QTextStream& out, QTextStream& err, const DeskRunner& desk = {});

//! True when the arguments ask for no command-line action: the desk's windows should open.
bool isDeskLaunch(const QStringList& arguments);
//! The folder of `--screenshots DIR`, or empty when not asked for.
QString screenshotsFolder(const QStringList& arguments);
//! The value of `--name VALUE` or `--name=VALUE` (empty when the value is missing); nullopt when absent.
std::optional<QString> optionValue(const QStringList& arguments, const QString& name);

//! Exit codes, documented in the README.
enum ExitCode { Ok = 0, Failure = 1, Usage = 2, AuditBroken = 3 };

} // namespace hexhub::cli
