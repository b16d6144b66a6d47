// Reading an analyst's CSV or JSON Lines file (issue 20 section 1): encoding, format, delimiter and
// header found, rows that do not fit kept with their line and reason, files that are not what they
// say refused.
#include "hexhub/bigdata_investigation/tabularfile.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

namespace hexhub::bigdata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::bigdata::TabularFile)
};

constexpr qint64 kChunk = 1 << 20;
constexpr int kSample = 50; // records looked at to find the delimiter and the header

std::optional<TabularFile> refuse(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

bool cancelled(const TabularOptions& o)
{
    return o.cancel && o.cancel->load();
}

QString cut(const QString& text)
{
    return text.size() > 200 ? text.left(200) + QStringLiteral("...") : text;
}

// One CSV record: its fields, the line it starts on, the text it came from, and whether a quote was
// left open at the end of the file.
struct Record
{
    QStringList fields;
    qint64 line = 0;
    QString text;
    bool unclosed = false;
};

// Splits `text` into records with `delimiter`, RFC 4180 quoting; at most `limit` records (-1: all).
QList<Record> splitCsv(QStringView text, QChar delimiter, qsizetype limit, qint64* lines, const TabularOptions* options)
{
    QList<Record> records;
    qint64 line = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n && (limit < 0 || records.size() < limit)) {
        if (options && (records.size() & 0xffff) == 0 && cancelled(*options))
            return {};
        Record r;
        r.line = line;
        const qsizetype start = i;
        QString field;
        bool quoted = false, wasQuoted = false, end = false;
        while (i < n && !end) {
            const QChar c = text[i];
            if (quoted) {
                if (c == QLatin1Char('"')) {
                    if (i + 1 < n && text[i + 1] == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    ++i;
                    continue;
                }
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
                ++i;
                continue;
            }
            if (c == QLatin1Char('"') && field.isEmpty() && !wasQuoted) {
                quoted = wasQuoted = true;
                ++i;
            } else if (c == delimiter) {
                r.fields << field;
                field.clear();
                wasQuoted = false;
                ++i;
            } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
                if (c == QLatin1Char('\r') && i + 1 < n && text[i + 1] == QLatin1Char('\n'))
                    ++i;
                ++i;
                ++line;
                end = true;
            } else {
                field += c;
                ++i;
            }
        }
        r.fields << field;
        r.unclosed = quoted;
        r.text = text.mid(start, i - start).trimmed().toString();
        // A blank line is no record.
        if (!(r.fields.size() == 1 && r.fields.first().isEmpty() && !wasQuoted))
            records << r;
    }
    if (lines)
        *lines = line - (n > 0 && (text.back() == QLatin1Char('\n')) ? 1 : 0);
    return records;
}

QChar findDelimiter(QStringView text)
{
    QChar best = QLatin1Char(',');
    int bestScore = -1;
    for (const QChar d : {QLatin1Char(','), QLatin1Char('\t'), QLatin1Char(';'), QLatin1Char('|')}) {
        const QList<Record> sample = splitCsv(text, d, kSample, nullptr, nullptr);
        if (sample.isEmpty() || sample.first().fields.size() < 2)
            continue;
        const qsizetype width = sample.first().fields.size();
        int same = 0;
        for (const Record& r : sample)
            same += r.fields.size() == width ? 1 : 0;
        // The most rows of the same width, and among equals the more columns.
        const int score = same * 1000 + int(std::min<qsizetype>(width, 999));
        if (score > bestScore) {
            bestScore = score;
            best = d;
        }
    }
    return best;
}

bool looksNumeric(const QString& field)
{
    static const QRegularExpression number(QStringLiteral(R"(^\s*[-+]?[\d.,:/ -]+\s*$)"));
    return !field.trimmed().isEmpty() && number.match(field).hasMatch();
}

// A header: every field filled, distinct, none a number or date, and some column whose other values
// are numbers or dates, or no value of the first row seen again in its column.
bool findHeader(const QList<Record>& sample)
{
    if (sample.isEmpty())
        return false;
    const QStringList first = sample.first().fields;
    QSet<QString> distinct;
    for (const QString& f : first) {
        if (f.trimmed().isEmpty() || looksNumeric(f) || distinct.contains(f))
            return false;
        distinct.insert(f);
    }
    if (sample.size() == 1)
        return true;
    bool repeated = false;
    for (qsizetype c = 0; c < first.size(); ++c) {
        int numeric = 0, others = 0;
        for (qsizetype r = 1; r < sample.size(); ++r) {
            if (c >= sample[r].fields.size())
                continue;
            ++others;
            numeric += looksNumeric(sample[r].fields[c]) ? 1 : 0;
            repeated = repeated || sample[r].fields[c] == first[c];
        }
        if (others > 0 && numeric * 2 >= others)
            return true;
    }
    return !repeated;
}

QString jsonText(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return v.toVariant().toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

} // namespace

std::optional<TabularFile> readTabular(QIODevice& device, const TabularOptions& options, QString* error)
{
    // The bytes, a chunk at a time, with progress and cancel.
    QByteArray bytes;
    const qint64 total = device.isSequential() ? -1 : device.size();
    while (true) {
        if (cancelled(options))
            return refuse(error, Tr::tr("The import was cancelled."));
        const QByteArray chunk = device.read(kChunk);
        if (chunk.isEmpty())
            break;
        bytes += chunk;
        if (options.progress)
            options.progress(bytes.size(), total);
    }
    if (bytes.trimmed().isEmpty())
        return refuse(error, Tr::tr("The file is empty."));
    if (bytes.left(64 * 1024).contains('\0'))
        return refuse(error, Tr::tr("The file is not text in UTF-8 or GB18030: it holds NUL bytes (a binary file, or UTF-16)."));

    // UTF-8 when it is valid UTF-8, else GB18030.
    TabularFile file;
    QString text;
    {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        text = utf8.decode(bytes);
        file.encoding = QStringLiteral("UTF-8");
        if (utf8.hasError()) {
            QStringDecoder gb("GB18030");
            if (!gb.isValid())
                return refuse(error, Tr::tr("The file is not valid UTF-8, and GB18030 cannot be read on this system."));
            text = gb.decode(bytes);
            if (gb.hasError())
                return refuse(error, Tr::tr("The file is neither UTF-8 nor GB18030 text."));
            file.encoding = QStringLiteral("GB18030");
        }
    }
    bytes.clear();
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);

    // What it is: JSON Lines when its first line is a JSON object; a JSON document is neither format.
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    const bool firstIsObject = firstLine.startsWith(QLatin1Char('{')) && QJsonDocument::fromJson(firstLine.toUtf8()).isObject();
    const QString trimmedStart = text.left(64).trimmed();
    if (!firstIsObject && (trimmedStart.startsWith(QLatin1Char('[')) || trimmedStart.startsWith(QLatin1Char('{')))
        && !QJsonDocument::fromJson(text.toUtf8()).isNull())
        return refuse(error, Tr::tr("The file is one JSON document, not CSV or JSON Lines (one object a line)."));
    file.format = options.format.value_or(firstIsObject ? TabularFile::Format::JsonLines : TabularFile::Format::Csv);
    if (file.format == TabularFile::Format::Csv && firstIsObject)
        return refuse(error, Tr::tr("The file was given as CSV but is JSON Lines (its first line is a JSON object)."));
    if (file.format == TabularFile::Format::JsonLines && !firstIsObject)
        return refuse(error, Tr::tr("The file was given as JSON Lines but its first line is not a JSON object."));

    if (file.format == TabularFile::Format::JsonLines) {
        qint64 line = 0;
        QList<QJsonObject> objects;
        QList<qint64> objectLines;
        QStringList order;
        QSet<QString> seen;
        for (QStringView l : QStringView(text).split(QLatin1Char('\n'))) {
            ++line;
            if ((line & 0xffff) == 0 && cancelled(options))
                return refuse(error, Tr::tr("The import was cancelled."));
            const QStringView trimmed = l.trimmed();
            if (trimmed.isEmpty())
                continue;
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &parseError);
            if (!doc.isObject()) {
                file.rejected << TabularFile::Rejected{line,
                                                       doc.isNull() ? Tr::tr("not JSON: %1").arg(parseError.errorString())
                                                                    : Tr::tr("not a JSON object"),
                                                       cut(trimmed.toString())};
                continue;
            }
            if (objects.size() >= options.maxRows)
                return refuse(error, Tr::tr("The file has more than %1 rows.").arg(options.maxRows));
            const QJsonObject o = doc.object();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (!seen.contains(it.key())) {
                    seen.insert(it.key());
                    order << it.key();
                }
            }
            objects << o;
            objectLines << line;
        }
        file.lines = line;
        file.columns = order;
        file.header = true;
        for (const QJsonObject& o : std::as_const(objects)) {
            QStringList row;
            row.reserve(order.size());
            for (const QString& key : std::as_const(order))
                row << jsonText(o.value(key));
            file.rows << row;
        }
        if (file.rows.isEmpty())
            return refuse(error, Tr::tr("No line of the file is a JSON object."));
        return file;
    }

    file.delimiter = options.delimiter.value_or(findDelimiter(text));
    QList<Record> records = splitCsv(text, file.delimiter, -1, &file.lines, &options);
    if (cancelled(options))
        return refuse(error, Tr::tr("The import was cancelled."));
    if (records.isEmpty())
        return refuse(error, Tr::tr("The file has no row."));
    file.header = options.header.value_or(findHeader(records.mid(0, kSample)));
    const qsizetype width = records.first().fields.size();
    if (file.header) {
        file.columns = records.first().fields;
        for (QString& c : file.columns)
            c = c.trimmed();
        records.removeFirst();
    } else {
        for (qsizetype c = 0; c < width; ++c)
            file.columns << Tr::tr("column %1").arg(c + 1);
    }
    if (records.size() > options.maxRows)
        return refuse(error, Tr::tr("The file has more than %1 rows.").arg(options.maxRows));
    for (Record& r : records) {
        if (r.unclosed)
            file.rejected << TabularFile::Rejected{r.line, Tr::tr("a quoted field is not closed before the end of the file"), cut(r.text)};
        else if (r.fields.size() != width)
            file.rejected << TabularFile::Rejected{r.line, Tr::tr("%1 fields where the file has %2").arg(r.fields.size()).arg(width),
                                                   cut(r.text)};
        else
            file.rows << std::move(r.fields);
    }
    return file;
}

} // namespace hexhub::bigdata
