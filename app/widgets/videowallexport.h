#pragma once

#include <QtCore/qglobal.h>

// hexhub-video's exports (the video wall and synthetic feeds, a library apart from hexhub-widgets).
#if defined(HEXHUB_VIDEO_LIBRARY)
#define HEXHUB_VIDEO_EXPORT Q_DECL_EXPORT
#else
#define HEXHUB_VIDEO_EXPORT Q_DECL_IMPORT
#endif
