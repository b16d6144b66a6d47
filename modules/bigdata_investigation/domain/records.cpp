// Columns, their types and normal forms, and the column-by-column record set (issue 20 sections 1, 2).
#include "hexhub/bigdata_investigation/records.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

#include <cstring>
#include <stdexcept>

namespace hexhub::bigdata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::bigdata::Records)
};

struct TypeKey
{
    ColumnType type;
    const char* key;
};
constexpr TypeKey kTypes[] = {
    {ColumnType::Text, "text"},         {ColumnType::Integer, "integer"}, {ColumnType::Decimal, "decimal"},
    {ColumnType::DateTime, "datetime"}, {ColumnType::Phone, "phone"},     {ColumnType::IdNumber, "id_number"},
    {ColumnType::Account, "account"},   {ColumnType::Plate, "plate"},     {ColumnType::Place, "place"},
};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

int digitsAt(QStringView s, qsizetype at, int count)
{
    if (at + count > s.size())
        return -1;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = s[at + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        v = v * 10 + (c - u'0');
    }
    return v;
}

} // namespace

QString columnTypeKey(ColumnType type)
{
    for (const TypeKey& t : kTypes)
        if (t.type == type)
            return QString::fromLatin1(t.key);
    return QStringLiteral("text");
}

std::optional<ColumnType> columnTypeFromKey(const QString& key)
{
    for (const TypeKey& t : kTypes)
        if (key == QLatin1String(t.key))
            return t.type;
    return std::nullopt;
}

QList<ColumnType> allColumnTypes()
{
    QList<ColumnType> out;
    for (const TypeKey& t : kTypes)
        out << t.type;
    return out;
}

QString columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Text:
        return Tr::tr("text");
    case ColumnType::Integer:
        return Tr::tr("integer");
    case ColumnType::Decimal:
        return Tr::tr("decimal");
    case ColumnType::DateTime:
        return Tr::tr("date and time");
    case ColumnType::Phone:
        return Tr::tr("phone number");
    case ColumnType::IdNumber:
        return Tr::tr("ID number");
    case ColumnType::Account:
        return Tr::tr("account");
    case ColumnType::Plate:
        return Tr::tr("plate");
    case ColumnType::Place:
        return Tr::tr("place");
    }
    return {};
}

QString normalisedValue(ColumnType type, QStringView value)
{
    switch (type) {
    case ColumnType::Phone: {
        QString digits;
        digits.reserve(value.size());
        for (const QChar c : value)
            if (c.isDigit())
                digits += QChar(u'0' + c.digitValue());
        if (digits.size() == 15 && digits.startsWith(QLatin1String("0086")))
            digits.remove(0, 4);
        else if (digits.size() == 13 && digits.startsWith(QLatin1String("86")))
            digits.remove(0, 2);
        return digits;
    }
    case ColumnType::IdNumber:
    case ColumnType::Plate: {
        QString out;
        out.reserve(value.size());
        for (const QChar c : value)
            if (c.isLetterOrNumber())
                out += c.toUpper();
        return out;
    }
    case ColumnType::Integer:
    case ColumnType::Decimal:
        return value.trimmed().toString();
    default: {
        // Trimmed, case-folded, inner runs of spaces made one.
        QString out;
        out.reserve(value.size());
        bool space = false;
        for (const QChar c : value.trimmed()) {
            if (c.isSpace()) {
                space = true;
                continue;
            }
            if (space)
                out += QLatin1Char(' ');
            space = false;
            out += c.toCaseFolded();
        }
        return out;
    }
    }
}

void normaliseUtf8(ColumnType type, QByteArrayView in, QByteArray& out)
{
    const char* p = in.data();
    const qsizetype n = in.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (uchar(p[i]) >= 0x80) {
            out = normalisedValue(type, QString::fromUtf8(in)).toUtf8();
            return;
        }
    }
    // Written through a pointer into a buffer as long as the cell (the result is never longer).
    out.resize(n);
    char* o = out.data();
    qsizetype w = 0;
    const auto isSpace = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    switch (type) {
    case ColumnType::Phone: {
        for (qsizetype i = 0; i < n; ++i)
            if (p[i] >= '0' && p[i] <= '9')
                o[w++] = p[i];
        qsizetype skip = 0;
        if (w == 15 && std::memcmp(o, "0086", 4) == 0)
            skip = 4;
        else if (w == 13 && std::memcmp(o, "86", 2) == 0)
            skip = 2;
        if (skip > 0) {
            std::memmove(o, o + skip, size_t(w - skip));
            w -= skip;
        }
        break;
    }
    case ColumnType::IdNumber:
    case ColumnType::Plate:
        for (qsizetype i = 0; i < n; ++i) {
            const char c = p[i];
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
                o[w++] = c;
            else if (c >= 'a' && c <= 'z')
                o[w++] = char(c - 'a' + 'A');
        }
        break;
    default: {
        qsizetype from = 0, to = n;
        while (from < to && isSpace(p[from]))
            ++from;
        while (to > from && isSpace(p[to - 1]))
            --to;
        const bool fold = type != ColumnType::Integer && type != ColumnType::Decimal;
        bool space = false;
        for (qsizetype i = from; i < to; ++i) {
            const char c = p[i];
            if (fold && isSpace(c)) {
                space = true;
                continue;
            }
            if (space)
                o[w++] = ' ';
            space = false;
            o[w++] = (fold && c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        }
        break;
    }
    }
    out.truncate(w);
}

std::optional<qint64> parseDateTimeCell(QStringView value, const QString& format)
{
    const QStringView v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    if (!format.isEmpty()) {
        const QDateTime local = QDateTime::fromString(v.toString(), format);
        if (!local.isValid())
            return std::nullopt;
        // The wall clock as written, counted as if it were UTC (see the header).
        return QDateTime(local.date(), local.time(), Qt::UTC).toMSecsSinceEpoch();
    }
    // yyyy-MM-dd or yyyy/MM/dd, then optionally [ T]HH:mm[:ss[.zzz]].
    const int y = digitsAt(v, 0, 4);
    if (y >= 0 && v.size() >= 10 && (v[4] == QLatin1Char('-') || v[4] == QLatin1Char('/')) && v[7] == v[4]) {
        const int mo = digitsAt(v, 5, 2), d = digitsAt(v, 8, 2);
        if (mo < 1 || mo > 12 || d < 1 || d > 31)
            return std::nullopt;
        qint64 ms = daysFromCivil(y, mo, d) * 86'400'000;
        if (v.size() == 10)
            return ms;
        if (v.size() < 16 || (v[10] != QLatin1Char(' ') && v[10] != QLatin1Char('T')) || v[13] != QLatin1Char(':'))
            return std::nullopt;
        const int h = digitsAt(v, 11, 2), mi = digitsAt(v, 14, 2);
        if (h < 0 || h > 23 || mi < 0 || mi > 59)
            return std::nullopt;
        ms += (h * 3600 + mi * 60) * qint64(1000);
        qsizetype at = 16;
        if (v.size() >= 19 && v[16] == QLatin1Char(':')) {
            const int s = digitsAt(v, 17, 2);
            if (s < 0 || s > 60)
                return std::nullopt;
            ms += s * 1000;
            at = 19;
            if (v.size() > 19 && v[19] == QLatin1Char('.')) {
                at = 20;
                int frac = 0, n = 0;
                while (at < v.size() && v[at].isDigit()) {
                    if (n < 3) {
                        frac = frac * 10 + v[at].digitValue();
                        ++n;
                    }
                    ++at;
                }
                while (n++ < 3)
                    frac *= 10;
                ms += frac;
            }
        }
        // A trailing Z is the same wall clock; an offset is not applied (times compare as written).
        if (at < v.size() && v.mid(at) != QLatin1String("Z"))
            return std::nullopt;
        return ms;
    }
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok && seconds > 0 && seconds < qint64(1) << 40)
        return seconds * 1000;
    return std::nullopt;
}

std::optional<std::pair<double, double>> parsePlaceCell(QStringView value)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*([-+]?\d{1,3}(?:\.\d+)?)\s*[, ]\s*([-+]?\d{1,3}(?:\.\d+)?)\s*$)"));
    const auto m = re.match(value.toString());
    if (!m.hasMatch())
        return std::nullopt;
    const double lat = m.capturedView(1).toDouble(), lon = m.capturedView(2).toDouble();
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
        return std::nullopt;
    return std::pair{lat, lon};
}

bool cellFits(const ColumnSpec& column, QStringView value, QString* why)
{
    const QStringView v = value.trimmed();
    if (v.isEmpty())
        return true;
    const auto fail = [&](const QString& reason) {
        if (why)
            *why = reason;
        return false;
    };
    switch (column.type) {
    case ColumnType::Integer: {
        bool ok = false;
        (void)v.toLongLong(&ok);
        return ok || fail(Tr::tr("%1: \"%2\" is not a whole number").arg(column.name, v.left(40).toString()));
    }
    case ColumnType::Decimal: {
        bool ok = false;
        (void)v.toDouble(&ok);
        return ok || fail(Tr::tr("%1: \"%2\" is not a number").arg(column.name, v.left(40).toString()));
    }
    case ColumnType::DateTime:
        return parseDateTimeCell(v, column.format).has_value()
            || fail(column.format.isEmpty()
                        ? Tr::tr("%1: \"%2\" is not a date and time (yyyy-MM-dd HH:mm)").arg(column.name, v.left(40).toString())
                        : Tr::tr("%1: \"%2\" does not match the format %3").arg(column.name, v.left(40).toString(), column.format));
    case ColumnType::Phone: {
        const qsizetype n = normalisedValue(ColumnType::Phone, v).size();
        return (n >= 5 && n <= 15) || fail(Tr::tr("%1: \"%2\" is not a phone number").arg(column.name, v.left(40).toString()));
    }
    case ColumnType::IdNumber: {
        const qsizetype n = normalisedValue(ColumnType::IdNumber, v).size();
        return (n >= 6 && n <= 24) || fail(Tr::tr("%1: \"%2\" is not an ID number").arg(column.name, v.left(40).toString()));
    }
    default:
        return true;
    }
}

QList<ColumnSpec> proposeColumns(const QStringList& names, const QList<QStringList>& sample)
{
    struct Hint
    {
        ColumnType type;
        bool personal;
        QStringList words;
    };
    // By name first (English and Chinese headers), then by what the values look like.
    const QList<Hint> hints{
        {ColumnType::Phone, true, {QStringLiteral("phone"), QStringLiteral("mobile"), QStringLiteral("tel"), QStringLiteral("手机"), QStringLiteral("电话")}},
        {ColumnType::IdNumber, true, {QStringLiteral("id_number"), QStringLiteral("idnumber"), QStringLiteral("id number"), QStringLiteral("identity"), QStringLiteral("身份证")}},
        {ColumnType::Plate, false, {QStringLiteral("plate"), QStringLiteral("车牌")}},
        {ColumnType::DateTime, false, {QStringLiteral("time"), QStringLiteral("date"), QStringLiteral("when"), QStringLiteral("时间"), QStringLiteral("日期")}},
        {ColumnType::Place, false, {QStringLiteral("latlon"), QStringLiteral("lat_lon"), QStringLiteral("coordinates"), QStringLiteral("position"), QStringLiteral("坐标")}},
        {ColumnType::Account, false, {QStringLiteral("account"), QStringLiteral("user"), QStringLiteral("device"), QStringLiteral("imei"), QStringLiteral("ip"), QStringLiteral("账号"), QStringLiteral("账户"), QStringLiteral("设备")}},
        {ColumnType::Text, true, {QStringLiteral("name"), QStringLiteral("address"), QStringLiteral("姓名"), QStringLiteral("地址"), QStringLiteral("住址")}},
    };
    static const QRegularExpression mobile(QStringLiteral(R"(^\+?(86)?1\d{10}$|^\d{3}-\d{4}-\d{4}$)"));
    static const QRegularExpression idNumber(QStringLiteral(R"(^\d{17}[\dXx]$)"));
    QList<ColumnSpec> out;
    for (qsizetype c = 0; c < names.size(); ++c) {
        ColumnSpec spec;
        spec.name = names[c];
        const QString lower = names[c].toLower();
        bool named = false;
        for (const Hint& h : hints) {
            static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
            const QStringList words = lower.split(separators, Qt::SkipEmptyParts);
            const bool hit = std::any_of(h.words.begin(), h.words.end(), [&](const QString& w) {
                // A word of the name, or inside it when long enough to mean it (mobile_no) or not Latin (手机号).
                return words.contains(w) || lower == w || ((w.size() > 3 || w.at(0).unicode() > 0x2e80) && lower.contains(w));
            });
            if (hit) {
                spec.type = h.type;
                spec.personal = h.personal;
                named = true;
                break;
            }
        }
        // Values: all of the sample's non-empty values of one shape.
        int filled = 0, mobiles = 0, ids = 0, times = 0, ints = 0, decimals = 0;
        for (const QStringList& row : sample) {
            if (c >= row.size() || row[c].trimmed().isEmpty())
                continue;
            const QString v = row[c].trimmed();
            ++filled;
            mobiles += mobile.match(v).hasMatch() ? 1 : 0;
            ids += idNumber.match(v).hasMatch() ? 1 : 0;
            times += (v.size() >= 10 && parseDateTimeCell(v).has_value() && !v.at(4).isDigit()) ? 1 : 0;
            bool ok = false;
            v.toLongLong(&ok);
            ints += ok ? 1 : 0;
            v.toDouble(&ok);
            decimals += ok ? 1 : 0;
        }
        if (filled > 0) {
            if (ids == filled) {
                spec.type = ColumnType::IdNumber;
                spec.personal = true;
            } else if (mobiles == filled) {
                spec.type = ColumnType::Phone;
                spec.personal = true;
            } else if (times == filled) {
                spec.type = ColumnType::DateTime;
            } else if (!named && ints == filled) {
                spec.type = ColumnType::Integer;
            } else if (!named && decimals == filled) {
                spec.type = ColumnType::Decimal;
            }
        }
        out << spec;
    }
    return out;
}

RecordSet::RecordSet(QList<ColumnSpec> columns) : m_specs(std::move(columns)), m_data(m_specs.size()) {}

int RecordSet::column(const QString& name) const
{
    for (qsizetype i = 0; i < m_specs.size(); ++i)
        if (m_specs[i].name == name)
            return int(i);
    for (qsizetype i = 0; i < m_specs.size(); ++i)
        if (m_specs[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    return -1;
}

void RecordSet::reserve(qsizetype rows, qsizetype bytesPerCell)
{
    m_lines.reserve(rows);
    for (Column& c : m_data) {
        c.ends.reserve(rows);
        c.bytes.reserve(rows * bytesPerCell);
    }
}

void RecordSet::append(const QStringList& fields, qint64 line)
{
    for (qsizetype c = 0; c < m_data.size(); ++c) {
        Column& col = m_data[c];
        if (c < fields.size())
            col.bytes += fields[c].toUtf8();
        if (quint64(col.bytes.size()) > std::numeric_limits<quint32>::max())
            throw std::length_error("a column of the record set is over 4 GB");
        col.ends << quint32(col.bytes.size());
    }
    m_lines << line;
}

QByteArrayView RecordSet::raw(qsizetype row, int column) const
{
    const Column& col = m_data[column];
    const quint32 start = row == 0 ? 0 : col.ends[row - 1];
    return QByteArrayView(col.bytes.constData() + start, col.ends[row] - start);
}

QStringList RecordSet::row(qsizetype row) const
{
    QStringList out;
    out.reserve(m_data.size());
    for (qsizetype c = 0; c < m_data.size(); ++c)
        out << text(row, int(c));
    return out;
}

} // namespace hexhub::bigdata
