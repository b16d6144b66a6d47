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
struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT TabularFile
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
    QList<QStringList> rows;   //!< each as many fields as columns (JSON: missing keys empty)
    QList<Rejected> rejected;
    qint64 lines = 0;          //!< lines read (physical lines, a quoted line break counts)
};

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT TabularOptions
{
    std::optional<TabularFile::Format> format; //!< found from the content when not given
    std::optional<QChar> delimiter;
    std::optional<bool> header;
    qint64 maxRows = 5'000'000;                //!< more is refused, not cut
    //! Called now and then with the bytes read so far; from the thread reading.
    std::function<void(qint64 bytesRead, qint64 bytesTotal)> progress;
    //! Set (from any thread) to stop: the read ends with "cancelled" and returns nothing.
    const std::atomic_bool* cancel = nullptr;
};

/*!
 * Reads `device` (opened for reading) as TabularOptions say. Nothing with `error` set when the file is
 * refused or the read is cancelled. Blocking: run it off the GUI thread.
 */
HEXHUB_BIGDATA_INVESTIGATION_EXPORT std::optional<TabularFile> readTabular(QIODevice& device, const TabularOptions& options = {},
                                                             QString* error = nullptr);

} // namespace hexhub::bigdata
