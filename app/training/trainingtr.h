#pragma once

#include <QCoreApplication>

namespace hexhub::training {

//! The training views' translation context for code outside QObject classes.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::training)
};

} // namespace hexhub::training
