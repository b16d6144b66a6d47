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

bool cancelled(const TabularOptions& o)
{
    return o.cancel && o.cancel->load();
}

QString cut(const QString& text)
{
    return text.size() > 200 ? text.left(200) + QStringLiteral("...") : text;
}

// One CSV record: its fields, the line it starts on, where it lies in the text, and whether a quote
// was left open at the end of the file.
struct Record
{
    QStringList fields;
    qint64 line = 0;
    qsizetype start = 0, end = 0;
    bool unclosed = false;
};

// Reads records one at a time with `delimiter`, RFC 4180 quoting. Unquoted fields are cut from the
// text as they are (the common case, no copying a character at a time).
class CsvCursor
{
public:
    CsvCursor(QStringView text, QChar delimiter) : m_text(text), m_delimiter(delimiter) {}

    //! The next record that is not a blank line; false at the end.
    bool next(Record& r)
    {
        const qsizetype n = m_text.size();
        while (m_pos < n) {
            r.fields.clear();
            r.line = m_line;
            r.start = m_pos;
            r.unclosed = false;
            bool anyQuoted = false;
            bool end = false;
            while (!end) {
                // One field.
                if (m_pos < n && m_text[m_pos] == QLatin1Char('"')) {
                    anyQuoted = true;
                    QString field;
                    ++m_pos;
                    bool closed = false;
                    while (m_pos < n) {
                        const qsizetype q = m_text.indexOf(QLatin1Char('"'), m_pos);
                        const qsizetype upTo = q < 0 ? n : q;
                        const QStringView part = m_text.mid(m_pos, upTo - m_pos);
                        m_line += part.count(QLatin1Char('\n'));
                        field += part;
                        m_pos = upTo;
                        if (q < 0)
                            break;
                        if (q + 1 < n && m_text[q + 1] == QLatin1Char('"')) {
                            field += QLatin1Char('"');
                            m_pos = q + 2;
                            continue;
                        }
                        m_pos = q + 1;
                        closed = true;
                        break;
                    }
                    if (!closed) {
                        r.unclosed = true;
                        r.fields << field;
                        end = true;
                        break;
                    }
                    // Whatever follows the closing quote up to the delimiter belongs to the field.
                    const qsizetype stop = fieldEnd(m_pos);
                    field += m_text.mid(m_pos, stop - m_pos);
                    m_pos = stop;
                    r.fields << field;
                } else {
                    const qsizetype stop = fieldEnd(m_pos);
                    r.fields << m_text.mid(m_pos, stop - m_pos).toString();
                    m_pos = stop;
                }
                if (m_pos >= n) {
                    end = true;
                } else if (m_text[m_pos] == m_delimiter) {
                    ++m_pos;
                    if (m_pos >= n) {
                        r.fields << QString();
                        end = true;
                    }
                } else {
                    // A line break ends the record.
                    if (m_text[m_pos] == QLatin1Char('\r') && m_pos + 1 < n && m_text[m_pos + 1] == QLatin1Char('\n'))
                        ++m_pos;
                    ++m_pos;
                    ++m_line;
                    end = true;
                }
            }
            r.end = m_pos;
            // A blank line is no record.
            if (r.fields.size() == 1 && r.fields.first().isEmpty() && !anyQuoted && !r.unclosed)
                continue;
            return true;
        }
        return false;
    }

    qsizetype position() const { return m_pos; }
    //! Physical lines seen so far (a last line without its line break counts).
    qint64 lines() const
    {
        return m_line - ((!m_text.isEmpty() && (m_text.back() == QLatin1Char('\n') || m_text.back() == QLatin1Char('\r'))) ? 1 : 0);
    }

private:
    qsizetype fieldEnd(qsizetype from) const
    {
        const qsizetype n = m_text.size();
        const QChar* p = m_text.data();
        for (qsizetype i = from; i < n; ++i) {
            const char16_t c = p[i].unicode();
            if (c == m_delimiter.unicode() || c == u'\n' || c == u'\r')
                return i;
        }
        return n;
    }

    QStringView m_text;
    QChar m_delimiter;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
};

QList<Record> sampleCsv(QStringView text, QChar delimiter, qsizetype limit)
{
    QList<Record> records;
    CsvCursor cursor(text, delimiter);
    Record r;
    while (records.size() < limit && cursor.next(r))
        records << r;
    return records;
}

QChar findDelimiter(QStringView text)
{
    QChar best = QLatin1Char(',');
    int bestScore = -1;
    for (const QChar d : {QLatin1Char(','), QLatin1Char('\t'), QLatin1Char(';'), QLatin1Char('|')}) {
        const QList<Record> sample = sampleCsv(text, d, kSample);
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

namespace {

void reject(TabularShape& shape, qint64 line, const QString& reason, QStringView text)
{
    ++shape.rejectedCount;
    if (shape.rejected.size() < TabularShape::kKeptRejected)
        shape.rejected << TabularShape::Rejected{line, reason, cut(text.trimmed().toString())};
}

std::optional<TabularShape> refuseShape(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

} // namespace

std::optional<TabularShape> readTabularRows(QIODevice& device, const TabularOptions& options,
                                            const std::function<void(const TabularShape&)>& announce,
                                            const TabularRowSink& sink, QString* error)
{
    const auto cancelledNow = [&] { return refuseShape(error, Tr::tr("The import was cancelled.")); };
    // The bytes, a chunk at a time, with progress and cancel (reading is the part that waits; the
    // parse below reports its own progress through the rows).
    QByteArray bytes;
    const qint64 total = device.isSequential() ? -1 : device.size();
    if (total > 0)
        bytes.reserve(total);
    while (true) {
        if (cancelled(options))
            return cancelledNow();
        const QByteArray chunk = device.read(kChunk);
        if (chunk.isEmpty())
            break;
        bytes += chunk;
        if (options.progress)
            options.progress(bytes.size() / 4, total);
    }
    if (bytes.trimmed().isEmpty())
        return refuseShape(error, Tr::tr("The file is empty."));
    if (bytes.left(64 * 1024).contains('\0'))
        return refuseShape(error, Tr::tr("The file is not text in UTF-8 or GB18030: it holds NUL bytes (a binary file, or UTF-16)."));
    const qint64 byteCount = bytes.size();

    // UTF-8 when it is valid UTF-8, else GB18030.
    TabularShape shape;
    QString text;
    {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        text = utf8.decode(bytes);
        shape.encoding = QStringLiteral("UTF-8");
        if (utf8.hasError()) {
            QStringDecoder gb("GB18030");
            if (!gb.isValid())
                return refuseShape(error, Tr::tr("The file is not valid UTF-8, and GB18030 cannot be read on this system."));
            text = gb.decode(bytes);
            if (gb.hasError())
                return refuseShape(error, Tr::tr("The file is neither UTF-8 nor GB18030 text."));
            shape.encoding = QStringLiteral("GB18030");
        }
    }
    bytes = QByteArray();
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    // Progress through the parse: a quarter for reading, the rest by the text consumed.
    const auto parsed = [&](qsizetype position) {
        if (options.progress)
            options.progress(byteCount / 4 + qint64(double(position) / double(std::max<qsizetype>(1, text.size())) * double(byteCount) * 0.75),
                             total < 0 ? -1 : byteCount);
    };

    // What it is: JSON Lines when its first line is a JSON object; a JSON document is neither format.
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    const bool firstIsObject = firstLine.startsWith(QLatin1Char('{')) && QJsonDocument::fromJson(firstLine.toUtf8()).isObject();
    const QString trimmedStart = text.left(64).trimmed();
    if (!firstIsObject && (trimmedStart.startsWith(QLatin1Char('[')) || trimmedStart.startsWith(QLatin1Char('{')))
        && !QJsonDocument::fromJson(text.toUtf8()).isNull())
        return refuseShape(error, Tr::tr("The file is one JSON document, not CSV or JSON Lines (one object a line)."));
    shape.format = options.format.value_or(firstIsObject ? TabularShape::Format::JsonLines : TabularShape::Format::Csv);
    if (shape.format == TabularShape::Format::Csv && firstIsObject)
        return refuseShape(error, Tr::tr("The file was given as CSV but is JSON Lines (its first line is a JSON object)."));
    if (shape.format == TabularShape::Format::JsonLines && !firstIsObject)
        return refuseShape(error, Tr::tr("The file was given as JSON Lines but its first line is not a JSON object."));

    if (shape.format == TabularShape::Format::JsonLines) {
        // Two passes: the keys in the order first seen (the columns), then the rows.
        QSet<QString> seen;
        const QList<QStringView> lines = QStringView(text).split(QLatin1Char('\n'));
        QList<QJsonObject> window;
        qint64 objects = 0;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if ((i & 0xffff) == 0 && cancelled(options))
                return cancelledNow();
            const QStringView trimmed = lines[i].trimmed();
            if (trimmed.isEmpty())
                continue;
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &parseError);
            if (!doc.isObject()) {
                reject(shape, i + 1, doc.isNull() ? Tr::tr("not JSON: %1").arg(parseError.errorString()) : Tr::tr("not a JSON object"),
                       trimmed);
                continue;
            }
            if (++objects > options.maxRows)
                return refuseShape(error, Tr::tr("The file has more than %1 rows.").arg(options.maxRows));
            const QJsonObject o = doc.object();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (!seen.contains(it.key())) {
                    seen.insert(it.key());
                    shape.columns << it.key();
                }
            }
        }
        shape.lines = lines.size() - (text.endsWith(QLatin1Char('\n')) ? 1 : 0);
        shape.header = true;
        if (objects == 0)
            return refuseShape(error, Tr::tr("No line of the file is a JSON object."));
        if (announce)
            announce(shape);
        QStringList row;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if ((i & 0xffff) == 0) {
                if (cancelled(options))
                    return cancelledNow();
                parsed(lines[i].data() - text.constData());
            }
            const QStringView trimmed = lines[i].trimmed();
            if (trimmed.isEmpty() || !trimmed.startsWith(QLatin1Char('{')))
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8());
            if (!doc.isObject())
                continue;
            const QJsonObject o = doc.object();
            row.clear();
            row.reserve(shape.columns.size());
            for (const QString& key : std::as_const(shape.columns))
                row << jsonText(o.value(key));
            ++shape.rowCount;
            if (sink)
                sink(row, i + 1);
            if (options.stopAfterRows >= 0 && shape.rowCount >= options.stopAfterRows)
                break;
        }
        parsed(text.size());
        return shape;
    }

    shape.delimiter = options.delimiter.value_or(findDelimiter(text));
    const QList<Record> sample = sampleCsv(text, shape.delimiter, kSample);
    if (sample.isEmpty())
        return refuseShape(error, Tr::tr("The file has no row."));
    shape.header = options.header.value_or(findHeader(sample));
    const qsizetype width = sample.first().fields.size();
    if (shape.header) {
        for (const QString& c : sample.first().fields)
            shape.columns << c.trimmed();
    } else {
        for (qsizetype c = 0; c < width; ++c)
            shape.columns << Tr::tr("column %1").arg(c + 1);
    }
    if (announce)
        announce(shape);
    CsvCursor cursor(text, shape.delimiter);
    Record r;
    bool first = true;
    qint64 count = 0;
    while (cursor.next(r)) {
        if ((++count & 0x3fff) == 0) {
            if (cancelled(options))
                return cancelledNow();
            parsed(cursor.position());
        }
        if (first) {
            first = false;
            if (shape.header)
                continue;
        }
        if (r.unclosed) {
            reject(shape, r.line, Tr::tr("a quoted field is not closed before the end of the file"), QStringView(text).mid(r.start, r.end - r.start));
        } else if (r.fields.size() != width) {
            reject(shape, r.line, Tr::tr("%1 fields where the file has %2").arg(r.fields.size()).arg(width),
                   QStringView(text).mid(r.start, r.end - r.start));
        } else {
            if (++shape.rowCount > options.maxRows)
                return refuseShape(error, Tr::tr("The file has more than %1 rows.").arg(options.maxRows));
            if (sink)
                sink(r.fields, r.line);
            if (options.stopAfterRows >= 0 && shape.rowCount >= options.stopAfterRows)
                break;
        }
    }
    shape.lines = cursor.lines();
    parsed(text.size());
    if (cancelled(options))
        return cancelledNow();
    return shape;
}

std::optional<TabularFile> readTabular(QIODevice& device, const TabularOptions& options, QString* error)
{
    TabularFile file;
    const auto shape = readTabularRows(
        device, options, nullptr, [&](QStringList& fields, qint64) { file.rows << std::move(fields); }, error);
    if (!shape)
        return std::nullopt;
    static_cast<TabularShape&>(file) = *shape;
    return file;
}

} // namespace hexhub::bigdata
