#pragma once

#include <QFuture>
#include <QStringList>
#include <QTextStream>

namespace hexhub::cli {

/*!
 * The command-line side of the hexhub executable: --version, --list-modules, --create-admin,
 * --verify-audit. Each returns the process exit code. Output goes to `out`, problems to `err`.
 */
int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

//! Exit codes, documented in the README.
enum ExitCode { Ok = 0, Failure = 1, Usage = 2, AuditBroken = 3 };

} // namespace hexhub::cli
