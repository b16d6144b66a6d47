#pragma once

#include <QtCore/qglobal.h>

#if defined(HEXHUB_WIDGETS_LIBRARY)
#define HEXHUB_WIDGETS_EXPORT Q_DECL_EXPORT
#else
#define HEXHUB_WIDGETS_EXPORT Q_DECL_IMPORT
#endif
