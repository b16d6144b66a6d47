#pragma once

#include <QCoreApplication>

namespace hexhub::widgets {

//! The reusable views' translation context ("hexhub_widgets").
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub_widgets)
};

} // namespace hexhub::widgets
