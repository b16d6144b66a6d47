#pragma once
// CSV as RFC 4180 writes it, for every export and every generated file: a field with a comma, a
// quote, a line break or leading/trailing space is quoted, its quotes doubled; lines end in CRLF
// when written for people (spreadsheets), in LF for our own files.

#include <QString>
#include <QStringList>

namespace hexhub::csv {

inline QString field(const QString& value)
{
    const bool plain = !value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
                       && !value.contains(QLatin1Char('\r')) && (value.isEmpty() || (!value.front().isSpace() && !value.back().isSpace()));
    if (plain)
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

//! One record, without its line end.
inline QString line(const QStringList& values)
{
    QString out;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += field(values[i]);
    }
    return out;
}

} // namespace hexhub::csv
