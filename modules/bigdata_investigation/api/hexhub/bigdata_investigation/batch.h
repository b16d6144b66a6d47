#pragma once
// `hexhub --run-model MODEL --dataset FILE [--param NAME=VALUE ...] [--json]` (issue 20 section 3):
// a model run over a file without the desk.

#include "hexhub/bigdata_investigation/bigdata_investigation_export.h"

#include <QString>
#include <QStringList>

class QTextStream;

namespace hexhub::bigdata {

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT BatchRun
{
    QString model;        //!< a bundled model's id or a model file's path
    QString dataset;      //!< a CSV or JSON Lines file
    QStringList params;   //!< NAME=VALUE each
    bool json = false;    //!< one JSON object a line (each hit, then a summary line)
    int maxHits = 100;
};

/*!
 * Reads the file (columns typed by proposeColumns()), checks the model and the parameters against its
 * columns, runs it and prints each hit, best first: its score, members or rows and explanation, and
 * what the run set aside. Everything wrong (the model, a parameter, the file) goes to `err`, each
 * problem on its own line; returns 0 when it ran (with or without hits), 1 otherwise. Reads nothing
 * but the file: no store, no desk.
 */
HEXHUB_BIGDATA_INVESTIGATION_EXPORT int runBatch(const BatchRun& run, QTextStream& out, QTextStream& err);

} // namespace hexhub::bigdata
