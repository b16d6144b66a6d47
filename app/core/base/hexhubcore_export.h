#pragma once

#include <QtCore/qglobal.h>

#if defined(HEXHUB_CORE_LIBRARY)
#define HEXHUB_CORE_EXPORT Q_DECL_EXPORT
#else
#define HEXHUB_CORE_EXPORT Q_DECL_IMPORT
#endif
