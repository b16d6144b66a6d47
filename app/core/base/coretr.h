#pragma once

#include <QCoreApplication>

namespace hexhub {

//! The core's translation context ("hexhub"): every user-visible string of the core goes through Tr::tr.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub)
};

} // namespace hexhub
