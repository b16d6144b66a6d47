#pragma once

#include <QCoreApplication>

namespace hexhub::shell {

//! The shell's translation context for code outside QObject classes.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::shell)
};

} // namespace hexhub::shell
