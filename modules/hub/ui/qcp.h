#pragma once
// QCustomPlot's header uses Qt's lower-case keywords and foreach, which Hexhub builds without
// (QT_NO_KEYWORDS, QT_NO_FOREACH): the files that include this one are compiled with both back
// (see this module's CMakeLists.txt), and only QCustomPlot's header uses them.
#include <qcustomplot.h>
