#pragma once
// The records a model runs over (issue 20 sections 1 and 2): columns with a name, a type and whether
// they hold personal data, and rows held column by column as UTF-8, compact enough for millions of
// rows in a few hundred megabytes.

#include "hexhub/bigdata_investigation/bigdata_investigation_export.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hexhub::bigdata {

struct TabularShape;

//! What a column holds. Identifiers (phone, ID number, account, plate) compare by their normal form.
enum class ColumnType { Text, Integer, Decimal, DateTime, Phone, IdNumber, Account, Plate, Place };

//! "text", "integer", "decimal", "datetime", "phone", "id_number", "account", "plate", "place".
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QString columnTypeKey(ColumnType type);
HEXHUB_BIGDATA_INVESTIGATION_EXPORT std::optional<ColumnType> columnTypeFromKey(const QString& key);
//! The type in the user's language.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QString columnTypeName(ColumnType type);
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QList<ColumnType> allColumnTypes();

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT ColumnSpec
{
    QString name;
    ColumnType type = ColumnType::Text;
    //! DateTime: a QDateTime format ("yyyy-MM-dd HH:mm"); empty: ISO dates and times, or Unix seconds.
    QString format;
    bool personal = false;

    bool operator==(const ColumnSpec&) const = default;
};

/*!
 * The value of a cell as a model compares it: phone numbers as their digits (a leading +86 / 0086
 * dropped), ID numbers and plates upper case without spaces and separators, accounts, places and
 * text trimmed and case-folded with inner spaces made one. Empty when the cell says nothing.
 */
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QString normalisedValue(ColumnType type, QStringView value);
//! The same on a cell's UTF-8 bytes into `out` (its UTF-8), without a QString for ASCII cells: for
//! the models' inner loops over millions of cells.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT void normaliseUtf8(ColumnType type, QByteArrayView utf8, QByteArray& out);
/*!
 * A date-time cell as milliseconds since 1970 counted on the wall clock it is written in (no time
 * zone applied, so hours and days fall where the records say): `format` when given, else
 * yyyy-MM-dd[ T]HH:mm[:ss[.zzz]], yyyy/MM/dd ..., a date alone, or Unix seconds. Nothing otherwise.
 */
HEXHUB_BIGDATA_INVESTIGATION_EXPORT std::optional<qint64> parseDateTimeCell(QStringView value, const QString& format = {});
//! A place cell "lat,lon" (or "lat lon") in degrees; nothing otherwise.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT std::optional<std::pair<double, double>> parsePlaceCell(QStringView value);
//! Whether `value` fits `column`'s type (empty fits every type). `why` says what is wrong.
HEXHUB_BIGDATA_INVESTIGATION_EXPORT bool cellFits(const ColumnSpec& column, QStringView value, QString* why = nullptr);

/*!
 * The mapping a file starts with (the mapping step shows it for the analyst to change): each column's
 * type proposed from its name (phone, 手机, id_number, 身份证, plate, time ...) and its sample values
 * (eleven-digit mobile numbers, eighteen-character ID numbers, dates), and personal data marked for
 * names, phones, ID numbers and addresses.
 */
HEXHUB_BIGDATA_INVESTIGATION_EXPORT QList<ColumnSpec> proposeColumns(const QStringList& names, const QList<QStringList>& sample);

/*!
 * Rows held column by column: each column one UTF-8 byte array with the end offset of every cell,
 * so a million rows of a few columns take tens of megabytes, not the half gigabyte a list of string
 * lists would. Append-only; read from any thread once filled.
 */
class HEXHUB_BIGDATA_INVESTIGATION_EXPORT RecordSet
{
public:
    explicit RecordSet(QList<ColumnSpec> columns = {});

    const QList<ColumnSpec>& columns() const { return m_specs; }
    //! The column's index by name (exact, then case-insensitive); -1 when none.
    int column(const QString& name) const;
    void reserve(qsizetype rows, qsizetype bytesPerCell = 12);
    //! One row: as many fields as columns (missing ones empty, extra ones ignored); `line` in the file.
    void append(const QStringList& fields, qint64 line);
    qsizetype rowCount() const { return m_lines.size(); }
    qint64 line(qsizetype row) const { return m_lines[row]; }
    QByteArrayView raw(qsizetype row, int column) const;
    QString text(qsizetype row, int column) const { return QString::fromUtf8(raw(row, column)); }
    QStringList row(qsizetype row) const;

private:
    struct Column
    {
        QByteArray bytes;
        QList<quint32> ends;
    };
    QList<ColumnSpec> m_specs;
    QList<Column> m_data;
    QList<qint64> m_lines;
};

} // namespace hexhub::bigdata
