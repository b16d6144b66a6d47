#pragma once
// Internal to the domain: how a dataset's row is stored (datasetservice.cpp), for the demo's
// datasets too: its cells as a JSON array of strings, and the same with the personal cells masked.

#include "hexhub/bigdata_investigation/records.h"

#include <QString>
#include <QStringList>

namespace hexhub::bigdata::detail {

QString jsonArray(const QStringList& cells);
QStringList parseCells(const QString& json);
QStringList maskedCells(const QStringList& cells, const QList<ColumnSpec>& mapping);

} // namespace hexhub::bigdata::detail
