#pragma once

#include "hexhub/bigdata_investigation/bigdata_investigation_export.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

class QIODevice;

namespace hexhub::bigdata {

/*!
 * What an analyst's file holds, read before any mapping (issue 20 section 1): CSV with any of the
 * usual delimiters (comma, semicolon, tab, bar; found from the first lines unless given), fields
 * quoted RFC 4180 style (doubled quotes inside, line breaks inside quotes), with or without a header
 * row (found unless given), in UTF-8 (a byte-order mark allowed) or GB18030 (found: a file that is not
 * valid UTF-8 is read as GB18030); or JSON Lines, one object a line, its keys the columns.
 *
 * Nothing is dropped silently: a row that does not fit (another number of fields, a line that is not
 * a JSON object, an unterminated quote) is kept in `rejected` with its line number and the reason,
 * and counted. A file that is not what it says (binary, a JSON document named .csv, empty, no row
 * at all) is refused with a message, and nothing is read.
 */
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT TabularShape
{
    enum class Format { Csv, JsonLines };
    struct Rejected
    {
        qint64 line = 0; //!< 1-based, where the row starts
        QString reason;
        QString text;    //!< the row as it was, cut at 200 characters
    };

    Format format = Format::Csv;
    QString encoding;          //!< "UTF-8" or "GB18030"
    QChar delimiter;           //!< CSV only
    bool header = false;       //!< the first row named the columns
    QStringList columns;       //!< names: the header's, the JSON keys in order seen, else "column 1"...
    QList<Rejected> rejected;  //!< the first kKeptRejected of them, in the file's order
    qint64 rejectedCount = 0;  //!< all of them
    qint64 rowCount = 0;       //!< rows that fit
    qint64 lines = 0;          //!< lines read (physical lines, a quoted line break counts)

    static constexpr qsizetype kKeptRejected = 10'000;
};

//! A whole file in memory: for previews and small files (readTabular()).
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT TabularFile : TabularShape
{
    using Format = TabularShape::Format;
    QList<QStringList> rows;   //!< each as many fields as columns (JSON: missing keys empty)
};

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT TabularOptions
{
    std::optional<TabularShape::Format> format; //!< found from the content when not given
    std::optional<QChar> delimiter;
    std::optional<bool> header;
    qint64 maxRows = 5'000'000;                //!< more is refused, not cut
    qint64 stopAfterRows = -1;                 //!< a preview: stop once this many rows were handed on (the counts are then partial)
    //! Called now and then with the bytes read so far; from the thread reading.
    std::function<void(qint64 bytesRead, qint64 bytesTotal)> progress;
    //! Set (from any thread) to stop: the read ends with "cancelled" and returns nothing.
    const std::atomic_bool* cancel = nullptr;
};

/*!
 * Reads `device` (opened for reading) as TabularOptions say, handing each row that fits to `row` (its
 * fields, as many as the shape's columns, and the line it starts on) as it is read, so a file of
 * millions of rows is never held as rows; `columns` is called once with the shape (columns known)
 * before the first row. Returns the shape with the counts, or nothing with `error` set when the file
 * is refused or the read is cancelled (the rows handed on so far are then to be thrown away).
 * Blocking: run it off the GUI thread.
 */
using TabularRowSink = std::function<void(QStringList& fields, qint64 line)>;
HEXHUB_BIGDATA_INVESTIGATION_EXPORT std::optional<TabularShape>
readTabularRows(QIODevice& device, const TabularOptions& options, const std::function<void(const TabularShape&)>& columns,
                const TabularRowSink& row, QString* error = nullptr);

//! readTabularRows() into memory. Nothing with `error` set when refused or cancelled.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT std::optional<TabularFile> readTabular(QIODevice& device, const TabularOptions& options = {},
                                                             QString* error = nullptr);

} // namespace hexhub::bigdata
